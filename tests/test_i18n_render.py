"""`--lang de` speaks German on the pages for people that `article` writes (terminal,
Markdown, HTML) and in the warnings of `glossary export`; `--lang en` is unchanged. JSON,
TMX and XLIFF are data: the language of messages does not reach them."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

import glossar

SOURCE_TREE = Path(__file__).resolve().parent.parent / "src" / "glossar"

#: The bundled article's reference label, as the English pages show it.
LABEL_EN = "reference translation (written and curated sentence by sentence for glossar"
LABEL_DE = "Referenzübersetzung (für glossar Satz für Satz geschrieben und kuratiert"


def _article(glossar_cli, lang: str, fmt: str, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{lang}.{fmt}"
    result = glossar_cli("--lang", lang, "article", "--no-mt", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_markdown_speaks_the_chosen_language(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A tester: under --lang de the Markdown page said "## Glossary terms used", *lead*,
    *paragraph*, "Author: … · Place: …" and "REF = Englisch, reference translation (written
    and curated …)"; the terminal page already said "Verwendete Glossarbegriffe"."""
    de = _article(glossar_cli, "de", "markdown", tmp_path)
    lines = de.splitlines()
    assert "## Verwendete Glossarbegriffe" in lines
    assert "Autor: Anna-Katharina Ahnefeld · Ort: Almaty/Moskau" in lines
    for label in ("*Vorspann*", "*Bildunterschrift*", "*Bildnachweis*"):
        assert label in lines, label
    assert "*Quellenangabe*" in lines
    shown = LABEL_DE.replace("(", "\\(")  # Markdown escapes the parenthesis
    assert any(line.startswith(f"> REF = Englisch, {shown}") for line in lines), de[:800]
    for english in ("Glossary terms used", "Author:", "Place:", "*lead*", "*paragraph*",
                    "*caption*", "*credit*", "*attribution*", "written and curated"):  # fmt: skip
        assert english not in de, english

    en = _article(glossar_cli, "en", "markdown", tmp_path).splitlines()
    assert "## Glossary terms used" in en and "*lead*" in en and "*attribution*" in en
    assert "Author: Anna-Katharina Ahnefeld · Place: Almaty/Moskau" in en
    assert any(line.startswith("> REF = English reference translation \\(written") for line in en)


def test_html_speaks_the_chosen_language(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    de = _article(glossar_cli, "de", "html", tmp_path)
    assert "<h2>Verwendete Glossarbegriffe</h2>" in de
    assert f'<div class="colhead">Englisch — REF: {LABEL_DE}' in de
    assert f'<p class="note warn">REF = Englisch, {LABEL_DE}' in de
    assert "Glossary terms used" not in de and "written and curated" not in de
    en = _article(glossar_cli, "en", "html", tmp_path)
    assert "<h2>Glossary terms used</h2>" in en
    assert f'<div class="colhead">English — REF: {LABEL_EN}' in en


def test_terminal_legend_speaks_the_chosen_language(glossar_cli) -> None:  # type: ignore[no-untyped-def]
    de = glossar_cli("--lang", "de", "article", "--no-mt").stdout
    assert "REF = Englisch, Referenzübersetzung (für glossar" in de
    assert "written and curated" not in de
    en = glossar_cli("--lang", "en", "article", "--no-mt").stdout
    assert "REF = English reference translation (written and curated" in en


@pytest.mark.parametrize("fmt", ["json", "tmx", "xliff"])
def test_data_formats_do_not_change_with_the_language(glossar_cli, tmp_path: Path, fmt) -> None:  # type: ignore[no-untyped-def]
    """The reference label of the bundled article is data here: as its file writes it."""
    de = _article(glossar_cli, "de", fmt, tmp_path)
    assert de == _article(glossar_cli, "en", fmt, tmp_path)
    assert "Referenzübersetzung" not in de and "Absatz" not in de


def test_bundled_reference_label_is_the_catalogs() -> None:
    """The label the catalog translates is the one the bundled article's file holds (an
    edit of either alone would leave the pages English under --lang de)."""
    from glossar.bilingual.document import BUNDLED_ARTICLE, BUNDLED_REFERENCE_LABEL

    data = tomllib.loads((Path(glossar.__file__).parent / BUNDLED_ARTICLE).read_text("utf-8"))
    assert data["reference"]["label"] == BUNDLED_REFERENCE_LABEL


def test_a_users_own_reference_label_is_shown_as_written(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "mine.toml"
    article.write_text(
        '[reference]\nlabel = "Reuters English"\n\n[[block]]\ntype = "paragraph"\n\n'
        '[[block.sentence]]\nde = "Der Kreml schweigt."\nen_ref = "The Kremlin is silent."\n',
        encoding="utf-8",
    )
    out = tmp_path / "mine.md"
    result = glossar_cli("--lang", "de", "article", "--no-mt", str(article), "--format",
                         "markdown", "-o", str(out))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "> REF = Englisch, Reuters English.  " in text
    assert "*Absatz*" not in text  # body text needs no label (a tester: noise on every paragraph)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_export_warning_speaks_the_chosen_language(glossar_cli, tmp_path: Path, fmt) -> None:  # type: ignore[no-untyped-def]
    """A tester: `glossar --lang de glossary export --format csv` warned in English."""
    out = tmp_path / f"x.{fmt}"
    de = glossar_cli("--lang", "de", "glossary", "export", "--format", fmt, "-o", str(out))
    assert de.exit_code == 0, de.stderr
    (warning,) = de.stderr.splitlines()
    assert warning.startswith(f"glossar: {fmt} enthält nur Begriffspaare Deutsch→Englisch: ")
    assert "Einträge mit mehreren Bedeutungen (unsicher: ein festes Paar" in warning
    assert warning.endswith(
        "; IDs, Grammatik, Anmerkungen, Definitionen und Beispiele werden nicht exportiert"
    )
    assert "keeps only" not in warning and "entries with" not in warning
    en = glossar_cli("--lang", "en", "glossary", "export", "--format", fmt, "-o", str(out))
    (warning,) = en.stderr.splitlines()
    assert warning.startswith(f"glossar: {fmt} keeps only German→English term pairs: ")
    assert warning.endswith("ids, grammar, notes, definitions and examples are not exported")


def test_export_warning_counts_in_singular_and_plural() -> None:
    from glossar.glossary.formats.delimited import _dropped
    from glossar.glossary.model import Entry

    one = Entry(id="a", de="A", en="a", en_alt=("b",), senses=("c",))
    two = Entry(id="b", de="B", en="b", en_alt=("d", "e"))
    assert _dropped([one], 1, 0) == [
        "1 entry with several senses (unsure: a fixed pair would force one sense on every text)",
        "1 English alternative",
        "1 row with a German term already used",
    ]
    assert _dropped([one, two], 0, 2)[1:] == [
        "3 English alternatives",
        "2 rows with control characters or surrounding spaces (DeepL refuses them)",
    ]


def test_import_and_check_problems_speak_the_chosen_language(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Siblings of the export warning that were f-strings: a two-column CSV's bad term,
    a TBX concept whose German terms are all deprecated, a translate JSON without text
    given to `check`."""
    bad_term = tmp_path / "terms.csv"
    bad_term.write_text("Haus,house\nHof\x07,yard\n", encoding="utf-8")
    no_german = tmp_path / "old.tbx"
    no_german.write_text(
        '<?xml version="1.0"?>\n<martif type="TBX-Basic" xml:lang="de"><martifHeader>'
        "<fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>\n"
        '<termEntry id="c1"><langSet xml:lang="de"><tig><term>Hauß</term><termNote '
        'type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>\n'
        '<langSet xml:lang="en"><tig><term>house</term></tig></langSet></termEntry>\n'
        "</body></text></martif>\n",
        encoding="utf-8",
    )
    source = tmp_path / "de.txt"
    source.write_text("Der Kreml schweigt.\n", encoding="utf-8")
    target = tmp_path / "en.json"
    target.write_text('{"segments": [{"source": "Der Kreml schweigt."}]}', encoding="utf-8")
    cases = [
        (["glossary", "import", str(bad_term), "-o", str(tmp_path / "a.toml")],
         "2: Deutscher Begriff: Steuer", "2: German term: control or format character"),
        (["glossary", "import", str(no_german), "-o", str(tmp_path / "b.toml")],
         "3: Begriffseintrag c1: kein brauchbarer deutscher Begriff (alle nicht zulässig)",
         "3: concept c1: no usable German term (all deprecated)"),
        (["check", str(source), str(target)],
         "Segment 1 des translate-JSON hat keinen Quell- und Zieltext",
         "segment 1 of the translate JSON has no source and target text"),
    ]  # fmt: skip
    for args, german, english in cases:
        de = glossar_cli("--lang", "de", *args)
        en = glossar_cli("--lang", "en", *args)
        assert de.exit_code == en.exit_code == 4, (args, de.stderr, en.stderr)
        out_de, out_en = de.stdout + de.stderr, en.stdout + en.stderr
        assert german in out_de and english not in out_de, out_de
        assert english in out_en, out_en


@pytest.mark.skipif(not SOURCE_TREE.is_dir(), reason="needs the source tree")
def test_no_message_hides_inside_an_f_string() -> None:
    """Babel extracts no `_("…")` written inside an f-string: such a message never reached
    the catalog and stayed English under --lang de ("Glossary terms used", "Author" and
    "Place" in the Markdown page; the HTML page's heading, title and "(none)")."""
    hidden = []
    for path in sorted(SOURCE_TREE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in ("_", "N_", "ngettext")
                ):
                    hidden.append(f"{path.relative_to(SOURCE_TREE)}:{inner.lineno}")
    assert not hidden, hidden
