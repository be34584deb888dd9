"""Is a piece of a German word a word? Compound plausibility for term recognition.

A term inside a closed compound needs German words around it: what follows it must
continue the compound (``Flüssiggas|preise``, not ``Gas|se``) and what precedes it must
begin one (``Unterstützungs|mission``, not ``Trans|mission``). The German word list is
simplemma's dictionary (:func:`glossar.text.morphology.is_german_word`), asked only after
cheap filters: a minimum length, German word onsets, derivational suffixes and prefixes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossar.text.morphology import LINKING_ELEMENTS, is_german_word

#: Three-letter nouns that may continue a compound (the usual minimum is four letters).
SHORT_WORDS = frozenset(
    ["amt", "hof", "rat", "zug", "weg", "ort", "bau", "tag", "tor", "gut", "rad", "bad"]
    + ["bus", "eis", "arm", "akt", "tee", "see", "öl"]
)
LETTERS = re.compile(r"[^\W\d_]*")
#: Letters looked at before or after a key inside one word: longer "words" are not German
#: compounds, and the bound keeps a pathological input (one endless word) linear.
MAX_REST = 60
#: Derivational suffixes that are also words (Land|schaft is not Land + Schaft).
DERIVATION = re.compile(
    r"(?:schaft|haft|bar|ling|lein|tum|nis|sam|lich|isch|los|ler|ner|erei|ei|ig"
    r"|ant|ent|ist|ismus|ion|iv|or|al|ell|ik|ur|eur|ier)(?:e|en|er|es|em|s|n|in|innen|ern|nen)?"
)
#: Prefixes that are words in the dictionary but do not begin a compound (Trans|mission).
PREFIXES = frozenset(
    ["trans", "inter", "super", "sub", "prä", "pro", "anti", "kontra", "re", "de", "dis", "ko"]
    + ["kom", "kon", "per", "ver", "ent", "zer", "emp", "miss", "un", "ur", "be", "ge", "er"]
    + ["ex", "in", "im", "post", "mini", "maxi", "multi", "ultra", "hyper", "neo", "non"]
)
#: Onsets no German word starts with (cheap filter before the dictionary).
BAD_ONSET = re.compile(
    r"^(?:[bcdfghjklmnpqrtvwxz](?![aeiouyäöühlrnwjsf])|s(?![aeiouyäöühcptlkmnwz]))"
)


def word_start(folded: str, s: int) -> int:
    """Where the word containing ``s`` starts, or -1 beyond ``MAX_REST`` letters back."""
    i = s
    stop = max(0, s - MAX_REST)
    while i > stop and folded[i - 1].isalpha():
        i -= 1
    if i == stop and i > 0 and folded[i - 1].isalpha():
        return -1
    return i


@lru_cache(maxsize=65536)
def is_word(word: str) -> bool:
    """A German word of at least three letters (any inflected form)."""
    if len(word) < 3:
        return False
    if len(word) == 3 and word.lower() not in SHORT_WORDS:
        return False
    return is_german_word(word[:1].upper() + word[1:].lower()) or is_german_word(word.lower())


@lru_cache(maxsize=65536)
def plausible_rest(rest: str) -> bool:
    """Can ``rest`` (what follows a term inside one word) continue a compound?

    After an optional linking element it must start with a German word of ≥ 4 letters
    (a few three-letter nouns too) that covers it, up to an ending or a second word:
    ``preise`` yes; ``tgeber`` (Gast|geber), ``se`` (Gas|se), ``tronomie`` no.
    """
    return _plausible(rest, LINKING_ELEMENTS)


#: The linking elements but -er, a plural's (Kind|er|garten; not Besuch|er|tunnel).
_NOT_ER = tuple(link for link in LINKING_ELEMENTS if link != "er")


@lru_cache(maxsize=4096)
def only_through_er(rest: str) -> bool:
    """Does ``rest`` continue a compound only after a linking -er (Besuch|ertunnel:
    Besucher + Tunnel)? That -er is a plural's (Kinder|garten, Männer|chor), which
    feminine nouns and most masculine ones never take: after them the word is another
    one, an agent noun (Besucher, Arbeiter)."""
    return rest[:2].lower() == "er" and not _plausible(rest, _NOT_ER)


def _plausible(rest: str, links: tuple[str, ...]) -> bool:
    low = rest.lower()
    if DERIVATION.fullmatch(low):
        return False
    for link in links:
        if not low.startswith(link):
            continue
        r = rest[len(link) :]
        if len(r) < 3 or BAD_ONSET.match(r.lower()):
            continue
        if is_word(r):
            return True
        for i in range(len(r) - 1, 2, -1):
            head, tail = r[:i], r[i:]
            if is_word(head) and (len(tail) <= 2 or is_word(tail) or is_word_after_link(tail)):
                return True
    return False


def is_word_after_link(tail: str) -> bool:
    low = tail.lower()
    return any(low.startswith(link) and is_word(tail[len(link) :]) for link in LINKING_ELEMENTS[1:])


@lru_cache(maxsize=65536)
def plausible_left(left: str) -> bool:
    """Can ``left`` (what precedes a term inside one word) begin a compound?

    It must be a German word of ≥ 3 letters, possibly with a linking element
    (``Unterstützungs`` → Unterstützung) or a dropped final ``-e`` (``Erd`` → Erde).
    """
    if left.lower() == "ex":  # Ex|präsident (Ex-Präsident is hyphenated anyway)
        return True
    if len(left) < 3 or not left.isalpha() or left.lower() in PREFIXES:
        return False
    if is_word(left) or is_word(left + "e"):
        return True
    low = left.lower()
    for link in LINKING_ELEMENTS[1:]:
        if low.endswith(link) and len(left) - len(link) >= 3 and is_word(left[: -len(link)]):
            return True
    return False
