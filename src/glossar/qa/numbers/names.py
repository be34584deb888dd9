"""Numbers that are part of a name, not a quantity: :func:`name_number`.

Clubs write their founding year or the ``1.`` of "erster" into their name (``Schalke 04``,
``Hannover 96``, ``TSV 1860 München``, ``1. FC Köln``), and a translation may leave it out
("Schalke", "Hanover", "1860 Munich", "FC Cologne") or keep it. So may one of "Bündnis
90/Die Grünen" ("the Greens") and of "Formel 1" ("the sport's boss" for
``Formel-1-Boss``). Such a number only confirms one on the other side; every other
number of the sentence (a score, a table position) is still compared.

Each name is listed with its own number, as news writes it (10kGNAD's sports articles:
"1. FC Köln", "1. FC Nürnberg", "Hannover 96", "Schalke 04", "Mainz 05", "Darmstadt
98"), in German and English spelling; a list rather than a pattern, so that "Der FC
Bayern liegt 25 Punkte vorn" keeps its 25. Product and version numbers (``Windows 10``,
``Boeing 737``) are not names in this sense: dropping them loses what the text says.
"""

from __future__ import annotations

import re

from glossar.qa.numbers.tokens import Tokens, joined

#: A word and the number written after it in a name: "Schalke 04", "FC Schalke 04",
#: "Bayer 04 Leverkusen", "TSV 1860", "Hannover 96"/"Hanover 96", "Formel-1-Boss".
NUMBER_AFTER: dict[str, str] = {
    "Schalke": "04",
    "Bayer": "04",
    "Ingolstadt": "04",
    "Mainz": "05",
    "Uerdingen": "05",
    "Schweinfurt": "05",
    "Paderborn": "07",
    "Babelsberg": "03",
    "BVB": "09",
    "Hannover": "96",
    "Hanover": "96",
    "Darmstadt": "98",
    "Bochum": "1848",
    "Ulm": "1846",
    "TSV": "1860",
    "TSG": "1899",
    "Bündnis": "90",
    "Alliance": "90",
    "Formel": "1",
    "Formula": "1",
}
#: A word and the number written before it in a name: "1860 München", "1899 Hoffenheim",
#: "Bayer 04 Leverkusen", "SV 07 Elversberg", "FC 08 Homburg".
NUMBER_BEFORE: dict[str, str] = {
    "München": "1860",
    "Munich": "1860",
    "Hoffenheim": "1899",
    "Leverkusen": "04",
    "Elversberg": "07",
    "Homburg": "08",
}
#: ``1.`` before a club's legal form: "1. FC Köln", "1. FSV Mainz 05", "1. FFC Turbine
#: Potsdam", "1.FC Nürnberg": the town's first club of its kind.
_FIRST_CLUB = re.compile(r"\.[ \u00a0]?(?:FC|FSV|FFC|SC|SV|CfR)\b")


def _word(text: str, toks: Tokens, j: int, i: int) -> str:
    """Word token ``j`` when it is next to digit token ``i`` with only a space or a
    hyphen between (``F1`` with nothing between); else ``""``."""
    if not 0 <= j < len(toks) or toks[j].group("word") is None:
        return ""
    a, b = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
    return toks[j].group() if joined(text, a, b, hyphen=True) else ""


def name_number(text: str, toks: Tokens, i: int) -> bool:
    """Whether digit token ``i`` is the number of a name listed above, in either language.

    After a name word the number must not be followed by a capitalised word across a
    plain space, unless that word is listed as coming after it: "In Hannover 96
    Neuinfektionen" counts infections, "Bayer 04 Leverkusen" is the club.
    """
    digits = toks[i].group()
    if digits == "1" and _FIRST_CLUB.match(text, toks[i].end()):
        return True
    after = _word(text, toks, i + 1, i)
    if after and NUMBER_BEFORE.get(after) == digits:
        return True
    before = _word(text, toks, i - 1, i)
    if not before or NUMBER_AFTER.get(before) != digits:
        return False
    gap = text[toks[i].end() : toks[i + 1].start()] if i + 1 < len(toks) else ""
    return not (after and after[0].isupper() and "-" not in gap)
