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


#: The shortest verb a present participle's noun is made of (leben, reisen; not "sen"
#: of Sender).
_MIN_PARTICIPLE_VERB = 5


def strong_adjectival(word: str) -> bool:
    """Is the masculine ``word`` a noun declined like an adjective, written in its strong
    form (ein Vorsitzender, ein Jugendlicher), as a dictionary may list it? A present
    participle (-ender of a verb, the whole word or its last part after a seam:
    Vorstands|vorsitzender, Reisender, Überlebender) or an adjective in -lich
    (Jugendlicher, Geistlicher). Not a noun in -er of its own (Sender, Kalender,
    Adventskalender: "skalen" is no verb; Gläubiger, the creditor, is no Gläubige)."""
    lower = word.lower()
    if len(lower) < 8 or not word[:1].isupper():
        return False
    from glossar.text.morphology.words import exact_word, is_german_word

    if lower.endswith("ender"):
        verb = lower[:-5] + "en"  # vorsitzen, of Vorsitzender
        for i in range(len(verb) - _MIN_PARTICIPLE_VERB + 1):
            # the verb exactly, in lower case; from a seam (the word's start, a linking
            # s, or a left part that is a word: Vorstands|, Auszu|bildender is none)
            if exact_word(verb[i:]) and (i == 0 or lower[i - 1] == "s" or is_german_word(word[:i])):
                return True
        return False
    if lower.endswith("licher"):
        return exact_word(lower[:-2])  # jugendlich
    return False


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
    if not (proper or plural or genitive) and gender == "m" and strong_adjectival(word):
        # a headword in its strong form (Vorsitzender): the adjective's other endings
        # too (der Vorsitzende, den/des Vorsitzenden, -dem), beside a noun's own
        par[word[:-1]] = set(_ADJECTIVE_ENDS)
    lw = word.lower()
    vowel_end = _vowel_end(lw, gender)
    if genitive:
        add_form(par, genitive)
    else:
        endings.update(_genitive_endings(lw, gender, vowel_end))
    if gender == "m" and last == "e" and adjectival(word):
        endings.add("r")  # ein Verbündeter, ein Aufständischer (a given genitive too)
    if plural:
        add_form(par, plural)
        if not plural.endswith(("n", "s")):
            add_form(par, plural + "n")
        return par
    plural_endings, umlaut_endings = _plural_endings(lw, gender, vowel_end)
    endings.update(plural_endings)
    if umlaut_endings:
        uml = umlauted(word)
        if uml:
            par[uml] = set(umlaut_endings)
    if lw.endswith(_REPLACED_TAILS):
        replaced = replaced_plural(word, gender)
        if replaced is not None:
            par.setdefault(replaced[0], set()).update(replaced[1])
    return par


#: Ends of nouns with a long vowel before -l or -r: -e plurals (Tier → Tiere, Passagier
#: → Passagiere, Spiel → Spiele, Meer → Meere), not Lehrer's and Mantel's; -eier
#: (Geier) is Lehrer's again.
LONG_VOWEL_ENDS = ("ier", "iel", "eer", "eel", "oor")


def _schwa_end(lw: str) -> bool:
    """Does the (lower-case) noun end in an unstressed -el or -er (Lehrer, Mantel: no -e
    plural)? Not one of :data:`LONG_VOWEL_ENDS`, but -eier (Geier) is one."""
    if not lw.endswith(("el", "er")):
        return False
    return not lw.endswith(LONG_VOWEL_ENDS) or lw.endswith("eier")


def _vowel_end(lw: str, gender: str | None) -> bool:
    """Does the (lower-case) noun end in a vowel that takes ``-s`` (Auto, Kaffee)?"""
    return lw[-1:] in "aiouy" or (lw.endswith(("é", "ee")) and gender != "f")


def _genitive_endings(lw: str, gender: str | None, vowel_end: bool) -> tuple[str, ...]:
    """The genitive singular endings (and the old dative -e) of masculine and neuter
    nouns, guessed from the word's end."""
    if gender == "f":
        return ()
    last = lw[-1:]
    if vowel_end:
        return ("s",)
    if lw.endswith("nis"):
        return ("ses",)
    if last == "e":  # weak masculine (Kollege, Russe) or neuter (Gebäude)
        return ("n", "s")
    if _schwa_end(lw) or lw.endswith(("en", "chen", "lein")):
        return ("s",)
    if last in "sxzß" or lw.endswith("sch"):
        return ("es", "e")
    return ("s", "es", "e")


def _plural_endings(
    lw: str, gender: str | None, vowel_end: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The regular plural guesses: the word's own endings, and the endings of its
    umlauted stem where it has one (Raum → Räume), from the word's end and gender."""
    last = lw[-1:]
    if gender == "f" and lw.endswith(("ei", "au")):
        return ("en",), ()  # Partei → Parteien, Frau → Frauen (not "Parteis")
    if vowel_end:
        return ("s",), ()  # Auto → Autos, Kaffee → Kaffees
    if lw.endswith("nis"):
        return ("se", "sen"), ()
    if gender == "f":
        if lw.endswith("en"):
            return (), ()  # a plural headword (Unruhen)
        if lw.endswith("in"):
            return ("nen",), ()
        if last == "e" or _schwa_end(lw):
            return ("n",), ()
        if lw.endswith(_FEMININE_EN):
            return ("en",), ()
        return ("en", "e", "n"), ("e", "en")
    if last == "e":
        return ("n",), ()
    if _schwa_end(lw) or lw.endswith(("en", "chen", "lein")):
        return ("n",), ("", "n") if gender == "m" and _schwa_end(lw) else ()
    if lw.endswith(LONG_VOWEL_ENDS):  # (-eier is _schwa_end's)
        # Offiziere, Passagieren, Spiele, Meere; a French one's -s: Bankiers, Ateliers.
        # Never -er (Spieler is no plural of Spiel)
        return ("e", "en", "s") if lw.endswith("ier") else ("e", "en"), ()
    if gender == "n":
        return ("e", "en", "er", "ern"), ("e", "en", "er", "ern")
    if gender == "m" and lw.endswith(MASCULINE_ER):
        return ("e", "en", "er", "ern"), ("e", "en", "er", "ern")  # Männer, Geister
    if gender == "m" and lw.endswith("us"):
        return ("e", "en", "se", "sen"), ("e", "en")  # Bus → Busse, Zirkus → Zirkusse
    return ("e", "en"), ("e", "en")


#: Ends of the masculine nouns whose plural is -er, most with an umlaut (Mann → Männer,
#: Wald → Wälder, Gott, Rand, Mund, Wurm; Geist → Geister, Leib → Leiber).
MASCULINE_ER = ("mann", "wald", "gott", "rand", "mund", "wurm", "eist", "leib")
#: Ends of words whose plural replaces them: (end, its plural's end, shortest word).
#: Latin and Greek nouns (Museum → Museen, Zentrum → Zentren, Thema → Themen, Firma →
#: Firmen, Virus → Viren, Mechanismus → Mechanismen, Zyklus → Zyklen, Radius → Radien,
#: Risiko → Risiken, Konto → Konten; not Minus → "Minen", Modus → "Moden", Komma →
#: "Kommen": only the ends listed)
#: and -mann's other plural (Kaufmann → Kaufleute); Mutter and Tochter have their own.
#: Not a consonant's -tum (Eigentum: Eigentümer is the owner) nor -aum (Raum → Räume).
_REPLACED_ENDS = (
    ("mann", "leute", 5), ("um", "en", 5), ("mus", "men", 5), ("rus", "ren", 5),
    ("lus", "len", 5), ("ius", "ien", 5), ("ma", "men", 5), ("villa", "villen", 5),
    ("agenda", "agenden", 5), ("arena", "arenen", 5), ("skala", "skalen", 5),
    ("pizza", "pizzen", 5), ("iko", "iken", 5), ("nto", "nten", 5),
)  # fmt: skip
#: Ends whose replaced plural is another word in use: Studien (of Studie), Maximen
#: (maxims, not Maxima), Eheleute (a couple, not husbands), Kommen (coming), Daten (data).
_NOT_REPLACED = ("studium", "mum", "ehemann", "mma", "datum")


def replaced_plural(word: str, gender: str | None) -> tuple[str, frozenset[str]] | None:
    """The stem and endings of a plural that replaces the end of ``word`` (Museum →
    Muse|en, Kaufmann → Kaufleut|e), or None. The regular guesses stay beside it: Themas
    and Kontos are plurals too."""
    lw = word.lower()
    if lw.endswith(_NOT_REPLACED):
        return None
    if gender == "f" and lw.endswith(("mutter", "tochter")):
        stem = umlauted(word[:-2])  # Mutter → Mütter, Tochter → Töchter
        return (stem + "er", _MUTTER) if stem else None
    for end, plural, shortest in _REPLACED_ENDS:
        if lw.endswith(end) and len(lw) >= shortest:
            if end == "um" and (
                lw.endswith("aum") or (lw.endswith("tum") and lw[-4] not in "aeiou")
            ):
                return None
            if end[-1] == "a" and gender == "m":
                return None  # (Lama, Puma: -s)
            if end == "mann":
                return word[:-4] + "leut", _LEUTE
            stem = word[: -len(end)] + plural[:-2]  # Muse|en, Risik|en
            if stem[:1] != word[:1]:
                stem = word[0] + stem[1:]  # a whole word's end: Villa → Vill|en
            return stem, _EN
    return None


_EN = frozenset(["en"])
_MUTTER = frozenset(["", "n"])
#: The word ends (last four letters at most) :func:`replaced_plural` reads: one C call
#: rules out nearly every noun of a big termbase.
_REPLACED_TAILS = ("mann", "um", "mus", "rus", "lus", "ius", "ma", "illa", "enda", "rena")
_REPLACED_TAILS += ("kala", "izza", "iko", "nto", "tter", "hter")
_LEUTE = frozenset(["e", "en"])


#: Plain nouns' endings by (gender, the end of the word their rules read): the
#: endings of the word itself, with an adjectival -r where it applies, and of its
#: umlauted stem (:func:`plain_noun_paradigm`).
_ADJECTIVE_ENDS = frozenset(["", "n", "m"])
_TEMPLATES: dict[tuple[str | None, str, bool], tuple[frozenset[str], frozenset[str], bool]] = {}
_MAX_TEMPLATES = 20_000
_SETS: dict[frozenset[str], frozenset[str]] = {}


def plain_noun_paradigm(word: str, gender: str | None) -> dict[str, frozenset[str]]:
    """:func:`noun_paradigm` of a common noun without given forms (``word`` is neither
    in capitals nor a name): the same stems and endings, as frozensets shared by every
    noun that ends alike. A 100k-entry glossary is nearly all such nouns; their
    endings are worked out once per gender and word end, not once per noun."""
    par = _plain_noun_paradigm(word, gender)
    if gender == "m" and word[-4:] in ("nder", "cher") and strong_adjectival(word):
        # Vorsitzender: as noun_paradigm, the adjective's endings beside the noun's own
        return {**par, word[:-1]: _ADJECTIVE_ENDS}
    return par


def _plain_noun_paradigm(word: str, gender: str | None) -> dict[str, frozenset[str]]:
    """:func:`plain_noun_paradigm` but for a strong adjectival noun's other stem."""
    lw = word.lower()
    # every rule above reads at most the last four letters, or "-schaft"
    end = lw[-4:]
    if end == "haft":
        end = lw[-6:]
    adjectival_r = gender == "m" and end[-1:] == "e" and adjectival(word)
    key = (gender, end, adjectival_r)
    templates = _TEMPLATES  # (a dict local: a direct lookup in the compiled build)
    template = templates.get(key)
    if template is None:
        if len(templates) >= _MAX_TEMPLATES:  # odd words: bounded all the same
            templates.clear()
        vowel_end = _vowel_end(end, gender)
        plural_endings, umlaut_endings = _plural_endings(end, gender, vowel_end)
        own = {"", *_genitive_endings(end, gender, vowel_end), *plural_endings}
        if adjectival_r:
            own.add("r")
        # a few dozen distinct sets serve thousands of word ends: one object each
        own_set, umlaut_set = frozenset(own), frozenset(umlaut_endings)
        own_set = _SETS.setdefault(own_set, own_set)
        umlaut_set = _SETS.setdefault(umlaut_set, umlaut_set)
        # (whether the end may have a replaced plural: asked once per end too)
        template = templates[key] = (own_set, umlaut_set, end.endswith(_REPLACED_TAILS))
    own_endings, umlaut_endings, may_replace = template
    if not may_replace:  # nearly every noun
        if umlaut_endings:
            uml = _umlauted_by_end(word)
            if uml:
                return {word: own_endings, uml: umlaut_endings}
        return {word: own_endings}
    par = {word: own_endings}
    if umlaut_endings:
        uml = _umlauted_by_end(word)
        if uml:
            par[uml] = umlaut_endings
    replaced = replaced_plural(word, gender)
    if replaced is not None:
        stem, more = replaced
        par[stem] = par[stem] | more if stem in par else more
    return par


#: :func:`umlauted` of word ends (their last four letters, as written), or "" where the
#: end alone does not decide it (:func:`_umlauted_by_end`).
_UMLAUT_ENDS: dict[str, str | None] = {}
_UNSEEN = object()


def _umlauted_by_end(word: str) -> str | None:
    """:func:`umlauted`, from a cache by the word's last four letters: its answer reads
    only the last vowel and the letter before it, and most nouns end in a few letters
    that hold both (Vertrag: ``trag``), shared by many nouns (Beitrag, Auftrag)."""
    if len(word) <= 4:
        return umlauted(word)
    end = word[-4:]
    ends = _UMLAUT_ENDS  # (a dict local: a direct lookup in the compiled build)
    uml: object = ends.get(end, _UNSEEN)
    if uml is _UNSEEN:
        if len(ends) >= _MAX_TEMPLATES:  # odd words: bounded all the same
            ends.clear()
        # decided by the end when a vowel follows its first letter (that letter is then
        # the one before the last vowel, which umlauted also reads)
        decided = not _VOWELS.isdisjoint(end[1:])
        uml = ends[end] = umlauted(end) if decided else ""
    if uml == "":
        return umlauted(word)
    return None if uml is None else word[:-4] + uml  # type: ignore[operator]


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
