"""Plain data passed between the stages of kg: partial dates, entities, facts.

Frozen dataclasses only; no RDF here (kg/rdf.py turns these into quads) and no
I/O.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal as _Lit

Section = _Lit["body", "headline", "caption", "reference"]
EntityKind = _Lit["State", "Person", "Treaty", "Summit", "Visit", "Place"]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day.

    >>> PartialDate(2000, 7).isoformat()
    '2000-07'
    >>> PartialDate(2024, 6, 19).xsd_type
    'date'
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            _dt.date(self.year, self.month or 1, self.day)  # raises ValueError if invalid

    @property
    def xsd_type(self) -> str:
        """``date``, ``gYearMonth`` or ``gYear``: the XSD datatype local name."""
        if self.day is not None:
            return "date"
        if self.month is not None:
            return "gYearMonth"
        return "gYear"

    def isoformat(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError otherwise."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
        nums = [int(p) for p in parts]
        return cls(*nums)  # type: ignore[arg-type]

    @classmethod
    def from_date(cls, d: _dt.date) -> "PartialDate":
        return cls(d.year, d.month, d.day)

    def to_date(self) -> _dt.date | None:
        """The calendar date when the day is known, else None."""
        if self.day is None:
            return None
        return _dt.date(self.year, self.month or 1, self.day)

    def __str__(self) -> str:
        return self.isoformat()


@dataclass(frozen=True)
class Entity:
    """A thing the article talks about, identified by ``key`` (stable across articles).

    ``key`` is ``<kind>/<slug>``, e.g. ``person/kim-jong-un`` or ``state/north-korea``;
    kg/rdf.py turns it into an IRI. ``wikidata`` is a Q-id such as ``Q423``.
    """

    key: str
    kind: EntityKind
    label: str
    alt_labels: frozenset[str] = frozenset()
    wikidata: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, and which part of the page it is in."""

    sentence: str
    section: Section = "body"
    start: int | None = None  # character offset of the sentence in the cleaned text


#: Object of a fact: an entity key (``Ref``), a partial date, or a plain string.
@dataclass(frozen=True)
class Ref:
    key: str


FactObject = Ref | PartialDate | str


@dataclass(frozen=True)
class Fact:
    """One statement: ``subject`` (an entity key) ``predicate`` (a kg: local name) ``obj``.

    ``status`` is None for things reported as having happened, or ``planned`` /
    ``expected`` for forecasts; those are not asserted with the contract's
    properties (see kg/rdf.py).
    """

    subject: str
    predicate: str
    obj: FactObject
    evidence: Evidence
    status: str | None = None


@dataclass(frozen=True)
class RoleAttestation:
    """One sentence saying that ``person`` holds (or held) an office of ``state``.

    kg/rdf.py writes it as a qualified role (``kg:Role``, one node per person, state and
    title, shared by the articles that attest it) and an attestation node in the article's
    graph (``kg:RoleAttestation``: the sentence, and the dates below). ``held`` is ``"on"``
    when the sentence speaks of the office as held at the article's date, ``"before"`` when
    it was held before it and not any more ("former", "then-", "served ... from 1998 to
    2004"). ``start``/``end``: an explicit start or end the sentence gives ("took office in
    May 2018"). ``cue``: the words that told (``former``, ``then``, ``outgoing``, ``newly
    elected``, ``took office``, ``served``, ...), or None.
    """

    person: str
    state: str
    title: str | None
    leader: bool
    evidence: Evidence
    held: str = "on"
    start: PartialDate | None = None
    end: PartialDate | None = None
    cue: str | None = None


@dataclass(frozen=True)
class ArticleDate:
    """The article's publication date and how it was found."""

    date: PartialDate | None
    source: str  # "given" (--date), "text:posted-line", "text:dateline", "html:meta", "none", ...


@dataclass
class Extraction:
    """Everything read from one article."""

    text: str
    title: str | None
    date: ArticleDate
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "no article date: 3 relative dates left unresolved"
    roles: list[RoleAttestation] = field(default_factory=list)   # qualified roles (kg/extract/tenure.py)
