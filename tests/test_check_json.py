"""``glossar check SOURCE TARGET`` with TARGET the JSON of ``glossar translate --json``:
the segments' English is checked against SOURCE's lines, each line's sentences joined
again, so segment numbers still count SOURCE's lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_check_doubles import find_terms_double, small_glossary

from glossar.cli import cli, main
from glossar.errors import BadInputError
from glossar.qa.check import check_translation

DATA = Path(__file__).parent / "data"
GERMAN = (DATA / "check_source_de.txt").read_text(encoding="utf-8").splitlines()
ENGLISH = (DATA / "check_good_en.txt").read_text(encoding="utf-8").splitlines()
PEOPLE = str(DATA / "check_glossary.toml")
#: the first paragraph with several sentences to a line, as an editor would keep it
LINES = [(0, 1), (2, 3), (4,), (5, 6, 7)]
SOURCE = "\n".join(" ".join(GERMAN[k] for k in line) for line in LINES) + "\n"


def translate_json(targets: list[str], sources: list[str] = GERMAN) -> str:
    """What ``glossar translate --json`` prints: one segment per sentence."""
    segments = [
        {"source": de, "target": en, "terms": []} for de, en in zip(sources, targets, strict=True)
    ]
    document = {"engine": "argos", "model": {"name": "x", "version": "1", "path": "/m"}}
    return json.dumps({**document, "segments": segments}, ensure_ascii=False, indent=2)


def check(source: str, target: str):  # type: ignore[no-untyped-def]
    return check_translation(source, target, small_glossary(), find_terms=find_terms_double)


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input, env={"NO_COLOR": "1"})


def test_good_translation_as_json_has_no_problems_per_source_line() -> None:
    report = check(SOURCE, translate_json(ENGLISH))
    assert report.problems == []
    assert (report.mode, report.source_segments, report.target_segments) == ("lines", 4, 4)
    assert report.aligned == 4


def test_problems_are_numbered_by_source_line() -> None:
    english = list(ENGLISH)
    english[3] = english[3].replace("a thousand", "a hundred")  # sentence 4, line 2
    english[4] = english[4].replace("CSTO", "OVKS")  # sentence 5, line 3
    english[7] = GERMAN[7]  # sentence 8 left in German, line 4
    problems = check(SOURCE, translate_json(english)).problems
    assert [(p.segment, p.kind) for p in problems] == [
        (2, "number"),
        (3, "term"),
        (4, "untranslated"),
    ]
    assert problems[0].de == "Tausend" and problems[0].found == "a hundred"


def test_the_json_as_both_files_is_checked_sentence_by_sentence() -> None:
    document = translate_json(
        ENGLISH[:3] + ["The toll so far: more than 100 injured."] + ENGLISH[4:]
    )
    report = check(document, document)
    assert report.mode == "sentences" and report.source_segments == 8
    assert [(p.segment, p.kind, p.found) for p in report.problems] == [(4, "number", "100")]


def test_json_of_another_source_is_aligned_like_plain_text() -> None:
    """Sentences that are not SOURCE's: the targets are aligned with SOURCE's lines as now."""
    sources = [s.replace("Tokajew", "Tokajev") for s in GERMAN]  # translated from another copy
    report = check("\n".join(GERMAN), translate_json(ENGLISH, sources))
    assert report.problems == []
    assert (report.mode, report.aligned) == ("lines", 8)


def test_cli_checks_translate_json(tmp_path: Path) -> None:
    source = tmp_path / "de.txt"
    source.write_text(SOURCE, encoding="utf-8")
    target = tmp_path / "mt.json"
    target.write_text(translate_json(ENGLISH), encoding="utf-8")
    result = run("check", "--glossary", PEOPLE, str(source), str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "No problems, 4 segment pairs compared (lines)."
    both = run("check", "--glossary", PEOPLE, str(target), str(target))
    assert both.exit_code == 0, both.output
    assert both.stdout.splitlines()[-1] == "No problems, 8 segment pairs compared (sentences)."


def test_cli_reads_translate_json_from_stdin(tmp_path: Path) -> None:
    source = tmp_path / "de.txt"
    source.write_text(SOURCE, encoding="utf-8")
    english = [e.replace("a thousand", "ten thousand") for e in ENGLISH]
    result = run(
        "check", "--json", "--glossary", PEOPLE, str(source), "-", input=translate_json(english)
    )
    assert result.exit_code == 1
    assert [(p["segment"], p["found"]) for p in json.loads(result.stdout)["problems"]] == [
        (2, "ten thousand")
    ]


def test_translate_json_without_targets_is_exit_4(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mt.json"
    target.write_text('{"segments": [{"source": "Die Angst wächst."}]}', encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["check", str(DATA / "check_source_de.txt"), str(target)])
    assert exc.value.code == 4
    err = capsys.readouterr().err
    assert (
        err == f"glossar: {target}: segment 1 of the translate JSON has no source and target text\n"
    )
    with pytest.raises(BadInputError):
        check(SOURCE, '{"segments": ["The toll so far."]}')


@pytest.mark.parametrize(
    "target",
    [
        "{Almaty} – Kazakh head of state Kassym-Jomart Tokayev only had to call.",  # not JSON
        '{"problems": []}',  # JSON, but not translate's
    ],
)
def test_text_that_only_looks_like_json_is_checked_as_text(target: str) -> None:
    report = check(GERMAN[0], target)
    assert report.mode == "lines" and report.aligned == 1
