#!/usr/bin/env bash
# Builds onboard and the benchmarks in release, then runs the CSV benchmark (ROWS users, default
# 1,000,000), the dedup-key memory benchmark and the import benchmark, printing Markdown tables.
#   Benchmarks/run.sh [ROWS]      everything
#   Benchmarks/run.sh csv [ROWS]  the CSV and dedup-key benchmarks only
#   Benchmarks/run.sh import      the import benchmark only (1M and 2M users, then the simulated directory)
set -euo pipefail
parts="csv import"
case "${1:-}" in
csv) parts="csv"; shift ;;
import) parts="import"; shift ;;
esac
rows="${1:-1000000}"
cd "$(dirname "$0")"

echo "building onboard (release)…" >&2
swift build -c release --package-path .. --product onboard >&2
echo "building the benchmarks (release)…" >&2
# SwiftPM can reuse a build plan that misses files the main package gained since the last build
# ("cannot find 'X' in scope" in ../Sources); removing the plan makes it scan the sources again.
rm -f .build/release.yaml .build/release/description.json
swift build -c release >&2
bin="$(swift build -c release --show-bin-path)"

cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "run: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores (${cpu:-unknown CPU}); $(uname -sr); $(swift --version 2>&1 | head -1)"
if [[ " $parts " == *" csv "* ]]; then
    echo
    "$bin/onboard-bench" csv --rows "$rows" --onboard ../.build/release/onboard --data data
    echo
    "$bin/onboard-bench" dedup --keys 1000000,2000000
fi
if [[ " $parts " == *" import "* ]]; then
    echo
    "$bin/onboard-bench" import --onboard ../.build/release/onboard --data data
fi
