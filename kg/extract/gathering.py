"""The gathering a story is about, and the leaders the story places at it.

A report of a summit or conference of several states names its leaders in many ways after the
lead: "The guests included A, B and C", "Also present were D and E", "G, who landed that
morning, said ...". None of these says "summit" again; each says that the leader was there.
When the lead reports a gathering of leaders (a summit, conference or meeting of several states,
placed and dated), every head of state or government a later sentence of the same story places
there (a verb of coming, meeting, taking a seat or taking part, with no word of absence and no
other year) becomes a fragment of that gathering, joined to it when events are merged.
"""

from __future__ import annotations

import re

from ..model import Evidence, PartialDate
from .context import _Article, Event, Mention, Sentence
from .dating import _dates_agree, _resolve_dates
from .scene import _GATHERINGS, section_of
from .summits import stood_in_for

# the lead says several states' leaders gathered ("the rulers of six Gulf states", "heads of
# state and government", "leaders of the bloc", "hosted his counterparts")
_MANY_LEADERS = re.compile(r"\b(?:leaders|rulers|heads\s+of\s+(?:state|government)|presidents|prime\s+ministers|"
                           r"premiers|monarchs|kings|emirs|chiefs\s+of\s+state|counterparts)\b", re.I)
# a leader at the gathering: came, met, sat, spoke to it, took part, was among those present
_THERE = re.compile(r"\b(?:arriv\w*|came|coming|attend\w*|join\w*|welcom\w*|greet\w*|met|meets?|meeting|open(?:ed|ing|s)|"
                    r"chair\w*|co-chair\w*|host\w*|address\w*|told\s+(?:the|his|her|their|fellow)|spoke|speech|"
                    r"sign\w*|seat\w*|sat|represent\w*|led|took\s+part|taking\s+part|present|among|includ\w*|embrac\w*|"
                    r"shook|handshake|flew\s+in|landed|guests?|fellow|delegates|round\s+table|plenary)\b", re.I)
# ... but not one who stayed away, sent someone else, was there from afar, or will be there
_AWAY = re.compile(r"\b(?:boycott\w*|(?:pull|drop|back|bow)(?:ed|s)?\s+out|"
                   r"stay(?:ed|s)?\s+(?:away|home|at\s+home|behind)|absent|absence|did\s+not|didn't|not\s+attend\w*|sent\s+(?:a|an|his|her|its)\b|"
                   r"instead|by\s+video|virtually|observers?|declin\w*|skipp\w*|snubb\w*|not\s+invited|excluded|suspended|"
                   r"will|would|expected|scheduled|plans?\s+to|(?:is|are)\s+to|next|last\s+year|previous|former|the\s+late|"
                   r"(?:that|the\s+following|the\s+next)\s+year)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def main_gathering(art: _Article) -> Event | None:
    """The gathering of several states' leaders the story leads with: told in its first two body
    paragraphs, placed and dated, with a plural of leaders or three leaders or more in that
    sentence, or a name of its own."""
    # (the first two paragraphs of the story, not a kicker or a numbered heading above them)
    sizes: dict[int, int] = {}
    for x in art.sentences:
        if x.section == "body":
            sizes[x.block] = sizes.get(x.block, 0) + len(x.text)
    body = sorted(b for b, n in sizes.items() if n > 80)[:2]
    for ev in art.events:
        said = ev.evidence[0].sentence if ev.evidence else ""
        # ("X hosted his counterparts at Y on Friday": a gathering its host tells)
        hosted = ev.extra.get("trigger") == "host" and _MANY_LEADERS.search(said)
        if ev.kind != "Summit" or ev.extra.get("block") not in body or ev.extra.get("background") \
                or ev.extra.get("sidelines") or ev.extra.get("trigger") not in _GATHERINGS and not ev.extra.get("anchor") \
                and not hosted:
            continue
        if ev.place is None or (ev.start or ev.end) is None:
            continue
        # (or called a summit: a meeting of leaders, whoever the lead says came)
        if _MANY_LEADERS.search(said) or len(ev.participants) >= 3 or ev.extra.get("name") \
                or ev.extra.get("trigger") == "summit":
            return ev
        # "... at the opening of the bloc's 37th summit. X welcomed more than 30 heads of state":
        # the lead's next sentences say it gathered many leaders
        next_two = [x for x in art.sentences if x.block in body and x.section == "body"
                    and 0 < x.index - ev.extra.get("sent", 0) <= 2]
        after = " ".join(x.text for x in next_two)
        if ev.extra.get("trigger") in _GATHERINGS and _MANY_LEADERS.search(after):
            return ev
        # "X hosted a regional summit in Y on Tuesday. Attending were A's B, C's D and E's F": the
        # next sentence places three leaders or more there
        there = {m.key for x in next_two[:1] if _THERE.search(x.text) and not _AWAY.search(x.text)
                 for m in x.persons if m.key in art.leaders}
        if ev.extra.get("trigger") in _GATHERINGS and len(there) >= 3:
            return ev
    return None


def place_leaders(art: _Article) -> None:
    """Fragments of the main gathering for the leaders later sentences place at it."""
    main = main_gathering(art)
    if main is None:
        return
    year = (main.start or main.end).year
    where = art.state_of(main.place)
    if art.dateline_state and where and where != art.dateline_state:
        return   # (filed from another state: the gathering is not the scene the story tells)
    first = main.extra.get("sent", 0)
    other_year: set[int] = set()   # paragraphs that have named another year so far
    for s in art.sentences:
        if any(int(y) != year for y in _YEAR.findall(s.text)):
            other_year.add(s.block)
        if s.index < first or s.section != "body":
            continue
        # another year in the sentence or in its paragraph before it: another time's story
        # (a quotation's words are not the story's: "declared that both "will become members"")
        # (nor "Instead," that opens a sentence: a turn of the story, not someone sent instead)
        told = re.sub(r"^Instead,\s*", "", _QUOTED.sub(" ", s.text))
        if s.block in other_year or _AWAY.search(told) or not _THERE.search(told):
            continue
        if section_of(art, s.block) != section_of(art, main.extra.get("block", 0)):
            continue   # another story of a roundup
        if any(m.key != main.place and art.state_of(m.key) not in (None, where)
               and s.span.doc[m.end - 1].head.lower_ in ("in", "at") for m in s.places):
            continue   # "In Nadi today he met B": a story in another state (not "after a visit to Cairo")
        if any(st.key != where and s.span.doc[st.end - 1].head.lower_ in ("in", "at", "to") for st in s.states):
            continue   # "X ended his tour in Fiji": another state's story
        day = _resolve_dates(art, s, None, "past")[0] if s.dates else None
        if day is not None and day.day is not None and not _around(main, day):
            continue   # "today he met B", a week after the summit: another day's story
        people = [m.key for m in s.persons if m.key in art.leaders and m.key not in art.past_people
                  and m.key not in main.participants and not stood_in_for(s, m) and not _elsewhere(art, s, m, where)]
        for key in dict.fromkeys(people):
            _join(art, s, main, key)


_QUOTED = re.compile(r"[\"“][^\"”]{1,200}[\"”]")


def _elsewhere(art: _Article, s: Sentence, m: Mention, where: str | None) -> bool:
    """The person is named in a "where" clause on a place of another state: "came straight from
    Kyiv, where he had met B" (B was not at the gathering)."""
    doc = s.span.doc
    for a in doc[m.end - 1].ancestors:
        if a.dep_ == "relcl" and any(c.lower_ == "where" for c in a.children):
            place = next((p for p in [*s.places, *s.states] if p.start <= a.head.i < p.end), None)
            return place is not None and (art.state_of(place.key) or place.key) != where
    return False


def _around(main: Event, day: PartialDate) -> bool:
    """``day`` is one of the gathering's, or of the two days before it (arrivals: "who flew in
    last night") or the one after."""
    first = main.start or main.end
    if first is None or first.day is None:
        return _dates_agree(first, day)
    last = main.end or first
    return (first.to_date() - day.to_date()).days <= 2 and (day.to_date() - last.to_date()).days <= 1


def _join(art: _Article, s: Sentence, main: Event, key: str) -> None:
    ev = Event("Summit", [key], main.start, main.end, main.place,
               extra={"type": "Summit", "noun": True, "one": True, "takes_part": {key}, "of": id(main),
                      "sent": s.index, "block": s.block, "name": main.extra.get("name"),
                      "trigger": main.extra.get("trigger")})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)
