"""ontology/kg.ttl: parses, defines exactly the terms of kg.namespace.KG, carries the axioms the
contract relies on, loads in owlready2 and is consistent for HermiT."""

from __future__ import annotations

import importlib.resources
import itertools
import shutil
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
import rdflib.namespace as rns
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespace import KG, WD

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_FILE = ROOT / "ontology" / "kg.ttl"
ONTOLOGY_IRI = URIRef("https://w3id.org/kg/ontology")
NS = str(KG._NS)
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

TOP_CLASSES = [KG.State, KG.Person, KG.Treaty, KG.Event, KG.Place, KG.Article]
HAVE_JAVA = shutil.which("java") is not None


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def kg_terms() -> set[URIRef]:
    return {KG._NS[name] for name in KG.__annotations__ if not name.startswith("_")}


def declared_kg_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(NS)}


def members(g: Graph, node) -> list:
    return list(Collection(g, node))


def union_members(g: Graph, node) -> set:
    if isinstance(node, URIRef):
        return {node}
    lst = g.value(node, OWL.unionOf)
    assert lst is not None, f"{node} is neither a named class nor a union"
    return set(members(g, lst))


# ------------------------------------------------------------------------------------ parsing


def test_ontology_parses_with_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, RDFS.comment) is not None
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


def test_ontology_package_resource_is_the_same_file(onto):
    ref = importlib.resources.files("kg.resources").joinpath("ontology.ttl")
    packaged = Graph().parse(data=ref.read_text(encoding="utf-8"), format="turtle")
    assert len(packaged) == len(onto)


# ------------------------------------------------------------------------------------ term list


def test_ontology_declares_every_namespace_term(onto):
    missing = kg_terms() - declared_kg_terms(onto)
    assert not missing, f"in kg.namespace.KG but not declared in ontology/kg.ttl: {sorted(missing)}"


def test_ontology_declares_no_term_outside_namespace(onto):
    extra = declared_kg_terms(onto) - kg_terms()
    assert not extra, f"declared in ontology/kg.ttl but missing from kg.namespace.KG: {sorted(extra)}"


def test_ontology_uses_no_undeclared_kg_term(onto):
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= kg_terms()


@pytest.mark.parametrize("term", sorted(kg_terms()), ids=lambda t: t.split("#")[-1])
def test_ontology_term_has_english_label_and_comment(onto, term):
    labels = list(onto.objects(term, RDFS.label))
    comments = list(onto.objects(term, RDFS.comment))
    assert any(isinstance(x, Literal) and x.language == "en" for x in labels), term
    assert any(isinstance(x, Literal) and len(str(x)) > 10 for x in comments), term


@pytest.mark.parametrize("term,kind", [
    *((c, OWL.Class) for c in (KG.State, KG.Person, KG.Treaty, KG.Summit, KG.Visit, KG.Place,
                              KG.Article, KG.Event, KG.PlannedEvent, KG.QuarantinedFact, KG.Status)),
    *((p, OWL.ObjectProperty) for p in (KG.party, KG.signatory, KG.signedAt, KG.replaces, KG.replacedBy,
                                       KG.supersedes, KG.participant, KG.location, KG.visitor,
                                       KG.destination, KG.locatedIn, KG.leaderOf, KG.officialOf,
                                       KG.status, KG.plannedType, KG.involves, KG.quarantinedFrom)),
    *((p, OWL.DatatypeProperty) for p in (KG.signedOn, KG.startDate, KG.endDate, KG.title, KG.sentence,
                                         KG.section, KG.contentHash, KG.dateSource, KG.reason,
                                         KG.demonym, KG.isoCode, KG.confidence)),
    (KG.planned, KG.Status), (KG.expected, KG.Status),
], ids=lambda x: str(x).split("#")[-1])
def test_ontology_term_has_expected_type(onto, term, kind):
    assert (term, RDF.type, kind) in onto


# ------------------------------------------------------------------------------------ domains and ranges


@pytest.mark.parametrize("prop,domain,range_", [
    (KG.party, {KG.Treaty}, {KG.State}),
    (KG.signatory, {KG.Treaty}, {KG.Person}),
    (KG.signedAt, {KG.Treaty}, {KG.Place}),
    (KG.replaces, {KG.Treaty}, {KG.Treaty}),
    (KG.replacedBy, {KG.Treaty}, {KG.Treaty}),
    (KG.supersedes, {KG.Treaty}, {KG.Treaty}),
    (KG.participant, {KG.Summit}, {KG.Person, KG.State}),
    (KG.location, {KG.Summit, KG.PlannedEvent}, {KG.Place}),
    (KG.visitor, {KG.Visit}, {KG.Person}),
    (KG.destination, {KG.Visit, KG.PlannedEvent}, {KG.State, KG.Place}),
    (KG.locatedIn, {KG.Place}, {KG.State}),
    (KG.leaderOf, {KG.Person}, {KG.State}),
    (KG.officialOf, {KG.Person}, {KG.State}),
    (KG.involves, {KG.PlannedEvent}, {KG.Person, KG.State}),
    (KG.status, {KG.PlannedEvent}, {KG.Status}),
    (KG.quarantinedFrom, {KG.QuarantinedFact}, {KG.Article}),
    (KG.signedOn, {KG.Treaty}, {RDFS.Literal}),
    (KG.startDate, {KG.Event, KG.PlannedEvent}, {RDFS.Literal}),
    (KG.endDate, {KG.Event, KG.PlannedEvent}, {RDFS.Literal}),
    (KG.title, {KG.Person}, {RDFS.Literal}),
    (KG.demonym, {KG.State}, {RDFS.Literal}),
    (KG.isoCode, {KG.State}, {rns.XSD.string}),
    (KG.reason, {KG.QuarantinedFact}, {rns.XSD.string}),
    (KG.contentHash, {KG.Article}, {rns.XSD.string}),
], ids=lambda x: str(x).split("#")[-1] if isinstance(x, URIRef) else None)
def test_ontology_property_domain_and_range(onto, prop, domain, range_):
    domains = list(onto.objects(prop, RDFS.domain))
    ranges = list(onto.objects(prop, RDFS.range))
    assert len(domains) == 1 and len(ranges) == 1, prop
    assert union_members(onto, domains[0]) == domain
    assert union_members(onto, ranges[0]) == range_


@pytest.mark.parametrize("prop", [KG.signedOn, KG.startDate, KG.endDate])
def test_ontology_date_ranges_left_to_shacl(onto, prop):
    comment = str(onto.value(prop, RDFS.comment))
    assert "SHACL" in comment and "gYearMonth" in comment and "gYear" in comment


def test_ontology_never_mentions_xsd_date_hermit_rejects_it(onto):
    for dt in (rns.XSD.date, rns.XSD.gYearMonth, rns.XSD.gYear, rns.XSD.dateTime):
        assert (None, None, dt) not in onto and (dt, None, None) not in onto


def test_ontology_uses_no_rdf_statement_as_class(onto):
    assert (None, RDFS.domain, RDF.Statement) not in onto
    assert (None, RDFS.subClassOf, RDF.Statement) not in onto


# ------------------------------------------------------------------------------------ property axioms


def test_ontology_replaced_by_inverse_of_replaces(onto):
    assert (KG.replacedBy, OWL.inverseOf, KG.replaces) in onto


def test_ontology_leader_of_sub_property_of_official_of(onto):
    assert (KG.leaderOf, RDFS.subPropertyOf, KG.officialOf) in onto


def test_ontology_supersedes_transitive_and_replaces_below_it(onto):
    assert (KG.supersedes, RDF.type, OWL.TransitiveProperty) in onto
    assert (KG.replaces, RDFS.subPropertyOf, KG.supersedes) in onto
    # replaces itself is the direct link: not transitive
    assert (KG.replaces, RDF.type, OWL.TransitiveProperty) not in onto


@pytest.mark.parametrize("sub", [KG.Summit, KG.Visit])
def test_ontology_summit_and_visit_are_events(onto, sub):
    assert (sub, RDFS.subClassOf, KG.Event) in onto


def _disjoint_pairs(g: Graph) -> set[frozenset]:
    pairs = {frozenset((a, b)) for a, b in g.subject_objects(OWL.disjointWith)}
    for node in g.subjects(RDF.type, OWL.AllDisjointClasses):
        ms = members(g, g.value(node, OWL.members))
        pairs |= {frozenset(p) for p in itertools.combinations(ms, 2)}
    return pairs


@pytest.mark.parametrize("a,b", list(itertools.combinations(TOP_CLASSES, 2)),
                         ids=lambda x: str(x).split("#")[-1])
def test_ontology_top_classes_pairwise_disjoint(onto, a, b):
    assert frozenset((a, b)) in _disjoint_pairs(onto)


def test_ontology_top_classes_disjoint_via_all_disjoint_classes(onto):
    nodes = list(onto.subjects(RDF.type, OWL.AllDisjointClasses))
    assert any(set(TOP_CLASSES) <= set(members(onto, onto.value(n, OWL.members))) for n in nodes)


def test_ontology_planned_event_disjoint_from_event(onto):
    assert frozenset((KG.PlannedEvent, KG.Event)) in _disjoint_pairs(onto)


def test_ontology_state_is_documented_as_not_a_place(onto):
    for cls in (KG.State, KG.Place):
        assert "not a place" in str(onto.value(cls, RDFS.comment)) or "not a location" in str(
            onto.value(cls, RDFS.comment))


# ------------------------------------------------------------------------------------ alignments


@pytest.mark.parametrize("cls,target", [
    (KG.Treaty, WD.Q131569),
    (KG.State, WD.Q6256),
    (KG.State, WD.Q3624078),
    (KG.Summit, WD.Q1072326),
])
def test_ontology_close_match_to_wikidata(onto, cls, target):
    assert (cls, SKOS.closeMatch, target) in onto


@pytest.mark.parametrize("cls,sup", [
    (KG.Person, SCHEMA.Person),
    (KG.Place, SCHEMA.Place),
    (KG.Article, PROV.Entity),
    (KG.Article, SCHEMA.NewsArticle),
])
def test_ontology_sub_class_alignment(onto, cls, sup):
    assert (cls, RDFS.subClassOf, sup) in onto


def test_ontology_person_not_equivalent_to_schema_person(onto):
    assert (KG.Person, OWL.equivalentClass, SCHEMA.Person) not in onto


def test_ontology_close_match_is_an_annotation(onto):
    assert (SKOS.closeMatch, RDF.type, OWL.AnnotationProperty) in onto


# ------------------------------------------------------------------------------------ forecasts, quarantine


def test_ontology_planned_event_documents_how_forecasts_are_recorded(onto):
    comment = str(onto.value(KG.PlannedEvent, RDFS.comment))
    for needle in ("kg:status", "kg:planned", "kg:expected", "kg:plannedType", "kg:involves",
                   "expected to sign", "will visit", "kg:Event"):
        assert needle in comment, needle


def test_ontology_status_is_exactly_planned_or_expected(onto):
    eq = onto.value(KG.Status, OWL.equivalentClass)
    assert isinstance(eq, BNode)
    assert set(members(onto, onto.value(eq, OWL.oneOf))) == {KG.planned, KG.expected}


def test_ontology_quarantined_fact_documented(onto):
    comment = str(onto.value(KG.QuarantinedFact, RDFS.comment))
    for needle in ("kg:reason", "kg:quarantinedFrom", "rdf:subject", "quarantine"):
        assert needle in comment


@pytest.mark.parametrize("term", [KG.sentence, KG.section, KG.contentHash, KG.dateSource, KG.confidence])
def test_ontology_provenance_terms_documented(onto, term):
    assert "rovenance" in str(onto.value(term, RDFS.comment))


# ------------------------------------------------------------------------------------ OWL tools


@pytest.fixture(scope="module")
def owl_world(onto, tmp_path_factory):
    owlready2 = pytest.importorskip("owlready2")
    path = tmp_path_factory.mktemp("onto") / "kg.nt"
    onto.serialize(destination=str(path), format="nt", encoding="utf-8")
    world = owlready2.World()
    o = world.get_ontology(f"file://{path}").load(format="ntriples")
    return owlready2, world, o


@pytest.mark.parametrize("fmt,suffix", [("nt", "nt"), ("xml", "owl")])
def test_ontology_loads_in_owlready2(onto, tmp_path, fmt, suffix):
    owlready2 = pytest.importorskip("owlready2")
    path = tmp_path / f"kg.{suffix}"
    onto.serialize(destination=str(path), format=fmt, encoding="utf-8")
    world = owlready2.World()
    # the format is named: owlready2 guesses from the first bytes, and an N-Triples file that
    # happens to start with a blank node is taken for RDF/XML
    world.get_ontology(f"file://{path}").load(format={"nt": "ntriples", "xml": "rdfxml"}[fmt])
    names = {c.iri for c in world.classes()}
    assert {str(c) for c in TOP_CLASSES} <= names
    props = {p.iri for p in world.object_properties()}
    assert str(KG.replaces) in props and str(KG.leaderOf) in props
    assert world[str(KG.replacedBy)].inverse_property.iri == str(KG.replaces)


@pytest.mark.skipif(not HAVE_JAVA, reason="HermiT needs java")
def test_ontology_consistent_for_hermit(owl_world):
    owlready2, world, o = owl_world
    with o:
        owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []


@pytest.mark.skipif(not HAVE_JAVA, reason="HermiT needs java")
def test_ontology_hermit_rejects_a_state_that_is_a_place(onto, tmp_path):
    owlready2 = pytest.importorskip("owlready2")
    g = Graph() + onto
    x = URIRef("https://w3id.org/kg/id/state/atlantis")
    g.add((x, RDF.type, KG.State))
    g.add((x, RDF.type, KG.Place))
    path = tmp_path / "bad.nt"
    g.serialize(destination=str(path), format="nt", encoding="utf-8")
    world = owlready2.World()
    o = world.get_ontology(f"file://{path}").load(format="ntriples")
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        with o:
            owlready2.sync_reasoner(world, infer_property_values=False, debug=0)


def test_ontology_owlrl_infers_supersedes_chain_and_inverse(onto):
    owlrl = pytest.importorskip("owlrl")
    T = Namespace("https://w3id.org/kg/id/treaty/")
    g = Graph() + onto
    g.add((T["c-2024"], KG.replaces, T["b-2000"]))
    g.add((T["b-2000"], KG.replaces, T["a-1961"]))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    assert (T["c-2024"], KG.supersedes, T["a-1961"]) in g
    assert (T["a-1961"], KG.replacedBy, T["b-2000"]) in g
    assert (T["a-1961"], RDF.type, KG.Treaty) in g
    assert (T["c-2024"], KG.replaces, T["a-1961"]) not in g
