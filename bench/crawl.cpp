// The crawl benchmark's portal simulator: many hosts, each on its own loopback address
// (127.1.x.y), serving robots.txt, one listing page and report pages made from the seed report
// (fixtures/reports/gb2021-seed-gaoping-2023.txt, its agency renamed per host and page so that
// every report is a record of its own). A single-threaded epoll server, so that the crawler
// under test — not the server — is what gets measured. bench/crawl.sh drives it.
//
//   bench_crawl serve HOSTS REPORTS_PER_HOST PORT SECONDS   serve until killed or SECONDS pass
//   bench_crawl portals HOSTS PORT                          print the portal list (TSV)
//
// Traffic stays on 127.0.0.0/8; the server stops by itself after SECONDS (at most 900).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_signal(int) { g_stop = 1; }

std::string address(int host) { return "127.1." + std::to_string(host / 250) + "." + std::to_string(host % 250 + 1); }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

struct Content {
    std::string seed;  // the seed report's text
    int reports = 19;

    std::string agency(int host, int page) const {
        return "模拟" + std::to_string(host) + "县第" + std::to_string(page) + "局";
    }
    // status, content type, body
    bool page(int host, const std::string& path, std::string& type, std::string& body) const {
        if (path == "/robots.txt") {
            type = "text/plain";
            body = "User-agent: *\nDisallow: /admin/\n";
            return true;
        }
        if (path == "/ndbg/index.html") {
            type = "text/html; charset=utf-8";
            std::string items;
            for (int p = 1; p <= reports; ++p) {
                items += "<li><a href=\"r" + std::to_string(p) + ".html\">" + agency(host, p) +
                         "2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>\n";
            }
            body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府信息公开年报</title></head><body>"
                   "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/xxgk/\">政府信息公开</a></div><ul>\n" +
                   items + "</ul></body></html>\n";
            return true;
        }
        if (path.rfind("/ndbg/r", 0) == 0 && path.size() > 12) {
            const int p = std::atoi(path.c_str() + 7);
            if (p < 1 || p > reports) return false;
            type = "text/plain; charset=utf-8";
            body = replace_all(seed, "高平市人民政府办公室", agency(host, p));
            return true;
        }
        return false;
    }
};

struct Conn {
    int host = 0;
    std::string in;
    std::string out;
    std::size_t sent = 0;
    bool close_after = false;
};

void set_nonblock(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

int serve(int hosts, int reports, int port, int seconds) {
    Content content;
    content.reports = reports;
    std::ifstream in("fixtures/reports/gb2021-seed-gaoping-2023.txt");  // run from the repository root
    std::stringstream ss;
    ss << in.rdbuf();
    content.seed = ss.str();
    if (content.seed.empty()) {
        std::cerr << "bench_crawl: fixtures/reports/gb2021-seed-gaoping-2023.txt not found\n";
        return 2;
    }
    const int ep = ::epoll_create1(0);
    std::unordered_map<int, int> listeners;  // fd → host
    for (int h = 0; h < hosts; ++h) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        ::inet_pton(AF_INET, address(h).c_str(), &a.sin_addr);
        if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 128) != 0) {
            std::cerr << "bench_crawl: cannot listen on " << address(h) << ":" << port << ": " << std::strerror(errno) << '\n';
            return 2;
        }
        set_nonblock(fd);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        ::epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
        listeners.emplace(fd, h);
    }
    std::signal(SIGTERM, on_signal);
    std::signal(SIGINT, on_signal);
    std::cerr << "bench_crawl: serving " << hosts << " hosts × " << (reports + 1) << " pages on 127.1.*.*:" << port << '\n';
    std::unordered_map<int, Conn> conns;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::min(seconds, 900));
    std::vector<epoll_event> events(1024);
    std::uint64_t served = 0;
    while (!g_stop && std::chrono::steady_clock::now() < until) {
        const int n = ::epoll_wait(ep, events.data(), static_cast<int>(events.size()), 200);
        for (int i = 0; i < n; ++i) {
            const int fd = events[static_cast<std::size_t>(i)].data.fd;
            if (auto l = listeners.find(fd); l != listeners.end()) {
                while (true) {
                    const int c = ::accept4(fd, nullptr, nullptr, SOCK_NONBLOCK);
                    if (c < 0) break;
                    const int one = 1;
                    ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conns[c].host = l->second;
                    epoll_event ev{};
                    ev.events = EPOLLIN | EPOLLOUT | EPOLLET | EPOLLRDHUP;
                    ev.data.fd = c;
                    ::epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
                }
                continue;
            }
            Conn& c = conns[fd];
            bool dead = false;
            char buf[16384];
            while (true) {
                const ssize_t r = ::recv(fd, buf, sizeof buf, 0);
                if (r > 0) {
                    c.in.append(buf, static_cast<std::size_t>(r));
                    continue;
                }
                if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) dead = true;
                break;
            }
            for (std::size_t end = c.in.find("\r\n\r\n"); end != std::string::npos; end = c.in.find("\r\n\r\n")) {
                const std::string req = c.in.substr(0, end);
                c.in.erase(0, end + 4);
                const std::size_t sp1 = req.find(' ');
                const std::size_t sp2 = req.find(' ', sp1 + 1);
                const std::string path = sp1 == std::string::npos ? "/" : req.substr(sp1 + 1, sp2 - sp1 - 1);
                std::string type;
                std::string body;
                const bool found = content.page(c.host, path, type, body);
                if (!found) {
                    type = "text/plain";
                    body = "not found";
                }
                c.out += std::string("HTTP/1.1 ") + (found ? "200 OK" : "404 Not Found") + "\r\nContent-Type: " + type +
                         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nServer: bench_crawl\r\n\r\n" + body;
                ++served;
            }
            while (c.sent < c.out.size()) {
                const ssize_t w = ::send(fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
                if (w > 0) {
                    c.sent += static_cast<std::size_t>(w);
                    continue;
                }
                if (errno != EAGAIN && errno != EWOULDBLOCK) dead = true;
                break;
            }
            if (c.sent == c.out.size()) {
                c.out.clear();
                c.sent = 0;
            }
            if (dead) {
                ::close(fd);
                conns.erase(fd);
            }
        }
    }
    std::cerr << "bench_crawl: served " << served << " responses\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "serve" && argc == 6) return serve(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]), std::atoi(argv[5]));
    if (mode == "portals" && argc == 4) {
        const int hosts = std::atoi(argv[2]);
        for (int h = 0; h < hosts; ++h) {
            std::cout << "模拟" << h << "县人民政府\thttp://" << address(h) << ":" << argv[3] << "/ndbg/index.html\n";
        }
        return 0;
    }
    std::cerr << "usage: bench_crawl serve HOSTS REPORTS_PER_HOST PORT SECONDS | bench_crawl portals HOSTS PORT\n";
    return 2;
}
