"""kg.dates: article-date detection, resolution of date expressions, the scanner.

Page snippets here are made up; they only copy the shapes of real pages.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.dates import context_date, detect_article_date, find_date_expressions, resolve, resolve_range
from kg.model import ArticleDate, PartialDate

P = PartialDate
MON_2024_01_22 = P(2024, 1, 22)  # a Monday


def iso(p: PartialDate | None) -> str | None:
    return None if p is None else p.isoformat()


# ----------------------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("June 19, 2024", "2024-06-19"),
        ("June 19 2024", "2024-06-19"),
        ("June 19th, 2024", "2024-06-19"),
        ("19 June 2024", "2024-06-19"),
        ("the 19th of June, 2024", "2024-06-19"),
        ("Jan. 14, 2024", "2024-01-14"),
        ("January. 22, 2024", "2024-01-22"),
        ("Monday, December 23, 2024", "2024-12-23"),
        ("Sept. 3, 2023", "2023-09-03"),
        ("Sep 3, 2023", "2023-09-03"),
        ("2024-06-19", "2024-06-19"),
        ("2024/06/19", "2024-06-19"),
        ("2024.06.19", "2024-06-19"),
        ("2024-06-19T07:53:00+09:00", "2024-06-19"),
        ("on June 19, 2024", "2024-06-19"),
        ("June 19, 2024 07:53", "2024-06-19"),
        ("Feb. 29, 2024", "2024-02-29"),
        # dateparser, as a last resort, for absolute forms the rules do not cover
        ("June the 19th, 2024", "2024-06-19"),
        ("06/19/2024", "2024-06-19"),
        ("19.06.2024", "2024-06-19"),
    ],
)
@pytest.mark.parametrize("anchor", [None, MON_2024_01_22, P(1999, 12, 31)])
def test_dates_absolute_day(expr: str, expected: str, anchor: PartialDate | None) -> None:
    got = resolve(expr, anchor)
    assert iso(got) == expected
    assert got is not None and got.xsd_type == "date"


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("July 2000", "2000-07"),
        ("in July 2000", "2000-07"),
        ("July of 2000", "2000-07"),
        ("September 2023", "2023-09"),
        ("since September 2023", "2023-09"),
        ("mid-June 2024", "2024-06"),
        ("mid June 2024", "2024-06"),
        ("early March 2022", "2022-03"),
        ("the end of June 2024", "2024-06"),
        ("Sept. 2023", "2023-09"),
        ("2024-06", "2024-06"),
    ],
)
def test_dates_absolute_month_precision(expr: str, expected: str) -> None:
    got = resolve(expr, MON_2024_01_22)
    assert iso(got) == expected
    assert got is not None and got.xsd_type == "gYearMonth" and got.day is None


@pytest.mark.parametrize(
    ("expr", "expected"),
    [("2000", "2000"), ("in 2000", "2000"), ("since 1991", "1991"), ("the year 2000", "2000"),
     ("early 2024", "2024"), ("the end of 2023", "2023"), ("mid-2024", "2024"), ("late 2023", "2023")],
)  # fmt: skip
def test_dates_absolute_year_precision(expr: str, expected: str) -> None:
    got = resolve(expr, None)
    assert iso(got) == expected
    assert got is not None and got.xsd_type == "gYear"


@pytest.mark.parametrize(
    "expr",
    ["the 1990s", "1990s", "the early 2000s", "the late 1980s", "the 20th century", "06/07/2024",
     "", "   ", "recently", "24 years", "three years and five months",
     "the weekend", "last weekend", "summer", "that evening", "the same year", "the next day",
     "the following day", "June 31, 2024", "Feb. 30, 2024", "2024-13-01", "2024-02-30", "0000",
     "before 2000", "2024 Olympics", "the month", "the year"],
)  # fmt: skip
@pytest.mark.parametrize("anchor", [None, MON_2024_01_22])
def test_dates_unsupported_is_none(expr: str, anchor: PartialDate | None) -> None:
    assert resolve(expr, anchor) is None


# ----------------------------------------------------------------------------- month names


@pytest.mark.parametrize(
    ("expr", "month"),
    [("Jan. 5", 1), ("jan 5", 1), ("JANUARY 5", 1), ("January. 5", 1), ("Feb 5", 2),
     ("Sept. 5", 9), ("Sep. 5", 9), ("sept 5", 9), ("SEP 5", 9), ("September 5", 9),
     ("Dec. 5", 12), ("5 Oct.", 10), ("the 5th of Nov.", 11), ("Mar. 5", 3), ("Apr 5", 4),
     ("Aug. 5", 8), ("Jun 5", 6), ("Jul. 5", 7), ("May 5", 5)],
)  # fmt: skip
def test_dates_month_spellings(expr: str, month: int) -> None:
    got = resolve(expr, P(2024, 12, 31))
    assert got == P(2024, month, 5)


# ----------------------------------------------------------------------------- relative months


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (P(2024, 6, 18), "2023-09"),
        (P(2024, 10, 5), "2024-09"),
        (P(2024, 9, 10), "2023-09"),
        (P(2024, 9, 30), "2023-09"),
        (P(2024, 12, 31), "2024-09"),
        (P(2024, 1, 1), "2023-09"),
        (P(2024, 10), "2024-09"),  # a month-precision anchor is enough
    ],
)
def test_dates_last_month_name(anchor: PartialDate, expected: str) -> None:
    got = resolve("last September", anchor)
    assert iso(got) == expected and got is not None and got.xsd_type == "gYearMonth"
    assert resolve("last September", anchor, tense="future") == got  # "last" wins over the tense


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("last December", P(2024, 1, 5), "2023-12"),
        ("last January", P(2024, 1, 5), "2023-01"),
        ("last January", P(2024, 2, 1), "2024-01"),
        ("since last September", P(2024, 6, 18), "2023-09"),
        ("this September", P(2024, 6, 18), "2024-09"),
        ("this September", P(2024, 10, 1), "2024-09"),
        ("next September", P(2024, 6, 18), "2024-09"),
        ("next September", P(2024, 9, 18), "2025-09"),
        ("next January", P(2024, 12, 18), "2025-01"),
        ("September of the previous year", P(2024, 1, 22), "2023-09"),
        ("September of the previous year", P(2024, 12, 22), "2023-09"),
        ("September last year", P(2024, 1, 22), "2023-09"),
        ("December of last year", P(2024, 1, 5), "2023-12"),
        ("March this year", P(2024, 6, 18), "2024-03"),
        ("March of this year", P(2024, 1, 18), "2024-03"),
        ("March next year", P(2024, 6, 18), "2025-03"),
        ("mid-June last year", P(2024, 6, 18), "2023-06"),
    ],
)
def test_dates_relative_month_name(expr: str, anchor: PartialDate, expected: str) -> None:
    assert iso(resolve(expr, anchor)) == expected


@pytest.mark.parametrize(
    ("expr", "anchor", "past", "future"),
    [
        ("in March", P(2024, 1, 22), "2023-03", "2024-03"),
        ("in March", P(2024, 3, 10), "2024-03", "2024-03"),
        ("in March", P(2024, 6, 18), "2024-03", "2025-03"),
        ("March", P(2024, 12, 31), "2024-03", "2025-03"),
        ("mid-June", P(2024, 6, 18), "2024-06", "2024-06"),
        ("in mid-June", P(2024, 5, 1), "2023-06", "2024-06"),
        ("late December", P(2024, 1, 5), "2023-12", "2024-12"),
        ("early January", P(2023, 12, 30), "2023-01", "2024-01"),
        ("the end of May", P(2024, 6, 1), "2024-05", "2025-05"),
    ],
)
def test_dates_bare_month_tense(expr: str, anchor: PartialDate, past: str, future: str) -> None:
    assert iso(resolve(expr, anchor, tense="past")) == past
    assert iso(resolve(expr, anchor, tense="future")) == future


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("last month", P(2024, 1, 5), "2023-12"),
        ("last month", P(2024, 6, 18), "2024-05"),
        ("the end of last month", P(2024, 1, 5), "2023-12"),
        ("at the end of last month", P(2024, 6, 18), "2024-05"),
        ("the previous month", P(2024, 3, 31), "2024-02"),
        ("this month", P(2024, 1, 5), "2024-01"),
        ("earlier this month", P(2024, 6, 18), "2024-06"),
        ("next month", P(2024, 12, 5), "2025-01"),
        ("next month", P(2024, 6, 18), "2024-07"),
        ("three months ago", P(2024, 2, 10), "2023-11"),
        ("last month", P(2024, 3), "2024-02"),
    ],
)
def test_dates_month_offsets(expr: str, anchor: PartialDate, expected: str) -> None:
    got = resolve(expr, anchor)
    assert iso(got) == expected and got is not None and got.xsd_type == "gYearMonth"


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("last year", P(2024, 1, 5), "2023"),
        ("last year", P(2024, 12, 31), "2023"),
        ("late last year", P(2024, 1, 5), "2023"),
        ("the previous year", P(2024, 6, 18), "2023"),
        ("this year", P(2024, 6, 18), "2024"),
        ("earlier this year", P(2024, 6, 18), "2024"),
        ("next year", P(2024, 12, 31), "2025"),
        ("a year ago", P(2024, 6, 18), "2023"),
        ("two years ago", P(2024, 6, 18), "2022"),
        ("last year's", P(2024, 6, 18), "2023"),
        ("last year", P(2024), "2023"),  # a year-precision anchor is enough
    ],
)
def test_dates_year_offsets(expr: str, anchor: PartialDate, expected: str) -> None:
    got = resolve(expr, anchor)
    assert iso(got) == expected and got is not None and got.xsd_type == "gYear"


# ----------------------------------------------------------------------------- days


@pytest.mark.parametrize(
    ("expr", "anchor", "past", "future"),
    [
        ("on the 18th", P(2024, 6, 18), "2024-06-18", "2024-06-18"),
        ("the 19th", P(2024, 6, 18), "2024-05-19", "2024-06-19"),
        ("on the 19th", P(2024, 6, 20), "2024-06-19", "2024-07-19"),
        ("the 17th", P(2024, 6, 18), "2024-06-17", "2024-07-17"),
        ("on the 30th", P(2024, 3, 2), "2024-01-30", "2024-03-30"),  # no 30 February
        ("the 31st", P(2024, 4, 5), "2024-03-31", "2024-05-31"),  # no 31 April
        ("the 29th", P(2023, 3, 1), "2023-01-29", "2023-03-29"),  # 2023 is no leap year
        ("the 28th", P(2024, 1, 5), "2023-12-28", "2024-01-28"),
        ("the 2nd", P(2023, 12, 30), "2023-12-02", "2024-01-02"),
        ("the 1st", P(2024, 1, 1), "2024-01-01", "2024-01-01"),
        ("the 12th (local time)", P(2023, 9, 14), "2023-09-12", "2023-10-12"),
        ("On the 12th local time", P(2023, 9, 14), "2023-09-12", "2023-10-12"),
        ("the 3rd of this month", P(2024, 6, 18), "2024-06-03", "2024-07-03"),
    ],
)
def test_dates_ordinal_day(expr: str, anchor: PartialDate, past: str, future: str) -> None:
    assert iso(resolve(expr, anchor, tense="past")) == past
    assert iso(resolve(expr, anchor, tense="future")) == future


@pytest.mark.parametrize(
    ("expr", "anchor", "past", "future"),
    [
        ("June 19", P(2024, 6, 22), "2024-06-19", "2025-06-19"),
        ("June 16", P(2024, 12, 23), "2024-06-16", "2025-06-16"),
        ("June 25", P(2024, 6, 18), "2023-06-25", "2024-06-25"),
        ("Jan. 14", MON_2024_01_22, "2024-01-14", "2025-01-14"),
        ("Dec. 28", P(2024, 1, 5), "2023-12-28", "2024-12-28"),
        ("Jan. 3", P(2023, 12, 30), "2023-01-03", "2024-01-03"),
        ("on June 18", P(2024, 6, 18), "2024-06-18", "2024-06-18"),
        ("19 June", P(2024, 6, 22), "2024-06-19", "2025-06-19"),
        ("Friday, June 19", P(2024, 6, 22), "2024-06-19", "2025-06-19"),
        ("Feb. 29", P(2025, 3, 1), "2024-02-29", "2028-02-29"),
    ],
)
def test_dates_month_day_without_year(expr: str, anchor: PartialDate, past: str, future: str) -> None:
    assert iso(resolve(expr, anchor, tense="past")) == past
    assert iso(resolve(expr, anchor, tense="future")) == future


@pytest.mark.parametrize(
    ("expr", "past", "future"),
    [
        # anchor: Monday 2024-01-22
        ("Thursday", "2024-01-18", "2024-01-25"),
        ("on Friday", "2024-01-19", "2024-01-26"),
        ("Sunday", "2024-01-21", "2024-01-28"),
        ("Tuesday", "2024-01-16", "2024-01-23"),
        ("Friday night", "2024-01-19", "2024-01-26"),
        ("late Thursday", "2024-01-18", "2024-01-25"),
        ("Thurs.", "2024-01-18", "2024-01-25"),
        ("last Friday", "2024-01-19", "2024-01-19"),
        ("next Friday", "2024-01-26", "2024-01-26"),
        # the anchor's own weekday: that day, unless "last"/"next" says otherwise
        ("Monday", "2024-01-22", "2024-01-22"),
        ("last Monday", "2024-01-15", "2024-01-15"),
        ("next Monday", "2024-01-29", "2024-01-29"),
    ],
)
def test_dates_weekday_tense(expr: str, past: str, future: str) -> None:
    assert iso(resolve(expr, MON_2024_01_22, tense="past")) == past
    assert iso(resolve(expr, MON_2024_01_22, tense="future")) == future


@pytest.mark.parametrize(
    ("anchor", "expr", "expected"),
    [
        (P(2024, 1, 2), "Friday", "2023-12-29"),  # across the year boundary
        (P(2024, 3, 1), "Thursday", "2024-02-29"),
        (P(2023, 12, 30), "Tuesday", "2023-12-26"),
    ],
)
def test_dates_weekday_boundaries(anchor: PartialDate, expr: str, expected: str) -> None:
    assert iso(resolve(expr, anchor)) == expected


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("today", P(2024, 6, 18), "2024-06-18"),
        ("tonight", P(2024, 6, 18), "2024-06-18"),
        ("this evening", P(2024, 6, 18), "2024-06-18"),
        ("this morning", P(2024, 6, 18), "2024-06-18"),
        ("Tonight", P(2024, 6, 18), "2024-06-18"),
        ("yesterday", P(2024, 1, 1), "2023-12-31"),
        ("yesterday", P(2024, 3, 1), "2024-02-29"),
        ("last night", P(2024, 6, 18), "2024-06-17"),
        ("the day before", P(2024, 6, 18), "2024-06-17"),
        ("the day before", P(2024, 1, 1), "2023-12-31"),
        ("the previous day", P(2024, 6, 1), "2024-05-31"),
        ("the day before yesterday", P(2024, 6, 18), "2024-06-16"),
        ("tomorrow", P(2023, 12, 31), "2024-01-01"),
        ("tomorrow night", P(2024, 2, 28), "2024-02-29"),
        ("the day after tomorrow", P(2024, 6, 18), "2024-06-20"),
        ("two days ago", P(2024, 6, 1), "2024-05-30"),
        ("3 days ago", P(2024, 6, 18), "2024-06-15"),
    ],
)
def test_dates_day_words(expr: str, anchor: PartialDate, expected: str) -> None:
    got = resolve(expr, anchor)
    assert iso(got) == expected
    assert resolve(expr, anchor, tense="future") == got  # these say their own direction


# ----------------------------------------------------------------------------- anchors


@pytest.mark.parametrize(
    "expr",
    ["last September", "September of the previous year", "this September", "next month",
     "last month", "the end of last month", "last year", "this year", "the previous year",
     "on the 19th", "the 19th", "Thursday", "on Friday", "last Friday", "today", "tonight",
     "this evening", "yesterday", "the day before", "tomorrow", "in March", "mid-June",
     "June 19", "Jan. 14", "a year ago"],
)  # fmt: skip
@pytest.mark.parametrize("tense", ["past", "future"])
def test_dates_relative_without_anchor_is_none(expr: str, tense: str) -> None:
    assert resolve(expr, None, tense=tense) is None


@pytest.mark.parametrize(
    ("anchor", "expr", "expected"),
    [
        (P(2024, 6), "last month", "2024-05"),
        (P(2024, 6), "in March", "2024-03"),
        (P(2024, 6), "yesterday", None),  # needs the day
        (P(2024, 6), "the 19th", None),
        (P(2024, 6), "Thursday", None),
        (P(2024, 6), "June 19", None),
        (P(2024), "last year", "2023"),
        (P(2024), "September last year", "2023-09"),
        (P(2024), "this September", "2024-09"),
        (P(2024), "last month", None),
        (P(2024), "last September", None),
    ],
)
def test_dates_anchor_precision(anchor: PartialDate, expr: str, expected: str | None) -> None:
    assert iso(resolve(expr, anchor)) == expected


@pytest.mark.parametrize(
    "anchor", [P(2024, 1, 22), dt.date(2024, 1, 22), dt.datetime(2024, 1, 22, 7, 53)]
)
def test_dates_anchor_types(anchor: PartialDate | dt.date) -> None:
    assert resolve("Thursday", anchor) == P(2024, 1, 18)
    assert resolve_range("from Jan. 14 to Thursday", anchor) == (P(2024, 1, 14), P(2024, 1, 18))


def test_dates_bad_tense_or_anchor_raises() -> None:
    with pytest.raises(ValueError):
        resolve("Thursday", MON_2024_01_22, tense="present")
    with pytest.raises(ValueError):
        resolve_range("Thursday", MON_2024_01_22, tense="later")
    with pytest.raises(TypeError):
        resolve("Thursday", "2024-01-22")  # type: ignore[arg-type]


def test_dates_calendar_edges_do_not_raise() -> None:
    assert resolve("tomorrow", dt.date(9999, 12, 31)) is None
    assert resolve("yesterday", dt.date(1, 1, 1)) is None
    assert resolve("last year", P(1)) is None
    assert resolve("0001-01-01", None) == P(1, 1, 1)


# ----------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("expr", "anchor", "tense", "start", "end"),
    [
        ("from Jan. 14 to Thursday", MON_2024_01_22, "past", "2024-01-14", "2024-01-18"),
        ("Jan. 14 to Thursday", MON_2024_01_22, "past", "2024-01-14", "2024-01-18"),
        ("June 18-19, 2024", None, "past", "2024-06-18", "2024-06-19"),
        ("June 18\u201319, 2024", None, "past", "2024-06-18", "2024-06-19"),
        ("18-19 June 2024", None, "past", "2024-06-18", "2024-06-19"),
        ("June 18 to 20", P(2024, 6, 25), "past", "2024-06-18", "2024-06-20"),
        ("June 18 to 20", P(2024, 6, 19), "past", "2024-06-18", "2024-06-20"),
        ("June 18 to 20", P(2024, 6, 19), "future", "2024-06-18", "2024-06-20"),
        ("June 25 to 28", P(2024, 6, 18), "future", "2024-06-25", "2024-06-28"),
        ("between March 3 and 5", P(2024, 6, 1), "past", "2024-03-03", "2024-03-05"),
        ("from 2019 to 2021", None, "past", "2019", "2021"),
        ("2019-2021", None, "past", "2019", "2021"),
        ("December 28 to January 3, 2024", None, "past", "2023-12-28", "2024-01-03"),
        ("Dec. 28 to Jan. 3", P(2024, 1, 10), "past", "2023-12-28", "2024-01-03"),
        ("March to May 2024", None, "past", "2024-03", "2024-05"),
        ("June 18, 2024 to June 20", None, "past", "2024-06-18", "2024-06-20"),
        ("2024-06-18 to 2024-06-20", None, "past", "2024-06-18", "2024-06-20"),
        ("from Thursday to Saturday", MON_2024_01_22, "future", "2024-01-25", "2024-01-27"),
        ("the 14th to the 18th", P(2024, 1, 16), "past", "2024-01-14", "2024-01-18"),
        ("the 14th to the 18th", P(2024, 1, 22), "future", "2024-02-14", "2024-02-18"),
        ("from last September to March this year", P(2024, 6, 18), "past", "2023-09", "2024-03"),
        # a start of no year takes the end's ("... July 1 last year"), not the anchor's
        ("from May 30 to June 2 last year", P(1963, 8, 29), "past", "1962-05-30", "1962-06-02"),
        ("from December 28 to January 2 last year", P(2016, 3, 1), "past", "2014-12-28", "2015-01-02"),
    ],
)
def test_dates_range(expr: str, anchor: PartialDate | None, tense: str, start: str, end: str) -> None:
    got = resolve_range(expr, anchor, tense=tense)
    assert (iso(got[0]), iso(got[1])) == (start, end)


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("June 19, 2024", None, ("2024-06-19", None)),
        ("Thursday", MON_2024_01_22, ("2024-01-18", None)),
        ("2024-06-19", None, ("2024-06-19", None)),
        ("in July 2000", None, ("2000-07", None)),
        ("from Jan. 14 to Thursday", None, (None, None)),  # relative ends need the anchor
        ("June 18, 2024 to Thursday", None, ("2024-06-18", None)),  # the end is unknown
        ("from 2021 to 2019", None, (None, None)),  # backwards
        ("March 3 and 5", P(2024, 6, 1), (None, None)),  # "and" only with "between"
        ("the 1990s", None, (None, None)),
        ("nothing here", MON_2024_01_22, (None, None)),
    ],
)
def test_dates_range_single_or_unresolved(
    expr: str, anchor: PartialDate | None, expected: tuple[str | None, str | None]
) -> None:
    got = resolve_range(expr, anchor)
    assert (iso(got[0]), iso(got[1])) == expected


@pytest.mark.parametrize("expr", ["June 18-19, 2024", "from 2019 to 2021", "Jan. 14 to Thursday"])
def test_dates_resolve_refuses_ranges(expr: str) -> None:
    assert resolve(expr, MON_2024_01_22) is None


# ----------------------------------------------------------------------------- scanner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister visited Russia from Jan. 14 to Thursday, state media reported Friday.",
         ["from Jan. 14 to Thursday", "Friday"]),
        ("The visit follows his trip to the Far East in September of the previous year.",
         ["September of the previous year"]),
        ("It would be the first visit in 24 years since 2000, after the election in March.",
         ["2000", "March"]),
        ("On the 18th, the ministry said the talks will take place on the 19th (local time).",
         ["the 18th", "the 19th"]),
        ("An aide said at a briefing the day before that a launch failed at the end of last month.",
         ["the day before", "the end of last month"]),
        ("The leaders met in July 2000 and again last September; a draft has existed since September 2023.",
         ["July 2000", "last September", "September 2023"]),
        ("Talks were held June 18-19, 2024 and between March 3 and 5; ties froze from 2019 to 2021.",
         ["June 18-19, 2024", "between March 3 and 5", "from 2019 to 2021"]),
        ("The forum ran 18-19 June 2024, a report dated 2024-06-19 said.",
         ["18-19 June 2024", "2024-06-19"]),
        ("He arrived Posted January. 22, 2024 07:53, then left on Sept. 3 in mid-June.",
         ["January. 22, 2024", "Sept. 3", "mid-June"]),
        ("Sanctions were blocked in March this year; trade rose last year and will grow next month.",
         ["March this year", "last year", "next month"]),
        ("The treaty of 1961 was replaced; relations were restored in 2000 after the 1991 collapse.",
         ["1961", "2000", "1991"]),
        ("A caption: the leaders at the airport, Pyongyang, July 19, 2024",
         ["July 19, 2024"]),
        ("The envoy arrives tomorrow, two days after talks that began yesterday.",
         ["tomorrow", "yesterday"]),
        # ("that evening": the day told before it, as "the same evening" is)
        ("The summit was held on Wednesday, June 19, with a banquet that evening.",
         ["Wednesday, June 19", "that evening"]),
        ("They will meet in May.", ["May"]),
        ("It happened three years ago, in late 2021.", ["three years ago", "late 2021"]),
    ],
)
def test_dates_find_expressions(text: str, expected: list[str]) -> None:
    found = find_date_expressions(text)
    assert [t for _, _, t in found] == expected
    for s, e, t in found:
        assert text[s:e] == t


@pytest.mark.parametrize(
    "text",
    [
        "Officials may march to the square; 2000 troops and 9,000 containers were counted.",
        "The 19th century saw the 5th round of the 8th Party Congress.",
        "He said the day before the election that Kim Jong-un would decide.",
        "Jan Smith and May Lee met Mark on the sun deck at 07:53.",
        "Prices rose 2024% and cost $2024; the 1990s were different; No. 2000.",
        "Exports grew for 24 years and three months.",
    ],
)
def test_dates_find_rejects_non_dates(text: str) -> None:
    assert find_date_expressions(text) == []


def test_dates_find_results_resolve() -> None:
    text = (
        "North Korean media reported Friday that the minister visited Russia from Jan. 14 to "
        "Thursday; Kim went to the Far East in September of the previous year, and a launch "
        "failed at the end of last month. On the 19th, talks resumed. In July 2000 they met."
    )
    anchor = MON_2024_01_22
    got = []
    for _, _, t in find_date_expressions(text):
        start, end = resolve_range(t, anchor)
        got.append((t, iso(start), iso(end)))
    assert got == [
        ("Friday", "2024-01-19", None),
        ("from Jan. 14 to Thursday", "2024-01-14", "2024-01-18"),
        ("September of the previous year", "2023-09", None),
        ("the end of last month", "2023-12", None),
        ("the 19th", "2024-01-19", None),
        ("July 2000", "2000-07", None),
    ]


# ----------------------------------------------------------------------------- article date

POSTED_PAGE = """Skip to main content

Border talks stall as envoys trade blame

Posted March. 3, 2023 10:15,

Updated March. 4, 2023 08:02

The two envoys met on Feb. 27 in a border town and agreed to meet again on March 10, 2023.
"""

HEADER_PAGE = """Tuesday, April 2, 2024

Ministers Meet in Geneva on Grain Deal

Officials from both sides met on the 29th to discuss shipments.

Fashion Week Wraps Up With Record Crowds

Designers showed spring lines on March 30.

Why the Grain Corridor Matters

The corridor reopened in August 2023, officials said.
"""

CAPTION_AND_POSTED = """Leaders shake hands after the signing ceremony at the palace, Hanoi, August 9, 2023

Posted August. 11, 2023 06:40

The leaders signed an accord on August 9, 2023, in Hanoi.
"""

CAPTION_ONLY = """Leaders shake hands after the signing ceremony at the palace, Hanoi, August 9, 2023
The leaders signed an accord on the 9th, the foreign ministry said on Thursday.
On August 9, 2023 the two sides also agreed to hold talks next year.
"""

NO_DATE_PAGE = """Menu
Search

Envoys Trade Blame as Talks Stall

The envoys met in a border town and agreed to meet again soon, officials said.
"""


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (POSTED_PAGE, ArticleDate(P(2023, 3, 3), "text:posted")),
        (HEADER_PAGE, ArticleDate(P(2024, 4, 2), "text:header-date")),
        (CAPTION_AND_POSTED, ArticleDate(P(2023, 8, 11), "text:posted")),
        (CAPTION_ONLY, ArticleDate(None, "none")),
        (NO_DATE_PAGE, ArticleDate(None, "none")),
        ("", ArticleDate(None, "none")),
        ("Title\nPublished: 2024-06-18\nBody text here.", ArticleDate(P(2024, 6, 18), "text:published")),
        ("Title\nBy Jane Roe | Published June 18, 2024 | 3 min read\nBody.",
         ArticleDate(P(2024, 6, 18), "text:published")),
        ("Title\nPOSTED : 2024.06.18 09:30 KST\nBody.", ArticleDate(P(2024, 6, 18), "text:posted")),
        ("Title\nUpdated June 19, 2024\nPosted June 18, 2024\nBody.",
         ArticleDate(P(2024, 6, 18), "text:posted")),
        ("Title\nUpdated June 19, 2024 10:00\nBody.", ArticleDate(P(2024, 6, 19), "text:updated")),
        ("Title\n\nDec 23, 2024 | 07:53 AM KST\n\nBody.", ArticleDate(P(2024, 12, 23), "text:header-date")),
        ("Title\n2024-06-18 09:30\nBody.", ArticleDate(P(2024, 6, 18), "text:header-date")),
    ],
)  # fmt: skip
def test_dates_detect_article_date(page: str, expected: ArticleDate) -> None:
    assert detect_article_date(page) == expected


def test_dates_detect_posted_beats_header_and_caption() -> None:
    page = "Monday, May 6, 2024\n" + CAPTION_AND_POSTED
    assert detect_article_date(page) == ArticleDate(P(2023, 8, 11), "text:posted")


def test_dates_detect_header_only_near_top() -> None:
    filler = "\n".join(f"Teaser headline number {i}" for i in range(12))
    assert detect_article_date(filler + "\nTuesday, April 2, 2024\nBody.") == ArticleDate(None, "none")


def test_dates_detect_body_sentences_are_not_article_dates() -> None:
    page = (
        "Envoys Trade Blame\n"
        "On June 19, 2024, the president visited the capital and signed a treaty.\n"
        "The draft was published on June 16, 2024 by a weekly, which said more.\n"
        "June 20, 2024 was chosen because, officials said, the talks had to end before the holiday.\n"
        "The report, published June 16, 2024, said more.\n"
        "On June 21, 2024\n"
    )
    assert detect_article_date(page) == ArticleDate(None, "none")


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("Talks Resume\nMOSCOW, May 7, 2024 (Interfax) -- The ministers met on Tuesday.",
         ArticleDate(P(2024, 5, 7), "text:dateline")),
        ("Talks Resume\nHANOI, Aug. 9, 2023 -- The ministers met.",
         ArticleDate(P(2023, 8, 9), "text:dateline")),
        ("Talks Resume\nHanoi, 9 August 2023 (AFP) - The ministers met.",
         ArticleDate(P(2023, 8, 9), "text:dateline")),
        # no year: not enough on its own ...
        ("Talks Resume\nSEOUL, June 18 (Yonhap) -- Officials said the envoy will arrive on the 19th.",
         ArticleDate(None, "none")),
        # ... but a year on a short line next to it completes it
        ("Talks Resume\nSEOUL, June 18 (Yonhap) -- Officials said the envoy will arrive.\n"
         "(c) 2024 Example News Agency",
         ArticleDate(P(2024, 6, 18), "text:dateline")),
        # a year in a body sentence nearby does not count
        ("Talks Resume\nSEOUL, June 18 (Yonhap) -- Officials said the envoy will arrive.\n"
         "It is the first such visit since 2000, when the two leaders met in the capital for talks.",
         ArticleDate(None, "none")),
        # a caption that ends with a place and date is no dateline
        ("Talks Resume\nThe envoy at the airport, Seoul, June 18, 2024\nOfficials said more.",
         ArticleDate(None, "none")),
    ],
)  # fmt: skip
def test_dates_detect_dateline(page: str, expected: ArticleDate) -> None:
    assert detect_article_date(page) == expected


def test_dates_detect_title_marks_body_start() -> None:
    teasers = "\n".join(f"Other story {i}" for i in range(20))
    page = teasers + "\nTalks Resume\nMOSCOW, May 7, 2024 (Interfax) -- The ministers met."
    assert detect_article_date(page) == ArticleDate(None, "none")  # too far down without a title
    assert detect_article_date(page, title="Talks Resume") == ArticleDate(P(2024, 5, 7), "text:dateline")


# ----------------------------------------------------------------------------- properties

_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_anchors = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.dates().map(PartialDate.from_date),
    st.builds(PartialDate, st.integers(1, 9999), st.integers(1, 12)),
    st.builds(PartialDate, st.integers(1, 9999)),
)
_date_words = st.sampled_from(
    ["last", "next", "this", "the", "of", "to", "from", "between", "and", "-", ",", ".", "June",
     "Jan.", "Sept", "Thursday", "19th", "18", "2024", "2000s", "year", "month", "previous",
     "day", "before", "yesterday", "mid-", "end", "ago", "two", "(local time)", "07:53", "/"]
)  # fmt: skip
_exprs = st.one_of(
    st.text(max_size=40),
    st.lists(_date_words, max_size=7).map(" ".join),
    st.lists(_date_words, max_size=7).map("".join),
)


@_FAST
@given(expr=_exprs, anchor=_anchors, tense=st.sampled_from(["past", "future"]))
def test_dates_resolve_never_raises(expr: str, anchor: PartialDate | dt.date | None, tense: str) -> None:
    got = resolve(expr, anchor, tense=tense)
    if got is not None:
        assert PartialDate.parse(got.isoformat()) == got
    start, end = resolve_range(expr, anchor, tense=tense)
    for p in (start, end):
        if p is not None:
            assert PartialDate.parse(p.isoformat()) == p


@_FAST
@given(d=st.dates(min_value=dt.date(1, 1, 1)), anchor=_anchors)
def test_dates_resolve_isoformat_round_trips(d: dt.date, anchor: PartialDate | dt.date | None) -> None:
    assert resolve(d.isoformat(), anchor) == PartialDate.from_date(d)
    ym = PartialDate(d.year, d.month)
    assert resolve(ym.isoformat(), anchor) == ym
    assert resolve(PartialDate(d.year).isoformat(), anchor) == PartialDate(d.year)


@_FAST
@given(anchor=st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9998, 12, 31)),
       expr=st.sampled_from(["Thursday", "the 19th", "June 19", "in March", "last September"]),
       tense=st.sampled_from(["past", "future"]))  # fmt: skip
def test_dates_tense_direction(anchor: dt.date, expr: str, tense: str) -> None:
    got = resolve(expr, anchor, tense=tense)
    assert got is not None
    a = PartialDate.from_date(anchor)
    depth = 3 if got.day is not None else 2
    key_got = (got.year, got.month or 0, got.day or 0)[:depth]
    key_a = (a.year, a.month or 0, a.day or 0)[:depth]
    if tense == "past" or expr == "last September":
        assert key_got <= key_a
    else:
        assert key_got >= key_a


@_FAST
@given(text=st.text(max_size=300), title=st.one_of(st.none(), st.text(max_size=30)))
def test_dates_detect_never_raises(text: str, title: str | None) -> None:
    got = detect_article_date(text, title=title)
    assert isinstance(got, ArticleDate)
    assert (got.date is None) == (got.source == "none")
    for s, e, t in find_date_expressions(text):
        assert text[s:e] == t


@_FAST
@given(lines=st.lists(st.sampled_from(
    ["Posted January. 22, 2024 07:53,", "Updated Jan. 23, 2024", "Monday, December 23, 2024",
     "SEOUL, June 18 (Yonhap) --", "(c) 2024", "On June 19 the president visited.", "",
     "A caption, Pyongyang, July 19, 2024", "Headline", "Published: 2024-06-18", "2024"]),
    max_size=15))  # fmt: skip
def test_dates_detect_page_shapes_never_raise(lines: list[str]) -> None:
    page = "\n".join(lines)
    got = detect_article_date(page)
    assert (got.date is None) == (got.source == "none")
    if "Posted January. 22, 2024 07:53," in lines or "Published: 2024-06-18" in lines:
        assert got.source in ("text:posted", "text:published")


def test_dates_site_date_above_other_stories_is_not_the_article_date() -> None:
    page = "\n".join([
        "Tuesday, April 2, 2024",
        "Ministers Gather for Trade Talks in Oslo",
        "On the 1st, trade ministers met to discuss tariffs...",
        "Harbour Festival Draws Record Crowds",
        "The Quiet Diplomacy of Small States",
        "Small states have long relied on quiet diplomacy to make their voices heard in crowded rooms.",
    ])
    found = detect_article_date(page, title="The Quiet Diplomacy of Small States")
    assert found.date is None and found.source == "none"
    # the same date line right above the title is the article's date
    assert detect_article_date("\n".join(page.splitlines()[:1] + page.splitlines()[4:]),
                               title="The Quiet Diplomacy of Small States").source == "text:header-date"


def test_dates_quick_hint_never_hides_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # find_date_expressions skips a sentence without a digit or a date word, and each scanner
    # on a sentence without what its kind needs; running every scanner on every sentence
    # must find the same expressions
    import re
    from pathlib import Path

    import kg.dates

    here = Path(__file__).resolve().parent
    paths = [*sorted((here / "articles").glob("*.txt")), *sorted((here.parent / "examples").glob("*.txt")),
             *sorted((here.parent.parent / "shared" / "seeds").glob("*.txt"))]
    sentences = [s for p in paths for s in re.split(r"(?<=[.!?])\s+|\n+", p.read_text(encoding="utf-8"))]
    sentences += ["the day before yesterday", "last night", "this morning", "mid-June", "the 19th",
                  "three days ago", "next month", "the previous year", "Tuesday", "in Sept.",
                  "TODAY", "tonight", "a year ago", "2024-06", "from 3 to 5 June",
                  "between Monday and Wednesday", "June 18\u201319, 2024", "last Thursday night",
                  "until the end of next month", "this past Sunday", "in March of last year",
                  "early this year", "the day after tomorrow", "Sept. 3 through Sept. 9"]
    with_hint = [find_date_expressions(s) for s in sentences]
    monkeypatch.setattr(kg.dates, "_DATE_HINT", re.compile(""))
    monkeypatch.setattr(kg.dates, "_KIND_HINTS", {})
    assert [find_date_expressions(s) for s in sentences] == with_hint
    assert sum(map(len, with_hint)) > 50


_DATE_WORDS = ["from", "between", "the", "The", "very", "end", "of", "early", "mid-", "late", "beginning",
               "first", "half", "earlier", "later", "last", "this", "next", "past", "coming", "June",
               "Jan.", "Sept.", "May", "March", "Monday", "Tue.", "Thursday,", "today", "tonight",
               "yesterday", "tomorrow", "morning", "day", "before", "after", "previous", "prior",
               "current", "month", "year", "years", "ago", "a", "an", "three", "twelve", "19", "19th",
               "2024", "2024-06-19", "18-19", "3", "to", "and", "until", "through", "-", "\u2013",
               "troops", "said", "in", "on", ",", "  "]


def test_dates_range_scanner_start_test_changes_nothing() -> None:
    # _SCAN_RANGE tests what a range can start with before its long alternation; without
    # that test it must find the same ranges
    import random
    import re
    from pathlib import Path

    import kg.dates as d

    plain = re.compile(
        rf"(?<![\w])(?:(?:(?:from|between)\s+)?(?:{d._S_ANY})"
        rf"(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|thru|until|till|and)\s+)(?:{d._S_ANY}|{d._S_BARE_DAY})"
        rf"|{d._S_DAY_DASH})(?![\w])", d._F)
    assert d._SCAN_RANGE.pattern.replace(d._RANGE_START, "") == plain.pattern
    here = Path(__file__).resolve().parent
    paths = [*sorted((here / "articles").glob("*.txt")), *sorted((here.parent / "examples").glob("*.txt")),
             *sorted((here.parent.parent / "shared" / "seeds").glob("*.txt"))]
    rng = random.Random(11)
    texts = [s for p in paths for s in re.split(r"(?<=[.!?])\s+|\n+", p.read_text(encoding="utf-8"))]
    texts += [" ".join(rng.choice(_DATE_WORDS) for _ in range(rng.randint(1, 12))) for _ in range(4000)]
    found = 0
    for text in texts:
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in d._SCAN_RANGE.finditer(text)] == want, text
        found += len(want)
    assert found > 100


# ----------------------------------------------------------------------------- day-first ranges, context, anniversaries
# Sentences below are made up for these tests.

WED_2015_06_10 = P(2015, 6, 10)  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "anchor", "tense", "start", "end"),
    [
        ("from 12 to 14 April 2015", WED_2015_06_10, "past", "2015-04-12", "2015-04-14"),
        ("from 12 to 14 April 2015", None, "future", "2015-04-12", "2015-04-14"),
        ("12-14 April 2015", None, "past", "2015-04-12", "2015-04-14"),
        ("12th-14th April 2015", None, "past", "2015-04-12", "2015-04-14"),
        ("12 to 14 April 2015", None, "past", "2015-04-12", "2015-04-14"),
        ("April 12-14, 2015", None, "past", "2015-04-12", "2015-04-14"),
        ("from April 12 to 14", WED_2015_06_10, "past", "2015-04-12", "2015-04-14"),
        ("between 3 and 5 May", WED_2015_06_10, "past", "2015-05-03", "2015-05-05"),
        ("between the 3rd and the 5th of May", WED_2015_06_10, "past", "2015-05-03", "2015-05-05"),
        ("from 30 April to 2 May 2015", None, "past", "2015-04-30", "2015-05-02"),
        ("from 30 April to 2 May", WED_2015_06_10, "past", "2015-04-30", "2015-05-02"),
        ("from 30 April to 2 May", P(2015, 3, 1), "past", "2014-04-30", "2014-05-02"),
        ("from 30 April to 2 May", P(2015, 3, 1), "future", "2015-04-30", "2015-05-02"),
        ("from December 30, 2014 to January 2, 2015", None, "past", "2014-12-30", "2015-01-02"),
        ("from 30 December 2014 to 2 January 2015", None, "past", "2014-12-30", "2015-01-02"),
        ("from December 30 to January 2", P(2015, 1, 20), "past", "2014-12-30", "2015-01-02"),
        ("from 17 to 19 September 2019", None, "past", "2019-09-17", "2019-09-19"),
        ("from the 12th to the 14th of April 2015", None, "past", "2015-04-12", "2015-04-14"),
        ("12\u201314 April 2015", None, "past", "2015-04-12", "2015-04-14"),
    ],
)
def test_dates_day_first_ranges(expr: str, anchor: PartialDate | None, tense: str, start: str, end: str) -> None:
    got = resolve_range(expr, anchor, tense=tense)
    assert (iso(got[0]), iso(got[1])) == (start, end)


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("Estonia's premier visited Poland from 17 to 19 September 2019, her office said.",
         "from 17 to 19 September 2019", "2019-09-17", "2019-09-19"),
        ("Talks ran from 12 to 14 April 2015 in Minsk.", "from 12 to 14 April 2015", "2015-04-12", "2015-04-14"),
        ("The delegation stayed in Oslo between 3 and 5 May before flying home.",
         "between 3 and 5 May", "2015-05-03", "2015-05-05"),
        ("The trade fair ran 12-14 April 2015 in Hanover.", "12-14 April 2015", "2015-04-12", "2015-04-14"),
        ("The drills lasted from 30 April to 2 May, the navy said.",
         "from 30 April to 2 May", "2015-04-30", "2015-05-02"),
        ("The drills lasted from 30 April to 2 May 2015, the navy said.",
         "from 30 April to 2 May 2015", "2015-04-30", "2015-05-02"),
        ("He toured Asia from December 30, 2014 to January 2, 2015.",
         "from December 30, 2014 to January 2, 2015", "2014-12-30", "2015-01-02"),
        ("The summit, held April 12-14, 2015, ended without a statement.",
         "April 12-14, 2015", "2015-04-12", "2015-04-14"),
        ("The envoy was in Riga from April 12 to 14 for consultations.",
         "from April 12 to 14", "2015-04-12", "2015-04-14"),
        ("She was in Vilnius from the 12th to the 14th of April.",
         "from the 12th to the 14th of April", "2015-04-12", "2015-04-14"),
        # two days in a row joined by "and": a two-day event
        ("The forum met in Tunis on 21 and 22 March.", "21 and 22 March", "2015-03-21", "2015-03-22"),
        ("The forum met in Tunis on March 21 and 22.", "March 21 and 22", "2015-03-21", "2015-03-22"),
        ("Leaders gathered on 31 January and 1 February 2015.",
         "31 January and 1 February 2015", "2015-01-31", "2015-02-01"),
    ],
)  # fmt: skip
def test_dates_day_first_ranges_in_sentences(text: str, span: str, start: str, end: str) -> None:
    found = [t for _, _, t in find_date_expressions(text)]
    assert found == [span]
    got = resolve_range(span, WED_2015_06_10)
    assert (iso(got[0]), iso(got[1])) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout rose from 12 to 14 percent in April 2015.", ["April 2015"]),
        ("The vote in committee was 12 to 14 in April.", ["April"]),
        ("Between 3 and 5 people were hurt on 5 May.", ["5 May"]),
        # two dates that do not follow each other are no range: the later one stands alone
        ("Strikes were held on 3 and 10 May.", ["10 May"]),
    ],
)
def test_dates_day_first_ranges_not_counts(text: str, expected: list[str]) -> None:
    assert [t for _, _, t in find_date_expressions(text)] == expected


@pytest.mark.parametrize(
    ("expr", "context", "expected"),
    [
        ("in November that year", 2014, "2014-11"),
        ("in November that year", P(2014, 3, 3), "2014-11"),
        ("in November that year", dt.date(2014, 3, 3), "2014-11"),
        ("November of that year", 2014, "2014-11"),
        ("in March of the same year", 2014, "2014-03"),
        ("later that year", 2014, "2014"),
        ("earlier that year", P(2014, 3), "2014"),
        ("by the end of that year", 2014, "2014"),
        ("that same year", 1999, "1999"),
        ("in the same year", 1999, "1999"),
        ("that same month", P(2014, 3, 3), "2014-03"),
        ("that same month", P(2014, 3), "2014-03"),
        ("that same month", 2014, None),  # the month is not known
        ("earlier that month", P(2014, 3, 3), "2014-03"),
        ("the same day", P(2014, 3, 3), "2014-03-03"),
        ("that same day", P(2014, 3), None),
        ("on 3 November that year", 2014, "2014-11-03"),
        ("November 3 of that year", 2014, "2014-11-03"),
        ("on the 3rd of November that same year", 2014, "2014-11-03"),
        ("February 29 that year", 2015, None),  # no such day
        ("the following year", 2014, "2015"),
        ("in June the following year", P(1977, 9, 7), "1978-06"),
        ("on 3 May the next year", 1977, "1978-05-03"),
        ("in January of the following year", P(1977, 9), "1978-01"),
        ("the following month", P(2014, 12, 3), "2015-01"),
        ("the following July", P(1985, 11, 30), "1986-07"),   # the first July after the date told
        ("the next March", P(1993, 1), "1993-03"),
        ("the following July", 1985, None),   # which July is not known from a year alone
        ("the previous September", P(1994, 1, 14), "1993-09"),   # the last September before the date told
        ("the preceding May", P(1990, 11), "1990-05"),
        ("the previous September", 1994, None),   # which September is not known from a year alone
        ("that same February", 1989, "1989-02"),
        ("in that same April", P(1991, 1, 4), "1991-04"),
        ("the next day", P(2014, 12, 31), "2015-01-01"),
        ("the following day", P(2014, 3, 3), "2014-03-04"),
        ("two days later", P(2014, 2, 27), "2014-03-01"),
        ("a day later", P(2014, 3), None),  # the day is not known
        ("a day earlier", P(2014, 3, 1), "2014-02-28"),   # counted back from the day told
        ("three days earlier", P(2015, 1, 2), "2014-12-30"),
        ("a day earlier", 2014, None),
        ("a week later", P(1991, 12, 1), "1991-12-08"),   # seven days on
        ("two weeks earlier", P(2015, 1, 2), "2014-12-19"),
        ("the next day", None, None),  # never the article's next day
        ("in November that year", None, None),  # no context: never the article's year
        ("later that year", None, None),
        ("that same month", None, None),
    ],
)
def test_dates_context_year(expr: str, context: int | PartialDate | dt.date | None, expected: str | None) -> None:
    assert iso(resolve(expr, WED_2015_06_10, context=context)) == expected
    assert iso(resolve_range(expr, WED_2015_06_10, context=context)[0]) == expected
    assert resolve_range(expr, WED_2015_06_10, context=context)[1] is None


@pytest.mark.parametrize(
    ("before", "expr", "expected"),
    [
        ("Russia annexed Crimea in March 2014. Sanctions followed. ", "in November that year", "2014-11"),
        ("The pact was signed on 3 May 1992. In June that year it was ratified, and ", "later that year", "1992"),
        ("The pact was signed on 3 May 1992, and ", "that same month", "1992-05"),
        ("Talks began last year in Geneva, and ", "in November that year", "2014-11"),
        ("Ties froze from 2009 to 2011; ", "later that year", "2011"),
        ("The 1997 agreement lapsed in 2003 and ", "that same year", "2003"),
        ("The pact was signed without ceremony. ", "in November that year", None),
        ("", "in November that year", None),
        ("Russia annexed Crimea in March 2014. ", "in November", "2014-11"),  # not a context form: the article's
        ("The envoy landed on 15 February 1990 and ", "the next day", "1990-02-16"),
        ("The envoy landed on 15 February 1990. Talks opened the next day, and ", "two days later", "1990-02-18"),
    ],
)
def test_dates_context_from_preceding_text(before: str, expr: str, expected: str | None) -> None:
    got = resolve(expr, WED_2015_06_10, context=before)
    if expr == "in November":
        assert iso(got) == "2014-11" and iso(resolve(expr, WED_2015_06_10)) == "2014-11"
        return
    assert iso(got) == expected


def test_dates_context_date_helper() -> None:
    assert context_date("Crimea was annexed in March 2014. Sanctions followed.", WED_2015_06_10) == P(2014, 3)
    assert context_date("The ministers met on Tuesday.", WED_2015_06_10) == P(2015, 6, 9)
    assert context_date("Nothing dated here.", WED_2015_06_10) is None
    assert context_date("", None) is None
    assert context_date("Ties froze from 2009 to 2011.", None) == P(2011)


@pytest.mark.parametrize(
    ("expr", "context", "start", "end"),
    [
        ("from 3 to 5 November that year", 2014, "2014-11-03", "2014-11-05"),
        ("from March to May that year", 2014, "2014-03", "2014-05"),
        ("from 3 to 5 November that year", None, None, None),
    ],
)
def test_dates_context_ranges(expr: str, context: int | None, start: str | None, end: str | None) -> None:
    got = resolve_range(expr, WED_2015_06_10, context=context)
    assert (iso(got[0]), iso(got[1])) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In November that year, the two sides met in Minsk.", ["November that year"]),
        ("Later that year, he resigned.", ["Later that year"]),
        ("That same month, sanctions were imposed.", ["That same month"]),
        ("The treaty was ratified on 3 November of that year.", ["3 November of that year"]),
        ("The following year, it was ratified.", ["The following year"]),
        ("By the end of that year the border had reopened.", ["the end of that year"]),
        ("The talks ran from 3 to 5 November that year.", ["from 3 to 5 November that year"]),
    ],
)
def test_dates_find_context_forms(text: str, expected: list[str]) -> None:
    found = [t for _, _, t in find_date_expressions(text)]
    assert found == expected
    for t in found:  # none of them falls back to the article's date
        assert resolve_range(t, WED_2015_06_10) == (None, None)
        assert resolve_range(t, WED_2015_06_10, context=P(1990, 8, 2))[0] is not None


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("40 years to the day after", None),
        ("forty years to the day", None),
        ("a hundred years to the day after June 28, 1914", "2014-06-28"),
        ("the 25th anniversary", None),
        ("on the 25th anniversary of", None),
        ("the 25th anniversary of the treaty", None),
        ("40 years to the day after April 30, 1975", "2015-04-30"),
        ("40 years to the day after the 1975", "2015"),
        ("ten years after March 2005", "2015-03"),
        ("on the 25th anniversary of 8 December 1991", "2016-12-08"),
        ("the 70th anniversary of the 1945", "2015"),
        ("the 4th anniversary of February 29, 2012", "2016-02-29"),
        ("one year to the day after February 29, 2012", "2013-02"),  # no 29 February in 2013
    ],
)
@pytest.mark.parametrize("anchor", [None, WED_2015_06_10])
def test_dates_anniversaries(expr: str, expected: str | None, anchor: PartialDate | None) -> None:
    assert iso(resolve(expr, anchor)) == expected
    assert iso(resolve_range(expr, anchor)[0]) == expected
    if expected is None:
        assert resolve(expr, anchor, context=2000) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders gathered in Kyiv on the 25th anniversary of the Dayton Accords.", ["the 25th anniversary"]),
        ("He returned to Saigon 40 years to the day after the city fell.", ["40 years to the day after"]),
        ("Veterans met 40 years to the day after April 30, 1975 in the city.",
         ["40 years to the day after April 30, 1975"]),
        ("Crowds gathered 40 years to the day after the 1975 fall of Saigon.",
         ["40 years to the day after the 1975"]),
        ("It would be the first visit in 24 years since 2000, after the election in March.", ["2000", "March"]),
    ],
)  # fmt: skip
def test_dates_find_anniversaries(text: str, expected: list[str]) -> None:
    found = [t for _, _, t in find_date_expressions(text)]
    assert found == expected
    for t in found:
        start, _ = resolve_range(t, WED_2015_06_10)
        assert start != WED_2015_06_10  # never the article's date


@pytest.mark.parametrize(
    ("expr", "anchor", "tense", "expected"),
    [
        ("last September", WED_2015_06_10, "past", "2014-09"),
        ("last September", WED_2015_06_10, "future", "2014-09"),
        ("last September", P(2015, 10, 1), "past", "2015-09"),
        ("on Tuesday", WED_2015_06_10, "past", "2015-06-09"),
        ("on Tuesday", P(2015, 6, 9), "past", "2015-06-09"),
        ("on Tuesday", WED_2015_06_10, "future", "2015-06-16"),
        ("June 12 last year", WED_2015_06_10, "past", "2014-06-12"),
        ("on 12 June last year", WED_2015_06_10, "past", "2014-06-12"),
        ("June 12 of last year", WED_2015_06_10, "past", "2014-06-12"),
        ("on June 12 this year", WED_2015_06_10, "past", "2015-06-12"),
        ("March 3 next year", WED_2015_06_10, "future", "2016-03-03"),
        ("February 29 last year", P(2013, 5, 1), "past", "2012-02-29"),
        ("February 29 last year", P(2014, 5, 1), "past", None),
        ("June 12 last year", None, "past", None),
        ("next month", WED_2015_06_10, "future", "2015-07"),
        ("next month", WED_2015_06_10, "past", "2015-07"),
    ],
)
def test_dates_relative_to_article(expr: str, anchor: PartialDate | None, tense: str, expected: str | None) -> None:
    assert iso(resolve(expr, anchor, tense=tense)) == expected


@pytest.mark.parametrize(
    ("expr", "expected", "xsd"),
    [
        ("January. 22, 2024", "2024-01-22", "date"),
        ("22nd of January", "2015-01-22", "date"),
        ("the 22nd of January 2024", "2024-01-22", "date"),
        ("mid-March 2019", "2019-03", "gYearMonth"),
        ("in 1972", "1972", "gYear"),
        ("Jan 2024", "2024-01", "gYearMonth"),
        ("early 1990s", None, None),
        ("the 1990s", None, None),
        ("the early 1990s", None, None),
        ("the mid-1990s", None, None),
    ],
)
def test_dates_misc_forms(expr: str, expected: str | None, xsd: str | None) -> None:
    got = resolve(expr, WED_2015_06_10)
    assert iso(got) == expected
    if got is not None:
        assert got.xsd_type == xsd


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deal was signed on June 12 last year in Baku.", ["June 12 last year"]),
        ("Prices fell in the early 1990s and in the mid-1990s.", []),
        ("The base opened in 1972.", ["1972"]),
        ("It was reported in Jan 2024 by the agency.", ["Jan 2024"]),
        ("They met on the 22nd of January in Doha.", ["the 22nd of January"]),
        ("Posted January. 22, 2024 by staff.", ["January. 22, 2024"]),
    ],
)
def test_dates_find_misc_forms(text: str, expected: list[str]) -> None:
    assert [t for _, _, t in find_date_expressions(text)] == expected


_MON_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]  # fmt: skip


def _range_texts(a: dt.date, b: dt.date) -> list[str]:
    ma, mb = _MON_NAMES[a.month - 1], _MON_NAMES[b.month - 1]
    out = [f"from {a.day} {ma} {a.year} to {b.day} {mb} {b.year}",
           f"from {ma} {a.day}, {a.year} to {mb} {b.day}, {b.year}"]
    if a.year == b.year:
        out += [f"from {a.day} {ma} to {b.day} {mb} {b.year}", f"from {ma} {a.day} to {mb} {b.day}, {b.year}"]
    if (a.year, a.month) == (b.year, b.month) and a.day < b.day:
        out += [f"{a.day}-{b.day} {ma} {a.year}", f"from {a.day} to {b.day} {ma} {a.year}",
                f"{ma} {a.day}-{b.day}, {a.year}", f"between {a.day} and {b.day} {ma} {a.year}",
                f"from {ma} {a.day} to {b.day}, {a.year}"]
    return out


@_FAST
@given(a=st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 11, 1)),
       days=st.integers(1, 40), anchor=_anchors, tense=st.sampled_from(["past", "future"]))  # fmt: skip
def test_dates_absolute_ranges_round_trip(a: dt.date, days: int, anchor: PartialDate | dt.date | None,
                                          tense: str) -> None:
    b = a + dt.timedelta(days=days)
    want = (PartialDate.from_date(a), PartialDate.from_date(b))
    for expr in _range_texts(a, b):
        assert resolve_range(expr, anchor, tense=tense) == want, expr
        text = f"The talks were held {expr} in Vienna."
        assert [t for _, _, t in find_date_expressions(text)] == [expr]


@_FAST
@given(a=st.dates(min_value=dt.date(1801, 1, 1), max_value=dt.date(2098, 12, 1)),
       days=st.integers(1, 25), later=st.integers(0, 300))  # fmt: skip
def test_dates_yearless_ranges_take_the_article_year(a: dt.date, days: int, later: int) -> None:
    b = a + dt.timedelta(days=days)
    anchor = b + dt.timedelta(days=later)  # past tense: the range ended before the article
    ma, mb = _MON_NAMES[a.month - 1], _MON_NAMES[b.month - 1]
    exprs = [f"from {a.day} {ma} to {b.day} {mb}", f"from {ma} {a.day} to {mb} {b.day}"]
    if a.month == b.month:
        exprs += [f"from {a.day} to {b.day} {ma}", f"between {a.day} and {b.day} {ma}", f"{ma} {a.day}-{b.day}"]
    for expr in exprs:
        assert resolve_range(expr, anchor) == (PartialDate.from_date(a), PartialDate.from_date(b)), expr


_contexts = st.one_of(st.none(), st.integers(-5, 10010), _anchors, st.text(max_size=120),
                      st.lists(_date_words, max_size=12).map(" ".join))
_ctx_exprs = st.one_of(_exprs, st.lists(st.sampled_from(
    ["that", "same", "year", "month", "day", "following", "in", "November", "3", "of", "later", "from",
     "to", "anniversary", "25th", "40", "years", "after", "1975", "April 30, 1975", "the"]), max_size=8).map(" ".join))


@_FAST
@given(expr=_ctx_exprs, anchor=_anchors, tense=st.sampled_from(["past", "future"]), context=_contexts)
def test_dates_context_never_raises(expr: str, anchor: PartialDate | dt.date | None, tense: str,
                                    context: object) -> None:
    got = resolve(expr, anchor, tense=tense, context=context)  # type: ignore[arg-type]
    start, end = resolve_range(expr, anchor, tense=tense, context=context)  # type: ignore[arg-type]
    for p in (got, start, end):
        if p is not None:
            assert PartialDate.parse(p.isoformat()) == p
    if start is not None and end is not None:
        n = min(len(start.isoformat()), len(end.isoformat()))
        assert start.isoformat()[:n] <= end.isoformat()[:n]
    if context is None:  # without context, nothing the context forms say falls back to the article
        assert resolve(expr, anchor, tense=tense) == got


@pytest.mark.parametrize("expr, expected", [
    ("Twenty-five years ago today", "1999-07-01"),
    ("thirty years ago today", "1994-07-01"),
    ("Half a century ago today", "1974-07-01"),
    ("a quarter of a century ago this week", "1999-07"),   # 25 years, not a century
    ("three quarters of a century ago", "1949"),
    ("forty-one years ago", "1983"),
    ("two decades ago", "2004"),
    ("three weeks ago", "2024-06-10"),
])
def test_dates_long_ago(expr: str, expected: str) -> None:
    """Anniversary pieces: "N years ago today" is that day N years back; without "today", the year."""
    assert str(resolve(expr, PartialDate(2024, 7, 1))) == expected


@pytest.mark.parametrize("sentence, found", [
    ("Twenty-five years ago today, in Valletta, the two premiers signed the accord.", "Twenty-five years ago today"),
    ("Half a century ago today the ministers met in Lagos.", "Half a century ago today"),
    ("A quarter of a century ago this week the two leaders met in Minsk.", "A quarter of a century ago this week"),
])
def test_dates_long_ago_found_whole(sentence: str, found: str) -> None:
    assert [t for _, _, t in find_date_expressions(sentence)][0] == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He stopped in Quetta on Christmas Day 2009 on his way home.", "2009-12-25"),
        ("The two men spoke by phone on New Year's Eve.", "2014-12-31"),
        ("The rebels struck on Boxing Day, 1998.", "1998-12-26"),
    ],
)
def test_dates_named_days_of_the_year(text: str, expected: str) -> None:
    found = find_date_expressions(text)
    assert len(found) == 1
    assert iso(resolve(found[0][2], WED_2015_06_10)) == expected


def test_dates_a_named_day_needs_its_name_whole() -> None:
    assert find_date_expressions("The Christmas market opened early.") == []


@pytest.mark.parametrize("expr, anchor, want", [
    ("last week", PartialDate(2024, 1, 22), PartialDate(2024, 1)),     # 15-21 January
    ("the previous week", PartialDate(2024, 1, 22), PartialDate(2024, 1)),
    ("last week", PartialDate(2024, 3, 5), None),                     # 26 February - 3 March: no one month
    ("next week", PartialDate(2024, 1, 8), PartialDate(2024, 1)),      # 15-21 January
    ("next week", PartialDate(2024, 1, 22), None),                    # 29 January - 4 February
    ("earlier this week", PartialDate(2024, 1, 18), PartialDate(2024, 1)),   # 15-21 January
    ("this week", PartialDate(2024, 1, 31), None),                    # 29 January - 4 February
])
def test_dates_a_week_told_from_the_story_day_is_its_month_when_it_lies_in_one(expr: str, anchor: PartialDate,
                                                                                want: PartialDate | None) -> None:
    assert resolve(expr, anchor, tense="future" if "next" in expr else "past") == want


@pytest.mark.parametrize("text, expr, expected", [
    ("The two presidents opened formal talks the following morning.", "the following morning", "1985-06-03"),
    ("They met again the next evening at the palace.", "the next evening", "1985-06-03"),
    ("Abe flew to Colombo the same evening.", "the same evening", "1985-06-02"),
    ("He left that same night for Accra.", "that same night", "1985-06-02"),
])
def test_dates_parts_of_a_day_told_after_another(text: str, expr: str, expected: str) -> None:
    """"the following morning", "the same evening": the day after, or the day of, the date told before."""
    assert expr in [t for _, _, t in find_date_expressions(text)]
    assert str(resolve(expr, PartialDate(1985, 6, 4), context=PartialDate(1985, 6, 2))) == expected


@pytest.mark.parametrize("expr, anchor, start, end", [
    # told on a Friday: the Friday before the Sunday just gone, not the day of the telling
    ("from Friday to Sunday", P(2021, 6, 18), "2021-06-11", "2021-06-13"),
    ("from Saturday to Monday", P(2024, 3, 2), "2024-02-24", "2024-02-26"),
    # ends in order already: unchanged
    ("from Monday to Wednesday", P(2021, 6, 18), "2021-06-14", "2021-06-16"),
])
def test_dates_weekday_ranges_in_the_past_end_before_the_anchor(expr: str, anchor: PartialDate, start: str,
                                                               end: str) -> None:
    got = resolve_range(expr, anchor, tense="past")
    assert (str(got[0]), str(got[1])) == (start, end)


@pytest.mark.parametrize("before, told", [
    ("The ministers met in Quito on Tuesday. The speaker said the assembly would ratify it on Thursday. ",
     PartialDate(2021, 3, 16)),
    ("The envoys arrived on Tuesday; the final round is due to open on Thursday. ", PartialDate(2021, 3, 16)),
    ("The ministers met in Quito on Tuesday. The assembly ratified it on Thursday. ", PartialDate(2021, 3, 18)),
])
def test_context_date_passes_over_a_time_still_to_come(before: str, told: PartialDate) -> None:
    # "the same day" after a paragraph that ends on what will happen is the day the story told
    anchor = PartialDate(2021, 3, 20)
    assert context_date(before, anchor) == told
    assert resolve("the same day", anchor, context=before) == told


def test_context_date_passes_over_the_time_of_a_clause_of_since() -> None:
    anchor = PartialDate(2016, 5, 28)
    before = "Obama landed in Hanoi on Monday, the first stop by a US president since Bill Clinton came in 2000. "
    assert context_date(before, anchor) == PartialDate(2016, 5, 23)
    assert resolve("that evening", anchor, context=before) == PartialDate(2016, 5, 23)
