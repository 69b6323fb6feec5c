"""What an article's graphs were made from, so that re-ingesting an unchanged article can be
skipped before any NLP runs: the cleaned text, the options given (URL, date, title), the
source's name, and kg's extraction version (a hash of kg's code, data, shapes and the spaCy
model's version). Recorded in the article's graph as ``kg:extractedWith``.

>>> a = fingerprint("Some text.", url=None, source="a.txt", date=None, title=None)
>>> a == fingerprint("Some text.", url=None, source="a.txt", date=None, title=None)
True
>>> a == fingerprint("Some text.", url=None, source="a.txt", date="2024-01-02", title=None)
False
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=1)
def extraction_version() -> str:
    """A hash of everything extraction depends on besides the article: kg's Python code, its
    data and resources (ontology, shapes), and the spaCy model's name and version."""
    import re
    from importlib import metadata

    h = hashlib.sha256()
    root = resources.files("kg")
    stack = [root]
    files = []
    while stack:
        folder = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir():
                if not entry.name.startswith((".", "__pycache__")) and entry.name != "web":
                    stack.append(entry)
            elif entry.name.endswith((".py", ".tsv", ".ttl", ".txt", ".json")):
                files.append(entry)
    base = str(root)
    for entry in sorted(files, key=str):
        h.update(str(entry)[len(base):].encode())
        h.update(entry.read_bytes())
    # the model's name as kg/extract/nlp.py gives it (read, not imported: importing it loads spaCy)
    found = re.search(r'^MODEL = "([^"]+)"', root.joinpath("extract", "nlp.py").read_text("utf-8"), re.M)
    MODEL = found.group(1) if found else "unknown"
    try:
        model = f"{MODEL} {metadata.version(MODEL)}"
    except metadata.PackageNotFoundError:
        model = f"{MODEL} (not installed)"
    h.update(model.encode())
    return h.hexdigest()[:16]


def article_text(doc: Any) -> str:
    """The text extraction reads from a cleaned document (its non-empty blocks)."""
    return "\n\n".join(b.text for b in doc.blocks if b.text.strip())


def fingerprint(text: str, *, url: str | None, source: str | None, date: str | None,
                title: str | None) -> str:
    """The fingerprint of one ingest of ``text`` with these options, by this kg."""
    basis = json.dumps([extraction_version(), text, url, source, date, title], ensure_ascii=False)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


__all__ = ["article_text", "extraction_version", "fingerprint"]
