"""A bilingual document as the contract's JSON (``glossar article --format json``)."""

from __future__ import annotations

import json

from glossar.bilingual.pairing import BilingualDocument


def render(doc: BilingualDocument) -> str:
    """One JSON document (UTF-8 text, not ASCII-escaped), ending in a newline."""
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"
