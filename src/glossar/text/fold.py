"""Folding German text for comparison: case, umlauts, ß and the spellings ae/oe/ue/ss.

``fold_key`` is for whole strings (lookup keys). Offsets never matter there.
"""

from __future__ import annotations

import unicodedata

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def fold_case(text: str) -> str:
    """NFC + full case folding (``ß`` → ``ss``, ``ẞ`` → ``ss``)."""
    return unicodedata.normalize("NFC", text).casefold()


def fold_key(text: str) -> str:
    """Case-, umlaut- and ß-insensitive key: ``Flüssiggas``, ``FLUESSIGGAS`` → ``fluessiggas``.

    Whitespace runs become one space and soft hyphens vanish, so a term typed with a
    line break or copied from a web page still matches.
    """
    folded = fold_case(text).translate(_UMLAUTS).replace("\u00ad", "")
    return " ".join(folded.split())
