#pragma once
// Output files written in place atomically: a hidden temporary file next to the target, renamed
// over it on commit, removed when the export fails — a reader never sees half a table.
// Buffered; a write error is kept and reported by commit().
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace zfxxgk::exporting {

class OutputFile {
public:
    OutputFile() = default;
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();  // removes the temporary file when not committed

    // Returns the error, empty on success.
    std::string open(const std::filesystem::path& target);
    void write(std::string_view bytes) {
        buffer_.append(bytes);
        if (buffer_.size() >= kFlushAt) flush();
    }
    void put(char c) {
        buffer_.push_back(c);
        if (buffer_.size() >= kFlushAt) flush();
    }
    // Flushes and renames into place. Returns the error, empty on success.
    std::string commit();
    [[nodiscard]] const std::filesystem::path& target() const { return target_; }

private:
    static constexpr std::size_t kFlushAt = 1 << 20;
    void flush();

    std::FILE* file_ = nullptr;
    std::filesystem::path target_;
    std::filesystem::path temp_;
    std::string buffer_;
    std::string error_;
};

// Shortest text that reads back as the same double; integral values without a decimal point.
std::string_view format_number(double d, char (&buf)[32]);

// RFC 4180 CSV rows: fields separated by commas, a field quoted (quotes doubled) when it holds
// a comma, quote, CR or LF, rows ended by CRLF. UTF-8; Bom::yes starts the file with U+FEFF,
// which Excel needs to read it as UTF-8.
enum class Bom : std::uint8_t { no, yes };

class CsvWriter {
public:
    std::string open(const std::filesystem::path& target, Bom bom);
    void field(std::string_view s);
    void field(const std::optional<std::string>& s) { field(s ? std::string_view(*s) : std::string_view()); }
    void field(std::int64_t n);
    void field(const std::optional<int>& n) {
        if (n) {
            field(static_cast<std::int64_t>(*n));
        } else {
            field(std::string_view());
        }
    }
    void number(const std::optional<double>& d);
    void end_row();
    std::string commit() { return file_.commit(); }

private:
    void separator() {
        if (!first_) file_.put(',');
        first_ = false;
    }
    OutputFile file_;
    bool first_ = true;
};

}  // namespace zfxxgk::exporting
