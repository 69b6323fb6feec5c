"""Visits: a leader's travel to a place or state ("arrived in", "flew to", "on a state visit to",
"was in X"), its visitor, destination and days; a host's reception as a meeting."""

from __future__ import annotations

import re
from typing import Any

from .. import reference as ref
from ..model import Evidence, PartialDate
from .lexicon import AIRSIDE, HOSTING, REGION, LIGHT_VERBS, SUMMIT_NOUNS, SUMMIT_VERBS, VISIT_NOUNS, VISIT_VERBS, _TITLE_WORDS
from .nlp import _governed_by
from .mentions import _subject_person as _sentence_subject, says_here
from .context import _Article, Event, Mention, _persons_by_token, Sentence
from .dating import (
    _dates_agree, _predecessor_phrase, _resolve_dates, _resolve_expr, _text_before,
)
from .modality import _event_status, _is_speculative, _negated
from .signers import group_subject
from .scene import (
    _ENDING, _GATHERINGS, _JOURNEYS, _PLACE_NOUNS, _a_building, _background, _closing_day, _news_of_the_day, dateline_town,
    _place_for, _subject_person, _town_of_building, _trigger_tokens, _where_clause,
)


def _visits(art: _Article, s: Sentence) -> None:
    by_tok = _persons_by_token(s)
    for tok, lem in _trigger_tokens(s, VISIT_NOUNS, VISIT_VERBS | _PLAIN_MOTION):
        # (a readout's "paid a State Visit": the capitals make it a proper noun)
        is_noun = (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text[:1].isupper()
                   and tok.i > s.span.start and tok.doc[tok.i - 1].lower_ in ("state", "official", "working", "a", "the")) \
            and lem in VISIT_NOUNS
        is_verb = tok.pos_ == "VERB" and (lem in VISIT_VERBS or _goes_to(tok, lem))
        if is_verb and lem == "head" and not any(c.dep_ in ("prep", "advmod", "prt") and c.lower_ in _HEADING
                                                 for c in tok.children):
            continue   # "X, who heads the foreign ministry": leads it, goes nowhere
        if not (is_noun or is_verb):
            continue
        if _negated(tok):
            continue   # "never visited", "did not travel to X": no visit
        if is_verb and any(c.lower_ == "home" and c.dep_ in ("advmod", "npadvmod", "dobj", "prt") for c in tok.children):
            continue   # "flew home to Tokyo": the way back, no visit
        visitor = None
        dest = None
        group: list[str] = []   # those a group subject points back to ("the two leaders")
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
                # ("the visit paid by X to Y", "the visit made by X"): the participle's agent
                by += [c for t in tok.children
                       if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in LIGHT_VERBS
                       for c in t.children if c.dep_ == "agent"]
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
            if visitor is None:
                # "the President's working visit to X": the one person the article gives that title
                from .descriptions import BARE_TITLES, _sole_titled   # (descriptions reads offices, which reads visits)
                title = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in BARE_TITLES
                              and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)), None)
                if title is not None:
                    visitor = _sole_titled(art, title.text, s.index)
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
            if visitor is None and lem in _TRIPS:
                visitor = _trip_of_the_arrival(tok, by_tok)   # "arrived in X at the end of a tour of Y"
            # ("concluded this afternoon a visit to X": the parser may read the object as an adverb)
            as_object = tok.dep_ in ("dobj", "obj") or tok.dep_ == "npadvmod" and tok.head.pos_ == "VERB" \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
            if visitor is None and as_object and tok.head.lemma_.lower() in LIGHT_VERBS:
                verb = tok.head
                if verb.dep_ in ("xcomp", "advcl", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                    # "arrived ... to begin a tour of X", "paid a state visit to A and paid a working
                    # visit to B": the subject of the verb before
                    verb = verb.head
                if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                    visitor = _hung_on_the_host(verb, by_tok)
                for c in verb.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_tok:
                        visitor = by_tok[c.i].key
                    elif c.dep_ in ("nsubj", "nsubjpass") and (named := next(
                            (a for a in c.subtree if a.dep_ == "appos" and a.i in by_tok), None)) is not None:
                        visitor = by_tok[named.i].key   # "Chile's president, A, paid a visit to B": in apposition
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
            if visitor is None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                visitor = _hung_on_the_host(tok, by_tok)
            if visitor is None and tok.dep_ == "ROOT" \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                # "At the invitation of A, the President, B, arrived in X": the parser hung B on A;
                # the name right before the verb is its subject
                j = tok.i - 1
                while j > s.span.start and s.span.doc[j].is_punct:
                    j -= 1
                visitor = by_tok[j].key if j in by_tok else None
            group = group_subject(art, s, tok) if visitor is None else []
            visitor = group[0] if group else visitor   # ("the two leaders had flown in": both, below)
            if visitor is None and lem in ("land", "touch", "arrive"):
                # "an airliner landed at X carrying Y": the one it carried
                visitor = next((by_tok[c.i].key for t in tok.subtree if t.lemma_.lower() in ("carry", "bring")
                                and t.tag_ == "VBG" for c in t.children if c.dep_ in ("dobj", "obj") and c.i in by_tok), None)
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
        dest = _destination(art, s, tok, is_verb) or _where_clause(s, tok) or _the_country(art, s, tok, visitor)
        if dest is None and is_verb and lem in ("arrive", "land", "touch"):
            dest = _met_there_by(art, s, tok, visitor, by_tok)
        if (dest is None or _a_region(art, s, dest)) and is_noun and lem in _TRIPS | {"visit"} \
                and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in _BOUNDS:
            # "began her first trip abroad in Cairo", "ended a Gulf tour in Muscat"
            dest = _bound_at(s, tok.head, tok) or dest
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
        began = next((c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in ("begin", "start", "open")),
                     None) if is_noun and status is None else None
        if began is not None:
            # "a visit to X that began on Saturday, 19 November": its first day
            _, first, _ = _event_status(art, s, began, own_date_only=True)
            if first is not None:
                start, end = first, (end if end is not None and first < end else None)
        if is_noun and status is None and start is not None and end is None and began is None:
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
        if is_noun and status is None and start is None and tok.dep_ in ("dobj", "obj") \
                and tok.head.lemma_.lower() in ("make", "pay", "undertake"):
            # "In 1972, X made a historic trip to China": the time of the making
            _, start, end = _event_status(art, s, tok.head, own_date_only=False)
        if start is None and status is None and is_verb and _LATER_THAT_DAY.search(s.text):
            start = _day_told_before(art, s)   # "X left for Y in the afternoon", "landed shortly afterwards"
        if start is None and status is None and is_verb and any(
                c.dep_ in ("prt", "advmod") and c.lower_ == "on" for c in tok.children):
            # "He travelled on to A and B": the next legs of the journey just told, in its month
            leg = next((e.start for e in reversed(art.events) if e.kind == "Visit" and e.participants == [visitor]
                        and e.start is not None and e.start.month is not None
                        and 0 <= s.index - e.extra.get("sent", -99) <= 3), None)
            if leg is not None:
                start = PartialDate(leg.year, leg.month)
        if dest is None and is_verb and status is None and _arrives(tok):
            home = art.offices.get(visitor, set())
            town = dateline_town(art, s)
            if town and home and (says_here(s.text) or _news_of_the_day(art, start) or _for_the_gathering(tok)) \
                    and art.state_of(town) not in home | {None}:
                # "X arrived on Tuesday", "Y, who flew in on Friday": to where the story is filed (a
                # city-state's dateline: the state)
                dest = town
            if dest is None:
                # "As the heads of state gathered in X, A flew in": where the meeting the
                # clause of time tells was held
                when = [c for c in tok.children if c.dep_ == "advcl" and (c.lemma_.lower() in SUMMIT_VERBS or any(
                    g.lemma_.lower() in SUMMIT_NOUNS for g in c.subtree))]
                dest = next((m.key for c in when for m in s.places if c.left_edge.i <= m.start <= c.right_edge.i
                             and art.state_of(m.key) not in home | {None}), None)
            if dest is None and tok.dep_ == "relcl":
                # "A, who flew in for the summit, met B in X": where the main clause has the one who came
                main = tok.head
                while main.dep_ in ("appos", "compound", "conj") and main.head.i != main.i:
                    main = main.head
                main = main.head if main.dep_ in ("nsubj", "nsubjpass") else None
                dest = next((m.key for m in s.places if main is not None and main.pos_ == "VERB"
                             and s.span.doc[m.end - 1].dep_ == "pobj"
                             and s.span.doc[m.end - 1].head.lower_ in ("in", "at")
                             and (s.span.doc[m.end - 1].head.head.i == main.i   # ("met B in X": on B, or on the verb)
                                  or s.span.doc[m.end - 1].head.head.dep_ == "dobj"
                                  and s.span.doc[m.end - 1].head.head.head.i == main.i)
                             and art.state_of(m.key) not in home | {None}), None)
            if dest is None and (_for_the_gathering(tok) or any(c.dep_ in ("prt", "advmod") and c.lower_ == "in"
                                                                for c in tok.children)):
                # "X flew in for the summit", "Y, who flew in from Z," with no dateline: to where the
                # gathering just told is held
                held = [e.place for e in art.events if e.kind == "Summit" and e.place and e.status is None
                        and 0 <= s.index - e.extra.get("sent", -99) <= 3]
                if held and art.state_of(held[-1]) not in home | {None}:
                    dest = held[-1]
            if dest is None and not _background(tok) \
                    and any(c.dep_ == "nsubj" and c.i in by_tok for c in tok.children) \
                    and not any(c.dep_ == "prep" and c.lower_ in ("in", "at", "to", "into", "from")
                                for c in tok.children):
                # (or, with no place told, the gathering the story leads with: "Leaders met in X
                # on Tuesday ... B flew in on Sunday evening; C landed on Monday")
                from .gathering import _around, main_gathering   # (gathering reads summits, as this does)
                main = main_gathering(art)
                if main is not None and art.state_of(main.place) not in home | {None} \
                        and (start is None or _around(main, start)):
                    dest = main.place
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
        if not is_noun and group:
            away = [k for k in group if art.offices.get(k) and art.state_of(dest) not in art.offices[k]
                    and dest not in art.offices[k]]
            if not away:
                continue
            visitor, home = away[0], art.offices[away[0]]
        if (art.state_of(dest) in home or dest in home) and is_noun:
            # "A and B, on a visit to Bonn, signed ...": of the two, the one from abroad
            others = [by_tok[c.i].key for i, m in by_tok.items() if m.key == visitor
                      for c in s.span.doc[i].conjuncts if c.i in by_tok and by_tok[c.i].key != visitor]
            away = [k for k in dict.fromkeys(others) if art.offices.get(k)
                    and art.state_of(dest) not in art.offices[k] and dest not in art.offices[k]]
            if len(away) == 1:
                visitor, home = away[0], art.offices[away[0]]
        if art.state_of(dest) in home or dest in home or art.named_city_state(dest) in home:
            continue   # a trip at home ("went to Mumbai", "a stop in El Paso") is no visit to a state
        if _a_building(art, s, dest) or _a_region(art, s, dest):
            continue   # "visited St. Mary's Church", "a tour of West Africa": no visit to one state
        if start is None and status is None and is_verb:
            start = _occasion_day(art, s, tok, visitor, dest)
        if start is None and status is None and is_verb and art.article_date is not None and dest == dateline_town(art) \
                and any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ == "day" for g in c.children)
                        for c in tok.children):
            start = art.article_date   # "X flew in for the day": the day the story is filed
        dests = [dest] + _further_destinations(s, tok, dest)   # "visited A and B", "visits to A and B"
        others = _delegation_leaders(tok, by_tok) + _listed_subjects(tok, by_tok) \
            + _coordinated_subjects(tok, by_tok) + _as_did(tok, by_tok) + group if is_verb else []
        if is_verb and lem in _JOURNEYS:
            others += [k for k in _companions(tok, by_tok) if k in art.leaders]   # "flew to X with B and C"
        for who in dict.fromkeys([visitor, *others]):
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
    _listed_arrivals(art, s)


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
        # (or the gathering at X the sentences just before told: "The summit opened in X on Friday.
        # Among the leaders who came for it were A and B")
        told = told or [e for e in art.events if e.kind == "Summit" and e.start is not None and e.start.day
                        and at_x(e) and 0 < s.index - e.extra.get("sent", -99) <= 2]
        if told:
            return told[-1].start
        # "travelled to X for the signing": the day of the treaty the story has signed at X
        placed = {f.subject for f in art.facts if f.predicate == "signedAt" and f.status is None
                  and (f.obj.key == dest or (art.state_of(f.obj.key) or f.obj.key) == where)}
        days = [f.obj for f in art.facts if f.subject in placed and f.predicate == "signedOn" and f.status is None
                and isinstance(f.obj, PartialDate) and f.obj.day is not None]
        return days[-1] if days else None
    if any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _TAKE_PART for c in tok.children):
        told = [e for e in art.events if e.kind == "Summit" and e.start is not None and at_x(e)
                and 0 <= s.index - e.extra.get("sent", -99) <= 1 and e.extra.get("trigger") in _GATHERINGS]
        return told[-1].start if told else None
    return None


# purposes that are taking part in a gathering: "to attend", "to take his seat", "to join them"
_TAKE_PART = {"attend", "take", "join", "address", "open", "chair"}


def _a_region(art: _Article, s: Sentence, dest: str) -> bool:
    """A destination that is a part of the world the reference does not place in a state."""
    if not dest.startswith("place/") or art.state_of(dest) is not None:
        return False
    return any(m.key == dest and REGION.search(m.text) for m in s.places)


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


# what those listed after a gathering did to be there: "Among those who came were A and B"
# (the verbs of coming, _CAME, are defined below with came_from)
_AMONG = re.compile(r"\bamong\b", re.I)


def _listed_arrivals(art: _Article, s: Sentence) -> None:
    """"Among those who came were A, B and the leaders of X and Y: C and D": each listed leader
    travelled to the gathering the story told before (to where it was held, on its first day)."""
    if not _AMONG.search(s.text):
        return   # (most sentences: no Token object for each of their words)
    for tok in s.span:
        among = tok.head
        if not (tok.pos_ == "VERB" and tok.lemma_.lower() in _CAME and tok.dep_ == "relcl"
                and among.dep_ == "pobj" and among.head.lower_ == "among" and among.head.head.lemma_.lower() == "be"):
            continue
        if _negated(tok):
            continue
        held = [e for e in art.events if e.kind == "Summit" and e.place and e.status is None
                and not e.extra.get("background") and e.extra.get("sent", 10 ** 6) < s.index]
        if not held:
            return
        gathering = held[-1]
        listed = {g.i for g in among.head.head.subtree} - {g.i for g in among.head.subtree}
        for who in dict.fromkeys(m.key for m in s.persons if m.end - 1 in listed):
            home = art.offices.get(who, set())
            if not home or art.state_of(gathering.place) in home or gathering.place in home:
                continue   # (one of no known office, or the host)
            ev = Event("Visit", [who], gathering.start, None, destination=gathering.place,
                       extra={"type": "Visit", "sent": s.index, "block": s.block, "background": False})
            ev.evidence.append(Evidence(s.text, s.section))
            art.events.append(ev)


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


_PLAIN_MOTION = {"go", "set", "ride", "drive", "sail", "cross", "come", "spend", "stop", "touch", "reach", "take"}
# what one takes to go somewhere: "took an overnight train to Kyiv"
_CONVEYANCES = {"train", "flight", "plane", "bus", "boat", "ferry", "helicopter", "car", "motorcade", "ship"}
_STAY_UNITS = {"day", "night", "week", "hour", "weekend", "morning", "afternoon", "evening", "monday", "tuesday",
               "wednesday", "thursday", "friday", "saturday", "sunday"}
_TOWN_NOUNS = {"capital", "city", "town", "port"}
# a journey begun or ended in a place: "began his tour in Riyadh", "wrapped up the trip in Nairobi"
_BOUNDS = {"begin", "start", "open", "end", "conclude", "wrap", "finish", "close", "complete"}
# taking part from elsewhere: "attended the summit in X by video link"
_FROM_AFAR = re.compile(r"\b(?:video|virtually|remotely|online|by\s+(?:tele)?phone)\b", re.I)
# spans of time one begins or ends somewhere: "began the week in Ankara", "ended the year in Delhi"
_PERIODS = {"week", "day", "month", "year", "weekend"}


def _bound_at(s: Sentence, verb: Any, trip: Any) -> str | None:
    """The place "in" or "at" gives a verb that begins or ends a journey (or the journey's noun,
    as the parser may hang it)."""
    for m in [*s.places, *s.states]:
        t = s.span.doc[m.end - 1]
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at") and t.head.head.i in (verb.i, trip.i):
            return m.key
    return None


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
    if lem == "reach":   # "reached Brazil on Sunday", "reached the Kenyan capital"; not "reached an agreement"
        return not any(c.dep_ == "prt" for c in tok.children) and any(
            c.dep_ in ("dobj", "obj") and (c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in _TOWN_NOUNS)
            for c in tok.children)
    if lem == "take":   # "took an overnight train to Kyiv"; not "took part", "took office"
        return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _CONVEYANCES and (
            any(g.dep_ == "prep" and g.lower_ == "to" for g in c.children)
            or any(g.dep_ == "prep" and g.lower_ == "to" for g in tok.children)) for c in tok.children)
    if lem == "touch":   # "touched down in Lima", "touched down here"
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in tok.children)
    if lem == "stop":
        # "stopped in Lahore", "stopped over in Doha", "stopped at the airport outside Oslo"; not
        # "talks stopped in March"
        return any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
            g.dep_ == "pobj" and any(x.pos_ == "PROPN" and x.ent_type_ not in ("DATE", "TIME") for x in g.subtree)
            for g in c.children) for c in tok.children)
    if lem == "spend":
        # "spent four days in Mexico", "spent the night in Hanoi": a stay; not "spent years in exile"
        return any(c.dep_ in ("dobj", "obj", "npadvmod") and c.lemma_.lower() in _STAY_UNITS for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children)
    return False


def _as_did(tok: Any, by_tok: dict[int, Mention]) -> list[str]:
    """"X flew in, as did A and B": those the comparison clause says did the same."""
    return [by_tok[g.i].key for c in tok.children if c.dep_ == "advcl" and c.lemma_.lower() == "do"
            and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
            for n in c.children if n.dep_ == "nsubj" for g in [n, *n.conjuncts] if g.i in by_tok]


# what a trip is told at the end or start of: "at the end of a tour of Y", "after a visit to Z"
_TRIP_PART = {"end", "close", "conclusion", "start", "beginning", "outset", "leg", "stage", "part", "day"}


def _trip_of_the_arrival(tok: Any, by_tok: dict[int, Mention]) -> str | None:
    """The traveller whose arrival a trip noun hangs on: "A arrived in X at the end of a tour of Y",
    "B flew home after a visit to Z" (the subject of the verb above the noun's phrases)."""
    h = tok
    while h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.lower_ in ("of", "at", "after", "following", "from",
                                                                            "on", "during", "before"):
        h = h.head.head
        if h.pos_ == "VERB":
            return next((by_tok[c.i].key for c in h.children if c.dep_ == "nsubj" and c.i in by_tok), None)
        if h.lemma_.lower() not in _TRIP_PART:
            return None
    return None


def _for_the_gathering(tok: Any) -> bool:
    """"flew in for the summit", "for the day": for a gathering, the one the story (filed where it is
    held) tells."""
    return any(c.dep_ == "prep" and c.lower_ == "for"
               and any(g.dep_ == "pobj" and (g.lemma_.lower() in SUMMIT_NOUNS | {"occasion"} or g.lower_ == "day"
                                             and any(d.lower_ == "the" for d in g.children))   # "for the day"
                       for g in c.children)
               for c in tok.children)


def _arrives(tok: Any) -> bool:
    """An arrival told without its destination: "arrived", "landed", "flew in"."""
    lem = tok.lemma_.lower()
    # ("flew in last night": the parser's "in" with no object, or a time for one, is the particle)
    timed_in = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                and (not any(c.children) or any(g.ent_type_ in ("TIME", "DATE") for g in c.subtree))]
    if any(c.dep_ == "prep" and c.lower_ in ("to", "in", "into", "at") and c not in timed_in
           and not _of_time_or_manner(c) and not _at_a_facility(c) for c in tok.children):
        return False
    return lem in ("arrive", "land") or lem == "touch" and _goes_to(tok, lem) or lem == "fly" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ == "in" or c in timed_in for c in tok.children)


def _met_there_by(art: _Article, s: Sentence, tok: Any, visitor: str, by_tok: dict[int, Mention]) -> str | None:
    """"X landed at Y airport, where he was met by Z's prime minister": the state of the one who
    met the visitor, when the airport is of no state the reference data knows."""
    if not any(c.dep_ == "prep" and c.lower_ == "at" and _at_a_facility(c) for c in tok.children):
        return None
    home = art.offices.get(visitor, set())
    hosts: set[str] = set()
    for t in tok.subtree:
        if t.lemma_.lower() in ("meet", "greet", "welcome", "receive") and t.tag_ == "VBN":
            for g in (g for c in t.children if c.dep_ == "agent" for g in c.subtree if g.i in by_tok):
                theirs = art.offices.get(by_tok[g.i].key, set())
                hosts |= theirs if len(theirs) == 1 else set()
    hosts -= home
    return hosts.pop() if home and len(hosts) == 1 else None


def _at_a_facility(prep: Any) -> bool:
    """"at Haneda airport", "at the air base": a facility, which says no town (the story's is meant)."""
    return prep.lower_ == "at" and any(o.dep_ == "pobj" and o.lemma_.lower() in _FACILITIES for o in prep.children)


_FACILITIES = {"airport", "airfield", "airbase", "base", "station", "terminal"}


def _of_time_or_manner(prep: Any) -> bool:
    """"at the start of a tour", "at the invitation of X", "in good spirits": a preposition
    whose object is no place, so the arrival still has none."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ not in ("GPE", "LOC", "FAC") \
        and obj.lemma_.lower() not in _PLACE_NOUNS


def _further_destinations(s: Sentence, tok: Any, first: str) -> list[str]:
    """"Flew to Accra and then on to Lome": a second "to" coordinated with the first."""
    tos = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
    if not tos:
        # "visited Cairo and Jerusalem": the places coordinated with the verb's object
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")] if tok.pos_ == "VERB" else []
        more = list(objs[0].conjuncts) if objs else []
        found = [next((m.key for m in [*s.places, *s.states] if m.start <= c.i < m.end), None) for c in more]
        return [k for k in dict.fromkeys(found) if k and k != first]
    more = [c for c in [*tos[0].conjuncts, *tok.children] if c.dep_ == "conj" and c.lower_ == "to"]
    # "travelled to Mali, Niger and Ethiopia": the places listed with the first
    more += [g for c in tos[0].children if c.dep_ == "pobj" for g in c.conjuncts]
    # "to Accra and then on to Lome" where the parser hung the second "to" elsewhere: the words
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
            if named is None and g.tag_ == "NNS":
                # "A and the presidents of X and Y, B and C, arrived": the names the plural lists
                out += [by_tok[x.i].key for x in g.subtree if x.i in by_tok and x.dep_ in ("appos", "conj")
                        and x.i == by_tok[x.i].end - 1 and by_tok[x.i].key not in out]
            todo.extend(x for x in g.children if x.dep_ == "conj")
    return out


def _companions(verb: Any, by_tok: dict[int, Mention]) -> list[str]:
    """Those who travelled "with" the traveller ("A flew to X on Tuesday with B and C")."""
    return _named_in([g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "alongside")
                      for g in c.children if g.dep_ == "pobj"], by_tok)


def _named_in(roots: list[Any], by_tok: dict[int, Mention]) -> list[str]:
    """The people the tokens name, with those listed after them and in apposition ("A, B and C")."""
    out: list[str] = []
    todo = list(roots)
    while todo:
        g = todo.pop(0)
        if g.i in by_tok and by_tok[g.i].key not in out:
            out.append(by_tok[g.i].key)
        # ("welcomed Prime Minister A and President B": the parser may hang the first titled name,
        # with its "and", on the second as a modifier)
        todo.extend(x for x in g.children if x.dep_ in ("conj", "appos") or x.dep_ == "nmod" and x.i in by_tok
                    and x.i < g.i and any(c.dep_ == "cc" for c in x.children))
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
        else ("on", "in") if tok.lemma_.lower() == "set" \
        else ("to", "in", "into", "at") if is_verb and tok.lemma_.lower() in ("arrive", "land", "touch") \
        else ("to",) if is_verb and tok.lemma_.lower() == "take" \
        else ("to", "in", "into", "at", "outside") if is_verb and tok.lemma_.lower() == "stop" \
        else ("to", "in", "into") if (is_verb and tok.lemma_.lower() != "visit") \
        or tok.lemma_.lower() in ("stop", "stopover") else ("to", "of", "through") if tok.lemma_.lower() == "tour" \
        else ("to",)
    children = list(tok.children)
    if is_verb:   # ("arrived unannounced in X", "flew secretly to Y": the parser's "in" on the manner word)
        children += [g for c in tok.children if c.dep_ in ("acomp", "advmod", "oprd", "advcl")
                     and c.pos_ in ("ADJ", "ADV") for g in c.children if g.dep_ == "prep"]
    if is_verb and tok.lemma_.lower() == "take":   # ("took a train to X": the parser's "to" on the train)
        children += [g for c in tok.children if c.dep_ in ("dobj", "obj") for g in c.children]
    if not is_verb and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in LIGHT_VERBS:
        # "paid a visit to X", parsed with "to X" on the verb
        children += [c for c in tok.head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    if not is_verb:
        # "the visit paid by X to Y", parsed with "to Y" on the participle
        children += [c for t in tok.children if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in LIGHT_VERBS
                     for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"]
    for c in children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for g in c.subtree:
                k = key_at(g.i)
                if k and c.lower_ == "at" \
                        and any(o.dep_ == "pobj" and o.lemma_.lower() in _NO_PLACE_AT for o in c.children):
                    break   # "At the invitation of A, the President of B, ...": no place it arrived at
                if k and (c.lower_ != "at" or art.state_of(k) is not None):
                    return k   # ("arrived at Haneda airport": an airport, of no state we know, is no destination)
        if is_verb and c.dep_ in ("dobj", "obj"):
            for g in c.subtree:
                k = key_at(g.i)
                if k:
                    return k
    return None


def _a_facility(art: _Article, key: str) -> bool:
    """A place the reference data knows as a building or site ("White House"), not a town."""
    p = ref.lookup_place(art.entities[key].label) if key in art.entities else None
    return p is not None and p.kind == "facility"


# what a guest comes at: "at the invitation of A", "at the request of B"
_BIDDING = {"invitation", "request", "behest", "initiative", "urging", "suggestion"}


def _hung_on_the_host(verb: Any, by_tok: dict[int, Any]) -> str | None:
    """The guest of a verb left without a subject: "At the invitation of A, B paid a visit to X"
    is often parsed with B in apposition to (or coordinated with) A; B, a person other than A."""
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in ("at", "on", "upon"):
            continue
        for bid in p.children:
            if bid.lemma_.lower() not in _BIDDING:
                continue
            for of in bid.children:
                if of.dep_ != "prep" or of.lower_ != "of":
                    continue
                for host in of.children:
                    if host.i not in by_tok:
                        continue
                    guest = next((c for c in host.children if c.dep_ in ("appos", "conj") and c.i in by_tok
                                  and by_tok[c.i].key != by_tok[host.i].key), None)
                    if guest is not None:
                        return str(by_tok[guest.i].key)
    return None


# what "at" takes that is no place: "at the invitation of X", "at the request of Y", "at the end of Z"
_NO_PLACE_AT = _BIDDING | {"end", "start", "beginning", "close", "time", "height", "head", "helm", "age", "moment"}
# what one has in receiving a guest: "had the honour of welcoming B"
_HONOUR = {"honour", "honor", "pleasure", "privilege"}


# what "head" takes when it is travel: "headed to Lima", "heads home", "headed back"
_HEADING = {"to", "for", "toward", "towards", "into", "home", "back", "out", "off", "north", "south", "east", "west"}


def _visiting(art: _Article, s: Sentence) -> None:
    """"The visiting Vietnamese prime minister, X, held talks with Y in Brasilia on Monday": X is on
    a visit to where the sentence's act took place (or where the story was filed), in another state."""
    doc = s.span.doc
    for p in s.persons:
        before = [t for t in doc[max(s.span.start, p.start - 6):p.start]]
        if not any(t.lower_ == "visiting" and t.dep_ in ("amod", "compound") for t in before) \
                or any(t.is_punct and t.text != "." for t in before[[t.lower_ for t in before].index("visiting"):]):
            continue
        home = art.offices.get(p.key, set())
        verb = next((a for a in doc[p.end - 1].ancestors if a.pos_ == "VERB"), None)
        where = (_place_for(s, verb, strict=True, governor=verb) if verb is not None else None) \
            or (art.place(art.dateline_place) if art.dateline_place else None)
        if not home or where is None or art.state_of(where) in home | {None}:
            continue
        _add_visit(art, s, verb if verb is not None else doc[p.end - 1], p.key, where)


def _presence_visits(art: _Article, s: Sentence) -> None:
    """Visits a sentence states without a travel verb: "A was in Lusaka on 6 June" (a leader or
    minister in a city of another state), "Sisi received King Salman at the airport" (a foreign
    leader or minister received by the host)."""
    _visiting(art, s)
    doc = s.span.doc
    by_tok = _persons_by_token(s)
    spans = [(m.start, m.end, m.key) for m in s.places] + [(m.start, m.end, m.key) for m in s.states]

    for tok in s.span:
        lem = tok.lemma_.lower()
        if lem == "be" and (tok.tag_ == "VBD" or tok.tag_ == "VBN" and any(   # ("had been in X")
                c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children)) \
                or lem in _BOUNDS and tok.pos_ == "VERB" and any(   # "began the week in Ankara"
                    c.dep_ in ("dobj", "obj", "npadvmod") and c.lemma_.lower() in _PERIODS for c in tok.children):
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
                if st is None or st in home or _a_facility(art, where):
                    continue   # (not "was in Downing Street for talks": a building, no journey told)
                _add_visit(art, s, tok, subj, where)
        elif lem in HOSTING and tok.pos_ == "VERB":
            host = next((by_tok[c.i].key for c in tok.children if c.dep_ == "nsubj" and c.i in by_tok), None) \
                or (_subject_person(tok, by_tok) if any(c.dep_ == "nsubj" for c in tok.children) else None)
            if host is None and tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ == "of" \
                    and tok.head.head.lemma_.lower() in _HONOUR and tok.head.head.head.pos_ in ("VERB", "AUX"):
                host = _subject_person(tok.head.head.head, by_tok)   # "A had the honour of welcoming B"
            guests = _received(tok, by_tok)
            if not guests and any(c.dep_ in ("dobj", "obj") and c.lower_ in ("him", "her") for c in tok.children):
                # "A spent two days in Moscow, where B received him": the one the story follows,
                # this sentence's subject or the last one before
                told = [_sentence_subject(x) for x in reversed(art.sentences[max(0, s.index - 2):s.index + 1])]
                guests = [k for k in told if k and k != host and art.offices.get(k)][:1]
            guest = guests[0] if guests else None
            if host is None and guest is None:
                # "X was received by Y": the passive's subject is the guest, its agent the host
                guest = _subject_person(tok, by_tok) if any(c.dep_ == "nsubjpass" for c in tok.children) \
                    or (tok.dep_ == "conj" and tok.tag_ == "VBN") else None
                if guest is None and tok.dep_ == "conj" and tok.tag_ == "VBN":
                    guest = _subject_person(tok.head, by_tok)
                # (the parser may hang "by Y" on the place: "welcomed in Lusaka by Y")
                # (or hang the name under the title: "by President of the Republic of X A")
                host = next((by_tok[g.i].key for c in tok.subtree if c.lower_ == "by" and c.dep_ in ("agent", "prep")
                             and not any(a.pos_ in ("VERB", "AUX") for a in c.ancestors if a.i != tok.i
                                         and tok.i in {x.i for x in a.ancestors})
                             for g in _agent_names(c) if g.i in by_tok), None)
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
            # where the guests were received: a place of the host's state the verb governs (a town,
            # not a building: "received at the White House" is a visit to the state)
            there = [m.key for m in s.places if _governed_by(doc[m.end - 1], tok) and art.state_of(m.key) == home]
            where = next((k for k in there if not _a_facility(art, k)), None)
            spot = next((k for k in there if _a_facility(art, k)), None)   # (where they met)
            if where is None:   # "in the Russian capital, where B received him"
                clause = _where_clause(s, tok)
                if clause is not None and _a_facility(art, clause):
                    spot, clause = spot or clause, None   # "at the X palace, where B received her"
                where = clause if clause is not None and art.state_of(clause) == home else home
            for g in guests:
                _add_visit(art, s, tok, g, where, host)
            landed = tok.dep_ == "conj" and tok.head.lemma_.lower() in ("land", "touch") \
                or lem == "welcome" and tok.dep_ == "relcl" and _arrival_clause(tok) \
                or any(r.dep_ == "relcl" and r.lemma_.lower() in ("arrive", "land", "fly", "touch")
                       for c in tok.children if c.dep_ == "nsubjpass" for r in c.children)
            # (nor "A, who flew into X on Thursday, was greeted by B": the greeting of an arrival)
            # (the airport of the receiving, not another clause's: "offered an air base ..., and
            # later was welcomed in the Oval Office")
            said = doc[tok.left_edge.i:tok.right_edge.i + 1].text if tok.dep_ == "conj" else s.text
            if all(k in art.leaders or k in art.leader_titled for k in (host, *guests)) \
                    and not AIRSIDE.search(said) and not landed:
                # leaders, one receiving the others: they met (not a welcome on the tarmac,
                # nor "X landed and was received by Y" at the airport, which are protocol: the talks
                # are told apart)
                # (the town when the sentence tells one, else the building: "in the capital, where B
                # received him at the palace" met in the capital)
                town = where if where.startswith("place/") and not _a_facility(art, where) else None
                _add_meeting(art, s, tok, [host, *guests],
                             town or spot or (where if where.startswith("place/") else None))
        elif lem == "call" and tok.pos_ == "VERB":
            # "called on President X": a courtesy call is a meeting
            subj = next((by_tok[c.i].key for c in tok.children if c.dep_ == "nsubj" and c.i in by_tok), None)
            if subj is None and tok.dep_ == "conj":
                subj = next((by_tok[c.i].key for c in tok.head.children if c.dep_ == "nsubj" and c.i in by_tok), None)
            if subj is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                # "flew to X to call on B", "the first leader to call on B": whoever the verbs above
                # it are told of
                up = tok.head
                for _ in range(3):
                    subj = _subject_person(up, by_tok) if up.pos_ in ("VERB", "AUX") else None
                    if subj is not None or up.head.i == up.i:
                        break
                    up = up.head
            on = next((g for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ == "on"
                       for g in [*c.children, *tok.children] if g.i in by_tok and g.dep_ in ("pobj", "dobj")), None)
            if subj and on is not None and by_tok[on.i].key != subj and \
                    all(k in art.leaders or k in art.leader_titled for k in (subj, by_tok[on.i].key)):
                # (where: "at the palace in Vientiane", "in Colombo"; not the place of a meeting of
                # its own coordinated with it: "called on A and held talks with B at X")
                where = _place_for(s, tok, strict=True)
                apart = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
                if any(c.left_edge.i <= m.start <= c.right_edge.i for c in apart for m in s.places if m.key == where):
                    where = None
                # (not where the story is filed when that is in the caller's state, not the host's:
                # "SEOUL - ... the South Korean president called on B" in Pyongyang)
                home = art.state_of(art.place(art.dateline_place)) if art.dateline_place else None
                away = home is not None and home in art.offices.get(subj, set()) \
                    and home not in art.offices.get(by_tok[on.i].key, set())
                _add_meeting(art, s, tok, [subj, by_tok[on.i].key], _town_of_building(art, s, where), dateline=not away)
            if subj and on is not None and by_tok[on.i].key != subj and art.offices.get(subj):
                # ("had called on B at the White House", "called on him in Riyadh": the caller, a
                # leader or a minister, went to B's state)
                went = _town_of_building(art, s, _place_for(s, tok, strict=True))
                went = art.state_of(went) if went and _a_facility(art, went) else went
                if went and art.state_of(went) not in art.offices.get(subj, set()) | {None} \
                        and art.state_of(went) in art.offices.get(by_tok[on.i].key, set()):
                    _add_visit(art, s, tok, subj, went)
        elif lem == "attend" and tok.pos_ == "VERB" and not _FROM_AFAR.search(s.text):
            # "A attended the ceremony in Nairobi": in person, in a town of another state
            subj = _subject_person(tok, by_tok)
            home = art.offices.get(subj, set()) if subj else set()
            where = next((m.key for m in s.places if _governed_by(doc[m.end - 1], tok)
                          and doc[m.end - 1].head.lower_ in ("in", "at")), None)
            st = art.state_of(where) if where else None
            if home and st is not None and st not in home:
                _add_visit(art, s, tok, subj, where)
        elif lem == "take" and tok.pos_ == "VERB":
            _taken_to(art, s, tok, by_tok)   # "a tour that took him to A and B"
        elif lem == "return" and tok.pos_ == "VERB":
            _returned_from(art, s, tok, by_tok)   # "X returned from Washington on Friday"
        elif lem == "bring" and tok.pos_ == "VERB" and any(t.lower_ == "together" for t in tok.subtree):
            # "X brought A and B together": the three met
            people = [m.key for m in s.persons if _governed_by(doc[m.end - 1], tok)]
            if len(set(people)) >= 2 and all(k in art.leaders or k in art.leader_titled for k in people):
                _add_meeting(art, s, tok, list(dict.fromkeys(people)), _place_for(s, tok, strict=True))


_TRIPS = {"tour", "trip", "journey", "mission", "travels", "swing", "leg", "stage"}


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
    # "took him to X, where he landed on Wednesday": the day the clause on the place gives
    arrived = next((v for p in tok.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
                    for v in o.children if v.dep_ == "relcl" and v.pos_ == "VERB"
                    and any(c.lower_ == "where" for c in v.children)), None)
    for where in [first] + _further_destinations(s, tok, first):
        if art.state_of(where) in art.offices[who] or where in art.offices[who]:
            continue
        _add_visit(art, s, arrived if arrived is not None and where == first else tok, who, where)


def _arrival_clause(tok: Any) -> bool:
    """"X arrived in Y, where he was welcomed by Z": a welcome hung on the place of an arrival."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in ("arrive", "land", "fly", "touch")


def _agent_names(by: Any) -> list[Any]:
    """What "by" governs, and when that is a title ("by President of the Republic of X A"),
    the words of the title's phrase (not a clause inside it)."""
    out = list(by.children)
    for g in by.children:
        if g.dep_ == "pobj" and g.lower_ in _TITLE_WORDS:
            out += [t for t in g.subtree if t.i != g.i and t.pos_ == "PROPN"
                    and not any(a.pos_ in ("VERB", "AUX") for a in t.ancestors if a.i > g.i)]
            after = g.right_edge.i + 1
            if after + 1 < len(g.doc) and g.doc[after].text == "," and g.doc[after + 1].pos_ == "PROPN":
                # "by the President of the United States, A": the name after the title's phrase,
                # which the parser may hang elsewhere
                out.append(g.doc[after + 1])
    return out


def _received(verb: Any, by_tok: dict[int, Any]) -> list[str]:
    """The people a verb of welcoming has as its object, with those listed after the first
    ("welcomed A, B and C") and a name in apposition ("received his guest, A")."""
    return _named_in([c for c in verb.children if c.dep_ in ("dobj", "obj")], by_tok)


def _add_meeting(art: _Article, s: Sentence, tok: Any, people: list[str], where: str | None, *,
                 dateline: bool = True) -> None:
    """A meeting of ``people`` told by ``tok``; with no place of its own, where the story is filed
    (``dateline``) when it is news of the day."""
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
    if where is None and dateline and art.dateline_place and _news_of_the_day(art, start):
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


# verbs of a journey whose "from X, where ..." tells the stop before: "flew in from X, where the
# day before she met Y", "landed at dawn, having come from X, where he had seen Y"
_CAME = {"fly", "travel", "arrive", "come", "drive", "return", "journey"}


_FROM_A_VISIT = re.compile(r"\bfrom\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour|stay)\s+to\b", re.I)


def came_from(art: _Article, s: Sentence) -> None:
    """A visit to the place a traveller came from, when a "where" clause tells what they did there
    (not their own state: "flew in from Washington, where he had met his cabinet")."""
    if "where" not in s.text and not _FROM_A_VISIT.search(s.text):
        return
    by_tok = _persons_by_token(s)
    for tok in s.span:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _CAME or _negated(tok):
            continue
        frm = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        obj = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
        where = next((c for c in obj.children if c.dep_ == "relcl" and any(g.lower_ == "where" for g in c.children)),
                     None) if obj is not None else None
        if obj is not None and obj.lemma_.lower() in ("visit", "trip", "tour", "stay") and where is None:
            # "arrived straight from a three-day visit to X": the stop before, visited
            to = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            where = tok if obj is not None else None
        if where is None or where.pos_ not in ("VERB", "AUX"):
            continue
        dest = next((m.key for m in [*s.places, *s.states] if m.start <= obj.i < m.end), None)
        visitor = _subject_person(tok, by_tok)
        if visitor is None and tok.dep_ in ("advcl", "xcomp", "conj") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            visitor = _subject_person(tok.head, by_tok)   # "arrived ..., having travelled from X"
        if dest is None or visitor is None:
            continue
        home = art.offices.get(visitor, set())
        label = art.entities[dest].label if dest in art.entities else ""
        city = ref.city_state(label)
        state = dest if dest.startswith("state/") else \
            art.state_of(dest) or (f"state/{ref.slugify(city)}" if city else None)
        if not home or state is None or state in home:
            continue
        _add_visit(art, s, where, visitor, dest)


def tour_stops(art: _Article, s: Sentence) -> None:
    """"X set off on a tour. Ghana was the first stop; Togo and Benin followed": the
    stops of the tour just told are visits of its traveller, in its month."""
    if "stop" not in s.text:
        return
    stops: list[str] = []
    for t in s.span:
        if t.lemma_.lower() == "stop" and t.pos_ == "NOUN" and t.dep_ == "attr" and t.head.lemma_.lower() == "be" \
                and t.head.tag_ == "VBD" and any(c.dep_ == "amod" and c.lower_ in _ORDERED for c in t.children):
            stops += _named_there(s, [c for c in t.head.children if c.dep_ == "nsubj"])
        elif stops and t.lemma_.lower() == "follow" and t.tag_ == "VBD" \
                and not any(c.dep_ in ("dobj", "obj") for c in t.children):
            stops += _named_there(s, [c for c in t.children if c.dep_ == "nsubj"])   # "Kuwait and Qatar followed"
    if not stops:
        return
    tour = next((e for e in reversed(art.events) if e.kind == "Visit" and e.destination is None
                 and len(e.participants) == 1 and 0 < s.index - e.extra.get("sent", -99) <= 3), None)
    if tour is None:
        return
    month = PartialDate(tour.start.year, tour.start.month) if tour.start and tour.start.month else tour.start
    for dest in dict.fromkeys(stops):
        ev = Event("Visit", list(tour.participants), month, None, destination=dest,
                   extra={"type": "Visit", "sent": s.index, "block": s.block})
        ev.evidence.append(Evidence(s.text, s.section))
        art.events.append(ev)


_ORDERED = {"first", "second", "third", "last", "final"}


def _named_there(s: Sentence, roots: list[Any]) -> list[str]:
    """The states and places the tokens name, with those listed after them ("A, B and C")."""
    out: list[str] = []
    todo = list(roots)
    while todo:
        g = todo.pop(0)
        out += [m.key for m in [*s.states, *s.places] if m.start <= g.i < m.end and m.key]
        todo.extend(c for c in g.children if c.dep_ in ("conj", "appos"))
    return out


_COUNTRY_WORDS = {"country", "kingdom", "republic", "emirate", "sultanate"}


def _the_country(art: _Article, s: Sentence, tok: Any, visitor: str) -> str | None:
    """"to visit the kingdom, meeting its ruler in Y": the state of the one town of
    another state the sentence names."""
    if tok.pos_ != "VERB" or not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _COUNTRY_WORDS
                                     and any(d.lower_ == "the" for d in c.children)
                                     and not any(d.dep_ in ("amod", "compound") for d in c.children)
                                     for c in tok.children):
        return None
    home = art.offices.get(visitor, set())
    states = {art.state_of(m.key) for m in s.places} - {None} - home
    return art.state(states.pop()) if len(states) == 1 else None


def dated_by_purpose(art: _Article) -> None:
    """"X flew to Y for a summit with A and B. The summit ended on Friday": a journey told with
    no day of its own, made for a gathering the story dates later, took place on its first day
    (its last, when only that is told)."""
    for v in art.events:
        if v.kind != "Visit" or v.status is not None or v.start is not None or not v.destination:
            continue
        for e in art.events:
            if e.kind == "Summit" and e.status is None and e.extra.get("sent") == v.extra.get("sent") \
                    and set(v.participants) <= set(e.participants) and e.place == v.destination \
                    and (e.start or e.end) is not None and not e.extra.get("background"):
                v.start = e.start or e.end
                break

