"""Month names in German and English text, so a changed month in a date is caught.

A date's day and year are numbers and compared as such; its month is a word
("12. September" ↔ "12 October"), which the number rule never saw. Months are read as
:class:`~glossar.qa.numbers.mention.NumberMention` of kind ``month`` (value 1–12).
Names that are also ordinary words or first names ("May", "March", "August") count
only next to a number or after a word that takes a month ("in May", "Anfang August").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal

from glossar.qa.numbers.dates import date_readings, numeric_dates
from glossar.qa.numbers.mention import NumberMention
from glossar.text.months import AUSTRIAN_MONTHS, GERMAN_MONTHS

_EN_MONTHS = "January February March April May June July August September October November December"
#: The months by language, January first (for messages: "September became October").
MONTH_NAMES = {"de": GERMAN_MONTHS, "en": tuple(_EN_MONTHS.split())}
_DE_NAMES = {name: k for k, name in enumerate(MONTH_NAMES["de"], 1)} | AUSTRIAN_MONTHS
_EN_NAMES = {name: k for k, name in enumerate(MONTH_NAMES["en"], 1)}
#: Abbreviations, read only with their full stop and a number next to them ("Sept. 12").
_DE_SHORT = {"Jan": 1, "Feb": 2, "Apr": 4, "Aug": 8, "Sept": 9, "Sep": 9, "Okt": 10, "Nov": 11}
_DE_SHORT |= {"Dez": 12, "Jun": 6, "Jul": 7}
_EN_SHORT = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Aug": 8, "Sept": 9, "Sep": 9, "Oct": 10}
_EN_SHORT |= {"Nov": 11, "Dec": 12, "Jun": 6, "Jul": 7}
#: Names that are also words or first names: a month only in a date's company.
#: Every month's name and short form in either language, in lower case ("june",
#: "jänner", "okt"): a number after one is a day (:func:`glossar.qa.numbers.tokens.tokens`).
MONTH_WORDS = frozenset(
    name.lower()
    for names in (*MONTH_NAMES.values(), _DE_NAMES, _DE_SHORT, _EN_SHORT)
    for name in names
)

_AMBIGUOUS = frozenset({"May", "March", "August", "Mai", "April"})
_DATE_WORDS = (
    "in since until till by of early late mid from to through between and or last next "
    "this during before after im seit bis vom von ab zum am anfang ende mitte monat monats "
    "des und oder"
)
_DATE_WORDS_BEFORE = frozenset(_DATE_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+")
#: A day before a month's name ("12. September", "12th of September") or after it
#: ("September 12", "Sept. 12th"), not a year ("September 2015").
_DAY_BEFORE = re.compile(r"(?<![\d.,])(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?\Z")
_DAY_AFTER = re.compile(r"\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?![\d.,:]?\d)")


def _dated(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start``–``end`` stands in a date: a number right beside it,
    or a word before it that takes a month ("in May", "Anfang August", "mid-March")."""
    after = text[end : end + 4]
    if re.match(r"\.?,?\s*\d", after):
        return True
    before = text[max(0, start - 40) : start]
    if re.search(r"\d\.?\s*\Z", before):
        return True
    words = _WORD.findall(before)
    return bool(words) and words[-1].casefold() in _DATE_WORDS_BEFORE


def extract_months(
    text: str, lang: str, prefer: Collection[tuple[int, int]] = ()
) -> list[NumberMention]:
    """The months named in ``text`` (German or English), in order, numeric dates' too.

    ``prefer``: the (day, month) pairs the other text names, to read ``9/12/2015``
    (:func:`~glossar.qa.numbers.dates.numeric_dates`)."""
    names, short = (_DE_NAMES, _DE_SHORT) if lang == "de" else (_EN_NAMES, _EN_SHORT)
    out: list[NumberMention] = []
    for word in _WORD.finditer(text):
        name = word.group()
        start, end = word.span()
        if name in names:
            if name in _AMBIGUOUS and not _dated(text, start, end):
                continue
            out.append(NumberMention(Decimal(names[name]), name, start, end, "month"))
        elif name in short and text[end : end + 1] == "." and _dated(text, start, end + 1):
            out.append(NumberMention(Decimal(short[name]), name + ".", start, end + 1, "month"))
    out.extend(date.month_mention(text) for date in numeric_dates(text, lang, prefer))
    return sorted(out, key=lambda m: m.start)


def day_months(text: str, lang: str) -> set[tuple[int, int]]:
    """The (day, month) pairs ``text`` names: ``12. September``, ``Sept. 12``, ``12.9.2015``
    (both readings of ``9/12/2015``); what an ambiguous date of the other text is read by."""
    out = date_readings(text, lang)
    for month in extract_months(text, lang):
        if month.text[:1].isdigit():
            continue  # a numeric date, read above
        before = _DAY_BEFORE.search(text, max(0, month.start - 12), month.start)
        after = _DAY_AFTER.match(text, month.end)
        for hit in (before, after):
            if hit is not None:
                out.add((int(hit.group(1)), int(month.value)))
    return out


def changed_months(
    source: str,
    target: str,
    source_lang: str = "de",
    target_lang: str = "en",
    days: tuple[Collection[tuple[int, int]], Collection[tuple[int, int]]] | None = None,
) -> list[tuple[NumberMention, NumberMention]]:
    """(source month, target month) pairs where the translation names another month.

    Only when both texts name months: a month the translation leaves out may be
    paraphrased ("letzten September" ↔ "last month"), so alone it is never reported.
    ``days``: :func:`day_months` of the source and the target, when already read.
    """
    if days is None:
        days = (day_months(source, source_lang), day_months(target, target_lang))
    src = extract_months(source, source_lang, days[1])
    tgt = extract_months(target, target_lang, days[0])
    src_values = {m.value for m in src}
    tgt_values = {m.value for m in tgt}
    missing = list({m.value: m for m in reversed(src) if m.value not in tgt_values}.values())
    extra = list({x.value: x for x in reversed(tgt) if x.value not in src_values}.values())
    missing.sort(key=lambda m: m.start)
    extra.sort(key=lambda m: m.start)
    return list(zip(missing, extra, strict=False))
