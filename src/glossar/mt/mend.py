"""Mending the English around a glossary term put into a translation.

Enforcement (:mod:`glossar.mt.enforce`, :mod:`glossar.mt.placeholder`) and constrained
decoding (:mod:`glossar.mt.constrain`) all swap or insert a term into English the
model wrote for another word. After each edit the English is mended: ``a``/``an``
before the term, a capital at the start of the sentence, a plural when the German form
was plural.
"""

from __future__ import annotations

import re

from glossar.terms.match import TermMatch
from glossar.text.english import IRREGULAR_PLURALS

__all__ = ["indefinite_article", "pluralise"]

_SENTENCE_START = re.compile(r"(^|[.!?:]\s+)[\"'„“‚‘«»(\[]*\s*$")

_AN_EXCEPTIONS = ("eu", "uni", "use", "usu", "one", "once", "ur")
_AN_LETTERS = set("AEFHILMNORSX")  # letters whose name starts with a vowel sound


def indefinite_article(term: str) -> str:
    """``a`` or ``an`` for ``term`` (spelling heuristics; acronyms by letter name)."""
    word = term.split()[0] if term.split() else term
    if len(word) > 1 and word.isupper():
        return "an" if word[0] in _AN_LETTERS else "a"
    low = word.lower()
    if low.startswith(("hour", "honest", "honour", "heir")):
        return "an"
    if low.startswith(_AN_EXCEPTIONS):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


_INVARIANT = frozenset(
    [
        "aircraft",
        "spacecraft",
        "personnel",
        "equipment",
        "information",
        "unrest",
        "police",
        "news",
        "media",
        "evidence",
        "support",
        "power",
        "sheep",
        "series",
        "species",
        "offspring",
    ]
)


_MAN_S = frozenset(["human", "german", "roman", "shaman", "talisman", "ottoman", "caiman"])


def pluralise(term: str) -> str:
    """English plural of ``term``'s head noun (regular rules; ``X of Y`` pluralises X)."""
    if " of " in term:
        first, _, rest = term.partition(" of ")
        return f"{pluralise(first)} of {rest}"
    head, _, last = term.rpartition(" ")
    if last.lower() in _INVARIANT or (last.isupper() and len(last) > 1):
        return term
    irregular = IRREGULAR_PLURALS.get(last.lower())
    if irregular is None and last.lower().endswith("man") and last.lower() not in _MAN_S:
        irregular = last.lower()[:-3] + "men"  # policeman, chairman
    if irregular is not None:
        last = last[:1] + irregular[1:]
        return f"{head} {last}" if head else last
    if last.endswith("s") and not last.endswith(("ss", "us", "is", "as", "os")):
        return term  # already plural ("riots", "ground troops")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


def _german_is_plural(match: TermMatch, rendering: str) -> bool:
    entry = match.entry
    if entry.kind != "term" or match.variant == "abbr" or entry.pos != "noun":
        return False
    surface = match.text.casefold()
    if entry.plural and entry.plural.casefold() != entry.de.casefold():
        plural = entry.plural.casefold()
        if surface in (plural, plural + "n"):
            return True
    last = rendering.split()[-1] if rendering.split() else ""
    return (
        last.endswith("s")
        and not last.endswith("ss")
        and rendering.casefold() != surface
        and rendering.isascii()
        and surface != entry.de.casefold()
        and not (entry.genitive and surface == entry.genitive.casefold())
    )


def _capitalise(term: str) -> str:
    return term[:1].upper() + term[1:]


def _put(text: str, start: int, end: int, term: str, plural: bool = False) -> tuple[str, int, int]:
    """Replace ``text[start:end]`` by ``term`` and mend article and capital letter.

    ``plural``: the term was made plural, so an ``a``/``an`` before it goes.
    """
    before, after = text[:start], text[end:]
    art = re.search(r"(?<![\w])(an?|An?|AN?)(\s+)$", before)
    if art and plural:
        capital = art.group(1)[0].isupper()
        before = before[: art.start(1)]
        if capital:
            term = _capitalise(term)
        art = None
    if _SENTENCE_START.search(before):
        term = _capitalise(term)
    if art:
        wanted = indefinite_article(term)
        old = art.group(1)
        new = wanted if old.islower() else _capitalise(wanted)
        if old.isupper() and len(old) > 1:
            new = wanted.upper()
        before = before[: art.start(1)] + new + art.group(2)
    if before and not before[-1].isspace() and before[-1] not in "„“\"'(«‚‘-/":
        before += " "
    if after and not after[0].isspace() and after[0] not in ".,;:!?)»“”\"'’-/":
        term += " "
    return before + term + after, len(before), len(before) + len(term)


def _plural_if(match: TermMatch, rendering: str, english: str) -> str:
    return pluralise(english) if _german_is_plural(match, rendering) else english
