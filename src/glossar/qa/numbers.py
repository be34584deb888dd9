"""Numbers in German and English text, as values, so a translation's numbers can be compared.

German writes ``2.500`` and ``1,5``, English ``2,500`` and ``1.5``; a plain string compare
would call both wrong. Each digit run is found with one regex that accepts either
locale's separators and is then parsed with Babel for the text's own locale
(``babel.numbers.parse_decimal``), so ``2.500`` (de) and ``2,500`` (en) are both 2500.
Scale words multiply (``1,5 Millionen`` = ``1.5 million``), and number words count
(``Tausend`` = ``a thousand`` = ``1,000``; ``neun`` = ``nine``; ``zweite`` = ``second``).
Words for *one* (``ein``, ``one``, ``erste``, ``first``) are never counted on their own:
in both languages they are mostly articles and pronouns, not quantities. Vague plurals
(``Tausende``, ``thousands``, ``Dutzende``) are not numbers either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

#: A run of digits with either locale's group/decimal separators inside (not at the end,
#: so a sentence-final full stop stays outside), or a run of letters.
_TOKEN = re.compile(r"(?P<num>\d+(?:[.,\u00a0\u202f]\d+)*)|(?P<word>[^\W\d_]+)")
#: German all-numeric dates (8.1.2022): the month becomes a name in English, so only the
#: day and the year are compared.
_DE_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")

_DE_UNITS = {
    "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19,
}  # fmt: skip
_DE_TENS = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}  # fmt: skip
#: Irregular ordinal stems (``erste``, ``dritte``, ``siebte``, ``achte``) → value.
_DE_ORDINAL_STEMS = {"erst": 1, "dritt": 3, "siebt": 7, "sieb": 7, "acht": 8}
_DE_ORDINAL_ENDINGS = ("en", "er", "es", "em", "e")
#: Ordinal prefixes of superlatives: "zweitgrößte" = "second-largest".
_DE_ORDINAL_SUPERLATIVE = re.compile(
    r"(zweit|dritt|viert|fünft|sechst|siebt|neunt|zehnt)[a-zäöüß]+[sß]t(?:e|en|er|es|em)"
)
_DE_ORDINAL_PREFIX_VALUES = {
    "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "neunt": 9,
    "zehnt": 10,
}  # fmt: skip
#: Ordinal forms that are also common other words (``achten`` = to respect).
_DE_NOT_ORDINALS = frozenset({"achten"})
#: Scale words after a number: singular, plural and abbreviations. A singular on its own
#: also counts (``Million`` = 1,000,000); a plural on its own is vague and does not.
_DE_SCALES = {
    "hundert": 100, "tausend": 1000, "dutzend": 12,
    "million": 10**6, "millionen": 10**6, "mio": 10**6,
    "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9,
    "billion": 10**12, "billionen": 10**12,
}  # fmt: skip
_DE_SCALE_PLURALS = frozenset({"millionen", "milliarden", "billionen"})
_DE_ARTICLES_ONE = frozenset({"ein", "eine", "einer", "einem", "einen", "eines"})

_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
_EN_SCALES = {
    "hundred": 100, "thousand": 1000, "dozen": 12, "million": 10**6, "billion": 10**9,
    "trillion": 10**12, "millions": 10**6, "billions": 10**9, "trillions": 10**12,
    "bn": 10**9, "mn": 10**6,
}  # fmt: skip
_EN_SCALE_PLURALS = frozenset({"millions", "billions", "trillions"})
_EN_BIG_SCALES = frozenset({"thousand", "million", "billion", "trillion"})
_EN_ARTICLES_ONE = frozenset({"a", "an", "one"})
#: English ordinal suffixes written after digits (8th, 1st, 22nd, 3rd).
_EN_DIGIT_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity found in text: its value and the characters that spelt it."""

    value: Decimal
    text: str
    start: int
    end: int


def parse_number(token: str, lang: str) -> Decimal | None:
    """A digit string parsed with Babel for ``lang`` (de/en); the other locale as fallback.

    ``parse_number("2.500", "de") == parse_number("2,500", "en") == 2500``. A string
    that is not a well-formed number in either locale gives None.
    """
    token = token.replace("\u202f", "").replace("\u00a0", "")  # 2 500: grouped by spaces
    other = "en" if lang == "de" else "de"
    for loc in (lang, other):
        try:
            return parse_decimal(token, locale=loc, strict=True)
        except NumberFormatError:
            continue
    try:
        return parse_decimal(token, locale=lang)
    except NumberFormatError:
        return None


def format_number(value: Decimal, lang: str) -> str:
    """``value`` written the way ``lang`` writes numbers (for messages)."""
    return format_decimal(value, locale=lang, decimal_quantization=False)


def _de_below_100(w: str) -> int | None:
    if w in _DE_UNITS:
        return _DE_UNITS[w]
    if w in _DE_TENS:
        return _DE_TENS[w]
    head, sep, tail = w.partition("und")
    if sep and tail in _DE_TENS and head in _DE_UNITS and 1 <= _DE_UNITS[head] <= 9:
        return _DE_UNITS[head] + _DE_TENS[tail]
    return None


def _de_below_1000(w: str) -> int | None:
    head, sep, tail = w.partition("hundert")
    if not sep:
        return _de_below_100(w)
    left = 1 if head in ("", "ein") else _DE_UNITS.get(head)
    if left is None or not 1 <= left <= 9:
        return None
    right = 0 if tail == "" else _de_below_100(tail)
    return None if right is None else left * 100 + right


def german_number_word(word: str) -> int | None:
    """The value of a German cardinal or ordinal written as one word, else None.

    ``zwölf`` 12, ``Tausend`` 1000, ``zweihundertfünfzig`` 250, ``dreitausend`` 3000,
    ``zweite``/``zweiten`` 2, ``dritte`` 3, ``zweitgrößte`` 2 (second-largest). Plurals such
    as ``Tausende`` are not numbers.
    """
    w = word.lower()
    value = _de_cardinal(w)
    if value is not None:
        return value
    if w in _DE_NOT_ORDINALS:
        return None
    for ending in _DE_ORDINAL_ENDINGS:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            stem = w[: -len(ending)]
            for irregular, value in _DE_ORDINAL_STEMS.items():
                if stem.endswith(irregular):
                    prefix = stem[: -len(irregular)]
                    if not prefix:
                        return value if value > 1 else None
                    base = _de_cardinal(prefix)  # "einhundertdritte": hundreds + irregular
                    if base is not None and base % 100 == 0:
                        return base + value
            for suffix in ("st", "t"):
                if stem.endswith(suffix):
                    base = _de_cardinal(stem[: -len(suffix)])
                    if base is not None and base > 1:
                        return base
            break
    superlative = _DE_ORDINAL_SUPERLATIVE.fullmatch(w)
    if superlative:
        return _DE_ORDINAL_PREFIX_VALUES[superlative.group(1)]
    return None


def _de_cardinal(w: str) -> int | None:
    head, sep, tail = w.partition("tausend")
    if not sep:
        return _de_below_1000(w)
    left = 1 if head in ("", "ein") else _de_below_1000(head)
    right = 0 if tail == "" else _de_below_1000(tail)
    if left is None or right is None or left == 0:
        return None
    return left * 1000 + right


def _joined(text: str, a: re.Match[str], b: re.Match[str], hyphen: bool = False) -> bool:
    """Whether tokens ``a`` and ``b`` are separated only by spaces (or a hyphen)."""
    gap = text[a.end() : b.start()]
    if hyphen:
        gap = gap.replace("-", "", 1)
    return gap.strip() == "" and "\n" not in gap


def _english_words(text: str, toks: list[re.Match[str]], i: int) -> tuple[int | None, int, bool]:
    """Parse an English number phrase starting at token ``i``.

    Returns (value, index after the phrase, standalone-one flag). "two hundred and
    fifty", "twenty-five", "a thousand", "second", "twenty-first".
    """
    total = 0
    current = 0
    seen = 0
    has_scale = False
    j = i
    while j < len(toks):
        tok = toks[j]
        if tok.group("word") is None:
            break
        w = tok.group().lower()
        if seen and not _joined(text, toks[j - 1], tok, hyphen=True):
            # "one thousand, two hundred": a comma may follow a scale word
            gap = text[toks[j - 1].end() : tok.start()].strip()
            after_scale = toks[j - 1].group().lower() in _EN_BIG_SCALES
            if not (gap == "," and after_scale and (w in _EN_UNITS or w == "hundred")):
                break
        if w == "and" and seen and has_scale and j + 1 < len(toks):
            nxt = toks[j + 1].group().lower()
            if (nxt in _EN_UNITS or nxt in _EN_ORDINALS) and _joined(text, tok, toks[j + 1]):
                j += 1
                continue
            break
        if seen == 0 and w in _EN_ARTICLES_ONE and w != "one":
            # "a thousand", "an eighth"? only before a scale word
            if j + 1 < len(toks) and _joined(text, tok, toks[j + 1]):
                nxt = toks[j + 1].group().lower()
                if nxt in _EN_SCALES and nxt not in _EN_SCALE_PLURALS:
                    current = 1
                    seen = 1
                    j += 1
                    continue
            break
        if w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_ORDINALS:
            current += _EN_ORDINALS[w] if _EN_ORDINALS[w] < 100 else 0
            if _EN_ORDINALS[w] >= 100:
                current = (current or 1) * _EN_ORDINALS[w]
            seen += 1
            j += 1
            break
        elif w == "hundred":
            current = (current or 1) * 100
            has_scale = True
        elif w in _EN_SCALES and w not in ("bn", "mn"):
            if w in _EN_SCALE_PLURALS and seen == 0:
                break
            total += (current or 1) * _EN_SCALES[w]
            current = 0
            has_scale = True
        else:
            break
        seen += 1
        j += 1
    if seen == 0:
        return None, i + 1, False
    value = total + current
    lone_one = value == 1 and seen == 1
    return value, j, lone_one


def _german_words(toks: list[re.Match[str]], i: int) -> tuple[int | None, int, bool]:
    """Parse a German number word at token ``i``: (value, next index, standalone-one)."""
    w = toks[i].group().lower()
    if toks[i].group() == "Acht" and i and toks[i - 1].group().lower() in ("außer", "ausser"):
        return None, i + 1, False  # "außer Acht lassen": to disregard
    if w in _DE_ARTICLES_ONE:
        return 1, i + 1, True
    if w in _DE_SCALES:
        if w in _DE_SCALE_PLURALS or w in ("mio", "mrd"):
            return None, i + 1, False
        return _DE_SCALES[w], i + 1, False
    value = german_number_word(w)
    if value is None or value == 0:
        return None, i + 1, False
    return value, i + 1, value == 1


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every quantity in ``text`` (written in ``lang``, "de" or "en"), in order.

    Digits are parsed with Babel for ``lang``; a following scale word multiplies
    (``2 Millionen``, ``1.5 million``, ``3bn``); number words count, except words for
    one on their own. ``8.`` (German ordinal), ``8th`` and ``8`` are all 8.
    """
    scales = _DE_SCALES if lang == "de" else _EN_SCALES
    toks = list(_TOKEN.finditer(text))
    out: list[NumberMention] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.group("num") is not None:
            if lang == "de" and (date := _DE_DATE.fullmatch(tok.group())):
                for g in (1, 3):
                    out.append(
                        NumberMention(
                            Decimal(date.group(g)),
                            date.group(g),
                            tok.start() + date.start(g),
                            tok.start() + date.end(g),
                        )
                    )
                i += 1
                continue
            value = parse_number(tok.group(), lang)
            j = i + 1
            lone_one = False
            if value is None:
                i += 1
                continue
            if (
                lang == "en"
                and j < len(toks)
                and toks[j].start() == tok.end()
                and toks[j].group().lower() in _EN_DIGIT_SUFFIXES
            ):
                j += 1
        elif lang == "de":
            raw, j, lone_one = _german_words(toks, i)
            value = None if raw is None else Decimal(raw)
        else:
            raw, j, lone_one = _english_words(text, toks, i)
            value = None if raw is None else Decimal(raw)
        if value is None:
            i = j
            continue
        if (
            j < len(toks)
            and toks[j].group("word") is not None
            and _joined(text, toks[j - 1], toks[j])
        ):
            scale = scales.get(toks[j].group().lower())
            if scale is not None and not (lang == "en" and toks[j - 1].group("word")):
                value *= scale
                lone_one = False
                j += 1
                # "eine Million zweihunderttausend": a smaller number word adds to it
                if lang == "de" and j < len(toks) and _joined(text, toks[j - 1], toks[j]):
                    rest = german_number_word(toks[j].group())
                    if rest is not None and 0 < rest < scale:
                        value += rest
                        j += 1
        if lone_one:
            i = j
            continue
        end = toks[j - 1].end()
        out.append(NumberMention(value, text[tok.start() : end], tok.start(), end))
        i = j
    return out


def number_values(text: str, lang: str) -> dict[Decimal, NumberMention]:
    """The distinct values in ``text`` with the first mention of each (for comparison)."""
    out: dict[Decimal, NumberMention] = {}
    for mention in extract_numbers(text, lang):
        out.setdefault(mention.value, mention)
    return out
