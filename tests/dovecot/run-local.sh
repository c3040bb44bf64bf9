#!/bin/sh
# Starts a throw-away Dovecot on 127.0.0.1 with the tst_fetch fixtures, for trying
# `bouncelens fetch` (or the fetch dialog) by hand. Stop it with Ctrl-C; everything lives in a
# temporary directory that is removed afterwards. tst_fetch does the same on its own.
#
#   tests/dovecot/run-local.sh            # then, in another terminal:
#   BOUNCELENS_PASSWORD=secret bouncelens fetch --user tester --ca-file DIR/ca.crt imaps://127.0.0.1:10993/
set -eu

here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../fixtures/fetch"
base=${BOUNCELENS_DOVECOT_PORT_BASE:-10000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/bouncelens-dovecot.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM

mkdir -p "$dir/Maildir/cur" "$dir/Maildir/new" "$dir/Maildir/tmp" "$dir/home" "$dir/run" "$dir/state"
n=0
for f in "$fixtures"/*.eml; do
    n=$((n + 1))
    cp "$f" "$dir/Maildir/cur/17000$n.M${n}P1.local:2,"
done

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$dir/ca.key" -out "$dir/ca.crt" -days 2 \
    -subj "/CN=BounceLens Local CA" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' > "$dir/server.ext"
openssl req -newkey rsa:2048 -nodes -keyout "$dir/server.key" -out "$dir/server.csr" -subj "/CN=127.0.0.1" 2>/dev/null
openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
    -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null
echo "tester:{PLAIN}secret" > "$dir/users"

if [ "$(id -u)" -eq 0 ]; then
    # Dovecot will not serve logins or mail as root: use the package's unprivileged users.
    internal=dovecot login=dovenull group=dovecot
    uid=$(id -u dovecot) gid=$(id -g dovecot)
    chown -R dovecot:dovecot "$dir"
    chmod 755 "$dir"
else
    internal=$(id -un) login=$(id -un) group=$(id -gn) uid=$(id -u) gid=$(id -g)
fi
sed -e "s|default_internal_user = @USER@|default_internal_user = $internal|" \
    -e "s|default_login_user = @USER@|default_login_user = $login|" \
    -e "s|@GROUP@|$group|g; s|@UID@|$uid|g; s|@GID@|$gid|g; s|@DIR@|$dir|g" \
    -e "s|@PORT_IMAP@|$((base + 143))|; s|@PORT_IMAPS@|$((base + 993))|" \
    -e "s|@PORT_POP3@|$((base + 110))|; s|@PORT_POP3S@|$((base + 995))|" \
    "$here/dovecot.conf.in" > "$dir/dovecot.conf"

echo "Dovecot in $dir: user tester, password secret, CA $dir/ca.crt"
echo "  imap://127.0.0.1:$((base + 143))/  imaps://127.0.0.1:$((base + 993))/"
echo "  pop3://127.0.0.1:$((base + 110))/  pop3s://127.0.0.1:$((base + 995))/"
echo "Log: $dir/dovecot.log. Ctrl-C stops."
dovecot -F -c "$dir/dovecot.conf"
