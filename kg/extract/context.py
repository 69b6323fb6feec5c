"""The data the stages share: mentions, sentences, events, and the state of one article's
extraction (``_Article``: entities, person clusters, offices, events, facts)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import identity, reference as ref
from ..model import Entity, Evidence, Fact, PartialDate
from .nlp import _doc_text
from .lexicon import INTERNATIONAL
from .names import canonical_person_label, _name_tokens, _person_by_short, _state_by_key


@dataclass
class Mention:
    kind: str            # person, state, place, treaty, date
    text: str
    start: int           # token index in the block's Doc
    end: int
    key: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sentence:
    span: Any            # spaCy Span
    section: str
    block: int
    index: int           # sentence number in the article
    persons: list[Mention] = field(default_factory=list)
    states: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)
    treaties: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)
    treaty_keys: list[str] = field(default_factory=list)   # the treaties its mentions were resolved to

    raw: str = ""        # the span's text, as spaCy's ``span.text`` (which joins the tokens on each call)
    text: str = field(default="", init=False)  # ``raw`` stripped
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    # (what several rules ask of the same parse, worked out once: see treaty_mentions._sign_token)

    def __post_init__(self) -> None:
        if not self.raw:
            self.raw = _doc_text(self.span.doc)[self.span.start_char:self.span.end_char]
        self.text = self.raw.strip()


def said_years(s: Sentence) -> frozenset[int]:
    """The years a sentence states ("in 1972"), read once per sentence."""
    if "years" not in s.memo:
        s.memo["years"] = frozenset(int(y) for y in re.findall(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)", s.raw))
    return s.memo["years"]


def said_year(s: Sentence) -> int | None:
    """The one year a sentence states, if it states exactly one."""
    years = said_years(s)
    return next(iter(years)) if len(years) == 1 else None


@dataclass
class Event:
    kind: str                         # Summit, Visit, Treaty, Plan
    participants: list[str] = field(default_factory=list)
    start: PartialDate | None = None
    end: PartialDate | None = None
    place: str | None = None
    destination: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    status: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def people(self) -> list[str]:
        """The people of the event: its participants and, for a visit, the host who received them."""
        return [p for p in dict.fromkeys([*self.participants, self.extra.get("host") or ""]) if p.startswith("person/")]


# the last word of a body's name, not a place's ("Asia-Pacific Economic Cooperation", "African Union")
_BODY_WORD = re.compile(r"\b(?:Cooperation|Co-operation|Community|Union|Organi[sz]ation|Forum|Council|Association|"
                        r"Alliance|Conference|Commission|Fund|Bank|Secretariat|Partnership|Group)$")


class _Article:
    """State of one article's extraction (person clusters, events, facts)."""

    def __init__(self, anchor: PartialDate | None, article_date: PartialDate | None):
        self.anchor = anchor
        self.article_date = article_date
        self.entities: dict[str, Entity] = {}
        self.facts: list[Fact] = []
        self.people: dict[str, dict[str, Any]] = {}      # key -> {"label", "alts", "tokens"}
        self.person_order: list[tuple[int, str]] = []     # (sentence index, key)
        self.offices: dict[str, set[str]] = {}            # person key -> state keys
        self.leaders: dict[str, set[str]] = {}
        self.events: list[Event] = []
        self.state_counts: Counter[str] = Counter()
        self.treaty_keys: list[str] = []                  # named treaties, in order of mention
        self.notes: list[str] = []
        self.docs: list[Any] = []                         # one spaCy Doc per block, in order
        self.served: dict[str, str] = {}                  # an aide or adviser -> the name of the one served
        self.retrospective: bool | None = None            # the article looks back at an old story (dating)
        self.ago_years: list[int] | None = None           # the years its opening counts back to (dating)
        # offices a sentence left half-known: (person, title, leads, state, counterpart of, sentence)
        self.person_sentences: dict[str, list[Sentence]] = {}   # person -> sentences naming them
        self.past_people: set[str] = set()                # named as "former", "ex-", "late"
        # signers told with no treaty at hand ("X signed for Y"): (person, state or None, sentence)
        self.loose_signers: list[tuple[str, str | None, Sentence]] = []
        self.international: set[str] = set()              # officials of an international body (UN, EU, ...)
        self.actor_states: set[str] = set()               # states named in the body or headline
        self.dateline_state: str | None = None            # where the story was filed, as a state
        self.dateline_place: str | None = None            # the known place it was filed from ("here")
        self.issuers: set[str] = set()                    # names alone on a letterhead's lines ("I", if one)
        self.linked_treaties: dict[str, tuple[Any, Sentence, str]] = {}   # key -> (reference treaty, sentence, name)
        self.older_treaties: set[str] = set()             # unnamed ones told as older than one of their kind
        self.onlookers: set[str] = set()                  # leaders told watching a signing ("in the presence of X")
        self.treaty_labels: dict[str, str] = {}           # every treaty a mention was resolved to -> its label
        self.quoted_treaties: list[str] = []              # names given in quotes: "the 'Vaka Moana' pact"
        self.leader_titled: set[str] = set()             # people the text calls a head of state or government
        self.leaders_of_the_time: set[str] = set()       # heads of state or government in the years told (reference data)
        self.sentences: list[Sentence] = []                # every sentence, in order (set by the mention stage)
        self.reading: Sentence | None = None               # the sentence the mention stage is reading
        self.section_towns: dict[int, str | None] = {}            # a roundup's sections: block -> the town heading it
        self.dateline_blocks: set[int] = set()             # blocks that open with a dateline ("KHARTOUM — ...")
        self.pending: list[tuple[str, str | None, bool | None, str | None, str | None, Sentence]] = []

    # entities --------------------------------------------------------------
    def state(self, key: str) -> str:
        if key not in self.entities:
            st = _state_by_key(key)
            self.entities[key] = Entity(key, "State", st.label if st else key.split("/", 1)[1],
                                        wikidata=st.wikidata if st else None)
        return key

    def place(self, text: str) -> str | None:
        p = ref.lookup_place(text)
        if p is not None:
            key = f"place/{ref.slugify(p.label)}"
            if key not in self.entities:
                self.entities[key] = Entity(key, "Place", p.label, wikidata=p.wikidata)
            return key
        name = re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I).strip(" ,.'\"’")
        if not name or not name[:1].isupper() or len(name.split()) > 5 \
                or name.lower() in ("north", "south", "east", "west") or name.endswith(("-", "–")) \
                or name.lower() in INTERNATIONAL \
                or _BODY_WORD.search(name):   # "the summit in Mercosur", "the Asia-Pacific Economic Cooperation"
            return None   # "the North": a side, not a place
        key = f"place/{ref.slugify(name)}"
        if key not in self.entities:
            self.entities[key] = Entity(key, "Place", name)
        return key

    def in_office(self, person: str, state: str, year: int | None) -> bool | None:
        """Whether a term of the person's for the state that the reference data has covers
        ``year``; None when it has none for that state (or no year is known)."""
        from .. import link

        label = self.people.get(person, {}).get("label")
        st = self.entities.get(state)
        if year is None or not label or st is None:
            return None
        terms = [t for t in link.terms_of(label) if t.state == st.label]
        return any(t.covers(year) for t in terms) if terms else None

    def state_of(self, key: str | None) -> str | None:
        """The state a state or place key stands in (a place's state from the reference data)."""
        if key is None or key.startswith("state/"):
            return key
        p = ref.lookup_place(self.entities[key].label) if key in self.entities else None
        if p is None and self.dateline_place and key == f"place/{ref.slugify(self.dateline_place)}":
            return self.dateline_state   # the town a story was filed from, in the dateline's state
        return f"state/{ref.slugify(p.state)}" if p is not None and p.state else None

    def named_city_state(self, key: str) -> str | None:
        """The state of a town places.tsv does not list, from cities.tsv, when the article names
        that state (a town of the same name in a state the story never names is not taken:
        "Miraflores", a palace in Caracas and a district of Lima). Today's state: the town's
        locatedIn, and enough to tell a trip at home."""
        if not key.startswith("place/") or key not in self.entities or ref.lookup_place(self.entities[key].label):
            return None
        city = f"state/{ref.slugify(ref.city_state(self.entities[key].label) or '-')}"
        return city if self.state_counts.get(city) else None

    def seat_of(self, key: str | None) -> str | None:
        """The state whose capital the place is ("Tallinn" -> Estonia), for a capital named as
        its government ("Tallinn signed a customs accord with Stockholm")."""
        if key is None or not key.startswith("place/") or key not in self.entities:
            return None
        p = ref.lookup_place(self.entities[key].label)
        return self.state(f"state/{ref.slugify(p.state)}") if p is not None and p.kind == "capital" and p.state else None

    def person(self, name: str, sent_index: int, said: str | None = None) -> str:
        """The key of the person ``name`` names (the reference data's, when it knows them);
        ``said``: the words the text used, when ``name`` is a fuller one found for them."""
        # (under another spelling or style: "Sheikh Mohammed bin Zayed Al Nahyan")
        known = ref.lookup_person(name) or identity.lookup_person(name) or self._of_the_year(name)
        if known is not None:
            key = f"person/{ref.slugify(known.label)}"
            label, wd = known.label, known.wikidata
        else:
            key = f"person/{ref.slugify(name)}"
            label, wd = canonical_person_label(name), None
            same = self._with_or_without_middle(name) or self._surnames_of(name)
            if same is not None:   # "Julius Kambarage Nyerere" after "Julius Nyerere": one person
                key, label, wd = same, self.people[same]["label"], self.people[same]["wd"]
        rec = self.people.setdefault(key, {"label": label, "alts": set(), "tokens": set(), "said": set(), "wd": wd})
        rec["alts"].add(name)
        rec["tokens"].update(_name_tokens(name))
        rec["said"].update(_name_tokens(said or name))   # (the words the text named them by)
        if known is not None:
            for alt in known.aliases:
                rec["tokens"].update(_name_tokens(alt))
        self.person_order.append((sent_index, key))
        return key

    def _of_the_year(self, name: str) -> Any:
        """Of the reference people ``name`` may shorten ("George Bush": George H. W. Bush and
        George W. Bush), the one in office in the year the sentence tells (else the article's),
        when it is only one."""
        from .. import link

        # the one year the sentence tells, else the article's (a namesake of an earlier reign,
        # named beside its year, is no leader of the article's year)
        years = said_years(self.reading) if self.reading else frozenset()
        if len(years) > 1 or not years and self.anchor is None:
            return None
        year = next(iter(years)) if years else self.anchor.year
        fits = [p for p in ref.people_named_short(name) if any(t.covers(year) for t in link.terms_of(p.label))]
        return fits[0] if len(fits) == 1 else None

    def _with_or_without_middle(self, name: str) -> str | None:
        """The one person already named by the same first and last name, this name or theirs
        with middle names spelled out (no initials: "George W. Bush" is not "George H. W. Bush")."""
        words = name.split()
        found = set()
        for key, rec in self.people.items():
            other = rec["label"].split()
            short, full = sorted((words, other), key=len)
            if len(short) == 2 and len(full) >= 3 and short[0].lower() == full[0].lower() \
                    and short[-1].lower() == full[-1].lower() and not any("." in w for w in full[1:-1]):
                found.add(key)
        return next(iter(found)) if len(found) == 1 else None

    def _surnames_of(self, name: str) -> str | None:
        """The one person already named whose full name ends with these two or more words:
        "Lopez Mateos" after "Adolfo Lopez Mateos" (a double surname told without the given name)."""
        words = [ref.slugify(w) for w in name.split()]
        if len(words) < 2:
            return None
        found = {key for key, rec in self.people.items()
                 if len(rec["label"].split()) > len(words)
                 and [ref.slugify(w) for w in rec["label"].split()][-len(words):] == words}
        return next(iter(found)) if len(found) == 1 else None

    def resolve_short(self, token: str, sent_index: int, year: int | None = None) -> str | None:
        """A one-word name ("Kim", "Putin") -> the most recently named person it fits (``year``: the
        one year the sentence tells, when the reference data has only one of them in office then:
        "the 1972 talks of A and Trudeau", after two Trudeaus)."""
        t = token.lower()
        best = None
        fits = [key for idx, key in reversed(self.person_order) if idx <= sent_index and t in self.people[key]["tokens"]]
        if len(set(fits)) > 1 and year is not None:
            then = [k for k in fits if any(r.covers(year) for r in ref.roles_of(self.people[k]["label"]))]
            if len(set(then)) == 1:
                return then[0]
        said = [k for k in fits if t in self.people[k]["said"]] if len(set(fits)) > 1 else []
        if said and len(set(said)) < len(set(fits)):
            # "Kenyatta" after "Jomo Kenyatta" and "his son Uhuru": the one the text named with
            # that word, not one it fits only by the reference data's full name
            fits = said
            if len(set(fits)) == 1:
                return fits[0]
        if len(set(fits)) > 1 and self.anchor is not None:
            # "Kim" after "Kim Jong Un" and "Kim Dae-jung": the one in office in the article's year,
            # when the reference data tells one apart
            year = self.anchor.year
            serving = [k for k in fits if any(r.covers(year) for r in ref.roles_of(self.people[k]["label"]))]
            if len(set(serving)) == 1:
                return serving[0]
        for idx, key in reversed(self.person_order):
            if idx > sent_index:
                continue
            if t in self.people[key]["tokens"]:
                best = key
                break
        if best is None:
            for idx, key in self.person_order:
                if t in self.people[key]["tokens"]:
                    return key
            known = _person_by_short(token)
            if known is not None:
                return self.person(known.label, sent_index, said=token)
        return best

    def add(self, subject: str, predicate: str, obj: Any, sent: Sentence, status: str | None = None) -> None:
        fact = Fact(subject, predicate, obj, Evidence(sent.text, sent.section), status)
        if fact not in self.facts:
            self.facts.append(fact)


def _mention_in(span_text_start: int, span_text_end: int, m: Mention) -> bool:
    return span_text_start <= m.start < span_text_end


def _persons_by_token(s: Sentence) -> dict[int, Mention]:
    out = {}
    for m in s.persons:
        for i in range(m.start, m.end):
            out[i] = m
    return out
