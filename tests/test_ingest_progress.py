"""Progress of ``kg ingest`` (issue 14): every article of nested folders is counted; each
article's report line comes as soon as it is committed, not all at the end of the batch;
without a terminal, a plain progress line every ``PROGRESS_EVERY`` articles on stderr.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.cli import PROGRESS_EVERY, _progress

KG_BIN = str(Path(sys.executable).with_name("kg"))


def _article(k: int) -> str:
    return (f"Posted March 2, {2000 + k}\n\n"
            f"President Gabriel Boric of Chile met Alberto Fernandez of Argentina in Santiago on "
            f"March 2, {2000 + k}. The two leaders discussed trade and energy.\n")


def _nested(root: Path, n: int) -> list[Path]:
    """``n`` articles: a third at the top, a third one folder down, a third two folders down."""
    files = []
    for k in range(n):
        folder = root / ("", "a", "a/b")[k * 3 // n]
        folder.mkdir(parents=True, exist_ok=True)
        files.append(folder / f"art{k:02d}.txt")
        files[-1].write_text(_article(k), encoding="utf-8")
    return files


@pytest.mark.parametrize("n", [12])
def test_ingest_progress_counts_nested_files(tmp_path, n) -> None:
    _nested(tmp_path / "news", n)
    assert _progress([str(tmp_path / "news"), "-"]).total == n + 1


@pytest.mark.parametrize("n", [PROGRESS_EVERY + 2])
def test_ingest_progress_lines_without_a_terminal(runner, tmp_path, n) -> None:
    from kg.cli import app

    _nested(tmp_path / "news", n)
    result = runner.invoke(app, ["--store", ":memory:", "ingest", str(tmp_path / "news")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [f"read {PROGRESS_EVERY} of {n} articles"]
    assert len(result.stdout.splitlines()) == n


@pytest.mark.parametrize("n", [PROGRESS_EVERY + 2])
def test_ingest_progress_reports_each_article_as_it_is_committed(tmp_path, n) -> None:
    files = _nested(tmp_path / "news", n)
    events: list[tuple[str, str]] = []
    g = kg.open(":memory:")

    def report(outcome) -> None:
        assert isinstance(outcome, kg.IngestReport)
        assert g.store.has_graph(outcome.article)   # committed when told
        events.append(("report", outcome.source))

    result = g.ingest_paths([str(tmp_path / "news")], progress=lambda item: events.append(("read", item)),
                            report=report)
    assert [e for e in events if e[0] == "report"] == [("report", str(f)) for f in sorted(files)]
    assert len(result.reports) == n
    # the first article is told long before the last one is read
    assert events.index(("report", str(sorted(files)[0]))) < events.index(("read", str(sorted(files)[-1])))


@pytest.mark.parametrize("n", [PROGRESS_EVERY + 2])
def test_ingest_progress_cli_lines_interleave(tmp_path, n) -> None:
    """``kg ingest DIR 2>&1``: report lines come among the progress lines, not after them."""
    _nested(tmp_path / "news", n)
    out = subprocess.run([KG_BIN, "--store", ":memory:", "ingest", str(tmp_path / "news")],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=True).stdout
    lines = out.splitlines()
    first_progress = lines.index(f"read {PROGRESS_EVERY} of {n} articles")
    assert any(" facts added" in line for line in lines[:first_progress])
