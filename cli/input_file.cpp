#include "cli/input_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace zfxxgk::cli {
namespace {

// Binary: NUL bytes, or many C0 control characters, in the first 8 KiB. UTF-16 text (which
// has NULs) is recognised by its BOM and left to the charset decoder.
bool looks_binary(const std::string& bytes) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 8192);
    if (n >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) return false;
    std::size_t control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++control;
    }
    return control * 20 > n;
}

std::string human_bytes(std::uint64_t n) {
    if (n >= (1u << 20)) return std::to_string(n >> 20) + " MiB";
    if (n >= (1u << 10)) return std::to_string(n >> 10) + " KiB";
    return std::to_string(n) + " bytes";
}

}  // namespace

InputFile read_input(const std::string& name, std::uint64_t max_bytes) {
    InputFile in;
    in.name = name;
    const std::string cap = "larger than the " + human_bytes(max_bytes) + " cap (raise it with --max-bytes)";
    if (name == "-") {
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            in.bytes.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (in.bytes.size() > max_bytes) {
                in.error = cap;
                in.bytes.clear();
                return in;
            }
        }
    } else {
        std::error_code ec;
        const auto status = std::filesystem::status(name, ec);
        if (ec || !std::filesystem::exists(status)) {
            in.error = "no such file";
            return in;
        }
        if (std::filesystem::is_directory(status)) {
            in.error = "is a directory, not a file";
            return in;
        }
        if (std::filesystem::is_regular_file(status)) {
            const auto size = std::filesystem::file_size(name, ec);
            if (!ec && size > max_bytes) {
                in.error = "is " + human_bytes(size) + ", " + cap;
                return in;
            }
        }
        std::ifstream f(name, std::ios::binary);
        if (!f) {
            in.error = std::string("cannot be read: ") + std::strerror(errno);
            return in;
        }
        char buf[65536];
        while (f.read(buf, sizeof buf) || f.gcount() > 0) {
            in.bytes.append(buf, static_cast<std::size_t>(f.gcount()));
            if (in.bytes.size() > max_bytes) {
                in.error = cap;
                in.bytes.clear();
                return in;
            }
        }
        if (f.bad()) {
            in.error = "read error";
            in.bytes.clear();
            return in;
        }
    }
    if (in.bytes.empty()) {
        in.error = "is empty";
    } else if (looks_binary(in.bytes)) {
        in.error = "is binary, not a text or HTML page";
        in.bytes.clear();
    }
    return in;
}

}  // namespace zfxxgk::cli
