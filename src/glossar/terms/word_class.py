"""What a word's shape says about its word class, for the term guards
(:mod:`glossar.terms.guards`): a capitalised adjective or adverb that is a noun of its
own (im Arm), a nominalised adjective opening a headline (Aufständische verwendeten …),
words that follow a verb opening its sentence (Macht nichts), a participle-shaped
adjective that is the verb (eroberte die Welt).
"""

from __future__ import annotations

import re

from glossar.terms.clauses import closes_clause
from glossar.terms.lexicon import is_capital_word

#: Words that follow a verb opening its sentence (Macht nichts, Reise er …): no evidence
#: that the capitalised word before them is a noun.
VERB_FIRST_NEXT = frozenset(
    ["er", "sie", "es", "man", "wir", "ihr", "du", "ich", "nicht", "nichts", "doch", "mal"]
    + ["bitte", "das", "dies", "euch", "uns", "mich", "dich", "sich", "ihm", "ihn", "ihnen"]
)
#: How the stem of a nominalised adjective or participle ends (Aufständisch|e,
#: Protestierend|e, Uniformiert|e, Abgeordnet|e, Jugendlich|e).
_ADJECTIVAL_STEM = ("isch", "end", "iert", "ert", "et", "igt", "lich", "ig", "ene")
#: Adverbs of the closed class: capitalised, they open a sentence or a quotation, never
#: a noun (the lexicon lists "Wie", "Dann", "So" from sentence starts).
_CLOSED_ADVERBS = frozenset(
    ["wie", "wo", "wann", "warum", "weshalb", "wieso", "was", "dann", "da", "so", "nun"]
    + ["hier", "dort", "noch", "schon", "auch", "nur", "doch", "ja", "nein", "denn"]
    + ["damit", "darum", "deshalb", "also", "sonst", "jetzt", "immer", "nie", "oft"]
)


def noun_of_its_own(word: str) -> bool:
    """Is the capitalised ``word`` (NFC) a noun with a noun's forms in the lexicon (Arm:
    Armes, Arme; Morgen: Morgens), not only a capitalised adverb or a language's name?"""
    low = word.lower()
    if low in _CLOSED_ADVERBS or low.endswith("sch") or not is_capital_word(word):
        return False
    if any(is_capital_word(word + ending) for ending in ("es", "e", "en")):
        return True
    if low.endswith(("en", "el", "er")):
        return is_capital_word(word + "s")  # der Morgen, des Morgens
    return low.endswith("e") and is_capital_word(word + "n")  # das Ende, die Enden


def adjectival(word: str) -> bool:
    """Is ``word`` (as found) a nominalised adjective or participle by its ending: one
    adjective ending (-e, -en, -er) after an adjective's or participle's stem?"""
    low = word.lower()
    for ending in ("en", "er", "e"):
        if low.endswith(ending):
            return low[: -len(ending)].endswith(_ADJECTIVAL_STEM)
    return False


#: Words after a participle-shaped adjective's form that make it the verb: an article, a
#: pronoun or a possessive opens the verb's object or subject ("eroberte die Welt",
#: "versuchten sie", "erhöht die Anfälligkeit"); an adjective stands before its noun.
#: Not "sein" ("verheiratet sein wollte": the adjective) nor "auch" ("sind … verstärkt
#: auch nahe der Grenze": the adverb).
_VERB_OBJECT_NEXT = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"]
    + ["eines", "sie", "er", "es", "sich", "ihn", "ihm", "ihr", "ihre", "ihren", "ihrem"]
    + ["seine", "seinen", "seinem", "man", "wir", "uns", "mich", "dich", "kein", "keine"]
    + ["keinen", "dieser", "diese", "diesen", "diesem", "dieses", "nun"]
)
_NEXT_WORD = re.compile(" *([^\\W\\d_]+)")


def verb_not_adjective(text: str, e: int, bare: bool) -> bool:
    """Is the participle-shaped adjective's form ending at ``e`` the verb's finite form
    here: an object or subject follows ("Das Internet eroberte die Welt", "erhöht die
    Anfälligkeit") or, for a form with an ending (versuchte: also the verb's past), its
    clause ends ("Valentino versuchte, …")? Before its noun it is the adjective ("die
    versuchte Flucht"); the bare form at a clause's end too ("sind erhöht.")."""
    m = _NEXT_WORD.match(text, e)
    if m is None:
        return not bare and closes_clause(text, e)
    return m.group(1) in _VERB_OBJECT_NEXT
