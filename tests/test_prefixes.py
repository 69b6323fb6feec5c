"""kg.prefixes (plain strings, no rdflib) agrees with kg.namespace, and the query path stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg import namespace, prefixes


def test_prefixes_match_namespace() -> None:
    assert prefixes.PREFIXES == namespace.PREFIXES


@pytest.mark.parametrize("name", ["BASE", "ID", "ARTICLE", "QUARANTINE", "GRAPH", "ONTOLOGY_GRAPH",
                                  "REFERENCE_GRAPH", "INFERRED_GRAPH", "WD", "SCHEMA"])
def test_prefixes_bases_match_namespace(name: str) -> None:
    assert getattr(prefixes, name) == str(getattr(namespace, name))


def test_prefixes_kg_namespace() -> None:
    assert prefixes.KG == str(namespace.KG._NS)


def test_prefixes_query_imports_no_heavy_module(store_path: Path) -> None:
    """`kg query` on an initialised store does not import rdflib, spaCy, owlready2 or pySHACL."""
    code = (
        "import sys\n"
        "from kg.cli import app\n"
        f"sys.argv = ['kg', '--store', {str(store_path)!r}, 'query', 'ASK {{ ?s ?p ?o }}']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('rdflib', 'spacy', 'owlready2', 'pyshacl', 'owlrl') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "true" in out
    assert "HEAVY=\n" in out, out
