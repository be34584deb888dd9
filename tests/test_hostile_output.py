"""Nothing let in: what glossar writes cannot steer a terminal, run in a spreadsheet or
break an XML, HTML or Markdown reader, whatever the German text or glossary holds.

Regression tests for issue 16's probe ("letting things in" and the TMX/XLIFF tracebacks).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from glossar.neutralise import (
    for_markup,
    for_spreadsheet,
    for_terminal,
    for_xml,
    from_spreadsheet,
)

HOSTILE = "Haus \x1b[2J\x1b]0;pwned\x07 \x00 \x08\x7f\x9b31m Ausnahmezustand\x0c. Gas\x01."
ANY_CONTROL = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)] + ["\x7f", "\x9b"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("terms", "{f}"),
        ("article", "{f}", "--no-mt"),
        ("check", "{f}", "{f2}"),
        ("lookup", HOSTILE),
    ],
)
def test_terminal_output_carries_no_control_characters(glossar_cli, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    f = _write(tmp_path, HOSTILE + "\n")
    f2 = tmp_path / "en.txt"
    f2.write_text("House \x1b[2J state of emergency.\n", encoding="utf-8")
    r = glossar_cli(*(a.format(f=f, f2=f2) for a in args))
    assert "Traceback" not in r.stderr
    for stream in (r.stdout, r.stderr):
        assert not any(c in stream for c in ANY_CONTROL), repr(stream[:300])
    if args[0] != "check":  # check quotes no text here; the others show it, not obey it
        assert "␛[2J" in r.stdout + r.stderr


def test_glossary_notes_reach_the_terminal_harmlessly(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[glossary]\nid = "mine"\ntitle = "Mine\\u001b[2J"\n\n[[entry]]\nid = "haus"\n'
        'de = "Haus"\ngender = "n"\nen = "house"\nnote = "a \\u001b[8m hidden note"\n',
        encoding="utf-8",
    )
    r = glossar_cli("glossary", "validate", str(mine))
    assert r.exit_code == 4  # control characters are refused where they come in
    assert not any(c in r.stderr for c in ANY_CONTROL)


def test_error_messages_neutralise_what_they_quote(glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("terms", "missing-\x1b[2J.txt")
    assert r.exit_code == 4 and "\x1b" not in r.stderr
    r = glossar_cli("article", "--format", "\x1b[2J")
    assert r.exit_code == 2 and "\x1b" not in r.stderr


def test_translation_on_stdout_is_neutralised(copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("translate", "Das Haus \x1b[2J brennt.")
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_html_and_markdown_carry_no_raw_nul_or_c0(glossar_cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    f = _write(tmp_path, HOSTILE + "\n")
    r = glossar_cli("article", str(f), "--no-mt", "--format", fmt)
    assert r.exit_code == 0, r.stderr
    bad = [c for c in r.stdout if ord(c) < 0x20 and c not in "\t\n\r"]
    assert bad == []
    assert "Ausnahmezustand" in r.stdout


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_xml_outputs_replace_what_xml_forbids(glossar_cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    import os

    from lxml import etree

    f = tmp_path / os.fsdecode(b"name-\x1b-\xff.txt")
    f.write_text(HOSTILE + "\nZweiter \ufffe Satz \x1f.\n", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    r = glossar_cli("article", str(f), "--no-mt", "--format", fmt, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    root = etree.fromstring(out.read_bytes())  # well-formed XML 1.0
    text = "".join(root.itertext())
    assert "Ausnahmezustand" in text and "\ufffd" in text


@pytest.mark.parametrize("fmt", ["json", "html", "markdown", "terminal", "tmx", "xliff"])
def test_a_file_name_with_undecodable_bytes_is_written_in_every_format(
    glossar_cli, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    """The source name goes into the output: its undecodable byte becomes U+FFFD, in JSON
    written to a file too (it was refused there with exit 4)."""
    import os

    f = tmp_path / os.fsdecode(b"odd-\xff.txt")
    f.write_text("Der Ausnahmezustand gilt.\n", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    r = glossar_cli("article", str(f), "--no-mt", "--format", fmt, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert "Ausnahmezustand" in out.read_text(encoding="utf-8")


def test_xml_outputs_with_hostile_mt_output(
    copy_model_installed, glossar_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from lxml import etree

    f = _write(tmp_path, "Das Haus \x00\x1b brennt.\n")
    for fmt in ("tmx", "xliff"):
        out = tmp_path / f"mt.{fmt}"
        r = glossar_cli("article", str(f), "--format", fmt, "-o", str(out))
        assert r.exit_code == 0, r.stderr
        etree.fromstring(out.read_bytes())


# --- spreadsheets -----------------------------------------------------------------------

FORMULAS = ["=1+2", "@SUM(A1)", "+49 30", "-2+3", '=HYPERLINK("http://x")']


def test_csv_and_tsv_export_neutralise_formulas_and_import_them_back(
    glossar_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    mine = tmp_path / "mine.toml"
    entries = "".join(
        f'\n[[entry]]\nid = "f{i}"\nde = "{de.replace(chr(34), chr(92) + chr(34))}"\n'
        f'pos = "other"\nen = "{de.replace(chr(34), chr(92) + chr(34))} en"\n'
        for i, de in enumerate(FORMULAS)
    )
    mine.write_text('[glossary]\nid = "mine"\n' + entries, encoding="utf-8")
    assert glossar_cli("glossary", "validate", str(mine)).exit_code == 0
    for fmt in ("csv", "tsv"):
        out = tmp_path / f"out.{fmt}"
        r = glossar_cli(
            "glossary", "export", "--glossary", str(mine), "--format", fmt, "-o", str(out)
        )
        assert r.exit_code == 0, r.stderr
        text = out.read_text(encoding="utf-8")
        delimiter = "," if fmt == "csv" else "\t"
        cells = [c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row]
        assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    # and back: only the formula entries, so the round trip is theirs alone
    from glossar.glossary.formats.registry import export_glossary, read_glossary
    from glossar.glossary.load import load_glossary_file

    _, mine_entries = load_glossary_file(mine)
    for fmt in ("csv", "tsv"):
        text, _ = export_glossary(mine_entries, fmt)
        imported = read_glossary(text.encode("utf-8"), fmt).entries
        assert {(e.de, e.en) for e in imported} == {(de, f"{de} en") for de in FORMULAS}


@given(st.text(max_size=12))
def test_spreadsheet_guard_round_trips(cell: str) -> None:
    guarded = for_spreadsheet(cell)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert from_spreadsheet(guarded) == cell


# --- validate and export accept the same characters ------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x0b", "\ufffe", "\ud800"])
@pytest.mark.parametrize("field", ["note", "definition", "example_de", "domain", "literal"])
def test_validate_refuses_what_tbx_cannot_hold(tmp_path: Path, char: str, field: str) -> None:
    from glossar.errors import GlossaryError
    from glossar.glossary.formats.registry import read_glossary

    data = {
        "glossary": {"id": "x"},
        "entries": [
            {"id": "haus", "de": "Haus", "en": "house", "pos": "other", field: f"a{char}b"}
        ],
    }
    with pytest.raises(GlossaryError, match="not allowed|control|surrogate"):
        read_glossary(json.dumps(data).encode("utf-8"), "json")


@given(st.text(max_size=20))
def test_whatever_validates_exports_as_tbx(note: str) -> None:
    from glossar.glossary.formats.registry import export_glossary, read_glossary
    from glossar.glossary.model import Entry
    from glossar.glossary.rules import check_entry

    problems: list[str] = []
    raw = {"id": "haus", "de": "Haus", "en": "house", "pos": "other", "note": note}
    values = check_entry(raw, lambda f, m: problems.append(m))
    assume(values is not None)  # refused notes are another test's business
    entry = Entry(**values)
    text, _ = export_glossary([entry], "tbx")
    assert read_glossary(text.encode("utf-8"), "tbx").entries[0].note == entry.note


@given(st.text(max_size=30))
def test_neutralisers_leave_nothing_dangerous(text: str) -> None:
    t = for_terminal(text)
    assert len(t) == len(text)
    assert not any(ord(c) < 0x20 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F for c in t)
    x = for_xml(text)
    assert all(
        c in "\t\n\r" or 0x20 <= ord(c) < 0xD800 or 0xE000 <= ord(c) < 0xFFFE or ord(c) > 0xFFFF
        for c in x
    )
    m = for_markup(text)
    assert not any(ord(c) < 0x20 and c not in "\t\n\r" for c in m)


def test_c1_controls_in_a_valid_note_are_shown_not_obeyed(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # DEL and C1 (CSI is U+009B) are legal XML, so validation lets them through; the
    # terminal never gets them raw.
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[glossary]\nid = "mine"\n\n[[entry]]\nid = "haus"\nde = "Haus"\ngender = "n"\n'
        'en = "house"\nnote = "a \\u009b2J note \\u007f"\nexample_de = "Das \\u009b8m Haus."\n'
        'example_en = "The \\u009b8m house."\n',
        encoding="utf-8",
    )
    assert glossar_cli("glossary", "validate", str(mine)).exit_code == 0
    r = glossar_cli("lookup", "--glossary", str(mine), "Haus")
    assert r.exit_code == 0, r.stderr
    assert "note" in r.stdout
    assert not any(c in r.stdout for c in ANY_CONTROL), repr(r.stdout)


def test_sigterm_while_writing_leaves_no_temp_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A tester (stop 45): `timeout -s TERM … article -o FILE` left a hidden temp file
    beside FILE every time (only Ctrl-C cleaned up). The CLI now ends on SIGTERM as on an
    exception: the temp file goes, FILE stays as it was, exit status 143."""
    import signal
    import subprocess
    import sys

    target = tmp_path / "out.txt"
    target.write_text("before", encoding="utf-8")
    code = (
        "import os, signal\n"
        "from glossar.cli import _exit_on_sigterm\n"
        "from glossar.files import atomic_writer\n"
        "_exit_on_sigterm()\n"
        f"with atomic_writer({str(target)!r}, follow=True) as fh:\n"
        "    fh.write(b'half')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    fh.write(b' never')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    assert target.read_text(encoding="utf-8") == "before"


def test_main_gives_sigterm_back_to_its_caller() -> None:
    """The review's: a program that calls glossar.cli.main() kept glossar's SIGTERM
    handler ever after."""
    import signal

    import pytest

    from glossar.cli import main

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert signal.getsignal(signal.SIGTERM) == before
