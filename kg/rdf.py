"""An :class:`Extraction` -> the article's named graph and its quarantine graph.

IRIs are minted here only. Each asserted fact ``s p o`` gets a statement node
in the same graph that records the sentence it was read from (see
docs/DESIGN.md, "Provenance"). Before anything is written, the article's graph
is checked against the SHACL shapes; triples that fail are moved to the
quarantine graph as ``kg:QuarantinedFact`` nodes together with the reason, so
they never show up as facts in queries, and nothing is lost.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from dataclasses import dataclass

from .store import engine_io as ox  # the engine, through kg/store.py
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .kinds import DATE_PROPERTIES, EVENTS
from .model import Extraction, Fact, PartialDate, Ref
from .namespace import ARTICLE, ID, KG, QUARANTINE, WD

_DATE_PREDICATES = DATE_PROPERTIES
_STATUS = {"planned": KG.planned, "expected": KG.expected}
_TYPES = {**{name: KG[name] for name in EVENTS}, "Event": KG.Event}   # a plan's kg:plannedType


@dataclass(frozen=True)
class Built:
    """Graphs ready to be written (graph IRI -> N-Triples) and the ingest report."""

    graphs: dict[str, bytes]
    report: object
    entities: tuple[str, ...] = ()   # IRIs of the entities the article names
    checked: bool = True             # False: the shapes are still to be checked (check_built)


def article_key(text: str, url: str | None) -> str:
    """The article's hash: of its URL when it has one, else of its whitespace-normalized text."""
    basis = url.strip() if url else re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def entity_iri(key: str) -> URIRef:
    return ID[key]


# The article's triples are built as pyoxigraph terms and written as N-Triples by the
# engine (an rdflib Graph is only made when the shapes fail and the quarantine needs it):
# about 4x cheaper per article than building and serializing an rdflib Graph.
_N = functools.lru_cache(maxsize=4096)(ox.NamedNode)
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_LABEL = ox.NamedNode(str(RDFS.label))
_ALT = ox.NamedNode(str(SKOS.altLabel))
_SAME = ox.NamedNode(str(OWL.sameAs))
_STATEMENT = ox.NamedNode(str(RDF.Statement))
_SUBJ, _PRED, _OBJ = (ox.NamedNode(str(x)) for x in (RDF.subject, RDF.predicate, RDF.object))
_DERIVED = ox.NamedNode(str(PROV.wasDerivedFrom))


def _date(d: PartialDate) -> ox.Literal:
    return ox.Literal(d.isoformat(), datatype=_N(str(XSD[d.xsd_type])))


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def _obj(fact: Fact) -> ox.NamedNode | ox.Literal:
    o = fact.obj
    if isinstance(o, Ref):
        return _N(str(entity_iri(o.key)))
    if isinstance(o, PartialDate):
        return _date(o)
    if fact.predicate == "plannedType":
        return _N(str(_TYPES.get(o, KG.Event)))
    if fact.predicate == "status":
        return _N(str(_STATUS.get(o, KG.expected)))
    if isinstance(o, bool) or not isinstance(o, (str, int, float)):
        return ox.Literal(str(o))
    return ox.Literal(o)


def build_triples(ex: Extraction, article: str, *, url: str | None, source: str | None,
                  content_hash: str, fingerprint: str | None = None) -> list[ox.Triple]:
    """The article's graph as triples: the article node, the entities it names, facts and
    evidence (no duplicates, in a deterministic order)."""
    out: dict[ox.Triple, None] = {}

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        out[ox.Triple(s, p, o)] = None

    art = _N(article)
    add(art, _RDF_TYPE, _N(str(KG.Article)))
    title = ex.title or (source.rsplit("/", 1)[-1] if source else None) or f"Article {content_hash[:8]}"
    add(art, _LABEL, _en(title))
    if ex.title:
        add(art, _N(str(DCTERMS.title)), ox.Literal(ex.title))
    if ex.date.date is not None:
        add(art, _N(str(DCTERMS.date)), _date(ex.date.date))
    add(art, _N(str(KG.dateSource)), ox.Literal(ex.date.source))
    if url:
        add(art, _N(str(DCTERMS.source)), _N(url))
    elif source:
        add(art, _N(str(DCTERMS.source)), ox.Literal(source))
    add(art, _N(str(KG.contentHash)), ox.Literal(content_hash))
    if fingerprint:
        add(art, _N(str(KG.extractedWith)), ox.Literal(fingerprint))   # kg/fingerprint.py
    for ent in ex.entities.values():
        iri = _N(str(entity_iri(ent.key)))
        cls = KG.PlannedEvent if ent.kind == "PlannedEvent" else KG[ent.kind]
        add(iri, _RDF_TYPE, _N(str(cls)))
        add(iri, _LABEL, _en(ent.label))
        for alt in sorted(ent.alt_labels):
            add(iri, _ALT, _en(alt))
        if ent.wikidata:
            add(iri, _SAME, _N(str(WD[ent.wikidata])))
    sentence_p, section_p = _N(str(KG.sentence)), _N(str(KG.section))
    for fact in ex.facts:
        s, p, o = _N(str(entity_iri(fact.subject))), _N(str(KG[fact.predicate])), _obj(fact)
        add(s, p, o)
        if not fact.evidence.sentence:
            continue  # facts from reference data (a place's state) carry no sentence
        digest = hashlib.sha256(f"{s.value} {p.value} {o} {fact.evidence.sentence}".encode()).hexdigest()[:16]
        st = _N(f"{article}#f-{digest}")
        add(st, _RDF_TYPE, _STATEMENT)
        add(st, _SUBJ, s)
        add(st, _PRED, p)
        add(st, _OBJ, o)
        add(st, _DERIVED, art)
        add(st, sentence_p, ox.Literal(fact.evidence.sentence))
        add(st, section_p, ox.Literal(fact.evidence.section))
    for role in ex.roles:
        _add_role(add, role, ex, art, article)
    return list(out)


def role_key(person: str, state: str, title: str | None, leader: bool) -> str:
    """The key of a qualified role: one per person, state and title (``role/<person>--<state>--<title>``).

    >>> role_key("person/vladimir-putin", "state/russia", "Prime Minister", True)
    'role/vladimir-putin--russia--prime-minister'
    >>> role_key("person/a-b", "state/peru", None, False)
    'role/a-b--peru--official'
    """
    from .reference import slugify

    what = slugify(title) if title else ("leader" if leader else "official")
    return f"role/{person.split('/', 1)[1]}--{state.split('/', 1)[1]}--{what}"


def _add_role(add, role, ex: Extraction, art: ox.NamedNode, article: str) -> None:  # type: ignore[no-untyped-def]
    """A role (shared by the articles that attest it) and this article's attestation of it:
    the sentence, and when the sentence places it (ontology/kg.ttl, kg:Role)."""
    from .caps import short_key

    person = role.person if role.person in ex.entities else short_key(role.person)
    state = role.state if role.state in ex.entities else short_key(role.state)
    if person not in ex.entities or state not in ex.entities:
        return   # an entity the caps left out
    r = _N(str(entity_iri(role_key(person, state, role.title, role.leader))))
    add(r, _RDF_TYPE, _N(str(KG.Role)))
    if role.leader:
        add(r, _RDF_TYPE, _N(str(KG.LeaderRole)))
    add(r, _N(str(KG.holder)), _N(str(entity_iri(person))))
    add(r, _N(str(KG.roleOf)), _N(str(entity_iri(state))))
    if role.title:
        add(r, _N(str(KG.roleTitle)), ox.Literal(role.title))
    basis = f"{r.value} {role.evidence.sentence} {role.held} {role.start} {role.end} {role.cue}"
    at = _N(f"{article}#r-" + hashlib.sha256(basis.encode()).hexdigest()[:16])
    add(at, _RDF_TYPE, _N(str(KG.RoleAttestation)))
    add(at, _N(str(KG.role)), r)
    add(at, _DERIVED, art)
    add(at, _N(str(KG.sentence)), ox.Literal(role.evidence.sentence))
    add(at, _N(str(KG.section)), ox.Literal(role.evidence.section))
    if ex.date.date is not None:
        add(at, _N(str(KG.attestedOn if role.held == "on" else KG.heldBefore)), _date(ex.date.date))
    if role.start is not None:
        add(at, _N(str(KG.startTime)), _date(role.start))
    if role.end is not None:
        add(at, _N(str(KG.endTime)), _date(role.end))
    if role.cue:
        add(at, _N(str(KG.tenureCue)), ox.Literal(role.cue))


def build_graph(ex: Extraction, article: URIRef, *, url: str | None, source: str | None,
                content_hash: str) -> Graph:
    """The article's graph (:func:`build_triples`) as an rdflib Graph."""
    nt = ox.serialize(build_triples(ex, str(article), url=url, source=source, content_hash=content_hash),
                      format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=nt, format="nt")


def quarantine(g: Graph, article: URIRef, qgraph: Graph, max_rounds: int = 3) -> list[str]:
    """Move triples that fail the shapes from ``g`` to ``qgraph``; returns the reasons."""
    from .validate import failing_triples, validate, validate_quickly

    reasons: list[str] = []
    for round_ in range(max_rounds):
        report = validate_quickly(g)
        if report is None:
            report = validate(g)
        if report.conforms:
            break
        report = dataclasses.replace(report, violations=tuple(
            v for v in report.violations if v.severity == "Violation"))
        bad = failing_triples(report, g)
        if round_ == max_rounds - 1 or not bad:
            # last resort: take out every triple about a failing focus node
            for v in report.violations:
                bad |= set(g.triples((URIRef(v.focus), None, None)))
        for v in report.violations:
            if v.severity == "Violation":
                reasons.append(f"{v.focus_label or v.focus}: {v.message}")
        for t in bad:
            _move(g, qgraph, t, article, report)
    return reasons


def _move(g: Graph, q: Graph, triple: tuple, article: URIRef, report: object) -> None:
    s, p, o = triple
    g.remove(triple)
    node = URIRef(f"{article}#q-" + hashlib.sha256(f"{s} {p} {o.n3()}".encode()).hexdigest()[:16])
    q.add((node, RDF.type, KG.QuarantinedFact))
    q.add((node, RDF.subject, s))
    q.add((node, RDF.predicate, p))
    q.add((node, RDF.object, o))
    q.add((node, KG.quarantinedFrom, article))
    for v in report.violations:  # type: ignore[attr-defined]
        if v.focus == str(s) and (v.path is None or str(p).endswith(v.path.split(":")[-1])):
            q.add((node, KG.reason, Literal(v.message)))
    # carry the evidence along, and drop the statement node from the article's graph
    for st in list(g.subjects(RDF.subject, s)):
        if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g:
            for sent in g.objects(st, KG.sentence):
                q.add((node, KG.sentence, sent))
            for t in list(g.triples((st, None, None))):
                g.remove(t)


def article_graphs(ex: Extraction, *, url: str | None, source: str | None, check: bool = True,
                   fingerprint: str | None = None) -> Built:
    """Build and serialize one article's graphs, and check them against the shapes
    (:func:`check_built`) unless ``check`` is False; ``fingerprint``: what it was made
    from (:mod:`kg.fingerprint`), recorded as ``kg:extractedWith``."""
    from .api import IngestReport
    from .caps import cap

    ex = cap(ex)   # members per event, key and label lengths (notes say what was cut)
    key = article_key(ex.text, url)
    article = ARTICLE[key]
    content_hash = hashlib.sha256(ex.text.encode("utf-8")).hexdigest()
    triples = build_triples(ex, str(article), url=url, source=source, content_hash=content_hash,
                            fingerprint=fingerprint)
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    linked = sum(1 for e in ex.entities.values() if e.wikidata)
    report = IngestReport(
        article=str(article), source=url or source, title=ex.title,
        date=ex.date.date.isoformat() if ex.date.date else None, date_source=ex.date.source,
        facts=sum(1 for t in triples if t.predicate == _RDF_TYPE and t.object == _STATEMENT),
        quarantined=0, entities_new=len(ex.entities) - linked, entities_linked=linked,
        notes=tuple(ex.notes), reasons=(),
    )
    built = Built({str(article): nt, str(QUARANTINE[key]): b""}, report,
                  tuple(str(entity_iri(k)) for k in ex.entities), checked=False)
    return check_built(built) if check else built


def check_built(built: Built) -> Built:
    """``built`` with its article's graph checked against the shapes: what fails is moved to
    the quarantine graph, with the reasons in the report.

    The fast engine decides first (:func:`kg.validate.conforms_quickly`); the usual case,
    a graph that conforms, needs no rdflib Graph and no pySHACL.
    """
    from .validate import conforms_quickly

    if built.checked:
        return built
    (article, nt), (qname, _) = built.graphs.items()
    if conforms_quickly(nt):
        return dataclasses.replace(built, checked=True)
    g = Graph().parse(data=nt, format="nt")
    q = Graph()
    reasons = quarantine(g, URIRef(article), q)
    report = dataclasses.replace(
        built.report,  # type: ignore[type-var]
        facts=sum(1 for _ in g.subjects(RDF.type, RDF.Statement)),
        quarantined=sum(1 for _ in q.subjects(RDF.type, KG.QuarantinedFact)),
        reasons=tuple(dict.fromkeys(reasons)))
    graphs = {article: g.serialize(format="nt", encoding="utf-8"),
              qname: q.serialize(format="nt", encoding="utf-8")}
    return Built(graphs, report, built.entities, checked=True)


__all__ = ["article_graphs", "article_key", "check_built", "build_graph", "build_triples", "entity_iri", "quarantine",
           "role_key"]

