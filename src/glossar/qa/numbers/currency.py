"""Currencies: "100 Euro" translated "100 dollars" has the right number and the wrong money.

A segment's currencies are compared as a set, not bound to their numbers: a translator
may move a currency ("5 Euro" → "€5"), convert it beside the original ("1.000 Euro
(about $1,100)"), or leave it out ("kostet 5 Euro" → "costs 5"). So only a currency of
the German that the English lacks *while the English names another one the German
lacks* is a problem ("Euro" → "dollars"): a currency changed, as a PUD tester's planted
euros → dollars and $ → € went through.
"""

from __future__ import annotations

import re

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
}
_PATTERNS = {
    lang: [
        (code, re.compile(spellings[0 if lang == "de" else 1], 0 if lang == "de" else re.I))
        for code, spellings in _CURRENCIES.items()
    ]
    for lang in ("de", "en")
}


def currencies(text: str, lang: str) -> dict[str, NumberMention]:
    """The currencies ``text`` names, each by its first mention (kind ``currency``)."""
    found: dict[str, NumberMention] = {}
    for code, pattern in _PATTERNS[lang]:
        m = pattern.search(text)
        if m is not None:
            found[code] = NumberMention(
                value=0, text=m.group(), start=m.start(), end=m.end(), kind="currency"
            )  # type: ignore[arg-type]
    return found


def changed_currencies(source: str, target: str) -> list[tuple[NumberMention, NumberMention, str]]:
    """(German mention, English mention, the English expected) of each currency of
    ``source`` that ``target`` replaced by another (see the module docstring)."""
    german = currencies(source, "de")
    if not german:
        return []
    english = currencies(target, "en")
    lost = [code for code in german if code not in english]
    added = [code for code in english if code not in german]
    out = []
    for code in sorted(added, key=lambda c: english[c].start):
        if not lost:
            break
        # the lost one at the nearest place in its text: "Für 5 Euro gab es 1 Pfund
        # Kaffee" ↔ "$5.50 bought a pound of coffee" changed the Euro, not the pound
        where = english[code].start / max(1, len(target))
        match = min(lost, key=lambda c: abs(german[c].start / max(1, len(source)) - where))
        lost.remove(match)
        out.append((german[match], english[code], _CURRENCIES[match][2]))
    return out
