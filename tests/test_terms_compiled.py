"""The disk cache of compiled recognisers: a later process finds the same terms, and a
damaged or stale cache file is compiled again, never trusted."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from cache_damage import DAMAGE, damage, private_cache

from glossar.cache_files import DIGEST
from glossar.glossary.load import load_glossary
from glossar.glossary.model import Glossary
from glossar.terms import compiled
from glossar.terms.recognise import TermRecognizer

ARTICLE = (Path(__file__).parent / "data" / "article_de.txt").read_text(encoding="utf-8")


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder; the curated glossary is large enough to be cached."""
    return private_cache(tmp_path, monkeypatch, compiled)


@pytest.fixture(scope="module")
def curated() -> Glossary:
    return load_glossary([])


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("terms-*.bin")) if folder.exists() else []


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: TermRecognizer, stats: object) -> None:
        raise AssertionError("compiled although the cache holds this glossary")

    monkeypatch.setattr(TermRecognizer, "_compile", refuse)


def _state(rec: TermRecognizer) -> tuple[object, ...]:
    keys = sorted(rec._automaton.items()) + sorted(rec._case_automaton.items())
    return keys, rec._key_len, rec._groups, rec._word_only, rec._phrase, rec._word_class


def test_a_cached_glossary_finds_what_a_compiled_one_finds(
    cache: Path, curated: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = TermRecognizer(curated)
    assert _files(cache) == []  # only recognizer_for-style callers use the disk
    first = TermRecognizer(curated, disk_cache=True)
    assert len(_files(cache)) == 1
    _no_compiling(monkeypatch)
    loaded = TermRecognizer(curated, disk_cache=True)
    assert _state(loaded) == _state(first) == _state(fresh)
    assert loaded.find(ARTICLE) == fresh.find(ARTICLE)
    assert len(loaded.find(ARTICLE)) > 100


@pytest.mark.parametrize("how", [*DAMAGE, "garbage"])
def test_a_damaged_cache_file_is_compiled_again(cache: Path, curated: Glossary, how: str) -> None:
    TermRecognizer(curated, disk_cache=True)
    (path,) = _files(cache)
    damage(path, how, b"glossar-terms-1\n" + bytes(32) + b"\x80\x05not a pickle")
    rec = TermRecognizer(curated, disk_cache=True)
    assert _state(rec) == _state(TermRecognizer(curated))
    assert rec.find(ARTICLE) == TermRecognizer(curated).find(ARTICLE)
    assert compiled.load(path, TermRecognizer._COMPILED) is not None  # rewritten whole


def test_a_cache_file_others_may_write_is_not_read(cache: Path, curated: Glossary) -> None:
    TermRecognizer(curated, disk_cache=True)
    (path,) = _files(cache)
    assert path.stat().st_mode & 0o077 == 0  # private
    path.chmod(0o666)
    assert compiled.load(path, TermRecognizer._COMPILED) is None
    rec = TermRecognizer(curated, disk_cache=True)  # compiled again, rewritten private
    assert rec.find(ARTICLE) == TermRecognizer(curated).find(ARTICLE)
    assert path.stat().st_mode & 0o077 == 0
    assert compiled.load(path, TermRecognizer._COMPILED) is not None


def test_a_changed_entry_is_another_glossary(
    cache: Path, curated: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    entries = list(curated)
    TermRecognizer(entries, disk_cache=True)
    i = next(i for i, e in enumerate(entries) if e.de == "Ausnahmezustand")
    changed = [*entries]
    changed[i] = dataclasses.replace(entries[i], plural=None)
    assert compiled.cache_path(changed) != compiled.cache_path(entries)
    # fields compiling does not read (the English side) share the compiled form
    english = [*entries]
    english[i] = dataclasses.replace(entries[i], en="emergency rule")
    assert compiled.cache_path(english) == compiled.cache_path(entries)
    # only the few most recent glossaries are kept
    for n in range(compiled.KEEP + 2):
        TermRecognizer(entries[n:], disk_cache=True)
    assert len(_files(cache)) == compiled.KEEP


def test_entries_it_cannot_fingerprint_are_compiled(cache: Path, curated: Glossary) -> None:
    class Word(str):
        pass

    entries = list(curated)
    entries[0] = dataclasses.replace(entries[0], de=Word(entries[0].de))
    assert compiled.cache_path(entries) is None
    assert len(TermRecognizer(entries, disk_cache=True)) == len(TermRecognizer(curated))
    assert _files(cache) == []


def test_no_cache_folder_no_file(
    tmp_path: Path, curated: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compiled, "MIN_ENTRIES", 1)
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", "")
    assert compiled.cache_path(list(curated)) is None
    assert len(TermRecognizer(curated, disk_cache=True)) == len(TermRecognizer(curated))
    # a cache folder that cannot be written only costs the speed
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", str(blocked / "cache"))
    rec = TermRecognizer(curated, disk_cache=True)
    assert rec.find(ARTICLE) == TermRecognizer(curated).find(ARTICLE)


class _Pwn:
    """Unpickling this runs code: what a crafted cache file would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


def _forged(payload_of: object) -> bytes:
    """A file anyone could write: magic, an unkeyed digest of the payload, the payload."""
    import hashlib
    import pickle

    payload = pickle.dumps(payload_of)
    digest = hashlib.blake2b(payload, digest_size=DIGEST).digest()
    return compiled._MAGIC + digest + payload


def test_a_forged_cache_file_is_never_unpickled(
    cache: Path, curated: Glossary, tmp_path: Path
) -> None:
    """Without this user's secret key nobody can write a file glossar will unpickle."""
    TermRecognizer(curated, disk_cache=True)
    (path,) = _files(cache)
    marker = tmp_path / "pwned"
    path.write_bytes(_forged(_Pwn(marker)))
    path.chmod(0o600)
    rec = TermRecognizer(curated, disk_cache=True)
    assert not marker.exists()
    assert rec.find(ARTICLE) == TermRecognizer(curated).find(ARTICLE)


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="no O_NOFOLLOW here")
def test_a_cache_file_that_is_a_link_or_readable_by_others_is_not_read(
    cache: Path, curated: Glossary, tmp_path: Path
) -> None:
    TermRecognizer(curated, disk_cache=True)
    (path,) = _files(cache)
    elsewhere = tmp_path / "planted.bin"
    elsewhere.write_bytes(path.read_bytes())  # a valid file, but behind a link
    elsewhere.chmod(0o600)
    path.unlink()
    path.symlink_to(elsewhere)
    assert compiled.load(path, TermRecognizer._COMPILED) is None
    path.unlink()
    path.write_bytes(elsewhere.read_bytes())
    path.chmod(0o644)  # others may read it
    assert compiled.load(path, TermRecognizer._COMPILED) is None


def test_a_cache_folder_others_may_write_caches_nothing(cache: Path, curated: Glossary) -> None:
    cache.mkdir(mode=0o700)
    cache.chmod(0o777)
    rec = TermRecognizer(curated, disk_cache=True)
    assert _files(cache) == []
    assert rec.find(ARTICLE) == TermRecognizer(curated).find(ARTICLE)


def test_pruning_deletes_only_its_own_files(
    cache: Path, curated: Glossary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GLOSSAR_CACHE_DIR may be a folder with other files named terms-…"""
    cache.mkdir(mode=0o700)
    mine = cache / "terms-2024.txt"
    mine.write_text("notes")
    monkeypatch.setattr(compiled, "KEEP", 0)
    TermRecognizer(curated, disk_cache=True)
    assert mine.read_text() == "notes"
