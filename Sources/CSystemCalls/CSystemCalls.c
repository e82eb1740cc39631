#define _GNU_SOURCE
#include <unistd.h>
#include "CSystemCalls.h"
#ifdef __linux__
#include <sys/random.h>
#endif

int onboard_syncfs(int fd) {
#ifdef __linux__
    return syncfs(fd);
#else
    // Elsewhere sync() is the closest, though it may return before the writes complete.
    sync();
    return 0;
#endif
}

long onboard_getrandom(void *buffer, size_t count) {
#ifdef __linux__
    return (long)getrandom(buffer, count, 0);
#else
    size_t step = count < 256 ? count : 256;
    return getentropy(buffer, step) == 0 ? (long)step : -1;
#endif
}
