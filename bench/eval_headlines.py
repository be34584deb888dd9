"""Headlines above wrapped text (a PDF's, an e-mail's): glued to the text, or the text cut?

    PYTHONPATH=src python bench/eval_headlines.py [--widths 60,72,80] [--show N]

Gold: ``tests/data/wikinews/headlines.jsonl`` (991 German Wikinews headlines with the
start of their articles and its annotated sentence ends; CC BY 2.5 / CC BY-NC-SA 4.0, see
its README). Each is laid out as pasted text: the headline on a line of its own right
above the text wrapped at W (:mod:`textwrap`), no blank line between; ``wrapped`` wraps a
headline longer than W too; ``dateline`` opens each text with one of :data:`DATELINES`
in turn, as agencies' and newspapers' texts do (Wikinews' have none). Per width and
layout:

- ``glued``: the headline's end and the text's start in one segment;
- ``headline cut``: a wrapped headline cut at one of its own line breaks;
- ``text cut``: line breaks of the text inside an annotated sentence that end a segment,
  of all such breaks (the figure to keep low: each is a sentence translated in halves);
- ``ends kept``: line breaks at an annotated sentence end that end a segment.
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from glossar.text.segment import Segment, split_sentences

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "wikinews" / "headlines.jsonl"


#: Datelines as German news opens its texts with them (a stop-43 review's: "Berlin. "
#: glued a quarter of the headlines to their text).
DATELINES = ("Berlin – ", "Wien (APA). ", "Berlin. ", "Genf, 12.03.2007 – ", "Moskau (dpa) – ")


def articles() -> list[dict[str, object]]:
    """The gold rows (``headline``, ``body``, ``ends``)."""
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def wrap(text: str, width: int) -> str:
    """``text`` wrapped at ``width`` paragraph by paragraph (offsets unchanged)."""
    fill = lambda p: textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)  # noqa: E731
    return "\n\n".join(fill(p) for p in text.split("\n\n"))


@dataclass
class Count:
    """One layout's figures."""

    headlines: int = 0
    glued: int = 0
    wrapped_headlines: int = 0
    headline_cut: int = 0
    inside: int = 0
    text_cut: int = 0
    at_end: int = 0
    ends_kept: int = 0


def _ends_at(segments: list[Segment], k: int) -> bool:
    """Does a segment end at the line break ``k`` (no segment spans it)?"""
    return not any(s.start < k < s.end for s in segments)


def measure(width: int, layout: str, rows: list[dict[str, object]], show: list[str]) -> Count:
    """:class:`Count` of one layout (``one line``, ``wrapped``, ``dateline``) over
    ``rows``; glued and cut examples go to ``show``."""
    count = Count()
    for n, row in enumerate(rows):
        headline, body = str(row["headline"]), str(row["body"])
        top = wrap(headline, width) if layout == "wrapped" else headline
        dateline = DATELINES[n % len(DATELINES)] if layout == "dateline" else ""
        text = f"{top}\n{wrap(dateline + body, width)}"
        segments = split_sentences(text)
        offset = len(top) + 1
        count.headlines += 1
        glued = not _ends_at(segments, len(top))
        count.glued += glued
        if glued:
            show.append(f"GLUED {width}: {text[: offset + 60]!r}")
        if "\n" in top:
            count.wrapped_headlines += 1
            count.headline_cut += any(_ends_at(segments, m.start()) for m in re.finditer("\n", top))
        ends = {len(dateline) + e for e in row["ends"]}  # type: ignore[attr-defined]
        for m in re.finditer(r"(?<!\n)\n(?!\n)", text[offset:]):
            k = m.start()
            cut = _ends_at(segments, offset + k)
            if k in ends:
                count.at_end += 1
                count.ends_kept += cut
            else:
                count.inside += 1
                count.text_cut += cut
                if cut:
                    line = text[text.rfind("\n", 0, offset + k) + 1 : offset + k]
                    show.append(f"CUT {width}: {line[-50:]!r} ⏎ {text[offset + k + 1 :][:25]!r}")
    return count


def _pct(part: int, whole: int) -> str:
    return f"{part} of {whole} ({100 * part / whole:.1f} %)" if whole else "—"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--widths", default="60,72,80")
    ap.add_argument("--show", type=int, default=0, help="print N glued and cut examples")
    args = ap.parse_args()
    rows = articles()
    print("| width | layout | glued | headline cut | text cut | ends kept |")
    print("|---|---|---|---|---|---|")
    show: list[str] = []
    for width in map(int, args.widths.split(",")):
        for layout in ("one line", "wrapped", "dateline"):
            c = measure(width, layout, rows, show)
            wrapped = layout == "wrapped"
            headline_cut = _pct(c.headline_cut, c.wrapped_headlines) if wrapped else "—"
            glued, cut = _pct(c.glued, c.headlines), _pct(c.text_cut, c.inside)
            kept = _pct(c.ends_kept, c.at_end)
            print(f"| {width} | {layout} | {glued} | {headline_cut} | {cut} | {kept} |")
    for line in show[: args.show]:
        print(line)


if __name__ == "__main__":
    main()
