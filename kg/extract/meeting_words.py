"""Ways a sentence tells a meeting of leaders beyond "met" and "summit": a readout's "With A, the
president discussed ...", "a session with B", "A and B talked"; and a gathering named only as a
time ("before the summit", "on the eve of the talks"), which is no new gathering."""

from __future__ import annotations

import re
from typing import Any

from .context import _Article, Sentence


# verbs a readout tells a meeting's business with, after "With X,": "With A, the president discussed ..."
_CONVERSE = {"discuss", "review", "raise", "agree", "promise", "stress", "emphasize", "emphasise",
             "underscore", "reaffirm", "exchange", "explore", "address"}


def _with_first(s: Sentence, tok: Any) -> bool:
    """"With A, the president discussed ...": the sentence opens with "with" and a person, hung on
    this, its main verb, whose subject is another."""
    first = next((t for t in s.span if not t.is_punct), None)
    if first is None or first.lower_ != "with" or first.head.i != tok.i or tok.dep_ != "ROOT" or tok.pos_ != "VERB":
        return False
    named = {i for m in s.persons for i in range(m.start, m.end)}
    return any(g.i in named for g in first.subtree) and any(c.dep_ == "nsubj" for c in tok.children)


# verbs whose two named subjects held talks: "A and B discussed trade", "A and B reviewed ties"
_TOGETHER_TALKS = {"discuss", "review", "explore", "exchange"}


def _discussed_together(s: Sentence, tok: Any) -> bool:
    """"A and B discussed trade": a verb of talks whose subject names two people or more,
    coordinated (not "the two sides", nor one of them alone)."""
    if tok.lemma_.lower() not in _TOGETHER_TALKS or tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    named = {i for m in s.persons for i in range(m.start, m.end)}
    return any(c.dep_ == "nsubj" and c.i in named and any(g.dep_ == "conj" and g.i in named for g in c.children)
               for c in tok.children)


def _session_with(s: Sentence, tok: Any) -> bool:
    """"his session with B", "a one-hour session with B": a meeting with the person named after
    "with" (a "session" of a body, "a plenary session", is none); "a one-on-one session"."""
    doc = s.span.doc
    before = doc[max(s.span.start, tok.i - 6):tok.i].text + " "
    if re.search(r"\bone[- ]on[- ]one\s+$|\b(?:private|closed-door|bilateral)\s+$", before, re.I):
        return True   # "a one-on-one session", "a closed-door session": a meeting of those who held it
    if tok.i + 2 >= s.span.end or doc[tok.i + 1].lower_ != "with":
        return False
    # (the name right after it, its title and style between: "with Japanese Prime Minister A")
    gap = next((j for j in range(tok.i + 2, min(s.span.end, tok.i + 8))
                if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX", "ADP", "DET")), min(s.span.end, tok.i + 8))
    return any(tok.i + 2 <= m.start < gap for m in s.persons)


# "on the eve of the summit", "on the eve of the talks": the day before the gathering told
_EVE_OF = re.compile(r"\b(?:on\s+)?the\s+eve\s+of\s+(?:the|this|that)\s+(?:\w+\s+){0,2}?"
                     r"(?:summit|conference|meeting|gathering|talks)\b", re.I)


def _time_of_the_one_told(art: _Article, s: Sentence, tok: Any) -> bool:
    """"Before the summit", "on the eve of the summit", "ahead of the conference": a gathering the
    story has told, named as the time before it of something else."""
    if tok.dep_ != "pobj" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) \
            or any(c.dep_ in ("amod", "nummod", "prep", "poss", "appos") for c in tok.children):
        return False   # (not "before their first such meeting, in X in May": one of its own)
    head = tok.head
    timed = head.lower_ == "before" or head.lower_ == "of" and (
        head.head.lemma_.lower() in ("eve", "run-up", "ahead") or head.head.lower_ == "ahead")
    return timed and any(e.kind == "Summit" and e.status is None and e.extra.get("block", -9) >= s.block - 2
                         for e in art.events)


def _talked_together(tok: Any) -> bool:
    """The verb "talk" of two sides: "A and B talked for an hour", "A talked with B" (not "talked
    of X", "talked to reporters")."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return True
    return any(c.dep_ == "nsubj" and (any(g.dep_ == "conj" for g in c.children) or c.lower_ in ("they", "both"))
               for c in tok.children) \
        and not any(c.dep_ == "prep" and c.lower_ in ("to", "about", "of") for c in tok.children)
