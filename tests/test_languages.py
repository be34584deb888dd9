"""Language names and dates in the UI language, from Babel's locale data."""

from __future__ import annotations

import datetime as dt

import pytest

from glossar.i18n import set_language
from glossar.languages import direction_label, format_date, language_name


@pytest.mark.parametrize(
    ("code", "ui", "name"),
    [("de", "de", "Deutsch"), ("en", "de", "Englisch"), ("de", "en", "German"),
     ("en", "en", "English"), ("fr", "de", "Französisch"), ("de_AT", "en", "German")],
)  # fmt: skip
def test_language_names_come_from_the_ui_locale(code: str, ui: str, name: str) -> None:
    assert language_name(code, ui) == name


def test_unknown_language_code_is_shown_as_given() -> None:
    assert language_name("xx-unknown", "de") == "xx-unknown"


def test_direction_label() -> None:
    assert direction_label("de", "en", "de") == "Deutsch → Englisch"
    assert direction_label("de", "en", "en") == "German → English"


def test_ui_language_defaults_to_the_cli_language() -> None:
    try:
        set_language("de")
        assert direction_label("de", "en") == "Deutsch → Englisch"
        assert format_date(dt.date(2022, 1, 8)) == "8. Januar 2022"
        set_language("en")
        assert direction_label("de", "en") == "German → English"
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("value", "ui", "fmt", "text"),
    [
        (dt.date(2022, 1, 8), "de", "long", "8. Januar 2022"),
        (dt.date(2022, 1, 8), "en", "long", "January 8, 2022"),
        (dt.date(2022, 1, 8), "de", "medium", "08.01.2022"),
        (dt.date(2022, 1, 8), "en", "medium", "Jan 8, 2022"),
        (dt.date(2022, 1, 8), "de", "full", "Samstag, 8. Januar 2022"),
        (dt.datetime(2022, 1, 8, 23, 30), "de", "long", "8. Januar 2022"),
        ("2022-01-08T10:00:00Z", "en", "long", "January 8, 2022"),
        ("2022-01-08", "de", "long", "8. Januar 2022"),
    ],
)
def test_dates_follow_the_ui_locale(value: object, ui: str, fmt: str, text: str) -> None:
    assert format_date(value, ui, fmt) == text  # type: ignore[arg-type]


def test_unknown_date_format_is_refused() -> None:
    with pytest.raises(ValueError, match="date format"):
        format_date(dt.date(2022, 1, 8), "de", "weird")
