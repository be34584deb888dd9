"""Throughput of ``glossar check`` (library call) on the bundled article and its reference.

The article's 63 sentence pairs are repeated to about 2,000 segments (one per line) and
checked with the curated glossary and real term recognition, and without a glossary
(numbers and untranslated only), so the cost of the term check shows on its own, and
with one target segment dropped, which makes the check realign the texts (dynamic
programming instead of pairing by position).

    python bench/bench_check.py [--segments 2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from glossar.bilingual.document import load_bundled_article
    from glossar.glossary.load import load_glossary
    from glossar.qa.check import check_translation
    from glossar.qa.numbers import extract_numbers

    article = load_bundled_article()
    pairs = [(s.de, s.en_ref or "") for s in article.sentences]
    copies = max(1, round(args.segments / len(pairs)))
    pairs = pairs * copies
    source = "\n".join(de for de, _ in pairs)
    target = "\n".join(en for _, en in pairs)
    glossary = load_glossary()
    check_translation(source, target, glossary)  # warm caches (glossary index, patterns)

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        runs = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t0)
        return statistics.median(runs)

    dropped = "\n".join(en for k, (_, en) in enumerate(pairs) if k != len(pairs) // 2)
    rows = [
        ("check, curated glossary", timed(lambda: check_translation(source, target, glossary))),
        (
            "check, one segment dropped (realigned)",
            timed(lambda: check_translation(source, dropped, glossary)),
        ),
        ("check, no glossary", timed(lambda: check_translation(source, target, None))),
        (
            "number extraction only (de + en)",
            timed(
                lambda: [extract_numbers(de, "de") + extract_numbers(en, "en") for de, en in pairs]
            ),
        ),
    ]
    n = len(pairs)
    print(
        f"glossar check: {n} segment pairs ({copies} × article), {len(glossary)} glossary entries"
    )
    print(f"Python {platform.python_version()}, {platform.machine()}, median of {args.repeat}")
    print()
    print(f"| {'what':<38} | {'seconds':>8} | {'segments/s':>10} |")
    print(f"|{'-' * 40}|{'-' * 9}:|{'-' * 11}:|")
    for name, seconds in rows:
        print(f"| {name:<38} | {seconds:8.3f} | {n / seconds:10,.0f} |")


if __name__ == "__main__":
    main()
