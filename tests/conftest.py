"""Shared fixtures, and two hooks that run the extraction floors (tests/test_eval_floors.py) last,
scored in the background from the end of collection.

* ``fresh_kg``    an in-memory :class:`kg.KnowledgeGraph` (ontology + reference data loaded)
* ``store_path``  the path of an on-disk store in a tmp dir, already initialised
* ``store_factory`` more such stores (``store_factory()`` -> path)
* ``runner``      a typer ``CliRunner`` that keeps stderr apart from stdout
* ``sample_ttl``  a small good Turtle file in the contract's vocabulary
* ``sample_store`` an on-disk store with ``sample_ttl`` loaded into ``sample_graph``
* ``sample_graph`` the IRI of that graph
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """The per-article floors of extraction quality (tests/test_eval_floors.py) run last: their
    scorer runs start in the background when collection ends and overlap the rest of the suite."""
    floors = [item for item in items if item.path.name == "test_eval_floors.py"]
    if floors:
        items[:] = [item for item in items if item.path.name != "test_eval_floors.py"] + floors


def pytest_collection_finish(session: pytest.Session) -> None:
    if any(item.path.name == "test_eval_floors.py" for item in session.items):
        sys.path.insert(0, str(Path(__file__).parent))
        from eval_floors import start_prefetch

        start_prefetch()

SAMPLE_GRAPH = "https://example.org/graph/sample"

SAMPLE_TTL = """\
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix kg:     <https://w3id.org/kg/ontology#> .
@prefix state:  <https://w3id.org/kg/id/state/> .
@prefix person: <https://w3id.org/kg/id/person/> .
@prefix place:  <https://w3id.org/kg/id/place/> .
@prefix treaty: <https://w3id.org/kg/id/treaty/> .
@prefix summit: <https://w3id.org/kg/id/summit/> .
@prefix visit:  <https://w3id.org/kg/id/visit/> .

state:north-korea a kg:State ; rdfs:label "North Korea"@en .
state:russia a kg:State ; rdfs:label "Russia"@en .
state:soviet-union a kg:State ; rdfs:label "Soviet Union"@en .

# a chain of three: 2024 replaces 2000, which replaces 1961
treaty:friendship-treaty-1961 a kg:Treaty ;
    rdfs:label "Treaty of Friendship, Co-operation and Mutual Assistance"@en ;
    kg:party state:soviet-union , state:north-korea ;
    kg:signedOn "1961"^^xsd:gYear .

treaty:friendship-treaty-2000 a kg:Treaty ;
    rdfs:label "Treaty of Friendship, Good-Neighbourliness and Cooperation"@en ;
    kg:party state:russia , state:north-korea ;
    kg:signedOn "2000-02-09"^^xsd:date ;
    kg:replaces treaty:friendship-treaty-1961 .

treaty:comprehensive-strategic-partnership-treaty-2024 a kg:Treaty ;
    rdfs:label "Treaty on Comprehensive Strategic Partnership"@en ;
    kg:party state:russia , state:north-korea ;
    kg:signatory person:vladimir-putin ;
    kg:signedOn "2024-06-19"^^xsd:date ;
    kg:signedAt place:pyongyang ;
    kg:replaces treaty:friendship-treaty-2000 .

person:vladimir-putin a kg:Person ; rdfs:label "Vladimir Putin"@en ;
    kg:leaderOf state:russia ; kg:title "President" .
person:kim-jong-un a kg:Person ; rdfs:label "Kim Jong Un"@en .
person:choi-son-hui a kg:Person ; rdfs:label "Choi Son Hui"@en .

place:vostochny-cosmodrome a kg:Place ; rdfs:label "Vostochny Cosmodrome"@en ;
    kg:locatedIn state:russia .
place:pyongyang a kg:Place ; rdfs:label "Pyongyang"@en ; kg:locatedIn state:north-korea .

summit:kim-jong-un-vladimir-putin-2023 a kg:Summit ;
    rdfs:label "Kim Jong Un and Vladimir Putin summit, 2023"@en ;
    kg:participant person:kim-jong-un , person:vladimir-putin ;
    kg:startDate "2023-09-13"^^xsd:date ;
    kg:location place:vostochny-cosmodrome .

visit:choi-son-hui-russia-2024 a kg:Visit ;
    rdfs:label "Choi Son Hui's visit to Russia, 2024"@en ;
    kg:visitor person:choi-son-hui ;
    kg:destination state:russia ;
    kg:startDate "2024-01-14"^^xsd:date .
"""


@pytest.fixture
def fresh_kg() -> Iterator[kg.KnowledgeGraph]:
    """An in-memory knowledge graph (ontology and reference data loaded)."""
    g = kg.open(":memory:")
    yield g
    g.close()


@pytest.fixture(scope="session")
def _store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Creating a store builds the reference graph (~1 s); copying a closed one takes ms.
    path = tmp_path_factory.mktemp("template") / "store"
    kg.open(path).close()
    return path


@pytest.fixture
def store_factory(tmp_path: Path, _store_template: Path) -> Callable[[], Path]:
    """Call it for the path of another initialised, closed on-disk store of this test."""
    made: list[Path] = []

    def make() -> Path:
        path = tmp_path / f"store{len(made) or ''}"
        shutil.copytree(_store_template, path)
        made.append(path)
        return path

    return make


@pytest.fixture
def store_path(store_factory: Callable[[], Path]) -> Path:
    """The path of an on-disk store (initialised, closed) that only this test uses."""
    return store_factory()


@pytest.fixture
def runner() -> CliRunner:
    """A CliRunner whose result has separate ``stdout`` and ``stderr``."""
    try:  # click < 8.2 mixes stderr into stdout unless told not to
        return CliRunner(mix_stderr=False, env={"KG_STORE": None})  # type: ignore[call-arg]
    except TypeError:  # click >= 8.2 and typer's vendored click keep them apart already
        return CliRunner(env={"KG_STORE": None})


@pytest.fixture(scope="session")
def sample_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small good Turtle file: 3 states, a chain of 3 treaties, a leader, a summit, a visit.

    Do not modify it: it is written once per session.
    """
    path = tmp_path_factory.mktemp("sample") / "sample.ttl"
    path.write_text(SAMPLE_TTL, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def sample_graph() -> str:
    """The named graph ``sample_store`` holds the sample in."""
    return SAMPLE_GRAPH


@pytest.fixture(scope="session")
def _sample_store_template(tmp_path_factory: pytest.TempPathFactory, _store_template: Path,
                           sample_ttl: Path) -> Path:
    path = tmp_path_factory.mktemp("sample-template") / "store"
    shutil.copytree(_store_template, path)
    with kg.open(path) as g:
        g.load([sample_ttl], graph=SAMPLE_GRAPH)
    return path


@pytest.fixture
def sample_store(tmp_path: Path, _sample_store_template: Path) -> Path:
    """An on-disk store of this test's own with ``sample_ttl`` loaded into ``sample_graph``."""
    path = tmp_path / "sample-store"
    shutil.copytree(_sample_store_template, path)
    return path
