"""The ``kg serve`` application (Starlette): the page, its JSON API and a SPARQL endpoint.

Routes:

* ``/``                     the page (``static/index.html``: query editor, named questions,
                            entity pages, graph view, timeline; plain JS, no CDN)
* ``/sparql``               W3C SPARQL 1.1 Protocol, read-only: ``GET ?query=``, ``POST`` as an
                            HTML form or ``application/sparql-query``; results negotiated by
                            ``Accept`` (SPARQL results JSON/XML, CSV, TSV; Turtle, N-Triples,
                            RDF/XML or JSON-LD for CONSTRUCT/DESCRIBE). Updates are refused (403),
                            a malformed query is 400 with the parser's message.
* ``/api/meta``             prefixes, named questions and their parameters, node colours
* ``/api/ask/{name}``       a named question (parameters as query parameters), negotiated as above
* ``/api/search?q=``        entities by name
* ``/api/entity?iri=|name=``    an entity page's data (see :func:`kg.web.data.entity`)
* ``/api/graph[?iri=|name=]``   a neighbourhood graph with its layout
* ``/api/timeline[?iri=|name=]`` treaties, summits and visits with dates

Every response carries security headers; ``/sparql`` and ``/api/*`` refuse requests made by
pages of other origins and request bodies over 1 MB (:mod:`kg.web.guard`).

The store is opened read-only for each request (so ``kg ingest`` can write between
requests); a ``:memory:`` or remote store is opened once. When bound to a loopback address
only requests for a loopback host name are answered (no DNS rebinding).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from ..store import engine_io as ox  # the engine, through kg/store.py
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import (ForbiddenQuery, InputError, KgError, NotFound, QueryTimeout, StoreError, StoreInUse,
                      UnknownQuestion)
from ..timeout import cancel_when
from ..prefixes import PREFIXES
from ..store import MEMORY, ResultFormat
from . import data
from .guard import MAX_BODY_BYTES, Guard, read_body, too_large

STATIC = Path(str(resources.files(__package__).joinpath("static")))

#: Media types of SELECT/ASK results, best first, and the kg result format of each.
RESULT_TYPES: list[tuple[str, str]] = [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
]
#: Media types of CONSTRUCT/DESCRIBE results, best first.
GRAPH_TYPES: list[tuple[str, str]] = [
    ("text/turtle", "ttl"),
    ("application/n-triples", "nt"),
    ("application/rdf+xml", "rdfxml"),
    ("application/ld+json", "jsonld"),
    ("application/x-turtle", "ttl"),
    ("text/plain", "nt"),
]
_FORMAT_PARAM = {  # ?format= (for download links): -> (select media type, graph media type)
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "ttl": "text/turtle",
    "turtle": "text/turtle", "nt": "application/n-triples", "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
_GRAPH_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                  "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}
_LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1", "[::1]"]
#: Seconds a query of /sparql or /api/ask may run unless ``kg serve --query-timeout`` says otherwise.
QUERY_TIMEOUT = 30.0
#: Seconds requests still running get to finish when the server is stopped (SIGINT, SIGTERM).
SHUTDOWN_SECONDS = 2


# -- the store -------------------------------------------------------------------------
def _open_kg(location: str, wait: float, auth: Any = None) -> Any:
    """The store, read-only where this kg's KnowledgeGraph offers it."""
    import inspect

    from ..api import KnowledgeGraph

    accepted = inspect.signature(KnowledgeGraph.__init__).parameters
    wanted = {"read_only": True, "wait": wait, "auth": auth}
    kwargs = {k: v for k, v in wanted.items() if k in accepted and (k != "auth" or v is not None)}
    return KnowledgeGraph(location, **kwargs)


class StoreAccess:
    """Read-only access to the store for one request at a time (see the module's doc)."""

    def __init__(self, location: str, *, wait: float = 10.0, auth: Any = None):
        self.location = location
        self.wait = wait
        self.auth = auth
        self.persistent = location == MEMORY or "://" in location
        self._kg: Any = None
        self._lock = threading.Lock()

    def check(self) -> None:
        """Open the store once (creating it if it does not exist), so errors show at start."""
        with self.open():
            pass

    @contextmanager
    def open(self) -> Iterator[Any]:
        if self.persistent:
            with self._lock:
                if self._kg is None:
                    self._kg = _open_kg(self.location, self.wait, self.auth)
                yield self._kg
            return
        g = _open_kg(self.location, self.wait, self.auth)
        try:
            yield g
        finally:
            g.close()

    def close(self) -> None:
        if self._kg is not None:
            self._kg.close()
            self._kg = None


# -- content negotiation -----------------------------------------------------------------
def _parse_accept(header: str) -> list[tuple[str, float, int]]:
    out = []
    for i, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        media = bits[0].lower()
        if not media:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        out.append((media, q, i))
    return out


def negotiate(accept: str | None, offers: list[tuple[str, str]]) -> tuple[str, str]:
    """The offer (media type, format) the ``Accept`` header prefers; the first offer when
    it names none of them (a client that asks for something else still gets an answer)."""
    if not accept:
        return offers[0]
    ranges = _parse_accept(accept)
    best: tuple[float, int, int, int] | None = None
    choice = offers[0]
    for pos, (media, fmt) in enumerate(offers):
        kind = media.split("/")[0]
        match: tuple[int, float, int] | None = None  # the most specific range decides the q
        for rng, q, order in ranges:
            spec = 2 if rng == media else 1 if rng == f"{kind}/*" else 0 if rng == "*/*" else -1
            if spec >= 0 and (match is None or spec > match[0]):
                match = (spec, q, order)
        if match is None or match[1] <= 0:
            continue
        spec, q, order = match
        # higher q, then the more specific range, then the client's order, then ours
        key = (q, spec, -order, -pos)
        if best is None or key > best:
            best, choice = key, (media, fmt)
    return choice


def _render(result: Any, accept: str | None, fmt: str | None) -> Response:
    """A kg :class:`~kg.store.Result` as the response the client asked for."""
    offers = GRAPH_TYPES if result.kind == "graph" else RESULT_TYPES
    if fmt:
        if fmt not in _FORMAT_PARAM:
            raise InputError(f"unknown format '{fmt}': use {', '.join(sorted(_FORMAT_PARAM))}")
        forced = [o for o in offers if o[0] == _FORMAT_PARAM[fmt]]
        media, kind = forced[0] if forced else offers[0]
    else:
        media, kind = negotiate(accept, offers)
    if result.kind == "graph":
        if kind == "ttl":
            body = result.serialize()
        else:
            body = ox.serialize(result.triples(), format=_GRAPH_FORMATS[kind]).decode()
    else:
        body = result.serialize(ResultFormat(kind))
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def _error(status: int, message: str) -> Response:
    return PlainTextResponse(message.rstrip() + "\n", status_code=status)


def _kg_error(err: KgError) -> Response:
    if isinstance(err, ForbiddenQuery):
        text = str(err)
        if "Update" in text or "update" in text:
            text = "this endpoint is read-only: SPARQL Update is refused"
        elif "SERVICE" in text:
            text = "SERVICE clauses are refused: this endpoint does not reach the network"
        return _error(403, text)
    if isinstance(err, (NotFound, UnknownQuestion)):
        return _error(404, str(err))
    if isinstance(err, StoreInUse):
        return PlainTextResponse(f"{err}\n", status_code=503, headers={"Retry-After": "5"})
    if isinstance(err, QueryTimeout):
        hint = " (kg serve --query-timeout)" if "time limit" in str(err) else ""
        return PlainTextResponse(f"{err}{hint}\n", status_code=503)
    if isinstance(err, StoreError):
        return _error(500, str(err))
    return _error(400, str(err))


def _service_description(base: str) -> str:
    formats = "\n".join(f"    sd:resultFormat <http://www.w3.org/ns/formats/{f}> ;" for f in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "N-Triples", "RDF_XML", "JSON-LD"))
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
[] a sd:Service ;
    sd:endpoint <{base}sparql> ;
    sd:supportedLanguage sd:SPARQL11Query ;
{formats}
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultDataset [ a sd:Dataset ] .
"""


# -- the application --------------------------------------------------------------------
def create_app(location: str, *, host: str = "127.0.0.1", auth: Any = None,
               max_body: int = MAX_BODY_BYTES, query_timeout: float = QUERY_TIMEOUT) -> Starlette:
    """The web app over the store at ``location`` (see the module's doc); ``auth``: the
    credentials of a remote store (see :class:`kg.KnowledgeGraph`); ``max_body``: the
    request body cap in bytes (see :mod:`kg.web.guard`); ``query_timeout``: seconds a
    query of ``/sparql`` or ``/api/ask`` may run (on-disk stores, see :mod:`kg.timeout`)."""
    access = StoreAccess(location, auth=auth)

    def run(fn: Any, *args: Any) -> Any:
        """``fn(g, *args)`` with the store open; KgError -> its HTTP response."""
        try:
            with access.open() as g:
                return fn(g, *args)
        except KgError as err:
            return _kg_error(err)

    async def run_query(request: Request, fn: Any, *args: Any) -> Any:
        """``run`` in a worker thread; a query it starts stops if the client goes away."""
        gone = threading.Event()

        def work() -> Any:
            with cancel_when(gone.is_set):
                return run(fn, *args)

        async def watch() -> None:
            while not gone.is_set():
                if await request.is_disconnected():
                    gone.set()
                    return
                await asyncio.sleep(0.25)

        watcher = asyncio.ensure_future(watch())
        try:
            return await run_in_threadpool(work)
        finally:
            watcher.cancel()

    async def index(request: Request) -> Response:
        html = (STATIC / "index.html").read_text(encoding="utf-8")
        return Response(html, media_type="text/html", headers={"Cache-Control": "no-cache"})

    async def sparql(request: Request) -> Response:
        params = request.query_params
        form: dict[str, list[str]] = {}
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = await read_body(request)
            if body is None:
                return _error(413, too_large(request.scope["state"]["max_body"]))
            try:
                text = body.decode("utf-8-sig")
            except UnicodeDecodeError:
                return _error(400, "the request body must be UTF-8")
            if ctype == "application/sparql-update":
                return _error(403, "this endpoint is read-only: SPARQL Update is refused")
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qs(text, keep_blank_values=True)
                queries = form.get("query", [])
            elif ctype == "application/sparql-query":
                queries = [text]
            else:
                return _error(415, "POST a query as application/sparql-query or as an "
                                   "application/x-www-form-urlencoded form with query=")
        else:
            queries = params.getlist("query")
        if "update" in params or "update" in form:
            return _error(403, "this endpoint is read-only: SPARQL Update is refused")
        if any(k in params or k in form for k in ("default-graph-uri", "named-graph-uri")):
            return _error(400, "default-graph-uri and named-graph-uri are not supported: the "
                               "default graph is the union of all named graphs; use GRAPH or FROM")
        if not queries:
            if request.method == "GET":
                media, _ = negotiate(request.headers.get("accept"),
                                     [("text/turtle", "ttl"), ("text/html", "html")])
                if media == "text/html":
                    return RedirectResponse("/#/query", status_code=303)
                return Response(_service_description(str(request.base_url)), media_type="text/turtle")
            return _error(400, "no query: give the SPARQL query as query=")
        if len(queries) > 1:
            return _error(400, "more than one query= given")
        accept = request.headers.get("accept")
        fmt = params.get("format")

        def execute(g: Any, query: str) -> Response:
            return _render(g.query(query, timeout=query_timeout), accept, fmt)

        return await run_query(request, execute, queries[0])

    async def meta(request: Request) -> Response:
        from .. import queries

        qs = [{"name": q.name, "help": q.help, "params": q.params, "required": sorted(q.required),
               "sparql": q.sparql} for q in queries.questions().values()]
        return JSONResponse({"prefixes": PREFIXES, "questions": qs, "colours": data.COLOURS,
                             "kinds": list(data.KINDS), "store": location})

    async def ask(request: Request) -> Response:
        name = request.path_params["name"]
        params = {k: v for k, v in request.query_params.items() if k != "format" and v != ""}
        accept = request.headers.get("accept")
        fmt = request.query_params.get("format")

        def execute(g: Any) -> Response:
            return _render(g.ask(name, timeout=query_timeout, **params), accept, fmt)

        if "timeout" in params:
            return _error(400, f"question '{name}' has no parameter 'timeout'")
        return await run_query(request, execute)

    def _target(g: Any, request: Request, required: bool) -> str | None:
        iri = request.query_params.get("iri")
        name = request.query_params.get("name")
        if iri:
            return iri
        if name:
            return data.resolve(g, name)
        if required:
            raise InputError("give iri= or name=")
        return None

    def json_route(fn: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            def execute(g: Any) -> Response:
                return JSONResponse(fn(g, request))
            return await run_in_threadpool(run, execute)
        return endpoint

    @json_route
    def search(g: Any, request: Request) -> Any:
        return data.search(g, request.query_params.get("q", ""))

    @json_route
    def entity(g: Any, request: Request) -> Any:
        return data.entity(g, _target(g, request, True))  # type: ignore[arg-type]

    @json_route
    def graph(g: Any, request: Request) -> Any:
        try:
            limit = int(request.query_params.get("limit", "120"))
        except ValueError:
            raise InputError("limit= must be a number") from None
        return data.neighbourhood(g, _target(g, request, False), limit=max(2, min(limit, 400)))

    @json_route
    def timeline(g: Any, request: Request) -> Any:
        return data.timeline(g, _target(g, request, False))

    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/api/meta", meta),
        Route("/api/ask/{name}", ask),
        Route("/api/search", search),
        Route("/api/entity", entity),
        Route("/api/graph", graph),
        Route("/api/timeline", timeline),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ]
    middleware = []
    if _is_loopback(host):
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=_LOOPBACK_NAMES + [host]))
    app = _GuardedApp(routes=routes, middleware=middleware)
    app.state.access = access
    app.state.max_body = max_body
    return app


class _GuardedApp(Starlette):
    """Starlette with :class:`kg.web.guard.Guard` outside everything, its own error pages
    (500) included, so that every response carries the security headers."""

    def build_middleware_stack(self) -> Any:
        return Guard(super().build_middleware_stack(), max_body=self.state.max_body)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host.strip("[]"), port))
        except OSError as err:
            raise InputError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None


def serve(location: str, *, host: str = "127.0.0.1", port: int = 8000,
          log_level: str = "warning", auth: Any = None, max_body: int = MAX_BODY_BYTES,
          query_timeout: float = QUERY_TIMEOUT) -> None:
    """Serve the app until interrupted (Ctrl+C or SIGTERM: it stops within a few seconds,
    killing the queries still running)."""
    import uvicorn

    from .. import timeout

    if not 0 <= port <= 65535:
        raise InputError(f"bad --port {port}: use 0-65535")
    if max_body < 1:
        raise InputError("bad --max-body-mb: give a size above 0")
    if not query_timeout > 0:
        raise InputError(f"bad --query-timeout {query_timeout:g}: give a number of seconds above 0")
    _check_port(host, port)
    app = create_app(location, host=host, auth=auth, max_body=max_body, query_timeout=query_timeout)
    app.state.access.check()
    if not app.state.access.persistent:  # an on-disk store: queries run in worker processes
        timeout.pool_for(location).start(1)
    shown = f"[{host}]" if ":" in host else host
    print(f"kg serve: http://{shown}:{port}/ (SPARQL endpoint http://{shown}:{port}/sparql; "
          f"store {location}); Ctrl+C stops", file=sys.stderr, flush=True)
    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            # stop the running queries now: their requests end (503) and shutdown is quick;
            # in a thread, as a signal handler must not wait for the pool's lock
            threading.Thread(target=timeout.close_all, daemon=True).start()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(app, host=host.strip("[]"), port=port, log_level=log_level,
                            timeout_graceful_shutdown=SHUTDOWN_SECONDS)
    try:
        Server(config).run()
    finally:
        timeout.close_all()  # queries still waiting stop at once
        app.state.access.close()


__all__ = ["create_app", "serve", "negotiate", "StoreAccess"]
