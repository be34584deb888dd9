"""`-o FILE` on every verb that prints a result (the contract: "`-o -` is standard output
for every verb"): `terms`, `translate`, `lookup` and `check` write what they would print
to FILE, atomically, with the same exit code; `-o -` is standard output; an output that
is an input is refused (exit 2) and a failed run leaves no file. A tester found `-o`
only on `article` and `glossary export`/`import` (exit 2 on `translate --file x -o y`)."""

from __future__ import annotations

from pathlib import Path

import pytest

SOURCE = "Tokajew verhängte den Ausnahmezustand. Die OVKS-Truppen griffen ein.\n"
TARGET = "Tokayev declared a state of emergency. The CSTO troops intervened.\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "de.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "en.txt").write_text(TARGET.replace("CSTO", "ODKB"), encoding="utf-8")
    return {"de": tmp_path / "de.txt", "en": tmp_path / "en.txt", "out": tmp_path / "out.txt"}


def _commands(files: dict[str, Path]) -> list[list[str]]:
    de, en = str(files["de"]), str(files["en"])
    return [
        ["terms", de],
        ["terms", de, "--json"],
        ["lookup", "Ausnahmezustandes"],
        ["lookup", "Quatschwort"],  # nothing: exit 1, the message still written
        ["check", de, en],  # a problem: exit 1, the report still written
        ["check", de, en, "--json"],
    ]


def test_o_writes_what_stdout_shows(files, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    for args in _commands(files):
        shown = glossar_cli(*args)
        written = glossar_cli(*args, "-o", str(files["out"]))
        assert written.exit_code == shown.exit_code, args
        assert written.stdout == ""
        assert files["out"].read_text(encoding="utf-8") == shown.stdout, args
        dash = glossar_cli(*args, "-o", "-")
        assert (dash.exit_code, dash.stdout) == (shown.exit_code, shown.stdout)


def test_translate_o_writes_the_english(files, copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    shown = glossar_cli("translate", "--file", str(files["de"]))
    written = glossar_cli("translate", "--file", str(files["de"]), "-o", str(files["out"]))
    assert written.exit_code == shown.exit_code == 0
    assert files["out"].read_text(encoding="utf-8") == shown.stdout != ""
    assert written.stderr == shown.stderr  # the label and the terms: still on stderr


def test_an_input_as_output_is_refused_and_kept(files, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    for args in (["terms", str(files["de"])], ["check", str(files["de"]), str(files["en"])]):
        r = glossar_cli(*args, "-o", str(files["de"]))
        assert r.exit_code == 2 and "overwrite an input" in r.stderr
        assert files["de"].read_text(encoding="utf-8") == SOURCE


def test_a_failed_run_writes_no_file(files, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("terms", str(files["de"]) + ".missing", "-o", str(files["out"]))
    assert r.exit_code == 4 and not files["out"].exists()
    files["out"].write_text("kept", encoding="utf-8")
    r = glossar_cli("check", str(files["de"]), "missing.txt", "-o", str(files["out"]))
    assert r.exit_code == 4 and files["out"].read_text(encoding="utf-8") == "kept"
