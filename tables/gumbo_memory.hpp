#pragma once
// Private to tables/ (includes gumbo.h; never included by a public header).
// Owns every block gumbo allocates and frees them in one loop. gumbo_destroy_output() frees the
// tree recursively and overflows the stack on deeply nested input (about 260,000 open elements
// with an 8 MiB stack), so tables/ never calls it: the blocks are linked in a list and freed in
// a loop when the arena goes. Measured as fast as plain malloc/free.
#include <gumbo.h>

#include <cstddef>
#include <cstdlib>

namespace zfxxgk::tables::html_detail {

class GumboMemory {
public:
    GumboMemory() = default;
    GumboMemory(const GumboMemory&) = delete;
    GumboMemory& operator=(const GumboMemory&) = delete;
    ~GumboMemory() {
        for (Header* h = head_.next; h != &head_;) {
            Header* next = h->next;
            std::free(h);
            h = next;
        }
    }

    void install(GumboOptions& options) {
        options.allocator = &allocate;
        options.deallocator = &deallocate;
        options.userdata = this;
    }

private:
    struct alignas(std::max_align_t) Header {
        Header* prev;
        Header* next;
    };

    static void* allocate(void* self, std::size_t size) {
        auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
        if (h == nullptr) {
            std::abort();  // gumbo cannot handle a failed allocation; neither can we here
        }
        Header& head = static_cast<GumboMemory*>(self)->head_;
        h->prev = &head;
        h->next = head.next;
        head.next->prev = h;
        head.next = h;
        return h + 1;
    }

    static void deallocate(void* /*self*/, void* ptr) {
        if (ptr == nullptr) {
            return;
        }
        Header* h = static_cast<Header*>(ptr) - 1;
        h->prev->next = h->next;
        h->next->prev = h->prev;
        std::free(h);
    }

    Header head_{&head_, &head_};
};

}  // namespace zfxxgk::tables::html_detail
