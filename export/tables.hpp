#pragma once
// The export's tables, defined once for every format: their columns (name, SQL type, meaning)
// and how a record, a check or a warning becomes a row of typed fields. CSV, JSON Lines and
// SQLite only serialize these rows, so the formats cannot drift apart.
//
//   reports     one row per record file
//   long        one row per record × canonical path (CSV long.csv, JSON Lines; SQLite: `cells`
//               holds its value columns and the view `long` joins in the rest)
//   checks      the records' own checks and the panel checks
//   warnings    the records' warnings
//   dictionary  every template's canonical paths with labels, type and unit
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "export/columns.hpp"
#include "export/dataset_visitor.hpp"
#include "extractor/record.hpp"

namespace zfxxgk::exporting {

struct Field {
    enum class Kind : std::uint8_t { null, integer, number, text } kind = Kind::null;
    std::int64_t integer = 0;
    double number = 0;
    std::string_view text;  // points into the record, the check or static data

    static Field of(std::int64_t i) { return {Kind::integer, i, 0, {}}; }
    static Field of(double d) { return {Kind::number, 0, d, {}}; }
    static Field of(std::string_view s) { return {Kind::text, 0, 0, s}; }
    static Field of(const std::optional<std::string>& s) { return s ? of(std::string_view(*s)) : Field{}; }
    static Field of(const std::optional<int>& i) { return i ? of(static_cast<std::int64_t>(*i)) : Field{}; }
    static Field of(const std::optional<double>& d) { return d ? of(*d) : Field{}; }
    static Field text_or_null(std::string_view s) { return s.empty() ? Field{} : of(s); }
};

struct Column {
    const char* name;
    const char* sql_type;  // "INTEGER", "REAL", "TEXT"
};

struct TableSchema {
    const char* name;
    std::span<const Column> columns;
};

extern const TableSchema kReportsTable;
extern const TableSchema kLongTable;
extern const TableSchema kChecksTable;
extern const TableSchema kWarningsTable;
extern const TableSchema kDictionaryTable;

// Each fills `out` (cleared first) with one field per column of its table.
void report_fields(const ReportInfo& info, const extractor::Record& record, std::vector<Field>& out);
void long_fields(const ReportInfo& info, const extractor::Record& record, const extractor::Value& value,
                 std::vector<Field>& out);
void check_fields(const CheckRow& row, std::vector<Field>& out);
void warning_fields(const ReportInfo& info, const extractor::Record& record, const extractor::Warning& warning,
                    std::vector<Field>& out);
void dictionary_fields(const DictionaryEntry& entry, std::vector<Field>& out);

// The index of a column by name, or -1.
int column_index(const TableSchema& table, std::string_view name);

}  // namespace zfxxgk::exporting
