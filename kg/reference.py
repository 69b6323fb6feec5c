"""Reference data: states, places and people from ``kg/data/*.tsv``.

The TSV files are the source of truth (no runtime dependency on country libraries). This module

* parses them into small frozen dataclasses (:func:`states`, :func:`places`, :func:`people`);
* builds the reference graph loaded into ``https://w3id.org/kg/graph/reference``
  (:func:`reference_graph`): labels, alternative labels, demonyms, ISO codes, ``owl:sameAs``
  Wikidata links and ``kg:locatedIn`` for places. Reference data is *not news*: it never yields
  ``kg:leaderOf``/``kg:officialOf`` or event facts, even though people.tsv lists titles;
* gives spaCy EntityRuler patterns for the names (:func:`gazetteer`);
* resolves names to entries (:func:`lookup_state`, :func:`lookup_place`, :func:`lookup_person`);
* defines :func:`slugify`, the one slug function every IRI in kg is minted with;
* loads terms of office (:func:`roles`, roles.tsv) and treaties (:func:`treaties`, treaties.tsv)
  and answers :func:`roles_of`, :func:`holders` and :func:`lookup_treaty`. These are linking
  knowledge only: they are *not* in the reference graph and never become facts by themselves.

File format: tab-separated, UTF-8, first line the header; ``|`` separates several values in one
cell; lines starting with ``#`` are comments.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, ClassVar, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.namespace import ID, KG, WD

__all__ = [
    "State", "Place", "Person", "Role", "TreatyRef", "TITLES",
    "slugify", "states", "places", "people", "roles", "treaties",
    "roles_of", "holders", "lookup_treaty", "predecessor_of",
    "state_iri", "place_iri", "person_iri",
    "reference_graph", "gazetteer",
    "lookup_state", "lookup_place", "lookup_person", "city_state",
]

_DATA_PACKAGE = "kg.data"
_QID = re.compile(r"^Q[1-9][0-9]*$")
#: Acronyms up to this length ("US", "UK", "CAR", "PRC", "DPRK") only match with exact case:
#: lower-cased they are ordinary words ("us", "car").
_ACRONYM = re.compile(r"^[A-Z]{2,4}$")

# ------------------------------------------------------------------------------------------ slugs


@lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    """The slug of a name: lower case, accents folded, runs of non-alphanumerics -> ``-``.

    >>> slugify("Kim Jong-un"), slugify("Kim Jong Un"), slugify("Kim Jong-Un")
    ('kim-jong-un', 'kim-jong-un', 'kim-jong-un')
    >>> slugify("  Côte d'Ivoire! ")
    'cote-d-ivoire'
    >>> slugify("U.S."), slugify("Lech Wałęsa")
    ('u-s', 'lech-walesa')
    """
    folded = fold_accents(text.translate(_LETTERS)).lower()
    return re.sub(r"[^0-9a-z]+", "-", folded).strip("-")


@lru_cache(maxsize=1 << 16)
def fold_accents(text: str) -> str:
    """``text`` without its accents ("Malé" -> "Male"): what news written in ASCII has.

    >>> fold_accents("Lomé, Bogotá")
    'Lome, Bogota'
    """
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# letters with no decomposition into a base letter and an accent ("Wałęsa" -> "walesa")
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"})


# ------------------------------------------------------------------------------------------ records


class _Named:
    """What every reference row has: a label and aliases, and from them its key and IRI."""

    _kind: ClassVar[str]
    label: str
    aliases: tuple[str, ...]

    @property
    def slug(self) -> str:
        return slugify(self.label)

    @property
    def key(self) -> str:
        """``<kind>/<slug>``, e.g. ``state/north-korea``: the key the gazetteer and extractor use."""
        return f"{self._kind}/{self.slug}"

    @property
    def iri(self) -> URIRef:
        return ID[self.key]

    @property
    def names(self) -> tuple[str, ...]:
        """Label and aliases (for a state: not its demonyms)."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class State(_Named):
    """A row of states.tsv."""

    _kind: ClassVar[str] = "state"
    label: str
    iso2: str | None
    iso3: str | None
    wikidata: str | None
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]
    historical: bool


@dataclass(frozen=True)
class Place(_Named):
    """A row of places.tsv. ``state`` is the canonical label of the state, or None."""


    _kind: ClassVar[str] = "place"
    label: str
    state: str | None
    kind: str
    wikidata: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Person(_Named):
    """A row of people.tsv: linking data only (state/title/years help disambiguation, not facts)."""


    _kind: ClassVar[str] = "person"
    label: str
    wikidata: str | None
    aliases: tuple[str, ...]
    state: str | None
    title: str | None
    start: int | None
    end: int | None


# ------------------------------------------------------------------------------------------ loading


def _rows(filename: str, header: tuple[str, ...]) -> Iterable[dict[str, str]]:
    text = resources.files(_DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    found = tuple(next(reader))
    if found != header:
        raise ValueError(f"{filename}: header {found!r}, expected {header!r}")
    for n, cells in enumerate(reader, start=2):
        if len(cells) != len(header):
            raise ValueError(f"{filename}: row {n} has {len(cells)} cells, expected {len(header)}: {cells!r}")
        yield dict(zip(header, (c.strip() for c in cells)))


def _multi(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def _opt(cell: str) -> str | None:
    return cell or None


def _qid(cell: str, where: str) -> str | None:
    if not cell:
        return None
    if not _QID.match(cell):
        raise ValueError(f"{where}: not a Wikidata id: {cell!r}")
    return cell


def _year(cell: str) -> int | None:
    return int(cell) if cell else None


@lru_cache(maxsize=None)
def _states() -> tuple[State, ...]:
    out = []
    for r in _rows("states.tsv", ("label", "iso2", "iso3", "wikidata", "demonyms", "aliases", "historical")):
        if r["historical"] not in ("true", "false"):
            raise ValueError(f"states.tsv: historical must be true or false: {r!r}")
        out.append(State(
            label=r["label"], iso2=_opt(r["iso2"]), iso3=_opt(r["iso3"]),
            wikidata=_qid(r["wikidata"], r["label"]), demonyms=_multi(r["demonyms"]),
            aliases=_multi(r["aliases"]), historical=r["historical"] == "true",
        ))
    return tuple(out)


@lru_cache(maxsize=None)
def _places() -> tuple[Place, ...]:
    return tuple(
        Place(label=r["label"], state=_opt(r["state"]), kind=r["kind"],
              wikidata=_qid(r["wikidata"], r["label"]), aliases=_multi(r["aliases"]))
        for r in _rows("places.tsv", ("label", "state", "kind", "wikidata", "aliases"))
    )


@lru_cache(maxsize=None)
def _people() -> tuple[Person, ...]:
    return tuple(
        Person(label=r["label"], wikidata=_qid(r["wikidata"], r["label"]), aliases=_multi(r["aliases"]),
               state=_opt(r["state"]), title=_opt(r["title"]), start=_year(r["from"]), end=_year(r["to"]))
        for r in _rows("people.tsv", ("label", "wikidata", "aliases", "state", "title", "from", "to"))
    )


def states() -> list[State]:
    """Every state of states.tsv (current, observer, partially recognised and historical)."""

    return list(_states())


def places() -> list[Place]:
    """Every place of places.tsv."""
    return list(_places())


def people() -> list[Person]:
    """Every person of people.tsv."""
    return list(_people())


def people_named_short(name: str) -> list[Person]:
    """The people whose label is ``name`` ("George Bush", a first and a last name) with middle
    names or initials between ("George H. W. Bush", "George W. Bush"): which one a text means,
    the caller tells (by the year)."""
    words = name.split()
    if len(words) != 2:
        return []
    return list(_by_first_and_last().get((words[0].lower(), words[1].lower()), ()))


@lru_cache(maxsize=1)
def _by_first_and_last() -> dict[tuple[str, str], tuple[Person, ...]]:
    out: dict[tuple[str, str], list[Person]] = {}
    for p in _people():
        words = p.label.split()
        if len(words) >= 3:
            out.setdefault((words[0].lower(), words[-1].lower()), []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def state_iri(label: str) -> URIRef:
    """IRI of the state with this canonical label (``.../id/state/<slug>``)."""
    return ID[f"state/{slugify(label)}"]


def place_iri(label: str) -> URIRef:
    return ID[f"place/{slugify(label)}"]


def person_iri(label: str) -> URIRef:
    return ID[f"person/{slugify(label)}"]


# ------------------------------------------------------------------------------------------ lookup


def _norm(name: str) -> str:
    """Case-folded, whitespace-collapsed, leading "the " removed, straight apostrophes."""
    name = " ".join(name.replace("\u2019", "'").split())
    if name[:4].lower() == "the ":
        name = name[4:]
    return name.casefold()


def _plurals(demonym: str) -> tuple[str, ...]:
    """Plural noun forms of a demonym used in news: "North Korean" -> ("North Koreans",).

    Adjectives that have no -s plural ("Chinese", "British", "Swiss", "Icelandic") give ().
    """
    if demonym[-1] in "shxzoyu" or demonym.endswith(("ch", "ese", "ic", "è", "ss")):
        return ()
    return (demonym + "s",)


@lru_cache(maxsize=None)
def _state_names() -> frozenset[str]:
    return frozenset(n for s in _states() for n in s.names)


@lru_cache(maxsize=None)
def _state_index() -> tuple[dict[str, State], dict[str, State]]:
    """(exact-case index for short acronyms, case-folded index for everything else)."""
    exact: dict[str, State] = {}
    folded: dict[str, State] = {}
    for s in _states():
        names = [*s.names, *s.demonyms, s.slug]
        names += [p for d in s.demonyms for p in _plurals(d) if p not in _state_names()]
        for n in names:
            if _ACRONYM.match(n):
                exact.setdefault(n, s)
            else:
                folded.setdefault(_norm(n), s)
    return exact, folded


def lookup_state(name: str) -> State | None:
    """The state a name refers to: canonical label, alias, demonym or slug, case-insensitively.

    Short all-capital acronyms ("US", "UK", "DPRK") match only with exact case, so "us" is not the
    United States. A leading "the" is ignored ("the Gambia"). Capitals are not states: "Moscow"
    gives None (see :func:`lookup_place`).
    """
    name = name.strip()
    if not name:
        return None
    exact, folded = _state_index()
    if name in exact:
        return exact[name]
    bare = name[4:] if name[:4].lower() == "the " else name
    if bare in exact:
        return exact[bare]
    return folded.get(_norm(name))


@lru_cache(maxsize=None)
def _place_index() -> dict[str, Place]:
    idx: dict[str, Place] = {}
    for p in _places():
        for n in p.names:
            idx.setdefault(slugify(n), p)
    return idx


def lookup_place(name: str) -> Place | None:
    """The place a name refers to, by the slug of its label or aliases ("Kiev" -> Kyiv)."""
    slug = slugify(name)
    if slug.startswith("the-"):
        slug = slug[4:]
    return _place_index().get(slug) if slug else None


@lru_cache(maxsize=None)
def _cities() -> dict[str, str]:
    return {slugify(r["label"]): r["state"] for r in _rows("cities.tsv", ("label", "state", "population"))}


def city_state(name: str) -> str | None:
    """The state of a city places.tsv does not list, from cities.tsv (GeoNames: a city of
    100,000 people or more whose name no bigger city elsewhere shares); None if unknown.
    Only for a place the text names: it makes no word a place."""
    return _cities().get(slugify(name))


@lru_cache(maxsize=None)
def _capitals() -> dict[str, Place]:
    return {p.state: p for p in _places() if p.kind == "capital" and p.state}


def capital_of(state: str, year: int | None = None) -> Place | None:
    """The capital of a state (by its canonical label), if places.tsv lists it; with ``year``,
    the one of that year (former_capitals.tsv: Lagos for Nigeria before 1991)."""
    if year is not None:
        for r in _former_capitals():
            if r[0] == state and (r[2] is None or r[2] <= year) and year < r[3]:
                return lookup_place(r[1])
    return _capitals().get(state)


def predecessor_of(state: str, year: int, month: int | None = None, day: int | None = None) -> str | None:
    """The union a state (by its canonical label) was part of at that date (predecessors.tsv: the
    Soviet Union for Uzbekistan in 1966), or None; None too when the date's precision cannot tell
    (1991 alone, for a republic that left the Soviet Union in September 1991).

    >>> predecessor_of("Uzbekistan", 1966), predecessor_of("Uzbekistan", 1992), predecessor_of("Latvia", 1991, 8)
    ('Soviet Union', None, 'Soviet Union')
    """
    for st, pred, start, until in _predecessors():
        if st != state or year < start:
            continue
        last = (until.year, until.month, until.day)
        told = (year, month, day)
        for k in range(3):
            if told[k] is None:
                # the same year (or month) as the end: inside only when the span runs to its end
                whole = until + datetime.timedelta(days=1)
                return pred if (whole.year != until.year if k == 1 else whole.month != until.month) else None
            if told[k] != last[k]:
                return pred if told[k] < last[k] else None
        return pred
    return None


@lru_cache(maxsize=1)
def _predecessors() -> tuple[tuple[str, str, int, datetime.date], ...]:
    return tuple((r["state"], r["predecessor"], int(r["from"]), datetime.date.fromisoformat(r["until"]))
                 for r in _rows("predecessors.tsv", ("state", "predecessor", "from", "until")))


@lru_cache(maxsize=1)
def _former_capitals() -> tuple[tuple[str, str, int | None, int], ...]:
    return tuple((r["state"], r["capital"], _year(r["from"]), int(r["until"]))
                 for r in _rows("former_capitals.tsv", ("state", "capital", "from", "until")))


@lru_cache(maxsize=None)
def _person_index() -> dict[str, Person]:
    idx: dict[str, Person] = {}
    for p in _people():
        for n in p.names:
            idx.setdefault(slugify(n), p)
    return idx


def lookup_person(name: str) -> Person | None:
    """The person a name refers to, by the slug of the label or an alias.

    "Kim Jong-un", "Kim Jong Un" and "KIM JONG-UN" all give Kim Jong Un. Single surnames listed as
    aliases ("Putin") resolve too; whether a bare surname in a text means that person is for the
    caller to decide.
    """
    slug = slugify(name)
    if not slug:
        return None
    found = _person_index().get(slug) or _squashed_person_index().get(slug.replace("-", ""))
    words = name.split()
    if found is None and len(words) == 3 and words[-1][:1].isupper() and words[-1].lower().rstrip(".") not in _SUFFIXES \
            and not words[1].rstrip(".").isupper():
        # "Oscar Arias Sanchez", "Daniel Ortega Saavedra": a given name and both surnames, of
        # someone the reference data names with the first surname alone
        short = _person_index().get(slugify(" ".join(words[:2])))
        if short is not None and slugify(short.label) == slugify(" ".join(words[:2])):
            found = short
    if found is None and len(words) >= 2:
        # "Yousuf Raza Gilani" for "Yousaf Raza Gilani", "Mohammed" for "Muhammad": a spelling of
        # the given names that differs in vowels only, with the surname's letters the same
        found = _skeleton_person_index().get(_skeleton(slug) or "")
    return found


def _skeleton(slug: str) -> str | None:
    """A slug's given names without vowels (first letters kept) and its surname as it is, doubled
    letters written once: "yousuf-raza-gilani" and "yusuf-raza-gillani" -> "ysf-rz-gilani"."""
    words = [re.sub(r"(.)\1+", r"\1", w) for w in slug.split("-") if w]
    given = [w[:1] + re.sub(r"[aeiouyhw]", "", w[1:]) for w in words[:-1]]
    if sum(len(w) for w in given) < 3:
        return None   # too little left to tell names apart ("Ian", "Ion")
    return "-".join(given + words[-1:])


@lru_cache(maxsize=None)
def _skeleton_person_index() -> dict[str, Person]:
    """Names of two words or more by :func:`_skeleton`; a skeleton two people share is left out."""
    idx: dict[str, Person] = {}
    clash: set[str] = set()
    for p in _people():
        for n in p.names:
            if len(n.split()) < 2:
                continue
            k = _skeleton(slugify(n))
            if k is None:
                continue
            if k in idx and idx[k] is not p:
                clash.add(k)
            idx.setdefault(k, p)
    return {k: v for k, v in idx.items() if k not in clash}


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


@lru_cache(maxsize=None)
def _squashed_person_index() -> dict[str, Person]:
    """Names with hyphens and spaces dropped ("Abdel-Aziz Bouteflika" = "Abdelaziz Bouteflika");
    a squashed form two people share is left out."""
    idx: dict[str, Person] = {}
    clash: set[str] = set()
    for p in _people():
        for n in p.names:
            k = slugify(n).replace("-", "")
            if k in idx and idx[k] is not p:
                clash.add(k)
            idx.setdefault(k, p)
    return {k: v for k, v in idx.items() if k not in clash}


# ------------------------------------------------------------------------------------------ offices, treaties

#: The titles roles.tsv may use. Heads of state and government, party leaders of one-party states,
#: foreign ministers (the United States' "Secretary of State", the United Kingdom's "Foreign
#: Secretary"). A title is the English one news uses for that office.
TITLES = frozenset({
    "President", "Prime Minister", "Chancellor", "Premier", "King", "Queen", "Emperor", "Emir",
    "Shah", "Sultan", "Supreme Leader", "General Secretary", "First Secretary", "Chairman",
    "Chairman of the Presidium", "Head of State", "Chief Adviser", "Foreign Minister",
    "Secretary of State", "Foreign Secretary", "Pope",
})
_SIGNED = re.compile(r"^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$")


@dataclass(frozen=True)
class Role:
    """A row of roles.tsv: one term of an office. ``end`` None: still in office (late 2025).

    Years are inclusive: a term from 2019 to 2022 covers 2019, 2020, 2021 and 2022, so in the
    year of a handover both the outgoing and the incoming holder are covered.
    """

    person: str
    state: str
    title: str
    start: int
    end: int | None

    def covers(self, year: int) -> bool:
        """Whether the term includes (some of) this year."""
        return self.start <= year and (self.end is None or year <= self.end)

    @property
    def current(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class TreatyRef(_Named):
    """A row of treaties.tsv.

    ``parties``: the states that signed it (state labels; for alliances and organisations the
    founding signatories), empty for open multilateral treaties and those with too many parties to
    list. ``signed``: ``YYYY`` or ``YYYY-MM-DD``. ``replaces``: the label of the treaty it
    superseded, only where it did (amending is not replacing).
    """

    _kind: ClassVar[str] = "treaty"
    label: str
    aliases: tuple[str, ...]
    parties: tuple[str, ...]
    signed: str | None
    place: str | None
    replaces: str | None

    @property
    def year(self) -> int | None:
        return int(self.signed[:4]) if self.signed else None


def _numbered_rows(filename: str, header: tuple[str, ...]) -> Iterable[tuple[int, dict[str, str]]]:
    """Like :func:`_rows` but with the line number of each row in the file (comments counted)."""
    text = resources.files(_DATA_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    seen_header = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not seen_header:
            if tuple(cells) != header:
                raise ValueError(f"{filename}: line {n}: header {tuple(cells)!r}, expected {header!r}")
            seen_header = True
            continue
        if len(cells) != len(header):
            raise ValueError(f"{filename}: line {n} has {len(cells)} cells, expected {len(header)}: {cells!r}")
        yield n, dict(zip(header, (c.strip() for c in cells)))
    if not seen_header:
        raise ValueError(f"{filename}: no header")


def _int_year(cell: str, where: str, required: bool) -> int | None:
    if not cell:
        if required:
            raise ValueError(f"{where}: a year is required")
        return None
    if not re.fullmatch(r"[0-9]{4}", cell):
        raise ValueError(f"{where}: not a year: {cell!r}")
    return int(cell)


@lru_cache(maxsize=None)
def _roles() -> tuple[Role, ...]:
    state_labels = {s.label for s in _states()}
    person_labels = {p.label for p in _people()}
    out = []
    seen: set[Role] = set()   # a set: a list's `in` made loading quadratic (~1 s per process)
    for n, r in _numbered_rows("roles.tsv", ("person", "state", "title", "from", "to")):
        where = f"roles.tsv: line {n}"
        if r["person"] not in person_labels:
            raise ValueError(f"{where}: person not in people.tsv: {r['person']!r}")
        if r["state"] not in state_labels:
            raise ValueError(f"{where}: state not in states.tsv: {r['state']!r}")
        if r["title"] not in TITLES:
            raise ValueError(f"{where}: unknown title {r['title']!r} (kg.reference.TITLES)")
        start = _int_year(r["from"], where, required=True)
        end = _int_year(r["to"], where, required=False)
        assert start is not None
        if end is not None and end < start:
            raise ValueError(f"{where}: from {start} after to {end}")
        role = Role(person=r["person"], state=r["state"], title=r["title"], start=start, end=end)
        if role in seen:
            raise ValueError(f"{where}: duplicate row {role!r}")
        seen.add(role)
        out.append(role)
    return tuple(out)


@lru_cache(maxsize=None)
def _treaties() -> tuple[TreatyRef, ...]:
    state_labels = {s.label for s in _states()}
    out: list[TreatyRef] = []
    where_of: dict[str, str] = {}
    slugs: dict[str, str] = {}
    for n, r in _numbered_rows("treaties.tsv", ("label", "aliases", "parties", "signed", "place", "replaces")):
        where = f"treaties.tsv: line {n}"
        t = TreatyRef(label=r["label"], aliases=_multi(r["aliases"]), parties=_multi(r["parties"]),
                      signed=_opt(r["signed"]), place=_opt(r["place"]), replaces=_opt(r["replaces"]))
        if not t.label:
            raise ValueError(f"{where}: empty label")
        bad = [p for p in t.parties if p not in state_labels]
        if bad:
            raise ValueError(f"{where}: parties not in states.tsv: {bad!r}")
        if len(set(t.parties)) != len(t.parties):
            raise ValueError(f"{where}: a party is listed twice")
        if t.signed is not None:
            if not _SIGNED.match(t.signed):
                raise ValueError(f"{where}: signed must be YYYY or YYYY-MM-DD: {t.signed!r}")
            if len(t.signed) == 10:
                try:
                    datetime.date.fromisoformat(t.signed)
                except ValueError:
                    raise ValueError(f"{where}: not a date: {t.signed!r}") from None
        for name in t.names:
            slug = _treaty_slug(name)
            if not slug:
                raise ValueError(f"{where}: empty name")
            if slugs.get(slug, t.label) != t.label:
                raise ValueError(f"{where}: name {name!r} already names {slugs[slug]!r}")
            slugs[slug] = t.label
        where_of[t.label] = where
        out.append(t)
    labels = {t.label for t in out}
    for t in out:
        if t.replaces is not None:
            if t.replaces not in labels:
                raise ValueError(f"{where_of[t.label]}: replaces unknown treaty {t.replaces!r}")
            if t.replaces == t.label:
                raise ValueError(f"{where_of[t.label]}: a treaty cannot replace itself")
    return tuple(out)


def roles() -> list[Role]:
    """Every term of office of roles.tsv, validated against states.tsv and people.tsv."""
    return list(_roles())


def treaties() -> list[TreatyRef]:
    """Every treaty of treaties.tsv, validated (parties are states.tsv labels, replaces a label)."""
    return list(_treaties())


@lru_cache(maxsize=None)
def _roles_by_person() -> dict[str, tuple[Role, ...]]:
    out: dict[str, list[Role]] = {}
    for r in _roles():
        out.setdefault(r.person, []).append(r)
    return {k: tuple(sorted(v, key=lambda r: (r.start, r.end or 9999, r.title))) for k, v in out.items()}


def roles_of(person: str) -> list[Role]:
    """The terms of office of a person, oldest first.

    ``person`` is the label of people.tsv, or any name :func:`lookup_person` resolves ("Lula").
    """
    found = _roles_by_person().get(person)
    if found is None:
        p = lookup_person(person)
        found = _roles_by_person().get(p.label, ()) if p else ()
    return list(found)


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def holders(title: str | None = None, state: str | None = None, year: int | None = None) -> list[Role]:
    """The terms of office matching a title, a state and a year, oldest first.

    ``title`` is compared case-insensitively ("president"); ``state`` is a states.tsv label or
    any name :func:`lookup_state` resolves ("the U.S."; an unknown state gives ``[]``); ``year``
    keeps the terms that cover it (both holders in a year of handover). None matches anything.

    >>> [r.person for r in holders(title="President", state="Brazil", year=2023)]
    ['Luiz Inácio Lula da Silva']
    """
    state_label = None
    if state is not None:
        if state in {s.label for s in _states()}:
            state_label = state
        else:
            s = lookup_state(state)
            if s is None:
                return []
            state_label = s.label
    want = _title_key(title) if title is not None else None
    out = [r for r in _roles()
           if (want is None or _title_key(r.title) == want)
           and (state_label is None or r.state == state_label)
           and (year is None or r.covers(year))]
    return sorted(out, key=lambda r: (r.start, r.end or 9999, r.state, r.title, r.person))


_ARTICLE = re.compile(r"^the-")


def _treaty_slug(name: str) -> str:
    """Slug of a treaty name, a leading "the" dropped: "The INF Treaty" -> "inf-treaty"."""
    return _ARTICLE.sub("", slugify(name.replace("\u2019", "'").replace("'", "")))


@lru_cache(maxsize=None)
def _treaty_index() -> dict[str, TreatyRef]:
    return {_treaty_slug(n): t for t in _treaties() for n in t.names}


def lookup_treaty(name: str) -> TreatyRef | None:
    """The treaty a name refers to, by the slug of its label or an alias.

    Case, punctuation, accents and a leading "the" do not matter: "the INF treaty", "INF Treaty"
    and "inf-treaty" all give the Intermediate-Range Nuclear Forces Treaty.
    """
    slug = _treaty_slug(name)
    return _treaty_index().get(slug) if slug else None


# ------------------------------------------------------------------------------------------ graph


@lru_cache(maxsize=1)
def _reference_triples() -> tuple[tuple[Any, Any, Any], ...]:
    g = Graph()
    for s in _states():
        iri = s.iri
        g.add((iri, RDF.type, KG.State))
        g.add((iri, RDFS.label, Literal(s.label, lang="en")))
        for a in s.aliases:
            g.add((iri, SKOS.altLabel, Literal(a, lang="en")))
        for d in s.demonyms:
            g.add((iri, KG.demonym, Literal(d, lang="en")))
        for code in (s.iso2, s.iso3):
            if code:
                g.add((iri, KG.isoCode, Literal(code, datatype=XSD.string)))
        if s.wikidata:
            g.add((iri, OWL.sameAs, WD[s.wikidata]))
    by_label = {s.label: s for s in _states()}
    for p in _places():
        iri = p.iri
        g.add((iri, RDF.type, KG.Place))
        g.add((iri, RDFS.label, Literal(p.label, lang="en")))
        for a in p.aliases:
            g.add((iri, SKOS.altLabel, Literal(a, lang="en")))
        if p.state:
            g.add((iri, KG.locatedIn, by_label[p.state].iri))
        if p.wikidata:
            g.add((iri, OWL.sameAs, WD[p.wikidata]))
    for person in _people():
        iri = person.iri
        g.add((iri, RDF.type, KG.Person))
        g.add((iri, RDFS.label, Literal(person.label, lang="en")))
        for a in person.aliases:
            if " " in a:  # full-name variants only; bare surnames are lookup keys, not labels
                g.add((iri, SKOS.altLabel, Literal(a, lang="en")))
        if person.wikidata:
            g.add((iri, OWL.sameAs, WD[person.wikidata]))
    return tuple(g)


def reference_graph() -> Graph:
    """A fresh rdflib Graph of the reference data (states, places, people).

    States: ``kg:State``, ``rdfs:label``@en, ``skos:altLabel``@en, ``kg:demonym``@en,
    ``kg:isoCode``, ``owl:sameAs wd:Q…``. Places: ``kg:Place`` with ``kg:locatedIn`` the state.
    People: ``kg:Person`` with labels and ``owl:sameAs`` only (no office facts).
    """
    g = Graph()
    g.bind("kg", KG._NS)
    g.bind("wd", WD)
    g.bind("skos", SKOS)
    g.bind("owl", OWL)
    for t in _reference_triples():
        g.add(t)
    return g


# ------------------------------------------------------------------------------------------ gazetteer

_PLACE_LABEL = {"capital": "GPE", "city": "GPE", "region": "GPE", "area": "LOC", "facility": "FAC"}


def _pattern(text: str) -> str | list[dict[str, str]]:
    """A phrase pattern, or a token pattern when punctuation decides the tokens.

    Dotted abbreviations ("U.S.", "N. Korea") are given as token lists so that they match the
    tokens spaCy's English tokenizer produces for them in running text.
    """
    if "." in text and "-" not in text and "'" not in text:
        return [{"ORTH": tok} for tok in text.split()]
    return text


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str, key: str) -> None:
        # with the accents and without: news written in ASCII has "Male", "Bogota", "Lome"
        for t in dict.fromkeys((text, fold_accents(text))):
            if (t, key) not in seen:
                seen.add((t, key))
                out.append((label, t, key))

    for s in _states():
        for n in s.names:
            add("GPE", n, s.key)
        for d in s.demonyms:
            add("NORP", d, s.key)
            for p in _plurals(d):
                if p not in _state_names():
                    add("NORP", p, s.key)
    for p in _places():
        for n in p.names:
            add(_PLACE_LABEL.get(p.kind, "LOC"), n, p.key)
    for person in _people():
        for n in person.names:
            if " " in n:  # bare surnames ("Moon", "Abe", "Xi") would tag ordinary words
                add("PERSON", n, person.key)
    return tuple(out)


def gazetteer() -> list[dict[str, Any]]:
    """spaCy EntityRuler patterns for every name in the reference data.

    ``{"label": "GPE", "pattern": "North Korea", "id": "state/north-korea"}`` for state labels and
    aliases, ``NORP`` for demonyms (and their plurals, "North Koreans"), ``GPE``/``LOC``/``FAC`` for
    places by kind (``place/<slug>``), ``PERSON`` for full names of people (``person/<slug>``).
    The ``id`` becomes ``ent.ent_id_`` in spaCy.
    """
    return [{"label": lab, "pattern": _pattern(text), "id": key} for lab, text, key in _gazetteer()]
