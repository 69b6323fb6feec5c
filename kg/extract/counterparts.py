"""One treaty per counterpart: "A signed security agreements with B and C" tells two treaties,
A's with B and A's with C (not one treaty of three parties).

The counterparts may be states ("with Kenya and Tanzania") or office-holders ("with
Chancellor X of Germany and President Y of France"): then each also signed the one with their
state. The signer is the signing's subject: a state, or an office-holder of one state.
"""

from __future__ import annotations

from typing import Any

from ..model import Ref
from .context import Mention, Sentence, _Article
from .mentions import says_here
from .modality import _has_past_evidence, _is_speculative
from .scene import _news_of_the_day, _place_for
from .treaty_mentions import (
    _sign_token,
    _signing_date,
    _treaty_entity,
    _treaty_key,
    chained_subject,
)

# plural heads that count documents, one per counterpart
_HEADS = {"agreement", "accord", "treaty", "pact", "deal", "convention", "protocol"}


def _holder(art: _Article, s: Sentence, tok: Any) -> tuple[str, str | None] | None:
    """(state, person or None) a token of the sentence stands for: a state's mention, or the
    mention of someone who holds an office of exactly one state."""
    st = next((m for m in s.states if m.start <= tok.i < m.end), None)
    if st is not None:
        return st.key, None
    p = next((m for m in s.persons if m.start <= tok.i < m.end), None)
    if p is not None and len(art.offices.get(p.key, ())) == 1:
        return next(iter(art.offices[p.key])), p.key
    # "Chancellor X of Germany" (the name a compound of the title), "Kenya's President, X" (the
    # name in apposition), "Kenya's president": the name, else the state that owns the title
    for dep in (("compound", "appos"), ("poss",)):
        for c in tok.children:
            if c.dep_ in dep:
                got = _holder(art, s, c)
                if got is not None:
                    return got
    return None


def _signer(art: _Article, s: Sentence, sign: Any) -> tuple[str, str | None] | None:
    """The signing's subject, as (state, person or None)."""
    for t in s.span:
        if t.dep_ == "nsubj" and (t.head.i == sign.i or chained_subject(t, sign)):
            # ("A and B signed agreements with C and D": who signed with whom is not told)
            return None if t.conjuncts else _holder(art, s, t)
    return None


def per_counterpart(art: _Article, s: Sentence) -> None:
    """"A signed [kind] agreements with B and C": a treaty of A and B and one of A and C, each
    dated and placed by the signing, each signed by A's signer and the counterpart's."""
    sign = _sign_token(s)
    if sign is None or sign.pos_ != "VERB" or sign.lemma_.lower() not in ("sign", "conclude", "ink") \
            or _is_speculative(sign) or any(c.dep_ == "neg" for c in sign.children) \
            or not (sign.tag_ == "VBD" or _has_past_evidence(sign)):
        return
    obj = next((c for c in sign.children if c.dep_ in ("dobj", "obj") and c.tag_ == "NNS"
                and c.lemma_.lower() in _HEADS), None)
    if obj is None:
        return
    prep = next((c for c in [*sign.children, *obj.children] if c.dep_ == "prep" and c.lower_ == "with"), None)
    first = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if first is None:
        return
    mine = _signer(art, s, sign)
    if mine is None:
        return
    others: dict[str, str | None] = {}
    for tok in [first, *first.conjuncts]:
        got = _holder(art, s, tok)
        if got is not None and got[0] != mine[0]:
            others.setdefault(got[0], got[1])
    if len(others) < 2:
        return
    mods = [t.lower_ for t in obj.children if t.dep_ in ("compound", "amod") and t.is_alpha
            and t.lower_ not in ("bilateral", "separate", "new", "several", "two", "three")]
    day = _signing_date(art, s, sign)[0]
    place = _place_for(s, sign, strict=True, governor=sign)
    if place is None and art.dateline_place and (says_here(s.text) or _news_of_the_day(art, day)):
        place = art.place(art.dateline_place)   # "signed here", or the day's news: where it was filed
    for state, person in others.items():
        m = Mention("treaty", obj.text, obj.idx, obj.idx + len(obj.text),
                    extra={"kind": "generic", "year": None, "head": obj.lemma_.lower(), "of": None, "about": None,
                           "mods": mods, "det": "a", "named_parties": [mine[0], state]})
        got = _treaty_key(art, m, s, None)
        if got is None:
            continue
        key, label = got[0], got[1]
        _treaty_entity(art, key, label, m)
        s.treaty_keys.append(key)
        art.treaty_labels.setdefault(key, label)
        for p in (mine[0], state):
            art.add(key, "party", Ref(p), s)
        for k in (mine[1], person):
            if k is not None:
                art.add(key, "signatory", Ref(k), s)
        if day is not None or got[2] is not None:
            art.add(key, "signedOn", day or got[2], s)   # (else the year the mention was read with)
        if place is not None:
            art.add(key, "signedAt", Ref(place), s)
