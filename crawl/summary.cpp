#include "crawl/summary.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace zfxxgk::crawl {

int Summary::failure_count() const {
    int n = 0;
    for (const auto& [kind, count] : failures) n += count;
    return n;
}

std::string Summary::to_json() const {
    nlohmann::ordered_json j;
    j["started_at"] = started_at;
    j["finished_at"] = finished_at;
    j["seconds"] = seconds;
    j["stopped_by"] = stopped_by.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(stopped_by);
    j["portals"] = portals;
    j["bad_lines"] = bad_lines;
    j["hosts"] = hosts;
    j["requests"] = requests;
    j["retries"] = retries;
    j["bytes"] = bytes;
    j["pages"] = pages;
    j["listings"] = {{"fetched", listings_fetched}, {"unchanged", listings_unchanged}};
    j["reports"] = {{"new", reports_new},
                    {"changed", reports_changed},
                    {"unchanged", reports_unchanged},
                    {"duplicate", reports_duplicate},
                    {"not_extracted", reports_not_extracted}};
    j["attachments"] = {{"found", attachments_found}, {"downloaded", attachments_downloaded}};
    j["records_written"] = records_written;
    j["conflicts"] = conflicts;
    j["redirects"] = redirects;
    j["robots_disallowed"] = robots_disallowed;
    j["deferred"] = deferred;
    j["left_in_queue"] = left_in_queue;
    nlohmann::ordered_json f = nlohmann::ordered_json::object();
    for (const auto& [kind, count] : failures) f[kind] = count;
    j["failures"] = f;
    j["failures_total"] = failure_count();
    return j.dump(2);
}

std::string Summary::to_text() const {
    std::ostringstream o;
    o << "zfxxgk crawl: " << portals << " portals (" << bad_lines << " bad lines), " << hosts << " hosts, " << pages
      << " pages in " << static_cast<long long>(seconds + 0.5) << " s (" << requests << " requests, " << retries
      << " retries, " << bytes << " bytes)\n";
    o << "  reports: " << reports_new << " new, " << reports_changed << " changed, " << reports_unchanged << " unchanged, "
      << reports_duplicate << " duplicate, " << reports_not_extracted << " not extracted; " << records_written
      << " records written, " << conflicts << " conflicts\n";
    o << "  listings: " << listings_fetched << " fetched, " << listings_unchanged << " unchanged; attachments: "
      << attachments_found << " found, " << attachments_downloaded << " downloaded; " << robots_disallowed
      << " disallowed by robots.txt; " << deferred << " deferred\n";
    o << "  failures: " << failure_count();
    if (!failures.empty()) {
        o << " (";
        bool first = true;
        for (const auto& [kind, count] : failures) {
            o << (first ? "" : ", ") << kind << " " << count;
            first = false;
        }
        o << ")";
    }
    o << '\n';
    if (!stopped_by.empty()) o << "  stopped by " << stopped_by << "; " << left_in_queue << " URLs left for the next run\n";
    return o.str();
}

}  // namespace zfxxgk::crawl
