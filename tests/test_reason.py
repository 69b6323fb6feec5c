"""kg.reason: HermiT (owlready2) and owlrl over a small ontology and data.

The inferences are checked against a small ontology written here (the axioms the
contract relies on) and, where the package's ontology (kg.resources/ontology.ttl)
exists, against it too. HermiT tests are skipped where there is no Java.
"""

from __future__ import annotations

import importlib.resources
import shutil
import stat
import tempfile

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import InputError, ReasonerError
from kg.namespace import ID, KG
from kg.reason import JAVA_MISSING, ReasoningResult, _Axioms, _complete, reason, reasoning_input

# (XSD is not imported by name: pytest probes module globals, and rdflib warns on
# unknown XSD attributes.)
XSD_DATE, XSD_GYEARMONTH, XSD_GYEAR = namespace.XSD.date, namespace.XSD.gYearMonth, namespace.XSD.gYear

HAVE_JAVA = shutil.which("java") is not None
needs_java = pytest.mark.skipif(not HAVE_JAVA, reason="HermiT needs Java (java not on PATH)")

ENGINES = [pytest.param("hermit", marks=needs_java), "owlrl"]

FIXTURE_ONTOLOGY = """
@prefix kg: <https://w3id.org/kg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/kg/ontology> a owl:Ontology ; owl:imports <http://www.w3.org/ns/prov-o#> .

kg:State a owl:Class . kg:Person a owl:Class . kg:Place a owl:Class . kg:Article a owl:Class .
kg:Event a owl:Class .
kg:Treaty a owl:Class ; rdfs:subClassOf kg:Event .
kg:Summit a owl:Class ; rdfs:subClassOf kg:Event .
kg:Visit a owl:Class ; rdfs:subClassOf kg:Event .
kg:PlannedEvent a owl:Class . kg:Status a owl:Class .
[] a owl:AllDisjointClasses ;
    owl:members ( kg:State kg:Person kg:Place kg:Article kg:Event kg:PlannedEvent kg:Status ) .
kg:planned a owl:NamedIndividual , kg:Status . kg:expected a owl:NamedIndividual , kg:Status .
[] a owl:AllDifferent ; owl:distinctMembers ( kg:planned kg:expected ) .
kg:status a owl:ObjectProperty , owl:FunctionalProperty ;
    rdfs:domain kg:PlannedEvent ; rdfs:range kg:Status .
kg:plannedType a owl:ObjectProperty ; rdfs:domain kg:PlannedEvent .
kg:involves a owl:ObjectProperty ; rdfs:domain kg:PlannedEvent ;
    rdfs:range [ a owl:Class ; owl:unionOf ( kg:Person kg:State ) ] .

kg:supersedes a owl:ObjectProperty , owl:TransitiveProperty ;
    rdfs:domain kg:Treaty ; rdfs:range kg:Treaty .
kg:replaces a owl:ObjectProperty ; rdfs:subPropertyOf kg:supersedes ;
    rdfs:domain kg:Treaty ; rdfs:range kg:Treaty .
kg:replacedBy a owl:ObjectProperty ; owl:inverseOf kg:replaces .
kg:officialOf a owl:ObjectProperty ; rdfs:domain kg:Person ; rdfs:range kg:State .
kg:leaderOf a owl:ObjectProperty ; rdfs:subPropertyOf kg:officialOf .
kg:party a owl:ObjectProperty ; rdfs:domain kg:Treaty ; rdfs:range kg:State .
kg:signatory a owl:ObjectProperty ; rdfs:domain kg:Treaty ; rdfs:range kg:Person .
kg:signedOn a owl:DatatypeProperty ; rdfs:domain kg:Treaty ;
    rdfs:range [ a rdfs:Datatype ; owl:unionOf ( xsd:date xsd:gYearMonth xsd:gYear ) ] .
kg:title a owl:DatatypeProperty ; rdfs:domain kg:Person ; rdfs:range xsd:string .
kg:sentence a owl:DatatypeProperty .
"""

T = {name: ID[f"treaty/{name}"] for name in ("friendship-1961", "friendship-2000", "partnership-2024")}
PUTIN, KIM = ID["person/vladimir-putin"], ID["person/kim-jong-un"]
LAVROV = ID["person/sergey-lavrov"]
RUSSIA, DPRK = ID["state/russia"], ID["state/north-korea"]
STATEMENT = URIRef("https://w3id.org/kg/article/0123456789abcdef#f-1")
PLAN = ID["plan/vladimir-putin-north-korea-2024"]
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")


def _fixture_ontology() -> Graph:
    return Graph().parse(data=FIXTURE_ONTOLOGY, format="turtle")


def _package_ontology() -> Graph | None:
    ref = importlib.resources.files("kg.resources").joinpath("ontology.ttl")
    if not ref.is_file():
        return None
    return Graph().parse(data=ref.read_text(encoding="utf-8"), format="turtle")


@pytest.fixture(scope="module", params=["fixture", "package"])
def ontology(request) -> Graph:
    if request.param == "fixture":
        return _fixture_ontology()
    g = _package_ontology()
    if g is None:
        pytest.skip("ontology/kg.ttl (kg.resources/ontology.ttl) is not there yet")
    return g


def _data() -> Graph:
    """A chain of three treaties (2024 replaces 2000 replaces 1961), with the dates,
    provenance and labels an article graph has; Putin leads Russia."""
    g = Graph()
    a, b, c = T["friendship-1961"], T["friendship-2000"], T["partnership-2024"]
    g.add((c, KG.replaces, b))
    g.add((b, KG.replaces, a))
    g.add((c, RDF.type, KG.Treaty))
    g.add((c, RDFS.label, Literal("Treaty on Comprehensive Strategic Partnership", lang="en")))
    g.add((b, RDFS.label, Literal('Treaty of "Friendship" —\n2000 \\ «Дружба»')))
    g.add((c, KG.party, RUSSIA))
    g.add((c, KG.party, DPRK))
    g.add((c, KG.signatory, PUTIN))
    g.add((c, KG.signatory, KIM))
    g.add((c, KG.signedOn, Literal("2024-06-19", datatype=XSD_DATE)))
    g.add((b, KG.signedOn, Literal("2000-02", datatype=XSD_GYEARMONTH)))
    g.add((a, KG.signedOn, Literal("1961", datatype=XSD_GYEAR)))
    g.add((PUTIN, KG.leaderOf, RUSSIA))
    g.add((PUTIN, KG.title, Literal("President")))
    g.add((PUTIN, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q7747")))
    # provenance: a reified statement
    g.add((STATEMENT, RDF.type, RDF.Statement))
    g.add((STATEMENT, RDF.subject, PUTIN))
    g.add((STATEMENT, RDF.predicate, KG.leaderOf))
    g.add((STATEMENT, RDF.object, RUSSIA))
    g.add((STATEMENT, PROV_DERIVED, URIRef("https://w3id.org/kg/article/0123456789abcdef")))
    g.add((STATEMENT, KG.sentence, Literal('Putin said: "Friendship\nfirst."')))
    # a plan: a class used as a value (punning), a status individual
    g.add((PLAN, RDF.type, KG.PlannedEvent))
    g.add((PLAN, KG.plannedType, KG.Visit))
    g.add((PLAN, KG.status, KG.planned))
    g.add((PLAN, KG.involves, PUTIN))
    return g


@pytest.fixture(scope="module")
def results(ontology) -> dict[str, ReasoningResult]:
    """One run per engine over _data(), shared by the tests below (HermiT starts a JVM)."""
    out = {"owlrl": reason(_data(), ontology=ontology, engine="owlrl")}
    if HAVE_JAVA:
        out["hermit"] = reason(_data(), ontology=ontology, engine="hermit")
    return out


@pytest.mark.parametrize("engine", ENGINES)
def test_reason_replaced_by_inferred_from_replaces(results, engine):
    r = results[engine]
    assert r.consistent and r.engine == engine and r.explanation is None
    assert (T["friendship-1961"], KG.replacedBy, T["friendship-2000"]) in r.inferred
    assert (T["friendship-2000"], KG.replacedBy, T["partnership-2024"]) in r.inferred
    assert (T["friendship-1961"], KG.replacedBy, T["partnership-2024"]) not in r.inferred


@pytest.mark.parametrize("engine", ENGINES)
def test_reason_official_of_inferred_from_leader_of(results, engine):
    assert (PUTIN, KG.officialOf, RUSSIA) in results[engine].inferred


@pytest.mark.parametrize("engine", ENGINES)
def test_reason_supersedes_transitive_across_chain_of_three(results, engine):
    inferred = results[engine].inferred
    a, b, c = T["friendship-1961"], T["friendship-2000"], T["partnership-2024"]
    for newer, older in [(c, b), (b, a), (c, a)]:
        assert (newer, KG.supersedes, older) in inferred
    assert (a, KG.supersedes, c) not in inferred


@pytest.mark.parametrize("engine", ENGINES)
def test_reason_types_from_domains_and_ranges(results, engine):
    inferred = results[engine].inferred
    for x in T.values():
        if x != T["partnership-2024"]:  # typed in the data: not reported again
            assert (x, RDF.type, KG.Treaty) in inferred
    assert (T["partnership-2024"], RDF.type, KG.Treaty) not in inferred
    assert (PUTIN, RDF.type, KG.Person) in inferred
    assert (KIM, RDF.type, KG.Person) in inferred
    assert (RUSSIA, RDF.type, KG.State) in inferred
    assert (DPRK, RDF.type, KG.State) in inferred


@pytest.mark.parametrize("engine", ENGINES)
def test_reason_inferred_holds_only_new_kg_triples_about_individuals(results, engine):
    inferred = results[engine].inferred
    data = _data()
    for s, p, o in inferred:
        assert (s, p, o) not in data
        assert isinstance(s, URIRef) and str(s).startswith("https://w3id.org/kg/id/")
        assert str(p).startswith(str(KG._NS)) or (p == RDF.type and str(o).startswith(str(KG._NS)))
    assert not any(str(s).startswith("http://www.wikidata.org/") for s in inferred.subjects())
    assert (None, None, OWL.Thing) not in inferred and (None, None, OWL.NamedIndividual) not in inferred


@needs_java
def test_reason_engines_agree(results):
    assert set(results["hermit"].inferred) == set(results["owlrl"].inferred)


@needs_java
def test_reason_dates_do_not_break_hermit(ontology, results):
    """xsd:date / gYearMonth / gYear are not in the OWL 2 datatype map: HermiT alone
    would refuse them; kg leaves them out of the reasoner's input."""
    data = _data()
    for dt in (XSD_DATE, XSD_GYEARMONTH, XSD_GYEAR):
        assert any(isinstance(o, Literal) and o.datatype == dt for o in data.objects())
    given = reasoning_input(data, ontology)
    assert not any(isinstance(o, Literal) and o.datatype in (XSD_DATE, XSD_GYEARMONTH, XSD_GYEAR)
                   for o in given.objects())
    assert (STATEMENT, RDF.subject, PUTIN) not in given
    assert (T["partnership-2024"], KG.replaces, T["friendship-2000"]) in given
    assert (T["partnership-2024"], RDFS.label, None) in given
    assert results["hermit"].consistent, results["hermit"].explanation  # HermiT ran on `data`


@pytest.mark.parametrize("engine", ENGINES)
def test_reason_inconsistency_detected(ontology, engine, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # nothing may be left behind
    data = _data()
    data.add((LAVROV, RDF.type, KG.Person))
    data.add((LAVROV, RDF.type, KG.State))
    r = reason(data, ontology=ontology, engine=engine)
    assert r.consistent is False
    assert len(r.inferred) == 0
    assert r.explanation and "\n" not in r.explanation
    assert "sergey-lavrov" in r.explanation
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_reason_functional_status_clash_detected(ontology, engine):
    """kg:status is functional and kg:planned, kg:expected are all different: a plan
    with both is inconsistent (owlrl alone misses it, see kg.reason._all_different_clashes)."""
    data = _data()  # consistent with kg:planned alone: see the results fixture
    data.add((PLAN, KG.status, KG.expected))
    r = reason(data, ontology=ontology, engine=engine)
    assert r.consistent is False and r.explanation


@pytest.mark.parametrize("engine", ENGINES)
def test_reason_union_range_clash_detected(ontology, engine):
    """kg:involves ranges over kg:Person or kg:State: a kg:Place as its value is
    inconsistent. HermiT finds it; owlrl (OWL 2 RL has no union superclasses) only
    through kg's own check, which also names the culprit for HermiT's bare verdict."""
    place = ID["place/pyongyang"]
    data = _data()
    data.add((place, RDF.type, KG.Place))
    data.add((PLAN, KG.involves, place))
    r = reason(data, ontology=ontology, engine=engine)
    assert r.consistent is False
    assert "place/pyongyang" in r.explanation and "kg:involves" in r.explanation


def test_reason_missing_java_raises_reasoner_error(monkeypatch, tmp_path):
    import owlready2

    monkeypatch.setattr(owlready2, "JAVA_EXE", "java")
    monkeypatch.setenv("PATH", str(tmp_path))  # no java on PATH
    with pytest.raises(ReasonerError) as e:
        reason(_data(), ontology=_fixture_ontology(), engine="hermit")
    assert str(e.value) == JAVA_MISSING
    assert e.value.exit_code == 2


def test_reason_java_that_cannot_start_raises_reasoner_error(monkeypatch, tmp_path):
    """An executable `java` whose interpreter is missing: the exec itself fails."""
    import owlready2

    fake = tmp_path / "java"
    fake.write_text("#!/nonexistent/interpreter\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(owlready2, "JAVA_EXE", str(fake))
    with pytest.raises(ReasonerError, match="Java is needed for HermiT"):
        reason(_data(), ontology=_fixture_ontology(), engine="hermit")


def test_reason_unknown_engine_is_input_error():
    with pytest.raises(InputError, match="pellet"):
        reason(_data(), ontology=_fixture_ontology(), engine="pellet")


def test_reason_completion_step_closes_hierarchies_and_inverses():
    """The step that completes HermiT's answer (HermiT prints direct types and
    non-inherited property values; owlready2 drops pairs whose inverse is asserted)."""
    ax = _Axioms.of(_fixture_ontology())
    chain = [ID[f"treaty/t{i}"] for i in range(5)]
    facts = [(chain[i + 1], KG.replaces, chain[i]) for i in range(4)]
    facts.append((PUTIN, KG.leaderOf, RUSSIA))
    closed, types = _complete(facts, [(T["friendship-1961"], KG.Treaty)], ax)
    for i in range(5):
        for j in range(i):
            assert (chain[i], KG.supersedes, chain[j]) in closed
    assert (chain[0], KG.replacedBy, chain[1]) in closed
    assert (chain[0], KG.replacedBy, chain[2]) not in closed
    assert (PUTIN, KG.officialOf, RUSSIA) in closed
    assert {(PUTIN, KG.Person), (RUSSIA, KG.State), (chain[0], KG.Treaty), (chain[0], KG.Event),
            (T["friendship-1961"], KG.Event)} <= types
    assert len([t for t in closed if t[1] == KG.supersedes]) == 10


@needs_java
def test_reason_hermit_types_use_subsumptions_hermit_derives(capfd):
    """HermiT reports direct types only; a subsumption it derives (here from the
    property hierarchy: leaderOf some State ⊑ officialOf some State) still counts.
    And neither owlready2 nor Java print anything (kg's stdout belongs to the CLI)."""
    extra = """
    @prefix kg: <https://w3id.org/kg/ontology#> .
    @prefix owl: <http://www.w3.org/2002/07/owl#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    kg:Leader a owl:Class ; owl:equivalentClass
        [ a owl:Restriction ; owl:onProperty kg:leaderOf ; owl:someValuesFrom kg:State ] .
    kg:Official a owl:Class ; owl:equivalentClass
        [ a owl:Restriction ; owl:onProperty kg:officialOf ; owl:someValuesFrom kg:State ] .
    """
    onto = _fixture_ontology().parse(data=extra, format="turtle")
    data = Graph()
    data.add((PUTIN, KG.leaderOf, RUSSIA))
    r = reason(data, ontology=onto, engine="hermit")
    assert (PUTIN, RDF.type, KG._NS.Leader) in r.inferred
    assert (PUTIN, RDF.type, KG._NS.Official) in r.inferred
    assert (PUTIN, RDF.type, KG.Person) in r.inferred
    assert capfd.readouterr() == ("", "")
