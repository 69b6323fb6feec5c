"""kg's prefixes and IRI bases as plain strings, without importing rdflib.

:mod:`kg.namespace` holds the same IRIs as rdflib terms (``KG`` is a
``DefinedNamespace``); this module is for the code on the query path (the store,
named questions, the CLI), so that ``kg query`` does not pay for importing rdflib.
A test checks that the two agree.

>>> PREFIXES["kg"]
'https://w3id.org/kg/ontology#'
>>> REFERENCE_GRAPH
'https://w3id.org/kg/graph/reference'
"""

from __future__ import annotations

BASE = "https://w3id.org/kg/"

KG = BASE + "ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "http://schema.org/"
WD = "http://www.wikidata.org/entity/"

#: Prefixes predeclared in every query (the contract's list).
PREFIXES: dict[str, str] = {
    "kg": KG,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "wd": WD,
}

#: Entities: ID + "<kind>/<slug>"
ID = BASE + "id/"
#: Articles (each names the graph of its facts): ARTICLE + "<hash>"
ARTICLE = BASE + "article/"
#: Per-article quarantine graphs: QUARANTINE + "<hash>"
QUARANTINE = BASE + "quarantine/"
GRAPH = BASE + "graph/"
ONTOLOGY_GRAPH = GRAPH + "ontology"
REFERENCE_GRAPH = GRAPH + "reference"
INFERRED_GRAPH = GRAPH + "inferred"


def short_iri(iri: str) -> str:
    """An IRI as kg's tables show it: kg's entities and articles without the base, else as it is.

    >>> short_iri("https://w3id.org/kg/id/state/niger")
    'state/niger'
    >>> short_iri("https://w3id.org/kg/article/1f2e3d4c5b6a7988")
    'article/1f2e3d4c5b6a7988'
    """
    if iri.startswith(ID) and len(iri) > len(ID):
        return iri[len(ID):]
    for base in (ARTICLE, QUARANTINE, GRAPH):
        if iri.startswith(base) and len(iri) > len(base):
            return iri[len(BASE):]
    return iri


def jsonld_context() -> str:
    """The ``@context`` (JSON) of kg's JSON-LD: the predeclared prefixes and kg's IRI bases."""
    import json

    return json.dumps({**PREFIXES, "id": ID, "article": ARTICLE, "graph": GRAPH}, separators=(", ", ": "))


__all__ = [
    "BASE", "KG", "RDF", "RDFS", "OWL", "XSD", "SKOS", "PROV", "DCTERMS", "SCHEMA", "WD",
    "PREFIXES", "ID", "ARTICLE", "QUARANTINE", "GRAPH", "ONTOLOGY_GRAPH", "REFERENCE_GRAPH",
    "INFERRED_GRAPH", "short_iri", "jsonld_context",
]
