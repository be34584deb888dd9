"""A paradigm: stems and the endings each takes, the shape every inflection rule returns."""

from __future__ import annotations

#: A paradigm: stem → the endings it takes ("" for the stem alone). Stems keep their case.
Paradigm = dict[str, set[str]]
#: An explicit form becomes an ending of a stem it extends by at most this many letters.
MAX_ENDING = 4


def add_form(paradigm: Paradigm, form: str) -> None:
    """Add one full ``form`` to ``paradigm``: as an ending of a stem it extends, else as a stem."""
    for stem, endings in paradigm.items():
        if form.startswith(stem):
            rest = form[len(stem) :]
            if len(rest) <= MAX_ENDING and (not rest or rest.isalpha()):
                endings.add(rest)
                return
    paradigm.setdefault(form, set()).add("")


def expand(paradigm: Paradigm) -> list[str]:
    """Every full form of a paradigm, the first stem's forms first."""
    out: list[str] = []
    for stem, endings in paradigm.items():
        for ending in sorted(endings, key=len):
            form = stem + ending
            if form not in out:
                out.append(form)
    return out
