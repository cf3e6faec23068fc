// What a finished request leads to: the archive, robots.txt, redirects, listing pages (more
// URLs), report pages (records), attachments, failures — and the state update for each.
#include <cstring>
#include <iostream>

#include "crawl/archive_replay.hpp"
#include "crawl/crawler_impl.hpp"
#include "extractor/dataset.hpp"
#include "extractor/extract.hpp"
#include "extractor/record_json.hpp"
#include "fetch/charset.hpp"
#include "fetch/content_disposition.hpp"
#include "tables/html_links.hpp"

namespace zfxxgk::crawl::detail {
namespace {

const char* truncation_reason(fetch::FetchError e) {
    switch (e) {
        case fetch::FetchError::too_large: return "length";
        case fetch::FetchError::timeout: return "time";
        case fetch::FetchError::none: return "";
        default: return "disconnect";
    }
}

std::string http_failure_kind(int status) { return "http_" + std::to_string(status); }

}  // namespace

std::int64_t Crawler::next_due_after_success(UrlKind kind) const {
    return now_unix() + (kind == UrlKind::listing ? options_.revisit_listings : options_.revisit_reports).count();
}

// Every exchange that brought a response head is stored, retries included.
std::optional<fetch::WarcLocation> Crawler::archive(const fetch::HttpResult& result, const Task& task) {
    std::optional<fetch::WarcLocation> last;
    for (std::size_t i = 0; i < result.attempts.size(); ++i) {
        const fetch::HttpExchange& ex = result.attempts[i];
        summary_.bytes += ex.response_head.size() + ex.body.size();
        if (ex.status == 0 || ex.request_head.empty()) continue;
        fetch::WarcExchange w{ex.url,  ex.started, ex.ip, ex.request_head, ex.response_head, ex.body, truncation_reason(ex.error),
                              {{kWarcKindField, task.robots ? "robots" : to_string(task.kind)}}};
        auto loc = warc_->write_exchange(w);
        if (!loc) throw std::runtime_error(loc.error() + " (the archive must be writable; free some space and run again)");
        if (i + 1 == result.attempts.size()) last = *loc;
    }
    return last;
}

void Crawler::on_result(fetch::HttpResult result) {
    const auto it = in_flight_.find(result.request.id);
    if (it == in_flight_.end()) return;
    Task task = std::move(it->second);
    in_flight_.erase(it);
    const std::string origin = result.request.host_key;
    HostState& host = hosts_[origin];
    --host.in_engine;
    summary_.requests += result.attempts.size();
    summary_.retries += result.attempts.size() - 1;
    const auto loc = archive(result, task);
    ++uncommitted_;
    if (task.robots) {
        on_robots(task, result);
    } else {
        ++summary_.pages;
        const fetch::HttpExchange& ex = result.outcome();
        if (result.retry_after) {
            ++summary_.deferred;
            state_->set_due(task.id, now_unix() + result.retry_after->count(), "deferred",
                            ex.error_message.empty() ? "Retry-After " + std::to_string(result.retry_after->count()) + " s"
                                                     : ex.error_message);
            --queued_;
            log_ << task.url << ": the server asked for a pause of " << result.retry_after->count()
                 << " s (Retry-After); deferred to a later run\n";
        } else if (ex.error != fetch::FetchError::none) {
            const int tries = static_cast<int>(result.attempts.size());
            fail(task, fetch::to_string(ex.error),
                 ex.error_message + (tries > 1 ? " (after " + std::to_string(tries) + " tries)" : ""), &ex);
        } else {
            const fetch::ResponseHead head = fetch::parse_response_head(ex.response_head);
            if (ex.status == 304) {
                FetchUpdate u;
                u.id = task.id;
                u.fetched_at = rfc3339(ex.started);
                u.status = 304;
                u.next_due = next_due_after_success(task.kind);
                state_->record_fetch(u);
                if (task.kind == UrlKind::listing) ++summary_.listings_unchanged;
                if (task.kind == UrlKind::report) ++summary_.reports_unchanged;
                --queued_;
            } else if (ex.status >= 300 && ex.status < 400 && ex.status != 304) {
                on_redirect(task, ex, head, loc);
            } else if (ex.status >= 200 && ex.status < 300) {
                on_content(task, ex, head, loc);
            } else {
                const int tries = static_cast<int>(result.attempts.size());
                fail(task, http_failure_kind(ex.status),
                     "HTTP " + std::to_string(ex.status) + (tries > 1 ? " after " + std::to_string(tries) + " tries" : ""), &ex);
            }
        }
    }
    pump(origin, host);
}

void Crawler::on_robots(Task& task, const fetch::HttpResult& result) {
    const auto url = fetch::parse_url(task.url);
    const std::string origin = result.request.host_key;
    HostState& host = hosts_[origin];
    const fetch::HttpExchange& ex = result.outcome();
    const std::int64_t now = now_unix();
    if (ex.error == fetch::FetchError::none && ex.status >= 300 && ex.status < 400 && task.hops < 5) {
        // RFC 9309 §2.3.1.2: follow at least five redirects; we stay within the registrable domain.
        const auto head = fetch::parse_response_head(ex.response_head);
        const auto target = fetch::resolve_url(*url, head.get("Location").value_or(""));
        if (target && fetch::registrable_domain(target->host) == fetch::registrable_domain(url->host)) {
            Task next = task;
            next.url = target->str();
            ++next.hops;
            submit(origin, host, std::move(next));
            return;
        }
    }
    if (ex.error == fetch::FetchError::none && ex.status >= 200 && ex.status < 300) {
        const auto head = fetch::parse_response_head(ex.response_head);
        auto body = fetch::decode_body(head, ex.body, options_.max_decoded_bytes);
        const std::string text = body ? body.value() : std::string();
        state_->store_robots(origin, {ex.status, text.substr(0, fetch::kRobotsParseLimit), now});
        robots_ready(origin, host, fetch::parse_robots(text, "zfxxgk"));
        return;
    }
    if (ex.error == fetch::FetchError::none && ((ex.status >= 400 && ex.status < 500 && ex.status != 429) ||
                                                (ex.status >= 300 && ex.status < 400))) {
        // §2.3.1.3 "unavailable" (and too many redirects, §2.3.1.2): no restrictions.
        state_->store_robots(origin, {ex.status, "", now});
        robots_ready(origin, host, fetch::Robots::allow_all());
        return;
    }
    // §2.3.1.4 "unreachable": complete disallow, unless an earlier copy is at hand (§2.4).
    const auto cached = state_->robots(origin);
    const std::string why = ex.error != fetch::FetchError::none ? ex.error_message : "HTTP " + std::to_string(ex.status);
    if (cached && cached->status >= 200 && cached->status < 300) {
        log_ << task.url << ": unreachable (" << why << "); using the copy fetched earlier\n";
        robots_ready(origin, host, fetch::parse_robots(cached->body, "zfxxgk"));
    } else if (cached && cached->status >= 400 && cached->status < 500) {
        robots_ready(origin, host, fetch::Robots::allow_all());
    } else {
        log_ << task.url << ": unreachable (" << why
             << "); nothing is fetched from this host in this run (RFC 9309 §2.3.1.4)\n";
        robots_ready(origin, host, fetch::Robots::disallow_all());
    }
}

void Crawler::on_redirect(Task& task, const fetch::HttpExchange& ex, const fetch::ResponseHead& head,
                          const std::optional<fetch::WarcLocation>&) {
    ++summary_.redirects;
    const auto location = head.get("Location");
    const auto base = fetch::parse_url(task.url);
    const auto target = location ? fetch::resolve_url(*base, *location) : std::nullopt;
    if (!target) {
        fail(task, "bad_redirect", "HTTP " + std::to_string(ex.status) + " without a usable Location", &ex);
        return;
    }
    if (task.hops + 1 > options_.max_redirects) {
        fail(task, "redirect_limit",
             "more than " + std::to_string(options_.max_redirects) + " redirects (last to " + target->str() + ")", &ex);
        return;
    }
    if (!scopes_[static_cast<std::size_t>(task.portal)].contains(*target)) {
        fail(task, "redirect_out_of_scope",
             "redirects to " + target->str() + ", outside the portal's domain (add allow= to its line to follow)", &ex);
        return;
    }
    Task next = std::move(task);
    next.url = target->str();
    ++next.hops;
    --queued_;  // enqueue counts it again
    enqueue(std::move(next));
}

void Crawler::fail(Task& task, const std::string& kind, const std::string& message, const fetch::HttpExchange* ex,
                   std::optional<std::chrono::seconds> retry_after) {
    ++summary_.failures[kind];
    log_ << task.url << ": " << kind << ": " << message << "; tried again in the next run\n";
    FetchUpdate u;
    u.id = task.id;
    u.fetched_at = rfc3339(ex != nullptr ? ex->started : std::chrono::system_clock::now());
    u.status = ex != nullptr ? ex->status : 0;
    u.error_kind = kind;
    u.error = message;
    u.failed = true;
    u.next_due = now_unix() + (retry_after ? *retry_after : options_.retry_failed_after).count();
    state_->record_fetch(u);
    --queued_;
}

void Crawler::follow(const Task& from, const Discovery& found) {
    const std::size_t p = static_cast<std::size_t>(from.portal);
    const Portal& portal = list_.portals[p];
    const int cap = portal.options.max_pages.value_or(options_.max_listing_pages);
    const std::string now = rfc3339(std::chrono::system_clock::now());
    for (const Found& f : found.found) {
        if (f.kind == UrlKind::listing && listing_count_[p] >= cap) {
            if (!listing_cap_logged_[p]) {
                listing_cap_logged_[p] = true;
                log_ << portal.url.str() << ": more than " << cap
                     << " listing pages; the rest are left out (raise max-pages= on line " << portal.line << ")\n";
            }
            continue;
        }
        const auto [id, is_new] = state_->add_url(f.url.str(), f.kind, portal.url.str(), from.id, f.name, 0, now);
        if (!is_new) continue;
        if (f.kind == UrlKind::listing) ++listing_count_[p];
        if (f.kind == UrlKind::attachment) {
            ++summary_.attachments_found;
            if (options_.attachments == Attachments::record) continue;
        }
        Task t;
        t.id = id;
        t.url = f.url.str();
        t.first_url = t.url;
        t.kind = f.kind;
        t.portal = from.portal;
        t.name = f.name;
        enqueue(std::move(t));
    }
}

void Crawler::on_content(Task& task, const fetch::HttpExchange& ex, const fetch::ResponseHead& head,
                         const std::optional<fetch::WarcLocation>& loc) {
    auto decoded = fetch::decode_body(head, ex.body, options_.max_decoded_bytes);
    if (!decoded) {
        fail(task, fetch::to_string(decoded.error().kind), decoded.error().message, &ex);
        return;
    }
    const std::string& body = decoded.value();
    // Without content or transfer coding the archive has just hashed these very bytes.
    const bool archived_as_is = loc && !loc->payload_sha256.empty() && body.size() == ex.body.size() &&
                                std::memcmp(body.data(), ex.body.data(), body.size()) == 0;
    const std::string sha = archived_as_is ? loc->payload_sha256 : fetch::sha256_hex(body);
    const Previous prev = state_->previous(task.id);
    const std::string fetched_at = rfc3339(ex.started);
    FetchUpdate u;
    u.id = task.id;
    u.fetched_at = fetched_at;
    u.status = ex.status;
    u.next_due = next_due_after_success(task.kind);
    u.etag = head.get("ETag").value_or("");
    u.last_modified = head.get("Last-Modified").value_or("");
    u.sha256 = sha;
    u.bytes = static_cast<std::int64_t>(body.size());
    if (task.hops > 0) u.final_url = task.url;
    if (loc) {
        u.warc_file = loc->file;
        u.warc_record_id = loc->record_id;
    }
    if (prev.sha256 == sha) {
        if (task.kind == UrlKind::listing) ++summary_.listings_unchanged;
        if (task.kind == UrlKind::report) ++summary_.reports_unchanged;
    } else if (task.kind == UrlKind::listing) {
        ++summary_.listings_fetched;
        const fetch::Decoded text = fetch::decode_to_utf8(body, {fetch::charset_from_content_type(head.get("Content-Type").value_or("")), true});
        const tables::PageLinks links = tables::extract_links(text.text);
        const auto page = fetch::parse_url(task.url);
        follow(task, discover(links, *page, UrlKind::listing, scopes_[static_cast<std::size_t>(task.portal)]));
    } else if (task.kind == UrlKind::report) {
        on_report(task, u, body, head, ex.started, loc);
    } else {
        ++summary_.attachments_downloaded;
        const auto cd = fetch::parse_content_disposition(head.get("Content-Disposition").value_or(""));
        if (cd.filename) u.name = *cd.filename;
    }
    state_->record_fetch(u);
    --queued_;
}

// The record could not be written (disk full, permissions): the URL counts as failed and is
// fetched again next run; its sha256 is not kept, so it will not pass for unchanged.
void Crawler::write_failed(Task& task, FetchUpdate& u, const std::string& error) {
    ++summary_.failures["write_failed"];
    log_ << task.url << ": record not written: " << error << "; fix the dataset directory and run again\n";
    u.failed = true;
    u.error_kind = "write_failed";
    u.error = error;
    u.sha256.reset();
    u.next_due = now_unix() + options_.retry_failed_after.count();
}

void Crawler::on_report(Task& task, FetchUpdate& u, const std::string& body, const fetch::ResponseHead& head,
                        std::chrono::system_clock::time_point ex_started, const std::optional<fetch::WarcLocation>& loc) {
    const std::string content_type = head.get("Content-Type").value_or("");
    if (is_document(content_type, body)) {
        ++summary_.reports_not_extracted;
        const auto cd = fetch::parse_content_disposition(head.get("Content-Disposition").value_or(""));
        if (cd.filename) u.name = *cd.filename;
        return;
    }
    if (const auto owner = state_->content_owner(*u.sha256); owner && *owner != task.id) {
        ++summary_.reports_duplicate;
        u.duplicate_of = *owner;
        return;
    }
    // The same three steps as `zfxxgk extract` (cli/extract_command.cpp): decode, sniff, extract.
    fetch::CharsetOptions copts;
    copts.http_charset = fetch::charset_from_content_type(content_type);
    const fetch::Decoded decoded = fetch::decode_to_utf8(body, copts);
    const bool html = extractor::looks_like_html(decoded.text);
    const auto page = fetch::parse_url(task.url);
    if (html) {
        const Discovery found = discover(tables::extract_links(decoded.text), *page, UrlKind::report,
                                         scopes_[static_cast<std::size_t>(task.portal)]);
        follow(task, found);
        if (found.shell) {
            ++summary_.reports_not_extracted;  // a redirect page: the report is where it points
            return;
        }
    }
    std::vector<extractor::Warning> warnings;
    if (decoded.replaced > 0) {
        warnings.push_back({"encoding_replaced_bytes",
                            std::to_string(decoded.replaced) + " invalid byte sequences in " + decoded.encoding +
                                " input were replaced by U+FFFD",
                            -1, -1});
    }
    extractor::Source source;
    source.path = task.url;
    source.url = task.url;
    source.sha256 = *u.sha256;
    source.bytes = body.size();
    source.encoding = decoded.encoding;
    source.fetched_at = fetch::warc_date(ex_started);  // the WARC-Date of its response record, verbatim
    if (loc) {
        source.warc_file = "warc/" + loc->file;
        source.warc_record_id = loc->record_id;
    }
    extractor::Record record = html ? extractor::extract_html(decoded.text, std::move(source), std::move(warnings))
                                    : extractor::extract_text(decoded.text, std::move(source), std::move(warnings));
    const Portal& portal = list_.portals[static_cast<std::size_t>(task.portal)];
    if (!record.region_code && portal.region_code) record.region_code = portal.region_code;
    const std::string json = extractor::to_json(
        record, options_.layout == RecordLayout::pretty ? extractor::JsonLayout::pretty : extractor::JsonLayout::compact);
    const Previous prev = state_->previous(task.id);
    const std::string rel = extractor::record_path(record).string();
    std::string written;
    if (!prev.record_path.empty() && prev.record_path == rel) {
        // The same URL's report changed: its record is replaced, not set aside as a conflict.
        // Durable at the next commit (Crawler::maybe_commit syncs the file system before the state).
        if (const std::string err = extractor::write_file_atomically(options_.dataset / rel, json, "\n", extractor::Durability::deferred);
            !err.empty()) {
            write_failed(task, u, err);
            return;
        }
        written = rel;
    } else {
        const auto outcome = extractor::write_record(options_.dataset, record, json, extractor::Durability::deferred);
        if (!outcome.error.empty()) {
            write_failed(task, u, outcome.error);
            return;
        }
        written = outcome.relative.string();
        if (outcome.conflict) {
            ++summary_.conflicts;
            log_ << task.url << ": conflict: another source already gave " << rel << "; written as " << written << '\n';
        }
        if (outcome.replaced_broken) log_ << task.url << ": " << written << " held no record (empty or not JSON); replaced\n";
    }
    u.record_path = written;
    state_->add_content(*u.sha256, task.id);
    ++summary_.records_written;
    if (prev.sha256.empty()) {
        ++summary_.reports_new;
    } else {
        ++summary_.reports_changed;
    }
}

}  // namespace zfxxgk::crawl::detail
