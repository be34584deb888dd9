"""``glossar check`` from the command line: exit codes, JSON, human output, UI language."""

from __future__ import annotations

import importlib
import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_check_doubles import find_terms_double

from glossar.cli import cli, main
from glossar.i18n import set_language

DATA = Path(__file__).parent / "data"
SOURCE = str(DATA / "check_source_de.txt")
GOOD = str(DATA / "check_good_en.txt")
BAD = str(DATA / "check_bad_en.txt")
PEOPLE = str(DATA / "check_glossary.toml")


@pytest.fixture(autouse=True)
def term_recognition(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real term recognition when it is there; the stand-in until it lands."""
    try:
        importlib.import_module("glossar.terms.recognise")
    except ModuleNotFoundError:
        fake = types.ModuleType("glossar.terms.recognise")
        fake.find_terms = find_terms_double  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "glossar.terms.recognise", fake)
    monkeypatch.delenv("GLOSSAR_GLOSSARY_PATH", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    yield
    set_language("en")


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input)


def test_bad_translation_fails_with_its_problems_as_json() -> None:
    result = run("check", "--json", "--glossary", PEOPLE, SOURCE, BAD)
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)["problems"]
    seen = {(p["segment"], p["kind"], p["found"]) for p in problems}
    assert {(1, "term", "Tokajew"), (4, "number", "100"), (5, "term", "OVKS")} <= seen
    assert (3, "untranslated", Path(BAD).read_text(encoding="utf-8").splitlines()[2]) in seen
    assert {p["segment"] for p in problems} <= {1, 3, 4, 5}


def test_good_translation_passes() -> None:
    result = run("check", "--glossary", PEOPLE, SOURCE, GOOD)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "No problems, 8 segment pairs compared (lines)."


def test_human_output_one_line_per_problem_with_header_and_summary() -> None:
    result = run("--lang", "en", "check", "--glossary", PEOPLE, SOURCE, BAD)
    lines = result.stdout.splitlines()
    assert lines[0] == f"German → English: {SOURCE} ↔ {BAD}"
    assert "segment 4: number: Tausend became 100 (expected 1,000)" in lines
    assert any(line.startswith("segment 3: untranslated: ") for line in lines)
    problem_lines = [line for line in lines[1:-1]]
    assert all(line.startswith("segment ") for line in problem_lines)
    assert lines[-1] == f"{len(problem_lines)} problems, 8 segment pairs compared (lines)."


def test_header_names_the_direction_in_the_ui_language() -> None:
    result = run("--lang", "de", "check", "--glossary", PEOPLE, SOURCE, GOOD)
    assert result.stdout.startswith("Deutsch → Englisch: ")


def test_json_is_not_localised() -> None:
    en = run("--lang", "en", "check", "--json", "--glossary", PEOPLE, SOURCE, BAD).stdout
    de = run("--lang", "de", "check", "--json", "--glossary", PEOPLE, SOURCE, BAD).stdout
    assert json.loads(en) == json.loads(de)


def test_translation_from_stdin() -> None:
    text = Path(BAD).read_text(encoding="utf-8")
    result = run("check", "--json", "--glossary", PEOPLE, SOURCE, "-", input=text)
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["problems"]) >= 4


def test_missing_file_is_exit_4(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", SOURCE, str(tmp_path / "nope.txt")])
    assert exc.value.code == 4
    err = capsys.readouterr().err
    assert err.startswith("glossar: ") and "nope.txt" in err and len(err.splitlines()) == 1


def test_texts_given_for_files_are_told_apart(capsys: pytest.CaptureFixture[str]) -> None:
    """A tester ran `glossar check "<German>" "<English>"` and read only "no such file"."""
    with pytest.raises(SystemExit) as exc:
        main(["check", "Der Krieg in der Ukraine.", "The war in Ukraine."])
    assert exc.value.code == 4
    err = capsys.readouterr().err
    assert err == (
        "glossar: Der Krieg in der Ukraine.: no such file (SOURCE and TARGET are files, or - "
        "for one)\n"
    )


def test_not_utf8_is_exit_4(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Die Angst wächst.".encode("latin-1"))
    with pytest.raises(SystemExit) as exc:
        main(["check", str(latin1), GOOD])
    assert exc.value.code == 4


def test_exit_codes_through_main() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--json", "--glossary", PEOPLE, SOURCE, GOOD])
    assert exc.value.code == 0
    with pytest.raises(SystemExit) as exc:
        main(["check", "--json", "--glossary", PEOPLE, SOURCE, BAD])
    assert exc.value.code == 1


def test_german_ui_renders_problems_in_german() -> None:
    """With --lang de the installed catalog makes human output German; JSON stays English."""
    result = run("--lang", "de", "check", "--glossary", PEOPLE, SOURCE, BAD)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Deutsch → Englisch: ")
    # the kinds too (a tester: "term:", "number:" stayed English); JSON keeps them
    assert "Segment 4: Zahl: aus Tausend wurde 100 (erwartet: 1,000)" in lines
    assert any(line.startswith("Segment 3: unübersetzt: die Übersetzung ist") for line in lines)
    assert lines[-1] == f"{len(lines) - 2} Probleme, 8 Segmentpaare verglichen (Zeilen)."
    data = json.loads(
        run("--lang", "de", "check", "--json", "--glossary", PEOPLE, SOURCE, BAD).stdout
    )
    assert "Tausend became 100 (expected 1,000)" in {p["message"] for p in data["problems"]}
