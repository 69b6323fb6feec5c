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

import io
import os
import re
from collections.abc import Iterable, Iterator
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
)
from .prefixes import PREFIXES

MEMORY = ":memory:"
DEFAULT_LOCATION = "kg-store"


class RdfFormat(str, Enum):
    """RDF serializations kg reads and writes (the value is the CLI's name)."""

    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"
    xml = "xml"

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


class ResultFormat(str, Enum):
    """Output formats of ``kg query`` (json/xml/csv/tsv are the W3C results formats)."""

    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"

    @property
    def ox(self) -> ox.QueryResultsFormat:
        return {
            "json": ox.QueryResultsFormat.JSON,
            "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV,
        }[self.value]


_UPDATE_RE = re.compile(
    # a comment is skipped as a whole line: "# ... joined with ..." is not a WITH update
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s+<[^>]*>|#[^\n]*(?:\n|$))\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
_SERVICE_RE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def _term_text(term: Any, compact: bool = True) -> str:
    """A short human form of a pyoxigraph term: prefixed IRI or literal value."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if compact:
            for prefix, ns in PREFIXES.items():
                if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_\-]*", iri[len(ns):]):
                    return f"{prefix}:{iri[len(ns):]}"
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
    _inner: Any
    variables: tuple[str, ...] = ()

    def __iter__(self) -> Iterator["Row"]:
        if self.kind != "select":
            raise TypeError(f"a {self.kind} result has no rows")
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
        return iter(self._inner)

    def to_dicts(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain strings (IRIs in full, literals' lexical values).

        >>> g = KgStore(MEMORY)
        >>> g.query("SELECT ?x WHERE { VALUES ?x { 1 } }").to_dicts()
        [{'x': '1'}]
        """
        return [row.asdict() for row in self]

    def serialize(self, fmt: ResultFormat | str = ResultFormat.table) -> str:
        """Render as a table, a W3C results format, or Turtle for triples."""
        fmt = ResultFormat(fmt)
        if self.kind == "graph":
            return ox.serialize(self._inner, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode()
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


def _syntax_message(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


class KgStore:
    """A kg store on disk (``path``) or in memory (``":memory:"``).

    >>> s = KgStore(MEMORY)
    >>> s.add_graph_quads("urn:g", [("urn:a", "urn:p", "urn:b")])
    >>> s.query("ASK { <urn:a> <urn:p> <urn:b> }").boolean
    True
    """

    def __init__(self, location: str | os.PathLike[str] | None = None):
        loc = str(location) if location is not None else DEFAULT_LOCATION
        self.location = loc
        self.in_memory = loc == MEMORY
        try:
            self._store = ox.Store() if self.in_memory else ox.Store(loc)
        except OSError as err:
            msg = str(err)
            if "LOCK" in msg or "Resource temporarily unavailable" in msg or "lock" in msg:
                raise StoreInUse(
                    f"store '{loc}' is in use by another kg process; wait for it to finish"
                ) from None
            raise StoreError(f"cannot open store '{loc}': {_syntax_message(err)}") from None

    # -- reading -----------------------------------------------------------
    def query(
        self,
        sparql: str,
        *,
        bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
        allow_update: bool = False,
        allow_service: bool = False,
    ) -> Result:
        """Run a SPARQL query over the union of all named graphs.

        ``bindings`` bind variables to terms before evaluation (never string
        pasting). Updates are refused here: use :meth:`update`.
        """
        if _UPDATE_RE.match(sparql):
            if not allow_update:
                raise ForbiddenQuery(
                    "this is a SPARQL Update; kg query is read-only unless --update is given"
                )
            self.update(sparql)
            return Result("ask", True)
        if not allow_service and _SERVICE_RE.search(_strip_strings(sparql)):
            raise ForbiddenQuery(
                "SERVICE clauses are refused (no network access from a query); use --allow-service"
            )
        if bindings:
            sparql = _bind_values(sparql, bindings)
        try:
            res = self._store.query(
                sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
            )
        except SyntaxError as err:
            raise QuerySyntaxError(f"malformed SPARQL query: {_syntax_message(err)}") from None
        except OSError as err:
            raise StoreError(f"query failed: {_syntax_message(err)}") from None
        except ValueError as err:
            raise QuerySyntaxError(f"query failed: {_syntax_message(err)}") from None
        if isinstance(res, ox.QuerySolutions):
            return Result("select", res, tuple(v.value for v in res.variables))
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", bool(res))
        return Result("graph", res)

    def __len__(self) -> int:
        return len(self._store)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, graph: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def graph_size(self, graph: str) -> int:
        r = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return int(next(iter(r))["n"].value)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
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
        if fmt.has_graphs:
            if fmt is RdfFormat.jsonld:  # written as read (not serialized to bytes first)
                ox.serialize(self.quads(), output, fmt.ox)
            else:
                self._store.dump(output, fmt.ox, prefixes=None if fmt is RdfFormat.nq else PREFIXES)
            return
        # a triples format for the whole store: the union of the graphs, one copy of each triple
        res = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        ox.serialize(res, output, fmt.ox, prefixes=None if fmt is RdfFormat.nt else PREFIXES)

    # -- writing (each call is one transaction) ----------------------------
    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            raise QuerySyntaxError(f"malformed SPARQL update: {_syntax_message(err)}") from None
        except OSError as err:
            raise StoreError(f"update failed: {_syntax_message(err)}") from None

    def load_files(self, paths: list[Path], *, fmt: RdfFormat | None = None,
                   graph: str | None = None, bulk: bool = False) -> dict[str, int]:
        """Load RDF files in one transaction; returns quads added per graph.

        Triples of a file without graphs go to ``graph`` or to a graph named by
        the file's URI. All files are parsed before anything is written.

        One file is written by the engine's own loader (one transaction, no
        Python object per quad); several files, or ``graph`` with a quads
        format, by one ``Store.extend``. ``bulk=True`` uses the engine's bulk
        loader instead (several times faster on big files): bad input still
        changes nothing, since every file is parsed in full first, but the
        write itself is not one transaction, so a crash or a full disk during
        it can leave part of the data in the store.
        """
        sources: list[tuple[Path, RdfFormat, bytes, ox.NamedNode]] = []
        for path in paths:
            if not path.exists():
                raise InputError(f"{path}: no such file")
            if path.is_dir():
                raise InputError(f"{path}: is a folder; give RDF files")
            f = fmt or RdfFormat.from_path(path)
            target = ox.NamedNode(graph) if graph else ox.NamedNode(path.resolve().as_uri())
            sources.append((path, f, _read_maybe_gz(path), target))
        # the engine loads a file as it is unless every quad must be moved to ``graph``
        by_engine = (bulk or len(sources) == 1) and not (graph and any(f.has_graphs for _, f, _, _ in sources))
        counts: dict[str, int] = {}
        quads: list[ox.Quad] = []
        for path, f, data, target in sources:
            try:
                for q in ox.parse(data, f.ox, base_iri=path.resolve().as_uri()):
                    if isinstance(q, ox.Triple) or isinstance(q.graph_name, ox.DefaultGraph) or graph:
                        name = target.value
                        if not by_engine:
                            q = ox.Quad(q.subject, q.predicate, q.object, target)
                    else:
                        name = q.graph_name.value
                    counts[name] = counts.get(name, 0) + 1
                    if not by_engine:
                        quads.append(q)
            except SyntaxError as err:
                raise ParseError(f"{path}: malformed {f.value}: {_syntax_message(err)}") from None
            except (ValueError, UnicodeDecodeError) as err:
                raise ParseError(f"{path}: cannot read as {f.value}: {_syntax_message(err)}") from None
        try:
            if not by_engine:
                (self._store.bulk_extend if bulk else self._store.extend)(quads)
            else:
                for path, f, data, target in sources:
                    loader = self._store.bulk_load if bulk else self._store.load
                    loader(data, f.ox, base_iri=path.resolve().as_uri(), to_graph=target)
        except OSError as err:
            raise StoreError(f"load failed: {_syntax_message(err)}") from None
        except (SyntaxError, ValueError) as err:  # parsed above: not expected
            raise ParseError(f"load failed: {_syntax_message(err)}") from None
        return counts

    def add_graph_quads(self, graph: str, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        """Add triples (pyoxigraph terms or IRI strings) to a named graph, in one transaction."""
        g = ox.NamedNode(graph)
        quads = [ox.Quad(_node(s), _node(p), _node(o), g) for s, p, o in triples]
        self._store.extend(quads)

    def replace_graphs(self, new: dict[str, bytes], drop: Iterable[str] = ()) -> None:
        """Atomically drop graphs ``drop`` and replace each graph in ``new`` with N-Triples data.

        One SPARQL update request: all of it happens or none of it.
        """
        parts = [f"DROP SILENT GRAPH <{g}>" for g in drop]
        inserts = []
        for g, nt in new.items():
            parts.append(f"DROP SILENT GRAPH <{g}>")
            if nt.strip():
                inserts.append(f"GRAPH <{g}> {{\n{nt.decode()}\n}}")
        if inserts:
            parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
        if parts:
            self.update(" ;\n".join(parts))

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        graphs = list(graphs)
        if graphs:
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))

    def flush(self) -> None:
        if not self.in_memory:
            self._store.flush()

    def close(self) -> None:
        """Release the store (and its lock)."""
        if getattr(self, "_store", None) is not None:
            self.flush()
            del self._store
            self._store = None  # type: ignore[assignment]

    @property
    def engine(self) -> ox.Store:
        """The underlying pyoxigraph Store (for hot paths and interop)."""
        return self._store


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
    """``sparql`` with ``VALUES ?var { term }`` at the start of its (outermost) WHERE group.

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
    values = " ".join(f"VALUES ?{name} {{ {_node(term)} }}" for name, term in bindings.items())
    return f"{sparql[:at]} {values} {sparql[at:]}"


def _strip_strings(sparql: str) -> str:
    """The query without string literals and comments (for keyword checks)."""
    sparql = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'', '""', sparql)
    sparql = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', sparql)
    return re.sub(r"#[^\n]*", "", sparql)


def _read_maybe_gz(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        import gzip
        try:
            return gzip.decompress(data)
        except OSError as err:
            raise InputError(f"{path}: not a gzip file: {err}") from None
    return data


def open_output(path: str | None) -> BinaryIO:
    """A binary stream for ``-o FILE`` (gzip when it ends in .gz) or stdout."""
    import sys
    if path in (None, "-"):
        return sys.stdout.buffer
    if path.lower().endswith(".gz"):
        import gzip
        return gzip.open(path, "wb")  # type: ignore[return-value]
    return open(path, "wb")


__all__ = ["KgStore", "Result", "Row", "RdfFormat", "ResultFormat", "MEMORY", "DEFAULT_LOCATION",
           "render_table", "open_output"]


