"""Reading every quantity of a German or English text: :func:`extract_numbers`.

Digits are parsed with Babel per locale (:func:`~glossar.qa.numbers.mention.parse_number`);
a following scale word multiplies (``2 Millionen``, ``1.5 million``, ``3bn``). Times of day,
decades and year spans come from :mod:`~glossar.qa.numbers.clock`, number words from
:mod:`~glossar.qa.numbers.german` and :mod:`~glossar.qa.numbers.english`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from decimal import Decimal

from glossar.qa.numbers.clock import (
    DE_DECADE_WORD_STARTS,
    EN_QUANTITY_WORDS,
    clock_at,
    decade_at,
    german_decade_word,
    short_year_after,
    skip_to,
    spoken_time_at,
    time_ranges,
)
from glossar.qa.numbers.dates import NumericDate, numeric_dates
from glossar.qa.numbers.english import EN_SCALES, english_at
from glossar.qa.numbers.german import DE_SCALES, german_at
from glossar.qa.numbers.mention import NumberMention, parse_number
from glossar.qa.numbers.names import name_number
from glossar.qa.numbers.tokens import Tokens, joined, mention, tokens

#: English ordinal suffixes written after digits (8th, 1st, 22nd, 3rd).
_EN_DIGIT_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
#: Words before ``45.`` that make it a rank rather than a number ending a sentence
#: ("der 45. Präsident", "am 3. Tag", "zum 2. Mal").
_DE_RANK_BEFORE = frozenset(
    [
        "der",
        "die",
        "das",
        "dem",
        "den",
        "des",
        "am",
        "im",
        "zum",
        "zur",
        "vom",
        "beim",
        "ihr",
        "ihre",
        "ihrem",
        "ihren",
        "ihres",
        "sein",
        "seine",
        "seinem",
        "seinen",
        "seines",
        "jeder",
        "jede",
        "jedes",
        "jedem",
        "jeden",
        "dieser",
        "diese",
        "dieses",
        "diesem",
        "diesen",
        "unser",
        "unsere",
        "unserem",
        "unseren",
    ]
)
#: Month names after ``11.``: a date ("am 11. November"), written "11 November" in English.
_DE_MONTHS = frozenset(
    [
        "januar",
        "jänner",
        "februar",
        "feber",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "jan",
        "feb",
        "mär",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dez",
    ]
)


#: A currency sign just before a number: "£2.3m", "$5m".
_MONEY = re.compile(r"[£$€]\s?\Z")
_MONEY_AFTER = re.compile(r"\s+(?:euros?|dollars?|pounds?|francs?|rubles?|roubles?)\b", re.I)
#: A temperature's unit after a number; its sign then matters (minus 5 Grad is not 5
#: degrees: a tester's dropped minus went unnoticed). Elsewhere a sign is paraphrased
#: ("minus 2 Prozent": "down 2 percent").
_DEGREES_AFTER = re.compile(
    r"(?:\s*°\s*[CF]?|[CF]\b|\s*(?:grad\b|degrees?\b)(?:\s+(?:celsius|centigrade|fahrenheit)\b)?)",
    re.I,
)
_SIGN_BEFORE = re.compile(r"(?:(?<![\w.,])([-−–+])|\b(minus|plus)\s+)\Z", re.I)
_BELOW_ZERO = re.compile(
    r"\s+(?:below\s+(?:zero|freezing)|unter\s+(?:null|dem\s+gefrierpunkt))\b", re.I
)
#: Roman numerals from II to XXXIX, as kings, popes and wars are numbered.
_ROMAN = re.compile(r"(?=[IVX]{2,})X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_ZERO = {"de": frozenset({"null"}), "en": frozenset({"zero", "nil"})}


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _digits_at(
    text: str, toks: Tokens, i: int, lang: str, dates: dict[int, NumericDate]
) -> tuple[list[NumberMention], int]:
    """The quantities that digit token ``i`` starts (a date gives two) and the next index.

    ``dates``: the numeric dates of ``text`` by where they start; a date's day and year
    are numbers, its month is read as a month (:mod:`~glossar.qa.numbers.months`)."""
    tok = toks[i]
    special = clock_at(text, toks, i, lang) or decade_at(text, toks, i, lang)
    if special is not None:
        return [special[0]], special[1]
    if (date := dates.get(tok.start())) is not None:
        return date.numbers(text), skip_to(toks, i + 1, date.end)
    value = parse_number(tok.group(), lang)
    if value is None:
        return [], i + 1
    if name_number(text, toks, i):  # "Schalke 04", "1. FC Köln", "Bündnis 90": only confirms
        return [NumberMention(value, tok.group(), tok.start(), tok.end(), optional=True)], i + 1
    if lang == "de" and _german_rank(text, toks, i):
        rank = NumberMention(value, tok.group() + ".", tok.start(), tok.end() + 1, ordinal=True)
        return [rank], i + 1
    j = i + 1
    ordinal = False
    if (
        lang == "en"
        and j < len(toks)
        and toks[j].start() == tok.end()
        and toks[j].group().lower() in _EN_DIGIT_SUFFIXES
    ):
        j += 1
        ordinal = value == int(value)  # 44th (not "5 million", which j counts too)
    scales = DE_SCALES if lang == "de" else EN_SCALES
    if j < len(toks) and toks[j].group("word") is not None and joined(text, toks[j - 1], toks[j]):
        scale = scales.get(toks[j].group().lower())
        if toks[j].group() == "m" and (
            _MONEY.search(text, 0, tok.start()) or _MONEY_AFTER.match(text, toks[j].end())
        ):
            scale = 10**6  # "£2.3m": in money, m is million (elsewhere metres; compare.py)
        if scale is not None:
            value *= scale
            j += 1
    out = [
        NumberMention(
            value,
            text[tok.start() : toks[j - 1].end()],
            tok.start(),
            toks[j - 1].end(),
            ordinal=ordinal,
        )
    ]
    if j == i + 1 and (second := short_year_after(text, toks, i)) is not None:
        out.append(second)
        j += 1
    return out, j


def _german_rank(text: str, toks: Tokens, i: int) -> bool:
    """Whether digit token ``i`` is a German ordinal (``der 45. Präsident``, ``die 3.
    größte Stadt``): a full stop right after it, then a word that is lower-case or follows
    an article or a contraction; not a date (``am 11. November``)."""
    tok = toks[i]
    digits = tok.group()
    if not digits.isdigit() or len(digits) > 3 or text[tok.end() : tok.end() + 1] != ".":
        return False
    if i + 1 >= len(toks) or toks[i + 1].group("word") is None:
        return False
    nxt = toks[i + 1]
    if text[tok.end() + 1 : nxt.start()] not in (" ", "\u00a0", "\u202f"):
        return False
    word = nxt.group()
    if word.lower() in _DE_MONTHS or word.lower() in ("bis", "und", "oder", "sowie"):
        return False  # a date, or a day of a range ("vom 1. bis 3. März")
    if word[0].islower():
        return True
    return (
        i > 0 and toks[i - 1].group().lower() in _DE_RANK_BEFORE and joined(text, toks[i - 1], tok)
    )


def _word_at(text: str, toks: Tokens, i: int, lang: str) -> tuple[NumberMention | None, int]:
    tok = toks[i]
    low = tok.group().lower()
    if _ROMAN.fullmatch(tok.group()):  # "Richard III", "World War II": only confirms
        return mention(text, toks, i, i + 1, _roman(tok.group()), optional=True), i + 1
    if low in _ZERO[lang]:  # "null", "zero", "nil": only confirm a 0
        return mention(text, toks, i, i + 1, 0, optional=True), i + 1
    if low in ("halb", "viertel", "half", "quarter") and (
        spoken := spoken_time_at(text, toks, i, lang)
    ):
        return spoken
    if lang == "de":
        if low[:4] in DE_DECADE_WORD_STARTS and (decade := german_decade_word(text, tok, low)):
            return decade, skip_to(toks, i + 1, decade.end)
        return german_at(text, toks, i)
    word = EN_QUANTITY_WORDS.get(low)
    if word is not None:  # "the nineties", "at noon": they only confirm
        kind, number = word
        found = NumberMention(
            Decimal(number), tok.group(), tok.start(), tok.end(), kind, kind == "decade", True
        )
        return found, i + 1
    return english_at(text, toks, i)


def extract_numbers(
    text: str, lang: str, prefer: Collection[tuple[int, int]] = ()
) -> list[NumberMention]:
    """Every quantity in ``text`` (written in ``lang``, "de" or "en"), in order.

    Digits are parsed with Babel for ``lang``; a following scale word multiplies
    (``2 Millionen``, ``1.5 million``, ``3bn``); number words count, except words for
    one on their own. ``8.`` (German ordinal), ``8th`` and ``8`` are all 8. A numeric
    date gives its day and year (``12.9.2015``, ``9/12/2015``, ``2015-09-12``);
    ``prefer``, the (day, month) pairs the other text names, says which of ``9/12/2015``
    is the day (:func:`~glossar.qa.numbers.dates.numeric_dates`).
    """
    toks = tokens(text)
    dates = {date.start: date for date in numeric_dates(text, lang, prefer)}
    out: list[NumberMention] = []
    i = 0
    while i < len(toks):
        if toks[i].group("num") is not None:
            found, i = _digits_at(text, toks, i, lang, dates)
            out.extend(found)
        else:
            word, i = _word_at(text, toks, i, lang)
            if word is not None:
                out.append(word)
    if any(m.kind == "time" for m in out):
        time_ranges(text, out, lang)
    return [_signed(text, _with_fraction(text, m)) for m in out]


#: Vulgar fractions after a whole number: "2½ years" is 2.5 (a tester's false alarm
#: "zweieinhalb became 2").
_FRACTIONS = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}


def _with_fraction(text: str, found: NumberMention) -> NumberMention:
    """``found`` with a vulgar fraction right after it ("2½") added to its value."""
    part = _FRACTIONS.get(text[found.end : found.end + 1])
    if part is None or found.kind != "number" or found.value != found.value.to_integral_value():
        return found
    return replace(
        found,
        value=found.value + part,
        end=found.end + 1,
        text=text[found.start : found.end + 1],
    )


def _signed(text: str, found: NumberMention) -> NumberMention:
    """``found``, negative where it is a temperature below zero ("minus 5 Grad", "-5 °C",
    "5 degrees below zero")."""
    if found.kind != "number" or found.value <= 0:
        return found
    unit = _DEGREES_AFTER.match(text, found.end)
    if unit is None:
        return found
    sign = _SIGN_BEFORE.search(text, max(0, found.start - 8), found.start)
    if sign is not None:  # the sign is part of what spelt it: "minus 5 became 5"
        start = sign.start()
        value = found.value if (sign[1] or sign[2]).lower() in ("+", "plus") else -found.value
        return replace(found, value=value, text=text[start : found.end], start=start)
    if _BELOW_ZERO.match(text, unit.end()):
        return replace(found, value=-found.value)
    return found


def number_values(text: str, lang: str) -> dict[object, NumberMention]:
    """The distinct quantities in ``text`` by :attr:`NumberMention.key`: for each, its
    surest mention (firm before soft before optional), the first of those."""
    out: dict[object, NumberMention] = {}
    for found in extract_numbers(text, lang):
        kept = out.get(found.key)
        if kept is None or found.rank < kept.rank:
            out[found.key] = found
    return out
