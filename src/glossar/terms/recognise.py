"""Finding glossary terms in German text: inflected, inside compounds, across line breaks.

How it works (figures and alternatives in ``docs/decisions-terms.md``):

1. The text is folded once (NFC + case folding, whitespace runs → one space) with a map
   back to the original offsets (:func:`glossar.text.fold.fold_text`).
2. One Aho–Corasick automaton (pyahocorasick) holds *stems*: the folded forms of every
   German spelling of every entry, grouped so that a form that extends another by a few
   letters becomes an allowed suffix of it (``ausnahmezustand`` + ``s/es/e/en``). Forms
   come from :mod:`glossar.text.morphology` plus the entry's irregular forms.
3. Each automaton hit is checked in Python: the left edge must start a word (or follow a
   hyphen), the rest of the word must be an allowed suffix — or, for a noun, a plausible
   compound continuation (``Flüssiggas|preise``); a noun may also end a compound when
   what precedes it in the word is a plausible German word (``Unterstützungs|mission``).
   Abbreviations and one-word names must match case-sensitively (or in capitals); a noun
   found lower-case at the start of a word is rejected (``macht`` is not ``Macht``).
4. Overlaps resolve to one reading per character: longest first, then whole words over
   compound parts, headword over variant over abbreviation.

Plausibility of compound parts asks simplemma's German dictionary (low-memory backend,
loaded lazily on the first compound candidate).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from glossar.glossary.model import Entry, Glossary
from glossar.terms.match import TermMatch
from glossar.text.fold import fold_text
from glossar.text.morphology import LINKING_ELEMENTS, inflected_forms, noun_forms

__all__ = ["TermRecognizer", "find_terms", "recognizer_for"]

#: Pattern flags.
CAP = 1  # a noun: at the start of a word the text must be capitalised
COMPOUND_HEAD = 2  # may begin a closed compound (Flüssiggas|preise)
COMPOUND_TAIL = 4  # may end or sit inside a closed compound (Unterstützungs|mission)
CASE = 8  # case-sensitive: the text must show this spelling or its capitals

VARIANTS = ("de", "alt", "abbr")
_NAME_KINDS = ("name", "place", "organisation")
#: A suffix may extend a stem by at most this many letters (ausnahmezustand + es).
_MAX_SUFFIX = 4
#: Three-letter nouns that may continue a compound (the usual minimum is four letters).
_SHORT_WORDS = frozenset(
    ["amt", "hof", "rat", "zug", "weg", "ort", "bau", "tag", "tor", "gut", "rad", "bad"]
    + ["bus", "eis", "arm", "akt", "tee", "see", "öl"]
)
_LETTERS = re.compile(r"[^\W\d_]*")
#: Onsets no German word starts with (cheap filter before the dictionary).
_BAD_ONSET = re.compile(
    r"^(?:[bcdfghjklmnpqrtvwxz](?![aeiouyäöühlrnwjs])|s(?![aeiouyäöühcptlkmnwz]))"
)


@dataclass(frozen=True, slots=True)
class _Pattern:
    entry: int  # index into TermRecognizer.entries
    variant: int  # 0 de, 1 alt, 2 abbr
    suffixes: frozenset[str]
    flags: int
    case_stem: str  # the stem in its original spelling (for CASE patterns)
    rank: int  # lower is more specific: 0 headword stem, 1 other stems


class TermRecognizer:
    """A glossary compiled for term recognition; build once, call :meth:`find` many times.

    Compiling 100,000 entries takes well under a second; the compiled form is one
    Aho–Corasick automaton plus a small table per stem.
    """

    def __init__(self, glossary: Glossary | Iterable[Entry]) -> None:
        import ahocorasick

        entries = list(glossary)
        self.glossary = glossary
        self.entries: list[Entry] = entries
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._keys: dict[str, int] = {}
        self._key_len: list[int] = []
        self._key_patterns: list[list[_Pattern]] = []
        self._suffix_sets: dict[frozenset[str], frozenset[str]] = {}
        for index, entry in enumerate(entries):
            for variant, forms, flags in _entry_spellings(entry):
                self._add_forms(index, variant, forms, flags)
        if self._keys:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._keys)

    def _add_forms(self, index: int, variant: int, forms: list[str], flags: int) -> None:
        """Group the folded forms into stems + suffixes and add the stems to the automaton."""
        folded: dict[str, str] = {}
        for form in forms:
            key = _fold_form(form)
            if key and key not in folded:
                folded[key] = form
        if not folded:
            return
        head_key = next(iter(folded))
        stems: dict[str, set[str]] = {}
        for key in sorted(folded, key=len):
            for stem in stems:
                if key.startswith(stem):
                    rest = key[len(stem) :]
                    if len(rest) <= _MAX_SUFFIX and rest.isalpha():
                        stems[stem].add(rest)
                        break
            else:
                stems[key] = {""}
        for stem, suffixes in stems.items():
            sfx = frozenset(suffixes)
            sfx = self._suffix_sets.setdefault(sfx, sfx)
            stem_flags = flags
            original = folded.get(stem, stem)
            if stem != head_key:
                stem_flags &= ~(COMPOUND_HEAD | COMPOUND_TAIL)
            if not original[:1].isupper():
                stem_flags &= ~CAP  # a lower-case form (eingreift) of a capitalised headword
            rank = 0 if stem == head_key else 1
            pattern = _Pattern(index, variant, sfx, stem_flags, original, rank)
            self._add_key(stem, pattern)
            if "ß" in stem:
                self._add_key(stem.replace("ß", "ss"), pattern)

    def _add_key(self, key: str, pattern: _Pattern) -> None:
        kid = self._keys.get(key)
        if kid is None:
            kid = len(self._key_len)
            self._keys[key] = kid
            self._key_len.append(len(key))
            self._key_patterns.append([pattern])
            self._automaton.add_word(key, kid)
        else:
            self._key_patterns[kid].append(pattern)

    def find(self, text: str) -> list[TermMatch]:
        """Every glossary term in ``text``, sorted by start, one reading per character."""
        if not self._keys or not text:
            return []
        ft = fold_text(text)
        folded = ft.text
        n = len(folded)
        to_source = ft.to_source
        inner = ft.inner
        key_len = self._key_len
        key_patterns = self._key_patterns
        letters = _LETTERS.match
        candidates: list[tuple[int, int, int, int, int, int]] = []
        for end_index, kid in self._automaton.iter(folded):
            e = end_index + 1
            s = e - key_len[kid]
            if s > 0:
                left = folded[s - 1]
                in_word = left.isalnum()
                if in_word and not left.isalpha():
                    continue  # 76Gas: a digit glued on the left
            else:
                in_word = False
            we = letters(folded, e).end()
            if we < n and folded[we].isdigit():
                continue
            if inner and (s in inner or e in inner):
                continue
            rest = folded[e:we]
            for p in key_patterns[kid]:
                flags = p.flags
                if in_word and not flags & COMPOUND_TAIL:
                    continue
                if rest in p.suffixes:
                    end = we
                    compound = in_word
                elif flags & COMPOUND_HEAD and rest:
                    end = e
                    compound = True
                else:
                    continue
                o_s = to_source(s)
                o_e = to_source(end)
                if flags & CASE:
                    o_stem = to_source(e)
                    shown = text[o_s:o_stem]
                    if shown != p.case_stem and shown != p.case_stem.upper():
                        shown = unicodedata.normalize("NFC", shown)
                        if shown != p.case_stem and shown != p.case_stem.upper():
                            continue
                first = text[o_s]
                if in_word:
                    ws = _word_start(folded, s)
                    o_ws = to_source(ws)
                    left_part = text[o_ws:o_s]
                    if first.isupper() and not left_part.isupper():
                        continue
                    if not _plausible_left(left_part):
                        continue
                elif flags & CAP and not first.isupper():
                    continue
                if end == e != we and not _plausible_rest(text[to_source(e) : to_source(we)]):
                    continue
                if not compound and (
                    (s > 1 and folded[s - 1] == "-" and folded[s - 2].isalnum())
                    or (we + 1 < n and folded[we] == "-" and folded[we + 1].isalnum())
                ):
                    compound = True  # part of a hyphenated compound (OVKS-Truppen)
                candidates.append((-(o_e - o_s), int(compound), p.variant, p.rank, p.entry, o_s))
                if not compound:
                    break
        return self._resolve(text, candidates)

    def _resolve(
        self, text: str, candidates: list[tuple[int, int, int, int, int, int]]
    ) -> list[TermMatch]:
        """One reading per character: longest first, whole words before compound parts."""
        if not candidates:
            return []
        candidates.sort()
        taken = bytearray(len(text) + 1)
        chosen: list[TermMatch] = []
        for neg_len, compound, variant, _rank, entry, o_s in candidates:
            o_e = o_s - neg_len
            if taken.find(1, o_s, o_e) != -1:
                continue
            taken[o_s:o_e] = b"\x01" * (o_e - o_s)
            chosen.append(
                TermMatch(
                    o_s,
                    o_e,
                    text[o_s:o_e],
                    self.entries[entry],
                    VARIANTS[variant],
                    bool(compound),
                )
            )
        chosen.sort(key=lambda m: m.start)
        return chosen


def _fold_form(form: str) -> str:
    return " ".join(fold_text(form).text.split())


def _entry_spellings(entry: Entry) -> list[tuple[int, list[str], int]]:
    """(variant, forms, flags) for the headword, each German variant and each abbreviation."""
    proper = entry.kind in _NAME_KINDS or entry.pos == "proper-noun"
    noun = entry.pos in ("noun", "proper-noun")
    out: list[tuple[int, list[str], int]] = []

    def flags_for(term: str, *, abbr: bool = False) -> int:
        f = 0
        one_word = " " not in term and "-" not in term
        if term[:1].isupper() and (noun or proper or entry.pos == "phrase"):
            f |= CAP
        if (abbr and (term.isupper() or any(c.isdigit() for c in term))) or (proper and one_word):
            f |= CASE
        if noun and one_word and not term.isupper() and term[:1].isupper():
            f |= COMPOUND_HEAD
            if not proper and len(term) >= 4:
                f |= COMPOUND_TAIL
        return f

    forms = inflected_forms(
        entry.de,
        pos=entry.pos,
        gender=entry.gender,
        plural=entry.plural,
        genitive=entry.genitive,
        proper=proper,
    )
    forms += [f for f in entry.forms if f not in forms]
    out.append((0, forms, flags_for(entry.de)))
    for alt in entry.de_alt:
        alt_forms = inflected_forms(alt, pos=entry.pos, gender=entry.gender, proper=proper)
        out.append((1, alt_forms, flags_for(alt)))
    for abbr in entry.de_abbr:
        if abbr.isupper() or any(c.isdigit() for c in abbr):
            abbr_forms = [abbr] if abbr[-1:] in "sSxXzZ" else [abbr, abbr + "s"]
        else:
            abbr_forms = noun_forms(abbr, None, proper=True)
        out.append((2, abbr_forms, flags_for(abbr, abbr=True)))
    return out


def _word_start(folded: str, s: int) -> int:
    i = s
    while i > 0 and folded[i - 1].isalpha():
        i -= 1
    return i


@lru_cache(maxsize=1)
def _dictionary():  # type: ignore[no-untyped-def]
    """simplemma's German word list (low-memory backend: ~20 MB, ~0.5 s on first use)."""
    import simplemma

    def known(word: str) -> bool:
        return simplemma.is_known(word, lang="de", low_memory=True)

    return known


@lru_cache(maxsize=65536)
def _is_word(word: str) -> bool:
    """A German word of at least three letters (any inflected form)."""
    if len(word) < 3:
        return False
    if len(word) == 3 and word.lower() not in _SHORT_WORDS:
        return False
    known = _dictionary()
    return bool(known(word[:1].upper() + word[1:].lower()) or known(word.lower()))


@lru_cache(maxsize=65536)
def _plausible_rest(rest: str) -> bool:
    """Can ``rest`` (what follows a term inside one word) continue a compound?

    After an optional linking element it must start with a German word of ≥ 4 letters
    (a few three-letter nouns too) that covers it, up to an ending or a second word:
    ``preise`` yes; ``tgeber`` (Gast|geber), ``se`` (Gas|se), ``tronomie`` no.
    """
    low = rest.lower()
    for link in LINKING_ELEMENTS:
        if not low.startswith(link):
            continue
        r = rest[len(link) :]
        if len(r) < 3 or _BAD_ONSET.match(r.lower()):
            continue
        if _is_word(r):
            return True
        for i in range(len(r) - 1, 2, -1):
            head, tail = r[:i], r[i:]
            if _is_word(head) and (len(tail) <= 2 or _is_word(tail) or _is_word_after_link(tail)):
                return True
    return False


def _is_word_after_link(tail: str) -> bool:
    low = tail.lower()
    return any(
        low.startswith(link) and _is_word(tail[len(link) :]) for link in LINKING_ELEMENTS[1:]
    )


@lru_cache(maxsize=65536)
def _plausible_left(left: str) -> bool:
    """Can ``left`` (what precedes a term inside one word) begin a compound?

    It must be a German word of ≥ 3 letters, possibly with a linking element
    (``Unterstützungs`` → Unterstützung) or a dropped final ``-e`` (``Erd`` → Erde).
    """
    if len(left) < 3 or not left.isalpha():
        return False
    if _is_word(left) or _is_word(left + "e"):
        return True
    low = left.lower()
    for link in LINKING_ELEMENTS[1:]:
        if low.endswith(link) and len(left) - len(link) >= 3 and _is_word(left[: -len(link)]):
            return True
    return False


#: Compiled recognisers by glossary (identity + content fingerprint); a few at most.
_CACHE: dict[int, tuple[int, TermRecognizer]] = {}
_CACHE_SIZE = 4


def recognizer_for(glossary: Glossary) -> TermRecognizer:
    """The compiled recogniser for ``glossary``, built on first use and then reused."""
    fingerprint = hash(tuple(glossary.entries.items()))
    hit = _CACHE.get(id(glossary))
    if hit is not None and hit[0] == fingerprint and hit[1].glossary is glossary:
        return hit[1]
    recognizer = TermRecognizer(glossary)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(glossary)] = (fingerprint, recognizer)
    return recognizer


def find_terms(text: str, glossary: Glossary) -> list[TermMatch]:
    """Glossary terms in German ``text``: spans with offsets into ``text``, sorted by start."""
    return recognizer_for(glossary).find(text)
