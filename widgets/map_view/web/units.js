// Live positions on the map page (widgets/map_view: MapView.update_units):
// field units as markers with a short track, moved in place in one batch per
// call (a marker is moved, never re-created), grey once stale. Names are text:
// tooltips get text nodes, never markup. A click asks for the unit's card
// (MapView.sig_marker_clicked with the layer "units").
"use strict";

var wrUnits = (function () {
  var group = null, units = {};  // id -> {marker, track}
  var TRACK_POINTS = 8;

  // Blue with a yellow ring: unlike any resource or incident marker on the map.
  var LIVE = "#0d47a1", RING = "#ffd600", STALE = "#9e9e9e";

  function ensureGroup() {
    if (!group) {
      group = L.layerGroup().addTo(wr.map);
    }
    return group;
  }

  function tip(layer) { return document.createTextNode(layer.wrLabel); }

  function style(stale) {
    return {radius: 7, weight: 3, color: stale ? "#616161" : RING,
            fillColor: stale ? STALE : LIVE, fillOpacity: stale ? 0.7 : 1};
  }

  return {
    // rows: [id, lat, lon, label, stale, track]: the track [[lat, lon], ...] oldest first, or
    // null for a unit already shown, whose drawn track gets the new place added
    update: function (rows) {
      var g = ensureGroup();
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i], u = units[row[0]], stale = !!row[4];
        var path = row[5] && row[5].length ? row[5] : [[row[1], row[2]]];
        if (!u) {
          var marker = L.circleMarker([row[1], row[2]], style(stale));
          marker.wrLabel = String(row[3] || "");
          marker.wrId = row[0];
          marker.on("click", function () { wr.markerClicked("units", this.wrId); });
          if (marker.wrLabel) marker.bindTooltip(tip, {direction: "top", offset: [0, -6]});
          var track = L.polyline(path, {color: stale ? STALE : LIVE, weight: 3, opacity: 0.7,
                                        dashArray: "4 4", interactive: false});
          u = units[row[0]] = {marker: marker, track: track, stale: stale};
          g.addLayer(track);
          g.addLayer(marker);
        } else {
          u.marker.setLatLng([row[1], row[2]]);
          if (row[5]) {
            u.track.setLatLngs(path);
          } else {
            var points = u.track.getLatLngs(), last = points[points.length - 1];
            if (!last || last.lat !== row[1] || last.lng !== row[2]) {
              points.push(L.latLng(row[1], row[2]));
              if (points.length > TRACK_POINTS) points.shift();
              u.track.setLatLngs(points);
            }
          }
          var label = String(row[3] || "");
          if (label !== u.marker.wrLabel) {
            u.marker.wrLabel = label;
            if (!u.marker.getTooltip() && label) u.marker.bindTooltip(tip, {direction: "top", offset: [0, -6]});
          }
          if (stale !== u.stale) {
            u.marker.setStyle(style(stale));
            u.track.setStyle({color: stale ? STALE : LIVE});
            u.stale = stale;
          }
        }
      }
      return rows.length;
    },
    remove: function (ids) {
      for (var i = 0; i < ids.length; i++) {
        var u = units[ids[i]];
        if (u) { group.removeLayer(u.marker); group.removeLayer(u.track); delete units[ids[i]]; }
      }
    },
    setVisible: function (visible) {
      var g = ensureGroup();
      if (visible && !wr.map.hasLayer(g)) g.addTo(wr.map);
      if (!visible && wr.map.hasLayer(g)) wr.map.removeLayer(g);
    },
    // tests and diagnostics
    visible: function () { return !!group && wr.map.hasLayer(group); },
    count: function () { return Object.keys(units).length; },
    staleCount: function () {
      var n = 0;
      for (var k in units) if (units[k].stale) n++;
      return n;
    },
    click: function (id) {  // tests: as if the unit was clicked
      var u = units[id];
      if (u) u.marker.fire("click");
      return !!u;
    },
    where: function (id) {
      var u = units[id];
      if (!u) return null;
      var p = u.marker.getLatLng();
      return [p.lat, p.lng, u.track.getLatLngs().length, u.stale];
    },
  };
})();
