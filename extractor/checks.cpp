#include "extractor/checks.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zfxxgk::extractor {
namespace {

// One 勾稽 rule applied to one subject: expected = sum of `parts`, actual = sum of `whole`.
struct Rule {
    std::string rule;
    std::string subject;
    std::vector<std::string> parts;
    std::vector<std::string> whole;
};

// The rules of a table depend on its spec alone, so they are spelled out once per spec.
std::vector<Rule> table3_rules(const TableSpec& table3) {
    std::vector<Rule> rules;
    const std::string base = std::string(table3.object) + ".";
    const auto& columns = table3.column_sets[0];
    std::vector<std::string> leaves;  // outcome rows below outcomes.total
    for (const auto& row : table3.rows) {
        const std::string_view p = row.path;
        if (p.substr(0, 9) == "outcomes." && p != "outcomes.total") leaves.push_back(std::string(p));
    }
    // (本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)
    for (const auto& col : columns) {
        const std::string k(col.key);
        rules.push_back({"applications.balance", k, {base + "received." + k, base + "carried_over." + k},
                         {base + "outcomes.total." + k, base + "carried_forward." + k}});
    }
    for (const auto& col : columns) {
        const std::string k(col.key);
        std::vector<std::string> parts;
        for (const auto& leaf : leaves) parts.push_back(base + leaf + "." + k);
        rules.push_back({"applications.outcomes_sum", k, std::move(parts), {base + "outcomes.total." + k}});
    }
    for (const auto& row : table3.rows) {
        std::vector<std::string> parts;
        for (std::size_t c = 0; c + 1 < columns.size(); ++c) {
            parts.push_back(base + std::string(row.path) + "." + std::string(columns[c].key));
        }
        rules.push_back({"applications.row_total", std::string(row.path), std::move(parts),
                         {base + std::string(row.path) + "." + std::string(columns.back().key)}});
    }
    return rules;
}

std::vector<Rule> table4_rules(const TableSpec& table4) {
    std::vector<Rule> rules;
    const std::string base = std::string(table4.object) + ".";
    for (const auto& row : table4.rows) {
        const auto& columns = table4.column_sets[static_cast<std::size_t>(row.column_set)];
        std::vector<std::string> parts;
        for (std::size_t c = 0; c + 1 < columns.size(); ++c) {
            parts.push_back(base + std::string(row.path) + "." + std::string(columns[c].key));
        }
        rules.push_back({"reviews_litigation.total", std::string(row.path), std::move(parts),
                         {base + std::string(row.path) + "." + std::string(columns.back().key)}});
    }
    return rules;
}

// Template specs are static data: their rules are built on first use and kept.
const std::vector<Rule>& rules_of(const TableSpec& spec, std::vector<Rule> (*build)(const TableSpec&)) {
    static std::mutex mutex;
    static std::map<const TableSpec*, std::unique_ptr<const std::vector<Rule>>> cache;
    const std::lock_guard<std::mutex> lock(mutex);
    auto& slot = cache[&spec];
    if (!slot) slot = std::make_unique<const std::vector<Rule>>(build(spec));
    return *slot;
}

// Canonical paths share long prefixes ("applications.outcomes.denied.") and differ towards the
// end: a hash of their length and two eight-byte words, one of them the last, tells them apart
// at a fraction of the cost of hashing every byte (a collision costs a comparison, nothing else).
struct PathHash {
    std::size_t operator()(std::string_view s) const {
        if (s.size() < 16) return std::hash<std::string_view>{}(s);
        std::uint64_t tail = 0;
        std::uint64_t mid = 0;
        std::memcpy(&tail, s.data() + s.size() - 8, 8);
        std::memcpy(&mid, s.data() + s.size() / 2 - 4, 8);
        return static_cast<std::size_t>((tail * 0x9E3779B97F4A7C15ULL) ^ (mid * 0xC2B2AE3D27D4EB4FULL) ^ s.size());
    }
};

class Checker {
public:
    explicit Checker(const Record& r) {
        index_.reserve(r.values.size());
        for (const auto& v : r.values) index_.emplace(v.path, &v);
    }

    void apply(const std::vector<Rule>& rules) {
        for (const auto& rule : rules) {
            Check c;
            c.rule = rule.rule;
            c.subject = rule.subject;
            const auto a = total(rule.parts);
            const auto b = total(rule.whole);
            if (a && b) {
                c.expected = *a;
                c.actual = *b;
                c.status = std::fabs(*a - *b) < 1e-9 ? CheckStatus::pass : CheckStatus::fail;
            }
            checks.push_back(std::move(c));
        }
    }

    std::vector<Check> checks;

private:
    std::optional<double> total(const std::vector<std::string>& paths) const {
        double sum = 0;
        for (const auto& p : paths) {
            const auto it = index_.find(p);
            if (it == index_.end() || !it->second->number) return std::nullopt;
            sum += *it->second->number;
        }
        return sum;
    }
    std::unordered_map<std::string_view, const Value*, PathHash> index_;
};

}  // namespace

std::vector<Check> run_checks(const Record& record, const TableSpec* table3, const TableSpec* table4) {
    Checker ck(record);
    if (table3 != nullptr) ck.apply(rules_of(*table3, table3_rules));
    if (table4 != nullptr) ck.apply(rules_of(*table4, table4_rules));
    return std::move(ck.checks);
}

}  // namespace zfxxgk::extractor
