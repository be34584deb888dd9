"""Glossary enforcement: a replaceable layer over any :class:`~glossar.mt.engine.Engine`.

Method (measured and argued in docs/terminology.md), per sentence and per glossary
entry recognised in the German:

1. ``model``: the plain translation already contains the preferred or an admitted
   English term, in any inflection :mod:`glossar.text.english` accepts ("intervened",
   "rushed to help", "allies") — nothing to do.
2. ``replaced``: it contains a deprecated English term — that is swapped.
3. ``aligned``: the engine returned cross-attention; the target words that attend to
   the term's source tokens are the model's rendering, replaced by the glossary term.
4. ``placeholder``: no attention: the sentence is translated again with the term
   replaced by a placeholder the model copies through; the placeholder is restored.
   The retry is kept only if it is no worse than the first output: every term that
   was there still is, the missing ones are added, and it reads no more German.
5. ``inserted``: nothing else worked (the placeholder was dropped or the retry was
   worse): the term goes into the first output at the relative position of the
   German term; the rest of the model's output is kept as it was.

After each edit the English is mended: ``a``/``an`` before the term, a capital at the
start of the sentence, a plural when the German form was plural.

Steps 1 to 3 and the final check are here; steps 4 and 5 are
:mod:`glossar.mt.placeholder`, the mending :mod:`glossar.mt.mend`, what each term
reports (:class:`~glossar.mt.checks.TermCheck`) :mod:`glossar.mt.checks`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from glossar.glossary.model import Entry, Glossary
from glossar.mt.checks import Recogniser, TermCheck, default_recogniser
from glossar.mt.determiners import modifies_noun, takes_the
from glossar.mt.engine import Aligned, Engine
from glossar.mt.mend import (
    pluralise,
    put_term,
    slot_term,
    takes_verb_form,
    term_in_form,
)
from glossar.mt.placeholder import _Pending, _placeholder_pass
from glossar.terms.match import TermMatch, english_may_go
from glossar.text.english import english_claims, english_term_pattern

__all__ = ["aligned_span", "enforce", "term_slot"]

_WORD_CHAR = re.compile(r"[\w'’]")
_KEPT = ("model", "constrained")


# --- locating the model's rendering of a term ----------------------------------------


def _word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``text[start:end]`` (stripped) to whole words."""
    while start < end and not _WORD_CHAR.match(text[start]):
        start += 1
    while end > start and not _WORD_CHAR.match(text[end - 1]):
        end -= 1
    if start == end:
        return start, end
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    while end > start and text[end - 1] in "-'’":
        end -= 1
    while start < end and text[start] in "-'’":
        start += 1
    return start, end


def term_slot(aligned: Aligned, match: TermMatch, source: str) -> tuple[int, int] | None:
    """:func:`aligned_span` of ``match``, widened to a whole hyphenated English word
    unless the German term is itself a hyphen modifier (OVKS-Truppen: "CSTO troops",
    Moskau-treu: "Moscow-loyal"): a tester's "middle-aged" became "Intervened-aged"."""
    span = aligned_span(aligned, match.start, match.end)
    if span is None or aligned.text[span[0] : span[1]].lower() in _FUNCTION_WORDS:
        # attention on "the", "is", "of" alone: English the model got right, no rendering
        # of the term ("in the middle of" became "in US middle of")
        return None
    span = _past_determiner(aligned.text, span, match)
    span = _without_edge_function_words(aligned.text, span, match)
    if source[match.end : match.end + 1] == "-":
        return span
    text = aligned.text
    a, b = span
    verb = takes_verb_form(match)
    while a > 1 and text[a - 1] == "-" and text[a - 2].isalnum():
        left = a - 1
        while left > 0 and _WORD_CHAR.match(text[left - 1]):
            left -= 1
        if not verb and _affix_half(text[left : a - 1]):
            break  # "anti-government": the term takes "government"'s place only
        a = left
    while b < len(text) - 1 and text[b] == "-" and text[b + 1].isalnum():
        right = b + 1
        while right < len(text) and _WORD_CHAR.match(text[right]):
            right += 1
        if not verb and _affix_half(text[b + 1 : right]):
            break  # "Moscow-backed": "Kremlin-backed" keeps what the half says
        b = right
    return a, b


#: Halves of a hyphenated English word that say something of their own next to a noun
#: ("Moscow-backed", "pro-Russian"): a noun replaces only the other half.
_AFFIXES = frozenset(
    ["led", "run", "born", "made", "style", "friendly", "free", "wide", "like", "type"]
    + ["pro", "anti", "ex", "non", "post", "pre", "neo", "semi", "quasi", "pan", "mid"]
)


def _without_edge_function_words(
    text: str, span: tuple[int, int], match: TermMatch
) -> tuple[int, int]:
    """``span`` without function words at its edges that the term does not have: the
    attention of a term may take in the model's "is" after its noun (a tester's "The
    military worker is getting ready" became "The military alliance getting ready")."""
    a, b = span
    own = {w.lower() for w in re.findall(r"[A-Za-z]+", match.english)}
    words = [m for m in re.finditer(r"[A-Za-z]+(?:['’][a-z]+)?", text[a:b])]
    while len(words) > 1 and words[-1].group().lower() in _FUNCTION_WORDS - own:
        words.pop()
    while len(words) > 1 and words[0].group().lower() in _FUNCTION_WORDS - own:
        words.pop(0)
    if not words:
        return span
    first, last = words[0], words[-1]
    start = a + first.start() if first.start() > 0 else a
    end = a + last.end() if last.end() < b - a else b
    return start, end


def _affix_half(word: str) -> bool:
    """Whether ``word``, one half of a hyphenated word, is an affix or a participle."""
    low = word.lower()
    return low in _AFFIXES or (len(low) > 4 and low.endswith(("ed", "ing")))


#: English words that are no rendering of a glossary term on their own.
_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "is", "are", "was", "were", "be", "been", "of", "in", "on", "at"]
    + ["to", "for", "with", "by", "from", "and", "or", "this", "that", "these", "those"]
    + ["it", "its", "their", "his", "her", "our", "they", "he", "she", "we", "has", "have"]
)
#: A determiner the model wrote at the start of a slot ("the crim" for "die Regierung").
_DETERMINER = re.compile(
    r"(?:the|this|that|these|those|a|an|its|their|his|her|our|my|your)\s+", re.IGNORECASE
)


def _past_determiner(text: str, span: tuple[int, int], match: TermMatch) -> tuple[int, int]:
    """``span`` without a determiner it starts with, so the term goes after it: a tester's
    "die Regierung" became "Government just finished", "In den USA" "In US arts"
    (a verb's slot and a term that brings its own determiner keep theirs)."""
    a, b = span
    found = _DETERMINER.match(text, a, b)
    if found is None or found.end() >= b or takes_verb_form(match):
        return span
    if _DETERMINER.match(match.english):  # "the straw that broke the camel's back"
        return span
    if not match.english[:1].islower() and not takes_the(match):
        return span  # a name without an article: "The alliance" for Nato is "NATO"
    return found.end(), b


def aligned_span(aligned: Aligned, start: int, end: int) -> tuple[int, int] | None:
    """Target character span that renders source characters ``start:end``, by attention."""
    if not aligned.attention or not aligned.source_spans or not aligned.target_spans:
        return None
    src = {i for i, (a, b) in enumerate(aligned.source_spans) if a < end and b > start}
    if not src:
        return None
    rows = aligned.attention[: len(aligned.target_spans)]
    chosen = [
        t for t, row in enumerate(rows) if row and max(range(len(row)), key=row.__getitem__) in src
    ]
    if not chosen:
        mass = [sum(row[s] for s in src if s < len(row)) for row in rows]
        if not mass:
            return None
        chosen = [max(range(len(mass)), key=mass.__getitem__)]
    # keep the contiguous run around the strongest target token
    mass = {t: sum(rows[t][s] for s in src if s < len(rows[t])) for t in chosen}
    best = max(chosen, key=lambda t: mass[t])
    run = {best}
    lo = hi = best
    while lo - 1 in chosen:
        lo -= 1
        run.add(lo)
    while hi + 1 in chosen:
        hi += 1
        run.add(hi)
    a = aligned.target_spans[lo][0]
    b = aligned.target_spans[hi][1]
    a, b = _word_span(aligned.text, a, b)
    return (a, b) if a < b else None


# --- the layer -------------------------------------------------------------------------


def _group_matches(matches: list[TermMatch]) -> list[TermMatch]:
    """First match per entry and expected English (one check each per segment)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for m in matches:
        key = (m.entry.id, m.english)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _overlap(edit: tuple[int, int, str], span: tuple[int, int]) -> bool:
    return edit[0] < span[1] and span[0] < edit[1]


def _deprecated_found(
    text: str, entry: Entry, modifier: bool = False
) -> list[tuple[str, re.Match[str]]]:
    """Where ``entry``'s deprecated English stands in ``text``, with the deprecated term:
    not where what its pattern finds is the entry's own English ("blood bath" finds
    "bloodbath"), nor, where the German name is a ``modifier`` (Ukraine-Krise, "die
    Krise der Ukraine"), a deprecated "the Ukraine" whose "the" is the noun's after it
    ("the Ukraine crisis"; "the Ukraine faces" still goes)."""
    from glossar.mt.determiners import noun_after

    own = [english_term_pattern(term) for term in (entry.en, *entry.en_alt, *entry.en_abbr)]
    return [
        (old, m)
        for old in entry.en_deprecated
        for m in english_term_pattern(old).finditer(text)
        if not any(p.fullmatch(m.group(0)) for p in own)
        and not (modifier and old.lower().startswith("the ") and noun_after(text, m.end()))
    ]


def _deprecated_edit(
    text: str, entry: Entry, english: str, modifier: bool = False
) -> tuple[int, int, str] | None:
    """Where a deprecated English term stands in ``text``, and what replaces it."""
    for old, m in _deprecated_found(text, entry, modifier):
        said = m.group(0).lower()
        if said.endswith("s") and not said.endswith(("'s", "’s")) and not old.endswith("s"):
            return m.start(), m.end(), pluralise(english)
        return m.start(), m.end(), english
    return None


def enforce(
    engine: Engine,
    sentences: Sequence[str],
    *,
    glossary: Glossary | None,
    beam: int = 4,
    recognise: Recogniser | None = None,
    constrained: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[str, list[TermCheck]]]:
    """Translate ``sentences`` with ``engine`` and enforce the glossary's English terms.

    Returns one ``(target, checks)`` per sentence. With ``glossary=None`` this is a
    plain translation with no checks. ``constrained``: an engine that decodes with a
    forced prefix (:mod:`glossar.mt.constrain`) writes missing terms itself first;
    post-editing handles what is left. ``progress(done, total)`` counts the sentences
    decoded (an engine with ``on_progress``); the last one counts once every sentence
    is enforced (constrained decoding and retries take a while after the first pass).
    """
    sentences = list(sentences)
    wordless = [i for i, s in enumerate(sentences) if not _has_letters(s)]
    if wordless:
        # a page number, a rule of dashes, a score: copied, never given to the model (a
        # small model wrote "2 2 2 2." for a PDF's page number "2")
        skip = set(wordless)
        rest = [s for i, s in enumerate(sentences) if i not in skip]
        n = len(wordless)
        shifted = None if progress is None else (lambda d, t: progress(d + n, t + n))
        done = iter(
            enforce(
                engine,
                rest,
                glossary=glossary,
                beam=beam,
                recognise=recognise,
                constrained=constrained,
                progress=shifted,
            )
        )
        if progress is not None and not rest:
            progress(n, n)  # (nothing for the model: every sentence is done)
        return [(s, []) if i in skip else next(done) for i, s in enumerate(sentences)]
    total = len(sentences)
    if progress is None or not hasattr(engine, "on_progress") or not total:
        return _enforce(engine, sentences, glossary, beam, recognise, constrained, None)
    decoded = 0  # sentences of the first pass decoded by the engine's earlier calls

    def first_pass(done: int, _call_total: int) -> None:
        progress(min(decoded + done, total - 1), total)

    def call_done(n: int) -> None:
        nonlocal decoded
        decoded += n
        if decoded >= total:
            engine.on_progress = None  # type: ignore[attr-defined]  # (later passes)

    engine.on_progress = first_pass  # type: ignore[attr-defined]
    try:
        out = _enforce(engine, sentences, glossary, beam, recognise, constrained, call_done)
    finally:
        engine.on_progress = None  # type: ignore[attr-defined]
    progress(total, total)
    return out


def _has_letters(sentence: str) -> bool:
    """Does ``sentence`` hold a letter (a word to translate)?"""
    return any(c.isalpha() for c in sentence)


def _enforce(
    engine: Engine,
    sentences: list[str],
    glossary: Glossary | None,
    beam: int,
    recognise: Recogniser | None,
    constrained: bool,
    call_done: Callable[[int], None] | None,
) -> list[tuple[str, list[TermCheck]]]:
    """:func:`enforce`; ``call_done(n)`` after each call of the first pass (n sentences)."""
    if glossary is None or len(glossary) == 0:
        return [(t, []) for t in engine.translate_batch(sentences, beam)]
    find = recognise or default_recogniser()
    # only sure hits are enforced: an unsure one (several senses) is a suggestion, and
    # a part of a closed compound (Regierung in Regierungschef: "prime minister") or a
    # place modifying a hyphenated one (US-Präsidentschaft: "his presidency") is the
    # compound's to translate (as `check` judges it: english_may_go)
    matches = [
        _group_matches(
            [m for m in find(s, glossary) if getattr(m, "sure", True) and not english_may_go(s, m)]
        )
        for s in sentences
    ]

    with_terms = [i for i, ms in enumerate(matches) if ms]
    targets: list[str] = [""] * len(sentences)
    aligned: dict[int, Aligned] = {}
    plain = [i for i, ms in enumerate(matches) if not ms]
    translate_aligned = getattr(engine, "translate_aligned", None)
    if with_terms and translate_aligned is not None:
        for i, a in zip(
            with_terms, translate_aligned([sentences[i] for i in with_terms], beam), strict=True
        ):
            aligned[i] = a
            targets[i] = a.text
        if call_done is not None:
            call_done(len(with_terms))
    else:
        plain = list(range(len(sentences)))
    if plain:
        for i, t in zip(
            plain, engine.translate_batch([sentences[i] for i in plain], beam), strict=True
        ):
            targets[i] = t
        if call_done is not None:
            call_done(len(plain))

    if not (constrained and aligned and hasattr(engine, "translate_prefixed")):
        return _post_edit(engine, sentences, matches, targets, aligned, {})
    from glossar.mt.constrain import choose, constrain

    first, first_aligned = list(targets), dict(aligned)
    forced = constrain(engine, sentences, matches, aligned, targets, beam)  # type: ignore[arg-type]
    decoded = _post_edit(engine, sentences, matches, targets, aligned, forced)
    if not forced:
        return decoded
    edited = _post_edit(engine, sentences, matches, first, first_aligned, {})
    return choose(engine, sentences, edited, decoded, forced)


def _post_edit(
    engine: Engine,
    sentences: list[str],
    matches: list[list[TermMatch]],
    targets: list[str],
    aligned: dict[int, Aligned],
    forced: dict[int, set[tuple[str, str]]],
) -> list[tuple[str, list[TermCheck]]]:
    """Steps ``model`` to ``inserted`` on the outputs ``targets`` (changed in place)."""
    with_terms = [i for i, ms in enumerate(matches) if ms]
    checks: list[list[TermCheck]] = [[] for _ in sentences]
    retry: dict[int, list[_Pending]] = {}
    for i in with_terms:
        text = targets[i]
        # spans in the model's own output: the English it already got right is kept,
        # unless it stands inside a deprecated form ("Ukraine" in "the Ukraine")
        modifier = {id(m): modifies_noun(m, sentences[i]) for m in matches[i]}
        avoid = [
            (found.start(), found.end())
            for m in matches[i]
            for _old, found in _deprecated_found(text, m.entry, modifier[id(m)])
        ]
        keep: list[tuple[int, int]] = [
            (found.start(), found.end())
            for m in matches[i]
            for term in m.accepted_english
            for found in english_term_pattern(term).finditer(text)
            if not any(a <= found.start() and found.end() <= b for a, b in avoid)
        ]
        edits: list[tuple[int, int, str, TermMatch]] = []
        # one English occurrence stands for one German term (english_claims)
        present = english_claims(text, [m.accepted_english for m in matches[i]])
        for m, there in zip(matches[i], present, strict=True):
            english = m.english
            deprecated = _deprecated_edit(text, m.entry, english, modifier[id(m)])
            if there and deprecated is None:
                # the entry's English forced in for another of its hits (OVKS beside its
                # long name) is there by constraint, not by the model
                how = "constrained" if m.id in {f[0] for f in forced.get(i, ())} else "model"
                checks[i].append(TermCheck(m.id, m.entry.de, english, True, how))
                continue
            # the English term may be there inside a deprecated form ("the Ukraine"):
            # that form is replaced all the same
            edit = method = None
            span = term_slot(aligned[i], m, sentences[i]) if i in aligned else None
            if deprecated is not None and takes_verb_form(m):  # rejected → dismissed
                da, db = deprecated[0], deprecated[1]
                deprecated = (
                    da,
                    db,
                    term_in_form(m, text[da:db], english, text[:da], sentences[i]),
                )
            if deprecated is not None and (span is None or _overlap(deprecated, span)):
                edit, method = (*deprecated, m), "replaced"
            elif span is not None:
                a, term = slot_term(m, text, span[0], span[1], sentences[i])
                edit, method = (a, span[1], term, m), "aligned"
            taken = [*keep, *((e[0], e[1]) for e in edits)]
            if edit is not None and not any(a < edit[1] and edit[0] < b for a, b in taken):
                edits.append(edit)
                checks[i].append(TermCheck(m.id, m.entry.de, english, True, method))
                continue
            retry.setdefault(i, []).append(_Pending(m, english))
            checks[i].append(TermCheck(m.id, m.entry.de, english, False, "missing"))
        for a, b, term, m in sorted(edits, key=lambda e: e[0], reverse=True):
            text = put_term(text, a, b, term, m, sentences[i])[0]
        targets[i] = text
        if i in retry:  # the placeholder pass redoes every term the model did not render
            missing = {(p.match.id, p.english) for p in retry[i]}
            retry[i] = [
                _Pending(m, m.english, (m.id, m.english) in missing)
                for m in matches[i]
                if not any(
                    (c.id, c.en) == (m.id, m.english) and c.method in _KEPT for c in checks[i]
                )
            ]

    if retry:
        _placeholder_pass(engine, sentences, targets, checks, retry, matches)

    # final truth: is the English really there, one occurrence for one term?
    out = []
    for i, target in enumerate(targets):
        found = [
            next(m for m in matches[i] if m.id == c.id and m.english == c.en) for c in checks[i]
        ]
        claims = english_claims(target, [m.accepted_english for m in found])
        final = [
            TermCheck(c.id, c.de, c.en, there, c.method if there else "missing")
            for c, there in zip(checks[i], claims, strict=True)
        ]
        out.append((target, final))
    return out
