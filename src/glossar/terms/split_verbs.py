"""Separable verbs split in a clause (griff … ein): whether the particle closes the bare
form's clause (:func:`particle_follows`), and which reading of a word wins where a split
verb and another verb read it (:func:`split_verbs_win`). Parts of
:class:`glossar.terms.guards.Guards`; where clauses end and "und" joins them:
:mod:`glossar.terms.clauses`, :mod:`glossar.terms.coordination`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossar.glossary.model import Entry
from glossar.terms.clauses import (
    break_between,
    particle_after,
    particle_closing_clause,
    particle_end,
)
from glossar.terms.coordination import coordinated_clause
from glossar.terms.patterns import SEPARABLE, Candidate

if TYPE_CHECKING:
    from glossar.terms.guards import Guards
    from glossar.terms.match import TermMatch


def particle_follows(guards: Guards, text: str, e: int, ei: int) -> bool:
    """Does the split verb ``ei``'s particle close the clause its bare form ending at
    ``e`` opens? Sets ``guards._split`` to where the particle starts, negated when the
    particle was not shown to close the verb's own clause (nothing else decided it)."""
    particle = guards.particle.get(ei)
    found = -1 if particle is None else particle_after(text, e, particle)
    if found < 0 and ei in guards.other_particles:  # a variant's words (stellt … infrage)
        for other in guards.other_particles[ei]:
            found = particle_after(text, e, other)
            if found >= 0:
                particle = other
                break
    if found < 0:
        return guards._drop("separable")
    # a clause coordinated with a verb of its own ("mischt den Teig und gibt zwei Eier
    # ein"): the particle must come before it, and may end the verb's own clause
    # there ("stellte eine Armee zusammen und marschierte … ein")
    coordinated = coordinated_clause(text, e, found)
    if coordinated >= 0:
        found = particle_after(text, e, particle, coordinated)  # type: ignore[arg-type]
        if found < 0:
            return guards._drop("particle of a coordinated clause")
        guards._split = found  # (it ends the verb's clause there)
    elif not break_between(text, e, found):
        guards._split = found  # nothing between the verb and its particle: it closes it
    else:
        # the particle must close the verb's own clause: "griff hart durch, und die
        # Armee griff ein" is durchgreifen, though an "ein" closes a clause of the
        # sentence (of "wieder her", the clause's closing particle is "her")
        closing = particle_closing_clause(text, e, guards._clauses)
        if closing >= 0 and not found <= closing < found + len(particle):  # type: ignore[arg-type]
            return guards._drop("another particle closes the clause")
        guards._split = found if closing >= 0 else -1 - found
    guards._particles.add(found)  # the verb's: no term of its own
    k = found
    for word in particle.split()[1:]:  # type: ignore[union-attr]
        k = text.find(word, k + 1, k + 64)
        if k > found:
            guards._particles.add(k)  # (her of wieder her)
    return True


def split_verbs_win(
    guards: Guards, out: list[Candidate], split: list[tuple[int, int, int]]
) -> list[Candidate]:
    """``out`` without the readings a split verb beats: of two split verbs of the same
    word, the one whose particle starts first ("stellte … wieder her": wiederherstellen,
    not herstellen); a split verb whose particle was shown to close its clause (greift …
    ein) beats the base verb of the same spelling, where the base verb's own guard
    could not decide ("greift jetzt und sofort ein"). Only the readings of the same
    word are looked at: they sit next to each other in ``out``."""
    first: dict[int, int] = {}  # word start: the earliest particle of a split verb
    for s, found, _i in split:
        at = found if found >= 0 else -1 - found
        first[s] = min(first.get(s, at), at)
    drop: set[int] = set()
    verbs = guards.verbs
    n = len(out)
    for s, found, i in split:
        if (found if found >= 0 else -1 - found) > first[s]:
            drop.add(i)  # a later particle: another split verb's is longer
        elif found >= 0:
            j = i - 1
            while j >= 0 and out[j][0] == s:
                j -= 1
            for k in range(j + 1, n):
                c = out[k]
                if c[0] != s:
                    break
                if c[4] != SEPARABLE and c[5] in verbs and not c[2]:
                    drop.add(k)  # the base verb's reading of the word
    if not drop:
        return out
    return [c for k, c in enumerate(out) if k not in drop]


def split_part(text: str, match: TermMatch) -> tuple[int, int] | None:
    """Where the rest of a split verb found at ``match`` stands in ``text``: the particle
    or the idiom's words that close its clause ("griff … ein", "kamen … ums Leben"), as
    (start, end); None for any other hit. A split verb is found at its finite form, and
    a reader (or a CAT tool highlighting the span) saw only "kamen"."""
    entry = match.entry
    if entry.pos != "verb":
        return None
    known = _PARTS.get(id(entry))
    if known is None or known[0] is not entry:
        known = _PARTS[id(entry)] = (entry, verb_parts(entry))
    parts = known[1]
    if not parts:
        return None
    low = match.text.lower()
    if any(low.startswith(part.lower()) for part in parts):
        return None  # (found whole: eingreifen, "ums Leben kamen")
    for part in parts:
        k = particle_after(text, match.end, part)
        if k >= 0:
            return k, particle_end(text, k, part)
    return None


#: Each verb entry's parts by its id(), with the entry (its id is its own meanwhile):
#: hashing an entry (all its fields) cost more than the rest of a look.
_PARTS: dict[int, tuple[Entry, tuple[str, ...]]] = {}


def verb_parts(entry: Entry) -> tuple[str, ...]:
    """What of a verb entry may stand apart from its finite form and close the clause:
    its separable particle (ein of eingreifen; wieder her), or its idiom's words (ums
    Leben; each variant's: in Frage, infrage); () for any other verb. The guards and
    :func:`split_part` read the same parts."""
    from glossar.terms.spellings import idiom_spellings
    from glossar.text.verbs import split_particle, split_prefix

    if " " in entry.de:
        return tuple(phrase for phrase, _verb in idiom_spellings(entry))
    prefix, _base = split_prefix(entry.de.lower())
    return (split_particle(prefix),) if prefix else ()
