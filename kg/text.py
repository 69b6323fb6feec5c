"""Reading inputs: .txt / .md / .html files, bytes and strings -> :class:`Document`.

The extractor (kg/extract/) reads the blocks of a Document: body paragraphs,
image captions and headlines, each tagged with its section so that facts read
from a caption or a headline can be trusted less than facts from the body.
Everything else on a page (navigation, share buttons, teasers of other stories,
copyright lines, ...) is clutter and is dropped here.

Entry points:

* :func:`read_path` reads one file (.txt/.text/.md as plain text, .html/.htm
  through trafilatura; other names are sniffed).
* :func:`read_bytes` decodes bytes (BOM, UTF-8, charset-normalizer, latin-1; it
  never raises UnicodeDecodeError) and reads them; use it for standard input:
  ``read_bytes(sys.stdin.buffer.read(), source="<stdin>")``.
* :func:`read_text` reads a string (HTML is sniffed when ``html`` is None).
* :func:`iter_paths` expands command-line paths (folders -> article files).
  The path ``-`` (standard input) is passed through as ``Path("-")``: the
  caller reads stdin itself; :func:`read_path` does not.
* :func:`clean_plain_text` holds the clutter rules for plain-text dumps of
  news pages; the HTML path runs the same line rules on trafilatura's output.

``Document.raw`` keeps the whole page as text before clutter removal (the
decoded input for plain text; for HTML the visible text of the page, one block
element per line), so that the date detector (kg/dates.py) can still read
"Posted ..."/"Updated ..." lines that are dropped from the blocks.

Sentence splitting is not done here (spaCy does it in kg/extract/).
"""

from __future__ import annotations

import codecs
import copy
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kg.errors import InputError, missing_component
from kg.inputs import read_capped
from kg.model import Section  # Literal["body", "headline", "caption"]

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = [
    "read_file_bytes",
    "ARTICLE_EXTENSIONS",
    "MAX_ARTICLE_BYTES",
    "MAX_ARTICLE_CHARS",
    "Block",
    "Document",
    "clean_plain_text",
    "decode_bytes",
    "iter_paths",
    "read_bytes",
    "read_path",
    "read_text",
]

_SECTIONS = ("body", "headline", "caption")

#: The largest article file (or stdin) read, in bytes: 5 MB. News pages, markup and all,
#: are far smaller; a bigger input is refused before it is read into memory.
MAX_ARTICLE_BYTES = 5_000_000
#: The most article text (after clutter removal) sent to the extractor: 500,000 characters,
#: about 80,000 words. Extraction takes roughly a minute for that much text.
MAX_ARTICLE_CHARS = 500_000

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
#: Extensions that :func:`iter_paths` picks up when it expands a folder.
ARTICLE_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Block:
    """One paragraph of the cleaned page and the part of the page it comes from."""

    text: str
    section: Section = "body"

    def __post_init__(self) -> None:
        if self.section not in _SECTIONS:
            raise ValueError(f"section must be one of {_SECTIONS}, not {self.section!r}")


@dataclass(frozen=True)
class Document:
    """A read article: its title, its cleaned blocks (in page order) and the raw text.

    ``source`` is the path or URL it was read from (None for a bare string);
    ``html_date`` is the publication date trafilatura found in the HTML
    metadata (ISO ``YYYY-MM-DD``), None for plain text.
    """

    title: str | None
    blocks: tuple[Block, ...]
    raw: str
    source: str | None = None
    html_date: str | None = None

    @property
    def body_text(self) -> str:
        """The body paragraphs joined by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.section == "body")

    @property
    def text(self) -> str:
        """All blocks (headlines, captions, body) joined by blank lines, in page order."""
        return "\n\n".join(b.text for b in self.blocks)


# --------------------------------------------------------------------------- paths


def iter_paths(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Expand command-line paths into the list of files to read.

    A folder is expanded recursively into its article files (extensions
    ``.txt .text .md .html .htm``, any case), sorted, skipping hidden files and
    hidden folders; a file named explicitly is kept whatever its extension.
    ``"-"`` (standard input) is passed through as ``Path("-")`` in its place:
    the caller reads stdin (``read_bytes(sys.stdin.buffer.read(), source="<stdin>")``).
    A missing path, or a folder without article files, raises InputError.
    Duplicates are listed once.
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        if p not in seen:
            seen.add(p)
            out.append(p)

    for raw in paths:
        if str(raw) == "-":
            add(Path("-"))
            continue
        p = Path(raw)
        if p.is_dir():
            found = [f for f in _walk_articles(p)]
            if not found:
                exts = " ".join(sorted(ARTICLE_EXTENSIONS))
                raise InputError(f"{p}: no article files ({exts}) in this folder")
            for f in found:
                add(f)
        elif p.exists():
            add(p)
        else:
            raise InputError(f"{p}: no such file")
    return out


def _walk_articles(folder: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in ARTICLE_EXTENSIONS:
                f = Path(dirpath) / name
                if f.is_file():
                    found.append(f)
    return sorted(found, key=lambda f: f.relative_to(folder).parts)


# --------------------------------------------------------------------------- reading


def read_path(path: str | os.PathLike[str], data: bytes | None = None) -> Document:
    """Read one article file.

    ``.txt``/``.text``/``.md`` are plain text, ``.html``/``.htm`` HTML; any
    other name is sniffed. Raises InputError for a missing, unreadable, empty
    or binary file, and for HTML in which no article text is found.
    ``data``: the file's bytes, read already (:func:`read_file_bytes`, on another
    machine of a cluster); the file is then not opened here.
    """
    p = Path(path)
    if data is None:
        data = read_file_bytes(p)
    suffix = p.suffix.lower()
    if suffix in HTML_EXTENSIONS:
        html: bool | None = True
    elif suffix in TEXT_EXTENSIONS:
        html = False
    else:
        html = None
    return read_bytes(data, source=str(p), html=html, markdown=suffix == ".md")


def read_file_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an article file, up to the size limit; InputError when it cannot be read."""
    p = Path(path)
    if str(path) == "-":
        raise InputError("-: standard input is read by the caller (read_bytes(sys.stdin.buffer.read()))")
    try:  # a device or a FIFO is read up to the limit, a regular file's size is seen first
        return read_capped(p, MAX_ARTICLE_BYTES, too_big=_too_big)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a file") from None
    except PermissionError:
        raise InputError(f"{p}: cannot read the file (permission denied)") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read the file ({exc.strerror or exc})") from None


def read_bytes(
    data: bytes,
    *,
    source: str | None = None,
    html: bool | None = None,
    markdown: bool = False,
) -> Document:
    """Decode ``data`` (see :func:`decode_bytes`) and read it like :func:`read_text`."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(_too_big(source or "<text>", len(data)))
    text = decode_bytes(data, source=source)
    return read_text(text, source=source, html=html, markdown=markdown)


def read_text(
    text: str,
    *,
    source: str | None = None,
    html: bool | None = None,
    markdown: bool = False,
) -> Document:
    """Read an article given as a string.

    ``html=None`` sniffs: text that looks like an HTML page goes through
    trafilatura, anything else through :func:`clean_plain_text`.
    ``markdown=True`` strips Markdown markup (headings, links, emphasis) first.
    """
    label = source or "<text>"
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputError(_too_big(label, len(text.encode("utf-8", errors="replace"))))
    text = _normalize_text(text)
    if not text.strip():
        raise InputError(f"{label}: empty file")
    if html is None:
        html = _looks_like_html(text)
    if html:
        return _check_length(_read_html(text, source=source), label)
    if markdown:
        body = _strip_markdown(text)
    else:
        body = text
    title, blocks = clean_plain_text(body)
    if not blocks:
        raise InputError(f"{label}: no article text found")
    return _check_length(Document(title=title, blocks=blocks, raw=text, source=source, html_date=None), label)


def _too_big(label: object, size: int | None) -> str:
    """``size`` None, or the limit + 1: an input read only up to the limit (stdin, a device)."""
    if size is None or size == MAX_ARTICLE_BYTES + 1:
        how_big = f"{MAX_ARTICLE_BYTES / 1e6:.1f} MB or more"
    else:
        how_big = f"{size / 1e6:.1f} MB"
    return (f"{label}: too big for an article ({how_big}; the limit is "
            f"{MAX_ARTICLE_BYTES / 1e6:.1f} MB); split it into articles")


def _check_length(doc: Document, label: str) -> Document:
    n = sum(len(b.text) for b in doc.blocks)
    if n > MAX_ARTICLE_CHARS:
        raise InputError(f"{label}: too long for an article ({n:,} characters of text; the limit is "
                         f"{MAX_ARTICLE_CHARS:,}); split it into articles")
    return doc


# --------------------------------------------------------------------------- decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[bytes, ...] = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"\x7fELF", b"BZh", b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"RIFF",
    b"SQLite format 3\x00", b"\xd0\xcf\x11\xe0", b"\x00\x00\x01\x00", b"wOFF", b"wOF2",
    b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe",
)

# Byte values that do not occur in text (all C0 controls but \t \n \v \f \r and ESC).
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x1B)) | set(range(0x1C, 0x20)))

_CJK_MULTIBYTE = frozenset({
    "euc_kr", "cp949", "johab", "iso2022_kr", "shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213",
    "euc_jp", "euc_jis_2004", "euc_jisx0213", "iso2022_jp", "gb2312", "gbk", "gb18030", "hz",
    "big5", "big5hkscs", "cp950",
})

_HTML_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.I,
)
_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace").replace("\ufffd", ""), exc.end


codecs.register_error("kg-cp1252", _cp1252_fallback)


def decode_bytes(data: bytes, *, source: str | None = None) -> str:
    """Decode the bytes of a text or HTML file; never raises UnicodeDecodeError.

    Order: byte-order mark (UTF-8/16/32); UTF-16 without BOM (NUL pattern);
    UTF-8; a charset declared in an HTML ``<meta>``; UTF-8 again if only a few
    bytes are not UTF-8 (those are read as cp1252); for mostly-ASCII text
    cp1252 (charset-normalizer is unreliable on a handful of accented letters
    and often answers cp1250 for "Señor"); otherwise charset-normalizer's best
    guess; finally latin-1, which cannot fail.

    Raises InputError ``<source>: empty file`` for empty or whitespace-only data and
    ``<source>: binary file, not an article`` for binary data (NUL bytes, known
    binary signatures, or many control bytes).
    """
    label = source or "<text>"
    if not data or not data.strip():
        raise InputError(f"{label}: empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(enc, errors="replace")
            if not text.strip():
                raise InputError(f"{label}: empty file")
            return text
    if data.startswith(_MAGIC):
        raise InputError(f"{label}: binary file, not an article")
    if b"\x00" in data:
        text16 = _try_utf16_without_bom(data)
        if text16 is None:
            raise InputError(f"{label}: binary file, not an article")
        if not text16.strip():
            raise InputError(f"{label}: empty file")
        return text16
    head = data[:65536]
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    if controls > max(2, len(head) // 50):
        raise InputError(f"{label}: binary file, not an article")

    try:
        return data.decode("utf-8")  # valid UTF-8 wins even over a declared charset (often wrong)
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    # Mostly UTF-8 with a few stray bytes (mixed copy-paste): keep the UTF-8.
    n_multi = len(_UTF8_MULTIBYTE_RE.findall(data))
    if n_multi:
        n_bad = data.decode("utf-8", errors="replace").count("\ufffd")
        if n_bad <= max(1, n_multi // 4):
            return data.decode("utf-8", errors="kg-cp1252")

    guess, guess_enc = _charset_normalizer_guess(data)
    non_ascii = sum(1 for b in data if b >= 0x80)
    if guess is not None and guess_enc in _CJK_MULTIBYTE and _looks_cjk(guess):
        return guess
    if non_ascii <= len(data) * 0.35:
        # Mostly ASCII: a Western page with a few accents and curly quotes.
        try:
            western = data.decode("cp1252")
        except UnicodeDecodeError:
            western = None
        if western is not None and all(ch in _WESTERN_CHARS for ch in western if ord(ch) > 0x7F):
            return western
    if guess is not None and not _has_c1_controls(guess):
        return guess
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _try_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte (for Latin text)."""
    if len(data) < 4:
        return None
    even = data[0::2]
    odd = data[1::2]
    for enc, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros.count(0) >= 0.7 * len(zeros):
            try:
                text = data[: len(data) // 2 * 2].decode(enc)
            except UnicodeDecodeError:
                continue
            bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
            if bad <= len(text) // 50:
                return text
    return None


def _declared_charset(data: bytes) -> str | None:
    m = _HTML_CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2) or b"").decode("ascii", errors="ignore").strip().lower()
    if not name:
        return None
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    # WHATWG: pages labelled latin-1/ascii are decoded as windows-1252.
    if canonical in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    if canonical.startswith("utf-16") or canonical.startswith("utf-32"):
        return None  # a byte-oriented page cannot be UTF-16 (no NULs seen)
    return canonical


def _charset_normalizer_guess(data: bytes) -> tuple[str | None, str | None]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None, None
    try:
        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a guesser must never stop reading
        return None, None
    if best is None:
        return None, None
    try:
        return str(best), best.encoding
    except Exception:  # noqa: BLE001
        return None, None


#: Non-ASCII characters expected in Western (cp1252) text: accented letters and typography.
_WESTERN_CHARS = frozenset(
    [chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)]
    + list("ŒœŠšŽžŸƒ’‘“”„‚–—…€•«»‹›°·©®™§¶¡¿£¥¢\u00a0½¼¾²³¹µ´¨¸ºª†‡‰ˆ˜")
)


def _has_c1_controls(text: str) -> bool:
    return any(0x80 <= ord(ch) <= 0x9F for ch in text)


def _looks_cjk(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 0x7F]
    if not non_ascii:
        return False
    cjk = sum(1 for ch in non_ascii if _is_cjk(ch))
    return cjk >= 4 and cjk >= 0.8 * len(non_ascii)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x1100 <= o <= 0x11FF or 0x3000 <= o <= 0x30FF or 0x3130 <= o <= 0x318F
        or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF
    )


# --------------------------------------------------------------------------- normalization

_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SPACE_RE = re.compile(r"[^\S\n]+")


def _normalize_text(text: str) -> str:
    """NFC, Unix newlines, no zero-width or control characters (other whitespace kept)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = _ZERO_WIDTH_RE.sub("", text)
    return _CONTROL_RE.sub("", text)


def _squash(line: str) -> str:
    """Collapse every run of whitespace (NBSP, thin space, tabs) into one space."""
    return _SPACE_RE.sub(" ", line).strip()


# --------------------------------------------------------------------------- line features

_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CLOSERS = "\"'”’»)]*_"
_SMALL_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs vs. v. with from into "
    "onto over amid than de la del von van der".split()
)
# a list item: a bullet sign, or a letter or number that opens it ("a) ...", "(ii) ...", "3. ...")
_BULLET_RE = re.compile(r"^(?:[-•*·–▪◦]\s+|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s+|\d{1,2}\.\s+(?=[A-Za-z]))")
_ELLIPSIS_END_RE = re.compile(r"(?:\.\.\.|…)[\"'”’)]*$")


def _words(line: str) -> list[str]:
    return line.split()


def _ends_sentence(line: str) -> bool:
    """Ends with . ! ? (possibly inside closing quotes or brackets), not with an ellipsis."""
    if _ELLIPSIS_END_RE.search(line):
        return False
    stripped = line.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in ".!?"


def _ends_with_ellipsis(line: str) -> bool:
    return bool(_ELLIPSIS_END_RE.search(line))


def _is_title_case(words: Sequence[str]) -> bool:
    """Most content words capitalized ("Chile, Argentina Seal Fisheries Deal"); a sentence full
    of names that ends with a full stop and has two lower-case words or more ("Merkel held
    talks with President A B at the Presidential Villa.") is not."""
    content = 0
    caps = 0
    for w in words:
        w = w.lstrip("\"'‘“(['«")
        if not w or not w[0].isalpha():
            continue
        if w.lower().rstrip(",:;") in _SMALL_WORDS:
            continue
        content += 1
        if w[0].isupper():
            caps += 1
    # (a sentence of names with a verb in it: "Malawian President A B and Mozambican President C D
    # met in Lilongwe from 12 to 14 August." is prose, not a headline)
    # (and a short one: "Xi flew on to Apia on Sunday.", a paragraph of wire copy)
    if content - caps >= 1 and words and words[-1].endswith(".") and len(words) >= 5 \
            and not re.search(r"(?:[A-Z]\.){2,}$", words[-1]):   # "... at the U.N.": an abbreviation
        return False
    return content >= 2 and caps >= 0.75 * content


def _is_bullet(line: str) -> bool:
    return bool(_BULLET_RE.match(line))


def _is_headline_like(line: str, words: Sequence[str] | None = None) -> bool:
    """Short (1-20 words), no bullet, no trailing ellipsis; title case or no final . ! ?"""
    words = _words(line) if words is None else words
    if not 1 <= len(words) <= 20 or _is_bullet(line) or _ends_with_ellipsis(line):
        return False
    if not _LATIN_RE.search(line):
        return False
    return _is_title_case(words) or not _ends_sentence(line)


def _is_prose(line: str, words: Sequence[str] | None = None) -> bool:
    """A real paragraph: >= 8 words ending a sentence, or >= 25 words whatever the end."""
    words = _words(line) if words is None else words
    n = len(words)
    if _ends_with_ellipsis(line) and n < 40:
        return False  # a truncated teaser blurb
    if n >= 25:
        # a long line without a sentence end may still be a menu or a row of headlines
        if not _ends_sentence(line) and (_is_title_case(words) or len(_MENU_SEP_RE.findall(line)) >= 3):
            return False
        return True
    # (a sentence that opens a list ends with ":"; an item of it with ";")
    return n >= 8 and (_ends_sentence(line) or line.rstrip()[-1:] in ":;") and not (n <= 20 and _is_title_case(words))


_MENU_SEP_RE = re.compile(r"\s[|•·»›]\s")


def _is_blurb(line: str, words: Sequence[str] | None = None) -> bool:
    """A teaser blurb: a short text cut off with "..." or "…"."""
    words = _words(line) if words is None else words
    return _ends_with_ellipsis(line) and len(words) < 40


# --------------------------------------------------------------------------- clutter rules

def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.replace("\n", "|").split("|") if p.strip())


#: Lines that are only UI vocabulary (compared lower-cased, without trailing : ! » > |).
UI_PHRASES = _phrases(
    """
    share|share this|share this article|share this story|share article|shares|tweet|print|print this|
    email|e-mail|mail|copy link|copy url|link copied|url copied|copy|close|open|menu|main menu|navigation|
    search|search this site|top|back to top|go to top|to top|text size|font size|font|a+|a-|a a a|zoom|
    go to contents|go to content|go to main content|skip to content|skip to main content|skip navigation|
    skip to navigation|jump to content|subscribe|subscribe now|subscription|sign up|sign in|log in|login|
    logout|log out|register|my account|account|my page|advertisement|advertising|ad|ads|sponsored|
    sponsored content|join us on social|follow us|follow us on|check out other tags|most read|
    check out our other content|most popular|most popular articles|popular|popular articles|most viewed|
    most shared|related articles|related stories|related news|related|related content|related topics|
    read more|more|see more|view more|load more|show more|continue reading|read full article|
    read the full article|next|previous|prev|next article|previous article|next story|previous story|
    home|homepage|latest news|latest|trending|trending now|recommended|recommended stories|
    recommended articles|you may also like|you might also like|more from|more stories|more news|
    more articles|top stories|editor's picks|editors' picks|comments|comment|leave a comment|
    view comments|show comments|reply|like|likes|listen|listen to this article|audio|video|photo|photos|
    gallery|facebook|twitter|x|linkedin|whatsapp|telegram|kakaotalk|kakao|kakao story|line|naver|band|
    pinterest|reddit|instagram|youtube|tiktok|rss|newsletter|newsletters|feedback|contact|contact us|
    about|about us|privacy|privacy policy|terms|terms of use|terms of service|cookie settings|
    cookie policy|cookies|accept|accept all|accept cookies|reject all|manage settings|ok|got it|
    translate|translation|bookmark|save|saved|view all|see all|all|close menu|open menu|toggle navigation|
    scroll to top|back|return to top|download|download app|get the app|bar_progress|tags|tag|topics|
    keywords|sections|section|breaking news|breaking|live|exclusive|opinion|editorial|clip|scrap|
    report error|send feedback|correction|reprints|reprint|license|licensing|
    """
)

#: UI phrases after which a page lists other stories: what follows is dropped
#: until a long prose paragraph appears again.
TRAILER_MARKERS = _phrases(
    """
    check out other tags|most popular|check out our other content|popular|most popular articles|
    popular articles|most read|most viewed|most shared|related articles|related stories|related news|
    related|related content|related topics|you may also like|you might also like|more from|more stories|
    more news|more articles|top stories|editor's picks|editors' picks|latest news|latest|trending|
    trending now|recommended|recommended stories|recommended articles|read more|tags|topics|keywords
    """
)

LANGUAGE_NAMES = _phrases(
    """
    english|korean|한국어|日本語|japanese|中文|chinese|简体中文|繁體中文|español|espanol|spanish|français|
    francais|french|deutsch|german|русский|russian|العربية|arabic|português|portuguese|italiano|italian|
    tiếng việt|bahasa indonesia|ไทย|हिन्दी|türkçe|polski|nederlands|한글|eng|kor|jpn|chn|en|ko|ja|zh|es|fr|de|ru
    """
)

_NEWS_AGENCIES = (
    r"Yonhap|AFP|AP|Reuters|EPA|EPA-EFE|News1|Newsis|KCNA|Xinhua|TASS|Sputnik|Getty Images|Bloomberg|"
    r"NurPhoto|Kyodo|Anadolu|Pool|Shutterstock|Imagine China|Korea Times|Korea Herald|Joongang|Chosun"
)

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = (
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2})"
)
_PLACE_DATE_END_RE = re.compile(
    rf"(?:,|\bin)\s*[A-Z][\w'’.\- ]{{1,40}},\s*(?:on\s+)?{_DATE}\.?[\"'”’)]*\s*$|,\s*(?:on\s+)?{_DATE}\.?\s*$"
)
_POSITION_MARKER_RE = re.compile(
    r"\((?:L|R|C|left|right|center|centre|front|back|"
    r"(?:\d(?:st|nd|rd|th)|second|third|fourth|fifth)\s+from\s+(?:left|right)|from\s+left|from\s+right|"
    r"L-R|R-L|l-r|r-l|top|bottom|inset)\)",
)
_CAPTION_MARKER_RES = (
    re.compile(r"\[\s*(?:image|photo|picture|photograph)\s*(?:source|credit|courtesy|by)?\s*[=:]", re.I),
    re.compile(r"\(\s*(?:image|photo|picture|photograph)\s*(?:source|credit|courtesy|by)?\s*[=:]", re.I),
    re.compile(r"(?:^|[\s(\[])photo(?:graph)?\s+(?:by|courtesy\s+of)\b(?:\s+\S+){0,6}\s*$", re.I),
    re.compile(r"^photo(?:graph)?\s+(?:by|courtesy\s+of)\b", re.I),
    re.compile(r"©\s*[A-Z][\w .&/-]{1,40}$"),
    re.compile(r"\(\s*(?:[A-Z][\w.&-]*\s+){0,3}photos?\b[^)]*\)\s*$", re.I),
    re.compile(rf"\s/\s*(?:{_NEWS_AGENCIES})(?:\s+(?:photo|file photo))?\s*$"),
    re.compile(rf"\(\s*(?:{_NEWS_AGENCIES})\s*/\s*(?:{_NEWS_AGENCIES})\s*\)\s*$"),
)
_CAPTION_STRIP_RES = (
    re.compile(r"\s*\[\s*(?:image|photo|picture|photograph)\b[^\]]*\]", re.I),
    re.compile(r"\s*\(\s*(?:image|photo|picture|photograph)\s*(?:source|credit|courtesy|by)?\s*[=:][^)]*\)", re.I),
    re.compile(r"\s*\(\s*(?:[A-Z][\w.&-]*\s+){0,3}photos?\b[^)]*\)\s*$", re.I),
    re.compile(rf"\s*/\s*(?:{_NEWS_AGENCIES})(?:\s+(?:photo|file photo))?\s*$"),
    re.compile(rf"\s*\(\s*(?:{_NEWS_AGENCIES})\s*/\s*(?:{_NEWS_AGENCIES})\s*\)\s*$"),
    re.compile(r"\s*\bphoto(?:graph)?\s+(?:by|courtesy\s+of)\b(?:\s+\S+){0,6}\s*$", re.I),
    re.compile(r"\s*©\s*[A-Z][\w .&/-]{1,40}$"),
    re.compile(r"\s+(?:Exclusive|File photo|Courtesy photo)\.?\s*$"),
)
_COPYRIGHT_RE = re.compile(
    r"\ball rights reserved\b|^\s*©|^copyright\b|^\(c\)\s*\d{4}|unauthori[sz]ed (?:reproduction|redistribution)"
    r"|reproduction .{0,40}prohibited",
    re.I,
)
_POSTED_RE = re.compile(
    r"^(?:posted|updated|published|last updated|last modified|modified|first published|created|"
    r"input|edited|date|release(?:d)?|issued)\b\s*(?:on|at)?\s*:?\s*",
    re.I,
)
_DATE_RE = re.compile(_DATE)
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec am pm a.m. p.m. gmt utc kst jst est edt cet cest bst "
    "pst pdt on at local time st nd rd th".split()
)
_IDENTIFIER_RE = re.compile(r"^[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+$")
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_EMAIL_RE = re.compile(r"\S+@\S+\.\w+")
_BYLINE_RE = re.compile(
    r"^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporter|REPORTER|[Rr]eported by|[Cc]orrespondent)\s+"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\b"
    r"|^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3},?\s+(?:[Ss]taff\s+|[Ss]enior\s+)?"
    r"(?:[Rr]eporter|[Cc]orrespondent|[Ss]taff [Ww]riter|[Ww]riter|[Jj]ournalist)s?"
    r"\s*(?:\(?\S+@\S+\)?)?\s*$"
)
_TAG_LINE_RE = re.compile(r"^(?:tags?|topics?|keywords?|filed under|categories|category)\s*:", re.I)
_COOKIE_RE = re.compile(
    r"\bcookies?\b.*\b(?:accept|consent|policy|settings|use|agree)\b|\b(?:accept|consent)\b.*\bcookies?\b", re.I
)
_NEWSLETTER_RE = re.compile(
    r"\b(?:subscribe|sign up)\b.*\bnewsletter\b|\bnewsletter\b.*\b(?:subscribe|sign up)\b", re.I
)
_HASHTAGS_RE = re.compile(r"^(?:#\S+\s*)+$")
_UI_SPLIT_RE = re.compile(r"\s*[|•·/]\s*|\s{2,}")


def _ui_key(line: str) -> str:
    return line.strip().strip(" :!»›>|#·•").strip().lower()


def _is_ui_line(line: str) -> bool:
    key = _ui_key(line)
    if key in UI_PHRASES:
        return True
    parts = [p for p in _UI_SPLIT_RE.split(key) if p]
    if len(parts) > 1 and all(p.strip(" :!»›>") in UI_PHRASES for p in parts):
        return True
    # "Share Tweet Print": every word a one-word UI phrase
    words = key.split()
    return 1 < len(words) <= 8 and all(w in UI_PHRASES and w not in {"a", "all", "more"} for w in words)


def _is_language_switch(line: str) -> bool:
    parts = [p for p in re.split(r"\s*[|/·•,]\s*|\s+(?=\S)", line.strip().lower()) if p]
    if not parts:
        return False
    # Multi-word names ("bahasa indonesia") are rare; check the whole line too.
    return line.strip().lower() in LANGUAGE_NAMES or all(p.strip("[]()") in LANGUAGE_NAMES for p in parts)


def _is_date_only(line: str) -> bool:
    tokens = re.findall(r"[A-Za-z.]+|\d+", line)
    if not tokens or not any(t.isdigit() for t in tokens):
        return False
    return all(t.isdigit() or t.lower().strip(".") in _DATE_WORDS or t.lower() in _DATE_WORDS for t in tokens)


_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")


def _is_date_stamp(line: str, words: Sequence[str]) -> bool:
    """A short line that is mostly a date and time ("All News 10:21 June 20, 2024")."""
    if len(words) > 8 or _ends_sentence(line):
        return False
    m = _DATE_RE.search(line)
    if not m or not _TIME_RE.search(line):
        return False
    rest = _TIME_RE.sub(" ", line[: m.start()] + " " + line[m.end() :])
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 2


def _is_posted_line(line: str, words: Sequence[str]) -> bool:
    """"Posted March. 3, 2023 18:20", "Updated: 2023-03-04 07:05", "Published 4 March 2023, 09:15"."""
    m = _POSTED_RE.match(line)
    if not m or len(words) > 16 or not re.search(r"\d", line):
        return False
    rest = line[m.end() :]
    if _is_date_only(rest):
        return True
    return bool(_DATE_RE.search(rest)) and len(words) <= 12 and not _ends_sentence(line)


def _clutter_reason(line: str, words: Sequence[str]) -> str | None:
    """Why a line is clutter whatever its neighbours, or None."""
    if not _LATIN_RE.search(line):
        return "no-latin"
    n = len(words)
    if _is_ui_line(line):
        return "ui"
    if (_COPYRIGHT_RE.search(line) and n <= 40) or ("©" in line and n <= 12 and not _is_caption(line, words)):
        return "copyright"
    if _is_posted_line(line, words):
        return "posted"
    if _is_date_only(line) or _is_date_stamp(line, words):
        return "date"
    if n <= 8 and _is_language_switch(line):
        return "language"
    if n == 1 and _IDENTIFIER_RE.match(line):
        return "identifier"
    if n <= 3 and (_URL_RE.match(line) or (_EMAIL_RE.search(line) and n <= 3)):
        return "url"
    if n <= 12 and _BYLINE_RE.match(line) and not _ends_sentence(line):
        return "byline"
    if _TAG_LINE_RE.match(line) and n <= 30:
        return "tags"
    if _HASHTAGS_RE.match(line):
        return "tags"
    if n <= 50 and (_COOKIE_RE.search(line) or _NEWSLETTER_RE.search(line)):
        return "cookie"
    return None


def _is_label(line: str, words: Sequence[str]) -> bool:
    """1-3 capitalized words, no sentence punctuation: a section or agency label."""
    if not 1 <= len(words) <= 3 or re.search(r"[.!?:;,\"“”]", line):
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def _is_caption(line: str, words: Sequence[str]) -> bool:
    if any(r.search(line) for r in _CAPTION_MARKER_RES):
        return True
    if _POSITION_MARKER_RE.search(line):
        if _PLACE_DATE_END_RE.search(line):
            return True
        if not _ends_sentence(line) and len(words) < 60:
            return True
    return False


def _clean_caption(line: str, title: str | None = None) -> str:
    text = line
    if title and text.startswith(title) and len(text) > len(title):
        text = text[len(title) :]
    for _ in range(2):
        for r in _CAPTION_STRIP_RES:
            text = r.sub("", text)
    return _squash(text).strip(" -–—|:")


# --------------------------------------------------------------------------- plain text cleaning


@dataclass
class _Unit:
    text: str
    words: list[str]
    clutter: str | None = None
    para: bool = False  # HTML: a paragraph (<p>, <quote>) of trafilatura's output


def _units(text: str, *, unwrap: bool = True) -> list[_Unit]:
    """Non-empty lines (hard-wrapped paragraphs joined if ``unwrap``), whitespace squashed."""
    text = _normalize_text(text)
    paragraphs = re.split(r"\n[^\S\n]*\n", text)
    lines: list[str] = []
    for para in paragraphs:
        plines = [_squash(x) for x in para.split("\n")]
        plines = [x for x in plines if x]
        if unwrap and _is_hard_wrapped(plines):
            lines.append(" ".join(plines))
        else:
            lines.extend(plines)
    return [_Unit(text=x, words=_words(x)) for x in lines]


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A paragraph wrapped at a fixed width (e.g. 72 columns): join its lines."""
    if len(lines) < 2:
        return False
    head = lines[:-1]
    if any(_is_bullet(x) or not 40 <= len(x) <= 100 for x in head):
        return False
    if any(_is_title_case(_words(x)) for x in head):
        return False
    width = max(len(x) for x in head)
    if any(len(x) < 0.7 * width for x in head):
        return False
    if len(lines[-1]) > width + 15:
        return False   # a last line longer than the width: a heading over its paragraph, not a wrap
    # most wrapped lines stop mid-sentence
    open_ends = sum(1 for x in head if not _ends_sentence(x))
    return open_ends >= max(1, len(head) // 2)


def clean_plain_text(text: str) -> tuple[str | None, tuple[Block, ...]]:
    """Drop the clutter of a plain-text dump of a news page; return (title, blocks).

    Rules (generic; no site-specific strings beyond common UI vocabulary):

    * each non-empty line is a unit (a hard-wrapped paragraph is joined first);
    * clutter, dropped: UI words and phrases (:data:`UI_PHRASES`, also several on
      one line), lines without Latin letters (Hangul-only UI), copyright lines,
      "Posted ..."/"Updated ..." lines and date-only lines (they stay in the raw
      text for the date detector), language-switch lines, identifiers such as
      ``bar_progress``, bare URLs/e-mails, bylines, tag lines, cookie and
      newsletter notices, and labels (1-3 capitalized words, no punctuation)
      that occur on 2+ lines of the page;
    * title: the first headline-like line (title case or no final . ! ?, 2-20
      words; one of 4+ words is preferred, as a site name often comes first)
      before the first paragraph, not a teaser and not in a list after "Most
      Popular ..."; a headline-like line that the page repeats (a glued
      ``<label><title>`` line, or a caption starting with the title) wins, even
      after a short paragraph (a teaser's blurb). Everything before the title
      but captions is dropped (navigation, teasers of other stories);
    * headline-like lines right after the title are subtitles (``headline``);
      later, one followed by a paragraph is a subheading (``headline``);
      two or more in a row are a list of other stories and are dropped;
    * teasers: a headline-like line followed by a short blurb ending in "..."
      or "…" (both dropped); a standalone blurb is dropped too;
    * captions (``caption``): lines with an image credit (``[Image source=...]``,
      ``(Photo: ...)``, a final ``Photo by ...``, ``/ Yonhap``, a final
      ``© Agency``), lines starting with the title (5+ words) followed by
      caption text, and photo descriptions with (L)/(R) markers ending in a
      place and date; the credit and the repeated title are removed;
    * a repeat of the title (alone or glued to a label) is dropped;
    * after "Most Popular Articles", "Related Articles", ... everything is
      dropped until a paragraph of 20+ words appears again;
    * body: prose paragraphs (8+ words ending with . ! ? possibly inside closing
      quotes, or 25+ words unless it is a row of menu items), "- " bullets inside
      the body, and short sentences followed by a paragraph (or last in the body);
    * anything else (short fragments without a sentence end) is dropped.

    If this leaves no body at all (e.g. a single short sentence was given), the
    remaining non-clutter lines are kept as body.
    """
    return _classify(_units(text), known_title=None, mode="text")


# a live report's time stamp on a line of its own ("10:50 a.m.", "14:05 GMT")
_CLOCK_LINE = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?$", re.I)


# a live report's entry heading: "12:35 — Pact signed" (a time, a dash, a few words, no full stop)
_CLOCK_TITLE = re.compile(r"^(?P<clock>\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*[A-Z]{2,4})?)\s*[—–-]+\s*"
                          r"(?P<title>[^.!?]{2,70})$", re.I)


def _join_clock_lines(units: list[_Unit]) -> list[_Unit]:
    """A time stamp alone on its line opens the entry after it: "10:50 a.m. - Trump and ..."."""
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        u = units[i]
        if _CLOCK_LINE.match(u.text) and i + 1 < len(units) and not _CLOCK_LINE.match(units[i + 1].text):
            nxt = units[i + 1]
            text = f"{u.text} - {nxt.text}"
            out.append(_Unit(text=text, words=_words(text), para=nxt.para))
            i += 2
            continue
        titled = _CLOCK_TITLE.match(u.text)
        if titled and i + 1 < len(units) and not _CLOCK_LINE.match(units[i + 1].text) \
                and not _CLOCK_TITLE.match(units[i + 1].text) and len(units[i + 1].words) > len(u.words):
            # "12:35 — Pact signed" over the entry: the heading on its own, the time on the entry
            nxt = units[i + 1]
            text = f"{titled.group('clock')} - {nxt.text}"
            out.append(_Unit(text=titled.group("title"), words=_words(titled.group("title")), para=u.para))
            out.append(_Unit(text=text, words=_words(text), para=nxt.para))
            i += 2
            continue
        out.append(u)
        i += 1
    return out


def _classify(
    units: list[_Unit], *, known_title: str | None, mode: Literal["text", "html"]
) -> tuple[str | None, tuple[Block, ...]]:
    units = _join_clock_lines(units)
    n_units = len(units)
    counts = Counter(u.text for u in units)
    for u in units:
        u.clutter = _clutter_reason(u.text, u.words)
        if u.clutter is None and counts[u.text] >= 2 and _is_label(u.text, u.words):
            u.clutter = "label"

    def live(i: int) -> bool:
        return units[i].clutter is None

    def next_live(i: int, *, skip_captions: bool = False) -> int | None:
        for j in range(i + 1, n_units):
            if not live(j):
                continue
            if skip_captions and _is_caption(units[j].text, units[j].words):
                continue
            return j
        return None

    def is_teaser_head(i: int) -> bool:
        j = next_live(i)
        return j is not None and _is_blurb(units[j].text, units[j].words)

    # ---- title
    title_idx: int | None = None
    title: str | None = None
    if mode == "text":
        title_idx = _find_title(units, live, is_teaser_head)
        title = units[title_idx].text if title_idx is not None else None
    else:
        title = _squash(known_title) if known_title else None

    # ---- walk
    blocks: list[tuple[int, Block]] = []
    state = "pre" if mode == "text" else "post_title"
    if mode == "text" and title_idx is None:
        state = "pre"
    drop: set[int] = set()
    prev_headline_run = False

    def emit(i: int, text: str, section: Section) -> None:
        blocks.append((i, Block(text, section)))

    for i, u in enumerate(units):
        line, words = u.text, u.words
        if u.clutter is not None:
            if u.clutter == "ui" and _ui_key(line) in TRAILER_MARKERS and state == "body":
                state = "trailer"
            continue
        if i in drop:
            continue
        # repeats of the title
        if title and i != title_idx:
            if line == title:
                already = any(b.section == "headline" and b.text == title for _, b in blocks)
                if mode == "html" and not already and state != "body":
                    emit(i, line, "headline")
                continue
            if (
                line.endswith(title) and len(_words(title)) >= 3
                and len(_words(line[: -len(title)])) <= 3 and not _is_caption(line, words)
            ):
                continue
        # captions
        starts_with_title = (
            mode == "text" and title is not None and i != title_idx
            and line.startswith(title) and len(line) > len(title)
            and (len(_words(title)) >= 5 or _is_caption(line, words))
        )
        if starts_with_title or _is_caption(line, words):
            if state == "trailer":
                continue
            cap = _clean_caption(line, title if starts_with_title else None)
            if cap and _LATIN_RE.search(cap) and not _is_ui_line(cap):
                emit(i, cap, "caption")
            continue
        if title_idx is not None and i < title_idx:
            continue  # teasers and navigation before the article's title
        if i == title_idx:
            emit(i, line, "headline")
            state = "post_title"
            continue
        prose = _is_prose(line, words)
        if state == "trailer":
            if prose and len(words) >= 20:
                state = "body"
            else:
                continue
        if _is_blurb(line, words):
            continue
        if _is_headline_like(line, words) and not prose:
            if is_teaser_head(i):
                j = next_live(i)
                if j is not None:
                    drop.add(j)
                continue
            if state == "post_title" and mode == "text":
                emit(i, line, "headline")  # a subtitle
                continue
            if state == "pre":
                continue
            # in the body: a subheading is followed by a paragraph; runs are teaser lists
            j = next_live(i, skip_captions=True)
            nxt_head = j is not None and _is_headline_like(units[j].text, units[j].words) and not _is_prose(
                units[j].text, units[j].words
            )
            nxt_para = j is not None and (_is_prose(units[j].text, units[j].words) or _is_bullet(units[j].text))
            if u.para and (_ends_sentence(line) or prev_headline_run or nxt_head or not nxt_para):
                # HTML: trafilatura kept it as a paragraph: a short sentence in title
                # case, or a line without a full stop, is body, never dropped
                prev_headline_run = False
                emit(i, line, "body")
                state = "body"
                continue
            if prev_headline_run or nxt_head or not nxt_para:
                prev_headline_run = nxt_head
                continue
            emit(i, line, "headline")
            continue
        prev_headline_run = False
        if _is_bullet(line):
            if state in ("body", "post_title") or (mode == "html"):
                emit(i, line, "body")
                state = "body"
            continue
        if prose:
            emit(i, line, "body")
            state = "body"
            continue
        if _ends_sentence(line) and len(words) >= 2:
            # a short sentence: body when it sits in the body (before a paragraph,
            # or last after one); in trafilatura's output, always
            j = next_live(i, skip_captions=True)
            prev_body = bool(blocks) and blocks[-1][1].section == "body"
            nxt_para = j is not None and (_is_prose(units[j].text, units[j].words) or _is_bullet(units[j].text))
            if mode == "html" or nxt_para or (state == "body" and prev_body and j is None):
                emit(i, line, "body")
                state = "body"
            continue
        if u.para:
            emit(i, line, "body")  # HTML: a paragraph of trafilatura's, however short
            state = "body"
            continue
        # anything else (a short fragment with no sentence end) is dropped

    if not any(b.section == "body" for _, b in blocks):
        blocks, title = _fallback_body(units, blocks, title, title_idx, sentences_only=mode == "html")
    return title, tuple(b for _, b in sorted(blocks, key=lambda ib: ib[0]))


def _find_title(
    units: list[_Unit], live: Callable[[int], bool], is_teaser_head: Callable[[int], bool]
) -> int | None:
    """Index of the title line (see clean_plain_text), or None."""
    end = len(units)
    for i, u in enumerate(units):
        if live(i) and _is_prose(u.text, u.words) and len(u.words) >= 30 and not _is_caption(u.text, u.words):
            end = i
            break
    candidates: list[int] = []
    in_list = False
    seen_prose = False
    for i in range(end):
        u = units[i]
        if not live(i):
            if u.clutter == "ui" and _ui_key(u.text) in TRAILER_MARKERS:
                in_list = True
            continue
        if _is_caption(u.text, u.words):
            continue
        if _is_prose(u.text, u.words):
            in_list = False
            seen_prose = True
            continue
        if not _is_headline_like(u.text, u.words) or is_teaser_head(i) or len(u.words) < 2:
            continue
        if _is_repeated(units, i):
            return i
        # After a paragraph, only a repeated headline is taken as the title (the
        # paragraph may be a teaser's blurb); otherwise it would drop body text.
        if not in_list and not seen_prose:
            candidates.append(i)
    # A site name ("Example News Agency") often comes first: prefer a headline of 4+ words.
    long_ones = [i for i in candidates if len(units[i].words) >= 4]
    if long_ones:
        return long_ones[0]
    return candidates[0] if candidates else None


def _is_repeated(units: list[_Unit], i: int) -> bool:
    """Whether the page repeats line ``i``: alone, glued after a short label, or as
    the start of an image caption (pages put the headline in the image's alt text)."""
    t = units[i].text
    n = len(units[i].words)
    if n < 3:
        return False
    for j, u in enumerate(units):
        if j == i:
            continue
        if u.text == t:
            return True
        if u.text.endswith(t) and len(_words(u.text[: -len(t)])) <= 3:
            return True
        if u.text.startswith(t) and (n >= 5 or _is_caption(u.text, u.words)):
            return True
    return False


def _fallback_body(
    units: list[_Unit],
    blocks: list[tuple[int, Block]],
    title: str | None,
    title_idx: int | None,
    *,
    sentences_only: bool,
) -> tuple[list[tuple[int, Block]], str | None]:
    """No paragraph was recognised (e.g. one short sentence): keep the non-clutter lines.

    For HTML (``sentences_only``) only lines ending a sentence are kept: what is
    left of a page without article text is menu words ("Home World").
    """
    used = {i for i, _ in blocks}
    extra = [
        (i, Block(u.text, "body"))
        for i, u in enumerate(units)
        if u.clutter is None and i not in used and (title_idx is None or i > title_idx)
        and not _is_caption(u.text, u.words) and u.text != title
        and (not sentences_only or _ends_sentence(u.text))
    ]
    if extra:
        return blocks + extra, title
    if sentences_only:
        return blocks, title
    heads = [(i, b) for i, b in blocks if b.section == "headline"]
    if heads:
        rest = [(i, b) for i, b in blocks if b.section != "headline"]
        return rest + [(i, Block(b.text, "body")) for i, b in heads], None
    return blocks, title


# --------------------------------------------------------------------------- markdown

_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPH_RE = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def _strip_markdown(text: str) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        if re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", s):
            continue  # an image alone on its line
        s = re.sub(r"^#{1,6}\s+", "", s)
        s = re.sub(r"^>\s?", "", s)
        s = re.sub(r"^[*+]\s+", "- ", s)
        s = _MD_IMAGE_RE.sub(r"\1", s)
        s = _MD_LINK_RE.sub(r"\1", s)
        s = _MD_EMPH_RE.sub(r"\2", s)
        s = s.replace("`", "")
        if re.fullmatch(r"[-*_=]{3,}", s):
            s = ""
        out.append(s)
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML

_HTML_STRONG_RE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b)", re.I | re.S)
_HTML_TAG_RE = re.compile(
    r"<(?:html|head|body|div|p|article|section|main|span|meta|title|h[1-6]|br|a|ul|li)\b[^>]*>", re.I
)
_HTML_CLOSE_RE = re.compile(r"</(?:html|body|div|p|article|section|main|span|title|h[1-6]|a|ul|li)>", re.I)


def _looks_like_html(text: str) -> bool:
    """A full page (doctype / <html>), or text with several common tags and closing tags."""
    head = text[:20000]
    if _HTML_STRONG_RE.match(head):
        return True
    if head.lstrip().startswith("<") and _HTML_TAG_RE.match(head.lstrip()) and _HTML_CLOSE_RE.search(head):
        return True
    return len(_HTML_TAG_RE.findall(head)) >= 3 and bool(_HTML_CLOSE_RE.search(head))


_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul button time".split()
)
_CAPTION_XPATH = (
    ".//figcaption | .//*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    " | .//*[contains(@class, 'wp-caption-text')] | .//*[@itemprop='caption']"
)


def _import_trafilatura():  # type: ignore[no-untyped-def]
    """trafilatura, or MissingComponent naming the package to install (it imports
    ``lxml.html.clean``, a separate package since lxml 5.2: ``lxml_html_clean``)."""
    try:
        import trafilatura
    except ImportError as err:
        raise missing_component(err, "reading HTML") from None
    return trafilatura


def _read_html(text: str, *, source: str | None) -> Document:
    trafilatura = _import_trafilatura()

    label = source or "<text>"
    if not re.search(r"<(?:html|body)\b", text[:20000], re.I):
        text = f"<html><body><div>{text}</div></body></html>"
    try:
        tree = trafilatura.load_html(text)
    except Exception:  # noqa: BLE001 - broken markup must not crash the reader
        tree = None
    url = source if source and re.match(r"https?://", source) else None
    tables = False
    lines = _trafilatura_lines(text, url=url, favor_precision=True)
    if not lines:
        # an old page laid out in a table, the story in one of its cells: read the tables too
        tables = True
        lines = _trafilatura_lines(text, url=url, favor_precision=True, include_tables=True)
    if not lines:
        raise InputError(f"{label}: no article text found in the HTML")
    lines = _fill_gaps(lines, _trafilatura_lines(text, url=url, favor_recall=True, include_tables=tables))
    if tables:
        # the cells before the story (a menu, a poll, a kicker): from its first paragraph on
        first = next((i for i, (x, _) in enumerate(lines) if _is_prose(x)), 0)
        lines = lines[first:]

    title: str | None = None
    html_date: str | None = None
    try:
        meta = trafilatura.extract_metadata(tree if tree is not None else text, extensive=False)
    except Exception:  # noqa: BLE001
        meta = None
    if meta is not None:
        title = _clean_html_title(meta.title, meta.sitename)
        html_date = meta.date or None

    units = [_Unit(text=x, words=_words(x), para=para) for x, para in lines]
    title_out, blocks = _classify(units, known_title=title, mode="html")
    blocks_l = list(blocks)
    if title_out and not any(b.section == "headline" and b.text == title_out for b in blocks_l):
        blocks_l.insert(0, Block(title_out, "headline"))
    if tree is not None:
        blocks_l = _merge_html_captions(tree, blocks_l, title_out)
    if not any(b.section == "body" for b in blocks_l):
        raise InputError(f"{label}: no article text found in the HTML")
    raw = _visible_text(tree) if tree is not None else "\n".join(x for x, _ in lines)
    return Document(title=title_out, blocks=tuple(blocks_l), raw=raw, source=source, html_date=html_date)


def _trafilatura_lines(html: str, *, url: str | None, **options: bool) -> list[tuple[str, bool]]:
    """trafilatura's main text, one paragraph per line (empty if it found none), each
    with whether it is a paragraph (``<p>``, ``<quote>``) rather than a heading or list item.

    The XML output is read rather than the plain-text one: in plain text,
    newlines of the page source inside a paragraph survive and split it,
    while in XML a paragraph is an element and ``<br>`` is ``<lb/>``.
    """
    trafilatura = _import_trafilatura()

    try:
        xml = trafilatura.extract(html, url=url, include_comments=False, output_format="xml",
                                  **{"include_tables": False, **options})
    except Exception:  # noqa: BLE001 - broken markup must not crash the reader
        return []
    if not xml:
        return []
    return _xml_lines(xml)


_SEP = "\ue000"  # private-use characters: not whitespace, not in any page
_SEP_PARA = "\ue001"  # the same, starting a line of a paragraph element
_XML_BLOCKS = frozenset("p head item quote list div main cell row table code section".split())
_XML_PARAS = frozenset({"p", "quote"})


def _xml_lines(xml: str) -> list[tuple[str, bool]]:
    """The lines of trafilatura's XML output, each with whether it is (part of) a paragraph."""
    from lxml import etree

    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=True))
    except (etree.XMLSyntaxError, ValueError):
        return []
    if root is None:
        return []
    main = root.find("main")
    if main is None:
        main = root

    def sep(el: etree._Element | None) -> str:
        """The separator starting a line whose text belongs to ``el`` (its nearest block)."""
        while el is not None and el.tag not in _XML_BLOCKS:
            el = el.getparent()
        return _SEP_PARA if el is not None and el.tag in _XML_PARAS else _SEP

    for el in list(main.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag == "lb":
            el.tail = sep(el.getparent()) + (el.tail or "")
        elif el.tag in _XML_BLOCKS:
            el.text = sep(el) + ("- " if el.tag == "item" else "") + (el.text or "")
            el.tail = sep(el.getparent()) + (el.tail or "")
    text = _normalize_text("".join(main.itertext()))
    parts = re.split(f"([{_SEP}{_SEP_PARA}])", _SEP + text)
    lines = [(_squash(x), marker == _SEP_PARA) for marker, x in zip(parts[1::2], parts[2::2])]
    return [(x, para) for x, para in lines if x and x != "-"]


def _fill_gaps(kept: list[tuple[str, bool]], wide: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Add the paragraphs that trafilatura's precise pass skipped *between* paragraphs it kept.

    With ``favor_precision`` trafilatura drops text that is not inside a <p>
    (e.g. a paragraph that is the tail of a photo <div>, common on Korean news
    sites). Its ``favor_recall`` pass keeps them, but also headers and
    teasers; only prose paragraphs (15+ words ending a sentence) lying between
    two lines of the precise output, in the recall output's order, are taken.
    """
    if not wide:
        return kept
    wide_texts = [x for x, _ in wide]
    known = {x for x, _ in kept}
    where: list[int | None] = []
    last = -1
    for line, _ in kept:
        try:
            last = wide_texts.index(line, last + 1)
            where.append(last)
        except ValueError:
            where.append(None)
    out: list[tuple[str, bool]] = []
    for k, line in enumerate(kept):
        out.append(line)
        here = where[k]
        nxt = next((w for w in where[k + 1 :] if w is not None), None)
        if here is None or nxt is None:
            continue
        for extra in wide_texts[here + 1 : nxt]:
            words = _words(extra)
            if (
                extra not in known and len(words) >= 15 and _ends_sentence(extra) and _is_prose(extra, words)
                and not _is_caption(extra, words) and _clutter_reason(extra, words) is None
            ):
                out.append((extra, True))
                known.add(extra)
    return out


def _clean_html_title(title: str | None, sitename: str | None) -> str | None:
    if not title:
        return None
    t = _squash(title)
    if sitename:
        site = re.escape(_squash(sitename))
        t = re.sub(rf"\s*[|\-–—:·]\s*{site}\s*$", "", t)
        t = re.sub(rf"^{site}\s*[|\-–—:·]\s*", "", t)
    return t or None


def _norm_key(text: str) -> str:
    return _squash(text).lower()


def _merge_html_captions(tree: HtmlElement, blocks: list[Block], title: str | None) -> list[Block]:
    """Add the article's image captions (trafilatura drops <figcaption>) in page order.

    Only captions inside the story are taken: the nearest <article> or <main>
    around the first body paragraph, outside any <aside>, <nav>, <header> or
    <footer> in it. A body block that is in fact a caption is relabelled.
    """
    if not any(b.section == "body" for b in blocks) or not tree.xpath(_CAPTION_XPATH):
        return blocks
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    order = {id(el): k for k, el in enumerate(elements)}
    texts: dict[int, str] = {}

    def text_of(el: HtmlElement) -> str:
        key = id(el)
        if key not in texts:
            try:
                texts[key] = _norm_key(el.text_content())
            except Exception:  # noqa: BLE001
                texts[key] = ""
        return texts[key]

    def locate(text: str, start: int) -> int | None:
        """Doc-order index of the smallest element at/after ``start`` whose text starts with ``text``."""
        full = _norm_key(text)
        for size in (80, 25):
            key = full[:size]
            for el in elements[max(start, 0) :]:
                if el.tag not in _TEXT_TAGS or not text_of(el).startswith(key):
                    continue
                # the first match is the outermost; the tightest one is inside it
                best = (len(text_of(el)), order[id(el)])
                for sub in el.iterdescendants():
                    if isinstance(sub.tag, str) and sub.tag in _TEXT_TAGS:
                        t = text_of(sub)
                        if t.startswith(key) and len(t) < best[0]:
                            best = (len(t), order[id(sub)])
                return best[1]
        return None

    first_body = next(b for b in blocks if b.section == "body")
    anchor_idx = locate(first_body.text, 0)
    if anchor_idx is None:
        return blocks
    anchor = elements[anchor_idx]
    container = next((a for a in anchor.iterancestors() if a.tag in ("article", "main")), None)
    if container is None:
        parent = anchor.getparent()
        container = parent.getparent() if parent is not None and parent.getparent() is not None else parent
    if container is None:
        return blocks

    by_key = {_norm_key(b.text): k for k, b in enumerate(blocks)}
    out = list(blocks)
    captions: list[tuple[int, Block]] = []
    seen: set[str] = set()
    for el in container.xpath(_CAPTION_XPATH):
        if _inside_any(el, container, ("aside", "nav", "footer", "header")):
            continue
        cap = _clean_caption(_squash(el.text_content()), None)
        key = _norm_key(cap)
        if not cap or key in seen or not _LATIN_RE.search(cap) or _is_ui_line(cap):
            continue
        seen.add(key)
        if key in by_key:
            k = by_key[key]
            if out[k].section == "body":
                out[k] = Block(cap, "caption")
            continue
        captions.append((order.get(id(el), len(elements)), Block(cap, "caption")))
    if not captions:
        return out

    positions: list[int] = []
    last = -1
    for k, b in enumerate(out):
        pos = locate(b.text, last + 1)
        if pos is None:
            pos = last
        if k == 0 and b.section == "headline" and b.text == title:
            pos = -1  # the title stays first
        positions.append(pos)
        last = max(last, pos)
    merged = [(p, 0, k, b) for k, (p, b) in enumerate(zip(positions, out))]
    merged += [(p, 1, k, b) for k, (p, b) in enumerate(captions)]
    merged.sort(key=lambda x: (x[0], x[1], x[2]))
    return [b for *_, b in merged]


_TEXT_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre td th dd dt figcaption span section article main font center".split()
)


def _inside_any(el: HtmlElement, container: HtmlElement, tags: tuple[str, ...]) -> bool:
    """Whether ``el`` has an ancestor with one of ``tags`` strictly inside ``container``."""
    for anc in el.iterancestors():
        if anc is container:
            return False
        if anc.tag in tags:
            return True
    return False


def _visible_text(tree: HtmlElement) -> str:
    """The visible text of a page, one block element per line (scripts, styles removed)."""
    tree = copy.deepcopy(tree)
    for el in list(tree.iter("script", "style", "noscript", "template", "svg", "head")):
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        prev = el.getprevious()
        parent.remove(el)
        if tail:
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    try:
        content = tree.text_content()
    except Exception:  # noqa: BLE001
        content = "".join(tree.itertext())
    lines = [_squash(x) for x in _normalize_text(content).split("\n")]
    return "\n".join(x for x in lines if x)


