#!/bin/bash
# Builds the BounceLens packages (DEB and TGZ) from a CMake build directory, validates them,
# installs the .deb, tests the installed program and removes it again.
#
#   .ci/package-check.sh [BUILD_DIR]        (default: build; configured here if it is not yet)
#
# Needs root (or sudo) to install packages; installs its own tools (lintian, desktop-file-utils,
# appstream, dpkg-dev, file) with apt-get when they are missing. Exits non-zero on the first
# failure. Environment: JOBS (parallel build jobs, default nproc).
set -euo pipefail

SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${1:-build}
[[ $BUILD_DIR = /* ]] || BUILD_DIR="$PWD/$BUILD_DIR"
APP_ID=io.github.bouncelens.BounceLens
SAMPLE=/usr/share/bouncelens/samples/sample-bounce.eml
SAMPLE_RECIPIENT=taro.yamada@example.jp

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
ok()   { printf 'ok   %s\n' "$*"; }

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || fail "run as root or install sudo: the .deb must be installed"
    SUDO=(sudo)
fi
apt_get() {
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=600 -q "$@"
}

step "Tools"
missing=()
command -v lintian >/dev/null || missing+=(lintian)
command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
command -v appstreamcli >/dev/null || missing+=(appstream)
command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)   # CPACK_DEBIAN_PACKAGE_SHLIBDEPS
command -v file >/dev/null || missing+=(file)                  # CPack finds ELF files with it
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt_get update
    apt_get install -y --no-install-recommends "${missing[@]}"
fi
lintian --version; appstreamcli --version; desktop-file-validate --help >/dev/null 2>&1 || true

step "Build in $BUILD_DIR"
if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
    cmake -S "$SOURCE_DIR" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$BUILD_DIR" --parallel "${JOBS:-$(nproc)}"

VERSION=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD_DIR/CPackConfig.cmake")
[[ -n $VERSION ]] || fail "no CPACK_PACKAGE_VERSION in $BUILD_DIR/CPackConfig.cmake"
ARCH=$(dpkg --print-architecture)
DEB="$BUILD_DIR/bouncelens_${VERSION}_${ARCH}.deb"
echo "version $VERSION, architecture $ARCH"

step "cpack -G DEB, cpack -G TGZ"
rm -f "$BUILD_DIR"/bouncelens_*.deb "$BUILD_DIR"/bouncelens-*.tar.gz
(cd "$BUILD_DIR" && cpack -G DEB && cpack -G TGZ)
[[ -f $DEB ]] || fail "cpack did not write $DEB"
TGZ=$(ls "$BUILD_DIR"/bouncelens-"$VERSION"-*.tar.gz) || fail "cpack did not write the .tar.gz"
ok "$DEB"
ok "$TGZ"

step "Package metadata"
dpkg-deb --info "$DEB"
dpkg-deb --contents "$DEB"
field() { dpkg-deb --field "$DEB" "$1"; }
[[ $(field Package) = bouncelens ]] || fail "Package is not bouncelens"
[[ $(field Version) = "$VERSION" ]] || fail "Version $(field Version) is not $VERSION"
[[ $(field Section) = mail ]] || fail "Section is not mail"
[[ $(field Priority) = optional ]] || fail "Priority is not optional"
[[ $(field Maintainer) = "BounceLens developers <dev@bouncelens.example>" ]] || fail "Maintainer: $(field Maintainer)"
field Depends | grep libqt6widgets6 >/dev/null || fail "Depends (shlibdeps) lacks libqt6widgets6: $(field Depends)"
field Depends | grep libvmime >/dev/null || fail "Depends (shlibdeps) lacks libvmime: $(field Depends)"
ok "control fields"
tar -tzf "$TGZ" | grep "/bin/bouncelens$" >/dev/null || fail "the .tar.gz has no bin/bouncelens"
ok "the .tar.gz holds bin/bouncelens"

step "Validate the packaged files"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
dpkg-deb --extract "$DEB" "$STAGE"
desktop-file-validate "$STAGE/usr/share/applications/$APP_ID.desktop" || fail "desktop-file-validate"
ok "desktop-file-validate"
appstreamcli validate --no-net "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml" || fail "appstreamcli validate"
ok "appstreamcli validate --no-net"
grep -q "<release version=\"$VERSION\"" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml" \
    || fail "the metainfo has no <release> for $VERSION"
zcat "$STAGE/usr/share/doc/bouncelens/changelog.gz" | sed -n 1p | grep "^bouncelens ($VERSION) " >/dev/null \
    || fail "installer/changelog has no entry for $VERSION at the top"
ok "changelog and metainfo releases name $VERSION"
LINTIAN_LOG="$BUILD_DIR/lintian.log"
# Lintian refuses nothing as root, only warns; --fail-on error: warnings are reported, not fatal.
lintian --fail-on error --display-info --no-tag-display-limit "$DEB" 2>&1 | tee "$LINTIAN_LOG" \
    || fail "lintian found errors (see $LINTIAN_LOG)"
ok "lintian: no errors ($(grep -c '^W:' "$LINTIAN_LOG" || true) warnings)"

step "Install"
WAS_INSTALLED=$(dpkg-query -W -f='${Status}' bouncelens 2>/dev/null || true)
[[ $WAS_INSTALLED != *" installed" ]] || echo "note: bouncelens was installed before; it is replaced and removed"
cleanup() {
    rm -rf "$STAGE"
    if dpkg-query -W -f='${Status}' bouncelens 2>/dev/null | grep -q ' installed$'; then
        echo "cleanup: removing bouncelens"
        apt_get remove -y bouncelens || true
    fi
}
trap cleanup EXIT
apt_get install -y "$DEB"

step "Test the installed package"
[[ $(command -v bouncelens) = /usr/bin/bouncelens ]] || fail "bouncelens is not /usr/bin/bouncelens"
# Subcommands never need a display.
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/bouncelens "$@"; }
got=$(run --version) || fail "bouncelens --version exited $?"
[[ $got = "bouncelens $VERSION" ]] || fail "bouncelens --version printed '$got', expected 'bouncelens $VERSION'"
ok "bouncelens --version: $got"
out=$(run explain "$SAMPLE") || fail "bouncelens explain $SAMPLE exited $?"
printf '%s\n' "$out"
grep -qF "$SAMPLE_RECIPIENT" <<<"$out" || fail "bouncelens explain did not find $SAMPLE_RECIPIENT"
json=$(run explain --format json "$SAMPLE") || fail "bouncelens explain --format json exited $?"
grep -qF "\"address\":\"$SAMPLE_RECIPIENT\"" <<<"$json" \
    || fail "bouncelens explain --format json has no recipient $SAMPLE_RECIPIENT: $json"
ok "bouncelens explain finds $SAMPLE_RECIPIENT"
man -w bouncelens >/dev/null 2>&1 && ok "man bouncelens" || echo "note: man-db not installed, man page not checked"

files=$(dpkg -L bouncelens)
for f in /usr/bin/bouncelens \
         "/usr/share/applications/$APP_ID.desktop" \
         "/usr/share/metainfo/$APP_ID.metainfo.xml" \
         /usr/share/icons/hicolor/scalable/apps/bouncelens.svg \
         /usr/share/icons/hicolor/{16x16,32x32,48x48,64x64,128x128,256x256}/apps/bouncelens.png \
         "$SAMPLE" \
         /usr/share/doc/bouncelens/copyright \
         /usr/share/doc/bouncelens/changelog.gz \
         /usr/share/man/man1/bouncelens.1.gz; do
    grep -qxF "$f" <<<"$files" || fail "dpkg -L bouncelens lacks $f"
    [[ -f $f ]] || fail "$f is listed but missing"
done
ok "dpkg -L bouncelens holds the binary, desktop file, metainfo, icons, sample, docs"

# "Open with BounceLens" for .eml: shared-mime-info maps *.eml to message/rfc822 and
# desktop-file-utils' dpkg trigger indexes our MimeType= into mimeinfo.cache.
if [[ -f /usr/share/mime/globs2 ]]; then
    grep -E '^[0-9]+:message/rfc822:\*\.eml$' /usr/share/mime/globs2 >/dev/null \
        || fail "shared-mime-info does not map *.eml to message/rfc822"
    ok "*.eml is message/rfc822 (shared-mime-info)"
fi
grep -E '^message/rfc822=.*'"$APP_ID"'\.desktop' /usr/share/applications/mimeinfo.cache >/dev/null \
    || fail "mimeinfo.cache does not offer $APP_ID.desktop for message/rfc822"
ok "mimeinfo.cache offers BounceLens for message/rfc822"
# What "Open with" runs (Exec=bouncelens %F): the window must come up with the file and stay.
rc=0
timeout 5 env QT_QPA_PLATFORM=offscreen /usr/bin/bouncelens "$SAMPLE" >/dev/null 2>&1 || rc=$?
[[ $rc -eq 124 ]] || fail "bouncelens $SAMPLE (the window, offscreen) exited $rc within 5 s"
ok "bouncelens $SAMPLE opens the window (offscreen)"

step "Remove"
apt_get remove -y bouncelens
status=$(dpkg-query -W -f='${Status}' bouncelens 2>/dev/null || true)
[[ $status != *" installed" ]] || fail "bouncelens is still installed: $status"
[[ ! -e /usr/bin/bouncelens ]] || fail "/usr/bin/bouncelens is still there"
ok "removed"

printf '\nPackage check passed: %s\n' "$(basename "$DEB")"
