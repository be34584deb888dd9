"""Two columns of text side by side (``pdftotext -layout``) are found and said, one line
on standard error; one column (wrapped, justified, a list, a table) is not.

A tester's (stop 44): 50 news articles in that layout gave 867 glued and 728 cut
sentences and no output said why. Text: UD German GSD news (CC BY-SA 4.0, tests/data/gsd)
runs, laid out here as a PDF's page would be.
"""

from __future__ import annotations

import re
import textwrap

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from test_segment_gold import _runs

from glossar.cli import cli
from glossar.text.layout import side_by_side


@pytest.fixture(scope="module")
def pages() -> list[str]:
    """Three GSD news runs per page, one column's text after the other."""
    runs = [" ".join(sentences) for sentences in _runs("news")]
    return ["\n\n".join(runs[i : i + 3]) for i in range(0, 60, 3)]


def _two_columns(page: str, width: int = 38, gap: int = 4) -> str:
    lines = textwrap.fill(page, width).splitlines()
    half = (len(lines) + 1) // 2
    left, right = lines[:half], lines[half:]
    return "\n".join(
        f"{a:<{width + gap}}{b}".rstrip() for a, b in zip(left, right + [""] * half, strict=False)
    )


def _justified(page: str, width: int = 45) -> str:
    out = []
    for line in textwrap.fill(page, width).splitlines():
        words = line.split()
        k = 0
        while len(" ".join(words)) < width and len(words) > 1:
            words[k % (len(words) - 1)] += " "
            k += 1
        out.append(" ".join(words))
    return "\n".join(out)


def test_two_columns_side_by_side_are_found(pages: list[str]) -> None:
    found = [side_by_side(_two_columns(p, w, g)) for p in pages for w, g in ((38, 4), (30, 3))]
    assert all(found)


@pytest.mark.parametrize(
    "layout",
    [
        lambda p: p,
        lambda p: textwrap.fill(p, 60),
        lambda p: textwrap.fill(p, 38),
        _justified,
        lambda p: "\n".join("- " + s for s in re.split(r"(?<=\.) ", p)),
        # one column under a wide margin (pdftotext -layout of a one-column page)
        lambda p: textwrap.indent(textwrap.fill(p, 60), " " * 20),
        # a table's rows: cells aligned, no prose
        lambda p: "\n".join(f"{w:<24}{len(w):>6}{w.upper():>26}" for w in p.split()[:60]),
    ],
)
def test_one_column_is_not(pages: list[str], layout) -> None:  # type: ignore[no-untyped-def]
    assert not any(side_by_side(layout(p)) for p in pages)


def test_the_commands_say_it_once_on_standard_error(pages: list[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "zwei_spalten.txt"
    path.write_text(_two_columns(pages[0]), encoding="utf-8")
    for args in (
        ["terms", str(path)],
        ["terms", "--json", str(path)],
        ["article", str(path), "--no-mt"],
    ):
        result = CliRunner().invoke(cli, args)
        notes = [line for line in result.stderr.splitlines() if "two columns side by side" in line]
        assert len(notes) == 1 and notes[0].startswith("glossar: "), result.stderr
        assert "two columns" not in result.stdout
    english = tmp_path / "en.txt"
    english.write_text("One column of English.\n", encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", str(path), str(english)])
    assert checked.stderr.count("two columns side by side") == 1, checked.stderr
    single = tmp_path / "eine_spalte.txt"
    single.write_text(textwrap.fill(pages[0], 38), encoding="utf-8")
    assert "two columns" not in CliRunner().invoke(cli, ["terms", str(single)]).stderr


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab  \n\t.–Ä1"), max_size=400))
def test_any_text_is_read_without_error(text: str) -> None:
    found = side_by_side(text)
    assert found in (True, False)
    if "  " not in text or len(text.splitlines()) < 8:
        assert not found  # no gap of two spaces, or too few lines for a column


def test_a_later_piece_in_two_columns_is_said_too(pages: list[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    """One column first (a report's summary), two columns side by side on its last
    pages: the note comes once, when the text reaches them (each piece's first and last
    200 lines are read)."""
    from glossar.text.stream import PIECE

    first = "\n\n".join(textwrap.fill(p, 60) for p in pages) + "\n\n"
    while len(first) < 3 * PIECE:
        first += first
    path = tmp_path / "bericht.txt"
    later = "\n\f".join(_two_columns(page) for page in pages[1:6])  # five pages
    path.write_text(first + later + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["terms", "--json", str(path)])
    assert result.stderr.count("two columns side by side") == 1, result.stderr
