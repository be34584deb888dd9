"""Wall time of ``glossar article`` (as a user runs it) and the size of what it writes.

Each row runs ``python -m glossar article …`` in a subprocess with a private, empty
argostranslate home (so: no model unless ``--model``), median of ``--repeat`` runs;
the in-process row times :func:`glossar.bilingual.pair_document` alone (terms, no MT).
``--model`` also builds an OPUS-size package with random weights (6+6 layers, d 512,
ffn 2048, SentencePiece on the article; tests/argos_models.py), installs it there and
times the article with MT. Random weights never stop early, so MT rows are an upper
bound on decoding cost for this size, not a quality figure.

    python bench/bench_article.py [--repeat 5] [--model]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "ARGOS_PACKAGES_DIR": str(home / "packages"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "NO_COLOR": "1",
        }
    )
    return env


def _run(args: list[str], env: dict[str, str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "glossar", "article", *args],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model", action="store_true", help="also time with an OPUS-size model")
    args = parser.parse_args()

    from glossar.bilingual import load_bundled_article, pair_document
    from glossar.glossary.load import load_glossary

    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = _env(home)
        out = home / "out"
        out.mkdir()
        for fmt in ("json", "terminal", "html", "markdown", "tmx", "xliff"):
            target = out / f"article.{fmt}"
            seconds = _run(["--format", fmt, "-o", str(target)], env, args.repeat)
            rows.append(
                (f"article --format {fmt}, no model", seconds, f"{target.stat().st_size:,} B")
            )

        glossary = load_glossary()
        article = load_bundled_article()
        pair_document(article, glossary=glossary, translate=False)  # warm caches
        runs = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            pair_document(article, glossary=glossary, translate=False)
            runs.append(time.perf_counter() - t0)
        rows.append(("pair_document (in process, terms only)", statistics.median(runs), ""))

        if args.model:
            sys.path.insert(0, str(ROOT / "tests"))
            os.environ.update(env)
            from argos_models import build_random_package

            from glossar.mt.package_install import install_package

            t0 = time.perf_counter()
            pkg = build_random_package(
                home / "translate-de_en-opus-size.argosmodel",
                d_model=512, layers=6, heads=8, ffn=2048, vocab_size=8000,
            )  # fmt: skip
            install_package(pkg)
            rows.append(("build + install OPUS-size random model", time.perf_counter() - t0, ""))
            repeat = max(1, min(args.repeat, 3))
            for beam in (4, 1):
                target = out / f"article-mt-beam{beam}.json"
                seconds = _run(
                    ["--format", "json", "--beam", str(beam), "-o", str(target)], env, repeat
                )
                rows.append(
                    (f"article --format json, model, beam {beam}", seconds, f"median of {repeat}")
                )

    n = len(article.sentences)
    print(f"glossar article: bundled article, {n} sentences, {len(glossary)} glossary entries")
    print(
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"median of {args.repeat} unless noted"
    )
    print()
    print(f"| {'what':<44} | {'seconds':>8} | {'output':>14} |")
    print(f"|{'-' * 46}|{'-' * 9}:|{'-' * 15}:|")
    for name, seconds, note in rows:
        print(f"| {name:<44} | {seconds:8.3f} | {note:>14} |")


if __name__ == "__main__":
    main()
