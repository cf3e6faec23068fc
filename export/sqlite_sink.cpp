// The SQLite export. Tables (export/tables.hpp): reports, cells (the long form's value columns,
// keyed by report_id and path), checks, warnings, dictionary; views: long (cells with the labels
// and report columns joined in: long.csv's columns), active_disclosure, applications,
// reviews_litigation (the wide form, one column per canonical path). Built in a temporary file
// with journaling off and indexes created after the load, renamed into place at the end.
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "export/sinks.hpp"
#include "export/tables.hpp"

namespace zfxxgk::exporting {
namespace {

using extractor::Record;

// The cells table: these columns of the long form; labels and source come from the joins.
constexpr std::array<const char*, 8> kCellColumns = {"report_id", "agency", "year", "path",
                                                     "value",     "status", "raw",  "unit"};

std::string quoted_identifier(std::string_view name) {
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string quoted_literal(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out.push_back('\'');
        out.push_back(c);
    }
    out.push_back('\'');
    return out;
}

std::string create_table_sql(const TableSchema& t, std::string_view extra = {}) {
    std::string sql = "CREATE TABLE " + std::string(t.name) + " (";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        if (i > 0) sql += ", ";
        sql += std::string(t.columns[i].name) + " " + t.columns[i].sql_type;
        if (i == 0 && std::string_view(t.name) == "reports") sql += " PRIMARY KEY";
    }
    sql += extra;
    sql += ")";
    return sql;
}

std::string insert_sql(std::string_view table, std::size_t columns) {
    std::string sql = "INSERT INTO " + std::string(table) + " VALUES (";
    for (std::size_t i = 0; i < columns; ++i) sql += i == 0 ? "?" : ", ?";
    return sql + ")";
}

std::string long_view_sql() {
    const auto label = [](const char* column) {
        return std::string("COALESCE(d.") + column + ", (SELECT x." + column +
               " FROM dictionary x WHERE x.path = c.path ORDER BY x.rowid LIMIT 1)) AS " + column;
    };
    return "CREATE VIEW long AS SELECT c.report_id, c.agency, r.agency_name, r.region_code, c.year, r.template, c.path, " +
           label("label_zh") + ", " + label("label_en") +
           ", c.value, c.status, c.raw, c.unit, COALESCE(r.source_url, r.source_path) AS source, r.sha256 "
           "FROM cells c JOIN reports r ON r.report_id = c.report_id "
           "LEFT JOIN dictionary d ON d.template = r.template AND d.path = c.path ORDER BY c.rowid";
}

std::string wide_view_sql(const WideTable& t, HeaderLabels labels) {
    std::string sql = "CREATE VIEW " + t.object + " AS SELECT ";
    for (std::size_t i = 0; i < std::size(kWideKeyColumns); ++i) {
        sql += (i > 0 ? ", r." : "r.") + std::string(kWideKeyColumns[i]);
        if (labels == HeaderLabels::zh) sql += " AS " + quoted_identifier(kWideKeyColumnsZh[i]);
    }
    for (std::size_t i = 0; i < t.paths.size(); ++i) {
        sql += ", MAX(CASE WHEN c.path = " + quoted_literal(t.paths[i]) + " THEN c.value END) AS " +
               quoted_identifier(labels == HeaderLabels::zh ? t.labels_zh[i] : t.paths[i]);
    }
    // Paths of a table sort between "<object>." and "<object>/" ('/' follows '.').
    sql += " FROM reports r JOIN cells c ON c.report_id = r.report_id WHERE c.path > " + quoted_literal(t.object + ".") +
           " AND c.path < " + quoted_literal(t.object + "/") + " GROUP BY r.report_id ORDER BY r.report_id";
    return sql;
}

class Statement {
public:
    Statement() = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(stmt_); }

    int prepare(sqlite3* db, const std::string& sql) { return sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr); }
    void bind(int index, const Field& f) {
        switch (f.kind) {
            case Field::Kind::null: sqlite3_bind_null(stmt_, index); break;
            case Field::Kind::integer: sqlite3_bind_int64(stmt_, index, f.integer); break;
            case Field::Kind::number: sqlite3_bind_double(stmt_, index, f.number); break;
            case Field::Kind::text:
                sqlite3_bind_text(stmt_, index, f.text.data(), static_cast<int>(f.text.size()), SQLITE_STATIC);
                break;
        }
    }
    // Steps once and resets; returns the SQLite result code (SQLITE_DONE on success).
    int run() {
        const int rc = sqlite3_step(stmt_);
        sqlite3_reset(stmt_);
        return rc;
    }
    void finalize() {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
    }

private:
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteSink final : public Sink {
public:
    SqliteSink(std::filesystem::path file, HeaderLabels labels) : target_(std::move(file)), labels_(labels) {
        temp_ = target_.parent_path() / ("." + target_.filename().string() + ".tmp." + std::to_string(::getpid()));
        for (std::size_t i = 0; i < kCellColumns.size(); ++i) cell_columns_[i] = column_index(kLongTable, kCellColumns[i]);
    }
    ~SqliteSink() override {
        close();
        if (!committed_) {
            std::error_code ec;
            std::filesystem::remove(temp_, ec);
        }
    }

    std::string open() override {
        std::error_code ec;
        if (target_.has_parent_path()) std::filesystem::create_directories(target_.parent_path(), ec);
        if (ec) return target_.parent_path().string() + ": cannot create the output directory: " + ec.message();
        std::filesystem::remove(temp_, ec);
        if (sqlite3_open_v2(temp_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            return temp_.string() + ": cannot create the database: " + (db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory");
        }
        std::string sql =
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; "
            "PRAGMA cache_size = -32768; BEGIN; " +
            create_table_sql(kReportsTable) + "; " + create_table_sql(kChecksTable) + "; " +
            create_table_sql(kWarningsTable) + "; " + create_table_sql(kDictionaryTable, ", PRIMARY KEY (template, path)") +
            "; CREATE TABLE cells (";
        for (std::size_t i = 0; i < kCellColumns.size(); ++i) {
            sql += (i > 0 ? ", " : "") + std::string(kCellColumns[i]) + " " +
                   kLongTable.columns[static_cast<std::size_t>(cell_columns_[i])].sql_type;
        }
        sql += ");";
        if (std::string error = exec(sql); !error.empty()) return error;
        if (reports_.prepare(db_, insert_sql("reports", kReportsTable.columns.size())) != SQLITE_OK ||
            cells_.prepare(db_, insert_sql("cells", kCellColumns.size())) != SQLITE_OK ||
            checks_.prepare(db_, insert_sql("checks", kChecksTable.columns.size())) != SQLITE_OK ||
            warnings_.prepare(db_, insert_sql("warnings", kWarningsTable.columns.size())) != SQLITE_OK) {
            return database_error("cannot prepare the inserts");
        }
        Statement dict;
        if (dict.prepare(db_, insert_sql("dictionary", kDictionaryTable.columns.size())) != SQLITE_OK) {
            return database_error("cannot prepare the inserts");
        }
        for (const DictionaryEntry& e : dictionary()) {
            dictionary_fields(e, fields_);
            insert(dict, fields_);
        }
        return error_;
    }

    void report(const ReportInfo& info, const Record& record) override {
        report_fields(info, record, fields_);
        insert(reports_, fields_);
        for (const auto& v : record.values) {
            long_fields(info, record, v, fields_);
            for (std::size_t i = 0; i < kCellColumns.size(); ++i) {
                cells_.bind(static_cast<int>(i + 1), fields_[static_cast<std::size_t>(cell_columns_[i])]);
            }
            if (cells_.run() != SQLITE_DONE) keep_error("cannot insert a cell");
        }
        for (const auto& w : record.warnings) {
            warning_fields(info, record, w, fields_);
            insert(warnings_, fields_);
        }
    }

    void check(const CheckRow& row) override {
        check_fields(row, fields_);
        insert(checks_, fields_);
    }

    std::string commit() override {
        if (!error_.empty()) return error_;
        reports_.finalize();
        cells_.finalize();
        checks_.finalize();
        warnings_.finalize();
        std::string sql =
            "CREATE INDEX reports_agency_year ON reports (agency, year); "
            "CREATE INDEX cells_agency_year ON cells (agency, year); "
            "CREATE INDEX cells_path ON cells (path); "
            "CREATE INDEX cells_report ON cells (report_id, path); "
            "CREATE INDEX checks_agency_year ON checks (agency, year); "
            "CREATE INDEX checks_report ON checks (report_id); "
            "CREATE INDEX warnings_report ON warnings (report_id); " +
            long_view_sql() + "; ";
        for (const WideTable& t : wide_tables()) sql += wide_view_sql(t, labels_) + "; ";
        sql += "COMMIT;";
        if (std::string error = exec(sql); !error.empty()) return error;
        if (!close()) return database_error("cannot close the database");
        if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
            return target_.string() + ": cannot rename into place: " + std::strerror(errno);
        }
        committed_ = true;
        return {};
    }

private:
    std::string exec(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return {};
        std::string error = temp_.string() + ": " + (message != nullptr ? message : "SQLite error");
        sqlite3_free(message);
        return error;
    }
    std::string database_error(std::string_view what) {
        return temp_.string() + ": " + std::string(what) + ": " + (db_ != nullptr ? sqlite3_errmsg(db_) : "");
    }
    void keep_error(std::string_view what) {
        if (error_.empty()) error_ = database_error(what);
    }
    void insert(Statement& s, const std::vector<Field>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) s.bind(static_cast<int>(i + 1), fields[i]);
        if (s.run() != SQLITE_DONE) keep_error("cannot insert a row (disk full?)");
    }
    bool close() {
        if (db_ == nullptr) return true;
        reports_.finalize();
        cells_.finalize();
        checks_.finalize();
        warnings_.finalize();
        const bool ok = sqlite3_close(db_) == SQLITE_OK;
        db_ = nullptr;
        return ok;
    }

    std::filesystem::path target_;
    std::filesystem::path temp_;
    HeaderLabels labels_;
    sqlite3* db_ = nullptr;
    Statement reports_, cells_, checks_, warnings_;
    std::array<int, kCellColumns.size()> cell_columns_{};
    std::vector<Field> fields_;
    std::string error_;
    bool committed_ = false;
};

}  // namespace

std::unique_ptr<Sink> make_sqlite_sink(const std::filesystem::path& file, HeaderLabels labels) {
    return std::make_unique<SqliteSink>(file, labels);
}

}  // namespace zfxxgk::exporting
