"""People a headline names by a surname the NER does not read as a person ("Albanese and Hipkins
meet", "Akufo-Addo in Paris"): a word the body gives as part of a person's full name is that
person, when it names no state or place."""

from __future__ import annotations

from typing import Any

from .. import link
from .. import reference as ref
from .context import Mention, Sentence, _Article
from .lexicon import _TITLE_WORDS, HONORIFICS

# what the NER calls the names of things no person is named by
_NOT_A_NAME = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT",
               "LAW"}


def _words(s: Sentence) -> list[tuple[int, int]]:
    """(start, end) of each capitalised word of the sentence, a hyphenated one as one ("Akufo-Addo")."""
    doc, out, i = s.span.doc, [], s.span.start
    while i < s.span.end:
        t = doc[i]
        j = i + 1
        while j + 1 < s.span.end and doc[j].text in ("-", "\u2010") and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and doc[j + 1].text[:1].isupper():
            j += 2
        if t.text[:1].isupper() and t.is_alpha:
            out.append((i, j))
        i = j
    return out


def headline_surnames(art: _Article, s: Sentence, body_person: Any) -> None:
    """Add a person mention for each capitalised word of a headline that no mention covers and that
    ``body_person`` (the body's full name for a word of a name, or None) finds, two words at least."""
    if s.section != "headline":
        return
    doc = s.span.doc
    taken = {i for ms in (s.persons, s.states, s.places, s.treaties) for m in ms for i in range(m.start, m.end)}
    for start, end in _words(s):
        if any(i in taken for i in range(start, end)) or doc[start].ent_type_ in _NOT_A_NAME:
            continue
        text = doc[start:end].text
        low = text.lower()
        if low in _TITLE_WORDS or low in HONORIFICS or link.state_of_word(text) is not None \
                or ref.lookup_place(text) is not None:
            continue
        full = body_person(art, text)
        if not full or " " not in full or low not in full.lower().replace("-", " ").split() + [
                w.lower() for w in full.split()]:
            continue
        s.persons.append(Mention("person", full, start, end, art.person(full, s.index, said=text)))
    s.persons.sort(key=lambda m: m.start)
