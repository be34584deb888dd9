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

from itertools import product

from glossar.text.fold import fold_key

#: noun and adjective endings, longest first.
_ENDINGS = ("ern", "ens", "en", "er", "es", "em", "ns", "e", "n", "s")
_UNUMLAUT = (("aeu", "au"), ("ae", "a"), ("oe", "o"), ("ue", "u"))
_MIN_STEM = 4
_MAX_KEYS = 64


def _word_stems(word: str) -> set[str]:
    stems = {word}
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            stems.add(word[: -len(ending)])
    for stem in list(stems):
        if stem.endswith("niss"):  # Bündnisse → Bündnis
            stems.add(stem[:-1])
        for umlaut, plain in _UNUMLAUT:  # Einmärsche → Einmarsch: only the last vowel
            pos = stem.rfind(umlaut)
            if pos > 0 and not any(v in stem[pos + len(umlaut) :] for v in "aeiou"):
                stems.add(stem[:pos] + plain + stem[pos + len(umlaut) :])
    return stems


def german_stem_keys(term: str) -> set[str]:
    """Folded keys for ``term`` with each word's inflectional ending stripped (at most 64)."""
    words = fold_key(term).split(" ")
    options = [sorted(_word_stems(w)) for w in words]
    keys: set[str] = set()
    for combo in product(*options):
        keys.add(" ".join(combo))
        if len(keys) >= _MAX_KEYS:
            break
    return keys
