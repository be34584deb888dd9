"""The guards of adjective and adverb entries (part of :class:`glossar.terms.guards.Guards`):
a capitalised bare form that is a noun of its own (im Arm), an epithet (Katharina die
Große), a participle-shaped
adjective that is the verb here ("habe versucht", "eroberte die Welt"), a function
word's spelling (unter großem Druck), a preposition's (nahe der Grenze).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from glossar.terms.case import noun_reading
from glossar.terms.clauses import (
    PERFECT_PASSIVE_FORMS,
    closes_clause,
    perfect_here,
    preposition_here,
)
from glossar.terms.name_context import epithet
from glossar.terms.word_class import (
    OWN_SENSE_PARTICIPLES,
    noun_of_its_own,
    verb_not_adjective,
)

if TYPE_CHECKING:
    from glossar.terms.guards import Guards


def modifier_ok(guards: Guards, text: str, s: int, e: int, ei: int) -> bool:
    """An adjective's or adverb's hit, unless its spelling is another word here."""
    capital = text[s].isupper()
    if not capital and ei not in guards.particular:
        return True  # the common case: a lower-case adjective or adverb
    found = text[s:e]
    if not found.isascii():  # NFD text reads as NFC text does
        found = unicodedata.normalize("NFC", found)
    de = guards._entries[ei].de
    bare = found.lower() == de
    if (
        capital
        and bare
        and found[1:].islower()
        and noun_reading(text, s)
        and noun_of_its_own(found)
    ):
        # the bare word capitalised, a noun with a noun's forms: a word of its own
        # (im Arm, am Morgen); not a nominalised form (das Neue, auf Englisch) nor
        # a function word at a quotation's start (Wie, Dann)
        return guards._drop("noun spelled like a modifier")
    if capital and epithet(text, s):
        return guards._drop("epithet")  # Ludwig der Deutsche, Katharina die Große
    if ei not in guards.particular:
        return True
    if ei in guards.participles:
        # (an adverb entry: the strict reading, "davon abgesehen hatte sie")
        strict = guards._entries[ei].pos == "adverb"
        if bare and perfect_here(text, s, e, strict=strict):
            return guards._drop("participle of a perfect")  # "habe versucht": versuchen
        if (
            bare
            and ei in guards.passive_of_entry
            and found.lower() not in OWN_SENSE_PARTICIPLES  # ("wird bekannt": known)
            and perfect_here(text, s, e, PERFECT_PASSIVE_FORMS, strict=strict)
        ):
            # the verb is an entry: its passive ("muss verbessert werden"); without it
            # the adjective's English may fit ("wurden verletzt": injured)
            return guards._drop("participle of a passive")
        low = found.lower()
        # (a weak participle's -e form is also the verb's past: versuchte; a strong
        # one's is not: heruntergekommene)
        past = de[-1:] == "t" and low in (de + "e", de + "en")
        if (bare or past) and not capital and verb_not_adjective(text, s, e, bare, de):
            return guards._drop("verb spelled like a participle")  # eroberte die Welt
    if bare and ei in guards.ordinal:
        return guards._drop("ordinal's bare stem")  # "erst nach dem Vollzug": the adverb
    if bare and ei in guards.function_adjective and not closes_clause(text, e):
        return guards._drop("function word")  # "unter großem Druck": no adjective
    if ei in guards.preposition_like and preposition_here(text, s, e):
        return guards._drop("preposition")  # nahe der Grenze, entsprechend dem Vertrag
    return True
