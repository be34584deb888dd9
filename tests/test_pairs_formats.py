"""Every bilingual format, rendered from the real article and curated glossary.

TMX and XLIFF are read back with translate-toolkit (an independent reader, as CAT tools
would), the HTML page is opened in a real headless browser where one is installed.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from glossar.bilingual import BilingualDocument, MtInfo, load_bundled_article, pair_document
from glossar.bilingual.render import html as pairs_html
from glossar.bilingual.render import json as pairs_json
from glossar.bilingual.render import markdown as pairs_markdown
from glossar.bilingual.render import terminal as pairs_terminal
from glossar.bilingual.render import tmx as pairs_tmx
from glossar.bilingual.render import xliff as pairs_xliff

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def doc(curated_glossary) -> BilingualDocument:  # type: ignore[no-untyped-def]
    return pair_document(load_bundled_article(), glossary=curated_glossary, translate=False)


@pytest.fixture(scope="module")
def doc_mt(curated_glossary) -> BilingualDocument:  # type: ignore[no-untyped-def]
    """The article with an MT column (a stand-in: upper-cased reference, clearly not it)."""
    d = pair_document(load_bundled_article(), glossary=curated_glossary, translate=False)
    d.mt = MtInfo("argos", "translate-de_en-test", "1.0")
    d.mt_status = "ok"
    for p in d.pairs:
        p.en_mt = f"MT {p.en_ref.upper()}"
    return d


@pytest.fixture(scope="module")
def hostile(curated_glossary) -> BilingualDocument:  # type: ignore[no-untyped-def]
    from glossar.bilingual import document_from_text

    text = 'Der <script>alert("x")</script> Ausnahmezustand & „OVKS“ | *fett* ]]> </seg>'
    return pair_document(document_from_text(text, title="<b>T</b>"), glossary=curated_glossary,
                         translate=False)  # fmt: skip


# --- json ---------------------------------------------------------------------------


def test_json_round_trips_to_the_contract(doc) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(pairs_json.render(doc))
    assert data == json.loads(json.dumps(doc.to_dict()))
    assert len(data["pairs"]) == len(doc.pairs) and data["mt"] is None


# --- terminal -----------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 99, 100, 140])
def test_terminal_fits_its_width_and_shows_everything(doc, width: int) -> None:  # type: ignore[no-untyped-def]
    out = pairs_terminal.render(doc, width=width)
    assert max(len(line) for line in out.splitlines()) <= width
    flat = " ".join(out.split())
    for p in doc.pairs[:12] + doc.pairs[-3:]:
        assert " ".join(p.de.split()) in flat or width >= 100  # stacked: sentence unbroken
    assert "REF = English reference translation" in out
    assert "Machine translation was not run" in out
    assert "Glossary terms used" in out
    assert "shoot-to-kill order" in out and "Schießbefehl" in out
    assert "\x1b[" not in out


def test_terminal_side_by_side_from_100_columns(doc) -> None:  # type: ignore[no-untyped-def]
    wide = pairs_terminal.render(doc, width=120)
    narrow = pairs_terminal.render(doc, width=90)
    assert "│" in wide and "│" not in narrow
    assert any(line.startswith("DE  ") for line in narrow.splitlines())
    assert any(line.startswith("REF ") for line in narrow.splitlines())


def test_terminal_labels_mt_and_reference(doc_mt) -> None:  # type: ignore[no-untyped-def]
    out = pairs_terminal.render(doc_mt, width=120)
    assert "MT = English machine translation (argos: translate-de_en-test 1.0)" in out
    assert "REF = English reference translation" in out
    assert re.search(r"│ REF .*\n.*│ MT  ", out)


def test_terminal_colour_highlights_terms_without_changing_layout(doc) -> None:  # type: ignore[no-untyped-def]
    plain = pairs_terminal.render(doc, width=120)
    coloured = pairs_terminal.render(doc, width=120, color=True)
    assert "\x1b[" in coloured
    line = next(x for x in coloured.splitlines() if "Ausnahmezustand" in x)
    assert re.search(r"\x1b\[[0-9;]*mAusnahmezustand\x1b\[0m", line)
    stripped = [ANSI.sub("", x) for x in coloured.splitlines()]
    assert max(len(x) for x in stripped) <= 120
    table = [x for x in plain.splitlines() if "│" in x]
    assert table == [x for x in stripped if "│" in x]


def test_terminal_without_model_says_how_to_install(argos_home, curated_glossary) -> None:  # type: ignore[no-untyped-def]
    d = pair_document(load_bundled_article(), glossary=curated_glossary)
    out = pairs_terminal.render(d, width=100)
    assert "glossar model install" in out and "FILE.argosmodel" in out


# --- markdown -----------------------------------------------------------------------


def test_markdown_tables_and_glossary(doc_mt) -> None:  # type: ignore[no-untyped-def]
    md = pairs_markdown.render(doc_mt)
    assert md.startswith("# **Kasachstan**: Warum **Russland** bei den **Ausschreitungen**")
    assert "| German | English \\(REF\\) | English \\(MT\\) | Terms |" in md
    assert "> REF = English reference translation \\(written and curated" in md
    assert "> MT = English machine translation \\(argos: translate-de\\_en-test 1.0\\)" in md
    assert md.count("Warum **Russland**") == 1  # the title once, with its terms
    assert "**Ausnahmezustand**" in md and "**state of emergency**" in md
    assert "## Glossary terms used" in md
    rows = [x for x in md.splitlines() if x.startswith("| ") and "---" not in x]
    body_rows = [r for r in rows if not r.startswith("| German")]
    assert all(r.count(" | ") >= 3 for r in body_rows)


def test_markdown_escapes_what_markdown_would_interpret(hostile) -> None:  # type: ignore[no-untyped-def]
    md = pairs_markdown.render(hostile)
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\*fett\\*" in md and "\\|" in md
    # a tester: "&amp;" in the German was read as an entity and shown as "&"
    assert " \\& " in md and " & " not in md


# --- html ---------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def test_html_is_standalone_with_terms_on_hover(doc_mt) -> None:  # type: ignore[no-untyped-def]
    page = pairs_html.render(doc_mt)
    assert page.startswith("<!DOCTYPE html>")
    parser = _Collector()
    parser.feed(page)
    tags = parser.tags
    # offline: nothing loaded from anywhere, no script needed
    assert not [t for t, a in tags if t in ("script", "link", "img", "iframe")]
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    terms = [a for t, a in tags if "term" in (a.get("class") or "").split()]
    emergency = [a for a in terms if (a.get("href") or "") == "#term-ausnahmezustand"]
    assert emergency and emergency[0]["title"].startswith("state of emergency")
    assert any(a.get("id") == "term-ausnahmezustand" for _t, a in tags)  # term list row
    assert any((a.get("class") or "").startswith("grid cols-3") for _t, a in tags)
    text = "".join(parser.text)
    assert "REF: reference translation" in text and "MT: machine translation" in text
    body = page[page.index("<body>") :]
    assert body.count("Warum") == 1  # the title once, as the page heading


def test_html_escapes_everything(hostile) -> None:  # type: ignore[no-untyped-def]
    page = pairs_html.render(hostile)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>T</b>" not in page and "&lt;b&gt;T&lt;/b&gt;" in page


def _png_chunks(png: bytes, kind: bytes) -> list[bytes]:
    chunks, pos = [], 8
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        if png[pos + 4 : pos + 8] == kind:
            chunks.append(png[pos + 8 : pos + 8 + length])
        pos += 12 + length
    return chunks


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium installed")
def test_html_renders_in_a_headless_browser(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "article.html"
    page.write_text(pairs_html.render(doc), encoding="utf-8")
    shot = tmp_path / "shot.png"
    cmd = [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri(),
    ]  # fmt: skip
    subprocess.run(cmd, check=False, capture_output=True, timeout=120)
    png = shot.read_bytes() if shot.exists() else b""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # IHDR
    assert (width, height) == (1200, 2000)
    assert len(png) > 40_000  # a blank 1200×2000 page compresses to a few kB
    pixels = zlib.decompress(b"".join(_png_chunks(png, b"IDAT")))
    assert len(set(pixels)) > 100  # many distinct values: text and coloured cells


# --- tmx ----------------------------------------------------------------------------


def test_tmx_reads_back_with_translate_toolkit(doc_mt) -> None:  # type: ignore[no-untyped-def]
    from translate.storage import tmx

    data = pairs_tmx.render(doc_mt).encode("utf-8")
    store = tmx.tmxfile.parsestring(data)
    units = store.units
    assert len(units) == len(doc_mt.pairs)
    for unit, pair in zip(units, doc_mt.pairs, strict=True):
        assert unit.source == pair.de
        assert unit.target == pair.en_ref  # the first English variant is the reference
        origins = {}
        for tuv in unit.getlanguageNodes()[1:]:
            prop = tuv.find("prop[@type='x-glossar-origin']")
            origins[prop.text] = unit.getNodeText(tuv)
        assert origins == {"reference": pair.en_ref, "mt": pair.en_mt}
    notes = units[next(i for i, p in enumerate(doc_mt.pairs) if "Schießbefehl" in p.de)].getnotes()
    assert "Schießbefehl → shoot-to-kill order" in notes


def test_tmx_without_mt_has_no_mt_variant(doc) -> None:  # type: ignore[no-untyped-def]
    from translate.storage import tmx

    store = tmx.tmxfile.parsestring(pairs_tmx.render(doc).encode("utf-8"))
    assert all(len(u.getlanguageNodes()) == 2 for u in store.units)
    assert 'x-glossar-origin">mt<' not in pairs_tmx.render(doc)


def test_tmx_survives_hostile_text(hostile) -> None:  # type: ignore[no-untyped-def]
    from translate.storage import tmx

    store = tmx.tmxfile.parsestring(pairs_tmx.render(hostile).encode("utf-8"))
    assert store.units[-1].source == hostile.pairs[-1].de


# --- xliff --------------------------------------------------------------------------


def test_xliff_reads_back_with_translate_toolkit(doc_mt) -> None:  # type: ignore[no-untyped-def]
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring(pairs_xliff.render(doc_mt).encode("utf-8"))
    assert store.getsourcelanguage() == "de" and store.gettargetlanguage() == "en"
    units = [u for u in store.units if not u.isheader()]
    assert len(units) == len(doc_mt.pairs)
    for unit, pair in zip(units, doc_mt.pairs, strict=True):
        assert unit.source == pair.de
        assert unit.target == pair.en_ref
        alts = unit.getalttrans()
        assert [a.target for a in alts] == [pair.en_mt]
        assert "reference translation" in unit.getnotes()
    schiess = units[next(i for i, p in enumerate(doc_mt.pairs) if "Schießbefehl" in p.de)]
    assert "term: Schießbefehl → shoot-to-kill order" in schiess.getnotes()


def test_xliff_target_is_mt_when_there_is_no_reference(curated_glossary) -> None:  # type: ignore[no-untyped-def]
    from translate.storage import xliff

    from glossar.bilingual import document_from_text

    d = pair_document(document_from_text("Tokajew verhängte den Ausnahmezustand."),
                      glossary=curated_glossary, translate=False)  # fmt: skip
    d.mt = MtInfo("argos", "m", "1")
    d.pairs[0].en_mt = "Tokayev imposed a state of emergency."
    text = pairs_xliff.render(d)
    assert 'state="needs-review-translation"' in text and 'state-qualifier="mt-suggestion"' in text
    unit = xliff.xlifffile.parsestring(text.encode("utf-8")).units[0]
    assert unit.target == "Tokayev imposed a state of emergency."
    assert "machine translation" in unit.getnotes()
    assert not unit.getalttrans()


def test_xliff_survives_hostile_text(hostile) -> None:  # type: ignore[no-untyped-def]
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring(pairs_xliff.render(hostile).encode("utf-8"))
    assert store.units[-1].source == hostile.pairs[-1].de


def test_xliff_and_tmx_name_the_reference_once(doc_mt, curated_glossary) -> None:  # type: ignore[no-untyped-def]
    """A tester: every trans-unit's note read "target: reference translation (reference
    translation (written and curated …))", the label wrapped in itself. Now it is said
    once; a label of the user's own file still says that the target is the reference.
    TMX names it once in its header too."""
    from lxml import etree

    from glossar.bilingual.document import BUNDLED_REFERENCE_LABEL, article_from_toml

    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    root = etree.fromstring(pairs_xliff.render(doc_mt).encode("utf-8"))
    notes = root.xpath("//x:trans-unit/x:note[@annotates='target']/text()", namespaces=ns)
    assert len(notes) == len(doc_mt.pairs)
    assert set(notes) == {f"target: {BUNDLED_REFERENCE_LABEL}"}
    assert notes[0].startswith("target: reference translation (written and curated")
    tmx_text = pairs_tmx.render(doc_mt)
    assert tmx_text.count("reference translation") == 1
    assert f'x-glossar-reference">{BUNDLED_REFERENCE_LABEL}</prop>' in tmx_text

    mine = article_from_toml(
        '[reference]\nlabel = "Reuters English"\n\n[[block]]\ntype = "paragraph"\n\n'
        '[[block.sentence]]\nde = "Der Kreml schweigt."\nen_ref = "The Kremlin is silent."\n'
    )
    d = pair_document(mine, glossary=curated_glossary, translate=False)
    root = etree.fromstring(pairs_xliff.render(d).encode("utf-8"))
    assert root.xpath("//x:trans-unit/x:note[@annotates='target']/text()", namespaces=ns) == [
        "target: reference translation (Reuters English)"
    ]


def test_xliff_header_says_where_the_reference_is_the_target(curated_glossary) -> None:  # type: ignore[no-untyped-def]
    """A tester: with a reference for only some sentences, the header said every target
    was the reference, though the units without one had none (or the MT)."""
    from lxml import etree

    from glossar.bilingual.document import article_from_toml

    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    gap = article_from_toml(
        '[[block]]\ntype = "paragraph"\n\n'
        '[[block.sentence]]\nde = "Der Kreml schweigt."\nen_ref = "The Kremlin is silent."\n\n'
        '[[block.sentence]]\nde = "Moskau schweigt auch."\n'
    )
    root = etree.fromstring(
        pairs_xliff.render(pair_document(gap, glossary=curated_glossary, translate=False)).encode()
    )
    header = root.xpath("//x:header/x:note/text()", namespaces=ns)
    assert any(n.startswith("target where a reference exists: English") for n in header)
    assert len(root.xpath("//x:trans-unit/x:target", namespaces=ns)) == 1


def test_tmx_and_xliff_with_mt_read_the_same_in_every_cli_language(doc_mt) -> None:  # type: ignore[no-untyped-def]
    """Data formats do not follow --lang: the MT label in TMX's x-glossar-mt and in
    XLIFF's notes read "maschinelle Übersetzung (…)" under German."""
    from glossar.i18n import language, set_language

    before = language()
    try:
        set_language("en")
        english = (pairs_tmx.render(doc_mt), pairs_xliff.render(doc_mt))
        set_language("de")
        german = (pairs_tmx.render(doc_mt), pairs_xliff.render(doc_mt))
    finally:
        set_language(before)
    assert german == english
    assert "machine translation (argos: translate-de_en-test 1.0)" in english[0]


def test_every_xliff_unit_has_its_own_resname() -> None:
    """A tester (stop 45): all 23 sentences of a one-paragraph article shared one
    resname; the bundled article's 63 units each have their own."""
    import re

    from glossar import load_bundled_article, load_glossary, pair_document, render_document

    doc = pair_document(load_bundled_article(), glossary=load_glossary(), translate=False)
    names = re.findall(r'resname="([^"]+)"', render_document(doc, "xliff"))
    assert len(names) == len(doc.pairs) == len(set(names))
