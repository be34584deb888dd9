"""UTF-8 text read as Windows-1252 once ("PrÃ¤sident"): valid UTF-8, so nothing refused
it, and a desk tester's 60 such copies of real articles lost 49 of 208 terms in silence.
Each command now says so in one line, with the repair; the text is left as it is."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from glossar.text.mojibake import mojibake_example

ARTICLE = "Der Präsident und das Militär: „Die Lage ist ernst“ – sagte er."
BROKEN = ARTICLE.encode("utf-8").decode("cp1252", "replace")


def test_mojibake_is_found_and_real_german_is_not() -> None:
    assert mojibake_example(BROKEN) == "PrÃ¤sident"
    pud = Path(__file__).parent / "data" / "pud" / "de_pud-ud-test.conllu"
    assert mojibake_example(pud.read_text(encoding="utf-8")) is None
    assert mojibake_example("São Paulo und Ã als Buchstabe") is None  # one is no text's


def test_each_command_says_so_in_one_line(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "broken.txt"
    src.write_text(BROKEN + "\n", encoding="utf-8")
    r = glossar_cli("terms", str(src))
    note = [line for line in r.stderr.splitlines() if "Windows-1252" in line]
    assert len(note) == 1 and "PrÃ¤sident" in note[0]
    assert f"iconv -f utf-8 -t windows-1252 {src} > fixed.txt" in note[0]
    en = tmp_path / "en.txt"
    en.write_text("The president and the military.\n", encoding="utf-8")
    assert "Windows-1252" in glossar_cli("check", str(src), str(en)).stderr
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE + "\n", encoding="utf-8")
    assert "Windows-1252" not in glossar_cli("terms", str(good)).stderr


def test_the_repair_it_names_gives_the_text_back(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The command the message names, run as it says, gives the article back."""
    src = tmp_path / "broken.txt"
    src.write_text(BROKEN, encoding="utf-8")
    if shutil.which("iconv") is None:
        pytest.skip("no iconv here")
    said = glossar_cli("terms", str(src)).stderr
    command = said[said.index("iconv") : said.index(" > fixed.txt")].split()
    assert command[-1] == str(src)
    fixed = subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8")
    assert fixed == ARTICLE


def test_the_windows_1252_advice_is_given_only_for_a_file_in_it(  # type: ignore[no-untyped-def]
    glossar_cli, tmp_path: Path
) -> None:
    """A file in Windows-1252 is refused with the conversion; a UTF-8 file with one stray
    byte, or one cut off inside a character, without it (following it would garble the
    file's good umlauts: the stop-47 review), and at the right byte."""
    cases = {
        "latin.txt": (b"Der Pr\xe4sident.\n", "byte 6: b'\\xe4'); Windows-1252"),
        "stray.txt": ("Der Präsident.\nDie K".encode() + b"\xfche.\n", "byte 21: b'\\xfc')"),
        "cut.txt": (b"Der Pr\xc3", "byte 6: b'\\xc3')"),
    }
    for name, (data, said) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        r = glossar_cli("terms", str(path))
        assert r.exit_code == 4 and said in r.stderr, (name, r.stderr)
        assert ("iconv" in r.stderr) is (name == "latin.txt")
