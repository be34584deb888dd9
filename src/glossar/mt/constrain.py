"""Constrained decoding: the model writes the glossary term itself and goes on from there.

Post-editing (:mod:`glossar.mt.enforce`) swaps words in a finished translation, so the
words around the term were chosen for another word: ``a`` before a vowel, a verb in
the singular after a plural, the old word again two words later. Here the slot of
the term is found in the first output (a deprecated English word there, else the
target words whose cross-attention points at the German term), and the sentence is
decoded again with CTranslate2's ``target_prefix`` = the output up to the slot + the
term, so the model continues after the term as it would after its own words.
``suppress_sequences`` keeps the word it had chosen and the deprecated English out of
the continuation. One extra decoding pass (``MAX_ROUNDS``), batched over sentences;
the model's score then picks the re-decoded or the post-edited output (:func:`choose`).

Measured on 1,000 held-out captions with a caption glossary (docs/decisions-mt.md):
higher chrF against term-substituted references and fewer broken articles and plurals
than post-editing, for the cost of one more batched decode of the sentences that need it.
Terms whose slot cannot be found go on to post-editing as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from glossar.mt.engine import Aligned, max_decoding_length
from glossar.terms.match import TermMatch
from glossar.text.english import english_present, english_term_pattern
from glossar.text.language import more_german

__all__ = ["PrefixEngine", "choose", "constrain"]

#: Re-decoding rounds: each forces one more term (left to right) per sentence. One
#: round bounds the cost at one extra beam search for the sentences with a missing
#: term; later terms of the same sentence are post-edited on the re-decoded output.
MAX_ROUNDS = 1
#: Beam of the re-decoding pass; None: the beam of the first pass. Greedy was measured
#: as good as beam 4 here (the forced prefix fixes most of the sentence) at a third of
#: the cost (docs/decisions-mt.md).
REDECODE_BEAM: int | None = 1


@runtime_checkable
class PrefixEngine(Protocol):
    """An engine that can decode with a forced English prefix and banned words."""

    def translate_prefixed(
        self,
        sentences: Sequence[str],
        prefixes: Sequence[str],
        suppress: Sequence[Sequence[str]] = (),
        beam: int = 4,
    ) -> list[Aligned]: ...


def _variants(words: Sequence[str]) -> list[str]:
    """The words to ban: as written, lower case, capitalised, and their plurals."""
    from glossar.mt.mend import pluralise

    out: list[str] = []
    for w in words:
        w = w.strip()
        if not w or " " in w:
            continue  # a multi-word rendering is not banned (its words may be common)
        for v in (w, w.lower(), w[:1].upper() + w[1:], pluralise(w.lower())):
            if v not in out:
                out.append(v)
    return out


def _slot(
    cur: Aligned, match: TermMatch, start_at: int, source: str = ""
) -> tuple[int, int, str, list[str]] | None:
    """Where ``match``'s English belongs in ``cur.text`` (at or after ``start_at``).

    Returns ``(start, end, term form, words to ban)``; a deprecated English word wins,
    else the words that attend to the German term.
    """
    from glossar.mt.enforce import term_slot
    from glossar.mt.mend import pluralise, slot_term

    text = cur.text
    for old in match.entry.en_deprecated:
        for found in english_term_pattern(old).finditer(text):
            if found.start() < start_at:
                continue
            said = found.group(0)
            plural = said.lower() != old.lower() and not said.lower().endswith(("'s", "’s"))
            term = pluralise(match.english) if plural else match.english
            return found.start(), found.end(), term, [*match.entry.en_deprecated, said]
    span = term_slot(cur, match, source)
    if span is None or span[0] < start_at:
        return None
    a, b = span
    start, term = slot_term(match, text, a, b, source)  # "is intervenes": intervenes
    return max(start_at, start), b, term, [*match.entry.en_deprecated, text[a:b]]


def _stopped(a: Aligned) -> bool:
    """Whether the model ended this output itself (not at the length limit).

    A model that never reaches ``</s>`` (random weights) is not asked to continue
    after a forced prefix: it would only decode to the limit again.
    """
    return len(a.target_spans) < max_decoding_length(len(a.source_spans))


def constrain(
    engine: PrefixEngine,
    sentences: Sequence[str],
    matches: Sequence[Sequence[TermMatch]],
    aligned: dict[int, Aligned],
    targets: list[str],
    beam: int = 4,
) -> dict[int, set[tuple[str, str]]]:
    """Re-decode sentences of ``aligned`` whose glossary terms are missing, term first.

    Updates ``targets`` and ``aligned`` in place; returns, per sentence, the
    ``(entry id, English)`` pairs forced into the output.
    """
    from glossar.mt.mend import put_term

    todo = {
        i: [m for m in matches[i] if not english_present(targets[i], m.accepted_english)]
        for i in aligned
        if _stopped(aligned[i])
    }
    todo = {i: ms for i, ms in todo.items() if ms}
    forced: dict[int, set[tuple[str, str]]] = {}
    banned: dict[int, list[str]] = {i: [] for i in todo}
    fixed: dict[int, int] = dict.fromkeys(todo, 0)
    for _ in range(MAX_ROUNDS):
        batch: list[tuple[int, str, TermMatch]] = []
        for i, pending in todo.items():
            cur = aligned[i]
            best: tuple[TermMatch, tuple[int, int, str, list[str]]] | None = None
            for m in pending:
                slot = _slot(cur, m, fixed[i], sentences[i])
                if slot is not None and (best is None or slot[0] < best[1][0]):
                    best = (m, slot)
            if best is None:
                continue
            m, (a, b, term, ban) = best
            text, _, end = put_term(cur.text, a, b, term, m, sentences[i])
            batch.append((i, text[:end], m))
            banned[i] += [w for w in _variants(ban) if w not in banned[i]]
        if not batch:
            break
        results = engine.translate_prefixed(
            [sentences[i] for i, _, _ in batch],
            [p for _, p, _ in batch],
            [banned[i] for i, _, _ in batch],
            beam if REDECODE_BEAM is None else REDECODE_BEAM,
        )
        for (i, prefix, m), new in zip(batch, results, strict=True):
            todo[i].remove(m)
            rest = new.text[len(prefix) :] if new.text.startswith(prefix) else "?"
            if (
                (rest[:1].isalnum() or rest[:1] in "-'’")  # glued onto the term
                or more_german(new.text, targets[i])
                or not english_present(new.text, m.accepted_english)
                or _degenerate(new, cur_text=targets[i])
            ):
                continue  # the retry went wrong: post-editing takes this term
            aligned[i] = new
            targets[i] = new.text
            fixed[i] = len(prefix)
            forced.setdefault(i, set()).add((m.id, m.english))
        todo = {
            i: [m for m in ms if not english_present(targets[i], m.accepted_english)]
            for i, ms in todo.items()
        }
        todo = {i: ms for i, ms in todo.items() if ms}
        if not todo:
            break
    return forced


#: A word said this many times in a row is a decoding loop ("he's he's he's").
_LOOP = 3


def _degenerate(new: Aligned, cur_text: str) -> bool:
    """Whether a re-decoded output ran into a loop the first output did not have: it
    decoded to the length limit, or repeats a word :data:`_LOOP` times in a row (a
    tester's "… nts nts ntrentttrrrrrrrr … he's he's he's he's", shown as ✓ constrained)."""
    if not _stopped(new):
        return True
    return _longest_run(new.text) >= _LOOP > _longest_run(cur_text)


def _longest_run(text: str) -> int:
    """The most times one word follows itself in ``text``."""
    longest = run = 0
    previous = None
    for word in text.lower().split():
        run = run + 1 if word == previous else 1
        previous = word
        longest = max(longest, run)
    return longest


def choose(
    engine: object,
    sentences: Sequence[str],
    edited: list[tuple[str, list[Any]]],
    decoded: list[tuple[str, list[Any]]],
    forced: dict[int, set[tuple[str, str]]],
) -> list[tuple[str, list[Any]]]:
    """Per re-decoded sentence, the post-edited or the re-decoded result.

    The model decides: the output with the higher mean log-probability per token given
    the German (CTranslate2 ``score_batch``; one teacher-forced pass, no search) wins,
    provided it has every term the other has. An engine that cannot score keeps the
    re-decoded output. Sentences that were not re-decoded are the same in both.
    """
    out = list(decoded)
    idx = [i for i in sorted(forced) if edited[i][0] != decoded[i][0]]
    score = getattr(engine, "score", None)
    if not idx or score is None:
        return out
    found = {i: (_found(edited[i][1]), _found(decoded[i][1])) for i in idx}
    cands = [edited[i][0] for i in idx] + [decoded[i][0] for i in idx]
    scores = score([sentences[i] for i in idx] * 2, cands)
    for k, i in enumerate(idx):
        e, d = scores[k], scores[k + len(idx)]
        if found[i][0] >= found[i][1] and e > d:
            out[i] = edited[i]
    return out


def _found(checks: list[Any]) -> int:
    return sum(1 for c in checks if c.found)
