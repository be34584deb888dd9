"""The repository carries no development machine's paths and no stray packages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KEPT = ("src", "tests", "bench", "scripts", "training", "docs", "glossaries", ".ci")
TOP_FILES = ("README.md", "CHANGELOG.md", "pyproject.toml", "babel.cfg")
SKIP_DIRS = {"__pycache__", "venv", ".venv", ".pytest_cache", ".hypothesis", "out"}
#: A home or work folder of some machine (built in pieces so this file does not match).
MACHINE_PATH = re.compile("/" + "(?:work|home|root|Users)" + r"/[\w.-]")

pytestmark = pytest.mark.skipif(not (ROOT / "src").is_dir(), reason="needs the source tree")


def _files() -> list[Path]:
    out = [ROOT / name for name in TOP_FILES if (ROOT / name).is_file()]
    for top in KEPT:
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and not SKIP_DIRS & set(path.relative_to(ROOT).parts):
                out.append(path)
    return out


def test_no_file_names_a_machine_path() -> None:
    hits = []
    for path in _files():
        if path.suffix in {".mo", ".idx"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        hits += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in MACHINE_PATH.finditer(text)]
    assert hits == []


def test_no_stray_packages_at_the_top() -> None:
    stray = [p.name for p in ROOT.iterdir() if p.suffix in {".whl", ".zip", ".gz", ".egg"}]
    assert stray == []
