"""kg: a knowledge-graph store and query library for geopolitics.

News articles in, traceable RDF facts out (states, leaders and officials,
treaties, summits, visits), kept in an embedded Oxigraph store and asked with
SPARQL.

>>> import kg
>>> g = kg.open(":memory:")
>>> g.ask("treaty-replacements").to_dicts()
[]
"""

from .api import Exported, IngestReport, KnowledgeGraph, Stats, open
from .errors import (
    AmbiguousName,
    ForbiddenQuery,
    InputError,
    KgError,
    MissingComponent,
    NotFound,
    ParseError,
    QuerySyntaxError,
    QueryTimeout,
    ReasonerError,
    StoreError,
    StoreInUse,
    StoreWriteError,
    UnknownQuestion,
)
from .store import RdfFormat, Result, ResultFormat

__version__ = "0.1.0"


def ingest(text: str, *, date: str | None = None, url: str | None = None,
           store: "str | KnowledgeGraph | None" = None) -> IngestReport:
    """Ingest one article's text into ``store``: a KnowledgeGraph, a path, or None
    for the default store ($KG_STORE or ./kg-store, as the CLI).

    >>> g = open(":memory:")
    >>> ingest("Posted March. 3, 2023\\n\\nNothing happened today.", store=g).facts
    0
    """
    if isinstance(store, KnowledgeGraph):
        return store.ingest(text, date=date, url=url)
    import os as _os

    with open(store or _os.environ.get("KG_STORE") or "kg-store") as g:
        return g.ingest(text, date=date, url=url)


__all__ = ["open", "ingest", "KnowledgeGraph", "Result", "RdfFormat", "ResultFormat",
           "Stats", "IngestReport", "Exported",
           # the errors kg raises (kg/errors.py): KgError and its kinds
           "KgError", "InputError", "ParseError", "QuerySyntaxError", "UnknownQuestion",
           "AmbiguousName", "ForbiddenQuery", "NotFound", "StoreError", "StoreInUse",
           "StoreWriteError", "QueryTimeout", "ReasonerError", "MissingComponent"]
