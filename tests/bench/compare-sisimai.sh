#!/bin/bash
# BounceLens vs Sisimai (Debian libsisimai-perl 4.25) on the same files, same run (issue 8).
#
#   tests/bench/compare-sisimai.sh [BUILD_DIR] [COPIES]     (defaults: build-bench, 10)
#
# Makes COPIES copies of ../shared/corpus/eml in a temp dir (~4,000 files), then times, best of 3
# (wall clock):
#   bouncelens explain --format json DIR > /dev/null          (all cores, as shipped)
#   perl -MSisimai -e 'print Sisimai->dump($_),"\n" for @ARGV' DIR > /dev/null
#                                                              (JSON out, like ours; one process)
# (msgs/s counts input files, the same for both) and prints msgs/s for both and the ratio, then the 30 MB bounce figures from bouncelens_bench.
# Sisimai is single-threaded, so the single-core ratio is printed too (bouncelens pinned to one
# core with taskset -c 0). Sisimai->dump is used because it writes JSON as we do; Sisimai->make
# alone (no JSON) was not timed. Installs libsisimai-perl with apt-get when missing.
set -euo pipefail

SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD_DIR=${1:-$SOURCE_DIR/build-bench}
COPIES=${2:-10}
CORPUS=${BOUNCELENS_CORPUS:-$SOURCE_DIR/../shared/corpus}/eml
BIN="$BUILD_DIR/app/bouncelens"
BENCH="$BUILD_DIR/tests/bench/bouncelens_bench"

if ! perl -MSisimai -e1 2>/dev/null; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo -E"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q libsisimai-perl
fi
if [ ! -x "$BIN" ] || [ ! -x "$BENCH" ]; then
    cmake -S "$SOURCE_DIR" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$BUILD_DIR" -j"$(nproc)" --target bouncelens bouncelens_bench
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for i in $(seq 1 "$COPIES"); do
    mkdir -p "$WORK/mail/copy$i"
    cp "$CORPUS"/* "$WORK/mail/copy$i/"
done
FILES=$(find "$WORK/mail" -type f | wc -l)
echo "files: $FILES ($COPIES copies of $CORPUS), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Best wall-clock seconds of three runs of "$@" (stdout discarded).
best_of_3() {
    local best="" t
    for _ in 1 2 3; do
        /usr/bin/time -o "$WORK/time" -f %e "$@" >/dev/null 2>/dev/null
        t=$(tail -n1 "$WORK/time")
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    done
    echo "$best"
}

cat "$WORK"/mail/*/* >/dev/null # warm the page cache for both
bl=$(best_of_3 "$BIN" explain --format json "$WORK/mail")
bl1=$(best_of_3 taskset -c 0 "$BIN" explain --format json "$WORK/mail")
# Sisimai reads a folder's files (not its subfolders): one argument per copy.
ss=$(best_of_3 perl -MSisimai -e 'print Sisimai->dump($_), "\n" for @ARGV' "$WORK"/mail/*)
# Output sizes, as a check that both did the work.
blout=$("$BIN" explain --format json "$WORK/mail" | wc -l)
ssout=$(perl -MSisimai -MJSON::PP -e 'my $n = 0; $n += scalar @{ decode_json(Sisimai->dump($_)) } for @ARGV; print $n' "$WORK"/mail/*)

awk -v f="$FILES" -v bl="$bl" -v bl1="$bl1" -v ss="$ss" -v blo="$blout" -v sso="$ssout" 'BEGIN {
    printf "bouncelens explain --format json, all cores: %6.2f s  %8.0f msgs/s  (%d JSON lines)\n", bl, f / bl, blo
    printf "bouncelens explain --format json, one core:  %6.2f s  %8.0f msgs/s\n", bl1, f / bl1
    printf "Sisimai 4.25 dump (JSON):                    %6.2f s  %8.0f msgs/s  (%d results)\n", ss, f / ss, sso
    printf "ratio all cores: %.1fx   ratio one core: %.1fx   (target >= 10x)\n", ss / bl, ss / bl1
}'

echo "30 MB bounce (target < 3 s, < 150 MB peak):"
"$BENCH" --large-only
