"""Tests of kg/text.py: reading files, decoding bytes, removing page clutter.

The two fixture pages (tests/articles/clutter_page.{html,txt}) are invented.
The real pages in ../shared/seeds are read at run time (never copied here) and
the tests over them are skipped where that folder is absent.
"""

from __future__ import annotations

import codecs
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text import (
    Block,
    Document,
    clean_plain_text,
    decode_bytes,
    iter_paths,
    read_bytes,
    read_path,
    read_text,
)

HERE = Path(__file__).parent
ARTICLES = HERE / "articles"
CLUTTER_TXT = ARTICLES / "clutter_page.txt"
CLUTTER_HTML = ARTICLES / "clutter_page.html"
SEEDS = Path(os.environ.get("KG_SEEDS_DIR", HERE.parent.parent / "shared" / "seeds"))

UI_WORDS = ["Share", "Tweet", "Print", "Close", "Top", "Text Size", "Go to contents", "Search", "Subscribe", "Email"]


def _blocks(doc: Document, section: str) -> list[str]:
    return [b.text for b in doc.blocks if b.section == section]


# --------------------------------------------------------------------------- the plain-text fixture


@pytest.fixture(scope="module")
def txt_doc() -> Document:
    return read_path(CLUTTER_TXT)


def test_text_txt_title_is_found(txt_doc: Document) -> None:
    assert txt_doc.title == "Chile, Argentina Seal Southern Fisheries Deal"
    assert txt_doc.blocks[0] == Block("Chile, Argentina Seal Southern Fisheries Deal", "headline")


@pytest.mark.parametrize(
    "start",
    [
        "Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023,",
        "The accord sets yearly catch limits for hake and squid",
        "Fishing unions in Ushuaia said the quotas were fair",
    ],
)
def test_text_txt_body_keeps_article_paragraphs(txt_doc: Document, start: str) -> None:
    assert any(b.startswith(start) for b in _blocks(txt_doc, "body"))


def test_text_txt_body_keeps_bullets_in_order(txt_doc: Document) -> None:
    body = _blocks(txt_doc, "body")
    bullets = [b for b in body if b.startswith("- ")]
    assert len(bullets) == 2
    assert body.index(bullets[0]) == body.index(next(b for b in body if b.startswith("The accord"))) + 1


@pytest.mark.parametrize(
    "clutter",
    [
        "Andean Ports", "Dock operators", "Peru and Bolivia", "Titicaca", "Uruguay to Host", "Itaipu",
        "Go to contents", "Text Size", "Join us on social", "All rights reserved", "SurWire Media", "©",
        "Posted", "Updated", "Español", "nav_toggle", "Most Popular", "Check Out", "Image source",
        "DiplomacyChile", "Friday, March 3", "바로가기", "한국어",
    ],
)
def test_text_txt_clutter_reaches_no_block(txt_doc: Document, clutter: str) -> None:
    assert all(clutter not in b.text for b in txt_doc.blocks), clutter


@pytest.mark.parametrize("word", UI_WORDS + ["SurWire"])
def test_text_txt_ui_words_and_labels_are_dropped(txt_doc: Document, word: str) -> None:
    assert all(b.text != word for b in txt_doc.blocks)


def test_text_txt_subtitles_and_subheading_are_headlines(txt_doc: Document) -> None:
    heads = _blocks(txt_doc, "headline")
    assert heads == [
        "Chile, Argentina Seal Southern Fisheries Deal",
        "Shared Hake and Squid Quotas for the Beagle Channel",
        "Joint Patrols to Start in the Southern Winter",
        "Catch Limits and Inspections",
    ]


def test_text_txt_captions_are_captions_without_credit(txt_doc: Document) -> None:
    caps = _blocks(txt_doc, "caption")
    assert len(caps) == 2
    # the caption after a repeat of the headline: headline and credit removed
    assert caps[0].startswith("Crews in Puerto Williams haul nets")
    assert caps[0].endswith("February 20, 2023.")
    # the photo description with (R)/(L) markers ending in place and date
    assert "(R)" in caps[1] and caps[1].endswith("Santiago, March 3, 2023")
    assert all(c not in txt_doc.body_text for c in caps)


def test_text_txt_posted_lines_stay_in_raw(txt_doc: Document) -> None:
    assert "Posted March. 3, 2023 18:20" in txt_doc.raw
    assert "Updated March. 4, 2023 07:05" in txt_doc.raw
    assert "Posted" not in txt_doc.text


def test_text_document_text_joins_all_blocks_in_order(txt_doc: Document) -> None:
    assert txt_doc.text == "\n\n".join(b.text for b in txt_doc.blocks)
    assert txt_doc.body_text == "\n\n".join(b.text for b in txt_doc.blocks if b.section == "body")
    assert txt_doc.text.index("Crews in Puerto Williams") < txt_doc.text.index("The accord sets")
    assert txt_doc.source == str(CLUTTER_TXT) and txt_doc.html_date is None


# --------------------------------------------------------------------------- the HTML fixture


@pytest.fixture(scope="module")
def html_doc() -> Document:
    return read_path(CLUTTER_HTML)


def test_text_html_title_and_date_from_metadata(html_doc: Document) -> None:
    assert html_doc.title == "Chile and Argentina sign fisheries pact in Santiago"
    assert html_doc.html_date == "2023-03-04"
    assert html_doc.blocks[0] == Block(html_doc.title, "headline")


@pytest.mark.parametrize(
    "start",
    [
        "Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023,",
        "Under the accord, inspectors from either country may board",
        "Environmental groups in Punta Arenas welcomed the quotas",
        "The agreement still needs the approval of both legislatures.",
    ],
)
def test_text_html_body_keeps_article_paragraphs(html_doc: Document, start: str) -> None:
    assert any(b.startswith(start) for b in _blocks(html_doc, "body"))


@pytest.mark.parametrize(
    "clutter",
    [
        "cookies", "Accept all", "Skip to content", "Americas", "Peru and Bolivia", "Lake Titicaca",
        "Uruguay to host", "Itaipu", "Quito", "Most read", "newsletter", "morning briefing",
        "All rights reserved", "©", "Privacy policy", "Lucia Ferraro", "Tags:", "Marta Quiroga",
        "Sign in", "The Southern Ledger", "Montevideo", "group photo",
    ],
)
def test_text_html_clutter_reaches_no_block(html_doc: Document, clutter: str) -> None:
    assert all(clutter not in b.text for b in html_doc.blocks), clutter


@pytest.mark.parametrize("word", UI_WORDS)
def test_text_html_ui_words_are_dropped(html_doc: Document, word: str) -> None:
    assert all(b.text != word and not b.text.startswith(word + " ") for b in html_doc.blocks)


def test_text_html_subheading_is_a_headline(html_doc: Document) -> None:
    assert _blocks(html_doc, "headline") == [html_doc.title, "Patrols and enforcement"]


def test_text_html_figcaption_is_a_caption(html_doc: Document) -> None:
    caps = _blocks(html_doc, "caption")
    assert caps == ["Fishing crews unload hake at the port of Puerto Montt, southern Chile, on February 12, 2023."]
    assert "February 12" not in html_doc.body_text
    # in page order: the lead photo comes before the first paragraph
    sections = [b.section for b in html_doc.blocks]
    assert sections.index("caption") < sections.index("body")


def test_text_html_raw_keeps_the_byline_date(html_doc: Document) -> None:
    assert "Published 4 March 2023" in html_doc.raw
    assert "<p" not in html_doc.raw


_TAIL_PAGE = """<html><head><title>Fisheries deal - Wire</title></head><body>
<div class="nav"><button>Text Size</button> <button>Close</button></div>
<h1>Chile and Argentina seal fisheries deal</h1><p class="date">Posted March. 3, 2023 18:20</p>
<div class="article" id="txt_area">
<div class="photo"><img src="x.jpg" alt=""><p class="txt">Crews haul nets onto a trawler at the naval pier on
February 20, 2023. [Image source=Wire]</p></div>
Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023, ending more than a year of talks
over the cold waters that both countries fish south of Tierra del Fuego.<br><br>
<strong>Limits and inspections</strong><br><br>
The accord sets yearly catch limits for hake and squid and creates a common inspection zone around the eastern
mouth of the channel, officials from both delegations said.<br><br>
Fishing unions in Ushuaia said the quotas were fair but asked for money to pay for the patrols planned for June.
<br><br><p class="copyright">&copy; Wire Media. All rights reserved.</p></div>
<div class="popular"><h3>Most Popular Articles</h3><ul><li><a>Peru and Bolivia renew water treaty</a></li></ul></div>
</body></html>"""


_GAP_PAGE = """<html><head><title>Chile, Argentina Seal Southern Fisheries Deal - SurWire</title>
<meta property="og:site_name" content="SurWire"><meta name="article:published_time" content="2023-03-03T18:20:00+09:00"></head>
<body><div id="gnb"><a href="#">본문 바로가기</a> <span class="bar_progress"></span> <button>Text Size</button> <button>Close</button></div>
<div class="area_title"><h1>Chile, Argentina Seal Southern Fisheries Deal</h1><p class="subtitle">Shared Hake and Squid Quotas for the Beagle Channel<br>Joint Patrols to Start in the Southern Winter</p>
<p class="date">Posted March. 3, 2023 18:20</p></div>
<div class="article fb-quotes" id="txt_area">
<div class="photo"><img src="x.jpg" alt="Chile, Argentina Seal Southern Fisheries Deal"><p class="txt">Crews in Puerto Williams haul nets onto a trawler moored at the naval pier on February 20, 2023. [Image source=SurWire]</p></div>
Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023, ending more than a year of negotiations over the cold waters that both countries fish south of Tierra del Fuego. Chilean Foreign Minister Ana Velasco and her Argentine counterpart Tomas Rivas signed the document at the foreign ministry, according to officials from both delegations.<br><br>
<strong>Catch Limits and Inspections</strong><br><br>
The accord sets yearly catch limits for hake and squid and creates a common inspection zone around the eastern mouth of the channel. Velasco told reporters that the text replaces an informal understanding from 2009, which neither parliament had ever approved.<br><br>
Fishing unions in Ushuaia said the quotas were fair but asked for money to pay for the patrols. Rivas said the first joint patrol is planned for June, and added that both governments would send the agreement to their legislatures within weeks.<br><br>
<p class="copyright">© SurWire Media (www.surwire.example). All rights reserved.</p>
</div>
<div class="sns">Join us on social!</div>
<div class="popular"><h3>Most Popular Articles</h3><ul><li><a>Peru and Bolivia Renew Titicaca Water Treaty</a></li><li><a>Uruguay to Host Mercosur Summit on European Trade</a></li></ul></div>
</body></html>"""  # noqa: E501


@pytest.mark.parametrize("page", [_TAIL_PAGE, _GAP_PAGE], ids=["source-newlines", "precise-pass-gap"])
def test_text_html_paragraph_outside_p_is_kept(page: str) -> None:
    # A paragraph that is the tail text of a photo <div>: trafilatura keeps it
    # in its precise pass or only in its recall pass (then it is added back,
    # being between two kept lines), and in plain-text output the page
    # source's newlines split it; it must come out as one body paragraph.
    doc = read_text(page, source="tail.html")
    body = _blocks(doc, "body")
    assert len(body) == 3
    assert body[0].startswith("Chile and Argentina signed a fisheries agreement")
    caps = _blocks(doc, "caption")
    assert len(caps) == 1 and caps[0].startswith("Crews ") and caps[0].endswith("on February 20, 2023.")
    assert all("Peru" not in b.text and "rights reserved" not in b.text for b in doc.blocks)
    assert "Posted March. 3, 2023 18:20" in doc.raw


# Invented pages of short paragraphs: kg's line rules (title case = a headline, a line
# without a full stop = a fragment) must not drop what trafilatura keeps as a <p>.
_SHORT_PAGES = {
    "two-sentences": """<html><head><title>Lepik in Riga</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Lepik in Riga</h1>
<p>Kadri Lepik visited Riga.</p>
<p>Andris Ozols met her.</p>
</article><footer>&copy; 2021 Baltic Wire. All rights reserved.</footer></body></html>""",
    "title-case-and-no-stop": """<html><head><title>Baltic Wire</title></head><body><article>
<p>Kadri Lepik Visited Riga on 3 March 2021.</p>
<p>Andris Ozols met her at the castle</p>
<p>Estonia and Latvia signed the Gulf of Riga Accord on 4 March 2021, officials said.</p>
<p>The Talks Went Well, Lepik Said.</p>
</article></body></html>""",
}


@pytest.mark.parametrize("name", sorted(_SHORT_PAGES))
def test_text_html_short_paragraphs_are_all_kept(name: str) -> None:
    import trafilatura
    from lxml import etree

    page = _SHORT_PAGES[name]
    doc = read_text(page, source=f"{name}.html")
    kept = {b.text for b in doc.blocks}
    # the <p> of trafilatura's own output (kg reads its precise pass)
    xml = trafilatura.extract(page, output_format="xml", favor_precision=True)
    paragraphs = [" ".join(p.itertext()).strip() for p in etree.fromstring(xml.encode()).iter("p")]
    assert len(paragraphs) >= 2
    for para in paragraphs:
        assert para in kept, f"trafilatura keeps {para!r}, kg dropped it"
    body = _blocks(doc, "body")
    assert "Kadri Lepik visited Riga." in body or "Kadri Lepik Visited Riga on 3 March 2021." in body
    assert all("Home" not in b and "rights reserved" not in b for b in kept)


def test_text_html_subheading_inside_p_stays_a_headline() -> None:
    # trafilatura puts "<strong>Catch limits</strong><br><br>" text in a <p>: a subheading,
    # kept (as a headline), as is the short sentence after it
    page = """<html><head><title>Fisheries deal</title></head><body><article>
<p>Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023, ending a year of talks.</p>
<p><strong>Catch Limits and Inspections</strong></p>
<p>The accord sets yearly catch limits for hake and squid and creates a common inspection zone.</p>
<p>Both Parliaments Must Approve It.</p>
</article></body></html>"""
    doc = read_text(page, source="sub.html")
    assert "Catch Limits and Inspections" in _blocks(doc, "headline")
    assert _blocks(doc, "body")[-1] == "Both Parliaments Must Approve It."


def test_text_html_without_article_text_raises(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        "<footer>&copy; 2024 Example</footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"empty\.html: no article text found in the HTML"):
        read_path(page)


_SENTENCE = "Chile and Argentina signed a fisheries agreement in Santiago on Friday."


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        (f"<!DOCTYPE html><html><body><article><p>{_SENTENCE}</p></article></body></html>", True),
        (f"<p>{_SENTENCE}</p>", True),
        (_SENTENCE, False),
        ("The ratio a < b and c > d holds in the model, analysts said on Friday.", False),
    ],
)
def test_text_read_text_sniffs_html(text: str, is_html: bool) -> None:
    doc = read_text(text)
    assert ("<" in doc.text) is (not is_html and "<" in text)
    assert doc.body_text.endswith("on Friday.")


# --------------------------------------------------------------------------- encodings, binary, empty

_SENOR = "Señor ’quote’ said the minister in Santiago."
_PENA = "Señor Peña visited the café in Mérida."
_CYRILLIC = "Путин посетил Пхеньян в июне."


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("utf8", _SENOR.encode("utf-8"), _SENOR, id="utf8"),
        pytest.param("utf8-bom", codecs.BOM_UTF8 + _SENOR.encode("utf-8"), _SENOR, id="utf8-bom"),
        pytest.param("utf16-bom", _SENOR.encode("utf-16"), _SENOR, id="utf16-bom"),
        pytest.param("utf16be-bom", codecs.BOM_UTF16_BE + _SENOR.encode("utf-16-be"), _SENOR, id="utf16be-bom"),
        pytest.param("utf16le-no-bom", _SENOR.encode("utf-16-le"), _SENOR, id="utf16le-no-bom"),
        pytest.param("utf32-bom", _SENOR.encode("utf-32"), _SENOR, id="utf32-bom"),
        pytest.param("cp1252-short", "Señor ’quote’".encode("cp1252"), "Señor ’quote’", id="cp1252-short"),
        pytest.param("cp1252", _SENOR.encode("cp1252"), _SENOR, id="cp1252"),
        pytest.param("latin1", _PENA.encode("latin-1"), _PENA, id="latin1"),
        pytest.param("mixed-utf8-cp1252", _SENOR.encode("utf-8") + b" Caf\xe9.", _SENOR + " Café.", id="mixed"),
        pytest.param("cp1251", _CYRILLIC.encode("cp1251"), _CYRILLIC, id="cp1251"),
    ],
)
def test_text_decode_bytes_reads_encodings(name: str, data: bytes, expected: str) -> None:
    assert decode_bytes(data, source=name) == expected


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + _SENOR.encode("utf-8"),
        _SENOR.encode("utf-16"),
        _SENOR.encode("cp1252"),
        "Señor Peña visited the café in Mérida on Monday.".encode("latin-1"),
    ],
    ids=["utf8-bom", "utf16-bom", "cp1252", "latin1"],
)
def test_text_read_bytes_gives_readable_text(data: bytes) -> None:
    doc = read_bytes(data, source="x.txt")
    assert "Señor" in doc.text and "\ufffd" not in doc.text and "\ufeff" not in doc.text


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n" + bytes(range(200)),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04" + b"\x14\x00" * 20,
        b"some text\x00with a NUL byte in the middle of it",
        bytes([0x01, 0x02, 0x03, 0x1C, 0x1D, 0x1E] * 100),
    ],
    ids=["all-bytes", "png", "pdf", "zip", "nul", "controls"],
)
def test_text_binary_bytes_raise(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^photo\.txt: binary file, not an article$"):
        read_bytes(data, source="photo.txt")


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t\r\n ", codecs.BOM_UTF8, "  \n ".encode("utf-16")])
def test_text_empty_bytes_raise(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^a\.txt: empty file$"):
        read_bytes(data, source="a.txt")


@pytest.mark.parametrize("content", [b"", b"\n\n   \n"])
def test_text_empty_file_raises(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "blank.txt"
    f.write_bytes(content)
    with pytest.raises(InputError, match=r"blank\.txt: empty file"):
        read_path(f)


def test_text_binary_file_raises(tmp_path: Path) -> None:
    f = tmp_path / "image.html"
    f.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    with pytest.raises(InputError, match=r"image\.html: binary file, not an article"):
        read_path(f)


def test_text_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_path(tmp_path / "nope.txt")


def test_text_clutter_only_text_raises() -> None:
    with pytest.raises(InputError, match="no article text found"):
        read_text("Share\nTweet\nTop\n© 2024 Example. All rights reserved.", source="page.txt")


# --------------------------------------------------------------------------- paths


def test_text_iter_paths_lists_only_article_files(tmp_path: Path) -> None:
    for name in ["b.html", "a.txt", "c.htm", "d.md", "e.pdf", "f.json", ".hidden.txt", "README", "Z.TXT"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "g.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "h.txt").write_text("x", encoding="utf-8")
    got = iter_paths([str(tmp_path)])
    listed = [p.relative_to(tmp_path).as_posix() for p in got]
    assert listed == ["Z.TXT", "a.txt", "b.html", "c.htm", "d.md", "sub/g.txt"]


def test_text_iter_paths_keeps_explicit_files_and_stdin(tmp_path: Path) -> None:
    f = tmp_path / "notes.xml"
    f.write_text("x", encoding="utf-8")
    assert iter_paths([str(f), "-", str(f)]) == [f, Path("-")]


@pytest.mark.parametrize("which", ["missing", "empty-folder"])
def test_text_iter_paths_raises_on_missing_or_empty(tmp_path: Path, which: str) -> None:
    target = tmp_path / "gone.txt"
    if which == "empty-folder":
        target = tmp_path / "empty"
        target.mkdir()
    with pytest.raises(InputError, match=re.escape(str(target))):
        iter_paths([str(target)])


def test_text_read_path_dispatches_on_extension(tmp_path: Path) -> None:
    sentence = "<p>Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023.</p>"
    as_txt = tmp_path / "a.txt"
    as_txt.write_text("Plain: " + sentence, encoding="utf-8")
    as_html = tmp_path / "a.htm"
    as_html.write_text(sentence, encoding="utf-8")
    assert "<p>" in read_path(as_txt).body_text
    assert read_path(as_html).body_text.startswith("Chile and Argentina signed")


def test_text_read_path_markdown(tmp_path: Path) -> None:
    f = tmp_path / "story.md"
    f.write_text(
        "# Fisheries pact signed\n\n![ships](ships.png)\n\n"
        "**Chile** and [Argentina](https://example.org) signed a fisheries agreement in Santiago on March 3, 2023.\n",
        encoding="utf-8",
    )
    doc = read_path(f)
    assert doc.title == "Fisheries pact signed"
    assert doc.body_text == "Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023."


# --------------------------------------------------------------------------- individual rules


def test_text_block_rejects_unknown_section() -> None:
    with pytest.raises(ValueError):
        Block("x", "footer")  # type: ignore[arg-type]


def test_text_single_short_sentence_is_kept_as_body() -> None:
    doc = read_text("Putin visited Pyongyang.")
    assert doc.blocks == (Block("Putin visited Pyongyang.", "body"),)


def test_text_teaser_before_title_is_dropped() -> None:
    page = "\n\n".join([
        "Ministers Meet in Lima on Mining Rules",
        "Officials from four countries gathered to discuss...",
        "Chile and Argentina Sign Fisheries Accord",
        "Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023, "
        "after more than a year of talks between their foreign ministries on quotas.",
    ])
    title, blocks = clean_plain_text(page)
    assert title == "Chile and Argentina Sign Fisheries Accord"
    assert [b.section for b in blocks] == ["headline", "body"]


def test_text_repeated_title_wins_over_earlier_teaser_story() -> None:
    story = "Uruguay Hosts Trade Summit"
    page = "\n\n".join([
        "Peru Renews Water Treaty With Bolivia",
        "The two governments renewed the treaty on Monday.",
        story,
        "WorldDesk" + story,
        "Uruguay hosted a regional trade summit in Montevideo on Tuesday, bringing together the "
        "leaders of its neighbours for two days of talks on tariffs and transport links.",
    ])
    title, blocks = clean_plain_text(page)
    assert title == story
    assert [b.text for b in blocks if b.section == "body"] == [page.split("\n\n")[-1]]
    assert all("Peru" not in b.text and "WorldDesk" not in b.text for b in blocks)


def test_text_list_of_headlines_after_body_is_dropped() -> None:
    para = ("Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023, after more "
            "than a year of talks between their foreign ministries.")
    page = "\n".join([para, "Peru and Bolivia Renew Water Treaty", "Mercosur Leaders Meet in Montevideo",
                      "Colombia Hosts Border Summit", "Top"])
    _, blocks = clean_plain_text(page)
    assert blocks == (Block(para, "body"),)


@pytest.mark.parametrize(
    "line",
    [
        "Delegates arrive for the talks in Santiago. [Image source=Example Agency]",
        "Delegates arrive for the talks in Santiago. (Photo: Jane Roe)",
        "Delegates arrive for the talks in Santiago. Photo by Jane Roe",
        "Delegates arrive for the talks in Santiago / Yonhap",
        "Minister A (L) greets Minister B (R) before the talks, Santiago, March 3, 2023",
    ],
)
def test_text_caption_lines_are_captions(line: str) -> None:
    para = ("Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023, after more "
            "than a year of talks between their foreign ministries.")
    _, blocks = clean_plain_text(para + "\n\n" + line + "\n\n" + para)
    caps = [b.text for b in blocks if b.section == "caption"]
    assert len(caps) == 1
    assert caps[0].startswith(line[:20])
    assert not re.search(r"Image source|Photo:|Photo by|Yonhap", caps[0])


_PARA = (
    "Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023, after more "
    "than a year of talks between their foreign ministries."
)


@pytest.mark.parametrize(
    "line",
    [
        "Posted March. 3, 2023 18:20,",
        "Updated: 2023-03-04 07:05",
        "Published 4 March 2023, 09:15",
        "Posted by Jane Roe on March 3, 2023",
        "Wire Service 10:21 March 3, 2023",
        "Friday, March 3, 2023",
        "By Jane Roe",
        "Jane Roe, Staff Reporter",
        "Reporter Kim Min-ji",
        "jane.roe@example.org",
        "https://example.org/story/123",
        "© 2023 Example Media. All rights reserved.",
        "Copyright 2023 Example Media",
        "Unauthorized reproduction and redistribution prohibited",
        "English | 한국어 | Español",
        "Share | Tweet | Print",
        "Tags: fisheries, Chile",
        "#fisheries #Chile",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Subscribe to our newsletter for daily updates from the region.",
        "Home | World | Politics | Business | Tech | Science | Health | Sports | Culture | Travel | Opinion | "
        "Video | Podcasts | Newsletters | Events | Jobs | Weather | Games | Shop | About | Contact",
    ],
)
def test_text_clutter_line_between_paragraphs_is_dropped(line: str) -> None:
    _, blocks = clean_plain_text("\n\n".join([_PARA, line, _PARA]))
    assert blocks == (Block(_PARA, "body"), Block(_PARA, "body"))


@pytest.mark.parametrize(
    "line",
    [
        "Updated figures released on March 3, 2023 showed that the catch had grown.",
        "Input from fishing unions was collected in 2022 and shared with both ministries.",
        "A photo by the coast guard showed a trawler inside the closed zone, officials said on Friday.",
        "By contrast, the previous memorandum of 2009 had never been ratified by either congress.",
    ],
)
def test_text_prose_that_resembles_clutter_is_body(line: str) -> None:
    _, blocks = clean_plain_text("\n\n".join([_PARA, line, _PARA]))
    assert [b.section for b in blocks] == ["body", "body", "body"]


def test_text_site_name_and_date_stamp_are_not_the_title() -> None:
    page = "\n".join([
        "Southern Wire Service",
        "Skip to main content",
        "DIPLOMACY",
        "Chile, Argentina sign pact on southern fisheries",
        "All News 10:21 March 3, 2023",
        "",
        _PARA,
    ])
    title, blocks = clean_plain_text(page)
    assert title == "Chile, Argentina sign pact on southern fisheries"
    assert blocks == (Block(title, "headline"), Block(_PARA, "body"))


def test_text_related_list_inside_body_is_skipped() -> None:
    later = ("Officials in Santiago said they would publish the full text of the agreement next week and "
             "brief the fishing unions before the first patrol.")
    page = "\n\n".join([_PARA, "Related Articles", "Peru and Bolivia Renew Water Treaty",
                         "Lima hosts regional mining talks...", later])
    _, blocks = clean_plain_text(page)
    assert blocks == (Block(_PARA, "body"), Block(later, "body"))


def test_text_caption_with_copyright_credit_is_a_caption() -> None:
    line = "Ministers shake hands after the signing in Santiago on March 3, 2023. © Example Agency"
    _, blocks = clean_plain_text("\n\n".join([_PARA, line, _PARA]))
    assert blocks[1] == Block("Ministers shake hands after the signing in Santiago on March 3, 2023.", "caption")


def test_text_hard_wrapped_paragraph_is_joined() -> None:
    para = ("Chile and Argentina signed a fisheries agreement in Santiago on\n"
            "March 3, 2023, after more than a year of talks between the two\n"
            "foreign ministries about quotas for hake and squid in the south.")
    _, blocks = clean_plain_text(para)
    assert blocks == (Block(para.replace("\n", " "), "body"),)


def test_text_a_heading_over_its_paragraph_is_not_a_wrapped_line() -> None:
    # a roundup's heading on the line right above its paragraph (no blank line between them)
    heading = "Lima: a quiet week on the border, and two ministers in town"
    para = ("The foreign ministers of Peru and Ecuador met in Lima on Tuesday to review the demarcation "
            "of the last stretch of their border, officials said, and agreed to meet again in March.")
    _, blocks = clean_plain_text("\n\n".join([_PARA, heading + "\n" + para, _PARA]))
    assert Block(heading, "headline") in blocks and Block(para, "body") in blocks, blocks


def test_text_short_sentence_between_paragraphs_is_body() -> None:
    para = ("Chile and Argentina signed a fisheries agreement in Santiago on March 3, 2023, after more "
            "than a year of talks between their foreign ministries.")
    _, blocks = clean_plain_text("\n\n".join([para, "Both sides declined to comment.", para]))
    assert [b.section for b in blocks] == ["body", "body", "body"]


# --------------------------------------------------------------------------- never crash

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a test extra
    given = None  # type: ignore[assignment]

if given is not None:
    _PAGE_ALPHABET = st.sampled_from(
        list("abc XYZ.,!?…\"“”’'-•|©()[]=:/\n\t한국어0123456789<>p") + ["\n\n", "Share", "(L)"]
    )

    @settings(max_examples=150, deadline=None)
    @given(st.binary(max_size=400))
    def test_text_read_bytes_never_crashes(data: bytes) -> None:
        try:
            doc = read_bytes(data, source="fuzz")
        except InputError:
            return
        assert doc.blocks and all(b.text.strip() for b in doc.blocks)

    @settings(max_examples=150, deadline=None)
    @given(st.lists(_PAGE_ALPHABET, max_size=300).map("".join))
    def test_text_clean_plain_text_never_crashes(text: str) -> None:
        title, blocks = clean_plain_text(text)
        assert all(b.text == b.text.strip() and b.text for b in blocks)
        assert title is None or any(b.text == title for b in blocks) or not blocks


# --------------------------------------------------------------------------- the real seed pages

_SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
_SEED_PARAMS = [pytest.param(p, id=p.stem) for p in _SEED_FILES] or [
    pytest.param(None, marks=pytest.mark.skip(reason=f"seed folder {SEEDS} is absent (set KG_SEEDS_DIR)"))
]
_END_RE = re.compile(r"[.!?][\"'”’)\]]*$")


def _prose_paragraphs(raw: str) -> list[str]:
    """The page's prose paragraphs: lines of 8+ words ending a sentence, not a credit line."""
    out = []
    for line in raw.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= 8 and _END_RE.search(line) and not re.search(
            r"All rights reserved|Image source", line
        ):
            out.append(line)
    return out


@pytest.mark.seeds
@pytest.mark.parametrize("path", _SEED_PARAMS)
def test_text_seed_page_is_cleaned(path: Path) -> None:
    doc = read_path(path)
    for line in doc.text.splitlines():
        for bad in ("All rights reserved", "Image source", "Go to contents", "Check Out Our Other Content"):
            assert bad not in line, (bad, line[:80])
    assert doc.body_text


@pytest.mark.seeds
@pytest.mark.parametrize("path", _SEED_PARAMS)
def test_text_seed_body_keeps_prose(path: Path) -> None:
    doc = read_path(path)
    prose = Counter(w for p in _prose_paragraphs(doc.raw) for w in p.split())
    body = Counter(doc.body_text.split())
    kept = sum(min(n, body[w]) for w, n in prose.items())
    total = sum(prose.values())
    assert total and kept / total >= 0.7, f"kept {kept}/{total} words of the prose"


@pytest.mark.seeds
@pytest.mark.parametrize("path", _SEED_PARAMS)
def test_text_seed_ui_lines_are_not_blocks(path: Path) -> None:
    doc = read_path(path)
    for b in doc.blocks:
        assert b.text not in UI_WORDS
        assert re.search(r"[A-Za-z]", b.text)
        assert not re.match(r"(Posted|Updated)\b", b.text)
    assert doc.title is None or len(doc.title.split()) >= 2


def test_text_a_short_paragraph_full_of_names_is_body_not_a_headline() -> None:
    doc = read_text("Border visit\n\nThe prime minister arrived in the capital on Monday.\n\n"
                    "Kristersson held talks with President Alar Karis at Kadriorg Palace.\n\n"
                    "Estonia, Latvia and Lithuania Sign Grid Deal at the U.N.\n")
    sections = {b.text: b.section for b in doc.blocks}
    assert sections["Kristersson held talks with President Alar Karis at Kadriorg Palace."] == "body"
    # a title-case line is still a headline, also when it ends with an abbreviation's full stop
    assert sections.get("Estonia, Latvia and Lithuania Sign Grid Deal at the U.N.", "headline") == "headline"


def test_text_txt_keeps_a_lettered_list_and_the_sentence_that_opens_it() -> None:
    text = """Ministers sign three accords

The two foreign ministers signed the following documents at the close of their annual talks in the capital:

a) the Agreement on Visa Exemption for Holders of Diplomatic Passports, signed for the two governments by the foreign ministers;

(ii) a Protocol on Consular Cooperation Between the Two Ministries of Foreign Affairs and Their Embassies Abroad;

3. the Memorandum on Cultural Exchanges Between the National Museums of Both Countries for 2024 and 2025.

Both ministers said the documents would come into force within a year."""
    body = [b.text for b in read_text(text).blocks if b.section == "body"]
    assert any(b.startswith("The two foreign ministers signed the following") for b in body), body
    assert any(b.startswith("a) the Agreement on Visa Exemption") for b in body), body
    assert any(b.startswith("(ii) a Protocol on Consular") for b in body), body
    assert any(b.startswith("3. the Memorandum on Cultural") for b in body), body


def test_text_html_story_inside_a_table_layout_is_read() -> None:
    html = """<html><head><title>Border talks resume - Valley Gazette</title></head><body>
<table width="100%"><tr><td><a href="/">Front page</a> | <a href="/intl/">Abroad</a> | <a href="/games/">Games</a></td></tr></table>
<table width="760"><tr>
<td width="160" class="nav"><p><b>ARCHIVE</b></p><p><a href="/a/1">Day 1</a><br><a href="/a/2">Day 2</a></p></td>
<td class="story">
<h1>Border talks resume</h1>
<p>The foreign ministers of the two neighbouring states resumed talks on their disputed river border on Monday, after a pause of almost three years.</p>
<p>Officials on both sides said a first map of the disputed islands could be agreed before the end of the year.</p>
</td></tr></table>
<p class="footer">Copyright 1999 Valley Gazette. All rights reserved.</p>
</body></html>"""
    doc = read_text(html, html=True)
    body = [b.text for b in doc.blocks if b.section == "body"]
    assert body and body[0].startswith("The foreign ministers of the two neighbouring states"), body
    assert any(b.startswith("Officials on both sides said") for b in body), body
    assert not any(b in ("ARCHIVE", "Day 1", "Day 2") for b in body), body


def test_text_a_time_stamp_on_its_own_line_opens_the_entry_after_it() -> None:
    text = """Live: leaders meet in Ottawa

14:05 GMT

The two prime ministers have finished their talks in the prime minister's office and are heading to a joint news conference.

13:20

Security is tight around Parliament Hill, where several hundred protesters have gathered since the morning."""
    body = [b.text for b in read_text(text).blocks if b.section == "body"]
    assert body[0].startswith("14:05 GMT - The two prime ministers have finished"), body
    assert body[1].startswith("13:20 - Security is tight"), body


def test_text_a_last_paragraph_full_of_names_is_kept() -> None:
    text = """Week of talks

LIMA, May 3 (Wire) - Trade ministers of the Pacific Alliance met in Lima on Monday to review tariffs on farm goods.

Chilean President Gabriel Boric and Peruvian President Dina Boluarte met in Arica from 1 to 2 May."""
    body = [b.text for b in read_text(text).blocks if b.section == "body"]
    assert any(b.startswith("Chilean President Gabriel Boric and Peruvian") for b in body), body
