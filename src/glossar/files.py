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
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise BadInputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"{p}: is a directory, not a file") from None
    except OSError as exc:
        raise BadInputError(f"{p}: cannot read ({exc.strerror})") from None
    return decode_utf8(data, str(p))


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
