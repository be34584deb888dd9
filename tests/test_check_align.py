"""Segment alignment when counts differ: a dropped, merged, split or inserted segment gives
one ``count`` problem where it happened, not a cascade of false term and number problems."""

from __future__ import annotations

import pytest

from glossar.qa.align import Bead, align_segments, segment_texts
from glossar.qa.check import check_translation

document = pytest.importorskip("glossar.bilingual.document")


@pytest.fixture(scope="module")
def pairs() -> tuple[list[str], list[str]]:
    article = document.load_bundled_article()
    return [s.de for s in article.sentences], [s.en_ref for s in article.sentences]


def problems(de: list[str], en: list[str]) -> list[tuple[int, str]]:
    report = check_translation("\n".join(de), "\n".join(en), None)
    return [(p.segment, p.kind) for p in report.problems]


def test_equal_counts_pair_by_position(pairs) -> None:  # type: ignore[no-untyped-def]
    de, en = pairs
    assert align_segments(de, en) == [Bead((i,), (i,)) for i in range(len(de))]
    assert problems(de, en) == []


@pytest.mark.parametrize("dropped", [0, 5, 20, 40])
def test_a_dropped_sentence_is_found_where_it_was(pairs, dropped: int) -> None:  # type: ignore[no-untyped-def]
    de, en = pairs
    assert problems(de, en[:dropped] + en[dropped + 1 :]) == [(dropped + 1, "count")]


def test_dropped_sentences_at_the_end(pairs) -> None:  # type: ignore[no-untyped-def]
    de, en = pairs
    assert problems(de, en[:-2]) == [(len(de) - 1, "count")]


def test_three_dropped_sentences_in_a_row(pairs) -> None:  # type: ignore[no-untyped-def]
    de, en = pairs
    beads = align_segments(de, en[:5] + en[8:])
    assert [b for b in beads if not b.one_to_one] == [Bead((i,), ()) for i in (5, 6, 7)]


def test_two_sentences_merged_into_one(pairs) -> None:  # type: ignore[no-untyped-def]
    de, en = pairs
    merged = en[:30] + [en[30] + " " + en[31]] + en[32:]
    assert problems(de, merged) == [(31, "count")]
    assert Bead((30, 31), (30,)) in align_segments(de, merged)


def test_one_sentence_split_in_two(pairs) -> None:  # type: ignore[no-untyped-def]
    de, en = pairs
    i = next(i for i, e in enumerate(en) if i > 3 and len(e) > 100 and ", " in e[30:-30])
    cut = en[i].index(", ", 30)
    split = en[:i] + [en[i][:cut] + ".", en[i][cut + 2 :]] + en[i + 1 :]
    assert problems(de, split) == [(i + 1, "count")]
    assert Bead((i,), (i, i + 1)) in align_segments(de, split)


def test_an_inserted_translators_note(pairs) -> None:  # type: ignore[no-untyped-def]
    de, en = pairs
    noted = en[:11] + ["(Translator's note: the CSTO was founded in 2002.)"] + en[11:]
    assert problems(de, noted) == [(12, "count")]
    assert Bead((), (11,)) in align_segments(de, noted)


def test_an_empty_side() -> None:
    assert align_segments(["Eins.", "Zwei."], []) == [Bead((0,), ()), Bead((1,), ())]
    assert check_translation("Es waren 30.", "", None).problems[0].kind == "count"


def test_segment_texts_ignores_empty_lines() -> None:
    assert segment_texts("a\n\n\nb\n", "x\ny") == ("lines", ["a", "b"], ["x", "y"])
    assert segment_texts("a\nb\n\nc", "x\n\ny") == ("paragraphs", ["a b", "c"], ["x", "y"])


def test_any_dropped_or_merged_sentence_gives_one_count_problem_near_it(pairs) -> None:  # type: ignore[no-untyped-def]
    """Over the whole article: exactly one problem, at the sentence or next to it (a short
    sentence dropped after another reads like the two merged), and exact in most cases."""
    de, en = pairs
    exact = 0
    cases = 0
    for k in range(len(en)):
        for target in (en[:k] + en[k + 1 :], en[:k] + [" ".join(en[k : k + 2])] + en[k + 2 :]):
            if len(target) == len(en):
                continue  # merging the last sentence with nothing
            found = problems(de, target)
            assert len(found) == 1 and found[0][1] == "count", (k, found)
            assert abs(found[0][0] - (k + 1)) <= 1, (k, found)
            exact += found[0][0] == k + 1
            cases += 1
    assert exact >= 0.9 * cases


def test_alignment_work_grows_linearly_with_the_texts(pairs, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A text with a paragraph per line against its translation with a sentence per line
    (twice the lines): the band around the diagonal was as wide as the count difference,
    so the work grew with the square of the length (31 s and 1 GB at 1,500 lines). Each
    row of the programme now tries a bounded number of cells, and the article's own
    sentences still pair up where nothing was changed."""
    from glossar.qa import align

    de, en = pairs
    de = de * 8
    halves = [part for e in en * 8 for part in (e[: len(e) // 2], e[len(e) // 2 :])]
    calls = 0
    length_cost = align._length_cost

    def counting(l1: int, l2: int, ratio: float) -> float:
        nonlocal calls
        calls += 1
        return length_cost(l1, l2, ratio)

    monkeypatch.setattr(align, "_length_cost", counting)
    monkeypatch.setattr(align, "_MAX_CELLS", 20_000)  # (the real budget: a few seconds)
    beads = align_segments(de, halves)
    assert sorted(i for b in beads for i in b.source) == list(range(len(de)))
    assert sorted(j for b in beads for j in b.target) == list(range(len(halves)))
    # at most three shapes with both sides per cell, the narrowest band's cells per row
    assert calls <= 3 * (2 * align._MIN_BAND + 1) * (len(de) + 1)
    # well inside the band, a change far away does not disturb the pairing by position
    assert align_segments(de, en * 8 + ["Extra."])[:50] == [Bead((i,), (i,)) for i in range(50)]


@pytest.mark.parametrize("cut", ["end", "start"])
def test_a_truncated_translation_is_one_count_problem(pairs, cut: str) -> None:  # type: ignore[no-untyped-def]
    """MT output missing its last 51 lines (or its first 50) of 252: the path runs far
    from the scaled diagonal, and a band narrowed for speed misaligned it (false number
    problems after the cut)."""
    de, en = pairs
    de, en = de * 4, en * 4
    if cut == "end":
        assert problems(de, en[:201]) == [(202, "count")]
    else:
        assert problems(de, en[50:]) == [(1, "count")]


def test_many_more_target_lines_than_source_lines_still_align() -> None:
    """Two source lines against 140 target lines: the band must let each row reach the
    next (it fell back to pairing by position)."""
    de = ["Präsident Tokajew verhängte 2022 den Ausnahmezustand.",
          "Russland schickte 3000 Soldaten nach Kasachstan."]  # fmt: skip
    en = [f"Line {k}." for k in range(138)] + [
        "President Tokayev declared a state of emergency in 2022.",
        "Russia sent 3000 soldiers to Kazakhstan.",
    ]
    beads = align_segments(de, en)
    assert sorted(j for b in beads for j in b.target) == list(range(140))
    assert Bead((1,), (139,)) in beads  # (the fallback pairs 1 with 1)


def test_a_quoted_e_mail_pairs_with_the_translation_translate_wrote() -> None:
    """`translate` ends a paragraph at a quoted blank line (">"); `check` read the source's
    paragraphs at blank lines only and reported "segments: 2 in the source, 3 in the
    translation" (the stop-43 end-to-end tester's). Quote marks are no part of a segment."""
    source = (
        "Danke für den Artikel.\n\nAm 12.03.2024 schrieb Max:\n"
        "> Die Regierung hat am Montag 12 neue Regeln beschlossen.\n>\n"
        "> Der Minister sprach von 3 guten Tagen.\n"
    )
    target = (
        "Thanks for the article.\n\nOn 12.03.2024 Max wrote:\n"
        "The government adopted 12 new rules on Monday.\n\n"
        "The minister spoke of 3 good days.\n"
    )
    mode, sources, targets = segment_texts(source, target)
    assert mode == "paragraphs"
    assert sources[2] == "Der Minister sprach von 3 guten Tagen."
    assert len(sources) == len(targets) == 3
    assert check_translation(source, target, None).problems == []


def test_each_further_dropped_segment_is_named(pairs) -> None:  # type: ignore[no-untyped-def]
    """A PUD tester's two lines dropped far apart: the count problem named only the
    first; the second is named by its text. A run of lines dropped together (a
    truncated translation) stays one count problem (above)."""
    de, en = pairs
    de, en = de * 2, en * 2
    dropped = en[:20] + en[21:60] + en[61:]
    found = problems(de, dropped)
    assert (21, "count") in found and (61, "untranslated") in found
    assert len([p for p in found if p[1] in ("count", "untranslated")]) == 2


def test_the_count_problem_quotes_the_first_dropped_segment(pairs) -> None:  # type: ignore[no-untyped-def]
    """The second check tester: the second of two dropped lines was quoted, the first
    only pointed at ("the first without a one-to-one counterpart is here")."""
    de, en = pairs
    report = check_translation("\n".join(de), "\n".join(en[:20] + en[21:]), None)
    (count,) = [p for p in report.problems if p.kind == "count"]
    assert count.segment == 21 and count.de == de[20]
    assert count.message.endswith(
        f"the first without a counterpart in the translation is here: {de[20]}"
    )
