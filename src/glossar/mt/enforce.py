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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossar.glossary.model import Entry, Glossary
from glossar.mt.engine import Aligned, Engine
from glossar.terms.match import TermMatch
from glossar.text.english import IRREGULAR_PLURALS, english_present, english_term_pattern
from glossar.text.language import more_german

__all__ = [
    "PLACEHOLDER_PREFIX",
    "Recogniser",
    "TermCheck",
    "aligned_span",
    "default_recogniser",
    "enforce",
    "english_present",
    "indefinite_article",
    "pluralise",
]

Recogniser = Callable[[str, Glossary], list[TermMatch]]

PLACEHOLDER_PREFIX = "GLZ"
_WORD_CHAR = re.compile(r"[\w'’]")
_SENTENCE_START = re.compile(r"(^|[.!?:]\s+)[\"'„“‚‘«»(\[]*\s*$")


@dataclass(frozen=True, slots=True)
class TermCheck:
    """One glossary entry in one segment: is its English in the translation?

    ``method`` says how it got there (``model``, ``replaced``, ``aligned``,
    ``placeholder``, ``inserted``) or ``missing``; it is not part of the JSON contract.
    """

    id: str
    de: str
    en: str
    found: bool
    method: str = "model"

    def to_dict(self) -> dict[str, object]:
        """The contract's term object in ``translate --json``."""
        return {"id": self.id, "de": self.de, "en": self.en, "found": self.found}


def default_recogniser() -> Recogniser:
    """``glossar.terms.recognise.find_terms`` (imported on first use)."""
    from glossar.terms.recognise import find_terms

    return find_terms


# --- finding English terms ------------------------------------------------------------


# --- mending the English around an inserted term ---------------------------------------

_AN_EXCEPTIONS = ("eu", "uni", "use", "usu", "one", "once", "ur")
_AN_LETTERS = set("AEFHILMNORSX")  # letters whose name starts with a vowel sound


def indefinite_article(term: str) -> str:
    """``a`` or ``an`` for ``term`` (spelling heuristics; acronyms by letter name)."""
    word = term.split()[0] if term.split() else term
    if len(word) > 1 and word.isupper():
        return "an" if word[0] in _AN_LETTERS else "a"
    low = word.lower()
    if low.startswith(("hour", "honest", "honour", "heir")):
        return "an"
    if low.startswith(_AN_EXCEPTIONS):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


_INVARIANT = frozenset(
    [
        "aircraft",
        "spacecraft",
        "personnel",
        "equipment",
        "information",
        "unrest",
        "police",
        "news",
        "media",
        "evidence",
        "support",
        "power",
        "sheep",
        "series",
        "species",
        "offspring",
    ]
)


_KEPT = ("model", "constrained")
_MAN_S = frozenset(["human", "german", "roman", "shaman", "talisman", "ottoman", "caiman"])


def pluralise(term: str) -> str:
    """English plural of ``term``'s head noun (regular rules; ``X of Y`` pluralises X)."""
    if " of " in term:
        first, _, rest = term.partition(" of ")
        return f"{pluralise(first)} of {rest}"
    head, _, last = term.rpartition(" ")
    if last.lower() in _INVARIANT or (last.isupper() and len(last) > 1):
        return term
    irregular = IRREGULAR_PLURALS.get(last.lower())
    if irregular is None and last.lower().endswith("man") and last.lower() not in _MAN_S:
        irregular = last.lower()[:-3] + "men"  # policeman, chairman
    if irregular is not None:
        last = last[:1] + irregular[1:]
        return f"{head} {last}" if head else last
    if last.endswith("s") and not last.endswith(("ss", "us", "is", "as", "os")):
        return term  # already plural ("riots", "ground troops")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


def _german_is_plural(match: TermMatch, rendering: str) -> bool:
    entry = match.entry
    if entry.kind != "term" or match.variant == "abbr" or entry.pos != "noun":
        return False
    surface = match.text.casefold()
    if entry.plural and entry.plural.casefold() != entry.de.casefold():
        plural = entry.plural.casefold()
        if surface in (plural, plural + "n"):
            return True
    last = rendering.split()[-1] if rendering.split() else ""
    return (
        last.endswith("s")
        and not last.endswith("ss")
        and rendering.casefold() != surface
        and rendering.isascii()
        and surface != entry.de.casefold()
        and not (entry.genitive and surface == entry.genitive.casefold())
    )


def _capitalise(term: str) -> str:
    return term[:1].upper() + term[1:]


def _put(text: str, start: int, end: int, term: str, plural: bool = False) -> tuple[str, int, int]:
    """Replace ``text[start:end]`` by ``term`` and mend article and capital letter.

    ``plural``: the term was made plural, so an ``a``/``an`` before it goes.
    """
    before, after = text[:start], text[end:]
    art = re.search(r"(?<![\w])(an?|An?|AN?)(\s+)$", before)
    if art and plural:
        capital = art.group(1)[0].isupper()
        before = before[: art.start(1)]
        if capital:
            term = _capitalise(term)
        art = None
    if _SENTENCE_START.search(before):
        term = _capitalise(term)
    if art:
        wanted = indefinite_article(term)
        old = art.group(1)
        new = wanted if old.islower() else _capitalise(wanted)
        if old.isupper() and len(old) > 1:
            new = wanted.upper()
        before = before[: art.start(1)] + new + art.group(2)
    if before and not before[-1].isspace() and before[-1] not in "„“\"'(«‚‘-/":
        before += " "
    if after and not after[0].isspace() and after[0] not in ".,;:!?)»“”\"'’-/":
        term += " "
    return before + term + after, len(before), len(before) + len(term)


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


# --- locating the model's rendering of a term ----------------------------------------


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


def _placeholder(n: int) -> str:
    return PLACEHOLDER_PREFIX + chr(ord("A") + n % 26) + ("" if n < 26 else str(n // 26))


# --- the layer -------------------------------------------------------------------------


@dataclass(slots=True)
class _Pending:
    """One entry of one sentence still to be enforced."""

    match: TermMatch
    english: str
    missing: bool = True


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


def _overlap(edit: tuple[int, int, str, str], span: tuple[int, int]) -> bool:
    return edit[0] < span[1] and span[0] < edit[1]


def _deprecated_edit(text: str, entry: Entry, english: str) -> tuple[int, int, str, str] | None:
    """Where a deprecated English term stands in ``text``, and what replaces it."""
    for old in entry.en_deprecated:
        m = english_term_pattern(old).search(text)
        if m:
            term = english
            said = m.group(0).lower()
            if said.endswith("s") and not said.endswith(("'s", "’s")) and not old.endswith("s"):
                plural = pluralise(term)
                return (m.start(), m.end(), plural, "replaced" + ("-plural" * (plural != term)))
            return (m.start(), m.end(), term, "replaced")
    return None


def _plural_if(match: TermMatch, rendering: str, english: str) -> str:
    return pluralise(english) if _german_is_plural(match, rendering) else english


def enforce(
    engine: Engine,
    sentences: Sequence[str],
    *,
    glossary: Glossary | None,
    beam: int = 4,
    recognise: Recogniser | None = None,
    constrained: bool = True,
) -> list[tuple[str, list[TermCheck]]]:
    """Translate ``sentences`` with ``engine`` and enforce the glossary's English terms.

    Returns one ``(target, checks)`` per sentence. With ``glossary=None`` this is a
    plain translation with no checks. ``constrained``: an engine that decodes with a
    forced prefix (:mod:`glossar.mt.constrain`) writes missing terms itself first;
    post-editing handles what is left.
    """
    sentences = list(sentences)
    if glossary is None or len(glossary) == 0:
        return [(t, []) for t in engine.translate_batch(sentences, beam)]
    find = recognise or default_recogniser()
    # only sure hits are enforced: an unsure one (several senses) is a suggestion
    matches = [
        _group_matches([m for m in find(s, glossary) if getattr(m, "sure", True)])
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
    else:
        plain = list(range(len(sentences)))
    if plain:
        for i, t in zip(
            plain, engine.translate_batch([sentences[i] for i in plain], beam), strict=True
        ):
            targets[i] = t

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
        # spans in the model's own output: the English it already got right is kept
        edits: list[tuple[int, int, str, str]] = [
            (found.start(), found.end(), "", "keep")
            for m in matches[i]
            for term in m.accepted_english
            for found in english_term_pattern(term).finditer(text)
        ]
        for m in matches[i]:
            english = m.english
            if english_present(text, m.accepted_english):
                how = "constrained" if (m.id, english) in forced.get(i, ()) else "model"
                checks[i].append(TermCheck(m.id, m.entry.de, english, True, how))
                continue
            edit = None
            span = aligned_span(aligned[i], m.start, m.end) if i in aligned else None
            deprecated = _deprecated_edit(text, m.entry, english)
            if deprecated is not None and (span is None or _overlap(deprecated, span)):
                edit = deprecated
            elif span is not None:
                a, b = span
                term = _plural_if(m, text[a:b], english)
                edit = (a, b, term, "aligned" if term == english else "aligned-plural")
            if edit is not None and not any(e[0] < edit[1] and edit[0] < e[1] for e in edits):
                edits.append(edit)
                method = edit[3].removesuffix("-plural")
                checks[i].append(TermCheck(m.id, m.entry.de, english, True, method))
                continue
            retry.setdefault(i, []).append(_Pending(m, english))
            checks[i].append(TermCheck(m.id, m.entry.de, english, False, "missing"))
        for a, b, term, method in sorted(edits, reverse=True):
            if method != "keep":
                text = _put(text, a, b, term, method.endswith("-plural"))[0]
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

    # final truth: is the English really there?
    out = []
    for i, target in enumerate(targets):
        final = []
        for c in checks[i]:
            m = next(m for m in matches[i] if m.id == c.id and m.english == c.en)
            present = english_present(target, m.accepted_english)
            method = c.method if present else "missing"
            final.append(TermCheck(c.id, c.de, c.en, present, method))
        out.append((target, final))
    return out


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
        text = _restore_placeholders(out, named)
        if text is not None and _no_worse(text, targets[i], matches[i], [p for _, p in named]):
            method = "placeholder"
        else:
            text = targets[i]
            missing = [p for _, p in named if p.missing]
            keep = [c.en for c in checks[i]]
            for pending in sorted(missing, key=lambda p: p.match.start, reverse=True):
                frac = pending.match.start / max(len(sentences[i]), 1)
                term = _plural_if(pending.match, "", pending.english)
                text = _insert_at_fraction(text, frac, term, keep, term != pending.english)
            method = "inserted"
        targets[i] = text
        ids = {(p.match.id, p.english) for _, p in named if p.missing or method == "placeholder"}
        checks[i] = [
            TermCheck(c.id, c.de, c.en, True, method) if (c.id, c.en) in ids else c
            for c in checks[i]
        ]


def _restore_placeholders(out: str, named: list[tuple[str, _Pending]]) -> str | None:
    """``out`` with each placeholder replaced by its term, or None if one was dropped."""
    text = out
    for ph, pending in named:
        m = re.search(rf"(?<![\w]){ph}(?![\w])", text, re.IGNORECASE)
        if m is None:
            return None
        term = _plural_if(pending.match, "", pending.english)
        text = _put(text, m.start(), m.end(), term, term != pending.english)[0]
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


def _insert_at_fraction(
    text: str, frac: float, term: str, keep: Sequence[str] = (), plural: bool = False
) -> str:
    """Insert ``term`` before the word at relative position ``frac``, never inside ``keep``."""
    words = list(re.finditer(r"\S+", text))
    if not words:
        return term
    k = min(int(round(frac * len(words))), len(words))
    pos = words[k].start() if k < len(words) else len(text.rstrip(" .!?"))
    for other in keep:
        for m in english_term_pattern(other).finditer(text):
            if m.start() < pos < m.end():
                pos = m.end()
    return _put(text, pos, pos, term, plural)[0]
