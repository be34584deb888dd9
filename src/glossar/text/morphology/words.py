"""The German word list that judges compound parts.

simplemma's German dictionary answers "is this a German word?" for compound parts, but
loading it costs ~0.45 s (it decodes 1.1M front-coded records to index them), which was
most of the wall time of ``glossar terms`` on an article that asks it ~30 questions. The
first load therefore also writes its keys as a sorted, memory-mapped index to the user's
cache directory; later processes answer by binary search over that file (~1 ms to open,
~10 µs a word). Same answers as ``simplemma.is_known(word, "de", low_memory=True)``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

#: Overrides the cache directory (``$XDG_CACHE_HOME/glossar`` or ``~/.cache/glossar``).
ENV_CACHE_DIR = "GLOSSAR_CACHE_DIR"
_INDEX_MAGIC = b"glossar-words-1\n"


def is_german_word(word: str) -> bool:
    """True when simplemma's German dictionary knows ``word`` (as given or re-cased)."""
    return _word_lookup()(word)


def word_index_path() -> Path | None:
    """Where the German word index is cached (None: no usable home or cache directory)."""
    import os

    env = os.environ.get(ENV_CACHE_DIR)
    if env is not None:
        if not env:
            return None  # caching switched off
        base = Path(env).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        try:
            base = Path(xdg) if xdg else Path.home() / ".cache"
        except RuntimeError:  # no home directory
            return None
        base = base / "glossar"
    from importlib.metadata import PackageNotFoundError, version

    try:
        simplemma_version = version("simplemma")
    except PackageNotFoundError:  # pragma: no cover - a source checkout of simplemma
        simplemma_version = "unknown"
    return base / f"de-words-simplemma-{simplemma_version}.idx"


@lru_cache(maxsize=1)
def _word_lookup() -> Callable[[str], bool]:
    """The cached index when there is one, else simplemma itself (writing the index)."""
    path = word_index_path()
    if path is not None:
        index = _SortedWords.open(path)
        if index is not None:
            return index.is_known
    import simplemma

    def known(word: str) -> bool:
        return simplemma.is_known(word, lang="de", low_memory=True)

    known("Haus")  # loads the dictionary
    if path is not None:
        _write_index(path)
    return known


class _SortedWords:
    """A memory-mapped file of sorted UTF-8 words: header, offsets (uint32), words."""

    def __init__(self, data: Any, offsets: Any, count: int, base: int) -> None:
        self._data = data
        self._offsets = offsets
        self._count = count
        self._base = base

    @classmethod
    def open(cls, path: Path) -> _SortedWords | None:
        """The index at ``path``, or None when it is missing or not a valid index."""
        import mmap
        import struct

        try:
            with open(path, "rb") as fh:
                data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        head = len(_INDEX_MAGIC)
        if len(data) < head + 4 or data[:head] != _INDEX_MAGIC:
            return None
        (count,) = struct.unpack_from("<I", data, head)
        base = head + 4 + 4 * (count + 1)
        if len(data) < base:
            return None
        offsets = memoryview(data)[head + 4 : base].cast("I")
        if offsets[count] != len(data) - base:
            return None  # truncated
        return cls(data, offsets, count, base)

    def _contains(self, key: bytes) -> bool:
        data = self._data
        offsets = self._offsets
        base = self._base
        lo, hi = 0, self._count
        while lo < hi:
            mid = (lo + hi) // 2
            word = data[base + offsets[mid] : base + offsets[mid + 1]]
            if word < key:
                lo = mid + 1
            elif word > key:
                hi = mid
            else:
                return True
        return False

    def is_known(self, word: str) -> bool:
        """simplemma's ``is_known(word, "de")``: the word, or it re-cased, is a key."""
        import unicodedata

        token = unicodedata.normalize("NFC", word)
        if not token or "\n" in token or "'" in token or "’" in token or "ʼ" in token:
            import simplemma  # rare: let simplemma apply its own variants

            return simplemma.is_known(word, lang="de", low_memory=True)
        if self._contains(token.encode()):
            return True
        cased = token.lower() if token[:1].isupper() else token.capitalize()
        return self._contains(cased.encode())


def _write_index(path: Path) -> None:
    """Write simplemma's German keys as a sorted index (best effort: errors are ignored)."""
    import os
    import struct
    import tempfile
    from array import array
    from itertools import accumulate

    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    try:
        blob = bytearray()
        offsets = array("I", [0])
        previous = b""
        in_order = True
        for word in LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary("de"):
            key = word.encode()
            if b"\n" in key:
                continue
            if key <= previous:
                in_order = False
            previous = key
            blob += key
            offsets.append(len(blob))
        if not in_order:  # the stream is sorted (unless stored reversed): sort it here
            keys = sorted({bytes(blob[a:b]) for a, b in zip(offsets, offsets[1:], strict=False)})
            blob = bytearray(b"".join(keys))
            offsets = array("I", accumulate(map(len, keys), initial=0))
        if offsets.itemsize != 4 or array("I", [1]).tobytes() != struct.pack("<I", 1):
            return  # pragma: no cover - exotic or big-endian platform
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".words-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_INDEX_MAGIC)
                fh.write(struct.pack("<I", len(offsets) - 1))
                fh.write(offsets.tobytes())
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full cache: simplemma answers, only more slowly
