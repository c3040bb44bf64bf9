#!/bin/sh
# Re-extracts every user-visible string of core/, ui/ and app/ into translations/*.ts (lupdate,
# via the bouncelens_update_translations CMake target), then lists what still needs translating.
# Translate those in Qt Linguist (linguist translations/bouncelens_ja.ts) or by hand, and rebuild:
# the .qm files are compiled into the program.
#
#   scripts/update-translations.sh [BUILD_DIR]        (default: build-gui)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-gui}
[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" --target bouncelens_update_translations 2>&1 | grep -E "Updating|Found" || true
status=0
for ts in "$root"/translations/*.ts; do
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    echo "$(basename "$ts"): $unfinished unfinished"
    [ "$unfinished" -eq 0 ] || status=1
done
exit $status
