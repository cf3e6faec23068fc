#include "crawl/state.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace zfxxgk::crawl {
namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS urls(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  portal TEXT NOT NULL,
  parent_id INTEGER,
  name TEXT NOT NULL DEFAULT '',
  first_seen TEXT NOT NULL,
  fetched_at TEXT,
  status INTEGER,
  error_kind TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_due INTEGER NOT NULL DEFAULT 0,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL DEFAULT '',
  bytes INTEGER,
  final_url TEXT,
  warc_file TEXT,
  warc_record_id TEXT,
  record_path TEXT NOT NULL DEFAULT '',
  duplicate_of INTEGER
);
CREATE INDEX IF NOT EXISTS urls_due ON urls(next_due);
CREATE INDEX IF NOT EXISTS urls_portal ON urls(portal, kind);
CREATE TABLE IF NOT EXISTS contents(sha256 TEXT PRIMARY KEY, url_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS robots(origin TEXT PRIMARY KEY, status INTEGER NOT NULL, body BLOB NOT NULL, fetched_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS warc_files(name TEXT PRIMARY KEY, bytes INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, exit_code INTEGER, summary TEXT);
INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');
)SQL";

// Binds by position from 1; std::optional binds NULL when empty.
class Binder {
public:
    explicit Binder(sqlite3_stmt* s) : s_(s) { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }
    Binder& text(const std::string& v) {
        sqlite3_bind_text(s_, ++i_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Binder& blob(const std::string& v) {
        sqlite3_bind_blob(s_, ++i_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Binder& integer(std::int64_t v) {
        sqlite3_bind_int64(s_, ++i_, v);
        return *this;
    }
    Binder& opt(const std::optional<std::string>& v) {
        if (v) return text(*v);
        sqlite3_bind_null(s_, ++i_);
        return *this;
    }
    Binder& opt(const std::optional<std::int64_t>& v) {
        if (v) return integer(*v);
        sqlite3_bind_null(s_, ++i_);
        return *this;
    }

private:
    sqlite3_stmt* s_;
    int i_ = 0;
};

std::string column_text(sqlite3_stmt* s, int i) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
    return p != nullptr ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

#define kRowColumns                                                                                         \
    "SELECT id, url, kind, name, COALESCE(status, 0), error_kind, attempts, next_due, etag, last_modified, " \
    "sha256, COALESCE(warc_file, ''), COALESCE(warc_record_id, ''), record_path, duplicate_of FROM urls"

UrlRow read_row(sqlite3_stmt* s) {
    UrlRow r;
    r.id = sqlite3_column_int64(s, 0);
    r.url = column_text(s, 1);
    r.kind = url_kind_from(column_text(s, 2));
    r.name = column_text(s, 3);
    r.status = sqlite3_column_int(s, 4);
    r.error_kind = column_text(s, 5);
    r.attempts = sqlite3_column_int(s, 6);
    r.next_due = sqlite3_column_int64(s, 7);
    r.etag = column_text(s, 8);
    r.last_modified = column_text(s, 9);
    r.sha256 = column_text(s, 10);
    r.warc_file = column_text(s, 11);
    r.warc_record_id = column_text(s, 12);
    r.record_path = column_text(s, 13);
    if (sqlite3_column_type(s, 14) != SQLITE_NULL) r.duplicate_of = sqlite3_column_int64(s, 14);
    return r;
}

}  // namespace

struct State::Statements {
    sqlite3_stmt* add_url = nullptr;
    sqlite3_stmt* find_url = nullptr;
    sqlite3_stmt* due = nullptr;
    sqlite3_stmt* previous = nullptr;
    sqlite3_stmt* update = nullptr;
    sqlite3_stmt* set_due = nullptr;
    sqlite3_stmt* count_listings = nullptr;
    sqlite3_stmt* content_owner = nullptr;
    sqlite3_stmt* add_content = nullptr;
    sqlite3_stmt* robots = nullptr;
    sqlite3_stmt* store_robots = nullptr;
    sqlite3_stmt* warc_files = nullptr;
    sqlite3_stmt* set_warc = nullptr;
    sqlite3_stmt* start_run = nullptr;
    sqlite3_stmt* finish_run = nullptr;
    sqlite3_stmt* lookup = nullptr;
    sqlite3_stmt* all = nullptr;
};

State::State(const std::filesystem::path& file) : file_(file), st_(std::make_unique<Statements>()) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        const std::string msg = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw std::runtime_error(file.string() + ": cannot open the crawl state: " + msg);
    }
    sqlite3_busy_timeout(db_, 5000);
    // WAL + synchronous=NORMAL: a crash of the process loses nothing committed; a power loss
    // may lose the last commits, which the archive-first order makes harmless (refetched).
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec(kSchema);
    Statements& s = *st_;
    s.add_url = prepare(
        "INSERT OR IGNORE INTO urls(url, kind, portal, parent_id, name, first_seen, next_due) VALUES(?,?,?,?,?,?,?)");
    s.find_url = prepare("SELECT id FROM urls WHERE url = ?");
    s.due = prepare(
        "SELECT id, url, kind, portal, name, etag, last_modified, attempts FROM urls WHERE next_due <= ? "
        "ORDER BY CASE kind WHEN 'listing' THEN 0 WHEN 'report' THEN 1 ELSE 2 END, id");
    s.previous = prepare("SELECT sha256, record_path FROM urls WHERE id = ?");
    s.update = prepare(
        "UPDATE urls SET fetched_at = ?, status = ?, error_kind = ?, error = ?, "
        "attempts = CASE WHEN ? THEN attempts + 1 ELSE 0 END, next_due = ?, "
        "etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), sha256 = COALESCE(?, sha256), "
        "bytes = COALESCE(?, bytes), final_url = COALESCE(?, final_url), warc_file = COALESCE(?, warc_file), "
        "warc_record_id = COALESCE(?, warc_record_id), record_path = COALESCE(?, record_path), "
        "duplicate_of = COALESCE(?, duplicate_of), name = COALESCE(?, name) WHERE id = ?");
    s.set_due = prepare("UPDATE urls SET next_due = ?, error_kind = ?, error = ? WHERE id = ?");
    s.count_listings = prepare("SELECT COUNT(*) FROM urls WHERE portal = ? AND kind = 'listing'");
    s.content_owner = prepare("SELECT url_id FROM contents WHERE sha256 = ?");
    s.add_content = prepare("INSERT OR IGNORE INTO contents(sha256, url_id) VALUES(?, ?)");
    s.robots = prepare("SELECT status, body, fetched_at FROM robots WHERE origin = ?");
    s.store_robots = prepare("INSERT OR REPLACE INTO robots(origin, status, body, fetched_at) VALUES(?,?,?,?)");
    s.warc_files = prepare("SELECT name, bytes FROM warc_files ORDER BY name");
    s.set_warc = prepare("INSERT OR REPLACE INTO warc_files(name, bytes) VALUES(?, ?)");
    s.start_run = prepare("INSERT INTO runs(started_at) VALUES(?)");
    s.finish_run = prepare("UPDATE runs SET finished_at = ?, exit_code = ?, summary = ? WHERE id = ?");
    s.lookup = prepare(kRowColumns " WHERE url = ?");
    s.all = prepare(kRowColumns " ORDER BY id");
}

State::~State() {
    if (st_) {
        for (sqlite3_stmt* s : {st_->add_url, st_->find_url, st_->due, st_->previous, st_->update, st_->set_due,
                                st_->count_listings, st_->content_owner, st_->add_content, st_->robots, st_->store_robots,
                                st_->warc_files, st_->set_warc, st_->start_run, st_->finish_run, st_->lookup, st_->all}) {
            sqlite3_finalize(s);
        }
    }
    if (db_ != nullptr) {
        // An open transaction here means the crawl stopped on an error before making the archive
        // durable: its updates may point past the archive, so they are dropped.
        if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db_);
    }
}

void State::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err != nullptr ? err : "unknown error";
        sqlite3_free(err);
        throw std::runtime_error(file_.string() + ": " + msg);
    }
}

sqlite3_stmt* State::prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
        throw std::runtime_error(file_.string() + ": " + sqlite3_errmsg(db_));
    }
    return s;
}

namespace {
void step_done(sqlite3* db, sqlite3_stmt* s, const std::filesystem::path& file) {
    const int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(file.string() + ": " + sqlite3_errmsg(db));
    sqlite3_reset(s);
}
}  // namespace

void State::begin() { exec("BEGIN IMMEDIATE"); }
void State::commit() { exec("COMMIT"); }

std::pair<std::int64_t, bool> State::add_url(const std::string& url, UrlKind kind, const std::string& portal,
                                             std::optional<std::int64_t> parent, const std::string& name,
                                             std::int64_t due, const std::string& now) {
    Binder(st_->add_url).text(url).text(to_string(kind)).text(portal).opt(parent).text(name).text(now).integer(due);
    step_done(db_, st_->add_url, file_);
    if (sqlite3_changes(db_) > 0) return {sqlite3_last_insert_rowid(db_), true};
    Binder(st_->find_url).text(url);
    std::int64_t id = 0;
    if (sqlite3_step(st_->find_url) == SQLITE_ROW) id = sqlite3_column_int64(st_->find_url, 0);
    sqlite3_reset(st_->find_url);
    return {id, false};
}

std::vector<DueUrl> State::due_urls(std::int64_t now) {
    std::vector<DueUrl> out;
    Binder(st_->due).integer(now);
    sqlite3_stmt* s = st_->due;
    while (sqlite3_step(s) == SQLITE_ROW) {
        DueUrl d;
        d.id = sqlite3_column_int64(s, 0);
        d.url = column_text(s, 1);
        d.kind = url_kind_from(column_text(s, 2));
        d.portal = column_text(s, 3);
        d.name = column_text(s, 4);
        d.etag = column_text(s, 5);
        d.last_modified = column_text(s, 6);
        d.attempts = sqlite3_column_int(s, 7);
        out.push_back(std::move(d));
    }
    sqlite3_reset(s);
    return out;
}

Previous State::previous(std::int64_t id) {
    Previous p;
    Binder(st_->previous).integer(id);
    if (sqlite3_step(st_->previous) == SQLITE_ROW) {
        p.sha256 = column_text(st_->previous, 0);
        p.record_path = column_text(st_->previous, 1);
    }
    sqlite3_reset(st_->previous);
    return p;
}

std::optional<UrlRow> State::lookup(const std::string& url) {
    Binder(st_->lookup).text(url);
    std::optional<UrlRow> out;
    if (sqlite3_step(st_->lookup) == SQLITE_ROW) out = read_row(st_->lookup);
    sqlite3_reset(st_->lookup);
    return out;
}

std::vector<UrlRow> State::all_urls() {
    std::vector<UrlRow> out;
    Binder b(st_->all);
    while (sqlite3_step(st_->all) == SQLITE_ROW) out.push_back(read_row(st_->all));
    sqlite3_reset(st_->all);
    return out;
}

void State::record_fetch(const FetchUpdate& u) {
    Binder(st_->update)
        .text(u.fetched_at)
        .integer(u.status)
        .text(u.error_kind)
        .text(u.error)
        .integer(u.failed ? 1 : 0)
        .integer(u.next_due)
        .opt(u.etag)
        .opt(u.last_modified)
        .opt(u.sha256)
        .opt(u.bytes)
        .opt(u.final_url)
        .opt(u.warc_file)
        .opt(u.warc_record_id)
        .opt(u.record_path)
        .opt(u.duplicate_of)
        .opt(u.name)
        .integer(u.id);
    step_done(db_, st_->update, file_);
}

void State::set_due(std::int64_t id, std::int64_t next_due, const std::string& error_kind, const std::string& error) {
    Binder(st_->set_due).integer(next_due).text(error_kind).text(error).integer(id);
    step_done(db_, st_->set_due, file_);
}

int State::count_listings(const std::string& portal) {
    Binder(st_->count_listings).text(portal);
    int n = 0;
    if (sqlite3_step(st_->count_listings) == SQLITE_ROW) n = sqlite3_column_int(st_->count_listings, 0);
    sqlite3_reset(st_->count_listings);
    return n;
}

std::optional<std::int64_t> State::content_owner(const std::string& sha256) {
    Binder(st_->content_owner).text(sha256);
    std::optional<std::int64_t> id;
    if (sqlite3_step(st_->content_owner) == SQLITE_ROW) id = sqlite3_column_int64(st_->content_owner, 0);
    sqlite3_reset(st_->content_owner);
    return id;
}

void State::add_content(const std::string& sha256, std::int64_t id) {
    Binder(st_->add_content).text(sha256).integer(id);
    step_done(db_, st_->add_content, file_);
}

std::optional<CachedRobots> State::robots(const std::string& origin) {
    Binder(st_->robots).text(origin);
    std::optional<CachedRobots> out;
    if (sqlite3_step(st_->robots) == SQLITE_ROW) {
        CachedRobots r;
        r.status = sqlite3_column_int(st_->robots, 0);
        const auto* b = static_cast<const char*>(sqlite3_column_blob(st_->robots, 1));
        if (b != nullptr) r.body.assign(b, static_cast<std::size_t>(sqlite3_column_bytes(st_->robots, 1)));
        r.fetched_at = sqlite3_column_int64(st_->robots, 2);
        out = std::move(r);
    }
    sqlite3_reset(st_->robots);
    return out;
}

void State::store_robots(const std::string& origin, const CachedRobots& r) {
    Binder(st_->store_robots).text(origin).integer(r.status).blob(r.body).integer(r.fetched_at);
    step_done(db_, st_->store_robots, file_);
}

std::vector<std::pair<std::string, std::uint64_t>> State::warc_files() {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    Binder b(st_->warc_files);
    while (sqlite3_step(st_->warc_files) == SQLITE_ROW) {
        out.emplace_back(column_text(st_->warc_files, 0), static_cast<std::uint64_t>(sqlite3_column_int64(st_->warc_files, 1)));
    }
    sqlite3_reset(st_->warc_files);
    return out;
}

void State::set_warc_size(const std::string& file, std::uint64_t bytes) {
    Binder(st_->set_warc).text(file).integer(static_cast<std::int64_t>(bytes));
    step_done(db_, st_->set_warc, file_);
}

std::int64_t State::start_run(const std::string& started_at) {
    Binder(st_->start_run).text(started_at);
    step_done(db_, st_->start_run, file_);
    return sqlite3_last_insert_rowid(db_);
}

void State::finish_run(std::int64_t run, const std::string& finished_at, int exit_code, const std::string& summary_json) {
    Binder(st_->finish_run).text(finished_at).integer(exit_code).text(summary_json).integer(run);
    step_done(db_, st_->finish_run, file_);
}

}  // namespace zfxxgk::crawl
