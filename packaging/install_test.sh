#!/usr/bin/env bash
# `make package-test` (issue 20, item 2; never part of `make test`): unpacks the two packages
# `make package` built into a fresh folder (dpkg -x) and runs what was installed, with a clean
# environment (no .venv or source tree on PATH, no PYTHON* variables, cwd outside the checkout):
#   - the platform: schema migration, admin and duty accounts as postinst makes them, serving on
#     a random loopback port with demo data, /api/v1/health; killed with SIGKILL and started again
#     (the data still there); then "upgraded" (a second unpack run over the same database:
#     migration, health, same data);
#   - the client: the headless warm mirror (`watchroom mirror --once`, an encrypted mirror; then
#     running continuously, killed with SIGKILL, and syncing again) and
#     the main window offscreen with --screenshot from the platform's data; the bounded import
#     child of a frozen build; started through a symlink as /usr/bin/watchroom is.
# Prints one JSON line of figures at the end (deb_install_to_screenshot_s ...); exits non-zero
# on the first failure. KEEP=1 keeps the folder (the screenshot is printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
ARCH=$(dpkg --print-architecture)
CLIENT_DEB=$REPO/dist/watchroom_${VERSION}_${ARCH}.deb
SERVER_DEB=$REPO/dist/watchroom-server_${VERSION}_${ARCH}.deb
for deb in "$CLIENT_DEB" "$SERVER_DEB"; do
    [ -f "$deb" ] || { echo "install test: $deb missing (make package first)" >&2; exit 2; }
done

T=$(mktemp -d /tmp/watchroom-install.XXXXXX)
SERVER_PID=""
cleanup() {
    local rc=$?
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "install test: kept $T"; else rm -rf "$T"; fi
    exit "$rc"
}
trap cleanup EXIT
fail() { echo "install test FAILED: $*" >&2; [ -f "$T/server.log" ] && tail -20 "$T/server.log" >&2; exit 1; }
mkdir -p "$T/root" "$T/home" "$T/work" "$T/data"
# Nothing of the checkout: a bare PATH, a fresh HOME, the C.UTF-8 locale a service unit sets.
CLEAN=(env -i "HOME=$T/home" "PATH=/usr/bin:/bin" "LANG=C.UTF-8" "QT_QPA_PLATFORM=offscreen")

t_install=$(date +%s.%N)
dpkg -x "$SERVER_DEB" "$T/root"
dpkg -x "$CLIENT_DEB" "$T/root"
SERVER=$T/root/opt/watchroom-server/watchroom-server
CLIENT=$T/root/opt/watchroom/watchroom
[ "$(readlink "$T/root/usr/bin/watchroom")" = /opt/watchroom/watchroom ] || fail "/usr/bin/watchroom is not the bundle's symlink"
[ "$(readlink "$T/root/usr/bin/watchroom-server")" = /opt/watchroom-server/watchroom-server ] || fail "/usr/bin/watchroom-server"
grep -q '^Name=应急值守指挥调度$' "$T/root/usr/share/applications/watchroom.desktop" || fail "desktop entry"
if find "$T/root/opt/watchroom-server" -name 'libQt6*' | grep -q .; then fail "the server bundle holds Qt"; fi
cd "$T/work"

free_port() { "${CLEAN[@]}" /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
health() {  # prints the health JSON, or fails after 60 s
    for _ in $(seq 1 300); do
        if out=$("${CLEAN[@]}" /usr/bin/python3 -c "import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:$PORT/api/v1/health', timeout=2).read().decode())" 2>/dev/null); then
            echo "$out"; return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || fail "the server stopped"
        sleep 0.2
    done
    fail "no /api/v1/health answer in 60 s"
}
field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
serve() {  # $1: the server program
    "${CLEAN[@]}" "$1" --db "$DB" --host 127.0.0.1 --port "$PORT" "${@:2}" >>"$T/server.log" 2>&1 &
    SERVER_PID=$!
}

DB=$T/data/platform.db
PORT=$(free_port)
# What postinst does on a first install: the schema (Alembic), then an admin account.
"${CLEAN[@]}" "$SERVER" db upgrade --db "$DB" >"$T/upgrade.log" 2>&1 || fail "db upgrade: $(cat "$T/upgrade.log")"
ADMIN_PW="Wr-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')-Q"
DUTY_PW="Dy-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')-Q"
printf '%s\n' "$ADMIN_PW" | "${CLEAN[@]}" "$SERVER" --db "$DB" --create-user admin --role admin >/dev/null || fail "admin account"
printf '%s\n' "$DUTY_PW" | "${CLEAN[@]}" "$SERVER" --db "$DB" --create-user duty --role duty_officer >/dev/null \
    || fail "duty account"
serve "$SERVER" --demo-incidents 120 --demo-resources 80
first=$(health)
[ "$(field "$first" status)" = ok ] || fail "health: $first"
seq1=$(field "$first" latest_seq)
cluster=$(field "$first" cluster_id)
echo "install test: platform up from the package on port $PORT (latest_seq $seq1)"

# A kill -9 (systemd's Restart=always starts it again): the same platform, its data kept.
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
serve "$SERVER"
again=$(health)
[ "$(field "$again" cluster_id)" = "$cluster" ] || fail "another platform after the restart"
[ "$(field "$again" latest_seq)" -ge "$seq1" ] || fail "changes lost after kill -9: $again"
echo "install test: restarted after kill -9, data intact"

# The client: the warm mirror's command, encrypted, then the main window from its data.
cat >"$T/home/config.toml" <<TOML
config_version = 1
[site]
code = "CQ"
name = "安装测试值班室"
timezone = "Asia/Shanghai"
[mirror]
path = "mirror.db"
encryption = "passphrase"
[logging]
file = "watchroom.log"
[[sync.endpoint]]
name = "安装测试平台"
url = "http://127.0.0.1:$PORT"
username = "duty"
keyring = false
password_env = "WATCHROOM_TEST_PASSWORD"
TOML
chmod 600 "$T/home/config.toml"
CLIENT_ENV=("${CLEAN[@]}" "WATCHROOM_TEST_PASSWORD=$DUTY_PW" "WATCHROOM_MIRROR_PASSPHRASE=install-test-passphrase")
"${CLIENT_ENV[@]}" "$CLIENT" --config "$T/home/config.toml" mirror --once >"$T/mirror.log" 2>&1 || fail "watchroom mirror --once: $(tail -5 "$T/mirror.log")"
"${CLIENT_ENV[@]}" "$CLIENT" --config "$T/home/config.toml" status --json >"$T/status.json" 2>>"$T/mirror.log" || fail "watchroom status"
echo "install test: warm mirror synced: $(tr -d '\n' <"$T/status.json" | cut -c1-160)"
# The warm mirror as its unit runs it (continuously), killed with SIGKILL mid-run (systemd's
# Restart=on-failure starts it again): the encrypted mirror opens and syncs again.
"${CLIENT_ENV[@]}" "$CLIENT" --config "$T/home/config.toml" mirror >>"$T/mirror.log" 2>&1 &
MIRROR_PID=$!
sleep 3  # into its loop; the check is the run after the kill
kill -0 "$MIRROR_PID" 2>/dev/null || fail "watchroom mirror stopped: $(tail -5 "$T/mirror.log")"
kill -9 "$MIRROR_PID"; wait "$MIRROR_PID" 2>/dev/null || true
"${CLIENT_ENV[@]}" "$CLIENT" --config "$T/home/config.toml" mirror --once >>"$T/mirror.log" 2>&1 \
    || fail "watchroom mirror after kill -9: $(tail -5 "$T/mirror.log")"
echo "install test: warm mirror killed with SIGKILL, synced again"
ln -s "$CLIENT" "$T/watchroom"  # through a symlink, as /usr/bin/watchroom
"${CLIENT_ENV[@]}" timeout 240 "$T/watchroom" --config "$T/home/config.toml" --screenshot "$T/main.png" \
    >"$T/client.log" 2>&1 || fail "client: $(grep -v propagateSizeHints "$T/client.log" | tail -5)"
t_shot=$(date +%s.%N)
[ "$(stat -c %s "$T/main.png")" -gt 20000 ] || fail "the screenshot is (nearly) empty"
"${CLEAN[@]}" /usr/bin/python3 - "$T/home/mirror.db" <<'PY' || fail "the mirror is not encrypted"
import sys
with open(sys.argv[1], "rb") as f:
    sys.exit(1 if f.read(16) == b"SQLite format 3\x00" else 0)
PY
# The map (QtWebEngine, the Leaflet files and the basemap from the bundle) on the same mirror.
"${CLIENT_ENV[@]}" timeout 240 "$CLIENT" --config "$T/home/config.toml" --panel map --screenshot "$T/map.png" \
    >>"$T/client.log" 2>&1 || fail "client (map): $(grep -v propagateSizeHints "$T/client.log" | tail -5)"
[ "$(stat -c %s "$T/map.png")" -gt 20000 ] || fail "the map screenshot is (nearly) empty"
child=$(printf '%s' '{"target": "json:dumps", "args": ["值守"], "memory_bytes": 1073741824, "cpu_seconds": 10, "file_bytes": 1000000}' \
    | "${CLEAN[@]}" "$CLIENT" --watchroom-bounded-child)
[ "$child" = '{"value": "\"\\u503c\\u5b88\""}' ] || fail "the bounded import child: $child"
# libVLC: the system's (a Depends), found and started by the bundle's python-vlc.
if find "$T/root/opt/watchroom" -name 'libvlc*.so*' | grep -q .; then fail "the client bundle carries its own libVLC"; fi
vlc_check='import vlc; i = vlc.Instance(["--quiet", "--no-audio"]); assert i is not None, "libvlc_new failed"'
child=$(printf '{"target": "builtins:exec", "args": [%s], "memory_bytes": 2147483648, "cpu_seconds": 20, "file_bytes": 104857600}' \
    "$(/usr/bin/python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$vlc_check")" | "${CLEAN[@]}" "$CLIENT" --watchroom-bounded-child)
[ "$child" = '{"value": null}' ] || fail "libVLC from the bundle: $child"
echo "install test: client window saved ($T/main.png), bounded import child answers, libVLC starts"

# An upgrade: the packages unpacked again (a new folder), the migration run over the kept
# database, the platform served by the new files: same platform, same data.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
before=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from incidents').fetchone()[0])" "$DB")
mkdir -p "$T/root2" && dpkg -x "$SERVER_DEB" "$T/root2"
"${CLEAN[@]}" "$T/root2/opt/watchroom-server/watchroom-server" db upgrade --db "$DB" >>"$T/upgrade.log" 2>&1 || fail "db upgrade on upgrade"
serve "$T/root2/opt/watchroom-server/watchroom-server"
after_h=$(health)
after=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from incidents').fetchone()[0])" "$DB")
[ "$(field "$after_h" cluster_id)" = "$cluster" ] && [ "$after" = "$before" ] && [ "$before" -gt 0 ] \
    || fail "after the upgrade: $before incidents before, $after after"
echo "install test: upgraded over the kept database ($after incidents)"
mkdir -p "$REPO/build"  # the screenshots, to look at
cp "$T/main.png" "$REPO/build/install-test-main.png"; cp "$T/map.png" "$REPO/build/install-test-map.png"
printf '{"deb_install_to_screenshot_s": %.1f, "client_deb_bytes": %s, "server_deb_bytes": %s, "incidents": %s}\n' \
    "$(/usr/bin/python3 -c "print($t_shot - $t_install)")" "$(stat -c %s "$CLIENT_DEB")" "$(stat -c %s "$SERVER_DEB")" "$after"
echo "install test: passed"
