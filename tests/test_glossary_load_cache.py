"""The disk cache of loaded glossary files: a later process gets exactly the entries a
parse gives, a damaged, forged or stale cache file is parsed again, and a file with
problems is never cached (its problems are reported every time)."""

from __future__ import annotations

import dataclasses
import marshal
from pathlib import Path

import pytest
from cache_damage import DAMAGE, damage, private_cache

from glossar.cache_files import DIGEST
from glossar.errors import GlossaryError
from glossar.glossary import bulk, load, load_cache
from glossar.glossary.load import bundled_glossaries, load_glossary, load_glossary_file

NEWS = bundled_glossaries()["news"]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder; the news glossary is large enough to be cached."""
    return private_cache(tmp_path, monkeypatch, load_cache)


@pytest.fixture()
def news_copy(tmp_path: Path) -> Path:
    path = tmp_path / "termbase.toml"
    path.write_bytes(NEWS.read_bytes())
    return path


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("glossary-*.bin")) if folder.exists() else []


def _all_fields(entries: list[object]) -> list[tuple[object, ...]]:
    """Every field, those equality skips (glossary, source, line) too."""
    return [dataclasses.astuple(e) for e in entries]  # type: ignore[call-overload]


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise AssertionError("parsed although the cache holds this file")

    monkeypatch.setattr(load, "_parse", refuse)


def test_a_later_load_reads_the_cache_and_gets_the_same_entries(
    cache: Path, news_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info, entries = load_glossary_file(news_copy)
    assert len(_files(cache)) == 1
    _no_parsing(monkeypatch)
    again_info, again = load_glossary_file(news_copy)
    assert again_info == info
    assert _all_fields(again) == _all_fields(entries)
    assert all(type(e) is type(entries[0]) for e in again)
    assert again[0].source == str(news_copy) and again[3].line == entries[3].line
    # entries stay immutable, and layering gets their claim keys without recomputing
    with pytest.raises(dataclasses.FrozenInstanceError):
        again[0].de = "x"  # type: ignore[misc]
    expected = bulk.claim_keys(again)
    with monkeypatch.context() as m:  # layering gets the cached keys, not new ones
        m.setattr(bulk, "claim_keys", lambda entries: pytest.fail("claim keys recomputed"))
        assert bulk.known_claim_keys(again) == expected


def test_layering_a_cached_file_gives_the_same_glossary(
    cache: Path, news_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = bundled_glossaries()["kazakhstan-2022"]
    load._load_cached.cache_clear()  # files earlier tests loaded: read from disk here
    first = load_glossary([news_copy, article], curated=False)
    load._load_cached.cache_clear()  # as a new process would
    _no_parsing(monkeypatch)
    second = load_glossary([news_copy, article], curated=False)
    assert list(second.entries) == list(first.entries)
    assert _all_fields(list(second)) == _all_fields(list(first))


def test_the_same_bytes_under_another_name_or_changed_bytes_are_parsed(
    cache: Path, news_copy: Path, tmp_path: Path
) -> None:
    load_glossary_file(news_copy)
    other = tmp_path / "other.toml"
    other.write_bytes(news_copy.read_bytes())
    _, entries = load_glossary_file(other)
    assert {e.source for e in entries} == {str(other)}  # not the first file's name
    text = news_copy.read_text(encoding="utf-8")
    text = text.replace('en = "state of emergency"', 'en = "emergency"')
    news_copy.write_text(text, encoding="utf-8")
    _, changed = load_glossary_file(news_copy)
    assert any(e.en == "emergency" for e in changed)
    assert len(_files(cache)) == 3


@pytest.mark.parametrize("how", [*DAMAGE, "forged"])
def test_a_damaged_or_forged_cache_file_is_parsed_again(
    cache: Path, news_copy: Path, how: str
) -> None:
    import hashlib

    _, entries = load_glossary_file(news_copy)
    (path,) = _files(cache)
    # anyone can compute an unkeyed digest: a crafted payload must not be read
    payload = marshal.dumps((("x", "y", "", "", "de", "en", 1), [], [], []))
    digest = hashlib.blake2b(payload, digest_size=DIGEST).digest()
    damage(path, how, load_cache._MAGIC + digest + payload)
    assert load_cache.load(path) is None
    _, again = load_glossary_file(news_copy)
    assert _all_fields(again) == _all_fields(entries)
    assert load_cache.load(path) is not None  # written again, whole


def test_a_file_with_problems_is_never_cached(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    text = NEWS.read_text(encoding="utf-8").replace('pos = "noun"', 'pos = "nown"', 1)
    bad.write_text(text, encoding="utf-8")
    for _ in range(2):  # reported the same way each time
        with pytest.raises(GlossaryError) as exc:
            load_glossary_file(bad)
        assert "pos" in str(exc.value) and "bad.toml:" in str(exc.value)
    assert _files(cache) == []


def test_small_files_and_no_cache_folder_write_nothing(
    tmp_path: Path, news_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", str(folder))
    load_glossary_file(news_copy)  # 168 entries: parsing is faster than the cache
    assert _files(folder) == []
    monkeypatch.setattr(load_cache, "MIN_ENTRIES", 1)
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", "")
    _, entries = load_glossary_file(news_copy)
    assert len(entries) > 100 and _files(folder) == []


def test_glossary_data_read_from_bytes_is_not_cached(cache: Path) -> None:
    """Bytes (an import from standard input) go through a temporary file whose name no
    later load asks for: caching it would only evict useful files."""
    from glossar.glossary.formats.registry import read_glossary

    result = read_glossary(NEWS.read_bytes(), "toml")
    assert len(result.entries) > 100
    assert _files(cache) == []
