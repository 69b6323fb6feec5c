"""Replacements told without naming both treaties side by side: "the X that superseded it", "an
updated version of the accord, the Y Convention", "replaces the one signed in Z". Each gives a
(newer, older) pair of treaty keys; the caller records the fact."""

from __future__ import annotations

import re
from typing import Any

from .context import _Article, Mention, Sentence
from .lexicon import REPLACE_ACTIVE

# "X, which superseded it", "the X that replaced them": the treaty told before
_THAT_REPLACED_IT = re.compile(r"^,?\s+(?:that|which)\s+(?:had\s+|has\s+|would\s+)?(?:finally\s+|eventually\s+)?"
                               + REPLACE_ACTIVE + r"\s+(?:it|them)\b", re.I)
# "an updated version of the accord, [the Y Convention]": the name the revision is then given
_REVISION = r"\b(?:a|an|the)\s+(?:revised|updated|renegotiated|new)\s+(?:version|edition|text)\s+of\s+"
_REVISION_OF = re.compile(_REVISION + r"(?:the\s+|that\s+|this\s+|their\s+)?$", re.I)
_THEN_NAMED = re.compile(r"^\s*,\s*(?:the\s+)?$")
# "an updated version of the accord, [the Y Convention]" with "the accord" the treaty just told
_REVISION_OF_TOLD = re.compile(_REVISION + r"(?:the|that|this|their|its)\s+"
                               r"(?:treaty|agreement|accord|pact|convention|charter|text|deal)"
                               r"\s*,\s*(?:the\s+)?$", re.I)
# "replaces the one signed in Cartagena": an older treaty told by where it was signed
_THE_ONE_SIGNED = re.compile(r"^\s+" + REPLACE_ACTIVE + r"\s+the\s+(?:one|text|treaty|agreement|accord|pact)\s+"
                             r"(?:signed|concluded)\s+(?:in|at)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)", re.I)

Pair = tuple[str, str]


def _told_before(art: _Article, key: str) -> str | None:
    """The treaty the article told last before this one."""
    return next((k for k in reversed(art.treaty_keys) if k != key), None)


def _signed_at(art: _Article, place_label: str, other_than: str) -> str | None:
    """The one treaty told as signed at the place with this label."""
    keys = {f.subject for f in art.facts if f.predicate == "signedAt" and f.subject != other_than
            and f.subject.startswith("treaty/") and art.entities.get(getattr(f.obj, "key", "")) is not None
            and art.entities[f.obj.key].label.split(",")[0] == place_label}
    return next(iter(keys)) if len(keys) == 1 else None


def told_replacements(art: _Article, s: Sentence, resolved: list[tuple[Mention, Any]], text: str) -> list[Pair]:
    """The (newer, older) pairs the sentence tells in these ways, by treaty key."""
    out: list[Pair] = []
    for i, (m, t) in enumerate(resolved):
        after = text[m.end:m.end + 80]
        if _THAT_REPLACED_IT.match(after) and (old := _told_before(art, t[0])) is not None:
            out.append((t[0], old))   # "The X that superseded it was signed in 1966"
        one = _THE_ONE_SIGNED.match(after)
        if one and (old := _signed_at(art, one.group(1), t[0])) is not None:
            out.append((t[0], old))   # "The new X replaces the one signed in Z"
        if _REVISION_OF_TOLD.search(text[max(0, m.start - 70):m.start]) \
                and (old := _told_before(art, t[0])) is not None:
            out.append((t[0], old))   # "an updated version of the accord, the Y Convention, was signed"
        if i + 1 < len(resolved) and _REVISION_OF.search(text[max(0, m.start - 40):m.start]) \
                and _THEN_NAMED.match(text[m.end:resolved[i + 1][0].start]) and resolved[i + 1][1][0] != t[0]:
            out.append((resolved[i + 1][1][0], t[0]))   # "an updated version of the accord, the Y Convention"
    return out
