"""Lengths of time said two ways: ``sieben Tage`` ↔ ``a week``, ``zwölf Monate`` ↔ ``a year``.

A translator may turn a number and its unit into another unit (``24 Stunden`` ↔ ``a
day``, ``ein halbes Jahr`` ↔ ``six months``): the number changes, the length does not.
:func:`durations` reads every length of time in a text as minutes (minutes to weeks) or
as months (months to centuries), so the number rule can call such a change a paraphrase.
"""

from __future__ import annotations

import re
from decimal import Decimal

from glossar.qa.numbers.mention import NumberMention

_DAY = 24 * 60
#: unit stem → (base, size in that base); months and days are kept apart (inexact).
_UNITS = {
    "de": {
        "minute": ("min", 1), "stunde": ("min", 60), "tag": ("min", _DAY),
        "woche": ("min", 7 * _DAY), "monat": ("month", 1), "jahr": ("month", 12),
        "jahrzehnt": ("month", 120), "jahrhundert": ("month", 1200),
    },
    "en": {
        "minute": ("min", 1), "hour": ("min", 60), "day": ("min", _DAY),
        "week": ("min", 7 * _DAY), "fortnight": ("min", 14 * _DAY), "month": ("month", 1),
        "year": ("month", 12), "decade": ("month", 120), "century": ("month", 1200),
        "centurie": ("month", 1200),
    },
}  # fmt: skip
_UNIT_WORD = {
    "de": re.compile(
        r"[\s-]*(minute|stunde|tag|woche|monat|jahrzehnt|jahrhundert|jahr)(?:e|en|es|n|s)?\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"[\s-]*(minute|hour|day|week|fortnight|month|year|decade|century|centurie)s?\b",
        re.IGNORECASE,
    ),
}
#: A unit on its own with a word for one: "eine Woche", "a week", "one year", "ein Jahr".
_ONE_UNIT = {
    "de": re.compile(
        r"\b(?:ein|eine|einem|einen|einer|eines)\s+(minute|stunde|tag|woche|monat|jahrzehnt"
        r"|jahrhundert|jahr)(?:e|en|es|n|s)?\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:a|an|one)\s+(minute|hour|day|week|fortnight|month|year|decade|century)\b",
        re.IGNORECASE,
    ),
}


#: Hours and a colon right before a number: it is the minutes of "1:47 Stunden".
_AFTER_HOURS = re.compile(r"(?<![\d:])\d{1,2}:\Z")


def minutes_of_hours(mention: NumberMention, text: str) -> bool:
    """Is ``mention`` the minutes of a length of time in hours ("nach 1:47 Stunden"),
    whatever unit word follows it?"""
    return _AFTER_HOURS.search(text, max(0, mention.start - 3), mention.start) is not None


def duration_of(mention: NumberMention, text: str, lang: str) -> tuple[str, Decimal] | None:
    """The length of time ``mention`` and the unit after it spell (``7 Tage``), if any."""
    if mention.kind != "number":
        return None
    unit = _UNIT_WORD[lang].match(text, mention.end)
    if unit is None:
        return None
    base, size = _UNITS[lang][unit.group(1).lower()]
    if base == "min" and minutes_of_hours(mention, text):
        return "min", mention.value  # "1:47 Stunden": the 47 are minutes
    return base, mention.value * size


def durations(text: str, lang: str, mentions: list[NumberMention]) -> set[tuple[str, Decimal]]:
    """Every length of time in ``text``: numbers with a unit, and "a week"-style units."""
    out = {d for m in mentions if (d := duration_of(m, text, lang)) is not None}
    for one in _ONE_UNIT[lang].finditer(text):
        base, size = _UNITS[lang][one.group(1).lower()]
        out.add((base, Decimal(size)))
    return out
