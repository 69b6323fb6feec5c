"""The default graph is a set (issue 13): kg's view of the named graphs, kept on every write.

pyoxigraph 0.5's union default graph gives one solution per graph holding a triple
(oxigraph#1919); kg queries the store's real default graph, which it keeps as the set of
the named graphs' triples (docs/DESIGN.md, "Graphs").
"""

from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.cli import app
from kg.store import MEMORY, KgStore

FOO, BAR, BAZ = "urn:x:foo", "urn:x:bar", "urn:x:baz"
KG = "https://w3id.org/kg/ontology#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _view(store: KgStore) -> set:
    from pyoxigraph import DefaultGraph

    return {q.triple for q in store.engine.quads_for_pattern(None, None, None, DefaultGraph())}


def _union(store: KgStore) -> set:
    return {q.triple for q in store.quads()}


def _forty(store: KgStore) -> None:
    for i in range(40):
        store.add_graph_quads(f"urn:g:{i}", [(FOO, BAR, BAZ), (FOO, BAR, f"urn:x:only-{i}")])


def test_view_triple_in_forty_graphs_is_one_row() -> None:
    s = KgStore(MEMORY)
    _forty(s)
    assert s.query(f"SELECT ?o WHERE {{ <{FOO}> <{BAR}> ?o FILTER(?o = <{BAZ}>) }}").to_dicts() == [{"o": BAZ}]
    assert len(s.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").to_dicts()) == 80  # GRAPH ?g sees all


def test_view_count_star_is_count_distinct() -> None:
    s = KgStore(MEMORY)
    _forty(s)
    row = s.query("SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT *) AS ?d) WHERE { ?s ?p ?o }").to_dicts()[0]
    assert row["n"] == row["d"] == "41"


@pytest.mark.parametrize("write", ["load", "replace", "extend"])
def test_view_follows_every_write(tmp_path: Path, write: str) -> None:
    s = KgStore(MEMORY)
    s.add_graph_quads("urn:g:a", [(FOO, BAR, BAZ)])
    if write == "load":
        p = tmp_path / "b.nq"
        p.write_text(f"<{FOO}> <{BAR}> <{BAZ}> <urn:g:b> .\n<{BAZ}> <{BAR}> <{FOO}> <urn:g:b> .\n")
        s.load_files([p])
    elif write == "replace":
        s.replace_graphs({"urn:g:b": f"<{FOO}> <{BAR}> <{BAZ}> .\n<{BAZ}> <{BAR}> <{FOO}> .\n".encode()})
    else:
        s.add_graph_quads("urn:g:b", [(FOO, BAR, BAZ), (BAZ, BAR, FOO)])
    assert _view(s) == _union(s)
    s.drop_graphs(["urn:g:b"])
    assert _view(s) == _union(s)
    assert s.query(f"ASK {{ <{FOO}> <{BAR}> <{BAZ}> }}").boolean  # still stated by urn:g:a
    assert not s.query(f"ASK {{ <{BAZ}> <{BAR}> <{FOO}> }}").boolean  # only b stated it


def test_view_replace_keeps_what_another_graph_states() -> None:
    s = KgStore(MEMORY)
    s.replace_graphs({"urn:g:a": f"<{FOO}> <{BAR}> <{BAZ}> .\n".encode()})
    s.replace_graphs({"urn:g:b": f"<{FOO}> <{BAR}> <{BAZ}> .\n".encode()})
    s.replace_graphs({"urn:g:a": f"<{BAZ}> <{BAR}> <{FOO}> .\n".encode()})  # a re-ingest of a
    assert _view(s) == _union(s)
    assert s.query(f"ASK {{ <{FOO}> <{BAR}> <{BAZ}> }}").boolean


def test_view_user_update_keeps_it(tmp_path: Path) -> None:
    s = KgStore(MEMORY)
    s.add_graph_quads("urn:g:a", [(FOO, BAR, BAZ)])
    s.query(f"INSERT DATA {{ GRAPH <urn:g:b> {{ <{BAZ}> <{BAR}> <{FOO}> }} }} # a comment", allow_update=True)
    assert _view(s) == _union(s)
    s.query("DROP GRAPH <urn:g:a> ;", allow_update=True)
    assert _view(s) == _union(s)
    assert not s.query(f"ASK {{ <{FOO}> <{BAR}> <{BAZ}> }}").boolean


def test_view_built_for_an_old_store(tmp_path: Path) -> None:
    import pyoxigraph as ox

    path = tmp_path / "old"
    raw = ox.Store(str(path))  # a store as kg wrote it before the view: nothing in the default graph
    raw.add(ox.Quad(ox.NamedNode(FOO), ox.NamedNode(BAR), ox.NamedNode(BAZ), ox.NamedNode("urn:g:a")))
    raw.add(ox.Quad(ox.NamedNode(FOO), ox.NamedNode(BAR), ox.NamedNode(BAZ), ox.NamedNode("urn:g:b")))
    raw.flush()
    del raw
    s = KgStore(path)
    assert s.query(f"SELECT * WHERE {{ <{FOO}> ?p ?o }}").to_dicts() == [{"p": BAR, "o": BAZ}]
    s.close()


def test_view_remove_article_keeps_facts_stated_elsewhere(fresh_kg, sample_ttl) -> None:
    from kg.prefixes import ARTICLE

    a, b = f"{ARTICLE}aaaaaaaaaaaaaaaa", f"{ARTICLE}bbbbbbbbbbbbbbbb"
    shared = f"<urn:x:t> <{KG}replaces> <urn:x:u> .\n"
    fresh_kg.store.replace_graphs({a: (shared + f"<urn:x:t> <{LABEL}> \"only a\" .\n").encode()})
    fresh_kg.store.replace_graphs({b: shared.encode()})
    fresh_kg.remove(a)
    assert fresh_kg.query(f"ASK {{ <urn:x:t> <{KG}replaces> <urn:x:u> }}").boolean
    assert not fresh_kg.query('ASK { ?s ?p "only a" }').boolean


def test_view_remove_keeps_reference_data(fresh_kg) -> None:
    from kg.prefixes import ARTICLE

    a = f"{ARTICLE}cccccccccccccccc"
    north_korea = "<https://w3id.org/kg/id/state/north-korea>"
    fresh_kg.store.replace_graphs({a: f'{north_korea} <{LABEL}> "North Korea"@en .\n'.encode()})
    fresh_kg.remove(a)
    assert fresh_kg.query(f'ASK {{ {north_korea} rdfs:label "North Korea"@en }}').boolean


def test_view_treaty_labels_once(fresh_kg, sample_ttl) -> None:
    fresh_kg.load([sample_ttl], graph="urn:g:one")
    fresh_kg.load([sample_ttl], graph="urn:g:two")
    rows = fresh_kg.query("SELECT ?n WHERE { ?t a kg:Treaty ; rdfs:label ?n }").to_dicts()
    assert len(rows) == len({r["n"] for r in rows})


def test_view_describe_types_once(fresh_kg, sample_ttl) -> None:
    fresh_kg.load([sample_ttl], graph="urn:g:one")
    fresh_kg.load([sample_ttl], graph="urn:g:two")
    triples = list(fresh_kg.query(
        "DESCRIBE <https://w3id.org/kg/id/state/russia>").triples())
    assert len(triples) == len(set(triples))


def test_view_cli_query_one_row(runner, store_path, sample_ttl) -> None:
    for g in ("urn:g:one", "urn:g:two"):
        assert runner.invoke(app, ["--store", str(store_path), "load", str(sample_ttl), "--graph", g]).exit_code == 0
    r = runner.invoke(app, ["--store", str(store_path), "query", "--format", "csv",
                            "SELECT ?n WHERE { <https://w3id.org/kg/id/state/russia> rdfs:label ?n }"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == ["n", "Russia"]


def test_view_export_triples_once(fresh_kg, sample_ttl, tmp_path: Path) -> None:
    fresh_kg.load([sample_ttl], graph="urn:g:one")
    fresh_kg.load([sample_ttl], graph="urn:g:two")
    out = tmp_path / "all.nt"
    fresh_kg.export(str(out), format="nt")
    lines = [x for x in out.read_text().splitlines() if x]
    assert len(lines) == len(set(lines))
    nq = tmp_path / "all.nq"
    fresh_kg.export(str(nq), format="nq")
    import pyoxigraph as ox

    graphs = {q.graph_name for q in ox.parse(nq.read_bytes(), ox.RdfFormat.N_QUADS)}
    assert ox.DefaultGraph() not in graphs  # the view is not exported
    assert len([x for x in nq.read_text().splitlines() if x]) == len(fresh_kg.store)


def test_view_library_open_is_same(tmp_path: Path) -> None:
    g = kg.open(":memory:")
    assert g.query("SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT *) AS ?d) WHERE { ?s ?p ?o }").to_dicts()[0]["n"] == \
        g.query("SELECT (COUNT(DISTINCT *) AS ?d) WHERE { ?s ?p ?o }").to_dicts()[0]["d"]


@pytest.mark.parametrize("graph", ["https://w3id.org/kg/graph/ontology", "https://w3id.org/kg/graph/reference",
                                   "https://w3id.org/kg/graph/inferred",
                                   "https://w3id.org/kg/quarantine/aaaaaaaaaaaaaaaa"])
def test_view_remove_refuses_kgs_own_graphs(runner, store_path, graph) -> None:
    with kg.open(store_path) as g:
        g.store.add_graph_quads(graph, [(FOO, BAR, BAZ)])
        before = len(g.store)
    r = runner.invoke(app, ["--store", str(store_path), "remove", graph])
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Error: <{graph}> is one of kg's own graphs") and r.stderr.count("\n") == 1
    with kg.open(store_path) as g:
        assert len(g.store) == before


def test_view_remove_drops_inferred_graph_and_says_so(runner, store_path, sample_ttl) -> None:
    from kg.prefixes import ARTICLE

    a = f"{ARTICLE}dddddddddddddddd"
    with kg.open(store_path) as g:
        g.store.replace_graphs({a: f"<{FOO}> <{BAR}> <{BAZ}> .\n".encode()})
        g.store.add_graph_quads("https://w3id.org/kg/graph/inferred", [(BAZ, BAR, FOO)])
    r = runner.invoke(app, ["--store", str(store_path), "remove", a])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [f"removed {a}", "dropped the inferred graph too (it may rest on the "
                                     "removed facts); run kg reason again"]
    with kg.open(store_path) as g:
        assert not g.store.has_graph("https://w3id.org/kg/graph/inferred")
        assert not g.query(f"ASK {{ <{BAZ}> <{BAR}> <{FOO}> }}").boolean


def test_view_load_triples_names_its_graph(runner, store_path, sample_ttl) -> None:
    r = runner.invoke(app, ["--store", str(store_path), "load", str(sample_ttl)])
    assert r.stdout == f"loaded 50 triples into graph <{sample_ttl.resolve().as_uri()}>\n"


def test_view_triples_export_reloaded_keeps_reference_once(tmp_path: Path, sample_ttl) -> None:
    with kg.open(tmp_path / "a") as g:
        g.load([sample_ttl], graph="urn:g:sample")
        g.export(str(tmp_path / "all.nt"), format="nt")
    with kg.open(tmp_path / "b") as g:
        before = len(g.store)
        counts = g.load([tmp_path / "all.nt"])
        assert len(g.store) - before == sum(counts.values())
        assert counts.skipped > 1000  # the reference data and the ontology are not loaded again
        assert sum(counts.values()) <= 50


def test_view_interrupted_bulk_load_is_undone_on_open(tmp_path: Path) -> None:
    from kg.store import JOURNAL

    path = tmp_path / "s"
    s = KgStore(path)
    s.add_graph_quads("urn:g:a", [(FOO, BAR, BAZ)])
    s.add_graph_quads("urn:g:new", [(FOO, BAR, BAZ), (BAZ, BAR, FOO)])  # as if half written
    (path / JOURNAL).write_text("urn:g:new\n")  # ... by a load killed before it finished
    s.close()
    s = KgStore(path, read_only=True)  # the first open, even a reader's, undoes it
    assert s.named_graphs() == ["urn:g:a"]
    assert _view(s) == _union(s)
    assert not (path / JOURNAL).exists()
    s.close()


def _nquads_file(tmp_path: Path, lines: list[str], name: str = "in.nq") -> Path:
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_view_nquads_into_new_graphs_skip_the_parse_first_pass(tmp_path: Path, monkeypatch) -> None:
    import kg.store

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed before writing")

    monkeypatch.setattr(kg.store, "_placed", no_parse)
    lines = [f"<{FOO}> <{BAR}> <{BAZ}> <urn:g:one> .", f"<{FOO}> <{BAR}> <{BAZ}> <urn:g:two> .",
             f'_:n7 <{LABEL}> "a label with a <tag> in it"@en <urn:g:two> .',
             f'<{BAZ}> <{LABEL}> "x"^^<urn:x:type> <urn:g:one> .']
    s = KgStore(tmp_path / "s")
    assert s.load_files([_nquads_file(tmp_path, lines)]) == {"urn:g:one": 2, "urn:g:two": 2}
    assert len(_view(s)) == 3 and _view(s) == _union(s)
    s.close()


def test_view_nquads_bad_line_after_many_good_ones_changes_nothing(tmp_path: Path) -> None:
    from kg.errors import ParseError
    from kg.store import JOURNAL

    s = KgStore(tmp_path / "s")
    s.add_graph_quads("urn:g:kept", [(FOO, BAR, BAZ)])
    lines = [f"<urn:x:s{i}> <{BAR}> <{BAZ}> <urn:g:new{i % 7}> ." for i in range(300)]
    lines.append(f"<urn:x:s300> <{BAR}> <urn:g:new1> .")  # no graph: fine
    lines.append(f"<urn:x:s301> <{BAR}> <urn:g:new2>")  # no final dot
    with pytest.raises(ParseError, match=r"in.nq: malformed nq: .* at line 30[23]"):
        s.load_files([_nquads_file(tmp_path, lines)])
    assert s.named_graphs() == ["urn:g:kept"]
    assert _view(s) == _union(s) == {next(iter(_union(s)))}
    assert not (tmp_path / "s" / JOURNAL).exists()
    s.close()


def test_view_nquads_default_graph_lines_still_go_to_the_file_graph(tmp_path: Path) -> None:
    s = KgStore(tmp_path / "s")
    path = _nquads_file(tmp_path, [f"<{FOO}> <{BAR}> <{BAZ}> <urn:g:one> .", f"<{FOO}> <{BAR}> <urn:x:obj> ."])
    assert s.load_files([path]) == {"urn:g:one": 1, path.resolve().as_uri(): 1}
    assert s.named_graphs() == sorted(["urn:g:one", path.resolve().as_uri()])
    assert len(_view(s)) == 2 and _view(s) == _union(s)
    s.close()


def test_view_recovery_also_takes_out_a_misread_line_left_in_the_view(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from kg.store import JOURNAL

    path = tmp_path / "s"
    s = KgStore(path)
    s.add_graph_quads("urn:g:a", [(FOO, BAR, "urn:g:b")])
    # a load killed after a line "<foo> <bar> <urn:g:b> ." with no graph, misread as naming
    # graph urn:g:b, reached the default graph, and before that graph's own lines did
    s.engine.add(ox.Quad(ox.NamedNode(BAZ), ox.NamedNode(BAR), ox.NamedNode("urn:g:b"), ox.DefaultGraph()))
    (path / JOURNAL).write_text("urn:g:b\n")
    s.close()
    s = KgStore(path)
    assert _view(s) == _union(s)  # the triple urn:g:a holds stays; the stray one is gone
    assert len(_view(s)) == 1
    s.close()


def test_view_nquads_blank_nodes_are_the_same_in_graph_and_view(tmp_path: Path) -> None:
    s = KgStore(tmp_path / "s")
    path = _nquads_file(tmp_path, [f'_:k1 <{LABEL}> "first" <urn:g:one> .', f"<{FOO}> <{BAR}> _:k1 <urn:g:one> .",
                                   f'_:k1 <{LABEL}> "first" <urn:g:two> .'])
    assert s.load_files([path]) == {"urn:g:one": 2, "urn:g:two": 1}
    assert _view(s) == _union(s)
    assert len(list(s.engine.query(f"SELECT ?x WHERE {{ <{FOO}> <{BAR}> ?x . ?x <{LABEL}> ?l }}"))) == 1
    s.close()
