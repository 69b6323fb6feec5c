"""What ``kg serve`` puts around every request: security headers, no queries for pages of
other origins, a cap on request bodies.

* Every response (pages, ``/sparql``, ``/api/*``, static files, errors, refusals) carries
  :data:`SECURITY_HEADERS`: a Content-Security-Policy that lets the page load only its own
  scripts, styles and data, ``X-Content-Type-Options: nosniff``, no framing, no referrer,
  and ``Cross-Origin-Resource-Policy: same-origin`` (another site cannot embed answers).
* ``/sparql`` and ``/api/*`` refuse (403) a request that a page of another origin made: a
  browser says so with ``Sec-Fetch-Site: cross-site`` or ``same-site``, or with an ``Origin``
  header that is not the server's own. Such a request needs no CORS preflight (a GET, or a
  POST of a form or of text/plain, even in ``no-cors`` mode): without this check a foreign
  page could make the server run queries, though it could not read the answers. Clients
  that are not browsers (curl, SPARQL libraries) send neither header and are served.
* A request body over ``max_body`` bytes (1 MB unless ``kg serve --max-body-mb``) is 413;
  at most 8 times that is read (and dropped), so that a client still sending gets the 413.
"""

from __future__ import annotations

from typing import Any

from ..inputs import MAX_QUERY_BYTES

#: Headers on every response of ``kg serve``.
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": ("default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                                "base-uri 'none'; form-action 'self'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: The request body cap of ``kg serve`` (a query): 1 MB.
MAX_BODY_BYTES = MAX_QUERY_BYTES
#: A refused body is read (and dropped) up to this many times the cap before the 413.
_DRAIN = 8
#: Paths that run queries: refused to pages of other origins.
GUARDED = ("/sparql", "/api/")


class Guard:
    """ASGI middleware (the outermost): the headers, the origin check, the body cap."""

    def __init__(self, app: Any, *, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body = max_body
        self._headers = [(k.lower().encode("latin-1"), v.encode("latin-1"))
                         for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *[(k, v) for k, v in self._headers if k not in present]]
            await send(message)

        path = scope.get("path", "")
        if path == "/sparql" or path.startswith(GUARDED[1]):
            refusal = foreign_origin(scope)
            if refusal:
                await _plain(send_with_headers, 403, refusal)
                return
            length = _header(scope, b"content-length")
            if length is not None and length.isdigit() and int(length) > self.max_body:
                await _drain(receive, self.max_body)
                await _plain(send_with_headers, 413, too_large(self.max_body))
                return
        scope.setdefault("state", {})["max_body"] = self.max_body
        await self.app(scope, receive, send_with_headers)


def too_large(max_body: int) -> str:
    """The 413 message."""
    size = f"{max_body / 1e6:,.1f} MB" if max_body >= 100_000 else f"{max_body:,} bytes"
    return f"the request body is over {size}, the limit (kg serve --max-body-mb)"


async def read_body(request: Any) -> bytes | None:
    """The request's body, or None when it is over the cap (read no further: a body sent
    without Content-Length, chunked, is counted as it comes)."""
    cap = request.scope.get("state", {}).get("max_body", MAX_BODY_BYTES)
    chunks: list[bytes] = []
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen <= cap:
            chunks.append(chunk)
        elif seen > _DRAIN * cap:  # a client still sending a refused body gets its 413 up to here
            break
    return b"".join(chunks) if seen <= cap else None


async def _drain(receive: Any, cap: int) -> None:
    """Read and drop a refused body, up to ``_DRAIN`` times the cap (a client that is still
    sending gets its 413 instead of a reset connection; a huge body is cut off)."""
    seen = 0
    while seen <= _DRAIN * cap:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def foreign_origin(scope: dict[str, Any]) -> str | None:
    """Why a request made by a page of another origin is refused, or None (see the module)."""
    site = (_header(scope, b"sec-fetch-site") or "").lower()
    if site in ("cross-site", "same-site"):
        return "refused: a page of another origin cannot query this server (Sec-Fetch-Site: " + site + ")"
    origin = _header(scope, b"origin")
    if origin is None:
        return None
    host = _header(scope, b"host") or ""
    own = f"{scope.get('scheme', 'http')}://{host}".lower()
    if origin.lower() != own:
        return f"refused: a page of another origin ({origin[:100]}) cannot query this server"
    return None


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


async def _plain(send: Any, status: int, text: str) -> None:
    body = (text + "\n").encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


__all__ = ["Guard", "SECURITY_HEADERS", "MAX_BODY_BYTES", "foreign_origin", "read_body", "too_large"]
