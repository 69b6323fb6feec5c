"""Mentions: the article split into sentences, and in each the people, states, places,
treaties and dates it names; "He"/"She" subjects resolved to the previous subject person; the
dateline ("GENEVA -") and the state it stands for."""

from __future__ import annotations

import bisect
import re
from typing import Any

from .. import reference as ref
from ..dates import _MONTH_NUM, _NUMBER_WORDS, _WEEKDAY_NUM, find_date_expressions
from ..caps import MAX_MEMBERS
from .headline_names import headline_surnames
from .lexicon import (ACT_KINDS, HOSTING, INSTITUTIONS, INTERNATIONAL, LEADER_TITLES, NAME_PARTICLES, portfolio_word,
                      _PLURAL_TITLES, _TITLE_HEADS, _TITLE_WORDS, TREATY_HEADS, VISIT_VERBS)
from .nlp import _columns, _doc_text, _org_person_ids, _past_possessive, PROPN, _span_ents
from .names import (BUILDINGS, _clean_person, _labels_by_family_name, _name_tokens, _office_after, _org_is_person,
                    _person_by_short)
from .context import _Article, Mention, Sentence, said_year
from .dating import _sentence_year
from .known_treaties import known_treaty_spans


# a sea, gulf or basin named in a treaty's name ("the Timor Sea", "the Gulf of Finland")
_WATER_NAME = (r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}"
               r"(?:Sea|Ocean|Gulf|Bay|Strait|Straits|Basin|Region|Arctic|Channel|Lake)(?:\s+of\s+[A-Z][\w-]*)?")
_TREATY_NAMED = re.compile(
    r"(?:\b(?:the|a|an)\s+)?(?:(?P<year>1[6-9]\d\d|20\d\d)\s+)?"
    # capitalised words before the head, "of"/"on"/"for" between two of them ("Status of Forces Agreement")
    r"(?P<name>(?:(?:[A-Z][\w'’]*(?:[-–][A-Z][\w'’]*)*)\s+(?:(?:of|on|for|de|da|do|del|di)\s+(?=[A-Z]))?){0,6}?" + TREATY_HEADS +
    r"(?:\s+(?:on|of|for|between|to|concerning|establishing|amending|Concerning|Establishing|Amending)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:the\s+)?[A-Z][\w'’.–-]*(?:\s+(?:(?:(?:and|of|on|for|between|concerning)\s+(?:the\s+|an?\s+(?=[A-Z]))?|the\s+)(?!(?:Treaty|Agreement|Accord|Pact|Convention|Protocol)\b))?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’.–-]*){0,16})?"
    # (a head word right after another capitalised word is part of the name: "Protocol to the
    # Framework Agreement of X"; after "and", "of" or "the" it starts another treaty)
    # a region in the name: "Conventional Armed Forces in Europe", "... in the Timor Sea"
    # ("... in the Barents Sea and the Arctic Ocean")
    # ("... Mutual Legal Assistance in Criminal Matters")
    r"(?:\s+in\s+(?:" + _WATER_NAME + r"(?:\s+and\s+" + _WATER_NAME + r")?|(?:[A-Z][a-z]+\s+(?:and\s+)?){1,3}Matters|"
    # ("... Cooperation in Southeast Asia", "... in Central America", "... in the Middle East")
    r"(?:(?:South|North|East|West|Central)(?:east|west|ern)?\s+)?(?:Europe|Asia|Africa|America)|Antarctica|"
    r"Outer\s+Space|Space|Latin\s+America|the\s+Americas|the\s+(?:South\s+)?Pacific|the\s+Caribbean|"
    r"the\s+Middle\s+East))?)")
# capitalised words joined by "and" to a treaty's name: "[Peace and ]Security Agreement"
_JOINED_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’]*\s+){1,3})and\s+$")
# the rest of a name whose "of" lists what the treaty is for: "Treaty of Peace[, Friendship and
# Cooperation]", "Treaty of Friendship[, Cooperation and Mutual Assistance between A and B]"
_NAME_LIST = re.compile(
    r"(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*,?\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:\s+between\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:and|of)\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,9})?")


# the state a settlement is about, part of its name: "Agreement for Peace and Reconciliation in Y"
_IN_STATE = re.compile(r"\s+in\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
_SETTLED = {"Conflict", "Peace", "Reconciliation", "Security", "Stability", "Crisis", "War", "Settlement",
            "Hostilities", "Ceasefire", "Cease-fire"}


def _in_a_state(text: str, start: int, end: int) -> int:
    """Where a settlement's name ends, past "in X" when X is a state and the name ends on what is
    settled ("... and Reconciliation" + " in Mali")."""
    words = text[start:end].split()
    rest = _IN_STATE.match(text, end)
    if len(words) < 4 or words[-1] not in _SETTLED or rest is None or not re.search(
            TREATY_HEADS + r"\s+(?:on|of|for)\s", text[start:end]):
        return end
    name = rest.group(1).split()
    for k in range(len(name), 0, -1):   # ("in South Sudan Monday": the state's words only)
        if ref.lookup_state(" ".join(name[:k])) is not None:
            return rest.start(1) + len(" ".join(name[:k]))
    return end


def _listed_name_end(text: str, m: re.Match[str]) -> int:
    """Where a named treaty ends: past the list its "of" (or "on") opens, when a comma cut the pattern
    short and every listed word is a purpose, not a state or a place ("the Treaty of Rome,
    Italy and ..." is no list)."""
    end = m.end()
    between = re.search(r"\sbetween\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$", text[m.start():end])
    if between and ref.lookup_state(between.group(1).rstrip(".")) is not None:
        # "the Treaty between A, the B and C": the states it lists are its name
        rest = re.match(r"(?:,\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})*,?\s+and\s+(?:the\s+)?"
                        r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}", text[end:])
        if rest and text.startswith(",", end) and all(
                ref.lookup_state(w.strip().rstrip(".")) is not None
                for w in re.split(r",\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", rest.group(0)) if w.strip()):
            return end + rest.end()
    # (and "on", "for": "the X Convention on Combating Piracy, Smuggling and Extortion")
    if not re.search(TREATY_HEADS + r"\s+(?:of|on|for)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$", text[m.start():end]) \
            or not text.startswith(",", end):
        return end
    rest = _NAME_LIST.match(text, end)
    if rest is None:
        return end
    words = re.findall(r"[A-Z][\w'’-]*", text[end:rest.end()].split(" between ")[0])
    if any(ref.lookup_state(w) is not None or ref.lookup_place(w) is not None for w in words):
        return end
    return rest.end()


# what a treaty "of" is for: "a treaty of friendship", "a treaty of commerce and navigation"
_OF_WORDS = (r"(?:amity|friendship|cooperation|co-operation|alliance|mutual\s+assistance|peace|non-aggression|commerce|"
             r"navigation|trade|extradition|neutrality|good[- ]neighbou?rliness|mutual\s+defen[cs]e|brotherhood|"
             r"partnership|understanding)")
_TREATY_GENERIC = re.compile(
    r"\b(?:(?P<det>[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+)?(?:(?P<year>1[6-9]\d\d|20\d\d)\s+)?"
    r"(?P<mods>(?:(?:new|newly|formed|revised|bilateral|old|earlier|previous|original|existing|landmark|"
    r"[a-z]+-?[a-z]*)\s+){0,3}?)"
    r"(?P<head>treaty|agreement|accord|pact|convention|arrangement|protocol|deal|compact|charter"
    # ("the Agreement on the joint use of checkpoints": a name in sentence case, as readouts give it)
    r"|(?<=[Tt]he )(?:Treaty|Agreement|Accord|Convention|Protocol)(?=\s+(?:on|for|concerning)\s+[a-z]))\b"
    r"(?:\s+of\s+(?P<of>" + _OF_WORDS + r"(?:(?:,\s*|\s+and\s+)" + _OF_WORDS + r"){0,3})"
    # "an agreement on border trade", "a treaty on the state border between ...": what it is about
    r"|\s+(?P<prep>on|for|concerning|covering)\s+(?P<about>"
    # "a 1999 pact on the Caspian Sea and the Ural Delta,": a subject with a name of its own,
    # ending where the phrase does (not "an accord on the White House lawn")
    r"the\s+[A-Z][\w'’-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,5}"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:signed|between|with|was|were|that|which|by|is|are|has|had)\b))"
    # (not a place: "signed the agreement on the lakeside", "on the sidelines")
    r"|(?!the\s+(?:lakeside|shore|shores|sidelines|margins|fringes|lawn|banks?|island|deck|steps|eve|occasion|"
    r"day|morning|afternoon|evening|night|spot|tarmac|border\s+bridge|bridge|stage|podium|terrace)\b)"
    r"(?:the\s+)?[a-z][\w-]*(?:\s+(?!(?:between|with|in|at|here|"
    r"signed|on|by|and|that|which|to|was|were|is|are|will|would|after|before|during|from)\b)[a-z][\w-]*){0,4}))?")
# "the treaty establishing the X Community", "a charter that set up the Y Union": a treaty named
# by the body it founds (what such treaties are called: "Treaty establishing the X Community")
_FOUNDING = re.compile(
    # ("signed a treaty here on Friday creating X": where and when it was signed, between)
    r"(?:\s+(?:here|there|today|yesterday|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|in\s+[A-Z][\w'’-]+)){0,2}"
    r",?\s+(?:(?:that|which)\s+(?:had\s+|would\s+)?)?(?P<verb>establish(?:ing|ed)|creat(?:ing|ed)|"
    r"set(?:ting)?\s+up|found(?:ing|ed)|institut(?:ing|ed))\s+"
    r"(?P<org>(?:the\s+)?[A-Z][\w'’-]*(?:(?:\s+(?:of|for|and|on|de|the|in(?=\s+Europe\b))){0,2}\s+[A-Z][\w'’-]*)*)"
    r"(?:\s+\((?P<acr>[A-Z]{2,})\))?")
# the generic pattern cannot match without one of its head words: a cheap test first
# a deal that is signed: "signed a peace deal", "the deal, inked on Monday"
_DEAL_SIGNED = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed|ing)?)\b", re.I)
# "signed a charter", "signed on Sunday the charter of": the signing word a few words before it
_CHARTER_SIGNED = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "the 1994 Israel-Jordan " before a generic treaty noun: its year
_YEAR_BEFORE_NAMES = re.compile(r"\b([Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(1[6-9]\d\d|20\d\d)\s+"
                                r"(?:[A-Z][\w.]*(?:[-–][A-Z][\w.]*)*\s+){1,3}$")
_TREATY_HEAD = re.compile(r"(?:treaty|agreement|accord|pact|convention|arrangement|protocol|deal|compact|charter"
                          r"|Treaty|Agreement|Accord|Convention|Protocol)\b")
_CHUNK = re.compile(r"\S+")


# "the Oslo accords", "the Minsk agreements": a town's name and a head word in lower case
_TOWN_HEAD = re.compile(r"\b[Tt]he\s+(?P<town>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
                        r"(?P<head>accords?|agreements?|treaty|treaties|pact|protocol|convention)\b")


# "Act of X" with no kind of act before it ("the Constitutive Act of X" is one as well)
_BARE_ACT = re.compile(r"(?:^|\s)" + "".join(f"(?<!{k} )" for k in (*ACT_KINDS, "Constitutive"))
                       + r"Act\s+of\s+(?:the\s+)?(?P<town>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _a_town_act(name: str) -> bool:
    """A name whose head is a bare "Act" is a treaty only as "Act of <a town the reference knows>"
    ("the Act of Montevideo") or as a reference treaty's name; any other name passes."""
    m = _BARE_ACT.search(name)
    if m is None:
        return True
    if ref.lookup_treaty(name) is not None:
        return True
    words = m.group("town").split()
    return any((p := ref.lookup_place(" ".join(words[:k]))) is not None and p.kind in ("capital", "city")
               or ref.city_state(" ".join(words[:k])) is not None for k in range(len(words), 0, -1))


def _town_named(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of "the <town> <head>" where the town is one the reference data knows as
    a city, or the name is a reference treaty's ("the Dayton agreement" -> "Dayton Agreement")."""
    out = []
    for m in _TOWN_HEAD.finditer(text):
        name = f"{m.group('town')} {m.group('head').capitalize()}"
        p = ref.lookup_place(m.group("town"))
        if ref.lookup_treaty(name) is not None or p is not None and p.kind in ("capital", "city") \
                and ref.lookup_state(m.group("town")) is None:
            out.append((m.start("town"), m.end(), name))
    return out


# "the Rand Monetary Area agreement", "the Camp David accords": a name of two to four capitalised
# words before a head word news writes in lower case
_CAPITALS_HEAD = re.compile(r"\b[Tt]he\s+(?P<name>[A-Z][\w’-]*[\w-](?:\s+[A-Z][\w’-]*[\w-]){1,3})\s+"
                            r"(?P<head>accords?|agreements?|treaty|pact|protocol|convention)\b")


_REPLACING = re.compile(r"\b(?:superseded|replaced|succeeded|supplanted)\b")
_REPLACED_AFTER = re.compile(r"\s+(?:itself\s+|in\s+turn\s+)?" + _REPLACING.pattern)
_REPLACED_BEFORE = re.compile(_REPLACING.pattern + r"\s+(?:by\s+)?$")


def _town_for_its_treaty(art: _Article, s: Sentence, text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of a town standing for a treaty the article has named after it ("the
    Treaty of Lausanne ... Versailles replaced X"), as the one that replaces or is replaced."""
    if not _REPLACING.search(text):
        return []   # (the named treaties of the sentences before are looked at only then)
    named = {}
    for label in [t.text for x in art.sentences for t in x.treaties if t.extra.get("kind") == "named"]:
        m = re.fullmatch(r"Treaty of ([A-Z][\w'’-]+)|([A-Z][\w'’-]+) (?:Treaty|Convention|Agreement|Accords?)",
                         label)
        if m:
            named[m.group(1) or m.group(2)] = label
    out = []
    for town, name in named.items():
        for m in re.finditer(rf"(?<![\w-])(?<!of ){re.escape(town)}(?![\w'’-])"
                             r"(?!\s+(?:Treaty|Convention|Agreement|Accords?)\b)", text):
            if _REPLACED_AFTER.match(text, m.end()) or _REPLACED_BEFORE.search(text, 0, m.start()):
                out.append((m.start(), m.end(), name))
    return out


def _capitals_named(s: Sentence, text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of "the <Capitalised Words> <head>" where no word is a state, a people, a
    person, a title, a month or a day ("the Sino-Soviet treaty", "the Prime Minister's pact" are none)."""
    doc, base = s.span.doc, s.span.start_char
    out: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] | None = None
    for m in _CAPITALS_HEAD.finditer(text):
        if taken is None:   # (the names' spans, worked out only for a sentence that has such a phrase)
            taken = [(doc[x.start].idx - base, doc[x.end - 1].idx + len(doc[x.end - 1].text) - base)
                     for x in s.states + s.persons if x.end > x.start]
        words = m.group("name").split()
        if any(a < m.end("name") and m.start("name") < b for a, b in taken) \
                or any(w.lower() in _MONTH_NUM or w.lower() in _WEEKDAY_NUM or w.lower() in _TITLE_WORDS
                       or ref.lookup_state(w) is not None
                       or any(ref.lookup_state(p) is not None for p in w.split("-")) for w in words):
            continue
        out.append((m.start("name"), m.end(), f"{m.group('name')} {m.group('head')}"))
    return out


def _generic_treaty_matches(text: str) -> list[re.Match[str]]:
    """``_TREATY_GENERIC.finditer(text)``, run only around the head words.

    A match holds a head word and at most five words before it (article, year, three
    modifiers) and seven after it ("on the state border of the two"), each word followed by
    whitespace; so every match lies within six whitespace-separated chunks before a head's
    chunk and eight after it. Those windows (merged where they touch) are all the pattern
    is run on: the same matches, without trying the pattern at every word of the sentence.
    """
    heads = [m.start() for m in _TREATY_HEAD.finditer(text)]
    if not heads:
        return []
    chunks = [(m.start(), m.end()) for m in _CHUNK.finditer(text)]
    starts = [a for a, _ in chunks]
    windows: list[list[int]] = []
    for h in heads:
        k = max(0, bisect.bisect_right(starts, h) - 1)
        a, b = chunks[max(0, k - 6)][0], chunks[min(len(chunks) - 1, k + 8)][1]
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    return [m for a, b in windows for m in _TREATY_GENERIC.finditer(text, a, b)]


_GENERIC_SKIP_MODS = {"the", "a", "an", "new", "newly", "formed", "revised", "old", "earlier",
                      "previous", "original", "existing", "landmark", "this", "that", "draft",
                      "such", "any", "bilateral", "first"}


# "GENEVA - ", "BRUSSELS, March 3 (Reuters) - ": where the story was filed, not part of its first sentence
# nouns in -ing that say what a treaty is about ("a banking agreement", "a fishing accord")
_ING_NOUNS = {"banking", "fishing", "shipping", "mining", "housing", "trading", "peacekeeping", "policing",
              "training", "farming", "financing", "funding", "licensing", "refuelling", "refueling", "clearing",
              "boundary-marking", "demining", "logging", "whaling", "sealing", "dumping", "smuggling", "hijacking",
              "money-laundering", "manufacturing", "engineering", "planning", "broadcasting", "telecommunications"}


def _not_a_mod(w: str) -> bool:
    """A word before a treaty's head that is no modifier of it ("signed", "newly", "existing")."""
    return w.lower() in _NOT_MODS or bool(re.search(r"(?:ed|ly|ing)$", w)) and w.lower() not in _ING_NOUNS


_NOT_MODS = {"also", "then", "there", "here", "today", "later", "now", "earlier", "and", "or", "to", "of", "has", "have", "had", "was", "were", "is", "are",
             "be", "been", "will", "would", "not", "its", "their", "his", "her", "our", "on", "in",
             "with", "by", "for", "at", "as", "that", "which", "who", "into", "over", "under",
             # (a headline's verb: "A and B sign treaty", "X inks pact")
             "sign", "signs", "ink", "inks", "seal", "seals", "conclude", "concludes", "agree", "agrees"}


# a dateline: "CARACAS, Venezuela, Sept. 22 --", "LIMA, March 3, 1994 (Wire) -", "HANOI, 12 March
# 2024 -": the town (group 1), the state or region (group 2), the day, the agency
_DATELINE_PLACE = re.compile(r"^([A-Z][A-Z.'’ -]{2,40}?)(?:,\s*([A-Z][A-Za-z ]{2,30}?))?"
                             r"(?:,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?(?:,?\s+\d{4})?))?"
                             r"(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s+")


_DATE_WORD = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?")


def _named_in_date(tok: Any, known: set[str]) -> bool:
    """A token of a DATE entity that is a name the article knows, not a month or a weekday."""
    return tok.lower_ in known and not _DATE_WORD.fullmatch(tok.lower_)


_ROYAL = {"king", "queen", "emperor", "empress", "sultan", "emir", "amir", "shah", "prince", "princess", "sheikh"}


def _same_without(rest: Any, key: str) -> bool:
    """The reference person ``key`` names is found by the words after the title alone."""
    p = ref.lookup_person(rest.text)
    return p is not None and f"person/{ref.slugify(p.label)}" == key


def _reigned(person: Any) -> bool:
    """The reference data's terms of office of the person include a monarch's title."""
    return any(w in _ROYAL for r in ref.roles_of(person.label) for w in r.title.lower().split())


def _possessed_surnames(art: _Article, s: Sentence) -> None:
    """"Egypt's Sisi", "Ghana's Akufo-Addo": a surname right after a state's possessive, whatever the
    NER made of it, is the reference person of that name who held an office of that state."""
    from .. import link

    doc, span = s.span.doc, s.span
    covered = {i for m in s.persons for i in range(m.start, m.end)}
    for st in s.states:
        i = st.end + 1
        if i >= span.end or doc[st.end].lower_ not in ("'s", "’s") or i in covered:
            continue
        j = i + 1
        while j + 1 < span.end and doc[j].text in ("-", "\u2010") and not doc[j - 1].whitespace_:
            j += 2   # "Akufo-Addo"
        if not all(doc[k].text[:1].isupper() or doc[k].text in ("-", "\u2010") for k in range(i, j)):
            continue
        if j < span.end and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            continue   # "Egypt's Abdel Fattah ...": a longer name, read elsewhere
        known = ref.lookup_person(doc[i:j].text) or _person_by_short(doc[i:j].text)
        label = art.entities[st.key].label if st.key in art.entities else None
        if known is None or label is None or not any(t.state == label for t in link.terms_of(known.label)):
            continue
        s.persons.append(Mention("person", doc[i:j].text, i, j, art.person(known.label, s.index, said=doc[i:j].text)))
        covered.update(range(i, j))


def _titled_holder(surname: str, title: str, year: int) -> str | None:
    """The one reference person with this surname whose term under ``title`` covers ``year``."""
    from .. import link

    want = title.lower().strip()
    found = {label for label in _labels_by_family_name(surname)
             if any(t.title.lower() == want and t.covers(year) for t in link.terms_of(label))}
    return found.pop() if len(found) == 1 else None


def _short_name(art: _Article, name: str, s: Sentence, before: Any | None) -> str | None:
    """The person a one-word name stands for (:meth:`_Article.resolve_short`); after a monarch's
    title ("King Mahendra") a regnal name, not one of the reference data who bears it as a given
    name and never reigned."""
    known = _person_by_short(name)
    if before is not None and before.lower_ in _ROYAL and not any(name.lower() in rec["tokens"] for rec in art.people.values()):
        from .. import link

        # "Jordan's King Abdullah": the reigning monarch of a state the sentence names
        states = {art.entities[m.key].label for m in s.states if m.key in art.entities}
        monarch = link.monarch_named(name, states, art.anchor.year if art.anchor is not None else None)
        if monarch is not None:
            return art.person(monarch, s.index, said=name)
    if before is not None and before.lower_ in _ROYAL and known is not None and not _reigned(known) \
            and not any(name.lower() in rec["tokens"] for rec in art.people.values()):
        return art.person(name, s.index)
    return art.resolve_short(name, s.index, said_year(s))


def lead_blocks(blocks: list[Any]) -> list[Any]:
    """Where a dateline can stand: the first three blocks, and the first four of the body (a web
    page puts a kicker, a standfirst and a caption before it)."""
    body = [b for b in blocks if b.section == "body"][:4]
    return blocks[:3] + [b for b in body if not any(b is x for x in blocks[:3])]


def _dateline_state(blocks: list[Any]) -> str | None:
    """The state of the place a story was filed from ("HAVANA, March 21 (Wire) -" -> Cuba)."""
    for b in lead_blocks(blocks):
        m = _DATELINE_PLACE.match(b.text)
        if m is None:
            continue
        if m.group(2):
            st = ref.lookup_state(m.group(2).strip())
            if st is not None:
                return f"state/{ref.slugify(st.label)}"
        place = ref.lookup_place(m.group(1).strip().title())
        if place is not None and place.state:
            return f"state/{ref.slugify(place.state)}"
        st = ref.lookup_state(m.group(1).strip().title())
        if st is not None:
            return f"state/{ref.slugify(st.label)}"
    town = _release_town(blocks)
    return f"state/{ref.slugify(town[1])}" if town is not None and town[1] else None


# a release's line of place and date, alone above its text: "Quebec City, March 18, 1985"
_RELEASE_LINE = re.compile(r"^([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"
                           r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})\s*$")


def _release_town(blocks: list[Any]) -> tuple[str, str | None] | None:
    """(label, state) of the known town of a release's place-and-date line, when no wire
    dateline is given (a town of places.tsv or of cities.tsv)."""
    if any(_DATELINE_PLACE.match(b.text) for b in lead_blocks(blocks)):
        return None
    for b in blocks[:4]:
        m = _RELEASE_LINE.match(b.text.strip())
        if m is None:
            continue
        place = ref.lookup_place(m.group(1))
        if place is not None and place.kind in ("capital", "city"):
            return place.label, place.state
        # (a town of cities.tsv, under its name or as "X City"; not a kicker: "Analysis, June 16")
        state = ref.city_state(m.group(1)) or ref.city_state(re.sub(r"\s+City$", "", m.group(1)))
        if place is None and state is not None:
            return m.group(1), state
    return None


# the place a story was filed from, named in its text: "here", "in this port city"
_HERE = re.compile(r"\bhere\b|\b(?:in|at)\s+this\s+(?:[A-Za-z-]+\s+){0,3}"
                   r"(?:city|capital|town|village|port|resort|border town|island|country)\b")


def says_here(text: str) -> bool:
    """The sentence places something where the story was filed ("signed here", "met in this
    lakeside village")."""
    return _HERE.search(text) is not None


def _dateline_place(blocks: list[Any]) -> str | None:
    """The label of the known place a story was filed from ("WARSAW - ..." -> Warsaw), if any."""
    for b in lead_blocks(blocks):
        m = _DATELINE_PLACE.match(b.text)
        if m is not None:
            place = ref.lookup_place(m.group(1).strip().title())
            if place is not None:
                return place.label
            # "PSARADES, Greece, June 17 -": a town the reference data does not know, in a state it does
            words = m.group(1).strip().split()
            if m.group(2) and ref.lookup_state(m.group(2).strip()) is not None and 1 <= len(words) <= 3:
                return " ".join(w.capitalize() for w in words)
            return None
    town = _release_town(blocks)
    return town[0] if town is not None else None


# a currency a state's name qualifies ("US dollars", "Hong Kong dollars")
_CURRENCIES = {"dollar", "dollars", "pound", "pounds", "euro", "euros", "yen", "yuan", "rupee", "rupees", "peso",
               "pesos", "franc", "francs", "rouble", "roubles", "ruble", "rubles", "dinar", "dinars", "riyal", "riyals",
               "rand", "shilling", "shillings", "won", "krona", "kronor", "krone", "lira", "real", "reais"}
# bodies of water and land named after a state ("the Gulf of Finland", "the Bay of Bengal")
_WATERS = {"gulf", "bay", "sea", "strait", "straits", "isthmus", "lake", "sound"}


def _sentences(art: _Article, blocks: list[Any], docs: list[Any]) -> list[Sentence]:
    out: list[Sentence] = []
    art.sentences = out   # (filled as they are read: the year a sentence tells looks at those before)
    n = 0
    for bi, (block, d) in enumerate(zip(blocks, docs)):
        for span in d.sents:
            s = Sentence(span, block.section, bi, n)
            n += 1
            art.reading = s
            _mentions(art, s)
            if len(s.persons) > MAX_MEMBERS:
                # a sentence listing hundreds of people (no news sentence does): the first ones,
                # so that the rules, which compare the people of a sentence, stay quick
                art.notes.append(f"a sentence names {len(s.persons)} people: the first {MAX_MEMBERS} read (the cap)")
                del s.persons[MAX_MEMBERS:]
            _letterhead(art, s)
            _first_person(art, s)
            _pronoun_subjects(art, s, out[-2:])
            _conjoined_pronouns(art, s)
            out.append(s)
    return out


def _letterhead(art: _Article, s: Sentence) -> None:
    """A statement's issuer: a leader named alone, with a title or style, on a short line at the
    top of the text ("The Hon A MP", "President B") — not a byline ("By C")."""
    if s.block > 5 or len(s.persons) != 1 or len(s.text.split()) > 8 or s.text.lower().startswith("by ") \
            or any(t.pos_ in ("VERB", "AUX") for t in s.span):
        return
    words = {w.lower().strip(".,") for w in s.text.split()}
    if words & (_TITLE_WORDS | {"hon", "mp", "excellency"}):
        art.issuers.add(s.persons[0].key)


def _first_person(art: _Article, s: Sentence) -> None:
    """"Prime Minister A and I signed ...": in a statement issued in a leader's name, "I" outside
    quotation marks is that leader."""
    if len(art.issuers) != 1 or s.section != "body" or any(q in s.text for q in ('"', "“", "”")):
        return
    issuer = next(iter(art.issuers))
    for t in s.span:
        if t.text == "I" and t.dep_ in ("nsubj", "nsubjpass", "conj") \
                and not any(m.start <= t.i < m.end for m in s.persons):
            s.persons.append(Mention("person", "I", t.i, t.i + 1, issuer, extra={"first_person": True}))
    s.persons.sort(key=lambda m: m.start)


def _subject_person(s: Sentence) -> str | None:
    """The person who is the grammatical subject of a sentence's main clause, if any."""
    doc = s.span.doc
    first = _before_semicolon(s)
    if first is not None:
        return first
    for m in s.persons:
        tok = _past_possessive(doc[m.end - 1])
        for _ in range(3):
            if tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.dep_ == "ROOT" or tok.head.i == tok.head.head.i):
                return m.key
            if tok.dep_ in ("compound", "appos", "conj") and tok.head.i != tok.i:
                tok = tok.head
                continue
            if tok.dep_ == "poss" and tok.head.lemma_.lower() in _OWN_TRAVEL:
                tok = tok.head   # "X's visit is the first by ...": the one whose journey it is
                continue
            if tok.dep_ == "poss" and tok.head.lemma_.lower() in _OWN_DOINGS \
                    and tok.head.dep_ in ("nsubj", "nsubjpass") and tok.head.head.dep_ == "ROOT":
                return m.key   # "X's diplomacy was built on oil. He ...": X is who the story is about
            break
    opener = s.persons[0] if s.persons else None
    if opener is not None and opener.start == s.span.start and opener.end < s.span.end \
            and doc[opener.end].lower_ in ("'s", "’s") and opener.key is not None:
        return opener.key   # "X's Lima stop ended a tour ...": whatever the parser made of the verb
    return None


def _before_semicolon(s: Sentence) -> str | None:
    """The subject of a first clause the parser hung on a main verb after a semicolon ("he flew to
    X and met Y; during his stay A and B signed ...": he is the one the sentence goes on about)."""
    semi = _semicolon(s)
    if semi is None:
        return None
    for m in s.persons:
        tok = s.span.doc[m.end - 1]
        verb = tok.head
        if m.end <= semi and tok.dep_ in ("nsubj", "nsubjpass") and verb.i < semi and verb.pos_ in ("VERB", "AUX") \
                and verb.dep_ in ("ccomp", "parataxis") and verb.head.dep_ == "ROOT" and verb.head.i > semi:
            return m.key
    return None


def _semicolon(s: Sentence) -> int | None:
    """The token index of the sentence's first semicolon, if any."""
    return next((t.i for t in s.span if t.text == ";"), None) if ";" in s.text else None


# nouns whose possessor is the one travelling: the protagonist of "X's visit was ..."
_OWN_TRAVEL = {"visit", "trip", "tour", "journey", "arrival", "stay", "stop"}
# nouns of what a leader does or holds, whose possessor the story is about: "X's diplomacy
# rested on oil. In 1997 he ..."
_OWN_DOINGS = {"policy", "diplomacy", "government", "administration", "rule", "presidency", "premiership",
               "career", "tenure", "term", "legacy", "reign", "record", "decision", "speech", "priority",
               "priorities", "approach", "strategy", "agenda"}


def _pronoun_subjects(art: _Article, s: Sentence, before: list[Sentence]) -> None:
    """"He"/"She" as the subject of a sentence: the person who was the subject just before
    (news keeps its protagonist as the subject from one sentence to the next). Only when the
    previous sentences name exactly one subject person, and not in quotes."""
    first = _pronoun_subject(s)
    if first is None or any(m.start == first.i for m in s.persons):
        return
    ref_key = _pronoun_referent(s, first.i, before)
    if ref_key is None:
        return
    s.persons.insert(0, Mention("person", first.text, first.i, first.i + 1, ref_key, extra={"pronoun": True}))
    art.person_order.append((s.index, ref_key))


def _received_guest(s: Sentence, before: list[Sentence]) -> str | None:
    """After "Y received him at the palace", the next sentence's "He also met Z" goes on with the
    guest the "him" stood for (the story's protagonist), not with the host."""
    prev = before[-1] if before else None
    if prev is None or prev.block < s.block - 1:
        return None
    for m in prev.persons:
        tok = prev.span.doc[m.start]
        if m.extra.get("object_pronoun") and tok.dep_ in ("dobj", "obj") and tok.head.dep_ == "ROOT" \
                and tok.head.lemma_.lower() in HOSTING:
            return m.key
    return None


def _conjoined_pronouns(art: _Article, s: Sentence) -> None:
    """"He"/"she" as the subject of a clause joined to the main one ("A held talks with B, and on
    Friday he was in X"): the main clause's subject person."""
    pronouns = [t for t in s.span if t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")
                and t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT" and t.head.pos_ in ("VERB", "AUX")
                and not any(m.start <= t.i < m.end for m in s.persons)]
    key = _subject_person(s) if pronouns else None
    if key is None:
        return
    for t in pronouns:
        s.persons.append(Mention("person", t.text, t.i, t.i + 1, key, extra={"pronoun": True, "conjoined": True}))
        art.person_order.append((s.index, key))
    s.persons.sort(key=lambda m: m.start)


def _pronoun_subject(s: Sentence) -> Any | None:
    """"He" or "she" as the subject of the sentence's main verb."""
    root = s.span.root
    semi = _semicolon(s)
    # (or the parser took the opening phrase for the root and the main verb for a relative clause
    # on its noun: "Before the summit he held talks with B"; or the clause before a semicolon for
    # a complement of the one after it: "In May he flew to X and met Y; Y returned the visit")
    first = next((t for t in s.span if t.dep_ in ("nsubj", "nsubjpass") and (
        t.head.dep_ == "ROOT" or root.pos_ == "ADP" and t.head.dep_ == "relcl" and t.i == t.head.left_edge.i
        or semi is not None and t.head.dep_ == "ccomp" and t.head.head.dep_ == "ROOT"
        and t.head.i < semi < t.head.head.i and t.lower_ in ("he", "she"))),
        None)
    return first if first is not None and first.lower_ in ("he", "she") else None


def _pronoun_referent(s: Sentence, at: int, before: list[Sentence]) -> str | None:
    """Whom a subject "he"/"she" at token ``at`` stands for: after a semicolon, the subject of the
    clause before it ("A, whose country is an observer, also came; he had arrived a day early");
    else the subject of the sentences just before."""
    semi = _semicolon(s)
    return (_before_semicolon(s) if semi is not None and at > semi else None) or _previous_subject(s, before)


def _previous_subject(s: Sentence, before: list[Sentence]) -> str | None:
    for prev in reversed(before):
        if prev.block < s.block - 1:
            break
        if prev.persons:
            # (or the one a "he" of its own stood for: "Ghana was the first stop, and on 3 May he
            # landed in Lome to see B. He travelled on to ...")
            return _subject_person(prev) or next(
                (m.key for m in prev.persons if m.extra.get("carried")), None)
    return None


def repoint_pronouns(sentences: list[Sentence], subject: str | None = None) -> None:
    """After descriptions are read ("The chancellor, who ..., began the trip. She arrived ..."),
    a pronoun subject points to the subject of the sentence before as it now reads; "she", when
    that person was not called "she" while someone named in the sentences just before was, to
    that someone (and "he" away from someone called "she") ("She arrived in Dakar, greeted by A. A spoke
    of solar power. On Thursday she flew on": the same woman). In an obituary (``subject``: whose),
    a pronoun for someone its paragraph has not named is the one it is about, not someone the
    paragraph before ended with."""
    said: dict[str, str] = {}   # person -> "he" or "she", as the article has called them
    for i, s in enumerate(sentences):
        first = _pronoun_subject(s)
        if first is not None and not any(m.start == first.i for m in s.persons):
            # one the sentences before did not name when mentions were read
            s.persons.insert(0, Mention("person", first.text, first.i, first.i + 1, None, extra={"pronoun": True}))
        for m in s.persons:
            if not m.extra.get("pronoun"):
                continue
            word = m.text.lower()
            if m.extra.get("conjoined"):
                m.key = _subject_person(s) or m.key   # (the main clause's subject, as it now reads)
                continue
            key = _received_guest(s, sentences[max(0, i - 2):i]) or _pronoun_referent(
                s, m.start, sentences[max(0, i - 2):i]) or m.key
            if subject is not None and key != subject and said.get(subject, word) == word and not any(
                    p.key == key for x in [*sentences[:i], s] if x.block == s.block for p in x.persons
                    if x is not s or p.start < m.start):
                key = subject   # (one the paragraph has not named: its "he" is the obituary's subject)
            # (most leaders in the news are men: "he" moves only away from someone called "she")
            if said.get(key) != word and (word == "she" or said.get(key) == "she"):
                recent = [p.key for x in reversed(sentences[max(0, i - 4):i]) for p in reversed(x.persons)
                          if x.block >= s.block - 1]
                other = next((k for k in recent if said.get(k) == word), None)
                if other is not None:
                    key = other
            m.key = key
            if key is not None:
                said[key] = word
        s.persons[:] = [m for m in s.persons if m.key is not None]
        _object_pronouns(s, sentences[max(0, i - 2):i], said)
        _clause_pronouns(s, said, sentences[max(0, i - 2):i])


_OBJECT_PRONOUNS = {"him": "he", "her": "she"}


def _possessive_subject(s: Sentence) -> bool:
    """The main clause's subject is a thing of "his" or "her" ("His plane landed ...")."""
    subj = next((t for t in s.span if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    return subj is not None and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in subj.children)


def _object_pronouns(s: Sentence, before: list[Sentence], said: dict[str, str]) -> None:
    """"Him"/"her" as an object ("Y received him at the palace", "talks with her"): the
    protagonist — the main subject of the sentence when the pronoun stands in another clause
    ("X flew to Z, where Y met him"), else the subject of the sentence before. Never the subject
    of the pronoun's own clause (that would be "himself"), and not when the sentence names someone
    else before the pronoun who could be meant."""
    objects = [t for t in s.span if t.lower_ in _OBJECT_PRONOUNS and t.dep_ in ("dobj", "obj", "pobj", "dative")
               and not any(m.start == t.i for m in s.persons)]
    if not objects:
        return
    main = _subject_person(s)
    # (a pronoun just before stood for the protagonist: "Y received him ... The next leg took him")
    chain = next((m.key for x in reversed(before) if x.block >= s.block - 1
                  for m in reversed(x.persons) if m.extra.get("object_pronoun") or m.extra.get("pronoun")), None)
    for t in objects:
        word = _OBJECT_PRONOUNS[t.lower_]
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            continue
        own = {m.key for m in s.persons for c in verb.children
               if c.dep_ in ("nsubj", "nsubjpass") and m.start <= c.i < m.end}
        key = main if main is not None and verb.dep_ != "ROOT" and main not in own else chain or _previous_subject(s, before)
        if key is None or key in own or said.get(key, word) != word:
            continue
        if any(m.key not in own and m.key != key for m in s.persons if m.end <= t.i):
            continue   # "A met B and told him ...": either could be meant
        s.persons.append(Mention("person", t.text, t.i, t.i + 1, key, extra={"object_pronoun": True}))
    s.persons.sort(key=lambda m: m.start)


# clauses whose "he"/"she" is the main clause's subject: "X flew to Y, where he met Z", "X said
# she had met Z", "X arrived on Monday and he held talks ..."
_PRONOUN_CLAUSES = {"relcl", "advcl", "ccomp", "conj"}


def _clause_pronouns(s: Sentence, said: dict[str, str], before: list[Sentence] = ()) -> None:
    """"He"/"she" as the subject of a clause of the sentence: the person who is the subject of
    its main clause, when the sentence names no other person before the pronoun who could be
    meant, and the article has not called that person by the other pronoun."""
    main = _subject_person(s)
    carried = False   # (the "he" of a sentence about something else, carried on from before it)
    if main is None:
        # "The first leg took him to X, where he landed": the one an object pronoun stood for
        objects = {m.key for m in s.persons if m.extra.get("object_pronoun")}
        main = objects.pop() if len(objects) == 1 and len({m.key for m in s.persons}) == 1 else None
        if main is None and _possessive_subject(s) and before:
            # "His aircraft landed at X, where he was met by Y": the one the sentences before are about
            main = _previous_subject(s, list(before))
        semi = _semicolon(s)
        if main is None and before and any(
                t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")
                and not any(m.start < t.i for m in s.persons) for t in s.span):
            # "Ghana was the first stop, and on 3 May he landed in Lome": a sentence
            # about something else, whose "he" goes on from the sentences before it in its paragraph
            main = _previous_subject(s, [b for b in before if b.block == s.block])
            carried = main is not None
        if main is None and before and semi is not None and any(
                t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") and t.i < t.head.i < semi < t.head.head.i
                for t in s.span):
            # "he flew to X and met Y; during that stay A and B signed ...": the sentence's first
            # clause, whose main verb the parser hung after the semicolon, goes on from before
            main = _previous_subject(s, list(before))
    if main is None:
        return
    for t in s.span:
        if t.lower_ not in ("he", "she") or any(m.start == t.i for m in s.persons):
            continue
        # the clause's verb, up through the subject the pronoun stands in ("when he and B signed":
        # the parser may hang "he" on B)
        verb, up, subject = None, t, False
        for _ in range(4):
            subject = subject or up.dep_ in ("nsubj", "nsubjpass")
            if up.dep_ not in ("nsubj", "nsubjpass", "nmod", "conj", "compound", "appos") or up.head.i == up.i:
                break
            up = up.head
            if up.pos_ in ("VERB", "AUX"):
                verb = up
                break
        if verb is None or not subject or verb.dep_ not in _PRONOUN_CLAUSES:
            continue
        if verb.dep_ == "relcl" and not any(c.lower_ in ("where", "when") for c in verb.children) \
                and not any(c.dep_ == "prep" and c.lower_ in ("during", "after", "on", "at", "in")
                            and any(g.lower_ == "which" for g in c.children) for c in verb.children):
            continue   # ("the president, who he said ..."; not "a visit, during which he met B")
        key = main
        told = next((m.start for m in s.persons if m.key == main and not m.extra), None)
        if told is not None and told > t.i and any(x.text == ";" for x in s.span.doc[t.i:told]):
            # "he flew to X and met Y; during his stay A and B signed ...": a clause of its own before
            # the semicolon, whose "he" goes on from the sentences before, not forward to A
            key = _previous_subject(s, list(before)) if before else None
            if key is None:
                continue
        if said.get(key, t.lower_) != t.lower_:
            continue
        others = {m.key for m in s.persons if m.end <= t.i and m.key != key}
        if others and not _travel_scene(verb):
            continue   # "A met B, who said he ...": either could be meant
        s.persons.append(Mention("person", t.text, t.i, t.i + 1, key,
                                 extra={"clause_pronoun": True, **({"carried": True} if carried else {})}))
    s.persons.sort(key=lambda m: m.start)


def _travel_scene(verb: Any) -> bool:
    """``verb`` heads a "where" clause on the place a subjectless journey goes to ("A met B in
    Kyiv before heading to Moscow, where he held talks"): the traveller is the main subject."""
    place = verb.head
    if verb.dep_ != "relcl" or place.dep_ != "pobj" or place.head.lower_ not in ("to", "for", "into"):
        return False
    go = place.head.head
    return go.pos_ == "VERB" and go.lemma_.lower() in VISIT_VERBS and go.dep_ in ("pcomp", "xcomp", "advcl") \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in go.children)


_QUOTED_TREATY = re.compile(r"[‘'\"“]([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4})[’'\"”]\s+"
                            r"(?:treaty|agreement|accord|pact|deal|Treaty|Agreement|Accord|Pact)\b")


# capitalised nouns that make a town's name before them part of a document's name
_NAMED_DOCUMENTS = {"Statute", "Statutes", "Treaty", "Treaties", "Convention", "Conventions", "Agreement",
                    "Agreements", "Accord", "Accords", "Protocol", "Protocols", "Declaration", "Charter",
                    "Memorandum", "Process", "Principles", "Format", "Communique", "Consensus", "Plan"}
# "signed nine agreements, on oil, security and trade": a list of topics, each an agreement
_AGREEMENTS_ON = re.compile(r"\b(?:(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d{1,3}|several"
                            r"|a\s+series\s+of)\s+)?"
                            r"(?P<plural>agreements|accords|pacts|treaties|conventions)\s*,?\s+(?:on|covering)\s+"
                            r"(?P<list>[a-z][a-z -]*(?:,\s*[a-z][a-z -]*){1,7},?\s+and\s+[a-z][a-z'’ -]*?)"
                            r"(?=\s*(?:[.;:]|,\s|$|\s+(?:in|at|on|during|after|before|with|as|while|that|which)\s))")
_TOPIC = re.compile(r"(?:^|,\s*|\s+and\s+)(?:and\s+)?([a-z][a-z'’ -]*?[a-z])(?=\s*,|\s+and\s+|$)")
_SIGNED_WORD = re.compile(r"\b(?:signed|inked|concluded)\b")
_INCLUDING_ONE = re.compile(r"\b(?P<plural>agreements|accords|pacts|treaties|conventions|protocols)\b[^.;]{0,60}?"
                           r"\bincluding\s+(?P<one>one)\s+(?P<prep>on|for|covering|concerning)\s+(?P<about>[^,;.()]{3,60})", re.I)


def _title_cased(text: str) -> bool:
    """A headline in title case: most of its longer words capitalised, verbs too."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _syllable_after(doc: Any, start: int, end: int, limit: int) -> int:
    """Where a two-word name ends when a given name's second syllable follows a hyphen ("Lee Sang"
    + "-ock", which the NER cuts): past it (not "Kuchma-era", "Kremlin-backed")."""
    if end - start == 2 and end + 1 < limit and doc[end].text in ("-", "\u2010") and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower \
            and len(doc[end + 1]) <= 5 and doc[end - 1].text[:1].isupper() \
            and doc[end + 1].lower_ not in _NOT_SYLLABLES:
        return end + 2
    return end


_NOT_SYLLABLES = {"era", "led", "style", "based", "born", "backed", "linked", "like", "type", "run", "owned", "made",
                  "held", "year", "day", "time", "old", "free", "wide", "level"}


def _surnames_joined(art: _Article, ent: Any) -> list[tuple[int, str]]:
    """"Trump-Kim", "Modi-Sharif-Ghani": surnames joined by hyphens, each of a person the body
    names (as the body names them); else nothing."""
    words = [t for t in ent if t.text not in ("-", "\u2010", "\u2013")]
    if not 2 <= len(words) <= 3 or len(ent) != 2 * len(words) - 1 \
            or any(t.whitespace_ for t in ent[:-1]) or not all(t.text[:1].isupper() for t in words):
        return []
    found = [(t.i, _named_in_body_as_person(art, t.text)) for t in words]
    return found if all(n and " " in n for _, n in found) else []


def _shouted(text: str) -> bool:
    """A line in capitals ("PRESIDENT A HOLDS TALKS WITH B"), where the NER's names are guesses."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _named_in_body_as_person(art: _Article, name: str) -> str | None:
    """The body's name for the person whom the longest run of a capitalised name's words names
    ("OBAMA AT" -> "Barack Obama"; of several, the fullest, then the first named); None when the
    body names no one so ("STATE HOUSE")."""
    words = name.split()
    people = [(e.text, e.text.casefold().split()) for d in art.docs[1:] for e in d.ents if e.label_ == "PERSON"]
    for k in range(len(words), 0, -1):
        for i in range(len(words) - k + 1):
            run = [w.casefold() for w in words[i:i + k]]
            named = [(text, p) for text, p in people if any(p[j:j + k] == run for j in range(len(p) - k + 1))]
            if named:
                return max(named, key=lambda n: len(n[1]))[0]
    return None


def _named_in_body(art: _Article, name: str) -> bool:
    """The name appears, capitalised as it is, in the article's text beyond its headline."""
    bare = re.sub(r"^(?:The|A|An)\s+", "", name)
    return any(bare in _doc_text(d) for d in art.docs[1:])


def quoted_treaty_names(texts: list[str]) -> list[str]:
    """Names a story gives a treaty in quotes ("the 'Vaka Moana' pact"): the treaty's name
    wherever else the story uses it, head word or not."""
    return list(dict.fromkeys(m.group(1) for t in texts for m in _QUOTED_TREATY.finditer(t)
                              if not re.search(r"\b(?:Treaty|Agreement|Accord|Pact)$", m.group(1))))


# capitalised nouns after a person's name that make it the name of a place or a thing
_NAMED_AFTER = {"airport", "international", "street", "avenue", "boulevard", "square", "bridge", "stadium",
                "university", "hospital", "highway", "road", "dam", "canal", "station", "prize", "foundation",
                "institute", "library", "museum", "mausoleum", "memorial", "doctrine", "plan", "line", "hotel",
                "palace", "hall", "centre", "center", "causeway"}


def _capital_mentions(art: _Article, s: Sentence) -> None:
    """"The Malian capital", "the Bolivian capital": the capital city of that state, as a place."""
    doc = s.span.doc
    for m in list(s.states):
        if m.end >= s.span.end or doc[m.end].lower_ != "capital" or m.start == s.span.start \
                or doc[m.start - 1].lower_ != "the":
            continue
        st = art.entities.get(m.key)
        cap = ref.capital_of(st.label, _sentence_year(art, s)) if st is not None else None
        if cap is not None and not any(p.start <= m.end < p.end for p in s.places):
            key = art.place(cap.label)
            if key:
                s.places.append(Mention("place", doc[m.start - 1:m.end + 1].text, m.start, m.end + 1, key))
    here = ref.lookup_place(art.dateline_place) if art.dateline_place else None
    if here is not None and here.kind == "capital":
        # "flew into the capital on Friday", in a story filed from a capital: that one
        for t in s.span:
            if t.lower_ == "capital" and t.i > s.span.start and doc[t.i - 1].lower_ == "the" \
                    and t.dep_ == "pobj" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children) \
                    and not any(p.start <= t.i < p.end for p in s.places):
                key = art.place(here.label)
                if key:
                    s.places.append(Mention("place", doc[t.i - 1:t.i + 1].text, t.i - 1, t.i + 1, key))
    s.places.sort(key=lambda p: p.start)


# a signing verb right before a treaty's mention ("signed their first trade agreement", "signed the
# Fiji-Tonga Treaty")
SIGNED_JUST_BEFORE = re.compile(r"\b(?:signed|signs|sign|signing|concluded|concludes|conclude|inked)\s+"
                                r"(?:(?:the|a|an|their|its)\s+)?$", re.I)
# words before a treaty's head that make it no treaty told as signed ("the most ambitious pact",
# "the only accord", "any agreement"), "first" unless it counts one signed (see _first_one_signed)
_SUPERLATIVES = ("most", "least", "first", "only", "biggest", "largest", "best", "worst", "such", "any", "no", "every")
_SUPERLATIVE = re.compile(r"\b(?:" + "|".join(_SUPERLATIVES) + r")\s", re.I)
_SIGNED_AFTER = re.compile(r"^(?:\s+between\s+[^,.;]{1,60}?)?,?\s*(?:was|were|had\s+been|has\s+been)\s+"
                           r"(?:\w+ly\s+)?(?:signed|concluded)\b", re.I)


def _first_one_signed(text: str, m: re.Match) -> bool:
    """"A and B signed their first trade agreement", "the first accord ... was signed in 1963": an
    ordinal that counts a treaty signed (not "the first such pact", "the most ambitious treaty")."""
    said = re.findall(r"[a-z]+", (m.group("mods") or "").lower())
    if "first" not in said or any(w in said for w in _SUPERLATIVES if w != "first"):
        return False
    return bool(SIGNED_JUST_BEFORE.search(text[max(0, m.start() - 30):m.start()])
                or _SIGNED_AFTER.match(text[m.end():m.end() + 100]))


# the words after which _name_after_title may find a name (the others are not tried)
_INTRODUCERS = _TITLE_HEADS | _PLURAL_TITLES | {"minister", "secretary", "counterpart", "counterparts"}


#: a regnal numeral after a name ("Mohammed V", "Juan Carlos I"), however the tagger took it
_REGNAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


def _name_after_title(doc: Any, i: int, end: int) -> int | None:
    """Where a name starts that the word at ``i`` introduces: a capitalised title ("Taoiseach
    Brian Cowen"), "counterpart" ("his Argentine counterpart Santiago Cafiero") or a title set
    off by a comma ("Peru's foreign minister, Ana Gervasi,")."""
    tok = doc[i]
    low = tok.lower_
    if tok.text[:1].isupper() and low in ("minister", "secretary") and i + 2 < end and doc[i + 1].lower_ in ("of", "for"):
        # "Minister of Law and Human Rights Fatima Rahman": the name after the portfolio
        j, seen = i + 2, False
        while j < end and (doc[j].text[:1].isupper() and portfolio_word(doc[j].text)
                           or seen and doc[j].lower_ in ("and", "&", "of", "for", "the")):
            seen = seen or portfolio_word(doc[j].text)
            j += 1
        return j if seen and j < end and doc[j].text[:1].isupper() and doc[j].lower_ not in _TITLE_WORDS else None
    comma = i + 1 < end and doc[i + 1].text == ","
    if tok.text[:1].isupper() and (low in _TITLE_HEADS or low in _PLURAL_TITLES):
        return i + 2 if comma and low in _TITLE_HEADS and i + 2 < end else i + 1
    if low in ("counterpart", "counterparts"):
        return i + 2 if comma else i + 1
    if low in _TITLE_HEADS and comma and i + 2 < end:
        return i + 2
    return None


def _unknown_place_word(doc: Any, j: int) -> bool:
    """A word inside a name the NER took for a place the reference data does not know ("Ana
    [Cecilia] Gervasi")."""
    return doc[j].ent_type_ in ("GPE", "LOC") and not doc[j].ent_id_ and ref.lookup_place(doc[j].text) is None \
        and ref.lookup_state(doc[j].text) is None


def _given_name_like_place(doc: Any, i: int, end: int, covered: set[int]) -> bool:
    """A one-word place the NER saw right after a title and right before a surname it left alone
    ("Minister Santiago Cafiero", "President Victoria Lindqvist"): a given name."""
    return (doc[i].ent_type_ in ("GPE", "LOC") and doc[i].ent_iob_ == "B" and i + 1 < end
            and doc[i + 1].ent_iob_ != "I" and not doc[i + 1].ent_type_ and i + 1 not in covered
            and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper() and doc[i + 1].lower_ not in _TITLE_WORDS)


def _known_name_like_place(doc: Any, i: int) -> bool:
    """A one-word name the NER took for a place right after a title, which the reference data
    knows as a person's and not as a place ("President Sukarno")."""
    return (doc[i].ent_type_ in ("GPE", "LOC") and doc[i].ent_iob_ == "B" and not doc[i].ent_id_
            and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")
            and ref.lookup_place(doc[i].text) is None and _one_word_name(doc[i].text))


def _one_word_name(word: str) -> bool:
    """A word that is a name the reference data knows a person by (not "Jr.", not "II")."""
    return re.fullmatch(r"[A-Z][a-z]{2,}", word) is not None and _person_by_short(word) is not None


def _before_dash(doc: Any, ent: Any) -> int:
    """Where an entity the NER ran across a spaced dash really ends ("the Quad - Biden": the
    words after the dash open a list of their own)."""
    if ent.ent_id_ or ent.label_ == "PERSON":
        return ent.end
    for t in doc[ent.start + 1:ent.end - 1]:
        if t.text in ("-", "\u2013", "\u2014") and t.whitespace_ and doc[t.i - 1].whitespace_:
            return t.i
    return ent.end


# words that make a demonym a region's ("South American", "Central African", "Pan-Arab")
_REGION_WORDS = {"south", "north", "central", "latin", "west", "east", "southern", "northern", "pan", "sub-saharan"}


# verbs of coming and meeting whose "in"/"at"/"to" phrase names a place
_PLACE_VERBS = {"arrive", "land", "fly", "travel", "go", "come", "visit", "meet", "host", "hold", "sign", "gather",
                "convene", "stop", "return", "head", "drive", "ride"}


# words of an institution's name, not of a person's ("Central Bank of Nigeria")
_INSTITUTION_WORDS = {"bank", "ministry", "university", "council", "commission", "republic", "kingdom", "government",
                      "embassy", "army", "navy", "party", "front", "union", "court", "assembly", "parliament",
                      "congress", "senate", "office", "agency", "institute", "academy", "people", "state", "states",
                      "federation", "emirate", "emirates", "islands", "province", "region", "city", "port", "gulf"}


def _drop_airport_namesakes(s: Sentence) -> None:
    """A town's name inside an airport's ("Mariscal Sucre airport", "Indira Gandhi International
    Airport"): a person the airport is named after, not that town."""
    doc = s.span.doc
    def namesake(m: Mention) -> bool:
        nxt = doc[m.end] if m.end < s.span.end else None
        before = doc[m.start - 1] if m.start > s.span.start else None
        return nxt is not None and nxt.lower_ in ("airport", "international") and before is not None \
            and before.pos_ == "PROPN" and before.text[:1].isupper() \
            and not any(x.start <= before.i < x.end for x in [*s.places, *s.states])
    s.places = [m for m in s.places if not namesake(m)]


_LIST_OPENERS = ("-", "\u2013", "\u2014", "(", ":", ",")


# a given name, a nickname in quotation marks, a surname: 'Roelof "Pik" Botha'
_NICKNAMED = re.compile(r"\b([A-Z][\w'’-]+)\s+[\"“]([A-Z][\w'’-]+)[\"”]\s+([A-Z][\w'’-]+)")


def _nicknamed(art: _Article, s: Sentence) -> None:
    """A person named with a nickname in quotation marks between given name and surname, which the
    NER does not read as one name: the person the reference data knows by either form, else the
    given name and surname."""
    base = s.span.start_char
    for m in _NICKNAMED.finditer(s.raw):
        toks = [t.i for t in s.span if base + m.start() <= t.idx < base + m.end()]
        if not toks or any(p.start <= toks[0] and toks[-1] < p.end for p in s.persons):
            continue   # (a name the NER read whole)
        # (the parts the NER read as names of their own: "Kenneth" alone)
        s.persons[:] = [p for p in s.persons if not (toks[0] <= p.start and p.end <= toks[-1] + 1)]
        given, nick, surname = m.groups()
        known = ref.lookup_person(f"{nick} {surname}") or ref.lookup_person(f"{given} {surname}")
        name = known.label if known is not None else f"{given} {surname}"
        key = art.person(name, s.index, said=m.group(0))
        s.persons.append(Mention("person", m.group(0), toks[0], toks[-1] + 1, key))


def _listed_people(art: _Article, s: Sentence) -> None:
    """The first name of a list of people that the NER missed ("the leaders of A, B and C - Ama
    Owusu, B B and C C -"): two or three capitalised words, in no entity, right before ", B B"
    when B B and the next item are people and a dash, bracket, colon or comma opens the list."""
    doc = s.span.doc
    persons = sorted(s.persons, key=lambda m: m.start)
    taken = {i for m in [*s.persons, *s.states, *s.places] for i in range(m.start, m.end)}
    for a, b in zip(persons, persons[1:]):
        if doc[a.end:b.start].text.strip(" ,") not in ("", "and") or a.start - 1 <= s.span.start \
                or doc[a.start - 1].text != ",":
            continue
        end = start = a.start - 1
        while start - 1 >= s.span.start and end - start < 3 and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].text[:1].isupper() and not doc[start - 1].ent_type_ \
                and start - 1 not in taken and doc[start - 1].lower_ not in _TITLE_WORDS:
            start -= 1
        if end - start < 2 or start - 1 < s.span.start or doc[start - 1].text not in _LIST_OPENERS:
            continue
        name = doc[start:end].text
        if ref.lookup_place(name) is not None or ref.lookup_state(name) is not None:
            continue
        name = _clean_person(name)
        if name and len(name.split()) >= 2:
            s.persons.append(Mention("person", name, start, end, art.person(name, s.index)))
        return


def _listed_names_of_states(art: _Article, s: Sentence) -> None:
    """Names in a list, each with its state ("- A B of Indonesia, C D of the Philippines and E F
    of Thailand -"), that the NER missed: capitalised words right before "of <state>", after a
    list's punctuation or "and"."""
    doc = s.span.doc
    # (a word the NER took for a place the reference data does not know may start a name)
    unknown = {i: m for m in s.places if ref.lookup_place(m.text) is None for i in range(m.start, m.end)}
    taken = {i for m in [*s.places, *s.states, *s.persons] for i in range(m.start, m.end)} - set(unknown)
    for st in s.states:
        k = st.start - 1
        if k > s.span.start and doc[k].lower_ == "the":
            k -= 1
        if k <= s.span.start or doc[k].lower_ != "of":
            continue
        j = k
        while j - 1 >= s.span.start and k - (j - 1) <= 4 and doc[j - 1].pos_ == "PROPN" \
                and doc[j - 1].text[:1].isupper() and (j - 1) not in taken and doc[j - 1].lower_ not in _TITLE_WORDS \
                and doc[j - 1].lower_ not in _INSTITUTION_WORDS and doc[j - 1].ent_type_ not in ("ORG", "FAC"):
            j -= 1
        if k - j < 2 or j - 1 < s.span.start or doc[j - 1].text not in ("-", "–", "—", ",", ";", ":", "and"):
            continue
        name = _clean_person(doc[j:k].text)
        if not name or len(name.split()) < 2:
            continue
        s.persons.append(Mention("person", name, j, k, art.person(name, s.index)))
        taken.update(range(j, k))
        s.places = [m for m in s.places if not any(j <= i < k for i in range(m.start, m.end))]
    s.persons.sort(key=lambda m: m.start)


def _places_by_syntax(art: _Article, s: Sentence) -> None:
    """Towns the NER took for a person, an organisation or nothing ("arrived in Simla", "At Agra,
    A hosted B"): the object of "in", "at" or "to" on a verb of coming or meeting, one or two
    capitalised proper nouns that no other mention covers and that name nobody the article knows."""
    doc = s.span.doc
    taken = {i for m in [*s.places, *s.states, *s.persons] for i in range(m.start, m.end)}
    for t in s.span:
        if t.i in taken or not _place_object(art, t):
            continue
        start = t.i - 1 if t.i - 1 > t.head.i and doc[t.i - 1].dep_ == "compound" and doc[t.i - 1].pos_ == "PROPN" \
            and t.i - 1 not in taken else t.i
        words = doc[start:t.i + 1]
        if any(w.lower_ in rec["tokens"] for w in words for rec in art.people.values()):
            continue
        key = art.place(words.text)
        if key:
            s.places.append(Mention("place", words.text, start, t.i + 1, key))
    s.places.sort(key=lambda p: p.start)


def _place_object(art: _Article, t: Any) -> bool:
    """``t`` is a proper noun after "in", "at" or "to" on a verb of coming or meeting, and no
    word of a name the article knows."""
    if t.dep_ != "pobj" or t.pos_ != "PROPN" or not t.text[:1].isupper() \
            or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    prep = t.head
    if prep.lower_ not in ("in", "at", "to") or prep.head.lemma_.lower() not in _PLACE_VERBS:
        return False
    if t.lower_ in _BODIES or any(c.dep_ == "det" for c in t.children) or t.doc[t.i - 1].lower_ == "the":
        return False   # "went to Congress", "arrived at the Kremlin": a body or a building
    return not any(t.lower_ in rec["tokens"] for rec in art.people.values())


# bodies the NER may take for places: the international ones ("the AU summit") and a state's own
_INTERNATIONAL_BODIES = INTERNATIONAL | {"au", "un", "g7", "g8", "g20"}
_BODIES = _INTERNATIONAL_BODIES | {"congress", "parliament", "senate", "assembly", "council", "court", "commission",
                                   "cabinet", "government", "ministry", "headquarters"}


# a date the NER reads that is only an ordinal ("the 22nd" of "the 22nd annual summit")
_BARE_ORDINAL = re.compile(r"^(?:the\s+)?\d{1,3}(?:st|nd|rd|th)$", re.I)


def _mentions(art: _Article, s: Sentence) -> None:
    span = s.span
    doc = span.doc
    span_ents = _span_ents(span)
    absorbed: set[int] = set()   # starts of entities read as the end of a name before them
    for ent in span_ents:
        if ent.start in absorbed:
            continue
        text = ent.text
        if ent.label_ in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT") and not ent.ent_id_ and len(ent) <= 3 \
                and _place_object(art, ent.root):
            continue   # "arrived in Simla" read as a person: a town (see _places_by_syntax)
        if ent.label_ in ("GPE", "LOC", "FAC") and ent.end < span.end and doc[ent.end].text in _NAMED_DOCUMENTS \
                and not (ent.ent_id_ or "").startswith("state/"):
            continue   # "the Rome Statute", "the Minsk Agreements": a document's name, no place of the story
        if ent.label_ in ("GPE", "NORP", "LOC", "FAC", "ORG") and ent.ent_id_:
            kid = ent.ent_id_
            if kid.startswith("state/") and ent.start > 0 and doc[ent.start - 1].lower_ in _REGION_WORDS:
                continue   # "South American states", "Central African leaders": a region, not a state
            if kid.startswith("state/") and ent.start > 1 and doc[ent.start - 1].lower_ == "of" \
                    and doc[ent.start - 2].lower_ in _WATERS:
                continue   # "the Gulf of Finland", "the Bay of Bengal": a sea, not the state
            if kid.startswith("state/") and ent.end < len(doc) and (
                    doc[ent.end].lower_ in _CURRENCIES or doc[ent.end].text in ("States", "Nations", "Republics")):
                continue   # "US dollars", "the Organization of American States": no act of the state
            if kid.startswith("state/"):
                s.states.append(Mention("state", text, ent.start, ent.end, art.state(kid)))
                art.state_counts[kid] += 1
                if s.section in ("body", "headline"):
                    art.actor_states.add(kid)
                continue
            if kid.startswith("place/"):
                if ent.start - 1 >= span.start and doc[ent.start - 1].pos_ == "PROPN" \
                        and not doc[ent.start - 1].ent_type_ and _org_is_person(doc[ent.start - 1:ent.end]):
                    name = doc[ent.start - 1:ent.end].text
                    s.persons.append(Mention("person", name, ent.start - 1, ent.end, art.person(name, s.index)))
                    continue
                key = art.place(text)
                if key:
                    s.places.append(Mention("place", text, ent.start, ent.end, key))
                continue
        if ent.label_ in ("GPE", "LOC", "NORP", "ORG"):
            st = ref.lookup_state(re.sub(r"['’]s$|-$", "", text).strip())
            if st is not None:
                key = art.state(f"state/{ref.slugify(st.label)}")
                s.states.append(Mention("state", text, ent.start, ent.end, key))
                art.state_counts[key] += 1
                if s.section in ("body", "headline"):
                    art.actor_states.add(key)
                continue
            inst = INSTITUTIONS.get(re.sub(r"^the\s+", "", text.lower()))
            if inst:
                continue
        if ent.label_ in ("GPE", "LOC", "FAC") and len(ent) == 1 and ref.lookup_place(text) is None \
                and (any(ent.text.lower() in rec["tokens"] for rec in art.people.values())
                     or not ent.ent_id_ and _one_word_name(ent.text)) \
                or ent.label_ == "NORP" and len(ent) == 1 and not ent.ent_id_ \
                and any(ent.text.lower() in rec["tokens"] for rec in art.people.values()):
            # (a surname the NER took for a people's name: "Albanese flew in")
            key = art.resolve_short(ent.text, s.index, said_year(s))  # "Rahimzoda flew to Vienna": a name, not a place
            if key:
                s.persons.append(Mention("person", ent.text, ent.start, ent.end, key))
            continue
        # a name the NER took for an organisation or a place ("Ibrahima Faye, Senegal's
        # president": GPE), when an office stands right before it or in an apposition after it
        if ent.label_ in ("ORG", "GPE", "LOC", "FAC") and not ent.ent_id_ \
                and (ent.label_ == "ORG" or ref.lookup_place(text) is None) and _org_is_person(ent):
            name = _clean_person(text)
            if name and len(name.split()) >= 2:
                s.persons.append(Mention("person", name, ent.start, ent.end, art.person(name, s.index)))
            continue
        if ent.label_ in ("GPE", "LOC", "FAC"):
            if text.lower() in _INTERNATIONAL_BODIES:
                continue   # "the AU summit": a body the NER took for a place
            nxt = next((e for e in span_ents if e.start == ent.end), None) \
                if doc[ent.end - 1].lower_ == "of" and any(t.lower_ in _WATERS | {"ocean"} for t in ent) else None
            if nxt is not None and nxt.label_ in ("GPE", "LOC"):
                # "the Gulf of" + "Guinea": the NER cut a sea's name before the state it is named after
                text = doc[ent.start:nxt.end].text
                absorbed.add(nxt.start)
                ent = nxt.doc[ent.start:nxt.end]
            key = art.place(text)
            if key:
                s.places.append(Mention("place", text, ent.start, ent.end, key))
            continue
        if ent.label_ == "PERSON" and not ent.ent_id_ and art.dateline_place and text == art.dateline_place:
            # "X travelled to Aachen", the town of the dateline, which the NER took for a name
            key = art.place(text)
            if key:
                s.places.append(Mention("place", text, ent.start, ent.end, key))
            continue
        if (ent.label_ == "PERSON" or (ent.ent_id_ or "").startswith("person/")) and (
                ent.end < span.end and doc[ent.end].lower_ in _NAMED_AFTER
                and (doc[ent.end].text[:1].isupper() or doc[ent.end].lower_ == "airport")
                or len(ent) > 1 and doc[ent.end - 1].lower_ in _NAMED_AFTER and doc[ent.end - 1].text[:1].isupper()):
            continue   # "Ben Gurion Airport", "the King David Hotel": a place named after someone
        if ent.label_ == "PERSON" and len(ent) == 1 and not ent.ent_id_ and any(
                e.start == ent.end and (e.ent_id_ or "").startswith("person/") for e in span_ents):
            continue   # "Mir" + "Zafarullah Khan Jamali": a first word of the name the reference data has without it
        if ent.label_ == "PERSON" and not ent.ent_id_ and doc[ent.start].lower_ in ("bin", "ibn", "bint") and any(
                e.end == ent.start and (e.label_ == "PERSON" or (e.ent_id_ or "").startswith("person/"))
                for e in span_ents):
            continue   # "Sheikh Zayed" + "bin Sultan al-Nahayan": the rest of the name just read
        if ent.label_ == "PERSON" or (ent.ent_id_ or "").startswith("person/"):
            start = ent.start
            while start < ent.end - 1 and doc[start].lower_ in _TITLE_HEADS and doc[start].text[:1].isupper() \
                    and (not (ent.ent_id_ or "").startswith("person/")
                         or doc[start].lower_ in LEADER_TITLES and _same_without(doc[start + 1:ent.end], ent.ent_id_)):
                start += 1   # "Taoiseach X" read as one name: the title stays outside it (and "Emperor
                # Akihito", a reference alias: "the emperor" points back to him)
            if start != ent.start:
                text = doc[start:ent.end].text
            while start - 2 >= span.start and doc[start - 1].lower_ in ("bin", "ibn", "bint") \
                    and doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper():
                start -= 2   # "Mohammed bin [Salman bin Abdulaziz]": a father's name inside a longer name
            while start - 1 >= span.start and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ \
                    and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in _TITLE_WORDS:
                start -= 1
            end = ent.end
            while end < span.end and end - ent.end < 3 and (
                    doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_
                    and doc[end].lower_ not in _TITLE_WORDS
                    or doc[end].lower_ in NAME_PARTICLES and end + 1 < span.end
                    and doc[end + 1].text[:1].isupper() and doc[end + 1].pos_ == "PROPN"
                    # a name never ends on a particle: "Ursula von der" + "Leyen", whatever the NER made of it
                    or doc[end - 1].lower_ in NAME_PARTICLES and doc[end].text[:1].isupper()
                    and doc[end].pos_ == "PROPN" and not doc[end].ent_id_):
                end += 1                  # "Toomas Hendrik" + "Ilves", "Ursula von" + "der Leyen": cut short
            if end + 1 < span.end and doc[end].text in ("-", "\u2010") and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper() \
                    and not doc[end + 1].ent_type_ and doc[end + 1].lower_ not in _TITLE_WORDS \
                    and not any(doc[end + 1].lower_ in rec["tokens"] for rec in art.people.values()) \
                    and _person_by_short(doc[end + 1].text) is None:
                end += 2                  # "Jane Naana Opoku" + "-Agyemang": a double surname the NER cut
                                          # (not "Modi-Sharif talks": a second person)
            else:
                end = _syllable_after(doc, start, end, span.end)   # "Lee Sang" + "-ock"
            nxt = next((e for e in span_ents if e.start == end and e.label_ in ("PERSON", "ORG") and not e.ent_id_), None)
            if nxt is not None and end == ent.end and len(nxt) == 3 and nxt[1].text in ("-", "\u2010") \
                    and not nxt[0].whitespace_ and not nxt[1].whitespace_ \
                    and not any(t.lower_ in rec["tokens"] for t in (nxt[0], nxt[2]) for rec in art.people.values()) \
                    and _person_by_short(nxt[0].text) is None and _person_by_short(nxt[2].text) is None:
                end = nxt.end             # "Akua Naana" + "Darko-Mensah", read as two names
                absorbed.add(nxt.start)
            elif nxt is not None and end == ent.end and nxt.label_ == "PERSON" and not ent.ent_id_ \
                    and len(ent) + len(nxt) <= 5 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in nxt) \
                    and not any(t.lower_ in rec["tokens"] for t in [*ent, *nxt] for rec in art.people.values()) \
                    and ref.lookup_person(nxt.text) is None and ref.lookup_person(ent.text) is None:
                end = nxt.end             # "Abdel Rahim" + "Mohamed Hussein": one long name the NER cut in two
                absorbed.add(nxt.start)
            if start != ent.start or end != ent.end:
                text = doc[start:end].text
            pair = _surnames_joined(art, doc[start:end]) if s.section == "headline" and not ent.ent_id_ else []
            if pair:   # "Trump-Kim summit": two people the body names, not one
                for i, name in pair:
                    s.persons.append(Mention("person", name, i, i + 1, art.person(name, s.index, said=doc[i].text)))
                continue
            name = _clean_person(text)
            if not name and (ent.ent_id_ or "").startswith("person/") and ref.lookup_person(text) is not None:
                name = text   # a reference name in a form no bare name has ("Abdullah II of Jordan")
            if name and name.isupper() and _shouted(s.raw):
                name = _named_in_body_as_person(art, name)
            if not name:
                continue
            first = next((i for i in range(start, end) if doc[i].text == name.split()[0]), start)
            if first > start and all(_clean_person(doc[i].text + " A B") == "A B" for i in range(start, first)):
                start = first   # "[King] Juan Carlos I": the title the NER took in is the title before the name
            if len(_name_tokens(name)) == 1 and " " not in name:
                key = _short_name(art, name, s, doc[start - 1] if start > span.start else None)
            else:
                key = art.person(name, s.index)
            if key:
                s.persons.append(Mention("person", name, start, end, key))
    headline_surnames(art, s, _named_in_body_as_person)   # "Albanese and Hipkins meet"
    _places_by_syntax(art, s)
    _nicknamed(art, s)
    _listed_people(art, s)
    _listed_names_of_states(art, s)
    _drop_airport_namesakes(s)
    _capital_mentions(art, s)
    # one-word names the NER missed ("between Choi and Putin") that fit a person already named
    known = {t for rec in art.people.values() for t in rec["tokens"]}
    covered = {i for m in s.persons for i in range(m.start, m.end)} | {
        i for ent in span_ents for i in range(ent.start, _before_dash(doc, ent))
        if not (ent.label_ in ("ORG", "NORP") and len(ent) == 1 and not ent.ent_id_)
        # ("signed with Zelenskiy in Kyiv": the NER's organisation "Zelenskiy in" holds a name)
        and not (ent.label_ == "ORG" and not ent.ent_id_ and doc[i].lower_ in known and doc[i].text[:1].isupper())
        # ("received by de Gaulle": a name with a particle the NER took for a place)
        and not (ent.label_ in ("GPE", "LOC") and not ent.ent_id_ and doc[i].lower_ in known
                 and doc[i].text[:1].isupper() and doc[ent.start].lower_ in NAME_PARTICLES)
        # "In May Ruto was in Lima": the NER's date took the name after it
        and not (ent.label_ == "DATE" and _named_in_date(doc[i], known))}
    cols = _columns(doc)
    wanted = _org_person_ids(doc.vocab)
    # surnames of people the article has named, which the tagger may read as a common noun at the
    # start of a sentence ("Starmer and Zelenskiy last met ...")
    surnames = {rec["label"].split()[-1].lower() for rec in art.people.values() if len(rec["label"].split()) >= 2}
    # (and a first name a story uses alone, "Abiy and Mohamud flew ...", at the start of the
    # sentence or joined to a name by "and")
    first_names = {rec["label"].split()[0].lower() for rec in art.people.values() if len(rec["label"].split()) >= 2}
    for i in range(span.start, span.end):
        noun_name = doc[i].pos_ == "NOUN" and doc[i].text[:1].isupper() and (
            doc[i].lower_ in surnames or doc[i].lower_ in first_names and (
                i == span.start or i + 1 < span.end and doc[i + 1].lower_ == "and"))
        if i in covered or (cols.pos[i] != PROPN and cols.ent_type[i] not in wanted and not noun_name):
            continue
        tok = doc[i]
        if not tok.text[:1].isupper() or len(tok.text) < 2 or len(tok.text) == 2 and not tok.text[1].islower():
            continue   # (a two-letter surname, "Xi", "Li", "Hu", as written, never "UN" or "EU")
        key = None
        low = tok.lower_
        if i + 1 < span.end and _REGNAL.fullmatch(doc[i + 1].text):
            continue   # "Mohammed V" after "Mohammed VI": a whole regnal name, not a short form
        if any(low in rec["tokens"] for rec in art.people.values()):
            key = art.resolve_short(tok.text, s.index, said_year(s))
        elif i - 2 >= span.start and doc[i - 1].lower_ in ("and", ",") and any(
                m.end == i - 1 for m in s.persons) and _person_by_short(tok.text) is not None:
            key = art.resolve_short(tok.text, s.index, said_year(s))   # "Kagame and Museveni": a second surname
        if key:
            s.persons.append(Mention("person", tok.text, tok.i, tok.i + 1, key))
    _possessed_surnames(art, s)
    # "Taoiseach Brian Cowen", "President Ram Baran Yadav": capitalised words right after a
    # capitalised title are a name, whatever the NER made of them
    covered = {i for m in s.persons for i in range(m.start, m.end)} | {
        i for ent in span_ents for i in range(ent.start, ent.end) if ent.ent_id_ or ent.label_ in ("GPE", "DATE", "TIME")}
    i = span.start
    while i < span.end - 1:
        tok = doc[i]
        k = _name_after_title(doc, i, span.end) if tok.lower_ in _INTRODUCERS else None
        if k is not None and (
                k not in covered or _given_name_like_place(doc, k, span.end, covered)
                or _known_name_like_place(doc, k)):
            if k in covered:
                covered.discard(k)   # "Foreign Minister Santiago Cafiero": a given name, not the city
            j = k
            while j < span.end and j - k < 4 and (j not in covered or j > k and _unknown_place_word(doc, j)) and (
                    doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].lower_ not in _TITLE_WORDS
                    or (doc[j].lower_ in NAME_PARTICLES and j + 1 < span.end and doc[j + 1].text[:1].isupper())
                    or j > k and _REGNAL.fullmatch(doc[j].text)):   # "Sultan Mohammed V": the numeral too
                j += 1
            j = _syllable_after(doc, k, j, span.end) if j > k else j
            name = _clean_person(doc[k:j].text) if j > k else None
            if name and name.isupper() and _shouted(s.raw):
                name = _named_in_body_as_person(art, name)   # ("PRESIDENT BUHARI": the body's name)
            if name and (doc[j - 1].lower_ in _NAMED_AFTER or j < span.end and doc[j].lower_ in _NAMED_AFTER):
                name = None   # "the King David Hotel", "the King Fahd Causeway": a place, not a king
            if name and k > i + 1 and not (j >= span.end or doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX")):
                name = None   # "the minister, A B," and "his counterpart A B": the name ends there
            if name and j - k == 1 and any(m.start == j for m in s.persons):
                name = None   # "Prime Minister Mir" + a name the reference data knows without "Mir": its first word
            key = None
            if name and j - k >= 2:
                key = art.person(name, s.index)
            elif name and (_person_by_short(name) is not None
                           or any(name.lower() in rec["tokens"] for rec in art.people.values())):
                key = _short_name(art, name, s, tok)   # "President Ruto": a surname the article or the reference knows
            elif name and " " not in name and art.anchor is not None:
                # "President Clinton" in 1995: of those the reference data knows by that surname, the
                # one who held that title in the article's year
                holder = _titled_holder(name, doc[i:k].text, art.anchor.year)
                key = art.person(holder, s.index) if holder else None
            if key:
                s.persons.append(Mention("person", name, k, j, key))
                covered.update(range(k, j))
                i = j
                continue
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and i not in covered and tok.lower_ not in _TITLE_WORDS:
            # "Chile's Ana Soto, the trade minister,": a name the NER missed, an office in apposition
            j = i
            while j < span.end and j - i < 4 and j not in covered and doc[j].pos_ == "PROPN" \
                    and doc[j].text[:1].isupper() and doc[j].lower_ not in _TITLE_WORDS:
                j += 1
            if j - i >= 2 and doc[j - 1].lower_ not in BUILDINGS \
                    and _office_after().match(" ".join(t.lower_ for t in doc[j:j + 9]).replace(" - ", "-")):
                # (not "At Flagstaff House, the minister spoke": a building, then who was there)
                name = _clean_person(doc[i:j].text)
                if name:
                    s.persons.append(Mention("person", name, i, j, art.person(name, s.index)))
                    covered.update(range(i, j))
                    i = j
                    continue
        i += 1
    s.persons.sort(key=lambda m: m.start)
    s.places = [m for m in s.places if not any(p.start <= m.start < p.end for p in s.persons)]
    # hyphenated state compounds the NER splits badly ("North Korea-Russia")
    for st_name in re.findall(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-(?=[A-Z])", s.raw):
        st = ref.lookup_state(st_name)
        if st is not None:
            key = f"state/{ref.slugify(st.label)}"
            if not any(m.key == key for m in s.states):
                s.states.append(Mention("state", st_name, span.start, span.start, art.state(key)))
    # dates: spaCy DATE entities and the rule scanner
    seen: set[tuple[int, int]] = set()
    base = span.start_char
    for start, end, text in find_date_expressions(s.raw):
        s.dates.append(Mention("date", text, base + start, base + end))
        seen.add((base + start, base + end))
    known = {t for rec in art.people.values() for t in rec["tokens"]}   # with the names found since
    for ent in span_ents:
        if ent.label_ == "DATE" and not any(a <= ent.start_char < b or ent.start_char <= a < ent.end_char
                                            for a, b in seen) and not _BARE_ORDINAL.match(ent.text):
            # (a bare ordinal the scanner passed over is the rank of something: "the 22nd annual summit")
            # "In May Ruto was ...": the NER's date ends before a name the article knows
            cut = next((t for t in ent if t.i > ent.start and _named_in_date(t, known)), None)
            if cut is not None:
                ent = doc[ent.start:cut.i]
            s.dates.append(Mention("date", ent.text, ent.start_char, ent.end_char))
    s.dates.sort(key=lambda m: m.start)
    # "the first meeting since 2016", "in force until 2030": the time of another event, not of this one
    doc_text = _doc_text(doc)
    # ("since July 1987, when A flew to B" dates what the when-clause tells)
    s.dates = [d for d in s.dates
               if not re.search(r"\b(?:since|until|till|before|ever\s+since)\s+(?:the\s+)?$", doc_text[max(0, d.start - 14):d.start], re.I)
               or re.match(r",?\s+when\b", doc_text[d.end:d.end + 8])]
    # treaties
    text = s.raw
    taken: list[tuple[int, int]] = []
    title_case = s.section == "headline" and _title_cased(text)
    for m in _TREATY_NAMED.finditer(text):
        end = _in_a_state(text, m.start("name"), _listed_name_end(text, m))
        signed_for = re.search(r"\s+for\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})$", text[m.start("name"):end])
        if signed_for and ref.lookup_state(signed_for.group(1).rstrip(".")) is not None and re.search(
                r"\b(?:sign|initial|put)", text[max(0, m.start() - 60):m.start()], re.I):
            end = m.start("name") + signed_for.start()   # "signed the X Agreement for France": who it was signed for
        start = m.start("name")
        joined = _JOINED_BEFORE.search(text, 0, start) if start else None
        if joined and not any(ref.lookup_state(w) is not None for w in joined.group(1).split()):
            start = joined.start(1)   # "the Arusha Peace and Reconciliation Agreement": one name
        name = text[start:end].strip()
        if name.endswith(".") and re.search(r"[a-z]{2}\.$", name):
            # "... the Treaty of Montevideo." at the end of the sentence: its full stop (not "U.S.")
            name, end = name[:-1], end - (len(text[start:end]) - len(text[start:end].rstrip()) + 1)
        if not _a_town_act(name):
            continue   # "the Act of Union", "an Act of Parliament": a law, not a treaty
        if title_case and not _named_in_body(art, name):
            continue   # "Two Neighbours Sign Landmark Border Treaty": a headline's capitals, no name
        first = name.split()[0]
        if first in ("The", "A", "An", "This", "That"):
            name = name.split(" ", 1)[1] if " " in name else name
        if name in ("Treaty", "Treaties", "Agreement", "Agreements", "Accord", "Accords", "Pact", "Convention", "Protocol",
                    "Charter"):
            if re.match(r"\s+(?:on|for|concerning)\s+[a-z]", text[end:]):
                continue   # "the Agreement on the joint use of checkpoints": a name in sentence case (below)
            kind = "anaphor"
        else:
            kind = "named"
        s.treaties.append(Mention("treaty", name, base + min(m.start(), start), base + end,
                                  extra={"kind": kind, "year": m.group("year")}))
        taken.append((min(m.start(), start), end))
    for a, b, name in _town_named(text):
        # "the Oslo accords", "the Dayton agreement": a name news writes with its head in lower case
        # (not "the Moscow treaty" after the Treaty of Moscow: that one, read as before)
        town = name.rsplit(" ", 1)[0].lower()
        if any(town in art.entities[k].label.lower() for k in art.treaty_keys if k in art.entities):
            continue
        if not any(x <= a < y or a <= x < b for x, y in taken):
            s.treaties.append(Mention("treaty", name, base + a, base + b, extra={"kind": "named", "year": None}))
            taken.append((a, b))
    # "Versailles replaced the Y Treaty": the town for the treaty told by its name; "the Kagera Basin
    # agreement": capitalised words before a lower-case head; "New START", "the INF treaty": a
    # reference treaty's short name, which ends in no head word
    for a, b, name in [*_town_for_its_treaty(art, s, text), *([] if title_case else _capitals_named(s, text)),
                       *known_treaty_spans(text)]:
        if not any(x <= a < y or a <= x < b for x, y in taken):
            s.treaties.append(Mention("treaty", name, base + a, base + b, extra={"kind": "named", "year": None}))
            taken.append((a, b))
    for name in art.quoted_treaties:
        for q in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if not any(a <= q.start() < b for a, b in taken):
                s.treaties.append(Mention("treaty", name, base + q.start(), base + q.end(),
                                          extra={"kind": "named", "year": None}))
                taken.append((q.start(), q.end() + 12))   # and the head word after the quote
    for m in _generic_treaty_matches(text):
        if any(a <= m.start("head") < b for a, b in taken):
            continue
        if re.search(r"\b(?:no|any|neither|nor|without)\s+(?:\w+\s+){0,2}$", text[max(0, m.start() - 30):m.start()], re.I) \
                and not m.group("det"):
            continue   # "signed no treaty or agreement": none was signed
        if _SUPERLATIVE.search(m.group("mods") or "") and not _first_one_signed(text, m) \
                or re.search(r"\b(?:most|least)\s+[a-z]+\s*$", text[max(0, m.start() - 20):m.start()]):
            continue
        if m.group("head") in ("deal", "compact") and not _DEAL_SIGNED.search(text):
            continue   # a "deal" is a treaty only when the story has it signed ("signed a border deal")
        if m.group("head") == "charter" \
                and not _CHARTER_SIGNED.search(text[max(0, m.start("head") - 60):m.start("head")]):
            continue   # a charter is a treaty when signing it is told: "signed a charter creating X"
            # (not "a charter flight", nor "initialled the charter rather than signing it")
        det = (m.group("det") or "").lower()
        raw_mods = m.group("mods").split()
        if raw_mods and not m.group("det") and not m.group("year") and text[m.start("mods") - 1:m.start("mods")] == "-":
            raw_mods = raw_mods[1:]   # ("a 10-year defence pact": "year" is the end of a word, no modifier)
        dets = [i for i, w in enumerate(raw_mods) if w.lower() in ("a", "an", "the", "this", "that", "its", "their")]
        year = m.group("year")
        if dets:   # "sides signed an agreement": the match began before the article
            det, raw_mods = raw_mods[dets[-1]].lower(), raw_mods[dets[-1] + 1:]
            year = None   # ("the pact of 1990 replaced the border treaty": that year is the other one's)
        if year is None and not det:
            # "the 1994 Israel-Jordan peace treaty", "a 1971 Indo-Soviet pact": the year before the
            # parties' names (which the lower-case modifiers stop at)
            lead = _YEAR_BEFORE_NAMES.search(text[max(0, m.start() - 60):m.start()])
            if lead:
                det, year = lead.group(1).lower(), lead.group(2)
        mods = [w for w in raw_mods if w.lower() not in _GENERIC_SKIP_MODS]
        if any(_not_a_mod(w) for w in mods):
            mods = [w for w in mods[[i for i, w in enumerate(mods) if _not_a_mod(w)][-1] + 1:]]
        if mods and not all(w.isalpha() for w in mods):
            mods = []
        first = m.start("det") if m.group("det") else (m.start("year") if m.group("year") else m.start("head"))
        if dets and m.group("year"):
            # (the mention starts at its own article, not at the other treaty's year before it)
            at = [d.start() for d in re.finditer(r"\b(?:a|an|the|this|that|its|their)\b", m.group("mods"), re.I)]
            first = m.start("mods") + at[-1] if at else first
        founds = _FOUNDING.match(text, m.end()) if not m.group("of") and not m.group("about") \
            and det in ("the", "a", "an", "its", "their", "") else None
        if founds and ref.lookup_state(re.sub(r"^the\s+", "", founds.group("org"))) is None:
            verb, org, head = founds.group("verb").split()[0], founds.group("org"), m.group("head").capitalize()
            if not org.startswith("the ") and len(org.split()) >= 2 and not org.split()[0].isupper():
                org = "the " + org   # (a headline drops the article: "sign treaty founding Arab Maghreb Union")
            # (a charter is the body's own: "Charter of the X"; a treaty "establishing" it)
            name = f"{head} of {org}" if head == "Charter" else f"{head} establishing {org}"
            said = {f"{head} {verb} {org}", f"{head} establishing {org}"}
            if founds.group("acr"):
                said.add(f"{head} establishing {founds.group('acr')}")
            s.treaties.append(Mention("treaty", name, base + first, base + founds.end("org"),
                                      extra={"kind": "named", "year": year, "described": sorted(said - {name})}))
            taken.append((m.start(), founds.end()))
            continue
        s.treaties.append(Mention("treaty", m.group(0), base + first, base + m.end(),
                                  extra={"kind": "generic", "year": year,
                                         "head": m.group("head").lower(), "of": m.group("of"),
                                         "about": (m.group("prep"), m.group("about")) if m.group("about") else None,
                                         "mods": mods, "det": det}))
    for m in _INCLUDING_ONE.finditer(text):
        # "signed seven agreements, including one on sharing river waters": that one, unnamed
        if any(a <= m.start("one") < b for a, b in taken):
            continue
        words = m.group("about").split()
        while words and words[-1].lower() in ("of", "the", "a", "an", "for", "between", "and"):
            words.pop()
        if not words:
            continue
        s.treaties.append(Mention("treaty", m.group(0)[m.start("one") - m.start():], base + m.start("one"), base + m.end(),
                                  extra={"kind": "generic", "year": None, "head": m.group("plural").lower()[:-1],
                                         "of": None, "about": (m.group("prep").lower(), " ".join(words)),
                                         "mods": [], "det": "a"}))
    if _SIGNED_WORD.search(text):
        for m in _AGREEMENTS_ON.finditer(text):
            # "the two sides signed agreements on oil, security and trade": one on each
            if any(a <= m.start("list") < b for a, b in taken):
                continue
            head = m.group("plural").lower().rstrip("s")
            head = "treaty" if head == "treatie" else head
            said = (m.group("count") or "").lower()
            count = _NUMBER_WORDS.get(said) or (int(said) if said.isdigit() else None)
            if count is not None and (count >= 10 or count >= 2 * len(_TOPIC.findall(m.group("list")))):
                # "signed 37 agreements covering farming, trade and energy": many more documents
                # than topics, one package of them, not one on each topic
                at = base + m.start("plural")
                s.treaties.append(Mention("treaty", m.group("plural"), at, at + len(m.group("plural")),
                                          extra={"kind": "generic", "year": None, "head": head, "of": None,
                                                 "about": None, "mods": [], "det": "a", "listed": True}))
                continue
            for t in _TOPIC.finditer(m.group("list")):
                topic = t.group(1)
                if len(topic.split()) > (7 if topic.startswith("the ") else 4) or topic in ("other", "others", "more", "issues"):
                    continue
                if re.match(r"[a-z]+ed\s+(?:a|an|the|their|its)\b", topic):
                    break   # "accords on gas, transport and finance, and adopted a declaration": the next verb
                at = base + m.start("list") + t.start(1)
                s.treaties.append(Mention("treaty", topic, at, at + len(topic),
                                          extra={"kind": "generic", "year": None, "head": head, "of": None,
                                                 "about": ("on", topic), "mods": [], "det": "a", "listed": True}))
    s.treaties.sort(key=lambda t: t.start)
    # a year inside a treaty's mention ("the 1992 Baltic Herring Convention") dates that treaty,
    # not the event the sentence reports
    s.dates = [d for d in s.dates if not any(t.start <= d.start < t.end for t in s.treaties
                                             if t.extra.get("year"))]
    # nor is a day word inside a treaty's name ("the Good Friday Agreement")
    s.dates = [d for d in s.dates if re.search(r"\d", d.text) or not any(
        t.start <= d.start < t.end and t.extra.get("kind") == "named" and d.text in t.text for t in s.treaties)]
