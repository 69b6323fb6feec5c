"""Treaties: treaty mentions turned into treaty entities and facts (name, year, parties,
signatories, signing date and place, replacement of one treaty by another), and planned
signings kept as plans."""

from __future__ import annotations

import re
from typing import Any

from .. import reference as ref
from ..model import Evidence, PartialDate, Ref
from .lexicon import REPLACE_ACTIVE, REPLACE_PASSIVE, SIGN_WORDS, TREATY_HEADS, TWO_STATES
from .nlp import _doc_text, _governed_by, _token_at_char
from .mentions import says_here
from .context import _Article, Event, Mention, Sentence
from .dating import (
    _OBITUARY, _YEAR, _before_article, _during, _lead, _lead_looks_back, _not_after_article, _resolve_dates,
    _story_of, _resolve_expr, _text_before,
)
from .modality import _TRAVEL, _has_past_evidence, _is_speculative
from .scene import (
    _a_building, _town_of_building, _ended_talks, _news_of_the_day, _place_for, _where_clause, place_told_there,
)
from .replacement_words import told_replacements
from .summits import _lead_date, _recent_events
from .signers import (
    _AFTER_MEETING, _group_signers, _signatory_list, _signed_for_a_state, _signers_by_office, _signs, listed_for_states,
)
from .treaty_mentions import (
    _LIGHT_SIGN, _PARTY_COUNT, _SAME_OCCASION, _SIGN_OBJECTS, _misread_participle, _SIGNED_ALONGSIDE, _also_known_as, _as_government, _by_agent, _bystander_tokens, _described,
    _last_told_treaty, _named_by, _relative_subjects, _sign_token, _signing_date, _story_date, _told_just_before,
    _treaty_entity, _treaty_key, _visit_states, _watchers_states,
)
from .counterparts import per_counterpart
# "both governments", "the two countries": the sides themselves, not their leaders
_BOTH_STATES = re.compile(r"\b(?:the\s+two|both)\s+(?:countries|nations|states|neighbou?rs|governments)\b", re.I)


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


def _counted(art: _Article, m: Mention, got: tuple[str, str, PartialDate | None, list[str]]) -> None:
    """"the three-party accord", "a bilateral agreement": a name the text gives the treaty, when
    the count its words give is the count of its parties."""
    word = next((w for w in re.findall(r"[a-z]+(?:-[a-z]+)?", m.text.lower()) if w in _PARTY_COUNT), None)
    if word is None:
        return
    told = {f.obj for f in art.facts if f.subject == got[0] and f.predicate == "party"}
    if _PARTY_COUNT[word] == len(told or set(got[3])):
        name = f"{word} {m.extra['head']}"
        m.extra["described"] = set(m.extra.get("described") or ()) | {name}
        _also_known_as(art, got[0], name)


def _next_in_list(s: Sentence, before: Mention, later: Mention) -> bool:
    """The later unnamed treaty is the next item of a list the earlier one began: only words of
    the earlier one's own phrase and a comma (or "and") between them ("a gas accord on pipeline
    tariffs and a loan, a trade accord, and a banking agreement")."""
    if later.extra.get("kind") != "generic" or later.extra.get("det") not in ("a", "an"):
        return False
    between = _doc_text(s.span.doc)[before.end:later.start]
    return bool(re.fullmatch(r"(?:\s+[\w'’-]+){0,8}?\s*,\s*(?:and\s+)?|\s+and\s+", between))


def _lead_tells_signing(art: _Article, s: Sentence) -> bool:
    """The article's dated lead reports a signing, and ``s`` comes after it."""
    lead = next((x for x in art.sentences if x.section == "body" and x.dates), None)
    return lead is not None and lead.index < s.index and bool(_SIGNING_WORD.search(lead.text))


# a sentence that tells the lead's signing again, in full ("In all, the two leaders signed nine agreements")
_LEAD_AGAIN = re.compile(r"^(?:In\s+all|Altogether|All\s+told|In\s+total)\b", re.I)
_SIGNING_WORD = re.compile(r"\b(?:signed|signing|inked|concluded|sealed)\b", re.I)


_COMPOUND = re.compile(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}(?:[-–][A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})+")
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
    # ("the X agreement of May 1964 between A, B and C": past the date it is known by)
    dated = _OF_A_DATE.match(text, m.end)
    b = _BETWEEN.search(text, m.start, min((dated.end() if dated else m.end) + 14, s.span.end_char))
    if b:
        after = sorted((s.span.doc[st.start].idx, st) for st in s.states if s.span.doc[st.start].idx >= b.end())
        if len(after) >= 2 and _STYLE.fullmatch(text[b.end():after[0][0]]):
            listed = [after[0][1]]
            for (_, prev), (at, st) in zip(after, after[1:]):
                gap = text[s.span.doc[prev.end - 1].idx + len(s.span.doc[prev.end - 1].text):at]
                last = re.match(r"^\s*,?\s*(?:and|&)\s+(?:the\s+)?" + _STYLE.pattern + "$", gap)
                if not last and not re.match(r"^\s*,\s*(?:the\s+)?" + _STYLE.pattern + "$", gap):
                    break
                listed.append(st)
                if last:
                    return list(dict.fromkeys(x.key for x in listed))
    return _bound_by_it(s, m)


# a date a treaty is known by, right after its name ("of May 1964", "of 1977")
_OF_A_DATE = re.compile(r"\s+of\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},\s+)?(?:1[6-9]|20)\d\d\b")


# verbs by which a treaty binds its parties: "the X Convention committed A and B to cut ..."
_BINDS = {"commit", "bind", "oblige", "obligate", "require"}


def _bound_by_it(s: Sentence, m: Mention) -> list[str]:
    """The states a treaty, as the subject, binds: "the X Agreement of 1972 committed A and B to
    cut ...", "the pact obliged A and B to share data" (two or more, as the verb's object)."""
    tok = next((t for t in reversed(list(s.span)) if m.start <= t.idx < m.end), None)
    while tok is not None and tok.dep_ in ("compound", "pobj", "prep", "nummod", "appos", "amod") \
            and tok.head.i != tok.i and tok.head.idx >= m.start:
        tok = tok.head   # (up to the head of the name: "Agreement of 15 April 1972")
    if tok is None or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in _BINDS:
        return []
    objs = {g.i for c in tok.head.children if c.dep_ in ("dobj", "obj") for g in c.subtree
            if g.dep_ not in ("relcl", "acl")}
    bound = list(dict.fromkeys(st.key for st in s.states if st.start in objs))
    return bound if len(bound) >= 2 else []


def _side_at(art: _Article, s: Sentence, at: int, *, before: bool) -> str | None:
    """The state (or capital standing for it) that ends at ``at`` with a possessive ("Poland's
    | 1970 treaty") when ``before``, else the one that starts at ``at`` ("with | West Germany")."""
    doc = s.span.doc
    for m in [*s.states, *s.places]:
        first = doc[m.start]
        if before:
            nxt = doc[m.end] if m.end < s.span.end else None
            ok = nxt is not None and nxt.lower_ in ("'s", "’s") and nxt.idx + len(nxt.text) + 1 >= at >= nxt.idx + len(nxt.text)
        else:
            ok = first.idx == at
        if ok:
            return m.key if m.key.startswith("state/") else art.seat_of(m.key)
    return None
# people at a signing who did not sign: "in the presence of X", "in the name of X", "witnessed by X"
_BYSTANDER = re.compile(r"\b(?:in the (?:presence|name) of|witnessed by|watched by|as a witness)\s+(?:[^,;]{0,40}\s)?$", re.I)
_SIDES_SIGNED = re.compile(r"\b(?:the|both)\s+(?:two\s+)?sides\b", re.I)
_SIGNATORY_LIST = re.compile(r"^(?:The|Its|Their)\s+(?:\w+\s+)?(?:signatories|signatures)\s+(?:were|included|are)\b"
                             # "A and B were among the other signers"
                             r"|\b(?:were|was)\s+(?:also\s+)?among\s+the\s+(?:other\s+)?(?:signatories|signers)\b")


def _listed_after_colon(s: Sentence, sign_tok: Any) -> list[str]:
    """States listed after a colon in the signing's own clause ("... signed it: A, B and C")."""
    doc = s.span.doc
    # (the parser may hang the colon on the date before it: "signed it on 6 May: A, B, C")
    colon = next((t for t in s.span if t.text == ":" and t.i > sign_tok.i
                  and (t.head.i == sign_tok.i or _governed_by(t, sign_tok))), None)
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
_GATHERS = {"group", "unite", "comprise", "bind", "link", "join", "commit", "oblige"}


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
        # ("the pact commits A, B and C to cut tariffs": the subjects of the clause it commits them to)
        clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
        states = [st.key for st in s.states
                  if any(_governed_by(doc[st.start], v) for v in clauses) and st.start > verb.i]
        states = list(dict.fromkeys(states))
        if len(states) >= 2 and _is_speculative(verb) is None:
            for st in states:
                art.add(key, "party", Ref(st), s)


# the treaty just told, as a sentence's subject: "The new treaty", "The revised ECOWAS treaty",
# "Tuesday's accord" (not one dated or called old: "The 1975 treaty", "the original pact")
_THE_NEW_ONE = (r"(?:(?:The|This|Its)\s+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Tt]oday|"
                r"[Yy]esterday)['’]s\s+)(?!(?:[\w-]+\s+){0,3}?(?:old|original|earlier|first|previous|former|\d{4})\b)"
                r"(?:[\w-]+\s+){0,3}?(?:text|document|treaty|agreement|accord|pact|convention|charter)")


def _recent_treaty(art: _Article, s: Sentence) -> str | None:
    """The treaty of the nearest of the three sentences before ``s`` (in its paragraph or the two
    before) that tells of any, when that sentence tells of that one alone."""
    for prev in reversed(art.sentences[max(0, s.index - 3):s.index]):
        if prev.block < s.block - 2:
            break
        if prev.treaties:
            keys = set(prev.treaty_keys)
            key = keys.pop() if len(keys) == 1 and len(prev.treaty_keys) == len(prev.treaties) else None
            return key if key in art.entities else None   # (a key read, not a treaty the article told)
    return None


def _instead_of(verb: Any) -> bool:
    """"initialled it rather than signing it", "left without signing it": a signing not done."""
    for a in [verb, *verb.ancestors][:3]:
        if a.dep_ == "pcomp" and (a.head.lower_ in ("than", "without")
                                  or a.head.lower_ == "of" and a.head.head.lower_ == "instead"):
            return True
    return False


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


_ANAPHORIC_DOCUMENTS = {"document", "text", "deal", "documents"}
_IT_SIGNED = re.compile(r"^(?:It|This|The document|The text|The deal|This deal)\s+(?:was|had been|has been)\s+"
                        r"(?:signed|concluded|inked)\b"
                        # (several documents told as one: "The texts were signed by A and B")
                        r"|^(?:The|These|Both)\s+(?:texts|documents)\s+(?:were|had been|have been)\s+(?:signed|inked)\b")


_ACRONYM = re.compile(r"\b([A-Z]{2,6})s?\b")
_INITIAL_SKIP = {"The", "A", "An"}
# another name given right after a treaty's: "the X Agreement (XA)", "X, also called the Y Treaty"
_AKA = re.compile(r"^(?:\s*\(([A-Z][A-Za-z]{1,7})\)|,?\s+(?:also\s+|better\s+|usually\s+|commonly\s+)?"
                  r"(?:known|called|dubbed|abbreviated)\s+as\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
                  r"|,?\s+(?:usually|commonly|also|often)\s+called\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
                  # "the X Treaty, or Moscow Treaty, was signed": another name, set off by commas
                  r"|,\s+or\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+" + TREATY_HEADS + r")(?=\s*[,)—–])"
                  # "signed the X Mutual Defence Treaty, the Pukpuk Treaty.": a short name in apposition
                  r"|,\s+the\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+" + TREATY_HEADS + r")(?=\s*(?:[.;]|$)))")


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
    per_counterpart(art, s)           # "A signed agreements with B and C": one with each
    listed_for_states(art, s, prev)   # "Alongside her were B for Belgium and C for Luxembourg"
    if before is None and _DOCUMENTS_SIGNED.match(s.text):
        _listed_documents(art, s, prev)
        return
    same = _SAME_OCCASION.search(s.text) is not None
    if before is None or not (_SIGNED_ALONGSIDE.match(s.text) or _DOCUMENTS_SIGNED.match(s.text) or same):
        return
    # (at the same ceremony others may sign: "by the energy ministers", "by the same delegates" —
    # the sentence's own signers, if any)
    copied = ("party", "signedAt", "signedOn") if same else ("party", "signatory", "signedAt", "signedOn")
    told = [f for f in art.facts if f.subject == before and f.status is None and f.predicate in copied]
    for key in dict.fromkeys(f.subject for f in art.facts if f.subject.startswith("treaty/")
                             and f.evidence.sentence == s.text and f.subject != before):
        have = {f.predicate for f in art.facts if f.subject == key}
        for f in told:
            # (the day of the same ceremony, finer than the year its mention was given)
            if f.predicate in ("party", "signatory") or f.predicate not in have or same and f.predicate == "signedOn":
                art.add(key, f.predicate, f.obj, s)


def _subject_states(s: Sentence, sign_tok: Any) -> set[str]:
    """The states the signing verb's subject names ("The leaders of A, B and C", "A and B")."""
    subj = [c for c in sign_tok.children if c.dep_ == "nsubj"]
    return {st.key for st in s.states for c in subj if c.left_edge.i <= st.start <= c.right_edge.i}


def _through_a_clause(tok: Any, sign_tok: Any) -> bool:
    """The token hangs on the signing word through a clause of its own (a participle or a
    relative clause: "a treaty creating X", "a pact that rivals Y")."""
    for a in tok.ancestors:
        if a.i == sign_tok.i:
            return False
        if a.pos_ in ("VERB", "AUX") and a.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp"):
            return True
    return False


def _signers_of_the_one_told(art: _Article, s: Sentence, key: str) -> bool:
    """"A and B signed X on Thursday. C and D put pen to paper at a ceremony in Y": a signing with
    no document of its own, by office-holders, is of the treaty just told; its place is that one's
    when it had none."""
    sign = _sign_token(s)
    if sign is None or sign.pos_ != "VERB" or _is_speculative(sign) or any(
            c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() not in _SIGN_OBJECTS for c in sign.children):
        return False
    doc = s.span.doc
    watching = _bystander_tokens(s)   # ("at X, the residence of Y, who hosted it": not a signer)
    signers = [p.key for p in s.persons
               if p.key in art.offices and _signs(doc[p.end - 1], sign) and p.start not in watching]
    if len(signers) < 2:
        return False
    for k in signers:
        art.add(key, "signatory", Ref(k), s)
    if len({f.obj for f in art.facts if f.subject == key and f.predicate == "party"}) < 2:
        # (a treaty told with no parties: the states its signers serve, "A of X signed alongside
        # B of Y and C of Z")
        for st in dict.fromkeys(st for k in signers if len(art.offices.get(k, ())) == 1 for st in art.offices[k]):
            art.add(key, "party", Ref(st), s)
    place = _place_for(s, sign, strict=True, governor=sign)
    if place is not None and not any(f.subject == key and f.predicate == "signedAt" for f in art.facts):
        art.add(key, "signedAt", Ref(place), s)
    leaders = [k for k in signers if k in art.leaders or k in art.leader_titled]
    if len(leaders) >= 2 and len({st for k in leaders for st in art.offices.get(k, ())}) >= 2:
        # leaders who signed together met, on the day and at the place of the signing
        day = next((f.obj for f in art.facts if f.subject == key and f.predicate == "signedOn"
                    and isinstance(f.obj, PartialDate)), None)
        where = place or next((f.obj.key for f in art.facts if f.subject == key and f.predicate == "signedAt"), None)
        # (and the leader "who hosted the ceremony", who watched it: one of the meeting, no signer)
        hosts = [p.key for p in s.persons if p.start in watching and p.key not in leaders
                 and (p.key in art.leaders or p.key in art.leader_titled)
                 and any(c.dep_ == "relcl" and c.lemma_.lower() == "host" for c in doc[p.end - 1].children)]
        ev = Event("Summit", leaders + hosts, day, None, where,
                   extra={"type": "Summit", "treaty": key, "sent": s.index, "block": s.block})
        ev.evidence.append(Evidence(s.text, s.section))
        art.events.append(ev)
    return True


def _treaties_of(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    _acronym_mentions(art, s)
    last_told = next((f.subject for f in reversed(art.facts) if f.subject.startswith("treaty/")), None)
    if not s.treaties and (art.treaty_keys or last_told) and _IT_SIGNED.match(s.text):
        # "It was signed by ...", "The document was signed by ...": the treaty just told
        s.treaties.append(Mention("treaty", s.text[:2], s.span.start_char, s.span.start_char + 2,
                                  extra={"kind": "anaphor", "year": None}))
    elif not s.treaties and prev is not None and _IT_SIGNED.match(s.text):
        # "The agreement on the sea border of A and B took effect in 2019. It was signed in X in
        # 2014 by ...": the treaty the sentence before told of without its signing
        told = [m for m in prev.treaties if m.extra.get("kind") == "generic" and not prev.treaty_keys]
        if len(told) == 1:
            parties = _named_parties(art, prev, told[0]) or told[0].extra.get("named_parties") or []
            if not parties and len({st.key for st in prev.states}) == 2:
                parties = list(dict.fromkeys(st.key for st in prev.states))   # "... of A and B"
            if len(parties) >= 2:
                s.treaties.append(Mention("treaty", s.text[:2], s.span.start_char, s.span.start_char + 2,
                                          extra={**told[0].extra, "det": "an", "named_parties": parties}))
    if not s.treaties and last_told is not None and _SIGNATORY_LIST.search(s.text):
        _signatory_list(art, s, last_told)
        return
    if not s.treaties and last_told is None and _SIGNATORY_LIST.search(s.text):
        # "The other signatures were those of A; B; ...": signers of the story's treaty
        art.loose_signers.extend((p.key, None, s) for p in s.persons if p.key in art.offices)
        return
    if not s.treaties and _signed_for_a_state(art, s, last_told if _told_just_before(art, last_told, prev) else None):
        return
    if not s.treaties and _told_just_before(art, last_told, prev) and _signers_of_the_one_told(art, s, last_told):
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
    if not s.treaties and not s.text.endswith("?"):   # ("Who signed it?" asks; it tells nothing)
        recent = _recent_treaty(art, s)
        sign = _sign_token(s) if recent is not None else None
        obj = _signed_it(sign) if sign is not None and not _instead_of(sign) else None
        if obj is not None and obj.lower_ == "it":
            # "What is the X Treaty? ... Who signed it? A and B put their signatures to it": the one
            # treaty the last sentences that told of any told of
            s.treaties.append(Mention("treaty", obj.text, obj.idx, obj.idx + len(obj.text),
                                      extra={"kind": "acronym", "key": recent, "year": None}))
    if not s.treaties:
        return
    if last_told is not None:
        _called(art, s, last_told)
    group = _group_signers(art, s)
    if group:
        group_states = list(dict.fromkeys(st for k in group for st in sorted(art.offices.get(k, ()))))
        for m in s.treaties:
            # (and "they signed the treaty establishing X" in a story that has told no treaty yet)
            if m.extra.get("kind") == "generic" and len(group_states) >= 2 and (
                    m.extra.get("det") in ("a", "an", "") or m.extra.get("det") == "the" and not art.treaty_keys):
                m.extra.setdefault("named_parties", group_states)
    text = _doc_text(s.span.doc)
    resolved: list[tuple[Mention, tuple[str, str, PartialDate | None, list[str]]]] = []
    for i, m in enumerate(s.treaties):
        m.extra["named_parties"] = _named_parties(art, s, m) or m.extra.get("named_parties") or []
        got = _treaty_key(art, m, s, prev)
        if got is not None and m.extra.get("kind") == "generic" and got[3] and resolved \
                and resolved[-1][0].extra.get("kind") == "named" \
                and re.fullmatch(r"\s*,\s*", text[resolved[-1][0].end:m.start]):
            # "the Saadabad Pact, the treaty that A, B and C signed": that treaty, described
            m.extra["describes_known"] = True
            m.extra["named_parties"] = m.extra["named_parties"] or got[3]
            got = (resolved[-1][1][0], resolved[-1][1][1], got[2], got[3])
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
            _counted(art, m, got)
        resolved.append((m, got))
        s.treaty_keys.append(got[0])
        art.treaty_labels.setdefault(got[0], got[1])
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
                said = re.match(r"^\s*(?:It|This|" + _THE_NEW_ONE + r")\s+"
                                r"(?:also\s+|in\s+turn\s+)?" + REPLACE_ACTIVE, lead) and len(resolved) == 1 or re.match(
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
    for key_new, key_old in told_replacements(art, s, resolved, text):
        for m, t in resolved:
            if t[0] in (key_new, key_old):
                _treaty_entity(art, t[0], t[1], m)
        art.add(key_new, "replaces", Ref(key_old), s)   # "the X that superseded it", "a revised version of ..."
    _members(art, s, resolved)   # "the pact brings together A, B and C"
    # signing: "the signing of X by A and B", "A and B signed X on DATE in PLACE"
    sign_tok = _sign_token(s)
    signed_target = None
    if sign_tok is not None and resolved:
        after = [x for x in resolved if x[0].start >= sign_tok.idx]
        before = [x for x in resolved if x[0].start < sign_tok.idx]
        passive = any(c.dep_ == "auxpass" for c in sign_tok.children)
        # "the X Treaty, signed in Lima in 1995, revised ...": the participle's own noun
        # (and the subject of a passive: "New START, which succeeded the 1991 treaty, was signed in
        # Prague by A and B" signs New START)
        subj = next((c for c in sign_tok.children if c.dep_ == "nsubjpass"), None) if passive else None
        own = [x for x in resolved if sign_tok.dep_ in ("acl", "relcl")
               and x[0].start <= sign_tok.head.idx < x[0].end] \
            or [x for x in resolved if x[0].extra.get("own_sign_at") == sign_tok.idx] \
            or [x for x in resolved if subj is not None and x[0].start <= subj.idx < x[0].end]
        signed_target = (own[0] if own else before[-1] if passive and before
                         else (after[0] if after else before[-1]))[1][0]
        if _signs_other_document(sign_tok, resolved):
            sign_tok = None
        elif _signs_an_unknown_one(s, sign_tok, resolved):
            sign_tok = None
    signings = [(sign_tok, signed_target)] if sign_tok is not None else []
    target = next((x[0] for x in resolved if x[1][0] == signed_target), None) if sign_tok is not None else None
    if target is not None:
        # "signed a treaty of trade and a general accord on X": each object signed
        last = target
        for x in resolved:
            # ("X and Y were signed in Z": the first conjunct too; "inked the texts, among them an
            # oil accord on fees, a trade accord and a banking agreement": each one the list names)
            listed = x[0].start > last.start and _next_in_list(s, last, x[0])
            if x[1][0] != signed_target and (x[0].start > target.start and _coordinated(s, target, x[0])
                                             or x[0].start < target.start and _coordinated(s, x[0], target)
                                             or listed) \
                    and all(x[1][0] != k for _, k in signings) and x[0].extra.get("own_sign_at") is None:
                signings.append((sign_tok, x[1][0]))
            if listed:
                last = x[0]
    for x in resolved:
        # "a fisheries pact the two signed in 2004 and a customs accord concluded in 1996": each
        # signed in a clause of its own
        at = x[0].extra.get("own_sign_at")
        verb = _token_at_char(s.span, at) if at is not None and x[0].extra.get("kind") == "generic" else None
        if verb is not None and verb.idx == at and all(x[1][0] != k for _, k in signings):
            signings.append((verb, x[1][0]))
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
            if key != signed_target or any(x is not m and x.extra.get("own_sign_at") == sign_tok.idx for x, _ in resolved):
                continue   # (not the signing a clause of another mention tells)
            own_year = PartialDate(int(m.extra["year"])) if m.extra.get("year") else None
            trig = _token_at_char(s.span, m.start) if m.start >= s.span.start_char else sign_tok
            own_clause = sign_tok.dep_ in ("relcl", "acl") and m.start <= sign_tok.head.idx < m.end
            # ("the protocol, which A and B inked on Wednesday, will revive the line": the clause tells
            # the signing; what the treaty will do is no forecast of it)
            own_day = _signing_date(art, s, sign_tok)[0] if own_clause and sign_tok.dep_ == "acl" else None
            status = None if own_day is not None and _not_after_article(art, own_day) \
                else _is_speculative(sign_tok) or (None if own_clause else _is_speculative(trig))
            # ("the agreement, inked in X on Wednesday by A and B, will ...": the clause dates a
            # signing done; what the agreement will do is no forecast of it)
            if status is None and not (_has_past_evidence(sign_tok) or sign_tok.tag_ in ("NN", "VBD") or _put_told(sign_tok)
                                       or _signed_by_participle(sign_tok) or _dated_participle(art, s, sign_tok)
                                       or _misread_participle(sign_tok)
                                       or _SAME_OCCASION.search(s.text)   # (a ceremony told as held)
                                       or _dated_before_story(art, s, sign_tok)
                                       or _before_article(art, own_year)   # "a 1999 treaty, signed by A and B"
                                       or _done_by_its_day(art, s, sign_tok)):
                status = "expected"
            if any(c.dep_ == "neg" for c in sign_tok.children):
                status = "expected"   # "the treaty has not been signed": not a signing
            # signatories: office-holders the signing governs ("signed by A and B", "A and B signed"),
            # not others the sentence names ("A visited Warsaw, where the two countries signed X")
            watching = _bystander_tokens(s)
            # ("the foreign ministers of A and B, X and Y, signed in Z the W": the subject the
            # parser hung the verb on)
            first = sign_tok.head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head   # ("The Cuban President, A, and his counterpart, B, signed ...")
            subject = {t.i for t in first.subtree} - {t.i for t in sign_tok.subtree} \
                if _misread_participle(sign_tok) else set()
            signatories = [p.key for p in s.persons if (p.key in art.offices or p.key in art.leaders
                                                        or p.key in art.leader_titled or _by_agent(s.span.doc[p.end - 1], sign_tok))
                           and _signs(s.span.doc[p.end - 1], sign_tok) and p.start not in watching and not _BYSTANDER.search(
                               text[max(s.span.start_char, s.span.doc[p.start].idx - 60):s.span.doc[p.start].idx])]
            # leaders who watched the signing were at the ceremony too
            for k in _relative_subjects(art, s, m, sign_tok):
                if k not in signatories:
                    signatories.append(k)   # "an accord that A's predecessor, B, signed with C"
            for p in s.persons:
                if p.start in subject and p.start not in watching and p.key not in signatories \
                        and (p.key in art.offices or p.key in art.leaders or p.key in art.leader_titled) \
                        and not _BYSTANDER.search(text[max(s.span.start_char, s.span.doc[p.start].idx - 60):s.span.doc[p.start].idx]):
                    signatories.append(p.key)
            if sign_tok.tag_ == "VBN" and sign_tok.dep_ == "acl":
                for k in _named_by(s, sign_tok):   # "a 1967 treaty, signed at X by A, B and C"
                    if k not in signatories and art.offices.get(k):
                        signatories.append(k)
            guests = [p.key for p in s.persons if p.start in watching and p.key not in signatories
                      and (p.key in art.leaders or p.key in art.leader_titled)]
            art.onlookers.update(guests)
            if not signatories and group and not _SIDES_SIGNED.search(s.text):
                signatories = list(group)   # "the two leaders signed"; "the two sides signed" names no signer
            # parties are the states the signing itself names ("A and B signed"), not bystanders
            # ("talks hosted by Swiss diplomats")
            governed = {st.key for st in s.states if _governed_by(s.span.doc[st.start], sign_tok)
                        or _shares_subject(s.span.doc[st.start], sign_tok) or st.start in subject}
            governed |= {art.seat_of(pl.key) for pl in s.places if art.seat_of(pl.key) is not None
                         and _as_government(s.span.doc[pl.end - 1])
                         and (_governed_by(s.span.doc[pl.start], sign_tok) or _shares_subject(s.span.doc[pl.start], sign_tok))}
            # "the two sides" of another clause ("A, who signed X, met B, and the two sides
            # signed Y") say nothing of X's parties
            clause = _clause_text(s, sign_tok)
            if (m.extra.get("own_sign_at") == sign_tok.idx or key in art.older_treaties) and len(parties) >= 2:
                pass   # the states the treaty's own mention was read with ("a pact the two signed in
                # 2004", "an earlier extradition treaty")
            elif not TWO_STATES.search(clause):
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
                                for st in art.offices.get(p.key, ())}) or _watchers_states(art, s, sign_tok)
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
            if not parties and not signatories and sign_tok.tag_ == "VBN":
                # "During Premier X's visit to Y, a revised treaty was signed": the guest's state and
                # the host's
                parties = _visit_states(art, s)
            elif len(signatories) >= 2 and all(len(art.offices.get(p, ())) == 1 for p in signatories):
                # "he, X's president A and Y's leader B signed": the state of the signer
                # named without one, when the others' states are the parties named
                derived = {st for p in signatories for st in art.offices[p]}
                if set(parties) < derived and len(derived) == len(signatories):
                    parties = parties + sorted(derived - set(parties))
            named = _subject_states(s, sign_tok)
            if len(named) >= 2:
                # "The leaders of A, B and C signed a treaty creating a union meant to rival D": the
                # states of the signers, not those of a clause on what the treaty does
                aside = {st.key for st in s.states if st.key not in named
                         and _through_a_clause(s.span.doc[st.start], sign_tok)}
                parties = [p for p in parties if p not in aside]
            start, _ = _signing_date(art, s, sign_tok)
            if m.extra.get("own_sign_at") == sign_tok.idx and year is not None and (start is None or start.year != year.year):
                start = year   # the year the mention's own clause gives, however the parser hung it
            if start is None and m.extra.get("of_date") is not None:
                start = m.extra["of_date"]   # "the Treaty of X of May 7, 1979, which was signed in Y"
            if start is None and own_year is not None and _before_article(art, own_year):
                start = own_year   # "a 1999 treaty, signed by A and B": the year its mention gives
            # ("in the Nigerien capital, where the customs chiefs signed X": the place the clause hangs on)
            place = _place_for(s, sign_tok, strict=True, governor=sign_tok) or _where_clause(s, sign_tok)
            journey = sign_tok.head if sign_tok.dep_ in ("advcl", "xcomp") and sign_tok.head.lemma_.lower() in _TRAVEL \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in sign_tok.children) else None
            if journey is not None:
                # "flew to Lusaka to sign X": signed where the journey went, when it was made
                place = place or next((m.key for m in s.places if _governed_by(s.span.doc[m.end - 1], journey)), None)
                start = start or _resolve_dates(art, s, journey, "past")[0]
            recent = [e for e in art.events if e.kind in ("Summit", "Visit") and e.extra.get("block") in (s.block, s.block - 1)
                      and 0 < s.index - e.extra.get("sent", -99) <= 3]
            if start is None and status is None and not s.dates and recent and _AFTER_MEETING.search(s.text):
                # "When their talks ended, the pair signed X": the signing of a meeting or
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
                            and set(e.participants) & set(signatories + guests) and _during(e.start, e.end, start):
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
            if start is None and status is None and not dated and sign_tok.tag_ == "VBD" and _lead_tells_signing(art, s) \
                    and _LEAD_AGAIN.search(s.text):
                # "The presidents signed a raft of agreements on Thursday ... In all, the two leaders
                # signed nine agreements": the lead's signing, told in full
                start = _lead_date(art, s)
            if start is None and status is None and not dated and (_has_past_evidence(sign_tok) or sign_tok.tag_ == "VBD"):
                start = _story_date(art, s, named=m.extra.get("kind") == "named")
            if start is None and status is None and not dated and sign_tok.tag_ == "VBD" and _lead_tells_signing(art, s):
                # "LIMA, May 3 - The two states signed a treaty on Friday ... / The foreign ministers
                # signed the Treaty of X at ...": the lead's signing, told again with its names
                start = _lead_date(art, s)
            place = _town_of_building(art, s, place) or place_told_there(art, s, sign_tok)
            if place is None and start is not None and status is None:
                # "A welcomed B to X on Monday. The two leaders watched their ministers sign
                # an accord": where the visit just told went, by a leader of a party's state
                place = next((e.destination for e in reversed(_recent_events(art, s, within=1))
                              if e.kind == "Visit" and (e.destination or "").startswith("place/")
                              and _during(e.start, e.end, start) and any(
                                  st in parties for p in e.participants for st in art.offices.get(p, ()))), None)
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
            if len(guests) >= 2:
                # "the ministers signed X as A and B looked on": a meeting of the leaders there
                met = [p for p in met if p in art.leaders or p in art.leader_titled]
            # (a signing the story looks back on is history it cites, not a meeting it reports,
            # unless the article is the story of that signing, told years on: "Fifty years ago
            # today, A and B signed X")
            when = start or next((f.obj for f in art.facts if f.subject == key and f.predicate == "signedOn"
                                  and isinstance(f.obj, PartialDate)), None)
            if len(met) >= 2 and len({st for p in met for st in art.offices.get(p, ())}) >= 2 \
                    and not (when is not None and art.article_date is not None
                             and when.year < art.article_date.year - 1 and not _story_of(art, when.year)
                             and not (_tells_a_life(art) and sign_tok.tag_ == "VBD" and not _APART.search(s.text)
                                      and all(_in_office(art, p, when.year) for p in met))):
                # (an obituary or a history tells its signings as they happened: "that spring he
                # and B signed X"; not a citation, "the 1994 treaty signed by A and B")
                first, last = _ended_talks(s, start or when)   # "signed on Friday, after three days of talks"
                ev = Event("Summit", met, first, last, place, extra={"type": "Summit", "treaty": key,
                                                                      "sent": s.index, "block": s.block})
                ev.evidence.append(Evidence(s.text, s.section))
                art.events.append(ev)
# a signing done apart: "each in his own capital", "signed separately"
# ("... the president signing in X, and his counterpart in Y")
_APART = re.compile(r"\b(?:separately|each\s+in\s+(?:his|her|its|their)\s+own|in\s+(?:his|her|their)\s+own\s+capital"
                    r"|(?:his|her|their)\s+counterparts?\s+in\s+(?=[A-Z]))", re.I)


def _in_office(art: _Article, key: str, year: int) -> bool:
    """The person held an office in ``year`` as far as the reference data knows (or it knows no
    term of theirs): not "the three members signed in 1978" read as today's three leaders."""
    from .. import link

    ent = art.people.get(key)
    terms = link.terms_of(ent["label"]) if ent else ()
    return not terms or any(t.covers(year) for t in terms)


def _tells_a_life(art: _Article) -> bool:
    """The article is an obituary or a history: its opening says so ("has died", "fifty years ago")."""
    return _lead_looks_back(art) or _OBITUARY.search(_lead(art)) is not None


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


def _signs_an_unknown_one(s: Sentence, sign_tok: Any, resolved: list[Any]) -> bool:
    """The signing's object is a treaty mention the article could not identify ("On the treaty's
    anniversary, A and B signed a new bilateral treaty"): not a signing of the one it can."""
    obj = next((c for c in sign_tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return False
    mine = [m for m in s.treaties if m.start <= obj.idx < m.end]
    return bool(mine) and all(m is not x[0] for m in mine for x in resolved)


def _bare_conjunct(t: Any) -> bool:
    """A "verb" joined by "and" with no subject or object of its own: a noun the parser misread
    ("a declaration of friendship and [trade]")."""
    return t.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in t.children)


def _signs_other_document(sign_tok: Any, resolved: list[Any]) -> bool:
    """The signing's object is a document of another kind than the treaty mentioned ("Putin
    signed a law denouncing the treaty")."""
    if sign_tok.dep_ == "relcl" and sign_tok.head.pos_ == "PROPN" \
            and sign_tok.head.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC", "PERSON", "NORP") \
            and not any(c.lower_ in ("where", "when") for c in sign_tok.children) \
            and not any(m.start <= sign_tok.head.idx < m.end for m, _ in resolved):
        return True   # "the treaty followed the Act of X, which A and B signed in 1966": that act
    obj = next((c for c in sign_tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None and sign_tok.dep_ in ("acl", "relcl"):
        obj = sign_tok.head   # "follows a Joint Statement the two ministers signed"
    if (obj is None or obj.lemma_.lower() not in _OTHER_DOCUMENTS) \
            and not any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in sign_tok.children):
        # "the declaration of peace the two leaders signed" (however parsed): the document named
        # just before the signers, with no verb or clause break between
        for t in reversed(sign_tok.doc[sign_tok.sent.start:sign_tok.i]):
            if t.pos_ in ("VERB", "AUX") and not _bare_conjunct(t) or t.text in (",", ";", ":", "(", "\u2014") \
                    or any(m.start <= t.idx < m.end for m, _ in resolved):
                break
            if t.pos_ == "NOUN" and t.lemma_.lower() in _OTHER_DOCUMENTS:
                obj = t
                break
    if obj is None or obj.lemma_.lower() not in _OTHER_DOCUMENTS:
        return False
    for m, _ in resolved:
        if m.start <= obj.idx < m.end:
            return False
        # "signed a declaration ... and, alongside it, the X Convention": the treaty is signed too
        if any(m.start <= t.idx < m.end and t.idx > obj.idx and (
                t.head.i == sign_tok.i and t.dep_ in ("dep", "conj", "dobj", "obj")
                or t.head.i == obj.i and t.dep_ in ("conj", "appos") and re.search(
                    r"\b(?:and|as\s+well\s+as|along(?:side)?|together\s+with)\b",
                    _doc_text(sign_tok.doc)[obj.idx:m.start]))
               for t in sign_tok.doc):
            return False
    return True


def _shares_subject(tok: Any, sign_tok: Any) -> bool:
    """``tok`` is in the subject of the verb the signing is coordinated with ("the leaders of A
    and B met on Tuesday and signed X")."""
    if sign_tok.dep_ != "conj" or sign_tok.head.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in sign_tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in sign_tok.children):
        return False
    return subj.left_edge.i <= tok.i <= subj.right_edge.i


def _dated_before_story(art: _Article, s: Sentence, sign_tok: Any) -> bool:
    """"The X Treaty, signed in Moscow in May 1972, ...": a signing the sentence dates to an
    earlier year than the story's is told as done, whatever the tense the parser saw."""
    if art.article_date is None:
        return False
    lo, hi = sign_tok.left_edge.idx, sign_tok.right_edge.idx + len(sign_tok.right_edge.text)
    if not any(t.pos_ in ("VERB", "AUX") and t.i != sign_tok.i for t in s.span):
        # (the signing is the sentence's only verb, however the parser hung it: "On 27 April 1951,
        # A and B signed in X the Y", read as "B [who were] signed")
        lo, hi = s.span.start_char, s.span.end_char
    for m in s.dates:
        if lo <= m.start < hi and _YEAR.search(m.text):
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))[0]
            if got is not None and got.year < art.article_date.year:
                return True
    return False


def _plan(art: _Article, s: Sentence, kind: str, involves: list[str], status: str,
          start: PartialDate | None = None) -> None:
    if not involves:
        return
    ev = Event("Plan", list(dict.fromkeys(involves)), start, status=status, extra={"type": kind})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)
