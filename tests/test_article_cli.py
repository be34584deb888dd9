"""``glossar article`` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossar.bilingual import load_bundled_article
from glossar.cli import cli, main


def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input, env=env)


def run_main(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Through ``main()``, which maps library errors to exit codes."""
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def test_without_a_model_shows_the_whole_article_and_how_to_get_mt(argos_home) -> None:  # type: ignore[no-untyped-def]
    result = run("article", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = result.output
    flat = " ".join(out.split())
    article = load_bundled_article()
    for s in article.sentences:  # every German sentence and its reference, in full
        for word in (s.de.split()[0], s.de.split()[-1], s.en_ref.split()[-1]):
            assert word in flat
    assert "REF = English reference translation" in out
    assert "glossar model install" in out and "FILE.argosmodel" in out
    assert "Glossary terms used" in out and "shoot-to-kill order" in out
    assert "Startseite" not in out and "Auch interessant" not in out


def test_narrow_terminal_stacks_german_then_english(argos_home) -> None:  # type: ignore[no-untyped-def]
    out = run("article", env={"COLUMNS": "80"}).output
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    i = next(i for i, line in enumerate(lines) if line.startswith("DE  Die Situation"))
    assert lines[i + 1].startswith("REF The situation in Kazakhstan")


def test_json_is_the_contract_document(argos_home) -> None:  # type: ignore[no-untyped-def]
    result = run("article", "--format", "json")
    assert result.exit_code == 0
    # --json says it as every other command does (a tester's "No such option")
    assert run("article", "--json").output == result.output
    assert run("article", "--json", "--format", "html").exit_code == 2
    data = json.loads(result.output)
    assert data["mt"] is None and data["mt_status"] == "no-model"
    assert len(data["pairs"]) == len(load_bundled_article().sentences)
    first = data["pairs"][1]
    assert first == {
        "de": "Die Situation in Kasachstan eskaliert.",
        "en_mt": None,
        "en_ref": "The situation in Kazakhstan is escalating.",
        "terms": first["terms"],
        "block": "lead",
        "paragraph": 1,
    }
    assert {"id": "kasachstan", "de": "Kasachstan", "en": "Kazakhstan"}.items() <= next(
        g for g in data["glossary"] if g["id"] == "kasachstan"
    ).items()


@pytest.mark.parametrize(
    "fmt, marker",
    [
        ("html", "<!DOCTYPE html>"),
        ("markdown", "# **Kasachstan**"),
        ("tmx", '<tmx version="1.4">'),
        ("xliff", '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'),
        ("json", '"source_lang": "de"'),
        ("terminal", "Glossary terms used"),
    ],
)
def test_every_format_writes_a_file(tmp_path: Path, fmt: str, marker: str) -> None:
    out = tmp_path / f"article.{fmt}"
    result = run("article", "--no-mt", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0 and result.output == ""
    text = out.read_text(encoding="utf-8")
    assert marker in text
    assert "\x1b[" not in text


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_the_glossary_table_names_an_abbreviation_once(tmp_path: Path, fmt: str) -> None:
    # OVKS and ODKB are both CSTO (en_abbr pairs with de_abbr): the table said "(CSTO, CSTO)"
    out = tmp_path / f"article.{fmt}"
    assert run("article", "--no-mt", "--format", fmt, "-o", str(out)).exit_code == 0
    text = " ".join(out.read_text(encoding="utf-8").replace("\\", "").split())
    assert "Collective Security Treaty Organization (CSTO)" in text
    assert "CSTO, CSTO" not in text


@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_an_unsure_term_stays_a_suggestion_in_tmx_and_xliff(tmp_path: Path, fmt: str) -> None:
    # a tester on GNAD: the notes said "Einsatz → operation" where every other view says
    # "? operation | deployment | …" (Truppen, from the article's "OVKS-Truppen", likewise)
    (tmp_path / "a.txt").write_text("Die OVKS schickt Truppen nach Kasachstan.\n", "utf-8")
    out = tmp_path / f"a.{fmt}"
    assert (
        run(
            "article", str(tmp_path / "a.txt"), "--no-mt", "--format", fmt, "-o", str(out)
        ).exit_code
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "Truppen → ? troops | force" in text
    assert "Truppen → troops (" not in text


@pytest.mark.parametrize("content", ["", "  \n\t \n\n", "> \n>\n> > \n"])
def test_a_file_with_no_text_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys, content: str
) -> None:  # type: ignore[no-untyped-def]
    # a tester: an empty article replaced an earlier -o file with an empty one, exit 0
    (tmp_path / "empty.txt").write_text(content, encoding="utf-8")
    out = tmp_path / "o.json"
    out.write_text('{"kept": true}\n', encoding="utf-8")
    code, _out, err = run_main(
        capsys,
        "article",
        str(tmp_path / "empty.txt"),
        "--no-mt",
        "--format",
        "json",
        "-o",
        str(out),
    )
    assert code == 4 and "no text (the file is empty, white space or quote marks only)" in err
    assert len(err.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == '{"kept": true}\n'


def test_a_german_file_and_stdin(tmp_path: Path) -> None:
    src = tmp_path / "notiz.txt"
    src.write_text("Tokajew verhängte den Ausnahmezustand.\n", encoding="utf-8")
    for args, stdin in (([str(src)], None), (["-"], src.read_bytes())):
        data = json.loads(run("article", *args, "--no-mt", "--format", "json", input=stdin).output)
        assert [p["de"] for p in data["pairs"]] == ["Tokajew verhängte den Ausnahmezustand."]
        assert data["pairs"][0]["en_ref"] is None and data["reference"] is None
        assert {t["en"] for t in data["pairs"][0]["terms"]} >= {"state of emergency"}


def test_user_glossary_layers_over_the_curated_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[glossary]\nid = "mine"\n\n[[entry]]\nid = "ausnahmezustand"\nde = "Ausnahmezustand"\n'
        'pos = "noun"\ngender = "m"\nen = "emergency rule"\n',
        encoding="utf-8",
    )
    data = json.loads(run("article", "--no-mt", "--format", "json", "--glossary", str(mine)).output)
    entry = next(g for g in data["glossary"] if g["id"] == "ausnahmezustand")
    assert entry["en"] == "emergency rule"


def test_evaluate_without_a_model_exits_3(argos_home, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run_main(capsys, "article", "--evaluate")
    assert code == 3 and out == ""
    assert err.startswith("glossar: ") and len(err.strip().splitlines()) == 1
    assert "glossar model install" in err and "FILE.argosmodel" in err


def test_bad_input_exits_4(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Ausnahmezustand in München".encode("latin-1"))
    code, _out, err = run_main(capsys, "article", str(latin1), "--no-mt")
    assert code == 4 and "not UTF-8" in err
    code, _out, err = run_main(capsys, "article", str(tmp_path / "missing.txt"), "--no-mt")
    assert code == 4 and "no such file" in err


def test_evaluate_and_no_mt_is_a_usage_error() -> None:
    assert run("article", "--evaluate", "--no-mt").exit_code == 2


def test_with_a_model_the_mt_column_is_labelled(installed_tiny_model) -> None:  # type: ignore[no-untyped-def]
    result = run("article", "--beam", "1", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert f"MT = English machine translation (argos: {installed_tiny_model.name}" in result.output
    assert "REF = English reference translation" in result.output
    assert "glossar model install" not in result.output
    # a tester: nothing said what the ≡ line's words mean (aligned, inserted, no mark)
    assert "≡ = the German's glossary terms and their English in MT" in result.output
    assert "≡ = " not in run("article", "--no-mt", env={"COLUMNS": "120"}).output
    data = json.loads(run("article", "--beam", "1", "--format", "json").output)
    assert data["mt"]["model"] == installed_tiny_model.name
    assert all(isinstance(p["en_mt"], str) for p in data["pairs"])


def test_evaluate_with_a_model(copy_model_installed) -> None:  # type: ignore[no-untyped-def]
    result = run("article", "--evaluate", "--beam", "1")
    assert result.exit_code == 0, result.output
    assert "chrF" in result.output and "nrefs:1|case:mixed|eff:yes|nc:6" in result.output
    assert "BLEU" in result.output and "tok:13a" in result.output
    data = json.loads(run("article", "--evaluate", "--beam", "1", "--format", "json").output)
    assert data["term_occurrences"] == data["terms_in_ref"] > 100
    assert 0 < data["terms_in_mt"] <= data["term_occurrences"]
    assert data["mt"]["model"] == copy_model_installed.name


def test_python_m_glossar_article_runs_offline(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "glossar", "article", "--format", "json"],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["mt"] is None


def test_an_article_toml_file_brings_its_own_reference(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[article]\ntitle = "Notiz"\n\n[[block]]\ntype = "paragraph"\n\n[[block.sentence]]\n'
        'de = "Die OVKS schickt Truppen."\nen_ref = "The CSTO is sending troops."\n',
        encoding="utf-8",
    )
    data = json.loads(run("article", str(mine), "--no-mt", "--format", "json").output)
    assert data["title"] == "Notiz"
    assert data["pairs"][0]["en_ref"] == "The CSTO is sending troops."
    assert data["reference"]["origin"] == "reference"


@pytest.mark.parametrize("piped", [True, False])
def test_piped_text_without_file_is_told_to_use_dash(piped: bool) -> None:
    """`cat a.txt | glossar article` shows the bundled article (no FILE), as the contract
    has it; it now says so on stderr instead of silently ignoring the text. Nothing is
    said when nothing is piped (a terminal, /dev/null)."""
    r = subprocess.run(
        [sys.executable, "-m", "glossar", "article", "--no-mt", "--format", "json"],
        input=b"Der Ausnahmezustand gilt.\n" if piped else None,
        stdin=None if piped else subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 0
    assert ("give FILE as `-`" in r.stderr.decode()) == piped
    assert "Tokajew" in r.stdout.decode()  # the bundled article either way


def test_numbers_the_mt_lost_are_shown_with_the_pair(copy_model_installed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """As `translate` does (stop 45): a pair whose MT lost or changed a number of the
    German says so in every reading format; the copy model keeps "120" and leaves
    "5.000" as German writes it (5,000 in English)."""
    src = tmp_path / "de.txt"
    src.write_text("Der Preis stieg auf 120 Tenge.\n\nRund 5.000 Soldaten kamen.\n", "utf-8")
    data = json.loads(run("article", str(src), "--beam", "1", "--format", "json").output)
    first, second = data["pairs"]
    assert "mt_numbers" not in first
    assert [(n["de"], n["expected"]) for n in second["mt_numbers"]] == [("5.000", "5,000")]
    for fmt in ("terminal", "markdown", "html"):
        out = run("article", str(src), "--beam", "1", "--format", fmt).output.replace("\\", "")
        assert out.count("numbers the MT lost or changed: 5.000 → 5.000 (English: 5,000)") == 1, fmt


def test_every_format_says_what_a_suggestion_is(argos_home, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A tester (stop 45): outside the terminal "?" was never explained, and a TMX or
    XLIFF note of an unsure term did not say it is a suggestion."""
    src = tmp_path / "de.txt"
    src.write_text("Die Sicherheit der Bürger hat Vorrang.\n", encoding="utf-8")
    for fmt in ("terminal", "markdown", "html"):
        out = run("article", str(src), "--format", fmt, env={"COLUMNS": "100"}).output
        assert "? = a suggestion, not the answer" in " ".join(out.split()), fmt
    for fmt in ("tmx", "xliff"):
        out = run("article", str(src), "--format", fmt).output
        assert "Sicherheit → ? security" in out and "suggestion: several senses" in out, fmt


def test_json_lines_of_documents_get_a_hint(argos_home, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A tester (stop 45): `article arch.jsonl` read the JSON as German, braces and all,
    without a word; `corpus` reads such a file document by document."""
    src = tmp_path / "docs.jsonl"
    src.write_text('{"id": "a", "text": "Der Kreml schweigt."}\n', encoding="utf-8")
    result = run("article", str(src))
    assert result.exit_code == 0
    assert (
        "JSON Lines of documents?" in result.stderr and "glossar corpus translate" in result.stderr
    )
    plain = tmp_path / "de.txt"
    plain.write_text("Der Kreml schweigt.\n", encoding="utf-8")
    assert "JSON Lines" not in run("article", str(plain)).stderr
