"""Where "und" (or "oder", "sowie", "aber", "sondern", "denn") joins two clauses, and
where it joins two phrases of one clause.

A separable verb's particle closes the verb's clause (:mod:`glossar.terms.clauses`). In
"Er mischt den Teig und gibt zwei Eier ein" the "ein" is gibt's: after "und" a clause
with a finite verb of its own begins. In "Russland greift in Syrien und im Irak ein"
"und" joins two phrases and the "ein" is greift's. These rules were read off real news
(10kGNAD, UD German GSD and PUD) hit by hit, and a reviewer's sentences: "und" before a
finite verb, or before a phrase that a finite verb follows ("und in Almaty kehrte …"),
opens a clause; before a preposition, or between a word and itself (mehr und mehr), it
joins phrases; a particle followed by "und" and a preposition or a particle is part of a
phrase (ab und zu, hin und her, an und für sich, ein und dieselbe), not a clause's end.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from glossar.text.verbs import INSEPARABLE_PREFIXES, IRREGULAR, SEPARABLE_PREFIXES, STRONG

#: The conjunctions that may join two clauses or two phrases, as an expression.
CONJUNCTIONS = "(?:und|oder|sowie|aber|sondern|denn)"
#: "und" and the like, then the next word (combining marks kept: NFD text reads as NFC).
_AND_WORD = re.compile(f" {CONJUNCTIONS} ([^\\W\\d_](?:[^\\W\\d_]|[\u0300-\u036f])*)")
#: A word, with the combining marks of decomposed text.
_WORD = re.compile("[^\\W\\d_](?:[^\\W\\d_]|[\u0300-\u036f])*")
#: Where a phrase after "und" may end before its clause's verb: punctuation.
_PUNCTUATION = re.compile('[,;:.!?…"“”»«()]')
#: How far after a preposition a finite verb is looked for ("und in der Hauptstadt
#: kehrte"): a short phrase.
_PHRASE_REACH = 60

#: Finite forms of irregular and strong verbs (gibt, hält, brachte, kam), and the plural
#: of a strong past (kamen, gingen).
_IRREGULAR_FINITE = frozenset(
    [f for forms in IRREGULAR.values() for part in (forms[0], forms[1], forms[3]) for f in part]
    + [f for present, past, _participle in STRONG.values() for f in (present, past) if f]
    + [past + "en" for _present, past, _participle in STRONG.values() if past.isalpha()]
)
#: Adverbs shaped like a verb's form (und sofort, und erneut), named rather than left to
#: the lexicon (lauen is an adjective's form, letzen a rare verb).
_NOT_VERBS = frozenset(
    ["nicht", "jetzt", "erst", "zuerst", "zuletzt", "meist", "selbst", "sonst", "zunächst"]
    + ["längst", "seit", "mit", "damit", "sofort", "direkt", "bereit", "heute", "insgesamt"]
    + ["laut", "letzte", "erneut", "gut", "recht", "rechte", "weit", "bereits", "oft"]
)
#: Prepositions (and their contractions with an article) that open a phrase after "und".
PREPOSITIONS = frozenset(
    ["aus", "bei", "mit", "nach", "von", "zu", "an", "auf", "über", "unter", "vor", "in"]
    + ["hinter", "neben", "zwischen", "um", "durch", "für", "gegen", "ohne", "seit", "bis"]
    + ["ab", "während", "wegen", "trotz", "statt", "außer", "entlang", "gegenüber"]
    + ["im", "am", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "durchs", "fürs"]
)
#: Words that make "particle und …" a phrase: a preposition or a particle (ab und zu,
#: hin und her, auf und ab, mit und ohne, vor und nach, hin und wieder, an und für sich).
_PHRASE_NEXT = PREPOSITIONS | frozenset([*SEPARABLE_PREFIXES, "wieder", "weg", "her", "hin"])
#: "ein und dieselbe", "ein und denselben": one word, not a particle.
_SAME = ("dieselb", "derselb", "dasselb", "denselb", "demselb")


@lru_cache(maxsize=4096)
def finite_verb_like(word: str) -> bool:
    """Is the lower-case ``word`` a finite verb form, as far as its ending and the
    lexicon tell: an irregular one (gibt, hält, kamen) or a regular one whose infinitive
    the lexicon knows (tauschte: tauschen, wartet: warten)? Not a participle (gezielt)."""
    if word in _NOT_VERBS:
        return False
    if word in _IRREGULAR_FINITE:
        return True
    if word.startswith("ge"):  # a participle (gezielt), or a verb of its own (gehört)
        return _ge_verbs_form(word)
    from glossar.terms.lexicon import is_lower_word

    for ending in ("etet", "eten", "ete", "tet", "ten", "te", "et", "t"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            # (wandert: wandern, handelt: handeln; not "wein" for weit, "harn" for hart)
            n_only = stem.endswith(("er", "el")) and is_lower_word(stem + "n")
            if n_only or is_lower_word(stem + "en"):
                return True
    return False


#: Verbs that start with ge- (gehören, gewinnen), in news: their finite forms are no
#: participle's (gehört, geht, gestaltet); the strong ones' other forms are irregular.
_GE_VERBS = frozenset(
    ["gehören", "gehen", "gewinnen", "gelingen", "gefallen", "genießen", "gestehen"]
    + ["gewähren", "gelangen", "gewährleisten", "gedenken", "genehmigen", "gestalten"]
    + ["gefährden", "gewöhnen", "geraten", "geschehen", "gebrauchen", "genügen"]
    + ["gehorchen", "gestatten", "geben", "gelten", "gebären"]
)
#: Their strong forms the tables of irregular verbs do not give (gelingen is lingen's
#: nothing); not the participles (gestanden, genossen).
_GE_STRONG = frozenset(
    ["gelang", "gelangen", "gefiel", "gefielen", "gefällt", "gestand", "genoss"]
    + ["genießt", "geriet", "gerieten", "gerät", "geschah", "geschieht", "gebar"]
)
#: Present endings only: a weak past in -te is an adjective's form as often
#: ("In der gefährdeten Region", "Das genehmigte Budget"), except gehören's and
#: gelangen's (:data:`_GE_PASTS`).
_GE_ENDINGS = ("et", "t")
_GE_PASTS = frozenset(["gehörte", "gehörten", "gelangte", "gelangten"])


def _ge_verbs_form(word: str) -> bool:
    """Is ``word``, starting with ge-, a finite form of a verb of :data:`_GE_VERBS`
    (gehört, geht, gestaltet, gehörte)? A ge- participle of another verb (gezielt,
    gesagt) is not."""
    if word in _GE_STRONG or word in _GE_PASTS:
        return True
    for ending in _GE_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if stem + "en" in _GE_VERBS or stem + "n" in _GE_VERBS:
                return True
    return False


def _word_at(text: str, k: int) -> tuple[str, int]:
    """The word at ``k`` (NFC, as read) and where it ends; ("", k) when none starts there."""
    m = _WORD.match(text, k)
    if m is None:
        return "", k
    word = m.group()
    return (word if word.isascii() else unicodedata.normalize("NFC", word)), m.end()


def _is_verb(text: str, word: str, end: int) -> bool:
    """Is ``word`` (ending at ``end`` in ``text``), in lower case, a finite verb that opens
    a clause? Not an adjective before its noun (verärgerte Bürger, bewährte Konzepte) nor
    a participle (konstruiert, überschuldet, bemüht): a verb's form with a prefix that
    never separates, or in -iert (inszenierten Films), reads as those unless it is a past
    followed by no noun."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word)
    if not word.islower() or not finite_verb_like(word):
        return False
    if word.startswith((*INSEPARABLE_PREFIXES, "über")) or "iert" in word[-7:]:
        if word.endswith("t"):
            return False  # (bemüht, konstruiert: the participle as often as the verb)
        if text[end : end + 1] == " " and text[end + 1 : end + 2].isupper():
            return False  # an adjective before its noun
    return True


def _verb_after_phrase(text: str, k: int, memo: dict[int, bool] | None = None) -> bool:
    """Does a finite verb follow at ``k`` or after it before any punctuation, within a
    short reach ("und in Almaty kehrte wieder Ruhe ein", "und die Tür schloss sich")?
    ``memo``: the answers for this text so far, by offset (every verb of a sentence walks
    its clause past the same "und")."""
    if memo is None:
        return _find_verb_after(text, k)
    known = memo.get(k)
    if known is None:
        known = memo[k] = _find_verb_after(text, k)
    return known


def _find_verb_after(text: str, k: int) -> bool:
    stop = _PUNCTUATION.search(text, k, k + _PHRASE_REACH)
    end = stop.start() if stop is not None else min(len(text), k + _PHRASE_REACH)
    for m in _WORD.finditer(text, k, end):
        word = m.group()
        if word[0].islower() and _is_verb(text, word, m.end()):
            return True
    return False


def joins_phrases(text: str, m: re.Match[str], memo: dict[int, bool] | None = None) -> bool:
    """Does the "und" (or the like) of the clause break ``m`` join two phrases of one
    clause: no finite verb follows it before the next punctuation ("greift in Syrien und
    im Irak ein", "kehrten Georges und seine Frau … zurück"), or it stands between a word
    and itself (mehr und mehr, wieder und wieder)?"""
    after, _end = _word_at(text, m.end())
    if not after:
        return False
    before = text.rfind(" ", 0, m.start()) + 1
    return text[before : m.start()] == after or not _verb_after_phrase(text, m.end(), memo)


def coordinated_clause(text: str, e: int, end: int) -> int:
    """Where a clause coordinated with the one of the verb ending at ``e`` starts before
    ``end`` ("mischt den Teig und gibt zwei Eier ein": " und gibt"), else -1: "und"
    that a finite verb follows before the next punctuation ("und in Almaty kehrte …")."""
    for m in _AND_WORD.finditer(text, e, end):
        if _verb_after_phrase(text, m.start(1)):
            before = text.rfind(" ", 0, m.start()) + 1
            if text[before : m.start()] != m.group(1):  # (wieder und wieder)
                return m.start()
    return -1


def particle_phrase(text: str, pe: int) -> bool:
    """Is the particle ending at ``pe`` followed by "und" and a word that makes the two a
    phrase (ab und zu, hin und her, an und für sich, ein und dieselbe), so that it is no
    verb's particle?"""
    m = _AND_WORD.match(text, pe)
    if m is None:
        return False
    word, _ = _word_at(text, m.start(1))
    if word.startswith(_SAME):
        return True
    # (not where a clause follows: "zog seine Truppen ab und in Almaty kehrte Ruhe ein")
    return word in _PHRASE_NEXT and not _verb_after_phrase(text, m.start(1))
