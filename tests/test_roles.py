"""Offices in time: `leaders --param date=` and `roles --param person=` read the dates of the
articles that state each office (texts written for this test)."""

from __future__ import annotations

import pytest

import kg
from kg.errors import InputError

Y2005 = """Putin meets Schroeder

MOSCOW, May 9 (Wire) - Russian President Vladimir Putin met German Chancellor Gerhard Schroeder in Moscow on Monday.
"""
Y2009 = """Medvedev meets Merkel

MOSCOW, May 10 (Wire) - Russian President Dmitry Medvedev met German Chancellor Angela Merkel in Moscow on Sunday. Prime Minister Vladimir Putin also held talks with Merkel.
"""


@pytest.fixture(scope="module")
def g() -> kg.KnowledgeGraph:
    store = kg.open(":memory:")
    store.ingest(Y2005, date="2005-05-09")
    store.ingest(Y2009, date="2009-05-10")
    return store


def _leaders(g: kg.KnowledgeGraph, **params: str) -> dict[str, tuple[str, str, str]]:
    return {r["name"]: (r["title"], r["from"], r["to"]) for r in g.ask("leaders", **params).to_dicts()}


def test_leaders_on_a_date(g: kg.KnowledgeGraph) -> None:
    on = _leaders(g, state="Russia", date="2009-05-10")
    assert on == {"Dmitry Medvedev": ("President", "2009-05-10", "2009-05-10"),
                  "Vladimir Putin": ("Prime Minister", "2009-05-10", "2009-05-10")}
    assert _leaders(g, state="Russia", date="2005") == {"Vladimir Putin": ("President", "2005-05-09", "2005-05-09")}
    assert _leaders(g, state="Russia", date="2007-01-01") == {}   # nothing attested on both sides of it


def test_leaders_without_a_date_span_every_article(g: kg.KnowledgeGraph) -> None:
    putin = _leaders(g, state="Russia")["Vladimir Putin"]
    assert set(putin[0].split(" | ")) == {"President", "Prime Minister"} and putin[1:] == ("2005-05-09", "2009-05-10")


def test_roles_of_a_person_over_time(g: kg.KnowledgeGraph) -> None:
    rows = g.ask("roles", person="Putin").to_dicts()
    assert [(r["title"], r["stateName"], r["role"], r["from"], r["to"], r["articles"]) for r in rows] == [
        ("President", "Russia", "leader", "2005-05-09", "2005-05-09", "1"),
        ("Prime Minister", "Russia", "leader", "2009-05-10", "2009-05-10", "1")]
    assert "Putin" in rows[1]["sentence"]


def test_bad_date_and_missing_person_are_input_errors(g: kg.KnowledgeGraph) -> None:
    with pytest.raises(InputError, match="expected a date"):
        g.ask("leaders", date="May")
    with pytest.raises(InputError, match="needs --param person"):
        g.ask("roles")
