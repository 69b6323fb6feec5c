"""Caps on what one article can mint (issue 14): members per event, key (IRI) and label length.

An article naming thousands of leaders at one gathering made a summit of 774 participants
with an IRI of 9,882 characters; now the summit keeps the first ``MAX_MEMBERS`` and its key
is cut to ``MAX_KEY_CHARS`` (ended with a hash of the whole key), each cut noted in the report.
"""

from __future__ import annotations

import doctest
import random

import pytest

import kg
import kg.caps
from kg.caps import MAX_KEY_CHARS, MAX_LABEL_CHARS, MAX_MEMBERS, cap
from kg.model import ArticleDate, Entity, Evidence, Extraction, Fact, Ref
from kg.namespace import ID

_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "bor", "vel", "sa", "dun", "mar", "li", "gor", "pe",
              "tal", "ni", "ros", "ze", "han", "qu", "bel"]


def crowd_article(n: int) -> str:
    """A summit story naming ``n`` presidents (made-up names) in one sentence."""
    rnd = random.Random(14)

    def name() -> str:
        return ("".join(rnd.choice(_SYLLABLES) for _ in range(2)).capitalize() + " "
                + "".join(rnd.choice(_SYLLABLES) for _ in range(3)).capitalize())

    names = ", ".join(f"President {name()}" for _ in range(n))
    return ("Leaders meet in Geneva\n\n"
            "GENEVA, June 3, 2024 - Leaders from across the world held a summit in Geneva on Monday.\n"
            f"The summit was attended by {names}.\n"
            "The leaders met for two days and discussed trade.\n")


@pytest.fixture(scope="module")
def crowd() -> tuple[kg.KnowledgeGraph, kg.IngestReport]:
    g = kg.open(":memory:")
    return g, g.ingest(crowd_article(MAX_MEMBERS + 50))


@pytest.mark.parametrize("n", [MAX_MEMBERS + 50])
def test_caps_summit_keeps_the_first_members(crowd, n) -> None:
    g, report = crowd
    rows = g.query("SELECT ?s (COUNT(?p) AS ?n) WHERE { ?s a kg:Summit ; kg:participant ?p } GROUP BY ?s")
    counts = [int(r[1].value) for r in rows]
    assert counts == [MAX_MEMBERS]
    # (the extractor reads the first MAX_MEMBERS people of a sentence, and says so; an event
    # made from several sentences is capped as it is minted: see the tests below)
    assert f"a sentence names {n} people: the first {MAX_MEMBERS} read (the cap)" in report.summary()


def test_caps_no_iri_over_the_key_cap(crowd) -> None:
    g, report = crowd
    iris = [r[0].value for r in g.query(
        "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) }")]
    longest = max(len(i) for i in iris if i.startswith(str(ID)))
    assert longest <= len(str(ID)) + MAX_KEY_CHARS
    assert "a summit key of " in report.summary() and "was shortened to" in report.summary()


def test_caps_no_label_over_the_label_cap(crowd) -> None:
    g, _ = crowd
    labels = [r[0].value for r in g.query("SELECT ?l WHERE { GRAPH ?g { ?s rdfs:label|skos:altLabel ?l } }")]
    assert max(len(label) for label in labels) <= MAX_LABEL_CHARS


def _extraction(members: int, key: str = "summit/a-b-2024", label: str = "Summit of A and B (2024)") -> Extraction:
    ev = Evidence("A and B met.")
    ex = Extraction("A and B met.", None, ArticleDate(None, "none"))
    ex.entities[key] = Entity(key, "Summit", label)
    for i in range(members):
        ex.entities[f"person/p{i}"] = Entity(f"person/p{i}", "Person", f"P{i}")
        ex.facts.append(Fact(key, "participant", Ref(f"person/p{i}"), ev))
    return ex


@pytest.mark.parametrize("members", [2, MAX_MEMBERS])
def test_caps_within_the_caps_changes_nothing(members) -> None:
    ex = _extraction(members)
    assert cap(ex) is ex


@pytest.mark.parametrize("members", [MAX_MEMBERS + 1])
def test_caps_members_past_the_cap_and_their_entities_go(members) -> None:
    capped = cap(_extraction(members))
    assert [f.obj.key for f in capped.facts] == [f"person/p{i}" for i in range(MAX_MEMBERS)]
    assert f"person/p{MAX_MEMBERS}" not in capped.entities   # named only as a member past the cap
    assert capped.notes == [f"Summit of A and B (2024): {members} participants, the first {MAX_MEMBERS} kept (the cap)"]


@pytest.mark.parametrize("length", [MAX_KEY_CHARS + 1, 9882])
def test_caps_long_key_is_cut_everywhere(length) -> None:
    key = "summit/" + "x" * (length - len("summit/"))
    capped = cap(_extraction(2, key=key))
    short = kg.caps.short_key(key)
    assert len(short) <= MAX_KEY_CHARS and short.startswith("summit/x")
    assert key not in capped.entities and capped.entities[short].key == short
    assert {f.subject for f in capped.facts} == {short}
    assert kg.caps.short_key(key + "y") != short   # the hash keeps long keys apart


def test_caps_long_label_is_cut_at_a_word() -> None:
    label = "Summit of " + " and ".join(f"Someone{i}" for i in range(100)) + " (2024)"
    capped = cap(_extraction(2, label=label))
    new = capped.entities["summit/a-b-2024"].label
    assert len(new) <= MAX_LABEL_CHARS and new.endswith(" … (2024)") and new.startswith("Summit of Someone0")
    assert capped.notes == [f"1 label over {MAX_LABEL_CHARS} characters shortened (the cap)"]


def test_caps_doctests() -> None:
    assert doctest.testmod(kg.caps).failed == 0
