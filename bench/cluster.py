"""The ``cluster`` section of ``python -m bench``: ``kg ingest --cluster`` with 1, 2 and 4
Dask workers (each a ``dask worker`` process of one thread, all on this machine) against
``kg ingest`` in one process and ``kg ingest --jobs 2``, interleaved in one run; and the cost
per article of shipping work to a worker and back.

The three clusters are started once (Dask's own CLI), warmed (each worker has loaded the
spaCy pipeline: a cluster's workers keep it between ingests), and stopped by pid at the end.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DASK = str(Path(sys.executable).with_name("dask"))
WORKERS = (1, 2, 4)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalCluster:
    """``dask scheduler`` and ``workers`` ``dask worker`` processes (one thread each) on 127.0.0.1,
    each in a session of its own, stopped by pid; ``env``: more environment for all of them (the
    scheduler's settings, say). tests/test_cluster.py uses it too."""

    def __init__(self, workers: int, logs: Path, *, env: dict[str, str] | None = None):
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.logs = logs
        self.env = {**os.environ, **(env or {})}
        self.procs: list[subprocess.Popen[bytes]] = []
        port = self.address.rsplit(":", 1)[1]
        self._spawn(f"scheduler-{port}", "scheduler", "--host", "127.0.0.1", "--port", port,
                    "--dashboard-address", "127.0.0.1:0", "--no-show")
        for n in range(workers):
            self.worker(f"worker-{port}-{n}")
        with self.client() as c:
            c.wait_for_workers(workers, timeout=120)

    def client(self) -> Any:
        from distributed import Client

        return Client(self.address, timeout=60, set_as_default=False)

    def worker(self, name: str, *extra: str) -> subprocess.Popen[bytes]:
        """One more ``dask worker`` (of one thread) named ``name``; ``extra``: more of its options."""
        return self._spawn(name, "worker", self.address, "--nthreads", "1", "--host", "127.0.0.1",
                           "--dashboard-address", "127.0.0.1:0", "--name", name, *extra)

    def _spawn(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        with open(self.logs / f"{name}.log", "wb") as out:
            proc = subprocess.Popen([DASK, *args], stdout=out, stderr=subprocess.STDOUT, env=self.env,
                                    start_new_session=True)
        self.procs.append(proc)
        return proc

    def stop(self) -> None:
        for p in reversed(self.procs):
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGTERM)
        for p in reversed(self.procs):
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()


def _echo(data: bytes, built: Any) -> Any:
    """A worker's task that does no work: what shipping an article there and back costs."""
    return built


def shipping_cost(files: list[str], address: str, runs: int) -> dict[str, float]:
    """Per article, in seconds: building it here (read, extract, graphs, shapes), and sending its
    bytes to a worker and its built graphs back (no work there), one at a time and pipelined
    (as ``--cluster`` does); medians over ``runs`` passes over ``files``."""
    from distributed import Client

    from kg.api import _build_file
    from kg.cluster import AHEAD, _ship
    from kg.text import read_file_bytes

    datas = [read_file_bytes(f) for f in files]
    built = []
    t = time.perf_counter()
    for f, d in zip(files, datas):
        built.append(_build_file(f, None, None, d))
    build = (time.perf_counter() - t) / len(files)
    one, piped = [], []
    with Client(address, timeout=60, set_as_default=False) as c:
        tasks = [(f, _echo, (d, b)) for f, d, b in zip(files, datas, built)]
        for _ in range(runs + 1):
            t = time.perf_counter()
            for _ in _ship(c, tasks, window=1):
                pass
            one.append((time.perf_counter() - t) / len(files))
            t = time.perf_counter()
            for _ in _ship(c, tasks, window=AHEAD):
                pass
            piped.append((time.perf_counter() - t) / len(files))
    size = sum(len(d) for d in datas) / len(files)
    import pickle

    shipped = sum(len(pickle.dumps(b)) for b in built) / len(files)
    return {"build": build, "one": statistics.median(one[1:]), "piped": statistics.median(piped[1:]),
            "bytes_in": size, "bytes_out": shipped}


def measure(run: Callable[[list[str]], tuple[float, int, str, str, int]], kg_cmd: Callable[..., list[str]],
            copy_template: Callable[[str], Path], folder: Path, warmup: int, runs: int,
            logs: Path) -> dict[str, Any]:
    """Wall times of ``kg ingest`` of ``folder``: one process, ``--jobs 2`` and ``--cluster`` with
    each of :data:`WORKERS`, interleaved (the order turns each run); a fresh store each time."""
    clusters = {n: LocalCluster(n, logs) for n in WORKERS}
    try:
        cmds: dict[str, list[str]] = {"one process": ["ingest"], "--jobs 2": ["ingest", "--jobs", "2"]}
        for n, c in clusters.items():
            cmds[f"--cluster, {n} worker{'s' if n > 1 else ''}"] = ["ingest", "--cluster", c.address]
        times: dict[str, list[float]] = {k: [] for k in cmds}
        rss: dict[str, int] = {k: 0 for k in cmds}
        names = list(cmds)
        for i in range(warmup + runs):
            order = names[i % len(names):] + names[:i % len(names)]
            for k in order:
                store = copy_template("cluster-store")
                wall, kb, _, err, code = run(kg_cmd("--store", str(store), *cmds[k], str(folder)))
                if code:
                    raise RuntimeError(f"{k}: {err[-2000:]}")
                if i >= warmup:
                    times[k].append(wall)
                    rss[k] = max(rss[k], kb)
        files = sorted(str(p) for p in folder.iterdir())[:20]
        cost = shipping_cost(files, clusters[1].address, runs)
    finally:
        for c in clusters.values():
            c.stop()
    return {"times": times, "rss": rss, "cost": cost}
