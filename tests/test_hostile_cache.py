"""The German word-list cache is checked before it is trusted.

Regression test for issue 16's probe: an index of the right size with zeroed or scrambled
content was used as is (wrong term recognition, exit 0). Now its header carries a CRC-32
of the rest; a file that does not match is ignored and rebuilt.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from glossar.text.morphology import words

WORDS = sorted(["Ausnahmezustand", "Gas", "Haus", "Preis", "Staat", "Zustand", "flüssig"])


@pytest.fixture()
def small_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A word index of a few words written where the cache would be (simplemma stubbed)."""
    from simplemma.strategies import dictionaries

    class Stub:
        def get_dictionary(self, lang: str) -> list[str]:
            return list(WORDS)

    monkeypatch.setattr(dictionaries, "LOW_MEMORY_DICTIONARY_FACTORY", Stub())
    monkeypatch.setenv(words.ENV_CACHE_DIR, str(tmp_path / "cache"))
    path = words.word_index_path()
    assert path is not None
    words._write_index(path)
    return path


def _rewrite(path: Path, data: bytes) -> None:
    """Change the content in place, keeping the size and the modification time."""
    st = path.stat()
    # the inode change time is the one trace left: make sure a clock tick separates it
    # from the stamp's (coarse ctime granularity would otherwise hide the rewrite)
    while time.time_ns() - st.st_ctime_ns < 20_000_000:
        time.sleep(0.005)
    with open(path, "r+b") as fh:
        fh.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size
    assert path.stat().st_ctime_ns != st.st_ctime_ns


def test_a_good_index_is_used(small_index: Path) -> None:
    index = words._SortedWords.open(small_index)
    assert index is not None
    assert index.is_known("Haus") and index.is_known("haus") and not index.is_known("Hauz")
    assert words._SortedWords.open(small_index) is not None  # second time: stamp, no CRC


def test_zeroed_content_of_the_right_size_is_not_trusted(small_index: Path) -> None:
    assert words._SortedWords.open(small_index) is not None
    _rewrite(small_index, bytes(small_index.stat().st_size))
    assert words._SortedWords.open(small_index) is None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scrambled_words_behind_a_valid_header_are_not_trusted(
    small_index: Path, seed: int
) -> None:
    assert words._SortedWords.open(small_index) is not None  # verified once, stamp written
    data = bytearray(small_index.read_bytes())
    head = len(words._INDEX_MAGIC) + 8
    body = data[head:]
    shuffled = bytearray(body)
    random.Random(seed).shuffle(shuffled)
    if shuffled == body:
        shuffled.reverse()
    _rewrite(small_index, bytes(data[:head] + shuffled))
    assert words._SortedWords.open(small_index) is None


def test_a_forged_stamp_does_not_vouch_for_changed_content(small_index: Path) -> None:
    assert words._SortedWords.open(small_index) is not None
    stamp = small_index.with_name(small_index.name + ".verified")
    saved = stamp.read_text(encoding="ascii")
    data = bytearray(small_index.read_bytes())
    data[-1] ^= 0xFF
    _rewrite(small_index, bytes(data))
    stamp.write_text(saved, encoding="ascii")  # the old stamp: ctime gives it away
    assert words._SortedWords.open(small_index) is None


def test_a_bad_index_is_rebuilt(small_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import simplemma

    _rewrite(small_index, bytes(small_index.stat().st_size))
    monkeypatch.setattr(simplemma, "is_known", lambda word, lang, low_memory: word in WORDS)
    words._word_lookup.cache_clear()
    try:
        assert words.is_german_word("Haus")  # answered by simplemma while rebuilding
    finally:
        words._word_lookup.cache_clear()
    index = words._SortedWords.open(small_index)
    assert index is not None and index.is_known("Gas")
