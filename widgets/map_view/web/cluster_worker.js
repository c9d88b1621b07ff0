// The clustering of the map's point layers (points.js), off the page's main
// thread. Served as one file with supercluster's UMD build in front of it
// (widgets/map_view/page.py: assets), so the worker needs no importScripts and
// the page can load the same file to cluster in its main thread when a worker
// cannot be made.
//
// Messages in:  {op: "load", layer, gen, coords: Float64Array [lat, lon, ...]}
//               {op: "query", layer, gen, seq, bbox: [west, south, east, north], zoom}
//               {op: "drop", layer}
// Messages out: {op: "loaded", layer, gen, ms}
//               {op: "clusters", layer, gen, seq, ms, items: Float64Array of
//                [lat, lon, count, clusterId, expansionZoom or point index] per item}
// Only numbers cross: ids, names and styles stay in the page.
"use strict";

var CLUSTER_MAX_ZOOM = 13;  // from zoom 14 every point is drawn on its own
var ITEM = 5;               // numbers per item in a "clusters" answer

function wrClusterCore(reply) {
  var indexes = {};  // layer -> {gen, index}

  function load(msg) {
    var t0 = Date.now(), coords = msg.coords, n = coords.length / 2, features = new Array(n);
    for (var i = 0; i < n; i++) {
      // properties: the point's index itself (one object less per point)
      features[i] = {type: "Feature", properties: i,
                     geometry: {type: "Point", coordinates: [coords[2 * i + 1], coords[2 * i]]}};
    }
    // radius in screen pixels (extent 256: Leaflet's tiles), 80 as markercluster's
    // default: fewer, larger bubbles; zoom 3 is the map's least.
    var index = new Supercluster({radius: 80, extent: 256, minZoom: 3, maxZoom: CLUSTER_MAX_ZOOM});
    index.load(features);
    indexes[msg.layer] = {gen: msg.gen, index: index};
    reply({op: "loaded", layer: msg.layer, gen: msg.gen, ms: Date.now() - t0, points: n});
  }

  function query(msg) {
    var held = indexes[msg.layer];
    if (!held || held.gen !== msg.gen) {  // a newer load is coming: its own query follows it
      reply({op: "clusters", layer: msg.layer, gen: msg.gen, seq: msg.seq, items: null});
      return;
    }
    var t0 = Date.now(), found = held.index.getClusters(msg.bbox, msg.zoom);
    var items = new Float64Array(found.length * ITEM);
    for (var k = 0; k < found.length; k++) {
      var f = found[k], p = f.properties, at = k * ITEM;
      items[at] = f.geometry.coordinates[1];
      items[at + 1] = f.geometry.coordinates[0];
      if (typeof p === "object" && p.cluster) {
        items[at + 2] = p.point_count;
        items[at + 3] = p.cluster_id;
        items[at + 4] = held.index.getClusterExpansionZoom(p.cluster_id);
      } else {
        items[at + 2] = 1;
        items[at + 3] = -1;
        items[at + 4] = p;
      }
    }
    reply({op: "clusters", layer: msg.layer, gen: msg.gen, seq: msg.seq, items: items, ms: Date.now() - t0},
          [items.buffer]);
  }

  return function handle(msg) {
    if (msg.op === "load") load(msg);
    else if (msg.op === "query") query(msg);
    else if (msg.op === "drop") delete indexes[msg.layer];
  };
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope) {
  var wrHandle = wrClusterCore(function (msg, transfer) { self.postMessage(msg, transfer || []); });
  self.onmessage = function (e) { wrHandle(e.data); };
}
