#pragma once
// An in-process simulator of government portals for the crawl tests: several sites, each a
// cpp-httplib server on 127.0.0.1 (its own port; HTTPS with a certificate the test made, see
// test_certificates.hpp) reached by a made-up host name through `--resolve`, serving listing pages, report pages from fixtures/reports/, robots.txt, ETag /
// Last-Modified with 304, and faults: 5xx, 503/429 with Retry-After, slow responses,
// truncated and endless bodies, a gzip bomb, redirects. A raw socket server answers with
// connection resets. Every request is logged with its arrival time.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace zfxxgk::test {

inline std::string read_fixture(const std::string& rel) {
    std::ifstream in(std::string(ZFXXGK_SOURCE_DIR) + "/" + rel, std::ios::binary);
    if (!in) throw std::runtime_error("missing fixture " + rel);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::string gzip_bytes(const std::string& data) {
    z_stream zs{};
    deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

enum class Fault { none, slow, truncate, endless, fail_first, always_status };

struct Page {
    Page() = default;
    Page(int status_, std::string content_type_, std::string body_ = "",
         std::vector<std::pair<std::string, std::string>> headers_ = {})
        : status(status_), content_type(std::move(content_type_)), body(std::move(body_)), headers(std::move(headers_)) {}

    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra response headers
    std::string etag;            // honored with If-None-Match → 304
    std::string last_modified;   // honored with If-Modified-Since → 304
    Fault fault = Fault::none;
    int fail_count = 0;          // fail_first: this many failing responses first
    int fail_status = 500;
    std::string retry_after;     // sent with failing responses
    int delay_ms = 0;            // slow: wait before answering
    int served = 0;              // responses given (all kinds)
};

struct LoggedRequest {
    std::string path;            // with query
    std::chrono::steady_clock::time_point at;
    std::string if_none_match;
    std::string if_modified_since;
    std::string user_agent;
    std::string accept_encoding;
};

class Site {
public:
    explicit Site(std::string host) : host_(std::move(host)) {}
    ~Site() { stop(); }

    void page(const std::string& path, Page p) {
        std::lock_guard<std::mutex> lock(mu_);
        pages_[path] = std::move(p);
    }
    void html(const std::string& path, std::string body) { page(path, Page{200, "text/html; charset=utf-8", std::move(body)}); }
    void update(const std::string& path, const std::function<void(Page&)>& f) {
        std::lock_guard<std::mutex> lock(mu_);
        f(pages_.at(path));
    }
    // Every response waits this long (to stretch a crawl for the kill test).
    void set_latency(int ms) { latency_ms_ = ms; }
    // Serve HTTPS with this certificate chain and key (PEM files); call before start().
    void use_tls(std::string cert_file, std::string key_file) {
        cert_file_ = std::move(cert_file);
        key_file_ = std::move(key_file);
    }

    void start() {
        if (cert_file_.empty()) {
            server_ = std::make_unique<httplib::Server>();
        } else {
            server_ = std::make_unique<httplib::SSLServer>(cert_file_.c_str(), key_file_.c_str());
            if (!server_->is_valid()) throw std::runtime_error("cannot load the test certificate " + cert_file_);
        }
        server_->set_keep_alive_max_count(1000);
        server_->set_read_timeout(5, 0);
        server_->set_write_timeout(5, 0);
        server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
        port_ = server_->bind_to_any_port("127.0.0.1");
        if (port_ <= 0) throw std::runtime_error("cannot bind a simulator port");
        thread_ = std::thread([this] { server_->listen_after_bind(); });
        while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    void stop() {
        if (server_) {
            stopping_ = true;
            server_->stop();
            if (thread_.joinable()) thread_.join();
            server_.reset();
        }
    }

    const std::string& host() const { return host_; }
    int port() const { return port_; }
    std::string origin() const { return (cert_file_.empty() ? "http://" : "https://") + host_ + ":" + std::to_string(port_); }
    std::string url(const std::string& path) const { return origin() + path; }
    std::string resolve() const { return host_ + ":" + std::to_string(port_) + ":127.0.0.1"; }

    std::vector<LoggedRequest> requests() const {
        std::lock_guard<std::mutex> lock(mu_);
        return log_;
    }
    std::vector<LoggedRequest> requests_for(const std::string& path) const {
        std::vector<LoggedRequest> out;
        for (auto& r : requests()) {
            if (r.path == path) out.push_back(r);
        }
        return out;
    }
    void clear_log() {
        std::lock_guard<std::mutex> lock(mu_);
        log_.clear();
    }

private:
    void handle(const httplib::Request& req, httplib::Response& res) {
        std::string path = req.path;
        if (!req.params.empty()) {
            std::string q;
            for (const auto& [k, v] : req.params) q += (q.empty() ? "?" : "&") + k + "=" + v;
            path += q;
        }
        Page p;
        bool found = false;
        {
            std::lock_guard<std::mutex> lock(mu_);
            log_.push_back({path, std::chrono::steady_clock::now(), req.get_header_value("If-None-Match"),
                            req.get_header_value("If-Modified-Since"), req.get_header_value("User-Agent"),
                            req.get_header_value("Accept-Encoding")});
            auto it = pages_.find(path);
            if (it != pages_.end()) {
                found = true;
                ++it->second.served;
                p = it->second;
            }
        }
        if (latency_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms_));
        if (!found) {
            res.status = 404;
            res.set_content("not found", "text/plain");
            return;
        }
        if ((p.fault == Fault::fail_first && p.served <= p.fail_count) || p.fault == Fault::always_status) {
            res.status = p.fail_status;
            if (!p.retry_after.empty()) res.set_header("Retry-After", p.retry_after);
            res.set_content("temporarily unavailable", "text/plain");
            return;
        }
        if (p.fault == Fault::slow) std::this_thread::sleep_for(std::chrono::milliseconds(p.delay_ms));
        for (const auto& [k, v] : p.headers) res.set_header(k, v);
        if (!p.etag.empty()) res.set_header("ETag", p.etag);
        if (!p.last_modified.empty()) res.set_header("Last-Modified", p.last_modified);
        const bool etag_match = !p.etag.empty() && req.get_header_value("If-None-Match") == p.etag;
        const bool date_match = !p.last_modified.empty() && req.get_header_value("If-Modified-Since") == p.last_modified;
        if (etag_match || date_match) {
            res.status = 304;
            return;
        }
        res.status = p.status;
        if (p.fault == Fault::truncate) {
            auto body = std::make_shared<std::string>(p.body);
            res.set_content_provider(body->size(), p.content_type,
                                     [body](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                         if (offset >= body->size() / 2) return false;  // hang up halfway
                                         sink.write(body->data() + offset, body->size() / 2 - offset);
                                         return true;
                                     });
            return;
        }
        if (p.fault == Fault::endless) {
            const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            res.set_chunked_content_provider(p.content_type, [this, until](std::size_t, httplib::DataSink& sink) {
                static const std::string chunk(65536, 'x');
                if (stopping_ || std::chrono::steady_clock::now() > until) return false;
                return sink.write(chunk.data(), chunk.size());
            });
            return;
        }
        res.set_content(p.body, p.content_type);
    }

    std::string host_;
    int port_ = 0;
    std::string cert_file_;
    std::string key_file_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    mutable std::mutex mu_;
    std::map<std::string, Page> pages_;
    std::vector<LoggedRequest> log_;
    std::atomic<int> latency_ms_{0};
    std::atomic<bool> stopping_{false};
};

// A server that answers /robots.txt with 404 and resets every other connection (RST).
class ResetServer {
public:
    explicit ResetServer(std::string host) : host_(std::move(host)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd_, 16) != 0) {
            throw std::runtime_error("cannot bind the reset server");
        }
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { loop(); });
    }
    ~ResetServer() {
        stop_ = true;
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        if (thread_.joinable()) thread_.join();
    }
    std::string url(const std::string& path) const { return "http://" + host_ + ":" + std::to_string(port_) + path; }
    std::string resolve() const { return host_ + ":" + std::to_string(port_) + ":127.0.0.1"; }
    int resets() const { return resets_; }

private:
    void loop() {
        while (!stop_) {
            const int c = ::accept(fd_, nullptr, nullptr);
            if (c < 0) return;
            std::string req;
            char buf[4096];
            while (req.find("\r\n\r\n") == std::string::npos) {
                const ssize_t n = ::recv(c, buf, sizeof buf, 0);
                if (n <= 0) break;
                req.append(buf, static_cast<std::size_t>(n));
            }
            if (req.rfind("GET /robots.txt ", 0) == 0) {
                const std::string r = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                ::send(c, r.data(), r.size(), MSG_NOSIGNAL);
                ::close(c);
                continue;
            }
            linger l{1, 0};  // close with RST
            ::setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            ::close(c);
            ++resets_;
        }
    }
    std::string host_;
    int fd_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<int> resets_{0};
};

}  // namespace zfxxgk::test
