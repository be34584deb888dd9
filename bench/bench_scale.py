"""Issue 13 figures: time and peak memory of whole ``glossar`` processes by input size.

    PYTHONPATH=src python bench/bench_scale.py [--sizes 1,10,100] [--verbs terms,article]
        [--paragraph-mb 1] [--timeout 900]

Inputs are real German (UD German PUD, CC BY-SA 3.0, and the bundled article): their
sentences shuffled (seed 0) into paragraphs of five, blank lines between, repeated to
1, 10 and 100 MB; plus one paragraph of 1 MB without a line break (a PDF extraction).
Each verb runs as its own process (output to /dev/null); the table shows wall time,
seconds per MB and the process's peak RSS (``os.wait4``). Flat s/MB and flat RSS mean
linear time and bounded memory. ``translate`` needs an installed de→en model; without
one it is skipped. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def sentences() -> list[str]:
    """Real German sentences: UD German PUD and the article's lines."""
    out: list[str] = []
    pud = (DATA / "pud" / "de_pud-ud-test.conllu").read_text(encoding="utf-8")
    for line in pud.splitlines():
        if line.startswith("# text = "):
            out.append(line[len("# text = ") :].strip())
    article = (DATA / "article_de.txt").read_text(encoding="utf-8")
    out += [line.strip() for line in article.splitlines() if len(line.strip()) > 30]
    return out


def write_text(path: Path, size_mb: float, *, one_paragraph: bool = False, seed: int = 0) -> None:
    """About ``size_mb`` MB (UTF-8 bytes) of shuffled real sentences at ``path``."""
    rng = random.Random(seed)
    pool = sentences()
    target = int(size_mb * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target:
            block = pool[:]
            rng.shuffle(block)
            for i in range(0, len(block), 5):
                para = " ".join(block[i : i + 5])
                sep = " " if one_paragraph else "\n\n"
                chunk = para + sep
                fh.write(chunk)
                written += len(chunk.encode())
                if written >= target:
                    break


def run(cmd: list[str], timeout: float) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit status) of one process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=subprocess.PIPE, env=env)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                return float("inf"), usage.ru_maxrss / 1024, -9
            time.sleep(0.02)
    wall = time.perf_counter() - t0
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def verb_command(verb: str, path: Path) -> list[str]:
    exe = [sys.executable, "-m", "glossar"]
    if verb == "terms":
        return [*exe, "terms", "--json", str(path)]
    if verb == "terms-text":
        return [*exe, "terms", str(path)]
    if verb == "article":
        return [*exe, "article", str(path), "--no-mt", "--format", "json"]
    if verb == "translate":
        return [*exe, "translate", "--file", str(path), "--json", "--beam", "1"]
    raise SystemExit(f"unknown verb {verb}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1,10,100", help="MB, comma-separated")
    ap.add_argument("--paragraph-mb", type=float, default=1.0, help="one-paragraph input (0: none)")
    ap.add_argument("--verbs", default="terms,article")
    ap.add_argument("--timeout", type=float, default=900)
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        inputs: list[tuple[str, Path, float]] = []
        for mb in sizes:
            path = Path(tmp) / f"news_{mb:g}mb.txt"
            write_text(path, mb)
            inputs.append((f"{mb:g} MB, paragraphs", path, mb))
        if args.paragraph_mb:
            path = Path(tmp) / "one_paragraph.txt"
            write_text(path, args.paragraph_mb, one_paragraph=True)
            inputs.append((f"{args.paragraph_mb:g} MB, one paragraph", path, args.paragraph_mb))
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
        print("| verb | input | exit | wall s | s / MB | peak RSS MB |")
        print("|---|---|---|---|---|---|")
        for verb in args.verbs.split(","):
            for label, path, mb in inputs:
                wall, rss, code = run(verb_command(verb, path), args.timeout)
                per = wall / mb
                print(f"| {verb} | {label} | {code} | {wall:.2f} | {per:.2f} | {rss:.0f} |")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
