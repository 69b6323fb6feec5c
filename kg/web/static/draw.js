/* SVG drawing for the graph view and the timeline (kg's own; no dependencies).
 * KgDraw.graph(container, data, opts)    nodes at the server's force layout (kg.web.data.layout),
 *                                         coloured by kind; drag to move, click to open
 * KgDraw.timeline(container, data, opts) events on a time axis, one lane per kind */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }

  function text(parent, x, y, s, attrs) {
    var t = el("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = s;
    return t;
  }

  function shorten(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  function graph(container, data, opts) {
    opts = opts || {};
    container.textContent = "";
    var width = Math.max(container.clientWidth || 900, 480);
    var height = opts.height || Math.max(420, Math.min(760, 260 + data.nodes.length * 12));
    var pad = 60;
    var svg = el("svg", { width: "100%", height: height, viewBox: "0 0 " + width + " " + height,
                          "class": "graph-svg", role: "img", "aria-label": "graph" }, container);
    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "20", refY: "5",
                                markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#9aa4ad" }, marker);
    var pos = {};
    data.nodes.forEach(function (n) {
      pos[n.id] = { x: pad + n.x * (width - 2 * pad), y: pad / 2 + n.y * (height - pad) };
    });
    var edgeLayer = el("g", { "class": "edges" }, svg);
    var nodeLayer = el("g", { "class": "nodes" }, svg);
    var edges = data.edges.map(function (e) {
      var line = el("line", { "class": "edge", "marker-end": "url(#arrow)" }, edgeLayer);
      var label = text(edgeLayer, 0, 0, e.label, { "class": "edge-label", "text-anchor": "middle" });
      return { e: e, line: line, label: label };
    });
    function place() {
      edges.forEach(function (d) {
        var a = pos[d.e.source], b = pos[d.e.target];
        d.line.setAttribute("x1", a.x); d.line.setAttribute("y1", a.y);
        d.line.setAttribute("x2", b.x); d.line.setAttribute("y2", b.y);
        d.label.setAttribute("x", (a.x + b.x) / 2); d.label.setAttribute("y", (a.y + b.y) / 2 - 3);
      });
    }
    data.nodes.forEach(function (n) {
      var g = el("g", { "class": "node kind-" + n.kind + (n.id === data.center ? " center" : ""),
                        transform: "translate(" + pos[n.id].x + "," + pos[n.id].y + ")",
                        tabindex: "0", "data-iri": n.id }, nodeLayer);
      el("circle", { r: n.id === data.center ? 13 : 9, fill: (data.colours[n.kind] || data.colours.Other) }, g);
      var title = el("title", {}, g);
      title.textContent = n.label + " (" + n.kind + ")";
      text(g, 0, n.id === data.center ? 27 : 22, shorten(n.label, 32), { "text-anchor": "middle", "class": "node-label" });
      var drag = null;
      g.addEventListener("pointerdown", function (ev) {
        drag = { x: ev.clientX, y: ev.clientY, moved: false };
        g.setPointerCapture(ev.pointerId);
      });
      g.addEventListener("pointermove", function (ev) {
        if (!drag) return;
        var scale = width / svg.getBoundingClientRect().width;
        var dx = (ev.clientX - drag.x) * scale, dy = (ev.clientY - drag.y) * scale;
        if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
        drag.x = ev.clientX; drag.y = ev.clientY;
        pos[n.id].x += dx; pos[n.id].y += dy;
        g.setAttribute("transform", "translate(" + pos[n.id].x + "," + pos[n.id].y + ")");
        place();
      });
      g.addEventListener("pointerup", function () {
        var wasDrag = drag && drag.moved;
        drag = null;
        if (!wasDrag && opts.onOpen) opts.onOpen(n.id);
      });
      g.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" && opts.onOpen) opts.onOpen(n.id);
      });
    });
    place();
    return svg;
  }

  function fmtYear(t) { return String(Math.floor(t)); }

  var CHAR_PX = 6.6, LEVEL_PX = 30;

  /* Each event's label goes on a level: 0 above the lane, 1 below, 2 higher above, ...,
   * the first level whose labels so far end left of this one (no overlaps). */
  function assignLevels(items) {
    var ends = [];
    items.forEach(function (it) {
      var level = 0;
      while (ends[level] !== undefined && ends[level] > it.a - 8) level++;
      ends[level] = it.b;
      it.level = level;
    });
    return ends.length;
  }

  function timeline(container, data, opts) {
    opts = opts || {};
    container.textContent = "";
    var events = data.events;
    if (!events.length) {
      var p = document.createElement("p");
      p.className = "empty";
      p.textContent = "No dated treaties, summits or visits.";
      container.appendChild(p);
      return null;
    }
    var lanes = data.kinds.filter(function (k) { return events.some(function (e) { return e.kind === k; }); });
    var width = Math.max(container.clientWidth || 900, 480);
    var left = 90, right = 30, top = 10;
    var t0 = Math.min.apply(null, events.map(function (e) { return e.t; }));
    var t1 = Math.max.apply(null, events.map(function (e) { return e.tEnd || e.t; }));
    var span = Math.max(t1 - t0, 1);
    t0 -= span * 0.04; t1 += span * 0.04;
    function x(t) { return left + (t - t0) / (t1 - t0) * (width - left - right); }
    // labels: text, anchor and horizontal extent, then levels per lane
    var laneInfo = lanes.map(function (k) {
      var items = events.filter(function (e) { return e.kind === k; }).map(function (e) {
        var label = shorten(e.label, 40), date = e.start + (e.end ? " – " + e.end : "");
        var w = Math.max(label.length, date.length) * CHAR_PX, cx = x(e.t), anchor = "middle", a = cx - w / 2, b = cx + w / 2;
        if (a < 4) { anchor = "start"; a = cx - 6; b = a + w; }
        else if (b > width - 4) { anchor = "end"; b = cx + 6; a = b - w; }
        return { e: e, label: label, date: date, anchor: anchor, a: a, b: b, cx: cx };
      });
      var levels = assignLevels(items);
      var up = Math.ceil(levels / 2), down = Math.floor(levels / 2);
      return { kind: k, items: items, above: 22 + up * LEVEL_PX, below: 18 + down * LEVEL_PX };
    });
    var y = top;
    laneInfo.forEach(function (l) { l.cy = y + l.above; y = l.cy + l.below; });
    var axisY = y + 6, height = axisY + 30;
    var svg = el("svg", { width: "100%", height: height, viewBox: "0 0 " + width + " " + height,
                          "class": "timeline-svg", role: "img", "aria-label": "timeline" }, container);
    var step = [1, 2, 5, 10, 20, 25, 50, 100].find(function (s) { return (t1 - t0) / s <= 12; }) || 200;
    el("line", { x1: left, x2: width - right, y1: axisY, y2: axisY, "class": "axis" }, svg);
    for (var yr = Math.ceil(t0 / step) * step; yr <= t1; yr += step) {
      el("line", { x1: x(yr), x2: x(yr), y1: top, y2: axisY + 5, "class": "tick" }, svg);
      text(svg, x(yr), axisY + 20, fmtYear(yr), { "text-anchor": "middle", "class": "tick-label" });
    }
    laneInfo.forEach(function (l) {
      el("line", { x1: left, x2: width - right, y1: l.cy, y2: l.cy, "class": "lane" }, svg);
      text(svg, 8, l.cy + 4, { Treaty: "Treaties", Summit: "Summits", Visit: "Visits" }[l.kind] || l.kind, { "class": "lane-label" });
    });
    laneInfo.forEach(function (l) {
      l.items.forEach(function (it) {
        var e = it.e, cy = l.cy, colour = data.colours[e.kind];
        var g = el("g", { "class": "event kind-" + e.kind, tabindex: "0", "data-iri": e.iri }, svg);
        var depth = Math.floor(it.level / 2), above = it.level % 2 === 0;
        var ly = above ? cy - 12 - depth * LEVEL_PX : cy + 22 + depth * LEVEL_PX;
        if (depth > 0) el("line", { x1: it.cx, x2: it.cx, y1: cy, y2: above ? ly + 4 : ly - 12, "class": "leader" }, g);
        if (e.tEnd && x(e.tEnd) - x(e.t) > 2) {
          el("line", { x1: x(e.t), x2: x(e.tEnd), y1: cy, y2: cy, stroke: colour, "class": "span" }, g);
        }
        el("circle", { cx: it.cx, cy: cy, r: 7, fill: colour }, g);
        text(g, it.cx, ly, it.label, { "text-anchor": it.anchor, "class": "event-label" });
        text(g, it.cx, above ? ly - 13 : ly + 13, it.date, { "text-anchor": it.anchor, "class": "event-date" });
        var title = el("title", {}, g);
        title.textContent = e.label + " (" + it.date + ")";
        g.addEventListener("click", function () { if (opts.onOpen) opts.onOpen(e.iri); });
        g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" && opts.onOpen) opts.onOpen(e.iri); });
      });
    });
    return svg;
  }

  window.KgDraw = { graph: graph, timeline: timeline };
})();
