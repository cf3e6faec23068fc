#include "export/panel.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

#include "extractor/template.hpp"

namespace zfxxgk::exporting {
namespace {

using extractor::Record;

const std::vector<extractor::ColumnSpec>& applicant_columns() {
    return extractor::template_2021().tables[1].column_sets[0];
}

constexpr std::array<std::string_view, 2> kDocumentRows = {"regulations", "normative_documents"};

std::string number_text(double d) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, r.ptr);
}

std::string number_text(const std::optional<double>& d) { return d ? number_text(*d) : "null"; }

CheckRow panel_row(const std::string& agency, const PanelFacts& now, std::string rule, std::string subject) {
    CheckRow row;
    row.report_id = now.report_id;
    row.file = now.file;
    row.agency = agency;
    row.year = now.year;
    row.scope = CheckScope::panel;
    row.rule = std::move(rule);
    row.subject = std::move(subject);
    return row;
}

void carried_over(const std::string& agency, const PanelFacts& before, const PanelFacts& now,
                  std::vector<CheckRow>& out) {
    if (!before.has_applications || !now.has_applications) return;
    const auto& columns = applicant_columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        CheckRow row = panel_row(agency, now, "panel.carried_over", std::string(columns[i].key));
        row.expected = before.carried_forward[i];
        row.actual = now.carried_over[i];
        row.outcome = !row.expected || !row.actual ? CheckOutcome::not_assessable
                      : *row.expected == *row.actual ? CheckOutcome::pass
                                                     : CheckOutcome::fail;
        row.detail = "carried_over " + std::to_string(now.year) + " vs carried_forward " + std::to_string(before.year) +
                     " (" + before.file + ")";
        out.push_back(std::move(row));
    }
}

void in_force(const std::string& agency, const PanelFacts& before, const PanelFacts& now, std::vector<CheckRow>& out) {
    if (before.template_id != "2021" || now.template_id != "2021") return;
    for (std::size_t i = 0; i < kDocumentRows.size(); ++i) {
        const auto& b = before.documents[i];
        const auto& n = now.documents[i];
        CheckRow row = panel_row(agency, now, "panel.in_force", std::string(kDocumentRows[i]));
        if (b.in_force && n.issued && n.repealed) row.expected = *b.in_force + *n.issued - *n.repealed;
        row.actual = n.in_force;
        row.outcome = !row.expected || !row.actual ? CheckOutcome::not_assessable
                      : *row.expected == *row.actual ? CheckOutcome::pass
                                                     : CheckOutcome::differs;
        row.detail = "in_force " + std::to_string(before.year) + " (" + number_text(b.in_force) + ") + issued (" +
                     number_text(n.issued) + ") - repealed (" + number_text(n.repealed) + ") of " +
                     std::to_string(now.year) + "; soft check (" + before.file + ")";
        out.push_back(std::move(row));
    }
}

void copied_text(const std::string& agency, const PanelFacts& before, const PanelFacts& now,
                 std::vector<CheckRow>& out) {
    const std::array<std::pair<const char*, const std::optional<BigramSet> PanelFacts::*>, 2> sections = {
        {{"overview", &PanelFacts::overview}, {"problems", &PanelFacts::problems}}};
    for (const auto& [name, member] : sections) {
        const auto& b = before.*member;
        const auto& n = now.*member;
        CheckRow row = panel_row(agency, now, "panel.copied_text", name);
        if (b && n && b->size() >= kMinBigrams && n->size() >= kMinBigrams) {
            const double similarity = std::round(jaccard(*b, *n) * 10000.0) / 10000.0;
            row.actual = similarity;
            row.outcome = similarity >= kCopiedThreshold ? CheckOutcome::fail : CheckOutcome::pass;
            row.detail = "character-bigram Jaccard similarity to the " + std::to_string(before.year) +
                         " text; copied at >= 0.9 (" + before.file + ")";
        } else {
            row.outcome = CheckOutcome::not_assessable;
            row.detail = "the " + std::to_string(before.year) + " or " + std::to_string(now.year) +
                         " section is absent or shorter than " + std::to_string(kMinBigrams) + " character bigrams";
        }
        out.push_back(std::move(row));
    }
}

void missing_years(const std::string& agency, const PanelFacts& before, const PanelFacts& now,
                   std::vector<CheckRow>& out) {
    for (int y = before.year + 1; y < now.year; ++y) {
        CheckRow row = panel_row(agency, now, "panel.missing_year", std::to_string(y));
        row.report_id = 0;
        row.year = y;
        row.outcome = CheckOutcome::missing;
        row.detail = "no record for " + std::to_string(y) + " between " + std::to_string(before.year) + " (" +
                     before.file + ") and " + std::to_string(now.year) + " (" + now.file + ")";
        out.push_back(std::move(row));
    }
}

}  // namespace

PanelFacts panel_facts(const ReportInfo& info, const Record& record, int year) {
    PanelFacts f;
    f.report_id = info.report_id;
    f.file = info.file;
    f.year = year;
    f.template_id = record.template_id;
    const auto& columns = applicant_columns();
    for (const auto& v : record.values) {
        const std::string_view path = v.path;
        if (path.starts_with("applications.")) {
            f.has_applications = true;
            const std::size_t dot = path.rfind('.');
            const std::string_view row = path.substr(13, dot - 13);
            const std::string_view column = path.substr(dot + 1);
            auto* target = row == "carried_over" ? &f.carried_over : row == "carried_forward" ? &f.carried_forward : nullptr;
            if (target == nullptr) continue;
            for (std::size_t i = 0; i < columns.size(); ++i) {
                if (columns[i].key == column) (*target)[i] = v.number;
            }
        } else if (path.starts_with("active_disclosure.")) {
            for (std::size_t i = 0; i < kDocumentRows.size(); ++i) {
                const std::string prefix = "active_disclosure." + std::string(kDocumentRows[i]) + ".";
                if (!path.starts_with(prefix)) continue;
                const std::string_view column = path.substr(prefix.size());
                auto& d = f.documents[i];
                if (column == "issued") d.issued = v.number;
                if (column == "repealed") d.repealed = v.number;
                if (column == "in_force") d.in_force = v.number;
            }
        }
    }
    if (record.sections[0]) f.overview = bigram_set(*record.sections[0]);
    if (record.sections[4]) f.problems = bigram_set(*record.sections[4]);
    return f;
}

void Panel::add(const std::string& agency, PanelFacts facts, std::vector<CheckRow>& out) {
    if (agency != agency_) {
        agency_ = agency;
        previous_.reset();
    }
    if (previous_ && facts.year > previous_->year) {
        if (facts.year == previous_->year + 1) {
            carried_over(agency, *previous_, facts, out);
            in_force(agency, *previous_, facts, out);
            copied_text(agency, *previous_, facts, out);
        } else {
            missing_years(agency, *previous_, facts, out);
        }
    }
    previous_ = std::move(facts);
}

}  // namespace zfxxgk::exporting
