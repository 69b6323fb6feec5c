"""Where and when an event happened, for summits, visits and signings alike: the place a word
governs or its clause names, buildings and the towns they stand in, the story's news and lead
date, a gathering's last day, the triggers of a sentence."""

from __future__ import annotations

import re
from typing import Any, Iterator

from .. import reference as ref
from ..model import PartialDate
from .nlp import _columns, _doc_text, _governed_by
from .context import _Article, Mention, Sentence
from .modality import _TRAVEL
from .lexicon import AGENTS_OF, SUMMIT_NOUNS, VISIT_NOUNS


def _place_for(s: Sentence, near: Any | None, *, strict: bool = False, governor: Any | None = None,
               outside: Any | None = None) -> str | None:
    """A place of the sentence, preferring one introduced by 'in' or 'at' (only those if strict);
    with ``governor``, only a place that word governs ("signed ... in Santiago", not "officials in X said");
    with ``outside``, none in a clause on a noun that word is not part of ("A and B met, weeks
    after a pact which was signed in X", "A, flying home from a funeral in X, met B")."""
    doc = s.span.doc
    best = None
    for m in s.places:
        if any(t.start <= doc[m.start].idx < t.end for t in s.treaties):
            continue   # "the Treaty on ... in the Timor Sea": part of a name, not where anything happened
        if outside is not None and _in_clause_without(doc[m.end - 1], outside):
            continue
        last = doc[m.end - 1]
        if last.dep_ in ("compound", "nmod") and last.head.text[:1].isupper() and last.head.lower_ in _BUILDINGS \
                and any(x.start > last.head.i for x in s.places):
            continue   # "inside the Victoria and Albert Museum in London": a building's name, the town after it
        if last.dep_ == "compound" and any(c.dep_ == "prep" and c.lower_ == "of" and any(
                x.start <= g.i < x.end for g in c.children for x in s.places) for c in last.head.children):
            continue   # "the Red Sea resort of X", "the Baltic port of Y": the sea names the town's kind
        if governor is not None and not _governed_by(doc[m.end - 1], governor) \
                and not (governor.dep_ == "ROOT" or governor.head.dep_ == "ROOT"
                         and not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in governor.children)):
            continue
        if governor is not None and _in_clause_on_noun(doc[m.end - 1], governor) \
                and not _town_of_the_act(s, m, governor) and not _held_at_the_gathering(doc[m.end - 1], governor):
            continue   # "signed a pact fixing the line in the X Gulf": where the line runs, not the signing
        if governor is not None and _in_participle_aside(doc[m.end - 1], governor) and not _a_town(m):
            continue   # "signed it, ending a dispute over waters in the Gulf of X": what the act is about
        if any(t.lemma_.lower() in _BUILDINGS | _SITES for t in doc[m.start:min(m.end + 2, s.span.end)]) \
                and any(x.start > m.end and (i := _in_before(doc, x.start)) is not None and _a_town(x)
                        and all(t.lemma_.lower() in _BUILDINGS | _SITES for t in doc[m.end:i])
                        for x in s.places):
            continue   # "at the X palace complex in north Tehran": a building, the town it is in
        prevtok = doc[m.start - 1] if m.start > 0 else None
        if prevtok is not None and prevtok.lower_ in ("the",) and m.start > 1:
            prevtok = doc[m.start - 2]
        if prevtok is not None and prevtok.i == s.span.start and m.end < s.span.end and doc[m.end].text == "," \
                and any(x.start > m.end and doc[x.start - 1].lower_ in ("in", "at") for x in s.places):
            continue   # "In England, A hosted a summit at Bletchley Park": the story's region, not the place
        if prevtok is not None and prevtok.lower_ in ("in", "at") or _in_before(doc, m.start) is not None \
                or _in_part_of(doc[m.end - 1]) and _a_town(m):
            return m.key
        if not strict:
            best = best or m.key
    return best


# more nouns of a site within a town ("the presidential compound", "the palace complex")
_SITES = {"complex", "compound", "headquarters", "residence", "mansion", "estate", "chancellery"}
# "in northern Tehran", "in central Lima": a part of the town named
_QUARTERS = {"north", "northern", "south", "southern", "east", "eastern", "west", "western", "central", "downtown"}


def _in_before(doc: Any, start: int) -> int | None:
    """The index of the "in" the place starting at ``start`` follows (right before it, or before
    a quarter: "in north Tehran"); None if it follows no "in"."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in _QUARTERS:
        i -= 1
    return i if i >= 0 and doc[i].lower_ == "in" else None


# nouns for a part of a town or its surroundings: "on the outskirts of X", "at the edge of X"
_EDGES = {"outskirts", "edge", "suburbs", "bank", "banks", "shore", "shores", "sidelines", "margins", "fringes"}


def _a_town(m: Mention) -> bool:
    """A town, as far as the reference knows: not a lake, a region or a building."""
    p = ref.lookup_place(m.text)
    return p is None and not re.search(r"\b(?:Lake|River|Sea|Gulf|Bay|Mount|Island|Islands)\b", m.text) \
        or p is not None and p.kind in ("capital", "city")


_EVENT_NOUNS = SUMMIT_NOUNS | VISIT_NOUNS | {"signing", "ceremony"}


def _in_part_of(tok: Any) -> bool:
    """The place stands in a chain of nouns that "in" or "at" opens: "at the presidential villa in
    the centre of X", "in the old quarter of X", "on the outskirts of X", "the meeting of the
    presidents in the town of X" — where the act took place, as much as "in X" (not "the war in X",
    whose chain no "in" or "at" on an act or a meeting opens)."""
    t, opened = tok, False
    for _ in range(6):
        prep = t.head
        if prep.dep_ != "prep" or prep.i == t.i:
            return False
        word, noun = prep.lower_, prep.head
        edge = word == "on" and t is not tok and t.lower_ in _EDGES
        if word not in ("of", "in", "at") and not edge:
            return False
        opened = opened or (word in ("in", "at") and t is not tok) or edge
        # (of an act, or of a meeting or a visit)
        if opened and (noun.pos_ in ("VERB", "AUX") or noun.lemma_.lower() in _EVENT_NOUNS):
            return True
        if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("PERSON", "ORG", "GPE"):
            return False
        t = noun
    return False


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


def _in_clause_without(tok: Any, word: Any) -> bool:
    """``tok`` stands in a relative or participle clause on a noun ("the pact, which was signed in
    X", "A, flying home from X"), and ``word`` is neither in that clause nor the noun it is on
    ("the summit held in X"); or in a conjoined clause with a subject of its own that ``word`` is
    not in ("A held talks with B, and on Friday he was in X")."""
    own = next((t for t in [word, *word.ancestors] if t.pos_ in ("VERB", "AUX") and t.dep_ == "conj"
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), None)
    if own is not None and not own.left_edge.i <= tok.i <= own.right_edge.i:
        return True   # (and the other way round: "A met B in X, and on Friday he was in Y for talks")
    for t in tok.ancestors:
        if t.pos_ in ("VERB", "AUX") and t.dep_ == "conj" and not t.left_edge.i <= word.i <= t.right_edge.i \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("relcl", "acl"):
            on = word.head if word.dep_ == "compound" else word   # ("the summit meeting held in X")
            return not (t.left_edge.i <= word.i <= t.right_edge.i or t.head.i in (word.i, on.i))
    return False


def _held_at_the_gathering(tok: Any, governor: Any) -> bool:
    """"At the summit, held in X, he signed ...": the place of the gathering the act was done at."""
    held = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    if held is None or held.dep_ != "acl" or held.lemma_.lower() not in ("hold", "convene", "host"):
        return False
    noun, prep = held.head, held.head.head
    return noun.lemma_.lower() in _GATHERINGS and noun.dep_ == "pobj" and prep.lower_ in ("at", "during") \
        and prep.head.i == governor.i


def _in_participle_aside(tok: Any, governor: Any) -> bool:
    """``tok`` stands in a participle clause of the ``governor`` with no subject of its own
    ("signed the accord, ending a long dispute over ..."), below a noun of that clause."""
    for t in tok.ancestors:
        if t.i == governor.i:
            return False
        if t.pos_ == "VERB" and t.tag_ == "VBG" and t.dep_ == "advcl" and t.head.i == governor.i:
            return tok.head.i != t.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    return False


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


_GATHERINGS = {"summit", "conference", "meeting", "gathering", "retreat"}
_ENDING = {"end", "close", "conclude", "wrap", "complete", "finish"}
_SPAN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a week": 7, "one-week": 7}
_SPAN = re.compile(r"\b(two|three|four|five|six|seven|[2-9])[- ]days?\b|\bafter (?:a|one) week\b|\bweek-long\b", re.I)


def _closing_day(s: Sentence, tok: Any, day: PartialDate) -> tuple[PartialDate | None, PartialDate | None]:
    """"Leaders closed their summit on Friday": the date is its last day; its first is that
    many days before when the sentence says how long it lasted ("after two days", "a three-day
    summit"), else unknown."""
    verb = tok.head if tok.dep_ in ("dobj", "obj", "nsubj") else None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("day", "week") \
            and tok.head.head.dep_ in ("dobj", "obj", "nsubj"):
        verb = tok.head.head.head   # "concluded two days of meetings today": the days' verb
    if verb is None or verb.lemma_.lower() not in _ENDING:
        # "a three-day summit that closed on Sunday"
        verb = next((c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _ENDING), verb)
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
    "the first ... since X travelled to Y", or named by a noun after "since"."""
    for t in [tok, *tok.ancestors][:4]:
        if t.dep_ in ("advcl", "relcl", "acl") and any(c.dep_ == "mark" and c.lower_ in ("since", "until", "before")
                                                       for c in t.children):
            return True
    # ("the first such talks since his trip to X in May": the trip is the one before)
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "since"


def told_before_the_story(tok: Any) -> bool:
    """"Earlier this week A had met B in Moscow": the past perfect tells what came before the
    story (a real event, but not the one "the two sides" of the story's next sentences are)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.head.pos_ in ("VERB", "AUX") else None
    if verb is not None and verb.tag_ == "VBN" \
            and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
        return True
    # "comes straight from a visit to Y, during which he met B": the stop before the story's own
    return verb is not None and verb.dep_ == "relcl" and verb.head.lemma_.lower() in ("visit", "trip", "tour", "stay") \
        and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "from"


# states that are one town: a dateline naming one places a story there as a town would
CITY_STATES = {"state/singapore", "state/monaco", "state/san-marino", "state/holy-see"}


def dateline_town(art: _Article, s: Sentence | None = None) -> str | None:
    """The key of the town a story was filed from: its known place, or a city-state's dateline
    ("SINGAPORE, Nov 7 -"), where the state is the town; in a roundup, the town that heads the
    section ``s`` is in ("RIO DE JANEIRO: BLOC SIGNS WITH X")."""
    if s is not None and art.section_towns:
        head = section_of(art, s.block)
        return art.section_towns[head] if head >= 0 else None
    if art.dateline_place:
        return art.place(art.dateline_place)
    return art.dateline_state if art.dateline_state in CITY_STATES else None


def section_of(art: _Article, block: int) -> int:
    """The roundup section a block is in (its head's block; -1 before the first head or when the
    article is no roundup)."""
    return max((b for b in art.section_towns if b <= block), default=-1)


# a roundup's section head: a town in capitals before a colon, a dash or a full stop ("RIO DE
# JANEIRO: X", "BEIJING — Y", "MOSCOW. On Friday ...")
_SECTION_HEAD = re.compile(r"^([A-Z][A-Z.'’ -]{2,40}?)\s*(?::|[-–—]+|\.(?=\s+[A-Z]))\s+\S")


def section_towns(art: _Article, blocks: list[Any]) -> dict[int, str | None]:
    """Block -> the known town heading it, for an article of two sections or more so headed (a
    roundup: each story told from its own town); else none."""
    heads: dict[int, str | None] = {}
    for i, b in enumerate(blocks):
        m = _SECTION_HEAD.match(b.text)
        if i > 0 and b.section == "headline" and b.text.isupper() and len(b.text.split()) <= 10 and (
                m is None or not m.group(1).isupper()):
            heads[i] = None   # ("COMING UP": a section of no town)
            continue
        if m is None or not (m.group(1).isupper() and len(m.group(1).split()) <= 5):
            continue
        p = ref.lookup_place(m.group(1).strip().title())
        # (a head of two towns, "X AND Y: ...", opens a section of no one town)
        heads[i] = m.group(1).strip().title() if p is not None and p.kind in ("capital", "city") else None
    if len({n for n in heads.values() if n}) < 2:
        return {}
    return {i: art.place(name) if name else None for i, name in heads.items()}


_BUILDINGS = {"church", "cathedral", "temple", "mosque", "shrine", "synagogue", "museum", "memorial", "monument",
              "cemetery", "mausoleum", "tomb", "factory", "plant", "school", "university", "hospital", "stadium",
              "hall", "palace", "house", "hotel", "villa", "castle", "centre", "center", "building",
              # (and in the names other languages give them: "the Chateau Frontenac", "Palacio de X")
              "château", "chateau", "palacio", "palazzo", "palais", "schloss"}


def _town_of_building(art: _Article, s: Sentence, place: str | None) -> str | None:
    """"At the Government Palace in Quito": the town a building of no known state is said to be
    in, right after it (in this sentence, else where the article first told it so); else the
    place as it is."""
    if place is None or not place.startswith("place/") or art.state_of(place) is not None:
        return place
    label = art.entities[place].label.lower() if place in art.entities else None
    for x in [s, *(x for x in art.sentences if x.index < s.index)]:
        doc = x.span.doc
        for m in x.places:
            if m.key != place:
                continue
            town = next((n for n in x.places if n.start == m.end + 1 and doc[m.end].lower_ in ("in", "of")
                         and art.state_of(n.key) is not None), None)
            if town is not None:
                return town.key
        # (the building's name, where the parser did not read it as a place: "at the X Palace in Y")
        for n in x.places if label else ():
            before = _doc_text(doc)[max(0, doc[n.start].idx - len(label) - 5):doc[n.start].idx].lower()
            if art.state_of(n.key) is not None and re.search(rf"\b{re.escape(label)}\s+(?:in|of)\s+$", before):
                return n.key
    return place


def _a_building(art: _Article, s: Sentence, dest: str) -> bool:
    """A destination that is a named building or site of no known state ("St. Anthony's Church"),
    in a sentence that names no town or state it could be in."""
    if not dest.startswith("place/") or art.state_of(dest) is not None:
        return False
    doc = s.span.doc
    if any(art.state_of(m.key) is not None for m in s.places if m.key != dest):
        return False   # "in the Town Hall of Bruges": the town the sentence names
    # (the building's noun right after the name, or one word on: "the Suntec convention centre")
    return any(m.key == dest and any(t.lemma_.lower() in _BUILDINGS for t in doc[m.start:min(m.end + 2, s.span.end)])
               for m in s.places)


# nouns that make "at"/"in" a place: "arrived at the airport", "landed in the capital"
_PLACE_NOUNS = {"airport", "airfield", "airbase", "base", "capital", "city", "town", "port", "harbour",
                "harbor", "station", "palace", "summit", "venue", "border", "island", "country"}


def place_told_there(art: _Article, s: Sentence, verb: Any) -> str | None:
    """"The stop followed a day in Pyongyang. There, on Wednesday, A and B signed ...": for a verb
    that says "there", the place the sentence before named last (a town of a known state)."""
    if verb is None or not any(c.dep_ == "advmod" and c.lower_ == "there" for c in verb.children):
        return None
    prev = art.sentences[s.index - 1] if 0 < s.index <= len(art.sentences) else None
    if prev is None or prev.block < s.block - 1 or not prev.places:
        return None
    key = prev.places[-1].key
    return key if art.state_of(key) is not None else None


def _where_clause(s: Sentence, tok: Any) -> str | None:
    """The place a "where" clause with the word ``tok`` hangs on: "... flew in from Tirana,
    where he had paid his first visit", "X was in Dhaka, where A and B watched ..."."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("dobj", "obj") else None
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        verb = tok.head.head   # "..., where he had joined A at a summit"
    while verb is not None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head   # "..., where he had spoken to parliament and held talks with A"
    where = next((t for c in verb.lefts for t in c.subtree if t.lower_ == "where"), None) if verb is not None else None
    if where is not None and verb.dep_ == "advcl":
        # ("from Dhaka, where he had held talks": the parser may hang the clause on the verb; the
        # place right before "where" is the one it tells of)
        return next((m.key for m in [*s.places, *s.states] if 0 < where.i - m.end <= 1
                     and verb.doc[m.end].text == ","), None)
    if verb is None or verb.dep_ != "relcl" or where is None:
        return None
    head = verb.head
    if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_.lower() in _JOURNEYS \
            and not any(m.start <= head.i < m.end for m in [*s.places, *s.states]):
        # "flew to X for the opening, where A and B signed": where the journey went
        journey = head.head.head
        return next((m.key for m in [*s.places, *s.states] if s.span.doc[m.end - 1].head.lower_ in ("to", "in")
                     and s.span.doc[m.end - 1].head.head.i == journey.i), None)
    return next((m.key for m in [*s.places, *s.states] if m.start <= head.i < m.end), None)


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
            among = verb.head.head
            if verb.head.dep_ == "pobj" and among.lower_ == "among" and among.head.lemma_.lower() == "be":
                # "A was among the heads of state who flew in": the one said to be among them
                return _subject_person(among.head, by_tok)
            # "A, the Chairman of the State Council of Y, who arrived": the name
            # before a title set off by commas (the parser may hang the clause deep in the title)
            doc = verb.doc
            comma = next((j for j in range(c.i - 2, max(c.i - 16, verb.sent.start - 1), -1)
                          if doc[j].text == "," or doc[j].pos_ in ("VERB", "AUX")), None)
            if comma is not None and doc[comma].text == "," and comma - 1 in by_tok \
                    and doc[comma + 1].lower_ in ("the", "a", "an"):
                return by_tok[comma - 1].key
        appos = [a for a in c.children if a.dep_ == "appos" and a.i in by_tok]
        if appos:
            return by_tok[appos[0].i].key
        if c.dep_ == "nsubj":
            inner = [g for g in c.subtree if g.i in by_tok]
            plain = [g for g in inner if not any(a.dep_ == "poss" for a in [g, *g.ancestors][:3] if a.i != c.i)]
            if not plain and c.lemma_.lower() in AGENTS_OF:
                return None   # "X's envoy arrived": the envoy, not X
            if plain or inner:
                return by_tok[(plain or inner)[0].i].key
    return None
# verbs of a journey a visit is made on ("flew to X on a visit")
_JOURNEYS = _TRAVEL | {"jet", "land", "leave", "cross"}   # ("crossed into X to meet B")


# "arrived on Friday from Hanoi, where he met B": the stop before the one the story is at
_FROM_WHERE = re.compile(r"\bfrom\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*),\s+where\b")


def _the_stop_before(art: _Article, e: Event) -> bool:
    """The event happened at the place its sentence tells the traveller came from."""
    where = e.destination if e.kind == "Visit" else e.place
    label = art.entities[where].label if where in art.entities else ""
    return bool(label) and any(label.startswith(m.group(1)) or m.group(1).startswith(label)
                               for x in e.evidence for m in _FROM_WHERE.finditer(x.sentence))


def continue_scenes(art: _Article) -> None:
    """A meeting told with no time or place of its own, in the sentence right after one that
    placed one of its people somewhere on a day ("On Friday X was in Luanda. President Y received
    him at the palace"): the scene goes on, on that day and at that place."""
    events = art.events
    for ev in events:
        if ev.kind != "Summit" or ev.status is not None or ev.start is not None or ev.end is not None \
                or len(ev.participants) < 2 or ev.extra.get("background") or ev.extra.get("treaty") \
                or ev.extra.get("name"):
            continue
        at = ev.extra.get("sent")
        if at is None or at >= len(art.sentences) or art.sentences[at].dates:
            continue
        if any(e.kind == "Summit" and e is not ev and e.start is not None and set(e.participants) == set(ev.participants)
               for e in events):
            continue   # the story dates their meeting elsewhere: the events' merge joins them
        s = art.sentences[at]
        scene = [e for e in events if e is not ev and e.status is None and e.extra.get("sent") in (at - 1, at)
                 and e.start is not None and e.start.day is not None and set(e.participants) & set(ev.participants)
                 and e.kind in ("Visit", "Summit") and not e.extra.get("background")
                 and art.sentences[e.extra["sent"]].block in (s.block, s.block - 1)
                 and not _the_stop_before(art, e)]
        if len({e.start for e in scene}) != 1:
            continue
        told = scene[-1]
        where = told.destination if told.kind == "Visit" else told.place
        if ev.place is not None and where is not None and ev.place != where \
                and art.state_of(ev.place) != art.state_of(where):
            continue   # a meeting placed elsewhere: another scene
        ev.start, ev.end = told.start, None
        if ev.place is None and where is not None and where.startswith("place/"):
            ev.place = where
