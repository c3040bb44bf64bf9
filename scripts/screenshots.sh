#!/bin/sh
# Saves docs/screenshots/main-en.png, main-ja.png, summary-en.png, summary-ja.png and
# reply-ja.png: the real app, started on the test fixtures without a display
# (QT_QPA_PLATFORM=offscreen; fonts-noto-cjk renders Japanese), grabbed with QWidget::grab() by
# the app's hidden --screenshot option (--screenshot-view picks the summary tab or the reply
# composer).
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
fixture_files="$fixtures/two-recipients.eml $fixtures/userunknown.eml $fixtures/mailboxfull.eml
    $fixtures/two.mbox $fixtures/not-a-bounce.eml"
typo=$root/tests/fixtures/suggest/hostunknown-typo.eml
shot() { # NAME LANG VIEW FILE...
    name=$1 lang=$2 view=$3
    shift 3
    XDG_CONFIG_HOME=$config QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} \
        "$app" --lang "$lang" --screenshot "$out/$name.png" --screenshot-view "$view" "$@" 2>/dev/null
    echo "$out/$name.png"
}
for lang in en ja; do
    # shellcheck disable=SC2086 # the fixture list is split on purpose
    shot "main-$lang" "$lang" message $fixture_files
    # The summary of the GUI fixtures and the core fixtures together: more reasons and days.
    # shellcheck disable=SC2086
    shot "summary-$lang" "$lang" summary $fixture_files "$typo" "$root/tests/fixtures/core"
done
# The reply about the mistyped carrier address (it carries the "did you mean" note).
shot reply-ja ja reply "$typo"
