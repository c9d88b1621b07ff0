// Point layers on the map page (incidents, resources, cameras, stations). Every
// point of a layer is kept here as data; supercluster clusters them in a Web
// Worker (cluster_worker.js) and only what the current view needs is drawn:
// cluster bubbles with their counts, single points as circle markers with their
// tooltips and clicks. 200,000 points cost the page their rows, not 200,000
// Leaflet markers. When no worker can be made, the same clustering runs in the
// page (logged once).
//
// Labels are text: tooltips get text nodes; a bubble paints only its count.
"use strict";

var wrPoints = (function () {
  var WORKERS = 4;      // at most, and no more than the machine's cores
  var LATE_MS = 300;   // a batch whose last chunk never came is indexed anyway
  var PAD = 0.15;      // clusters are asked for a margin around the view (drawn before a pan shows it)
  var HERE = document.currentScript ? document.currentScript.src : "";
  var layers = Object.create(null);  // layer id -> its points, markers, group and index state
  var engine = null, mode = "", waiting = 0, soon = null, late = null;
  var stats = {draws: 0, lastLoadMs: 0, loadMs: 0, drawMs: 0, queryMs: 0, rowsAt: 0, drawnAt: 0, movedAt: 0};

  // A layer's Leaflet group holds what is drawn; getLayers() answers with every
  // point's marker, drawn or not (made on demand), as markercluster's group did.
  var PointGroup = L.LayerGroup.extend({
    getLayers: function () {
      var l = this.wrLayer, out = [];
      l.points.forEach(function (row, id) { out.push(markerFor(l, id)); });
      return out;
    },
  });

  function textTip(layer) { return document.createTextNode(layer.wrLabel); }

  function markerFor(l, id) {
    var m = l.markers.get(id);
    if (m) return m;
    var row = l.points.get(id);  // [id, lat, lon, label, styleKey]
    if (!row) return null;
    m = L.circleMarker([row[1], row[2]], {
      radius: 7, weight: 2, color: "#ffffff", fillColor: wr.colour(row[4]), fillOpacity: 0.95,
    });
    m.wrId = id;
    m.wrLayer = l.id;
    m.wrLabel = row[3] === null || row[3] === undefined ? "" : String(row[3]);
    m.wrStyle = row[4];
    if (m.wrLabel) m.bindTooltip(textTip, {direction: "top", offset: [0, -6]});
    m.on("click", function () { wr.markerClicked(l.id, m.wrId); });
    l.markers.set(id, m);
    return m;
  }

  function restyle(m, row) {  // a moved or renamed point whose marker exists: changed in place
    m.setLatLng([row[1], row[2]]);
    var label = row[3] === null || row[3] === undefined ? "" : String(row[3]);
    if (label !== m.wrLabel) {
      m.wrLabel = label;
      if (label && !m.getTooltip()) m.bindTooltip(textTip, {direction: "top", offset: [0, -6]});
    }
    if (row[4] !== m.wrStyle) { m.wrStyle = row[4]; m.setStyle({fillColor: wr.colour(row[4])}); }
  }

  function nothingDrawn() { return {gen: -1, clusters: new Map(), singles: new Set(), points: 0}; }

  function layer(id) {
    var l = layers[id];
    if (!l) {
      l = layers[id] = {id: id, points: new Map(), markers: new Map(), style: "", visible: true,
                        group: new PointGroup(), gen: 0, built: null, dirty: false, loading: false,
                        seq: 0, drawn: nothingDrawn()};
      l.group.wrLayer = l;
      l.group.addTo(wr.map);
    }
    return l;
  }

  // ---- the clusterer: a worker, or the page itself --------------------------

  // The page's origin is opaque (a custom scheme): Chromium refuses a worker
  // made from its URL, so the workers are made from a blob of the same file.
  // Each layer stays with one worker (its index lives there); layers are dealt
  // to up to WORKERS of them, so several layers are indexed at once.
  function start() {
    var queue = [];
    engine = function (msg, transfer) { queue.push([msg, transfer]); };
    mode = "starting";
    fetch(HERE.replace(/points\.js(\?.*)?$/, "cluster_worker.js")).then(function (r) {
      if (!r.ok) throw new Error("cluster_worker.js " + r.status);
      return r.text();
    }).then(function (source) {
      if (mode !== "starting") return;
      var url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
      var workers = [], lanes = Object.create(null);
      var count = Math.max(1, Math.min(WORKERS, navigator.hardwareConcurrency || 1));
      for (var i = 0; i < count; i++) {
        var worker = new Worker(url);
        worker.onmessage = function (e) { answered(e.data); };
        worker.onerror = function (e) {
          e.preventDefault();
          inPage("a worker failed: " + (e.message || "not loaded"));
        };
        workers.push(worker);
      }
      engine = function (msg, transfer) {
        if (!(msg.layer in lanes)) lanes[msg.layer] = Object.keys(lanes).length % workers.length;
        workers[lanes[msg.layer]].postMessage(msg, transfer || []);
      };
      engine.workers = workers;
      mode = "worker";
      for (i = 0; i < queue.length; i++) engine(queue[i][0], queue[i][1]);
    }).catch(function (e) { inPage("no worker: " + e); });
  }

  function inPage(reason) {
    if (mode === "page") return;
    (engine && engine.workers || []).forEach(function (w) { w.terminate(); });
    console.error("map clustering runs in the page's main thread (" + reason + ")");
    var handle = wrClusterCore(function (msg) { setTimeout(function () { answered(msg); }, 0); });
    engine = function (msg) { handle(msg); };
    mode = "page";
    waiting = 0;  // what the workers held is gone: every layer is indexed again
    for (var id in layers) {
      layers[id].loading = false;
      layers[id].built = null;
      changed(layers[id], false);
    }
  }

  function send(msg, transfer) {
    if (!engine) start();
    waiting++;
    engine(msg, transfer);
  }

  function answered(msg) {
    waiting = Math.max(0, waiting - 1);
    var l = layers[msg.layer];
    if (!l) return;
    if (msg.op === "loaded") {
      stats.lastLoadMs = msg.ms;
      stats.loadMs += msg.ms;
      if (l.built && msg.gen === l.built.gen) l.loading = false;
      if (l.dirty && !l.loading && !l.more) changed(l, false);
    } else if (msg.op === "clusters") {
      stats.queryMs += msg.ms || 0;
      // an answer for an older index or an older view is dropped: a newer one is coming
      if (msg.items && l.built && msg.gen === l.built.gen && msg.seq === l.seq) draw(l, msg.items);
    }
  }

  // ---- indexing and asking -----------------------------------------------------

  // A layer is indexed once its batch is in (more false: right after this task,
  // so the worker indexes it while the page parses the next layer's rows), or
  // LATE_MS after a chunk that said more follow when none came.
  function changed(l, more) {
    l.dirty = true;
    l.more = !!more;
    if (!more) {
      if (!soon) soon = setTimeout(function () { soon = null; index(false); }, 0);
    } else {
      if (late) clearTimeout(late);
      late = setTimeout(function () { late = null; index(true); }, LATE_MS);
    }
  }

  function index(all) {
    for (var id in layers) {
      var l = layers[id];
      if (!l.dirty || l.loading || (l.more && !all)) continue;  // one load per layer in flight, after its batch
      l.dirty = false;
      var ids = Array.from(l.points.keys()), coords = new Float64Array(ids.length * 2);
      for (var i = 0; i < ids.length; i++) {
        var row = l.points.get(ids[i]);
        coords[2 * i] = row[1];
        coords[2 * i + 1] = row[2];
      }
      l.gen++;
      l.built = {gen: l.gen, ids: ids};
      l.loading = true;
      send({op: "load", layer: id, gen: l.gen, coords: coords}, [coords.buffer]);
      ask(l);
    }
  }

  function ask(l) {
    if (!l.built || !l.visible || !wr.map) return;
    var b = wr.map.getBounds().pad(PAD);
    l.seq++;
    send({op: "query", layer: l.id, gen: l.built.gen, seq: l.seq, zoom: Math.round(wr.map.getZoom()),
          bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]});
  }

  function askAll() {
    stats.movedAt = performance.now();
    for (var id in layers) ask(layers[id]);
  }

  // ---- drawing -------------------------------------------------------------------

  // A cluster bubble is drawn on the map's canvas (the page prefers canvas), its
  // count painted on it: thousands of bubbles cost one canvas pass, not thousands
  // of elements. Only a number is ever painted.
  var Bubble = L.CircleMarker.extend({
    _updatePath: function () {
      L.CircleMarker.prototype._updatePath.call(this);
      var ctx = this._renderer._ctx, p = this._point;
      if (!ctx || !p || this._empty()) return;
      ctx.save();
      ctx.fillStyle = "#ffffff";
      ctx.font = "bold 13px 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(String(this.wrCount), p.x, p.y + 1);
      ctx.restore();
    },
  });

  function bubble(l, lat, lon, count, expansion) {
    var digits = String(count).length, radius = digits < 3 ? 16 : digits < 4 ? 19 : digits < 5 ? 22 : 25;
    var m = new Bubble([lat, lon], {radius: radius, weight: 2, color: "#ffffff", opacity: 0.9,
                                    fillColor: wr.colour(l.style), fillOpacity: 0.9});
    m.wrCount = count;
    m.on("click", function () { wr.map.setView([lat, lon], Math.max(expansion, wr.map.getZoom() + 1)); });
    return m;
  }

  // What was drawn and is still wanted stays (a pan keeps most bubbles: a
  // cluster's id is the same for the same index); only the difference changes.
  function draw(l, items) {
    var t0 = performance.now(), old = l.drawn, singles = new Set(), clusters = new Map(), points = 0;
    var same = old.gen === l.built.gen;
    for (var at = 0; at < items.length; at += 5) {
      var count = items[at + 2];
      points += count;
      if (count > 1) {
        var key = items[at + 3], kept = same ? old.clusters.get(key) : null;
        clusters.set(key, kept || bubble(l, items[at], items[at + 1], count, items[at + 4]));
      } else {
        var id = l.built.ids[items[at + 4]];
        if (l.points.has(id)) singles.add(id);
      }
    }
    old.clusters.forEach(function (m, key) { if (clusters.get(key) !== m) l.group.removeLayer(m); });
    old.singles.forEach(function (id) {
      var m = l.markers.get(id);
      if (m && !singles.has(id)) l.group.removeLayer(m);
    });
    singles.forEach(function (id) {
      var m = markerFor(l, id);
      if (!l.group.hasLayer(m)) l.group.addLayer(m);
    });
    clusters.forEach(function (m) { if (!l.group.hasLayer(m)) l.group.addLayer(m); });
    l.drawn = {gen: l.built.gen, clusters: clusters, singles: singles, points: points};
    stats.draws++;
    stats.drawnAt = performance.now();
    stats.drawMs += stats.drawnAt - t0;
  }

  // ---- what bridge.js offers Python ----------------------------------------------

  function upsert(l, rows, more) {
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i], m = l.markers.get(row[0]);
      l.points.set(row[0], row);
      if (m) restyle(m, row);
    }
    stats.rowsAt = performance.now();
    changed(l, more);
    return rows.length;
  }

  return {
    attach: function (map) { map.on("moveend", askAll); start(); },
    define: function (id, style) { layer(id).style = style; },
    set: function (id, rows, more) {
      var l = layer(id);
      l.group.clearLayers();
      l.points = new Map();
      l.markers = new Map();
      l.drawn = nothingDrawn();
      return upsert(l, rows, more);
    },
    upsert: function (id, rows, more) { return upsert(layer(id), rows, more); },
    remove: function (id, ids) {
      var l = layer(id), gone = 0;
      for (var i = 0; i < ids.length; i++) {
        if (!l.points.delete(ids[i])) continue;
        gone++;
        var m = l.markers.get(ids[i]);
        if (m) { l.group.removeLayer(m); l.markers.delete(ids[i]); }
      }
      if (gone) changed(l, false);
      return gone;
    },
    setVisible: function (id, visible) {
      var l = layer(id);
      l.visible = visible;
      if (visible && !wr.map.hasLayer(l.group)) { l.group.addTo(wr.map); ask(l); }
      if (!visible && wr.map.hasLayer(l.group)) wr.map.removeLayer(l.group);
    },
    group: function (id) { return layers[id] ? layers[id].group : null; },
    busy: function () {
      if (soon || late || waiting) return true;
      for (var id in layers) if (layers[id].dirty || layers[id].loading) return true;
      return false;
    },
    count: function (id) {
      if (id) return layers[id] ? layers[id].points.size : 0;
      var n = 0;
      for (var k in layers) n += layers[k].points.size;
      return n;
    },
    marker: function (id, pointId) { return layers[id] ? markerFor(layers[id], pointId) : null; },
    position: function (id, pointId) {
      var row = layers[id] && layers[id].points.get(pointId);
      return row ? [row[1], row[2]] : null;
    },
    // tests and diagnostics: what is drawn now, and where the clustering runs
    drawn: function (id) {
      var out = {clusters: 0, singles: 0, points: 0};
      for (var s in stats) out[s] = stats[s];
      for (var k in layers) {
        if (id && k !== id) continue;
        var d = layers[k].drawn;
        out.clusters += d.clusters.size;
        out.singles += d.singles.size;
        out.points += d.points;
      }
      return out;
    },
    mode: function () { return mode; },
    inPage: inPage,  // tests: as if no worker could be made
  };
})();
