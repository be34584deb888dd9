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
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, chain, compress, count, islice
from operator import itemgetter, lt
from typing import Any

from glossar.glossary.model import Entry, Glossary
from glossar.glossary.rules import NOUN_LIKE_POS
from glossar.terms.match import TermMatch
from glossar.text.fold import _fold_text, fold_key, fold_term, fold_text
from glossar.text.morphology import (
    LINKING_ELEMENTS,
    Paradigm,
    add_form,
    inflected_paradigm,
    is_german_word,
    noun_paradigm,
    phrase_parts,
)

__all__ = ["TermRecognizer", "find_terms", "recognizer_for"]

#: Pattern flags.
CAP = 1  # a noun: at the start of a word the text must be capitalised
COMPOUND_HEAD = 2  # may begin a closed compound (Flüssiggas|preise)
COMPOUND_TAIL = 4  # may end or sit inside a closed compound (Unterstützungs|mission)
CASE = 8  # case-sensitive: the text must show this spelling or its capitals

VARIANTS = ("de", "alt", "abbr")
_NAME_KINDS = ("name", "place", "organisation")
#: Three-letter nouns that may continue a compound (the usual minimum is four letters).
_SHORT_WORDS = frozenset(
    ["amt", "hof", "rat", "zug", "weg", "ort", "bau", "tag", "tor", "gut", "rad", "bad"]
    + ["bus", "eis", "arm", "akt", "tee", "see", "öl"]
)
_LETTERS = re.compile(r"[^\W\d_]*")
#: Letters looked at before or after a key inside one word: longer "words" are not German
#: compounds, and the bound keeps a pathological input (one endless word) linear.
_MAX_REST = 60
#: Derivational suffixes that are also words (Land|schaft is not Land + Schaft).
_DERIVATION = re.compile(
    r"(?:schaft|haft|bar|ling|lein|tum|nis|sam|lich|isch|los|ler|ner|erei|ei|ig"
    r"|ant|ent|ist|ismus|ion|iv|or|al|ell|ik|ur|eur|ier)(?:e|en|er|es|em|s|n|in|innen|ern|nen)?"
)
#: Prefixes that are words in the dictionary but do not begin a compound (Trans|mission).
_PREFIXES = frozenset(
    ["trans", "inter", "super", "sub", "prä", "pro", "anti", "kontra", "re", "de", "dis", "ko"]
    + ["kom", "kon", "per", "ver", "ent", "zer", "emp", "miss", "un", "ur", "be", "ge", "er"]
    + ["ex", "in", "im", "post", "mini", "maxi", "multi", "ultra", "hyper", "neo", "non"]
)
#: Onsets no German word starts with (cheap filter before the dictionary).
_BAD_ONSET = re.compile(
    r"^(?:[bcdfghjklmnpqrtvwxz](?![aeiouyäöühlrnwjsf])|s(?![aeiouyäöühcptlkmnwz]))"
)
#: Words after which a capitalised word is a noun even where a verb would be capitalised
#: (articles, determiners, possessives, prepositions and their contractions).
_NOUN_MARKERS = frozenset(
    ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer"]
    + ["eines", "kein", "keine", "keinem", "keinen", "keiner", "keines", "dies", "diese"]
    + ["diesem", "diesen", "dieser", "dieses", "jedes", "jedem", "jeder", "jenes", "jenem"]
    + ["sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem"]
    + ["ihren", "ihrer", "ihres", "mein", "meine", "dein", "unser", "unsere", "euer", "eure"]
    + ["beim", "vom", "zum", "zur", "im", "am", "ins", "ans", "aufs", "durchs", "fürs", "ums"]
    + ["an", "auf", "aus", "bei", "durch", "für", "gegen", "mit", "nach", "ohne", "seit"]
    + ["über", "um", "unter", "von", "vor", "zu", "zwischen", "trotz", "wegen", "dank"]
)
#: Characters that open a quotation or parenthesis (skipped when looking back).
_OPENERS = "„“‚‘\"'»«›‹(["
#: Characters that end a sentence or introduce one (a capital after them is no evidence).
_SENTENCE_ENDS = ".!?:;…"


#: One way a key can name an entry: (entry index, variant 0/1/2, allowed endings, flags,
#: the stem as the glossary spells it, rank 0 = the spelling's own stem / 1 = other stems /
#: 2 = the spelling in capitals,
#: folded words that must precede the key — each ending in a space — or an empty tuple,
#: what the case-kept text must show where the key matched, or "" when case does not matter).
_Pattern = tuple[int, int, frozenset[str], int, str, int, tuple[str, ...], str]
#: A candidate span: (start, end, compound, rank, variant, entry index) in the original text.
_Candidate = tuple[int, int, int, int, int, int]
#: A cached whole-word outcome: (span ends at the word's end, compound, rank, variant,
#: entry index).
_Decision = tuple[bool, int, int, int, int]
#: Bound on cached whole-word decisions (cleared when reached).
_MAX_DECISIONS = 50_000
#: (variant, paradigm, flags, words before the head, rank of the first stem).
_Spelling = tuple[int, Paradigm, int, tuple[str, ...], int]


class TermRecognizer:
    """A glossary compiled for term recognition; build once, call :meth:`find` many times.

    The compiled form is one Aho–Corasick automaton over folded stems plus, per stem, a
    small tuple of patterns (which entry, which endings, which checks).
    """

    def __init__(self, glossary: Glossary | Iterable[Entry]) -> None:
        import ahocorasick

        self.glossary = glossary
        self.entries: list[Entry] = list(glossary)
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        #: Case-sensitive keys (abbreviations, one-word names), matched on case-kept text.
        self._case_automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._key_len: list[int] = []
        self._groups: list[tuple[_Pattern, ...]] = []
        self._endings: dict[frozenset[str], frozenset[str]] = {}
        self._befores: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._key_ids: dict[str, int] = {}
        self._case_key_ids: dict[str, int] = {}
        #: 1 for keys none of whose patterns may sit inside a word (fast rejection).
        self._word_only_build = bytearray()
        #: True once a case-sensitive pattern exists: matching then needs case-kept text.
        self._needs_cased = False
        #: 1 for keys with a phrase pattern (words before the head: never cached).
        self._phrase_build = bytearray()
        # Compiling allocates many small, long-lived objects; the cyclic GC would rescan
        # them again and again (it doubles the compile time at 100k entries).
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            for index, entry in enumerate(self.entries):
                for variant, paradigm, flags, before, rank in _entry_spellings(entry):
                    self._add_paradigm(index, variant, paradigm, flags, before, rank)
        finally:
            if gc_was_enabled:
                gc.enable()
        self._has_case = bool(self._case_key_ids)
        #: Entries that share a spelling with an entry of the other word class, by index:
        #: True for the noun-like one (case decides between them, see :func:`_noun_reading`).
        self._word_class = _shared_word_classes(self.entries)
        del self._key_ids, self._case_key_ids  # only needed while compiling
        self._word_only = bytes(self._word_only_build)
        self._phrase = bytes(self._phrase_build)
        del self._word_only_build, self._phrase_build
        #: Per key, what a hit that starts a word yields, by the word as written: news
        #: text repeats words, so most hits cost one dict lookup (filled on use, bounded).
        self._word_decisions: list[dict[str, tuple[_Decision, ...]] | None]
        self._word_decisions = [None] * len(self._key_len)
        self._n_decisions = 0
        if self._key_len:
            self._automaton.make_automaton()
        if self._has_case:
            self._case_automaton.make_automaton()

    def __len__(self) -> int:
        """Number of distinct keys (folded stems) in the automaton."""
        return len(self._key_len)

    def _add_paradigm(
        self,
        index: int,
        variant: int,
        paradigm: Paradigm,
        flags: int,
        before: tuple[str, ...],
        rank: int,
    ) -> None:
        """Fold the paradigm's stems and add them (and their ``ss`` twins) to the automaton."""
        if before:
            before = self._befores.setdefault(before, before)
        head = True
        for stem, endings in paradigm.items():
            key = fold_term(stem)
            if not key:
                continue
            fs = frozenset(endings)
            folded_endings = self._endings.get(fs)
            if folded_endings is None:
                folded_endings = self._endings[fs] = frozenset(e.lower() for e in endings)
            stem_flags = flags
            if not head:
                stem_flags &= ~(COMPOUND_HEAD | COMPOUND_TAIL)
            if not before and not stem[:1].isupper():
                stem_flags &= ~CAP  # a lower-case form (eingreift) of a capitalised headword
            stem_rank = rank if head else 1
            pattern = (index, variant, folded_endings, stem_flags, stem, stem_rank, before, "")
            if stem_flags & CASE:
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
            else:
                self._add_key(key, pattern, self._automaton, self._key_ids)
                if "ß" in key:
                    self._add_key(key.replace("ß", "ss"), pattern, self._automaton, self._key_ids)
            head = False

    def _add_key(
        self, key: str, pattern: _Pattern, automaton: Any, key_ids: dict[str, int]
    ) -> None:
        gid = key_ids.get(key)
        if gid is None:
            gid = key_ids[key] = len(self._key_len)
            automaton.add_word(key, gid)
            self._key_len.append(len(key))
            self._groups.append((pattern,))
            self._word_only_build.append(0 if pattern[3] & COMPOUND_TAIL else 1)
            self._phrase_build.append(1 if pattern[6] else 0)
        else:
            self._groups[gid] = (*self._groups[gid], pattern)
            if pattern[3] & COMPOUND_TAIL:
                self._word_only_build[gid] = 0
            if pattern[6]:
                self._phrase_build[gid] = 1

    def find(self, text: str) -> list[TermMatch]:
        """Every glossary term in ``text``, sorted by start, one reading per character."""
        if not self._key_len or not text:
            return []
        # Many small objects and no reference cycles: the cyclic GC would only rescan them.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._find(text)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _find(self, text: str) -> list[TermMatch]:
        # case-kept text only where needed, and then from the same pass
        ft = _fold_text(text, None if self._needs_cased else False)
        folded = ft.text
        n = len(folded)
        identity = ft.breaks_f == ft.breaks_o
        cased = ""
        if self._needs_cased:
            # one-word keys only: the text itself serves when offsets did not move
            if identity and unicodedata.is_normalized("NFC", text):
                cased = text
            elif ft.cased:
                cased = ft.cased
            else:
                ft = fold_text(text, keep_case=True)
                cased = ft.cased
        to_source = ft.to_source
        inner = ft.inner
        key_len = self._key_len
        groups = self._groups
        word_only = self._word_only
        phrase = self._phrase
        word_decisions = self._word_decisions
        n_decisions = self._n_decisions
        # whole-word decisions depend only on the word as written when offsets did not move
        # and the case-kept text (where needed) is the text itself
        cacheable = identity and (cased is text or not self._needs_cased)
        letters = _LETTERS.match
        left = ""
        candidates: list[_Candidate] = []
        add = candidates.append
        hits = self._automaton.iter(folded)
        if self._has_case:
            hits = chain(hits, self._case_automaton.iter(cased))
        for end_index, gid in hits:
            e = end_index + 1
            s = e - key_len[gid]
            in_word = False
            if s:
                left = folded[s - 1]
                if left.isalnum():
                    if word_only[gid] or not left.isalpha():
                        continue  # inside a word (Gasse) or a digit glued on the left
                    in_word = True
            right = folded[e] if e < n else ""  # the character after the word
            if right.isalnum():
                we = letters(folded, e, e + _MAX_REST).end()
                if we < n:
                    right = folded[we]
                    if right.isdigit() or we - e == _MAX_REST:
                        continue  # a digit glued on the right, or no German word at all
                else:
                    right = ""
                rest = folded[e:we]
            else:
                we = e
                rest = ""
            if inner and (s in inner or e in inner):
                continue
            if cacheable and not in_word and not phrase[gid]:
                # a whole word or the head of a compound: the outcome depends only on the
                # key and the word as written (news text repeats words)
                word = text[s:we]
                known = word_decisions[gid]
                if known is None:
                    known = word_decisions[gid] = {}
                decision = known.get(word)
                if decision is None:
                    if n_decisions >= _MAX_DECISIONS:
                        word_decisions[:] = [None] * len(word_decisions)
                        known = word_decisions[gid] = {}
                        n_decisions = 0
                    decision = known[word] = self._decide(gid, rest, word, e - s)
                    n_decisions += 1
                for to_we, compound, rank, variant, entry_i in decision:
                    end = we if to_we else e
                    if not compound and (
                        (right == "-" and we + 1 < n and folded[we + 1].isalnum())
                        or (s > 1 and left == "-" and folded[s - 2].isalnum())
                    ):
                        compound = 1  # part of a hyphenated compound (OVKS-Truppen)
                    if compound:
                        if candidates:
                            last = candidates[-1]
                            if (
                                not last[2]
                                and last[0] <= s
                                and end <= last[1]
                                and end - s < last[1] - last[0]
                            ):
                                continue  # inside the whole word just found: it would lose
                        add((s, end, 1, rank, variant, entry_i))
                        continue
                    while candidates:
                        last = candidates[-1]
                        if last[0] < s or last[1] > end or last[1] - last[0] >= end - s:
                            break
                        candidates.pop()
                    add((s, end, 0, rank, variant, entry_i))
                continue
            for entry_i, variant, endings, flags, _stem, rank, before, form in groups[gid]:
                if form and cased[s:e] != form:
                    continue
                if in_word and not flags & COMPOUND_TAIL:
                    continue
                if rest in endings:
                    end = we
                    compound = in_word
                elif flags & COMPOUND_HEAD and rest:
                    end = e
                    compound = True
                else:
                    continue
                start = s
                if before:  # a phrase keyed on its head: the words before must be there
                    for words in before:
                        if folded.endswith(words, 0, s):
                            start = s - len(words)
                            if not start or not folded[start - 1].isalnum():
                                break
                    else:
                        continue
                if identity:
                    o_s = start
                    o_e = end
                    o_stem = e
                else:
                    o_s = to_source(start)
                    o_e = to_source(end)
                    o_stem = to_source(e)
                if in_word:
                    ws = _word_start(folded, s)
                    if ws < 0:
                        continue
                    if identity:
                        left_part = text[ws:o_s]
                    else:  # NFD input: judge the part as NFC input would be judged
                        left_part = unicodedata.normalize("NFC", text[to_source(ws) : o_s])
                    if text[o_s].isupper() and not left_part.isupper():
                        continue
                    if not _plausible_left(left_part):
                        continue
                elif flags & CAP and not text[o_s].isupper():
                    continue
                if end != we and not _plausible_rest(
                    text[o_stem:we]
                    if identity
                    else unicodedata.normalize("NFC", text[o_stem : to_source(we)])
                ):
                    continue
                if not compound and (
                    (start > 1 and folded[start - 1] == "-" and folded[start - 2].isalnum())
                    or (we + 1 < n and folded[we] == "-" and folded[we + 1].isalnum())
                ):
                    compound = True  # part of a hyphenated compound (OVKS-Truppen)
                if compound:
                    if candidates:
                        last = candidates[-1]
                        if (
                            not last[2]
                            and last[0] <= o_s
                            and o_e <= last[1]
                            and o_e - o_s < last[1] - last[0]
                        ):
                            continue  # inside the whole word just found: it would lose
                    add((o_s, o_e, 1, rank, variant, entry_i))
                    continue
                # A whole word drops the shorter candidates inside it found just before
                # (Militär|bündnis, Russ|land): they could only lose to it later on.
                if not before:
                    while candidates:
                        last = candidates[-1]
                        if last[0] < o_s or last[1] > o_e or last[1] - last[0] >= o_e - o_s:
                            break
                        candidates.pop()
                add((o_s, o_e, 0, rank, variant, entry_i))
        self._n_decisions = n_decisions
        return self._resolve(text, candidates)

    def _decide(self, gid: int, rest: str, word: str, key_len: int) -> tuple[_Decision, ...]:
        """What a hit of key ``gid`` at the start of ``word`` (as written) yields.

        ``rest`` is the folded rest of the word after the key.
        The same checks as the general path in :meth:`_find` for a hit that starts a
        word, without words before it: an allowed ending, or a plausible compound
        continuation for a noun; a capitalised noun needs a capital. Position-dependent
        checks (hyphenated compounds, overlaps) stay with the caller.
        """
        shown = word[:key_len]
        upper = word[:1].isupper()
        out: list[_Decision] = []
        for entry_i, variant, endings, flags, _stem, rank, _before, form in self._groups[gid]:
            if form and shown != form:
                continue
            if rest in endings:
                to_we = True
                compound = 0
            elif flags & COMPOUND_HEAD and rest:
                to_we = False
                compound = 1
            else:
                continue
            if flags & CAP and not upper:
                continue
            if not to_we and not _plausible_rest(word[key_len:]):
                continue
            out.append((to_we, compound, rank, variant, entry_i))
        return tuple(out)

    def _resolve(self, text: str, candidates: list[_Candidate]) -> list[TermMatch]:
        """One reading per character: longest first, whole words before compound parts.

        Candidates are swept by start; only clusters of overlapping ones need choosing.
        """
        if not candidates:
            return []
        candidates.sort()
        total = len(candidates)
        word_class = self._word_class
        # a candidate joins the previous cluster when it starts before the cluster ends
        # (map/compress keep these passes in C: they touch every candidate)
        starts = map(itemgetter(0), islice(candidates, 1, None))
        max_end = accumulate(map(itemgetter(1), candidates), max)
        joins = list(compress(count(1), map(lt, starts, max_end)))
        if joins:
            losers: list[int] = []
            k = 0
            n_joins = len(joins)
            while k < n_joins:
                first = joins[k] - 1
                last = joins[k]
                while k + 1 < n_joins and joins[k + 1] == last + 1:
                    k += 1
                    last = joins[k]
                k += 1
                if last == first + 1:  # two candidates overlap: the common case
                    a = candidates[first]
                    b = candidates[last]
                    la = a[1] - a[0]
                    lb = b[1] - b[0]
                    if la != lb:
                        losers.append(first if la < lb else last)
                    elif word_class and (a[5] in word_class or b[5] in word_class):
                        pa = (a[2], _case_penalty(text, a, word_class), *a[3:])
                        pb = (b[2], _case_penalty(text, b, word_class), *b[3:])
                        losers.append(last if pa <= pb else first)
                    else:
                        losers.append(last if a[2:] <= b[2:] else first)
                else:
                    losers.extend(_losers(text, candidates, first, last + 1, word_class))
            keep = bytearray(b"\x01") * total
            for i in losers:
                keep[i] = 0
            candidates = list(compress(candidates, keep))
        return _term_matches(text, candidates, self.entries)


#: TermMatch's fields in order; when they are what this module expects, matches are built
#: through the slot descriptors (twice as fast as the frozen dataclass's __init__).
_TERM_MATCH_FIELDS = ("start", "end", "text", "entry", "variant", "compound", "sure")


def _term_matches(text: str, candidates: list[_Candidate], entries: list[Entry]) -> list[TermMatch]:
    """The chosen candidates as :class:`TermMatch` objects."""
    if tuple(TermMatch.__dataclass_fields__) != _TERM_MATCH_FIELDS:  # pragma: no cover
        return [
            TermMatch(o_s, o_e, text[o_s:o_e], entries[ei], VARIANTS[v], c == 1, entries[ei].sure)
            for o_s, o_e, c, _rank, v, ei in candidates
        ]
    new = object.__new__
    set_start = TermMatch.start.__set__  # type: ignore[attr-defined]
    set_end = TermMatch.end.__set__  # type: ignore[attr-defined]
    set_text = TermMatch.text.__set__  # type: ignore[attr-defined]
    set_entry = TermMatch.entry.__set__  # type: ignore[attr-defined]
    set_variant = TermMatch.variant.__set__  # type: ignore[attr-defined]
    set_compound = TermMatch.compound.__set__  # type: ignore[attr-defined]
    set_sure = TermMatch.sure.__set__  # type: ignore[attr-defined]
    sure = [e.sure for e in entries]
    out: list[TermMatch] = []
    add = out.append
    for o_s, o_e, compound, _rank, variant, entry_i in candidates:
        m = new(TermMatch)
        set_start(m, o_s)
        set_end(m, o_e)
        set_text(m, text[o_s:o_e])
        set_entry(m, entries[entry_i])
        set_variant(m, VARIANTS[variant])
        set_compound(m, compound == 1)
        set_sure(m, sure[entry_i])
        add(m)
    return out


def _losers(
    text: str,
    candidates: list[_Candidate],
    first: int,
    stop: int,
    word_class: dict[int, bool],
) -> list[int]:
    """Indices in ``candidates[first:stop]`` (one overlapping cluster) that lose.

    Longest first, then whole words before compound parts, the reading the word's case
    asks for, regular forms before listed extras before capitals, headword before
    variant before abbreviation, glossary order.
    """
    ranked = sorted(
        range(first, stop),
        key=lambda i: (
            candidates[i][0] - candidates[i][1],
            candidates[i][2],
            _case_penalty(text, candidates[i], word_class),
            *candidates[i][3:],
            candidates[i][0],
        ),
    )
    taken: list[tuple[int, int]] = []
    losers: list[int] = []
    for i in ranked:
        o_s, o_e = candidates[i][0], candidates[i][1]
        if any(o_s < b and a < o_e for a, b in taken):
            losers.append(i)
        else:
            taken.append((o_s, o_e))
    return losers


def _shared_word_classes(entries: list[Entry]) -> dict[int, bool]:
    """Entries (by index) that share a folded spelling with an entry of the other word
    class, each with True when it is noun-like (the glossary rules allow such pairs)."""
    owners: dict[str, set[bool]] = {}
    for entry in entries:
        noun = entry.pos in NOUN_LIKE_POS
        for term in (entry.de, *entry.de_alt, *entry.forms):
            owners.setdefault(fold_key(term), set()).add(noun)
    shared = {key for key, classes in owners.items() if len(classes) == 2}
    if not shared:
        return {}
    return {
        index: entry.pos in NOUN_LIKE_POS
        for index, entry in enumerate(entries)
        if any(fold_key(t) in shared for t in (entry.de, *entry.de_alt, *entry.forms))
    }


def _case_penalty(text: str, candidate: _Candidate, word_class: dict[int, bool]) -> int:
    """1 when ``candidate`` is the reading of a shared spelling its case argues against."""
    noun = word_class.get(candidate[5])
    if noun is None:
        return 0
    return 0 if noun == _noun_reading(text, candidate[0]) else 1


def _noun_reading(text: str, start: int) -> bool:
    """Is the word at ``start`` a noun by its case (das Eingreifen) rather than a verb?

    Lower-case is a verb. A capital is a noun unless the word starts a sentence, a line
    or a quotation (verbs are capitalised there too) and no article, determiner or
    preposition comes right before it.
    """
    if not text[start : start + 1].isupper():
        return False
    i = start
    boundary = False
    while i > 0:
        c = text[i - 1]
        if c == "\n":
            # a line break: a heading or paragraph starts after a blank line or after a
            # line that ends a sentence; otherwise the text is merely wrapped
            j = text.rfind("\n", 0, i - 1)
            line = text[j + 1 : i - 1].rstrip()
            if not line or line[-1] in _SENTENCE_ENDS or line[-1] in _OPENERS:
                boundary = True
                break
            i -= 1
        elif c.isspace() or c == "\u00ad":
            i -= 1
        elif c in _OPENERS:
            boundary = True  # a quotation starts: unless a determiner comes before it
            i -= 1
        else:
            break
    else:
        return False  # the text starts here
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if j < i and text[j:i].lower() in _NOUN_MARKERS:
        return True
    return not (boundary or text[i - 1] in _SENTENCE_ENDS)


@lru_cache(maxsize=4096)
def _fold_words(words: str) -> str:
    """Folded words that must precede a phrase's head, with the space before the head."""
    return fold_term(words) + " "


def _flags(term: str, noun: bool, proper: bool, pos: str, *, abbr: bool = False) -> int:
    """Matching flags for one German spelling (see the flag constants)."""
    f = 0
    one_word = " " not in term and "-" not in term
    upper_first = term[:1].isupper()
    if upper_first and (noun or proper or pos == "phrase"):
        f |= CAP
    if (abbr and (term.isupper() or any(c.isdigit() for c in term))) or (proper and one_word):
        f |= CASE
    if noun and one_word and upper_first and not term.isupper():
        f |= COMPOUND_HEAD
        if not proper and len(term) >= 4:
            f |= COMPOUND_TAIL
    return f


def _entry_spellings(entry: Entry) -> list[_Spelling]:
    """How each German spelling of ``entry`` is matched: headword, variants, abbreviations."""
    pos = entry.pos
    proper = entry.kind in _NAME_KINDS or pos == "proper-noun"
    noun = pos in ("noun", "proper-noun")
    out: list[_Spelling] = []
    _add_spelling(out, entry, 0, entry.de, entry.plural, entry.genitive, noun, proper)
    if entry.forms:
        forms: Paradigm = {}
        for form in entry.forms:
            add_form(forms, form)
        flags = _flags(entry.de, noun, proper, pos) & ~(COMPOUND_HEAD | COMPOUND_TAIL)
        out.append((0, forms, flags, (), 1))
    for alt in entry.de_alt:
        _add_spelling(out, entry, 1, alt, None, None, noun, proper)
    for abbr in entry.de_abbr:
        if abbr.isupper() or any(c.isdigit() for c in abbr):
            abbr_par: Paradigm = {abbr: {""} if abbr[-1:] in "sSxXzZ" else {"", "s"}}
        else:
            abbr_par = noun_paradigm(abbr, None, proper=True)
        out.append((2, abbr_par, _flags(abbr, noun, proper, pos, abbr=True), (), 0))
    return out


def _add_spelling(
    out: list[_Spelling],
    entry: Entry,
    variant: int,
    term: str,
    plural: str | None,
    genitive: str | None,
    noun: bool,
    proper: bool,
) -> None:
    """Append how ``term`` (headword or variant) is matched: a paradigm, or a phrase's head."""
    pos = entry.pos
    flags = _flags(term, noun, proper, pos)
    if " " in term and pos not in ("verb", "adverb", "other"):
        parts = phrase_parts(term, entry.gender, plural=plural, genitive=genitive, proper=proper)
        if parts.prefixes != [""] and not parts.tail:
            before = tuple(sorted({_fold_words(p) for p in parts.prefixes}, key=len))
            before += tuple(b.replace("ß", "ss") for b in before if "ß" in b)
            out.append((variant, parts.head, flags, before[::-1], 0))
            extra: Paradigm = {}
            for full in (plural, genitive):
                if full and " " in full:
                    add_form(extra, full)
            if extra:
                out.append((variant, extra, flags, (), 1))
            return
    par = inflected_paradigm(
        term, pos=pos, gender=entry.gender, plural=plural, genitive=genitive, proper=proper
    )
    out.append((variant, par, flags, (), 0))


def _word_start(folded: str, s: int) -> int:
    """Where the word containing ``s`` starts, or -1 beyond ``_MAX_REST`` letters back."""
    i = s
    stop = max(0, s - _MAX_REST)
    while i > stop and folded[i - 1].isalpha():
        i -= 1
    if i == stop and i > 0 and folded[i - 1].isalpha():
        return -1
    return i


@lru_cache(maxsize=65536)
def _is_word(word: str) -> bool:
    """A German word of at least three letters (any inflected form)."""
    if len(word) < 3:
        return False
    if len(word) == 3 and word.lower() not in _SHORT_WORDS:
        return False
    return is_german_word(word[:1].upper() + word[1:].lower()) or is_german_word(word.lower())


@lru_cache(maxsize=65536)
def _plausible_rest(rest: str) -> bool:
    """Can ``rest`` (what follows a term inside one word) continue a compound?

    After an optional linking element it must start with a German word of ≥ 4 letters
    (a few three-letter nouns too) that covers it, up to an ending or a second word:
    ``preise`` yes; ``tgeber`` (Gast|geber), ``se`` (Gas|se), ``tronomie`` no.
    """
    low = rest.lower()
    if _DERIVATION.fullmatch(low):
        return False
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
    if len(left) < 3 or not left.isalpha() or left.lower() in _PREFIXES:
        return False
    if _is_word(left) or _is_word(left + "e"):
        return True
    low = left.lower()
    for link in LINKING_ELEMENTS[1:]:
        if low.endswith(link) and len(left) - len(link) >= 3 and _is_word(left[: -len(link)]):
            return True
    return False


#: Compiled recognisers by glossary (identity + content fingerprint); a few at most.
_CACHE: dict[int, tuple[tuple[int, int], TermRecognizer]] = {}
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
    fingerprint = _fingerprint(glossary)
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
