"""Issue 6 figures: export and import time of a 100,000-entry glossary in each format.

Run: ``python bench/bench_glossary_formats.py [N]`` (prints a table; nothing is asserted).
Import is measured from bytes in memory through the same reader the CLI uses (for TOML:
the project's loader on a file), so disk speed is not part of the figures.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic_glossary import make_entries  # noqa: E402

from glossar.glossary.formats.registry import export_glossary, read_glossary  # noqa: E402
from glossar.glossary.formats.toml import write_glossary_toml  # noqa: E402
from glossar.glossary.load import load_glossary_file  # noqa: E402
from glossar.glossary.model import GlossaryInfo  # noqa: E402

FORMATS = ("toml", "tbx", "tbx2008", "json", "csv", "tsv")


def timed(fn):  # type: ignore[no-untyped-def]
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    entries = make_entries(n, seed=0)
    info = GlossaryInfo(id="synthetic", path="", title="Synthetic", version="1")
    print(f"glossary interchange, {n:,} synthetic entries (bench/synthetic_glossary.py)")
    print(f"python {sys.version.split()[0]}")
    print()
    print(f"{'format':<8} {'size MB':>8} {'export s':>9} {'import s':>9} {'entries back':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            if fmt == "toml":
                text, export_s = timed(lambda: write_glossary_toml(info, entries))
            else:
                (text, _), export_s = timed(
                    lambda fmt=fmt: export_glossary(entries, fmt, info=info)
                )
            data = text.encode("utf-8")
            if fmt == "toml":
                path = Path(tmp) / "g.toml"
                path.write_bytes(data)
                (_, back), import_s = timed(lambda path=path: load_glossary_file(path))
            else:
                result, import_s = timed(lambda data=data, fmt=fmt: read_glossary(data, fmt))
                back = result.entries
            print(
                f"{fmt:<8} {len(data) / 1e6:>8.1f} {export_s:>9.2f} {import_s:>9.2f} "
                f"{len(back):>13,}"
            )
            del text, data, back


if __name__ == "__main__":
    main()
