"""Words of their own: what a German lexicon knows as a whole.

A glossary term inside such a word is not the term (Deutsch|land, Volks|wagen): the
recogniser asks this module before it reports a part of a closed compound. Three
sources: simplemma's German word list (:func:`glossar.text.morphology.is_german_word`),
Babel's German names of territories and languages, and a curated list of names
(``data/names.txt``). Names are never split; simplemma's words are, where the entry's
compound policy says so.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from glossar.text.fold import fold_key
from glossar.text.morphology import is_german_word
from glossar.text.morphology.words import exact_word

_NAMES_FILE = Path(__file__).with_name("data") / "names.txt"
#: Babel's German territory and language names, folded (``scripts/build_name_list.py``:
#: reading them from Babel cost ~0.1 s of every process).
_BABEL_NAMES_FILE = Path(__file__).with_name("data") / "babel-names-de.txt"


@lru_cache(maxsize=1)
def name_keys() -> frozenset[str]:
    """Folded one-word names: Babel's German territory and language names, the list."""
    keys: set[str] = set()
    for line in _BABEL_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            keys.add(line)
    keys.update(map(fold_key, _listed_words(_NAMES_FILE)))
    return frozenset(keys)


def _listed_words(path: Path) -> list[str]:
    """The words of one of ``data/``'s lists: one a line, ``#`` starts a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w for line in lines if (w := line.split("#", 1)[0].strip())]


@lru_cache(maxsize=65536)
def is_name(word: str) -> bool:
    """Is ``word`` (any case) a name of a territory, language, person or place we list?

    Inflected forms count too: a genitive ``-s`` or a plural/dative ending is stripped.
    """
    key = fold_key(word)
    names = name_keys()
    if key in names:
        return True
    for ending in ("s", "es", "n", "en", "e"):
        if key.endswith(ending) and key[: -len(ending)] in names:
            return True
    return False


@lru_cache(maxsize=65536)
def is_known_word(word: str) -> bool:
    """Does the German lexicon know ``word`` as a whole (any inflected form)?"""
    if len(word) < 4:
        return False
    return is_german_word(word) or is_german_word(word[:1].upper() + word[1:].lower())


@lru_cache(maxsize=65536)
def is_lower_word(word: str) -> bool:
    """Does the lexicon know ``word`` exactly in lower case (a verb or adjective form:
    ``macht``, ``vereinte``), not only as a capitalised noun?"""
    return bool(word) and word.islower() and exact_word(word)


@lru_cache(maxsize=65536)
def is_capital_word(word: str) -> bool:
    """Does the lexicon know ``word`` exactly as written with a capital (a noun: ``Arm``,
    ``Morgen``), not only in lower case (``heute``, ``neu``)?"""
    word = unicodedata.normalize("NFC", word)
    return bool(word) and word[:1].isupper() and exact_word(word)
