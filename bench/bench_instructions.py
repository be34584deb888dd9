"""Issue 13 figures this machine's noise does not move: instructions of compile and find.

    python bench/bench_instructions.py [--sizes 10k,100k] [--what compile,find] [--kb 300]
                                       [--warm-mb 2] [--keep DIR]

Wall-clock figures of unchanged code moved by ±30 % between runs on the shared 2-core
machine (docs/decisions.md, "Stop 36"), so a change to term recognition is judged by
instruction counts: run this script with the old build's Python and with the new one's
(each installed, or ``PYTHONPATH=src`` for the pure build) and compare the tables.

For each glossary of ``bench_flashtext.py`` (run that first: it writes ``bench/out/``),
under callgrind (valgrind must be installed):

- ``compile``: ``TermRecognizer(glossary)`` without the disk cache;
- ``find``: ``find`` on ``--kb`` KB of the news text (from its 3rd MB on), after a
  ``--warm-mb`` MB warm-up that fills the per-word caches as a long run has them.

Only the measured call is counted: the child wraps it in ``functools.reduce`` and
callgrind collects inside that function alone (``--toggle-collect``); the script checks
that nothing else called it. A run takes about a minute per row (callgrind is ~50×
slower than the process). Nothing is asserted about the figures. ``--what compile``
counts compiling alone (a change to it leaves ``find`` alone); ``--keep DIR`` keeps each
callgrind output there (``callgrind_annotate`` names the functions that cost).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

_CHILD = r"""
import functools, gc, os, sys
os.environ["GLOSSAR_CACHE_DIR"] = ""
from glossar.glossary.load import load_glossary
from glossar.terms import compiled_speedups
from glossar.terms.recognise import TermRecognizer
what, glossary_path, text_path, kb, warm_mb = sys.argv[1:6]
glossary = load_glossary([glossary_path] if glossary_path else [])
TermRecognizer(load_glossary([]))  # imports and lazy tables: not counted
if what == "compile":
    measured = lambda: TermRecognizer(glossary)
else:
    text = open(text_path, encoding="utf-8").read()
    rec = TermRecognizer(glossary)
    rec.find(text[: int(float(warm_mb) * 1e6)])
    part = text[3_000_000 : 3_000_000 + int(kb) * 1000]
    measured = lambda: rec.find(part)
gc.collect()
functools.reduce(lambda _, f: f(), [measured], None)
print("compiled" if compiled_speedups() else "pure", file=sys.stderr)
"""


def count(
    what: str, glossary: Path | None, text: Path, kb: int, warm_mb: float, keep: Path | None
) -> tuple[int, str]:
    """Instructions of one measured call in a child process, and which build ran."""
    keep_as = f"callgrind.{what}.{glossary.stem if glossary else 'curated'}"
    args = [what, str(glossary or ""), str(text), str(kb), str(warm_mb)]
    n, stderr = callgrind_child(_CHILD, args, what, keep, keep_as)
    return n, "compiled" if "\ncompiled" in stderr else "pure"


def callgrind_child(
    child_source: str, args: list[str], label: str, keep: Path | None, keep_as: str
) -> tuple[int, str]:
    """Run ``child_source`` (which wraps its measured call in ``functools.reduce``) under
    callgrind with ``args``; the instructions collected inside that call alone, and the
    child's standard error. ``keep``: a folder to keep the callgrind output in, named
    ``keep_as``. Refuses a count where ``functools.reduce`` ran more than once."""
    with tempfile.TemporaryDirectory() as folder:
        child = Path(folder) / "child.py"
        child.write_text(child_source, encoding="utf-8")
        out = Path(folder) / "callgrind.out"
        cmd = [
            "valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
            f"--callgrind-out-file={out}", sys.executable, str(child), *args,
        ]  # fmt: skip
        run = subprocess.run(cmd, capture_output=True, text=True, env=os.environ.copy())
        if run.returncode != 0:
            raise SystemExit(f"{label}: the child failed:\n{run.stderr[-2000:]}")
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / keep_as).write_bytes(out.read_bytes())
        collected = re.search(r"Collected : (\d+)", run.stderr)
        tree = subprocess.run(
            ["callgrind_annotate", "--tree=caller", "--inclusive=yes", str(out)],
            capture_output=True,
            text=True,
        ).stdout
        calls = reduce_calls(tree)
        if collected is None:
            raise SystemExit(f"{label}: callgrind collected nothing:\n{run.stderr[-2000:]}")
        if calls and calls != [1]:
            raise SystemExit(f"{label}: functools.reduce ran {calls} times; count unusable")
        return int(collected.group(1)), run.stderr


def reduce_calls(tree: str) -> list[int]:
    """How often each caller called ``functools_reduce``, from the ``<`` lines of its own
    block in ``callgrind_annotate --tree=caller --inclusive=yes`` (not the calls it made:
    with a Python built with debug information, its inlined helpers name it as their
    caller too)."""
    for block in tree.split("\n\n"):
        lines = block.splitlines()
        own = [line for line in lines if "*  " in line]
        if own and re.search(r":functools_reduce( |$)", own[0]):
            return [
                int(n) for line in lines if "  < " in line for n in re.findall(r"\((\d+)x\)", line)
            ]
    return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10k,100k", help="curated, 10k, 100k")
    ap.add_argument("--what", default="compile,find", help="compile, find")
    ap.add_argument("--kb", type=int, default=300)
    ap.add_argument("--warm-mb", type=float, default=2.0)
    ap.add_argument("--keep", type=Path, help="keep the callgrind outputs in this folder")
    args = ap.parse_args()
    text = OUT / "news_5mb.txt"
    if not text.exists():
        raise SystemExit(f"{text} is missing: run bench/bench_flashtext.py first")
    print(f"python: {sys.executable}")
    print("| glossary | measured | million instructions | build |")
    print("|---|---|---|---|")
    for size in args.sizes.split(","):
        glossary = None if size == "curated" else OUT / f"real_{size}.toml"
        if glossary is not None and not glossary.exists():
            raise SystemExit(f"{glossary} is missing: run bench/bench_flashtext.py first")
        for what in args.what.split(","):
            n, build = count(what, glossary, text, args.kb, args.warm_mb, args.keep)
            label = what if what == "compile" else f"find {args.kb} KB"
            print(f"| {size} | {label} | {n / 1e6:,.1f} | {build} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
