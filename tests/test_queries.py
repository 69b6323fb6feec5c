"""The named questions (kg/queries/*.rq) and their parameters, through the library.

The answers are checked over the conftest sample (a chain of three treaties, a
leader, a summit, a visit) plus small article graphs written here, each with
the provenance statements the ingester writes (rdf:Statement, prov:wasDerivedFrom,
kg:sentence).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg
from kg import queries
from kg.errors import AmbiguousName, InputError, UnknownQuestion

ID = "https://w3id.org/kg/id/"
T1961 = ID + "treaty/friendship-treaty-1961"
T2000 = ID + "treaty/friendship-treaty-2000"
T2024 = ID + "treaty/comprehensive-strategic-partnership-treaty-2024"
RUSSIA = ID + "state/russia"
ARTICLE = "https://w3id.org/kg/article/"
A, B, C = ARTICLE + "aaaa000000000001", ARTICLE + "bbbb000000000002", ARTICLE + "cccc000000000003"
T2024_NAME = "Treaty on Comprehensive Strategic Partnership"
NAMES = ["conflicts", "duplicates", "evidence", "leaders", "roles", "sources", "summits", "treaties",
         "treaty-replacements", "visits"]
INJECTION = '"} ; DROP ALL ; {'

PREFIXES = """\
@prefix rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix kg:      <https://w3id.org/kg/ontology#> .
"""


def article_trig(iri: str, title: str, facts: list[tuple[str, str, str, str]]) -> str:
    """TriG of one article graph: the article, each fact ``(s, p, o, sentence)`` and its statement."""
    lines = [f"<{iri}> {{",
             f'  <{iri}> a kg:Article ; rdfs:label "{title}"@en ; dcterms:title "{title}" ;',
             f'      dcterms:date "2024-06-20"^^xsd:date ; dcterms:source "https://news.example/{iri[-4:]}" .']
    for i, (s, p, o, sentence) in enumerate(facts):
        lines.append(f"  {s} {p} {o} .")
        lines.append(f"  <{iri}#f-{i}> a rdf:Statement ; rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ;")
        lines.append(f'      prov:wasDerivedFrom <{iri}> ; kg:sentence "{sentence}" ; kg:section "body" .')
    lines.append("}")
    return PREFIXES + "\n".join(lines) + "\n"


ARTICLE_A = article_trig(A, "Putin and Kim sign pact", [
    (f"<{T2024}>", "kg:signedOn", '"2024-06-19"^^xsd:date', "The treaty was signed on June 19, 2024."),
    (f"<{T2024}>", "kg:party", f"<{RUSSIA}>", "Russia and North Korea signed the treaty."),
    (f"<{T2024}>", "kg:replaces", f"<{T2000}>", "The treaty replaces the 2000 treaty."),
])
ARTICLE_B = article_trig(B, "A pact signed on the 18th", [
    (f"<{T2024}>", "kg:signedOn", '"2024-06-18"^^xsd:date', "The treaty was signed on June 18, 2024."),
])
ARTICLE_C = article_trig(C, "A pact signed in June", [
    (f"<{T2024}>", "kg:signedOn", '"2024-06"^^xsd:gYearMonth', "The treaty was signed in June 2024."),
])


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(tmp_path_factory, sample_ttl, sample_graph) -> Iterator[kg.KnowledgeGraph]:
    """Read-only: the sample and article A (shared by the tests of this module)."""
    folder = tmp_path_factory.mktemp("queries")
    g = kg.open(":memory:")
    g.load([sample_ttl], graph=sample_graph)
    g.load([write(folder, "a.trig", ARTICLE_A)])
    yield g
    g.close()


def ask(g: kg.KnowledgeGraph, name: str, **params: str) -> list[dict[str, str | None]]:
    return g.ask(name, **params).to_dicts()


# ---------------------------------------------------------------------------
# the stored questions
# ---------------------------------------------------------------------------


def test_queries_names() -> None:
    assert list(queries.questions()) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_queries_each_has_help(name) -> None:
    assert queries.questions()[name].help


@pytest.mark.parametrize("name", NAMES)
def test_queries_declared_params_are_used(name) -> None:
    question = queries.questions()[name]
    used = set(re.findall(r"\?p_([A-Za-z0-9_]+)", question.sparql))
    resolved = {p for p, how in question.resolve.items() if f"?{how.variable}" in question.sparql}
    assert used | resolved == set(question.params)


def test_queries_get_unknown_lists_known() -> None:
    with pytest.raises(UnknownQuestion, match=re.escape("unknown question 'nope'; known: " + ", ".join(NAMES))):
        queries.get("nope")


@pytest.mark.parametrize(("items", "expected"), [
    ([], {}),
    (["entity=Kim Jong Un"], {"entity": "Kim Jong Un"}),
    (["entity=a=b"], {"entity": "a=b"}),
    (["entity="], {"entity": ""}),
    (["treaty=x", "party=y"], {"treaty": "x", "party": "y"}),
])
def test_queries_parse_params(items, expected) -> None:
    assert queries.parse_params(items) == expected


@pytest.mark.parametrize("item", ["entity", "=x", "1a=x", "a b=x"])
def test_queries_parse_params_rejects(item) -> None:
    with pytest.raises(InputError, match=re.escape(f"bad --param '{item}': expected key=value")):
        queries.parse_params([item])


def test_queries_check_params_unknown_key() -> None:
    with pytest.raises(InputError, match=re.escape("question 'visits' has no parameter 'x' (parameters: person)")):
        queries.check_params(queries.get("visits"), {"x": "1"})


def test_queries_check_params_missing_required() -> None:
    with pytest.raises(InputError, match=re.escape("question 'sources' needs --param entity=VALUE")):
        queries.check_params(queries.get("sources"), {})


# ---------------------------------------------------------------------------
# answers
# ---------------------------------------------------------------------------


def test_queries_treaty_replacements_transitive_chain(graph) -> None:
    rows = ask(graph, "treaty-replacements")
    assert sorted((r["treaty"], r["signedOn"], r["replaced"], r["replacedSignedOn"], r["direct"]) for r in rows) \
        == sorted([(T2000, "2000-02-09", T1961, "1961", "true"),
                   (T2024, "2024-06-19", T2000, "2000-02-09", "true"),
                   (T2024, "2024-06-19", T1961, "1961", "false")])


@pytest.mark.parametrize(("text", "expected"), [
    ("partnership", {(T2024, T2000), (T2024, T1961)}),
    ("CO-OPERATION", {(T2000, T1961), (T2024, T1961)}),
    ("no such treaty", set()),
])
def test_queries_treaty_replacements_param(graph, text, expected) -> None:
    assert {(r["treaty"], r["replaced"]) for r in ask(graph, "treaty-replacements", treaty=text)} == expected


def test_queries_treaties(graph) -> None:
    rows = {r["treaty"]: r for r in ask(graph, "treaties")}
    assert {t: (r["signedOn"], set(r["parties"].split(", "))) for t, r in rows.items()} == {
        T1961: ("1961", {"Soviet Union", "North Korea"}),
        T2000: ("2000-02-09", {"Russia", "North Korea"}),
        T2024: ("2024-06-19", {"Russia", "North Korea"}),
    }


def test_queries_treaties_signatory_and_place(graph) -> None:
    row = next(r for r in ask(graph, "treaties") if r["treaty"] == T2024)
    assert (row["signatories"], row["signedAt"]) == ("Vladimir Putin", "Pyongyang")


@pytest.mark.parametrize(("params", "expected"), [
    ({"party": "soviet union"}, [T1961]),
    ({"party": "USSR"}, [T1961]),  # an altLabel of the reference data
    ({"party": "russia"}, [T2000, T2024]),
    ({"treaty": "partnership"}, [T2024]),
    ({"treaty": "good-neighbourliness", "party": "russia"}, [T2000]),
])
def test_queries_treaties_params(graph, params, expected) -> None:
    assert [r["treaty"] for r in ask(graph, "treaties", **params)] == expected


def test_queries_a_word_two_states_share_is_ambiguous(graph) -> None:
    # the reference data holds Soviet Russia (1917-22) as well as the Soviet Union
    with pytest.raises(AmbiguousName, match="Soviet Russia .* Soviet Union"):
        ask(graph, "treaties", party="soviet")


def test_queries_summits(graph) -> None:
    (row,) = ask(graph, "summits")
    assert (set(row["participants"].split(", ")), row["startDate"], row["location"], row["country"]) == (
        {"Kim Jong Un", "Vladimir Putin"}, "2023-09-13", "Vostochny Cosmodrome", "Russia")


@pytest.mark.parametrize(("person", "count"), [("kim jong un", 1), ("Putin", 1), ("Biden", 0)])
def test_queries_summits_param(graph, person, count) -> None:
    assert len(ask(graph, "summits", person=person)) == count


@pytest.mark.parametrize(("state", "expected"), [
    ("russia", [("Vladimir Putin", "Russia", "President", "true")]),
    ("Russian Federation", [("Vladimir Putin", "Russia", "President", "true")]),
    ("North Korea", []),
])
def test_queries_leaders(graph, state, expected) -> None:
    rows = ask(graph, "leaders", state=state)
    assert [(r["name"], r["stateName"], r["title"], r["leader"]) for r in rows] == expected


def test_queries_visits(graph) -> None:
    (row,) = ask(graph, "visits")
    assert (row["visitorName"], row["destination"], row["startDate"]) == ("Choi Son Hui", "Russia", "2024-01-14")


@pytest.mark.parametrize(("person", "count"), [("person/choi-son-hui", 1), ("Putin", 0)])
def test_queries_visits_param(graph, person, count) -> None:
    assert len(ask(graph, "visits", person=person)) == count


@pytest.mark.parametrize("entity", ["Russia", "russian federation", RUSSIA])
def test_queries_sources(graph, entity) -> None:
    assert [(r["article"], r["title"], r["date"], r["source"], r["facts"]) for r in ask(graph, "sources", entity=entity)] \
        == [(A, "Putin and Kim sign pact", "2024-06-20", "https://news.example/0001", "1")]


def test_queries_sources_unknown_entity(graph) -> None:
    assert ask(graph, "sources", entity="Atlantis") == []


def test_queries_evidence_all(graph) -> None:
    rows = ask(graph, "evidence")
    assert sorted(r["sentence"] for r in rows) == [
        "Russia and North Korea signed the treaty.",
        "The treaty replaces the 2000 treaty.",
        "The treaty was signed on June 19, 2024.",
    ]


@pytest.mark.parametrize("entity", ["russia", RUSSIA])
def test_queries_evidence_entity(graph, entity) -> None:
    rows = ask(graph, "evidence", entity=entity)
    assert [(r["subjectName"], r["objectValue"], r["sentence"], r["article"]) for r in rows] == [
        (T2024_NAME, "Russia", "Russia and North Korea signed the treaty.", A)]


def test_queries_conflicts_none_in_one_source(graph) -> None:
    assert ask(graph, "conflicts") == []


@pytest.mark.parametrize(("name", "key"), [
    ("sources", "entity"), ("evidence", "entity"), ("treaties", "treaty"), ("treaties", "party"),
    ("leaders", "state"), ("summits", "person"), ("visits", "person"), ("treaty-replacements", "treaty"),
])
def test_queries_param_injection_matches_nothing(graph, name, key) -> None:
    assert ask(graph, name, **{key: INJECTION}) == []


@pytest.mark.parametrize("value", ["Russia", INJECTION, "\\", "'", '"""', "a\nb", "}}", "# x"])
def test_queries_param_cannot_change_store(graph, value) -> None:
    before = len(graph.store)
    with contextlib.suppress(AmbiguousName):  # "# x": Frederik X, Rama X
        ask(graph, "evidence", entity=value)
    assert len(graph.store) == before


# ---------------------------------------------------------------------------
# several sources
# ---------------------------------------------------------------------------


def _conflicts(fresh_kg, sample_ttl, tmp_path, *articles: str) -> list[dict[str, str | None]]:
    fresh_kg.load([sample_ttl], graph="urn:g:sample")
    fresh_kg.load([write(tmp_path, f"{i}.trig", text) for i, text in enumerate(articles)])
    return ask(fresh_kg, "conflicts")


def test_queries_conflicts_different_dates(fresh_kg, sample_ttl, tmp_path) -> None:
    rows = _conflicts(fresh_kg, sample_ttl, tmp_path, ARTICLE_A, ARTICLE_B)
    assert sorted((r["entityName"], r["property"], r["value"], r["article"]) for r in rows) == [
        (T2024_NAME, "https://w3id.org/kg/ontology#signedOn", "2024-06-18", B),
        (T2024_NAME, "https://w3id.org/kg/ontology#signedOn", "2024-06-19", A),
    ]


def test_queries_conflicts_coarser_date_agrees(fresh_kg, sample_ttl, tmp_path) -> None:
    assert _conflicts(fresh_kg, sample_ttl, tmp_path, ARTICLE_A, ARTICLE_C) == []


def test_queries_treaties_disagreeing_dates_joined(fresh_kg, sample_ttl, tmp_path) -> None:
    fresh_kg.load([sample_ttl], graph="urn:g:sample")
    fresh_kg.load([write(tmp_path, "b.trig", ARTICLE_B)])
    row = next(r for r in ask(fresh_kg, "treaties") if r["treaty"] == T2024)
    assert set(row["signedOn"].split(" | ")) == {"2024-06-18", "2024-06-19"}


@pytest.mark.parametrize(("name", "count"), [("treaty-replacements", 3), ("evidence", 3)])
def test_queries_same_facts_in_two_graphs_not_repeated(fresh_kg, sample_ttl, tmp_path, name, count) -> None:
    # regression: the union default graph of pyoxigraph 0.5 repeats a triple once per graph
    # holding it (oxigraph#1919); these questions now SELECT DISTINCT
    fresh_kg.load([sample_ttl], graph="urn:g:one")
    fresh_kg.load([sample_ttl], graph="urn:g:two")
    fresh_kg.load([write(tmp_path, "a.trig", ARTICLE_A)])
    assert len(ask(fresh_kg, name)) == count
