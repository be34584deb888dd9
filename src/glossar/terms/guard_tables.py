"""The guards' tables of a compiled glossary, read from its entries in one pass
(:class:`glossar.terms.guards.Guards`): a module of its own so that the compiled build
types the loop (guard_tables.pxd), which runs once per entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from glossar.glossary.model import SHORT_TERM, Entry, compound_policy
from glossar.terms.clauses import (
    AUXILIARIES,
    FUNCTION_WORDS,
    PREPOSITION_FORMS,
    participle_shaped,
)
from glossar.terms.name_context import GIVEN_NAME_WORDS
from glossar.text.fold import fold_key

if TYPE_CHECKING:
    from glossar.terms.guards import Guards


#: Ordinal adjectives by their stem (erst-e, dritt-e, letzt-e): they always take an
#: ending; the bare stem is another word ("erst nach dem Vollzug", "acht Tage").
ORDINAL_STEMS = frozenset(
    ["erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt"]
    + ["zehnt", "elft", "zwölft", "letzt"]
)


def read_entries(guards: Guards, entries: Sequence[Entry]) -> None:
    """Fill ``guards``' tables from the entries."""
    # one pass over the entries (string comparisons, set lookups): a 100k-entry
    # glossary's columns cost 0.17 s as 15 passes of map() (compiled build)
    policies, auto, need = guards.policy, guards.auto, guards.need
    maybe_verb, surname_like = guards.maybe_verb, guards.surname_like
    verbs, modifiers, adjectives = guards.verbs, guards.modifiers, guards.adjectives
    for i, entry in enumerate(entries):
        pos = entry.pos
        kind = entry.kind
        de = entry.de
        compound = entry.compound
        term = kind == "term"
        noun = pos == "noun"  # (each compared once: most entries are term nouns)
        if not compound and term and noun:
            # compound_policy's common case, without a Python call per entry
            policy = "none" if len(de) <= SHORT_TERM else "auto"
        else:
            policy = compound_policy(compound, kind, pos, de)
        policies[i] = policy
        if policy == "auto":
            auto[i] = 1
        if term:
            if noun:
                need[i] = maybe_verb[i] = surname_like[i] = 1
            elif pos == "adjective" or (pos == "other" and de[:1].isupper() and " " not in de):
                surname_like[i] = 1
        special = False
        if entry.compound_except:
            guards.excepts[i] = tuple(map(fold_key, entry.compound_except))
            special = True
        if noun:
            if de in GIVEN_NAME_WORDS:  # (none of the tests below)
                guards.given_like.add(i)  # Roman, Mark: not before a surname
        elif pos == "verb":
            verbs.add(i)
            if de in AUXILIARIES:
                guards.auxiliary.add(i)
            special = True
        elif pos == "adjective" or pos == "adverb":
            if de[:1].islower() and " " not in de:
                modifiers.add(i)
                need[i] = 3  # the modifier's checks (a lower-case hit: one test)
                if pos == "adjective":
                    adjectives.add(i)
                    if participle_shaped(de):
                        guards.participles.add(i)
                    if de in FUNCTION_WORDS:
                        guards.function_adjective.add(i)
                    if de in PREPOSITION_FORMS or de + "e" in PREPOSITION_FORMS:
                        guards.preposition_like.add(i)
                    if de in ORDINAL_STEMS:
                        guards.ordinal.add(i)
            if pos == "adverb" and de[:1].islower() and " " not in de and participle_shaped(de):
                # (ausgesprochen, vermehrt: "hat sich … ausgesprochen." is the verb's)
                guards.participles.add(i)
            if pos == "adverb" and de.lower() in FUNCTION_WORDS:
                guards.function_adverb.add(i)
                special = True
        elif pos == "other" and de[:1].islower() and " " not in de:
            guards.lower_other.add(i)
            special = True
        if special:
            need[i] = 2
    if guards.participles and verbs:
        # adjectives whose verb is an entry too (verbessert: verbessern): before a form of
        # "werden" the participle is that verb's passive ("muss verbessert werden")
        heads = {entries[i].de for i in verbs}
        for i in guards.participles:
            if entries[i].pos == "adjective" and _infinitives(entries[i].de) & heads:
                guards.passive_of_entry.add(i)


def _infinitives(participle: str) -> set[str]:
    """The infinitives a weak participle may be of (verbessert: verbessern, verbesserten;
    eingesetzt: einsetzen; informiert: informieren); a strong one's is itself only when
    spelled alike (vertreten)."""
    if participle.endswith("en"):
        return {participle}
    if not participle.endswith("t"):
        return set()
    stem = participle[:-2] if participle.endswith("et") else participle[:-1]
    out = {stem + "en", stem + "n", participle[:-1] + "en"}
    k = participle.find("ge")
    while 0 <= k < len(participle) - 4:  # a separable verb's -ge- (ein|ge|setzt)
        inner = participle[:k] + participle[k + 2 : -1]
        out.update((inner + "en", inner + "n"))
        k = participle.find("ge", k + 1)
    return out
