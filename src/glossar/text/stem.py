"""Query-side German de-inflection for lookup: fold a word and strip its endings.

Lookup has one word or phrase and must find the dictionary form it comes from
(``Ausnahmezustandes`` → Ausnahmezustand, ``Einmärschen`` → Einmarsch,
``verfassungsmäßigen Ordnung`` → verfassungsmäßige Ordnung). Both the glossary side and
the query side are reduced with the same rules, so they meet on a common key; the rules
are deliberately conservative (a stem keeps at least four letters) so that ``Gasse``
never meets ``Gas``. Term recognition in running text uses generated forms instead
(:mod:`glossar.text.morphology`), where precision matters more.
"""

from __future__ import annotations

import re
from itertools import product

from glossar.text.fold import fold_key

#: noun and adjective endings, longest first.
_ENDINGS = ("ern", "ens", "en", "er", "es", "em", "ns", "e", "n", "s")
_MIN_STEM = 4
_MAX_KEYS = 64
#: the last umlaut spelling of a word (no vowel after it): Einmärsche → Einmarsche.
_LAST_UMLAUT = re.compile(r"(aeu|ae|oe|ue)(?=[^aeiouy]*$)")
_PLAIN = {"aeu": "au", "ae": "a", "oe": "o", "ue": "u"}


def _word_stems(word: str) -> set[str]:
    stems = {word}
    size = len(word)
    for ending in _ENDINGS:
        if size - len(ending) >= _MIN_STEM and word.endswith(ending):
            stems.add(word[: -len(ending)])
    for stem in tuple(stems):
        if stem.endswith("niss"):  # Bündnisse → Bündnis
            stems.add(stem[:-1])
        umlaut = _LAST_UMLAUT.search(stem)
        if umlaut and umlaut.start():
            stems.add(stem[: umlaut.start()] + _PLAIN[umlaut.group(1)] + stem[umlaut.end() :])
    return stems


def german_stem_keys(term: str) -> set[str]:
    """Folded keys for ``term`` with each word's inflectional ending stripped (at most 64)."""
    words = fold_key(term).split(" ")
    if len(words) == 1:
        return _word_stems(words[0])
    options = [sorted(_word_stems(w)) for w in words]
    keys: set[str] = set()
    for combo in product(*options):
        keys.add(" ".join(combo))
        if len(keys) >= _MAX_KEYS:
            break
    return keys
