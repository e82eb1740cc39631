// System calls Swift's Glibc module hides behind _GNU_SOURCE or does not import.
#ifndef ONBOARD_CSYSTEMCALLS_H
#define ONBOARD_CSYSTEMCALLS_H

#include <stddef.h>

/// syncfs(2): flushes the whole file system holding the descriptor `fd`. Returns 0 or -1 (errno set).
int onboard_syncfs(int fd);

/// getrandom(2) from the kernel's secure generator: fills up to `count` bytes; returns how many, or
/// -1 (errno set). Elsewhere than Linux, getentropy() in 256-byte steps.
long onboard_getrandom(void *buffer, size_t count);

/// The thread sanitizer's annotations (its runtime defines them; used only in its builds): the
/// calling thread acquires / releases the object at `address`.
void __tsan_acquire(void *address);
void __tsan_release(void *address);

#endif
