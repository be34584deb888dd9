"""Words of their own: the shipped list of Babel's names is Babel's, and costs no Babel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from glossar.terms.lexicon import _BABEL_NAMES_FILE, is_name

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def test_shipped_names_are_babels_names() -> None:
    """Upgrading Babel changes CLDR names: rerun scripts/build_name_list.py then."""
    from build_name_list import babel_name_keys

    shipped = [
        line
        for line in _BABEL_NAMES_FILE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert shipped == babel_name_keys()


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Deutschland", True),  # Babel territory
        ("Griechenlands", True),  # genitive of one
        ("Finnisch", True),  # Babel language
        ("Hollande", True),  # curated list
        ("Landtag", False),
        ("Bundesland", False),
    ],
)
def test_names_from_both_lists(word: str, name: bool) -> None:
    assert is_name(word) is name


def test_name_lookup_does_not_import_babel() -> None:
    code = (
        "import sys\n"
        "from glossar.terms.lexicon import name_keys\n"
        "assert 'deutschland' in name_keys()\n"
        "print('babel' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"
