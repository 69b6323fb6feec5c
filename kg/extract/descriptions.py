"""Descriptions that point back to people already named: "the Tanzanian leader", "her Kenyan
counterpart", "the Indian and Pakistani prime ministers", "Cuba's president".

Run after offices are known (who leads or serves which state in this article): each description
becomes a person mention of the one person the article gives that office, so the event rules
read it like a name. A description that fits nobody, or more than one person, is left alone.
"""

from __future__ import annotations

import re
from typing import Any

from .context import Mention, Sentence, _Article
from .offices import _holds_title, _office_fact

# a leader's office said in general words, or a title
_LEADER_NOUNS = {"leader": None, "leaders": None, "president": "president", "presidents": "president",
                 "prime minister": "prime minister", "prime ministers": "prime minister",
                 "premier": "premier", "premiers": "premier", "chancellor": "chancellor",
                 "head of state": None, "heads of state": None, "head of government": None,
                 "king": "king", "emir": "emir", "counterpart": None, "counterparts": None,
                 "host": None}
_OFFICIAL_NOUNS = {"foreign minister": "foreign minister", "foreign ministers": "foreign minister"}
_NOUNS = sorted({**_LEADER_NOUNS, **_OFFICIAL_NOUNS}, key=len, reverse=True)
_DESC = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:\d+-year-old\s+|veteran\s+|ageing\s+|aging\s+)?"
                   r"((?:[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s*(?:,\s*|\s+and\s+)?){1,3})\s*((?i:"
                   + "|".join(re.escape(n) for n in _NOUNS) + r"))\b(?!\s+[A-Z])")
_POSSESSIVE = re.compile(r"\b([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+(" + "|".join(re.escape(n) for n in _NOUNS)
                         + r")\b(?![\s,]+[A-Z])")


def _holder(art: _Article, state: str, noun: str, s: Sentence | None = None) -> str | None:
    """The one person this article gives the office ``noun`` of ``state``; of several, the one
    the reference data has in office in the year the sentence or its paragraph tells ("the
    Chinese President" of a 2019 visit, not the president whose 1996 visit the story recalls)."""
    title = {**_LEADER_NOUNS, **_OFFICIAL_NOUNS}[noun]
    leader = noun in _LEADER_NOUNS
    def titled(p: str) -> bool:   # no title in the text: a leader by the reference data fits
        return _holds_title(art, p, title + "s") or not any(
            f.subject == p and f.predicate == "title" for f in art.facts)
    cands = [p for p, states in art.offices.items() if state in states
             and (p in art.leaders if leader else p not in art.leaders)
             and (title is None or titled(p))]
    if len(cands) > 1 and s is not None:
        # (the year the sentence or its paragraph tells, else the story's); only when the
        # reference data has terms for each of them (someone it has none for is not ruled out)
        from .dating import _sentence_year

        year = _sentence_year(art, s)
        terms = {p: art.in_office(p, state, year) for p in cands}
        if None not in terms.values() and sum(terms.values()) == 1:
            cands = [p for p in cands if terms[p]]
    return cands[0] if len(cands) == 1 else None


# a title in apposition after a name: "A, then Kyrgyzstan's president", "B, the Kenyan leader"
_APPOSED = re.compile(r",\s*(?:then|now|later|at\s+the\s+time|the\s+then)?\s*$")


def _token_before_comma(s: Sentence, char: int) -> int:
    """The index of the last token before the comma that ends before ``char`` (-1 if none)."""
    comma = next((t for t in reversed(s.span) if t.idx < char and t.text == ","), None)
    return comma.i - 1 if comma is not None else -1


# "the President", "the King": the title alone, capitalised as in readouts and statements
# (or in lower case, as news writes it: "the chancellor", "the president"), also after the
# honorific of Commonwealth readouts ("the Rt. Hon. Prime Minister")
_HONOURABLE = r"(?:Rt\.?|Right)\s+Hon(?:\.|ourable|orable)?\s+"
BARE_TITLES = ("president", "prime minister", "king", "queen", "emir", "chancellor", "premier", "sultan", "shah",
               "emperor", "crown prince")
_BARE = re.compile(r"\b[Tt]he\s+(?:" + _HONOURABLE + r")?((?i:" + "|".join(BARE_TITLES) + r"))\b"
                   r"(?!\s+(?:of\b|[A-Z]))(?!['’])(?!-)")


# the title with no article at all, capitalised, no name after it
_NO_ARTICLE = re.compile(r"\b(President|Prime Minister|Chancellor|Premier|Emir|Sultan|King|Queen)\b"
                         r"(?!\s+(?:of\b|[A-Z]))(?!['’-])")
_BEFORE_A_TITLE = {"the", "a", "an", "his", "her", "its", "their", "former", "then", "vice", "deputy", "acting",
                   "late", "new", "outgoing", "incoming", "this", "that", "our", "your", "as"}


def _stands_alone(tok: Any) -> bool:
    """The title stands for a person: nothing before it that makes it a description or part of a
    longer title ("the President", "Indian Prime Minister", "Deputy Prime Minister")."""
    if tok.i == tok.sent.start:
        return True
    prev = tok.doc[tok.i - 1]
    if prev.lower_ in _BEFORE_A_TITLE or prev.text[:1].isupper() or prev.pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM"):
        return False
    return prev.text not in ("'s", "’s")


def _sole_titled(art: _Article, title: str, sent_index: int) -> str | None:
    """The person "the President" means: the one the article gives that title, named before the
    sentence; of several, the one the story opens with (readouts call their protagonist "the
    Prime Minister" throughout, whoever else holds the title), else the one named just before."""
    holders = {f.subject for f in art.facts if f.predicate == "title" and str(f.obj).lower() == title.lower()}
    named = [(i, k) for i, k in art.person_order if i < sent_index and k in holders]
    if not named:
        return None
    if len({k for _, k in named}) == 1:
        return named[0][1]
    first_i, first = named[0]
    if art.person_order[0][1] == first:
        return first
    # else the one of them named in the last two sentences ("... after President B ended a state
    # visit. Then the President and the Prime Minister talked": the latest), else one named at the top
    last_i = max(i for i, _ in named)
    recent = {k for i, k in named if i == last_i}
    if last_i >= sent_index - 2 and len(recent) == 1:
        return recent.pop()
    return first if first_i <= 2 else None


def _officeless_just_before(art: _Article, s: Sentence) -> str | None:
    """The one person the sentence before names who holds no office in the article (of several, none)."""
    named = {k for i, k in art.person_order if i == s.index - 1}
    if not named or any(i == s.index for i, _ in art.person_order):
        return None   # (a sentence naming people of its own speaks of them)
    free = [k for k in named if not art.offices.get(k)]
    return free[0] if len(free) == 1 and len(named) >= 1 else None


def resolve_descriptions(art: _Article, s: Sentence) -> None:
    """Add a person mention for each description in the sentence that fits exactly one person."""
    from .. import link
    from .. import reference as ref

    text = s.raw
    base = s.span.start_char
    taken = {i for m in s.persons for i in range(m.start, m.end)}
    for rx in (_DESC, _POSSESSIVE):
        for m in rx.finditer(text):
            words = re.split(r"\s*,\s*|\s+and\s+", m.group(1).strip(" ,"))
            states = []
            for w in words:
                st = link.state_of_word(w)
                if st is None:
                    states = []
                    break
                states.append(f"state/{ref.slugify(st)}")
            if not states:
                continue
            start_char, end_char = base + m.start(2), base + m.end(2)
            toks = [t for t in s.span if start_char <= t.idx < end_char]
            if not toks or any(t.i in taken for t in toks):
                continue
            if _APPOSED.search(text[:m.start()]) and any(p.end == _token_before_comma(s, base + m.start()) + 1
                                                         for p in s.persons):
                continue   # "A, then Kyrgyzstan's president": A's title, told of A (offices read it)
            named = next((p.key for p in s.persons if p.start == toks[-1].i + 2), None) \
                if toks[-1].i + 1 < s.span.end and s.span.doc[toks[-1].i + 1].text == "," else None
            for st in dict.fromkeys(states):
                # ("his Jordanian counterpart, A": the one the name that follows names)
                who = named if named is not None and len(states) == 1 else _holder(art, st, m.group(2).lower(), s)
                if who is None and len(states) == 1 and m.group(2).lower() in ("leader", "president", "prime minister"):
                    # "A and B embraced. 'We ...,' the aged Chinese leader said later": the one
                    # named just before whom the article gives no office yet
                    who = _officeless_just_before(art, s)
                    if who is not None:
                        _office_fact(art, who, st, True, s)
                if who is None:
                    continue
                s.persons.append(Mention("person", m.group(0), toks[0].i, toks[-1].i + 1, who,
                                         extra={"description": True}))
    for m in _NO_ARTICLE.finditer(text):
        # "Prime Minister arrived in Male": readouts name their protagonist by the title alone
        start_char, end_char = base + m.start(1), base + m.end(1)
        toks = [t for t in s.span if start_char <= t.idx < end_char]
        if not toks or any(t.i in taken for t in toks) or not _stands_alone(toks[0]):
            continue
        who = _sole_titled(art, m.group(1), s.index)
        if who is not None:
            s.persons.append(Mention("person", m.group(0), toks[0].i, toks[-1].i + 1, who,
                                     extra={"description": True}))
    for m in _BARE.finditer(text):
        hon = re.search(_HONOURABLE + "$", text[:m.start(1)])   # (the mention takes the courtesy in)
        start_char, end_char = base + (hon.start() if hon else m.start(1)), base + m.end(1)
        toks = [t for t in s.span if start_char <= t.idx < end_char]
        if not toks or any(t.i in taken for t in toks):
            continue
        who = _sole_titled(art, m.group(1), s.index)
        if who is not None:
            s.persons.append(Mention("person", m.group(0), toks[0].i, toks[-1].i + 1, who,
                                     extra={"description": True}))
    s.persons.sort(key=lambda m: m.start)
