"""`kg ingest --jobs N`: worker processes build the graphs, the store ends up as with one job."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import kg

ARTICLES = sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))[:3]


def _dump(g: kg.KnowledgeGraph) -> list[str]:
    buf = io.BytesIO()
    g.export(buf, format="nq")
    return sorted(set(buf.getvalue().decode().splitlines()))


@pytest.mark.slow
def test_ingest_jobs_two_same_store_as_one(tmp_path: Path) -> None:
    assert len(ARTICLES) == 3
    paths = [str(p) for p in ARTICLES]
    with kg.open(tmp_path / "one") as g1:
        r1 = g1.ingest_paths(paths, jobs=1)
        one = _dump(g1)
    with kg.open(tmp_path / "two") as g2:
        r2 = g2.ingest_paths(paths, jobs=2)
        two = _dump(g2)
    assert not r1.errors and not r2.errors
    assert [r.summary() for r in r2.reports] == [r.summary() for r in r1.reports]
    assert two == one


def test_ingest_jobs_bad_file_reported(tmp_path: Path) -> None:
    """A file a worker cannot read is an error of that file; the others are ingested."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with kg.open(":memory:") as g:
        res = g.ingest_paths([str(empty), str(ARTICLES[0])], jobs=2)
    assert len(res.errors) == 1 and "empty.txt" in res.errors[0]
    assert len(res.reports) == 1


def test_ingest_jobs_zero_refused() -> None:
    with kg.open(":memory:") as g, pytest.raises(kg.KgError):
        g.ingest_paths([str(ARTICLES[0])], jobs=0)


def test_ingest_jobs_worker_error_is_the_files_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any exception in a worker (not only bad input) comes back as that file's failure,
    so that the other files go on; a bug of kg is exit code 3."""
    import kg.api

    def broken(doc, **kw):
        raise RuntimeError("simulated")

    monkeypatch.setattr(kg.api, "_build_document", broken)
    failure, built = kg.api._build_file(str(ARTICLES[0]), None, None)
    assert built is None and failure is not None
    assert failure.exit_code == 3
    assert failure.message == f"{ARTICLES[0]}: internal error of kg (RuntimeError: simulated)"
