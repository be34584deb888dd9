"""What the term guards remove on ~1 MB of real German: per-class counts (issue 10).

Run: ``python bench/bench_term_guards.py [--mb 1] [--glossary news]`` (prints a table).
The text is UD German PUD's 1,000 sentences (news and Wikipedia, CC BY-SA 3.0),
shuffled and repeated to the size asked for (seed 0). The recogniser is compiled with
``stats``: the compound policy is then checked at run time, so its drops are counted
too (in normal use it is applied while compiling and costs nothing at run time).
Counts are per occurrence, so a repeated sentence counts each time.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from glossar.glossary.load import load_glossary
from glossar.terms.recognise import TermRecognizer

PUD = Path(__file__).resolve().parents[1] / "tests" / "data" / "pud" / "de_pud-ud-test.conllu"
CLASSES = {
    "policy": "compound policy (none / modifier-only / head-only)",
    "lexicon": "lexicon: the whole word is a word of its own (auto policy)",
    "name": "inside a name (Babel territories/languages, names list)",
    "verb prefix": "after a verb prefix (Ein|führung, Heraus|forderung)",
    "derivation": "before a derivational suffix (Präsident|schaft)",
    "exception": "compound_except of the entry",
    "verb at sentence start": "sentence-initial verb form (Macht nichts)",
    "proper name": "next to a capitalised adjective (Vereinte Nationen)",
    "title": "inside a short quoted title",
    "noun spelled like a verb": "capitalised verb form in mid sentence (Eingriffen)",
    "separable": "bare verb form without its particle",
    "lower-case word": "a lower-case word does not end in a noun (klarmacht, entmachtet)",
}


def pud_text(size_mb: float, seed: int = 0) -> str:
    sentences = [
        line[len("# text = ") :]
        for line in PUD.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text = ")
    ]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < size_mb * 1e6:
        block = sentences[:]
        rng.shuffle(block)
        for k in range(0, len(block), 5):
            paragraph = " ".join(block[k : k + 5])
            out.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--glossary", default="news", help="bundled glossary name(s) over news")
    args = parser.parse_args()
    names = [] if args.glossary == "news" else [args.glossary]
    glossary = load_glossary(names)
    text = pud_text(args.mb)
    stats: Counter[str] = Counter()
    found = TermRecognizer(glossary, stats=stats).find(text)
    kept = len(TermRecognizer(glossary).find(text))
    rows = [(CLASSES.get(k, k), str(v)) for k, v in stats.most_common()]
    rows += [
        ("hits kept (sure / unsure)", f"{sum(m.sure for m in found)} / "
         f"{sum(not m.sure for m in found)}"),
        ("hits, policy compiled in (must equal)", str(kept)),
        ("text", f"{len(text.encode('utf-8')) / 1e6:.2f} MB, glossary {glossary.signature}"),
    ]  # fmt: skip
    width = max(len(r[0]) for r in rows)
    print(f"{'removed by':<{width}}  count")
    print(f"{'-' * width}  -----")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
