"""The extractor's vocabulary: generic English news words, not tied to any article.

Each list is a data file under ``kg/data/lexicon/`` (one entry a line, lines starting with
``#`` are comments; ``institutions.tsv`` has two columns: name<TAB>state). The regular
expressions built from these words stay in code, here and in the stage modules.
"""

from __future__ import annotations

import re
from importlib import resources

_PACKAGE = "kg.data.lexicon"


def _lines(filename: str) -> list[str]:
    text = resources.files(_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(filename: str) -> set[str]:
    return set(_lines(filename))


LEADER_TITLES = _words("leader_titles.txt")
# "chairman" leads a state only in a state body (State Affairs / National Defense Commission, ...)
STATE_BODIES = tuple(_lines("state_bodies.txt"))
OFFICIAL_TITLES = _words("official_titles.txt")
NON_OFFICIAL = _words("non_official_titles.txt")
_TITLE_WORDS = {w for t in LEADER_TITLES | OFFICIAL_TITLES for w in t.split()} | _words("title_words.txt")
# the last word of a title, as it stands before a name ("Prime Minister X": "minister")
_TITLE_HEADS = _words("title_heads.txt")
_PLURAL_TITLES = _words("plural_titles.txt")
PAST_MARKERS = _words("past_markers.txt")
# institutions that stand for a state in news ("Kremlin aide")
INSTITUTIONS = dict(line.split("\t", 1) for line in _lines("institutions.tsv"))
# ("Final Act", "Presidential Act", "General Act": the instruments a conference or summit signs;
# a bare "Act" is a law)
ACT_KINDS = ("Final", "Presidential", "General")
TREATY_HEADS = (r"(?:Treaty|Treaties|Agreements|Agreement|Accord|Pact|Convention|Protocol|Charter|Accords|"
                r"Memorandum(?: of Understanding)?|" + "|".join(f"(?<={k} )Act" for k in ACT_KINDS) +
                # ("the Act of Montevideo": an act named for the town it was signed in; kept only
                # when that is a town the reference knows, see mentions._a_town_act)
                r"|Act(?=\s+of\s+[A-Z]))")
SUMMIT_NOUNS = _words("summit_nouns.txt")
# parts of the world, not states or towns: "West Africa", "the Middle East", "Southeast Asia"
REGION = re.compile(r"\b(?:Africa|Asia|Europe|America|Americas|Middle\s+East|Near\s+East|Far\s+East|Gulf|Balkans|Caucasus|"
                    r"Pacific|Caribbean|Sahel|Maghreb|Levant|Scandinavia|Baltics?|Oceania|Horn\s+of\s+Africa)\b")
SUMMIT_VERBS = _words("summit_verbs.txt")
VISIT_NOUNS = _words("visit_nouns.txt")
VISIT_VERBS = _words("visit_verbs.txt")
LIGHT_VERBS = _words("light_verbs.txt")
# people who act or stand for someone else ("X's envoy", "X's adviser"): X is not where they are
AGENTS_OF = _words("agents_of.txt")
SIGN_WORDS = _words("sign_words.txt")
# verbs of a host receiving a visitor: "X received B", "B was welcomed by X"
HOSTING = {"receive", "welcome", "host", "greet"}
REPLACE_ACTIVE = (r"(?:replaced|replaces|replacing|superseded|supersedes|superseding|succeeded(?!\s+in\b)|succeeds(?!\s+in\b)"
                  r"|took the place of|takes the place of|supplanted|supplants"
                  # a signed treaty's purpose: "a new treaty meant to replace the 1967 arrangement"
                  r"|(?:meant|designed|intended)\s+to\s+(?:replace|supersede)"
                  # "The new pact is an updated version of the 1962 one"
                  r"|(?:is|was)\s+(?:a|an)\s+(?:revised|updated|renegotiated|modernised|modernized)\s+(?:version|edition)\s+of)")
# ("was superseded thirteen years later by X": a time between the participle and its agent)
REPLACE_PASSIVE = (r"(?:was|were|is|are|been|being|had been|has been)\s+(?:replaced|superseded|supplanted|succeeded)"
                   r"(?:\s+(?!by\b)[\w-]+){0,5}?\s+by")
CUE_LEMMAS = _words("cue_lemmas.txt")
# a cancelled or postponed event did not happen: it stays a plan
CANCEL_LEMMAS = _words("cancel_lemmas.txt")
PLAN_LEMMAS = _words("plan_lemmas.txt") | CANCEL_LEMMAS
ANAPHORIC_TIME = re.compile(r"^\s*(?:during that (?:period|time|year)|at that time|at the time|that year|"
                            r"in that year|then|around that time)\b", re.I)
# a group of states named by its size: "Group of 20", "Group of Eight" (also "G20", "G8")
GROUP_OF = r"Group\s+of\s+(?:\d+|Seven|Eight|Twenty)"
# a welcome at the plane: protocol, not the talks ("met at the airport by", "greeted on the tarmac")
AIRSIDE = re.compile(r"\b(?:airport|tarmac|airbase|air base|steps of (?:the|his|her) plane)\b", re.I)
# verbs whose object is spoken to or of, not met: "invited C to visit", "urged D to ..."
ASKED_LEMMAS = {"invite", "urge", "ask", "praise", "criticise", "criticize", "accuse", "blame", "warn",
                "appoint", "name", "nominate", "succeed", "replace", "phone", "telephone", "thank"}
#: Over a line, not face to face: "signed over a video link", "talks by videoconference".
BY_LINE = re.compile(r"\b(?:by|via|over)\s+(?:a\s+)?(?:video(?:\s*link|conference|\s+call)?|videoconference|"
                     r"teleconference)\b", re.I)
TWO_STATES = re.compile(r"\b(?:the|both)\s+(?:two|both)?\s*(?:countries|nations|states|sides|neighbou?rs|leaders|governments)\b", re.I)
PORTFOLIOS = _words("portfolios.txt")
# a word of a ministry's remit by its form ("Sustainability", "Environmental", "Transportation")
# (the short endings only on long words: "Treasury", "Industry", "Coastal", not the given names
# "Henry", "Dmitry", "Zambry")
_PORTFOLIO_FORM = re.compile(r"^[a-z]{3,}(?:ity|tion|ment|ism|ture|ics|ence|ance)$|^[a-z]{5,}(?:tal|ral|nal|cal|ries|ry)$")


def portfolio_word(word: str) -> bool:
    """A word of a minister's portfolio, not of a name: "Minister of [Natural Resources and
    Environmental Sustainability] X"."""
    low = word.lower()
    return low in PORTFOLIOS or bool(_PORTFOLIO_FORM.match(low))
# a title with one of these words is an international body's office, not a state's
INTERNATIONAL = _words("international_bodies.txt")
NAME_PARTICLES = _words("name_particles.txt")
NAME_STOP = _words("name_stop.txt")
HONORIFICS = _words("honorifics.txt")
POSTNOMINALS = _words("postnominals.txt")
