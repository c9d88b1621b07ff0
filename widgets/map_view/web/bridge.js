// Watchroom map bridge: the page side of widgets/map_view. Python pushes data in
// batches (runJavaScript: wr.*); the page reports clicks, right-clicks, drawn
// polygons and measurements back through the QWebChannel object `bridge`.
//
// Every string that comes from Python (names, titles, codes, an imported tile
// file's attribution) is text, never markup: Leaflet's tooltips, popups, div
// icons and attribution take HTML, so they get text nodes (textElement, points.js)
// or escaped strings (escapeHtml), never the string itself.
"use strict";

var wr = (function () {
  var map = null, bridge = null;
  var styles = {};      // style key -> colour
  var rings = null, highlight = null, tool = null;

  var violations = [];  // Content-Security-Policy reports: none when all is well (tests read them)
  document.addEventListener("securitypolicyviolation", function (e) {
    if (violations.length < 50) violations.push(e.violatedDirective + " " + (e.blockedURI || ""));
  });

  function colour(key) { return styles[key] || "#555"; }

  function asText(value) { return value === null || value === undefined ? "" : String(value); }

  function escapeHtml(value) {
    return asText(value).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  function textElement(tag, value, className) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = asText(value);
    return el;
  }

  return {
    start: function (leafletMap) {
      map = leafletMap;
      wr.map = map;  // for tests and diagnostics
      map.setMaxZoom(18);  // clustering needs it even before a tile layer exists
      map.setMinZoom(3);
      wrPoints.attach(map);  // point layers: points.js
      map.on("contextmenu", function (e) {
        if (bridge) bridge.mapContext(e.latlng.lat, e.latlng.lng);
      });
      new QWebChannel(qt.webChannelTransport, function (channel) {
        bridge = channel.objects.bridge;
        bridge.pageReady();
      });
    },
    setStyles: function (s) { styles = s; },
    setTileLayer: function (url, maxZoom, attribution) {
      if (wr.tiles) map.removeLayer(wr.tiles);
      wr.tiles = null;
      if (!url) return;  // back to the built-in basemap alone
      // The attribution comes from a tile file's metadata: shown as text.
      wr.tiles = L.tileLayer(url, {maxZoom: maxZoom, maxNativeZoom: maxZoom,
                                   attribution: escapeHtml(attribution)}).addTo(map);
    },
    loadBasemap: function (url) {  // the page's own file (wrpage://map/<view>/basemap.geojson)
      return fetch(url).then(function (r) {
        if (!r.ok) throw new Error("basemap " + r.status);
        return r.json();
      }).then(basemap).catch(function (e) { console.warn("basemap not shown: " + e); });
    },
    escapeHtml: escapeHtml,
    violations: function () { return violations.slice(); },
    colour: colour,
    textElement: textElement,
    // Point layers live in points.js (clustered in a Web Worker); these names are what Python calls.
    defineLayer: function (layerId, style) { wrPoints.define(layerId, style); },
    // more: further chunks of the same batch follow (the layer is indexed after the last)
    setPoints: function (layerId, rows, more) { return wrPoints.set(layerId, rows, more); },
    upsertPoints: function (layerId, rows, more) { return wrPoints.upsert(layerId, rows, more); },
    removePoints: function (layerId, ids) { return wrPoints.remove(layerId, ids); },
    setVisible: function (layerId, visible) { wrPoints.setVisible(layerId, visible); },
    layerGroup: function (layerId) { return wrPoints.group(layerId); },
    busy: function () { return wrPoints.busy(); },
    count: function (layerId) { return wrPoints.count(layerId); },
    click: function (layerId, id) {  // tests and keyboard: as if the marker was clicked
      var m = wrPoints.marker(layerId, id);
      if (m) m.fire("click");
      return !!m;
    },
    position: function (layerId, id) { return wrPoints.position(layerId, id); },
    drawn: function (layerId) { return wrPoints.drawn(layerId); },
    clusterMode: function () { return wrPoints.mode(); },
    rings: function (lat, lon, radii) {
      if (rings) map.removeLayer(rings);
      rings = L.layerGroup();
      for (var i = 0; i < radii.length; i++) {
        L.circle([lat, lon], {radius: radii[i], color: "#c62828", weight: 2, fill: false,
                              dashArray: "6 6", interactive: false}).addTo(rings);
        // The label sits on the ring's northern edge, where rings never overlap.
        L.circleMarker([lat + radii[i] / 111320, lon], {radius: 0, opacity: 0, interactive: false})
          .bindTooltip(textElement("span", (radii[i] / 1000) + " km"),
                       {permanent: true, direction: "top", className: "wr-ring-label"})
          .addTo(rings);
      }
      rings.addTo(map);
      map.fitBounds(L.latLng(lat, lon).toBounds(2 * radii[radii.length - 1]));
    },
    areaClicked: function (layerId, id) { if (bridge) bridge.areaClicked(layerId, id); },  // areas.js
    markerClicked: function (layerId, id) { if (bridge) bridge.markerClicked(layerId, id); },  // units.js
    clearRings: function () { if (rings) { map.removeLayer(rings); rings = null; } },
    highlight: function (lat, lon) {
      if (highlight) map.removeLayer(highlight);
      highlight = L.circleMarker([lat, lon], {radius: 16, color: "#ff1744", weight: 3, fill: false})
        .addTo(map);
    },
    centerOn: function (lat, lon, zoom) { map.setView([lat, lon], zoom || map.getZoom()); },
    fit: function (south, west, north, east) { map.fitBounds([[south, west], [north, east]]); },
    measure: function () { tool = drawing("measure"); },
    polygon: function () { tool = drawing("polygon"); },
    cancelTool: function () { if (tool) tool.stop(); tool = null; },
    toolAdd: function (lat, lon) { if (tool) tool.add(lat, lon); },
    toolFinish: function () { if (tool) { tool.finish(); tool = null; } },
  };

  // The fallback basemap: boundaries drawn on a canvas, names shown by zoom level
  // (provinces from 5, cities and counties from 8), under every other layer.
  function basemap(geojson) {
    var renderer = L.canvas({padding: 0.5, pane: "wrBase"});  // else it lands in the overlay pane
    map.createPane("wrBase").style.zIndex = 250;
    var namePane = map.createPane("wrNames");  // above the boundaries, below every marker
    namePane.style.zIndex = 350;
    namePane.style.pointerEvents = "none";
    L.geoJSON(geojson, {
      pane: "wrBase", renderer: renderer, interactive: false,
      style: function (f) {
        return f.properties.level === 1
          ? {color: "#7b8b99", weight: 1.6, fillColor: "#f4f1ea", fillOpacity: 1}
          : {color: "#b9c3cb", weight: 0.7, fill: false};
      },
    }).addTo(map);
    var names = {1: L.layerGroup(), 2: L.layerGroup()};
    geojson.features.forEach(function (f) {
      if (!f.properties.cp) return;
      var level = f.properties.level;
      L.marker([f.properties.cp[1], f.properties.cp[0]], {
        interactive: false, keyboard: false, pane: "wrNames",
        icon: L.divIcon({className: "wr-place wr-place-" + level,
                         html: textElement("span", f.properties.name), iconSize: null}),
      }).addTo(names[level]);
    });
    function showNames() {
      var z = map.getZoom();
      [[1, 5], [2, 8]].forEach(function (p) {
        var on = z >= p[1];
        if (on && !map.hasLayer(names[p[0]])) names[p[0]].addTo(map);
        if (!on && map.hasLayer(names[p[0]])) map.removeLayer(names[p[0]]);
      });
    }
    map.on("zoomend", showNames);
    showNames();
  }

  // Measuring a path and drawing an area share the clicking: points on click,
  // a double-click (or Enter from Python) finishes.
  function drawing(kind) {
    if (tool) tool.stop();
    var points = [], shape = null, label = null;
    map.doubleClickZoom.disable();
    map.getContainer().style.cursor = "crosshair";
    function redraw() {
      if (shape) map.removeLayer(shape);
      shape = (kind === "polygon" ? L.polygon(points, {color: "#1565c0"})
                                  : L.polyline(points, {color: "#1565c0", dashArray: "4 4"})).addTo(map);
      if (kind === "measure" && points.length > 1) {
        if (label) map.removeLayer(label);
        var last = points[points.length - 1];
        label = L.marker(last, {opacity: 0})
          .bindTooltip(textElement("span", (length() / 1000).toFixed(2) + " km"), {permanent: true})
          .addTo(map);
      }
    }
    function length() {
      var total = 0;
      for (var i = 1; i < points.length; i++) total += map.distance(points[i - 1], points[i]);
      return total;
    }
    function onClick(e) { points.push(e.latlng); redraw(); }
    function onDouble() {
      if (!bridge) return;
      if (kind === "measure") bridge.measured(length());
      else bridge.polygonDrawn(JSON.stringify(points.map(function (p) { return [p.lat, p.lng]; })));
      stop(false);
    }
    function stop(clear) {
      map.off("click", onClick);
      map.off("dblclick", onDouble);
      map.doubleClickZoom.enable();
      map.getContainer().style.cursor = "";
      if (clear !== false && shape) { map.removeLayer(shape); }
      if (clear !== false && label) { map.removeLayer(label); }
    }
    map.on("click", onClick);
    map.on("dblclick", onDouble);
    return {stop: stop, add: function (lat, lon) { onClick({latlng: L.latLng(lat, lon)}); },
            finish: onDouble};
  }
})();
