"""Roles in time (issue 16): qualified roles (kg:Role, kg:RoleAttestation), `leaders --param
date=`, `roles --param person=`, conflicts in time, the shapes. Texts written for this test."""

from __future__ import annotations

import pytest

import kg
from kg.errors import InputError
from kg.extract.tenure import parse_date, read
from kg.model import PartialDate

Y2005 = """Putin meets Schroeder

MOSCOW, May 9 (Wire) - Russian President Vladimir Putin met German Chancellor Gerhard Schroeder in Moscow on Monday.
"""
Y2009 = """Medvedev meets Merkel

MOSCOW, May 10 (Wire) - Russian President Dmitry Medvedev met German Chancellor Angela Merkel in Moscow on Sunday. Prime Minister Vladimir Putin also held talks with Merkel.
"""
# cues of time, one article: an invented cast
CUES = """Andean ministers confer in Lima

LIMA, March 3 (Wire) - Peru's Foreign Minister Ana Quispe, who took office in May 2018, met Chile's then-President Tomas Reyes on Tuesday. Former Bolivian President Hugo Mamani also attended the talks. Ecuador's outgoing President Lucia Andrade spoke too. Carlos Vega, who served as Colombia's defence minister from 1998 to 2004, was also present. Colombian President Ivan Duque met them.
"""
KG_ = "https://w3id.org/kg/ontology#"


@pytest.fixture(scope="module")
def g() -> kg.KnowledgeGraph:
    store = kg.open(":memory:")
    store.ingest(Y2005, date="2005-05-09")
    store.ingest(Y2009, date="2009-05-10")
    return store


@pytest.fixture(scope="module")
def cues() -> kg.KnowledgeGraph:
    store = kg.open(":memory:")
    store.ingest(CUES, date="2019-03-03")
    return store


def _leaders(g: kg.KnowledgeGraph, **params: str) -> set[tuple[str | None, ...]]:
    return {(r["name"], r["title"], r["from"], r["to"]) for r in g.ask("leaders", **params).to_dicts()}


def test_roles_leaders_on_a_date(g: kg.KnowledgeGraph) -> None:
    assert _leaders(g, state="Russia", date="2009-05-10") == {
        ("Dmitry Medvedev", "President", "2009-05-10", "2009-05-10"),
        ("Vladimir Putin", "Prime Minister", "2009-05-10", "2009-05-10")}
    assert _leaders(g, state="Russia", date="2005") == {("Vladimir Putin", "President", "2005-05-09", "2005-05-09")}
    assert _leaders(g, state="Russia", date="2007-01-01") == set()   # nothing attested around it


def test_roles_leaders_without_a_date_one_row_per_office(g: kg.KnowledgeGraph) -> None:
    assert _leaders(g, state="Russia") == {
        ("Dmitry Medvedev", "President", "2009-05-10", "2009-05-10"),
        ("Vladimir Putin", "President", "2005-05-09", "2005-05-09"),
        ("Vladimir Putin", "Prime Minister", "2009-05-10", "2009-05-10")}


def test_roles_of_a_person_over_time_with_the_reference_beside(g: kg.KnowledgeGraph) -> None:
    rows = g.ask("roles", person="Putin").to_dicts()
    texts = [(r["title"], r["stateName"], r["role"], r["from"], r["to"], r["articles"]) for r in rows
             if r["source"] == "texts"]
    assert texts == [("President", "Russia", "leader", "2005-05-09", "2005-05-09", "1"),
                     ("Prime Minister", "Russia", "leader", "2009-05-10", "2009-05-10", "1")]
    assert "Prime Minister Vladimir Putin" in rows[1]["sentence"]
    reference = [(r["title"], r["start"], r["end"]) for r in rows if r["source"] == "reference"]
    assert ("President", "2000", "2008") in reference and ("Prime Minister", "2008", "2012") in reference
    assert all(r["articles"] is None and r["sentence"] is None for r in rows if r["source"] == "reference")
    assert [r["source"] for r in rows] == sorted((r["source"] for r in rows), reverse=True)   # texts first


def test_roles_a_sequence_is_no_conflict(g: kg.KnowledgeGraph) -> None:
    assert g.ask("conflicts").to_dicts() == []


def test_roles_the_shapes_validate_the_roles(g: kg.KnowledgeGraph) -> None:
    n = g.query("SELECT (COUNT(*) AS ?n) WHERE { ?r a kg:Role }").to_dicts()[0]["n"]
    assert int(n) == 5   # Putin twice, Medvedev, Schroeder, Merkel
    assert g.validate().conforms


def _attestations(g: kg.KnowledgeGraph) -> dict[str, tuple[str | None, ...]]:
    rows = g.query("""SELECT ?role ?on ?before ?start ?end ?cue WHERE {
        ?a kg:role ?role . OPTIONAL { ?a kg:attestedOn ?on } OPTIONAL { ?a kg:heldBefore ?before }
        OPTIONAL { ?a kg:startTime ?start } OPTIONAL { ?a kg:endTime ?end } OPTIONAL { ?a kg:tenureCue ?cue } }""")
    return {r["role"].rsplit("/", 1)[1]: (r["on"], r["before"], r["start"], r["end"], r["cue"])
            for r in rows.to_dicts()}


def test_roles_cues_of_time_read_off_the_sentence(cues: kg.KnowledgeGraph) -> None:
    assert _attestations(cues) == {
        "ana-quispe--peru--foreign-minister": ("2019-03-03", None, "2018-05", None, "took office"),
        "tomas-reyes--chile--president": (None, "2019-03-03", None, None, "then"),
        "hugo-mamani--bolivia--president": (None, "2019-03-03", None, None, "former"),
        "lucia-andrade--ecuador--president": ("2019-03-03", None, None, None, "outgoing"),
        "carlos-vega--colombia--defence-minister": (None, "2019-03-03", "1998", "2004", "served"),
        "ivan-duque--colombia--president": ("2019-03-03", None, None, None, None),
    }
    assert cues.validate().conforms


def test_roles_a_past_office_adds_no_contract_fact(cues: kg.KnowledgeGraph) -> None:
    """"former" and "served ... from ... to" make roles only; the simple facts stay as the office rules made them."""
    officials = {r["p"].rsplit("/", 1)[1] for r in cues.query(
        "SELECT DISTINCT ?p WHERE { ?p kg:officialOf|kg:leaderOf ?s }").to_dicts()}
    assert officials == {"ana-quispe", "tomas-reyes", "lucia-andrade", "ivan-duque"}


@pytest.mark.parametrize(("date", "names"), [
    ("2018-06", {"Ana Quispe"}),            # after the start the text gives, before the article
    ("2018-04", set()),                     # before it
    ("2019-03-03", {"Ana Quispe", "Lucia Andrade", "Iván Duque"}),   # not the then- and former presidents
    ("2001", set()),                        # a served span without an office fact is in roles, not leaders
])
def test_roles_leaders_read_the_span_the_texts_give(cues: kg.KnowledgeGraph, date: str, names: set[str]) -> None:
    assert {r["name"] for r in cues.ask("leaders", date=date).to_dicts()} == names


def test_roles_a_served_span_in_roles(cues: kg.KnowledgeGraph) -> None:
    (row,) = [r for r in cues.ask("roles", person="Carlos Vega").to_dicts() if r["source"] == "texts"]
    assert (row["title"], row["start"], row["end"], row["before"], row["from"]) == (
        "Defence Minister", "1998", "2004", "2019-03-03", None)


def _role_article(art: str, date: str, slug: str, label: str, sentence: str) -> str:
    """One article graph stating that ``label`` is Norway's prime minister, as TriG."""
    role = f"id:role\\/{slug}--norway--prime-minister"
    return f"""art:{art} {{ art:{art} a kg:Article ; dcterms:date "{date}"^^xsd:date .
  id:person\\/{slug} a kg:Person ; rdfs:label "{label}"@en ; kg:leaderOf id:state\\/norway .
  {role} a kg:Role , kg:LeaderRole ; kg:holder id:person\\/{slug} ;
      kg:roleOf id:state\\/norway ; kg:roleTitle "Prime Minister" .
  <https://w3id.org/kg/article/{art}#r-1> a kg:RoleAttestation ; kg:role {role} ;
      prov:wasDerivedFrom art:{art} ; kg:sentence "{sentence}" ; kg:attestedOn "{date}"^^xsd:date . }}
"""


LOADED = """@prefix kg: <https://w3id.org/kg/ontology#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix id: <https://w3id.org/kg/id/> .
@prefix art: <https://w3id.org/kg/article/> .
""" + _role_article("aa01", "2021-03-01", "ola-berg", "Ola Berg", "Prime Minister Ola Berg spoke.") \
    + _role_article("aa02", "2021-03-05", "siv-dahl", "Siv Dahl", "Prime Minister Siv Dahl spoke.") \
    + _role_article("aa03", "2021-04-20", "siv-dahl", "Siv Dahl", "Prime Minister Siv Dahl spoke again.")


@pytest.fixture()
def loaded(tmp_path) -> kg.KnowledgeGraph:
    path = tmp_path / "roles.trig"
    path.write_text(LOADED, encoding="utf-8")
    store = kg.open(":memory:")
    store.load([path])
    return store


def test_roles_two_holders_in_one_week_are_a_conflict(loaded: kg.KnowledgeGraph) -> None:
    rows = loaded.ask("conflicts").to_dicts()
    assert {(r["entityName"], r["value"].rsplit("/", 1)[1], r["article"].rsplit("/", 1)[1], r["disagreement"])
            for r in rows} == {("Prime Minister of Norway", "ola-berg", "aa01", "between articles"),
                               ("Prime Minister of Norway", "siv-dahl", "aa02", "between articles")}


def test_roles_remove_is_exact(loaded: kg.KnowledgeGraph) -> None:
    """A role two articles attest stays when one goes; its attestation in that article goes."""
    role = "https://w3id.org/kg/id/role/siv-dahl--norway--prime-minister"
    loaded.remove("https://w3id.org/kg/article/aa03")
    assert loaded.query(f"ASK {{ <{role}> kg:holder ?p }}").boolean
    assert {r["name"] for r in loaded.ask("leaders", date="2021-04").to_dicts()} == set()
    loaded.remove("https://w3id.org/kg/article/aa02")
    assert not loaded.query(f"ASK {{ <{role}> ?p ?o }}").boolean
    assert loaded.ask("conflicts").to_dicts() == []


BAD = """@prefix kg: <https://w3id.org/kg/ontology#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix ex: <http://example.org/> .
ex:a a kg:Article . ex:s a kg:State . ex:p a kg:Person .
ex:r a kg:Role ; kg:holder ex:s ; kg:roleOf ex:s .
ex:t a kg:RoleAttestation ; kg:role ex:r ; prov:wasDerivedFrom ex:a ; kg:sentence "x" ;
    kg:attestedOn "2020-01-01"^^xsd:date ; kg:heldBefore "2020-01-01"^^xsd:date ; kg:startTime "May 2018" .
"""


def test_roles_the_shapes_catch_a_bad_role() -> None:
    from rdflib import Graph

    from kg.validate import validate

    report = validate(Graph().parse(data=BAD, format="turtle"))
    assert not report.conforms
    messages = " ".join(v.message for v in report.violations)
    assert "held by a person" in messages
    assert "not both" in messages
    assert "kg:startTime is one date" in messages


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("Russia's then-President ", " met the press.", ("before", None, None, "then")),
    ("the former foreign minister ", " said.", ("before", None, None, "former")),
    ("He then met President ", " in Rome.", ("on", None, None, None)),     # "then" of the story, not of the title
    ("the newly elected President ", " spoke.", ("on", None, None, "newly elected")),
    ("President ", ", who was sworn in on 7 May 2018, spoke.", ("on", PartialDate(2018, 5, 7), None, "took office")),
    ("Minister ", " (2001-2006) wrote.", ("before", PartialDate(2001), PartialDate(2006), "served")),
    ("Minister ", ", who left office in March 2019, wrote.", ("before", None, PartialDate(2019, 3), "left office")),
    ("President ", " met Minister Bo Li, who took office in May 2018.", ("on", None, None, None)),   # Li's start
    ("since then President ", " has said little.", ("on", None, None, None)),
])
def test_roles_tenure_read(before: str, after: str, expected: tuple[object, ...]) -> None:
    assert read(before, after, PartialDate(2020, 1, 1)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("May 7, 2018", PartialDate(2018, 5, 7)), ("7 May 2018", PartialDate(2018, 5, 7)),
    ("May 2018", PartialDate(2018, 5)), ("1998", PartialDate(1998)), ("May", None)])
def test_roles_tenure_parse_date(text: str, expected: PartialDate | None) -> None:
    assert parse_date(text) == expected


def test_roles_bad_date_and_missing_person_are_input_errors(g: kg.KnowledgeGraph) -> None:
    with pytest.raises(InputError, match="expected a date"):
        g.ask("leaders", date="May")
    with pytest.raises(InputError, match="needs --param person"):
        g.ask("roles")


def test_roles_web_entity_page_and_timeline(g: kg.KnowledgeGraph) -> None:
    """The page's data: a person's roles on a timeline, a state's office-holders."""
    from kg.web import data

    person = data.entity(g, "https://w3id.org/kg/id/person/vladimir-putin")
    texts = [(r["label"], r["lo"], r["hi"]) for r in person["roles"] if r["source"] == "texts"]
    assert texts == [("President, Russia", "2005-05-09", "2005-05-09"),
                     ("Prime Minister, Russia", "2009-05-10", "2009-05-10")]
    assert any(r["source"] == "reference" and r["t"] == 2000.0 and r["tEnd"] == 2009.0 for r in person["roles"])
    holders = data.timeline(g, "https://w3id.org/kg/id/state/russia")["roles"]
    assert [(r["label"], r["t"] is not None) for r in holders] == [
        ("President: Dmitry Medvedev", True), ("President: Vladimir Putin", True), ("Prime Minister: Vladimir Putin", True)]
    assert data.timeline(g)["roles"] == [] and data.entity(g, "https://w3id.org/kg/id/place/moscow")["roles"] == []
