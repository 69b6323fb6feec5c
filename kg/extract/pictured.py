"""Leaders a photo caption shows together at a place: "A and B in X on 2 July", "A with B at the
Y Palace in Z" — a caption names no verb for the meeting its picture shows."""

from __future__ import annotations

import re
from typing import Any

from ..model import Evidence
from .context import _Article, Event, Sentence
from .dating import _resolve_dates

# what joins the people of a caption: "A and B", "A (left) with B"
_JOINED = {"and", "with", "&"}
# an archive picture: "A and B in X (file photo)"
_FILE_PHOTO = re.compile(r"\bfile\s+(?:photo|picture|image)\b", re.I)


def _caption_clause(s: Sentence) -> Any:
    """The caption's words up to its first comma, dash or semicolon (what follows is comment:
    "..., the day the leader proposed a truce")."""
    doc = s.span.doc
    end = next((t.i for t in s.span if t.text in (",", ";", "—", "–", ":") and t.i > s.span.start), s.span.end)
    return doc[s.span.start:end]


def pictured_meetings(art: _Article, s: Sentence) -> None:
    """A caption whose first clause has no verb and names two people or more, joined by "and" or
    "with", and a place after "in" or "at": those people met there (on the date it gives)."""
    if s.section != "caption" or len(s.persons) < 2:
        return
    clause = _caption_clause(s)
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in clause):
        return   # ("A shakes hands with B": the verbs' own rules read it)
    people = [m for m in s.persons if clause.start <= m.start and m.end <= clause.end]
    if len({m.key for m in people}) < 2:
        return
    doc = s.span.doc
    between = [doc[i] for a, b in zip(people, people[1:]) for i in range(a.end, b.start)]
    if not any(t.lower_ in _JOINED for t in between) \
            or any(t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in _JOINED for t in between):
        return
    after = people[-1].end
    place = next((m.key for m in s.places if after <= m.start < clause.end and m.start > 0
                  and any(doc[i].lower_ in ("in", "at") for i in range(after, m.start))), None)
    if place is None:
        return
    start, end = _resolve_dates(art, s, None, "past")
    if start is None and _FILE_PHOTO.search(s.text):
        return   # an old picture, of a meeting the caption does not date
    ev = Event("Summit", list(dict.fromkeys(m.key for m in people)), start, end, place,
               extra={"type": "Summit", "noun": False, "in_state": None, "one": False, "takes_part": set(),
                      "background": False, "before_story": False, "sent": s.index, "block": s.block,
                      "borrowed_date": False, "name": None, "trigger": "caption", "sidelines": False,
                      "apart": None, "separate": False})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)
