#!/usr/bin/env bash
# `make package-chroot-test` (root, network to a Debian mirror; never part of `make test`): the
# maintainer scripts under a real dpkg, in a Debian 12 chroot made by debootstrap (cached in
# CHROOT, default /var/tmp/watchroom-chroot-bookworm). No systemd runs there, so the scripts take
# their "[ -d /run/systemd/system ]" branch, as in a container.
#   platform: install (user, folders and modes, schema, admin and its 0600 password file),
#             reinstall over itself (an upgrade: migrated, no second admin, data kept),
#             remove (data and settings kept), purge (gone);
#   client:   install with --force-depends (the scripts: the warm mirror's secrets file 0600,
#             purge), then by apt with its declared Depends, started offscreen (map, libVLC).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
ARCH=$(dpkg --print-architecture)
CHROOT=${CHROOT:-/var/tmp/watchroom-chroot-bookworm}
[ "$(id -u)" = 0 ] || { echo "chroot test: needs root" >&2; exit 2; }
if [ ! -x "$CHROOT/usr/bin/dpkg" ]; then
    command -v debootstrap >/dev/null || apt-get install -y --no-install-recommends debootstrap >/dev/null
    debootstrap --variant=minbase --include=adduser,tzdata,ca-certificates bookworm "$CHROOT" \
        http://deb.debian.org/debian >/dev/null
fi
mountpoint -q "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc"
trap 'umount "$CHROOT/proc" 2>/dev/null || true' EXIT
cp "$REPO/dist/watchroom-server_${VERSION}_${ARCH}.deb" "$REPO/dist/watchroom_${VERSION}_${ARCH}.deb" "$CHROOT/tmp/"
in_root() { chroot "$CHROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
fail() { echo "chroot test FAILED: $*" >&2; exit 1; }
mode() { in_root stat -c '%a %U:%G' "$1"; }

in_root dpkg --purge watchroom watchroom-server >/dev/null 2>&1 || true
in_root dpkg -i "/tmp/watchroom-server_${VERSION}_${ARCH}.deb" >"$CHROOT/tmp/install.log" 2>&1 \
    || fail "install: $(tail -5 "$CHROOT/tmp/install.log")"
in_root getent passwd watchroom >/dev/null || fail "no user watchroom"
[ "$(mode /var/lib/watchroom/platform)" = "700 watchroom:watchroom" ] || fail "platform folder $(mode /var/lib/watchroom/platform)"
[ "$(mode /etc/watchroom/admin-password)" = "600 root:root" ] || fail "admin-password $(mode /etc/watchroom/admin-password)"
[ "$(mode /var/lib/watchroom/platform/platform.db)" = "600 watchroom:watchroom" ] || fail "platform.db $(mode /var/lib/watchroom/platform/platform.db)"
in_root /usr/bin/watchroom-server db current --db /var/lib/watchroom/platform/platform.db | tee "$CHROOT/tmp/current.log" | grep -q 000 \
    || fail "schema: $(cat "$CHROOT/tmp/current.log")"
in_root /usr/bin/watchroom-server --db /var/lib/watchroom/platform/platform.db --list-accounts | grep -q admin \
    || fail "no admin account"
first_pw=$(cat "$CHROOT/etc/watchroom/admin-password")
# The service's command line as the unit runs it (as watchroom, from /etc/default), and the admin
# password of the file signs in.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
chroot "$CHROOT" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 setpriv --reuid=watchroom --regid=watchroom --init-groups \
    /usr/bin/watchroom-server --db /var/lib/watchroom/platform/platform.db --host 127.0.0.1 --port "$PORT" \
    >"$CHROOT/tmp/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true; umount "$CHROOT/proc" 2>/dev/null || true' EXIT
python3 - "$PORT" "$first_pw" <<'PY' || fail "admin cannot sign in: $(tail -5 "$CHROOT/tmp/server.log")"
import json, sys, time, urllib.request
port, password = sys.argv[1], sys.argv[2]
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2)
        break
    except OSError:
        time.sleep(0.2)
body = json.dumps({"username": "admin", "password": password}).encode()
req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/auth/login", body, {"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=10) as answer:
    assert answer.status == 200 and json.load(answer).get("access_token"), "no token"
PY
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
echo "chroot test: installed: user, folders 0700, schema, admin (password file 0600, signs in to the service as it runs)"


printf '%s\n' "Dy-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')-Q" | in_root runuser -u watchroom -- \
    /usr/bin/watchroom-server --db /var/lib/watchroom/platform/platform.db --create-user duty --role duty_officer >/dev/null
in_root dpkg -i "/tmp/watchroom-server_${VERSION}_${ARCH}.deb" >>"$CHROOT/tmp/install.log" 2>&1 || fail "upgrade"
[ "$(cat "$CHROOT/etc/watchroom/admin-password")" = "$first_pw" ] || fail "a second admin password on upgrade"
in_root /usr/bin/watchroom-server --db /var/lib/watchroom/platform/platform.db --list-accounts | grep -q duty \
    || fail "accounts lost on upgrade"
echo "chroot test: upgraded over itself: migrated, data kept, no second admin"

in_root dpkg -r watchroom-server >/dev/null
[ -f "$CHROOT/var/lib/watchroom/platform/platform.db" ] && [ -f "$CHROOT/etc/default/watchroom-server" ] \
    || fail "remove deleted data or settings"
[ ! -e "$CHROOT/opt/watchroom-server/watchroom-server" ] || fail "remove left the program"
in_root dpkg --purge watchroom-server >/dev/null
[ ! -e "$CHROOT/var/lib/watchroom" ] && [ ! -e "$CHROOT/etc/watchroom" ] && [ ! -e "$CHROOT/etc/default/watchroom-server" ] \
    || fail "purge left data: $(ls -d "$CHROOT"/var/lib/watchroom "$CHROOT"/etc/watchroom 2>/dev/null)"
echo "chroot test: remove kept the data, purge deleted it"

in_root dpkg -i --force-depends "/tmp/watchroom_${VERSION}_${ARCH}.deb" >>"$CHROOT/tmp/install.log" 2>&1 \
    || fail "client install: $(tail -5 "$CHROOT/tmp/install.log")"
[ "$(mode /etc/watchroom/mirror.env)" = "600 root:root" ] || fail "mirror.env $(mode /etc/watchroom/mirror.env)"
[ "$(mode /var/lib/watchroom/mirror)" = "700 watchroom:watchroom" ] || fail "mirror folder"
[ "$(mode /etc/watchroom/config.toml)" = "644 root:root" ] || fail "config.toml"
in_root readlink /usr/bin/watchroom | grep -q '^/opt/watchroom/watchroom$' || fail "/usr/bin/watchroom"
in_root dpkg --purge --force-depends watchroom >/dev/null 2>&1
[ ! -e "$CHROOT/etc/watchroom" ] && [ ! -e "$CHROOT/var/lib/watchroom" ] || fail "client purge left files"
echo "chroot test: client scripts: mirror secrets 0600, purge clean"

# The client installed by apt with only its declared Depends on a minimal Debian 12, started there:
# the map page offscreen (QtWebEngine, the CJK font) and a libVLC instance. CLIENT_APT=0 skips it.
if [ "${CLIENT_APT:-1}" = 1 ]; then
    in_root env DEBIAN_FRONTEND=noninteractive sh -c "apt-get update -qq && apt-get install -y -qq \
        --no-install-recommends /tmp/watchroom_${VERSION}_${ARCH}.deb" >>"$CHROOT/tmp/install.log" 2>&1 \
        || fail "apt install of the client: $(tail -5 "$CHROOT/tmp/install.log")"
    rm -rf "$CHROOT/root/wt" && mkdir -p "$CHROOT/root/wt"
    printf '%s\n' 'config_version = 1' '[site]' 'code = "CQ"' '[mirror]' 'path = "mirror.db"' '[logging]' \
        'file = "watchroom.log"' >"$CHROOT/root/wt/config.toml"
    timeout 300 chroot "$CHROOT" env -i HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
        /usr/bin/watchroom --config /root/wt/config.toml --demo --panel map --screenshot /root/wt/map.png \
        >"$CHROOT/tmp/client.log" 2>&1 || fail "the client under apt's dependencies: $(tail -5 "$CHROOT/tmp/client.log")"
    [ "$(stat -c %s "$CHROOT/root/wt/map.png")" -gt 20000 ] || fail "empty map screenshot"
    mkdir -p "$REPO/build" && cp "$CHROOT/root/wt/map.png" "$REPO/build/chroot-test-map.png"
    check='import vlc; i = vlc.Instance(["--quiet", "--no-audio"]); assert i is not None, "libvlc_new failed"'
    answer=$(printf '{"target": "builtins:exec", "args": [%s], "memory_bytes": 2147483648, "cpu_seconds": 20, "file_bytes": 104857600}' \
        "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$check")" \
        | chroot "$CHROOT" env -i PATH=/usr/bin:/bin /usr/bin/watchroom --watchroom-bounded-child)
    [ "$answer" = '{"value": null}' ] || fail "libVLC under apt's dependencies: $answer"
    in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq watchroom >/dev/null 2>&1 || fail "apt purge"
    echo "chroot test: client installed by apt on minimal Debian 12: map page and libVLC start (build/chroot-test-map.png)"
fi
echo "chroot test: passed"
