"""Named questions: SPARQL files stored in this package, one per ``kg ask`` name.

A file's name is its question's name; its first comment line is the help and
each ``# @param NAME: text`` line declares a parameter, bound to the variable
``?p_NAME`` as a plain literal in a ``VALUES`` clause (never by pasting text into
the query).

``# @resolve NAME: ?var [CLASS]`` says that the parameter names an entity: before the
question runs, kg looks it up by the one rule of :mod:`kg.queries.matching` (an IRI, a whole
name or alias in any case and without accents, a state's ISO code, or words of one name such
as a surname; a value that fits several entities is an error listing them) and binds ``?var``
to it with ``VALUES``, so the question starts from that entity through the store's indexes
instead of filtering every fact (issue 13: questions about one entity stay as fast at 1M quads
as at 100k).

``# @reference-terms NAME`` (the ``roles`` question): the terms of office the reference data
(kg/data/roles.tsv) knows for the person the parameter names are bound as rows of
``(?source ?refState ?refTitle ?refStart ?refEnd ?refLeader)``, each ``("reference" state
title start-year end-year leads)`` (an open term's end ``UNDEF``), after one row ``("texts"
UNDEF ...)``:
a question joins its rows read from the articles with ``?source "texts"`` and adds a branch
binding only ``?source "reference"`` to list the reference terms beside them (marked as such).

A line ``# @portable`` splits a file in two: above it the question as the embedded
store runs it (it may use what Oxigraph adds to SPARQL 1.1, such as ``LATERAL``),
below it the same question in plain SPARQL 1.1, which remote stores get.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable
from importlib import resources

from ..errors import InputError, UnknownQuestion

_PARAM_RE = re.compile(r"^#\s*@param\s+([A-Za-z][A-Za-z0-9_]*)\s*(\(required\))?\s*(\(date\))?\s*:\s*(.*)$")
_DATE_RE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_RESOLVE_RE = re.compile(r"^#\s*@resolve\s+([A-Za-z][A-Za-z0-9_]*)\s*:\s*\?([A-Za-z_][A-Za-z0-9_]*)"
                         r"(?:\s+([A-Za-z]+:[A-Za-z0-9_]+))?\s*$")
_TERMS_RE = re.compile(r"^#\s*@reference-terms\s+([A-Za-z][A-Za-z0-9_]*)\s*$")
#: the variables ``# @reference-terms`` binds, in order
TERM_VARIABLES = ("source", "refState", "refTitle", "refStart", "refEnd", "refLeader")


@dataclass(frozen=True)
class Resolve:
    """How a parameter's text becomes entities (``# @resolve`` line)."""

    variable: str
    cls: str | None = None        # a prefixed class name, e.g. kg:State; None: any entity


@dataclass(frozen=True)
class Question:
    """A stored SPARQL question."""

    name: str
    help: str
    params: dict[str, str]
    sparql: str
    required: frozenset[str] = frozenset()
    resolve: dict[str, Resolve] = field(default_factory=dict)
    dates: frozenset[str] = frozenset()   # parameters that are a date: YYYY, YYYY-MM or YYYY-MM-DD
    portable: str = ""            # plain SPARQL 1.1 for remote stores ("" : ``sparql`` is)
    terms: str | None = None      # ``# @reference-terms NAME``: the parameter whose reference terms are bound

    def text(self, *, portable: bool = False) -> str:
        """The query to send: the plain SPARQL 1.1 form when ``portable`` and there is one."""
        return self.portable if portable and self.portable else self.sparql

    def variable(self, param: str) -> str:
        return f"p_{param}"


@lru_cache(maxsize=None)
def questions() -> dict[str, Question]:
    """All stored questions by name."""
    out: dict[str, Question] = {}
    for entry in resources.files(__package__).iterdir():
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        text, _, portable = text.partition("\n# @portable\n")
        lines = text.splitlines()
        help_text = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else ""
        params, required, resolve, dates, terms = {}, set(), {}, set(), None
        for line in lines:
            m = _PARAM_RE.match(line)
            if m:
                params[m.group(1)] = m.group(4).strip()
                if m.group(2):
                    required.add(m.group(1))
                if m.group(3):
                    dates.add(m.group(1))
            r = _RESOLVE_RE.match(line)
            if r:
                resolve[r.group(1)] = Resolve(r.group(2), r.group(3))
            t = _TERMS_RE.match(line)
            if t:
                terms = t.group(1)
        name = entry.name[:-3]
        out[name] = Question(name, help_text, params, text, frozenset(required), resolve,
                             dates=frozenset(dates), portable=portable, terms=terms)
    return dict(sorted(out.items()))


def get(name: str) -> Question:
    """The question called ``name``; :class:`UnknownQuestion` lists the known ones."""
    qs = questions()
    if name not in qs:
        raise UnknownQuestion(f"unknown question '{name}'; known: {', '.join(qs)}")
    return qs[name]


def parse_params(items: list[str]) -> dict[str, str]:
    """``["key=value", ...]`` -> dict; a malformed item is an :class:`InputError`."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", key):
            raise InputError(f"bad --param '{item}': expected key=value")
        out[key] = value
    return out


def check_params(question: Question, params: dict[str, str]) -> None:
    for key in params:
        if key not in question.params:
            known = ", ".join(question.params) or "none"
            raise InputError(
                f"question '{question.name}' has no parameter '{key}' (parameters: {known})"
            )
    for key in sorted(question.required - params.keys()):
        raise InputError(f"question '{question.name}' needs --param {key}=VALUE ({question.params[key]})")
    for key in sorted(question.dates & params.keys()):
        if not _DATE_RE.match(params[key].strip()):
            raise InputError(f"bad --param {key}={params[key]!r}: expected a date, YYYY-MM-DD (or YYYY-MM, YYYY)")


def resolve(query: Callable[..., Any], how: Resolve, text: str, literal: Callable[..., Any],
            iri: Callable[[str], Any]) -> list[Any]:
    """The entity ``text`` names (a list of one term, or none), as terms to bind to
    ``how.variable``: :func:`kg.queries.matching.match` (the rule, and its
    :class:`~kg.errors.AmbiguousName`).

    ``query(sparql, bindings=...)`` runs a query on the store; ``literal`` and ``iri``
    make the engine's terms.
    """
    from .matching import match

    return match(query, text, how.cls, literal=literal, iri=iri)


def reference_terms(people: list[Any], literal: Callable[..., Any], iri: Callable[[str], Any]) -> list[tuple[Any, ...]]:
    """The rows ``# @reference-terms`` binds for the people a parameter resolved to (see the
    module's docstring): one ``"texts"`` row, then each reference term of office."""
    from .. import link
    from .. import reference as ref

    xsd_year = iri("http://www.w3.org/2001/XMLSchema#gYear")
    xsd_bool = iri("http://www.w3.org/2001/XMLSchema#boolean")

    def year(y: int | None) -> Any:
        return None if y is None else literal(f"{y:04d}", datatype=xsd_year)

    rows: list[tuple[Any, ...]] = [(literal("texts"), None, None, None, None, None)]
    by_iri = _reference_people()
    for person in people:
        label = by_iri.get(getattr(person, "value", str(person)))
        if not label:
            continue
        # the terms of roles.tsv; else the one office people.tsv gives
        terms = [link.Term(r.state, r.title, r.start, r.end) for r in ref.roles_of(label)] or link.terms_of(label)
        for t in terms:
            rows.append((literal("reference"), iri(str(ref.state_iri(t.state))), literal(t.title),
                         year(t.start), year(t.end), literal("true" if t.leads else "false", datatype=xsd_bool)))
    return rows


@lru_cache(maxsize=1)
def _reference_people() -> dict[str, str]:
    from .. import reference as ref

    return {str(p.iri): p.label for p in ref.people()}


__all__ = ["Question", "Resolve", "TERM_VARIABLES", "questions", "get", "parse_params", "check_params",
           "reference_terms", "resolve"]
