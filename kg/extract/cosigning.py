"""Meetings told by a signing.

:func:`cosigned`: leaders who put their names to a document together met ("A and B signed a
joint declaration"). The signing of a treaty makes its meeting in :mod:`kg.extract.treaties`;
this rule covers the documents that are no treaty (a declaration, a joint statement, a
communiqué, a road map), which leaders of two or more states sign in one place, on one day.

:func:`since_arrival`: a meeting known only by the day of its signing began when a signer came
to the place for it ("X arrived in Y on Tuesday ... On Wednesday, X and Z signed ... in Y").
"""

from __future__ import annotations

import re
from typing import Any

from .. import reference as ref
from ..model import Evidence, PartialDate
from .context import _Article, Event, Sentence
from .events import _ended_talks, _place_for
from .modality import _event_status
from .treaties import _sign_token, _signing_date, _signs

# what leaders sign together that is not a treaty
_DOCUMENTS = {"declaration", "statement", "communique", "communiqué", "roadmap", "map", "plan",
              "memorandum", "document", "documents", "text", "texts", "declarations", "statements"}


def _document(sign: Any) -> Any | None:
    """The document the signing word takes, when it is one of :data:`_DOCUMENTS`."""
    for c in sign.children:
        if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _DOCUMENTS | {"name", "signature"}:
            if c.lemma_.lower() in ("name", "signature"):   # "put their names to a declaration"
                to = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "to"), None) \
                    or next((p for p in sign.children if p.dep_ == "prep" and p.lower_ == "to"), None)
                obj = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
                return obj if obj is not None and obj.lemma_.lower() in _DOCUMENTS else None
            return c
    return None


def _same_time(a: Any, b: Any) -> bool:
    """Two partial dates that may be the same event's: one unknown, or the same month."""
    if a is None or b is None:
        return True
    return a.year == b.year and (a.month is None or b.month is None or a.month == b.month)


def cosigned(art: _Article, s: Sentence) -> None:
    """Two or more leaders of different states who signed a document together: their meeting."""
    sign = _sign_token(s)
    if sign is None or sign.pos_ not in ("VERB", "AUX"):
        return
    doc_tok = _document(sign)
    if doc_tok is None:
        return
    if any(t.start <= doc_tok.idx < t.end for t in s.treaties):
        return   # a treaty: its own rule makes the meeting
    doc = s.span.doc
    signers = [p.key for p in s.persons if p.key in art.leaders and _signs(doc[p.end - 1], sign)]
    signers = list(dict.fromkeys(signers))
    if len(signers) < 2 or len({st for p in signers for st in art.offices.get(p, ())}) < 2:
        return
    status, start, end = _event_status(art, s, sign, own_date_only=False)
    if status is not None:
        return
    if start is None:
        start, end = _signing_date(art, s, sign)
    if end is None:
        start, end = _ended_talks(s, start)   # "signed on Friday, after three days of talks"
    if any(e.kind == "Summit" and set(signers) <= set(e.participants) and _same_time(e.start, start)
           for e in art.events):
        return   # a declaration signed at a summit the article has told: that summit
    place = _place_for(s, sign, strict=True, governor=sign)
    ev = Event("Summit", signers, start, end, place,
               extra={"type": "Summit", "cosigned": True, "sent": s.index, "block": s.block})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)


_TALKS = re.compile(r"\b(?:talks|meetings?|negotiations|discussions|round)\b", re.I)


def _unknown_place(art: _Article, key: str) -> bool:
    """A place the reference data does not know: a building or a quarter of the town visited."""
    ent = art.entities.get(key)
    return key.startswith("place/") and ent is not None and ref.lookup_place(ent.label) is None


def since_arrival(art: _Article) -> None:
    """A meeting dated by its signing alone starts on the day, at most six days before, a signer
    arrived where it was held (or anywhere, when the signing names no place: there it was held);
    the signing's day is its last."""
    import datetime as dt
    for e in art.events:
        if e.kind != "Summit" or e.status is not None or e.end is not None or e.start is None \
                or e.start.day is None or not (e.extra.get("treaty") or e.extra.get("cosigned")):
            continue
        if any(_TALKS.search(ev.sentence) for ev in e.evidence):
            continue   # "signed on Wednesday after talks": the talks' day is the one told
        day = dt.date(e.start.year, e.start.month or 1, e.start.day)
        for v in art.events:
            if v.kind != "Visit" or v.status is not None or v.start is None or v.start.day is None \
                    or not (e.place is None or v.destination == e.place or _unknown_place(art, e.place)) \
                    or not set(v.participants) & set(e.participants):
                continue
            came = dt.date(v.start.year, v.start.month or 1, v.start.day)
            if 0 < (day - came).days <= 6:
                e.start, e.end = v.start, PartialDate(day.year, day.month, day.day)
                e.place = e.place or v.destination
                break
