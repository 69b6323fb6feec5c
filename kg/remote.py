"""Beyond one machine: a remote SPARQL 1.1 endpoint as a kg store, and pushing a store
to a triple store with the SPARQL 1.1 Graph Store HTTP Protocol.

:class:`RemoteStore` offers :mod:`kg.api` the methods of :class:`kg.store.KgStore`
(query with bindings, update, replace_graphs, drop_graphs, named_graphs, has_graph,
graph_size, quads, dump, load_files, ``len``, close, flush) over the SPARQL 1.1
Protocol: a query is an HTML-form POST to the query endpoint, its results are read
with pyoxigraph's parsers (JSON or XML results, N-Triples/Turtle for CONSTRUCT),
an update is a form POST to the update endpoint.

The default graph of a query must be the union of the named graphs (kg writes
nothing to the default graph). Oxigraph server is asked for it per query
(``union-default-graph``); GraphDB and Virtuoso do it by default; Fuseki needs
``tdb2:unionDefaultGraph true`` on the dataset. A store whose default graph is
visibly not the union is refused with a message that says so.

:func:`push` streams a store's named graphs to a Graph Store Protocol endpoint in
batches (``PUT ?graph=G`` for the first batch of a graph, which replaces the graph
on the server, ``POST`` for the following ones), so memory does not grow with
the store and pushing twice leaves the same triples.

Only the standard library speaks HTTP here (``http.client``: no proxy surprises,
one kept-alive connection per push).
"""

from __future__ import annotations

import base64
import http.client
import os
import queue
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from .store import engine_io as ox  # the engine, through kg/store.py

from . import store as _store
from .errors import ForbiddenQuery, InputError, NotFound, QuerySyntaxError, StoreError
from .inputs import check_iri
from .prefixes import PREFIXES
from .sparql_guard import FORM_RE, screen, strip_strings
from .store import MEMORY, KgStore, LoadCounts, RdfFormat, Result, _bind_values

BATCH = 50_000
"""Triples per request of a push (and per update of a remote load)."""

PAGE = 10_000
"""Solutions asked for per request where a server cuts results (Virtuoso's ResultSetMaxRows)."""

_PROLOGUE = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"
_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,          # Virtuoso's N-Triples
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


class RemoteError(StoreError):
    """A SPARQL or Graph Store endpoint refused a request or could not be reached."""


def is_remote(location: Any) -> bool:
    """Whether a store location names a remote SPARQL endpoint (``http(s)://``)."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


# -- HTTP -------------------------------------------------------------------

def auth_header(auth: Any) -> str | None:
    """``Authorization`` header value: ``(user, password)`` -> Basic, a string -> Bearer."""
    if auth is None:
        return None
    if isinstance(auth, tuple):
        user, password = auth
        raw = f"{user}:{password}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")
    return f"Bearer {auth}"


def _split_credentials(url: str) -> tuple[str, tuple[str, str] | None]:
    """``http://u:p@host/x`` -> (``http://host/x``, (u, p))."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    from urllib.parse import unquote

    return (urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)),
            (unquote(parts.username), unquote(parts.password or "")))


def _server_message(status: int, reason: str, body: bytes) -> str:
    """One line: ``HTTP 403 Forbidden: the server's first line of explanation``."""
    text = body.decode("utf-8", "replace")
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    first = next((line for line in lines if line), "")
    if len(first) > 300:
        first = first[:297] + "..."
    head = f"HTTP {status} {reason}".rstrip()
    return f"{head}: {first}" if first else head


def _net_message(err: BaseException) -> str:
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    if isinstance(err, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(err, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError,
                        http.client.IncompleteRead)):
        return "the server closed the connection"
    if isinstance(err, socket.gaierror):
        return "unknown host"
    if isinstance(err, ssl.SSLError):
        return f"TLS error ({err.reason or err})"
    msg = str(err).strip() or type(err).__name__
    return msg.splitlines()[0]


class _Connection:
    """One kept-alive HTTP(S) connection to one host, reopened when the server closed it."""

    def __init__(self, url: str, auth: Any = None, timeout: float | None = None):
        url, url_auth = _split_credentials(url)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"bad endpoint URL '{url}': expected http(s)://host[:port]/path")
        self.url = url
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port
        given = auth if auth is not None else url_auth
        self.auth = auth_header(given)
        #: (user, password) for an HTTP Digest challenge (Virtuoso's -auth endpoints)
        self.credentials: tuple[str, str] | None = given if isinstance(given, tuple) else None
        self._digest: Any = None    # (handler, challenge) of the last Digest challenge
        self.timeout = timeout if timeout is not None else float(os.environ.get("KG_HTTP_TIMEOUT", 300))
        self._conn: http.client.HTTPConnection | None = None

    def target(self, url: str) -> str:
        """The request target (path and query) of ``url`` on this host."""
        url, _ = _split_credentials(url)
        p = urlsplit(url)
        return (p.path or "/") + (f"?{p.query}" if p.query else "")

    def _open(self) -> http.client.HTTPConnection:
        if self._conn is None:
            cls = http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
            self._conn = cls(self.host, self.port, timeout=self.timeout)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None, *, what: str = "") -> http.client.HTTPResponse:
        """Send one request; returns the response (status not checked), body unread.

        A kept-alive connection the server has closed meanwhile is reopened once;
        any other network failure is a :class:`RemoteError`.
        """
        hdrs = {"User-Agent": "kg", **(headers or {})}
        if self.auth:
            hdrs["Authorization"] = self._digest_header(method, url) or self.auth
        if body is not None:
            hdrs["Content-Length"] = str(len(body))
        if not self.credentials:
            return self._send(method, url, body, hdrs, what)
        try:
            resp: http.client.HTTPResponse | None = self._send(method, url, body, hdrs, what)
        except RemoteError:
            # a server refusing the credentials may close the connection before it has read
            # a large body (Virtuoso does): learn its challenge, then send again
            resp, failed = None, True
        else:
            failed = resp.status == 401
        if not failed:
            return resp
        challenge = (resp.getheader("WWW-Authenticate") or "") if resp is not None else ""
        if resp is not None:
            self._drop(resp)
        if not challenge.lower().startswith("digest "):
            # Virtuoso answers Basic credentials with a bare 401: a GET without them, which
            # changes nothing, brings the challenge
            probe = self._send("GET", url, None, {"User-Agent": "kg"}, what)
            challenge = probe.getheader("WWW-Authenticate") or ""
            self._drop(probe)
        if challenge.lower().startswith("digest "):
            self._digest = self._digest_handler(challenge)
            answer = self._digest_header(method, url)
            if answer:  # once: credentials refused again are the server's 401
                try:
                    return self._send(method, url, body, {**hdrs, "Authorization": answer}, what)
                except RemoteError:  # closed on us again: were the credentials refused?
                    check = self._send("GET", url, None, {"User-Agent": "kg",
                                                          "Authorization": self._digest_header("GET", url) or ""}, what)
                    self._drop(check)
                    if check.status == 401:
                        raise RemoteError(f"{what or method + ' ' + self._show(url)} refused: HTTP 401 "
                                          "Unauthorized (the user or password is wrong)") from None
                    raise
        return self._send(method, url, body, hdrs, what)  # no Digest: the server's answer as it is

    def _drop(self, resp: http.client.HTTPResponse) -> None:
        """Read and forget a response (the connection is closed if the server closes it)."""
        try:
            resp.read()
        except (OSError, http.client.HTTPException):
            self.close()
            return
        if resp.will_close:
            self.close()

    def _digest_handler(self, challenge: str) -> Any:
        """The state of HTTP Digest authentication for a ``WWW-Authenticate: Digest`` challenge
        (urllib's handler computes the answers; it counts the uses of a nonce)."""
        import urllib.request as ur

        manager = ur.HTTPPasswordMgrWithDefaultRealm()
        assert self.credentials is not None
        manager.add_password(None, self.url, *self.credentials)
        fields = ur.parse_keqv_list(ur.parse_http_list(challenge[len("digest "):]))
        return ur.HTTPDigestAuthHandler(manager), fields

    def _digest_header(self, method: str, url: str) -> str | None:
        """``Authorization`` for a request, once the server has sent a Digest challenge."""
        if self._digest is None:
            return None
        import urllib.request as ur

        handler, fields = self._digest
        request = ur.Request(_split_credentials(url)[0], method=method)
        try:
            answer = handler.get_authorization(request, fields)
        except (ValueError, ur.URLError):  # an algorithm or qop urllib does not know
            return None
        return f"Digest {answer}" if answer else None

    def _send(self, method: str, url: str, body: bytes | None, hdrs: dict[str, str],
              what: str) -> http.client.HTTPResponse:
        target = self.target(url)
        for attempt in (0, 1):
            reused = self._conn is not None
            conn = self._open()
            try:
                conn.request(method, target, body=body, headers=hdrs)
                return conn.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as err:
                self.close()
                if attempt == 0 and reused:
                    continue  # the server closed an idle kept-alive connection: once more
                raise RemoteError(f"{what or method + ' ' + self._show(url)} failed: "
                                  f"{_net_message(err)}") from None
            except (OSError, http.client.HTTPException) as err:
                self.close()
                raise RemoteError(f"{what or method + ' ' + self._show(url)} failed: "
                                  f"{_net_message(err)}") from None
        raise AssertionError("unreachable")

    def _show(self, url: str) -> str:
        return _split_credentials(url)[0]

    def call(self, method: str, url: str, body: bytes | None = None,
             headers: dict[str, str] | None = None, *, what: str = "") -> tuple[http.client.HTTPResponse, bytes]:
        """A request whose whole response is read; an error status is a :class:`RemoteError`."""
        resp = self.request(method, url, body, headers, what=what)
        try:
            data = resp.read()
        except (OSError, http.client.HTTPException) as err:
            self.close()
            raise RemoteError(f"{what or method + ' ' + self._show(url)} failed: "
                              f"{_net_message(err)}") from None
        if resp.status >= 400:
            raise RemoteError(f"{what or method + ' ' + self._show(url)} refused: "
                              f"{_server_message(resp.status, resp.reason, data)}")
        return resp, data


# -- the remote store ------------------------------------------------------------


def derive_update_endpoint(query_url: str) -> str | None:
    """The SPARQL update endpoint that goes with a query endpoint, where the server is known.

    >>> derive_update_endpoint("http://localhost:7878/query")         # Oxigraph
    'http://localhost:7878/update'
    >>> derive_update_endpoint("http://localhost:3030/ds/sparql")     # Fuseki
    'http://localhost:3030/ds/update'
    >>> derive_update_endpoint("http://localhost:7200/repositories/kg")   # GraphDB
    'http://localhost:7200/repositories/kg/statements'
    >>> derive_update_endpoint("http://localhost:8890/sparql")        # Virtuoso
    'http://localhost:8890/sparql'
    """
    p = urlsplit(query_url)
    path = p.path.rstrip("/")
    if path == "/sparql" or path.endswith("/sparql-auth"):  # Virtuoso: one endpoint for both
        new = p.path
    elif re.search(r"/repositories/[^/]+$", path):              # GraphDB, RDF4J
        new = path + "/statements"
    elif re.search(r"/(query|sparql)$", path):                  # Oxigraph, Fuseki
        new = path.rsplit("/", 1)[0] + "/update"
    else:
        return None
    return urlunsplit((p.scheme, p.netloc, new, "", ""))


def derive_query_endpoint(gsp_url: str) -> str | None:
    """The SPARQL query endpoint that goes with a Graph Store Protocol endpoint.

    >>> derive_query_endpoint("http://localhost:7878/store")
    'http://localhost:7878/query'
    >>> derive_query_endpoint("http://localhost:3030/ds/data")
    'http://localhost:3030/ds/query'
    >>> derive_query_endpoint("http://localhost:7200/repositories/kg/rdf-graphs/service")
    'http://localhost:7200/repositories/kg'
    >>> derive_query_endpoint("http://localhost:8890/sparql-graph-crud-auth")
    'http://localhost:8890/sparql'
    """
    p = urlsplit(gsp_url)
    path = p.path.rstrip("/")
    if path.endswith("/rdf-graphs/service"):
        new = path[: -len("/rdf-graphs/service")]
    elif re.search(r"/sparql-graph-crud(-auth)?$", path):
        new = path.rsplit("/", 1)[0] + "/sparql"
    elif re.search(r"/(store|data|get)$", path):
        new = path.rsplit("/", 1)[0] + "/query"
    else:
        return None
    return urlunsplit((p.scheme, p.netloc, new, "", ""))


def _iri(value: str) -> str:
    """``<value>`` for pasting into SPARQL, after checking it is an IRI (:func:`kg.inputs.check_iri`)."""
    return f"<{check_iri(value)}>"


def _syntax_line(message: str) -> str:
    """A server's syntax error with the line number of the user's text (kg's prefixes are
    line 1 of what was sent); Oxigraph's "error at 2:25: ..." -> "line 1 column 25: ..."."""
    m = re.search(r"\berror at (\d+):(\d+):\s*", message)
    if m:
        line = max(int(m.group(1)) - 1, 1)
        return f"{message[:m.start()]}line {line} column {m.group(2)}: {message[m.end():]}"
    m = re.search(r"\bline (\d+)\b", message)
    if m and int(m.group(1)) > 1:
        return f"{message[:m.start()]}line {int(m.group(1)) - 1}{message[m.end():]}"
    return message


# Virtuoso writes blank nodes as "nodeID://b10001", which is not a blank node label
_VIRTUOSO_BNODE = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*")nodeID://')


def _fix_bnodes(data: bytes) -> bytes:
    return _VIRTUOSO_BNODE.sub(rb"\1", data) if b"nodeID://" in data else data


class _LineFixer:
    """A response read line by line with :func:`_fix_bnodes` applied (Virtuoso's JSON
    results put one solution per line)."""

    def __init__(self, resp: http.client.HTTPResponse):
        self._resp = resp
        self._buf = b""
        self._eof = False

    def read(self, size: int = -1) -> bytes:
        while not self._eof and (size < 0 or len(self._buf) < size):
            line = self._resp.readline(1 << 20)
            if not line:
                self._eof = True
                break
            self._buf += _fix_bnodes(line)
        if size < 0:
            out, self._buf = self._buf, b""
        else:
            out, self._buf = self._buf[:size], self._buf[size:]
        return out

    def close(self) -> None:
        self._resp.close()


class RemoteStore:
    """A SPARQL 1.1 endpoint used as a kg store (``kg --store http://host:7878/query``).

    ``update_endpoint`` defaults to the one derived from the query endpoint
    (Oxigraph ``/query`` -> ``/update``, Fuseki ``/ds/query|sparql`` -> ``/ds/update``,
    GraphDB ``/repositories/R`` -> ``.../statements``, Virtuoso ``/sparql`` itself).
    ``auth`` is ``(user, password)`` (HTTP Basic) or a token (Bearer); credentials in
    the URL (``http://user:pass@host/...``) work too.
    """

    remote = True
    in_memory = False

    def __init__(self, url: str, *, update_endpoint: str | None = None, auth: Any = None,
                 timeout: float | None = None, read_only: bool = False):
        self.read_only = read_only
        self._conn = _Connection(url, auth, timeout)
        self.url = self._conn.url
        self.location = self.url
        self.update_url = update_endpoint or derive_update_endpoint(self.url)
        if update_endpoint:
            self._update_conn = _Connection(update_endpoint, auth if auth is not None
                                            else _split_credentials(url)[1], timeout)
        else:
            self._update_conn = self._conn if self.update_url else None
        self.server = ""
        self.union_param = False
        self.virtuoso = False
        self._probe()

    # -- protocol ------------------------------------------------------------
    def _probe(self) -> None:
        """Reach the endpoint once: learn the server and how to get the union default graph."""
        resp, _ = self._post_query("ASK {}", accept="application/sparql-results+json",
                                   union=False)
        self.server = resp.getheader("Server") or ""
        self.union_param = "oxigraph" in self.server.lower()
        self.virtuoso = "virtuoso" in self.server.lower()
        self._union_checked = self.union_param
        self._check_union()

    def _check_union(self) -> None:
        """Refuse a server whose default graph is visibly not the union of its named graphs
        (checked once there is data: now, or after the first write)."""
        if self._union_checked or not self._ask("ASK { GRAPH ?g { ?s ?p ?o } }"):
            return
        self._union_checked = True
        if not self._ask("ASK { ?s ?p ?o }"):
            raise RemoteError(
                f"the default graph of {self.url} is not the union of its named graphs, as kg "
                "needs (Fuseki: set tdb2:unionDefaultGraph true on the dataset; see the README)")

    def _post_query(self, sparql: str, *, accept: str, union: bool | None = None,
                    stream: bool = False) -> tuple[http.client.HTTPResponse, bytes | None]:
        form = {"query": sparql}
        if self.union_param if union is None else union:
            form["union-default-graph"] = ""
        body = urlencode(form).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                   "Accept": accept}
        conn = self._conn
        if stream:  # a response read as it is parsed gets a connection of its own
            conn = _Connection(self.url, None, self._conn.timeout)
            conn.auth, conn.credentials, conn._digest = self._conn.auth, self._conn.credentials, self._conn._digest
        resp = conn.request("POST", self.url, body, headers)
        if resp.status >= 400 or not stream:
            try:
                data = resp.read()
            except (OSError, http.client.HTTPException) as err:
                conn.close()
                raise RemoteError(f"query to {self.url} failed: {_net_message(err)}") from None
            if resp.status >= 400:
                message = _server_message(resp.status, resp.reason, data)
                if resp.status == 400:
                    raise QuerySyntaxError(f"malformed SPARQL query (the endpoint says): {_syntax_line(message)}")
                if "transitive start not given" in message:
                    message += (" (Virtuoso runs a path with + or * only from a known end: bind one of "
                                "its ends, or start with a plain step: ?a kg:replaces ?x . ?x kg:replaces* ?b)")
                raise RemoteError(f"query to {self.url} refused: {message}")
            return resp, data
        return resp, None

    def _ask(self, sparql: str) -> bool:
        return self._select_or_ask(sparql).boolean

    def _select_or_ask(self, sparql: str) -> Result:
        resp, data = self._post_query(
            _PROLOGUE + sparql,
            accept="application/sparql-results+json, application/sparql-results+xml;q=0.9")
        fmt = self._results_format(resp)
        if self.virtuoso:
            data = _fix_bnodes(data)
        try:
            res = ox.parse_query_results(data, fmt)
        except (SyntaxError, ValueError) as err:
            raise RemoteError(f"unreadable query results from {self.url}: {str(err).splitlines()[0]}") from None
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", bool(res))
        variables = tuple(v.value for v in res.variables)
        if variables == ("__ASK_RETVAL",):
            # Virtuoso 7.2 answers an ASK as a SELECT of one variable: a row holding 1 (true),
            # or 0 or no row (false)
            return Result("ask", any(str(row[0].value) not in ("0", "false") for row in res))
        return Result("select", res, variables)

    def _results_format(self, resp: http.client.HTTPResponse) -> ox.QueryResultsFormat:
        ctype = (resp.getheader("Content-Type") or "").split(";")[0].strip().lower()
        if ctype in _RESULTS:
            return _RESULTS[ctype]
        raise RemoteError(f"the endpoint {self.url} answered with '{ctype or 'no content type'}', "
                          "not SPARQL results")

    def _construct(self, sparql: str) -> Iterator[ox.Triple]:
        """Triples of a CONSTRUCT/DESCRIBE, parsed as they arrive."""
        resp, _ = self._post_query(
            _PROLOGUE + sparql, stream=True,
            accept="application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5")
        ctype = (resp.getheader("Content-Type") or "").split(";")[0].strip().lower()
        fmt = _GRAPHS.get(ctype)
        if fmt is None:
            resp.close()
            raise RemoteError(f"the endpoint {self.url} answered with '{ctype or 'no content type'}', "
                              "not RDF")
        return self._stream((q.triple for q in ox.parse(resp, fmt)), resp)

    def _stream(self, items: Iterable[Any], resp: http.client.HTTPResponse) -> Iterator[Any]:
        try:
            yield from items
        except (OSError, http.client.HTTPException) as err:
            raise RemoteError(f"reading results from {self.url} failed: {_net_message(err)}") from None
        except (SyntaxError, ValueError) as err:
            raise RemoteError(f"reading results from {self.url} failed: {str(err).splitlines()[0]}") from None
        finally:
            resp.close()

    # -- reading --------------------------------------------------------------
    def query(self, sparql: str, *, bindings: dict[str, Any] | None = None,
              allow_update: bool = False, allow_service: bool = False) -> Result:
        """Run a SPARQL query at the endpoint over the union of the named graphs.

        The same checks as the embedded store's run first (SERVICE and LOAD need
        ``allow_service``, an update needs ``allow_update``): the server would obey them.
        """
        if screen(sparql, allow_update=allow_update, allow_service=allow_service):
            self.update(sparql)
            return Result("ask", True)
        if bindings:
            sparql = _bind_values(sparql, bindings)
        m = FORM_RE.match(strip_strings(sparql))
        if m and m.group(1).upper() in ("CONSTRUCT", "DESCRIBE"):
            return Result("graph", self._construct(sparql))
        return self._select_or_ask(sparql)

    def __len__(self) -> int:
        r = self._select_or_ask("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(r))[0].value)

    def named_graphs(self) -> list[str]:
        # Virtuoso: a GROUP BY takes 0.01 s where the DISTINCT takes 2.3 s (10k quads)
        r = self._rows("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g" if self.virtuoso
                       else "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0].value for row in r if isinstance(row[0], ox.NamedNode))

    def _rows(self, select: str) -> Iterator[Any]:
        """All solutions of ``select``. Virtuoso cuts every result at its ``ResultSetMaxRows``
        (10000 in the stock virtuoso.ini) without a word: there the solutions are read in
        pages (``LIMIT``/``OFFSET``, each page as long as the server gives) until one is empty."""
        if not self.virtuoso:
            yield from self._select_or_ask(select)
            return
        offset = 0
        while True:
            page = list(self._select_or_ask(f"{select} LIMIT {PAGE} OFFSET {offset}"))
            if not page:
                return
            yield from page
            offset += len(page)

    def has_graph(self, graph: str) -> bool:
        return self._ask(f"ASK {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}")

    def graph_size(self, graph: str) -> int:
        r = self._select_or_ask(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}")
        return int(next(iter(r))[0].value)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of one graph or of all named graphs, as they arrive (from Virtuoso: graph
        by graph, in pages, each graph's count checked: see :meth:`_rows`)."""
        if self.virtuoso:
            return self._paged_quads([graph] if graph else self.named_graphs())
        g = _iri(graph) if graph else "?g"
        sparql = f"SELECT ?s ?p ?o{'' if graph else ' ?g'} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"
        resp, _ = self._post_query(_PROLOGUE + sparql, stream=True,
                                   accept="application/sparql-results+json")
        fmt = self._results_format(resp)
        fixed = ox.NamedNode(graph) if graph else None

        source: Any = _LineFixer(resp) if self.virtuoso else resp

        def rows() -> Iterator[ox.Quad]:
            for sol in ox.parse_query_results(source, fmt):
                yield ox.Quad(sol["s"], sol["p"], sol["o"], fixed or sol["g"])

        return self._stream(rows(), resp)

    def _paged_quads(self, graphs: list[str]) -> Iterator[ox.Quad]:
        for graph in graphs:
            expected = self.graph_size(graph)
            got = 0
            name = ox.NamedNode(graph)
            for row in self._rows(f"SELECT ?s ?p ?o WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}"):
                got += 1
                yield ox.Quad(row["s"], row["p"], row["o"], name)
            if got != expected:
                raise RemoteError(f"read {got} of the {expected} triples of <{graph}> from {self.url} "
                                  "(the graph changed while it was read?); try again")

    def dump(self, output: BinaryIO, fmt: RdfFormat, *, graph: str | None = None) -> None:
        """Write the endpoint's named graphs (or one) to ``output`` as they are read."""
        prefixes = None if fmt in (RdfFormat.nt, RdfFormat.nq) else PREFIXES
        if self.virtuoso and not fmt.has_graphs:  # a CONSTRUCT would be cut at ResultSetMaxRows
            if graph is not None and not self.has_graph(graph):
                raise NotFound(f"no graph <{graph}> in the store")
            quads = self.quads(graph)
            triples = iter(dict.fromkeys(q.triple for q in quads)) if graph is None else (q.triple for q in quads)
            ox.serialize(triples, output, fmt.ox, prefixes=prefixes)
            return
        if graph is not None:
            if not self.has_graph(graph):
                raise NotFound(f"no graph <{graph}> in the store")
            triples = self._construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}")
            ox.serialize(triples, output, fmt.ox, prefixes=prefixes)
            return
        if fmt.has_graphs:
            ox.serialize(self.quads(), output, fmt.ox, prefixes=prefixes)
            return
        triples = self._construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        ox.serialize(triples, output, fmt.ox, prefixes=prefixes)

    # -- writing --------------------------------------------------------------
    def make_writable(self) -> None:
        self.read_only = False

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"store '{self.url}' was opened read-only; it cannot be written")
        if self._update_conn is None or self.update_url is None:
            raise RemoteError(f"no SPARQL update endpoint known for {self.url}; "
                              "give it with --update-endpoint URL")
        body = urlencode({"update": _PROLOGUE + sparql}).encode()
        resp = self._update_conn.request(
            "POST", self.update_url, body,
            {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        try:
            data = resp.read()
        except (OSError, http.client.HTTPException) as err:
            self._update_conn.close()
            raise RemoteError(f"update at {self.update_url} failed: {_net_message(err)}") from None
        if resp.status >= 400:
            message = _server_message(resp.status, resp.reason, data)
            if resp.status == 400:
                raise QuerySyntaxError(f"malformed SPARQL update (the endpoint says): {_syntax_line(message)}")
            raise RemoteError(f"update at {self.update_url} refused: {message}")
        self._check_union()

    def replace_graphs(self, new: dict[str, bytes], drop: Iterable[str] = ()) -> bool:
        """Drop graphs ``drop`` and replace each graph in ``new`` (N-Triples), in one update
        request; True (written), as :meth:`kg.store.KgStore.replace_graphs` when it writes."""
        sparql = _store.replace_graphs_update(new, drop, _iri)
        if sparql:
            self.update(sparql)
        return True

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        sparql = _store.replace_graphs_update({}, graphs, _iri)
        if sparql:
            self.update(sparql)

    def add_graph_quads(self, graph: str, triples: Iterable[tuple[Any, Any, Any]]) -> None:
        g = ox.NamedNode(graph)
        self._insert([ox.Quad(_node(s), _node(p), _node(o), g) for s, p, o in triples])

    def load_files(self, paths: list[Path], *, fmt: RdfFormat | None = None,
                   graph: str | None = None, bulk: bool = False,
                   replace: Iterable[str] = (), skip_held_by: Iterable[str] = ()) -> LoadCounts:
        """Parse every file first (a bad file sends nothing), then insert the quads.

        Up to 50k quads go in one update request (one transaction on the server);
        more are sent in requests of 50k quads, each a transaction of its own.
        Graphs in ``replace`` that the files hold are emptied by the first request.
        ``bulk`` and ``skip_held_by`` change nothing here (the server's graphs are
        not read triple by triple).
        """
        staging = KgStore(MEMORY)
        try:
            counts = staging.load_files(paths, fmt=fmt, graph=graph)
            drop = [] if graph else sorted(set(map(str, replace)) & set(counts))
            self._insert(staging.quads(), drop=drop)
        finally:
            staging.close()
        return counts

    def _insert(self, quads: Iterable[ox.Quad], *, drop: list[str] | None = None) -> None:
        drops = [f"DROP SILENT GRAPH {_iri(g)}" for g in drop or ()]
        batch: list[ox.Quad] = []
        bnodes: list[ox.Quad] = []  # a blank node is scoped to one request: keep them together
        for q in quads:
            if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
                bnodes.append(q)
                continue
            batch.append(q)
            if len(batch) >= BATCH:
                self.update(" ;\n".join([*drops, _insert_data(batch)]))
                drops, batch = [], []
        if batch or bnodes or drops:
            self.update(" ;\n".join([*drops, _insert_data(batch + bnodes)]))

    def flush(self) -> None:
        """Nothing to do: the server commits each request."""

    def close(self) -> None:
        self._conn.close()
        if self._update_conn is not None:
            self._update_conn.close()


def _node(x: Any) -> Any:
    return ox.NamedNode(x) if isinstance(x, str) else x


def _insert_data(quads: list[ox.Quad]) -> str:
    by_graph: dict[Any, list[ox.Triple]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(q.triple)
    blocks = []
    for g, triples in by_graph.items():
        nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
        blocks.append(nt if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n{nt}}}")
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


# -- push -------------------------------------------------------------------------


@dataclass(frozen=True)
class PushReport:
    """What ``kg push`` did."""

    graphs: int
    triples: int
    seconds: float
    deleted: int = 0                  # graphs deleted on the server (``replace``)

    @property
    def rate(self) -> float:
        return self.triples / self.seconds if self.seconds > 0 else float("inf")

    def summary(self, url: str) -> str:
        s = "" if self.graphs == 1 else "s"
        extra = f"; {self.deleted} other graph{'' if self.deleted == 1 else 's'} deleted" if self.deleted else ""
        url = _split_credentials(url)[0]
        return (f"pushed {self.triples} triples in {self.graphs} graph{s} to {url} in "
                f"{self.seconds:.1f} s ({self.rate:,.0f} triples/s){extra}")


def _with_graph(url: str, graph: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}graph={quote(graph, safe='')}"


def push(store: Any, url: str, *, graph: str | None = None, replace: bool = False,
         auth: Any = None, batch_size: int = BATCH, query_endpoint: str | None = None,
         progress: Callable[[int, int, str], None] | None = None) -> PushReport:
    """Send the named graphs of ``store`` (a KgStore or RemoteStore) to the Graph Store
    Protocol endpoint ``url``, each to the graph of the same name.

    Each graph is streamed in batches of ``batch_size`` triples as N-Triples: the first
    batch is ``PUT`` (it replaces the graph on the server), the others ``POST``. Triples
    with blank nodes go in one request of their own (a blank node label is scoped to
    one request). Graphs on the server that the store does not have are left alone,
    unless ``replace``: then they are deleted (the server's graphs are listed through
    its SPARQL query endpoint, derived from ``url`` or given as ``query_endpoint``).
    ``progress(sent, total, graph)`` is called after each request.

    Reading the store and the server's work overlap: a sender thread does the HTTP
    requests, in order, while the next batch is read (at most three batches in memory).
    """
    started = time.perf_counter()
    if graph is not None:
        _iri(graph)
        if not store.has_graph(graph):
            raise NotFound(f"no graph <{graph}> in the store")
        graphs = [graph]
        total = store.graph_size(graph)
    else:
        graphs = store.named_graphs()
        total = len(store)
    conn = _Connection(url, auth)
    deleted = 0
    sender = _Sender(conn, total, progress)
    try:
        if replace:
            deleted = _delete_other_graphs(conn, url, set(graphs), auth, query_endpoint)
        sender.start()
        for g in graphs:
            target = _with_graph(url, g)
            first = True
            batch: list[ox.Triple] = []
            bnodes: list[ox.Triple] = []
            for q in store.quads(g):
                t = q.triple
                if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
                    bnodes.append(t)
                    continue
                batch.append(t)
                if len(batch) >= batch_size:
                    sender.send(g, target, "PUT" if first else "POST", batch)
                    first, batch = False, []
            if batch:
                sender.send(g, target, "PUT" if first else "POST", batch)
                first = False
            if bnodes or first:  # an empty graph is still PUT: the server's copy is emptied
                sender.send(g, target, "PUT" if first else "POST", bnodes)
        sender.finish()
    finally:
        sender.stop()
        conn.close()
    return PushReport(len(graphs), sender.sent, time.perf_counter() - started, deleted)


class _Sender(threading.Thread):
    """Sends the batches of a push, in order, on one connection, while the next is read."""

    def __init__(self, conn: _Connection, total: int,
                 progress: Callable[[int, int, str], None] | None):
        super().__init__(name="kg-push", daemon=True)
        self.conn = conn
        self.total = total
        self.progress = progress
        self.sent = 0
        self.error: BaseException | None = None
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=2)

    def run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self.error is not None:
                continue  # drain what was queued before the failure was seen
            g, target, method, triples = item
            try:
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
                self.conn.call(method, target, body, {"Content-Type": "application/n-triples"},
                               what=f"push to {self.conn.url}")
                self.sent += len(triples)
                if self.progress:
                    self.progress(self.sent, self.total, g)
            except RemoteError as err:
                self.error = RemoteError(
                    f"{err} (graph <{g}>; {self.sent} of {self.total} triples sent; "
                    "pushing again is safe: each graph is replaced)")
            except BaseException as err:  # noqa: BLE001 - handed to the pushing thread
                self.error = err

    def _put(self, item: Any) -> None:
        while True:
            if self.error is not None:
                raise self.error
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def send(self, g: str, target: str, method: str, triples: list[ox.Triple]) -> None:
        self._put((g, target, method, triples))

    def finish(self) -> None:
        """Wait for every batch to be sent; the first failure is raised here."""
        self._put(None)
        self.join()
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        if self.is_alive():
            self.error = self.error or RemoteError("push interrupted")
            try:
                self._queue.put_nowait(None)
            except queue.Full:
                pass


def _delete_other_graphs(conn: _Connection, url: str, keep: set[str], auth: Any,
                         query_endpoint: str | None) -> int:
    endpoint = query_endpoint or derive_query_endpoint(url)
    if endpoint is None:
        raise InputError(f"--replace needs the server's SPARQL query endpoint to list its graphs, "
                         f"and it cannot be derived from {url}")
    form = urlencode({"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}).encode()
    qconn = _Connection(endpoint, auth)
    try:
        _, data = qconn.call("POST", endpoint, form,
                             {"Content-Type": "application/x-www-form-urlencoded",
                              "Accept": "application/sparql-results+json"},
                             what="listing the server's graphs")
    finally:
        qconn.close()
    try:
        remote = [s["g"].value for s in ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
                  if isinstance(s["g"], ox.NamedNode)]
    except (SyntaxError, ValueError) as err:
        raise RemoteError(f"unreadable graph list from {endpoint}: {str(err).splitlines()[0]}") from None
    deleted = 0
    for g in sorted(set(remote) - keep):
        resp = conn.request("DELETE", _with_graph(url, g))
        data = resp.read()
        if resp.status >= 400 and resp.status != 404:
            raise RemoteError(f"deleting <{g}> refused: {_server_message(resp.status, resp.reason, data)}")
        deleted += 1
    return deleted


__all__ = ["RemoteStore", "RemoteError", "PushReport", "push", "is_remote", "auth_header",
           "derive_update_endpoint", "derive_query_endpoint", "BATCH"]
