"""Reliability and security (issue 5): bad input, untrusted queries, crashes, concurrency, backups.

Every bad input must give exit code 2, exactly one line on stderr starting ``Error:``, no
traceback, and leave the store exactly as it was (same N-Quads dump). Queries are read-only
and reach no network unless allowed; parsers read no local files; a process killed in the
middle of a write leaves a store that opens and holds all or none of that write; a store in
use by another process is reported at once, or waited for with ``--wait``.
"""

from __future__ import annotations

import gzip
import http.server
import io
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

import kg
from kg.cli import app
from kg.errors import KgError, ParseError
from kg.store import MEMORY, KgStore, RdfFormat
from kg.text import MAX_ARTICLE_BYTES, read_bytes, read_text

KG_BIN = str(Path(sys.executable).with_name("kg"))
SECRET = "kg-secret-7f3a9c"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

PAIRS = [  # (person, state, person, state, place, date) for short articles of our own
    ("Gabriel Boric", "Chile", "Alberto Fernandez", "Argentina", "Santiago", "March 2, 2023"),
    ("Emmanuel Macron", "France", "Olaf Scholz", "Germany", "Paris", "May 4, 2022"),
    ("Vladimir Putin", "Russia", "Kim Jong Un", "North Korea", "Vladivostok", "April 25, 2019"),
    ("Yoon Suk Yeol", "South Korea", "Fumio Kishida", "Japan", "Tokyo", "March 16, 2023"),
    ("Luiz Inacio Lula da Silva", "Brazil", "Xi Jinping", "China", "Beijing", "April 14, 2023"),
    ("Narendra Modi", "India", "Joe Biden", "United States", "Washington", "June 22, 2023"),
]


def article(k: int) -> str:
    a, sa, b, sb, place, date = PAIRS[k % len(PAIRS)]
    year = int(date[-4:]) + k // len(PAIRS)
    date = f"{date[:-4]}{year}"
    return (f"Posted {date}\n\n"
            f"President {a} of {sa} met {b} of {sb} in {place} on {date}. "
            f"The two leaders discussed trade and energy. They agreed to meet again next year.\n")


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def invoke(runner, store: Path | str, *args: str, **kwargs):
    return runner.invoke(app, ["--store", str(store), *args], **kwargs)


def nquads(store: Path | KgStore) -> set[bytes]:
    """The store as a set of N-Quads lines (blank node ids are the engine's, stable across opens)."""
    buf = io.BytesIO()
    if isinstance(store, KgStore):
        store.dump(buf, RdfFormat.nq)
    else:
        s = KgStore(store, read_only=True)
        try:
            s.dump(buf, RdfFormat.nq)
        finally:
            s.close()
    return set(buf.getvalue().splitlines())


def assert_one_error(result, code: int = 2) -> str:
    """Exit ``code``, exactly one line on stderr starting ``Error:``, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), lines
    assert "Traceback" not in result.output
    return lines[0]


def run_kg(store: Path, *args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([KG_BIN, "--store", str(store), *args], capture_output=True, text=True,
                          timeout=timeout, **kwargs)


def holds_lock(store: Path) -> bool:
    """Whether another process holds the store's kg.lock for writing."""
    import fcntl

    path = store / "kg.lock"
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def _answer(self) -> None:
        type(self).hits.append(f"{self.command} {self.path}")
        self.send_response(500)
        self.end_headers()

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request: (base URL, hits)."""
    hits: list[str] = []
    handler = type("Recorder", (_Recorder,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------------------
# bad input: exit 2, one line, no traceback, store unchanged
# ---------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n <!ENTITY a "aaaaaaaaaa">\n'
    + "".join(f' <!ENTITY {n} "{("&" + p + ";") * 10}">\n' for p, n in zip("abcdefgh", "bcdefghi"))
    + f']>\n<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://example.org/">\n'
    '<rdf:Description rdf:about="urn:a"><ex:p>&i;</ex:p></rdf:Description>\n</rdf:RDF>\n'
)


def xxe_rdf(secret_file: Path) -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "{secret_file.as_uri()}"> ]>\n'
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://example.org/">\n'
        '<rdf:Description rdf:about="urn:a"><ex:p>&xxe;</ex:p></rdf:Description>\n</rdf:RDF>\n'
    )


# name -> (files to write {name: bytes}, command line with {tmp} for the folder, stderr pattern)
BAD_INPUTS: dict[str, tuple[dict[str, bytes], list[str], str]] = {
    "ingest-missing": ({}, ["ingest", "{tmp}/missing.txt"], r"missing\.txt: no such file$"),
    "ingest-empty": ({"e.txt": b""}, ["ingest", "{tmp}/e.txt"], r"e\.txt: empty file$"),
    "ingest-blank": ({"b.txt": b" \n\t\n "}, ["ingest", "{tmp}/b.txt"], r"b\.txt: empty file$"),
    "ingest-binary": ({"x.txt": bytes(range(256)) * 8}, ["ingest", "{tmp}/x.txt"], r"binary file, not an article$"),
    "ingest-png": ({"p.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64}, ["ingest", "{tmp}/p.txt"], r"binary file"),
    "ingest-html-no-body": ({"n.html": b"<html><head><title>T</title></head><body><nav><a href='/'>Home</a>"
                                       b"</nav><script>var a = 1;</script></body></html>"},
                            ["ingest", "{tmp}/n.html"], r"n\.html: no article text found in the HTML$"),
    "ingest-empty-folder": ({"d/notes.pdf": b"%PDF-1.4"}, ["ingest", "{tmp}/d"], r"no article files .* in this folder$"),
    "ingest-bad-date": ({"a.txt": article(0).encode()}, ["ingest", "{tmp}/a.txt", "--date", "2024-13-45"],
                        r"^Error: bad --date '2024-13-45'"),
    "ingest-word-date": ({"a.txt": article(0).encode()}, ["ingest", "{tmp}/a.txt", "--date", "yesterday"],
                         r"^Error: bad --date 'yesterday'"),
    "ingest-url-two-files": ({"a.txt": b"x", "b.txt": b"y"},
                             ["ingest", "{tmp}/a.txt", "{tmp}/b.txt", "--url", "https://news.example/a"],
                             r"--url names one article"),
    "load-missing": ({}, ["load", "{tmp}/missing.ttl"], r"missing\.ttl: no such file$"),
    "load-folder": ({"d/a.ttl": b""}, ["load", "{tmp}/d"], r"is a folder; give RDF files$"),
    "load-binary-as-ttl": ({"x.ttl": b"\xff\xfe\x00\x01garbage"}, ["load", "{tmp}/x.ttl"],
                           r"malformed ttl: .*line 1 column 1"),
    "load-latin1-nt": ({"l.nt": '<urn:a> <urn:b> "ok" .\n<urn:a> <urn:b> "café" .\n'.encode("latin-1")},
                       ["load", "{tmp}/l.nt"], r"malformed nt: .*line 2 column \d+"),
    "load-ttl": ({"b.ttl": b'@prefix ex: <http://x/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n'},
                 ["load", "{tmp}/b.ttl"], r"malformed ttl: .*line 3 column \d+"),
    "load-nt": ({"b.nt": b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n"}, ["load", "{tmp}/b.nt"],
                r"malformed nt: .*line 2 column 17"),
    "load-nq": ({"b.nq": b"<urn:a> <urn:b> <urn:c> <urn:g> .\n<urn:a> <urn:b> <urn:c> <urn:g> <urn:h> .\n"},
                ["load", "{tmp}/b.nq"], r"malformed nq: .*line 2 between columns \d+ and \d+"),
    "load-trig": ({"b.trig": b"<urn:g> {\n  <urn:a> <urn:b> \n}\n"}, ["load", "{tmp}/b.trig"],
                  r"malformed trig: .*line 3 column 1"),
    "load-jsonld-syntax": ({"b.jsonld": b'{"@id": "urn:a",\n "urn:b": [1,\n 2,, 3]}'}, ["load", "{tmp}/b.jsonld"],
                           r"malformed jsonld: .*line 3 column 4"),
    "load-jsonld-keyword": ({"k.jsonld": b'{"@id": "urn:a",\n "urn:b": 1,\n "@type": 5}'}, ["load", "{tmp}/k.jsonld"],
                            r"malformed jsonld: @type value must be a string \(near line 3 column \d+\)$"),
    "load-jsonld-remote-context": ({"r.jsonld": b'{"@context": "http://example.org/ctx.jsonld",\n "a": 1}'},
                                   ["load", "{tmp}/r.jsonld"],
                                   r"a remote @context is not fetched .*\(near line \d+ column \d+\)$"),
    "load-rdfxml-unclosed": ({"b.rdf": f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="{RDF_NS}">\n'
                                       '<rdf:Description rdf:about="urn:a">\n</rdf:RDF>\n'.encode()},
                             ["load", "{tmp}/b.rdf"], r"malformed xml: ill-formed .*\(near line 4 column \d+\)$"),
    "load-rdfxml-not-rdf": ({"n.rdf": f'<rdf:RDF xmlns:rdf="{RDF_NS}">\n\n  <rdf:li/>\n</rdf:RDF>\n'.encode()},
                            ["load", "{tmp}/n.rdf"], r"malformed xml: .*\(near line 3 column \d+\)$"),
    "load-rdfxml-billion-laughs": ({"bomb.rdf": BILLION_LAUGHS.encode()}, ["load", "{tmp}/bomb.rdf"],
                                   r"refused: its XML entities would expand to 1000 MB"),
    "load-not-gzip": ({"n.ttl.gz": b"not gzip"}, ["load", "{tmp}/n.ttl.gz"], r"n\.ttl\.gz: not a gzip file"),
    "load-gzip-garbage": ({"g.nt.gz": gzip.compress(b"garbage")}, ["load", "{tmp}/g.nt.gz"],
                          r"malformed nt: .*line 1"),
    "load-one-bad-of-two": ({"ok.nt": b"<urn:a> <urn:b> <urn:c> .\n", "b.nt": b"<urn:a> .\n"},
                            ["load", "{tmp}/ok.nt", "{tmp}/b.nt"], r"b\.nt: malformed nt: .*line 1"),
    "query-malformed": ({}, ["query", "SELECT * WHERE {\n  ?s ?p\n}"], r"malformed SPARQL query: line 3 column \d+: expected "),
    "query-empty": ({}, ["query", ""], r"malformed SPARQL query: line 1 column 1: "),
    "query-file-binary": ({"q.rq": b"\xff\xfe\x00SELECT"}, ["query", "@{tmp}/q.rq"], r"q\.rq: a query must be UTF-8"),
    "query-file-missing": ({}, ["query", "@{tmp}/none.rq"], r"none\.rq: no such query file$"),
    "query-update-malformed": ({}, ["query", "--update", "INSERT DATA { <urn:a> }"],
                               r"malformed SPARQL update: line 1 column \d+"),
    "ask-unknown": ({}, ["ask", "nope"], r"unknown question 'nope'; known: conflicts, duplicates, evidence, leaders, "),
    "ask-param-no-equals": ({}, ["ask", "sources", "--param", "entity"], r"bad --param 'entity': expected key=value$"),
    "ask-param-unknown": ({}, ["ask", "treaties", "--param", "colour=red"], r"has no parameter 'colour'"),
    "export-unknown-graph": ({}, ["export", "--graph", "urn:none"], r"no graph <urn:none> in the store$"),
    "remove-unknown": ({}, ["remove", "no-such-article"], r"no article 'no-such-article' in the store"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_safety_bad_input_is_one_error_line_and_store_unchanged(runner, sample_store, tmp_path, case) -> None:
    files, args, pattern = BAD_INPUTS[case]
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    before = nquads(sample_store)
    result = invoke(runner, sample_store, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    line = assert_one_error(result)
    assert re.search(pattern, line), line
    assert nquads(sample_store) == before


@pytest.mark.parametrize("size", [MAX_ARTICLE_BYTES + 1000, 50_000_000])
def test_safety_huge_article_is_refused_at_once(runner, store_path, tmp_path, size) -> None:
    # 1 MB of plain text took over two minutes to extract: more than 5 MB is refused unread
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write((article(0).encode() * (size // len(article(0)) + 1))[:size])
    before = nquads(store_path)
    start = time.monotonic()
    line = assert_one_error(invoke(runner, store_path, "ingest", str(path)))
    assert time.monotonic() - start < 5
    assert re.fullmatch(rf"Error: {re.escape(str(path))}: too big for an article \([\d.]+ MB; "
                        r"the limit is 5\.0 MB\); split it into articles", line), line
    assert nquads(store_path) == before


def test_safety_huge_article_on_stdin_is_refused(runner, store_path) -> None:
    line = assert_one_error(invoke(runner, store_path, "ingest", "-", input=b"a" * (MAX_ARTICLE_BYTES + 100)))
    assert line.startswith("Error: <stdin>: too big for an article (5.0 MB or more; the limit is 5.0 MB)")


@pytest.mark.parametrize("chars", [600_000])
def test_safety_too_much_article_text_is_refused(runner, store_path, tmp_path, chars) -> None:
    path = tmp_path / "long.txt"
    path.write_text((article(1) + "\n") * (chars // len(article(1)) + 1), encoding="utf-8")
    line = assert_one_error(invoke(runner, store_path, "ingest", str(path)))
    assert re.search(r"too long for an article \([\d,]+ characters of text; the limit is 500,000\)", line)


def test_safety_huge_article_real_process_no_traceback(store_path, tmp_path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 10_000_000)  # 50 MB
    proc = run_kg(store_path, "ingest", str(path))
    assert (proc.returncode, proc.stderr.count("\n"), "Traceback" in proc.stderr) == (2, 1, False), proc.stderr
    assert proc.stderr.startswith(f"Error: {path}: too big for an article (50.0 MB;")


@pytest.mark.slow
def test_safety_batch_ingest_one_bad_file_ingests_the_others(runner, store_path, tmp_path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(article(0), encoding="utf-8")
    (folder / "b.txt").write_bytes(bytes(range(256)) * 4)   # binary
    (folder / "c.txt").write_bytes(b"")                    # empty
    (folder / "d.txt").write_bytes(article(1).encode("cp1252").replace(b"President", b"Pr\xe9sident"))  # not UTF-8
    result = invoke(runner, store_path, "ingest", str(folder), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert sorted(result.stderr.splitlines()) == [
        f"Error: {folder / 'b.txt'}: binary file, not an article",
        f"Error: {folder / 'c.txt'}: empty file",
        f"Error: {tmp_path / 'missing.txt'}: no such file",
    ]
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [str(folder / "a.txt"), str(folder / "d.txt")]
    with kg.open(store_path) as g:
        assert g.stats().articles == 2


# ---------------------------------------------------------------------------
# untrusted queries
# ---------------------------------------------------------------------------

UPDATE_BYPASSES = [
    "insert data { graph <urn:g:x> { <urn:a> <urn:b> <urn:c> } }",
    "PREFIX:<urn:>INSERT DATA{GRAPH :g{:a :b :c}}",
    "BASE <http://example.org/>\nPREFIX ex: <http://example.org/#>\nDROP ALL",
    "# SELECT * WHERE { ?s ?p ?o }\nCLEAR ALL",
    "PREFIX ex: <http://e/> # a comment with <angle> brackets\n# and another\ndelete where { ?s ?p ?o }",
    "PREFIX a: <urn:a#x> DROP SILENT GRAPH <https://w3id.org/kg/graph/reference>",
    "\ufeffDROP ALL",
    "  \n\tCOPY <https://w3id.org/kg/graph/reference> TO <urn:g:copy>",
    "ADD <https://w3id.org/kg/graph/reference> TO <urn:g:copy> ; DROP ALL",
    "CREATE GRAPH <urn:g:new>",
    "MOVE <https://w3id.org/kg/graph/reference> TO <urn:g:moved>",
]


@pytest.mark.parametrize("update", UPDATE_BYPASSES)
def test_safety_query_update_bypass_refused(runner, sample_store, update) -> None:
    before = nquads(sample_store)
    line = assert_one_error(invoke(runner, sample_store, "query", update))
    assert line == "Error: this is a SPARQL Update; kg query is read-only unless --update is given"
    assert nquads(sample_store) == before


@pytest.mark.parametrize("update", UPDATE_BYPASSES[:3])
def test_safety_query_update_bypass_runs_with_update_option(update) -> None:
    store = _fuzz_store()
    before = nquads(store)
    store.query(update, allow_update=True)
    assert nquads(store) != before


SERVICE_BYPASSES = [
    "SELECT * WHERE { SERVICE <{url}/plain> { ?s ?p ?o } }",
    "select * where { service silent <{url}/lower> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p <http://x#a> . SERVICE SILENT <{url}/hash-in-iri> { ?a ?b ?c } }",
    'SELECT * WHERE { # """\n SERVICE SILENT <{url}/long-quote-in-comment> { ?a ?b ?c }\n # """\n }',
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ?p ex:a\\# . SERVICE SILENT <{url}/escaped-hash> { ?a ?b ?c } }",
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:p ex:a\\' . SERVICE SILENT <{url}/escaped-quote> { ?a ?b ex:b\\' } }",
    'SELECT * WHERE { BIND("""a\\"""" AS ?x) SERVICE SILENT <{url}/long-string-escape> { ?s ?p "y" } }',
    "ASK { SERVICE<{url}/no-space>{ ?s ?p ?o } }",
    "SELECT * WHERE { OPTIONAL { SERVICE SILENT ?svc { ?s ?p ?o } } VALUES ?svc { <{url}/var> } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE SILENT <{url}/construct> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", SERVICE_BYPASSES)
def test_safety_query_service_refused_and_no_request(runner, sample_store, http_server, query) -> None:
    url, hits = http_server
    line = assert_one_error(invoke(runner, sample_store, "query", query.replace("{url}", url)))
    assert line == "Error: SERVICE clauses are refused (no network access from a query); use --allow-service"
    assert hits == []


@pytest.mark.parametrize("query", SERVICE_BYPASSES[:1])
def test_safety_query_allow_service_does_reach_the_network(runner, sample_store, http_server, query) -> None:
    # why SERVICE is refused by default: pyoxigraph evaluates it with HTTP (no handler needed)
    url, hits = http_server
    invoke(runner, sample_store, "query", "--allow-service", query.replace("{url}", url))
    assert hits == ["POST /plain"]


def test_safety_update_with_service_refused(runner, sample_store, http_server) -> None:
    url, hits = http_server
    before = nquads(sample_store)
    update = f"INSERT {{ GRAPH <urn:g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{url}/u> {{ ?s ?p ?o }} }}"
    line = assert_one_error(invoke(runner, sample_store, "query", "--update", update))
    assert line.startswith("Error: SERVICE clauses are refused")
    assert (hits, nquads(sample_store)) == ([], before)


@pytest.mark.parametrize("update", ["LOAD <{url}/data.ttl>", "load silent <{url}/data.ttl> into graph <urn:g>",
                                    "PREFIX:<urn:>LOAD<{url}/data.ttl>"])
def test_safety_update_load_needs_allow_service(runner, sample_store, http_server, update) -> None:
    url, hits = http_server
    before = nquads(sample_store)
    line = assert_one_error(invoke(runner, sample_store, "query", "--update", update.replace("{url}", url)))
    assert line == "Error: LOAD fetches data from the network; it needs --allow-service as well as --update"
    assert (hits, nquads(sample_store)) == ([], before)


@pytest.mark.parametrize("query", [
    'SELECT ?x WHERE { BIND("SERVICE <http://e/> { }" AS ?x) }',
    "SELECT ?x WHERE { BIND('''a ''SERVICE'' b''' AS ?x) }",
    "SELECT ?x WHERE { BIND(<http://example.org/SERVICE#x> AS ?x) }",
    "# SERVICE <http://e/> { ?s ?p ?o }\nSELECT ?x WHERE { BIND(1 AS ?x) }",
    "SELECT ?service WHERE { BIND(1 AS ?service) }",
    "PREFIX ex: <http://e/> SELECT ?x WHERE { BIND(ex:web-service AS ?x) }",
    "SELECT ?x WHERE { BIND(schema:WebService AS ?x) }",
])
def test_safety_query_service_word_elsewhere_allowed(runner, sample_store, query) -> None:
    result = invoke(runner, sample_store, "query", query, "--format", "csv")
    assert (result.exit_code, len(result.stdout.splitlines())) == (0, 2), result.stderr


@pytest.mark.parametrize("payload", [
    '"} ; DROP ALL ; {',
    "'} ; DROP ALL ; {",
    '> } ; DROP ALL ; { <',
    '\\" } ; CLEAR ALL ; { "',
    '"""} ; DROP ALL ; {"""',
    "Russia\" . } } ; DROP ALL ; SELECT * { {",
])
@pytest.mark.parametrize("name", ["sources", "treaties"])
def test_safety_ask_param_injection_inert(runner, sample_store, payload, name) -> None:
    before = nquads(sample_store)
    key = {"sources": "entity", "treaties": "party"}[name]
    result = invoke(runner, sample_store, "ask", name, "--param", f"{key}={payload}", "--format", "csv")
    assert (result.exit_code, result.stdout.splitlines()[1:]) == (0, []), result.stderr
    assert nquads(sample_store) == before


def test_safety_rdfxml_external_entity_not_read(runner, store_path, tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = tmp_path / "xxe.rdf"
    path.write_text(xxe_rdf(secret), encoding="utf-8")
    before = nquads(store_path)
    line = assert_one_error(invoke(runner, store_path, "load", str(path)))
    assert "external XML entities" in line and SECRET not in line
    assert nquads(store_path) == before
    # and pyoxigraph itself, without kg's check, does not read the file either
    with pytest.raises(SyntaxError) as info:
        list(ox.parse(path.read_bytes(), ox.RdfFormat.RDF_XML))
    assert SECRET not in str(info.value)


def test_safety_rdfxml_billion_laughs_refused_fast(tmp_path) -> None:
    path = tmp_path / "bomb.rdf"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(ParseError, match="XML entities would expand"):
        KgStore(MEMORY).load_files([path])
    assert time.monotonic() - start < 2  # pyoxigraph alone builds a 1 GB literal (14 s here)


def test_safety_rdfxml_namespace_entities_still_load(tmp_path) -> None:
    path = tmp_path / "onto.rdf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY ex "http://example.org/#"> ]>\n'
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://example.org/#">\n'
        '<rdf:Description rdf:about="&ex;a"><ex:p rdf:resource="&ex;b"/></rdf:Description>\n</rdf:RDF>\n',
        encoding="utf-8")
    assert KgStore(MEMORY).load_files([path], graph="urn:g") == {"urn:g": 1}


# ---------------------------------------------------------------------------
# crash safety: SIGKILL in the middle of a write
# ---------------------------------------------------------------------------


def _wait_for(predicate, timeout: float, proc: subprocess.Popen | None = None) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        if proc is not None and proc.poll() is not None:
            return False
        time.sleep(0.02)
    return False


def _triples_file(folder: Path, n: int, quads: bool = False) -> Path:
    """n triples (N-Triples), or n quads in one new graph, the file's URI (N-Quads)."""
    path = folder / f"big-{n}.{'nq' if quads else 'nt'}"
    graph = f" <{path.resolve().as_uri()}>" if quads else ""
    with path.open("w", encoding="utf-8") as f:
        f.writelines(f'<urn:x:s{i}> <urn:x:p> "value {i}"{graph} .\n' for i in range(n))
    return path


# 500k triples: killed while being parsed; 100k: killed about when the engine writes them
# (a kill after the write-ahead log is written finds them all: recovery replays the log);
# N-Quads into a new graph: killed in the bulk loader (the journal undoes it) or after
@pytest.mark.parametrize(("triples", "after", "quads"), [(500_000, 0.5, False), (100_000, 2.5, False),
                                                          (500_000, 1.5, True), (100_000, 1.0, True)])
def test_safety_sigkill_during_load_all_or_nothing(store_path, tmp_path, triples, after, quads) -> None:
    big_nt = _triples_file(tmp_path, triples, quads)
    before = nquads(store_path)
    proc = subprocess.Popen([KG_BIN, "--store", str(store_path), "load", str(big_nt)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert _wait_for(lambda: holds_lock(store_path), 30, proc), proc.communicate()
        time.sleep(after)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    stats = run_kg(store_path, "stats")
    assert stats.returncode == 0, stats.stderr
    graph = big_nt.resolve().as_uri()
    with kg.open(store_path) as g:
        size = g.store.graph_size(graph) if g.store.has_graph(graph) else 0
        assert size in (0, triples)
        if size == 0:
            assert nquads(g.store) == before


@pytest.mark.slow
def test_safety_sigkill_during_ingest_each_article_all_or_nothing(store_path, tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {f"a{k:02d}.txt": article(k) for k in range(8)}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    def wal() -> int:
        return sum(p.stat().st_size for p in store_path.glob("*.log") if p.exists())

    proc = subprocess.Popen([KG_BIN, "--store", str(store_path), "ingest", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert _wait_for(lambda: holds_lock(store_path), 30, proc), proc.communicate()
        time.sleep(0.3)  # opened (a new write-ahead log); spaCy loads next
        start_wal = wal()
        # the first article committed (the write-ahead log grew): kill during the next ones
        assert _wait_for(lambda: wal() > start_wal, 60, proc), proc.communicate()
        time.sleep(0.4)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(10)
    assert run_kg(store_path, "stats").returncode == 0
    reference = kg.open(MEMORY)
    reference.ingest_paths([str(folder)])
    with kg.open(store_path) as g:
        got = [n for n in g.store.named_graphs() if n.startswith("https://w3id.org/kg/article/")]
        assert 1 <= len(got) <= len(texts)
        for name in got:
            assert isomorphic(g.graph(name), reference.graph(name)), name


# ---------------------------------------------------------------------------
# concurrency
# ---------------------------------------------------------------------------

HOLDER = """
import sys, time
import kg
g = kg.open(sys.argv[1], read_only=sys.argv[2] == "read")
print("ready", flush=True)
time.sleep(float(sys.argv[3]))
g.close()
"""

RAW_HOLDER = """
import sys, time
import pyoxigraph
s = pyoxigraph.Store(sys.argv[1])
print("ready", flush=True)
time.sleep(float(sys.argv[3]))
"""


def _hold(store: Path, mode: str, seconds: float, code: str = HOLDER) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", code, str(store), mode, str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.parametrize(("holder", "args"), [
    ("write", ["stats"]), ("write", ["query", "ASK { ?s ?p ?o }"]), ("write", ["load", "{ttl}"]),
    ("read", ["load", "{ttl}"]), ("read", ["remove", "x"]),
    ("raw", ["stats"]), ("raw", ["load", "{ttl}"]),
])
def test_safety_store_in_use_is_reported_at_once(runner, store_path, sample_ttl, holder, args) -> None:
    proc = _hold(store_path, holder, 30, RAW_HOLDER if holder == "raw" else HOLDER)
    try:
        start = time.monotonic()
        result = invoke(runner, store_path, *[a.replace("{ttl}", str(sample_ttl)) for a in args])
        elapsed = time.monotonic() - start
    finally:
        proc.kill()
        proc.wait()
    line = assert_one_error(result)
    assert line == (f"Error: store '{store_path}' is in use by another kg process; "
                    "try again when it is done, or use --wait")
    assert elapsed < 2


@pytest.mark.parametrize("args", [["stats"], ["ask", "treaties"], ["export", "--format", "nq"],
                                  ["query", "ASK { ?s ?p ?o }"]])
def test_safety_readers_share_the_store(runner, store_path, args) -> None:
    proc = _hold(store_path, "read", 30)
    try:
        result = invoke(runner, store_path, *args)
    finally:
        proc.kill()
        proc.wait()
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("args", [["stats"], ["load", "{ttl}"]])
def test_safety_wait_option_waits_for_the_writer(runner, store_path, sample_ttl, args) -> None:
    proc = _hold(store_path, "write", 1.0)
    try:
        start = time.monotonic()
        result = invoke(runner, store_path, "--wait", *[a.replace("{ttl}", str(sample_ttl)) for a in args])
        elapsed = time.monotonic() - start
    finally:
        proc.wait(10)
    assert result.exit_code == 0, result.stderr
    assert 0.3 < elapsed < 20


def test_safety_wait_gives_up_after_its_time(store_path) -> None:
    proc = _hold(store_path, "write", 30)
    try:
        with pytest.raises(KgError, match=r"still in use after waiting 0\.5 s$"):
            kg.open(store_path, wait=0.5)
    finally:
        proc.kill()
        proc.wait()


def test_safety_read_only_store_refuses_writes(store_path, sample_ttl) -> None:
    with kg.open(store_path, read_only=True) as g:
        with pytest.raises(KgError, match="was opened read-only"):
            g.load([sample_ttl])


def test_safety_lock_released_by_killed_process(store_path) -> None:
    proc = _hold(store_path, "write", 30)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with kg.open(store_path) as g:
        assert len(g.store) > 0


# ---------------------------------------------------------------------------
# backup: export nq, load into a new store
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_safety_backup_round_trip_keeps_every_graph(runner, store_factory, tmp_path) -> None:
    source, target = store_factory(), store_factory()
    folder = tmp_path / "articles"
    folder.mkdir()
    for k in range(3):
        (folder / f"a{k}.txt").write_text(article(k), encoding="utf-8")
    assert invoke(runner, source, "ingest", str(folder)).exit_code == 0
    backup = tmp_path / "backup.nq.gz"
    assert invoke(runner, source, "export", "--format", "nq", "-o", str(backup)).exit_code == 0
    assert invoke(runner, target, "load", str(backup)).exit_code == 0
    with kg.open(source) as a, kg.open(target) as b:
        names = a.store.named_graphs()
        assert b.store.named_graphs() == names
        assert len([n for n in names if "/article/" in n]) == 3
        assert [n for n in names if not isomorphic(a.graph(n), b.graph(n))] == []
    # loading the same backup again changes nothing
    invoke(runner, target, "load", str(backup))
    with kg.open(source) as a, kg.open(target) as b:
        assert [n for n in names if not isomorphic(a.graph(n), b.graph(n))] == []


# ---------------------------------------------------------------------------
# fuzzing
# ---------------------------------------------------------------------------

SEED_RDF = {
    "ttl": b'@prefix ex: <http://example.org/> .\nex:a ex:p "x"@en , 1, ex:b ; ex:q [ ex:r ( 1 2 ) ] .\n',
    "nt": b'<urn:a> <urn:p> "x"@en .\n<urn:a> <urn:q> _:b .\n_:b <urn:r> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
    "nq": b'<urn:a> <urn:p> "x" <urn:g> .\n_:b <urn:q> <urn:a> <urn:g2> .\n',
    "trig": b'@prefix ex: <http://example.org/> .\nex:g { ex:a ex:p "x" . }\n{ ex:b ex:p ex:a }\n',
    "jsonld": b'{"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:p": [{"@value": "x", "@language": "en"}], '
              b'"@graph": [{"@id": "ex:b", "ex:q": {"@id": "ex:a"}}]}',
    "xml": (f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://example.org/">\n'
            '<rdf:Description rdf:about="urn:a"><ex:p xml:lang="en">x</ex:p><ex:q rdf:resource="urn:b"/>'
            '</rdf:Description>\n</rdf:RDF>\n').encode(),
}


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """``seed`` with a few random byte edits (insert, delete, replace), or random bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200))
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = draw(st.binary(min_size=1, max_size=4) | st.sampled_from(
            [b"<", b">", b'"', b"{", b"}", b"@", b"&", b"\\", b":", b".", b"\n", b"\xff", b"_:", b"]", b"<!ENTITY"]))
        if op == "insert":
            data[at:at] = chunk
        elif op == "delete":
            del data[at:at + len(chunk)]
        else:
            data[at:at + len(chunk)] = chunk
    return bytes(data)


def _fuzz_store() -> KgStore:
    store = KgStore(MEMORY)
    store.add_graph_quads("urn:g:base", [("urn:a", "urn:p", "urn:b"), ("urn:b", "urn:p", ox.Literal("c"))])
    return store


@pytest.mark.parametrize("fmt", list(SEED_RDF))
def test_safety_fuzz_rdf_loaders(fmt) -> None:
    store = _fuzz_store()
    before = nquads(store)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz.{fmt}"

        @settings(max_examples=60, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow])
        @given(data=mutated(SEED_RDF[fmt]))
        def run(data: bytes) -> None:
            path.write_bytes(data)
            now = nquads(store)
            try:
                store.load_files([path], graph="urn:g:fuzz")
            except KgError as err:
                assert "\n" not in str(err)
                assert nquads(store) == now
            store.drop_graphs(["urn:g:fuzz"])

        run()
    assert nquads(store) == before


@settings(max_examples=150, deadline=None, database=None)
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8")),
                      st.text(max_size=200).map(lambda t: t.encode("utf-16")),
                      mutated(article(0).encode("utf-8"))))
def test_safety_fuzz_text_reader(data: bytes) -> None:
    try:
        doc = read_bytes(data, source="fuzz")
    except KgError as err:
        assert str(err).startswith("fuzz: ") and "\n" not in str(err)
    else:
        assert doc.blocks and all(b.text.strip() for b in doc.blocks)


@pytest.mark.parametrize("seed", [
    b"PREFIX ex: <http://e/> SELECT ?s WHERE { ?s ex:p \"SERVICE\" . FILTER(?s != ex:b) } # x",
    b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> 'c' } }",
    b"ASK { ?s ?p <urn:x#a> . SERVICE <{url}/a> { ?s ?p ?o } }",
    b"SELECT * WHERE { BIND('''x''' AS ?x) OPTIONAL { SERVICE SILENT <{url}/b> { ?a ?b ?c } } }",
])
def test_safety_fuzz_queries(http_server, seed) -> None:
    url, hits = http_server

    @settings(max_examples=60, deadline=None, database=None)
    @given(query=st.one_of(mutated(seed.replace(b"{url}", url.encode())), st.text(max_size=60).map(str.encode)))
    def run(query: bytes) -> None:
        store = _fuzz_store()
        before = nquads(store)
        try:
            res = store.query(query.decode("utf-8", errors="replace"))
            if res.kind != "ask":
                list(res.triples() if res.kind == "graph" else res)
        except KgError as err:
            assert "\n" not in str(err)
        assert nquads(store) == before

    run()
    assert hits == []  # no mutation of a SERVICE query reached the network


@pytest.mark.slow
@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=st.one_of(
    mutated(article(2).encode("utf-8")).map(lambda b: b.decode("utf-8", errors="replace")),
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from(["Putin", "met", "Kim Jong Un", "in", "Moscow", "on", "June 19, 2024", ".",
                              "signed", "a treaty", "replacing", "the 1961 treaty", "will visit", "\n\n",
                              "President", "of", "Russia", ",", "(", ")", "\"", "yesterday"]),
             min_size=1, max_size=40).map(" ".join)))
def test_safety_fuzz_extractor(text: str) -> None:
    from kg.extract import extract

    try:
        doc = read_text(text, source="fuzz")
    except KgError:
        return
    extraction = extract(doc)
    assert extraction is not None


# ---------------------------------------------------------------------------
# issue 14: malformed --graph IRIs, --store on a folder of other files
# ---------------------------------------------------------------------------

BAD_IRIS = ["not an iri", "<urn:x>", "http://[::1", "", "urn:a\nb"]


@pytest.mark.parametrize("iri", BAD_IRIS)
@pytest.mark.parametrize("command", [["load", "{ttl}"], ["export", "-o", "{tmp}/out.nq"], ["validate"],
                                     ["push", "http://127.0.0.1:9/store"]])
def test_safety_graph_iri_checked_up_front(runner, sample_store, sample_ttl, tmp_path, command, iri) -> None:
    before = nquads(sample_store)
    args = [a.replace("{ttl}", str(sample_ttl)).replace("{tmp}", str(tmp_path)) for a in command]
    line = assert_one_error(invoke(runner, sample_store, *args, "--graph", iri))
    assert line.startswith("Error: bad --graph '") and "not an absolute IRI" in line, line
    assert nquads(sample_store) == before
    assert not (tmp_path / "out.nq").exists()


def test_safety_graph_iri_checked_before_a_store_is_made(runner, tmp_path, sample_ttl) -> None:
    assert_one_error(invoke(runner, tmp_path / "new", "load", str(sample_ttl), "--graph", "not an iri"))
    assert not (tmp_path / "new").exists()


@pytest.mark.parametrize("method", ["load", "export", "validate"])
def test_safety_graph_iri_checked_by_the_library(fresh_kg, sample_ttl, method) -> None:
    call = {"load": lambda: fresh_kg.load([sample_ttl], graph="not an iri"),
            "export": lambda: fresh_kg.export(io.BytesIO(), graph="not an iri"),
            "validate": lambda: fresh_kg.validate(graph="")}[method]
    with pytest.raises(KgError, match="not an absolute IRI"):
        call()


STRANGER_FOLDERS = {  # a folder of the user's own files, as --store
    "documents": {"notes.txt": b"my notes\n", "LOG": b"my log\n"},
    "stray-current": {"CURRENT": b"MANIFEST-000001\n", "a.txt": b"x"},
    "current-only": {"CURRENT": b"garbage\n"},
}


@pytest.mark.parametrize("folder", list(STRANGER_FOLDERS))
@pytest.mark.parametrize("args", [["stats"], ["query", "ASK { ?s ?p ?o }"], ["load", "{ttl}"]])
def test_safety_store_folder_of_other_files_refused_untouched(runner, tmp_path, sample_ttl, folder, args) -> None:
    place = tmp_path / folder
    place.mkdir()
    for name, data in STRANGER_FOLDERS[folder].items():
        (place / name).write_bytes(data)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in place.iterdir()}
    line = assert_one_error(invoke(runner, place, *[a.replace("{ttl}", str(sample_ttl)) for a in args]))
    assert line == (f"Error: store '{place}' is a folder of other files, not a kg store; kg writes "
                    "nothing there: give a new or empty folder, or a kg store's folder")
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in place.iterdir()} == before


def test_safety_store_that_is_a_file_refused(runner, tmp_path) -> None:
    (tmp_path / "f").write_bytes(b"x")
    line = assert_one_error(invoke(runner, tmp_path / "f", "stats"))
    assert "is a file, not a store folder" in line


def test_safety_store_empty_folder_and_real_store_open(runner, tmp_path, store_path) -> None:
    (tmp_path / "empty").mkdir()
    assert invoke(runner, tmp_path / "empty", "stats").exit_code == 0
    assert invoke(runner, store_path, "stats").exit_code == 0


def test_safety_store_damaged_manifest_is_one_line(runner, store_path) -> None:
    for manifest in store_path.glob("MANIFEST-*"):
        manifest.write_bytes(b"garbage\n")
    line = assert_one_error(invoke(runner, store_path, "stats"))
    assert line.startswith(f"Error: cannot open store '{store_path}': Corruption"), line


# ---------------------------------------------------------------------------
# issue 14: every input size-capped as it is read (devices, FIFOs, gzip streams)
# ---------------------------------------------------------------------------


def _peak_rss_mb(*args: str, env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, float]:
    """Run a kg command in a child; (its result, its peak RSS in MB)."""
    code = ("import resource, subprocess, sys\n"
            "p = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)\n"
            "print(p.returncode); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "sys.stderr.write(p.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code, KG_BIN, *args], capture_output=True, text=True,
                          timeout=180, env={**os.environ, **(env or {})})
    code_line, rss_kb = proc.stdout.split()
    return subprocess.CompletedProcess(args, int(code_line), "", proc.stderr), int(rss_kb) / 1024


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_safety_ingest_dev_zero_reads_only_up_to_the_limit(store_path) -> None:
    before = nquads(store_path)
    proc, rss = _peak_rss_mb("--store", str(store_path), "ingest", "/dev/zero")
    assert (proc.returncode, proc.stderr) == (2, "Error: /dev/zero: too big for an article (5.0 MB or more; "
                                                 "the limit is 5.0 MB); split it into articles\n")
    assert rss < 300, rss
    assert nquads(store_path) == before


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_safety_load_dev_zero_reads_only_up_to_the_limit(store_path) -> None:
    before = nquads(store_path)
    proc, rss = _peak_rss_mb("--store", str(store_path), "load", "/dev/zero", "--format", "nt",
                             env={"KG_MAX_LOAD_MB": "20"})
    assert (proc.returncode, proc.stderr) == (2, "Error: /dev/zero: too big to load (more than 20.0 MB; "
                                                 "the limit is 20.0 MB a file, set by $KG_MAX_LOAD_MB)\n")
    assert rss < 300, rss
    assert nquads(store_path) == before


def _feed_fifo(path: Path, total: int, sent: list[int]) -> threading.Thread:
    """A thread writing up to ``total`` bytes into the FIFO ``path`` (stops when the reader goes)."""
    def feed() -> None:
        try:
            with open(path, "wb") as f:
                chunk = b"The summit ended. " * 4096
                while sent[0] < total:
                    f.write(chunk)
                    sent[0] += len(chunk)
        except (BrokenPipeError, OSError):
            pass
    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize("command", ["ingest", "load"])
def test_safety_fifo_read_only_up_to_the_limit(runner, store_path, tmp_path, monkeypatch, command) -> None:
    monkeypatch.setenv("KG_MAX_LOAD_MB", "5")
    fifo = tmp_path / "pipe.nt"
    os.mkfifo(fifo)
    sent = [0]
    thread = _feed_fifo(fifo, 200_000_000, sent)
    before = nquads(store_path)
    line = assert_one_error(invoke(runner, store_path, command, str(fifo)))
    thread.join(10)
    assert "too big" in line and "5.0 MB" in line, line
    assert sent[0] < 20_000_000, sent[0]  # the writer was cut off near the limit, not read in full
    assert nquads(store_path) == before


def test_safety_gzip_bomb_is_refused_as_it_expands(runner, store_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_MAX_LOAD_MB", "10")
    bomb = tmp_path / "bomb.nq.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        line = b"<urn:a> <urn:b> <urn:c> <urn:g> .\n" * 10_000
        for _ in range(100):  # 35 MB of N-Quads in a file of about 100 kB
            f.write(line)
    assert bomb.stat().st_size < 1_000_000
    before = nquads(store_path)
    line = assert_one_error(invoke(runner, store_path, "load", str(bomb)))
    assert line == (f"Error: {bomb}: too big to load (more than 10.0 MB decompressed; the limit is "
                    "10.0 MB a file, set by $KG_MAX_LOAD_MB)")
    assert nquads(store_path) == before


def test_safety_load_limit_lets_smaller_files_in(runner, store_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KG_MAX_LOAD_MB", "1")
    small = tmp_path / "small.nq.gz"
    with gzip.open(small, "wb") as f:
        f.write(b"<urn:a> <urn:b> <urn:c> <urn:g> .\n" * 1000)
    result = invoke(runner, store_path, "load", str(small))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "loaded 1000 triples into graph <urn:g>"


@pytest.mark.parametrize("value", ["0", "lots", "-3"])
def test_safety_load_limit_bad_setting(runner, store_path, sample_ttl, monkeypatch, value) -> None:
    monkeypatch.setenv("KG_MAX_LOAD_MB", value)
    line = assert_one_error(invoke(runner, store_path, "load", str(sample_ttl)))
    assert line == f"Error: bad $KG_MAX_LOAD_MB '{value}': give a number of megabytes above 0"


@pytest.mark.parametrize("where", ["file", "stdin"])
def test_safety_query_text_is_capped(runner, sample_store, tmp_path, where) -> None:
    big = "ASK { ?s ?p ?o }" + " " * 1_000_001
    if where == "file":
        (tmp_path / "q.rq").write_text(big)
        result = invoke(runner, sample_store, "query", f"@{tmp_path / 'q.rq'}")
    else:
        result = invoke(runner, sample_store, "query", "-", input=big)
    line = assert_one_error(result)
    assert re.search(r"too big \((1\.0 MB|more than 1\.0 MB); the limit is 1\.0 MB\)$", line), line


# ---------------------------------------------------------------------------
# issue 14: kg export -o replaces the file only once the new one is complete
# ---------------------------------------------------------------------------


def _enospc_after_some_bytes(self, output, fmt, *, graph=None) -> None:
    """A KgStore.dump that writes a little, then finds the disk full."""
    import errno

    output.write(b"<urn:partial> <urn:p> <urn:o> <urn:g> .\n" * 1000)
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("name", ["backup.nq", "backup.nq.gz"])
@pytest.mark.parametrize("failure", ["unknown-graph", "bad-iri", "disk-full"])
def test_safety_export_failure_leaves_the_old_file(runner, sample_store, tmp_path, monkeypatch, name, failure) -> None:
    target = tmp_path / name
    target.write_bytes(b"the old backup\n")
    args = ["export", "-o", str(target)]
    if failure == "unknown-graph":
        args += ["--graph", "urn:mistyped"]
    elif failure == "bad-iri":
        args += ["--graph", "not an iri"]
    else:
        monkeypatch.setattr(KgStore, "dump", _enospc_after_some_bytes)
    line = assert_one_error(invoke(runner, sample_store, *args))
    if failure == "disk-full":
        assert line == f"Error: {target}: cannot write the file (No space left on device)"
    assert target.read_bytes() == b"the old backup\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "sample-store") == [name]


def test_safety_export_replaces_an_existing_file_whole_keeping_its_mode(runner, sample_store, tmp_path) -> None:
    target = tmp_path / "backup.nq.gz"
    target.write_bytes(b"the old backup\n")
    target.chmod(0o600)
    assert invoke(runner, sample_store, "export", "-o", str(target)).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert gzip.decompress(target.read_bytes()).count(b"\n") == len(nquads(sample_store))
    assert target.read_bytes()[3] & 0x08 and target.read_bytes()[10:18] == b"backup.n"  # FNAME: the target's
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "sample-store") == ["backup.nq.gz"]


# ---------------------------------------------------------------------------
# issue 14: the disk fills up during ingest or load
# ---------------------------------------------------------------------------


class _FillingDisk:
    """Stands in for pyoxigraph.Store: a real store whose writes fail with ENOSPC once
    ``room`` of them have been made (and flush too, from then on, or always when not
    ``flush_ok``)."""

    WRITES = ("load", "update", "extend", "bulk_load", "bulk_extend", "flush")
    REAL = ox.Store
    room = 0
    flush_ok = True

    made: list["_FillingDisk"] = []

    def __init__(self, *args, **kwargs):
        self._real = self.REAL(*args, **kwargs)
        self._writes = 0
        self.made.append(self)

    read_only = staticmethod(ox.Store.read_only)

    @classmethod
    def release(cls) -> None:
        """Close the real stores (a traceback kept by the test may still hold a stand-in)."""
        for made in cls.made:
            made._real = None
        cls.made.clear()
        import gc

        gc.collect()

    def __getattr__(self, name):
        if name not in self.WRITES:
            return getattr(self._real, name)

        def write(*args, **kwargs):
            import errno

            if name != "flush":
                self._writes += 1
            if self._writes > type(self).room or (name == "flush" and not type(self).flush_ok):
                raise OSError(errno.ENOSPC, "No space left on device")
            return getattr(self._real, name)(*args, **kwargs)
        return write

    def __contains__(self, quad):
        return quad in self._real

    def __len__(self):
        return len(self._real)


@pytest.mark.slow
def test_safety_disk_full_during_ingest(runner, store_path, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for k in range(5):
        (folder / f"a{k}.txt").write_text(article(k), encoding="utf-8")
    monkeypatch.setattr(_FillingDisk, "room", 2)
    monkeypatch.setattr(ox, "Store", _FillingDisk)
    result = invoke(runner, store_path, "ingest", str(folder))
    monkeypatch.undo()
    _FillingDisk.release()
    line = assert_one_error(result)
    assert line == (f"Error: {folder / 'a2.txt'}: not ingested: cannot write to the store (No space left on "
                    "device); stopped there: 2 more inputs not ingested")
    assert [out.split(":")[0] for out in result.stdout.splitlines()] == [str(folder / "a0.txt"), str(folder / "a1.txt")]
    assert all(" facts added, " in out for out in result.stdout.splitlines())
    with kg.open(store_path) as g:  # what was reported is there
        assert g.stats().articles == 2


# into a new graph every load is all or nothing; --bulk into a graph the store holds is not
@pytest.mark.parametrize(("bulk", "held"), [(False, False), (True, False), (False, True), (True, True)])
def test_safety_disk_full_during_load(runner, store_path, tmp_path, monkeypatch, bulk, held) -> None:
    data = tmp_path / "data.nq"
    data.write_bytes(b"<urn:a> <urn:b> <urn:c> <urn:g> .\n" * 100)
    if held:
        with kg.open(store_path) as g:
            g.store.add_graph_quads("urn:g", [("urn:x", "urn:y", "urn:z")])
    before = nquads(store_path)
    monkeypatch.setattr(_FillingDisk, "room", 0)
    monkeypatch.setattr(ox, "Store", _FillingDisk)
    result = invoke(runner, store_path, "load", str(data), *(["--bulk"] if bulk else []))
    monkeypatch.undo()
    _FillingDisk.release()
    line = assert_one_error(result)
    kept = "part of it may be in the store (--bulk)" if bulk and held else "nothing of this load is kept"
    assert line == f"Error: {data}: not loaded: cannot write to the store (No space left on device); {kept}"
    assert nquads(store_path) == before


def test_safety_flush_failing_at_close_is_one_line(runner, store_path, monkeypatch) -> None:
    monkeypatch.setattr(_FillingDisk, "room", 1)
    monkeypatch.setattr(_FillingDisk, "flush_ok", False)
    monkeypatch.setattr(ox, "Store", _FillingDisk)
    result = invoke(runner, store_path, "query", "--update", "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
    monkeypatch.undo()
    _FillingDisk.release()
    assert assert_one_error(result) == (
        "Error: cannot write to the store (No space left on device) while closing it; what was "
        "reported written is committed (in the engine's log: the next open of the store finishes writing it)")
    with kg.open(store_path, read_only=True) as g:
        assert g.query("ASK { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }").boolean


# ---------------------------------------------------------------------------
# issue 14: query time limits (the query runs in a worker process that is killed)
# ---------------------------------------------------------------------------

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # hours on any store


def _query_workers() -> list[int]:
    """Live multiprocessing workers of this venv's Python on this machine, by pid."""
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes()
                state = (proc / "stat").read_text().split(") ")[-1][0]
            except OSError:
                continue
            if b"spawn_main" in cmd and state != "Z" and cmd.startswith(sys.executable.encode()):
                pids.append(int(proc.name))
    return pids


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads /proc")
@pytest.mark.parametrize("command", [["query", ENDLESS], ["query", "@{tmp}/q.rq"]])
def test_safety_query_timeout_stops_the_query(store_path, tmp_path, command) -> None:
    (tmp_path / "q.rq").write_text(ENDLESS)
    start = time.monotonic()
    proc = run_kg(store_path, *[a.replace("{tmp}", str(tmp_path)) for a in command], "--timeout", "2")
    elapsed = time.monotonic() - start
    assert (proc.returncode, proc.stderr) == (2, "Error: query stopped after 2 s (the time limit)\n")
    assert elapsed < 8, elapsed
    time.sleep(0.2)
    assert [pid for pid in _query_workers() if _parent(pid) == proc.pid or _parent(pid) == 1] == []


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].split()[1])
    except OSError:
        return -1


def test_safety_query_timeout_releases_the_store_for_a_writer(store_path, sample_ttl) -> None:
    g = kg.open(store_path, read_only=True)
    try:
        with pytest.raises(KgError, match=r"^query stopped after 1 s \(the time limit\)$"):
            g.query(ENDLESS, timeout=1)
    finally:
        g.close()
    start = time.monotonic()
    proc = run_kg(store_path, "load", str(sample_ttl))  # needs the store to itself
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - start < 20


def test_safety_query_timeout_answers_like_without(sample_store) -> None:
    with kg.open(sample_store, read_only=True) as g:
        for q in ["SELECT ?t ?n WHERE { ?t a kg:Treaty ; rdfs:label ?n } ORDER BY ?n",
                  "ASK { ?t a kg:Treaty }", "CONSTRUCT { ?t a kg:Treaty } WHERE { ?t a kg:Treaty }"]:
            fmt = "nt" if q.startswith("CONSTRUCT") else "csv"  # a graph has no csv form
            assert g.query(q, timeout=30).serialize(fmt) == g.query(q).serialize(fmt)
        assert g.ask("treaties", timeout=30).to_dicts() == g.ask("treaties").to_dicts()
        with pytest.raises(KgError, match="malformed SPARQL query"):
            g.query("SELECT * WHERE { ?s }", timeout=30)
        with pytest.raises(KgError, match="refused|SERVICE"):
            g.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", timeout=30)


@pytest.mark.parametrize("args", [["query", "ASK {}", "--timeout", "0"], ["query", "ASK {}", "--timeout", "-1"],
                                  ["ask", "treaties", "--timeout", "0"],
                                  ["ask", "treaties", "--param", "timeout=3"]])
def test_safety_bad_timeout(runner, sample_store, args) -> None:
    line = assert_one_error(invoke(runner, sample_store, *args))
    assert "timeout" in line, line


def test_safety_ask_timeout(sample_store) -> None:
    proc = run_kg(sample_store, "ask", "treaties", "--timeout", "0.001")
    assert (proc.returncode, proc.stderr) == (2, "Error: query stopped after 0.001 s (the time limit)\n")
    proc = run_kg(sample_store, "ask", "treaties", "--timeout", "30", "--format", "csv")
    assert proc.returncode == 0 and proc.stdout.count("\n") == 4, proc


# ---------------------------------------------------------------------------
# issue 14: a waiting writer is not starved by a stream of readers
# ---------------------------------------------------------------------------

STEADY_READER = """
import sys, time
from kg.store import KgStore
end = time.monotonic() + float(sys.argv[2])
print("ready", flush=True)
while time.monotonic() < end:
    s = KgStore(sys.argv[1], read_only=True, wait=60)
    s.query("ASK { ?s ?p ?o }")
    time.sleep(0.4)  # a read of 0.4 s; two readers overlap: the store is never free
    s.close()
"""


def test_safety_waiting_writer_not_starved_by_readers(store_path, sample_ttl) -> None:
    readers = []
    for k in range(2):
        readers.append(subprocess.Popen([sys.executable, "-c", STEADY_READER, str(store_path), "25"],
                                        stdout=subprocess.PIPE, text=True))
        assert readers[-1].stdout.readline().strip() == "ready"
        time.sleep(0.2)
    try:
        time.sleep(0.5)
        start = time.monotonic()
        proc = run_kg(store_path, "--wait", "load", str(sample_ttl))
        waited = time.monotonic() - start
    finally:
        for reader in readers:
            reader.kill()
            reader.wait()
    assert proc.returncode == 0, proc.stderr
    print(f"writer waited {waited:.2f} s")
    assert waited < 8, waited  # the reads under way (0.4 s) and kg's start; was: 60 s, then StoreInUse
