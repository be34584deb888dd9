"""Numbers compared across German and English: Babel parsing per locale, scale and number words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given
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
    assert values(text, lang) == []


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
