#!/usr/bin/env bash
# Starts the embedded reference platform server (var/demo/platform.db) with demo
# incidents around Chongqing, then the client, which receives them through the
# ordinary sync. Everything lives in var/demo; the user's own mirror is untouched.
# Without a screen the client runs on a virtual one (Xvfb), saves a screenshot
# and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO=var/demo
PORT=${WATCHROOM_DEMO_PORT:-8765}
mkdir -p "$DEMO"
DB="sqlite:///$PWD/$DEMO/platform.db"
PASSWORD="demo-duty-2026"   # demo only: a real site creates its users with --create-user

if [ ! -f "$DEMO/platform.db" ]; then
  echo "$PASSWORD" | .venv/bin/watchroom-server --db "$DB" --create-user duty --role duty_officer
fi
.venv/bin/watchroom-server --db "$DB" --demo-incidents 400 --demo-resources 600 --demo-cameras 300 --demo-contacts --demo-orders 24 --port "$PORT" >"$DEMO/server.log" 2>&1 &
SERVER=$!
# The demo cameras' streams: a stand-in media gateway on loopback, clips made with PyAV.
.venv/bin/python -m services.video.demo_gateway --media var/media --port 8554 --streams 16 \
  >"$DEMO/media.log" 2>&1 &
MEDIA=$!
trap 'kill $SERVER $MEDIA 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  .venv/bin/python -c "import httpx,sys; httpx.get('http://127.0.0.1:$PORT/api/v1/health').raise_for_status()" \
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

[logging]
file = "watchroom.log"

[[sync.endpoint]]
name = "演示平台"
url = "http://127.0.0.1:$PORT"
username = "duty"
password = "$PASSWORD"
TOML

ARGS=(--config "$DEMO/config.toml" "$@")
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  .venv/bin/watchroom "${ARGS[@]}"
  exit $?
fi
echo "[demo] no screen here: running on a virtual screen and saving $DEMO/watchroom.png"
xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/watchroom "${ARGS[@]}" --screenshot "$DEMO/watchroom.png"
