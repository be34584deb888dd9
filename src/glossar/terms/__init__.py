"""glossar.terms: finding glossary terms in German text.

``find_terms(text, glossary)`` returns :class:`TermMatch` spans (offsets into the text as
given); :class:`TermRecognizer` is the compiled, reusable form behind it;
``split_part(text, match)`` says where the rest of a split verb stands (griff … ein).
"""

from __future__ import annotations

from glossar.terms import candidates as _candidates
from glossar.terms.match import TermMatch
from glossar.terms.recognise import TermRecognizer, find_terms, recognizer_for
from glossar.terms.split_verbs import split_part

__all__ = [
    "TermMatch",
    "TermRecognizer",
    "compiled_speedups",
    "find_terms",
    "recognizer_for",
    "split_part",
]


def compiled_speedups() -> bool:
    """Does term recognition run the compiled speedups (``hatch_build.py``)? False in a
    pure-Python install (editable, no compiler, ``GLOSSAR_PURE_PYTHON=1``): same terms,
    slower. Benches and CI say which one they measured."""
    return not (_candidates.__file__ or "").endswith(".py")
