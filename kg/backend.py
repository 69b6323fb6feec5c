"""The one contract of kg's stores: :class:`Backend`, what :mod:`kg.api` asks of a store.

Two classes implement it: :class:`kg.store.KgStore` (embedded, on disk or in memory)
and :class:`kg.remote.RemoteStore` (a SPARQL 1.1 endpoint). Both screen queries with
the same guard (:func:`kg.sparql_guard.screen`). tests/test_backend.py checks that both
classes have every method, with the same signature and return type.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol, runtime_checkable

from .store import LoadCounts, RdfFormat, Result, engine_io


@runtime_checkable
class Backend(Protocol):
    """A kg store: SPARQL over the named graphs (the default graph a set of their triples),
    whole-graph writes, each write one transaction."""

    read_only: bool

    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None,
              allow_update: bool = False, allow_service: bool = False) -> Result:
        """Run a query (an update only with ``allow_update``)."""

    def update(self, sparql: str) -> None:
        """Run kg's own SPARQL update, as it is."""

    def __len__(self) -> int:
        """Quads in the named graphs."""

    def named_graphs(self) -> list[str]:
        """The named graphs' IRIs, sorted."""

    def has_graph(self, graph: str) -> bool:
        """Whether the named graph holds anything."""

    def graph_size(self, graph: str) -> int:
        """Quads in one named graph."""

    def quads(self, graph: str | None = None) -> Iterator[engine_io.Quad]:
        """The quads of one named graph, or of all of them."""

    def dump(self, output: BinaryIO, fmt: RdfFormat, *, graph: str | None = None) -> None:
        """Write the store, or one graph, as RDF."""

    def load_files(self, paths: list[Path], *, fmt: RdfFormat | None = None, graph: str | None = None,
                   bulk: bool = False, replace: Iterable[str] = (),
                   skip_held_by: Iterable[str] = ()) -> LoadCounts:
        """Load RDF files; quads added per graph."""

    def add_graph_quads(self, graph: str, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        """Add triples to a named graph."""

    def replace_graphs(self, new: dict[str, bytes], drop: Iterable[str] = ()) -> bool:
        """Drop graphs and replace others with N-Triples; False when nothing needed writing."""

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        """Drop named graphs."""

    def make_writable(self) -> None:
        """Reopen a store opened read-only for writing."""

    def flush(self) -> None:
        """Make the writes durable."""

    def close(self) -> None:
        """Release the store."""


__all__ = ["Backend"]
