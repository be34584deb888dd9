"""What a word's shape says about its word class, for the term guards
(:mod:`glossar.terms.guards`): a capitalised adjective or adverb that is a noun of its
own (im Arm), a nominalised adjective opening a headline (Aufständische verwendeten …),
words that follow a verb opening its sentence (Macht nichts), a participle-shaped
adjective that is the verb (eroberte die Welt).
"""

from __future__ import annotations

import re
import unicodedata

from glossar.terms.case import NOUN_MARKERS
from glossar.terms.clauses import (
    AUXILIARY_FORMS,
    HABEN_FORMS,
    PERFECT_PASSIVE_FORMS,
    closes_clause,
    participle_shaped,
    perfect_here,
    with_haben,
)
from glossar.terms.coordination import PREPOSITIONS, finite_verb_like
from glossar.terms.lexicon import is_capital_word
from glossar.terms.name_context import ADJECTIVE_ENDINGS

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


def verb_not_adjective(text: str, s: int, e: int, bare: bool, de: str) -> bool:
    """Is the participle-shaped adjective's form from ``s`` to ``e`` the verb's finite
    form here: a finite verb's spelling (erhöht: erhöhen; not erneut, gezielt), no finite
    verb before it in its clause (then it is an adverb: "lieferte … erneut einen
    Beitrag", "kontrolliert verstärkt die Grenzen"), and an object or subject after it
    ("Das Internet eroberte die Welt", "erhöht die Anfälligkeit") or, for a form with an
    ending (versuchte: also the verb's past), its clause's end ("Valentino versuchte, …")?
    Before its noun it is the adjective ("die versuchte Flucht"); the bare form at a
    clause's end too ("sind erhöht.")."""
    m = _NEXT_WORD.match(text, e)
    if m is None:
        if not closes_clause(text, e):
            return False
        # the bare form closing a subordinate clause is its finite verb ("…, dass die
        # Affäre die Partei belastet."; not "wie bereits berichtet", "sind erhöht.")
        if bare and (_listed_on(text, e) or not _closes_verb_final_clause(text, s)):
            return False
    elif m.group(1) not in _VERB_OBJECT_NEXT:
        return False
    found = text[s:e].lower()
    if not found.isascii():
        found = unicodedata.normalize("NFC", found)
    if de in _NO_VERBS_FORMS:
        return False
    verb = finite_verb_like(found) or _participle_of_a_verb(de)
    if not verb and not bare:
        # the -e form of an adjective in -t that a verb's stem is (bereit: "China
        # bereite ihm Kopfschmerzen", bereiten)
        from glossar.terms.lexicon import is_lower_word

        verb = de[-1:] == "t" and is_lower_word(de + "en")
    if not verb or _finite_verb_before(text, s):
        return False
    # before its object, not in a clause whose verb stands at its end ("dass die Polizei
    # verstärkt die Grenzen kontrolliert"); closing it, it is that verb ("als … das
    # Internet eroberte.")
    return m is None or not _verb_final_clause(text, s, e)


#: Participle-shaped adverbs whose spelling the word list also has as an old verb's
#: (erneut: "erneuen"): never the verb in news.
_NO_VERBS_FORMS = frozenset(["erneut"])
#: Words opening a clause whose finite verb stands at its end ("dass die Polizei
#: verstärkt die Grenzen kontrolliert", "Wenn Firmen vermehrt die … vorantreiben").
_SUBORDINATORS = frozenset(
    ["dass", "weil", "wenn", "ob", "als", "da", "obwohl", "nachdem", "bevor", "damit"]
    + ["sodass", "während", "falls", "indem", "seit", "seitdem", "bis", "um", "ohne"]
    + ["wie", "wo", "was", "wer"]
)
#: Relative pronouns: after a comma, before a word in lower case ("…, die die Partei
#: belastet"); before a capitalised one they are the article ("…, die Affäre belastet").
_RELATIVES = frozenset(
    ["die", "der", "das", "den", "dem", "denen", "deren", "dessen", "welche", "welcher"]
    + ["welches"]
)


def _closes_verb_final_clause(text: str, s: int) -> bool:
    """Does the word at ``s`` close a clause whose verb stands at its end, with the
    clause's subject before it: a relative clause ("…, die die Partei belastet."), or a
    subordinating word and then an article, a pronoun or a capitalised word ("…, dass
    die Affäre …", "ob sie …")? Without one it is an ellipsis ("wie bereits berichtet",
    "als erwartet")."""
    opener = _verb_final_opener(text, s)
    if opener is None:
        return False
    word, between = opener
    words = between.split()
    for k in range(len(words) - 1, -1, -1):
        # a comparison's ellipsis: "… ausfiel wie zunächst ermittelt" (the clause's verb
        # came before it); not one closed before the word ("wie erwartet belastet")
        if words[k] in ("wie", "als"):
            if not any(participle_shaped(w) for w in words[k + 1 :]):
                words = words[k + 1 :]
                word = "wie"
            break
    if word in _RELATIVES or word in ("was", "wer"):  # (the clause's subject itself)
        return True
    return _has_subject(words)


_AFTER_COMMA = re.compile(", *((?:[^\\W\\d_]+ +){0,3})([^\\W\\d_]+)")


def _listed_on(text: str, e: int) -> bool:
    """Does a list of participles go on after the comma at ``e`` ("…, die dort verletzt,
    getötet oder vertrieben wurden", "dass drei Menschen verletzt, aber niemand getötet
    wurde"): a participle-shaped word right after it, or after "aber" (sondern, doch,
    jedoch) among the next three; or a word in -t before "und"/"oder"? Then the word
    before the comma is no clause's verb."""
    m = _AFTER_COMMA.match(text, e)
    if m is None:
        return False
    words = [*m.group(1).split(), m.group(2)]
    if words[0] in ("aber", "sondern", "doch", "jedoch"):  # "verletzt, aber niemand getötet"
        return any(participle_shaped(w) for w in words[1:] if w.islower())
    # "verletzt, getötet oder vertrieben", "beunruhigt, überrascht und verunsichert"
    first = words[0]
    return first.islower() and (
        participle_shaped(first)
        or (first.endswith("t") and len(words) > 1 and words[1] in ("und", "oder"))
    )


def _has_subject(words: list[str]) -> bool:
    """Is there a subject among ``words`` (a clause's words before its verb): an article,
    a pronoun or a capitalised word outside a prepositional phrase ("wie ein Insider";
    not "wie von der Polizei", "als im Vorfeld", "wie in der Verfassung")?"""
    in_phrase = False
    for w in words:
        low = w.lower()
        if low in _PREPOSITIONS:
            in_phrase = True
        elif in_phrase:
            if w[:1].isupper():
                in_phrase = False  # the phrase's noun: it ends there
        elif w[:1].isupper() or low in _SUBJECT_WORDS:
            return True
    return False


#: Prepositions (and their contractions) that open a phrase before a participle
#: ("wie von der Polizei berichtet", "wie im Koalitionsvertrag vereinbart").
_PREPOSITIONS = PREPOSITIONS | frozenset(["laut", "gemäß", "aufgrund", "dank", "vorab"])


#: Words that open a subordinate clause's subject (articles, pronouns).
_SUBJECT_WORDS = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem"]
    + ["einen", "er", "sie", "es", "man", "wir", "ich", "ihr", "du", "sich", "dies"]
    + ["diese", "dieser", "dieses", "diesem", "diesen", "kein", "keine", "jeder", "alle"]
    + ["sein", "seine", "ihre", "unsere"]
)


def _verb_final_clause(text: str, s: int, e: int) -> bool:
    """Is the form from ``s`` to ``e`` in a clause whose verb stands at its end: opened
    by a subordinating word ("dass", "wenn", "um … zu") or a relative pronoun after a
    comma, with no "und" opening a main clause since?"""
    return _verb_final_opener(text, s) is not None


def _verb_final_opener(text: str, s: int) -> tuple[str, str] | None:
    """The word opening the verb-final clause the word at ``s`` is in (see
    :func:`_verb_final_clause`), in lower case, and the text between it and ``s``;
    None when it is in no such clause."""
    before = text[max(0, s - 120) : s]
    stop = _CLAUSE_START.search(before[::-1])
    if stop is not None:
        opened = len(before) - stop.start()  # just after the punctuation
    elif s <= 120:
        opened = 0  # the text's first clause
    else:
        return None
    first = _FIRST_WORD.match(before, opened)
    if first is None:
        return None
    word = first.group(1).lower()
    if " und " in before[opened:] or " oder " in before[opened:]:
        return None  # a main clause of its own after it ("… und wir erwarten uns")
    between = before[first.end() :]
    if word in _SUBORDINATORS:
        return word, between
    # a relative pronoun after a comma (not an article: a noun follows it)
    if (
        opened > 0
        and before[opened - 1] == ","
        and word in _RELATIVES
        and not before[first.end() + 1 : first.end() + 2].isupper()
    ):
        return word, between
    return None


_FIRST_WORD = re.compile(" *([^\\W\\d_]+)")


def _participle_of_a_verb(de: str) -> bool:
    """Is the adjective ``de`` a verb's participle whose forms are that verb's finite
    ones (verbreitet: verbreiten, "verbreitete den Islam"; vertreten: "vertreten die
    Ansicht"), not an adjective of its own (erneut, bekannt) nor a ge- participle (gezielt:
    no finite form)?"""
    from glossar.terms.lexicon import is_lower_word

    if de.startswith("ge"):
        return False
    if de.endswith("et"):
        return is_lower_word(de[:-2] + "en")
    if de.endswith("t"):
        return is_lower_word(de[:-1] + "en")
    return de.endswith("en") and is_lower_word(de)


def _finite_verb_before(text: str, s: int) -> bool:
    """Is there a finite verb in the clause before ``s`` (back to punctuation or "und",
    120 characters at most)?"""
    before = text[max(0, s - 120) : s]
    stop = _CLAUSE_START.search(before[::-1])
    if stop is not None:
        before = before[len(before) - stop.start() :]
    joined = max(before.rfind(" und "), before.rfind(" oder "))
    if joined >= 0:  # a verb of its own after "und" ("entwickelte und verbesserte die …")
        before = before[joined + 1 :]
    if not before.isascii():  # (a decomposed umlaut would cut its word in two)
        before = unicodedata.normalize("NFC", before)
    for m in _LOWER_WORD.finditer(before):
        word = m.group()
        if finite_verb_like(word):
            return True
        # a plural verb (-en) is no ending's verb to finite_verb_like: one not before a
        # noun is taken for one ("Sie setzen vermehrt die Mittel ein"; not "den
        # abgegebenen Stimmen")
        if (
            word.endswith("en")
            and len(word) > 4
            and word not in _EN_WORDS
            and not before[m.end() + 1 : m.end() + 2].isupper()
        ):
            after = _NEXT_WORD.match(before, m.end())
            if after is None or after.group(1) not in _NUMBERS:
                return True
    return False


#: Number words after an adjective in -en ("in den letzten zwei Jahren").
_NUMBERS = frozenset(
    ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf"]
    + ["zwölf", "zwanzig", "dreißig", "hundert", "tausend"]
)
#: Words in -en that are no verb (articles, pronouns, prepositions, adverbs).
_EN_WORDS = frozenset(
    ["denen", "einen", "keinen", "meinen", "deinen", "seinen", "ihren", "unseren", "euren"]
    + ["diesen", "jenen", "welchen", "solchen", "allen", "vielen", "wenigen", "einigen"]
    + ["manchen", "beiden", "anderen", "neben", "gegen", "wegen", "entgegen", "zwischen"]
    + ["morgen", "unten", "hinten", "vornehmen", "selben", "gleichen", "zusammen"]
    + ["stattdessen", "inzwischen", "unterdessen", "indessen", "übermorgen", "dagegen"]
    + ["hingegen", "deswegen", "weswegen", "ebenfalls", "trotzdem"]
)


#: Punctuation that opens a clause, looked for backwards.
_CLAUSE_START = re.compile('[,;:.!?…(\\[„“"»«\n–]')
_LOWER_WORD = re.compile("(?<![^\\W\\d_])[a-zäöüß][^\\W\\d_]*")


def past_spelled_noun(infinitive: str, found: str) -> bool:
    """Is the capitalised ``found`` (opening a sentence) a noun spelled like the strong
    past of ``infinitive`` ("Schritt für Schritt": schreiten, "Stahl ist teuer":
    stehlen)? A past opens a sentence only in a question or a condition, rare in news;
    the noun often."""
    low = found.lower()
    if not low.isascii():
        low = unicodedata.normalize("NFC", low)
    from glossar.text.verbs import IRREGULAR, verb_form_of

    if low == infinitive or low.endswith(("en", "te")) or infinitive in IRREGULAR:
        return False  # (an infinitive or plural, a weak past; "War ganz nett.")

    if "past" not in verb_form_of(infinitive, low):
        return False
    return noun_of_its_own(unicodedata.normalize("NFC", found))


#: Participles that are also another verb's form, and that verb: gehört (hören) is
#: gehören's too ("Vater Jochen gehört eine Druckerei"), gelangt (langen) gelangen's.
#: A list: the word list also knows archaic verbs (gebrachen, gehaben) that are no
#: other reading in news.
_OTHER_VERBS_FORMS = {"gehört": "gehören", "gelangt": "gelangen"}


def another_verbs_form(infinitive: str, text: str, s: int, e: int) -> bool:
    """Is the word from ``s`` to ``e``, the ge- participle of ``infinitive`` (gehört of
    hören), here another verb's form (:data:`_OTHER_VERBS_FORMS`)? It is the entry's
    only with an auxiliary of the perfect or the passive in its clause ("hat … gehört",
    "wurde gehört")."""
    if e - s != 6 and e - s != 7:
        return False
    found = text[s:e].lower()
    other = _OTHER_VERBS_FORMS.get(found)
    if other is None or other == infinitive:
        return False
    return not with_haben(text, s, e, AUXILIARY_FORMS)


#: Participles with a sense of their own, their verb, and whether the verb's passive
#: ("wurde ausgezeichnet") is that verb here: "Er ist in Wien bekannt" is known, not
#: bekennen's confessed; "Das ist bestimmt richtig" certainly, "wie gewohnt" as usual,
#: "ausgerechnet er" of all people. Not "wurde bekannt" (became known), "wurde
#: verrückt". Participles whose sense is the verb's (erhöht, betroffen, entschieden)
#: are not here. Figures: docs/decisions-terms.md, "Participles with a sense of their own".
OWN_SENSE_PARTICIPLES: dict[str, tuple[str, bool]] = {
    "bekannt": ("bekennen", False),
    "bestimmt": ("bestimmen", True),
    "gewohnt": ("wohnen", False),
    "verwandt": ("verwenden", True),
    "geschickt": ("schicken", True),
    "abgesehen": ("absehen", True),
    "ausgerechnet": ("ausrechnen", True),
    "ausgesprochen": ("aussprechen", True),
    "ausgezeichnet": ("auszeichnen", True),
    "vorausgesetzt": ("voraussetzen", True),
    "gespannt": ("spannen", True),
    "besessen": ("besitzen", False),
    "umgekehrt": ("umkehren", True),
    "angesehen": ("ansehen", True),
    "verrückt": ("verrücken", False),
    "verschieden": ("verscheiden", False),
    "gelassen": ("lassen", True),
}
_WORD_BEFORE = re.compile("([^\\W\\d_]+) +$")


def _before_its_noun(text: str, s: int, e: int) -> bool:
    """Is the -e/-en form from ``s`` to ``e`` an adjective before its noun ("eine
    bekannte Sängerin", "die älteste bekannte geschichtliche Erwähnung"), not the verb's
    past? The past has its subject right before it ("Er bestimmte Regeln", "Der
    Minister bekannte Fehler"); opening a sentence it is the adjective ("Bestimmte
    Gruppen")."""
    m = _NEXT_WORD.match(text, e)
    if m is None:
        return False
    if not m.group(1)[:1].isupper():
        # an adjective between it and its noun (not an article: "Das bestimmte die
        # Debatte", "Diese bestimmten den Kurs" are the verb's past)
        if not m.group(1).endswith(ADJECTIVE_ENDINGS) or m.group(1) in _SUBJECT_WORDS:
            return False
        m = _NEXT_WORD.match(text, m.end())
        if m is None or not m.group(1)[:1].isupper():
            return False
    if text[s].isupper():
        return True
    before = _WORD_BEFORE.search(text, max(0, s - 30), s)
    if before is None:
        return True
    word = before.group(1)
    low = word.lower()
    return not (low in _SUBJECT_PRONOUNS or (word[:1].isupper() and low not in NOUN_MARKERS))


#: Pronouns that are a subject right before its verb.
_SUBJECT_PRONOUNS = frozenset(["er", "sie", "es", "man", "ich", "wir", "ihr", "du", "wer"])


#: The verbs of :data:`OWN_SENSE_PARTICIPLES`: only their entries need the check.
OWN_SENSE_VERBS = frozenset(verb for verb, _passive in OWN_SENSE_PARTICIPLES.values())
#: The agent or means after a passive's participle ("wird bestimmt von der Lage").
_AGENT = frozenset(["von", "vom", "durch"])


def own_sense_participle(infinitive: str, text: str, s: int, e: int) -> bool:
    """Is the word from ``s`` to ``e``, a form of the verb ``infinitive``, here a
    participle with a sense of its own (:data:`OWN_SENSE_PARTICIPLES`)? It is the verb
    in a perfect ("hat … gewohnt.", "dass er … bekannt hat") or, where the verb has one,
    a passive ("wurde … ausgezeichnet.", "wird bestimmt von …"); a form that is also
    the verb's present ("Das Gesetz bestimmt, …") is the verb with no finite verb
    before it in its clause. An -e/-en form before a noun is the adjective ("eine
    bekannte Sängerin", "bestimmten Gruppen"), not the verb's past."""
    if not 6 <= e - s <= 14:
        return False
    found = text[s:e].lower()
    if not found.isascii():
        found = unicodedata.normalize("NFC", found)
    known = OWN_SENSE_PARTICIPLES.get(found)
    if known is None:
        stem = found[:-1] if found[-1:] == "e" else found[:-2] if found[-2:] == "en" else ""
        known = OWN_SENSE_PARTICIPLES.get(stem) if stem else None
        if known is None or known[0] != infinitive:
            return False
        return _before_its_noun(text, s, e)
    if known[0] != infinitive:
        return False
    forms = PERFECT_PASSIVE_FORMS if known[1] else HABEN_FORMS
    if perfect_here(text, s, e, forms, strict=True):
        return False
    if known[1]:
        m = _NEXT_WORD.match(text, e)
        if m is not None and m.group(1) in _AGENT and with_haben(text, s, e, forms):
            return False
    from glossar.text.verbs import verb_form_of

    if "third" in verb_form_of(infinitive, found):
        return _finite_verb_before(text, s)
    return True
