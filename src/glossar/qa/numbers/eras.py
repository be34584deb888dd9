"""Eras: "im 9. Jahrhundert n. Chr." translated "in the 9th century BC" has the right
number a thousand years off (a PUD pair did so, and `check` compared 9 with 9).

Only the two eras are told apart, and only where both texts name one: the German names
one era and the English names the other and not the first.
"""

from __future__ import annotations

import re

from glossar.qa.numbers.amounts import first_mentions
from glossar.qa.numbers.mention import NumberMention

_ERAS = {
    "de": [
        ("bc", re.compile(r"v\.\s?Chr\.|vor Christus|v\.\s?u\.\s?Z\.|vor unserer Zeitrechnung")),
        (
            "ad",
            re.compile(r"n\.\s?Chr\.|nach Christus|n\.\s?u\.\s?Z\.|(?<!vor )unserer Zeitrechnung"),
        ),
    ],
    "en": [  # next to a number or a century: "Vancouver, BC" is a province
        (
            "bc",
            re.compile(r"(?<=[\dy] )(?:B\.C\.(?:E\.)?|BCE?\b)|(?<=\d)(?:BCE?\b)|\bbefore Christ\b"),
        ),
        (
            "ad",
            re.compile(
                r"(?:\bA\.D\.|\bAD\b)(?= ?\d)|(?<=[\dy] )(?:A\.D\.|AD\b|C\.E\.|CE\b)"
                r"|\b[Aa]nno Domini\b"
            ),
        ),
    ],
}
#: The English a message expects, in the style the English uses (BC/AD or BCE/CE).
_EXPECTED = {("bc", False): "BC", ("ad", False): "AD", ("bc", True): "BCE", ("ad", True): "CE"}


def changed_eras(source: str, target: str) -> list[tuple[NumberMention, NumberMention, str]]:
    """(German mention, English mention, the English expected) where ``target`` names
    the other era than ``source`` (and not the one of ``source``)."""
    if "Chr" not in source and "Z." not in source and "Zeitrechnung" not in source:
        return []
    german = first_mentions(_ERAS, source, "de", "era")
    english = first_mentions(_ERAS, target, "en", "era")
    return [
        (german[era], english[other], _EXPECTED[era, "C" in english[other].text.replace("BC", "")])
        for era, other in (("bc", "ad"), ("ad", "bc"))
        if era in german and era not in english and other in english and other not in german
    ]
