#include "extractor/dataset.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace zfxxgk::extractor {
namespace fs = std::filesystem;

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(len * 2);
    for (unsigned int i = 0; i < len; ++i) {
        out.push_back(kHex[digest[i] >> 4]);
        out.push_back(kHex[digest[i] & 15]);
    }
    return out;
}

std::string safe_file_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
            c == '>' || c == '|') {
            out.push_back('_');
        } else {
            out.push_back(ch);
        }
    }
    while (!out.empty() && out.front() == '.') out.front() = '_';
    if (out.size() > 200) {
        std::size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    if (out.empty()) out = "_";
    return out;
}

fs::path record_path(const Record& record) {
    if (!record.agency || record.agency->empty() || !record.year) {
        return fs::path("_unknown") / (record.source.sha256.substr(0, 16) + ".json");
    }
    return fs::path(safe_file_name(*record.agency)) / (std::to_string(*record.year) + ".json");
}

std::string write_file_atomically(const fs::path& path, std::string_view data, Durability durability) {
    return write_file_atomically(path, data, {}, durability);
}

std::string write_file_atomically(const fs::path& path, std::string_view data, std::string_view trailer,
                                  Durability durability) {
    std::error_code ec;
    // One mkdir for the common cases (the directory exists, or only it is missing); the
    // whole chain when more is missing.
    const fs::path dir = path.parent_path();
    if (!dir.empty() && ::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
        fs::create_directories(dir, ec);
        if (ec) return dir.string() + ": cannot create directory: " + ec.message();
    }
    const fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".tmp." + std::to_string(::getpid()));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return tmp.string() + ": cannot create: " + std::strerror(errno);
    for (std::string_view piece : {data, trailer}) {
        std::size_t done = 0;
        while (done < piece.size()) {
            const ssize_t n = ::write(fd, piece.data() + done, piece.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                const std::string err = std::strerror(errno);
                ::close(fd);
                ::unlink(tmp.c_str());
                return tmp.string() + ": write failed: " + err;
            }
            done += static_cast<std::size_t>(n);
        }
    }
    if ((durability == Durability::now && ::fsync(fd) != 0) || ::close(fd) != 0) {
        const std::string err = std::strerror(errno);
        ::unlink(tmp.c_str());
        return tmp.string() + ": cannot flush: " + err;
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string err = std::strerror(errno);
        ::unlink(tmp.c_str());
        return path.string() + ": cannot rename into place: " + err;
    }
    return {};
}

namespace {

// What the file at `path` holds: the source sha256 of a record, or nothing when it is not a
// record at all — empty or cut short, as a power failure can leave a file whose rename reached
// the disk before its data (records of a crawl are flushed in batches).
std::optional<std::string> stored_sha256(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::string();  // unreadable: kept, the new record goes beside it
    std::stringstream ss;
    ss << in.rdbuf();
    const auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    if (!j.is_object() || !j.contains("source") || !j["source"].is_object()) return std::string();
    const auto& s = j["source"];
    return s.contains("sha256") && s["sha256"].is_string() ? s["sha256"].get<std::string>() : std::string();
}

}  // namespace

WriteOutcome write_record(const fs::path& root, const Record& record, std::string_view json, Durability durability) {
    WriteOutcome out;
    fs::path rel = record_path(record);
    std::error_code ec;
    if (fs::exists(root / rel, ec)) {
        const auto stored = stored_sha256(root / rel);
        if (!stored) {
            out.replaced_broken = true;
        } else if (*stored != record.source.sha256) {
            out.conflict = true;
            rel = rel.parent_path() / (rel.stem().string() + "-" + record.source.sha256.substr(0, 8) + ".json");
        }
    }
    out.path = root / rel;
    out.relative = rel;
    out.error = write_file_atomically(out.path, json, "\n", durability);
    return out;
}

std::string sync_file_system(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return dir.string() + ": cannot open: " + std::strerror(errno);
    const int rc = ::syncfs(fd);
    const std::string err = rc != 0 ? std::strerror(errno) : "";
    ::close(fd);
    return rc != 0 ? dir.string() + ": cannot flush to disk: " + err : std::string();
}

}  // namespace zfxxgk::extractor
