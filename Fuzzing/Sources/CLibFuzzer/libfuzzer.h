// libFuzzer's entry for programs with their own `main` (compiler-rt's FuzzerDriver.cpp): it runs the
// fuzzer with the command line `argc`/`argv` on `callback`. The runtime comes with `-sanitize=fuzzer`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
