"""SHACL validation: shapes/kg.ttl and kg/validate.py.

A good graph (tests/shapes/good.ttl) conforms; each bad graph breaks it in one
way and must give a result on the expected focus node and path, render in all
three formats, and map back to the offending triples.
"""

from __future__ import annotations

import dataclasses
import doctest
import json
from pathlib import Path
from typing import Callable

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SH

import kg.validate
from kg.namespace import ARTICLE, ID, KG
from kg.validate import Report, Violation, failing_triples, shapes_graph, validate

HERE = Path(__file__).parent
GOOD = HERE / "shapes" / "good.ttl"

RUSSIA = ID["state/russia"]
NORTH_KOREA = ID["state/north-korea"]
PUTIN = ID["person/vladimir-putin"]
KIM = ID["person/kim-jong-un"]
CHOI = ID["person/choi-son-hee"]
PYONGYANG = ID["place/pyongyang"]
T2000 = ID["treaty/friendship-treaty-2000"]
T1961 = ID["treaty/friendship-treaty-1961"]
SUMMIT = ID["summit/kim-jong-un-vladimir-putin-2023"]
VISIT = ID["visit/choi-son-hee-russia-2024"]
ARTICLE_IRI = ARTICLE["f95bd297a9d69483"]


# (rdflib's XSD namespace object is kept out of the module globals: pytest's
# collection probes every global and XSD warns on unknown attribute names.)
def _xsd(datatype: str) -> Callable[[str], Literal]:
    return lambda text: Literal(text, datatype=URIRef("http://www.w3.org/2001/XMLSchema#" + datatype))


xsd_date = _xsd("date")
xsd_year_month = _xsd("gYearMonth")
xsd_year = _xsd("gYear")
xsd_date_time = _xsd("dateTime")


def good_graph() -> Graph:
    return Graph().parse(GOOD, format="turtle")


def set_value(g: Graph, s: URIRef, p: URIRef, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


# ---------------------------------------------------------------------------
# The good graph
# ---------------------------------------------------------------------------


def test_good_graph_conforms() -> None:
    report = validate(good_graph())
    assert report.conforms, report.to_text()
    assert report.violations == ()
    # 2 states, 3 persons, 2 places, 2 treaties, summit, visit, article
    assert report.nodes_checked == 12
    assert report.to_text().strip() == "Conforms: 12 nodes checked"
    assert json.loads(report.to_json()) == {"conforms": True, "nodes_checked": 12, "violations": []}
    parsed = Graph().parse(data=report.to_turtle(), format="turtle")
    assert (None, SH.conforms, Literal(True)) in parsed
    assert failing_triples(report, good_graph()) == set()


@pytest.mark.parametrize(
    ("new", "old"),
    [
        (xsd_year("2000"), xsd_date("1961-07-11")),
        (xsd_year_month("2000-02"), xsd_year("1961")),
        # same year, different precision: cannot be ordered, so it passes
        (xsd_year("1961"), xsd_date("1961-07-11")),
        (xsd_date("1961-07-11"), xsd_year_month("1961-07")),
        # same day
        (xsd_date("1961-07-11"), xsd_date("1961-07-11")),
    ],
    ids=["gYear-after-date", "gYearMonth-after-gYear", "same-year", "same-month", "same-day"],
)
def test_replacing_a_treaty_signed_earlier_or_unordered_passes(new: Literal, old: Literal) -> None:
    g = good_graph()
    set_value(g, T2000, KG.signedOn, new)
    set_value(g, T1961, KG.signedOn, old)
    report = validate(g)
    assert report.conforms, report.to_text()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2023-09-13", xsd_year_month("2023-09")),
        ("2023-09-13", xsd_year("2023")),
        ("2023-09-13", xsd_date("2023-09-13")),
        ("2023-09-13", xsd_date("2023-09-14")),
    ],
)
def test_end_not_before_start_passes(start: str, end: Literal) -> None:
    g = good_graph()
    set_value(g, SUMMIT, KG.startDate, xsd_date(start))
    set_value(g, SUMMIT, KG.endDate, end)
    assert validate(g).conforms


# ---------------------------------------------------------------------------
# One kind of violation at a time
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class Case:
    """A way to break the good graph and what validation must say about it."""

    edit: Callable[[Graph], None]
    focus: URIRef
    path: str
    message: str  # a fragment of the expected message
    triples: set  # expected subset of failing_triples(); empty set when none apply
    value: str | None = None


def _missing_label(g: Graph) -> None:
    g.remove((RUSSIA, RDFS.label, None))


def _two_labels(g: Graph) -> None:
    g.add((RUSSIA, RDFS.label, Literal("Russian Federation", lang="en")))


def _label_not_text(g: Graph) -> None:
    set_value(g, NORTH_KOREA, RDFS.label, URIRef("http://www.wikidata.org/entity/Q423"))


def _plain_string_date(g: Graph) -> None:
    set_value(g, T2000, KG.signedOn, Literal("2000-02-09"))


def _ill_formed_date(g: Graph) -> None:
    set_value(g, VISIT, KG.startDate, xsd_date("2024-02-30"))


def _article_date_time(g: Graph) -> None:
    set_value(g, ARTICLE_IRI, DCTERMS.date, xsd_date_time("2024-01-22T10:00:00"))


def _one_party(g: Graph) -> None:
    g.remove((T2000, KG.party, NORTH_KOREA))


def _party_not_state(g: Graph) -> None:
    g.remove((T2000, KG.party, NORTH_KOREA))
    g.add((T2000, KG.party, KIM))


def _signatory_not_person(g: Graph) -> None:
    g.add((T2000, KG.signatory, RUSSIA))


def _signed_at_not_place(g: Graph) -> None:
    set_value(g, T2000, KG.signedAt, NORTH_KOREA)


def _no_participant(g: Graph) -> None:
    g.remove((SUMMIT, KG.participant, KIM))
    g.remove((SUMMIT, KG.participant, PUTIN))


def _participant_a_place(g: Graph) -> None:
    g.add((SUMMIT, KG.participant, PYONGYANG))


def _destination_a_person(g: Graph) -> None:
    set_value(g, VISIT, KG.destination, PUTIN)


def _no_visitor(g: Graph) -> None:
    g.remove((VISIT, KG.visitor, None))


def _replaces_non_treaty(g: Graph) -> None:
    set_value(g, T2000, KG.replaces, RUSSIA)


def _replaces_itself(g: Graph) -> None:
    g.add((T2000, KG.replaces, T2000))


def _replaces_later(g: Graph) -> None:
    # a treaty of 1961 "replacing" one signed in 2000
    set_value(g, T2000, KG.signedOn, xsd_year("1961"))
    set_value(g, T1961, KG.signedOn, xsd_date("2000-02-09"))


def _replaced_by_earlier(g: Graph) -> None:
    g.remove((T2000, KG.replaces, None))
    g.add((T2000, KG.replacedBy, T1961))


def _leader_of_person(g: Graph) -> None:
    set_value(g, PUTIN, KG.leaderOf, KIM)


def _located_in_place(g: Graph) -> None:
    set_value(g, PYONGYANG, KG.locatedIn, ID["place/vostochny-cosmodrome"])


def _title_not_string(g: Graph) -> None:
    set_value(g, CHOI, KG.title, Literal(3))


def _end_before_start(g: Graph) -> None:
    set_value(g, VISIT, KG.endDate, xsd_date("2024-01-10"))


def _summit_ends_year_before(g: Graph) -> None:
    set_value(g, SUMMIT, KG.endDate, xsd_year("2022"))


CASES: dict[str, Case] = {
    "missing-label": Case(_missing_label, RUSSIA, "rdfs:label", "exactly one label", set()),
    "two-labels": Case(
        _two_labels, RUSSIA, "rdfs:label", "exactly one label",
        {(RUSSIA, RDFS.label, Literal("Russia", lang="en")),
         (RUSSIA, RDFS.label, Literal("Russian Federation", lang="en"))},
    ),
    "label-not-text": Case(
        _label_not_text, NORTH_KOREA, "rdfs:label", "must be text",
        {(NORTH_KOREA, RDFS.label, URIRef("http://www.wikidata.org/entity/Q423"))},
        value="http://www.wikidata.org/entity/Q423",
    ),
    "date-plain-string": Case(
        _plain_string_date, T2000, "kg:signedOn", "xsd:date, xsd:gYearMonth or xsd:gYear",
        {(T2000, KG.signedOn, Literal("2000-02-09"))}, value='"2000-02-09"',
    ),
    "date-ill-formed": Case(
        _ill_formed_date, VISIT, "kg:startDate", "xsd:date",
        {(VISIT, KG.startDate, xsd_date("2024-02-30"))},
        value='"2024-02-30"^^xsd:date',
    ),
    "article-date-time": Case(
        _article_date_time, ARTICLE_IRI, "dcterms:date", "article's date",
        {(ARTICLE_IRI, DCTERMS.date, xsd_date_time("2024-01-22T10:00:00"))},
    ),
    "treaty-one-party": Case(
        _one_party, T2000, "kg:party", "at least two parties", {(T2000, KG.party, RUSSIA)},
    ),
    "party-not-state": Case(
        _party_not_state, T2000, "kg:party", "must be a state", {(T2000, KG.party, KIM)},
        value=str(KIM),
    ),
    "signatory-not-person": Case(
        _signatory_not_person, T2000, "kg:signatory", "must be a person", {(T2000, KG.signatory, RUSSIA)},
    ),
    "signed-at-not-place": Case(
        _signed_at_not_place, T2000, "kg:signedAt", "signed at a place", {(T2000, KG.signedAt, NORTH_KOREA)},
    ),
    "summit-no-participant": Case(_no_participant, SUMMIT, "kg:participant", "needs a participant", set()),
    "participant-a-place": Case(
        _participant_a_place, SUMMIT, "kg:participant", "a person or a state",
        {(SUMMIT, KG.participant, PYONGYANG)},
    ),
    "destination-a-person": Case(
        _destination_a_person, VISIT, "kg:destination", "a state or a place", {(VISIT, KG.destination, PUTIN)},
    ),
    "visit-without-visitor": Case(_no_visitor, VISIT, "kg:visitor", "needs a visitor", set()),
    "replaces-non-treaty": Case(
        _replaces_non_treaty, T2000, "kg:replaces", "only replace another treaty",
        {(T2000, KG.replaces, RUSSIA)},
    ),
    "replaces-itself": Case(
        _replaces_itself, T2000, "kg:replaces", "cannot replace itself", {(T2000, KG.replaces, T2000)},
        value=str(T2000),
    ),
    "replaces-later-treaty": Case(
        _replaces_later, T2000, "kg:replaces", "cannot replace one signed after it",
        {(T2000, KG.replaces, T1961)}, value=str(T1961),
    ),
    "replaced-by-earlier-treaty": Case(
        _replaced_by_earlier, T2000, "kg:replacedBy", "replaced by one signed before it",
        {(T2000, KG.replacedBy, T1961)},
    ),
    "leader-of-person": Case(
        _leader_of_person, PUTIN, "kg:leaderOf", "leader of a state", {(PUTIN, KG.leaderOf, KIM)},
    ),
    "located-in-place": Case(
        _located_in_place, PYONGYANG, "kg:locatedIn", "located in a state",
        {(PYONGYANG, KG.locatedIn, ID["place/vostochny-cosmodrome"])},
    ),
    "title-not-string": Case(
        _title_not_string, CHOI, "kg:title", "plain string", {(CHOI, KG.title, Literal(3))},
    ),
    "visit-ends-before-start": Case(
        _end_before_start, VISIT, "kg:endDate", "cannot end before it starts",
        {(VISIT, KG.endDate, xsd_date("2024-01-10"))},
        value='"2024-01-10"^^xsd:date',
    ),
    "summit-ends-year-before": Case(
        _summit_ends_year_before, SUMMIT, "kg:endDate", "cannot end before it starts",
        {(SUMMIT, KG.endDate, xsd_year("2022"))},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_violation(name: str) -> None:
    case = CASES[name]
    g = good_graph()
    case.edit(g)
    report = validate(g)

    assert not report.conforms, report.to_text()
    hits = [v for v in report.violations if v.focus == str(case.focus) and v.path == case.path]
    assert hits, report.to_text()
    v = next((h for h in hits if case.message in h.message), None)
    assert v is not None, [h.message for h in hits]
    assert v.severity == "Violation"
    assert v.shape is not None and v.shape.startswith("kgsh:")
    if case.value is not None:
        assert v.value == case.value
    assert "{?" not in v.message and "$this" not in v.message  # templates filled in

    # text: the focus block, the path and the message
    text = report.to_text()
    assert v.message in text
    assert f"path: {case.path}" in text
    if v.focus_label:
        assert f"{v.focus_label} (" in text
    assert "violation" in text.strip().splitlines()[-1]

    # json
    data = json.loads(report.to_json())
    assert data["conforms"] is False
    assert v.to_dict() in data["violations"]

    # turtle: parses, and holds a result on that focus node and path
    parsed = Graph().parse(data=report.to_turtle(), format="turtle")
    results = set(parsed.subjects(SH.focusNode, case.focus))
    assert any(parsed.value(r, SH.resultPath) is not None for r in results)

    # the facts to quarantine
    bad = failing_triples(report, g)
    assert case.triples <= bad
    assert all(t in g for t in bad)


def test_replaces_later_message_names_both_dates() -> None:
    g = good_graph()
    _replaces_later(g)
    (v,) = [v for v in validate(g).violations if v.path == "kg:replaces"]
    assert v.message == "A treaty cannot replace one signed after it (this one: 1961, the replaced one: 2000-02-09)"


def test_garbled_date_is_not_ordered() -> None:
    # only the datatype check speaks; the order check leaves unreadable dates alone
    g = good_graph()
    set_value(g, VISIT, KG.endDate, xsd_date("24-1-5"))
    report = validate(g)
    assert [(v.path, v.shape) for v in report.violations] == [("kg:endDate", "kgsh:Visit-endDate")]


def test_end_before_start_quarantines_only_the_end_date() -> None:
    g = good_graph()
    _end_before_start(g)
    report = validate(g)
    assert failing_triples(report, g) == {(VISIT, KG.endDate, xsd_date("2024-01-10"))}


def test_text_block_layout() -> None:
    g = good_graph()
    _party_not_state(g)
    text = validate(g).to_text()
    block = (
        "Treaty of Friendship, Good-Neighbourliness and Cooperation (treaty:friendship-treaty-2000)\n"
        "  path: kg:party  value: person:kim-jong-un\n"
        "  A party to a treaty must be a state"
    )
    assert block in text
    assert text.rstrip().endswith("1 violation (12 nodes checked)")


# ---------------------------------------------------------------------------
# Warnings, context, datasets
# ---------------------------------------------------------------------------


def test_non_english_label_is_a_warning_only() -> None:
    g = good_graph()
    set_value(g, RUSSIA, RDFS.label, Literal("Россия", lang="ru"))
    report = validate(g)
    assert report.conforms
    (v,) = report.violations
    assert (v.severity, v.path, v.focus_label) == ("Warning", "rdfs:label", "Россия")
    assert "Warning: " in report.to_text()
    assert report.summary() == "Conforms: 12 nodes checked, 1 warning"
    assert json.loads(report.to_json())["violations"][0]["severity"] == "Warning"


def test_treaty_without_parties_is_a_warning_only() -> None:
    # "the 1961 Treaty of Friendship": parties unknown, not wrong
    g = good_graph()
    g.remove((T1961, KG.party, None))
    report = validate(g)
    assert report.conforms
    assert [(v.severity, v.focus, v.path) for v in report.violations] == [("Warning", str(T1961), "kg:party")]


def test_untagged_label_is_a_warning_only() -> None:
    g = good_graph()
    set_value(g, RUSSIA, RDFS.label, Literal("Russia"))
    report = validate(g)
    assert report.conforms
    assert [(v.severity, v.shape) for v in report.violations] == [("Warning", "kgsh:label-english")]


def test_context_supplies_types_and_labels() -> None:
    # an article's facts about a treaty between states typed in the reference graph
    full = good_graph()
    states = {RUSSIA, NORTH_KOREA}
    data, context = Graph(), Graph()
    for t in full.triples((T1961, None, None)):
        data.add(t)
    for s in states:
        for t in full.triples((s, None, None)):
            context.add(t)

    alone = validate(data)
    assert not alone.conforms
    assert {v.path for v in alone.violations} == {"kg:party"}

    report = validate(data, context=context)
    assert report.conforms, report.to_text()
    assert len(data) == 5 and len(context) == 4  # inputs untouched

    # a problem in the context is reported, but maps to no data triple
    context.remove((RUSSIA, RDFS.label, None))
    report = validate(data, context=context)
    assert not report.conforms
    (v,) = report.violations
    assert v.focus == str(RUSSIA) and v.path == "rdfs:label"
    assert failing_triples(report, data) == set()


def test_dataset_is_validated_as_union() -> None:
    full = good_graph()
    ds = Dataset()
    article_graph = ds.graph(ARTICLE_IRI)
    reference_graph = ds.graph(URIRef("https://w3id.org/kg/graph/reference"))
    for s, p, o in full:
        target = reference_graph if (s, RDF.type, KG.State) in full else article_graph
        target.add((s, p, o))
    assert validate(ds).conforms

    article_graph.remove((T2000, KG.party, NORTH_KOREA))
    report = validate(ds)
    assert [v.path for v in report.violations] == ["kg:party"]
    assert failing_triples(report, ds) == {(T2000, KG.party, RUSSIA)}


def test_node_level_violation_concerns_all_triples_of_the_focus() -> None:
    shapes = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://w3id.org/kg/ontology#> .
        <urn:x:NoPlans> a sh:NodeShape ; sh:targetClass kg:Treaty ;
            sh:closed false ; sh:not [ sh:class kg:Treaty ] ;
            sh:message "No treaties here" .
    """)
    g = good_graph()
    report = validate(g, shapes=shapes)
    assert not report.conforms
    assert {v.path for v in report.violations} == {None}
    assert {v.message for v in report.violations} == {"No treaties here"}
    bad = failing_triples(report, g)
    assert bad == set(g.triples((T2000, None, None))) | set(g.triples((T1961, None, None)))
    assert "path:" not in report.to_text()


def test_inverse_path_is_rendered_and_mapped_back() -> None:
    shapes = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kg: <https://w3id.org/kg/ontology#> .
        <urn:x:OneTreaty> a sh:NodeShape ; sh:targetClass kg:State ;
            sh:property [ sh:path [ sh:inversePath kg:party ] ; sh:maxCount 1 ;
                          sh:message "At most one treaty per state" ] .
    """)
    g = good_graph()
    report = validate(g, shapes=shapes)
    assert {v.path for v in report.violations} == {"^kg:party"}
    assert failing_triples(report, g) == {
        (t, KG.party, s) for t in (T2000, T1961) for s in (RUSSIA, NORTH_KOREA)
    }


def test_failing_triples_from_plain_violations() -> None:
    # records built by hand (e.g. read back from JSON) still map to triples
    g = good_graph()
    report = Report(
        conforms=False,
        violations=(
            Violation(str(T2000), None, "kg:party", str(RUSSIA), "x"),
            Violation(str(VISIT), None, "kg:endDate", '"2024-01-18"^^xsd:date', "x"),
            Violation(str(PUTIN), None, "kg:title", None, "x"),
        ),
        graph=Graph(),
    )
    assert failing_triples(report, g) == {
        (T2000, KG.party, RUSSIA),
        (VISIT, KG.endDate, xsd_date("2024-01-18")),
        (PUTIN, KG.title, Literal("President")),
    }


def test_bad_shapes_raise_input_error() -> None:
    from kg.errors import InputError

    shapes = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:x:S> a sh:NodeShape ; sh:targetNode <urn:x:n> ;
            sh:property [ sh:path <urn:x:p> ; sh:minCount "many" ] .
    """)
    with pytest.raises(InputError):
        validate(Graph(), shapes=shapes)


def test_shapes_graph_is_a_copy() -> None:
    a = shapes_graph()
    assert (URIRef(kg.validate.SHAPES_NS + "Treaty"), SH.targetClass, KG.Treaty) in a
    a.remove((None, None, None))
    assert len(shapes_graph()) > 100


def test_every_shape_has_a_message() -> None:
    g = shapes_graph()
    for shape in set(g.subjects(RDF.type, SH.PropertyShape)):
        has_sparql = (shape, SH.sparql, None) in g
        messages = list(g.objects(shape, SH.message))
        if has_sparql:
            assert not messages, f"{shape}: pySHACL would emit both messages"
            assert all(g.value(c, SH.message) for c in g.objects(shape, SH.sparql)), shape
        else:
            assert messages, f"{shape} has no sh:message"


def test_doctests() -> None:
    result = doctest.testmod(kg.validate)
    assert result.failed == 0 and result.attempted > 0


# ---------------------------------------------------------------------------
# The fast first check (pyshacl-turbo) agrees with pySHACL
# ---------------------------------------------------------------------------


def _nt(g: Graph) -> bytes:
    return g.serialize(format="nt", encoding="utf-8")


def test_fast_check_passes_the_good_graph_and_warnings() -> None:
    g = good_graph()
    assert kg.validate.conforms_quickly(_nt(g)) is True
    g.remove((T1961, KG.party, None))  # a warning only
    set_value(g, RUSSIA, RDFS.label, Literal("Russia"))  # a warning only
    assert validate(g).conforms
    assert kg.validate.conforms_quickly(_nt(g)) is True


@pytest.mark.parametrize("name", list(CASES))
def test_fast_check_fails_every_violation(name: str) -> None:
    # ingest skips pySHACL when the fast check says "conforms": it must never say so
    # for data pySHACL rejects
    g = good_graph()
    CASES[name].edit(g)
    assert not validate(g).conforms
    assert kg.validate.conforms_quickly(_nt(g)) is False


@pytest.mark.parametrize("name", list(CASES))
def test_fast_report_is_pyshacls_for_every_violation(name: str) -> None:
    # ingest's quarantine reads its reasons and failing triples from the fast report
    g = good_graph()
    CASES[name].edit(g)
    slow, fast = validate(g), kg.validate.validate_quickly(g)
    assert fast is not None and not fast.conforms
    assert fast.violations == slow.violations and fast.nodes_checked == slow.nodes_checked
    assert kg.validate.failing_triples(fast, g) == kg.validate.failing_triples(slow, g)


def test_fast_report_says_none_when_the_engine_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def validate(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("engine down")

    monkeypatch.setattr(kg.validate, "_compiled_shapes", lambda: Broken())
    assert kg.validate.validate_quickly(good_graph()) is None


def test_fast_check_says_none_when_it_cannot_tell() -> None:
    assert kg.validate.conforms_quickly(b"<not N-Triples") is None
