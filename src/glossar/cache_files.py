"""Private, authenticated cache files: what a large glossary costs once per content.

Two caches use this: compiled recognisers (:mod:`glossar.terms.compiled`) and loaded
glossary files (:mod:`glossar.glossary.load_cache`). Both hold data whose loading runs
no checks of its own (pickle runs code of the file's choosing; marshal may crash on
crafted bytes), so a file is only read back when it proves it was written by glossar for
this user: its header carries a BLAKE2 MAC of the payload keyed with a random secret
(``.glossar-key``, 32 bytes, 0600, created on first use) that only this user can read. A
forged file (anyone can compute an unkeyed digest), a zeroed, truncated or scrambled
one, a symbolic link, a file others may read or write, or a cache folder others may
write is never read: the caller does the work again (``docs/decisions-faults.md``).
Writes are atomic and best effort (a read-only cache folder only costs the speed); the
few most recently used files of a kind are kept, and only files with that kind's own
names are ever deleted.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

#: Bytes of the MAC after a file's magic line.
DIGEST = 32
#: The per-user secret that keys every file's MAC (one for all caches). Its name must
#: start with none of the prefixes the stale-file sweeps remove (``.terms-``,
#: ``.glossary-``, ``.words-``, ...): as ``.terms-key`` it was deleted an hour after it was
#: made, and every cache file with it (tests/test_cache_files.py).
_KEY_NAME = ".glossar-key"
_KEY_BYTES = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def fingerprint(*parts: bytes) -> str:
    """32 hex digits naming a cache file: a digest of ``parts``, keyed with the tag of
    the code that writes and reads the files (a new version finds none of the old)."""
    import hashlib  # OpenSSL's loader costs ~2 ms of every start

    h = hashlib.blake2b(digest_size=16, key=code_tag())
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_tag() -> bytes:
    """A digest of the code that decides what is cached: glossar's version, the source
    of ``glossar.terms``, ``glossar.text``, ``glossar.glossary``, this module (the file
    format) and ``glossar.neutralise`` (text rules loading applies), pyahocorasick's
    version and Python's."""
    import hashlib
    import sys
    from importlib.metadata import PackageNotFoundError, version

    import glossar

    h = hashlib.blake2b(digest_size=32)
    h.update(glossar.__version__.encode() + b"\0")
    try:
        h.update(version("pyahocorasick").encode())
    except PackageNotFoundError:  # pragma: no cover - installed without metadata
        h.update(b"pyahocorasick ?")
    h.update(sys.version.encode())
    root = Path(glossar.__file__).parent
    paths = [root / "cache_files.py", root / "neutralise.py"]  # file format, text rules
    for package in ("terms", "text", "glossary"):
        paths += sorted((root / package).rglob("*"))
    for path in paths:
        if "__pycache__" in path.parts or not path.is_file():
            continue
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    return h.digest()


def read_private(path: Path, magic: bytes, read: Callable[[IO[bytes]], Any]) -> Any:
    """``read(file)`` positioned at the payload of the cache file at ``path``, once its
    MAC proves it ours; None when it is missing, damaged, not provably ours, or when
    ``read`` raises (whatever a damaged payload raises)."""
    import hashlib
    import hmac

    try:
        key = _secret(path.parent, create=False)
        if key is None:
            return None
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)  # never through a symbolic link
        with os.fdopen(fd, "rb") as fh:
            if not _private(os.fstat(fh.fileno())):
                return None  # others may read or write it: not ours alone
            if fh.read(len(magic)) != magic:
                return None
            mac = fh.read(DIGEST)
            digest = hashlib.file_digest(fh, lambda: _hasher(key, magic)).digest()
            if not hmac.compare_digest(digest, mac):
                return None  # forged, zeroed, truncated or scrambled
            fh.seek(len(magic) + DIGEST)
            value = read(fh)
    except Exception:  # noqa: BLE001 - whatever a damaged file raises: do the work again
        return None
    with contextlib.suppress(OSError):
        path.touch()  # recently used: kept longest
    return value


def write_private(
    path: Path, magic: bytes, write: Callable[[IO[bytes]], object], *, prefix: str, keep: int
) -> None:
    """Save what ``write(file)`` writes at ``path`` (atomic, best effort) with its MAC,
    then drop all but the ``keep`` most recently used files named like ``path``.

    ``path``'s name is ``<prefix><32 hex>.bin``; only such names are ever deleted, and
    temporary files start with ``.<prefix>``.
    Written in place of a temporary file and renamed, without the wait for the disk
    (``fsync``): a file cut short by a crash fails its MAC and the work is done again.
    """
    import tempfile

    from glossar.files import sweep_stale

    folder = path.parent
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        sweep_stale(folder, [f".{prefix}"])  # what killed runs left
        key = _secret(folder, create=True)
        if key is None:
            return  # a folder others may write, or a key not ours alone: no cache
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{prefix}", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(magic + bytes(DIGEST))  # the digest is known at the end
            out = _Digesting(fh, _hasher(key, magic))
            write(out)  # type: ignore[arg-type]
            fh.seek(len(magic))
            fh.write(out.hash.digest())
        os.replace(tmp, path)  # private (mkstemp's 0600): see read_private
        tmp = None
        name = re.compile(re.escape(prefix) + r"[0-9a-f]{32}\.bin")
        kept = sorted(
            (p for p in folder.iterdir() if name.fullmatch(p.name)),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in kept[keep:]:
            os.unlink(old)
    except Exception:  # noqa: BLE001 - a read-only or full cache folder costs only speed
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _private(st: os.stat_result, *, folder: bool = False) -> bool:
    """Is this file (or folder) this user's own, out of others' reach?

    A file must be neither readable nor writable by others; a folder not writable by
    them (they could swap its files). Not checked where there are no POSIX owners.
    """
    if os.name != "posix":
        return True
    mask = 0o022 if folder else 0o077
    return st.st_uid == os.getuid() and not st.st_mode & mask


def _secret(folder: Path, *, create: bool) -> bytes | None:
    """This user's key for the cache in ``folder``, created when asked; None when the
    folder or the key is not private (then nothing is cached)."""
    if not _private(os.stat(folder), folder=True):
        return None
    path = folder / _KEY_NAME
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except FileNotFoundError:
        if not create:
            return None
        _new_key(path, replace=False)
        return _secret(folder, create=False)
    with os.fdopen(fd, "rb") as fh:
        if not _private(os.fstat(fh.fileno())):
            return None
        key = fh.read(_KEY_BYTES + 1)
    if len(key) != _KEY_BYTES:  # cut short (a crash while it was made): no file reads
        if not create:  # with it anyway, so a new one costs nothing
            return None
        _new_key(path, replace=True)
        return _secret(folder, create=False)
    return key


def _new_key(path: Path, *, replace: bool) -> None:
    """Write a new random key at ``path`` whole or not at all (a temporary file, then
    linked into place: a process that made one meanwhile keeps its own)."""
    import secrets
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{_KEY_NAME}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(_KEY_BYTES))
        if replace:
            os.replace(tmp, path)
        else:  # another process that made one meanwhile keeps its own
            with contextlib.suppress(FileExistsError):
                os.link(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _hasher(key: bytes, magic: bytes) -> Any:
    """The MAC of a file: keyed, over its magic line (which names the format: a pickle
    and a marshal file never pass for each other) and then its payload."""
    import hashlib

    h = hashlib.blake2b(digest_size=DIGEST, key=key)
    h.update(magic)
    return h


class _Digesting:
    """A file to write into that digests what passes through it."""

    def __init__(self, fh: Any, hasher: Any) -> None:
        self._fh = fh
        self.hash = hasher

    def write(self, data: Any) -> int:
        self.hash.update(data)
        return self._fh.write(data)  # type: ignore[no-any-return]
