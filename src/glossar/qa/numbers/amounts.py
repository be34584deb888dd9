"""What an amount counts: "100 Euro" translated "100 dollars", "10 km" translated "10
miles" have the right number and the wrong money or measure.

A segment's currencies (and measures) are compared as sets, not bound to their numbers:
a translator may move a currency ("5 Euro" → "€5"), convert it beside the original
("1.000 Euro (about $1,100)", "10 km (6 miles)"), or leave it out ("kostet 5 Euro" →
"costs 5"). So only one of the German that the English lacks *while the English names
another of its kind that the German lacks* is a problem ("Euro" → "dollars", "Kilometer"
→ "miles"): PUD testers' planted euros → dollars, $ → €, pesos → dollars and km → miles
went through.
"""

from __future__ import annotations

import re
from decimal import Decimal

from glossar.qa.numbers.mention import NumberMention

#: Each currency: its German and its English spellings (symbols and ISO codes alike),
#: and the English word a message expects.
_CURRENCIES: dict[str, tuple[str, str, str]] = {
    "EUR": (r"€|EUR\b|Euro(?:s)?\b", r"€|EUR\b|euros?\b", "euros"),
    "USD": (
        r"US\$|\$|USD\b|(?:US-)?Dollar(?:s|n)?\b",
        r"US\$|\$|USD\b|(?:US |U\.S\. )?dollars?\b",
        "dollars",
    ),
    "GBP": (
        r"£|GBP\b|(?:Britische[n]? )?Pfund(?: Sterling)?\b",
        r"£|GBP\b|pounds?(?: sterling)?\b",
        "pounds",
    ),
    "CHF": (  # (Franken alone is also Franconia: a currency after a number)
        r"CHF\b|Schweizer Franken\b|(?:\d|Mio\.|Millionen|Milliarden|Mrd\.)\s*Franken\b",
        r"CHF\b|(?:Swiss )?francs?\b",
        "Swiss francs",
    ),
    "RUB": (r"RUB\b|Rubel\b", r"RUB\b|r(?:o|u)bles?\b", "roubles"),
    "JPY": (r"JPY\b|¥|Yen\b", r"JPY\b|¥|yen\b", "yen"),
    "CNY": (r"CNY\b|Yuan\b|Renminbi\b", r"CNY\b|yuan\b|renminbi\b", "yuan"),
    "KZT": (r"KZT\b|Tenge\b", r"KZT\b|tenge\b", "tenge"),
    "MXN": (r"MXN\b|(?:mexikanische[n]? )?Pesos?\b", r"MXN\b|(?:Mexican )?pesos?\b", "pesos"),
    "INR": (r"INR\b|Rupien?\b", r"INR\b|rupees?\b", "rupees"),
    "TRY": (r"TRY\b|(?:Türkische[n]? )?Lira\b", r"TRY\b|lira\b", "lira"),
}
#: Measures of length, weight and volume, by kind: each German and English spelling of
#: a unit, and the English a message expects. Words and the unmistakable symbols only
#: ("m" is a million in English: "2m visitors").
_MEASURES: dict[str, dict[str, tuple[str, str, str]]] = {
    "length": {
        "km": (
            r"(?<=\d )km\b|(?<=\d)km\b|Kilometern?\b",
            r"\bkm\b|kilomet(?:er|re)s?\b",
            "kilometers",
        ),
        "m": (r"\bMetern?\b", r"\bmet(?:er|re)s?\b", "meters"),
        "mi": (r"\bMeilen?\b", r"\bmiles?\b", "miles"),
        "ft": (r"\bFu(?:ß|ss)\b", r"\bf(?:ee|oo)t\b", "feet"),
    },
    "weight": {
        "kg": (
            r"(?<=\d )kg\b|(?<=\d)kg\b|Kilogramm\b|Kilo\b",
            r"\bkg\b|kilo(?:gram(?:me)?)?s?\b",
            "kilograms",
        ),
        "t": (r"\bTonnen?\b", r"\b(?:metric )?tons?\b|\btonnes?\b", "tons"),
        "lb": (r"(?<=\d )lbs?\b", r"\blbs?\b|\bpounds?\b(?! sterling)", "pounds"),
    },
    "volume": {
        "l": (r"\bLitern?\b|(?<=\d )l\b", r"\blit(?:er|re)s?\b", "liters"),
        "gal": (r"\bGallonen?\b", r"\bgallons?\b", "gallons"),
        "bbl": (r"\bBarrel\b|\bFass\b", r"\bbarrels?\b", "barrels"),
    },
}


def _compiled(
    table: dict[str, tuple[str, str, str]],
) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    return {
        lang: [
            (code, re.compile(spellings[0], 0) if lang == "de" else _english(spellings[1]))
            for code, spellings in table.items()
        ]
        for lang in ("de", "en")
    }


def _english(pattern: str) -> re.Pattern[str]:
    """An English spelling's pattern, case-blind but for its codes: "TRY" is the lira,
    "try" a verb (a tester's "Euro became try"), "rub" and "eur" no currency either."""
    return re.compile(re.sub(r"(?<![\\\w])([A-Z]{3})\\b", r"(?-i:\1)\\b", pattern), re.I)


_PATTERNS = _compiled(_CURRENCIES)
_MEASURE_PATTERNS = {kind: _compiled(table) for kind, table in _MEASURES.items()}


def first_mentions(
    patterns: dict[str, list[tuple[str, re.Pattern[str]]]], text: str, lang: str, kind: str = "unit"
) -> dict[str, NumberMention]:
    """Each unit (currency, measure, era) of ``patterns`` (by language) that ``text``
    names, by its first mention."""
    found: dict[str, NumberMention] = {}
    for code, pattern in patterns[lang]:
        m = pattern.search(text)
        if m is not None:
            found[code] = NumberMention(
                value=Decimal(0), text=m.group(), start=m.start(), end=m.end(), kind=kind
            )
    return found


def currencies(text: str, lang: str) -> dict[str, NumberMention]:
    """The currencies ``text`` names, each by its first mention."""
    return first_mentions(_PATTERNS, text, lang)


def _changed(
    german: dict[str, NumberMention],
    english: dict[str, NumberMention],
    expected: dict[str, tuple[str, str, str]],
    source: str,
    target: str,
) -> list[tuple[NumberMention, NumberMention, str]]:
    """Each unit of the German the English lacks, paired with one the English names and
    the German lacks (the lost one at the nearest place in its text: "1 Pfund Kaffee
    kostet 5 Euro" ↔ "A pound of coffee costs $5.50" changed the Euro)."""
    lost = [code for code in german if code not in english]
    added = [code for code in english if code not in german]
    out = []
    for code in sorted(added, key=lambda c: english[c].start):
        if not lost:
            break
        where = english[code].start / max(1, len(target))
        match = min(lost, key=lambda c: abs(german[c].start / max(1, len(source)) - where))
        lost.remove(match)
        out.append((german[match], english[code], expected[match][2]))
    return out


def changed_currencies(source: str, target: str) -> list[tuple[NumberMention, NumberMention, str]]:
    """(German mention, English mention, the English expected) of each currency of
    ``source`` that ``target`` replaced by another (see the module docstring)."""
    german = currencies(source, "de")
    if not german:
        return []
    return _changed(german, currencies(target, "en"), _CURRENCIES, source, target)


def changed_measures(source: str, target: str) -> list[tuple[NumberMention, NumberMention, str]]:
    """The same for measures of one kind: km ↔ miles, kg ↔ pounds, liters ↔ gallons."""
    out = []
    for kind, patterns in _MEASURE_PATTERNS.items():
        german = first_mentions(patterns, source, "de")
        if german:
            english = first_mentions(patterns, target, "en")
            out.extend(_changed(german, english, _MEASURES[kind], source, target))
    return out
