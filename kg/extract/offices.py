"""Offices: titles next to names (pre-modifiers, appositions, plural titles), the state a
title belongs to, ``leaderOf``/``officialOf`` facts, and offices completed later from the
article's other sentences or from the reference terms of office (kg/link.py)."""

from __future__ import annotations

import functools
import re
from typing import Any

from .. import reference as ref
from ..model import Ref
from .lexicon import HONORIFICS, HOSTING, INSTITUTIONS, INTERNATIONAL, LEADER_TITLES, NON_OFFICIAL, OFFICIAL_TITLES, PAST_MARKERS, _PLURAL_TITLES, STATE_BODIES, portfolio_word
from .names import _NAME_HONORIFICS, _title_case
from .nlp import _doc_text, inverted_subject
from .context import _Article, Mention, _persons_by_token, Sentence
from .dating import _sentence_year
from .mentions import _subject_person


@functools.lru_cache(maxsize=1)
def _titles_longest_first() -> list[tuple[str, re.Pattern[str]]]:
    return [(t, re.compile(rf"(?<![\w-]){re.escape(t)}(?![\w-])"))
            for t in sorted(LEADER_TITLES | OFFICIAL_TITLES | NON_OFFICIAL, key=lambda t: (-len(t), t))]


def _title_in(words: list[str]) -> tuple[str | None, bool]:
    """The longest title phrase in a window of lower-case words, and whether it leads a state."""
    if words and words[-1] in _PLURAL_TITLES:   # "Presidents Yeltsin and Kuchma"
        words = words[:-1] + [words[-1][:-1]]
    text = " ".join(words)
    best = None
    for t, rx in _titles_longest_first():
        if t in text and rx.search(text):
            best = t
            break
    if best is None or best in NON_OFFICIAL or any(n in text.split() for n in ("professor", "fellow")):
        return None, False
    if best == "chairman":
        return best, any(b in text for b in STATE_BODIES)
    best = _SHORT_TITLES.get(best, best)   # "PM Lee": the Prime Minister
    return best, best in LEADER_TITLES and best != "chairman"


_SHORT_TITLES = {"pm": "prime minister"}
_ENVOYS = {"ambassador", "envoy", "representative", "consul", "high commissioner", "commissioner"}


# the title of an organisation's secretariat head, right before the name
_BODY_HEAD = re.compile(r"\b(?:secretary[- ]general|director[- ]general|executive secretary)\s*,?\s*"
                        r"(?:(?:dame|sir|dr\.?|mr\.?|ms\.?|mrs\.?|(?:his|her) excellency)\s+)?$", re.I)


# courtesy words between a title told before a name and the name ("the Emir of Kuwait, Sheikh X")
_COURTESY = {"sheikh", "shaikh", "dr", "dr.", "sir", "dame", "his", "her", "excellency", "h.e.", "mr", "mr.", "mrs", "ms",
             "royal", "highness", "majesty", "prince", "princess"}


def _name_starts(s: Sentence, i: int) -> bool:
    """A person's name starts at token ``i``, after courtesy words ("the Hon", "Sheikh")."""
    doc = s.span.doc
    while i < s.span.end and (doc[i].lower_ in _COURTESY or doc[i].lower_ in HONORIFICS
                              or doc[i].lower_ == "the" and i + 1 < s.span.end and doc[i + 1].lower_ in HONORIFICS):
        i += 1
    return any(m.start == i or m.start < i < m.end for m in s.persons)


def _institution_before(s: Sentence, key: str) -> str | None:
    """The state of an institution named in the eight words before the person ("A Pentagon
    spokesman, X,", "the Kremlin's envoy, X")."""
    doc = s.span.doc
    at = next((m.start for m in s.persons if m.key == key), None)
    if at is None:
        return None
    words = " ".join(t.lower_ for t in doc[max(s.span.start, at - 8):at])
    for name, state in INSTITUTIONS.items():
        if re.search(r"\b" + re.escape(name) + r"\b", words):
            return state
    return None


def _institution_state(words: list[str]) -> str | None:
    text = " ".join(words)
    for name, state in INSTITUTIONS.items():
        if " " in name and name in text:
            return f"state/{ref.slugify(state)}"
    return None


# "-backed", "-led": a state in a compound adjective describes someone else's body
_BY_OTHERS = {"backed", "led", "sponsored", "supported", "funded", "brokered", "allied", "aligned", "installed",
              "trained", "based", "born", "owned"}
_ELECT = re.compile(r"\w-(?:elect|designate)\b[\s,]*(?:(?:His|Her)\s+(?:(?:Excellency|Majesty)\s+)?)?(?:the\s+)?"
                    r"(?:Hon\.?\s+)?$", re.I)


def _offices(art: _Article, s: Sentence) -> None:
    doc = s.span.doc
    state_at = {}
    for m in s.states:
        if m.end + 1 < s.span.end and doc[m.end].text == "-" and doc[m.end + 1].lower_ in _BY_OTHERS:
            continue   # "the Vietnamese-backed government": the state backs, it does not employ
        for i in range(m.start, m.end):
            state_at[i] = m.key
    for t in s.span:
        # "crossed into X to meet its prime minister, B": "its" is the state just named
        if t.lower_ == "its" and t.dep_ == "poss" and _title_in([t.head.lower_])[0] is not None:
            told = [m for m in s.states if m.end <= t.i]
            # (the state named last, with no other noun between: not "trained in X, then led the
            # movement after the death of its founder")
            # (or the subject of its clause: "X, the only country of the region there, is
            # represented by its president, B")
            subject = next((m for m in told if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                            and doc[m.end - 1].head in t.ancestors), None)
            if subject is not None:
                state_at[t.i] = subject.key
            elif told and not any(doc[k].pos_ in ("NOUN", "PROPN") for k in range(told[-1].end, t.i)):
                state_at[t.i] = told[-1].key
    by_token = _persons_by_token(s)
    plural: dict[str, tuple[str, bool]] = {}      # people under a plural title ("Presidents A and B")
    paired = _paired_titles(art, s) | _office_taken_as(art, s, state_at) | _ruled(art, s, state_at)
    for pm in s.persons:
        if pm.key in paired:
            continue
        before = _doc_text(doc)[max(s.span.start_char, doc[pm.start].idx - 60):doc[pm.start].idx]
        if _ELECT.search(before):
            # "President-elect X", "the President-elect, His Excellency X": an office still to come
            art.past_people.add(pm.key)
            continue
        if _BODY_HEAD.search(before):
            # "U.N. Secretary-General X", "the bloc's director general, Dr. X": the head of an
            # organisation's secretariat, nobody's state official
            art.international.add(pm.key)
            continue
        # pre-modifier window: "Russian President Vladimir Putin", "Kremlin aide Yuri Ushakov",
        # "Panama's then-President X" ("then" keeps the role: the text places it in its time)
        words, state, past, possessive = [], None, False, False
        boss = None   # the person whose aide, adviser or spokesman this one is
        i = pm.start - 1
        while i >= s.span.start:
            tok = doc[i]
            if i in state_at:
                state = state or state_at[i]
                words.insert(0, tok.lower_)
                i -= 1
                continue
            low = tok.lower_
            if low in ("'s", "’s", "'", "’") and i - 1 in state_at:
                possessive = possessive or not words
                i -= 1
                continue
            if low in ("'s", "’s") and i - 1 in by_token:
                if words:
                    boss = doc[i - 1].text   # "Putin's spokesman Dmitry Peskov": the one served
                break
            if low in ("'s", "’s"):
                i -= 1
                continue
            if low == "-" and i - 1 >= s.span.start and doc[i - 1].lower_ == "then":
                i -= 2
                continue
            if low == "then":
                i -= 1
                continue
            if low == "to" and words and all(k in state_at or doc[k].lower_ == "the" for k in range(i + 1, pm.start)) \
                    and i - 1 >= s.span.start and doc[i - 1].lower_ in _ENVOYS:
                words, state = [], None   # "Kenyan Ambassador to Chile X": Chile hosts the envoy; Kenya sends
                i -= 1
                continue
            if low == "-" and words and i - 1 >= s.span.start and doc[i - 1].lower_ in ("vice", "deputy"):
                i -= 1           # "vice-president": one title
                continue
            if INSTITUTIONS.get(low):
                state = state or f"state/{ref.slugify(INSTITUTIONS[low])}"
                words.insert(0, low)
                i -= 1
                continue
            if tok.ent_type_ == "DATE" and low not in PAST_MARKERS or low == "late" and _dated(doc, i + 1, s.span.end):
                break   # "In late October 1997 he ...": a date before the name, no title of it
            if low in PAST_MARKERS:
                past = True
                break
            if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ") \
                    or (tok.ent_type_ == "PERSON" and i in by_token):
                if low in ("and", "&") and words and portfolio_word(words[0]) and i - 1 >= s.span.start \
                        and portfolio_word(doc[i - 1].text):
                    # "Minister of Natural Resources and Environmental Sustainability X": one portfolio
                    words.insert(0, low)
                    i -= 1
                    continue
                if low in ("of", "for") and words:   # "Chairman of State Affairs of North Korea Kim",
                    # "Chile's Minister for Mining Ana Rojas"
                    words.insert(0, low)
                    i -= 1
                    continue
                if low in ("the",) and i > s.span.start and doc[i - 1].lower_ == "of":
                    words.insert(0, low)
                    i -= 1
                    continue
                break
            words.insert(0, low)
            i -= 1
        if i >= s.span.start and doc[i].lower_ in PAST_MARKERS \
                and not (doc[i].lower_ == "late" and _dated(doc, i + 1, s.span.end)):
            past = True
        art.person_sentences.setdefault(pm.key, []).append(s)
        counterpart_of = None
        if "counterpart" in words or "counterparts" in words or (
                i - 1 >= s.span.start and doc[i].text == "," and doc[i - 1].lower_ == "counterpart"):
            # "his Kenyan counterpart, William Ruto": the office of the person "his" refers to
            if state is None and doc[i].text == ",":
                for k in range(max(s.span.start, i - 4), i - 1):
                    if k in state_at:
                        state = state_at[k]
            before = [m for m in s.persons if m.end <= i and m is not pm]
            if before:
                counterpart_of = before[-1].key
            elif art.person_order:
                counterpart_of = next((k for _, k in reversed(art.person_order) if k != pm.key), None)
        if state is None:
            state = _institution_state(words)
        if state is None and words and i >= s.span.start and doc[i].lower_ == "by":
            # "signed on behalf of X's government by Foreign Minister Y", "for X by Y": the
            # state the signer acted for
            for k in range(i - 1, max(s.span.start, i - 9) - 1, -1):
                if k in state_at and any(doc[x].lower_ in ("behalf", "for") for x in range(max(s.span.start, k - 6), k)):
                    state = state_at[k]
                    break
                if doc[k].lower_ in ("by", ";") or doc[k].pos_ == "VERB":
                    break
        title, leads = _title_in(words)
        if title is not None and words and words[-1] in _PLURAL_TITLES:
            plural[pm.key] = (title, leads)
        elif title is None and not words and i == pm.start - 1 and doc[i].lower_ in ("and", ","):
            # "Presidents Kagame and Museveni": the plural title is each one's
            prev_m = next((m for m in reversed(s.persons) if m.end <= i), None)
            if prev_m is not None and prev_m.key in plural and all(
                    doc[k].lower_ in ("and", ",") or any(m.start <= k < m.end for m in s.persons)
                    for k in range(prev_m.end, pm.start)):
                title, leads = plural[prev_m.key]
                plural[pm.key] = (title, leads)
        # apposition: "X, Foreign Minister of Y," or "X, chairman of a state body of Y,"; also after
        # a rank with no state ("General X, Panama's head of government,")
        if (title is None or state is None and not leads) and pm.end < s.span.end and doc[pm.end].text == ",":
            ranked = title is not None
            j = pm.end + 1
            app_words, app_state = [], None
            others = {i for m in s.persons if m is not pm for i in range(m.start, m.end)}
            while j < s.span.end and doc[j].text not in (",", ";", "(", ")", "—", "–") and j - pm.end < 16:
                tok = doc[j]
                if not app_words and tok.lower_ in ("and", "or", "while", "but"):
                    break   # "A, and the Prime Minister of Y, B": the next one's title, no apposition
                if not app_words and j + 1 < s.span.end and doc[j + 1].lower_ in ("'s", "’s") \
                        and tok.pos_ == "PROPN" and j not in state_at:
                    boss = tok.text   # "X, Sharif's adviser on foreign affairs,": the one served
                    j += 2
                    continue
                if j in others:  # "X, India's Power Minister Y": a list of people, not X's apposition
                    app_words = []
                    break
                if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBN" \
                        and not (app_words and app_words[-1] in ("-", "‐")):
                    break   # (a verb ends it; not one in a compound: "Oman's long-reigning sultan")
                if tok.lower_ == "to" and _title_in(app_words)[0] is not None:
                    break   # "a special adviser to President X": the adviser's office, not the president's
                if tok.lower_ in ("by", "since") and _title_in(app_words)[0] is None:
                    break   # "met X, the first trip there by a Gulf state's minister": someone else's office
                if tok.lower_ in ("to", "in") and app_words and app_words[-1] in _ENVOYS:
                    break   # "B, X's envoy in the host capital,": the host follows
                if j in state_at and app_state is None:
                    app_state = state_at[j]
                if app_state is None and not app_words and j + 1 < s.span.end and doc[j + 1].lower_ in ("'s", "’s"):
                    # "B, Washington's ambassador": a capital for its government
                    app_state = next((art.seat_of(m.key) for m in s.places if m.start <= j < m.end), None)
                low = tok.lower_
                if INSTITUTIONS.get(low) and app_state is None:
                    app_state = f"state/{ref.slugify(INSTITUTIONS[low])}"
                if low in PAST_MARKERS and low != "then" and not (low == "late" and _dated(doc, j + 1, s.span.end)):
                    past = True   # (not "to Baghdad late last month")
                app_words.append(low)
                j += 1
            if j < s.span.end and doc[j].text == "," and _name_starts(s, j + 1):
                # "the Emir of Kuwait, Sheikh A, Iraq's president, B,": a title told before the next
                # name is that one's
                app_words, app_state = [], None
            app_state = app_state or _institution_state(app_words)
            t2, l2 = _title_in(app_words)
            if t2 is not None and (not ranked or app_state is not None):
                # the first state of the apposition is the employer: in "the Russian Ambassador
                # to South Korea" the host country comes second
                title, leads, state = t2, l2, app_state or (state if possessive else None)
                words = app_words
        # "the Foreign Minister, X" / "Togo's president, X" / "Iraq's vice-president, X" / "the
        # Emir of Kuwait, Sheikh X"
        comma = pm.start - 1
        while comma > s.span.start and (doc[comma].lower_ in _COURTESY or doc[comma].lower_ in HONORIFICS
                                        or doc[comma].text == "."   # ("Niger's ruler, Lt. Col. X")
                                        or doc[comma].lower_ == "the" and doc[comma + 1].lower_ in HONORIFICS):
            # ("the Prime Minister of X, the Hon Y MP")
            comma -= 1
        # "Nigeria's head of state, General X": a rank before the name, the office before the comma
        ranked_only = title is not None and state is None and not leads
        if ranked_only and doc[comma].text != "," and s.span.start <= i < pm.start and doc[i].text == ",":
            comma = i
        if (title is None or ranked_only) and comma - 1 >= s.span.start and doc[comma].text == ",":
            j, rev = comma - 1, []
            host: set[int] = set()   # "Peru's ambassador to Chile, X": the state an envoy is sent to
            while j >= s.span.start and len(rev) < 7 and (
                    # ("China's ambassador to the United States, X")
                    doc[j].lower_ == "the" and not host and j - 2 >= s.span.start and doc[j - 1].lower_ == "to"
                    and doc[j - 2].lower_ in _ENVOYS
                    or doc[j].lower_ == "to" and rev and not host and j - 1 >= s.span.start
                    and doc[j - 1].lower_ in _ENVOYS
                    and all(k in state_at or any(m.start <= k < m.end for m in s.places) or doc[k].lower_ == "the"
                            for k in range(j + 1, comma))
                    or doc[j].pos_ not in ("DET", "VERB", "AUX", "ADP", "PUNCT")
                    or (doc[j].lower_ in ("of", "for") and rev and rev[0][:1].isalpha() and (
                        doc[j + 1].text[:1].isupper() or rev[0] == "the" and j + 2 in state_at))
                    # "the President of the Republic of Ghana, X"
                    # (a state's name, not "the head of the AU Commission, X"; and not an
                    # adviser's "to the President of Kenya")
                    or (doc[j].lower_ == "the" and rev and j - 3 >= s.span.start and doc[j - 1].lower_ == "of"
                        and j + 1 in state_at and not any(doc[k].lower_ == "to" for k in range(max(s.span.start, j - 5), j)))
                    or (doc[j].lower_ == "of" and rev and rev[0] in ("state", "government")
                        and j - 1 >= s.span.start and doc[j - 1].lower_ in ("head", "chief"))   # "Panama's head of state, X"
                    or (doc[j].text == "-" and rev and j - 1 >= s.span.start and doc[j - 1].lower_ in ("vice", "deputy", "then"))):
                if doc[j].lower_ == "to" and doc[j - 1].lower_ in _ENVOYS and not host:
                    host, rev = set(range(j, comma)), []
                    j -= 1
                    continue
                if doc[j].text != "-":
                    rev.insert(0, doc[j].lower_)
                j -= 1
            app_state = None
            for k in range(j + 1, comma):
                if k in state_at and k not in host:
                    app_state = state_at[k]
            owner = next((k for k in range(j + 2, comma) if doc[k].lower_ in ("'s", "’s") and k - 1 in by_token
                          and k - 1 not in state_at), None)
            if owner is not None and app_state is None:
                # "President A's spokesman, B,": B serves A's state
                t2, l2 = _title_in([doc[k].lower_ for k in range(owner + 1, comma)])
                if t2 is not None and not l2:
                    title, leads, boss = t2, l2, doc[owner - 1].text
            if j >= s.span.start and doc[j].lemma_ == "be" and doc[j].pos_ in ("AUX", "VERB") \
                    and j - 1 in by_token:
                pass   # "A was Kenya's president, B was ...": the title is the clause before's
            elif (j >= s.span.start and doc[j].pos_ == "DET") or app_state is not None:
                # (a title before "counterpart" is the other one's: "Prime Minister A and his
                # Jordanian counterpart, B")
                rev = rev[max((k + 1 for k, w in enumerate(rev) if w in ("counterpart", "counterparts")), default=0):]
                t2, l2 = _title_in([w for w in rev if w not in ("'s", "’s", "then")])
                if t2 is not None:
                    title, leads = t2, l2
                    state = app_state
                    if j >= s.span.start and doc[j].pos_ == "DET":
                        state = None
                        for k in range(j, comma):
                            if k in state_at and k not in host:   # ("the U.S. ambassador to China, X")
                                state = state_at[k]
                    if any(w in PAST_MARKERS and w != "then" for w in rev):
                        past = True
        # "A of Peru and B, his Bolivian counterpart,": the office of the person "his" refers to
        if title is None and state is None and pm.end + 2 < s.span.end and doc[pm.end].text == ",":
            j = pm.end + 1
            while j < min(s.span.end, pm.end + 5) and doc[j].lower_ not in ("counterpart", ","):
                j += 1
            if j < s.span.end and doc[j].lower_ == "counterpart" and doc[pm.end + 1].lower_ in ("his", "her", "their"):
                state = next((state_at[k] for k in range(pm.end + 1, j) if k in state_at), None)
                prev_m = [m for m in s.persons if m.end <= pm.start and m is not pm]
                if state is not None and prev_m:
                    counterpart_of = prev_m[-1].key
        # "President Irfaan Ali of Guyana"
        if title is not None and state is None and pm.end + 1 < s.span.end and doc[pm.end].lower_ == "of":
            k = pm.end + 1 + (doc[pm.end + 1].lower_ == "the")
            if k in state_at:
                state = state_at[k]
        if past:
            art.past_people.add(pm.key)
            continue
        if title is not None and (set(words) & INTERNATIONAL or "commission president" in " ".join(words)
                                  or _body_after(doc, pm.end, s.span.end)):
            art.international.add(pm.key)   # "U.N. Secretary-General X": nobody's state official
            art.add(pm.key, "title", _title_case(title), s)
            continue
        if title is None and state is None and pm.end + 1 < s.span.end and doc[pm.end].lower_ == "of":
            # "A of Iran and B of Iraq" after "the foreign ministers of the two countries"
            k = pm.end + 1 + (doc[pm.end + 1].lower_ == "the")
            if k in state_at and (k + 1 >= s.span.end or doc[k + 1].lower_ not in ("'s", "’s")):
                if _listed_office(art, s, pm, state_at[k]):
                    continue
                art.pending.append((pm.key, None, None, state_at[k], None, s))
                continue
        if state is None:
            state = _signed_for(s, pm, state_at)
            if state is not None and title is None:
                # "signed by A for Jordan and B for Israel": each signed as an official of that state
                art.pending.append((pm.key, None, None, state, None, s))
                continue
        if title is None:
            # "Zimbabwe's Emmerson Mnangagwa", "his Kenyan counterpart Daniel arap Moi": a state,
            # and an office known from the rest of the article or the reference data
            if state is not None and possessive and _listed_office(art, s, pm, state):
                continue
            if state is not None and (possessive or counterpart_of):
                art.pending.append((pm.key, None, None, state, counterpart_of, s))
            elif state is None and counterpart_of is not None and "counterpart" in words:
                art.pending.append((pm.key, None, None, None, counterpart_of, s))   # "his counterpart B"
            continue
        pretty = _title_case(title)
        art.add(pm.key, "title", pretty, s)
        if i - 2 >= s.span.start and doc[i].lower_ == "and" and doc[i - 2].lower_ == "crown" \
                and doc[i - 1].lower_ == "prince" and pretty != "Crown Prince":
            art.add(pm.key, "title", "Crown Prince", s)   # "Crown Prince and Prime Minister X": both
        if leads:
            art.leader_titled.add(pm.key)
        if state is None:
            state = _delegation_state(doc[pm.end - 1], state_at)
        if state is None:
            if boss is not None and not leads:
                art.served[pm.key] = boss
            art.pending.append((pm.key, title, leads, None, counterpart_of, s))
            continue
        _office_fact(art, pm.key, state, leads, s)


# "the French and Indonesian foreign ministers, A and B": the states in the names' order
_PAIRED = re.compile(r"\b[Tt]he\s+((?:[A-Z][\w-]+,\s+)*[A-Z][\w-]+\s+and\s+[A-Z][\w-]+)\s+"
                     r"(foreign ministers|defen[cs]e ministers|prime ministers|presidents|leaders|(?:[a-z]+\s+)?ministers)\s*,?\s+")


_TAKING_OFFICE = {"take", "swear", "inaugurate", "install", "serve", "elect", "appoint", "name", "become", "return"}


def _name_head(doc: Any, pm: Mention) -> Any:
    """The token that stands for a person's name in the parse: up from its last word through
    compounds and appositions."""
    head = doc[pm.end - 1]
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    return head


# verbs whose subject heads the state that is their object ("X, who ruled Gambia for 22 years")
_RULING = {"rule", "govern", "lead", "head"}


def _ruled(art: _Article, s: Sentence, state_at: dict[int, str]) -> set[str]:
    """"X, who ruled Gambia for 22 years", "X governed Chile from 1973", "who led Y to
    independence": the state's leader (then), when the text gives the person no title of their own."""
    doc = s.span.doc
    done: set[str] = set()
    for pm in s.persons:
        head = _name_head(doc, pm)
        # (and "X, the reformer who led Y": the clause of a noun in apposition to the name)
        nouns = [head] + [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        heads = ([head.head] if head.dep_ == "nsubj" else []) + [
            c for n in nouns for c in n.children
            if c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)]
        # ("who led X to independence and governed Y": each verb of the clause)
        verbs = [v for verb in heads
                 for v in [verb, *[c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                                   and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                                   # ("A was president of X and B led Y": the parser's subjectless
                                   # "led" after another's name is that one's verb)
                                   and not (doc[c.i - 1].ent_type_ == "PERSON" and not pm.start <= c.i - 1 < pm.end)]]
                 if v.lemma_.lower() in _RULING and not _is_future(v)]
        state = next((state_at[c.i] for v in reversed(verbs) for c in v.children
                      if c.dep_ in ("dobj", "obj") and c.i in state_at), None)
        if state is None:
            # "X headed Lesotho's government", "led the Iraqi government": its head then
            state = next((state_at[g.i] for v in reversed(verbs) if v.lemma_.lower() in ("lead", "head")
                          for c in v.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "government"
                          for g in c.children if g.dep_ in ("poss", "amod", "compound") and g.i in state_at), None)
        if state is None and not verbs:
            state = _ruled_after_the_name(s, pm, state_at)
        if state is None or any(a.lower_ in PAST_MARKERS for a in doc[max(s.span.start, pm.start - 3):pm.start]):
            continue
        _office_fact(art, pm.key, state, True, s)
        done.add(pm.key)
    return done


def _ruled_after_the_name(s: Sentence, pm: Mention, state_at: dict[int, str]) -> str | None:
    """"..., and C headed Y's government" / "and D led Z", read from the words right after the
    name when the parser gave the verb no subject: the state led."""
    doc = s.span.doc
    k = pm.end
    if k + 1 >= s.span.end or doc[k].tag_ != "VBD" or doc[k].lemma_.lower() not in _RULING:
        return None
    k += 1 + (doc[k + 1].lower_ == "the")
    if k not in state_at:
        return None
    state = state_at[k]
    while k < s.span.end and state_at.get(k) == state:
        k += 1
    rest = [t.lower_ for t in doc[k:min(k + 2, s.span.end)]]
    if rest[:1] in (["'s"], ["’s"]):
        rest = rest[1:]
    return state if not rest or rest[0] in ("government", ".", ",", ";", "and", "from", "until", "for", "in") else None


def _office_taken_as(art: _Article, s: Sentence, state_at: dict[int, str]) -> set[str]:
    """"X took the oath as President of Malta", "X was sworn in as Prime Minister
    of Y", "X served as foreign minister of Y": the office the "as" phrase names, with its state."""
    doc = s.span.doc
    done: set[str] = set()
    for pm in s.persons:
        head = _name_head(doc, pm)
        verbs = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else []
        # "X, the dissident who became Y's first president": the clause of the name's apposition
        verbs += [r for ap in (head, *(c for c in head.children if c.dep_ == "appos"))
                  for r in ap.children if r.dep_ == "relcl" and any(
                      c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in r.children)]
        # (a relative clause's "who served as X from A to B" is a span of the past, which tenure reads)
        verb = next((v for v in verbs if v.lemma_.lower() in _TAKING_OFFICE | {"be"}
                     and (v.dep_ != "relcl" or v.lemma_.lower() != "serve")), None)
        if verb is None and (found := _was_the_title(s, pm, state_at)) is not None:
            title, leads, state = found   # (a chain the parser reads as one clause: see _was_the_title)
            art.add(pm.key, "title", _title_case(title), s)
            if leads:
                art.leader_titled.add(pm.key)
            _office_fact(art, pm.key, state, leads, s)
            done.add(pm.key)
            continue
        if verb is None or _is_future(verb) or any(c.dep_ == "neg" for c in verb.children):
            continue
        as_ = next((c for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "as"
                    and (c.head.i == verb.i or c.head.head.i == verb.i)), None)
        obj = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
        if obj is None and verb.lemma_.lower() in ("become", "elect", "name", "appoint", "be") \
                and doc[pm.start].pos_ != "PRON":
            # "X became Senegal's first woman prime minister", "X was elected president of Y": the
            # office the verb's complement names (a pronoun's person is not known yet here)
            obj = next((c for c in verb.children if c.dep_ in ("attr", "oprd") and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is None:
            continue
        words = [t.lower_ for t in doc[obj.left_edge.i:obj.i + 1] if t.dep_ != "det" and t.lower_ not in ("first", "new")]
        if verb.lemma_.lower() == "be" and (as_ is not None or set(words) & PAST_MARKERS - {"then"}
                                             or obj.ent_type_ == "PERSON"):
            continue   # ("X was a former president of Y": the office before; "is as ...": no office;
            # "... were President A of Y, B ...": another's name)
        title, leads = _title_in(words)
        own = obj.subtree if as_ is not None else [
            # (the complement's own state, "Senegal's", "of Peru": not one of a clause after it,
            # "the first leader to meet Venezuela's president")
            g for c in obj.children if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
            for g in c.subtree]
        state = next((state_at[g.i] for g in own if g.i in state_at), None)
        if title is None or state is None:
            continue
        art.add(pm.key, "title", _title_case(title), s)
        if leads:
            art.leader_titled.add(pm.key)
        _office_fact(art, pm.key, state, leads, s)
        done.add(pm.key)
    return done


def _was_the_title(s: Sentence, pm: Mention, state_at: dict[int, str]) -> tuple[str, bool, str] | None:
    """"A was Kenya's president, B was prime minister of Uganda and C ...": a name right before
    a past or present "was"/"is" and the title and state that follow it, read from the words
    (in such chains the parser hangs a later name on the earlier clause's noun)."""
    doc = s.span.doc
    k = pm.end
    if k >= s.span.end or doc[k].lower_ not in ("was", "is"):
        return None
    words: list[str] = []
    state = None
    k += 1
    while k < s.span.end and len(words) < 8:
        t = doc[k]
        if t.ent_type_ == "PERSON":
            return None   # "A was President B's guest", "... were President C of Y": another's name
        if k in state_at:
            state = state or state_at[k]
        elif t.lower_ in ("'s", "’s", "-") or t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") \
                or t.lower_ in ("of", "for") and words:
            words.append(t.lower_)
        else:
            break
        k += 1
    if state is None or not words or words[0] in ("not", "never") or set(words) & PAST_MARKERS - {"then"}:
        return None
    title, leads = _title_in([w for w in words if w not in ("'s", "’s", "the", "a", "an", "then", "first")])
    return (title, leads, state) if title is not None else None


def _is_future(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in verb.children)


def _paired_titles(art: _Article, s: Sentence) -> set[str]:
    """The people placed by a paired title; their offices are recorded."""
    from .. import link

    done: set[str] = set()

    for m in _PAIRED.finditer(s.raw):
        words = re.split(r",\s+|\s+and\s+", m.group(1))
        states = [link.state_of_word(w) for w in words]
        if not all(states):
            continue
        after = s.span.start_char + m.end()
        people = [p for p in s.persons if s.span.doc[p.start].idx >= after][:len(states)]
        # the names must follow at once, joined by commas and "and"
        if len(people) != len(states) or any(
                not re.fullmatch(r",?\s*(?:and\s+)?", s.span.doc[a.end - 1:b.start + 1].text[
                    len(s.span.doc[a.end - 1].text):-len(s.span.doc[b.start].text)] if b.start > a.end - 1 else "")
                for a, b in zip(people, people[1:])):
            continue
        leads = m.group(2) in ("prime ministers", "presidents", "leaders")
        title = m.group(2)[:-1] if m.group(2) != "leaders" else None
        for p, st in zip(people, states):
            if title:
                art.add(p.key, "title", _title_case(title), s)
            if leads:
                art.leader_titled.add(p.key)
            _office_fact(art, p.key, art.state(f"state/{ref.slugify(st)}"), leads, s)
            done.add(p.key)
    return done


def _body_after(doc: Any, end: int, limit: int) -> bool:
    """"X, Secretary-General of the United Nations": the apposition names an international body."""
    words = [t.lower_ for t in doc[end:min(limit, end + 10)]]
    if not words or words[0] != ",":
        return False
    app = words[1:words.index(",", 1)] if "," in words[1:] else words[1:]
    if not app or app[0] in ("who", "whose", "which", "where", "when", "whom") or _title_in(app)[0] is None:
        return False   # not an office in apposition ("X, whose country holds the EU presidency")
    text = " ".join(app)
    return bool(re.search(r"\b(?:of|to|at)\s+(?:the\s+)?(?:united nations|african union|european (?:union|commission|council)|"
                          r"nato|world bank|international monetary fund)\b", text)) or bool(set(text.split()) & INTERNATIONAL)


_BEHALF = re.compile(r"^(?:,\s*)?(?:for|on\s+behalf\s+of)(?:\s+the\s+(?:Government|Republic|Kingdom|State)\s+of)?"
                     r"(?:\s+the\s+(?:Republic|Kingdom|State)\s+of)?(?:\s+the)?\s*$")


_SIGNING = re.compile(r"\bsign|\bput\s+(?:their|his|her)\s+names?\b|\bconcluded\b", re.I)


def state_after_name(s: Sentence, pm: Any, state_at: dict[int, str]) -> str | None:
    """The state named right after a person for whom they stood: "A for Jordan", "A on behalf of
    the Government of Peru"."""
    doc = s.span.doc
    for k in range(pm.end + 1, min(pm.end + 4, s.span.end)):
        if k in state_at and _BEHALF.match(doc[pm.end:k].text):
            return state_at[k]
    return None


def _signed_for(s: Sentence, pm: Any, state_at: dict[int, str]) -> str | None:
    """The state a signer signed for: "A for Jordan and B for Israel" in a signing sentence, "A
    signed for Vietnam", "A signed the accord on behalf of the Government of Peru"."""
    doc = s.span.doc
    if not _SIGNING.search(s.text):
        return None
    after = state_after_name(s, pm, state_at)
    if after is not None:
        return after
    # on the verb the person is the subject of: "A signed (the text) for Vietnam / on behalf of X"
    head = doc[pm.end - 1]
    while head.dep_ in ("compound", "flat", "appos", "conj") and head.head.i != head.i:
        head = head.head
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else next(
        (c for c in head.children if c.dep_ == "acl" and c.i > pm.end), None)   # (a parse of "A, B, signed for X")
    if verb is None and head.head.lemma_.lower() == "be":
        # "Signing for X were A and B": the gerund the copula names its doers after
        verb = next((c for c in head.head.children if c.dep_ in ("csubj", "nsubj") and c.tag_ == "VBG"
                     and inverted_subject(c, doc[pm.end - 1])), None)
    if verb is None or verb.lemma_.lower() not in ("sign", "put", "conclude", "initial"):
        return None
    preps = [c for c in verb.children if c.dep_ == "prep"]
    # ("put her name to the document for X": the parser hangs "for X" on the document)
    preps += [x for c in preps if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"
              for x in o.children if x.dep_ == "prep"]
    for c in preps:
        if c.lower_ in ("for", "on"):
            for g in c.subtree:
                if g.i in state_at and _BEHALF.match(doc[c.i:g.i].text):
                    return state_at[g.i]
    return None


# what leads or has members: "a Somali delegation led by X", "the Kenyan side included X"
_LED_PARTIES = ("delegation", "team", "mission")
_PARTY_NOUNS = (*_LED_PARTIES, "side", "entourage")
_MADE_OF = ("include", "comprise", "number")


def _delegation_state(tok: Any, state_at: dict[int, str]) -> str | None:
    """"A Somali delegation led by Foreign Minister X", "the Kenyan side included Defence
    Secretary X and ...": the state of the delegation X leads or belongs to."""
    for a in list(tok.ancestors)[:5]:
        if a.lemma_.lower() in ("lead", "head") and a.dep_ == "acl" \
                and a.head.lemma_.lower() in _LED_PARTIES:
            return next((state_at[t.i] for t in a.head.subtree if t.i < a.head.i and t.i in state_at), None)
        if a.pos_ in ("VERB", "AUX"):
            if a.lemma_.lower() not in _MADE_OF:
                return None
            party = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")
                          and c.lemma_.lower() in _PARTY_NOUNS), None)
            if party is None:
                return None
            # (the party's own state, told before its noun: "the Kenyan side", "Ghana's team")
            found = {state_at[t.i] for t in party.subtree if t.i < party.i and t.i in state_at}
            return found.pop() if len(found) == 1 else None
    return None


def _office_fact(art: _Article, person: str, state: str, leads: bool, s: Sentence) -> None:
    if _in_opposition(art, person, s):
        return   # "the Leader of the Opposition, X": no office of the state when the article speaks
    if not leads and _heads_then(art, person, state, s):
        leads = True   # "Crown Prince X" who is also the prime minister in the year told
    if leads:
        art.add(person, "leaderOf", Ref(state), s)
        art.leaders.setdefault(person, set()).add(state)
    else:
        art.add(person, "officialOf", Ref(state), s)
    art.offices.setdefault(person, set()).add(state)


def _heads_then(art: _Article, person: str, state: str, s: Sentence) -> bool:
    """The reference data has the person head ``state`` in the year the sentence tells of."""
    from .. import link

    label = art.people.get(person, {}).get("label")
    st = art.entities.get(state)
    year = _sentence_year(art, s)
    return bool(label and st is not None and year is not None
                and any(t.leads and t.state == st.label and t.covers(year) for t in link.terms_of(label)))


# "laid a wreath at the monument to General X": someone honoured, not an actor of the story
_COMMEMORATED = re.compile(r"\b(?:monument|statue|memorial|mausoleum|tomb|grave|bust|shrine)\s+(?:to|of)\b", re.I)
_ACCOMPANIED = re.compile(r"\baccompan(?:ied|ying)\b|\bdelegation\b|\bentourage\b", re.I)


def _resolve_offices(art: _Article) -> None:
    """Offices the sentences left half-known, completed from the whole article and the reference
    data: a title without its state ("President Paul Kagame"), a state without a title ("Zimbabwe's
    Emmerson Mnangagwa"), a counterpart ("his Kenyan counterpart, William Ruto")."""
    from .. import link

    titled: dict[str, bool] = {}
    for key, title, leads, _st, _cp, _s in art.pending:
        if title is not None:
            titled[key] = titled.get(key, False) or bool(leads)
    for key in art.leaders:
        titled[key] = True
    # titles first, then bare states, counterparts last: a counterpart's office may rest on
    # the others'
    order = sorted(art.pending, key=lambda p: (p[1] is None, p[4] is not None))
    led = _states_of_plural_leaders(art)
    unresolved: list[tuple[str, bool, Sentence]] = []
    for key, title, leads, state, counterpart_of, s in order:
        label = art.people[key]["label"]
        year = _sentence_year(art, s)
        boss = art.served.get(key)
        bosses = [k for k, rec in art.people.items() if boss and k != key and boss.lower() in rec["tokens"]
                  and len(art.offices.get(k, ())) == 1]
        if state is None and not leads and len(bosses) == 1:
            state = next(iter(art.offices[bosses[0]]))   # "Sharif's adviser": of the state Sharif leads
        if state is None:
            known = art.offices.get(key, set())
            if len(known) == 1:
                state = next(iter(known))
            else:
                st = (link.state_for_title(label, title, leads=bool(leads), year=year)
                      or _the_one_named(art, label, year, link.states_for_title(label, title, leads=bool(leads), year=year))
                      or link.state_of_title(title)) if title else None   # (none: "his counterpart B")
                if st is None:
                    st = _institution_before(s, key)   # "A State Department spokesman, X,"
                if st is not None:
                    state = art.state(f"state/{ref.slugify(st)}")
                elif not leads and art.dateline_state and not link.terms_of(label) \
                        and not _ACCOMPANIED.search(s.text) and not _COMMEMORATED.search(s.text) \
                        and not _SEVERAL_STATES.search(s.text) and not _elsewhere(art, s, key, title):
                    # a minister with no state beside the name, in a story filed from a state's
                    # soil: that state's minister ("HAVANA - ... Foreign Minister X")
                    state = art.dateline_state
                elif not leads and _set_in(art, s) is not None and not link.terms_of(label) \
                        and not _ACCOMPANIED.search(s.text) and not _SEVERAL_STATES.search(s.text):
                    # "In Canberra, Trade Minister X signed ...": a sentence set in one state's town
                    state = art.state(_set_in(art, s))
                elif leads and art.dateline_state and _the_host(s, key):
                    # "The host, President X, said": the leader of the state the story was filed from
                    state = art.dateline_state
                elif counterpart_of is not None and _other_side(art, s, counterpart_of, key) is not None:
                    # "Greek Foreign Minister A and his counterpart B", in a story of Greece and one
                    # other state: B serves that one, and leads it when A leads his
                    state = _other_side(art, s, counterpart_of, key)
                    leads = counterpart_of in art.leaders
                else:
                    unresolved.append((key, bool(leads), s))
                    continue
            _office_fact(art, key, state, bool(leads), s)
            continue
        st_label = art.entities[state].label if state in art.entities else None
        known_leads = link.leads_state(label, st_label, year=year) if st_label else None
        if known_leads is None:
            if key in art.leaders or titled.get(key):
                known_leads = True
            elif title is None and state in led and not any(
                    state in art.offices.get(k, ()) and any(_sentence_year(art, x) == year for x in art.person_sentences.get(k, ()))
                    for k in art.leaders if k != key) \
                    and not any(k != key and st == state and lead for k, _t, lead, st, _c, _x in art.pending) \
                    and not _MINISTERS_BEFORE.search(s.text):
                # "B of Honduras" with no title, in a story of "the presidents of A, Honduras and
                # C": that state's leader
                known_leads = True
            elif counterpart_of is not None and counterpart_of in art.leaders:
                known_leads = True
            else:
                known_leads = False
        _office_fact(art, key, state, known_leads, s)
    for key, leads, s in unresolved:
        # "the Prime Minister was accompanied by Defence Minister X", "a delegation led by ...":
        # an official travelling with someone of known office serves the same state
        if not leads and _ACCOMPANIED.search(s.text):
            me = next((m.start for m in s.persons if m.key == key), None)
            # the one accompanied is named before ("X was accompanied by Y"), not after ("Y held
            # talks with Z")
            states = {st for m in s.persons if m.key != key and len(art.offices.get(m.key, ())) == 1
                      and (me is None or m.start < me) for st in art.offices[m.key]}
            if not states and re.search(r"\b(?:[Hh]is|[Hh]er)\s+(?:delegation|entourage)\b", s.text):
                # "His delegation included ...": the protagonist of the sentences just before
                subjects = [_subject_person(x) for x in reversed(art.sentences[max(0, s.index - 3):s.index])]
                last = next((k for k in subjects if k and len(art.offices.get(k, ())) == 1), None)
                states = set(art.offices.get(last, ())) if last else set()
            if not states:   # "The Prime Minister was accompanied by ...": the one the story calls so
                from .descriptions import _BARE, _sole_titled
                for b in _BARE.finditer(s.text):
                    who = _sole_titled(art, b.group(1), s.index + 1)
                    states |= set(art.offices.get(who, ())) if who and len(art.offices.get(who, ())) == 1 else set()
            if len(states) == 1:
                _office_fact(art, key, states.pop(), False, s)
                continue
        # "... was welcomed by Y", "Y was waiting to greet him": the host state's leader or official
        host = None if _of_no_state(s, key) else _welcoming_host(art, key, s) or _met_by_a_guest(art, key, s)
        if host is not None:
            _office_fact(art, key, host, leads, s)
            continue
        # "Foreign Minister X and Y, then Timor-Leste's foreign minister", in a story of two
        # states: X serves the other one
        other = _paired_with(art, s, key)
        if other is not None:
            _office_fact(art, key, other, leads, s)
            continue
        # "A of India co-chaired the India-Nepal commission with Foreign Minister Y": of the two
        # states the sentence names, the one no other person of it serves
        pair = list(dict.fromkeys(m.key for m in s.states))
        theirs = {st for m in s.persons if m.key != key for st in art.offices.get(m.key, ())}
        if len(pair) == 2 and _paired_states(s) and theirs & set(pair) and len(set(pair) - theirs) == 1:
            _office_fact(art, key, (set(pair) - theirs).pop(), leads, s)
    art.pending.clear()
    _reference_leaders(art)


# a sentence about officials of several states: "the two countries' ministers", "their counterparts"
_SEVERAL_STATES = re.compile(r"\b(?:the two|both|the three|all)\s+(?:countries|nations|states|governments|sides)['’]"
                            r"|\brespective\b", re.I)
# "The defence ministers, A of X and B of Y": a plural title of officials before the names
_MINISTERS_BEFORE = re.compile(r"\b(?:ministers|secretaries|envoys|ambassadors|negotiators|delegates|officials)\s*,", re.I)
_HOST = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]heir)\s+(?:summit\s+)?host\b|^\W*Host\b")
# "the presidents of A, B and C": the states whose leaders a plural title names
_PLURAL_LEADERS_OF = re.compile(r"\b(?:presidents|leaders|heads\s+of\s+state(?:\s+and\s+government)?|"
                                r"heads\s+of\s+government|prime\s+ministers|premiers)\s+of\s+", re.I)


def _set_in(art: _Article, s: Sentence) -> str | None:
    """The state of the town a sentence opens with ("In Canberra, ..."), if any."""
    m = re.match(r"^\s*In\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s*,", s.text)
    if m is None:
        return None
    doc = s.span.doc
    at = s.span.start_char + m.start(1)
    place = next((p for p in s.places if doc[p.start].idx == at), None)
    return art.state_of(place.key) if place is not None else None


def _the_one_named(art: _Article, label: str, year: int | None, states: set[str]) -> str | None:
    """Of several states a reference term could place a title in, the one the article names; of
    several named in a year of handover (Chancellor of West Germany, then of Germany, in 1990),
    the successor, whose term began that year."""
    from .. import link

    named = [st for st in states if art.state_counts.get(f"state/{ref.slugify(st)}")]
    if len(named) == 1:
        return named[0]
    for y in dict.fromkeys([year, art.anchor.year if art.anchor is not None else None]):
        if len(named) > 1 and y is not None:
            began = [t.state for t in link.terms_of(label) if t.state in named and t.start == y]
            ended = [t.state for t in link.terms_of(label) if t.state in named and t.end == y]
            if len(began) == 1 and len(ended) == len(named) - 1:
                return began[0]
    return None


def _elsewhere(art: _Article, s: Sentence, key: str, title: str | None) -> bool:
    """The dateline does not place this official: the sentence is set in another state ("In
    Canberra, ... Trade Minister X"), the name stands under a plural title ("the then foreign
    ministers A and B"), or the title is a commissioner's (of a union of states as often as of one)."""
    if title and "commissioner" in title.lower():
        return True
    if _set_in(art, s) not in (None, art.dateline_state):
        return True
    me = next((m for m in s.persons if m.key == key), None)
    if me is None:
        return False
    doc = s.span.doc
    before = _doc_text(doc)[max(s.span.start_char, doc[me.start].idx - 60):doc[me.start].idx]
    if re.search(r"\b(?:ministers|secretaries|envoys|ambassadors)\b", before, re.I):
        return True
    # "Foreign Minister A and the American Ambassador B", filed from Washington: the dateline's
    # state has its own official in the sentence; A serves the other side
    return any(m.key != key and art.dateline_state in art.offices.get(m.key, ())
               and any(f.subject == m.key and f.predicate in ("leaderOf", "officialOf") and f.evidence.sentence == s.text
                       for f in art.facts) for m in s.persons)


def _the_host(s: Sentence, key: str) -> bool:
    """The sentence calls the person the host ("The host, President X, ...") or tells him receiving
    a visitor ("X was received by President A")."""
    doc = s.span.doc
    for m in s.persons:
        if m.key != key:
            continue
        tok = doc[m.end - 1]
        while tok.dep_ in ("compound", "appos", "conj") and tok.head.i != tok.i:
            tok = tok.head
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" \
            else tok.head if tok.dep_ == "nsubj" else None
        hosting = verb is not None and verb.lemma_.lower() in HOSTING
        guests = {g.i for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")
                  for g in c.subtree} if hosting else set()
        if hosting and not guests and verb.dep_ == "conj":
            # ("X arrived and was received by President A": the subject of the verb it is joined to)
            guests = {g.i for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for g in c.subtree}
        if any(p.key != key and p.start in guests for p in s.persons):
            return True   # "X was received by President A", "President A welcomed X": the host
    said = _HOST.search(s.text)
    if said is None:
        return False
    at = s.span.start_char + said.end()
    return any(m.key == key and 0 <= doc[m.start].idx - at <= 40 for m in s.persons)


def _states_of_plural_leaders(art: _Article) -> set[str]:
    """States a plural title of leaders names in a list: "the presidents of Chile, Peru and
    Bolivia"."""
    out: set[str] = set()
    for s in art.sentences:
        for m in _PLURAL_LEADERS_OF.finditer(s.text):
            doc = s.span.doc
            pos = s.span.start_char + m.end()
            by_start = {doc[st.start].idx: st for st in s.states}
            while True:
                st = by_start.get(pos)
                if st is None:
                    break
                out.add(st.key)
                end = doc[st.end - 1].idx + len(doc[st.end - 1].text)
                rest = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", _doc_text(doc)[end:end + 12])
                if rest is None:
                    break
                pos = end + rest.end()
    return out


def _paired_with(art: _Article, s: Sentence, key: str) -> str | None:
    """The other of the story's two states, for an official coordinated with one whose state
    the sentence tells beside that one's name ("X and Indonesia's Minister Y", "X and Y, then
    Timor-Leste's foreign minister"), in a story of two states."""
    # the two states of the sentences just told, their leaders' too ("Prime Minister X welcomed
    # Indonesia's president to Y"), else the story's two most named
    near = [x for x in art.sentences[max(0, s.index - 2):s.index + 1] if x.block >= s.block - 1]
    told = {m.key for x in near for m in x.states} | {st for x in near for m in x.persons if m.key in art.leaders
                                                       and len(art.offices.get(m.key, ())) == 1
                                                       for st in art.offices[m.key]}
    two = sorted(told) if len(told) == 2 else [k for k, n in art.state_counts.most_common(3) if n]
    if len(two) < 2 or len(two) == 3 and art.state_counts[two[1]] == art.state_counts[two[2]]:
        return None
    two = two[:2]
    doc = s.span.doc
    me = next((m for m in s.persons if m.key == key), None)
    if me is None:
        return None
    for o in s.persons:
        if o.key == key or len(art.offices.get(o.key, ())) != 1:
            continue
        a, b = (me, o) if me.start < o.start else (o, me)
        between = doc[a.end:b.start].text
        if not re.match(r"^\s*,?\s*and\b", between) or ";" in between or len(between) > 80:
            continue
        theirs = next(iter(art.offices[o.key]))
        # the other's state told with the other's title, before the name or in apposition after it
        told = any(st.key == theirs and (max(a.end, o.start - 8) <= st.start < o.start
                                         or o.end < len(doc) and doc[o.end].text == "," and o.end < st.start <= o.end + 4)
                   for st in s.states)
        if theirs in two and told:
            return art.state(next(k for k in two if k != theirs))
    return None


def _paired_states(s: Sentence) -> bool:
    """The sentence pairs its two states: "the India-Nepal commission", "between A and B"."""
    doc = s.span.doc
    ms = sorted(s.states, key=lambda m: m.start)
    return any(a.key != b.key and (doc[a.end:b.start].text.strip() in ("-", "–")
                                   or doc[a.end:b.start].text.strip() == "and" and a.start > 0
                                   and doc[a.start - 1].lower_ == "between")
               for a, b in zip(ms, ms[1:]))


_WELCOME = {"welcome", "receive", "greet"}


# "X, president of the Kurdistan Region,": a title of something that is not a state
_TITLE_OF = re.compile(r"^\s*,\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:president|prime minister|premier|governor|leader|"
                       r"chairman|head|chief minister)\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})")


def _of_no_state(s: Sentence, key: str) -> bool:
    """The person is named with a title of a region, province or body, not of a state."""
    me = next((m for m in s.persons if m.key == key), None)
    if me is None:
        return False
    doc = s.span.doc
    end = doc[me.end - 1].idx + len(doc[me.end - 1].text) - s.span.start_char
    m = _TITLE_OF.match(s.text[end:]) if 0 <= end <= len(s.text) else None
    # (not "president of the Republic", "head of the Government": the state's own words)
    return m is not None and ref.lookup_state(m.group(1)) is None \
        and m.group(1).split()[0] not in ("Republic", "Federation", "Confederation", "Kingdom", "Union",
                                          "Government", "State", "Country", "Nation", "Council")


def _welcoming_host(art: _Article, key: str, s: Sentence) -> str | None:
    """"X landed in A and was welcomed by Foreign Minister Y": an official who welcomes a visitor
    from another state serves the host state — the state of the place the sentence names, else
    the one the story was filed from."""
    doc = s.span.doc
    me = next((m for m in s.persons if m.key == key), None)
    if me is None:
        return None
    tok = doc[me.end - 1]
    agent = next((a for a in tok.ancestors if a.dep_ == "agent"), None)
    verb = agent.head if agent is not None else None
    if verb is None:
        return _greeting_host(art, key, s, tok)
    if verb.lemma_.lower() not in _WELCOME:
        return None
    guests = [m.key for m in s.persons if m.key != key and any(
        c.dep_ == "nsubjpass" and c.left_edge.i <= m.start <= c.right_edge.i
        for c in (verb.children if verb.dep_ != "conj" else [*verb.children, *verb.head.children]))]
    if not guests:   # "X landed in A and was welcomed by Y": the subject of the verb before
        guests = [m.key for m in s.persons if m.key != key and m.start < verb.i]
    if not guests and any(c.dep_ == "nsubjpass" and c.lower_ in ("he", "she") for c in verb.children):
        # "X arrived in A. She was received by Y": the one the sentences before told of
        told = [k for i, k in art.person_order if i < s.index and k != key and art.offices.get(k)]
        guests = told[-1:]
    return _host_state(art, s, guests)


_MEETING_NOUNS = {"talk", "talks", "session", "sessions", "meeting", "discussion", "discussions", "audience"}


def _met_by_a_guest(art: _Article, key: str, s: Sentence) -> str | None:
    """"There she had two rounds of talks with Premier Y", "A met Prime Minister Y in B": an
    office-holder a visitor from another state met abroad serves the state of the place, as one
    who welcomes a guest does."""
    me = next((m for m in s.persons if m.key == key), None)
    if me is None:
        return None
    tok = s.span.doc[me.end - 1]
    verb = None
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() == "meet":
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "with":
        up = tok.head.head
        if up.lemma_.lower() in _MEETING_NOUNS and up.pos_ == "NOUN" and up.dep_ in ("dobj", "obj"):
            verb = up.head
        elif up.pos_ == "VERB" and up.lemma_.lower() in ("meet", "talk", "confer"):
            verb = up
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    guests = _named_or_told(art, s, key, subj, ("he", "she"))
    return _host_state(art, s, guests) if guests else None


def _named_or_told(art: _Article, s: Sentence, key: str, phrase: Any, pronouns: tuple[str, ...]) -> list[str]:
    """The people other than ``key`` a phrase names, or, for a pronoun, the one the sentences just
    before are about (their subject, of known office)."""
    guests = [m.key for m in s.persons if m.key != key and phrase.left_edge.i <= m.start <= phrase.right_edge.i]
    if not guests and phrase.lower_ in pronouns:
        subjects = [_subject_person(x) for x in reversed(art.sentences[max(0, s.index - 3):s.index])]
        guests = [k for k in subjects if k and k != key and art.offices.get(k)][:1]
    return guests


def _greeting_host(art: _Article, key: str, s: Sentence, tok: Any) -> str | None:
    """"Y was waiting at the airport to greet him", "Y welcomed X at the palace": the one who
    greets a visitor, said actively, serves the host state. The guest is the person the verb's
    object names, or, for "him"/"her", the one the sentences just before are about."""
    if tok.dep_ != "nsubj":
        return None
    verb = tok.head
    if verb.lemma_.lower() not in _WELCOME:
        verb = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl")
                     and c.lemma_.lower() in _WELCOME), None)
    if verb is None:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None
    return _host_state(art, s, _named_or_told(art, s, key, obj, ("him", "her")))


def _host_state(art: _Article, s: Sentence, guests: list[str]) -> str | None:
    home = {st for g in guests for st in art.offices.get(g, ())}
    if not home:
        return None
    places = {art.state_of(m.key) for m in s.places} - {None} - home
    if len(places) == 1:
        return art.state(places.pop())
    filed = art.dateline_state
    if art.section_towns:
        # (a roundup: the state of the town that heads the sentence's section, "BANGKOK -")
        from .scene import dateline_town   # (scene reads offices)
        filed = art.state_of(dateline_town(art, s))
    if not places and filed and filed not in home:
        return art.state(filed)
    if not places:
        # where the sentence just before took them ("X arrived in Nairobi. She was received by Y")
        for prev in reversed(art.sentences[max(0, s.index - 2):s.index]):
            near = {art.state_of(m.key) for m in prev.places} - {None} - home
            if len(near) == 1:
                return art.state(near.pop())
    return None


_FOREIGN_MINISTERS = re.compile(r"\bforeign\s+ministers?\b|\bsecretar(?:y|ies)\s+of\s+state\b|\bforeign\s+secretar", re.I)


_OPPOSITION = r"\b(?:leader\s+of\s+the\s+opposition|opposition\s+leader)\b"


def _in_opposition(art: _Article, person: str, s: Sentence) -> bool:
    rec = art.people.get(person)
    if rec is None or not re.search(_OPPOSITION, s.text, re.I):
        return False
    surname = re.escape(rec["label"].split()[-1])
    return re.search(_OPPOSITION + r"[^;]{0,40}?\b" + surname + r"\b", s.text, re.I) is not None


def _other_side(art: _Article, s: Sentence, key: str, counterpart: str) -> str | None:
    """The one state other than ``key``'s that the sentence and the three before it name, and
    that nobody else they name holds an office of; None when the reference data gives the
    counterpart another office in that year."""
    from .. import link

    own = art.offices.get(key, set())
    if len(own) != 1:
        return None
    near = [x for x in art.sentences[max(0, s.index - 3):s.index + 1] if x.block >= s.block - 1]
    held = {st for x in near for m in x.persons if m.key not in (key, counterpart) for st in art.offices.get(m.key, ())}
    others = {m.key for x in near for m in x.states} - own - held
    if len(others) != 1:
        return None
    other = others.pop()
    year = _sentence_year(art, s)
    label = art.people.get(counterpart, {}).get("label")
    known = {f"state/{ref.slugify(t.state)}" for t in (link.terms_of(label) if label else ()) if t.covers(year)}
    return other if not known or other in known else None


def _dated(doc: Any, i: int, end: int) -> bool:
    """The token at ``i`` is part of a date ("late October", "late 1997", "late last year")."""
    return i < end and (doc[i].ent_type_ == "DATE" or doc[i].like_num
                        or doc[i].lower_ in ("last", "that", "this", "next"))


def _reference_leaders(art: _Article) -> None:
    """A head of state or government named without a title ("Indira Gandhi and Zulfikar Ali Bhutto
    signed"): the reference data's term of office, when it covers a year the article speaks of and
    the article names that state. Never for someone the text calls "former"."""
    from .. import link

    years = set()
    if art.anchor is not None:
        years.add(art.anchor.year)
    for sents in art.person_sentences.values():
        for s in sents:
            years.update(int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", s.text))
            told = _sentence_year(art, s)   # the year its paragraph is telling
            if told is not None:
                years.add(told)
    named_states = {k for k, n in art.state_counts.items() if n}
    # (a state named by its capital counts: "met in Moscow", "Moscow wants ...")
    named_states |= {st for k in list(art.entities) if k.startswith("place/") for st in [art.seat_of(k)] if st}
    if art.dateline_state:
        named_states.add(art.dateline_state)   # "JOHANNESBURG - ... Host Cyril Ramaphosa said"
    for key, sents in art.person_sentences.items():
        if key in art.offices or key in art.past_people or key in art.international:
            continue
        rec = art.people.get(key)
        if rec is None or len(rec["label"].split()) < 2 and not link.terms_of(rec["label"]):
            continue
        terms = link.terms_of(rec["label"])
        if not terms and rec["label"].split()[0].lower() in _NAME_HONORIFICS:
            terms = link.terms_of(rec["label"].split(" ", 1)[1])   # "Sheikh Mohammed bin Zayed ..."
        states = {t.state for t in terms if t.leads and any(t.covers(y) for y in years)}
        if states and len(rec["label"].split()) >= 2:
            # ("alongside A, B and C" at a summit: leaders of their time, whose states the
            # article may not name; a participant, though no office fact is read)
            art.leaders_of_the_time.add(key)
        states = {f"state/{ref.slugify(st)}" for st in states} & named_states
        if len(states) == 1:
            _office_fact(art, key, states.pop(), True, sents[0])
            continue
        # a foreign minister the text calls one ("the foreign ministers, A and B"): the state
        # of the reference term that covers the article's years
        said = next((x for x in sents if _FOREIGN_MINISTERS.search(x.text)), None)
        if said is None:
            continue
        states = {f"state/{ref.slugify(t.state)}" for t in terms
                  if not t.leads and any(t.covers(y) for y in years)} & named_states
        if len(states) == 1:
            _office_fact(art, key, states.pop(), False, said)


# plural titles a list of names follows ("signed by the presidents of the three states: A of
# X, B of Y and Z's C"): the title each one holds (None: a leader, title unsaid) and whether it leads
_LIST_TITLES = {"prime ministers": ("prime minister", True), "presidents": ("president", True),
                "premiers": ("premier", True), "chancellors": ("chancellor", True),
                "leaders": (None, True), "rulers": (None, True), "monarchs": (None, True),
                "heads of state": (None, True), "heads of government": (None, True),
                "foreign ministers": ("foreign minister", False)}
_LIST_TITLE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _LIST_TITLES), key=len, reverse=True)) + r")\b", re.I)


def _listed_office(art: _Article, s: Sentence, pm: Any, state: str) -> bool:
    """A name with its state ("A of X", "X's A") in a list under a plural title before it, with
    no verb of the sentence between them (a relative clause on a listed name aside): that title,
    of that state. Records the office and says whether it did."""
    doc = s.span.doc
    at = doc[pm.start].idx - s.span.start_char
    found = [m for m in _LIST_TITLE.finditer(s.raw[:at])]
    if not found:
        return False
    m = found[-1]
    first = next((t for t in s.span if t.idx - s.span.start_char >= m.end()), None)
    if first is None:
        return False
    for t in doc[first.i:pm.start]:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in ("include", "be") \
                and not any(a.dep_ in ("relcl", "acl") for a in [t, *t.ancestors] if first.i <= a.i < pm.start):
            return False   # (but "Leaders included A, X's B and C", "the leaders were A and X's B")
    title, leads = _LIST_TITLES[m.group(1).lower()]
    if title is not None:
        art.add(pm.key, "title", _title_case(title), s)
    if leads:
        art.leader_titled.add(pm.key)
    _office_fact(art, pm.key, state, leads, s)
    return True


def _holds_title(art: _Article, person: str, plural_title: str) -> bool:
    singular = re.sub(r"s\b", "", plural_title)  # "prime ministers" -> "prime minister"
    titles = {str(f.obj).lower() for f in art.facts if f.subject == person and f.predicate == "title"}
    if titles:
        return singular in titles
    # named without a title ("A, B and C agreed"): the title of the reference term that covers
    # the article's year, in a state the article gives them
    year = art.anchor.year if art.anchor is not None else None
    states = {ref.slugify(k.split("/", 1)[1]) for k in art.offices.get(person, set())}
    return any(t.title.lower() == singular and t.covers(year) and ref.slugify(t.state) in states
               for t in _reference_terms(art, person))


def _reference_terms(art: _Article, person: str) -> tuple[Any, ...]:
    """The reference data's terms of office of a person the article names."""
    from .. import link

    rec = art.people.get(person)
    return link.terms_of(rec["label"]) if rec is not None else ()
