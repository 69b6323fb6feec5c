"""The kinds of things kg stores, in one place.

Each kind names its ontology class, the path segment of its IRIs
(``https://w3id.org/kg/id/<segment>/<slug>``), how people call it, its colour on the web page
and plots, whether it is an event (dated, shown on a timeline), and the properties that link it
to other entities and give its dates. kg/rdf.py (types, date literals), kg/web (legend, colours,
timeline, graph edges), ``KnowledgeGraph.stats`` and the tests read this table; the ontology
(ontology/kg.ttl) and the shapes (shapes/kg.ttl) are checked against it by tests/test_kinds.py.

A new kind of entity is a row here, its class and properties in the ontology, its shapes, and
the extraction stage that finds it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str                       # ontology class (kg:<name>) and Entity.kind
    segment: str | None             # IRI path segment of its entities; None: not minted by extraction
    label: str                      # singular, for people
    colour: str                     # web page and plots
    event: bool = False             # dated; shown on the timeline
    links: tuple[str, ...] = ()     # object properties from this kind to entities (kg:<name>)
    dates: tuple[str, ...] = ()     # date properties (xsd:date, gYearMonth or gYear literals)


KINDS: tuple[Kind, ...] = (
    Kind("State", "state", "state", "#1f77b4"),
    Kind("Person", "person", "person", "#ff7f0e", links=("leaderOf", "officialOf")),
    Kind("Treaty", "treaty", "treaty", "#2ca02c", event=True,
         links=("party", "signatory", "signedAt", "replaces"), dates=("signedOn",)),
    Kind("Summit", "summit", "summit", "#d62728", event=True,
         links=("participant", "location"), dates=("startDate", "endDate")),
    Kind("Visit", "visit", "visit", "#9467bd", event=True,
         links=("visitor", "destination"), dates=("startDate", "endDate")),
    Kind("Place", "place", "place", "#8c564b", links=("locatedIn",)),
    Kind("Article", None, "article", "#7f7f7f"),
)
#: Colour of anything that is none of the kinds.
OTHER_COLOUR = "#bcbd22"

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)
EVENTS: tuple[str, ...] = tuple(k.name for k in KINDS if k.event)
COLOURS: dict[str, str] = {**{k.name: k.colour for k in KINDS}, "Other": OTHER_COLOUR}
#: Object properties between entities, in table order (the web page draws them as edges).
LINKS: tuple[str, ...] = tuple(p for k in KINDS for p in k.links)
#: Properties whose values are partial dates.
DATE_PROPERTIES: frozenset[str] = frozenset(p for k in KINDS for p in k.dates)
