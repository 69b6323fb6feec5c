"""Linking with reference knowledge: which state a titled person serves, and whether they lead it.

The extractor finds a title next to a name ("President Paul Kagame") but often no state beside
it. A careful reader places the title with what they know: in a 2019 article, President Kagame is
Rwanda's. These look-ups give that knowledge from ``kg/data/roles.tsv`` (terms of office) and
``kg/data/people.tsv``; they never create a fact on their own: the caller asks only about a title
or a state the article itself gives.

Pure functions over the reference data; no spaCy, no store.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from . import reference as ref

__all__ = ["Term", "terms_of", "state_for_title", "leads_state", "LEADER_TITLE_WORDS"]

# titles that head a state or a government (lower case); the extractor's own list is wider
LEADER_TITLE_WORDS = frozenset({
    "president", "prime minister", "premier", "chancellor", "king", "queen", "emperor", "emir",
    "sultan", "supreme leader", "general secretary", "first secretary", "chairman", "taoiseach",
    "head of state", "head of government", "leader", "crown prince", "shah", "amir", "pope",
})


class Term(NamedTuple):
    """One office held: the state's label, the title, and the years it covers (None: open)."""

    state: str
    title: str
    start: int | None
    end: int | None

    def covers(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)

    @property
    def leads(self) -> bool:
        return self.title.lower() in LEADER_TITLE_WORDS


@lru_cache(maxsize=None)
def _terms() -> dict[str, tuple[Term, ...]]:
    out: dict[str, list[Term]] = {}
    for r in ref.roles():
        out.setdefault(r.person, []).append(Term(r.state, r.title, r.start, r.end))
    for p in ref.people():
        if p.state and p.title:
            t = Term(p.state, p.title, p.start, p.end)
            if t not in out.setdefault(p.label, []):
                out[p.label].append(t)
    return {k: tuple(v) for k, v in out.items()}


def terms_of(label: str) -> tuple[Term, ...]:
    """The offices the reference data knows for the person with this canonical label."""
    return _terms().get(label, ())


def monarch_named(name: str, states: set[str], year: int | None) -> str | None:
    """The one reference monarch (or other leader) of ``states`` (labels) whose canonical label
    begins with the regnal name ``name`` and whose term covers ``year``: "King Abdullah" of a
    story about Jordan in 2024 is Abdullah II."""
    word = name.lower()
    found = {label for label, terms in _terms().items() if label.split()[0].lower() == word
             and any(t.leads and t.state in states and t.covers(year) for t in terms)}
    return found.pop() if len(found) == 1 else None


def _same_office(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a in b or b in a


def state_for_title(label: str, title: str, *, leads: bool, year: int | None) -> str | None:
    """The state whose office ``title`` the person held in ``year``, when only one fits.

    Tried in order: a term with the same title covering the year; any leading term covering
    the year (for a leader's title: "President" of a state whose reference title is "Head of
    State"); then the same without the year when the person only ever served one state.
    """
    states = states_for_title(label, title, leads=leads, year=year)
    return next(iter(states)) if len(states) == 1 else None


def states_for_title(label: str, title: str, *, leads: bool, year: int | None) -> set[str]:
    """The states :func:`state_for_title` chooses among: those of the first test any term
    passes (several in a year of handover: Chancellor of West Germany, then of Germany, in 1990)."""
    terms = terms_of(label)
    for pick in (
        lambda t: _same_office(t.title, title) and t.covers(year),
        lambda t: leads and t.leads and t.covers(year),
        lambda t: _same_office(t.title, title),
        lambda t: leads == t.leads,
    ):
        states = {t.state for t in terms if pick(t)}
        if states:
            return states
    return set()


def leads_state(label: str, state: str, *, year: int | None) -> bool | None:
    """Whether the person led ``state`` (True), served it otherwise (False), or is unknown (None).

    Without a term covering ``year``, any term of that state counts: an anniversary piece may
    name a leader decades after their time.
    """
    terms = [t for t in terms_of(label) if t.state == state]
    if not terms:
        return None
    # (not a term that began after the year told: "his counterpart X" in 2022 did not lead yet)
    in_year = [t for t in terms if t.covers(year)] or [t for t in terms if year is None or t.start is None or t.start <= year]
    if not in_year:
        return None
    return any(t.leads for t in in_year)


@lru_cache(maxsize=None)
def _word_to_state(filename: str, key: str) -> dict[str, str]:
    """A two-column lexicon of kg/data (``key<TAB>state``), keyed by lower-case key."""
    return {r[key].lower(): r["state"] for r in ref._rows(filename, (key, "state"))}


def state_of_word(word: str) -> str | None:
    """The state a name, demonym or combining form stands for ("Indo" -> India), or None."""
    word = word.strip(" .,")
    st = ref.lookup_state(word)
    if st is not None:
        return st.label
    return _word_to_state("combining_forms.tsv", "form").get(word.lower())


def compound_states(compound: str) -> list[str]:
    """The states of a two- or three-sided compound: "Indo-Sri Lanka" -> [India, Sri Lanka],
    "Polish-German" -> [Poland, Germany], "US-Japan-South Korea" -> three. [] unless every side
    is a state."""
    sides = [p for p in compound.replace("–", "-").split("-") if p]
    if len(sides) < 2:
        return []
    out: list[str] = []
    for i, side in enumerate(sides):
        words = side.split()
        cands = [side] + ([" ".join(words[1:]), words[-1]] if i == 0 and len(words) > 1 else []) \
            + ([words[0]] if i == len(sides) - 1 and len(words) > 1 else [])
        st = next((s for s in map(state_of_word, cands) if s), None)
        if st is None:
            return []
        out.append(st)
    return list(dict.fromkeys(out)) if len(set(out)) >= 2 else []


def state_of_title(title: str) -> str | None:
    """The state of a title only one state has ("Taoiseach" -> Ireland), or None."""
    return _word_to_state("state_titles.tsv", "title").get(title.lower())
