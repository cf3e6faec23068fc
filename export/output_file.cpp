#include "export/output_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

namespace zfxxgk::exporting {

OutputFile::~OutputFile() {
    if (file_ != nullptr) {
        std::fclose(file_);
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }
}

std::string OutputFile::open(const std::filesystem::path& target) {
    target_ = target;
    temp_ = target.parent_path() / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()));
    file_ = std::fopen(temp_.c_str(), "wb");
    if (file_ == nullptr) return temp_.string() + ": cannot create: " + std::strerror(errno);
    std::setvbuf(file_, nullptr, _IONBF, 0);  // buffer_ is the buffer
    buffer_.reserve(kFlushAt + 4096);
    return {};
}

void OutputFile::flush() {
    if (file_ != nullptr && !buffer_.empty() && error_.empty() &&
        std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
        error_ = temp_.string() + ": write failed: " + std::strerror(errno);
    }
    buffer_.clear();
}

std::string OutputFile::commit() {
    if (file_ == nullptr) return target_.string() + ": not open";
    flush();
    if (std::fclose(file_) != 0 && error_.empty()) error_ = temp_.string() + ": cannot flush: " + std::strerror(errno);
    file_ = nullptr;
    if (error_.empty() && std::rename(temp_.c_str(), target_.c_str()) != 0) {
        error_ = target_.string() + ": cannot rename into place: " + std::strerror(errno);
    }
    if (!error_.empty()) {
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }
    return error_;
}

std::string_view format_number(double d, char (&buf)[32]) {
    if (std::fabs(d) < 9007199254740992.0 && std::floor(d) == d) {
        const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(d));
        return {buf, static_cast<std::size_t>(r.ptr - buf)};
    }
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    return {buf, static_cast<std::size_t>(r.ptr - buf)};
}

std::string CsvWriter::open(const std::filesystem::path& target, Bom bom) {
    std::string error = file_.open(target);
    if (error.empty() && bom == Bom::yes) file_.write("\xEF\xBB\xBF");
    return error;
}

void CsvWriter::field(std::string_view s) {
    separator();
    // (find_first_of with a character set calls memchr per character: a loop is several times faster)
    const bool plain = std::none_of(s.begin(), s.end(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
    if (plain) {
        file_.write(s);
        return;
    }
    file_.put('"');
    std::size_t start = 0;
    for (std::size_t q = s.find('"'); q != std::string_view::npos; q = s.find('"', start)) {
        file_.write(s.substr(start, q + 1 - start));
        file_.put('"');
        start = q + 1;
    }
    file_.write(s.substr(start));
    file_.put('"');
}

void CsvWriter::field(std::int64_t n) {
    separator();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    file_.write(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

void CsvWriter::number(const std::optional<double>& d) {
    separator();
    if (!d || !std::isfinite(*d)) return;
    char buf[32];
    file_.write(format_number(*d, buf));
}

void CsvWriter::end_row() {
    file_.write("\r\n");
    first_ = true;
}

}  // namespace zfxxgk::exporting
