"""OUTPUT: JSON Lines written as documents finish, and how a re-run resumes from it.

Why this survives ``kill -9`` at any moment: OUTPUT is the job's only state. Each
record is one ``write`` of one complete line, appended; a record counts as done only
when its line ends in a newline and parses. A killed run can therefore leave at most
one torn line at the end (a record's start without its newline), which
:func:`scan_output` cuts off before the job goes on (any other last line is refused),
and no record is ever written twice because done ids are skipped. The file is
fsynced every few seconds and at the end, so a power cut loses at most those seconds.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from glossar.corpus.source import Document
from glossar.errors import BadInputError
from glossar.files import display_name
from glossar.i18n import _

#: The key that tells a ``corpus translate`` record from a ``corpus terms`` record.
KIND_KEY = {"translate": "segments", "terms": "terms"}
FSYNC_SECONDS = 2.0


@dataclass
class Resume:
    """What an existing OUTPUT already holds: records per id, the digest of the text
    each result was made from (records that carry one), and what was cut off."""

    done: Counter[str] = field(default_factory=Counter)
    records: int = 0
    torn_bytes: int = 0
    #: (id, occurrence) → the ``digest`` its record names
    digests: dict[tuple[str, int], str] = field(default_factory=dict)
    #: where the complete records end (a torn tail follows)
    good_end: int = 0
    #: ids of the error records (a document that could not be read or processed)
    failed: list[str] = field(default_factory=list)

    def is_done(self, doc_id: str, occurrence: int) -> bool:
        """Whether the ``occurrence``-th document with this id already has its record."""
        return self.done[doc_id] > occurrence

    def made_from_other_text(self, doc: Document) -> bool:
        """Whether ``doc`` has a record made from other text than it holds now (another
        INPUT, or an edited document); False when either side has no digest."""
        made = self.digests.get((doc.id, doc.occurrence))
        return made is not None and bool(doc.digest) and made != doc.digest


def record_kind(record: dict[str, Any]) -> str | None:
    """``translate`` or ``terms`` for a result record, None for an error record."""
    for kind, key in KIND_KEY.items():
        if key in record:
            return kind
    return None


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    if "error" not in record and record_kind(record) is None:
        return None
    if not _well_formed(record):
        return None
    return record


def _dicts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _well_formed(record: dict[str, Any]) -> bool:
    """Whether a record's terms and segments have the shapes the report reads (a
    hand-edited ``"terms": "nope"`` was an internal error in ``corpus report``)."""
    if "terms" in record and not _dicts(record["terms"]):
        return False
    if "segments" in record:
        segments = record["segments"]
        if not _dicts(segments) or not all(_dicts(s.get("terms", [])) for s in segments):
            return False
    return True


@contextlib.contextmanager
def _records_file(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """OUTPUT opened for reading; ``-`` is standard input (left open)."""
    if str(path) == "-":
        yield sys.stdin.buffer
        return
    from glossar.files import a_directory, cannot_read, no_such

    name = display_name(path)
    try:
        fh = Path(path).open("rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:  # (the library said FileNotFoundError, the CLI no such file)
        raise no_such(name, "file") from None
    except IsADirectoryError:
        raise a_directory(name, "file") from None
    except OSError as exc:
        raise cannot_read(name, exc) from None
    with fh:
        yield fh


def iter_records(
    path: str | os.PathLike[str], *, strict: bool = False, torn: list[int] | None = None
) -> Iterator[dict[str, Any]]:
    """The complete records of an OUTPUT file (a torn last line is left out; its line
    number goes into ``torn`` when given, for the caller to say so).

    ``strict`` (a report): a line that is no record is :class:`BadInputError` naming the
    file and line, as resuming says, instead of being skipped (a report of partial totals
    with no word, or of "0 documents" for a file that is no OUTPUT at all)."""
    with _records_file(path) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                if strict and line.strip() and not _torn_record(line):
                    # no killed write of ours either: a file that is no OUTPUT at all
                    message = _("{name}:{line}: not a corpus record (of corpus terms or translate)")
                    raise BadInputError(message.format(name=display_name(path), line=lineno))
                if torn is not None and line.strip():
                    torn.append(lineno)
                return
            record = _parse(line)
            if record is not None:
                yield record
            elif strict and line.strip():
                message = _("{name}:{line}: not a corpus record (of corpus terms or translate)")
                raise BadInputError(message.format(name=display_name(path), line=lineno))


#: The part of a job's settings that names its glossary files' contents (``#1a2b3c4d``).
_CONTENTS = re.compile(r"#[0-9a-f]+")


def same_settings(made: str, now: str) -> bool:
    """Whether a record made with the settings ``made`` may sit beside this run's
    records. Records written before the glossary files' contents were named
    (``glossary=news@1.1.0`` without ``#…``) compare by layers and versions alone."""
    return made == now or ("#" not in made and made == _CONTENTS.sub("", now))


def scan_output(
    path: str | os.PathLike[str], kind: str, settings: str = "", *, cut: bool = True
) -> Resume:
    """Read OUTPUT, cut a torn last line off (``cut=False``: leave it to
    :func:`cut_torn_tail`, once the resume is known to go on), and list the ids done.

    Only a last line without its newline is a crash's trace; any other line that does
    not parse means OUTPUT is not ours, and the file is refused (:class:`BadInputError`)
    rather than overwritten. Records of the other job kind are refused too (``corpus
    terms`` into a translation's OUTPUT), and records made with other ``settings``
    (:func:`glossar.corpus.job.prepare`: another glossary, model or beam), which
    would mix two kinds of results in one OUTPUT; records without them (older) pass.
    """
    p = Path(path)
    resume = Resume()
    if not p.exists():
        return resume
    good_end = 0
    lineno = 1
    with p.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                break  # the torn tail of a killed run (always the last line)
            if not line.strip():
                good_end = fh.tell()
                continue
            record = _parse(line)
            if record is None:
                message = _("{name}:{line}: not a corpus record; refusing to resume")
                raise BadInputError(message.format(name=display_name(p), line=lineno))
            other = record_kind(record)
            if other is not None and other != kind:
                message = _("{name}: holds `corpus {other}` records, not `corpus {kind}`")
                raise BadInputError(message.format(name=display_name(p), other=other, kind=kind))
            made = record.get("job")
            if settings and isinstance(made, str) and not same_settings(made, settings):
                message = _(
                    "{name}:{line}: made with other settings ({made}; this run: {now}): "
                    "resume with the same ones, or write to another OUTPUT"
                )
                raise BadInputError(
                    message.format(name=display_name(p), line=lineno, made=made, now=settings)
                )
            made_from = record.get("digest")
            if isinstance(made_from, str):
                resume.digests[record["id"], resume.done[record["id"]]] = made_from
            if "error" in record:
                resume.failed.append(record["id"])
            resume.done[record["id"]] += 1
            resume.records += 1
            good_end = fh.tell()
    size = p.stat().st_size
    if good_end < size:  # the torn tail of a killed run: redo that document
        with p.open("rb") as fh:
            fh.seek(good_end)
            if not _torn_record(fh.read()):
                message = _(
                    "{name}:{line}: not a corpus record (and no line end); refusing to resume"
                )
                raise BadInputError(message.format(name=display_name(p), line=lineno))
        resume.torn_bytes = size - good_end
    resume.good_end = good_end
    if cut:
        cut_torn_tail(p, resume)
    return resume


def _torn_record(tail: bytes) -> bool:
    """Whether a last line without its newline is what a killed write of ours leaves:
    a record's start (``{"id":``, as :func:`encode_record` writes every record, or a part
    of it) that is incomplete, or complete with its ``job`` (cut just before the
    newline). A one-line file of something else (a compact JSON document, one JSON
    Lines document) is not ours: cutting it lost the user's file."""
    if not tail.startswith(b'{"id":'):
        return b'{"id":'.startswith(tail)  # cut within it
    try:
        record = json.loads(tail)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return True
    return isinstance(record, dict) and "job" in record


def cut_torn_tail(path: str | os.PathLike[str], resume: Resume) -> None:
    """Cut the torn last line :func:`scan_output` found (a resume redoes its document)."""
    if not resume.torn_bytes:
        return
    with Path(path).open("r+b") as fh:
        fh.truncate(resume.good_end)
        fh.flush()
        os.fsync(fh.fileno())


def encode_record(record: dict[str, Any]) -> bytes:
    """One record as one line of UTF-8 JSON (the newline marks it complete)."""
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class OutputInUseError(BadInputError):
    """Another job holds OUTPUT (exit 4): two jobs appending to one file would each
    write the documents the other writes, and neither resume nor report could tell."""


def _lock(fh: IO[bytes], *, shared: bool = False) -> bool:
    """Take an advisory lock on OUTPUT's open file, without waiting: False when another
    process holds one. Where the platform or file system has no ``flock`` (Windows,
    some network mounts) the job goes on unlocked, as before there was one."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return True
    try:
        fcntl.flock(fh.fileno(), (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except OSError as exc:  # ENOLCK, EINVAL: no locks here, go on
        return exc.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES)
    return True


def _lock_soon(fh: IO[bytes], wait_s: float = 1.0) -> bool:
    """:func:`_lock` (exclusive), tried for up to ``wait_s``: a ``corpus report`` holds
    a shared lock for a moment to ask :func:`being_written`; a job started just then
    must not be refused for it."""
    deadline = time.monotonic() + wait_s
    while not _lock(fh):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True


def being_written(path: str | os.PathLike[str]) -> bool:
    """Whether a running corpus job holds OUTPUT now (its figures are partial)."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            return not _lock(fh, shared=True)
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    """fsync a folder, so that a rename in it survives a crash (where the system can)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _still_named(fh: IO[bytes], path: Path) -> bool:
    """Is the open file ``fh`` still the one ``path`` names (not replaced by a rename)?"""
    try:
        opened, named = os.fstat(fh.fileno()), path.stat()
    except OSError:
        return False
    return (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)


class RecordWriter:
    """Appends records to OUTPUT, one ``write`` per line, fsynced every few seconds.

    Opening it takes OUTPUT for this job alone (an exclusive ``flock`` held until
    :meth:`close`): a second job on the same OUTPUT is refused
    (:class:`OutputInUseError`) before it reads or writes anything."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        #: OUTPUT made by this writer: removed again if the job stops before its first
        #: record (a tester's unguarded script left an empty file "left as it was")
        self._made = not self.path.exists()
        for _attempt in range(5):
            try:
                self._fh: IO[bytes] = self.path.open("ab", buffering=0)
            except OSError as exc:  # a missing folder, /proc: said as every output says it
                from glossar.files import write_error

                raise write_error(self.path, exc) from None
            if not _lock_soon(self._fh):
                self._fh.close()
                message = _(
                    "{name}: another process holds it (another glossar corpus job writing "
                    "to it?); wait until it ends (then run again to resume), or write to "
                    "another OUTPUT"
                )
                raise OutputInUseError(message.format(name=display_name(self.path)))
            if _still_named(self._fh, self.path):
                break
            # another job wrote OUTPUT anew (--retry-failed) while this one waited for the
            # lock: the file locked is no longer OUTPUT; the new one is what to lock
            self._fh.close()
        self._synced = time.monotonic()

    def drop_errors(self, ids: set[str]) -> int:
        """Rewrite OUTPUT without the error records of ``ids`` (they are redone), and
        go on appending to the new file; returns how many were dropped.

        Written as every file of the user's is: a temp file beside OUTPUT (beside the
        file a link names), fsynced, locked for this job, then renamed over it; any
        failure leaves OUTPUT as it was."""
        from glossar.files import new_file_mode, sweep_stale, temp_beside, write_error

        target = Path(os.path.realpath(self.path))
        dropped = 0
        sweep_stale(target.parent, [f".{target.name}."])  # (a killed rewrite's temp file)
        fd, tmp = temp_beside(target, target.parent)
        new: IO[bytes] | None = None
        try:
            with os.fdopen(fd, "wb") as out, target.open("rb") as old:
                for line in old:
                    record = _parse(line) if b'"error"' in line else None
                    if record is not None and "error" in record and record["id"] in ids:
                        dropped += 1
                        continue
                    out.write(line)
                out.flush()
                os.fsync(out.fileno())
            try:
                old = target.stat()
                mode = stat.S_IMODE(old.st_mode)
                with contextlib.suppress(OSError):  # (owner kept where this user may)
                    os.chown(tmp, old.st_uid, old.st_gid)
            except OSError:
                mode = new_file_mode()
            os.chmod(tmp, mode)
            new = open(tmp, "ab", buffering=0)  # noqa: SIM115 - kept open: the job's OUTPUT
            _lock(new)  # (a new file nobody else has opened)
            os.replace(tmp, target)
            _sync_folder(target.parent)
        except BaseException as exc:
            if new is not None:
                new.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise write_error(self.path, exc) from None
            raise
        self._fh.close()  # (the old file's lock goes with it)
        self._fh = new
        return dropped

    def write(self, record: dict[str, Any]) -> None:
        """Append one record; it is in the file (page cache) when this returns."""
        data = encode_record(record)
        view = memoryview(data)
        while view:  # an unbuffered write may be partial; finish the line
            n = self._fh.write(view)
            view = view[n or 0 :]
        if time.monotonic() - self._synced > FSYNC_SECONDS:
            self.sync()

    def sync(self) -> None:
        """Flush to disk."""
        os.fsync(self._fh.fileno())
        self._synced = time.monotonic()

    def close(self) -> None:
        """Sync and close."""
        if not self._fh.closed:
            self.sync()
            self._fh.close()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        if kind is not None and self._made and not self._fh.closed:
            with contextlib.suppress(OSError):
                if os.fstat(self._fh.fileno()).st_size == 0:
                    self.path.unlink()  # (still locked by us: no other job has it)
        self.close()
