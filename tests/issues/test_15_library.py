"""Issue 15, the library's face: kg.open's help, the errors importable from kg, typed and
documented methods, a useful repr, export's result, ``with kg.open(...)``."""

from __future__ import annotations

import inspect
import io
import pydoc
import typing

import pytest

import kg
from kg import errors


@pytest.mark.issue(15)
def test_issue15_open_help_mentions_urls_and_errors() -> None:
    text = pydoc.render_doc(kg.open, renderer=pydoc.plaintext)
    for wanted in ("http://", "https://", "StoreInUse", "StoreError", "MissingComponent", "KgError"):
        assert wanted in text, wanted


@pytest.mark.issue(15)
def test_issue15_every_error_importable_from_kg() -> None:
    kinds = {name for name, obj in vars(errors).items()
             if inspect.isclass(obj) and issubclass(obj, errors.KgError)}
    assert "StoreInUse" in kinds
    for name in kinds:
        assert getattr(kg, name) is getattr(errors, name), name
        assert name in kg.__all__, name


@pytest.mark.issue(15)
@pytest.mark.parametrize(("method", "expected"), [("dataset", "Dataset"), ("graph", "Graph")])
def test_issue15_rdflib_return_types(method, expected) -> None:
    from rdflib import Dataset, Graph

    hints = typing.get_type_hints(getattr(kg.KnowledgeGraph, method),
                                  localns={"Dataset": Dataset, "Graph": Graph})
    assert hints["return"] is {"Dataset": Dataset, "Graph": Graph}[expected]


@pytest.mark.issue(15)
@pytest.mark.parametrize("method", ["close", "stats", "resolve_article", "export", "dataset", "graph"])
def test_issue15_methods_documented(method) -> None:
    doc = inspect.getdoc(getattr(kg.KnowledgeGraph, method)) or ""
    assert len(doc) > 40 and ">>>" in doc, method


def _public_callables() -> list[tuple[str, typing.Any]]:
    out = []
    for name in kg.__all__:
        obj = getattr(kg, name)
        if inspect.isfunction(obj):
            out.append((name, obj))
        elif inspect.isclass(obj) and not issubclass(obj, BaseException):
            for attr, member in vars(obj).items():
                fn = member.fget if isinstance(member, property) else member
                if inspect.isfunction(fn) and (not attr.startswith("_") or attr in (
                        "__init__", "__enter__", "__exit__", "__iter__")):
                    out.append((f"{name}.{attr}", fn))
    return out


def _has_any(hint: object) -> bool:
    return hint is typing.Any or any(_has_any(a) for a in typing.get_args(hint))


@pytest.mark.issue(15)
def test_issue15_no_any_in_public_signatures() -> None:
    from types import TracebackType

    from rdflib import Dataset, Graph

    from kg.reason import ReasoningResult
    from kg.remote import PushReport
    from kg.validate import Report

    local = {"Dataset": Dataset, "Graph": Graph, "PushReport": PushReport, "Report": Report,
             "ReasoningResult": ReasoningResult, "TracebackType": TracebackType}
    with_any = []
    for qual, fn in _public_callables():
        hints = typing.get_type_hints(fn, localns=local)
        with_any += [f"{qual}({k})" for k, v in hints.items() if _has_any(v)]
    assert with_any == []


@pytest.mark.issue(15)
def test_issue15_options_stay_keyword_only() -> None:
    for fn in (kg.open, kg.ingest, kg.KnowledgeGraph.query, kg.KnowledgeGraph.ask, kg.KnowledgeGraph.export):
        params = list(inspect.signature(fn).parameters.values())
        options = [p for p in params if p.default is not inspect.Parameter.empty and p.name != "output"
                   and p.name != "location"]
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in options), fn


@pytest.mark.issue(15)
def test_issue15_repr_says_location_backend_size(tmp_path) -> None:
    with kg.open(tmp_path / "s") as g:
        text = repr(g)
        size = len(g.store)
    assert text == f"<KnowledgeGraph '{tmp_path / 's'}' (oxigraph, on disk; {size} quads in 2 graphs)>"


@pytest.mark.issue(15)
def test_issue15_export_returns_path_and_count(tmp_path) -> None:
    with kg.open(":memory:") as g:
        done = g.export(tmp_path / "all.nq")
        expected = len(g.store)
    assert (done.path, done.statements, done.graphs, done.merged) == (str(tmp_path / "all.nq"), expected, 2, False)
    assert len((tmp_path / "all.nq").read_text(encoding="utf-8").splitlines()) == expected


@pytest.mark.issue(15)
def test_issue15_export_triples_says_merged() -> None:
    with kg.open(":memory:") as g:
        done = g.export(io.BytesIO(), format="ntriples")
    assert done.merged and done.graphs == 2 and "merged" in done.summary()


@pytest.mark.issue(15)
def test_issue15_with_open_releases_the_store(tmp_path) -> None:
    with kg.open(tmp_path / "s") as g:
        assert g.stats().articles == 0
    with kg.open(tmp_path / "s") as again:  # a second writer: the first one let go
        assert again.stats().articles == 0
    with pytest.raises(kg.StoreError):
        g.query("ASK {}")


@pytest.mark.issue(15)
def test_issue15_py_typed_and_all() -> None:
    from importlib import resources

    assert resources.files("kg").joinpath("py.typed").is_file()
    assert {"open", "ingest", "KnowledgeGraph"} <= set(kg.__all__)
