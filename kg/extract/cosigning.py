"""Leaders who put their names to a document, or watched a ceremony, together met ("A and B
signed a joint declaration", "A and B oversaw the signing of six agreements").

The signing of a treaty makes its meeting in :mod:`kg.extract.treaties`; this rule covers the documents that are no treaty (a declaration, a joint statement, a
communiqué, a road map), which leaders of two or more states sign in one place, on one day.
"""

from __future__ import annotations

from typing import Any

from ..model import Evidence
from .context import _Article, Event, Sentence
from .scene import _ended_talks, _place_for, _where_clause
from .modality import _event_status
from .treaty_mentions import _sign_token, _signing_date
from .signers import _signs

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


def _same_month(a: Any, b: Any) -> bool:
    """Two partial dates that may be the same event's: one unknown, or the same month."""
    if a is None or b is None:
        return True
    return a.year == b.year and (a.month is None or b.month is None or a.month == b.month)


# leaders who watched something together were there together: "A and B watched their ministers
# exchange the instruments", "A and B oversaw the signing of six agreements"
_WITNESS = {"watch", "oversee", "witness", "preside"}


def _subject_of(tok: Any, verb: Any) -> bool:
    """The token (a name's last) is the verb's subject, or coordinated with it ("A and B")."""
    t = tok
    while t.dep_ in ("compound", "flat", "appos") and t.head.i != t.i:
        t = t.head
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "nsubj" and t.head.i == verb.i


def _together(art: _Article, s: Sentence) -> tuple[Any, list[str]] | None:
    """(trigger, leaders) of a signing of a document or a ceremony watched together."""
    doc = s.span.doc
    sign = _sign_token(s)
    if sign is not None and sign.pos_ in ("VERB", "AUX"):
        doc_tok = _document(sign)
        if doc_tok is not None and not any(t.start <= doc_tok.idx < t.end for t in s.treaties):
            # (a treaty: its own rule makes the meeting)
            return sign, [p.key for p in s.persons if p.key in art.leaders and _signs(doc[p.end - 1], sign)]
    for t in s.span:
        if t.lemma_.lower() in _WITNESS and t.pos_ == "VERB":
            who = [p.key for p in s.persons if p.key in art.leaders and _subject_of(doc[p.end - 1], t)]
            if any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") for c in t.children):
                # "X was in Dhaka, where he and B watched ...": "he" is the one the sentence is about
                before = [p.key for p in s.persons if p.end <= t.i and p.key in art.leaders and p.key not in who]
                who = before[:1] + who
            return t, who
    return None


def cosigned(art: _Article, s: Sentence) -> None:
    """Two or more leaders of different states who signed a document, or watched a ceremony,
    together: their meeting."""
    got = _together(art, s)
    if got is None:
        return
    trig, signers = got
    signers = list(dict.fromkeys(signers))
    if len(signers) < 2 or len({st for p in signers for st in art.offices.get(p, ())}) < 2:
        return
    status, start, end = _event_status(art, s, trig, own_date_only=False)
    if status is not None:
        return
    if start is None:
        start, end = _signing_date(art, s, trig)
    if end is None:
        start, end = _ended_talks(s, start)   # "signed on Friday, after three days of talks"
    if any(e.kind == "Summit" and set(signers) <= set(e.participants) and _same_month(e.start, start)
           for e in art.events):
        return   # a declaration signed at a summit the article has told: that summit
    place = _place_for(s, trig, strict=True, governor=trig) or _where_clause(s, trig)
    if start is None and place is None and trig.lemma_.lower() in _WITNESS:
        # "A and B witnessed the signing": of the documents the sentences just before told signed
        told = {x.text for x in art.sentences[max(0, s.index - 2):s.index]}
        signed = [f for f in art.facts if f.subject.startswith("treaty/") and f.status is None
                  and f.evidence.sentence in told and f.predicate in ("signedOn", "signedAt")]
        start = next((f.obj for f in reversed(signed) if f.predicate == "signedOn"), None)
        place = next((f.obj.key for f in reversed(signed) if f.predicate == "signedAt"), None)
    ev = Event("Summit", signers, start, end, place,
               extra={"type": "Summit", "cosigned": True, "sent": s.index, "block": s.block})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)
