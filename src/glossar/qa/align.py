"""Pairing a translation's segments with the source's, even when one was dropped or merged.

Segments are lines, or blank-line paragraphs when both texts have them. When the counts
agree, segment *i* pairs with segment *i*. When they differ, pairing by position would
misalign everything after the first dropped or merged sentence and bury the one real
problem under false ones, so the texts are aligned as Gale & Church (1993) do: dynamic
programming over one-to-one, one-to-none, none-to-one, two-to-one and one-to-two
"beads", scored by how well the character lengths agree and whether the numbers agree.
A segment without a counterpart costs only its prior: in a checked translation a dropped
sentence is the case to find, not an outlier to avoid.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

from glossar.errors import BadInputError
from glossar.i18n import _
from glossar.qa.numbers import NumberMention, extract_numbers
from glossar.text.line_words import BLANK_LINE_FILL, QUOTE_MARKS

#: A blank line, or a line of an e-mail's quote marks alone (">"), which the segmenter and
#: so `translate` read as one too.
_BLANK_LINE = re.compile(rf"\n(?:{BLANK_LINE_FILL}\n)+")

#: English characters per German character: 0.95 on the bundled article's reference
#: translation (6,633 / 6,994); Gale & Church's variance of the ratio per character.
_RATIO = 0.95
_VARIANCE = 6.8
#: -log(prior) per bead shape (source count, target count). Gale & Church's shape, with
#: drops and merges made likelier (a checked translation is not a parliament's record);
#: tuned on the article with dropped, merged and inserted segments (tests/test_check.py).
_PRIORS = {
    (1, 1): -math.log(0.89),
    (1, 0): -math.log(0.02),
    (0, 1): -math.log(0.02),
    (2, 1): -math.log(0.02),
    (1, 2): -math.log(0.02),
}
#: Bead shapes in the order the programme tries them (ties go to the first).
_SHAPES = tuple(_PRIORS)
#: Cells the programme may fill before its band narrows (a few seconds at most) …
_MAX_CELLS = 400_000
#: … and the narrowest band it then keeps (cells per side): linear time and memory.
_MIN_BAND = 32
#: Weight of the shared-word-stem similarity (Dice over 4-letter prefixes of longer words:
#: names and cognates such as Putin, Russland/Russia, Militär/military, Proteste/protests).
_STEM_WEIGHT = 8.0
_STEM_WORD = re.compile(r"[^\W\d_]{5,}")
_FOLD = str.maketrans("äöüß", "aous")

#: Cost added per number that one side of a bead has and the other lacks (capped), and
#: bonus when both sides carry the same numbers: numbers are the best anchors news has.
_NUMBER_MISMATCH = 2.0
_NUMBER_MATCH = 2.0


@dataclass(frozen=True, slots=True)
class Bead:
    """Source segment indexes paired with target segment indexes (0-based; either may be empty)."""

    source: tuple[int, ...]
    target: tuple[int, ...]

    @property
    def one_to_one(self) -> bool:
        return len(self.source) == 1 and len(self.target) == 1


def has_paragraphs(text: str) -> bool:
    """Whether ``text`` has a blank line between two non-empty lines."""
    return bool(_BLANK_LINE.search(text.strip()))


def split_segments(text: str, paragraphs: bool) -> list[str]:
    """Non-empty segments: blank-line paragraphs (their lines joined by a space) or lines."""
    if paragraphs:
        blocks = _BLANK_LINE.split(text.strip())
        segments = [" ".join(_words(ln) for ln in b.splitlines() if _words(ln)) for b in blocks]
    else:
        segments = [_words(line) for line in text.splitlines()]
    return [s for s in segments if s]


def _words(line: str) -> str:
    """A line stripped, without an e-mail's quote marks."""
    line = line.strip()
    if line[:1] != ">":
        return line
    return line[QUOTE_MARKS.match(line).end() :].strip()  # type: ignore[union-attr]


def segment_texts(source_text: str, target_text: str) -> tuple[str, list[str], list[str]]:
    """(mode, source segments, target segments): paragraphs if both texts have blank
    lines, else lines; sentences when a text is wrapped at a width (a PDF's or an
    e-mail's: its sentences run over several lines, so its lines are no segments of the
    other's). A wrapped source is compared by sentences even where both have as many
    lines: a term over its line break ("Ausnah-⏎mezustand") is in no line (a tester's: a
    wrong term there passed)."""
    source_pairs = translated_segments(source_text, "<source>")
    if source_pairs is not None:  # translate's JSON against English text: its sentences
        english = english_sentences_of(target_text, wrapped=_english_wrapped(target_text))
        return "sentences", [source for source, _ in source_pairs], english
    paragraphs = has_paragraphs(source_text) and has_paragraphs(target_text)
    sources = split_segments(source_text, paragraphs)
    targets = split_segments(target_text, paragraphs)
    if paragraphs:
        return "paragraphs", sources, targets
    source_wrapped = _wrapped(source_text)
    target_wrapped = _english_wrapped(target_text)
    if source_wrapped or (len(sources) != len(targets) and target_wrapped):
        return (
            "sentences",
            sentences_of(source_text, wrapped=source_wrapped),
            english_sentences_of(target_text, wrapped=target_wrapped),
        )
    if max(len(sources), len(targets)) > 1.25 * min(len(sources), len(targets)):
        # a paragraph a line against a sentence a line (a CAT tool's export): compared
        # by sentences when they come closer in number than the lines do; not for a
        # line or two merged or dropped, which the count problem names
        german = sentences_of(source_text, wrapped=False)
        english = english_sentences_of(target_text, wrapped=False)
        if abs(len(german) - len(english)) < abs(len(sources) - len(targets)):
            return "sentences", german, english
    return "lines", sources, targets


def _wrapped(text: str) -> bool:
    """Is ``text`` wrapped at a width: do most of its line breaks go on with their
    sentence? (A text of a sentence a line has a few that look so: a line ending in
    "z. B.", a full line before a capital.)"""
    from glossar.text.line_breaks import soft_break

    soft = breaks = 0
    end = len(text.rstrip())  # (the file's last line break ends no line of text)
    nl = text.find("\n", 0, end)
    while nl >= 0:
        breaks += 1
        soft += soft_break(text, nl)
        nl = text.find("\n", nl + 1, end)
    return soft * 2 > breaks


#: How an English line that ends its sentence ends: its final mark, maybe a quotation's
#: or a bracket's close after it.
_ENGLISH_LINE_END = re.compile(r"[.!?…:;][\"”’')\]]*\s*\Z|\A\s*\Z")


def _english_wrapped(text: str) -> bool:
    """Is English ``text`` wrapped at a width: do most of its lines end inside a
    sentence? (The German rules of :func:`_wrapped` read an English "more than⏎$1.4
    billion" as two sentences.)"""
    lines = text.rstrip().splitlines()[:-1]  # (the last line ends the text)
    if not lines:
        return False
    inside = sum(_ENGLISH_LINE_END.search(line) is None for line in lines)
    return inside * 2 > len(lines)


def sentences_of(text: str, *, wrapped: bool = True) -> list[str]:
    """The sentences of German ``text``, each on one line with its line-end hyphens
    closed ("Kassym-⏎Schomart"). A text not ``wrapped`` is split line by line: its line
    ends are sentence ends (a headline's too), and no sentence runs over one."""
    from glossar.text.line_hyphens import unwrapped
    from glossar.text.segment import iter_sentences

    if not wrapped:
        return [s for line in text.splitlines() for s in sentences_of(line)]
    return [" ".join(unwrapped(s.text).split()) for s in iter_sentences(text)]


def english_sentences_of(text: str, *, wrapped: bool = True) -> list[str]:
    """The sentences of English ``text``, split as English writes them
    (:func:`english_sentences`: the German segmenter split "more than⏎$1.4 billion" at
    its line break), line-end hyphens closed; a text not ``wrapped`` line by line, a
    wrapped one block by block (a blank line ends a sentence)."""
    from glossar.text.line_hyphens import unwrapped

    blocks = text.splitlines() if not wrapped else _BLANK_LINE.split(text)
    return [s for block in blocks for s in english_sentences(unwrapped(block))]


def empty_target_lines(source_text: str, target_text: str) -> list[int]:
    """Source segments (0-based, lines) whose line the translation left blank.

    Only when the two texts have the same lines otherwise (every blank source line blank in
    the target, nothing beyond the source's last line): then a blank target line is a
    sentence not translated, which a user wants named, not reported as a count mismatch.
    """
    src = source_text.splitlines()
    tgt = target_text.splitlines()
    last = max((i for i, line in enumerate(src) if line.strip()), default=-1) + 1
    if len(tgt) < last or any(line.strip() for line in tgt[last:]):
        return []
    empty: list[int] = []
    segment = 0
    for i in range(last):
        if not src[i].strip():
            if tgt[i].strip():
                return []  # the lines are shifted: leave it to the aligner
            continue
        if not tgt[i].strip():
            empty.append(segment)
        segment += 1
    return empty


def translated_segments(text: str, name: str = "<target>") -> list[tuple[str, str]] | None:
    """The (source, target) pairs of a ``glossar translate --json`` document, else None.

    A text is such a document when it starts with ``{`` and parses as JSON with a
    ``segments`` list; one whose segments lack ``source``/``target`` strings is refused
    (:class:`BadInputError`) rather than checked as if it were English prose.
    """
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return None
    try:
        document = json.loads(stripped)
    except RecursionError:
        raise BadInputError(_("{name}: JSON nested too deeply").format(name=name)) from None
    except ValueError:  # not JSON (or an integer too long to read): checked as prose
        return None
    from glossar.files import lone_surrogate

    if lone_surrogate(document):
        raise BadInputError(
            _("{name}: JSON text with a lone surrogate (not Unicode text)").format(name=name)
        )
    segments = document.get("segments") if isinstance(document, dict) else None
    if not isinstance(segments, list):
        return None
    pairs = []
    for number, segment in enumerate(segments, 1):
        if not (
            isinstance(segment, dict)
            and isinstance(segment.get("source"), str)
            and isinstance(segment.get("target"), str)
        ):
            raise BadInputError(
                _(
                    "{name}: segment {number} of the translate JSON has no source and target text"
                ).format(name=name, number=number)
            )
        pairs.append((segment["source"], segment["target"]))
    return pairs


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _regroup(sources: list[str], pairs: list[tuple[str, str]]) -> list[str] | None:
    """Targets of ``pairs`` joined per source segment, when the pairs' sources make up the
    source segments in order (translate splits each line or paragraph into sentences);
    None when they do not (the JSON was made from another text)."""
    targets: list[str] = []
    k = 0
    for segment in sources:
        rest = _squeeze(segment)
        parts = []
        while rest and k < len(pairs):
            piece = _squeeze(pairs[k][0])
            if not rest.startswith(piece):
                return None
            rest = rest[len(piece) :]
            if pairs[k][1].strip():
                parts.append(pairs[k][1].strip())
            k += 1
        if rest:
            return None
        targets.append(" ".join(parts))
    while k < len(pairs) and not _squeeze(pairs[k][0]):
        k += 1
    return targets if k == len(pairs) else None


def segment_translated(
    source_text: str, pairs: list[tuple[str, str]]
) -> tuple[str, list[str], list[str]]:
    """(mode, source segments, target segments) for a translation given as translate JSON.

    The source file's lines (or paragraphs) are the segments and each gets the English of
    the sentences it was split into, so segment numbers still count the source's lines.
    If the source file is itself the JSON, or its sentences are not the JSON's, the
    JSON's own sentences are compared (mode ``sentences``) or aligned with the source's
    segments as plain text would be.
    """
    source_pairs = translated_segments(source_text, "<source>")
    if source_pairs is not None:
        sources = [src for src, _ in source_pairs]
        return "sentences", sources, [tgt for _, tgt in pairs]
    paragraphs = has_paragraphs(source_text)
    sources = split_segments(source_text, paragraphs)
    mode = "paragraphs" if paragraphs else "lines"
    targets = _regroup(sources, pairs)
    if targets is None:
        # wrapped text (a PDF's, an e-mail's): a sentence of the JSON runs over several
        # of the source's lines; its sentences are the source's, compared one by one
        from glossar.text.segment import split_sentences

        sentences = [s.text for s in split_sentences(source_text)]
        if len(sentences) == len(pairs) and all(
            _squeeze(a) == _squeeze(src) for a, (src, _) in zip(sentences, pairs, strict=True)
        ):
            return "sentences", sentences, [t.strip() for _, t in pairs]
        targets = [t.strip() for _, t in pairs if t.strip()]
    return mode, sources, targets


def _length_cost(l1: int, l2: int, ratio: float) -> float:
    """Gale & Church: -log P(length difference) for l1 source and l2 target characters."""
    if l1 == 0 and l2 == 0:
        return 0.0
    mean = (l1 + l2 / ratio) / 2
    delta = (l2 - l1 * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
    return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300))


def _stems(text: str) -> frozenset[str]:
    """4-letter prefixes of the words of five letters or more, case- and umlaut-folded."""
    return frozenset(w.casefold().translate(_FOLD)[:4] for w in _STEM_WORD.findall(text))


def _anchors(mentions: list[NumberMention]) -> frozenset[object]:
    """The quantities a segment surely has, vague readings folded together."""
    return frozenset(m.anchor for m in mentions if not m.optional)


def align_segments(sources: list[str], targets: list[str], *, always: bool = False) -> list[Bead]:
    """Beads pairing ``sources`` with ``targets``, in order, covering every segment once.

    Equal counts pair by position, unless ``always`` (sentences a segmenter found on
    each side: a translator who merged two in one place and split one elsewhere leaves
    the counts equal and every pair between shifted). Otherwise a banded dynamic
    programme finds the cheapest sequence of beads (see the module docstring).
    """
    n, m = len(sources), len(targets)
    if n == m and not always:
        return [Bead((i,), (i,)) for i in range(n)]
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    ratio = _RATIO
    src_len = [len(s) for s in sources]
    tgt_len = [len(t) for t in targets]
    src_stems = [_stems(s) for s in sources]
    tgt_stems = [_stems(t) for t in targets]
    src_num = [_anchors(extract_numbers(s, "de")) for s in sources]
    tgt_num = [_anchors(extract_numbers(t, "en")) for t in targets]
    # the path may stray from the scaled diagonal by the count difference (a truncated
    # translation, a cluster of drops), but not without bound: past a budget of cells the
    # band narrows, which keeps the programme linear in the texts' length (a text with one
    # sentence per line against one with a paragraph per line made it quadratic: 31 s and
    # 1 GB for 1,500 lines); wide enough that each row reaches the next
    band = abs(n - m) + 12
    if (n + 1) * (2 * band + 1) > _MAX_CELLS:
        band = max(_MIN_BAND, _MAX_CELLS // (2 * (n + 1)))
    band = max(band, math.ceil(m / n) + 2)

    def bead_cost(i: int, j: int, di: int, dj: int) -> float:
        if not (di and dj):
            return _PRIORS[(di, dj)]
        l1 = sum(src_len[i : i + di])
        l2 = sum(tgt_len[j : j + dj])
        cost = _PRIORS[(di, dj)] + _length_cost(l1, l2, ratio)
        a = src_num[i] if di == 1 else src_num[i] | src_num[i + 1]
        b = tgt_num[j] if dj == 1 else tgt_num[j] | tgt_num[j + 1]
        if a and a == b:
            cost -= _NUMBER_MATCH
        else:
            cost += _NUMBER_MISMATCH * min(len(a ^ b), 3)
        sa = src_stems[i] if di == 1 else src_stems[i] | src_stems[i + 1]
        sb = tgt_stems[j] if dj == 1 else tgt_stems[j] | tgt_stems[j + 1]
        if sa or sb:
            cost -= _STEM_WEIGHT * 2 * len(sa & sb) / (len(sa) + len(sb))
        return cost

    # row i holds the cells j = lows[i] … lows[i] + len(moves[i]) - 1: the cheapest total
    # cost of reaching (i, j) and the bead shape that does (an index into _SHAPES)
    inf = math.inf
    lows: list[int] = []
    costs: list[list[float]] = []
    moves: list[bytearray] = []
    for i in range(n + 1):
        centre = i * m / n
        lo = max(0, math.ceil(centre - band))
        hi = min(m, math.floor(centre + band))
        row = [inf] * (hi - lo + 1)
        move = bytearray(hi - lo + 1)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best_total = inf
            best_shape = 0
            for shape, (di, dj) in enumerate(_SHAPES):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                k = pj - lows[pi] if pi < i else pj - lo
                prev_row = costs[pi] if pi < i else row
                if not 0 <= k < len(prev_row) or prev_row[k] == inf:
                    continue
                total = prev_row[k] + bead_cost(pi, pj, di, dj)
                if total < best_total:
                    best_total = total
                    best_shape = shape
            row[j - lo] = best_total
            move[j - lo] = best_shape
        lows.append(lo)
        costs.append(row)
        moves.append(move)
        if i >= 2:  # a bead spans two rows at most: older costs are never read again
            costs[i - 2] = []
    end = m - lows[n]
    if not 0 <= end < len(costs[n]) or costs[n][end] == inf:  # cannot happen: keep a
        k = min(n, m)  # safe fallback
        return (
            [Bead((i,), (i,)) for i in range(k)]
            + [Bead((i,), ()) for i in range(k, n)]
            + [Bead((), (j,)) for j in range(k, m)]
        )
    del costs
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = _SHAPES[moves[i][j - lows[i]]]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


#: Where an English sentence ends: its mark, closing quotes, a space, then a capital, a
#: digit or an opening quote; not after an abbreviation English writes with a period
#: or an initial (the German segmenter reads "in 363. The" as one sentence).
_ENGLISH_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ENGLISH_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Rev|No|vs|etc|Inc|Ltd|Co"
    r"|Corp|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|approx|ca|i\.e|e\.g|U\.S|U\.K|a\.m|p\.m)"
    r"|\b[A-Z])\.[\"”’)]*\Z"
)


def english_sentences(text: str) -> list[str]:
    """The sentences of an English ``text``, split as English writes them."""
    out: list[str] = []
    start = 0
    for end in _ENGLISH_END.finditer(text):
        if _ENGLISH_ABBREVIATION.search(text, start, end.start()):
            continue
        out.append(text[start : end.start()].strip())
        start = end.end()
    out.append(text[start:].strip())
    return [" ".join(s.split()) for s in out if s.strip()]


@dataclass(frozen=True, slots=True)
class DroppedSentence:
    """A sentence of a segment without a counterpart in its translation; ``merged``
    where it rather reads as three German sentences made one English one ("Er kam. Er
    sah. Er siegte." ↔ "He came, saw and conquered.": the alignment's shapes go up to
    two-to-one): a neighbouring English sentence's length fits its German with this
    one better than without it."""

    sentence: str
    merged: bool


def dropped_sentence(source: str, target: str) -> DroppedSentence | None:
    """A sentence of ``source`` (a line or paragraph of several) without a counterpart in
    ``target``, or None. Segments are compared whole, so a paragraph's dropped sentence
    went unnoticed unless it held a number (a tester's "Ein Mann kam. Eine Frau ging. Ein
    Kind lachte." ↔ "A man came. A child laughed.": "No problems"). The sentences of
    both are aligned as the segments are (:func:`glossar.qa.align.align_segments`): two
    sentences made one are a merge, not a loss."""
    ends = sum(source.count(mark) for mark in ".!?")
    if ends < 2:
        return None
    german = sentences_of(source)
    if len(german) < 2:
        return None
    english = english_sentences(target)
    if len(english) >= len(german):
        return None
    beads = align_segments(german, english)
    for k, bead in enumerate(beads):
        if bead.source and not bead.target:
            dropped = german[bead.source[0]]
            merged = False
            for near in beads[max(0, k - 1) : k + 2]:
                if near.source and near.target:
                    de = sum(len(german[i]) for i in near.source)
                    en = sum(len(english[j]) for j in near.target)
                    merged = merged or abs(en - _RATIO * (de + len(dropped))) < abs(
                        en - _RATIO * de
                    )
            return DroppedSentence(dropped, merged)
    return None
    return False
