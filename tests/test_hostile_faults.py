"""Fault injection: exports, imports, renders and cache writes killed at their rename.

Every writer goes through one temp-file-and-rename; whatever stops it there (a full disk,
an I/O error, Ctrl-C, the process exiting) leaves the old file exactly as it was and no
temp file behind. (Model installs: tests/test_hostile_model.py.)
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from glossar import files

DATA = Path(__file__).parent / "data"

FAULTS = {
    "disk full": lambda: OSError(errno.ENOSPC, "No space left on device"),
    "I/O error": lambda: OSError(errno.EIO, "Input/output error"),
    "Ctrl-C": KeyboardInterrupt,
    "exit": lambda: SystemExit(9),
}

JOBS = {
    "export tbx": ("glossary", "export", "--format", "tbx", "-o", "{out}"),
    "export csv": ("glossary", "export", "--format", "csv", "-o", "{out}"),
    "import": ("glossary", "import", "{rich}", "-o", "{out}"),
    "article html": ("article", "{src}", "--no-mt", "--format", "html", "-o", "{out}"),
    "article xliff": ("article", "{src}", "--no-mt", "--format", "xliff", "-o", "{out}"),
}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("job", list(JOBS))
def test_a_writer_killed_at_its_rename_loses_nothing(  # type: ignore[no-untyped-def]
    job: str, fault: str, glossar_cli, tmp_path: Path, monkeypatch
) -> None:
    src = tmp_path / "de.txt"
    src.write_text("Der Präsident verhängte den Ausnahmezustand.\n", encoding="utf-8")
    out = tmp_path / "result.out"
    out.write_bytes(b"the user's previous file\n")
    out.chmod(0o640)
    renames: list[tuple[str, str]] = []

    def killed(a: str, b: str) -> None:
        renames.append((a, b))
        raise FAULTS[fault]()

    monkeypatch.setattr(files.os, "replace", killed)
    args = [a.format(out=out, src=src, rich=DATA / "glossary_rich.toml") for a in JOBS[job]]
    try:
        r = glossar_cli(*args)
        code = r.exit_code
        assert "Traceback" not in r.stderr
    except KeyboardInterrupt:  # pragma: no cover - run_glossar lets main map it
        code = 130
    assert renames, "the writer never reached its rename"
    assert code != 0
    assert out.read_bytes() == b"the user's previous file\n"
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["de.txt", "result.out"]


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_new_output_killed_at_its_rename_leaves_no_file(  # type: ignore[no-untyped-def]
    fault: str, tmp_path: Path, monkeypatch
) -> None:
    def killed(a: str, b: str) -> None:
        raise FAULTS[fault]()

    monkeypatch.setattr(files.os, "replace", killed)
    with pytest.raises((OSError, KeyboardInterrupt, SystemExit, files.CannotWriteError)):
        files.atomic_write_text(tmp_path / "new.toml", "x = 1\n")
    assert list(tmp_path.iterdir()) == []


def test_a_killed_word_index_write_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from simplemma.strategies import dictionaries

    from glossar.text.morphology import words

    class Stub:
        def get_dictionary(self, lang: str) -> list[str]:
            return ["Gas", "Haus"]

    monkeypatch.setattr(dictionaries, "LOW_MEMORY_DICTIONARY_FACTORY", Stub())

    def killed(a: str, b: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", killed)
    words._write_index(tmp_path / "de-words.idx")  # best effort: no error, nothing left
    assert list(tmp_path.iterdir()) == []
