"""``kg ingest --cluster``: the articles built on a real Dask cluster on 127.0.0.1, started
with Dask's own CLI (``dask scheduler``, two ``dask worker`` processes); the store equals a
local ingest of the same files, a worker killed mid-batch loses nothing, a bad article is
reported once, and the N-Quads shards of ``--shards`` load into the same store.

The module is skipped where Dask (``dask[distributed]``, part of the test extra) is not
installed.
"""

from __future__ import annotations

import io
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg
from kg.cli import app

distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install 'dask[distributed]')")

from bench.cluster import LocalCluster, free_port  # noqa: E402 - after the skip

ROOT = Path(__file__).parent.parent
#: the three example articles and four written for the tests: small, quick to extract
FILES = [str(p) for p in sorted((ROOT / "examples").glob("*.txt"))
         + sorted((ROOT / "tests" / "articles").glob("gen_0[1-4].txt"))]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalCluster]:
    """One scheduler and two workers (one thread each, with Dask's nanny, which restarts a
    killed worker) for the module; a task is given up once it has killed one worker."""
    c = LocalCluster(2, tmp_path_factory.mktemp("dask"), env={"DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"})
    try:
        yield c
    finally:
        c.stop()


def _dump(g: kg.KnowledgeGraph) -> set[str]:
    buf = io.BytesIO()
    g.export(buf, format="nq")
    return set(buf.getvalue().decode().splitlines())


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], list[str]]:
    """The store (as N-Quads lines) and report lines of a local ingest of FILES."""
    with kg.open(tmp_path_factory.mktemp("local") / "store") as g:
        res = g.ingest_paths(FILES)
        assert not res.errors
        return _dump(g), [r.summary() for r in res.reports]


def test_cluster_ingest_cli_same_store_as_local(cluster: LocalCluster, local, runner, tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = runner.invoke(app, ["--store", str(store), "ingest", "--cluster", cluster.address, *FILES])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == local[1]   # the same lines, in input order
    with kg.open(store) as g:
        assert _dump(g) == local[0]


def test_cluster_worker_killed_mid_batch_loses_nothing(cluster: LocalCluster, local, tmp_path: Path) -> None:
    """A third worker (no nanny: killed, it stays dead) is killed while it builds articles:
    they are built again by the others, and the store is the local one."""
    doomed = cluster.worker("doomed", "--no-nanny")
    killed: list[list[str]] = []
    with cluster.client() as c:
        c.wait_for_workers(3, timeout=60)
        address = next(w for w, info in c.scheduler_info()["workers"].items() if info["name"] == "doomed")

        def kill_when_busy() -> None:
            for _ in range(600):
                busy = c.processing(workers=[address]).get(address) or []
                if busy:
                    os.kill(doomed.pid, signal.SIGKILL)
                    killed.append(list(busy))
                    return
                time.sleep(0.02)

        killer = threading.Thread(target=kill_when_busy)
        killer.start()
        with kg.open(tmp_path / "store") as g:
            res = g.ingest_paths(FILES, cluster=cluster.address)
            dump = _dump(g)
        killer.join()
    assert killed and any(k.startswith("kg-") for k in killed[0]), "the worker was not killed mid-article"
    assert doomed.wait(timeout=10) == -signal.SIGKILL
    assert not res.errors
    assert [r.summary() for r in res.reports] == local[1]
    assert dump == local[0]


def test_cluster_bad_article_reported_once(cluster: LocalCluster, tmp_path: Path) -> None:
    """An article that fails fails as locally, once (its worker returns the failure: no retry);
    one that cannot be read here fails here; the others are ingested."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    missing = tmp_path / "missing.txt"
    with kg.open(":memory:") as g:
        local = g.ingest_paths([str(empty)])
    with kg.open(":memory:") as g:
        res = g.ingest_paths([str(empty), FILES[0], str(missing)], cluster=cluster.address)
    assert [type(o).__name__ for o in res.outcomes] == ["IngestFailure", "IngestReport", "IngestFailure"]
    assert res.errors[0] == local.errors[0]
    assert "missing.txt" in res.errors[1] and res.exit_code == 2


def test_cluster_article_killing_its_workers_given_up(cluster: LocalCluster) -> None:
    """A task that kills every worker it is given is reported once Dask's allowed-failures is
    reached (1 in this cluster), not sent again forever."""
    from kg.api import IngestFailure
    from kg.cluster import _ship

    with cluster.client() as c:
        out = list(_ship(c, [("deadly.txt", os._exit, (1,)), ("fine", None, "ok")], window=2))
        c.wait_for_workers(2, timeout=60)   # the nannies restart the killed workers
    assert out[1] == ("fine", "ok")
    assert isinstance(out[0][1], IngestFailure)
    assert out[0][1].message == ("deadly.txt: the workers building it died each time (a crash, or out "
                                 "of memory); it was not sent again")


def test_cluster_shards_load_into_the_local_store(cluster: LocalCluster, local, runner, tmp_path: Path) -> None:
    out = tmp_path / "shards"
    result = runner.invoke(app, ["ingest", "--cluster", cluster.address, "--shards", str(out),
                                 "--shard-size", "3", *FILES])
    assert result.exit_code == 0, result.stderr
    shards = sorted(out.iterdir())
    assert [p.name for p in shards] == ["shard-00000.nq", "shard-00001.nq", "shard-00002.nq"]
    assert result.stdout.splitlines()[-1] == (f"wrote 7 articles to 3 N-Quads shards in {out}; load them "
                                              f"with: kg load --bulk {out}/*.nq")
    store = tmp_path / "store"
    result = runner.invoke(app, ["--store", str(store), "load", "--bulk", *map(str, shards)])
    assert result.exit_code == 0, result.stderr
    with kg.open(store) as g:
        assert _dump(g) == local[0]


def test_cluster_unreachable_is_one_line(runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("kg.cluster.CONNECT_TIMEOUT", 1.0)
    result = runner.invoke(app, ["--store", str(tmp_path / "s"), "ingest", "--cluster",
                                 f"tcp://127.0.0.1:{free_port()}", FILES[0]])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "s").exists()   # no store made


def test_cluster_without_dask_is_one_line(runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = runner.invoke(app, ["--store", ":memory:", "ingest", "--cluster", "tcp://127.0.0.1:1", FILES[0]])
    assert result.exit_code == 2
    assert result.stderr == ("Error: kg ingest --cluster needs the Python package dask[distributed], which "
                             "is not installed: run pip install 'dask[distributed]'\n")


@pytest.mark.parametrize("args", [["--shards", "x"], ["--cluster", "tcp://127.0.0.1:1", "--jobs", "2"]])
def test_cluster_option_misuse_is_one_line(runner, args: list[str]) -> None:
    result = runner.invoke(app, ["--store", ":memory:", "ingest", *args, FILES[0]])
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")
