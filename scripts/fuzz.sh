#!/usr/bin/env bash
# Builds onboard's libFuzzer targets (Fuzzing/) with the address sanitizer and runs each for SECONDS.
#
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  how long each target runs (default 60)
#   TARGET   FuzzCSVReader FuzzCSVRoundTrip FuzzIntake FuzzConfiguration (default: all, one after another)
#
# Each target starts from its committed seeds (Fuzzing/Corpus/TARGET) and the inputs earlier runs found
# (Fuzzing/.build/corpus/TARGET, kept between runs, not committed). A crash or a failed expectation is
# saved under Fuzzing/.build/crashes/TARGET/ and makes the script exit 1; replay one with
#   SWIFT_BACKTRACE=enable=no Fuzzing/.build/release/TARGET FILE
# Prints per target: executions, executions per second, libFuzzer's coverage (`cov:` edges, `ft:`
# features) and the corpus size. Extra libFuzzer flags go in FUZZ_FLAGS (e.g. FUZZ_FLAGS=-max_len=512).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { sed -n 4,7p "$0" >&2; exit 64; }
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(FuzzCSVReader FuzzCSVRoundTrip FuzzIntake FuzzConfiguration)

# -sanitize=fuzzer adds coverage instrumentation to every Swift module (onboard's and its dependencies';
# C and C++ code such as toml++ is not instrumented) and links libFuzzer, which the Swift toolchain
# ships (lib/swift/clang/lib/linux/libclang_rt.fuzzer-*.a): no Debian package is needed. lld because
# gold fails on these links ("internal error in format_file_lineno").
build_flags=(-c release --package-path Fuzzing -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
for target in "${targets[@]}"; do
    swift build "${build_flags[@]}" --product "$target" 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Write|Copying)' >&2
done
bin=$(swift build "${build_flags[@]}" --show-bin-path)

# Swift's own crash handler fights ASan for the signal; libFuzzer's report is the one we want.
export SWIFT_BACKTRACE=enable=no
# A known leak in TOMLKit, and only it, is suppressed (see the file).
export LSAN_OPTIONS="suppressions=$PWD/scripts/sanitizers/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
summary=()
for target in "${targets[@]}"; do
    corpus=Fuzzing/.build/corpus/$target
    crashes=Fuzzing/.build/crashes/$target
    log=Fuzzing/.build/logs/$target.log
    mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
    echo "fuzz: $target for ${seconds}s" >&2
    result=ok
    start=$SECONDS
    # shellcheck disable=SC2086  # FUZZ_FLAGS is a list of flags
    if ! "$bin/$target" -max_total_time="$seconds" -timeout=20 -print_final_stats=1 \
        -artifact_prefix="$crashes/" ${FUZZ_FLAGS:-} "$corpus" "Fuzzing/Corpus/$target" >"$log" 2>&1; then
        result="FAILED: $(grep -m1 -E 'Test unit written to' "$log" | sed 's/.*written to //')"
        grep -m3 -E 'ERROR|expectation failed|SUMMARY' "$log" >&2 || true
        status=1
    fi
    # The last status line: "#RUNS <event> cov: N ft: N corp: N/SIZE ...".
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    rate=$(grep -m1 'stat::average_exec_per_sec' "$log" | awk '{print $2}')
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")
    summary+=("| $target | $((SECONDS - start)) | ${runs:-?} | ${rate:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | $result |")
done

echo
echo "| target | seconds run | executions | exec/s | cov | ft | corpus | result |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${summary[@]}"
exit $status
