"""Leaders who put their names to a document together met: "A and B signed a joint declaration".

The signing of a treaty makes its meeting in :mod:`kg.extract.treaties`; this rule covers the
documents that are no treaty (a declaration, a joint statement, a communiqué, a road map), which
leaders of two or more states sign in one place, on one day: a summit the text reports.
"""

from __future__ import annotations

from typing import Any

from ..model import Evidence
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
    place = _place_for(s, sign, strict=True, governor=sign)
    ev = Event("Summit", signers, start, end, place,
               extra={"type": "Summit", "sent": s.index, "block": s.block})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)
