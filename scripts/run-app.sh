#!/usr/bin/env bash
# Builds BounceLens and opens it on the bundled sample bounce.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target bouncelens
exec build/app/bouncelens "$@" resources/samples/sample-bounce.eml
