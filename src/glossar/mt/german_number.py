"""Whether a German noun in a sentence is plural: read from the words before it (die,
diese, zwei; over adjectives and participle attributes) and the verb it governs, where
its form alone does not say (die Verbündeten, den Truppen)."""

from __future__ import annotations

import re

from glossar.mt.verb_slots import german_clause
from glossar.terms.match import TermMatch
from glossar.text.morphology.nouns import adjectival as adjectival_noun

#: German finite plurals that are not -en forms.
PLURAL_FINITE = frozenset(["sind", "waren", "seien", "wären"])


#: Plural auxiliaries and modals that make a later noun of their clause their subject.
PLURAL_AUXILIARIES = PLURAL_FINITE | frozenset(
    ["haben", "hatten", "werden", "wurden", "können", "konnten", "müssen", "mussten"]
    + ["sollen", "sollten", "wollen", "wollten", "dürfen"]
)


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
_FINITE_VERBS = PLURAL_AUXILIARIES | frozenset(
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
        and tokens[index - 1].group().lower() in PREPOSITIONS_DE
        and source[: tokens[index - 1].start()].rstrip().endswith(",")
    )


#: Prepositions that open a phrase inside a participle attribute ("das vom Kreml
#: angeführte Bündnis"): the noun after them is not the determiner's noun.
PREPOSITIONS_DE = frozenset(
    ["vom", "von", "zum", "zur", "im", "am", "beim", "mit", "durch", "für", "gegen", "aus"]
    + ["nach", "bei", "in", "auf", "unter", "über", "seit", "gegenüber"]
)
#: Words that are plural before a masculine or neuter noun (singular only before a
#: feminine one: die Präsidentin, die Regierung).
_PLURAL_BEFORE_M_N = frozenset(
    ["die", "diese", "jene", "meine", "deine", "seine", "ihre", "unsere", "eure", "keine"]
)
_GERMAN_TOKEN = re.compile(r"[^\W\d_][\w-]*|\d+\.")


#: Prepositions that only take the dative: "den" after them is a dative plural.
_DATIVE_PREPOSITIONS = frozenset(
    ["mit", "von", "zu", "aus", "bei", "nach", "seit", "gegenüber", "samt", "nebst"]
    + ["entgegen", "gemäß", "zufolge", "entsprechend"]
)


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
            if entry.gender in ("f", "n") and not _after_comma(
                source, tokens, len(tokens) - len(recent) + k
            ):
                return True  # den Truppen, den Ländern: no feminine or neuter singular
            if k and recent[k - 1].lower() in _DATIVE_PREPOSITIONS:
                return True  # mit den Verbündeten: a dative singular is "dem"
            # a title after "den" is one person (an den Präsidenten des Landtags)
            return False if ordinal or entry.en.lower() in TITLES else unknown
        if adjective and word[:1].isupper() and k and recent[k - 1].lower() in PREPOSITIONS_DE:
            attribute = k - 1  # the noun of "vom Kreml angeführte": look past it
            continue
        break  # another word: no determiner before the noun
    # no determiner: the singular's own form, a strong adjective tells (unabhängige
    # Beobachter: several; a masculine singular would be unabhängiger), or a name after
    # a title (Nigerias Präsidenten Sani Abacha: one)
    if own_singular:
        return False
    same_plural = bool(entry.plural) and entry.plural.rsplit(None, 1)[-1].casefold() == head
    if (adjectival or same_plural) and surface == head and subject_before_verb(source, match):
        # also a noun whose plural is its singular, as subject of a plural verb with no
        # determiner ("Beobachter rechnen": a reviewer's "An observer artist")
        # "Verbündete kamen", "Das sind Verbündete": one would be "Verbündeter" (but "Sie
        # ist Verbündete des Präsidenten" is one woman: the verb decides)
        return True
    if adjective.endswith("e") and entry.gender in ("m", "n") and not adjectival:
        return True
    if adjective.endswith("en") and extended and surface.endswith("n"):
        return True  # von politischen Beobachtern
    if entry.en.lower() in TITLES and _NEXT_WORD.match(source, match.end) is not None:
        return _NAMES_JOINED.match(source, match.end) is not None  # Putin und Xi: two
    return None


def _adjective_at_start(word: str) -> bool:
    """Is a capitalised first word an adjective (Unabhängige Beobachter kamen)?"""
    from glossar.terms.lexicon import is_lower_word

    low = word.lower()
    return low.endswith(("e", "en", "er", "es", "em")) and is_lower_word(low)


NEXT_GERMAN_WORD = re.compile(r"\s+([^\W\d_]+)")


def subject_before_verb(source: str, match: TermMatch) -> bool:
    """Whether the German noun at ``match`` is the subject of a finite plural verb: one
    right after it ("ihre Verbündeten versuchen", "die Proteste waren"), not a zu-
    infinitive ("seine Truppen zurückzuziehen"), or a plural auxiliary or modal before it
    in its clause ("Jetzt sind die Verbündeten gefragt"). Only then does the model's "is"
    after its English agree with it ("What worries her ally is the cost" keeps its "is")."""
    nxt = NEXT_GERMAN_WORD.match(source, match.end)
    if nxt is not None:
        word = nxt.group(1)
        infinitive = "zu" in word[2:-3]  # zurückzuziehen, abzuziehen
        plural_form = word.endswith(("en", "eln", "ern")) or word in PLURAL_FINITE
        if word.islower() and not infinitive and plural_form:
            return True
    start, _end = german_clause(source, match)
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", source[start : match.start])]
    at = next((k for k in range(len(words) - 1, -1, -1) if words[k] in PLURAL_AUXILIARIES), -1)
    if at < 0:
        return False
    # verb second with an adverb or nothing before it ("Jetzt sind die Verbündeten …",
    # "Sind die Proteste …"), and no subject pronoun or preposition between: "Wir haben
    # andere Länder gebeten", "konnten die Unruhen nicht eindämmen" are objects
    if at > 1 or (at == 1 and words[0] not in _V2_ADVERBS):
        return False
    between = words[at + 1 :]
    return not any(w in _SUBJECT_PRONOUNS or w in PREPOSITIONS_DE for w in between)


#: German singular finite verbs that follow their subject ("Russland müsse", "ist").
_SINGULAR_FINITE = frozenset(
    ["ist", "war", "sei", "wäre", "hat", "hatte", "habe", "wird", "wurde", "kann", "konnte"]
    + ["muss", "musste", "müsse", "soll", "sollte", "solle", "will", "wollte", "wolle", "darf"]
)


_PREVIOUS_GERMAN_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)\s+$")


def singular_subject_before_verb(source: str, match: TermMatch) -> bool:
    """Whether the German name at ``match`` is the subject of a singular verb right
    after it ("Russland müsse sich …", "Moskau hat …") or, verb second, right before it
    ("Laut Moskau hat Russland …"), so the model's plural "are" after its English agrees
    with it (a tester's "Russia are at each other"; "Belarus have")."""
    nxt = NEXT_GERMAN_WORD.match(source, match.end)
    if nxt is not None and nxt.group(1) in _SINGULAR_FINITE:
        return True
    previous = _PREVIOUS_GERMAN_WORD.search(source, max(0, match.start - 16), match.start)
    return previous is not None and previous.group(1) in _SINGULAR_FINITE


#: Adverbs that may stand before a verb-second auxiliary, its subject after it.
_V2_ADVERBS = frozenset(
    ["jetzt", "dann", "nun", "heute", "damals", "inzwischen", "zudem", "außerdem", "deshalb"]
    + ["daher", "darum", "dort", "hier", "gestern", "morgen", "bald", "oft", "auch", "so"]
    + ["da", "doch", "trotzdem", "derzeit", "bisher", "seitdem", "zuletzt", "erst"]
)
_SUBJECT_PRONOUNS = frozenset(["ich", "du", "er", "sie", "es", "wir", "ihr", "man"])


#: English titles written with a capital right before a name (President Jimmy Carter,
#: but "the president of the party").
TITLES = frozenset(
    ["president", "prime minister", "chancellor", "foreign minister", "minister", "king"]
    + ["queen", "pope", "senator", "governor", "mayor", "vice president", "premier"]
)
#: Names joined after a title: "Präsidenten Putin und Xi", "Emmanuel Macron und Olaf Scholz".
_NAMES_JOINED = re.compile(
    r"\s+[A-ZÄÖÜ][^\W\d_]*(?:\s+[A-ZÄÖÜ][^\W\d_]*)?\s+(?:und|sowie)\s+[A-ZÄÖÜ]"
)
_NEXT_WORD = re.compile(r"\s+([A-ZÄÖÜ][^\W\d_]*(?:-[A-ZÄÖÜ][^\W\d_]*)?)")


def name_follows(source: str, end: int) -> bool:
    """Does a name follow the German word ending at ``end`` ("Präsidenten Jimmy Carter",
    "Staatschef Xi")? A capitalised word right after a title, with no article between,
    is a name (or a country's genitive: "Präsident Frankreichs", where a capital is
    right too)."""
    return _NEXT_WORD.match(source, end) is not None
