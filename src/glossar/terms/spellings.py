"""How each German spelling of an entry is matched: paradigms, flags and phrase heads."""

from __future__ import annotations

import re
from functools import lru_cache

from glossar.glossary.model import SHORT_TERM, Entry
from glossar.terms.patterns import (
    CAP,
    CASE,
    COMPOUND_HEAD,
    COMPOUND_TAIL,
    NAME_KINDS,
    SEPARABLE,
    Spelling,
)
from glossar.text.fold import fold_term
from glossar.text.morphology import (
    Paradigm,
    add_form,
    inflected_paradigm,
    noun_paradigm,
    phrase_parts,
)
from glossar.text.morphology.adjectives import ADJECTIVE_SUFFIXES
from glossar.text.morphology.nouns import LONG_VOWEL_ENDS, plain_noun_paradigm
from glossar.text.verbs import VerbForms, participle_of, verb_forms

#: Compass prefixes that make a region of a place: Ostukraine, Nordkasachstan.
COMPASS = ("Ost", "West", "Nord", "Süd", "Nordost", "Nordwest", "Südost", "Südwest", "Zentral")
#: Endings of masculine person nouns that take a feminine -in (Präsident → Präsidentin).
_PERSON_ENDINGS = ("ent", "ant", "ist", "at", "or", "eur", "er", "chef", "oge", "te", "it")
#: Flags a compound policy keeps (see :attr:`glossar.glossary.model.Entry.compound_policy`).
POLICY_FLAGS = {
    "none": 0,
    "modifier": COMPOUND_HEAD,
    "head": COMPOUND_TAIL,
    "both": COMPOUND_HEAD | COMPOUND_TAIL,
    "auto": COMPOUND_HEAD | COMPOUND_TAIL,
}
_NO_COMPOUND = ~(COMPOUND_HEAD | COMPOUND_TAIL)
#: ``ss`` where the spelling before 1996 wrote ``ß``: after a vowel, at the end of the word
#: or before a consonant (Einfluss → Einfluß, Russland → Rußland; Einflusses stays).
_OLD_SS = re.compile("(?<=[aeiouäöüy])ss(?![aeiouäöüy])")


#: Whether a word's last four letters end in a :data:`_PERSON_ENDINGS` (none is longer):
#: a dict lookup per masculine noun of a big glossary, not eleven suffix tests.
_PERSON_END: dict[str, bool] = {}


def feminine(noun: str) -> str | None:
    """The feminine person noun for a masculine one (Politologe → Politologin), or None."""
    end = noun[-4:]
    person_end = _PERSON_END  # (a dict local: a direct lookup in the compiled build)
    person = person_end.get(end)
    if person is None:
        if len(person_end) >= 20_000:  # odd words: bounded all the same
            person_end.clear()
        person = person_end[end] = end.endswith(_PERSON_ENDINGS)
    if not person or not noun.isalpha():
        return None
    if noun.endswith("e"):
        return noun[:-1] + "in"
    return noun + "in"


@lru_cache(maxsize=4096)
def fold_words(words: str) -> str:
    """Folded words that must precede a phrase's head, with the space before the head."""
    return fold_term(words) + " "


def spelling_flags(term: str, noun: bool, proper: bool, pos: str, abbr: bool = False) -> int:
    """Matching flags for one German spelling (see the flag constants). (``abbr`` may be
    given by position: a C call in the compiled build, which takes no keyword-only
    arguments.)"""
    f = 0
    one_word = " " not in term and "-" not in term
    upper_first = term[:1].isupper()
    # pos "other" names no word class: a capital there is a noun's (a term pair's
    # "Morgen" is not the adverb in "bis morgen"), as noun_like reads it for claims
    if upper_first and (noun or proper or pos in ("phrase", "other")):
        f |= CAP
    if (abbr and (term.isupper() or any(map(str.isdigit, term)))) or (proper and one_word):
        f |= CASE
    if noun and one_word and upper_first and not term.isupper():
        f |= COMPOUND_HEAD
        if not proper and len(term) >= 4:
            f |= COMPOUND_TAIL
    return f


def _with_a_full_stop(entry: Entry, form: str) -> bool:
    """Is ``form`` another spelling of ``entry`` with a sentence mark after it (a verb's
    "werden." beside its headword werden, copied from a sentence's last word)? Matched as
    written, the term would take the sentence's full stop into its span; the spelling
    without it is matched anyway. An abbreviation's stop (Nr. for Nummer) stays."""
    if form[-1:] not in ".!?" or entry.de.endswith(form[-1]):
        return False
    rest = form[:-1].lower()
    if rest in (entry.de.lower(), *(t.lower() for t in (*entry.de_alt, *entry.forms))):
        return True
    return entry.pos == "verb" and rest in verb_forms(entry.de.lower()).joined


def entry_spellings(entry: Entry, *, policy: bool = True) -> list[Spelling]:
    """How each German spelling of ``entry`` is matched: headword, variants, abbreviations,
    generated forms (verbs, feminine person nouns, compass regions of places).

    ``policy`` applies the entry's compound policy to the flags (``False`` leaves it to
    :mod:`glossar.terms.guards`, which then counts what it drops)."""
    if plain_noun(entry):
        return _plain_noun_spellings(entry, policy)
    return general_spellings(entry, policy)


def general_spellings(entry: Entry, policy: bool = True) -> list[Spelling]:
    """:func:`entry_spellings` by the general path, which plain nouns skip (what their
    fast path must give: ``tests/test_terms_spellings_fast.py``)."""
    pos = entry.pos
    proper = entry.kind in NAME_KINDS or pos == "proper-noun"
    noun = pos in ("noun", "proper-noun")
    out: list[Spelling] = []
    add_spelling(out, entry, 0, entry.de, entry.plural, entry.genitive, noun, proper)
    if pos == "verb" and " " not in entry.de:
        verb = verb_forms(entry.de.lower())
        joined: Paradigm = {}
        for form in verb.joined[1:]:
            add_form(joined, form)
        out.append((0, joined, 0, (), 1))
        if verb.bare:  # "griff … ein": only with the particle later in the clause
            bare: Paradigm = {}
            for form in verb.bare:
                add_form(bare, form)
            out.append((SEPARABLE, bare, 0, (), 1))
    if pos == "noun" and entry.gender == "m" and entry.kind == "term":
        female = feminine(entry.de)
        if female:
            flags = spelling_flags(entry.de, noun, proper, pos)
            out.append((0, {female: {"", "nen"}}, flags, (), 1))
    if entry.kind == "place" and entry.de.isalpha() and entry.de[:1].isupper():
        from glossar.terms.lexicon import is_name

        flags = spelling_flags(entry.de, noun, proper, pos)
        for compass in COMPASS:
            region = compass + entry.de.lower()
            if not is_name(region):  # Nordkorea, Südafrika: a country of its own
                out.append((0, {region: {"", "s"}}, flags, (), 1))
    listed = entry.forms
    bare: Paradigm = {}
    for phrase, verb in idiom_spellings(entry):
        # "auf Eis legen": its verb's forms after the phrase (the participle declined
        # too: "die zur Verfügung gestellten Mittel"), and its bare finite forms before
        # it ("legt … auf Eis": as a split verb's, with any spelling's phrase after it)
        listed = (*listed, *(f"{phrase} {form}" for form in verb.joined[1:]))
        participle = participle_of(verb.joined[0])
        listed = (*listed, *(f"{phrase} {participle}{end}" for end in _ADJECTIVE_ENDINGS))
        if not verb.particle:  # (a separable verb: "unter Druck aufzusetzen" is joined)
            listed = (*listed, f"{phrase} zu {verb.joined[0]}")
            for form in verb.joined:
                # (not the participle: "hat … auf Eis gelegt"; bekommen is both)
                if form != participle or form == verb.joined[0]:
                    add_form(bare, form)
    if bare:
        out.append((SEPARABLE, bare, 0, (), 1))
    if listed:
        forms: Paradigm = {}
        cased: Paradigm = {}
        for form in listed:
            if _with_a_full_stop(entry, form):
                continue  # "werden." of werden: the stop is the sentence's, not the term's
            if _noun_inside(form):  # as spelt, or opening a sentence
                add_form(cased, form)
                add_form(cased, form[0].upper() + form[1:])
            else:
                add_form(forms, form)
        flags = spelling_flags(entry.de, noun, proper, pos) & ~(COMPOUND_HEAD | COMPOUND_TAIL)
        if forms:
            out.append((0, forms, flags, (), 1))
        if cased:  # "das Sagen" as spelt (or in capitals), never the verb in "das sagen"
            out.append((0, cased, flags | CASE, (), 1))
    for alt in entry.de_alt:
        add_spelling(out, entry, 1, alt, None, None, noun, proper)
    for abbr in entry.de_abbr:
        if abbr.isupper() or any(c.isdigit() for c in abbr):
            abbr_par: Paradigm = {abbr: {""} if abbr[-1:] in "sSxXzZ" else {"", "s"}}
        else:
            abbr_par = noun_paradigm(abbr, None, proper=True)
        out.append((2, abbr_par, spelling_flags(abbr, noun, proper, pos, abbr=True), (), 0))
    out.extend(old_spellings(out))
    if not policy:
        return out
    keep = POLICY_FLAGS.get(entry.compound_policy, 0) | _NO_COMPOUND
    if keep == -1:  # both compound flags allowed (the default for most nouns)
        return out
    return [(v, par, flags & keep, before, rank) for v, par, flags, before, rank in out]


#: The genders of :func:`plain_noun` entries.
_GENDERS = frozenset(("m", "f", "n"))
_HEAD_TAIL = COMPOUND_HEAD | COMPOUND_TAIL


#: A declined participle's endings ("die zur Verfügung gestellten Mittel").
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def phrase_verb(term: str) -> tuple[str, VerbForms] | None:
    """(the words before the verb, the verb's forms) of a verb spelling of several words
    that ends in its infinitive ("auf Eis legen", "in Frage stellen", "zur Verfügung
    stellen"), else None. Such an idiom was found only as its infinitive: "legen … auf
    Eis" and "auf Eis gelegt" were missed (a student tester's glossary on real news)."""
    phrase, _, last = term.strip().rpartition(" ")
    if not (last.islower() and last.isalpha() and last.endswith("n")) or not phrase.strip():
        return None
    verb = verb_forms(last)
    if len(verb.joined) < 2:
        return None
    return phrase.strip(), verb


def idiom_spellings(entry: Entry) -> list[tuple[str, VerbForms]]:
    """:func:`phrase_verb` of each German spelling of a verb entry (headword and
    variants: "in Frage stellen", "infrage stellen"), those that are verb idioms."""
    if entry.pos != "verb" or " " not in entry.de:
        return []
    spellings = (phrase_verb(term) for term in (entry.de, *entry.de_alt))
    return [found for found in spellings if found is not None]


def plain_noun(entry: Entry) -> bool:
    """Is ``entry`` the common case of a big glossary, a one-word noun of the default
    kind and compound policy with no extra spellings or forms? Its spellings are then
    the noun paradigm (and a feminine person noun) alone, with their pre-1996 ``ß``
    forms (:func:`_plain_noun_spellings`)."""
    de = entry.de
    return (
        entry.pos == "noun"
        and entry.gender in _GENDERS
        and entry.kind == "term"
        and not entry.compound
        and de.isalpha()
        and not de.isupper()
        and entry.plural is None
        and entry.genitive is None
        and not (entry.forms or entry.de_alt or entry.de_abbr)
    )


def _plain_noun_spellings(entry: Entry, policy: bool) -> list[Spelling]:
    """:func:`entry_spellings` of a :func:`plain_noun` entry, without the general path's
    steps that cannot apply (phrases, verbs, places, forms, variants): the same
    spellings, 2x faster (a 100k-entry glossary is nearly all such nouns; one in 15
    has an ``ss``, Einfluss, whose old ``ß`` forms this path adds as the general one,
    in the same order: the order of their endings' sets decides their key numbers)."""
    de = entry.de
    gender = entry.gender
    flags = spelling_flags(de, True, False, "noun")
    kept = flags & ~_HEAD_TAIL if policy and len(de) <= SHORT_TERM else flags
    # an ``ss`` word: sets as the general path builds them (its old forms' order)
    paradigm: Paradigm = (
        noun_paradigm(de, gender) if "ss" in de else plain_noun_paradigm(de, gender)  # type: ignore[assignment]
    )
    out: list[Spelling] = [(0, paradigm, kept, (), 0)]
    if gender == "m":
        female = feminine(de)
        if female:
            out.append((0, {female: {"", "nen"}}, kept, (), 1))
    if "ss" in de:  # no other stem has an ``ss`` that the headword lacks
        out.extend(old_spellings(out))
    return out


def _noun_inside(form: str) -> bool:
    """Is ``form`` a lower-case phrase with a capitalised noun after its first word
    (das Sagen)? Its case tells it from the verb (das sagen), so it is matched as spelt."""
    words = form.split()
    return len(words) > 1 and words[0].islower() and any(w[:1].isupper() for w in words[1:])


def old_spellings(spellings: list[Spelling]) -> list[Spelling]:
    """The forms of ``spellings`` as written before the 1996 reform (Einfluß, Rußland):
    news archives, older authors and quotations still show them. Each form is its own
    stem, flagged as the stem it comes from (only a headword's stem may begin a compound:
    Einfluß|bereich)."""
    out: list[Spelling] = []
    for variant, paradigm, flags, before, rank in spellings:
        head = True
        for stem, endings in paradigm.items():
            if "ss" in stem:
                old: Paradigm = {}
                for ending in endings:
                    form = stem + ending
                    changed = _OLD_SS.sub("ß", form)
                    if changed != form:
                        old[changed] = {""}
                if old:
                    stem_flags = flags if head else flags & ~COMPOUND_HEAD
                    out.append((variant, old, stem_flags, before, rank if head else 1))
            head = False
    return out


def add_spelling(
    out: list[Spelling],
    entry: Entry,
    variant: int,
    term: str,
    plural: str | None,
    genitive: str | None,
    noun: bool,
    proper: bool,
) -> None:
    """Append how ``term`` (headword or variant) is matched: a paradigm, or a phrase's head."""
    if term.isspace():  # no word at all (an entry made by hand; files refuse it)
        return
    pos = entry.pos
    flags = spelling_flags(term, noun, proper, pos)
    if " " in term and pos not in ("verb", "adverb", "other"):
        parts = phrase_parts(term, entry.gender, plural=plural, genitive=genitive, proper=proper)
        if parts.prefixes != [""] and not parts.tail:
            before = tuple(sorted({fold_words(p) for p in parts.prefixes}, key=len))
            before += tuple(b.replace("ß", "ss") for b in before if "ß" in b)
            out.append((variant, parts.head, flags, before[::-1], 0))
            extra: Paradigm = {}
            for full in (plural, genitive):
                if full and " " in full:
                    add_form(extra, full)
            if extra:
                out.append((variant, extra, flags, (), 1))
            return
    if pos == "verb" and " " in term and phrase_verb(term) is not None:
        par = {}  # a verb idiom as spelt (its forms come from general_spellings)
        add_form(par, term)
    elif pos == "other" and pair_noun(term):
        par = pair_paradigm(term)
    elif pos == "other" and pair_adjective(term):
        par = inflected_paradigm(term, pos="adjective")
    else:
        par = inflected_paradigm(
            term, pos=pos, gender=entry.gender, plural=plural, genitive=genitive, proper=proper
        )
    out.append((variant, par, flags, (), 0))


def pair_noun(term: str) -> bool:
    """Is ``term`` (a term pair's spelling, pos "other") a capitalised single word that
    inflects as a noun (Verteidigungsministerium, not NATO or Ei)?"""
    return (
        len(term) >= SHORT_TERM - 1 and term[:1].isupper() and term.isalpha() and not term.isupper()
    )


def pair_adjective(term: str) -> bool:
    """Is ``term`` (a term pair's spelling, pos "other") a lower-case single word with an
    adjective's ending (unzulässig, regierungskritisch, militärisch)? It is matched in
    its inflected forms too (eine unzulässige Diskriminierung)."""
    return (
        len(term) >= 6 and term.isalpha() and term.islower() and term.endswith(ADJECTIVE_SUFFIXES)
    )


def pair_paradigm(term: str) -> Paradigm:
    """The forms of a term pair's capitalised word: a noun of unknown gender, without
    guessed umlaut plurals (des Verteidigungsministeriums, den Forderungen, die Defizite;
    not Mächte: write that row too). A two-column import knows no grammar, and the word
    as found was not recognised in its genitive or plural at all."""
    return {term: set(_pair_endings(_ending_class(term.lower())))}


def _ending_class(low: str) -> str:
    """What of a word's end decides :func:`noun_paradigm`'s endings for an unknown gender."""
    for tail in ("chen", "lein", "nis", "sch", "eier", *LONG_VOWEL_ENDS, "ee", "el", "er", "en"):
        if low.endswith(tail):
            return tail
    return low[-1:] if low[-1:] in "aeiouyéxzsß" else "-"


@lru_cache(maxsize=64)
def _pair_endings(ending: str) -> frozenset[str]:
    """The endings :func:`noun_paradigm` gives a noun of unknown gender ending so:
    computed once per kind of ending, not per entry (100k imported pairs compile
    0.2 s faster)."""
    word = "Wort" + ending if ending != "-" else "Wort"
    return frozenset(noun_paradigm(word, None)[word])
