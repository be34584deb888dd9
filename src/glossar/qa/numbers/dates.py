"""Numeric dates: ``12.9.2015``, ``12/9/2015``, ``9/12/2015``, ``2015-09-12``, ``am 11.11.``.

A date's day and year are compared as numbers and its month as a month
(:mod:`~glossar.qa.numbers.months`), so ``12.9.2015`` equals ``12 September 2015``. That
held only for German dates: the English ``12.9.2015`` (a copied dateline) was no number
at all, and ``12/9/2015`` or ``2015-09-12`` three plain numbers whose month, a number the
German never has, was "added". Here every spelling gives the same day, month and year, in
either language. ``9/12/2015`` may be British (9 December) or American (September 12):
it is read the way that agrees with the days the other text names, else day first.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from glossar.qa.numbers.mention import NumberMention

#: Days in each month (February of a leap year): a date past them is no date.
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
#: Not inside a longer number, identifier or IP address on either side.
_BEFORE = r"(?<![\w.,/:-])"
_AFTER = r"(?!\w|[.,/:-]\d)"
#: Day first: ``12.9.2015``, ``12.09.15`` (German, and the same copied into English).
_DOTTED = re.compile(rf"{_BEFORE}(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}|\d{{2}}){_AFTER}")
#: ``12/9/2015`` (day first) or ``9/12/2015`` (month first): ambiguous when both fit.
_SLASHED = re.compile(rf"{_BEFORE}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}|\d{{2}}){_AFTER}")
#: ISO 8601 and its slash variant: ``2015-09-12``, ``2015/09/12``.
_ISO = re.compile(rf"{_BEFORE}(\d{{4}})([-/])(\d{{1,2}})\2(\d{{1,2}}){_AFTER}")
#: A day and month without a year, its full stop written: ``am 11.11.``.
_DAY_MONTH = re.compile(rf"{_BEFORE}(\d{{1,2}})\.(\d{{1,2}})\.(?!\w|[.,]?\d)")
#: Words after which ``11.11.`` is a date, not a version or a decimal ending a sentence
#: ("Version 2.1.", "rose to 1.5."); not "und" ("Versionen 2.0 und 2.1."), nor weekday
#: abbreviations that are words ("so", "do"); English only "on", as in a copied "on 11.11.".
_DATE_WORDS = {
    "de": frozenset(
        ["am", "vom", "zum", "bis", "seit", "ab", "den", "dem", "der", "des", "zwischen"]
        + ["stand", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag"]
        + ["sonntag", "mo", "di", "mi", "fr", "sa"]
    ),
    "en": frozenset({"on"}),
}
#: What every numeric date has: a digit, a separator, a digit.
_CANDIDATE = re.compile(r"\d[./-]\d")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?,?\s+\Z")


@dataclass(frozen=True, slots=True)
class NumericDate:
    """A date written in digits: where it stands and the day, month and year it means.

    ``year`` is as written (2015, or 15 when the century is not written) or None (``am
    11.11.``); ``day_at`` and ``year_at`` are the spans of the day's and the year's digits;
    ``either_way``: a slash date that also reads with day and month swapped.
    """

    start: int
    end: int
    day: int
    month: int
    year: int | None
    day_at: tuple[int, int]
    year_at: tuple[int, int] | None
    either_way: bool = False

    def numbers(self, text: str) -> list[NumberMention]:
        """The day and the year as number mentions, in text order (the month is a month).

        A two-digit year is of kind ``year``, vague: it equals any year it ends
        (``12.9.15`` ↔ ``2015``)."""
        out = [NumberMention(Decimal(self.day), text[slice(*self.day_at)], *self.day_at)]
        if self.year is not None and self.year_at is not None:
            written = text[slice(*self.year_at)]
            kind, vague = ("year", True) if len(written) == 2 else ("number", False)
            out.append(NumberMention(Decimal(self.year), written, *self.year_at, kind, vague))
        return sorted(out, key=lambda m: m.start)

    def month_mention(self, text: str) -> NumberMention:
        """The month, spelt by the whole date (messages show "12.9.2015 became October")."""
        return NumberMention(
            Decimal(self.month), text[self.start : self.end], self.start, self.end, "month"
        )


def _valid(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]


def _reading(
    readings: list[tuple[int, int]], prefer: Collection[tuple[int, int]]
) -> tuple[int, int]:
    """Of (day, month) ``readings``, the one closest to a day-month of ``prefer``."""
    days = {d for d, _ in prefer}
    months = {m for _, m in prefer}

    def score(reading: tuple[int, int]) -> int:
        return 4 * (reading in prefer) + 2 * (reading[0] in days) + (reading[1] in months)

    return max(readings, key=score)  # the first (day first) on a tie


def _date_word_before(text: str, start: int, lang: str) -> bool:
    hit = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return hit is not None and hit.group(1).lower() in _DATE_WORDS.get(lang, ())


def numeric_dates(
    text: str, lang: str, prefer: Collection[tuple[int, int]] = ()
) -> list[NumericDate]:
    """The dates written in digits in ``text``, in order.

    ``prefer`` holds the (day, month) pairs the other text names: a slash date that reads
    both ways (``9/12/2015``) is read the way that matches one of them, else day first.
    A day and month without a year counts after a word that takes a date (``am 11.11.``,
    ``vom 1.3. bis 5.3.``; in English only ``on 11.11.``).
    """
    if _CANDIDATE.search(text) is None:  # most texts: four patterns not run at all
        return []
    found: list[NumericDate] = []
    for hit in _DOTTED.finditer(text):
        day, month = int(hit.group(1)), int(hit.group(2))
        if _valid(day, month):
            year = int(hit.group(3))
            found.append(NumericDate(*hit.span(), day, month, year, hit.span(1), hit.span(3)))
    for hit in _SLASHED.finditer(text):
        a, b = int(hit.group(1)), int(hit.group(2))
        readings = [r for r in ((a, b), (b, a)) if _valid(*r)]
        if readings:
            day, month = _reading(readings, prefer)
            at = hit.span(1) if (day, month) == (a, b) else hit.span(2)
            year = int(hit.group(3))
            both = len(readings) == 2 and a != b
            found.append(NumericDate(*hit.span(), day, month, year, at, hit.span(3), both))
    for hit in _ISO.finditer(text):
        day, month = int(hit.group(4)), int(hit.group(3))
        if _valid(day, month):
            year = int(hit.group(1))
            found.append(NumericDate(*hit.span(), day, month, year, hit.span(4), hit.span(1)))
    for hit in _DAY_MONTH.finditer(text):
        day, month = int(hit.group(1)), int(hit.group(2))
        if _valid(day, month) and _date_word_before(text, hit.start(), lang):
            found.append(NumericDate(*hit.span(), day, month, None, hit.span(1), None))
    return sorted(found, key=lambda d: d.start)


def date_readings(text: str, lang: str) -> set[tuple[int, int]]:
    """Every (day, month) a numeric date of ``text`` may mean (both of ``9/12/2015``)."""
    out: set[tuple[int, int]] = set()
    for date in numeric_dates(text, lang):
        out.add((date.day, date.month))
        if date.either_way:
            out.add((date.month, date.day))
    return out
