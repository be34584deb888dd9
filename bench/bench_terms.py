"""Issue 3 figures: term recognition throughput, compile time and memory, flashtext baseline.

Run: ``python bench/bench_terms.py [--mb 5] [--repeat 3]`` (prints a table; nothing is asserted).
Targets: ≥ 10 MB/s over ~5 MB with the curated glossary and with 100,000 synthetic entries;
compiling 100k entries < 1 s and < 100 MB; ≥ 2× flashtext's KeywordProcessor doing plain
case-insensitive whole-word matching of the same headwords.

The text is the bundled article, sentences shuffled per block, some sentences in capitals
(headlines) and some words lower-cased, repeated to the size asked for (seed 0).
"""

from __future__ import annotations

import argparse
import gc
import platform
import random
import re
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_glossary import make_entries  # noqa: E402

from glossar.glossary.load import load_article_glossary  # noqa: E402
from glossar.glossary.model import Glossary  # noqa: E402
from glossar.terms import compiled_speedups  # noqa: E402
from glossar.terms.recognise import TermRecognizer  # noqa: E402

ARTICLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "article_de.txt"
_UMLAUT_BOUNDARIES = "äöüÄÖÜßéèáàâêîôûçñ"


def build_text(size_mb: float, seed: int = 0) -> str:
    """About ``size_mb`` MB of German: the article's sentences shuffled and varied."""
    rng = random.Random(seed)
    article = ARTICLE.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?“])\s+", article) if len(s) > 20]
    out: list[str] = []
    size = 0
    target = int(size_mb * 1_000_000)
    while size < target:
        block = sentences[:]
        rng.shuffle(block)
        para: list[str] = []
        for sent in block:
            r = rng.random()
            if r < 0.05:
                sent = sent.upper()
            elif r < 0.25:
                words = sent.split(" ")
                i = rng.randrange(len(words))
                words[i] = words[i].lower()
                sent = " ".join(words)
            para.append(sent)
            if len(para) == 5:
                out.append(" ".join(para))
                size += sum(len(p) + 1 for p in para) + 1
                para = []
        if para:
            out.append(" ".join(para))
            size += sum(len(p) + 1 for p in para) + 1
    return "\n\n".join(out)


def speedups() -> str:
    """Which build of term recognition runs: compiled speedups (hatch_build.py) or not."""
    return "compiled speedups (Cython)" if compiled_speedups() else "pure Python"


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 1e6


def throughput(fn, text: str, repeat: int) -> tuple[float, float, int]:
    """Best MB/s over ``repeat`` runs (MB = 10^6 characters), wall and CPU, and the hits.

    CPU time (``process_time``) is shown too because the machine may be shared.
    """
    best = best_cpu = float("inf")
    hits = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        c0 = time.process_time()
        hits = len(fn(text))
        best_cpu = min(best_cpu, time.process_time() - c0)
        best = min(best, time.perf_counter() - t0)
    mb = len(text) / 1e6
    return mb / best, mb / best_cpu, hits


_FIRST_CHECK = """
import time
from glossar.terms.compounds import is_word as _is_word
t0 = time.perf_counter()
_is_word("Preise")
print(time.perf_counter() - t0)
"""


def first_compound_checks() -> list[tuple[str, float]]:
    """The first compound check of a process: no word index yet (simplemma loads its
    dictionary and the index is written), then with the index (best of 3 processes)."""
    import os
    import subprocess
    import tempfile

    from glossar.text.morphology import ENV_CACHE_DIR

    def run(cache: str) -> float:
        env = {**os.environ, ENV_CACHE_DIR: cache}
        out = subprocess.run(
            [sys.executable, "-c", _FIRST_CHECK], env=env, capture_output=True, text=True
        )
        return float(out.stdout.strip())

    with tempfile.TemporaryDirectory() as cache:
        cold = run(cache)
        warm = min(run(cache) for _ in range(3))
    return [
        ("first compound check, no word index (builds it)", cold),
        ("first compound check, cached word index", warm),
    ]


def flashtext_matcher(headwords: list[str]):  # type: ignore[no-untyped-def]
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    for c in _UMLAUT_BOUNDARIES:
        kp.add_non_word_boundary(c)
    for w in headwords:
        kp.add_keyword(w)
    return lambda text: kp.extract_keywords(text, span_info=True)


def compile_figures(glossary: Glossary) -> tuple[float, float, float, TermRecognizer]:
    """Compile time (s, best of 3), traced peak (MB) and RSS growth (MB) for one compile."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        t0 = time.perf_counter()
        rec = TermRecognizer(glossary)
        best = min(best, time.perf_counter() - t0)
        del rec
    gc.collect()
    before = rss_mb()
    rec = TermRecognizer(glossary)
    rss = rss_mb() - before
    del rec
    gc.collect()
    tracemalloc.start()
    rec = TermRecognizer(glossary)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return best, peak, rss, rec


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()

    text = build_text(args.mb)
    # the article's glossary (news + kazakhstan-2022): the bench text is the article
    curated = load_article_glossary()
    synthetic = Glossary({e.id: e for e in make_entries(args.entries, seed=0)})
    rows: list[tuple[str, str]] = [
        ("text", f"{len(text) / 1e6:.2f} M characters"),
        (
            "machine",
            f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
        ),
        ("term recognition", speedups()),
    ]
    # the German word list loads on the first compound check: keep it out of timings, and
    # time it in fresh processes, without and then with the cached word index
    for label, seconds in first_compound_checks():
        rows.append((label, f"{seconds:.3f} s"))
    TermRecognizer(curated).find("Flüssiggaspreise und Gastgeber")

    for name, glossary in (
        ("curated", curated),
        (f"{len(synthetic) // 1000}k synthetic", synthetic),
    ):
        t_compile, peak, rss, rec = compile_figures(glossary)
        rows.append(
            (f"compile {name} ({len(glossary)} entries, {len(rec)} keys)", f"{t_compile:.3f} s")
        )
        rows.append((f"compile {name}: traced peak / RSS growth", f"{peak:.0f} MB / {rss:.0f} MB"))
        mbs, mbs_cpu, hits = throughput(rec.find, text, args.repeat)
        rows.append(
            (f"glossar find, {name}", f"{mbs:.1f} MB/s wall, {mbs_cpu:.1f} CPU ({hits} terms)")
        )
        headwords = [e.de for e in glossary]
        t0 = time.perf_counter()
        ft = flashtext_matcher(headwords)
        t_ft = time.perf_counter() - t0
        ft_mbs, ft_cpu, ft_hits = throughput(ft, text, args.repeat)
        rows.append((f"flashtext build, {name}", f"{t_ft:.3f} s"))
        rows.append(
            (
                f"flashtext extract, {name}",
                f"{ft_mbs:.1f} MB/s wall, {ft_cpu:.1f} CPU ({ft_hits} terms)",
            )
        )
        rows.append(
            (
                f"ratio glossar / flashtext, {name}",
                f"{mbs / ft_mbs:.1f}× wall, {mbs_cpu / ft_cpu:.1f}× CPU",
            )
        )

    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  -----")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()
