"""Caps on what one article can mint: members per event, length of an entity key (and so of
its IRI) and of a label. Applied to an :class:`~kg.model.Extraction` after extraction, before
its IRIs are minted (:func:`kg.rdf.article_graphs`); each cut is a note in the ingest report.

An article that names 10,000 leaders at one gathering would otherwise make a summit with
hundreds of participants, a key of thousands of characters built from all their names
(``summit/<every slug>-2024``) and a label listing them all.

>>> from kg.model import ArticleDate, Entity, Extraction
>>> ex = Extraction("text", None, ArticleDate(None, "none"))
>>> ex.entities["person/" + "a" * 200] = Entity("person/" + "a" * 200, "Person", "A")
>>> capped = cap(ex)
>>> [len(k) for k in capped.entities], capped.notes[0][:34]
([120], 'a person key of 207 characters was')
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter

from .model import Entity, Extraction, Fact, Ref

#: Members kept per event (a summit's participants, a planned event's people and states, a
#: treaty's parties and signatories), in the order the article gives them.
MAX_MEMBERS = 100
#: The longest entity key (``summit/<slugs>-2024``): the IRI is https://w3id.org/kg/id/ + key.
MAX_KEY_CHARS = 120
#: The longest label or alternative label, in characters.
MAX_LABEL_CHARS = 300

_MEMBER_PREDICATES = {"participant": "participants", "involves": "people and states involved",
                      "party": "parties", "signatory": "signatories"}
_HASH_CHARS = 16


def cap(ex: Extraction) -> Extraction:
    """``ex`` with at most :data:`MAX_MEMBERS` members per event, keys of at most
    :data:`MAX_KEY_CHARS` characters and labels of at most :data:`MAX_LABEL_CHARS`; a note
    for each cut. An extraction within the caps is returned as it is."""
    notes: list[str] = []
    facts = _cap_members(ex, notes)
    entities = _drop_unused(ex, facts)
    renames = {k: short_key(k) for k in _keys(entities, facts) if len(k) > MAX_KEY_CHARS}
    for old, new in sorted(renames.items()):
        notes.append(f"a {old.split('/', 1)[0]} key of {len(old)} characters was shortened to "
                     f"{len(new)} (the cap): {new}")
    if renames:
        facts = [_renamed(f, renames) for f in facts]
    shortened = 0
    out: dict[str, Entity] = {}
    for key, ent in entities.items():
        label = short_label(ent.label)
        alts = frozenset(short_label(a) for a in ent.alt_labels)
        shortened += (label != ent.label) + sum(1 for a in ent.alt_labels if len(a) > MAX_LABEL_CHARS)
        new_key = renames.get(key, key)
        out[new_key] = dataclasses.replace(ent, key=new_key, label=label, alt_labels=alts)
    if shortened:
        notes.append(f"{shortened} label{'s' if shortened != 1 else ''} over {MAX_LABEL_CHARS} "
                     "characters shortened (the cap)")
    if not notes:
        return ex
    return dataclasses.replace(ex, entities=out, facts=facts, notes=[*ex.notes, *notes])


def short_key(key: str) -> str:
    """A key over the cap, cut and ended with a hash of the whole key (still one key per key).

    >>> short_key("summit/" + "-".join(["someone"] * 100) + "-2024")[-40:]
    'someone-someone-someone-ffc1a637f8b09f7e'
    >>> short_key("summit/a-b-2024")
    'summit/a-b-2024'
    """
    if len(key) <= MAX_KEY_CHARS:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:_HASH_CHARS]
    return key[:MAX_KEY_CHARS - _HASH_CHARS - 1].rstrip("-") + "-" + digest


def short_label(label: str) -> str:
    """A label over the cap, cut at a word and marked with an ellipsis; a closing
    ``(year)`` is kept.

    >>> short_label("Summit of " + " and ".join(["Someone"] * 100) + " (2024)")[-30:]
    'd Someone and Someone … (2024)'
    """
    if len(label) <= MAX_LABEL_CHARS:
        return label
    tail = m.group(0) if (m := re.search(r" \([^()]{1,12}\)$", label)) else ""
    room = MAX_LABEL_CHARS - len(tail) - 2
    head = label[:room]
    head = head.rsplit(" ", 1)[0] if " " in head else head
    return re.sub(r"\W*(?:\band)?$", "", head) + " …" + tail


def _cap_members(ex: Extraction, notes: list[str]) -> list[Fact]:
    """The facts with the members past the cap left out of each event."""
    counts = Counter((f.subject, f.predicate) for f in ex.facts if f.predicate in _MEMBER_PREDICATES)
    if all(n <= MAX_MEMBERS for n in counts.values()):
        return ex.facts
    kept: Counter[tuple[str, str]] = Counter()
    out: list[Fact] = []
    for f in ex.facts:
        slot = (f.subject, f.predicate)
        if f.predicate in _MEMBER_PREDICATES and counts[slot] > MAX_MEMBERS:
            kept[slot] += 1
            if kept[slot] > MAX_MEMBERS:
                continue
        out.append(f)
    for (subject, predicate), n in counts.items():
        if n > MAX_MEMBERS:
            ent = ex.entities.get(subject)
            name = ent.label if ent else subject
            name = name if len(name) <= 60 else name[:60].rsplit(" ", 1)[0] + " …"
            notes.append(f"{name}: {n} {_MEMBER_PREDICATES[predicate]}, the first {MAX_MEMBERS} kept (the cap)")
    return out


def _drop_unused(ex: Extraction, facts: list[Fact]) -> dict[str, Entity]:
    """The entities, less those only the facts left out used (members past the cap)."""
    if facts is ex.facts:
        return ex.entities
    before, after = _used(ex.facts), _used(facts)
    return {k: e for k, e in ex.entities.items() if k in after or k not in before}


def _used(facts: list[Fact]) -> set[str]:
    return {f.subject for f in facts} | {f.obj.key for f in facts if isinstance(f.obj, Ref)}


def _keys(entities: dict[str, Entity], facts: list[Fact]) -> set[str]:
    return set(entities) | _used(facts)


def _renamed(f: Fact, renames: dict[str, str]) -> Fact:
    obj = Ref(renames.get(f.obj.key, f.obj.key)) if isinstance(f.obj, Ref) else f.obj
    subject = renames.get(f.subject, f.subject)
    if subject == f.subject and obj is f.obj:
        return f
    return dataclasses.replace(f, subject=subject, obj=obj)


__all__ = ["MAX_KEY_CHARS", "MAX_LABEL_CHARS", "MAX_MEMBERS", "cap", "short_key", "short_label"]
