"""`check`'s number rule on numeric dates: one date, however each language spells it.

An independent tester checked real Austrian agency datelines: the German ``(APA,
12.9.2015)`` against the English ``(APA, 12.9.2015)`` raised "12 is missing" and "2015 is
missing", against ``12/9/2015`` "9 is in the translation but not in the source", and
against ``2015-09-12`` the same for 09, while ``12 September 2015`` passed. The German
month of a numeric date was read as a month (never a number), and the English side read
no date at all: a copied date was no number, a slash or ISO date three plain numbers.
Every one of these renderings is the same date; a different day, month or year is still
a problem, which is what the rule is for.

The real lines are quoted from 10kGNAD (tests/data/gnad, CC BY-NC-SA 4.0, test data only;
see the folder's README), each with its article id; the English is ours.
"""

from __future__ import annotations

import calendar
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossar.qa.check import number_problems
from glossar.qa.numbers import extract_numbers

GNAD = Path(__file__).parent / "data" / "gnad"


def messages(de: str, en: str) -> list[str]:
    """The number problems (not notes) of one pair, as messages."""
    return [p.message for p in number_problems(1, de, en) if p.severity == "problem"]


def gnad_text(article_id: str) -> str:
    """The text of a 10kGNAD article of the sample files."""
    for path in sorted(GNAD.glob("gnad_*articles.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(article_id + "\t"):
                return line.split("\t", 2)[2]
    raise LookupError(article_id)


# --- the tester's cases ---------------------------------------------------------------------

APA = "(APA, 12.9.2015)"  # gnad-0233's dateline, as the tester found it


@pytest.mark.parametrize(
    "en",
    [
        "(APA, 12.9.2015)",  # copied as it is
        "(APA, 12/9/2015)",  # British order
        "(APA, 9/12/2015)",  # American order
        "(APA, 2015-09-12)",  # ISO 8601
        "(APA, 2015/09/12)",
        "(APA, 12.09.2015)",
        "(APA, 12/09/15)",
        "(APA, 12 September 2015)",
        "(APA, September 12, 2015)",
        "(APA, Sept. 12, 2015)",
        "(APA, Sep. 12, 2015)",
        "(APA, 12th September 2015)",
        "(APA, 12th of September 2015)",
    ],
)
def test_the_same_date_in_any_english_spelling_is_no_problem(en: str) -> None:
    assert number_problems(1, APA, en) == [], en


@pytest.mark.parametrize(
    ("en", "message"),
    [
        ("(APA, 13.9.2015)", "12 became 13"),
        ("(APA, 13/9/2015)", "12 became 13"),
        ("(APA, 9/13/2015)", "12 became 13"),
        ("(APA, 2015-09-13)", "12 became 13"),
        ("(APA, 13 September 2015)", "12 became 13"),
        ("(APA, 12.10.2015)", "12.9.2015 became 12.10.2015 (expected September)"),
        ("(APA, 12/10/2015)", "12.9.2015 became 12/10/2015 (expected September)"),
        ("(APA, 10/12/2015)", "12.9.2015 became 10/12/2015 (expected September)"),
        ("(APA, 2015-10-12)", "12.9.2015 became 2015-10-12 (expected September)"),
        ("(APA, 12 October 2015)", "12.9.2015 became October (expected September)"),
        ("(APA, 12.9.2016)", "2015 became 2016"),
        ("(APA, 12/9/16)", "2015 became 16"),
        ("(APA, 2016-09-12)", "2015 became 2016"),
        ("(APA, September 12, 2016)", "2015 became 2016"),
    ],
)
def test_another_day_month_or_year_is_still_a_problem(en: str, message: str) -> None:
    found = messages(APA, en)
    assert len(found) == 1 and found[0].startswith(message), found


def test_a_day_and_month_swapped_the_same_way_in_both_orders_is_caught() -> None:
    # 12/12/2015 reads as 12 December either way: the month changed
    assert messages(APA, "(APA, 12/12/2015)") != []
    assert messages(APA, "(APA, 9/9/2015)") != []


# --- real datelines of 10kGNAD ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("article_id", "dateline", "renderings"),
    [
        ("gnad-0233", "(APA, 12.9.2015)", ["(APA, 12/9/2015)", "(APA, September 12, 2015)"]),
        ("gnad-0176", "(APA, 24.9.2015)", ["(APA, 9/24/2015)", "(APA, 2015-09-24)"]),
        ("gnad-0096", "(APA, 11.9.2015)", ["(APA, 11/9/2015)", "(APA, 11.9.2015)"]),
        (
            "gnad-0092",
            "(Markus Bernath; 01.11.2015)",
            ["(Markus Bernath; 1/11/2015)", "(Markus Bernath; 11/1/2015)"],
        ),
        (
            "gnad-0020",
            "(András Szigetvari, 19.1.2016)",
            ["(András Szigetvari, 19.1.2016)", "(András Szigetvari, 2016-01-19)"],
        ),
    ],
)
def test_real_austrian_datelines_translated_keep_their_date(
    article_id: str, dateline: str, renderings: list[str]
) -> None:
    assert dateline in gnad_text(article_id)
    for en in renderings:
        assert number_problems(1, dateline, en) == [], (dateline, en)


def test_a_real_dateline_with_another_day_is_caught() -> None:
    dateline = "(APA, 24.9.2015)"  # gnad-0176
    assert dateline in gnad_text("gnad-0176")
    assert messages(dateline, "(APA, 9/25/2015)") == ["24 became 25 (expected 24)"]


# --- a two-digit year, and a day and month without a year ------------------------------------


@pytest.mark.parametrize(
    "en",
    ["on 12 September 2015", "on 12/9/15", "on 9/12/2015", "on 2015-09-12", "on 12.9.15"],
)
def test_a_two_digit_german_year_is_its_full_year(en: str) -> None:
    assert number_problems(1, "am 12.9.15", en) == [], en


def test_a_two_digit_year_of_another_decade_is_a_problem() -> None:
    assert messages("am 12.9.15", "on 12 September 2016") != []


#: tests/data/segment_news_hard.tsv (written for glossar), line 36
CARNIVAL = "Der Fasching beginnt traditionell am 11.11. um 11 Uhr."


@pytest.mark.parametrize(
    "en",
    [
        "Carnival traditionally begins on 11 November at 11 a.m.",
        "Carnival traditionally begins on November 11 at 11am.",
        "Carnival traditionally begins on the 11th of November at 11 o'clock.",
        "Carnival traditionally begins on 11.11. at 11 a.m.",  # copied
    ],
)
def test_a_day_and_month_without_a_year(en: str) -> None:
    assert number_problems(1, CARNIVAL, en) == [], en


def test_a_day_and_month_without_a_year_changed_is_a_problem() -> None:
    assert messages(CARNIVAL, "Carnival traditionally begins on 11 December at 11 a.m.") != []
    assert messages(CARNIVAL, "Carnival traditionally begins on 12 November at 11 a.m.") != []


def test_a_day_and_month_is_read_only_after_a_word_that_takes_a_date() -> None:
    assert [m.value for m in extract_numbers("vom 1.3. bis 5.3.", "de")] == [1, 5]
    # a version or a decimal at the end of a sentence is no 2 January
    assert number_problems(1, "Es kam Version 2.1.", "Version 2.1 came out.") == []
    assert [m.value for m in extract_numbers("It rose to 2.1.", "en")] == [Decimal("2.1")]
    de, en = "Es gibt die Versionen 2.0 und 2.1.", "There are versions 2.0 and 2.1."
    assert number_problems(1, de, en) == []


# --- times and versions are not dates --------------------------------------------------------


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("am 12.9.2015 um 14.30 Uhr", "on 12/9/2015 at 2.30 pm"),
        ("am 12.9.2015 um 14.30 Uhr", "on 2015-09-12 at 14:30"),
        ("Die Sitzung beginnt um 14.30 Uhr.", "The session begins at 2:30 p.m."),
        ("Firefox 3.6.28 ist erschienen.", "Firefox 3.6.28 is out."),
        ("iOS 9.3.2 ist erschienen.", "iOS 9.3.2 is out."),
        ("Die Saison 2015/16 begann.", "The 2015-16 season began."),
        ("Es stand 2:1.", "It was 2-1."),
    ],
)
def test_times_versions_and_spans_are_unchanged(de: str, en: str) -> None:
    assert number_problems(1, de, en) == [], (de, en)


# --- property: every rendering of a date agrees, another day, month or year does not -------

_MONTHS = list(calendar.month_name)[1:]
#: Abbreviated as AP style does (Sept.; March to July written out), and as British lists
#: do (Sep., Jun.; May as it is).
_AP = [m if 3 <= k <= 7 else m[: 4 if k == 9 else 3] + "." for k, m in enumerate(_MONTHS, 1)]
_SHORT = [m if k == 5 else m[:3] + "." for k, m in enumerate(_MONTHS, 1)]


@st.composite
def dates(draw: st.DrawFn) -> tuple[int, int, int]:
    year = draw(st.integers(1950, 2049))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return day, month, year


def german(day: int, month: int, year: int, style: int) -> str:
    if style == 0:
        return f"am {day}.{month}.{year}"
    if style == 1:
        return f"am {day:02d}.{month:02d}.{year}"
    return f"am {day}.{month}.{year % 100:02d}"


def english(day: int, month: int, year: int, style: int) -> str:
    name = _MONTHS[month - 1]
    suffix = "th" if day in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return [
        f"on {day}.{month}.{year}",
        f"on {day}/{month}/{year}",
        f"on {month}/{day}/{year}",
        f"on {year}-{month:02d}-{day:02d}",
        f"on {day} {name} {year}",
        f"on {name} {day}, {year}",
        f"on {_AP[month - 1]} {day}, {year}",
        f"on {day} {_SHORT[month - 1]} {year}",
        f"on the {day}{suffix} of {name} {year}",
        f"on {day:02d}/{month:02d}/{year % 100:02d}",
    ][style]


ENGLISH_STYLES = st.integers(0, 9)


@given(dates(), st.integers(0, 2), ENGLISH_STYLES)
def test_every_rendering_of_a_date_agrees(
    date: tuple[int, int, int], de_style: int, en_style: int
) -> None:
    de, en = german(*date, de_style), english(*date, en_style)
    assert number_problems(1, de, en) == [], (de, en)


@given(dates(), st.integers(0, 2), ENGLISH_STYLES, st.integers(1, 30), st.sampled_from("dmy"))
def test_a_rendering_with_another_day_month_or_year_is_flagged(
    date: tuple[int, int, int], de_style: int, en_style: int, shift: int, part: str
) -> None:
    day, month, year = date
    if part == "d":
        days = calendar.monthrange(year, month)[1]
        changed = ((day - 1 + shift) % days + 1, month, year)
    elif part == "m":
        changed = (day, (month - 1 + shift) % 12 + 1, year)
    else:
        changed = (day, month, year + shift)
    if changed == date or changed[0] > calendar.monthrange(changed[2], changed[1])[1]:
        return
    de, en = german(*date, de_style), english(*changed, en_style)
    assert messages(de, en) != [], (de, en)
