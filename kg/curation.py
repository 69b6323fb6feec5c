"""Curated identity decisions: ``kg merge A B`` and ``kg split A B`` (issue 18).

A decision is a triple of the curation graph (``https://w3id.org/kg/graph/curation``): ``A
owl:sameAs B`` (A is B; B's IRI is kept) or ``A owl:differentFrom B``. Ingest never writes that
graph, so decisions survive re-ingesting the articles, and ``kg export`` writes it like any graph.

A merge is applied where the facts are: every article graph that names A is rewritten with B in
A's place (A's label becomes one of B's ``skos:altLabel``; the graph keeps ``B owl:sameAs A`` and
A's label, which is what a split needs to undo it), and each article ingested later is rewritten
the same way before it is written, so every question, the web page and exports see one entity.
Each command is one transaction (the curation graph and the rewritten article graphs together).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .errors import InputError
from .prefixes import ARTICLE, GRAPH, ID, OWL, RDF, RDFS, SKOS
from .store import engine_io as ox

CURATION_GRAPH = GRAPH + "curation"
_SAME = ox.NamedNode(OWL + "sameAs")
_DIFFERENT = ox.NamedNode(OWL + "differentFrom")
_LABEL = ox.NamedNode(RDFS + "label")
_ALT = ox.NamedNode(SKOS + "altLabel")
_TYPE = ox.NamedNode(RDF + "type")

__all__ = ["CURATION_GRAPH", "Curated", "merge", "split", "curated_map", "apply_curation"]


@dataclass(frozen=True)
class Curated:
    """What ``kg merge``/``kg split`` did: the decision and the article graphs it rewrote."""

    action: str          # "merged" or "split"
    source: str          # A
    target: str          # B
    graphs: int          # article graphs rewritten

    def summary(self) -> str:
        a, b = _short(self.source), _short(self.target)
        if self.action == "merged":
            return f"merged {a} into {b} (owl:sameAs in the curation graph); {self.graphs} article graphs rewritten"
        return f"split {a} from {b} (owl:differentFrom in the curation graph); {self.graphs} article graphs rewritten"


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
    direct = {t.subject.value: t.object.value for t in _curation(store) if t.predicate == _SAME}
    out = {}
    for a in direct:
        b, seen = a, {a}
        while b in direct and direct[b] not in seen:
            b = direct[b]
            seen.add(b)
        out[a] = b
    return out


def _label_of(store: Any, iri: str) -> ox.Literal | None:
    rows = list(store.query(f"SELECT (MIN(?l) AS ?label) WHERE {{ GRAPH ?g {{ <{iri}> <{RDFS}label> ?l }} "
                            f"FILTER(?g != <{CURATION_GRAPH}>) }}"))
    return rows[0][0] if rows and rows[0][0] is not None else None


def _rewrite(triples: Iterable[ox.Triple], a: str, b: str, b_label: ox.Literal | None) -> list[ox.Triple]:
    """The triples of one article graph with B in A's place (A's label kept on A, and as B's altLabel)."""
    A, B = ox.NamedNode(a), ox.NamedNode(b)
    out: dict[ox.Triple, None] = {}
    has_b_label = False
    for t in triples:
        if t.subject == A and t.predicate == _LABEL:
            out[t] = None
            out[ox.Triple(B, _ALT, t.object)] = None
            continue
        s = B if t.subject == A else t.subject
        o = B if t.object == A else t.object
        if s == B and t.predicate == _LABEL:
            has_b_label = True
        out[ox.Triple(s, t.predicate, o)] = None
    if not has_b_label and b_label is not None:
        out[ox.Triple(B, _LABEL, b_label)] = None
        out.pop(ox.Triple(B, _ALT, b_label), None)
    out[ox.Triple(B, _SAME, A)] = None
    return list(out)


def _unrewrite(triples: Iterable[ox.Triple], a: str, b: str) -> list[ox.Triple]:
    """Undo :func:`_rewrite` in one article graph: A's triples back under A."""
    A, B = ox.NamedNode(a), ox.NamedNode(b)
    triples = list(triples)
    a_labels = {t.object for t in triples if t.subject == A and t.predicate == _LABEL}
    out: dict[ox.Triple, None] = {}
    for t in triples:
        if t.subject == B and t.predicate == _SAME and t.object == A:
            continue
        if t.subject == B and t.predicate == _ALT and t.object in a_labels:
            continue
        if t.subject == B and t.predicate == _LABEL:
            continue   # B's label, added by the merge (A's own is kept on A)
        s = A if t.subject == B else t.subject
        o = A if t.object == B else t.object
        out[ox.Triple(s, t.predicate, o)] = None
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


def merge(store: Any, a: str, b: str) -> Curated:
    """Record that A is B and rewrite the article graphs naming A (one transaction)."""
    a, b = entity_iri(store, a), entity_iri(store, b)
    if a == b:
        raise InputError("kg merge needs two different entities")
    ta, tb = _types(store, a), _types(store, b)
    if ta and tb and not ta & tb:
        raise InputError(f"{_short(a)} and {_short(b)} are not of one kind; kg merge joins two entities of one kind")
    current = _curation(store)
    if curated_map(store).get(b) == a:
        raise InputError(f"{_short(b)} is already merged into {_short(a)}; kg split {_short(b)} {_short(a)} first")
    A, B = ox.NamedNode(a), ox.NamedNode(b)
    kept = [t for t in current if not ({t.subject, t.object} == {A, B} and t.predicate == _DIFFERENT)
            and not (t.subject == A and t.predicate == _SAME)]
    kept.append(ox.Triple(A, _SAME, B))
    label = _label_of(store, b)
    new = {g: _nt(_rewrite(_graph_triples(store, g), a, b, label)) for g in _article_graphs_naming(store, a)}
    new[CURATION_GRAPH] = _nt(kept)
    store.replace_graphs(new)
    return Curated("merged", a, b, len(new) - 1)


def split(store: Any, a: str, b: str) -> Curated:
    """Record that A is not B; undo a merge of A into B (or of B into A) in the article graphs."""
    a, b = entity_iri(store, a), entity_iri(store, b)
    if a == b:
        raise InputError("kg split needs two different entities")
    A, B = ox.NamedNode(a), ox.NamedNode(b)
    current = _curation(store)
    merged_into = {(t.subject.value, t.object.value) for t in current if t.predicate == _SAME}
    kept = [t for t in current if not ({t.subject, t.object} == {A, B})]
    kept.append(ox.Triple(A, _DIFFERENT, B))
    new: dict[str, bytes] = {}
    for src, dst in ((a, b), (b, a)):
        if (src, dst) not in merged_into:
            continue
        for g in _article_graphs_naming(store, dst):
            triples = new.get(g)
            ts = _graph_triples(store, g) if triples is None else _parse(triples)
            if ox.Triple(ox.NamedNode(dst), _SAME, ox.NamedNode(src)) in ts:
                new[g] = _nt(_unrewrite(ts, src, dst))
    graphs = len(new)
    new[CURATION_GRAPH] = _nt(kept)
    store.replace_graphs(new)
    return Curated("split", a, b, graphs)


def apply_curation(store: Any, graphs: dict[str, bytes]) -> dict[str, bytes]:
    """An article's graphs (graph IRI -> N-Triples) with the curated merges applied, before they are
    written: what ``kg merge`` did to the graphs already in the store, done to a new one."""
    mapping = curated_map(store)
    if not mapping:
        return graphs
    out = dict(graphs)
    for g, data in graphs.items():
        if not g.startswith(ARTICLE) or not data:
            continue
        triples = _parse(data)
        named = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)} | \
            {t.object.value for t in triples if isinstance(t.object, ox.NamedNode)}
        changed = False
        for a in sorted(named & set(mapping)):
            triples = _rewrite(triples, a, mapping[a], _label_of(store, mapping[a]))
            changed = True
        if changed:
            out[g] = _nt(triples)
    return out
