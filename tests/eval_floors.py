"""Run ../shared/eval/score.py (the project's yardstick) over one set of articles.

Used by tests/test_eval_floors.py, and run as a script to rewrite the floors after a change
that is meant to move them (review the diff):

    .venv/bin/python tests/eval_floors.py --update
"""

from __future__ import annotations

import atexit
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import Future
from pathlib import Path

HERE = Path(__file__).parent
SHARED = HERE.parent.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
FLOORS = HERE / "corpus" / "floors.json"
MARGIN = 0.02   # a floor sits this far under the measured F1 (ties in the scorer's matching)

# name -> (articles, gold); None for the scorer's own default (the seeds with their gold)
SETS: dict[str, tuple[Path, Path] | None] = {
    "seeds": None,
    "shared-dev": (SHARED / "eval" / "dev" / "articles", SHARED / "eval" / "dev" / "gold"),
    "own-dev": (HERE / "corpus" / "dev" / "articles", HERE / "corpus" / "dev" / "gold"),
    "own-dev2": (HERE / "corpus" / "dev2" / "articles", HERE / "corpus" / "dev2" / "gold"),
    "own-dev3": (HERE / "corpus" / "dev3" / "articles", HERE / "corpus" / "dev3" / "gold"),
    "own-dev4": (HERE / "corpus" / "dev4" / "articles", HERE / "corpus" / "dev4" / "gold"),
    "own-dev5": (HERE / "corpus" / "dev5" / "articles", HERE / "corpus" / "dev5" / "gold"),
}


# the environment and temporary folder as they were on import: the background scoring must not
# follow a test that points TMPDIR or tempfile.tempdir at a folder it then removes
_ENV = dict(os.environ)
_TMP = tempfile.gettempdir()


def kg_executable() -> str:
    exe = Path(sys.executable).parent / "kg"
    return str(exe)


def score(name: str) -> dict:
    """The scorer's JSON report for one set: {"overall": ..., "articles": {stem: ...}}."""
    with tempfile.TemporaryDirectory(dir=_TMP) as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, str(SCORER), "--kg", kg_executable(), "--json", str(out)]
        if SETS[name] is not None:
            articles, gold = SETS[name]
            cmd += ["--articles", str(articles), "--gold", str(gold)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_ENV,
                                cwd=_TMP)
        _running.add(proc)
        try:
            _, err = proc.communicate(timeout=1800)
        finally:
            _running.discard(proc)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"score.py failed ({proc.returncode}): {err[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


_running: set[subprocess.Popen] = set()   # scorer runs under way (stopped if pytest exits first)
_prefetch: dict[str, Future] = {}


def start_prefetch() -> None:
    """Score every set in one background stream while the rest of the suite runs (the floor tests
    are run last and read the reports): one scorer process beside pytest's own keeps the two cores
    busy without oversubscribing them."""
    if _prefetch or not SCORER.exists():
        return
    _prefetch.update({name: Future() for name in SETS})

    def work() -> None:
        for name, future in list(_prefetch.items()):
            try:
                future.set_result(score(name))
            except BaseException as e:   # (handed to the test that reads it)
                future.set_exception(e)

    threading.Thread(target=work, name="eval-floors", daemon=True).start()
    atexit.register(lambda: [p.kill() for p in list(_running)])


def report(name: str) -> dict:
    """The scorer's report for one set: the prefetched one, else scored now (once)."""
    if name not in _prefetch:
        future: Future = Future()
        future.set_result(score(name))
        _prefetch[name] = future
    return _prefetch[name].result()


def article_f1(report: dict, stem: str) -> float:
    tp = fp = fn = 0
    for t, r in report["articles"][stem]["by_type"].items():
        if t == "negative":
            fp += r["fp"]
            continue
        tp, fp, fn = tp + r["tp"], fp + r["fp"], fn + r["fn"]
    if tp == 0:
        return 0.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    return 2 * p * r / (p + r)


def update() -> None:
    from concurrent.futures import ThreadPoolExecutor

    floors: dict[str, dict[str, float]] = {}
    with ThreadPoolExecutor(max_workers=2) as pool:   # two scorer runs side by side
        reports = dict(zip(SETS, pool.map(score, SETS)))
    for name, rep in reports.items():
        floors[name] = {stem: math.floor(max(0.0, article_f1(rep, stem) - MARGIN) * 1000) / 1000
                        for stem in sorted(rep["articles"])}
        print(name, rep["overall"])
    FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/eval_floors.py --update")
    update()
