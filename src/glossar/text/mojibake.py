"""UTF-8 text that was read as Windows-1252 once and saved again ("PrÃ¤sident" for
"Präsident", "â€ž" for „): valid UTF-8, so nothing refused it, and every word with an
umlaut or ß went unrecognised in silence (a desk tester's copies of 60 real articles
lost 49 of 208 terms). Found here, so that the commands can say so; repairing it would
move every offset, so the text is left as it is."""

from __future__ import annotations

import re

#: "Ã" then what Windows-1252 makes of a UTF-8 continuation byte (Ã¤ Ã¶ Ã¼ ÃŸ Ã„ Ã–
#: Ãœ Ã© …), or "â€" then the same (â€ž â€œ â€“ â€™ …): sequences no German text holds.
_MOJIBAKE = re.compile(
    "[ÃÂâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "[^\\s]*"
)


def mojibake_example(text: str) -> str | None:
    """A word of ``text`` that shows it is UTF-8 read as Windows-1252 ("PrÃ¤sident"), or
    None when its first 64 KB hold fewer than two such sequences (one may be a name's
    own)."""
    found = _MOJIBAKE.finditer(text, 0, 1 << 16)
    first = next(found, None)
    if first is None or next(found, None) is None:
        return None
    start = first.start()
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start : first.end()][:40]
