"""TMX and XLIFF say when a character XML cannot hold became U+FFFD.

A form feed or an STX (\\x02) that PDF extraction leaves in German text cannot go into an
XML 1.0 document; the TMX and XLIFF writers replace it with U+FFFD. That replacement was
silent; bad input loses nothing, or says so: the CLI now says how many characters, in
which output, on stderr, and the library hands the same line to a ``warnings`` list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import glossar
from glossar.bilingual.render import tmx as pairs_tmx
from glossar.bilingual.render import xliff as pairs_xliff

DATA = Path(__file__).parent / "data"
#: A sentence of the bundled article, as it is there.
SENTENCE = (
    "Regierungschef Tokajew verhängte den Ausnahmezustand, lässt das Militär hart gegen "
    "die Proteste vorgehen und erteilte gar den Schießbefehl."
)
#: The same sentence as PDF extraction leaves it: a page break (form feed) between two
#: words and an STX where a hyphenation point was.
EXTRACTED = SENTENCE.replace("den Ausnahmezustand", "den\x0cAusnahmezustand").replace(
    "Schießbefehl", "Schieß\x02befehl"
)
#: What the XML outputs hold instead.
REPLACED = EXTRACTED.replace("\x0c", "\ufffd").replace("\x02", "\ufffd")
#: Where the German sentence is in each format.
SOURCE_PATH = {
    "tmx": "//tuv[@xml:lang='de']/seg",
    "xliff": "//x:source",
}
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def _article(glossar_cli, tmp_path: Path, text: str, fmt: str, *lang: str):  # type: ignore[no-untyped-def]
    src = tmp_path / "extracted.txt"
    src.write_text(text + "\n", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    result = glossar_cli(*lang, "article", str(src), "--no-mt", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return result, out


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_a_form_feed_and_stx_become_u_fffd_and_the_cli_says_so_once(
    glossar_cli, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    from lxml import etree

    assert SENTENCE in (DATA / "article_de.txt").read_text(encoding="utf-8")  # real text
    result, out = _article(glossar_cli, tmp_path, EXTRACTED, fmt)
    root = etree.fromstring(out.read_bytes())  # still well-formed XML 1.0
    [source] = root.xpath(SOURCE_PATH[fmt], namespaces=NS)
    assert source.text == REPLACED  # U+FFFD exactly where each character was
    assert result.stdout == ""
    assert result.stderr == (
        "glossar: 2 characters XML cannot hold (control characters or non-characters) "
        f"became U+FFFD, the replacement character, in the {fmt.upper()} output\n"
    )


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_written_to_stdout_the_warning_comes_once_on_stderr(
    glossar_cli, tmp_path: Path, fmt
) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "extracted.txt"
    src.write_text(EXTRACTED.replace("\x02", "") + "\n", encoding="utf-8")
    result = glossar_cli("article", str(src), "--no-mt", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert REPLACED.replace("\ufffdbefehl", "befehl") in result.stdout
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("glossar: 1 character XML cannot hold (a control character")
    assert f"in the {fmt.upper()} output" in result.stderr


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_clean_text_gets_no_warning(glossar_cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    clean, _out = _article(glossar_cli, tmp_path, SENTENCE, fmt)
    assert clean.stderr == ""
    dirty, _out = _article(glossar_cli, tmp_path, EXTRACTED, fmt)
    assert dirty.stderr.count("\n") == 1  # the same sentence with a form feed: one line


def test_the_warning_speaks_the_chosen_language(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result, _out = _article(glossar_cli, tmp_path, EXTRACTED, "tmx", "--lang", "de")
    assert result.stderr == (
        "glossar: 2 Zeichen, die XML nicht aufnehmen kann (Steuerzeichen oder Nichtzeichen), "
        "wurden in der TMX-Ausgabe zu U+FFFD, dem Ersatzzeichen\n"
    )


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_the_library_gives_the_count_to_a_warnings_list(fmt: str) -> None:
    glossary = glossar.load_glossary("kazakhstan-2022")
    text = EXTRACTED + " Die Antwort des Staates ist Gewalt\uffff."
    paired = glossar.pair_document(
        glossar.document_from_text(text), glossary=glossary, translate=False
    )
    warnings: list[str] = []
    rendered = glossar.render_document(paired, fmt, warnings=warnings)
    assert warnings == [
        "3 characters XML cannot hold (control characters or non-characters) became U+FFFD, "
        f"the replacement character, in the {fmt.upper()} output"
    ]
    assert rendered.count("\ufffd") == 3
    # without a list the text is the same, and nothing is raised or printed
    assert glossar.render_document(paired, fmt) == rendered


@pytest.mark.parametrize("renderer", [pairs_tmx, pairs_xliff])
def test_clean_text_gives_the_library_no_warning_and_the_same_output(renderer) -> None:  # type: ignore[no-untyped-def]
    glossary = glossar.load_glossary("kazakhstan-2022")
    paired = glossar.pair_document(
        glossar.load_bundled_article(), glossary=glossary, translate=False
    )
    warnings: list[str] = []
    text = renderer.render(paired, warnings=warnings)
    assert warnings == []
    assert text == renderer.render(paired)
    assert "\ufffd" not in text
