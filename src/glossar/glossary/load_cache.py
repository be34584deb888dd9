"""A disk cache of loaded glossary files: a large termbase is parsed once per content.

Parsing and checking a 100k-entry TOML file costs 1.4–2.0 s (rtoml alone 0.5 s); the
entries it yields depend only on the file's bytes, the name it was given and the code,
so a later process reads them back from a marshal file in 0.31–0.36 s instead. Only files
that loaded without a problem and hold at least :data:`MIN_ENTRIES` entries are cached;
a file with problems is always parsed, so every problem is reported as before.

marshal may crash on crafted bytes, so files go through :mod:`glossar.cache_files`
(keyed MAC, private files, atomic writes): a damaged or foreign file is parsed again.
"""

from __future__ import annotations

from dataclasses import fields
from functools import lru_cache
from pathlib import Path

from glossar.cache_files import fingerprint, read_private, write_private
from glossar.glossary.bulk import entries_from_rows
from glossar.glossary.model import Entry, GlossaryInfo

#: Smaller files parse faster than their fingerprint and cache file would load.
MIN_ENTRIES = 2_000
#: Loaded glossary files kept in the cache folder (the oldest go first).
KEEP = 4
_MAGIC = b"glossar-glossary-2\n"
#: Cache files are named ``glossary-<32 hex>.bin`` (only these are ever pruned).
_PREFIX = "glossary-"
#: marshal's format version: 4 shares repeated strings (half the size, faster to read).
_MARSHAL = 4
#: An entry's fields in order: one row of the payload per entry.
_FIELDS = tuple(f.name for f in fields(Entry))


def cache_path(data: bytes, where: str) -> Path | None:
    """Where the entries of a file with bytes ``data``, loaded as ``where``, are cached
    (None: caching is off). ``where`` is part of the key: entries record it."""
    from glossar.files import cache_dir

    base = cache_dir()
    if base is None:
        return None
    parts = (b"glossary-file", _parser_tag(), where.encode(), data)
    return base / f"{_PREFIX}{fingerprint(*parts)}.bin"


@lru_cache(maxsize=1)
def _parser_tag() -> bytes:
    """Which TOML parsers this environment has (rtoml is optional): two environments
    sharing a cache folder may not agree on what a file says."""
    from importlib.metadata import PackageNotFoundError, version

    tags = []
    for name in ("rtoml", "tomli"):
        try:
            tags.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            tags.append(f"{name} -")
    return "; ".join(tags).encode()


def load(path: Path) -> tuple[GlossaryInfo, list[Entry], list[str], list[int]] | None:
    """The header, entries and claim keys (:func:`glossar.glossary.bulk.claim_keys`)
    saved at ``path``; None when missing, damaged, not provably ours or of another shape."""
    import marshal

    payload = read_private(path, _MAGIC, lambda fh: marshal.loads(fh.read()))
    try:
        info_values, rows, keys, owners = payload
        if not (
            type(info_values) is tuple
            and type(rows) is list
            and type(keys) is list
            and type(owners) is list
            and len(keys) == len(owners)
            and set(map(type, rows)) <= {tuple}
            and set(map(len, rows)) <= {len(_FIELDS)}
        ):
            return None
        info = GlossaryInfo(*info_values)
        entries = entries_from_rows()(rows)
    except (TypeError, ValueError):  # None, or a payload of another shape
        return None
    return info, entries, keys, owners


def store(
    path: Path, info: GlossaryInfo, entries: list[Entry], keys: list[str], owners: list[int]
) -> None:
    """Save a file's header, entries and claim keys at ``path`` (atomic, best effort)."""
    import marshal
    from operator import attrgetter

    info_values = tuple(getattr(info, f.name) for f in fields(GlossaryInfo))
    try:
        blob = marshal.dumps(
            (info_values, list(map(attrgetter(*_FIELDS), entries)), keys, owners), _MARSHAL
        )
    except ValueError:  # a value marshal cannot write (entries made by hand): no cache
        return
    write_private(path, _MAGIC, lambda fh: fh.write(blob), prefix=_PREFIX, keep=KEEP)
