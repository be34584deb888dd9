"""``glossar glossary import`` of a JSON termbase a user writes by hand.

A tester: ``{"entries": [{"de": "Macht", "en": "might"}, {"de": "schnell", "en": "fast"}]}``
was refused with "id: required field is missing" and "gender: a noun needs a gender" for
every entry ("schnell" is no noun), while the same pairs as CSV imported. A JSON entry
without ``id`` or ``pos`` is now completed as a CSV row without them is: an id from the
German term (``-2``, ``-3`` where taken) and the part of speech ``other``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossar.errors import GlossaryError
from glossar.glossary.formats.registry import export_glossary, read_glossary
from glossar.glossary.load import load_glossary_file
from glossar.text.fold import fold_key

PAIRS = [("Macht", "might"), ("schnell", "fast"), ("Staat", "state"), ("Staat!", "country")]


def _json(pairs: list[tuple[str, str]]) -> str:
    return json.dumps({"entries": [{"de": de, "en": en} for de, en in pairs]}, ensure_ascii=False)


def _csv(pairs: list[tuple[str, str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(pairs)
    return out.getvalue()


def _import(glossar_cli, folder: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    folder.mkdir(exist_ok=True)
    src, out = folder / name, folder / "out.toml"
    src.write_text(text, encoding="utf-8")
    return glossar_cli("glossary", "import", str(src), "-o", str(out)), out


def test_minimal_json_imports_as_the_same_pairs_as_csv(glossar_cli, tmp_path):
    by_json, from_json = _import(glossar_cli, tmp_path / "j", "terms.json", _json(PAIRS))
    assert by_json.exit_code == 0, by_json.stderr
    by_csv, from_csv = _import(glossar_cli, tmp_path / "c", "terms.csv", _csv(PAIRS))
    assert by_csv.exit_code == 0, by_csv.stderr
    assert from_json.read_bytes() == from_csv.read_bytes()
    _, entries = load_glossary_file(from_json)
    assert [(e.id, e.de, e.en, e.pos, e.gender) for e in entries] == [
        ("macht", "Macht", "might", "other", None),
        ("schnell", "schnell", "fast", "other", None),
        ("staat", "Staat", "state", "other", None),
        ("staat-2", "Staat!", "country", "other", None),  # a taken id: -2, as in CSV
    ]


def test_a_top_level_list_of_entries_is_the_same_termbase(glossar_cli, tmp_path):
    listed = json.dumps([{"de": de, "en": en} for de, en in PAIRS])
    by_list, from_list = _import(glossar_cli, tmp_path / "l", "terms.json", listed)
    assert by_list.exit_code == 0, by_list.stderr
    _, from_object = _import(glossar_cli, tmp_path / "o", "terms.json", _json(PAIRS))
    assert from_list.read_bytes() == from_object.read_bytes()
    # from stdin, where no file name says JSON
    piped = glossar_cli("glossary", "import", "-", input=listed)
    assert piped.exit_code == 0, piped.stderr
    assert 'id = "staat-2"' in piped.stdout
    # and read as CSV it is refused in one line, as a JSON object is
    as_csv = glossar_cli(
        "glossary", "import", str(tmp_path / "l" / "terms.json"), "--format", "csv"
    )
    assert as_csv.exit_code == 4
    assert "the file is JSON, not CSV" in as_csv.stderr and len(as_csv.stderr.splitlines()) == 1


def test_given_ids_and_parts_of_speech_are_kept(glossar_cli, tmp_path):
    body = {
        "entries": [
            {"id": "mein-macht", "de": "Macht", "en": "might", "pos": "noun", "gender": "f"},
            {"de": "schnell", "en": "fast", "pos": "adjective"},
        ]
    }
    result, out = _import(glossar_cli, tmp_path, "t.json", json.dumps(body))
    assert result.exit_code == 0, result.stderr
    _, entries = load_glossary_file(out)
    assert [(e.id, e.pos, e.gender) for e in entries] == [
        ("mein-macht", "noun", "f"),
        ("schnell", "adjective", None),
    ]


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        # a noun still needs its gender: named by file, line and field
        ('{"de": "Macht", "en": "might", "pos": "noun"}', "gender: a noun needs a gender"),
        # the error of a non-noun says nothing of gender
        ('{"de": "schnell", "en": " fast"}', "en: "),
        ('{"de": "schnell", "en": "fast", "pos": "adjektiv"}', "pos: 'adjektiv' is not one of"),
        # unknown fields stay an error (as an unknown CSV column is)
        ('{"de": "schnell", "en": "fast", "colour": "red"}', "colour: unknown field"),
        # a derived id that a later entry gives itself: a duplicate, as in CSV
        ('{"de": "Staat", "en": "state"},\n{"id": "staat", "de": "Land", "en": "country"}',
         "id: 'staat' already used (line 2)"),
    ],
)  # fmt: skip
def test_a_bad_entry_is_one_line_and_nothing_is_written(glossar_cli, tmp_path, entries, problem):
    text = '{"entries": [\n' + entries.replace("},\n{", "},\n  {").join(("  ", "\n")) + "]}\n"
    result, out = _import(glossar_cli, tmp_path, "t.json", text)
    assert result.exit_code == 4  # the contract: invalid glossary content
    (line,) = result.stderr.splitlines()
    last = 2 + entries.count("\n")
    assert line.startswith(f"glossar: {tmp_path / 't.json'}:{last}: {problem}"), line
    if not problem.startswith("gender"):
        assert "gender" not in line
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "body",
    ['"entries"', '{"entries": {"de": "Macht", "en": "might"}}', "[1]", '{"glossary": {}}'],
)
def test_a_json_document_of_another_shape_is_one_clear_line(glossar_cli, tmp_path, body):
    result, out = _import(glossar_cli, tmp_path, "t.json", body)
    assert result.exit_code == 4
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"glossar: {tmp_path / 't.json'}"), line
    assert "expected" in line and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_problem_in_an_exported_file_names_the_line_of_its_entry(tmp_path):
    """Lines come from where each entry starts, with or without an id."""
    info, entries = load_glossary_file(Path(__file__).parent / "data" / "glossary_rich.toml")
    text, _ = export_glossary(entries, "json", info=info)
    doc = json.loads(text)
    doc["entries"][2]["colour"] = "red"
    del doc["entries"][2]["id"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    lines = bad.read_text(encoding="utf-8").splitlines()
    start = [n for n, line in enumerate(lines, 1) if line == "    {"][2]
    with pytest.raises(GlossaryError) as raised:
        read_glossary(bad, "json")
    assert raised.value.problems == [f"{bad}:{start}: colour: unknown field"]


def test_the_full_json_export_still_reads_back_byte_identical():
    info, entries = load_glossary_file(Path(__file__).parent / "data" / "glossary_rich.toml")
    first, _ = export_glossary(entries, "json", info=info)
    back = read_glossary(first.encode(), "json")
    assert back.entries == list(entries)
    assert export_glossary(back.entries, "json", info=back.info)[0] == first


#: Words a CSV's first row would be a language header with ("Deutsch,English").
_HEADER_WORDS = {"deutsch", "german", "english", "englisch", "source", "target"}
# four letters at least: a shorter first row may be language codes ("da,en")
_GERMAN = st.from_regex(r"[A-Za-zÄÖÜäöüß][a-zäöüß]{3,7}( [a-zäöüß]{2,6})?!?", fullmatch=True)
_ENGLISH = st.from_regex(r"[a-z]{4,8}( [a-z]{2,6})?", fullmatch=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        _GERMAN.filter(lambda w: w.lower() not in _HEADER_WORDS),
        min_size=1,
        max_size=8,
        unique_by=fold_key,
    ).flatmap(
        lambda german: st.lists(
            _ENGLISH.filter(lambda w: w not in _HEADER_WORDS),
            min_size=len(german),
            max_size=len(german),
            unique=True,
        ).map(lambda english: list(zip(german, english, strict=True)))
    )
)
def test_minimal_json_and_csv_imports_agree(pairs):
    from_json = read_glossary(_json(pairs).encode(), "json").entries
    from_csv = read_glossary(_csv(pairs).encode(), "csv").entries
    assert from_json == from_csv
    assert all(e.pos == "other" for e in from_json)
