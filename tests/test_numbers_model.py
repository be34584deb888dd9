"""The number model (issue 17): number words in every position, and how sure a difference is.

A correct translation comes back clean; a number that is certainly different is a problem
(fails the check); a number that may be paraphrased is at most a note (never fails it).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from glossar.cli import cli
from glossar.qa.check import number_problems


def severities(de: str, en: str) -> list[str]:
    return [p.severity for p in number_problems(1, de, en)]


@pytest.mark.parametrize(
    ("de", "en"),
    [
        # compounds and derivations
        ("ihrer zweijährigen Tochter", "her two-year-old daughter"),
        ("ein zwei- bis dreijähriges Kind", "a two- to three-year-old child"),
        ("Die Vierjährige lachte.", "The four-year-old laughed."),
        ("einer Achtzehnjährigen", "an 18 year old"),
        ("nach dem Dreißigjährigen Krieg", "after the Thirty Years' War"),
        ("dreimal so viele Babys", "three times more babies"),
        ("Aldrin war dreimal verheiratet.", "Aldrin has been married three times."),
        ("einem fünfköpfigen Regierungsrat", "a five-member Council of Government"),
        ("eine Dreisatzniederlage", "a three-set loss"),
        ("jenseits der zweimonatigen Brutzeit", "after the 2 month breeding period"),
        ("eine zehnjährige Haftstrafe", "a ten-year prison sentence"),
        ("Der Zweitligist gewann.", "The second-division club won."),
        # ordinals
        ("zum zweiten Mal", "for the second time"),
        ("am 6. Juni", "on June 6"),
        ("der 6. Platz", "sixth place"),
        ("im 13. Jahrhundert", "in the 13th century"),
        ("die zweitgrößte Stadt", "the second-largest city"),
        # fractions
        ("ein Drittel der Stimmen", "a third of the votes"),
        ("ein Drittel der Stimmen", "one-third of the votes"),
        ("zwei Drittel der Abgeordneten", "two-thirds of MPs"),
        ("drei Viertel der Befragten", "three quarters of respondents"),
        ("Jeder Dritte stimmte zu.", "One in three agreed."),
        ("anderthalb Jahre", "a year and a half"),
        ("eineinhalb Stunden", "one and a half hours"),
        ("zweieinhalb Jahre", "two and a half years"),
        ("die Hälfte der Stimmen", "half of the votes"),
        # multipliers
        ("ein Dutzend Länder", "a dozen countries"),
        ("ein Dutzend Länder", "12 countries"),
        ("zwei Gelehrte", "a pair of scholars"),
        ("zwei weitere Male", "twice more"),
        ("doppelt so viele", "twice as many"),
        ("Hundertschaften der Polizei", "hundreds of police officers"),
        ("die beiden Organisationen", "the two organisations"),
        ("die beiden Organisationen", "both organisations"),
        ("Pompeius übernahm die Führung zweier Legionen.", "Pompey took command of two legions."),
        # approximations
        ("mehrere zehn Milliarden Euro", "tens of billions of euros"),
        ("Tausende Menschen", "thousands of people"),
        ("Zehntausende Demonstranten", "tens of thousands of protesters"),
        ("Hunderttausende Flüchtlinge", "hundreds of thousands of refugees"),
        ("Millionen Zuschauer", "millions of viewers"),
        ("mehrere hundert Soldaten", "several hundred soldiers"),
        ("Dutzende Verletzte", "dozens of injured"),
        # scores, ranges, decades, times
        ("Das Spiel endete 2:2.", "The game ended 2-2."),
        ("Bayern gewann 3:1.", "Bayern won 3-1."),
        ("in den 1990er Jahren", "in the 1990s"),
        ("zwischen 2010 und 2015", "between 2010 and 2015"),
        ("um halb drei", "at half past two"),
        ("um halb drei", "at 2:30"),
        # the same token in both texts is a name, not a number
        ("heißt es in der Zeitung „Nine News“.", "read Brisbane's Nine News."),
        ("in der Formel 1", "in Formula One"),
        ("3 Millionen bzw. 5 Millionen Exemplare", "three million and five million copies"),
        ("im Zweiten Weltkrieg", "in World War II"),
        ("Eduard IV. und Richard III.", "Edward IV and Richard III"),
        ("Es stand 1:0.", "It was one-nil."),
        ("2,3 Millionen Pfund", "£2.3m"),
        ("2 Millionen Euro", "2m euros"),
        ("ein 100-Meter-Lauf", "a 100m sprint"),
        ("im Achtelfinale", "in the round of 16"),
        ("Hunderte Millionen Menschen", "hundreds of millions of people"),
        ("eine sechsfache Steigerung", "a sixfold increase"),
        ("zwei- bis dreimal", "two to three times"),
        ("die Fünf-Sterne-Bewegung", "the Five Star Movement"),
        ("am 03.07.2017", "on July 3, 2017"),
        ("eine zweistellige Zahl", "a double-digit number"),
        ("eine zweifache Mutter", "a mother of two"),
        ("eineinhalb Millionen Menschen", "1.5 million people"),
        ("ein halbes Dutzend Länder", "half a dozen countries"),
        ("ein halbes Dutzend Länder", "six countries"),
        ("Das Trio floh.", "The three fled."),
        ("Das Duo gewann.", "The pair won."),
        ("ein zweigeschossiges Haus", "a two-storey house"),
        # a fraction and its percentage
        ("ein Drittel der Stimmen", "33 percent of the votes"),
        ("die Hälfte der Stimmen", "50% of the votes"),
        ("50 Prozent der Stimmen", "half of the votes"),
    ],
)
def test_correct_translations_come_back_clean(de: str, en: str) -> None:
    assert number_problems(1, de, en) == []


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("Der Wert lag bei 8,4.", "The value was 4.8."),
        ("drei Kinder", "four children"),
        ("2.500 Soldaten", "25,000 soldiers"),
        ("1,5 Millionen Menschen", "1.5 billion people"),
        ("am 8. Januar", "on 9 January"),
        ("im Jahr 2019", "in 2018"),
        ("ihrer zweijährigen Tochter", "her three-year-old daughter"),
        ("die 53-Jährige", "the 54-year-old"),
        ("zum zweiten Mal", "for the third time"),
        ("dreimal verheiratet", "married twice"),
        ("ein Drittel der Stimmen", "a quarter of the votes"),
        ("Die beiden Männer", "The three men"),
        ("zwei Gelehrte", "three scholars"),
        ("ein Dutzend Länder", "twenty countries"),
        ("Tausende Menschen", "hundreds of people"),
        ("mehrere zehn Milliarden Euro", "3 billion euros"),
        ("Das Spiel endete 2:2.", "The game ended 2-1."),
        ("in den 1990er Jahren", "in the 1980s"),
        ("Die Sueskrise 1956", "The Suez Crisis"),
        ("Es gibt Palmen.", "There are three palm trees."),
        ("um 14.30 Uhr", "at 3pm"),
        ("um halb drei", "at 3:30"),
        ("ein Drittel der Stimmen", "half of the votes"),
        ("ein Drittel der Stimmen", "25 percent of the votes"),
        ("sieben Tage lang", "for two weeks"),
        ("2 Millionen Euro", "2 billion euros"),
        ("ein halbes Dutzend Länder", "twelve countries"),
        ("Dutzende Verletzte", "hundreds of injured"),
        ("Hunderte Verletzte", "thousands of injured"),
        ("Millionen Zuschauer", "billions of viewers"),
        ("drei Viertel der Befragten", "a quarter of respondents"),
    ],
)
def test_a_certainly_different_number_is_a_problem(de: str, en: str) -> None:
    assert "problem" in severities(de, en), number_problems(1, de, en)


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("als er im zweiten Satz ausglich", "as he leveled at one set all"),
        ("Sie spielte in dem Film „Fast Verheiratet“.", "She starred in The Five-Year Engagement."),
        ("am gemeinsamen Eigentum", "collaborations between the two"),
        ("Tausende Menschen", "3,000 people"),
        ("mehrere zehn Milliarden Euro", "30 billion euros"),
        ("ihrer zweijährigen Tochter", "her toddler daughter"),
        ("Aldrin war dreimal verheiratet.", "Aldrin married repeatedly."),
        ("Die deutsche Elf gewann.", "The German team won."),  # a number as a noun
        # the same length of time in another unit
        ("sieben Tage lang", "for a week"),
        ("zwölf Monate", "a year"),
        ("24 Stunden", "one day"),
        ("ein halbes Jahr", "six months"),
        ("zehn Jahre", "a decade"),
        ("anderthalb Jahre", "18 months"),
    ],
)
def test_a_possible_paraphrase_is_a_note_only(de: str, en: str) -> None:
    assert severities(de, en) == ["note"], number_problems(1, de, en)


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("eine Dreisatzniederlage", "a shocking defeat"),
        ("die beiden Organisationen", "the organisations"),
        ("Tausende Menschen", "many people"),
        ("Das Elfenbein und ohne Zweifel", "The ivory and without doubt"),
        ("Sie achten darauf, das nicht außer Acht zu lassen", "They make sure not to ignore it"),
        ("ein paar Tage", "a couple of days"),
        ("ein Drittanbieter", "a third-party supplier"),
        ("Man muss Acht geben.", "One must pay attention."),
        ("Nimm dich in Acht!", "Watch out!"),
    ],
)
def test_numbers_that_only_confirm_are_never_reported(de: str, en: str) -> None:
    assert number_problems(1, de, en) == []


def test_notes_are_listed_but_never_fail_the_check(tmp_path) -> None:  # type: ignore[no-untyped-def]
    de = tmp_path / "de.txt"
    en = tmp_path / "en.txt"
    de.write_text("Auch Isner glich im zweiten Satz aus.\n", encoding="utf-8")
    en.write_text("Isner also leveled at one set all.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--json", str(de), str(en)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["problems"] == []
    assert [(n["segment"], n["kind"], n["severity"], n["de"]) for n in data["notes"]] == [
        (1, "number", "note", "zweiten")
    ]
    text = CliRunner().invoke(cli, ["check", str(de), str(en)], env={"NO_COLOR": "1"})
    assert text.exit_code == 0
    assert "segment 1: note: number: zweiten (2nd) may be missing" in text.output
    assert "No problems, 1 note (not a failure)" in text.output


def num2words(n: int, **kwargs: str) -> str:
    return pytest.importorskip("num2words").num2words(n, **kwargs)


@given(st.integers(min_value=2, max_value=99), st.integers(min_value=2, max_value=99))
def test_ages_written_into_german_compounds(age: int, other: int) -> None:
    """``zweiundzwanzigjährige`` (as num2words spells the number) is 22: equal to
    "22-year-old" and "twenty-two-year-old", a problem against any other age."""
    de = f"Die {num2words(age, lang='de')}jährige Frau"
    for en_age in (str(other), num2words(other, lang="en")):
        kinds = severities(de, f"The {en_age}-year-old woman")
        assert (kinds == []) == (age == other), (de, en_age, kinds)
        if age != other:
            assert "problem" in kinds
