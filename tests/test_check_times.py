"""``check`` on times of day, decades and year spans in news sentences: equal when they
mean the same (``14.30 Uhr`` = ``2.30pm``, ``90er Jahre`` = ``1990s``, ``2020/21`` =
``2020-21``), one ``number`` problem when they do not."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from glossar.cli import cli
from glossar.qa.check import check_translation

PAIRS = [
    (
        "Die Pressekonferenz im Kanzleramt beginnt am Dienstag um 14.30 Uhr.",
        "The press conference at the Chancellery begins at 2.30pm on Tuesday.",
    ),
    (
        "Um 14:30 Uhr Ortszeit landeten die ersten russischen Transportflugzeuge in Almaty.",
        "The first Russian transport planes landed in Almaty at 2:30 p.m. local time.",
    ),
    (
        "Die Ausgangssperre gilt von 23 Uhr bis 7 Uhr morgens.",
        "The curfew applies from 11pm to 7am.",
    ),
    (
        "Der Sonderzug aus Moskau sollte um 9 Uhr in Nur-Sultan eintreffen.",
        "The special train from Moscow was due to arrive in Nur-Sultan at 9 o'clock.",
    ),
    (
        "Die Wahllokale schließen um 18 Uhr, erste Hochrechnungen gibt es ab 18:30 Uhr.",
        "Polling stations close at 18:00, with first projections from 18:30.",
    ),
    (
        "In den 90er Jahren war Kasachstan eine der ärmsten Sowjetrepubliken.",
        "In the 1990s, Kazakhstan was one of the poorest former Soviet republics.",
    ),
    (
        "Seit den 1990er Jahren regiert in Astana derselbe Clan.",
        "The same clan has ruled in Astana since the nineties.",
    ),
    (
        "Die Preise lagen auf dem Niveau der 90er-Jahre.",
        "Prices were at the level of the '90s.",
    ),
    (
        "In der Saison 2020/21 fielen fast alle Spiele aus.",
        "In the 2020-21 season almost all matches were cancelled.",
    ),
    (
        "Im Haushaltsjahr 2020/21 stiegen die Ausgaben um 5,5 Prozent.",
        "In the 2020–21 financial year spending rose by 5.5 percent.",
    ),
    (
        "Zwischen 2002 und 2005 war er Botschafter in Berlin.",
        "Between 2002 and 2005 he was ambassador in Berlin.",
    ),
]


def check(source: str, target: str):  # type: ignore[no-untyped-def]
    return check_translation(source, target, None)


def test_times_decades_and_spans_that_agree_are_no_problem() -> None:
    report = check("\n".join(de for de, _ in PAIRS), "\n".join(en for _, en in PAIRS))
    assert report.problems == []
    assert report.aligned == len(PAIRS)


@pytest.mark.parametrize(
    ("de", "en", "message"),
    [
        (
            "Die Pressekonferenz beginnt am Dienstag um 14.30 Uhr.",
            "The press conference begins at 3pm on Tuesday.",
            "14.30 Uhr became 3pm (expected 2:30 p.m.)",
        ),
        (
            "Die Ausgangssperre beginnt um 23 Uhr.",
            "The curfew begins at 11 a.m.",
            "23 Uhr became 11 a.m. (expected 11 p.m.)",
        ),
        (
            "Die Wahllokale schließen um 18 Uhr.",
            "Polling stations close at 8 o'clock.",
            "18 Uhr became 8 o'clock (expected 6 p.m.)",
        ),
        (
            "In den 90er Jahren war Kasachstan arm.",
            "In the 1980s, Kazakhstan was poor.",
            "90er Jahren became 1980s (expected '90s)",
        ),
        (
            "In der Saison 2020/21 fielen alle Spiele aus.",
            "In the 2021-22 season all matches were cancelled.",
            "2020 became 22 (expected 2020)",
        ),
        (
            "Zwischen 2002 und 2005 war er Botschafter.",
            "Between 2002 and 2006 he was ambassador.",
            "2005 became 2006 (expected 2005)",
        ),
        (
            "Das Treffen ist um 14.30 Uhr.",
            "The meeting is at 2:30.",  # a 12-hour reading fits: no problem
            None,
        ),
    ],
)
def test_a_different_time_decade_or_year_is_one_number_problem(
    de: str, en: str, message: str | None
) -> None:
    problems = check(de, en).problems
    assert [p.message for p in problems] == ([message] if message else [])
    assert all(p.kind == "number" for p in problems)


def test_a_time_is_not_confused_with_a_decimal() -> None:
    # 14.30 (a time) and 14,30 (a decimal) are different things in German
    (problem,) = check(
        "Der Kurs lag um 14.30 Uhr bei 14,30 Euro.", "At 2.30pm it was 14.35 euros."
    ).problems
    assert (problem.de, problem.found, problem.expected) == ("14,30", "14.35", "14.3")


def test_cli_reports_a_changed_time_in_german(tmp_path) -> None:  # type: ignore[no-untyped-def]
    de = tmp_path / "de.txt"
    en = tmp_path / "en.txt"
    de.write_text(PAIRS[0][0] + "\n" + PAIRS[5][0] + "\n", encoding="utf-8")
    en.write_text(
        "The press conference at the Chancellery begins at 3pm on Tuesday.\n" + PAIRS[5][1] + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", "--json", str(de), str(en)], env={"NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["problems"] == [
        {
            "segment": 1,
            "kind": "number",
            "message": "14.30 Uhr became 3pm (expected 2:30 p.m.)",
            "de": "14.30 Uhr",
            "expected": "2:30 p.m.",
            "found": "3pm",
            "severity": "problem",
        }
    ]
