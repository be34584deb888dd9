"""German verb forms for term recognition: what a verb entry looks like in running text.

Regular (weak) conjugation by rule; strong and irregular verbs from a table of the
verbs news text uses most (present with vowel change, past stem, past participle). A
separable prefix (ein|greifen, an|kündigen) is split off: the bare finite forms
(``griff``, ``mischt``) are returned apart, because they name the verb only when the
particle closes the clause ("griff … ein").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from glossar.text.verb_prefixes import (
    CHECKED_PREFIXES,
    INSEPARABLE_PREFIXES,
    NOT_SPLIT,
    SEPARABLE_PREFIXES,
    WORD_PARTICLES,
    inseparable_prefix,
    variable_prefix,
)

if TYPE_CHECKING:
    from glossar.glossary.model import Entry

__all__ = [
    "INSEPARABLE_PREFIXES",
    "IRREGULAR",
    "SEPARABLE_PREFIXES",
    "STRONG",
    "WORD_PARTICLES",
    "VerbForms",
    "german_verb_form",
    "plural_past",
    "split_particle",
    "split_prefix",
    "participle_of",
    "verb_form_of",
    "verb_forms",
    "verb_idiom",
]


#: Strong and irregular verbs: infinitive → (3rd person singular present, past stem,
#: past participle). The present is given only where its vowel changes.
STRONG = {
    "bleiben": ("", "blieb", "geblieben"), "bieten": ("", "bot", "geboten"),
    "binden": ("", "band", "gebunden"), "bitten": ("", "bat", "gebeten"),
    "brechen": ("bricht", "brach", "gebrochen"), "bringen": ("", "brachte", "gebracht"),
    "denken": ("", "dachte", "gedacht"), "dringen": ("", "drang", "gedrungen"),
    "essen": ("isst", "aß", "gegessen"), "fahren": ("fährt", "fuhr", "gefahren"),
    "fallen": ("fällt", "fiel", "gefallen"), "fangen": ("fängt", "fing", "gefangen"),
    "finden": ("", "fand", "gefunden"), "fliegen": ("", "flog", "geflogen"),
    "fliehen": ("", "floh", "geflohen"), "fließen": ("", "floss", "geflossen"),
    "geben": ("gibt", "gab", "gegeben"), "gehen": ("", "ging", "gegangen"),
    "gelten": ("gilt", "galt", "gegolten"), "gewinnen": ("", "gewann", "gewonnen"),
    "gießen": ("", "goss", "gegossen"), "gleichen": ("", "glich", "geglichen"),
    "greifen": ("", "griff", "gegriffen"), "halten": ("hält", "hielt", "gehalten"),
    "heben": ("", "hob", "gehoben"),
    "heißen": ("", "hieß", "geheißen"), "helfen": ("hilft", "half", "geholfen"),
    "kennen": ("", "kannte", "gekannt"), "kommen": ("", "kam", "gekommen"),
    "laden": ("lädt", "lud", "geladen"), "lassen": ("lässt", "ließ", "gelassen"),
    "laufen": ("läuft", "lief", "gelaufen"), "leiden": ("", "litt", "gelitten"),
    "leihen": ("", "lieh", "geliehen"), "lesen": ("liest", "las", "gelesen"),
    "liegen": ("", "lag", "gelegen"), "lügen": ("", "log", "gelogen"),
    "messen": ("misst", "maß", "gemessen"), "nehmen": ("nimmt", "nahm", "genommen"),
    "nennen": ("", "nannte", "genannt"), "raten": ("rät", "riet", "geraten"),
    "reißen": ("", "riss", "gerissen"), "reiten": ("", "ritt", "geritten"),
    "rennen": ("", "rannte", "gerannt"), "rufen": ("", "rief", "gerufen"),
    "schaffen": ("", "schuf", "geschaffen"), "scheiden": ("", "schied", "geschieden"),
    "scheinen": ("", "schien", "geschienen"), "schieben": ("", "schob", "geschoben"),
    "schießen": ("", "schoss", "geschossen"), "schlafen": ("schläft", "schlief", "geschlafen"),
    "schlagen": ("schlägt", "schlug", "geschlagen"), "schließen": ("", "schloss", "geschlossen"),
    "schneiden": ("", "schnitt", "geschnitten"), "schreiben": ("", "schrieb", "geschrieben"),
    "schreien": ("", "schrie", "geschrien"), "schweigen": ("", "schwieg", "geschwiegen"),
    "sehen": ("sieht", "sah", "gesehen"), "senden": ("", "sandte", "gesandt"),
    "singen": ("", "sang", "gesungen"), "sinken": ("", "sank", "gesunken"),
    "sitzen": ("", "saß", "gesessen"), "sprechen": ("spricht", "sprach", "gesprochen"),
    "springen": ("", "sprang", "gesprungen"), "stechen": ("sticht", "stach", "gestochen"),
    "stehen": ("", "stand", "gestanden"), "steigen": ("", "stieg", "gestiegen"),
    "sterben": ("stirbt", "starb", "gestorben"), "stoßen": ("stößt", "stieß", "gestoßen"),
    "streiten": ("", "stritt", "gestritten"), "tragen": ("trägt", "trug", "getragen"),
    "treffen": ("trifft", "traf", "getroffen"), "treiben": ("", "trieb", "getrieben"),
    "treten": ("tritt", "trat", "getreten"), "trinken": ("", "trank", "getrunken"),
    "tun": ("tut", "tat", "getan"), "verlieren": ("", "verlor", "verloren"),
    "wachsen": ("wächst", "wuchs", "gewachsen"), "waschen": ("wäscht", "wusch", "gewaschen"),
    "weichen": ("", "wich", "gewichen"), "weisen": ("", "wies", "gewiesen"),
    "wenden": ("", "wandte", "gewandt"), "werben": ("wirbt", "warb", "geworben"),
    "werden": ("wird", "wurde", "geworden"), "werfen": ("wirft", "warf", "geworfen"),
    "wiegen": ("", "wog", "gewogen"), "wissen": ("weiß", "wusste", "gewusst"),
    "ziehen": ("", "zog", "gezogen"), "zwingen": ("", "zwang", "gezwungen"),
    # (stop 40: strong verbs the table lacked; beginnen gave "beginnte", empfehlen
    # "empfehlte", untergraben "untergrabt". Not gelingen, spinnen: their past plural is
    # another verb, gelangen, spannen; nor gleiten, preisen: begleiten and einpreisen,
    # far more common, are weak)
    "beginnen": ("", "begann", "begonnen"), "befehlen": ("befiehlt", "befahl", "befohlen"),
    "bergen": ("birgt", "barg", "geborgen"), "biegen": ("", "bog", "gebogen"),
    "dreschen": ("drischt", "drosch", "gedroschen"),
    "empfehlen": ("empfiehlt", "empfahl", "empfohlen"),
    "erlöschen": ("erlischt", "erlosch", "erloschen"), "fechten": ("ficht", "focht", "gefochten"),
    "flechten": ("flicht", "flocht", "geflochten"), "fressen": ("frisst", "fraß", "gefressen"),
    "frieren": ("", "fror", "gefroren"), "gebären": ("", "gebar", "geboren"),
    "genießen": ("", "genoss", "genossen"),
    "geschehen": ("geschieht", "geschah", "geschehen"),
    "graben": ("gräbt", "grub", "gegraben"), "klingen": ("", "klang", "geklungen"),
    "kneifen": ("", "kniff", "gekniffen"), "kriechen": ("", "kroch", "gekrochen"),
    "meiden": ("", "mied", "gemieden"), "pfeifen": ("", "pfiff", "gepfiffen"),
    "riechen": ("", "roch", "gerochen"),
    "ringen": ("", "rang", "gerungen"), "saufen": ("säuft", "soff", "gesoffen"),
    "schelten": ("schilt", "schalt", "gescholten"), "schleichen": ("", "schlich", "geschlichen"),
    "schlingen": ("", "schlang", "geschlungen"), "schmeißen": ("", "schmiss", "geschmissen"),
    "schmelzen": ("schmilzt", "schmolz", "geschmolzen"),
    "schreiten": ("", "schritt", "geschritten"), "schwimmen": ("", "schwamm", "geschwommen"),
    "schwinden": ("", "schwand", "geschwunden"), "schwingen": ("", "schwang", "geschwungen"),
    "schwören": ("", "schwor", "geschworen"), "sprießen": ("", "spross", "gesprossen"),
    "stehlen": ("stiehlt", "stahl", "gestohlen"), "stinken": ("", "stank", "gestunken"),
    "streichen": ("", "strich", "gestrichen"), "verderben": ("verdirbt", "verdarb", "verdorben"),
    "vergessen": ("vergisst", "vergaß", "vergessen"), "verzeihen": ("", "verzieh", "verziehen"),
}  # fmt: skip


#: Irregular verbs, all their forms: infinitive → (present: 1st, 2nd, 3rd person singular,
#: plural; past: 1st/3rd, 2nd person singular, plural, 2nd plural; participle; other
#: forms a text uses: 2nd plural, subjunctives of reported speech and conditionals). The
#: rules gave ``sein`` "seit" and "seiten", ``haben`` "habte", ``können`` "könnete".
IRREGULAR: dict[str, tuple[tuple[str, ...], tuple[str, ...], str, tuple[str, ...]]] = {
    "sein": (
        ("bin", "bist", "ist", "sind"), ("war", "warst", "waren", "wart"), "gewesen",
        ("seid", "sei", "seien", "seist", "wäre", "wären", "wärst"),
    ),
    "haben": (
        ("habe", "hast", "hat", "haben"), ("hatte", "hattest", "hatten", "hattet"), "gehabt",
        ("habt", "hätte", "hätten", "hättest"),
    ),
    "werden": (
        ("werde", "wirst", "wird", "werden"), ("wurde", "wurdest", "wurden", "wurdet"),
        "geworden", ("werdet", "worden", "würde", "würden", "würdest"),
    ),
    "können": (
        ("kann", "kannst", "kann", "können"), ("konnte", "konntest", "konnten", "konntet"),
        "gekonnt", ("könnt", "könne", "könnte", "könnten", "könntest"),
    ),
    "müssen": (
        ("muss", "musst", "muss", "müssen"), ("musste", "musstest", "mussten", "musstet"),
        "gemusst", ("müsst", "müsse", "müsste", "müssten", "müsstest"),
    ),
    "dürfen": (
        ("darf", "darfst", "darf", "dürfen"), ("durfte", "durftest", "durften", "durftet"),
        "gedurft", ("dürft", "dürfe", "dürfte", "dürften", "dürftest"),
    ),
    "wollen": (
        ("will", "willst", "will", "wollen"), ("wollte", "wolltest", "wollten", "wolltet"),
        "gewollt", ("wollt", "wolle"),
    ),
    "sollen": (
        ("soll", "sollst", "soll", "sollen"), ("sollte", "solltest", "sollten", "solltet"),
        "gesollt", ("sollt", "solle"),
    ),
    "mögen": (
        ("mag", "magst", "mag", "mögen"), ("mochte", "mochtest", "mochten", "mochtet"),
        "gemocht", ("mögt", "möge", "möchte", "möchten", "möchtest"),
    ),
    "wissen": (
        ("weiß", "weißt", "weiß", "wissen"), ("wusste", "wusstest", "wussten", "wusstet"),
        "gewusst", ("wisst", "wisse", "wüsste", "wüssten"),
    ),
    "tun": (
        ("tue", "tust", "tut", "tun"), ("tat", "tatest", "taten", "tatet"), "getan",
        ("täte", "täten"),
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class VerbForms:
    """The forms of one verb: ``joined`` appear as one word (eingreifen, eingegriffen,
    einzugreifen, griff ein in a subordinate clause: eingriff); ``bare`` are the finite
    forms without the separable ``particle`` (greift, griff), which name the verb only
    with the particle later in the clause."""

    joined: tuple[str, ...]
    bare: tuple[str, ...] = ()
    particle: str = ""


#: Separable prefixes that stack on another one, written apart from it when the verb
#: splits: wiederherstellen, "stellte die Ordnung wieder her"; wiederaufbauen, "baut …
#: wieder auf" (wiederholen, with no second prefix, stays wieder + holen).
_STACKING = ("wieder",)


#: The separable prefixes by their first two letters, longest first (a verb is looked up
#: among the few that start like it, not all 70).
_BY_START: dict[str, tuple[str, ...]] = {}
for _prefix in SEPARABLE_PREFIXES:
    _BY_START[_prefix[:2]] = (*_BY_START.get(_prefix[:2], ()), _prefix)


def split_prefix(infinitive: str) -> tuple[str, str]:
    """(separable prefix, base verb): ``eingreifen`` → (``ein``, ``greifen``),
    ``wiederherstellen`` → (``wiederher``, ``stellen``), ``umsetzen`` → (``um``,
    ``setzen``); ("", ``infinitive``) for a verb whose prefix stays on it (übernehmen,
    durchsuchen: :mod:`glossar.text.verb_prefixes`)."""
    if infinitive in NOT_SPLIT:
        return "", infinitive
    variable = variable_prefix(infinitive)
    for prefix in _BY_START.get(infinitive[:2], ()):
        base = infinitive[len(prefix) :]
        # (a base of four letters only where it is a word: aus|üben, ein|ölen, but not
        # ein|igen, fest|igen, hin|dern; after the newer particles any base: bevor|stehen,
        # not bevor|zugen)
        if (
            infinitive.startswith(prefix)
            and base.endswith("n")
            and (len(base) >= 5 or (len(base) == 4 and _short_base(base)))
            and (prefix not in CHECKED_PREFIXES or _short_base(base))
        ):
            if variable is not None and len(variable[0]) > len(prefix):
                break  # hinter|lassen, not hin|terlassen
            if prefix in _STACKING:
                inner, rest = split_prefix(base)
                if inner:
                    return prefix + inner, rest
            return prefix, base
    if variable is not None and variable[2]:
        return variable[0], variable[1]  # durch|führen, um|setzen
    return "", infinitive


def _short_base(base: str) -> bool:
    """Is ``base`` a verb of its own (üben, säen, ölen; stehen after bevor), as the German
    word list knows it?"""
    from glossar.text.morphology.words import is_german_word

    return is_german_word(base)


def split_particle(prefix: str) -> str:
    """The particle as a split clause writes the separable ``prefix`` of
    :func:`split_prefix`: ``wiederher`` → ``wieder her``, ``ein`` → ``ein``."""
    for stacking in _STACKING:
        if prefix.startswith(stacking) and len(prefix) > len(stacking):
            return f"{stacking} {prefix[len(stacking) :]}"
    return prefix


def _stem(base: str) -> str:
    if base.endswith(("eln", "ern")):
        return base[:-1]
    if base.endswith("en"):
        return base[:-2]
    return base[:-1]


def _linking_e(stem: str) -> str:
    """``e`` before -st/-t/-te where the stem needs one: after t/d (arbeitet) and a
    consonant + m/n (atmet, rechnet), not after a vowel, l, r, a lengthening h or a
    doubled m/n (wohnt, kennt)."""
    if stem.endswith(("t", "d", "chn")):
        return "e"
    return "e" if stem[-1:] in "mn" and stem[-2:-1] not in "aeioulrhäöümn" else ""


def _finite(base: str) -> list[str]:
    """Present and past finite forms of ``base`` (no prefix), and a strong verb's
    subjunctive II (käme, nähme, stünde: reported speech; "Wege zur Verfügung stünden"
    was missed on real news)."""
    present, past = _finite_parts(base)
    other = IRREGULAR[base][3] if base in IRREGULAR else _subjunctive_two(base, past[0])
    return list(dict.fromkeys(present + past + list(other)))


#: Umlauts of a strong past's stem vowel (kam → käme, zog → zöge, fuhr → führe).
_UMLAUT = {"a": "ä", "o": "ö", "u": "ü"}
#: Subjunctive II stems where the past's vowel is not the one umlauted (starb: stürbe,
#: warf: würfe, schalt: schölte) or there are two (stände, stünde); a verb with a prefix
#: takes its base verb's (verstünde, bewürbe).
_SUBJUNCTIVE_STEMS = {
    "stehen": ("ständ", "stünd"),
    "sterben": ("stürb",),
    "werfen": ("würf",),
    "werben": ("würb",),
    "derben": ("dürb",),
    "schelten": ("schölt",),
    "helfen": ("hülf", "hälf"),
}
#: Subjunctive II stems that spell another verb's forms (fahren: führe is führen's,
#: tragen: trüge is trügen's, trinken: tränke is tränken's, dringen: dränge is
#: drängen's, zwingen: zwänge, stehlen: stähle, schwingen: schwänge): not made.
_SUBJUNCTIVE_CLASHES = frozenset(["führ", "trüg", "tränk", "dräng", "zwäng", "stähl", "schwäng"])


def _subjunctive_two(base: str, past: str) -> tuple[str, ...]:
    """The subjunctive II of a strong verb from its past stem (kam → käme, kämen,
    kämest, kämet); none for a weak or mixed verb (its subjunctive is its past)."""
    if past.endswith("te") or base in _WEAK:
        return ()
    for verb, own in _SUBJUNCTIVE_STEMS.items():
        if base.endswith(verb):
            stems = [base[: len(base) - len(verb)] + stem for stem in own]
            break
    else:
        k = max(past.rfind("a"), past.rfind("o"), past.rfind("u"))
        if k < 0 or (past[k] == "u" and k > 0 and past[k - 1] == "a"):  # (au: läuft)
            stems = [past]
        else:
            stems = [past[:k] + _UMLAUT[past[k]] + past[k + 1 :]]
    if any(stem.endswith(tuple(_SUBJUNCTIVE_CLASHES)) for stem in stems):
        return ()
    return tuple(s + end for s in stems for end in ("e", "en", "est", "et"))


#: Weak verbs spelled like an inseparable prefix and a strong verb (um|ringen is not
#: ringen's: umringte, umringt).
_WEAK = frozenset(["umringen", "beringen"])


def _finite_parts(base: str) -> tuple[list[str], list[str]]:
    """(present: 1st, 2nd, 3rd person singular, plural; past forms) of ``base``."""
    irregular = IRREGULAR.get(base)
    if irregular is not None:
        return list(irregular[0]), list(irregular[1])
    stem = _stem(base)
    e = _linking_e(stem)
    present = [stem + "e", stem + e + "st", stem + e + "t", base]
    if stem.endswith(("s", "ß", "z", "x")):
        present[1] = stem + "t"
    strong = STRONG.get(base)
    if strong is None:
        # verlieren is in the table; beschreiben, übernehmen are not
        prefix = inseparable_prefix(base)
        if prefix and base[len(prefix) :] in STRONG and base not in _WEAK:
            third, past, _part = STRONG[base[len(prefix) :]]
            strong = (prefix + third if third else "", prefix + past, "")
    if strong is None:
        past_stem = stem + e + "te"
        past = [past_stem, past_stem + "st", past_stem + "n", past_stem + "t"]
    else:
        third, past_stem, _part = strong
        if third:
            present[2] = third
            if third.endswith("st"):
                present[1] = third
            elif stem.endswith("t"):  # (tritt: trittst, hält: hältst, gilt: giltst)
                present[1] = third + "st"
            else:
                present[1] = third[:-1] + "st"
        end = "e" if past_stem.endswith(("s", "ß", "t", "d")) else ""
        if past_stem.endswith("te"):  # mixed verbs: brachte, dachte
            past = [past_stem, past_stem + "st", past_stem + "n", past_stem + "t"]
        else:
            past = [past_stem, past_stem + end + "st", past_stem + "en", past_stem + end + "t"]
    return present, past


def _participle(base: str) -> str:
    if base in IRREGULAR:
        return IRREGULAR[base][2]
    strong = STRONG.get(base)
    if strong is not None:
        return strong[2]
    prefix = inseparable_prefix(base)
    if prefix or base.endswith("ieren"):
        rest = base[len(prefix) :]
        if prefix and rest in STRONG and base not in _WEAK:
            return prefix + STRONG[rest][2][2:]  # übernommen, verloren
        stem = _stem(base)
        return stem + _linking_e(stem) + "t"
    stem = _stem(base)
    return "ge" + stem + _linking_e(stem) + "t"


def verb_forms(infinitive: str) -> VerbForms:
    """Every form of the verb ``infinitive`` (one word, lower case) worth recognising."""
    word = infinitive.strip()
    if not word or " " in word or not word.endswith("n"):
        return VerbForms((word,))
    prefix, base = split_prefix(word)
    finite = _finite(base)
    participle = _participle(base)
    joined = [word, prefix + participle]
    if prefix:
        joined.append(prefix + "zu" + base)
        joined += [prefix + f for f in finite]  # subordinate clause: "weil Russland eingriff"
        return VerbForms(tuple(dict.fromkeys(joined)), tuple(finite), prefix)
    joined += finite
    return VerbForms(tuple(dict.fromkeys(joined)))


def participle_of(infinitive: str) -> str:
    """The past participle of the verb ``infinitive`` (one word, lower case): gestellt,
    eingegriffen, bekommen (spelled as its infinitive)."""
    prefix, base = split_prefix(infinitive.strip())
    return prefix + _participle(base)


def verb_form_of(infinitive: str, surface: str) -> frozenset[str]:
    """Which forms of the verb ``infinitive`` the word ``surface`` is: ``participle``,
    ``past``, ``third`` (3rd person singular present) and ``base`` (infinitive, plural,
    1st person); empty when it is none of the regular ones. Some words are two forms
    (eskaliert: third and participle). Enforcement puts the English verb in the form
    the German shows (zurückgewiesen: rejected, untergrub: undermined)."""
    word = infinitive.strip().lower()
    found = surface.strip().lower()
    if not word.endswith("n") or " " in word:
        return frozenset(["base"] if found == word else [])
    prefix, base = split_prefix(word)
    present, past = _finite_parts(base)
    out = set()
    for p in (prefix, ""):  # "griff … ein": the bare finite form without its particle
        if found in (p + base, p + present[0], prefix + "zu" + base):
            out.add("base")
        if found in (p + present[1], p + present[2]):
            out.add("third")
        if found == p + present[0] and found != p + base:
            # "wenn die Sicherheit auf dem Spiel stehe": news' -e form is the subjunctive
            # of reported speech, a third person ("is at stake"), as often as a first
            out.add("third")
        if found in (p + f for f in past):
            out.add("past")
    if found == prefix + _participle(base):
        out.add("participle")
    return frozenset(out)


def plural_past(entry: Entry, surface: str) -> bool:
    """Is the verb of ``entry`` found as ``surface`` a plural past (steckten hinter,
    standen: they were), where English "be" has a plural of its own ("were")?"""
    infinitive, found = entry.de, surface
    if entry.pos == "phrase":
        apart = _verb_apart(entry.de, surface)
        if apart is None:
            return False
        infinitive, found = apart
    word = infinitive.strip().lower()
    found = found.strip().lower()
    if not word.endswith("n") or " " in word:
        return False
    prefix, base = split_prefix(word)
    past = _finite_parts(base)[1]
    return found in (prefix + past[2], past[2])


def _verb_apart(de: str, surface: str) -> tuple[str, str] | None:
    """The word of ``de`` that ``surface`` has in a finite form, and that form ("zur
    Hilfe eilen", "eilte zur Hilfe": eilen, eilte; "verlauten lassen", "verlautete":
    verlauten, verlautete); with one word apart, any form of it (stecken: stecken)."""
    de_words, words = de.lower().split(), surface.lower().split()
    missing = [w for w in de_words if w not in words]
    extra = [w for w in words if w not in de_words]
    for found in extra:
        for infinitive in missing:
            forms = verb_form_of(infinitive, found)
            if forms - {"base"} or (forms and len(missing) == len(extra) == 1):
                return infinitive, found
    return None


@lru_cache(maxsize=4096)
def verb_idiom(de: str, forms: tuple[str, ...]) -> bool:
    """Whether a phrase entry is a verb idiom: one of its listed forms changes one word of
    the headword into a finite form of it (stecken hinter: steckt hinter; sich erheben:
    erhebt sich), so its English is a verb phrase to inflect (be behind: is behind)."""
    for form in forms:
        apart = _verb_apart(de, form)
        if apart is not None and verb_form_of(*apart) - {"base"}:
            return True
    return False


def german_verb_form(entry: Entry, surface: str) -> frozenset[str]:
    """:func:`verb_form_of` for a verb entry's found word, with a guess for the forms an
    entry lists because the rules miss them (untergrub, wiederhergestellt): a ``ge``
    after the particle or at the start is a participle, ``-te``/``-ten`` a past, ``zu``
    an infinitive, another listed one-syllable-changed form (untergrub) a past."""
    # a verb idiom: the form of its one verb (a phrase that lists its forms, or a verb
    # entry of several words: "auf Eis legen", "legt … auf Eis", "auf Eis gelegt")
    if entry.pos == "phrase" or (entry.pos == "verb" and " " in entry.de.strip()):
        if entry.pos == "phrase" and not verb_idiom(entry.de, tuple(entry.forms)):
            return frozenset()
        words = [w for w in surface.lower().split() if w != "zu"]  # (auf Eis zu legen)
        head = [w for w in entry.de.lower().split() if w != "zu"]
        if words == head or (entry.pos == "verb" and words == head[-1:]):  # (legen … auf Eis)
            return frozenset(["base"])
        apart = _verb_apart(entry.de, surface)
        if apart is not None:
            return verb_form_of(*apart)
        if set(surface.lower().split()) < set(entry.de.lower().split()):
            # the idiom's verb stands apart ("Es stand viel auf dem Spiel"): its English
            # verb is the model's, outside the slot
            return frozenset(["detached"])
        return frozenset()
    word = surface.strip().lower()
    known = verb_form_of(entry.de, word)
    if known:
        return known
    if " " in word:
        word = word.replace(" ", "")
    head = entry.de.lower().replace(" ", "")
    particles = [p for p in (*SEPARABLE_PREFIXES, "wiederher", "") if head.startswith(p)]
    if word == head:
        return frozenset(["base"])
    for p in particles:
        rest = word[len(p) :] if word.startswith(p) else None
        if rest is None:
            continue
        if rest.startswith("zu") and rest[2:] == head[len(p) :]:
            return frozenset(["base"])
        if (
            rest.startswith("ge")
            and rest.endswith(("t", "en"))
            and not head[len(p) :].startswith("ge")
        ):
            return frozenset(["participle"])
    if word.endswith(("te", "ten", "test", "tet")):
        return frozenset(["past"])
    if word.endswith("t"):
        return frozenset(["third"])
    forms = {f.lower().replace(" ", "") for f in entry.forms}
    if word in forms and not word.endswith(("en", "e")):
        return frozenset(["past"])  # a listed strong past (untergrub)
    stem = word[:-2]
    if word in forms and word.endswith("en") and stem in forms and not stem.endswith(("e", "t")):
        return frozenset(["past"])  # its plural (untergruben)
    return frozenset()
