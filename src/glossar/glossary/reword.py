"""How one term pair re-words the earlier entry it names (:mod:`glossar.glossary.adopt`
decides which entry that is): the English side becomes the pair's, the German side
stays the entry's, and a second pair for the same concept is admitted beside the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from glossar.glossary.model import Entry


def pair_part(pair: Entry, spellings: list[str]) -> Entry:
    """The pair with only ``spellings`` of its German (an abbreviation stays one)."""
    if len(spellings) == len(pair.german_terms):
        return pair
    abbreviations = tuple(s for s in spellings if s in pair.de_abbr)
    words = [s for s in spellings if s not in pair.de_abbr]
    if not words:
        return replace(pair, de=abbreviations[0], de_alt=(), de_abbr=abbreviations[1:])
    return replace(pair, de=words[0], de_alt=tuple(words[1:]), de_abbr=abbreviations)


def reword(base: Entry, pair: Entry) -> Entry:
    """``base`` with ``pair``'s English: for the abbreviations it names only, or for the
    concept; ``base`` itself when the pair says nothing new."""
    english = (pair.en, *pair.en_alt)
    spellings = pair.german_terms
    positions = [j for j, abbr in enumerate(base.de_abbr) if abbr in spellings]
    if len(positions) == len(spellings):  # the pair names abbreviations only
        if (
            all(_abbr_english(base, j) == pair.en for j in positions)
            and set(pair.en_alt) <= set(base.english_terms)
            and not pair.en_deprecated
            and not _says_more(pair, base)
        ):
            return base
        en_abbr = _abbreviations_as(base, positions, pair.en)
        return _from(
            base,
            pair,
            en_abbr=en_abbr,
            en_alt=_unique(
                (*base.en_alt, *pair.en_alt), exclude=(base.en, *en_abbr, *pair.en_deprecated)
            ),
            en_deprecated=_deprecated(base, pair),
        )
    # a choice among an unsure entry's senses makes it sure, with the chosen English only
    agrees = pair.en in base.english_terms and not base.senses
    if (
        agrees
        and base.en == pair.en
        and set(english) <= set(base.english_terms)
        and not (pair.en_deprecated or pair.en_abbr or _says_more(pair, base))
    ):
        return base
    changes: dict[str, Any] = {
        "en": pair.en,
        # the pair's English only: a user who chose one of the entry's alternatives
        # ("Regierung,administration") no longer accepts the others (a tester's check
        # passed "government"), as a user choosing new English does not
        "en_alt": _unique(pair.en_alt, exclude=(pair.en, *pair.en_deprecated)),
        "senses": (),
        "en_deprecated": _deprecated(base, pair),
    }
    if pair.en_abbr:
        changes["en_abbr"] = pair.en_abbr
    elif positions:  # the pair names abbreviations beside the concept (Vereinigte
        # Staaten and US, both U.S.): those abbreviations take its English too (a tester's
        # re-export turned the user's US,U.S. into US,US)
        changes["en_abbr"] = _abbreviations_as(base, positions, pair.en)
    if pair.en != base.en:  # an example shows the English the entry preferred
        changes.update(example_de=pair.example_de, example_en=pair.example_en)
    if not agrees:
        # the note speaks of the English the pair replaces (the examples went above);
        # so does a deprecated term that spells out the pair's abbreviation or
        # abbreviates its term (Flüssiggas,LNG over the article's LPG entry kept
        # "liquefied natural gas" deprecated); other deprecations (a false friend) stay
        changes["note"] = pair.note
        own = (pair.en, *pair.en_alt, *pair.en_abbr)
        changes["en_deprecated"] = tuple(
            t for t in changes["en_deprecated"] if not any(_same_term(t, o) for o in own)
        )
    return _from(base, pair, **changes)


def admit(merged: Entry, pair: Entry) -> Entry:
    """A second pair for an entry a first pair re-worded (Einflussbereich and
    Einflusssphäre, one concept): the first pair's English stays preferred, the second's
    is admitted."""
    en_alt = _unique((*merged.en_alt, pair.en, *pair.en_alt), exclude=(merged.en,))
    deprecated = _unique((*merged.en_deprecated, *pair.en_deprecated))
    if en_alt == merged.en_alt and deprecated == merged.en_deprecated:
        return merged
    changed = replace(merged, en_alt=en_alt, en_deprecated=deprecated)
    if not merged.based_on:  # the first pair agreed: the entry is now the user's too
        changed = replace(
            changed,
            glossary=pair.glossary,
            source=pair.source,
            line=pair.line,
            based_on=f"{merged.glossary}:{merged.id}",
        )
    return _valid(changed)


def _valid(entry: Entry) -> Entry:
    """``entry`` with no English both to use and deprecated: a term it still uses (the
    earlier entry's, kept beside the pair's) is not deprecated."""
    use = {entry.en, *entry.en_alt, *entry.en_abbr}
    if use.isdisjoint(entry.en_deprecated):
        return entry
    return replace(entry, en_deprecated=tuple(t for t in entry.en_deprecated if t not in use))


def _abbreviations_as(base: Entry, positions: Sequence[int], english: str) -> tuple[str, ...]:
    """``base``'s English abbreviations (one per German one, and any beyond), with those
    at ``positions`` made ``english``."""
    en_abbr = [_abbr_english(base, j) for j in range(max(len(base.de_abbr), len(base.en_abbr)))]
    for j in positions:
        en_abbr[j] = english
    return tuple(en_abbr)


def _abbr_english(base: Entry, position: int) -> str:
    """The English an abbreviation at ``position`` gets (as :attr:`TermMatch.english`)."""
    if position < len(base.en_abbr):
        return base.en_abbr[position]
    return base.en_abbr[0] if base.en_abbr else base.en


def _deprecated(base: Entry, pair: Entry) -> tuple[str, ...]:
    """The base's deprecated English the pair does not use, then the pair's own."""
    use = {pair.en, *pair.en_alt, *pair.en_abbr}
    return _unique((*base.en_deprecated, *pair.en_deprecated), exclude=use)


#: Words an abbreviation's letters skip (CSTO: Collective Security Treaty Organization).
_SKIPPED = frozenset(["of", "the", "and", "for", "on", "in", "to", "de", "des", "der"])


def _same_term(a: str, b: str) -> bool:
    """Is one of ``a``/``b`` the abbreviation of the other (LNG, liquefied natural gas)?"""
    for short, long in ((a, b), (b, a)):
        if 2 <= len(short) <= 6 and short.isalpha() and short.isupper():
            words = [w for w in long.replace("-", " ").split() if w.lower() not in _SKIPPED]
            if len(words) > 1 and "".join(w[0] for w in words).upper() == short:
                return True
    return False


def _unique(terms: Sequence[str], exclude: Sequence[str] = ()) -> tuple[str, ...]:
    """``terms`` without repeats, empties and anything in ``exclude``, in order."""
    return tuple(t for t in dict.fromkeys(terms) if t and t not in exclude)


def _says_more(pair: Entry, base: Entry) -> bool:
    """Whether the pair has words of its own (a definition, a note) the base lacks."""
    return any(getattr(pair, n) and getattr(pair, n) != getattr(base, n) for n in _OWN_TEXT)


#: Text fields a pair may carry (a TBX concept whose noun had no gender): the pair's own
#: words win over the earlier entry's.
_OWN_TEXT = ("definition", "domain", "note", "example_de", "example_en", "literal")


def _from(base: Entry, pair: Entry, **changes: Any) -> Entry:
    """``base`` changed, now read from the pair's file (lookup shows where it came from)."""
    for name in _OWN_TEXT:
        if getattr(pair, name):
            changes[name] = getattr(pair, name)
    based_on = base.based_on or f"{base.glossary}:{base.id}"
    return _valid(
        replace(
            base,
            glossary=pair.glossary,
            source=pair.source,
            line=pair.line,
            based_on=based_on,
            **changes,
        )
    )
