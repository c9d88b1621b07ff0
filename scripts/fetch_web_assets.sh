#!/usr/bin/env bash
# Leaflet and its marker-clustering plugin for the map page, from the npm
# registry at set-up (never from a CDN at run time: shelters have no internet).
# Idempotent: a stamp records the versions in place.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
CLUSTER=1.5.3
VENDOR=resources/web/vendor
STAMP="$VENDOR/.versions"
WANT="leaflet@$LEAFLET leaflet.markercluster@$CLUSTER"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "[setup] npm is missing: cannot fetch the map's Leaflet files"; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "[setup] fetching $WANT from the npm registry"
(cd "$TMP" && npm pack --silent "leaflet@$LEAFLET" "leaflet.markercluster@$CLUSTER" >/dev/null)
mkdir -p "$TMP/leaflet" "$TMP/cluster" "$VENDOR/leaflet" "$VENDOR/markercluster"
tar xzf "$TMP/leaflet-$LEAFLET.tgz" -C "$TMP/leaflet"
tar xzf "$TMP/leaflet.markercluster-$CLUSTER.tgz" -C "$TMP/cluster"
cp -r "$TMP/leaflet/package/dist/leaflet.js" "$TMP/leaflet/package/dist/leaflet.css" \
      "$TMP/leaflet/package/dist/images" "$VENDOR/leaflet/"
cp "$TMP/cluster/package/dist/leaflet.markercluster.js" "$TMP/cluster/package/dist/MarkerCluster.css" \
   "$VENDOR/markercluster/"
echo "$WANT" >"$STAMP"
