# cython: boundscheck=False, wraparound=False
# (the compiled build's indices are in range by construction: see dense_automaton)
"""A table-driven Aho–Corasick automaton: the key hits of a text at one lookup per character.

pyahocorasick walks its trie by searching each node's children one by one (and the
root's ~35 for every space and punctuation mark): ~120 instructions per character of
text, a quarter of a whole ``glossar terms`` process with the curated glossary. This
automaton keeps a full transition table instead (state × character class → state) and
yields the same hits in the same order: by end, and at one end the longest key first,
as pyahocorasick's ``iter`` does. In the compiled build it takes ~30 instructions per
character, the hits' tuples included (figures: docs/decisions.md, "Stop 38").

The table grows with states × classes, so it is built only up to :data:`MAX_CELLS`
(the curated glossary: 375k cells); larger glossaries keep pyahocorasick, as does a
recogniser until it has read :data:`BUILD_AFTER` characters. Only the compiled build
uses it: as plain Python the per-character loop is slower than pyahocorasick's C.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import NamedTuple

try:  # True in the compiled build (hatch_build.py), where Cython sets it
    import cython

    COMPILED: bool = cython.compiled
except ImportError:  # no Cython at run time: this file runs as plain Python
    COMPILED = False

#: The largest table built (states × character classes; 4 bytes each: 4 MB). The
#: curated glossary needs 375k cells; a 10k-entry termbase 2.9M, whose table would take
#: 55 ms to build for a 4 % faster ``find``: it keeps pyahocorasick.
MAX_CELLS = 1 << 20
#: More keys than this never fit (each key adds a state or more): not even tried.
MAX_KEYS = 20_000
#: Characters a recogniser reads before it builds the table: building costs what
#: scanning ~0.5 MB saves (the curated glossary: ~40 vs ~87 million instructions per
#: MB), so a short text (an article) never pays for it.
BUILD_AFTER = 1 << 18
#: Code points below this have a class in a flat table; the rest are looked up.
_FLAT = 0x10000


class DenseAutomaton(NamedTuple):
    """Keys (folded stems) with an int each, compiled to a full transition table."""

    classes: array[int]  # code point → character class (0: in no key)
    astral: dict[int, int]  # the same for code points ≥ _FLAT
    delta: array[int]  # state * width + class → next state
    width: int
    out_start: array[int]  # state → its first output in out_gids (CSR)
    out_gids: array[int]  # each state's keys' ints, longest key first

    def iter(self, text: str) -> list[tuple[int, int]]:
        """``(end index, value)`` of every key occurrence in ``text``: pyahocorasick's
        ``Automaton.iter``, as a list."""
        return _scan(text, *self)


def _scan(
    text: str,
    classes: array[int],
    astral: dict[int, int],
    delta: array[int],
    width: int,
    out_start: array[int],
    out_gids: array[int],
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    state = 0
    for i, ch in enumerate(text):
        cp = ord(ch)
        c = classes[cp] if cp < _FLAT else astral.get(cp, 0)
        state = delta[state * width + c]
        a = out_start[state]
        b = out_start[state + 1]
        while a < b:
            out.append((i, out_gids[a]))
            a += 1
    return out


def dense_automaton(items: Iterable[tuple[str, int]]) -> DenseAutomaton | None:
    """The automaton of ``items`` (key, value), or None when its table would exceed
    :data:`MAX_CELLS` or a key is empty."""
    # character classes: 1… for the characters keys use, 0 for every other
    class_of: dict[str, int] = {}
    children: list[dict[int, int]] = [{}]  # the trie: state → class → state
    values = [-1]  # the value of the key ending at each state (-1: none)
    for key, gid in items:
        if not key:
            return None
        state = 0
        for ch in key:
            c = class_of.get(ch)
            if c is None:
                c = class_of[ch] = len(class_of) + 1
            nxt = children[state].get(c)
            if nxt is None:
                nxt = children[state][c] = len(children)
                children.append({})
                values.append(-1)
            state = nxt
        values[state] = gid
    width = len(class_of) + 1
    n = len(children)
    if n * width > MAX_CELLS:
        return None
    delta = array("i", bytes(4 * n * width))
    fail = array("i", bytes(4 * n))
    order = array("i", bytes(4 * n))
    _transitions(children, delta, fail, order, width)
    value = array("i", values)
    out_start = array("i", bytes(4 * (n + 1)))
    _count_outputs(order, fail, value, out_start)
    out_gids = array("i", bytes(4 * out_start[n]))
    _fill_outputs(order, fail, value, out_start, out_gids)
    classes = array("H", bytes(2 * _FLAT))
    astral: dict[int, int] = {}
    for ch, c in class_of.items():
        if ord(ch) < _FLAT:
            classes[ord(ch)] = c
        else:
            astral[ord(ch)] = c
    return DenseAutomaton(classes, astral, delta, width, out_start, out_gids)


def _transitions(
    children: list[dict[int, int]], delta: array[int], fail: array[int], order: array[int],
    width: int,
) -> None:  # fmt: skip
    """Fill ``delta`` (each state's row: its fail state's row with its own children over
    it), ``fail`` and ``order`` (the states breadth first, so that a fail state, being
    shallower, is done before the states that fall back to it)."""
    head = 0
    tail = 1  # order[0] is the root
    while head < tail:
        state = order[head]
        head += 1
        row = state * width
        if state:
            f = fail[state] * width
            for j in range(width):
                delta[row + j] = delta[f + j]
        for c, child in children[state].items():
            # where the row (still without this state's children) leads: the longest
            # proper suffix of the child's key that is a state
            fail[child] = delta[row + c] if state else 0
            order[tail] = child
            tail += 1
        for c, child in children[state].items():
            delta[row + c] = child


def _count_outputs(
    order: array[int], fail: array[int], value: array[int], out_start: array[int]
) -> None:
    """``out_start``: where each state's outputs begin (its own key, then its fail
    state's outputs: the keys ending there, longest first)."""
    n = len(order)
    length = array("i", bytes(4 * n))
    for k in range(1, n):
        state = order[k]
        length[state] = (1 if value[state] >= 0 else 0) + length[fail[state]]
    for state in range(n):
        out_start[state + 1] = out_start[state] + length[state]


def _fill_outputs(
    order: array[int], fail: array[int], value: array[int], out_start: array[int],
    out_gids: array[int],
) -> None:  # fmt: skip
    for k in range(1, len(order)):
        state = order[k]
        p = out_start[state]
        if value[state] >= 0:
            out_gids[p] = value[state]
            p += 1
        f = fail[state]
        for q in range(out_start[f], out_start[f + 1]):
            out_gids[p] = out_gids[q]
            p += 1
