"""Hostile paths and file faults: writers never destroy inputs, errors are one line.

Regression tests for issue 16's probe ("data loss", "tracebacks instead of one-line
errors", "letting things in": permissions, ``-o -``, ``check - -``, directories).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from pathlib import Path

import pytest

from glossar import files
from glossar.errors import CannotWriteError
from glossar.text import stream

DATA = Path(__file__).parent / "data"
GERMAN = "Der Präsident verhängte den Ausnahmezustand.\n"


def _no_traceback(r) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in r.stderr
    assert len([ln for ln in r.stderr.splitlines() if ln.startswith("glossar:")]) <= 1


# --- an output that is an input is refused (exit 2), the input untouched ----------------


def test_article_output_over_its_source_is_refused(glossar_cli, tmp_path: Path) -> None:
    src = tmp_path / "x.txt"
    src.write_text(GERMAN, encoding="utf-8")
    for out in (str(src), str(tmp_path / "sub" / ".." / "x.txt")):
        (tmp_path / "sub").mkdir(exist_ok=True)
        r = glossar_cli("article", str(src), "--no-mt", "-o", out)
        assert r.exit_code == 2, r.stderr
        assert "overwrite an input" in r.stderr
        _no_traceback(r)
    assert src.read_text(encoding="utf-8") == GERMAN


def test_output_through_a_symlink_or_hard_link_to_the_source_is_refused(
    glossar_cli, tmp_path: Path
) -> None:
    src = tmp_path / "x.txt"
    src.write_text(GERMAN, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(src)
    os.link(src, tmp_path / "hard.txt")
    for out in ("link.txt", "hard.txt"):
        r = glossar_cli("article", str(src), "--no-mt", "-o", str(tmp_path / out))
        assert r.exit_code == 2, out
    assert src.read_text(encoding="utf-8") == GERMAN


def test_export_over_a_glossary_in_use_is_refused(glossar_cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    mine = tmp_path / "mine.toml"
    mine.write_bytes((DATA / "glossary_rich.toml").read_bytes())
    before = mine.read_bytes()
    r = glossar_cli(
        "glossary", "export", "--glossary", str(mine), "--format", "json", "-o", str(mine)
    )
    assert r.exit_code == 2 and "overwrite an input" in r.stderr
    monkeypatch.setenv("GLOSSAR_GLOSSARY_PATH", str(mine))
    r = glossar_cli("glossary", "export", "--format", "tbx", "-o", str(mine))
    assert r.exit_code == 2
    assert mine.read_bytes() == before
    assert glossar_cli("glossary", "validate", str(mine)).exit_code == 0


def test_export_over_the_curated_glossary_is_refused(glossar_cli) -> None:  # type: ignore[no-untyped-def]
    from glossar.glossary.load import curated_glossary_paths

    curated = curated_glossary_paths()[0]
    before = curated.read_bytes()
    r = glossar_cli("glossary", "export", "--format", "json", "-o", str(curated))
    assert r.exit_code == 2
    assert curated.read_bytes() == before


def test_import_over_its_own_file_is_refused(glossar_cli, tmp_path: Path) -> None:
    src = tmp_path / "terms.csv"
    src.write_text("Haus,house\n", encoding="utf-8")
    r = glossar_cli("glossary", "import", str(src), "--format", "csv", "-o", str(src))
    assert r.exit_code == 2
    assert src.read_text(encoding="utf-8") == "Haus,house\n"


def test_article_dash_output_is_stdout_not_a_file(glossar_cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "x.txt"
    src.write_text(GERMAN, encoding="utf-8")
    r = glossar_cli("article", str(src), "--no-mt", "--format", "markdown", "-o", "-")
    assert r.exit_code == 0, r.stderr
    assert "Präsident" in r.stdout
    assert not (tmp_path / "-").exists()
    r = glossar_cli("glossary", "export", "--format", "csv", "-o", "-")
    assert r.exit_code == 0 and not (tmp_path / "-").exists()


def test_check_with_both_sides_on_stdin_is_a_usage_error(glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("check", "-", "-", input=GERMAN)
    assert r.exit_code == 2
    assert "standard input" in r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("terms", "{d}"),
        ("article", "{d}", "--no-mt"),
        ("check", "{d}", "{f}"),
        ("check", "{f}", "{d}"),
        ("translate", "--file", "{d}"),
        ("glossary", "validate", "{d}"),
        ("glossary", "import", "{d}"),
        ("model", "install", "{d}"),
        ("terms", "--glossary", "{d}", "{f}"),
        ("lookup", "--glossary", "{d}", "Haus"),
    ],
)
def test_a_directory_as_file_is_exit_4_for_every_verb(glossar_cli, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "x.txt"
    f.write_text(GERMAN, encoding="utf-8")
    r = glossar_cli(*(a.format(d=tmp_path, f=f) for a in args))
    assert r.exit_code == 4, (args, r.stderr)
    assert "directory" in r.stderr
    _no_traceback(r)


# --- writing: one line for every failure, nothing half-written, no temp files left -----


def test_output_into_a_missing_folder_is_one_line_exit_4(glossar_cli, tmp_path: Path) -> None:
    src = tmp_path / "x.txt"
    src.write_text(GERMAN, encoding="utf-8")
    r = glossar_cli("article", str(src), "--no-mt", "-o", str(tmp_path / "nope" / "a.html"))
    assert r.exit_code == 4
    assert "does not exist" in r.stderr
    _no_traceback(r)


def test_output_to_a_fifo_is_written_into_it_not_over_it(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """-o onto a named pipe: the reader gets the article; the pipe stays a pipe (the
    atomic rename replaced it with a regular file and the reader got nothing)."""
    import threading

    src = tmp_path / "x.txt"
    src.write_text(GERMAN, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = glossar_cli("article", str(src), "--no-mt", "--format", "json", "-o", str(fifo))
    reader.join(10)
    assert r.exit_code == 0, r.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and b"Ausnahmezustand" in got[0]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".pipe.")]


def test_output_through_a_symlink_replaces_the_file_and_keeps_the_link(
    glossar_cli, tmp_path: Path
) -> None:
    """-o link.json where link.json → real.json: real.json gets the output (atomically)
    and link.json stays a link (it became a regular file, real.json left stale)."""
    src = tmp_path / "x.txt"
    src.write_text(GERMAN, encoding="utf-8")
    real = tmp_path / "out" / "real.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    dangling = tmp_path / "new.json"
    dangling.symlink_to(tmp_path / "out" / "made.json")
    for out in (link, dangling):
        r = glossar_cli("article", str(src), "--no-mt", "--format", "json", "-o", str(out))
        assert r.exit_code == 0, r.stderr
        assert out.is_symlink()
    assert "Ausnahmezustand" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert "Ausnahmezustand" in (tmp_path / "out" / "made.json").read_text(encoding="utf-8")


@pytest.mark.skipif(os.name != "posix", reason="/dev/null")
def test_output_to_dev_null_leaves_the_device(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """-o /dev/null works and /dev/null stays a character device. (As root, the old
    rename replaced the device with a file; the test runs only where it cannot, so a
    regression fails here as "cannot write … permission denied" instead.)"""
    if os.geteuid() == 0:
        pytest.skip("as root a regression would replace /dev/null on this machine")
    src = tmp_path / "x.txt"
    src.write_text(GERMAN, encoding="utf-8")
    r = glossar_cli("article", str(src), "--no-mt", "-o", os.devnull)
    assert r.exit_code == 0, r.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("into", ["file", "pipe"])
@pytest.mark.parametrize("via", ["a link to it", "/dev/stdout"])
def test_output_to_dev_stdout_goes_where_stdout_goes(into: str, via: str, tmp_path: Path) -> None:
    """-o /dev/stdout: resolving the link replaced the file stdout was redirected into
    (losing what the shell had written there) or, for a pipe, failed on "pipe:[…]"."""
    import subprocess
    import sys

    if via == "/dev/stdout" and os.geteuid() == 0:
        pytest.skip("as root a regression would replace /dev/stdout on this machine")
    out_path = "/dev/stdout"
    if via == "a link to it":  # a regression here replaces only files under tmp_path
        (tmp_path / "out.json").symlink_to("/dev/stdout")
        out_path = str(tmp_path / "out.json")
    src = tmp_path / "x.txt"
    src.write_text(GERMAN, encoding="utf-8")
    cmd = [sys.executable, "-m", "glossar", "article", str(src), "--no-mt", "--format",
           "json", "-o", out_path]  # fmt: skip
    if into == "file":
        log = tmp_path / "a.log"
        log.write_text("OLD\n", encoding="utf-8")
        with open(log, "ab") as out:
            r = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, timeout=120)
        written = log.read_text(encoding="utf-8")
        assert written.startswith("OLD\n")
        assert stat.S_ISREG(log.lstat().st_mode)
    else:
        r = subprocess.run(cmd, capture_output=True, timeout=120)
        written = r.stdout.decode()
    assert r.returncode == 0, r.stderr
    assert "Ausnahmezustand" in written


def test_glossars_own_files_never_write_through_a_link(tmp_path: Path) -> None:
    """Cache stamps are written without ``follow``: a link planted at their path is
    replaced, never followed (the file it points to stays as it was)."""
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    stamp = tmp_path / "words.idx.verified"
    stamp.symlink_to(victim)
    files.atomic_write_bytes(stamp, b"123 456")
    assert victim.read_text(encoding="utf-8") == "mine"
    assert not stamp.is_symlink() and stamp.read_bytes() == b"123 456"


def test_a_failing_device_says_the_output_may_be_incomplete(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A device cannot be written atomically: a write error there does not claim that
    nothing was written; one that cannot even be opened does (and names the path as
    given, not a folder that "does not exist")."""
    import io

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    real_open = open

    class Full(io.BytesIO):
        def write(self, data):  # type: ignore[no-untyped-def,override]
            raise OSError(errno.ENOSPC, "No space left on device")

    def full_open(path, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == fifo:
            return Full()
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", full_open)
    with pytest.raises(CannotWriteError, match="no space left.*may be incomplete"):
        files.atomic_write_bytes(fifo, b"x", follow=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    monkeypatch.setattr("builtins.open", real_open)
    with pytest.raises(CannotWriteError, match=r"cannot write /dev/fd/977: .*nothing was written"):
        files.atomic_write_bytes("/dev/fd/977", b"x", follow=True)  # no such descriptor


def test_only_real_descriptor_names_are_written_into(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """/proc/self/cwd/out.txt is a regular file (replaced, not appended to); a link in a
    linked folder counts from where that folder really is; a folder link into
    /proc/self/fd is a descriptor (the file behind it is never replaced)."""
    out = tmp_path / "out.txt"
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        files.atomic_write_text("/proc/self/cwd/out.txt", "X\n", follow=True)
    assert out.read_text(encoding="utf-8") == "X\n"
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "l2").write_text("physical\n", encoding="utf-8")
    (tmp_path / "sd").symlink_to(tmp_path / "a" / "b")
    (tmp_path / "a" / "b" / "up").symlink_to("../l2")
    (tmp_path / "l2").symlink_to("/proc/self/fd/1")  # a decoy the paper path would take
    files.atomic_write_text(tmp_path / "sd" / "up", "NEW\n", follow=True)
    assert (tmp_path / "a" / "l2").read_text(encoding="utf-8") == "NEW\n"
    assert files._through_a_descriptor(tmp_path / "l2")
    (tmp_path / "fdd").symlink_to("/proc/self/fd")
    assert files._through_a_descriptor(tmp_path / "fdd" / "1")


@pytest.mark.parametrize(
    ("code", "words"), [(errno.ENOSPC, "no space left"), (errno.EROFS, "read-only")]
)
def test_full_disk_and_read_only_fs_are_one_line_and_leave_the_old_file(
    glossar_cli, tmp_path: Path, monkeypatch, code: int, words: str
) -> None:
    out = tmp_path / "out.json"
    out.write_text("old\n", encoding="utf-8")

    def failing_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "fsync", failing_fsync)
    r = glossar_cli("glossary", "export", "--format", "json", "-o", str(out))
    assert r.exit_code == 4
    assert words in r.stderr
    _no_traceback(r)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_read_only_folder_when_creating_the_temp_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*a: object, **k: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(CannotWriteError, match="read-only file system"):
        files.atomic_write_text(tmp_path / "a.txt", "x")


def test_interrupt_during_write_removes_the_temp_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")

    def interrupted(src: str, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.atomic_write_text(target, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert target.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_new_files_follow_the_umask_existing_ones_keep_their_mode(
    tmp_path: Path, umask: int
) -> None:
    old = os.umask(umask)
    try:
        fresh = tmp_path / f"new-{umask:o}.txt"
        files.atomic_write_text(fresh, "x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
        kept = tmp_path / f"kept-{umask:o}.txt"
        kept.write_text("x")
        kept.chmod(0o640)
        files.atomic_write_text(kept, "y")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_lone_surrogates_in_output_text_do_not_fail_the_write(tmp_path: Path) -> None:
    files.atomic_write_text(tmp_path / "a.txt", "a\udcffb")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "a\ufffdb"


def test_stale_temp_files_of_a_target_are_swept_fresh_ones_kept(tmp_path: Path) -> None:
    stale = tmp_path / ".out.html.abc123.tmp"
    fresh = tmp_path / ".out.html.def456.tmp"
    other = tmp_path / ".unrelated.tmp"
    for p in (stale, fresh, other):
        p.write_text("partial")
    hour_ago = time.time() - 2 * 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    files.atomic_write_text(tmp_path / "out.html", "<p>x</p>")
    assert not stale.exists()
    assert fresh.exists() and other.exists()


def test_startup_sweeps_stale_word_cache_temp_files(  # type: ignore[no-untyped-def]
    glossar_cli, tmp_path: Path, monkeypatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", str(cache))
    stale = cache / ".words-x1y2.tmp"
    stale.write_bytes(b"\0" * 1000)
    stale_terms = cache / ".terms-a1b2.tmp"  # a compiled glossary a killed run left
    stale_terms.write_bytes(b"\0" * 1000)
    fresh = cache / ".words-z3.tmp"
    fresh.write_bytes(b"\0")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    os.utime(stale_terms, (old, old))
    glossar_cli("lookup", "Haus")
    assert not stale.exists() and not stale_terms.exists() and fresh.exists()


# --- inputs are read with a byte cap, not trusting stat ---------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("terms", "/dev/zero"),
        ("article", "/dev/zero", "--no-mt"),
        ("check", "/dev/zero", "{f}"),
        ("terms", "--glossary", "/dev/zero", "{f}"),
        ("glossary", "validate", "/dev/zero"),
        ("glossary", "import", "/dev/zero", "--format", "csv"),
    ],
)
def test_endless_devices_are_refused_with_a_size_message(
    glossar_cli, tmp_path: Path, monkeypatch, args
) -> None:
    monkeypatch.setattr(files, "MAX_INPUT_BYTES", 1024**2)
    monkeypatch.setattr(stream, "MAX_STREAM_BYTES", 1024**2)  # terms streams its input
    from glossar.glossary.formats import registry as glossary_registry

    monkeypatch.setattr(glossary_registry, "MAX_IMPORT_BYTES", 1024**2)
    f = tmp_path / "x.txt"
    f.write_text(GERMAN, encoding="utf-8")
    r = glossar_cli(*(a.format(f=f) for a in args))
    assert r.exit_code == 4, r.stderr
    # (NUL bytes: a text input says binary data at once, stop 46)
    assert "larger than" in r.stderr or "too large" in r.stderr or "binary data" in r.stderr
    _no_traceback(r)


def test_a_fifo_fed_forever_is_refused(glossar_cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    monkeypatch.setattr(files, "MAX_INPUT_BYTES", 256 * 1024)
    monkeypatch.setattr(stream, "MAX_STREAM_BYTES", 256 * 1024)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    stop = threading.Event()

    def feed() -> None:
        try:
            with open(fifo, "wb") as fh:
                while not stop.is_set():
                    fh.write(b"Haus " * 4096)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        r = glossar_cli("terms", str(fifo))
    finally:
        stop.set()
    writer.join(5)
    assert r.exit_code == 4 and "larger than" in r.stderr


def test_stdin_is_capped_too(glossar_cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(files, "MAX_INPUT_BYTES", 1000)
    monkeypatch.setattr(stream, "MAX_STREAM_BYTES", 1000)
    r = glossar_cli("terms", "-", input="Haus " * 1000)
    assert r.exit_code == 4 and "larger than" in r.stderr


def test_a_lookup_query_over_its_cap_names_the_cap(glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """The 64 KiB query cap was reported as "larger than 0 MiB"."""
    r = glossar_cli("lookup", input="a" * (64 * 1024 + 1))
    assert r.exit_code == 4
    assert "larger than 64 KiB" in r.stderr


@pytest.mark.parametrize(
    ("size", "text"),
    [(1000, "1000 bytes"), (1024, "1 KiB"), (64 * 1024, "64 KiB"), (4 * 1024**3, "4 GiB")],
)
def test_sizes_in_messages_keep_their_unit_whole(size: int, text: str) -> None:
    assert files.size_text(size) == text


def test_odd_bytes_in_a_file_name_are_shown_not_crashed_on(glossar_cli, tmp_path: Path) -> None:
    name = os.fsdecode(b"bad-\xff\x1b[2J.txt")
    r = glossar_cli("terms", str(tmp_path / name))
    assert r.exit_code == 4
    assert "\x1b" not in r.stderr
    _no_traceback(r)


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_streamed_writes_follow_the_umask_and_refuse_a_directory(
    tmp_path: Path, umask: int
) -> None:
    """`article FILE --format json -o OUT` writes through the streaming writer: same rules."""
    old = os.umask(umask)
    try:
        fresh = tmp_path / "out.json"
        with stream.atomic_text_writer(fresh) as fh:
            fh.write("{}\n")
        assert fresh.read_text(encoding="utf-8") == "{}\n"
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    finally:
        os.umask(old)
    for bad in (tmp_path, tmp_path / "missing" / "out.json"):  # a folder; no such folder
        with pytest.raises(CannotWriteError), stream.atomic_text_writer(bad):
            pass


def test_start_up_sweep_and_word_index_share_one_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`GLOSSAR_CACHE_DIR=~/x`: the index lives in ~/x, and the sweep cleans ~/x."""
    from glossar.cli import sweep_our_folders
    from glossar.text.morphology.words import word_index_path

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", "~/cache")
    folder = tmp_path / "cache"
    folder.mkdir()
    stale = folder / ".words-1234.tmp"
    stale.write_text("x")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    index = word_index_path()
    assert index is not None and index.parent == folder
    sweep_our_folders()
    assert not stale.exists()
    monkeypatch.setenv("GLOSSAR_CACHE_DIR", "")
    assert files.cache_dir() is None and word_index_path() is None


def test_a_reader_that_goes_away_is_exit_141_without_a_message(tmp_path: Path) -> None:
    """`glossar terms big.txt | head -1`: the pipe closes under glossar. That was exit 1,
    which the contract gives "no terms found"; now it is what a shell reports for a
    process ended by SIGPIPE, with nothing on stderr."""
    import subprocess
    import sys

    big = tmp_path / "big.txt"
    big.write_text("Tokajew verhängte den Ausnahmezustand.\n" * 20_000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "glossar", "terms", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141, err
    assert err == ""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["terms", "--help"]])
def test_a_reader_gone_before_the_help_is_printed_is_exit_141_too(args: list[str]) -> None:
    """`glossar --help | less` quit at once: the top-level help is printed while click
    parses, outside the command, and was exit 1 ("nothing found")."""
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "glossar", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert (proc.wait(timeout=60), err) == (141, "")


def test_a_file_name_that_is_not_utf8_is_shown_the_same_in_every_message(
    glossar_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A tester: "nope\\udcff.txt: no such file" but "bad\ufffd.toml:1: …" elsewhere.
    Every message now shows the byte itself: \\xff."""
    import os

    bad = tmp_path / os.fsdecode(b"bad-\xff.toml")
    bad.write_bytes(b"[[entry]]\nde = 1\n")
    xml = tmp_path / os.fsdecode(b"bad-\xff.xml")
    xml.write_bytes(b"<x>")
    missing = str(tmp_path / os.fsdecode(b"nope-\xff.txt"))
    messages = [
        glossar_cli("terms", missing).stderr,
        glossar_cli("glossary", "validate", str(bad)).stderr,
        glossar_cli(
            "glossary", "import", "--format", "tbx", str(xml), "-o", str(tmp_path / "o.toml")
        ).stderr,
    ]
    for text in messages:
        assert "-\\xff." in text and "\ufffd" not in text and "\\udcff" not in text, text


@pytest.mark.parametrize(
    "args",
    [
        ("terms", "{f}"),
        ("terms", "-"),
        ("article", "{f}", "--no-mt"),
        ("check", "{f}", "{e}"),
        ("check", "{e}", "{f}"),
        ("glossary", "import", "{f}", "--format", "csv", "-o", "{e}.toml"),
    ],
)
def test_utf16_text_without_a_bom_is_refused_as_binary(glossar_cli, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    """A tester's: UTF-16 without a BOM is valid UTF-8 where it has no umlauts (each
    character comes with a NUL), and `check` made 9 false problems of a correct
    translation; `terms` found nothing and `translate` wrote garbage, exit 0."""
    f = tmp_path / "de16.txt"
    f.write_bytes("Die Regierung trat zurueck.\n".encode("utf-16-le"))
    e = tmp_path / "en.txt"
    e.write_text("The government resigned.\n", encoding="utf-8")
    r = glossar_cli(*(a.format(f=f, e=e) for a in args), input=f.read_bytes())
    assert r.exit_code == 4
    assert "binary data, not text (a NUL byte at byte 1: UTF-16 without a BOM?)" in r.stderr


def test_a_stray_nul_in_text_is_shown_not_refused(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "de.txt"
    f.write_text("Die Regierung\x00 trat zurück.\n", encoding="utf-8")
    r = glossar_cli("terms", str(f))
    assert r.exit_code == 0 and "[Regierung]␀" in r.stdout


@pytest.mark.parametrize(
    ("redirect", "args", "message"),
    [
        (">&-", ["lookup", "Ausnahmezustand"], "standard output is closed"),
        (">&-", ["terms", "-"], "standard output is closed"),
        ("<&-", ["terms", "-"], "standard input is closed"),
        ("<&-", ["check", "-", "{f}"], "standard input is closed"),
    ],
)
def test_a_closed_standard_stream_is_one_clear_line(
    tmp_path: Path, redirect, args, message
) -> None:  # type: ignore[no-untyped-def]
    """A tester's `glossar translate "…" >&-` exited 0 with the translation lost; other
    verbs said "internal error (AttributeError: 'NoneType' object has no attribute …)"."""
    import shlex
    import subprocess
    import sys

    f = tmp_path / "en.txt"
    f.write_text("The government resigned.\n", encoding="utf-8")
    command = " ".join(shlex.quote(a.format(f=f)) for a in args)
    r = subprocess.run(  # (the redirection in the shell closes the stream whatever is piped)
        ["bash", "-c", f"{shlex.quote(sys.executable)} -m glossar {command} {redirect}"],
        capture_output=True,
        text=True,
        input=GERMAN,
    )
    assert r.returncode == 4
    assert r.stderr == f"glossar: {message}" + (
        ": nothing could be printed (give -o FILE)\n" if "output" in message else "\n"
    )


def test_an_empty_output_path_and_an_empty_text_are_bad_input(
    copy_model_installed, glossar_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A tester's `-o ''` said "cannot write .: is a directory", and `translate ""`
    printed an empty line with the MT label and exit 0 (an empty file: exit 4)."""
    f = tmp_path / "de.txt"
    f.write_text(GERMAN, encoding="utf-8")
    r = glossar_cli("terms", str(f), "-o", "")
    assert (r.exit_code, r.stderr) == (4, "glossar: an empty path names no file\n")
    for text in ("", "  ", ">"):
        r = glossar_cli("translate", text)
        assert r.exit_code == 4 and r.stdout == ""
        assert r.stderr == "glossar: TEXT: no text (empty, white space or quote marks only)\n"


def test_a_dumb_terminal_gets_no_colour(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from glossar.cli.options import use_color

    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert use_color()
    monkeypatch.setenv("TERM", "dumb")  # (a tester's: escape codes in an editor's shell)
    assert not use_color()


def test_a_closed_standard_output_does_not_stop_a_corpus_job(tmp_path: Path) -> None:
    """The review's: `glossar corpus terms IN OUT >&-` (a cron job) was refused, though
    the job writes OUTPUT and says the rest on stderr; `-h` as `--help`."""
    import shlex
    import subprocess
    import sys

    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "1", "text": "Der Präsident verhängte den Ausnahmezustand."}\n')
    out = tmp_path / "out.jsonl"
    python = shlex.quote(sys.executable)
    for command in (
        f"{python} -m glossar corpus terms {shlex.quote(str(source))} {shlex.quote(str(out))}",
        f"{python} -m glossar terms -h",
    ):
        r = subprocess.run(["bash", "-c", f"{command} >&-"], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_a_latin1_stdout_gets_json_in_utf8_and_text_with_escapes(tmp_path: Path) -> None:
    """PYTHONIOENCODING=latin-1 (or a Windows code page): "–" or "→" stopped every verb
    with "text with characters that cannot be encoded" (exit 4, as if the input were
    bad), and --json came out in Latin-1 against the contract's UTF-8."""
    import subprocess
    import sys

    src = tmp_path / "x.txt"
    src.write_text("Der Ausnahmezustand wegen Flüssiggas – „OVKS“.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    base = [sys.executable, "-m", "glossar", "terms", str(src)]
    r = subprocess.run([*base, "--json"], capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert '"de": "Flüssiggas"' in r.stdout.decode("utf-8")  # UTF-8, not Latin-1
    assert r.stderr == b""
    r = subprocess.run(base, capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    shown = r.stdout.decode("latin-1")
    assert "Flüssiggas" in shown  # what Latin-1 has is shown as it is
    assert "\\u2013" in shown and "\\u201e[OVKS]\\u201c" in shown  # the rest escaped
    note = r.stderr.decode("latin-1").strip().splitlines()
    assert len(note) == 1 and "PYTHONIOENCODING=utf-8" in note[0], note
    # a glossary written to standard output is data too: glossar refused its own file
    # written in Latin-1 (the stop-47 review)
    csv = tmp_path / "terms.csv"
    csv.write_text("de,en\nGroßmacht,great power\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "glossar", "glossary", "import", str(csv)],
        capture_output=True, env=env, timeout=120,
    )  # fmt: skip
    assert r.returncode == 0 and 'de = "Großmacht"' in r.stdout.decode("utf-8"), r.stderr
