"""One real thing, one IRI: names normalised for identity, and the merge rules (issue 18).

Identity is decided when an article's graph is built, from the article and the reference data
only (never from what the store holds), so the same article always gives the same IRIs whatever
was ingested before, and ``kg remove`` stays exact (docs/DESIGN.md, "Identity"):

* :func:`identity_key` normalises a person's name for identity, not display: accents and case
  folded, styles and honorifics removed ("His Excellency", "Dr.", "Sheikh" before a full name),
  transliterations made one (Yuri/Yury, Mohammed/Muhammad, al-/el-, -iy/-yy endings, from
  kg/data/name_variants.tsv), generational suffixes kept ("Jr.", "Sr.", "II"): they tell people apart;
* :func:`display_name` is the label a text's spelling gives: styles removed, hyphens kept, a family
  name written first in capitals ("KISHIDA Fumio") put after the given name;
* :func:`lookup_person` finds the reference person a name means, under any of these spellings and
  in either order of a two-word name ("Kishida Fumio");
* :func:`resolve` merges, within one article's extraction, the people and treaties that are one:
  people whose names agree once normalised (or that differ only by a generational suffix the
  article gives one of them, or that the reference data knows by surname, office, state and
  year), treaties of which one describes the other (same parties and signing date, or one name a
  short form of the other) or that the reference data knows by parties and date.

Never merged: people whose normalised names differ otherwise (Bill and Hillary Clinton, Nawaz and
Shehbaz Sharif), people with different generational suffixes, two people who hold offices of
different states in the article, treaties whose dates or parties disagree.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from . import reference as ref
from .model import Entity, Extraction, Fact, PartialDate, Ref

__all__ = ["identity_key", "display_name", "canonical_spelling", "strip_styles", "lookup_person", "resolve",
           "generational", "same_person_name"]

# styles and honorifics before a name (lower case, without their dots)
_STYLES = frozenset({
    "excellency", "he", "h.e", "hrh", "his", "her", "majesty", "royal", "highness", "dr", "mr", "mrs",
    "ms", "prof", "professor", "hon", "honourable", "honorable", "rt", "right", "sir", "dame",
    "shri", "sri", "smt", "the", "sheikh", "sheikha", "shaikh", "mister", "madam", "madame",
})
# words that only make a style together with another ("His Excellency", "Her Majesty")
_STYLE_ONLY_BEFORE = frozenset({"his", "her", "the", "right", "royal"})
# a style that is part of some names ("Sheikh Hasina"): removed only before two words or more
_NAME_STYLES = frozenset({"sheikh", "sheikha", "shaikh", "sir", "dame"})
_GENERATIONAL = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii",
                 "iv": "iv"}
_PARTICLE_AL = frozenset({"al", "el"})
_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})


@lru_cache(maxsize=1)
def _variant_table() -> tuple[dict[str, str], frozenset[str]]:
    """(spelling -> canonical spelling, canonical spellings whose groups keep the text's spelling
    in labels), from kg/data/name_variants.tsv."""
    text = resources.files("kg.data").joinpath("name_variants.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    as_written: set[str] = set()
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if lines[0].split("\t") != ["variants", "label"]:
        raise ValueError(f"name_variants.tsv: header {lines[0]!r}, expected 'variants<TAB>label'")
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != 2 or cells[1] not in ("canonical", "as written"):
            raise ValueError(f"name_variants.tsv: bad row {line!r}")
        group = [w.strip() for w in cells[0].split("|") if w.strip()]
        for w in group:
            out.setdefault(w, group[0])
        if cells[1] == "as written":
            as_written.add(group[0])
    return out, frozenset(as_written)


def _variants() -> dict[str, str]:
    return _variant_table()[0]


def _fold(text: str) -> str:
    return ref.fold_accents(text.translate(ref._LETTERS)).lower()


def strip_styles(name: str) -> str:
    """``name`` without the styles and honorifics before it and the comma before a suffix.

    >>> strip_styles("His Excellency Ferdinand R. Marcos, Jr.")
    'Ferdinand R. Marcos Jr.'
    >>> strip_styles("Excellency Ferdinand R. Marcos"), strip_styles("Sheikh Hasina")
    ('Ferdinand R. Marcos', 'Sheikh Hasina')
    >>> strip_styles("Sheikh Tamim bin Hamad Al Thani"), strip_styles("Dr. Ali Karti")
    ('Tamim bin Hamad Al Thani', 'Ali Karti')
    """
    name = " ".join(name.replace("\u00a0", " ").split())
    name = re.sub(r",\s*(Jr|Sr|Junior|Senior|II|III|IV)\.?$", r" \1.", name).replace("..", ".")
    name = re.sub(r"\s+(II|III|IV)\.$", r" \1", name)
    toks = name.split()
    while len(toks) > 1 and not any(c.isalnum() for c in toks[0]):
        toks.pop(0)   # a dash or comma before the name
    while len(toks) > 1:
        w = toks[0].lower().rstrip(".").replace(".", "")
        w = "h.e" if w == "he" and toks[0].lower().startswith("h.e") else w
        if w in _STYLE_ONLY_BEFORE:
            if len(toks) > 3 and toks[1].lower().rstrip(".") in _STYLES - _STYLE_ONLY_BEFORE - _NAME_STYLES:
                toks = toks[2:]
                continue
            break
        if w in ("h.e", "he") and toks[0].lower().startswith("h.e"):
            toks.pop(0)
            continue
        if w in _NAME_STYLES:
            if len([t for t in toks[1:] if t.lower() not in _PATRONYMIC]) >= 2:
                toks.pop(0)
                continue
            break
        if w in _STYLES - {"he", "the", "his", "her"} and len(toks) > 2 or \
                w in ("dr", "mr", "mrs", "ms", "prof", "professor", "excellency") and len(toks) > 1:
            toks.pop(0)
            continue
        break
    return " ".join(toks)


def _raw_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-‐–.]+", _fold(name).replace("'", "").replace("’", "")) if t]


def _canon_token(t: str) -> str:
    v = _variants()
    t = v.get(t, t)
    if len(t) > 4 and t.endswith(("iy", "yy")) and t not in _GENERATIONAL:
        t = v.get(t[:-2] + "y", t[:-2] + "y")
    if t in _PARTICLE_AL:
        return "al"
    return t


def _key_tokens(name: str) -> list[str]:
    return list(_key_tuple(name))


@lru_cache(maxsize=65536)
def _key_tuple(name: str) -> tuple[str, ...]:
    """The identity tokens of a name (cached: an article asks for the same names many times)."""
    toks = [_canon_token(t) for t in _raw_tokens(strip_styles(name))]
    return tuple(_GENERATIONAL.get(t, t) for t in toks)


def identity_key(name: str) -> str:
    """The identity of a person's name: equal keys mean the same name, however it was spelt.

    >>> identity_key("Yury Ushakov") == identity_key("Yuri Ushakov")
    True
    >>> identity_key("Abdel Fattah el-Sisi") == identity_key("Abdel-Fattah al-Sisi")
    True
    >>> identity_key("Volodymyr Zelenskiy") == identity_key("Volodymyr Zelenskyy") == identity_key("Volodymyr Zelensky")
    True
    >>> identity_key("Ferdinand Marcos Sr.") == identity_key("Ferdinand Marcos Jr.")
    False
    >>> identity_key("His Excellency Dr. Ali Karti")
    'ali karti'
    """
    key = " ".join(_key_tokens(name))
    for _ in range(len(key)):   # a fixed point: "- Dr. Dr." is "dr dr" once, "dr" twice
        again = " ".join(_key_tokens(key))
        if again == key:
            break
        key = again
    return key


def generational(name: str) -> str | None:
    """The generational suffix of a name ("jr", "sr", "ii", ...), or None."""
    toks = _key_tokens(name)
    return toks[-1] if len(toks) > 1 and toks[-1] in _GENERATIONAL.values() else None


def _family_first(name: str) -> bool:
    """"KISHIDA Fumio": a family name written first, in capitals (the style of Japanese and
    Korean official texts), before a given name that is not."""
    toks = name.split()
    return len(toks) == 2 and len(toks[0]) > 1 and toks[0].isalpha() and toks[0].isupper() \
        and not toks[1].isupper()


def display_name(name: str) -> str:
    """The label a spelling gives: styles removed, hyphens kept, a capitalised family name put last.

    >>> display_name("Excellency Ferdinand R. Marcos"), display_name("KISHIDA Fumio")
    ('Ferdinand R. Marcos', 'Fumio Kishida')
    >>> display_name("Abdel Fattah el-Sisi")
    'Abdel Fattah el-Sisi'
    """
    name = strip_styles(name)
    if _family_first(name):
        fam, given = name.split()
        return f"{given} {fam.capitalize()}"
    if name.isupper() and len(name) > 4:
        return " ".join(w.capitalize() if len(w) > 1 else w for w in name.split())
    return name


def canonical_spelling(name: str) -> str:
    """A spelling with the canonical form of each transliterated word, hyphens and case kept: one
    label for one person in every article, whichever transliteration it used. Arabic names and
    particles keep the article's spelling (a person's own romanisation: Muhammad, Mohamed, el-).

    >>> canonical_spelling("Yury Ushakov"), canonical_spelling("Volodymyr Zelenskiy")
    ('Yuri Ushakov', 'Volodymyr Zelensky')
    >>> canonical_spelling("Abdel Fattah el-Sisi"), canonical_spelling("Khawaja Muhammad Asif")
    ('Abdel Fattah el-Sisi', 'Khawaja Muhammad Asif')
    """
    parts = re.split(r"([\s\-‐]+)", name)
    out = []
    for w in parts:
        f = _fold(w)
        c = _canon_token(f) if f.isalpha() else f
        if c != f and w and c not in _variant_table()[1] and f not in _PARTICLE_AL:
            w = c.capitalize() if w[0].isupper() else c
        out.append(w)
    return "".join(out)


def _keys_of(name: str) -> list[str]:
    """The keys a name may be known by: as written, in the other order (two words), and without
    a dynasty after a patronymic ("Mohammed bin Salman bin Abdulaziz [Al Saud]")."""
    toks = _key_tokens(display_name(name))
    out = [" ".join(toks)]
    if len(toks) == 2:
        out.append(f"{toks[1]} {toks[0]}")
    if len(toks) >= 5 and toks[-2] == "al" and any(t in _PATRONYMIC for t in toks[:-2]):
        out.append(" ".join(toks[:-2]))
    return out


@lru_cache(maxsize=1)
def _reference_index() -> dict[str, Any]:
    seen: dict[str, list[Any]] = {}
    for p in ref.people():
        for n in p.names:
            if len(n.split()) < 2 and "-" not in n:
                continue   # a surname alone is no identity
            for k in _keys_of(n):
                if p not in seen.setdefault(k, []):
                    seen[k].append(p)
    return {k: ps[0] for k, ps in seen.items() if len(ps) == 1}


def lookup_person(name: str) -> Any:
    """The reference person (kg/data/people.tsv) a name means, under any spelling kg takes for one.

    >>> lookup_person("KISHIDA Fumio").label, lookup_person("Kishida Fumio").label
    ('Fumio Kishida', 'Fumio Kishida')
    >>> lookup_person("Ferdinand Marcos Jr.").label, lookup_person("Ferdinand Marcos Sr.").label
    ('Bongbong Marcos', 'Ferdinand Marcos')
    """
    found = ref.lookup_person(name)
    if found is not None:
        return found
    idx = _reference_index()
    for k in _keys_of(name):
        if k in idx:
            return idx[k]
    return None


def same_person_name(a: str, b: str) -> bool:
    """Whether two names are one name once normalised (either order of a two-word name)."""
    ka, kb = _keys_of(a), _keys_of(b)
    return bool(set(ka) & set(kb))


def person_slug(name: str) -> str:
    """The slug a person's IRI is minted with: of the identity key (``yuri-ushakov`` for "Yury Ushakov")."""
    return ref.slugify(" ".join(_key_tokens(display_name(name))))


# --------------------------------------------------------------------------------- one article


def resolve(ex: Extraction) -> Extraction:
    """The extraction with the people and treaties that are one real thing under one key.

    Pure and deterministic: the article and the reference data decide, never the store.
    """
    mapping: dict[str, str] = {}
    entities = dict(ex.entities)
    for k, e in list(entities.items()):
        if e.kind == "Treaty" and _STRAY_PERIOD.search(e.label):
            entities[k] = replace(e, label=e.label[:-1])   # "... the Congo.": the sentence's period
    _resolve_people(ex, entities, mapping)
    _resolve_treaties(ex, entities, mapping)
    if not mapping:
        return ex if entities == ex.entities else replace(ex, entities=entities)
    return _apply(ex, entities, mapping)


# a period that ends the sentence, not an abbreviation ("U.S.", "Co.", "No.", a single initial)
_STRAY_PERIOD = re.compile(r"(?<![A-Z])(?<!\b(?:Co|No|Jr|Sr|St))(?<!\.[A-Za-z])[a-z)]\.$")


def _offices(ex: Extraction) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in ex.facts:
        if f.predicate in ("leaderOf", "officialOf") and isinstance(f.obj, Ref) and f.status is None:
            out.setdefault(f.subject, set()).add(f.obj.key)
    return out


def _titles(ex: Extraction) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in ex.facts:
        if f.predicate == "title" and isinstance(f.obj, str):
            out.setdefault(f.subject, set()).add(f.obj.lower())
    return out


def _merge_entity(entities: dict[str, Entity], src: str, dst: str, mapping: dict[str, str]) -> None:
    a, b = entities.pop(src), entities[dst]
    alts = (b.alt_labels | a.alt_labels | {a.label}) - {b.label}
    entities[dst] = replace(b, alt_labels=frozenset(alts), wikidata=b.wikidata or a.wikidata)
    for k, v in list(mapping.items()):
        if v == src:
            mapping[k] = dst
    mapping[src] = dst


def _resolve_people(ex: Extraction, entities: dict[str, Entity], mapping: dict[str, str]) -> None:
    offices = _offices(ex)
    people = sorted(k for k, e in entities.items() if e.kind == "Person")

    def offices_of(k: str) -> set[str]:   # of the entity now keyed k, under any key it had
        return set().union(offices.get(k, set()), *(offices.get(s, set()) for s, d in mapping.items() if d == k))

    def contradicts(a: str, b: str) -> bool:
        oa, ob = offices_of(a), offices_of(b)
        return bool(oa and ob and not oa & ob)

    # 1. names that agree once normalised, or that the reference data knows under one entry
    by_key: dict[str, str] = {}
    for key in people:
        ent = entities[key]
        suffix = _suffix_in_text(ex.text, ent.label)
        if suffix:   # "Ferdinand R. Marcos, Jr.": the comma cut the suffix off the name
            ent = entities[key] = replace(ent, label=f"{ent.label} {suffix}",
                                          alt_labels=ent.alt_labels | {ent.label})
        names = [ent.label, *sorted(ent.alt_labels)]
        known = next((p for p in map(lookup_person, names) if p is not None), None)
        target = f"person/{ref.slugify(known.label)}" if known else f"person/{person_slug(ent.label)}"
        if known is not None and target != key:
            if target in entities and target not in mapping:
                if not contradicts(key, target):
                    _merge_entity(entities, key, target, mapping)
                continue
            _rekey(entities, key, target, mapping, label=known.label, wikidata=known.wikidata)
            key = target
        elif known is None:
            label = canonical_spelling(display_name(_spelling(ex.text, ent)))
            if target != key and target not in entities:
                _rekey(entities, key, target, mapping, label=label)
                key = target
            elif label != ent.label:
                entities[key] = replace(entities[key], label=label,
                                        alt_labels=(entities[key].alt_labels | {ent.label}) - {label})
        ident = " ".join(_key_tokens(display_name(entities[key].label)))
        other = by_key.get(ident)
        if other is not None and other != key and not contradicts(key, other):
            if key == f"person/{ref.slugify(ident)}":   # the key of the identity itself stays
                _merge_entity(entities, other, key, mapping)
                by_key[ident] = key
            else:
                _merge_entity(entities, key, other, mapping)
        else:
            by_key.setdefault(ident, key)

    # 2. a name without a generational suffix, where the article names one person with that name
    #    and a suffix ("Ferdinand R. Marcos" of a story about "Ferdinand R. Marcos Jr.")
    people = sorted(k for k, e in entities.items() if e.kind == "Person")
    keys = {k: _key_tokens(entities[k].label) for k in people}
    alt_keys = {k: {" ".join(_key_tokens(a)) for a in entities[k].alt_labels} | {" ".join(keys[k])} for k in people}
    for k in people:
        if k not in entities or generational(entities[k].label):
            continue
        base = " ".join(keys[k])
        fits = [o for o in people if o != k and o in entities
                and any(x.rsplit(" ", 1)[0] == base and x.rsplit(" ", 1)[-1] in _GENERATIONAL.values()
                        for x in alt_keys[o])]
        if len(fits) == 1 and not contradicts(k, fits[0]):
            _merge_entity(entities, k, fits[0], mapping)

    # 3. the reference data knows the person by surname, given-name initial, office and year
    year = ex.date.date.year if ex.date.date else None
    titles = _titles(ex)
    if year is not None:
        for k in sorted(k for k, e in entities.items() if e.kind == "Person"):
            ent = entities[k]
            if ref.lookup_person(ent.label) is not None or lookup_person(ent.label) is not None:
                continue
            toks = _key_tokens(ent.label)
            if len(toks) != 2:
                continue
            fits = [p for p, pt in _by_surname().get(toks[1], ())
                    if p.state and p.start and p.start <= year <= (p.end or 9999)
                    and f"state/{ref.slugify(p.state)}" in offices_of(k)
                    and pt[0][0] == toks[0][0]
                    and (not p.title or not titles.get(k) or _title_agrees(p.title, titles[k]))]
            if len(fits) == 1:
                p = fits[0]
                target = f"person/{ref.slugify(p.label)}"
                if target in entities:
                    _merge_entity(entities, k, target, mapping)
                else:
                    _rekey(entities, k, target, mapping, label=p.label, wikidata=p.wikidata)


def _spelling(text: str, ent: Entity) -> str:
    """The spelling of a person's name the text uses most among those of one identity, hyphens
    kept ("Qasim al-Araji", where the extractor's label is "Qasim al Araji")."""
    key = identity_key(ent.label)
    forms = [f for f in sorted({ent.label, *ent.alt_labels}) if identity_key(f) == key]
    if len(forms) < 2:
        return ent.label
    return max(forms, key=lambda f: (len(re.findall(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", text)),
                                     f.count("-"), not f.isupper(), f))


def _suffix_in_text(text: str, label: str) -> str | None:
    """The generational suffix the text gives a name after a comma, when it always does."""
    if generational(label) or len(label.split()) < 2 or not re.search(r",\s+(?:Jr|Sr|JR|SR)\b", text):
        return None
    found = {m.group(1).capitalize() for m in re.finditer(re.escape(label) + r",\s+(Jr|Sr|JR|SR)\b\.?", text)}
    if len(found) != 1:
        return None
    return f"{found.pop()}."


@lru_cache(maxsize=1)
def _by_surname() -> dict[str, tuple[tuple[Any, list[str]], ...]]:
    """Reference people of two-word names, by their surname's identity key."""
    out: dict[str, list[tuple[Any, list[str]]]] = {}
    for p in ref.people():
        toks = _key_tokens(p.label)
        if len(toks) == 2:
            out.setdefault(toks[1], []).append((p, toks))
    return {k: tuple(v) for k, v in out.items()}


def _title_agrees(ref_title: str, titles: set[str]) -> bool:
    norm = lambda t: re.sub(r"advis[eo]r", "adviser", t.lower())  # noqa: E731
    return any(norm(ref_title) in norm(t) or norm(t) in norm(ref_title) for t in titles)


def _rekey(entities: dict[str, Entity], src: str, dst: str, mapping: dict[str, str], *, label: str,
           wikidata: str | None = None) -> None:
    ent = entities.pop(src)
    alts = (ent.alt_labels | {ent.label}) - {label}
    entities[dst] = replace(ent, key=dst, label=label, alt_labels=frozenset(alts),
                            wikidata=ent.wikidata or wikidata)
    for k, v in list(mapping.items()):
        if v == src:
            mapping[k] = dst
    mapping[src] = dst


# --------------------------------------------------------------------------------- treaties

_HEADS = r"(?:treaty|treaties|agreement|agreements|accord|accords|pact|convention|protocol|charter|deal)"
_GENERIC_LABEL = re.compile(r"^(?:[\w-]+\s+){0,3}?" + _HEADS + r"\s+between\s+.+\(\d{4}\)$", re.I)
_FILLER = frozenset({"the", "of", "on", "and", "for", "between", "in", "a", "an", "to", "with", "concerning",
                     "republic", "kingdom", "state", "states", "federation", "people's", "democratic"})


def _head(label: str) -> str | None:
    m = re.search(r"\b" + _HEADS + r"\b", label, re.I)
    return m.group(0).lower().rstrip("s") if m else None


def _treaty_facts(ex: Extraction) -> dict[str, dict[str, set[Any]]]:
    out: dict[str, dict[str, set[Any]]] = {}
    for f in ex.facts:
        if f.subject.startswith("treaty/") and f.status is None:
            obj = f.obj.key if isinstance(f.obj, Ref) else f.obj
            out.setdefault(f.subject, {}).setdefault(f.predicate, set()).add(obj)
    return out


def _content_words(label: str, states: Iterable[str]) -> set[str]:
    words = set(re.findall(r"[a-z][a-z']+", _fold(re.sub(r"\(\d{4}\)", "", label))))
    stop = set(_FILLER)
    for s in states:
        st = ref.lookup_state(s.split("/", 1)[-1].replace("-", " "))
        if st is not None:
            for n in (*st.names, *st.demonyms):
                stop |= set(re.findall(r"[a-z][a-z']+", _fold(n)))
    words = {w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in words - stop}
    return {w for w in words if not re.fullmatch(_HEADS.replace("(?:", "(?:").lower(), w)}


def _dates_agree(a: set[Any], b: set[Any]) -> bool | None:
    """True: a common date (at the coarser precision); False: dates that disagree; None: one has none."""
    da = [d for d in a if isinstance(d, PartialDate)]
    db = [d for d in b if isinstance(d, PartialDate)]
    if not da or not db:
        return None
    for x in da:
        for y in db:
            n = min(len(x.isoformat()), len(y.isoformat()))
            if x.isoformat()[:n] == y.isoformat()[:n]:
                return True
    return False


def _resolve_treaties(ex: Extraction, entities: dict[str, Entity], mapping: dict[str, str]) -> None:
    facts = _treaty_facts(ex)
    treaties = sorted(k for k, e in entities.items() if e.kind == "Treaty")

    def parties(k: str) -> set[str]:
        return set(facts.get(k, {}).get("party", set()))

    def dates(k: str) -> set[Any]:
        return set(facts.get(k, {}).get("signedOn", set()))

    # 0. a reference treaty's name without the states it is between ("Treaty on Comprehensive
    #    Strategic Partnership" of the one "between Russia and North Korea"), parties not against it
    for k in treaties:
        if k not in entities:
            continue
        t = _reference_short_form(entities[k].label)
        if t is None or ref.lookup_treaty(entities[k].label) is not None:
            continue
        want = {f"state/{ref.slugify(p)}" for p in t.parties}
        if parties(k) and parties(k) != want or _dates_agree(dates(k), {PartialDate.parse(t.signed)}
                                                              if t.signed else set()) is False:
            continue
        target = f"treaty/{ref.slugify(t.label)}"
        if target in entities:
            _merge_entity(entities, k, target, mapping)
        else:
            _rekey(entities, k, target, mapping, label=t.label)
            entities[target] = replace(entities[target], alt_labels=entities[target].alt_labels | set(t.aliases))

    # 1. the reference data knows an unnamed treaty by its parties and signing day
    for k in treaties:
        ent = entities.get(k)
        if ent is None or not _GENERIC_LABEL.match(ent.label):
            continue
        days = [d for d in dates(k) if isinstance(d, PartialDate) and d.day is not None]
        ps = parties(k)
        fits = [t for t in ref.treaties() if t.signed and len(t.signed) == 10 and len(t.parties) >= 2
                and {f"state/{ref.slugify(p)}" for p in t.parties} == ps
                and any(d.isoformat() == t.signed for d in days)]
        if len(fits) == 1:
            t = fits[0]
            named = next((o for o in treaties if o != k and o in entities
                          and ref.lookup_treaty(entities[o].label) is t), None)
            target = named or f"treaty/{ref.slugify(t.label)}"
            if target in entities:
                _merge_entity(entities, k, target, mapping)
            else:
                _rekey(entities, k, target, mapping, label=t.label)
                entities[target] = replace(entities[target], alt_labels=entities[target].alt_labels | set(t.aliases))

    # 2. a treaty described by its kind and parties ("Treaty between X and Y (2025)") is the one
    #    other treaty of the same parties and day the article tells (of the same kind when several)
    treaties = sorted(k for k in entities if entities[k].kind == "Treaty")
    for k in treaties:
        if k not in entities or not _GENERIC_LABEL.match(entities[k].label) or not parties(k):
            continue
        mine = _content_words(entities[k].label, parties(k))
        same = [o for o in treaties if o != k and o in entities and o not in mapping
                and parties(o) == parties(k) and _dates_agree(dates(k), dates(o))
                and _day_of(dates(k)) and _day_of(dates(k)) == _day_of(dates(o))
                # (not "a security agreement and a strategic framework pact" signed that day)
                and not _told_apart(mine, _content_words(entities[o].label, parties(o)))]
        if len(same) > 1:
            same = [o for o in same if _head(entities[o].label) == _head(entities[k].label)
                    and not _GENERIC_LABEL.match(entities[o].label)]
        if len(same) == 1:
            _merge_entity(entities, k, same[0], mapping)

    # 3. one name a short form of the other: its distinctive words all in the other, the parties
    #    and the dates not against it, and no other treaty of the article fits as well
    treaties = sorted(k for k in entities if entities[k].kind == "Treaty")
    for k in treaties:
        if k not in entities or _GENERIC_LABEL.match(entities[k].label):
            continue
        states = parties(k)
        words = _content_words(entities[k].label, states | {p for o in treaties for p in parties(o)})
        if not words:
            continue
        fits = []
        for o in treaties:
            if o == k or o not in entities or _GENERIC_LABEL.match(entities[o].label):
                continue
            if len(entities[o].label) <= len(entities[k].label):
                continue
            ow = _content_words(entities[o].label, parties(o) | states)
            head_of = _fold(entities[o].label).startswith(_fold(entities[k].label) + " between ")
            if not words < ow and not (words == ow and (len(words) >= 2 or head_of)):
                continue
            if parties(k) and parties(o) and parties(k) != parties(o):
                continue
            if _years_agree(dates(k), dates(o)) is False:
                continue
            if _head(entities[k].label) != _head(entities[o].label):
                continue
            fits.append(o)
        head_of = len(fits) == 1 and _fold(entities[fits[0]].label).startswith(_fold(entities[k].label) + " between ")
        if len(fits) == 1 and (len(words) >= 2 or head_of or parties(k) and parties(fits[0])):
            # the longer name is the treaty's own; the short form becomes an alias of it
            _merge_entity(entities, k, fits[0], mapping)


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, Any]:
    seen: dict[str, list[Any]] = {}
    for t in ref.treaties():
        if len(t.parties) < 2:
            continue
        for n in t.names:
            m = re.match(r"^(.+?)\s+between\s+.+\s+and\s+.+$", n)
            if m and len(m.group(1).split()) >= 3:
                seen.setdefault(ref._treaty_slug(m.group(1)), []).append(t)
    return {k: v[0] for k, v in seen.items() if len(set(v)) == 1}


def _reference_short_form(label: str) -> Any:
    return _short_forms().get(ref._treaty_slug(label))


def _told_apart(a: set[str], b: set[str]) -> bool:
    """Two treaties' descriptions each say something the other does not ("security" and
    "strategic framework"): two documents."""
    return bool(a) and bool(b) and not a <= b and not b <= a


def _years_agree(a: set[Any], b: set[Any]) -> bool | None:
    ya = {d.year for d in a if isinstance(d, PartialDate)}
    yb = {d.year for d in b if isinstance(d, PartialDate)}
    return None if not ya or not yb else bool(ya & yb)


def _day_of(ds: set[Any]) -> str | None:
    days = sorted(d.isoformat() for d in ds if isinstance(d, PartialDate) and d.day is not None)
    return days[0] if len(days) == 1 else None


# --------------------------------------------------------------------------------- applying


def _apply(ex: Extraction, entities: dict[str, Entity], mapping: dict[str, str]) -> Extraction:
    def m(key: str) -> str:
        seen = set()
        while key in mapping and key not in seen:
            seen.add(key)
            key = mapping[key]
        return key

    _rekey_events(ex, entities, mapping, m)

    facts: list[Fact] = []
    seen: set[tuple[Any, ...]] = set()
    for f in ex.facts:
        obj = Ref(m(f.obj.key)) if isinstance(f.obj, Ref) else f.obj
        g = replace(f, subject=m(f.subject), obj=obj)
        if g.subject == getattr(g.obj, "key", None):
            continue   # "A replaces A" once A and its description are one
        sig = (g.subject, g.predicate, g.obj, g.evidence, g.status)
        if sig not in seen:
            seen.add(sig)
            facts.append(g)
    roles = []   # the qualified roles (kg/extract/tenure.py) follow their people
    for r in ex.roles:
        r = replace(r, person=m(r.person))
        if r not in roles:
            roles.append(r)
    return replace(ex, entities=entities, facts=facts, roles=roles)


def _rekey_events(ex: Extraction, entities: dict[str, Entity], mapping: dict[str, str], m: Any) -> None:
    """Summits and visits are keyed and described by their people's names (kg/extract/emit.py):
    made again from the people's resolved names, so that one meeting has one key."""
    def slug(k: str, ents: dict[str, Entity]) -> str:
        return ref.slugify(ents[k].label) if k in ents else k.split("/", 1)[1]

    for key in sorted(k for k, e in entities.items() if e.kind in ("Summit", "Visit")):
        ent = entities[key]
        pred = "participant" if ent.kind == "Summit" else "visitor"
        old = list(dict.fromkeys(f.obj.key for f in ex.facts if f.subject == key and f.predicate == pred
                                 and isinstance(f.obj, Ref)))
        if not old or not any(p in mapping or (p in ex.entities and p in entities
                                               and ex.entities[p].label != entities[p].label) for p in old):
            continue
        new = list(dict.fromkeys(m(p) for p in old))
        if ent.kind == "Summit":
            prefix = "summit/" + "-".join(sorted(slug(p, ex.entities) for p in old))
            target = "summit/" + "-".join(sorted(slug(p, entities) for p in new))
        else:
            prefix = f"visit/{slug(old[0], ex.entities)}"
            target = f"visit/{slug(new[0], entities)}"
        if not key.startswith(prefix + "-"):
            continue
        target += key[len(prefix):]
        label = ent.label
        if ent.kind == "Summit" and label.startswith("Summit of "):
            tail = label[label.rfind(" ("):] if label.endswith(")") else ""
            label = "Summit of " + " and ".join(sorted(entities[p].label if p in entities else p for p in new)) + tail
        elif ent.kind == "Visit" and old[0] in ex.entities and label.startswith(f"Visit of {ex.entities[old[0]].label} "):
            label = f"Visit of {entities[new[0]].label if new[0] in entities else new[0]}" \
                + label[len(f"Visit of {ex.entities[old[0]].label}"):]
        if target == key:
            entities[key] = replace(ent, label=label, alt_labels=ent.alt_labels - {label})
        elif target in entities:
            _merge_entity(entities, key, target, mapping)
        else:
            entities.pop(key)
            entities[target] = replace(ent, key=target, label=label, alt_labels=ent.alt_labels - {label})
            mapping[key] = target
