"""kg/kinds.py is the one table of kinds: the ontology, the shapes, the model and the web page agree with it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import OWL, RDF

from kg import kinds
from kg.model import EntityKind
from kg.namespace import KG

ROOT = Path(__file__).resolve().parent.parent
SH = Namespace("http://www.w3.org/ns/shacl#")
KGNS = Namespace(str(KG))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "kg.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "shapes" / "kg.ttl")


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.name)
def test_kind_is_an_ontology_class_with_its_properties(kind: kinds.Kind, ontology: Graph) -> None:
    assert (KGNS[kind.name], RDF.type, OWL.Class) in ontology
    for p in kind.links:
        assert (KGNS[p], RDF.type, OWL.ObjectProperty) in ontology, p
    for p in kind.dates:
        assert (KGNS[p], RDF.type, OWL.DatatypeProperty) in ontology, p


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.name)
def test_kind_has_shapes_for_its_properties(kind: kinds.Kind, shapes: Graph) -> None:
    targeted = set(shapes.subjects(SH.targetClass, KGNS[kind.name]))
    assert targeted, f"no shape targets kg:{kind.name}"
    paths = {o for s in targeted for ps in shapes.objects(s, SH.property) for o in shapes.objects(ps, SH.path)}
    for p in (*kind.links, *kind.dates):
        by_subject = set(shapes.subjects(SH.targetSubjectsOf, KGNS[p]))   # "whatever has kg:p"
        assert KGNS[p] in paths or by_subject, f"kg:{kind.name} has no shape on kg:{p}"


def test_extraction_kinds_are_the_table_kinds() -> None:
    minted = {k.name for k in kinds.KINDS if k.segment is not None}
    assert set(get_args(EntityKind)) == minted


def test_web_page_reads_the_table() -> None:
    from kg.web import data
    assert data.KINDS == kinds.NAMES and data.COLOURS == kinds.COLOURS
    assert data.EVENTS == kinds.EVENTS and data.LINKS == kinds.LINKS
    css = (ROOT / "kg" / "web" / "static" / "style.css").read_text(encoding="utf-8")
    defaults = dict(re.findall(r"--(\w+):\s*(#[0-9a-fA-F]{6})", css))
    assert {k: defaults[k] for k in kinds.COLOURS} == kinds.COLOURS   # the page's defaults before /api/meta
