"""Issue 13 figures: time and peak memory of whole ``glossar`` processes by input size.

    PYTHONPATH=src python bench/bench_scale.py [--sizes 1,10,100] [--paragraph-mb 1]
        [--verbs terms,article-json,article-html,article-terminal,translate]
        [--translate-sizes 0.1,1] [--model FILE.argosmodel] [--timeout 3600]

Inputs are real German (UD German PUD, CC BY-SA 3.0, and the bundled article): their
sentences shuffled (seed 0) into paragraphs of five, blank lines between, repeated to
1, 10 and 100 MB; plus one paragraph of 1 MB without a line break (a PDF extraction);
plus, with ``--wrapped-mb``, that much text wrapped at 72 columns with no blank line
between paragraphs (a PDF's or an e-mail's dump: every line break is read by the width
rule, and pieces are cut at sentence ends inside wrapped paragraphs);
plus, with ``--dotted-mb``, two hostile inputs of that size where nearly every word ends
in a period (``". " * N`` and ``"z. B. u. a. " * N``: every one a sentence-end candidate).
Each verb runs as its own process (output to /dev/null; ``article`` without MT, the
terminal format uncoloured as in a pipe); the table shows wall time, seconds per MB and
the process's peak RSS (``os.wait4``). Flat s/MB and flat RSS mean linear time and
bounded memory. Rows come smallest input first, so the 100 MB runs come last.

``translate`` (``--json --beam 1``) runs with the caption-domain test model
``tests/data/models/de_en-multi30k.argosmodel`` (or ``--model``) installed into a
temporary argos folder; the model decodes ~2 KB/s on a 2-core CPU, so it gets its own,
smaller sizes (``--translate-sizes``) and the one-paragraph input. Nothing is asserted.
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


def write_text(
    path: Path, size_mb: float, *, one_paragraph: bool = False, seed: int = 0, wrap: int = 0
) -> None:
    """About ``size_mb`` MB (UTF-8 bytes) of shuffled real sentences at ``path``
    (``wrap``: each paragraph wrapped at that width, one line break between them)."""
    import textwrap

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
                if wrap:
                    para = textwrap.fill(para, wrap)
                sep = " " if one_paragraph else "\n" if wrap else "\n\n"
                chunk = para + sep
                fh.write(chunk)
                written += len(chunk.encode())
                if written >= target:
                    break


def _glossar_path() -> str:
    """Where the glossar this process imports lives (the checkout's src with
    ``PYTHONPATH=src``, or an installed build with its compiled speedups): the child
    processes run that one, not whatever they would find first."""
    import glossar

    return str(Path(glossar.__file__).resolve().parents[1])


def run(
    cmd: list[str], timeout: float, extra: dict[str, str] | None = None
) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit status) of one process."""
    env = dict(os.environ, PYTHONPATH=_glossar_path(), **(extra or {}))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once
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
    if verb.startswith("article"):
        fmt = verb.partition("-")[2] or "json"
        return [*exe, "article", str(path), "--no-mt", "--format", fmt]
    if verb == "translate":
        return [*exe, "translate", "--file", str(path), "--json", "--beam", "1"]
    raise SystemExit(f"unknown verb {verb}")


def label(verb: str) -> str:
    """The verb as the table names it (the command line, short)."""
    if verb == "terms":
        return "terms --json"
    if verb.startswith("article"):
        return f"article --no-mt --format {verb.partition('-')[2] or 'json'}"
    if verb == "translate":
        return "translate --file --json --beam 1"
    return verb


def install_model(model: Path, home: Path) -> dict[str, str]:
    """Environment of a private argos folder with ``model`` installed in it."""
    env = {
        "ARGOS_PACKAGES_DIR": str(home / "packages"),
        "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",  # never the network
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    cmd = [sys.executable, "-m", "glossar", "model", "install", str(model)]
    full = dict(os.environ, PYTHONPATH=_glossar_path(), **env)
    subprocess.run(cmd, env=full, check=True, stdout=subprocess.DEVNULL)
    return env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1,10,100", help="MB, comma-separated")
    ap.add_argument("--paragraph-mb", type=float, default=1.0, help="one-paragraph input (0: none)")
    ap.add_argument("--dotted-mb", type=float, default=0.0, help="dotted inputs (0: none)")
    ap.add_argument("--wrapped-mb", type=float, default=0.0, help="wrapped input (0: none)")
    ap.add_argument("--verbs", default="terms,article-json,article-html,article-terminal,translate")
    ap.add_argument("--translate-sizes", default="0.1,1", help="MB for translate")
    ap.add_argument("--model", type=Path, default=DATA / "models" / "de_en-multi30k.argosmodel")
    ap.add_argument("--timeout", type=float, default=3600)
    args = ap.parse_args()
    verbs = args.verbs.split(",")
    sizes = [float(s) for s in args.sizes.split(",") if s]
    mt_sizes = [float(s) for s in args.translate_sizes.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        mt_env: dict[str, str] | None = None
        if "translate" in verbs:
            if args.model.is_file():
                mt_env = install_model(args.model, Path(tmp) / "argos")
            else:
                print(f"no model at {args.model}: translate skipped")
                verbs.remove("translate")
        # (label, path, MB, is the one-paragraph input)
        inputs: list[tuple[str, Path, float, bool]] = []
        for mb in sorted(set(sizes) | (set(mt_sizes) if mt_env else set())):
            path = Path(tmp) / f"news_{mb:g}mb.txt"
            write_text(path, mb)
            inputs.append((f"{mb:g} MB, paragraphs", path, mb, False))
        if args.paragraph_mb:
            path = Path(tmp) / "one_paragraph.txt"
            write_text(path, args.paragraph_mb, one_paragraph=True)
            where = next((i for i, x in enumerate(inputs) if x[2] > args.paragraph_mb), None)
            row = (f"{args.paragraph_mb:g} MB, one paragraph", path, args.paragraph_mb, True)
            inputs.insert(len(inputs) if where is None else where, row)
        if args.wrapped_mb:
            path = Path(tmp) / "wrapped.txt"
            write_text(path, args.wrapped_mb, wrap=72)
            row = (
                f"{args.wrapped_mb:g} MB, wrapped at 72, no blank lines",
                path,
                args.wrapped_mb,
                True,
            )
            inputs.append(row)
        if args.dotted_mb:
            for label_, unit in (("dots", ". "), ("z. B. u. a.", "z. B. u. a. ")):
                path = Path(tmp) / f"dotted_{len(unit)}.txt"
                path.write_text(unit * int(args.dotted_mb * 1_000_000 / len(unit)), "utf-8")
                inputs.append((f"{args.dotted_mb:g} MB, {label_}", path, args.dotted_mb, True))
        from bench_terms import speedups

        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {speedups()}")
        print("| verb | input | exit | wall s | s / MB | peak RSS MB | load |")
        print("|---|---|---|---|---|---|---|")
        for name, path, mb, paragraph in inputs:
            for verb in verbs:
                mt = verb == "translate"
                if not paragraph and mb not in (mt_sizes if mt else sizes):
                    continue
                cmd = verb_command(verb, path)
                wall, rss, code = run(cmd, args.timeout, mt_env if mt else None)
                load = os.getloadavg()[0]
                print(
                    f"| {label(verb)} | {name} | {code} | {wall:.2f} | {wall / mb:.2f} "
                    f"| {rss:.0f} | {load:.1f} |"
                )
                sys.stdout.flush()


if __name__ == "__main__":
    main()
