"""Verb forms spelled like a determiner: ``einige``/``einigen`` (einigen, to agree),
``meine``/``meinen`` (meinen, to think), ``eine``/``einen`` (einen, to unite), ``sein``
(the verb and the possessive: "sein Bruder"). In news
these spellings are the determiner many times over ("nach einigen Tagen", "meine Frau",
"einen Vertrag"), so a verb entry's hit there needs the verb's evidence after it:

- its clause ends ("will sich auf Reformen einigen."),
- a pronoun follows ("Meinen Sie …", "einigen sich", "Damit meine ich"),
- an adverb that cannot stand inside a noun phrase follows ("Experten meinen jedoch"),
- a conjunction follows ("meinen, dass", "einigen und …"),
- after an infinitive's spelling, a modal or auxiliary verb ("einigen können", "sein
  dürfte").

A noun, an adjective, a number, an article or a participle after it is the determiner's
phrase or the pronoun's clause ("einige Demonstranten", "einigen wenigen", "einige der
…", "hat einige entdeckt"): no hit.
"""

from __future__ import annotations

import re
import unicodedata

from glossar.terms.clauses import closes_clause

#: Determiners and pronouns whose forms a verb form can share (ein|en, einig|en,
#: mein|en), with every ending a determiner takes.
DETERMINER_FORMS = frozenset(
    stem + ending
    for stem in ("ein", "einig", "mein", "dein", "sein", "kein", "unser", "manch", "jen")
    for ending in ("", "e", "en", "em", "er", "es")
)
#: Words after such a form that show the verb: pronouns (subject after an inverted verb,
#: reflexive or object), adverbs of the clause that a noun phrase does not hold, and
#: conjunctions opening what follows the verb.
_VERB_NEXT = frozenset(
    ["ich", "du", "er", "sie", "es", "wir", "ihr", "man", "sich", "mich", "dich", "uns"]
    + ["euch", "ihm", "ihn", "ihnen", "mir", "dir", "jedoch", "aber", "allerdings"]
    + ["dagegen", "hingegen", "zudem", "außerdem", "daher", "deshalb", "dennoch"]
    + ["trotzdem", "damit", "nämlich", "also", "und", "oder", "sondern", "dass"]
    + ["ob", "weil", "wenn", "denn", "darauf", "dazu", "darüber", "wie", "als"]
    + ["jedenfalls"]
)
#: Words after such a form that show the verb unless the noun phrase goes on past them
#: (:data:`_PHRASE_GOES_ON`): an article or a quantifier ("meinen die Kritiker", "Das
#: meinen viele Experten"; not der, des, dieser: "eine der Frauen", "einige dieser
#: Firmen" are a pronoun's partitive) and adverbs ("meinen nun, …"), which a noun phrase
#: may hold before its adjective ("eine nicht unerhebliche Summe", "Eine den Grünen
#: nahestehende Stiftung").
_VERB_NEXT_UNLESS_PHRASE = frozenset(
    ["die", "das", "den", "dem", "ein", "eine", "einen", "einem", "einer", "viele"]
    + ["vielen", "alle", "allen", "manche", "beide", "nun", "nicht", "auch", "wohl"]
    + ["sogar", "doch", "offenbar", "vielleicht"]
)
#: An inflected adjective or participle before a capitalised noun, within the clause:
#: the determiner's noun phrase goes on ("… nahestehende Stiftung").
_PHRASE_GOES_ON = re.compile(
    "[^.,;:!?…]{0,60}?(?<![^\\W\\d_])[a-zäöüß][a-zäöüß\u0300-\u036f]{2,}(?:e|en|er|es|em)"
    '[)"“”»«]? +[A-ZÄÖÜ]'
)
#: Prepositions after the bare "sein": the verb's ("muss fertig sein bis Ende 2020");
#: the possessive takes its noun first.
_PREPOSITIONS = frozenset(
    ["bis", "nach", "für", "mit", "von", "vor", "bei", "aus", "seit", "ohne", "gegen"]
    + ["um", "in", "an", "auf", "über", "unter", "zu", "zum", "zur", "im", "am", "beim"]
)
#: Modal and auxiliary verbs after an infinitive that closes a subordinate clause
#: ("dass sie sich einigen können").
_MODALS = frozenset(
    ["kann", "können", "konnte", "konnten", "könne", "könnte", "könnten", "will", "wollen"]
    + ["wollte", "wollten", "muss", "müssen", "musste", "mussten", "müsse", "müsste"]
    + ["müssten", "soll", "sollen", "sollte", "sollten", "darf", "dürfen", "durfte"]
    + ["durften", "dürfte", "dürften", "werde", "werden", "wird", "würde", "würden"]
    + ["möchte", "möchten", "lassen", "ließ", "ließen", "mag", "mögen", "möge", "mochte"]
)
_QUOTES = frozenset("\"„“»«‚‘›‹'")
#: A present participle used as an adjective (verschärfende, widersprechenden).
_PARTICIPLE_NEXT = re.compile(" +[a-zäöüß\u0300-\u036f]+nd(?:e|en|er|es|em)\\b")
_WORD = re.compile("[^\\W\\d_](?:[^\\W\\d_]|[\u0300-\u036f])*")


def spelled_like_determiner(found: str) -> bool:
    """Is ``found`` (a verb form as the text spells it) also a determiner's form?"""
    low = found.lower()
    if not low.isascii():
        low = unicodedata.normalize("NFC", low)
    return low in DETERMINER_FORMS


def determiner_here(text: str, s: int, e: int) -> bool:
    """Is the verb form from ``s`` to ``e``, spelled like a determiner, the determiner
    here: no clause end, pronoun, clause adverb or conjunction after it (module doc)?"""
    before = text[max(0, s - 4) : s].lower()
    if before == "zum ":
        return True  # zum einen … zum anderen
    if before[1:] == "zu " and text[s:e].lower() == "sein":
        return False  # "gescheitert zu sein" (zu before a possessive is zu seinem)
    k = e
    while k < len(text) and text[k] == " ":
        k += 1
    if k < len(text) and text[k] in _QUOTES:
        k += 1  # meine „alten“ Ansichten: a quoted word of the phrase
    if text[k : k + 1] == "(":
        # "dürfte gebannt sein (vorerst)"; not "Sein (nicht ganz freiwilliger) Rücktritt"
        return _PHRASE_GOES_ON.match(text, k + 1) is not None
    word = _WORD.match(text, k)
    if word is None:
        # the clause ends, or a number, a dash: the determiner's phrase
        return not closes_clause(text, e)
    after = word.group().lower()
    if not after.isascii():
        after = unicodedata.normalize("NFC", after)
    if (after in _VERB_NEXT_UNLESS_PHRASE) or (
        after in _PREPOSITIONS and text[s:e].lower() == "sein"
    ):
        # "fertig sein bis Ende 2020"; not "Sein im Vorjahr verstorbener Vater"
        return _PHRASE_GOES_ON.match(text, word.end()) is not None
    if after in _VERB_NEXT:
        # a present participle after "sich" belongs to the determiner's phrase:
        # "eine sich verschärfende Krise"
        return after == "sich" and _PARTICIPLE_NEXT.match(text, word.end()) is not None
    # (a modal after "einige" is the pronoun's verb: "einige wollen …")
    return not (after in _MODALS and not text[s:e].lower().endswith("e"))
