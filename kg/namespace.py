"""Namespaces, prefixes and IRI conventions of kg.

Every IRI the project mints is built from the bases below, so that a test can
diff :class:`KG` against ``ontology/kg.ttl`` and nothing else invents names.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/kg/"


class KG(DefinedNamespace):
    """The kg ontology (ontology/kg.ttl). A misspelt term raises AttributeError."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes of the contract
    State: object
    Person: object
    Treaty: object
    Summit: object
    Visit: object
    Place: object
    Article: object
    # classes kg adds
    Event: object
    PlannedEvent: object
    QuarantinedFact: object
    Status: object
    Role: object
    LeaderRole: object
    RoleAttestation: object

    # object properties of the contract
    party: object
    signatory: object
    signedAt: object
    replaces: object
    replacedBy: object
    supersedes: object
    participant: object
    location: object
    visitor: object
    destination: object
    locatedIn: object
    leaderOf: object
    officialOf: object
    # datatype properties of the contract
    signedOn: object
    startDate: object
    endDate: object
    title: object
    # qualified roles (offices in time)
    holder: object
    roleOf: object
    roleTitle: object
    role: object
    attestedOn: object
    heldBefore: object
    startTime: object
    endTime: object
    tenureCue: object

    # provenance and bookkeeping
    sentence: object
    section: object
    contentHash: object
    dateSource: object
    extractedWith: object
    asExtracted: object
    status: object
    plannedType: object
    involves: object
    reason: object
    quarantinedFrom: object
    demonym: object
    isoCode: object
    confidence: object

    # status individuals
    planned: object
    expected: object


WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("http://schema.org/")

#: Prefixes predeclared in every query (the contract's list).
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "wd": str(WD),
}

#: Entities: BASE + "id/<kind>/<slug>"
ID = Namespace(BASE + "id/")
#: Articles (each names the graph holding its facts): BASE + "article/<hash>"
ARTICLE = Namespace(BASE + "article/")
#: Per-article quarantine graphs: BASE + "quarantine/<hash>"
QUARANTINE = Namespace(BASE + "quarantine/")
#: Fixed graphs.
GRAPH = Namespace(BASE + "graph/")
ONTOLOGY_GRAPH = GRAPH["ontology"]
REFERENCE_GRAPH = GRAPH["reference"]
INFERRED_GRAPH = GRAPH["inferred"]

__all__ = [
    "BASE", "KG", "WD", "SCHEMA", "PREFIXES", "ID", "ARTICLE", "QUARANTINE", "GRAPH",
    "ONTOLOGY_GRAPH", "REFERENCE_GRAPH", "INFERRED_GRAPH",
    "RDF", "RDFS", "OWL", "XSD", "SKOS", "PROV", "DCTERMS",
]
