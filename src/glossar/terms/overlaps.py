"""Overlap resolution: one reading per character, and the chosen spans as TermMatch objects.

Longest first, then whole words over compound parts, the reading the word's case asks
for (:mod:`glossar.terms.case`), a regular form of a spelling over a listed extra form
over capitals, headword over variant over abbreviation, then glossary order.
"""

from __future__ import annotations

from itertools import accumulate, compress, count, islice
from operator import itemgetter, lt

from glossar.glossary.model import Entry
from glossar.terms.case import case_penalty
from glossar.terms.match import TermMatch
from glossar.terms.patterns import VARIANTS, Candidate


def resolve(
    text: str,
    candidates: list[Candidate],
    entries: list[Entry],
    word_class: dict[int, bool],
    sure: list[bool] | None = None,
) -> list[TermMatch]:
    """One reading per character: longest first, whole words before compound parts.

    ``sure``: each entry's :attr:`Entry.sure`, when the caller keeps them at hand.
    """
    return term_matches(text, choose(text, candidates, word_class), entries, sure)


def choose(text: str, candidates: list[Candidate], word_class: dict[int, bool]) -> list[Candidate]:
    """The candidates that win, sorted: one reading per character.

    Candidates are swept by start; only clusters of overlapping ones need choosing.
    """
    if not candidates:
        return []
    candidates.sort()
    total = len(candidates)
    # a candidate joins the previous cluster when it starts before the cluster ends
    # (map/compress keep these passes in C: they touch every candidate)
    starts = map(itemgetter(0), islice(candidates, 1, None))
    max_end = accumulate(map(itemgetter(1), candidates), max)
    joins = list(compress(count(1), map(lt, starts, max_end)))
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


#: TermMatch's fields in order; when they are what this module expects, matches are built
#: through the slot descriptors (twice as fast as the frozen dataclass's __init__).
TERM_MATCH_FIELDS = ("start", "end", "text", "entry", "variant", "compound", "sure")


def term_matches(
    text: str, candidates: list[Candidate], entries: list[Entry], sure: list[bool] | None = None
) -> list[TermMatch]:
    """The chosen candidates as :class:`TermMatch` objects."""
    if tuple(TermMatch.__dataclass_fields__) != TERM_MATCH_FIELDS:  # pragma: no cover
        return [
            TermMatch(o_s, o_e, text[o_s:o_e], entries[ei], VARIANTS[v], c == 1, entries[ei].sure)
            for o_s, o_e, c, _rank, v, ei in candidates
        ]
    new = object.__new__
    set_start = TermMatch.start.__set__  # type: ignore[attr-defined]
    set_end = TermMatch.end.__set__  # type: ignore[attr-defined]
    set_text = TermMatch.text.__set__  # type: ignore[attr-defined]
    set_entry = TermMatch.entry.__set__  # type: ignore[attr-defined]
    set_variant = TermMatch.variant.__set__  # type: ignore[attr-defined]
    set_compound = TermMatch.compound.__set__  # type: ignore[attr-defined]
    set_sure = TermMatch.sure.__set__  # type: ignore[attr-defined]
    if sure is None:
        sure = [e.sure for e in entries]
    out: list[TermMatch] = []
    add = out.append
    for o_s, o_e, compound, _rank, variant, entry_i in candidates:
        m = new(TermMatch)
        set_start(m, o_s)
        set_end(m, o_e)
        set_text(m, text[o_s:o_e])
        set_entry(m, entries[entry_i])
        set_variant(m, VARIANTS[variant])
        set_compound(m, compound == 1)
        set_sure(m, sure[entry_i])
        add(m)
    return out


def cluster_losers(
    text: str,
    candidates: list[Candidate],
    first: int,
    stop: int,
    word_class: dict[int, bool],
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
