"""German adjectives: stem + ``-e/-en/-er/-es/-em``."""

from __future__ import annotations

from glossar.text.morphology.paradigm import Paradigm, add_form

ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


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


def adjective_forms(word: str, *, attributive: bool = False) -> list[str]:
    """The forms of an adjective: stem + ``-e/-en/-er/-es/-em`` (and the bare stem unless
    ``attributive``: before a noun German always inflects)."""
    stem = adjective_stem(word)
    out = [word]
    for ending in ADJECTIVE_ENDINGS[1:] if attributive else ADJECTIVE_ENDINGS:
        form = stem + ending
        if form not in out:
            out.append(form)
    return out


def adjective_paradigm(word: str, *, attributive: bool = False) -> Paradigm:
    """Stem + ``-e/-en/-er/-es/-em`` (and the bare stem unless ``attributive``)."""
    stem = adjective_stem(word)
    par: Paradigm = {stem: set(ADJECTIVE_ENDINGS[1:] if attributive else ADJECTIVE_ENDINGS)}
    add_form(par, word)
    return par
