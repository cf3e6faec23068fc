#include <malloc.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    // Extraction allocates and frees many small strings per report. glibc's defaults hand
    // freed memory back to the kernel as soon as 128 KiB are free at the top of the heap and
    // move the mmap threshold around; for a process that works report after report this means
    // brk/munmap calls and page faults on every report. Keep up to 64 MiB of freed heap for
    // reuse instead (the peak RSS, a high-water mark, is the same either way).
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 4 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    return zfxxgk::cli::run(argc, argv);
}
