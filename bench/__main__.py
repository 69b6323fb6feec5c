"""``python -m bench``: kg's benchmarks; prints one table and writes bench/RESULTS.md.

Every figure is the median of ``--runs`` runs after ``--warmup`` warm-up runs,
next to a baseline measured in the same run (interleaved with it where both fit
in one process), with the peak RSS of the process that did the work (each
measurement runs in a process of its own: ``bench/worker.py``, or the ``kg``
command itself for CLI rows, whose RSS is read with ``wait4``).

    python -m bench                 # 10k, 100k and 1M quads (long)
    python -m bench --quick         # 10k only, 1 run: a smoke test (tests/test_bench.py)
    python -m bench --sizes 10k,100k --runs 5 --out /tmp/results.md
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .generate import SIZES, Manifest, ensure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
KG_EXE = str(Path(PY).with_name("kg"))


# ----------------------------------------------------------------------------- processes

GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run(cmd: list[str], *, timeout: float | None = None, stdin: bytes | None = None) -> tuple[float, int, str, str, int]:
    """Run ``cmd``; returns (wall seconds, peak RSS KiB, stdout, stderr, exit code).

    The peak RSS is read by GNU time (a small process) where it is installed: Linux
    carries a parent's RSS at fork over into the child's ru_maxrss across exec, so a
    child forked straight from this (bigger) process would report at least our size.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(suffix=".rss") as rss_file:
        if GNU_TIME:
            cmd = [GNU_TIME, "-f", "%M", "-o", rss_file.name, *cmd]
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT,
                             stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
        if stdin is not None:
            assert p.stdin is not None
            p.stdin.write(stdin)
            p.stdin.close()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        rss = usage.ru_maxrss
        if GNU_TIME:
            try:
                rss = int(Path(rss_file.name).read_text().strip().splitlines()[-1])
            except (ValueError, IndexError):
                pass
        return wall, rss, out.read().decode(), err.read().decode(), p.returncode


def worker(task: str, **args: Any) -> dict[str, Any]:
    _, rss, out, err, code = run([PY, "-m", "bench.worker", task, json.dumps(args)])
    if code != 0:
        raise RuntimeError(f"bench worker {task} failed ({code}):\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["rss_kb"] = rss  # the worker's own ru_maxrss would include ours (see run)
    return result


def kg_cmd(*args: str) -> list[str]:
    return [KG_EXE, *args]


def _distinct_copy(path: Path, copy: int) -> bytes:
    """The article at ``path``, made a different article for copies after the first by a last
    paragraph "Copy N." (an identical copy would be a re-ingest of the same article)."""
    data = path.read_bytes()
    if copy == 0:
        return data
    if path.suffix == ".html" and b"</body>" in data:
        return data.replace(b"</body>", f"<p>Copy {copy}.</p></body>".encode(), 1)
    return data.rstrip(b"\n") + f"\n\nCopy {copy}.\n".encode()


# ----------------------------------------------------------------------------- records

@dataclass
class Row:
    section: str
    name: str
    size: str
    times: list[float]
    rss_kb: int = 0
    base: str = ""                  # name of the baseline row (same section and size)
    base_times: list[float] = field(default_factory=list)
    ratio_note: str = ""            # how to read the ratio
    unit: str = "s"                 # "s", or "words/s" (then times hold rates)
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def ratio(self) -> float | None:
        if not self.times or not self.base_times:
            return None
        b = statistics.median(self.base_times)
        return self.median / b if b else None  # type: ignore[operator]


def _fmt_time(s: float | None, unit: str = "s") -> str:
    if s is None:
        return "n/a"
    if unit != "s":
        return f"{s:,.0f} {unit}"
    if s < 1e-3:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.2f} s"


def table(rows: list[Row]) -> str:
    head = "| section | measurement | size | median | n | baseline | ratio | peak RSS | note |"
    out = [head, "|" + "---|" * 9]
    for r in rows:
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}x"
        base = f"{r.base} ({_fmt_time(statistics.median(r.base_times), r.unit)})" if r.base_times else ""
        rss = f"{r.rss_kb / 1024:.0f} MB" if r.rss_kb else ""
        out.append(f"| {r.section} | {r.name} | {r.size} | {_fmt_time(r.median, r.unit)} | {len(r.times)} "
                   f"| {base} | {ratio} | {rss} | {r.note} |")
    return "\n".join(out)


# ----------------------------------------------------------------------------- queries

def queries(m: Manifest) -> list[dict[str, Any]]:
    qs: list[dict[str, Any]] = [
        {"name": "replaces+ from one treaty",
         "sparql": f"SELECT ?t WHERE {{ <{m.chain_head}> kg:replaces+ ?t }}"},
        {"name": "treaties, parties, dates LIMIT 100",
         "sparql": "SELECT ?t ?name ?date (GROUP_CONCAT(DISTINCT ?pl; separator=\", \") AS ?parties) "
                   "WHERE { ?t a kg:Treaty ; rdfs:label ?name ; kg:signedOn ?date ; kg:party/rdfs:label ?pl } "
                   "GROUP BY ?t ?name ?date ORDER BY ?date ?t LIMIT 100"},
        {"name": "one person's summits + co-participants",
         "sparql": f"SELECT ?summit ?start ?other WHERE {{ ?summit a kg:Summit ; kg:participant <{m.person}> , ?o . "
                   f"FILTER(?o != <{m.person}>) ?o rdfs:label ?other OPTIONAL {{ ?summit kg:startDate ?start }} }} "
                   "ORDER BY ?start ?other"},
        {"name": "counts per class",
         "sparql": "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?class } GROUP BY ?class ORDER BY ?class"},
    ]
    from kg.queries import questions

    for name in questions():
        params = ({"entity": m.person_label} if name in ("sources", "evidence")
                  else {"person": m.person_label} if name == "roles" else {})
        qs.append({"name": f"ask {name}", "ask": name, "params": params})
    qs.append({"name": "ask leaders --param state=Poland", "ask": "leaders", "params": {"state": "Poland"}})
    qs.append({"name": "web: entity page of one person", "web": "entity", "arg": m.person})
    # search: its limit is the one pass over the names it cannot avoid (no text index)
    scan = ("SELECT ?e ?l WHERE {{ {{ ?e rdfs:label ?l }} UNION {{ ?e skos:altLabel ?l }} "
            "FILTER(CONTAINS(LCASE(STR(?l)), {})) }}")
    qs.append({"name": "web: search for one person", "web": "search", "arg": m.person_label,
               "baseline": scan.format(json.dumps(m.person_label.lower()))})
    qs.append({"name": "web: search for a short text ('a')", "web": "search", "arg": "a",
               "baseline": scan.format('"a"')})
    # the first search after a write builds the store's name index: one pass over every name
    qs.append({"name": "web: first search after a write (builds the name index)", "web": "search",
               "arg": m.person_label, "fresh_index": True,
               "baseline": "SELECT ?e ?l WHERE { { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l } }"})
    return qs


def _resolve_entities(store: Path, qs: list[dict[str, Any]]) -> None:
    """The entities kg's ask binds for each question's parameters (``resolved``), for rdflib."""
    import kg
    from kg import queries as named
    from kg.store import engine_io as ox

    with kg.open(store, read_only=True) as g:
        for q in qs:
            if not q.get("ask") or not q.get("params"):
                continue
            question = named.get(q["ask"])
            q["resolved"] = {how.variable: [t.value for t in named.resolve(
                g.store.query, how, q["params"][p], ox.Literal, ox.NamedNode)]
                for p, how in question.resolve.items() if p in q["params"]}


# ----------------------------------------------------------------------------- the run

class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.rows: list[Row] = []
        self.work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
        self.data = Path(args.data)
        self.template = self.work / "template"
        self.log = sys.stderr
        self.seconds = 0.0
        self.command = ""

    def say(self, text: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {text}", file=self.log, flush=True)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        self.say(f"  {row.section} | {row.name} | {row.size} | {_fmt_time(row.median, row.unit)}"
                 + (f" | {row.ratio:.2f}x {row.base}" if row.ratio is not None else ""))

    def copy_template(self, name: str) -> Path:
        path = self.work / name
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(self.template, path)
        return path

    # -- sections ---------------------------------------------------------------
    def load(self, size: str, file: Path) -> None:
        a = self.args
        methods = ["bulk_load", "kg", "kg-bulk", "kg-cli", "load"]
        if size in a.lean_sizes:  # the CLI adds only its start-up; Store.load is kg load's engine call
            methods = ["bulk_load", "kg", "kg-bulk"]
        if size in a.rdflib_sizes:
            methods.append("rdflib")
        times: dict[str, list[float]] = {m: [] for m in methods}
        rss: dict[str, int] = {m: 0 for m in methods}
        for i in range(a.warmup + a.runs):
            for m in (methods if i % 2 == 0 else methods[::-1]):
                store = self.copy_template(f"load-{m}") if m.startswith("kg") else self.work / f"load-{m}"
                if not m.startswith("kg"):
                    shutil.rmtree(store, ignore_errors=True)
                if m == "kg-cli":
                    wall, r, _, err, code = run(kg_cmd("--store", str(store), "load", str(file)))
                    if code:
                        raise RuntimeError(err)
                    t = wall
                else:
                    res = worker("load", method=m, file=str(file), store=str(store))
                    t, r = res["times"][0], res["rss_kb"]
                if i >= a.warmup:
                    times[m].append(t)
                    rss[m] = max(rss[m], r)
                shutil.rmtree(store, ignore_errors=True)
        names = {"bulk_load": "pyoxigraph Store.bulk_load", "kg": "kg load (library)",
                 "kg-bulk": "kg load --bulk (library)", "kg-cli": "kg load (CLI, incl. start-up)",
                 "load": "pyoxigraph Store.load", "rdflib": "rdflib Dataset.parse (in memory)"}
        for m in methods:
            self.add(Row("load", names[m], size, times[m], rss[m],
                         base="" if m == "bulk_load" else "bulk_load",
                         base_times=[] if m == "bulk_load" else times["bulk_load"]))
        if size in a.lean_sizes:
            for name in ("kg load (CLI, incl. start-up)", "pyoxigraph Store.load"):
                self.add(Row("load", name, size, [], note="skipped at this size (time)"))
        if size not in a.rdflib_sizes:
            self.add(Row("load", "rdflib Dataset.parse (in memory)", size, [], note="skipped at this size (time)"))

    def build(self, size: str, file: Path) -> Path:
        store = self.copy_template(f"store-{size}")
        worker("load", method="kg-bulk", file=str(file), store=str(store))
        return store

    def query(self, size: str, file: Path, store: Path, m: Manifest) -> None:
        a = self.args
        qs = queries(m)
        lib = worker("query-lib", store=str(store), queries=qs, warmup=a.warmup, runs=a.runs, budget=a.budget)
        rdf = None
        if size in a.rdflib_sizes:
            _resolve_entities(store, qs)
            rdf = worker("query-rdflib", file=str(file), queries=qs, warmup=a.warmup, runs=a.runs,
                         budget=a.budget, timeout=a.rdflib_timeout)
        for q in qs:
            r = lib["queries"][q["name"]]
            note = f"{r['rows']} rows"
            if r["rows"] != r["rows_raw"]:
                note += f" (limit: {r['rows_raw']})"
            if r["raw"]:
                self.add(Row("query", f"{q['name']}: pyoxigraph, deduplicated copy (the limit)", size,
                             r["raw"], lib["rss_kb"]))
            self.add(Row("query", f"{q['name']}: kg library", size, r["kg"], lib["rss_kb"],
                         base="the limit" if r["raw"] else "", base_times=r["raw"], note=note))
            if rdf is not None and q["name"] in rdf["queries"]:
                rr = rdf["queries"][q["name"]]
                extra = "" if rr["rows"] == r["rows"] else f"{rr['rows']} rows"
                if rr.get("error"):
                    extra = f"rdflib fails: {rr['error']}"
                if rr.get("timeout"):
                    extra = f"stopped after {rr['timeout']} s: ratio is a lower bound"
                self.add(Row("query", f"{q['name']}: rdflib", size, rr["rdflib"], rdf["rss_kb"],
                             base="kg library", base_times=r["kg"],
                             note=extra or "ratio = rdflib / kg"))
            if q.get("web") or size in a.lean_sizes:
                continue
            # the CLI, start-up included
            if q.get("ask"):
                cmd = kg_cmd("--store", str(store), "ask", q["ask"], "--format", "csv")
                for k, v in q.get("params", {}).items():
                    cmd += ["--param", f"{k}={v}"]
            else:
                cmd = kg_cmd("--store", str(store), "query", q["sparql"], "--format", "csv")
            times, rss = [], 0
            cli_runs = min(a.runs, max(1, len(r["kg"])))  # as many as the library got
            for i in range(a.warmup + cli_runs):
                wall, kb, _, err, code = run(cmd)
                if code:
                    raise RuntimeError(err)
                if i >= a.warmup:
                    times.append(wall)
                    rss = max(rss, kb)
            self.add(Row("query", f"{q['name']}: kg CLI", size, times, rss, base="kg library",
                         base_times=r["kg"], note="start-up included"))
        if rdf is None:
            self.add(Row("query", "all queries: rdflib", size, [], note="skipped at this size (time)"))

    def validate(self, size: str, store: Path, m: Manifest, file: Path) -> None:
        a = self.args
        empty = self.work / "probe-empty"
        if not empty.exists():
            shutil.copytree(self.template, empty)
            probe = self.work / "probe.nq"
            with file.open(encoding="utf-8") as f:
                probe.write_text("".join(next(f) for _ in range(m.probe_quads)), encoding="utf-8")
            worker("load", method="kg", file=str(probe), store=str(empty))
        r = worker("validate-probe", store=str(store), empty=str(empty), article=m.probe_article,
                   warmup=a.warmup, runs=a.runs)
        self.add(Row("validate", "one article (probe) in an almost empty store", size, r["empty"], r["rss_kb"]))
        self.add(Row("validate", "one article (probe) in this store", size, r["big"], r["rss_kb"],
                     base="almost empty store", base_times=r["empty"]))
        if size in a.validate_all_sizes:
            r = worker("validate-all", store=str(store), warmup=a.warmup, runs=a.runs, budget=a.budget)
            base = next((x for x in self.rows if x.name == "whole store (pySHACL)"), None)
            per = [t / m.quads * 1e6 for t in r["times"]]
            self.add(Row("validate", "whole store (pySHACL)", size, r["times"], r["rss_kb"],
                         note=f"{r['summary']}; {statistics.median(per):.0f} µs per quad"
                         + ("" if base is None else
                            f"; {statistics.median(per) / (statistics.median(base.times) / SIZES[base.size] * 1e6):.2f}x "
                            f"the per-quad cost at {base.size}")))
        else:
            self.add(Row("validate", "whole store (pySHACL)", size, [], note="skipped at this size (time)"))
        if size in a.turbo_sizes:
            r = worker("validate-turbo", store=str(store), warmup=a.warmup, runs=a.runs)
            if "skipped" in r:
                self.add(Row("validate", "whole store, pyshacl-turbo", size, [], note=r["skipped"]))
            else:
                self.add(Row("validate", "whole store, pySHACL (same rdflib input)", size, r["pyshacl"], r["rss_kb"],
                             note=f"result {r['ref_result']}"))
                self.add(Row("validate", "whole store, pyshacl-turbo (same rdflib input)", size, r["turbo"],
                             r["rss_kb"], base="pySHACL", base_times=r["pyshacl"],
                             note=f"result {r['turbo_result']} (conforms, results)"))

    def reason(self, size: str, store: Path) -> None:
        a = self.args
        if size not in a.reason_sizes:
            self.add(Row("reason", "kg reason (owlrl, hermit)", size, [], note="skipped at this size"))
            return
        base = None
        for engine in ("owlrl", "hermit"):
            if engine == "hermit" and (a.quick or shutil.which("java") is None):
                self.add(Row("reason", "kg reason --engine hermit", size, [],
                             note="skipped in --quick" if a.quick else "no Java"))
                continue
            r = worker("reason", store=str(store), engine=engine, warmup=a.warmup, runs=a.runs,
                       budget=a.reason_budget)
            row = Row("reason", f"kg reason --engine {engine}", size, r["times"], r["rss_kb"],
                      base="" if base is None else "owlrl", base_times=[] if base is None else base.times,
                      note=f"{r.get('inferred')} triples inferred"
                      + ("" if len(r["times"]) >= a.runs else f"; runs cut to {len(r['times'])} (time budget)"))
            self.add(row)
            base = base or row

    def article_folder(self) -> tuple[Path, list[str], list[Path], int]:
        """The articles of the ingest sections: ``--ingest-words`` words of copies of the example
        and test articles, each copy a new article; (folder, its files, the sources, copies)."""
        a = self.args
        sources = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "articles").iterdir())
        sources = [p for p in sources if p.suffix in (".txt", ".html")]
        words_per_set = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in sources)
        copies = max(1, round(a.ingest_words / max(words_per_set, 1)))
        if a.ingest_words < words_per_set:  # a smaller set: the first articles only
            total, keep = 0, []
            for p in sources:
                keep.append(p)
                total += len(p.read_text(encoding="utf-8", errors="replace").split())
                if total >= a.ingest_words and len(keep) >= 2:
                    break
            sources = keep
        folder = self.work / "articles"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        files = []
        for c in range(copies):
            for p in sources:
                dst = folder / f"c{c:02d}-{p.name}"
                dst.write_bytes(_distinct_copy(p, c))
                files.append(str(dst))
        return folder, files, sources, copies

    def ingest(self) -> None:
        a = self.args
        folder, files, sources, copies = self.article_folder()
        store = self.copy_template("ingest-store")
        r = worker("ingest", files=files, store=str(store), warmup=a.warmup, runs=a.runs, chunk=len(sources))
        w = r["words"]
        bare = [w / t for t in r["bare"]]
        ing = [w / t for t in r["ingest"]]
        note = (f"{r['articles']} articles ({copies} copies of {len(sources)}, each a new article: "
                f"a last line 'Copy N.'), {w} words")
        self.add(Row("ingest", "bare spaCy pipeline (kg.extract.pipeline)", "", bare, r["rss_kb"], unit="words/s",
                     note=note))
        self.add(Row("ingest", "KnowledgeGraph.ingest_paths", "", ing, r["rss_kb"], unit="words/s",
                     base="bare spaCy", base_times=bare,
                     note=f"ratio = share of bare spaCy speed; new articles, a fresh store each run; "
                          f"interleaved with the baseline {r['chunk']} articles at a time"))
        self.add(Row("ingest", "KnowledgeGraph.ingest_paths again (re-ingest)", "", [w / t for t in r["reingest"]],
                     r["rss_kb"], unit="words/s", base="bare spaCy", base_times=bare,
                     note="the same files into the store just filled (an unchanged article is compared with its graph, not rewritten)"))
        # --jobs: the CLI, on a fresh copy of the store each run
        times: dict[int, list[float]] = {1: [], 2: []}
        rss: dict[int, int] = {1: 0, 2: 0}
        for i in range(a.warmup + a.runs):
            for jobs in ((1, 2) if i % 2 == 0 else (2, 1)):
                st = self.copy_template(f"jobs-{jobs}")
                wall, kb, _, err, code = run(kg_cmd("--store", str(st), "ingest", "--jobs", str(jobs), str(folder)))
                if code:
                    raise RuntimeError(err[-2000:])
                if i >= a.warmup:
                    times[jobs].append(wall)
                    rss[jobs] = max(rss[jobs], kb)
        self.add(Row("ingest", "kg ingest --jobs 1 (CLI)", "", [w / t for t in times[1]], rss[1], unit="words/s"))
        self.add(Row("ingest", "kg ingest --jobs 2 (CLI)", "", [w / t for t in times[2]], rss[2], unit="words/s",
                     base="--jobs 1", base_times=[w / t for t in times[1]],
                     note="ratio = speed-up; RSS of the parent (workers are its children)"))

    def cluster(self) -> None:
        """kg ingest --cluster with 1, 2 and 4 Dask workers against one process and --jobs 2."""
        from kg.text import read_path

        from . import cluster as cl

        a = self.args
        folder, files, sources, copies = self.article_folder()
        words = sum(len(b.text.split()) for f in files for b in read_path(f).blocks if b.text.strip())
        r = cl.measure(run, kg_cmd, self.copy_template, folder, a.warmup, a.runs, self.work)
        self.say(f"  cluster: {json.dumps(r)}")
        one = [words / t for t in r["times"]["one process"]]
        for k, walls in r["times"].items():
            base = k != "one process"
            note = (f"{len(files)} articles ({copies} copies of {len(sources)}), {words} words; the CLI, "
                    "a fresh store each run, interleaved" if not base else
                    "ratio = speed-up; warm workers (spaCy loaded), on this machine's 2 cores" if "cluster" in k
                    else "ratio = speed-up")
            self.add(Row("cluster", f"kg ingest ({k})", "", [words / t for t in walls], r["rss"][k],
                         unit="words/s", base="one process" if base else "", base_times=one if base else [],
                         note=note))
        c = r["cost"]
        self.add(Row("cluster", "one article built here (read, extract, graphs, shapes)", "", [c["build"]],
                     note=f"mean of 20 articles, {c['bytes_in']:,.0f} bytes of text each"))
        from kg.cluster import AHEAD

        for key, name in (("one", "one at a time"), ("piped", f"{AHEAD} in flight, as --cluster")):
            self.add(Row("cluster", f"one article shipped to a worker and back ({name})", "", [c[key]],
                         base="built here", base_times=[c["build"]],
                         note=f"no work on the worker: the text there, its built graphs back "
                              f"({c['bytes_out']:,.0f} bytes pickled); ratio = share of the build time"))

    def startup(self) -> None:
        a = self.args
        tiny = self.copy_template("tiny")
        cmds = {
            "python -c 'import pyoxigraph'": [PY, "-c", "import pyoxigraph"],
            "kg --help": kg_cmd("--help"),
            "kg query 'ASK {}' (tiny store)": kg_cmd("--store", str(tiny), "query", "ASK { ?s ?p ?o }"),
            "kg ask treaties (tiny store)": kg_cmd("--store", str(tiny), "ask", "treaties"),
        }
        times: dict[str, list[float]] = {k: [] for k in cmds}
        rss: dict[str, int] = {k: 0 for k in cmds}
        runs = max(a.runs, 10) if not a.quick else a.runs
        for i in range(a.warmup + runs):
            for k, cmd in cmds.items():
                wall, kb, _, err, code = run(cmd)
                if code:
                    raise RuntimeError(f"{cmd}: {err}")
                if i >= a.warmup:
                    times[k].append(wall)
                    rss[k] = max(rss[k], kb)
        base = "python -c 'import pyoxigraph'"
        for k in cmds:
            self.add(Row("start-up", k, "", times[k], rss[k], base="" if k == base else "import pyoxigraph",
                         base_times=[] if k == base else times[base]))
        # which heavy modules does a query import?
        _, _, out, _, _ = run([PY, "-c", "import sys; from kg.cli import app; "
                               "sys.argv=['kg','--store',%r,'query','ASK {}']\n"
                               "try: app()\nexcept SystemExit: pass\n"
                               "print('HEAVY=' + ','.join(m for m in ('rdflib','spacy','owlready2','pyshacl','owlrl','dateparser','trafilatura') if m in sys.modules))"
                               % str(tiny)])
        heavy = next((line[6:] for line in out.splitlines() if line.startswith("HEAVY=")), "?")
        self.add(Row("start-up", "heavy modules imported by kg query", "", [], note=heavy or "none"))

    # -- all ----------------------------------------------------------------------
    def main(self) -> str:
        a = self.args
        self.say(f"work dir {self.work}")
        import kg

        kg.open(self.template).close()
        started = time.time()
        try:
            if "startup" in a.sections:
                self.say("start-up")
                self.startup()
            for size in a.sizes:
                self.say(f"generating {size}")
                file, m = ensure(size, self.data)
                self.say(f"{size}: {m.quads} quads, {m.articles} articles")
                if "load" in a.sections:
                    self.load(size, file)
                store = self.build(size, file)
                if "query" in a.sections:
                    self.query(size, file, store, m)
                if "validate" in a.sections:
                    self.validate(size, store, m, file)
                if "reason" in a.sections:
                    self.reason(size, store)
                shutil.rmtree(store, ignore_errors=True)
            if "ingest" in a.sections:
                self.say("ingest")
                self.ingest()
            if "cluster" in a.sections:
                self.say("cluster")
                self.cluster()
        finally:
            shutil.rmtree(self.work, ignore_errors=True)
        self.seconds = time.time() - started
        self.command = (f"`python -m bench {' '.join(sys.argv[1:])}` on {platform.node() or 'this machine'}: "
                        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
                        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        return self.report(self.seconds, self.command)

    def report(self, seconds: float, command: str) -> str:
        a = self.args
        lines = [
            "# kg benchmarks",
            "",
            f"{command}; took {seconds / 60:.1f} min. Median of {a.runs} runs after {a.warmup} warm-up "
            "(fewer where the note says so); ratio = median / median of the baseline measured in the same run.",
            "",
            table(self.rows),
            "",
            "## Targets",
            "",
            *targets(self.rows),
            "",
            *scaling(self.rows),
        ]
        notes = HERE / "NOTES.md"
        if notes.exists() and not a.quick:
            lines += [notes.read_text(encoding="utf-8").rstrip(), ""]
        return "\n".join(lines)


PER_ENTITY = ("replaces+ from one treaty", "one person's summits + co-participants", "ask evidence",
              "ask sources", "ask roles", "ask leaders --param state=Poland", "web: entity page of one person",
              "web: search for one person")


def scaling(rows: list[Row]) -> list[str]:
    """Each question's time at 100k and 1M through kg, its growth, and its ratio to the limit."""
    kg_rows = {(r.name.rsplit(": kg library", 1)[0], r.size): r for r in rows
               if r.section == "query" and r.name.endswith(": kg library") and r.median is not None}
    names = [n for n, size in kg_rows if size == "1m" and (n, "100k") in kg_rows]
    if not names:
        return []
    out = ["## Scaling (100k -> 1M quads)", "",
           "Growth = median at 1M / median at 100k (10x the data): at most 12 for whole-store "
           "questions, at most 3 for questions about one entity. Limit = the same query on a "
           "deduplicated copy of the data in raw pyoxigraph.", "",
           "| question | kind | 100k | 1M | growth | target | ratio to the limit at 100k | at 1M |",
           "|---|---|---|---|---|---|---|---|"]
    for n in names:
        a, b = kg_rows[(n, "100k")], kg_rows[(n, "1m")]
        growth = b.median / a.median
        entity = n in PER_ENTITY
        bound = 3 if entity else 12
        ra = f"{a.ratio:.2f}x" if a.ratio is not None else "n/a"
        rb = f"{b.ratio:.2f}x" if b.ratio is not None else "n/a"
        out.append(f"| {n} | {'one entity' if entity else 'whole store'} | {_fmt_time(a.median)} | "
                   f"{_fmt_time(b.median)} | {growth:.1f}x | <= {bound}x: {'met' if growth <= bound else 'missed'} | "
                   f"{ra} | {rb} |")
    return out + [""]


def targets(rows: list[Row]) -> list[str]:
    out = []

    def find(section: str, pred: Any) -> list[Row]:
        return [r for r in rows if r.section == section and pred(r) and r.ratio is not None]

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**missed**"

    sizes = [s for s in SIZES if any(r.size == s for r in rows)]
    qsize = "100k" if "100k" in sizes else (sizes[-1] if sizes else "")
    kq = find("query", lambda r: r.size == qsize and r.name.endswith(": kg library"))
    if kq:
        worst = max(kq, key=lambda r: r.ratio or 0)
        out.append(f"- queries through kg within 1.5x of raw pyoxigraph on a deduplicated copy at {qsize}: {verdict(worst.ratio <= 1.5)} "
                   f"(worst {worst.ratio:.2f}x, {worst.name.split(':')[0]}; median over queries "
                   f"{statistics.median(r.ratio for r in kq):.2f}x)")
    rq = find("query", lambda r: r.size == qsize and r.name.endswith(": rdflib"))
    if rq:
        slowest = min(rq, key=lambda r: r.ratio or 0)
        out.append(f"- queries through kg >= 10x faster than rdflib at {qsize}: {verdict(slowest.ratio >= 10)} "
                   f"(least {slowest.ratio:.1f}x, {slowest.name.split(':')[0]}; median "
                   f"{statistics.median(r.ratio for r in rq):.1f}x)")
    for r in find("load", lambda r: r.name in ("kg load (library)", "kg load --bulk (library)")):
        bound = 1.3 if "bulk" in r.name else 2.5
        out.append(f"- {r.name} within {bound}x of bulk_load at {r.size}: {verdict(r.ratio <= bound)} ({r.ratio:.2f}x)")
    for r in find("validate", lambda r: r.name == "one article (probe) in this store"):
        out.append(f"- validating one article within 2x of the same in an empty store, at {r.size}: "
                   f"{verdict(r.ratio <= 2)} ({r.ratio:.2f}x)")
    for r in find("ingest", lambda r: r.name == "KnowledgeGraph.ingest_paths"):
        out.append(f"- ingest >= 80% of bare spaCy speed: {verdict(r.ratio >= 0.8)} ({r.ratio:.0%})")
    for r in find("ingest", lambda r: r.name.startswith("kg ingest --jobs 2")):
        out.append(f"- kg ingest --jobs 2 vs --jobs 1: {r.ratio:.2f}x the speed")
    for r in find("start-up", lambda r: r.name.startswith("kg query")):
        out.append(f"- kg query start-up within 2x of importing pyoxigraph: {verdict(r.ratio <= 2)} ({r.ratio:.2f}x)")
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10k only, 1 run, small ingest set (under a minute)")
    ap.add_argument("--sizes", default="10k,100k,1m")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--sections", default="startup,load,query,validate,reason,ingest,cluster",
                    help="(--quick leaves out cluster: it starts three Dask clusters)")
    ap.add_argument("--rdflib-sizes", default="10k,100k", help="sizes at which rdflib is measured")
    ap.add_argument("--validate-all-sizes", default="10k,100k", help="sizes with whole-store validation")
    ap.add_argument("--turbo-sizes", default="10k", help="sizes with the pyshacl-turbo comparison")
    ap.add_argument("--lean-sizes", default="1m", help="sizes at which only bulk_load and kg load are timed")
    ap.add_argument("--reason-sizes", default="10k,100k")
    ap.add_argument("--budget", type=float, default=60.0,
                    help="seconds for the timed runs of one slow measurement (fewer runs past it)")
    ap.add_argument("--reason-budget", type=float, default=100.0)
    ap.add_argument("--rdflib-timeout", type=float, default=30.0,
                    help="seconds after which one rdflib query (warm-up and runs) is stopped")
    ap.add_argument("--ingest-words", type=int, default=20000)
    ap.add_argument("--data", default=str(HERE / ".data"), help="folder for the generated N-Quads files")
    ap.add_argument("--out", default=str(HERE / "RESULTS.md"))
    ap.add_argument("--from-json", help="render the table saved by an earlier run (OUT.json) instead of measuring")
    a = ap.parse_args(argv)
    if a.quick:
        a.sizes, a.runs, a.warmup = "10k", 1, 0
        a.ingest_words = min(a.ingest_words, 600)
        a.budget = 20.0
        a.reason_budget = 20.0
        a.reason_sizes = "10k"
        a.rdflib_timeout = 3.0
        a.sections = a.sections.replace(",cluster", "") if a.sections == ap.get_default("sections") else a.sections
    for name in ("sizes", "rdflib_sizes", "lean_sizes", "validate_all_sizes", "turbo_sizes", "reason_sizes", "sections"):
        setattr(a, name, [s for s in getattr(a, name).split(",") if s])
    bad = [s for s in a.sizes if s not in SIZES]
    if bad:
        ap.error(f"unknown size {bad[0]}: use {', '.join(SIZES)}")
    return a


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    bench = Bench(args)
    if args.from_json:  # render again (e.g. with new notes) without measuring again
        saved = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        bench.rows = [Row(**r) for r in saved["rows"]]
        text = bench.report(saved["seconds"], saved["command"])
    else:
        text = bench.main()
        Path(args.out).with_suffix(".json").write_text(json.dumps(
            {"rows": [r.__dict__ for r in bench.rows], "seconds": bench.seconds,
             "command": bench.command}, indent=1), encoding="utf-8")
    print(text)
    Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
