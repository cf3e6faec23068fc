#pragma once
// A streaming JSON writer for records: compact or 2-space pretty output, byte-identical to
// nlohmann::json::dump for the same document (tests compare), several times faster because
// it builds no tree. Strings are written as UTF-8; each byte that starts no valid sequence
// becomes U+FFFD.
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace zfxxgk::extractor {

class JsonWriter {
public:
    // `capacity_hint`: bytes to reserve for the output up front (an estimate; the output grows
    // past it as needed).
    explicit JsonWriter(bool pretty, std::size_t capacity_hint = 0) : pretty_(pretty) {
        if (capacity_hint > 0) grow(capacity_hint);
    }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    // A key given as a string literal (or another constant char array) is a Name: whether it
    // needs escaping is decided at compile time, and a plain key, the usual one, is copied as
    // it is. A char array filled at run time does not compile here; pass a std::string_view.
    class Name {
    public:
        template <std::size_t N>
        consteval Name(const char (&s)[N]) : text_(s), plain_(is_plain(text_)) {}  // NOLINT: implicit
        [[nodiscard]] std::string_view text() const { return text_; }
        [[nodiscard]] bool plain() const { return plain_; }

    private:
        // Printable ASCII but '"' and '\\' (bytes from 0x80 up are negative chars: such keys
        // take the escaping path, which checks their UTF-8).
        static consteval bool is_plain(std::string_view s) {
            for (const char c : s) {
                if (c < 0x20 || c == '"' || c == '\\') return false;
            }
            return true;
        }
        std::string_view text_;
        bool plain_;
    };

    void key(Name k) {
        before_value();
        if (k.plain()) {
            const std::size_t n = k.text().size();
            char* out = room(n + 2);
            out[0] = '"';
            std::memcpy(out + 1, k.text().data(), n);
            out[n + 1] = '"';
            size_ += n + 2;
        } else {
            escaped(k.text());
        }
        after_key();
    }
    // Keys known only at run time (the array exclusion leaves string literals to Name).
    template <typename S>
        requires(std::is_convertible_v<const S&, std::string_view> && !std::is_array_v<S>)
    void key(const S& k) {
        before_value();
        escaped(std::string_view(k));
        after_key();
    }

    void value(std::string_view s) {
        before_value();
        escaped(s);
    }
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void value(std::int64_t n);
    void value(int n) { value(static_cast<std::int64_t>(n)); }
    void value(std::uint64_t n);
    void value(std::uint32_t n) { value(static_cast<std::uint64_t>(n)); }
    void number(double d);  // integral values within ±2^53 as integers; non-finite as null
    void value(bool b);
    void null();
    template <typename T>
    void value(const std::optional<T>& v) {
        if (v) {
            value(*v);
        } else {
            null();
        }
    }

    // The output; the writer is empty afterwards.
    std::string take();

private:
    // The writes below are inline: they run once or more per key and value, the writer's
    // hottest path.

    // Room for n more bytes at out_.data() + size_.
    char* room(std::size_t n) {
        if (out_.size() - size_ < n) grow(n);
        return out_.data() + size_;
    }
    void put(char c) {
        *room(1) = c;
        ++size_;
    }
    void put(std::string_view s) {
        std::memcpy(room(s.size()), s.data(), s.size());
        size_ += s.size();
    }
    void after_key() {
        put(pretty_ ? std::string_view(": ") : std::string_view(":"));
        after_key_ = true;
    }
    void before_value() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0) return;
        if (!first_) put(',');
        first_ = false;
        if (pretty_) newline_indent(depth_);
    }
    void open(char c) {
        before_value();
        put(c);
        ++depth_;
        first_ = true;
    }
    void close(char c) {
        --depth_;
        if (pretty_ && !first_) newline_indent(depth_);
        put(c);
        first_ = false;  // the closed container is a member of its parent
    }
    void grow(std::size_t n);
    void newline_indent(std::size_t depth);
    void escaped(std::string_view s);

    // The output is out_[0, size_); out_ is kept sized to its capacity so that the writes
    // above are plain stores, and trimmed by take().
    std::string out_;
    std::size_t size_ = 0;
    bool pretty_;
    bool after_key_ = false;
    bool first_ = true;      // nothing written yet in the innermost open container
    std::size_t depth_ = 0;  // containers open
};

}  // namespace zfxxgk::extractor
