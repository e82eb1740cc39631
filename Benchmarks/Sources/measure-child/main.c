// measure-child [--discard-stdout] [--accept-exit N]... PROGRAM [ARG...]
//
// Runs PROGRAM as its child, waits for it with wait4 and prints, as the last line of its standard
// output, "measure-child: WALL_NANOSECONDS MAXRSS_KIB USER_MICROSECONDS SYSTEM_MICROSECONDS STATUS".
// A child that exits non-zero makes the launcher exit with that status and print no report, unless
// the status was accepted with --accept-exit (onboard import exits 1 when some rows were rejected,
// which a generated input with errors always has: that run is still a measurement).
//
// Why a launcher: Linux folds the high-water RSS of the address space a process had before exec
// into that process's ru_maxrss. posix_spawn shares the spawner's address space (CLONE_VM), so a
// reader spawned straight from the Swift driver showed the driver's ~13 MB (`cat` "needed" 13.5
// MB). This launcher forks instead (a forked child holds only its few anonymous pages) from a
// small C process, so a reader's peak RSS is its own plus ~1 MB, as when run from a shell
// (`measure-child true` reports ~1.2 MB; `/usr/bin/time true`, ~1.0 MB).
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv) {
    int first = 1;
    int discard = 0;
    int accepted[256] = {0};
    for (;;) {
        if (first < argc && strcmp(argv[first], "--discard-stdout") == 0) {
            discard = 1;
            first += 1;
        } else if (first + 1 < argc && strcmp(argv[first], "--accept-exit") == 0) {
            int status = atoi(argv[first + 1]);
            if (status > 0 && status < 256) accepted[status] = 1;
            first += 2;
        } else {
            break;
        }
    }
    if (first >= argc) {
        fprintf(stderr, "usage: measure-child [--discard-stdout] [--accept-exit N]... PROGRAM [ARG...]\n");
        return 2;
    }

    fflush(stdout);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    // fork, not posix_spawn: posix_spawn uses CLONE_VM, so exec would record this process's
    // high-water RSS into the child's; a forked child copies only anonymous pages' tables.
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "measure-child: fork failed: %s\n", strerror(errno));
        return 127;
    }
    if (pid == 0) {
        if (discard) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, STDOUT_FILENO);
            close(null);
        }
        execvp(argv[first], argv + first);
        fprintf(stderr, "measure-child: cannot start %s: %s\n", argv[first], strerror(errno));
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "measure-child: wait4 failed: %s\n", strerror(errno));
            return 127;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);

    if (WIFSIGNALED(status)) {
        fprintf(stderr, "measure-child: %s killed by signal %d\n", argv[first], WTERMSIG(status));
        return 128 + WTERMSIG(status);
    }
    if (WEXITSTATUS(status) != 0 && !accepted[WEXITSTATUS(status)]) {
        return WEXITSTATUS(status);
    }
    long long wall = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
    long long user = (long long)usage.ru_utime.tv_sec * 1000000LL + usage.ru_utime.tv_usec;
    long long system = (long long)usage.ru_stime.tv_sec * 1000000LL + usage.ru_stime.tv_usec;
    printf("measure-child: %lld %ld %lld %lld %d\n", wall, usage.ru_maxrss, user, system, WEXITSTATUS(status));
    return 0;
}
