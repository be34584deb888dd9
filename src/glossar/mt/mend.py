"""Mending the English around a glossary term put into a translation.

Enforcement (:mod:`glossar.mt.enforce`, :mod:`glossar.mt.placeholder`) and constrained
decoding (:mod:`glossar.mt.constrain`) all swap or insert a term into English the
model wrote for another word. After each edit the English is mended: ``a``/``an``
before the term, a capital at the start of the sentence, a plural when the German form
was plural, a verb's tense (is escalated, undermined, escalates).
"""

from __future__ import annotations

import re

from glossar.terms.match import TermMatch
from glossar.text.english import IRREGULAR_PLURALS
from glossar.text.english_verbs import english_verb_form
from glossar.text.verbs import german_verb_form

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


def _plural_if(match: TermMatch, rendering: str, english: str, before: str = "") -> str:
    """``english`` in the form the German shows: a noun's plural, a verb's tense
    (:func:`verb_form`); ``before`` is the English before the slot, where known."""
    if match.entry.pos == "verb" and match.variant != "abbr":
        return english_verb_form(english, verb_form(match, before, rendering))
    return pluralise(english) if _german_is_plural(match, rendering) else english


#: English words after which a verb is a past participle ("is escalated", "has
#: undermined", "being intervened") or stays in its base form ("to reject", "will").
_BE = frozenset(["am", "is", "are", "was", "were", "be", "been", "'s", "'re", "'m"])
_PARTICIPLE_AFTER = _BE | frozenset(["being", "has", "have", "had", "having", "'ve", "'d"])
_PARTICIPLE_AFTER |= frozenset(["get", "gets", "got"])
_BASE_AFTER = frozenset(
    ["to", "will", "would", "can", "could", "shall", "should", "may", "might", "must"]
    + ["do", "does", "did", "cannot", "let", "'ll", "wo", "ca", "sha"]  # wo(n't), ca(n't)
)
#: Words looked past to the auxiliary ("has not yet intervened").
_LOOK_PAST = frozenset(
    ["not", "also", "already", "now", "then", "never", "just", "still", "even", "again"]
    + ["yet", "first", "finally", "reportedly", "allegedly", "only"]
    + ["a", "an"]  # a model's noun slot ("to be a reject"): the article goes
)
#: Words and contraction suffixes, after "n't" is written " not" (didn't: did not).
_ENGLISH_WORD = re.compile(r"'[a-z]+|[A-Za-z]+")
_NOT = re.compile(r"n['’]t\b", re.IGNORECASE)


def verb_form(match: TermMatch, before: str = "", rendering: str = "") -> str:
    """The English form for a verb found as ``match``: the model's own -ing form stays
    ("is stepping in" → "is intervening"); the auxiliary before the slot decides where
    there is one (is → participle, to → base), else the German form (zurückgewiesen:
    participle, untergrub: past, eskaliert: third person)."""
    ing = rendering.split()[0].lower().endswith("ing") if rendering.split() else False
    text = _NOT.sub(" not", before[-80:]).replace("’", "'")
    for word in reversed(_ENGLISH_WORD.findall(text)):
        low = word.lower()
        if low in _LOOK_PAST:
            continue
        if low in _BASE_AFTER:
            return "base"
        if ing:
            return "ing"
        if low in _PARTICIPLE_AFTER:
            return "participle"
        break
    if ing:
        return "ing"
    german = german_verb_form(match.entry, match.text)
    if "past" in german:
        return "past"
    if "participle" in german and "third" not in german:
        return "participle"
    if "third" in german:
        return "third"
    return "base"
