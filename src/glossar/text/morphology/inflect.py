"""Every form of a glossary term worth recognising, chosen by its part of speech."""

from __future__ import annotations

from glossar.text.morphology.adjectives import adjective_paradigm
from glossar.text.morphology.nouns import noun_paradigm
from glossar.text.morphology.paradigm import Paradigm, expand
from glossar.text.morphology.phrases import phrase_paradigm


def inflected_paradigm(
    term: str,
    *,
    pos: str = "noun",
    gender: str | None = None,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> Paradigm:
    """Stems and endings of every form of ``term`` worth recognising; ``term``'s stem first.

    ``pos`` is the entry's part of speech; ``proper`` marks names (genitive ``-s`` only).
    Verbs, adverbs and "other" get no generated forms (list them in the entry's ``forms``).
    """
    if " " in term.strip():
        return phrase_paradigm(term, gender, plural=plural, genitive=genitive, proper=proper)
    if pos == "adjective":
        return adjective_paradigm(term)
    if pos in ("noun", "proper-noun", "phrase") or proper:
        return noun_paradigm(
            term, gender, plural=plural, genitive=genitive, proper=proper or pos == "proper-noun"
        )
    return {term: {""}}


def inflected_forms(
    term: str,
    *,
    pos: str = "noun",
    gender: str | None = None,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Every form of ``term`` worth recognising, the term itself first."""
    forms = expand(
        inflected_paradigm(
            term, pos=pos, gender=gender, plural=plural, genitive=genitive, proper=proper
        )
    )
    if term in forms:
        forms.remove(term)
    return [term, *forms]
