"""Which treaty a mention names: its key, label, year and parties. A named treaty (linked to the
reference data where it names one), an acronym, "the treaty" and "it" (the one just told), a
description ("the sea agreement"), an unnamed one by its kind, year and the states near it."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import reference as ref
from ..model import Entity, PartialDate, Ref
from .lexicon import ANAPHORIC_TIME, REPLACE_ACTIVE, SIGN_WORDS, TREATY_HEADS, TWO_STATES
from .nlp import _doc_text, _governed_by, _token_at_char
from .names import _title_case
from .mentions import _DATELINE_PLACE, SIGNED_JUST_BEFORE
from .context import _Article, Mention, Sentence
from .dating import (
    _BACK_TO_NOW, _YEAR, _in_own_clause, _resolve_dates, _retrospective, _story_year,
    _resolve_expr, _text_before, _year_in, _year_near, _year_of_a_noun,
)
from .modality import _has_past_evidence
from .scene import _news_of_the_day
from .summits import _recent_events
from .known_treaties import link


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_OF_DATE = re.compile(rf"^\s+of\s+(\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|{_MONTHS}\s+\d{{4}})\b")
_GENERIC_NAME = re.compile(
    r"^(?:(?:New|Bilateral|Basic)\s+)?(?:Treaty|Agreement|Accord|Pact|Convention|Protocol|Charter)"
    r"(?:\s+(?:of|on)\s+(?:Friendship|Amity|Cooperation|Peace|Alliance|Mutual Assistance|Non-Aggression|"
    r"Friendship(?:,)?\s+and\s+\w+(?:\s+and\s+\w+)?))?$")


def _signed_another_year(art: _Article, s: Sentence, key: str, m: Mention | None = None) -> bool:
    """The sentence's signing is dated in a year (or, both told by month, a month) other than the one
    the treaty ``key`` was signed in (a signing told in a participle or clause on another mention
    than ``m`` is that one's)."""
    sign = _sign_token(s)
    if sign is None:
        return False
    if m is not None and sign.dep_ in ("acl", "relcl") and any(
            o is not m and o.start <= sign.head.idx < o.end for o in s.treaties):
        return False   # "The Agreement replaces the Accord signed in 1995": the Accord's signing
    told = {f.obj.year for f in art.facts if f.subject == key and f.predicate == "signedOn"
            and isinstance(f.obj, PartialDate) and f.status is None}
    label = re.search(r"\((\d{4})\)$", art.entities[key].label) if key in art.entities else None
    if label is not None:
        told.add(int(label.group(1)))   # ("Treaty between A and B (1975)": the year it is known by)
    if not told:
        return False
    when, _ = _signing_date(art, s, sign)
    if when is not None and when.month is not None:
        months = {(f.obj.year, f.obj.month) for f in art.facts if f.subject == key and f.predicate == "signedOn"
                  and isinstance(f.obj, PartialDate) and f.status is None and f.obj.month is not None}
        if months and (when.year, when.month) not in months:
            return True   # ("signed in Lima in March ... put their names to the accord there in July": another)
    return when is not None and when.year not in told


# words that count a treaty's parties ("the three-party accord", "a bilateral agreement")
_PARTY_COUNT = {"bilateral": 2, "two-party": 2, "two-way": 2, "tripartite": 3, "three-party": 3, "three-way": 3,
                "trilateral": 3, "quadripartite": 4, "four-party": 4, "four-way": 4, "quadrilateral": 4}


def _told_in_another_story(art: _Article, s: Sentence, key: str) -> bool:
    """A roundup's new dateline ("KHARTOUM — ...") opens another story since the treaty was last
    told: "the agreement" of this one is not that treaty."""
    told = [x.block for x in art.sentences if x.index < s.index and key in x.treaty_keys]
    if not told:
        return False
    return any(max(told) < b <= s.block for b in art.dateline_blocks)


def _about_told(art: _Article, m: Mention) -> bool:
    """What "the agreement on X" is about is in the name of a treaty told (or it says nothing of
    its subject): "the agreement on security arrangements" after an overarching cooperation
    agreement is another one."""
    about = m.extra.get("about")
    words = [w for w in re.findall(r"[a-z]+", (about[1] if about else "").lower())
             if w not in ("the", "of", "and", "a", "an", "its", "their")]
    if not words:
        return True
    said = " ".join(" ".join([e.label, *e.alt_labels]) for k, e in art.entities.items() if k.startswith("treaty/")).lower()
    return all(re.search(rf"\b{re.escape(w[:5])}", said) for w in words)


def _treaty_entity(art: _Article, key: str, label: str, m: Mention | None = None) -> None:
    alts = set(m.extra.get("described", ())) if m is not None else set()
    if key not in art.entities:
        # "Agreement on border trade between A and B (2019)": also known without its year
        bare = re.sub(r"\s+\(\d{4}\)$", "", label)
        if bare != label:
            alts.add(bare)
        # "the Torres Strait Treaty between A and B": also known by its name alone
        short = re.match(r"^((?:[A-Z][\w'’-]*\s+){1,5}" + TREATY_HEADS + r")\s+between\s+[A-Z]", label)
        if short:
            alts.add(short.group(1))
        art.entities[key] = Entity(key, "Treaty", label, frozenset(alts - {label}))
    elif alts - art.entities[key].alt_labels - {art.entities[key].label}:
        ent = art.entities[key]
        art.entities[key] = replace(ent, alt_labels=ent.alt_labels | frozenset(alts - {ent.label}))


_WITH_STATE = re.compile(r"^,?\s+with\s+(?:the\s+)?")


def _with_another(art: _Article, s: Sentence, m: Mention) -> list[str] | None:
    """"The agreement with Denmark was signed on Friday", in a story whose treaties so far all have
    one party in common (Ukraine's with Italy, with Canada, ...): a treaty of that party and the
    state named, not the one told last. The parties, or None."""
    if m.extra.get("det") != "the" or m.extra.get("of") or m.extra.get("about"):
        return None
    text = _doc_text(s.span.doc)
    lead = _WITH_STATE.match(text[m.end:m.end + 30])
    if lead is None:
        return None
    at = m.end + lead.end()
    st = next((x for x in s.states if s.span.doc[x.start].idx == at), None)
    told = [k for k in dict.fromkeys(f.subject for f in art.facts if f.subject.startswith("treaty/")
                                     and f.predicate == "party" and f.evidence.section != "reference")]
    if st is None or not told:
        return None
    held = [{f.obj.key for f in art.facts if f.subject == k and f.predicate == "party" and isinstance(f.obj, Ref)}
            for k in told]
    common = set.intersection(*held)
    if len(common) > 1 and art.dateline_state in common:
        common = {art.dateline_state}   # (one treaty told: the party the story was filed from)
    if len(common) != 1 or st.key in common:
        return None
    return [next(iter(common)), st.key]


_NEWER = {"new", "newer"}
_OLDER = {"old", "older", "previous", "earlier", "original", "former"}


def _of_a_replacement(art: _Article, m: Mention) -> str | None:
    """"X, which replaced Y. The new treaty was signed by A": the one that replaced the other (and
    "the old treaty", the one replaced), when the article has told a replacement."""
    said = re.search(r"\bthe\s+(\w+)\s+[\w-]+$", m.text.lower())
    if said is None or said.group(1) not in _NEWER | _OLDER:
        return None
    told = next(((f.subject, f.obj.key) for f in reversed(art.facts) if f.predicate == "replaces"
                 and f.evidence.section != "reference" and f.subject in art.entities
                 and getattr(f.obj, "key", None) in art.entities), None)
    if told is None:
        return None
    return told[0] if said.group(1) in _NEWER else told[1]


def _treaty_key(art: _Article, m: Mention, s: Sentence, prev: Sentence | None) -> tuple[str, str, PartialDate | None, list[str]] | None:
    """(key, label, year, parties) of a treaty mention, or None when it cannot be identified."""
    year = PartialDate(int(m.extra["year"])) if m.extra.get("year") else None
    kind = m.extra["kind"]
    other = _with_another(art, s, m) if kind == "generic" and not m.extra.get("named_parties") else None
    if other is not None:
        m.extra["named_parties"] = other   # "the agreement with Denmark": another one of the same kind
    if kind == "acronym":
        ent = art.entities.get(m.extra["key"])
        return (m.extra["key"], ent.label, None, []) if ent is not None else None
    if kind == "anaphor" or (kind == "generic" and m.extra.get("det") in ("the", "this", "that", "its")
                             and not m.extra.get("of") and not m.extra.get("mods") and year is None
                             and not m.extra.get("named_parties") and _about_told(art, m)):
        # "the Treaty", "the accord": the article's most recent named treaty of that kind
        # (an accord is not the convention it replaced), else the most recent one
        swap = _of_a_replacement(art, m)
        if swap is not None:
            return swap, art.entities[swap].label, None, []
        if m.text.split()[0].lower() == "that" and prev is not None and prev.treaty_keys \
                and prev.treaty_keys[-1] in art.treaty_labels:
            # "... supersede the 1903 treaty. That treaty was signed by A": the treaty the sentence
            # before told last, named or not
            last = prev.treaty_keys[-1]
            return last, art.treaty_labels[last], None, []
        if m.text.lower() == "it" and prev is not None and len(set(prev.treaty_keys)) == 1 \
                and prev.treaty_keys[0] in art.entities and prev.block == s.block:
            # "The 1958 treaty went further. It was signed on 3 February by A": the one treaty the
            # sentence before told of, signed or not
            return prev.treaty_keys[0], art.entities[prev.treaty_keys[0]].label, None, []
        just = _last_told_treaty(art)
        if m.text.lower() in ("it", "this") and just in art.entities and _told_just_before(art, just, prev):
            # "... looked on as an accord on X was signed. It was signed by A and B": that one,
            # named or not
            return just, art.entities[just].label, None, []
        if art.treaty_keys:
            head = (m.extra.get("head") or m.text).lower().rstrip("s")
            same = [k for k in art.treaty_keys
                    if head in {w.lower().rstrip("s") for w in re.findall(r"[\w-]+", art.entities[k].label)}]
            if not same:
                # "A and B signed the treaty that closed the feud ... a year before came the Y
                # Accords ... the treaty was ratified in May": the unnamed treaty told before, of the same kind
                told = next((f.subject for f in reversed(art.facts) if f.subject.startswith("treaty/")
                             and f.subject in art.entities and f.subject not in art.treaty_keys
                             and f.evidence.section != "reference"
                             and head in {w.lower().rstrip("s") for w in
                                          re.findall(r"[\w-]+", art.entities[f.subject].label)}), None)
                if told is not None and not _signed_another_year(art, s, told, m) \
                        and not _told_in_another_story(art, s, told):
                    return told, art.entities[told].label, None, []
            other_document = not same and head in ("protocol", "convention", "charter", "memorandum", "arrangement")
            if other_document and (kind != "generic" or _sign_token(s) is None or len({x.key for x in s.states}) < 2):
                return None   # "the protocol", "the convention": another document than the treaty told
            if not other_document:
                key = (same or art.treaty_keys)[-1]
                if _signed_another_year(art, s, key, m) or _told_in_another_story(art, s, key):
                    return None   # "the accord, signed in 2018, ..." after a treaty signed in 2023: another one
                ent = art.entities[key]
                return key, ent.label, None, []
            # ("in 1972 A, B and C concluded the convention establishing X", after the story's
            # agreement: that other document, signed by states this sentence names, is an unnamed one)
        told = None if art.treaty_keys else next(
            (f.subject for f in reversed(art.facts) if f.subject.startswith("treaty/")
             and f.subject in art.entities and f.evidence.section != "reference"), None)
        if told is not None and not _signed_another_year(art, s, told, m) and not _told_in_another_story(art, s, told):
            # "A and B signed an agreement on X. The pact was signed by ...": the unnamed one just told
            return told, art.entities[told].label, None, []
        if kind != "generic" or _sign_token(s) is None:
            return None
        # "The agreement was signed by A and B" before any treaty is named: an unnamed one
    named_parties = m.extra.get("named_parties") or []
    mods = {w.lower() for w in m.extra.get("mods") or []}
    if kind == "generic" and m.extra.get("det") in ("the", "this", "that") and year is None and mods \
            and not mods & _NOT_THE_SAME and not m.extra.get("of") and not m.extra.get("about") and not named_parties:
        # "A and B signed an agreement fixing their sea line ... the sea agreement must be
        # ratified": the last treaty told in words that hold these ones
        told = None
        for f in reversed(art.facts):
            if not f.subject.startswith("treaty/") or f.subject not in art.entities or f.evidence.section == "reference":
                continue
            ent = art.entities[f.subject]
            # (not the words of this very sentence: "the pact of 1990 replaced the border treaty")
            said = " ".join([ent.label, *ent.alt_labels,
                             *(x.evidence.sentence for x in art.facts if x.subject == f.subject
                               and x.evidence.sentence != s.text)])
            count = {x.obj for x in art.facts if x.subject == f.subject and x.predicate == "party"}
            # ("the three-party accord" after one of three states: that one)
            if all(re.search(rf"\b{re.escape(w)}\b", said, re.I) or _PARTY_COUNT.get(w.lower()) == len(count)
                   for w in mods) \
                    and not _signed_another_year(art, s, f.subject, m):
                told = f.subject
                break
        if told is not None:
            for alias in _described(s, m, None):
                _also_known_as(art, told, alias)
            return told, art.entities[told].label, None, []
    if kind == "generic" and m.extra.get("det") in ("the", "this", "that") and year is not None \
            and not m.extra.get("of") and not m.extra.get("about"):
        # "the 1948 pact", "that 1992 treaty": the one treaty the article told as signed that year
        told = _told_of_year(art, year.year, mods - _DULL_MODS)
        if told is not None:
            return told, art.entities[told].label, None, []
    if kind == "generic" and m.extra.get("det") in ("the", "this", "that", "its") and year is None \
            and len(named_parties) >= 2 and art.treaty_keys:
        # "the Sino-Nepalese accord" after a named treaty: that treaty, its parties told
        key = art.treaty_keys[-1]
        told = {f.obj.key for f in art.facts if f.subject == key and f.predicate == "party"}
        head = (m.extra.get("head") or "").lower().rstrip("s")
        same_kind = head in {w.lower().rstrip("s") for w in re.findall(r"[\w-]+", art.entities[key].label)}
        if told == set(named_parties) or not told and same_kind and not _signed_another_year(art, s, key, m):
            m.extra["describes_known"] = True
            return key, art.entities[key].label, None, named_parties
    parties = named_parties or _parties_near(art, s, prev, m)
    if kind == "named":
        name = _title_case(m.text)
        # "Russia-DPRK Treaty": parties named in the name itself
        head = re.match(r"^([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+" + TREATY_HEADS + "$", m.text)
        if head:
            a, b = ref.lookup_state(head.group(1)), ref.lookup_state(head.group(2))
            # state names ("Russia-DPRK Treaty") describe a treaty already named; demonyms
            # ("the British-Irish Agreement") are the conventional name of a treaty of its own
            by_demonym = any(st is not None and part.lower() in {d.lower() for d in st.demonyms}
                             for st, part in ((a, head.group(1)), (b, head.group(2))))
            if a and b and not by_demonym and art.treaty_keys:
                pk = sorted([f"state/{ref.slugify(a.label)}", f"state/{ref.slugify(b.label)}"])
                key = art.treaty_keys[-1]
                known = link(art, name, None)
                if known is not None:   # the treaty told before is the one the reference knows by this name
                    art.linked_treaties.setdefault(key, (known, s, " ".join(m.text.split())))
                return key, art.entities[key].label, None, pk
            if a and b and not by_demonym and ref.lookup_treaty(name) is None:
                if not SIGNED_JUST_BEFORE.search(_doc_text(s.span.doc)[max(0, m.start - 40):m.start]):
                    return None
                # "A and B signed the Nauru-Australia Treaty": the name the signing gives it, of those two
                parties = [f"state/{ref.slugify(a.label)}", f"state/{ref.slugify(b.label)}"]
        of_year = re.search(r"\s+of\s+(1[6-9]\d\d|20\d\d)$", name)
        if of_year:
            name = name[: of_year.start()]
            year = year or PartialDate(int(of_year.group(1)))
        of_date = _OF_DATE.match(_doc_text(s.span.doc)[m.end:m.end + 40])
        if of_date:   # "the Treaty of Good Neighbours of 2 May 1987": the date it bears
            got = _resolve_expr(art, of_date.group(1), "past")[0]
            if got is not None and got.month is not None:   # "of 2 May 1987", "of December 1973"
                m.extra["of_date"] = got
                year = year or PartialDate(got.year)
        if year is None:
            year = _year_near(art, s, m)
        slug = ref.slugify(name)
        alias_of = next((k for k in reversed(art.treaty_keys)
                         if slug in {ref.slugify(a) for a in art.entities[k].alt_labels}), None)
        if alias_of is not None:   # "the Moscow Treaty" after "the X Treaty, or Moscow Treaty"
            return alias_of, art.entities[alias_of].label, year, parties
        known = link(art, name, year)
        if known is not None:   # "the ABM Treaty": the reference treaty, under its own name
            name = known.label
            key = f"treaty/{ref.slugify(name)}" + (f"-{year.year}" if year and _GENERIC_NAME.match(name) else "")
            art.linked_treaties.setdefault(key, (known, s, " ".join(m.text.split())))
            return key, name, year, parties
        # a distinctive name is the treaty's identity; a generic one needs its year
        generic = bool(_GENERIC_NAME.match(name))
        key = f"treaty/{ref.slugify(name)}" + (f"-{year.year}" if year and generic else "")
        return key, name, year, parties
    # an unnamed treaty: described by its kind, year and parties
    if year is None:
        year = _year_near(art, s, m)
        sign = _sign_token(s)
        if year is None and sign is not None:
            d, _ = _resolve_dates(art, s, sign, "past")
            year = PartialDate(d.year) if d is not None else None
        if year is None and prev is not None and ANAPHORIC_TIME.match(s.text):
            year = _year_in(art, prev)
        if year is None and sign is not None and (sign.tag_ == "VBD" or _has_past_evidence(sign)):
            year = _story_date(art, s)
            year = PartialDate(year.year) if year is not None else None
    if len(parties) >= 2 and m.extra.get("det") in ("the", "this", "that", "its", "their"):
        # ("the 1998 accord": the one of that year, not the 1985 one of the same two)
        known = _same_parties(art, parties, int(m.extra["year"]) if m.extra.get("year") else None)
        if known is not None and re.search(r"\b" + REPLACE_ACTIVE + r"\s*$",
                                           _doc_text(s.span.doc)[max(0, m.start - 60):m.start], re.I):
            known = None   # "... is an updated version of the 1962 pact": another, older one
        if known is not None:
            said = re.findall(r"[a-z]+", " ".join([m.extra.get("of") or "", (m.extra.get("about") or ("", ""))[1]]).lower())
            named = set(re.findall(r"[a-z]+", art.entities[known].label.lower()))
            if any(w not in named and w not in ("and", "the", "of") for w in said):
                known = None   # "the treaty of commerce" is not the treaty of friendship of the same two
        if known is not None and _signed_another_year(art, s, known, m):
            known = None   # "the accord, signed in 2015, ..." is not the one they signed on Thursday
        if known is not None:   # a definite description of a treaty already told
            return known, art.entities[known].label, None, parties
    alongside = _SIGNED_ALONGSIDE.match(s.text) or _SAME_OCCASION.search(s.text)
    if alongside and _last_told_treaty(art) is not None and (len(parties) < 2 or year is None):
        # "Also signed was an agreement on fisheries": between the parties of the signing just told
        last = _last_told_treaty(art)
        if len(parties) < 2:
            parties = sorted({f.obj.key for f in art.facts if f.subject == last and f.predicate == "party"
                              and isinstance(f.obj, Ref)}) or parties
        if year is None:
            year = next((PartialDate(f.obj.year) for f in art.facts if f.subject == last and f.predicate == "signedOn"
                         and isinstance(f.obj, PartialDate)), None)
    if len(parties) < 2 and year is not None:
        # "a 1967 treaty signed in Kampala by A, B and C": the states its signers served
        parties = _states_of_agents(art, s) or parties
    if len(parties) < 2 and _EARLIER.match(m.text):
        # "the Treaty for the Extradition of X ... An earlier extradition treaty was signed in
        # 2007": an older one between the parties of the treaty of that kind told before
        parties = _parties_of_the_kind(art, m) or parties
    if len(parties) < 2 or year is None:
        return None
    desc = m.extra.get("of")
    mods = m.extra.get("mods") or []
    head = m.extra["head"]
    about = m.extra.get("about")
    if about:   # "an agreement on the marking of the [Andean frontier]": no dangling "of the"
        words = about[1].split()
        while words and words[-1].lower() in ("of", "the", "a", "an", "for", "between"):
            words.pop()
        about = (about[0], " ".join(words)) if words else None
    noun = (" ".join(mods) + " " if mods else "") + head + (f" of {desc}" if desc else "") \
        + (f" {about[0]} {about[1]}" if about else "")
    parties = [art.state(p) for p in parties]   # (a state known only from the dateline: an entity now)
    names = [art.entities[p].label for p in sorted(parties)]
    label = f"{noun[0].upper()}{noun[1:]} between {' and '.join(names)} ({year.year})"
    key = "treaty/" + "-".join(ref.slugify(art.entities[p].label) for p in sorted(parties)) + f"-{year.year}"
    if mods:
        key += "-" + ref.slugify(" ".join(mods))
    if about:
        key += "-" + ref.slugify(f"{head} {about[1]}")
    if _EARLIER.match(m.text):
        art.older_treaties.add(key)   # ("an earlier extradition treaty" is not the named one told)
    return key, label, year, parties


_ALSO_SIGNED = re.compile(r"\b[Aa]lso\s+(?:\w+\s+)?(?:signed|concluded|inked|initialled)\b")


def _story_date(art: _Article, s: Sentence, named: bool = False) -> PartialDate | None:
    """The date of a past signing that states none of its own ("the two sides signed an
    agreement on fisheries"): the story's current date — a meeting or visit told in the last few
    sentences, else a year stated earlier in the same paragraph, else the news the article reports
    (an event dated in the week before the article's date), else the article's year. A named treaty
    ("X signed the Treaty of Y") takes only the first two: it may be an old one."""
    if _YEAR.search(s.text):
        return None   # the sentence's own years are other events': better none than a guess
    if _ALSO_SIGNED.search(s.text):
        # "both sides also signed a pact on X": at the signing just told
        last = next((f.obj for f in reversed(art.facts) if f.predicate == "signedOn" and f.status is None
                     and isinstance(f.obj, PartialDate)), None)
        if last is not None:
            return last
    dated = [e for e in _recent_events(art, s) if e.start is not None and e.extra.get("block") == s.block]
    if dated:
        return dated[-1].start
    years = _YEAR.findall(_doc_text(s.span.doc)[:s.span.start_char])
    if years:
        return PartialDate(int(years[-1]))
    if named or art.article_date is None:
        return None
    news = [e for e in art.events if e.kind in ("Summit", "Visit") and e.start is not None
            and _news_of_the_day(art, e.start)]
    if news:
        return news[-1].start
    before = _text_before(art, s, len(_doc_text(s.span.doc)))
    if _retrospective(art) and not _BACK_TO_NOW.search(before.rsplit("\n\n", 1)[-1]):
        # an article looking back at an old story: the story's year, not the article's (unless
        # the paragraph has come back to its own time: "Six decades later, ...")
        story = _story_year(before)
        if story is not None and story <= art.article_date.year - 2:
            return PartialDate(story)
    return PartialDate(art.article_date.year)


def _told_of_year(art: _Article, year: int, words: set[str]) -> str | None:
    """The one treaty the article told as signed in ``year`` whose name holds ``words``, if one."""
    told = {f.subject for f in art.facts if f.subject.startswith("treaty/") and f.predicate == "signedOn"
            and isinstance(f.obj, PartialDate) and f.obj.year == year and f.status is None
            and f.evidence.section != "reference" and f.subject in art.entities}
    told = {k for k in told if words <= {w.lower() for w in re.findall(r"[\w-]+", " ".join(
        [art.entities[k].label, *art.entities[k].alt_labels]))}}
    return next(iter(told)) if len(told) == 1 else None


def _same_parties(art: _Article, parties: list[str], year: int | None = None) -> str | None:
    """The treaty this article already gave exactly these parties, most recent first ("the
    Chilean-Bolivian pact" after "a pact on river transport between" the two); with a year, the
    one signed that year (or of no known year)."""
    want = set(parties)
    got: dict[str, set[str]] = {}
    for f in art.facts:
        if f.predicate == "party" and f.subject.startswith("treaty/"):
            got.setdefault(f.subject, set()).add(f.obj.key)
    for key in reversed(list(got)):
        if got[key] == want:
            years = {f.obj.year for f in art.facts if f.subject == key and f.predicate == "signedOn"
                     and isinstance(f.obj, PartialDate)}
            if year is None or not years or year in years:
                return key
    return None


# a mention of an older treaty of a kind told before ("an earlier extradition treaty")
_EARLIER = re.compile(r"^(?:an?|the)\s+(?:earlier|previous|older|former|original)\s+", re.I)


def _parties_of_the_kind(art: _Article, m: Mention) -> list[str]:
    """The parties of the last treaty told whose name holds the mention's words ("extradition
    treaty": the Treaty on Extradition signed earlier)."""
    words = [w.lower() for w in m.extra.get("mods") or [] if w.lower() not in _DULL_MODS]
    head = (m.extra.get("head") or "").lower()
    if not words:
        return []
    for f in reversed(art.facts):
        ent = art.entities.get(f.subject)
        if not f.subject.startswith("treaty/") or ent is None or f.evidence.section == "reference":
            continue
        label = " ".join([ent.label, *ent.alt_labels]).lower()
        if all(re.search(rf"\b{re.escape(w[:6])}", label) for w in words) and head in label:
            parties = sorted({x.obj.key for x in art.facts if x.subject == f.subject and x.predicate == "party"
                              and isinstance(x.obj, Ref)})
            return parties if len(parties) == 2 else []
    return []


def _meeting_states(art: _Article, s: Sentence) -> list[str]:
    """The states of the two sides of a meeting or visit just told (for "the two sides")."""
    for e in reversed(_recent_events(art, s)):
        states = list(dict.fromkeys(st for p in e.people() for st in sorted(art.offices.get(p, ()))))
        if e.kind == "Visit" and e.destination and e.destination.startswith("state/"):
            states = list(dict.fromkeys([*states, e.destination]))
        if len(states) == 2:
            return states
    return []


_WATCH_VERBS = {"watch", "witness", "attend", "observe"}


# what one is at a signing without signing ("with X as witness")
_WITNESS_ROLES = {"witness", "witnesses", "guarantor", "guarantors", "observer", "observers", "guest", "guests",
                  "mediator", "mediators", "host"}


_THEIR_OWN = re.compile(r"^(?:their|the\s+two|both)\s+(?:\w+\s+)?"
                        r"(?:ministers|officials|delegations|negotiators|envoys)$", re.I)


def _visit_states(art: _Article, s: Sentence) -> list[str]:
    """The visitor's state and the visited one, of "during X's visit to Y" in the sentence."""
    doc = s.span.doc
    for t in s.span:
        # (the parser may hang "During X's visit" on the verb: the word before the phrase)
        during = t.head.lower_ in ("during", "on") or doc[t.left_edge.i].lower_ in ("during", "on") \
            or t.left_edge.i > 0 and doc[t.left_edge.i - 1].lower_ in ("during", "on")
        if t.lemma_.lower() not in ("visit", "trip", "stay") or t.pos_ != "NOUN" or not during:
            continue
        who = next((m.key for m in s.persons for c in t.children if c.dep_ == "poss" and m.start <= c.i < m.end), None)
        to = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        where = next((m.key for m in [*s.places, *s.states] for g in (to.subtree if to is not None else ())
                      if m.start <= g.i < m.end), None)
        home = art.offices.get(who, set()) if who else set()
        there = art.state_of(where) if where else None
        if len(home) == 1 and there is not None and there not in home:
            return sorted({*home, there})
    return []


def _watchers_states(art: _Article, s: Sentence, sign: Any) -> list[str]:
    """The states of the leaders who watched ``sign`` done by "their ministers": those named as
    the watching verb's subjects, else the two a plural subject ("the two leaders") points back to."""
    subj = next((c for c in sign.children if c.dep_ == "nsubj"), None)
    doc = s.span.doc
    if subj is None or not _THEIR_OWN.match(doc[subj.left_edge.i:subj.i + 1].text):
        return []
    watch = sign.head
    leader = lambda k: k in art.leaders or k in art.leader_titled   # noqa: E731
    watchers = [p.key for p in s.persons if _governed_by(doc[p.end - 1], watch)
                and not _governed_by(doc[p.end - 1], sign)
                and doc[p.end - 1].dep_ in ("nsubj", "conj", "appos", "compound") and leader(p.key)]
    if not watchers:
        who = next((c for c in watch.children if c.dep_ == "nsubj"), None)
        if who is not None and re.match(r"^(?:the\s+two|both)\s+(?:leaders|presidents|prime\s+ministers|heads)",
                                        doc[who.left_edge.i:who.i + 1].text, re.I):
            from .signers import _group_referents   # (signers reads this module)
            watchers = _group_referents(art, s, 2, "leaders", doc[who.left_edge.i].idx - s.span.start_char)
    watchers = [k for k in watchers if len(art.offices.get(k, ())) == 1]
    return list(dict.fromkeys(st for k in watchers for st in art.offices[k]))


def _bystander_tokens(s: Sentence, *, witnesses_only: bool = False) -> set[int]:
    """Token indices of those the sentence names as watching a signing, not taking part in it:
    "..., watched by X", "in the presence of X", "witnessed by X" (``witnesses_only``: those
    named as witnesses, "with X as witness", whose states are no parties either)."""
    out: set[int] = set()
    for t in s.span:
        head = None
        if witnesses_only and t.lower_ != "as":
            continue
        if t.lemma_.lower() in _WATCH_VERBS and t.tag_ == "VBN" and any(c.dep_ == "agent" for c in t.children):
            head = t
        elif (t.lemma_.lower() == "look" and any(c.dep_ == "prt" and c.lower_ == "on" for c in t.children)
              or t.lemma_.lower() in ("watch", "witness", "observe") and t.tag_ == "VBD"
              and not any(c.dep_ in ("dobj", "obj") for c in t.children)) \
                and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in t.children):
            head = t   # "signed X as A and B looked on": the onlookers of the signing
        elif t.lower_ == "presence" and t.head.lower_ in ("in", "under") and t.head.dep_ == "prep":
            head = t.head
        elif t.lower_ == "as" and any(c.dep_ == "pobj" and c.lemma_.lower() in _WITNESS_ROLES for c in t.children):
            # "with President X as witness", "X, as guarantor, looked on"
            head = next((a for a in t.ancestors if a.lower_ == "with" and a.dep_ == "prep"), None) or next(
                (c for c in t.head.children if c.lower_ == "with" and c.dep_ == "prep" and c.i < t.i), None)
        elif not witnesses_only and t.lemma_.lower() in _DWELLINGS and t.pos_ == "NOUN":
            # "signed at X, the residence of Y, who hosted the ceremony": the owner of the place
            head = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
                or next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if head is not None:
            out.update(x.i for x in head.subtree)
    return out


# places a person owns or holds office in, whose owner is not a signer for being named with them
_DWELLINGS = {"residence", "home", "office", "palace", "villa", "estate", "ranch", "dacha", "retreat"}


def _parties_near(art: _Article, s: Sentence, prev: Sentence | None, m: Mention) -> list[str]:
    keys = []
    doc = s.span.doc
    watching = _bystander_tokens(s)
    witnesses = _bystander_tokens(s, witnesses_only=True)
    dateline = _DATELINE_PLACE.match(s.raw)
    for st in s.states:
        if dateline is not None and doc[st.start].idx - s.span.start_char < dateline.end():
            continue   # "AKTAU, Kazakhstan, Aug 12 -": where the story was filed
        if st.start in watching and (st.start in witnesses or any(
                p.start in watching and 0 <= p.start - st.end <= 2 for p in s.persons)):
            continue   # "watched by Brazilian President X", "with envoys of A and B as witnesses": not a party
        if any(a.lemma_.lower() in ("visit", "trip", "tour", "stay") and a.pos_ == "NOUN"
               for a in list(doc[st.end - 1].ancestors)[:4]):
            continue   # "during a visit by Ghanaian President X": the occasion's guest, not a party
        if st.start > 0 and doc[st.start - 1].lower_ in ("in", "at", "near") and doc[st.start - 1].dep_ == "prep" \
                or doc[st.end - 1].dep_ == "pobj" and doc[st.end - 1].head.lower_ in ("in", "at", "near") \
                and doc[st.start - 1].lower_ == "the":
            continue   # "signed in Singapore", "at the Vatican": where, not who
        if _in_a_place_phrase(doc[st.end - 1]):
            continue   # "signed in a hall of the Vatican": where, not who
        if st.start > 0 and doc[st.start - 1].lower_ == "former" and st.end < len(doc) \
                and doc[st.end].lemma_.lower() in ("republic", "state", "country", "member", "bloc"):
            continue   # "open to any former Soviet republic": the states it may take in, not a party
        if st.end < len(doc) and doc[st.end].lower_ in _PLACE_WORDS:
            continue   # "in the Zambian capital", "at a Kenyan resort": where, not who
        if not (m.start <= doc[st.start].idx < m.end) or m.extra.get("kind") == "generic":
            keys.append(st.key)
    for pl in s.places:   # "Tallinn signed a customs accord with Stockholm": capitals as governments
        seat = art.seat_of(pl.key)
        if seat is not None and (dateline is None or doc[pl.start].idx - s.span.start_char >= dateline.end()) \
                and _as_government(doc[pl.end - 1]) and not m.start <= doc[pl.start].idx < m.end:
            # (not the town in the treaty's own name: "the Vienna Water Accord was signed by A and B")
            keys.append(seat)
    keys = list(dict.fromkeys(keys))
    if len(keys) < 2 and m.extra.get("kind") == "generic":
        # "Prime Minister A and the Irish Taoiseach, B, signed an agreement": the signers' states,
        # where the article knows them
        sign = _sign_token(s)
        if sign is not None:
            # "an accord that A's predecessor, B, signed with C": the relative clause's subject,
            # where the parser lost it
            told = {p.key for p in s.persons if p.start in watching}
            for k in _relative_subjects(art, s, m, sign):
                if k not in told:
                    keys = list(dict.fromkeys(keys + sorted(art.offices[k])))
            for p in s.persons:
                head = doc[p.end - 1]
                if p.start not in watching and len(art.offices.get(p.key, ())) == 1 and (any(
                        a.i == sign.i for a in head.ancestors) and (head.dep_ in ("nsubj", "conj", "appos")
                                                                      or head.dep_ == "nmod" and head.head.dep_ == "nsubj"
                                                                      # "A signed with B": B signed too
                                                                      or head.dep_ == "pobj" and head.head.lower_ == "with"
                                                                      and head.head.head.i == sign.i
                                                                      or _by_agent(head, sign))
                                                                     or chained_subject(head, sign)):
                    keys = list(dict.fromkeys(keys + sorted(art.offices[p.key])))
    sign = _sign_token(s)
    if len(keys) < 2 and m.extra.get("kind") == "generic" and sign is not None and sign.pos_ == "NOUN" \
            and sign.head.lemma_.lower() in _WATCH_VERBS | {"oversee"}:
        # "A and B looked on at the signing of an accord on X": an accord of the watching leaders' states
        watchers = [p.key for p in s.persons if _governed_by(doc[p.end - 1], sign.head)
                    and doc[p.end - 1].dep_ in ("nsubj", "conj", "appos", "compound")
                    and (p.key in art.leaders or p.key in art.leader_titled) and len(art.offices.get(p.key, ())) == 1]
        states = list(dict.fromkeys(st for k in watchers for st in art.offices[k]))
        if len(states) >= 2:
            keys = states
    if len(keys) < 2 and m.extra.get("kind") == "generic" and sign is not None and sign.pos_ == "VERB" \
            and sign.dep_ in ("ccomp", "xcomp", "advcl") and sign.head.lemma_.lower() in _WATCH_VERBS | {"see"}:
        # "A and B (the two leaders) watched (as) their ministers sign(ed) an accord": an accord
        # of the watchers' states
        states = _watchers_states(art, s, sign)
        if len(states) >= 2:
            keys = states
    if not keys and m.extra.get("kind") == "generic" and sign is not None and sign.tag_ == "VBN" \
            and not any(c.dep_ == "agent" for c in sign.children):
        keys = _visit_states(art, s)   # "During X's visit to Y, a treaty on Z was signed"
    two = TWO_STATES.search(s.text)
    if len(keys) < 2 and two and (re.search(r"\b(?:two|both)\b", two.group(0), re.I) or not _MANY_STATES.search(s.text)):
        keys = _meeting_states(art, s) or [k for k, _ in art.state_counts.most_common(2)]
    if len(keys) < 2 and prev is not None and m.extra.get("kind") == "generic" \
            and (ANAPHORIC_TIME.match(s.text) or not keys):
        subjects = [st.key for st in prev.states
                    if _subject_like(prev.span.doc[st.start])]
        pool = subjects if len(set(subjects)) >= 2 else [st.key for st in prev.states]
        keys = list(dict.fromkeys(keys + pool))
    keys = [k for k in keys if k]
    if len(keys) > _MAX_NEAR_PARTIES and not _one_list(s, keys):
        keys = keys[:_MAX_NEAR_PARTIES]
    return keys


# states near a treaty beyond which only one coordinated list ("signed by A, B, ... and L") is
# read as its parties, not every state a long sentence names
_MAX_NEAR_PARTIES = 6


def _one_list(s: Sentence, keys: list[str]) -> bool:
    """Every state of ``keys`` the sentence names stands in one list joined by "and" and commas."""
    doc = s.span.doc
    heads = [doc[st.end - 1] for st in s.states if st.key in keys]
    if not heads:
        return False
    first = heads[0]
    members = {first.i, *(c.i for c in first.conjuncts)}
    return {st.key for st in s.states if doc[st.end - 1].i in members} >= set(keys)


def _in_a_place_phrase(tok: Any) -> bool:
    """``tok`` (a state's name) ends an "of" phrase on a noun that says where: "in a hall of the
    Vatican", "at the palace of X"."""
    t = tok
    for _ in range(4):
        if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.head.pos_ not in ("NOUN", "PROPN"):
            return False
        t = t.head.head
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "near", "inside", "outside") and t.head.dep_ == "prep":
            return True
    return False


# nouns a state's adjective makes a place: "the Zambian capital", "a Kenyan resort town"
_PLACE_WORDS = {"capital", "city", "town", "port", "resort", "village", "island", "province", "region", "coast",
                "seaside", "countryside"}


# "the heads of the six member states": more than two sides, none of them named here
_MANY_STATES = re.compile(r"\b(?:three|four|five|six|seven|eight|nine|ten|[3-9]|\d\d)\s+(?:countries|nations|states|"
                          r"members|governments|neighbou?rs)\b", re.I)


def _as_government(tok: Any) -> bool:
    """A capital's name stands for its government: the subject of a clause, or the one an
    agreement is "with" or "between" ("signed with Riga", "between Ankara and Athens")."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        # ("A for Khartoum and B for Juba inked X": those who signed for the two governments)
        return t.head.lower_ in ("with", "between") or t.head.lower_ == "for" and t.head.head.ent_type_ == "PERSON"
    return _subject_like(tok)


def _subject_like(tok: Any) -> bool:
    """The token is (part of) a clause's subject: "North Korea and Russia restored ..."."""
    t = tok
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ in ("conj", "compound", "cc") and t.head.i != t.i:
            t = t.head
            continue
        return False
    return False


def chained_subject(tok: Any, verb: Any) -> bool:
    """``tok`` is the subject ``verb`` shares with the verb it is chained to, having none of its
    own: "A arrived on Monday and signed X", "A held talks, signing X"."""
    if verb.dep_ not in ("conj", "advcl", "xcomp") or not _subject_like(tok) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    t = tok
    while t.dep_ in ("conj", "compound", "appos") and t.head.i != t.i:
        t = t.head
    return t.head.i == verb.head.i


def lost_subject(tok: Any, verb: Any) -> bool:
    """``tok`` is a name the parser joined to a noun of a phrase before the verb, which it left
    with no subject ("In the hall of the Palace of Independence, A, B and C sat down and signed
    X": "A" read as a conjunct of "Independence")."""
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        v = v.head
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children) or tok.ent_type_ != "PERSON" or tok.i > v.i:
        return False
    t = tok
    while t.dep_ in ("conj", "compound") and t.head.i != t.i and t.head.ent_type_ == "PERSON":
        t = t.head
    return t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN") and t.head.ent_type_ != "PERSON" \
        and not any(x.pos_ in ("VERB", "AUX") for x in tok.doc[tok.i + 1:v.i])


_PHRASE_PREPS = {"on", "for", "concerning", "covering", "to", "of", "in"}
_PHRASE_STOP = {"which", "that", "who", "signed", "concluded", "reached", "allowing", "under", "after",
                "before", "during", "when", "while"}
# words that set a treaty apart from the one just told ("the new agreement", "the earlier accord")
_NOT_THE_SAME = {"new", "newly", "revised", "old", "earlier", "previous", "original", "existing", "separate",
                 "similar", "second", "another", "other", "first", "later", "former", "interim", "final"}
_DULL_MODS = {"new", "bilateral", "landmark", "historic", "separate", "similar", "first", "second", "another",
              "an", "a", "the", "this", "that", "its", "their", "two", "three", "old", "earlier", "previous"}


def _described(s: Sentence, m: Mention, year: PartialDate | None) -> set[str]:
    """The ways an unnamed treaty's own words describe it, as a reader would cite it: "agreement
    on civil nuclear cooperation", "border security agreement", "1959 accord", "accord of 1959"."""
    head = m.extra.get("head")
    tok = next((t for t in s.span if m.start <= t.idx < m.end and t.lower_ == head), None)
    out: set[str] = set()
    if tok is None:
        return out
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in _DULL_MODS
            and re.fullmatch(r"[\w-]+", c.text) and not c.like_num]
    before: list[str] = []
    if mods:
        lo = min(c.left_edge.i for c in mods)
        # (a number of its own is a year or a count; "nine-point", "10-year" are its words)
        before = [t.text for t in tok.doc[lo:tok.i] if t.lower_ not in _DULL_MODS
                  and not (t.like_num and tok.doc[t.i + 1].text != "-")]
        if before:
            out.add(" ".join(before + [tok.text]))
    for prep in tok.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _PHRASE_PREPS:
            continue
        words = []
        for t in tok.doc[prep.i:prep.right_edge.i + 1]:
            if t.text in (",", ";", "(", ")", ":", "—", "–") or t.dep_ in ("relcl", "acl", "advcl") \
                    or (t.lower_ in _PHRASE_STOP and words):
                break
            words.append(t.text)
        if len(words) >= 2:
            phrase = f"{tok.text} {' '.join(words)}"
            cut = re.split(r"\s+(?:between|with|among)\s+", phrase)[0]
            for p in {phrase, cut} if len(cut.split()) >= 3 else {phrase}:
                out.add(p)
                if before:   # and with its words before ("comprehensive agreement on border integration")
                    out.add(" ".join(before + [p]))
        break
    if year is not None and m.extra.get("det") not in ("a", "an"):
        out |= {f"{year.year} {tok.text}", f"{tok.text} of {year.year}"}
    return {re.sub(r"\s+([-’'])\s*", r"\1", o) for o in out}


def _told_just_before(art: _Article, key: str | None, prev: Sentence | None) -> bool:
    """The treaty is one the sentence before states facts of."""
    return key is not None and prev is not None and any(
        f.subject == key and f.evidence.sentence == prev.text for f in art.facts)


# the nouns of a document signed ("A and B signed the accord")
_SIGNED_THINGS = {"treaty", "agreement", "accord", "pact", "convention", "protocol", "charter", "document", "text"}


def _by_agent(person: Any, sign_tok: Any) -> bool:
    """The person is named in the signing's by-phrase ("concluded ... by A and B"), or is the
    subject of a signing verb whose object is a treaty ("A and B signed the Elysee Treaty", "... the pact"):
    a signer whatever office the article gives them — not a possessor in it ("B, A's father")."""
    if person.dep_ == "poss":
        return False
    t = person
    while t.dep_ in ("conj", "compound", "flat", "appos", "nmod") and t.head.i != t.i:
        t = t.head   # (the parser may read "A B and C D" as A B modifying C D)
    if t.dep_ == "nsubj" and t.head.i == sign_tok.i and sign_tok.pos_ == "VERB" and sign_tok.lemma_.lower() == "sign" \
            and any(c.dep_ in ("dobj", "obj") and (c.pos_ == "PROPN" or c.lemma_.lower() in _SIGNED_THINGS)
                    for c in sign_tok.children):
        return True   # ("The foreign ministers, A and B, signed the accord": A and B signed, whatever their office)
    for t in person.ancestors:
        if t.dep_ == "agent" and t.head.i == sign_tok.i:
            return True
        if t.i == sign_tok.i or t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _relative_subjects(art: _Article, s: Sentence, m: Mention, sign_tok: Any) -> list[str]:
    """The office-holders between a treaty and the verb of the "that"/"which" clause that signs it
    ("an accord that A's predecessor, B, signed with C": B), however the parser hung them; and
    one the signing is "with"."""
    doc = s.span.doc
    text = _doc_text(doc)
    if not (m.end <= sign_tok.idx and re.match(r"^\s*(?:that|which)\b", text[m.end:sign_tok.idx])):
        return []
    out = [p.key for p in s.persons if m.end <= doc[p.end - 1].idx < sign_tok.idx and doc[p.end - 1].dep_ != "poss"
           and len(art.offices.get(p.key, ())) == 1]
    out += [p.key for p in s.persons if doc[p.end - 1].dep_ == "pobj" and doc[p.end - 1].head.lower_ == "with"
            and doc[p.end - 1].head.head.i == sign_tok.i and len(art.offices.get(p.key, ())) == 1]
    return list(dict.fromkeys(out))


def _named_by(s: Sentence, sign: Any) -> list[str]:
    """The people a signing's by-phrase names, or listed after it where the parser hung the
    names elsewhere ("signed at X by three presidents, A, B and C")."""
    doc = s.span.doc
    by = next((c for c in sign.children if c.dep_ == "agent"), None)
    out = []
    for p in s.persons:
        after_by = by is not None and p.start > by.i and not any(
            t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in doc[by.i + 1:p.start])
        if _by_agent(doc[p.end - 1], sign) or after_by:
            out.append(p.key)
    return list(dict.fromkeys(out))


def _states_of_agents(art: _Article, s: Sentence) -> list[str]:
    """The states of the people a signing's by-phrase names, each serving one state, when they
    are two or more."""
    sign = _sign_token(s)
    if sign is None:
        return []
    states: list[str] = []
    for key in _named_by(s, sign):
        served = art.offices.get(key, set())
        if len(served) > 1:
            return []
        states.extend(served)
    states = list(dict.fromkeys(states))
    return states if len(states) >= 2 else []


def _also_known_as(art: _Article, key: str, name: str) -> None:
    ent = art.entities.get(key)
    if ent is not None and name != ent.label and name not in ent.alt_labels:
        art.entities[key] = replace(ent, alt_labels=ent.alt_labels | {name})


def _last_told_treaty(art: _Article) -> str | None:
    """The treaty the article told last."""
    return next((f.subject for f in reversed(art.facts) if f.subject.startswith("treaty/")), None)


# "Signed that day was a second accord on X", "Also signed were two protocols": documents
# of the signing just told
_SIGNED_ALONGSIDE = re.compile(r"^(?:Also\s+signed|Signed\b[^.;]{0,40}?)\s+(?:was|were)\b")
# "a protocol, signed at the same ceremony", "signed on the same occasion": another document of
# the signing just told, on its day and at its place
_SAME_OCCASION = re.compile(r"\b(?:signed|inked|initialled|concluded)\b[^.;]{0,40}?\b(?:at|during|on)\s+the\s+same\s+"
                            r"(?:ceremony|occasion|signing|sitting)\b|\b(?:[Aa]t|[Dd]uring)\s+the\s+same\s+"
                            r"(?:ceremony|signing)\b[^.;]{0,80}?\b(?:signed|inked|initialled)\b")


_LIGHT_SIGN = {"put", "affix", "set", "add"}
_SIGN_OBJECTS = {"signature", "name", "hand", "seal", "initial", "pen"}   # ("put pen to paper")


# nouns for people who sign: "the foreign ministers of A and B, X and Y, signed in Z the W"
_SIGNER_NOUNS = {"minister", "leader", "president", "premier", "envoy", "ambassador", "delegate", "negotiator",
                 "representative", "chancellor", "king", "emir", "sultan", "monarch", "counterpart"}


def _misread_participle(tok: Any) -> bool:
    """The parser hung the verb "signed" on its own subject as a participle ("A and the foreign
    minister of Y, B, today signed in Z the W"): people are not signed, so it is the clause's verb."""
    if tok.tag_ != "VBN" or tok.dep_ != "acl" or any(c.dep_ == "agent" for c in tok.children):
        return False
    head = tok.head
    left = head.left_edge.i
    if left > 0 and tok.doc[left - 1].lower_ in ("which", "that", "whom", "who"):
        return False   # "the X Agreement, which the two prime ministers, A and B, signed": a relative clause
    return head.ent_type_ == "PERSON" or head.lemma_.lower() in _SIGNER_NOUNS \
        or any(c.dep_ in ("dobj", "obj") for c in tok.children) and (
            head.ent_type_ in ("GPE", "NORP") or not any(t.pos_ in ("VERB", "AUX") and t.i != tok.i for t in tok.sent))
    # ("A and the United States signed in X the Y": a participle that takes an object, on a state or
    # in a sentence with no other verb, is the sentence's verb)


def _sign_token(s: Sentence) -> Any | None:
    """The word that reports a signing: "signed", "the signing of", "set their names to"."""
    if "sign" not in s.memo:   # asked by several rules of each sentence
        s.memo["sign"] = next((t for t in s.span if _reports_signing(t)), None)
    return s.memo["sign"]


def _reports_signing(t: Any) -> bool:
    if t.lemma_.lower() in _LIGHT_SIGN and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _SIGN_OBJECTS
                                                 for c in t.children):
        return True
    return t.lemma_.lower() in SIGN_WORDS or t.lower_ in SIGN_WORDS


def _other_clause(tok: Any, sign_tok: Any) -> bool:
    """``tok`` hangs, inside the signing's subtree, off another verb with a subject of its own
    ("signed X, years after A signed Y on DATE")."""
    for t in tok.ancestors:
        if t.i == sign_tok.i:
            return False
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            if t.dep_ == "advcl" and t.head.i == sign_tok.i and any(
                    c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in t.children):
                return False   # "When A and B met in X on DATE, they signed Y": the clause tells its time
            return any(a.i == sign_tok.i for a in t.ancestors)
    return False


# the words before the day a treaty took effect ("in force from", "entered into force on", "effective")
_IN_FORCE = re.compile(r"\b(?:in(?:to)?\s+force|(?:took|take|takes|taking)\s+effect|effective)"
                       r"\s+(?:from|since|on|in|as\s+of)?\s*$", re.I)


def _signing_date(art: _Article, s: Sentence, sign_tok: Any) -> tuple[PartialDate | None, PartialDate | None]:
    """The date of the signing: one the signing word governs, or any when it is the main verb."""
    lo, hi = sign_tok.left_edge.idx, sign_tok.right_edge.idx + len(sign_tok.right_edge.text)
    # (not the day it took effect: "concluded between A and B and in force from 1 March 1970")
    text = _doc_text(s.span.doc)
    dates = [m for m in s.dates if not _IN_FORCE.search(text[max(0, m.start - 40):m.start])]
    if sign_tok.dep_ == "relcl" and any(c.lower_ in ("when", "where") for c in sign_tok.children) \
            and not any(lo <= m.start < hi for m in dates):
        # "in September 2019, when A and B put their names to X": the time the clause hangs on
        # (and "received B on Saturday, where the two signed X", however the parser hung "where")
        at = next((m for m in dates if m.start <= sign_tok.head.idx < m.end), None)
        if at is not None:
            got = _resolve_expr(art, at.text, "past", context=_text_before(art, s, at.start))
            if got[0] is not None:
                return got
    # not a date of a clause of its own in the signing's subtree ("signed X, 40 years after A
    # and B signed Y on 3 May 1981")
    own = [m for m in dates if lo <= m.start < hi and not _other_clause(_token_at_char(s.span, m.start), sign_tok)
           and not _year_of_a_noun(s, m.start, sign_tok)]
    if not own and sign_tok.dep_ == "relcl" and any(c.lower_ == "where" for c in sign_tok.children):
        # "On 16 May A flew to X, where she signed ...", "the event came on Monday in the capital,
        # where the chiefs signed ...": the time of the clause the "where" hangs on
        told = [m for m in dates if m.start < sign_tok.idx]
        if told:
            got = _resolve_expr(art, told[-1].text, "past", context=_text_before(art, s, told[-1].start))
            if got[0] is not None:
                return got
    if not own and sign_tok.dep_ in ("acl", "relcl"):
        # "the X Treaty, signed in A, B, on 3 March 2002, which ...": a date the
        # parser hung elsewhere, right after the participle's phrase
        own = [m for m in dates
               if hi <= m.start < hi + 12 and re.fullmatch(r"[\s,]*(?:on|in)?\s*", text[hi:m.start])][:1]
    if own:
        for m in sorted(own, key=lambda m: abs(m.start - sign_tok.idx)):
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
            if got[0] is not None:
                return got
        return None, None
    noun = sign_tok.head
    while noun.dep_ in ("pobj", "prep", "compound") and noun.head.i != noun.i:
        noun = noun.head   # (up the treaty's name: "a convention on river fisheries signed in X")
    if not own and sign_tok.dep_ == "acl" and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.dep_ == "ROOT":
        # "On 10 September 1954 a convention signed in X created a commission": the time of the
        # clause whose subject the treaty is
        main = noun.head
        for m in sorted(dates, key=lambda m: not re.search(r"\d{4}", m.text)):   # (a date before "years later")
            at = _token_at_char(s.span, m.start)
            if _governed_by(at, main) and not _governed_by(at, sign_tok) and not _other_clause(at, main):
                got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
                if got[0] is not None:
                    return got
    if sign_tok.dep_ == "ROOT" or sign_tok.head.dep_ == "ROOT" and sign_tok.dep_ in ("conj", "advcl") \
            or _misread_participle(sign_tok):
        for m in sorted(dates, key=lambda m: abs(m.start - sign_tok.idx)):
            if _other_clause(_token_at_char(s.span, m.start), sign_tok) or _in_own_clause(s, sign_tok, m.start):
                continue
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
            if got[0] is not None:
                return got
        return None, None
    root = next((a for a in sign_tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if sign_tok.dep_ == "relcl" and root is not None and root.dep_ == "ROOT" and root.lemma_.lower() == "be":
        # "On 12 September he was one of the ministers who signed X": the time the sentence tells
        for m in sorted(dates, key=lambda m: abs(m.start - root.idx)):
            if lo <= m.start < hi or _other_clause(_token_at_char(s.span, m.start), root):
                continue
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
            if got[0] is not None:
                return got
    if sign_tok.dep_ == "conj" and sign_tok.head.pos_ in ("VERB", "AUX"):
        # "met in Brussels on Tuesday and signed X": the time of the verb it is coordinated with
        doc = s.span.doc
        shared = [m for m in dates if _governed_by(_token_at_char(s.span, m.start), sign_tok.head)
                  and not _governed_by(_token_at_char(s.span, m.start), sign_tok)]
        for m in shared:
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
            if got[0] is not None and doc is not None:
                return got
    return None, None
