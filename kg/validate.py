"""SHACL validation of kg data: pySHACL over ``shapes/kg.ttl`` -> :class:`Report`.

The shapes (``kg/resources/shapes.ttl``, a copy of ``shapes/kg.ttl``) state what
a well-formed fact looks like: one label per entity, dates typed ``xsd:date``,
``xsd:gYearMonth`` or ``xsd:gYear``, treaty parties that are states, a treaty
that does not replace one signed after it, and so on. They are checked without
inference, so the data must carry explicit ``rdf:type`` triples for every
entity it mentions; types (and labels) of entities that live elsewhere, e.g.
states of the reference graph, are passed as ``context``.

:func:`validate` returns a :class:`Report` of :class:`Violation` records that
renders as text, JSON or Turtle; :func:`failing_triples` maps the violations
back to the data triples they concern, so that just those facts can be
quarantined.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable, Iterator

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, RDFS, SH, NamespaceManager
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import InputError
from kg.namespace import BASE, PREFIXES

__all__ = ["Violation", "Report", "validate", "conforms_quickly", "shapes_graph", "failing_triples", "SHAPES_NS"]

#: Namespace of the shapes in ``shapes/kg.ttl`` (prefix ``kgsh:``).
SHAPES_NS = BASE + "shapes#"

Triple = tuple[Node, Node, Node]

# Prefixes used to print IRIs in reports: the contract's query prefixes, the
# shapes, SHACL, and one per kind of minted entity ("state:north-korea").
_DISPLAY_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "sh": str(SH),
    "kgsh": SHAPES_NS,
    **{kind: f"{BASE}id/{kind}/" for kind in
       ("state", "person", "place", "treaty", "summit", "visit", "plan")},
    "article": BASE + "article/",
    "quarantine": BASE + "quarantine/",
}
# longest namespace first, so that "state:" wins over a shorter base
_BY_LENGTH = sorted(_DISPLAY_PREFIXES.items(), key=lambda kv: -len(kv[1]))
_LOCAL_NAME = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def _namespace_manager() -> NamespaceManager:
    nsm = NamespaceManager(Graph(bind_namespaces="none"), bind_namespaces="none")
    for prefix, ns in _DISPLAY_PREFIXES.items():
        nsm.bind(prefix, URIRef(ns), override=True, replace=True)
    return nsm


_NSM = _namespace_manager()


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result, in terms a person (or a script) can use.

    ``focus`` is the full IRI of the node that failed (``_:id`` for a blank
    node); ``path`` the property as a prefixed name (``kg:party``, or a SPARQL
    property path for complex paths), None for a node-level result; ``value``
    the offending value, None when the result is about a count: an IRI in full,
    a literal in Turtle notation (``"1961"^^xsd:gYear``, ``"Russia"@en``).
    ``severity`` is ``"Violation"``, ``"Warning"`` or ``"Info"``; ``shape``
    the prefixed name of the shape that failed (``kgsh:Treaty-party``).

    The ``*_term`` fields hold the same nodes as rdflib terms (they are not
    part of equality); :func:`failing_triples` uses them.
    """

    focus: str
    focus_label: str | None
    path: str | None
    value: str | None
    message: str
    severity: str = "Violation"
    shape: str | None = None
    focus_term: Node | None = field(default=None, repr=False, compare=False)
    path_term: Node | None = field(default=None, repr=False, compare=False)
    value_term: Node | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, str | None]:
        """The public fields as a JSON-ready dict."""
        return {
            "focus": self.focus,
            "focus_label": self.focus_label,
            "path": self.path,
            "value": self.value,
            "message": self.message,
            "severity": self.severity,
            "shape": self.shape,
        }


@dataclass(frozen=True)
class Report:
    """The outcome of :func:`validate`.

    ``conforms`` is False when there is at least one result of severity
    Violation (warnings and infos are reported but do not fail validation).
    ``violations`` holds every result, warnings included, sorted by severity,
    focus node and path; ``graph`` is pySHACL's W3C validation report graph;
    ``nodes_checked`` the number of distinct focus nodes the shapes target.
    """

    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph = field(repr=False, compare=False)
    nodes_checked: int = 0

    def _count(self, severity: str) -> int:
        return sum(1 for v in self.violations if v.severity == severity)

    def summary(self) -> str:
        """One line: ``Conforms: 12 nodes checked`` or ``2 violations (12 nodes checked)``."""
        n_viol = self._count("Violation")
        others = [_plural(self._count(s), s.lower()) for s in ("Warning", "Info") if self._count(s)]
        checked = _plural(self.nodes_checked, "node") + " checked"
        if self.conforms:
            return f"Conforms: {checked}" + (f", {', '.join(others)}" if others else "")
        return ", ".join([_plural(n_viol, "violation"), *others]) + f" ({checked})"

    def to_text(self) -> str:
        """Human-readable report: one block per result, then the summary line."""
        blocks = []
        for v in self.violations:
            head = _display(v.focus_term) if v.focus_term is not None else _compact(v.focus)
            lines = [f"{v.focus_label} ({head})" if v.focus_label else head]
            detail = []
            if v.path is not None:
                detail.append(f"path: {v.path}")
            if v.value is not None:
                shown = _display(v.value_term) if v.value_term is not None else _compact(v.value)
                detail.append(f"value: {shown}")
            if detail:
                lines.append("  " + "  ".join(detail))
            prefix = "" if v.severity == "Violation" else f"{v.severity}: "
            lines.append(f"  {prefix}{v.message}")
            blocks.append("\n".join(lines))
        blocks.append(self.summary())
        return "\n\n".join(blocks) + "\n"

    def to_json(self) -> str:
        """JSON: ``{"conforms": bool, "nodes_checked": n, "violations": [{...}, ...]}``."""
        return json.dumps(
            {
                "conforms": self.conforms,
                "nodes_checked": self.nodes_checked,
                "violations": [v.to_dict() for v in self.violations],
            },
            indent=2,
            ensure_ascii=False,
        )

    def to_turtle(self) -> str:
        """The W3C SHACL validation report graph, as Turtle with kg's prefixes."""
        return self.graph.serialize(format="turtle")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ---------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _default_shapes() -> Graph:
    source = resources.files("kg.resources").joinpath("shapes.ttl")
    graph = Graph(bind_namespaces="none")
    graph.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    return graph


def shapes_graph() -> Graph:
    """The kg shapes (``shapes/kg.ttl``), parsed once; each call returns a fresh copy."""
    cached = _default_shapes()
    copy = Graph(bind_namespaces="none")
    for prefix, ns in cached.namespaces():
        copy.bind(prefix, ns)
    copy += cached
    return copy


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


class _DataGraph(Graph):
    """The merged graph handed to pySHACL, parsing each SPARQL text once per process.

    pySHACL passes the text of a SPARQL target or constraint to ``query()``
    for every focus node, and rdflib's parser takes ~0.1 s for one of the date
    checks; prepared queries are cached here, keyed by the full text (pySHACL
    binds ``$this`` through ``initBindings``, so the text does not vary).
    """

    def query(self, query_object: str | Query, *args: object, **kwargs: object) -> Result:  # type: ignore[override]
        if isinstance(query_object, str):
            try:
                query_object = _prepared(query_object)
            except Exception:  # noqa: BLE001 - let rdflib raise its own error below
                pass
        return super().query(query_object, *args, **kwargs)  # type: ignore[arg-type]


def validate(
    data: Graph,
    *,
    shapes: Graph | None = None,
    context: Graph | None = None,
) -> Report:
    """Validate ``data`` against the kg shapes (or ``shapes``) with pySHACL.

    ``context`` holds extra triples the checks need but that are not being
    validated for their own sake, typically the ``rdf:type`` and
    ``rdfs:label`` of states, places and people an article's facts refer to.
    It is merged with ``data`` for validation; results about nodes found only
    in the context are reported too (the caller decides what to do with them).
    A Dataset or ConjunctiveGraph is validated as the union of its graphs.
    Neither input graph is modified.

    No inference is done (``sh:class`` needs explicit types); SHACL-SPARQL
    constraints are enabled; warnings do not make the data non-conforming.

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ...     @prefix kg: <https://w3id.org/kg/ontology#> .
    ...     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ...     <https://w3id.org/kg/id/state/russia> a kg:State ; rdfs:label "Russia"@en .
    ...     <https://w3id.org/kg/id/treaty/t-2000> a kg:Treaty ; rdfs:label "T"@en ;
    ...         kg:party <https://w3id.org/kg/id/state/russia> .
    ...     ''')
    >>> report = validate(g)
    >>> report.conforms
    False
    >>> [(v.focus_label, v.path, v.message) for v in report.violations]
    [('T', 'kg:party', 'A treaty needs at least two parties')]
    >>> print(report.summary())
    1 violation (2 nodes checked)

    Raises :class:`kg.errors.InputError` when the shapes cannot be used.
    """
    import pyshacl  # imported here: ingest needs it only when the fast check fails
    from pyshacl.errors import ReportableRuntimeError

    shapes_g = _default_shapes() if shapes is None else shapes
    merged = _DataGraph(bind_namespaces="none")
    merged.addN((s, p, o, merged) for s, p, o in _all_triples(data))
    if context is not None:
        merged.addN((s, p, o, merged) for s, p, o in _all_triples(context))

    try:
        conforms, results, _text = pyshacl.validate(
            merged,
            shacl_graph=shapes_g,
            inference="none",
            advanced=True,
            allow_warnings=True,
            abort_on_first=False,
            inplace=True,  # `merged` is our own copy
        )
    except ReportableRuntimeError as exc:
        first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(f"SHACL validation could not run: {first_line}") from exc

    assert isinstance(results, Graph)
    for prefix, ns in _DISPLAY_PREFIXES.items():
        results.bind(prefix, URIRef(ns), override=True, replace=True)

    violations = tuple(sorted(_read_results(results, merged), key=_sort_key))
    return Report(
        conforms=bool(conforms),
        violations=violations,
        graph=results,
        nodes_checked=_count_focus_nodes(shapes_g, merged),
    )


def validate_quickly(data: Graph) -> Report | None:
    """:func:`validate` of ``data`` against the kg shapes by pyshacl-turbo: the same report, read
    from its results graph the same way, in ~3 ms against pySHACL's 15-250 ms; None when the
    fast engine is not available or fails (then :func:`validate` decides).

    Ingest's quarantine (:func:`kg.rdf.quarantine`) uses it; ``kg validate`` keeps pySHACL.
    tests/test_validate.py checks that both give the same violations.
    """
    program = _compiled_shapes()
    if program is None:
        return None
    try:
        conforms, results, _text = program.validate(data, allow_warnings=True)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - the fast engine is an optimisation: pySHACL decides
        return None
    if not isinstance(results, Graph):
        return None
    for prefix, ns in _DISPLAY_PREFIXES.items():
        results.bind(prefix, URIRef(ns), override=True, replace=True)
    return Report(conforms=bool(conforms), violations=tuple(sorted(_read_results(results, data), key=_sort_key)),
                  graph=results, nodes_checked=_count_focus_nodes(_default_shapes(), data))


def conforms_quickly(ntriples: bytes) -> bool | None:
    """Whether N-Triples data conforms to the kg shapes, by pyshacl-turbo: True, False, or None
    when the fast engine is not available or fails.

    pyshacl-turbo is a Rust SHACL engine (SHACL-SPARQL included) with pySHACL's semantics;
    with the shapes compiled once, one article's graph takes ~3 ms against ~50 ms for
    pySHACL. Ingest uses it first: when it says the data conforms, nothing else is run;
    otherwise the quarantine reads its report (:func:`validate_quickly`), and pySHACL
    (:func:`validate`) only when the fast engine is missing or fails.
    tests/test_validate.py checks that both engines agree on every test and seed article
    and on each kind of invalid fact.
    """
    program = _compiled_shapes()
    if program is None:
        return None
    from .store import engine_io

    try:
        data = engine_io.memory_store(ntriples)
        conforms, _report, _text = program.validate(data, allow_warnings=True)
    except Exception:  # noqa: BLE001 - the fast engine is an optimisation: pySHACL decides
        return None
    return bool(conforms)


@functools.lru_cache(maxsize=1)
def _compiled_shapes() -> object | None:
    try:
        import pyshacl_turbo
    except ImportError:
        return None
    try:
        return pyshacl_turbo.compile_shapes(_default_shapes(), advanced=True)
    except Exception:  # noqa: BLE001 - see conforms_quickly
        return None


def _all_triples(graph: Graph) -> Iterator[Triple]:
    """All triples of ``graph``; for a Dataset/ConjunctiveGraph, of all its graphs."""
    return _match(graph, (None, None, None))


def _match(graph: Graph, pattern: tuple[Node | None, Node | None, Node | None]) -> Iterator[Triple]:
    """Triples matching ``pattern`` in ``graph``, or in any graph of a Dataset."""
    if isinstance(graph, Dataset):
        for g in graph.graphs():
            yield from g.triples(pattern)
    elif isinstance(graph, ConjunctiveGraph):
        for g in graph.contexts():
            yield from g.triples(pattern)
    else:
        yield from graph.triples(pattern)


def _read_results(results: Graph, data: Graph) -> Iterator[Violation]:
    # Only the top-level results: pySHACL also types the nested results it
    # puts under sh:detail (e.g. for sh:node) as sh:ValidationResult.
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for r in results.objects(report, SH.result):
            focus = results.value(r, SH.focusNode)
            if focus is None:  # not a well-formed result; nothing to point at
                continue
            path_node = results.value(r, SH.resultPath)
            value = results.value(r, SH.value)
            severity = results.value(r, SH.resultSeverity)
            shape = results.value(r, SH.sourceShape)
            yield Violation(
                focus=_node_str(focus),
                focus_label=_label(data, focus),
                path=_path_str(results, path_node) if path_node is not None else None,
                value=_value_str(value) if value is not None else None,
                message=_message(results, r),
                severity=_severity_str(severity),
                shape=_compact(str(shape)) if isinstance(shape, URIRef) else None,
                focus_term=focus,
                path_term=path_node,
                value_term=value,
            )


def _sort_key(v: Violation) -> tuple:
    return (_SEVERITY_ORDER.get(v.severity, 3), v.focus, v.path or "", v.value or "", v.message)


def _message(results: Graph, r: Node) -> str:
    messages = [m for m in results.objects(r, SH.resultMessage) if isinstance(m, Literal)]
    if not messages:
        comp = results.value(r, SH.sourceConstraintComponent)
        return f"Fails {_compact(str(comp))}" if comp is not None else "Fails a SHACL constraint"
    # prefer English, then untagged, then anything; sorted for stable output
    messages.sort(key=lambda m: (0 if (m.language or "").startswith("en") else 1 if not m.language else 2, str(m)))
    return str(messages[0])


def _severity_str(severity: Node | None) -> str:
    if severity is None:
        return "Violation"
    s = str(severity)
    return s[len(str(SH)):] if s.startswith(str(SH)) else _compact(s)


def _label(graph: Graph, node: Node) -> str | None:
    labels = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    if not labels:
        return None
    labels.sort(key=lambda m: (0 if (m.language or "").startswith("en") else 1 if not m.language else 2, str(m)))
    return str(labels[0])


def _node_str(node: Node) -> str:
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal):
        return node.n3(_NSM)
    return str(node)


def _value_str(node: Node) -> str:
    """IRIs in full, literals in Turtle notation, blank nodes as ``_:id``."""
    return _node_str(node)


def _compact(iri: str) -> str:
    """``https://w3id.org/kg/ontology#party`` -> ``kg:party``; ``<iri>`` when no prefix fits."""
    if iri.startswith("_:") or iri.startswith('"'):
        return iri
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns):
            local = iri[len(ns):]
            if local == "" or _LOCAL_NAME.match(local):
                return f"{prefix}:{local}"
    return f"<{iri}>"


def _display(node: Node) -> str:
    """A term as it reads best in text: prefixed IRIs, Turtle literals."""
    if isinstance(node, URIRef):
        return _compact(str(node))
    return _node_str(node)


_PATH_OPS = {
    SH.zeroOrMorePath: "*",
    SH.oneOrMorePath: "+",
    SH.zeroOrOnePath: "?",
}


def _path_str(g: Graph, path: Node) -> str:
    """A SHACL property path as a SPARQL path with prefixed names (``kg:party``, ``^kg:party``)."""
    if isinstance(path, URIRef):
        return _compact(str(path))
    inverse = g.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_atom(g, inverse)
    alternatives = g.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path_str(g, p) for p in Collection(g, alternatives)) + ")"
    for op, suffix in _PATH_OPS.items():
        inner = g.value(path, op)
        if inner is not None:
            return _path_atom(g, inner) + suffix
    if g.value(path, RDF.first) is not None:
        return "/".join(_path_atom(g, p) for p in Collection(g, path))
    return _node_str(path)


def _path_atom(g: Graph, path: Node) -> str:
    s = _path_str(g, path)
    return s if isinstance(path, URIRef) or s.startswith("(") else f"({s})"


def _count_focus_nodes(shapes: Graph, data: Graph) -> int:
    """Distinct nodes targeted by the shapes (explicit targets; subclasses in ``data`` honoured)."""
    nodes: set[Node] = set()
    for cls in set(shapes.objects(None, SH.targetClass)):
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):
            nodes.update(data.subjects(RDF.type, sub))
    for prop in set(shapes.objects(None, SH.targetSubjectsOf)):
        nodes.update(data.subjects(prop, None))
    for prop in set(shapes.objects(None, SH.targetObjectsOf)):
        nodes.update(data.objects(None, prop))
    nodes.update(shapes.objects(None, SH.targetNode))
    return len(nodes)


# ---------------------------------------------------------------------------
# Back to the data
# ---------------------------------------------------------------------------


def failing_triples(report: Report, data: Graph) -> set[Triple]:
    """The triples of ``data`` that the report's results are about.

    For each result: the triple ``(focus, path, value)`` when it has a path and
    a value; all ``(focus, path, *)`` triples when it has a path but no value
    (a count, e.g. a treaty with one party or a state with two labels);
    ``(value, p, focus)`` for an inverse path ``^p``; and every triple with the
    focus as subject for a node-level result (or a complex path). Only triples
    present in ``data`` are returned, so results about context-only nodes give
    nothing. Warnings and infos are included; filter ``report.violations``
    first (``dataclasses.replace(report, violations=...)``) to leave them out.
    """
    out: set[Triple] = set()
    for v in report.violations:
        focus = v.focus_term if v.focus_term is not None else _parse_term(v.focus)
        path = v.path_term if v.path_term is not None else (_parse_path(v.path) if v.path else None)
        value = v.value_term if v.value_term is not None else (_parse_term(v.value) if v.value else None)
        out.update(_concerned(data, report.graph, focus, path, value))
    return out


def _concerned(data: Graph, results: Graph, focus: Node, path: Node | None, value: Node | None) -> Iterable[Triple]:
    if path is None:
        return _match(data, (focus, None, None))
    if isinstance(path, URIRef):
        if value is not None:
            return [t for t in _match(data, (focus, path, value))]
        return _match(data, (focus, path, None))
    inverse = results.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return _match(data, (value, inverse, focus))
    return _match(data, (focus, None, None))


def _parse_term(text: str) -> Node:
    if text.startswith("_:"):
        return BNode(text[2:])
    if text.startswith('"'):
        from rdflib.util import from_n3

        term = from_n3(text, nsm=_NSM)
        assert isinstance(term, Literal)
        return term
    return URIRef(text)


def _parse_path(text: str) -> Node | None:
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    prefix, sep, local = text.partition(":")
    if sep and prefix in _DISPLAY_PREFIXES and _LOCAL_NAME.match(local or "x"):
        return URIRef(_DISPLAY_PREFIXES[prefix] + local)
    return None  # a complex path given as text: fall back to the focus node's triples
