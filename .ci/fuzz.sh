#!/bin/bash
# Fuzzes BounceAnalyzer (tests/fuzz/fuzz_analyzer.cpp) with libFuzzer + ASan + UBSan (issue 8).
#
#   .ci/fuzz.sh [SECONDS]          (default 60; environment: BUILD_DIR, JOBS, FUZZ_JOBS)
#
# Installs clang and the compiler-rt runtimes when missing (Debian 12: clang-14 +
# libclang-rt-14-dev carry libclang_rt.fuzzer), configures BUILD_DIR (default build-fuzz) with
# -DBOUNCELENS_FUZZ=ON, builds fuzz_analyzer, seeds a scratch corpus with the repository's
# fixtures (tests/fixtures/**/*.eml, copied, never modified) and runs for SECONDS. Every crash,
# timeout, leak or out-of-memory input libFuzzer writes is copied to tests/fixtures/fuzz/ (which
# tst_hostile replays) and the script exits non-zero. Qt and vmime are not instrumented.
set -euo pipefail

SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_TO_RUN=${1:-60}
BUILD_DIR=${BUILD_DIR:-$SOURCE_DIR/build-fuzz}
JOBS=${JOBS:-$(nproc)}
FUZZ_JOBS=${FUZZ_JOBS:-1}

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo -E"
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends clang libclang-rt-14-dev
fi

cmake -S "$SOURCE_DIR" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++ -DBOUNCELENS_FUZZ=ON >/dev/null
cmake --build "$BUILD_DIR" -j"$JOBS" --target fuzz_analyzer

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/corpus" "$WORK/artifacts"
find "$SOURCE_DIR/tests/fixtures" -name '*.eml' -type f -print0 \
    | while IFS= read -r -d '' f; do cp "$f" "$WORK/corpus/$(echo "$f" | md5sum | cut -c1-12)-$(basename "$f")"; done
echo "seeds: $(ls "$WORK/corpus" | wc -l) files"

# Leaks: Qt and vmime keep a few static allocations to the end; LeakSanitizer would report them at
# exit of every run, so only real crashes, sanitizer errors, timeouts and memory blow-ups count.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
PARALLEL=()
# Parallel jobs write fuzz-N.log into the working directory: run inside the scratch directory.
[ "$FUZZ_JOBS" -gt 1 ] && PARALLEL=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
status=0
(cd "$WORK" && "$BUILD_DIR/tests/fuzz/fuzz_analyzer" "$WORK/corpus" \
    -max_total_time="$SECONDS_TO_RUN" -rss_limit_mb=2048 -timeout=10 -max_len=262144 \
    "${PARALLEL[@]}" -print_final_stats=1 -artifact_prefix="$WORK/artifacts/") 2>&1 | tail -n 40 || status=$?
[ "$FUZZ_JOBS" -gt 1 ] && tail -n 20 "$WORK"/fuzz-*.log

found=0
for a in "$WORK"/artifacts/*; do
    [ -e "$a" ] || continue
    mkdir -p "$SOURCE_DIR/tests/fixtures/fuzz"
    cp "$a" "$SOURCE_DIR/tests/fixtures/fuzz/$(basename "$a")"
    echo "finding kept as tests/fixtures/fuzz/$(basename "$a")"
    found=$((found + 1))
done
if [ "$found" -gt 0 ] || [ "$status" -ne 0 ]; then
    echo "fuzz: $found finding(s), fuzzer exit status $status" >&2
    exit 1
fi
echo "fuzz: no findings in ${SECONDS_TO_RUN}s"
