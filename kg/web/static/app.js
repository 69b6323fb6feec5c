/* kg's page: SPARQL editor and named questions, entity pages, graph view and timeline.
 * Routes live in the URL's hash: #/query, #/entity/<IRI>, #/graph[/<IRI>], #/timeline[/<IRI>].
 * Everything comes from this server's /api/* and /sparql (see kg/web/app.py). */
(function () {
  "use strict";
  var S = window.KgSparql, D = window.KgDraw;
  var meta = null;
  var last = null;        // the last query run: {kind, url, init}
  var $ = function (id) { return document.getElementById(id); };

  var DEFAULT_QUERY = [
    "# Treaties, when they were signed, and the treaties they replaced",
    "SELECT DISTINCT ?treaty ?name ?signed ?replaced WHERE {",
    "  ?treaty a kg:Treaty ; rdfs:label ?name .",
    "  OPTIONAL { ?treaty kg:signedOn ?signed }",
    "  OPTIONAL { ?treaty kg:replaces/rdfs:label ?replaced }",
    "}",
    "ORDER BY ?signed ?name",
    "LIMIT 100"
  ].join("\n");

  // -- small helpers ---------------------------------------------------------------------
  function h(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "onclick") e.addEventListener("click", attrs[k]);
      else if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }

  function clear(node) { node.textContent = ""; return node; }

  function entityHash(iri) { return "#/entity/" + encodeURIComponent(iri); }

  function isLocal(iri) { return iri.indexOf("https://w3id.org/kg/") === 0; }

  function shortIri(iri) {
    if (iri.indexOf("https://w3id.org/kg/id/") === 0) return iri.slice("https://w3id.org/kg/id/".length);
    if (iri.indexOf("https://w3id.org/kg/article/") === 0) return "article/" + iri.slice("https://w3id.org/kg/article/".length);
    if (meta) {
      for (var p in meta.prefixes) {
        var ns = meta.prefixes[p];
        if (iri.indexOf(ns) === 0 && /^[A-Za-z0-9_\-]*$/.test(iri.slice(ns.length))) return p + ":" + iri.slice(ns.length);
      }
    }
    return iri;
  }

  function iriLink(iri, label) {
    if (isLocal(iri)) return h("a", { href: entityHash(iri), title: iri, text: label || shortIri(iri) });
    if (/^https?:/.test(iri)) return h("a", { href: iri, title: iri, target: "_blank", rel: "noopener noreferrer", text: label || shortIri(iri) });
    return h("span", { title: iri, text: label || shortIri(iri) });
  }

  function kindBadge(kind) {
    var b = h("span", { "class": "badge kind-" + kind, text: kind });
    return b;
  }

  function showError(box, message) {
    clear(box).appendChild(h("div", { "class": "error", role: "alert", text: message }));
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      return r.text().then(function (body) {
        if (!r.ok) throw new Error(body.trim() || (r.status + " " + r.statusText));
        return JSON.parse(body);
      });
    });
  }

  function setStatus(text) { $("status").textContent = text; }

  // -- the editor ------------------------------------------------------------------------
  function syncHighlight() {
    var ta = $("sparql");
    $("highlight").innerHTML = S.highlight(ta.value) + "\n";
    $("highlight").parentNode.scrollTop = ta.scrollTop;
    $("highlight").parentNode.scrollLeft = ta.scrollLeft;
  }

  function setupEditor() {
    var ta = $("sparql");
    ta.value = sessionStorage.getItem("kg-query") || DEFAULT_QUERY;
    ta.addEventListener("input", function () { sessionStorage.setItem("kg-query", ta.value); syncHighlight(); });
    ta.addEventListener("scroll", syncHighlight);
    ta.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runQuery(); }
      if (ev.key === "Tab" && !ev.shiftKey) {
        ev.preventDefault();
        var s = ta.selectionStart;
        ta.value = ta.value.slice(0, s) + "  " + ta.value.slice(ta.selectionEnd);
        ta.selectionStart = ta.selectionEnd = s + 2;
        syncHighlight();
      }
    });
    $("run").addEventListener("click", runQuery);
    $("download-csv").addEventListener("click", function () { download("csv"); });
    $("download-json").addEventListener("click", function () { download("json"); });
    syncHighlight();
  }

  function runQuery() {
    var q = $("sparql").value;
    run({ url: "/sparql", init: { method: "POST", body: q, headers: { "Content-Type": "application/sparql-query" } } },
        "query");
  }

  function runQuestion(q, inputs) {
    var params = new URLSearchParams();
    inputs.forEach(function (inp) { if (inp.value.trim()) params.set(inp.name, inp.value.trim()); });
    var missing = q.required.filter(function (p) { return !params.get(p); });
    if (missing.length) {
      showError($("results"), "Give " + missing.join(", ") + " for " + q.name + ".");
      return;
    }
    var qs = params.toString();
    run({ url: "/api/ask/" + encodeURIComponent(q.name) + (qs ? "?" + qs : ""), init: { method: "GET", headers: {} } },
        q.name);
  }

  function run(request, label) {
    var box = $("results");
    setStatus("running " + label + " …");
    $("download-csv").disabled = $("download-json").disabled = true;
    var init = Object.assign({}, request.init);
    init.headers = Object.assign({ Accept: "application/sparql-results+json, text/turtle;q=0.9" }, request.init.headers);
    var started = performance.now();
    fetch(request.url, init).then(function (r) {
      return r.text().then(function (body) {
        var ms = Math.round(performance.now() - started);
        if (!r.ok) { setStatus(label + ": error " + r.status); showError(box, body.trim()); return; }
        var type = (r.headers.get("Content-Type") || "").split(";")[0];
        if (type === "application/sparql-results+json") {
          var res = JSON.parse(body);
          last = { request: request, kind: "results" };
          $("download-csv").disabled = $("download-json").disabled = false;
          if (res.boolean !== undefined) {
            clear(box).appendChild(h("p", { "class": "boolean", text: "ASK: " + res.boolean }));
            setStatus(label + ": " + res.boolean + " (" + ms + " ms)");
          } else {
            renderTable(box, res);
            var n = res.results.bindings.length;
            setStatus(label + ": " + n + " row" + (n === 1 ? "" : "s") + " (" + ms + " ms)");
          }
        } else {
          last = { request: request, kind: "graph" };
          clear(box).appendChild(h("pre", { "class": "turtle", text: body }));
          setStatus(label + ": triples as Turtle (" + ms + " ms)");
        }
      });
    }).catch(function (err) { setStatus(label + ": failed"); showError(box, String(err.message || err)); });
  }

  function cell(term) {
    if (!term) return h("td", { "class": "unbound" });
    if (term.type === "uri") return h("td", {}, [iriLink(term.value)]);
    if (term.type === "bnode") return h("td", { text: "_:" + term.value });
    var td = h("td", { text: term.value });
    if (term.datatype) td.title = shortIri(term.datatype);
    if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
    return td;
  }

  function renderTable(box, res) {
    var vars = res.head.vars || [];
    var table = h("table", { "class": "results-table" }, [
      h("thead", {}, [h("tr", {}, vars.map(function (v) { return h("th", { text: v }); }))]),
      h("tbody", {}, res.results.bindings.map(function (b) {
        return h("tr", {}, vars.map(function (v) { return cell(b[v]); }));
      }))
    ]);
    clear(box).appendChild(h("div", { "class": "table-wrap" }, [table]));
  }

  function download(fmt) {
    if (!last) return;
    var req = last.request;
    var accept = fmt === "csv" ? "text/csv" : "application/sparql-results+json";
    var init = Object.assign({}, req.init);
    init.headers = Object.assign({}, req.init.headers, { Accept: accept });
    fetch(req.url, init).then(function (r) { return r.blob(); }).then(function (blob) {
      var a = h("a", { href: URL.createObjectURL(blob), download: "results." + fmt });
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
  }

  function renderQuestions() {
    var box = clear($("questions"));
    meta.questions.forEach(function (q) {
      var inputs = Object.keys(q.params).map(function (p) {
        return h("input", { type: "text", name: p, placeholder: p + (q.required.indexOf(p) >= 0 ? " (required)" : ""),
                            title: q.params[p], "aria-label": q.name + " " + p });
      });
      var button = h("button", { type: "submit", "class": "question", "data-question": q.name, text: q.name, title: q.help });
      var form = h("form", { "class": "question-form" }, [
        h("div", { "class": "question-row" }, [button,
          h("a", { href: "#/query", "class": "show-sparql", title: "Show this question's SPARQL in the editor", text: "SPARQL",
                   onclick: function (ev) {
                     ev.preventDefault();
                     $("sparql").value = q.sparql;
                     syncHighlight();
                   } })]),
        h("p", { "class": "help", text: q.help })
      ].concat(inputs.length ? [h("div", { "class": "params" }, inputs)] : []));
      form.addEventListener("submit", function (ev) { ev.preventDefault(); runQuestion(q, inputs); });
      box.appendChild(form);
    });
    $("prefixes").textContent = Object.keys(meta.prefixes).join(" ");
    $("prefixes").title = Object.keys(meta.prefixes).map(function (p) { return "PREFIX " + p + ": <" + meta.prefixes[p] + ">"; }).join("\n");
  }

  // -- search ----------------------------------------------------------------------------
  // Debounced: a request goes when typing pauses (SEARCH_PAUSE_MS), not on every keystroke;
  // a newer request aborts the one still running, and an answer to an older text is dropped.
  var SEARCH_PAUSE_MS = 300;

  function setupSearch() {
    var input = $("search-input"), list = $("search-list"), timer = null, asked = "", running = null;
    function lookup(q) {
      if (running) running.abort();
      running = typeof AbortController === "function" ? new AbortController() : null;
      return fetch("/api/search?q=" + encodeURIComponent(q),
                   { headers: { Accept: "application/json" }, signal: running ? running.signal : undefined })
        .then(function (r) {
          return r.text().then(function (body) {
            if (!r.ok) throw new Error(body.trim() || (r.status + " " + r.statusText));
            return JSON.parse(body);
          });
        });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === asked) return;
        asked = q;
        lookup(q).then(function (items) {
          if (input.value.trim() !== q) return;  // typed on meanwhile: a later answer comes
          clear(list);
          items.forEach(function (it) { list.appendChild(h("option", { value: it.label, label: it.kind })); });
        }).catch(function () {});
      }, SEARCH_PAUSE_MS);
    });
    $("search").addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) return;
      asked = q;
      lookup(q).then(function (items) {
        var exact = items.filter(function (it) { return it.label.toLowerCase() === q.toLowerCase(); })[0];
        var pick = exact || items[0];
        if (pick) location.hash = entityHash(pick.iri);
        else { location.hash = "#/entity/" + encodeURIComponent(q); }
      }).catch(function (err) { if (err.name !== "AbortError") alertBox(String(err.message || err)); });
    });
  }

  function alertBox(message) {
    var v = currentView();
    var target = v === "entity" ? $("entity") : v === "graph" ? $("graph") : v === "timeline" ? $("timeline") : $("results");
    showError(target, message);
  }

  // -- entity page -----------------------------------------------------------------------
  function showEntity(iri) {
    var box = clear($("entity"));
    box.appendChild(h("p", { "class": "loading", text: "Loading …" }));
    var param = /^[a-z][a-z0-9+.\-]*:\S+$/i.test(iri) ? "iri=" : "name=";
    getJSON("/api/entity?" + param + encodeURIComponent(iri)).then(function (e) {
      document.title = e.label + " — kg";
      clear(box);
      var head = h("div", { "class": "entity-head" }, [
        h("h1", { id: "entity-label", text: e.label }), kindBadge(e.kind),
        h("p", { "class": "iri" }, [h("code", { text: e.iri })])
      ]);
      if (e.aliases.length) head.appendChild(h("p", { "class": "aliases" }, [h("strong", { text: "Also called: " }), e.aliases.join(" · ")]));
      if (e.wikidata.length) {
        head.appendChild(h("p", { "class": "wikidata" }, [h("strong", { text: "Wikidata: " })].concat(e.wikidata.map(function (w) {
          return h("a", { href: w.url, target: "_blank", rel: "noopener noreferrer", text: w.id });
        }))));
      }
      head.appendChild(h("p", { "class": "entity-links" }, [
        h("a", { href: "#/graph/" + encodeURIComponent(e.iri), text: "Graph view" }), " · ",
        h("a", { href: "#/timeline/" + encodeURIComponent(e.iri), text: "Timeline" })
      ]));
      box.appendChild(head);

      var mini = h("div", { id: "entity-graph", "class": "canvas mini" });
      box.appendChild(mini);
      getJSON("/api/graph?iri=" + encodeURIComponent(e.iri) + "&limit=40").then(function (g) {
        if (g.nodes.length > 1) D.graph(mini, g, { height: 360, onOpen: function (id) { location.hash = entityHash(id); } });
        else mini.remove();
      }).catch(function () { mini.remove(); });

      if (e.roles && e.roles.length) {
        box.appendChild(h("h2", { text: e.kind === "State" ? "Office-holders over time" : "Roles over time" }));
        box.appendChild(rolesChart(e.roles));
      }

      box.appendChild(h("h2", { text: "Facts" }));
      if (!e.facts.length) box.appendChild(h("p", { "class": "empty", text: "No facts about this entity." }));
      else box.appendChild(factsTable(e));
      if (e.stated.length) {
        box.appendChild(h("h2", { text: "Facts stated in this article" }));
        box.appendChild(statedTable(e.stated));
      }
    }).catch(function (err) { showError(box, String(err.message || err)); });
  }

  function termNode(t) {
    if (t.iri) return iriLink(t.iri, t.label);
    return h("span", { "class": "literal", title: t.datatype || "", text: t.value });
  }

  function sourcesNode(f) {
    if (!f.sources.length) {
      var where = f.graphs.indexOf("reference") >= 0 ? "reference data" : f.graphs.indexOf("inferred") >= 0 ? "inferred by the reasoner" : "no evidence sentence recorded";
      return h("span", { "class": "muted", text: where });
    }
    return h("ul", { "class": "sources" }, f.sources.map(function (s) {
      var title = s.title || shortIri(s.article);
      var line = [h("a", { href: entityHash(s.article), text: title })];
      if (s.date) line.push(h("span", { "class": "date", text: " " + s.date }));
      if (s.source && /^https?:/.test(s.source)) line.push(" ", h("a", { href: s.source, target: "_blank", rel: "noopener noreferrer", "class": "ext", text: "source ↗" }));
      else if (s.source) line.push(h("span", { "class": "muted", text: " " + s.source }));
      var li = h("li", {}, [h("div", {}, line)]);
      if (s.sentence) li.appendChild(h("blockquote", { "class": "evidence" }, [
        s.sentence, s.section && s.section !== "body" ? h("span", { "class": "section", text: " (" + s.section + ")" }) : null]));
      return li;
    }));
  }

  function factsTable(e) {
    var rows = e.facts.map(function (f) {
      var other = f.direction === "out" ? f.object : f.subject;
      var prop = f.direction === "out" ? f.predicateLabel : "is " + f.predicateLabel + " of";
      return h("tr", { "class": "fact" }, [
        h("td", { "class": "prop", text: prop }), h("td", {}, [termNode(other)]), h("td", {}, [sourcesNode(f)])
      ]);
    });
    return h("table", { "class": "facts" }, [
      h("thead", {}, [h("tr", {}, [h("th", { text: "Property" }), h("th", { text: "Value" }), h("th", { text: "Sources and evidence" })])]),
      h("tbody", {}, rows)
    ]);
  }

  function statedTable(stated) {
    return h("table", { "class": "facts" }, [
      h("thead", {}, [h("tr", {}, [h("th", { text: "Subject" }), h("th", { text: "Property" }), h("th", { text: "Value" }), h("th", { text: "Sentence" })])]),
      h("tbody", {}, stated.map(function (s) {
        return h("tr", {}, [h("td", {}, [termNode(s.subject)]), h("td", { "class": "prop", text: s.predicateLabel }),
                            h("td", {}, [termNode(s.object)]), h("td", { "class": "evidence-cell", text: s.sentence || "" })]);
      }))
    ]);
  }

  // -- offices in time: one bar per role, from its first attestation (or the start a text
  // gives) to its last (or the end a text gives); reference terms drawn apart ------------
  function roleSpan(r) {
    var parts = [];
    if (r.source === "reference") return "reference data: " + (r.start || "?") + " – " + (r.end || "");
    if (r.from) parts.push("attested " + r.from + (r.to && r.to !== r.from ? " – " + r.to : ""));
    if (r.start || r.end) parts.push("term " + (r.start || "?") + " – " + (r.end || "?"));
    if (r.before) parts.push("past by " + r.before);
    if (r.articles) parts.push(r.articles + (r.articles === "1" ? " article" : " articles"));
    return parts.join(" · ");
  }

  function rolesChart(rows) {
    var ts = [];
    rows.forEach(function (r) { if (r.t !== null) ts.push(r.t); if (r.tEnd !== null) ts.push(r.tEnd); });
    var lo = Math.min.apply(null, ts), hi = Math.max.apply(null, ts);
    if (!ts.length) { lo = 0; hi = 1; }
    if (hi - lo < 1) { lo -= 0.5; hi += 0.5; }
    var chart = h("div", { "class": "roles-chart" });
    chart.appendChild(h("div", { "class": "role-row role-axis" }, [h("span", { "class": "role-label" }),
      h("div", { "class": "role-track" }, [h("span", { "class": "axis-lo", text: String(Math.floor(lo)) }),
                                           h("span", { "class": "axis-hi", text: String(Math.ceil(hi)) })]),
      h("span", { "class": "role-span" })]));
    rows.forEach(function (r) {
      var track = h("div", { "class": "role-track" });
      if (r.t !== null) {
        var end = r.tEnd !== null ? r.tEnd : hi;
        var bar = h("div", { "class": "role-bar" + (r.source === "reference" ? " reference" : "") +
                                      (r.tEnd === null ? " open" : ""), title: roleSpan(r) });
        bar.style.left = (100 * (r.t - lo) / (hi - lo)) + "%";
        bar.style.width = Math.max(0.8, 100 * (end - r.t) / (hi - lo)) + "%";
        track.appendChild(bar);
      }
      var label = r.person && r.name ? iriLink(r.person, r.label) : h("span", { text: r.label });
      chart.appendChild(h("div", { "class": "role-row" + (r.source === "reference" ? " reference" : "") }, [
        h("span", { "class": "role-label" }, [label]), track,
        h("span", { "class": "role-span", text: roleSpan(r) })]));
    });
    return chart;
  }

  // -- graph and timeline views ------------------------------------------------------------
  function legend(box, kinds) {
    clear(box);
    kinds.forEach(function (k) {
      box.appendChild(h("span", { "class": "legend-item" }, [h("span", { "class": "dot kind-" + k }), k]));
    });
  }

  function showGraph(iri) {
    var box = clear($("graph"));
    box.appendChild(h("p", { "class": "loading", text: "Loading …" }));
    var url = "/api/graph" + (iri ? "?iri=" + encodeURIComponent(iri) : "");
    getJSON(url).then(function (g) {
      var centre = iri && g.nodes.filter(function (n) { return n.id === iri; })[0];
      $("graph-title").textContent = centre ? "Neighbourhood of " + centre.label : "Treaties, summits and visits";
      var kinds = meta.kinds.concat(["Other"]).filter(function (k) { return g.nodes.some(function (n) { return n.kind === k; }); });
      legend($("legend"), kinds);
      clear(box);
      if (!g.nodes.length) { box.appendChild(h("p", { "class": "empty", text: "No treaties, summits or visits in the store yet." })); return; }
      D.graph(box, g, { onOpen: function (id) { location.hash = entityHash(id); } });
      if (g.truncated) box.appendChild(h("p", { "class": "muted", text: "Only the first " + g.nodes.length + " nodes are shown." }));
    }).catch(function (err) { showError(box, String(err.message || err)); });
  }

  function showTimeline(iri) {
    var box = clear($("timeline")), table = clear($("timeline-table"));
    box.appendChild(h("p", { "class": "loading", text: "Loading …" }));
    var url = "/api/timeline" + (iri ? "?iri=" + encodeURIComponent(iri) : "");
    getJSON(url).then(function (t) {
      $("timeline-title").textContent = iri ? "Timeline" : "Timeline of treaties, summits and visits";
      if (iri) getJSON("/api/entity?iri=" + encodeURIComponent(iri)).then(function (e) { $("timeline-title").textContent = "Timeline: " + e.label; }).catch(function () {});
      legend($("timeline-legend"), t.kinds);
      D.timeline(box, t, { onOpen: function (id) { location.hash = entityHash(id); } });
      var rows = t.events.concat(t.undated).map(function (e) {
        return h("tr", { "class": "event-row" }, [h("td", { text: e.start ? e.start + (e.end ? " – " + e.end : "") : "undated" }),
          h("td", {}, [kindBadge(e.kind)]), h("td", {}, [iriLink(e.iri, e.label)])]);
      });
      if (t.roles && t.roles.length) {
        table.appendChild(h("h3", { text: t.roles[0].person ? "Office-holders" : "Roles" }));
        table.appendChild(rolesChart(t.roles));
      }
      table.appendChild(h("table", { "class": "facts" }, [
        h("thead", {}, [h("tr", {}, [h("th", { text: "Date" }), h("th", { text: "Kind" }), h("th", { text: "Event" })])]),
        h("tbody", {}, rows)]));
    }).catch(function (err) { showError(box, String(err.message || err)); });
  }

  // -- routing ---------------------------------------------------------------------------
  function currentView() {
    var m = /^#\/([a-z]+)/.exec(location.hash);
    return m ? m[1] : "query";
  }

  function route() {
    var m = /^#\/([a-z]+)(?:\/(.*))?$/.exec(location.hash) || [null, "query", null];
    var view = m[1], arg = m[2] ? decodeURIComponent(m[2]) : null;
    if (["query", "entity", "graph", "timeline"].indexOf(view) < 0) view = "query";
    ["query", "entity", "graph", "timeline"].forEach(function (v) { $("view-" + v).hidden = v !== view; });
    Array.prototype.forEach.call(document.querySelectorAll("nav a"), function (a) {
      a.classList.toggle("active", a.getAttribute("data-view") === view);
    });
    if (view !== "entity") document.title = "kg";
    if (view === "entity") { if (arg) showEntity(arg); else location.hash = "#/query"; }
    else if (view === "graph") showGraph(arg);
    else if (view === "timeline") showTimeline(arg);
  }

  function start() {
    setupEditor();
    setupSearch();
    getJSON("/api/meta").then(function (m) {
      meta = m;
      // the kind colours come from the server (kg/kinds.py): the CSS variables follow them
      Object.keys(m.colours || {}).forEach(function (k) {
        document.documentElement.style.setProperty("--" + k, m.colours[k]);
      });
      document.body.setAttribute("data-ready", "true");
      renderQuestions();
      route();
    }).catch(function (err) { showError($("results"), "Cannot reach the kg server: " + (err.message || err)); });
    window.addEventListener("hashchange", function () { if (meta) route(); });
  }

  start();
})();
