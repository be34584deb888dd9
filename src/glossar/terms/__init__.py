"""glossar.terms: finding glossary terms in German text.

``find_terms(text, glossary)`` returns :class:`TermMatch` spans (offsets into the text as
given); :class:`TermRecognizer` is the compiled, reusable form behind it.
"""

from __future__ import annotations

from glossar.terms.match import TermMatch
from glossar.terms.recognise import TermRecognizer, find_terms, recognizer_for

__all__ = ["TermMatch", "TermRecognizer", "find_terms", "recognizer_for"]
