"""Mending the English around a glossary term put into a translation.

Enforcement (:mod:`glossar.mt.enforce`, :mod:`glossar.mt.placeholder`) and constrained
decoding (:mod:`glossar.mt.constrain`) all swap or insert a term into English the
model wrote for another word. After each edit the English is mended: ``a``/``an``
before the term, a capital at the start of the sentence, a plural when the German form
was plural, a verb's tense (is escalated, undermined, escalates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from glossar.mt.determiners import COMPASS_BEFORE, needs_the, past_no_determiner, with_the
from glossar.mt.german_number import (
    TITLES,
    german_plural,
    name_follows,
    singular_subject_before_verb,
    subject_before_verb,
)
from glossar.mt.verb_slots import (
    PREPOSITIONS_EN,
    finite_slot_start,
    last_clause,
    verb_form,
)
from glossar.terms.match import TermMatch
from glossar.text.english import IRREGULAR_PLURALS, MAN_PLURAL_S
from glossar.text.english_verbs import english_verb_form
from glossar.text.verbs import verb_idiom

__all__ = [
    "indefinite_article",
    "plural_in_german",
    "pluralise",
    "put_term",
    "slot_term",
    "subject_before_verb",
    "term_in_form",
]

_SENTENCE_START = re.compile(r"(^|[.!?:]\s+)[\"'„“‚‘«»(\[]*\s*$")

#: Words spelled with a vowel that sound like "you" or "won" (a union, a one-off); not
#: the prefix un- (an unidentified gunman) nor ur- (an urban area).
_AN_EXCEPTIONS = (
    "eu", "union", "unit", "univers", "uniq", "uniform", "unilat", "unison", "unan", "use",
    "usu", "usa", "uran", "urin", "urug", "one", "once",
    "ukrain", "ural", "util", "utop", "usur", "ubiq",  # a Ukrainian, a Ural, a utility
)  # fmt: skip
_AN_LETTERS = set("AEFHILMNORSX")  # letters whose name starts with a vowel sound


def _spoken_as_a_word(acronym: str) -> bool:
    """Is an acronym read as a word (NATO, NASA, OPEC: consonants and vowels take turns)
    rather than letter by letter (NGO, FBI, FPÖ)?"""
    if len(acronym) < 4 or not acronym.isalpha():
        return False
    vowels = [c in "AEIOU" for c in acronym]
    return all(a != b for a, b in zip(vowels, vowels[1:], strict=False))


def indefinite_article(term: str) -> str:
    """``a`` or ``an`` for ``term`` (spelling heuristics; acronyms by letter name)."""
    word = term.split()[0] if term.split() else term
    if len(word) > 1 and word.isupper() and not _spoken_as_a_word(word):
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
        "sheep",
        "series",
        "species",
        "offspring",
        "injured",
        "wounded",
        "dead",
        "missing",
    ]
)


#: A noun phrase whose head (group 1) a preposition follows (group 2: the rest).
_HEAD_BEFORE_PREPOSITION = re.compile(
    r"(\S.*?)( (?:of|for|to|in|on|at|with|from|against|under|over|between|among|by|without"
    r"|about|into) .+)"
)


def pluralise(term: str) -> str:
    """English plural of ``term``'s head noun (regular rules). The head comes before a
    preposition: ``X of Y`` and ``X for Y`` pluralise X (states of emergency, calls for
    help; a tester's "call for helps")."""
    phrase = _HEAD_BEFORE_PREPOSITION.match(term)
    if phrase is not None:
        return f"{pluralise(phrase[1])}{phrase[2]}"
    head, _, last = term.rpartition(" ")
    if last.lower() in _INVARIANT or (last.isupper() and len(last) > 1):
        return term
    irregular = IRREGULAR_PLURALS.get(last.lower())
    if irregular is None and last.lower().endswith("man") and last.lower() not in MAN_PLURAL_S:
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


def plural_in_german(match: TermMatch, source: str) -> bool:
    """Whether the term found as ``match`` is a plural noun in ``source`` (its determiner
    or its form says so: "die beiden verfeindeten Bündnisse"), so its English is plural."""
    return _german_is_plural(match, "", source)


def _german_is_plural(match: TermMatch, rendering: str, source: str = "") -> bool:
    entry = match.entry
    if entry.kind != "term" or match.variant == "abbr":
        return False
    if entry.pos not in ("noun", "other") or not entry.de[:1].isupper():
        return False
    if source:  # the German says it: a determiner before the word
        number = german_plural(source, match)
        if number is not None:
            return number
    if entry.pos != "noun":
        return False
    surface = match.text.casefold()
    if entry.plural and entry.plural.casefold() != entry.de.casefold():
        plural = entry.plural.casefold()
        if surface in (plural, plural + "n"):
            return True
    if entry.plural and entry.plural == entry.de and surface == entry.de.casefold() + "n":
        return True  # den Beobachtern: a plural like its singular, in the dative
    last = rendering.split()[-1] if rendering.split() else ""
    return (
        last.endswith("s")
        and not last.endswith("ss")
        and rendering.casefold() != surface
        and rendering.isascii()
        and surface != entry.de.casefold()
        and not (entry.genitive and surface == entry.genitive.casefold())
    )


#: Singular English words ending in -s.
_S_SINGULARS = frozenset(["news", "series", "species", "means", "gas", "bus", "lens", "chaos"])


def _plural_english(term: str) -> bool:
    """Does an English term (a user's "actions") read as a plural? Its head word (the
    last, or the one before "of": "wave of protests" is one wave) in -s, not an acronym
    (US), -ss, -us, -is, -as, -os, -ics or a singular in -s (news, gas)."""
    head = term.split(" of ", 1)[0]
    last = head.rsplit(None, 1)[-1] if head.split() else ""
    return (
        len(last) > 3
        and last.islower()
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is", "as", "os", "ics"))
        and last not in _S_SINGULARS
    )


def _capitalise(term: str) -> str:
    return term[:1].upper() + term[1:]


#: "this" right before a slot ("that" may be a conjunction: "said that protests were").
_THIS_BEFORE = re.compile(r"(?<!\w)(this)(\s+)\Z", re.IGNORECASE)


def _same_case(model: str, word: str) -> str:
    """``word`` in the case ``model`` is written in (THIS → THESE, This → These)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _plural_demonstrative(before: str) -> str:
    """``before`` with a "this" right before a plural term made "these"."""
    found = _THIS_BEFORE.search(before)
    if found is None:
        return before
    return before[: found.start(1)] + _same_case(found.group(1), "these") + found.group(2)


def lower_case_abbreviations(matches: Iterable[TermMatch]) -> frozenset[str]:
    """The English abbreviations of ``matches``' entries written in lower case (dpa):
    kept in lower case at the start of a sentence too (:func:`_put`)."""
    return frozenset(a for m in matches for a in m.entry.en_abbr if a.islower())


#: A singular verb right after a noun made plural, and its plural.
_SINGULAR_VERB_AFTER = re.compile(r"(\s+)(is|was|has)\b(?!['’])", re.IGNORECASE)
_PLURAL_OF_VERB = {"is": "are", "was": "were", "has": "have"}
#: "there is" right before a noun made plural ("There is peoples").
_THERE_IS_BEFORE = re.compile(r"\b(there)(\s+)(is|was)(\s+(?:an?\s+)?)$", re.IGNORECASE)


_PLURAL_VERB_AFTER = re.compile(r"(\s+)(are|were|have)\b(?!['’])", re.IGNORECASE)
_SINGULAR_OF_VERB = {plural: singular for singular, plural in _PLURAL_OF_VERB.items()}


def _singular_agreement(after: str) -> str:
    """``after`` a singular name, with the model's "are", "were", "have" right after it
    made singular."""
    verb = _PLURAL_VERB_AFTER.match(after)
    if verb is None:
        return after
    singular = _same_case(verb.group(2), _SINGULAR_OF_VERB[verb.group(2).lower()])
    return verb.group(1) + singular + after[verb.end() :]


def _plural_agreement(before: str, after: str) -> tuple[str, str]:
    """``before`` and ``after`` a noun made plural, with the model's singular "is",
    "was", "has" right after it (when the noun can be the subject: no preposition among
    the three words before it) or "there is" right before it made plural."""
    clause = last_clause(before[-40:])  # "In Kazakhstan, the ally is"
    words = re.findall(r"[A-Za-z]+", clause)
    if not any(w.lower() in PREPOSITIONS_EN for w in words[-3:]):
        verb = _SINGULAR_VERB_AFTER.match(after)
        if verb is not None:
            after = verb.group(1) + _plural_verb(verb.group(2)) + after[verb.end() :]
    there = _THERE_IS_BEFORE.search(before)
    if there is not None:
        before = before[: there.start(3)] + _plural_verb(there.group(3)) + there.group(4)
    return before, after


def _plural_verb(verb: str) -> str:
    """The plural of a singular "is", "was", "has", in its case."""
    return _same_case(verb, _PLURAL_OF_VERB[verb.lower()])


def _put(
    text: str,
    start: int,
    end: int,
    term: str,
    plural: bool = False,
    lower: frozenset[str] = frozenset(),
    agree: bool = False,
    plural_noun: bool = False,
    singular: bool = False,
) -> tuple[str, int, int]:
    """Replace ``text[start:end]`` by ``term`` and mend article and capital letter.

    ``plural``: the term was inflected (a noun made plural, a verb put in a form), so an
    ``a``/``an`` before it goes. ``agree``: it is a plural noun and the subject, so the
    model's "is" after it agrees. ``plural_noun``: a plural noun ("this" before it
    becomes "these"). ``singular``: a singular name and the subject, so the model's "are"
    after it agrees. ``lower``: terms that keep their lower case at a sentence start (dpa).
    """
    before, after = text[:start], text[end:]
    if agree:  # the model's verb agreed with its singular: "their allies is"
        before, after = _plural_agreement(before, after)
    if singular:  # and with its plural: "Several martial artists are" → "Russia is"
        after = _singular_agreement(after)
    art = re.search(r"(?<![\w])(an?|An?|AN?)(\s+)$", before)
    if art and (plural or _plural_english(term)):  # "this an actions": no article
        capital = art.group(1)[0].isupper()
        before = before[: art.start(1)]
        if capital:
            term = _capitalise(term)
        art = None
    if plural_noun:  # "This riots are": these riots (a noun made plural, no idiom)
        before = _plural_demonstrative(before)
    if _SENTENCE_START.search(before) and term not in lower:
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
    if (
        after
        and not after[0].isspace()
        and (after[0] not in ".,;:!?)»“”\"'’-/" or re.match(r"[\"“]\w", after))
    ):  # no space before closing punctuation; one before an opening quote ("This …)
        term += " "
    return before + term + after, len(before), len(before) + len(term)


def put_term(
    text: str, start: int, end: int, term: str, match: TermMatch, source: str = ""
) -> tuple[str, int, int]:
    """:func:`_put` ``term`` (``match``'s English, in a form :func:`slot_term` or
    :func:`term_in_form` gave) with the mending that form asks for: an inflected term
    loses an "a"/"an" before it; a plural noun (made plural, or plural in English: riots)
    turns "this" into "these" and, as the subject of a plural German verb, the model's
    "is" after it into "are"; a lower-case abbreviation stays lower case. A title
    capitalised before a name loses an "a" too ("a President Jimmy Carter"), but is no
    plural."""
    made = term != match.english
    inflected = term.lower() != match.english.lower()
    plural_noun = match.entry.pos == "noun" and (inflected or _plural_english(term))
    agree = plural_noun and subject_before_verb(source, match)
    singular = match.entry.pos == "proper-noun" and singular_subject_before_verb(source, match)
    lower = lower_case_abbreviations([match])
    return _put(text, start, end, term, made, lower, agree, plural_noun, singular)


def slot_term(match: TermMatch, text: str, start: int, end: int, source: str) -> tuple[int, str]:
    """``match``'s English for the slot ``text[start:end]`` in the form the German shows,
    and where its edit begins: before a "be" the model wrote in front of a finite verb
    ("is escalate" → "escalates")."""
    rendering = text[start:end]
    if takes_verb_form(match):
        form = verb_form(match, text[:start], rendering, source)
        return finite_slot_start(text, start, form), english_verb_form(match.english, form)
    term = term_in_form(match, rendering, match.english, text[:start], source)
    if needs_the(match, text, end, source):
        return with_the(text, start, term)
    begin = past_no_determiner(match, text, start, end, source)
    if begin < start:  # "the eastern Ukraine": the determiner goes, the compass word stays
        kept = COMPASS_BEFORE.search(text, begin, start)
        if kept is not None:
            term = kept.group(1) + " " + term
    return begin, term


def takes_verb_form(match: TermMatch) -> bool:
    """Whether the English of ``match`` is a verb to put in the German's form: a verb, or
    a verb idiom (eilte zur Hilfe: rushed to help; steckt hinter: is behind)."""
    entry = match.entry
    if entry.pos == "verb":
        return match.variant != "abbr"
    return entry.pos == "phrase" and verb_idiom(entry.de, tuple(entry.forms))


def term_in_form(
    match: TermMatch, rendering: str, english: str, before: str = "", source: str = ""
) -> str:
    """``english`` in the form the German shows: a noun's plural, a verb's tense
    (:func:`verb_form`); ``before`` is the English before the slot, ``source`` the German
    sentence ``match`` was found in, where known."""
    if takes_verb_form(match):
        return english_verb_form(english, verb_form(match, before, rendering, source))
    term = pluralise(english) if _german_is_plural(match, rendering, source) else english
    if source and english.lower() in TITLES and name_follows(source, match.end):
        return " ".join(w[:1].upper() + w[1:] for w in term.split(" "))  # President Carter
    return term
