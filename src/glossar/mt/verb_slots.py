"""Verb forms for a slot: which English form the German verb shows (tense, person,
participle after an auxiliary) and where the edit of a verb slot begins."""

from __future__ import annotations

import re

from glossar.terms.match import TermMatch
from glossar.text.verbs import german_verb_form, plural_past, verb_form_of

#: Words after which the noun is no subject ("support for allies has grown").
PREPOSITIONS_EN = frozenset(
    ["for", "of", "to", "with", "by", "from", "in", "on", "at", "about", "against"]
    + ["between", "among", "into", "over", "under", "without", "after", "before"]
)


_ENGLISH_CLAUSE_END = re.compile(r"[,;:.!?()]")


def last_clause(english: str) -> str:
    """The English after the last punctuation: the clause a slot at its end is in."""
    return _ENGLISH_CLAUSE_END.split(english)[-1]


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
    clause = last_clause(text)
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
    start, end = german_clause(source, match)
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
    clause = last_clause(before)
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
    return words[-2].lower() not in ("the", *PREPOSITIONS_EN)


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


def german_clause(source: str, match: TermMatch) -> tuple[int, int]:
    """Where the clause of ``match`` in ``source`` starts and ends (at punctuation)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(source, 0, match.start)), default=0)
    end = _CLAUSE_END.search(source, match.end)
    return start, end.start() if end else len(source)


def _german_auxiliary(source: str, match: TermMatch) -> bool:
    """Is there an auxiliary in the clause of the verb at ``match`` (eskaliert: "die Lage
    ist eskaliert", "eskaliert worden")? The clause ends at punctuation and at a
    conjunction ("eskaliert und die Polizei ist machtlos": not this verb's "ist")."""
    start, end = german_clause(source, match)
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
