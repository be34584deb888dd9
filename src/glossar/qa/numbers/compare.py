"""The number rule of ``glossar check``: which numbers of a pair differ, and how surely.

Both texts' quantities are read (:func:`~glossar.qa.numbers.extract.extract_numbers`) and
compared as values. What one side has and the other lacks becomes a :class:`NumberDiff`:

- a *problem* when a number is certainly different: a firm number missing or added
  (``30`` → nothing), or numbers on both sides that disagree (``8,4`` ↔ ``4.8``, ``drei`` ↔
  ``four children``, ``zweijährig`` ↔ ``three-year-old``), an equal number with another
  unit (``drei Tage`` ↔ ``three weeks``, ``Prozentpunkte`` ↔ ``percent``,
  :mod:`~glossar.qa.numbers.units`), or a first that became another ordinal (``zum ersten
  Mal`` ↔ ``for the second time``, :mod:`~glossar.qa.numbers.ordinals`);
- a *note* when it may be a paraphrase: a soft mention alone (``zum zweiten Mal`` ↔
  ``again``, ``the two`` with nothing in the German), or an exact number inside a vague
  amount on the other side (``Tausende`` ↔ ``3,000``);
- nothing for optional mentions (``beide``, ``Dreisatzniederlage``, ``Tausende``): they
  only confirm a number of the other side.

A number word that stands unchanged in both texts is a name, not a number: "Nine News"
in the English and in the German.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from glossar.qa.numbers.amounts import changed_currencies, changed_measures
from glossar.qa.numbers.durations import duration_of, durations
from glossar.qa.numbers.eras import changed_eras
from glossar.qa.numbers.extract import extract_numbers
from glossar.qa.numbers.mention import FIRM, NumberMention, same_quantity
from glossar.qa.numbers.months import changed_months, day_months
from glossar.qa.numbers.ordinals import changed_first
from glossar.qa.numbers.units import changed_units

PROBLEM, NOTE = "problem", "note"


@dataclass(frozen=True, slots=True)
class NumberDiff:
    """A number of the source without its match in the target, or the other way round.

    ``missing`` is the source's mention, ``extra`` the target's; both are set when a
    number changed. ``severity`` is ``problem`` or ``note`` (may be a paraphrase).
    """

    missing: NumberMention | None
    extra: NumberMention | None
    severity: str
    #: why a note: "vague" (an exact number in a vague amount), "unit" (the same length of
    #: time in another unit), "soft" (a number that may be paraphrased); for problems ""
    #: or what changed beside the value: "comma" (a German decimal comma left in the
    #: English), "sign" (+ became - or the other way round), "other unit" (the same
    #: number with another unit: "drei Tage" ↔ "three weeks"), "order" (a score the
    #: other way round: "3:1" ↔ "1-3"); "century" (a note: a year said as its century)
    reason: str = ""
    #: what the translation should say, where the missing mention's value alone does not
    #: say it: "3 days" for "drei Tage" written "three weeks"
    expected: str | None = None


def _in_other_text(mention: NumberMention, other: str) -> bool:
    """Whether a number word stands unchanged in the other language's text (a name)."""
    if any(c.isdigit() for c in mention.text):
        return False
    pattern = rf"(?<!\w){re.escape(mention.text)}(?!\w)"
    return re.search(pattern, other) is not None


#: Words for one, never read as numbers (mostly articles): "1" is confirmed by any of them.
_ONE_WORDS = re.compile(
    r"(?<!\w)(?:one|first|once|single|ein|eine[mnrs]?|eins|erste[mnrs]?|einmal)(?!\w)",
    re.IGNORECASE,
)


def _one_in_words(mention: NumberMention, other: str) -> bool:
    """Whether a 1 is matched by a word for one in the other text ("Formel 1" ↔ "Formula One")."""
    return mention.kind == "number" and mention.value == 1 and _ONE_WORDS.search(other) is not None


def _distinct(mentions: list[NumberMention], other: str) -> dict[object, NumberMention]:
    """The surest mention of each distinct quantity, names standing in ``other`` left out."""
    out: dict[object, NumberMention] = {}
    for found in mentions:
        if _in_other_text(found, other):
            continue
        kept = out.get(found.key)
        if kept is None or found.rank < kept.rank:
            out[found.key] = found
    return out


_PERCENT = re.compile(r"\s*(?:%|percent\b|per cent\b|Prozent\b|v\. ?H\.)", re.IGNORECASE)


def _is_fraction(mention: NumberMention) -> bool:
    return mention.kind == "number" and 0 < mention.value < 1


def _percent_of(fraction: NumberMention, number: NumberMention, text: str) -> bool:
    """Whether ``number`` (in ``text``) is ``fraction`` as a percentage, give or take 1."""
    return (
        _is_fraction(fraction)
        and number.kind == "number"
        and abs(fraction.value * 100 - number.value) <= 1
        and _PERCENT.match(text, number.end) is not None
    )


def _german_decimal(text: str) -> bool:
    """Whether an English number is written with a German decimal comma ("4,5",
    "1.234,5"): one comma, not followed by a group of exactly three digits or after a
    full stop. English "4,500" and lakh grouping ("1,00,000") are left alone."""
    digits = re.match(r"[\d.,]*", text)
    parts = digits.group().split(",") if digits else [""]
    if len(parts) != 2:
        return False
    decimals = re.match(r"\d*", parts[1])
    return "." in parts[0] or decimals is None or len(decimals.group()) != 3


def _decimal_commas(
    src: dict[object, NumberMention], tgt_all: list[NumberMention]
) -> list[NumberDiff]:
    """English numbers with the source's value but the German decimal comma ("4,5%")."""
    diffs: list[NumberDiff] = []
    seen: set[str] = set()
    for x in tgt_all:
        m = src.get(x.key)
        if m is None or x.kind != "number" or x.text in seen or not _german_decimal(x.text):
            continue
        seen.add(x.text)
        diffs.append(NumberDiff(m, x, PROBLEM, "comma"))
    return diffs


#: An explicit sign right before a number: "+6,1", "-6.1", "−3", "minus 5", "plus 2"; a
#: hyphen after a word or a number is a range or a compound ("2019-2020", "G-7"), no sign.
_SIGN = re.compile(r"(?:(?<![\w.,)\]/-])([+\-\u2212])|(?<![\w-])(plus|minus)\s+)\Z", re.I)


def _signed(mention: NumberMention, text: str) -> NumberMention | None:
    """``mention`` with its explicit sign (text from the sign on, a minus value), or None."""
    if mention.kind != "number":
        return None
    hit = _SIGN.search(text, max(0, mention.start - 8), mention.start)
    if hit is None:
        return None
    sign = (hit.group(1) or hit.group(2)).lower()
    negative = sign in ("-", "\u2212", "minus")
    return replace(
        mention,
        value=-mention.value if negative else mention.value,
        text=text[hit.start() : mention.end],
        start=hit.start(),
    )


def _sign_flips(
    src: dict[object, NumberMention], tgt: dict[object, NumberMention], source: str, target: str
) -> list[NumberDiff]:
    """Equal numbers written with opposite explicit signs ("+6,1 Prozent" ↔ "-6.1 percent").

    Both signs must be written: a translation may drop one ("fell 6.1 percent")."""
    diffs: list[NumberDiff] = []
    for key, m in src.items():
        x = tgt.get(key)
        if x is None:
            continue
        m_signed, x_signed = _signed(m, source), _signed(x, target)
        if m_signed and x_signed and (m_signed.value < 0) != (x_signed.value < 0):
            diffs.append(NumberDiff(m_signed, x_signed, PROBLEM, "sign"))
    return diffs


def _take(
    items: list[NumberMention], test: Callable[[NumberMention], bool]
) -> NumberMention | None:
    """Remove and return the first of ``items`` that passes ``test``."""
    for k, item in enumerate(items):
        if test(item):
            return items.pop(k)
    return None


#: A score (German "3:1", English "3-1", "3–1" or "3:1"): not a time (its minutes
#: have two digits), not a ratio or range of more.
_DE_SCORE = re.compile(r"(?<![\d.,:])(\d{1,3}):(\d{1,2})(?![\d:])(?!\s*Uhr)")
_EN_SCORE = re.compile(r"(?<![\d.,:–-])(\d{1,3})\s?[-–:]\s?(\d{1,3})(?![\d:–-])")


_SCALE_LETTER = {"m": 10**6, "k": 1000, "K": 1000}


def _scaled_alike(german: NumberMention, english: NumberMention, text: str) -> bool:
    """Is ``english`` (in ``text``) ``german``'s value with a letter for its scale glued
    on ("2m" for zwei Millionen, "153k" for 153.000)?"""
    letter = text[english.end : english.end + 1]
    scale = _SCALE_LETTER.get(letter)
    return (
        scale is not None
        and english.kind == german.kind == "number"
        and not text[english.end + 1 : english.end + 2].isalpha()
        and german.value == english.value * scale
    )


_CENTURY_AFTER = re.compile(r"(?:st|nd|rd|th)?[\s-]+century\b", re.IGNORECASE)


def _century_of(year: NumberMention, ordinal: NumberMention, text: str) -> bool:
    """Is ``ordinal`` (in ``text``) the century of ``year`` ("the 16th century" for 1570)?"""
    value = year.value
    return (
        year.kind == "number"
        and value == int(value)
        and 1000 <= value <= 2100
        and ordinal.kind == "number"
        and ordinal.value == (int(value) - 1) // 100 + 1
        and _CENTURY_AFTER.match(text, ordinal.end) is not None
    )


def _reversed_scores(source: str, target: str) -> list[NumberDiff]:
    """A score written the other way round ("Bayern gewann 3:1" ↔ "Bayern beat Dortmund
    1-3": a tester's, unnoticed since the numbers are the same). English writes the
    winner's score first whoever the subject is ("Dortmund verlor 1:3" ↔ "Dortmund lost
    3-1": right), so only a German score with the higher number first that the English
    writes lower first, and nowhere as the German has it."""
    scores = {(m[1], m[2]): m for m in _DE_SCORE.finditer(source) if int(m[1]) > int(m[2])}
    if not scores:
        return []
    written = {(int(m[1]), int(m[2])): m for m in _EN_SCORE.finditer(target)}
    diffs: list[NumberDiff] = []
    for (a, b), m in scores.items():
        x = written.get((int(b), int(a)))
        if x is None or (int(a), int(b)) in written:
            continue
        mentions = [
            NumberMention(Decimal(int(a)), hit[0], hit.start(), hit.end()) for hit in (m, x)
        ]
        diffs.append(NumberDiff(*mentions, PROBLEM, "order", f"{int(a)}-{int(b)}"))
    return diffs


#: Pairs of a missing and an added mention weighed against each other at most; past it
#: they pair in order (a table's worth of numbers changed: linear time).
_MAX_PAIRINGS = 10_000


#: What stands before a number that converts the one before it, in brackets (AP style):
#: "1,000 euros (about $1,100)", "10 km (6 miles)", "30 degrees (86 F)".
_CONVERSION = re.compile(
    r"\d[\d.,]*\s*(?:[^\W\d]+\.?\s*){0,2}\((?:about |some |roughly |around |approximately "
    r"|nearly |almost |over |more than |just over |just under )?(?:US|C|A)?[$€£¥]?\s*\Z"
)


def _likeliest_pairs(
    missing: list[NumberMention], extra: list[NumberMention]
) -> list[tuple[int, int]]:
    """Indexes of missing and added mentions paired as one number changed, in the order
    of the missing ones: each with the one likeliest to be it, of one kind (a count, a
    time, an ordinal), firm ones first, then the nearest in order."""
    if len(missing) * len(extra) > _MAX_PAIRINGS:
        return list(zip(range(len(missing)), range(len(extra)), strict=False))

    def unlikeness(pair: tuple[int, int]) -> tuple[int, int, int, int]:
        m, x = missing[pair[0]], extra[pair[1]]
        return (m.kind != x.kind, m.ordinal != x.ordinal, m.soft + x.soft, abs(pair[0] - pair[1]))

    candidates = sorted(
        ((i, j) for i in range(len(missing)) for j in range(len(extra))), key=unlikeness
    )
    used_m: set[int] = set()
    used_x: set[int] = set()
    pairs = []
    for i, j in candidates:
        if i not in used_m and j not in used_x:
            used_m.add(i)
            used_x.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def compare_numbers(
    source: str, target: str, source_lang: str = "de", target_lang: str = "en"
) -> list[NumberDiff]:
    """The numbers that differ between ``source`` and its translation ``target``, in order."""
    # the days each text names, to read a date of the other that reads both ways (9/12/2015)
    days = (
        day_months(source, source_lang) if "/" in target else set(),
        day_months(target, target_lang) if "/" in source else set(),
    )
    src_all = extract_numbers(source, source_lang, days[1])
    tgt_all = extract_numbers(target, target_lang, days[0])
    src = _distinct(src_all, target)
    tgt = _distinct(tgt_all, source)
    missing = [m for key, m in src.items() if key not in tgt]
    extra = [x for key, x in tgt.items() if key not in src]
    diffs: list[NumberDiff] = _sign_flips(src, tgt, source, target)
    if source_lang == "de" and target_lang == "en":
        diffs.extend(_decimal_commas(src, tgt_all))
    diffs.extend(
        NumberDiff(m, x, PROBLEM)
        for m, x in changed_months(source, target, source_lang, target_lang, days)
    )
    if source_lang == "de" and target_lang == "en":  # "3:1" ↔ "1-3": who won
        diffs.extend(_reversed_scores(source, target))
    if source_lang == "de" and target_lang == "en":  # "drei Tage" ↔ "three weeks"
        diffs.extend(
            NumberDiff(m, x, PROBLEM, "other unit", expected)
            for m, x, expected in changed_units(src_all, tgt_all, source, target)
        )
        # "100 Euro" ↔ "100 dollars": the right number, another currency
        diffs.extend(
            NumberDiff(m, x, PROBLEM, "currency", expected)
            for m, x, expected in changed_currencies(source, target)
        )
        diffs.extend(  # "10 Kilometer" ↔ "10 miles"
            NumberDiff(m, x, PROBLEM, "other unit", expected)
            for m, x, expected in changed_measures(source, target)
        )
        # "n. Chr." ↔ "BC": the right century, the other era
        diffs.extend(
            NumberDiff(m, x, PROBLEM, "era", expected)
            for m, x, expected in changed_eras(source, target)
        )
    # a vague time, decade or amount that can mean what the other side says
    for m in list(missing):
        x = _take(extra, lambda x, m=m: same_quantity(m, x))
        if x is not None:
            missing.remove(m)
    # an exact number inside a vague amount: "Tausende" ↔ "3,000" may be a paraphrase
    for m in list(missing):
        if m.kind == "approx":
            x = _take(extra, lambda x, m=m: not x.optional and m.covers(x.value))
        else:
            x = _take(extra, lambda x, m=m: not m.optional and x.covers(m.value))
        if x is not None:
            missing.remove(m)
            diffs.append(NumberDiff(m, x, NOTE, "vague"))
    # "2m visitors", "153k": a letter for a million or a thousand, or metres and a 4K
    # screen: the German's value says which
    for m in list(missing):
        x = _take(extra, lambda x, m=m: _scaled_alike(m, x, target))
        if x is not None:
            missing.remove(m)
    # a year and its century: "seit 1570" ↔ "since the 16th century" may be a paraphrase
    for m in list(missing):
        x = _take(extra, lambda x, m=m: _century_of(m, x, target))
        if x is not None:
            missing.remove(m)
            diffs.append(NumberDiff(m, x, NOTE, "century", str(int(m.value))))
    # two vague amounts that cannot meet: "Tausende" ↔ "hundreds"
    for m in [m for m in missing if m.kind == "approx"]:
        x = _take(extra, lambda x: x.kind == "approx")
        if x is not None:
            missing.remove(m)
            diffs.append(NumberDiff(m, x, PROBLEM))
    # a fraction and its percentage: "ein Drittel" ↔ "33 percent", "half" ↔ "50 Prozent"
    for m in list(missing):
        x = _take(extra, lambda x, m=m: _percent_of(m, x, target) or _percent_of(x, m, source))
        if x is not None:
            missing.remove(m)
    # two fractions that differ: "ein Drittel" ↔ "half"
    for m in [m for m in missing if _is_fraction(m)]:
        x = _take(extra, lambda x, m=m: _is_fraction(x) and not (m.optional and x.optional))
        if x is not None:
            missing.remove(m)
            diffs.append(NumberDiff(m, x, PROBLEM))
    missing = [m for m in missing if not m.optional and not _one_in_words(m, target)]
    extra = [x for x in extra if not x.optional and not _one_in_words(x, source)]
    if target_lang == "en":  # "1,000 euros (about $1,100)": a conversion beside the number
        extra = [x for x in extra if not _CONVERSION.search(target, max(0, x.start - 40), x.start)]
    # the same length of time in another unit: "sieben Tage" ↔ "a week" may be a paraphrase
    if missing or extra:
        src_times = durations(source, source_lang, src_all)
        tgt_times = durations(target, target_lang, tgt_all)
        for m in [m for m in missing if duration_of(m, source, source_lang) in tgt_times]:
            missing.remove(m)
            x = _take(extra, lambda x: duration_of(x, target, target_lang) in src_times)
            diffs.append(NumberDiff(m, x, NOTE, "unit"))
        for x in [x for x in extra if duration_of(x, target, target_lang) in src_times]:
            extra.remove(x)
            diffs.append(NumberDiff(None, x, NOTE, "unit"))
    # "zum ersten Mal" ↔ "for the second time": "erste" is no number, "second" is
    for m, x in changed_first(source, target, missing, extra, source_lang, target_lang):
        missing[:] = [k for k in missing if k is not m]
        extra[:] = [k for k in extra if k is not x]
        diffs.append(NumberDiff(m, x, PROBLEM))
    # a number on each side, and they differ: certainly a problem; each pairs with the
    # one most like it, not the next in line ("Am zweiten Weihnachtstag … mehr als 50
    # Fahrzeuge" ↔ "On Boxing Day more than 15 vehicles": 50 became 15, not zweiten)
    pairs = _likeliest_pairs(missing, extra)
    for i, j in pairs:
        diffs.append(NumberDiff(missing[i], extra[j], PROBLEM))
    paired = {i for i, _ in pairs}, {j for _, j in pairs}
    missing = [m for i, m in enumerate(missing) if i not in paired[0]]
    extra = [x for j, x in enumerate(extra) if j not in paired[1]]
    for m in missing:
        firm = m.strength == FIRM
        diffs.append(NumberDiff(m, None, PROBLEM if firm else NOTE, "" if firm else "soft"))
    for x in extra:
        firm = x.strength == FIRM
        diffs.append(NumberDiff(None, x, PROBLEM if firm else NOTE, "" if firm else "soft"))
    return diffs
