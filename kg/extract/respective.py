"""Offices given to two people at once, each in turn: "the presidents of Bolivia and Paraguay,
A and B", "the ministers of both countries, A and B", "Prime Ministers A and B". (States told
as adjectives, "the Chilean and Peruvian foreign ministers, A and B", are read by
:func:`kg.extract.offices._paired_titles`.)

The two states come from the phrase itself, in its order; or, when it names none ("of the two
countries", no "of" at all), from the story: the two states the sentences before coordinated
last ("Argentina and Uruguay signed an accord"). Where the rest of the article already gives one
of the two people a state of the pair, the other takes the other state, whatever the order.
"""

from __future__ import annotations

import re
from typing import Any

from .. import reference as ref
from .context import _Article, Sentence
from .lexicon import _TITLE_WORDS
from .names import _title_case
from .nlp import _doc_text
from .offices import _office_fact, _title_in

_PLURAL_HEADS = {"ministers", "presidents", "premiers", "chancellors", "kings", "emirs", "leaders"}
_OF_THE_TWO = re.compile(r"\s+of\s+(?:the two|both)\s+(?:countries|states|nations|governments|sides|neighbou?rs)$", re.I)
# ("their foreign ministers, A and B": the two the story has just told of)
_TWO_POSSESSIVE = re.compile(r"\b(?:the two|both)\s+(?:countries|states|nations|governments|sides|neighbou?rs)['’]$"
                             r"|\btheir$|\b(?:the two|both)$", re.I)   # (and "The two foreign ministers, A and B")
_OF_NAMED = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s+and\s+(?:the\s+)?"
                       r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*$")


def _pair_phrase(pre: str) -> tuple[int, str, str] | None:
    """(start of the phrase, its plural title, "named" | "two" | "bare") of the words before a
    pair of names, or None when they end in no plural title."""
    body = pre.rstrip(" ,")
    kind = "bare"
    m = _OF_THE_TWO.search(body) or _OF_NAMED.search(body)
    if m is not None:
        kind = "two" if _OF_THE_TWO.search(body) else "named"
        body = body[:m.start()]
    words = body.split()
    if not words:
        return None
    if " ".join(words[-3:]).lower() in ("heads of state", "heads of government"):
        n_title = 3
    elif words[-1].lower() in _PLURAL_HEADS:
        n_title = 1
        # the longest title the last words make ("prime ministers", "foreign ministers")
        for k in (3, 2):
            low = [w.lower() for w in words[-k:]]
            if len(words) >= k and _title_in(low)[0] == " ".join(low)[:-1]:
                n_title = k
                break
    else:
        return None
    title = " ".join(words[-n_title:])
    rest = " ".join(words[:-n_title])
    start = len(rest) + (1 if rest else 0)
    if kind == "bare" and _TWO_POSSESSIVE.search(rest):
        kind = "two"   # "the two countries' trade ministers, A and B"
    return start, title, kind


_LEADING = {"leaders", "heads of state", "heads of government"}


def _plural_title(words: list[str]) -> tuple[str | None, bool]:
    """The title a plural office names and whether it leads ("leaders", "heads of state": a
    leader, title unsaid)."""
    title, leads = _title_in(words)
    if words[-1] == "leaders" or " ".join(words).startswith("heads of"):
        title, leads = None, True
    return title, leads


def _give_offices(art: _Article, s: Sentence, pairs: list[tuple[str, str]], title: str | None, leads: bool) -> None:
    """Each (person, state) of ``pairs`` holds the office ``title`` names there."""
    for person, state in pairs:
        if title is not None:
            art.add(person, "title", _title_case(title), s)
        if leads:
            art.leader_titled.add(person)
        _office_fact(art, person, state, leads, s)


# a pair told with its plural office and no names: "The foreign ministers of Russia and Ukraine met"
_PAIR_TOLD = re.compile(r"^(?:The|Both)\s+(?P<title>(?:[a-z]+\s+){0,2}(?:ministers|presidents|premiers|leaders|"
                        r"heads\s+of\s+(?:state|government)))\s+of\s+(?:the\s+)?(?P<a>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)"
                        r"\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\b")


def _told_pair(art: _Article, s: Sentence, a: str, b: str, first: Any, before: list[Sentence]) -> None:
    """"The foreign ministers of A and B met on Monday. X and Y sat down ...": two people named
    at the head of the sentence right after one that told their offices, of two states, without
    names, each take their office in turn."""
    if not before or before[-1].block < s.block - 1 or before[-1].persons or first.i != s.span.start:
        return
    m = _PAIR_TOLD.match(before[-1].text)
    if m is None:
        return
    prev = before[-1]
    lo, hi = prev.span.start_char + m.start("a"), prev.span.start_char + m.end("b")
    pair = list(dict.fromkeys(st.key for st in prev.states if lo <= prev.span.doc[st.start].idx < hi))
    if len(pair) != 2:
        return
    title, leads = _plural_title(m.group("title").lower().split())
    if title is None and not leads:
        return
    for person, state in ((a, pair[0]), (b, pair[1])):
        known = _states_of(art, person)
        if known and state not in known:
            return
    _give_offices(art, s, [(a, pair[0]), (b, pair[1])], title, leads)


def _story_pair(art: _Article, before: list[Sentence]) -> list[str]:
    """The two states the story coordinated last ("A and B signed ..."), in their order."""
    for prev in reversed(before[-4:]):
        doc = prev.span.doc
        keys = [m.key for m in prev.states]
        order = list(dict.fromkeys(keys))
        if len(order) != 2:
            continue
        first = next(m for m in prev.states if m.key == order[0])
        second = next(m for m in prev.states if m.key == order[1])
        between = doc[first.end:second.start].text.strip().lower()
        if between in ("and", "and the"):
            return order
    for prev in reversed(before[-2:]):
        # "Russian President A and Turkish President B met ... The defence ministers of the two
        # countries, C and D,": the states of the two people the sentence before named
        order = list(dict.fromkeys(st for m in prev.persons if len(art.offices.get(m.key, ())) == 1
                                   for st in art.offices[m.key]))
        if len(order) == 2:
            return order
    return []


def _states_of(art: _Article, person: str) -> set[str]:
    """The states the article gives the person an office of, else those of the reference data's
    terms of office."""
    known = set(art.offices.get(person, set()))
    if not known:
        label = art.people.get(person, {}).get("label")
        known = {f"state/{ref.slugify(r.state)}" for r in (ref.roles_of(label) if label else [])}
    return known


def respective_offices(art: _Article, s: Sentence, before: list[Sentence]) -> None:
    doc = s.span.doc
    persons = sorted(s.persons, key=lambda m: m.start)
    for a, b in zip(persons, persons[1:]):
        if a.key == b.key or doc[a.end:b.start].text.strip(" ,") != "and":
            continue
        if b.end < len(doc) and doc[b.end].lower_ == "of":
            continue   # "A and B of X": the other rules read it
        first = a.start
        while first < a.end - 1 and (doc[first].lower_ in _PLURAL_HEADS or doc[first].lower_ in _TITLE_WORDS):
            first += 1   # "[Prime Ministers] A": a title the name's span took in
        lo = max(s.span.start_char, doc[a.start].idx - 120)
        pre = _doc_text(doc)[lo:doc[first].idx]
        got = _pair_phrase(pre)
        if got is None:
            _told_pair(art, s, a.key, b.key, doc[first], before)
            continue
        at, plural, kind = got
        words = plural.lower().split()
        title, leads = _title_in(words)
        if plural.lower() in _LEADING or words[-1] == "leaders":
            title, leads = None, True
        if title is None and not leads:
            continue
        phrase_at = lo + at
        inside = [st.key for st in s.states if phrase_at <= doc[st.start].idx < doc[first].idx]
        pair = list(dict.fromkeys(inside))
        if kind == "named":
            if len(pair) != 2:
                continue
        elif pair:
            continue   # a state in the phrase, but not two: another construction
        else:
            pair = _story_pair(art, before)
            if len(pair) != 2:
                continue
            known_a, known_b = _states_of(art, a.key), _states_of(art, b.key)
            if known_a & set(pair[1:]) or known_b & set(pair[:1]):
                pair = pair[::-1]   # the article or the reference data tells which is which
            elif kind == "bare" and not (known_a & set(pair[:1]) or known_b & set(pair[1:])):
                continue   # "Presidents A and B" with nothing to say which is which
        for person, state in ((a.key, pair[0]), (b.key, pair[1])):
            known = _states_of(art, person)
            if known and state not in known:
                break   # the article gives one of them another state: not this reading
        else:
            _give_offices(art, s, [(a.key, pair[0]), (b.key, pair[1])], title, leads)



# the plural office before a list of states: "the prime ministers of", "the heads of state of"
_LIST_TITLE = re.compile(r"\b(?P<title>(?:[a-z]+\s+){0,2}(?:ministers|presidents|premiers|chancellors|leaders|"
                         r"heads\s+of\s+(?:state|government)))\s+of\s+(?:the\s+)?$")
_LIST_SEPARATORS = ("-", "\u2013", "\u2014", "(", ":", ",")


def _run(items: list[Any], doc: Any, first: int) -> list[Any]:
    """The items from ``items[first]`` on that make one list ("A, B, C and D")."""
    out = [items[first]]
    for nxt in items[first + 1:]:
        if doc[out[-1].end:nxt.start].text.strip(" ,") not in ("", "and") or nxt.start <= out[-1].end - 1:
            break
        out.append(nxt)
    return out


def respective_lists(art: _Article, s: Sentence) -> None:
    """"The prime ministers of A, B, C and D - W, X, Y and Z -": each of a list of people holds the
    office in the state at the same place of the list of states before them (as many of each; two
    after a comma are :func:`respective_offices`'s)."""
    doc = s.span.doc
    states = sorted(s.states, key=lambda m: m.start)
    persons = sorted(s.persons, key=lambda m: m.start)
    i = 0
    while i < len(states):
        run = _run(states, doc, i)
        i += len(run)
        if len({m.key for m in run}) != len(run) or len(run) < 2:
            continue
        m = _LIST_TITLE.search(_doc_text(doc)[max(s.span.start_char, doc[run[0].start].idx - 60):doc[run[0].start].idx])
        sep = doc[run[-1].end] if run[-1].end < s.span.end else None
        if m is None or sep is None or sep.text not in _LIST_SEPARATORS or len(run) == 2 and sep.text == ",":
            continue
        at = next((k for k, p in enumerate(persons) if p.start == sep.i + 1), None)
        people = _run(persons, doc, at) if at is not None else []
        if len(people) != len(run) or len({p.key for p in people}) != len(people):
            continue
        title, leads = _plural_title(m.group("title").lower().split())
        if title is None and not leads:
            continue
        pairs = [(p.key, st.key) for p, st in zip(people, run)]
        if any(_states_of(art, p) and st not in _states_of(art, p) for p, st in pairs):
            continue   # the article gives one of them another state: not this reading
        _give_offices(art, s, pairs, title, leads)
