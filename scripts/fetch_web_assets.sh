#!/usr/bin/env bash
# Leaflet and supercluster (the marker clusterer, run in a Web Worker: see
# widgets/map_view/web/cluster_worker.js) for the map page, from the npm
# registry at set-up (never from a CDN at run time: shelters have no internet).
# supercluster is an ES module depending on kdbush; its npm package also ships
# a UMD build with kdbush bundled in (dist/supercluster.min.js), which is what
# is vendored: no bundler at set-up or run time. 8.0.1: the long-deployed
# release (9.x, from 2026, rewrites its internals).
# Idempotent: a stamp records the versions in place.
set -euo pipefail
cd "$(dirname "$0")/.."
LEAFLET=1.9.4
SUPERCLUSTER=8.0.1
VENDOR=resources/web/vendor
STAMP="$VENDOR/.versions"
WANT="leaflet@$LEAFLET supercluster@$SUPERCLUSTER"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "[setup] npm is missing: cannot fetch the map's Leaflet files"; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "[setup] fetching $WANT from the npm registry"
(cd "$TMP" && npm pack --silent "leaflet@$LEAFLET" "supercluster@$SUPERCLUSTER" >/dev/null)
mkdir -p "$TMP/leaflet" "$TMP/super" "$VENDOR/leaflet" "$VENDOR/supercluster"
tar xzf "$TMP/leaflet-$LEAFLET.tgz" -C "$TMP/leaflet"
tar xzf "$TMP/supercluster-$SUPERCLUSTER.tgz" -C "$TMP/super"
cp -r "$TMP/leaflet/package/dist/leaflet.js" "$TMP/leaflet/package/dist/leaflet.css" \
      "$TMP/leaflet/package/dist/images" "$VENDOR/leaflet/"
cp "$TMP/super/package/dist/supercluster.min.js" "$TMP/super/package/LICENSE" "$VENDOR/supercluster/"
rm -rf "$VENDOR/markercluster"  # the clusterer before supercluster
echo "$WANT" >"$STAMP"
