"""Dates over sentences: the date nearest a trigger, a date expression resolved against the
article's anchor at its precision, the text a relative date refers back to, a sentence's year,
and comparisons of partial dates with the article's date and with each other."""

from __future__ import annotations

import re
from typing import Any

from ..dates import _month_of, find_date_expressions, resolve_range
from ..model import PartialDate
from .lexicon import ASKED_LEMMAS, SUMMIT_NOUNS, VISIT_NOUNS
from .nlp import _doc_text
from .context import _Article, Mention, Sentence


def _resolve_dates(art: _Article, s: Sentence, near: Any | None, tense: str
                   ) -> tuple[PartialDate | None, PartialDate | None]:
    """The sentence's date (or range) nearest the trigger token."""
    cands = [m for m in s.dates if not _in_name(s, m)]
    if not cands:
        return None, None
    if near is not None:
        cands = sorted(cands, key=lambda m: abs(m.start - near.idx))
    for m in cands:
        if near is not None and _in_own_clause(s, near, m.start):
            continue
        start, end = _resolve_expr(art, m.text, tense, context=_text_before(art, s, m.start))
        if start is not None:
            return start, end
    return None, None


_RELATIVE = re.compile(r"\b(?:last|next|this|previous|coming|ago|yesterday|today|tonight|tomorrow|"
                       r"earlier|later|before|after|same)\b", re.I)
_DAY_RELATIVE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                           r"yesterday|today|tonight|tomorrow|\d{1,2}(?:st|nd|rd|th))\b", re.I)


def _text_before(art: _Article, s: Sentence, at: int) -> str:
    """The article's text before ``at`` in the sentence's block (and the six blocks before it):
    what "that year", "later that year", "that same month" and a bare "31 August" of a story
    told in the past refer to."""
    docs = art.docs
    before = [_doc_text(d) for d in docs[max(0, s.block - 6):s.block]]
    return "\n\n".join([*before, _doc_text(s.span.doc)[:at]])


def _resolve_expr(art: _Article, expr: str, tense: str, context: str | None = None
                  ) -> tuple[PartialDate | None, PartialDate | None]:
    """resolve_range with the article's anchor, whatever its precision.

    With a day-precise anchor the rules apply as they are. With only a month or
    a year known, an absolute "June 19" takes the anchor's year, "last
    September" needs at least the month, and day-relative forms ("Thursday",
    "the 19th") stay unresolved rather than guessed.
    """
    anchor = art.anchor
    day = _ORDINAL_DAY.match(expr)
    if day is not None and context:
        # "In October 2004 he flew to X, and on the 14th ...", "That September ... on the 11th":
        # a day of the month the sentence has just told, not of the article's month
        sentence = re.split(r"(?<=[.!?])\s+|\n", context)[-1]
        told = [d for d in find_date_expressions(sentence) if _MONTH_DAY.search(d[2])]
        if not told and not context.endswith("\n") and "\n" not in sentence:
            # ("In March 2016 A hosted B. An accord was signed on the 10th": the month of the
            # sentence before, in the same paragraph)
            pieces = re.split(r"(?<=[.!?])\s+|\n", context)
            new_paragraph = context[: len(context) - len(sentence)].rstrip(" ").endswith("\n")
            before = pieces[-2] if len(pieces) >= 2 and not new_paragraph else ""
            told = [d for d in find_date_expressions(before) if _MONTH_DAY.search(d[2])]
            sentence = before + " " + sentence if told else sentence
        if told:
            cut = len(context) - len(sentence) + told[-1][0]
            month, _ = _resolve_expr(art, told[-1][2], tense, context=context[:cut])
            if month is not None and month.month is not None and month.day is None:
                try:
                    return PartialDate(month.year, month.month, int(day.group(1))), None
                except ValueError:
                    return None, None
    year_here = _year_of_sentence(expr, context)
    if year_here is not None and anchor is not None and anchor.day is not None and context \
            and _BARE_NARRATIVE.search(re.split(r"(?<=[.!?])\s+|\n", context)[-1]):
        # "Earlier in Lima, on November 15, ..." in a story of November 16: earlier in the news
        # it tells, not in the year of the history the sentence before recalled
        near, _ = resolve_range(expr, anchor, tense="past", context=context)
        if near is not None and near.day is not None and 0 <= (anchor.to_date() - near.to_date()).days <= 60:
            year_here = None
    para = (context or "").rsplit("\n\n", 1)[-1]   # the paragraph so far
    if year_here is None and anchor is not None and (_BARE_DAY.search(expr) or _BARE_MONTH.match(expr)) \
            and not _RELATIVE.search(expr) and not _YEAR.search(expr) \
            and (_retrospective(art) or _lead_looks_back(art)) \
            and not _BACK_TO_NOW.search(para):
        # a story told years after it happened ("Fifty years ago today, ...", an obituary): "on
        # 31 August" is a day of the story's year, the last one the text gave, not of the article's
        # (the year the paragraph has told, else the one the opening counts back to: "Forty years
        # ago today, ..."; else the last one told)
        # (not once the paragraph, or the one before it, has told a year of its own: "He was freed
        # on 8 January 1972 ... / On 6 February he travelled to X")
        before = (context or "").rsplit("\n\n", 2)
        ago = None if _YEAR.search(para) or len(before) == 3 and _YEAR.search(before[1]) else _lead_ago_year(art)
        story = ago or _story_year(context)
        dated = list(_MONTH_YEAR.finditer(context or ""))
        framed = story is not None and re.search(rf"(?:^|[.!?]\s+|\n)In\s+{story}\b(?!.*\b{story}\b)",
                                                 context or "", re.S)
        # (a paragraph that tells a year of its own goes on in it: "After the election of 1969 ...
        # on 1 and 2 December", after a paragraph that ended in "December 1966")
        own = _YEAR.search(para) is not None and dated and dated[-1].start() < len(context or "") - len(para)
        if story is not None and dated and int(dated[-1].group(2)) != story and ago is None and not own and not (
                framed and framed.start() >= dated[-1].end()):   # ("In 2019 he ...": the frame of what follows)
            # (the last year told with its month: a bare year after it is often an aside, "a
            # pact concluded in 1998")
            story = int(dated[-1].group(2)) if _story_year(context[:dated[-1].end()]) is not None else story
        if story is not None and story <= anchor.year - 2:
            year_here = story
    if year_here is None and anchor is not None and context and _BARE_DAY.search(expr) and not _RELATIVE.search(expr) \
            and not _YEAR.search(expr):
        # "Talks opened in May 1996. On May 20 the leaders signed ...": a day of
        # the month and year the paragraph has just told, years before the article's
        told = list(_MONTH_YEAR.finditer(para))
        month = _MONTH_DAY.search(expr)
        if told and month and told[-1].group(1)[:3].lower() == month.group(0)[:3].lower() \
                and int(told[-1].group(2)) <= anchor.year - 2 and _story_year(para):
            year_here = int(told[-1].group(2))
    if year_here is None and anchor is not None and context and not _YEAR.search(expr) \
            and (_BARE_MONTH.match(expr) or _BARE_DAY.search(expr) and not _RELATIVE.search(expr)):
        # "On March 12, 1957 they signed X ... in September she returned the visit", "... met
        # again on 3 May": a later month of the year the paragraph has just told, years before
        # the article's
        told = list(_MONTH_YEAR.finditer(para))
        if told and int(told[-1].group(2)) <= anchor.year - 2 and _story_year(para) \
                and _month_number(expr) >= _month_number(told[-1].group(1)):
            year_here = int(told[-1].group(2))
    if year_here is None and anchor is not None and context and not _YEAR.search(expr) and not _RELATIVE.search(expr) \
            and (_BARE_DAY.search(expr) or _BARE_MONTH.match(expr)):
        # "He took office in May 1961. / Months later he went to X, and on 2 June
        # ...": a story told years back, by month and year, in this paragraph or the one before,
        # goes on in its own year (not when the text came back to its own time since)
        # (the paragraph before only when this one goes on from it, "Weeks later", "Then", or in a
        # story whose opening looks years back, an obituary's or an anniversary's)
        near = "\n\n".join(context.rsplit("\n\n", 2)[-2:]) \
            if _GOES_ON_FROM.search(para) or _lead_looks_back(art) else para
        told = list(_MONTH_YEAR.finditer(near))
        after = near[told[-1].end():] if told else ""
        if told and int(told[-1].group(2)) <= anchor.year - 2 and not _YEAR.search(after) \
                and not _NOW.search(after) and not _BACK_TO_NOW.search(after) and not _YEAR_WORD.search(after) \
                and _month_number(expr) >= _month_number(told[-1].group(1)):
            year_here = int(told[-1].group(2))
    if year_here is not None and (anchor is None or year_here != anchor.year):
        # "adopted on 6 March 1957 at talks held from 3 to 6 March": a day and month with no
        # year take the year their own sentence states, not the article's
        return resolve_range(expr, PartialDate(year_here, 12, 31), tense="past", context=context)
    if anchor is None or anchor.day is not None:
        return resolve_range(expr, anchor, tense=tense, context=context)
    if _DAY_RELATIVE.search(expr) and not re.search(r"\b(1[6-9]\d\d|20\d\d)\b", expr):
        if not re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", expr, re.I):
            return None, None
    if _RELATIVE.search(expr) and anchor.month is None:
        return resolve_range(expr, None, tense=tense, context=context)
    import calendar
    month = anchor.month or 12
    day = calendar.monthrange(anchor.year, month)[1]
    return resolve_range(expr, PartialDate(anchor.year, month, day), tense="past", context=context)


_ORDINAL_DAY = re.compile(r"^\W*(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\W*$", re.I)
_MONTH_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_MONTH_YEAR = re.compile(r"\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+(?:\d{1,2},?\s+)?(1[6-9]\d\d|20\d\d)\b", re.I)


def _year_of_sentence(expr: str, context: str | None) -> int | None:
    """The year stated earlier in the sentence of a month-and-day expression that has none."""
    if not context or _YEAR.search(expr) or not _MONTH_DAY.search(expr) or not re.search(r"\d", expr):
        return None
    sentence = re.split(r"(?<=[.!?])\s+|\n", context)[-1]
    years = _YEAR.findall(sentence)
    that = _THAT_YEAR.search(sentence)
    if not years and that is not None:
        # "in June that year, ... on 13 June": the year the text before gave (or the one after it)
        before = _YEAR.findall(context[: len(context) - len(sentence)])
        if before:
            step = {"following": 1, "next": 1, "previous": -1}.get((that.group(1) or "").lower(), 0)
            return int(before[-1]) + step
    if not years and _NARRATIVE.search(sentence) and not _BACK_TO_NOW.search(sentence):
        # "three months earlier, on July 25": the time of the story the sentence before told
        # (its first year: later ones are usually asides, "after Egypt, whose treaty was signed in 1979")
        before = [x for x in re.split(r"(?<=[.!?])\s+|\n", context)[:-1] if _YEAR.search(x)]
        years = _YEAR.findall(before[-1])[:1] if before else []
    return int(years[-1]) if years else None


# a paragraph that goes on with the story the one before told: "Weeks later", "Soon afterwards", "Then"
_GOES_ON_FROM = re.compile(r"^\W*(?:(?:(?:a\s+few|some|several|two|three|four)\s+)?(?:days|weeks|months)\s+later|"
                           r"(?:a\s+(?:day|week|month))\s+later|soon\s+after(?:wards)?|shortly\s+after(?:wards)?|"
                           r"then|later|afterwards)\b", re.I)
# a year told by its relation to the article's: "last year", "this year"
_YEAR_WORD = re.compile(r"\b(?:last|this|next)\s+year\b", re.I)
_THAT_YEAR = re.compile(r"\b(?:that|the (same|following|next|previous)) year\b", re.I)
def _month_number(text: str) -> int:
    """1-12 for the first month name in ``text`` (13 when there is none)."""
    m = _MONTH_DAY.search(text)
    return _month_of(m.group(0)[:3]) if m else 13


# a day of a month with no year: "31 August", "Aug. 31", "the 31st of August"
_BARE_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                       r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", re.I)
# a month with no day or year: "in July", "late July", "mid-July", "the end of July"
_BARE_MONTH = re.compile(r"^\W*(?:in\s+)?(?:(?:early|late|mid)[-\s]+|the\s+(?:beginning|start|middle|end)\s+of\s+)?"
                         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\W*$", re.I)
# the article tells a story of the past: "fifty years ago", "thirty years on", "on the 40th anniversary"
_LOOKING_BACK = re.compile(r"\b(?:years?|decades?|(?:a |half a )?century)\s+(?:ago|on|after)\b|\banniversary\b|"
                           r"\b(?:at|turns?)\s+(?:\w+y|\d+)\b(?=[:,.])", re.I)
# the time of the article itself: "on Tuesday", "yesterday", "this week" (a weekday not followed by its date)
_NOW = re.compile(r"\b(?:yesterday|tonight|tomorrow|this (?:week|month|year|summer|spring|autumn|fall|winter)|"
                  r"last (?:week|month)|"
                  r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?!,?\s+\d|,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|"
                  r"sep|oct|nov|dec)))\b", re.I)


def _retrospective(art: _Article) -> bool:
    """The article looks back at a story years old: its opening says so ("Fifty years ago
    today", "on the anniversary") and gives a year two or more before its own date."""
    if art.retrospective is None:
        years = [int(y) for y in _YEAR.findall(_lead(art))]
        old = art.anchor is not None and (any(y <= art.anchor.year - 2 for y in years) or _lead_ago_year(art) is not None)
        art.retrospective = bool(old and _LOOKING_BACK.search(_lead(art)))
    return art.retrospective


def _lead_looks_back(art: _Article) -> bool:
    """The article tells a life or a history: its opening is an obituary's ("died on Sunday",
    "dies at 75") or looks back ("fifty years ago", "anniversary"), and names a year two or more
    before its own."""
    lead = _lead(art)
    return art.anchor is not None and any(int(y) <= art.anchor.year - 2 for y in _YEAR.findall(lead)) \
        and (_OBITUARY.search(lead) is not None or _LOOKING_BACK.search(lead) is not None)


# an obituary's opening: "OBITUARY", "dies at 96", "died on Wednesday"
_OBITUARY = re.compile(r"\bobituary\b|\bdie[sd]\b|\bshot\s+dead\b|\bpassed\s+away\b"
                       r"|\b(?:he|she)\s+was\s+\d{2,3}(?:\s+years\s+old)?\s*\.|\bis\s+survived\s+by\b", re.I)


# a kicker or an opening of a piece about one life: "FEATURE", "PROFILE", "... was assassinated"
_PROFILE = re.compile(r"\bfeature\b|\bprofile\b|\bassassinat\w*|\bkilled\b", re.I)


def obituary_subject(sentences: list[Any]) -> str | None:
    """Whom an obituary (or a profile) is about: the person its headline names (after a kicker,
    "OBITUARY"), when its opening says it is one (a profile's headline names no one else)."""
    lead = " ".join(x.text for x in sentences if x.block <= 2)
    top = list(dict.fromkeys(m.key for x in sentences if x.block <= 1 for m in x.persons if m.key))
    if top and _OBITUARY.search(lead) or len(top) == 1 and _PROFILE.search(lead):
        return top[0]
    return None


def _lead(art: _Article) -> str:
    """The article's opening: its first three blocks."""
    return "\n".join(_doc_text(d) for d in art.docs[:3])


def _ago_years(art: _Article) -> list[int]:
    """The years the opening counts back to ("Fifty years ago today, ..."), read once."""
    if art.ago_years is None:
        art.ago_years = [got.year for _, _, text in find_date_expressions(_lead(art)) if "ago" in text.lower()
                         for got in [resolve_range(text, art.anchor, tense="past")[0]] if got is not None] \
            if art.anchor is not None else []
    return art.ago_years


def _lead_ago_year(art: _Article) -> int | None:
    """The year the opening counts back to ("Forty years ago today, ..."), two or more before the
    article's."""
    return next((y for y in _ago_years(art) if y <= art.anchor.year - 2), None)


def _story_of(art: _Article, year: int) -> bool:
    """The article looks back at a story of that year: its opening names it."""
    if not _retrospective(art):
        return False
    if str(year) in _YEAR.findall(_lead(art)):
        return True
    return year in _ago_years(art)   # "Fifty years ago today, A and B signed ...": the year it counts back to


def _story_year(context: str | None) -> int | None:
    """The year of the story the text before tells: the last year it gives, unless the
    article's own time ("on Tuesday", "this week") came after it."""
    if not context:
        return None
    years = list(_YEAR.finditer(context))
    if not years:
        return None
    now = [m for m in _NOW.finditer(context) if m.start() > years[-1].end()]
    return None if now else int(years[-1].group(1))


# a paragraph come back to the article's own time: "Six decades later, ...", "Today, ..." (its bare
# days are the article's year's)
_BACK_TO_NOW = re.compile(r"\b(?:years|decades|a\s+century)\s+(?:later|on)\b|\b(?:today|now|these\s+days)\b", re.I)
# "Earlier, on ...", "Later in Lima, on ...": no count of days or years before the word
_BARE_NARRATIVE = re.compile(r"^\W*(?:earlier|later)\b", re.I)
_NARRATIVE = re.compile(r"\b(?:earlier|later|afterwards|before that|the (?:next|following|previous) "
                        r"(?:day|week|month))\b", re.I)


def _predecessor_date(s: Sentence, char: int, tok: Any) -> bool:
    """The date at ``char`` is a predecessor's: inside "since Y in 1986", or right after a person
    that phrase names ("after A in June 2000 and B in October 2007") — unless the trigger ``tok``
    is itself told in that phrase ("since July 1987, when A flew to B")."""
    doc = s.span.doc
    for t in s.span:
        if t.left_edge.i <= tok.i <= t.right_edge.i:
            continue
        if t.dep_ == "prep" and t.lower_ == "since" and t.idx <= char < t.right_edge.idx + len(t.right_edge.text):
            # "the first since 1990": when a gap began; but "since March 1991, when A flew to B"
            # dates what the when-clause tells
            when = re.match(r"[\w ]*?,?\s+when\b", _doc_text(doc)[char:char + 30])
            if not (when and tok.idx > char):
                return True
        if t.dep_ == "prep" and t.lower_ in ("after", "following") \
                and t.idx <= char < t.right_edge.idx + len(t.right_edge.text) \
                and any(c.dep_ == "pobj" and c.lemma_.lower() in _EARLIER_TRIPS for c in t.children):
            return True   # "arrived on Saturday, after a tour in 1998, and held talks": the earlier trip's year
        if not _predecessor_phrase(s, t):
            continue
        if t.idx <= char < t.right_edge.idx + len(t.right_edge.text):
            return True
        for m in s.persons:
            if t.i < m.start and 0 <= char - (doc[m.end - 1].idx + len(doc[m.end - 1].text)) <= 5:
                return True
    return False


# journeys an "after" phrase tells as done before the event ("after a three-country swing in 2009")
_EARLIER_TRIPS = {"tour", "trip", "journey", "visit", "swing", "mission"}


def _predecessor_phrase(s: Sentence, t: Any) -> bool:
    """``t`` is "since" or "after" introducing a person ("the first ... since Y", "after Y and Z"):
    the phrase tells an earlier event of that person, not the trigger's."""
    if t.dep_ != "prep" or t.lower_ not in ("since", "after"):
        return False
    objs = [c for c in t.children if c.dep_ == "pobj"]
    return any(m.start <= o.i < m.end for o in objs for m in s.persons)


_GATHERING_TIME = {"run", "last", "hold", "convene", "open", "close", "end", "conclude", "begin", "start"}


# nouns a year before them dates ("the 1999 summer", "2004 elections" name things; these are times)
_DATE_NOUNS = {"year", "month", "week", "day", "season", "summer", "winter", "spring", "autumn", "fall", "session"}


def _year_of_a_noun(s: Sentence, char: int, tok: Any) -> bool:
    """The date at ``char`` is a bare year modifying a noun other than ``tok`` ("the 1965 war",
    "the 1967 borders"): a name for that thing, no date of an act."""
    t = next((t for t in s.span if t.idx <= char < t.idx + len(t.text) + 1), None)
    return t is not None and t.dep_ in ("nummod", "compound", "amod") and t.head.pos_ == "NOUN" \
        and t.head.i != tok.i and re.fullmatch(r"1[6-9]\d\d|20\d\d", t.text) is not None \
        and t.head.lemma_.lower() not in _DATE_NOUNS


_A_BOUND = re.compile(r"\b(?:after|since|until|till|before)\s+$", re.I)
# a bare year, not the start of a range nor the time a "when" clause tells ("since 2019, when ...")
_BARE_YEAR = re.compile(r"(?:1[6-9]|20)\d\d\b(?!\s*[-–])(?!\s*,\s*when\b)")


def _a_bound(s: Sentence, char: int) -> bool:
    """The date at ``char`` is a bare year after "after", "since", "until" or "before": a bound of
    a span ("the first to travel there after 2003"), no day of the act told."""
    text = _doc_text(s.span.doc)
    return _A_BOUND.search(text[max(0, char - 8):char]) is not None and _BARE_YEAR.match(text, char) is not None


def _in_own_clause(s: Sentence, tok: Any, char: int) -> bool:
    """The date at ``char`` belongs to a clause about something else than the trigger (a relative
    clause or participle on another noun: "a forum that Lima launched in May 2017"); a clause
    on the trigger itself ("the summit held in Russia last September") dates the trigger."""
    if _predecessor_date(s, char, tok):
        return True   # "the first to visit X since Y in 1986": Y's date
    if _year_of_a_noun(s, char, tok):
        return True   # "ending the 1965 war": the year names the war, it dates nothing the sentence does
    if _a_bound(s, char):
        return True   # "the first head of state to travel to X after 2003": a bound, not the day of the act
    t = next((t for t in s.span if t.idx <= char < t.idx + len(t.text) + 1), None)
    while t is not None and t.i != tok.i:
        if t.tag_ == "VBG" and t.dep_ == "acl" and t.head.dep_ in ("dobj", "obj") and t.head.head.i == tok.i:
            return False   # "signed a treaty reviving X on 30 November": the parser's attachment; the signing's day
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl") and t.head.i != tok.i \
                and not any(a.i == t.i for a in tok.ancestors):
            # "the summit in Niamey, which lasted three days": the parser hangs the clause on
            # the place, but only a gathering runs, lasts or is held
            return not (t.lemma_.lower() in _GATHERING_TIME and tok.left_edge.i <= t.head.i <= tok.right_edge.i)
        if t.pos_ in ("VERB", "AUX") and t.dep_ == "advcl" and not any(a.i == t.i for a in tok.ancestors) \
                and any(c.dep_ == "mark" and c.lower_ in ("since", "until", "before") for c in t.children):
            return True   # "the first meeting since A met B in January 1928"
        if t.pos_ in ("VERB", "AUX") and t.dep_ == "advcl" and not any(a.i == t.i for a in tok.ancestors) \
                and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas", "although", "though")
                        for c in t.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True   # "A was received by B, while C followed on Wednesday": another's day
        if t.pos_ == "VERB" and t.dep_ in ("advcl", "relcl") and not any(a.i == t.i for a in tok.ancestors) \
                and any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children) \
                and not (t.left_edge.i <= tok.i <= t.right_edge.i):
            return True   # "arrived in X from Y, where on 8 May he had attended ...": what came before
        if t.pos_ in ("VERB", "AUX") and t.dep_ == "xcomp" and t.head.lemma_.lower() in ASKED_LEMMAS \
                and not (t.head.left_edge.i <= tok.i <= t.head.right_edge.i):
            return True   # "held talks with A and invited B to come next spring": the invitation's time
        if t.pos_ == "VERB" and t.dep_ == "pcomp" and t.head.lower_ == "before" \
                and not any(a.i == t.i for a in tok.ancestors):
            return True   # "met A in Kyiv, before heading to Moscow on Thursday": the next leg's day
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _in_name(s: Sentence, m: Mention) -> bool:
    """The date is part of a treaty's name ("the Joint Declaration of September 2018")."""
    return any(t.start <= m.start < t.end for t in s.treaties)


def _own_date(art: _Article, s: Sentence, tok: Any, tense: str
              ) -> tuple[PartialDate | None, PartialDate | None]:
    """A date attached to the trigger: in its subtree, or just after it."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    end = tok.idx + len(tok.text)
    found: list[tuple[PartialDate, PartialDate | None]] = []
    counted: list[bool] = []
    for m in s.dates:
        if _in_name(s, m):
            continue
        between = [t for t in s.span if end <= t.idx < m.start]
        # (not past a relative word: "arrived in X from Y, where on 8 May he had ...")
        close = 0 <= m.start - end <= 70 and not any(
            t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in VISIT_NOUNS | SUMMIT_NOUNS
            or t.lower_ in ("where", "which", "who") for t in between)
        if lo <= m.start < hi and not close and _in_own_clause(s, tok, m.start):
            continue   # "a summit, the fourth round of a format launched in March 2019": another event's date
        if _predecessor_date(s, m.start, tok) or _a_bound(s, m.start):
            continue   # "the first since Y in 1986": Y's date; "the first to go there after 2003"
        if _counted_in(s, tok, m.start):
            continue   # "a two-day visit, his third this year": the count's span, not the visit's day
        if lo <= m.start < hi or close:
            got = _resolve_expr(art, m.text, tense, context=_text_before(art, s, m.start))
            if got[0] is not None:
                found.append(got)
                counted.append(bool(_COUNTED_ON.search(m.text)))
    if not found:
        return None, None
    if counted[0] and any(g[0].day is not None and not c for g, c in zip(found[1:], counted[1:])):
        # "A month later, on 22 March, ...": the day told, not the month counted on from before
        return next(g for g, c in zip(found[1:], counted[1:]) if g[0].day is not None and not c)
    # the first, or a later one that says the same more precisely ("thirty years ago, A met B
    # on 30 November 1985")
    first = found[0][0].isoformat()
    finer = [g for g in found[1:] if g[0].isoformat().startswith(first) and len(g[0].isoformat()) > len(first)]
    return finer[0] if finer else found[0]


# a time counted on from one told before: "a month later", "two days after"
_COUNTED_ON = re.compile(r"\b(?:later|after(?:wards)?|on)\s*$", re.I)


_COUNTS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "latest"}


def _counted_in(s: Sentence, tok: Any, at: int) -> bool:
    """The date sits in an apposition that counts the event ("his third this year")."""
    t = next((x for x in s.span if x.idx <= at < x.idx + len(x.text)), None)
    while t is not None and t.i != tok.i and t.head.i != t.i:
        if t.dep_ == "appos" and t.head.i == tok.i and t.lower_ in _COUNTS:
            return True
        t = t.head
    return False


def _before_article(art: _Article, d: PartialDate | None) -> bool:
    """Strictly before the article's date, at the coarser of the two precisions."""
    if d is None or art.article_date is None:
        return False
    a, b = d.isoformat(), art.article_date.isoformat()
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _not_after_article(art: _Article, d: PartialDate | None) -> bool:
    if d is None or art.article_date is None:
        return False
    a, b = d.isoformat(), art.article_date.isoformat()
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def _sentence_year(art: _Article, s: Sentence) -> int | None:
    years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", s.text)
    if years:
        return int(years[0])
    for d in s.dates:
        if re.search(r"\bago\b", d.text, re.I):
            # "A quarter of a century ago, A and B signed ...": the year it counts back to
            back = _resolve_expr(art, d.text, "past")[0]
            if back is not None:
                return back.year
    if not _PRESENT.search(s.text):
        # "On 28 May 1975 the leaders met in Lagos. Nigeria's head of state, X, ...": the year the
        # paragraph has just told, when this sentence tells no time of its own
        for prev in reversed(art.sentences[max(0, s.index - 2):s.index]):
            if prev.block != s.block:
                break
            # (not a year of the backstory: "after the last government had walked out in 2020",
            # "since 2016")
            told = [m.group(1) for m in re.finditer(r"\b(1[89]\d\d|20\d\d)\b", prev.text)
                    if not _BACKSTORY.search(prev.text[max(0, m.start() - 50):m.start()])]
            if told:
                return int(told[-1])
    return art.anchor.year if art.anchor is not None else None


# a year told as what came before the story: a past perfect ("had walked out in"), "since"
# ("the first visit ... since President B came to Kathmandu in 1996": a clause of "since")
_BACKSTORY = re.compile(r"\bhad\s+(?:\w+\s+){1,5}(?:in|on|by)\s+(?:\w+\s+)?$|\bsince\b[^.;,]{0,45}$", re.I)


# words that bring a sentence back to the time of writing
_PRESENT = re.compile(r"\b(?:today|now|currently|this\s+(?:week|month|year)|is|are|has|have)\b", re.I)


def _year_in(art: _Article, s: Sentence) -> PartialDate | None:
    """The latest-mentioned year of a sentence ("... in 1991, ... in 2000" -> 2000)."""
    for d in reversed(s.dates):
        got = _resolve_expr(art, d.text, "past", context=_text_before(art, s, d.start))[0]
        if got is not None:
            return PartialDate(got.year)
    return None


def _year_near(art: _Article, s: Sentence, m: Mention) -> PartialDate | None:
    """A year stated for the treaty: "formed in 2000", "signed in 1994" right after the mention."""
    after = _doc_text(s.span.doc)[m.end: m.end + 40]
    of_year = re.match(r"\s+of\s+(1[6-9]\d\d|20\d\d)\b", after)   # "the Karlskrona Agreement of 1974"
    if of_year:
        return PartialDate(int(of_year.group(1)))
    g = re.match(r"\s*(?:,\s*)?(?:which\s+was\s+|that\s+was\s+)?(?:formed|signed|concluded|agreed|"
                 r"adopted|reached|struck|inked|established)\s+in\s+(1[6-9]\d\d|20\d\d)\b", after)
    if g:
        return PartialDate(int(g.group(1)))
    # "a fisheries accord the two states signed in 2004 and a customs pact on ports and
    # shipping concluded in 1996": a clause of the mention's own, before the next treaty it names
    nxt = min((t.start for t in s.treaties if t.start >= m.end), default=s.span.end_char)
    own = _doc_text(s.span.doc)[m.end:min(nxt, m.end + 90)]
    g = _OWN_CLAUSE_YEAR.match(own)
    if g is None:
        return None
    m.extra["own_sign_at"] = m.end + g.start("verb")   # the clause's signing word, for its signing
    return PartialDate(int(g.group("year")))


# a relative clause or participle of a treaty's mention that gives its year, after a few words of
# its own ("that they signed in 2004", "on trade and culture concluded in 1998"); not "like the
# one signed in 1950" or "replacing the pact signed in 1950", which tell of another
_OWN_CLAUSE_YEAR = re.compile(
    r"(?:,?\s+(?!(?:one|ones|replac\w*|supersed\w*|succeed\w*|after|before|since|than|like|unlike|"
    r"treaty|treaties|accords?|pacts?|agreements?|conventions?|protocols?|charters?)\b)"
    r"[a-z][\w'-]*){1,7}?,?\s+(?P<verb>signed|concluded|inked|struck|initialled)\s+(?:in|back\s+in)\s+"
    r"(?P<year>1[6-9]\d\d|20\d\d)\b(?!\s*(?:-|–)\s*\d)")


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    x, y = a.isoformat(), b.isoformat()
    return x.startswith(y) or y.startswith(x)


def _during(first: PartialDate | None, last: PartialDate | None, day: PartialDate | None,
            days: int = 7) -> bool:
    """``day`` agrees with an event that began on ``first``: the same date at the coarser precision,
    or (all known to the day) a day of the span ``first``..``last``, or of the ``days`` after
    ``first`` when the end is not told ("arrived on 15 February ... signed on the 16th")."""
    if _dates_agree(first, day):
        return True
    if first is None or day is None or first.day is None or day.day is None:
        return False
    if last is not None and last.day is not None:
        return first <= day <= last
    a, b = first.to_date(), day.to_date()
    return 0 <= (b - a).days <= days


def _finer(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a.isoformat()) >= len(b.isoformat()) else b


def _within(day: Any, first: Any, last: Any) -> bool:
    """``day`` falls in the span ``first``..``last`` (all three known to the day)."""
    dates = (day, first, last)
    if any(d is None or d.day is None for d in dates):
        return False
    return first <= day <= last
