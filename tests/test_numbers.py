"""Numbers compared across German and English: Babel parsing per locale, scale and number words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from glossar.qa.check import number_problems
from glossar.qa.numbers import extract_numbers, german_number_word, parse_number


def values(text: str, lang: str) -> list[Decimal]:
    return [m.value for m in extract_numbers(text, lang)]


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("2.500 Soldaten", "2,500 soldiers"),
        ("etwa 2500 ausländische Soldaten", "about 2,500 foreign soldiers"),
        ("1,5 Millionen Menschen", "1.5 million people"),
        ("2 Mrd. Euro", "2 billion euros"),
        ("30 Jahre Unabhängigkeit", "30 years of independence"),
        ("am 8. Januar", "on January 8"),
        ("am 8. Januar", "on 8 January"),
        ("am 8. Januar", "on 8th January"),
        ("am 8.1.2022", "on 8 January 2022"),
        ("Mehr als Tausend Verletzte", "More than a thousand injured"),
        ("Mehr als Tausend Verletzte", "More than 1,000 injured"),
        ("ein 2002 gegründeter Gegenentwurf", "a counterpart founded in 2002"),
        ("5,5 Prozent", "5.5 percent"),
        ("5,5 %", "5.5%"),
        ("aus sechs ehemaligen Sowjetrepubliken", "of six former Soviet republics"),
        ("einer der neun IL-76", "one of the nine Il-76"),
        ("eine zweite Situation", "a second situation"),
        ("zwölf Städte", "twelve cities"),
        ("zweihundertfünfzig", "two hundred and fifty"),
        ("fünfundzwanzig", "twenty-five"),
        ("dreitausend", "three thousand"),
        ("eine Million", "a million"),
        ("ein Dutzend", "a dozen"),
        ("die zweitgrößte Stadt", "the second-largest city"),
        ("2\u00a0500 Soldaten", "2,500 soldiers"),
        ("2\u202f500 Soldaten", "2,500 soldiers"),
    ],
)
def test_same_value_in_both_locales(de: str, en: str) -> None:
    assert values(de, "de") == values(en, "en") != []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("das Land gilt als eines der wichtigsten Verbündeten", "de"),
        ("the country is one of Russia's most important allies", "en"),
        ("hat erstmals eingegriffen, das erste Mal", "de"),
        ("intervened for the first time", "en"),
        ("Tausende Menschen, Hunderte Polizisten, Millionen Zuschauer", "de"),
        ("thousands of people, hundreds of police, millions watching", "en"),
        ("Sie achten darauf, das nicht außer Acht zu lassen", "de"),
    ],
)
def test_words_that_are_not_quantities(text: str, lang: str) -> None:
    # vague plurals ("Tausende", "thousands") are read since issue 17, as vague amounts
    # (kind "approx") that only confirm the other side: never an exact number
    assert [m.value for m in extract_numbers(text, lang) if m.kind != "approx"] == []
    assert all(m.optional for m in extract_numbers(text, lang))


def test_each_locale_reads_its_own_separators() -> None:
    assert parse_number("2.500", "de") == Decimal(2500)
    assert parse_number("2.500", "en") == Decimal("2.5")
    assert parse_number("1,5", "de") == Decimal("1.5")
    # German-style decimals in English text are still read as what they must mean
    assert parse_number("1,5", "en") == Decimal("1.5")
    assert parse_number("1.000.000", "en") == Decimal(1000000)


def test_sentence_final_full_stop_is_not_a_decimal_point() -> None:
    assert values("gegründet 2002.", "de") == [Decimal(2002)]
    assert values("founded in 2002.", "en") == [Decimal(2002)]


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("zwölf", 12),
        ("Tausend", 1000),
        ("dreißig", 30),
        ("einundzwanzig", 21),
        ("zweihundertfünfzig", 250),
        ("dreitausendvierhundert", 3400),
        ("zweiten", 2),
        ("dritte", 3),
        ("siebte", 7),
        ("sechsten", 6),
        ("zwanzigste", 20),
        ("Tausende", None),
        ("erste", None),
        ("Ausnahme", None),
        ("achten", None),
    ],
)
def test_german_number_words(word: str, value: int | None) -> None:
    assert german_number_word(word) == value


@given(st.integers(min_value=0, max_value=10**12))
def test_babel_formatted_integers_match(n: int) -> None:
    de = format_decimal(n, locale="de")
    en = format_decimal(n, locale="en")
    assert parse_number(de, "de") == parse_number(en, "en") == n
    assert number_problems(1, f"Es waren {de} Menschen.", f"There were {en} people.") == []


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_babel_formatted_decimals_match(d: Decimal) -> None:
    de = format_decimal(d, locale="de", decimal_quantization=False)
    en = format_decimal(d, locale="en", decimal_quantization=False)
    assert number_problems(1, f"Der Wert lag bei {de}.", f"The value was {en}.") == []


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=10**9),
)
def test_a_changed_number_is_always_reported(a: int, b: int) -> None:
    problems = number_problems(
        1,
        f"Es waren {format_decimal(a, locale='de')} Menschen.",
        f"There were {format_decimal(b, locale='en')} people.",
    )
    assert (problems == []) == (a == b)


def num2words(n: int, **kwargs: str) -> str:
    """num2words (a test dependency) spells numbers out; skip where it is not installed."""
    return pytest.importorskip("num2words").num2words(n, **kwargs)


@given(st.integers(min_value=2, max_value=10**9))
def test_spelt_out_numbers_parse_back(n: int) -> None:
    """German and English number words (as num2words spells them) read back as the number."""
    de = num2words(n, lang="de")
    en = num2words(n, lang="en")
    assert values(de, "de") == values(en, "en") == [n], (de, en)
    assert number_problems(1, f"Es kamen {de} Menschen.", f"{n:,} people came.") == []


@given(st.integers(min_value=2, max_value=5000))
def test_spelt_out_ordinals_parse_back(n: int) -> None:
    de = num2words(n, lang="de", to="ordinal")
    en = num2words(n, lang="en", to="ordinal")
    assert values(de, "de") == values(en, "en") == [n], (de, en)


# --- times of day, decades, year spans -------------------------------------------------


def kinds(text: str, lang: str) -> list[tuple[str, Decimal, bool]]:
    return [(m.kind, m.value, m.vague) for m in extract_numbers(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "minutes", "vague"),
    [
        ("um 14.30 Uhr", "de", 870, False),
        ("um 14:30 Uhr", "de", 870, False),
        ("um 14:30", "de", 870, False),
        ("um 9 Uhr", "de", 540, False),
        ("um 9 Uhr abends", "de", 1260, False),
        ("um 1 Uhr mittags", "de", 780, False),
        ("um 3 Uhr nachts", "de", 180, False),
        ("um 24 Uhr", "de", 0, False),
        ("at 2.30pm", "en", 870, False),
        ("at 2:30 p.m.", "en", 870, False),
        ("at 2:30 PM", "en", 870, False),
        ("at 12 a.m.", "en", 0, False),
        ("at 12pm", "en", 720, False),
        ("at 9am", "en", 540, False),
        ("at 14:30", "en", 870, False),
        ("at 09:00", "en", 540, False),
        ("at 14.30 GMT", "en", 870, False),
        ("at 14.30 local time", "en", 870, False),
        ("at 9 o'clock", "en", 540, True),
        ("at 9 o’clock in the evening", "en", 1260, False),
        ("at 2:30", "en", 150, True),
    ],
)
def test_times_of_day(text: str, lang: str, minutes: int, vague: bool) -> None:
    assert kinds(text, lang) == [("time", Decimal(minutes), vague)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bayern gewann 2:1 gegen Dortmund", "de"),  # a score, not a time
        ("Er lief die Strecke in 2:05:30 Stunden", "de"),  # a running time
        ("Die 3 Uhren blieben stehen", "de"),
        ("He paid 2.30 euros", "en"),
        ("I am 9 and am happy", "en"),  # "9 and", not "9 am"
    ],
)
def test_not_times_of_day(text: str, lang: str) -> None:
    assert all(kind != "time" for kind, _, _ in kinds(text, lang))


def test_a_time_range_makes_its_bare_start_a_time() -> None:
    assert kinds("von 14.30 bis 16 Uhr", "de") == [
        ("time", Decimal(870), False),
        ("time", Decimal(960), False),
    ]
    assert kinds("between 11 and 1pm", "en") == [  # 11 a.m., not 11 p.m.
        ("time", Decimal(660), False),
        ("time", Decimal(780), False),
    ]
    assert kinds("from 9-11am", "en")[0] == ("time", Decimal(540), False)


@pytest.mark.parametrize(
    ("text", "lang", "year", "vague", "optional"),
    [
        ("in den 90er Jahren", "de", 90, True, False),
        ("in den 90er-Jahren", "de", 90, True, False),
        ("in den 90ern", "de", 90, True, False),
        ("in den 1990er Jahren", "de", 1990, False, False),
        ("in den Neunzigerjahren", "de", 90, True, False),
        ("in den neunziger Jahren", "de", 90, True, False),
        ("in seinen Neunzigern", "de", 90, True, True),
        ("in the 1990s", "en", 1990, False, False),
        ("in the '90s", "en", 90, True, False),
        ("in the 1990's", "en", 1990, False, False),
        ("in the nineties", "en", 90, True, True),
    ],
)
def test_decades(text: str, lang: str, year: int, vague: bool, optional: bool) -> None:
    (mention,) = extract_numbers(text, lang)
    assert (mention.kind, mention.value, mention.vague, mention.optional) == (
        "decade",
        year,
        vague,
        optional,
    )


def test_a_twenty_euro_note_and_a_speed_zone_are_not_decades() -> None:
    assert kinds("Er zahlte mit einem 20er, in der 30er-Zone", "de") == [
        ("number", Decimal(20), False),
        ("number", Decimal(30), False),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("die Saison 2020/21", "de"), ("the 2020-21 season", "en"), ("2020–21", "en")],
)
def test_the_short_year_of_a_span_is_the_full_year(text: str, lang: str) -> None:
    assert values(text, lang) == [2020, 2021]


def test_dates_are_not_year_spans() -> None:
    # an ISO date gives its year and day; its month is a month (qa/numbers/months.py)
    assert values("on 2021-03-05", "en") == [2021, 5]
    assert values("1999/00", "de") == [1999, 2000]


HOURS = st.integers(min_value=0, max_value=23)
MINUTES = st.integers(min_value=0, max_value=59)


def german_time(h: int, m: int, style: int) -> str:
    if m == 0 and style == 2:
        return f"{h} Uhr"
    return f"{h}{'.' if style == 0 else ':'}{m:02d} Uhr"


def english_time(h: int, m: int, style: int) -> str:
    h12, half = h % 12 or 12, "am" if h < 12 else "pm"
    if style == 0:
        return f"{h12}.{m:02d}{half}"
    if style == 1:
        return f"{h12}:{m:02d} {half[0]}.m."
    if style == 2:
        return f"{h:02d}:{m:02d}"
    return f"{h12}:{m:02d}" if m else f"{h12} o'clock"  # 12-hour clock, no a.m./p.m.


@given(HOURS, MINUTES, st.integers(0, 2), st.integers(0, 3))
def test_a_time_written_the_german_and_an_english_way_is_equal(
    h: int, m: int, de_style: int, en_style: int
) -> None:
    de = f"Die Sitzung beginnt um {german_time(h, m, de_style)}."
    en = f"The session begins at {english_time(h, m, en_style)}."
    assert number_problems(1, de, en) == [], (de, en)


@given(HOURS, MINUTES, HOURS, MINUTES, st.integers(0, 2), st.integers(0, 2))
@example(0, 0, 12, 0, 0, 2)
def test_a_different_time_is_one_number_problem(
    h: int, m: int, h2: int, m2: int, de_style: int, en_style: int
) -> None:
    de = f"Die Sitzung beginnt um {german_time(h, m, de_style)}."
    en = f"The session begins at {english_time(h2, m2, en_style)}."
    problems = number_problems(1, de, en)
    if (h, m) == (h2, m2) or english_time(h2, m2, en_style) == f"{h % 12 or 12}:{m:02d}":
        # (the second: "12:00" may be the 12-hour clock's midnight, as 0.00 Uhr is)
        assert problems == []
    else:
        assert [p.kind for p in problems] == ["number"], (de, en, problems)
        assert problems[0].de == german_time(h, m, de_style)
        assert problems[0].found == english_time(h2, m2, en_style)


@given(st.integers(min_value=190, max_value=209), st.integers(0, 2), st.integers(0, 2))
def test_a_decade_written_the_german_and_an_english_way_is_equal(
    d: int, de_style: int, en_style: int
) -> None:
    year = d * 10
    de = [f"{year}er Jahren", f"{year % 100:02d}er-Jahren", f"{year % 100:02d}er Jahren"][de_style]
    en = [f"{year}s", f"'{year % 100:02d}s", f"{year}'s"][en_style]
    assert number_problems(1, f"In den {de} wuchs die Stadt.", f"In the {en} the city grew.") == []


@given(st.integers(min_value=1900, max_value=2099), st.sampled_from(["/", "-", "–"]))
def test_a_year_span_written_short_or_long_is_equal(year: int, joiner: str) -> None:
    short = f"{year}{joiner}{(year + 1) % 100:02d}"
    long = f"{year}–{year + 1}"
    assert number_problems(1, f"In der Saison {short} …", f"In the {long} season …") == []
    assert number_problems(1, f"In der Saison {long} …", f"In the {short} season …") == []


@given(st.integers(min_value=10**27, max_value=10**45), st.booleans())
def test_numbers_past_28_digits_compare_without_an_error(n: int, same: bool) -> None:
    """Babel checks a strict parse by formatting the value back, which raised
    decimal.InvalidOperation past Python's default 28 digits: one such number in a
    text aborted the whole check with an internal error."""
    b = n if same else n + 1
    problems = number_problems(  # (Babel's format_decimal fails on them too)
        1, f"Es kostet {n:,} Euro.".replace(",", "."), f"It costs {b:,} euros."
    )
    assert (problems == []) == same


@pytest.mark.parametrize(
    "token",
    ["1.3.6.1.4.1.311.21.20.3.6.1.4.1.311.21.20.3.6.1.4.1.3", "1." * 30, "7" * 5000],
)
def test_identifiers_are_not_quantities(token: str) -> None:
    """An OID, a run of dotted digits or thousands of digits is no quantity: the same
    identifier on both sides is no problem (it was parsed as a German grouped number on
    one side and rejected on the other)."""
    assert parse_number(token.rstrip("."), "de") is None
    assert number_problems(1, f"Die Kennung lautet {token}", f"The identifier is {token}") == []


def test_indian_grouping_is_still_a_number_and_a_version_is_not() -> None:
    """Identifiers with several separators are no quantities, but lakh grouping is."""
    assert parse_number("1,00,000", "en") == 100000
    assert parse_number("10,00,00,000", "en") == 100000000
    assert number_problems(1, "Es kostet 100.000 Rupien.", "It costs 1,00,000 rupees.") == []
    assert number_problems(1, "Version 1.2.3 ist da.", "Version 1.2.3 is out.") == []


def test_the_number_of_buendnis_90_may_be_left_out() -> None:
    """A tester: "Bündnis 90/Die Grünen" as "the Greens" gave "90 is missing in the
    translation"; the number is kept when the English names it (GSD test-s582)."""
    from pathlib import Path

    from glossar.qa.numbers.compare import compare_numbers

    gsd = Path(__file__).parent / "data" / "gsd" / "de_gsd_sentences.tsv"
    (german,) = [
        line.split("\t")[2]
        for line in gsd.read_text(encoding="utf-8").splitlines()
        if line.startswith("test-s582\t")
    ]
    assert "Bündnis 90 / Grünen" in german
    english = "The motion provides for talks with the CDU and parallel talks with the Greens."
    assert compare_numbers(german, english) == []
    assert compare_numbers(german, english.replace("Greens", "Alliance 90/The Greens")) == []
    wrong = compare_numbers(german, english.replace("the Greens", "Alliance 91/The Greens"))
    assert [(d.extra.value if d.extra else None, d.severity) for d in wrong] == [(91, "problem")]
    # other numbers stay firm
    assert compare_numbers("Die 90 Abgeordneten stimmten zu.", "The deputies agreed.")
