"""One benchmark measurement, run in a process of its own: ``python -m bench.worker TASK JSON``.

Prints one JSON line (the last line of stdout): the timings of the measured
operation (seconds, warm-up excluded) and the process's peak RSS (KiB, from
``getrusage``). Each task imports only what it measures.
"""

from __future__ import annotations

import json
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator


def _rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _repeat(fn: Callable[[], Any], warmup: int, runs: int, budget: float) -> tuple[list[float], Any]:
    """Warm up, then time ``runs`` calls; fewer runs when one call exceeds ``budget / runs`` s."""
    out = None
    first = None
    for _ in range(warmup):
        t = time.perf_counter()
        out = fn()
        first = time.perf_counter() - t
    if first is not None and first * runs > budget:
        runs = max(1, int(budget // max(first, 1e-9)))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    if not times and first is not None:
        times = [first]
    return times, out


# ----------------------------------------------------------------------------- load

def task_load(a: dict[str, Any]) -> dict[str, Any]:
    """One load of ``file`` into the store at ``store`` (fresh) by ``method``."""
    method, file, store = a["method"], a["file"], a["store"]
    if method in ("kg", "kg-bulk"):
        import kg

        g = kg.open(store)           # a copy of an initialised store: opening is not timed
        t = time.perf_counter()
        counts = g.load([file], **({"bulk": True} if method == "kg-bulk" else {}))
        g.close()
        dt = time.perf_counter() - t
        n = sum(counts.values())
    elif method in ("bulk_load", "load"):
        import pyoxigraph as ox

        st = ox.Store(store)
        t = time.perf_counter()
        getattr(st, method)(path=file, format=ox.RdfFormat.N_QUADS)
        st.flush()
        dt = time.perf_counter() - t
        n = len(st)
    elif method == "rdflib":
        from rdflib import Dataset

        t = time.perf_counter()
        ds = Dataset()
        ds.parse(file, format="nquads")
        dt = time.perf_counter() - t
        n = len(ds)
    else:
        raise SystemExit(f"unknown load method {method}")
    return {"times": [dt], "n": n}


# ----------------------------------------------------------------------------- queries

def _ox_rows(res: Any) -> list[list[str | None]]:
    import pyoxigraph as ox

    if isinstance(res, ox.QueryBoolean):
        return [[str(bool(res))]]
    names = [v.value for v in res.variables]
    return [[None if (t := s[n]) is None else t.value for n in names] for s in res]


def _dedup_copy(engine: Any, path: str) -> Any:
    """The limit: a raw pyoxigraph store holding each triple of the named graphs once, in its
    default graph (what any union-as-a-set engine would query), and the named graphs themselves
    (for a question that reads them: ``leaders`` finds the articles stating an office through
    their graphs), built once per store. The engine keeps the default graph in indexes of its
    own, so the named graphs do not slow a question that only reads the default graph."""
    import pyoxigraph as ox

    done = Path(path) / "kg-bench-copy-done"
    copy = ox.Store(path)
    if not done.exists():
        def quads() -> Iterator[Any]:
            for q in engine.quads_for_pattern(None, None, None, None):
                if not isinstance(q.graph_name, ox.DefaultGraph):
                    yield ox.Quad(q.subject, q.predicate, q.object)
                    yield q
        copy.bulk_extend(quads())
        copy.flush()
        done.write_text("ok")
    return copy


def task_query_lib(a: dict[str, Any]) -> dict[str, Any]:
    """Each query through KnowledgeGraph (query/ask, or the web page's data functions) and the
    same query on a deduplicated copy of the data in raw pyoxigraph (the limit), interleaved."""
    import kg
    from kg import queries as named
    from kg.prefixes import PREFIXES
    from kg.store import _bind_values
    from kg.web import data as web
    from kg.web import names as web_names
    import pyoxigraph as ox

    g = kg.open(a["store"])
    raw = _dedup_copy(g.store.engine, a["store"] + "-dedup")
    out: dict[str, Any] = {}
    for q in a["queries"]:
        text = None
        if q.get("web"):
            fn, arg = getattr(web, q["web"]), q["arg"]
            text = q.get("baseline")  # the part of its work no implementation avoids, if given

            def via_kg(fn: Any = fn, arg: str = arg, fresh: bool = bool(q.get("fresh_index"))) -> int:
                if fresh:
                    web_names.forget()
                r = fn(g, arg)
                return len(r) if isinstance(r, list) else 1
        elif q.get("ask"):
            params = q.get("params", {})
            question = named.get(q["ask"])
            text = question.sparql
            if params:  # the same bindings as kg's ask, the entities it resolves included
                bindings: dict[str, Any] = {question.variable(k): ox.Literal(v) for k, v in params.items()}
                for param, how in question.resolve.items():
                    if param in params:
                        bindings[how.variable] = named.resolve(g.store.query, how, params[param],
                                                               ox.Literal, ox.NamedNode)
                text = _bind_values(text, bindings)

            def via_kg(q: dict[str, Any] = q, params: dict[str, str] = params) -> int:
                return len(g.ask(q["ask"], **params).to_dicts())
        else:
            text = q["sparql"]

            def via_kg(text: str = text) -> int:
                r = g.query(text)
                return len(r.to_dicts()) if r.kind == "select" else 1

        def via_raw(text: str | None = text) -> int:
            return len(_ox_rows(raw.query(text, prefixes=PREFIXES)))

        fns = [via_kg] if text is None else [via_kg, via_raw]
        runs = a["runs"]
        for _ in range(a["warmup"]):
            t = time.perf_counter()
            for fn in fns:
                fn()
            pair_s = time.perf_counter() - t
            if pair_s * runs > a["budget"]:  # a slow query: fewer runs (the table says how many)
                runs = max(1, int(a["budget"] // pair_s))
        tk, tr = [], []
        rows_kg = rows_raw = 0
        for i in range(runs):
            pair = [(tk, via_kg), (tr, via_raw)][:len(fns)]
            for acc, fn in (pair if i % 2 == 0 else pair[::-1]):
                t = time.perf_counter()
                n = fn()
                acc.append(time.perf_counter() - t)
                if fn is via_kg:
                    rows_kg = n
                else:
                    rows_raw = n
        out[q["name"]] = {"kg": tk, "raw": tr, "rows": rows_kg, "rows_raw": rows_raw if tr else rows_kg}
    g.close()
    return {"queries": out}


class _TimedOut(Exception):
    pass


def _timed_out(signum: int, frame: Any) -> None:
    raise _TimedOut()


def task_query_rdflib(a: dict[str, Any]) -> dict[str, Any]:
    """The same queries over an rdflib Dataset (union default graph) parsed from the N-Quads file."""
    from rdflib import Dataset

    from kg import queries as named
    from kg.prefixes import PREFIXES
    from kg.store import _bind_values
    import pyoxigraph as ox

    t = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(a["file"], format="nquads")
    parse_s = time.perf_counter() - t
    out: dict[str, Any] = {}
    for q in a["queries"]:
        if q.get("web"):
            continue  # the web page's functions need a kg store
        if q.get("ask"):
            question = named.get(q["ask"])
            text = question.text(portable=True)
            params = q.get("params", {})
            if params:  # with the entities kg resolved (bench/__main__.py), as kg's ask binds them
                bindings: dict[str, Any] = {question.variable(k): ox.Literal(v) for k, v in params.items()}
                for var, iris in q.get("resolved", {}).items():
                    bindings[var] = [ox.NamedNode(i) for i in iris]
                text = _bind_values(text, bindings)
        else:
            text = q["sparql"]

        def run(text: str = text) -> int:
            res = ds.query(text, initNs=PREFIXES)
            if res.type == "ASK":
                return 1
            return sum(1 for _ in res)

        limit = a["timeout"]
        signal.signal(signal.SIGALRM, _timed_out)
        signal.alarm(int(limit))
        try:
            times, rows = _repeat(run, a["warmup"], a["runs"], a["budget"])
            out[q["name"]] = {"rdflib": times, "rows": rows}
        except _TimedOut:
            out[q["name"]] = {"rdflib": [float(limit)], "rows": None, "timeout": limit}
        except Exception as err:  # noqa: BLE001 - rdflib cannot run some queries: say so
            out[q["name"]] = {"rdflib": [], "rows": None, "error": f"{type(err).__name__}: {err}"[:120]}
        finally:
            signal.alarm(0)
    return {"queries": out, "parse_s": parse_s}


# ----------------------------------------------------------------------------- validation

def task_validate_all(a: dict[str, Any]) -> dict[str, Any]:
    import kg

    g = kg.open(a["store"])
    holder: dict[str, Any] = {}

    def run() -> bool:
        r = g.validate()
        holder["summary"] = r.summary()
        return r.conforms

    times, conforms = _repeat(run, a["warmup"], a["runs"], a["budget"])
    g.close()
    return {"times": times, "conforms": conforms, "summary": holder.get("summary")}


def task_validate_probe(a: dict[str, Any]) -> dict[str, Any]:
    """The probe article's graph validated in a store of this size and in an (almost) empty one, interleaved."""
    import kg

    big = kg.open(a["store"])
    small = kg.open(a["empty"])
    article = a["article"]
    tb, ts = [], []
    for _ in range(a["warmup"]):
        big.validate(graph=article), small.validate(graph=article)
    for i in range(a["runs"]):
        order = [(tb, big), (ts, small)]
        for acc, g in (order if i % 2 == 0 else order[::-1]):
            t = time.perf_counter()
            g.validate(graph=article)
            acc.append(time.perf_counter() - t)
    big.close()
    small.close()
    return {"big": tb, "empty": ts}


def task_validate_turbo(a: dict[str, Any]) -> dict[str, Any]:
    """Whole-store validation: kg's (rdflib graph + pySHACL) vs pyshacl-turbo on the same rdflib graph."""
    try:
        import pyshacl_turbo  # type: ignore[import-not-found]
    except ImportError:
        return {"skipped": "pyshacl-turbo is not installed"}
    import io

    import pyoxigraph as ox
    from rdflib import Graph

    import kg
    from kg.prefixes import ONTOLOGY_GRAPH, QUARANTINE
    from kg.validate import _default_shapes, validate

    g = kg.open(a["store"])
    res = g.store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
        f"FILTER(?g != <{ONTOLOGY_GRAPH}> && !STRSTARTS(STR(?g), \"{QUARANTINE}\")) }}")
    buf = io.BytesIO()
    ox.serialize(res.triples(), buf, ox.RdfFormat.N_TRIPLES)
    data = buf.getvalue()
    g.close()
    shapes = _default_shapes()
    holder: dict[str, Any] = {}

    def ref() -> None:
        r = validate(Graph().parse(data=data, format="nt"))
        holder["ref"] = (r.conforms, len(r.violations))

    def turbo() -> None:
        c, rg, _ = pyshacl_turbo.validate(Graph().parse(data=data, format="nt"), shacl_graph=shapes,
                                          inference="none", advanced=True, allow_warnings=True)
        from rdflib.namespace import SH
        holder["turbo"] = (bool(c), len(list(rg.subjects(SH.resultSeverity, None))))

    tr, tt = [], []
    for _ in range(a["warmup"]):
        ref(), turbo()
    for i in range(a["runs"]):
        order = [(tr, ref), (tt, turbo)]
        for acc, fn in (order if i % 2 == 0 else order[::-1]):
            t = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t)
    return {"pyshacl": tr, "turbo": tt, "ref_result": holder.get("ref"), "turbo_result": holder.get("turbo")}


# ----------------------------------------------------------------------------- ingest

def _texts(a: dict[str, Any]) -> list[Any]:
    from kg.text import read_path

    return [read_path(Path(p)) for p in a["files"]]


def task_ingest(a: dict[str, Any]) -> dict[str, Any]:
    """Words/s of KnowledgeGraph.ingest_paths vs the bare spaCy pipeline on the same blocks.

    The two are interleaved chunk by chunk (``a["chunk"]`` articles: the bare pipeline on a
    chunk, then kg on it, the order swapped every other chunk), so that the machine's speed,
    which drifts by 10-30% over tens of seconds on a shared VM, weighs the same on both; a
    run's time is the sum over its chunks. Each run ingests into a fresh copy of the template
    store (copied before the clock starts), so every article is a new one; a re-ingest of the
    same files into the store the run filled is timed after it.
    """
    import shutil
    import tempfile

    import kg
    from kg.extract import pipeline

    docs = _texts(a)
    files = a["files"]
    words = sum(len(b.text.split()) for d in docs for b in d.blocks if b.text.strip())
    nlp = pipeline()
    scratch = Path(tempfile.mkdtemp(prefix="kg-bench-ingest-"))
    size = max(1, int(a.get("chunk", 13)))
    chunks = [range(i, min(i + size, len(files))) for i in range(0, len(files), size)]
    n = [0]

    def bare(idx: range) -> float:
        t = time.perf_counter()
        for i in idx:
            for _ in nlp.pipe([b.text for b in docs[i].blocks if b.text.strip()]):
                pass
        return time.perf_counter() - t

    def ingest(g: Any, idx: range) -> float:
        t = time.perf_counter()
        res = g.ingest_paths([files[i] for i in idx])
        dt = time.perf_counter() - t
        assert not res.errors, res.errors
        return dt

    def one_run() -> tuple[float, float, float]:
        n[0] += 1
        path = scratch / f"s{n[0]}"
        shutil.copytree(a["store"], path)
        g = kg.open(path)
        tb = ti = 0.0
        try:
            for k, idx in enumerate(chunks):
                if k % 2 == 0:
                    tb += bare(idx)
                    ti += ingest(g, idx)
                else:
                    ti += ingest(g, idx)
                    tb += bare(idx)
            tr = ingest(g, range(len(files)))
        finally:
            g.close()
            shutil.rmtree(path, ignore_errors=True)
        return tb, ti, tr

    try:
        for _ in range(a["warmup"]):
            one_run()
        runs = [one_run() for _ in range(a["runs"])]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return {"bare": [r[0] for r in runs], "ingest": [r[1] for r in runs], "reingest": [r[2] for r in runs],
            "words": words, "articles": len(docs), "chunk": size}


# ----------------------------------------------------------------------------- reason

def task_reason(a: dict[str, Any]) -> dict[str, Any]:
    import kg

    g = kg.open(a["store"])
    holder: dict[str, Any] = {}

    def run() -> None:
        r = g.reason(engine=a["engine"])
        holder["inferred"] = len(r.inferred)
        holder["consistent"] = r.consistent

    times, _ = _repeat(run, a["warmup"], a["runs"], a["budget"])
    g.close()
    return {"times": times, **holder}


TASKS = {name[5:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("task_")}


def main() -> None:
    task, args = sys.argv[1], json.loads(sys.argv[2])
    result = TASKS[task](args)
    result["rss_kb"] = _rss_kb()
    sys.stdout.flush()
    print("\n" + json.dumps(result))


if __name__ == "__main__":
    main()
