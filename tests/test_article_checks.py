"""Each term of an article shows whether it reached the machine translation, and how.

The enforcing translation already recognises every sentence and checks every term; the
bilingual document carries those checks instead of recognising again, and every format
shows them. The copy model passes German through, so each English term in its output was
put there by enforcement: what the marks report is visible in the MT itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossar.bilingual import document_from_text, pair_document
from glossar.cli import cli
from glossar.text.english import english_present

TEXT = (
    "Die Situation in Kasachstan eskaliert.\n\n"
    "Auf Bitten des Landes mischt sich ein von Russland geführtes Militärbündnis ein."
)
METHODS = {"model", "constrained", "replaced", "aligned", "placeholder", "inserted", "missing"}


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.fixture()
def german_file(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_json_carries_found_and_method_per_term(copy_model_installed, german_file) -> None:  # type: ignore[no-untyped-def]
    result = run("article", str(german_file), "--format", "json", "--beam", "1")
    assert result.exit_code == 0, result.output
    pairs = json.loads(result.output)["pairs"]
    terms = [(p, t) for p in pairs for t in p["terms"]]
    assert {t["id"] for _p, t in terms} >= {"kasachstan", "militaerbuendnis"}
    for p, t in terms:
        if not t["sure"]:  # a suggestion (several senses in news) is never enforced
            assert t["found"] is None and t["method"] is None, t
            continue
        assert isinstance(t["found"], bool) and t["method"] in METHODS
        # the check is the truth about the MT column shown next to it
        assert t["found"] == english_present(p["en_mt"], (t["en"],)), t
    alliance = next(t for _p, t in terms if t["id"] == "militaerbuendnis")
    assert alliance["found"] and alliance["method"] != "model"  # enforcement put it there


def test_json_says_which_english_found_looked_for(copy_model_installed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # an abbreviation's hit expects the abbreviation (OVKS → CSTO), a region the
    # region's English (Ostukraine → eastern Ukraine): not the entry's preferred English
    path = tmp_path / "abk.txt"
    path.write_text(
        "Die OVKS schickte Truppen nach Kasachstan.\n\nIn der Ostukraine wird gekämpft.",
        encoding="utf-8",
    )
    result = run("article", str(path), "--format", "json", "--beam", "1")
    assert result.exit_code == 0, result.output
    pairs = json.loads(result.output)["pairs"]
    terms = {t["text"]: (p, t) for p in pairs for t in p["terms"]}
    ovks = terms["OVKS"][1]
    assert ovks["en"] == "Collective Security Treaty Organization"
    assert ovks["expected"] == "CSTO" and ovks["found"]
    assert terms["Ostukraine"][1]["expected"] == "eastern Ukraine"
    for p, t in terms.values():
        if t["found"]:  # the English found looked for first is in the MT shown
            assert english_present(p["en_mt"], (t["expected"],)), t


def test_without_a_model_terms_show_with_null_checks(argos_home, german_file) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("article", str(german_file), "--format", "json").output)
    terms = [t for p in data["pairs"] for t in p["terms"]]
    assert terms and all(t["found"] is None and t["method"] is None for t in terms)


def test_terminal_marks_each_term(copy_model_installed, german_file) -> None:  # type: ignore[no-untyped-def]
    for columns in ("120", "80"):  # side by side and stacked
        out = run("article", str(german_file), "--beam", "1", env={"COLUMNS": columns}).output
        flat = " ".join(out.split())
        assert "Militärbündnis → military alliance ✓" in flat


def test_terminal_without_a_model_lists_terms_without_marks(argos_home, german_file) -> None:  # type: ignore[no-untyped-def]
    out = run("article", str(german_file), env={"COLUMNS": "120"}).output
    assert "Militärbündnis → military alliance" in " ".join(out.split())
    assert "✓" not in out and "✗" not in out


def test_every_sentence_is_recognised_once(
    copy_model_installed, curated_glossary, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from glossar.terms import recognise

    seen: list[str] = []
    real = recognise.find_terms

    def counting(text, glossary):  # type: ignore[no-untyped-def]
        seen.append(text)
        return real(text, glossary)

    monkeypatch.setattr(recognise, "find_terms", counting)
    doc = pair_document(document_from_text(TEXT), glossary=curated_glossary, beam=1)
    assert doc.mt is not None
    assert sorted(seen) == sorted(p.de for p in doc.pairs)  # once each, MT included
    assert all(p.check(t) is not None for p in doc.pairs for t in p.terms)


def test_every_format_shows_the_checks(copy_model_installed, curated_glossary) -> None:  # type: ignore[no-untyped-def]
    from glossar.bilingual.render import html, markdown, tmx, xliff

    doc = pair_document(document_from_text(TEXT), glossary=curated_glossary, beam=1)
    assert "Militärbündnis → military alliance ✓" in markdown.render(doc)
    page = html.render(doc)
    assert '<span class="check found" title="MT: ' in page and "✓</span>" in page
    for text in (tmx.render(doc), xliff.render(doc)):
        # the entry's id and the glossary's name (a tester read the id as the glossary)
        note = "Militärbündnis → military alliance (entry militaerbuendnis, glossary news) · MT: "
        assert note + "found (" in text
