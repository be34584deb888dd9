"""``last_sentence_end`` searched backwards gives the offset the forward search gave.

Why: the stream cuts each piece after the last sentence end of a window. The forward
search judged every candidate of the window (~500 instructions a character on one long
line, more than term recognition); the backward one stops at the last boundary. Here the
forward loop is kept as the oracle, run with the rules of the segmenter's own source, and
both must agree on generated German text and on the real news texts in ``tests/data``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from source_module import load_source

from glossar.text import segment

DATA = Path(__file__).parent / "data"


def _source_module() -> ModuleType:
    """The segmenter's .py source (also beside a compiled build) as a module of its own:
    its private rules (``_is_boundary``) are reachable there in every build."""
    return load_source(Path(segment.__file__).with_name("segment.py"), "segment_cut_source")


_SOURCE = _source_module()


def forward_last_sentence_end(text: str, lo: int, hi: int, rules: ModuleType = _SOURCE) -> int:
    """The forward search ``last_sentence_end`` used before (commit a2001d2): every
    candidate from ``lo`` judged in order, the last boundary kept."""
    hi = min(hi, len(text))
    candidate: re.Pattern[str] = rules._CANDIDATE
    is_boundary = rules._is_boundary
    look_ahead: int = rules.LOOK_AHEAD
    best = -1
    floor = max(0, lo - rules.MAX_SEGMENT)
    n = len(text)
    nl = -1
    searched = lo
    hard_after = rules.hard_break_after  # line breaks that end a line (not a wrapped one)
    hard_before = rules.hard_break_before
    line_start = max(floor, hard_before(text, floor, lo) + 1)
    scanned = lo
    for m in candidate.finditer(text, lo, min(n, hi + 1)):
        m_end = m.end()
        if m_end > hi:
            break
        reach = min(n, m_end + look_ahead)
        if nl < m_end:
            nl = hard_after(text, max(m_end, searched), reach)
            searched = nl + 1 if nl >= 0 else reach
        line_end = nl if nl >= 0 else reach
        m_start = m.start()
        k = hard_before(text, scanned, m_start)
        if k >= 0:
            line_start = k + 1
        scanned = m_start
        gap_end = m_end
        while gap_end < line_end and text[gap_end].isspace():
            gap_end += 1
        if gap_end == line_end:
            if nl >= 0:
                best = m_end
        elif is_boundary(text, m, line_end, line_start):
            best = m_end
    return best


#: German news pieces where sentence ends are hard to judge: abbreviations, ordinal
#: dates, roman numerals, initials, ellipses, omission marks, quotes of several
#: sentences, list marks, closing quotes after the period, and lower-case or comma
#: continuations.
_TOKENS = [
    "Die", "Er", "In", "Der Kanzler", "sagte", "und", "am", "Nr.", "Nr. 3.", "z. B.",
    "u. a.", "dt.", "Abs.", "Abs. 2.", "usw.", "Dr.", "Prof.", "11.11.", "8.", "3.",
    "2022.", "XVI.", "Benedikt", "J.", "R.", "(...)", "[…]", "…", "...", "„Ja.", "„Nein!",
    "das ist so.“", "nicht.“,", '."', ".\"", "“", "„", "(dpa)", "©", "4.", ":", ",", ";",
    ".", "!", "?", "?!", ". ", ". Die", ". er", "ⓐ", "²",
    " ", " ", " ", " ", "  ", "\n", "\n", "\n\n", "\n \n", "\u00a0", "\t",
]  # fmt: skip
#: Long stretches: text with no sentence end for more than a window, white space longer
#: than the look-ahead, a one-line paragraph of real sentences.
_LONG = [
    "und " * 600,
    "x" * 2200,
    " " * 2200,
    " " * 300,
    "Die Frau ging heim. " * 40,
    "Er kam am 11.11. um 11 Uhr, z. B. nach Abs. 3 usw. " * 20,
    "„Das ist gut. Das bleibt so. " * 30 + "“ sagte er.",
]
_TEXT = st.lists(st.one_of(st.sampled_from(_TOKENS), st.sampled_from(_LONG)), max_size=60).map(
    lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts)
)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.data())
def test_backward_search_gives_the_forward_result(text: str, data: st.DataObject) -> None:
    n = len(text)
    for _ in range(6):
        lo = data.draw(st.integers(0, n + 2), label="lo")
        hi = data.draw(
            st.one_of(st.integers(lo, n + 2), st.integers(0, n + 2), st.just(n)), label="hi"
        )
        want = forward_last_sentence_end(text, lo, hi)
        assert segment.last_sentence_end(text, lo, hi) == want, (lo, hi)
        for stretch in (1, 3, 17):  # stretches that cut through candidates and lines
            _SOURCE._BACK_STRETCH = stretch
            try:
                assert _SOURCE.last_sentence_end(text, lo, hi) == want, (lo, hi, stretch)
            finally:
                _SOURCE._BACK_STRETCH = segment._BACK_STRETCH


def _agree_everywhere(text: str, los: range, his: range, stretches: tuple[int, ...]) -> int:
    """Compare for every ``lo`` and ``hi`` and stretch; the number of sentence ends found."""
    found = 0
    for lo in los:
        for hi in his:
            want = forward_last_sentence_end(text, lo, hi)
            found += want >= 0
            assert segment.last_sentence_end(text, lo, hi) == want, (lo, hi)
            for stretch in stretches:
                _SOURCE._BACK_STRETCH = stretch
                try:
                    assert _SOURCE.last_sentence_end(text, lo, hi) == want, (lo, hi, stretch)
                finally:
                    _SOURCE._BACK_STRETCH = segment._BACK_STRETCH
    return found


def test_candidates_across_stretch_edges() -> None:
    # every hi puts the stretch edges (hi - 1, hi - 3, hi - 7 … for a first stretch of 1)
    # somewhere else: inside each candidate of several characters for some hi
    text = (
        'Er kam..“ Die Frau?! Er ging…“ Die „Ja.“ Er.“) Und... Die 3.“ Der Hund." '
        "Er z. B.“ Der Mann… (...) Das Lied?“ Der Text!!! Die Frau.\n„Ja…“ Er"
    )
    assert _agree_everywhere(text, range(0, 12, 3), range(len(text) + 2), (1, 2, 3, 5)) > 300


def test_the_look_ahead_ends_where_the_forward_search_ended() -> None:
    # white space after a sentence end up to a line break just inside or just past the
    # look-ahead: a cut (the line ends) or undecided (no word within reach)
    for extra in range(-2, 3):
        gap = " " * (segment.LOOK_AHEAD + extra)
        for text in (f"Er kam.{gap}\nDie Frau.", f"Er kam. Die Frau.{gap}Der", f"Er kam.{gap}"):
            for his in (range(25), range(len(text) - 25, len(text) + 1)):  # the ends
                _agree_everywhere(text, range(0, 1), his, (1, 256))


def test_nothing_before_the_floor_counts() -> None:
    # a citation (Nr. 3.) with a long run of white space in it: the number's word before
    # is read back to the floor (lo - MAX_SEGMENT) only, as in the forward search
    # (a line break in the run starts the line after it: nothing before it counts)
    for space in (" ", "\t", "\n"):
        text = "Nr." + space * 2100 + "3. Die Frau kam. Er ging"
        los = range(segment.MAX_SEGMENT - 5, segment.MAX_SEGMENT + 2110, 3)
        his = range(2100 + 5, 2100 + 10)  # the last candidate is "3."
        found = _agree_everywhere(text, los, his, (1,))
        # "Nr. 3." ends a sentence while Nr. lies after the floor, on the line of "3."
        assert found == 0 if space == "\n" else 0 < found < len(los) * len(his) // 2


def _pud_text() -> str:
    lines = (DATA / "pud" / "de_pud-ud-test.conllu").read_text("utf-8").splitlines()
    return " ".join(line[len("# text = ") :] for line in lines if line.startswith("# text = "))


def _gnad_text() -> str:
    rows = (DATA / "gnad" / "gnad_articles.tsv").read_text("utf-8").splitlines()[1:]
    return "\n\n".join(row.split("\t")[2] for row in rows[:80])


def _news_hard_text() -> str:
    rows = (DATA / "segment_news_hard.tsv").read_text("utf-8").splitlines()
    return "\n".join(row for row in rows if not row.startswith("#"))


def _real_texts() -> Iterator[tuple[str, str]]:
    article = (DATA / "article_de.txt").read_text("utf-8")  # = the seed article
    yield "article", article
    yield "article one line", article.replace("\n", " ")
    yield "pud one line", _pud_text()[:60_000]
    yield "gnad", _gnad_text()[:60_000]
    yield "gnad one line", _gnad_text()[:60_000].replace("\n", " ")
    yield "news hard", _news_hard_text()


@pytest.mark.parametrize(("name", "text"), list(_real_texts()), ids=lambda v: v[:20])
def test_backward_search_on_real_news(name: str, text: str) -> None:
    n = len(text)
    assert n > 4000, name
    step = max(1, n // 120)
    agreed = found = 0
    for lo in range(0, n, step):
        for width in (1, 40, 300, 2500, 9000):
            hi = min(n, lo + width)
            want = forward_last_sentence_end(text, lo, hi)
            assert segment.last_sentence_end(text, lo, hi) == want, (name, lo, hi)
            agreed += 1
            found += want >= 0
    assert found > agreed // 3  # real text: most windows hold a sentence end


def test_stream_cuts_of_one_long_line_are_sentence_ends() -> None:
    # the piece cuts of a one-line text (no blank line, no line break) are the last
    # sentence end of each window, as the forward search finds it
    import io

    from glossar.text.stream import iter_pieces

    text = _pud_text()[:60_000]
    size = 4096
    pieces = list(iter_pieces(io.BytesIO(text.encode("utf-8")), size))
    assert "".join(p.text for p in pieces) == text
    assert len(pieces) > 5
    for piece in pieces[:-1]:
        rest = text[piece.start :]
        cut = len(piece.text)
        assert cut == forward_last_sentence_end(rest, size, 2 * size)


def test_a_negative_lo_reads_as_zero() -> None:
    text = "Er kam.\nDie Frau ging. Dann z. B. nicht. Ende. Und"
    for hi in range(len(text) + 1):
        assert segment.last_sentence_end(text, -5, hi) == forward_last_sentence_end(text, 0, hi)
