"""The library face: ``kg.open`` and the verbs of :class:`kg.KnowledgeGraph`."""

from __future__ import annotations

import gzip
import io
import re

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

import kg
from kg.errors import ForbiddenQuery, NotFound, ParseError, StoreInUse, UnknownQuestion

KG_NS = "https://w3id.org/kg/ontology#"
T1961 = "https://w3id.org/kg/id/treaty/friendship-treaty-1961"
T2000 = "https://w3id.org/kg/id/treaty/friendship-treaty-2000"
T2024 = "https://w3id.org/kg/id/treaty/comprehensive-strategic-partnership-treaty-2024"
ARTICLE = "https://w3id.org/kg/article/abc123"
TREATY_DATES = "SELECT ?t ?d WHERE { ?t a kg:Treaty ; kg:signedOn ?d } ORDER BY ?d"
ARTICLE_NQ = (
    f"<{ARTICLE}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG_NS}Article> <{ARTICLE}> .\n"
    f'<{ARTICLE}> <http://purl.org/dc/terms/source> "https://news.example/abc" <{ARTICLE}> .\n'
)


@pytest.fixture
def sample_kg(fresh_kg, sample_ttl, sample_graph) -> kg.KnowledgeGraph:
    fresh_kg.load([sample_ttl], graph=sample_graph)
    return fresh_kg


@pytest.fixture
def article_kg(sample_kg, tmp_path) -> kg.KnowledgeGraph:
    path = tmp_path / "article.nq"
    path.write_text(ARTICLE_NQ, encoding="utf-8")
    sample_kg.load([path])
    return sample_kg


# ---------------------------------------------------------------------------
# opening and closing
# ---------------------------------------------------------------------------


def test_api_public_names() -> None:
    assert {"open", "ingest", "KnowledgeGraph", "KgError", "Result"} <= set(kg.__all__)


def test_api_open_creates_store(tmp_path) -> None:
    path = tmp_path / "new-store"
    with kg.open(path):
        pass
    assert path.is_dir()


def test_api_open_loads_reference_and_ontology(tmp_path) -> None:
    with kg.open(tmp_path / "new-store") as g:
        graphs = g.stats().graphs
    assert (graphs["reference"], graphs["ontology"]) == (1, 1)


def test_api_open_memory(fresh_kg) -> None:
    assert fresh_kg.query('ASK { ?s kg:isoCode "KP" ; rdfs:label "North Korea"@en }').boolean


def test_api_context_manager_closes(store_path) -> None:
    with kg.open(store_path):
        pass
    with kg.open(store_path) as again:  # would raise StoreInUse if the first were still open
        assert len(again.store) > 0


def test_api_open_twice_is_store_in_use(store_path) -> None:
    with kg.open(store_path):
        with pytest.raises(StoreInUse, match=re.escape(f"store '{store_path}' is in use by another kg process")):
            kg.open(store_path)


def test_api_reopen_keeps_data(store_path, sample_ttl, sample_graph) -> None:
    with kg.open(store_path) as g:
        g.load([sample_ttl], graph=sample_graph)
    with kg.open(store_path) as g:
        assert g.store.graph_size(sample_graph) == 50


def test_api_reopen_does_not_duplicate_base_graphs(store_path) -> None:
    with kg.open(store_path) as g:
        before = len(g.store)
    with kg.open(store_path) as g:
        assert len(g.store) == before


def test_api_open_refreshes_stale_reference_data(store_path) -> None:
    ref = "https://w3id.org/kg/graph/reference"
    with kg.open(store_path) as g:
        g.store.update(f'DELETE {{ GRAPH <{ref}> {{ <{ref}> kg:contentHash ?v }} }} '
                       f'INSERT {{ GRAPH <{ref}> {{ <{ref}> kg:contentHash "stale" }} }} '
                       f'WHERE {{ GRAPH <{ref}> {{ <{ref}> kg:contentHash ?v }} }}')
    with kg.open(store_path) as g:
        assert not g.query(f'ASK {{ <{ref}> kg:contentHash "stale" }}').boolean


# ---------------------------------------------------------------------------
# query and ask
# ---------------------------------------------------------------------------


def test_api_query_rows_iterate(sample_kg) -> None:
    assert [(row["t"].value, row[1].value) for row in sample_kg.query(TREATY_DATES)] == [
        (T1961, "1961"), (T2000, "2000-02-09"), (T2024, "2024-06-19")]


def test_api_query_to_dicts(sample_kg) -> None:
    assert sample_kg.query(TREATY_DATES).to_dicts()[0] == {"t": T1961, "d": "1961"}


def test_api_query_variables(sample_kg) -> None:
    assert sample_kg.query(TREATY_DATES).variables == ("t", "d")


@pytest.mark.parametrize(("query", "expected"), [
    (f"ASK {{ <{T2024}> kg:replaces <{T2000}> }}", True),
    (f"ASK {{ <{T2000}> kg:replaces <{T2024}> }}", False),
])
def test_api_query_ask(sample_kg, query, expected) -> None:
    assert sample_kg.query(query).boolean is expected


def test_api_query_construct_triples(sample_kg) -> None:
    res = sample_kg.query("CONSTRUCT { ?a kg:replacedBy ?b } WHERE { ?b kg:replaces ?a }")
    assert {(t.subject.value, t.object.value) for t in res.triples()} == {(T1961, T2000), (T2000, T2024)}


def test_api_query_refuses_update(sample_kg) -> None:
    with pytest.raises(ForbiddenQuery):
        sample_kg.query("DROP ALL")


def test_api_query_update_allowed(sample_kg, sample_graph) -> None:
    sample_kg.query(f"DROP GRAPH <{sample_graph}>", allow_update=True)
    assert not sample_kg.store.has_graph(sample_graph)


def test_api_ask_named_question(sample_kg) -> None:
    assert [r["name"].value for r in sample_kg.ask("treaties", party="Soviet Union")] == [
        "Treaty of Friendship, Co-operation and Mutual Assistance"]


def test_api_ask_unknown(sample_kg) -> None:
    with pytest.raises(UnknownQuestion):
        sample_kg.ask("nope")


def test_api_questions() -> None:
    assert set(kg.KnowledgeGraph.questions()) == {
        "conflicts", "duplicates", "evidence", "leaders", "roles", "sources", "summits", "treaties",
        "treaty-replacements", "visits"}


# ---------------------------------------------------------------------------
# load, export, stats
# ---------------------------------------------------------------------------


def test_api_load_returns_counts(fresh_kg, sample_ttl) -> None:
    assert fresh_kg.load([sample_ttl]) == {sample_ttl.resolve().as_uri(): 50}


def test_api_load_graph(fresh_kg, sample_ttl) -> None:
    assert fresh_kg.load([str(sample_ttl)], graph="urn:g:x") == {"urn:g:x": 50}


def test_api_load_format_forced(fresh_kg, sample_ttl, tmp_path) -> None:
    path = tmp_path / "sample.data"
    path.write_bytes(sample_ttl.read_bytes())
    assert fresh_kg.load([path], format="ttl", graph="urn:g:x") == {"urn:g:x": 50}


def test_api_load_malformed_raises(fresh_kg, tmp_path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    with pytest.raises(ParseError, match=re.escape(f"{path}: malformed ttl: ")):
        fresh_kg.load([path])


def test_api_load_malformed_leaves_store_unchanged(fresh_kg, sample_ttl, tmp_path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    before = len(fresh_kg.store)
    with pytest.raises(ParseError):
        fresh_kg.load([sample_ttl, path])
    assert len(fresh_kg.store) == before


@pytest.mark.parametrize(("fmt", "rdflib_format"), [
    ("ttl", "turtle"), ("nt", "nt"), ("xml", "xml"), ("jsonld", "json-ld")])
def test_api_export_graph_to_file(sample_kg, sample_graph, sample_ttl, tmp_path, fmt, rdflib_format) -> None:
    path = tmp_path / f"out.{fmt}"
    sample_kg.export(str(path), format=fmt, graph=sample_graph)
    got = Graph().parse(path, format=rdflib_format)
    assert len(got) == len(Graph().parse(sample_ttl))


def test_api_export_to_stream(sample_kg, sample_graph) -> None:
    buf = io.BytesIO()
    sample_kg.export(buf, format="nq", graph=sample_graph)
    assert len(buf.getvalue().decode().splitlines()) == 50


def test_api_export_gz(sample_kg, sample_graph, tmp_path) -> None:
    path = tmp_path / "out.nq.gz"
    sample_kg.export(str(path))
    quads = ox.parse(gzip.decompress(path.read_bytes()), ox.RdfFormat.N_QUADS)
    assert sum(1 for q in quads if q.graph_name.value == sample_graph) == 50


def test_api_export_unknown_graph(sample_kg) -> None:
    with pytest.raises(NotFound):
        sample_kg.export(io.BytesIO(), graph="urn:g:none")


def test_api_stats_triples(sample_kg) -> None:
    assert sample_kg.stats().triples == len(sample_kg.store)


@pytest.mark.parametrize(("cls", "count"), [("Treaty", 3), ("Summit", 1), ("Visit", 1), ("Article", 0)])
def test_api_stats_entities(sample_kg, cls, count) -> None:
    assert sample_kg.stats().entities[cls] == count


def test_api_stats_graph_kinds(article_kg) -> None:
    graphs = article_kg.stats().graphs
    assert (graphs["articles"], graphs["other"]) == (1, 1)


def test_api_stats_text(sample_kg) -> None:
    assert sample_kg.stats().to_text().splitlines()[0] == f"triples      {len(sample_kg.store)}"


def test_api_dataset(sample_kg, sample_graph) -> None:
    assert len(sample_kg.dataset().graph(URIRef(sample_graph))) == 50


def test_api_graph(sample_kg, sample_graph) -> None:
    assert len(sample_kg.graph(sample_graph)) == 50


# ---------------------------------------------------------------------------
# remove
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", [ARTICLE, "abc123", "https://news.example/abc", "abc"])
def test_api_remove(article_kg, name) -> None:
    # by URL or file name the article is found through a bound query parameter
    assert article_kg.remove(name) == ARTICLE


def test_api_remove_drops_graph(article_kg) -> None:
    article_kg.remove("abc123")
    assert not article_kg.store.has_graph(ARTICLE)


def test_api_remove_unknown(article_kg) -> None:
    with pytest.raises(NotFound, match=re.escape("no article 'nope' in the store")):
        article_kg.remove("nope")
