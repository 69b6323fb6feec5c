"""The names of a store, ranked for the page's search box, and an index of them kept per store
folder.

:class:`Names` holds (entity, name) pairs and yields the entities whose name contains a text in
the search box's order: exact names first, then names that start with the text, then the
others; shorter names first within each, then by name, then by IRI. Each entity comes once, at
its best name.

:func:`store_names` keeps one :class:`Names` of all the labels and aliases of a store held in a
folder, built with one pass over the names and used while the folder's files are unchanged.
Every write changes a file there (the engine appends to its log or adds a table), so a search
after a write sees it; a search with no write in between costs lookups in the index (by
three-letter pieces of the names), not a pass over every name, and stays flat as the store
grows. A store in memory or on a server has no such folder: its search passes over the names
each time (in the engine, where only matching names are returned).
"""

from __future__ import annotations

import bisect
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..store import engine_io as ox  # the engine, through kg/store.py

#: Every label and alias (named nodes only: a blank node cannot be linked to).
NAMES_SPARQL = "SELECT ?e ?l WHERE {{ {{ ?e rdfs:label ?l }} UNION {{ ?e skos:altLabel ?l }} {filter} }}"
_GRAM = 3


class Names:
    """(IRI, name) pairs, searchable by any piece of a name (case is ignored)."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        owners: dict[str, set[str]] = {}
        for iri, name in pairs:
            owners.setdefault(name.lower(), set()).add(iri)
        self._owners = {name: sorted(iris) for name, iris in owners.items()}
        self._sorted = sorted(self._owners)                       # for names that start with a text
        self._short_first = sorted(self._owners, key=lambda n: (len(n), n))
        grams: dict[str, list[int]] = {}
        for pos, name in enumerate(self._short_first):           # each list stays short-first
            for piece in {name[i:i + _GRAM] for i in range(len(name) - _GRAM + 1)}:
                grams.setdefault(piece, []).append(pos)
        self._grams = grams

    def __len__(self) -> int:
        return len(self._owners)

    def ranked(self, text: str) -> Iterator[str]:
        """The IRIs of the names that contain ``text``, best first (see the module's doc)."""
        needle = text.lower()
        seen: set[str] = set()

        def fresh(names: Iterable[str]) -> Iterator[str]:
            for name in names:
                for iri in self._owners[name]:
                    if iri not in seen:
                        seen.add(iri)
                        yield iri

        if needle in self._owners:
            yield from fresh([needle])
        start = bisect.bisect_left(self._sorted, needle)
        end = bisect.bisect_left(self._sorted, needle + "\U0010ffff", lo=start)
        starting = sorted((n for n in self._sorted[start:end] if n != needle), key=lambda n: (len(n), n))
        yield from fresh(starting)
        yield from fresh(n for n in self._candidates(needle) if needle in n and not n.startswith(needle))

    def _candidates(self, needle: str) -> Iterable[str]:
        """Names short-first that may contain ``needle``: those holding its rarest three-letter
        piece, or every name (lazily) for a text shorter than a piece."""
        if len(needle) < _GRAM:
            return self._short_first
        pieces = [self._grams.get(needle[i:i + _GRAM], []) for i in range(len(needle) - _GRAM + 1)]
        return (self._short_first[pos] for pos in min(pieces, key=len))


_CACHE: dict[str, tuple[tuple[Any, ...], Names]] = {}
_CACHE_LOCK = threading.Lock()
_KEPT = 4  # stores whose index is kept at once


def _folder_state(folder: str) -> tuple[Any, ...] | None:
    """Each file of the store's folder with its size and time of change; None if not a folder."""
    try:
        with os.scandir(folder) as entries:
            return tuple(sorted((e.name, s.st_size, s.st_mtime_ns)
                                for e in entries if e.is_file() for s in [e.stat()]))
    except (FileNotFoundError, NotADirectoryError):
        return None


def store_names(g: Any) -> Names | None:
    """The index of every name of ``g``'s store, if it is held in a folder (else None): built
    on the first search and again after any write."""
    location = getattr(g.store, "location", None)
    if not isinstance(location, str) or not os.path.isdir(location):
        return None
    folder = str(Path(location).resolve())
    state = _folder_state(folder)
    if state is None:
        return None
    with _CACHE_LOCK:
        held = _CACHE.get(folder)
        if held is not None and held[0] == state:
            return held[1]
    rows = g.store.query(NAMES_SPARQL.format(filter=""))
    names = Names((r[0].value, r[1].value) for r in rows if isinstance(r[0], ox.NamedNode))
    with _CACHE_LOCK:
        _CACHE.pop(folder, None)
        while len(_CACHE) >= _KEPT:  # the oldest index goes first
            del _CACHE[next(iter(_CACHE))]
        _CACHE[folder] = (state, names)
    return names


def forget() -> None:
    """Drop every index (the benchmark times a first search with this)."""
    with _CACHE_LOCK:
        _CACHE.clear()
