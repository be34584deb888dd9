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

Times of day and decades are quantities of their own kind, so that ``14.30 Uhr`` equals
``2:30 p.m.`` (not the decimal 14.3 against 2.3) and ``90er Jahre`` equals ``1990s``. An
English clock time without a.m./p.m. (``9 o'clock``, ``2:30``) and a decade without its
century (``the '90s``, ``nineties``) are *vague*: they match any reading they allow
(:func:`same_quantity`). In a year span the short year is the full one (``2020/21`` has
2020 and 2021), so ``2020/21``, ``2020-21`` and ``2020/2021`` agree.
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
#: Every German number word contains one of these (a quick test before parsing a word).
_DE_NUMBER_MORPHEME = re.compile(
    "ein|zwei|drei|vier|fünf|sech|sieb|acht|neun|zehn|elf|zwölf|zig|ßig|hundert|tausend|dritt"
)
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


#: A clock time read from the token and what follows it: ``14.30``, ``9`` (+ ``Uhr``) or
#: ``14`` + ``:30`` (the minutes are a token of their own).
_HOUR_MINUTES = re.compile(r"(\d{1,2})(?:\.(\d{2}))?")
_SPACE = "[ \u00a0\u202f]"
#: After a German time: ``Uhr``, optionally a part of the day.
_DE_CLOCK = re.compile(
    rf"{_SPACE}?Uhr\b(?:{_SPACE}(?P<part>morgens|früh|vormittags|mittags|nachmittags|abends|nachts)\b)?"
)
#: After an English time: a.m./p.m., o'clock, a time zone or "local time"; then optionally
#: a part of the day ("9 o'clock in the evening").
_EN_CLOCK = re.compile(
    rf"{_SPACE}?(?:(?P<ap>[ap])(?:\.{_SPACE}?m\b\.?|{_SPACE}?m\b)|(?P<oclock>o['’]clock\b)"
    r"|(?-i:(?P<zone>GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK)\b)|(?P<local>local time\b))"
    rf"(?:{_SPACE}(?P<part>in the (?:morning|afternoon|evening)|at night|tonight)\b)?",
    re.IGNORECASE,
)
#: German parts of the day after "Uhr" that move an hour into the afternoon or evening,
#: with the hours they move: "1 Uhr mittags" is 13:00, "10 Uhr nachts" 22:00, "3 Uhr nachts" 3:00.
_DE_PM_PARTS = {
    "nachmittags": range(12),
    "abends": range(12),
    "mittags": range(6),
    "nachts": range(6, 12),
}
#: Joiners of a time range whose first time is written without its clock word
#: ("von 14.30 bis 16 Uhr", "between 9 and 11am").
_RANGE_JOINERS = frozenset(
    {"bis", "und", "oder", "-", "–", "—", "to", "and", "or", "until", "till"}
)
#: Year spans with a short second year: "2020/21", "1998-99".
_SPAN_JOINERS = frozenset({"/", "-", "–", "—"})
#: German decades: "90er Jahre", "90er-Jahren", "in den 90ern", "1990er Jahre".
_DE_DECADE_YEARS = re.compile(rf"(?:-|{_SPACE})Jahren?\b")
_DE_DECADE_WORD = re.compile(
    r"(zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|nuller)"
    r"(?:er|ern)(jahre|jahren)?"
)
_DE_DECADE_WORD_STARTS = frozenset(
    {"zwan", "drei", "vier", "fünf", "sech", "sieb", "acht", "neun", "null"}
)
#: English words for decades (vague: any century) and for times of day; both only confirm
#: (optional): "the Roaring Twenties" may be "die Goldenen Zwanziger", "at noon" "mittags".
_EN_QUANTITY_WORDS = {
    "noughties": ("decade", 0), "twenties": ("decade", 20), "thirties": ("decade", 30),
    "forties": ("decade", 40), "fifties": ("decade", 50), "sixties": ("decade", 60),
    "seventies": ("decade", 70), "eighties": ("decade", 80), "nineties": ("decade", 90),
    "midnight": ("time", 0), "noon": ("time", 720), "midday": ("time", 720),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity found in text: its value and the characters that spelt it.

    ``kind`` is ``number``, ``time`` (``value`` in minutes after midnight) or ``decade``
    (``value`` its first year: 1990, or 90 when the century is not written).
    """

    value: Decimal
    text: str
    start: int
    end: int
    kind: str = "number"
    #: a clock time without a.m./p.m. (value: the morning reading) or a decade without
    #: its century: it matches every reading it allows
    vague: bool = False
    #: only confirms a mention on the other side, never a problem on its own: a decade
    #: word without "Jahre" ("in den Neunzigern" may be an age), "the eighties"
    optional: bool = False

    @property
    def key(self) -> object:
        """What equal quantities share: the value for numbers, (kind, value) otherwise."""
        return self.value if self.kind == "number" else (self.kind, self.value)

    @property
    def anchor(self) -> object:
        """A coarser key that vague readings share (for aligning segments by numbers)."""
        if self.kind == "time":
            return ("time", self.value % 720)
        if self.kind == "decade":
            return ("decade", self.value % 100)
        return self.value


def _clock_reading(mention: NumberMention) -> int | None:
    """Minutes after midnight (mod 12 hours) that a plain number could mean as a time."""
    hm = _hours_minutes(mention.text)
    return None if hm is None else (hm[0] * 60 + hm[1]) % 720


def same_quantity(a: NumberMention, b: NumberMention) -> bool:
    """Whether ``a`` and ``b`` can mean the same: equal keys, or a vague reading that fits.

    A vague time matches the same clock time 12 hours on; a vague decade any century; a
    number written like a time (``14.30``, ``9``) the time it reads as; a number a decade
    with its value (``vierzig`` and ``forties``, ``1990`` and ``1990s``).
    """
    if a.key == b.key:
        return True
    if a.kind == b.kind:
        return (a.vague or b.vague) and a.anchor == b.anchor
    kinds = {a.kind, b.kind}
    number, other = (a, b) if a.kind == "number" else (b, a)
    if kinds == {"number", "time"}:
        reading = _clock_reading(number)
        return reading is not None and reading == other.value % 720
    if kinds == {"number", "decade"}:
        return number.value == other.value or (
            other.vague and number.value % 100 == other.value and number.value >= 1000
        )
    return False


def format_mention(mention: NumberMention, lang: str) -> str:
    """``mention`` written the way ``lang`` writes it (for messages): 2:30 p.m., 1990s."""
    value = int(mention.value) if mention.kind != "number" else 0
    if mention.kind == "time":
        hours, minutes = divmod(value, 60)
        if lang == "de":
            return f"{hours}.{minutes:02d} Uhr" if minutes else f"{hours} Uhr"
        if value == 0:
            return "midnight"
        if value == 720:
            return "noon"
        clock = f"{hours % 12 or 12}:{minutes:02d}" if minutes else f"{hours % 12 or 12}"
        return f"{clock} {'a.m.' if hours < 12 else 'p.m.'}"
    if mention.kind == "decade":
        short = mention.vague and value < 100
        if lang == "de":
            return f"{value:02d}er Jahre" if short else f"{value}er Jahre"
        return f"'{value:02d}s" if short else f"{value}s"
    if mention.text.isdigit() and 1800 <= mention.value <= 2100:
        return str(mention.value)  # likely a year: 2021, not 2,021
    return format_number(mention.value, lang)


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


def _german_words(toks: list[re.Match[str]], i: int, w: str) -> tuple[int | None, int, bool]:
    """Parse a German number word at token ``i`` (``w``, lower-cased): (value, next index,
    standalone-one)."""
    if toks[i].group() == "Acht" and i and toks[i - 1].group().lower() in ("außer", "ausser"):
        return None, i + 1, False  # "außer Acht lassen": to disregard
    if w in _DE_ARTICLES_ONE:
        return 1, i + 1, True
    if w in _DE_SCALES:
        if w in _DE_SCALE_PLURALS or w in ("mio", "mrd"):
            return None, i + 1, False
        return _DE_SCALES[w], i + 1, False
    if not _DE_NUMBER_MORPHEME.search(w):
        return None, i + 1, False
    value = german_number_word(w)
    if value is None or value == 0:
        return None, i + 1, False
    return value, i + 1, value == 1


def _hours_minutes(text: str) -> tuple[int, int] | None:
    """(hours, minutes) of ``9``, ``14.30`` or ``14:30`` when they are a possible time."""
    m = _HOUR_MINUTES.fullmatch(text.replace(":", "."))
    if m is None:
        return None
    hours, minutes = int(m.group(1)), int(m.group(2) or 0)
    return (hours, minutes) if hours <= 24 and minutes <= 59 else None


def _skip_to(toks: list[re.Match[str]], j: int, end: int) -> int:
    while j < len(toks) and toks[j].start() < end:
        j += 1
    return j


def _english_part_of_day(minutes: int, part: str) -> int:
    """A 12-hour ``minutes`` reading made exact by "in the evening", "at night"..."""
    part = part.lower()
    if part.endswith(("afternoon", "evening")) or (
        part in ("at night", "tonight") and minutes >= 360
    ):
        return minutes + 720
    return minutes


def _clock_at(
    text: str, toks: list[re.Match[str]], i: int, lang: str
) -> tuple[NumberMention, int] | None:
    """A time of day starting at digit token ``i`` (and the index after it), else None.

    German: ``14.30 Uhr``, ``14:30``, ``9 Uhr abends``. English: ``2.30pm``, ``2:30 p.m.``,
    ``9am``, ``9 o'clock`` (vague), ``14:30``, ``14.30 GMT``, ``2:30`` (vague).
    """
    tok = toks[i]
    raw = tok.group()
    end = tok.end()
    j = i + 1
    colon = False
    if (
        j < len(toks)
        and text.startswith(":", end)
        and toks[j].start() == end + 1
        and len(raw) <= 2
        and len(toks[j].group()) == 2
        and toks[j].group("num") is not None
        and not text.startswith(":", toks[j].end())  # 2:05:30 is a running time
        and not (tok.start() and text[tok.start() - 1] == ":")
    ):
        raw = f"{raw}.{toks[j].group()}"
        end = toks[j].end()
        j += 1
        colon = True
    suffix = (_DE_CLOCK if lang == "de" else _EN_CLOCK).match(text, end)
    if suffix is None and not colon:
        return None
    hm = _hours_minutes(raw)
    if hm is None:
        return None
    hours, minutes = hm
    vague = False
    if lang == "de":
        value = 0 if hours == 24 and minutes == 0 else hours * 60 + minutes
        if hours == 24 and minutes:
            return None
        part = suffix.group("part") if suffix else None
        if part and hours in _DE_PM_PARTS.get(part, ()):
            value += 720
    elif suffix is not None and suffix.group("ap"):
        if not 1 <= hours <= 12:
            return None
        value = (hours % 12) * 60 + minutes + (720 if suffix.group("ap").lower() == "p" else 0)
    elif (
        suffix is not None
        and (suffix.group("zone") or suffix.group("local"))
        or (hours > 12 or hours == 0 or tok.group().startswith("0"))
    ):
        if hours == 24 and minutes:
            return None
        value = (hours * 60 + minutes) % 1440  # a 24-hour clock
    else:  # "9 o'clock", "2:30": morning or afternoon
        if hours == 0 or (suffix is not None and suffix.group("oclock") and minutes):
            return None
        value = (hours % 12) * 60 + minutes
        part = suffix.group("part") if suffix else None
        if part:
            value = _english_part_of_day(value, part)
        else:
            vague = True
    if suffix is not None:
        end = suffix.end()
    mention = NumberMention(
        Decimal(value), text[tok.start() : end], tok.start(), end, "time", vague
    )
    return mention, _skip_to(toks, j, end)


def _decade_at(
    text: str, toks: list[re.Match[str]], i: int, lang: str
) -> tuple[NumberMention, int] | None:
    """A decade in digits at token ``i``: ``90er Jahre``, ``1990er``, ``1990s``, ``'90s``."""
    tok = toks[i]
    raw = tok.group()
    j = i + 1
    if raw[-1] != "0" or len(raw) not in (2, 4) or j >= len(toks) or not raw.isdigit():
        return None
    nxt = toks[j]
    suffix = nxt.group().lower()
    if lang == "de":
        if nxt.start() != tok.end() or suffix not in ("er", "ern"):
            return None
        end = nxt.end()
        years = _DE_DECADE_YEARS.match(text, end) if suffix == "er" else None
        if years is not None:
            end = years.end()
        elif suffix == "er" and len(raw) == 2:  # "ein 20er", "die 30er-Zone"
            return None
    else:
        if suffix != "s" or text[tok.end() : nxt.start()] not in ("", "'", "’"):
            return None
        end = nxt.end()
    mention = NumberMention(
        Decimal(raw), text[tok.start() : end], tok.start(), end, "decade", len(raw) == 2
    )
    return mention, _skip_to(toks, j + 1, end)


def _german_decade_word(text: str, tok: re.Match[str], low: str) -> NumberMention | None:
    """``neunziger Jahre``, ``Neunzigerjahre``, ``in den Neunzigern`` as a decade."""
    m = _DE_DECADE_WORD.fullmatch(low)
    if m is None:
        return None
    value = 0 if m.group(1) == "nuller" else _DE_TENS[m.group(1)]
    end = tok.end()
    years = None if m.group(2) or low.endswith("ern") else _DE_DECADE_YEARS.match(text, end)
    if years is not None:
        end = years.end()
    sure = bool(m.group(2) or years)  # without "Jahre" it may be an age or a banknote
    return NumberMention(
        Decimal(value), text[tok.start() : end], tok.start(), end, "decade", True, not sure
    )


def _short_year_after(text: str, toks: list[re.Match[str]], i: int) -> NumberMention | None:
    """The second year of a span written short (``2020/21``, ``1998-99``) as the full year."""
    tok = toks[i]
    raw = tok.group()
    if len(raw) != 4 or i + 1 >= len(toks) or not raw.isdigit():
        return None
    nxt = toks[i + 1]
    short = nxt.group()
    if len(short) != 2 or not short.isdigit():
        return None
    if text[tok.end() : nxt.start()].strip() not in _SPAN_JOINERS:
        return None
    year = int(raw)
    full = year - year % 100 + int(short)
    if full <= year:
        full += 100
    if full > year + 10:
        return None
    return NumberMention(Decimal(full), short, nxt.start(), nxt.end())


def _time_ranges(text: str, out: list[NumberMention], lang: str) -> None:
    """A bare number that starts a time range becomes a time: ``von 14.30 bis 16 Uhr``."""
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if first.kind != "number" or second.kind != "time":
            continue
        if text[first.end : second.start].strip().lower() not in _RANGE_JOINERS:
            continue
        hm = _hours_minutes(first.text)
        if hm is None or (hm[0] == 24 and hm[1]):
            continue
        hours, minutes = hm
        vague = False
        if lang == "de" or hours > 12 or hours == 0:
            value = (hours * 60 + minutes) % 1440
        elif second.vague:
            value, vague = (hours % 12) * 60 + minutes, True
        else:  # the half of the day of the range's end: "9-11am", "11 to 1pm" (11 a.m.)
            base = int(second.value) - int(second.value) % 720
            value = base + (hours % 12) * 60 + minutes
            if value > second.value:
                value -= 720
            value %= 1440
        out[k] = NumberMention(Decimal(value), first.text, first.start, first.end, "time", vague)


def extract_numbers(text: str, lang: str) -> list[NumberMention]:
    """Every quantity in ``text`` (written in ``lang``, "de" or "en"), in order.

    Digits are parsed with Babel for ``lang``; a following scale word multiplies
    (``2 Millionen``, ``1.5 million``, ``3bn``); number words count, except words for
    one on their own. ``8.`` (German ordinal), ``8th`` and ``8`` are all 8.
    """
    scales = _DE_SCALES if lang == "de" else _EN_SCALES
    toks = list(_TOKEN.finditer(text))
    out: list[NumberMention] = []
    times = False
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.group("num") is not None:
            special = _clock_at(text, toks, i, lang) or _decade_at(text, toks, i, lang)
            if special is not None:
                out.append(special[0])
                times = times or special[0].kind == "time"
                i = special[1]
                continue
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
            low = tok.group().lower()
            if low[:4] in _DE_DECADE_WORD_STARTS and (
                decade := _german_decade_word(text, tok, low)
            ):
                out.append(decade)
                i = _skip_to(toks, i + 1, decade.end)
                continue
            raw, j, lone_one = _german_words(toks, i, low)
            value = None if raw is None else Decimal(raw)
        else:
            word = _EN_QUANTITY_WORDS.get(tok.group().lower())
            if word is not None:  # "the nineties", "at noon"
                kind, number = word
                out.append(
                    NumberMention(
                        Decimal(number), tok.group(), tok.start(), tok.end(), kind,
                        kind == "decade", True,
                    )
                )  # fmt: skip
                i += 1
                continue
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
        if j == i + 1 and tok.group("num") is not None:
            second = _short_year_after(text, toks, i)
            if second is not None:
                out.append(second)
                j += 1
        i = j
    if times:
        _time_ranges(text, out, lang)
    return out


def number_values(text: str, lang: str) -> dict[object, NumberMention]:
    """The distinct quantities in ``text`` by :attr:`NumberMention.key`, first mention of each."""
    out: dict[object, NumberMention] = {}
    for mention in extract_numbers(text, lang):
        out.setdefault(mention.key, mention)
    return out
