#include "export/dataset_walk.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

#include "export/panel.hpp"

namespace zfxxgk::exporting {
namespace {

namespace fs = std::filesystem;

struct RecordFile {
    std::string rel;  // "<agency dir>/<name>.json"
    bool known = false;  // agency and year both known: the record can join a panel
    std::string agency_id;
    int year = 0;
    bool named_year = false;  // the file is "<year>.json", the first choice for its agency-year
};

bool ends_with_json(const std::string& name) { return name.size() > 5 && name.ends_with(".json"); }

// The record files below `dir`: <dir>/<subdir>/*.json, hidden names (temporary files) skipped.
std::vector<RecordFile> list_record_files(const fs::path& dir, std::string& error) {
    std::vector<RecordFile> files;
    std::error_code ec;
    fs::directory_iterator top(dir, ec);
    if (ec) {
        error = dir.string() + ": " + (ec == std::errc::no_such_file_or_directory ? "no such directory"
                                       : ec == std::errc::not_a_directory            ? "is not a directory"
                                                                                     : "cannot be read: " + ec.message());
        return files;
    }
    for (const auto& sub : top) {
        const std::string sub_name = sub.path().filename().string();
        std::error_code sec;
        if (sub_name.starts_with('.') || !sub.is_directory(sec)) continue;
        fs::directory_iterator inner(sub.path(), sec);
        if (sec) {
            RecordFile f;  // reported when read
            f.rel = sub_name;
            files.push_back(std::move(f));
            continue;
        }
        for (const auto& entry : inner) {
            const std::string name = entry.path().filename().string();
            if (name.starts_with('.') || !ends_with_json(name)) continue;
            RecordFile f;
            f.rel = sub_name + "/" + name;
            files.push_back(std::move(f));
        }
    }
    return files;
}

// Reads a file, or its first `limit` bytes, into `out`; returns the error, empty on success.
std::string read_file(const fs::path& path, std::string& out, std::size_t limit = SIZE_MAX) {
    out.clear();
    // O_NONBLOCK: a FIFO among the records must not hang the walk (no effect on regular files)
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::string("cannot be read: ") + std::strerror(errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return S_ISDIR(st.st_mode) ? "is a directory, not a record" : "is not a regular file, not a record";
    }
    const std::size_t want = std::min<std::size_t>(limit, st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0);
    out.resize(want);
    std::size_t done = 0;
    for (;;) {
        if (done == out.size()) {
            if (done >= limit) break;
            out.resize(std::min(limit, done + 65536));  // the file grew, or st_size was 0
        }
        const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string err = std::strerror(errno);
            ::close(fd);
            return "cannot be read: " + err;
        }
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    ::close(fd);
    return {};
}

// Fills in the identity of `f` from its head; a file that cannot be read or parsed keeps
// known = false and is reported when read in full.
void probe(const fs::path& dir, RecordFile& f, const AgencyMap* map, std::string& buffer) {
    constexpr std::size_t kHead = 4096;
    if (!read_file(dir / f.rel, buffer, kHead).empty()) return;
    extractor::RecordHead head = extractor::read_record_head(buffer);
    if (!head.complete && buffer.size() == kHead) {
        if (!read_file(dir / f.rel, buffer).empty()) return;
        head = extractor::read_record_head(buffer);
    }
    if (!head.agency || head.agency->empty() || !head.year) return;
    f.known = true;
    f.agency_id = std::string(map != nullptr ? map->id_for(*head.agency) : std::string_view(*head.agency));
    f.year = *head.year;
    const std::string name = f.rel.substr(f.rel.rfind('/') + 1);
    f.named_year = name == std::to_string(f.year) + ".json";
}

bool walk_order(const RecordFile& a, const RecordFile& b) {
    if (a.known != b.known) return a.known;
    if (!a.known) return a.rel < b.rel;
    if (a.agency_id != b.agency_id) return a.agency_id < b.agency_id;
    if (a.year != b.year) return a.year < b.year;
    if (a.named_year != b.named_year) return a.named_year;
    return a.rel < b.rel;
}

std::string read_failure_message(const extractor::ReadRecordResult& r) {
    switch (r.failure) {
        case extractor::ReadFailure::not_json:
        case extractor::ReadFailure::not_a_record:
            return r.error + "; re-extract the report or move the file out of the dataset";
        default: return r.error;
    }
}

CheckRow report_check(const ReportInfo& info, const extractor::Record& record, const extractor::Check& c) {
    CheckRow row;
    row.report_id = info.report_id;
    row.file = info.file;
    row.agency = info.agency;
    row.year = record.year;
    row.scope = CheckScope::report;
    row.rule = c.rule;
    row.subject = c.subject;
    row.outcome = c.status == extractor::CheckStatus::pass   ? CheckOutcome::pass
                  : c.status == extractor::CheckStatus::fail ? CheckOutcome::fail
                                                             : CheckOutcome::not_assessable;
    row.expected = c.expected;
    row.actual = c.actual;
    return row;
}

}  // namespace

WalkResult walk_dataset(const fs::path& dir, const WalkOptions& options, DatasetVisitor& visitor) {
    WalkResult result;
    std::vector<RecordFile> files = list_record_files(dir, result.error);
    if (!result.error.empty()) return result;
    result.files = files.size();
    std::string buffer;
    for (RecordFile& f : files) probe(dir, f, options.agency_map, buffer);
    std::sort(files.begin(), files.end(), walk_order);

    Panel panel;
    std::vector<CheckRow> panel_rows;
    std::optional<std::pair<std::string, int>> last_in_panel;  // the agency-year that has its panel record
    std::int64_t next_id = 1;
    for (const RecordFile& f : files) {
        const std::string shown = (dir / f.rel).string();
        std::string error = read_file(dir / f.rel, buffer);
        if (error.empty() && buffer.empty()) error = "is empty (an interrupted write?); re-extract the report";
        extractor::ReadRecordResult read;
        if (error.empty()) {
            read = extractor::read_record(buffer, {options.tables});
            if (!read.ok()) error = read_failure_message(read);
        }
        if (!error.empty()) {
            ++result.unreadable;
            visitor.file_error({shown, std::move(error)});
            continue;
        }
        const extractor::Record& record = read.record;
        ReportInfo info;
        info.report_id = next_id++;
        info.file = f.rel;
        if (record.agency && !record.agency->empty()) {
            info.agency = std::string(options.agency_map != nullptr ? options.agency_map->id_for(*record.agency)
                                                                    : std::string_view(*record.agency));
        }
        info.extractor_version = read.extractor_version;
        if (!info.agency.empty() && record.year) {
            const std::pair<std::string, int> key{info.agency, *record.year};
            info.in_panel = !last_in_panel || *last_in_panel != key;
            if (info.in_panel) last_in_panel = key;
        }
        ++result.records;
        visitor.report(info, record);
        for (const auto& c : record.checks) visitor.check(report_check(info, record, c));
        if (info.in_panel) {
            panel_rows.clear();
            panel.add(info.agency, panel_facts(info, record, *record.year), panel_rows);
            for (const auto& row : panel_rows) visitor.check(row);
        }
    }
    return result;
}

}  // namespace zfxxgk::exporting
