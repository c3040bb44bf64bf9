#!/bin/sh
# Saves docs/screenshots/main-en.png and main-ja.png: the real app, started on the GUI test
# fixtures without a display (QT_QPA_PLATFORM=offscreen; fonts-noto-cjk renders Japanese),
# grabbed with QWidget::grab() by the app's hidden --screenshot option.
#
#   scripts/screenshots.sh [BUILD_DIR]        (default: build-gui)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-gui}
app=$build/app/bouncelens
fixtures=$root/tests/fixtures/gui
out=$root/docs/screenshots
[ -x "$app" ] || { echo "build the app first: cmake --build $build --target bouncelens" >&2; exit 1; }
mkdir -p "$out"
# A throw-away settings directory: the user's window layout and language must not leak in.
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
for lang in en ja; do
    XDG_CONFIG_HOME=$config QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} \
        "$app" --lang "$lang" --screenshot "$out/main-$lang.png" \
        "$fixtures/two-recipients.eml" "$fixtures/userunknown.eml" "$fixtures/mailboxfull.eml" \
        "$fixtures/two.mbox" "$fixtures/not-a-bounce.eml" 2>/dev/null
    echo "$out/main-$lang.png"
done
