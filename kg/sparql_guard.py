"""The SPARQL safety guard, one for every store (embedded and remote).

Before a query reaches an engine, :func:`screen` decides whether it is an update and
refuses what kg does not run without being asked:

* an update, unless ``allow_update`` (``kg query --update``);
* ``SERVICE`` (a query that fetches from the network), unless ``allow_service``;
* ``LOAD`` in an update (it fetches a document), unless ``allow_service`` too.

Keywords are found on the text with strings, IRIs and comments blanked out
(:func:`strip_strings`), and again by a parse that does not trust that lexer
(:func:`hides_keyword`): ``"#"`` inside an IRI, escapes, long strings, lower case and
``PREFIX:<...>INSERT`` cannot hide them. Only rdflib's parser is used for that: it
parses without evaluating, so nothing reaches the network. No storage engine is
imported here.
"""

from __future__ import annotations

import re

from .errors import ForbiddenQuery

# Applied to the query after strip_strings (IRIs are "<>", comments blanks), so
# "PREFIX:<urn:>INSERT", "# ... joined with ..." and lower case are all read right.
UPDATE_RE = re.compile(
    r"^\ufeff?\s*(?:(?:PREFIX\s*[^\s<]*\s*<>|BASE\s*<>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
# the query forms, after the prologue (applied to the stripped text)
FORM_RE = re.compile(
    r"^\ufeff?\s*(?:(?:PREFIX\s*[^\s<]*\s*<>|BASE\s*<>)\s*)*"
    r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
    re.IGNORECASE,
)
# a keyword, not a variable (?service), a prefixed name (ex:service, ex:web-service) or a word part
SERVICE_RE = re.compile(r"(?<![?$:\w-])SERVICE\b", re.IGNORECASE)
LOAD_RE = re.compile(r"(?<![?$:\w-])LOAD\b", re.IGNORECASE)

# One pass, left to right, like SPARQL's own lexer: a string (long strings with their
# escapes), an IRI, a comment, or a backslash escape of a prefixed name ("ex:a\#b")
# is one token, so a '#' or a quote inside one of them cannot hide what follows it.
_LEXICAL_RE = re.compile(
    r'"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""|\'\'\'(?:(?:\'|\'\')?(?:[^\'\\]|\\.))*\'\'\''
    r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\''
    r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n\r]*|\\.'
)

SERVICE_REFUSED = "SERVICE clauses are refused (no network access from a query); use --allow-service"
UPDATE_REFUSED = "this is a SPARQL Update; kg query is read-only unless --update is given"
LOAD_REFUSED = "LOAD fetches data from the network; it needs --allow-service as well as --update"


def screen(sparql: str, *, allow_update: bool = False, allow_service: bool = False) -> bool:
    """Whether ``sparql`` is an update; raises :class:`ForbiddenQuery` for what is refused.

    >>> screen("SELECT * { ?s ?p ?o }")
    False
    >>> screen("insert data { <urn:a> <urn:b> <urn:c> }", allow_update=True)
    True
    """
    stripped = strip_strings(sparql)
    if not allow_service and (SERVICE_RE.search(stripped) or hides_keyword(sparql, "SERVICE")):
        raise ForbiddenQuery(SERVICE_REFUSED)
    update = bool(UPDATE_RE.match(stripped)) or (not FORM_RE.match(stripped) and parses_as_update(sparql))
    if update:
        if not allow_update:
            raise ForbiddenQuery(UPDATE_REFUSED)
        if not allow_service and (LOAD_RE.search(stripped) or hides_keyword(sparql, "LOAD")):
            raise ForbiddenQuery(LOAD_REFUSED)
    return update


def strip_strings(sparql: str) -> str:
    """The query with strings as ``""``, IRIs as ``<>`` and comments blank (for keyword checks).

    >>> strip_strings('SELECT * { ?s ?p <http://x#a> . SERVICE <u> {} } # "SERVICE"')
    'SELECT * { ?s ?p <> . SERVICE <> {} }  '
    """
    def blank(m: re.Match[str]) -> str:
        token = m.group(0)
        if token.startswith("#"):
            return " "
        if token.startswith("<"):
            return "<>"
        if token.startswith("\\"):
            return "_"
        return '""'

    return _LEXICAL_RE.sub(blank, sparql)


def hides_keyword(sparql: str, word: str) -> bool:
    """Whether ``word`` occurs in ``sparql`` as a keyword, checked without trusting our lexer.

    Each occurrence of ``word`` (any case, anywhere) is turned into a non-keyword of the
    same length (``SERVIC_``), which is still valid inside a string, IRI, comment, name
    or variable but a syntax error where the keyword was. If the text parses as SPARQL
    before but not after that change, one occurrence was the keyword. Undecidable cases
    (neither text parses) count as "hides the keyword".
    """
    if word.lower() not in sparql.lower():
        return False
    probe = re.sub(re.escape(word), lambda m: m.group(0)[:-1] + "_", sparql, flags=re.IGNORECASE)
    return not _parses_with_rdflib(probe)


def _parses_with_rdflib(sparql: str) -> bool:
    """Whether rdflib's SPARQL 1.1 grammar reads ``sparql`` as a query or a non-empty update."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
        return True
    except Exception:  # noqa: BLE001 - pyparsing raises several kinds
        pass
    return parses_as_update(sparql)


def parses_as_update(sparql: str) -> bool:
    """Whether rdflib's grammar reads ``sparql`` as a non-empty SPARQL Update."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        return bool(getattr(parseUpdate(sparql), "request", None))
    except Exception:  # noqa: BLE001 - not an update
        return False


__all__ = ["screen", "strip_strings", "hides_keyword", "parses_as_update"]
