"""HTTP Digest authentication of kg's HTTP client (kg/remote.py), against a small server on
127.0.0.1 that behaves as Virtuoso's ``-auth`` endpoints do: a challenge to a request without
credentials, a bare 401 (no challenge) to Basic credentials, and the answer checked as RFC 7616
(MD5, qop=auth) says. tests/test_virtuoso.py runs the same against a real Virtuoso."""

from __future__ import annotations

import hashlib
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.remote import RemoteError, _Connection

REALM, NONCE, USER, PASSWORD = "SPARQL", "4f1c2a", "dba", "dba"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    seen: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        auth = self.headers.get("Authorization") or ""
        self.seen.append(auth.split(" ")[0] or "none")
        if auth.startswith("Digest "):
            f = urllib.request.parse_keqv_list(urllib.request.parse_http_list(auth[7:]))
            ha1 = _md5(f"{USER}:{REALM}:{PASSWORD}")
            ha2 = _md5(f"{self.command}:{f['uri']}")
            good = _md5(f"{ha1}:{NONCE}:{f['nc']}:{f['cnonce']}:auth:{ha2}")
            if f.get("username") == USER and f.get("response") == good and f["uri"] == self.path:
                self.send_response(201)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        self.send_response(401)
        if not auth:  # Virtuoso: a challenge only to a request without credentials
            self.send_header("WWW-Authenticate", f'Digest realm="{REALM}", nonce="{NONCE}", '
                             'opaque="5ebe", qop="auth", algorithm="MD5"')
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    do_GET = do_PUT = do_POST = _answer


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/sparql-graph-crud-auth"
    srv.shutdown()
    srv.server_close()


def test_digest_answers_the_challenge_then_reuses_it(server: str) -> None:
    _Handler.seen.clear()
    conn = _Connection(server, (USER, PASSWORD))
    for n in range(3):
        resp, data = conn.call("PUT", f"{server}?graph=urn:g{n}", b"<urn:a> <urn:b> <urn:c> .\n",
                               {"Content-Type": "application/n-triples"})
        assert resp.status == 201 and data == b"<urn:a> <urn:b> <urn:c> .\n"
    conn.close()
    # Basic refused bare, a GET without credentials for the challenge, then Digest only
    assert _Handler.seen == ["Basic", "none", "Digest", "Digest", "Digest"]


def test_digest_wrong_password_is_the_servers_401(server: str) -> None:
    conn = _Connection(server, (USER, "nope"))
    with pytest.raises(RemoteError, match=r"refused: HTTP 401"):
        conn.call("PUT", f"{server}?graph=urn:g", b"<urn:a> <urn:b> <urn:c> .\n")
    conn.close()
