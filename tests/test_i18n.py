"""The CLI speaks German with --lang de: every message has a translation, the compiled
catalog ships and matches its source, and JSON output never changes with the language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

import glossar
from glossar.cli import cli

PACKAGE = Path(glossar.__file__).parent
LOCALE = PACKAGE / "locale" / "de" / "LC_MESSAGES"
SOURCE_TREE = Path(__file__).resolve().parent.parent / "src" / "glossar"


def _key(message) -> str:  # type: ignore[no-untyped-def]
    return message.id if isinstance(message.id, str) else message.id[0]


def _text(message) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def _translated(catalog) -> dict[str, tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return {_key(m): _text(m) for m in catalog if m.id and all(_text(m)) and not m.fuzzy}


def test_compiled_catalog_ships_and_matches_po():
    po = read_po((LOCALE / "glossar.po").open("rb"))
    mo = read_mo((LOCALE / "glossar.mo").open("rb"))
    assert _translated(po) == _translated(mo), "run scripts/update_catalogs.py to recompile"


@pytest.mark.skipif(not SOURCE_TREE.is_dir(), reason="needs the source tree")
def test_every_message_in_the_code_has_a_german_translation():
    translated = set(_translated(read_po((LOCALE / "glossar.po").open("rb"))))
    keywords = {"_": None, "ngettext": (1, 2), "N_": None}
    found = set()
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        str(SOURCE_TREE), method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    missing = sorted(found - translated)
    assert not missing, f"untranslated messages: {missing[:10]}"


def _help_texts():  # type: ignore[no-untyped-def]
    from glossar.cli.help_texts import english_help_texts

    return english_help_texts(cli)


def test_every_help_text_has_a_german_translation():
    """Every help text the CLI shows (a command's docstring, an option's help=) is in
    the catalog with a translation that keeps its options, variables and examples."""
    translated = _translated(read_po((LOCALE / "glossar.po").open("rb")))
    texts = _help_texts()
    assert len(texts) > 40
    missing = sorted(text[:60] for text in texts if text not in translated)
    assert not missing, f"untranslated help texts (run scripts/update_catalogs.py): {missing}"

    def kept(text: str) -> tuple[list[str], ...]:
        examples = [line.strip() for line in text.splitlines() if line.startswith("    ")]
        return (
            sorted(set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", text))),
            sorted(set(re.findall(r"\$[A-Z_]+", text))),
            examples,
        )

    for english in texts:
        (german,) = translated[english]
        assert kept(german) == kept(english), (english, german)


def test_every_command_and_option_shows_its_help_in_the_current_language():
    """A command made without ``cls=Command`` (or an option of a class the CLI does not
    localise) would show English help under --lang de whatever the catalog says. In
    English, Click reads exactly the text the code holds."""
    from glossar.cli.help_texts import LocalisedText, walk_commands
    from glossar.i18n import set_language

    set_language("en")
    for path, command, ctx in walk_commands(cli):
        objects = [(path, command), *((f"{path} {p.name}", p) for p in command.get_params(ctx))]
        for where, obj in objects:
            localised = isinstance(getattr(type(obj), "help", None), LocalisedText)
            assert localised, f"{where}: help not localised ({type(obj).__name__})"
            assert obj.help is obj.__dict__["_english_help"], where


def test_german_messages_and_unlocalised_json():
    runner = CliRunner()
    de = runner.invoke(cli, ["--lang", "de", "lookup", "Quantenchromodynamik"])
    assert de.exit_code == 1 and "Kein Eintrag" in de.output
    en = runner.invoke(cli, ["--lang", "en", "lookup", "Quantenchromodynamik"])
    assert "No entry" in en.output
    j_de = runner.invoke(cli, ["--lang", "de", "lookup", "OVKS", "--json"]).output
    j_en = runner.invoke(cli, ["--lang", "en", "lookup", "OVKS", "--json"]).output
    assert json.loads(j_de) == json.loads(j_en)


def test_language_from_environment(monkeypatch):
    from glossar.i18n import default_language

    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert default_language() == "de"
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert default_language() == "en"


def test_input_and_output_errors_speak_the_chosen_language(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A missing file, text that is not UTF-8, a missing output folder: the one-line
    errors a user meets most were English under --lang de (the file name and exit code
    stay the same)."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Haus \xff")
    missing = str(tmp_path / "nope.txt")
    cases = [
        (["terms", missing], "Datei nicht gefunden", "no such file"),
        (["terms", str(bad)], "kein UTF-8-Text (Byte 5", "not UTF-8 text (byte 5"),
        (
            ["article", "--no-mt", "-o", str(tmp_path / "no" / "a.html")],
            "existiert nicht; nichts wurde geschrieben",
            "does not exist; nothing was written",
        ),
    ]
    for args, german, english in cases:
        de = glossar_cli("--lang", "de", *args)
        en = glossar_cli("--lang", "en", *args)
        assert de.exit_code == en.exit_code == 4
        assert german in de.stderr and english in en.stderr


def test_glossary_problems_speak_the_chosen_language(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`glossary validate` under --lang de said every problem in English; the place
    (FILE:LINE: FIELD:) is the same in both languages, for editors that jump to it."""
    bad = tmp_path / "mein.toml"
    bad.write_text(
        '[glossary]\nid = "mein"\n\n[[entry]]\nid = "haus"\nde = "Haus"\nen = ""\n'
        'pos = "nomen"\n\n[[entry]]\nid = "haus"\nde = "Hof"\ngender = "m"\nen = "yard"\n',
        encoding="utf-8",
    )
    de = glossar_cli("--lang", "de", "glossary", "validate", str(bad))
    en = glossar_cli("--lang", "en", "glossary", "validate", str(bad))
    assert de.exit_code == en.exit_code == 4
    assert f"{bad}:7: en: leerer Begriff" in de.stdout + de.stderr
    assert f"{bad}:8: pos: 'nomen' ist keiner der Werte noun" in de.stdout + de.stderr
    assert f"{bad}:7: en: empty term" in en.stdout + en.stderr
    places = [line.split(": ")[0:2] for line in (de.stdout + de.stderr).splitlines()]
    assert places == [line.split(": ")[0:2] for line in (en.stdout + en.stderr).splitlines()]


def test_clicks_own_usage_errors_speak_the_chosen_language(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A tester: under --lang de, Click's usage errors ("Invalid value for '--limit'",
    "No such option", "Usage:", "Try … for help.") and several of glossar's own (a
    damaged model package, a file that is no TBX, --evaluate with --no-mt) were English."""
    not_zip = tmp_path / "m.argosmodel"
    not_zip.write_bytes(b"x")
    not_tbx = tmp_path / "a.xml"
    not_tbx.write_bytes(b"<a/>")
    cases = [
        (["lookup", "--limit", "0", "Kreml"], 2, "liegt nicht im Bereich", "is not in the range"),
        (["translate", "--foo"], 2, "Unbekannte Option '--foo'", "No such option '--foo'"),
        (["article", "--format", "pdf"], 2, "Ungültiger Wert für '--format'", "Invalid value"),
        (["article", "--no-mt", "--evaluate"], 2, "braucht maschinelle Übersetzung", "needs"),
        (["model", "install", str(not_zip)], 4, "kein brauchbares Modellpaket: kein ZIP-Archiv",
         "not a usable model package: not a zip archive"),
        (["glossary", "import", "--format", "tbx", str(not_tbx), "-o", str(tmp_path / "o.toml")],
         4, "kein TBX: das Wurzelelement ist <a>", "not TBX: the root element is <a>"),
    ]  # fmt: skip
    for args, code, german, english in cases:
        de = glossar_cli("--lang", "de", *args)
        en = glossar_cli("--lang", "en", *args)
        assert de.exit_code == en.exit_code == code, (args, de.stderr)
        assert german in de.stderr and english not in de.stderr, de.stderr
        assert english in en.stderr, en.stderr
    usage = glossar_cli("--lang", "de", "lookup", "--limit", "0", "Kreml").stderr
    assert usage.startswith("Aufruf: glossar lookup") and "Fehler: " in usage


def test_clicks_messages_stay_english_in_the_library() -> None:
    """Nothing is patched on import: Click's lookups are gettext's until the CLI runs."""
    code = (
        "import gettext, click.exceptions, glossar, glossar.cli\n"
        "assert click.exceptions._ is gettext.gettext\n"
    )
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", code], check=True)
