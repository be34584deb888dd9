"""Mending the English around a glossary term put into a translation.

Enforcement (:mod:`glossar.mt.enforce`, :mod:`glossar.mt.placeholder`) and constrained
decoding (:mod:`glossar.mt.constrain`) all swap or insert a term into English the
model wrote for another word. After each edit the English is mended: ``a``/``an``
before the term, a capital at the start of the sentence, a plural when the German form
was plural, a verb's tense (is escalated, undermined, escalates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from glossar.terms.match import TermMatch
from glossar.text.english import IRREGULAR_PLURALS
from glossar.text.english_verbs import english_verb_form
from glossar.text.morphology.nouns import adjectival as adjectival_noun
from glossar.text.verbs import german_verb_form, plural_past, verb_form_of, verb_idiom

__all__ = [
    "indefinite_article",
    "plural_in_german",
    "pluralise",
    "put_term",
    "slot_term",
    "subject_before_verb",
    "term_in_form",
]

_SENTENCE_START = re.compile(r"(^|[.!?:]\s+)[\"'„“‚‘«»(\[]*\s*$")

#: Words spelled with a vowel that sound like "you" or "won" (a union, a one-off); not
#: the prefix un- (an unidentified gunman) nor ur- (an urban area).
_AN_EXCEPTIONS = (
    "eu", "union", "unit", "univers", "uniq", "uniform", "unilat", "unison", "unan", "use",
    "usu", "usa", "uran", "urin", "urug", "one", "once",
    "ukrain", "ural", "util", "utop", "usur", "ubiq",  # a Ukrainian, a Ural, a utility
)  # fmt: skip
_AN_LETTERS = set("AEFHILMNORSX")  # letters whose name starts with a vowel sound


def _spoken_as_a_word(acronym: str) -> bool:
    """Is an acronym read as a word (NATO, NASA, OPEC: consonants and vowels take turns)
    rather than letter by letter (NGO, FBI, FPÖ)?"""
    if len(acronym) < 4 or not acronym.isalpha():
        return False
    vowels = [c in "AEIOU" for c in acronym]
    return all(a != b for a, b in zip(vowels, vowels[1:], strict=False))


def indefinite_article(term: str) -> str:
    """``a`` or ``an`` for ``term`` (spelling heuristics; acronyms by letter name)."""
    word = term.split()[0] if term.split() else term
    if len(word) > 1 and word.isupper() and not _spoken_as_a_word(word):
        return "an" if word[0] in _AN_LETTERS else "a"
    low = word.lower()
    if low.startswith(("hour", "honest", "honour", "heir")):
        return "an"
    if low.startswith(_AN_EXCEPTIONS):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


_INVARIANT = frozenset(
    [
        "aircraft",
        "spacecraft",
        "personnel",
        "equipment",
        "information",
        "unrest",
        "police",
        "news",
        "media",
        "evidence",
        "support",
        "sheep",
        "series",
        "species",
        "offspring",
        "injured",
        "wounded",
        "dead",
        "missing",
    ]
)


_MAN_S = frozenset(["human", "german", "roman", "shaman", "talisman", "ottoman", "caiman"])


def pluralise(term: str) -> str:
    """English plural of ``term``'s head noun (regular rules; ``X of Y`` pluralises X)."""
    if " of " in term:
        first, _, rest = term.partition(" of ")
        return f"{pluralise(first)} of {rest}"
    head, _, last = term.rpartition(" ")
    if last.lower() in _INVARIANT or (last.isupper() and len(last) > 1):
        return term
    irregular = IRREGULAR_PLURALS.get(last.lower())
    if irregular is None and last.lower().endswith("man") and last.lower() not in _MAN_S:
        irregular = last.lower()[:-3] + "men"  # policeman, chairman
    if irregular is not None:
        last = last[:1] + irregular[1:]
        return f"{head} {last}" if head else last
    if last.endswith("s") and not last.endswith(("ss", "us", "is", "as", "os")):
        return term  # already plural ("riots", "ground troops")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


def plural_in_german(match: TermMatch, source: str) -> bool:
    """Whether the term found as ``match`` is a plural noun in ``source`` (its determiner
    or its form says so: "die beiden verfeindeten Bündnisse"), so its English is plural."""
    return _german_is_plural(match, "", source)


def _german_is_plural(match: TermMatch, rendering: str, source: str = "") -> bool:
    entry = match.entry
    if entry.kind != "term" or match.variant == "abbr":
        return False
    if entry.pos not in ("noun", "other") or not entry.de[:1].isupper():
        return False
    if source:  # the German says it: a determiner before the word
        number = german_plural(source, match)
        if number is not None:
            return number
    if entry.pos != "noun":
        return False
    surface = match.text.casefold()
    if entry.plural and entry.plural.casefold() != entry.de.casefold():
        plural = entry.plural.casefold()
        if surface in (plural, plural + "n"):
            return True
    if entry.plural and entry.plural == entry.de and surface == entry.de.casefold() + "n":
        return True  # den Beobachtern: a plural like its singular, in the dative
    last = rendering.split()[-1] if rendering.split() else ""
    return (
        last.endswith("s")
        and not last.endswith("ss")
        and rendering.casefold() != surface
        and rendering.isascii()
        and surface != entry.de.casefold()
        and not (entry.genitive and surface == entry.genitive.casefold())
    )


#: Singular English words ending in -s.
_S_SINGULARS = frozenset(["news", "series", "species", "means", "gas", "bus", "lens", "chaos"])


def _plural_english(term: str) -> bool:
    """Does an English term (a user's "actions") read as a plural? Its head word (the
    last, or the one before "of": "wave of protests" is one wave) in -s, not an acronym
    (US), -ss, -us, -is, -as, -os, -ics or a singular in -s (news, gas)."""
    head = term.split(" of ", 1)[0]
    last = head.rsplit(None, 1)[-1] if head.split() else ""
    return (
        len(last) > 3
        and last.islower()
        and last.endswith("s")
        and not last.endswith(("ss", "us", "is", "as", "os", "ics"))
        and last not in _S_SINGULARS
    )


def _capitalise(term: str) -> str:
    return term[:1].upper() + term[1:]


#: "this" right before a slot ("that" may be a conjunction: "said that protests were").
_THIS_BEFORE = re.compile(r"(?<!\w)(this)(\s+)\Z", re.IGNORECASE)


def _same_case(model: str, word: str) -> str:
    """``word`` in the case ``model`` is written in (THIS → THESE, This → These)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _plural_demonstrative(before: str) -> str:
    """``before`` with a "this" right before a plural term made "these"."""
    found = _THIS_BEFORE.search(before)
    if found is None:
        return before
    return before[: found.start(1)] + _same_case(found.group(1), "these") + found.group(2)


def lower_case_abbreviations(matches: Iterable[TermMatch]) -> frozenset[str]:
    """The English abbreviations of ``matches``' entries written in lower case (dpa):
    kept in lower case at the start of a sentence too (:func:`_put`)."""
    return frozenset(a for m in matches for a in m.entry.en_abbr if a.islower())


#: A singular verb right after a noun made plural, and its plural.
_SINGULAR_VERB_AFTER = re.compile(r"(\s+)(is|was|has)\b(?!['’])", re.IGNORECASE)
_PLURAL_OF_VERB = {"is": "are", "was": "were", "has": "have"}
#: "there is" right before a noun made plural ("There is peoples").
_THERE_IS_BEFORE = re.compile(r"\b(there)(\s+)(is|was)(\s+(?:an?\s+)?)$", re.IGNORECASE)
#: Words after which the noun is no subject ("support for allies has grown").
_PREPOSITIONS_EN = frozenset(
    ["for", "of", "to", "with", "by", "from", "in", "on", "at", "about", "against"]
    + ["between", "among", "into", "over", "under", "without", "after", "before"]
)


#: German finite plurals that are not -en forms.
_PLURAL_FINITE = frozenset(["sind", "waren", "seien", "wären"])
_NEXT_GERMAN_WORD = re.compile(r"\s+([^\W\d_]+)")


def subject_before_verb(source: str, match: TermMatch) -> bool:
    """Whether the German noun at ``match`` is the subject of a finite plural verb: one
    right after it ("ihre Verbündeten versuchen", "die Proteste waren"), not a zu-
    infinitive ("seine Truppen zurückzuziehen"), or a plural auxiliary or modal before it
    in its clause ("Jetzt sind die Verbündeten gefragt"). Only then does the model's "is"
    after its English agree with it ("What worries her ally is the cost" keeps its "is")."""
    nxt = _NEXT_GERMAN_WORD.match(source, match.end)
    if nxt is not None:
        word = nxt.group(1)
        infinitive = "zu" in word[2:-3]  # zurückzuziehen, abzuziehen
        plural_form = word.endswith(("en", "eln", "ern")) or word in _PLURAL_FINITE
        if word.islower() and not infinitive and plural_form:
            return True
    start, _end = _german_clause(source, match)
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", source[start : match.start])]
    at = next((k for k in range(len(words) - 1, -1, -1) if words[k] in _PLURAL_AUXILIARIES), -1)
    if at < 0:
        return False
    # verb second with an adverb or nothing before it ("Jetzt sind die Verbündeten …",
    # "Sind die Proteste …"), and no subject pronoun or preposition between: "Wir haben
    # andere Länder gebeten", "konnten die Unruhen nicht eindämmen" are objects
    if at > 1 or (at == 1 and words[0] not in _V2_ADVERBS):
        return False
    between = words[at + 1 :]
    return not any(w in _SUBJECT_PRONOUNS or w in _PREPOSITIONS for w in between)


#: German singular finite verbs that follow their subject ("Russland müsse", "ist").
_SINGULAR_FINITE = frozenset(
    ["ist", "war", "sei", "wäre", "hat", "hatte", "habe", "wird", "wurde", "kann", "konnte"]
    + ["muss", "musste", "müsse", "soll", "sollte", "solle", "will", "wollte", "wolle", "darf"]
)
_PLURAL_VERB_AFTER = re.compile(r"(\s+)(are|were|have)\b(?!['’])", re.IGNORECASE)
_SINGULAR_OF_VERB = {plural: singular for singular, plural in _PLURAL_OF_VERB.items()}


_PREVIOUS_GERMAN_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)\s+$")


def singular_subject_before_verb(source: str, match: TermMatch) -> bool:
    """Whether the German name at ``match`` is the subject of a singular verb right
    after it ("Russland müsse sich …", "Moskau hat …") or, verb second, right before it
    ("Laut Moskau hat Russland …"), so the model's plural "are" after its English agrees
    with it (a tester's "Russia are at each other"; "Belarus have")."""
    nxt = _NEXT_GERMAN_WORD.match(source, match.end)
    if nxt is not None and nxt.group(1) in _SINGULAR_FINITE:
        return True
    previous = _PREVIOUS_GERMAN_WORD.search(source, max(0, match.start - 16), match.start)
    return previous is not None and previous.group(1) in _SINGULAR_FINITE


def _singular_agreement(after: str) -> str:
    """``after`` a singular name, with the model's "are", "were", "have" right after it
    made singular."""
    verb = _PLURAL_VERB_AFTER.match(after)
    if verb is None:
        return after
    singular = _same_case(verb.group(2), _SINGULAR_OF_VERB[verb.group(2).lower()])
    return verb.group(1) + singular + after[verb.end() :]


#: Adverbs that may stand before a verb-second auxiliary, its subject after it.
_V2_ADVERBS = frozenset(
    ["jetzt", "dann", "nun", "heute", "damals", "inzwischen", "zudem", "außerdem", "deshalb"]
    + ["daher", "darum", "dort", "hier", "gestern", "morgen", "bald", "oft", "auch", "so"]
    + ["da", "doch", "trotzdem", "derzeit", "bisher", "seitdem", "zuletzt", "erst"]
)
_SUBJECT_PRONOUNS = frozenset(["ich", "du", "er", "sie", "es", "wir", "ihr", "man"])


#: Plural auxiliaries and modals that make a later noun of their clause their subject.
_PLURAL_AUXILIARIES = _PLURAL_FINITE | frozenset(
    ["haben", "hatten", "werden", "wurden", "können", "konnten", "müssen", "mussten"]
    + ["sollen", "sollten", "wollen", "wollten", "dürfen"]
)


_ENGLISH_CLAUSE_END = re.compile(r"[,;:.!?()]")


def _last_clause(english: str) -> str:
    """The English after the last punctuation: the clause a slot at its end is in."""
    return _ENGLISH_CLAUSE_END.split(english)[-1]


def _plural_agreement(before: str, after: str) -> tuple[str, str]:
    """``before`` and ``after`` a noun made plural, with the model's singular "is",
    "was", "has" right after it (when the noun can be the subject: no preposition among
    the three words before it) or "there is" right before it made plural."""
    clause = _last_clause(before[-40:])  # "In Kazakhstan, the ally is"
    words = re.findall(r"[A-Za-z]+", clause)
    if not any(w.lower() in _PREPOSITIONS_EN for w in words[-3:]):
        verb = _SINGULAR_VERB_AFTER.match(after)
        if verb is not None:
            after = verb.group(1) + _plural_verb(verb.group(2)) + after[verb.end() :]
    there = _THERE_IS_BEFORE.search(before)
    if there is not None:
        before = before[: there.start(3)] + _plural_verb(there.group(3)) + there.group(4)
    return before, after


def _plural_verb(verb: str) -> str:
    """The plural of a singular "is", "was", "has", in its case."""
    return _same_case(verb, _PLURAL_OF_VERB[verb.lower()])


def _put(
    text: str,
    start: int,
    end: int,
    term: str,
    plural: bool = False,
    lower: frozenset[str] = frozenset(),
    agree: bool = False,
    plural_noun: bool = False,
    singular: bool = False,
) -> tuple[str, int, int]:
    """Replace ``text[start:end]`` by ``term`` and mend article and capital letter.

    ``plural``: the term was inflected (a noun made plural, a verb put in a form), so an
    ``a``/``an`` before it goes. ``agree``: it is a plural noun and the subject, so the
    model's "is" after it agrees. ``plural_noun``: a plural noun ("this" before it
    becomes "these"). ``singular``: a singular name and the subject, so the model's "are"
    after it agrees. ``lower``: terms that keep their lower case at a sentence start (dpa).
    """
    before, after = text[:start], text[end:]
    if agree:  # the model's verb agreed with its singular: "their allies is"
        before, after = _plural_agreement(before, after)
    if singular:  # and with its plural: "Several martial artists are" → "Russia is"
        after = _singular_agreement(after)
    art = re.search(r"(?<![\w])(an?|An?|AN?)(\s+)$", before)
    if art and (plural or _plural_english(term)):  # "this an actions": no article
        capital = art.group(1)[0].isupper()
        before = before[: art.start(1)]
        if capital:
            term = _capitalise(term)
        art = None
    if plural_noun:  # "This riots are": these riots (a noun made plural, no idiom)
        before = _plural_demonstrative(before)
    if _SENTENCE_START.search(before) and term not in lower:
        term = _capitalise(term)
    if art:
        wanted = indefinite_article(term)
        old = art.group(1)
        new = wanted if old.islower() else _capitalise(wanted)
        if old.isupper() and len(old) > 1:
            new = wanted.upper()
        before = before[: art.start(1)] + new + art.group(2)
    if before and not before[-1].isspace() and before[-1] not in "„“\"'(«‚‘-/":
        before += " "
    if (
        after
        and not after[0].isspace()
        and (after[0] not in ".,;:!?)»“”\"'’-/" or re.match(r"[\"“]\w", after))
    ):  # no space before closing punctuation; one before an opening quote ("This …)
        term += " "
    return before + term + after, len(before), len(before) + len(term)


def put_term(
    text: str, start: int, end: int, term: str, match: TermMatch, source: str = ""
) -> tuple[str, int, int]:
    """:func:`_put` ``term`` (``match``'s English, in a form :func:`slot_term` or
    :func:`term_in_form` gave) with the mending that form asks for: an inflected term
    loses an "a"/"an" before it; a plural noun (made plural, or plural in English: riots)
    turns "this" into "these" and, as the subject of a plural German verb, the model's
    "is" after it into "are"; a lower-case abbreviation stays lower case. A title
    capitalised before a name loses an "a" too ("a President Jimmy Carter"), but is no
    plural."""
    made = term != match.english
    inflected = term.lower() != match.english.lower()
    plural_noun = match.entry.pos == "noun" and (inflected or _plural_english(term))
    agree = plural_noun and subject_before_verb(source, match)
    singular = match.entry.pos == "proper-noun" and singular_subject_before_verb(source, match)
    lower = lower_case_abbreviations([match])
    return _put(text, start, end, term, made, lower, agree, plural_noun, singular)


def slot_term(match: TermMatch, text: str, start: int, end: int, source: str) -> tuple[int, str]:
    """``match``'s English for the slot ``text[start:end]`` in the form the German shows,
    and where its edit begins: before a "be" the model wrote in front of a finite verb
    ("is escalate" → "escalates")."""
    rendering = text[start:end]
    if takes_verb_form(match):
        form = verb_form(match, text[:start], rendering, source)
        return finite_slot_start(text, start, form), english_verb_form(match.english, form)
    term = term_in_form(match, rendering, match.english, text[:start], source)
    if _needs_the(match, text, end, source):
        return _with_the(text, start, term)
    begin = _past_no_determiner(match, text, start, end, source)
    if begin < start:  # "the eastern Ukraine": the determiner goes, the compass word stays
        kept = _COMPASS_BEFORE.search(text, begin, start)
        if kept is not None:
            term = kept.group(1) + " " + term
    return begin, term


def takes_the(match: TermMatch) -> bool:
    """Whether a capitalised English term is written with "the" (the Kremlin, the Cold
    War, the CSTO), as the entry's own example or note writes it; NATO is not."""
    entry = match.entry
    said = f"{entry.example_en or ''} {entry.note or ''}"
    return any(
        re.search(rf"\bthe\s+{re.escape(term)}\b", said, re.IGNORECASE)
        for term in (match.english, entry.en, *entry.en_abbr)
        if term
    )


#: A German definite article or preposition with one, right before a name (die USA, im
#: Kreml, nach dem Kalten Krieg).
_GERMAN_THE_BEFORE = re.compile(
    r"(?<![\w-])(?:die|der|den|dem|des|im|vom|zum|zur|beim|am|ins|ans)\s+$", re.IGNORECASE
)
#: A determiner the model wrote right before a slot, other than "the".
_OTHER_DETERMINER_BEFORE = re.compile(
    r"(?<![\w'’])(?:a|an|this|that|its|their|his|her|our|my|your)(\s+)$", re.IGNORECASE
)


def _needs_the(match: TermMatch, text: str, end: int, source: str) -> bool:
    """Whether a name put at a slot needs a "the" the model did not write there: a name
    the entry writes with "the" (:func:`takes_the`), after a German definite article
    ("in den USA": in the US; a tester's "before US", "his United States"); not as the
    modifier of a compound (US-Truppen: US troops; "US-led"), nor as a genitive the
    model wrote before its noun ("ein Sprecher des Kreml": "A Kremlin spokesman", whose
    "A" is the spokesman's)."""
    if match.entry.pos != "proper-noun" or match.compound or not source:
        return False
    if match.english.lower().startswith("the ") or not match.english[:1].isupper():
        return False
    if source[match.end : match.end + 1] == "-" or text[end : end + 1] == "-":
        return False
    if _GERMAN_THE_BEFORE.search(source, max(0, match.start - 8), match.start) is None:
        return False
    if _genitive_attribute(source, match) and noun_after(text, end):
        return False
    return takes_the(match)


#: A German noun, and a genitive article, right before a name: the name belongs to that
#: noun ("Sprecher des Kreml", "Politik der Ukraine", "Regierung Moskaus").
_GERMAN_NOUN_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+\s+(?:(?:der|des)\s+)?$")


def _genitive_attribute(source: str, match: TermMatch) -> bool:
    """Whether the German name at ``match`` is a genitive attribute of the noun before
    it, so an English determiner before the name may be that noun's ("the Moscow
    government" for "die Regierung Moskaus"). A sentence's first word is no noun for
    certain: it is capitalised anyway."""
    found = _GERMAN_NOUN_BEFORE.search(source, max(0, match.start - 40), match.start)
    if found is None:
        return False
    before = source[: found.start()].rstrip()
    return bool(before) and before[-1] not in '.!?:"„“«»'


def modifies_noun(match: TermMatch, source: str) -> bool:
    """Whether the German name at ``match`` qualifies a noun: the first part of a
    compound (Ukraine-Krise) or a genitive attribute ("die Krise der Ukraine")."""
    return bool(match.compound) or _genitive_attribute(source, match)


def noun_after(text: str, end: int) -> bool:
    """Whether the English right after a slot reads as a noun the name modifies ("the
    Ukraine crisis", "the Moscow-based"): a lower-case word that is no verb or function
    word, or a hyphen."""
    if text[end : end + 1] == "-":
        return True
    after = re.match(r"\s*([A-Za-z]+)", text[end:])
    return bool(after and after.group(1).islower() and after.group(1) not in _NOT_A_NOUN_AFTER)


#: A determiner the model wrote right before a slot ("in a Moscow", "This US"), or
#: before a compass word there ("in the eastern Ukraine": in eastern Ukraine).
_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central)"
_DETERMINER_BEFORE = re.compile(
    rf"(?<![\w'’])(?:the|a|an|this|that)\s+(?:{_COMPASS}\s+)?$", re.IGNORECASE
)
_COMPASS_BEFORE = re.compile(rf"\b({_COMPASS})\s+$", re.IGNORECASE)
#: Words after a slot that show the name is not a modifier ("the NATO summit" keeps "the").
_NOT_A_NOUN_AFTER = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "and", "or", "but", "of", "in", "on"]
    + ["at", "to", "for", "with", "by", "from", "as", "said", "says", "will", "would"]
    + ["can", "could", "must", "should", "may", "also", "not", "that", "which", "who"]
)


def _past_no_determiner(match: TermMatch, text: str, start: int, end: int, source: str) -> int:
    """Where a name put at ``text[start:end]`` begins its edit: before a determiner the
    model wrote for its own word, when the name takes none (a tester's "in a Moscow",
    "the Ukraine" — which the glossary deprecates, "in the Moscow refused"); not before
    a name the German makes the attribute of a noun that the English writes after it
    ("die Regierung Moskaus": the Moscow government)."""
    if match.entry.pos != "proper-noun" or match.compound or not match.english[:1].isupper():
        return start
    found = _DETERMINER_BEFORE.search(text, max(0, start - 24), start)
    if found is None or takes_the(match):
        return start
    if text[end : end + 1] == "-" or (
        noun_after(text, end) and (not source or _genitive_attribute(source, match))
    ):
        return start
    return found.start()


def _with_the(text: str, start: int, term: str) -> tuple[int, str]:
    """``term`` with "the", and where its edit starts: a model's other determiner before
    the slot goes ("his United States": the United States); none is added after "the",
    "these", "those" or a possessive ("Russia's")."""
    before = text[:start].rstrip()
    last = before.rsplit(None, 1)[-1] if before else ""
    low = last.lower().strip("\"'„“‚‘«»(")
    if low in ("the", "these", "those") or low.endswith(("'s", "’s", "s'")):
        return start, term
    other = _OTHER_DETERMINER_BEFORE.search(text, max(0, start - 8), start)
    if other is not None:
        the = "The" if other.group()[:1].isupper() else "the"
        return other.start(), f"{the} {term}"
    return start, f"the {term}"


def takes_verb_form(match: TermMatch) -> bool:
    """Whether the English of ``match`` is a verb to put in the German's form: a verb, or
    a verb idiom (eilte zur Hilfe: rushed to help; steckt hinter: is behind)."""
    entry = match.entry
    if entry.pos == "verb":
        return match.variant != "abbr"
    return entry.pos == "phrase" and verb_idiom(entry.de, tuple(entry.forms))


def term_in_form(
    match: TermMatch, rendering: str, english: str, before: str = "", source: str = ""
) -> str:
    """``english`` in the form the German shows: a noun's plural, a verb's tense
    (:func:`verb_form`); ``before`` is the English before the slot, ``source`` the German
    sentence ``match`` was found in, where known."""
    if takes_verb_form(match):
        return english_verb_form(english, verb_form(match, before, rendering, source))
    term = pluralise(english) if _german_is_plural(match, rendering, source) else english
    if source and english.lower() in _TITLES and _name_follows(source, match.end):
        return " ".join(w[:1].upper() + w[1:] for w in term.split(" "))  # President Carter
    return term


#: English titles written with a capital right before a name (President Jimmy Carter,
#: but "the president of the party").
_TITLES = frozenset(
    ["president", "prime minister", "chancellor", "foreign minister", "minister", "king"]
    + ["queen", "pope", "senator", "governor", "mayor", "vice president", "premier"]
)
#: Names joined after a title: "Präsidenten Putin und Xi", "Emmanuel Macron und Olaf Scholz".
_NAMES_JOINED = re.compile(
    r"\s+[A-ZÄÖÜ][^\W\d_]*(?:\s+[A-ZÄÖÜ][^\W\d_]*)?\s+(?:und|sowie)\s+[A-ZÄÖÜ]"
)
_NEXT_WORD = re.compile(r"\s+([A-ZÄÖÜ][^\W\d_]*(?:-[A-ZÄÖÜ][^\W\d_]*)?)")


def _name_follows(source: str, end: int) -> bool:
    """Does a name follow the German word ending at ``end`` ("Präsidenten Jimmy Carter",
    "Staatschef Xi")? A capitalised word right after a title, with no article between,
    is a name (or a country's genitive: "Präsident Frankreichs", where a capital is
    right too)."""
    return _NEXT_WORD.match(source, end) is not None


#: German words before a noun (over adjectives and ordinals) that make it plural or
#: singular, whatever its gender.
_PLURAL_WORDS = frozenset(
    ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf"]
    + ["mehrere", "mehreren", "viele", "vielen", "alle", "allen", "beide", "beiden"]
    + ["einige", "einigen", "zahlreiche", "zahlreichen", "wenige", "wenigen", "manche"]
    + ["manchen", "etliche", "etlichen", "sämtliche", "sämtlichen", "hunderte", "tausende"]
)
_SINGULAR_WORDS = frozenset(
    ["ein", "eine", "einem", "einen", "einer", "eines", "dem", "des", "jedem", "jeden"]
    + ["jeder", "jedes", "diesem", "dieses", "jenem", "jenes", "seinem", "seines"]
    + ["ihrem", "ihres", "meinem", "meines", "unserem", "unseres", "keinem", "keines"]
    # a tester's "das kasachische Volk" → "peoples": das and the contractions of dem/der
    + ["das", "vom", "zum", "zur", "im", "am", "beim", "ins", "ans", "welches", "welchem"]
    + ["sein", "mein", "dein", "unser", "euer", "kein"]  # not ihr: "schickte ihr Truppen"
)
#: Singular words that are also relative pronouns after a comma ("ein Gesetz, das …").
_RELATIVE = frozenset(["das", "welches", "welchem"])
#: Finite verbs where the walk back over adjectives stops ("Das sind Verbündete").
_FINITE_VERBS = _PLURAL_AUXILIARIES | frozenset(
    ["ist", "war", "wird", "wurde", "sei", "hat", "hatte", "kann", "konnte", "muss"]
    + ["musste", "soll", "sollte", "will", "wollte", "darf", "bleibt", "bleiben", "gibt"]
    + ["gab"]
)


def _after_comma(source: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether token ``index`` follows a comma, directly or after a preposition ("ein
    Land, in das …"): a relative pronoun, not an article."""
    if source[: tokens[index].start()].rstrip().endswith(","):
        return True
    return (
        index > 0
        and tokens[index - 1].group().lower() in _PREPOSITIONS
        and source[: tokens[index - 1].start()].rstrip().endswith(",")
    )


#: Prepositions that open a phrase inside a participle attribute ("das vom Kreml
#: angeführte Bündnis"): the noun after them is not the determiner's noun.
_PREPOSITIONS = frozenset(
    ["vom", "von", "zum", "zur", "im", "am", "beim", "mit", "durch", "für", "gegen", "aus"]
    + ["nach", "bei", "in", "auf", "unter", "über", "seit", "gegenüber"]
)
#: Words that are plural before a masculine or neuter noun (singular only before a
#: feminine one: die Präsidentin, die Regierung).
_PLURAL_BEFORE_M_N = frozenset(
    ["die", "diese", "jene", "meine", "deine", "seine", "ihre", "unsere", "eure", "keine"]
)
_GERMAN_TOKEN = re.compile(r"[^\W\d_][\w-]*|\d+\.")


def german_plural(source: str, match: TermMatch) -> bool | None:
    """Is the noun found as ``match`` plural in ``source``, by the word before it (over
    adjectives and an ordinal: "den 45. Präsidenten", "dem amtierenden Präsidenten",
    "ihre Verbündeten", "zahlreiche tote Protestierende")? None when that word does not
    say (den Präsidenten: one, or several). The modifier of a hyphenated compound
    (Protest-Bewegung) is never plural: English modifiers are singular."""
    if source[match.end : match.end + 1] == "-" or source[match.end : match.end + 1].isalpha():
        return False  # the modifier of a compound (Protest-Bewegung, Rohstoff|preise)
    start = match.start
    while start > 0 and (source[start - 1].isalpha() or source[start - 1] == "-"):
        start -= 1  # the whole word (US-Präsidenten)
    tokens = list(_GERMAN_TOKEN.finditer(source, max(0, start - 80), start))
    words = [t.group() for t in tokens]
    entry = match.entry
    # the head noun decides (a phrase: "der Deutschen Bahn" is no plural of Bahn)
    surface = match.text.rsplit(None, 1)[-1].casefold()
    head = entry.de.rsplit(None, 1)[-1].casefold()
    if entry.gender == "m" and surface.endswith(("in", "innen")) and not head.endswith("in"):
        return surface.endswith("innen")  # Präsidentin(nen) of Präsident
    extended = surface != head
    # a noun declined like an adjective: die Verletzte (one woman), die Verletzten
    adjectival = head.endswith("e") and surface in (head, head + "n") and adjectival_noun(entry.de)
    # the singular's own form, unlike its plural (sagte Präsident Weizman; Präsident X und
    # Y): singular where no word before says otherwise (not zwei Abgeordnete: adjectival)
    own_singular = bool(
        not extended
        and not adjectival
        and entry.plural
        and entry.plural.rsplit(None, 1)[-1].casefold() != head
    )
    unknown = False if own_singular else None
    ordinal = False
    adjective = ""  # the adjective right before the noun, where there is one
    recent = words[-6:]
    attribute = -1  # the index of a preposition opening a participle attribute
    for k in range(len(recent) - 1, max(-1, len(recent) - 6), -1):
        word = recent[k]
        low = word.lower()
        if k == attribute:
            continue  # "vom" of "das vom Kreml angeführte Bündnis"
        if low in _PLURAL_WORDS or low == "paar":  # ein paar: a few
            return True
        if low in _FINITE_VERBS:
            break  # "Das sind Verbündete": no adjective, and "das" is not the noun's
        if low == "ihr":
            return unknown  # ihr Bündnis (one) or "schickte ihr Truppen" (several)
        if (
            low == "am"
            and k + 2 < len(recent)
            and recent[k + 1].lower().endswith("sten")
            and recent[k + 1].lower() not in ("ersten", "nächsten")
            and recent[k + 2].islower()
        ):
            continue  # a superlative: "der am tiefsten angelegten Systeme"
        if low in _SINGULAR_WORDS:
            if low in _RELATIVE and _after_comma(source, tokens, len(tokens) - len(recent) + k):
                return unknown  # "ein Gesetz, (in) das Proteste …": a relative pronoun
            return False
        if word[:-1].isdigit():  # an ordinal: "den 45. Präsidenten" is one
            ordinal = True
            continue
        first = source[: tokens[len(tokens) - len(recent) + k].start()].rstrip()
        at_start = not first or first[-1] in '.!?:;"„“«»('
        lower_word = word.islower() or (at_start and _adjective_at_start(word))
        if lower_word and low not in _PLURAL_BEFORE_M_N and low not in ("der", "den"):
            if not adjective:
                adjective = low
            if low.endswith("em"):  # als künftigem Präsidenten: a dative singular
                return False
            continue  # an adjective
        if low in _PLURAL_BEFORE_M_N:
            if adjectival:  # die Verletzte: one woman; die Verletzten: several
                return surface == head + "n"
            if extended or entry.gender in ("m", "n"):
                return True  # a feminine singular takes no ending after "die"
            return unknown
        if low == "der":  # nominative masculine, genitive plural, feminine singular
            if k and recent[k - 1].lower() in ("einer", "eines", "eine", "einem"):
                return True  # einer der engsten Verbündeten: one of several
            if adjectival and surface == head:
                return False  # der Verbündete: one (weak form)
            return True if extended and entry.gender != "f" and not adjectival else unknown
        if low == "den":  # accusative singular masculine or dative plural
            if _NAMES_JOINED.match(source, match.end):
                return True  # mit den Präsidenten Putin und Xi: two people
            # a title after "den" is one person (an den Präsidenten des Landtags)
            return False if ordinal or entry.en.lower() in _TITLES else unknown
        if adjective and word[:1].isupper() and k and recent[k - 1].lower() in _PREPOSITIONS:
            attribute = k - 1  # the noun of "vom Kreml angeführte": look past it
            continue
        break  # another word: no determiner before the noun
    # no determiner: the singular's own form, a strong adjective tells (unabhängige
    # Beobachter: several; a masculine singular would be unabhängiger), or a name after
    # a title (Nigerias Präsidenten Sani Abacha: one)
    if own_singular:
        return False
    if adjectival and surface == head and subject_before_verb(source, match):
        # "Verbündete kamen", "Das sind Verbündete": one would be "Verbündeter" (but "Sie
        # ist Verbündete des Präsidenten" is one woman: the verb decides)
        return True
    if adjective.endswith("e") and entry.gender in ("m", "n") and not adjectival:
        return True
    if adjective.endswith("en") and extended and surface.endswith("n"):
        return True  # von politischen Beobachtern
    if entry.en.lower() in _TITLES and _NEXT_WORD.match(source, match.end) is not None:
        return _NAMES_JOINED.match(source, match.end) is not None  # Putin und Xi: two
    return None


def _adjective_at_start(word: str) -> bool:
    """Is a capitalised first word an adjective (Unabhängige Beobachter kamen)?"""
    from glossar.terms.lexicon import is_lower_word

    low = word.lower()
    return low.endswith(("e", "en", "er", "es", "em")) and is_lower_word(low)


#: English words after which a verb is a past participle ("is escalated", "has
#: undermined", "being intervened") or stays in its base form ("to reject", "will").
_BE = frozenset(["am", "is", "are", "was", "were", "be", "been", "'s", "'re", "'m"])
_PARTICIPLE_AFTER = _BE | frozenset(["being", "has", "have", "had", "having", "'ve", "'d"])
_PARTICIPLE_AFTER |= frozenset(["get", "gets", "got"])
_HAVE = frozenset(["has", "have", "had", "having", "'ve", "'d"])
_BASE_AFTER = frozenset(
    ["to", "will", "would", "can", "could", "shall", "should", "may", "might", "must"]
    + ["do", "does", "did", "cannot", "let", "'ll", "wo", "ca", "sha"]  # wo(n't), ca(n't)
)
#: Words looked past to the auxiliary ("has not yet intervened").
_LOOK_PAST = frozenset(
    ["not", "also", "already", "now", "then", "never", "just", "still", "even", "again"]
    + ["yet", "first", "finally", "reportedly", "allegedly", "only"]
    + ["a", "an"]  # a model's noun slot ("to be a reject"): the article goes
)
#: Words and contraction suffixes, after "n't" is written " not" (didn't: did not).
_ENGLISH_WORD = re.compile(r"'[a-z]+|[A-Za-z]+")
_NOT = re.compile(r"n['’]t\b", re.IGNORECASE)


def verb_form(match: TermMatch, before: str = "", rendering: str = "", source: str = "") -> str:
    """The English form for a verb found as ``match``.

    "to", a modal or "did" before the slot keep the base form, the model's own -ing form
    stays ("is not intervening") and "has" makes a participle, whatever the German. Else
    a finite German verb (eskaliert without an auxiliary in its clause, untergrub, "weist
    … zurück") is a simple tense: escalates, undermined, rejects
    (:func:`finite_slot_start` drops a "be" the model put right before it). Else "is"
    makes a participle, and the German form decides (zurückgewiesen: participle)."""
    german = german_verb_form(match.entry, match.text)
    if german == {"detached"}:
        # the idiom's verb stands apart: "be at stake" leaves the model's verb ("was at
        # stake"); another verb takes the form of the German one ("ließ der Kreml
        # verlauten": said)
        apart = _apart_verb_form(match, source)
        if match.english.lower().startswith("be ") or not apart:
            return "detached"
        german = apart
    if german == {"third", "participle"} and source:  # eskaliert: "ist eskaliert"?
        german = frozenset(["participle" if _german_auxiliary(source, match) else "third"])
    prev = prev_word = ""
    text = _NOT.sub(" not", before[-80:]).replace("’", "'")
    for word in reversed(_ENGLISH_WORD.findall(text)):
        low = word.lower()
        if low not in _LOOK_PAST and not (low.endswith("ly") and len(low) > 4):
            prev, prev_word = low, word  # past "not", "also", "directly"
            break
    first = rendering.split()[0].lower() if rendering.split() else ""
    clause = _last_clause(text)
    # the model's progressive: an -ing word (not the auxiliary "being") with a "be" in
    # its clause ("is not intervening", "Is the situation worsening"); a lone -ing word
    # is no progressive ("Saying to be …" for "verlautet")
    ing = (
        first.endswith("ing")
        and first != "being"
        and any(w.lower() in _BE for w in _ENGLISH_WORD.findall(clause))
    )
    if prev in _BASE_AFTER:
        return "base"
    if ing:  # the model's progressive stays grammatical ("is not intervening")
        return "ing"
    if prev in _HAVE:  # the model's perfect: "has intervened"
        return "participle"
    if german in ({"third"}, {"past"}) and prev not in ("been", "being"):
        form = _agreeing(next(iter(german)), prev)
        return _past_in_number(form, match, prev_word, text)
    if prev in _PARTICIPLE_AFTER:
        return "participle"
    if "past" in german:
        return _past_in_number("past", match, prev_word, text)
    if "participle" in german and "third" not in german:
        return "participle"
    if "third" in german:
        return _agreeing("third", prev)
    # a German plural present or infinitive with no English "to" or modal before the
    # slot: a finite present ("Welche Kräfte stecken dahinter": "What forces are behind"),
    # third person after a singular English subject ("Die USA stecken …": "The US is")
    if german == {"base"} and prev:
        return "third" if _singular_subject(prev_word, text) else "present"
    return "base"


def _apart_verb_form(match: TermMatch, source: str) -> frozenset[str]:
    """The form of a verb idiom's verb where it stands apart from the words found
    ("ließ der Kreml verlauten": lassen as ließ, a past), from the German sentence."""
    found = set(match.text.lower().split())
    missing = [w for w in match.entry.de.lower().split() if w not in found]
    start, end = _german_clause(source, match)
    words = [
        (abs(start + w.start() - match.start), w.group().lower())
        for w in re.finditer(r"[^\W\d_]+", source[start:end])
    ]
    for _distance, word in sorted(words):  # in its clause, nearest first
        for infinitive in missing:
            forms = verb_form_of(infinitive, word) - {"base"}
            if forms:
                return forms
    return frozenset()


#: English words before a verb that make it third person singular.
_SINGULAR_PRONOUNS = frozenset(["he", "she", "it", "everyone", "nobody"])


def _singular_subject(word: str, before: str) -> bool:
    """Whether ``word``, the English right before a verb's slot, is a singular subject
    where the German verb is plural: he/she/it, or a plural-only German name that is one
    thing in English, written as an acronym or "United States/Nations" ("Die USA stecken
    …": "The US is") — not where "and" joins subjects ("Russia and China are")."""
    clause = _last_clause(before)
    if re.search(r"\band\b", clause, re.IGNORECASE):
        return False
    low = word.lower()
    if low in _SINGULAR_PRONOUNS or (word.isupper() and len(word) > 1):
        return True
    if low in ("states", "nations") and re.search(r"\bUnited\s+\w+\s*$", before):
        return True
    # a name without "the" or a preposition before it, inside the sentence (America,
    # Washington); not "The British", "People in Germany", a plural in -s
    words = re.findall(r"[A-Za-z]+", clause)
    if not words or not word[:1].isupper() or low.endswith("s") or before.strip() == word:
        return False  # at the start of the text a capital says nothing ("Protesters")
    if len(words) == 1:
        return True  # a name opening its clause: "In Paris and Berlin, America …"
    return words[-2].lower() not in ("the", *_PREPOSITIONS_EN)


#: English subjects that take the base form in the present (German "man" is often
#: "they", "we" or "you": "dass man dort eingreift" → "that they intervene there"), and
#: the "are" of such a subject that :func:`finite_slot_start` drops ("they are escalate").
_NOT_THIRD_PERSON = frozenset(["i", "you", "we", "they", "people", "are", "'re"])


def _agreeing(form: str, prev: str) -> str:
    """``form``, or the finite ``present`` where the English subject right before the
    slot is not third person singular (the German's third person may be "man"); the
    plural past after "we", "you", "they" (they were behind)."""
    if prev in _NOT_THIRD_PERSON:
        if form == "third":
            return "present"
        if form == "past" and prev != "i":
            return "past_plural"
    return form


def _past_in_number(form: str, match: TermMatch, prev_word: str, before: str) -> str:
    """A past of a German plural verb is plural in English too ("Die Oligarchen steckten
    dahinter": "the oligarchs were behind"), unless the English subject right before the
    slot is singular ("The US was behind", see :func:`_singular_subject`)."""
    if form != "past" or not prev_word or not plural_past(match.entry, match.text):
        return form
    return form if _singular_subject(prev_word, before) else "past_plural"


#: German auxiliaries that make a participle of the verb in their clause.
_GERMAN_AUXILIARIES = frozenset(
    ["ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "worden"]
    + ["hat", "haben", "hatte", "hatten", "sei", "seien", "wäre", "wären", "habe"]
)
_CLAUSE_END = re.compile(r"[,;:.!?()„“”\"»«]")


def _german_clause(source: str, match: TermMatch) -> tuple[int, int]:
    """Where the clause of ``match`` in ``source`` starts and ends (at punctuation)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(source, 0, match.start)), default=0)
    end = _CLAUSE_END.search(source, match.end)
    return start, end.start() if end else len(source)


def _german_auxiliary(source: str, match: TermMatch) -> bool:
    """Is there an auxiliary in the clause of the verb at ``match`` (eskaliert: "die Lage
    ist eskaliert", "eskaliert worden")? The clause ends at punctuation and at a
    conjunction ("eskaliert und die Polizei ist machtlos": not this verb's "ist")."""
    start, end = _german_clause(source, match)
    before = re.findall(r"[^\W\d_]+", source[start : match.start])
    after = re.findall(r"[^\W\d_]+", source[match.end : end])
    for words in (reversed(before), after):
        for word in words:
            low = word.lower()
            if low in _CONJUNCTIONS:
                break
            if low in _GERMAN_AUXILIARIES:
                return True
    return False


#: Words that start another clause (where a search for this verb's auxiliary stops).
_CONJUNCTIONS = frozenset(
    ["und", "oder", "aber", "sondern", "denn", "weil", "dass", "wenn", "als", "ob", "während"]
    + ["nachdem", "bevor", "obwohl", "damit", "sodass", "falls", "sobald", "solange"]
)


#: An English form of "be" right before a slot (dropped before a finite verb).
_BE_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|be|being)|['’]s|['’]re)\s+$", re.IGNORECASE)


def finite_slot_start(text: str, start: int, form: str) -> int:
    """Where a verb put at ``start`` of ``text`` in ``form`` begins its edit: before a
    "be" the model wrote there when the form is finite ("is escalate" → "escalates")."""
    if form not in ("third", "past", "present", "past_plural"):
        return start
    m = _BE_BEFORE.search(text, max(0, start - 12), start)
    if m is None or m.end() != start:
        return start
    if m.group().startswith(("'", "’")):
        return start  # "he's": the subject stays; a finite verb after it is rare
    return m.start()
