"""Suggestions for a query that matched nothing (:func:`glossar.glossary.lookup.lookup`):
near misses by edit distance, marked as suggestions, never as matches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossar.glossary.lookup import LONG_MIN_SCORE, LONG_QUERY, MIN_SCORE, LookupResult

if TYPE_CHECKING:
    from glossar.glossary.lookup import LookupIndex
    from glossar.glossary.model import Glossary


#: A suggestion by an entry's English needs this score (a German query is as near to
#: English words by chance as "Strasse" to "state" and "stake", 67 %).
_ENGLISH_FUZZY = 80

#: Above this many terms, fuzzy search first narrows candidates by length and edit distance.
_SMALL = 20_000


def _fuzzy_candidates(index: LookupIndex, key: str) -> tuple[list[str], list[int]]:
    """Terms worth scoring for ``key``: all of them in a small glossary; in a large one,
    only terms within two edits (three for long queries) of it.

    Large glossaries are bucketed by (length, first two letters) and (length, last two
    letters): a near miss keeps its length within the edit budget and, short of typos
    at both ends, its start or its end, so only a few small buckets need an
    edit-distance scan.
    """
    if len(index.fuzzy_keys) <= _SMALL:
        return index.fuzzy_keys, list(range(len(index.fuzzy_keys)))
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    buckets = index.buckets
    if not buckets:
        for position, term in enumerate(index.fuzzy_keys):
            for bucket_key in ((len(term), term[:2], 0), (len(term), term[-2:], 1)):
                bucket = buckets.setdefault(bucket_key, ([], []))
                bucket[0].append(term)
                bucket[1].append(position)
    cutoff = 2 if len(key) < 12 else 3
    found: dict[int, str] = {}
    for length in range(len(key) - cutoff, len(key) + cutoff + 1):
        for bucket_key in ((length, key[:2], 0), (length, key[-2:], 1)):
            terms, where = buckets.get(bucket_key, ((), ()))
            for term, _dist, i in process.extract_iter(
                key, terms, scorer=Levenshtein.distance, score_cutoff=cutoff
            ):
                found[where[i]] = term
    return list(found.values()), list(found)


def fuzzy(
    glossary: Glossary, index: LookupIndex, key: str, limit: int, min_score: float | None
) -> list[LookupResult]:
    from rapidfuzz import fuzz, process

    if min_score is None:  # the default: a long word's noise scores 0.70–0.75
        min_score = LONG_MIN_SCORE if len(key) >= LONG_QUERY else MIN_SCORE
    keys, positions = _fuzzy_candidates(index, key)
    hits = process.extract(
        key,
        keys,
        scorer=fuzz.ratio,
        limit=max(limit, 1) * 4,
        score_cutoff=min_score * 100,
    )
    results: list[LookupResult] = []
    seen: set[str] = set()
    for choice, score, i in hits:
        eid, term = index.fuzzy_owner[positions[i]]
        if eid in seen or eid not in glossary.entries or _other_compound(key, choice):
            continue
        if score < _ENGLISH_FUZZY and term in glossary.entries[eid].english_terms:
            continue  # "Strasse" is not 67 % "state": across languages only a near typo
        seen.add(eid)
        results.append(LookupResult(glossary.entries[eid], "fuzzy", score / 100.0, term))
        if len(results) >= limit:
            break
    return results


def _other_compound(key: str, choice: str) -> bool:
    """Whether ``choice`` is another compound with the query's first part: they agree
    for four letters or more and then go on with words of their own ("sicherheitsrat"
    and "sicherheitskrafte": a tester's Security Council suggested "security forces";
    "staatsgewalt" and "staatsagentur"). A typo keeps the rest alike ("prasidnet":
    "prasident", one letter swapped)."""
    from rapidfuzz.distance import OSA

    if " " in key or " " in choice:
        return False
    same = 0
    for a, b in zip(key, choice, strict=False):
        if a != b:
            break
        same += 1
    rest, other = key[same:], choice[same:]
    if same < 4 or len(rest) < 3 or len(other) < 3:
        return False
    return OSA.normalized_similarity(rest, other) < 0.5
