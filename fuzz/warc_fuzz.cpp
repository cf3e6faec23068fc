// libFuzzer target: the WARC reader on arbitrary bytes (plain or gzip), and HTTP response
// parsing/decoding of every response record. Must not crash, hang or allocate beyond the
// limits given; errors are values.
//   ./build-fuzz/fuzz/warc_fuzz -max_len=65536 fixtures/fuzz/warc/
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fetch/warc.hpp"

using namespace zfxxgk::fetch;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    WarcReaderOptions options;
    options.max_record_bytes = 1u << 20;
    WarcReader reader = WarcReader::from_bytes(std::string(reinterpret_cast<const char*>(data), size), options);
    for (int i = 0; i < 1000; ++i) {
        auto rec = reader.next();
        if (!rec || !rec.value()) break;
        const WarcRecord& r = *rec.value();
        if (r.version.rfind("WARC/", 0) != 0) std::abort();
        if (r.type() == "response") {
            auto resp = read_response(r, 1u << 20);
            if (resp && resp->body.size() > (1u << 20)) std::abort();
        }
    }
    return 0;
}
