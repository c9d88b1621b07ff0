#!/usr/bin/env bash
# Starts the client with demo data in its own folder (var/demo), leaving the
# user's own mirror alone. Without a screen it runs on a virtual one (Xvfb),
# saves a screenshot and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO=var/demo
mkdir -p "$DEMO"
if [ ! -f "$DEMO/config.toml" ]; then
  cat > "$DEMO/config.toml" <<'TOML'
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
TOML
fi
ARGS=(--config "$DEMO/config.toml" --demo "$@")
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec .venv/bin/watchroom "${ARGS[@]}"
fi
echo "[demo] no screen here: running on a virtual screen and saving $DEMO/watchroom.png"
exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/watchroom "${ARGS[@]}" --screenshot "$DEMO/watchroom.png"
