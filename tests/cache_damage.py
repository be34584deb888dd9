"""Ways a cache file gets damaged (a crash, a bad disk, a hand edit), shared by the
tests of both disk caches: each must be refused and the work done again."""

from __future__ import annotations

from pathlib import Path

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
