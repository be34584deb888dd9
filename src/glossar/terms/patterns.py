"""The compiled form of a glossary for term recognition: flags and the tuples it is made of."""

from __future__ import annotations

from glossar.text.morphology import Paradigm

#: Pattern flags.
CAP = 1  # a noun: at the start of a word the text must be capitalised
COMPOUND_HEAD = 2  # may begin a closed compound (Flüssiggas|preise)
COMPOUND_TAIL = 4  # may end or sit inside a closed compound (Unterstützungs|mission)
CASE = 8  # case-sensitive: the text must show this spelling or its capitals

#: Variants by number; 3 is a separable verb's bare finite form (greift … ein), reported
#: as the headword's but only with the particle later in the clause.
VARIANTS = ("de", "alt", "abbr", "de")
SEPARABLE = 3
NAME_KINDS = ("name", "place", "organisation")

#: One way a key can name an entry: (entry index, variant 0/1/2, allowed endings, flags,
#: the stem as the glossary spells it, rank 0 = the spelling's own stem / 1 = other stems /
#: 2 = the spelling in capitals,
#: folded words that must precede the key — each ending in a space — or an empty tuple,
#: what the case-kept text must show where the key matched, or "" when case does not matter).
Pattern = tuple[int, int, frozenset[str], int, str, int, tuple[str, ...], str]
#: A candidate span: (start, end, compound, rank, variant, entry index) in the original text.
Candidate = tuple[int, int, int, int, int, int]
#: A cached whole-word outcome: (span ends at the word's end, compound, rank, variant,
#: entry index).
Decision = tuple[bool, int, int, int, int]
#: Bound on cached whole-word decisions (cleared when reached).
MAX_DECISIONS = 50_000
#: (variant, paradigm, flags, words before the head, rank of the first stem).
Spelling = tuple[int, Paradigm, int, tuple[str, ...], int]
#: Tie-breaks by entry index (:func:`glossar.terms.case.tie_breaks`): a word class (True:
#: noun-like) or a term pair's spelling (or spellings).
TieBreaks = dict[int, "bool | str | tuple[str, ...]"]
