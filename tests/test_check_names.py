"""Numbers that are part of a name (``1. FC Köln``, ``Schalke 04``, ``Hannover 96``,
``Formel 1``) are no quantities: ``check`` must not fail a translation that leaves them out.

A tester: "Der 1. FC Köln verlor gegen Schalke 04." ↔ "FC Cologne lost to Schalke." gave
"1. (1st) is missing" and "04 (4) is missing", exit 1. The real sentences are 10kGNAD
sports news (tests/data/gnad/gnad_sport_names.tsv); every other number in them (scores,
places, points) is still compared.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossar.cli import cli
from glossar.qa.check import number_problems
from glossar.qa.numbers import extract_numbers

SPORT = Path(__file__).parent / "data" / "gnad" / "gnad_sport_names.tsv"


def sport_rows() -> list[tuple[str, str, str]]:
    with SPORT.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [(r["article_id"], r["de"], r["en"]) for r in rows]


SPORT_IDS = [f"{row[0]}-{k}" for k, row in enumerate(sport_rows())]


def reports(de: str, en: str) -> list[tuple[str, str]]:
    return [(p.severity, p.message) for p in number_problems(1, de, en)]


def test_the_testers_sentence_passes() -> None:
    assert reports("Der 1. FC Köln verlor gegen Schalke 04.", "FC Cologne lost to Schalke.") == []


@pytest.mark.parametrize(("article", "de", "en"), sport_rows(), ids=SPORT_IDS)
def test_real_sports_news_with_club_numbers_left_out(article: str, de: str, en: str) -> None:
    assert reports(de, en) == []


@pytest.mark.parametrize(
    ("de", "en"),
    [
        # the English keeps the name's number, or its own spelling of it
        ("Der 1. FC Köln verlor gegen Schalke 04.", "1. FC Köln lost to Schalke 04."),
        ("1. FC Köln verliert gegen Schalke 04.", "Cologne lose to FC Schalke 04."),
        ("Hannover 96 verlor 1:2.", "Hanover 96 lost 1-2."),
        ("Der TSV 1860 München gewann 2:1.", "1860 Munich won 2-1."),
        ("Der TSV 1860 München gewann 2:1.", "TSV Munich won 2-1."),
        ("Die Löwen gewannen 2:1.", "1860 Munich won 2-1."),
        ("Der 1. FSV Mainz 05 gewann 2:1.", "Mainz won 2-1."),
        ("Bayer 04 Leverkusen gewann 3:2 gegen den FC Schalke 04.", "Leverkusen beat Schalke 3-2."),
        ("Die TSG 1899 Hoffenheim gewann.", "Hoffenheim won."),
        ("Der SC Paderborn 07 gewann.", "Paderborn won."),
        ("Der 1. FC Union Berlin gewann.", "Union Berlin won."),
        ("Der Schalke-04-Trainer ist entlassen.", "The Schalke coach has been sacked."),
        ("Er ist Formel-1-Weltmeister.", "He is the world champion."),
        ("Er fährt in der Formel 1.", "He races in Formula 1."),
    ],
)
def test_club_and_series_names(de: str, en: str) -> None:
    assert reports(de, en) == []


@pytest.mark.parametrize(
    ("de", "en", "expected"),
    [
        # the tester's sentence with a wrong score: the score is still a problem
        (
            "Der 1. FC Köln verlor 0:3 gegen Schalke 04.",
            "FC Cologne lost 0-2 to Schalke.",
            [("problem", "3 became 2 (expected 3)")],
        ),
        (
            "Hannover 96 verlor 1:2 gegen Mainz 05.",
            "Hanover lost 1-3 to Mainz.",
            [("problem", "2 became 3 (expected 2)")],
        ),
        (
            "Schalke 04 hat 20 Punkte.",
            "Schalke have 30 points.",
            [("problem", "20 became 30 (expected 20)")],
        ),
        (
            "Der 1. FC Köln wurde Zweiter.",
            "FC Cologne came third.",
            [("problem", "Zweiter became third (expected 2nd)")],
        ),
        # another series than the German's
        (
            "Er fährt in der Formel 1.",
            "He races in Formula 2.",
            [("problem", "2 is in the translation but not in the source")],
        ),
        # a number right after a listed town that is no club's: a count
        (
            "In Hannover 96 Neuinfektionen.",
            "New infections in Hanover.",
            [("problem", "96 is missing in the translation")],
        ),
        # a number beside a club abbreviation that is not its name's
        (
            "Der FC Bayern liegt 25 Punkte vorn.",
            "Bayern are ahead.",
            [("problem", "25 is missing in the translation")],
        ),
        (
            "Der Verein wurde 1860 in München gegründet.",
            "The club was founded in Munich.",
            [("problem", "1860 is missing in the translation")],
        ),
    ],
)
def test_other_numbers_beside_names_are_still_checked(
    de: str, en: str, expected: list[tuple[str, str]]
) -> None:
    assert reports(de, en) == expected


@pytest.mark.parametrize(("article", "de", "en"), sport_rows(), ids=SPORT_IDS)
def test_a_changed_score_in_real_sports_news_still_fails(article: str, de: str, en: str) -> None:
    """Every score of the real sentences, changed in the English, is a problem."""
    scores = [s for s in ("3-0", "0-1 (0-1)", "4-1", "2-2", "3-2") if s in en]
    wrong = {"3-0": "4-0", "0-1 (0-1)": "0-2 (0-2)", "4-1": "5-1", "2-2": "3-3", "3-2": "3-1"}
    for score in scores:
        found = reports(de, en.replace(score, wrong[score]))
        assert found and all(severity == "problem" for severity, _ in found), (score, found)


def test_name_numbers_only_confirm() -> None:
    """The number of a name is read, as optional: it still matches the other side's."""
    found = extract_numbers("Der 1. FC Köln verlor 0:3 gegen Schalke 04.", "de")
    assert [(m.text, m.optional) for m in found] == [
        ("1", True),
        ("0", False),
        ("3", False),
        ("04", True),
    ]


def test_check_command_passes_the_testers_pair(tmp_path: Path) -> None:
    de, en = tmp_path / "de.txt", tmp_path / "en.txt"
    de.write_text("Der 1. FC Köln verlor gegen Schalke 04.\n", encoding="utf-8")
    en.write_text("FC Cologne lost to Schalke.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--json", str(de), str(en)])
    assert result.exit_code == 0, result.output
    assert [p for p in json.loads(result.stdout)["problems"] if p["kind"] == "number"] == []
