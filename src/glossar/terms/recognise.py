"""Finding glossary terms in German text: inflected, inside compounds, across line breaks.

How it works (figures and alternatives in ``docs/decisions-terms.md``):

1. The text is folded once (NFC + case folding, whitespace runs → one space) with a map
   back to the original offsets (:func:`glossar.text.fold.fold_text`).
2. An Aho–Corasick automaton (pyahocorasick) holds *stems*: the folded forms of every
   German spelling of every entry, grouped so that a form that extends another by a few
   letters becomes an allowed ending of it (``ausnahmezustand`` + ``s/es/e``). Forms come
   from :mod:`glossar.text.morphology` plus the entry's irregular forms. A phrase whose
   head comes last is keyed on its head (``raum``) and checks the inflected words before
   it (``postsowjetischen``), which keeps the automaton small. Abbreviations and one-word
   names are folded keys too, whose patterns name the case-kept text they need (OVKS,
   Tokajew, and their capitals; ``ovks`` or ``us`` never match).
3. Each hit is checked in Python: the left edge must start a word (or follow a hyphen),
   the rest of the word must be an allowed ending — or, for a noun, a plausible compound
   continuation (``Flüssiggas|preise``); a noun may also end a compound when what comes
   before it in the word is a plausible German word (``Unterstützungs|mission``). A noun
   found lower-case at the start of a word is rejected (``macht`` is not ``Macht``).
   What a hit at the start of a word yields depends only on the key and the word as
   written, so those decisions are cached per key (news text repeats words).
4. Overlaps resolve to one reading per character: longest first, then whole words over
   compound parts, the reading the word's case asks for (below), a regular form of a
   spelling over a listed extra form over capitals, headword over variant over
   abbreviation, then glossary order.

A nominalised verb and its verb may be two entries with one spelling (das Eingreifen /
eingreifen). Where both match the same span, case decides: a capitalised word is the
noun, unless it starts a sentence, a line or a quotation (where verbs are capitalised
too) without an article, determiner or preposition before it (das, beim, ein, sein, ...);
then, and for a lower-case word, the verb.

Compound plausibility asks the German word list
(:func:`glossar.text.morphology.is_german_word`: simplemma's dictionary, through a cached
memory-mapped index after the first process) after cheap filters: a minimum length,
German word onsets, derivational suffixes (``Land|schaft``) and prefixes (``Trans|mission``).
"""

from __future__ import annotations

import gc
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter, not_
from typing import Any, NamedTuple

from glossar.glossary.model import Entries, Entry, Glossary
from glossar.terms import compiled, scan
from glossar.terms.candidates import candidates
from glossar.terms.case import tie_breaks
from glossar.terms.guards import Guards
from glossar.terms.match import TermMatch
from glossar.terms.overlaps import resolve
from glossar.terms.patterns import (
    CAP,
    CASE,
    COMPOUND_HEAD,
    COMPOUND_TAIL,
    Decision,
    Pattern,
)
from glossar.terms.scan import DenseAutomaton
from glossar.terms.spellings import (
    _plain_noun_spellings,
    general_spellings,
    plain_noun,
)
from glossar.terms.suspended import suspended_terms
from glossar.text.fold import (
    _PLAIN_SPACES,
    FoldedText,
    _fold_text,
    _special_run_re,
    fold_term,
    fold_text,
    safe_latin_letters,
)
from glossar.text.line_hyphens import join_line_hyphens

__all__ = ["TermRecognizer", "find_terms", "recognizer_for"]

try:  # True in the compiled build (hatch_build.py), where Cython sets it
    import cython

    COMPILED: bool = cython.compiled
except ImportError:  # no Cython at run time: this file runs as plain Python
    COMPILED = False


def outside_addresses(text: str, matches: list[TermMatch]) -> list[TermMatch]:
    """``matches`` without those inside a web or mail address or a handle (a desk
    tester's "https://www.dpa.de/…", "@dpa_news", "www.nato.int/NATO" gave the
    Deutsche Presse-Agentur and NATO as sure terms)."""
    from glossar.text.addresses import address_spans

    spans = address_spans(text)
    if not spans:
        return matches
    return [m for m in matches if not any(a <= m.start < b for a, b in spans)]


class Folding(NamedTuple):
    """A text folded for matching: the folded text with its offset map, the case-kept
    text (or "" when no key needs case) and whether offsets are the original ones."""

    ft: FoldedText
    cased: str
    identity: bool


class TermRecognizer:
    """A glossary compiled for term recognition; build once, call :meth:`find` many times.

    The compiled form is one Aho–Corasick automaton over folded stems plus, per stem, a
    small tuple of patterns (which entry, which endings, which checks).
    """

    #: The compiled state: what the disk cache (:mod:`glossar.terms.compiled`) saves and
    #: restores. A new compiled attribute goes here (or is set after the cache in
    #: ``__init__``); the names are part of the cache's validation.
    _COMPILED = (
        "_automaton",
        "_case_automaton",
        "_key_len",
        "_groups",
        "_word_only",
        "_phrase",
        "_needs_cased",
        "_has_case",
        "_word_class",
    )

    def __init__(
        self,
        glossary: Glossary | Iterable[Entry],
        *,
        stats: Counter[str] | None = None,
        disk_cache: bool = False,
    ) -> None:
        """Compile ``glossary``. ``stats`` (for bench/) counts what each guard drops, the
        compound policy included (which is otherwise applied while compiling).

        ``disk_cache`` loads a large glossary's compiled form saved by an earlier process
        with the same entries, or saves it (:mod:`glossar.terms.compiled`)."""
        from glossar.arguments import entries_argument

        entries_argument(glossary)
        self.glossary = glossary
        #: Later layers first: where two entries read a span equally well, the first
        #: wins, and the contract says later layers win (a user's entry over the
        #: bundled one of the same spelling); within a layer, file order.
        self.entries: list[Entry] = layered_order(glossary)
        # Compiling (or loading) allocates many small, long-lived objects; the cyclic GC
        # would rescan them again and again (it doubles the compile time at 100k entries).
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            path = None
            if disk_cache and stats is None and len(self.entries) >= compiled.MIN_ENTRIES:
                path = compiled.cache_path(self.entries)
            state = compiled.load(path, self._COMPILED) if path is not None else None
            if state is not None:
                for name in self._COMPILED:
                    setattr(self, name, state[name])
            else:
                self._compile(stats)
                if path is not None:
                    compiled.store(path, self._compiled_state())
            self._guards = Guards(self.entries, stats=stats)
            #: pyahocorasick's hits at one table lookup per character (compiled build,
            #: small glossaries: :mod:`glossar.terms.scan`), built once this recogniser
            #: has read :data:`scan.BUILD_AFTER` characters (a short text would not
            #: repay building it); until then, and when it cannot be built, None.
            self._dense: DenseAutomaton | None = None
            self._read = 0 if scan.COMPILED and 0 < len(self._key_len) <= scan.MAX_KEYS else -1
            #: Each entry's ``sure`` (a property: read once, not per match), as
            #: :attr:`Entry.sure` says it (no senses), by columns: no Python call per entry.
            self._sure = list(map(not_, map(attrgetter("senses"), self.entries)))
            #: nouns not spelled in capitals (found in a word in capitals, one that is
            #: also another word in lower case is unsure: overlaps.term_matches)
            self._capitals = bytes(e.pos == "noun" and not e.de.isupper() for e in self.entries)
        finally:
            if gc_was_enabled:
                gc.enable()
        #: Per key, what a hit that starts a word yields, by the word as written: news
        #: text repeats words, so most hits cost one dict lookup (filled on use, bounded).
        self._word_decisions: list[dict[str, tuple[Decision, ...]] | None]
        self._word_decisions = [None] * len(self._key_len)
        self._n_decisions = 0
        #: Per pair of suspended and complete word, the term the first completes to
        #: (:mod:`glossar.terms.suspended`; filled on use, bounded).
        self._suspended: dict[tuple[str, str], tuple[TermMatch, ...]] = {}
        #: Per key with a phrase pattern, every folded words-before of its phrases (a hit
        #: that none of them precede is decided as a plain word).
        self._phrase_befores: dict[int, tuple[str, ...]] = {
            gid: tuple({words for pattern in self._groups[gid] for words in pattern[6]})
            for gid in compress(count(), self._phrase)
        }

    def _compiled_state(self) -> dict[str, Any]:
        """The compiled attributes by name (see :attr:`_COMPILED`)."""
        return {name: getattr(self, name) for name in self._COMPILED}

    def _compile(self, stats: Counter[str] | None) -> None:
        """Build the compiled state (:attr:`_COMPILED`) from the entries."""
        import ahocorasick

        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        #: Case-sensitive keys (abbreviations, one-word names), matched on case-kept text.
        self._case_automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._key_len: list[int] = []
        self._groups: list[tuple[Pattern, ...]] = []
        self._endings: dict[frozenset[str], frozenset[str]] = {}
        self._befores: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._key_ids: dict[str, int] = {}
        self._case_key_ids: dict[str, int] = {}
        #: 1 for keys none of whose patterns may sit inside a word (fast rejection).
        self._word_only_build: list[int] = []  # lists while building: list.append is a C call
        #: True once a case-sensitive pattern exists: matching then needs case-kept text.
        self._needs_cased = False
        #: 1 for keys with a phrase pattern (words before the head: never cached).
        self._phrase_build: list[int] = []
        _add_paradigms(self, self.entries, stats is None)
        self._has_case = bool(self._case_key_ids)
        #: Entries that share a spelling with an entry of the other word class, by index:
        #: True for the noun-like one (case decides between them, see :func:`noun_reading`);
        #: term pairs, whose exact spelling wins a tie (:func:`tie_breaks`).
        self._word_class = tie_breaks(self.entries)
        del self._key_ids, self._case_key_ids, self._endings, self._befores  # compiling only
        self._word_only = bytes(self._word_only_build)
        self._phrase = bytes(self._phrase_build)
        del self._word_only_build, self._phrase_build
        if self._key_len:
            self._automaton.make_automaton()
        if self._has_case:
            self._case_automaton.make_automaton()

    def __len__(self) -> int:
        """Number of distinct keys (folded stems) in the automaton."""
        return len(self._key_len)

    def _add_cased(
        self, pattern: Pattern, stem: str, stem_rank: int, before: tuple[str, ...]
    ) -> None:
        """Add a case-sensitive stem: as shown, its ``ss`` twin and its capitals."""
        shown = unicodedata.normalize("NFC", stem)
        forms = [(shown, stem_rank)]
        if "ß" in shown:
            forms.append((shown.replace("ß", "ss"), stem_rank))
        if shown.upper() != shown:  # headline capitals: less specific than as spelt
            forms.append((shown.upper(), 2))
        self._needs_cased = True
        for form, form_rank in forms:
            case_pattern = (*pattern[:5], form_rank, before, form)
            low = form.lower()
            if len(low) == len(form) and fold_term(form) == low:
                # the text must show ``form`` where the folded key matched: one
                # automaton pass serves both (checked against the case-kept text)
                self._add_key(low, case_pattern, self._automaton, self._key_ids)
            else:  # folding would change its length or letters: match it as shown
                self._add_key(form, case_pattern, self._case_automaton, self._case_key_ids)

    def _add_key(self, key: str, pattern: Pattern, automaton: Any, key_ids: dict[str, int]) -> None:
        gid = key_ids.get(key)
        if gid is None:
            gid = key_ids[key] = len(self._key_len)
            automaton.add_word(key, gid)
            self._key_len.append(len(key))
            self._groups.append((pattern,))
            self._word_only_build.append(0 if pattern[3] & COMPOUND_TAIL else 1)
            self._phrase_build.append(1 if pattern[6] else 0)
        elif pattern not in self._groups[gid]:  # a form listed and generated too: once
            self._groups[gid] = (*self._groups[gid], pattern)
            if pattern[3] & COMPOUND_TAIL:
                self._word_only_build[gid] = 0
            if pattern[6]:
                self._phrase_build[gid] = 1

    def find(self, text: str) -> list[TermMatch]:
        """Every glossary term in ``text``, sorted by start, one reading per character.

        A word hyphenated at a line's end ("Ausnahme-⏎zustand") is read whole
        (:mod:`glossar.text.line_hyphens`); its span covers the hyphen and the break."""
        if type(text) is not str:
            from glossar.arguments import text_argument

            text = text_argument(text)  # (None gave [], as if no term were there)
        if not self._key_len or not text:
            return []
        # Many small objects and no reference cycles: the cyclic GC would only rescan them.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            joined = join_line_hyphens(text)
            if joined is None:
                return self._find(text)
            out = []
            for found in self._find(joined.text):  # spans back in the text as given
                s, e = joined.span_in_source(found.start, found.end)
                out.append(found._replace(start=s, end=e, text=text[s:e]))
            return out
        finally:
            if gc_was_enabled:
                gc.enable()

    def _find(self, text: str, *, dense: bool | None = None) -> list[TermMatch]:
        """:meth:`find`: one automaton pass over the whole text, every hit checked.

        ``dense`` forces how the guards read the context (tests hold both readings
        equal); by default the number of candidates per character decides.
        """
        if type(text) is not str:  # a str subclass (numpy.str_): the compiled build
            text = str.__str__(text)  # takes exact str only, and slices are str anyway
        if self._read >= 0:
            self._read += len(text)
            if self._read >= scan.BUILD_AFTER:
                self._read = -1  # once: a glossary too large for the table stays so
                self._dense = scan.dense_automaton(self._automaton.items())
        found = candidates(self, text, self._fold(text))
        found = self._guards.keep(text, found, dense=dense)
        matches = resolve(text, found, self.entries, self._word_class, self._sure, self._capitals)
        if "-" in text:  # "Staats- und Regierungschefs": Staatschefs too
            matches = suspended_terms(text, matches, self._find, self._suspended)
        if matches:
            matches = outside_addresses(text, matches)
        return matches

    def _fold(self, text: str) -> Folding:
        """``text`` folded for matching, with the case-kept text where keys need it."""
        # case-kept text only where needed, and then from the same pass
        ft = _fold_text(text, None if self._needs_cased else False)
        identity = ft.breaks_f == ft.breaks_o
        cased = ""
        if self._needs_cased:
            # one-word keys only: the text itself serves when offsets did not move
            # no careful run at all (``ft.cased`` not built): every character is safe,
            # and a text of safe characters is NFC (see ``fold._special_and_table``)
            if identity and (not ft.cased or unicodedata.is_normalized("NFC", text)):
                cased = text
            elif ft.cased:
                cased = ft.cased
            else:
                ft = fold_text(text, keep_case=True)
                cased = ft.cased
        return Folding(ft, cased, identity)


@lru_cache(maxsize=1)
def _letter_table() -> bytes:
    """Per code point below U+0250: 1 for a :func:`safe_latin_letters` letter, 2 for an
    ASCII letter, 3 for both. A word whose letters all share a bit is ASCII letters or
    safe letters: ``w.isalpha() and (w.isascii() or safe.issuperset(w))``."""
    safe = safe_latin_letters()
    return bytes((chr(c) in safe) | 2 * (c < 128 and chr(c).isalpha()) for c in range(0x250))


def _add_paradigms(rec: TermRecognizer, entries: list[Entry], policy: bool) -> None:
    """Fold every entry's paradigms' stems and add them (and their ``ss`` twins) to
    the automaton. One loop with everything at hand: it runs ~150k times at 100k
    entries."""
    special = _special_run_re().search
    plain = _PLAIN_SPACES.fullmatch
    safe_letters = safe_latin_letters()
    letters = _letter_table()
    n_letters = len(letters)
    endings_of = rec._endings
    befores = rec._befores
    key_ids = rec._key_ids
    add_word = rec._automaton.add_word
    key_len = rec._key_len
    groups = rec._groups
    word_only = rec._word_only_build
    phrase = rec._phrase_build
    # the flags as locals: C integers in the compiled build (recognise.pxd)
    cap, case, compound_head, compound_tail = CAP, CASE, COMPOUND_HEAD, COMPOUND_TAIL
    for index, entry in enumerate(entries):
        # (entry_spellings' own test first: its fast path as a C call in the compiled build)
        if plain_noun(entry):
            spellings = _plain_noun_spellings(entry, policy)
        else:  # (the general path itself: entry_spellings would test plain_noun again)
            spellings = general_spellings(entry, policy)
        for variant, paradigm, flags, before, rank in spellings:
            if before:
                before = befores.setdefault(before, before)
            head = True
            for form, endings in paradigm.items():
                stem = str(form)  # exact str (a C string in the compiled build)
                # fold_term's fast path inlined (most stems): safe letters (ASCII or
                # safe_latin_letters: no regex call) or no special run
                if COMPILED:  # a typed loop: one table test per letter (_letter_table)
                    bits = 3 if stem else 0
                    for ch in stem:
                        code = ord(ch)
                        bits &= letters[code] if code < n_letters else 0
                    safe = bits != 0
                else:
                    safe = stem.isalpha() and (stem.isascii() or safe_letters.issuperset(stem))
                if safe or (special(stem) is None and plain(stem)):
                    key = stem.lower()
                else:
                    key = fold_term(stem)
                if not key:
                    continue
                # shared frozensets of plain nouns (plain_noun_paradigm) as they are
                fs = endings if type(endings) is frozenset else frozenset(endings)
                folded_endings = endings_of.get(fs)
                if folded_endings is None:
                    folded_endings = endings_of[fs] = frozenset(map(str.lower, endings))
                stem_flags = flags
                if not head:  # other stems (Länd|er) may end a compound (Nachbar|ländern)
                    stem_flags &= ~compound_head
                first = stem[0]  # (not empty: its key is not)
                if not before and not first.isupper():
                    stem_flags &= ~cap  # a lower-case form (eingreift) of a capitalised noun
                stem_rank = rank if head else 1
                head = False
                pattern = (
                    index,
                    variant,
                    folded_endings,
                    stem_flags,
                    stem,
                    stem_rank,
                    before,
                    "",
                )
                if stem_flags & case:
                    rec._add_cased(pattern, stem, stem_rank, before)
                    continue
                gid = key_ids.get(key)
                if gid is None:  # _add_key inlined: a new key (most of them)
                    key_ids[key] = gid = len(key_len)
                    add_word(key, gid)
                    key_len.append(len(key))
                    groups.append((pattern,))
                    word_only.append(0 if stem_flags & compound_tail else 1)
                    phrase.append(1 if before else 0)
                else:
                    rec._add_key(key, pattern, rec._automaton, key_ids)
                if "ß" in key:
                    rec._add_key(key.replace("ß", "ss"), pattern, rec._automaton, key_ids)


class _Cached(NamedTuple):
    """A compiled recogniser with what says that its glossary has not changed since."""

    fingerprint: tuple[int, int]
    recognizer: TermRecognizer
    #: The glossary's entries dict when last checked, and its change count then (an
    #: :class:`~glossar.glossary.model.Entries`; -1 for a plain dict).
    entries: dict[str, Entry]
    changes: int


#: Compiled recognisers by glossary (identity + content fingerprint); a few at most.
_CACHE: dict[int, _Cached] = {}
_CACHE_SIZE = 4


def _fingerprint(glossary: Glossary) -> tuple[int, int]:
    """Which entry objects the glossary holds, by id (7 ms at 100k entries).

    Entries are immutable, so a changed glossary holds other objects; the cached
    recogniser keeps the old ones alive, so their ids cannot be reused meanwhile.
    """
    entries = glossary.entries
    return len(entries), hash((tuple(entries), tuple(map(id, entries.values()))))


def recognizer_for(glossary: Glossary) -> TermRecognizer:
    """The compiled recogniser for ``glossary``, built on first use and then reused.

    A glossary changed afterwards (entries added, removed or replaced) is compiled again.
    """
    entries = glossary.entries
    changes = entries.changes if type(entries) is Entries else -1
    hit = _CACHE.get(id(glossary))
    if hit is not None and hit.recognizer.glossary is glossary:
        # the same entries dict, not changed since it was last checked: O(1), where a
        # fingerprint costs 7 ms at 100k entries (find_terms is called per sentence)
        if changes >= 0 and hit.entries is entries and hit.changes == changes:
            return hit.recognizer
        fingerprint = _fingerprint(glossary)
        if hit.fingerprint == fingerprint:  # changed back, or a plain dict
            _CACHE[id(glossary)] = hit._replace(entries=entries, changes=changes)
            return hit.recognizer
    else:
        fingerprint = _fingerprint(glossary)
    recognizer = TermRecognizer(glossary, disk_cache=True)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(glossary)] = _Cached(fingerprint, recognizer, entries, changes)
    return recognizer


def find_terms(text: str, glossary: Glossary) -> list[TermMatch]:
    """Glossary terms in German ``text``: spans with offsets into ``text``, sorted by start."""
    if type(text) is not str:
        from glossar.arguments import text_argument

        text = text_argument(text)
    if not isinstance(glossary, Glossary):  # (a path string, None: say how to get one)
        from glossar.arguments import glossary_argument

        glossary_argument(glossary, optional=False)
    return recognizer_for(glossary).find(text)


def layered_order(glossary: Glossary) -> list[Entry]:
    """The glossary's entries, later layers' first, each layer in its own order."""
    entries = list(glossary)
    layers = getattr(glossary, "layers", None)
    if not layers or len(layers) < 2:
        return entries
    rank = {info.id: i for i, info in enumerate(layers)}
    # a stable sort by layer, as buckets: no key function called per entry
    by_rank: dict[int, list[Entry]] = {}
    for entry in entries:
        layer = rank.get(entry.glossary, -1)
        bucket = by_rank.get(layer)
        if bucket is None:
            bucket = by_rank[layer] = []
        bucket.append(entry)
    if len(by_rank) < 2:  # one layer (or none known): as they are
        return entries
    return [entry for layer in sorted(by_rank, reverse=True) for entry in by_rank[layer]]
