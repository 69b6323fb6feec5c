"""Article dates and rule-based resolution of date expressions. Pure functions, no I/O.

- :func:`detect_article_date` finds the publication date of a page from its cleaned
  text ("Posted January. 22, 2024 07:53", "Published: 2024-06-18", a standalone date
  line at the top, a dateline "SEOUL, June 18, 2024 (Yonhap) --").
- :func:`resolve` turns one date expression (as spaCy's DATE entity gives it) into a
  :class:`~kg.model.PartialDate` with the precision the text gives, relative to the
  article date where needed ("last September", "the 19th", "Thursday").
- :func:`resolve_range` does the same for ranges ("from Jan. 14 to Thursday", "from 12
  to 14 April 2015", "between 3 and 5 May").
- :func:`find_date_expressions` scans a sentence for the forms above (spaCy misses some).
- :func:`context_date` gives the date mentioned last in a text: what "in November that
  year", "later that year", "that same month" mean (``context=`` of :func:`resolve`).

Rules are regular expressions compiled once; dateparser is only a last resort for
absolute dates that have a 4-digit year and nothing but date words. Nothing is guessed:
what the rules cannot resolve comes back as None.

Weeks ("last week", "earlier this week", "next week") give their month when their seven days
lie in one. Not supported (None): decades and centuries ("the 1990s"), weekends, seasons ("summer 2024"), quarters, durations ("three years"), expressions
relative to another event rather than to the article date ("that evening"; "the next
day", "two days later" and "the same year" only with a context), anniversaries of an event without a
date ("the 25th anniversary of the treaty"), numeric dates whose day and month order
is ambiguous ("06/07/2024").
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

from kg.model import ArticleDate, PartialDate

__all__ = ["context_date", "detect_article_date", "find_date_expressions", "resolve", "resolve_range"]

_F = re.IGNORECASE | re.ASCII

# ----------------------------------------------------------------------------- vocabulary

_MONTH_NUM = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAY_NUM = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5,
    "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
#: "twenty-five", "forty", "half a", "a hundred": the count of an "N years ago"
_AGO_COUNT = (r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
              r"|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
              r"|sixteen|seventeen|eighteen|nineteen|half\s+a|a\s+hundred|one\s+hundred"
              r"|a\s+quarter\s+of\s+a|three\s+quarters\s+of\s+a)")
_AGO_UNIT = r"(?:day|week|month|year|decade|century|centurie)"


def _count(words: str) -> float:
    """The number an "N years ago" count says ("twenty-five" -> 25, "half a" -> 0.5)."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    if w == "half a":
        return 0.5
    if w in ("a quarter of a", "three quarters of a"):
        return 0.25 if w.startswith("a ") else 0.75   # ("a quarter of a century ago": 25 years)
    if w in ("a hundred", "one hundred"):
        return 100
    parts = w.split()
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_NUMBER_WORDS.get(parts[1], 0) if len(parts) > 1 else 0)
    return _NUMBER_WORDS[w]

#: A month name or abbreviation, with an optional trailing dot ("January.", "Sept.").
_MON = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?"
)
#: A weekday name or abbreviation, with an optional trailing dot.
_WD = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|tues|tue|wed|thurs|thur|thu|fri|sat|sun|mon)(?![a-z])\.?"
)
_WD_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
_NUMWORD = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
#: Modifiers that keep the precision of what follows: "mid-June", "the end of last month".
_MOD = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:(?:early|mid|late)(?:\s*-\s*|\s+)"
    r"|(?:end|beginning|start|middle|first\s+half|second\s+half|latter\s+half)"
    r"(?:\s*-\s*|\s+of\s+(?:the\s+)?)|(?:earlier|later)\s+))"
)
_REL_WORD = r"(?:last|this|next|this\s+past|this\s+coming|past|coming)"
_YEAR_REL = r"(?:last\s+year|this\s+year|next\s+year|the\s+(?:previous|prior|current)\s+year|the\s+year\s+before)"
#: "that year", "the same month": relative to the date mentioned last before the expression.
_CTX_WORD = r"(?:that\s+same|that|the\s+same)"
#: "June that year", "June the following year": a month of the year mentioned last, or of the next
_CTX_YEAR_WORD = rf"(?:{_CTX_WORD}|(?P<nxt>the\s+(?:following|next)))"
#: "40 years to the day after", "the 25th anniversary of": relative to another event.
_ANNIV = (
    rf"(?:the\s+)?(?P<n>{_NUMWORD}|forty|fifty|sixty|seventy|eighty|ninety|(?:a\s+)?hundred|twenty|thirty)\s+years?"
    r"\s+(?:to\s+the\s+day\s+(?:after|since)|after)(?:\s+(?:the\s+)?(?P<rest>.+))?"
    r"|(?:the\s+)?(?P<nth>\d{1,3})(?:st|nd|rd|th)\s+anniversary(?:\s+of(?:\s+(?:the\s+)?(?P<rest2>.+))?)?"
)

# Offsets in days of fixed expressions, relative to the article date. Expressions that
# are usually relative to another event ("the next day", "the following day") are
# deliberately absent.
_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "last night": -1, "last evening": -1, "the day before": -1,
    "the previous day": -1, "the day before yesterday": -2, "tomorrow": 1,
    "tomorrow morning": 1, "tomorrow afternoon": 1, "tomorrow evening": 1,
    "tomorrow night": 1, "the day after tomorrow": 2,
}  # fmt: skip

# ----------------------------------------------------------------------------- parsing

_Y = r"(?P<year>\d{4})"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_M = rf"(?P<mon>{_MON})"
_WDP = rf"(?:{_WD}\s*,?\s*)?"  # a weekday in front of a date is ignored

# (kind, pattern) in order; each pattern must match the whole normalized expression.
_RULE_SOURCES: list[tuple[str, str]] = [
    (
        "iso",
        rf"{_Y}\s*(?P<sep>[-/.])\s*(?P<month>\d{{1,2}})\s*(?P=sep)\s*(?P<day>\d{{1,2}})\.?"
        r"(?:t\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?",
    ),
    ("isomonth", rf"{_Y}\s*[-/]\s*(?P<month>\d{{1,2}})"),
    ("mdy", rf"{_WDP}{_M}\s*{_D}(?:\s*,\s*|\s+){_Y}"),
    ("dmy", rf"{_WDP}(?:the\s+)?{_D}\s+(?:of\s+)?{_M}\s*,?\s*{_Y}"),
    ("my", rf"{_M}\s*,?\s*(?:of\s+)?{_Y}"),
    ("y", rf"(?:the\s+year\s+(?:of\s+)?)?{_Y}"),
    ("myrel", rf"{_M}\s*,?\s*(?:of\s+)?(?P<yrel>{_YEAR_REL})"),
    ("mdrel", rf"{_WDP}{_M}\s*{_D}\s*,?\s*(?:of\s+)?(?P<yrel>{_YEAR_REL})"),
    ("mdrel", rf"{_WDP}(?:the\s+)?{_D}\s+(?:of\s+)?{_M}\s*,?\s*(?:of\s+)?(?P<yrel>{_YEAR_REL})"),
    ("ctxmd", rf"{_WDP}{_M}\s*{_D}\s*,?\s*(?:of\s+)?{_CTX_YEAR_WORD}\s+year"),
    ("ctxmd", rf"{_WDP}(?:the\s+)?{_D}\s+(?:of\s+)?{_M}\s*,?\s*(?:of\s+)?{_CTX_YEAR_WORD}\s+year"),
    ("ctxm", rf"{_M}\s*,?\s*(?:of\s+)?{_CTX_YEAR_WORD}\s+year"),
    ("ctxm", rf"(?:that\s+same|that|the\s+same)\s+{_M}"),   # "signed in London that July": of the year told
    # "the following July": the first July after the date told ("in November 1985 ... the
    # following July" is July 1986)
    ("ctxafter", rf"the\s+(?:following|next)\s+{_M}"),
    # "the previous September": the last September before the date told ("in January 1994 ...
    # the previous September" is September 1993)
    ("ctxbefore", rf"the\s+(?:previous|preceding|prior)\s+{_M}"),
    ("ctx", rf"{_CTX_WORD}\s+(?P<unit>year|month|day)"),
    # "flew on the same evening", "held talks with B that evening"
    ("ctx", r"(?:(?:that\s+|the\s+)same|that)\s+(?P<unit>morning|afternoon|evening|night)"),
    # "earlier in the day they held talks" (read without its leading words): the day told
    ("ctx", r"the\s+(?P<unit>day|morning|afternoon|evening)"),
    ("ctxnext", r"the\s+(?:following|next)\s+(?P<unit>year|month|day|morning|afternoon|evening|night)"),
    ("ctxlater", rf"(?P<n>{_NUMWORD})\s+(?P<unit>day|week)s?\s+(?P<dir>later|earlier)"),   # ("a week later")
    # "two years later", "a decade later", "six months later", "a year earlier": counted from
    # the date told before, at the precision of the unit
    ("ctxspan", rf"(?P<n>{_NUMWORD}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+decade|two\s+decades|three\s+decades)\s*(?P<unit>years?|months?)?\s+(?P<dir>later|on|afterwards|earlier|before)"),
    ("anniv", _ANNIV),
    ("md", rf"{_WDP}{_M}\s*{_D}"),
    ("md", rf"{_WDP}(?:the\s+)?{_D}\s+(?:of\s+)?{_M}"),
    ("d", r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:this|the)\s+month)?"),
    ("mrel", rf"(?P<rel>{_REL_WORD})\s+{_M}"),
    ("m", _M),
    # "Tuesday of last week": that weekday of the calendar week before the anchor's
    ("wdweek", rf"(?P<wd>{_WD})\s+of\s+(?P<rel>last|next|this|the\s+previous|the\s+following)\s+week"),
    (
        "wd",
        rf"(?:(?P<rel>{_REL_WORD})\s+)?(?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?",
    ),
    ("ago", rf"(?P<n>{_AGO_COUNT})\s+(?P<unit>{_AGO_UNIT})s?\s+ago(?P<today>\s+(?:today|tonight|this\s+week))?"),
    ("moff", r"(?P<rel>last|this|next|the\s+previous|the\s+prior|the\s+current)\s+month"),
    ("yoff", r"(?P<rel>last|this|next|the\s+previous|the\s+prior|the\s+current)\s+year"),
    ("woff", r"(?:(?:earlier|later)\s+)?(?P<rel>last|next|this|the\s+previous|the\s+following)\s+week"),
]
_RULES = [(kind, re.compile(src, _F)) for kind, src in _RULE_SOURCES]

_LEADING = re.compile(
    r"^(?:(?:on|in|at|during|since|from|until|till|by|as\s+of|around|about|circa|approximately"
    rf"|roughly|sometime\s+in|some\s+time\s+in)\s+|{_MOD})",
    _F,
)
_TIME_TAIL = re.compile(
    r"(?:^|[\s,|]+)(?:at\s+)?(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s*m\b\.?)?|\d{1,2}\s*[ap]\.?\s*m\b\.?"
    r"|noon|midnight)(?:\s*\(?(?:kst|jst|gmt|utc|msk|cet|cest|est|edt|cst|cdt|pst|pdt|bst|ist|hkt)\)?)?"
    r"(?:\s*[+-]\d{2}:?\d{2})?\s*$",
    _F,
)
_LOCAL_TIME = re.compile(r"\(\s*local\s+time\s*\)|\blocal\s+time\b", _F)
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                         "\u2014": "-", "\u2212": "-", "\u2019": "'", "\u00a0": " "})  # fmt: skip
_STRIP = " \t\r\n\"'`\u201c\u201d\u2018,;:()[]{}"


@dataclass(frozen=True)
class _Spec:
    """A parsed expression, before the anchor is applied.

    kind: abs (year known), md (month+day), d (day of month), m (month), myrel (month of
    a year relative to the anchor's), mdrel (the same with a day), wd (weekday), dayoff,
    monthoff, yearoff; ctx (relative to the context date: "that year", "that same
    month"), anniv (``offset`` years after an absolute date, if one is given).
    mode (m, wd): "tense" (use the tense), "last", "this", "next"; (ctx): "year", "month",
    "day" (what the context gives), "after" (the first such month after it).
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    mode: str = "tense"
    offset: int = 0


#: days of the year news names instead of a date ("on Christmas Day 2015")
_HOLIDAYS = {"christmas day": "25 december", "christmas eve": "24 december", "boxing day": "26 december",
             "new year's day": "1 january", "new year's eve": "31 december"}
_HOLIDAY = re.compile("|".join(re.escape(h) for h in _HOLIDAYS))


def _normalize_base(expr: str) -> str:
    s = expr.translate(_DASHES).lower()
    s = _HOLIDAY.sub(lambda m: _HOLIDAYS[m.group(0)], s)
    s = _LOCAL_TIME.sub(" ", s)
    s = " ".join(s.split()).strip(_STRIP)
    s = _TIME_TAIL.sub("", s).strip(_STRIP)
    if s.endswith("'s"):
        s = s[:-2]
    return s.rstrip(".").strip(_STRIP)


def _normalize(expr: str) -> str:
    s = _normalize_base(expr)
    for _ in range(4):
        t = _LEADING.sub("", s, count=1)
        if t == s:
            break
        s = t.strip(_STRIP)
    return s


def _month_of(token: str) -> int:
    return _MONTH_NUM[token.lower().rstrip(".")]


def _rel_mode(rel: str | None) -> str:
    if rel is None:
        return "tense"
    rel = " ".join(rel.lower().split())
    if rel in ("last", "past", "this past"):
        return "last"
    if rel in ("next", "coming", "this coming"):
        return "next"
    return "this"


def _abs(year: int, month: int | None = None, day: int | None = None) -> _Spec | None:
    try:
        if year < 1:
            return None
        PartialDate(year, month, day)
    except (ValueError, TypeError):
        return None
    return _Spec("abs", year, month, day)


_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90, "hundred": 100}  # fmt: skip


def _md(day: int, month: int) -> _Spec | None:
    if not 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
        return None
    return _Spec("md", month=month, day=day)


def _build(kind: str, m: re.Match[str]) -> _Spec | None:
    g = m.groupdict()
    if kind == "iso":
        return _abs(int(g["year"]), int(g["month"]), int(g["day"]))
    if kind == "isomonth":
        return _abs(int(g["year"]), int(g["month"]))
    if kind in ("mdy", "dmy"):
        return _abs(int(g["year"]), _month_of(g["mon"]), int(g["day"]))
    if kind == "my":
        return _abs(int(g["year"]), _month_of(g["mon"]))
    if kind == "y":
        return _abs(int(g["year"]))
    if kind in ("myrel", "mdrel"):
        yrel = " ".join(g["yrel"].lower().split())
        off = 0 if yrel in ("this year", "the current year") else 1 if yrel == "next year" else -1
        if kind == "myrel":
            return _Spec("myrel", month=_month_of(g["mon"]), offset=off)
        md = _md(int(g["day"]), _month_of(g["mon"]))
        return None if md is None else _Spec("mdrel", month=md.month, day=md.day, offset=off)
    if kind == "ctxmd":
        md = _md(int(g["day"]), _month_of(g["mon"]))
        return None if md is None else _Spec("ctx", month=md.month, day=md.day, mode="year",
                                             offset=1 if g.get("nxt") else 0)
    if kind == "ctxm":
        return _Spec("ctx", month=_month_of(g["mon"]), mode="year", offset=1 if g.get("nxt") else 0)
    if kind == "ctxafter":
        return _Spec("ctx", month=_month_of(g["mon"]), mode="after")
    if kind == "ctxbefore":
        return _Spec("ctx", month=_month_of(g["mon"]), mode="before")
    if kind in ("ctx", "ctxnext"):
        unit = g["unit"].lower()
        unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit   # ("the following morning")
        return _Spec("ctx", mode=unit, offset=1 if kind == "ctxnext" else 0)
    if kind == "ctxlater":
        w = g["n"].lower()
        n = (_NUMBER_WORDS.get(w) or int(w)) * (7 if g["unit"].lower() == "week" else 1)
        return _Spec("ctx", mode="day", offset=-n if g["dir"].lower() == "earlier" else n)
    if kind == "ctxspan":
        w = " ".join(g["n"].lower().split())
        decades = {"a decade": 10, "two decades": 20, "three decades": 30}
        if w in decades:
            if g["unit"]:
                return None
            n, unit = decades[w], "year"
        elif not g["unit"]:
            return None
        else:
            n = 1 if w in ("a", "an") else _NUMBER_WORDS.get(w) or _TENS_WORDS.get(w) or int(w)
            unit = g["unit"].lower().rstrip("s")
        sign = -1 if g["dir"].lower() in ("earlier", "before") else 1
        return _Spec("ctx", mode=unit, offset=sign * n) if unit == "month" else \
            _Spec("ctx", mode="year", offset=sign * n)
    if kind == "anniv":
        if g["nth"] is not None:
            n, rest = int(g["nth"]), g["rest2"]
        else:
            w = g["n"].lower().split()[-1]
            n = _NUMBER_WORDS.get(w) or _TENS_WORDS.get(w) or int(w)
            rest = g["rest"]
        base = _parse_single(_normalize(rest)) if rest else None
        if base is None or base.kind != "abs":
            return _Spec("anniv", offset=n)  # relative to an event the rules do not know
        return _Spec("anniv", base.year, base.month, base.day, offset=n)
    if kind == "md":
        return _md(int(g["day"]), _month_of(g["mon"]))
    if kind == "d":
        day = int(g["day"])
        return _Spec("d", day=day) if 1 <= day <= 31 else None
    if kind == "mrel":
        return _Spec("m", month=_month_of(g["mon"]), mode=_rel_mode(g["rel"]))
    if kind == "m":
        return _Spec("m", month=_month_of(g["mon"]))
    if kind == "wd":
        wd = _WEEKDAY_NUM[g["wd"].lower().rstrip(".")]
        return _Spec("wd", day=wd, mode=_rel_mode(g["rel"]))
    if kind == "wdweek":
        rel = " ".join(g["rel"].lower().split())
        return _Spec("wdweek", day=_WEEKDAY_NUM[g["wd"].lower().rstrip(".")],
                     offset=1 if rel in ("next", "the following") else 0 if rel == "this" else -1)
    if kind == "ago":
        num = _count(g["n"])
        unit = g["unit"].lower().rstrip("s")
        if unit == "week":
            return _Spec("dayoff", offset=-int(7 * num))
        if unit in ("decade", "century", "centurie"):
            num, unit = num * (10 if unit == "decade" else 100), "year"
        if num != int(num):
            return None                      # "half a year ago": no date of its own
        if unit == "year" and g.get("today") and "week" in g["today"].lower():
            return _Spec("yearday", offset=-int(num), mode="month")   # "30 years ago this week": that month
        if unit == "year" and g.get("today"):
            return _Spec("yearday", offset=-int(num))   # "25 years ago today": that very day
        return _Spec({"day": "dayoff", "month": "monthoff", "year": "yearoff"}[unit], offset=-int(num))
    if kind == "woff":
        # "last week": the month its seven days lie in, when they lie in one
        rel = " ".join(g["rel"].lower().split())
        return _Spec("weekoff", offset=1 if rel in ("next", "the following") else 0 if rel == "this" else -1)
    if kind in ("moff", "yoff"):
        rel = " ".join(g["rel"].lower().split())
        off = 1 if rel == "next" else 0 if rel in ("this", "the current") else -1
        return _Spec("monthoff" if kind == "moff" else "yearoff", offset=off)
    raise AssertionError(kind)  # pragma: no cover


def _parse_single(s: str) -> _Spec | None:
    """Parse a normalized expression (see :func:`_normalize`); None if no rule matches."""
    if not s or len(s) > 80:
        return None
    if s in _DAY_OFFSETS:
        return _Spec("dayoff", offset=_DAY_OFFSETS[s])
    for kind, rx in _RULES:
        m = rx.fullmatch(s)
        if m:
            return _build(kind, m)
    return None


# ----------------------------------------------------------------------------- anchors

_Anchor = tuple[int, int | None, int | None]


def _anchor_parts(anchor: PartialDate | _dt.date | None) -> _Anchor | None:
    if anchor is None:
        return None
    if isinstance(anchor, _dt.datetime):
        anchor = anchor.date()
    if isinstance(anchor, _dt.date):
        return (anchor.year, anchor.month, anchor.day)
    if isinstance(anchor, PartialDate):
        return (anchor.year, anchor.month, anchor.day)
    raise TypeError(f"anchor must be a PartialDate, a datetime.date or None, not {type(anchor).__name__}")


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _month_shift(year: int, month: int, off: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + off
    return n // 12, n % 12 + 1


def _pd(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    if year < 1 or year > 9999:
        return None
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _resolve_spec(spec: _Spec, anchor: _Anchor | None, tense: str,
                  context: _Anchor | None = None) -> PartialDate | None:
    if spec.kind == "abs":
        assert spec.year is not None
        return _pd(spec.year, spec.month, spec.day)
    if spec.kind == "anniv":
        if spec.year is None:
            return None
        # the same day N years on; 29 February in a common year keeps only the month
        return _pd(spec.year + spec.offset, spec.month, spec.day) or _pd(spec.year + spec.offset, spec.month)
    if spec.kind == "ctx":
        if context is None:
            return None  # never the article's year: "that year" is some other year
        cy, cm, cd = context
        if spec.mode == "year":
            return _pd(cy + spec.offset, spec.month, spec.day)
        if cm is None:
            return None
        if spec.mode == "after":
            assert spec.month is not None
            return _pd(cy if spec.month > cm else cy + 1, spec.month)
        if spec.mode == "before":
            assert spec.month is not None
            return _pd(cy if spec.month < cm else cy - 1, spec.month)
        if spec.mode == "month":
            return _pd(*_month_shift(cy, cm, spec.offset))
        if cd is None:
            return None
        return PartialDate.from_date(_dt.date(cy, cm, cd) + _dt.timedelta(days=spec.offset))
    if anchor is None:
        return None
    ay, am, ad = anchor
    future = tense == "future"
    try:
        if spec.kind == "yearoff":
            return _pd(ay + spec.offset)
        if spec.kind == "yearday":
            return _pd(ay + spec.offset, am, ad) if ad is not None and spec.mode != "month" else _pd(ay + spec.offset, am)
        if spec.kind == "myrel":
            return _pd(ay + spec.offset, spec.month)
        if spec.kind == "mdrel":
            return _pd(ay + spec.offset, spec.month, spec.day)
        if spec.kind == "m" and spec.mode == "this":
            return _pd(ay, spec.month)
        if am is None:
            return None
        if spec.kind == "monthoff":
            return _pd(*_month_shift(ay, am, spec.offset))
        if spec.kind == "m":
            assert spec.month is not None
            if spec.mode == "last":
                return _pd(ay if spec.month < am else ay - 1, spec.month)
            if spec.mode == "next":
                return _pd(ay if spec.month > am else ay + 1, spec.month)
            if future:
                return _pd(ay if spec.month >= am else ay + 1, spec.month)
            return _pd(ay if spec.month <= am else ay - 1, spec.month)
        if ad is None:
            return None
        a = _dt.date(ay, am, ad)
        if spec.kind == "dayoff":
            return PartialDate.from_date(a + _dt.timedelta(days=spec.offset))
        if spec.kind == "weekoff":
            first = a + _dt.timedelta(days=7 * spec.offset - a.weekday()) if spec.offset >= 0 \
                else a - _dt.timedelta(days=a.weekday() + 7)   # (this week: the anchor's own)
            last = first + _dt.timedelta(days=6)
            return _pd(first.year, first.month) if (first.year, first.month) == (last.year, last.month) else None
        if spec.kind == "wdweek":
            assert spec.day is not None
            return PartialDate.from_date(a + _dt.timedelta(days=7 * spec.offset - a.weekday() + spec.day))
        if spec.kind == "wd":
            assert spec.day is not None
            if spec.mode == "next" or (spec.mode != "last" and future):
                delta = (spec.day - a.weekday()) % 7
                if delta == 0 and spec.mode == "next":
                    delta = 7
                return PartialDate.from_date(a + _dt.timedelta(days=delta))
            delta = (a.weekday() - spec.day) % 7
            if delta == 0 and spec.mode == "last":
                delta = 7
            return PartialDate.from_date(a - _dt.timedelta(days=delta))
        if spec.kind == "md":
            assert spec.month is not None and spec.day is not None
            step = 1 if future else -1
            y = ay
            if future and (spec.month, spec.day) < (am, ad):
                y += 1
            elif not future and (spec.month, spec.day) > (am, ad):
                y -= 1
            for _ in range(9):  # 29 February: the nearest leap year in the tense's direction
                if _valid_day(y, spec.month, spec.day):
                    return _pd(y, spec.month, spec.day)
                y += step
            return None
        if spec.kind == "d":
            assert spec.day is not None
            step = 1 if future else -1
            y, m = ay, am
            if (future and spec.day < ad) or (not future and spec.day > ad):
                y, m = _month_shift(y, m, step)
            for _ in range(12):  # the nearest month that has that day
                if _valid_day(y, m, spec.day):
                    return _pd(y, m, spec.day)
                y, m = _month_shift(y, m, step)
            return None
    except (ValueError, OverflowError):
        return None
    raise AssertionError(spec.kind)  # pragma: no cover


def _check_tense(tense: str) -> None:
    if tense not in ("past", "future"):
        raise ValueError(f"tense must be 'past' or 'future', not {tense!r}")


# ----------------------------------------------------------------------------- dateparser fallback

_DECADE = re.compile(r"\d0s\b|'\d0s\b|centur|millenni", _F)
_FALLBACK_TOKEN = re.compile(
    rf"(?:\d{{1,4}}(?:st|nd|rd|th)?|{_MON}|{_WD}|of|the|day|year)", _F
)
_DAYNUM = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")


@functools.lru_cache(maxsize=1)
def _date_data_parser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["year"],
            "RETURN_TIME_AS_PERIOD": False,
        },
    )


def _fallback_absolute(s: str) -> PartialDate | None:
    """dateparser, only for absolute dates: one 4-digit year and nothing but date words."""
    if len(s) > 60 or _DECADE.search(s):
        return None
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", s)
    if len(years) != 1:
        return None
    tokens = [t for t in re.split(r"[\s,./\-]+", s) if t]
    if not tokens or not all(_FALLBACK_TOKEN.fullmatch(t) for t in tokens):
        return None
    nums = [t for t in tokens if _DAYNUM.fullmatch(t)]
    has_month_name = any(t.rstrip(".") in _MONTH_NUM for t in tokens)
    if not has_month_name:
        if tokens[0] == years[0]:
            return None  # year first: the ISO rules have already said no
        if len(nums) == 2:
            a, b = (int(re.match(r"\d+", t).group()) for t in nums)  # type: ignore[union-attr]
            if a <= 12 and b <= 12 and a != b:
                return None  # 06/07/2024: day and month order unknown
        elif nums:
            return None
    try:
        data = _date_data_parser().get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    d = data.date_obj if data is not None else None
    if d is None or d.year != int(years[0]):
        return None
    has_month = has_month_name or len(nums) == 2
    has_day = (has_month_name and len(nums) >= 1) or len(nums) == 2
    if data.period in ("day", "time") and has_day and has_month:
        return _pd(d.year, d.month, d.day)
    if data.period in ("day", "time", "month") and has_month:
        return _pd(d.year, d.month)
    return _pd(d.year)


# ----------------------------------------------------------------------------- resolve


#: What :func:`resolve` accepts as ``context``: the date mentioned last before the
#: expression (a year alone as an int), or the text before the expression.
Context = PartialDate | _dt.date | int | str | None

_CONTEXT_CHARS = 1500


def _context_parts(context: Context, anchor: PartialDate | _dt.date | None, tense: str) -> _Anchor | None:
    if context is None or isinstance(context, bool):
        return None
    if isinstance(context, int):
        return (context, None, None) if 1 <= context <= 9999 else None
    if isinstance(context, str):
        return _anchor_parts(context_date(context, anchor, tense=tense))
    return _anchor_parts(context)


def _needs_context(*specs: _Spec) -> bool:
    return any(spec.kind == "ctx" for spec in specs)


#: A determiner before a year: "the 1948 pact", "its 2015 report".
_NAMING_YEAR = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)
_SINCE = re.compile(r"\bsince\b[^.;,]{0,45}$", re.I)
# what is still to come in a sentence told in the past: "said parliament would vote on Monday"
_STILL_TO_COME = re.compile(r"\b(?:would|will|shall|(?:is|are|was|were)\s+(?:due\s+)?to|plans?\s+to|"
                            r"planned\s+to|expected\s+to|scheduled\s+to)\s+(?:\S+\s+){0,8}(?:on|by|in|next)\s+$",
                            re.I)


def context_date(
    text: str, anchor: PartialDate | _dt.date | None, *, tense: str = "past"
) -> PartialDate | None:
    """The date mentioned last in ``text``: what "that year" or "that same month" after it means.

    ``text`` is what comes before the expression (its sentence up to it, and the sentences
    before; only the last 1,500 characters are read). Each date there is resolved as
    :func:`resolve_range` would, against ``anchor`` (the article date) and the dates before
    it; a range counts by its end. None if no date there resolves.

    >>> context_date("Crimea was annexed in March 2014. Sanctions followed.", None)
    PartialDate(year=2014, month=3, day=None)
    """
    _check_tense(tense)
    a = _anchor_parts(anchor)  # (a TypeError on a bad anchor)
    if not text:
        return None
    window = text[-_CONTEXT_CHARS:]
    last: PartialDate | None = None
    for start, end, expr in find_date_expressions(window):
        if last is not None and _NAMING_YEAR.search(window[:start]) and re.fullmatch(r"\d{4}", expr) \
                and re.match(r"\s+[a-z]", window[end:]):
            # "On 20 January 1992 A and B signed a treaty that replaced the 1948 pact. In July that
            # year ...": a year that names a thing (a determiner before it, a noun after it) is not
            # the time of the story, when the story has told one
            continue
        if last is not None and _SINCE.search(window[max(0, start - 50):start]):
            # "landed on Wednesday, the first visit since B travelled there in 1978. That evening
            # ...": the time of a clause of "since" is not the one the story has reached
            continue
        if last is not None and _STILL_TO_COME.search(re.split(r"(?<=[.!?])\s+|\n", window[:start])[-1]):
            # "... told reporters that parliament would vote on Monday. The same day, ...": a time
            # still to come is not the one the story has reached
            continue
        spec = _parse_single(_normalize(expr))
        # (a range of days or months with no year, "from 17 to 20 June", is such a date too)
        calendar = _is_calendar(spec) if spec is not None else \
            re.search(rf"\b{_MON}\b", expr, re.I) is not None and re.search(r"\b\d{4}\b", expr) is None
        if spec is not None and spec.kind == "d" and spec.day is not None and last is not None \
                and last.month is not None and last.day is None:
            # "In May 2014 ... on the 26th": a day of the month just told
            try:
                last = PartialDate(last.year, last.month, spec.day)
            except ValueError:
                pass
            continue
        if calendar and last is not None and a is not None \
                and last.month is not None and last.year <= a[0] - 2:
            # "... until 11 February 1945. Roosevelt died in April": a story told years back goes
            # on in its own time, the first such month or day after the last date it gave
            start, end = resolve_range(expr, last, tense="future", context=last)
        else:
            start, end = resolve_range(expr, anchor, tense=tense, context=last)
        if end is not None or start is not None:
            last = end or start
    return last


def resolve(
    expr: str, anchor: PartialDate | _dt.date | None, *, tense: str = "past", context: Context = None
) -> PartialDate | None:
    """Resolve one date expression to a PartialDate with the precision the text gives.

    ``anchor`` is the article date; relative expressions need it (None without it).
    ``tense`` ("past" or "future") picks the direction for expressions that do not say
    it: "the 19th", "Thursday", "in March", "June 19".

    ``context`` is what "that year", "in November that year", "later that year", "that
    same month", "the same day", "the following year" are relative to: the date
    mentioned last before the expression (a PartialDate or a date; an int is a year), or
    the text before the expression (see :func:`context_date`). Without it they are None,
    never the article's date. "40 years to the day after April 30, 1975" and "the 25th
    anniversary of 8 December 1991" count from the date they name (None without one).

    >>> resolve("July 2000", None)
    PartialDate(year=2000, month=7, day=None)
    >>> resolve("Thursday", PartialDate(2024, 1, 22))
    PartialDate(year=2024, month=1, day=18)
    >>> resolve("last September", PartialDate(2024, 6, 18)).isoformat()
    '2023-09'
    """
    _check_tense(tense)
    s = _normalize(expr)
    spec = _parse_single(s)
    if spec is not None:
        A = _anchor_parts(anchor)
        ctx = _context_parts(context, anchor, tense) if _needs_context(spec) else None
        return _resolve_spec(spec, A, tense, ctx)
    if _parse_range(_normalize_base(expr)) is not None:
        return None  # a range is not one date: use resolve_range
    return _fallback_absolute(s)


# ----------------------------------------------------------------------------- ranges

_RANGE_LEAD = re.compile(r"^(?:(?P<between>between)|from)\s+", _F)
_CONNECTOR = re.compile(r"\s*(?:-|\b(?P<word>to|through|thru|until|till|and)\b)\s*", _F)
_BARE_DAY = re.compile(r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*,?\s*(?P<year>\d{4}))?", _F)
_MONTH_WORD = re.compile(_MON, _F)


def _is_calendar(spec: _Spec) -> bool:
    """A day or month without a year whose year is picked by the tense."""
    return spec.kind in ("md", "d") or (spec.kind == "m" and spec.mode == "tense")


def _key(p: PartialDate, depth: int) -> tuple[int, ...]:
    return (p.year, p.month or 0, p.day or 0)[:depth]


def _depth(p: PartialDate) -> int:
    return 3 if p.day is not None else 2 if p.month is not None else 1


def _with_year(spec: _Spec, year: int, later: _Spec) -> _Spec | None:
    """Give a year-less start the year of the end (the year before if it comes later)."""
    assert later.year is not None
    if spec.kind == "md":
        y = year - 1 if (spec.month, spec.day) > (later.month or 12, later.day or 31) else year
        return _abs(y, spec.month, spec.day)
    if spec.kind == "m" and spec.mode == "tense":
        y = year - 1 if (spec.month or 0) > (later.month or 12) else year
        return _abs(y, spec.month)
    return spec


def _day_after(a: _Spec, b: _Spec) -> bool:
    """``b`` is the day after ``a`` ("15 and 16 November", "30 November and 1 December")."""
    if a.day is None or b.day is None:
        return False
    if a.month is None or b.month is None or a.month == b.month:
        return b.day == a.day + 1
    try:
        nxt = _dt.date(2001, a.month, a.day) + _dt.timedelta(days=1)
    except ValueError:
        return False
    return (nxt.month, nxt.day) == (b.month, b.day) and (a.year is None or b.year is None or a.year == b.year)


def _parse_range(s: str) -> tuple[_Spec, _Spec] | None:
    """Split a normalized range expression into its two ends; None if it is not a range."""
    if not s or len(s) > 120:
        return None
    lead = _RANGE_LEAD.match(s)
    between = bool(lead and lead.group("between"))
    if lead:
        s = s[lead.end():]
    for c in _CONNECTOR.finditer(s):
        if c.start() == 0 or c.end() == len(s):
            continue
        # "and" joins the two ends after "between"; without it, only two days in a row ("on 15
        # and 16 November": a two-day event; "on 3 and 10 May" are two dates, not a range)
        listed = (c.group("word") or "").lower() == "and" and not between
        left, right = _normalize(s[: c.start()]), _normalize(s[c.end():])
        a, b = _parse_single(left), _parse_single(right)
        bare_a, bare_b = _BARE_DAY.fullmatch(left), _BARE_DAY.fullmatch(right)
        # "June 18 to 20", "June 18-19, 2024": the end takes the start's month (and year).
        if bare_b and a is not None and a.kind in ("md", "abs") and a.day is not None:
            day = int(bare_b.group("day"))
            if day <= a.day:
                continue
            if bare_b.group("year"):
                b = _abs(int(bare_b.group("year")), a.month, day)
                if a.kind == "md" and b is not None:
                    a = _with_year(a, b.year or 0, b)
            elif a.kind == "abs":
                b = _abs(a.year or 0, a.month, day)
            else:
                b = _Spec("md", month=a.month, day=day) if 1 <= day <= 31 else None
        # "18-19 June 2024", "from 3 to 5 November that year": the start takes the end's
        # month and year.
        elif bare_a and not bare_a.group("year") and b is not None and b.kind in ("md", "abs", "ctx") \
                and b.day is not None and _MONTH_WORD.search(right):
            day = int(bare_a.group("day"))
            if day >= b.day:
                continue
            if b.kind == "ctx":
                a = _Spec("ctx", month=b.month, day=day, mode="year", offset=b.offset)
            else:
                a = _abs(b.year, b.month, day) if b.kind == "abs" and b.year else (
                    _Spec("md", month=b.month, day=day))
        if a is None or b is None:
            continue
        if listed and not _day_after(a, b):
            continue
        # "from March to May that year": the start takes the end's (context) year.
        if b.kind == "ctx" and b.mode == "year" and b.month is not None and _is_calendar(a) \
                and a.month is not None:
            later = (a.month, a.day or 0) > (b.month, b.day or 31)
            a = _Spec("ctx", month=a.month, day=a.day, mode="year", offset=b.offset - later)
        # "December 28 to January 3, 2024", "March to May 2024": the start takes the end's year.
        if b.kind == "abs" and _is_calendar(a) and b.year is not None:
            a = _with_year(a, b.year, b)  # type: ignore[assignment]
        # "June 18, 2024 to June 20": the end takes the start's year.
        if a is not None and a.kind == "abs" and a.year is not None and b.kind in ("md", "m") \
                and b.mode == "tense":
            y = a.year
            if (b.month or 0, b.day or 0) < (a.month or 0, a.day or 0):
                y += 1
            b = _abs(y, b.month, b.day)  # type: ignore[assignment]
        if a is None or b is None:
            continue
        return a, b
    return None


def resolve_range(
    expr: str, anchor: PartialDate | _dt.date | None, *, tense: str = "past", context: Context = None
) -> tuple[PartialDate | None, PartialDate | None]:
    """Resolve a range ("from Jan. 14 to Thursday", "June 18-19, 2024") to (start, end).

    A single date gives ``(date, None)``; an end that cannot be resolved gives
    ``(start, None)``; nothing resolvable, or an end before the start, gives
    ``(None, None)``. Year-less calendar ends ("June 18 to 20") are resolved together:
    in the past tense the start is the most recent on/before the anchor and the end
    follows it; in the future tense the end is the next on/after the anchor. Day-first
    ranges ("from 12 to 14 April 2015", "between 3 and 5 May") take the month (and year)
    of their end. ``context`` is as for :func:`resolve` ("from 3 to 5 November that year").

    >>> resolve_range("from Jan. 14 to Thursday", PartialDate(2024, 1, 22))
    (PartialDate(year=2024, month=1, day=14), PartialDate(year=2024, month=1, day=18))
    """
    _check_tense(tense)
    spec = _parse_single(_normalize(expr))
    A = _anchor_parts(anchor)
    if spec is not None:
        ctx = _context_parts(context, anchor, tense) if _needs_context(spec) else None
        return _resolve_spec(spec, A, tense, ctx), None
    parts = _parse_range(_normalize_base(expr))
    if parts is None:
        return _fallback_absolute(_normalize(expr)), None
    a, b = parts
    C = _context_parts(context, anchor, tense) if _needs_context(a, b) else None
    if tense == "past":
        start = _resolve_spec(a, A, tense, C)
        end = None
        if a.kind == b.kind == "wd" and a.mode == b.mode and start is not None:
            # "from Friday to Sunday" told on a Friday: the Sunday just gone, and the Friday
            # before it (not the anchor's own Friday, after its end)
            end = _resolve_spec(b, A, tense, C)
            if end is not None and _key(start, 3) > _key(end, 3):
                d = _dt.date(start.year, start.month or 1, start.day or 1) - _dt.timedelta(days=7)
                start = PartialDate(d.year, d.month, d.day)
        if _is_calendar(b) and start is not None and end is None:
            end = _resolve_spec(b, _anchor_parts(start), "future")
        if end is None:
            end = _resolve_spec(b, A, tense, C)
    else:
        end = _resolve_spec(b, A, tense, C)
        start = None
        if _is_calendar(a) and end is not None:
            start = _resolve_spec(a, _anchor_parts(end), "past")
        if start is None:
            start = _resolve_spec(a, A, tense, C)
    if start is None:
        return None, end
    if end is not None and a.kind in ("md", "m") and a.month is not None and _key(start, 3) > _key(end, 3):
        # "from May 30 to June 2 last year": a start of no year of its own takes the end's
        y = end.year - 1 if (a.month, a.day or 0) > (end.month or 12, end.day or 31) else end.year
        start = _pd(y, a.month, a.day) or start
    if end is not None:
        depth = min(_depth(start), _depth(end))
        if _key(start, depth) > _key(end, depth):
            return None, None
    return start, end


# ----------------------------------------------------------------------------- scanner

_S_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?![\d:])"
_S_YEAR = r"\d{4}(?!\d)"
_S_WDP = rf"(?:{_WD}\s*,?\s+)?"
_S_MOD = rf"{_MOD}?"
_S_ISO = r"(?<![\w.\-/])\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|\.\s?\d{1,2}\.\s?\d{1,2})(?!\d)"
_S_MDY = rf"{_S_WDP}{_MON}\s*{_S_DAY}(?:\s*,\s*|\s+){_S_YEAR}"
_S_DMY = rf"{_S_WDP}(?:the\s+)?{_S_DAY}\s+(?:of\s+)?{_MON},?\s*{_S_YEAR}"
_S_MY = rf"{_MON},?\s+(?:of\s+)?{_S_YEAR}"
_S_MD = rf"{_MON}\s*{_S_DAY}"
_S_DM = rf"(?:the\s+)?{_S_DAY}\s+(?:of\s+)?{_MON}"
_S_CTX_YEAR = r"(?:that\s+same|that|the\s+same)\s+year(?![a-z])"
_S_ABS = rf"(?:{_S_ISO}|{_S_MDY}|{_S_DMY}|{_S_MY}|{_S_YEAR})"
_S_YEARS = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)"
)

# (kind, pattern), longest forms first (the order matters inside ranges).
_SCAN_SOURCES: list[tuple[str, str]] = [
    ("iso", _S_ISO),
    ("mdy", _S_MDY),
    ("dmy", _S_DMY),
    ("myrel", rf"{_S_MOD}{_MON},?\s+(?:of\s+)?{_YEAR_REL}"),
    ("mdrel", rf"{_S_WDP}{_S_MOD}(?:{_S_MD}|{_S_DM}),?\s+(?:of\s+)?{_YEAR_REL}(?![a-z])"),
    ("ctxmd", rf"{_S_WDP}{_S_MOD}(?:{_S_MD}|{_S_DM}|{_MON}),?\s+(?:of\s+)?(?:{_S_CTX_YEAR}|the\s+(?:following|next)\s+year(?![a-z]))"),
    (
        "ctx",
        rf"{_S_MOD}(?:(?:that\s+same|that|the\s+same)\s+(?:year|month)"
        r"|(?:(?:that\s+|the\s+)same|that)\s+(?:day|morning|afternoon|evening|night)"
        r"|the\s+(?:following|next)\s+(?:year|month|day|morning|afternoon|evening|night)"
        r"|(?:a|one|two|three|four|five|six|\d)\s+(?:days?|weeks?)\s+(?:later|earlier)"
        r"|(?:earlier|later)\s+in\s+the\s+(?:day|morning|afternoon|evening)"
        rf"|(?:{_S_YEARS}\s+(?:years?|months?)|a\s+decade|two\s+decades|three\s+decades)"
        r"\s+(?:later|afterwards|earlier|on(?=\s*,)))"
        r"(?![a-z])",
    ),
    (
        "anniv",
        rf"(?:the\s+)?{_S_YEARS}\s+years?\s+to\s+the\s+day\s+(?:after|since)(?:\s+(?:the\s+)?{_S_ABS})?"
        rf"|{_S_YEARS}\s+years?\s+after\s+(?:the\s+)?{_S_ABS}"
        rf"|the\s+\d{{1,3}}(?:st|nd|rd|th)\s+anniversary(?:\s+of\s+(?:the\s+)?{_S_ABS})?",
    ),
    ("my", rf"{_S_MOD}{_S_MY}"),
    ("ctxthat", rf"(?:that\s+same|that|the\s+same|the\s+following|the\s+next|the\s+previous|the\s+preceding"
                rf"|the\s+prior)\s+{_MON}(?![a-z])(?!\s*\d)"),
    ("isomonth", r"(?<![\w.\-/])\d{4}-\d{2}(?![\d\-/])"),
    ("md", rf"{_S_WDP}{_S_MOD}{_S_MD}"),
    ("dm", rf"{_S_WDP}{_S_DM}"),
    ("holiday", rf"{_S_MOD}(?:Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve))"
                rf"(?:,?\s+(?:of\s+)?(?:1[89]\d\d|20\d\d)|,?\s+(?:{_S_CTX_YEAR}|{_YEAR_REL}(?![a-z])))?"),
    ("mrel", rf"{_S_MOD}{_REL_WORD}\s+{_MON}"),
    ("wdweek", rf"{_WD_FULL}\s+of\s+(?:last|next|this|the\s+previous|the\s+following)\s+week(?![a-z])"),
    (
        "wd",
        rf"{_S_MOD}(?:{_REL_WORD}\s+)?{_WD_FULL}(?:\s+(?:morning|afternoon|evening|night))?",
    ),
    (
        "dayoff",
        rf"{_S_MOD}(?:today|tonight|yesterday(?:\s+(?:morning|afternoon|evening))?"
        r"|tomorrow(?:\s+(?:morning|afternoon|evening|night))?|this\s+(?:morning|afternoon|evening)"
        r"|last\s+(?:night|evening)|the\s+day\s+before(?:\s+yesterday)?|the\s+day\s+after\s+tomorrow"
        r"|the\s+previous\s+day)(?![a-z])",
    ),
    ("ago", rf"{_AGO_COUNT}\s+{_AGO_UNIT}s?\s+ago(?:\s+(?:today|tonight|this\s+week))?(?![a-z])"),
    ("moff", rf"{_S_MOD}(?:last|this|next|the\s+previous|the\s+prior|the\s+current)\s+month(?![a-z])"),
    ("yoff", rf"{_S_MOD}(?:last|this|next|the\s+previous|the\s+prior|the\s+current)\s+year(?![a-z])"),
    ("woff", r"(?:(?:earlier|later)\s+)?(?:last|next|this|the\s+previous|the\s+following)\s+week(?![a-z])"),
    # "the 19th" is a day; "the 13th summit", "the 19th century" are not
    # ("on the 14th the ministers signed", "on the 22nd he flew": a determiner or a pronoun after
    # it starts the clause, no noun of it)
    ("ord", r"the\s+\d{1,2}(?:st|nd|rd|th)(?![a-z])"
            r"(?!\s+(?!of\b|and\b|or\b|to\b|at\b|in\b|on\b"
            r"|the\b|an?\b|his\b|her\b|their\b|its\b|he\b|she\b|they\b|we\b)[a-z])"
            r"(?:\s+of\s+(?:this|the)\s+month)?"),
    (
        "year",
        rf"{_S_MOD}(?:the\s+year\s+)?(?<![\w,.$#\-/\u20ac\u00a3\u00a5\u20a9])\d{{4}}"
        r"(?![\d%]|s\b|'s\b|,\d|\.\d|-\d|/\d)",
    ),
    ("m", rf"{_S_MOD}{_MON}"),
]
_SCAN = [(kind, re.compile(rf"(?<!\w)(?:{src})(?!\w)", _F)) for kind, src in _SCAN_SOURCES]
_S_ANY = "|".join(f"(?:{src})" for _, src in _SCAN_SOURCES)
_S_BARE_DAY = r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?(?![\d:])"
# "18-19 June 2024", "from 12 to 14 April 2015", "between 3 and 5 May", "from 3 to 5 November
# that year": day-first ranges, whose start is a bare day (a word between the days only after
# "from" or "between": "rose 12 to 14 April" may count something)
_S_DAY_DASH = (
    r"(?:(?:from|between)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:to|through|thru|until|till|and)\s+"
    r"(?:the\s+)?|\d{1,2}(?:st|nd|rd|th)?\s*[-\u2013\u2014]\s*|\d{1,2}(?:st|nd|rd|th)?\s+and\s+)"
    rf"{_S_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+(?:of\s+)?{_S_CTX_YEAR}|,?\s*{_S_YEAR})?"
)
# What a range can start with (a cheap test at each position before the long alternation):
# "from"/"between", or the first word of a date form: a modifier ("the end of", "mid-"), a
# weekday or month name, a relative word ("last"), a day word, a number word, or a digit.
_RANGE_START = (
    r"(?=from|between|very|early|mid|late|end|beginning|start|middle|first|second|latter"
    r"|earlier|later|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|last|this|next|past|coming|today|tonight|yesterday|tomorrow|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|\d|an?\s+(?:day|month|year)"
    r"|the\s+(?:very|early|mid|late|end|beginning|start|middle|first|second|latter|earlier|later"
    r"|day|previous|prior|current|year|\d))"
)
_LISTED = re.compile(r"^(?!from|between).*\band\b", _F)   # "15 and 16 November", not "between 3 and 5 May"
# "LIMA, 4 May 2021 - Ten years ago today, ...": a dateline's dash before a date that counts from
# the story's day opens the story; it joins no range
_DASH_DEICTIC = re.compile(r"\s[-\u2013\u2014]\s+(?:\w+\s+\w+\s+ago|today|tonight|yesterday|tomorrow|last|this|next)\b", _F)
_SCAN_RANGE = re.compile(
    rf"(?<![\w]){_RANGE_START}(?:(?:(?:from|between)\s+)?(?:{_S_ANY})"
    rf"(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|thru|until|till|and)\s+)(?:{_S_ANY}|{_S_BARE_DAY})"
    rf"|{_S_DAY_DASH})(?![\w])",
    _F,
)

# Every form the scanners find holds a digit or one of these words at the start of a word
# (a month or weekday name, or its abbreviation, "today", "last night", "next month", ...):
# a sentence without any is skipped at once (most sentences; the scanners are ~20 regexes).
_DATE_HINT = re.compile(
    r"\d|(?<![a-z])(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august"
    r"|sep|sept|september|oct|october|nov|november|dec|december|mon|monday|tue|tues|tuesday|wed"
    r"|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|today|tonight|yesterday"
    r"|tomorrow|days?|night|morning|afternoon|evening|eve|weeks?|months?|years?)(?![a-z])",
    _F,
)

# What every span of a kind holds (a scanner is skipped on a sentence without it): each
# kind's pattern above needs a digit, a month or weekday name, or its own keyword.
_H_DIGIT = re.compile(r"\d")
_H_MONTH = re.compile(r"(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", _F)
_KIND_HINTS: dict[str, re.Pattern[str]] = {
    **{kind: _H_DIGIT for kind in ("iso", "isomonth", "ord", "year")},
    **{kind: _H_MONTH for kind in ("mdy", "dmy", "my", "md", "dm", "myrel", "mrel", "m")},
    "mdrel": re.compile(r"year", _F),  # and a month name: the months hint is tested first below
    "ctxmd": re.compile(r"that\s+(?:same\s+)?year|same\s+year|(?:following|next)\s+year", _F),
    "ctx": re.compile(r"(?:that|same)\s+(?:year|month|day)|(?:same|that)\s+(?:morning|afternoon|evening|night)"
                      r"|(?:following|next)\s+(?:year|month|day|morning|afternoon|evening"
                      r"|night)|(?:days?|weeks?)\s+(?:later|earlier)"
                      r"|(?:earlier|later)\s+in\s+the\s+(?:day|morning|afternoon|evening)"
                      r"|(?:years?|months?|decades?)\s+(?:later|afterwards|earlier|on)", _F),
    "anniv": re.compile(r"years?\s+(?:to\s+the\s+day|after)|anniversary", _F),
    "wd": re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", _F),
    "dayoff": re.compile(r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night|day", _F),
    "ago": re.compile(r"ago", _F),
    "holiday": re.compile(r"christmas|boxing|new\s+year", _F),
    "moff": re.compile(r"month", _F),
    "ctxthat": re.compile(r"that|same|following|next|previous|preceding|prior", _F),
    "woff": re.compile(r"week", _F),
    "yoff": re.compile(r"year", _F),
    # two expressions joined by a dash or a word ("from Jan. 14 to Thursday", "18-19 June")
    "range": re.compile(r"[-\u2013\u2014]|(?<![a-z])(?:to|through|thru|until|till|and)(?![a-z])", _F),
}

_NAME_TOKEN = re.compile(
    r"(?<![a-z])(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|jun"
    r"|jul|aug|sept|sep|oct|nov|dec|tues|tue|wed|thurs|thur|thu|fri|sat|sun|mon)(?![a-z])",
    _F,
)
_FULL_MONTH = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)",
    _F,
)
_FULL_NAME_DOT = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.$",
    _F,
)
_CUE_BEFORE = {
    "in", "since", "until", "till", "by", "from", "to", "of", "last", "this", "next", "during",
    "before", "after", "between", "and", "or", "through", "early", "late", "mid", "end", "on",
}  # fmt: skip
_ORD_CUE_BEFORE = {"on", "since", "until", "till", "from", "to", "by", "before", "after", "and", "of"}
_ORD_BAD_AFTER = {"century", "centuries", "anniversary", "time", "times", "round", "floor", "session",
                  "plenary", "congress", "meeting", "party", "largest", "biggest", "place", "term"}  # fmt: skip
_COUNT_NOUNS = {
    "people", "persons", "troops", "soldiers", "workers", "won", "dollars", "yen", "rubles",
    "roubles", "euros", "yuan", "tons", "tonnes", "km", "kilometers", "kilometres", "miles",
    "meters", "metres", "feet", "containers", "units", "shells", "missiles", "rounds",
    "members", "votes", "cases", "deaths", "times", "hours", "minutes", "seconds", "points",
    "pages", "words", "kg", "kilograms", "barrels", "vehicles", "cars", "items", "households",
    "families", "residents", "students", "children", "prisoners", "refugees", "delegates",
    "participants", "casualties", "rockets", "drones", "artillery", "tanks",
}  # fmt: skip
_NOUN_PHRASE_START = {
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
    "those", "he", "she", "they", "it", "we", "i",
}  # fmt: skip


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[\s.\-]*$", text[max(0, start - 30): start])
    return m.group(1).lower() if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s+([A-Za-z0-9]+)", text[end: end + 30])
    return m.group(1) if m else ""


def _acceptable(kind: str, span: str, text: str, start: int, end: int) -> bool:
    """Filters that keep the scanner from reading ordinary words as dates."""
    for tok in _NAME_TOKEN.finditer(span):  # month and weekday names are capitalized in news
        if not tok.group(0)[0].isupper():
            return False
    for y in re.findall(r"(?<!\d)\d{4}(?!\d)", span):
        if not 1800 <= int(y) <= 2099:
            return False
    nxt = _next_word(text, end)
    if kind == "m":
        tok = _NAME_TOKEN.search(span)
        assert tok is not None
        name = tok.group(0)
        bare = tok.start() == 0
        if not (_FULL_MONTH.fullmatch(name) or span[tok.end():].startswith(".")):
            return False  # "Jan" alone is a name; "Jan." is a month
        if bare and name.lower() in ("may", "march") and (
            _prev_word(text, start) not in _CUE_BEFORE or nxt[:1].isupper()
        ):
            return False  # "they may", "a march", "May Lee"
    elif kind == "year":
        if nxt.lower() in _COUNT_NOUNS or _prev_word(text, start) in ("no", "number"):
            return False
    elif kind == "ord":
        prev = _prev_word(text, start)
        if nxt.lower() in _ORD_BAD_AFTER:
            return False
        if prev not in _ORD_CUE_BEFORE:
            after = text[end: end + 2]
            if not (after == "" or after[0] in ".,;:)(!?'\"" or (nxt and nxt.islower()
                                                                 and nxt not in _NOUN_PHRASE_START)):
                return False
    elif kind == "dayoff" and span.lower().rstrip().endswith(("before", "previous day")):
        if nxt and (nxt.lower() in _NOUN_PHRASE_START or nxt[0].isupper() or nxt[0].isdigit()):
            return False  # "the day before the election": relative to an event, not the article
    if kind == "range":
        return _parse_range(_normalize_base(span)) is not None
    return _parse_single(_normalize(span)) is not None


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Date expressions in ``text`` as ``(start, end, text)``, in order, not overlapping.

    Finds the forms :func:`resolve` and :func:`resolve_range` understand, ranges as one
    span ("from Jan. 14 to Thursday"). Month and weekday names must be capitalized;
    "May" and "March" alone need a cue before them ("in May"); bare years must lie in
    1800-2099 and not count something ("2000 troops").

    >>> find_date_expressions("She visited Russia from Jan. 14 to Thursday.")
    [(19, 43, 'from Jan. 14 to Thursday')]
    """
    cands: list[tuple[int, int, str]] = []
    if not _DATE_HINT.search(text):
        return []
    absent = {rx for rx in set(_KIND_HINTS.values()) if not rx.search(text)}
    skip = {name for name, rx in _KIND_HINTS.items() if rx in absent}
    if "m" in skip:  # no month name: nor the forms with a month and a year word
        skip.update(("mdrel", "ctxmd"))
    for m in (_SCAN_RANGE.finditer(text) if "range" not in skip else ()):
        if _acceptable("range", m.group(0), text, m.start(), m.end()) and not _DASH_DEICTIC.search(m.group(0)) \
                and not (_LISTED.search(m.group(0)) and _parse_range(_normalize_base(m.group(0))) is None):
            cands.append((m.start(), m.end(), "range"))   # ("on 3 and 10 May": two dates, not a range)
    for kind, rx in _SCAN:
        if kind in skip:
            continue
        for m in rx.finditer(text):
            span = m.group(0)
            s, e = m.start(), m.end()
            if span.endswith(" ") or not span:
                continue
            if _acceptable(kind, span, text, s, e):
                cands.append((s, e, kind))
    chosen: list[tuple[int, int]] = []
    for s, e, _ in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(e <= cs or s >= ce for cs, ce in chosen):
            chosen.append((s, e))
    out = []
    for s, e in sorted(chosen):
        if text[e - 1] == "." and _FULL_NAME_DOT.search(text[s:e]):
            e -= 1  # "in May." ends a sentence; "Jan." and "January. 22" keep their dots
        out.append((s, e, text[s:e]))
    return out


# ----------------------------------------------------------------------------- article date

_KEYWORD = re.compile(
    r"(?:^[^\w]*|[|\u00b7\u2022]\s*)"
    r"(?P<kw>first\s+published|published|posted|input|last\s+updated|updated|last\s+modified|modified|date)"
    r"\b(?:\s+(?:on|at))?\s*[:\uff1a]?\s*(?:on\s+)?",
    _F,
)
_KEYWORD_SOURCE = {
    "posted": "text:posted", "input": "text:posted", "published": "text:published",
    "first published": "text:published", "date": "text:published", "updated": "text:updated",
    "last updated": "text:updated", "modified": "text:updated", "last modified": "text:updated",
}  # fmt: skip
_ABS_AT_START = re.compile(rf"{_S_WDP}(?:{_S_ISO}|{_S_MDY}|{_S_DMY}|{_S_MY})", _F)
_NUMERIC_AT_START = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_DL_DATE = rf"(?:{_MON}\s*{_S_DAY}(?:\s*,\s*{_S_YEAR}|\s+{_S_YEAR})?|{_S_DAY}\s+{_MON}(?:,?\s*{_S_YEAR})?)"
_DATELINE = re.compile(
    r"^[^\w]*(?P<place>[A-Z][A-Za-z.'\u2019\- ]{0,30}?(?:,\s*[A-Z][A-Za-z.'\u2019\- ]{0,30}?)?)\s*,\s*"
    rf"(?P<date>(?i:{_DL_DATE}))\s*(?:\((?P<agency>[^()\n]{{1,40}})\))?\s*(?P<term>--|[-\u2013\u2014:])?",
    re.ASCII,
)
_NEARBY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_HEADER_LINES = 10
_DATELINE_LINES = 15


def _keyword_date(line: str) -> tuple[str, PartialDate] | None:
    if len(line) > 160:
        return None  # a body paragraph, not a by-line
    for m in _KEYWORD.finditer(line):
        rest = line[m.end():]
        d = None
        dm = _ABS_AT_START.match(rest)
        if dm:
            d = resolve(dm.group(0), None)
        else:
            nm = _NUMERIC_AT_START.match(rest)
            if nm:
                d = resolve(nm.group(0), None)
        if d is not None:
            kw = " ".join(m.group("kw").lower().split())
            return _KEYWORD_SOURCE[kw], d
    return None


def _header_date(line: str) -> PartialDate | None:
    if len(line) > 60:
        return None
    spec = _parse_single(_normalize_base(line.strip(" |\u00b7\u2022-\u2013\u2014:")))
    if spec is None or spec.kind != "abs" or spec.day is None:
        return None
    return _resolve_spec(spec, None, "past")


def _dateline_date(lines: list[str], i: int) -> PartialDate | None:
    m = _DATELINE.match(lines[i])
    if not m:
        return None
    agency, term = m.group("agency"), m.group("term")
    first = m.group("place").split(",")[0].strip()
    if not (agency or term) or not (agency or (first.isupper() and len(first) > 1)):
        return None
    spec = _parse_single(_normalize(m.group("date")))
    if spec is None:
        return None
    if spec.kind == "abs":
        return _resolve_spec(spec, None, "past")
    if spec.kind != "md":
        return None
    # No year in the dateline: only a year on a short line close by (a time stamp,
    # a copyright line) completes it.
    years: set[int] = set()
    for j in range(max(0, i - 3), min(len(lines), i + 4)):
        if j != i and len(lines[j]) <= 60 and len(lines[j].split()) <= 6:
            years.update(int(y) for y in _NEARBY_YEAR.findall(lines[j]))
    if len(years) != 1:
        return None
    return _pd(years.pop(), spec.month, spec.day)


def detect_article_date(text: str, *, title: str | None = None) -> ArticleDate:
    """The publication date of an article, from its cleaned text.

    In order of preference: a "Posted"/"Published" line (the first one; "Posted" is
    taken over "Updated"); a standalone date line among the first 10 non-empty lines
    ("Monday, December 23, 2024"); a dateline at the start of the body ("SEOUL, June
    18, 2024 (Yonhap) --"; one without a year only with a year on a short line next to
    it); an "Updated" line (source ``text:updated``). Dates inside body sentences and
    photo captions are never taken. ``title``, when given, marks where the body starts.

    >>> detect_article_date("Some headline\\n\\nPosted January. 22, 2024 07:53,\\n\\nBody.")
    ArticleDate(date=PartialDate(year=2024, month=1, day=22), source='text:posted')
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    updated: PartialDate | None = None
    for line in lines:
        found = _keyword_date(line)
        if found is None:
            continue
        source, d = found
        if source == "text:updated":
            if updated is None:
                updated = d
            continue
        return ArticleDate(d, source)
    title_at = None
    if title and title.strip():
        want = " ".join(title.split()).casefold()
        for i, line in enumerate(lines[:40]):
            if " ".join(line.split()).casefold() == want:
                title_at = i
                break
    for i, line in enumerate(lines[:_HEADER_LINES]):
        d = _header_date(line)
        if d is not None:
            # a page's date line with other stories' headlines between it and this article's
            # title is the site's date, not the article's
            if title_at is not None and title_at - i > 2:
                break
            return ArticleDate(d, "text:header-date")
    start = title_at + 1 if title_at is not None else 0
    for i in range(start, min(len(lines), start + _DATELINE_LINES)):
        d = _dateline_date(lines, i)
        if d is not None:
            return ArticleDate(d, "text:dateline")
    if updated is not None:
        return ArticleDate(updated, "text:updated")
    return ArticleDate(None, "none")
