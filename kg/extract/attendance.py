"""Leaders who join a gathering the story has just told, in a sentence of their own: "A and B
also attended", "C took part", "D, the host, urged ...". Each becomes a fragment of that
gathering (its time, place and name), which the merge of events joins to it."""

from __future__ import annotations

import re
from typing import Any

from .context import _Article, Event, Sentence
from .scene import _news_of_the_day
from .summits import _REMOTE
from ..model import Evidence, PartialDate

# verbs of taking part that need no object: the gathering is the one just told
_ATTEND = {"attend", "join"}
# a role in apposition to a leader's name ("D, the host, said")
_ROLES = {"host", "chair", "chairman", "chairwoman", "chairperson", "co-chair"}


def _told(art: _Article, s: Sentence) -> Event | None:
    """The gathering told in this sentence or the four before (this paragraph or the one before),
    dated or placed."""
    told = [e for e in art.events if e.kind == "Summit" and e.extra.get("block") in (s.block, s.block - 1)
            and 0 <= s.index - e.extra.get("sent", -99) <= 4 and (e.start or e.end or e.place) is not None
            and not e.extra.get("background") and (e.extra.get("anchor") or len(e.participants) >= 2
                                                   or e.extra.get("one") or e.extra.get("trigger") == "host"
                                                   # ("Tuesday brought the summit of X, with A presiding")
                                                   or e.extra.get("trigger") in ("summit", "conference"))]
    return told[-1] if told else None


# how one took part, not in what: "attended in person", "joined in full"
_MANNER = {"person", "full", "turn", "force", "absentia"}


def _manner(c: Any) -> bool:
    return c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ in _MANNER for g in c.children)


def _at_the_gathering(c: Any) -> bool:
    """"at the summit", "at his last summit": the gathering itself, no other thing attended."""
    return c.dep_ == "prep" and c.lower_ in ("at", "in") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in ("summit", "meeting", "conference", "gathering") for g in c.children)


def _attends(tok: Any) -> bool:
    """``tok`` is "attended" or "joined" with no object (or "joined him in ..."), or "took part" with no "in"."""
    lem = tok.lemma_.lower()
    if lem == "join" and any(c.dep_ in ("dobj", "obj") and c.lower_ in ("him", "her", "them") for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
        return True   # "B, C and D joined him in adopting X": the one who hosted it
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "prep", "xcomp", "ccomp") and not _manner(c)
            and not _at_the_gathering(c)]
    if lem in _ATTEND:
        return not objs
    if lem == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" and not any(c.children) for c in tok.children) \
            and not any(c.dep_ == "prep" for c in tok.children)
    return False


def _attended_by(tok: Any) -> bool:
    """The name is the agent of a passive "attended": "It (the summit) was attended by A, B and C"."""
    by = tok.head
    if by.lower_ != "by" or by.dep_ not in ("agent", "prep"):
        return False
    verb = by.head
    return verb.lemma_.lower() in _ATTEND and any(c.dep_ == "auxpass" for c in verb.children) \
        and any(c.dep_ == "nsubjpass" and c.lower_ in ("it", "summit", "meeting", "conference", "gathering", "talks")
                for c in verb.children)


# a sentence that seats people at the gathering just told: "Around the table with A: B, C and D",
# "Also present were B and C", "Joining them were D and E", "Taking part were F and G"
_SEATED = re.compile(r"^(?:(?:Around|Round|At)\s+the\s+(?:table|summit\s+table)\b"
                     r"|(?:Also\s+(?:present|there|attending|taking\s+part)|Joining\s+(?:him|her|them)|Present"
                     r"|Taking\s+part|Attending|Participating|In\s+attendance)\s+(?:were|was)\b)")


def attendance(art: _Article, s: Sentence) -> None:
    doc = s.span.doc
    joined: list[str] = []
    hosts: set[str] = set()
    if _SEATED.match(s.text):
        joined = [p.key for p in s.persons if p.key in art.leaders or p.key in art.leader_titled]
    for p in s.persons:
        if p.key not in art.leaders and p.key not in art.leader_titled:
            continue
        head = doc[p.end - 1]
        rest = next((t.i for t in doc[p.end:s.span.end] if t.is_punct), s.span.end)
        if _REMOTE.search(doc[p.end:rest].text):
            continue   # "..., while D joined by video link": not there in person, however parsed
        first = head
        while first.dep_ in ("conj", "appos") and first.head.pos_ in ("PROPN", "NOUN") and first.head.i != first.i:
            first = first.head   # "A and B attended": B hangs on A (or on one the parser took for A's apposition)
        verb = first.head if first.dep_ == "nsubj" else None
        if verb is not None and verb.pos_ == "VERB" and _attends(verb) \
                and not any(c.dep_ == "neg" for c in verb.children):   # ("did not attend either")
            joined.append(p.key)
            continue
        if any(c.dep_ == "appos" and c.lemma_.lower() in _ROLES for c in head.children) \
                or head.dep_ == "appos" and head.head.lemma_.lower() in _ROLES and head.head.i < head.i:
            # ("The host, Brazilian President A, handed over ...")
            hosts.add(p.key)
            joined.append(p.key)   # "D, the host, urged the junta to step aside"
            continue
        if _attended_by(first):
            joined.append(p.key)   # "It was attended by A, B and C": the gathering just told
    if not joined:
        return
    told = _told(art, s)
    if told is None or told.extra.get("sent") == s.index:
        return
    where = art.state_of(told.place) if told.place else None
    # (the host of a gathering is of the state it is held in: not the talks told in another one)
    joined = [k for k in joined if k not in hosts or where is None or where in art.offices.get(k, {where})]
    if not joined:
        return
    people = list(dict.fromkeys(joined))
    ev = Event("Summit", people, told.start, told.end, told.place,
               extra={"type": "Summit", "noun": True, "one": True, "takes_part": set(people),
                      "sent": s.index, "block": s.block, "name": told.extra.get("name"),
                      "trigger": told.extra.get("trigger"),
                      # (joined to that gathering when events are merged, whoever it has named so far)
                      "of": told.extra.get("of", id(told))})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)


# ways of being at a signing without signing it: "C watched", "D witnessed it", "E presided",
# "F attended as a witness", "G was also there", "H was present"
_LOOKED_ON = {"watch", "witness", "preside", "attend"}
# "C and D watched the signing", "... the ceremony": the signing the story told
_THE_SIGNING = re.compile(r"\bthe\s+(?:signing|ceremony)\b", re.I)


def _looks_on(verb: Any) -> bool:
    lem = verb.lemma_.lower()
    return lem in _LOOKED_ON or lem == "be" and any(
        c.lower_ in ("there", "present") and c.dep_ in ("advmod", "acomp") for c in verb.children)


def signing_witnesses(art: _Article, s: Sentence) -> None:
    """Leaders told at a signing just told ("A and B signed X in Y on Monday. C, D and E watched",
    "... were also there"): they and the leaders who signed met there, that day."""
    # (the signing told in the sentences just before; further back, in the story, when this one
    # names it: "C and D watched the signing")
    back = 8 if _THE_SIGNING.search(s.text) else 4
    near = {x.text for x in art.sentences[max(0, s.index - back):s.index]
            if x.block >= s.block - (3 if back == 8 else 0)}
    signings = [f for f in art.facts if f.predicate == "signedOn" and isinstance(f.obj, PartialDate)
                and f.obj.day and f.status is None and f.subject.startswith("treaty/")]
    told = [f for f in signings if f.evidence.sentence in near]
    if not told and back == 8:
        # ("C and D watched the signing" paragraphs after it: the one signing of the news of the day)
        today = [f for f in signings if _news_of_the_day(art, f.obj)]
        told = today if len({f.subject for f in today}) == 1 else []
    if told and any(x.dates for x in art.sentences[:s.index + 1] if x.block == s.block) and not any(
            x.text == told[-1].evidence.sentence for x in art.sentences if x.block == s.block):
        return   # (a paragraph that dates its own occasion: not the signing an earlier one told)
    if not told:
        return
    key, day = told[-1].subject, told[-1].obj
    doc = s.span.doc
    here: list[str] = []
    for p in s.persons:
        if p.key not in art.leaders and p.key not in art.leader_titled:
            continue
        t = next((x for x in doc[p.start:p.end] if not p.start <= x.head.i < p.end or x.head.i == x.i), doc[p.end - 1])
        while t.dep_ in ("conj", "appos", "compound", "nmod") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ in ("alongside", "beside") and t.head.head.pos_ in ("VERB", "AUX"):
            t = next((c for c in t.head.head.children if c.dep_ == "nsubj"), t)   # "C watched alongside D"
        verb = t.head if t.dep_ in ("nsubj", "nsubjpass") else None
        if verb is not None and verb.pos_ in ("VERB", "AUX") and _looks_on(verb):
            here.append(p.key)
    if not here:
        return
    signers = [f.obj.key for f in art.facts if f.subject == key and f.predicate == "signatory"
               and (f.obj.key in art.leaders or f.obj.key in art.leader_titled)]
    people = list(dict.fromkeys(signers + here))
    if len(people) < 2:
        return
    place = next((f.obj.key for f in art.facts if f.subject == key and f.predicate == "signedAt"), None)
    ev = Event("Summit", people, day, None, place,
               extra={"type": "Summit", "treaty": key, "sent": s.index, "block": s.block})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)
