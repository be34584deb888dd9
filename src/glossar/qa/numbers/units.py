"""The same number with another unit: ``drei Tage`` ↔ ``three weeks``, ``Prozentpunkte`` ↔
``percent``.

The number rule compares values, so a number whose unit the translation changed passed:
3 is 3 whether days or weeks. Two families of units are read here, each only where the
unit word stands right after the number: lengths of time (minutes to centuries) and
percent against percentage points. A value that keeps one of its units somewhere in the
translation is left alone ("3 Tage und 3 Wochen" ↔ "3 weeks and 3 days"), and a unit the
translation drops ("im Alter von 30 Jahren" ↔ "aged 30") is never reported.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from glossar.qa.numbers.durations import minutes_of_hours
from glossar.qa.numbers.mention import NumberMention, format_number

#: German unit stems → the English unit word they are.
_DE_TIME = {
    "minute": "minute", "stunde": "hour", "tag": "day", "woche": "week", "monat": "month",
    "jahrzehnt": "decade", "jahrhundert": "century", "jahr": "year",
}  # fmt: skip
_EN_TIME = {
    "minute": "minute", "hour": "hour", "day": "day", "week": "week", "fortnight": "fortnight",
    "month": "month", "year": "year", "decade": "decade", "century": "century",
    "centurie": "century",
}  # fmt: skip
_TIME = {
    "de": re.compile(
        r"[\s-]*(minute|stunde|tag|woche|monat|jahrzehnt|jahrhundert|jahr)(?:e|en|es|n|s)?\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"[\s-]*(minute|hour|day|week|fortnight|month|year|decade|century|centurie)s?\b",
        re.IGNORECASE,
    ),
}
#: Points before percent: "2 %-Punkte" and "2 percentage points" are points.
_POINTS = {
    "de": re.compile(r"[\s-]*(?:(?:Prozent|%)[\s-]*)?[Pp]unkte?n?\b"),
    "en": re.compile(r"[\s-]*(?:(?:percentage|%)[\s-]*)?points?\b", re.IGNORECASE),
}
_PERCENT = {
    "de": re.compile(r"\s*(?:%|Prozent\b|v\.\s?H\.)"),
    "en": re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE),
}
#: The unit each family's English is written with in a message ("3 days").
_PLURAL = {"century": "centuries", "percent": "percent", "point": "percentage points"}


def _unit_of(mention: NumberMention, text: str, lang: str) -> tuple[str, str, int] | None:
    """(family, unit, end) of the unit word right after ``mention``, if it has one."""
    if mention.kind != "number" or mention.ordinal:
        return None
    if (hit := _POINTS[lang].match(text, mention.end)) is not None:
        return "percent", "point", hit.end()
    if (hit := _PERCENT[lang].match(text, mention.end)) is not None:
        return "percent", "percent", hit.end()
    if (hit := _TIME[lang].match(text, mention.end)) is not None:
        stems = _DE_TIME if lang == "de" else _EN_TIME
        unit = stems[hit.group(1).lower()]
        if unit == "hour" and minutes_of_hours(mention, text):
            unit = "minute"  # the 47 of "1:47 Stunden" (1 hour 47 minutes)
        return "time", unit, hit.end()
    return None


def _by_unit(
    mentions: list[NumberMention], text: str, lang: str
) -> dict[Decimal, dict[tuple[str, str], NumberMention]]:
    """Each value's units and a mention for each, the text widened to take the unit in."""
    out: dict[Decimal, dict[tuple[str, str], NumberMention]] = {}
    for mention in mentions:
        unit = _unit_of(mention, text, lang)
        if unit is None:
            continue
        family, name, end = unit
        widened = replace(mention, text=text[mention.start : end], end=end)
        out.setdefault(mention.value, {}).setdefault((family, name), widened)
    return out


def english_unit(value: Decimal, unit: str) -> str:
    """``value`` with its English unit, as a message expects it: "3 days", "2 percent"."""
    number = format_number(value, "en")
    if unit in _PLURAL:
        word = _PLURAL[unit] if unit != "point" or value != 1 else "percentage point"
    else:
        word = unit if value == 1 else unit + "s"
    return f"{number} {word}"


def changed_units(
    src_all: list[NumberMention],
    tgt_all: list[NumberMention],
    source: str,
    target: str,
    source_lang: str = "de",
    target_lang: str = "en",
) -> list[tuple[NumberMention, NumberMention, str]]:
    """(source, target, expected) for each value the translation keeps with another unit
    of the same family: "drei Tage" ↔ "three weeks" (expected "3 days")."""
    src = _by_unit(src_all, source, source_lang)
    tgt = _by_unit(tgt_all, target, target_lang)
    out: list[tuple[NumberMention, NumberMention, str]] = []
    for value, units in src.items():
        found = tgt.get(value, {})
        gone = [u for u in units if u not in found]
        new = [u for u in found if u not in units]
        for unit in gone:
            other = next((u for u in new if u[0] == unit[0]), None)
            if other is None:
                continue
            new.remove(other)
            out.append((units[unit], found[other], english_unit(value, unit[1])))
    return sorted(out, key=lambda pair: pair[0].start)
