"""`glossar check` after a tester's review of real translations (review 33).

Each test is a defect the tester found: a false alarm ("looking ahead to" for "mit Blick
auf", "the Ukraine crisis") or a miss (an empty line, a German decimal comma left in the
English, a flipped sign, a changed month, a number with another unit, a first that became
another ordinal), asserted as a user sees it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossar.cli import cli
from glossar.glossary.load import load_glossary
from glossar.qa.check import CheckReport, check_translation

EXTRACT = Path(__file__).parents[1] / "src" / "glossar" / "qa" / "numbers" / "extract.py"


@lru_cache(maxsize=1)
def news():  # type: ignore[no-untyped-def]
    """The general news glossary, as `glossar check` uses it for any text."""
    return load_glossary()


def check(de: str, en: str) -> CheckReport:
    return check_translation(de, en, news())


def seen(report: CheckReport) -> list[tuple[int, str, str]]:
    return [(p.segment, p.kind, p.message) for p in report.problems]


@pytest.fixture(autouse=True)
def plain_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GLOSSAR_GLOSSARY_PATH", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


def run_check(tmp_path: Path, de: str, en: str, *options: str):  # type: ignore[no-untyped-def]
    source, target = tmp_path / "de.txt", tmp_path / "en.txt"
    source.write_text(de, encoding="utf-8")
    target.write_text(en, encoding="utf-8")
    return CliRunner().invoke(cli, ["--lang", "en", "check", *options, str(source), str(target)])


# --- 1. "mit Blick auf" rendered "looking ahead to" ------------------------------------


@pytest.mark.parametrize(
    "en",
    [
        "Looking ahead to what is still to come, the chancellor urged caution.",
        "When it comes to what is still to come, the chancellor urged caution.",
        "With respect to what is still to come, the chancellor urged caution.",
    ],
)
def test_mit_blick_auf_rendered_looking_ahead_is_no_term_problem(en: str) -> None:
    de = "Mit Blick auf das noch Bevorstehende mahnte die Kanzlerin zur Vorsicht."
    assert [p for p in check(de, en).problems if p.kind == "term"] == []


def test_mit_blick_auf_accepts_the_reviewed_alternatives() -> None:
    entry = news().entries["mit-blick-auf"]
    wanted = {
        "looking ahead to",
        "looking to",
        "regarding",
        "concerning",
        "with respect to",
        "when it comes to",
    }
    assert wanted <= set(entry.en_alt)
    assert entry.en == "in view of"


# --- 2. the Roman numerals' comment sits above _ROMAN ------------------------------------


def test_roman_numerals_comment_is_right_above_its_pattern() -> None:
    lines = EXTRACT.read_text(encoding="utf-8").splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("_ROMAN = "))
    assert lines[at - 1].startswith("#: Roman numerals")


# --- 3. "the Ukraine crisis": the article belongs to the noun ----------------------------


@pytest.mark.parametrize(
    ("de", "en"),
    [
        (
            "Die Ukraine-Krise belastet die deutsche Wirtschaft.",
            "The Ukraine crisis is weighing on the German economy.",
        ),
        (
            "Der Ukrainekrieg hat die Energiepreise in die Höhe getrieben.",
            "The Ukraine war has driven up energy prices.",
        ),
        (
            "Die Zuspitzung der Ukraine beunruhigt die Nachbarn.",
            "The Ukraine escalation worries the neighbours.",
        ),
    ],
)
def test_the_ukraine_before_a_noun_is_not_deprecated(de: str, en: str) -> None:
    assert [p for p in check(de, en).problems if p.kind == "term"] == []


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("In der Ukraine wird weiter gekämpft.", "Fighting continues in the Ukraine."),
        ("Die Ukraine ist ein großes Land.", "The Ukraine is a large country."),
        ("Die Lage in der Ukraine bleibt angespannt.", "The Ukraine situation remains tense."),
    ],
)
def test_the_ukraine_as_the_name_is_still_deprecated(de: str, en: str) -> None:
    messages = [p.message for p in check(de, en).problems if p.kind == "term"]
    assert len(messages) == 1 and 'is deprecated; use "Ukraine"' in messages[0]


# --- 4. an empty line where the German has a sentence -------------------------------------

SOURCE_3 = (
    "Die Inflation stieg im Mai auf 4,5 Prozent.\n"
    "Der Umsatz des Konzerns wuchs um 3 Prozent.\n"
    "Die Regierung kündigte neue Hilfen an.\n"
)


def test_an_empty_line_is_named_not_a_count_mismatch() -> None:
    en = "Inflation rose to 4.5 percent in May.\n\nThe government announced new aid.\n"
    report = check(SOURCE_3, en)
    assert seen(report) == [(2, "untranslated", "segment 2 is empty in the translation")]
    assert report.problems[0].de == "Der Umsatz des Konzerns wuchs um 3 Prozent."


def test_an_empty_last_line_is_named_too() -> None:
    en = "Inflation rose to 4.5 percent in May.\nThe group's sales grew by 3 percent.\n\n"
    assert seen(check(SOURCE_3, en)) == [
        (3, "untranslated", "segment 3 is empty in the translation")
    ]


def test_a_dropped_line_is_still_a_count_mismatch() -> None:
    en = "Inflation rose to 4.5 percent in May.\nThe government announced new aid.\n"
    assert [p.kind for p in check(SOURCE_3, en).problems] == ["count"]


def test_an_empty_line_in_json_output(tmp_path: Path) -> None:
    en = "Inflation rose to 4.5 percent in May.\n \nThe government announced new aid.\n"
    result = run_check(tmp_path, SOURCE_3, en, "--json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["problems"] == [
        {
            "segment": 2,
            "kind": "untranslated",
            "message": "segment 2 is empty in the translation",
            "de": "Der Umsatz des Konzerns wuchs um 3 Prozent.",
            "expected": None,
            "found": "",
            "severity": "problem",
        }
    ]


def test_an_empty_sentence_in_translate_json_is_named() -> None:
    pairs = [
        {
            "source": "Die Inflation stieg im Mai auf 4,5 Prozent.",
            "target": "Inflation rose to 4.5 percent in May.",
        },
        {"source": "Der Umsatz des Konzerns wuchs um 3 Prozent.", "target": ""},
        {
            "source": "Die Regierung kündigte neue Hilfen an.",
            "target": "The government announced new aid.",
        },
    ]
    report = check(SOURCE_3, json.dumps({"engine": "argos", "segments": pairs}))
    assert seen(report) == [(2, "untranslated", "segment 2 is empty in the translation")]


# --- 5. a German decimal comma left in the English ---------------------------------------


def test_a_german_decimal_comma_in_the_english_is_a_problem() -> None:
    de = "Die Inflation stieg im Mai auf 4,5 Prozent."
    report = check(de, "Inflation rose to 4,5% in May.")
    assert seen(report) == [
        (1, "number", "4,5 is written as in the German; in English it reads 45 (expected 4.5)")
    ]
    problem = report.problems[0]
    assert (problem.de, problem.expected, problem.found) == ("4,5", "4.5", "4,5")


def test_a_german_decimal_comma_after_grouping_is_a_problem() -> None:
    de = "Der Konzern setzte 1.234,5 Millionen Euro um."
    messages = [m for _, _, m in seen(check(de, "The group had sales of 1.234,5 million euros."))]
    assert messages == [
        "1.234,5 million is written as in the German; in English it reads 1.2345 million "
        "(expected 1,234,500,000)"
    ]


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("Die Inflation stieg auf 4,5 Prozent.", "Inflation rose to 4.5 percent."),
        ("Rund 4.500 Menschen demonstrierten.", "Around 4,500 people demonstrated."),
        ("Es kostet 100.000 Rupien.", "It costs 1,00,000 rupees."),
    ],
)
def test_english_decimals_and_grouping_are_fine(de: str, en: str) -> None:
    assert check(de, en).problems == []


# --- 6. a sign flip -----------------------------------------------------------------------


def test_a_flipped_sign_is_a_problem() -> None:
    de = "Die Exporte nach China veränderten sich um +6,1 Prozent."
    report = check(de, "Exports to China changed by -6.1 percent.")
    assert seen(report) == [(1, "number", "+6,1 became -6.1 (expected +6.1)")]


def test_minus_became_plus_is_a_problem() -> None:
    de = "In Moskau wurden in der Nacht minus 12 Grad gemessen."
    report = check(de, "Overnight, plus 12 degrees were measured in Moscow.")
    assert [(p.de, p.found, p.expected) for p in report.problems] == [
        ("minus 12", "plus 12", "-12")
    ]


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("Die Exporte sanken um 6,1 Prozent.", "Exports fell by -6.1 percent."),
        ("In Moskau wurden minus 12 Grad gemessen.", "In Moscow, -12 degrees were measured."),
        ("Die Saison 2021-2022 endete früh.", "The 2021-2022 season ended early."),
    ],
)
def test_a_sign_written_on_one_side_only_or_alike_is_fine(de: str, en: str) -> None:
    assert check(de, en).problems == []


# --- 7. a changed month --------------------------------------------------------------------


def test_a_changed_month_is_a_problem(tmp_path: Path) -> None:
    de = "Die Wahl in Kasachstan findet am 12. September 2021 statt.\n"
    en = "The election in Kazakhstan will take place on 12 October 2021.\n"
    result = run_check(tmp_path, de, en)
    assert result.exit_code == 1, result.output
    assert "segment 1: number: September became October (expected September)" in result.output


def test_a_numeric_german_date_with_another_month_is_a_problem() -> None:
    de = "Der Vertrag wurde am 8.1.2022 in Moskau unterzeichnet."
    report = check(de, "The treaty was signed in Moscow on February 8, 2022.")
    assert seen(report) == [(1, "number", "8.1.2022 became February (expected January)")]


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("Die Wahl findet am 12. September statt.", "The election will be held on September 12."),
        (
            "Der Vertrag wurde am 8.1.2022 unterzeichnet.",
            "The treaty was signed on 8 January 2022.",
        ),
        ("Die Proteste begannen im September.", "The protests began last month."),
        (
            "Premierministerin Theresa May trat im Juni zurück.",
            "Prime Minister Theresa May resigned in June.",
        ),
    ],
)
def test_the_same_month_or_none_is_fine(de: str, en: str) -> None:
    assert check(de, en).problems == []


# --- 8. the same number with another unit --------------------------------------------------


def test_percentage_points_written_as_percent_is_a_problem() -> None:
    de = "Die Arbeitslosenquote sank im Oktober um 0,5 Prozentpunkte auf 5,2 Prozent."
    en = "The unemployment rate fell by 0.5 percent to 5.2 percent in October."
    report = check(de, en)
    assert seen(report) == [
        (
            1,
            "number",
            "0,5 Prozentpunkte became 0.5 percent (expected 0.5 percentage points)",
        )
    ]


def test_percent_written_as_percentage_points_is_a_problem() -> None:
    de = "Die Preise für Heizöl stiegen binnen eines Jahres um 2 Prozent."
    en = "Heating oil prices rose by 2 percentage points within a year."
    assert [(p.de, p.found, p.expected) for p in check(de, en).problems] == [
        ("2 Prozent", "2 percentage points", "2 percent")
    ]


def test_days_written_as_weeks_is_a_problem(tmp_path: Path) -> None:
    de = "Die Verhandlungen in Genf dauerten drei Tage.\n"
    en = "The negotiations in Geneva lasted three weeks.\n"
    result = run_check(tmp_path, de, en, "--json")
    assert result.exit_code == 1, result.output
    problem = json.loads(result.stdout)["problems"][0]
    assert problem["message"] == "drei Tage became three weeks (expected 3 days)"
    assert (problem["de"], problem["found"], problem["severity"]) == (
        "drei Tage",
        "three weeks",
        "problem",
    )


@pytest.mark.parametrize(
    ("de", "en"),
    [
        (
            "Die Arbeitslosenquote sank um 0,5 Prozentpunkte auf 5,2 Prozent.",
            "The unemployment rate fell by 0.5 points to 5.2%.",
        ),
        (
            "Die Quote stieg um 2 %-Punkte.",
            "The rate rose by 2 percentage points.",
        ),
        ("Die Verhandlungen dauerten drei Tage.", "The talks lasted three days."),
        ("Die Frist beträgt 14 Tage.", "The deadline is two weeks."),
        ("Im Alter von 30 Jahren trat er zurück.", "He resigned aged 30."),
        (
            "Nach 3 Tagen Haft und 3 Wochen Hausarrest kam er frei.",
            "After 3 weeks of house arrest and 3 days in custody, he was released.",
        ),
        ("Der 30 Jahre alte Mann wurde festgenommen.", "The 30-year-old man was arrested."),
    ],
)
def test_the_same_unit_or_none_is_fine(de: str, en: str) -> None:
    assert [p for p in check(de, en).problems if p.severity == "problem"] == []


# --- 9. a first that became another ordinal ------------------------------------------------


def test_ersten_became_second_is_a_problem() -> None:
    de = "Zum ersten Mal seit Kriegsbeginn reiste der Kanzler nach Kiew."
    en = "For the second time since the start of the war, the chancellor travelled to Kyiv."
    assert seen(check(de, en)) == [(1, "number", "ersten became second (expected 1st)")]


def test_zweiten_became_first_is_a_problem() -> None:
    de = "Zum zweiten Mal seit Kriegsbeginn reiste der Kanzler nach Kiew."
    en = "For the first time since the start of the war, the chancellor travelled to Kyiv."
    report = check(de, en)
    assert [(p.severity, p.de, p.found) for p in report.problems] == [
        ("problem", "zweiten", "first")
    ]


@pytest.mark.parametrize(
    ("de", "en"),
    [
        (
            "Zum ersten Mal seit Kriegsbeginn reiste der Kanzler nach Kiew.",
            "For the first time since the start of the war, the chancellor travelled to Kyiv.",
        ),
        (
            "Nach dem Ersten Weltkrieg wurde er zum zweiten Mal gewählt.",
            "After World War I he was elected for the second time.",
        ),
        (
            "Die erste Reaktion kam nach einer Sekunde.",
            "The initial reaction came after a split second.",
        ),
        (
            "Er wurde zum zweiten Mal gewählt, zunächst als Bürgermeister.",
            "He was re-elected, first as mayor.",
        ),
    ],
)
def test_a_first_kept_or_rendered_otherwise_is_fine(de: str, en: str) -> None:
    assert [p for p in check(de, en).problems if p.severity == "problem"] == []


def test_an_ordinal_in_a_name_is_left_to_the_number_rule() -> None:
    de = "Nach dem Zweiten Weltkrieg wurden in Berlin Häuser gebaut."
    en = "After WWII, houses were first built in Berlin."
    assert [p.found for p in check(de, en).problems if p.severity == "problem"] == []
