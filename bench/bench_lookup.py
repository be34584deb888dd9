"""Issue 2 figures: glossary load time, lookup latency, cold CLI start.

Run: ``python bench/bench_lookup.py`` (prints a table; nothing is asserted).
Targets: curated load < 50 ms; 100k load < 2 s; exact p50 < 20 µs;
fuzzy p99 < 5 ms at 100k entries; cold CLI < 250 ms above bare Python.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_glossary import make_entries  # noqa: E402

from glossar.glossary import load as load_mod  # noqa: E402
from glossar.glossary.formats.toml import write_glossary_toml  # noqa: E402
from glossar.glossary.lookup import lookup, lookup_index  # noqa: E402
from glossar.glossary.model import GlossaryInfo  # noqa: E402


def timed(fn, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def latencies(glossary, queries: list[str], rounds: int = 3) -> list[float]:
    for q in queries[:3]:  # warm: indexes are built on first use, outside the timing
        lookup(glossary, q)
    out = []
    for _ in range(rounds):
        for q in queries:
            t0 = time.perf_counter_ns()
            lookup(glossary, q)
            out.append((time.perf_counter_ns() - t0) / 1e3)
    return out


def main() -> None:
    rows: list[tuple[str, str]] = []
    load_mod._load_cached.cache_clear()
    t = timed(lambda: (load_mod._load_cached.cache_clear(), load_mod.load_glossary()), 20)
    rows.append(("load curated glossary (median of 20)", f"{statistics.median(t) * 1e3:.1f} ms"))
    gl = load_mod.load_glossary()

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.toml"
        entries = make_entries(100_000, seed=0)
        info = GlossaryInfo(id="synthetic", path=str(big), version="1")
        big.write_text(write_glossary_toml(info, entries), encoding="utf-8")
        rows.append(("100k glossary file size", f"{big.stat().st_size / 1e6:.1f} MB"))
        load_mod._load_cached.cache_clear()
        t0 = time.perf_counter()
        # parsed and validated: no disk cache (it would also write 17 MB under a
        # temporary name nobody loads again)
        big_gl = load_mod.load_glossary_file(big, cache=False)
        big_gl = load_mod.build_glossary([big_gl])
        rows.append(("load 100k-entry glossary (parse + validate)",
                     f"{time.perf_counter() - t0:.2f} s"))  # fmt: skip
        index = lookup_index(big_gl)
        for kind in ("exact", "abbreviation", "folded", "inflected", "reverse"):
            t0 = time.perf_counter()
            index.part(kind)
            rows.append((f"build {kind} index, 100k (once, on first use)",
                         f"{time.perf_counter() - t0:.2f} s"))  # fmt: skip
        t0 = time.perf_counter()
        lookup(big_gl, "Xylophonzzz")
        rows.append(("first fuzzy query, 100k (builds fuzzy buckets)",
                     f"{time.perf_counter() - t0:.2f} s"))  # fmt: skip

    for name, glossary in (("curated", gl), ("100k", big_gl)):
        sample = list(glossary)[:: max(1, len(glossary) // 200)][:200]
        exact = [e.de for e in sample]
        inflected = [e.de + ("es" if e.pos == "noun" and e.gender in "mn" else "n")
                     for e in sample]  # fmt: skip
        fuzzy = [e.de[:3] + e.de[4:] + "x" for e in sample]  # a dropped letter and a typo
        for kind, queries in (("exact", exact), ("inflected", inflected), ("fuzzy", fuzzy)):
            lat = latencies(glossary, queries)
            rows.append(
                (
                    f"lookup {kind}, {name} ({len(glossary)} entries)",
                    f"p50 {pct(lat, 0.5):.1f} µs · p99 {pct(lat, 0.99):.1f} µs",
                )  # fmt: skip
            )

    def cold(cmd: list[str]) -> float:
        runs = timed(lambda: subprocess.run(cmd, capture_output=True, check=False), 7)
        return statistics.median(runs) * 1e3

    bare = cold([sys.executable, "-c", "pass"])
    cli = cold([sys.executable, "-m", "glossar", "lookup", "Ausnahmezustand"])
    rows.append(("python -c pass (median of 7)", f"{bare:.0f} ms"))
    rows.append(("glossar lookup Ausnahmezustand, cold", f"{cli:.0f} ms (+{cli - bare:.0f} ms)"))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  value")
    print(f"{'-' * width}  {'-' * 30}")
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
