"""Every ``>>>`` example in kg's docstrings runs as a test (as pyoxigraph's python/tests/test_doc.py)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg


def _modules() -> list[str]:
    return ["kg", *sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg."))]


def _with_examples() -> list[str]:
    finder = doctest.DocTestFinder()
    return [name for name in _modules()
            if any(t.examples for t in finder.find(importlib.import_module(name)))]


@pytest.mark.parametrize("module", _with_examples())
def test_doc_examples_run(module) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {module} failed"


def test_doc_the_library_face_has_examples() -> None:
    """The public verbs and the store class each show a runnable example."""
    finder = doctest.DocTestFinder()
    names = {t.name for t in finder.find(kg.api)} | {t.name for t in finder.find(kg)}
    for wanted in ("kg.api.open", "kg.api.KnowledgeGraph", "kg.api.KnowledgeGraph.query",
                   "kg.api.KnowledgeGraph.ask", "kg.api.KnowledgeGraph.export",
                   "kg.api.KnowledgeGraph.stats", "kg.api.KnowledgeGraph.close",
                   "kg.api.KnowledgeGraph.resolve_article", "kg.api.KnowledgeGraph.dataset",
                   "kg.api.KnowledgeGraph.graph", "kg.ingest"):
        assert any(t.name == wanted and t.examples for t in finder.find(kg.api) + finder.find(kg)), wanted
    assert names
