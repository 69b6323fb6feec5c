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
        params, required, resolve, dates = {}, set(), {}, set()
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
        name = entry.name[:-3]
        out[name] = Question(name, help_text, params, text, frozenset(required), resolve,
                             dates=frozenset(dates), portable=portable)
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


__all__ = ["Question", "Resolve", "questions", "get", "parse_params", "check_params", "resolve"]
