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
import hashlib
import re
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .model import Extraction, Fact, PartialDate, Ref
from .namespace import ARTICLE, ID, KG, QUARANTINE, WD

_DATE_PREDICATES = {"signedOn", "startDate", "endDate"}
_STATUS = {"planned": KG.planned, "expected": KG.expected}
_TYPES = {"Visit": KG.Visit, "Summit": KG.Summit, "Treaty": KG.Treaty, "Event": KG.Event}


@dataclass(frozen=True)
class Built:
    """Graphs ready to be written (graph IRI -> N-Triples) and the ingest report."""

    graphs: dict[str, bytes]
    report: object
    entities: tuple[str, ...] = ()   # IRIs of the entities the article names


def article_key(text: str, url: str | None) -> str:
    """The article's hash: of its URL when it has one, else of its whitespace-normalized text."""
    basis = url.strip() if url else re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def date_literal(d: PartialDate) -> Literal:
    return Literal(d.isoformat(), datatype=XSD[d.xsd_type])


def entity_iri(key: str) -> URIRef:
    return ID[key]


def _obj(fact: Fact) -> URIRef | Literal:
    o = fact.obj
    if isinstance(o, Ref):
        return entity_iri(o.key)
    if isinstance(o, PartialDate):
        return date_literal(o)
    if fact.predicate == "plannedType":
        return _TYPES.get(o, KG.Event)
    if fact.predicate == "status":
        return _STATUS.get(o, KG.expected)
    return Literal(o)


def build_graph(ex: Extraction, article: URIRef, *, url: str | None, source: str | None,
                content_hash: str) -> Graph:
    """The article's graph: the article node, the entities it names, facts and evidence."""
    g = Graph()
    g.add((article, RDF.type, KG.Article))
    title = ex.title or (source.rsplit("/", 1)[-1] if source else None) or f"Article {content_hash[:8]}"
    g.add((article, RDFS.label, Literal(title, lang="en")))
    if ex.title:
        g.add((article, DCTERMS.title, Literal(ex.title)))
    if ex.date.date is not None:
        g.add((article, DCTERMS.date, date_literal(ex.date.date)))
    g.add((article, KG.dateSource, Literal(ex.date.source)))
    if url:
        g.add((article, DCTERMS.source, URIRef(url)))
    elif source:
        g.add((article, DCTERMS.source, Literal(source)))
    g.add((article, KG.contentHash, Literal(content_hash)))
    for ent in ex.entities.values():
        iri = entity_iri(ent.key)
        cls = KG.PlannedEvent if ent.kind == "PlannedEvent" else KG[ent.kind]
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(ent.label, lang="en")))
        for alt in sorted(ent.alt_labels):
            g.add((iri, SKOS.altLabel, Literal(alt, lang="en")))
        if ent.wikidata:
            g.add((iri, OWL.sameAs, WD[ent.wikidata]))
    for fact in ex.facts:
        s, p, o = entity_iri(fact.subject), KG[fact.predicate], _obj(fact)
        g.add((s, p, o))
        if not fact.evidence.sentence:
            continue  # facts from reference data (a place's state) carry no sentence
        digest = hashlib.sha256(f"{s} {p} {o.n3()} {fact.evidence.sentence}".encode()).hexdigest()[:16]
        st = URIRef(f"{article}#f-{digest}")
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, PROV.wasDerivedFrom, article))
        g.add((st, KG.sentence, Literal(fact.evidence.sentence)))
        g.add((st, KG.section, Literal(fact.evidence.section)))
    return g


def quarantine(g: Graph, article: URIRef, qgraph: Graph, max_rounds: int = 3) -> list[str]:
    """Move triples that fail the shapes from ``g`` to ``qgraph``; returns the reasons."""
    from .validate import failing_triples, validate

    reasons: list[str] = []
    for round_ in range(max_rounds):
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


def article_graphs(ex: Extraction, *, url: str | None, source: str | None) -> Built:
    """Build, validate and serialize one article's graphs."""
    from .api import IngestReport

    key = article_key(ex.text, url)
    article = ARTICLE[key]
    content_hash = hashlib.sha256(ex.text.encode("utf-8")).hexdigest()
    g = build_graph(ex, article, url=url, source=source, content_hash=content_hash)
    q = Graph()
    reasons = quarantine(g, article, q)
    facts = sum(1 for _ in g.subjects(RDF.type, RDF.Statement))
    quarantined = sum(1 for _ in q.subjects(RDF.type, KG.QuarantinedFact))
    linked = sum(1 for e in ex.entities.values() if e.wikidata)
    report = IngestReport(
        article=str(article), source=url or source, title=ex.title,
        date=ex.date.date.isoformat() if ex.date.date else None, date_source=ex.date.source,
        facts=facts, quarantined=quarantined,
        entities_new=len(ex.entities) - linked, entities_linked=linked,
        notes=tuple(ex.notes), reasons=tuple(dict.fromkeys(reasons)),
    )
    graphs = {str(article): g.serialize(format="nt", encoding="utf-8"),
              str(QUARANTINE[key]): q.serialize(format="nt", encoding="utf-8")}
    return Built(graphs, report, tuple(str(entity_iri(k)) for k in ex.entities))


__all__ = ["article_graphs", "article_key", "build_graph", "date_literal", "entity_iri", "quarantine"]

_ = BNode
