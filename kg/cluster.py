"""Beyond one machine: ``kg ingest --cluster ADDRESS`` builds the articles' graphs on the
workers of a Dask cluster (started with Dask's own CLI: ``dask scheduler``, ``dask worker``).

Each article is one task. This process reads the file's bytes (the workers need not see
its files) and sends them; a worker reads the text, extracts, builds the article's graphs
and checks them against the shapes, with :func:`kg.api._build_file`, the very work of
``kg ingest --jobs``, and sends the graphs back. A worker process loads the spaCy pipeline
once, at its first article, and keeps it. This process writes the articles in input order,
each in one transaction, as ``--jobs`` does, so the store is the one a local ingest makes.

At most :data:`AHEAD` articles per worker thread are sent ahead of the one being written.

A worker that dies while building an article loses nothing: the scheduler gives the task
(the bytes are in it) to another worker. An article whose build kills every worker it is
given is reported as that article's failure once Dask's ``allowed-failures`` (3 by default)
is reached, and the others go on. An article that fails (bad input, a bug of kg) fails once,
as it would locally: the worker returns its failure, nothing is retried.

:func:`ingest_shards`: for a cluster that cannot reach the store, the workers write the
checked graphs as N-Quads files (``shard-00000.nq``, ...; each article's graph and its
quarantine graph, named as in the store), each written to a temporary name and renamed
once whole, for ``kg load --bulk`` or a triple store's own bulk loader.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .errors import InputError, KgError, missing_component

if TYPE_CHECKING:
    from .api import IngestFailure, IngestReport, IngestResult, KnowledgeGraph

#: Articles sent ahead per worker thread of the cluster, beyond the one being written.
AHEAD = 4

#: Seconds to wait for the scheduler, and for a first worker.
CONNECT_TIMEOUT = 10.0


class ClusterClient(Protocol):
    """What kg uses of a ``distributed.Client`` (:func:`connect` makes one)."""

    def submit(self, func: Callable[..., object], *args: object, key: str, pure: bool) -> object: ...

    def nthreads(self) -> dict[str, int]: ...

    def close(self) -> object: ...


def _extraction_version() -> str:
    """Run on each worker: the kg extraction version it has (it must be this one's)."""
    from .fingerprint import extraction_version

    return extraction_version()


def connect(address: str, *, timeout: float | None = None) -> Any:
    """A ``distributed.Client`` of the Dask scheduler at ``address`` (``tcp://host:8786``;
    ``timeout``: :data:`CONNECT_TIMEOUT` unless given).

    Raises :class:`~kg.errors.MissingComponent` without Dask installed, and
    :class:`~kg.errors.InputError` when the scheduler cannot be reached, has no worker
    within ``timeout`` seconds, or a worker runs another kg (another extraction version: its
    graphs would not be this kg's).
    """
    try:
        from distributed import Client
    except ImportError as err:
        raise missing_component(err, "kg ingest --cluster") from None
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    logging.getLogger("distributed").setLevel(logging.ERROR)  # kg says what went wrong, once
    logging.getLogger("distributed.client").setLevel(logging.CRITICAL)  # "failed to reconnect": kg says it
    where = address if "://" in address else f"tcp://{address}"
    try:
        client = Client(where, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        reason = (str(err).splitlines() or [type(err).__name__])[0]
        raise InputError(f"cannot reach the Dask scheduler at {address} ({reason}); "
                         f"start one with: dask scheduler") from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise InputError(f"the Dask scheduler at {address} has no workers after {timeout:g} s; "
                             f"start some with: dask worker {where} --nthreads 1") from None
        from .fingerprint import extraction_version

        mine = extraction_version()
        try:
            theirs = client.run(_extraction_version)
        except Exception as err:  # noqa: BLE001 - a worker without kg cannot unpickle the task
            raise InputError(f"the workers of {address} cannot run kg ({type(err).__name__}: "
                             f"{(str(err).splitlines() or [''])[0]}); install this kg on them") from None
        for worker, version in sorted(theirs.items()):
            if version != mine:
                raise InputError(f"worker {worker} runs another kg (extraction version {version}, here "
                                 f"{mine}): install this kg on every worker")
    except BaseException:
        client.close()
        raise
    return client


def _threads(client: Any) -> int:
    return max(1, sum(client.nthreads().values()))


def _lost(label: str, err: BaseException) -> "IngestFailure":
    """The failure of an article whose task did not come back with a result."""
    from .api import IngestFailure, _failure

    if type(err).__name__ == "KilledWorker":
        return IngestFailure(label, f"{label}: the workers building it died each time (a crash, or "
                             "out of memory); it was not sent again")
    if isinstance(err, KgError):
        return _failure(label, err)
    reason = (str(err).splitlines() or [""])[0]
    return IngestFailure(label, f"{label}: lost the cluster while building it ({type(err).__name__}"
                         f"{': ' + reason if reason else ''})")


#: A task: (label, function, args) sent to a worker, or (label, None, outcome) known here already.
Task = tuple[str, "Callable[..., Any] | None", Any]


def _ship(client: Any, tasks: Iterable[Task], window: int) -> Iterator[tuple[str, Any]]:
    """Submit the ``tasks``, at most ``window`` at a time, and yield ``(label, result)`` in the
    order given; a task whose result cannot be had (its workers died, the cluster went away)
    yields an :class:`~kg.api.IngestFailure` (:func:`_lost`)."""
    run = uuid.uuid4().hex[:12]
    pending: deque[tuple[str, Any, bool]] = deque()   # (label, future or outcome, is a future)
    todo = iter(enumerate(tasks))

    def top_up() -> None:
        while len(pending) < window:
            nxt = next(todo, None)
            if nxt is None:
                return
            at, (label, fn, args) = nxt
            if fn is None:
                pending.append((label, args, False))
            else:
                pending.append((label, client.submit(fn, *args, key=f"kg-{run}-{at}", pure=False), True))

    top_up()
    try:
        while pending:
            label, future, remote = pending.popleft()
            top_up()
            if not remote:
                yield label, future
                continue
            try:
                result = future.result()
            except Exception as err:  # noqa: BLE001 - that task's failure; the others go on
                result = _lost(label, err)
            finally:
                future.release()
            yield label, result
    finally:
        for _, future, remote in pending:
            if remote:
                future.cancel()


def _read_here(path: Path) -> tuple[bytes | None, "IngestFailure | None"]:
    """The bytes of an article file, or the failure of reading it (in this process)."""
    from .api import _failure
    from .text import read_file_bytes

    try:
        return read_file_bytes(path), None
    except KgError as err:
        return None, _failure(path, err)


def _article_tasks(files: list[Path], date: str | None, url: str | None) -> Iterator[Task]:
    """One task per file: :func:`kg.api._build_file` on its bytes."""
    from .api import _build_file

    for path in files:
        data, failure = _read_here(path)
        if failure is not None:
            yield str(path), None, (failure, None)
        else:
            yield str(path), _build_file, (str(path), date, url, data)


def ingest_on_cluster(g: "KnowledgeGraph", items: list[Any], *, address: "str | ClusterClient", date: str | None,
                      url: str | None, progress: Callable[[str], None] | None,
                      result: "IngestResult") -> None:
    """``KnowledgeGraph.ingest_paths(..., cluster=address)``: the graphs built on the cluster,
    written here in input order, each article one transaction (see the module's docstring).
    ``address``: the scheduler's, or a client of it from :func:`connect` (left open)."""
    from .api import IngestFailure, _build_document, _Failed, _read_item

    client: Any = connect(address) if isinstance(address, str) else address
    try:
        files = [item for item in items if isinstance(item, Path) and str(item) != "-"]
        shipped = _ship(client, _article_tasks(files, date, url), AHEAD * _threads(client))

        def build(item: str | Path) -> Any:
            if str(item) == "-":  # standard input is built here, as with --jobs
                return _build_document(_read_item("-"), date=date, url=url, check=False)
            label, outcome = next(shipped)
            assert label == str(item), (label, item)
            if isinstance(outcome, IngestFailure):
                raise _Failed(outcome)
            failure, built = outcome
            if failure is not None:
                raise _Failed(failure)
            return built

        try:
            g._build_and_write(items, build, progress, result)
        finally:
            shipped.close()
    finally:
        if client is not address:
            client.close()


# -- sharded N-Quads ----------------------------------------------------------------


@dataclasses.dataclass
class Sharded:
    """What :func:`ingest_shards` did: each article's outcome (in input order) and the shard
    files written."""

    result: "IngestResult"
    folder: Path
    shards: list[Path]

    def summary(self) -> str:
        n = len(self.result.reports)
        return (f"wrote {n} article{'s' if n != 1 else ''} to {len(self.shards)} N-Quads shard"
                f"{'s' if len(self.shards) != 1 else ''} in {self.folder}; load them with: "
                f"kg load --bulk {self.folder}/*.nq")


def _write_shard(folder: str, name: str, articles: list[tuple[str, bytes | None, Any]],
                 date: str | None, url: str | None) -> list[Any]:
    """Run on a worker: build each article (or keep the failure of reading it), write the
    graphs of those built as one N-Quads file ``folder/name`` (whole or not at all), and
    return each article's outcome."""
    import os

    from .api import _build_file, _write_file
    from .store import _as_nquads

    outcomes: list[Any] = []
    chunks: list[bytes] = []
    for path, data, failure in articles:
        if failure is None:
            failure, built = _build_file(path, date, url, data)
        if failure is not None:
            outcomes.append(failure)
            continue
        nquads = _as_nquads(built.graphs)
        if nquads is None:
            raise AssertionError(f"{path}: the built graphs are not line-based N-Triples")
        chunks.append(nquads)
        outcomes.append(dataclasses.replace(built.report, shard=name))
    os.makedirs(folder, exist_ok=True)
    _write_file(Path(folder) / name, lambda out: out.writelines(chunks))
    return outcomes


def _shard_tasks(files: list[Path], folder: Path, size: int, date: str | None,
                 url: str | None) -> Iterator[Task]:
    for at in range(0, len(files), size):
        batch = []
        for path in files[at:at + size]:
            data, failure = _read_here(path)
            batch.append((str(path), data, failure))
        name = f"shard-{at // size:05d}.nq"
        yield name, _write_shard, (str(folder), name, batch, date, url)


def ingest_shards(paths: Iterable[str], *, address: str, folder: str | Path, shard_size: int = 50,
                  date: str | None = None, url: str | None = None,
                  progress: Callable[[str], None] | None = None,
                  report: Callable[["IngestReport | IngestFailure"], None] | None = None) -> Sharded:
    """Build the articles of ``paths`` on the Dask cluster at ``address`` and have its workers
    write them as N-Quads shards of ``shard_size`` articles into ``folder`` (which the workers
    write: a folder they share with this machine, or their own disks); no store is opened.

    Each article's outcome goes to ``report`` in input order; a shard whose workers died
    ``allowed-failures`` times fails for each of its articles. ``kg load --bulk folder/*.nq``
    then gives the store a local ingest gives (without ``kg merge``'s decisions: those are
    read from a store).
    """
    from .api import IngestFailure, IngestResult, _failure
    from .text import iter_paths

    if shard_size < 1:
        raise InputError(f"bad --shard-size {shard_size}: give 1 or more")
    if url is not None:
        raise InputError("--url names one article; give it without --shards")
    files: list[Path] = []
    result = IngestResult(on_outcome=report)
    for p in paths:
        if p == "-":
            raise InputError("--shards reads article files, not standard input")
    out = Path(folder).absolute()
    if out.exists() and not out.is_dir():
        raise InputError(f"--shards {folder}: not a folder")
    early: list[IngestFailure] = []
    for p in paths:
        try:
            files.extend(iter_paths([p]))
        except InputError as err:
            early.append(_failure(p, err))
    client = connect(address)
    shards: list[Path] = []
    try:
        for failure in early:
            result.add(failure)
        for name, outcome in _ship(client, _shard_tasks(files, out, shard_size, date, url),
                                   AHEAD * _threads(client)):
            at = int(name[6:11]) * shard_size
            batch = files[at:at + shard_size]
            if isinstance(outcome, IngestFailure):  # the whole shard was lost
                for path in batch:
                    result.add(IngestFailure(str(path), f"{path}: not written: "
                                             f"{outcome.message.removeprefix(name + ': ')}", outcome.exit_code))
            else:
                shards.append(out / name)
                for one in outcome:
                    result.add(one)
            if progress:
                for path in batch:
                    progress(str(path))
    finally:
        client.close()
        for stray in out.glob(".shard-*.part") if out.is_dir() else ():  # of workers killed mid-write
            stray.unlink(missing_ok=True)
    return Sharded(result, out, shards)


__all__ = ["connect", "ingest_shards", "Sharded", "ClusterClient", "AHEAD"]
