"""The German word list that judges compound parts.

simplemma's German dictionary answers "is this a German word?" for compound parts, but
loading it costs ~0.45 s (it decodes 1.1M front-coded records to index them), and
writing a fast index from it took 2 s more: the first ``glossar terms`` on a machine
took 3.0 s against 0.27 s warm. glossar therefore ships the dictionary's keys as a
sorted, gzip-compressed word list (``glossar/data/words/de-words.txt.gz``, 3.1 MB; built
by ``scripts/build_word_list.py``; sources and licences in the README beside it). The
first use decompresses it (C speed, ~0.1 s) into the user's cache directory; later
processes memory-map that file (~1 ms) and answer by binary search over its lines
(~10 µs a word). Same answers as ``simplemma.is_known(word, "de", low_memory=True)``
for the simplemma version the list was built from; without the bundled list (a trimmed
install) simplemma itself answers and the index is written from it, as before.

A cache is not trusted blindly: its header carries a CRC-32 of everything after it,
checked when the file is first seen (~50 ms for 18 MB); the file's identity (inode,
size, mtime, ctime) is then noted beside it so later runs skip the check until the
file changes in any way. Zeroed, scrambled or truncated content is rebuilt. The bundled
list is gzip, whose own CRC-32 is checked on every decompression.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

#: Overrides the cache directory (``$XDG_CACHE_HOME/glossar`` or ``~/.cache/glossar``).
ENV_CACHE_DIR = "GLOSSAR_CACHE_DIR"
_INDEX_MAGIC = b"glossar-words-3\n"
#: The bundled word list inside the package (sorted UTF-8 keys, one a line, gzip).
BUNDLED_WORDS = "data/words/de-words.txt.gz"


def is_german_word(word: str) -> bool:
    """True when simplemma's German dictionary knows ``word`` (as given or re-cased)."""
    return _word_lookup()(word)


def exact_word(word: str) -> bool:
    """Does the dictionary know ``word`` exactly as written (case kept: ``leben`` the
    verb, not ``Leben`` re-cased; :func:`is_german_word` accepts either)?"""
    return _exact_lookup()(word)


@lru_cache(maxsize=1)
def _exact_lookup() -> Callable[[str], bool]:
    known = _word_lookup()
    index = getattr(known, "__self__", None)
    if index is not None and hasattr(index, "_contains"):
        return lambda word: index._contains(word.encode())  # type: ignore[no-any-return]
    # no index (caching off, or this process wrote it): simplemma's keys, case kept
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    keys = LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary("de")
    return lambda word: word in keys


def word_index_path() -> Path | None:
    """Where the German word index is cached (None: no usable home or cache directory)."""
    from glossar.files import cache_dir

    base = cache_dir()
    if base is None:
        return None  # caching switched off, or no home directory
    tag = _bundled_tag()
    if tag:  # named by the bundled list's content: a new list gets a new index
        return base / f"de-words-{tag}.idx"
    from importlib.metadata import PackageNotFoundError, version

    try:
        simplemma_version = version("simplemma")
    except PackageNotFoundError:  # pragma: no cover - a source checkout of simplemma
        simplemma_version = "unknown"
    return base / f"de-words-simplemma-{simplemma_version}.idx"


def _bundled_path() -> Path:
    """The bundled list's file. An installed package's data are plain files beside its
    modules (its compiled modules could not load from a zip either), and
    ``importlib.resources`` would cost ~6 ms of imports at every start."""
    import glossar

    return Path(glossar.__file__).parent / BUNDLED_WORDS


def _bundled_tag() -> str:
    """The CRC-32 of the bundled list's content, read from its gzip trailer (8 bytes; no
    ``importlib.metadata`` on the start-up path), or "" without a bundled list."""
    try:
        with _bundled_path().open("rb") as fh:
            fh.seek(-8, 2)
            trailer = fh.read(8)
    except (OSError, ValueError):
        return ""
    return trailer[:4][::-1].hex() + "-" + trailer[4:][::-1].hex() if len(trailer) == 8 else ""


@lru_cache(maxsize=1)
def _word_lookup() -> Callable[[str], bool]:
    """The cached index when there is one, else the bundled list (writing the index),
    else simplemma itself (writing the index)."""
    path = word_index_path()
    if path is not None:
        index = _SortedWords.open(path)
        if index is not None:
            return index.is_known
    blob = _bundled_blob()
    if blob is not None:
        if path is not None:
            _write_blob(path, blob)
        return _SortedWords(blob, 0, len(blob)).is_known
    import simplemma

    def known(word: str) -> bool:
        return simplemma.is_known(word, lang="de", low_memory=True)

    known("Haus")  # loads the dictionary
    if path is not None:
        _write_index(path)
    return known


def _bundled_blob() -> bytes | None:
    """The bundled word list, decompressed (None when absent or damaged)."""
    import gzip

    try:
        packed = _bundled_path().read_bytes()
        blob = gzip.decompress(packed)  # checks gzip's own CRC-32
    except (OSError, EOFError, ValueError, gzip.BadGzipFile):
        return None
    if not blob.endswith(b"\n"):
        return None
    return blob


class _SortedWords:
    """Sorted UTF-8 words, each ending in a line feed, searched in place (a memory-mapped
    index file or bytes): a binary search over byte positions finds the line around
    each probe with ``rfind``/``find``, so no offset table is needed."""

    def __init__(self, data: Any, base: int, end: int) -> None:
        self._data = data
        self._base = base
        self._end = end

    @classmethod
    def open(cls, path: Path) -> _SortedWords | None:
        """The index at ``path``, or None when it is missing or not a valid index."""
        import mmap
        import os
        import struct

        try:
            with open(path, "rb") as fh:
                data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                identity = _identity(os.fstat(fh.fileno()))
        except (OSError, ValueError):
            return None
        head = len(_INDEX_MAGIC) + 8
        if len(data) <= head or data[: len(_INDEX_MAGIC)] != _INDEX_MAGIC:
            return None
        size, crc = struct.unpack_from("<II", data, len(_INDEX_MAGIC))
        if size != len(data) - head or data[-1:] != b"\n":
            return None  # truncated or grown
        if not _verified(path, identity, data, head, crc):
            return None  # zeroed, scrambled or truncated: rebuild
        return cls(data, head, len(data))

    def _contains(self, key: bytes) -> bool:
        data = self._data
        rfind = data.rfind
        find = data.find
        lo, hi = self._base, self._end  # lo: a line start; hi: a line start or the end
        while lo < hi:
            mid = (lo + hi) // 2
            start = rfind(b"\n", lo, mid) + 1 or lo  # -1 + 1 = 0: mid's line starts at lo
            stop = find(b"\n", start, hi)
            word = data[start:stop]
            if word < key:
                lo = stop + 1
            elif word > key:
                hi = start
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


def _identity(st: Any) -> str:
    """What changes whenever a file's content may have changed (ctime cannot be set back)."""
    return f"{st.st_ino} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns}"


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _verified(path: Path, identity: str, data: Any, head: int, crc: int) -> bool:
    """True when ``data[head:]`` matches ``crc``; a stamp beside the file skips the check
    for a file whose identity has not changed since it last passed."""
    import zlib

    stamp = _stamp_path(path)
    try:
        if stamp.read_text(encoding="ascii") == f"{crc} {identity}":
            return True
    except (OSError, ValueError):
        pass
    if zlib.crc32(memoryview(data)[head:]) != crc:
        return False
    try:  # best effort: without a stamp the next run checks again
        from glossar.files import atomic_write_bytes

        atomic_write_bytes(stamp, f"{crc} {identity}".encode("ascii"))
    except Exception:  # noqa: BLE001 - a read-only cache folder is fine
        pass
    return True


def sorted_keys_blob() -> bytes:
    """simplemma's German keys, sorted, one a line (what the bundled list holds)."""
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    keys = sorted(
        {w.encode() for w in LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary("de") if "\n" not in w}
    )
    return b"".join(k + b"\n" for k in keys)


def _write_index(path: Path) -> None:
    """Write simplemma's German keys as the index (best effort: errors are ignored)."""
    _write_blob(path, sorted_keys_blob())


def _write_blob(path: Path, blob: bytes) -> None:
    """Write ``blob`` (sorted lines) as the index at ``path`` (best effort, atomic)."""
    import contextlib
    import os
    import struct
    import tempfile
    import zlib

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".words-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_INDEX_MAGIC)
                fh.write(struct.pack("<II", len(blob), zlib.crc32(blob)))
                fh.write(blob)
            from glossar.files import new_file_mode

            os.chmod(tmp, new_file_mode())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full cache: the list is answered from memory
