"""Overlap resolution: one reading per character, and the chosen spans as TermMatch objects.

Longest first, then whole words over compound parts, the reading the word's case asks
for (:mod:`glossar.terms.case`), a term pair's exact spelling, a regular form of a
spelling over a listed extra form over capitals, headword over variant over
abbreviation, then glossary order.
"""

from __future__ import annotations

from itertools import compress

from glossar.glossary.model import Entry
from glossar.terms.case import case_penalty
from glossar.terms.lexicon import is_lower_word
from glossar.terms.match import TermMatch
from glossar.terms.patterns import VARIANTS, Candidate, TieBreaks
from glossar.text.fold import DROPPED


def resolve(
    text: str,
    candidates: list[Candidate],
    entries: list[Entry],
    word_class: TieBreaks,
    sure: list[bool] | None = None,
    capitals: bytes | None = None,
) -> list[TermMatch]:
    """One reading per character: longest first, whole words before compound parts.

    ``sure``: each entry's :attr:`Entry.sure`, when the caller keeps them at hand;
    ``capitals``: :func:`term_matches`'s.
    """
    return term_matches(text, choose(text, candidates, word_class), entries, sure, capitals)


def choose(text: str, candidates: list[Candidate], word_class: TieBreaks) -> list[Candidate]:
    """The candidates that win, sorted: one reading per character.

    Candidates are swept by start; only clusters of overlapping ones need choosing.
    """
    if not candidates:
        return []
    candidates.sort()
    total = len(candidates)
    # a candidate joins the previous cluster when it starts before the cluster ends
    joins: list[int] = []
    add_join = joins.append
    cluster_end = candidates[0][1]
    for i in range(1, total):
        candidate = candidates[i]
        if candidate[0] < cluster_end:
            add_join(i)
        if candidate[1] > cluster_end:
            cluster_end = candidate[1]
    if joins:
        losers: list[int] = []
        k = 0
        n_joins = len(joins)
        while k < n_joins:
            first = joins[k] - 1
            last = joins[k]
            while k + 1 < n_joins and joins[k + 1] == last + 1:
                k += 1
                last = joins[k]
            k += 1
            if last == first + 1:  # two candidates overlap: the common case
                a = candidates[first]
                b = candidates[last]
                la = a[1] - a[0]
                lb = b[1] - b[0]
                if la != lb:
                    losers.append(first if la < lb else last)
                elif word_class and (a[5] in word_class or b[5] in word_class):
                    pa = (a[2], case_penalty(text, a, word_class), *a[3:])
                    pb = (b[2], case_penalty(text, b, word_class), *b[3:])
                    losers.append(last if pa <= pb else first)
                else:
                    losers.append(last if a[2:] <= b[2:] else first)
            else:
                losers.extend(cluster_losers(text, candidates, first, last + 1, word_class))
        keep = bytearray(b"\x01") * total
        for i in losers:
            keep[i] = 0
        candidates = list(compress(candidates, keep))
    return candidates


def term_matches(
    text: str,
    candidates: list[Candidate],
    entries: list[Entry],
    sure: list[bool] | None = None,
    capitals: bytes | None = None,
) -> list[TermMatch]:
    """The chosen candidates as :class:`TermMatch` objects (``tuple.__new__``: the named
    tuple's own ``__new__`` is a Python function, and this runs once per match).

    ``capitals`` (1 by entry: a noun not spelled in capitals): such a noun found in a
    word in capitals is unsure where its word in lower case is another word too (MACHT:
    macht; PROTESTIERENDEN): the case that tells them apart is gone (a desk tester's
    ALL-CAPS article had "Power" enforced for "GUTE FORSCHUNG MACHT …")."""
    if sure is None:
        sure = [e.sure for e in entries]
    matches: list[TermMatch] = []
    add = matches.append
    new = tuple.__new__
    for candidate in candidates:
        start = candidate[0]
        end = candidate[1]
        # an invisible mark (fold.DROPPED) before the end belongs to the break after the
        # term (Flüs­sig­gas­|preise): the span ends before it. Trimmed only here, after
        # overlaps were resolved with the lengths as found (one mark must not turn a win
        # into a tie)
        while end > start and text[end - 1] in DROPPED:
            end -= 1
        entry_i = candidate[5]
        found = text[start:end]
        is_sure = sure[entry_i]
        if (
            is_sure
            and capitals is not None
            and capitals[entry_i]
            and end - start > 3
            and text[start].isupper()
            and text[end - 1].isupper()
            and found.isupper()
            and is_lower_word(found.lower())
        ):
            is_sure = False
        add(
            new(
                TermMatch,
                (
                    start,
                    end,
                    found,
                    entries[entry_i],
                    VARIANTS[candidate[4]],
                    candidate[2] == 1,
                    is_sure,
                ),
            )
        )
    return matches


def cluster_losers(
    text: str,
    candidates: list[Candidate],
    first: int,
    stop: int,
    word_class: TieBreaks,
) -> list[int]:
    """Indices in ``candidates[first:stop]`` (one overlapping cluster) that lose.

    Longest first, then whole words before compound parts, the reading the word's case
    asks for, regular forms before listed extras before capitals, headword before
    variant before abbreviation, glossary order.
    """
    ranked = sorted(
        range(first, stop),
        key=lambda i: (
            candidates[i][0] - candidates[i][1],
            candidates[i][2],
            case_penalty(text, candidates[i], word_class),
            *candidates[i][3:],
            candidates[i][0],
        ),
    )
    taken: list[tuple[int, int]] = []
    losers: list[int] = []
    for i in ranked:
        o_s, o_e = candidates[i][0], candidates[i][1]
        if any(o_s < b and a < o_e for a, b in taken):
            losers.append(i)
        else:
            taken.append((o_s, o_e))
    return losers
