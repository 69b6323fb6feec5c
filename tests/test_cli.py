"""The ``kg`` command, driven through typer's CliRunner (and ``main()`` for exit codes).

Every command runs against an on-disk store of its own (``--store PATH``).
User mistakes must give exit code 2, exactly one line on stderr starting
``Error:``, no traceback, and leave the store as it was.
"""

from __future__ import annotations

import csv
import gzip
import re
import io
import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

import kg
from kg.cli import app, main
from kg.store import MEMORY, KgStore

KG_NS = "https://w3id.org/kg/ontology#"
TREATY = "https://w3id.org/kg/id/treaty/"
T1961 = TREATY + "friendship-treaty-1961"
T2000 = TREATY + "friendship-treaty-2000"
T2024 = TREATY + "comprehensive-strategic-partnership-treaty-2024"
IN_FILE_GRAPH = "https://example.org/graph/in-file"
OTHER_GRAPH = "https://example.org/graph/other"
ARTICLE_GRAPH = "https://w3id.org/kg/article/abc123"
SRX = "{http://www.w3.org/2005/sparql-results#}"
QUESTIONS = ["conflicts", "duplicates", "evidence", "leaders", "roles", "sources", "summits", "treaties",
             "treaty-replacements", "visits"]
COMMANDS = ["query", "ask", "load", "ingest", "remove", "merge", "split", "export", "stats", "validate", "reason"]
HAVE_JAVA = shutil.which("java") is not None

TREATY_DATES = ("SELECT ?t ?d WHERE { ?t a kg:Treaty ; kg:signedOn ?d } ORDER BY ?d")

ARTICLE_NQ = (
    f'<{ARTICLE_GRAPH}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG_NS}Article> <{ARTICLE_GRAPH}> .\n'
    f'<{ARTICLE_GRAPH}> <http://www.w3.org/2000/01/rdf-schema#label> "An article"@en <{ARTICLE_GRAPH}> .\n'
    f'<{ARTICLE_GRAPH}> <http://purl.org/dc/terms/source> "https://news.example/abc" <{ARTICLE_GRAPH}> .\n'
)

BAD_TURTLE = (
    "@prefix kg: <https://w3id.org/kg/ontology#> .\n"
    "<urn:a> kg:party <urn:b> .\n"
    '<urn:c> kg:title "unterminated .\n'
)

# a treaty with one party: breaks the shape "A treaty needs at least two parties"
ONE_PARTY_TTL = """\
@prefix kg: <https://w3id.org/kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/kg/id/treaty/lonely-treaty-2020> a kg:Treaty ; rdfs:label "Lonely Treaty"@en ;
    kg:party <https://w3id.org/kg/id/state/russia> .
"""

ARTICLE_TXT = (
    "Posted March. 3, 2023 10:00\n\n"
    "Chilean President Gabriel Boric met Argentine President Alberto Fernandez in Santiago "
    "on March 2, 2023. The two leaders discussed trade and energy. "
    "They agreed to meet again next year.\n"
)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def invoke(runner, store: Path | str, *args: str, **kwargs):
    return runner.invoke(app, ["--store", str(store), *args], **kwargs)


def triple_count(store: Path) -> int:
    with kg.open(store) as g:
        return len(g.store)


def assert_error(result, line: str | None = None, *, code: int = 2, startswith: str = "Error: ") -> str:
    """Exit ``code``, one line on stderr starting ``Error:`` (equal to ``line`` if given), no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(startswith), lines[0]
    assert "Traceback" not in result.output
    if line is not None:
        assert lines[0] == line
    return lines[0]


def write_variant(sample_ttl: Path, fmt: str, folder: Path) -> Path:
    """The sample in another serialization (graph formats put it in IN_FILE_GRAPH)."""
    triples = list(ox.parse(path=str(sample_ttl), format=ox.RdfFormat.TURTLE))
    if fmt in ("nq", "trig"):
        graph = ox.NamedNode(IN_FILE_GRAPH)
        data = ox.serialize([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples],
                            format={"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[fmt])
    else:
        data = Graph().parse(sample_ttl, format="turtle").serialize(
            format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "rdf": "xml", "xml": "xml"}[fmt],
            encoding="utf-8")
    path = folder / f"variant.{fmt}"
    path.write_bytes(data)
    return path


def _as_graph(quads) -> Graph:
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def rdflib_graphs(store: KgStore) -> dict[str, Graph]:
    """Every named graph of a store as an rdflib Graph (read straight from the engine)."""
    return {name: _as_graph(store.engine.quads_for_pattern(None, None, None, ox.NamedNode(name)))
            for name in store.named_graphs()}


def union_graph(store: KgStore) -> Graph:
    """The union of the named graphs of a store as one rdflib Graph."""
    return _as_graph(store.quads())


@pytest.fixture
def article_store(sample_store: Path, tmp_path: Path) -> Path:
    """The sample store plus an article graph (kg:Article) named ARTICLE_GRAPH."""
    path = tmp_path / "article.nq"
    path.write_text(ARTICLE_NQ, encoding="utf-8")
    with kg.open(sample_store) as g:
        g.load([path])
    return sample_store


# ---------------------------------------------------------------------------
# help
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]], ids=["kg", *COMMANDS])
def test_cli_help_mentions_example(runner, command) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


# ---------------------------------------------------------------------------
# load
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "rdf", "xml"])
def test_cli_load_triples_format_from_extension(runner, store_path, sample_ttl, tmp_path, fmt) -> None:
    path = write_variant(sample_ttl, fmt, tmp_path)
    result = invoke(runner, store_path, "load", str(path))
    assert result.exit_code == 0, result.stderr
    with kg.open(store_path) as g:
        assert g.store.query(
            f"ASK {{ GRAPH <{path.resolve().as_uri()}> {{ <{T2024}> kg:replaces <{T2000}> }} }}").boolean


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_cli_load_quads_keep_their_graph(runner, store_path, sample_ttl, tmp_path, fmt) -> None:
    path = write_variant(sample_ttl, fmt, tmp_path)
    result = invoke(runner, store_path, "load", str(path))
    assert result.exit_code == 0, result.stderr
    with kg.open(store_path) as g:
        assert g.store.query(
            f"ASK {{ GRAPH <{IN_FILE_GRAPH}> {{ <{T2024}> kg:replaces <{T2000}> }} }}").boolean


def test_cli_load_prints_summary(runner, store_path, sample_ttl) -> None:
    result = invoke(runner, store_path, "load", str(sample_ttl))
    assert re.fullmatch(r"loaded 50 triples into graph <file:///\S+>\n", result.stdout), result.stdout


def test_cli_load_graph_option_names_the_graph(runner, store_path, sample_ttl) -> None:
    invoke(runner, store_path, "load", str(sample_ttl), "--graph", OTHER_GRAPH)
    with kg.open(store_path) as g:
        assert g.store.graph_size(OTHER_GRAPH) == 50


def test_cli_load_graph_option_overrides_graphs_in_file(runner, store_path, sample_ttl, tmp_path) -> None:
    path = write_variant(sample_ttl, "nq", tmp_path)
    invoke(runner, store_path, "load", str(path), "--graph", OTHER_GRAPH)
    with kg.open(store_path) as g:
        assert (g.store.graph_size(OTHER_GRAPH), g.store.has_graph(IN_FILE_GRAPH)) == (50, False)


@pytest.mark.parametrize(("fmt", "name"), [("ttl", "data.txt"), ("ttl", "data.nt"), ("nt", "data.rdf")])
def test_cli_load_format_option_forces_format(runner, store_path, sample_ttl, tmp_path, fmt, name) -> None:
    source = write_variant(sample_ttl, fmt, tmp_path)
    path = tmp_path / name
    path.write_bytes(source.read_bytes())
    result = invoke(runner, store_path, "load", str(path), "--format", fmt)
    assert re.fullmatch(r"loaded 50 triples into graph <file:///\S+>\n", result.stdout), result.stdout


def test_cli_load_unknown_extension_is_exit_2(runner, store_path, sample_ttl, tmp_path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(sample_ttl.read_bytes())
    result = invoke(runner, store_path, "load", str(path))
    assert_error(result, f"Error: {path}: cannot tell the RDF format from the extension '.txt'; "
                         "use --format ttl|nt|nq|trig|jsonld|xml")


def test_cli_load_gzip_file(runner, store_path, sample_ttl, tmp_path) -> None:
    path = tmp_path / "sample.ttl.gz"
    path.write_bytes(gzip.compress(sample_ttl.read_bytes()))
    result = invoke(runner, store_path, "load", str(path))
    assert re.fullmatch(r"loaded 50 triples into graph <file:///\S+>\n", result.stdout), result.stdout


def test_cli_load_malformed_turtle_names_file_and_position(runner, store_path, tmp_path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(BAD_TURTLE, encoding="utf-8")
    line = assert_error(invoke(runner, store_path, "load", str(path)))
    assert line.startswith(f"Error: {path}: malformed ttl: ") and "line 3 column" in line


def test_cli_load_malformed_turtle_leaves_store_unchanged(runner, store_path, tmp_path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(BAD_TURTLE, encoding="utf-8")
    before = triple_count(store_path)
    invoke(runner, store_path, "load", str(path))
    assert triple_count(store_path) == before


def test_cli_load_missing_file_is_exit_2(runner, store_path, tmp_path) -> None:
    path = tmp_path / "missing.ttl"
    assert_error(invoke(runner, store_path, "load", str(path)), f"Error: {path}: no such file")


def test_cli_load_missing_file_leaves_store_unchanged(runner, store_path, sample_ttl, tmp_path) -> None:
    before = triple_count(store_path)
    invoke(runner, store_path, "load", str(sample_ttl), str(tmp_path / "missing.ttl"))
    assert triple_count(store_path) == before


def test_cli_load_second_file_malformed_loads_nothing(runner, store_path, sample_ttl, tmp_path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD_TURTLE, encoding="utf-8")
    before = triple_count(store_path)
    result = invoke(runner, store_path, "load", str(sample_ttl), str(bad))
    assert (result.exit_code, triple_count(store_path)) == (2, before)


# ---------------------------------------------------------------------------
# query
# ---------------------------------------------------------------------------


def test_cli_query_table(runner, sample_store) -> None:
    result = invoke(runner, sample_store, "query", TREATY_DATES)
    lines = result.stdout.splitlines()
    assert (lines[0].split(), lines[2].split(), lines[-1]) == (
        ["t", "d"], ["treaty/friendship-treaty-1961", "1961"], "(3 rows)")


def test_cli_query_json_is_w3c_results(runner, sample_store) -> None:
    data = json.loads(invoke(runner, sample_store, "query", TREATY_DATES, "--format", "json").stdout)
    assert data["head"]["vars"] == ["t", "d"]
    assert [(b["t"]["value"], b["d"]["value"], b["d"]["datatype"]) for b in data["results"]["bindings"]] == [
        (T1961, "1961", "http://www.w3.org/2001/XMLSchema#gYear"),
        (T2000, "2000-02-09", "http://www.w3.org/2001/XMLSchema#date"),
        (T2024, "2024-06-19", "http://www.w3.org/2001/XMLSchema#date"),
    ]


def test_cli_query_xml_is_w3c_results(runner, sample_store) -> None:
    root = ET.fromstring(invoke(runner, sample_store, "query", TREATY_DATES, "--format", "xml").stdout)
    names = [v.get("name") for v in root.find(f"{SRX}head")]
    rows = [{b.get("name"): b[0].text for b in r} for r in root.find(f"{SRX}results")]
    assert (names, [r["d"] for r in rows], rows[0]["t"]) == (["t", "d"], ["1961", "2000-02-09", "2024-06-19"], T1961)


def test_cli_query_csv_is_w3c_results(runner, sample_store) -> None:
    rows = list(csv.reader(io.StringIO(invoke(runner, sample_store, "query", TREATY_DATES, "--format", "csv").stdout)))
    assert rows == [["t", "d"], [T1961, "1961"], [T2000, "2000-02-09"], [T2024, "2024-06-19"]]


def test_cli_query_tsv_is_w3c_results(runner, sample_store) -> None:
    out = invoke(runner, sample_store, "query", TREATY_DATES, "--format", "tsv").stdout
    rows = list(csv.reader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[:2] == [["?t", "?d"], [f"<{T1961}>", '"1961"^^<http://www.w3.org/2001/XMLSchema#gYear>']]


@pytest.mark.parametrize(("query", "expected"), [
    (f"ASK {{ <{T2024}> kg:replaces <{T2000}> }}", True),
    (f"ASK {{ <{T2000}> kg:replaces <{T2024}> }}", False),
])
@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_cli_query_ask_plain(runner, sample_store, query, expected, fmt) -> None:
    result = invoke(runner, sample_store, "query", query, "--format", fmt)
    assert (result.exit_code, result.stdout) == (0, f"{str(expected).lower()}\n")


@pytest.mark.parametrize(("query", "expected"), [
    (f"ASK {{ <{T2024}> kg:replaces <{T2000}> }}", True),
    (f"ASK {{ <{T2000}> kg:replaces <{T2024}> }}", False),
])
def test_cli_query_ask_json(runner, sample_store, query, expected) -> None:
    result = invoke(runner, sample_store, "query", query, "--format", "json")
    assert json.loads(result.stdout)["boolean"] is expected


@pytest.mark.parametrize(("query", "expected"), [
    (f"ASK {{ <{T2024}> kg:replaces <{T2000}> }}", "true"),
    (f"ASK {{ <{T2000}> kg:replaces <{T2024}> }}", "false"),
])
def test_cli_query_ask_xml(runner, sample_store, query, expected) -> None:
    result = invoke(runner, sample_store, "query", query, "--format", "xml")
    assert ET.fromstring(result.stdout).find(f"{SRX}boolean").text == expected


def test_cli_query_construct_prints_turtle(runner, sample_store) -> None:
    result = invoke(runner, sample_store, "query", "CONSTRUCT { ?a kg:replaces ?b } WHERE { ?a kg:replaces ?b }")
    g = Graph().parse(data=result.stdout, format="turtle")
    assert set(g) == {(URIRef(T2024), URIRef(KG_NS + "replaces"), URIRef(T2000)),
                      (URIRef(T2000), URIRef(KG_NS + "replaces"), URIRef(T1961))}


def test_cli_query_from_file(runner, sample_store, tmp_path) -> None:
    path = tmp_path / "q.rq"
    path.write_text(TREATY_DATES, encoding="utf-8")
    result = invoke(runner, sample_store, "query", f"@{path}", "--format", "csv")
    assert result.stdout.splitlines()[1:] == [f"{T1961},1961", f"{T2000},2000-02-09", f"{T2024},2024-06-19"]


def test_cli_query_from_missing_file_is_exit_2(runner, sample_store, tmp_path) -> None:
    path = tmp_path / "missing.rq"
    assert_error(invoke(runner, sample_store, "query", f"@{path}"), f"Error: {path}: no such query file")


def test_cli_query_from_stdin(runner, sample_store) -> None:
    result = invoke(runner, sample_store, "query", "-", "--format", "csv", input=TREATY_DATES)
    assert result.stdout.splitlines()[1] == f"{T1961},1961"


def test_cli_query_prefixes_are_predeclared(runner, sample_store) -> None:
    query = "SELECT DISTINCT ?alt WHERE { ?s a kg:State ; owl:sameAs wd:Q159 ; skos:altLabel ?alt }"
    result = invoke(runner, sample_store, "query", query, "--format", "csv")
    assert result.stdout.splitlines() == ["alt", "Russian Federation"]


def test_cli_query_default_graph_is_union(runner, store_path, tmp_path) -> None:
    (tmp_path / "a.ttl").write_text(f"<{T2024}> <{KG_NS}party> <urn:x:state> .\n", encoding="utf-8")
    (tmp_path / "b.ttl").write_text('<urn:x:state> <http://www.w3.org/2000/01/rdf-schema#label> "Xland" .\n',
                                    encoding="utf-8")
    invoke(runner, store_path, "load", str(tmp_path / "a.ttl"), "--graph", "urn:g:one")
    invoke(runner, store_path, "load", str(tmp_path / "b.ttl"), "--graph", "urn:g:two")
    result = invoke(runner, store_path, "query", "SELECT ?n WHERE { ?t kg:party ?s . ?s rdfs:label ?n }",
                    "--format", "csv")
    assert result.stdout.splitlines() == ["n", "Xland"]


def test_cli_query_comment_with_keyword_is_not_an_update(runner, sample_store) -> None:
    # regression: "# ... joined with ..." was read as a SPARQL Update starting with WITH
    query = "# treaties joined with their dates\nSELECT ?t WHERE { ?t a kg:Treaty }"
    result = invoke(runner, sample_store, "query", query, "--format", "csv")
    assert (result.exit_code, len(result.stdout.splitlines())) == (0, 4)


def test_cli_query_malformed_is_exit_2_one_line(runner, sample_store) -> None:
    line = assert_error(invoke(runner, sample_store, "query", "SELECT * WHERE { ?s ?p }"))
    assert line.startswith("Error: malformed SPARQL query: ")


def test_cli_query_malformed_leaves_store_unchanged(runner, sample_store) -> None:
    before = triple_count(sample_store)
    invoke(runner, sample_store, "query", "SELECT * WHERE { ?s ?p }")
    assert triple_count(sample_store) == before


UPDATES = [
    "INSERT DATA { GRAPH <urn:g:x> { <urn:a> <urn:b> <urn:c> } }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR ALL",
    "PREFIX ex: <http://example.org/#>\n# a comment\nDELETE { ?s ?p ?o } WHERE { ?s ex:p ?o }",
    "with <urn:g:x> delete { ?s ?p ?o } where { ?s ?p ?o }",
]


@pytest.mark.parametrize("update", UPDATES)
def test_cli_query_update_refused_without_option(runner, sample_store, update) -> None:
    assert_error(invoke(runner, sample_store, "query", update),
                 "Error: this is a SPARQL Update; kg query is read-only unless --update is given")


@pytest.mark.parametrize("update", [UPDATES[0], UPDATES[2]])
def test_cli_query_update_refused_leaves_store_unchanged(runner, sample_store, update) -> None:
    before = triple_count(sample_store)
    invoke(runner, sample_store, "query", update)
    assert triple_count(sample_store) == before


def test_cli_query_update_allowed_with_option(runner, sample_store) -> None:
    result = invoke(runner, sample_store, "query", "--update",
                    "INSERT DATA { GRAPH <urn:g:x> { <urn:a> <urn:b> <urn:c> } }")
    assert result.exit_code == 0
    with kg.open(sample_store) as g:
        assert g.query("ASK { <urn:a> <urn:b> <urn:c> }").boolean


def test_cli_query_service_refused(runner, sample_store) -> None:
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    assert_error(invoke(runner, sample_store, "query", query),
                 "Error: SERVICE clauses are refused (no network access from a query); use --allow-service")


@pytest.mark.parametrize("query", [
    'SELECT ?x WHERE { BIND("SERVICE" AS ?x) }',
    "# no SERVICE here\nSELECT ?x WHERE { BIND(1 AS ?x) }",
])
def test_cli_query_service_word_in_string_or_comment_allowed(runner, sample_store, query) -> None:
    assert invoke(runner, sample_store, "query", query).exit_code == 0


def test_cli_store_from_env(runner, sample_store) -> None:
    result = runner.invoke(app, ["query", TREATY_DATES, "--format", "csv"], env={"KG_STORE": str(sample_store)})
    assert len(result.stdout.splitlines()) == 4


# ---------------------------------------------------------------------------
# ask
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "params"), [
    ("treaty-replacements", []), ("treaties", []), ("summits", []), ("leaders", []), ("visits", []),
    ("sources", ["--param", "entity=Russia"]), ("evidence", []), ("conflicts", []),
])
def test_cli_ask_each_question_answers_json(runner, sample_store, name, params) -> None:
    result = invoke(runner, sample_store, "ask", name, *params, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "bindings" in json.loads(result.stdout)["results"]


def test_cli_ask_treaty_replacements_gives_chain(runner, sample_store) -> None:
    out = invoke(runner, sample_store, "ask", "treaty-replacements", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted((r["treaty"], r["signedOn"], r["replaced"], r["replacedSignedOn"]) for r in rows) == sorted([
        (T2000, "2000-02-09", T1961, "1961"),
        (T2024, "2024-06-19", T1961, "1961"),
        (T2024, "2024-06-19", T2000, "2000-02-09"),
    ])


@pytest.mark.parametrize(("name", "column", "expected"), [
    ("treaties", "name", ["Treaty of Friendship, Co-operation and Mutual Assistance",
                          "Treaty of Friendship, Good-Neighbourliness and Cooperation",
                          "Treaty on Comprehensive Strategic Partnership"]),
    ("summits", "participants", ["Kim Jong Un, Vladimir Putin"]),
    ("visits", "visitorName", ["Choi Son Hui"]),
])
def test_cli_ask_question_rows(runner, sample_store, name, column, expected) -> None:
    out = invoke(runner, sample_store, "ask", name, "--format", "csv").stdout
    assert [r[column] for r in csv.DictReader(io.StringIO(out))] == expected


def test_cli_ask_leaders_with_param(runner, sample_store) -> None:
    out = invoke(runner, sample_store, "ask", "leaders", "--param", "state=russia", "--format", "csv").stdout
    assert [(r["name"], r["title"], r["leader"]) for r in csv.DictReader(io.StringIO(out))] == [
        ("Vladimir Putin", "President", "true")]


def signed_on_article(key: str, date: str) -> str:
    """TriG: an article graph saying (with its provenance statement) when T2024 was signed."""
    article = f"https://w3id.org/kg/article/{key}"
    return (
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        f"@prefix kg: <{KG_NS}> .\n"
        f"<{article}> {{\n"
        f"  <{article}> a kg:Article .\n"
        f"  <{T2024}> kg:signedOn {date} .\n"
        f"  <{article}#f-1> a rdf:Statement ; rdf:subject <{T2024}> ; rdf:predicate kg:signedOn ;\n"
        f"      rdf:object {date} ; prov:wasDerivedFrom <{article}> ; kg:sentence \"Signed.\" .\n"
        "}\n"
    )


@pytest.mark.parametrize(("dates", "expected"), [
    (['"2024-06-19"^^xsd:date', '"2024-06-18"^^xsd:date'], ["2024-06-18", "2024-06-19"]),
    (['"2024-06-19"^^xsd:date', '"2024-06"^^xsd:gYearMonth'], []),
], ids=["different-days", "coarser-agrees"])
def test_cli_ask_conflicts(runner, sample_store, tmp_path, dates, expected) -> None:
    files = []
    for i, date in enumerate(dates):
        files.append(tmp_path / f"article{i}.trig")
        files[-1].write_text(signed_on_article(f"{i:016x}", date), encoding="utf-8")
    invoke(runner, sample_store, "load", *map(str, files))
    out = invoke(runner, sample_store, "ask", "conflicts", "--format", "csv").stdout
    assert sorted(r["value"] for r in csv.DictReader(io.StringIO(out))) == expected


@pytest.mark.parametrize("name", QUESTIONS)
def test_cli_ask_without_name_lists_questions(runner, store_path, name) -> None:
    result = invoke(runner, store_path, "ask")
    assert name in [line.split()[0] for line in result.stdout.splitlines()]


def test_cli_ask_unknown_question_is_exit_2(runner, store_path) -> None:
    assert_error(invoke(runner, store_path, "ask", "nope"),
                 "Error: unknown question 'nope'; known: " + ", ".join(QUESTIONS))


@pytest.mark.parametrize("param", ["entity", "=Russia", "1x=y"])
def test_cli_ask_bad_param_is_exit_2(runner, store_path, param) -> None:
    assert_error(invoke(runner, store_path, "ask", "sources", "--param", param),
                 f"Error: bad --param '{param}': expected key=value")


def test_cli_ask_unknown_param_is_exit_2(runner, store_path) -> None:
    assert_error(invoke(runner, store_path, "ask", "treaties", "--param", "colour=red"),
                 "Error: question 'treaties' has no parameter 'colour' (parameters: treaty, party)")


def test_cli_ask_missing_required_param_is_exit_2(runner, store_path) -> None:
    line = assert_error(invoke(runner, store_path, "ask", "sources"))
    assert line.startswith("Error: question 'sources' needs --param entity=VALUE")


INJECTION = '"} ; DROP ALL ; {'


@pytest.mark.parametrize(("name", "key"), [
    ("sources", "entity"), ("evidence", "entity"), ("treaties", "treaty"), ("treaties", "party"),
    ("leaders", "state"), ("summits", "person"), ("visits", "person"), ("treaty-replacements", "treaty"),
])
def test_cli_ask_param_injection_matches_nothing(runner, sample_store, name, key) -> None:
    result = invoke(runner, sample_store, "ask", name, "--param", f"{key}={INJECTION}", "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)["results"]["bindings"]) == (0, [])


def test_cli_ask_param_injection_leaves_store_unchanged(runner, sample_store) -> None:
    before = triple_count(sample_store)
    invoke(runner, sample_store, "ask", "sources", "--param", f"entity={INJECTION}")
    assert triple_count(sample_store) == before


# ---------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_cli_export_graph_formats_round_trip(runner, article_store, tmp_path, fmt) -> None:
    out = tmp_path / f"dump.{fmt}"
    assert invoke(runner, article_store, "export", "--format", fmt, "-o", str(out)).exit_code == 0
    fresh = KgStore(MEMORY)
    fresh.load_files([out])
    with kg.open(article_store) as g:
        expected = rdflib_graphs(g.store)
    got = rdflib_graphs(fresh)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if not isomorphic(expected[name], got[name])] == []


@pytest.mark.parametrize("fmt", ["ttl", "nt", "xml"])
def test_cli_export_triple_formats_round_trip_union(runner, article_store, tmp_path, fmt) -> None:
    out = tmp_path / f"dump.{fmt}"
    assert invoke(runner, article_store, "export", "--format", fmt, "-o", str(out)).exit_code == 0
    fresh = KgStore(MEMORY)
    fresh.load_files([out], graph="urn:g:dump")
    with kg.open(article_store) as g:
        expected = union_graph(g.store)
    assert isomorphic(rdflib_graphs(fresh)["urn:g:dump"], expected)


def test_cli_export_round_trip_through_cli_load(runner, article_store, store_factory, tmp_path, sample_graph) -> None:
    out = tmp_path / "dump.nq"
    invoke(runner, article_store, "export", "-o", str(out))
    other = store_factory()
    assert invoke(runner, other, "load", str(out)).exit_code == 0
    with kg.open(article_store) as a, kg.open(other) as b:
        assert [isomorphic(a.graph(n), b.graph(n)) for n in (sample_graph, ARTICLE_GRAPH)] == [True, True]


def test_cli_export_gz_is_gzip(runner, sample_store, tmp_path, sample_graph) -> None:
    out = tmp_path / "dump.nq.gz"
    invoke(runner, sample_store, "export", "-o", str(out))
    quads = ox.parse(gzip.decompress(out.read_bytes()), ox.RdfFormat.N_QUADS)
    assert sum(1 for q in quads if q.graph_name.value == sample_graph) == 50


def test_cli_export_stdout(runner, sample_store, sample_graph, sample_ttl) -> None:
    result = invoke(runner, sample_store, "export", "--format", "nt", "--graph", sample_graph)
    assert isomorphic(Graph().parse(data=result.stdout, format="nt"), Graph().parse(sample_ttl))


@pytest.mark.parametrize("name", ["no-such-folder/out.nq", "no-such-folder/out.nq.gz"])
def test_cli_export_to_a_missing_folder_is_exit_2(runner, sample_store, tmp_path, name) -> None:
    out = tmp_path / name
    assert_error(invoke(runner, sample_store, "export", "-o", str(out)),
                 f"Error: {out}: cannot write the file (No such file or directory)")
    assert not out.parent.exists()


def test_cli_export_failure_leaves_no_half_written_file(runner, sample_store, tmp_path, monkeypatch) -> None:
    # the file appears only once everything is written; an old file of that name is kept
    out = tmp_path / "out.nq"
    out.write_text("old\n", encoding="utf-8")

    def dump(self, stream, fmt, graph=None):
        stream.write(b"<urn:a> <urn:b> <urn:c> <urn:g> .\n")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(KgStore, "dump", dump)
    assert_error(invoke(runner, sample_store, "export", "-o", str(out)),
                 f"Error: {out}: cannot write the file (No space left on device)")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_cli_export_unknown_graph_is_exit_2(runner, sample_store) -> None:
    assert_error(invoke(runner, sample_store, "export", "--graph", "urn:g:none"),
                 "Error: no graph <urn:g:none> in the store")


# ---------------------------------------------------------------------------
# stats, remove
# ---------------------------------------------------------------------------


def test_cli_stats_counts_triples(runner, sample_store) -> None:
    lines = invoke(runner, sample_store, "stats").stdout.splitlines()
    assert lines[0] == f"triples      {triple_count(sample_store)}"


@pytest.mark.parametrize(("kind", "count"), [("Treaty", 3), ("Summit", 1), ("Visit", 1), ("Article", 0)])
def test_cli_stats_counts_entities(runner, sample_store, kind, count) -> None:
    lines = invoke(runner, sample_store, "stats").stdout.splitlines()
    assert f"  {kind:<11}{count}" in lines


@pytest.mark.parametrize("article", [ARTICLE_GRAPH, "abc123"])
def test_cli_remove_article(runner, article_store, article) -> None:
    result = invoke(runner, article_store, "remove", article)
    assert result.stdout == f"removed {ARTICLE_GRAPH}\n"


@pytest.mark.parametrize("article", [ARTICLE_GRAPH, "abc123"])
def test_cli_remove_drops_graph(runner, article_store, article, sample_graph) -> None:
    invoke(runner, article_store, "remove", article)
    with kg.open(article_store) as g:
        assert (g.store.has_graph(ARTICLE_GRAPH), g.store.graph_size(sample_graph)) == (False, 50)


def test_cli_remove_unknown_is_exit_2(runner, article_store) -> None:
    assert_error(invoke(runner, article_store, "remove", "nope"),
                 "Error: no article 'nope' in the store (give its IRI, hash, URL or file)")


# ---------------------------------------------------------------------------
# validate, reason
# ---------------------------------------------------------------------------


def test_cli_validate_good_sample_conforms(runner, sample_store) -> None:
    result = invoke(runner, sample_store, "validate")
    assert (result.exit_code, result.stdout.startswith("Conforms:")) == (0, True)


@pytest.fixture
def one_party_store(store_path, tmp_path) -> Path:
    path = tmp_path / "one-party.ttl"
    path.write_text(ONE_PARTY_TTL, encoding="utf-8")
    with kg.open(store_path) as g:
        g.load([path])
    return store_path


def _violations_text(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if "two parties" in line]


def _violations_json(out: str) -> list[str]:
    return [v["message"] for v in json.loads(out)["violations"]]


def _violations_turtle(out: str) -> list[str]:
    g = Graph().parse(data=out, format="turtle")
    return [str(o) for o in g.objects(None, URIRef("http://www.w3.org/ns/shacl#resultMessage"))]


@pytest.mark.parametrize(("fmt", "read"), [
    ("text", _violations_text), ("json", _violations_json), ("turtle", _violations_turtle)])
def test_cli_validate_bad_sample_reports_violation(runner, one_party_store, fmt, read) -> None:
    result = invoke(runner, one_party_store, "validate", "--format", fmt)
    assert (result.exit_code, read(result.stdout)) == (1, ["A treaty needs at least two parties"])


def test_cli_validate_bad_format_is_exit_2(runner, store_path) -> None:
    assert_error(invoke(runner, store_path, "validate", "--format", "yaml"),
                 "Error: Invalid value for '--format' / '-f': 'yaml' is not one of 'text', 'json', 'turtle'. "
                 "(see kg validate --help)")


@pytest.mark.parametrize("engine", ["owlrl", pytest.param("hermit", marks=[
    pytest.mark.slow, pytest.mark.skipif(not HAVE_JAVA, reason="HermiT needs Java")])])
def test_cli_reason_infers_replaced_by(runner, sample_store, engine) -> None:
    result = invoke(runner, sample_store, "reason", "--engine", engine)
    assert result.exit_code == 0, result.stderr
    with kg.open(sample_store) as g:
        assert g.query(f"ASK {{ GRAPH <https://w3id.org/kg/graph/inferred> "
                       f"{{ <{T2000}> kg:replacedBy <{T2024}> }} }}").boolean


def test_cli_reason_bad_engine_is_exit_2(runner, store_path) -> None:
    assert_error(invoke(runner, store_path, "reason", "--engine", "pellet"),
                 "Error: Invalid value for '--engine': 'pellet' is not one of 'hermit', 'owlrl'. "
                 "(see kg reason --help)")


# ---------------------------------------------------------------------------
# ingest (one smoke test; the extractor has its own tests)
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_ingest_smoke(runner, tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE_TXT, encoding="utf-8")
    result = runner.invoke(app, ["--store", ":memory:", "ingest", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{path}: ") and " facts added, " in result.stdout


HTML_PAGE = """<html><head><title>Chile and Argentina meet</title></head><body><article>
<h1>Chile and Argentina meet</h1>
<p>Chilean President Gabriel Boric met Argentine President Alberto Fernandez in Buenos Aires on May 5, 2023.</p>
<p>They signed the Andes Water Treaty.</p>
</article></body></html>"""


@pytest.fixture
def no_lxml_html_clean(monkeypatch):
    """As on a machine without lxml_html_clean: trafilatura's import of lxml.html.clean fails."""
    for name in [m for m in sys.modules if m.split(".")[0] in ("trafilatura", "justext")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "lxml.html.clean", None)


NO_LXML_HTML_CLEAN = ("reading HTML needs the Python package lxml_html_clean, which is not installed: "
                      "run pip install 'lxml_html_clean'")


def test_cli_ingest_html_without_lxml_html_clean_is_exit_2(runner, tmp_path, no_lxml_html_clean) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    assert_error(runner.invoke(app, ["--store", ":memory:", "ingest", str(page)]),
                 f"Error: {page}: {NO_LXML_HTML_CLEAN}")


@pytest.mark.slow
def test_cli_ingest_batch_goes_on_after_a_failed_article(runner, tmp_path, no_lxml_html_clean) -> None:
    # the article in the middle fails (a package is missing): its line says so, the
    # articles after it are ingested and reported, and the exit code says it failed
    first, page, last = tmp_path / "a.txt", tmp_path / "page.html", tmp_path / "b.txt"
    first.write_text(ARTICLE_TXT, encoding="utf-8")
    page.write_text(HTML_PAGE, encoding="utf-8")
    shutil.copy(sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))[0], last)
    result = runner.invoke(app, ["--store", ":memory:", "ingest", str(first), str(page), str(last)])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    out = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in out] == [str(first), str(last)]
    assert all(" facts added, " in line for line in out)
    assert result.stderr.splitlines() == [f"Error: {page}: {NO_LXML_HTML_CLEAN}"]


@pytest.mark.slow
def test_cli_ingest_html_article_gives_facts(runner, tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    result = runner.invoke(app, ["--store", ":memory:", "ingest", str(page)])
    assert result.exit_code == 0, result.stderr
    facts = int(result.stdout.split(": ", 1)[1].split(" facts")[0])
    assert facts > 0, result.stdout


def test_cli_ingest_internal_error_is_exit_3_and_the_others_go_on(runner, tmp_path, monkeypatch) -> None:
    import kg.api

    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(ARTICLE_TXT, encoding="utf-8")
    good.write_text(ARTICLE_TXT.replace("Santiago", "Valparaiso"), encoding="utf-8")

    real = kg.api._build_document

    def build(doc, **kw):
        if doc.source == str(bad):
            raise KeyError("simulated")
        return real(doc, **kw)

    monkeypatch.setattr(kg.api, "_build_document", build)
    result = runner.invoke(app, ["--store", ":memory:", "ingest", str(bad), str(good)])
    assert result.exit_code == 3, (result.stdout, result.stderr)
    assert result.stderr.splitlines() == [
        f"Error: {bad}: internal error of kg (KeyError: 'simulated') (run with --debug for the traceback)"]
    assert result.stdout.startswith(f"{good}: ")


@pytest.mark.parametrize(("error", "code", "line"), [
    (ModuleNotFoundError("No module named 'matplotlib'", name="matplotlib"), 2,
     "Error: kg needs the Python package matplotlib, which is not installed: run pip install 'matplotlib'"),
    (ImportError("lxml.html.clean module is now a separate project lxml_html_clean.\n"
                 "Install lxml[html_clean] or lxml_html_clean directly."), 2,
     "Error: kg needs the Python package lxml_html_clean, which is not installed: "
     "run pip install 'lxml_html_clean'"),
    (ImportError("cannot import name 'nope' from 'kg.store'", name="kg.store"), 3, None),
])
def test_cli_main_missing_package_is_exit_2(store_path, monkeypatch, capsys, error, code, line) -> None:
    # a package kg needs that is not installed is the user's to fix: exit 2 and one line
    # saying what to install; a failed import of kg's own modules is a bug of kg (exit 3)
    def stats(self):
        raise error

    monkeypatch.setattr(kg.KnowledgeGraph, "stats", stats)
    monkeypatch.setattr(sys, "argv", ["kg", "--store", str(store_path), "stats"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == code
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    if line is not None:
        assert err.splitlines() == [line]
    else:
        assert err.startswith("Error: ImportError: ")


# ---------------------------------------------------------------------------
# the console script: main() turns errors into exit codes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "code"), [
    (["stats"], 0),
    (["ask", "nope"], 2),
    (["query", "SELECT * WHERE { ?s ?p }"], 2),
    (["export", "--format", "yaml"], 2),
    (["no-such-command"], 2),
])
def test_cli_main_exit_code(store_path, monkeypatch, capsys, args, code) -> None:
    # regression: main() ran the app without standalone mode and dropped typer.Exit codes
    monkeypatch.setattr(sys, "argv", ["kg", "--store", str(store_path), *args])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == code


def test_cli_main_error_is_one_line(store_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["kg", "--store", str(store_path), "ask", "nope"])
    with pytest.raises(SystemExit):
        main()
    assert capsys.readouterr().err == "Error: unknown question 'nope'; known: " + ", ".join(QUESTIONS) + "\n"
