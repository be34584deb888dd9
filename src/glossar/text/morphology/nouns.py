"""German nouns: genitive, weak and plural endings by gender, umlaut plurals.

Regular rules only, deliberately generous (see :mod:`glossar.text.morphology`); a given
``plural``/``genitive`` from the glossary entry replaces the guess for it.
"""

from __future__ import annotations

from glossar.text.morphology.paradigm import Paradigm, add_form, expand

#: Linking elements (Fugenelemente) between the parts of a closed compound.
LINKING_ELEMENTS = ("", "s", "es", "n", "en", "e", "er", "ns")

_UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}
_VOWELS = set("aeiouyäöüAEIOUYÄÖÜ")
_FEMININE_EN = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ur", "ei", "enz", "anz")


def umlauted(word: str) -> str | None:
    """The word with its last stem vowel umlauted (``Raum`` → ``Räum``), or None."""
    for i in range(len(word) - 1, -1, -1):
        c = word[i]
        if c in _VOWELS:
            if c in "uU" and i > 0 and word[i - 1] in "aA":  # au → äu
                return word[: i - 1] + _UMLAUT[word[i - 1]] + word[i:]
            if c in "uU" and i > 0 and word[i - 1] in "eE":  # eu has no umlaut
                return None
            if c in _UMLAUT:
                if i > 0 and word[i - 1] == c:  # Boot → Böte is wrong; Saal → Säle rare
                    return None
                return word[:i] + _UMLAUT[c] + word[i + 1 :]
            return None
    return None


#: How the stem of a nominalised adjective or participle ends (der Verbündete, der
#: Aufständische, der Vorsitzende, der Gefangene, der Jugendliche, der Kranke, der
#: Arbeitslose, der Konservative, der Liberale, der Intellektuelle, der Grüne); not
#: "-tt"/"-at", where a weak noun's strong-looking form is another word (Gatte → Gatter,
#: Pate → Pater).
_ADJECTIVAL_STEM_ENDS = ("t", "d", "sch", "ig", "lich", "en", "nk", "los", "iv", "al", "ell", "ün")
#: Weak nouns whose strong-looking form is another word: Funke → Funker (a radio
#: operator), Friede → Frieder, and der Alte, whose "Alter" is nearly always the age.
_NOT_ADJECTIVAL = ("funke", "friede", "alte")


def adjectival(word: str) -> bool:
    """Is the masculine noun ``word`` (ending in -e) declined like an adjective, so that
    after ``ein``, ``kein`` or a number it ends in -er (ein Verbündeter)? Its stem ends
    like an adjective's or a participle's, and the dictionary knows the -er form (the
    weak nouns Experte, Bote, Kunde do not take it)."""
    lower = word.lower()
    stem = lower[:-1]
    if not stem.endswith(_ADJECTIVAL_STEM_ENDS) or stem.endswith(("tt", "at")):
        return False
    if lower.endswith(_NOT_ADJECTIVAL):  # also in compounds (Zündfunke)
        return False
    from glossar.text.morphology.words import is_german_word

    return is_german_word(word + "r")


def noun_paradigm(
    word: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> Paradigm:
    """Stems and endings of a German noun; ``word`` is the first stem.

    A given ``plural``/``genitive`` replaces the guess for it (and the dative plural
    ``-n`` follows the given plural). ``proper`` names (Tokajew, Russland) only take a
    genitive ``-s``.
    """
    endings: set[str] = {""}
    par: Paradigm = {word: endings}
    last = word[-1:].lower()
    if proper or word.isupper():
        if last not in "sxzß":
            endings.add("s")
        return par
    lw = word.lower()
    vowel_end = last in "aiouy" or (lw.endswith(("é", "ee")) and gender != "f")
    # genitive singular (and the old dative -e) of masculine and neuter nouns
    if genitive:
        add_form(par, genitive)
    elif gender != "f":
        if vowel_end:
            endings.add("s")
        elif lw.endswith("nis"):
            endings.add("ses")
        elif last == "e":  # weak masculine (Kollege, Russe) or neuter (Gebäude)
            endings.update(("n", "s"))
        elif lw.endswith(("el", "er", "en", "chen", "lein")):
            endings.add("s")
        elif last in "sxzß" or lw.endswith("sch"):
            endings.update(("es", "e"))
        else:
            endings.update(("s", "es", "e"))
    if gender == "m" and last == "e" and adjectival(word):
        endings.add("r")  # ein Verbündeter, ein Aufständischer (a given genitive too)
    if plural:
        add_form(par, plural)
        if not plural.endswith(("n", "s")):
            add_form(par, plural + "n")
        return par
    # regular plural guesses
    if vowel_end:
        endings.add("s")  # Auto → Autos, Kaffee → Kaffees
    elif lw.endswith("nis"):
        endings.update(("se", "sen"))
    elif gender == "f":
        if lw.endswith("en"):
            pass  # a plural headword (Unruhen)
        elif lw.endswith("in"):
            endings.add("nen")
        elif last == "e" or lw.endswith(("el", "er")):
            endings.add("n")
        elif lw.endswith(_FEMININE_EN):
            endings.add("en")
        else:
            endings.update(("en", "e", "n"))
            uml = umlauted(word)
            if uml:
                par[uml] = {"e", "en"}
    elif last == "e":
        endings.add("n")
    elif lw.endswith(("el", "er", "en", "chen", "lein")):
        endings.add("n")
        uml = umlauted(word) if gender == "m" and lw.endswith(("el", "er")) else None
        if uml:
            par[uml] = {"", "n"}
    else:
        endings.update(("e", "en"))
        if gender == "n":
            endings.update(("er", "ern"))
        uml = umlauted(word)
        if uml:
            par[uml] = {"e", "en", "er", "ern"} if gender == "n" else {"e", "en"}
    return par


def noun_forms(
    word: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Singular and plural forms of a German noun, the given word first."""
    return expand(noun_paradigm(word, gender, plural=plural, genitive=genitive, proper=proper))
