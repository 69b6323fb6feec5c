"""How a question's parameter names an entity: the one rule of every ``--param`` that names one.

A value names, in this order (the first step that finds anything decides):

1. **an IRI**: the entity's full IRI, or the short form a table shows (``state/niger``
   for ``https://w3id.org/kg/id/state/niger``), if the store holds it;
2. **a whole name**: a label or alias (``rdfs:label``, ``skos:altLabel``) equal to the value
   when case, accents, punctuation and spacing are set aside ("cote d'ivoire" is
   "Côte d’Ivoire"; "Niger" is not "Nigeria"), or, for a state, its ISO 3166 code
   (``IN``, ``IND``; any case);
3. **part of a name**: whole words of one name, in order (a surname: "Modi", "Kim"; "Herring
   Convention"), when they fit exactly one entity; summits and visits are left out of this
   step (their names are made of other entities' names: "Summit of Joe Biden and Narendra
   Modi").

Only entities of the parameter's class are candidates (``kg:State`` for ``state=``), or of
any of kg's entity classes (not articles) for ``entity=``. A value that fits several entities
at its step is an :class:`~kg.errors.AmbiguousName` (one line listing the candidates); a
value that fits none names nothing, and the question answers with no rows.

>>> words("Côte d’Ivoire")
('cote', 'd', 'ivoire')
>>> words("  NIGER ") == words("Niger")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from ..errors import AmbiguousName
from ..kinds import BY_NAME, KINDS
from ..prefixes import BASE, ID, short_iri

#: kg's entity classes (articles are not named by a parameter)
ENTITY_CLASSES = tuple(f"kg:{k.name}" for k in KINDS if k.segment is not None)
#: path segments of kg's entity IRIs, for the short form ``state/niger``
_SEGMENTS = frozenset(k.segment for k in KINDS if k.segment)
_IRI_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+")
_ISO_RE = re.compile(r"[A-Za-z]{2,3}")
#: classes whose names are made of other entities' names: named only by a whole name or IRI
_COMPOSED = frozenset({"kg:Summit", "kg:Visit"})
#: how many candidates an ambiguity error names before "..."
_SHOWN = 6


def words(text: str) -> tuple[str, ...]:
    """The words of a name, case-folded and without accents: what the rule compares."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return tuple(re.findall(r"\w+", plain.casefold()))


def _part_of(needle: tuple[str, ...], name: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(name[i:i + n] == needle for i in range(len(name) - n + 1))


def iri_of(text: str) -> str | None:
    """The full IRI ``text`` stands for (itself, or a table's short form), or None.

    >>> iri_of("state/niger")
    'https://w3id.org/kg/id/state/niger'
    >>> iri_of("Niger") is None
    True
    """
    text = text.strip()
    head = text.split("/", 1)[0]
    if head in _SEGMENTS and "/" in text and not re.search(r"\s", text):
        return ID + text
    if head in ("article", "graph", "quarantine") and "/" in text and not re.search(r"\s", text):
        return BASE + text
    if _IRI_RE.fullmatch(text):
        return text
    return None


def match(query: Callable[..., Any], text: str, cls: str | None, *,
          literal: Callable[..., Any], iri: Callable[[str], Any]) -> list[Any]:
    """The entity ``text`` names (a list of one term), or ``[]`` when it names none.

    ``query(sparql, bindings=...)`` runs a query on the store; ``cls`` is a prefixed class
    (``kg:State``) or None for any of kg's entity classes; ``literal`` and ``iri`` make
    the engine's terms. Raises :class:`~kg.errors.AmbiguousName` when the value fits
    several entities.
    """
    classes = (cls,) if cls else ENTITY_CLASSES
    # (a FILTER, not VALUES ?t: with VALUES pyoxigraph 0.5 joins every typed entity of the store
    # before the names, 23 ms at 100k quads and 86 ms at 1M for one name; with it, 0.2 ms)
    typed = f"?e a ?t . FILTER(?t IN ({', '.join(classes)}))"
    full = iri_of(text)
    if full is not None:
        try:
            node = iri(full)
        except ValueError:
            node = None
        if node is not None and query(f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} }}").boolean:
            return [node]
    wanted = words(text)
    if not wanted:
        return []
    states = cls is None or cls == "kg:State"
    # the whole name, through the index first: the value as given and in the usual cases
    forms = list(dict.fromkeys([text, text.strip(), text.strip().lower(), text.strip().title(),
                                text.strip().upper()]))
    names = [literal(f, language="en") for f in forms] + [literal(f) for f in forms]
    found: dict[Any, str] = {}
    for r in query(f"SELECT DISTINCT ?e ?l WHERE {{ ?e rdfs:label|skos:altLabel ?l . {typed} }}",
                   bindings={"l": names}):
        found.setdefault(r[0], r[1].value)
    if states and _ISO_RE.fullmatch(text.strip()):
        for r in query("SELECT DISTINCT ?e WHERE { ?e kg:isoCode ?c ; a kg:State }",
                       bindings={"c": literal(text.strip().upper())}):
            found.setdefault(r[0], text.strip().upper())
    if not found:  # a scan of the names (not of the facts): accents, punctuation, parts
        whole: dict[Any, str] = {}
        part: dict[Any, str] = {}
        composed = ", ".join(sorted(_COMPOSED))
        for r in query(f"SELECT DISTINCT ?e ?l (?t IN ({composed}) AS ?composed) "
                       f"WHERE {{ ?e rdfs:label|skos:altLabel ?l . {typed} }}"):
            name = words(r[1].value)
            if name == wanted:
                whole.setdefault(r[0], r[1].value)
            elif r[2].value != "true" and _part_of(wanted, name):
                part.setdefault(r[0], r[1].value)
        found = whole or part
    if len(found) > 1:
        raise AmbiguousName(_ambiguous(query, text, cls, sorted(found, key=str)))
    return list(found)


def _ambiguous(query: Callable[..., Any], text: str, cls: str | None, nodes: list[Any]) -> str:
    """One line naming the candidates (label and short IRI) and what to give instead."""
    labels = {}
    for node in nodes[:_SHOWN]:
        rows = list(query(f"SELECT ?l WHERE {{ {node} rdfs:label ?l }} ORDER BY ?l LIMIT 1"))
        labels[node] = rows[0][0].value if rows else None
    shown = ", ".join(f"{labels[n]} ({short_iri(n.value)})" if labels[n] else short_iri(n.value)
                      for n in nodes[:_SHOWN])
    more = f" and {len(nodes) - _SHOWN} more" if len(nodes) > _SHOWN else ""
    kind = BY_NAME[cls[3:]].label if cls and cls[3:] in BY_NAME else None
    plural = {None: "entities", "person": "people", "treaty": "treaties"}.get(kind, f"{kind}s")
    return (f"'{text.strip()}' fits {len(nodes)} {plural}: {shown}{more}; "
            "give one of these names or IRIs")


__all__ = ["ENTITY_CLASSES", "words", "iri_of", "match"]
