"""Summits and visits: trigger words (nouns and verbs), their participants, place,
destination, dates and status, collected as events of the article."""

from __future__ import annotations

import re
from typing import Any, Iterator

from .. import reference as ref
from ..model import Evidence, PartialDate
from .lexicon import GROUP_OF, LIGHT_VERBS, SUMMIT_NOUNS, SUMMIT_VERBS, VISIT_NOUNS, VISIT_VERBS
from .nlp import _doc_text, _columns, _governed_by
from .mentions import _subject_person as _sentence_subject, says_here
from .context import _Article, Event, Mention, _persons_by_token, Sentence
from .dating import (
    _dates_agree, _in_own_clause, _predecessor_phrase, _resolve_dates, _resolve_expr, _sentence_year, _text_before, _within,
)
from .modality import _TRAVEL, _event_status, _is_speculative
from .offices import _holds_title


def _place_for(s: Sentence, near: Any | None, *, strict: bool = False, governor: Any | None = None) -> str | None:
    """A place of the sentence, preferring one introduced by 'in' or 'at' (only those if strict);
    with ``governor``, only a place that word governs ("signed ... in Santiago", not "officials in X said")."""
    doc = s.span.doc
    best = None
    for m in s.places:
        if any(t.start <= doc[m.start].idx < t.end for t in s.treaties):
            continue   # "the Treaty on ... in the Timor Sea": part of a name, not where anything happened
        if governor is not None and not _governed_by(doc[m.end - 1], governor) \
                and not (governor.dep_ == "ROOT" or governor.head.dep_ == "ROOT"
                         and not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in governor.children)):
            continue
        if governor is not None and _in_clause_on_noun(doc[m.end - 1], governor) and not _town_of_the_act(s, m, governor):
            continue   # "signed a pact fixing the line in the X Gulf": where the line runs, not the signing
        prevtok = doc[m.start - 1] if m.start > 0 else None
        if prevtok is not None and prevtok.lower_ in ("the",) and m.start > 1:
            prevtok = doc[m.start - 2]
        if prevtok is not None and prevtok.lower_ in ("in", "at"):
            return m.key
        if not strict:
            best = best or m.key
    return best


def _town_of_the_act(s: Sentence, m: Mention, governor: Any) -> bool:
    """A town in the participle clause on the act's object ("signed a pact creating a joint force
    in Yaounde"): the parser's attachment of where the act took place (a sea or a region there is
    what the clause is about)."""
    p = ref.lookup_place(s.span.doc[m.start:m.end].text)
    if p is None or p.kind not in ("capital", "city"):
        return False
    t = s.span.doc[m.end - 1]
    up = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return up is not None and up.tag_ == "VBG" and up.dep_ == "acl" and up.head.dep_ in ("dobj", "obj") \
        and up.head.head.i == governor.i


def _in_clause_on_noun(tok: Any, governor: Any) -> bool:
    """``tok`` stands in a participle or relative clause on a noun the ``governor`` governs, or in
    a clause of its own under it ("after troops put down a coup in X, A and B signed ...")."""
    for t in tok.ancestors:
        if t.i == governor.i:
            return False
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("acl", "relcl") and any(a.i == governor.i for a in t.ancestors):
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("advcl", "pcomp") and any(a.i == governor.i for a in t.ancestors) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True
    return False


def _trigger_tokens(s: Sentence, nouns: set[str], verbs: set[str]) -> Iterator[tuple[Any, str]]:
    """(token, lower-case lemma) for the sentence's tokens whose lemma is one of ``nouns`` or
    ``verbs`` (read from the lemma column: no Token object for the others)."""
    doc, lemmas = s.span.doc, _columns(s.span.doc).lemma
    for i in range(s.span.start, s.span.end):
        if lemmas[i] in nouns or lemmas[i] in verbs:
            yield doc[i], lemmas[i]


_GOES_ON = re.compile(r"\b(?:then|afterwards|later|shortly after|subsequently|next)\b", re.I)
_LATER_ON = re.compile(r"(?:Later|Afterwards|Subsequently|Then)\b(?!\s+(?:that|this|in|on)\b)")


_GROUP_OF = re.compile(r"\b(" + GROUP_OF + r")\s*$")


def _summit_name(tok: Any) -> str | None:
    """The name a summit noun carries ("the G20 summit", "the 18th SAARC summit"): its
    capitalised modifiers, which identify one gathering across sentences."""
    if tok.lemma_.lower() not in _GATHERINGS:
        return None
    group = _GROUP_OF.search(tok.doc[max(0, tok.i - 4):tok.i].text)
    if group:
        return f"{group.group(1)} {tok.lemma_.lower()}"   # "the Group of 20 summit" (the parser reads "Group of (20 summit)")
    # an organisation's own ("SADC's first summit"), not a state's or a person's
    mods = [c for c in tok.lefts if (c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                                     or c.dep_ == "poss" and c.ent_type_ == "ORG" and not c.ent_id_)
            and c.text[:1].isupper() and c.pos_ in ("PROPN", "ADJ", "NOUN")]
    words = [t.text for m in mods for t in m.subtree if t.text[:1].isupper() or re.fullmatch(r"\d+(?:st|nd|rd|th)", t.text)]
    if words and all(re.fullmatch(r"\d+(?:st|nd|rd|th)", w) for w in words):
        return None   # "the 18th summit": no name
    return " ".join(words + [tok.lemma_.lower()]) if words else None


def _named_for_place(s: Sentence, tok: Any) -> str | None:
    """The city a gathering is named after ("the Accra conference", "the Lusaka summit"): where
    it was held."""
    for m in s.places:
        last = s.span.doc[m.end - 1]
        if m.end == tok.i and last.head.i == tok.i and last.dep_ in ("compound", "nmod", "amod"):
            return m.key
    return None


# a conference that is not a gathering of leaders: one held for the press, or over a line
_NOT_GATHERING = {"news", "press", "video", "tele", "phone", "telephone"}


def _not_a_gathering(tok: Any) -> bool:
    return any(c.lower_ in _NOT_GATHERING for c in tok.lefts) \
        or tok.i > 0 and tok.doc[tok.i - 1].lower_ in _NOT_GATHERING


# verbs that tell a meeting with a particle: "brought A and B together", "sat down with B"
_TOGETHER = {"bring", "sit", "get", "come", "shake"}


def _meets_together(tok: Any, lem: str) -> bool:
    parts = {c.lower_ for c in tok.children if c.dep_ in ("advmod", "prt", "prep")}
    if "together" in parts:
        return lem in ("bring", "get", "come", "sit")   # ("the three sat down together")
    if lem == "shake":   # "A and B shook hands at the border post": they met there
        return any(c.dep_ in ("dobj", "obj") and c.lower_ == "hands" for c in tok.children)
    return lem == "sit" and "down" in parts and ("with" in parts or "together" in parts)


def _summits(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    for tok, lem in _trigger_tokens(s, SUMMIT_NOUNS, SUMMIT_VERBS | _TOGETHER):
        is_noun = tok.pos_ in ("NOUN", "PROPN") and lem in SUMMIT_NOUNS
        if lem == "talk" and tok.lower_ != "talks":
            continue   # "talks" between sides; "a talk" is a lecture
        if lem == "conference" and _not_a_gathering(tok):
            continue   # "a news conference", "by video conference": no gathering of leaders
        is_verb = tok.pos_ == "VERB" and (lem in SUMMIT_VERBS or lem in _TOGETHER and _meets_together(tok, lem))
        if not (is_noun or is_verb):
            continue
        participants = _participants(art, s, tok)
        if len(participants) < 1:
            _anchor(art, s, tok, lem, is_noun)
            continue
        status, start, end = _event_status(art, s, tok, own_date_only=False)
        if is_noun and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _JOURNEYS:
            # "went on to Quito on Monday for talks with A, then to B on Wednesday": the day
            # of the journey made for them
            j_status, j_start, j_end = _event_status(art, s, tok.head.head, own_date_only=True)
            if j_start is not None:
                status, start, end = j_status, j_start, j_end
        # its own place first ("since A met B in Havana"), else the sentence's
        place = (_named_for_place(s, tok) if is_noun else None) or _place_for(s, tok, strict=True, governor=tok) \
            or _where_clause(s, tok) or (None if _background(tok) else _place_for(s, tok, strict=True))
        if is_noun and status is None and start is not None and end is None:
            start, end = _closing_day(s, tok, start)
        if status is None and start is not None and start.day is not None and end is None:
            start, end = _days_of_talks(s, start)   # "three days of talks that ended on Saturday"
        told = _told_before(art, s, tok, is_noun, status, start, place)
        if told is not None and re.search(r"\b(?:sidelines|margins|fringes)\s+of\b", s.text, re.I) \
                and not _on_its_sidelines(tok):
            told = None   # "A met B on the margins of the X summit": a meeting of their own
        if told is not None:
            # "That summit was hosted by X": the gathering the sentences before told, with its
            # time, place and name
            if told.start is not None or told.end is not None:
                start, end = told.start, told.end
            place = told.place
        if place is None and tok.pos_ == "VERB" and tok.lemma_.lower() == "host":
            for c in tok.children:
                if c.dep_ == "nsubj":
                    place = next((m.key for m in s.places if m.start <= c.i < m.end), None)
        in_state = None
        for m in s.states:
            before = s.span.doc[m.start - 1] if m.start > 0 else None
            if before is not None and before.lower_ in ("in", "at") and _governed_by(s.span.doc[m.start], tok) \
                    or (before is not None and before.lower_ == "in" and before.head.tag_ == "VBN"
                        and before.head.head.i == tok.i):
                in_state = m.key
        borrowed = False   # the date is the story's, not the sentence's own
        # the story just told: this paragraph, or the ones before when the sentence goes on
        # from them ("then", "afterwards")
        blocks = {s.block} | ({s.block - 1, s.block - 2} if _GOES_ON.search(s.text) else set())
        recent = [e for e in art.events if e.kind in ("Summit", "Visit") and e.extra.get("block") in blocks
                  and 0 <= s.index - e.extra.get("sent", -99) <= 4 and not e.extra.get("background")]
        # (a day of some gathering, "the final day", is no date of its own)
        own_dates = [d for d in s.dates if not _in_own_clause(s, tok, d.start) and not _A_GATHERING_S_DAY.match(d.text)]
        if status is None and start is None and not own_dates:
            # no time of its own ("then held talks", "in the afternoon"): the time of the story
            # told in the sentences just before, when they report a dated event
            # (not the arrival a clause of this very sentence dates: "X, who arrived on Monday for
            # a four-day visit, held talks with Y")
            dated = [e for e in recent if e.start is not None and not (e.extra.get("sent") == s.index and s.dates)]
            if dated:
                start = dated[-1].start
                borrowed = True
            said = _date_said_before(art, s, prev, blocks, dated[-1] if dated else None)
            if said is not None:
                # "On Monday A toured the port ... The two leaders then met": the day the sentence
                # before tells, later than the events told before it
                start, borrowed = said, True
            if dated:
                if place is None and dated[-1].kind == "Summit" and (dated[-1].place or "").startswith("place/") \
                        and _AT_ITS_MARGINS.search(s.text):
                    place = dated[-1].place   # "on its margins, A and B met": where that gathering was
        host = _sidelines_host(art, s, participants) \
            if status is None and start is None and place is None and not own_dates else None
        if host is not None:
            # "A and B met on the sidelines of the summit": where the gathering they attended was,
            # and on its day when it lasted one
            place, start, borrowed = host.place, host.start if host.end is None else None, True
        if status is None and start is None and not own_dates \
                and (tok.pos_ == "VERB" and tok.tag_ == "VBD" or is_noun and tok.dep_ == "dobj" and tok.head.tag_ == "VBD"
                     and (tok.head.lemma_.lower() in ("hold", "have", "conduct") or tok.head.dep_ not in ("relcl", "acl", "advcl", "ccomp", "pcomp"))
                     # ("A held talks with B and the two then joined ...", "talks" parsed as the subject of "joined")
                     or is_noun and tok.i > s.span.start and s.span.doc[tok.i - 1].tag_ in ("VBD", "VBN")
                     and s.span.doc[tok.i - 1].lemma_.lower() in ("hold", "have", "conduct")
                     and s.span.doc[tok.i - 1].dep_ == "ROOT") \
                and not _background(tok) and not _told_years_before(art, s):
            # "A and B met for several hours at X" in the paragraphs after a lead that dates the
            # news ("KINGSTOWN, Dec 14 - The presidents promised on Thursday ..."): the lead's day
            said = _lead_date(art, s)
            if said is not None:
                start, borrowed = said, True
        if status is None and place is None:
            # no place of its own: where a participant had just arrived ("X arrived in Kampala.
            # She held talks with Y")
            for e in reversed(recent):
                if e.kind == "Visit" and set(e.participants) & set(participants) \
                        and (e.destination or "").startswith("place/") and _dates_agree(e.start, start):
                    place = e.destination
                    break
            else:
                # or where a participant's visit of those days had taken them ("arrived in Lima on
                # Monday ... On Tuesday the two presidents held talks")
                for e in reversed(art.events):
                    if e.kind == "Visit" and set(e.participants) & set(participants) \
                            and (e.destination or "").startswith("place/") and _days_into(start, e) is not None:
                        place = e.destination
                        break
        if status is None and place is None and start is None and not own_dates and len(participants) == 2 \
                and not any(e.kind == "Summit" and set(e.participants) == set(participants) and e.start is not None
                            for e in art.events):
            # "he held talks with President X", undated and unplaced, in the story of a visit to
            # X's state (and not told with a day before): where the visit took him, on its day when
            # it lasted one
            visit = _host_visit(art, s, participants)
            if visit is not None:
                place = visit.destination
                start, borrowed = (visit.start, True) if visit.end is None else (None, borrowed)
        if status is None and place is None and art.dateline_place:
            # "held talks here", or talks during a visit to the state the story was filed from
            visited = {e.destination for e in art.events if e.kind == "Visit" and set(e.participants) & set(participants)
                       and (e.start is None or start is None or _dates_agree(e.start, start)
                            or _within(start, e.start, e.end))}
            here = art.place(art.dateline_place)
            if says_here(s.text) or (art.dateline_state in visited) or _news_of_the_day(art, start):
                place = here
        place = _town_of_building(art, s, place)
        if place is not None and art.dateline_place and not _background(tok) and _a_building(art, s, place):
            # "met in the Coronation Hall of the town hall", in a story filed from that town: the town
            place = art.place(art.dateline_place)
        name = _summit_name(tok) if is_noun else _leaders_of(tok) if lem == "meet" else None
        if told is not None and name is None:
            name = told.extra.get("name")
        sidelines = is_noun and name is not None and _on_its_sidelines(tok)
        if sidelines:
            # "A met B on the sidelines of the G20 summit": both were at the summit, whose days
            # are not the day of their meeting
            start = end = None
        # "A met B on the sidelines of the G8 summit": a meeting of its own, not the summit
        sidelines = sidelines or host is not None or is_verb and any(
            t.lemma_.lower() in _GATHERINGS and _on_its_sidelines(t) and _governed_by(t, tok) for t in s.span)
        # a named gathering ("the ECOWAS summit", "the Lusaka summit") may be told with one leader
        # who took part in it: hosted, chaired, attended or opened it, or acted at it
        one = (name is not None or told is not None) and lem in ("summit", "conference", "meeting") \
            or is_verb and lem == "meet" and _leaders_as_subject(tok) \
            or is_noun and lem in ("summit", "conference") and _placed_and_dated(s, tok, start, place, in_state)
        takes_part = {p.key for p in s.persons if p.key in participants and _takes_part(s, tok, p)} if one else set()
        if is_verb and one:
            takes_part = set(participants)   # "leaders of X met under the chairmanship of A"
        if sidelines:
            one, takes_part = True, set(participants)
        # "A met B and later C": two meetings, one after the other, with nobody else in common
        groups = _one_after_another(s, tok, participants) if is_verb else [participants]
        if is_noun and len(participants) >= 3 and _held_apart(tok):
            # "X held separate meetings with A and B": X met each of them
            host = _subject_person(tok.head, _persons_by_token(s)) if tok.dep_ in ("dobj", "obj") else None
            if host in participants:
                groups = [[host, p] for p in participants if p != host]
        for group in groups:
            ev = Event("Summit" if status is None else "Plan", group, start, end, place,
                       status=status, extra={"type": "Summit", "noun": is_noun, "in_state": in_state, "one": one,
                                             "takes_part": takes_part,
                                             "background": _background(tok),
                                             "sent": s.index, "block": s.block, "borrowed_date": borrowed,
                                             "name": name, "trigger": lem, "sidelines": sidelines,
                                             "apart": (s.index, tok.i) if len(groups) > 1 else None,
                                             # (the gathering told paragraphs before: joins it)
                                             **({"of": id(told)} if told is not None
                                                and s.index - told.extra.get("sent", s.index) > 2 else {})})
            ev.evidence.append(Evidence(s.text, s.section))
            art.events.append(ev)


# people who act for someone else ("X's adviser", "X's envoy"): X is not where they are
_SOMEONE_OF = {"adviser", "advisor", "aide", "spokesman", "spokeswoman", "spokesperson", "envoy", "emissary",
               "minister", "secretary", "ambassador", "deputy", "representative", "negotiator", "wife", "husband",
               "son", "daughter", "predecessor", "successor", "chief", "counsellor", "counselor"}


# "the final day", "the opening day": a day of a gathering, told by its place in it
_A_GATHERING_S_DAY = re.compile(r"^the\s+(?:first|second|third|final|last|opening|closing)\s+day$", re.I)


def _held_apart(tok: Any) -> bool:
    """Meetings held one by one: "separate meetings", "individual talks", "bilateral meetings"."""
    return tok.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ in ("separate", "individual", "bilateral", "one-on-one")
                                     for c in tok.children)


def _told_years_before(art: _Article, s: Sentence) -> bool:
    """The sentence's paragraph tells a year two or more before the article's ("The process
    began in April 1996. X sat down with Y ...")."""
    told = _sentence_year(art, s)
    return told is not None and art.anchor is not None and told <= art.anchor.year - 2


def _placed_and_dated(s: Sentence, tok: Any, start: PartialDate | None, place: str | None,
                      in_state: str | None) -> bool:
    """An unnamed gathering the sentence itself puts in a place and a time ("the third summit,
    held in Maseru in August 1997 and hosted by A"): one gathering, whoever hosted it."""
    if start is None:
        return False
    own = [m for m in s.places if any(a.i == tok.i for a in s.span.doc[m.end - 1].ancestors)]
    return in_state is not None or place is not None and any(m.key == place for m in own)


def _lead_date(art: _Article, s: Sentence) -> PartialDate | None:
    """The day of the news the article leads with, for a sentence of its first body paragraphs:
    the first date of the first body sentence, when it falls in the days before the article's date."""
    body = sorted({x.block for x in art.sentences if x.section == "body"})
    lead = next((x for x in art.sentences if x.section == "body" and x.dates), None)
    if lead is None or not body or lead.block != body[0] or s.section != "body" or lead.index == s.index:
        return None   # (the sentence's own dates are another clause's: "X, who arrived on Monday, held talks")
    if s.block not in body[:3] and not (
            s.block in body[:6] and _LATER_ON.match(s.text)
            and not any(x.dates and _dated_day(art, x) for x in art.sentences
                        if x.section == "body" and lead.index < x.index < s.index)):
        # ("Later, A held talks with B" a few short paragraphs on, none dated since the lead)
        return None
    said, _ = _resolve_dates(art, lead, None, "past")
    return said if said is not None and said.day is not None and _news_of_the_day(art, said) else None


def _dated_day(art: _Article, s: Sentence) -> bool:
    """The sentence tells a day of its own (not an age, "in March", a year)."""
    said, _ = _resolve_dates(art, s, None, "past")
    return said is not None and said.day is not None


def _date_said_before(art: _Article, s: Sentence, prev: Sentence | None, blocks: set[int],
                      last: Event | None) -> PartialDate | None:
    """The date the sentence just before states, when the story goes on from it: told after the
    last dated event (``last``) and not earlier than its date; with no such event, only when the
    sentence says it goes on ("then", "afterwards")."""
    if prev is None or prev.block not in blocks or prev.index != s.index - 1 or not prev.dates:
        return None
    if last is None and not _GOES_ON.search(s.text):
        return None
    if last is not None and last.extra.get("sent", -1) >= prev.index:
        return None
    said, _ = _resolve_dates(art, prev, None, "past")
    if said is None or said.day is None or (last is not None and last.start is not None and said < last.start):
        return None
    return said


_IN_TURN = {"later", "then", "afterwards", "subsequently", "next"}


def _one_after_another(s: Sentence, tok: Any, participants: list[str]) -> list[list[str]]:
    """The meetings a verb reports: one, or one per object when the objects come in turn
    ("met A and later B", "met A, then B")."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return [participants]
    # the objects: the first and its conjuncts, or a noun coordinated with the verb itself
    # (the parser's reading of "met A and later B")
    objects = [obj] + [c for c in obj.subtree if c.dep_ == "conj" and c.i > obj.i] \
        + [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i > obj.i]
    objects.sort(key=lambda t: t.i)
    if len(objects) < 2 or not any(t.lower_ in _IN_TURN for t in s.span.doc[obj.i:objects[-1].i]):
        return [participants]
    by_obj = []
    for o in objects:
        keys = [p.key for p in s.persons if p.start <= o.i < p.end and p.key in participants]
        if keys:
            by_obj.append(keys[0])
    subjects = [p for p in participants if p not in by_obj]
    if len(by_obj) < 2 or not subjects:
        return [participants]
    return [subjects + [o] for o in by_obj]


_GATHERINGS = {"summit", "conference", "meeting", "gathering", "retreat"}
_ENDING = {"end", "close", "conclude", "wrap", "complete", "finish"}
_SPAN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a week": 7, "one-week": 7}
_SPAN = re.compile(r"\b(two|three|four|five|six|seven|[2-9])[- ]days?\b|\bafter (?:a|one) week\b|\bweek-long\b", re.I)


def _closing_day(s: Sentence, tok: Any, day: PartialDate) -> tuple[PartialDate | None, PartialDate | None]:
    """"Leaders closed their summit on Friday": the date is its last day; its first is that
    many days before when the sentence says how long it lasted ("after two days", "a three-day
    summit"), else unknown."""
    verb = tok.head if tok.dep_ in ("dobj", "obj", "nsubj") else None
    if verb is None or verb.lemma_.lower() not in _ENDING or verb.pos_ != "VERB" or day.day is None:
        return day, None
    m = _SPAN.search(s.text)
    if m is None:
        return None, day
    n = 7 if not m.group(1) else (int(m.group(1)) if m.group(1).isdigit() else _SPAN_WORDS[m.group(1).lower()])
    import datetime as dt
    first = dt.date(day.year, day.month or 1, day.day) - dt.timedelta(days=n - 1)
    return PartialDate(first.year, first.month, first.day), day
# a signing that ended talks of some days: "signed on Friday, after three days of talks", "at the
# end of their two-day summit"
_AFTER_DAYS = re.compile(r"\b(?:after|following|at the (?:end|close|conclusion) of)\s+(?:a\s+|the\s+|their\s+)?"
                         r"(two|three|four|five|six|seven|[2-9])(?:\s+days\s+of|[- ]day)\s+(?:\w+\s+)?"
                         r"(?:talks|negotiations|meetings?|discussions|summit|conference|deliberations)\b", re.I)


_DAYS_OF_TALKS = re.compile(r"\b(two|three|four|five|six|seven|[2-9])\s+days\s+of\s+(?:\w+\s+)?"
                            r"(?:talks|negotiations|meetings|discussions|deliberations)\s+(?:that|which)\s+"
                            r"(?P<way>ended|closed|concluded|began|opened|started)\b", re.I)


def _days_of_talks(s: Sentence, day: PartialDate) -> tuple[PartialDate, PartialDate | None]:
    """(first day, last day) of "N days of talks that ended (or began) on DAY"; else (day, None)."""
    m = _DAYS_OF_TALKS.search(s.text)
    if m is None or day.day is None:
        return day, None
    n = int(m.group(1)) if m.group(1).isdigit() else _SPAN_WORDS[m.group(1).lower()]
    import datetime as dt
    d = dt.date(day.year, day.month or 1, day.day)
    if m.group("way").lower() in ("began", "opened", "started"):
        last = d + dt.timedelta(days=n - 1)
        return day, PartialDate(last.year, last.month, last.day)
    first = d - dt.timedelta(days=n - 1)
    return PartialDate(first.year, first.month, first.day), day


def _ended_talks(s: Sentence, day: PartialDate | None) -> tuple[PartialDate | None, PartialDate | None]:
    """(first day, last day) of the talks a signing on ``day`` ended, when the sentence says how
    many days they lasted; else (day, None)."""
    m = _AFTER_DAYS.search(s.text)
    if m is None or day is None or day.day is None:
        return day, None
    n = int(m.group(1)) if m.group(1).isdigit() else _SPAN_WORDS[m.group(1).lower()]
    import datetime as dt
    first = dt.date(day.year, day.month or 1, day.day) - dt.timedelta(days=n - 1)
    return PartialDate(first.year, first.month, first.day), day


_AIRSIDE = re.compile(r"\b(?:airport|tarmac|airbase|air base|steps of (?:the|his|her) plane)\b", re.I)
_AT_ITS_MARGINS = re.compile(r"\b(?:on|at)\s+(?:its|the\s+summit's|the\s+meeting's)\s+(?:margins|sidelines|fringes)\b", re.I)


# verbs of coming together for a gathering ("leaders gathered in X for a summit")
_CONVENE = {"gather", "convene", "assemble", "meet", "arrive", "come", "converge", "travel", "fly"}


def _anchor(art: _Article, s: Sentence, tok: Any, lem: str, is_noun: bool) -> None:
    """A gathering told with its time or place but none of its people yet ("a joint summit in
    Arusha on March 3"): kept as an event without participants, for a sentence that goes on
    to name them ("That summit was hosted by A") to join. One still without people is dropped."""
    if not (is_noun and lem in _GATHERINGS or not is_noun and lem == "meet" and _leaders_as_subject(tok)):
        return
    # a subject takes the time of its verb ("the forum ran from 9 to 11 May")
    status, start, end = _event_status(art, s, tok, own_date_only=tok.dep_ not in ("nsubj", "nsubjpass"))
    if status is None and start is None and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" \
            and (tok.head.lower_ in ("at", "during")
                 or tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _CONVENE):
        # "a plan approved at a regional summit in Lusaka on 4 May": what was done at it, done then
        status, start, end = _event_status(art, s, tok.head.head, own_date_only=True)
    place = _place_for(s, tok, strict=True)
    if place is None and status is None and art.dateline_place and (says_here(s.text) or _news_of_the_day(art, start)):
        place = art.place(art.dateline_place)   # "KATHMANDU - The summit closed on Thursday"
    if status is None and start is not None and end is None:
        start, end = _closing_day(s, tok, start)   # "the summit closed on Thursday": its last day
    name = _summit_name(tok) if is_noun else None
    # leaders came to a place for it ("leaders gathered in X for a conference")
    convened = tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _CONVENE \
        and _leaders_as_subject(tok.head.head)
    # dated and placed, or a named or convened one placed ("the Russia-Africa summit in Sochi drew ...")
    if status is not None or ((start or end or name) is None and not convened) or place is None or _background(tok):
        return
    ev = Event("Summit", [], start, end, place,
               extra={"type": "Summit", "noun": True, "anchor": True, "sent": s.index, "block": s.block,
                      "name": name, "trigger": lem, "convened": convened})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)


_LEADERS_WORDS = {"leader", "president", "minister", "premier", "head", "chancellor", "monarch", "king"}


def _leaders_as_subject(verb: Any) -> bool:
    """"Leaders of the bloc met", "heads of state met": a meeting of leaders the sentence does not name."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.tag_ == "NNS" and subj.lemma_.lower() in _LEADERS_WORDS


_SIDELINES = {"sidelines", "sideline", "margins", "margin", "fringes", "fringe"}


_SIDELINES_OF_THE = re.compile(r"\b(?:on|at)\s+the\s+(?:margins|sidelines|fringes)(?:\s+of\s+the\s+"
                               r"(?:summit|conference|meeting|gathering)\b|(?!\s+of\b))", re.I)
# ("On the sidelines, A held talks with B": of the gathering the story tells)


def _host_visit(art: _Article, s: Sentence, participants: list[str]) -> Event | None:
    """The last visit the story told (in the eight sentences before) of one participant to the
    state the other leads or serves."""
    found: list[Event] = []
    for e in art.events:
        if e.kind != "Visit" or e.destination is None or e.extra.get("background") \
                or not 0 <= s.index - e.extra.get("sent", -99) <= 8:
            continue
        guest = next((p for p in participants if p in e.participants), None)
        if guest is None:
            continue
        host = next(p for p in participants if p != guest)
        where = art.state_of(e.destination)
        if where in art.offices.get(host, set()):
            found.append(e)
        elif where is not None:
            found.clear()   # he went on elsewhere
    # the visit told with its town and day, else the last told
    return next((e for e in reversed(found) if e.start is not None and e.destination.startswith("place/")),
                found[-1] if found else None)


def _sidelines_host(art: _Article, s: Sentence, participants: list[str]) -> Event | None:
    """The gathering "the summit" of "on the sidelines of the summit" is: the last one told with a
    place that all the people meeting on its sidelines attended."""
    if not _SIDELINES_OF_THE.search(s.text) or len(participants) < 2:
        return None
    hosts = [e for e in art.events if e.kind == "Summit" and e.place is not None
             and set(participants) <= set(e.participants) and not e.extra.get("sidelines")
             and not e.extra.get("background")]
    if not hosts:
        # one of them told at a gathering of many ("at the AU summit ... On the sidelines, A held
        # talks with B"): B was there too
        hosts = [e for e in art.events if e.kind == "Summit" and e.place is not None
                 and (len(e.participants) >= 3 and set(participants) & set(e.participants)
                      or e.extra.get("anchor") and not e.participants)   # (its people told later)
                 and not e.extra.get("sidelines") and not e.extra.get("background")]
    if not hosts:
        return None
    # the latest, told with its date when one of its tellings gives it
    last = hosts[-1]
    told = [e for e in hosts if e.place == last.place and set(e.participants) & set(last.participants)]
    return next((e for e in reversed(told) if e.start is not None), last)


def _on_its_sidelines(tok: Any) -> bool:
    """``tok`` is the gathering of "on the sidelines of X", "on the margins of X"."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in _SIDELINES


def _leaders_of(verb: Any) -> str | None:
    """"Leaders of the Group of 20 met": the gathering's name, "Group of 20 summit"."""
    if not _leaders_as_subject(verb):
        return None
    subj = next(c for c in verb.children if c.dep_ == "nsubj")
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or obj.pos_ != "PROPN":
        return None
    words = []
    for t in obj.doc[obj.left_edge.i:obj.right_edge.i + 1]:
        if t.is_punct or t.lower_ in ("and", "or"):
            break   # "the Quad - A, B and C": the name ends where a list begins
        if t.dep_ != "det":
            words.append(t.text)
    return " ".join(words + ["summit"]) if words else None


def _told_before(art: _Article, s: Sentence, tok: Any, is_noun: bool, status: str | None,
                 start: PartialDate | None, place: str | None) -> Event | None:
    """The gathering a definite noun with no time or place of its own points back to ("that
    meeting", "the summit"): the last one told in the two sentences before."""
    if not is_noun or tok.lemma_.lower() not in _GATHERINGS or status is not None \
            or place is not None or _summit_name(tok) is not None:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("that", "this", "the") for c in tok.children):
        return None
    if any(c.dep_ == "amod" and re.fullmatch(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
                                             r"seventh|eighth|ninth|tenth", c.lower_) for c in tok.children) \
            or any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
                   for c in tok.children):
        return None   # "the 4th summit of the X Forum": a gathering of its own, not the one just told
    told = [e for e in art.events if e.kind == "Summit" and e.extra.get("block") in (s.block, s.block - 1)
            and 0 < s.index - e.extra.get("sent", -99) <= 2
            and ((e.start or e.end) is not None or e.place is not None and e.extra.get("name")
                 or e.place is not None and e.extra.get("convened"))]
    if start is not None:
        # a time of its own ("the meeting, which opened on 12 March"): only a gathering told
        # with its place and no time ("leaders gathered in X for a conference")
        told = [e for e in told if e.start is None and e.end is None and e.place is not None]
    if not told and start is None and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        # "Other leaders at the retreat included ...", paragraphs after the lead told it: the one
        # gathering of that word the story has told, dated and placed
        same = [e for e in art.events if e.kind == "Summit" and e.extra.get("trigger") == tok.lemma_.lower()
                and e.extra.get("sent", 10 ** 6) < s.index and (e.start or e.end) is not None and e.place is not None
                and not e.extra.get("background") and not e.extra.get("sidelines")]
        if len({(e.start, e.end, e.place) for e in same}) == 1:
            told = same
    return told[-1] if told else None


def _news_of_the_day(art: _Article, start: PartialDate | None) -> bool:
    """An event dated in the days just before the article's date: the news the story reports,
    told from where it was filed (the dateline) unless the text places it elsewhere."""
    if start is None or start.day is None or art.article_date is None or art.article_date.day is None:
        return False
    import datetime as dt
    days = (dt.date(art.article_date.year, art.article_date.month or 1, art.article_date.day)
            - dt.date(start.year, start.month or 1, start.day)).days
    return 0 <= days <= 3


def _background(tok: Any) -> bool:
    """The event is told as a point of reference, not as the story: in a clause of "since",
    "the first ... since X travelled to Y"."""
    for t in [tok, *tok.ancestors][:4]:
        if t.dep_ in ("advcl", "relcl", "acl") and any(c.dep_ == "mark" and c.lower_ in ("since", "until", "before")
                                                       for c in t.children):
            return True
    return False


def _first_verb(tok: Any) -> Any | None:
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


# what a gathering runs under: "under the chairmanship of X", "with X as its chairperson"
_CHAIRING = {"chairmanship", "chairpersonship", "presidency", "chairperson", "chairman", "chair",
             "auspices"}


def _takes_part(s: Sentence, tok: Any, p: Mention) -> bool:
    """The person takes part in the gathering ``tok`` names: the subject of the verb the gathering
    hangs off ("X attended the summit", "at the summit, X rejected ..."), or the agent of a
    participle or clause on it ("the summit, hosted by X", "which opened with X as chairman")."""
    person = s.span.doc[p.end - 1]
    if any(c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and tok.i in {g.i for g in c.subtree} and tok.i > c.i
           for c in person.children):
        return True   # "X, who chaired the summit, said ..."
    chair = next((a for a in person.ancestors if a.lemma_.lower() in _CHAIRING and a.pos_ == "NOUN"), None)
    if chair is not None and _first_verb(chair) is not None and _first_verb(tok) is not None \
            and _first_verb(chair).i == _first_verb(tok).i:
        return True   # "the summit ran from 10 to 12 July under the chairmanship of X"
    verb = _first_verb(person)
    if verb is None:
        return False
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.dep_ in ("acl", "relcl"):
        verb = verb.head   # "held in Abuja and chaired by X"
    if verb.dep_ in ("acl", "relcl") and verb.head.i == tok.i:
        return True
    if any(c.dep_ == "agent" and person.i in {g.i for g in c.subtree} for c in verb.children) \
            and any(c.dep_ == "nsubjpass" and c.left_edge.i <= tok.i <= c.right_edge.i for c in verb.children):
        return True   # "the summit was chaired by X"
    in_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= person.i <= c.right_edge.i
                     for c in verb.children)
    return in_subject and _first_verb(tok) is not None and _first_verb(tok).i == verb.i


def _clause_root(tok: Any) -> int:
    """The verb heading the clause a token is in: the sentence's root, or a verb coordinated with
    or subordinated to another (relative clauses belong to the noun they describe)."""
    t = tok
    while t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "ccomp", "advcl", "parataxis") \
                and t.head.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t.i   # (a verb sharing its subject with another, "hosted by A and co-chaired by B", is one clause)
        if t.dep_ == "relcl" and any(c.lower_ == "where" for c in t.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t.i   # "... to Moscow, where he held talks with B": a scene of its own
        t = t.head
    return t.i


_REMOTE = re.compile(r"\b(?:by|via|over)\s+(?:a\s+)?(?:video(?:\s*link|conference|\s+call)?|videoconference|teleconference)\b"
                     r"|\b(?:virtually|remotely|online)\b", re.I)


def _remote(person: Any) -> bool:
    """The person takes part from afar: the verb they are the subject of says "by video link",
    "virtually", "by videoconference"."""
    verb = next((a for a in person.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= person.i <= c.right_edge.i
                               for c in verb.children):
        return False
    words = " ".join(t.text for t in verb.subtree if not (t.left_edge.i <= person.i <= t.right_edge.i and t.i != verb.i and t.dep_ in ("nsubj", "nsubjpass")))
    return _REMOTE.search(words) is not None


_NOT_BY = re.compile(r"(?:\bnot\s+(?:by|with|to)|\bwithout|\bin\s+the\s+absence\s+of)\s+(?:[\w.'’-]+\s+){0,4}$", re.I)


# what befell one who is not there: "after the death of X", "at the funeral of X", "X's ouster"
_GONE = {"death", "funeral", "burial", "assassination", "killing", "murder", "ouster", "overthrow", "memory",
         "passing", "demise", "resignation", "exile"}


def _gone(head: Any) -> bool:
    """The person (the last token of a name) is the one a death, funeral or ouster befell."""
    t = head
    while t.dep_ in ("compound", "flat", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "poss":
        return t.head.lemma_.lower() in _GONE
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in _GONE


# verbs of staying away from a gathering ("X skipped the meeting")
_STAYED_AWAY = {"skip", "miss", "boycott", "shun", "snub", "avoid", "leave", "quit"}


def _participants(art: _Article, s: Sentence, tok: Any) -> list[str]:
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in _STAYED_AWAY:
        return []   # "X skipped the meeting and sent his foreign minister": nobody there of this clause
    out = []
    earlier = {g.i for t in s.span if _predecessor_phrase(s, t) for g in t.subtree}
    # "the first meeting since A met B in 1928": a clause of "since" the trigger is not in
    for t in s.span:
        if t.dep_ == "mark" and t.lower_ == "since" and not (t.head.left_edge.i <= tok.i <= t.head.right_edge.i):
            earlier |= {g.i for g in t.head.subtree}
    text = _doc_text(s.span.doc)
    if tok.pos_ != "VERB":
        # a noun ("talks", "summit") in one clause of several ("A met B, and C held talks with
        # D"): the people of its own clause, when that clause names any
        doc = s.span.doc
        mine = _clause_root(tok)
        clauses = {p.start: _clause_root(doc[p.end - 1]) for p in s.persons}
        if tok.i > 0 and doc[tok.i - 1].pos_ == "VERB" and doc[tok.i - 1].lemma_.lower() in ("hold", "have", "conduct"):
            # "A held talks with B and the two then joined ...", parsed with "talks" as the
            # subject of "joined": the clause of the verb right before it
            mine = _clause_root(doc[tok.i - 1])
        if len(set(clauses.values())) > 1 and mine in clauses.values():
            earlier |= {p.start for p in s.persons if clauses[p.start] != mine
                        and not tok.left_edge.i <= p.start <= tok.right_edge.i}   # (not "talks with B")
        for p in s.persons:
            # "flew to A for talks with B, and then to C, where he and D agreed ...": D is in a
            # clause of its own, about another place
            for a in doc[p.end - 1].ancestors:
                if a.dep_ == "relcl" and any(c.lower_ == "where" for c in a.children) \
                        and not a.left_edge.i <= tok.i <= a.right_edge.i:
                    earlier.add(p.start)
                    break
    for p in s.persons:
        if p.start in earlier:
            continue   # "his third meeting, after A in 2000 and B in 2007": A and B were not there
        if _NOT_BY.search(text[max(s.span.start_char, s.span.doc[p.start].idx - 40):s.span.doc[p.start].idx]):
            continue   # "met not by Castro but by the foreign minister", "without X": X was not there
        if _remote(s.span.doc[p.end - 1]):
            continue   # "X addressed the gathering by video link": not there in person
        if _gone(s.span.doc[p.end - 1]):
            continue   # "sworn in after the death of X": X was not there
        owner = s.span.doc[p.end - 1]
        if owner.dep_ == "poss" and owner.head.i != tok.i and owner.head.lemma_.lower() in _SOMEONE_OF:
            continue   # "X's national security adviser held talks with Y": the adviser, not X
        if _attached(s, tok, p) or (tok.pos_ != "VERB" and (p.key in art.offices or p.key in art.leaders
                                                            or p.key in art.leader_titled)):
            out.append(p.key)
    if len(out) < 2 and tok.pos_ == "VERB":
        # "Beijing hosted a dialogue with South Korea": a capital as the actor stands for its state
        doc = s.span.doc
        sides = []
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                for m in s.states:
                    if m.start <= c.i < m.end:
                        sides.append(m.key)
                for m in s.places:
                    if m.start <= c.i < m.end:
                        p = ref.lookup_place(doc[m.start:m.end].text)
                        if p is not None and p.kind == "capital" and p.state:
                            sides.append(art.state(f"state/{ref.slugify(p.state)}"))
        if sides:
            for g in tok.subtree:
                for m in s.states:
                    if m.start <= g.i < m.end and _governed_by(g, tok) and m.key not in sides:
                        sides.append(m.key)
            if len(sides) >= 2 and not out:
                return sides
    if len(out) < 2:
        group = _group_sides(art, s, tok)
        if group:
            return list(dict.fromkeys(out + group))
    if len(out) < 2:
        # "the prime ministers of A, B and C met": the states' office-holders named in the article
        plural = re.search(r"\b(prime ministers|presidents|leaders|heads of (?:state|government)|"
                           r"foreign ministers|premiers|chancellors)\b", s.text, re.I)
        if plural:
            # only when the plural names the meeting's sides, not people of another clause
            at = s.span.start_char + len(s.raw) - len(s.raw.lstrip()) + plural.end() - 1
            ptok = next((t for t in s.span if t.idx <= at < t.idx + len(t.text)), None)
            if ptok is not None and not (ptok.i == tok.i or _governed_by(ptok, tok) or
                                         (tok.pos_ != "VERB" and _first_verb(ptok) is not None
                                          and _first_verb(ptok) == _first_verb(tok))):
                plural = None
        if plural:
            title = plural.group(1).lower()
            holders = []
            at0 = s.span.start_char + len(s.raw) - len(s.raw.lstrip()) + plural.start()
            phead = next((t for t in s.span if t.idx <= at0 < t.idx + len(t.text)), None)   # "heads" of "heads of state"
            for m in s.states:
                if phead is not None and not (_governed_by(s.span.doc[m.end - 1], phead)
                                              or ptok is not None and _governed_by(s.span.doc[m.end - 1], ptok)):
                    continue   # "the war in Ukraine" in the sentence: not a state whose leader met
                cands = [p for p in art.offices if m.key in art.offices[p]
                         and (title in ("leaders", "heads of state", "heads of government")
                              and p in art.leaders or _holds_title(art, p, title))]
                if len(cands) == 1:
                    holders.append(cands[0])
            if len(set(holders)) >= 2:
                return list(dict.fromkeys(out + holders))
    if len(out) < 2:
        # "the North Korea-Russia summit", "South Korea and China will hold a dialogue"
        doc = s.span.doc
        near_states = [m.key for m in s.states
                       if (abs(m.start - tok.i) <= 6 or doc[m.start].head.i == tok.i
                           or (doc[m.start].dep_ == "nsubj" and doc[m.start].head.i == tok.head.i))
                       # "a meeting with no French or Spanish envoys": those who were not there
                       and not any(t.lower_ in ("no", "without", "nor") for t in doc[max(s.span.start, m.start - 3):m.start])
                       # "held in the Kenyan capital": where, not who
                       and not (doc[m.end - 1].dep_ in ("amod", "compound", "poss")
                                and doc[m.end - 1].head.lemma_.lower() in _PLACE_NOUNS)]
        if not out and len(set(near_states)) >= 2:
            out = list(dict.fromkeys(near_states))
    return list(dict.fromkeys(out))


_GROUP = re.compile(r"^(?:the|both)\s+(?:two\s+)?(?:sides|leaders|presidents|prime\s+ministers|men|women|"
                    r"heads\s+of\s+(?:state|government))$"
                    # "the three sat down together": a count of the leaders just named
                    r"|^the\s+(?:three|four|five)(?:\s+(?:leaders|presidents|men|women|heads\s+of\s+state))?$", re.I)
_COUNTS = {"three": 3, "four": 4, "five": 5}


def _recent_events(art: _Article, s: Sentence, within: int = 3) -> list[Event]:
    """Meetings and visits told in the last few sentences of this block or the one before, not
    as background."""
    return [e for e in art.events if e.kind in ("Summit", "Visit") and e.extra.get("block") in (s.block, s.block - 1)
            and 0 <= s.index - e.extra.get("sent", -99) <= within and not e.extra.get("background")]


# prepositions that put an act inside a meeting ("signed X after talks", "spoke at the summit")
_MEETING_TIME = {"after", "during", "at", "following", "before", "of"}


def _group_sides(art: _Article, s: Sentence, tok: Any) -> list[str]:
    """"The two sides held talks", "the two leaders met": the two leaders the story has just told
    of — those of the meeting or visit just reported, else the last two of different states."""
    if tok.pos_ in ("NOUN", "PROPN") and _of_the_group(s, tok):
        # "the previous meeting of the two leaders took place in X", "their last meeting was in Y"
        return _recent_pair(art, s, two=bool(re.search(r"\b(?:the\s+two|both)\b", s.text[:80], re.I)))
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("dobj", "obj") else None
    if verb is None and tok.dep_ == "pobj":
        # "the two leaders signed X after a round of talks": the verb the noun's phrase hangs on
        up = tok
        while up.dep_ in ("pobj", "prep") and up.head.i != up.i:
            if up.dep_ == "prep" and up.lower_ not in _MEETING_TIME:
                break
            up = up.head
        if up.dep_ in ("dobj", "obj") and up.head.lemma_.lower() in LIGHT_VERBS | {"hold", "have", "conduct", "open"}:
            up = up.head   # "held their first round of talks"
        verb = up if up.pos_ == "VERB" and up.tag_ == "VBD" else None
    if verb is None:
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ == "they" and verb.dep_ in ("advcl", "ccomp", "conj"):
        # "the two presidents said they would ... after they met in Paris": the group of the clause above
        up = verb.head
        subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        while (subj is None or subj.lower_ == "they") and up.dep_ in ("advcl", "ccomp", "conj", "xcomp") \
                and up.head.i != up.i:
            up = up.head
            subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or not (_GROUP.match(s.span.doc[subj.left_edge.i:subj.i + 1].text)
                            or _GROUP.match(s.span.doc[subj.left_edge.i:subj.right_edge.i + 1].text)):
        return []   # ("the two heads of government": the head is "heads")
    said = s.span.doc[subj.left_edge.i:subj.i + 1].text
    n = next((v for w, v in _COUNTS.items() if re.match(rf"the\s+{w}\b", said, re.I)), 2)
    return _recent_pair(art, s, two=bool(re.match(r"(?:the\s+two|both)\b", said, re.I)), n=n)


def _of_the_group(s: Sentence, tok: Any) -> bool:
    """A gathering noun whose people are a group told before: "the meeting of the two leaders",
    "their previous meeting" (as the subject of its clause)."""
    doc = s.span.doc
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if obj is not None and _GROUP.match(doc[obj.left_edge.i:obj.i + 1].text):
        return True
    return tok.dep_ in ("nsubj", "nsubjpass", "ROOT") and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children)


def _recent_pair(art: _Article, s: Sentence, two: bool = False, n: int = 2) -> list[str]:
    """The two (or ``n``) leaders the story has just told of: those of the meeting or visit just
    reported, else the last two (``n``) of different states."""
    leader = lambda k: k in art.leaders or k in art.leader_titled   # noqa: E731
    for e in reversed(_recent_events(art, s, within=4)):
        people = [p for p in e.people() if leader(p)]
        if len(people) >= n and (n == 2 or len(people) == n):
            return people
        if e.kind == "Visit" and len(people) == 1 and e.destination and n == 2:
            # a visitor and the host state's leader last named
            dest = art.state_of(e.destination)
            host = next((k for idx, k in reversed(art.person_order) if idx <= s.index and leader(k)
                         and dest in art.offices.get(k, set()) and k not in art.past_people), None)
            if host is not None and host != people[0]:
                return [people[0], host]
    out: list[str] = []
    states: set[str] = set()
    told = {p for e in art.events if not e.extra.get("background") for p in e.participants}
    background = {p for e in art.events if e.extra.get("background") for p in e.participants} - told
    for idx, key in reversed(art.person_order):
        if idx > s.index or idx < s.index - 6 or key in out or not leader(key) or key in background:
            continue
        st = art.offices.get(key, set())
        if not st or st & states:
            continue
        out.append(key)
        states |= st
        if len(out) == n:
            return out
    if two:
        # "the two heads of government met ...", "both leaders ..." far from where they were named: the story's two
        # leaders, when it has named only two before (of different states)
        named = list(dict.fromkeys(k for idx, k in art.person_order if idx <= s.index and leader(k)
                                   and art.offices.get(k) and k not in background))
        if len(named) == 2 and not art.offices[named[0]] & art.offices[named[1]]:
            return named
    return []


# prepositions of a gerund whose doer is the clause's subject ("after meeting B, A said")
_SUBJECT_S_TIME = {"after", "before", "while", "since", "upon", "on", "when"}


def _attached(s: Sentence, tok: Any, p: Mention) -> bool:
    head = s.span.doc[p.end - 1]
    if tok.pos_ == "VERB" and tok.dep_ == "relcl" and tok.head.i == head.i \
            and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in tok.children):
        return True   # "A, who met B in Rome on Friday, said": A met B
    if tok.pos_ == "VERB" and tok.dep_ == "pcomp" and tok.head.lower_ in _SUBJECT_S_TIME \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
            and head.dep_ in ("nsubj", "nsubjpass") and head.head.i == tok.head.head.i:
        return True   # "After meeting B in Beijing, A said": A met B
    chain, hops = [head], 0
    for a in head.ancestors:   # up to four links, a list's "and"/"," links not counted
        if hops >= 4:
            break
        chain.append(a)
        hops += chain[-2].dep_ not in ("conj", "appos")
    for t in chain:
        if t.i == tok.i:
            return True
        if t.i != head.i and t.pos_ in ("VERB", "AUX"):
            # "he stopped in Lahore and met Sharif": the subject of the first verb is the
            # subject of the verb coordinated with it
            # ("A flew in, meeting B": the participle's subject is the clause's; "A flew to X and
            # held talks with B": the noun's verb's)
            verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB" else None
            if verb is not None and (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG") \
                    and verb.head.i == t.i and any(
                    head.i == c.i or c.i in [a.i for a in head.ancestors]
                    for c in t.children if c.dep_ in ("nsubj", "nsubjpass")) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                return True   # (not "A is due to meet B, and C will meet D": C's own clause)
            # "A is due to meet B", "A is expected to meet B": the subject of the clause the
            # verb completes
            up = tok
            while up.dep_ in ("xcomp", "acomp") and up.head.i != up.i:
                up = up.head
                if up.i == t.i and any(c.dep_ in ("nsubj", "nsubjpass") and (head.i == c.i or c.i in [a.i for a in head.ancestors])
                                       for c in t.children):
                    return True
            return False  # the person belongs to another clause ("as Putin landed ..., Beijing hosted")
    return False


def _visits(art: _Article, s: Sentence) -> None:
    by_tok = _persons_by_token(s)
    for tok, lem in _trigger_tokens(s, VISIT_NOUNS, VISIT_VERBS | _PLAIN_MOTION):
        # (a readout's "paid a State Visit": the capitals make it a proper noun)
        is_noun = (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text[:1].isupper()
                   and tok.i > s.span.start and tok.doc[tok.i - 1].lower_ in ("state", "official", "working", "a", "the")) \
            and lem in VISIT_NOUNS
        is_verb = tok.pos_ == "VERB" and (lem in VISIT_VERBS or _goes_to(tok, lem))
        if not (is_noun or is_verb):
            continue
        visitor = None
        dest = None
        if is_noun:
            for c in tok.children:
                if c.dep_ == "poss" and c.i in by_tok:
                    visitor = by_tok[c.i].key
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.subtree:
                        if g.i in by_tok:
                            visitor = by_tok[g.i].key
                            break
            if visitor is None:
                # "an official visit to X by President Y": the visit's agent
                by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"]
                by += [c for t in tok.children if t.dep_ == "prep" and t.lower_ == "to"
                       for g in t.subtree for c in g.children if c.dep_ == "prep" and c.lower_ == "by"]
                for c in by:
                    named = [g for g in c.subtree if g.i in by_tok]
                    if named:
                        visitor = by_tok[named[0].i].key
                        break
            if visitor is None:
                # "Putin's brief visit": possessor may hang off a compound/amod
                for c in tok.children:
                    for g in c.subtree:
                        if g.dep_ == "poss" and g.i in by_tok:
                            visitor = by_tok[g.i].key
            if visitor is None:
                for c in tok.lefts:
                    if c.i in by_tok:
                        visitor = by_tok[c.i].key
            if visitor is None and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children):
                # "she spoke of her April visit to Kampala": the one the sentence is about
                visitor = _sentence_subject(s)
            if visitor is None and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "during") \
                    and tok.head.head.i in by_tok:
                visitor = by_tok[tok.head.head.i].key   # "X, on a state visit, held talks"
            if visitor is None and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "during", "for") \
                    and tok.head.head.pos_ in ("VERB", "AUX"):
                # "Ruto is on a state visit to Tanzania", "arrived on a two-day visit"
                for c in tok.head.head.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_tok:
                        visitor = by_tok[c.i].key
            if visitor is None and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in LIGHT_VERBS:
                verb = tok.head
                if verb.dep_ in ("xcomp", "advcl", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                    # "arrived ... to begin a tour of X", "paid a state visit to A and paid a working
                    # visit to B": the subject of the verb before
                    verb = verb.head
                for c in verb.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_tok:
                        visitor = by_tok[c.i].key
                    elif c.dep_ == "nsubj" and c.lower_ in ("he", "she") and verb.dep_ == "relcl":
                        visitor = _sentence_subject(s)   # "X arrived from Y, where he had made a visit"
            if visitor is None:
                j = tok.i - 1
                while j > s.span.start and s.span.doc[j].pos_ in ("ADJ",):
                    j -= 1
                if s.span.doc[j].text in ("'s", "’s", "'", "’") and j - 1 in by_tok:
                    visitor = by_tok[j - 1].key
        else:
            visitor = _subject_person(tok, by_tok)
            if visitor is None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) \
                    and (tok.dep_ in ("xcomp", "conj", "advcl", "acl") or tok.dep_ == "relcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)   # "the first leader to visit X"
                         or tok.dep_ == "pcomp" and tok.head.lower_ in ("before", "after")):   # "met A before heading to B"
                heads = [tok.head] + ([tok.head.head] if tok.head.pos_ in ("NOUN", "ADP") else [])
                for h in heads:
                    if visitor is None:
                        visitor = _subject_person(h, by_tok)
        if visitor is None:
            continue
        dest = _destination(art, s, tok, is_verb) or _where_clause(s, tok)
        if dest is None and is_noun and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for") \
                and tok.head.head.pos_ == "VERB" and tok.head.head.lemma_.lower() in _JOURNEYS:
            # "flew to Malta on Monday on a visit ...": where the journey it was made on went
            dest = _destination(art, s, tok.head.head, True)
        if dest is None and is_noun and art.dateline_place and (
                tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for", "during")   # ("signed ... during a visit by X")
                or tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in LIGHT_VERBS | {"begin", "start"}):
            # "X, on a state visit, held talks ...", "Y stayed on for a state visit": a visit told
            # from where the story is filed
            home = art.offices.get(visitor, set())
            here = art.place(art.dateline_place)
            if here and home and art.state_of(here) not in home | {None}:
                dest = here
        # a visit's date is the one attached to it, not any date of the sentence
        status, start, end = _event_status(art, s, tok, own_date_only=not is_verb)
        if is_noun and status is None and (start is None or start.day is None) and tok.dep_ in ("dobj", "obj", "nsubj") \
                and tok.head.lemma_.lower() in _ENDING:
            # "wrapped up a three-day visit on Friday", "X's visit ... ended on Thursday": the
            # date the ending verb gives
            _, said, said_end = _event_status(art, s, tok.head, own_date_only=True)
            if said is not None and said.day is not None:
                start, end = said, said_end
        if is_noun and status is None and start is not None and end is None:
            start, end = _closing_day(s, tok, start)   # its last day; the first when its length is told
        if is_noun and status is None and start is None and art.article_date is not None \
                and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for") \
                and tok.head.head.lemma_.lower() == "be" and tok.head.head.tag_ in ("VBZ", "VBP"):
            start = art.article_date   # "X is in Berlin for a two-day visit": under way as the story is told
        if is_noun and status is None and (start is None or start.month is None) and tok.dep_ == "pobj" \
                and tok.head.lower_ in ("on", "during") and tok.head.head.pos_ == "VERB":
            # "X held talks with Y on Monday, on his first foreign trip (this year)": the time of
            # what was done on it
            _, done, done_end = _event_status(art, s, tok.head.head, own_date_only=True)
            if done is not None and _dates_agree(start, done):
                start, end = done, done_end
        if is_noun and status is None and start is None and tok.dep_ in ("dobj", "obj") \
                and tok.head.dep_ in ("advcl", "xcomp") and tok.head.head.pos_ == "VERB" \
                and tok.head.head.lemma_.lower() in VISIT_VERBS:
            # "arrived in X on 15 May to begin a tour of Y": the tour began with the arrival
            _, start, end = _event_status(art, s, tok.head.head, own_date_only=True)
        if start is None and status is None and is_verb and _LATER_THAT_DAY.search(s.text):
            start = _day_told_before(art, s)   # "X left for Y in the afternoon", "landed shortly afterwards"
        if dest is None and is_verb and status is None and art.dateline_place and _arrives(tok) \
                and (says_here(s.text) or _news_of_the_day(art, start)):
            # "X arrived on Tuesday", "Y, who flew in on Friday": to where the story is filed
            home = art.offices.get(visitor, set())
            here = art.place(art.dateline_place)
            if here and home and art.state_of(here) not in home | {None}:
                dest = here
        if dest is None:
            if is_noun and status is None:
                # "X began a three-day state visit on Thursday. He was welcomed in Kampala by Y": a
                # visit whose destination a sentence after it gives (joined when events are merged)
                ev = Event("Visit", [visitor], start, end, destination=None,
                           extra={"type": "Visit", "sent": s.index, "block": s.block, "background": _background(tok)})
                ev.evidence.append(Evidence(s.text, s.section))
                art.events.append(ev)
            continue
        home = art.offices.get(visitor, set())
        if (art.state_of(dest) in home or dest in home) and is_noun:
            # "A and B, on a visit to Bonn, signed ...": of the two, the one from abroad
            others = [by_tok[c.i].key for i, m in by_tok.items() if m.key == visitor
                      for c in s.span.doc[i].conjuncts if c.i in by_tok and by_tok[c.i].key != visitor]
            away = [k for k in dict.fromkeys(others) if art.offices.get(k)
                    and art.state_of(dest) not in art.offices[k] and dest not in art.offices[k]]
            if len(away) == 1:
                visitor, home = away[0], art.offices[away[0]]
        if art.state_of(dest) in home or dest in home:
            continue   # a trip at home ("went to Mumbai") is no visit to a state
        if _a_building(art, s, dest) or _a_region(art, s, dest):
            continue   # "visited St. Mary's Church", "a tour of West Africa": no visit to one state
        if start is None and status is None and is_verb:
            start = _occasion_day(art, s, tok, visitor, dest)
        dests = [dest] + _further_destinations(s, tok, dest)   # "visited A and B", "visits to A and B"
        for who in dict.fromkeys([visitor, *(_delegation_leaders(tok, by_tok) + _listed_subjects(tok, by_tok)
                                              + _coordinated_subjects(tok, by_tok) if is_verb else [])]):
            if who != visitor and (art.state_of(dest) in art.offices.get(who, set()) or dest in art.offices.get(who, set())
                                   or not art.offices.get(who)):
                continue   # (one who travelled at home, or of no known office)
            for where in dests:
                ev = Event("Visit" if status is None else "Plan", [who], start, end,
                           destination=where, status=status,
                           extra={"type": "Visit", "sent": s.index, "block": s.block, "background": _background(tok)})
                ev.evidence.append(Evidence(s.text, s.section))
                art.events.append(ev)
    _predecessor_visits(art, s, by_tok)


# a time of the day just told: "in the afternoon", "that evening", "later that day"
_OCCASIONS = {"ceremony", "signing", "summit", "talks", "meeting", "conference", "funeral", "inauguration",
              "celebrations", "celebration", "commemoration", "anniversary", "parade"}


def _occasion_day(art: _Article, s: Sentence, tok: Any, visitor: str, dest: str) -> PartialDate | None:
    """"travelled to X for the ceremony": the day of the gathering at X the visitor took part in,
    as the story told it; "travelled to X to attend it / to take his seat", just after a
    gathering at X was told: that gathering's time."""
    where = art.state_of(dest) or dest
    at_x = lambda e: e.place is not None and (e.place == dest or (art.state_of(e.place) or e.place) == where)  # noqa: E731
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pobj" and g.lemma_.lower() in _OCCASIONS
                                                          for g in c.children) for c in tok.children):
        told = [e for e in art.events if e.kind == "Summit" and e.start is not None and e.start.day
                and visitor in e.participants and at_x(e)]
        return told[-1].start if told else None
    if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _TAKE_PART for c in tok.children):
        told = [e for e in art.events if e.kind == "Summit" and e.start is not None and at_x(e)
                and 0 <= s.index - e.extra.get("sent", -99) <= 1 and e.extra.get("trigger") in _GATHERINGS]
        return told[-1].start if told else None
    return None


# purposes that are taking part in a gathering: "to attend", "to take his seat", "to join them"
_TAKE_PART = {"attend", "take", "join", "address", "open", "chair"}


_BUILDINGS = {"church", "cathedral", "temple", "mosque", "shrine", "synagogue", "museum", "memorial", "monument",
              "cemetery", "mausoleum", "tomb", "factory", "plant", "school", "university", "hospital", "stadium",
              "hall", "palace", "house", "hotel", "villa", "castle", "centre", "center", "building"}


def _town_of_building(art: _Article, s: Sentence, place: str | None) -> str | None:
    """"At the Government Palace in Quito": the town a building of no known state is said to be
    in, right after it; else the place as it is."""
    if place is None or not place.startswith("place/") or art.state_of(place) is not None:
        return place
    doc = s.span.doc
    for m in s.places:
        if m.key != place:
            continue
        town = next((n for n in s.places if n.start == m.end + 1 and doc[m.end].lower_ in ("in", "of")
                     and art.state_of(n.key) is not None), None)
        if town is not None:
            return town.key
    return place


def _a_building(art: _Article, s: Sentence, dest: str) -> bool:
    """A destination that is a named building or site of no known state ("St. Anthony's Church"),
    in a sentence that names no town or state it could be in."""
    if not dest.startswith("place/") or art.state_of(dest) is not None:
        return False
    doc = s.span.doc
    if any(art.state_of(m.key) is not None for m in s.places if m.key != dest):
        return False   # "in the Town Hall of Bruges": the town the sentence names
    return any(m.key == dest and any(t.lemma_.lower() in _BUILDINGS for t in doc[m.start:min(m.end + 1, s.span.end)])
               for m in s.places)


# parts of the world, not states or towns: "West Africa", "the Middle East", "Southeast Asia"
_REGION = re.compile(r"\b(?:Africa|Asia|Europe|America|Americas|Middle\s+East|Near\s+East|Far\s+East|Gulf|Balkans|Caucasus|"
                     r"Pacific|Caribbean|Sahel|Maghreb|Levant|Scandinavia|Baltics?|Oceania|Horn\s+of\s+Africa)\b")


def _a_region(art: _Article, s: Sentence, dest: str) -> bool:
    """A destination that is a part of the world the reference does not place in a state."""
    if not dest.startswith("place/") or art.state_of(dest) is not None:
        return False
    return any(m.key == dest and _REGION.search(m.text) for m in s.places)


_LATER_THAT_DAY = re.compile(r"\b(?:in\s+the|that|the\s+same|later\s+that|later\s+in\s+the)\s+"
                             r"(?:morning|afternoon|evening|night|day)\b|"
                             r"\b(?:shortly|soon|(?:an|one|two|three|a\s+few)\s+hours?|minutes)\s+(?:afterwards|after(?:wards)?|later)\b",
                             re.I)


def _day_told_before(art: _Article, s: Sentence) -> PartialDate | None:
    """The day the sentence before (in the same paragraph) tells, or else the day of the last
    dated event of the paragraph."""
    prev = next((x for x in art.sentences if x.index == s.index - 1 and x.block == s.block), None)
    if prev is not None and prev.dates:
        said, _ = _resolve_dates(art, prev, None, "past")
        if said is not None and said.day is not None:
            return said
    dated = [e for e in art.events if e.extra.get("block") == s.block and e.start is not None and e.start.day]
    return dated[-1].start if dated else None


_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|last|only)\b", re.I)


def _predecessor_visits(art: _Article, s: Sentence, by_tok: dict[int, Mention]) -> None:
    """"The first Swedish king to visit Peru since A in 1976", "the third chancellor to
    visit X, after B in May 1995 and C in April 2004": each predecessor visited the same place,
    at the time the phrase gives."""
    told = [e for e in art.events if e.kind == "Visit" and e.extra.get("sent") == s.index and e.destination]
    if not told or not _ORDINAL.search(s.text):
        return
    doc = s.span.doc
    for t in s.span:
        if not _predecessor_phrase(s, t):
            continue
        people = [g for g in t.subtree if g.i in by_tok and g.dep_ in ("pobj", "conj")]
        for g in people:
            who = by_tok[g.i].key
            if any(who in e.participants for e in told):
                continue
            # the date right after the name: "A in 1981"
            after = [d for d in s.dates if 0 <= d.start - (doc[by_tok[g.i].end - 1].idx + len(doc[by_tok[g.i].end - 1].text)) <= 5]
            start = end = None
            if after:
                start, end = _resolve_expr(art, after[0].text, "past", context=_text_before(art, s, after[0].start))
            ev = Event("Visit", [who], start, end, destination=told[0].destination,
                       extra={"type": "Visit", "sent": s.index, "block": s.block, "background": True})
            ev.evidence.append(Evidence(s.text, s.section))
            art.events.append(ev)


_PLAIN_MOTION = {"go", "set", "ride", "drive", "sail", "cross", "come", "spend", "stop"}
_STAY_UNITS = {"day", "night", "week", "hour"}


def _goes_to(tok: Any, lem: str) -> bool:
    """"went to Fiji", "went on to Suva", "rode a bus to Lahore", "crossed into Greece"; "set
    foot in Asmara": travel said with a plain verb."""
    if lem in ("go", "ride", "drive", "sail"):
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    if lem == "come":
        # "came to Nairobi with ministers"; not "came to power", "came to an end"
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in tok.children)
    if lem == "cross":
        return any(c.dep_ == "prep" and c.lower_ == "into" for c in tok.children)
    if lem == "set":
        return any(c.dep_ in ("dobj", "obj") and c.lower_ == "foot" for c in tok.children)
    if lem == "stop":
        # "stopped in Lahore", "stopped over in Doha"; not "talks stopped in March"
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.pos_ == "PROPN"
                                                                and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
                   for c in tok.children)
    if lem == "spend":
        # "spent four days in Mexico", "spent the night in Hanoi": a stay; not "spent years in exile"
        return any(c.dep_ in ("dobj", "obj", "npadvmod") and c.lemma_.lower() in _STAY_UNITS for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children)
    return False


def _arrives(tok: Any) -> bool:
    """An arrival told without its destination: "arrived", "landed", "flew in"."""
    lem = tok.lemma_.lower()
    # ("flew in last night": the parser's "in" with no object, or a time for one, is the particle)
    timed_in = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                and (not any(c.children) or any(g.ent_type_ in ("TIME", "DATE") for g in c.subtree))]
    if any(c.dep_ == "prep" and c.lower_ in ("to", "in", "into", "at") and c not in timed_in
           and not _of_time_or_manner(c) and not _at_a_facility(c) for c in tok.children):
        return False
    return lem in ("arrive", "land") or lem == "fly" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "in" or c in timed_in for c in tok.children)


def _at_a_facility(prep: Any) -> bool:
    """"at Haneda airport", "at the air base": a facility, which says no town (the story's is meant)."""
    return prep.lower_ == "at" and any(o.dep_ == "pobj" and o.lemma_.lower() in _FACILITIES for o in prep.children)


_FACILITIES = {"airport", "airfield", "airbase", "base", "station", "terminal"}


# nouns that make "at"/"in" a place: "arrived at the airport", "landed in the capital"
_PLACE_NOUNS = {"airport", "airfield", "airbase", "base", "capital", "city", "town", "port", "harbour",
                "harbor", "station", "palace", "summit", "venue", "border", "island", "country"}


def _of_time_or_manner(prep: Any) -> bool:
    """"at the start of a tour", "at the invitation of X", "in good spirits": a preposition
    whose object is no place, so the arrival still has none."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ not in ("GPE", "LOC", "FAC") \
        and obj.lemma_.lower() not in _PLACE_NOUNS


def _where_clause(s: Sentence, tok: Any) -> str | None:
    """The place a "where" clause with the word ``tok`` hangs on: "... flew in from Tirana,
    where he had paid his first visit", "X was in Dhaka, where A and B watched ..."."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("dobj", "obj") else None
    if verb is None or verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    return next((m.key for m in [*s.places, *s.states] if m.start <= verb.head.i < m.end), None)


def _further_destinations(s: Sentence, tok: Any, first: str) -> list[str]:
    """"Travelled to Cairo and then to Jerusalem": a second "to" coordinated with the first."""
    tos = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
    if not tos:
        return []
    more = [c for c in [*tos[0].conjuncts, *tok.children] if c.dep_ == "conj" and c.lower_ == "to"]
    # "travelled to Mali, Niger and Ethiopia": the places listed with the first
    more += [g for c in tos[0].children if c.dep_ == "pobj" for g in c.conjuncts]
    # "to Cairo and then to Jerusalem" where the parser hung the second "to" elsewhere: the words
    # right after the first place
    doc = s.span.doc
    j = tos[0].right_edge.i + 1
    while j + 1 < s.span.end and doc[j].lower_ in ("and", ",") and (
            doc[j + 1].lower_ == "to" or doc[j + 1].lower_ == "then" and j + 2 < s.span.end and doc[j + 2].lower_ == "to"):
        to = doc[j + 1] if doc[j + 1].lower_ == "to" else doc[j + 2]
        more.append(to)
        j = to.right_edge.i + 1
    out: list[str] = []
    for to in more:
        k = next((m.key for g in to.subtree for m in [*s.places, *s.states] if m.start <= g.i < m.end), None)
        if k and k != first and k not in out:
            out.append(k)
    return out


def _delegation_leaders(verb: Any, by_tok: dict[int, Mention]) -> list[str]:
    """"A delegation led by A and B travelled to X": each who led it travelled."""
    out: list[str] = []
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lemma_.lower() in ("delegation", "team", "mission"):
            for led in c.children:
                if led.dep_ == "acl" and led.lemma_.lower() in ("lead", "head"):
                    out += [by_tok[g.i].key for g in led.subtree if g.i in by_tok and by_tok[g.i].key not in out]
    return out


def _coordinated_subjects(verb: Any, by_tok: dict[int, Mention]) -> list[str]:
    """Each of a coordinated subject ("A and B flew to X", "A and his Togolese counterpart, B,
    flew to X"): the people its conjuncts name, or name in apposition."""
    out: list[str] = []
    for c in verb.children:
        if c.dep_ != "nsubj":
            continue
        heads = [c, *[a for a in c.children if a.dep_ == "appos"]]   # "President [A] and B": B hangs on A
        todo = [x for h in heads for x in h.children if x.dep_ == "conj"]
        while todo:
            g = todo.pop(0)
            named = g if g.i in by_tok else next((a for a in g.children if a.dep_ == "appos" and a.i in by_tok), None)
            if named is not None and by_tok[named.i].key not in out:
                out.append(by_tok[named.i].key)
            todo.extend(x for x in g.children if x.dep_ == "conj")
    return out


def _listed_subjects(verb: Any, by_tok: dict[int, Mention]) -> list[str]:
    """The people a plural subject lists in apposition ("the two sponsors, A and B, had both
    arrived"): each of them."""
    out: list[str] = []
    for c in verb.children:
        if c.dep_ == "nsubj" and c.i not in by_tok and c.tag_ == "NNS":
            out += [by_tok[g.i].key for g in c.subtree if g.i in by_tok and g.dep_ in ("appos", "conj")
                    and g.i == by_tok[g.i].end - 1]
    return list(dict.fromkeys(out))


def _subject_person(verb: Any, by_tok: dict[int, Mention]) -> str | None:
    """The person a verb's subject names: the subject itself, a person in apposition to it
    ("Turnbull's successor, Prime Minister X, arrived"), the noun a relative clause hangs off
    ("X, who arrived in Y on Tuesday"), else the first person in it that is not a possessor."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.i in by_tok:
            return by_tok[c.i].key
        if c.lower_ == "who" and verb.dep_ == "relcl":
            # "A, B and C of Pakistan, who had flown in": the name right before "who" (the parser
            # may hang the clause on the list's first name)
            doc = verb.doc
            for j in range(c.i - 1, max(c.i - 7, verb.sent.start - 1), -1):
                if j in by_tok:
                    return by_tok[j].key
                if doc[j].pos_ in ("VERB", "AUX"):
                    break
        if c.lower_ in ("who", "that") and verb.dep_ == "relcl" and verb.head.i in by_tok:
            return by_tok[verb.head.i].key
        if c.lower_ == "who" and verb.dep_ == "relcl":
            # "President of the Republic of X Y Z, who arrived": the name inside the noun's phrase
            named = [g for g in verb.head.subtree if g.i in by_tok and g.i < verb.i]
            if named:
                return by_tok[named[-1].i].key
        appos = [a for a in c.children if a.dep_ == "appos" and a.i in by_tok]
        if appos:
            return by_tok[appos[0].i].key
        if c.dep_ == "nsubj":
            inner = [g for g in c.subtree if g.i in by_tok]
            plain = [g for g in inner if not any(a.dep_ == "poss" for a in [g, *g.ancestors][:3] if a.i != c.i)]
            if plain or inner:
                return by_tok[(plain or inner)[0].i].key
    return None


def _destination(art: _Article, s: Sentence, tok: Any, is_verb: bool) -> str | None:
    spans = [(m.start, m.end, m.key) for m in s.states] + [(m.start, m.end, m.key) for m in s.places]

    def key_at(i: int) -> str | None:
        for a, b, k in spans:
            if a <= i < b:
                return k
        return None

    # "arrived in X", "flew into X"; a noun: "a visit to X", "a tour of X", and "a stop in X" (made in a place)
    if tok.lemma_.lower() in ("leave", "depart"):
        # "left for Canberra", "left Beijing for Moscow": where it went, never what it left
        return next((key_at(g.i) for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                     for g in c.subtree if key_at(g.i)), None)
    preps = ("to",) if tok.lemma_.lower() in ("go", "ride", "drive", "sail") else ("into",) if tok.lemma_.lower() == "cross" \
        else ("in",) if tok.lemma_.lower() == "spend" \
        else ("to", "in", "into", "at") if is_verb and tok.lemma_.lower() in ("arrive", "land") \
        else ("to", "in", "into") if (is_verb and tok.lemma_.lower() != "visit") \
        or tok.lemma_.lower() in ("stop", "stopover") else ("to", "of", "through") if tok.lemma_.lower() == "tour" \
        else ("to",)
    children = list(tok.children)
    if not is_verb and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in LIGHT_VERBS:
        # "paid a visit to X", parsed with "to X" on the verb
        children += [c for c in tok.head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    for c in children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for g in c.subtree:
                k = key_at(g.i)
                if k and (c.lower_ != "at" or art.state_of(k) is not None):
                    return k   # ("arrived at Haneda airport": an airport, of no state we know, is no destination)
        if is_verb and c.dep_ in ("dobj", "obj"):
            for g in c.subtree:
                k = key_at(g.i)
                if k:
                    return k
    return None


_HOSTING = {"receive", "welcome", "host", "greet"}
# verbs of a journey a visit is made on ("flew to X on a visit")
_JOURNEYS = _TRAVEL | {"jet", "land", "leave"}


def _presence_visits(art: _Article, s: Sentence) -> None:
    """Visits a sentence states without a travel verb: "A was in Lusaka on 6 June" (a leader or
    minister in a city of another state), "Sisi received King Salman at the airport" (a foreign
    leader or minister received by the host)."""
    doc = s.span.doc
    by_tok = _persons_by_token(s)
    spans = [(m.start, m.end, m.key) for m in s.places] + [(m.start, m.end, m.key) for m in s.states]

    for tok in s.span:
        lem = tok.lemma_.lower()
        if lem == "be" and tok.tag_ == "VBD":
            subj = _subject_person(tok, by_tok)
            home = art.offices.get(subj, set()) if subj else set()
            if not home:
                continue
            for c in tok.children:
                if c.dep_ != "prep" or c.lower_ != "in":
                    continue
                where = next((k for g in c.children if g.dep_ == "pobj"
                              for a, b, k in spans if a <= g.i < b), None)
                st = art.state_of(where) if where else None
                if st is None or st in home:
                    continue
                _add_visit(art, s, tok, subj, where)
        elif lem in _HOSTING and tok.pos_ == "VERB":
            host = next((by_tok[c.i].key for c in tok.children if c.dep_ == "nsubj" and c.i in by_tok), None) \
                or (_subject_person(tok, by_tok) if any(c.dep_ == "nsubj" for c in tok.children) else None)
            guests = _received(tok, by_tok)
            if not guests and any(c.dep_ in ("dobj", "obj") and c.lower_ in ("him", "her") for c in tok.children):
                # "A spent two days in Moscow, where B received him": the one the story follows,
                # this sentence's subject or the last one before
                told = [_sentence_subject(x) for x in reversed(art.sentences[max(0, s.index - 2):s.index + 1])]
                guests = [k for k in told if k and art.offices.get(k)][:1]
            guest = guests[0] if guests else None
            if host is None and guest is None:
                # "X was received by Y": the passive's subject is the guest, its agent the host
                guest = _subject_person(tok, by_tok) if any(c.dep_ == "nsubjpass" for c in tok.children) \
                    or (tok.dep_ == "conj" and tok.tag_ == "VBN") else None
                if guest is None and tok.dep_ == "conj" and tok.tag_ == "VBN":
                    guest = _subject_person(tok.head, by_tok)
                # (the parser may hang "by Y" on the place: "welcomed in Lusaka by Y")
                host = next((by_tok[g.i].key for c in tok.subtree if c.lower_ == "by" and c.dep_ in ("agent", "prep")
                             and not any(a.pos_ in ("VERB", "AUX") for a in c.ancestors if a.i != tok.i
                                         and tok.i in {x.i for x in a.ancestors})
                             for g in c.children if g.i in by_tok), None)
            if host is None or guest is None or host == guest:
                continue
            host_states = art.offices.get(host, set())
            if len(host_states) != 1:
                continue
            home = next(iter(host_states))
            # "welcomed A, B and C at the airport": each guest from another state
            guests = [g for g in (guests or [guest]) if g != host and art.offices.get(g)
                      and not art.offices[g] & host_states]
            if not guests:
                continue
            # where the guests were received: a place of the host's state the verb governs
            where = next((m.key for m in s.places if _governed_by(doc[m.end - 1], tok)
                          and art.state_of(m.key) == home), None)
            if where is None:   # "in the Russian capital, where B received him"
                clause = _where_clause(s, tok)
                where = clause if clause is not None and art.state_of(clause) == home else home
            for g in guests:
                _add_visit(art, s, tok, g, where, host)
            landed = tok.dep_ == "conj" and tok.head.lemma_.lower() in ("land", "touch") \
                or lem == "welcome" and tok.dep_ == "relcl" and _arrival_clause(tok)
            if all(k in art.leaders or k in art.leader_titled for k in (host, *guests)) \
                    and not _AIRSIDE.search(s.text) and not landed:
                # leaders, one receiving the others: they met (not a welcome on the tarmac,
                # nor "X landed and was received by Y" at the airport, which are protocol: the talks
                # are told apart)
                _add_meeting(art, s, tok, [host, *guests], where if where.startswith("place/") else None)
        elif lem == "call" and tok.pos_ == "VERB":
            # "called on President X": a courtesy call is a meeting
            subj = next((by_tok[c.i].key for c in tok.children if c.dep_ == "nsubj" and c.i in by_tok), None)
            if subj is None and tok.dep_ == "conj":
                subj = next((by_tok[c.i].key for c in tok.head.children if c.dep_ == "nsubj" and c.i in by_tok), None)
            on = next((g for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ == "on"
                       for g in [*c.children, *tok.children] if g.i in by_tok and g.dep_ in ("pobj", "dobj")), None)
            if subj and on is not None and by_tok[on.i].key != subj and \
                    all(k in art.leaders or k in art.leader_titled for k in (subj, by_tok[on.i].key)):
                # (where: "at the palace in Vientiane", "in Colombo")
                _add_meeting(art, s, tok, [subj, by_tok[on.i].key], _town_of_building(art, s, _place_for(s, tok, strict=True)))
        elif lem == "take" and tok.pos_ == "VERB":
            _taken_to(art, s, tok, by_tok)   # "a tour that took him to A and B"
        elif lem == "return" and tok.pos_ == "VERB":
            _returned_from(art, s, tok, by_tok)   # "X returned from Washington on Friday"
        elif lem == "bring" and tok.pos_ == "VERB" and any(t.lower_ == "together" for t in tok.subtree):
            # "X brought A and B together": the three met
            people = [m.key for m in s.persons if _governed_by(doc[m.end - 1], tok)]
            if len(set(people)) >= 2 and all(k in art.leaders or k in art.leader_titled for k in people):
                _add_meeting(art, s, tok, list(dict.fromkeys(people)), _place_for(s, tok, strict=True))


_TRIPS = {"tour", "trip", "journey", "mission", "travels", "swing"}


def _returned_from(art: _Article, s: Sentence, tok: Any, by_tok: dict[int, Any]) -> None:
    """"X returned from Washington": X had been to that place (when, the return does not say)."""
    who = _subject_person(tok, by_tok)
    if who is None or not art.offices.get(who) or _is_speculative(tok):
        return
    spans = [(m.start, m.end, m.key) for m in [*s.places, *s.states]]
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "from":
            continue
        where = next((k for g in c.subtree for a, b, k in spans if a <= g.i < b), None)
        if where is None or art.state_of(where) in art.offices[who] or where in art.offices[who]:
            return
        ev = Event("Visit", [who], None, None, destination=where,
                   extra={"type": "Visit", "sent": s.index, "block": s.block, "host": None})
        ev.evidence.append(Evidence(s.text, s.section))
        art.events.append(ev)
        return


def _taken_to(art: _Article, s: Sentence, tok: Any, by_tok: dict[int, Any]) -> None:
    """"a three-week tour that also took him to A, B and C", "His trip took her to X": a visit
    to each place the trip took its traveller to."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    trip = tok.head if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == "relcl" else subj
    if trip is None or trip.lemma_.lower() not in _TRIPS | VISIT_NOUNS:
        return
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return
    if obj.i in by_tok:
        who = by_tok[obj.i].key
    elif obj.lower_ in ("him", "her"):
        owner = next((c for c in trip.children if c.dep_ == "poss" and c.i in by_tok), None)
        who = by_tok[owner.i].key if owner is not None else _sentence_subject(s) or next(
            (k for k in (_sentence_subject(x) for x in reversed(art.sentences[max(0, s.index - 2):s.index])) if k), None)
    else:
        return
    if who is None or not art.offices.get(who):
        return
    first = _destination(art, s, tok, True)
    if first is None:
        return
    for where in [first] + _further_destinations(s, tok, first):
        if art.state_of(where) in art.offices[who] or where in art.offices[who]:
            continue
        _add_visit(art, s, tok, who, where)


def _arrival_clause(tok: Any) -> bool:
    """"X arrived in Y, where he was welcomed by Z": a welcome hung on the place of an arrival."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in ("arrive", "land", "fly", "touch")


def _received(verb: Any, by_tok: dict[int, Any]) -> list[str]:
    """The people a verb of welcoming has as its object, with those listed after the first
    ("welcomed A, B and C") and a name in apposition ("received his guest, A")."""
    out: list[str] = []
    for c in verb.children:
        if c.dep_ not in ("dobj", "obj"):
            continue
        todo = [c]
        while todo:
            g = todo.pop(0)
            if g.i in by_tok and by_tok[g.i].key not in out:
                out.append(by_tok[g.i].key)
            todo.extend(x for x in g.children if x.dep_ in ("appos", "conj"))
    return out


def _add_meeting(art: _Article, s: Sentence, tok: Any, people: list[str], where: str | None) -> None:
    status, start, end = _event_status(art, s, tok, own_date_only=False)
    if status is not None:
        return
    arrival = next((e for e in reversed(art.events) if e.kind == "Visit" and e.extra.get("sent") == s.index
                    and set(e.participants) & set(people) and (e.destination or "").startswith("place/")), None)
    if arrival is not None and where is None:
        # "X arrived in Tallinn and was greeted by Y": where and when the guest arrived
        where = arrival.destination
        if start is None:
            start, end = arrival.start, None
    if where is None and art.dateline_place and _news_of_the_day(art, start):
        where = art.place(art.dateline_place)
    ev = Event("Summit", people, start, end, where,
               extra={"type": "Summit", "noun": False, "sent": s.index, "block": s.block, "trigger": tok.lemma_.lower()})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)


def _add_visit(art: _Article, s: Sentence, tok: Any, visitor: str, where: str, host: str | None = None) -> None:
    status, start, end = _event_status(art, s, tok, own_date_only=False)
    if status is not None:
        return
    ev = Event("Visit", [visitor], start, end, destination=where,
               extra={"type": "Visit", "sent": s.index, "block": s.block, "host": host})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)


def _days_into(day: PartialDate | None, visit: Event) -> int | None:
    """How many days ``day`` falls after the start of ``visit`` (within the visit, or the three
    days after its start when its end is not told); None when it does not fall in it."""
    if day is None or visit.start is None or day.day is None or visit.start.day is None:
        return None
    import datetime as dt
    first = dt.date(visit.start.year, visit.start.month or 1, visit.start.day)
    n = (dt.date(day.year, day.month or 1, day.day) - first).days
    last = (dt.date(visit.end.year, visit.end.month or 1, visit.end.day) - first).days \
        if visit.end is not None and visit.end.day is not None else 3
    return n if 0 <= n <= last else None

