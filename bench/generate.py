"""Deterministic synthetic geopolitical graphs in kg's vocabulary, written as N-Quads.

Each synthetic "article" is its own named graph, shaped like what kg/rdf.py builds
from a real article: the article node (``kg:Article``, label, dcterms:title/date/
source, ``kg:dateSource``, ``kg:contentHash``), every entity it mentions with its
``rdf:type`` and ``rdfs:label`` (states with their ``owl:sameAs wd:`` link; a place
with its ``kg:locatedIn``), the facts, and for each fact an ``rdf:Statement``
provenance node (subject, predicate, object, ``prov:wasDerivedFrom``,
``kg:sentence``, ``kg:section``).

The world: the real states of kg/data/states.tsv (their reference IRIs and labels);
invented places (each in a state), persons (``kg:leaderOf`` or ``kg:officialOf`` a
state, with a ``kg:title``), treaties with 2-5 parties, signatories and dates, in
families linked by ``kg:replaces`` chains of 1-6 links (dates increase along a
chain, so the data conforms to the shapes), summits with 2-4 participants, start
and end dates and a location. Sizes are by quad count; the same ``seed`` and size
always give the same bytes.

The first article of every file is the *probe*: the same graph in every size (a
treaty with five parties, two signatories and a replacement link), used to time
validating one article inside stores of different sizes.

    python -m bench.generate 100k -o /tmp/kg-100k.nq
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from kg.prefixes import BASE, DCTERMS, KG, OWL, PROV, RDF, RDFS, WD, XSD

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}

_ID = BASE + "id/"
_ARTICLE = BASE + "article/"
_TYPE = RDF + "type"
_LABEL = RDFS + "label"

_SYLLABLES = ("ka", "lo", "mi", "ra", "ven", "dor", "sil", "tan", "bre", "qui", "zel", "mar",
              "nov", "ost", "pel", "gra", "hum", "ist", "jor", "lek", "nar", "oru", "pav", "rim",
              "sor", "tev", "ul", "vas", "wen", "yar")
_FIRST = ("Anna", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivan", "Jana",
          "Karim", "Lena", "Marek", "Nadia", "Omar", "Petra", "Quentin", "Rosa", "Samir", "Tara",
          "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zofia")
_LEADER_TITLES = ("President", "Prime Minister", "Chancellor")
_OFFICIAL_TITLES = ("Foreign Minister", "Defence Minister", "Trade Minister", "Ambassador",
                    "Finance Minister", "Deputy Foreign Minister")
_TREATY_KINDS = ("Treaty of Friendship", "Convention on Fisheries", "Accord on Trade",
                 "Agreement on Border Cooperation", "Pact of Mutual Defence",
                 "Protocol on Energy", "Charter of Partnership", "Treaty on Navigation")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def _lit(text: str, lang: str | None = "en", datatype: str | None = None) -> str:
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if datatype:
        return f'"{esc}"^^<{datatype}>'
    return f'"{esc}"@{lang}' if lang else f'"{esc}"'


def _date(y: int, m: int, d: int, precision: int) -> tuple[str, str]:
    """(N-Quads literal, lexical form) of a partial date: 10 = day, 7 = month, 4 = year."""
    if precision == 10:
        lex = f"{y:04d}-{m:02d}-{d:02d}"
        return _lit(lex, datatype=XSD + "date"), lex
    if precision == 7:
        lex = f"{y:04d}-{m:02d}"
        return _lit(lex, datatype=XSD + "gYearMonth"), lex
    lex = f"{y:04d}"
    return _lit(lex, datatype=XSD + "gYear"), lex


def _said(y: int, m: int, d: int, precision: int) -> str:
    if precision == 10:
        return f"{d} {_MONTHS[m - 1]} {y}"
    if precision == 7:
        return f"{_MONTHS[m - 1]} {y}"
    return str(y)


@dataclass
class Entity:
    iri: str
    kind: str                     # State, Person, Place, Treaty, Summit
    label: str
    extra: list[tuple[str, str]] = field(default_factory=list)   # (predicate, object) typing facts


@dataclass
class Person(Entity):
    state: Entity | None = None
    leader: bool = False
    title: str = ""


@dataclass
class Place(Entity):
    state: Entity | None = None


@dataclass
class Treaty(Entity):
    parties: list[Entity] = field(default_factory=list)
    signatories: list[Person] = field(default_factory=list)
    date: tuple[int, int, int, int] = (2000, 1, 1, 10)
    place: Place | None = None
    replaces: "Treaty | None" = None


class _Article:
    """One article's graph: a set of quads (duplicates dropped, order kept)."""

    def __init__(self, key: str):
        self.iri = _ARTICLE + key
        self.g = f"<{self.iri}>"
        self.lines: dict[str, None] = {}
        self.entities: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.lines[f"<{s}> <{p}> {o} {self.g} .\n"] = None

    def mention(self, e: Entity) -> None:
        if e.iri in self.entities:
            return
        self.entities.add(e.iri)
        self.add(e.iri, _TYPE, f"<{KG}{e.kind}>")
        self.add(e.iri, _LABEL, _lit(e.label))
        for p, o in e.extra:
            self.add(e.iri, p, o)
        if isinstance(e, Place) and e.state is not None:
            self.mention(e.state)
            self.add(e.iri, KG + "locatedIn", f"<{e.state.iri}>")  # from reference data: no evidence

    def fact(self, s: Entity, pred: str, o: Entity | str, sentence: str, section: str = "body") -> None:
        self.mention(s)
        if isinstance(o, Entity):
            self.mention(o)
            obj = f"<{o.iri}>"
        else:
            obj = o
        p = KG + pred
        self.add(s.iri, p, obj)
        digest = hashlib.sha256(f"{s.iri} {p} {obj} {sentence}".encode()).hexdigest()[:16]
        st = f"{self.iri}#f-{digest}"
        self.add(st, _TYPE, f"<{RDF}Statement>")
        self.add(st, RDF + "subject", f"<{s.iri}>")
        self.add(st, RDF + "predicate", f"<{p}>")
        self.add(st, RDF + "object", obj)
        self.add(st, PROV + "wasDerivedFrom", f"<{self.iri}>")
        self.add(st, KG + "sentence", _lit(sentence, lang=None))
        self.add(st, KG + "section", _lit(section, lang=None))

    def header(self, title: str, date: tuple[int, int, int], url: str) -> None:
        lit, _ = _date(*date, 10)
        self.add(self.iri, _TYPE, f"<{KG}Article>")
        self.add(self.iri, _LABEL, _lit(title))
        self.add(self.iri, DCTERMS + "title", _lit(title, lang=None))
        self.add(self.iri, DCTERMS + "date", lit)
        self.add(self.iri, KG + "dateSource", _lit("text:dateline", lang=None))
        self.add(self.iri, DCTERMS + "source", f"<{url}>")
        self.add(self.iri, KG + "contentHash",
                 _lit(hashlib.sha256(url.encode()).hexdigest(), lang=None))


def _states() -> list[Entity]:
    from kg.reference import states

    out = []
    for s in states():
        if s.historical:
            continue
        extra = [(OWL + "sameAs", f"<{WD}{s.wikidata}>")] if s.wikidata else []
        out.append(Entity(str(s.iri), "State", s.label, extra))
    return out


class World:
    """Pools of entities sized for ``target`` quads, and the articles that state their facts."""

    def __init__(self, target: int, seed: int = 1):
        self.rnd = random.Random(f"kg-bench-{seed}-{target}")
        self.states = _states()
        scale = max(1, target // 1000)
        self.names: set[str] = set()
        self.places = [self._place() for _ in range(20 + 4 * scale)]
        self.persons = [self._person() for _ in range(40 + 8 * scale)]

    def _word(self, parts: int) -> str:
        return "".join(self.rnd.choice(_SYLLABLES) for _ in range(parts)).capitalize()

    def _unique(self, make) -> str:  # type: ignore[no-untyped-def]
        while True:
            name = make()
            if name not in self.names:
                self.names.add(name)
                return name

    def _place(self) -> Place:
        label = self._unique(lambda: self._word(self.rnd.randint(2, 3)))
        state = self.rnd.choice(self.states)
        return Place(_ID + "place/" + label.lower(), "Place", label, state=state)

    def _person(self) -> Person:
        label = self._unique(lambda: f"{self.rnd.choice(_FIRST)} {self._word(self.rnd.randint(2, 3))}")
        state = self.rnd.choice(self.states)
        leader = self.rnd.random() < 0.3
        title = self.rnd.choice(_LEADER_TITLES if leader else _OFFICIAL_TITLES)
        slug = label.lower().replace(" ", "-")
        return Person(_ID + "person/" + slug, "Person", label, state=state, leader=leader, title=title)


def _office(a: _Article, p: Person) -> None:
    assert p.state is not None
    sentence = f"{p.title} {p.label} of {p.state.label} said on Monday."
    a.fact(p, "leaderOf" if p.leader else "officialOf", p.state, sentence)
    a.fact(p, "title", _lit(p.title, lang=None), sentence)


def _treaty_article(a: _Article, w: World, t: Treaty) -> None:
    y, m, d, prec = t.date
    said = _said(y, m, d, prec)
    names = ", ".join(p.label for p in t.parties)
    sentence = f"{names} signed the {t.label} on {said}."
    lit, _ = _date(y, m, d, prec)
    for party in t.parties:
        a.fact(t, "party", party, sentence)
    a.fact(t, "signedOn", lit, sentence)
    for s in t.signatories:
        a.fact(t, "signatory", s, f"{s.title} {s.label} signed the {t.label}.")
        _office(a, s)
    if t.place is not None:
        a.fact(t, "signedAt", t.place, f"The {t.label} was signed in {t.place.label}.")
    if t.replaces is not None:
        a.fact(t, "replaces", t.replaces, f"The {t.label} replaces the {t.replaces.label}.")


def _summit_article(a: _Article, w: World, year: int, sid: int) -> tuple[Entity, list[Person]]:
    rnd = w.rnd
    people = rnd.sample(w.persons, rnd.randint(2, 4))
    place = rnd.choice(w.places)
    m, d = rnd.randint(1, 12), rnd.randint(1, 25)
    label = f"{' and '.join(p.label for p in people)} summit, {year}"
    slugs = "-".join(sorted(p.iri.rsplit("/", 1)[-1] for p in people))
    s = Entity(f"{_ID}summit/{slugs}-{year}-{sid}", "Summit", label)
    sentence = f"{', '.join(p.label for p in people)} met in {place.label} on {d} {_MONTHS[m - 1]} {year}."
    for p in people:
        a.fact(s, "participant", p, sentence)
        _office(a, p)
    a.fact(s, "startDate", _date(year, m, d, 10)[0], sentence)
    a.fact(s, "endDate", _date(year, m, d + rnd.randint(0, 3), 10)[0], sentence)
    a.fact(s, "location", place, sentence)
    return s, people


def _probe(states: list[Entity]) -> str:
    """The probe article: the same quads at every size."""
    by_label = {s.label: s for s in states}
    a = _Article("probe000000000000")
    a.header("Five states sign the Baltic Probe Accord", (2021, 6, 12), "https://bench.example/probe")
    parties = [by_label[n] for n in ("Estonia", "Latvia", "Lithuania", "Poland", "Finland")]
    old = Treaty(_ID + "treaty/baltic-probe-convention-1992", "Treaty", "Baltic Probe Convention")
    place = Place(_ID + "place/tallinn", "Place", "Tallinn", state=by_label["Estonia"])
    signers = [
        Person(_ID + "person/kadri-probe", "Person", "Kadri Probe", state=by_label["Estonia"],
               leader=True, title="Prime Minister"),
        Person(_ID + "person/janis-probe", "Person", "Janis Probe", state=by_label["Latvia"],
               leader=False, title="Foreign Minister"),
    ]
    t = Treaty(_ID + "treaty/baltic-probe-accord-2021", "Treaty", "Baltic Probe Accord",
               parties=parties, signatories=signers, date=(2021, 6, 11, 10), place=place, replaces=old)
    _treaty_article(a, None, t)  # type: ignore[arg-type]
    return "".join(a.lines)


@dataclass
class Manifest:
    """What the benchmark needs to know about a generated file."""

    size: str
    quads: int
    articles: int
    treaties: int
    summits: int
    persons: int
    probe_article: str
    probe_quads: int
    chain_head: str        # the newest treaty of a longest replaces chain
    chain_length: int
    person: str            # the person with the most summits
    person_label: str
    person_summits: int

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=1)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        return cls(**json.loads(text))


def generate(target: int, path: Path, *, size: str = "", seed: int = 1) -> Manifest:
    """Write about ``target`` quads of articles to ``path`` (N-Quads); returns the manifest."""
    w = World(target, seed)
    rnd = w.rnd
    quads = 0
    articles = 0
    n_treaties = n_summits = 0
    summits_of: dict[str, int] = {}
    chain_head, chain_len = "", 0
    pending: list[Treaty] = []     # treaties waiting for their article, oldest first per family
    family = 0
    with path.open("w", encoding="utf-8") as out:
        probe = _probe(w.states)
        out.write(probe)
        quads += probe.count("\n")
        articles += 1
        while quads < target:
            articles += 1
            key = hashlib.sha256(f"{target}-{seed}-{articles}".encode()).hexdigest()[:16]
            a = _Article(key)
            if rnd.random() < 0.5:
                if not pending:
                    family += 1
                    kind = rnd.choice(_TREATY_KINDS)
                    name = f"{kind} of {w._word(2)}"
                    length = rnd.randint(1, 6)           # replaces links in this family
                    year = rnd.randint(1900, 1960)
                    prev: Treaty | None = None
                    chain: list[Treaty] = []
                    for i in range(length + 1):
                        year += rnd.randint(1, 9)
                        label = f"{name} ({year})"
                        t = Treaty(f"{_ID}treaty/{family}-{year}-{i}", "Treaty", label,
                                   parties=rnd.sample(w.states, rnd.randint(2, 5)),
                                   signatories=rnd.sample(w.persons, rnd.randint(1, 2)),
                                   date=(year, rnd.randint(1, 12), rnd.randint(1, 28),
                                         rnd.choice((10, 10, 10, 7, 4))),
                                   place=rnd.choice(w.places), replaces=prev)
                        chain.append(t)
                        prev = t
                    if length > chain_len:
                        chain_head, chain_len = chain[-1].iri, length
                    pending.extend(chain)
                t = pending.pop(0)
                n_treaties += 1
                y = t.date[0] + rnd.randint(0, 2)
                a.header(f"{t.label} signed", (y, rnd.randint(1, 12), rnd.randint(1, 28)),
                         f"https://bench.example/{key}")
                _treaty_article(a, w, t)
            else:
                year = rnd.randint(1990, 2024)
                s, people = _summit_article(a, w, year, articles)
                n_summits += 1
                for p in people:
                    summits_of[p.iri] = summits_of.get(p.iri, 0) + 1
                a.header(f"{s.label}", (year, 12, 28), f"https://bench.example/{key}")
            for p in rnd.sample(w.persons, rnd.randint(0, 2)):
                _office(a, p)
            text = "".join(a.lines)
            out.write(text)
            quads += len(a.lines)
    person = max(sorted(summits_of), key=lambda k: summits_of[k])
    label = next(p.label for p in w.persons if p.iri == person)
    return Manifest(size=size, quads=quads, articles=articles, treaties=n_treaties,
                    summits=n_summits, persons=len(w.persons),
                    probe_article=_ARTICLE + "probe000000000000", probe_quads=probe.count("\n"),
                    chain_head=chain_head, chain_length=chain_len, person=person,
                    person_label=label, person_summits=summits_of[person])


def ensure(size: str, folder: Path, *, seed: int = 1) -> tuple[Path, Manifest]:
    """The N-Quads file of ``size`` in ``folder`` (generated when missing) and its manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"kg-{size}-s{seed}.nq"
    meta = folder / f"kg-{size}-s{seed}.json"
    if path.exists() and meta.exists():
        return path, Manifest.from_json(meta.read_text())
    tmp = path.with_suffix(".tmp")
    manifest = generate(SIZES[size], tmp, size=size, seed=seed)
    tmp.replace(path)
    meta.write_text(manifest.to_json())
    return path, manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size", choices=sorted(SIZES))
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    m = generate(SIZES[args.size], Path(args.output), size=args.size, seed=args.seed)
    print(m.to_json())


if __name__ == "__main__":
    main()
