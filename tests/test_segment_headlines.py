"""A headline right above wrapped text (pasted from a PDF or an e-mail, no blank line)
stays a segment of its own, and the text's wrapped lines are not cut.

Gold: 991 German Wikinews headlines with the start of their articles and its annotated
sentence ends (``tests/data/wikinews``, CC BY 2.5 / CC BY-NC-SA 4.0; test data only, not in
the sdist). ``bench/eval_headlines.py`` prints the same figures at more widths. Stop 42's
rules cut 4.3 % of the text's line breaks inside a sentence at 72 columns (a paragraph's
first line read as a headline); stop 43's read its words (a count before a noun, an
adjective's form, a clause after a comma) and cut 2.6 %, gluing no headline, nor (after
its review) a headline above a dateline.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if not (ROOT / "tests" / "data" / "wikinews" / "headlines.jsonl").exists():
    # the sdist leaves NC-SA test data out
    pytest.skip("Wikinews headlines not in this tree", allow_module_level=True)
sys.path.insert(0, str(ROOT / "bench"))
from eval_headlines import articles, measure  # noqa: E402  (the bench's own layouts)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return articles()


@pytest.mark.parametrize(
    ("width", "layout", "most_glued"),
    [(72, "one line", 0), (60, "wrapped", 3), (72, "dateline", 2), (60, "dateline", 4)],
)
def test_headlines_stay_apart_and_wrapped_text_holds(
    rows: list[dict[str, object]], width: int, layout: str, most_glued: int
) -> None:
    """Headlines glued to their text, the text's line breaks inside a sentence that end a
    segment, and those at a sentence's end that do, for the headline on one line,
    wrapped, or above a dateline (the review's "Berlin. " glued a quarter of them)."""
    count = measure(width, layout, rows, [])
    assert count.glued <= most_glued
    assert count.text_cut < 0.03 * count.inside, count  # 2.0–2.8 % now; 3.6–4.4 % before
    assert count.ends_kept > 0.97 * count.at_end  # (the annotation also ends sentences at a colon)


@pytest.mark.parametrize("width", [60, 72])
def test_a_headline_wrapped_over_two_lines_stays_whole(
    rows: list[dict[str, object]], width: int
) -> None:
    """A headline longer than the column, wrapped above its text, was cut at its own line
    break 29–30 % of the time (its first line read as a headline of its own); stop 43
    reads a full first line before a short second one and a text's opening as one
    headline: 10 % now. (From 50 columns: in a newspaper's column a kicker above its
    headline looks the same.)"""
    count = measure(width, "wrapped", rows, [])
    assert count.wrapped_headlines > 150
    assert count.headline_cut < 0.12 * count.wrapped_headlines, count


@pytest.mark.parametrize(("width", "most_glued"), [(32, 95), (40, 60), (48, 22)])
def test_a_narrow_wrapped_headline_ends_before_its_texts_first_word(
    rows: list[dict[str, object]], width: int, most_glued: int
) -> None:
    """In a newspaper's column a headline wraps over lines as full as the text's, so its
    last line read as going on into the text: 153, 86 and 30 of 991 headlines glued at
    32, 40 and 48 columns (stop 43). A paragraph's lines without any mark, then a
    capitalised word that opens a sentence ("Die", "Am"), end there (stop 44: 94, 59,
    21), and the text's own line breaks are cut no more often than before."""
    count = measure(width, "wrapped", rows, [])
    assert count.glued <= most_glued, count
    assert count.text_cut < 0.025 * count.inside, count
