"""Re-ingesting an unchanged article (issue 15): skipped before any NLP runs when its text,
the options given and kg's extraction version are those its graph was made from
(``kg:extractedWith``), and reported as unchanged; the report says "no article date" once.
"""

from __future__ import annotations

import pytest

import kg
import kg.extract
import kg.fingerprint
from kg.api import IngestReport
from kg.cli import app

ARTICLE = ("Posted March 2, 2023\n\nPresident Gabriel Boric of Chile met Alberto Fernandez of "
           "Argentina in Santiago on March 2, 2023. The two leaders discussed trade and energy.\n")
UNDATED = "Leaders met.\n\nPresident Emmanuel Macron of France met Olaf Scholz of Germany in Paris last week.\n"


@pytest.mark.parametrize("text", [ARTICLE, UNDATED])
def test_ingest_unchanged_skips_nlp(fresh_kg, monkeypatch, text) -> None:
    first = fresh_kg.ingest(text)
    before = len(fresh_kg.store)
    monkeypatch.setattr(kg.extract, "extract", lambda *a, **k: pytest.fail("extraction ran again"))
    again = fresh_kg.ingest(text)
    assert again.unchanged and len(fresh_kg.store) == before
    assert (again.article, again.facts, again.quarantined, again.date, again.date_source) == \
        (first.article, first.facts, first.quarantined, first.date, first.date_source)
    assert "already in the store (unchanged)" in again.summary() and "new /" not in again.summary()


@pytest.mark.parametrize("change", ["text", "date", "title", "version"])
def test_ingest_unchanged_only_when_nothing_changed(fresh_kg, monkeypatch, change) -> None:
    fresh_kg.ingest(ARTICLE)
    text, options = ARTICLE, {}
    if change == "text":
        text = ARTICLE.replace("trade and energy", "trade, energy and fisheries")
    elif change == "date":
        options = {"date": "2023-03-03"}
    elif change == "title":
        options = {"title": "Boric meets Fernandez"}
    else:
        monkeypatch.setattr(kg.fingerprint, "extraction_version", lambda: "another kg")
    assert not fresh_kg.ingest(text, **options).unchanged


def test_ingest_unchanged_after_remove_is_extracted(fresh_kg) -> None:
    fresh_kg.remove(fresh_kg.ingest(ARTICLE).article)
    assert not fresh_kg.ingest(ARTICLE).unchanged


def test_ingest_unchanged_cli_folder(runner, store_path, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(UNDATED, encoding="utf-8")
    first = runner.invoke(app, ["--store", str(store_path), "ingest", str(folder)])
    assert first.exit_code == 0, first.stderr
    monkeypatch.setattr(kg.extract, "extract", lambda *a, **k: pytest.fail("extraction ran again"))
    again = runner.invoke(app, ["--store", str(store_path), "ingest", str(folder)])
    assert again.exit_code == 0, again.stderr
    lines = again.stdout.splitlines()
    assert len(lines) == 2 and all("facts already in the store (unchanged)" in line for line in lines)


@pytest.mark.parametrize("notes,expected", [
    (("no article date: relative dates left unresolved",), "; no article date: relative dates left unresolved"),
    ((), "; no article date"),
])
def test_ingest_report_says_no_article_date_once(notes, expected) -> None:
    report = IngestReport("https://w3id.org/kg/article/x", "<stdin>", None, None, "none", 1, 0, 1, 1, notes)
    assert report.summary().endswith(" linked" + expected)
    assert report.summary().count("no article date") == 1
