"""Ways a cache file gets damaged (a crash, a bad disk, a hand edit), shared by the
tests of both disk caches: each must be refused and the work done again."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest


def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: ModuleType) -> Path:
    """A private cache folder in which ``cache`` (a disk cache module with a size
    threshold, ``MIN_ENTRIES``) keeps even the bundled glossaries."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", str(folder))
    monkeypatch.setattr(cache, "MIN_ENTRIES", 1)
    return folder


#: Damage any cache file can suffer; each test adds its own crafted file.
DAMAGE = ("flip", "truncate", "zero", "empty")


def damage(path: Path, how: str, crafted: bytes = b"") -> None:
    """Damage the file at ``path`` as ``how`` says (one of :data:`DAMAGE`), or replace
    it with ``crafted`` bytes for any other ``how``."""
    data = bytearray(path.read_bytes())
    if how == "flip":
        data[len(data) // 2] ^= 0x20
    elif how == "truncate":
        del data[len(data) - 100 :]
    elif how == "zero":
        data[:] = bytes(len(data))
    elif how == "empty":
        data.clear()
    else:
        data[:] = crafted
    path.write_bytes(bytes(data))
