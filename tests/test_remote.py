"""Remote triple stores: ``kg push`` (Graph Store Protocol) and ``--store http://.../query``
(SPARQL 1.1 Protocol), against a real Oxigraph server on 127.0.0.1.

The server is the ``oxigraph`` binary of the PyPI package ``oxigraph`` (the ``test``
extra); the module is skipped where it is not installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg.cli import _PushProgress, app
from kg.remote import RemoteError, RemoteStore, _fix_bnodes, derive_query_endpoint, derive_update_endpoint

_BIN = Path(sys.executable).parent / "oxigraph"
OXIGRAPH = shutil.which("oxigraph") or (str(_BIN) if _BIN.exists() else None)

pytestmark = pytest.mark.skipif(
    OXIGRAPH is None,
    reason="the Oxigraph server binary 'oxigraph' is not installed (pip install oxigraph, "
           "part of the test extra: pip install -e '.[test]')")

KG = "https://w3id.org/kg/ontology#"
ART1 = "https://w3id.org/kg/article/aaaa000000000001"
ART2 = "https://w3id.org/kg/article/aaaa000000000002"
BIG_GRAPH = "https://example.org/graph/big"

# two articles' graphs, shaped as kg writes them: facts, evidence statements, the article
ARTICLES_TRIG = f"""\
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix kg: <{KG}> .
@prefix state: <https://w3id.org/kg/id/state/> .
@prefix person: <https://w3id.org/kg/id/person/> .
@prefix place: <https://w3id.org/kg/id/place/> .
@prefix treaty: <https://w3id.org/kg/id/treaty/> .
@prefix summit: <https://w3id.org/kg/id/summit/> .
@prefix visit: <https://w3id.org/kg/id/visit/> .

<{ART1}> {{
  <{ART1}> a kg:Article ; rdfs:label "Moscow and Pyongyang renew old treaty"@en ;
      dcterms:title "Moscow and Pyongyang renew old treaty" ; dcterms:date "2000-02-10"^^xsd:date ;
      dcterms:source "https://news.example/2000/treaty" .
  treaty:friendship-treaty-1961 a kg:Treaty ; rdfs:label "Treaty of Friendship, 1961"@en ;
      kg:party state:soviet-union , state:north-korea ; kg:signedOn "1961"^^xsd:gYear .
  treaty:friendship-treaty-2000 a kg:Treaty ; rdfs:label "Treaty of Friendship, 2000"@en ;
      kg:party state:russia , state:north-korea ; kg:signedOn "2000-02-09"^^xsd:date ;
      kg:replaces treaty:friendship-treaty-1961 .
  <{ART1}#f-1> a rdf:Statement ; rdf:subject treaty:friendship-treaty-2000 ;
      rdf:predicate kg:replaces ; rdf:object treaty:friendship-treaty-1961 ;
      prov:wasDerivedFrom <{ART1}> ; kg:section "body" ;
      kg:sentence "The new treaty replaces the 1961 \\"alliance\\" treaty." .
  <{ART1}#f-2> a rdf:Statement ; rdf:subject treaty:friendship-treaty-2000 ;
      rdf:predicate kg:signedOn ; rdf:object "2000-02-09"^^xsd:date ;
      prov:wasDerivedFrom <{ART1}> ; kg:section "body" ;
      kg:sentence "It was signed on 9 February 2000." .
}}

<{ART2}> {{
  <{ART2}> a kg:Article ; rdfs:label "Putin in Pyongyang"@en ; dcterms:title "Putin in Pyongyang" ;
      dcterms:date "2024-06-20"^^xsd:date ; dcterms:source "https://news.example/2024/putin" .
  treaty:friendship-treaty-2000 a kg:Treaty ; rdfs:label "Treaty of Friendship, 2000"@en ;
      kg:signedOn "2000-02-10"^^xsd:date .
  treaty:partnership-treaty-2024 a kg:Treaty ; rdfs:label "Treaty on Comprehensive Strategic Partnership"@en ;
      kg:party state:russia , state:north-korea ; kg:signatory person:vladimir-putin ;
      kg:signedOn "2024-06-19"^^xsd:date ; kg:signedAt place:pyongyang ;
      kg:replaces treaty:friendship-treaty-2000 .
  person:vladimir-putin a kg:Person ; rdfs:label "Vladimir Putin"@en ;
      kg:leaderOf state:russia ; kg:title "President" .
  person:kim-jong-un a kg:Person ; rdfs:label "Kim Jong Un"@en ; kg:leaderOf state:north-korea .
  person:choe-son-hui a kg:Person ; rdfs:label "Choe Son Hui"@en ; kg:officialOf state:north-korea ;
      kg:title "Foreign Minister" .
  summit:kim-jong-un-vladimir-putin-2024 a kg:Summit ; rdfs:label "Kim-Putin summit, 2024"@en ;
      kg:participant person:kim-jong-un , person:vladimir-putin ;
      kg:startDate "2024-06-19"^^xsd:date ; kg:location place:pyongyang .
  visit:choe-son-hui-russia-2024 a kg:Visit ; rdfs:label "Choe Son Hui's visit to Russia, 2024"@en ;
      kg:visitor person:choe-son-hui ; kg:destination state:russia ;
      kg:startDate "2024-01-14"^^xsd:date ; kg:endDate "2024-01-18"^^xsd:date .
  <{ART2}#f-1> a rdf:Statement ; rdf:subject treaty:partnership-treaty-2024 ;
      rdf:predicate kg:replaces ; rdf:object treaty:friendship-treaty-2000 ;
      prov:wasDerivedFrom <{ART2}> ; kg:section "body" ;
      kg:sentence "The pact supersedes the 2000 treaty." .
  <{ART2}#f-2> a rdf:Statement ; rdf:subject treaty:friendship-treaty-2000 ;
      rdf:predicate kg:signedOn ; rdf:object "2000-02-10"^^xsd:date ;
      prov:wasDerivedFrom <{ART2}> ; kg:section "body" ;
      kg:sentence "The 2000 treaty, signed on 10 February 2000, ..." .
  <{ART2}#f-3> a rdf:Statement ; rdf:subject person:vladimir-putin ;
      rdf:predicate kg:leaderOf ; rdf:object state:russia ;
      prov:wasDerivedFrom <{ART2}> ; kg:section "headline" ; kg:sentence "Putin in Pyongyang" .
}}
"""

# (question, params): every named question, some with a parameter
QUESTIONS = [
    ("treaty-replacements", []), ("treaty-replacements", ["treaty=1961"]),
    ("treaties", []), ("treaties", ["party=Russia"]), ("summits", []), ("leaders", []),
    ("leaders", ["state=north korea"]), ("visits", []), ("evidence", []),
    ("evidence", ["entity=Vladimir Putin"]), ("sources", ["entity=Treaty of Friendship, 2000"]),
    ("conflicts", []),
]

ARTICLE_TXT = """\
Posted March 3, 2023

Estonia and Latvia sign fisheries accord

TALLINN - Estonia and Latvia signed the Gulf of Riga Fisheries Accord in Tallinn on 2 March 2023.
"""


# -- the server ------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``oxigraph serve`` (or ``serve-read-only``) on 127.0.0.1 and a free port."""

    def __init__(self, location: Path, *, read_only: bool = False):
        self.location = location
        self.read_only = read_only
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query(self) -> str:
        return self.base + "/query"

    @property
    def gsp(self) -> str:
        return self.base + "/store"

    def start(self) -> "Server":
        self.port = _free_port()
        log = open(self.location.parent / f"{self.location.name}-{self.port}.log", "wb")  # noqa: SIM115
        cmd = [str(OXIGRAPH), "serve-read-only" if self.read_only else "serve",
               "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"]
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph exited with {self.proc.returncode}: "
                                   + Path(log.name).read_text(errors="replace")[-500:])
            try:
                with urllib.request.urlopen(self.query + "?query=ASK%7B%7D", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("oxigraph did not answer within 30 s")

    def kill(self) -> None:
        """SIGKILL: the server dies without a goodbye (as a crash would)."""
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One Oxigraph server for the module, stopped by pid at the end."""
    srv = Server(tmp_path_factory.mktemp("oxigraph") / "db").start()
    yield srv
    srv.stop()


@pytest.fixture
def fresh_server(tmp_path: Path) -> Iterator[Server]:
    """A server of this test's own (for tests that kill it or need it empty)."""
    srv = Server(tmp_path / "server-db").start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def articles_nq(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("articles") / "articles.nq"
    path.write_bytes(ox.serialize(ox.parse(ARTICLES_TRIG, ox.RdfFormat.TRIG), format=ox.RdfFormat.N_QUADS))
    return path


@pytest.fixture
def article_store(store_path: Path, articles_nq: Path, runner) -> Path:
    """An on-disk store: ontology, reference data and two article graphs."""
    result = runner.invoke(app, ["--store", str(store_path), "load", str(articles_nq)])
    assert result.exit_code == 0, result.stderr
    return store_path


def kg_cli(runner, store: str | Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args])


def one_error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and "Traceback" not in result.stderr
    return lines[0]


def _normalize(results: dict) -> list:
    """W3C JSON results as a sorted list of rows; GROUP_CONCAT lists compared as sets."""
    rows = []
    for b in results["results"]["bindings"]:
        row = []
        for var in results["head"]["vars"]:
            term = b.get(var)
            value = "" if term is None else term["value"]
            parts = sorted(p.strip() for p in re.split(r", | \| ", value))
            row.append((var, term and term["type"], tuple(parts)))
        rows.append(tuple(row))
    return sorted(rows)


def _count(url: str, graph: str | None = None) -> int:
    store = RemoteStore(url)
    try:
        return store.graph_size(graph) if graph else len(store)
    finally:
        store.close()


# -- tests ---------------------------------------------------------------------------


def test_push_then_read_commands_agree_with_the_embedded_store(runner, server, article_store) -> None:
    pushed = kg_cli(runner, article_store, "push", server.gsp)
    assert pushed.exit_code == 0, pushed.stderr
    assert re.match(r"pushed \d+ triples in 4 graphs to http://127\.0\.0\.1:\d+/store in ", pushed.stdout)
    for name, params in QUESTIONS:
        args = ["ask", name, "--format", "json", *sum((["--param", p] for p in params), [])]
        local = kg_cli(runner, article_store, *args)
        remote = kg_cli(runner, server.query, *args)
        assert local.exit_code == 0 and remote.exit_code == 0, (name, local.stderr, remote.stderr)
        local_rows = _normalize(json.loads(local.stdout))
        assert local_rows, (name, params)   # the sample answers every question
        assert _normalize(json.loads(remote.stdout)) == local_rows, (name, params)
    # the chain 2024 -> 2000 -> 1961 is found transitively on the server too
    chain = json.loads(kg_cli(runner, server.query, "ask", "treaty-replacements", "--format", "json").stdout)
    assert len(chain["results"]["bindings"]) == 3
    for args in (["stats"], ["query", "SELECT ?t ?d WHERE { ?t kg:signedOn ?d } ORDER BY ?d ?t",
                             "--format", "csv"], ["validate", "--format", "json"]):
        local, remote = kg_cli(runner, article_store, *args), kg_cli(runner, server.query, *args)
        assert (remote.exit_code, remote.stdout) == (local.exit_code, local.stdout), args


def test_export_from_the_server_matches(runner, server, article_store, tmp_path) -> None:
    assert kg_cli(runner, article_store, "push", server.gsp).exit_code == 0
    for fmt in ("nq", "nt"):
        local, remote = tmp_path / f"local.{fmt}", tmp_path / f"remote.{fmt}.gz"
        assert kg_cli(runner, article_store, "export", "--format", fmt, "-o", str(local)).exit_code == 0
        result = kg_cli(runner, server.query, "export", "--format", fmt, "-o", str(remote))
        assert result.exit_code == 0, result.stderr
        mine = kg.open(":memory:")
        theirs = kg.open(":memory:")
        mine.load([local], graph=None if fmt == "nq" else "urn:g")
        theirs.load([remote], graph=None if fmt == "nq" else "urn:g")
        # blank nodes (in the ontology) get new labels: compare the ground quads
        def ground(g: kg.KnowledgeGraph) -> set:
            return {q for q in g.store.quads() if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}
        assert ground(mine) == ground(theirs)
        assert len(mine.store) == len(theirs.store)
    one = kg_cli(runner, server.query, "export", "--format", "nt", "--graph", ART1)
    assert one.exit_code == 0 and f"<{ART1}>" in one.stdout
    missing = kg_cli(runner, server.query, "export", "--graph", "https://example.org/none")
    assert missing.exit_code == 2 and "no graph" in one_error_line(missing)


def test_push_twice_leaves_the_same_triples(runner, fresh_server, article_store) -> None:
    counts = []
    for _ in range(2):
        result = kg_cli(runner, article_store, "push", fresh_server.gsp)
        assert result.exit_code == 0, result.stderr
        counts.append(_count(fresh_server.query))
    with kg.open(article_store) as g:
        local = len(g.store)
    assert counts == [local, local]   # blank nodes (the ontology's) are not duplicated either


def test_push_one_graph_and_replace(runner, fresh_server, article_store) -> None:
    result = kg_cli(runner, article_store, "push", fresh_server.gsp, "--graph", ART1)
    assert result.exit_code == 0, result.stderr
    assert "in 1 graph " in result.stdout
    with kg.open(article_store) as g:
        assert _count(fresh_server.query, ART1) == g.store.graph_size(ART1)
    assert _count(fresh_server.query) == _count(fresh_server.query, ART1)
    # a graph the store does not have: kept by a plain push, deleted by --replace
    req = urllib.request.Request(fresh_server.gsp + "?graph=urn:other", method="PUT",
                                 data=b"<urn:a> <urn:b> <urn:c> .\n",
                                 headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(req).close()
    assert kg_cli(runner, article_store, "push", fresh_server.gsp).exit_code == 0
    assert _count(fresh_server.query, "urn:other") == 1
    replaced = kg_cli(runner, article_store, "push", fresh_server.gsp, "--replace")
    assert replaced.exit_code == 0, replaced.stderr
    assert "1 other graph deleted" in replaced.stdout
    assert _count(fresh_server.query, "urn:other") == 0
    missing = kg_cli(runner, article_store, "push", fresh_server.gsp, "--graph", "https://example.org/none")
    assert missing.exit_code == 2 and "no graph" in one_error_line(missing)


def test_ingest_straight_into_the_server(runner, fresh_server, store_path, tmp_path) -> None:
    article = tmp_path / "accord.txt"
    article.write_text(ARTICLE_TXT, encoding="utf-8")
    reports = []
    for store in (fresh_server.query, store_path):   # the same article, the same report and facts
        result = kg_cli(runner, store, "ingest", str(article), "--url", "https://news.example/accord")
        assert result.exit_code == 0, result.stderr
        assert "facts added" in result.stdout
        reports.append(result.stdout)
    assert reports[0] == reports[1]
    for args in (["ask", "treaties", "--format", "json"], ["ask", "evidence", "--format", "json"]):
        remote, local = kg_cli(runner, fresh_server.query, *args), kg_cli(runner, store_path, *args)
        assert _normalize(json.loads(remote.stdout)) == _normalize(json.loads(local.stdout))
        assert json.loads(remote.stdout)["results"]["bindings"], args
    assert kg_cli(runner, fresh_server.query, "stats").stdout == kg_cli(runner, store_path, "stats").stdout
    sources = kg_cli(runner, fresh_server.query, "ask", "sources", "--param", "entity=Estonia", "--format", "csv")
    assert "https://news.example/accord" in sources.stdout
    removed = kg_cli(runner, fresh_server.query, "remove", "https://news.example/accord")
    assert removed.exit_code == 0, removed.stderr
    assert kg_cli(runner, fresh_server.query, "stats").stdout.splitlines()[1].split() == ["articles", "0"]


def test_load_into_the_server_and_parameters_are_bound_not_pasted(runner, fresh_server, articles_nq) -> None:
    loaded = kg_cli(runner, fresh_server.query, "load", str(articles_nq))
    assert loaded.exit_code == 0, loaded.stderr
    before = _count(fresh_server.query)
    evil = 'x" } } ; DROP ALL ; SELECT * { ?a ?b "'
    for name, param in (("sources", "entity"), ("treaties", "party"), ("evidence", "entity")):
        result = kg_cli(runner, fresh_server.query, "ask", name, "--param", f"{param}={evil}", "--format", "csv")
        assert result.exit_code == 0, result.stderr
        assert len(result.stdout.splitlines()) == 1   # the header only
    assert _count(fresh_server.query) == before
    refused = kg_cli(runner, fresh_server.query, "query", "DROP ALL")
    assert refused.exit_code == 2 and "--update" in one_error_line(refused)
    bad = kg_cli(runner, fresh_server.query, "query", "SELECT * WHERE { ?s ?p }")
    assert bad.exit_code == 2 and "line 1 column" in one_error_line(bad)
    assert _count(fresh_server.query) == before


def test_server_killed_mid_push_then_push_again(runner, fresh_server, store_path, monkeypatch) -> None:
    data = "".join(f'<https://example.org/s{i // 10}> <https://example.org/p{i % 10}> "value {i}" .\n'
                   for i in range(120_000)).encode()
    with kg.open(store_path) as g:   # straight into the engine: kg load is tested elsewhere
        g.store.engine.load(data, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(BIG_GRAPH))

    calls = []

    def kill_after_first_batch(self, sent: int, total: int, graph: str) -> None:
        calls.append(sent)
        if graph == BIG_GRAPH and sent >= 50_000:
            fresh_server.kill()

    monkeypatch.setattr(_PushProgress, "__call__", kill_after_first_batch)
    result = kg_cli(runner, store_path, "push", fresh_server.gsp, "--graph", BIG_GRAPH)
    assert result.exit_code == 2
    line = one_error_line(result)
    assert "failed" in line and "50000 of 120000 triples sent" in line, line
    monkeypatch.undo()
    fresh_server.start()   # the same location, after a crash
    assert 0 < _count(fresh_server.query, BIG_GRAPH) < 120_000
    again = kg_cli(runner, store_path, "push", fresh_server.gsp, "--graph", BIG_GRAPH)
    assert again.exit_code == 0, again.stderr
    assert _count(fresh_server.query, BIG_GRAPH) == 120_000
    store = RemoteStore(fresh_server.query)
    try:
        assert store.query("ASK { GRAPH <%s> { <https://example.org/s11999> "
                           "<https://example.org/p9> \"value 119999\" } }" % BIG_GRAPH).boolean
        subjects = store.query(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{BIG_GRAPH}> {{ ?s ?p ?o }} }}")
        assert next(iter(subjects))[0].value == "12000"
    finally:
        store.close()


def test_refused_push_reports_the_http_status(runner, article_store, tmp_path) -> None:
    location = tmp_path / "ro-db"
    ox.Store(str(location)).flush()   # an empty database for the read-only server
    srv = Server(location, read_only=True).start()
    try:
        result = kg_cli(runner, article_store, "push", srv.gsp)
        assert result.exit_code == 2
        line = one_error_line(result)
        assert "HTTP 403" in line and "read-only" in line, line
    finally:
        srv.stop()


def test_unreachable_endpoints_are_one_clean_line(runner, article_store) -> None:
    port = _free_port()   # nobody listens there
    pushed = kg_cli(runner, article_store, "push", f"http://127.0.0.1:{port}/store")
    assert pushed.exit_code == 2 and "connection refused" in one_error_line(pushed)
    queried = kg_cli(runner, f"http://127.0.0.1:{port}/query", "stats")
    assert queried.exit_code == 2 and "connection refused" in one_error_line(queried)
    bad = kg_cli(runner, article_store, "push", "ftp://example.org/store")
    assert bad.exit_code == 2


def test_endpoint_derivation() -> None:
    assert derive_update_endpoint("http://h:7878/query") == "http://h:7878/update"
    assert derive_update_endpoint("http://h:3030/ds/query") == "http://h:3030/ds/update"
    assert derive_update_endpoint("http://h:3030/ds/sparql") == "http://h:3030/ds/update"
    assert derive_update_endpoint("http://h:7200/repositories/kg") == "http://h:7200/repositories/kg/statements"
    assert derive_update_endpoint("http://h:8890/sparql") == "http://h:8890/sparql"
    assert derive_update_endpoint("http://h/whatever") is None
    assert derive_query_endpoint("http://h:7878/store") == "http://h:7878/query"
    assert derive_query_endpoint("http://h:3030/ds/data") == "http://h:3030/ds/query"
    assert derive_query_endpoint("http://h:8890/sparql-graph-crud") == "http://h:8890/sparql"


def test_a_default_graph_that_is_not_the_union_is_refused(server) -> None:
    store = RemoteStore(server.query)
    try:
        store.union_param, store._union_checked = False, False   # as on a server that cannot be asked
        with pytest.raises(RemoteError, match="not the union of its named graphs"):
            store._check_union()
    finally:
        store.close()


def test_virtuoso_blank_nodes_are_read() -> None:
    data = (b'{ "head": { "vars": ["s"] }, "results": { "bindings": [\n'
            b'  { "s": { "type": "bnode", "value": "nodeID://b10001" }} ] } }')
    [solution] = list(ox.parse_query_results(_fix_bnodes(data), ox.QueryResultsFormat.JSON))
    assert isinstance(solution["s"], ox.BlankNode)


@pytest.mark.parametrize("question", [["treaties"], ["treaty-replacements"], ["summits"], ["leaders"],
                                      ["visits"], ["conflicts"], ["evidence", "--param", "entity=Russia"],
                                      ["sources", "--param", "entity=Russia"], ["stats"]])
def test_questions_right_on_a_server_whose_union_repeats_triples(runner, fresh_server, store_path,
                                                                 sample_ttl, question) -> None:
    # Oxigraph server's union default graph gives one solution per graph holding a triple
    # (oxigraph#1919); kg's own questions deduplicate, so they answer as the embedded store's view
    for store in (fresh_server.query, store_path):
        for graph in ("urn:g:one", "urn:g:two"):
            assert kg_cli(runner, store, "load", str(sample_ttl), "--graph", graph).exit_code == 0
    cmd = question if question == ["stats"] else ["ask", *question, "--format", "json"]
    remote, local = kg_cli(runner, fresh_server.query, *cmd), kg_cli(runner, store_path, *cmd)
    assert remote.exit_code == local.exit_code == 0, remote.stderr + local.stderr
    if question == ["stats"]:
        assert remote.stdout.split("graphs")[1] == local.stdout.split("graphs")[1]  # entity counts
    else:
        assert _normalize(json.loads(remote.stdout)) == _normalize(json.loads(local.stdout))
