"""Issue 15, answers: one matching rule for every question's parameters (kg/queries/matching.py),
and ``kg ask conflicts`` telling disagreements between articles from those inside one article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import kg
from kg.errors import AmbiguousName
from kg.prefixes import ARTICLE as ART, ID, PREFIXES

A1, A2 = ART + "15aa000000000001", ART + "15bb000000000002"

# the contract's prefixes, and one for each kind of entity the tests name
HEAD = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()) \
    + "".join(f"@prefix {kind}: <{ID}{kind}/> .\n" for kind in ("person", "state", "treaty", "visit"))


def article(iri: str, facts: list[tuple[str, str, str, str]], extra: str = "") -> str:
    """One article graph with each fact ``(s, p, o, sentence)`` and its statement node."""
    lines = [f"<{iri}> {{", f'  <{iri}> a kg:Article ; rdfs:label "Article {iri[-2:]}" ;',
             '      dcterms:date "2023-06-22"^^xsd:date .', extra]
    for i, (s, p, o, sentence) in enumerate(facts):
        lines += [f"  {s} {p} {o} .",
                  f"  <{iri}#f{i}> a rdf:Statement ; rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ;",
                  f'      prov:wasDerivedFrom <{iri}> ; kg:sentence "{sentence}" .']
    return "\n".join(lines + ["}"]) + "\n"


PEOPLE = """
<urn:g:people> {
  person:mohamed-bazoum a kg:Person ; rdfs:label "Mohamed Bazoum"@en ; kg:leaderOf state:niger ; kg:title "President" .
  person:bola-tinubu a kg:Person ; rdfs:label "Bola Tinubu"@en ; kg:leaderOf state:nigeria ; kg:title "President" .
  person:narendra-modi a kg:Person ; rdfs:label "Narendra Modi"@en ; kg:leaderOf state:india ; kg:title "Prime Minister" .
  person:s-jaishankar a kg:Person ; rdfs:label "S. Jaishankar"@en ; kg:officialOf state:india ; kg:title "Foreign Minister" .
  person:ulf-kristersson a kg:Person ; rdfs:label "Ulf Kristersson"@en ; kg:leaderOf state:sweden ; kg:title "Prime Minister" .
  person:jose-quelmare a kg:Person ; rdfs:label "José Quelmaré"@en ; kg:leaderOf state:mexico .
  person:ana-quelmare a kg:Person ; rdfs:label "Ana Quelmaré"@en ; kg:officialOf state:mexico .
}
"""

VISIT = article(A1, [
    ("visit:narendra-modi-washington-2023", "kg:visitor", "person:narendra-modi", "Modi arrived in Washington."),
    ("visit:narendra-modi-washington-2023", "kg:startDate", '"2023-06-21"^^xsd:date', "Modi arrived on Wednesday."),
], extra='  visit:narendra-modi-washington-2023 a kg:Visit ; '
         'rdfs:label "Visit of Narendra Modi to Washington (2023)" .')


@pytest.fixture(scope="module")
def g(tmp_path_factory) -> Iterator[kg.KnowledgeGraph]:
    folder: Path = tmp_path_factory.mktemp("issue15")
    (folder / "people.trig").write_text(HEAD + PEOPLE, encoding="utf-8")
    (folder / "visit.trig").write_text(HEAD + VISIT, encoding="utf-8")
    with kg.open(":memory:") as graph:
        graph.load([folder / "people.trig", folder / "visit.trig"])
        yield graph


def leaders(g: kg.KnowledgeGraph, state: str) -> set[str]:
    return {r["name"] for r in g.ask("leaders", state=state).to_dicts()}


@pytest.mark.issue(15)
@pytest.mark.parametrize(("state", "expected"), [
    ("Niger", {"Mohamed Bazoum"}),                     # not Nigeria's president
    ("niger", {"Mohamed Bazoum"}),
    ("Republic of the Niger", {"Mohamed Bazoum"}),     # an alias
    ("NE", {"Mohamed Bazoum"}), ("NER", {"Mohamed Bazoum"}),
    ("IN", {"Narendra Modi", "S. Jaishankar"}),        # not Sweden's prime minister ("Kingdom of Sweden")
    ("ind", {"Narendra Modi", "S. Jaishankar"}),
    ("state/sweden", {"Ulf Kristersson"}),             # the short IRI a table shows
    (ID + "state/nigeria", {"Bola Tinubu"}),
    ("méxico", {"José Quelmaré", "Ana Quelmaré"}),           # accents and case set aside
    ("Nige", set()),                                    # not a whole word of any name
])
def test_issue15_leaders_state_matches_one_state(g, state, expected) -> None:
    assert leaders(g, state) == expected


@pytest.mark.issue(15)
@pytest.mark.parametrize(("question", "key"), [("sources", "entity"), ("evidence", "entity"),
                                               ("visits", "person")])
def test_issue15_surname_matches_like_visits(g, question, key) -> None:
    rows = g.ask(question, **{key: "Modi"}).to_dicts()
    assert rows, f"{question} --param {key}=Modi found nothing"


@pytest.mark.issue(15)
def test_issue15_evidence_by_surname_is_about_the_person(g) -> None:
    rows = g.ask("evidence", entity="modi").to_dicts()
    assert {r["objectValue"] for r in rows if r["predicate"].endswith("visitor")} == {"Narendra Modi"}


@pytest.mark.issue(15)
@pytest.mark.parametrize(("value", "listed"), [
    ("Quelmaré", ["José Quelmaré (person/jose-quelmare)", "Ana Quelmaré (person/ana-quelmare)"]),
    ("quelmare", ["José Quelmaré (person/jose-quelmare)", "Ana Quelmaré (person/ana-quelmare)"]),
])
def test_issue15_ambiguous_value_lists_candidates(g, value, listed) -> None:
    with pytest.raises(AmbiguousName) as err:
        g.ask("roles", person=value)
    message = str(err.value)
    assert "\n" not in message and message.startswith(f"'{value}' fits 2 people: ")
    for candidate in listed:
        assert candidate in message


@pytest.mark.issue(15)
def test_issue15_ambiguous_value_is_one_line_exit_2(runner, tmp_path) -> None:
    from kg.cli import app

    people = tmp_path / "people.trig"
    people.write_text(HEAD + PEOPLE, encoding="utf-8")
    store = str(tmp_path / "store")
    assert runner.invoke(app, ["--store", store, "load", str(people)]).exit_code == 0
    result = runner.invoke(app, ["--store", store, "ask", "leaders", "--param", "state=Korea"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: 'Korea' fits 2 states: North Korea (state/north-korea), South Korea (state/south-korea); "
        "give one of these names or IRIs"]


# -- conflicts: between articles, and inside one article -----------------------------------

TREATY = "treaty:baltic-accord"
SIGNED = '"2019-06-11"^^xsd:date'
ONE_ARTICLE = article(A1, [
    (TREATY, "kg:signedOn", SIGNED, "The accord was signed on 11 June 2019."),
    (TREATY, "kg:signedOn", '"2019-06-14"^^xsd:date', "The minister flew in from Cairo on Friday."),
])
OTHER_ARTICLE = article(A2, [
    (TREATY, "kg:signedOn", '"2019-06-12"^^xsd:date', "The accord, signed on 12 June, ..."),
])


def conflicts(tmp_path: Path, *articles: str) -> list[tuple[str | None, ...]]:
    files = []
    for i, text in enumerate(articles):
        files.append(tmp_path / f"{i}.trig")
        files[-1].write_text(HEAD + f'<urn:g:t> {{ {TREATY} a kg:Treaty ; rdfs:label "Baltic Accord" . }}\n'
                             + text, encoding="utf-8")
    with kg.open(":memory:") as g:
        g.load(files)
        return [(r["value"], r["article"], r["disagreement"]) for r in g.ask("conflicts").to_dicts()]


@pytest.mark.issue(15)
def test_issue15_conflicts_within_one_article_said_so(tmp_path) -> None:
    assert conflicts(tmp_path, ONE_ARTICLE) == [
        ("2019-06-11", A1, "within one article"),
        ("2019-06-14", A1, "within one article"),
    ]


@pytest.mark.issue(15)
def test_issue15_conflicts_between_articles_listed_first(tmp_path) -> None:
    assert conflicts(tmp_path, ONE_ARTICLE, OTHER_ARTICLE) == [
        ("2019-06-11", A1, "between articles"),
        ("2019-06-12", A2, "between articles"),
        ("2019-06-14", A1, "between articles"),
    ]


@pytest.mark.issue(15)
def test_issue15_conflicts_help_says_both() -> None:
    assert "within one article" in kg.KnowledgeGraph.questions()["conflicts"]
