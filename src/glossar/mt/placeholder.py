"""The placeholder pass of glossary enforcement: translate again with the term held out.

When a term is still missing and the engine gave no attention to find its rendering,
the sentence is translated again with the term replaced by a placeholder the model
copies through, and the placeholder is restored. The retry is kept only if it is no
worse than the first output; otherwise the missing term is inserted into the first
output at the relative position of the German term (steps 4 and 5 of
:mod:`glossar.mt.enforce`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from glossar.mt.checks import TermCheck
from glossar.mt.engine import Engine
from glossar.mt.mend import _put, put_term, term_in_form
from glossar.terms.match import TermMatch
from glossar.text.english import english_present, english_term_pattern
from glossar.text.language import more_german

PLACEHOLDER_PREFIX = "GLZ"
#: A determiner right before an insertion point: the insertion goes before it.
_DETERMINER_BEFORE = re.compile(
    r"(?<!\w)(?:the|a|an|this|these|those|his|its|their|our)\s+\Z", re.IGNORECASE
)


def _placeholder(n: int) -> str:
    return PLACEHOLDER_PREFIX + chr(ord("A") + n % 26) + ("" if n < 26 else str(n // 26))


@dataclass(slots=True)
class _Pending:
    """One entry of one sentence still to be enforced."""

    match: TermMatch
    english: str
    missing: bool = True


def _placeholder_pass(
    engine: Engine,
    sentences: list[str],
    targets: list[str],
    checks: list[list[TermCheck]],
    retry: dict[int, list[_Pending]],
    matches: list[list[TermMatch]],
) -> None:
    """Translate the segments in ``retry`` again with placeholders for their terms.

    The result replaces the first output only if it is no worse (:func:`_no_worse`);
    otherwise the missing terms are inserted into the first output.
    """
    order = sorted(retry)
    marked: list[str] = []
    names: dict[int, list[tuple[str, _Pending]]] = {}
    for i in order:
        src = sentences[i]
        items = sorted(retry[i], key=lambda p: p.match.start, reverse=True)
        named = []
        for n, pending in enumerate(items):
            ph = _placeholder(n)
            src = src[: pending.match.start] + ph + src[pending.match.end :]
            named.append((ph, pending))
        marked.append(src)
        names[i] = named
    # greedy: this pass only has to carry placeholders through, and it must stay cheap
    outputs = engine.translate_batch(marked, 1)
    for i, out in zip(order, outputs, strict=True):
        named = names[i]
        text = _restore_placeholders(out, named, sentences[i])
        if text is not None and _no_worse(text, targets[i], matches[i], [p for _, p in named]):
            method = "placeholder"
        else:
            text = targets[i]
            missing = [p for _, p in named if p.missing]
            keep = [c.en for c in checks[i]]
            for pending in sorted(missing, key=lambda p: p.match.start, reverse=True):
                frac = pending.match.start / max(len(sentences[i]), 1)
                term = term_in_form(pending.match, "", pending.english, "", sentences[i])
                text = _insert_at_fraction(text, frac, term, keep, pending.match, sentences[i])
            method = "inserted"
        targets[i] = text
        ids = {(p.match.id, p.english) for _, p in named if p.missing or method == "placeholder"}
        checks[i] = [
            TermCheck(c.id, c.de, c.en, True, method) if (c.id, c.en) in ids else c
            for c in checks[i]
        ]


def _restore_placeholders(
    out: str, named: list[tuple[str, _Pending]], source: str = ""
) -> str | None:
    """``out`` with each placeholder replaced by its term, or None if one was dropped;
    ``source``: the German sentence (the number and tense the terms take)."""
    text = out
    for ph, pending in named:
        m = re.search(rf"(?<![\w]){ph}(?![\w])", text, re.IGNORECASE)
        if m is None:
            return None
        term = term_in_form(pending.match, "", pending.english, text[: m.start()], source)
        text = put_term(text, m.start(), m.end(), term, pending.match, source)[0]
    return text


def _no_worse(
    candidate: str, first: str, matches: Sequence[TermMatch], wanted: Sequence[_Pending]
) -> bool:
    """Whether a retried translation may replace the first one.

    It must keep every term the first output already had, have every term it was made
    for, and read no more German than the first output: a retry that loses English, or
    an engine that copies an unfamiliar (placeholder-marked) sentence back in German,
    must not overwrite a good translation.
    """
    for m in matches:
        accepted = m.accepted_english
        if english_present(first, accepted) and not english_present(candidate, accepted):
            return False
    if not all(english_present(candidate, p.match.accepted_english) for p in wanted):
        return False
    return not more_german(candidate, first)


#: Words that are capitalised only because they open a sentence.
_SENTENCE_OPENERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "it", "there", "he", "she", "they"]
    + ["we", "is", "are", "was", "were", "in", "on", "at", "with", "and", "but", "as"]
)


#: German titles and roles right before a name (Präsident Tokajew, Kremlchef Putin).
_GERMAN_TITLE_BEFORE = re.compile(
    r"(?<![\w-])(?=[A-ZÄÖÜ])[\w-]*?(?:präsident|präsidentin|chef|chefin|minister|ministerin|"
    r"kanzler|kanzlerin|sprecher|sprecherin|führer|führerin|leiter|leiterin|könig|königin|"
    r"premier|premierministerin?|sekretär|sekretärin|general|gouverneur)\s+$",
    re.IGNORECASE,
)
#: The English of such a title at an insertion point: a determiner, up to two words, the
#: title ("A Kremlin leader", "President").
_ENGLISH_TITLE_AT = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?(?:president|leader|chief|head|minister|"
    r"chancellor|spokesman|spokeswoman|spokesperson|premier|king|queen|secretary|general|"
    r"governor)\b(?:\s+of\s+(?:state|government)\b|-general\b|\s+general\b)?",
    re.IGNORECASE,
)


def _past_the_title(text: str, pos: int, match: TermMatch | None, source: str) -> int | None:
    """Where a name goes that the German writes after a title ("Präsident Tokajew",
    "Kremlchef Wladimir Putin") when the insertion point is at the English title: after
    it (a tester's "Tokayev President", "Vladimir Putin A Kremlin leader"); else None."""
    if match is None or not source or match.entry.pos != "proper-noun":
        return None
    if _GERMAN_TITLE_BEFORE.search(source, max(0, match.start - 40), match.start) is None:
        return None
    start = pos
    determiner = _DETERMINER_BEFORE.search(text, 0, pos)
    if determiner is not None:  # the point may be inside "A | Kremlin leader"
        start = determiner.start()
    title = _ENGLISH_TITLE_AT.match(text, start)
    return title.end() if title is not None else None


def _doubled(text: str, pos: int, term: str) -> bool:
    """Would ``term`` put at ``pos`` stand right beside the same word (a tester's "This is
    a president president": Staatschef's English inserted after Präsident's)?"""
    words = term.split()
    if not words:
        return False
    before = re.search(r"([\w'’-]+)\W*\Z", text[:pos])
    after = re.match(r"\W*([\w'’-]+)", text[pos:])
    return bool(
        (before and before[1].casefold() == words[-1].casefold())
        or (after and after[1].casefold() == words[0].casefold())
    )


def _insert_at_fraction(
    text: str,
    frac: float,
    term: str,
    keep: Sequence[str] = (),
    match: TermMatch | None = None,
    source: str = "",
) -> str:
    """Insert ``term`` before the word at relative position ``frac``, never inside ``keep``."""
    words = list(re.finditer(r"\S+", text))
    if not words:
        return term
    k = min(int(round(frac * len(words))), len(words))
    pos = words[k].start() if k < len(words) else len(text.rstrip(" .!?"))
    # a verb idiom may stand without its "be" ("was at stake"): kept as written too
    kept = [*keep, *(t[3:] for t in keep if t.lower().startswith("be ") and len(t) > 3)]
    for other in kept:
        for m in english_term_pattern(other).finditer(text):
            if m.start() < pos < m.end():
                pos = m.end()
    after_title = _past_the_title(text, pos, match, source)
    if after_title is not None:
        pos = after_title
    else:
        determiner = _DETERMINER_BEFORE.search(text, 0, pos)
        if determiner is not None:  # not between "the" and its noun ("the say Kremlin")
            pos = determiner.start()
    if _doubled(text, pos, term):
        return text  # "a president president": the term stays missing, and says so
    if not text[:pos].strip(" \"'„“«»(") or text[:pos].rstrip().endswith((".", "!", "?")):
        # the term now opens the sentence: the model's first word no longer does
        # (a tester's "Moscow This is …")
        first = re.match(r"[A-Z][a-z]*\b", text[pos:])
        if first is not None and first.group().lower() in _SENTENCE_OPENERS:
            text = text[:pos] + first.group().lower() + text[pos + first.end() :]
    if match is None:
        return _put(text, pos, pos, term)[0]
    return put_term(text, pos, pos, term, match, source)[0]
