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
from itertools import compress
from typing import Any

from glossar.glossary.bulk import claim_keys, fold_keys
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


#: How an entry is matched beyond its spellings: what a user's entry for the same word
#: leaves unset comes from the entry it replaces (the curated Rohstoff's compound policy
#: "both" found Rohstoffpreise; a user's Rohstoff → commodity without it did not).
_MATCHING = ("plural", "genitive", "compound", "compound_except")


def inherit_matching(
    entries: list[Entry],
    keys: Sequence[str],
    owner: Mapping[str, str],
    earlier: Mapping[str, Entry],
) -> list[Entry] | None:
    """``entries`` (a later layer) with each entry that replaces an earlier entry for the
    same headword and part of speech given what it leaves unset of :data:`_MATCHING`;
    None when none does. ``keys`` are the layer's claim keys (each entry's headword key
    first, in entry order), ``owner`` and ``earlier`` as for :func:`adopt_pairs`."""
    heads = keys[: len(entries)]
    if owner.keys().isdisjoint(heads):
        return None
    out: list[Entry] | None = None
    for i, key in enumerate(heads):
        target = owner.get(key)
        if target is None:
            continue
        entry = entries[i]
        base = earlier.get(target)
        if base is None or base.pos != entry.pos or bare(entry):
            continue
        given = {
            name: getattr(base, name)
            for name in _MATCHING
            if getattr(base, name) and not getattr(entry, name)
        }
        if given:
            if out is None:
                out = list(entries)
            out[i] = replace(entry, **given)
    return out


def adopt_pairs(
    entries: list[Entry],
    keys: Sequence[str],
    owners: Sequence[int],
    owner: Mapping[str, str],
    earlier: Mapping[str, Entry],
) -> tuple[list[Entry], list[str], list[int]] | None:
    """``entries`` (a later layer) with each bare pair merged into the earlier entries
    its spellings name (one merged copy per earlier entry, where its first pair stood),
    with the claim keys and owners of that list; None when no pair names one.

    An import groups rows of one English into one pair (Nato, NATO, Nordatlantikpakt →
    NATO), so each spelling goes to the entry it names; spellings naming none stay a
    pair of their own. ``keys``/``owners``: the layer's claim keys and the index of the
    entry claiming each; ``owner``: the earlier layers' claim keys and the id of their
    entry; ``earlier``: the earlier layers' entries by id.
    """
    hit = _probe(owner).intersection(keys)
    if not hit:
        return None  # no spelling of this layer is one of an earlier entry's
    index = dict(zip(keys, owners, strict=True))  # within a layer claims are unique
    pairs = sorted({index[key] for key in hit if bare(entries[index[key]])})
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
    targets = {t for groups in named.values() for t in groups if t is not None and t in earlier}
    ids = {entries[i].id: i for i in range(len(entries))} if targets else {}
    adoptable = {
        t
        for t in targets
        if ids.get(t, -1) in named or t not in ids
        if all(index.get(key, -1) in named or key not in index for key in _keys(earlier[t]))
    }
    merged: dict[str, Entry] = {}
    renamed: dict[str, str] = {}  # merged entry → the id of the user's pair it takes
    placed: dict[int, list[str]] = {}  # pair → the merged entries that stand where it stood
    rests: dict[int, Entry] = {}  # pair → what is left of it (spellings naming no entry)
    for i in sorted(named):
        entry = entries[i]
        groups = named[i]
        left: list[str] = []
        for target, group in groups.items():
            if target not in adoptable:
                left.extend(group)
                continue
            if target not in merged:
                placed.setdefault(i, []).append(target)  # where the first pair naming it was
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
            rests[i] = _part(entry, left)
    # an entry a pair merely agrees with stays as it is, where it is: not placed again
    final = {t: replace(e, id=renamed.get(t, t)) for t, e in merged.items() if e is not earlier[t]}
    return _rebuilt(entries, keys, owners, sorted(named), placed, rests, final)


def _rebuilt(
    entries: list[Entry],
    keys: Sequence[str],
    owners: Sequence[int],
    merging: list[int],
    placed: dict[int, list[str]],
    rests: dict[int, Entry],
    final: dict[str, Entry],
) -> tuple[list[Entry], list[str], list[int]]:
    """The layer with its ``merging`` pairs replaced by the ``final`` entries ``placed``
    where they stood and by their ``rests``, and its claim keys to match: the keys of
    the entries left as they were are moved, not computed again (a 100k-entry import
    of pairs layers in a few hundredths of a second more, not tenths)."""
    out: list[Entry] = []
    moved = [-1] * len(entries)  # old index → new index of an entry kept as it was
    new: list[int] = []  # indices in out of entries whose keys are to be computed
    prev = 0
    for i in merging:  # the pairs: each gives way to what it was merged into
        moved[prev:i] = range(len(out), len(out) + i - prev)
        out.extend(entries[prev:i])
        for target in placed.get(i, ()):
            if target in final:
                new.append(len(out))
                out.append(final[target])
        rest = rests.get(i)
        if rest is entries[i]:
            moved[i] = len(out)
            out.append(rest)
        elif rest is not None:
            new.append(len(out))
            out.append(rest)
        prev = i + 1
    moved[prev:] = range(len(out), len(out) + len(entries) - prev)
    out.extend(entries[prev:])
    now = list(map(moved.__getitem__, owners))
    kept = [o >= 0 for o in now]
    new_keys = list(compress(keys, kept))
    new_owners = list(compress(now, kept))
    more_keys, more_owners = claim_keys([out[j] for j in new])
    new_keys.extend(more_keys)
    new_owners.extend(new[k] for k in more_owners)
    return out, new_keys, new_owners


def _probe(owner: Mapping[str, str]) -> set[str]:
    """Every key a layer's spelling may have where it names an earlier entry: the earlier
    claim keys, the same words in the other word class, and abbreviations as words."""
    out = set(owner)
    for key in owner:
        if key.startswith("abbr:"):
            folded = fold_key(key[5:])
            out.update(("n:" + folded, "w:" + folded))
        else:
            out.add(("w:" if key.startswith("n:") else "n:") + key[2:])
    return out


def _keys(entry: Entry) -> list[str]:
    return claim_keys([entry])[0]


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
