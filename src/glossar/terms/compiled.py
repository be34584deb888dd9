"""A disk cache of compiled recognisers: a large glossary compiles once per content.

Compiling 100k entries costs seconds of Python (paradigms, folding, the automaton); a
later process with the same entries loads the compiled state instead (pyahocorasick
automata pickle). A file is named by a fingerprint of what compiling reads — the German
fields of every entry, in order — and of what compiles: the source of
``glossar.terms``, ``glossar.text`` and ``glossar.glossary``, pyahocorasick's version and
Python's.

Unpickling runs code of the file's choosing, so a file is only unpickled when it
proves it was written by glossar for this user: its header carries a BLAKE2 MAC of the
payload keyed with a random secret (``.terms-key``, 32 bytes, 0600, created on first
use) that only this user can read. A forged file (anyone can compute an unkeyed
digest), a zeroed, truncated or scrambled one, a symbolic link, a file others may read
or write, or a cache folder others may write is never unpickled: the glossary is
compiled again (``docs/decisions-faults.md``). Writes are atomic and best effort (a
read-only cache folder only costs the speed); the few most recently used files are kept,
and only files with this module's own names are ever deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossar.glossary.model import Entry

#: Smaller glossaries compile faster than their fingerprint and file would load.
MIN_ENTRIES = 2_000
#: Compiled glossaries kept in the cache folder (the oldest go first).
KEEP = 4
_MAGIC = b"glossar-terms-1\n"
_DIGEST = 32
_PREFIX = "terms-"
#: The names of cache files (only these are ever pruned).
_NAME = re.compile(r"terms-[0-9a-f]{32}\.bin")
#: The per-user secret that keys every file's MAC.
_KEY_NAME = ".terms-key"
_KEY_BYTES = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
#: The entry fields compiling reads (spellings, word classes): a change to any of them
#: must change the fingerprint. Add a field here when compiling starts to read it.
FIELDS = (
    "de",
    "pos",
    "gender",
    "kind",
    "plural",
    "genitive",
    "forms",
    "de_alt",
    "de_abbr",
    "compound",
    "compound_except",
)


def cache_path(entries: Sequence[Entry]) -> Path | None:
    """Where the compiled form of ``entries`` is cached (None: caching is off)."""
    import marshal
    from operator import attrgetter

    from glossar.files import cache_dir

    base = cache_dir()
    if base is None:
        return None
    # marshal version 2 writes no back-references: the bytes depend on content only
    try:
        blob = marshal.dumps(list(map(attrgetter(*FIELDS), entries)), 2)
    except (ValueError, AttributeError):  # entries made by hand with other types: no cache
        return None
    digest = hashlib.blake2b(blob, digest_size=16, key=_code_tag()).hexdigest()
    return base / f"{_PREFIX}{digest}.bin"


@lru_cache(maxsize=1)
def _code_tag() -> bytes:
    """A digest of the code that decides the compiled form (a new version recompiles)."""
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
    for package in ("terms", "text", "glossary"):
        for path in sorted((root / package).rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    return h.digest()


def load(path: Path, names: Sequence[str]) -> dict[str, Any] | None:
    """The compiled state saved at ``path`` (attribute name → value), or None when it is
    missing, damaged, not provably ours, or not a state with exactly ``names``."""
    import pickle

    try:
        key = _secret(path.parent, create=False)
        if key is None:
            return None
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)  # never through a symbolic link
        with os.fdopen(fd, "rb") as fh:
            if not _private(os.fstat(fh.fileno())):
                return None  # others may read or write it: not ours alone
            if fh.read(len(_MAGIC)) != _MAGIC:
                return None
            mac = fh.read(_DIGEST)
            if not hmac.compare_digest(hashlib.file_digest(fh, lambda: _hasher(key)).digest(), mac):
                return None  # forged, zeroed, truncated or scrambled: compile again
            fh.seek(len(_MAGIC) + _DIGEST)
            # (the caller has switched the cyclic GC off: it made this 6× slower)
            state = pickle.load(fh)
    except Exception:  # noqa: BLE001 - whatever a damaged file raises: compile again
        return None
    if not isinstance(state, dict) or set(state) != set(names) or not _fits(state):
        return None  # written by other code (the tag should have caught it)
    with contextlib.suppress(OSError):
        path.touch()  # recently used: kept longest
    return state


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
    import secrets

    if not _private(os.stat(folder), folder=True):
        return None
    path = folder / _KEY_NAME
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except FileNotFoundError:
        if not create:
            return None
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:  # another process made it meanwhile: read that one
            return _secret(folder, create=False)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(_KEY_BYTES))
        return _secret(folder, create=False)
    with os.fdopen(fd, "rb") as fh:
        if not _private(os.fstat(fh.fileno())):
            return None
        key = fh.read(_KEY_BYTES + 1)
    return key if len(key) == _KEY_BYTES else None


def _hasher(key: bytes) -> Any:
    return hashlib.blake2b(digest_size=_DIGEST, key=key)


def _fits(state: dict[str, Any]) -> bool:
    """Do the parts of a restored state fit together (types, one entry per key)?"""
    import ahocorasick

    automata = (state.get("_automaton"), state.get("_case_automaton"))
    key_len, groups = state.get("_key_len"), state.get("_groups")
    word_only, phrase = state.get("_word_only"), state.get("_phrase")
    n = len(key_len) if isinstance(key_len, list) else -1
    return (
        all(isinstance(a, ahocorasick.Automaton) for a in automata)
        and isinstance(groups, list)
        and isinstance(word_only, bytes)
        and isinstance(phrase, bytes)
        and isinstance(state.get("_word_class"), dict)
        and n == len(groups) == len(word_only) == len(phrase)
        and n == sum(len(a) for a in automata)
        and all(a.kind == ahocorasick.AHOCORASICK or not len(a) for a in automata)
    )


def store(path: Path, state: dict[str, Any]) -> None:
    """Save ``state`` at ``path`` (atomic, best effort) and drop the oldest files.

    Written in place of a temporary file and renamed, without the wait for the disk
    (``fsync``): a file cut short by a crash fails its digest and is compiled again.
    """
    import pickle
    import tempfile

    from glossar.files import sweep_stale

    folder = path.parent
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = _secret(folder, create=True)
        if key is None:
            return  # a folder others may write, or a key not ours alone: no cache
        sweep_stale(folder, [f".{_PREFIX}"])  # what killed runs left
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{_PREFIX}", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + bytes(_DIGEST))  # the digest is known at the end
            out = _Digesting(fh, key)
            pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
            fh.seek(len(_MAGIC))
            fh.write(out.hash.digest())
        os.replace(tmp, path)  # private (mkstemp's 0600): see load
        tmp = None
        kept = sorted(
            (p for p in folder.iterdir() if _NAME.fullmatch(p.name)),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in kept[KEEP:]:
            os.unlink(old)
    except Exception:  # noqa: BLE001 - a read-only or full cache folder costs only speed
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


class _Digesting:
    """A file to pickle into that digests what passes through it."""

    def __init__(self, fh: Any, key: bytes) -> None:
        self._fh = fh
        self.hash = _hasher(key)

    def write(self, data: Any) -> int:
        self.hash.update(data)
        return self._fh.write(data)
