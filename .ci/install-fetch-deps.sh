#!/bin/sh
# Installs what tests/tst_fetch needs: Dovecot (IMAP + POP3) and openssl. The test starts its own
# unprivileged Dovecot with its own configuration on 127.0.0.1 high ports; the Debian system
# service is not needed, so it is kept from starting (and stopped if it runs anyway).
set -eu

export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo -E"
fi

# Deny service starts during installation unless the system already has a policy of its own.
policy=/usr/sbin/policy-rc.d
own_policy=no
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"
    own_policy=yes
fi
cleanup() {
    if [ "$own_policy" = yes ]; then
        $SUDO rm -f "$policy"
    fi
}
trap cleanup EXIT

# A Dovecot that was there before is someone's mail server: leave its service alone.
preinstalled=no
if dpkg-query -W -f='${Status}' dovecot-core 2>/dev/null | grep -q 'install ok installed'; then
    preinstalled=yes
fi

$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends dovecot-imapd dovecot-pop3d openssl

# If a service manager started the freshly installed system Dovecot anyway, stop it and keep it off.
if [ "$preinstalled" = yes ]; then
    :
elif command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $SUDO systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
elif command -v service >/dev/null 2>&1; then
    $SUDO service dovecot stop >/dev/null 2>&1 || true
fi

dovecot --version
