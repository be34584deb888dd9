"""Multi-word terms: the adjectives before the head inflect, the head declines, the rest stays.

``Organisation des Vertrags über kollektive Sicherheit`` inflects only ``Organisation``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from glossar.text.morphology.adjectives import (
    ADJECTIVE_ENDINGS,
    adjective_paradigm,
    adjective_stem,
)
from glossar.text.morphology.nouns import noun_paradigm
from glossar.text.morphology.paradigm import Paradigm, add_form, expand


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper()


def phrase_head(tokens: list[str]) -> int:
    """Index of a phrase's head noun: the first capitalised word not followed by another one.

    ``verfassungsmäßige Ordnung`` → 1; ``Organisation des Vertrags …`` → 0;
    ``Kalter Krieg`` → 1. Falls back to the last token.
    """
    for i, tok in enumerate(tokens):
        if _is_capitalised(tok) and (i + 1 == len(tokens) or not _is_capitalised(tokens[i + 1])):
            return i
    return len(tokens) - 1


@dataclass(frozen=True, slots=True)
class PhraseParts:
    """A multi-word term split for matching: what precedes the head, the head, what follows.

    ``prefixes`` lists every inflected form of the words before the head (``""`` when the
    head comes first); ``head`` is the head's paradigm; ``tail`` the invariable rest.
    """

    prefixes: list[str]
    head: Paradigm
    tail: str


def phrase_parts(
    phrase: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> PhraseParts:
    """Split a multi-word term: adjectives before the head inflect, the head declines.

    Words after the head (genitive attributes, prepositional phrases) stay as they are.
    A ``plural``/``genitive`` given for the whole phrase contributes its head word.
    """
    tokens = phrase.split()
    h = phrase_head(tokens)

    def head_word(full: str | None) -> str | None:
        if not full:
            return None
        parts = full.split()
        return parts[h] if len(parts) == len(tokens) else parts[-1] if len(parts) == 1 else None

    head = tokens[h]
    if head[:1].isupper():
        head_par = noun_paradigm(
            head,
            gender,
            plural=head_word(plural),
            genitive=head_word(genitive),
            proper=proper and gender is None,
        )
    elif h == len(tokens) - 1:
        head_par = adjective_paradigm(head)
    else:
        head_par = {head: {""}}
    ordered = list(_prefixes(tuple(tokens[:h]), proper)) if h else [""]
    return PhraseParts(ordered, head_par, " ".join(tokens[h + 1 :]))


@lru_cache(maxsize=4096)
def _prefixes(before: tuple[str, ...], proper: bool) -> tuple[str, ...]:
    """Every agreeing form of the words ``before`` a head, as written first (glossaries
    repeat their adjectives: worked out once each)."""
    slots: list[list[str]] = []
    for tok in before:
        if proper or proper_like(tok):
            slots.append([tok])
        else:
            slots.append(expand(adjective_paradigm(tok, attributive=True)))
    prefixes = _agreeing(list(before), slots)
    first = " ".join(before)
    return (first, *(p for p in prefixes if p != first))


def phrase_paradigm(
    phrase: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> Paradigm:
    """Stems of a multi-word term, each a full phrase (see :func:`phrase_parts`)."""
    if len(phrase.split()) < 2:
        return noun_paradigm(phrase, gender, plural=plural, genitive=genitive, proper=proper)
    parts = phrase_parts(phrase, gender, plural=plural, genitive=genitive, proper=proper)
    par: Paradigm = {}
    for prefix in parts.prefixes:
        lead = prefix + " " if prefix else ""
        for stem, endings in parts.head.items():
            if parts.tail:
                for ending in endings:
                    add_form(par, f"{lead}{stem}{ending} {parts.tail}")
            else:
                par.setdefault(lead + stem, set()).update(endings)
    for full in (plural, genitive):
        if full and " " in full:
            add_form(par, full)
    return par


def phrase_forms(
    phrase: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Forms of a multi-word term (see :func:`phrase_paradigm`), the phrase first."""
    forms = expand(phrase_paradigm(phrase, gender, plural=plural, genitive=genitive, proper=proper))
    if phrase in forms:
        forms.remove(phrase)
    return [phrase, *forms]


def proper_like(token: str) -> bool:
    """Tokens before a head that do not inflect: numbers, abbreviations, hyphenated names."""
    return token.isupper() or any(ch.isdigit() for ch in token)


def _agreeing(tokens: list[str], slots: list[list[str]]) -> list[str]:
    """The words before the head with every adjective taking the same ending.

    German adjectives before one noun agree (``der verfassungsmäßigen Ordnung``,
    ``große alte Häuser``), so one ending per phrase form suffices: at most six forms
    however many adjectives there are (every combination of six adjectives' forms was
    6⁶ = 46,656 and took 27 s to compile).
    """
    out: list[str] = []
    for ending in ADJECTIVE_ENDINGS:
        words: list[str] = []
        for tok, forms in zip(tokens, slots, strict=True):
            if len(forms) == 1:
                words.append(forms[0])
                continue
            form = adjective_stem(tok) + ending
            if form not in forms:
                break
            words.append(form)
        else:
            prefix = " ".join(words)
            if prefix not in out:
                out.append(prefix)
    return out
