"""Extraction quality per article, measured with the shared yardstick (../shared/eval/score.py).

Each article of the seeds, of ../shared/eval/dev and of our own dev corpora (tests/corpus/dev, dev2, dev3, dev4)
has a floor in tests/corpus/floors.json: one article cannot get worse without a test failing,
even while the overall score rises. The sealed split (tests/corpus/sealed) is not here: it is
scored apart, at the end of a piece of work, as the honest estimate on unseen text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from eval_floors import FLOORS, SCORER, SETS, article_f1, report  # noqa: E402

FLOOR_TABLE: dict[str, dict[str, float]] = json.loads(FLOORS.read_text(encoding="utf-8"))

needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py not beside the checkout")
# (the reports are scored in the background from the end of collection: tests/conftest.py)


@needs_scorer
@pytest.mark.slow
@pytest.mark.parametrize("name, stem", [(n, s) for n in SETS for s in sorted(FLOOR_TABLE.get(n, {}))])
def test_eval_floor_per_article(name: str, stem: str) -> None:
    rep = report(name)
    assert stem in rep["articles"], f"{stem} was not scored: {rep.get('cli_errors')}"
    got = article_f1(rep, stem)
    assert got >= FLOOR_TABLE[name][stem], (
        f"{name}/{stem}: F1 {got:.3f} under its floor {FLOOR_TABLE[name][stem]:.3f}; "
        f"misses {rep['articles'][stem]['by_type']}")


@needs_scorer
@pytest.mark.slow
@pytest.mark.parametrize("name", list(SETS))
def test_eval_every_article_has_a_floor(name: str) -> None:
    assert set(report(name)["articles"]) == set(FLOOR_TABLE.get(name, {}))
