"""The per-user key that authenticates cache files outlives the stale-file sweeps, so
cache files stay readable for as long as they are kept."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from glossar.cache_files import _KEY_NAME, read_private, write_private
from glossar.files import STALE_AFTER_S


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_key_survives_the_start_up_sweep_and_old_files_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glossar.cli import sweep_our_folders

    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", str(folder))
    path = folder / f"terms-{'a' * 32}.bin"
    write_private(path, b"magic\n", lambda fh: fh.write(b"payload"), prefix="terms-", keep=4)
    key = folder / _KEY_NAME
    assert key.exists()
    for aged in (key, path):
        _age(aged, 2 * STALE_AFTER_S)  # a cache made yesterday
    sweep_our_folders()  # every CLI start-up
    assert key.exists()
    assert read_private(path, b"magic\n", lambda fh: fh.read()) == b"payload"
    # a later write with the aged key: readable too (it was MAC'd with a key it then swept)
    other = folder / f"glossary-{'b' * 32}.bin"
    write_private(other, b"m2\n", lambda fh: fh.write(b"x"), prefix="glossary-", keep=4)
    assert read_private(other, b"m2\n", lambda fh: fh.read()) == b"x"
    assert read_private(path, b"magic\n", lambda fh: fh.read()) == b"payload"


def test_a_file_read_as_another_format_fails_its_mac(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    path = folder / f"terms-{'c' * 32}.bin"
    write_private(path, b"format-a\n", lambda fh: fh.write(b"payload"), prefix="terms-", keep=4)
    data = path.read_bytes()
    path.write_bytes(b"format-b\n" + data[len(b"format-a\n") :])  # same MAC and payload
    path.chmod(0o600)
    assert read_private(path, b"format-b\n", lambda fh: fh.read()) is None


def test_the_key_matches_no_swept_prefix_and_a_cut_short_key_is_replaced(tmp_path: Path) -> None:
    from glossar.cli import CACHE_TEMP_PREFIXES

    assert not _KEY_NAME.startswith(CACHE_TEMP_PREFIXES)
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    key = folder / _KEY_NAME
    key.write_bytes(b"")  # a crash between creating the key and writing it
    key.chmod(0o600)
    path = folder / f"terms-{'d' * 32}.bin"
    write_private(path, b"magic\n", lambda fh: fh.write(b"payload"), prefix="terms-", keep=4)
    assert len(key.read_bytes()) == 32  # a new key, not caching off for good
    assert read_private(path, b"magic\n", lambda fh: fh.read()) == b"payload"
    assert sorted(p.name for p in folder.iterdir()) == [_KEY_NAME, path.name]  # no temp left
