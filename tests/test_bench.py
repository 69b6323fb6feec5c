"""`python -m bench --quick`: every measurement shows up in the table (no timing targets here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

MEASUREMENTS = [
    "kg --help", "kg query 'ASK {}' (tiny store)", "python -c 'import pyoxigraph'",
    "pyoxigraph Store.bulk_load", "kg load (library)", "kg load --bulk (library)",
    "kg load (CLI, incl. start-up)", "pyoxigraph Store.load", "rdflib Dataset.parse (in memory)",
    "replaces+ from one treaty: kg library", "treaties, parties, dates LIMIT 100: kg library",
    "one person's summits + co-participants: kg library", "counts per class: kg library",
    "ask treaty-replacements: kg library", "ask treaty-replacements: pyoxigraph",
    "ask treaty-replacements: rdflib", "ask treaty-replacements: kg CLI",
    "one article (probe) in this store", "whole store (pySHACL)",
    "web: search for a short text ('a'): kg library",
    "web: search for a short text ('a'): pyoxigraph, deduplicated copy (the limit)",
    "kg reason --engine owlrl", "KnowledgeGraph.ingest_paths", "bare spaCy pipeline",
    "kg ingest --jobs 2 (CLI)",
]


@pytest.mark.slow
def test_bench_quick_table(tmp_path: Path) -> None:
    out = tmp_path / "quick.md"
    proc = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(out),
                           "--data", str(tmp_path / "data")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert "| section | measurement |" in text
    for name in MEASUREMENTS:
        assert f"| {name}" in text, name
    assert "## Targets" in text


def test_bench_generate_deterministic(tmp_path: Path) -> None:
    from bench.generate import generate

    m1 = generate(3000, tmp_path / "a.nq", size="3k")
    m2 = generate(3000, tmp_path / "b.nq", size="3k")
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()
    assert m1 == m2 and m1.quads >= 3000 and m1.chain_length >= 1
    import pyoxigraph as ox

    quads = list(ox.parse(path=str(tmp_path / "a.nq"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == m1.quads
    assert len({q.graph_name for q in quads}) == m1.articles
