"""The embedded store: a persistent pyoxigraph ``Store`` with kg's conventions.

This is the only module that talks to the storage engine. Conventions, set once
here:

* one named graph per source; nothing is written to the default graph;
* the default graph of every query is the union of all named graphs;
* the contract's prefixes are predeclared in every query and update;
* every write is one transaction (a SPARQL update request or ``Store.extend``/
  ``Store.load``), so a failed command leaves the store as it was.
"""

from __future__ import annotations

import collections
import contextlib
import io
import os
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

from .errors import (
    ForbiddenQuery,
    InputError,
    NotFound,
    ParseError,
    QuerySyntaxError,
    StoreError,
    StoreInUse,
    StoreWriteError,
)
from .inputs import load_limit, read_capped
from .prefixes import PREFIXES, jsonld_context, short_iri
from .sparql_guard import screen

MEMORY = ":memory:"
DEFAULT_LOCATION = "kg-store"
JOURNAL = "kg-load.journal"  # a bulk load of new graphs in progress (see KgStore.load_files)
INTENT = "kg.intent"  # a writer waiting for the store holds it (see _StoreLock.claim)


class engine_io:  # noqa: N801 - read like a module: ``from .store import engine_io as ox``
    """The storage engine's terms, formats and parsers that kg's other modules use.

    This module is the only one that imports the engine (pyoxigraph); the others
    (kg/rdf.py, kg/api.py, kg/remote.py, kg/validate.py, kg/web/) take these names
    from here, so what kg needs of the engine is listed in one place.
    """

    NamedNode = ox.NamedNode
    BlankNode = ox.BlankNode
    Literal = ox.Literal
    Triple = ox.Triple
    Quad = ox.Quad
    DefaultGraph = ox.DefaultGraph
    QueryBoolean = ox.QueryBoolean
    RdfFormat = ox.RdfFormat
    QueryResultsFormat = ox.QueryResultsFormat
    parse = staticmethod(ox.parse)
    serialize = staticmethod(ox.serialize)
    parse_query_results = staticmethod(ox.parse_query_results)

    @staticmethod
    def memory_store(ntriples: bytes) -> ox.Store:
        """A throw-away in-memory engine store holding ``ntriples`` in its default graph."""
        store = ox.Store()
        store.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
        return store


class RdfFormat(str, Enum):
    """RDF serializations kg reads and writes (the value is the CLI's name).

    The names people type elsewhere (rdflib, Jena) are accepted too:

    >>> RdfFormat("turtle"), RdfFormat("json-ld"), RdfFormat("RDFXML")
    (<RdfFormat.ttl: 'ttl'>, <RdfFormat.jsonld: 'jsonld'>, <RdfFormat.xml: 'xml'>)
    """

    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"
    xml = "xml"

    @classmethod
    def _missing_(cls, value: object) -> "RdfFormat | None":
        if isinstance(value, str):
            name = RDF_FORMAT_NAMES.get(value.strip().lower())
            if name is not None:
                return cls(name)
        return None

    @property
    def ox(self) -> ox.RdfFormat:
        return {
            "ttl": ox.RdfFormat.TURTLE,
            "nt": ox.RdfFormat.N_TRIPLES,
            "nq": ox.RdfFormat.N_QUADS,
            "trig": ox.RdfFormat.TRIG,
            "jsonld": ox.RdfFormat.JSON_LD,
            "xml": ox.RdfFormat.RDF_XML,
        }[self.value]

    @property
    def has_graphs(self) -> bool:
        return self in (RdfFormat.nq, RdfFormat.trig, RdfFormat.jsonld)

    @classmethod
    def from_path(cls, path: str | Path) -> "RdfFormat":
        """Guess the format from a file name (``.gz`` is looked through).

        >>> RdfFormat.from_path("data/facts.nq.gz").value
        'nq'
        """
        name = str(path).lower()
        if name.endswith(".gz"):
            name = name[:-3]
        ext = name.rsplit(".", 1)[-1] if "." in name else ""
        table = {
            "ttl": cls.ttl, "turtle": cls.ttl, "nt": cls.nt, "ntriples": cls.nt, "nq": cls.nq,
            "nquads": cls.nq, "trig": cls.trig, "jsonld": cls.jsonld, "json": cls.jsonld,
            "rdf": cls.xml, "xml": cls.xml, "owl": cls.xml,
        }
        if ext not in table:
            raise InputError(
                f"{path}: cannot tell the RDF format from the extension '.{ext}'; "
                "use --format ttl|nt|nq|trig|jsonld|xml"
            )
        return table[ext]


#: Every name of an RDF format kg takes (``--format``, ``format=``) -> its :class:`RdfFormat` value.
RDF_FORMAT_NAMES: dict[str, str] = {
    "ttl": "ttl", "turtle": "ttl", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "nq": "nq", "nquads": "nq", "n-quads": "nq", "trig": "trig",
    "jsonld": "jsonld", "json-ld": "jsonld", "xml": "xml", "rdfxml": "xml", "rdf/xml": "xml",
    "rdf": "xml",
}
#: The names ``kg export`` and ``kg load`` list in ``--help``.
RdfFormatName = Enum("RdfFormatName", {n: n for n in (  # type: ignore[misc]
    "ttl", "turtle", "nt", "ntriples", "nq", "nquads", "trig", "jsonld", "json-ld", "xml", "rdfxml")},
    type=str)


class ResultFormat(str, Enum):
    """Output formats of ``kg query`` and ``kg ask``: a table, the W3C results formats
    (json/xml/csv/tsv) for SELECT and ASK, or RDF (ttl/nt/nq/jsonld/xml) for CONSTRUCT
    and DESCRIBE (whose table is Turtle)."""

    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"
    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    jsonld = "jsonld"

    @property
    def ox(self) -> ox.QueryResultsFormat:
        return {
            "json": ox.QueryResultsFormat.JSON,
            "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV,
        }[self.value]


def _term_text(term: Any, compact: bool = True) -> str:
    """A short human form of a pyoxigraph term: a prefixed IRI (``kg:party``), kg's entity
    or article IRI without its base (``state/niger``, ``article/1f2e...``), or a literal's value."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if compact:
            for prefix, ns in PREFIXES.items():
                if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_\-]*", iri[len(ns):]):
                    return f"{prefix}:{iri[len(ns):]}"
            return short_iri(iri)
        return iri
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


@dataclass
class Result:
    """The answer to a query: solutions, a boolean or triples.

    Iterate a SELECT result for :class:`Row` objects, or call :meth:`to_dicts`.
    A result can be consumed once (it streams from the store).
    """

    kind: str  # "select", "ask" or "graph"
    # the engine's solutions or triples (a list of triples from a worker), a bool for ASK;
    # None once the store is closed
    _inner: "ox.QuerySolutions | ox.QueryTriples | list[ox.Triple] | bool | None"
    variables: tuple[str, ...] = ()
    _source: "io.RawIOBase | None" = None  # what the solutions are read from, closed when writing them fails

    def __iter__(self) -> Iterator["Row"]:
        if self.kind != "select":
            raise TypeError(f"a {self.kind} result has no rows")
        self._check_open()
        names = self.variables
        for solution in self._inner:
            yield Row(names, tuple(solution[n] for n in names))

    def __bool__(self) -> bool:
        if self.kind == "ask":
            return bool(self._inner)
        return True

    @property
    def boolean(self) -> bool:
        if self.kind != "ask":
            raise TypeError("only an ASK query has a boolean answer")
        return bool(self._inner)

    def triples(self) -> Iterator[ox.Triple]:
        if self.kind != "graph":
            raise TypeError("only CONSTRUCT and DESCRIBE return triples")
        self._check_open()
        return iter(self._inner)

    def _check_open(self) -> None:
        if self._inner is None:
            raise StoreError("this result's store was closed; read results before closing the store")

    def to_dicts(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain strings (IRIs in full, literals' lexical values).

        >>> g = KgStore(MEMORY)
        >>> g.query("SELECT ?x WHERE { VALUES ?x { 1 } }").to_dicts()
        [{'x': '1'}]
        """
        return [row.asdict() for row in self]

    def serialize(self, fmt: ResultFormat | str = ResultFormat.table) -> str:
        """Render as a table, a W3C results format (SELECT, ASK) or RDF (CONSTRUCT, DESCRIBE).

        A format that does not fit the result is an :class:`~kg.errors.InputError` naming
        those that do.

        >>> g = KgStore(MEMORY)
        >>> g.query("CONSTRUCT { <urn:a> <urn:b> <urn:c> } WHERE {}").serialize("nt")
        '<urn:a> <urn:b> <urn:c> .\\n'
        >>> g.query("ASK {}").serialize("ttl")
        Traceback (most recent call last):
        ...
        kg.errors.InputError: bad --format ttl: an ASK result is written as table, json, csv, tsv or xml
        """
        try:
            fmt = ResultFormat(fmt)
        except ValueError:
            raise InputError(f"bad --format {fmt}: use one of {', '.join(f.value for f in ResultFormat)}") from None
        if self.kind == "graph":
            if fmt not in _GRAPH_FORMATS:
                raise InputError(f"bad --format {fmt.value}: a CONSTRUCT or DESCRIBE result is RDF triples; "
                                 "use ttl, nt, nq, jsonld or xml (RDF/XML)")
            self._check_open()
            rdf = _GRAPH_FORMATS[fmt]
            out = ox.serialize(self._inner, format=rdf.ox,
                               prefixes=PREFIXES if rdf in (RdfFormat.ttl, RdfFormat.xml) else None).decode()
            return with_jsonld_context(out) if rdf is RdfFormat.jsonld else out
        if fmt in _GRAPH_ONLY:
            what = "an ASK" if self.kind == "ask" else "a SELECT"
            raise InputError(f"bad --format {fmt.value}: {what} result is written as table, json, csv, tsv or xml")
        if self.kind == "ask":  # _inner is a plain bool: write the W3C boolean result here
            value = "true" if self._inner else "false"
            if fmt is ResultFormat.json:
                return f'{{"head":{{}},"boolean":{value}}}'
            if fmt is ResultFormat.xml:
                return ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                        f"<head></head><boolean>{value}</boolean></sparql>")
            return value  # table, and csv/tsv (which define no boolean form)
        if fmt is ResultFormat.table:
            return render_table(self.variables, [r.texts() for r in self])
        return self._inner.serialize(format=fmt.ox).decode()

    def write(self, output: BinaryIO, fmt: ResultFormat | str = ResultFormat.table) -> None:
        """Write the result to a binary stream, ending with a newline. A SELECT's rows in
        csv, tsv, json or xml go out as the engine finds them (in chunks of about 8 KB), so
        the first rows of a huge answer come at once and a reader that stops early (a pipe
        to ``head``) stops the query; a table needs every row first."""
        try:
            fmt = ResultFormat(fmt)
        except ValueError:
            raise InputError(f"bad --format {fmt}: use one of {', '.join(f.value for f in ResultFormat)}") from None
        if self.kind != "select" or fmt is ResultFormat.table or fmt in _GRAPH_ONLY:
            output.write(self.serialize(fmt).rstrip("\n").encode() + b"\n")
            return
        self._check_open()
        ends = _LastByte(output)
        try:
            self._inner.serialize(ends, fmt.ox)
        except BaseException:
            if self._source is not None:  # a query worker still sending: stopped now
                self._source.close()
            raise
        if ends.last != b"\n":
            output.write(b"\n")


class _LastByte:
    """A binary stream that remembers the last byte written through it."""

    def __init__(self, output: BinaryIO):
        self._output, self.last = output, b""

    def write(self, data: bytes) -> int:
        if data:
            self.last = bytes(data[-1:])
        return self._output.write(data)

    def flush(self) -> None:
        self._output.flush()


#: How a CONSTRUCT or DESCRIBE result is written for each --format (a table is Turtle).
_GRAPH_FORMATS = {ResultFormat.table: RdfFormat.ttl, ResultFormat.ttl: RdfFormat.ttl,
                  ResultFormat.nt: RdfFormat.nt, ResultFormat.nq: RdfFormat.nq,
                  ResultFormat.jsonld: RdfFormat.jsonld, ResultFormat.xml: RdfFormat.xml}
_GRAPH_ONLY = frozenset({ResultFormat.ttl, ResultFormat.nt, ResultFormat.nq, ResultFormat.jsonld})


def with_jsonld_context(expanded: str) -> str:
    """pyoxigraph's JSON-LD (expanded, an array) as one document with an ``@context`` of kg's
    prefixes and IRI bases; the IRIs stay written in full, so the meaning is the same."""
    return ('{"@context": ' + jsonld_context() + ', "@graph": ' + (expanded.strip() or "[]") + "}\n")


class Row:
    """One solution: index by variable name or position; ``asdict()`` for plain values."""

    __slots__ = ("_names", "_terms")

    def __init__(self, names: tuple[str, ...], terms: tuple[Any, ...]):
        self._names = names
        self._terms = terms

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, int):
            return self._terms[key]
        return self._terms[self._names.index(key)]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def asdict(self) -> dict[str, str | None]:
        return {n: (None if t is None else t.value) for n, t in zip(self._names, self._terms)}

    def texts(self) -> list[str]:
        return [_term_text(t) for t in self._terms]

    def __repr__(self) -> str:
        return f"Row({self.asdict()!r})"


def render_table(header: Iterable[str], rows: list[list[str]]) -> str:
    """A plain aligned text table (no colours, stable for tests and pipes)."""
    header = list(header)
    rows = [[c.replace("\n", " ") for c in r] for r in rows]
    widths = [len(h) for h in header]
    for r in rows:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], min(len(c), 80))
    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


class LoadCounts(dict):  # type: ignore[type-arg]
    """What a load added: quads per graph (a dict), and how many triples it left out because
    kg's own graphs held them already (``skipped``)."""

    skipped: int = 0

    def summary(self) -> str:
        """One line for ``kg load``, naming the graph when there is one.

        >>> LoadCounts({"file:///tmp/a.ttl": 3}).summary()
        'loaded 3 triples into graph <file:///tmp/a.ttl>'
        """
        total = sum(self.values())
        line = (f"loaded {total} triples into graph <{next(iter(self))}>" if len(self) == 1
                else f"loaded {total} triples into {len(self)} graphs")
        if self.skipped:
            line += f"; {self.skipped} already in kg's ontology or reference data were left out"
        return line


def storage_reason(err: BaseException) -> str:
    """Why the engine could not write, in a few words: "No space left on device" rather
    than RocksDB's "IO error: No space left on device: While appending to file: ..."."""
    if isinstance(err, OSError) and err.errno:
        return os.strerror(err.errno)
    text = _syntax_message(err)
    for known in ("No space left on device", "Disk quota exceeded", "Read-only file system",
                  "Permission denied", "Input/output error"):
        if known in text:
            return known
    return text


def _syntax_message(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


class KgStore:
    """A kg store on disk (``path``) or in memory (``":memory:"``).

    >>> s = KgStore(MEMORY)
    >>> s.add_graph_quads("urn:g", [("urn:a", "urn:p", "urn:b")])
    >>> s.query("ASK { <urn:a> <urn:p> <urn:b> }").boolean
    True
    """

    def __init__(self, location: str | os.PathLike[str] | None = None, *,
                 read_only: bool = False, wait: float = 0.0, joins_read: bool = False):
        """Open (or create) the store at ``location``.

        Locking (on-disk stores): a writer holds ``<store>/kg.lock`` exclusively, readers
        (``read_only=True``) hold it shared, so any number of readers run together and a
        writer runs alone. A store that is in use raises :class:`StoreInUse` at once, or,
        with ``wait`` > 0, after retrying (with backoff) for up to ``wait`` seconds. A writer
        that waits holds ``<store>/kg.intent`` meanwhile, and readers do not start while it
        is held: readers that keep coming cannot starve a writer. ``joins_read``: this reader
        is part of a read under way in another process that holds the store (a query
        worker, kg/timeout.py), so it does not give way to a waiting writer.
        ``read_only`` on a store that does not exist yet creates it (read-write).
        """
        loc = str(location) if location is not None else DEFAULT_LOCATION
        self.location = loc
        self.in_memory = loc == MEMORY
        self.read_only = False
        self.wait = wait
        self._joins_read = joins_read
        self._lock: _StoreLock | None = None
        self._results: weakref.WeakValueDictionary[int, Result] = weakref.WeakValueDictionary()
        if self.in_memory:
            self._store = ox.Store()
        else:
            _check_store_folder(loc)
            self._open(read_only=read_only and (Path(loc) / "CURRENT").exists() and not _wal_pending(loc)
                       and not (Path(loc) / JOURNAL).exists())
        self._ensure_view()

    def _open(self, *, read_only: bool) -> None:
        import time

        loc = self.location
        deadline = time.monotonic() + max(self.wait, 0.0)
        delay = 0.05
        # a writer that waits claims the store first: no new reader starts, so a stream of
        # readers cannot starve it (it gets the store when the reads under way are done)
        intent: _StoreLock | None = None
        try:
            while True:
                try:
                    if not read_only and self.wait > 0 and intent is None:
                        intent = _StoreLock.claim(loc)
                    self._lock = _StoreLock.acquire(loc, shared=read_only, give_way=not self._joins_read)
                    try:
                        self._store = ox.Store.read_only(loc) if read_only else ox.Store(loc)
                    except BaseException:
                        self._lock.release()
                        self._lock = None
                        raise
                    self.read_only = read_only
                    return
                except RecursionError:
                    raise
                except RuntimeError as err:  # the engine: "Corruption: ..."
                    raise StoreError(f"cannot open store '{loc}': {_syntax_message(err)}") from None
                except OSError as err:
                    if not _is_lock_error(err):
                        raise StoreError(f"cannot open store '{loc}': {_syntax_message(err)}") from None
                    if time.monotonic() + delay > deadline:
                        hint = (f"still in use after waiting {self.wait:g} s" if self.wait > 0
                                else "try again when it is done, or use --wait")
                        raise StoreInUse(f"store '{loc}' is in use by another kg process; {hint}") from None
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
        finally:
            if intent is not None:
                intent.release()

    def make_writable(self) -> None:
        """Reopen a store opened read-only for writing (waiting as the first open did)."""
        if self.read_only:
            self.close()
            self._open(read_only=False)
            self._ensure_view()

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store '{self.location}' was opened read-only; it cannot be written")

    # -- the default graph: kg's deduplicated view of the named graphs ---------
    def _ensure_view(self) -> None:
        if not self.read_only:
            self._recover()
        self._ensure_view_built()

    def _ensure_view_built(self) -> None:
        """Build the view if this store has named graphs but no view yet (a store made
        by kg before the view existed); a read-only open falls back to the engine's
        union default graph (one solution per graph holding a triple) until a writer
        opens it."""
        has_named = next(iter(self._store.named_graphs()), None) is not None
        has_view = next(iter(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None
        if has_view or not has_named:
            self._view = True
        elif self.read_only:
            self._view = False
        else:
            self._store.update(VIEW_SYNC)
            self._view = True

    # -- reading -----------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
        allow_update: bool = False,
        allow_service: bool = False,
    ) -> Result:
        """Run a SPARQL query; its default graph is the union of all named graphs, as a set.

        ``bindings`` bind variables to terms before evaluation (never string
        pasting). An update needs ``allow_update`` (it is then run by :meth:`update_user`);
        SERVICE and LOAD need ``allow_service`` (:func:`kg.sparql_guard.screen`).
        """
        # pyoxigraph evaluates SERVICE (HTTP POST) and LOAD (HTTP GET): both are checked
        # before the engine sees the text. Its query() cannot write.
        if screen(sparql, allow_update=allow_update, allow_service=allow_service):
            self.update_user(sparql)
            return Result("ask", True)
        if bindings:
            sparql = _bind_values(sparql, bindings)
        try:
            res = self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=not self._view)
        except SyntaxError as err:
            raise QuerySyntaxError(f"malformed SPARQL query: {_sparql_message(err)}") from None
        except OSError as err:
            raise StoreError(f"query failed: {_syntax_message(err)}") from None
        except ValueError as err:
            raise QuerySyntaxError(f"query failed: {_syntax_message(err)}") from None
        if isinstance(res, ox.QuerySolutions):
            return self._track(Result("select", res, tuple(v.value for v in res.variables)))
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", bool(res))
        return self._track(Result("graph", res))

    def _track(self, result: Result) -> Result:
        # a streaming result holds the engine open: close() cuts it loose, so that the
        # engine (and RocksDB's files) are really released when the lock is
        self._results[id(result)] = result
        return result

    def __len__(self) -> int:
        """The number of quads in the named graphs (the view is not counted)."""
        view = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return len(self._store) - int(next(iter(view))[0].value)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def graph_size(self, graph: str) -> int:
        r = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return int(next(iter(r))["n"].value)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of one named graph, or of all of them (never the view)."""
        g = ox.NamedNode(graph) if graph else None
        for q in self._store.quads_for_pattern(None, None, None, g):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            yield q

    def dump(self, output: BinaryIO, fmt: RdfFormat, *, graph: str | None = None) -> None:
        """Write the store (or one graph) to ``output`` as it is read (constant memory)."""
        if graph is not None:
            if not self.has_graph(graph):
                raise NotFound(f"no graph <{graph}> in the store")
            self._store.dump(output, fmt.ox, from_graph=ox.NamedNode(graph),
                             prefixes=None if fmt is RdfFormat.nt else PREFIXES)
            return
        if fmt.has_graphs:  # the named graphs, without the view
            ox.serialize(self.quads(), output, fmt.ox,
                         prefixes=None if fmt in (RdfFormat.nq, RdfFormat.jsonld) else PREFIXES)
            return
        # a triples format for the whole store: the union of the graphs, one copy of each triple
        prefixes = None if fmt is RdfFormat.nt else PREFIXES
        if self._view:
            self._store.dump(output, fmt.ox, from_graph=ox.DefaultGraph(), prefixes=prefixes)
            return
        res = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        ox.serialize(res, output, fmt.ox, prefixes=prefixes)

    # -- writing (each call is one transaction; each keeps the view) --------
    def update(self, sparql: str) -> None:
        """Run a SPARQL update as it is (kg's own writes, which keep the view themselves)."""
        self._check_writable()
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            raise QuerySyntaxError(f"malformed SPARQL update: {_sparql_message(err)}") from None
        except OSError as err:
            raise StoreWriteError(f"cannot write to the store ({storage_reason(err)})") from None

    def update_user(self, sparql: str) -> None:
        """Run a user's SPARQL update (``kg query --update``) and bring the view up to date
        in the same transaction. Its WHERE clauses read the view, as queries do; triples it
        writes to the default graph itself, outside any named graph, are not kept (write them
        into a graph: ``INSERT DATA { GRAPH <g> { ... } }``). The view is recomputed from
        the whole store: time grows with the store."""
        glue = "\n" if _ends_with_semicolon(sparql) else "\n;\n"
        self.update(sparql + glue + VIEW_SYNC)

    def load_files(self, paths: list[Path], *, fmt: RdfFormat | None = None,
                   graph: str | None = None, bulk: bool = False,
                   replace: Iterable[str] = (), skip_held_by: Iterable[str] = ()) -> LoadCounts:
        """Load RDF files in one transaction; returns quads added per graph.

        Triples of a file without graphs go to ``graph`` or to a graph named by
        the file's URI. All files are parsed before anything is written. Every quad
        is written to its graph and its triple to the view. When every graph the files
        fill is new, the engine's bulk loader writes them, inside a journal (a file in the
        store naming those graphs): a failure, or a crash, drops them again (at once, or
        when the store is next opened), so the load is all or nothing at about the bulk
        loader's speed; N-Quads files with one statement per line, each naming its graph
        (as kg, pyoxigraph and rdflib write them), go to the loader as they are, their view
        to a second loader beside it, and the loaders' own parse is the check (bad input is
        undone through the journal, then found and reported by the parse-first way).
        Otherwise one ``Store.extend`` (one transaction) writes them. ``bulk=True`` uses
        the bulk loader there too, into graphs the store holds already, without the
        journal: bad input still changes nothing, since every file is parsed in full first,
        but a crash or a full disk during the write can leave part of the data in the store
        (and of the view).

        Graphs in ``replace`` that the files hold (graphs kg owns whole, such as the
        ontology: a backup restored into a new store must not add a second copy of
        their blank nodes) are emptied first, in the same transaction.

        A triples file (no ``graph`` given) that names a graph of ``skip_held_by`` (as a
        triples export of a whole kg store does: the reference graph's content hash) has
        the triples those graphs hold already left out (``skipped``): loading such an export
        does not make a second copy of kg's reference data.
        """
        self._check_writable()
        skip = [ox.NamedNode(g) for g in skip_held_by if not graph and self.has_graph(g)]
        sources: list[tuple[Path, RdfFormat, bytes, ox.NamedNode]] = []
        for path in paths:
            if not path.exists():
                raise InputError(f"{path}: no such file")
            if path.is_dir():
                raise InputError(f"{path}: is a folder; give RDF files")
            f = fmt or RdfFormat.from_path(path)
            target = ox.NamedNode(graph) if graph else ox.NamedNode(path.resolve().as_uri())
            sources.append((path, f, _read_maybe_gz(path), target))
        # the engine's (bulk) loader takes a file as it is, unless every quad must be moved
        # to ``graph`` or some triples are to be left out
        skipping_in = {path for path, f, data, _ in sources
                       if not f.has_graphs and any(g.value.encode() in data for g in skip)}
        by_engine = not skipping_in and not (graph and any(f.has_graphs for _, f, _, _ in sources))
        if by_engine and not self.in_memory:
            fast = self._load_new_nquads(sources, replace)
            if fast is not None:
                return fast
        counts = LoadCounts()
        quads: list[ox.Quad] = []
        for path, f, data, target in sources:
            try:
                if f is RdfFormat.xml:
                    _check_xml_entities(path, data)
                for q in _placed(path, f, data, target, moved=bool(graph)):
                    if path in skipping_in and any(
                            ox.Quad(q.subject, q.predicate, q.object, g) in self._store for g in skip):
                        counts.skipped += 1
                        continue
                    name = q.graph_name.value
                    counts[name] = counts.get(name, 0) + 1
                    if not by_engine:
                        quads.append(q)
            except SyntaxError as err:
                raise ParseError(f"{path}: malformed {f.value}: {_rdf_syntax_message(err, data, f, path.resolve().as_uri())}") from None
            except (ValueError, UnicodeDecodeError) as err:
                raise ParseError(f"{path}: cannot read as {f.value}: {_syntax_message(err)}") from None
        dropping = [] if graph else sorted(set(replace) & set(counts))
        # all new graphs: the bulk loader, with a journal that a crash leaves behind (the next
        # open drops those graphs again, see _recover), so the load is still all or nothing
        journaled = by_engine and not bulk and not dropping and not any(self.has_graph(g) for g in counts)
        if by_engine and not (bulk or journaled):
            quads = [q for path, f, data, target in sources for q in _placed(path, f, data, target)]
        if dropping:
            self.update(write_update(drop=dropping, insert=_by_graph(quads), view=True))
            return counts
        try:
            if not (bulk or journaled) or not by_engine:
                (self._store.bulk_extend if bulk else self._store.extend)(
                    quads + [ox.Quad(q.subject, q.predicate, q.object) for q in quads])
            else:
                with self._journal(list(counts) if journaled else None):
                    for path, f, data, target in sources:
                        base = path.resolve().as_uri()
                        self._store.bulk_load(data, f.ox, base_iri=base, to_graph=target)
                        if f.has_graphs:
                            self._store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object)
                                                    for q in ox.parse(data, f.ox, base_iri=base))
                        else:
                            self._store.bulk_load(data, f.ox, base_iri=base, to_graph=ox.DefaultGraph())
        except OSError as err:
            raise _not_loaded(paths, err, "part of it may be in the store (--bulk)" if bulk
                              else "nothing of this load is kept") from None
        except (SyntaxError, ValueError) as err:  # parsed above: not expected
            raise ParseError(f"load failed: {_syntax_message(err)}") from None
        return counts

    def _load_new_nquads(self, sources: list[tuple[Path, RdfFormat, bytes, ox.NamedNode]],
                         replace: Iterable[str]) -> LoadCounts | None:
        """The fast way to load N-Quads files that fill only new graphs: each file, and at the
        same time its view (the same lines without their graph, see ``_nquads_view``), go to
        the engine's bulk loader, inside the journal, and the loader's own parse is the
        check — bad input raises, the journal drops what was written, and the careful way
        (parse everything, then write) runs to report it. None, with nothing written, when
        the files are not of that form or a graph they fill is in the store already."""
        if any(f is not RdfFormat.nq for _, f, _, _ in sources):
            return None
        counts = LoadCounts()
        views = []
        for _, _, data, _ in sources:
            split = _nquads_view(data)
            if split is None:
                return None
            views.append(split[0])
            for g, n in split[1].items():
                counts[g] = counts.get(g, 0) + n
        if set(replace) & set(counts) or any(self.has_graph(g) for g in counts):
            return None
        try:
            with self._journal(list(counts)):
                for (path, _, data, _), view in zip(sources, views):
                    self._bulk_load_beside(data, view, path.resolve().as_uri())
        except (SyntaxError, ValueError):
            return None  # undone; the careful way finds and reports the bad line
        except OSError as err:
            raise _not_loaded([path for path, _, _, _ in sources], err, "nothing of this load is kept") from None
        return counts

    def _bulk_load_beside(self, nquads: bytes, view: bytes, base: str) -> None:
        """N-Quads and the N-Triples of their view through two bulk loaders at once: the
        engine's loader works mostly on one core, so on two the view costs little time
        (a view triple the quads did not bring is left for the journal's undo to take out).
        Data that may hold blank nodes goes as one document, quads then view: the loader
        names a blank node anew in each document it reads."""
        if b"_:" in nquads:
            end = b"" if nquads.endswith(b"\n") else b"\n"
            self._store.bulk_load(nquads + end + view, RdfFormat.nq.ox, base_iri=base)
            return
        failed: list[BaseException] = []

        def load_view() -> None:
            try:
                self._store.bulk_load(view, ox.RdfFormat.N_TRIPLES, base_iri=base)
            except BaseException as err:  # noqa: BLE001 - raised again below, in this thread
                failed.append(err)

        beside = threading.Thread(target=load_view, name="kg-view-load")
        beside.start()
        try:
            self._store.bulk_load(nquads, RdfFormat.nq.ox, base_iri=base)
        finally:
            beside.join()
        if failed:
            raise failed[0]

    @contextlib.contextmanager
    def _journal(self, graphs: list[str] | None) -> Iterator[None]:
        """Around a bulk write of new graphs ``graphs``: a journal naming them, written
        (and synced) first and removed once the write is durable; if the write fails, or
        the process dies, the graphs are dropped again (now, or by the next open)."""
        if graphs is None or self.in_memory:
            yield
            return
        path = Path(self.location) / JOURNAL
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(graphs) + "\n")
            f.flush()
            os.fsync(f.fileno())
        try:
            yield
            self._store.flush()
        except BaseException:
            with contextlib.suppress(Exception):
                self._recover()
            raise
        path.unlink()

    def _recover(self) -> None:
        """Undo a journaled bulk load that did not finish: drop its graphs, then take out of
        the view every triple no graph holds (theirs, and what a view load running beside a
        failed one, or a line ``_nquads_view`` misread, put there), in one transaction — a
        pass over the view — then remove the journal."""
        path = Path(self.location) / JOURNAL
        if self.in_memory or not path.exists():
            return
        graphs = [g for g in path.read_text(encoding="utf-8").split() if g]
        if graphs:
            self._store.update(write_update(drop=graphs) + " ;\n" + VIEW_ORPHANS)
            self._store.flush()
        path.unlink()

    def add_graph_quads(self, graph: str, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        """Add triples (pyoxigraph terms or IRI strings) to a named graph, in one transaction."""
        self._check_writable()
        g = ox.NamedNode(graph)
        quads = [ox.Quad(_node(s), _node(p), _node(o), g) for s, p, o in triples]
        try:
            self._store.extend(quads + [ox.Quad(q.subject, q.predicate, q.object) for q in quads])
        except OSError as err:
            raise StoreWriteError(f"cannot write to the store ({storage_reason(err)})") from None

    def replace_graphs(self, new: dict[str, bytes], drop: Iterable[str] = ()) -> bool:
        """Atomically drop graphs ``drop`` and replace each graph in ``new`` with N-Triples data.

        One transaction: all of it happens or none of it, the view included. When none of
        the graphs is in the store yet (a new article), the N-Triples go to the engine's
        loader as N-Quads, each line once for its graph and once for the view (about twice
        as fast as parsing them inside a SPARQL update); otherwise one SPARQL update drops
        and refills the graphs. Returns False when the graphs held that data already and
        nothing was written, else True.
        """
        self._check_writable()
        drop = list(drop)
        present = [g for g in [*new, *drop] if self.has_graph(g)]
        if present and not drop and self._holds_already(new):
            return False  # a re-ingest of an unchanged article: nothing to write
        if not present:
            nquads = _as_nquads(new, view=True)
            if nquads is not None:
                if nquads:
                    try:
                        self._store.load(nquads, format=ox.RdfFormat.N_QUADS)
                    except (SyntaxError, ValueError) as err:
                        raise InputError(f"bad N-Triples: {_syntax_message(err)}") from None
                    except OSError as err:
                        raise StoreWriteError(f"cannot write to the store ({storage_reason(err)})") from None
                return True
        sparql = replace_graphs_update(new, drop, view=True)
        if sparql:
            self.update(sparql)
        return True

    def _holds_already(self, new: dict[str, bytes]) -> bool:
        """Whether each graph of ``new`` holds exactly those N-Triples already."""
        for g, nt in new.items():
            try:
                want = {(t.subject, t.predicate, t.object)
                        for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)}
            except (SyntaxError, ValueError):
                return False
            if any(isinstance(x, ox.BlankNode) for t in want for x in t):
                return False  # blank nodes are relabelled on each write
            have = {(q.subject, q.predicate, q.object)
                    for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(g))}
            if have != want:
                return False
        return True

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        """Drop named graphs, and from the view the triples no other graph holds (one transaction)."""
        sparql = replace_graphs_update({}, graphs, view=True)
        if sparql:
            self.update(sparql)

    def flush(self) -> None:
        """Write the engine's buffers to its files (what is committed is in its log already)."""
        if not self.in_memory and not self.read_only:
            try:
                self._store.flush()
            except OSError as err:
                raise StoreWriteError(f"cannot write to the store ({storage_reason(err)})") from None

    def close(self) -> None:
        """Release the store (and its lock), even when the last flush fails (StoreWriteError
        then, after the release: the committed writes are in the engine's log and the next
        open replays them)."""
        try:
            if isinstance(getattr(self, "_store", None), ox.Store):
                try:
                    self.flush()
                except StoreWriteError as err:
                    raise StoreWriteError(
                        f"{err} while closing it; what was reported written is committed (in the "
                        "engine's log: the next open of the store finishes writing it)") from None
        finally:
            if isinstance(getattr(self, "_store", None), ox.Store):
                for result in list(self._results.values()):
                    result._inner = None
                del self._store
                self._store = _Closed(self.location)  # type: ignore[assignment]
            if getattr(self, "_lock", None) is not None:
                self._lock.release()
                self._lock = None

    @property
    def engine(self) -> ox.Store:
        """The underlying pyoxigraph Store (for hot paths and interop)."""
        return self._store


#: What kg itself puts in a store folder besides the engine's files.
class _Closed:
    """The engine of a closed store: any use is a StoreError saying so (not an AttributeError)."""

    def __init__(self, location: str):
        self._location = location

    def __getattr__(self, name: str) -> Any:
        raise StoreError(f"store '{self._location}' is closed; open it again (kg.open)")

    def __len__(self) -> int:
        raise StoreError(f"store '{self._location}' is closed; open it again (kg.open)")


_KG_FILES = frozenset({"kg.lock", INTENT, JOURNAL})


def _check_store_folder(location: str) -> None:
    """Refuse (StoreError) a ``--store`` that is a file, or a folder holding other files
    than a store's: kg never creates or renames files among a user's own (the engine
    would make a store there, and rename a ``LOG`` it finds). A new or empty folder, or
    one with an engine store (its ``CURRENT`` names a ``MANIFEST`` file that is there),
    is a store folder."""
    folder = Path(location)
    try:
        if not folder.exists():
            return
        if not folder.is_dir():
            raise StoreError(f"store '{location}' is a file, not a store folder; give a new or "
                             "empty folder, or a kg store's folder")
        names = {entry.name for entry in folder.iterdir()}
    except OSError as err:
        raise StoreError(f"cannot open store '{location}': {err.strerror or err}") from None
    if not names - _KG_FILES or _is_engine_store(folder, names):
        return
    raise StoreError(f"store '{location}' is a folder of other files, not a kg store; kg writes "
                     "nothing there: give a new or empty folder, or a kg store's folder")


def _is_engine_store(folder: Path, names: set[str]) -> bool:
    """Whether ``folder`` holds an engine (RocksDB) store: ``CURRENT`` names its manifest."""
    if "CURRENT" not in names:
        return False
    try:
        with open(folder / "CURRENT", "rb") as f:
            current = f.read(64)
    except OSError:
        return False
    m = re.fullmatch(rb"(MANIFEST-\d+)\n?", current)
    return m is not None and m.group(1).decode() in names


#: Write-ahead logs over this size make a read-only open recover the store first. A new store
#: closed cleanly leaves ~8 MB (8.08 MB with the ontology's role terms, 7.996 MB before, which
#: was under the old cap of 8 MB by 0.05%): 32 MB is a ~1 s replay, far from the 20 s case.
_WAL_PENDING = 32_000_000


def _wal_pending(location: str) -> bool:
    """Whether RocksDB's write-ahead logs are big (over :data:`_WAL_PENDING` bytes): a writer
    was killed after a large write, before the engine moved it into its tables.

    A read-only open replays the logs in memory on every open (20 s for a 500k-triple
    load), so such a store is opened read-write once, which recovers and persists it.
    (A clean close can leave a few MB of log behind: a new store's, with the ontology and
    the reference data, is ~8 MB; small logs are left alone.)
    """
    try:
        return sum(p.stat().st_size for p in Path(location).iterdir()
                   if p.suffix == ".log" and p.stem.isdigit()) > _WAL_PENDING
    except OSError:
        return False


def _is_lock_error(err: OSError) -> bool:
    """Whether opening failed because another process (or this one) holds the store."""
    if isinstance(err, BlockingIOError):  # our kg.lock
        return True
    msg = str(err)  # RocksDB's LOCK file (the path itself may contain "lock": be specific)
    return ("/LOCK:" in msg or "\\LOCK:" in msg or "lock hold by current process" in msg
            or "Resource temporarily unavailable" in msg)


class _StoreLock:
    """An advisory ``flock`` on ``<store>/kg.lock``: shared for readers, exclusive for a writer.

    The kernel drops it when the process ends, however it ends (a kill leaves no stale
    lock). Where ``fcntl`` is missing (Windows) only RocksDB's own lock applies.
    """

    def __init__(self, fd: int | None):
        self.fd = fd

    @classmethod
    def acquire(cls, location: str, *, shared: bool, give_way: bool = True) -> "_StoreLock":
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return cls(None)
        os.makedirs(location, exist_ok=True)
        try:
            fd = os.open(os.path.join(location, "kg.lock"), os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            if shared:  # a store on read-only media: readers go without the lock
                return cls(None)
            raise
        try:
            if shared and give_way:
                cls._check_no_writer_waiting(location)
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
            if shared:
                cls._check_no_engine_writer(location)
        except BaseException:
            os.close(fd)
            raise
        return cls(fd)

    @classmethod
    def claim(cls, location: str) -> "_StoreLock":
        """A waiting writer's claim: an exclusive ``flock`` on ``<store>/kg.intent`` (held while
        it waits for ``kg.lock``); BlockingIOError if another writer holds it."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return cls(None)
        os.makedirs(location, exist_ok=True)
        fd = os.open(os.path.join(location, INTENT), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BaseException:
            os.close(fd)
            raise
        return cls(fd)

    @staticmethod
    def _check_no_writer_waiting(location: str) -> None:
        """Raise BlockingIOError if a writer has claimed the store (:meth:`claim`)."""
        import fcntl

        try:
            fd = os.open(os.path.join(location, INTENT), os.O_RDONLY)
        except OSError:
            return  # no writer ever waited here (or unreadable media: nothing to respect)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        finally:
            os.close(fd)  # a probe: released at once

    @staticmethod
    def _check_no_engine_writer(location: str) -> None:
        """Raise BlockingIOError if a process that ignores kg.lock (an Oxigraph server, an
        older kg) has the store open for writing: RocksDB then holds a POSIX lock on LOCK.
        (A read-only engine instance beside a writer is undefined behaviour in pyoxigraph.)"""
        import errno
        import fcntl

        try:
            fd = os.open(os.path.join(location, "LOCK"), os.O_RDONLY)
        except OSError:
            return
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno in (errno.EAGAIN, errno.EACCES):
                raise BlockingIOError(errno.EAGAIN, "the store's LOCK is held") from None
        finally:
            os.close(fd)  # releases the probe's lock

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None


# The view's upkeep after a write it cannot follow (a user's update): triples no named graph
# holds leave the default graph, every named graph's triples are in it.
VIEW_ORPHANS = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
VIEW_SYNC = VIEW_ORPHANS + " ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def _ends_with_semicolon(sparql: str) -> bool:
    from .sparql_guard import strip_strings

    return strip_strings(sparql).rstrip().endswith(";")


def _as_nquads(graphs: dict[str, bytes], *, view: bool = False) -> bytes | None:
    """The graphs' N-Triples (one triple per line, as rdflib and pyoxigraph write them) as
    one N-Quads document, with each triple also in the default graph when ``view``; None
    when a line is not of that form."""
    out: list[bytes] = []
    for g, nt in graphs.items():
        suffix = f" <{g}> .".encode()
        for line in nt.splitlines():
            line = line.strip()
            if not line or line.startswith(b"#"):
                continue
            if not line.endswith(b"."):
                return None
            out.append(line[:-1].rstrip() + suffix)
            if view:
                out.append(line)
    return b"\n".join(out) + b"\n" if out else b""


def _not_loaded(paths: list[Path], err: OSError, kept: str) -> StoreWriteError:
    """The one-line error of a load the store could not write, naming its files and what is kept."""
    named = str(paths[0]) + (f" and {len(paths) - 1} more files" if len(paths) > 1 else "")
    return StoreWriteError(f"{named}: not loaded: cannot write to the store ({storage_reason(err)}); {kept}")


_NQ_GRAPH = re.compile(rb" <([^ \n>]*+)> \.\n")  # a statement's graph IRI, ending its line


def _nquads_view(data: bytes) -> tuple[bytes, dict[str, int]] | None:
    """The triples of N-Quads ``data`` as N-Triples (each line without its graph) and the
    number of lines per graph, when every line ends with a graph IRI (`` <g> .``, as
    pyoxigraph and rdflib write N-Quads); None for anything else (comments, blank lines,
    tabs, default-graph lines, blank-node graphs, escapes in a graph IRI), found without
    writing. A line of valid N-Quads whose last IRI is its object, not a graph, loses a
    term here and so fails to parse: a wrong split is an error, never a wrong triple."""
    if not data.endswith(b"\n"):
        data += b"\n"
    parts = _NQ_GRAPH.split(data)
    lines = len(parts) // 2
    if parts[-1] or lines != data.count(b"\n"):
        return None
    graphs: dict[str, int] = {}
    for g, n in collections.Counter(parts[1::2]).items():
        if b"\\" in g:
            return None
        try:
            name = g.decode()
            ox.NamedNode(name)
        except (UnicodeDecodeError, ValueError):
            return None
        graphs[name] = n
    return b" .\n".join(parts[0:-1:2]) + b" .\n", graphs


def _placed(path: Path, f: RdfFormat, data: bytes, target: ox.NamedNode, *,
            moved: bool = False) -> Iterator[ox.Quad]:
    """The quads of one file, triples (and every quad when ``moved``) in graph ``target``."""
    for q in ox.parse(data, f.ox, base_iri=path.resolve().as_uri()):
        if moved or isinstance(q, ox.Triple) or isinstance(q.graph_name, ox.DefaultGraph):
            q = ox.Quad(q.subject, q.predicate, q.object, target)
        yield q


def _iri_text(g: str) -> str:
    return f"<{g}>"


def view_remove(graphs: list[str], iri: Callable[[str], str] = _iri_text) -> str:
    """A SPARQL update operation: take out of the default graph (the view) the triples of
    ``graphs`` that no other named graph holds."""
    names = [iri(g) for g in graphs]
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {' '.join(names)} }} GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h NOT IN ({', '.join(names)})) }} }}")


def write_update(*, drop: Iterable[str] = (), insert: dict[str, bytes] | None = None,
                 iri: Callable[[str], str] = _iri_text, view: bool = False) -> str:
    """One SPARQL update: drop the graphs ``drop``, then add N-Triples to graphs (empty when
    there is nothing to do). ``view``: the default graph is kept as the set of the named
    graphs' triples (the embedded store); a remote store has no view."""
    drop = list(dict.fromkeys(drop))
    insert = insert or {}
    parts = [view_remove(drop, iri)] if view and drop else []
    parts += [f"DROP SILENT GRAPH {iri(g)}" for g in drop]
    blocks = []
    for g, nt in insert.items():
        if nt.strip():
            blocks.append(f"GRAPH {iri(g)} {{\n{nt.decode()}\n}}")
            if view:
                blocks.append(nt.decode())
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(parts)


def replace_graphs_update(new: dict[str, bytes], drop: Iterable[str] = (),
                          iri: Callable[[str], str] = _iri_text, *, view: bool = False) -> str:
    """One SPARQL update that drops graphs ``drop`` and replaces each graph of ``new`` with its
    N-Triples (empty when there is nothing to do); used for the embedded and the remote store."""
    return write_update(drop=[*drop, *new], insert=new, iri=iri, view=view)


def _by_graph(quads: Iterable[Any]) -> dict[str, bytes]:
    """Quads as N-Triples per graph name."""
    by: dict[str, list[ox.Triple]] = {}
    for q in quads:
        by.setdefault(q.graph_name.value, []).append(ox.Triple(q.subject, q.predicate, q.object))
    return {g: ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES) for g, ts in by.items()}


def _node(x: Any) -> Any:
    if isinstance(x, str):
        return ox.NamedNode(x)
    return x


_TOKEN_RE = re.compile(
    r'(?P<skip>"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*)'
    r'|(?P<where>\bWHERE\s*\{)|(?P<open>\{)|(?P<close>\})',
    re.IGNORECASE,
)


def _bind_values(sparql: str, bindings: dict[str, Any]) -> str:
    """``sparql`` with ``VALUES ?var { term }`` at the start of its (outermost) WHERE group
    (a list of terms gives one row each; an empty list, no solutions; a tuple of variable
    names binds rows of terms, :func:`_values_rows`).

    The terms are written in N-Triples syntax by pyoxigraph (escaped), so a
    value can never change the query's structure. (pyoxigraph's
    ``substitutions`` cannot be used: it requires the variable in the SELECT
    projection and does not bind it inside the WHERE clause.)
    """
    depth, first_group, at = 0, None, None
    for m in _TOKEN_RE.finditer(sparql):
        if m.group("where") and depth == 0:
            at = m.end()
            break
        if m.group("where") or m.group("open"):
            if depth == 0 and first_group is None:
                first_group = m.end()
            depth += 1
        elif m.group("close"):
            depth -= 1
    if at is None:
        at = first_group  # "ASK { ... }", "SELECT * { ... }"
    if at is None:
        raise QuerySyntaxError("malformed SPARQL query: no WHERE clause to bind parameters in")
    def values_of(name: Any, term: Any) -> str:
        if isinstance(name, tuple):
            return _values_rows(name, term)
        terms = term if isinstance(term, (list, tuple)) else [term]
        return f"VALUES ?{name} {{ {' '.join(str(_node(t)) for t in terms)} }}"

    inserts = [(at, " ".join(values_of(n, t) for n, t in bindings.items()))]
    for where, projected, limited in _sub_selects(sparql):
        # the same rows inside each sub-query that projects the variable, so that the engine
        # starts from them there too instead of computing the sub-query for everything and
        # joining after (a sub-query with LIMIT or OFFSET is left as it is: its rows would change)
        names = [n for n in bindings if not isinstance(n, tuple)
                 and re.search(rf"(?<![\w)])\?{re.escape(n)}\b", projected)
                 and not re.search(rf"\bAS\s+\?{re.escape(n)}\b", projected, re.I)]
        if names and not limited:
            inserts.append((where, " ".join(values_of(n, bindings[n]) for n in names)))
    for pos, text in sorted(inserts, reverse=True):
        sparql = f"{sparql[:pos]} {text} {sparql[pos:]}"
    return sparql


_SUB_TOKEN_RE = re.compile(_TOKEN_RE.pattern + r"|(?P<select>\bSELECT\b)|(?P<limit>\b(?:LIMIT|OFFSET)\b)",
                           re.IGNORECASE)


def _sub_selects(sparql: str) -> list[tuple[int, str, bool]]:
    """Each sub-query of ``sparql`` (a SELECT inside braces): where its WHERE group opens, its
    projection's text, and whether a LIMIT or OFFSET bounds it."""
    out: list[tuple[int, str, bool]] = []
    depth = 0
    open_subs: list[list[Any]] = []   # [depth of its enclosing group, select end, where end, limited]
    for m in _SUB_TOKEN_RE.finditer(sparql):
        if m.group("skip"):
            continue
        if m.group("select") and depth > 0:
            open_subs.append([depth, m.end(), None, False])
        elif m.group("limit") and open_subs and depth == open_subs[-1][0]:
            open_subs[-1][3] = True
        elif m.group("where") or m.group("open"):
            if m.group("where") and open_subs and open_subs[-1][2] is None and depth == open_subs[-1][0]:
                open_subs[-1][2] = m.end()
            depth += 1
        elif m.group("close"):
            depth -= 1
            if open_subs and depth < open_subs[-1][0]:
                d, sel, where, limited = open_subs.pop()
                if where is not None:
                    out.append((where, sparql[sel:where], limited))
    return out


def _values_rows(names: tuple[str, ...], rows: Any) -> str:
    """``VALUES (?a ?b) { (t1 t2) ... }``: a key of several variables binds rows of terms
    (None: ``UNDEF``)."""
    body = " ".join("(" + " ".join("UNDEF" if t is None else str(_node(t)) for t in row) + ")" for row in rows)
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ {body} }}"


def _sparql_message(err: BaseException) -> str:
    """pyoxigraph's "error at 3:17: expected ..." as "line 3 column 17: expected ..."."""
    msg = _syntax_message(err)
    m = re.match(r"error at (\d+):(\d+):\s*(.*)$", msg)
    if not m:
        return msg
    rest = m.group(3) if len(m.group(3)) <= 160 else m.group(3)[:150].rstrip() + " ..."  # long "expected" lists
    return f"line {m.group(1)} column {m.group(2)}: {rest}"


# an internal entity declaration as pyoxigraph's RDF/XML parser reads them (double quotes
# only; it reads no external entity: SYSTEM/PUBLIC declarations are a syntax error there)
_ENTITY_DECL_RE = re.compile(rb'<!ENTITY\s+([^\s%>]+)\s+"([^"]*)"\s*>')
_EXTERNAL_ENTITY_RE = re.compile(rb"<!ENTITY\s+(?:%\s+)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b")
_ENTITY_REF_RE = re.compile(rb"&([A-Za-z_:][A-Za-z0-9_:.\-]*);")


def _check_xml_entities(path: Path, data: bytes) -> None:
    """Refuse RDF/XML whose entities expand far beyond its size ("billion laughs").

    pyoxigraph expands internal entities without a limit (a 1 kB file with nested
    entities made a 1 GB literal). Up to 10 MB plus ten times the file is allowed:
    ontologies that abbreviate namespaces with entities stay well under it.
    """
    if b"<!ENTITY" not in data:
        return
    external = _EXTERNAL_ENTITY_RE.search(data)
    if external:
        start = data.rfind(b"\n", 0, external.start()) + 1
        line = data.count(b"\n", 0, start) + 1
        raise ParseError(f"{path}: refused: external XML entities (SYSTEM or PUBLIC) are never read, "
                         f"they could read local files (line {line} column {external.start() - start + 1})")
    decls = {m.group(1): m.group(2) for m in _ENTITY_DECL_RE.finditer(data)}
    sizes: dict[bytes, float] = {}

    def size(name: bytes, seen: frozenset[bytes] = frozenset()) -> float:
        if name not in decls:
            return len(name) + 2  # &amp; and the like, or left for the parser to reject
        if name in seen:
            return float("inf")
        if name not in sizes:
            value = decls[name]
            refs = _ENTITY_REF_RE.findall(value)
            sizes[name] = (len(value) - sum(len(r) + 2 for r in refs)
                           + sum(size(r, seen | {name}) for r in refs))
        return sizes[name]

    total = sum(size(m.group(1)) for m in _ENTITY_REF_RE.finditer(_ENTITY_DECL_RE.sub(b"", data)))
    limit = 10 * 1024 * 1024 + 10 * len(data)
    if total > limit:
        raise ParseError(f"{path}: refused: its XML entities would expand to "
                         f"{'an unbounded size' if total == float('inf') else f'{total / 1e6:.0f} MB'} "
                         f"(the limit is {limit / 1e6:.0f} MB)")


class _TrickleReader(io.RawIOBase):
    """Bytes for a parser: large reads up to ``slow_from``, then one byte per read.

    When the parser fails, ``pos`` (the bytes it has taken) says where the error is.
    """

    def __init__(self, data: bytes, slow_from: int):
        self.data, self.pos, self.slow_from = data, 0, slow_from

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        n = 1 if self.pos >= self.slow_from else min(65536, self.slow_from - self.pos)
        if size is not None and size >= 0:
            n = min(n, size)
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

    def readinto(self, buffer: Any) -> int:
        chunk = self.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


def _error_offset(data: bytes, fmt: RdfFormat, base_iri: str | None = None) -> int | None:
    """How far a parser of ``fmt`` reads ``data`` before it fails (None if it does not)."""
    slow_from = len(data)
    for _ in range(2):  # coarse pass, then byte by byte over the last two chunks
        reader = _TrickleReader(data, slow_from)
        try:
            for _q in ox.parse(reader, fmt.ox, base_iri=base_iri):
                pass
        except SyntaxError:
            if slow_from < len(data) or reader.pos <= 1:
                return reader.pos
            slow_from = max(0, reader.pos - 2 * 65536)
            continue
        except Exception:  # noqa: BLE001 - locating is best effort
            return None
        return None
    return None


def _rdf_syntax_message(err: BaseException, data: bytes, fmt: RdfFormat,
                        base_iri: str | None = None) -> str:
    """The parser's message, with "near line L column C" added when it gives no position.

    pyoxigraph's Turtle family and JSON syntax errors carry a position; RDF/XML errors
    and JSON-LD errors found after JSON parsing do not: the input is then parsed again,
    fed byte by byte near the failure, to see where it stops.
    """
    msg = _syntax_message(err)
    if "LoadDocumentCallback" in msg:
        msg = "a remote @context is not fetched (kg reads no network while loading); put the context inline"
    if re.search(r"\bline \d+", msg):
        return msg
    at = _error_offset(data, fmt, base_iri)
    if at is None:
        return msg
    start = data.rfind(b"\n", 0, at) + 1
    line = data.count(b"\n", 0, start) + 1
    column = len(data[start:at].decode("utf-8", errors="replace"))
    return f"{msg} (near line {line} column {column})"


def _read_maybe_gz(path: Path) -> bytes:
    """A file to load (``.gz`` decompressed as it is read), up to :func:`kg.inputs.load_limit`."""
    gzipped = path.name.lower().endswith(".gz")
    cap = load_limit()

    def too_big(label: str, size: int | None) -> str:
        how_big = f"{size / 1e6:,.1f} MB" if size is not None else f"more than {cap / 1e6:,.1f} MB"
        return (f"{label}: too big to load ({how_big}{' decompressed' if gzipped else ''}; the limit "
                f"is {cap / 1e6:,.1f} MB a file, set by $KG_MAX_LOAD_MB)")

    try:
        return read_capped(path, cap, gzipped=gzipped, too_big=too_big)
    except OSError as err:
        raise InputError(f"{path}: cannot read the file ({err.strerror or err})") from None


def open_output(path: str | None) -> BinaryIO:
    """A binary stream for ``-o FILE`` (gzip when it ends in .gz) or stdout."""
    import sys
    if path in (None, "-"):
        return sys.stdout.buffer
    if path.lower().endswith(".gz"):
        import gzip
        return gzip.open(path, "wb")  # type: ignore[return-value]
    return open(path, "wb")


__all__ = ["KgStore", "Result", "Row", "engine_io", "RdfFormat", "ResultFormat", "MEMORY", "DEFAULT_LOCATION",
           "render_table", "open_output", "LoadCounts"]


