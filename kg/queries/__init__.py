"""Named questions: SPARQL files stored in this package, one per ``kg ask`` name.

A file's name is its question's name; its first comment line is the help and
each ``# @param NAME: text`` line declares a parameter, bound to the variable
``?p_NAME`` as a plain literal through the engine's substitutions (never by
pasting text into the query).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import InputError, UnknownQuestion

_PARAM_RE = re.compile(r"^#\s*@param\s+([A-Za-z][A-Za-z0-9_]*)\s*(\(required\))?\s*:\s*(.*)$")


@dataclass(frozen=True)
class Question:
    """A stored SPARQL question."""

    name: str
    help: str
    params: dict[str, str]
    sparql: str
    required: frozenset[str] = frozenset()

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
        lines = text.splitlines()
        help_text = lines[0].lstrip("#").strip() if lines and lines[0].startswith("#") else ""
        params, required = {}, set()
        for line in lines:
            m = _PARAM_RE.match(line)
            if m:
                params[m.group(1)] = m.group(3).strip()
                if m.group(2):
                    required.add(m.group(1))
        name = entry.name[:-3]
        out[name] = Question(name, help_text, params, text, frozenset(required))
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


__all__ = ["Question", "questions", "get", "parse_params", "check_params"]
