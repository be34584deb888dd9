"""Determiners around a name put into a translation: "the" added where the German
has an article and the entry writes the name with one (in den USA: in the US), the
model's own determiner dropped before a name that takes none (in a Moscow), both
decided from the German (a genitive attribute keeps its noun's: the Moscow government).
"""

from __future__ import annotations

import re

from glossar.terms.match import TermMatch


def takes_the(match: TermMatch) -> bool:
    """Whether a capitalised English term is written with "the" (the Kremlin, the Cold
    War, the CSTO), as the entry's own example or note writes it; NATO is not."""
    entry = match.entry
    said = f"{entry.example_en or ''} {entry.note or ''}"
    return any(
        re.search(rf"\bthe\s+{re.escape(term)}\b", said, re.IGNORECASE)
        for term in (match.english, entry.en, *entry.en_abbr)
        if term
    )


#: A German definite article or preposition with one, right before a name (die USA, im
#: Kreml, nach dem Kalten Krieg).
_GERMAN_THE_BEFORE = re.compile(
    r"(?<![\w-])(?:die|der|den|dem|des|im|vom|zum|zur|beim|am|ins|ans)\s+$", re.IGNORECASE
)
#: A determiner the model wrote right before a slot, other than "the".
_OTHER_DETERMINER_BEFORE = re.compile(
    r"(?<![\w'’])(?:a|an|this|that|its|their|his|her|our|my|your)(\s+)$", re.IGNORECASE
)


def needs_the(match: TermMatch, text: str, end: int, source: str) -> bool:
    """Whether a name put at a slot needs a "the" the model did not write there: a name
    the entry writes with "the" (:func:`takes_the`), after a German definite article
    ("in den USA": in the US; a tester's "before US", "his United States"); not as the
    modifier of a compound (US-Truppen: US troops; "US-led"), nor as a genitive the
    model wrote before its noun ("ein Sprecher des Kreml": "A Kremlin spokesman", whose
    "A" is the spokesman's)."""
    if match.entry.pos != "proper-noun" or match.compound or not source:
        return False
    if match.english.lower().startswith("the ") or not match.english[:1].isupper():
        return False
    if source[match.end : match.end + 1] == "-" or text[end : end + 1] == "-":
        return False
    if _GERMAN_THE_BEFORE.search(source, max(0, match.start - 8), match.start) is None:
        return False
    if _genitive_attribute(source, match) and noun_after(text, end):
        return False
    return takes_the(match)


#: A German noun, and a genitive article, right before a name: the name belongs to that
#: noun ("Sprecher des Kreml", "Politik der Ukraine", "Regierung Moskaus").
_GERMAN_NOUN_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+\s+(?:(?:der|des)\s+)?$")


def _genitive_attribute(source: str, match: TermMatch) -> bool:
    """Whether the German name at ``match`` is a genitive attribute of the noun before
    it, so an English determiner before the name may be that noun's ("the Moscow
    government" for "die Regierung Moskaus"). A sentence's first word is no noun for
    certain: it is capitalised anyway."""
    found = _GERMAN_NOUN_BEFORE.search(source, max(0, match.start - 40), match.start)
    if found is None:
        return False
    before = source[: found.start()].rstrip()
    return bool(before) and before[-1] not in '.!?:"„“«»'


def modifies_noun(match: TermMatch, source: str) -> bool:
    """Whether the German name at ``match`` qualifies a noun: the first part of a
    compound (Ukraine-Krise) or a genitive attribute ("die Krise der Ukraine")."""
    return bool(match.compound) or _genitive_attribute(source, match)


def noun_after(text: str, end: int) -> bool:
    """Whether the English right after a slot reads as a noun the name modifies ("the
    Ukraine crisis", "the Moscow-based"): a lower-case word that is no verb or function
    word, or a hyphen."""
    if text[end : end + 1] == "-":
        return True
    after = re.match(r"\s*([A-Za-z]+)", text[end:])
    return bool(after and after.group(1).islower() and after.group(1) not in _NOT_A_NOUN_AFTER)


#: A determiner the model wrote right before a slot ("in a Moscow", "This US"), or
#: before a compass word there ("in the eastern Ukraine": in eastern Ukraine).
_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central)"
_DETERMINER_BEFORE = re.compile(
    rf"(?<![\w'’])(?:the|a|an|this|that)\s+(?:{_COMPASS}\s+)?$", re.IGNORECASE
)
COMPASS_BEFORE = re.compile(rf"\b({_COMPASS})\s+$", re.IGNORECASE)
#: Words after a slot that show the name is not a modifier ("the NATO summit" keeps "the").
_NOT_A_NOUN_AFTER = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "and", "or", "but", "of", "in", "on"]
    + ["at", "to", "for", "with", "by", "from", "as", "said", "says", "will", "would"]
    + ["can", "could", "must", "should", "may", "also", "not", "that", "which", "who"]
)


def past_no_determiner(match: TermMatch, text: str, start: int, end: int, source: str) -> int:
    """Where a name put at ``text[start:end]`` begins its edit: before a determiner the
    model wrote for its own word, when the name takes none (a tester's "in a Moscow",
    "the Ukraine" — which the glossary deprecates, "in the Moscow refused"); not before
    a name the German makes the attribute of a noun that the English writes after it
    ("die Regierung Moskaus": the Moscow government)."""
    if match.entry.pos != "proper-noun" or match.compound or not match.english[:1].isupper():
        return start
    found = _DETERMINER_BEFORE.search(text, max(0, start - 24), start)
    if found is None or takes_the(match):
        return start
    if text[end : end + 1] == "-" or (
        noun_after(text, end) and (not source or _genitive_attribute(source, match))
    ):
        return start
    return found.start()


def with_the(text: str, start: int, term: str) -> tuple[int, str]:
    """``term`` with "the", and where its edit starts: a model's other determiner before
    the slot goes ("his United States": the United States); none is added after "the",
    "these", "those" or a possessive ("Russia's")."""
    before = text[:start].rstrip()
    last = before.rsplit(None, 1)[-1] if before else ""
    low = last.lower().strip("\"'„“‚‘«»(")
    if low in ("the", "these", "those") or low.endswith(("'s", "’s", "s'")):
        return start, term
    other = _OTHER_DETERMINER_BEFORE.search(text, max(0, start - 8), start)
    if other is not None:
        the = "The" if other.group()[:1].isupper() else "the"
        return other.start(), f"{the} {term}"
    return start, f"the {term}"
