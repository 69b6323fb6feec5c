"""Extraction cost against paragraph length: one ~100k-character paragraph against the same text
cut into ~600-character paragraphs, in the same process (the issue's target: within 2x).

    python -m bench.paragraph [--chars 100000] [--runs 3]

The text is the example articles (examples/*.txt) repeated; only kg.extract.extract is timed.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from kg.extract import extract, pipeline
from kg.model import PartialDate
from kg.text import read_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def texts(chars: int) -> tuple[str, str]:
    bodies = [" ".join(p.read_text(encoding="utf-8").split("\n\n", 1)[1].split())
              for p in sorted(EXAMPLES.glob("*.txt"))]
    unit = " ".join(bodies)
    big = ((unit + " ") * (chars // len(unit) + 1))[:chars].rsplit(". ", 1)[0] + "."
    chunks, cur = [], ""
    for sent in re.split(r"(?<=\.) ", big):
        cur += sent + " "
        if len(cur) > 600:
            chunks.append(cur.strip())
            cur = ""
    if cur.strip():
        chunks.append(cur.strip())
    return "Title\n\n" + big, "Title\n\n" + "\n\n".join(chunks)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.paragraph", description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    pipeline()
    date = PartialDate.parse("2019-09-20")
    one, split = texts(args.chars)
    times: dict[str, list[float]] = {"one paragraph": [], "paragraphs": []}
    for _ in range(args.runs):   # interleaved: the machine's speed drifts
        for name, text in (("one paragraph", one), ("paragraphs", split)):
            doc = read_text(text)
            t = time.perf_counter()
            extract(doc, date=date)
            times[name].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, v in med.items():
        print(f"{k:14s} {len(one):>7d} chars  median {v:.2f} s  (runs {', '.join(f'{x:.2f}' for x in times[k])})")
    print(f"ratio one paragraph / paragraphs: {med['one paragraph'] / med['paragraphs']:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
