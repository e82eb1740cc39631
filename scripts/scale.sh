#!/usr/bin/env bash
# Scale proof: generates users files of growing size and imports each into a new SQLite store with the
# release build, recording wall time and peak RSS, to show that time grows linearly with the rows and
# memory stays flat but for the deduplication keys.
#
# usage: scripts/scale.sh [--sizes N,N,...] [--customers N] [--work DIR]
#   --sizes      users per import (default 1000000,2000000,5000000)
#   --customers  customer tenants the users spread over (default 10000)
#   --work       scratch folder for the inputs, stores and reports (default /tmp/onboard-scale; the 5M
#                run needs about 2 GB there)
# Needs /usr/bin/time (Debian package `time`). Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=1000000,2000000,5000000
customers=10000
work=/tmp/onboard-scale
while [[ $# -gt 0 ]]; do
    case $1 in
        --sizes) sizes=$2; shift 2 ;;
        --customers) customers=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) sed -n 6,11p "$0" >&2; exit 64 ;;
    esac
done
[[ -x /usr/bin/time ]] || { echo "scale: /usr/bin/time is missing (apt-get install time)" >&2; exit 69; }

swift build -c release --product onboard 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Write|Copying)' >&2
onboard="$(swift build -c release --show-bin-path)/onboard"
mkdir -p "$work"

# The README's figure (Deduplication): two keys per user in the tables, the UPN's 35 bytes and the
# tenant + display name's 15.
user_key_bytes=50
rows=()
IFS=, read -r -a counts <<<"$sizes"
for users in "${counts[@]}"; do
    data="$work/data-$users"
    run="$work/run-$users"
    rm -rf "$run" && mkdir -p "$run"
    if [[ ! -s $data/users.csv ]]; then
        echo "scale: generating $users users over $customers customers in $data" >&2
        "$onboard" samples --customers "$customers" --users "$users" --seed 1 --out "$data" >/dev/null
    fi
    echo "scale: importing $users users" >&2
    # Exit 1 (rows rejected) is a normal outcome of an import; anything above is a failure.
    status=0
    /usr/bin/time -f "%e %M" -o "$run/time" "$onboard" import --customers "$data/customers.csv" \
        --users "$data/users.csv" --store "$run/onboard.sqlite" --out "$run/out" >"$run/stdout" 2>"$run/stderr" ||
        status=$?
    if [[ $status -gt 1 ]]; then
        echo "scale: the import of $users users failed with exit $status:" >&2
        tail -5 "$run/stderr" >&2
        exit 1
    fi
    read -r seconds rss_kib < <(tail -1 "$run/time")
    bytes=$(stat -c %s "$data/users.csv")
    rows+=("$(awk -v n="$users" -v bytes="$bytes" -v s="$seconds" -v kib="$rss_kib" -v k="$user_key_bytes" 'BEGIN {
        keys = n * k / 1048576; rss = kib / 1024
        printf "| %d | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f |", n, bytes / 1e6, s, n / s, rss, keys, rss - keys }')")
done

echo
echo "Dedup keys: $user_key_bytes B per user, two keys (README, Deduplication)."
echo
echo "| users | users.csv MB | wall s | rows/s | peak RSS MiB | dedup keys MiB | RSS − keys MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
