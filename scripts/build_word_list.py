"""Build ``src/glossar/data/words/de-words.txt.gz``: simplemma's German keys, sorted.

    PYTHONPATH=src python scripts/build_word_list.py

Reproducible (gzip mtime 0): the same simplemma version gives the same bytes. Run it
when the simplemma pin changes and update the version in the README beside the file.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from glossar.text.morphology.words import BUNDLED_WORDS, sorted_keys_blob

OUT = Path(__file__).resolve().parents[1] / "src" / "glossar" / BUNDLED_WORDS


def main() -> None:
    blob = sorted_keys_blob()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
    words = blob.count(b"\n")
    print(f"{OUT.name}: {words:,} words, {len(blob):,} bytes, {OUT.stat().st_size:,} gzipped")


if __name__ == "__main__":
    main()
