"""Suspended compounds: "Staats- und Regierungschefs" holds Staatschefs.

German writes the part two coordinated compounds share once, with a hyphen where it is
left out (Duden: Ergänzungsstrich): "Staats- und Regierungschefs" are heads of state and
heads of government, "Öl- und Gaspreise" oil prices and gas prices, "Bundes-, Landes-
und Kommunalpolitik" three policies. News writes it about once in 9 KB (10kGNAD,
Wikinews, UD German GSD: 145 in 1.27 MB). The first word alone ("Staats-") is no term,
so a glossary entry for Staatschef was never found there.

Here the first word is completed with a tail of the last one, cut where the last one's
left part is a plausible word of its own (Regierungs|chefs → Staats|chefs), and the
completed word is recognised on its own. A term that covers the completed word from its
first letter to its last is the suspended word's; its span is the word with its hyphen
("Staats-"). Nouns only (both words capitalised): a lower-case pair is a verb's or an
adjective's ("ein- und ausgehen"), which the shared part does not decide as surely.

Such a hit is shown and counted like any other, but English writes the same
suspension ("oil and gas prices" has no "oil price"), so `check` does not call its English
missing and enforcement does not put it in (:func:`glossar.terms.match.english_may_go`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from glossar.terms.compounds import plausible_left
from glossar.terms.match import TermMatch

#: A letter and the combining marks of decomposed text (NFD input reads as NFC).
_WORD = r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*"
#: A suspension hyphen: after it, any further suspended words, a conjunction, up to two
#: lower-case words or numbers ("zwei Schwer- und fünf Leichtverletzte") and the complete
#: word (group 1) that lends its tail.
_SUSPENSION = re.compile(
    rf"-(?=(?:\s*,\s*{_WORD}-)*\s+(?:und|oder|sowie|bzw\.|beziehungsweise|als\s+auch|wie)"
    rf"(?:\s+(?:\d+|[a-zäöüß]+)){{0,2}}\s+({_WORD})(?![\w-]))"
)
#: The shortest tail a completion borrows (Staats + chefs; not a lone ending).
_MIN_TAIL = 3
#: How far before a word a term overlapping it may start (the longest phrase entries).
_REACH = 300
#: Completions remembered per recogniser (news repeats its pairs); cleared when full.
_CACHE_SIZE = 4096

#: What a completion found: its term (spans are the completed word's), or nothing.
Completion = tuple[TermMatch, ...]


def lending_word(text: str, hyphen: int) -> str | None:
    """The complete word that lends its tail to the suspended word ending with the
    hyphen at ``hyphen`` ("Öl- und Gaspreise": Gaspreise), or None where that hyphen
    suspends nothing."""
    found = _SUSPENSION.match(text, hyphen)
    return found.group(1) if found else None


def suspended_terms(
    text: str,
    matches: list[TermMatch],
    find: Callable[[str], list[TermMatch]],
    cache: dict[tuple[str, str], Completion],
) -> list[TermMatch]:
    """``matches`` with the terms of suspended words added (a compound part found inside
    such a word gives way to them), sorted by start.

    ``find`` recognises terms in a short text (the recogniser's own pass); ``cache``
    keeps its answers per pair of words."""
    added: list[TermMatch] = []
    for hyphen in _SUSPENSION.finditer(text):
        h = hyphen.start()
        start = h
        while start and (text[start - 1].isalpha() or "\u0300" <= text[start - 1] <= "\u036f"):
            start -= 1
        if start == h or (start and (text[start - 1].isalnum() or text[start - 1] in "-_")):
            continue  # no word, or a word glued to another (US-Außen- und …)
        first = text[start:h]
        last = hyphen.group(1)
        if not (first[:1].isupper() and last[:1].isupper()):
            continue
        key = (first, last)
        found = cache.get(key)
        if found is None:
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            found = cache[key] = _complete(first, last, find)
        for match in found:
            added.append(match._replace(start=start, end=h + 1, text=text[start : h + 1]))
    if not added:
        return matches
    starts = [m.start for m in matches]
    drop: set[int] = set()
    kept_added: list[TermMatch] = []
    for a in added:
        near = range(bisect_left(starts, a.start - _REACH), bisect_left(starts, a.end))
        inside = [i for i in near if a.start <= matches[i].start and matches[i].end <= a.end]
        if any(matches[i].end > a.start for i in near if i not in inside):
            continue  # a term beyond the word keeps it ("Staats- und Regierungschefs")
        drop.update(inside)  # one inside it gives way (Regierung in "Regierungs-")
        kept_added.append(a)
    kept = [m for i, m in enumerate(matches) if i not in drop]
    return sorted(kept + kept_added, key=lambda m: (m.start, m.end))


def _complete(first: str, last: str, find: Callable[[str], list[TermMatch]]) -> Completion:
    """The term of ``first`` completed with a tail of ``last`` (none: an empty tuple).

    Every cut of ``last`` after a plausible left part is tried in one pass, the
    completions a paragraph apart (no phrase spans two); the longest tail that makes a
    whole term wins."""
    completions: list[tuple[int, str]] = []
    for cut in range(_MIN_TAIL, len(last) - _MIN_TAIL + 1):
        if plausible_left(last[:cut]):
            completions.append((cut, first + last[cut:]))
    if not completions:
        return ()
    joined = "\n\n".join(word for _cut, word in completions)
    starts: dict[int, str] = {}
    offset = 0
    for _cut, word in completions:
        starts[offset] = word
        offset += len(word) + 2
    for match in find(joined):
        word = starts.get(match.start)
        if word is not None and match.end == match.start + len(word) and not match.compound:
            return (match,)  # the first completion is the longest tail
    return ()
