"""Treaties: treaty mentions turned into treaty entities and facts (name, year, parties,
signatories, signing date and place, replacement of one treaty by another), and planned
signings kept as plans."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .. import reference as ref
from ..model import Entity, Evidence, PartialDate, Ref
from .lexicon import ANAPHORIC_TIME, REPLACE_ACTIVE, REPLACE_PASSIVE, SIGN_WORDS, TREATY_HEADS, TWO_STATES
from .nlp import _doc_text, _governed_by, _token_at_char
from .names import _title_case
from .mentions import _DATELINE_PLACE, says_here
from .context import _Article, Event, Mention, Sentence
from .dating import (
    _YEAR, _before_article, _during, _in_own_clause, _not_after_article, _resolve_dates, _retrospective, _story_of, _story_year,
    _resolve_expr, _text_before, _year_in, _year_near,
)
from .modality import _TRAVEL, _has_past_evidence, _is_speculative
from .offices import _holds_title, _reference_terms
from .events import _a_building, _town_of_building, _ended_talks, _lead_date, _news_of_the_day, _place_for, _recent_events
from .known_treaties import link


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "both governments", "the two countries": the sides themselves, not their leaders
_BOTH_STATES = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|nations|states|neighbou?rs|governments)\b", re.I)
_OF_DATE = re.compile(rf"^\s+of\s+(\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|{_MONTHS}\s+\d{{4}})\b")
_GENERIC_NAME = re.compile(
    r"^(?:(?:New|Bilateral|Basic)\s+)?(?:Treaty|Agreement|Accord|Pact|Convention|Protocol|Charter)"
    r"(?:\s+(?:of|on)\s+(?:Friendship|Amity|Cooperation|Peace|Alliance|Mutual Assistance|Non-Aggression|"
    r"Friendship(?:,)?\s+and\s+\w+(?:\s+and\s+\w+)?))?$")


def _signed_another_year(art: _Article, s: Sentence, key: str) -> bool:
    """The sentence's signing is dated in a year other than the one the treaty ``key`` was signed in."""
    sign = _sign_token(s)
    if sign is None:
        return False
    told = {f.obj.year for f in art.facts if f.subject == key and f.predicate == "signedOn"
            and isinstance(f.obj, PartialDate) and f.status is None}
    label = re.search(r"\((\d{4})\)$", art.entities[key].label) if key in art.entities else None
    if label is not None:
        told.add(int(label.group(1)))   # ("Treaty between A and B (1975)": the year it is known by)
    if not told:
        return False
    when, _ = _signing_date(art, s, sign)
    return when is not None and when.year not in told


def _treaty_key(art: _Article, m: Mention, s: Sentence, prev: Sentence | None) -> tuple[str, str, PartialDate | None, list[str]] | None:
    """(key, label, year, parties) of a treaty mention, or None when it cannot be identified."""
    year = PartialDate(int(m.extra["year"])) if m.extra.get("year") else None
    kind = m.extra["kind"]
    if kind == "acronym":
        return m.extra["key"], art.entities[m.extra["key"]].label, None, []
    if kind == "anaphor" or (kind == "generic" and m.extra.get("det") in ("the", "this", "that", "its")
                             and not m.extra.get("of") and not m.extra.get("mods") and year is None
                             and not m.extra.get("named_parties")):
        # "the Treaty", "the accord": the article's most recent named treaty of that kind
        # (an accord is not the convention it replaced), else the most recent one
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
                if told is not None and not _signed_another_year(art, s, told):
                    return told, art.entities[told].label, None, []
            if not same and head in ("protocol", "convention", "charter", "memorandum", "arrangement"):
                return None   # "the protocol", "the convention": another document than the treaty told
            key = (same or art.treaty_keys)[-1]
            if _signed_another_year(art, s, key):
                return None   # "the accord, signed in 2018, ..." after a treaty signed in 2023: another one
            ent = art.entities[key]
            return key, ent.label, None, []
        told = next((f.subject for f in reversed(art.facts) if f.subject.startswith("treaty/")
                     and f.subject in art.entities and f.evidence.section != "reference"), None)
        if told is not None and not _signed_another_year(art, s, told):
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
            if all(re.search(rf"\b{re.escape(w)}\b", said, re.I) for w in mods) \
                    and not _signed_another_year(art, s, f.subject):
                told = f.subject
                break
        if told is not None:
            for alias in _described(s, m, None):
                _also_known_as(art, told, alias)
            return told, art.entities[told].label, None, []
    if kind == "generic" and m.extra.get("det") in ("the", "this", "that", "its") and year is None \
            and len(named_parties) >= 2 and art.treaty_keys:
        # "the Sino-Nepalese accord" after a named treaty: that treaty, its parties told
        key = art.treaty_keys[-1]
        told = {f.obj.key for f in art.facts if f.subject == key and f.predicate == "party"}
        head = (m.extra.get("head") or "").lower().rstrip("s")
        same_kind = head in {w.lower().rstrip("s") for w in re.findall(r"[\w-]+", art.entities[key].label)}
        if told == set(named_parties) or not told and same_kind and not _signed_another_year(art, s, key):
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
                return None
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
        if known is not None:
            said = re.findall(r"[a-z]+", " ".join([m.extra.get("of") or "", (m.extra.get("about") or ("", ""))[1]]).lower())
            named = set(re.findall(r"[a-z]+", art.entities[known].label.lower()))
            if any(w not in named and w not in ("and", "the", "of") for w in said):
                known = None   # "the treaty of commerce" is not the treaty of friendship of the same two
        if known is not None and _signed_another_year(art, s, known):
            known = None   # "the accord, signed in 2015, ..." is not the one they signed on Thursday
        if known is not None:   # a definite description of a treaty already told
            return known, art.entities[known].label, None, parties
    if len(parties) < 2 and _SIGNED_ALONGSIDE.match(s.text) and _last_told_treaty(art) is not None:
        # "Also signed was an agreement on fisheries": between the parties of the signing just told
        last = _last_told_treaty(art)
        parties = sorted({f.obj.key for f in art.facts if f.subject == last and f.predicate == "party"
                          and isinstance(f.obj, Ref)}) or parties
        if year is None:
            year = next((PartialDate(f.obj.year) for f in art.facts if f.subject == last and f.predicate == "signedOn"
                         and isinstance(f.obj, PartialDate)), None)
    if len(parties) < 2 and year is not None:
        # "a 1967 treaty signed in Kampala by A, B and C": the states its signers served
        parties = _states_of_agents(art, s) or parties
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
    names = [art.entities[p].label for p in sorted(parties)]
    label = f"{noun[0].upper()}{noun[1:]} between {' and '.join(names)} ({year.year})"
    key = "treaty/" + "-".join(ref.slugify(art.entities[p].label) for p in sorted(parties)) + f"-{year.year}"
    if mods:
        key += "-" + ref.slugify(" ".join(mods))
    if about:
        key += "-" + ref.slugify(f"{head} {about[1]}")
    return key, label, year, parties


_ALSO_SIGNED = re.compile(r"\b[Aa]lso\s+(?:\w+\s+)?(?:signed|concluded|inked|initialled)\b")


# "X, a revised version of their 1962 pact": X replaces it
_REVISED_VERSION = re.compile(r",\s*(?:a|an|the)\s+(?:revised|updated|renegotiated|new)\s+(?:version|edition)\s+of\s+"
                              r"(?:the|their|its)?\s*$", re.I)


_NOT_REPLACING = re.compile(r"\b(?:rather\s+than|instead\s+of|without|not|never|no\s+longer|did\s+not|does\s+not)"
                            r"\s+(?:\w+\s+){0,2}(?:replac|supersed|supplant)", re.I)


def _coordinated(s: Sentence, first: Mention, later: Mention) -> bool:
    """The later mention's noun is a conjunct of the first's ("X and Y", "X, Y and Z"), or added
    to it ("X, along with Y", "X as well as Y")."""
    between = _doc_text(s.span.doc)[first.end:later.start]
    if first.end <= later.start and re.fullmatch(r",?\s*(?:along\s+with|together\s+with|as\s+well\s+as)\s+", between):
        return True
    toks = [t for t in s.span if later.start <= t.idx < later.end and t.dep_ == "conj"]
    for t in toks:
        h = t.head
        for _ in range(6):
            if first.start <= h.idx < first.end:
                return True
            if h.dep_ != "conj" or h.head.i == h.i:
                break
            h = h.head
    return False


def _lead_tells_signing(art: _Article, s: Sentence) -> bool:
    """The article's dated lead reports a signing, and ``s`` comes after it."""
    lead = next((x for x in art.sentences if x.section == "body" and x.dates), None)
    return lead is not None and lead.index < s.index and bool(_SIGNING_WORD.search(lead.text))


_SIGNING_WORD = re.compile(r"\b(?:signed|signing|inked|concluded|sealed)\b", re.I)


def _story_date(art: _Article, s: Sentence, named: bool = False) -> PartialDate | None:
    """The date of a past signing that states none of its own ("the two sides signed an
    agreement on fisheries"): the story's current date — a meeting or visit told in the last few
    sentences, else a year stated earlier in the same paragraph, else the news the article reports
    (an event dated in the week before the article's date), else the article's year. A named treaty
    ("X signed the Treaty of Y") takes only the first two: it may be an old one."""
    if _YEAR.search(s.text):
        return None   # the sentence's own years are other events': better none than a guess
    if _ALSO_SIGNED.search(s.text):
        # "the two sides also signed an agreement on X": at the signing just told
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
    if _retrospective(art):
        # an article looking back at an old story: the story's year, not the article's
        story = _story_year(_text_before(art, s, len(_doc_text(s.span.doc))))
        if story is not None and story <= art.article_date.year - 2:
            return PartialDate(story)
    return PartialDate(art.article_date.year)


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


def _bystander_tokens(s: Sentence) -> set[int]:
    """Token indices of those the sentence names as watching a signing, not taking part in it:
    "..., watched by X", "in the presence of X", "witnessed by X"."""
    out: set[int] = set()
    for t in s.span:
        head = None
        if t.lemma_.lower() in _WATCH_VERBS and t.tag_ == "VBN" and any(c.dep_ == "agent" for c in t.children):
            head = t
        elif t.lower_ == "presence" and t.head.lower_ in ("in", "under") and t.head.dep_ == "prep":
            head = t.head
        elif t.lower_ == "as" and any(c.dep_ == "pobj" and c.lemma_.lower() in _WITNESS_ROLES for c in t.children):
            # "with President X as witness", "X, as guarantor, looked on"
            head = next((a for a in t.ancestors if a.lower_ == "with" and a.dep_ == "prep"), None) or next(
                (c for c in t.head.children if c.lower_ == "with" and c.dep_ == "prep" and c.i < t.i), None)
        if head is not None:
            out.update(x.i for x in head.subtree)
    return out


def _parties_near(art: _Article, s: Sentence, prev: Sentence | None, m: Mention) -> list[str]:
    keys = []
    doc = s.span.doc
    watching = _bystander_tokens(s)
    dateline = _DATELINE_PLACE.match(s.raw)
    for st in s.states:
        if dateline is not None and doc[st.start].idx - s.span.start_char < dateline.end():
            continue   # "AKTAU, Kazakhstan, Aug 12 -": where the story was filed
        if st.start in watching and any(p.start in watching and 0 <= p.start - st.end <= 2 for p in s.persons):
            continue   # "watched by Brazilian President X": a guest's state, not a party
        if st.start > 0 and doc[st.start - 1].lower_ in ("in", "at", "near") and doc[st.start - 1].dep_ == "prep" \
                or doc[st.end - 1].dep_ == "pobj" and doc[st.end - 1].head.lower_ in ("in", "at", "near") \
                and doc[st.start - 1].lower_ == "the":
            continue   # "signed in Singapore", "at the Vatican": where, not who
        if _in_a_place_phrase(doc[st.end - 1]):
            continue   # "signed in a hall of the Vatican": where, not who
        if st.end < len(doc) and doc[st.end].lower_ in _PLACE_WORDS:
            continue   # "in the Zambian capital", "at a Kenyan resort": where, not who
        if not (m.start <= doc[st.start].idx < m.end) or m.extra.get("kind") == "generic":
            keys.append(st.key)
    for pl in s.places:   # "Tallinn signed a customs accord with Stockholm": capitals as governments
        seat = art.seat_of(pl.key)
        if seat is not None and (dateline is None or doc[pl.start].idx - s.span.start_char >= dateline.end()) \
                and _as_government(doc[pl.end - 1]):
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
                if p.start not in watching and len(art.offices.get(p.key, ())) == 1 and any(
                        a.i == sign.i for a in head.ancestors) and (head.dep_ in ("nsubj", "conj", "appos")
                                                                      or head.dep_ == "nmod" and head.head.dep_ == "nsubj"
                                                                      # "A signed with B": B signed too
                                                                      or head.dep_ == "pobj" and head.head.lower_ == "with"
                                                                      and head.head.head.i == sign.i
                                                                      or _by_agent(head, sign)):
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
    two = TWO_STATES.search(s.text)
    if len(keys) < 2 and two and (re.search(r"\b(?:two|both)\b", two.group(0), re.I) or not _MANY_STATES.search(s.text)):
        keys = _meeting_states(art, s) or [k for k, _ in art.state_counts.most_common(2)]
    if len(keys) < 2 and prev is not None and m.extra.get("kind") == "generic" \
            and (ANAPHORIC_TIME.match(s.text) or not keys):
        subjects = [st.key for st in prev.states
                    if _subject_like(prev.span.doc[st.start])]
        pool = subjects if len(set(subjects)) >= 2 else [st.key for st in prev.states]
        keys = list(dict.fromkeys(keys + pool))
    return [k for k in keys if k][:6] if len(keys) >= 2 else keys


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
        return t.head.lower_ in ("with", "between")
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


_COMPOUND = re.compile(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:[-–][A-Z][\w.]*(?:\s[A-Z][\w.]*)?)+")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?")
# a state's style before the name its mention holds ("the Kingdom of Nepal", "the Hashemite Kingdom of Jordan")
_STYLE = re.compile(r"(?:(?:[A-Z][\w'’-]+\s+){0,2}(?:Kingdom|Republic|State|Union|Federation|Commonwealth|"
                    r"Sultanate|Emirate|Principality|Confederation|Grand\s+Duchy)\s+of\s+(?:the\s+)?)?")


def _named_parties(art: _Article, s: Sentence, m: Mention) -> list[str]:
    """Parties a treaty's own words name: a compound before its head ("the Indo-Bangladeshi
    accord", "India-Nepal Treaty of Peace") or "between A and B" in or right after its name."""
    text = _doc_text(s.span.doc)
    lo = max(s.span.start_char, m.start - 40)
    out: list[str] = []
    hi = m.end
    head = next((t for t in s.span if m.start <= t.idx < m.end and t.lower_ == (m.extra.get("head") or "").lower()), None)
    if head is not None and m.extra.get("about"):
        # "an accord on some stretches of the X-Y frontier": its whole description
        edge = head.right_edge
        hi = max(hi, edge.idx + len(edge.text))
    for c in _COMPOUND.finditer(text, lo, hi):
        gap = text[c.end():m.start] if c.end() <= m.start else ""
        if c.end() > m.start or re.fullmatch(r"\s+(?:[a-z]+\s+){0,3}", gap):
            from .. import link
            states = link.compound_states(c.group(0))
            if states:
                out = [art.state(f"state/{ref.slugify(st)}") for st in states]
    if out:
        return out
    # "Poland's 1970 treaty with West Germany", "Moscow's 2001 pact with Beijing"
    owner, other = _side_at(art, s, m.start, before=True), None
    if owner is not None:
        w = re.match(r"\s+with\s+(?:the\s+)?", text[m.end:m.end + 12])
        other = _side_at(art, s, m.end + w.end(), before=False) if w else None
        if other is not None and other != owner:
            return [owner, other]
    b = _BETWEEN.search(text, m.start, min(m.end + 14, s.span.end_char))
    if b:
        after = sorted((s.span.doc[st.start].idx, st) for st in s.states if s.span.doc[st.start].idx >= b.end())
        if len(after) >= 2 and _STYLE.fullmatch(text[b.end():after[0][0]]) and re.match(
                r"^\s*(?:and|&)\s+(?:the\s+)?" + _STYLE.pattern + "$", text[s.span.doc[after[0][1].end - 1].idx +
                                                    len(s.span.doc[after[0][1].end - 1].text):after[1][0]]):
            return list(dict.fromkeys([after[0][1].key, after[1][1].key]))
    return []


def _side_at(art: _Article, s: Sentence, at: int, *, before: bool) -> str | None:
    """The state (or capital standing for it) that ends at ``at`` with a possessive ("Poland's
    | 1970 treaty") when ``before``, else the one that starts at ``at`` ("with | West Germany")."""
    doc = s.span.doc
    for m in [*s.states, *s.places]:
        first, last = doc[m.start], doc[m.end - 1]
        if before:
            nxt = doc[m.end] if m.end < s.span.end else None
            ok = nxt is not None and nxt.lower_ in ("'s", "’s") and nxt.idx + len(nxt.text) + 1 >= at >= nxt.idx + len(nxt.text)
        else:
            ok = first.idx == at
        if ok:
            return m.key if m.key.startswith("state/") else art.seat_of(m.key)
    return None


# a signing told as the sequel of a meeting just reported
_AFTER_MEETING = re.compile(
    r"\b(?:after|following|at the (?:end|conclusion|close) of)\s+(?:the|their|these)\s+(?:talks|meeting|summit|"
    r"discussions|negotiations)\b|^(?:They|The two \w+|Both \w+)\s+(?:then\s+|later\s+|also\s+)?signed\b", re.I)
# people at a signing who did not sign: "in the presence of X", "in the name of X", "witnessed by X"
_BYSTANDER = re.compile(r"\b(?:in the (?:presence|name) of|witnessed by|watched by|as a witness)\s+(?:[^,;]{0,40}\s)?$", re.I)
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_GROUP_SIGNERS = re.compile(
    r"\b(?:the|both|all)\s+(?:(two|three|four|five)\s+)?(leaders|presidents|prime ministers|premiers|"
    r"heads of (?:state|government)|foreign ministers|ministers|sides|men|women)\b"
    r"(?:\s+(?:then|also|later|jointly|formally))?\s+(?:signed|have signed|had signed|inked|put their names)", re.I)
# "... was signed at the palace by the two prime ministers": the passive form
_SIGNED_BY_GROUP = re.compile(
    r"\b(?:signed|inked|initialled)\b(?:\s+[^.;]{0,60}?)?\s+by\s+(?:the|both|all)\s+(?:(two|three|four|five)\s+)?"
    r"(leaders|presidents|prime ministers|premiers|heads of (?:state|government)|foreign ministers|ministers)\b", re.I)
_SIDES_SIGNED = re.compile(r"\b(?:the|both)\s+(?:two\s+)?sides\b", re.I)
_SIGNATORY_LIST = re.compile(r"^(?:The|Its|Their)\s+(?:\w+\s+)?(?:signatories|signatures)\s+(?:were|included|are)\b"
                             # "A and B were among the other signers"
                             r"|\b(?:were|was)\s+(?:also\s+)?among\s+the\s+(?:other\s+)?(?:signatories|signers)\b")


def _signatory_list(art: _Article, s: Sentence, key: str) -> None:
    """"The signatories were A of X, B of Y and C of Z": the treaty just told, its signers and
    their states; the leaders among them met where and when it was signed."""
    people = [p.key for p in s.persons if p.key in art.offices or p.key in art.leaders]
    if len(people) < 2:
        return
    for p in dict.fromkeys(people):
        art.add(key, "signatory", Ref(p), s)
        for st in sorted(art.offices.get(p, ())):
            art.add(key, "party", Ref(st), s)
    leaders = [p for p in dict.fromkeys(people) if p in art.leaders]
    if len(leaders) >= 2:
        # the gathering the sentence before told ("met for their first summit in Lima ..., and signed")
        told = [e for e in art.events if e.kind == "Summit" and e.start is not None
                and 0 < s.index - e.extra.get("sent", -99) <= 2]
        at = told[-1] if told else Event("Summit")
        ev = Event("Summit", leaders, at.start, at.end, at.place,
                   extra={"type": "Summit", "treaty": key, "sent": s.index, "block": s.block,
                          "name": at.extra.get("name")})
        ev.evidence.append(Evidence(s.text, s.section))
        art.events.append(ev)


_OWN_BEHALF = re.compile(r"\b(?:for|on\s+behalf\s+of)\s+(?:his|her|its|their)\s+(?:government|country|state|nation)s?\b", re.I)


def _signed_for_a_state(art: _Article, s: Sentence, key: str | None) -> bool:
    """"X signed for the United States": a signer of the treaty just told (the verb has no object
    of its own), and the state signed for its party; with no treaty told yet, kept for the one
    the story reports signed (see attach_loose_signers)."""
    from .offices import _signed_for

    sign = _sign_token(s)
    if sign is None or sign.lemma_.lower() != "sign" or sign.pos_ != "VERB" \
            or any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in sign.children):
        return False
    doc = s.span.doc
    state_at = {i: m.key for m in s.states for i in range(m.start, m.end)}
    done = False
    for p in s.persons:
        head = doc[p.end - 1]
        # (a parse of "X, Minister of Y, signed for Z" and "The Minister of Y, X, signed for Z")
        on_name = sign.dep_ == "acl" and (sign.head.i == head.i or head.dep_ == "appos" and sign.head.i == head.head.i)
        if not on_name and (not any(a.i == sign.i for a in head.ancestors)
                            or head.dep_ not in ("nsubj", "conj", "compound", "appos")):
            continue
        state = _signed_for(s, p, state_at)
        if state is None and _OWN_BEHALF.search(s.text) and len(art.offices.get(p.key, ())) == 1:
            state = next(iter(art.offices[p.key]))   # "X signed on behalf of her Government": the one she serves
        if state is None:
            continue
        if key is None:
            art.loose_signers.append((p.key, state, s))
        else:
            art.add(key, "signatory", Ref(p.key), s)
            art.add(key, "party", Ref(state), s)
        done = True
    return done


def _listed_after_colon(s: Sentence, sign_tok: Any) -> list[str]:
    """States listed after a colon in the signing's own clause ("... signed it: A, B and C")."""
    doc = s.span.doc
    colon = next((t for t in s.span if t.text == ":" and t.i > sign_tok.i and t.head.i == sign_tok.i), None)
    if colon is None:
        return []
    return list(dict.fromkeys(m.key for m in s.states if m.start > colon.i and _governed_by(doc[m.start], sign_tok)))


def _never_signed(s: Sentence) -> bool:
    """The sentence's signing is denied: "has not been signed", "never signed"."""
    sign = _sign_token(s)
    return sign is not None and any(c.dep_ == "neg" for c in sign.children)


def _done_by_its_day(art: _Article, s: Sentence, sign_tok: Any) -> bool:
    """A signing with a day of its own no later than the article's ("X and Y today signed ..."
    however the parser tagged the verb) is told as done."""
    if _is_speculative(sign_tok) or not any(c.dep_ == "npadvmod" or c.dep_ == "prep" and c.lower_ == "on"
                                            for c in sign_tok.children):
        return False
    day, _ = _signing_date(art, s, sign_tok)
    return day is not None and day.day is not None and _not_after_article(art, day)


def _dated_participle(art: _Article, s: Sentence, tok: Any) -> bool:
    """"The accord, signed in Cairo in March, covers ...": a participle on the document dated no
    later than the article, a signing told as done."""
    if tok.tag_ != "VBN" or tok.dep_ != "acl":
        return False
    day, _ = _signing_date(art, s, tok)
    return day is not None and _not_after_article(art, day)


def _signed_by_participle(tok: Any) -> bool:
    """"the X Treaty, signed by A and B": a participle on the document with its signers, a
    signing told as done."""
    return tok.tag_ == "VBN" and tok.dep_ == "acl" and any(c.dep_ == "agent" or c.lower_ == "by" for c in tok.children)


def _put_told(tok: Any) -> bool:
    """ "A and B put their names to it": a main verb whose past is its base form, no auxiliary
    before it, told as what happened (the tagger often reads a base form)."""
    return tok.lemma_.lower() in _LIGHT_SIGN and tok.tag_ in ("VB", "VBP") and tok.dep_ == "ROOT" \
        and any(c.dep_ == "nsubj" for c in tok.children) and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


# verbs by which a treaty gathers its members: "RCEP brings together A, B and C", "the pact
# groups A, B and C", "the treaty binds A and B"
_GATHERS = {"group", "unite", "comprise", "bind", "link", "join"}


def _members(art: _Article, s: Sentence, resolved: list[Any]) -> None:
    """The states a treaty, as a verb's subject, brings together: its parties."""
    doc = s.span.doc
    for m, (key, label, _year, _parties) in resolved:
        tok = next((t for t in s.span if m.start <= t.idx < m.end and t.dep_ in ("nsubj", "nsubjpass")), None)
        if tok is None or key not in art.entities:
            continue
        verb = tok.head
        lem = verb.lemma_.lower()
        if not (lem in _GATHERS or lem == "bring" and any(c.lower_ == "together" for c in verb.children)):
            continue
        states = [st.key for st in s.states if _governed_by(doc[st.start], verb) and st.start > verb.i]
        states = list(dict.fromkeys(states))
        if len(states) >= 2 and _is_speculative(verb) is None:
            for st in states:
                art.add(key, "party", Ref(st), s)


def _signed_it(sign: Any) -> Any | None:
    """The "it" a signing takes: "signed it", "put their names to it"."""
    if sign.lemma_.lower() == "sign":
        return next((c for c in sign.children if c.dep_ in ("dobj", "obj") and c.lower_ == "it"), None)
    heads = {sign.i, *(c.i for c in sign.children if c.dep_ in ("dobj", "obj"))}
    # ("set their names to the text": the document just told)
    return next((o for p in sign.subtree if p.dep_ == "prep" and p.lower_ == "to" and p.head.i in heads
                 for o in p.children if o.dep_ == "pobj" and (o.lower_ == "it" or o.lower_ in _ANAPHORIC_DOCUMENTS
                                                              and any(d.lower_ in ("the", "this") for d in o.children))),
                None)


def _told_just_before(art: _Article, key: str | None, prev: Sentence | None) -> bool:
    """The treaty is one the sentence before states facts of."""
    return key is not None and prev is not None and any(
        f.subject == key and f.evidence.sentence == prev.text for f in art.facts)


def story_pair_parties(art: _Article) -> None:
    """A treaty the story tells as signed, with no party of its own, in a story of two states (they
    hold three quarters or more of its state mentions, three each at least): between those two
    ("The first was the X Convention ... A further Treaty of Y, signed in Z in 1955, ...")."""
    counts = art.state_counts.most_common()
    total = sum(n for _, n in counts)
    if len(counts) < 2 or counts[1][1] < 3 or counts[0][1] + counts[1][1] < 0.75 * total \
            or len(counts) > 2 and 2 * counts[2][1] > counts[1][1]:
        return   # (not a story of two: a third state told nearly as often)
    pair = [counts[0][0], counts[1][0]]
    for key in dict.fromkeys(f.subject for f in art.facts if f.subject.startswith("treaty/")):
        facts = [f for f in art.facts if f.subject == key and f.status is None and f.evidence.section != "reference"]
        signed = [f for f in facts if f.predicate == "signedOn"]
        if not signed or any(f.predicate == "party" for f in facts):
            continue
        said = next((x for x in art.sentences if x.text == signed[0].evidence.sentence), None)
        if said is None:
            continue
        for st in pair:
            art.add(key, "party", Ref(st), said)


def attach_loose_signers(art: _Article) -> None:
    """Signers told with no treaty at hand, of the one treaty the story reports signed in the days
    of the article ("Representatives of eight nations signed a defence treaty here today ... X
    signed for the United States"); with none or several, of none."""
    if not art.loose_signers or art.article_date is None:
        return
    from .events import _news_of_the_day

    signed = {f.subject for f in art.facts if f.subject.startswith("treaty/") and f.predicate == "signedOn"
              and f.status is None and isinstance(f.obj, PartialDate) and _news_of_the_day(art, f.obj)}
    if len(signed) != 1:
        return
    key = signed.pop()
    for person, state, s in art.loose_signers:
        art.add(key, "signatory", Ref(person), s)
        for st in [state] if state else sorted(art.offices.get(person, ())):
            art.add(key, "party", Ref(st), s)


_ANAPHORIC_DOCUMENTS = {"document", "text", "deal", "documents"}
_IT_SIGNED = re.compile(r"^(?:It|This|The document|The text|The deal|This deal)\s+(?:was|had been|has been)\s+(?:signed|concluded|inked)\b")


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


def _group_signers(art: _Article, s: Sentence) -> list[str]:
    """"The two leaders signed": the people that phrase points back to — those of the meeting just
    told when it had as many leaders, else the most recently named."""
    g = _GROUP_SIGNERS.search(s.text) or _SIGNED_BY_GROUP.search(s.text)
    if g is None:
        return []
    n = _NUMBERS.get((g.group(1) or "").lower(), 2)
    noun = g.group(2).lower()
    wanted_leaders = noun not in ("foreign ministers", "ministers")
    if wanted_leaders and noun not in ("sides", "men", "women"):
        told = [e for e in _recent_events(art, s, within=4) if e.extra.get("block") in (s.block, s.block - 1)]
        if _AFTER_MEETING.search(s.text):
            # "at the end of the talks, the two leaders signed": the talks told earlier in the story
            told = [e for e in art.events if e.kind == "Summit" and 0 <= s.index - e.extra.get("sent", -99) <= 12
                    and not e.extra.get("background")] + told
        for e in reversed(told):
            met = [p for p in e.people() if p in art.leaders or p in art.leader_titled]
            if len(met) == n:
                return met
    out: list[str] = []
    for idx, key in reversed(art.person_order):
        if idx > s.index or idx < s.index - 6 or key in out:
            continue
        is_leader = key in art.leaders or key in art.leader_titled
        if wanted_leaders and not is_leader and noun not in ("sides", "men", "women"):
            continue
        if not wanted_leaders and (is_leader or key not in art.offices):
            continue
        if noun in ("sides", "men", "women") and key not in art.offices and not is_leader:
            continue
        titled = any(f.subject == key and f.predicate == "title" for f in art.facts)
        if noun in ("presidents", "prime ministers", "premiers") and titled and not _holds_title(art, key, noun):
            continue
        out.append(key)
        if len(out) == n:
            break
    states = {st for k in out for st in art.offices.get(k, ())}
    return out if len(out) == n and len(states) >= min(n, 2) else []


_ACRONYM = re.compile(r"\b([A-Z]{2,6})s?\b")
_INITIAL_SKIP = {"The", "A", "An"}
# another name given right after a treaty's: "the X Agreement (XA)", "X, also called the Y Treaty"
_AKA = re.compile(r"^(?:\s*\(([A-Z][A-Za-z]{1,7})\)|,?\s+(?:also\s+|better\s+|usually\s+|commonly\s+)?"
                  r"(?:known|called|dubbed|abbreviated)\s+as\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
                  r"|,?\s+(?:usually|commonly|also|often)\s+called\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
                  # "the X Treaty, or Moscow Treaty, was signed": another name, set off by commas
                  r"|,\s+or\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+" + TREATY_HEADS + r")(?=\s*[,)—–]))")


def _initials(label: str) -> str:
    words = [w for w in re.split(r"[\s\-–]+", re.sub(r"\([^)]*\)", " ", label)) if w]
    return "".join(w[0] for w in words if w[:1].isupper() and w not in _INITIAL_SKIP)


def _heads_from_end(label: str) -> int:
    """How many initials from the end of a name reach its last head word ("Treaty", "Charter")."""
    words = [w for w in re.split(r"[\s\-–]+", re.sub(r"\([^)]*\)", " ", label)) if w[:1].isupper() and w not in _INITIAL_SKIP]
    for n, w in enumerate(reversed(words), 1):
        if re.fullmatch(TREATY_HEADS + "s?", w):
            return n
    return len(words) + 1


def _acronym_mentions(art: _Article, s: Sentence) -> None:
    """"The RWA", "the TGN": a named treaty of the article cited by its initials (or by a short
    name given earlier in brackets or with "known as")."""
    if not art.treaty_keys:
        return
    text = _doc_text(s.span.doc)
    taken = [(m.start, m.end) for m in s.treaties]
    for a in _ACRONYM.finditer(text, s.span.start_char, s.span.end_char):
        if any(x <= a.start() < y for x, y in taken):
            continue
        acr = a.group(1)
        for key in reversed(art.treaty_keys):
            ent = art.entities[key]
            init = _initials(ent.label)
            # initials of the end of a name ("LBA" of "Indo-Bangladesh Land Boundary Agreement") name
            # the treaty when they cover its head word; those of what it founds ("the OAU" of the
            # "Charter of the Organisation of African Unity") only with a head word ("the OAU charter")
            if acr in ent.alt_labels or init == acr or (len(acr) >= 3 and init.endswith(acr) and (
                    _heads_from_end(ent.label) <= len(acr) or re.match(
                        r"\s+(?:treaty|charter|accord|agreement|pact|convention|protocol|act)\b", text[a.end():], re.I))):
                s.treaties.append(Mention("treaty", acr, a.start(), a.end(), extra={"kind": "acronym", "key": key,
                                                                                     "year": None}))
                _also_known_as(art, key, acr)
                break
    s.treaties.sort(key=lambda t: t.start)


# a name given to the treaty just told: "calling the document the X Treaty", "the accord has
# been dubbed the X Pact", "what is known as the X Accord"
_CALLED = re.compile(
    r"(?:\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|nicknam(?:e|es|ed|ing)|nam(?:e|es|ed|ing))\s+"
    r"(?:the|this|that)\s+(?:new\s+)?(?:document|treaty|text|accord|agreement|pact|deal)"
    r"|^(?:The|This)\s+(?:new\s+)?(?:document|treaty|text|accord|agreement|pact|deal)\s+(?:is|was|has\s+been|had\s+been)"
    r"\s+(?:\w+ly\s+)?(?:known\s+as|called|dubbed|nicknamed|referred\s+to\s+as))\s+(?:the\s+)?$")


def _called(art: _Article, s: Sentence, last_told: str) -> None:
    """A named treaty the sentence gives as another name of the treaty just told: an alias,
    not a second treaty."""
    for m in s.treaties:
        if m.extra.get("kind") != "named" or not _CALLED.search(s.raw[:m.start - s.span.start_char]):
            continue
        m.extra.update({"kind": "acronym", "key": last_told, "year": None})
        _also_known_as(art, last_told, m.text)


def _also_known_as(art: _Article, key: str, name: str) -> None:
    ent = art.entities.get(key)
    if ent is not None and name != ent.label and name not in ent.alt_labels:
        art.entities[key] = replace(ent, alt_labels=ent.alt_labels | {name})


def _last_told_treaty(art: _Article) -> str | None:
    """The treaty the article told last."""
    return next((f.subject for f in reversed(art.facts) if f.subject.startswith("treaty/")), None)


def _older_of_the_same(art: _Article, s: Sentence, prev: Sentence | None, resolved: list[Any], text: str) -> None:
    """"The treaty replaces a 1977 agreement": an unnamed older treaty that names no parties is
    one between the same states as the treaty that replaces it (added to ``resolved`` in order)."""
    done = {id(m) for m, _ in resolved}
    for m in s.treaties:
        if id(m) in done or m.extra.get("kind") != "generic" or not m.extra.get("year"):
            continue
        newer = [(n, t) for n, t in resolved if n.end <= m.start
                 and re.search(r"\b" + REPLACE_ACTIVE + r"\b", text[n.end:m.start], re.I)]
        if newer:
            key, named = newer[-1][1][0], set(newer[-1][1][3])
        elif _told_just_before(art, _last_told_treaty(art), prev) and re.match(
                r"^\s*(?:It|This)\s+(?:also\s+)?" + REPLACE_ACTIVE + r"\s+(?:the\s+|an?\s+)?$",
                text[s.span.start_char:m.start]):
            key, named = _last_told_treaty(art), set()   # "It replaces a 2001 agreement": the treaty just told
        else:
            continue
        parties = sorted({f.obj.key for f in art.facts if f.subject == key and f.predicate == "party"} | named)
        if len(parties) < 2:
            continue
        m.extra["named_parties"] = parties
        got = _treaty_key(art, m, s, prev)
        if got is not None and got[0] != key:
            resolved.append((m, got))
            resolved.sort(key=lambda x: x[0].start)


# "Signed that day was a second accord on X", "Also signed were two protocols": documents
# of the signing just told
_SIGNED_ALONGSIDE = re.compile(r"^(?:Also\s+signed|Signed\b[^.;]{0,40}?)\s+(?:was|were)\b")


# "The documents signed included X, Y and Z": documents of the signing the sentence before told
_DOCUMENTS_SIGNED = re.compile(r"^(?:The|Among\s+the|Other)\s+(?:\w+\s+)?(?:documents|agreements|accords|deals|pacts|"
                               r"instruments|texts)\s+(?:signed|inked|concluded)\b[^.;]{0,60}?\b"
                               r"(?:included?|were|are|covered?|comprised?)\b", re.I)


def _listed_documents(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    """Each document the list names, between the states whose signing the sentence before told
    ("A and B signed three agreements on Friday. The documents signed included ..."), on its day
    and at its place."""
    sign = _sign_token(prev) if prev is not None else None
    if sign is None or _is_speculative(sign):
        return
    states = list(dict.fromkeys(st.key for st in prev.states if _governed_by(prev.span.doc[st.start], sign)
                                or _shares_subject(prev.span.doc[st.start], sign)))
    if len(states) < 2:
        return
    day, _ = _signing_date(art, prev, sign)
    day = day or _story_date(art, prev)
    place = _place_for(prev, sign, strict=True, governor=sign)
    if place is None and art.dateline_place and _news_of_the_day(art, day):
        place = art.place(art.dateline_place)
    for m in s.treaties:
        if m.extra.get("kind") != "generic":
            continue
        got = _treaty_key(art, m, s, prev)
        if got is None:
            continue
        key, label = got[0], got[1]
        _treaty_entity(art, key, label, m)
        for p in states:
            art.add(key, "party", Ref(p), s)
        if day is not None and not any(f.subject == key and f.predicate == "signedOn" for f in art.facts):
            art.add(key, "signedOn", day, s)
        if place is not None and not any(f.subject == key and f.predicate == "signedAt" for f in art.facts):
            art.add(key, "signedAt", Ref(place), s)


def _treaties(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    before = _last_told_treaty(art)
    _treaties_of(art, s, prev)
    if before is None and _DOCUMENTS_SIGNED.match(s.text):
        _listed_documents(art, s, prev)
        return
    if before is None or not (_SIGNED_ALONGSIDE.match(s.text) or _DOCUMENTS_SIGNED.match(s.text)):
        return
    told = [f for f in art.facts if f.subject == before and f.status is None
            and f.predicate in ("party", "signatory", "signedAt", "signedOn")]
    for key in dict.fromkeys(f.subject for f in art.facts if f.subject.startswith("treaty/")
                             and f.evidence.sentence == s.text and f.subject != before):
        have = {f.predicate for f in art.facts if f.subject == key}
        for f in told:
            if f.predicate in ("party", "signatory") or f.predicate not in have:
                art.add(key, f.predicate, f.obj, s)


def _treaties_of(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    _acronym_mentions(art, s)
    last_told = next((f.subject for f in reversed(art.facts) if f.subject.startswith("treaty/")), None)
    if not s.treaties and (art.treaty_keys or last_told) and _IT_SIGNED.match(s.text):
        # "It was signed by ...", "The document was signed by ...": the treaty just told
        s.treaties.append(Mention("treaty", s.text[:2], s.span.start_char, s.span.start_char + 2,
                                  extra={"kind": "anaphor", "year": None}))
    if not s.treaties and last_told is not None and _SIGNATORY_LIST.search(s.text):
        _signatory_list(art, s, last_told)
        return
    if not s.treaties and last_told is None and _SIGNATORY_LIST.search(s.text):
        # "The other signatures were those of A; B; ...": signers of the story's treaty
        art.loose_signers.extend((p.key, None, s) for p in s.persons if p.key in art.offices)
        return
    if not s.treaties and _signed_for_a_state(art, s, last_told if _told_just_before(art, last_told, prev) else None):
        return
    named_before = not s.treaties and last_told is None and bool(art.treaty_keys) and prev is not None \
        and any(t.extra.get("kind") == "named" for t in prev.treaties)
    if named_before:
        last_told = art.treaty_keys[-1]   # "The X Treaty was opened for signature. Twelve states signed it"
    if not s.treaties and last_told is not None:
        # "A and B signed the document": the treaty the article has just told
        sign = _sign_token(s)
        obj = next((c for c in sign.children if c.dep_ in ("dobj", "obj") and c.lower_ in _ANAPHORIC_DOCUMENTS
                    and any(d.lower_ in ("the", "this") for d in c.children)), None) if sign is not None else None
        if obj is None and sign is not None and (_told_just_before(art, last_told, prev)
                                                 or named_before and sign.tag_ == "VBD" and sign.dep_ in ("ROOT", "conj")):
            obj = _signed_it(sign)   # "A and B signed it", "A and B put their names to it"
        if obj is not None and (sign.lemma_.lower() == "sign" or obj.lower_ == "it" or obj.lower_ in _ANAPHORIC_DOCUMENTS):
            s.treaties.append(Mention("treaty", obj.text, obj.idx, obj.idx + len(obj.text),
                                      extra={"kind": "acronym", "key": last_told, "year": None}))
    if not s.treaties:
        return
    if last_told is not None:
        _called(art, s, last_told)
    group = _group_signers(art, s)
    if group:
        group_states = list(dict.fromkeys(st for k in group for st in sorted(art.offices.get(k, ()))))
        for m in s.treaties:
            if m.extra.get("kind") == "generic" and m.extra.get("det") in ("a", "an", "") and len(group_states) >= 2:
                m.extra.setdefault("named_parties", group_states)
    text = _doc_text(s.span.doc)
    resolved: list[tuple[Mention, tuple[str, str, PartialDate | None, list[str]]]] = []
    for i, m in enumerate(s.treaties):
        m.extra["named_parties"] = _named_parties(art, s, m) or m.extra.get("named_parties") or []
        got = _treaty_key(art, m, s, prev)
        if got is None:
            continue
        aka = _AKA.match(text[m.end:m.end + 80]) if m.extra.get("kind") == "named" else None
        if aka is not None:
            # "X, better known as the Y Treaty": Y is another name of X, not another treaty
            _treaty_entity(art, got[0], got[1])
            _also_known_as(art, got[0], next(g for g in aka.groups() if g))
            for later in s.treaties[i + 1:]:
                if m.end <= later.start < m.end + aka.end() + 1:
                    later.extra.update({"kind": "acronym", "key": got[0], "year": None})
        if m.extra.get("kind") == "generic":
            m.extra["described"] = _described(s, m, got[2])
        resolved.append((m, got))
        if m.extra.get("kind") == "generic" and _never_signed(s):
            continue   # "the border treaty between A and B has not been signed": no treaty of A and B yet
        if m.extra["named_parties"] and (m.extra.get("kind") == "named" or got[0] not in art.entities
                                         or m.extra.get("describes_known")):
            _treaty_entity(art, got[0], got[1], m)
            for p in m.extra["named_parties"]:
                art.add(got[0], "party", Ref(p), s)
    _older_of_the_same(art, s, prev, resolved, text)
    # replacement with a pronoun for the newer treaty: "It supersedes the X of 1998", "It
    # succeeded X, which had lapsed, and it superseded Y"
    by_pronoun = set()
    just = _last_told_treaty(art)
    just = just if _told_just_before(art, just, prev) else None
    if art.treaty_keys or just:
        key_new = just or art.treaty_keys[-1]
        lows = [s.span.start_char] + [m.end for m, _ in resolved[:-1]]
        for (m_old, t_old), lo in zip(resolved, lows):
            lead = text[lo:m_old.start]
            if lo == s.span.start_char:
                said = re.match(r"^\s*(?:It|This|The (?:new|revised) (?:text|treaty|agreement|accord|pact))\s+"
                                r"(?:also\s+)?" + REPLACE_ACTIVE, lead) and len(resolved) == 1 or re.match(
                    r"^\s*(?:It|This)\s+(?:also\s+)?" + REPLACE_ACTIVE + r"\s+(?:the\s+)?(?:[a-z]+\s+)?$", lead)
            else:
                said = re.search(r"\b(?:and|but)\s+(?:it|this)\s+(?:also\s+)?" + REPLACE_ACTIVE
                                 + r"\s+(?:the\s+)?(?:[a-z]+\s+)?$", lead)
            if said and t_old[0] != key_new:
                _treaty_entity(art, t_old[0], t_old[1], m_old)
                if t_old[2] is not None:
                    art.add(t_old[0], "signedOn", t_old[2], s)
                if m_old.extra.get("kind") == "generic":   # ("a 1997 agreement" of the same two)
                    for p in t_old[3]:
                        art.add(t_old[0], "party", Ref(p), s)
                art.add(key_new, "replaces", Ref(t_old[0]), s)
                by_pronoun.add(m_old.start)
    # replacement with a pronoun for the older treaty: "It has been superseded by the new X"
    if resolved and art.treaty_keys and resolved[0][1][0] != art.treaty_keys[-1] and re.match(
            r"^\s*(?:It|This|The\s+(?:old|original|earlier|first)\s+(?:treaty|agreement|accord|pact|convention))\s+"
            + REPLACE_PASSIVE + r"\s+(?:the\s+)?(?:[a-z]+\s+)?$", text[s.span.start_char:resolved[0][0].start]):
        m_new, t_new = resolved[0]
        _treaty_entity(art, t_new[0], t_new[1], m_new)
        art.add(t_new[0], "replaces", Ref(art.treaty_keys[-1]), s)
        by_pronoun.add(m_new.start)
    # replacement: "A replaced B", "B was superseded by A", "A, replacing B"
    for (m1, t1), (m2, t2) in zip(resolved, resolved[1:]):
        between = text[m1.end:m2.start]
        if t1[0] == t2[0] or m2.start in by_pronoun:
            continue
        newer = older = None
        if re.search(REPLACE_PASSIVE, between, re.I):
            newer, older = (m2, t2), (m1, t1)
        elif re.search(r"\b" + REPLACE_ACTIVE + r"\b", between, re.I) or _REVISED_VERSION.search(between):
            newer, older = (m1, t1), (m2, t2)
        if newer is None or _NOT_REPLACING.search(between):
            continue   # "amended X rather than replacing Y": no replacement
        trig = _token_at_char(s.span, m1.end + 1)
        status = _is_speculative(trig) if not re.search(r"\b(replaced|superseded|supplanted|took|meant|designed|intended)\b",
                                                        between) else None
        for mm, (key, label, year, parties) in (newer, older):
            _treaty_entity(art, key, label, mm)
            if year is not None:
                art.add(key, "signedOn", year, s, status)
            if mm.extra.get("kind") == "generic":  # named treaties get parties from their signing
                for p in parties:
                    art.add(key, "party", Ref(p), s, status)
        art.add(newer[1][0], "replaces", Ref(older[1][0]), s, status)
    _members(art, s, resolved)   # "the pact brings together A, B and C"
    # signing: "the signing of X by A and B", "A and B signed X on DATE in PLACE"
    sign_tok = _sign_token(s)
    signed_target = None
    if sign_tok is not None and resolved:
        after = [x for x in resolved if x[0].start >= sign_tok.idx]
        before = [x for x in resolved if x[0].start < sign_tok.idx]
        passive = any(c.dep_ == "auxpass" for c in sign_tok.children)
        # "the X Treaty, signed in Lima in 1995, revised ...": the participle's own noun
        own = [x for x in resolved if sign_tok.dep_ in ("acl", "relcl")
               and x[0].start <= sign_tok.head.idx < x[0].end]
        signed_target = (own[0] if own else before[-1] if passive and before
                         else (after[0] if after else before[-1]))[1][0]
        if _signs_other_document(sign_tok, resolved):
            sign_tok = None
    signings = [(sign_tok, signed_target)] if sign_tok is not None else []
    target = next((x[0] for x in resolved if x[1][0] == signed_target), None) if sign_tok is not None else None
    if target is not None:
        # "signed a treaty of trade and a general accord on X": each object signed
        for x in resolved:
            if x[1][0] != signed_target and x[0].start > target.start and _coordinated(s, target, x[0]) \
                    and all(x[1][0] != k for _, k in signings):
                signings.append((sign_tok, x[1][0]))
    if sign_tok is not None:
        # "A signed X, 40 years after B and C signed Y in Rome": the second signing, in a clause
        # of its own, signs the treaty it governs
        for t in s.span:
            if t.i != sign_tok.i and t.lemma_.lower() == "sign" and t.pos_ == "VERB" \
                    and any(c.dep_ == "nsubj" for c in t.children) and t.dep_ in ("advcl", "conj", "ccomp"):
                mine = [x for x in resolved if t.left_edge.idx <= x[0].start <= t.right_edge.idx
                        and x[0].start > t.idx and not _signs_other_document(t, resolved)]
                if mine and mine[0][1][0] != signed_target:
                    signings.append((t, mine[0][1][0]))
            if t.i != sign_tok.i and t.lemma_.lower() == "sign" and t.pos_ == "VERB" and t.dep_ == "pcomp" \
                    and signed_target is not None and sign_tok.lemma_.lower() in _LIGHT_SIGN \
                    and any(c.dep_ == "nsubj" and any(p.start <= c.i < p.end for p in s.persons) for c in t.children):
                # "A and B put pen to paper on X, with C and D signing for their governments": the
                # signers of the one treaty the sentence tells
                signings.append((t, signed_target))
            elif t.i != sign_tok.i and t.lemma_.lower() in SIGN_WORDS and t.pos_ == "VERB" and t.dep_ == "relcl" \
                    and any(c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who") for c in t.children):
                # "X signed a protocol, which A and B signed in Lima": the clause's own signers and
                # place, of the treaty it hangs on
                mine = [x for x in resolved if x[0].start <= t.head.idx < x[0].end]
                if mine:
                    signings.append((t, mine[0][1][0]))
    for m, (key, label, year, parties) in resolved:
        if m.extra.get("kind") == "generic" and m.extra.get("year") and not signings and m.extra.get("named_parties") \
                and key in art.entities and not any(f.subject == key and f.predicate == "signedOn" for f in art.facts):
            # "Poland's 1970 treaty with West Germany": the year a treaty is known by is its signing's
            art.add(key, "signedOn", PartialDate(int(m.extra["year"])), s)
        if m.extra.get("kind") == "named":
            _treaty_entity(art, key, label)
            if key not in art.treaty_keys:
                art.treaty_keys.append(key)
            elif art.treaty_keys[-1] != key:
                art.treaty_keys.remove(key)
                art.treaty_keys.append(key)
            if m.extra.get("of_date") is not None and all(key != t for _, t in signings):
                art.add(key, "signedOn", m.extra["of_date"], s)
            elif year is not None and not signings:
                art.add(key, "signedOn", year, s)
            if not signings and len(parties) == 2 and _BOTH_STATES.search(s.text) \
                    and not any(f.subject == key and f.predicate == "party" for f in art.facts):
                # "the X Agreement, a settlement involving both governments": the story's two
                for p in parties:
                    art.add(key, "party", Ref(p), s)
        for sign_tok, signed_target in signings:
            if key != signed_target:
                continue
            own_year = PartialDate(int(m.extra["year"])) if m.extra.get("year") else None
            trig = _token_at_char(s.span, m.start) if m.start >= s.span.start_char else sign_tok
            own_clause = sign_tok.dep_ in ("relcl", "acl") and m.start <= sign_tok.head.idx < m.end
            # ("the protocol, which A and B inked on Wednesday, will revive the line": the clause tells
            # the signing; what the treaty will do is no forecast of it)
            status = _is_speculative(sign_tok) or (None if own_clause else _is_speculative(trig))
            if status is None and not (_has_past_evidence(sign_tok) or sign_tok.tag_ in ("NN", "VBD") or _put_told(sign_tok)
                                       or _signed_by_participle(sign_tok) or _dated_participle(art, s, sign_tok)
                                       or _dated_before_story(art, s, sign_tok)
                                       or _before_article(art, own_year)   # "a 1999 treaty, signed by A and B"
                                       or _done_by_its_day(art, s, sign_tok)):
                status = "expected"
            if any(c.dep_ == "neg" for c in sign_tok.children):
                status = "expected"   # "the treaty has not been signed": not a signing
            # signatories: office-holders the signing governs ("signed by A and B", "A and B signed"),
            # not others the sentence names ("A visited Warsaw, where the two countries signed X")
            watching = _bystander_tokens(s)
            signatories = [p.key for p in s.persons if (p.key in art.offices or p.key in art.leaders
                                                        or p.key in art.leader_titled or _by_agent(s.span.doc[p.end - 1], sign_tok))
                           and _signs(s.span.doc[p.end - 1], sign_tok) and p.start not in watching and not _BYSTANDER.search(
                               text[max(s.span.start_char, s.span.doc[p.start].idx - 60):s.span.doc[p.start].idx])]
            # leaders who watched the signing were at the ceremony too
            for k in _relative_subjects(art, s, m, sign_tok):
                if k not in signatories:
                    signatories.append(k)   # "an accord that A's predecessor, B, signed with C"
            if sign_tok.tag_ == "VBN" and sign_tok.dep_ == "acl":
                for k in _named_by(s, sign_tok):   # "a 1967 treaty, signed at X by A, B and C"
                    if k not in signatories and art.offices.get(k):
                        signatories.append(k)
            guests = [p.key for p in s.persons if p.start in watching and p.key not in signatories
                      and (p.key in art.leaders or p.key in art.leader_titled)]
            if not signatories and group and not _SIDES_SIGNED.search(s.text):
                signatories = list(group)   # "the two leaders signed"; "the two sides signed" names no signer
            # parties are the states the signing itself names ("A and B signed"), not bystanders
            # ("talks hosted by Swiss diplomats")
            governed = {st.key for st in s.states if _governed_by(s.span.doc[st.start], sign_tok)
                        or _shares_subject(s.span.doc[st.start], sign_tok)}
            governed |= {art.seat_of(pl.key) for pl in s.places if art.seat_of(pl.key) is not None
                         and _as_government(s.span.doc[pl.end - 1])
                         and (_governed_by(s.span.doc[pl.start], sign_tok) or _shares_subject(s.span.doc[pl.start], sign_tok))}
            # "the two sides" of another clause ("A, who signed X, met B, and the two sides
            # signed Y") say nothing of X's parties
            clause = _clause_text(s, sign_tok)
            if not TWO_STATES.search(clause):
                parties = [p for p in parties if p in governed
                           or any(p in art.offices.get(k, ()) for k in _relative_subjects(art, s, m, sign_tok))]
            elif not governed and not m.extra.get("named_parties") and _AFTER_MEETING.search(s.text):
                # "after the talks, the two leaders signed X": the signers' states, when the sentence names none
                derived = sorted({st for p in signatories for st in art.offices.get(p, ())})
                if len(derived) >= 2:
                    parties = derived
            if not parties and _THEIR_SIGNERS.search(clause):
                # "A and B watched as their foreign ministers signed X": the states of those named
                whose = sorted({st for p in s.persons if p.key in art.leaders or p.key in art.leader_titled
                                for st in art.offices.get(p.key, ())})
                if len(whose) >= 2:
                    parties = whose
            if not parties:
                # "Eight members signed it on 6 August: A, B, C and D": the states listed after it
                listed = _listed_after_colon(s, sign_tok)
                if len(listed) >= 2:
                    parties = listed
            if not parties or len(parties) < 2:
                derived = sorted({st for p in signatories for st in art.offices.get(p, ())})
                parties = list(dict.fromkeys(parties + derived))
            start, _ = _signing_date(art, s, sign_tok)
            if start is None and m.extra.get("of_date") is not None:
                start = m.extra["of_date"]   # "the Treaty of X of May 7, 1979, which was signed in Y"
            if start is None and own_year is not None and _before_article(art, own_year):
                start = own_year   # "a 1999 treaty, signed by A and B": the year its mention gives
            place = _place_for(s, sign_tok, strict=True, governor=sign_tok)
            journey = sign_tok.head if sign_tok.dep_ in ("advcl", "xcomp") and sign_tok.head.lemma_.lower() in _TRAVEL \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in sign_tok.children) else None
            if journey is not None:
                # "flew to Lusaka to sign X": signed where the journey went, when it was made
                place = place or next((m.key for m in s.places if _governed_by(s.span.doc[m.end - 1], journey)), None)
                start = start or _resolve_dates(art, s, journey, "past")[0]
            recent = [e for e in art.events if e.kind in ("Summit", "Visit") and e.extra.get("block") in (s.block, s.block - 1)
                      and 0 < s.index - e.extra.get("sent", -99) <= 3]
            if start is None and status is None and not s.dates and recent and _AFTER_MEETING.search(s.text):
                # "At the end of the talks, the two leaders signed X": the signing of a meeting or
                # visit just told takes its date and place
                met = recent[-1].people()
                if re.match(r"^(?:They|The two|Both)\b(?!\s+sides)", s.text) and set(signatories) <= set(met):
                    signatories = met   # "They then signed X": all who met, not one "they" was read as
                dated = [e for e in recent if e.start is not None]
                # "following their meeting": the meeting's day, not an arrival told after it
                dated = [e for e in dated if e.kind == "Summit"] or dated
                if dated:
                    start = dated[-1].start
                for e in reversed(recent):
                    where = e.place if e.kind == "Summit" else e.destination
                    if place is None and where and where.startswith("place/"):
                        place = where
                        break
                if signatories and len(parties) < 2:
                    parties = list(dict.fromkeys(parties + sorted(
                        {st for p in signatories for st in art.offices.get(p, ())})))
            if place is None and status is None:
                # a signer's visit just told: the signing took place where the visit went
                for e in reversed(_recent_events(art, s, within=2)):
                    if e.kind == "Visit" and (e.destination or "").startswith("place/") \
                            and set(e.participants) & set(signatories) and _during(e.start, e.end, start):
                        place, start = e.destination, start or e.start
                        break
            dated = any(f.subject == key and f.predicate == "signedOn" for f in art.facts)
            if start is None and prev is not None and prev.block == s.block and status is None and not dated:
                # (not for a treaty already dated: "It was signed by ..." after "It replaces a
                # 1977 agreement" is not signed in 1977)
                start, _ = _resolve_dates(art, prev, None, "past")
                there = _place_for(prev, None, strict=True)
                if place is None and there is not None and art.state_of(there) is not None:
                    place = there   # (a town of a known state, not "security in the Pacific")
            if start is None and status is None and not dated and (_has_past_evidence(sign_tok) or sign_tok.tag_ == "VBD"):
                start = _story_date(art, s, named=m.extra.get("kind") == "named")
            if start is None and status is None and not dated and sign_tok.tag_ == "VBD" and _lead_tells_signing(art, s):
                # "LIMA, May 3 - The two states signed a treaty on Friday ... / The foreign ministers
                # signed the Treaty of X at ...": the lead's signing, told again with its names
                start = _lead_date(art, s)
            place = _town_of_building(art, s, place)
            if art.dateline_place and (place is None and (says_here(s.text) or _news_of_the_day(art, start))
                                       or place is not None and _a_building(art, s, place)):
                # "signed here on Thursday", "signed in the town hall" (a building of no known
                # state, and no town named): where the story was filed
                place = art.place(art.dateline_place)
            if not signatories and status is None and len(parties) >= 2:
                # "The presidents of A, B and C signed ...", "signed by the five leaders": the
                # people the article makes those states' leaders (or foreign ministers)
                signatories = _signers_by_office(art, s, parties, start)
            if status is not None:
                _plan(art, s, "Treaty", signatories or parties, status, start)
                continue
            if start is not None and not _not_after_article(art, start) and art.article_date is not None:
                _plan(art, s, "Treaty", signatories or parties, "expected", start)
                continue
            if m.extra.get("kind") == "generic" and (key not in art.entities or m.extra.get("described")):
                _treaty_entity(art, key, label, m)
            elif key not in art.entities:
                continue
            for p in parties:
                art.add(key, "party", Ref(p), s)
            for p in signatories:
                art.add(key, "signatory", Ref(p), s)
            if start is not None:
                art.add(key, "signedOn", start, s)
            if place is not None:
                art.add(key, "signedAt", Ref(place), s)
            # the leaders at a signing met: those who signed, and those who watched ministers sign
            met = list(dict.fromkeys(signatories + guests)) if len(signatories) >= 2 else \
                list(dict.fromkeys([p for p in signatories if p in art.leaders] + guests))
            # (a signing the story looks back on is history it cites, not a meeting it reports,
            # unless the article is the story of that signing, told years on: "Fifty years ago
            # today, A and B signed X")
            when = start or next((f.obj for f in art.facts if f.subject == key and f.predicate == "signedOn"
                                  and isinstance(f.obj, PartialDate)), None)
            if len(met) >= 2 and len({st for p in met for st in art.offices.get(p, ())}) >= 2 \
                    and not (when is not None and art.article_date is not None
                             and when.year < art.article_date.year - 1 and not _story_of(art, when.year)):
                first, last = _ended_talks(s, start or when)   # "signed on Friday, after three days of talks"
                ev = Event("Summit", met, first, last, place, extra={"type": "Summit", "treaty": key,
                                                                      "sent": s.index, "block": s.block})
                ev.evidence.append(Evidence(s.text, s.section))
                art.events.append(ev)


_PLURAL_SIGNERS = (r"(?:the|both|all|their)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                   r"(leaders|presidents|prime\s+ministers|premiers|heads\s+of\s+state(?:\s+and\s+government)?|"
                   r"heads\s+of\s+government|foreign\s+ministers)\b")
_OFFICES_SIGNED = re.compile(
    _PLURAL_SIGNERS + r"(?:\s+of\s+[^.;]{0,120}?)?\s+(?:then\s+|also\s+|formally\s+|jointly\s+)?"
    r"(?:have\s+|had\s+)?(?:signed|inked)\b"
    r"|\b(?:signed|inked)\b[^.;]{0,60}?\bby\s+" + _PLURAL_SIGNERS, re.I)


def _signers_by_office(art: _Article, s: Sentence, parties: list[str], when: PartialDate | None) -> list[str]:
    """The signers a plural office names, "the presidents of A, B and C signed" or "signed by the
    two foreign ministers": for each party, the one person the article gives that office of it
    (of those it names more than one for, the one whose known term covers the signing)."""
    said = _OFFICES_SIGNED.search(s.text)
    if said is None:
        return []
    noun = " ".join((said.group(1) or said.group(2)).lower().split())
    ministers = noun == "foreign ministers"
    out: list[str] = []
    for st in parties:
        cands = [p for p, states in art.offices.items() if st in states and (
            (p in art.leaders or p in art.leader_titled) != ministers)]
        if ministers:
            cands = [p for p in cands if any(f.subject == p and f.predicate == "title" and "foreign" in str(f.obj).lower()
                                             for f in art.facts)]
        elif noun in ("presidents", "prime ministers", "premiers"):
            # (one named without a title holds the one the reference gives them: a president is
            # not among "the prime ministers")
            cands = [p for p in cands if _holds_title(art, p, noun) or not _reference_terms(art, p)
                     and not any(f.subject == p and f.predicate == "title" for f in art.facts)]
        if len(cands) > 1 and when is not None:
            cands = [p for p in cands if any(r.state and f"state/{ref.slugify(r.state)}" == st and r.covers(when.year)
                                             for r in ref.roles_of(art.people.get(p, {}).get("label", "")))]
        if len(cands) == 1:
            out.append(cands[0])
    return out if len(out) >= 2 else []


_CIRCUMSTANCE = {"after", "following", "before", "during", "ahead", "despite"}


_LIGHT_SIGN = {"put", "affix", "set", "add"}
_SIGN_OBJECTS = {"signature", "name", "hand", "seal", "initial", "pen"}   # ("put pen to paper")
# documents a leader signs that are not the treaty the sentence names ("signed a law
# withdrawing from the treaty", "signed a decree on the accord")
_OTHER_DOCUMENTS = {"law", "decree", "bill", "order", "ordinance", "letter", "resolution", "statement",
                    "declaration", "communique", "communiqué", "petition", "instrument", "memorandum",
                    "contract", "deal"}


# signers named as the agents of those the sentence names ("their foreign ministers", "officials of
# the two countries")
_THEIR_SIGNERS = re.compile(r"\b(?:their|the\s+two|both)\s+(?:\w+\s+)?(?:ministers|officials|delegations|negotiators|"
                            r"envoys|representatives|ambassadors|deputies)\b|\bofficials\s+of\s+the\s+two\b", re.I)


def _clause_text(s: Sentence, sign_tok: Any) -> str:
    """The words of the clause a signing word belongs to: its verb's subtree, or the sentence when
    the signing is the main clause."""
    verb = sign_tok if sign_tok.pos_ in ("VERB", "AUX") else next(
        (a for a in sign_tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.dep_ == "ROOT":
        return s.text
    return " ".join(t.text for t in verb.subtree)   # "met B, and the two sides signed Y": the conjunct alone


def _sign_token(s: Sentence) -> Any | None:
    """The word that reports a signing: "signed", "the signing of", "set their names to"."""
    for t in s.span:
        if t.lemma_.lower() in _LIGHT_SIGN and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _SIGN_OBJECTS
                                                     for c in t.children):
            return t
        if t.lemma_.lower() in SIGN_WORDS or t.lower_ in SIGN_WORDS:
            return t
    return None


def _signs_other_document(sign_tok: Any, resolved: list[Any]) -> bool:
    """The signing's object is a document of another kind than the treaty mentioned ("Putin
    signed a law denouncing the treaty")."""
    obj = next((c for c in sign_tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None and sign_tok.dep_ == "acl":
        obj = sign_tok.head   # "follows a Joint Statement the two ministers signed"
    if obj is None or obj.lemma_.lower() not in _OTHER_DOCUMENTS:
        return False
    return not any(m.start <= obj.idx < m.end for m, _ in resolved)


def _signs(person: Any, sign_tok: Any) -> bool:
    """The person signs: governed by the signing word, or the subject it shares with the verb it is
    chained to ("A and B met in Geneva and signed X", "A held talks, signing X") — not one named in
    the signing's circumstances ("after talks between A and B, the two sides signed X")."""
    if person.dep_ == "poss":
        return False   # "signed by B, A's father": A did not sign
    if _governed_by(person, sign_tok):
        path = []
        for t in person.ancestors:
            if t.i == sign_tok.i:
                break
            path.append(t)
        return not any(t.lower_ in _CIRCUMSTANCE and t.dep_ == "prep" for t in path)
    if sign_tok.dep_ in ("conj", "advcl", "xcomp") and _subject_like(person) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in sign_tok.children):
        t = person
        while t.dep_ in ("conj", "compound", "appos") and t.head.i != t.i:
            t = t.head
        return t.head.i == sign_tok.head.i
    return False


def _shares_subject(tok: Any, sign_tok: Any) -> bool:
    """``tok`` is in the subject of the verb the signing is coordinated with ("the leaders of A
    and B met on Tuesday and signed X")."""
    if sign_tok.dep_ != "conj" or sign_tok.head.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in sign_tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in sign_tok.children):
        return False
    return subj.left_edge.i <= tok.i <= subj.right_edge.i


def _other_clause(tok: Any, sign_tok: Any) -> bool:
    """``tok`` hangs, inside the signing's subtree, off another verb with a subject of its own
    ("signed X, years after A signed Y on DATE")."""
    for t in tok.ancestors:
        if t.i == sign_tok.i:
            return False
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return any(a.i == sign_tok.i for a in t.ancestors)
    return False


def _dated_before_story(art: _Article, s: Sentence, sign_tok: Any) -> bool:
    """"The X Treaty, signed in Moscow in May 1972, ...": a signing the sentence dates to an
    earlier year than the story's is told as done, whatever the tense the parser saw."""
    if art.article_date is None:
        return False
    lo, hi = sign_tok.left_edge.idx, sign_tok.right_edge.idx + len(sign_tok.right_edge.text)
    for m in s.dates:
        if lo <= m.start < hi and _YEAR.search(m.text):
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))[0]
            if got is not None and got.year < art.article_date.year:
                return True
    return False


def _signing_date(art: _Article, s: Sentence, sign_tok: Any) -> tuple[PartialDate | None, PartialDate | None]:
    """The date of the signing: one the signing word governs, or any when it is the main verb."""
    lo, hi = sign_tok.left_edge.idx, sign_tok.right_edge.idx + len(sign_tok.right_edge.text)
    if sign_tok.dep_ == "relcl" and any(c.lower_ == "when" for c in sign_tok.children) \
            and not any(lo <= m.start < hi for m in s.dates):
        # "in September 2019, when A and B put their names to X": the time the clause hangs on
        at = next((m for m in s.dates if m.start <= sign_tok.head.idx < m.end), None)
        if at is not None:
            got = _resolve_expr(art, at.text, "past", context=_text_before(art, s, at.start))
            if got[0] is not None:
                return got
    # not a date of a clause of its own in the signing's subtree ("signed X, 40 years after A
    # and B signed Y on 3 May 1981")
    own = [m for m in s.dates if lo <= m.start < hi and not _other_clause(_token_at_char(s.span, m.start), sign_tok)]
    if not own and sign_tok.dep_ in ("acl", "relcl"):
        # "the X Treaty, signed in A, B, on 3 March 2002, which ...": a date the
        # parser hung elsewhere, right after the participle's phrase
        text = _doc_text(s.span.doc)
        own = [m for m in s.dates if hi <= m.start < hi + 12 and re.fullmatch(r"[\s,]*(?:on|in)?\s*", text[hi:m.start])][:1]
    if own:
        for m in sorted(own, key=lambda m: abs(m.start - sign_tok.idx)):
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
            if got[0] is not None:
                return got
        return None, None
    if sign_tok.dep_ == "ROOT" or sign_tok.head.dep_ == "ROOT" and sign_tok.dep_ in ("conj", "advcl"):
        for m in sorted(s.dates, key=lambda m: abs(m.start - sign_tok.idx)):
            if _other_clause(_token_at_char(s.span, m.start), sign_tok) or _in_own_clause(s, sign_tok, m.start):
                continue
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
            if got[0] is not None:
                return got
        return None, None
    if sign_tok.dep_ == "conj" and sign_tok.head.pos_ in ("VERB", "AUX"):
        # "met in Brussels on Tuesday and signed X": the time of the verb it is coordinated with
        doc = s.span.doc
        shared = [m for m in s.dates if _governed_by(_token_at_char(s.span, m.start), sign_tok.head)
                  and not _governed_by(_token_at_char(s.span, m.start), sign_tok)]
        for m in shared:
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
            if got[0] is not None and doc is not None:
                return got
    return None, None


def _plan(art: _Article, s: Sentence, kind: str, involves: list[str], status: str,
          start: PartialDate | None = None) -> None:
    if not involves:
        return
    ev = Event("Plan", list(dict.fromkeys(involves)), start, status=status, extra={"type": kind})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)
