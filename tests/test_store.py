"""kg.store: the pyoxigraph store with kg's conventions (no reference data here: a bare KgStore)."""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import ForbiddenQuery, InputError, NotFound, ParseError, QuerySyntaxError, StoreInUse
from kg.store import MEMORY, KgStore, RdfFormat, ResultFormat, _bind_values, open_output, render_table

FOO, BAR, BAZ = "urn:x:foo", "urn:x:bar", "urn:x:baz"
G1, G2 = "urn:g:one", "urn:g:two"


@pytest.fixture
def store() -> KgStore:
    s = KgStore(MEMORY)
    s.add_graph_quads(G1, [(FOO, BAR, BAZ), (FOO, BAR, ox.Literal("foo"))])
    s.add_graph_quads(G2, [(BAZ, BAR, ox.Literal("baz", language="en"))])
    return s


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# ---------------------------------------------------------------------------
# formats
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fmt"), [
    ("a.ttl", "ttl"), ("a.turtle", "ttl"), ("a.nt", "nt"), ("a.nq", "nq"), ("a.trig", "trig"),
    ("a.jsonld", "jsonld"), ("a.json", "jsonld"), ("a.rdf", "xml"), ("a.xml", "xml"), ("a.owl", "xml"),
    ("A.TTL", "ttl"), ("dump.nq.gz", "nq"), ("dir.v2/a.trig", "trig"),
])
def test_store_format_from_path(name, fmt) -> None:
    assert RdfFormat.from_path(name) is RdfFormat(fmt)


@pytest.mark.parametrize(("name", "ext"), [("a.txt", "txt"), ("noext", ""), ("a.csv.gz", "csv")])
def test_store_format_from_path_unknown(name, ext) -> None:
    message = (f"{name}: cannot tell the RDF format from the extension '.{ext}'; "
               "use --format ttl|nt|nq|trig|jsonld|xml")
    with pytest.raises(InputError, match=re.escape(message)):
        RdfFormat.from_path(name)


@pytest.mark.parametrize(("fmt", "has_graphs"), [
    ("ttl", False), ("nt", False), ("xml", False), ("nq", True), ("trig", True), ("jsonld", True)])
def test_store_format_has_graphs(fmt, has_graphs) -> None:
    assert RdfFormat(fmt).has_graphs is has_graphs


@pytest.mark.parametrize("fmt", list(ResultFormat))
def test_store_result_format_names(fmt) -> None:
    assert fmt.value in {"table", "json", "csv", "tsv", "xml", "ttl", "nt", "nq", "jsonld"}


# ---------------------------------------------------------------------------
# queries
# ---------------------------------------------------------------------------


def test_store_query_rows(store) -> None:
    rows = list(store.query(f"SELECT ?o WHERE {{ <{FOO}> <{BAR}> ?o }} ORDER BY ?o"))
    assert [r["o"] for r in rows] == [ox.NamedNode(BAZ), ox.Literal("foo")]  # IRIs sort first


def test_store_query_default_graph_is_union(store) -> None:
    query = f"SELECT ?l WHERE {{ <{FOO}> <{BAR}> ?x . ?x <{BAR}> ?l }}"
    assert store.query(query).to_dicts() == [{"l": "baz"}]


def test_store_query_union_is_a_set(store) -> None:
    # pyoxigraph 0.5's own union default graph repeats a triple once per graph holding it
    # (oxigraph#1919); kg queries its view instead (docs/DESIGN.md, "Graphs")
    store.add_graph_quads(G2, [(FOO, BAR, BAZ)])  # now in both graphs
    assert store.query(f"SELECT ?o WHERE {{ <{FOO}> <{BAR}> ?o FILTER(isIRI(?o)) }}").to_dicts() == [{"o": BAZ}]


def test_store_query_prefixes_predeclared(store) -> None:
    store.add_graph_quads(G1, [(FOO, "http://www.w3.org/2004/02/skos/core#altLabel", ox.Literal("F"))])
    assert store.query("SELECT ?s WHERE { ?s skos:altLabel ?l }").to_dicts() == [{"s": FOO}]


def test_store_query_default_graph_is_the_view(store, tmp_path) -> None:
    store.load_files([write(tmp_path, "a.nq", f"<{FOO}> <{BAR}> <{FOO}> .\n")])
    view = {q.triple for q in store.engine.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert view == {q.triple for q in store.quads()}


@pytest.mark.parametrize(("query", "expected"), [
    (f"ASK {{ <{FOO}> <{BAR}> <{BAZ}> }}", True),
    (f"ASK {{ <{BAZ}> <{BAR}> <{FOO}> }}", False),
])
def test_store_query_ask(store, query, expected) -> None:
    assert store.query(query).boolean is expected


@pytest.mark.parametrize(("fmt", "expected"), [
    ("table", "true"), ("csv", "true"), ("tsv", "true"),
    ("json", '{"head":{},"boolean":true}'),
    ("xml", '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            "<head></head><boolean>true</boolean></sparql>"),
])
def test_store_ask_serialize(store, fmt, expected) -> None:
    # regression: an ASK result in json/csv/tsv/xml raised AttributeError ('bool' has no serialize)
    assert store.query(f"ASK {{ <{FOO}> <{BAR}> <{BAZ}> }}").serialize(fmt) == expected


def test_store_query_construct_serializes_turtle(store) -> None:
    text = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}").serialize()
    assert sorted(str(t) for t in ox.parse(text.encode(), ox.RdfFormat.TURTLE)) == sorted(
        [f"<{FOO}> <{BAR}> <{BAZ}>", f'<{FOO}> <{BAR}> "foo"'])


@pytest.mark.parametrize(("kind_query", "method"), [
    (f"ASK {{ <{FOO}> ?p ?o }}", "rows"),
    (f"SELECT * WHERE {{ <{FOO}> ?p ?o }}", "boolean"),
    (f"SELECT * WHERE {{ <{FOO}> ?p ?o }}", "triples"),
])
def test_store_result_wrong_kind_raises(store, kind_query, method) -> None:
    res = store.query(kind_query)
    with pytest.raises(TypeError):
        {"rows": lambda: list(res), "boolean": lambda: res.boolean, "triples": lambda: res.triples()}[method]()


def test_store_row_access(store) -> None:
    (row,) = store.query(f'SELECT ?s ?o ?none WHERE {{ ?s <{BAR}> ?o FILTER(?o = "foo") }}')
    assert (row[0], row["o"], len(row), row.asdict()) == (
        ox.NamedNode(FOO), ox.Literal("foo"), 3, {"s": FOO, "o": "foo", "none": None})


def test_store_table_render() -> None:
    assert render_table(["a", "bb"], [["x", "y"], ["long", ""]]) == (
        "a     bb\n----  --\nx     y\nlong\n(2 rows)")


def test_store_table_shows_prefixed_names(store) -> None:
    store.add_graph_quads(G1, [("https://w3id.org/kg/id/x", "http://www.w3.org/2000/01/rdf-schema#label",
                                ox.Literal("x"))])
    table = store.query("SELECT ?p WHERE { ?s ?p \"x\" }").serialize("table")
    assert table.splitlines()[2] == "rdfs:label"


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p }",
    "SELEC * WHERE { }",
    "SELECT * WHERE { ?s ?p ?o ",
])
def test_store_query_malformed(store, query) -> None:
    with pytest.raises(QuerySyntaxError, match="^malformed SPARQL query: "):
        store.query(query)


@pytest.mark.parametrize("update", [
    f"INSERT DATA {{ GRAPH <{G1}> {{ <{BAZ}> <{BAR}> <{FOO}> }} }}",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR GRAPH <urn:g:one>",
    "LOAD <http://example.org/data.ttl>",
    "CREATE GRAPH <urn:g:new>",
    "ADD <urn:g:one> TO <urn:g:two>",
    "MOVE <urn:g:one> TO <urn:g:two>",
    "COPY <urn:g:one> TO <urn:g:two>",
    "WITH <urn:g:one> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "  drop all",
    "PREFIX ex: <http://example.org/#>\nBASE <http://example.org/>\n# note\nDROP ALL",
])
def test_store_query_refuses_update(store, update) -> None:
    with pytest.raises(ForbiddenQuery):
        store.query(update)


@pytest.mark.parametrize("query", [
    "# joined with the others\nSELECT * WHERE { ?s ?p ?o }",
    "# insert, delete, drop\nASK { ?s ?p ?o }",
    'SELECT ?x WHERE { BIND("DROP ALL" AS ?x) }',
    "PREFIX with: <urn:with#>\nSELECT * WHERE { ?s ?p ?o }",
])
def test_store_query_reads_are_not_updates(store, query) -> None:
    store.query(query)


def test_store_query_update_allowed(store) -> None:
    store.query(f"INSERT DATA {{ GRAPH <{G1}> {{ <{BAZ}> <{BAR}> <{FOO}> }} }}", allow_update=True)
    assert store.query(f"ASK {{ <{BAZ}> <{BAR}> <{FOO}> }}").boolean


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://example.org/sparql> { ?s ?p ?o } }",
])
def test_store_query_refuses_service(store, query) -> None:
    with pytest.raises(ForbiddenQuery, match="^SERVICE clauses are refused"):
        store.query(query)


# ---------------------------------------------------------------------------
# bound parameters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (ox.Literal("foo"), [{"s": FOO}]),
    (ox.Literal("nothing"), []),
    (ox.Literal('"} ; DROP ALL ; {'), []),
    (ox.NamedNode(BAZ), [{"s": FOO}]),
])
def test_store_bindings_filter(store, value, expected) -> None:
    # regression: pyoxigraph substitutions refused variables not projected and ignored them in FILTERs
    query = f"SELECT ?s WHERE {{ ?s <{BAR}> ?o FILTER(!BOUND(?v) || ?o = ?v) }}"
    assert store.query(query, bindings={"v": value}).to_dicts() == expected


def test_store_bindings_unbound_when_not_given(store) -> None:
    query = f"SELECT DISTINCT ?s WHERE {{ ?s <{BAR}> ?o FILTER(!BOUND(?v) || ?o = ?v) }}"
    assert len(store.query(query).to_dicts()) == 2


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT ?s WHERE { ?s ?p ?o }", 'SELECT ?s WHERE { VALUES ?v { "x" }  ?s ?p ?o }'),
    ("ASK { ?s ?p ?v }", 'ASK { VALUES ?v { "x" }  ?s ?p ?v }'),
    ("SELECT * { ?s ?p ?o }", 'SELECT * { VALUES ?v { "x" }  ?s ?p ?o }'),
    ("CONSTRUCT { ?s ?p ?v } WHERE { ?s ?p ?o }", 'CONSTRUCT { ?s ?p ?v } WHERE { VALUES ?v { "x" }  ?s ?p ?o }'),
    ('SELECT ("WHERE {" AS ?x) # WHERE {\nWHERE { }', 'SELECT ("WHERE {" AS ?x) # WHERE {\nWHERE { VALUES ?v { "x" }  }'),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }",
     'SELECT * WHERE { VALUES ?v { "x" }  { SELECT ?s WHERE { ?s ?p ?o } } }'),
])
def test_store_bind_values_in_outer_where(query, expected) -> None:
    assert _bind_values(query, {"v": ox.Literal("x")}) == expected


def test_store_bind_values_escapes_literal() -> None:
    out = _bind_values("ASK { }", {"v": ox.Literal('a"} ; DROP ALL ; {\\\n')})
    assert out == 'ASK { VALUES ?v { "a\\"} ; DROP ALL ; {\\\\\\n" }  }'


# ---------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------


def test_store_load_triples_into_file_graph(tmp_path) -> None:
    store = KgStore(MEMORY)
    path = write(tmp_path, "a.ttl", f"<{FOO}> <{BAR}> <{BAZ}> .\n")
    assert store.load_files([path]) == {path.resolve().as_uri(): 1}


def test_store_load_graph_option(tmp_path) -> None:
    store = KgStore(MEMORY)
    path = write(tmp_path, "a.nq", f"<{FOO}> <{BAR}> <{BAZ}> <{G1}> .\n<{FOO}> <{BAR}> <{FOO}> .\n")
    assert store.load_files([path], graph=G2) == {G2: 2}


def test_store_load_quads_keep_graph(tmp_path) -> None:
    store = KgStore(MEMORY)
    path = write(tmp_path, "a.nq", f"<{FOO}> <{BAR}> <{BAZ}> <{G1}> .\n")
    assert store.load_files([path]) == {G1: 1}


def test_store_load_gzip(tmp_path) -> None:
    store = KgStore(MEMORY)
    path = write(tmp_path, "a.nt.gz", gzip.compress(f"<{FOO}> <{BAR}> <{BAZ}> .\n".encode()))
    store.load_files([path], graph=G1)
    assert len(store) == 1


def test_store_load_bad_gzip(tmp_path) -> None:
    path = write(tmp_path, "a.nt.gz", b"not gzip")
    with pytest.raises(InputError, match=re.escape(f"{path}: not a gzip file")):
        KgStore(MEMORY).load_files([path])


def test_store_load_malformed_has_position(tmp_path) -> None:
    path = write(tmp_path, "bad.nt", f"<{FOO}> <{BAR}> <{BAZ}> .\n<{FOO}> <{BAR}> .\n")
    with pytest.raises(ParseError, match=re.escape(f"{path}: malformed nt: ") + ".*line 2"):
        KgStore(MEMORY).load_files([path])


def test_store_load_is_atomic(tmp_path) -> None:
    store = KgStore(MEMORY)
    good = write(tmp_path, "good.nt", f"<{FOO}> <{BAR}> <{BAZ}> .\n")
    bad = write(tmp_path, "bad.nt", f"<{FOO}> <{BAR}> .\n")
    with pytest.raises(ParseError):
        store.load_files([good, bad])
    assert len(store) == 0


def test_store_load_folder_refused(tmp_path) -> None:
    with pytest.raises(InputError, match=re.escape(f"{tmp_path}: is a folder; give RDF files")):
        KgStore(MEMORY).load_files([tmp_path])


def test_store_load_wrong_forced_format(tmp_path) -> None:
    path = write(tmp_path, "a.ttl", "@prefix x: <urn:x:> .\nx:a x:b x:c .\n")
    with pytest.raises(ParseError, match=re.escape(f"{path}: malformed nt: ")):
        KgStore(MEMORY).load_files([path], fmt=RdfFormat.nt)


# ---------------------------------------------------------------------------
# writing, dumping, lifecycle
# ---------------------------------------------------------------------------


def test_store_replace_graphs(store) -> None:
    store.replace_graphs({G1: f"<{BAZ}> <{BAR}> <{FOO}> .\n".encode()})
    assert store.query(f"SELECT ?s WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}").to_dicts() == [{"s": BAZ}]


def test_store_replace_graphs_new_graphs_in_one_load(store) -> None:
    g3 = "urn:g:three"
    store.replace_graphs({g3: f"<{BAZ}> <{BAR}> \"x\\ny\"@en .\n<{FOO}> <{BAR}> <{BAZ}> .\n".encode(), "urn:g:empty": b""})
    assert store.graph_size(g3) == 2
    assert "urn:g:empty" not in store.named_graphs()
    assert store.query(f"SELECT ?o WHERE {{ GRAPH <{g3}> {{ <{BAZ}> ?p ?o }} }}").to_dicts() == [{"o": "x\ny"}]


def test_store_replace_graphs_unchanged_writes_nothing(store, monkeypatch: pytest.MonkeyPatch) -> None:
    same = f"<{FOO}> <{BAR}> \"foo\" .\n<{FOO}> <{BAR}> <{BAZ}> .\n".encode()
    monkeypatch.setattr(store, "update", lambda sparql: pytest.fail("an unchanged graph was rewritten"))
    store.replace_graphs({G1: same, "urn:g:absent": b""})
    monkeypatch.undo()
    store.replace_graphs({G1: f"<{FOO}> <{BAR}> \"foo\" .\n".encode()})  # changed: replaced
    assert store.graph_size(G1) == 1


def test_store_replace_graphs_with_nothing_drops(store) -> None:
    store.replace_graphs({G1: b""})
    assert store.named_graphs() == [G2]


def test_store_drop_graphs(store) -> None:
    store.drop_graphs([G1, "urn:g:absent"])
    assert store.named_graphs() == [G2]


def test_store_dump_unknown_graph(store) -> None:
    with pytest.raises(NotFound, match=re.escape("no graph <urn:g:absent> in the store")):
        store.dump(io.BytesIO(), RdfFormat.nq, graph="urn:g:absent")


def test_store_dump_union_one_copy_per_triple(store) -> None:
    store.add_graph_quads(G2, [(FOO, BAR, BAZ)])
    out = io.BytesIO()
    store.dump(out, RdfFormat.nt)
    assert len(out.getvalue().decode().splitlines()) == 3


def test_store_dump_nq_keeps_graphs(store) -> None:
    out = io.BytesIO()
    store.dump(out, RdfFormat.nq)
    assert {q.graph_name.value for q in ox.parse(out.getvalue(), ox.RdfFormat.N_QUADS)} == {G1, G2}


def test_store_dump_jsonld_keeps_graphs(store) -> None:
    out = io.BytesIO()
    store.dump(out, RdfFormat.jsonld)
    assert {q.graph_name.value for q in ox.parse(out.getvalue(), ox.RdfFormat.JSON_LD)} == {G1, G2}


def test_store_open_output_gzip(tmp_path) -> None:
    path = tmp_path / "out.nt.gz"
    with open_output(str(path)) as f:
        f.write(b"hello\n")
    assert gzip.decompress(path.read_bytes()) == b"hello\n"


def test_store_in_use(tmp_path) -> None:
    first = KgStore(tmp_path / "s")
    try:
        with pytest.raises(StoreInUse, match="is in use by another kg process"):
            KgStore(tmp_path / "s")
    finally:
        first.close()


def test_store_close_releases_lock(tmp_path) -> None:
    KgStore(tmp_path / "s").close()
    KgStore(tmp_path / "s").close()


def test_store_persists(tmp_path) -> None:
    first = KgStore(tmp_path / "s")
    first.add_graph_quads(G1, [(FOO, BAR, BAZ)])
    first.close()
    again = KgStore(tmp_path / "s")
    assert len(again) == 1
    again.close()


def test_store_query_json_results(store) -> None:
    data = json.loads(store.query(f"SELECT ?o WHERE {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}").serialize("json"))
    assert data["results"]["bindings"] == [{"o": {"type": "literal", "value": "baz", "xml:lang": "en"}}]


def test_bound_parameters_are_bound_inside_sub_queries_that_project_them() -> None:
    x = ox.NamedNode("https://example.org/x")
    q = ("SELECT ?a ?n WHERE { { SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a } "
         "{ SELECT ?a WHERE { ?a ?q ?r } LIMIT 3 } { SELECT (MIN(?o) AS ?a) WHERE { ?s ?p ?o } } }")
    got = _bind_values(q, {"a": x})
    assert got.count("VALUES ?a { <https://example.org/x> }") == 2, got   # the outer group and the first only
    first = got.index("GROUP BY")
    assert got.index("VALUES ?a", got.index("WHERE {", got.index("SELECT ?a (COUNT"))) < first, got
    # the same answers as binding at the top alone
    store = ox.Store()
    for s in ("x", "y"):
        store.add(ox.Quad(ox.NamedNode(f"https://example.org/{s}"), ox.NamedNode("https://example.org/p"),
                          ox.Literal("1")))
    plain = "SELECT ?a ?n WHERE { { SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?p ?o } GROUP BY ?a } }"
    rows = [tuple(map(str, r)) for r in store.query(_bind_values(plain, {"a": x}))]
    assert rows == [("<https://example.org/x>", '"1"^^<http://www.w3.org/2001/XMLSchema#integer>')], rows
