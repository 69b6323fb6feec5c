"""People's names: canonical labels, name tokens, cleaning a NER span into a name, and
look-ups of states and people in the reference data by key or by one-word name."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .. import reference as ref
from ..dates import _MONTH_NUM
from .lexicon import (
    HONORIFICS, LEADER_TITLES, NAME_PARTICLES, NAME_STOP, OFFICIAL_TITLES, POSTNOMINALS, portfolio_word, _PLURAL_TITLES,
)


@lru_cache(maxsize=1)
def _states_by_key() -> dict[str, Any]:
    return {f"state/{ref.slugify(s.label)}": s for s in ref.states()}


def _state_by_key(key: str) -> Any:
    return _states_by_key().get(key)


@lru_cache(maxsize=1)
def _people_by_surname() -> dict[str, Any]:
    """One-word names ("Putin") that fit exactly one person of the reference data."""
    seen: dict[str, list[Any]] = {}
    last: dict[str, list[Any]] = {}   # the same, by the last word of a name only
    for p in ref.people():
        for name in (p.label, *p.aliases):
            toks = _name_tokens(name)
            if len(toks) == 1 and toks[0] not in _NOT_A_NAME:   # one name only: "Suharto"
                if p not in seen.setdefault(toks[0], []):
                    seen[toks[0]].append(p)
                if p not in last.setdefault(toks[0], []):
                    last[toks[0]].append(p)
            if len(toks) >= 2:
                for t in {toks[0], toks[-1]}:
                    if t in _NOT_A_NAME:
                        continue   # "Chairman Mao", "King Salman": a title, not a name of one person
                    if p not in seen.setdefault(t, []):
                        seen[t].append(p)
                if toks[-1] not in _NOT_A_NAME and p not in last.setdefault(toks[-1], []):
                    last[toks[-1]].append(p)
    out = {t: ps[0] for t, ps in seen.items() if len(ps) == 1}
    # a surname one person has wins over a first name another has ("Kennedy": John F. Kennedy, not
    # Kennedy Simmonds)
    out.update({t: ps[0] for t, ps in last.items() if len(ps) == 1 and t not in out})
    return out


@lru_cache(maxsize=1)
def _family_names() -> dict[str, tuple[str, ...]]:
    """Reference labels by family name: the last word, or the first ("Park Geun-hye", "Xi Jinping")."""
    idx: dict[str, list[str]] = {}
    for p in ref.people():
        toks = _name_tokens(p.label)
        for t in dict.fromkeys(toks[:1] + toks[-1:]):
            idx.setdefault(t, []).append(p.label)
    return {t: tuple(v) for t, v in idx.items()}


def _labels_by_family_name(name: str) -> tuple[str, ...]:
    return _family_names().get(name.lower(), ())


_NOT_A_NAME = frozenset({w for t in LEADER_TITLES | OFFICIAL_TITLES for w in t.split()} | NAME_PARTICLES | {
    "sheikh", "prince", "princess", "emir", "amir", "sultan", "king", "queen", "shah", "mr", "mrs", "ms", "dr",
    "sir", "lord", "lady", "general", "marshal", "colonel", "chairman", "president", "premier", "pope",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"})


def _person_by_short(token: str) -> Any:
    return _people_by_surname().get(token.lower())


# words of a day's name the NER may take into a name that follows it
_DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "christmas", "boxing", "day", "eve", "new", "year's", "year’s"}


# a part someone plays at a gathering, capitalised at the start of a sentence or line
_ROLE_WORDS = {"host", "co-host", "guest", "visiting", "chair", "co-chair"}


# one-word titles the NER may take into the name after them
# a monarch's title ("King Salman", "Sultan Qaboos"; never "Sheikh", a part of some names)
_MONARCHS = {"king", "queen", "sultan", "emir"}
_LEADING_TITLES = {"chairman", "chairwoman", "president", "premier", "chancellor", "minister", "secretary",
                   "ambassador"} | _MONARCHS   # ("[King] Juan Carlos I")


def _clean_person(text: str) -> str | None:
    t = re.sub(r"['’]s?$", "", text.strip())
    t = re.sub(r"\s*\((?:[LR]|left|right|center|centre)\)\s*$", "", t)
    t = t.strip(" ,.;:'\"“”‘’")
    toks = t.replace("\u00a0", " ").split()
    while len(toks) > 1 and toks[0].lower() in _DAY_WORDS:   # "[Boxing Day] Trudeau", "[Monday] Ruto"
        toks.pop(0)
    if len(toks) > 2 and toks[0].lower() in _MONTH_NUM:
        toks.pop(0)   # "On 9 [November] Deng Xiaoping flew": the date's month, not a given name
    while toks and (toks[-1].lower() in NAME_STOP or toks[-1].lower() in POSTNOMINALS and len(toks) > 2):
        if toks[-1].lower().rstrip(".") in ("jr", "sr") and ref.lookup_person(" ".join(toks)) is not None:
            break   # "Ferdinand R. Marcos Jr.": the suffix tells a known person from a parent
        toks.pop()
    if len(toks) >= 2 and toks[0].lower() in ("datuk", "dato", "dato'", "tan") and toks[1].lower() in ("seri", "sri"):
        toks = toks[2:]   # "Datuk Seri Anwar Ibrahim", "Tan Sri X": a Malay style, one courtesy
    if toks and all(t.lower() in HONORIFICS for t in toks):
        return None   # a courtesy alone is no one's name
    while len(toks) > 2 and (toks[0].lower() in HONORIFICS or toks[0].lower() == "the" and toks[1].lower() in HONORIFICS):
        # "the Hon James Marape": a courtesy, not a name
        toks.pop(0)
    while len(toks) > 2 and toks[0].lower() in _LEADING_TITLES:
        toks.pop(0)   # "[Chairman] Mao Zedong", "[President] Ram Baran Yadav" taken into the NER's name
    if len(toks) == 2 and toks[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "gen", "col", "adm", "shri", "smt",
                                                            "alhaji", "alhaja", "seyyed", "sayyid"):
        toks.pop(0)   # "Mr. Leoni", "Gen. Abacha": the surname of someone named in full elsewhere
    while len(toks) > 2 and toks[0].lower() in _ROLE_WORDS:   # "[Host] A B" at the start of a line
        toks.pop(0)
    while len(toks) > 2 and toks[0].lower() in _PLURAL_TITLES:   # "[Ministers] A B" of "Prime Ministers A and B"
        toks.pop(0)
    while len(toks) > 2 and portfolio_word(toks[0]):  # "Minister of [Maritime Economy] Andrzej Kowalczyk"
        toks.pop(0)
    if not toks:
        return None
    if len(toks) > 2 and toks[0].lower().rstrip(".") in _NAME_HONORIFICS \
            and ref.lookup_person(" ".join(toks)) is None and ref.lookup_person(" ".join(toks[1:])) is not None:
        toks.pop(0)   # "Sheikh [Nawaf Al-Ahmad Al-Jaber Al-Sabah]": a courtesy before a name the reference knows
    # at most four words besides particles ("Luiz Inacio Lula da Silva"), or a name the
    # reference data knows at any length ("Mohammed bin Salman bin Abdulaziz Al Saud")
    if len([t for t in toks if t.lower() not in NAME_PARTICLES]) > 4 \
            and ref.lookup_person(" ".join(toks)) is None:
        return None
    for tok in toks:
        if tok.lower() in NAME_PARTICLES:
            continue
        if re.fullmatch(r"(?:al|el|bin|ibn|de|da|di|du|van|von|le|la|ould)-[A-ZÀ-Þ][\w'’.-]*", tok):
            continue
        if not re.fullmatch(r"[A-ZÀ-Þ][\w'’.-]*", tok) or tok.lower() in NAME_STOP:
            return None
    name = " ".join(toks)
    if ref.lookup_state(name) or ref.lookup_place(name):
        return None
    if name.lower() in LEADER_TITLES or name.lower() in OFFICIAL_TITLES:
        return None
    return name


# courtesies only a person's name takes
_NAME_HONORIFICS = {"dame", "sir", "lady", "lord", "sheikh", "sheikha", "mr", "mrs", "ms", "dr"}


# the last word of a building's or a street's name, never of a person's
BUILDINGS = {"house", "palace", "hall", "building", "buildings", "square", "centre", "center", "airport", "hotel",
             "castle", "residence", "court", "gardens", "park", "bridge", "street", "road", "avenue", "lodge", "villa"}


def _org_is_person(ent: Any) -> bool:
    """An ORG span that is a person's name: title-case words, and an office right before it or
    in an apposition right after it ("Almaz Toktogulov, the foreign minister of ...")."""
    words = ent.text.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ'’]+)*", w) or 0 < i < len(words) - 1
                                           and w.lower() in NAME_PARTICLES for i, w in enumerate(words)):
        return False
    if any(w.lower() in NAME_STOP for w in words) or words[-1].lower() in BUILDINGS:
        return False   # (nor "At State House, the President ...": a building, then who was there)
    if len(words) >= 3 and words[0].lower().rstrip(".") in _NAME_HONORIFICS:
        return True   # "Dame Sandra Mason", "Sir Tom Davis": a courtesy before a person's name
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "for" and doc[ent.end + 1].ent_type_ == "GPE" \
            and ent.start >= 1 and doc[ent.start - 1].lower_ == "and" \
            and re.search(r"\bsigned\s+for\b", ent.sent.text):
        return True   # "A signed for X and B for Y": B signed too
    before = " ".join(t.lower_ for t in doc[max(0, ent.start - 3):ent.start])
    after = " ".join(t.lower_ for t in doc[ent.end:ent.end + 9]).replace(" - ", "-")
    if _office_before().search(before) or _office_after().match(after):
        return True
    if re.search(r"\bcounterparts?\s*,?\Z", before):
        return True   # "and his Chilean counterpart, A B C": a name after the phrase
    if ent.start >= 2 and doc[ent.start - 1].text == "," and doc[ent.start - 2].ent_type_ == "GPE":
        # "the Minister of Defence of Papua New Guinea, Win Bakri Daki,": a name after its office
        lead = " ".join(t.lower_ for t in doc[max(ent.sent.start, ent.start - 12):ent.start - 1])
        if re.search(r"\b(?:minister|president|secretary|ambassador|premier|chancellor|envoy|king|emir|"
                     r"head\s+of\s+(?:state|government))\b[\w\s'’-]*\bof\b(?:\s+the)?[\w\s'’-]*$", lead):
            return True
    # "the foreign ministers, A B and Paul-Henri Spaak": the second name of a pair under a plural title
    if ent.start >= 2 and doc[ent.start - 1].lower_ in ("and", ",") and doc[ent.start - 2].ent_type_ == "PERSON":
        first = ent.start - 2
        while first > ent.sent.start and doc[first - 1].ent_type_ == "PERSON":
            first -= 1
        if re.search(r"\b(?:ministers|presidents|leaders|premiers|heads of (?:state|government))\s*,\s*$",
                     doc[ent.sent.start:first].text.lower()):
            return True
    # "the foreign ministers, Amina Diallo of Senegal and Omar Ba of Mauritania": a name followed
    # by "of STATE" in a list under a plural title
    k = ent.end + 1 + (ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ == "the")
    if ent.end < len(doc) and doc[ent.end].lower_ == "of" and k < len(doc) \
            and doc[k].ent_id_.startswith("state/"):
        sent_before = doc[ent.sent.start:ent.start].text.lower()
        return bool(re.search(r"\b(?:ministers|presidents|leaders|premiers|prime ministers|heads of "
                              r"(?:state|government)|envoys|ambassadors|negotiators|chiefs)\b", sent_before))
    return False


@lru_cache(maxsize=1)
def _office_before() -> re.Pattern[str]:
    titles = sorted(map(re.escape, LEADER_TITLES | OFFICIAL_TITLES), key=len, reverse=True)
    # the title, or its plural before a list of names ("the two foreign ministers, A and B")
    return re.compile(r"(?:" + "|".join(titles) + r")(?:s\s*,)?\Z")


@lru_cache(maxsize=1)
def _office_after() -> re.Pattern[str]:
    titles = sorted(map(re.escape, LEADER_TITLES | OFFICIAL_TITLES), key=len, reverse=True)
    # (", the country's foreign minister": an apposition; ", signed by Minister X": not one)
    return re.compile(r"^, (?:the |a |an )?(?:(?!(?:by|signed|with|and|in|at|on|for|to|from)\b)[\w.-]+ (?:'s |’s )?){0,2}?("
                      + "|".join(titles) + r")\b")


def _name_tokens(name: str) -> list[str]:
    """The words of a name, lower-cased, without a courtesy before it ("Sheikh", "Sir"): a
    courtesy alone names nobody ("Sheikh Tamim ... Kuwait's Emir Sheikh Mishal")."""
    toks = [t.lower() for t in re.split(r"[\s\-‐]+", name) if t]
    while len(toks) > 1 and (toks[0].rstrip(".") in _NAME_HONORIFICS or toks[0] in _CROWNED):
        toks = toks[1:]   # (nor a monarch's title of an alias: "King" of "King Salman" names no one)
    return toks


# a monarch's or a royal's title some aliases begin with ("King Salman", "Emperor Akihito")
_CROWNED = _MONARCHS | {"emperor", "empress", "prince", "princess", "crown"}


def canonical_person_label(name: str) -> str:
    """A canonical label shared by all spellings of a name ("Kim Jong-un" -> "Kim Jong Un")."""
    toks = [t for t in re.split(r"[\s\-‐]+", name) if t]
    return " ".join(t[:1].upper() + t[1:] if t.lower() not in NAME_PARTICLES else t for t in toks)


def _title_case(name: str) -> str:
    small = {"on", "of", "for", "between", "to", "the", "and", "in", "a", "an"}
    words = name.split()
    return " ".join(w if (i and w.lower() in small) else (w[:1].upper() + w[1:]) for i, w in enumerate(words))
