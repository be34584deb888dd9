"""A quantity found in text (:class:`NumberMention`), how two compare, and digits via Babel.

German writes ``2.500`` and ``1,5``, English ``2,500`` and ``1.5``; each digit run is
parsed with Babel for the text's own locale (``babel.numbers.parse_decimal``), the other
locale as fallback, so ``2.500`` (de) and ``2,500`` (en) are both 2500.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

#: How sure a mention is a quantity the translation must keep (see :class:`NumberMention`).
FIRM, SOFT, OPTIONAL = "firm", "soft", "optional"
_RANK = {FIRM: 0, SOFT: 1, OPTIONAL: 2}
HALF = Decimal("0.5")
#: Longest digit token read as a number (with its separators): longer ones are
#: identifiers (OIDs, account numbers), and Babel's parsing is not linear in them.
MAX_DIGITS = 64
#: Lakh and crore grouping (1,00,000 and 1,00,00,000): the one grouping with several
#: separators that neither locale's strict parse reads.
_INDIAN_GROUPING = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?")
_SIX_PLACES = Decimal("0.000001")


def fraction(count: int | Decimal, denominator: int) -> Decimal:
    """``count / denominator`` to six places, the same whichever language spelt it."""
    return (Decimal(count) / denominator).quantize(_SIX_PLACES).normalize()


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity found in text: its value and the characters that spelt it.

    ``kind`` is ``number``, ``time`` (``value`` in minutes after midnight), ``decade``
    (``value`` its first year: 1990, or 90 when the century is not written), ``year`` (a
    numeric date's year written with two digits: 15, vague), ``month`` (1–12) or ``approx``
    (a vague amount: ``Tausende``, ``tens of billions``; any value from ``value`` up to,
    not including, ``upper``).
    """

    value: Decimal
    text: str
    start: int
    end: int
    kind: str = "number"
    #: a clock time without a.m./p.m. (value: the morning reading) or a decade without
    #: its century: it matches every reading it allows
    vague: bool = False
    #: only confirms a mention on the other side, never reported on its own: a decade
    #: word without "Jahre", a number inside a noun compound (``Dreisatzniederlage``),
    #: ``beide``/``both``, a vague amount
    optional: bool = False
    #: may be paraphrased (an ordinal word, ``dreimal``, ``zweijährig``, ``the two``, a
    #: number word in a title): alone it is a note, never a problem; against a different
    #: number on the other side it is still a problem
    soft: bool = False
    #: the exclusive upper bound of an ``approx`` range
    upper: Decimal | None = None
    #: a rank, not a count (``45.`` before a noun, ``zweiten``, ``44th``): messages write
    #: it as one (45th); it still equals the plain number (a translator may reword it)
    ordinal: bool = False

    @property
    def strength(self) -> str:
        """``firm``, ``soft`` or ``optional``: what an unmatched mention is worth."""
        return OPTIONAL if self.optional else SOFT if self.soft else FIRM

    @property
    def rank(self) -> int:
        """0 for firm, 1 soft, 2 optional: the strongest mention of a value speaks for it."""
        return _RANK[self.strength]

    @property
    def key(self) -> object:
        """What equal quantities share: the value for numbers, (kind, value) otherwise."""
        if self.kind == "number":
            return self.value
        if self.kind == "approx":
            return ("approx", self.value, self.upper)
        return (self.kind, self.value)

    @property
    def anchor(self) -> object:
        """A coarser key that vague readings share (for aligning segments by numbers)."""
        if self.kind == "time":
            return ("time", self.value % 720)
        if self.kind in ("decade", "year"):
            return (self.kind, self.value % 100)
        return self.key

    def covers(self, value: Decimal) -> bool:
        """Whether an ``approx`` mention's range holds ``value``."""
        return self.kind == "approx" and self.upper is not None and self.value <= value < self.upper


_HOUR_MINUTES = re.compile(r"(\d{1,2})(?:\.(\d{2}))?")


def hours_minutes(text: str) -> tuple[int, int] | None:
    """(hours, minutes) of ``9``, ``14.30`` or ``14:30`` when they are a possible time."""
    m = _HOUR_MINUTES.fullmatch(text.replace(":", "."))
    if m is None:
        return None
    hours, minutes = int(m.group(1)), int(m.group(2) or 0)
    return (hours, minutes) if hours <= 24 and minutes <= 59 else None


def _clock_reading(mention: NumberMention) -> int | None:
    """Minutes after midnight (mod 12 hours) that a plain number could mean as a time."""
    hm = hours_minutes(mention.text)
    return None if hm is None else (hm[0] * 60 + hm[1]) % 720


def same_quantity(a: NumberMention, b: NumberMention) -> bool:
    """Whether ``a`` and ``b`` can mean the same: equal keys, or a vague reading that fits.

    A vague time matches the same clock time 12 hours on; a vague decade, and a date's
    two-digit year (``12.9.15``), any century (``2015``); a number written like a time
    (``14.30``, ``9``) the time it reads as; a number a decade or a year with its value
    (``vierzig`` and ``forties``, ``1990`` and ``1990s``); two vague amounts whose ranges
    overlap (``Tausende`` and ``tens of thousands``).
    """
    if a.key == b.key:
        return True
    if a.kind == b.kind == "approx":
        return bool(a.upper and b.upper and a.value < b.upper and b.value < a.upper)
    if a.kind == b.kind:
        return (a.vague or b.vague) and a.anchor == b.anchor
    kinds = {a.kind, b.kind}
    number, other = (a, b) if a.kind == "number" else (b, a)
    if kinds == {"number", "time"}:
        reading = _clock_reading(number)
        return reading is not None and reading == other.value % 720
    if kinds in ({"number", "decade"}, {"number", "year"}):
        return number.value == other.value or (
            other.vague and number.value % 100 == other.value and number.value >= 1000
        )
    return False


#: A word for a million or a billion in a number's spelling ("1,4 Milliarden", "2 Mio.").
_SCALE_WORD = re.compile(r"(?i)milliarde|million|mrd\b|mio\b|billion|trillion")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def format_mention(mention: NumberMention, lang: str) -> str:
    """``mention`` written the way ``lang`` writes it (for messages): 2:30 p.m., 1990s."""
    if mention.kind == "approx" and mention.upper is not None:
        return f"{format_number(mention.value, lang)}–{format_number(mention.upper, lang)}"
    value = int(mention.value) if mention.kind != "number" else 0
    if mention.kind == "month" and 1 <= value <= 12:
        from glossar.qa.numbers.months import MONTH_NAMES

        return MONTH_NAMES[lang if lang in MONTH_NAMES else "en"][value - 1]
    if mention.kind == "time":
        hours, minutes = divmod(value, 60)
        if lang == "de":
            return f"{hours}.{minutes:02d} Uhr" if minutes else f"{hours} Uhr"
        if value == 0:
            return "midnight"
        if value == 720:
            return "noon"
        clock = f"{hours % 12 or 12}:{minutes:02d}" if minutes else f"{hours % 12 or 12}"
        if mention.vague:  # "halb drei": morning or afternoon
            return clock if minutes else f"{clock} o'clock"
        return f"{clock} {'a.m.' if hours < 12 else 'p.m.'}"
    if mention.kind == "year":  # a date's year, two digits when the century is not written
        return f"{value:02d}" if mention.vague and value < 100 else str(value)
    if mention.kind == "decade":
        short = mention.vague and value < 100
        if lang == "de":
            return f"{value:02d}er Jahre" if short else f"{value}er Jahre"
        return f"'{value:02d}s" if short else f"{value}s"
    if mention.ordinal and mention.value == int(mention.value):
        return ordinal_number(int(mention.value), lang)
    if mention.text.isdigit() and len(mention.text) == 4 and 1000 <= mention.value <= 2100:
        return mention.text  # likely a year: 1492, 2021, not 1,492
    scaled = _SCALE_WORD.search(mention.text) if lang == "en" else None
    if scaled and mention.value >= 1_000_000:  # 1,4 Milliarden: 1.4 billion, not 1,400,000,000
        size, word = next((n, w) for n, w in _SCALES if mention.value >= n)
        count = mention.value / size
        if count == count.quantize(Decimal("0.001")):  # (format_number keeps 3 places)
            return f"{format_number(count, lang)} {word}"
    return format_number(mention.value, lang)


def ordinal_number(value: int, lang: str) -> str:
    """``value`` as a rank in digits: 45th, 1st, 22nd, 113th in English; 45. in German."""
    if lang == "de":
        return f"{value}."
    if value % 100 in (11, 12, 13):
        return f"{value}th"
    return f"{value}{({1: 'st', 2: 'nd', 3: 'rd'}).get(value % 10, 'th')}"


def parse_number(token: str, lang: str) -> Decimal | None:
    """A digit string parsed with Babel for ``lang`` (de/en); the other locale as fallback.

    ``parse_number("2.500", "de") == parse_number("2,500", "en") == 2500``. A string
    that is not a well-formed number in either locale gives None.
    """
    token = token.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")  # 2 500
    if len(token) > MAX_DIGITS:  # an identifier or a run of digits, not a quantity
        return None
    other = "en" if lang == "de" else "de"
    # Babel's strict check formats the value back (a quantize): Python's default 28
    # digits of precision raised InvalidOperation on a longer number (1.3.6.1.4.1.311…)
    with localcontext() as context:
        context.prec = 2 * MAX_DIGITS
        for loc in (lang, other):
            try:
                return parse_decimal(token, locale=loc, strict=True)
            except NumberFormatError:
                continue
        if sum(map(token.count, ".,")) > 1 and not _INDIAN_GROUPING.fullmatch(token):
            return None  # 1.3.6.1 or 1,2.3: an identifier or a version, no quantity
        try:
            return parse_decimal(token, locale=lang)
        except NumberFormatError:
            return None


def format_number(value: Decimal, lang: str) -> str:
    """``value`` written the way ``lang`` writes numbers (for messages); fractions to 3 places."""
    with localcontext() as context:  # a long number (word numbers times scales) too
        context.prec = max(context.prec, len(value.as_tuple().digits) + 8)
        if value != value.to_integral_value() and value.as_tuple().exponent < -3:  # type: ignore[operator]
            value = value.quantize(Decimal("0.001"))
        return format_decimal(value, locale=lang, decimal_quantization=False)
