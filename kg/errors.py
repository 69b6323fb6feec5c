"""Errors of kg. Library code raises these; only the CLI turns them into exit codes.

Each carries a one-line message that says what went wrong and, where it can,
what to do. Exit codes follow pySHACL: 0 ok, 1 validation failed, 2 user or
input error.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class: a user-facing error with a one-line message."""

    exit_code = 2


class InputError(KgError):
    """A file, text or argument given by the user cannot be used."""


class ParseError(InputError):
    """RDF data could not be parsed (the message carries line and column)."""


class QuerySyntaxError(InputError):
    """A SPARQL query could not be parsed (the message carries the position)."""


class UnknownQuestion(InputError):
    """``kg ask`` was given a name that is not a stored question."""


class ForbiddenQuery(InputError):
    """The query would write, or reach the network, without permission."""


class StoreError(KgError):
    """The store cannot be opened or written (in use, damaged, unreachable)."""


class StoreInUse(StoreError):
    """Another process holds the store for writing."""


class ReasonerError(KgError):
    """The OWL reasoner could not run (no Java) or found the data inconsistent."""


class NotFound(InputError):
    """An article, graph or entity named by the user is not in the store."""
