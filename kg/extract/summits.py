"""Summits: meetings of leaders. The trigger words of a sentence ("met", "talks", "summit"), who
took part (named, by a plural title, "the two leaders", a group told before), when and where;
gatherings told before their people; meetings on a summit's sidelines."""

from __future__ import annotations

import datetime
import re
from typing import Any

from .. import reference as ref
from ..model import Evidence, PartialDate
from .lexicon import (AGENTS_OF, AIRSIDE, REGION, ASKED_LEMMAS, BY_LINE, GROUP_OF, HOSTING, LIGHT_VERBS, SUMMIT_NOUNS,
                      SUMMIT_VERBS, _TITLE_HEADS)
from .meeting_words import (
    _CONVERSE, _discussed_together, _EVE_OF, _session_with, _talked_together, _time_of_the_one_told, _with_first,
)
from .nlp import inverted_subject, _doc_text, _governed_by, _past_possessive
from .mentions import _subject_person as _sentence_subject, says_here
from .context import _Article, Event, Mention, _persons_by_token, Sentence
from .dating import (
    _dates_agree, _in_own_clause, _predecessor_phrase, _resolve_dates, _resolve_expr, _sentence_year, _within,
)
from .modality import _event_status, _negated, _under_way, going_on
from .offices import _holds_title
from .scene import (
    _ENDING, _GATHERINGS, _JOURNEYS, _PLACE_NOUNS, _SPAN_WORDS, _a_building, _background, _closing_day, _news_of_the_day, dateline_town,
    place_told_there, told_before_the_story,
    _place_for, _subject_person, _the_stop_before, _town_of_building, _trigger_tokens, _where_clause,
)


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
    series = _series_name(tok)
    if series:
        return series
    # an organisation's own ("SADC's first summit"), not a state's or a person's
    mods = [c for c in tok.lefts if (c.dep_ in ("compound", "amod", "nmod", "npadvmod")
                                     or c.dep_ == "poss" and c.ent_type_ == "ORG" and not c.ent_id_)
            and c.text[:1].isupper() and c.pos_ in ("PROPN", "ADJ", "NOUN")]
    words = [t.text for m in mods for t in m.subtree if t.text[:1].isupper() or re.fullmatch(r"\d+(?:st|nd|rd|th)", t.text)]
    if not words or all(re.fullmatch(r"\d+(?:st|nd|rd|th)", w) for w in words):
        # "the 12th summit of the African Union": the organisation's, named after it
        return _of_an_organisation(tok)   # ("the 18th summit" alone: no name)
    return " ".join(words + [tok.lemma_.lower()])


def _series_name(tok: Any) -> str | None:
    """"The Fourth Summit of the Americas": a capitalised gathering noun whose "of" names no state,
    place or organisation is part of a series' name, kept as written (with its ordinal)."""
    if not tok.text[:1].isupper():
        return None
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or not obj.text[:1].isupper() or any(t.dep_ == "conj" for t in obj.subtree) \
            or ref.lookup_state(obj.text) is not None or ref.lookup_place(obj.text) is not None:
        return None
    one = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if not (one is not None and one.start <= obj.i < one.end) and obj.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
        return None   # (unless the NER reads the whole as one name: "Fourth Summit of the Americas")
    before = [t.text for t in tok.lefts if t.dep_ in ("amod", "compound", "nummod") and t.text[:1].isupper()
              or re.fullmatch(r"\d+(?:st|nd|rd|th)", t.text)]
    return " ".join(before + [tok.doc[tok.i:obj.i + 1].text])


def _of_an_organisation(tok: Any) -> str | None:
    """"the summit of the African Union" -> "African Union summit": a gathering named by the
    organisation whose it is (a capitalised name the NER reads as an organisation, not a state)."""
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    org = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if org is None or org.ent_type_ != "ORG" or not org.text[:1].isupper() \
            or any(c.dep_ == "conj" for c in [*org.children, *tok.children]):
        return None   # ("a joint summit of the AU and ECOWAS": named by neither alone)
    words = [t.text for t in org.subtree if t.i <= org.i and t.text[:1].isupper() and t.ent_type_ == "ORG"]
    return " ".join(words + [tok.lemma_.lower()]) if words else None


def _named_for_place(art: _Article, s: Sentence, tok: Any) -> str | None:
    """The city a gathering is named after ("the Accra conference", "the Lusaka summit"): where
    it was held."""
    for m in s.places:
        last = s.span.doc[m.end - 1]
        if m.end == tok.i and last.head.i == tok.i and last.dep_ in ("compound", "nmod", "amod") \
                and not (REGION.search(m.text) and art.state_of(m.key) is None):   # (not "the Gulf summit")
            return m.key
    before = s.span.doc[tok.i - 1] if tok.i > s.span.start else None
    if before is not None and before.head.i == tok.i and before.dep_ == "compound" and before.pos_ == "PROPN":
        # (a town the NER took for an organisation: "Agra summit")
        p = ref.lookup_place(before.text)
        if p is not None and p.kind in ("capital", "city"):
            return art.place(before.text)
    return None


# a conference that is not a gathering of leaders: one held for the press, or over a line
_NOT_GATHERING = {"news", "press", "video", "tele", "phone", "telephone"}


def _not_a_gathering(tok: Any) -> bool:
    return any(c.lower_ in _NOT_GATHERING for c in tok.lefts) \
        or tok.i > 0 and tok.doc[tok.i - 1].lower_ in _NOT_GATHERING


# verbs that tell a meeting with a particle: "brought A and B together", "sat down with B"
_TOGETHER = {"bring", "sit", "get", "come", "shake", "spend"}
# what people do side by side, a meeting when done "together": "A and B laid wreaths together",
# "the two men attended Mass together" (not "worked together", years of cooperation)
# ("din": the lemma the tagger gives "dined")
_SIDE_BY_SIDE = {"lay", "attend", "visit", "tour", "walk", "watch", "inspect", "unveil", "inaugurate", "open",
                 "dine", "din", "pray", "plant", "travel", "fly", "ride", "drive", "appear", "pose", "stroll", "eat"}


def _meets_together(tok: Any, lem: str) -> bool:
    parts = {c.lower_ for c in tok.children if c.dep_ in ("advmod", "prt", "prep")}
    if any(g.lower_ == "together" for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "advmod"):
        parts.add("together")   # ("toured it together in X": the parser hangs the word on "in")
    if "together" in parts:
        # ("the three sat down together", "A and B spent four hours together at X")
        return lem in ("bring", "get", "come", "sit", "spend") or lem in _SIDE_BY_SIDE and any(
            c.dep_ in ("nsubj", "nsubjpass") and (any(g.dep_ == "conj" for g in c.children)
                                                 or c.lower_ in ("they", "both") or c.tag_ == "NNS")
            for c in tok.children)
    if lem == "spend" and "with" in parts:
        # "spent Monday with B", "spent two hours with B": time with another leader is a meeting
        return any(c.dep_ in ("dobj", "obj", "npadvmod") and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower()
                                                               in ("hour", "day", "evening", "morning", "afternoon"))
                   for c in tok.children)
    if lem == "shake":   # "A and B shook hands at the border post": they met there
        return any(c.dep_ in ("dobj", "obj") and c.lower_ == "hands" for c in tok.children)
    return lem == "sit" and "down" in parts and ("with" in parts or "together" in parts)


def _summits(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    for tok, lem in _trigger_tokens(s, SUMMIT_NOUNS | {"session"},
                                    SUMMIT_VERBS | _TOGETHER | _SIDE_BY_SIDE | _CONVERSE | {"see"}):
        is_noun = tok.pos_ in ("NOUN", "PROPN") and (lem in SUMMIT_NOUNS or lem == "session" and _session_with(s, tok))
        if lem in _CONVERSE and not _with_first(s, tok) and not _discussed_together(s, tok):
            continue
        talked = (lem == "talk" and tok.pos_ == "VERB" and _talked_together(tok)) or lem in _CONVERSE
        if lem == "talk" and tok.lower_ != "talks" and not talked:
            continue   # "talks" between sides; "a talk" is a lecture
        if lem == "conference" and _not_a_gathering(tok):
            continue   # "a news conference", "by video conference": no gathering of leaders
        # ("went on to Berlin to see B": the journey's purpose, a meeting)
        is_verb = tok.pos_ == "VERB" and (lem in SUMMIT_VERBS or talked
                                          or lem in _TOGETHER | _SIDE_BY_SIDE and _meets_together(tok, lem)
                                          or lem == "see" and _journey_for(tok, False) is not None)
        if not (is_noun or is_verb):
            continue
        if _over_the_line(tok):
            continue   # "held talks by telephone", "met over video link": nobody met
        if _negated(tok):
            continue   # "did not meet", "held no bilateral meeting": none took place
        if is_verb and lem == "meet" and tok.tag_ == "VBN" \
                and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) \
                and (any(AIRSIDE.search(t.text) for t in tok.subtree)
                     or any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children)
                     and AIRSIDE.search(tok.doc[tok.sent.start:tok.i].text)):
            # "was met off the plane at the airport by X", "landed at Y airport, where he was met
            # by X": a welcome, not the talks
            continue
        if is_verb and lem == "meet" and tok.tag_ == "VBD" and any(c.dep_ in ("dobj", "obj") for c in tok.children) \
                and any(c.dep_ == "prep" and c.lower_ in ("on", "at")
                        and AIRSIDE.search(" ".join(g.text for g in c.subtree)) for c in tok.children):
            continue   # "X met him on the tarmac": the welcome at the airport (not "A and B met at the airport")
        if is_noun and _what_it_was(tok):
            continue   # "met B for what was expected to be their last meeting": the meeting told, judged

        if is_noun and _ended_before(art, s, tok):
            continue   # "The summit closed on Sunday": the last day of the one told before
        if is_noun and _time_of_the_one_told(art, s, tok):
            continue   # "Before the summit, A held talks with B": the gathering told, as a time
        participants = _participants(art, s, tok)
        if lem == "bring" and is_verb:
            # "A brought B and C together": they met, and A with them
            objs = {g.i for c in tok.children if c.dep_ in ("dobj", "obj") for g in c.subtree}
            participants = list(dict.fromkeys(participants + [m.key for m in s.persons if m.start in objs]))
        if (talked or lem in _SIDE_BY_SIDE or lem == "bring") and len(participants) < 2:
            continue   # "he talked of the weapons it hoped to sell": no meeting of his own told
        if lem == "bring" and not any(p.startswith("person/") for p in participants):
            continue   # "the new bloc brings together A, B and C": its members, no meeting
        if len(participants) < 1:
            _anchor(art, s, tok, lem, is_noun)
            continue
        if len(participants) >= 3 and _RESPECTIVELY.search(s.text):
            continue   # "met A and B respectively": two meetings in two places, not one of the three
        status, start, end = _event_status(art, s, tok, own_date_only=False)
        journey = _journey_for(tok, is_noun)
        if journey is not None:
            # "went on to Quito on Monday for talks with A, then to B on Wednesday", "went on to
            # Y the next day to meet B": the day of the journey made for them
            j_status, j_start, j_end = _event_status(art, s, journey, own_date_only=True)
            if j_start is not None:
                status, start, end = j_status, j_start, j_end
        # its own place first ("since A met B in Havana"), else the sentence's; "held talks there":
        # the place just told (not "... before flying on to Y")
        there = place_told_there(art, s, tok) or (place_told_there(art, s, tok.head)
                                                  if tok.pos_ != "VERB" and tok.dep_ in ("dobj", "obj") else None)
        place = (_named_for_place(art, s, tok) if is_noun else None) or there \
            or _place_for(s, tok, strict=True, governor=tok, outside=tok) \
            or _where_clause(s, tok) or (None if _background(tok) else _place_for(s, tok, strict=True, outside=tok))
        if journey is not None:
            # "flew to Riyadh on Saturday for the summit of X", "went on to Warsaw to meet B":
            # where the journey went
            from .visits import _destination   # (visits reads summits: imported when used)
            dest = _destination(art, s, journey, True)
            own = _place_for(s, tok, strict=True, governor=tok, outside=tok) \
                if dest and dest.startswith("state/") else None
            # (a town the meeting names in the state the journey went to: "crossed into X to meet B in Y")
            place = own if own and own.startswith("place/") and art.state_of(own) in (None, dest) else dest or place
        if is_noun and status is None and start is None and _under_way(tok) and art.article_date is not None \
                and (s.section == "headline" or going_on(tok)):
            # "The X summit, day two" in a headline, "talks are under way": the day being told
            start = art.article_date
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
        eve = _EVE_OF.search(s.text)
        if status is None and start is None and not own_dates and eve:
            # "On the eve of the summit A held talks with B": the day before the gathering told
            told_day = next((e.start for e in reversed(art.events) if e.kind == "Summit"
                             and e.start is not None and e.start.day is not None and e.status is None
                             and e.extra.get("block", -9) >= s.block - 2), None)
            if told_day is not None:
                day = told_day.to_date() - datetime.timedelta(days=1)
                start, borrowed = PartialDate(day.year, day.month, day.day), True
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
        section = art.state_of(dateline_town(art, s)) if art.section_towns else None
        if status is None and place is None:
            # no place of its own: where a participant had just arrived ("X arrived in Kampala.
            # She held talks with Y"); in a roundup, in the state of the section's town ("KYIV. X
            # arrived ... MOSCOW. On Friday Putin received X")
            recent = [e for e in recent if section is None or art.state_of(e.destination) in (None, section)]
            for e in reversed(recent):
                if e.kind == "Visit" and set(e.participants) & set(participants) \
                        and (e.destination or "").startswith("place/") and _dates_agree(e.start, start) \
                        and not _the_stop_before(art, e):
                    place = e.destination
                    break
            else:
                # or where a participant's visit of those days had taken them ("arrived in Lima on
                # Monday ... On Tuesday the two presidents held talks")
                for e in reversed(art.events):
                    if e.kind == "Visit" and set(e.participants) & set(participants) \
                            and (e.destination or "").startswith("place/") and _days_into(start, e) is not None \
                            and (section is None or art.state_of(e.destination) == section) \
                            and not _the_stop_before(art, e):   # (not "from X, where ...": the stop before)
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
        town = dateline_town(art, s)   # (a city-state's dateline, "SINGAPORE, Nov 7 -": the state)
        filed_in = art.state_of(town) if art.section_towns and town else art.dateline_state
        if status is None and place is None and town:
            # "held talks here", or talks during a visit to the state the story was filed from
            visited = {e.destination for e in art.events if e.kind == "Visit" and set(e.participants) & set(participants)
                       and not e.extra.get("background")
                       and (e.start is None or start is None or _dates_agree(e.start, start)
                            or _within(start, e.start, e.end))}
            here = town
            away = [d for d in visited if d and art.state_of(d) not in (None, filed_in)]
            if not says_here(s.text) and len(away) == 1 and filed_in not in visited:
                place = away[0]   # "CAIRO - X arrived in Djibouti ... the two held talks": where he went
            elif says_here(s.text) or (filed_in in visited) or _news_of_the_day(art, start):
                place = here
        if status is None and place is None:
            # no town told: the state a guest's visit of those days went to, whose leader or
            # minister the guest met there ("a visit to Syria that began on a Monday ... the two
            # leaders held talks the next day")
            place = next((e.destination for e in reversed(art.events) if e.kind == "Visit"
                          and set(e.participants) & set(participants)
                          and (e.destination or "").startswith("state/") and _days_into(start, e) is not None
                          and any(e.destination in art.offices.get(p, ()) for p in participants
                                  if p not in e.participants)), None)
        place = _town_of_building(art, s, place)
        if place is not None and town and not _background(tok) and _a_building(art, s, place):
            # "met in the Coronation Hall of the town hall", in a story filed from that town: the town
            place = town
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
        if is_verb and lem == "host" and len(participants) == 1 and _hosts_leaders(tok):
            one = True   # "A hosted the leaders of several republics in X": a gathering A took part in
        if is_verb and one:
            takes_part = set(participants)   # "leaders of X met under the chairmanship of A"
        if sidelines:
            one, takes_part = True, set(participants)
        # "A met B and later C": two meetings, one after the other, with nobody else in common
        groups = _one_after_another(s, tok, participants) if is_verb else [participants]
        turns = s.memo.get("in_turn")   # (the verb, where its parts begin, their groups)
        if is_noun and turns:
            # "met A at the X summit in 2006, and B at the Y summit in 2009": a gathering in one part
            # is the meeting of that part's people
            at = s.span.doc[tok.i].idx
            for k, g in enumerate(turns[2]):
                if turns[1][k] <= at < turns[1][k + 1]:
                    groups = [g]
                    start, end, place = _own_part(art, s, turns[1][k], turns[1][k + 1], start, end, place)
        one_by_one = is_verb and any(c.dep_ == "advmod" and c.lower_ in ("separately", "individually")
                                     for c in tok.children)   # "met A and B separately"
        if len(participants) >= 3 and (one_by_one or is_noun and (
                _held_apart(tok) or re.search(r"\bseparately\s+with\b", s.text))):
            # "X held separate meetings with A and B", "talks with A and separately with B": X met
            # each of them
            host = _subject_person(tok, _persons_by_token(s)) if is_verb else \
                _subject_person(tok.head, _persons_by_token(s)) if tok.dep_ in ("dobj", "obj") else None
            # "A and B each held separate talks with C": each of the subjects met C, not each other
            groups = _each_subject_with_the_others(s, tok, is_verb, participants) or (
                [[host, p] for p in participants if p != host] if host in participants else groups)
        elif len(participants) >= 3 and _each_of_them(tok):
            groups = _each_subject_with_the_others(s, tok, is_verb, participants) or groups   # "A and B each met C"
        for k, group in enumerate(groups):
            if turns is not None and turns[0] == tok.i and groups == turns[2]:
                start, end, place = _own_part(art, s, turns[1][k], turns[1][k + 1], start, end, place)
            ev = Event("Summit" if status is None else "Plan", group, start, end, place,
                       status=status, extra={"type": "Summit", "noun": is_noun, "in_state": in_state, "one": one,
                                             "takes_part": takes_part,
                                             "background": _background(tok), "before_story": told_before_the_story(tok),
                                             "sent": s.index, "block": s.block, "borrowed_date": borrowed,
                                             "name": name, "trigger": lem, "sidelines": sidelines,
                                             "apart": (s.index, tok.i) if len(groups) > 1 else None,
                                             # ("A also held separate talks with B": a pair's own meeting)
                                             "separate": is_noun and len(group) == 2 and _held_apart(tok),
                                             # (the gathering told paragraphs before: joins it)
                                             **({"of": id(told)} if told is not None
                                                and s.index - told.extra.get("sent", s.index) > 2 else {})})
            ev.evidence.append(Evidence(s.text, s.section))
            art.events.append(ev)


# "the final day", "the opening day": a day of a gathering, told by its place in it
_A_GATHERING_S_DAY = re.compile(r"^the\s+(?:first|second|third|final|last|opening|closing)\s+day$", re.I)


def _each_of_them(tok: Any) -> bool:
    """"A and B each held talks with C", "A and B had talks with C each": one meeting a subject."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    return any(c.lower_ == "each" and c.dep_ in ("advmod", "det", "appos", "npadvmod", "dep") for c in verb.subtree
               if c.i < tok.i or c.head.i == verb.i)


def _each_subject_with_the_others(s: Sentence, tok: Any, is_verb: bool, participants: list[str]) -> list[list[str]]:
    """A meeting of each of two or more people the verb's subject names with each of the others,
    or none when the subject names fewer."""
    sides = _subjects(tok if is_verb else tok.head, _persons_by_token(s))
    others = [p for p in participants if p not in sides]
    if len(sides) >= 2 and set(sides) <= set(participants) and others:
        return [[a, b] for a in sides for b in others]
    return []


def _subjects(verb: Any, by_tok: dict[int, Mention]) -> list[str]:
    """The people a verb's subject names, each of a coordination ("A and B held ...")."""
    out: list[str] = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            for t in [c, *c.conjuncts]:
                if t.i in by_tok and by_tok[t.i].key not in out:
                    out.append(by_tok[t.i].key)
    return out


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


def _own_part(art: _Article, s: Sentence, lo: int, hi: int, start: PartialDate | None, end: PartialDate | None,
              place: str | None) -> tuple[PartialDate | None, PartialDate | None, str | None]:
    """The date and place told between characters ``lo`` and ``hi`` of the sentence ("... and B on
    the sidelines of Y, at Z, in July 2009"), else those of the whole sentence."""
    for d in s.dates:
        if lo <= d.start < hi:
            got = _resolve_expr(art, d.text, "past")
            if got[0] is not None:
                start, end = got
                break
    doc = s.span.doc
    own = [m.key for m in s.places if lo <= doc[m.start].idx < hi]
    return start, end, own[0] if own else place


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
    if len(objects) < 2:
        return [participants]
    edges = None
    if not any(t.lower_ in _IN_TURN for t in s.span.doc[obj.i:objects[-1].i]):
        # "met A at X in September 2006, and B at Y in July 2009": each object with a date of its own
        edges = [s.span.doc[o.i].idx for o in objects] + [s.span.end_char]
        dated = [frozenset(d.text for d in s.dates if edges[k] <= d.start < edges[k + 1]) for k in range(len(objects))]
        if not all(dated) or len(set(dated)) < len(dated):
            return [participants]
    by_obj = []
    for o in objects:
        # (the object, or the name in apposition to it: "met Pakistan's president, A,")
        at = [o.i] + [c.i for c in o.children if c.dep_ == "appos"]
        keys = [p.key for i in at for p in s.persons if p.start <= i < p.end and p.key in participants]
        if keys:
            by_obj.append(keys[0])
    subjects = [p for p in participants if p not in by_obj]
    if len(by_obj) < 2 or not subjects:
        return [participants]
    groups = [subjects + [o] for o in by_obj]
    if edges is not None and len(groups) == len(edges) - 1:
        s.memo["in_turn"] = (tok.i, edges, groups)   # each meeting is dated and placed in its own part
    return groups


_DAYS_OF_TALKS = re.compile(r"\b(two|three|four|five|six|seven|[2-9])\s+days\s+of\s+(?:\w+\s+)?"
                            r"(?:talks|negotiations|meetings|discussions|deliberations)\s+(?:that|which)\s+"
                            r"(?P<way>ended|closed|concluded|began|opened|started)\b", re.I)


# a gathering told at the day it has reached: "the X summit, day two", "the second day of the talks"
_DAY_N = re.compile(r"\b(?:summit|talks|meeting|conference)\b[^.;]{0,30}?[,:]\s*day\s+(two|three|four|five|[2-5])\b"
                    r"|\b(second|third|fourth|fifth)\s+day\s+of\s+(?:the\s+|their\s+)?(?:[A-Z][\w-]*\s+)*"
                    r"(?:summit|talks|meeting|conference)\b", re.I)
_ORDINAL_DAYS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _days_of_talks(s: Sentence, day: PartialDate) -> tuple[PartialDate, PartialDate | None]:
    """(first day, last day) of "N days of talks that ended (or began) on DAY"; else (day, None)."""
    m = _DAYS_OF_TALKS.search(s.text)
    told = _DAY_N.search(s.text) if m is None else None
    if told is not None and day.day is not None:
        # "X summit in Y, day two" on the day told: it began the day before
        import datetime as dt
        w = (told.group(1) or told.group(2)).lower()
        n = int(w) if w.isdigit() else _ORDINAL_DAYS.get(w) or _SPAN_WORDS[w]
        first = dt.date(day.year, day.month or 1, day.day) - dt.timedelta(days=n - 1)
        return PartialDate(first.year, first.month, first.day), day
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
_AT_ITS_MARGINS = re.compile(r"\b(?:on|at)\s+(?:its|the\s+summit's|the\s+meeting's)\s+(?:margins|sidelines|fringes)\b", re.I)


# verbs of coming together for a gathering ("leaders gathered in X for a summit")
_CONVENE = {"gather", "convene", "assemble", "meet", "arrive", "come", "converge", "travel", "fly"}


def _anchor(art: _Article, s: Sentence, tok: Any, lem: str, is_noun: bool) -> None:
    """A gathering told with its time or place but none of its people yet ("a joint summit in
    Arusha on March 3"): kept as an event without participants, for a sentence that goes on
    to name them ("That summit was hosted by A") to join. One still without people is dropped."""
    if not (is_noun and lem in _GATHERINGS or not is_noun and lem in ("meet", "gather", "convene") and _leaders_as_subject(tok)):
        return
    # a subject takes the time of its verb ("the forum ran from 9 to 11 May")
    status, start, end = _event_status(art, s, tok, own_date_only=tok.dep_ not in ("nsubj", "nsubjpass"))
    if start is None and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" \
            and (tok.head.lower_ in ("at", "during")
                 or tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _CONVENE):
        # "a plan approved at a regional summit in Lusaka on 4 May": what was done at it, done then
        # ("agreed on Tuesday to set up a bank at their summit": the time of the agreeing)
        done = tok.head.head
        while done.dep_ == "xcomp" and done.head.pos_ == "VERB":
            done = done.head
        status, start, end = _event_status(art, s, done, own_date_only=True)
        if status is None and start is None and done.dep_ == "advcl" and done.tag_ == "VBG" \
                and done.head.pos_ in ("VERB", "AUX"):
            # "leaders created a bloc on Friday, signing its treaty at a summit in X": the time
            # of the act the participle goes with
            status, start, end = _event_status(art, s, done.head, own_date_only=True)
    day = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    counted = start is None and status is None and day is not None and day.lemma_.lower() == "day" \
        and day.dep_ == "pobj" and day.head.head.pos_ == "VERB"
    if counted:
        # "invited X on Wednesday, on day two of a summit in Y": the day of the act told,
        # which is the gathering's n-th (its first day is counted back; a "first full" or "final"
        # day tells none)
        status, start, end = _event_status(art, s, day.head.head, own_date_only=False)
        nth = None if any(c.lower_ == "full" for c in day.children) else \
            _NTH_DAY.get(next((c.lower_ for c in day.children if c.lower_ in _NTH_DAY), ""), None)
        if start is not None and start.day is not None and end is None:
            if nth is None:
                last = any(c.lower_ in ("final", "last", "closing") for c in day.children)
                start, end = None, (start if last else None)
            else:
                start = PartialDate.from_date(start.to_date() - datetime.timedelta(days=nth - 1))
    if start is None and status is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "nsubj" \
            and tok.head.head.pos_ in ("VERB", "AUX"):
        # "leaders meeting in X agreed on Thursday to ...": meeting on the day of what they did
        status, start, end = _event_status(art, s, tok.head.head, own_date_only=True)
    if start is None and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in _ENDING \
            and tok.head.dep_ in ("advcl", "xcomp", "conj") and tok.head.head.pos_ == "VERB":
        # "leaders signed X today, closing a three-day summit": the day of the act it closed with
        status, start, end = _event_status(art, s, tok.head.head, own_date_only=True)
    place = _place_for(s, tok, strict=True)
    town = dateline_town(art, s)
    if place is None and status is None and town and (says_here(s.text) or _news_of_the_day(art, start)):
        place = town   # "KATHMANDU - The summit closed on Thursday"
    if status is None and start is not None and end is None:
        start, end = _closing_day(s, tok, start)   # "the summit closed on Thursday": its last day
    definite = is_noun and status is None and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                  for c in tok.children)
    spans = [r for d in s.dates for r in [_resolve_expr(art, d.text, "past")]
             if r[0] and r[1] and r[0].day and r[1].day] if definite else []
    if definite and len(spans) == 1:
        # "Leaders meeting in X agreed on Thursday ... The summit runs from 2 to 4 April": the
        # days of the gathering just told on one of them
        start, end = spans[0]
        told = [e for e in art.events if e.kind == "Summit" and e.status is None and e.end is None
                and e.start is not None and e.start.day and start <= e.start <= end
                and e.extra.get("block") in (s.block, s.block - 1) and 0 < s.index - e.extra.get("sent", -99) <= 2
                and not e.extra.get("background")]
        for e in told:
            e.start, e.end = start, end
            e.evidence.append(Evidence(s.text, s.section))
        if told:
            return
    name = _summit_name(tok) if is_noun else None
    # leaders came to a place for it ("leaders gathered in X for a conference")
    convened = tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _CONVENE \
        and _leaders_as_subject(tok.head.head)
    # dated and placed, or a named or convened one placed ("the Russia-Africa summit in Sochi drew ...")
    if status is not None or ((start or end or name) is None and not convened and not counted) or place is None \
            or _background(tok):
        return
    ev = Event("Summit", [], start, end, place,
               extra={"type": "Summit", "noun": True, "anchor": True, "sent": s.index, "block": s.block,
                      "name": name, "trigger": lem, "convened": convened, "opened": _opening(tok)})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)


_OPENING = {"open", "begin", "start", "convene"}
# the day of a gathering its word counts ("the second day of the summit"); "first full" counts none
_NTH_DAY = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4}


def _opening(tok: Any) -> bool:
    """The gathering is told by its first day: "the summit opened on Saturday", "the meeting,
    which began on Saturday"."""
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _OPENING:
        return True
    return any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _OPENING for c in tok.children)


_LEADERS_WORDS = {"leader", "president", "minister", "premier", "head", "chancellor", "monarch", "king"}


def _hosts_leaders(verb: Any) -> bool:
    """"hosted the leaders of six states", "hosted his counterparts": a gathering of leaders, unnamed."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and obj.tag_ == "NNS" and (obj.lemma_.lower() in _LEADERS_WORDS | {"counterpart"}
                                                      or obj.lower_ == "heads")


def _leaders_as_subject(verb: Any) -> bool:
    """"Leaders of the bloc met", "heads of state met": a meeting of leaders the sentence does not name."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        subj = verb.head   # "leaders meeting in X agreed ...": the noun the participle is on
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


def _ended_before(art: _Article, s: Sentence, tok: Any) -> bool:
    """"The summit closed on Sunday", "The talks ended on Thursday morning": a definite gathering
    noun as the subject of an ending verb with a day, no place and no people of its own, ends the
    gathering the sentences just before told (begun before that day, within two weeks)."""
    # (or "The meeting, which ended on Friday, ...": the clause on it)
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _ENDING else \
        next((c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _ENDING), None)
    if verb is None or verb.lemma_.lower() not in _ENDING \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in tok.children) \
            or any(m.start >= verb.left_edge.i and m.end <= verb.right_edge.i + 1 for m in s.persons):
        return False
    status, day, _ = _event_status(art, s, verb, own_date_only=True)
    if status is not None or day is None or day.day is None:
        return False
    near = [e for e in art.events if e.kind == "Summit" and e.extra.get("block") in (s.block, s.block - 1)
            and 0 < s.index - e.extra.get("sent", -99) <= 3 and e.status is None and not e.extra.get("background")]
    told = [e for e in near if e.start is not None and e.start.day is not None]
    if not told:
        # "X flew to Y for a summit with A and B. The summit ended on Friday": the one told
        # there, placed and undated, ends that day (a one-day gathering is held on it)
        undated = [e for e in near if e.start is None and e.end is None and e.place is not None and e.participants]
        if not undated or any(e.place != undated[-1].place for e in undated):
            return False
        one_day = any(_ONE_DAY.search(x) for e in undated for x in [e.evidence[0].sentence, s.text] if e.evidence)
        for e in undated:
            e.start, e.end = (day, None) if one_day else (None, day)
            e.evidence.append(Evidence(s.text, s.section))
        return True
    last = told[-1]
    days = (day.to_date() - last.start.to_date()).days
    if not 0 < days <= 14 or last.end is not None and last.end.to_date() >= day.to_date():
        return False
    for e in told:
        if e.start == last.start and e.place == last.place:
            e.end = day   # (each telling of that gathering)
            e.evidence.append(Evidence(s.text, s.section))
    return True


_ONE_DAY = re.compile(r"\b(?:one|a)-day\b|\bone\s+day\s+(?:summit|meeting|visit|conference)\b|\bday-long\b", re.I)


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


def _first_conjunct(verb: Any) -> Any:
    """The first of a chain of verbs that share one subject: "A changed his mind, flew to X and
    met B" -> "changed"."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return verb


def _journey_for(tok: Any, is_noun: bool) -> Any | None:
    """The journey verb a meeting word is the purpose of: "flew to X for talks with A", "went
    on to Y to meet B"."""
    if is_noun and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _JOURNEYS:
        return tok.head.head
    if is_noun or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    head = tok.head
    if tok.dep_ in ("relcl", "acl") and head.dep_ == "npadvmod":
        head = head.head   # ("travelled on to Y the same day to see B", the clause read as the day's)
    elif tok.dep_ != "advcl":
        return None
    return head if head.lemma_.lower() in _JOURNEYS else None


def _a_meeting_verb(t: Any) -> bool:
    """"met", "conferred", "sat down with": a verb that tells a meeting by itself."""
    lem = t.lemma_.lower()
    return lem in SUMMIT_VERBS or lem in _TOGETHER and _meets_together(t, lem)


def _new_leg(t: Any) -> bool:
    """A journey verb coordinated with another that goes somewhere of its own: "flew to X for
    talks with A and went on to Y to meet B" tells two scenes."""
    return t.dep_ == "conj" and t.lemma_.lower() in _JOURNEYS and t.head.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in t.children)


def _asked_of(person: Any, tok: Any) -> bool:
    """The person is the object of a verb of asking or judging ("invited C to come to Beijing",
    "praised D") that is not the meeting word's own verb and does not govern it."""
    verb = person.head
    if person.dep_ not in ("dobj", "obj") or verb.pos_ != "VERB" or verb.lemma_.lower() not in ASKED_LEMMAS:
        return False
    return verb.i != tok.i and not (verb.left_edge.i <= tok.i <= verb.right_edge.i)


def _clause_root(tok: Any) -> int:
    """The verb heading the clause a token is in: the sentence's root, or a verb coordinated with
    or subordinated to another (relative clauses belong to the noun they describe)."""
    t = tok
    while t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("conj", "ccomp", "advcl", "parataxis") \
                and t.head.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t.i   # (a verb sharing its subject with another, "hosted by A and co-chaired by B", is one clause)
        if _new_leg(t):
            return t.i   # "... and went on to Y to meet B": the next leg of the journey
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.pos_ in ("VERB", "AUX") and (
                _a_meeting_verb(t)
                or t.lemma_.lower() in HOSTING and any(c.dep_ in ("agent", "dobj", "obj") for c in t.children)
                or any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in SUMMIT_NOUNS for c in t.children)
                or t.lemma_.lower() == "call"
                and any(c.dep_ in ("prep", "prt") and c.lower_ == "on" for c in t.children)):
            # "A held talks with B and later sat down with C", "called on B and held talks with C",
            # "... and on Thursday was received by C": a meeting of its own
            return t.i
        if t.dep_ == "relcl" and any(c.lower_ == "where" for c in t.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t.i   # "... to Moscow, where he held talks with B": a scene of its own
        t = t.head
    return t.i


# what talks are held over when nobody travels: "by telephone", "over the phone", "via video link"
_LINES = {"phone", "telephone", "video", "videolink", "videoconference", "teleconference", "link", "call"}


def _over_the_line(tok: Any) -> bool:
    """The meeting word, or the verb it is the object of, is held "by telephone", "over the
    phone", "via video link"."""
    holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "obj") else [])
    return any(c.dep_ == "prep" and c.lower_ in ("by", "over", "via") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _LINES for g in c.children) for h in holders for c in h.children)


_REMOTE = re.compile(BY_LINE.pattern + r"|\b(?:virtually|remotely|online)\b", re.I)


def _remote(person: Any) -> bool:
    """The person takes part from afar: the verb they are the subject of says "by video link",
    "virtually", "by videoconference"."""
    verb = next((a for a in person.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= person.i <= c.right_edge.i
                               for c in verb.children):
        return False
    words = " ".join(t.text for t in verb.subtree if not (t.left_edge.i <= person.i <= t.right_edge.i and t.i != verb.i and t.dep_ in ("nsubj", "nsubjpass")))
    return _REMOTE.search(words) is not None


def stood_in_for(s: Sentence, m: Mention) -> bool:
    """The words right before the person say that they were not there ("without X", "on behalf of
    X", "rather than by X"), or a clause right after ("X, who did not attend")."""
    doc = s.span.doc
    text = _doc_text(doc)
    after = text[doc[m.end - 1].idx + len(doc[m.end - 1].text):min(s.span.end_char, doc[m.end - 1].idx + 80)]
    return bool(_NOT_BY.search(text[max(s.span.start_char, doc[m.start].idx - 40):doc[m.start].idx])
                or _NOT_THERE_AFTER.match(after))


# "X, who did not attend", "Y, who stayed away", "Z, who was absent"
_NOT_THERE_AFTER = re.compile(r"\s*,\s*who\s+(?:(?:did\s+not|didn['’]t|could\s+not|couldn['’]t|was\s+not|wasn['’]t)\s+"
                              r"(?:attend|travel|come|go|join|make|take\s+part|there|present)"
                              r"|stayed\s+(?:away|home|at\s+home)|was\s+absent|skipped|missed)\b", re.I)


_NOT_BY = re.compile(r"(?:\bnot\s+(?:by|with|to)|\bwithout|\bin\s+the\s+absence\s+of|\bon\s+behalf\s+of"
                     r"|\bin\s+place\s+of|\binstead\s+of|\brather\s+than(?:\s+by)?)\s+(?:[\w.'’-]+,?\s+){0,4}$", re.I)
# ("on behalf of his father, King X": a comma after the words before the name too)


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


# verbs that with "out" tell one withdrew: "pulled out", "dropped out", "backed out", "bowed out"
_OUT_OF = {"pull", "drop", "back", "bow", "opt"}

_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _what_it_was(tok: Any) -> bool:
    """The noun says what a meeting the clause around it tells was: "for what was expected to be
    their last meeting", "in what became their only summit"."""
    if tok.dep_ != "attr" or tok.head.lemma_.lower() not in ("be", "become", "prove"):
        return False
    return any(t.lower_ == "what" and t.i < tok.i for t in tok.head.head.subtree) and tok.head.head.dep_ != "ROOT"


_SAYING = {"say", "tell", "announce", "add", "report", "write", "state", "confirm"}


def _reports_it(person: Any, tok: Any) -> bool:
    """The person is the subject of a verb of saying that the meeting's word does not hang on
    ("... held talks at the palace, spokesman X said")."""
    t = person
    while t.dep_ in ("conj", "compound", "appos") and t.head.i != t.i:
        t = t.head
    verb = t.head
    if t.dep_ != "nsubj" or verb.lemma_.lower() not in _SAYING or verb.i == tok.i:
        return False
    # the meeting in a clause the saying reports, with a subject of its own ("..., spokesman X
    # said"), or in no clause of the saying at all
    clause = next((a for a in [tok, *tok.ancestors] if a.head.i == verb.i), None)
    return clause is None or clause.dep_ in ("ccomp", "parataxis") and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _joining_them(person: Any) -> bool:
    """The person is the subject of "with X joining them", "with X at their side": one who sat in
    on the meeting of the others."""
    t = person
    while t.dep_ in ("conj", "compound", "appos") and t.head.i != t.i:
        t = t.head
    verb = t.head
    return t.dep_ == "nsubj" and verb.tag_ == "VBG" and verb.head.lower_ == "with" \
        and any(c.dep_ in ("dobj", "obj") and c.lower_ in ("them", "him", "her", "us") for c in verb.children)


def _participants(art: _Article, s: Sentence, tok: Any) -> list[str]:
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in _STAYED_AWAY:
        return []   # "X skipped the meeting and sent his foreign minister": nobody there of this clause
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    if verb is not None and verb.lemma_.lower() in _OUT_OF \
            and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return []   # "X pulled out a day before the summit", "Y dropped out of the summit"
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
            # (not "talks with B"; nor the subject the clause shares: "A called on B and held talks with C")
            shared: set[int] = set()   # the verbs up to the one whose subject the clause shares
            v = doc[mine]
            while v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
                v = v.head
                shared.add(v.i)
            earlier |= {p.start for p in s.persons if clauses[p.start] != mine
                        and not tok.left_edge.i <= p.start <= tok.right_edge.i
                        and not (doc[p.end - 1].dep_ in ("nsubj", "nsubjpass") and doc[p.end - 1].head.i in shared)}
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
        if stood_in_for(s, p):
            continue   # "met not by Castro but by the foreign minister", "without X", "on behalf of X": X was not there
        if _remote(s.span.doc[p.end - 1]):
            continue   # "X addressed the gathering by video link": not there in person
        if _gone(s.span.doc[p.end - 1]):
            continue   # "sworn in after the death of X": X was not there
        if _joining_them(s.span.doc[p.end - 1]):
            continue   # "A and B held talks, with C and D joining them": C and D sat in
        if _reports_it(s.span.doc[p.end - 1], tok):
            continue   # "..., before the two held talks, spokesman X said": the one who told of it
        if _asked_of(s.span.doc[p.end - 1], tok):
            continue   # "A held talks with B and invited C to come": C was asked, not met
        owner = _past_possessive(s.span.doc[p.end - 1])
        if owner.dep_ == "poss" and owner.head.i != tok.i and owner.head.lemma_.lower() in AGENTS_OF:
            continue   # "X's national security adviser held talks with Y": the adviser, not X
        if _attached(s, tok, p) or inverted_subject(tok, s.span.doc[p.end - 1]) \
                or (tok.pos_ != "VERB" and (p.key in art.offices or p.key in art.leaders
                                                            or p.key in art.leader_titled
                                                            or p.key in art.leaders_of_the_time)):
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
    if len(out) == 1 and tok.pos_ != "VERB" and not _said_by_a_person(s, tok):
        # (not "A held talks with her counterpart B": the verb's subject is the other side)
        owner = _counterpart_owner(art, s, out[0])
        if owner is not None:
            return [owner, out[0]]
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
            year = _sentence_year(art, s)
            for m in s.states:
                if phead is not None and not (_governed_by(s.span.doc[m.end - 1], phead)
                                              or ptok is not None and _governed_by(s.span.doc[m.end - 1], ptok)):
                    continue   # "the war in Ukraine" in the sentence: not a state whose leader met
                cands = [p for p in art.offices if m.key in art.offices[p]
                         and (title in ("leaders", "heads of state", "heads of government")
                              and p in art.leaders or _holds_title(art, p, title))
                         # (not one the reference data has out of office then: the leaders of
                         # an earlier summit the story recalls)
                         and art.in_office(p, m.key, year) is not False]
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


def _said_by_a_person(s: Sentence, tok: Any) -> bool:
    """The verb above a meeting noun has a person as its subject ("A held talks ...", "the
    president held talks ...", "he held talks ...")."""
    verb = _first_verb(tok)
    return verb is not None and any(c.dep_ == "nsubj" and (c.lower_ in ("he", "she") or any(
        p.start <= c.i < p.end for p in s.persons) or c.lemma_.lower() in _TITLE_HEADS | {"host", "guest", "visitor"})
        for c in verb.children)


def _counterpart_owner(art: _Article, s: Sentence, key: str) -> str | None:
    """"talks with her Russian counterpart A" in a sentence whose meeting has no other side:
    the one "her" stands for — the person the sentence is about, else the one the sentence
    before was about — when that person holds an office."""
    doc = s.span.doc
    m = next((p for p in s.persons if p.key == key), None)
    if m is None:
        return None
    head = doc[m.end - 1]
    if head.dep_ in ("appos", "compound") and head.head.lower_ == "counterpart":
        head = head.head
    if head.lower_ != "counterpart" or not any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                                for c in head.children):
        return None
    for x in (s, art.sentences[s.index - 1] if s.index else None):
        who = _sentence_subject(x) if x is not None else None
        if who is not None and who != key:
            return who if art.offices.get(who) else None
    return None


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
        return _recent_pair(art, s, two=bool(re.search(r"\b(?:the\s+two|both)\b", s.text[:80], re.I)), near=tok)
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
        # "the two leaders then flew to X for a summit": the journey's travellers
        verb = verb or _journey_for(tok, True)
    if verb is None:
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ == "they" and (verb.dep_ in ("advcl", "ccomp", "conj") or verb.dep_ == "relcl"
                                                       and any(c.lower_ == "where" for c in verb.children)):
        # "the two presidents said they would ... after they met in Paris", "the two drove to the
        # palace, where they held talks": the group of the clause above
        up = verb.head if verb.dep_ != "relcl" \
            else next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb.head)
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
    # "A and B held no formal talks, yet the two prime ministers then shook hands": the ones the
    # sentence has just named
    before = list(dict.fromkeys(m.key for m in s.persons if m.end <= subj.left_edge.i
                                and (m.key in art.leaders or m.key in art.leader_titled)))
    if len(before) == n and re.match(r"(?:the\s+\w+|both)\s+(?:leaders|presidents|prime\s+ministers|men|women)$",
                                     said, re.I):
        return before
    return _recent_pair(art, s, two=bool(re.match(r"(?:the\s+two|both)\b", said, re.I)), n=n, near=tok)


def _of_the_group(s: Sentence, tok: Any) -> bool:
    """A gathering noun whose people are a group told before: "the meeting of the two leaders",
    "their previous meeting" (as the subject of its clause)."""
    doc = s.span.doc
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if obj is not None and _GROUP.match(doc[obj.left_edge.i:obj.i + 1].text):
        return True
    return tok.dep_ in ("nsubj", "nsubjpass", "ROOT") and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children)


def visit_pair(art: _Article, s: Sentence, e: Event) -> list[str] | None:
    """A visit of one leader: the visitor and the host state's leader last named."""
    leader = lambda k: k in art.leaders or k in art.leader_titled   # noqa: E731
    people = [p for p in e.people() if leader(p)]
    if e.kind != "Visit" or len(people) != 1 or not e.destination:
        return None
    dest = art.state_of(e.destination)
    hosts = list(dict.fromkeys(k for idx, k in reversed(art.person_order) if idx <= s.index and leader(k)
                               and dest in art.offices.get(k, set()) and k not in art.past_people))
    year = (e.start or art.anchor).year if (e.start or art.anchor) is not None else None
    # (of several, the one in office in the visit's year: not "the then prime minister" of an aside)
    serving = [k for k in hosts if year is not None
               and any(r.covers(year) for r in ref.roles_of(art.people[k]["label"]))] if len(hosts) > 1 else []
    host = (serving or hosts or [None])[0]
    return [people[0], host] if host is not None and host != people[0] else None


def _recent_pair(art: _Article, s: Sentence, two: bool = False, n: int = 2, near: Any | None = None) -> list[str]:
    """The two (or ``n``) leaders the story has just told of: those of the meeting or visit just
    reported, else the last two (``n``) of different states."""
    leader = lambda k: k in art.leaders or k in art.leader_titled   # noqa: E731
    recent = list(reversed(_recent_events(art, s, within=4)))
    # (not those of a meeting of another time: "the last one was in X in 2019, when A received B
    # and C. / After Monday's talks the three ...")
    day = _resolve_dates(art, s, near, "past")[0]   # (``near``: the meeting word, whose clause's date counts)
    now = day is not None and art.article_date is not None and day.year == art.article_date.year
    # (a group told of the story's own days; not one told as meeting before: "the three last met in X
    # last year" are the story's three)
    other_year = lambda e: now and e.start is not None and e.start.year != day.year   # noqa: E731
    recent = [e for e in recent if not other_year(e)]
    # (the story's own meetings before one told as what came before it: "A had met C earlier")
    ordered = [e for e in recent if not e.extra.get("before_story")] \
        + [e for e in recent if e.extra.get("before_story")]
    if two:
        # "the two leaders": a meeting of two just told, before a visit's guess at its host
        met = next((e for e in [*ordered, *reversed(_recent_events(art, s, within=8))] if e.kind == "Summit"
                    and not e.extra.get("before_story") and len([p for p in e.people() if leader(p)]) == 2), None)
        if met is not None:
            return [p for p in met.people() if leader(p)]
    for e in ordered:
        people = [p for p in e.people() if leader(p)]
        if len(people) >= n and (n == 2 and not two or len(people) == n):
            return people   # ("the two leaders": a meeting of two, not the three met just before)
        pair = visit_pair(art, s, e) if n == 2 else None
        if pair is not None:
            return pair
    out: list[str] = []
    states: set[str] = set()
    told = {p for e in art.events if not e.extra.get("background") for p in e.participants}
    background = {p for e in art.events if e.extra.get("background") for p in e.participants} - told
    # (and those met only in another year)
    background |= {p for e in art.events if other_year(e) for p in e.participants} \
        - {p for e in art.events if not other_year(e) for p in e.participants}

    def named_then(key: str) -> bool:   # (or named only in sentences of another year)
        return now and all(_sentence_year(art, x) not in (None, day.year)
                           for x in art.person_sentences.get(key, ()) if x.index <= s.index)

    # (the names as first read, and the mentions each sentence resolved since: "Biden flew in")
    resolved = [(x.index, m.key) for x in art.sentences[max(0, s.index - 6):s.index] for m in x.persons if m.key]
    said = sorted(dict.fromkeys([*art.person_order, *resolved]), key=lambda p: p[0])
    for idx, key in reversed(said):
        if idx > s.index or idx < s.index - 6 or key in out or not leader(key) or key in background \
                or named_then(key):
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
        # else the two leaders the headline names ("A and B race to agree a text")
        # (by surnames, which the headline gives before the text names them in full)
        top = list(dict.fromkeys(k for x in art.sentences if x.section == "headline" and x.index <= 1
                                 for k in [m.key for m in x.persons]
                                 + [art.resolve_short(t.text, s.index) for t in x.span if t.pos_ == "PROPN"]
                                 if k is not None and leader(k) and art.offices.get(k)))
        if len(top) == 2 and not art.offices[top[0]] & art.offices[top[1]]:
            return top
    return []


# prepositions of a gerund whose doer is the clause's subject ("after meeting B, A said")
_SUBJECT_S_TIME = {"after", "before", "while", "since", "upon", "on", "when"}


def _attached(s: Sentence, tok: Any, p: Mention) -> bool:
    head = s.span.doc[p.end - 1]
    if tok.pos_ == "VERB" and tok.dep_ == "relcl" and tok.head.i == head.i \
            and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in tok.children):
        return True   # "A, who met B in Rome on Friday, said": A met B
    if tok.pos_ == "VERB" and tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and tok.head.dep_ == "attr" and head.dep_ in ("nsubj", "nsubjpass") and head.head.i == tok.head.head.i:
        return True   # "A became the first leader to meet B": A met B
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
                    and _first_conjunct(verb.head).i == t.i and any(
                    head.i == c.i or c.i in [a.i for a in head.ancestors]
                    for c in t.children if c.dep_ in ("nsubj", "nsubjpass")) \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                return True   # (not "A is due to meet B, and C will meet D": C's own clause)
            ctrl = _journey_for(verb, False) if verb is not None else None
            if ctrl is not None:
                # "A flew to X and went on to Y to meet B": the traveller, the subject of the
                # journey (or of the verb its leg is coordinated with)
                if _first_conjunct(ctrl).i == t.i and any(c.dep_ in ("nsubj", "nsubjpass")
                                         and (head.i == c.i or c.i in [a.i for a in head.ancestors])
                                         for c in t.children):
                    return True
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
