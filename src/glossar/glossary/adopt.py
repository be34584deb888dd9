"""Later layers meeting earlier entries: term pairs re-word them, entries for the same
word keep how it is matched.

A two-column glossary (DeepL, Google; ``glossar glossary import pairs.csv``) carries a
German and an English term and nothing else: pos ``other``, no gender, no forms.
Layered over the news glossary, such a pair used to replace the curated entry of the
same spelling wholesale and lose its grammar: ``Regierungen`` and ``Tokajews`` were no
longer found. A pair says which English the user wants for a German term, not that the
German is an unknown word, so it *adopts* the earlier entry it names
(:func:`adopt_pairs`): the German side (part of speech, gender, forms, variants,
abbreviations, compound policy, kind, definition) stays the earlier entry's, the English
side becomes the pair's. A pair that names only an abbreviation (``ODKB,…``) sets that
abbreviation's English, and one that says what the entry already says is dropped.

An entry with grammar of its own replaces the earlier entry, but what it leaves unset of
the matching rules comes from the entry it replaces (:func:`inherit_matching`).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import compress
from operator import attrgetter

from glossar.glossary.bulk import claim_keys, fold_keys
from glossar.glossary.formats.entries import slugify, unique_id
from glossar.glossary.model import Entry
from glossar.glossary.reword import admit, pair_part, reword
from glossar.glossary.rules import infinitive_shaped, noun_like
from glossar.text.fold import fold_key


def is_term_pair(entry: Entry) -> bool:
    """German and English with no word class or grammar of its own (what a two-column
    import makes, or a TBX noun without a gender), or no more grammar than an import
    gives a nominalised infinitive beside its verb (``Eingreifen`` and ``eingreifen``
    in one file: a neuter noun, so the two do not claim one spelling)."""
    return (
        (
            (entry.pos == "other" and entry.gender is None)
            or (entry.pos == "noun" and entry.gender == "n" and infinitive_shaped(entry.de))
        )
        and entry.kind == "term"
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
    owners: Sequence[int],
    owner: Mapping[str, str],
    earlier: Mapping[str, Entry],
) -> list[Entry] | None:
    """``entries`` (a later layer) with each entry that replaces an earlier entry for the
    same headword and part of speech given what it leaves unset of :data:`_MATCHING`;
    None when none does. ``keys``/``owners``, ``owner`` and ``earlier`` as for
    :func:`adopt_pairs` (:func:`glossar.glossary.bulk.claim_keys` puts each entry's
    headword key first, in entry order)."""
    n = len(entries)
    heads = keys[:n] if list(owners[:n]) == list(range(n)) else claim_keys(entries)[0][:n]
    if owner.keys().isdisjoint(heads):
        return None
    out: list[Entry] | None = None
    for i in compress(range(n), map(owner.__contains__, heads)):  # in C: few are met
        target = owner[heads[i]]
        entry = entries[i]
        base = earlier.get(target)
        if base is None or base.pos != entry.pos or entry.pos == "other":
            continue  # a pos "other" entry has no word class to be the same word by
        if base.de != entry.de and fold_key(base.de) != fold_key(entry.de):
            continue  # another word that lists this one (Treibstoff, de_alt Kraftstoff)
        given: dict[str, object] = {
            name: getattr(base, name)
            for name in _MATCHING
            if getattr(base, name) and not getattr(entry, name)
        }
        cased = _case_variants(base, entry)
        if cased:
            given["de_alt"] = (*entry.de_alt, *cased)
        if given:
            if out is None:
                out = list(entries)
            out[i] = replace(entry, **given)
    return out


def _case_variants(base: Entry, entry: Entry) -> tuple[str, ...]:
    """The spellings of ``base`` that differ from ``entry``'s headword only in case
    (Nato, NATO) and that ``entry`` does not list: its claim on the word took them from
    ``base``, and an all-capitals headword is matched as written, so a user's NATO → NATO
    over the news glossary's Nato (de_alt NATO) found no "Nato" at all."""
    lower = entry.de.lower()  # (not casefold: Strasse is no case of Straße)
    own = {entry.de, *entry.de_alt}
    return tuple(
        spelling
        for spelling in dict.fromkeys((base.de, *base.de_alt))
        if spelling not in own and spelling.lower() == lower
    )


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
    keys, owners, forms_named = _without_form_claims(entries, keys, owners, owner, earlier)
    renamed_pairs = _own_ids(entries, owner, earlier)
    fresh: set[int] = set()  # pairs given a fresh id: what is left of them takes its own
    if renamed_pairs is not None:
        fresh = {
            i for i, (a, b) in enumerate(zip(entries, renamed_pairs, strict=True)) if a is not b
        }
        entries = renamed_pairs
    # what to return when no pair names an earlier entry
    unchanged = renamed_pairs is None and not forms_named
    unmerged = None if unchanged else (entries, list(keys), list(owners))
    hit = _probe(owner).intersection(keys)
    if not hit:  # no spelling of this layer is one of an earlier entry's
        return unmerged
    index = _owners_of(keys, owners, hit)  # within a layer claims are unique
    # pairs meeting an entry with a word class to keep (over a pos "other" entry, another
    # pair, a pair just replaces it, as any entry does)
    pairs = sorted(
        {
            index[key]
            for key in hit
            if not (key in owner and earlier[owner[key]].pos == "other")
            and is_term_pair(entries[index[key]])
        }
    )
    spellings = [(i, s) for i in pairs for s in entries[i].german_terms]
    folded = fold_keys([s for _, s in spellings])
    named: dict[int, dict[str | None, list[str]]] = {}
    for (i, spelling), key in zip(spellings, folded, strict=True):
        target = _named(spelling, key, owner, earlier)
        named.setdefault(i, {}).setdefault(target, []).append(spelling)
    named = {i: groups for i, groups in named.items() if set(groups) - {None}}
    if not named:
        return unmerged
    # an earlier entry the layer also names otherwise (its id, or a spelling of it claimed
    # by an entry that is no pair) is the user's to replace, and a pair over a pair has
    # no grammar to keep (a newer DeepL export over an older one): no merging into them
    targets = {t for groups in named.values() for t in groups if t is not None}
    ids = _owners_of([e.id for e in entries], itertools.count(), targets)
    claims = {t: _claims(earlier[t]) for t in targets}
    index.update(_owners_of(keys, owners, {k for c in claims.values() for k in c} - set(index)))
    adoptable = {
        t
        for t in targets
        if earlier[t].pos != "other"
        and (ids.get(t, -1) in named or t not in ids)
        and all(index.get(key, -1) in named or key not in index for key in claims[t])
    }
    merged: dict[str, Entry] = {}
    renamed: dict[str, str] = {}  # merged entry → the id of the user's pair it takes
    placed: dict[int, list[str]] = {}  # pair → the merged entries that stand where it stood
    rests: dict[int, Entry] = {}  # pair → what is left of it (spellings naming no entry)
    # entry → the parts of it pairs have spoken for: -1 the concept, j its j-th abbreviation
    spoken: dict[str, set[int]] = {}
    # the pair naming an entry by its headword speaks for it first, one naming it by a
    # variant is admitted beside it, whatever the row order (a pair naming a listed
    # form names no entry: _named)
    work = sorted(
        ((i, target, group) for i in named for target, group in named[i].items()),
        key=lambda w: (w[1] not in adoptable or not _by_headword(earlier[w[1]], w[2]), w[0]),
    )
    for i, target, group in work:
        if target not in adoptable:
            continue
        entry = entries[i]
        groups = named[i]
        if target not in merged:
            placed.setdefault(i, []).append(target)  # where the pair speaking first was
        base = merged.get(target, earlier[target])
        part = pair_part(entry, group)
        # what of the entry this pair speaks for: its concept, or abbreviations only
        positions = [j for j, abbr in enumerate(base.de_abbr) if abbr in part.german_terms]
        parts = set(positions) if len(positions) == len(part.german_terms) else {-1}
        done = spoken.setdefault(target, set())
        second = bool(parts & done)  # for what a first pair set: admitted beside it
        merged[target] = admit(base, part) if second else reword(base, part)
        done |= parts
        if (
            not second
            and merged[target] is not base
            and target not in renamed
            and len(groups) == 1
            and (entry.id == target or entry.id not in earlier)
            and part.de not in base.de_abbr  # a re-worded abbreviation names no concept
        ):
            renamed[target] = entry.id  # the user's name for what the user re-worded
    for i, groups in named.items():  # spellings naming no entry to adopt stay a pair
        left = [s for target, group in groups.items() if target not in adoptable for s in group]
        if left:
            rests[i] = pair_part(entries[i], left)
    # an entry a pair merely agrees with stays as it is, where it is: not placed again
    final = {t: replace(e, id=renamed.get(t, t)) for t, e in merged.items() if e is not earlier[t]}
    # what is left of a pair keeps its id unless that now names another entry: an
    # earlier one (it would replace it by id) or one merged here
    layer_ids = map(attrgetter("id"), entries)
    taken = {*earlier, *layer_ids, *(e.id for e in final.values())} if rests else set()
    for i, rest in rests.items():
        if i in fresh or rest.id in earlier or any(e.id == rest.id for e in final.values()):
            rests[i] = replace(rest, id=unique_id(slugify(rest.de), taken))
    out, out_keys, out_owners = _rebuilt(entries, keys, owners, sorted(named), placed, rests, final)
    # what is left of a pair may name a form too (a grouped pair: eingegriffen with
    # Intervention): its keys were computed again, the form's among them
    out_keys, out_owners, _forms = _without_form_claims(out, out_keys, out_owners, owner, earlier)
    return out, list(out_keys), list(out_owners)


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
    kept = list(map(operator.le, itertools.repeat(0), now))  # o >= 0
    new_keys = list(compress(keys, kept))
    new_owners = list(compress(now, kept))
    more_keys, more_owners = claim_keys([out[j] for j in new])
    new_keys.extend(more_keys)
    new_owners.extend(new[k] for k in more_owners)
    return out, new_keys, new_owners


def _owners_of(keys: Sequence[str], owners: Iterable[int], wanted: set[str]) -> dict[str, int]:
    """``dict(zip(keys, owners))`` for the ``wanted`` keys alone: one C-level pass (a big
    layer meets an earlier one in a few keys)."""
    pairs = zip(keys, owners, strict=False)  # (owners may be a count)
    return dict(compress(pairs, map(wanted.__contains__, keys)))


def _without_form_claims(
    entries: list[Entry],
    keys: Sequence[str],
    owners: Sequence[int],
    owner: Mapping[str, str],
    earlier: Mapping[str, Entry],
) -> tuple[Sequence[str], Sequence[int], bool]:
    """The layer's claim keys without those of pairs whose spelling is only a listed form
    of an earlier entry (``verlautet`` of verlauten lassen, ``eingegriffen`` of
    eingreifen), and whether there were any. Such a pair is the user's English for that
    form alone: it stays a pair of its own, wins that spelling where both read it
    (:func:`glossar.terms.case.tie_breaks`), and must not take the earlier entry's place
    (a claimed spelling makes the earlier owner give way)."""
    hit = owner.keys() & keys  # (walks the list: no set of a big layer's keys)
    if not hit:
        return keys, owners, False
    drop = [
        j
        for j in compress(range(len(keys)), map(hit.__contains__, keys))  # in C: few
        if not (key := keys[j]).startswith("abbr:")
        and is_term_pair(entries[owners[j]])
        and earlier[owner[key]].pos != "other"
        and key not in _head_keys(earlier[owner[key]])
    ]
    if not drop:
        return keys, owners, False
    kept = [True] * len(keys)
    for j in drop:
        kept[j] = False
    return list(compress(keys, kept)), list(compress(owners, kept)), True


def _head_keys(entry: Entry) -> set[str]:
    """The claim keys of an entry's headword and variants (not its forms)."""
    prefix = "n:" if noun_like(entry.pos, entry.de) else "w:"
    return {prefix + key for key in fold_keys([entry.de, *entry.de_alt])}


def _own_ids(
    entries: list[Entry], owner: Mapping[str, str], earlier: Mapping[str, Entry]
) -> list[Entry] | None:
    """``entries`` with a fresh id for each pair whose id is an earlier entry's that none
    of its spellings names; None when there is none. An import makes ids from the German
    (``Eskalieren`` → ``eskalieren``, the curated verb's id): replacing by id would delete
    the verb for a noun nobody asked to change."""
    clash = earlier.keys() & [e.id for e in entries]
    if not clash:
        return None
    out: list[Entry] | None = None
    taken: set[str] = set()
    for i, entry in enumerate(entries):
        if entry.id not in clash or earlier[entry.id].pos == "other" or not is_term_pair(entry):
            continue  # over a pos "other" entry (another pair) a pair replaces it by id
        spellings = entry.german_terms
        keys = zip(spellings, fold_keys(list(spellings)), strict=True)
        if entry.id not in {_named(s, k, owner, earlier) for s, k in keys}:
            if out is None:
                out = list(entries)
                taken = {*earlier, *(e.id for e in entries)}
            out[i] = replace(entry, id=unique_id(slugify(entry.de), taken))
    return out


def _named(
    spelling: str, folded: str, owner: Mapping[str, str], earlier: Mapping[str, Entry]
) -> str | None:
    """The id of the earlier entry a pair's ``spelling`` (``folded``: its fold key)
    names, if any: in its own word class, as an abbreviation, or in the other word class
    where the entry spells it so, case and all (Moskau-nah, an adjective; ehemalige
    Sowjetrepublik, a noun's variant). A capitalised pair is no verb's: Eskalieren is
    not eskalieren, the case rule that keeps das Eingreifen and eingreifen apart."""
    same, other = ("n:", "w:") if noun_like("other", spelling) else ("w:", "n:")
    target = owner.get("abbr:" + spelling)
    if target is not None:
        return target
    target = owner.get(same + folded)
    if target is not None and same + folded not in _head_keys(earlier[target]):
        return None  # a listed form only (verlautet): the pair's own (_without_form_claims)
    if target is None:
        target = owner.get(other + folded)
        if target is not None and spelling not in _spelled(earlier[target]):
            target = None
    return target


def _by_headword(entry: Entry, spellings: Sequence[str]) -> bool:
    """Does one of ``spellings`` name ``entry`` by its headword or a variant (not a form
    or an abbreviation)?"""
    heads = set(fold_keys([entry.de, *entry.de_alt]))
    return not heads.isdisjoint(fold_keys(list(spellings)))


def _probe(owner: Mapping[str, str]) -> set[str]:
    """Every key a layer's spelling may have where it names an earlier entry: the earlier
    claim keys, the same words in the other word class, and abbreviations as a pair
    spells them (a word: ``n:odkb``)."""
    out = set(owner)
    for key in owner:
        if key.startswith("abbr:"):
            folded = fold_key(key[5:])
            out.update(("n:" + folded, "w:" + folded))
        else:
            out.add(("w:" if key.startswith("n:") else "n:") + key[2:])
    return out


def _spelled(entry: Entry) -> tuple[str, ...]:
    """The German spellings that name an entry, as it writes them (not its forms)."""
    return (entry.de, *entry.de_alt, *entry.de_abbr)


def _claims(entry: Entry) -> list[str]:
    """The claim keys of one entry (:func:`glossar.glossary.bulk.claim_keys`)."""
    return claim_keys([entry])[0]


def lower_case_nouns(entries: Sequence[Entry], earlier: Sequence[Entry]) -> list[tuple[Entry, str]]:
    """Term pairs spelled in lower case (``macht,might``, a CAT tool's lower-cased
    export) whose word is only a noun in ``earlier`` (the news glossary's Macht), each
    with that noun: as written, the pair names the lower-case word alone ("er macht
    das") and leaves the noun as it was, which an import should say."""
    nouns: dict[str, str] = {}
    others: set[str] = set()
    for entry in earlier:
        keys = fold_keys([entry.de, *entry.de_alt, *entry.forms])
        if noun_like(entry.pos, entry.de):
            nouns.setdefault(keys[0], entry.de)
        else:
            others.update(keys)
    out = []
    for entry in entries:
        if entry.pos == "other" and entry.de[:1].islower() and " " not in entry.de:
            key = fold_key(entry.de)
            if key in nouns and key not in others:
                out.append((entry, nouns[key]))
    return out
