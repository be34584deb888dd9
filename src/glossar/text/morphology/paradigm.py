"""A paradigm: stems and the endings each takes, the shape every inflection rule returns."""

from __future__ import annotations

#: A paradigm: stem → the endings it takes ("" for the stem alone). Stems keep their case.
Paradigm = dict[str, set[str]]
#: An explicit form becomes an ending of a stem it extends by at most this many letters.
MAX_ENDING = 4


def add_form(paradigm: Paradigm, form: str) -> None:
    """Add one full ``form`` to ``paradigm``: as an ending of a stem it extends, else as a stem.

    Only the stems ``form`` extends by at most :data:`MAX_ENDING` letters are looked up
    (not every stem: an entry with 20,000 forms took 13 s); of several, the first added."""
    found = None
    for cut in range(max(0, len(form) - MAX_ENDING), len(form) + 1):
        stem = form[:cut]
        rest = form[cut:]
        if stem in paradigm and (not rest or rest.isalpha()):
            if found is None:
                found = stem
            else:  # (rare: two stems of one form) the first added wins
                order = list(paradigm)
                found = min(found, stem, key=order.index)
    if found is not None:
        paradigm[found].add(form[len(found) :])
        return
    paradigm.setdefault(form, set()).add("")


def expand(paradigm: Paradigm) -> list[str]:
    """Every full form of a paradigm, the first stem's forms first."""
    out: list[str] = []
    seen: set[str] = set()
    for stem, endings in paradigm.items():
        for ending in sorted(endings, key=len):
            form = stem + ending
            if form not in seen:
                seen.add(form)
                out.append(form)
    return out
