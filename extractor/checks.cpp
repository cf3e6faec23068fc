#include "extractor/checks.hpp"

#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zfxxgk::extractor {
namespace {

class Checker {
public:
    explicit Checker(const Record& r) {
        for (const auto& v : r.values) index_.emplace(v.path, &v);
    }

    std::optional<double> get(const std::string& path) const {
        auto it = index_.find(path);
        return it == index_.end() ? std::nullopt : it->second->number;
    }

    // expected = sum of `parts`, actual = `whole`.
    void sum(const std::string& rule, const std::string& subject, const std::vector<std::string>& parts,
             const std::vector<std::string>& whole) {
        Check c;
        c.rule = rule;
        c.subject = subject;
        const auto a = total(parts);
        const auto b = total(whole);
        if (a && b) {
            c.expected = *a;
            c.actual = *b;
            c.status = std::fabs(*a - *b) < 1e-9 ? CheckStatus::pass : CheckStatus::fail;
        }
        checks.push_back(std::move(c));
    }

    std::vector<Check> checks;

private:
    std::optional<double> total(const std::vector<std::string>& paths) const {
        double sum = 0;
        for (const auto& p : paths) {
            auto v = get(p);
            if (!v) return std::nullopt;
            sum += *v;
        }
        return sum;
    }
    std::unordered_map<std::string_view, const Value*> index_;
};

}  // namespace

std::vector<Check> run_checks(const Record& record, const TableSpec* table3, const TableSpec* table4) {
    Checker ck(record);
    if (table3 != nullptr) {
        const std::string base = std::string(table3->object) + ".";
        const auto& columns = table3->column_sets[0];
        std::vector<std::string> leaves;  // outcome rows below outcomes.total
        for (const auto& row : table3->rows) {
            const std::string_view p = row.path;
            if (p.substr(0, 9) == "outcomes." && p != "outcomes.total") leaves.push_back(std::string(p));
        }
        // (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)
        for (const auto& col : columns) {
            const std::string k(col.key);
            ck.sum("applications.balance", k, {base + "received." + k, base + "carried_over." + k},
                   {base + "outcomes.total." + k, base + "carried_forward." + k});
        }
        for (const auto& col : columns) {
            const std::string k(col.key);
            std::vector<std::string> parts;
            for (const auto& leaf : leaves) parts.push_back(base + leaf + "." + k);
            ck.sum("applications.outcomes_sum", k, parts, {base + "outcomes.total." + k});
        }
        for (const auto& row : table3->rows) {
            std::vector<std::string> parts;
            for (std::size_t c = 0; c + 1 < columns.size(); ++c) {
                parts.push_back(base + std::string(row.path) + "." + std::string(columns[c].key));
            }
            ck.sum("applications.row_total", std::string(row.path), parts,
                   {base + std::string(row.path) + "." + std::string(columns.back().key)});
        }
    }
    if (table4 != nullptr) {
        const std::string base = std::string(table4->object) + ".";
        for (const auto& row : table4->rows) {
            const auto& columns = table4->column_sets[static_cast<std::size_t>(row.column_set)];
            std::vector<std::string> parts;
            for (std::size_t c = 0; c + 1 < columns.size(); ++c) {
                parts.push_back(base + std::string(row.path) + "." + std::string(columns[c].key));
            }
            ck.sum("reviews_litigation.total", std::string(row.path), parts,
                   {base + std::string(row.path) + "." + std::string(columns.back().key)});
        }
    }
    return std::move(ck.checks);
}

}  // namespace zfxxgk::extractor
