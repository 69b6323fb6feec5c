"""The library face of kg: :class:`KnowledgeGraph` and its verbs.

>>> import kg
>>> g = kg.open(":memory:")
>>> g.stats().triples > 0      # the ontology and reference data are loaded
True

Every ``kg`` command is one call of a method here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .store import engine_io as ox  # the engine, through kg/store.py

from . import kinds, queries as _queries
from .errors import InputError, NotFound
from .inputs import check_graph
from .curation import Curated
from .prefixes import ARTICLE, DCTERMS, INFERRED_GRAPH, KG, ONTOLOGY_GRAPH, QUARANTINE, RDF, REFERENCE_GRAPH
from .backend import Backend
from .cluster import ClusterClient  # a Protocol: no Dask imported here
from .store import MEMORY, KgStore, RdfFormat, Result, open_output

if TYPE_CHECKING:
    from types import TracebackType

    from rdflib import Dataset, Graph

    from .remote import PushReport
    from .reason import ReasoningResult
    from .validate import Report

_KG = KG

#: Credentials for a remote store: a bearer token, or (user, password) for HTTP Basic.
Auth = str | tuple[str, str] | None


@dataclass(frozen=True)
class Stats:
    """What ``kg stats`` reports."""

    triples: int
    graphs: dict[str, int]            # kind -> number of graphs
    entities: dict[str, int]          # class local name -> number of instances
    articles: int
    quarantined: int

    def to_text(self) -> str:
        lines = [f"triples      {self.triples}", f"articles     {self.articles}",
                 f"quarantined  {self.quarantined}", "graphs"]
        lines += [f"  {k:<11}{v}" for k, v in self.graphs.items()]
        lines.append("entities")
        lines += [f"  {k:<11}{v}" for k, v in self.entities.items()]
        return "\n".join(lines)


@dataclass(frozen=True)
class Exported:
    """What :meth:`KnowledgeGraph.export` wrote: where (``path``; None for a stream or
    stdout), in which format, how many statements (quads, or triples for a triples format)
    from how many graphs, and whether those graphs were merged into one (a triples format)."""

    path: str | None
    format: RdfFormat
    statements: int
    graphs: int
    merged: bool

    def summary(self) -> str:
        """One line for ``kg export``.

        >>> Exported("backup.ttl", RdfFormat.ttl, 120, 3, True).summary()
        'wrote 120 triples to backup.ttl; the 3 graphs were merged into one (ttl keeps no graphs: use nq, trig or jsonld to keep them)'
        """
        unit = "quads" if self.format.has_graphs else "triples"
        line = f"wrote {self.statements} {unit} to {self.path or 'stdout'}"
        if self.merged:
            line += (f"; the {self.graphs} graphs were merged into one ({self.format.value} keeps no "
                     "graphs: use nq, trig or jsonld to keep them)")
        return line


def _rdf_format(value: RdfFormat | str) -> RdfFormat:
    """``value`` as an :class:`RdfFormat` (any name kg takes), or an InputError listing them."""
    try:
        return RdfFormat(value)
    except ValueError:
        raise InputError(f"bad --format '{value}': use ttl, nt, nq, trig, jsonld or xml "
                         "(or turtle, ntriples, nquads, json-ld, rdfxml)") from None


@dataclass(frozen=True)
class IngestReport:
    """The outcome of ingesting one article."""

    article: str                      # the article's IRI (= its graph)
    source: str | None
    title: str | None
    date: str | None
    date_source: str
    facts: int
    quarantined: int
    entities_new: int
    entities_linked: int
    notes: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()     # SHACL messages of quarantined facts
    unchanged: bool = False           # re-ingested as it was: nothing written
    shard: str | None = None          # written to this N-Quads shard, not to a store (kg.cluster)

    def summary(self) -> str:
        name = self.source or self.article
        if self.shard:
            head = f"{name}: {self.facts} facts written to {self.shard}, {self.quarantined} quarantined"
        elif self.unchanged:
            head = f"{name}: {self.facts} facts already in the store (unchanged), {self.quarantined} quarantined"
        else:
            head = (f"{name}: {self.facts} facts added, {self.quarantined} quarantined, "
                    f"entities {self.entities_new} new / {self.entities_linked} linked")
        undated = "" if any(n.startswith("no article date") for n in self.notes) else "; no article date"
        return (head + (f"; date {self.date} ({self.date_source})" if self.date else undated)
                + "".join(f"; {n}" for n in self.notes))


class Removed(str):
    """What ``remove`` took out: the article's IRI (a ``str``), and whether the inferred
    graph was dropped with it (``inferred_dropped``: ``kg reason`` must run again)."""

    inferred_dropped: bool

    def __new__(cls, iri: str, *, inferred_dropped: bool = False) -> "Removed":
        self = super().__new__(cls, iri)
        self.inferred_dropped = inferred_dropped
        return self


@dataclass(frozen=True)
class IngestFailure:
    """An input of one ``ingest`` call that was not ingested, and why (one line naming it)."""

    item: str                         # the path as given, or <stdin>
    message: str
    exit_code: int = 2                # 2: bad input or a missing component; 3: a bug of kg
    traceback: str = ""               # for a bug of kg: the traceback (``kg --debug`` shows it)

    def summary(self) -> str:
        return f"Error: {self.message}"


@dataclass
class IngestResult:
    """All articles of one ``ingest`` call: a report or a failure for each input, in input order.

    An article that fails (bad input, a package not installed, a store error, a bug)
    does not stop the others; ``exit_code`` is what ``kg ingest`` exits with.
    """

    reports: list[IngestReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)            # the failures' messages
    failures: list[IngestFailure] = field(default_factory=list)
    outcomes: list[IngestReport | IngestFailure] = field(default_factory=list)
    #: called with each outcome as it is added (an article as soon as it is committed)
    on_outcome: Callable[[IngestReport | IngestFailure], None] | None = field(
        default=None, repr=False, compare=False)

    @property
    def exit_code(self) -> int:
        """0 when every input was ingested; else 2, or 3 if a failure was a bug of kg."""
        return max((f.exit_code for f in self.failures), default=0)

    def add(self, outcome: IngestReport | IngestFailure, *, tell: bool = True) -> None:
        """Add ``outcome``; unless ``tell`` is False, pass it on to ``on_outcome``."""
        self.outcomes.append(outcome)
        if isinstance(outcome, IngestFailure):
            self.failures.append(outcome)
            self.errors.append(outcome.message)
        else:
            self.reports.append(outcome)
        if tell and self.on_outcome is not None:
            self.on_outcome(outcome)


def _failure(item: str | Path, err: BaseException) -> IngestFailure:
    """``err`` raised while ingesting ``item``, as the failure of that item."""
    import traceback

    from .errors import as_kg_error

    label = "<stdin>" if str(item) == "-" else str(item)
    known = as_kg_error(err, "reading HTML" if str(item).lower().endswith((".html", ".htm")) else None)
    if known is not None:
        message, code, trace = str(known), known.exit_code, ""
    else:
        message = f"internal error of kg ({type(err).__name__}: {err})"
        code, trace = 3, "".join(traceback.format_exception(err))
    message = " ".join(message.split()) or type(err).__name__  # one line
    if not message.startswith(label):
        message = f"{label}: {message}"
    return IngestFailure(label, message, code, trace)


class _Failed(Exception):
    """Carries an :class:`IngestFailure` made elsewhere (a worker process) to the ingest loop."""

    def __init__(self, failure: IngestFailure):
        super().__init__(failure.message)
        self.failure = failure


def _resource_bytes(name: str) -> bytes:
    return resources.files("kg.resources").joinpath(name).read_bytes()


def _data_version() -> str:
    h = hashlib.sha256(_resource_bytes("ontology.ttl"))
    for entry in sorted(resources.files("kg.data").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".tsv"):
            h.update(entry.name.encode())
            h.update(entry.read_bytes())
    return h.hexdigest()[:16]


class KnowledgeGraph:
    """A kg knowledge graph in a store on disk (a path), in memory (``":memory:"``), or
    behind a SPARQL 1.1 endpoint (an ``http(s)://`` URL); see :func:`kg.open`.

    Opening a store that does not exist creates it, with the ontology and the
    reference data (states, places, people) in graphs of their own. Use it in a
    ``with`` block, or call :meth:`close`, to release the store for other processes.

    >>> with open(":memory:") as g:
    ...     g.ask("treaties").to_dicts()
    []
    """

    def __init__(self, location: str | Path | None = None, *, read_only: bool = False,
                 wait: float = 0.0, update_endpoint: str | None = None, auth: Auth = None):
        # read_only: share the store with other readers (see KgStore); wait: seconds to
        # wait for a store in use by another process before StoreInUse
        if isinstance(location, str) and location.lower().startswith(("http://", "https://")):
            from .remote import RemoteStore  # a SPARQL 1.1 endpoint (imported only then: http.client)

            self.store: Backend = RemoteStore(str(location), update_endpoint=update_endpoint,
                                          auth=auth, read_only=read_only)
        else:
            self.store = KgStore(location, read_only=read_only, wait=wait)
        self._ensure_base_graphs()

    # -- lifecycle ---------------------------------------------------------
    def close(self) -> None:
        """Write what is pending and release the store (its lock, for other kg processes).

        Results read after this raise :class:`~kg.errors.StoreError`; a flush that fails (a
        full disk) raises :class:`~kg.errors.StoreWriteError`. Closing twice does nothing.

        >>> g = open(":memory:")
        >>> g.close()
        >>> g.close()
        """
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: "TracebackType | None") -> None:
        self.close()

    def __repr__(self) -> str:
        """Where the store is, its backend and its size (quads in the named graphs).

        >>> open(":memory:")                                # doctest: +ELLIPSIS
        <KnowledgeGraph ':memory:' (oxigraph, in memory; ... quads in 2 graphs)>
        """
        if not isinstance(self.store, KgStore):  # a remote endpoint: no request for a repr
            return f"<KnowledgeGraph {getattr(self.store, 'url', '?')!r} (remote SPARQL endpoint)>"
        where = "in memory" if self.store.in_memory else ("on disk, read-only" if self.store.read_only
                                                          else "on disk")
        try:
            size = f"{len(self.store)} quads in {len(self.store.named_graphs())} graphs"
        except Exception:  # noqa: BLE001 - closed: a repr does not fail
            size = "closed"
        return f"<KnowledgeGraph {self.store.location!r} (oxigraph, {where}; {size})>"

    def _ensure_base_graphs(self) -> None:
        version = _data_version()
        marker = ox.Literal(version)
        ask = (f"ASK {{ GRAPH <{REFERENCE_GRAPH}> {{ <{REFERENCE_GRAPH}> <{_KG}contentHash> ?v }} }}")
        if self.store.query(ask, bindings={"v": marker}).boolean:
            return
        self.store.make_writable()  # a reader of a store made by another kg version
        from rdflib import Graph

        from .reference import reference_graph

        from rdflib.compare import to_canonical_graph

        # blank nodes (OWL lists and restrictions) get stable IRIs, so that a backup loaded
        # into a new store is the same dataset, not a second copy of each list
        onto = to_canonical_graph(Graph().parse(data=_resource_bytes("ontology.ttl"), format="turtle"))
        onto = onto.skolemize(authority="https://w3id.org", basepath="/kg/genid/")
        ref = reference_graph()
        ref_nt = ref.serialize(format="nt", encoding="utf-8")
        ref_nt += f"<{REFERENCE_GRAPH}> <{_KG}contentHash> {marker} .\n".encode()
        self.store.replace_graphs({
            str(ONTOLOGY_GRAPH): onto.serialize(format="nt", encoding="utf-8"),
            str(REFERENCE_GRAPH): ref_nt,
        })

    # -- reading -----------------------------------------------------------
    def query(self, sparql: str, *, allow_update: bool = False,
              allow_service: bool = False, timeout: float | None = None,
              stream: bool = False) -> Result:
        """Run SPARQL over the union of all graphs; the contract's prefixes are predeclared.

        ``timeout`` (seconds): the query runs in a worker process that is killed when the
        time is up (:class:`kg.errors.QueryTimeout`; see :mod:`kg.timeout`): for a store on
        disk; ``:memory:`` and remote stores, and updates, run without a limit.

        A SELECT's solutions stream from the engine as they are read (write them with
        :meth:`kg.store.Result.write`). With a ``timeout`` they are all read in the worker
        before this returns, unless ``stream``: then they come from the worker as it finds
        them, and the time limit covers reading them too.

        >>> g = open(":memory:")
        >>> [r["label"].value for r in g.query(
        ...     'SELECT ?label WHERE { ?s kg:isoCode "KP" ; rdfs:label ?label }')]
        ['North Korea']
        """
        return self._run(sparql, allow_update=allow_update, allow_service=allow_service, timeout=timeout,
                         stream=stream)

    def _run(self, sparql: str, *, bindings: dict[str, Any] | None = None, allow_update: bool = False,
             allow_service: bool = False, timeout: float | None = None, stream: bool = False) -> Result:
        """A query, in a worker process when it has a ``timeout`` and the store can be read
        from one (an on-disk store; not for an update)."""
        if timeout is not None:
            if not timeout > 0:
                raise InputError(f"bad timeout {timeout:g}: give a number of seconds above 0")
            from .sparql_guard import screen

            if isinstance(self.store, KgStore) and not self.store.in_memory and not screen(
                    sparql, allow_update=allow_update, allow_service=allow_service):
                from .timeout import pool_for

                return pool_for(self.store.location, wait=self.store.wait).run(
                    sparql, timeout=timeout, bindings=bindings, allow_service=allow_service, stream=stream)
        return self.store.query(sparql, bindings=bindings, allow_update=allow_update,
                                allow_service=allow_service)

    def ask(self, name: str, *, timeout: float | None = None, stream: bool = False, **params: str) -> Result:
        """Answer a named question (``kg ask NAME``); parameters are bound, never pasted.
        ``timeout`` and ``stream``: as for :meth:`query`.

        >>> g = open(":memory:")
        >>> g.ask("treaties").to_dicts()
        []
        """
        question = _queries.get(name)
        _queries.check_params(question, params)
        bindings: dict[str, Any] = {question.variable(k): ox.Literal(v) for k, v in params.items()}
        for param, how in question.resolve.items():
            if param in params:  # the entities the text names, looked up first (kg/queries)
                bindings[how.variable] = _queries.resolve(self.store.query, how, params[param],
                                                          ox.Literal, ox.NamedNode)
        if question.terms in params and question.terms in question.resolve:
            # the reference terms of office of the person named, beside what the texts attest
            people = bindings[question.resolve[question.terms].variable]
            bindings[_queries.TERM_VARIABLES] = _queries.reference_terms(people, ox.Literal, ox.NamedNode)
        return self._run(question.text(portable=not isinstance(self.store, KgStore)),
                         bindings=bindings, timeout=timeout, stream=stream)

    @staticmethod
    def questions() -> dict[str, str]:
        """Named questions and their help lines."""
        return {name: q.help for name, q in _queries.questions().items()}

    def stats(self) -> Stats:
        """What ``kg stats`` shows: triples, graphs by kind, entities per class, articles
        and quarantined facts.

        >>> s = open(":memory:").stats()
        >>> s.articles, s.graphs["reference"], s.entities["State"] > 190
        (0, 1, True)
        """
        graphs: dict[str, int] = {"articles": 0, "quarantine": 0, "reference": 0,
                                  "ontology": 0, "inferred": 0, "other": 0}
        for g in self.store.named_graphs():
            if g.startswith(str(ARTICLE)):
                graphs["articles"] += 1
            elif g.startswith(str(QUARANTINE)):
                graphs["quarantine"] += 1
            elif g == str(REFERENCE_GRAPH):
                graphs["reference"] += 1
            elif g == str(ONTOLOGY_GRAPH):
                graphs["ontology"] += 1
            elif g == str(INFERRED_GRAPH):
                graphs["inferred"] += 1
            else:
                graphs["other"] += 1
        entities = {}
        for cls in kinds.NAMES:
            r = self.store.query(
                f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{_KG}{cls}> }}")
            entities[cls] = int(next(iter(r))[0].value)
        q = self.store.query(f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f a <{_KG}QuarantinedFact> }}")
        quarantined = int(next(iter(q))[0].value)
        return Stats(len(self.store), graphs, entities, entities["Article"], quarantined)

    def export(self, output: str | Path | BinaryIO | None = None, *,
               format: RdfFormat | str = RdfFormat.nq, graph: str | None = None) -> "Exported":
        """Write the store (or one graph) as RDF to a file name (``.gz`` compresses), a binary
        stream, or stdout (None or ``"-"``); returns what was written (:class:`Exported`).

        ``format``: ttl, nt, nq, trig, jsonld or xml, or the names rdflib and Jena use (turtle,
        ntriples, nquads, json-ld, rdfxml). nq, trig and jsonld keep the named graphs; a triples
        format holds the union of the graphs, each triple once (``merged`` says so). JSON-LD
        carries an ``@context`` with kg's prefixes. Raises :class:`~kg.errors.InputError` for
        a format kg does not know or a file it cannot write, :class:`~kg.errors.NotFound` for
        a graph the store does not have.

        >>> g = open(":memory:")
        >>> out = io.BytesIO()
        >>> done = g.export(out, format="turtle", graph="https://w3id.org/kg/graph/reference")
        >>> done.graphs, done.merged, done.statements > 0
        (1, False, True)
        """
        fmt = _rdf_format(format)
        graph = check_graph(graph)
        counted = self._export_counts(fmt, graph)

        def dump(stream: Any) -> None:
            if fmt is RdfFormat.jsonld:  # pyoxigraph writes no @context: kg's goes around it
                from .prefixes import jsonld_context

                stream.write(b'{"@context": ' + jsonld_context().encode() + b', "@graph": ')
                self.store.dump(stream, fmt, graph=graph)
                stream.write(b"}\n")
            else:
                self.store.dump(stream, fmt, graph=graph)

        path: str | None = None
        if output is None or output == "-":
            stream = open_output(None)
            try:
                dump(stream)
            finally:
                stream.flush()
        elif isinstance(output, (str, Path)):
            _write_file(Path(output), dump)
            path = str(output)
        else:
            dump(output)
        return dataclasses.replace(counted, path=path)

    def _export_counts(self, fmt: RdfFormat, graph: str | None) -> "Exported":
        """What an export will write: statements, graphs, and whether graphs are merged."""
        if graph is not None:
            if not self.store.has_graph(graph):
                raise NotFound(f"no graph <{graph}> in the store")
            return Exported(None, fmt, self.store.graph_size(graph), 1, False)
        graphs = len(self.store.named_graphs())
        if fmt.has_graphs:
            return Exported(None, fmt, len(self.store), graphs, False)
        row = next(iter(self.store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                                         "WHERE { ?s ?p ?o } }")))
        return Exported(None, fmt, int(row[0].value), graphs, graphs > 1)

    def push(self, url: str, *, graph: str | None = None, replace: bool = False,
             auth: Auth = None, progress: Callable[[int, int, str], None] | None = None) -> "PushReport":
        """Send the named graphs (or one) to a SPARQL 1.1 Graph Store Protocol endpoint.

        Each graph replaces the server's graph of the same name (streamed in batches:
        ``PUT`` then ``POST``), so pushing twice leaves the same triples; ``replace``
        also deletes the server's graphs that this store does not have. ``auth``:
        ``(user, password)`` or a bearer token. See :func:`kg.remote.push`.
        """
        from .remote import push as push_graphs

        return push_graphs(self.store, url, graph=check_graph(graph), replace=replace, auth=auth,
                           progress=progress)

    def dataset(self) -> "Dataset":
        """An rdflib ``Dataset`` holding a copy of every named graph (for interop).

        >>> ds = open(":memory:").dataset()
        >>> sorted(str(c.identifier) for c in ds.graphs() if len(c))
        ['https://w3id.org/kg/graph/ontology', 'https://w3id.org/kg/graph/reference']
        """
        from rdflib import Dataset

        ds = Dataset()
        buf = io.BytesIO()
        self.store.dump(buf, RdfFormat.nq)
        ds.parse(data=buf.getvalue(), format="nquads")
        return ds

    def graph(self, name: str) -> "Graph":
        """One named graph as an rdflib ``Graph`` (a copy); :class:`~kg.errors.NotFound` if
        the store has no such graph.

        >>> g = open(":memory:").graph("https://w3id.org/kg/graph/reference")
        >>> len(g) > 1000
        True
        """
        from rdflib import Graph

        buf = io.BytesIO()
        self.store.dump(buf, RdfFormat.nt, graph=name)
        return Graph().parse(data=buf.getvalue(), format="nt")

    # -- writing -----------------------------------------------------------
    def load(self, paths: Iterable[str | Path], *, format: RdfFormat | str | None = None,
             graph: str | None = None, bulk: bool = False) -> dict[str, int]:
        """Load RDF files in one transaction; returns triples added per graph.

        Files that fill only new graphs always go through the engine's bulk loader, still
        all or nothing (a journal undoes a failed or interrupted load). ``bulk=True``: the
        bulk loader also into graphs the store holds already; the files are still parsed
        in full before anything is written, but that write is not one transaction (see
        :meth:`kg.store.KgStore.load_files`).
        """
        fmt = _rdf_format(format) if format else None
        return self.store.load_files([Path(p) for p in paths], fmt=fmt, graph=check_graph(graph), bulk=bulk,
                                     replace=(ONTOLOGY_GRAPH, REFERENCE_GRAPH, INFERRED_GRAPH),
                                     skip_held_by=(str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH)))

    def ingest(self, text: str, *, date: str | None = None, url: str | None = None,
               title: str | None = None, html: bool | None = None,
               source: str | None = None) -> IngestReport:
        """Extract the facts of one article's text and store them in the article's graph.

        Re-ingesting the same article (same URL, or same text when there is no
        URL) replaces its graph. Facts that fail the SHACL shapes go to the
        article's quarantine graph with the reason.
        """
        from .text import read_text

        doc = read_text(text, source=url or source, html=html)
        return self._ingest_document(doc, date=date, url=url, title=title)

    def ingest_paths(self, paths: Iterable[str], *, date: str | None = None,
                     url: str | None = None,
                     progress: Callable[[str], None] | None = None,
                     jobs: int = 1, cluster: "str | ClusterClient | None" = None,
                     report: Callable[[IngestReport | IngestFailure], None] | None = None) -> IngestResult:
        """Ingest files, folders (every article in them) and ``-`` (stdin).

        ``progress`` is called with each input once it is read and built; ``report`` with
        each outcome (:class:`IngestReport` or :class:`IngestFailure`) in input order, as
        soon as that article is committed (or has failed), not at the end.

        An input that cannot be ingested (a file that cannot be read, an error of any
        kind while reading, extracting or writing it) is reported in its place in
        ``outcomes`` (and in ``failures``, ``errors``), and the others are ingested;
        each article is written in one transaction.

        ``jobs > 1`` runs reading, extraction, RDF building and SHACL checks in
        that many worker processes; this process writes each article's graphs
        in input order (the store has one writer), so the store ends up as with
        ``jobs=1``. ``cluster``: the address of a Dask scheduler (``tcp://host:8786``), or
        a client of it (:func:`kg.cluster.connect`), whose workers do that work instead
        (:mod:`kg.cluster`); the same store again.
        """
        from .text import iter_paths

        result = IngestResult(on_outcome=report)
        items: list[str | Path | IngestFailure] = []
        for p in paths:
            if p == "-":
                items.append("-")
                continue
            try:
                items.extend(iter_paths([p]))
            except InputError as err:
                items.append(_failure(p, err))
        if url and len(items) > 1:
            raise InputError("--url names one article; give one file with it")
        if jobs < 1:
            raise InputError(f"bad --jobs {jobs}: give 1 or more")
        files = [item for item in items if isinstance(item, Path)]
        if cluster is not None:
            if jobs > 1:
                raise InputError("give --jobs or --cluster, not both")
            from .cluster import ingest_on_cluster

            ingest_on_cluster(self, items, address=cluster, date=date, url=url, progress=progress, result=result)
            return result
        if jobs > 1 and len(files) > 1:
            self._ingest_parallel(items, date=date, url=url, progress=progress, jobs=jobs, result=result)
            return result
        def build(item: str | Path) -> Any:
            doc = _read_item(item)
            made_from = _made_from(doc, date=date, url=url)
            same = self._unchanged(doc, made_from, url=url)   # an IngestReport: nothing to write
            return same if same is not None else _build_document(doc, date=date, url=url, check=False,
                                                                 made_from=made_from)

        self._build_and_write(items, build, progress, result)
        return result

    def _build_and_write(self, items: list[str | Path | IngestFailure],
                         build: Callable[[str | Path], Any],
                         progress: Callable[[str], None] | None, result: IngestResult) -> None:
        """``build`` each item and write it from the background writer, in order; an item
        that fails (any exception) is a failure in its place and the others go on."""
        with _Writer(self, result) as writer:
            for at, item in enumerate(items):
                if writer.stopped:  # the store cannot be written: the rest is not even read
                    writer.not_ingested(len(items) - at)
                    break
                if isinstance(item, IngestFailure):
                    writer.fail(item)
                    continue
                try:
                    built = build(item)
                except _Failed as failed:
                    writer.fail(failed.failure)
                except Exception as err:  # noqa: BLE001 - reported on the item's line
                    writer.fail(_failure(item, err))
                else:
                    writer.write(str(item), built)
                if progress:
                    progress(str(item))

    def _ingest_parallel(self, items: list[str | Path | IngestFailure], *, date: str | None, url: str | None,
                         progress: Callable[[str], None] | None, jobs: int,
                         result: IngestResult) -> None:
        """``ingest_paths`` with ``jobs`` worker processes building the graphs (spawned, not forked)."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        files = [str(item) for item in items if isinstance(item, Path)]
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=ctx) as pool:
            built = pool.map(_build_file, files, [date] * len(files), [url] * len(files))
            broken: list[BaseException] = []  # the pool itself failed (a worker died, say)

            def build(item: str | Path) -> Any:
                if item == "-":
                    return _build_document(_read_item(item), date=date, url=url, check=False)
                if broken:
                    raise broken[0]
                try:
                    failure, done = next(built)
                except Exception as err:
                    broken.append(err)  # every file after this one fails the same way
                    raise
                if failure is not None:
                    raise _Failed(failure)
                return done

            self._build_and_write(items, build, progress, result)
            pool.shutdown(wait=True, cancel_futures=True)  # after a stop: build no more

    def _ingest_document(self, doc: Any, *, date: str | None, url: str | None,
                         title: str | None = None) -> IngestReport:
        made_from = _made_from(doc, date=date, url=url, title=title)
        same = self._unchanged(doc, made_from, url=url)
        if same is not None:
            return same
        return self._store_built(_build_document(doc, date=date, url=url, title=title, made_from=made_from))

    def _unchanged(self, doc: Any, made_from: str, *, url: str | None) -> IngestReport | None:
        """The report of an article the store holds as this ingest would make it again
        (``made_from``: the same text, options and kg extraction version, :mod:`kg.fingerprint`),
        read from the store, no NLP run; None when it must be extracted."""
        from .fingerprint import article_text
        from .rdf import article_key

        key = article_key(article_text(doc), url)
        iri = str(ARTICLE) + key
        if not self.store.query(f"ASK {{ GRAPH <{iri}> {{ <{iri}> <{_KG}extractedWith> ?v }} }}",
                                bindings={"v": ox.Literal(made_from)}).boolean:
            return None
        row = next(iter(self.store.query(
            f"SELECT ?title ?date ?src (COUNT(?st) AS ?facts) WHERE {{ GRAPH <{iri}> {{ "
            f"OPTIONAL {{ <{iri}> <{DCTERMS}title> ?title }} "
            f"OPTIONAL {{ <{iri}> <{DCTERMS}date> ?date }} "
            f"OPTIONAL {{ <{iri}> <{_KG}dateSource> ?src }} "
            f"OPTIONAL {{ ?st a <{RDF}Statement> }} }} }} "
            "GROUP BY ?title ?date ?src")))
        quarantined = next(iter(self.store.query(
            f"SELECT (COUNT(?q) AS ?n) WHERE {{ GRAPH <{QUARANTINE}{key}> {{ ?q a <{_KG}QuarantinedFact> }} }}")))
        value = lambda name: row[name].value if row[name] is not None else None  # noqa: E731
        return IngestReport(article=iri, source=url or doc.source, title=value("title"), date=value("date"),
                            date_source=value("src") or "none", facts=int(row["facts"].value),
                            quarantined=int(quarantined[0].value), entities_new=0, entities_linked=0,
                            unchanged=True)

    def _store_built(self, built: Any) -> IngestReport:
        """Check one article's built graphs against the shapes if that is still to be done,
        then write them (one transaction); the report."""
        import dataclasses

        from .curation import apply_curation
        from .rdf import check_built

        built = check_built(built)
        built = dataclasses.replace(built, graphs=apply_curation(self.store, built.graphs))  # kg merge's decisions
        report = self._count_known(built)
        if self.store.replace_graphs(built.graphs, drop=()) is False:
            report = dataclasses.replace(report, unchanged=True)
        return report

    def _count_known(self, built: Any) -> IngestReport:
        """The report with entities counted as new (first seen) or linked (already in the
        store: reference data or earlier articles)."""
        import dataclasses

        report: IngestReport = built.report
        iris = [i for i in built.entities if re.fullmatch(r"[A-Za-z0-9:/._#%-]+", i)]
        if not iris:
            return report
        article = report.article
        values = " ".join(f"<{i}>" for i in iris)
        known = {row[0].value for row in self.store.query(
            f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g {{ ?e ?p ?o }} "
            f"FILTER(?g != <{article}>) }}")}
        return dataclasses.replace(report, entities_new=len(iris) - len(known), entities_linked=len(known))

    def remove(self, article: str) -> "Removed":
        """Take an article and its facts (and quarantined facts) out; returns its IRI.

        ``article`` is the article's IRI, its hash, its URL or the file it came from (or
        a graph loaded with ``kg load``). A triple another graph still states (another
        article, the reference data) stays in answers; one only this article stated goes.
        kg's own graphs (ontology, reference, inferred, quarantine) are refused. What
        ``kg reason`` inferred may rest on the removed facts: the inferred graph is
        dropped in the same transaction, and the result says so (``inferred_dropped``).
        """
        iri = self.resolve_article(article)
        from .curation import CURATION_GRAPH, forget

        if iri in (str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH), str(INFERRED_GRAPH)) \
                or iri.startswith(str(QUARANTINE)):
            raise InputError(f"<{iri}> is one of kg's own graphs, not an article; kg remove takes "
                             "an article (its IRI, hash, URL or file) or a graph loaded with kg load")
        if iri == CURATION_GRAPH:
            raise InputError(f"<{iri}> holds the decisions of kg merge and kg split; undo one with "
                             "kg split A B (or kg merge A B), not kg remove")
        graphs = [iri]
        if iri.startswith(str(ARTICLE)):
            graphs.append(str(QUARANTINE) + iri[len(str(ARTICLE)):])
        inferred = self.store.has_graph(str(INFERRED_GRAPH))
        if inferred:
            graphs.append(str(INFERRED_GRAPH))
        kept = forget(self.store, iri)   # what kg merge kept of the article, for a split
        if kept:
            self.store.replace_graphs(kept, drop=graphs)
        else:
            self.store.drop_graphs(graphs)
        return Removed(iri, inferred_dropped=inferred)

    def merge(self, source: str, target: str) -> Curated:
        """Record that ``source`` and ``target`` are one entity (``owl:sameAs`` in the curation
        graph) and rewrite the articles' facts about ``source`` as facts about ``target``.

        ``source`` and ``target`` are IRIs or the short forms tables show (``person/...``). The
        decision survives re-ingesting the articles (each is rewritten again before it is written)
        and is exported with the store. One transaction; :meth:`split` undoes it.

        >>> import kg
        >>> with kg.open(":memory:") as g:
        ...     g.merge("person/nobody-at-all", "person/vladimir-putin")
        Traceback (most recent call last):
        kg.errors.InputError: no entity 'person/nobody-at-all' in the store; give an IRI or the short form a table shows (person/..., treaty/...), see kg ask duplicates
        """
        from .curation import merge

        return merge(self.store, source, target)

    def split(self, source: str, target: str) -> Curated:
        """Record that ``source`` and ``target`` are two entities (``owl:differentFrom`` in the
        curation graph): a merge of one into the other is undone in the article graphs, and
        ``kg ask duplicates`` no longer lists the pair. One transaction.

        >>> import kg
        >>> with kg.open(":memory:") as g:
        ...     g.split("person/george-h-w-bush", "person/george-w-bush").summary()
        'split person/george-h-w-bush from person/george-w-bush (owl:differentFrom in the curation graph); 0 article graphs rewritten'
        """
        from .curation import split

        return split(self.store, source, target)

    def resolve_article(self, article: str) -> str:
        """The IRI of the article ``article`` names: its IRI, its hash, its URL (its
        ``dcterms:source``) or the file it was read from (the end of that path).

        :class:`~kg.errors.NotFound` when no article fits, :class:`~kg.errors.InputError`
        when several do.

        >>> g = open(":memory:")
        >>> g.resolve_article("1f2e3d4c5b6a7988")
        Traceback (most recent call last):
        ...
        kg.errors.NotFound: no article '1f2e3d4c5b6a7988' in the store (give its IRI, hash, URL or file)
        """
        graphs = set(self.store.named_graphs())
        for cand in (article, str(ARTICLE) + article):
            if cand in graphs:
                return cand
        r = self.store.query(
            f"SELECT ?a WHERE {{ ?a a <{_KG}Article> . "
            "{ ?a <http://purl.org/dc/terms/source> ?s } UNION { ?a <http://purl.org/dc/terms/title> ?s } "
            "FILTER(STR(?s) = ?v || STRENDS(STR(?s), CONCAT('/', ?v))) }",
            bindings={"v": ox.Literal(article)})
        found = sorted({row[0].value for row in r})
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise InputError(f"'{article}' names {len(found)} articles; give the article's IRI")
        raise NotFound(f"no article '{article}' in the store (give its IRI, hash, URL or file)")

    def validate(self, *, graph: str | None = None) -> "Report":
        """Check the store (or one graph) against shapes/kg.ttl."""
        from rdflib import Graph

        from .validate import validate

        graph = check_graph(graph)
        data = Graph()
        buf = io.BytesIO()
        if graph is not None:
            self.store.dump(buf, RdfFormat.nt, graph=graph)
        else:
            # everything but the ontology and the quarantine: what a query sees as facts
            res = self.store.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                f"FILTER(?g != <{ONTOLOGY_GRAPH}> && !STRSTARTS(STR(?g), \"{QUARANTINE}\")) }}")
            ox.serialize(res.triples(), buf, ox.RdfFormat.N_TRIPLES)
        data.parse(data=buf.getvalue(), format="nt")
        return validate(data)

    def reason(self, *, engine: str = "hermit") -> "ReasoningResult":
        """Run the OWL reasoner over the ontology and the facts; store the new triples
        in the graph ``https://w3id.org/kg/graph/inferred`` (replacing it)."""
        from rdflib import Graph

        from .reason import reason

        onto = Graph().parse(data=_resource_bytes("ontology.ttl"), format="turtle")
        data = Graph()
        buf = io.BytesIO()
        res = self.store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(?g != <{ONTOLOGY_GRAPH}> && ?g != <{INFERRED_GRAPH}> "
            f"&& !STRSTARTS(STR(?g), \"{QUARANTINE}\")) }}")
        ox.serialize(res.triples(), buf, ox.RdfFormat.N_TRIPLES)
        data.parse(data=buf.getvalue(), format="nt")
        result = reason(data, ontology=onto, engine=engine)
        if result.consistent:
            self.store.replace_graphs(
                {str(INFERRED_GRAPH): result.inferred.serialize(format="nt", encoding="utf-8")})
        return result


def _write_file(path: Path, write: Callable[[Any], None]) -> None:
    """Call ``write`` with a binary stream that becomes the file ``path`` (gzip when it ends
    in .gz) only once all is written: the stream is a temporary file beside ``path``,
    synced and renamed over it on success (an existing file is replaced whole and keeps
    its permissions); on any failure it is removed and ``path`` is as it was. A file that
    cannot be written is an InputError. A path that is not a regular file (/dev/stdout,
    a pipe) is written as it is."""
    import contextlib
    import gzip
    import os

    special = path.exists() and not path.is_file()
    tmp = path if special else path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with tmp.open("wb") as raw:
            if path.name.lower().endswith(".gz"):  # the gzip header names the target, not tmp
                with gzip.GzipFile(filename=path.name, mode="wb", fileobj=raw) as stream:
                    write(stream)
            else:
                write(raw)
            raw.flush()
            if not special:
                os.fsync(raw.fileno())
        if not special:
            with contextlib.suppress(OSError):  # keep the old file's permissions
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            os.replace(tmp, path)
    except OSError as err:
        if not special:
            tmp.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write the file ({err.strerror or err})") from None
    except BaseException:
        if not special:
            tmp.unlink(missing_ok=True)
        raise


def _given_date(date: str) -> Any:
    from .model import PartialDate

    try:
        return PartialDate.parse(date)
    except ValueError:
        raise InputError(f"bad --date '{date}': expected YYYY-MM-DD (or YYYY-MM, YYYY)") from None


class _NotWritten(Exception):
    """A built article not written because an earlier write found the store unwritable."""


class _Writer:
    """Writes built articles to the store in a background thread, in the order given, while
    the caller builds the next one (the engine releases the GIL while it writes).

    Each article is still one transaction. Its report, or the failure of its write (a
    bad article, say), goes to ``result`` in input order, with the failures of the items
    that were not built (:meth:`fail`); the writes that follow a failed one go on, except
    after a :class:`~kg.errors.StoreWriteError` (the disk is full): then nothing more is
    written (``stopped``), and that article's line says how many inputs were left out.
    """

    _AHEAD = 4  # built articles waiting to be written, at most

    def __init__(self, g: KnowledgeGraph, result: IngestResult):
        self._g, self._result = g, result
        self._pending: list[tuple[str, Any]] = []  # (item, future or IngestFailure)
        self._pool: Any = None
        self.stopped = False       # a write found the store unwritable (set in the writer thread)
        self._left_out = 0         # inputs not ingested after that
        self._stop_line: int | None = None  # the index in result.outcomes of that failure

    def __enter__(self) -> "_Writer":
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-writer")
        return self

    def _write(self, built: Any) -> IngestReport:
        """One article's write, in the writer thread (writes run one after another, in order)."""
        from .errors import StoreWriteError

        if self.stopped:
            raise _NotWritten()
        if isinstance(built, IngestReport):
            return built   # an unchanged article (KnowledgeGraph._unchanged)
        try:
            return self._g._store_built(built)
        except StoreWriteError:
            self.stopped = True
            raise

    def not_ingested(self, count: int) -> None:
        """``count`` more inputs left out after the store became unwritable."""
        self._left_out += count

    def write(self, item: str, built: Any) -> None:
        self._pending.append((item, self._pool.submit(self._write, built)))
        self._drain()

    def fail(self, failure: IngestFailure) -> None:
        """An item that failed before its write: reported after the writes before it."""
        self._pending.append((failure.item, failure))
        self._drain()

    def _ready(self) -> bool:
        head = self._pending[0][1]
        return isinstance(head, IngestFailure) or head.done()

    def _drain(self) -> None:
        while len(self._pending) > self._AHEAD or (self._pending and self._ready()):
            self._collect(*self._pending.pop(0))

    def _collect(self, item: str, pending: Any) -> None:
        if isinstance(pending, IngestFailure):
            self._result.add(pending)
            return
        from .errors import StoreWriteError

        try:
            self._result.add(pending.result())
        except _NotWritten:
            self._left_out += 1
        except StoreWriteError as err:
            self._stop_line = len(self._result.outcomes)
            self._result.add(_failure(item, err), tell=False)  # told once amended (_say_stopped)
        except Exception as err:  # noqa: BLE001 - reported on the item's line
            self._result.add(_failure(item, err))

    def _say_stopped(self) -> None:
        """The failed write's line, with the inputs left out after it."""
        if self._stop_line is None:
            return
        failure = self._result.outcomes[self._stop_line]
        assert isinstance(failure, IngestFailure)
        label = failure.item
        reason = failure.message[len(label) + 2:] if failure.message.startswith(f"{label}: ") else failure.message
        rest = (f"; stopped there: {self._left_out} more input{'s' if self._left_out != 1 else ''} "
                "not ingested" if self._left_out else "")
        amended = dataclasses.replace(failure, message=f"{label}: not ingested: {reason}{rest}")
        self._result.outcomes[self._stop_line] = amended
        self._result.failures[self._result.failures.index(failure)] = amended
        self._result.errors[self._result.errors.index(failure.message)] = amended.message
        if self._result.on_outcome is not None:
            self._result.on_outcome(amended)

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        try:
            if exc_type is None:
                while self._pending:
                    self._collect(*self._pending.pop(0))
                self._say_stopped()
            else:  # KeyboardInterrupt, say: stop
                for _, f in self._pending:
                    if not isinstance(f, IngestFailure):
                        f.cancel()
        finally:
            self._pool.shutdown(wait=True)


def _made_from(doc: Any, *, date: str | None, url: str | None, title: str | None = None) -> str:
    """What an ingest of ``doc`` with these options makes its graphs from (:mod:`kg.fingerprint`)."""
    from .fingerprint import article_text, fingerprint

    return fingerprint(article_text(doc), url=url, source=doc.source, date=date, title=title)


def _build_document(doc: Any, *, date: str | None, url: str | None, title: str | None = None,
                    check: bool = True, made_from: str | None = None) -> Any:
    """Extraction, RDF and (unless ``check`` is False) SHACL for one read article: a
    :class:`kg.rdf.Built` (nothing is written). ``made_from``: its fingerprint, if the
    caller has it already."""
    from .extract import extract
    from .rdf import article_graphs

    given = _given_date(date) if date is not None else None
    extraction = extract(doc, date=given)
    if title:
        extraction.title = title
    if made_from is None:
        made_from = _made_from(doc, date=date, url=url, title=title)
    return article_graphs(extraction, url=url, source=doc.source, check=check, fingerprint=made_from)


def _read_item(item: str | Path) -> Any:
    """A path, or the string ``-`` for stdin, read and cleaned (:mod:`kg.text`)."""
    import sys

    from .text import MAX_ARTICLE_BYTES, read_bytes, read_path

    if isinstance(item, str) and item == "-":
        return read_bytes(sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1), source="<stdin>")
    return read_path(Path(item))


def _build_file(path: str, date: str | None, url: str | None,
                data: bytes | None = None) -> tuple[IngestFailure | None, Any]:
    """The work of one ``ingest --jobs`` worker, or of a worker of ``ingest --cluster`` (which
    is sent the file's bytes, ``data``): (failure, :class:`kg.rdf.Built`) for one file."""
    from .text import read_path

    try:
        return None, _build_document(read_path(Path(path), data), date=date, url=url)
    except Exception as err:  # noqa: BLE001 - the file's failure; the others go on
        return _failure(path, err), None


def open(location: str | Path | None = None, *, read_only: bool = False,  # noqa: A001 - the library's verb
         wait: float = 0.0, update_endpoint: str | None = None, auth: Auth = None) -> KnowledgeGraph:
    """Open (or create) a knowledge graph.

    ``location``: a folder (an on-disk store, created if missing; None: ``kg-store``),
    ``":memory:"`` (a throw-away store), or the ``http://`` or ``https://`` URL of a SPARQL 1.1
    query endpoint (``http://localhost:7878/query``; ``update_endpoint`` where its update
    endpoint cannot be derived, ``auth`` a bearer token or ``(user, password)``).

    ``read_only=True`` shares an on-disk store with other readers; ``wait`` is how many
    seconds to wait for a store another process is using. Use it in a ``with`` block (or
    call ``close()``) to release the store.

    Raises :class:`~kg.errors.StoreInUse` (another process is writing the store),
    :class:`~kg.errors.StoreError` (it cannot be opened: damaged, not a kg store, the
    endpoint unreachable or refusing), :class:`~kg.errors.MissingComponent` (a package kg
    needs is not installed); all are :class:`~kg.errors.KgError` and importable from ``kg``.

    >>> with open(":memory:") as g:
    ...     len(g.store) > 0
    True
    """
    return KnowledgeGraph(location if location is not None else None, read_only=read_only, wait=wait,
                          update_endpoint=update_endpoint, auth=auth)


__all__ = ["KnowledgeGraph", "open", "Auth", "Stats", "Exported", "Removed", "IngestReport", "IngestResult", "IngestFailure", "MEMORY"]
