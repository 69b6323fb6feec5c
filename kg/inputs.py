"""What users give kg, checked in one place: IRIs, and inputs read with a size cap.

* :func:`check_iri` is the one test of an IRI a user names (``--graph``, ``kg push
  --graph``, an entity page's ``iri=``): an absolute IRI, else one-line InputError.
* :func:`read_capped` reads a file, a device, a FIFO or a stream (``.gz`` decompressed
  as it is read) and stops once it has more than the cap: ``kg ingest /dev/zero`` or a
  gzip bomb holds at most the cap in memory, never the whole input.

The caps: an article 5 MB (:data:`kg.text.MAX_ARTICLE_BYTES`); one file of ``kg load``
1,000 MB after decompression (:data:`MAX_LOAD_BYTES`, ``$KG_MAX_LOAD_MB`` changes it);
a query 1 MB (:data:`MAX_QUERY_BYTES`, for ``kg query @file``/``-`` and ``kg serve``'s
request bodies).

>>> check_iri("https://w3id.org/kg/article/1")
'https://w3id.org/kg/article/1'
>>> read_capped(io.BytesIO(b"abc"), 10, label="x")
b'abc'
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import BinaryIO

from .errors import InputError

#: The largest file ``kg load`` reads (after decompression): 1,000 MB, about 7 million
#: quads of N-Quads. ``$KG_MAX_LOAD_MB`` sets another limit (in MB).
MAX_LOAD_BYTES = 1_000_000_000
#: The longest SPARQL query read from a file, stdin or an HTTP request: 1 MB.
MAX_QUERY_BYTES = 1_000_000

_CHUNK = 1 << 20


class TooBig(InputError):
    """An input is larger than its cap (it was read no further)."""


def check_iri(value: str, *, what: str = "--graph") -> str:
    """``value`` if it is an absolute IRI; else InputError ``bad --graph '...': ...``.

    >>> check_iri("not an iri")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: bad --graph 'not an iri': not an absolute IRI (Invalid IRI code point ' ')
    """
    from .store import engine_io as ox

    try:
        return str(ox.NamedNode(value).value)
    except (ValueError, TypeError) as err:
        raise InputError(f"bad {what} '{_printable(str(value))}': not an absolute IRI "
                         f"({_printable(str(err))})") from None


def _printable(text: str) -> str:
    """``text`` on one line: control characters escaped (``\\n``)."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def check_graph(graph: str | None) -> str | None:
    """A ``--graph`` option: None (all graphs) stays None, else :func:`check_iri`."""
    return None if graph is None else check_iri(graph)


def load_limit() -> int:
    """The cap of one ``kg load`` file in bytes: ``$KG_MAX_LOAD_MB`` MB, else :data:`MAX_LOAD_BYTES`."""
    raw = os.environ.get("KG_MAX_LOAD_MB", "").strip()
    if not raw:
        return MAX_LOAD_BYTES
    try:
        mb = float(raw)
    except ValueError:
        mb = -1.0
    if not mb > 0:
        raise InputError(f"bad $KG_MAX_LOAD_MB '{raw}': give a number of megabytes above 0")
    return int(mb * 1_000_000)


def read_capped(source: str | os.PathLike[str] | BinaryIO, cap: int, *, label: str | None = None,
                gzipped: bool = False,
                too_big: Callable[[str, int | None], str] | None = None) -> bytes:
    """The bytes of a file name or binary stream, read up to ``cap`` bytes; more raises
    :class:`TooBig` after reading ``cap + 1`` bytes at most (devices and FIFOs included;
    a regular file's size is seen before it is read).

    ``gzipped``: decompress as it is read; ``cap`` then holds for the decompressed bytes
    (a small file that expands hugely stops at the cap). ``too_big(label, size)`` words
    the error (``size`` None when the input was read only up to the cap). OSError (a
    missing file, a permission) is left to the caller; a broken gzip stream is InputError.
    """
    name = label or (str(source) if isinstance(source, (str, os.PathLike)) else "<stream>")
    words = too_big or (lambda label, size: too_big_message(label, size, cap))
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            return read_capped(f, cap, label=name, gzipped=gzipped, too_big=words)
    if gzipped:
        import gzip
        import zlib

        try:
            with gzip.GzipFile(fileobj=source, mode="rb") as unzipped:
                return _read(unzipped, cap, 0, lambda size: words(name, size))  # type: ignore[arg-type]
        except (gzip.BadGzipFile, EOFError, zlib.error) as err:
            raise InputError(f"{name}: not a gzip file: {err}") from None
    return _read(source, cap, _size_hint(source), lambda size: words(name, size))


def _read(source: BinaryIO, cap: int, hint: int, too_big: Callable[[int | None], str]) -> bytes:
    """Up to ``cap`` bytes of ``source`` (``hint``: its size when known, read in one go)."""
    if hint > cap:
        raise TooBig(too_big(hint))
    first: bytes = b""  # a file read in one go is returned as it is (no copy)
    buf: io.BytesIO | None = None
    total = 0
    while True:
        chunk = source.read(min(cap + 1 - total, max(hint + 1 - total, _CHUNK)))
        if not chunk:
            return first if buf is None else buf.getvalue()
        total += len(chunk)
        if total > cap:
            raise TooBig(too_big(None))
        if not first and buf is None:
            first = chunk
            continue
        if buf is None:
            buf = io.BytesIO()
            buf.write(first)
            first = b""
        buf.write(chunk)


def too_big_message(label: str, size: int | None, cap: int) -> str:
    """``label: too big (6.0 MB; the limit is 5.0 MB)``; ``size`` None: more than the cap."""
    how_big = f"{size / 1e6:,.1f} MB" if size is not None else f"more than {cap / 1e6:,.1f} MB"
    return f"{label}: too big ({how_big}; the limit is {cap / 1e6:,.1f} MB)"


def _size_hint(stream: BinaryIO) -> int:
    """The size of a regular file behind ``stream`` (read in one go), else 0."""
    try:
        st = os.fstat(stream.fileno())
    except (AttributeError, OSError, io.UnsupportedOperation, ValueError):
        return 0
    import stat

    return st.st_size if stat.S_ISREG(st.st_mode) else 0


__all__ = ["MAX_LOAD_BYTES", "MAX_QUERY_BYTES", "TooBig", "check_graph", "check_iri", "load_limit", "read_capped",
           "too_big_message"]
