"""Issue 15, the web page: one edge (and one label) per pair of linked entities, and search
that looks up only the entities it shows (the debounce is tested in the browser:
tests/test_serve.py::test_page_search_waits_for_a_pause_in_typing; the speed in bench/)."""

from __future__ import annotations

from collections import Counter

import pytest

import kg
from kg.web import data

ID = "https://w3id.org/kg/id/"
TTL = """\
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix kg:   <https://w3id.org/kg/ontology#> .
@prefix person: <https://w3id.org/kg/id/person/> .
@prefix state:  <https://w3id.org/kg/id/state/> .
person:kadri-lepik a kg:Person ; rdfs:label "Kadri Lepik"@en ;
    kg:leaderOf state:estonia ; kg:officialOf state:estonia .
person:urmas-tamm a kg:Person ; rdfs:label "Urmas Tamm"@en ; kg:officialOf state:estonia .
"""


@pytest.fixture()
def g(tmp_path):
    path = tmp_path / "people.ttl"
    path.write_text(TTL, encoding="utf-8")
    with kg.open(":memory:") as graph:
        graph.load([path], graph="urn:g:people")
        yield graph


@pytest.mark.issue(15)
def test_issue15_entity_graph_one_edge_per_pair(g) -> None:
    nb = data.neighbourhood(g, ID + "person/kadri-lepik")
    pairs = Counter((e["source"], e["target"]) for e in nb["edges"])
    assert max(pairs.values()) == 1
    (edge,) = [e for e in nb["edges"] if e["source"] == ID + "person/kadri-lepik"]
    assert (edge["target"], edge["label"]) == (ID + "state/estonia", "leaderOf, officialOf")


@pytest.mark.issue(15)
def test_issue15_search_looks_up_only_what_it_shows(g, monkeypatch) -> None:
    """A text most names contain: the names are scanned once and ranked, and only the best
    are looked up (types, labels), not every match."""
    looked_up: list[int] = []
    real = data.labels_and_kinds

    def counting(graph, iris):
        iris = list(iris)
        looked_up.append(len(iris))
        return real(graph, iris)

    monkeypatch.setattr(data, "labels_and_kinds", counting)
    found = data.search(g, "a", limit=5)
    assert len(found) == 5 and looked_up == [5]
    assert data.search(g, "estonia")[0]["iri"] == ID + "state/estonia"   # the exact name first
