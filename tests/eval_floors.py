"""Run ../shared/eval/score.py (the project's yardstick) over one set of articles.

Used by tests/test_eval_floors.py, and run as a script to rewrite the floors after a change
that is meant to move them (review the diff):

    .venv/bin/python tests/eval_floors.py --update
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
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


def kg_executable() -> str:
    exe = Path(sys.executable).parent / "kg"
    return str(exe)


def score(name: str) -> dict:
    """The scorer's JSON report for one set: {"overall": ..., "articles": {stem: ...}}."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [sys.executable, str(SCORER), "--kg", kg_executable(), "--json", str(out)]
        if SETS[name] is not None:
            articles, gold = SETS[name]
            cmd += ["--articles", str(articles), "--gold", str(gold)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"score.py failed ({proc.returncode}): {proc.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


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
    for name, report in reports.items():
        floors[name] = {stem: math.floor(max(0.0, article_f1(report, stem) - MARGIN) * 1000) / 1000
                        for stem in sorted(report["articles"])}
        print(name, report["overall"])
    FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/eval_floors.py --update")
    update()
