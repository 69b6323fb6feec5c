"""Roles in time: for each office the article states (``leaderOf``/``officialOf`` with the
title the same sentence gives) and each office it names as a past one ("former President X"),
what the sentence says about when it was held.

Read off the sentence around the person's name (a pure function of the text; nothing here
changes which ``leaderOf``/``officialOf``/``title`` facts are emitted):

- "former", "ex-", "then-", "onetime", "erstwhile": held before the article's date, not at it;
- "outgoing", "newly elected", "newly appointed": held at the article's date (the cue is kept);
- "took office in May 2018", "sworn in on 7 May 2018", "assumed office", "came to power in": a start;
- "served as ... from 1998 to 2004", "(1998-2004)" after the name: a start and an end; an end
  before the article's date makes the office a past one;
- "left office in", "stepped down in", "resigned in": an end.

kg/rdf.py writes each :class:`~kg.model.RoleAttestation` as a qualified role and its
attestation (ontology/kg.ttl, ``kg:Role``).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Evidence, Fact, PartialDate, Ref, RoleAttestation

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "May 2018", "7 May 2018", "May 7, 2018", "2018"
_DATE = (rf"(?:(?:\d{{1,2}}\s+)?{_MON}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{4}})")

# a cue, then the title words up to the name: "the then-Foreign Minister", "Russia's former president"
_CUED = re.compile(r"(?<![\w-])(?P<cue>former|ex-|then-|then|onetime|one-time|erstwhile|outgoing|"
                   r"newly[- ]elected|newly[- ]appointed)[\s-]*(?P<mid>(?:[\w'’.-]+\s+){0,6})$", re.I)
_PAST_WORDS = {"former", "ex", "then", "onetime", "one time", "erstwhile"}
# words that end a title: the cue then belongs to something else ("He then met President X")
_NOT_TITLE = {"met", "said", "told", "and", "with", "to", "by", "when", "as", "who", "was", "is", "had", "has",
              "will", "would", "called", "urged", "visited", "spoke", "held", "said", "that", "his", "her", "their"}
_START = re.compile(rf"\b(?:took office|was sworn in|sworn in|assumed office|assumed the (?:presidency|post|office)|"
                    rf"came to power|has been in office since|in office since|has served since)"
                    rf"(?:\s+(?:in|on))?\s+(?P<d>{_DATE})", re.I)
_SPAN = re.compile(rf"\b(?:served|was|ruled|governed|led)\b[^.;]{{0,80}}?\bfrom\s+(?P<a>{_DATE})\s+"
                   rf"(?:to|until|till|through)\s+(?P<b>{_DATE})", re.I)
# "X, who served as Colombia's defence minister from 1998 to 2004,": an office told with its term
_SERVED_AS = re.compile(r"^,?\s*(?:who|having)\s+(?:had\s+)?(?:served|was)\s+as\s+(?P<rest>[^,;]{1,60}?)\s+from\s+",
                        re.I)
_PAREN_SPAN = re.compile(r"^\s*\((?P<a>\d{4})\s*[-–]\s*(?P<b>\d{4})\)")
_END = re.compile(rf"\b(?:left office|stepped down|resigned|was ousted|was removed from office)"
                  rf"(?:\s+(?:in|on))?\s+(?P<d>{_DATE})", re.I)


def parse_date(text: str) -> PartialDate | None:
    """A date as the texts give one: "2018", "May 2018", "7 May 2018", "May 7, 2018".

    >>> [str(parse_date(t)) for t in ("May 7, 2018", "7 May 2018", "May 2018", "1998")]
    ['2018-05-07', '2018-05-07', '2018-05', '1998']
    """
    words = re.findall(r"[A-Za-z]+|\d+", text)
    year = next((int(w) for w in words if len(w) == 4 and w.isdigit()), None)
    if year is None:
        return None
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), None)
    try:
        return PartialDate(year, month, day if month else None)
    except ValueError:
        return PartialDate(year, month)


_Reading = tuple[str, "PartialDate | None", "PartialDate | None", "str | None"]


def read(before: str, after: str, article_date: PartialDate | None) -> _Reading:
    """What a sentence says of an office's time: ``(held, start, end, cue)``.

    ``before``: the text before the person's name back to the title (or the sentence's
    start), ``after``: the rest of the sentence. ``held``: ``"on"`` (at the article's date)
    or ``"before"`` (a past office).

    >>> read("Russia's then-President ", " met the press.", PartialDate(2009))
    ('before', None, None, 'then')
    >>> read("Foreign Minister ", ", who took office in May 2018, said", PartialDate(2019, 3, 1))
    ('on', PartialDate(year=2018, month=5, day=None), None, 'took office')
    >>> read("", ", who served as president from 1998 to 2004, said", PartialDate(2009))[:3]
    ('before', PartialDate(year=1998, month=None, day=None), PartialDate(year=2004, month=None, day=None))
    """
    held, start, end, cue = "on", None, None, None
    m = _CUED.search(before)
    if m and m.group("cue").lower() == "then" and re.search(r"\b(?:since|until|till|and|but|by)\s*$",
                                                           before[:m.start()], re.I):
        m = None   # "since then President X": the story's "then"
    if m and not set(re.findall(r"[a-z]+", m.group("mid"))) & _NOT_TITLE:
        word = re.sub(r"[- ]+", " ", m.group("cue").lower()).strip()
        if word in _PAST_WORDS:
            held, cue = "before", word
        else:
            cue = word
    after = _attached(after)
    if m := _PAREN_SPAN.match(after):
        start, end, cue = parse_date(m.group("a")), parse_date(m.group("b")), "served"
    elif m := _SPAN.search(after):
        start, end, cue = parse_date(m.group("a")), parse_date(m.group("b")), "served"
    else:
        if m := _START.search(after):
            start, cue = parse_date(m.group("d")), cue or "took office"
        if m := _END.search(after):
            end, cue = parse_date(m.group("d")), cue or "left office"
    if end is not None and article_date is not None and _before(end, article_date):
        held = "before"
    return held, start, end, cue


# what follows a name and speaks of that person: "(1998-2004)", ", who took office in May 2018,",
# " took office on 7 May 2018" (a comma inside a date, "May 7, 2018", does not end it)
_ATTACHED = re.compile(r"^\s*\(\d{4}\s*[-–]\s*\d{4}\)|^\s*,\s*(?:who|having)\b[^,;()]*(?:,\s*\d{4}\b[^,;()]*)*"
                       r"|^\s+(?:who\s+)?(?:took|was|has|had|assumed|came|served|left|stepped|resigned)\b"
                       r"[^,;()]*(?:,\s*\d{4}\b[^,;()]*)*", re.I)


def _attached(after: str) -> str:
    """The part of the rest of a sentence that speaks of the person just named ("" if none):
    a term in brackets, a relative clause, or the verb phrase the person is the subject of;
    not a clause about someone named later ("X met Y, who took office in 2018")."""
    m = _ATTACHED.match(after)
    return m.group(0) if m else ""


def _before(a: PartialDate, b: PartialDate) -> bool:
    """``a`` ends before ``b`` begins, on their common precision."""
    n = min(len(a.isoformat()), len(b.isoformat()))
    return a.isoformat()[:n] < b.isoformat()[:n]


def _name_at(sentence: str, names: list[str]) -> tuple[int, int] | None:
    """Where the person is named in the sentence: the earliest of their names, longest first."""
    best = None
    for n in sorted(names, key=len, reverse=True):
        if not n:
            continue
        m = re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sentence)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best


def _title_window(before: str) -> str:
    """The text before a name that may hold its title and cue: back to the last clause break."""
    cut = max(before.rfind(c) for c in (";", "(", '"', "“", "—"))
    return before[cut + 1:][-90:]


def roles(art: Any, facts: list[Fact]) -> list[RoleAttestation]:
    """The roles the article attests: one per office fact (person, state, the title the same
    sentence gives), with what the sentence says of its time; and the past offices it names
    ("former Russian President X"), which have no office fact."""
    from .names import _title_case
    from .offices import _title_in

    titles: dict[tuple[str, str], str] = {}
    all_titles: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "title" and isinstance(f.obj, str) and f.evidence.sentence:
            titles.setdefault((f.subject, f.evidence.sentence), f.obj)
            all_titles.setdefault(f.subject, set()).add(f.obj)
    out: dict[RoleAttestation, None] = {}
    seen: set[tuple[str, str]] = set()
    for f in facts:
        if f.predicate not in ("leaderOf", "officialOf") or not isinstance(f.obj, Ref) \
                or not f.evidence.sentence or f.evidence.section == "reference":
            continue
        person, state, sent = f.subject, f.obj.key, f.evidence.sentence
        title = titles.get((person, sent))
        if title is None and len(all_titles.get(person, ())) == 1:
            title = next(iter(all_titles[person]))
        held, start, end, cue = _read_in(art, person, sent)
        out[RoleAttestation(person, state, title, f.predicate == "leaderOf", f.evidence,
                            held, start, end, cue)] = None
        seen.add((person, sent))
    # past offices with no office fact: "former Russian President X", "X, a former foreign minister of Y,"
    for s in getattr(art, "sentences", []):
        for pm in s.persons:
            if pm.key is None or (pm.key, s.text) in seen or pm.key not in art.people:
                continue
            doc = s.span.doc
            at = doc[pm.start].idx - s.span.start_char - (len(s.raw) - len(s.raw.lstrip()))
            end_at = doc[pm.end - 1].idx + len(doc[pm.end - 1].text) - s.span.start_char \
                - (len(s.raw) - len(s.raw.lstrip()))
            before = _title_window(s.text[:max(at, 0)])
            after = s.text[end_at:]
            m = re.search(r"\b(former|ex-|onetime|erstwhile)\s*(?P<rest>[^,]*)$", before, re.I)
            served = _SERVED_AS.match(after)
            if m:
                words, lo, hi, cue = m.group("rest"), at - len(before), at, m.group(1).lower().rstrip("-")
            elif served:
                words, lo, hi, cue = served.group("rest"), end_at, end_at + served.end("rest"), "served"
            else:
                continue
            title, leads = _title_in(re.sub(r"['’]s\b", "", words.lower()).split())
            if title is None:
                continue
            state = next((st.key for st in s.states if st.key
                          and lo <= doc[st.start].idx - s.span.start_char <= hi), None)
            if state is None:
                continue
            held, start, end, _cue = read("", after, art.article_date)
            out[RoleAttestation(pm.key, art.state(state), _title_case(title), leads,
                                Evidence(s.text, s.section), "before" if m else held, start, end, cue)] = None
            seen.add((pm.key, s.text))
    return list(out)


def _read_in(art: Any, person: str, sentence: str) -> _Reading:
    rec = art.people.get(person, {})
    names = [rec.get("label", ""), *rec.get("alts", ())]
    names += [n.split()[-1] for n in names if n and len(n.split()) > 1]   # "Putin" after "Vladimir Putin"
    at = _name_at(sentence, names)
    if at is None:
        return "on", None, None, None
    return read(_title_window(sentence[:at[0]]), sentence[at[1]:], art.article_date)


__all__ = ["parse_date", "read", "roles"]
