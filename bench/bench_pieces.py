"""Instructions of cutting news text into stream pieces (``glossar.text.stream``).

    python bench/bench_pieces.py [--mb 1] [--keep DIR]

Why: ``glossar terms`` reads its input through :func:`glossar.text.stream.iter_pieces`,
and on text without blank lines every cut asks the segmenter for the last sentence end
of a window (``segment.last_sentence_end``). This counts, under callgrind, the
instructions of ``list(iter_pieces(...))`` alone (``functools.reduce`` toggles the
collection, as in ``bench_instructions.py``) for:

- ``one line``: the first ``--mb`` MB of ``bench/out/news_5mb.txt`` with every line
  break replaced by a space (a PDF-extracted paragraph: no blank line, no line break);
- ``paragraphs``: the whole 5 MB news text as it is.

Run it with the Python of the build to measure (``PYTHONPATH=src`` for the pure one);
nothing is asserted about the figures.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from bench_instructions import callgrind_child  # noqa: E402

_CHILD = r"""
import functools, gc, io, sys
from glossar.text import segment
from glossar.text.stream import iter_pieces
path, kind, mb = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
if kind == "line":
    text = text[: int(float(mb) * 1e6)].replace("\n", " ")
data = text.encode("utf-8")
list(iter_pieces(io.BytesIO(data[:300_000])))  # imports and first calls: not counted
gc.collect()
pieces = functools.reduce(lambda _, f: f(), [lambda: list(iter_pieces(io.BytesIO(data)))], None)
assert "".join(p.text for p in pieces) == text
print(f"chars {len(text)} pieces {len(pieces)}", file=sys.stderr)
print("compiled" if not segment.__file__.endswith(".py") else "pure", file=sys.stderr)
"""


def count(kind: str, mb: float, keep: Path | None) -> tuple[int, str]:
    """Instructions of one measured ``iter_pieces`` run in a child, and what it cut."""
    args = [str(OUT / "news_5mb.txt"), kind, str(mb)]
    n, stderr = callgrind_child(_CHILD, args, kind, keep, f"callgrind.pieces.{kind}")
    about = re.search(r"chars \d+ pieces \d+", stderr)
    build = "compiled" if "\ncompiled" in stderr else "pure"
    return n, f"{about.group(0) if about else '?'}, {build}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0, help="MB of the one-line text")
    ap.add_argument("--what", default="line,paragraphs", help="line, paragraphs")
    ap.add_argument("--keep", type=Path, help="keep the callgrind outputs in this folder")
    args = ap.parse_args()
    if not (OUT / "news_5mb.txt").exists():
        raise SystemExit(f"{OUT / 'news_5mb.txt'} is missing: run bench/bench_flashtext.py")
    print(f"python: {sys.executable}")
    print("| text | million instructions | instructions/char | what |")
    print("|---|---|---|---|")
    for kind in args.what.split(","):
        n, about = count(kind, args.mb, args.keep)
        chars = int(re.search(r"chars (\d+)", about).group(1)) if "chars" in about else 0
        label = f"{args.mb:g} MB one line" if kind == "line" else "5 MB paragraphs"
        per = f"{n / chars:,.1f}" if chars else "?"
        print(f"| {label} | {n / 1e6:,.1f} | {per} | {about} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
