#!/usr/bin/env bash
# Starts the embedded reference platform server (var/demo/platform.db) with demo
# incidents around Chongqing, then the client, which receives them through the
# ordinary sync. Everything lives in var/demo; the user's own mirror is untouched.
# Without a screen the client runs on a virtual one (Xvfb), saves a screenshot
# and says where.
#
#   PROFILE=duty (default): the duty officer's workstation, its video wall on the
#                           saved layout 演示：主城九宫格 playing the demo cameras
#   PROFILE=commander:      the commander's display (指挥大屏), read-only, logged in
#                           with the platform's viewer account
#   TLS=1 (default):        HTTPS with a demo CA (var/demo/pki, made once by
#                           watchroom-server --make-test-ca), workstation
#                           certificates registered, --auth-mode both
#   TLS=0:                  plain HTTP on loopback
# Other arguments go to the client (e.g. --panel video).
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO=var/demo
PORT=${WATCHROOM_DEMO_PORT:-8765}
PROFILE=${PROFILE:-duty}
TLS=${TLS:-1}
mkdir -p "$DEMO"
DB="sqlite:///$PWD/$DEMO/platform.db"
PASSWORD="Demo-Watch-2026"          # demo only: a real site creates its users with --create-user
VIEWER_PASSWORD="Demo-Screen-2026" # the display's read-only account (role viewer)
# The demo mirrors are encrypted (SQLCipher) under this passphrase: demo only; a backup
# laptop is asked for its own at start, or keeps a random key in the OS keyring.
export WATCHROOM_MIRROR_PASSPHRASE="${WATCHROOM_MIRROR_PASSPHRASE:-demo-mirror-2026}"

case "$PROFILE" in
  duty|commander) ;;
  *) echo "PROFILE must be duty or commander (got: $PROFILE)" >&2; exit 2 ;;
esac

if [ ! -f "$DEMO/platform.db" ]; then
  echo "$PASSWORD" | .venv/bin/watchroom-server --db "$DB" --create-user duty --role duty_officer
  echo "$VIEWER_PASSWORD" | .venv/bin/watchroom-server --db "$DB" --create-user viewer --role viewer
elif [ ! -f "$DEMO/.viewer-account" ]; then
  # a demo platform made before the display had an account (an existing one is kept)
  echo "$VIEWER_PASSWORD" | .venv/bin/watchroom-server --db "$DB" --create-user viewer --role viewer \
    >/dev/null 2>&1 || true
fi
touch "$DEMO/.viewer-account"
SCHEME=http
SERVER_TLS=()
SYNC_TLS=""
DISPLAY_TLS=""
if [ "$TLS" = 1 ]; then
  PKI="$PWD/$DEMO/pki"
  if [ ! -f "$PKI/ca.crt" ]; then
    .venv/bin/python -m server.test_ca "$PKI" --workstation duty-01 --workstation display-01 >/dev/null
  fi
  for ws in duty-01 display-01; do
    .venv/bin/watchroom-server --db "$DB" --register-workstation "$ws" \
      --workstation-cert "$PKI/workstation-$ws.crt" >/dev/null
  done
  SCHEME=https
  SERVER_TLS=(--tls-cert "$PKI/server.crt" --tls-key "$PKI/server.key" --client-ca "$PKI/ca.crt" --auth-mode both)
  SYNC_TLS=$'[sync]\nca_file = "pki/ca.crt"\nclient_cert = "pki/workstation-duty-01.crt"\nclient_key = "pki/workstation-duty-01.key"\nauth_mode = "both"\n'
  DISPLAY_TLS=$'[sync]\nca_file = "pki/ca.crt"\nclient_cert = "pki/workstation-display-01.crt"\nclient_key = "pki/workstation-display-01.key"\nauth_mode = "both"\n'
fi
.venv/bin/watchroom-server --db "$DB" "${SERVER_TLS[@]}" --demo-incidents 400 --demo-resources 600 --demo-cameras 300 --demo-contacts --demo-orders 24 --demo-roster --demo-plans --demo-warnings --demo-monitoring --demo-movers 6 --cot-port 8087 --port "$PORT" >"$DEMO/server.log" 2>&1 &
SERVER=$!
# The demo cameras' streams: a stand-in media gateway on loopback, clips made with PyAV.
.venv/bin/python -m services.video.demo_gateway --media var/media --port 8554 --streams 16 \
  >"$DEMO/media.log" 2>&1 &
MEDIA=$!
trap 'kill $SERVER $MEDIA 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  .venv/bin/python -c "import httpx,ssl,sys; v=ssl.create_default_context(cafile='$DEMO/pki/ca.crt') if '$SCHEME'=='https' else True; httpx.get('$SCHEME://127.0.0.1:$PORT/api/v1/health', verify=v).raise_for_status()" \
    >/dev/null 2>&1 && break
  sleep 0.2
done

cat > "$DEMO/config.toml" <<TOML
config_version = 1

[site]
code = "CQ"
name = "重庆市应急管理局总值班室（演示）"
timezone = "Asia/Shanghai"

[operator]
name = "值班员 陈晓"

[mirror]
path = "mirror.db"
encryption = "passphrase"

[logging]
file = "watchroom.log"

$SYNC_TLS
[[sync.endpoint]]
name = "演示平台"
url = "$SCHEME://127.0.0.1:$PORT"
username = "duty"
password_env = "WATCHROOM_DEMO_PASSWORD"  # not in the file: a file password needs the officer to accept a warning
TOML

# The commander's display: its own mirror, the viewer account, the display profile.
cat > "$DEMO/commander.toml" <<TOML
config_version = 1

[site]
code = "CQ"
name = "重庆市应急管理局总值班室（演示）"
timezone = "Asia/Shanghai"

[workspace]
profile = "commander"

[mirror]
path = "commander-mirror.db"
encryption = "passphrase"

[logging]
file = "commander.log"

$DISPLAY_TLS
[[sync.endpoint]]
name = "演示平台"
url = "$SCHEME://127.0.0.1:$PORT"
username = "viewer"
password_env = "WATCHROOM_DEMO_VIEWER_PASSWORD"
TOML
chmod 600 "$DEMO/config.toml" "$DEMO/commander.toml"
export WATCHROOM_DEMO_PASSWORD="$PASSWORD" WATCHROOM_DEMO_VIEWER_PASSWORD="$VIEWER_PASSWORD"

if [ "$PROFILE" = commander ]; then
  ARGS=(--config "$DEMO/commander.toml" --demo-wall "$@")
  SHOT="$DEMO/watchroom-commander.png"
else
  ARGS=(--config "$DEMO/config.toml" --demo-wall "$@")
  SHOT="$DEMO/watchroom.png"
fi
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  .venv/bin/watchroom "${ARGS[@]}"
  exit $?
fi
echo "[demo] no screen here: running on a virtual screen and saving $SHOT"
xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/watchroom "${ARGS[@]}" --screenshot "$SHOT"
