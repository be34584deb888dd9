"""Looking up one query in a glossary: the everyday question "what is X in English?".

Match kinds, tried in this order (the first kind that finds anything wins; within it,
entries keep glossary order):

``exact``        the query is a German headword or variant as written;
``abbreviation`` a German or English abbreviation or short form (OVKS ↔ CSTO, Tokajew);
``folded``       equal after folding case, umlauts, ß and ae/oe/ue/ss;
``inflected``    an inflected German form (Ausnahmezustandes, Militärbündnisse, Einmärschen);
``reverse``      an English term (preferred, admitted), singular or plural;
``fuzzy``        none of the above: near misses ranked by similarity, marked as suggestions.

The index is built once per :class:`~glossar.glossary.model.Glossary` and cached.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from glossar.glossary.model import Entry, Glossary
from glossar.text.fold import fold_case, fold_key
from glossar.text.stem import german_stem_keys

MATCH_KINDS = ("exact", "abbreviation", "folded", "inflected", "reverse", "fuzzy")


@dataclass(frozen=True, slots=True)
class LookupResult:
    """One entry found for a query, with how it matched and a 0–1 score."""

    entry: Entry
    match: str
    score: float
    matched: str = ""

    @property
    def is_suggestion(self) -> bool:
        return self.match == "fuzzy"

    def to_dict(self) -> dict[str, object]:
        """The contract's JSON shape for a lookup result."""
        return {
            "id": self.entry.id,
            "de": self.entry.de,
            "en": self.entry.en,
            "match": self.match,
            "score": round(self.score, 4),
            "matched": self.matched,
            "entry": self.entry.to_dict(),
        }


def _add(index: dict[str, list[str]], key: str, entry_id: str) -> None:
    ids = index.setdefault(key, [])
    if entry_id not in ids:
        ids.append(entry_id)


@dataclass(slots=True)
class LookupIndex:
    """Dictionaries from normalised keys to entry ids, one per match kind."""

    exact: dict[str, list[str]] = field(default_factory=dict)
    abbreviation: dict[str, list[str]] = field(default_factory=dict)
    folded: dict[str, list[str]] = field(default_factory=dict)
    inflected: dict[str, list[str]] = field(default_factory=dict)
    reverse: dict[str, list[str]] = field(default_factory=dict)
    #: fold keys of every German and English term, and the entry and spelling behind each.
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_owner: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> LookupIndex:
        index = cls()
        for entry in entries:
            eid = entry.id
            for term in (entry.de, *entry.de_alt):
                _add(index.exact, term, eid)
                _add(index.folded, fold_key(term), eid)
            for form in (*entry.forms, *(x for x in (entry.plural, entry.genitive) if x)):
                _add(index.inflected, fold_key(form), eid)
            for term in (entry.de, *entry.de_alt, *entry.forms):
                for stem in german_stem_keys(term):
                    _add(index.inflected, stem, eid)
            for abbr in (*entry.de_abbr, *entry.en_abbr):
                _add(index.abbreviation, fold_case(abbr), eid)
            for term in (entry.en, *entry.en_alt):
                _add(index.reverse, fold_key(term), eid)
            seen: set[str] = set()
            for term in (*entry.german_terms, *entry.english_terms):
                key = fold_key(term)
                if key not in seen:
                    seen.add(key)
                    index.fuzzy_keys.append(key)
                    index.fuzzy_owner.append((eid, term))
        return index


_INDEXES: weakref.WeakKeyDictionary[Glossary, LookupIndex] = weakref.WeakKeyDictionary()


def lookup_index(glossary: Glossary) -> LookupIndex:
    """The (cached) lookup index of ``glossary``."""
    index = _INDEXES.get(glossary)
    if index is None:
        index = LookupIndex.build(glossary)
        _INDEXES[glossary] = index
    return index


def _singulars(word: str) -> list[str]:
    out = [word]
    if word.endswith("'s"):
        out.append(word[:-2])
    elif word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 3:
        out += [word[:-2], word[:-1]]
    elif word.endswith("s") and len(word) > 2:
        out.append(word[:-1])
    return out


def _english_singulars(key: str) -> list[str]:
    """The key itself, then guesses with one word made singular (states of emergency)."""
    words = key.split(" ")
    out = [key]
    for i, word in enumerate(words):
        for singular in _singulars(word)[1:]:
            out.append(" ".join([*words[:i], singular, *words[i + 1 :]]))
    return out


def lookup(
    glossary: Glossary,
    query: str,
    *,
    limit: int = 10,
    fuzzy: bool = True,
    min_score: float = 0.6,
) -> list[LookupResult]:
    """Entries for ``query``: exact, abbreviation, folded, inflected or reverse matches;
    failing those, up to ``limit`` fuzzy suggestions scoring at least ``min_score``."""
    query = " ".join(query.split())
    if not query:
        return []
    index = lookup_index(glossary)
    found: list[LookupResult] = []
    seen: set[str] = set()

    def take(ids: Iterable[str], kind: str, matched: str) -> None:
        for eid in ids:
            if eid not in seen and eid in glossary.entries:
                seen.add(eid)
                found.append(LookupResult(glossary.entries[eid], kind, 1.0, matched))

    key = fold_key(query)
    take(index.exact.get(query, ()), "exact", query)
    take(index.abbreviation.get(fold_case(query), ()), "abbreviation", query)
    if not found:
        take(index.folded.get(key, ()), "folded", query)
    if not found:
        for stem in sorted(german_stem_keys(query) | {key}, key=len, reverse=True):
            take(index.inflected.get(stem, ()), "inflected", query)
    if not found:
        for singular in _english_singulars(key):
            take(index.reverse.get(singular, ()), "reverse", query)
    if found or not fuzzy:
        return found[:limit] if limit else found
    return _fuzzy(glossary, index, key, limit, min_score)


def _fuzzy(
    glossary: Glossary, index: LookupIndex, key: str, limit: int, min_score: float
) -> list[LookupResult]:
    from rapidfuzz import fuzz, process

    hits = process.extract(
        key,
        index.fuzzy_keys,
        scorer=fuzz.ratio,
        limit=max(limit, 1) * 4,
        score_cutoff=min_score * 100,
    )
    results: list[LookupResult] = []
    seen: set[str] = set()
    for _choice, score, position in hits:
        eid, term = index.fuzzy_owner[position]
        if eid in seen or eid not in glossary.entries:
            continue
        seen.add(eid)
        results.append(LookupResult(glossary.entries[eid], "fuzzy", score / 100.0, term))
        if len(results) >= limit:
            break
    return results
