"""Who signed a treaty and for which state: the subjects and agents of a signing, "the two
leaders", "the presidents of A and B", "A signed for X", lists of signatures, and those who
only watched ("in the presence of", "with X as witness")."""

from __future__ import annotations

import re
from typing import Any

from .. import reference as ref
from ..model import Evidence, PartialDate, Ref
from .nlp import _governed_by, inverted_subject
from .context import _Article, Event, Sentence
from .offices import _holds_title, _reference_terms
from .summits import _recent_events, visit_pair
from .treaty_mentions import _bystander_tokens, _LIGHT_SIGN, _sign_token, _SIGN_OBJECTS, chained_subject, lost_subject


# a signing told as the sequel of a meeting just reported
_AFTER_MEETING = re.compile(
    r"\b(?:after|following|at the (?:end|conclusion|close) of)\s+(?:the|their|these)\s+(?:talks|meeting|summit|"
    r"discussions|negotiations)\b|^(?:They|The two \w+|Both \w+)\s+(?:then\s+|later\s+|also\s+)?signed\b", re.I)
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10}
_GROUP_SIGNERS = re.compile(
    r"\b(?:the|both|all)\s+(?:(two|three|four|five)\s+)?(leaders|presidents|prime ministers|premiers|"
    r"heads of (?:state|government)|foreign ministers|ministers|sides|men|women|pair)\b"
    r"(?:\s+(?:then|also|later|jointly|formally))?\s+(?:signed|have signed|had signed|inked|put their names)", re.I)
# "... was signed at the palace by the two prime ministers": the passive form
_SIGNED_BY_GROUP = re.compile(
    r"\b(?:signed|inked|initialled)\b(?:\s+[^.;]{0,60}?)?\s+by\s+(?:the|both|all)\s+(?:(two|three|four|five)\s+)?"
    r"(leaders|presidents|prime ministers|premiers|heads of (?:state|government)|foreign ministers|ministers|"
    r"men|women)\b", re.I)
# "the same five (leaders) met again and signed", "signed ... by the same eight delegates": those
# who signed the treaty told before
_GROUP_NOUNS = (r"(?:leaders|presidents|prime\s+ministers|premiers|heads\s+of\s+(?:state|government)|foreign\s+ministers|"
                r"ministers|delegates|delegations|signatories|plenipotentiaries|men|women)")
_SAME_N = r"the\s+same\s+(?:(two|three|four|five|six|seven|eight|nine|ten)\b\s*)?(" + _GROUP_NOUNS + r")?"
_SAME_SIGNERS = re.compile(r"\b" + _SAME_N + r"[^.;]{0,80}?\b(?:signed|inked)\b"
                           r"|\b(?:signed|inked)\b[^.;]{0,60}?\bby\s+" + _SAME_N, re.I)


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


_OWN_BEHALF = re.compile(r"\b(?:for|on\s+behalf\s+of)\s+(?:his|her|its|their)\s+(?:governments?|countr(?:y|ies)|states?|nations?)\b", re.I)


def _signed_for_a_state(art: _Article, s: Sentence, key: str | None) -> bool:
    """"X signed for the United States": a signer of the treaty just told (the verb has no object
    of its own), and the state signed for its party; with no treaty told yet, kept for the one
    the story reports signed (see attach_loose_signers)."""
    from .offices import _signed_for

    sign = _sign_token(s)
    light = sign is not None and sign.lemma_.lower() in _LIGHT_SIGN   # ("put her name to the document for X")
    if sign is None or sign.lemma_.lower() != "sign" and not light or sign.pos_ != "VERB" \
            or any(c.dep_ in ("dobj", "obj", "nsubjpass") and not (light and c.lemma_.lower() in _SIGN_OBJECTS)
                   for c in sign.children):
        return False
    doc = s.span.doc
    state_at = {i: m.key for m in s.states for i in range(m.start, m.end)}
    for m in s.places:   # "A signed for Manila": the capital for its government
        seat = art.seat_of(m.key)
        if seat is not None and m.start > 0 and doc[m.start - 1].lower_ == "for":
            state_at.update({i: seat for i in range(m.start, m.end)})
    done = False
    for p in s.persons:
        head = doc[p.end - 1]
        # (a parse of "X, Minister of Y, signed for Z" and "The Minister of Y, X, signed for Z")
        on_name = sign.dep_ == "acl" and (sign.head.i == head.i or head.dep_ == "appos" and sign.head.i == head.head.i)
        governed = any(a.i == sign.i for a in head.ancestors) and head.dep_ in ("nsubj", "conj", "compound", "appos")
        if not on_name and not governed and not inverted_subject(sign, head):
            continue   # ("Signing for X were A and B": the copula's names sign)
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


def listed_for_states(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    """"A signed X for France on Friday. Alongside her were B for Belgium, C for the Netherlands and
    D for Luxembourg": a sentence of no signing of its own that pairs two people or more with the
    states they stood for, right after a signing, names more signers of the treaty just signed."""
    from .offices import _SIGNING, state_after_name

    if prev is None or s.treaties or len(s.persons) < 2 or _SIGNING.search(s.text):
        return
    state_at = {i: m.key for m in s.states for i in range(m.start, m.end)}
    pairs = [(p.key, st) for p in s.persons for st in [state_after_name(s, p, state_at)] if st is not None]
    if len(pairs) < 2:
        return
    signed = [f.subject for f in art.facts if f.subject.startswith("treaty/") and f.status is None
              and f.predicate in ("signatory", "signedOn") and f.evidence.sentence == prev.text]
    if not signed:
        return
    key = signed[-1]
    for person, state in pairs:
        art.add(key, "signatory", Ref(person), s)
        art.add(key, "party", Ref(state), s)


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
    from .scene import _news_of_the_day

    signed = {f.subject for f in art.facts if f.subject.startswith("treaty/") and f.predicate == "signedOn"
              and f.status is None and isinstance(f.obj, PartialDate) and _news_of_the_day(art, f.obj)}
    if not signed:
        return
    # with several signed in those days, the one told last before the signer's sentence
    at = {x.text: x.index for x in art.sentences}
    told = {k: min((at.get(f.evidence.sentence, 10 ** 6) for f in art.facts if f.subject == k), default=10 ** 6)
            for k in signed}
    for person, state, s in art.loose_signers:
        before = [k for k in signed if told[k] < s.index]
        if len(signed) > 1 and not before:
            continue
        key = max(before, key=lambda k: (told[k], k)) if len(signed) > 1 else next(iter(signed))
        art.add(key, "signatory", Ref(person), s)
        for st in [state] if state else sorted(art.offices.get(person, ())):
            art.add(key, "party", Ref(st), s)


# "Together they signed ...", "They then signed ...": those of the meeting just told
_THEY_SIGNED = re.compile(r"^(?:(?:Together|Then|Later|There),?\s+)?[Tt]hey\s+(?:then\s+|also\s+|later\s+|jointly\s+|together\s+)?"
                          r"(?:signed|inked|put\s+their\s+names)\b")


def _they_signed(art: _Article, s: Sentence) -> list[str]:
    """"Leaders of A, B and C gathered in X: ... Together they signed Y": the leaders of the
    meeting the sentence before told (when it told one of two leaders or more)."""
    told = [e for e in _recent_events(art, s, within=2) if e.kind == "Summit" and e.extra.get("block") in (s.block, s.block - 1)]
    for e in reversed(told):
        met = [p for p in e.people() if p in art.leaders or p in art.leader_titled]
        if len(met) >= 2:
            return met
    return []


def _group_signers(art: _Article, s: Sentence) -> list[str]:
    """"The two leaders signed": the people that phrase points back to — those of the meeting just
    told when it had as many leaders, else the most recently named."""
    sign = _sign_token(s)
    if _THEY_SIGNED.match(s.text) or sign is not None and sign.dep_ == "ROOT" and sign.lemma_.lower() == "sign" \
            and any(c.dep_ == "nsubj" and c.lower_ == "they" for c in sign.children):
        return _they_signed(art, s)   # (and "On 3 June, at the palace, they signed X")
    for same in _SAME_SIGNERS.finditer(s.text):
        number, noun = (same.group(1), same.group(2)) if same.group(1) or same.group(2) else (same.group(3), same.group(4))
        if number or noun:
            return same_signers(art, s, _NUMBERS.get((number or "").lower()))
    g = _GROUP_SIGNERS.search(s.text) or _SIGNED_BY_GROUP.search(s.text)
    if g is None:
        return []
    return _group_referents(art, s, _NUMBERS.get((g.group(1) or "").lower(), 2), g.group(2).lower(), g.start())


def same_signers(art: _Article, s: Sentence, n: int | None) -> list[str]:
    """"The same (eight) delegates signed a protocol": the signers of the last treaty the story
    told signed before this sentence, by as many people as the phrase counts."""
    told = [f for f in art.facts if f.predicate == "signatory" and f.status is None and f.subject not in s.treaty_keys]
    for key in reversed(list(dict.fromkeys(f.subject for f in told))):
        people = list(dict.fromkeys(f.obj.key for f in told if f.subject == key and isinstance(f.obj, Ref)))
        if len(people) >= 2 and (n is None or len(people) == n):
            return people
    return []


# a group a clause's subject names: "the two leaders", "both presidents", "the prime ministers",
# "both men"
_GROUP_SUBJECT = re.compile(r"^(?:the|both|all)\s+(?:(two|three|four|five)\s+)?(leaders|presidents|prime ministers|"
                            r"premiers|heads of (?:state|government)|foreign ministers|men|women|pair)$", re.I)


def group_subject(art: _Article, s: Sentence, verb: Any) -> list[str]:
    """The people a group subject of ``verb`` points back to ("Both presidents had flown into X")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    among = verb.head if verb.dep_ == "relcl" and subj.lower_ == "who" else None
    if among is not None and among.lower_ in ("those", "leaders", "presidents") and among.dep_ == "pobj" \
            and among.head.lower_ == "among" and among.head.head.lemma_.lower() == "be":
        # "Among the leaders who came for the talks were A, B and C": the people the copula names
        be = among.head.head
        return [p.key for p in s.persons if s.span.doc[p.end - 1].i > be.i
                and _governed_by(s.span.doc[p.end - 1], be) and p.key in art.offices]
    words = " ".join(t.text for t in subj.subtree if t.dep_ not in ("punct",))
    g = _GROUP_SUBJECT.match(words)
    if g is None:
        return []
    return _group_referents(art, s, _NUMBERS.get((g.group(1) or "").lower(), 2), g.group(2).lower(),
                            subj.left_edge.idx - s.span.start_char)


def _only_looked_on(art: _Article, key: str) -> bool:
    """Every sentence that names the person has them watching ("in the presence of X")."""
    said = art.person_sentences.get(key) or []
    return bool(said) and all(any(m.key == key and m.start in _bystander_tokens(x) for m in x.persons) for x in said)


def _group_referents(art: _Article, s: Sentence, n: int, noun: str, at: int) -> list[str]:
    """The ``n`` people a plural noun ("leaders", "foreign ministers", "sides") points back to
    (``at``: where the noun's phrase begins in the sentence)."""
    wanted_leaders = noun not in ("foreign ministers", "ministers")
    if noun == "pair":
        # "Y received him, and the pair signed X": the two the sentence has just named
        here = list(dict.fromkeys(m.key for m in s.persons if m.end <= s.span.start + len(s.span)
                                  and s.span.doc[m.start].idx - s.span.start_char < at
                                  and (m.key in art.leaders or m.key in art.leader_titled)))
        if len(here) == 2:
            return here
    if wanted_leaders and noun not in ("men", "women"):
        # ("the two sides signed": the states of the talks just told, whoever signed for them; not
        # of talks told as what came before: "A had met C earlier")
        told = [e for e in _recent_events(art, s, within=4) if e.extra.get("block") in (s.block, s.block - 1)
                and not (noun == "sides" and e.extra.get("before_story"))]
        if _AFTER_MEETING.search(s.text):
            # "when the talks ended, the two leaders signed": the talks told earlier in the story
            told = [e for e in art.events if e.kind == "Summit" and 0 <= s.index - e.extra.get("sent", -99) <= 12
                    and not e.extra.get("background")] + told
        for e in reversed(told):
            met = [p for p in e.people() if p in art.leaders or p in art.leader_titled]
            if len(met) == n:
                return met
            pair = visit_pair(art, s, e) if n == 2 else None
            if pair is not None:
                return pair   # ("A arrived in X, and two days later the two prime ministers signed")
    out: list[str] = []
    for idx, key in reversed(art.person_order):
        if idx > s.index or idx < s.index - 6 or key in out or key in art.onlookers or _only_looked_on(art, key):
            continue   # (not one who only watched a signing: "in the presence of X")
        if idx == s.index and not any(m.key == key and s.span.doc[m.start].idx - s.span.start_char < at
                                      for m in s.persons):
            continue   # ("the two leaders agreed to build on the 1956 pact signed by A and B": others)
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
    watching = _bystander_tokens(s)   # (not "in the presence of X, the two men signed")
    here = {m.key for m in s.persons if s.span.doc[m.start].idx - s.span.start_char < at and m.start not in watching}
    if noun in ("men", "women") and not here <= set(out):
        return []   # ("A and B came instead, and the three men signed": A and B among them, or no telling)
    return out if len(out) == n and len(states) >= min(n, 2) else []


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


# nouns of an occasion a signing took place at, whose "by X" names its guest, not a signer
_OCCASIONS_OF = {"visit", "trip", "tour", "stay", "stopover"}


def _cleft(sign_tok: Any) -> Any | None:
    """The "was" of a cleft sentence whose relative clause the signing is ("It was A who signed X")."""
    if sign_tok.dep_ != "relcl" \
            or not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in sign_tok.children):
        return None
    return next((a for a in sign_tok.ancestors if a.lemma_ == "be"
                 and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in a.children)), None)


def _signs(person: Any, sign_tok: Any) -> bool:
    """The person signs: governed by the signing word, or the subject it shares with the verb it is
    chained to ("A and B met in Geneva and signed X", "A held talks, signing X") — not one named in
    the signing's circumstances ("after talks between A and B, the two sides signed X")."""
    if person.dep_ == "poss":
        return False   # "signed by B, A's father": A did not sign
    if inverted_subject(sign_tok, person):
        return True   # "Signing the accord were A and B"
    if _governed_by(person, sign_tok):
        path = []
        for t in person.ancestors:
            if t.i == sign_tok.i:
                break
            path.append(t)
        # (nor the guest of "a visit by X" the signing took place during; nor one "signed not by X
        # but by Y" names)
        return not any(t.lower_ in _CIRCUMSTANCE and t.dep_ == "prep" or t.lemma_.lower() in _OCCASIONS_OF
                       or t.dep_ in ("agent", "prep") and any(c.dep_ == "neg" for c in t.children)
                       for t in path)
    if sign_tok.dep_ == "relcl" and person.dep_ == "nsubj" and person.head.lemma_.lower() == "be" \
            and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in sign_tok.children) \
            and any(a.i == person.head.i for a in sign_tok.ancestors) \
            and any(c.dep_ == "attr" and c.lower_ in ("one", "among") for c in person.head.children):
        return True   # "A was one of the six ministers who signed X": A signed
    t = person
    while t.dep_ in ("conj", "compound", "appos", "nmod") and t.head.i != t.i and t.head.ent_type_ == "PERSON":
        t = t.head
    if t.dep_ == "nsubj" and t.head.lemma_ == "do" and t.head.dep_ == "advcl" and t.head.head.i == sign_tok.i \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.head.children):
        return True   # "A also signed, as did B"
    among = sign_tok.head if sign_tok.dep_ == "relcl" and sign_tok.head.lower_ in ("those", "them") \
        and sign_tok.head.head.lower_ == "among" else None
    if among is not None and any(a.i == among.head.head.i for a in person.ancestors) \
            and not any(a.i == among.head.i for a in person.ancestors):
        return True   # "Among those who signed X were A and B"
    cleft = _cleft(sign_tok)
    if cleft is not None:
        # "It was A, with B and C, who signed X": those the "it was" puts forward
        t = person
        while t.dep_ in ("conj", "compound", "appos") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "attr" and t.head.i == cleft.i or t.dep_ == "pobj" and t.head.lower_ == "with" \
                and (t.head.head.i == cleft.i or t.head.head.dep_ == "attr" and t.head.head.head.i == cleft.i):
            return True
    if sign_tok.dep_ == "acl" and sign_tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in sign_tok.children):
        # "A and the foreign minister of Y, B, today signed in Z the X": no one is signed, the
        # participle the parser hung on the signers is their verb
        t = person
        while t.dep_ in ("conj", "compound", "appos") and t.head.i != t.i and t.i != sign_tok.head.i:
            t = t.head
        if t.i == sign_tok.head.i and t.ent_type_ == "PERSON":
            return True
    if sign_tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in sign_tok.children):
        # "... and her counterpart, B, who signed it": the one the clause is on; and the others
        # coordinated with them when it says they signed together ("on behalf of their governments")
        t = person
        while t.dep_ in ("compound", "appos") and t.head.i != t.i and t.i != sign_tok.head.i:
            t = t.head
        if t.i == sign_tok.head.i:
            return True
        on = sign_tok.head
        while on.dep_ in ("compound", "appos") and on.head.i != on.i:
            on = on.head   # (the clause on "B" of "her counterpart, B")
        head = on
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        together = any(g.lower_ in ("their", "both", "together", "jointly") for g in sign_tok.subtree)
        if together and on.dep_ == "conj" and (t.i == head.i or t.dep_ == "conj" and t.head.i == head.i):
            return True
    return chained_subject(person, sign_tok) or lost_subject(person, sign_tok)
