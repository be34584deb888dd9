"""`--lang de` is German throughout: Click's own usage errors (also for the options of the
whole program, which Click parses before the --lang callback runs) and glossar's errors
and warnings that were built with f-strings. `--lang en` keeps the English text, and the
exit codes do not change with the language."""

from __future__ import annotations

import gettext
import re
import string
import zipfile
from pathlib import Path

import click
import pytest

from glossar.cli.click_german import GERMAN, localise_click


def _both(glossar_cli, *args: str):  # type: ignore[no-untyped-def]
    de = glossar_cli("--lang", "de", *args)
    en = glossar_cli("--lang", "en", *args)
    assert de.exit_code == en.exit_code, (args, de.stderr, en.stderr)
    return de, en


@pytest.mark.parametrize(
    ("args", "code", "german", "english"),
    [
        # the whole program's options: parsed before the --lang callback could run
        (["--foo"], 2, "Fehler: Unbekannte Option '--foo'.", "Error: No such option '--foo'."),
        (["nosuch"], 2, "Unbekannter Befehl 'nosuch'.", "No such command 'nosuch'."),
        (
            ["lookup", "--limit", "0", "Kreml"],
            2,
            "Ungültiger Wert für '--limit': 0 liegt nicht im Bereich 1<=x<=1000.",
            "Invalid value for '--limit': 0 is not in the range 1<=x<=1000.",
        ),
        (["glossary", "import"], 2, "Fehlendes Argument 'FILE'.", "Missing argument 'FILE'."),
        (["lookup", "a", "b"], 2, "Unerwartetes zusätzliches Argument (b)", "unexpected extra"),
        (["lookup", "--limti", "3", "x"], 2, "Meinten Sie '--limit'?", "Did you mean '--limit'?"),
        (["article", "--no-mt", "--evaluate"], 2, "braucht maschinelle Übersetzung", "needs"),
    ],
)
def test_usage_errors_speak_the_chosen_language(glossar_cli, args, code, german, english):  # type: ignore[no-untyped-def]
    de, en = _both(glossar_cli, *args)
    assert de.exit_code == code
    assert german in de.stderr and english not in de.stderr, de.stderr
    assert english in en.stderr, en.stderr
    assert de.stderr.startswith("Aufruf: glossar") and "Hilfe mit 'glossar" in de.stderr
    assert en.stderr.startswith("Usage: glossar") and "for help." in en.stderr


def test_help_after_lang_and_before_it(glossar_cli):  # type: ignore[no-untyped-def]
    """`glossar --help --lang de`: --help is eager and ran before --lang was seen."""
    out = glossar_cli("--help", "--lang", "de")
    assert out.exit_code == 0
    assert "Aufruf: glossar" in out.stdout and "Befehle:" in out.stdout
    assert "Options:" not in out.stdout
    late = glossar_cli("--foo", "--lang=de")
    assert late.exit_code == 2 and "Unbekannte Option '--foo'" in late.stderr


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_glossar_errors_built_from_values_speak_the_chosen_language(  # type: ignore[no-untyped-def]
    glossar_cli, argos_home: Path, tmp_path: Path
) -> None:
    """Messages that carry a value (a count, a file name, a member) were f-strings: English
    under --lang de. The file name and the exit code stay the same."""
    two_tops = _zip(tmp_path / "two.argosmodel", {"a/metadata.json": b"{}", "b/x": b"x"})
    tbx = tmp_path / "terms.csv"
    tbx.write_bytes(b"<tbx><text><body/></text></tbx>")
    text = tmp_path / "text.txt"
    text.write_text("Der Kreml schickt Truppen.\n", encoding="utf-8")
    cases = [
        (
            ["model", "install", str(two_tops)],
            4,
            "kein brauchbares Modellpaket: ein oberster Ordner erwartet, 2 gefunden",
            "not a usable model package: expected one top folder, found 2",
        ),
        (
            ["glossary", "import", "--format", "csv", str(tbx), "-o", str(tmp_path / "o.toml")],
            4,
            f"{tbx}: die Datei ist XML (TBX), nicht CSV",
            f"{tbx}: the file is XML (TBX), not CSV",
        ),
        (
            ["article", "--no-mt", str(text), "-o", str(text)],
            2,
            "die Ausgabe würde eine Eingabe dieses Befehls überschreiben",
            "the output would overwrite an input of this command",
        ),
    ]
    for args, code, german, english in cases:
        de, en = _both(glossar_cli, *args)
        assert de.exit_code == code, (args, de.stderr)
        assert german in de.stderr and english not in de.stderr, de.stderr
        assert english in en.stderr, en.stderr


def test_import_warnings_speak_the_chosen_language(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The warnings of `glossary import` (plural-aware) were English under --lang de."""
    csv = tmp_path / "deepl.csv"
    csv.write_text("„Kreml“,Kremlin\nHaus,house\n", encoding="utf-8")
    de, en = _both(glossar_cli, "glossary", "import", str(csv), "-o", str(tmp_path / "x.toml"))
    assert de.exit_code == 0
    assert "1 Begriff in Anführungszeichen: die Zeichen wurden entfernt" in de.stderr
    assert "1 term in quotation marks: the marks were dropped" in en.stderr


def _fields(message: str) -> set[tuple[str | None, str | None]]:
    found = {(f, conv) for _t, f, _s, conv in string.Formatter().parse(message) if f is not None}
    return found | {("%", m) for m in re.findall(r"%\(\w+\)s", message)}


def test_click_table_keeps_placeholders_and_matches_clicks_messages() -> None:
    """Every translation keeps its English placeholders ({name!r}, %(prog)s); the messages
    a user meets most are Click's own msgids (a typo would silently stay English)."""
    from babel.messages.extract import extract_from_dir

    for english, german in GERMAN.items():
        assert _fields(english) == _fields(german), english
    click_dir = Path(click.__file__).parent
    msgids: set[str] = set()
    for _f, _l, message, _c, _x in extract_from_dir(
        str(click_dir), keywords={"_": None, "ngettext": (1, 2)}
    ):
        msgids.update([message] if isinstance(message, str) else message)
    core = {
        "Usage:",
        "Error: {message}",
        "Try '{command} {option}' for help.",
        "Invalid value for {param_hint}: {message}",
        "{value} is not in the range {range}.",
        "No such option {name!r}.",
        "No such command {name!r}.",
        "Missing argument",
        "Show this message and exit.",
    }
    assert core <= msgids, core - msgids
    assert core <= set(GERMAN)


def test_english_puts_gettext_back() -> None:
    import click.exceptions

    try:
        localise_click("de")
        assert click.exceptions._("Missing argument") == "Fehlendes Argument"
        assert click.exceptions._("a message Click may add later") == (
            "a message Click may add later"
        )
    finally:
        localise_click("en")
    assert click.exceptions._ is gettext.gettext
    assert click.exceptions.ngettext is gettext.ngettext


#: `glossar --lang en --help` as it was before help texts were translated (80 columns).
ENGLISH_MAIN_HELP = """\
Usage: glossar [OPTIONS] COMMAND [ARGS]...

  German→English news translation with an enforceable glossary, offline.

Options:
  --lang [de|en]  Language of messages (default: from the locale).
  --debug         Show tracebacks on errors.
  --version       Show the version and exit.
  -h, --help      Show this message and exit.

Commands:
  article    Show the bundled article (or FILE, `-` for stdin) sentence by...
  check      Check the English translation TARGET of the German text SOURCE.
  corpus     Translate or scan a whole archive: resumable, with progress,...
  glossary   List, validate, export and import glossaries.
  lookup     Look up QUERY (German in any form, an abbreviation, or...
  model      Manage the offline translation models (argostranslate packages).
  terms      Find glossary terms in German text (FILE, or standard input...
  translate  Translate German TEXT (or --file FILE, or standard input) into...
"""


def test_help_texts_speak_the_chosen_language(  # type: ignore[no-untyped-def]
    glossar_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tester: `glossar --lang de --help` had German headings around English help
    (the command list, every option's help, each command's description). Now German;
    `--lang en` is the English it was, byte for byte, in the same process too (Click
    caches the --help option: it stayed German after a German run)."""
    monkeypatch.setenv("COLUMNS", "80")
    de = glossar_cli("--lang", "de", "--help")
    assert de.exit_code == 0
    for line in [
        "  Nachrichtenübersetzung Deutsch→Englisch mit verbindlichem Glossar, offline.",
        "  --debug         Bei Fehlern den Traceback zeigen.",
        "  --version       Die Version zeigen und beenden.",
        "  glossary   Glossare auflisten, prüfen, exportieren und importieren.",
        "  model      Offline-Übersetzungsmodelle verwalten (argostranslate-Pakete).",
        "  check      Englische Übersetzung TARGET des deutschen Texts SOURCE prüfen.",
    ]:
        assert line in de.stdout.splitlines(), (line, de.stdout)
    assert "List, validate" not in de.stdout and "Show tracebacks" not in de.stdout
    en = glossar_cli("--lang", "en", "--help")
    assert en.exit_code == 0 and en.stdout == ENGLISH_MAIN_HELP

    terms_de = glossar_cli("--lang", "de", "terms", "--help").stdout
    assert "  Glossarbegriffe in deutschem Text finden (FILE oder die" in terms_de
    assert "  Erkennt gebeugte Formen (des Ausnahmezustands)" in terms_de
    assert "  --json                Ein einziges JSON-Dokument ausgeben." in terms_de
    assert "Schicht über das Nachrichtenglossar gelegt" in terms_de
    assert "  Beispiel:\n\n      glossar terms article.txt\n" in terms_de
    assert "Print one JSON document" not in terms_de and "Recognises" not in terms_de
    terms_en = glossar_cli("--lang", "en", "terms", "--help").stdout
    assert "  --json                Print one JSON document." in terms_en
    assert "  Recognises inflected forms (des Ausnahmezustands), terms inside compounds" in (
        terms_en
    )
    assert "  -h, --help            Show this message and exit." in terms_en

    import_de = glossar_cli("--lang", "de", "glossary", "import", "--help").stdout
    assert "Dies jeder Eintrags-ID voranstellen" in import_de
    assert "[tbx|tbx2008|csv|tsv|json|toml]" in import_de  # option values stay
    assert "Put this before" not in import_de
    article_de = glossar_cli("--lang", "de", "article", "--help").stdout
    # a `\b` block keeps its lines in German too
    assert "      glossar article\n      glossar article --format html -o article.html\n" in (
        article_de
    )
    assert "[Vorgabe: terminal]" in article_de and "Ausgabeformat." in article_de


def test_help_language_from_the_environment(  # type: ignore[no-untyped-def]
    glossar_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --lang the help follows the locale, as the messages do."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANGUAGE", "de_DE")
    out = glossar_cli("lookup", "--help")
    assert "Höchstzahl der gezeigten Ergebnisse." in out.stdout
    assert "in den Glossaren nachschlagen." in out.stdout.replace("\n  ", " ")


def test_a_toml_syntax_error_speaks_the_chosen_language(glossar_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """tomllib words its errors in English only: "Illegal character" stood inside a
    German message (a hostile tester's list)."""
    bad = tmp_path / "bad.toml"
    bad.write_text('[glossary]\nid = "x"\n\n[[entry]]\nid = "a"\nde = "Haus\nen = "house"\n')
    de = glossar_cli("--lang", "de", "glossary", "validate", str(bad))
    assert de.exit_code == 4
    assert f"{bad}:6: toml: eine Zeichenkette, die in ihrer Zeile nicht geschlossen wird" in (
        de.stdout + de.stderr
    )
    en = glossar_cli("--lang", "en", "glossary", "validate", str(bad))
    assert f"{bad}:6: toml: a string not closed on its line (a missing quote)" in (
        en.stdout + en.stderr
    )


def test_an_array_item_without_its_comma_is_named_where_the_comma_is_missing(  # type: ignore[no-untyped-def]
    glossar_cli, tmp_path
) -> None:
    """tomllib calls the array unclosed at the next item; the user looked for a ']' that
    was there. The line named is the item's without a comma (a hostile tester's list)."""
    bad = tmp_path / "bad.toml"
    head = '[glossary]\nid = "x"\nversion = "1"\n\n[[entry]]\nid = "a"\nde = "Haus"\nen = "house"\n'
    bad.write_text(head + 'forms = [\n  "Hauses"  # genitive\n\n  "Häuser",\n]\n')
    en = glossar_cli("--lang", "en", "glossary", "validate", str(bad))
    assert en.exit_code == 4
    assert f"{bad}:10: toml: a ',' missing after an item of an array" in en.stdout + en.stderr
    de = glossar_cli("--lang", "de", "glossary", "validate", str(bad))
    assert f"{bad}:10: toml: ein ',' fehlt nach einem Eintrag einer Liste" in de.stdout + de.stderr
    bad.write_text(head + 'forms = [\n  "Hauses",\n  "Häuser"\npos = "noun"\n')
    en = glossar_cli("--lang", "en", "glossary", "validate", str(bad))
    assert f"{bad}:12: toml: unclosed array (a missing ']')" in en.stdout + en.stderr
