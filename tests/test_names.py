"""The page's search box: names ranked (kg/web/names.py), and the index kept per store folder."""

from __future__ import annotations

from pathlib import Path

import kg
from kg.web import data, names

PERSON = "https://w3id.org/kg/ontology#Person"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
ID = "https://w3id.org/kg/id/person/"


def _ranked(pairs: list[tuple[str, str]], text: str) -> list[str]:
    return list(names.Names(pairs).ranked(text))


def test_exact_then_starting_then_containing_each_shortest_first() -> None:
    pairs = [("x:contains-long", "Lower Varnbridge"), ("x:starts", "Varnbridge Hollow"),
             ("x:exact", "varnbridge"), ("x:contains-short", "Old Varnbridge"),
             ("x:starts-short", "Varnbridges")]
    assert _ranked(pairs, "VARNBRIDGE") == ["x:exact", "x:starts-short", "x:starts",
                                            "x:contains-short", "x:contains-long"]


def test_an_entity_comes_once_at_its_best_name() -> None:
    pairs = [("x:a", "Greater Tollmark Region"), ("x:a", "Tollmark"), ("x:b", "Tollmark Bay")]
    assert _ranked(pairs, "tollmark") == ["x:a", "x:b"]


def test_texts_shorter_than_a_piece_and_texts_no_name_holds() -> None:
    pairs = [("x:1", "Quorvel"), ("x:2", "Ibanqu"), ("x:3", "Pelmar")]
    assert _ranked(pairs, "qu") == ["x:1", "x:2"]
    assert _ranked(pairs, "r") == ["x:3", "x:1"]
    assert _ranked(pairs, "quorvex") == []
    assert _ranked(pairs, "zzz") == []


def _write_people(path: Path, people: dict[str, str], graph: str) -> Path:
    lines = [f'<{ID}{key}> <{LABEL}> "{name}" <{graph}> .\n<{ID}{key}> '
             f'<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{PERSON}> <{graph}> .\n'
             for key, name in people.items()]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_store_in_a_folder_keeps_its_index_until_a_write(tmp_path: Path) -> None:
    store = tmp_path / "store"
    g = kg.open(store)
    try:
        g.load([_write_people(tmp_path / "a.nq", {"ilse-darrow": "Ilse Darrow"},
                              "https://w3id.org/kg/article/one")])
        assert [r["label"] for r in data.search(g, "darrow")] == ["Ilse Darrow"]
        first = names.store_names(g)
        assert first is not None and names.store_names(g) is first  # no write: the same index
        g.load([_write_people(tmp_path / "b.nq", {"omar-darrowby": "Omar Darrowby"},
                              "https://w3id.org/kg/article/two")])
        assert names.store_names(g) is not first
        assert [r["label"] for r in data.search(g, "darrow")] == ["Ilse Darrow", "Omar Darrowby"]
        g.remove("https://w3id.org/kg/article/one")
        assert [r["label"] for r in data.search(g, "darrow")] == ["Omar Darrowby"]
    finally:
        g.close()


def test_a_store_in_memory_ranks_the_same_way(tmp_path: Path) -> None:
    people = {"ilse-darrow": "Ilse Darrow", "omar-darrowby": "Omar Darrowby", "sara-pendarrow": "Sara Pendarrow"}
    nq = _write_people(tmp_path / "a.nq", people, "https://w3id.org/kg/article/one")
    found = []
    for where in (None, tmp_path / "store"):
        g = kg.open(where) if where else kg.open(":memory:")
        try:
            g.load([nq])
            assert (names.store_names(g) is None) == (where is None)
            found.append([r["label"] for r in data.search(g, "Darrow")])
        finally:
            g.close()
    assert found[0] == found[1] == ["Ilse Darrow", "Omar Darrowby", "Sara Pendarrow"]
