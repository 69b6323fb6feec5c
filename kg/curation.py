"""Curated identity decisions: ``kg merge A B`` and ``kg split A B`` (issue 18).

A decision is a triple of the curation graph (``https://w3id.org/kg/graph/curation``): ``A
owl:sameAs B`` (A is B; B's IRI is kept) or ``A owl:differentFrom B``. Ingest never writes that
graph, so decisions survive re-ingesting the articles, and ``kg export`` writes it like any graph.

A merge is applied where the facts are: every article graph that names A is rewritten with B in
A's place (A's label becomes one of B's ``skos:altLabel``), and each article ingested later is
rewritten the same way before it is written, so every question, the web page and exports see one
entity. The curation graph keeps each rewritten article graph as it was extracted (``G
kg:asExtracted "N-Triples"``, a literal: nothing a question reads), so a split makes the graphs
again from what the articles said, exactly. Each command is one transaction (the curation graph
and the rewritten article graphs together); ``kg remove`` drops what the curation graph kept of
the article with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .errors import InputError
from .prefixes import ARTICLE, GRAPH, ID, KG, OWL, RDF, RDFS, SKOS
from .store import engine_io as ox

CURATION_GRAPH = GRAPH + "curation"
INFERRED = GRAPH + "inferred"
_SAME = ox.NamedNode(OWL + "sameAs")
_DIFFERENT = ox.NamedNode(OWL + "differentFrom")
_LABEL = ox.NamedNode(RDFS + "label")
_ALT = ox.NamedNode(SKOS + "altLabel")
_TYPE = ox.NamedNode(RDF + "type")
# an article graph's triples as extracted, before curated merges rewrote it (N-Triples text)
_EXTRACTED = ox.NamedNode(KG + "asExtracted")

__all__ = ["CURATION_GRAPH", "Curated", "merge", "split", "curated_map", "apply_curation"]


@dataclass(frozen=True)
class Curated:
    """What ``kg merge``/``kg split`` did: the decision and the article graphs it rewrote."""

    action: str          # "merged" or "split"
    source: str          # A
    target: str          # B
    graphs: int          # article graphs rewritten
    inferred_dropped: bool = False   # what kg reason inferred may rest on the rewritten facts

    def summary(self) -> str:
        a, b = _short(self.source), _short(self.target)
        if self.action == "merged":
            line = f"merged {a} into {b} (owl:sameAs in the curation graph); {self.graphs} article graphs rewritten"
        else:
            line = f"split {a} from {b} (owl:differentFrom in the curation graph); {self.graphs} article graphs rewritten"
        return line + ("; dropped the inferred graph (run kg reason again)" if self.inferred_dropped else "")


def _short(iri: str) -> str:
    return iri[len(ID):] if iri.startswith(ID) else iri


def entity_iri(store: Any, name: str) -> str:
    """The IRI of an entity the store holds, from its IRI or the short form tables show."""
    iri = name.strip()
    if iri.startswith("<") and iri.endswith(">"):
        iri = iri[1:-1]
    if not iri.startswith(("http://", "https://")):
        iri = ID + iri
    if not _known(store, iri):
        raise InputError(f"no entity {name!r} in the store; give an IRI or the short form a table shows "
                         "(person/..., treaty/...), see kg ask duplicates")
    return iri


def _known(store: Any, iri: str) -> bool:
    return bool(store.query(f"ASK {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}").boolean) or \
        bool(store.query(f"ASK {{ GRAPH <{CURATION_GRAPH}> {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }} }}").boolean)


def _types(store: Any, iri: str) -> set[str]:
    return {r[0].value for r in store.query(f"SELECT DISTINCT ?t WHERE {{ <{iri}> a ?t }}")}


def _curation(store: Any) -> list[ox.Triple]:
    if not store.has_graph(CURATION_GRAPH):
        return []
    return [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(CURATION_GRAPH)]


def curated_map(store: Any) -> dict[str, str]:
    """A -> B for every curated ``A owl:sameAs B``, followed to its end (A -> C for A = B = C)."""
    return _decisions(_curation(store))


def _label_of(store: Any, iri: str) -> ox.Literal | None:
    rows = list(store.query(f"SELECT (MIN(?l) AS ?label) WHERE {{ GRAPH ?g {{ <{iri}> <{RDFS}label> ?l }} "
                            f"FILTER(?g != <{CURATION_GRAPH}>) }}"))
    return rows[0][0] if rows and rows[0][0] is not None else None


def _rewrite(triples: Iterable[ox.Triple], mapping: dict[str, str], labels: dict[str, ox.Literal | None]) -> list[ox.Triple]:
    """An article graph's triples as extracted, with each merged entity A replaced by the one it is
    (A's label becomes an altLabel of it; it keeps its own label, or takes the store's)."""
    triples = list(triples)
    own_label = {t.subject.value for t in triples if t.predicate == _LABEL and isinstance(t.subject, ox.NamedNode)
                 and t.subject.value not in mapping}
    out: dict[ox.Triple, None] = {}
    for t in triples:
        s = t.subject.value if isinstance(t.subject, ox.NamedNode) else None
        o = t.object.value if isinstance(t.object, ox.NamedNode) else None
        if s in mapping and t.predicate == _LABEL:
            out[ox.Triple(ox.NamedNode(mapping[s]), _ALT, t.object)] = None
            continue
        out[ox.Triple(ox.NamedNode(mapping[s]) if s in mapping else t.subject, t.predicate,
                      ox.NamedNode(mapping[o]) if o in mapping else t.object)] = None
    for b in sorted({mapping[s] for s in {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
                     if s in mapping}):
        if b not in own_label and labels.get(b) is not None:
            out[ox.Triple(ox.NamedNode(b), _LABEL, labels[b])] = None
            out.pop(ox.Triple(ox.NamedNode(b), _ALT, labels[b]), None)
    return list(out)


def _parse(data: bytes) -> list[ox.Triple]:
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


def _nt(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""


def _article_graphs_naming(store: Any, iri: str) -> list[str]:
    return sorted({r[0].value for r in store.query(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} }} "
        f"FILTER(STRSTARTS(STR(?g), \"{ARTICLE}\")) }}")})


def _graph_triples(store: Any, graph: str) -> list[ox.Triple]:
    return [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)]


def _decisions(triples: list[ox.Triple]) -> dict[str, str]:
    direct = {t.subject.value: t.object.value for t in triples if t.predicate == _SAME}
    out = {}
    for a in direct:
        b, seen = a, {a}
        while b in direct and direct[b] not in seen:
            b = direct[b]
            seen.add(b)
        out[a] = b
    return out


def _as_extracted(triples: list[ox.Triple]) -> dict[str, bytes]:
    return {t.subject.value: t.object.value.encode("utf-8") for t in triples if t.predicate == _EXTRACTED}


def _names(triples: list[ox.Triple]) -> set[str]:
    return {x.value for t in triples for x in (t.subject, t.object) if isinstance(x, ox.NamedNode)}


def _rebuild(store: Any, curation: list[ox.Triple], graphs: Iterable[str]) -> dict[str, bytes]:
    """The article graphs ``graphs`` made again from their extracted triples under the decisions of
    ``curation`` (whose ``kg:asExtracted`` literals are updated in place), and the curation graph."""
    mapping = _decisions(curation)
    kept = {g: data for g, data in _as_extracted(curation).items()}
    new: dict[str, bytes] = {}
    for g in graphs:
        base = _parse(kept[g]) if g in kept else _graph_triples(store, g)
        touched = sorted(_names(base) & set(mapping))
        labels = {mapping[a]: _label_of(store, mapping[a]) for a in touched}
        new[g] = _nt(_rewrite(base, mapping, labels) if touched else base)
        if touched:
            kept[g] = _nt(base)
        else:
            kept.pop(g, None)
    decisions = [t for t in curation if t.predicate != _EXTRACTED]
    extracted = [ox.Triple(ox.NamedNode(g), _EXTRACTED, ox.Literal(data.decode("utf-8"))) for g, data in sorted(kept.items())]
    new[CURATION_GRAPH] = _nt(decisions + extracted)
    return new


def merge(store: Any, a: str, b: str) -> Curated:
    """Record that A is B and rewrite the article graphs naming A (one transaction)."""
    a, b = entity_iri(store, a), entity_iri(store, b)
    if a == b:
        raise InputError("kg merge needs two different entities")
    ta, tb = _types(store, a), _types(store, b)
    if ta and tb and not ta & tb:
        raise InputError(f"{_short(a)} and {_short(b)} are not of one kind; kg merge joins two entities of one kind")
    current = _curation(store)
    if _decisions(current).get(b) == a:
        raise InputError(f"{_short(b)} is already merged into {_short(a)}; kg split {_short(b)} {_short(a)} first")
    A, B = ox.NamedNode(a), ox.NamedNode(b)
    kept = [t for t in current if not ({t.subject, t.object} == {A, B} and t.predicate == _DIFFERENT)
            and not (t.subject == A and t.predicate == _SAME)]
    kept.append(ox.Triple(A, _SAME, B))
    graphs = _article_graphs_naming(store, a)
    drop = _inferred(store, graphs)
    store.replace_graphs(_rebuild(store, kept, graphs), drop=drop)
    return Curated("merged", a, b, len(graphs), bool(drop))


def split(store: Any, a: str, b: str) -> Curated:
    """Record that A is not B; undo a merge of A into B (or of B into A) in the article graphs."""
    a, b = entity_iri(store, a), entity_iri(store, b)
    if a == b:
        raise InputError("kg split needs two different entities")
    A, B = ox.NamedNode(a), ox.NamedNode(b)
    current = _curation(store)
    before = _decisions(current)
    kept = [t for t in current if not ({t.subject, t.object} == {A, B} and t.predicate in (_SAME, _DIFFERENT))]
    kept.append(ox.Triple(A, _DIFFERENT, B))
    after = _decisions(kept)
    undone = {x for x in before if before[x] != after.get(x)}
    graphs = sorted(g for g, data in _as_extracted(current).items() if _names(_parse(data)) & undone)
    drop = _inferred(store, graphs)
    store.replace_graphs(_rebuild(store, kept, graphs), drop=drop)
    return Curated("split", a, b, len(graphs), bool(drop))


def _inferred(store: Any, graphs: list[str]) -> list[str]:
    """The inferred graph, when facts it may rest on are rewritten (as kg remove drops it)."""
    return [INFERRED] if graphs and store.has_graph(INFERRED) else []


def apply_curation(store: Any, graphs: dict[str, bytes]) -> dict[str, bytes]:
    """An article's graphs (graph IRI -> N-Triples) with the curated merges applied, before they are
    written: what ``kg merge`` did to the graphs already in the store, done to a new one (its
    triples as extracted are kept in the curation graph, for a later split)."""
    current = _curation(store)
    mapping = _decisions(current)
    extracted = _as_extracted(current)
    articles = [g for g in graphs if g.startswith(ARTICLE)]
    if not mapping and not any(g in extracted for g in articles):
        return graphs
    out = dict(graphs)
    kept = [t for t in current if not (t.predicate == _EXTRACTED and t.subject.value in articles)]
    changed = False
    for g in articles:
        base = _parse(graphs[g]) if graphs[g] else []
        touched = sorted(_names(base) & set(mapping))
        if touched:
            labels = {mapping[a]: _label_of(store, mapping[a]) for a in touched}
            out[g] = _nt(_rewrite(base, mapping, labels))
            kept.append(ox.Triple(ox.NamedNode(g), _EXTRACTED, ox.Literal(graphs[g].decode("utf-8"))))
        changed = changed or bool(touched) or g in extracted
    if changed:
        out[CURATION_GRAPH] = _nt(kept)
    return out


def forget(store: Any, graph: str) -> dict[str, bytes]:
    """The curation graph without what it kept of an article graph that is being removed ({} if nothing)."""
    current = _curation(store)
    if graph not in _as_extracted(current):
        return {}
    return {CURATION_GRAPH: _nt([t for t in current if not (t.predicate == _EXTRACTED and t.subject.value == graph)])}
