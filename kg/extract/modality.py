"""Factuality: whether a trigger is reported as having happened (a past verb, a presupposing
"after the visit", a date not after the article's), forecast ("expected") or planned; the status
an event gets from that."""

from __future__ import annotations

import re
from typing import Any

from ..model import PartialDate
from .lexicon import CANCEL_LEMMAS, CUE_LEMMAS, PLAN_LEMMAS, VISIT_NOUNS
from .nlp import _ancestors_and_self, _doc_text
from .context import _Article, Sentence
from .dating import _before_article, _not_after_article, _own_date, _resolve_dates


_PAST_PREPS = {"following", "after", "since"}


_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "last", "only"}


def _presupposed(tok: Any) -> bool:
    """'following their summit', 'after the visit': the preposition presupposes a past event;
    'the first leader to visit X' (not 'the next') tells of a visit made."""
    if tok.dep_ == "pobj" and tok.head.lower_ in _PAST_PREPS and any(c.dep_ in ("poss", "det") for c in tok.children):
        return True
    return tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and any(c.lower_ in _ORDINALS for c in tok.head.children if c.dep_ == "amod") \
        and not any(a.lemma_.lower() in ("will", "would", "could", "may", "might") or a.tag_ in ("MD",)
                    for a in tok.head.head.children if a.dep_ == "aux")


# verbs of a gathering's course, told in a closing participle: "..., ending a two-day summit"
_COURSE = {"end", "close", "conclude", "wrap", "open", "begin", "start", "cap", "complete", "finish"}


def _clause_chain(tok: Any) -> list[Any]:
    """``tok`` and the words it hangs from, where a closing ", ending a two-day summit" that the
    parser hung from a reported clause ("told her the plan would not work, ending ...") hangs
    from the verb that reports it: the summit ended; the forecast is what was told."""
    out = [tok]
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in _COURSE and t.i > 0 \
                and t.doc[t.i - 1].text == "," and t.head.dep_ == "ccomp" and t.head.head.i != t.head.i:
            t = t.head.head
        else:
            t = t.head
        out.append(t)
    return out


def _is_speculative(tok: Any) -> str | None:
    """'expected' / 'planned' when the trigger sits under a forecast, else None."""
    if _presupposed(tok):
        return None
    for t in _clause_chain(tok):
        lem = t.lemma_.lower()
        if lem in CUE_LEMMAS and t.i != tok.i and not (t.text[:1].isupper() and not t.is_sent_start):
            # (not a word of a name: "the Joint Comprehensive Plan of Action was signed")
            return "planned" if lem in PLAN_LEMMAS else "expected"
        for c in t.children:
            cl = c.lemma_.lower()
            if c.dep_ in ("aux", "auxpass") and cl in {"will", "would", "could", "may", "might", "shall",
                                                        "should", "can"}:
                return "expected"
            if c.dep_ == "mark" and cl in {"if", "whether", "unless"}:
                return "expected"
            if c.dep_ == "acomp" and t.lemma_.lower() == "be" and cl in CUE_LEMMAS and c.i != tok.i:
                return "planned" if cl in PLAN_LEMMAS else "expected"   # "X is due in Y for a conference"
            if c.dep_ == "acl" and c.i > t.i and cl in {"plan", "propose", "schedule", "cancel", "postpone"} \
                    and c.lower_ in {"planned", "proposed", "scheduled", "cancelled", "canceled", "postponed"}:
                return "planned"   # "a summit planned for 1994", "the visit scheduled for May"
            if c.dep_ in ("amod", "compound", "nmod") and c.text.islower() and cl in {"potential", "possible", "upcoming",
                                                                  "planned", "proposed", "prospective",
                                                                  "expected", "next", "future", "likely",
                                                                  "anticipated", "reciprocal"}:
                return "planned" if cl in {"planned", "proposed"} else "expected"
        if t.dep_ == "xcomp" and t.head.lemma_.lower() == "be" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                      for c in t.children):
            return "planned"   # "X is to visit Y", "the two were to meet": an arrangement
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in CUE_LEMMAS:
            return "planned" if t.head.lemma_.lower() in PLAN_LEMMAS else "expected"
        if t.tag_ == "VBD" and t.dep_ in ("relcl", "advcl") and any(c.dep_ == "nsubj" for c in t.children):
            break   # "it was prepared when X travelled to Y": a clause in the past tells its own fact
    for t in tok.sent:
        if t.lemma_.lower() in {"if", "whether"} and t.i < tok.i:
            return "expected"
    return None


_TRAVEL = {"fly", "travel", "go", "come", "return", "arrive", "head", "journey", "sail", "drive"}

# verbs whose infinitive did not happen: "refused to meet", "failed to sign"
_NOT_DONE = {"refuse", "fail", "decline", "avoid", "reject"}


def _negated(tok: Any) -> bool:
    """The event a trigger tells did not happen: "did not meet", "held no talks", "there was no
    meeting", "never visited", "refused to meet"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    # (a noun: only as what is held, "did not hold talks"; "the talks did not produce a deal" were held)
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("dobj", "obj") else None
    if verb is None:
        return False
    if any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ == "never" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _NOT_DONE


# a timeline's entry: "1987 — Gorbachev and Reagan sign the INF Treaty" (history told in the present)
_TIMELINE_ENTRY = re.compile(r"^\s*(?:1[6-9]\d\d|20\d\d)\s*[—–:-]\s")


# a gathering told by the day it has reached: "the summit, day two", "day three of the talks"
_DAY_AFTER = re.compile(r"^(?:\s+(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"   # ("the X summit in Hanoi, day two")
                        r"\s*[,:]?\s*(?:day\s+(?:two|three|four|five|[2-9])"
                        r"|(?:second|third|fourth|final|last)\s+day)\b", re.I)
_DAY_BEFORE = re.compile(r"\b(?:day\s+(?:two|three|four|five|[2-9])"
                         r"|(?:first\s+full|second|third|fourth|final|last)\s+day)\s+of\s+"
                         r"(?:the\s+)?(?:[A-Z][\w-]*\s+)*$", re.I)


def _told_by_its_day(tok: Any) -> bool:
    """The gathering ``tok`` names is told by a day of it ("day two of the X summit", "the second day
    of a summit", "the summit in Y, day three")."""
    text = _doc_text(tok.doc)
    return tok.pos_ == "NOUN" and (_DAY_AFTER.match(text[tok.idx + len(tok.text):]) is not None
                                   or _DAY_BEFORE.search(text[:tok.idx]) is not None)


def _under_way(tok: Any) -> bool:
    """The gathering ``tok`` names is told at a day past its first, or as going on: it is being held."""
    return _told_by_its_day(tok) or tok.pos_ == "NOUN" and going_on(tok)


# "talks between the two are under way", "the meeting is in progress"
_GOING_ON = re.compile(r"^(?:is|are)\s+(?:now\s+|still\s+|already\s+)?(?:under\s?way|ongoing|in\s+progress)\b", re.I)


def going_on(tok: Any) -> bool:
    """The noun is told as going on as the story is written ("Talks are under way at X")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be" \
        and _GOING_ON.match(_doc_text(tok.doc)[tok.head.idx:]) is not None


def _there(verb: Any) -> bool:
    """"was in X", "were at Y": a past "be" that places its subject somewhere."""
    return verb.lemma_.lower() == "be" and any(c.dep_ == "prep" and c.lower_ in ("in", "at")
                                               and any(g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC")
                                                       for g in c.children) for c in verb.children)


def _has_past_evidence(tok: Any) -> bool:
    if _presupposed(tok) or _under_way(tok):
        return True
    if _TIMELINE_ENTRY.match(_doc_text(tok.doc)):   # (the paragraph: the year may stand as a sentence of its own)
        return True
    for c in tok.children:
        if c.tag_ == "VBN" and c.dep_ in ("acl", "relcl", "amod") and c.lemma_.lower() not in CUE_LEMMAS:
            return True   # ("the visit made last year"; not "his planned visit", "a postponed summit")
        if c.dep_ == "amod" and c.lower_ in {"last", "previous", "recent", "past", "historic", "brief"}:
            return True
    for v in [tok] + ([tok.head] if tok.dep_ in ("dobj", "obj") else []):
        if v.tag_ == "VB" and v.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
                and v.head.tag_ == "VBD" and (v.head.lemma_.lower() in _TRAVEL or _there(v.head)):
            return True   # "flew to Lusaka to sign X", "arrived to begin a tour": the purpose of a journey made, told as done
            # ("was in Washington to sign X": of a stay)
    if tok.tag_ == "VB" and tok.dep_ in ("ccomp", "xcomp") and tok.head.tag_ == "VBD" \
            and tok.head.lemma_.lower() in ("watch", "see", "witness", "observe", "hear") \
            and not any(c.dep_ == "aux" for c in tok.children):
        return True   # "A and B watched their ministers sign X": done when it was watched
    for t in _ancestors_and_self(tok):
        if t.tag_ == "VBD":
            return True
        if t.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in
                                   {"has", "have", "had", "was", "were", "been"} for c in t.children):
            return True
        if t.tag_ == "VBN" and t.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in t.children) \
                and not any(c.dep_ in ("aux", "auxpass") for c in t.children):
            return True   # "X, who arrived on Monday ..., held talks": a past tense the tagger read as a participle
        if t.pos_ in ("VERB", "AUX") and _reported_now(t) and not _in_subject(tok, t):
            # "Rahmon is on a state visit", "Ruto arrives in Dar es Salaam" (a headline); not
            # "Putin's visit is attracting attention", which says nothing of when it happens
            return True
        if t.pos_ == "VERB" and (t.tag_ in ("VBZ", "VBP", "VB") or
                                 (t.tag_ == "VBG" and t.dep_ not in ("advcl", "acl", "xcomp", "conj", "pcomp"))):
            break
    return False


def _named_in_a_fragment(tok: Any) -> bool:
    """Someone's visit a line of the body with no verb of its own names ("Coverage of X's visit to
    Y", a caption's "X during his visit to Y"): one under way or made, as a story's line tells
    it; not an infinitive ("X to visit Y") or a forecast. (Not a headline's: "X's visit to Y" over
    a story may be ahead.)"""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in VISIT_NOUNS or not any(c.dep_ == "poss" for c in tok.children):
        return False
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.lower_ == "to" and t.dep_ == "aux"
                   or t.lemma_.lower() in CUE_LEMMAS for t in tok.sent)


def _in_subject(tok: Any, verb: Any) -> bool:
    """``tok`` lies in ``verb``'s subject."""
    t = tok
    while t.head.i != t.i and t.head.i != verb.i:
        t = t.head
    return t.head.i == verb.i and t.dep_ in ("nsubj", "nsubjpass", "csubj")


def _reported_now(verb: Any) -> bool:
    """A main verb in the present tense with nothing that puts it in the future: news reports
    what is happening ("is on a state visit", "is visiting", "arrives") as happening."""
    if verb.dep_ != "ROOT":
        return False
    # (a base form with its own subject and no auxiliary is a present the tagger misread: "A and B hold talks")
    base = verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children)
    if (verb.tag_ in ("VBZ", "VBP") or base) \
            and verb.lemma_.lower() not in ("say", "hope", "plan", "expect", "want", "seek"):
        return not any(c.dep_ in ("aux", "xcomp", "ccomp") for c in verb.children)
    if verb.tag_ == "VBG":
        auxes = [c for c in verb.children if c.dep_ == "aux"]
        return bool(auxes) and all(a.lower_ in ("is", "are") for a in auxes)
    return False


_WEEKDAY = re.compile(r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _present_on_a_weekday(s: Sentence, tok: Any) -> bool:
    """"On Tuesday he travels to X", "X flies to Y on Friday": the simple present with a day of
    the week tells a timetable, the days ahead (a day of the week just past takes the past tense)."""
    verb = tok if tok.pos_ == "VERB" else next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    if verb is None or verb.tag_ not in ("VBZ", "VBP") or verb.dep_ not in ("ROOT", "conj") \
            or verb.lemma_.lower() in ("be", "have", "say") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(_WEEKDAY.fullmatch(m.text.strip()) for m in s.dates
               if verb.left_edge.idx <= m.start <= verb.right_edge.idx + len(verb.right_edge.text))


# a clock time that opens an entry of a live report ("10:40 -", "9.15am GMT:")
_CLOCK = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s*)?[—–:-]\s")


def _event_status(art: _Article, s: Sentence, tok: Any, *, own_date_only: bool
                  ) -> tuple[str | None, PartialDate | None, PartialDate | None]:
    """(status, start, end) of the event a trigger word reports.

    None as status means it happened: a past verb or participle, or a date not after the article's.
    A forecast ("expected", "will", "intention to") or an event dated after the article is a plan,
    unless a date of its own puts it before the article ("in September of the previous year").
    """
    status = _is_speculative(tok) or _on_a_schedule(s, tok)
    if status is not None and _told_by_its_day(tok):
        status = None   # "... invited X to join, on a summit's first full day": under way, not a plan
    tense = "future" if status or _present_on_a_weekday(s, tok) else "past"
    own = _own_date(art, s, tok, tense)
    start, end = own
    if start is None and not own_date_only:
        start, end = _resolve_dates(art, s, tok, tense)
    if start is None and status is None and art.article_date is not None and _CLOCK.match(s.text):
        # "10:40 - The host opened the summit": an entry of a live report, on the day it is dated
        start = art.article_date
    past = _has_past_evidence(tok) or _not_after_article(art, start) \
        or s.section != "headline" and _named_in_a_fragment(tok)
    if status is None and not past:
        status = "expected"
    if status is None and start is not None and art.article_date is not None \
            and not _not_after_article(art, start):
        status = "expected"
    if own[0] is not None and _before_article(art, own[0]) and not _called_off(tok):
        status, start, end = None, own[0], own[1]
    if _called_off(tok):
        status = "planned"   # "a summit planned for 1994 was cancelled": it never took place
    return status, start, end


# "X's schedule for Wednesday: talks with A, a meeting with B": what is to come
_SCHEDULE = re.compile(r"\b(?:schedule|itinerary|programme|program|agenda)\s+for\b", re.I)


def _on_a_schedule(s: Sentence, tok: Any) -> str | None:
    """"planned" for a gathering listed after "schedule for ..." in a sentence that tells no
    past act ("His schedule for Friday included talks" is told as done)."""
    m = _SCHEDULE.search(s.text)
    root = tok.sent.root
    if m is None or tok.idx - s.span.start_char < m.end() or root.tag_ == "VBD":
        return None
    return "planned"


def _called_off(tok: Any) -> bool:
    """The event was cancelled or postponed: "the visit was cancelled", "a summit, later called off"."""
    for t in _ancestors_and_self(tok):
        cancels = t.lemma_.lower() in CANCEL_LEMMAS or t.lemma_.lower() in ("call", "put") and any(
            c.dep_ == "prt" and c.lower_ == "off" for c in t.children)   # "called off", "put off"
        if cancels and t.pos_ == "VERB" and (t.i == tok.i or t.i != tok.i and (
                tok.dep_ in ("nsubjpass", "dobj", "obj") and tok.head.i == t.i)):
            return True
    return any(c.dep_ in ("acl", "relcl", "amod") and c.lemma_.lower() in CANCEL_LEMMAS for c in tok.children)
