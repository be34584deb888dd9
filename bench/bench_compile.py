"""Issue 13 figures: compiling a large glossary in a fresh process, and from the disk cache.

    PYTHONPATH=src python bench/bench_compile.py [--repeat 3] [--glossary FILE ...]

Each figure is the best of ``--repeat`` fresh processes (wall and CPU seconds of
``TermRecognizer(glossary)`` alone: imports and loading the glossary are not counted),
with the process's peak RSS:

- ``load``: ``load_glossary([file])`` (over the bundled news glossary, imports not
  counted; peak RSS not measured apart; parsed, never from the load cache:
  ``bench_flashtext.py`` times that), in the ``compile`` processes;
- ``compile``: no disk cache (``TermRecognizer(glossary)``, what bench_terms times);
- ``first run``: ``recognizer_for`` with an empty cache folder (compiles and writes);
- ``later runs``: ``recognizer_for`` again (loads the compiled form).

Glossaries: 100k synthetic entries (``synthetic_glossary``), plus any ``--glossary``
file (``bench/out/real_100k.toml`` when bench_flashtext has built it). Each run gets a
private cache folder (``GLOSSAR_CACHE_DIR``), removed afterwards. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
source, mode = sys.argv[2], sys.argv[3]
l0, lc0 = time.perf_counter(), time.process_time()
if source == "synthetic":
    from synthetic_glossary import make_entries
    from glossar.glossary.model import Glossary
    glossary = Glossary({e.id: e for e in make_entries(100_000, seed=0)})
else:
    import os
    from glossar.glossary.load import load_glossary
    cache = os.environ["GLOSSAR_CACHE_DIR"]
    os.environ["GLOSSAR_CACHE_DIR"] = ""  # parsed, not read from the load cache
    glossary = load_glossary([source])
    os.environ["GLOSSAR_CACHE_DIR"] = cache
load_wall, load_cpu = time.perf_counter() - l0, time.process_time() - lc0
from glossar.terms.recognise import TermRecognizer, recognizer_for
t0, c0 = time.perf_counter(), time.process_time()
rec = TermRecognizer(glossary) if mode == "compile" else recognizer_for(glossary)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "cpu": cpu, "rss": rss, "keys": len(rec), "n": len(glossary),
                  "load": {"wall": load_wall, "cpu": load_cpu, "rss": 0}}))
"""


def child(source: str, mode: str, cache: Path) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), GLOSSAR_CACHE_DIR=str(cache))
    cmd = [sys.executable, "-c", _CHILD, str(HERE), source, mode]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def best(runs: list[dict[str, Any]]) -> str:
    wall = min(r["wall"] for r in runs)
    cpu = min(r["cpu"] for r in runs)
    rss = min(r["rss"] for r in runs)
    return f"{wall:.2f} s | {cpu:.2f} s | {f'{rss:.0f} MB' if rss else '—'}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--glossary", action="append", default=[])
    args = ap.parse_args()
    sources = ["synthetic", *args.glossary]
    real = HERE / "out" / "real_100k.toml"
    if not args.glossary and real.exists():
        sources.append(str(real))
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print("| glossary | entries / keys | run | wall | CPU | peak RSS | cache file |")
    print("|---|---|---|---|---|---|---|")
    for source in sources:
        name = "100k synthetic" if source == "synthetic" else Path(source).name
        compiles, firsts, laters = [], [], []
        size = 0
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                cache = Path(tmp) / "cache"
                compiles.append(child(source, "compile", cache))
                firsts.append(child(source, "cached", cache))
                laters.append(child(source, "cached", cache))
                size = sum(p.stat().st_size for p in cache.glob("terms-*"))
        shape = f"{int(compiles[0]['n']):,} / {int(compiles[0]['keys']):,}"
        if source != "synthetic":  # loading the file (over the news glossary), same processes
            print(f"| {name} | {shape} | load | {best([r['load'] for r in compiles])} | |")
            shape = ""
        print(f"| {name} | {shape} | compile | {best(compiles)} | |")
        print(f"| {name} | | first run | {best(firsts)} | {size / 1e6:.0f} MB |")
        print(f"| {name} | | later runs | {best(laters)} | |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
