"""Reading user text and writing user files safely.

Input is UTF-8 or refused (exit 4), and read with a byte cap that does not trust
``stat`` (``/dev/zero``, a pipe or a device report size 0 and never end). Output is
written atomically: a temporary file in the target folder, fsynced, then renamed over
the target, so a crash never leaves a half-written file where a good one was. New
files get the permissions the umask allows (as ``open`` would give them), an existing
target keeps its own. A user's output (``-o``) that is a symbolic link stays a link (the
file it points to is replaced); a device, a FIFO or a descriptor (``/dev/null``, a named
pipe, ``/dev/stdout``) is written into, never replaced. An output that is one of the
command's inputs is refused (:func:`refuse_output_over_inputs`) before anything is read
or written.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from glossar.errors import BadInputError, CannotWriteError, OutputIsInputError
from glossar.i18n import N_, _

#: Largest text input read (FILE, stdin, glossaries): far above any article or glossary.
MAX_INPUT_BYTES = 64 * 1024**2
#: Temp files of ours older than this are left over from a killed run (see sweep_stale).
STALE_AFTER_S = 3600.0

#: What a read or write failed on, as shown (``--lang de`` translates them; the name and
#: the system's own reason stay as they are).
NO_SUCH = {"file": N_("{name}: no such file"), "glossary file": N_("{name}: no such glossary file")}
A_DIRECTORY = {
    "file": N_("{name}: is a directory, not a file"),
    "glossary file": N_("{name}: is a directory, not a glossary file"),
}
CANNOT_READ = N_("{name}: cannot read ({why})")
NOT_UTF8 = N_("{name}: not UTF-8 text (byte {at}: {byte})")
#: The same for a byte that Windows-1252 reads as a letter (ä is 0xE4 there): the
#: usual case of a German file saved by an older Windows program.
NOT_UTF8_LATIN = N_(
    "{name}: not UTF-8 text (byte {at}: {byte}); Windows-1252 or Latin-1? "
    "iconv -f windows-1252 -t utf-8 converts it"
)
NOT_TEXT = N_("{name}: binary data, not text (a NUL byte at byte {at}: UTF-16 without a BOM?)")
TOO_LARGE = N_("{name}: larger than {size}: refused")
_WRITE_WHY = {
    "ENOSPC": N_("no space left on the device"),
    "EROFS": N_("read-only file system"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("permission denied"),
    "EISDIR": N_("is a directory"),
}
FOLDER_MISSING = N_("the folder {folder} does not exist")
#: ENOENT for a folder that exists: a kernel file system that makes no files (/proc/self)
FOLDER_MAKES_NO_FILES = N_("no new file can be made in the folder {folder}")
NOTHING_WRITTEN = N_("cannot write {name}: {why}; nothing was written")
MAYBE_INCOMPLETE = N_("cannot write {name}: {why}; the output may be incomplete")


def no_such(name: str, what: str) -> BadInputError:
    """``name`` does not exist (``what``: "file" or "glossary file")."""
    return BadInputError(_(NO_SUCH[what]).format(name=name))


def a_directory(name: str, what: str) -> BadInputError:
    """``name`` is a directory where a file was asked for."""
    return BadInputError(_(A_DIRECTORY[what]).format(name=name))


def cannot_read(name: str, exc: BaseException) -> BadInputError:
    """A read that failed for a reason of the system's (its words, in the message)."""
    why = getattr(exc, "strerror", None) or str(exc)
    return BadInputError(_(CANNOT_READ).format(name=name, why=why))


def not_utf8(name: str, at: int, byte: bytes, *, single_bytes: bool = False) -> BadInputError:
    """Input that is not UTF-8 at byte offset ``at``. With ``single_bytes`` (no UTF-8
    sequence of several bytes before it, and not one cut off at the end), where the byte
    is a letter in Windows-1252, the message names the conversion: a desk tester's files
    from an older program. A UTF-8 file with one stray byte gets no such advice, which
    would garble its other umlauts."""
    # (a letter there: ä ö ü ß é …, not × ÷ ÿ or a byte no text has)
    latin = (
        single_bytes and len(byte) == 1 and 0xC0 <= byte[0] <= 0xFE and byte[0] not in (0xD7, 0xF7)
    )
    message = NOT_UTF8_LATIN if latin else NOT_UTF8
    return BadInputError(_(message).format(name=name, at=at, byte=repr(byte)))


#: Bytes of an input's start that :func:`refuse_binary` reads.
BINARY_PROBE = 1 << 16


def refuse_binary(data: bytes, name: str) -> None:
    """:class:`BadInputError` when ``data`` (an input's start) is full of NUL bytes, as
    UTF-16 text without a BOM or a device of zeros is: valid UTF-8, but no text (it made
    garbage of every check). A stray NUL in text (a PDF's copy) is shown as a symbol, as
    every control character is."""
    probe = data[:BINARY_PROBE]
    if probe.count(b"\x00") * 8 > len(probe):
        at = probe.find(b"\x00")
        raise BadInputError(_(NOT_TEXT).format(name=name, at=at))


def decode_utf8(data: bytes, name: str) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped) or raise :class:`BadInputError`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        single = data[: exc.start].isascii() and exc.reason != "unexpected end of data"
        byte = data[exc.start : exc.start + 1]
        raise not_utf8(name, exc.start, byte, single_bytes=single) from None
    return text


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as it may appear in a message: printable, never raising on odd bytes."""
    if str(path) == "-":
        return "<stdin>"
    from glossar.neutralise import for_terminal

    text = os.fsdecode(path) if not isinstance(path, str) else path
    text = for_terminal(text)  # a byte that is not UTF-8 as \xff, as in every message
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def too_large(name: str, limit: int) -> BadInputError:
    """Input past the ``limit`` bytes read."""
    return BadInputError(_(TOO_LARGE).format(name=name, size=size_text(limit)))


def size_text(size: int) -> str:
    """A byte count for a message in the largest binary unit that keeps it whole (64 KiB,
    64 MiB, 4 GiB): a 64 KiB limit was shown as "0 MiB"."""
    unit = "bytes"
    for name in ("KiB", "MiB", "GiB"):
        if size < 1024 or size % 1024:
            break
        size //= 1024
        unit = name
    return f"{size} {unit}"


def read_bytes(
    path: str | os.PathLike[str],
    *,
    limit: int | None = None,
    what: str = "file",
) -> bytes:
    """The bytes of ``path`` (``-`` = stdin), at most ``limit`` of them, else BadInputError.

    Reads ``limit + 1`` bytes whatever ``stat`` says, so endless streams are refused
    instead of filling memory. Directories, missing files and unreadable ones are
    BadInputError (exit 4) for every verb alike. ``limit`` defaults to MAX_INPUT_BYTES.
    """
    if limit is None:
        limit = MAX_INPUT_BYTES
    if str(path) == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise too_large("<stdin>", limit)
        return data
    name = display_name(path)
    try:
        if Path(path).is_dir():
            raise a_directory(name, what)
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise no_such(name, what) from None
    except IsADirectoryError:
        raise a_directory(name, what) from None
    except (OSError, ValueError) as exc:
        raise cannot_read(name, exc) from None
    if len(data) > limit:
        raise too_large(name, limit)
    return data


def read_text(path: str | os.PathLike[str], *, limit: int | None = None) -> str:
    """Read a UTF-8 text file; ``-`` reads standard input (both capped at ``limit`` bytes)."""
    name = "<stdin>" if str(path) == "-" else display_name(path)
    data = read_bytes(path, limit=limit)
    text = decode_utf8(data, name)
    refuse_binary(data, name)
    return text


def lone_surrogate(value: object) -> bool:
    """True when a parsed JSON value holds a string with a lone surrogate (``"\\ud800"``),
    which no UTF-8 output can carry. Walks without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def cache_dir() -> Path | None:
    """glossar's cache folder: ``$GLOSSAR_CACHE_DIR`` (empty: caching off → None), else
    ``$XDG_CACHE_HOME/glossar`` or ``~/.cache/glossar`` (None without a home)."""
    env = os.environ.get("GLOSSAR_CACHE_DIR")
    if env is not None:
        return Path(env).expanduser() if env else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    except RuntimeError:  # no home directory
        return None
    return base / "glossar"


# --- outputs that are inputs -----------------------------------------------------------


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name the same file (links, ``..`` and hard links too)."""
    if str(a) == "-" or str(b) == "-":
        return False
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        pass
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):  # pragma: no cover - odd bytes in a path
        return False


def refuse_output_over_inputs(
    output: str | os.PathLike[str] | None, inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Raise :class:`OutputIsInputError` (exit 2) when ``output`` is one of ``inputs``."""
    if output is None or str(output) == "-":
        return
    for item in inputs:
        if item is not None and same_file(output, item):
            raise OutputIsInputError(
                _(
                    "{name}: the output would overwrite an input of this command ({input}); "
                    "write somewhere else"
                ).format(name=display_name(output), input=display_name(item))
            )


# --- writing ---------------------------------------------------------------------------


def _umask() -> int:
    """The process umask (read by setting and restoring it; /proc when available)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", "rb") as fh:
        for line in fh:
            if line.startswith(b"Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode ``open(path, "w")`` would give a new file: 0o666 less the umask."""
    return 0o666 & ~_umask()


def sweep_stale(
    folder: str | os.PathLike[str], prefixes: Iterable[str], *, age: float = STALE_AFTER_S
) -> list[str]:
    """Remove our temp files/folders in ``folder`` (names starting with one of
    ``prefixes``) untouched for ``age`` seconds: what killed runs left. Best effort.
    """
    prefixes = tuple(prefixes)
    removed: list[str] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefixes):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if now - st.st_mtime < age:
                continue
            if stat.S_ISDIR(st.st_mode):
                import shutil  # rarely: not in every command's start-up

                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed


def write_error(target: str | os.PathLike[str], exc: OSError) -> CannotWriteError:
    """An output that could not even be opened, said as every output is: ":class:`
    CannotWriteError`: cannot write NAME: the folder … does not exist; nothing was
    written" (not the system's bare "No such file or directory")."""
    return _write_error(Path(target), exc)


def _write_error(target: Path, exc: OSError, *, atomic: bool = True) -> CannotWriteError:
    import errno

    name = display_name(target)
    code = errno.errorcode.get(exc.errno or 0, "")
    if code == "ENOENT":
        folder = display_name(target.parent)
        missing = not target.parent.is_dir()
        why = _(FOLDER_MISSING if missing else FOLDER_MAKES_NO_FILES).format(folder=folder)
    elif code in _WRITE_WHY:
        why = _(_WRITE_WHY[code])
    else:
        why = exc.strerror or type(exc).__name__
    # a device or a FIFO takes what it was given up to the error
    message = NOTHING_WRITTEN if atomic else MAYBE_INCOMPLETE
    return CannotWriteError(_(message).format(name=name, why=why))


#: Names of an open descriptor (the shell's stdout, a pipe of ``>(…)``): written into,
#: appending, never resolved or renamed over (that would replace the file or pipe the
#: descriptor points at, or fail on ``pipe:[…]``).
_DESCRIPTOR = re.compile(
    r"/dev/std(?:in|out|err)|/dev/fd/\d+|/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd/\d+"
)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str], *, follow: bool = False) -> Iterator[BinaryIO]:
    """A file written bit by bit and put in place only once complete: a temp file in the
    target folder, fsynced, given the target's mode (or the umask's), then renamed.

    Any failure (full disk, read-only file system, missing folder, an interrupt) removes
    the temp file and leaves the target as it was; OSErrors become
    :class:`CannotWriteError` (exit 4, one line).

    ``follow`` (a user's ``-o``): a symbolic link stays a link and the file it points to
    is replaced; a device, a FIFO or an open descriptor (``/dev/null``, a named pipe,
    ``/dev/stdout``) is written into instead of replaced. Without it (glossar's own
    files) whatever sits at ``path`` is replaced, a link included.
    """
    target = Path(path)
    _refuse_a_folder(target)
    if follow:
        given = str(path)  # errors name the path as the user gave it
        if _through_a_descriptor(target):  # /dev/stdout, or a link to it
            with _write_through(target, given, append=True) as fh:
                yield fh
            return
        if target.is_symlink():  # the link stays a link: its file is what gets replaced
            target = Path(os.path.realpath(target))
        try:
            kind = target.stat().st_mode
        except OSError:
            kind = 0
        if kind and not stat.S_ISREG(kind):  # /dev/null, a FIFO: write into, never over
            with _write_through(target, given) as fh:
                yield fh
            return
    folder = target.parent if str(target.parent) else Path(".")
    sweep_stale(folder, [f".{target.name}."])
    fd, tmp = temp_beside(target, folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError:
            mode = new_file_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from None
        raise


def check_writable(path: str | os.PathLike[str]) -> None:
    """:class:`CannotWriteError` now, for an output :func:`atomic_writer` could not write
    later (a missing or read-only folder, a folder named as the file): a command that
    writes it only after long work (``corpus --report``) fails before that work."""
    target = Path(path)
    _refuse_a_folder(target)
    if _through_a_descriptor(target) or (target.exists() and not target.is_file()):
        return  # written into, not replaced: nothing to create
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    fd, tmp = temp_beside(target, target.parent if str(target.parent) else Path("."))
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _refuse_a_folder(target: Path) -> None:
    """:class:`CannotWriteError` when the output named is a folder."""
    if target.is_dir():
        why = _(_WRITE_WHY["EISDIR"])
        raise CannotWriteError(_(NOTHING_WRITTEN).format(name=display_name(target), why=why))


def temp_beside(target: Path, folder: Path) -> tuple[int, str]:
    """A new temp file in ``folder`` for ``target`` (descriptor, path); an OSError is
    :class:`CannotWriteError` naming the target."""
    import tempfile  # not at import: most commands never write a file

    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(target, exc) from None


def _through_a_descriptor(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names, or its links lead through, an open descriptor's name:
    resolved one component at a time as the kernel does (a link inside a linked folder
    counts from where that folder really is), stopping at the first descriptor name
    (``realpath`` would go on from ``/proc/self/fd/1`` to the file stdout was redirected
    into)."""
    pending = os.path.abspath(path).split("/")[1:]
    current = "/"
    hops = 0
    while pending:
        part = pending.pop(0)
        if part in ("", "."):
            continue
        if part == "..":
            current = os.path.dirname(current)
            continue
        candidate = os.path.join(current, part)
        if _DESCRIPTOR.fullmatch(candidate):
            return True
        try:
            link = os.readlink(candidate)
        except OSError:  # not a link: go on from it
            current = candidate
            continue
        hops += 1
        if hops > 40:  # a loop: opening it fails anyway
            return False
        if link.startswith("/"):
            current = "/"
        pending = link.split("/") + pending
    return False


@contextlib.contextmanager
def _write_through(target: Path, shown: str, *, append: bool = False) -> Iterator[BinaryIO]:
    """``target``, a device, a FIFO or an open descriptor, opened for writing: renaming a
    file over it would replace the device itself (``-o /dev/null`` as root), a reader
    of a FIFO would get nothing. Such an output cannot be atomic; errors still become
    one line, naming ``shown`` (the path as the user gave it)."""
    try:
        fh = open(target, "ab" if append else "wb")  # noqa: SIM115 - closed below
    except OSError as exc:  # nothing written yet, and no folder to blame
        why = exc.strerror or type(exc).__name__
        raise CannotWriteError(
            _(NOTHING_WRITTEN).format(name=display_name(shown), why=why)
        ) from None
    try:
        with fh:
            yield fh
            fh.flush()
    except OSError as exc:
        raise _write_error(Path(shown), exc, atomic=False) from None


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, follow: bool = False) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path, follow=follow) as fh:
        fh.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, *, follow: bool = False) -> None:
    """Write UTF-8 ``text`` atomically (see :func:`atomic_write_bytes`).

    Lone surrogates (from odd file names or broken input) become U+FFFD instead of
    failing half-way.
    """
    from glossar.neutralise import without_surrogates

    atomic_write_bytes(path, without_surrogates(text).encode("utf-8"), follow=follow)
