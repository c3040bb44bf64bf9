#!/usr/bin/env bash
# Installs the Debian 12 packages BounceLens needs to build, run and test, when they are missing.
# Usage: scripts/install-deps.sh [build|test]   (test adds what the test suite needs)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 libgl-dev
  libvmime-dev qt6-translations-l10n fonts-noto-cjk qtkeychain-qt6-dev
)

# Installs those of the named packages that are not installed yet.
install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_missing "${packages[@]}"

# tst_keychain starts a private session bus and a gnome-keyring-daemon on it (the Secret Service
# QtKeychain talks to through libsecret) and checks the keyring with secret-tool.
if [ "${1:-build}" = test ]; then
  install_missing dbus-daemon gnome-keyring libsecret-1-0 libsecret-tools
fi

# The mailbox tests run a private Dovecot (certificates made with openssl); its installer keeps
# the Debian system service from starting.
if [ "${1:-build}" = test ]; then
  for p in dovecot-imapd dovecot-pop3d openssl; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      "$(dirname "$0")/../.ci/install-fetch-deps.sh"
      break
    fi
  done
fi
