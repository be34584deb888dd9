"""Term pairs layered on a glossary: a bare pair re-words an earlier entry's concept.

A two-column glossary (DeepL, Google; ``glossar glossary import pairs.csv``) carries a
German and an English term and nothing else: pos ``other``, no gender, no forms.
Layered over the news glossary, such a pair used to replace the curated entry of the
same spelling wholesale and lose its grammar: ``Regierungen`` and ``Tokajews`` were no
longer found. A pair says which English the user wants for a German term, not that the
German is an unknown word, so it *adopts* the earlier entry it names: the German side
(part of speech, gender, forms, variants, abbreviations, compound policy, kind,
definition) stays the earlier entry's, the English side becomes the pair's. A pair that
names only an abbreviation (``OVKS,CSTO``) sets that abbreviation's English, and one
that says what the entry already says is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from glossar.glossary.bulk import claim_keys, fold_keys
from glossar.glossary.formats.entries import slugify, unique_id
from glossar.glossary.model import Entry
from glossar.glossary.rules import noun_like
from glossar.text.fold import fold_key


def bare(entry: Entry) -> bool:
    """A pair: German and English with no word class or grammar of its own."""
    return (
        entry.pos == "other"
        and entry.kind == "term"
        and entry.gender is None
        and entry.plural is None
        and entry.genitive is None
        and not entry.forms
        and not entry.senses
        and not entry.compound
        and not entry.compound_except
    )


def adopt_pairs(
    entries: list[Entry],
    keys: Sequence[str],
    owners: Sequence[int],
    owner: Mapping[str, str],
    earlier: Mapping[str, Entry],
) -> list[Entry] | None:
    """``entries`` (a later layer) with each bare pair merged into the earlier entries
    its spellings name (one merged copy per earlier entry, where its first pair stood);
    None when no pair names one.

    An import groups rows of one English into one pair (Nato, NATO, Nordatlantikpakt →
    NATO), so each spelling goes to the entry it names; spellings naming none stay a
    pair of their own. ``keys``/``owners``: the layer's claim keys and the index of the
    entry claiming each; ``owner``: the earlier layers' claim keys and the id of their
    entry; ``earlier``: the earlier layers' entries by id.
    """
    pairs = [i for i, e in enumerate(entries) if e.pos == "other" and bare(e)]
    if not pairs:
        return None
    spellings = [(i, s) for i in pairs for s in entries[i].german_terms]
    folded = fold_keys([s for _, s in spellings])
    named: dict[int, dict[str | None, list[str]]] = {}
    for (i, spelling), key in zip(spellings, folded, strict=True):
        same, other = ("n:", "w:") if noun_like("other", spelling) else ("w:", "n:")
        target = owner.get(same + key) or owner.get("abbr:" + spelling) or owner.get(other + key)
        named.setdefault(i, {}).setdefault(target, []).append(spelling)
    named = {i: groups for i, groups in named.items() if set(groups) - {None}}
    if not named:
        return None
    # an earlier entry the layer also names otherwise (its id, or a spelling of it claimed
    # by an entry that is no pair) is the user's to replace: no merging into it
    others = {entries[i].id for i in range(len(entries)) if i not in named}
    other_keys = {key for key, i in zip(keys, owners, strict=True) if i not in named}
    targets = {t for groups in named.values() for t in groups if t is not None}
    adoptable = {
        t
        for t in targets
        if t in earlier and t not in others and other_keys.isdisjoint(claim_keys([earlier[t]])[0])
    }
    merged: dict[str, Entry] = {}
    renamed: dict[str, str] = {}  # merged entry → the id of the user's pair it takes
    taken = {*earlier, *(e.id for e in entries)}
    out: list[Entry] = []
    for i, entry in enumerate(entries):
        groups = named.get(i)
        if groups is None:
            out.append(entry)
            continue
        left: list[str] = []
        for target, group in groups.items():
            if target not in adoptable:
                left.extend(group)
                continue
            if target not in merged:
                out.append(earlier[target])  # its place: the first pair naming it
            base = merged.get(target, earlier[target])
            part = _part(entry, group)
            merged[target] = _adopt(base, part)
            if (
                merged[target] is not base
                and target not in renamed
                and len(groups) == 1
                and (entry.id == target or entry.id not in earlier)
                and part.de not in base.de_abbr  # a re-worded abbreviation names no concept
            ):
                renamed[target] = entry.id  # the user's name for what the user re-worded
        if left:
            rest = _part(entry, left)
            if entry.id in renamed.values():
                rest = replace(rest, id=unique_id(slugify(rest.de), taken))
            out.append(rest)
    final = {t: replace(e, id=renamed.get(t, t)) for t, e in merged.items()}
    # an entry that merely agrees with the earlier one leaves it untouched (and unmoved)
    return [
        final[e.id] if e is earlier.get(e.id) else e
        for e in out
        if e is not earlier.get(e.id) or merged[e.id] is not e
    ]


def _part(pair: Entry, spellings: list[str]) -> Entry:
    """The pair with only ``spellings`` of its German (an abbreviation stays one)."""
    if len(spellings) == len(pair.german_terms):
        return pair
    abbreviations = tuple(s for s in spellings if s in pair.de_abbr)
    words = [s for s in spellings if s not in pair.de_abbr]
    if not words:
        return replace(pair, de=abbreviations[0], de_alt=(), de_abbr=abbreviations[1:])
    return replace(pair, de=words[0], de_alt=tuple(words[1:]), de_abbr=abbreviations)


def _adopt(base: Entry, pair: Entry) -> Entry:
    """``base`` with ``pair``'s English (and any German spelling it adds as a variant)."""
    english = (pair.en, *pair.en_alt)
    known = set(claim_keys([base])[0])
    spellings = (pair.de, *pair.de_alt, *pair.de_abbr)
    abbreviations = [s for s in spellings if "abbr:" + s in known]
    new = tuple(
        s
        for s in spellings
        if "abbr:" + s not in known
        and ("n:" if noun_like(pair.pos, s) else "w:") + fold_key(s) not in known
    )
    if abbreviations and len(abbreviations) == len(spellings):
        # an abbreviation's English: en_abbr pairs with de_abbr by position
        if set(english) <= set(base.english_terms) and not _says_more(pair, base):
            return base
        en_abbr = [*base.en_abbr, *[""] * (len(base.de_abbr) - len(base.en_abbr))]
        for j, abbr in enumerate(base.de_abbr):
            if abbr in abbreviations:
                en_abbr[j] = pair.en
        deprecated = tuple(t for t in base.en_deprecated if t not in english)
        return _from(
            base, pair, en_abbr=tuple(t or base.en for t in en_abbr), en_deprecated=deprecated
        )
    # a choice among an unsure entry's senses makes it sure, with the chosen English only
    agrees = pair.en in base.english_terms and not base.senses
    if agrees and set(english) <= set(base.english_terms) and not new:
        if base.en == pair.en and not _says_more(pair, base):
            return base
        return _from(base, pair, en=pair.en, en_alt=_alt(base, pair))
    changes: dict[str, Any] = {
        "en": pair.en,
        "en_alt": _alt(base, pair) if agrees else tuple(t for t in pair.en_alt if t != pair.en),
        "senses": (),
        "en_deprecated": tuple(t for t in base.en_deprecated if t not in english),
        "de_alt": (*base.de_alt, *new),
    }
    if not agrees:  # the notes and examples speak of the English the pair replaces
        changes.update(note=pair.note, example_de=pair.example_de, example_en=pair.example_en)
    return _from(base, pair, **changes)


def _says_more(pair: Entry, base: Entry) -> bool:
    """Whether the pair has words of its own (a definition, a note) the base lacks."""
    return any(getattr(pair, n) and getattr(pair, n) != getattr(base, n) for n in _OWN_TEXT)


def _alt(base: Entry, pair: Entry) -> tuple[str, ...]:
    """The pair's alternatives, then what the base admits (the pair's term left out)."""
    out = [t for t in pair.en_alt if t != pair.en]
    for t in (base.en, *base.en_alt):
        if t != pair.en and t not in out:
            out.append(t)
    return tuple(out)


#: Text fields a pair may carry (a TBX concept whose noun had no gender): the pair's own
#: words win over the earlier entry's.
_OWN_TEXT = ("definition", "domain", "note", "example_de", "example_en", "literal")


def _from(base: Entry, pair: Entry, **changes: Any) -> Entry:
    """``base`` changed, now read from the pair's file (lookup shows where it came from)."""
    for name in _OWN_TEXT:
        if getattr(pair, name):
            changes[name] = getattr(pair, name)
    return replace(base, glossary=pair.glossary, source=pair.source, line=pair.line, **changes)
