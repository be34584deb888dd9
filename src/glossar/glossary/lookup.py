"""Looking up one query in a glossary: the everyday question "what is X in English?".

Match kinds, tried in this order (the first kind that finds anything wins, but an
abbreviation keeps the entries whose English it is, LNG; within a kind, entries keep
glossary order):

``exact``        the query is a German headword or variant as written;
``abbreviation`` a German or English abbreviation or short form (OVKS ↔ CSTO, Tokajew);
``folded``       equal after folding case, umlauts, ß and ae/oe/ue/ss;
``inflected``    an inflected German form (Ausnahmezustandes, Militärbündnisse, Einmärschen):
                 one the entry lists, or one ``glossar terms`` reads as the entry (a
                 shared stem alone is not: Armeniern, landen, the typo Soldatn);
``reverse``      an English term, singular or plural (preferred: score 1, admitted: 0.9;
                 an admitted one spelled like a German word as typed, "Fall", "Team",
                 is a suggestion);
``part``         a term found in the query as ``glossar terms`` finds it in running text:
                 a part of a compound (OVKS-Truppen, Flüssiggaspreise); a form only the
                 recogniser knows (Präsidentin) that spans the whole query is ``inflected``;
                 a compound's last part that a term is not taken from in running text
                 (Land in Bundesländer, Gewalt in Staatsgewalt) scores 0.7;
``fuzzy``        none of the above: near misses ranked by similarity, marked as suggestions.

The index is built once per :class:`~glossar.glossary.model.Glossary` and cached.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from glossar.arguments import glossary_argument, text_argument
from glossar.glossary.model import Entries, Entry, Glossary
from glossar.text.fold import fold_case, fold_key
from glossar.text.stem import german_stem_keys

#: What may wrap a term copied from running text: quotes, brackets, final punctuation.
_WRAPPING = " \"'„“”»«‚‘’›‹()[]{}.,;:!?…"
MATCH_KINDS = ("exact", "abbreviation", "folded", "inflected", "reverse", "part", "fuzzy")
#: Score of a reverse match through an admitted English term (``en_alt``): below the
#: entry whose preferred English the query is ("riots": Ausschreitung before Unruhen).
ADMITTED_SCORE = 0.9
#: The least similarity of a suggestion (a near miss). At 0.6 a query with no entry got
#: noise: "Bundeskanzler" → eskalieren (0.61), "Sanktionen" → Eskalation (0.60); typos
#: score 0.85 and more ("Regierunng" 0.95, "Tokayew" 0.86).
MIN_SCORE = 0.7
#: The default least similarity for a query of :data:`LONG_QUERY` letters or more. On
#: the 5,319 words of 60 real articles, 225 suggestions scored 0.70–0.75 for such words;
#: read one by one, none is what the word means (Handlungen → Ansiedlung, ihrerseits →
#: Sicherheit; a few are related words: Einsatzstelle → Einsatz); every typo of one or
#: two letters in a glossary headword of that length scores 0.75 or more (1,006 made at
#: random).
LONG_MIN_SCORE = 0.75
LONG_QUERY = 8
#: Score of a term found in part of the query (OVKS in OVKS-Truppen).
PART_SCORE = 0.8
#: Score of a compound's last part that recognition does not take (Land in
#: Bundesländer): the last part says what the compound is.
HEAD_SCORE = 0.7


@dataclass(frozen=True, slots=True)
class LookupResult:
    """One entry found for a query, with how it matched and a 0–1 score."""

    entry: Entry
    match: str
    score: float
    matched: str = ""
    #: The query is English the entry lists as deprecated (``en_deprecated``): found
    #: by reverse lookup, to say which term to use instead.
    deprecated: bool = False
    #: An admitted English term (``en_alt``) that is spelled like a German word as typed
    #: ("Team", "Fall", "Alternative"): a German reader's word is likelier, so the
    #: entry is offered as a suggestion, not as the answer.
    suggested: bool = False

    @property
    def is_suggestion(self) -> bool:
        return self.match == "fuzzy" or self.suggested

    def to_dict(self) -> dict[str, object]:
        """The contract's JSON shape for a lookup result."""
        return {
            "id": self.entry.id,
            "de": self.entry.de,
            "en": self.entry.en,
            "match": self.match,
            "score": round(self.score, 4),
            "matched": self.matched,
            "glossary": self.entry.glossary,
            **({"based_on": self.entry.based_on} if self.entry.based_on else {}),
            # as in `terms`: false marks a suggestion (a near miss, or an entry with
            # several senses); a tester read "fuzzy" with "sure": true as an answer
            "sure": self.entry.sure and not self.is_suggestion,
            "suggestion": self.is_suggestion,
            "entry": self.entry.to_dict(),
            **({"deprecated": True} if self.deprecated else {}),
        }


def _add(index: dict[str, list[str]], key: str, entry_id: str) -> None:
    ids = index.setdefault(key, [])
    if entry_id not in ids:
        ids.append(entry_id)


class LookupIndex:
    """Dictionaries from normalised keys to entry ids, one per match kind, each built on
    first use: an exact hit in a 100,000-entry glossary never pays for the inflection
    or fuzzy indexes."""

    def __init__(self, entries: Iterable[Entry]):
        self._entries = list(entries)
        self._parts: dict[str, dict[str, list[str]]] = {}
        self._fuzzy: tuple[list[str], list[tuple[str, str]]] | None = None
        #: (length, first or last two letters, 0/1) → (terms, positions in fuzzy keys).
        self.buckets: dict[tuple[int, str, int], tuple[list[str], list[int]]] = {}
        self._longest: int | None = None

    @property
    def longest(self) -> int:
        """An upper bound on the length of any key of any kind (folding at most doubles
        a spelling: ``ß`` → ``ss``, ``ä`` → ``ae``)."""
        if self._longest is None:
            self._longest = 2 * max(
                (
                    len(term)
                    for entry in self._entries
                    for term in (
                        *entry.german_terms,
                        *entry.english_terms,
                        *entry.en_deprecated,
                        *entry.forms,
                        entry.plural or "",
                        entry.genitive or "",
                    )
                ),
                default=0,
            )
        return self._longest

    def part(self, kind: str) -> dict[str, list[str]]:
        """The key → entry ids dictionary for match ``kind``."""
        built = self._parts.get(kind)
        if built is None:
            built = {}
            for entry in self._entries:
                for key in _KEYS[kind](entry):
                    _add(built, key, entry.id)
            self._parts[kind] = built
        return built

    @property
    def fuzzy_keys(self) -> list[str]:
        """Fold keys of every German and English term (for fuzzy matching)."""
        return self._fuzzy_lists()[0]

    @property
    def fuzzy_owner(self) -> list[tuple[str, str]]:
        """For each fuzzy key: the entry id and the spelling behind it."""
        return self._fuzzy_lists()[1]

    def _fuzzy_lists(self) -> tuple[list[str], list[tuple[str, str]]]:
        if self._fuzzy is None:
            keys: list[str] = []
            owners: list[tuple[str, str]] = []
            for entry in self._entries:
                seen: set[str] = set()
                for term in (*entry.german_terms, *entry.english_terms):
                    key = fold_key(term)
                    if key not in seen:
                        seen.add(key)
                        keys.append(key)
                        owners.append((entry.id, term))
            self._fuzzy = (keys, owners)
        return self._fuzzy


def _inflected_keys(entry: Entry) -> Iterable[str]:
    for form in (*entry.forms, *(x for x in (entry.plural, entry.genitive) if x)):
        yield fold_key(form)
    for term in (entry.de, *entry.de_alt, *entry.forms):
        yield from german_stem_keys(term)


#: match kind → the keys an entry is filed under for it.
_KEYS: dict[str, Callable[[Entry], Iterable[str]]] = {
    "exact": lambda e: (e.de, *e.de_alt),
    "abbreviation": lambda e: (fold_case(a) for a in (*e.de_abbr, *e.en_abbr)),
    "folded": lambda e: (fold_key(t) for t in (e.de, *e.de_alt)),
    "inflected": _inflected_keys,
    "reverse": lambda e: (fold_key(e.en),),
    "admitted": lambda e: (fold_key(t) for t in e.en_alt),
    "deprecated": lambda e: (fold_key(t) for t in e.en_deprecated),
}


_INDEXES: weakref.WeakKeyDictionary[Glossary, tuple[object, LookupIndex]] = (
    weakref.WeakKeyDictionary()
)


def _state(glossary: Glossary) -> object:
    """What says the glossary's entries changed: the entries dict and its change count
    (O(1)); for a plain dict put in its place, which entry objects it holds."""
    entries = glossary.entries
    if type(entries) is Entries:
        return (id(entries), entries.changes)
    return (id(entries), tuple(entries), tuple(map(id, entries.values())))


def lookup_index(glossary: Glossary) -> LookupIndex:
    """The (cached) lookup index of ``glossary``, built again after its entries change
    (an entry added to a loaded glossary was not found, a removed one still was)."""
    state = _state(glossary)
    hit = _INDEXES.get(glossary)
    if hit is not None and hit[0] == state:
        return hit[1]
    index = LookupIndex(glossary)
    _INDEXES[glossary] = (state, index)
    return index


def _checked(glossary: object, limit: object, min_score: object) -> int:
    """``limit`` as an int, after refusing arguments that failed deep inside (a weakref
    TypeError for ``glossary=None``, a rapidfuzz error for ``min_score=2``) or quietly
    (``limit=-1`` dropped the last result)."""
    import operator

    glossary_argument(glossary, optional=False)
    try:
        if isinstance(limit, bool):
            raise TypeError
        value = operator.index(limit)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"limit must be an int ({type(limit).__name__} given)") from None
    if value < 1:
        raise ValueError(f"limit must be at least 1 ({value} given)")
    if min_score is None:
        return value
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)):
        raise TypeError(f"min_score must be a number ({type(min_score).__name__} given)")
    if not 0.0 <= min_score <= 1.0:
        raise ValueError(f"min_score must be from 0 to 1 ({min_score} given)")
    return value


def _singulars(word: str) -> list[str]:
    out = [word]
    if word.endswith("'s"):
        out.append(word[:-2])
    elif word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 3:
        out += [word[:-2], word[:-1]]
    elif word.endswith("s") and len(word) > 2:
        out.append(word[:-1])
    return out


def _english_singulars(key: str) -> list[str]:
    """The key itself, then guesses with one word made singular (states of emergency)."""
    words = key.split(" ")
    out = [key]
    for i, word in enumerate(words):
        for singular in _singulars(word)[1:]:
            out.append(" ".join([*words[:i], singular, *words[i + 1 :]]))
    return out


def lookup(
    glossary: Glossary,
    query: str,
    *,
    limit: int = 10,
    fuzzy: bool = True,
    min_score: float | None = None,
) -> list[LookupResult]:
    """Entries for ``query``: exact, abbreviation, folded, inflected or reverse matches;
    failing those, up to ``limit`` (≥ 1) fuzzy suggestions scoring at least
    ``min_score`` (0 to 1; by default :data:`MIN_SCORE`, and :data:`LONG_MIN_SCORE` for
    a query of :data:`LONG_QUERY` letters or more)."""
    limit = _checked(glossary, limit, min_score)
    query = " ".join(text_argument(query, "query").split())
    if not query:
        return []
    # a query copied with its quotes or final period („Kreml“, Kreml.), or typed in
    # full-width letters: as written first, then without them
    core = " ".join(unicodedata.normalize("NFKC", query).strip(_WRAPPING).split())
    if not core:  # punctuation only ("..."): nothing to look up, nothing to suggest
        return []
    if core != query:
        found = _lookup(glossary, query, limit, False, min_score)
        if found and all(r.match != "part" for r in found):
            return found
        # "Kreml." holds Kreml as a part; the query without its period is Kreml itself
        stripped = _lookup(glossary, core, limit, False, min_score)
        if found and (not stripped or all(r.match == "part" for r in stripped)):
            return found
        # "Nr." is no "NR": an abbreviation found without the query's period must match
        # its case exactly (the abbreviation index ignores case); and a stripped query of
        # three characters or fewer suggests nothing (St. → nothing like "Westen")
        return [
            r
            for r in _lookup(glossary, core, limit, fuzzy and len(core) > 3, min_score)
            if r.match != "abbreviation" or core in (*r.entry.de_abbr, *r.entry.en_abbr)
        ]
    found = _lookup(glossary, query, limit, fuzzy, min_score)
    owner = _POSSESSIVE.fullmatch(query)
    if owner is not None and all(r.is_suggestion for r in found):
        # "CSTO's", "Tokayev's": the name's possessive (a tester's near miss for CSTO's)
        named = _lookup(glossary, owner[1], limit, False, min_score)
        if named:
            return named
    return found


#: An English possessive: the name before it is what to look up.
_POSSESSIVE = re.compile(r"(.+?)['’]s")


def _lookup(
    glossary: Glossary, query: str, limit: int, fuzzy: bool, min_score: float | None
) -> list[LookupResult]:
    """:func:`lookup` for one spelling of the query."""
    index = lookup_index(glossary)
    found: list[LookupResult] = []
    seen: set[str] = set()

    def take(
        ids: Iterable[str],
        kind: str,
        matched: str,
        deprecated: bool = False,
        score: float = 1.0,
        suggested: bool = False,
    ) -> None:
        for eid in ids:
            if eid not in seen and eid in glossary.entries:
                seen.add(eid)
                entry = glossary.entries[eid]
                found.append(LookupResult(entry, kind, score, matched, deprecated, suggested))

    if len(query) > _MAX_RATIO * index.longest + _SLACK:
        # Bounded by design: no key is that long (folding at most doubles a spelling),
        # and fuzz.ratio ≥ 60 needs lengths within 2.33× of each other, so a pasted
        # paragraph ends here in linear time instead of building stem and singular
        # variants of the whole query.
        return found
    key = fold_key(query)
    take(index.part("exact").get(query, ()), "exact", query)
    take(index.part("abbreviation").get(fold_case(query), ()), "abbreviation", query)
    if not found:
        take(index.part("folded").get(key, ()), "folded", query)
    recognised: list[Any] | None = None  # what `glossar terms` finds in the query (read once)
    if not found:
        inflected = index.part("inflected")
        stems = sorted(german_stem_keys(query) | {key}, key=len, reverse=True)
        ids = list(dict.fromkeys(eid for stem in stems for eid in inflected.get(stem, ())))
        if ids:
            recognised = _recognised(glossary, query)
            take(_forms_of(glossary, query, key, ids, recognised), "inflected", query)
    # an abbreviation is often an English term too (LNG, CSTO): a user's entry whose
    # English it is, and an entry that says to avoid it, are answers as well (a tester's
    # own "Flüssiggas,LNG" pair was hidden behind Flüssigerdgas's abbreviation)
    also_english = bool(found) and all(r.match == "abbreviation" for r in found)
    if not found or also_english:  # the preferred English first, then admitted English
        singulars = _english_singulars(key)
        for kind, score in (("reverse", 1.0), ("admitted", ADMITTED_SCORE)):
            part = index.part(kind)
            german = kind == "admitted" and _spelled_like_german(query)
            for singular in singulars:
                take(part.get(singular, ()), "reverse", query, score=score, suggested=german)
    if not found:  # a German form the recogniser knows (a name's genitive: Lukaschenkos),
        # before English to avoid that is spelled alike ("Lukaschenko" is deprecated English)
        if recognised is None:
            recognised = _recognised(glossary, query)
        for match in recognised:
            if match.start == 0 and match.end == len(query):
                take([match.entry.id], "inflected", match.text)
    # English to avoid: the entry says what to use instead, also where another entry
    # has that English as its own (a user's Ministerpräsident, "not: president", was
    # hidden behind Präsident → president; Flüssigerdgas, "not: LPG", behind Flüssiggas)
    if not found or all(r.match in ("abbreviation", "reverse") for r in found):
        deprecated = index.part("deprecated")
        for singular in _english_singulars(key):
            take(deprecated.get(singular, ()), "reverse", query, deprecated=True)
    if not found:  # a term copied with its article: "die Regierung", "den USA"
        article, _, rest = query.partition(" ")
        if rest and article.lower() in _ARTICLES:
            for r in _lookup(glossary, rest, limit, fuzzy, min_score):
                # the query as written is no headword: a form of one (as inflected); a
                # typo after the article stays a suggestion ("die Regierunng")
                kind = "inflected" if r.match in ("exact", "folded") else r.match
                take([r.entry.id], kind, query, r.deprecated, r.score, r.suggested)
        elif rest and article.lower() in _ENGLISH_ARTICLES:  # "the Kremlin", "the CSTO"
            for r in _lookup(glossary, rest, limit, fuzzy, min_score):
                if r.match in ("reverse", "abbreviation"):  # (German "an Bord": no)
                    take([r.entry.id], r.match, query, r.deprecated, r.score, r.suggested)
    if not found:  # as `glossar terms` reads it: Präsidentin, OVKS-Truppen
        for match in recognised or ():  # (read above: nothing was found before it either)
            whole = match.start == 0 and match.end == len(query)
            kind, score = ("inflected", 1.0) if whole else ("part", PART_SCORE)
            take([match.entry.id], kind, match.text, score=score)
    if not found:  # a compound with a glossary noun as its last or first part
        for eid, matched, score in _compound_parts(glossary, index, query):
            take([eid], "part", matched, score=score)
    if found or not fuzzy:
        return found[:limit]
    from glossar.glossary.fuzzy import fuzzy

    return fuzzy(glossary, index, key, limit, min_score)


#: Verb prefixes before a noun that keep its sense (a re-deployment is a deployment).
_SENSE_KEEPING = frozenset(["wieder", "mit", "zusammen", "weiter"])
#: Nouns a compound's part may be (not verbs or adjectives: Erd|gas, not Regier|ung).
_PART_POS = frozenset(["noun", "proper-noun"])


def _compound_parts(
    glossary: Glossary, index: LookupIndex, query: str
) -> list[tuple[str, str, float]]:
    """Glossary nouns a one-word query ends in, as (entry id, the part as written,
    score), the longest first: a compound's last part says what it is ("Staatsgewalt":
    Gewalt, not "Staatsagentur", the closest spelling; Bundesländer: Land). Its first
    part does not (Landwirtschaft is no Land): that is left to the suggestions. What
    comes before must be a German word of three letters or more, and the query no word
    the entry lists in ``compound_except`` (Ministerpräsident is no Präsident). A name
    is no compound (Deutsch|land, Finn|land: no Land, as in running text), nor is a
    verb's noun after its prefix (Heraus|forderung, Ein|führung: herausfordern,
    einführen; a tester's wrong answers, given as matches)."""
    from glossar.terms.compounds import PREFIXES, plausible_left
    from glossar.terms.lexicon import is_name
    from glossar.text.verb_prefixes import INSEPARABLE_PREFIXES, SEPARABLE_PREFIXES

    if not query.isalpha() or len(query) < 7 or is_name(query):
        return []
    # (not the prefixes that keep the noun's sense: Wieder|einsatz, Mit|verbündete)
    prefixes = {*PREFIXES, *SEPARABLE_PREFIXES, *INSEPARABLE_PREFIXES} - _SENSE_KEEPING
    inflected = index.part("inflected")
    entries = glossary.entries
    key = fold_key(query)
    out: list[tuple[str, str, float]] = []
    for i in range(3, len(query) - 2):  # the longest last part first
        if query[:i].lower() in prefixes or not plausible_left(query[:i]):
            continue
        part = query[i:]
        for stem in sorted(german_stem_keys(part) | {fold_key(part)}, key=len, reverse=True):
            for eid in inflected.get(stem, ()):
                entry = entries.get(eid)
                if (
                    entry is not None
                    and entry.pos in _PART_POS
                    and not any(key.startswith(fold_key(w)) for w in entry.compound_except)
                ):
                    out.append((eid, part, HEAD_SCORE))
    return out


def _spelled_like_german(query: str) -> bool:
    """Is ``query``, exactly as typed, a German word (a capitalised noun, a lower-case
    verb or adjective form)? "Team", "Fall", "falls", "Alternative" are; "head of
    state", "riots" and "king" are not (the lexicon holds loanwords capitalised only)."""
    from glossar.terms.lexicon import is_capital_word, is_lower_word

    if " " in query or query.isupper():  # (an abbreviation: LPG is English and German)
        return False
    return is_capital_word(query) or is_lower_word(query)


def _forms_of(
    glossary: Glossary, query: str, key: str, ids: list[str], recognised: list[Any]
) -> list[str]:
    """The entries among ``ids`` (whose stems the query shares) that ``query`` is a form
    of: a form the entry lists, or one `glossar terms` reads over the whole query (in
    lower case as capitalised: a user types "ausnahmezustandes"). Shared stems alone
    answered Armeniern with Armenien, landen with Land, machte with Macht, Ausländer
    with Ausland (an exception the entry lists) and the typo "Soldatn" with Soldat, each
    as an inflected form (score 1, exit 0; a student tester's list); those now fall to
    the suggestions."""
    whole = {m.entry.id for m in recognised if m.start == 0 and m.end == len(query)}
    if query[:1].islower() and not whole:
        capitalised = query[:1].upper() + query[1:]
        for m in _recognised(glossary, capitalised):
            if m.start == 0 and m.end == len(query) and m.entry.pos in _PART_POS:
                whole.add(m.entry.id)
    out = []
    for eid in ids:
        entry = glossary.entries.get(eid)
        if entry is None:
            continue
        listed = (*entry.forms, *(x for x in (entry.plural, entry.genitive) if x))
        if eid in whole or key in map(fold_key, listed):
            out.append(eid)
    return out


def _recognised(glossary: Glossary, query: str) -> list[Any]:
    """The terms :func:`glossar.terms.find_terms` finds in ``query`` (imported on use:
    only a query nothing else matched compiles the recogniser)."""
    from glossar.terms import find_terms

    return find_terms(query, glossary)


def lookup_all(glossaries: list[Glossary], query: str, *, limit: int = 10) -> list[LookupResult]:
    """:func:`lookup` in several glossaries (the one in force first, then other bundled
    ones): the best match kind found anywhere wins; an entry that another glossary
    already gave unchanged is listed once. Each entry says which glossary it is from."""
    per: list[LookupResult] = []
    for glossary in glossaries:
        per.extend(lookup(glossary, query, limit=limit))
    if not per:
        return []
    best = min(MATCH_KINDS.index(r.match) for r in per)
    if MATCH_KINDS[best] != "fuzzy":
        # an abbreviation's English twins stay with it (:func:`_lookup`)
        kinds = (
            {MATCH_KINDS[best], "reverse"}
            if MATCH_KINDS[best] == "abbreviation"
            else {MATCH_KINDS[best]}
        )
        per = [r for r in per if r.match in kinds]
        # English to use before English to avoid; a preferred term before an admitted one
        per.sort(key=lambda r: (r.deprecated, -r.score))
    else:
        per.sort(key=lambda r: -r.score)
    out: list[LookupResult] = []
    for r in per:
        if not any(o.entry == r.entry for o in out):
            out.append(r)
    return out[:limit]


#: German articles a query copied from running text may start with.
_ARTICLES = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"] + ["eines"]
)
#: English articles: an English term copied from running text ("the Kremlin").
_ENGLISH_ARTICLES = frozenset(["the", "a", "an"])
#: A query longer than this many times the longest key (plus slack) can match nothing.
_MAX_RATIO = 3
_SLACK = 8
