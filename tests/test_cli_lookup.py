"""``glossar lookup`` and ``glossar glossary list|validate`` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from glossar.cli import cli


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), input=input, env=env)


def test_lookup_json_contract_shape():
    result = run("lookup", "Ausnahmezustandes", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["query"] == "Ausnahmezustandes"
    top = data["results"][0]
    assert {k: top[k] for k in ("de", "en", "match", "score")} == {
        "de": "Ausnahmezustand", "en": "state of emergency", "match": "inflected", "score": 1.0,
    }  # fmt: skip
    assert top["entry"]["id"] == top["id"] and top["entry"]["gender"] == "m"


def test_lookup_human_output_shows_grammar_english_and_example():
    result = run("lookup", "Flüssiggas")
    assert result.exit_code == 0
    out = result.output
    assert "Flüssiggas" in out and "liquefied petroleum gas" in out
    assert "das" in out  # gender shown as the article
    assert "LNG" in out  # the deprecated rendering is flagged
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_lookup_suggestions_exit_1():
    result = run("lookup", "Ausnahmzustand")
    assert result.exit_code == 1
    assert "Ausnahmezustand" in result.output
    data = json.loads(run("lookup", "Ausnahmzustand", "--json").output)
    first = data["results"][0]
    # a suggestion says so as `terms` does: "sure": false (a tester read "fuzzy" with
    # "sure": true as an answer)
    assert (first["match"], first["sure"], first["suggestion"]) == ("fuzzy", False, True)
    exact = json.loads(run("lookup", "Ausnahmezustand", "--json").output)["results"][0]
    assert (exact["sure"], exact["suggestion"]) == (True, False)


def test_a_german_word_found_only_as_admitted_english_is_a_suggestion_exit_1():
    """ "Fall" (a case) answered Zusammenbruch → collapse through its admitted English
    "fall", exit 0; "Ausländer" answered Ausland as an inflected form. Both are
    suggestions now, labelled as such, and exit 1 (a student tester's lookups)."""
    result = run("lookup", "Fall")
    assert result.exit_code == 1
    assert "Did you mean" in result.output
    assert "suggestion: “Fall” is an alternative English term of this entry" in result.output
    data = json.loads(run("lookup", "Ausländer", "--json").output)
    assert [r["match"] for r in data["results"]][:1] == ["fuzzy"]
    assert run("lookup", "Ausländer").exit_code == 1


def test_lookup_nothing_exit_1():
    result = run("lookup", "Quantenchromodynamik", "--json")
    assert result.exit_code == 1
    assert json.loads(result.output) == {"query": "Quantenchromodynamik", "results": []}


@pytest.mark.parametrize("query", ["", "   ", "\u200b", "\u00ad \u2060"])  # invisible marks too
def test_an_empty_query_is_a_usage_error_not_nothing_found(query: str) -> None:
    """`glossar lookup "$TERM"` with TERM unset said "No entry for “”." (exit 1, as if
    the glossary lacked a word); an empty query is the caller's mistake (exit 2)."""
    for result in (run("lookup", query), run("lookup", "-", input=query + "\n")):
        assert result.exit_code == 2
        assert "QUERY is empty: give a word or term to look up." in result.output
        assert "No entry" not in result.output


def test_lookup_reads_stdin():
    result = run("lookup", "-", "--json", input="OVKS\n")
    assert result.exit_code == 0
    assert json.loads(result.output)["results"][0]["match"] == "abbreviation"


USER_GLOSSARY = """[glossary]
id = "newsroom"
version = "2"

[[entry]]
id = "fluessiggas"
de = "Flüssiggas"
gender = "n"
en = "autogas"
note = "House style."
"""


def test_user_glossary_layers_over_curated(tmp_path):
    path = tmp_path / "newsroom.toml"
    path.write_text(USER_GLOSSARY, encoding="utf-8")
    data = json.loads(run("lookup", "Flüssiggas", "--json", "--glossary", str(path)).output)
    assert data["results"][0]["en"] == "autogas"
    env_data = json.loads(
        run("lookup", "Flüssiggas", "--json", env={"GLOSSAR_GLOSSARY_PATH": str(path)}).output
    )
    assert env_data["results"][0]["en"] == "autogas"


def test_broken_user_glossary_exit_4_one_line_per_problem(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(USER_GLOSSARY.replace('gender = "n"', 'gender = "x"'), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "glossar", "lookup", "Gas", "--glossary", str(path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert proc.returncode == 4
    assert proc.stdout == ""
    assert proc.stderr.strip() == f"glossar: {path}:8: gender: 'x' is not one of m, f, n"
    assert "Traceback" not in proc.stderr


def test_glossary_list_json():
    result = run("glossary", "list", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["glossaries"][0]["id"] == "news"
    assert data["glossaries"][0]["entries"] == len(data["entries"]) >= 80
    bundled = {b["id"]: b for b in data["bundled"]}
    assert bundled["news"]["in_use"] and not bundled["kazakhstan-2022"]["in_use"]
    layered = json.loads(run("glossary", "list", "--json", "--glossary", "kazakhstan-2022").output)
    assert [g["id"] for g in layered["glossaries"]] == ["news", "kazakhstan-2022"]
    land = next(e for e in layered["entries"] if e["id"] == "land")
    assert land["en"] == "country"
    assert {"id", "de", "en"} <= set(data["entries"][0])


def test_glossary_validate(tmp_path):
    assert run("glossary", "validate").exit_code == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(USER_GLOSSARY.replace('en = "autogas"\n', ""), encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "validate", str(bad)])
    assert result.exit_code == 4
    assert f"{bad}:5: en: required field is missing" in result.output
    # a bundled glossary's name, as --glossary takes it (it was "no such glossary file")
    for args in (["kazakhstan-2022"], ["--glossary", "kazakhstan-2022"]):
        assert run("glossary", "validate", *args).exit_code == 0, args


def test_lang_de_messages():
    result = run("--lang", "de", "lookup", "Quantenchromodynamik")
    assert result.exit_code == 1
    assert "Kein Eintrag" in result.output


def test_python_m_glossar_and_lookup_stays_light():
    """`glossar lookup` must not import the MT stack (CTranslate2, argostranslate)."""
    code = (
        "import sys, runpy\n"
        "sys.argv = ['glossar', 'lookup', 'OVKS']\n"
        "try:\n    runpy.run_module('glossar', run_name='__main__')\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = [m for m in ('ctranslate2', 'argostranslate', 'sentencepiece', 'lxml') "
        "if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stdout
    assert "CSTO" in proc.stdout


def test_import_has_no_side_effects(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path)}
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var)
    code = (
        "import glossar, glossar.cli; glossar.load_glossary(); print(sorted(glossar.__all__)[:2])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_global_options_also_work_after_the_verb():
    result = run("lookup", "Quantenchromodynamik", "--lang", "de")
    assert result.exit_code == 1 and "Kein Eintrag" in result.output
    result = run("lookup", "--lang=de", "Quantenchromodynamik")
    assert "Kein Eintrag" in result.output


def test_deprecated_english_finds_the_entry_and_says_what_to_use():
    """A translator checking "Collective Security Treaty Organisation" was told only of
    fuzzy suggestions (exit 1): the entry lists it as deprecated English, so lookup
    finds the entry by it and says to use the preferred term."""
    shown = run("lookup", "Collective Security Treaty Organisation")
    assert shown.exit_code == 0
    assert "is deprecated English: use “Collective Security Treaty Organization”" in shown.output
    data = json.loads(run("lookup", "collective security treaty organisation", "--json").output)
    first = data["results"][0]
    assert (first["id"], first["match"], first["deprecated"]) == ("ovks", "reverse", True)
    plain = json.loads(run("lookup", "CSTO", "--json").output)["results"][0]
    assert "deprecated" not in plain  # only where true: the contract's shape otherwise


@pytest.mark.parametrize("query", ["„Kreml“", "Kreml.", "»Kreml«,", "ＫＲＥＭＬ", "(OVKS)"])
def test_a_query_copied_with_its_quotes_or_punctuation_finds_the_entry(query: str) -> None:
    """Copied from running text („Kreml“, Kreml.) or typed full-width, a query got only a
    fuzzy suggestion and exit 1; it is now also looked up without what wraps it."""
    result = run("lookup", query, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["query"] == query and data["results"][0]["match"] != "fuzzy"
    assert data["results"][0]["id"] in ("kreml", "ovks")


def test_a_query_argument_that_is_not_utf8_is_bad_input(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Bytes that are not UTF-8 in QUERY were looked up as "�" and answered "No entry"
    (exit 1): they are bad input (exit 4), as on standard input."""
    r = subprocess.run(
        [sys.executable.encode(), b"-m", b"glossar", b"lookup", b"Gro\xdfe"],
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 4
    assert b"QUERY: not UTF-8 text (byte 3" in r.stderr


def test_a_stripped_period_does_not_make_an_abbreviation_of_another_case(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Nr." is Nummer, not the acronym NR: without its period the query must match an
    abbreviation's case exactly; a short stripped query suggests nothing."""
    mine = tmp_path / "abbr.toml"
    mine.write_text(
        '[glossary]\nid = "abbr"\n\n[[entry]]\nid = "nationalrat"\nde = "Nationalrat"\n'
        'de_abbr = ["NR"]\ngender = "m"\nen = "National Council"\n',
        encoding="utf-8",
    )
    r = run("lookup", "--glossary", str(mine), "Nr.", "--json")
    assert r.exit_code == 1 and json.loads(r.output)["results"] == []
    assert run("lookup", "--glossary", str(mine), "NR.").exit_code == 0
    assert json.loads(run("lookup", "St.", "--json").output)["results"] == []


def test_a_surname_is_shown_as_a_short_form_not_an_abbreviation():
    """ "Tokayev" is the short form of Kassym-Jomart Tokayev; "(abbreviation of
    “Tokayev”)" told a reader the surname was an abbreviation. OVKS stays one; JSON
    keeps the contract's match kind."""
    assert "(short form of “Tokayev” · news)" in run("lookup", "Tokayev").output
    assert "(abbreviation of “OVKS” · news)" in run("lookup", "OVKS").output
    data = json.loads(run("lookup", "Tokayev", "--json").output)
    assert data["results"][0]["match"] == "abbreviation"


def test_a_term_list_on_standard_input_is_looked_up_line_by_line():
    """A translator's list, one term per line, was one query ("OVKS Tokajews …": only
    suggestions). Each line is a query now; with --json one document holds every
    query's answer (the contract: exactly one JSON document; it printed JSON Lines until
    stop 40); exit 1 when one of them found nothing."""
    terms = "OVKS\nTokajews\n\nQuantenchromodynamik\n"
    result = run("lookup", "-", "--json", input=terms)
    answers = json.loads(result.stdout)["queries"]
    assert [a["query"] for a in answers] == ["OVKS", "Tokajews", "Quantenchromodynamik"]
    assert answers[0]["results"][0]["id"] == "ovks"
    assert answers[1]["results"][0]["id"] == "tokajew"
    assert answers[2]["results"] == []
    assert result.exit_code == 1
    text = run("lookup", "-", input="OVKS\nTokajews\n")
    assert text.exit_code == 0
    assert text.stdout.startswith("# OVKS\n") and "\n\n# Tokajews\n" in text.stdout
    single = run("lookup", "-", "--json", input="OVKS\n")  # one line: one JSON document
    assert json.loads(single.stdout)["query"] == "OVKS"


def test_a_suggestion_names_its_glossary():
    """A tester's "lookup weist" listed Westen twice with nothing to tell the two rows
    apart: lookup searches every bundled glossary, and each has its own Westen."""
    result = run("lookup", "weist")
    assert result.exit_code == 1
    rows = [line.strip() for line in result.output.splitlines() if "similar" in line]
    assert "suggestion (89% similar · news)" in rows
    assert "suggestion (89% similar · kazakhstan-2022)" in rows


def test_an_inflected_match_of_a_re_worded_entry_says_whose_grammar_it_is(tmp_path):
    (tmp_path / "pairs.csv").write_text("Macht,might\n", encoding="utf-8")
    out = tmp_path / "pairs.toml"
    assert run("glossary", "import", str(tmp_path / "pairs.csv"), "-o", str(out)).exit_code == 0
    result = run("lookup", "--glossary", str(out), "Mächte")
    assert "(inflected form of “Mächte” · pairs; grammar and notes from news:macht)" in (
        result.output
    )


def test_a_suggestion_names_the_spelling_it_is_similar_to():
    # a tester's typo: "Kremel" is 73 % like the English alternative "rebel" of
    # Aufständische, which the entry's first line does not show
    r = run("--lang", "en", "lookup", "Kremel")
    assert r.exit_code == 1
    assert "suggestion (91% similar · news)" in r.output  # Kreml: the headword itself
    # (73 % like an English word is chance, not a typo of it: no longer suggested)
    assert "rebel" not in r.output
    r = run("--lang", "en", "lookup", "deploymnet")  # a typo of an English alternative
    assert "similar to “deployment”" in r.output
    r = run("--lang", "de", "lookup", "deploymnet")
    assert "ähnlich wie „deployment“" in r.output


def test_a_user_entry_taking_a_bundled_id_for_another_word_is_named(tmp_path):
    """A tester (stop 45): a user's id "kreml" for Apfel silently removed the Kreml entry
    ("later layers win" on ids); the commands now say so in one line."""
    path = tmp_path / "collide.toml"
    path.write_text(
        '[glossary]\nid = "mine"\nversion = "1"\n\n[[entry]]\nid = "kreml"\nde = "Apfel"\n'
        'gender = "m"\nen = "apple"\n',
        encoding="utf-8",
    )
    result = run("lookup", "Apfel", "--glossary", str(path))
    assert result.exit_code == 0
    (line,) = [x for x in result.stderr.splitlines() if "replaces" in x]
    assert "'kreml' (Apfel) replaces news:kreml (Kreml)" in line
    # the same id for the same word (a user's re-wording of the entry) is no news
    path.write_text(
        '[glossary]\nid = "mine"\nversion = "1"\n\n[[entry]]\nid = "kreml"\nde = "Kreml"\n'
        'pos = "proper-noun"\nen = "the Kremlin"\n',
        encoding="utf-8",
    )
    assert "replaces" not in run("lookup", "Kreml", "--glossary", str(path)).stderr


def test_a_bundled_glossary_not_in_force_is_said_to_be():
    """A tester (stop 45): lookup shows kazakhstan-2022's entries beside the news one,
    and nothing said that `terms`, `translate` and `check` do not use them."""
    data = json.loads(run("lookup", "Flüssiggas", "--json").output)
    assert {(r["glossary"], r["in_force"]) for r in data["results"]} == {
        ("news", True),
        ("kazakhstan-2022", False),
    }
    assert "not in force: give --glossary kazakhstan-2022" in run("lookup", "Flüssiggas").output
    scoped = run("lookup", "Flüssiggas", "--glossary", "kazakhstan-2022", "--json").output
    assert all(r["in_force"] for r in json.loads(scoped)["results"])
