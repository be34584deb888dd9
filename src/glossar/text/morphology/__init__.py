"""German inflection for term recognition: the forms a glossary term takes in running text.

Regular rules only, deliberately generous: a recogniser that also knows a form German
never uses loses nothing, one that misses ``des Militärbündnisses`` fails the reader.
Irregular forms come from the glossary entry (``plural``, ``genitive``, ``forms``).

Nouns inflect by gender (genitive ``-s``/``-es``, weak ``-n``/``-en``, plurals with and
without umlaut, dative plural ``-n``); adjectives take ``-e/-en/-er/-es/-em``; a phrase
inflects its adjective(s) and head noun and keeps the rest (``Organisation des Vertrags
über kollektive Sicherheit`` inflects only ``Organisation``).

One module per concern: :mod:`.paradigm` (stems and endings), :mod:`.nouns`,
:mod:`.adjectives`, :mod:`.phrases` (multi-word terms), :mod:`.inflect` (the entry point
by part of speech) and :mod:`.words` (the German word list that judges compound parts).
This package only re-exports.
"""

from glossar.text.morphology.adjectives import (
    ADJECTIVE_ENDINGS,
    adjective_forms,
    adjective_paradigm,
    adjective_stem,
)
from glossar.text.morphology.inflect import inflected_forms, inflected_paradigm
from glossar.text.morphology.nouns import LINKING_ELEMENTS, noun_forms, noun_paradigm, umlauted
from glossar.text.morphology.paradigm import MAX_ENDING, Paradigm, add_form, expand
from glossar.text.morphology.phrases import (
    PhraseParts,
    phrase_forms,
    phrase_head,
    phrase_paradigm,
    phrase_parts,
    proper_like,
)
from glossar.text.morphology.words import ENV_CACHE_DIR, is_german_word, word_index_path

__all__ = [
    "ADJECTIVE_ENDINGS",
    "ENV_CACHE_DIR",
    "LINKING_ELEMENTS",
    "MAX_ENDING",
    "Paradigm",
    "PhraseParts",
    "add_form",
    "adjective_forms",
    "adjective_paradigm",
    "adjective_stem",
    "expand",
    "inflected_forms",
    "inflected_paradigm",
    "is_german_word",
    "noun_forms",
    "noun_paradigm",
    "phrase_forms",
    "phrase_head",
    "phrase_parts",
    "phrase_paradigm",
    "proper_like",
    "umlauted",
    "word_index_path",
]
