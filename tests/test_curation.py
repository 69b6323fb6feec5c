"""Issue 18: curated identity decisions (``kg merge``, ``kg split``, ``kg ask duplicates``).

Article graphs are written directly (no spaCy) except in the one test that re-ingests a text."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.cli import app
from kg.curation import CURATION_GRAPH, apply_curation

ID = "https://w3id.org/kg/id/"
KG = "https://w3id.org/kg/ontology#"
ART = "https://w3id.org/kg/article/"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _article(key: str, person: str, name: str, title: str) -> dict[str, bytes]:
    nt = (f"<{ART}{key}> {TYPE} <{KG}Article> .\n"
          f"<{ID}person/{person}> {TYPE} <{KG}Person> .\n"
          f"<{ID}person/{person}> {LABEL} \"{name}\"@en .\n"
          f"<{ID}person/{person}> <{KG}officialOf> <{ID}state/russia> .\n"
          f"<{ID}person/{person}> <{KG}title> \"{title}\" .\n")
    return {ART + key: nt.encode()}


@pytest.fixture
def two_spellings(fresh_kg: kg.KnowledgeGraph) -> kg.KnowledgeGraph:
    fresh_kg.store.replace_graphs(_article("aaaa", "iwan-petrov", "Iwan Petrov", "Aide"))
    fresh_kg.store.replace_graphs(_article("bbbb", "ivan-petrov", "Ivan Petrov", "Aide"))
    return fresh_kg


def _quads(g: kg.KnowledgeGraph, graph: str) -> set[str]:
    return {str(q) for q in g.store.quads(graph)}


def _people(g: kg.KnowledgeGraph) -> list[tuple[str, str]]:
    rows = g.query(f"SELECT DISTINCT ?p ?t WHERE {{ ?p a kg:Person ; kg:title ?t ; kg:officialOf <{ID}state/russia> }}")
    return sorted((r["p"].value, r["t"].value) for r in rows)


def test_curation_duplicates_lists_the_pair_with_its_evidence(two_spellings: kg.KnowledgeGraph) -> None:
    rows = [r.asdict() for r in two_spellings.ask("duplicates", kind="person")]
    assert [(r["a"], r["b"], r["reason"], r["evidence"]) for r in rows] == [
        (ID + "person/ivan-petrov", ID + "person/iwan-petrov", "same surname, title and state", "Aide of Russia")]


def test_curation_merge_rewrites_the_facts_and_records_the_decision(two_spellings: kg.KnowledgeGraph) -> None:
    done = two_spellings.merge("person/iwan-petrov", "person/ivan-petrov")
    assert done.summary() == ("merged person/iwan-petrov into person/ivan-petrov (owl:sameAs in the curation "
                              "graph); 1 article graphs rewritten")
    assert _people(two_spellings) == [(ID + "person/ivan-petrov", "Aide")]
    labels = {r[0].value for r in two_spellings.query(f"SELECT ?l WHERE {{ <{ID}person/ivan-petrov> rdfs:label ?l }}")}
    alts = {r[0].value for r in two_spellings.query(f"SELECT ?l WHERE {{ <{ID}person/ivan-petrov> skos:altLabel ?l }}")}
    assert labels == {"Ivan Petrov"} and alts == {"Iwan Petrov"}
    assert two_spellings.query(f"ASK {{ GRAPH <{CURATION_GRAPH}> {{ <{ID}person/iwan-petrov> owl:sameAs "
                               f"<{ID}person/ivan-petrov> }} }}").boolean
    assert list(two_spellings.ask("duplicates")) == []


def test_curation_split_undoes_the_merge_exactly(two_spellings: kg.KnowledgeGraph) -> None:
    before = _quads(two_spellings, ART + "aaaa")
    two_spellings.merge("person/iwan-petrov", "person/ivan-petrov")
    done = two_spellings.split("person/iwan-petrov", "person/ivan-petrov")
    assert done.graphs == 1
    assert _quads(two_spellings, ART + "aaaa") == before
    assert two_spellings.query(f"ASK {{ GRAPH <{CURATION_GRAPH}> {{ <{ID}person/iwan-petrov> owl:differentFrom "
                               f"<{ID}person/ivan-petrov> }} }}").boolean
    assert list(two_spellings.ask("duplicates")) == []   # decided: no longer a candidate


def test_curation_split_within_one_article_restores_both(fresh_kg: kg.KnowledgeGraph) -> None:
    """Both entities named by one article: a split gives each its own triples back."""
    both = {ART + "dddd": _article("dddd", "iwan-petrov", "Iwan Petrov", "Aide")[ART + "dddd"]
            + _article("dddd", "ivan-petrov", "Ivan Petrov", "Envoy")[ART + "dddd"]}
    fresh_kg.store.replace_graphs(both)
    before = _quads(fresh_kg, ART + "dddd")
    fresh_kg.merge("person/iwan-petrov", "person/ivan-petrov")
    assert _people(fresh_kg) == [(ID + "person/ivan-petrov", "Aide"), (ID + "person/ivan-petrov", "Envoy")]
    fresh_kg.split("person/iwan-petrov", "person/ivan-petrov")
    assert _quads(fresh_kg, ART + "dddd") == before


def test_curation_remove_stays_exact_after_a_merge(two_spellings: kg.KnowledgeGraph) -> None:
    two_spellings.merge("person/iwan-petrov", "person/ivan-petrov")
    two_spellings.remove(ART + "bbbb")
    # the other article still states the fact about the merged entity
    assert _people(two_spellings) == [(ID + "person/ivan-petrov", "Aide")]
    two_spellings.remove(ART + "aaaa")
    assert _people(two_spellings) == []
    assert two_spellings.store.has_graph(CURATION_GRAPH)   # the decision stays
    assert not two_spellings.query("ASK { ?g kg:asExtracted ?nt }").boolean   # what it kept of the articles goes


def test_curation_applies_to_an_article_written_later(two_spellings: kg.KnowledgeGraph) -> None:
    two_spellings.merge("person/iwan-petrov", "person/ivan-petrov")
    later = apply_curation(two_spellings.store, _article("cccc", "iwan-petrov", "Iwan Petrov", "Envoy"))
    assert f"<{ID}person/iwan-petrov> <{KG}title>".encode() not in later[ART + "cccc"]
    assert f"<{ID}person/ivan-petrov> <{KG}title> \"Envoy\"".encode() in later[ART + "cccc"]


@pytest.mark.parametrize("args, message", [
    (["merge", "person/nobody-here", "person/vladimir-putin"], "no entity 'person/nobody-here' in the store"),
    (["merge", "person/vladimir-putin", "person/vladimir-putin"], "kg merge needs two different entities"),
    (["merge", "person/vladimir-putin", "state/russia"], "are not of one kind"),
    (["split", "person/vladimir-putin", "person/nobody-here"], "no entity 'person/nobody-here' in the store"),
])
def test_curation_cli_bad_input_one_line_exit_2(runner, store_path: Path, args: list[str], message: str) -> None:
    with kg.open(str(store_path)) as g:
        size = len(g.store)
    result = runner.invoke(app, ["--store", str(store_path), *args])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error:") and message in result.stderr
    with kg.open(str(store_path)) as g:
        assert len(g.store) == size


def test_curation_remove_refuses_the_curation_graph(runner, store_path: Path) -> None:
    store = ["--store", str(store_path)]
    assert runner.invoke(app, [*store, "split", "person/george-h-w-bush", "person/george-w-bush"]).exit_code == 0
    result = runner.invoke(app, [*store, "remove", CURATION_GRAPH])
    assert result.exit_code == 2 and "holds the decisions of kg merge and kg split" in result.stderr


def test_curation_merge_survives_reingest_and_is_exported(runner, store_path: Path, tmp_path: Path) -> None:
    text = ("Moscow, 3 March 2021\n\nTalks in Moscow\n\nRussian presidential aide Iwan Petrov met "
            "Finland's President Sauli Niinisto in Moscow on Tuesday, the Kremlin said.\n")
    art = tmp_path / "talks.txt"
    art.write_text(text, encoding="utf-8")
    store = ["--store", str(store_path)]
    assert runner.invoke(app, [*store, "ingest", str(art)]).exit_code == 0
    with kg.open(str(store_path)) as g:
        g.store.replace_graphs(_article("bbbb", "ivan-petrov", "Ivan Petrov", "Aide"))
    result = runner.invoke(app, [*store, "merge", "person/iwan-petrov", "person/ivan-petrov"])
    assert result.exit_code == 0, result.stderr
    art.write_text(text.replace("on Tuesday", "on Tuesday afternoon"), encoding="utf-8")   # changed: extracted again
    assert runner.invoke(app, [*store, "ingest", str(art)]).exit_code == 0
    with kg.open(str(store_path)) as g:
        people = {r[0].value for r in g.query("SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a kg:Person } "
                                              "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg/article/')) }")}
    assert ID + "person/ivan-petrov" in people and ID + "person/iwan-petrov" not in people
    out = tmp_path / "dump.nq"
    assert runner.invoke(app, [*store, "export", "--format", "nq", "-o", str(out)]).exit_code == 0
    assert f"<{ID}person/iwan-petrov> <http://www.w3.org/2002/07/owl#sameAs> <{ID}person/ivan-petrov> <{CURATION_GRAPH}>" \
        in out.read_text(encoding="utf-8")


def test_curation_merge_drops_the_inferred_graph(two_spellings: kg.KnowledgeGraph) -> None:
    inferred = "https://w3id.org/kg/graph/inferred"
    two_spellings.store.replace_graphs({inferred: f"<{ID}person/iwan-petrov> {TYPE} <{KG}Person> .\n".encode()})
    done = two_spellings.merge("person/iwan-petrov", "person/ivan-petrov")
    assert done.inferred_dropped and done.summary().endswith("; dropped the inferred graph (run kg reason again)")
    assert not two_spellings.store.has_graph(inferred)
