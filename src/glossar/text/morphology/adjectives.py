"""German adjectives: stem + ``-e/-en/-er/-es/-em``.

Two kinds of input: a headword as a dictionary gives it (``sicher``, ``offen``,
``dunkel``: the predicative form, which is the stem) and an adjective written inflected
before a noun in a phrase (``verfassungsmäßige Ordnung``, ``Kalter Krieg``: the ending
is taken off). Taking an ending off a headword was wrong: ``sicher`` gave ``sich``,
``bitter`` gave ``bitten`` and ``extrem`` lost ``extreme``.
"""

from __future__ import annotations

from glossar.text.morphology.paradigm import Paradigm, add_form, expand

ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")

#: Suffixes that make German adjectives (a word ending so, plus an ending, is inflected).
ADJECTIVE_SUFFIXES = (
    "ig", "lich", "isch", "bar", "sam", "los", "haft", "voll", "mäßig", "ell", "iv", "al",
    "är", "ös", "ent", "ant",
)  # fmt: skip


def adjective_stem(word: str) -> str:
    """``verfassungsmäßige`` → ``verfassungsmäßig``; ``Kalter`` → ``Kalt``.

    A word without an ending (``postsowjetisch``) stays as it is.
    """
    lw = word.lower()
    for ending in ("en", "em", "er", "es"):
        if lw.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    if lw.endswith("e") and len(word) > 4:
        return word[:-1]
    return word


def lemma_paradigm(lemma: str) -> Paradigm:
    """The forms of an adjective given as a dictionary does (``sicher``, ``offen``): the
    headword itself + ``-e/-en/-er/-es/-em``; a final ``-e`` is the stem's (``leise``);
    ``-el`` drops its ``e`` before an ending (``dunkel``: ``dunkle``), as ``-er`` after a
    diphthong may (``teuer``: ``teure`` and ``teuere``); ``hoch`` inflects as ``hoh-``."""
    low = lemma.lower()
    if _written_inflected(low):  # verfassungsmäßige, kasachischen: the ending comes off
        return {adjective_stem(lemma): set(ADJECTIVE_ENDINGS)}
    if low.endswith(("erer", "eren", "erem", "eres")) and len(lemma) > 6:
        # weiterer: a comparative written inflected (not "weiter", which is the adverb)
        return {lemma[:-2]: set(ADJECTIVE_ENDINGS[1:])}
    if low.endswith("e") and len(lemma) > 3:  # alleine: allein too, not lose: los
        stem = lemma[:-1]
        return {stem: set(ADJECTIVE_ENDINGS if len(stem) >= 4 else ADJECTIVE_ENDINGS[1:])}
    par: Paradigm = {lemma: set(ADJECTIVE_ENDINGS)}
    if low.endswith("el") and len(lemma) > 4 or low.endswith(("auer", "euer")):
        par[lemma[:-2] + lemma[-1]] = set(ADJECTIVE_ENDINGS[1:])
    elif low.endswith("hoch"):  # haushoch: haushohe
        par = {lemma: {""}, lemma[:-2] + "h": set(ADJECTIVE_ENDINGS[1:])}
    return par


def _written_inflected(low: str) -> bool:
    """Is ``low`` an inflected form (an adjective suffix, then an ending), not a headword?"""
    for ending in ("en", "em", "er", "es", "e"):
        if low.endswith(ending):
            stem = low[: -len(ending)]
            return len(stem) >= 5 and stem.endswith(ADJECTIVE_SUFFIXES)
    return False


def adjective_forms(word: str, *, attributive: bool = False) -> list[str]:
    """The forms of an adjective: stem + ``-e/-en/-er/-es/-em``. ``attributive``: ``word``
    is written inflected before a noun (its ending is taken off, and the bare stem is no
    form there: before a noun German always inflects); else it is a headword."""
    return [
        word,
        *(f for f in expand(adjective_paradigm(word, attributive=attributive)) if f != word),
    ]


def adjective_paradigm(word: str, *, attributive: bool = False) -> Paradigm:
    """Stem + ``-e/-en/-er/-es/-em``: of a headword (:func:`lemma_paradigm`), or of an
    adjective written inflected before a noun (``attributive``)."""
    if not attributive:
        par = lemma_paradigm(word)
    else:
        par = {adjective_stem(word): set(ADJECTIVE_ENDINGS[1:])}
    add_form(par, word)
    return par
