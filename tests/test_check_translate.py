"""``glossar check`` on ``glossar translate`` output, end to end with a real CTranslate2 model.

The copy model (tests/argos_models.py) outputs its German input, so everything
``translate`` produces is German apart from the glossary terms it enforces: ``check``
must call every sentence of it untranslated — the failure a user most needs to see
when a wrong model package is installed.
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"
SOURCE = DATA / "check_source_de.txt"


def test_copy_model_output_is_reported_untranslated(  # type: ignore[no-untyped-def]
    copy_model_installed, glossar_cli, tmp_path: Path
) -> None:
    translated = glossar_cli("translate", "--file", str(SOURCE), "--json", "--beam", "1")
    assert translated.exit_code == 0, translated.stderr
    segments = json.loads(translated.stdout)["segments"]
    assert any(t["found"] for s in segments for t in s["terms"])  # enforcement did put English in
    target = tmp_path / "en.txt"
    target.write_text("\n".join(s["target"] for s in segments) + "\n", encoding="utf-8")

    checked = glossar_cli("check", "--json", str(SOURCE), str(target))
    assert checked.exit_code == 1, checked.stderr
    problems = json.loads(checked.stdout)["problems"]
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    untranslated = {p["segment"] for p in problems if p["kind"] == "untranslated"}
    # every sentence but the shortest questions is caught, and nothing else is said
    assert len(untranslated) >= len(lines) - 3
    assert {p["kind"] for p in problems} <= {"untranslated"}


def test_translate_json_is_checked_directly(  # type: ignore[no-untyped-def]
    copy_model_installed, glossar_cli, tmp_path: Path
) -> None:
    """``translate --json > mt.json; check SOURCE mt.json``: the same verdict as on the text."""
    translated = glossar_cli("translate", "--file", str(SOURCE), "--json", "--beam", "1")
    assert translated.exit_code == 0, translated.stderr
    as_json = tmp_path / "mt.json"
    as_json.write_text(translated.stdout, encoding="utf-8")
    as_text = tmp_path / "mt.txt"
    segments = json.loads(translated.stdout)["segments"]
    as_text.write_text("\n".join(s["target"] for s in segments) + "\n", encoding="utf-8")

    from_json = glossar_cli("check", "--json", str(SOURCE), str(as_json))
    from_text = glossar_cli("check", "--json", str(SOURCE), str(as_text))
    assert from_json.exit_code == from_text.exit_code == 1, from_json.stderr
    assert json.loads(from_json.stdout) == json.loads(from_text.stdout)
    assert json.loads(from_json.stdout)["problems"]  # the copy model's German is caught


def test_lines_ended_by_carriage_returns_stay_lines_through_translate_and_check(  # type: ignore[no-untyped-def]
    copy_model_installed, glossar_cli, tmp_path: Path
) -> None:
    """A file with classic Mac OS line ends (CR alone): `translate` joined its lines into
    one, where `check` reads one segment per line, so the pipeline the README shows
    reported every line unpaired."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()[:4]
    source = tmp_path / "cr.txt"
    source.write_bytes("\r".join(lines).encode() + b"\r")
    translated = glossar_cli("translate", "--file", str(source), "--beam", "1")
    assert translated.exit_code == 0, translated.stderr
    assert len(translated.stdout.splitlines()) == 4
    target = tmp_path / "en.txt"
    target.write_text(translated.stdout, encoding="utf-8")
    checked = glossar_cli("check", "--json", str(source), str(target))
    report = json.loads(checked.stdout)
    assert {p["kind"] for p in report["problems"]} <= {"untranslated"}, report["problems"]


def test_translate_json_of_wrapped_text_is_checked_sentence_by_sentence() -> None:
    """A wrapped source (a sentence over two lines) and translate's JSON of it: the JSON's
    sentences could not be joined per line, and check reported "4 segments in the
    source, 2 in the translation" (found before this stop ended). They are the source's
    sentences, compared one by one."""
    import json as _json

    from glossar import check_translation, load_glossary

    first = "Die Regierung hat den\nAusnahmezustand verhängt."
    second = "Der Präsi-\ndent sprach mit der\nOVKS."
    source = f"{first} {second}\n"
    document = {
        "engine": "argos",
        "segments": [
            {"source": first, "target": "The government declared a state of emergency."},
            {"source": second, "target": "The president spoke to the CSTO."},
        ],
    }
    report = check_translation(source, _json.dumps(document), load_glossary())
    assert report.mode == "sentences" and report.aligned == 2
    assert report.problems == []
