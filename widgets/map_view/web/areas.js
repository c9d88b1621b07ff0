// Areas on the map page (warning polygons and circles): filled shapes on a
// canvas pane under every marker, coloured by a style key, one click target per
// area. Like bridge.js, every string from Python is text: a label is a tooltip
// whose content is a text node, never markup.
"use strict";

(function () {
  var layers = {};   // layer id -> {group, areas: {id: [shapes]}, visible, drawn}
  var styles = {};   // style key -> {color, fillColor, fillOpacity, weight}
  var pane = null, renderer = null;

  function asText(value) { return value === null || value === undefined ? "" : String(value); }

  function setUp() {
    if (pane) return;
    pane = wr.map.createPane("wrAreas");  // above the basemap and tiles, below the markers
    pane.style.zIndex = 390;
    renderer = L.canvas({padding: 0.3, pane: "wrAreas"});
  }

  function layer(layerId) {
    setUp();
    var l = layers[layerId];
    if (!l) {
      l = layers[layerId] = {group: L.featureGroup(), areas: {}, visible: true, drawn: 0};
      l.group.addTo(wr.map);
    }
    return l;
  }

  function shapesOf(layerId, row) {
    // row: [id, styleKey, label, polygons [[[lat, lon], ...], ...], circles [[lat, lon, metres], ...]]
    var s = styles[row[1]] || {color: "#555", fillColor: "#888", fillOpacity: 0.25, weight: 2};
    var options = {renderer: renderer, pane: "wrAreas", color: s.color, weight: s.weight || 2,
                   fillColor: s.fillColor || s.color, fillOpacity: s.fillOpacity || 0.25};
    var label = asText(row[2]), shapes = [];
    (row[3] || []).forEach(function (ring) { shapes.push(L.polygon(ring, options)); });
    (row[4] || []).forEach(function (c) { shapes.push(L.circle([c[0], c[1]], L.extend({radius: c[2]}, options))); });
    shapes.forEach(function (shape) {
      shape.wrId = row[0];
      if (label) shape.bindTooltip(function () { return document.createTextNode(label); }, {sticky: true});
      shape.on("click", function () { wr.areaClicked(layerId, row[0]); });
    });
    return shapes;
  }

  function clear(l) {
    l.group.clearLayers();
    l.areas = {};
  }

  wr.setAreaStyles = function (s) { styles = s; };
  // Replaces a layer's areas; returns how many areas it now holds.
  wr.setAreas = function (layerId, rows) {
    var l = layer(layerId);
    clear(l);
    for (var i = 0; i < rows.length; i++) {
      var shapes = shapesOf(layerId, rows[i]);
      l.areas[rows[i][0]] = shapes;
      for (var j = 0; j < shapes.length; j++) l.group.addLayer(shapes[j]);
    }
    l.drawn = -1;
    L.Util.requestAnimFrame(function () { l.drawn = wr.areasProjected(layerId); });  // after Leaflet's redraw
    return Object.keys(l.areas).length;
  };
  wr.setAreasVisible = function (layerId, visible) {
    var l = layer(layerId);
    l.visible = visible;
    if (visible && !wr.map.hasLayer(l.group)) l.group.addTo(wr.map);
    if (!visible && wr.map.hasLayer(l.group)) wr.map.removeLayer(l.group);
  };
  wr.areaCount = function (layerId) { return layers[layerId] ? Object.keys(layers[layerId].areas).length : 0; };
  // Shapes the canvas renderer has projected for drawing (tests and the benchmark).
  wr.areasProjected = function (layerId) {
    var l = layers[layerId], n = 0;
    if (!l || !wr.map.hasLayer(l.group)) return 0;
    l.group.eachLayer(function (shape) { if (shape._map && shape._pxBounds) n++; });
    return n;
  };
  wr.areasDrawn = function (layerId) { return layers[layerId] ? layers[layerId].drawn : 0; };
  wr.areaShapes = function (layerId) { return layers[layerId] ? layers[layerId].group.getLayers().length : 0; };
  wr.areaIds = function (layerId) { return layers[layerId] ? Object.keys(layers[layerId].areas).sort() : []; };
  // The tooltip an area shows when hovered, as the pointer does: its text and element count.
  wr.areaTooltip = function (layerId, id) {
    var shapes = layers[layerId] && layers[layerId].areas[id];
    if (!shapes || !shapes.length) return null;
    var shape = shapes[0];
    shape.fire("mouseover", {latlng: shape.getBounds().getCenter()});
    var t = shape.getTooltip(), el = t && t.isOpen() ? t.getElement() : null;
    var out = el ? {text: el.textContent, elements: el.querySelectorAll("*").length} : null;
    shape.fire("mouseout");
    return out;
  };
  wr.clickArea = function (layerId, id) {
    var shapes = layers[layerId] && layers[layerId].areas[id];
    if (shapes && shapes.length) shapes[0].fire("click");
    return !!(shapes && shapes.length);
  };
  wr.areaColours = function (layerId, id) {
    var shapes = (layers[layerId] && layers[layerId].areas[id]) || [];
    return shapes.map(function (s) { return [s.options.color, s.options.fillColor, s instanceof L.Circle]; });
  };
})();
