"""Reading user text and writing user files safely.

Input is UTF-8 or refused (exit 4). Output is written atomically: a temporary file in
the target folder, fsynced, then renamed over the target, so a crash never leaves a
half-written file where a good one was.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from glossar.errors import BadInputError


def decode_utf8(data: bytes, name: str) -> str:
    """Decode ``data`` as UTF-8 (a BOM is dropped) or raise :class:`BadInputError`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(
            f"{name}: not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
        ) from None
    return text


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 text file; ``-`` reads standard input."""
    if str(path) == "-":
        return decode_utf8(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    return decode_utf8(read_bytes(p), str(p))


def read_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of a user's file, or :class:`BadInputError` saying in one line why not."""
    try:
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise BadInputError(f"{path}: too large ({size:,} bytes; limit {max_bytes:,})")
        return path.read_bytes()
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read ({exc.strerror})") from None


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file and rename; never leaves a partial file."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write UTF-8 ``text`` atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"))
