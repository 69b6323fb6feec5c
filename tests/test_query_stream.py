"""``kg query`` streams its rows (issue 14): csv, tsv, json and xml rows go to stdout as the
engine finds them, so ``kg query '<cartesian product>' --format csv | head -c 100`` answers at
once (before: nothing was written until every row was); a reader that stops early ends the
query quietly (exit 0); a query's worker that needs more memory than its limit is stopped.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.store import KgStore

_ONE_TO_50 = " ".join(str(i) for i in range(1, 51))
#: 125,000 rows, about 1.3 MB of CSV: written whole before, in chunks of ~8 KB now
BIG = f"SELECT * WHERE {{ VALUES ?a {{ {_ONE_TO_50} }} VALUES ?b {{ {_ONE_TO_50} }} VALUES ?c {{ {_ONE_TO_50} }} }}"
FIRST_WRITE_MAX = 64_000


class _Stdout(io.RawIOBase):
    """A stdout that records the size of each write; ``gone``: its reader has left (EPIPE)."""

    def __init__(self, *, gone: bool = False):
        self.writes: list[int] = []
        self.gone = gone

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        self.writes.append(len(data))
        if self.gone:
            raise BrokenPipeError(32, "Broken pipe")
        return len(data)


@pytest.fixture(autouse=True)
def _no_workers_left() -> None:
    """Query workers this process started (``--timeout`` runs in-process here) end with the test."""
    from kg.timeout import close_all

    yield
    close_all()


def _run(monkeypatch: pytest.MonkeyPatch, out: _Stdout, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["kg", *args])
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(out, 8192)))   # as a pipe
    with pytest.raises(SystemExit) as done:
        main()
    return done.value.code


@pytest.fixture(params=["memory", "disk", "disk-timeout"])
def where(request, store_path: Path) -> list[str]:
    """A store and the options for it: a query in this process, or in a worker (--timeout)."""
    if request.param == "memory":
        return ["--store", ":memory:"]
    return ["--store", str(store_path)], *(["--timeout", "60"] if request.param == "disk-timeout" else [])


def _args(where, *query_args: str) -> list[str]:
    store, *extra = where if isinstance(where, tuple) else (where,)
    return [*store, "query", *query_args, *extra]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_query_stream_rows_go_out_as_they_come(monkeypatch, capsys, where, fmt) -> None:
    out = _Stdout()
    assert _run(monkeypatch, out, *_args(where, BIG, "--format", fmt)) == 0
    assert capsys.readouterr().err == ""
    assert sum(out.writes) > 1_000_000 and out.writes[0] < FIRST_WRITE_MAX


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_query_stream_reader_gone_is_quiet_and_frees_the_store(monkeypatch, capsys, where, fmt) -> None:
    out = _Stdout(gone=True)
    assert _run(monkeypatch, out, *_args(where, BIG, "--format", fmt)) == 0
    assert capsys.readouterr().err == ""
    assert len(out.writes) <= 2 and max(out.writes) < FIRST_WRITE_MAX   # nothing more after EPIPE
    store = where[0][1] if isinstance(where, tuple) else None
    if store is not None:
        KgStore(store, wait=0.0).close()   # a writer gets the store at once: no worker holds it


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_query_stream_ends_with_one_newline(runner, fmt) -> None:
    from kg.cli import app

    result = runner.invoke(app, ["--store", ":memory:", "query", "SELECT ?x WHERE { VALUES ?x { 1 2 } }",
                                 "--format", fmt])
    assert result.exit_code == 0
    assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n")


@pytest.mark.parametrize("limit", ["1"])
def test_query_memory_limit_stops_the_worker(monkeypatch, capsys, store_path, limit) -> None:
    monkeypatch.setenv("KG_MAX_QUERY_MB", limit)   # below what any worker holds
    out = _Stdout()
    code = _run(monkeypatch, out, "--store", str(store_path), "query", BIG, "--format", "csv", "--timeout", "60")
    err = capsys.readouterr().err
    assert code == 2 and err == f"Error: query stopped: it needed more than {limit} MB of memory (the limit, $KG_MAX_QUERY_MB)\n"


@pytest.mark.parametrize("value", ["0", "lots"])
def test_query_memory_limit_bad_value_is_one_line(monkeypatch, capsys, store_path, value) -> None:
    monkeypatch.setenv("KG_MAX_QUERY_MB", value)
    code = _run(monkeypatch, _Stdout(), "--store", str(store_path), "query", "ASK {}", "--timeout", "60")
    assert code == 2 and capsys.readouterr().err == f"Error: bad $KG_MAX_QUERY_MB '{value}': give a number of megabytes above 0\n"
