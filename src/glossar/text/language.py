"""German or English? Cheap evidence from function words, for texts that should be English.

The quality check flags a translation that is still German; enforcement refuses a retry
that made its output more German than the model's first attempt. Both count the same
evidence: frequent function words of each language, plus lower-case words with ä/ö/ü/ß.
"""

from __future__ import annotations

import re

__all__ = [
    "ENGLISH_STOPWORDS",
    "copied_german_words",
    "GERMAN_STOPWORDS",
    "german_share",
    "language_evidence",
    "looks_german",
    "more_german",
]

#: Frequent German function words that are not also common English words.
_GERMAN_FUNCTION_WORDS = (
    "der die das dem den des und nicht ist sind mit sich auch ein eine einen einem einer "
    "eines zu zum zur von vom im für auf aus bei nach über unter gegen durch wird werden "
    "wurde wurden hat haben hatte hatten sei seien kann soll wie oder aber noch nur "
    "dass daß sie er es wir ihr ihre ihren sein seine seinen seiner vor als schon sehr "
    "mehr doch nun hier dort jetzt diese dieser dieses diesen keine kein ob weil wenn "
    "damit etwa bereits immer wieder allerdings zwischen seit bis um"
)
GERMAN_STOPWORDS = frozenset(_GERMAN_FUNCTION_WORDS.split())
_ENGLISH_FUNCTION_WORDS = (
    "the and of to is are was were with for on that this it be has have had not by from "
    "as at an a which who whom but or its their they he she his her them will would been "
    "after into than there about these those what when where while more also"
)
ENGLISH_STOPWORDS = frozenset(_ENGLISH_FUNCTION_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+")
_GERMAN_LETTERS = re.compile(r"[äöüß]")


def language_evidence(text: str) -> tuple[int, int, int]:
    """(German hits, English hits, words): stopwords, plus lower-case words with ä/ö/ü/ß.

    Capitalised words with umlauts are not evidence: they are often names (Düsseldorf).
    """
    words = _WORD.findall(text)
    de = en = 0
    for w in words:
        lw = w.lower()
        if lw in GERMAN_STOPWORDS or (w == lw and _GERMAN_LETTERS.search(w)):
            de += 1
        elif lw in ENGLISH_STOPWORDS:
            en += 1
    return de, en, len(words)


def looks_german(text: str) -> bool:
    """Whether ``text`` reads as German rather than English.

    Needs at least four words, two German function words and more than twice the English
    ones, so names, headlines of names and English sentences quoting a German title pass.
    """
    de, en, words = language_evidence(text)
    return words >= 4 and de >= 2 and de > 2 * en and de / words >= 0.15


def german_share(text: str) -> float:
    """German evidence per word (0.0 for a text without words)."""
    de, _, words = language_evidence(text)
    return de / words if words else 0.0


def more_german(candidate: str, baseline: str) -> bool:
    """Whether ``candidate`` reads as more German than ``baseline``.

    True when it turned German where the baseline was not, or when it has more German
    evidence and a share of it larger by more than a tenth: one "die" more in a short
    English sentence is not a language change, a sentence copied back in German is.
    """
    if looks_german(candidate) and not looks_german(baseline):
        return True
    de_c, _, _ = language_evidence(candidate)
    de_b, _, _ = language_evidence(baseline)
    return de_c > de_b and german_share(candidate) > german_share(baseline) + 0.1


def _known_english(word: str) -> bool:
    import simplemma  # lazy: its English word list loads on first use

    return bool(simplemma.is_known(word, lang="en"))


def copied_german_words(source: str, target: str) -> list[str]:
    """Lower-case words of the German ``source`` that stand unchanged in the English
    ``target`` and are not English words: what a translation left in German.

    German nouns and names are capitalised, so they never count (a name kept as it is
    is no fault); words that both languages spell alike (``global``, ``national``) are
    known English words and do not count either, nor do words German does not know: a
    quoted foreign name kept as it is ("Andes de tipo andino").
    """
    source_words = {
        w
        for w in _WORD.findall(source)
        if w.islower() and (len(w) >= 4 or w in GERMAN_STOPWORDS)  # not dpa, aka
    }
    if not source_words:
        return []
    copied: list[str] = []
    for word in _WORD.findall(target):
        if (
            word in source_words
            and word not in copied
            and word not in ENGLISH_STOPWORDS
            and (word in GERMAN_STOPWORDS or not _known_english(word))
        ):
            copied.append(word)
    if copied:
        from glossar.text.morphology.words import is_german_word

        copied = [w for w in copied if _german_looking(w) or is_german_word(w)]
    return copied


#: Endings that make a word German whether or not the word list knows it (inflected
#: compounds: gewaltbereite, regierungskritische, niederösterreichische).
_GERMAN_ENDINGS = re.compile(
    r"(?:isch|lich|ung|keit|heit|schaft|ier|bar|haft|los|reich)(?:e|en|er|es|em|s)?$"
    r"|(?:ige|igen|iger|iges|igem|ete|eten|eter|etes|te|ten|tes)$"
)


def _german_looking(word: str) -> bool:
    """A stopword, a word with ä, ö, ü or ß, or one with a German adjective or noun ending."""
    return (
        word in GERMAN_STOPWORDS
        or any(c in word for c in "äöüß")
        or _GERMAN_ENDINGS.search(word) is not None
    )
