"""glossar: German→English news translation, offline, with an enforceable glossary.

The public API is small and imported lazily: ``import glossar`` loads nothing heavy, and
looking a term up never loads the MT stack.

>>> import glossar
>>> g = glossar.load_glossary()
>>> [r.entry.en for r in glossar.lookup(g, "Ausnahmezustandes")]
['state of emergency']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name → module that defines it (imported on first attribute access).
_EXPORTS: dict[str, str] = {
    # glossary
    "Entry": "glossar.glossary.model",
    "Glossary": "glossar.glossary.model",
    "GlossaryInfo": "glossar.glossary.model",
    "load_glossary": "glossar.glossary.load",
    "load_glossary_file": "glossar.glossary.load",
    "validate_paths": "glossar.glossary.load",
    "lookup": "glossar.glossary.lookup",
    "LookupResult": "glossar.glossary.lookup",
    # terms
    "find_terms": "glossar.terms.recognise",
    "TermRecognizer": "glossar.terms.recognise",
    "TermMatch": "glossar.terms.match",
    # text
    "split_sentences": "glossar.text.segment",
    # translation
    "translate_text": "glossar.mt",
    "Translation": "glossar.mt",
    # bilingual documents
    "load_bundled_article": "glossar.bilingual",
    "document_from_text": "glossar.bilingual",
    "pair_document": "glossar.bilingual",
    "render_document": "glossar.bilingual.render",
    # quality
    "check_translation": "glossar.qa.check",
    # interchange
    "export_glossary": "glossar.glossary.formats.registry",
    "import_glossary": "glossar.glossary.formats.registry",
    # errors
    "GlossarError": "glossar.errors",
    "BadInputError": "glossar.errors",
    "GlossaryError": "glossar.errors",
    "NoModelError": "glossar.errors",
}

__all__ = [
    "BadInputError",
    "Entry",
    "GlossarError",
    "Glossary",
    "GlossaryError",
    "GlossaryInfo",
    "LookupResult",
    "NoModelError",
    "TermMatch",
    "TermRecognizer",
    "Translation",
    "check_translation",
    "document_from_text",
    "export_glossary",
    "find_terms",
    "import_glossary",
    "load_bundled_article",
    "load_glossary",
    "load_glossary_file",
    "lookup",
    "pair_document",
    "render_document",
    "split_sentences",
    "translate_text",
    "validate_paths",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from glossar.bilingual import document_from_text, load_bundled_article, pair_document
    from glossar.errors import BadInputError, GlossarError, GlossaryError, NoModelError
    from glossar.glossary.formats.registry import export_glossary, import_glossary
    from glossar.glossary.load import load_glossary, load_glossary_file, validate_paths
    from glossar.glossary.lookup import LookupResult, lookup
    from glossar.glossary.model import Entry, Glossary, GlossaryInfo
    from glossar.mt import Translation, translate_text
    from glossar.qa.check import check_translation
    from glossar.terms.match import TermMatch
    from glossar.terms.recognise import TermRecognizer, find_terms
    from glossar.text.segment import split_sentences


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'glossar' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
