"""Queries with a time limit: each runs in a worker process that is killed when the limit
passes (or the caller gives up), so an abandoned query stops using CPU and releases the store.

The engine (pyoxigraph) has no timeout and no way to cancel a query once it runs (a
``COUNT`` over a cartesian product gives no control back until it is done), so the only
sure stop is to end the process running it. A worker opens the store read-only for each
query (a shared lock, as any reader), runs it, and sends the whole answer back (SPARQL
results JSON, or N-Triples for a graph); the caller gets an ordinary
:class:`kg.store.Result`. Workers are kept for the next query (``kg serve``); one that is
killed is replaced. Killing a process releases its locks (the kernel drops them).

Only an on-disk store can be read from another process: ``:memory:`` and remote stores
run queries in the caller (see :meth:`kg.KnowledgeGraph.query`).
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from .errors import InputError, KgError, QueryTimeout, StoreError

#: Workers started at most at once per store (more queries wait for one, within their limit).
MAX_WORKERS = 8
#: The most memory (resident, MB) a query's worker may hold before it is stopped: an ORDER BY
#: or GROUP BY over a cartesian product gathers every solution first. ``$KG_MAX_QUERY_MB``
#: sets another limit.
MAX_QUERY_MB = 1000

_local = threading.local()
_pools: dict[str, "QueryPool"] = {}
_pools_lock = threading.Lock()


@contextlib.contextmanager
def cancel_when(gone: Callable[[], bool]) -> Iterator[None]:
    """Within this block (this thread), a query stops as soon as ``gone()`` is true (a web
    client that disconnected, say)."""
    before = getattr(_local, "gone", None)
    _local.gone = gone
    try:
        yield
    finally:
        _local.gone = before


class _Worker:
    def __init__(self, ctx: Any):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve_queries, args=(child,), daemon=True, name="kg-query")
        self.proc.start()
        child.close()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


class QueryPool:
    """Worker processes that run read-only queries of the on-disk store at ``location``."""

    def __init__(self, location: str, *, wait: float = 0.0, keep: int = 2):
        import multiprocessing

        self.location = location
        self.wait = wait
        self.keep = keep
        self._ctx = multiprocessing.get_context("spawn")  # a clean process: no engine, no threads
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()  # idle and busy: close() kills them all
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(MAX_WORKERS)
        self._closed = False

    def start(self, count: int = 1) -> None:
        """Start ``count`` workers now (a first query then does not wait for one)."""
        for _ in range(min(count, self.keep) - len(self._idle)):
            self._give_back(self._new())

    def _new(self) -> _Worker:
        # started from one long-lived thread: a worker dies with the thread that started it
        # (_die_with_parent), and request threads come and go
        worker: _Worker = _spawner().submit(_Worker, self._ctx).result()
        with self._lock:
            self._all.add(worker)
        return worker

    def run(self, sparql: str, *, timeout: float, bindings: dict[str, Any] | None = None,
            allow_service: bool = False, stream: bool = False) -> Any:
        """The query's :class:`~kg.store.Result`; :class:`QueryTimeout` after ``timeout`` seconds.

        ``stream``: the solutions of a SELECT come back as the worker finds them (the
        result reads them from the worker); the time limit then covers reading them too,
        and the worker is busy until they are read or the result is dropped.
        """
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=max(timeout, 0.0)):
            raise QueryTimeout(_stopped(timeout, busy=True))
        worker: _Worker | None = None
        try:
            worker = self._take()
            worker.conn.send((self.location, self.wait, sparql, bindings or {}, allow_service, stream))
            reply = self._next(worker, deadline, timeout)
            if reply[0] == "head":  # solutions to follow, chunk by chunk
                from .store import Result
                from .store import engine_io as ox

                chunks = _Chunks(self, worker, deadline, timeout)
                worker = None  # the chunks' now: given back when read to the end
                return Result("select", ox.parse_query_results(chunks, ox.QueryResultsFormat.JSON),
                              tuple(reply[1]), _source=chunks)
            self._done(worker)
            worker = None
        finally:
            if worker is not None:
                self._done(worker, failed=True)
        return _unpack(reply)

    def _next(self, worker: _Worker, deadline: float, timeout: float) -> tuple[Any, ...]:
        """The worker's next message, within the time limit (QueryTimeout)."""
        gone = getattr(_local, "gone", None)
        limit = memory_limit_mb()
        while True:
            ready = worker.conn.poll(0.05)
            if self._closed:
                raise QueryTimeout("query stopped: kg is shutting down")
            if ready:
                break
            if gone is not None and gone():
                raise QueryTimeout("query stopped: its client went away")
            if time.monotonic() > deadline:
                raise QueryTimeout(_stopped(timeout))
            if _resident_mb(worker.proc.pid) > limit:
                raise QueryTimeout(f"query stopped: it needed more than {limit:g} MB of memory "
                                   "(the limit, $KG_MAX_QUERY_MB)")
        try:
            return worker.conn.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError):
            raise StoreError("the query's worker process died "
                             f"(exit code {worker.proc.exitcode})") from None

    def _done(self, worker: _Worker, *, failed: bool = False) -> None:
        """The query of ``worker`` is over: keep the worker (or kill it) and free its slot."""
        try:
            if failed:
                self._drop(worker)
            else:
                self._give_back(worker)
        finally:
            self._slots.release()

    def _take(self) -> _Worker:
        while True:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
            if worker is None:
                return self._new()
            if worker.proc.is_alive():
                return worker
            self._drop(worker)

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self.keep:
                self._idle.append(worker)
                return
        self._drop(worker)

    def _drop(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()

    def close(self) -> None:
        """Kill every worker, busy ones too: the queries they ran stop with QueryTimeout."""
        self._closed = True
        with self._lock:
            workers, self._idle = list(self._all), []
        for worker in workers:
            with contextlib.suppress(Exception):
                worker.proc.kill()  # the thread waiting for it ends the query and cleans up


class _Chunks(io.RawIOBase):
    """The SPARQL results JSON of a streamed query, read from its worker as it comes; past
    the time limit (or when the result is dropped) the worker is killed."""

    def __init__(self, pool: QueryPool, worker: _Worker, deadline: float, timeout: float):
        self._pool, self._worker = pool, worker
        self._deadline, self._timeout = deadline, timeout
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._buf:
            if self._worker is None:
                return 0
            try:
                reply = self._pool._next(self._worker, self._deadline, self._timeout)
            except BaseException:
                self._finish(failed=True)
                raise
            if reply[0] == "chunk":
                self._buf = reply[1]
            elif reply[0] == "end":
                self._finish()
            else:
                self._finish()  # the worker sent its error and waits for the next query
                _unpack(reply)
        n = min(len(b), len(self._buf))
        b[:n], self._buf = self._buf[:n], self._buf[n:]
        return n

    def _finish(self, *, failed: bool = False) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            self._pool._done(worker, failed=failed)

    def close(self) -> None:
        self._finish(failed=True)  # dropped before the end: the worker may still be sending
        super().close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self._finish(failed=True)


_spawn_thread: Any = None


def _spawner() -> Any:
    """The one thread that starts this process's query workers."""
    global _spawn_thread
    with _pools_lock:
        if _spawn_thread is None:
            from concurrent.futures import ThreadPoolExecutor

            _spawn_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-query-spawner")
        return _spawn_thread


def memory_limit_mb() -> float:
    """The memory limit of a query's worker in MB: ``$KG_MAX_QUERY_MB``, else :data:`MAX_QUERY_MB`."""
    import os

    raw = os.environ.get("KG_MAX_QUERY_MB", "").strip()
    if not raw:
        return MAX_QUERY_MB
    try:
        mb = float(raw)
    except ValueError:
        mb = -1.0
    if not mb > 0:
        raise InputError(f"bad $KG_MAX_QUERY_MB '{raw}': give a number of megabytes above 0")
    return mb


def _resident_mb(pid: int | None) -> float:
    """The resident memory of process ``pid`` in MB (Linux; 0 where it cannot be read)."""
    import os

    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_000_000


def _stopped(timeout: float, busy: bool = False) -> str:
    if busy:
        return f"query not started: every query worker was busy for {timeout:g} s (the time limit)"
    return f"query stopped after {timeout:g} s (the time limit)"




def pool_for(location: str, *, wait: float = 0.0) -> QueryPool:
    """This process's pool of query workers for the store at ``location``."""
    with _pools_lock:
        pool = _pools.get(location)
        if pool is None or pool._closed:
            pool = _pools[location] = QueryPool(location, wait=wait)
            if len(_pools) == 1:
                import atexit

                atexit.register(close_all)
        return pool


def close_all() -> None:
    """Kill every query worker of this process."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()


# -- in the worker process ---------------------------------------------------------------
def _serve_queries(conn: Any) -> None:
    """A worker's loop: (location, wait, sparql, bindings, allow_service) in, an answer out."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the parent, which kills us
    _die_with_parent()
    from .store import KgStore

    while True:
        try:
            location, wait, sparql, bindings, allow_service, stream = conn.recv()
        except (EOFError, OSError):
            return
        try:
            # the caller holds the store for this read: a writer waiting for it is not waited for
            store = KgStore(location, read_only=True, wait=wait, joins_read=True)
            try:
                result = store.query(sparql, bindings=bindings or None, allow_service=allow_service)
                if stream and result.kind == "select":
                    _send_solutions(conn, result)
                    reply = ("end",)
                else:
                    reply = _pack(result)
            finally:
                store.close()
        except KgError as err:
            reply = ("error", type(err).__name__, str(err))
        except Exception as err:  # noqa: BLE001 - a bug of kg: the parent raises it
            reply = ("bug", f"{type(err).__name__}: {err}", "")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


def _send_solutions(conn: Any, result: Any) -> None:
    """A SELECT's variables, then its solutions as SPARQL results JSON in chunks as the
    engine finds them (the caller parses them as they come)."""
    from .store import engine_io as ox

    class _Sender:
        def write(self, data: bytes) -> int:
            conn.send(("chunk", bytes(data)))
            return len(data)

        def flush(self) -> None:
            pass

    conn.send(("head", result.variables))
    result._inner.serialize(_Sender(), ox.QueryResultsFormat.JSON)


def _die_with_parent() -> None:
    """Linux: the kernel kills this worker when its parent dies, however it dies (SIGKILL,
    a signal re-raised after shutdown): no query goes on running for nobody. (Strictly:
    when the thread that started it ends; that is the pool's one spawner thread.)"""
    import sys

    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG


def _pack(result: Any) -> tuple[Any, ...]:
    from .store import engine_io as ox

    if result.kind == "ask":
        return ("ask", bool(result.boolean), "")
    if result.kind == "graph":
        return ("graph", ox.serialize(result.triples(), format=ox.RdfFormat.N_TRIPLES), "")
    return ("select", result.variables, result._inner.serialize(format=ox.QueryResultsFormat.JSON))


def _unpack(reply: tuple[Any, ...]) -> Any:
    from . import errors
    from .store import Result
    from .store import engine_io as ox

    kind, first, second = reply
    if kind == "ask":
        return Result("ask", first)
    if kind == "graph":
        return Result("graph", [q.triple for q in ox.parse(first, ox.RdfFormat.N_TRIPLES)])
    if kind == "select":
        return Result("select", ox.parse_query_results(second, ox.QueryResultsFormat.JSON), tuple(first))
    if kind == "error":
        cls = getattr(errors, first, None)
        if not (isinstance(cls, type) and issubclass(cls, KgError)):
            cls = KgError
        raise cls(second)
    raise RuntimeError(f"in the query worker: {first}")


__all__ = ["QueryPool", "QueryTimeout", "cancel_when", "close_all", "pool_for"]
