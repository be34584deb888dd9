"""Candidate spans: every automaton hit checked against the text around it.

Step 3 of :mod:`glossar.terms.recognise`: the left edge must start a word (or follow a
hyphen), the rest of the word must be an allowed ending or, for a noun, a plausible
compound continuation; a hit at the start of a word yields what its key and the word as
written decide, cached per key (news text repeats words). Guards and overlaps come after
(:mod:`glossar.terms.guards`, :mod:`glossar.terms.overlaps`).
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from glossar.terms.compounds import LETTERS, MAX_REST, plausible_left, plausible_rest, word_start
from glossar.terms.patterns import (
    CAP,
    COMPOUND_HEAD,
    COMPOUND_TAIL,
    MAX_DECISIONS,
    Candidate,
    Decision,
)
from glossar.text.fold import visible

try:  # True in the compiled build (hatch_build.py), where Cython sets it
    import cython

    COMPILED: bool = cython.compiled
except ImportError:  # no Cython at run time: this file runs as plain Python
    COMPILED = False

if TYPE_CHECKING:
    from glossar.terms.recognise import Folding, TermRecognizer


def candidates(rec: TermRecognizer, text: str, folding: Folding) -> list[Candidate]:
    """Candidate spans of every key hit in ``text`` (folded as ``folding``)."""
    ft, cased, identity = folding
    folded = ft.text
    n = len(folded)
    to_source = ft.to_source
    inner = ft.inner
    key_len = rec._key_len
    groups = rec._groups
    word_only = rec._word_only
    phrase = rec._phrase
    phrase_befores = rec._phrase_befores
    word_decisions = rec._word_decisions
    n_decisions = rec._n_decisions
    # whole-word decisions depend only on the word as written when offsets did not move
    # and the case-kept text (where needed) is the text itself
    cacheable = identity and (cased is text or not rec._needs_cased)
    letters = LETTERS.match
    left = " "  # the character before a hit: a non-word character until one is seen
    candidates: list[Candidate] = []
    add = candidates.append
    dense = rec._dense  # the same hits from a transition table (small glossaries)
    hits = dense.iter(folded) if dense is not None else rec._automaton.iter(folded)
    if rec._has_case:
        hits = chain(hits, rec._case_automaton.iter(cased))
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
        right = folded[e] if e < n else " "  # the character after the word (a space: none)
        if right.isalnum():
            if COMPILED:  # a typed loop beats a regular expression call in C
                we = e
                stop = min(n, e + MAX_REST)
                while we < stop:
                    ch = folded[we]
                    if not ch.isalnum() or ch.isdecimal():  # LETTERS: [^\W\d_]
                        break
                    we += 1
            else:
                we = letters(folded, e, e + MAX_REST).end()
            if we < n:
                right = folded[we]
                if right.isdigit() or we - e == MAX_REST:
                    continue  # a digit glued on the right, or no German word at all
            else:
                right = " "
            rest = folded[e:we]
        else:
            we = e
            rest = ""
        if inner and (s in inner or e in inner):
            continue
        if (
            cacheable
            and not in_word
            and (not phrase[gid] or not folded.endswith(phrase_befores[gid], 0, s))
        ):
            # a whole word or the head of a compound: the outcome depends only on the
            # key and the word as written (news text repeats words); a phrase's head
            # too when none of its words-before precede it
            word = text[s:we]
            if right == "-" and rest == "s":  # Regierungs-Erklärung, Regierungs- und …
                word += "-"  # (a linking s before a hyphen: decided with the hyphen)
            known = word_decisions[gid]
            if known is None:
                known = word_decisions[gid] = {}
            decision = known.get(word)
            if decision is None:
                if n_decisions >= MAX_DECISIONS:
                    word_decisions[:] = [None] * len(word_decisions)
                    known = word_decisions[gid] = {}
                    n_decisions = 0
                decision = known[word] = decide(rec, gid, rest, word, e - s)
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
            if form and cased[s:e] != form and not _spaced_alike(cased[s:e], form):
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
                ws = word_start(folded, s)
                if ws < 0:
                    continue
                # NFD input, soft hyphens: the part judged as NFC input without them
                left_part = text[ws:o_s] if identity else visible(text[to_source(ws) : o_s])
                if text[o_s].isupper() and not left_part.isupper():
                    continue
                if not plausible_left(left_part):
                    continue
            elif flags & CAP and not text[o_s].isupper():
                continue
            if (
                end != we
                and not (rest == "s" and right == "-")
                and not plausible_rest(
                    text[o_stem:we] if identity else visible(text[o_stem : to_source(we)])
                )
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
    rec._n_decisions = n_decisions
    return candidates


def _spaced_alike(found: str, form: str) -> bool:
    """Is ``found`` (case-kept text) ``form`` but for the white space between its words
    ("vom Kreml⏎angeführte": a multi-word form across a line break, as the folded text,
    which reads any white space as a space, matched it)?"""
    return " " in form and " ".join(found.split()) == form


#: A noun's rest that is a linking s before a hyphen: the first part of a hyphenated
#: compound (Regierungs-Erklärung, Sicherheits-Lage) or of a suspended one
#: (Regierungs- und Oppositionsparteien), as Regierungserklärung is closed.
_LINKED = "s-"


def decide(
    rec: TermRecognizer, gid: int, rest: str, word: str, key_len: int
) -> tuple[Decision, ...]:
    """What a hit of key ``gid`` at the start of ``word`` (as written) yields.

    ``rest`` is the folded rest of the word after the key.
    The same checks as the general path in :meth:`_find` for a hit that starts a
    word, without words before it: an allowed ending, or a plausible compound
    continuation for a noun; a capitalised noun needs a capital. Position-dependent
    checks (hyphenated compounds, overlaps) stay with the caller.
    """
    shown = word[:key_len]
    upper = word[:1].isupper()
    out: list[Decision] = []
    for entry_i, variant, endings, flags, _stem, rank, before, form in rec._groups[gid]:
        if before or (form and shown != form and not _spaced_alike(shown, form)):
            continue  # a phrase's head: the caller saw that no words-before precede it
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
        if not to_we and word[key_len:] != _LINKED and not plausible_rest(word[key_len:]):
            continue
        decision = (to_we, compound, rank, variant, entry_i)
        if decision not in out:  # a form listed and generated too (besteht): once
            out.append(decision)
    return tuple(out)
