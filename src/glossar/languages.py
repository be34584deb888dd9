"""Language names and dates for people, in the UI language, from Babel's CLDR data.

The CLI speaks German or English (``--lang``); headers such as "Deutsch → Englisch" and
dates such as "8. Januar 2022" must follow that choice rather than be hard-coded, so
they come from the same locale data Babel uses for numbers. JSON output never uses these.
"""

from __future__ import annotations

import datetime as _dt

from babel import Locale, UnknownLocaleError
from babel import dates as _dates

#: Date styles Babel knows: "short" (08.01.22), "medium" (08.01.2022), "long", "full".
DATE_FORMATS = ("short", "medium", "long", "full")


def _ui_locale(ui_lang: str | None) -> Locale:
    """The Babel locale for a UI language code; None means the CLI's current language."""
    if ui_lang is None:
        from glossar.i18n import language

        ui_lang = language()
    try:
        return Locale.parse(ui_lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def language_name(code: str, ui_lang: str | None = None) -> str:
    """The name of language ``code`` as the UI language writes it.

    ``language_name("de", "de") == "Deutsch"``, ``language_name("en", "de") == "Englisch"``,
    ``language_name("de", "en") == "German"``. An unknown code comes back unchanged.
    """
    name = _ui_locale(ui_lang).languages.get(code.replace("-", "_").split("_")[0].lower())
    return name if name else code


def direction_label(src: str, tgt: str, ui_lang: str | None = None) -> str:
    """A translation direction for headers: "Deutsch → Englisch" / "German → English"."""
    return f"{language_name(src, ui_lang)} → {language_name(tgt, ui_lang)}"


def format_date(
    d: _dt.date | _dt.datetime | str, ui_lang: str | None = None, fmt: str = "long"
) -> str:
    """A date as the UI language writes it: "8. Januar 2022" / "January 8, 2022".

    ``d`` may be a date, a datetime (its date part is used) or an ISO 8601 string (as
    JSON and metadata files store them). ``fmt`` is one of :data:`DATE_FORMATS`.
    """
    if isinstance(d, str):
        d = _dt.datetime.fromisoformat(d.replace("Z", "+00:00"))
    if isinstance(d, _dt.datetime):
        d = d.date()
    if fmt not in DATE_FORMATS:
        raise ValueError(f"date format must be one of {', '.join(DATE_FORMATS)}: {fmt!r}")
    return _dates.format_date(d, format=fmt, locale=_ui_locale(ui_lang))
