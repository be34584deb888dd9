"""Write ``src/glossar/terms/data/babel-names-de.txt``: Babel's German territory and
language names, folded, one a line (what :func:`glossar.terms.lexicon.name_keys` reads).

Loading them from Babel costs ~0.1 s of every ``glossar terms`` process; the list changes
only with Babel's CLDR data. ``tests/test_lexicon.py`` checks the file against the Babel
installed. Run after upgrading Babel:

    PYTHONPATH=src python scripts/build_name_list.py
"""

from __future__ import annotations

from pathlib import Path

import babel
from babel import Locale

from glossar.files import atomic_write_text
from glossar.text.fold import fold_key

DATA = Path(__file__).resolve().parents[1] / "src" / "glossar" / "terms" / "data"
OUT = DATA / "babel-names-de.txt"


def babel_name_keys() -> list[str]:
    """Folded one-word German territory and language names from the Babel installed."""
    de = Locale("de")
    names = (*de.territories.values(), *de.languages.values())
    return sorted({fold_key(name) for name in names if name.isalpha()})


def main() -> None:
    header = (
        f"# Babel {babel.__version__} (CLDR data, Unicode License v3): German territory and\n"
        "# language names of one word, folded. Written by scripts/build_name_list.py.\n"
    )
    atomic_write_text(OUT, header + "\n".join(babel_name_keys()) + "\n")
    print(f"{OUT.name}: {len(babel_name_keys())} names")


if __name__ == "__main__":
    main()
