"""Meetings told in words the parser reads without a verb: leaders a photo caption shows together at
a place ("A and B in X on 2 July", "A with B at the Y Palace in Z"), and a headline's "A and B meet
in X", whose verb the tagger takes for a noun."""

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
    _meeting(art, s, list(dict.fromkeys(m.key for m in people)), start, end, place, "caption")


def _meeting(art: _Article, s: Sentence, people: list[str], start: Any, end: Any, place: str | None,
             trigger: str) -> None:
    """A meeting of ``people`` that the sentence shows without a verb the rules read."""
    ev = Event("Summit", people, start, end, place,
               extra={"type": "Summit", "noun": False, "in_state": None, "one": False, "takes_part": set(),
                      "background": False, "before_story": False, "sent": s.index, "block": s.block,
                      "borrowed_date": False, "name": None, "trigger": trigger, "sidelines": False,
                      "apart": None, "separate": False})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)


# a headline's verb of meeting right after the pair ("A and B meet", "A and B hold talks in X")
_HEADLINE_MEET = re.compile(r"\s*(?:meet|hold\s+(?:talks|summit)|talk|confer|sit\s+down)\b", re.I)
# what makes it still to come: "A and B meet next week", "A and B meet to sign ... on Friday"
_TO_COME = re.compile(r"\b(?:next|tomorrow|later\s+this|this\s+(?:coming|weekend)|will|soon|again)\b", re.I)


def headline_meetings(art: _Article, s: Sentence) -> None:
    """A headline "A and B meet at Y", "A and B hold talks in X": two leaders, joined by "and" and
    followed by the verb, met (there; the body gives the day, else it stays undated). The tagger
    reads a headline's "meet" as a noun, so the verb rules do not see it."""
    if s.section != "headline" or len(s.persons) < 2:
        return
    doc = s.span.doc
    a, b = s.persons[0], s.persons[1]
    if a.key == b.key or [t.lower_ for t in doc[a.end:b.start]] != ["and"]:
        return
    if not all(k in art.leaders or k in art.leader_titled for k in (a.key, b.key)):
        return   # ("the foreign ministers A and B meet": no summit)
    rest = s.raw[doc[b.end - 1].idx + len(doc[b.end - 1]) - s.span.start_char:]
    meet = _HEADLINE_MEET.match(rest)
    if meet is None or _TO_COME.search(rest):
        return
    if any(e.kind == "Summit" and e.extra.get("sent") == s.index and {a.key, b.key} <= set(e.participants)
           for e in art.events):
        return   # (read already)
    # (nor the plan the noun "talks" made of it, with no tense the parser could read)
    art.events = [e for e in art.events if not (e.kind == "Plan" and e.extra.get("sent") == s.index
                                                and set(e.participants) <= {a.key, b.key})]
    place = next((m.key for m in s.places if m.start >= b.end
                  and any(doc[i].lower_ in ("in", "at") for i in range(b.end, m.start))), None)
    _meeting(art, s, [a.key, b.key], None, None, place, "headline")
