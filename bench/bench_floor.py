"""How fast could ``glossar terms --json`` be at all? The parts no Python pipeline avoids.

    PYTHONPATH=src python bench/bench_floor.py [--sizes 10k,100k] [--repeat 5]

Issue 13 asks for ``glossar terms`` at ≥ 2× a flashtext process with 10k- and
100k-entry glossaries whose entries are words of the text (~370k terms in 5 MB). This
script times, for the texts and glossaries of ``bench_flashtext.py`` (run that first:
it writes ``bench/out/``), what any Python implementation of the contract's output
pays: starting Python and importing the CLI, loading the glossary and its compiled form
from the caches, folding the text, one pass of the automaton with nothing done per hit,
one tuple per term found and the JSON text of each term (the CLI's own renderer).
The sum is a floor, not a plan: it leaves out every check a hit needs. It is set
against the flashtext process (count only) and half of it (the 2× goal).
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
from collections import deque
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from bench_flashtext import _FLASHTEXT, spellings  # noqa: E402
from bench_terms import speedups  # noqa: E402
from timing import best_of  # noqa: E402


def _process(cmd: list[str], repeat: int) -> float:
    def once() -> None:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

    return best_of(once, repeat)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10k,100k")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from glossar.cli.terms import _term_json
    from glossar.glossary.load import load_glossary
    from glossar.terms.recognise import TermRecognizer
    from glossar.text.stream import Piece

    text_path = OUT / "news_5mb.txt"
    text = text_path.read_text(encoding="utf-8")
    start = _process([sys.executable, "-c", "import glossar.cli.terms"], args.repeat)
    print(f"text: {len(text.encode()) / 1e6:.2f} MB; term recognition: {speedups()}")
    print(
        "| glossary | terms | start + import s | load + compile (cached) s | fold s "
        "| automaton pass s | a tuple per term s | JSON per term s | floor s "
        "| flashtext process s | 2× goal s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    gc.disable()  # as find() runs
    for name in args.sizes.split(","):
        path = OUT / f"real_{name}.toml"
        TermRecognizer(load_glossary([str(path)]), disk_cache=True)  # the caches filled

        def load(p: Path = path) -> TermRecognizer:
            return TermRecognizer(load_glossary([str(p)]), disk_cache=True)

        t_load = best_of(load, args.repeat)
        rec = load()
        found = rec.find(text)
        t_fold = best_of(lambda r=rec: r._fold(text), args.repeat)
        folded = rec._fold(text).ft.text
        t_pass = best_of(lambda r=rec, f=folded: deque(r._automaton.iter(f), maxlen=0), args.repeat)
        rows = [(m.start, m.end, m.entry.id) for m in found]
        t_tuples = best_of(
            lambda rows=rows: [(s, e, text[s:e], i, "de", False, True) for s, e, i in rows]
        )
        pieces = [Piece(0, text, 0)]
        stand_in = _Found(rec, found)
        t_json = best_of(lambda r=stand_in, p=pieces: deque(_term_json(r, p), maxlen=0))
        floor = start + t_load + t_fold + t_pass + t_tuples + t_json
        words = OUT / f"keywords_{name}.txt"
        words.write_text("\n".join(spellings(path)), encoding="utf-8")
        t_ft = _process([sys.executable, "-c", _FLASHTEXT, str(words), str(text_path)], args.repeat)
        print(
            f"| {name} | {len(found):,} | {start:.2f} | {t_load:.2f} | {t_fold:.2f} "
            f"| {t_pass:.2f} | {t_tuples:.2f} | {t_json:.2f} | {floor:.2f} "
            f"| {t_ft:.2f} | {t_ft / 2:.2f} |"
        )
        sys.stdout.flush()


class _Found:
    """A recogniser stand-in that returns terms already found (JSON time alone)."""

    def __init__(self, rec: object, found: list[object]) -> None:
        self._found = found

    def find(self, text: str) -> list[object]:
        return self._found


if __name__ == "__main__":
    main()
