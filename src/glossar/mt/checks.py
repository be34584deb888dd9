"""What glossary enforcement reports per term, and how it is told which terms a sentence has.

:class:`TermCheck` is read far from the MT layer (pairing, every renderer) and built by
each enforcement step (:mod:`glossar.mt.enforce`, :mod:`glossar.mt.placeholder`), so it
lives in a module that imports nothing of either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from glossar.glossary.model import Glossary
from glossar.terms.match import TermMatch

__all__ = ["Recogniser", "TermCheck", "default_recogniser"]

Recogniser = Callable[[str, Glossary], list[TermMatch]]


@dataclass(frozen=True, slots=True)
class TermCheck:
    """One glossary entry in one segment: is its English in the translation?

    ``method`` says how it got there (``model``: the model wrote it; ``constrained``,
    ``replaced``, ``aligned``, ``placeholder``, ``inserted``: glossary enforcement put it
    there) or ``missing``; the contract's optional ``method`` field.
    """

    id: str
    de: str
    en: str
    found: bool
    method: str = "model"

    def to_dict(self) -> dict[str, object]:
        """The contract's term object in ``translate --json``: ``method`` says whether the
        model wrote the English or glossar put it there (honest output)."""
        return {
            "id": self.id,
            "de": self.de,
            "en": self.en,
            "found": self.found,
            "method": self.method,
        }


def default_recogniser() -> Recogniser:
    """``glossar.terms.recognise.find_terms`` (imported on first use)."""
    from glossar.terms.recognise import find_terms

    return find_terms
