"""Extract the CLI's messages and update/compile the German catalog, with Babel, offline.

Run after changing any ``_("...")`` message: ``python scripts/update_catalogs.py``.
Then translate the new ``msgstr`` entries in ``src/glossar/locale/de/LC_MESSAGES/glossar.po``
and run it again to compile the ``.mo`` that ships in the wheel.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "glossar" / "locale"
POT = LOCALE / "glossar.pot"


def main() -> None:
    def babel(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True)

    babel(
        "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(POT), "--no-location",
        "--omit-header", "--sort-output", "-k", "_", "-k", "N_", "-k", "ngettext:1,2",
        str(ROOT / "src"),
    )  # fmt: skip
    po = LOCALE / "de" / "LC_MESSAGES" / "glossar.po"
    if po.exists():
        babel("update", "-i", str(POT), "-d", str(LOCALE), "-D", "glossar", "-l", "de",
              "--no-fuzzy-matching", "--ignore-obsolete")  # fmt: skip
    else:
        babel("init", "-i", str(POT), "-d", str(LOCALE), "-D", "glossar", "-l", "de")
    fill_from_table(po)
    babel("compile", "-d", str(LOCALE), "-D", "glossar", "--statistics")


def fill_from_table(po: Path) -> None:
    """Fill still-empty translations from scripts/de_messages.py."""
    from babel.messages.pofile import read_po, write_po

    sys.path.insert(0, str(Path(__file__).parent))
    from de_messages import GERMAN

    with po.open("rb") as fh:
        catalog = read_po(fh, locale="de")
    for message in catalog:
        if not message.id:
            continue
        has = message.string if isinstance(message.string, str) else any(message.string)
        if has:
            continue
        german = GERMAN.get(message.id)
        if german is not None:
            message.string = german
    with po.open("wb") as fh:
        write_po(fh, catalog, omit_header=False, width=100)


if __name__ == "__main__":
    main()
