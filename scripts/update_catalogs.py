"""Extract the CLI's messages and update/compile the German catalog, with Babel, offline.

Run after changing any ``_("...")`` message or a help text of the CLI (a command's
docstring, an option's ``help=``): ``python scripts/update_catalogs.py``. Then translate
the new ``msgstr`` entries in ``src/glossar/locale/de/LC_MESSAGES/glossar.po`` (or add them
to ``scripts/de_messages.py``) and run it again to compile the ``.mo`` that ships in the
wheel.

Help texts are not ``_()`` calls (Click fixes them at import, before ``--lang`` is known;
see :mod:`glossar.cli.help_texts`): they are taken from the command tree itself, exactly
as Click shows them, and added to the template with where they are shown.
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
    add_help_texts(POT)
    po = LOCALE / "de" / "LC_MESSAGES" / "glossar.po"
    if po.exists():
        babel("update", "-i", str(POT), "-d", str(LOCALE), "-D", "glossar", "-l", "de",
              "--no-fuzzy-matching", "--ignore-obsolete")  # fmt: skip
    else:
        babel("init", "-i", str(POT), "-d", str(LOCALE), "-D", "glossar", "-l", "de")
    fill_from_table(po)
    babel("compile", "-d", str(LOCALE), "-D", "glossar", "--statistics")


def add_help_texts(pot: Path) -> None:
    """Add the help texts of the CLI's commands and options to the template."""
    from babel.messages.pofile import read_po, write_po

    sys.path.insert(0, str(ROOT / "src"))  # this tree's glossar, whatever is installed
    from glossar.cli import cli
    from glossar.cli.help_texts import english_help_texts

    with pot.open("rb") as fh:
        catalog = read_po(fh)
    for text, places in english_help_texts(cli).items():
        where = ", ".join(places if len(places) <= 3 else [*places[:3], "…"])
        message = catalog.get(text)
        if message is None:
            catalog.add(text, auto_comments=[f"help: {where}"])
        else:
            message.auto_comments.append(f"help: {where}")
    with pot.open("wb") as fh:
        write_po(fh, catalog, omit_header=True, sort_output=True, no_location=True)


def fill_from_table(po: Path) -> None:
    """Fill still-empty translations from scripts/de_messages.py."""
    from babel.messages.pofile import read_po, write_po

    sys.path.insert(0, str(Path(__file__).parent))
    from de_messages import GERMAN as table

    with po.open("rb") as fh:
        catalog = read_po(fh, locale="de")
    for message in catalog:
        if not message.id:
            continue
        has = message.string if isinstance(message.string, str) else any(message.string)
        if has:
            continue
        german = table.get(message.id)
        if german is not None:
            message.string = german
    with po.open("wb") as fh:
        write_po(fh, catalog, omit_header=False, width=100)


if __name__ == "__main__":
    main()
