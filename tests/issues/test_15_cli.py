"""Issue 15, the CLI: --version, choices in --help, RDF formats of graph results, export's
format names and notes, short IRIs in tables only, usage errors on one line."""

from __future__ import annotations

import json
import re
import sys

import pytest

import kg
from kg.cli import app, main

RUSSIA = "https://w3id.org/kg/id/state/russia"
CONSTRUCT = "CONSTRUCT { ?s kg:leaderOf ?o } WHERE { ?s kg:leaderOf ?o }"
SELECT = "SELECT ?s WHERE { ?s kg:leaderOf ?o }"


def run(runner, store, *args: str):
    return runner.invoke(app, ["--store", str(store), *args])


def flat(text: str) -> str:
    """Help text without the box drawing and line breaks of its table."""
    return re.sub(r"[\s│╭╮╰╯─]+", "", text)


@pytest.mark.issue(15)
def test_issue15_version(runner) -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"kg {kg.__version__}\n")


@pytest.mark.issue(15)
@pytest.mark.parametrize(("command", "choices"), [
    (["export"], "<ttl|turtle|nt|ntriples|nq|nquads|trig|jsonld|json-ld|xml|rdfxml>"),
    (["load"], "<ttl|turtle|nt|ntriples|nq|nquads|trig|jsonld|json-ld|xml|rdfxml>"),
    (["reason"], "<hermit|owlrl>"),
    (["plot"], "<timeline|network>"),
    (["validate"], "<text|json|turtle>"),
    (["query"], "<table|json|csv|tsv|xml|ttl|nt|nq|jsonld>"),
    (["ask"], "<table|json|csv|tsv|xml|ttl|nt|nq|jsonld>"),
])
def test_issue15_help_lists_choices(runner, command, choices) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert choices in flat(result.stdout)


@pytest.mark.issue(15)
def test_issue15_ask_format_has_help(runner) -> None:
    out = flat(runner.invoke(app, ["ask", "--help"]).stdout)
    assert "forCONSTRUCTandDESCRIBERDF" in out


@pytest.mark.issue(15)
@pytest.mark.parametrize(("fmt", "check"), [
    ("nt", lambda out: f"<{RUSSIA}>" in out and "@prefix" not in out),
    ("nq", lambda out: out.rstrip().endswith(" .")),
    ("ttl", lambda out: "@prefix kg:" in out),
    ("xml", lambda out: out.startswith("<?xml") and "rdf:RDF" in out),
    ("jsonld", lambda out: json.loads(out)["@context"]["kg"] == "https://w3id.org/kg/ontology#"),
])
def test_issue15_construct_formats(runner, sample_store, fmt, check) -> None:
    result = run(runner, sample_store, "query", CONSTRUCT, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert check(result.stdout)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("query", "fmt", "line"), [
    (CONSTRUCT, "json", "Error: bad --format json: a CONSTRUCT or DESCRIBE result is RDF triples; "
                        "use ttl, nt, nq, jsonld or xml (RDF/XML)"),
    (CONSTRUCT, "csv", "Error: bad --format csv: a CONSTRUCT or DESCRIBE result is RDF triples; "
                       "use ttl, nt, nq, jsonld or xml (RDF/XML)"),
    (SELECT, "ttl", "Error: bad --format ttl: a SELECT result is written as table, json, csv, tsv or xml"),
])
def test_issue15_format_that_does_not_fit_is_an_error(runner, sample_store, query, fmt, line) -> None:
    result = run(runner, sample_store, "query", query, "--format", fmt)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line + "\n")


@pytest.mark.issue(15)
@pytest.mark.parametrize(("name", "marker"), [
    ("turtle", "@prefix"), ("ntriples", "<"), ("nquads", "<"), ("trig", "{"),
    ("json-ld", '"@context"'), ("jsonld", '"@context"'), ("rdfxml", "<?xml"), ("xml", "<?xml"),
])
def test_issue15_export_format_names(runner, sample_store, sample_graph, name, marker) -> None:
    result = run(runner, sample_store, "export", "--format", name)
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout


@pytest.mark.issue(15)
def test_issue15_export_jsonld_context_and_round_trip(runner, sample_store, tmp_path) -> None:
    out = tmp_path / "all.jsonld"
    assert run(runner, sample_store, "export", "--format", "json-ld", "-o", str(out)).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {k: doc["@context"][k] for k in ("kg", "rdfs", "skos", "dcterms", "wd")} == {
        "kg": "https://w3id.org/kg/ontology#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "skos": "http://www.w3.org/2004/02/skos/core#", "dcterms": "http://purl.org/dc/terms/",
        "wd": "http://www.wikidata.org/entity/"}
    with kg.open(sample_store, read_only=True) as g:
        before = len(g.store)
    copy = tmp_path / "copy"
    assert run(runner, copy, "load", str(out)).exit_code == 0
    with kg.open(copy, read_only=True) as g:
        assert len(g.store) == before


@pytest.mark.issue(15)
def test_issue15_export_triples_format_says_graphs_merged(runner, sample_store) -> None:
    result = run(runner, sample_store, "export", "--format", "ttl")
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert re.fullmatch(r"wrote \d+ triples to stdout; the 3 graphs were merged into one "
                        r"\(ttl keeps no graphs: use nq, trig or jsonld to keep them\)", line), line


@pytest.mark.issue(15)
def test_issue15_export_quads_says_nothing_on_stdout(runner, sample_store) -> None:
    result = run(runner, sample_store, "export", "--format", "nq")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.issue(15)
def test_issue15_tables_shorten_iris_other_formats_do_not(runner, sample_store) -> None:
    query = f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ <{RUSSIA}> }} ?s ?p ?o FILTER(?p = rdf:type) }}"
    table = run(runner, sample_store, "query", query).stdout.splitlines()
    assert table[2].split() == ["state/russia", "rdf:type", "kg:State"]
    csv = run(runner, sample_store, "query", query, "--format", "csv").stdout.splitlines()
    assert csv[1] == f"{RUSSIA},http://www.w3.org/1999/02/22-rdf-syntax-ns#type,https://w3id.org/kg/ontology#State"
    tsv = run(runner, sample_store, "query", query, "--format", "tsv").stdout
    assert f"<{RUSSIA}>" in tsv and "state/russia" not in tsv.replace(RUSSIA, "")
    assert RUSSIA in run(runner, sample_store, "query", query, "--format", "json").stdout
    assert RUSSIA in run(runner, sample_store, "query", query, "--format", "xml").stdout


@pytest.mark.issue(15)
@pytest.mark.parametrize("args", [["ask", "--frmat", "csv"], ["reason", "--engine", "pellet"],
                                  ["query"], ["export", "--format", "yaml"]])
def test_issue15_usage_errors_one_line(runner, store_path, args, monkeypatch, capsys) -> None:
    result = run(runner, store_path, *args)
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ") and line.endswith("--help)")
    # the installed command (kg.cli:main) prints the same single line
    monkeypatch.setattr(sys, "argv", ["kg", "--store", str(store_path), *args])
    with pytest.raises(SystemExit) as ex:
        main()
    assert ex.value.code == 2
    assert capsys.readouterr().err.splitlines() == [line]
