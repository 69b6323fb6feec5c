"""What the web page and ``kg plot`` show, read from a :class:`kg.KnowledgeGraph` as plain dicts.

* :func:`resolve`       an entity's IRI from its name, an alias or the IRI itself
* :func:`search`        entities whose name contains a text (the page's search box)
* :func:`entity`        label, kinds, aliases, Wikidata link, and each fact with the articles
                        and sentences it was read from (the ``rdf:Statement`` nodes)
* :func:`neighbourhood` an entity's neighbourhood (or all events) as nodes and edges, with a
                        force-directed layout (:func:`layout`) so the page and the plot agree
* :func:`timeline`      treaties, summits and visits with their dates

Text is never pasted into a query: names are bound with the store's ``bindings``; IRIs (checked
by ``pyoxigraph.NamedNode``) are written in N-Triples syntax by pyoxigraph.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from typing import Any

from ..store import engine_io as ox  # the engine, through kg/store.py

from ..errors import InputError, NotFound
from ..inputs import check_iri
from ..kinds import COLOURS, EVENTS, LINKS, NAMES
from ..prefixes import ARTICLE, INFERRED_GRAPH, KG, ONTOLOGY_GRAPH, PREFIXES, QUARANTINE, REFERENCE_GRAPH
from . import names

#: Node kinds in legend order, their colours, the event kinds of the timeline and the object
#: properties drawn as edges (inverse and inferred ones left out): kg/kinds.py's table.
KINDS = NAMES
#: Not listed as facts on an entity page (shown in its header, or bookkeeping).
_HEADER_PREDICATES = (
    PREFIXES["rdf"] + "type", PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "altLabel",
    PREFIXES["owl"] + "sameAs", PREFIXES["rdf"] + "subject", PREFIXES["rdf"] + "predicate",
    PREFIXES["rdf"] + "object", PREFIXES["prov"] + "wasDerivedFrom", KG + "contentHash",
    KG + "extractedWith",
)
_WD = PREFIXES["wd"]


# -- helpers ---------------------------------------------------------------
def _query(g: Any, sparql: str, **bindings: Any) -> list[dict[str, Any]]:
    """Rows of a SELECT as dicts of pyoxigraph terms (None when unbound)."""
    res = g.store.query(sparql, bindings=bindings or None)
    return [dict(zip(res.variables, row)) for row in res]


def _iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(check_iri(value, what="iri="))


def _exists(g: Any, node: ox.NamedNode) -> bool:
    return g.store.query(f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} }}").boolean


def _values(iris: Iterable[str]) -> str:
    return " ".join(str(ox.NamedNode(i)) for i in iris)


def compact(iri: str) -> str:
    """``kg:party`` for a full IRI in one of the predeclared namespaces, else the IRI.

    >>> compact("https://w3id.org/kg/ontology#party")
    'kg:party'
    """
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_\-]*", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _term(t: Any) -> dict[str, Any]:
    """A term for JSON: ``{"iri": ...}`` or ``{"value": ..., "datatype": ..., "lang": ...}``."""
    if isinstance(t, ox.NamedNode):
        return {"iri": t.value}
    if isinstance(t, ox.Literal):
        out: dict[str, Any] = {"value": t.value}
        if t.language:
            out["lang"] = t.language
        elif t.datatype and t.datatype.value != PREFIXES["xsd"] + "string":
            out["datatype"] = compact(t.datatype.value)
        return out
    if isinstance(t, ox.BlankNode):
        return {"bnode": t.value}
    return {"value": str(t)}


def _kind_of(types: Iterable[str]) -> str:
    names = {t[len(KG):] for t in types if t.startswith(KG)}
    for k in KINDS:
        if k in names:
            return k
    if "PlannedEvent" in names:
        return "Other"
    return "Other"


def labels_and_kinds(g: Any, iris: Iterable[str]) -> dict[str, tuple[str, str]]:
    """``iri -> (label, kind)``; the label is the IRI's last segment where there is none."""
    iris = sorted(set(iris))
    out: dict[str, tuple[str, str]] = {}
    for start in range(0, len(iris), 200):
        chunk = iris[start:start + 200]
        rows = _query(g, f"""
            SELECT ?x (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
            WHERE {{ VALUES ?x {{ {_values(chunk)} }}
                     OPTIONAL {{ ?x rdfs:label ?l }} OPTIONAL {{ ?x a ?t }} }}
            GROUP BY ?x""")
        for r in rows:
            iri = r["x"].value
            label = r["label"].value if r["label"] is not None else _local(iri)
            types = r["types"].value.split() if r["types"] is not None else []
            out[iri] = (label, _kind_of(types))
    for iri in iris:
        out.setdefault(iri, (_local(iri), "Other"))
    return out


# -- entities --------------------------------------------------------------
def resolve(g: Any, name: str) -> str:
    """The IRI of the entity called ``name`` (label or alias, any case) or with that IRI.

    Where several entities share a name, the one with the most facts wins.
    """
    name = name.strip()
    if not name:
        raise InputError("give an entity's name or IRI")
    if re.match(r"^[a-z][a-z0-9+.-]*:", name, re.IGNORECASE) and " " not in name:
        node = _iri(name)
        if _exists(g, node):
            return name
    rows = _query(g, """
        SELECT ?e (COUNT(?o) AS ?n) WHERE {
          ?e rdfs:label|skos:altLabel ?l .
          FILTER(LCASE(STR(?l)) = LCASE(STR(?name)))
          ?e ?p ?o .
        } GROUP BY ?e ORDER BY DESC(?n) ?e""", name=ox.Literal(name))
    if not rows:
        raise NotFound(f"no entity called '{name}' in the store")
    return rows[0]["e"].value


def search(g: Any, text: str, *, limit: int = 20) -> list[dict[str, str]]:
    """Entities (of kg's classes) whose label or alias contains ``text``; exact matches first,
    then names that start with it, then the shortest names.

    The names come from the store's name index (:mod:`kg.web.names`: built on the first search
    of a store held in a folder and again after a write), or for a store in memory or on a
    server from one pass over the names in the engine (the text written into the query as an
    escaped literal). Only the best of them are then looked up (types and labels, through the
    index) until ``limit`` entities of kg's classes are found: a short text that most names
    contain ("a") costs no lookup of every match.
    """
    text = text.strip()
    if not text:
        return []
    index = names.store_names(g)
    if index is None:
        needle = ox.Literal(text.lower())
        rows = _query(g, names.NAMES_SPARQL.format(filter=f"FILTER(CONTAINS(LCASE(STR(?l)), {needle}))"))
        index = names.Names((r["e"].value, r["l"].value) for r in rows if isinstance(r["e"], ox.NamedNode))
    ranked = index.ranked(text)
    typed: list[str] = []
    batch = max(int(limit), 1) * 2
    while len(typed) < limit:
        chunk = list(itertools.islice(ranked, batch))
        if not chunk:
            break
        ok = {r["x"].value for r in _query(g, f"""
            SELECT DISTINCT ?x WHERE {{ VALUES ?x {{ {_values(chunk)} }}
                                        ?x a ?t FILTER(STRSTARTS(STR(?t), "{KG}")) }}""")}
        typed += [i for i in chunk if i in ok]
    best = typed[:int(limit)]
    kinds = labels_and_kinds(g, best)
    return [{"iri": i, "label": kinds[i][0], "kind": kinds[i][1]} for i in best]


def entity(g: Any, iri: str) -> dict[str, Any]:
    """Everything the entity page shows about ``iri``.

    ``facts``: each asserted triple with the entity as subject or object (outside the
    ontology and the quarantine), with ``sources``: the articles that state it and the
    sentence each read it from. A fact with no statement node comes from the reference
    data or the reasoner (``graphs`` says which).
    """
    node = _iri(iri)
    e = str(node)  # N-Triples syntax, escaped by pyoxigraph
    head = _query(g, f"""
        SELECT ?t ?l ?alt ?same WHERE {{
          {{ {e} a ?t }} UNION {{ {e} rdfs:label ?l }} UNION {{ {e} skos:altLabel ?alt }}
          UNION {{ {e} owl:sameAs ?same }}
        }}""")
    if not head and not g.store.query(f"ASK {{ ?s ?p {e} }}").boolean:
        raise NotFound(f"no entity <{iri}> in the store")
    types = sorted({r["t"].value for r in head if r["t"] is not None})
    labels = sorted({r["l"].value for r in head if r["l"] is not None})
    aliases = sorted({r["alt"].value for r in head if r["alt"] is not None} - set(labels))
    same = sorted({r["same"].value for r in head if r["same"] is not None})
    wikidata = [s for s in same if s.startswith(_WD)]

    # asserted facts, in every graph but the ontology and the quarantine
    skip = " ".join(str(ox.NamedNode(p)) for p in _HEADER_PREDICATES)
    rows = _query(g, f"""
        SELECT DISTINCT ?s ?p ?o ?g WHERE {{
          {{ GRAPH ?g {{ {e} ?p ?o }} BIND({e} AS ?s) }} UNION {{ GRAPH ?g {{ ?s ?p {e} }} BIND({e} AS ?o) }}
          FILTER(?p NOT IN ({skip.replace(" ", ", ")}))
          FILTER(?g != <{ONTOLOGY_GRAPH}> && !STRSTARTS(STR(?g), "{QUARANTINE}"))
        }}""")
    facts: dict[tuple[str, str, str], dict[str, Any]] = {}
    ends: set[str] = set()

    def fact_of(s: Any, p: Any, o: Any) -> dict[str, Any]:
        key = (str(s), str(p), str(o))
        if key not in facts:
            facts[key] = {
                "direction": "out" if s == node else "in",
                "subject": _term(s), "predicate": p.value, "predicateLabel": compact(p.value),
                "object": _term(o), "graphs": [], "sources": [],
            }
            for t in (s, o):
                if isinstance(t, ox.NamedNode) and t != node:
                    ends.add(t.value)
        return facts[key]

    for r in rows:
        f = fact_of(r["s"], r["p"], r["o"])
        graph = r["g"].value
        kind = ("article" if graph.startswith(ARTICLE) else "reference" if graph == REFERENCE_GRAPH
                else "inferred" if graph == INFERRED_GRAPH else "other")
        if kind not in f["graphs"]:
            f["graphs"].append(kind)

    # where each fact was read: the statement nodes about the entity
    evidence = _query(g, f"""
        SELECT DISTINCT ?s ?p ?o ?article ?title ?date ?source ?sentence ?section WHERE {{
          VALUES ?entity {{ {e} }}  # (a constant here makes pyoxigraph 0.5 scan every statement)
          ?f rdf:subject|rdf:object ?entity .  # from the entity through the index
          ?f a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             prov:wasDerivedFrom ?article .
          OPTIONAL {{ ?f kg:sentence ?sentence }}
          OPTIONAL {{ ?f kg:section ?section }}
          OPTIONAL {{ ?article dcterms:title ?title }}
          OPTIONAL {{ ?article dcterms:date ?date }}
          OPTIONAL {{ ?article dcterms:source ?source }}
        }} ORDER BY ?date ?article""")
    for r in evidence:
        f = fact_of(r["s"], r["p"], r["o"])
        f["sources"].append({
            "article": r["article"].value,
            "title": r["title"].value if r["title"] is not None else None,
            "date": r["date"].value if r["date"] is not None else None,
            "source": r["source"].value if r["source"] is not None else None,
            "sentence": r["sentence"].value if r["sentence"] is not None else None,
            "section": r["section"].value if r["section"] is not None else None,
        })

    names = labels_and_kinds(g, ends)
    for f in facts.values():
        for end in ("subject", "object"):
            t = f[end]
            if "iri" in t and t["iri"] in names:
                t["label"], t["kind"] = names[t["iri"]]
            elif "iri" in t and t["iri"] == iri:
                t["label"] = labels[0] if labels else _local(iri)
    ordered = sorted(facts.values(), key=lambda f: (f["direction"] != "out", f["predicateLabel"],
                                                  f["object"].get("label") or f["object"].get("value") or "",
                                                  f["subject"].get("label") or ""))

    # an article: the facts it states
    stated: list[dict[str, Any]] = []
    if KG + "Article" in types:
        for r in _query(g, f"""
            SELECT ?s ?p ?o ?sentence ?section WHERE {{
              ?f a rdf:Statement ; prov:wasDerivedFrom {e} ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
              OPTIONAL {{ ?f kg:sentence ?sentence }} OPTIONAL {{ ?f kg:section ?section }}
            }} ORDER BY ?s ?p"""):
            stated.append({"subject": _term(r["s"]), "predicate": r["p"].value,
                           "predicateLabel": compact(r["p"].value), "object": _term(r["o"]),
                           "sentence": r["sentence"].value if r["sentence"] is not None else None,
                           "section": r["section"].value if r["section"] is not None else None})
        more = labels_and_kinds(g, [t["iri"] for s in stated for t in (s["subject"], s["object"]) if "iri" in t])
        for s in stated:
            for end in ("subject", "object"):
                if "iri" in s[end]:
                    s[end]["label"], s[end]["kind"] = more[s[end]["iri"]]

    return {
        "iri": iri,
        "label": labels[0] if labels else _local(iri),
        "roles": roles(g, iri, types),
        "labels": labels,
        "kind": _kind_of(types),
        "types": [compact(t) for t in types],
        "aliases": aliases,
        "sameAs": same,
        "wikidata": [{"id": w[len(_WD):], "url": "https://www.wikidata.org/wiki/" + w[len(_WD):]}
                     for w in wikidata],
        "facts": ordered,
        "stated": stated,
    }


# -- the neighbourhood graph -------------------------------------------------
def _edges(g: Any, focus: Iterable[str]) -> list[tuple[str, str, str]]:
    focus = sorted(set(focus))
    if not focus:
        return []
    links = " ".join(f"kg:{p}" for p in LINKS)
    out: set[tuple[str, str, str]] = set()
    for start in range(0, len(focus), 100):
        chunk = _values(focus[start:start + 100])
        rows = _query(g, f"""
            SELECT DISTINCT ?s ?p ?o WHERE {{
              VALUES ?p {{ {links} }}
              {{ VALUES ?s {{ {chunk} }} ?s ?p ?o }} UNION {{ VALUES ?o {{ {chunk} }} ?s ?p ?o }}
              FILTER(isIRI(?s) && isIRI(?o))
            }}""")
        out.update((r["s"].value, r["p"].value[len(KG):], r["o"].value) for r in rows)
    return sorted(out)


def _one_edge_per_pair(edges: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Edges between the same two nodes as one, its label the properties in kg/kinds.py's
    order: a leader's ``leaderOf`` and ``officialOf`` (its super-property) are one line
    labelled "leaderOf, officialOf", not two lines whose labels are drawn on top of each other.

    >>> _one_edge_per_pair([("p", "officialOf", "s"), ("p", "leaderOf", "s"), ("t", "party", "s")])
    [('p', 'leaderOf, officialOf', 's'), ('t', 'party', 's')]
    """
    order = {p: i for i, p in enumerate(LINKS)}
    pairs: dict[tuple[str, str], list[str]] = {}
    for s, p, o in edges:
        pairs.setdefault((s, o), []).append(p)
    return [(s, ", ".join(sorted(set(ps), key=lambda p: (order.get(p, len(order)), p))), o)
            for (s, o), ps in pairs.items()]


def neighbourhood(g: Any, iri: str | None = None, *, limit: int = 120,
                  width: float = 1.0, height: float = 1.0) -> dict[str, Any]:
    """Nodes and edges around ``iri`` (or every treaty, summit and visit), laid out.

    Around an entity: its direct links, then the links of the events among them (so a
    person's summit brings the other participants and the place), then the links among
    all the nodes shown. At most ``limit`` nodes; ``truncated`` says when more were left out.
    """
    truncated = False
    if iri is not None:
        node = _iri(iri)
        if not _exists(g, node):
            raise NotFound(f"no entity <{iri}> in the store")
        nodes = [iri]
        frontier = [iri]
    else:
        rows = _query(g, """
            SELECT DISTINCT ?e WHERE { VALUES ?k { kg:Treaty kg:Summit kg:Visit } ?e a ?k } ORDER BY ?e""")
        nodes = [r["e"].value for r in rows]
        if len(nodes) > limit:
            nodes, truncated = nodes[:limit], True
        frontier = list(nodes)
    seen = set(nodes)
    expanded: set[str] = set()
    for _ in range(2):
        new: list[str] = []
        for s, _p, o in _edges(g, frontier):
            for end in (s, o):
                if end not in seen:
                    if len(seen) >= limit:
                        truncated = True
                        continue
                    seen.add(end)
                    nodes.append(end)
                    new.append(end)
        expanded.update(frontier)
        kinds = labels_and_kinds(g, new)
        frontier = [n for n in new if kinds[n][1] in EVENTS and n not in expanded]
        if not frontier:
            break
    edges = _one_edge_per_pair([(s, p, o) for s, p, o in _edges(g, nodes) if s in seen and o in seen])
    names = labels_and_kinds(g, nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pos = layout(len(nodes), [(index[s], index[o]) for s, _p, o in edges],
                 fixed=0 if iri is not None else None)
    return {
        "center": iri,
        "truncated": truncated,
        "nodes": [{"id": n, "label": names[n][0], "kind": names[n][1],
                   "x": round(float(pos[i][0]) * width, 4), "y": round(float(pos[i][1]) * height, 4)}
                  for i, n in enumerate(nodes)],
        "edges": [{"source": s, "target": o, "label": p} for s, p, o in edges],
        "colours": COLOURS,
    }


def layout(n: int, edges: list[tuple[int, int]], *, iterations: int = 300, seed: int = 7,
           fixed: int | None = None) -> list[tuple[float, float]]:
    """A force-directed layout (Fruchterman-Reingold) of ``n`` nodes in the unit square.

    Deterministic for the same graph; node ``fixed`` (the centre entity) is held in the
    middle. Nodes of separate components are kept apart by the repulsion and a weak pull
    to the centre.
    """
    import numpy as np

    if n == 0:
        return []
    if n == 1:
        return [(0.5, 0.5)]
    rng = np.random.default_rng(seed)
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False)
    pos = np.stack([np.cos(angle), np.sin(angle)], axis=1) * 0.4 + rng.normal(0, 0.02, (n, 2))
    if fixed is not None:
        pos[fixed] = 0.0
    k = math.sqrt(1.0 / n)
    src = np.array([e[0] for e in edges if e[0] != e[1]], dtype=int)
    dst = np.array([e[1] for e in edges if e[0] != e[1]], dtype=int)
    temp = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1)) + 1e-9
        force = (delta / dist[..., None] * (k * k / dist)[..., None]).sum(1)   # repulsion
        if len(src):
            d = pos[src] - pos[dst]
            dl = np.sqrt((d ** 2).sum(-1)) + 1e-9
            pull = d / dl[:, None] * (dl * dl / k)[:, None]
            np.add.at(force, src, -pull)
            np.add.at(force, dst, pull)
        force -= pos * 0.05 * n * k                                             # gravity
        length = np.sqrt((force ** 2).sum(-1)) + 1e-9
        pos += force / length[:, None] * np.minimum(length, temp)[:, None]
        if fixed is not None:
            pos[fixed] = 0.0
        temp = max(temp * 0.985, 0.002)
    lo, hi = pos.min(0), pos.max(0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    pos = (pos - lo) / span * 0.9 + 0.05
    return [(float(x), float(y)) for x, y in pos]


# -- the timeline --------------------------------------------------------------
def _date_key(value: str) -> tuple[float, int]:
    """(fractional year, precision) of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    m = re.match(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return (math.nan, 0)
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is None:
        return (year + 0.5, 1)
    if day is None:
        return (year + (month - 0.5) / 12, 2)
    return (year + (month - 1 + (day - 0.5) / 31) / 12, 3)


def _best_date(values: Iterable[str]) -> str | None:
    """The finest of several dates of one event (then the earliest)."""
    values = [v for v in values if not math.isnan(_date_key(v)[0])]
    if not values:
        return None
    return sorted(values, key=lambda v: (-_date_key(v)[1], v))[0]


def timeline(g: Any, iri: str | None = None) -> dict[str, Any]:
    """Treaties (signed), summits and visits with their dates, oldest first.

    With ``iri``: the events linked to that entity, directly or through a person who is
    its leader or official, or a place in it. ``undated`` lists events with no date.
    """
    about = ""
    if iri is not None:
        x = str(_iri(iri))
        about = f"""
          {{ ?e ?l1 {x} }} UNION {{ {x} ?l2 ?e }}
          UNION {{ ?e ?l3 ?who . ?who kg:leaderOf|kg:officialOf {x} }}
          UNION {{ ?e ?l4 ?where . ?where kg:locatedIn {x} }}"""
    rows = _query(g, f"""
        SELECT ?e ?k ?label ?start ?end WHERE {{
          VALUES ?k {{ kg:Treaty kg:Summit kg:Visit }}
          ?e a ?k .
          {about}
          OPTIONAL {{ ?e rdfs:label ?label }}
          OPTIONAL {{ ?e kg:signedOn|kg:startDate ?start }}
          OPTIONAL {{ ?e kg:endDate ?end }}
        }}""")
    by_event: dict[str, dict[str, Any]] = {}
    for r in rows:
        e = r["e"].value
        ev = by_event.setdefault(e, {"iri": e, "kind": r["k"].value[len(KG):], "labels": set(),
                                      "starts": set(), "ends": set()})
        if r["label"] is not None:
            ev["labels"].add(r["label"].value)
        if r["start"] is not None:
            ev["starts"].add(r["start"].value)
        if r["end"] is not None:
            ev["ends"].add(r["end"].value)
    events, undated = [], []
    for ev in by_event.values():
        label = sorted(ev["labels"])[0] if ev["labels"] else _local(ev["iri"])
        start = _best_date(ev["starts"])
        end = _best_date(ev["ends"])
        item = {"iri": ev["iri"], "kind": ev["kind"], "label": label, "start": start, "end": end}
        if start is None:
            undated.append(item)
            continue
        item["t"] = round(_date_key(start)[0], 4)
        item["tEnd"] = round(_date_key(end)[0], 4) if end else None
        events.append(item)
    events.sort(key=lambda e: (e["t"], e["kind"], e["label"]))
    undated.sort(key=lambda e: (e["kind"], e["label"]))
    office = roles(g, iri) if iri is not None else []
    return {"events": events, "undated": undated, "colours": COLOURS, "kinds": list(EVENTS), "roles": office}


# -- offices in time ---------------------------------------------------------
def roles(g: Any, iri: str, types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """A person's offices (the ``roles`` question, with the reference terms beside them) or a
    state's office-holders (the ``leaders`` question), each with its span on the time axis:
    ``t``/``tEnd`` from the earliest of its first attestation and the start the texts give to
    the latest of its last attestation and end (a reference term: its years; an open one runs
    to the latest date shown). Empty for anything else."""
    if types is None:
        types = [r["t"].value for r in _query(g, f"SELECT ?t WHERE {{ {_iri(iri)} a ?t }}")]
    types = set(types)
    if KG + "Person" in types:
        rows = g.ask("roles", person=iri).to_dicts()
        for r in rows:
            r["label"] = f"{r['title'] or r['role']}, {r['stateName']}"
    elif KG + "State" in types:
        rows = g.ask("leaders", state=iri).to_dicts()
        for r in rows:
            r["label"] = f"{r['title'] or ('leader' if r['leader'] == 'true' else 'official')}: {r['name']}"
            r["source"] = "texts"
    else:
        return []
    out = []
    for r in rows:
        ends = [d for d in (r.get("from"), r.get("start")) if d]
        lo = min(ends, key=lambda d: _date_key(d)[0]) if ends else None
        ends = [d for d in (r.get("to"), r.get("end")) if d]
        hi = max(ends, key=lambda d: _date_key(d)[0]) if ends else None
        r["lo"], r["hi"] = lo, hi
        r["t"] = round(_date_key(lo)[0], 4) if lo else None
        r["tEnd"] = round(_date_key(hi)[0], 4) if hi else None
        if r["source"] == "reference" and r["t"] is not None:   # years, inclusive
            r["t"] = round(_date_key(lo)[0] - 0.5, 4)
            r["tEnd"] = round(_date_key(hi)[0] + 0.5, 4) if hi else None
        out.append(r)
    return out



__all__ = ["KINDS", "COLOURS", "EVENTS", "LINKS", "resolve", "search", "entity", "neighbourhood",
           "layout", "timeline", "roles", "labels_and_kinds", "compact"]
