"""Treaties the reference data knows (kg/data/treaties.tsv).

Three jobs, in the order extraction needs them:

* :func:`known_treaty_spans` finds the short names and acronyms that the name pattern of
  ``mentions`` cannot see because they end in no head word ("New START", "the INF treaty",
  "NAFTA", "Minsk II");
* :func:`link` ties a named mention to the reference treaty it names, unless the article
  contradicts it (another year, none of a bilateral treaty's states);
* :func:`complete` adds what the reference knows and the article did not say: the treaty's other
  names, the two states of a bilateral treaty when the article names both, the signing date and
  place. These facts carry the section ``reference`` and the sentence that named the treaty, so a
  reader can tell them from facts a sentence states.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import reference as ref
from ..model import Evidence, Fact, PartialDate, Ref
from .context import _Article, Sentence
from .lexicon import TREATY_HEADS

# acronyms that are also ordinary abbreviations or words in news copy
_AMBIGUOUS = frozenset({"SEA", "TAC", "ATT", "CPA", "TEU", "CCM", "GFA", "SORT", "TIAR", "VCDR", "VCLT"})
_ENDS_IN_HEAD = re.compile(r"\b" + TREATY_HEADS + r"$")
# "the INF treaty", "the START accords": a lower-case head word after the short name belongs to it
_LOWER_HEAD = re.compile(r"\b(?:treaty|treaties|accord|accords|agreement|pact|convention|protocol|deal)$")
_HEAD_AFTER = re.compile(r"\s+(?:treaty|treaties|accord|accords|agreement|pact|convention|deal)\b")


def _name_pattern(name: str) -> str:
    """The words of a name, any spaces between them, and either dash for a hyphen."""
    return r"\s+".join("[-–]".join(re.escape(p) for p in re.split("[-–]", w)) for w in name.split())


@lru_cache(maxsize=1)
def _short_names() -> re.Pattern[str] | None:
    names: set[str] = set()
    for t in ref.treaties():
        for n in t.names:
            n = n.replace("–", "-")
            if len(n) < 3 or not n[0].isupper() or _ENDS_IN_HEAD.search(n) or n in _AMBIGUOUS:
                continue
            if "(" in n or "," in n:
                continue
            if "-" in n and _LOWER_HEAD.search(n):
                continue   # "Egypt-Israel peace treaty": the generic pattern reads it, with its two states
            names.add(n)
    if not names:
        return None
    alts = "|".join(_name_pattern(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])")


def _shouting(text: str, start: int, end: int) -> bool:
    """An all-capitals line ("LEADERS START TALKS"): acronyms cannot be told from words there."""
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 30):start])[-1:]
    after = re.findall(r"[A-Za-z]+", text[end:end + 30])[:1]
    return any(len(w) > 1 and w.isupper() for w in before + after)


def known_treaty_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each reference treaty's short name or acronym in ``text``.

    The span takes a lower-case head word that follows ("the INF treaty"); the name is the
    words as written, without it.
    """
    pat = _short_names()
    if pat is None:
        return []
    out = []
    for m in pat.finditer(text):
        name = m.group(0)
        if name.isupper() and _shouting(text, m.start(), m.end()):
            continue
        head = _HEAD_AFTER.match(text, m.end())
        out.append((m.start(), head.end() if head else m.end(), " ".join(name.split())))
    return out


def link(art: _Article, name: str, year: PartialDate | None) -> ref.TreatyRef | None:
    """The reference treaty ``name`` names, if the article does not contradict it.

    A year the article gives for the treaty must be the year it was signed; a treaty between two
    states needs at least one of them named in the article ("the Land Boundary Agreement" of a
    story about two other neighbours is not India's and Bangladesh's).
    """
    t = ref.lookup_treaty(name)
    if t is None:
        return None
    if year is not None and t.year is not None and year.year != t.year:
        return None
    if 0 < len(t.parties) <= 2 and not any(_state_key(p) in art.actor_states for p in t.parties):
        return None
    return t


def _state_key(label: str) -> str:
    return f"state/{ref.slugify(label)}"


def complete(art: _Article, linked: dict[str, tuple[ref.TreatyRef, Sentence, str]]) -> None:
    """What the reference knows of each linked treaty and the article left unsaid.

    ``linked``: treaty key -> (reference treaty, the sentence that first named it, the name as
    written there).
    """
    for key, (t, s, written) in linked.items():
        ent = art.entities.get(key)
        if ent is None:
            continue
        alts = (set(t.names) | {written}) - {ent.label}
        if alts - ent.alt_labels:
            art.entities[key] = replace(ent, alt_labels=ent.alt_labels | frozenset(alts))
        told = {(f.predicate, getattr(f.obj, "key", f.obj)) for f in art.facts if f.subject == key}
        if t.year is not None and any(p == "signedOn" and isinstance(d, PartialDate) and d.year != t.year
                                      for p, d in told):
            continue   # the article signs it in another year: not the treaty the reference knows
        ev = Evidence(s.text, "reference")
        parties = [_state_key(p) for p in t.parties]
        if len(parties) == 2 and all(p in art.actor_states for p in parties) \
                and sum(1 for p, _ in told if p == "party") < 2:
            for p in parties:
                if ("party", p) not in told:
                    art.facts.append(Fact(key, "party", Ref(art.state(p)), ev))
        if t.signed and not any(p == "signedOn" for p, _ in told):
            art.facts.append(Fact(key, "signedOn", PartialDate.parse(t.signed), ev))
        if t.place and not any(p == "signedAt" for p, _ in told):
            place = _place_in_story(art, t.place)
            if place is not None:
                art.facts.append(Fact(key, "signedAt", Ref(place), ev))


def _place_in_story(art: _Article, name: str) -> str | None:
    """The key of the place ``name`` when the reference adds no new state to the story by it: a
    known place the article names or one in a state it names, or a place the reference does not
    know that the text names."""
    p = ref.lookup_place(name)
    if p is not None:
        told = f"place/{ref.slugify(p.label)}" in art.entities or (p.state and _state_key(p.state) in art.actor_states)
        return art.place(p.label) if told else None
    if ref.lookup_state(name) is None and any(re.search(r"\b" + re.escape(name) + r"\b", d.text) for d in art.docs):
        return art.place(name)
    return None
