"""The ``kg`` command: a thin typer layer over :class:`kg.KnowledgeGraph`.

Each command parses its options, calls one library method and prints the
result. A :class:`kg.errors.KgError` becomes one line on stderr and exit code 2
(exit code 1 is kept for "validation found violations").
"""

from __future__ import annotations

import io
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from .errors import InputError, KgError, as_kg_error
from .inputs import check_graph
from .store import DEFAULT_LOCATION, RdfFormat, RdfFormatName, ResultFormat

class _OneLineErrors(TyperGroup):
    """The ``kg`` group: a usage error (unknown option, bad choice) is one ``Error:`` line
    on stderr and exit 2, as kg's own errors are, not Click's usage block."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.Abort:
            typer.echo("Aborted.", err=True)
            sys.exit(130)
        except Exception as err:
            # Click's usage errors (typer >= 0.2x vendors click: typer._click, not click)
            if not (callable(getattr(err, "show", None)) and hasattr(err, "exit_code")):
                raise
            if type(err).__name__ == "NoArgsIsHelpError":  # bare ``kg``: the help
                err.show()
            else:
                typer.echo(_usage_line(err), err=True)
            sys.exit(err.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="kg",
    cls=_OneLineErrors,
    help=(
        "A knowledge graph of geopolitics: ingest news articles, get traceable facts "
        "(states, leaders, treaties, summits, visits), ask them with SPARQL.\n\n"
        "Example: kg ingest examples/ && kg ask treaty-replacements"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Engine(str, Enum):
    """``kg reason --engine``."""

    hermit = "hermit"
    owlrl = "owlrl"


class PlotKind(str, Enum):
    """``kg plot KIND``."""

    timeline = "timeline"
    network = "network"


class ReportFormat(str, Enum):
    """``kg validate --format``."""

    text = "text"
    json = "json"
    turtle = "turtle"


#: ``--format`` of ``kg query`` and ``kg ask``
FORMAT_HELP = ("table; for SELECT and ASK the W3C results formats json, csv, tsv, xml; for "
               "CONSTRUCT and DESCRIBE RDF: ttl (also the table), nt, nq, jsonld, xml (RDF/XML).")


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"kg {__version__}")
        raise typer.Exit()


#: How long ``--wait`` waits for a store another kg process is using.
WAIT_SECONDS = 60.0


class _State:
    store: str = DEFAULT_LOCATION
    debug: bool = False
    wait: bool = False
    update_endpoint: str | None = None
    _kg: Any = None

    def kg(self, *, write: bool = True) -> Any:
        """The command's knowledge graph; ``write=False`` shares the store with other readers."""
        if self._kg is None:
            from .api import KnowledgeGraph

            self._kg = KnowledgeGraph(self.store, read_only=not write,
                                      wait=WAIT_SECONDS if self.wait else 0.0,
                                      update_endpoint=self.update_endpoint, auth=_env_auth())
        return self._kg

    def close(self, *, quiet: bool = False) -> None:
        """Release the store; ``quiet``: after the command failed, whatever happens (a
        flush that fails again on a full disk) adds nothing to the one error line."""
        kg, self._kg = self._kg, None
        if kg is not None:
            try:
                kg.close()
            except Exception:
                if not quiet:
                    raise


_state = _State()


@app.callback()
def _main(
    store: Annotated[str, typer.Option(
        "--store", "-s", envvar="KG_STORE",
        help="Store location: a folder (created if missing), :memory: for a throw-away store, "
             "or the URL of a SPARQL 1.1 query endpoint (http://host:7878/query).",
    )] = DEFAULT_LOCATION,
    update_endpoint: Annotated[Optional[str], typer.Option(
        "--update-endpoint", envvar="KG_UPDATE_ENDPOINT",
        help="With a --store URL: its SPARQL update endpoint, where it cannot be derived "
             "(Oxigraph /query -> /update, Fuseki /ds/query -> /ds/update).",
    )] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks on errors.")] = False,
    wait: Annotated[bool, typer.Option(
        "--wait", help="If another kg process is using the store, wait for it (up to 60 s) instead of failing.",
    )] = False,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print kg's version and exit.",
    )] = False,
) -> None:
    """kg: news articles in, traceable facts out; SPARQL to ask them."""
    _state.store = store
    _state.debug = debug
    _state.wait = wait
    _state.update_endpoint = update_endpoint
    _state.close()


def _command(name: str) -> Any:
    """Register a command whose KgError becomes one line on stderr and its exit code."""
    import functools

    def deco(fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                done = fn(*args, **kwargs)
                _state.close()  # a store that cannot be flushed is this command's failure
                return done
            except BrokenPipeError:
                _quiet_stdout()  # the reader stopped early (| head): not an error
                raise typer.Exit(0) from None
            except Exception as err:
                # a KgError, or what stands for one (a package kg needs is not installed)
                known = as_kg_error(err)
                if known is None or _state.debug:
                    raise
                typer.echo(f"Error: {known}", err=True)
                raise typer.Exit(known.exit_code) from None
            finally:
                _state.close(quiet=True)

        return app.command(name)(wrapper)

    return deco


def _quiet_stdout() -> None:
    """Stdout's reader has gone (a pipe to ``head`` that closed): what is still buffered
    goes nowhere, rather than failing again at exit."""
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file (a test's buffer)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _read_query(text: str) -> str:
    from .inputs import MAX_QUERY_BYTES, read_capped

    if text == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # a text stream (tests): the same limit, in characters
            return read_capped(io.BytesIO(sys.stdin.read(MAX_QUERY_BYTES + 1).encode()),
                               MAX_QUERY_BYTES, label="<stdin>").decode()
        return _decode_query(read_capped(stdin, MAX_QUERY_BYTES, label="<stdin>"), "<stdin>")
    if text.startswith("@"):
        path = Path(text[1:])
        if not path.is_file():
            raise InputError(f"{path}: no such query file")
        return _decode_query(read_capped(path, MAX_QUERY_BYTES), str(path))
    return text


def _decode_query(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{label}: a query must be UTF-8 text (byte {err.start + 1} is not)") from None


@_command("query")
def query_cli(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, @FILE.rq to read it from a file, or - for stdin.")],
    format: Annotated[ResultFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ResultFormat.table,
    update: Annotated[bool, typer.Option("--update", help="Allow SPARQL Update (INSERT/DELETE/LOAD/CLEAR/DROP).")] = False,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Allow network access: SERVICE clauses (and LOAD in an --update).")] = False,
    timeout: Annotated[Optional[float], typer.Option("--timeout", help="Stop the query after this many seconds (exit 2); on-disk stores.")] = None,
) -> None:
    """Run a SPARQL query over the union of all graphs; kg rdf rdfs owl xsd skos prov dcterms schema wd are predeclared.

    Example: kg query 'SELECT ?t ?d WHERE { ?t a kg:Treaty ; kg:signedOn ?d }' --format csv
    """
    res = _state.kg(write=update).query(_read_query(sparql), allow_update=update, allow_service=allow_service,
                                        timeout=timeout, stream=True)
    _write_result(res, format)


def _write_result(res: Any, format: ResultFormat) -> None:
    """The answer on stdout; csv, tsv, json and xml rows as they come (see Result.write)."""
    res.write(sys.stdout.buffer, format)
    sys.stdout.flush()


@_command("ask")
def ask_cli(
    name: Annotated[Optional[str], typer.Argument(help="The question's name; omit to list them.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="A parameter as key=value (repeatable).")] = None,
    format: Annotated[ResultFormat, typer.Option("--format", "-f", help=FORMAT_HELP)] = ResultFormat.table,
    timeout: Annotated[Optional[float], typer.Option("--timeout", help="Stop the question after this many seconds (exit 2); on-disk stores.")] = None,
) -> None:
    """Answer a named question; without a name, list them.

    A parameter that names an entity (state=, person=, entity=, party=, treaty=) takes its IRI (or the short form a table shows: state/niger), a whole name or alias in any case and without accents ("cote d'ivoire"), a state's ISO code (IN, IND), or words of one name such as a surname (Modi). Niger is not Nigeria; a value that fits several entities is an error listing them.

    Example: kg ask treaty-replacements ; kg ask sources --param entity="Kim Jong Un" ; kg ask leaders --param state=IN
    """
    from . import queries

    if name is None:
        for qname, q in queries.questions().items():
            params = " ".join(f"[--param {p}=...]" for p in q.params)
            typer.echo(f"{qname:<20} {q.help}" + (f"  {params}" if params else ""))
        return
    params = queries.parse_params(param or [])
    if "timeout" in params:  # --timeout is the option; no question has such a parameter
        raise InputError("bad --param timeout=...: the time limit is --timeout S")
    res = _state.kg(write=False).ask(name, timeout=timeout, stream=True, **params)
    _write_result(res, format)


@_command("load")
def load_cli(
    files: Annotated[list[str], typer.Argument(help="RDF files: .ttl .nt .nq .trig .jsonld .rdf/.xml (.gz too).")],
    format: Annotated[Optional[RdfFormatName], typer.Option("--format", help="Force the format instead of the extension.")] = None,
    graph: Annotated[Optional[str], typer.Option("--graph", help="Put all triples into this named graph.")] = None,
    bulk: Annotated[bool, typer.Option("--bulk", help="Use the bulk loader also into graphs the store holds already (loads into new graphs use it anyway, all or nothing): input is still checked in full first, but a crash during that write can leave part of it.")] = False,
) -> None:
    """Load RDF files, all in one transaction (a bad file loads nothing).

    Example: kg load backup.nq ; kg load extra.ttl --graph https://example.org/extra ; kg load --bulk big.nq
    """
    check_graph(graph)  # before the store is opened (or created)
    counts = _state.kg().load(files, format=RdfFormat(format.value) if format else None, graph=graph, bulk=bulk)
    typer.echo(counts.summary())


@_command("ingest")
def ingest_cli(
    paths: Annotated[list[str], typer.Argument(help="Articles: .txt or .html files, folders, or - for stdin.")],
    date: Annotated[Optional[str], typer.Option("--date", help="The article's date, YYYY-MM-DD (wins over the text).")] = None,
    url: Annotated[Optional[str], typer.Option("--url", help="The article's URL (its identity, recorded as dcterms:source).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for reading, extraction and checks (the store is written by this one).")] = 1,
    cluster: Annotated[Optional[str], typer.Option("--cluster", help="Build the graphs on the workers of the Dask scheduler at this address (tcp://host:8786); the store is written here.")] = None,
    shards: Annotated[Optional[str], typer.Option("--shards", help="With --cluster: the workers write the checked graphs as N-Quads files in this folder (for kg load --bulk); no store is opened.")] = None,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="Articles per N-Quads file of --shards.")] = 50,
) -> None:
    """Extract facts from news articles into the store, each article in its own graph.

    Example: kg ingest examples/ ; kg ingest page.html --url https://news.example/a --date 2024-06-19 ; kg ingest -j 2 articles/ ; kg ingest --cluster tcp://127.0.0.1:8786 articles/
    """
    from .api import IngestFailure, KnowledgeGraph

    if date is not None:
        from .model import PartialDate

        try:
            PartialDate.parse(date)
        except ValueError:
            raise InputError(f"bad --date '{date}': expected YYYY-MM-DD") from None
    if shards is not None and cluster is None:
        raise InputError("--shards needs --cluster (the workers write the shards)")
    if cluster is not None and jobs > 1:
        raise InputError("give --jobs or --cluster, not both")

    def report(outcome: Any) -> None:
        """An article's line as soon as it is committed: its report, or why it was not ingested."""
        if isinstance(outcome, IngestFailure):
            if outcome.traceback and _state.debug:
                typer.echo(outcome.traceback.rstrip("\n"), err=True)
            hint = " (run with --debug for the traceback)" if outcome.exit_code == 3 and not _state.debug else ""
            typer.echo(outcome.summary() + hint, err=True)
        else:
            typer.echo(outcome.summary())
        sys.stdout.flush()

    if shards is not None:
        from .cluster import ingest_shards

        with _progress(paths) as bar:
            sharded = ingest_shards(paths, address=cluster or "", folder=shards, shard_size=shard_size,
                                    date=date, url=url, progress=bar, report=report)
        typer.echo(sharded.summary())
        result = sharded.result
    else:
        client = None
        if cluster is not None:  # reached before the store is opened (or created)
            from .cluster import connect

            client = connect(cluster)
        try:
            g: KnowledgeGraph = _state.kg()
            with _progress(paths) as bar:
                result = g.ingest_paths(paths, date=date, url=url, progress=bar, jobs=jobs, cluster=client,
                                        report=report)
        finally:
            if client is not None:
                client.close()
    if result.exit_code:
        raise typer.Exit(result.exit_code)


#: Without a terminal, ``kg ingest`` writes a progress line on stderr every this many articles.
PROGRESS_EVERY = 10


class _Progress:
    """Progress of ``kg ingest`` on stderr when there are several articles: a rich bar on a
    terminal, else a plain line every :data:`PROGRESS_EVERY` articles."""

    def __init__(self, total: int | None):
        self.total = total
        self.done = 0
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> "_Progress":
        if self.total and self.total > 1 and sys.stderr.isatty():
            from rich.progress import Progress

            self._bar = Progress(transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("ingesting", total=self.total)
        return self

    def __call__(self, item: str) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=Path(item).name)
        elif self.total and self.total > 1 and self.done % PROGRESS_EVERY == 0:
            typer.echo(f"read {self.done} of {self.total} articles", err=True)

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _progress(paths: list[str]) -> _Progress:
    """The progress of ingesting ``paths``: every article file of a folder and its subfolders."""
    from .text import iter_paths

    total = 0
    for p in paths:
        try:
            total += len(iter_paths([p])) if p != "-" else 1
        except InputError:
            total += 1   # reported in its place by ingest_paths
    return _Progress(total)


@_command("remove")
def remove_cli(
    article: Annotated[str, typer.Argument(help="The article's IRI, hash, URL or file name.")],
) -> None:
    """Take an article and all its facts out of the store.

    Example: kg remove https://w3id.org/kg/article/1f2e3d4c5b6a7988
    """
    removed = _state.kg().remove(article)
    typer.echo(f"removed {removed}")
    if removed.inferred_dropped:
        typer.echo("dropped the inferred graph too (it may rest on the removed facts); run kg reason again")


@_command("merge")
def merge_cli(
    source: Annotated[str, typer.Argument(help="The entity that is another's double: its IRI or short form (person/...).")],
    target: Annotated[str, typer.Argument(help="The entity it is: its IRI is kept.")],
) -> None:
    """Record that two entities are one (owl:sameAs in the curation graph); questions follow it.

    The articles' facts about SOURCE become facts about TARGET, now and at every later ingest;
    kg split SOURCE TARGET undoes it. Example: kg merge person/jack-sullivan person/jake-sullivan
    """
    typer.echo(_state.kg().merge(source, target).summary())


@_command("split")
def split_cli(
    source: Annotated[str, typer.Argument(help="One entity: its IRI or short form (person/...).")],
    target: Annotated[str, typer.Argument(help="The entity it is not.")],
) -> None:
    """Record that two entities are two (owl:differentFrom in the curation graph).

    Undoes a kg merge of one into the other; kg ask duplicates no longer lists the pair.
    Example: kg split person/george-h-w-bush person/george-w-bush
    """
    typer.echo(_state.kg().split(source, target).summary())


@_command("export")
def export_cli(
    format: Annotated[RdfFormatName, typer.Option("--format", "-f", help="nq, trig and jsonld keep the named graphs; a triples format merges them (and says so).")] = RdfFormatName.nq,  # type: ignore[attr-defined]
    graph: Annotated[Optional[str], typer.Option("--graph", help="Export only this named graph.")] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="File to write (.gz compresses); default stdout.")] = None,
) -> None:
    """Write the store as RDF (streamed as it is read).

    Example: kg export --format nq -o backup.nq.gz
    """
    check_graph(graph)
    done = _state.kg(write=False).export(output, format=RdfFormat(format.value), graph=graph)
    if done.merged or output not in (None, "-"):  # stdout is the data: the line goes to stderr
        typer.echo(done.summary(), err=True)


@_command("stats")
def stats_cli() -> None:
    """Count triples, graphs and entities per class.

    Example: kg stats
    """
    typer.echo(_state.kg(write=False).stats().to_text())


@_command("validate")
def validate_cli(
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="The report: text, json or turtle (a SHACL validation report).")] = ReportFormat.text,
    graph: Annotated[Optional[str], typer.Option("--graph", help="Validate only this named graph.")] = None,
) -> None:
    """Check the facts against the SHACL shapes; exit 1 when there are violations.

    Example: kg validate --format json
    """
    check_graph(graph)
    report = _state.kg(write=False).validate(graph=graph)
    out = {"text": report.to_text, "json": report.to_json, "turtle": report.to_turtle}[format.value]()
    typer.echo(out.rstrip("\n"))
    if not report.conforms:
        raise typer.Exit(1)


@_command("reason")
def reason_cli(
    engine: Annotated[Engine, typer.Option("--engine", help="hermit (OWL 2 DL, needs Java) or owlrl (OWL 2 RL in Python, no Java).")] = Engine.hermit,
) -> None:
    """Run an OWL reasoner: check consistency and store inferred triples in their own graph.

    Example: kg reason ; kg reason --engine owlrl
    """
    result = _state.kg().reason(engine=engine.value)
    if not result.consistent:
        typer.echo(f"inconsistent: {result.explanation}")
        raise typer.Exit(1)
    typer.echo(f"consistent; {len(result.inferred)} triples inferred by {result.engine} "
               f"in {result.seconds:.1f} s (graph https://w3id.org/kg/graph/inferred)")


def _env_auth() -> Any:
    """Credentials for remote stores from the environment: $KG_TOKEN (Bearer) or
    $KG_USER and $KG_PASSWORD (Basic)."""
    import os

    if os.environ.get("KG_TOKEN"):
        return os.environ["KG_TOKEN"]
    if os.environ.get("KG_USER"):
        return (os.environ["KG_USER"], os.environ.get("KG_PASSWORD", ""))
    return None


@_command("push")
def push_cli(
    url: Annotated[str, typer.Argument(help="A SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://localhost:7878/store.")],
    graph: Annotated[Optional[str], typer.Option("--graph", help="Push only this named graph.")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Also delete the server's graphs that the store does not have.")] = False,
    user: Annotated[Optional[str], typer.Option("--user", help="HTTP Basic user (with --password); else $KG_TOKEN is sent as a Bearer token.")] = None,
    password: Annotated[Optional[str], typer.Option("--password", help="HTTP Basic password.")] = None,
) -> None:
    """Send the store's named graphs to a triple store (each graph replaces the server's graph of the same name).

    Example: kg push http://localhost:7878/store ; kg push http://localhost:3030/ds/data --user admin --password pw
    """
    import os

    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"bad URL '{url}': give the http(s):// URL of a Graph Store Protocol endpoint")
    if (user is None) != (password is None):
        raise InputError("--user and --password go together")
    auth: Any = (user, password) if user is not None else (os.environ.get("KG_TOKEN") or None)
    check_graph(graph)
    g = _state.kg(write=False)  # push only reads the store: other readers may share it
    with _PushProgress() as bar:
        report = g.push(url, graph=graph, replace=replace, auth=auth, progress=bar)
    typer.echo(report.summary(url))


class _PushProgress:
    """A rich progress bar (triples sent) on stderr when it is a terminal."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> "_PushProgress":
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            self._bar = Progress(TextColumn("pushing"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("triples"), TimeRemainingColumn(),
                                 TextColumn("{task.description}"),
                                 console=Console(stderr=True), transient=True)
            self._bar.__enter__()
        return self

    def __call__(self, sent: int, total: int, graph: str) -> None:
        if self._bar is None:
            return
        if self._task is None:
            self._task = self._bar.add_task("", total=total)
        self._bar.update(self._task, completed=sent, total=max(total, sent),
                         description=graph.rsplit("/", 1)[-1][:40])

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


@_command("serve")
def serve_cli(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="TCP port.")] = 8000,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", help="The largest request body (a POSTed query), in MB.")] = 1.0,
    query_timeout: Annotated[float, typer.Option("--query-timeout", help="Stop a query of /sparql or /api/ask after this many seconds (503).")] = 30.0,
) -> None:
    """A local web page (SPARQL editor, named questions, entity pages, graph, timeline) and a read-only SPARQL 1.1 endpoint at /sparql.

    Example: kg serve ; kg serve --port 8080 ; curl -G --data-urlencode 'query=ASK { ?s ?p ?o }' http://127.0.0.1:8000/sparql
    """
    from .web import serve

    serve(_state.store, host=host, port=port, auth=_env_auth(), max_body=int(max_body_mb * 1_000_000),
          query_timeout=query_timeout)


@_command("plot")
def plot_cli(
    kind: Annotated[PlotKind, typer.Argument(help="timeline (treaties, summits, visits over time) or network (who and what is linked).")],
    output: Annotated[str, typer.Option("--output", "-o", help="The picture to write: FILE.png or FILE.svg.")],
    entity: Annotated[Optional[str], typer.Option("--entity", "-e", help="Only this entity's events / neighbourhood (name, alias or IRI).")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="The picture's title.")] = None,
) -> None:
    """Draw the web page's timeline or network as a PNG or SVG file.

    Example: kg plot timeline -o timeline.png ; kg plot network --entity Poland -o poland.svg
    """
    from .plot import plot

    path = plot(_state.kg(write=False), kind.value, output, entity=entity, title=title)
    typer.echo(f"wrote {path}")


def _usage_line(err: Any) -> str:
    """A Click usage error as one line: its message and where the help is."""
    message = " ".join(str(err.format_message() if hasattr(err, "format_message") else err).split())
    ctx = getattr(err, "ctx", None)
    where = f" (see {ctx.command_path} --help)" if ctx is not None and getattr(ctx, "command_path", "") else ""
    return f"Error: {message}{where}"


def main() -> None:
    """Entry point of the ``kg`` console script."""
    debug = "--debug" in sys.argv
    try:
        # without standalone mode click returns (not raises) the code of a typer.Exit
        code = app(standalone_mode=False, prog_name="kg")
        sys.exit(code if isinstance(code, int) else 0)
    except KgError as err:
        if debug:
            raise
        typer.echo(f"Error: {err}", err=True)
        sys.exit(err.exit_code)
    except typer.Exit as ex:
        sys.exit(ex.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except Exception as err:  # click usage errors, missing packages and the unexpected
        # typer >= 0.2x vendors click (typer._click): its ClickException is not click's
        if callable(getattr(err, "show", None)) and hasattr(err, "exit_code"):
            if type(err).__name__ == "NoArgsIsHelpError":  # bare ``kg``: the help
                err.show()
            else:
                typer.echo(_usage_line(err), err=True)
            sys.exit(2)
        if debug:
            raise
        known = as_kg_error(err)  # a package kg needs is not installed, say
        if known is not None:
            typer.echo(f"Error: {known}", err=True)
            sys.exit(known.exit_code)
        typer.echo(f"Error: {type(err).__name__}: {err} (run with --debug for the traceback)", err=True)
        sys.exit(3)
    finally:
        _state.close(quiet=True)


__all__ = ["app", "main"]
