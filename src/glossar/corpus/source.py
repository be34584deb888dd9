"""Reading a corpus: a folder of ``.txt`` files or a JSON Lines file of ``{"id", "text"}``.

Why documents carry their own error: a bad document (not UTF-8, empty, too large, a
line that is not a JSON object) must become an error *record* in OUTPUT and the job
must go on, so reading never raises for one document, only for a missing INPUT.
Both engines classify raw bytes with the same :func:`document_from_bytes` and
:func:`document_from_line`, so they agree on every error message.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from glossar.errors import BadInputError
from glossar.files import display_name, lone_surrogate
from glossar.i18n import _

#: Documents longer than this many characters are refused (a news article is ~10⁴).
MAX_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class Document:
    """One document of a corpus: its text, or the reason it cannot be processed.

    ``occurrence`` counts earlier documents with the same id (0 for the first), so a
    resumed job can tell which of two same-id lines of a JSON Lines file is done.
    ``digest`` names its text ("" for an error), so a resume can tell that INPUT changed
    since its record was made; of the text, not the bytes, so a JSON Lines file written
    again with other escapes or key order holds the same documents.
    """

    id: str
    text: str = ""
    error: str | None = None
    occurrence: int = 0
    digest: str = ""


def digest(data: bytes) -> str:
    """16 hex digits naming a document's text: not a secret, only "the same or not"
    (BLAKE2b, 1 GB/s)."""
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def check_input(path: str | os.PathLike[str]) -> Path:
    """INPUT as a Path, or :class:`BadInputError` when it does not exist (``-``, which
    names standard input elsewhere, with why it cannot be INPUT; a file named ``-`` is)."""
    p = Path(path)
    if not p.exists():
        if str(path) == "-":  # a resume reads INPUT again, which a pipe cannot give
            raise BadInputError(
                _(
                    "-: INPUT is a folder or a file; standard input cannot be resumed, "
                    "save it to a file first"
                )
            )
        raise BadInputError(_("{name}: no such file or folder").format(name=display_name(p)))
    return p


@dataclass(frozen=True, slots=True)
class FolderListing:
    """What a folder INPUT holds: its ``.txt`` files, and what could not be listed or
    read (an unreadable subfolder, a ``.txt`` link to nothing) as ``(id, reason)``: each
    becomes an error record, so a document left out is said, not skipped in silence."""

    files: list[Path]
    problems: list[tuple[str, str]]

    def in_order(self, folder: Path) -> Iterator[tuple[str, Path | None, str | None]]:
        """``(id, file, None)`` and ``(id, None, reason)`` sorted by id, as documents
        come in input order."""
        rows: list[tuple[str, Path | None, str | None]] = [
            (document_id(f.relative_to(folder)), f, None) for f in self.files
        ]
        rows += [(doc_id, None, reason) for doc_id, reason in self.problems]
        rows.sort(key=lambda row: row[0])
        return iter(rows)


def list_folder(folder: Path) -> FolderListing:
    """The ``.txt`` files under ``folder`` (hidden files and folders skipped; the suffix
    in any case: archives copied from Windows hold ``NOTE.TXT``; links to files followed,
    links to folders not), and the folders and ``.txt`` entries that cannot be read."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        if where == folder:  # INPUT itself: nothing at all can be read
            message = _("{name}: cannot read ({why})")
            raise BadInputError(message.format(name=display_name(folder), why=exc.strerror))
        name = document_id(where.relative_to(folder)) + "/"
        problems.append((name, f"cannot read folder ({exc.strerror}): its documents are left out"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(".txt"):
                continue
            f = Path(dirpath, name)
            if f.is_file():
                files.append(f)
            elif f.is_symlink() and not f.exists():
                problems.append((document_id(f.relative_to(folder)), "cannot read (broken link)"))
            else:  # a pipe or device named .txt: reading it could wait for ever
                problems.append((document_id(f.relative_to(folder)), "not a regular file"))
    # by id, as records come (a name that is not UTF-8 sorts by its id's \\x escapes),
    # so both engines put a problem record in the same place
    files.sort(key=lambda f: document_id(f.relative_to(folder)))
    return FolderListing(files, problems)


def input_kind(path: str | os.PathLike[str]) -> str:
    """``folder``, ``text`` (one ``.txt`` file: one document) or ``jsonl``.

    A ``.txt`` file is one document unless its first line is a JSON object (JSON Lines
    saved as ``.txt``). Any other file must be JSON Lines: when its first line is not
    even JSON, it is no corpus (:class:`BadInputError`, before any work), not a job of
    one "not JSON" error record per line.
    """
    p = check_input(path)
    if p.is_dir():
        return "folder"
    if not p.is_file():  # a pipe (<(zcat a.jsonl.gz)): a look at its start would eat it
        return "jsonl"
    first = _first_line(p, 64)
    looks_json = first.lstrip(b"\xef\xbb\xbf").startswith(b"{")
    if p.suffix.lower() == ".txt":  # JSON Lines only when its first line is a record
        return "jsonl" if looks_json and _json_object(_first_line(p)) else "text"
    if first and not looks_json:
        raise BadInputError(
            _(
                "{name}: line 1 is not JSON: INPUT is a folder of .txt files, one .txt "
                'file, or JSON Lines (one {{"id": …, "text": …}} per line)'
            ).format(name=display_name(p))
        )
    return "jsonl"


def _json_object(line: bytes) -> bool:
    """Whether ``line`` is a JSON object (wikitext's ``{{Infobox …`` is not)."""
    try:
        return isinstance(json.loads(line.decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def _first_line(path: Path, limit: int = 16 * MAX_CHARS) -> bytes:
    """The first non-blank line, up to ``limit`` bytes ("" for an empty file)."""
    try:
        with path.open("rb") as fh:
            for line in iter(lambda: fh.readline(limit), b""):
                if line.strip():
                    return line.strip()
    except OSError as exc:
        message = _("{name}: cannot read ({why})")
        raise BadInputError(message.format(name=display_name(path), why=exc.strerror)) from exc
    return b""


def document_id(relative: Path) -> str:
    """A folder document's id: its path relative to INPUT, with ``/``. Bytes of a file
    name that are not UTF-8 are written as ``\\xe4`` (an id must be text: one such name
    stopped the whole job, at every run, when its record was written)."""
    text = relative.as_posix()
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def document_from_bytes(doc_id: str, data: bytes, max_chars: int = MAX_CHARS) -> Document:
    """Classify one file's bytes: a document, or an error record's reason."""
    if len(data) > 4 * max_chars:  # more bytes than any text within the limit can have
        return Document(doc_id, error=_too_many_bytes(len(data), max_chars))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Document(doc_id, error=f"not UTF-8 text (byte {exc.start})")
    return document_from_text(doc_id, text, max_chars)


def _too_many_bytes(size: int, max_chars: int) -> str:
    """The reason for a file refused by its size alone, in one unit: its bytes hold more
    characters than the limit (a UTF-8 character is at most 4 bytes)."""
    return f"too large (at least {-(-size // 4)} chars in {size} bytes; limit {max_chars} chars)"


def document_from_text(doc_id: str, text: object, max_chars: int = MAX_CHARS) -> Document:
    """Classify a decoded text: empty, too large, not a string, or a document."""
    if not isinstance(text, str):
        return Document(doc_id, error="text is not a string")
    if not text.strip():
        return Document(doc_id, error="empty document")
    if len(text) > max_chars:
        return Document(doc_id, error=f"too large ({len(text)} chars; limit {max_chars})")
    if "\x00" in text:
        return Document(doc_id, error="binary data (NUL character)")
    if lone_surrogate(text):
        return Document(doc_id, error="not Unicode text (a lone surrogate)")
    return Document(doc_id, text, digest=digest(text.encode()))


def document_from_line(line: bytes, lineno: int, max_chars: int = MAX_CHARS) -> Document:
    """Classify one JSON Lines line (``lineno`` from 1); a line without a usable id is
    recorded under the id ``line N``."""
    fallback = f"line {lineno}"
    if len(line) > 8 * max_chars:  # JSON escapes can double a text's size, and more
        # named by its id where the line starts with it (as records do): a resume then
        # knows the document, and the error names what to shorten
        error = f"too large ({len(line)} bytes; limit {max_chars} chars of text)"
        return Document(_leading_id(line) or fallback, error=error)
    try:
        raw = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return Document(_id_of(line) or fallback, error=f"not UTF-8 text (byte {exc.start})")
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Document(fallback, error=f"not JSON ({exc.msg}, column {exc.colno})")
    if not isinstance(obj, dict):
        return Document(fallback, error='not a JSON object {"id": …, "text": …}')
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id:
        return Document(fallback, error='no "id" (a non-empty string)')
    if lone_surrogate(doc_id):  # its record could not be written: the job would stop
        return Document(fallback, error='"id" is not Unicode text (a lone surrogate)')
    return document_from_text(doc_id, obj.get("text"), max_chars)


_LEADING_ID = re.compile(rb'\A\s*(?:\xef\xbb\xbf)?\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.){1,1000}")')
_TRAILING_ID = re.compile(
    rb'(?:\A|[^\\])(?:\\\\)*",\s*"id"\s*:\s*("(?:[^"\\]|\\.){1,1000}")\s*\}\Z'
)  # the text's closing quote: after an even run of backslashes (``\\"`` ends it)


def _leading_id(line: bytes) -> str | None:
    """The id of a line too large to parse, when the line starts with ``{"id": "…"`` or
    ends with ``"id": "…"}`` (a ``"text"`` first: no ``"id"`` outside a string can hide
    in between, where every quote is escaped)."""
    found = _LEADING_ID.match(line[:4096])
    if found is None:
        found = next(_TRAILING_ID.finditer(line[-4096:].rstrip()), None)
    if found is None:
        return None
    try:
        doc_id = json.loads(found.group(1))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    ok = isinstance(doc_id, str) and doc_id and not lone_surrogate(doc_id)
    return doc_id if ok else None


def _id_of(line: bytes) -> str | None:
    """The id of a line whose text is not UTF-8 (read with the bad bytes replaced)."""
    try:
        obj = json.loads(line.decode("utf-8", "replace"))
    except json.JSONDecodeError:
        return None
    doc_id = obj.get("id") if isinstance(obj, dict) else None
    return doc_id if isinstance(doc_id, str) and doc_id and "\ufffd" not in doc_id else None


def jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines of a JSON Lines file with their line numbers (from 1), as bytes."""
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            stripped = line.strip()
            if stripped:
                yield lineno, stripped


def read_documents(
    path: str | os.PathLike[str],
    max_chars: int = MAX_CHARS,
    only: Callable[[str], bool] | None = None,
) -> Iterator[Document]:
    """The documents of INPUT in input order, lazily (one document in memory at a time);
    with ``only``, a folder's files whose id it refuses are not read (nor yielded)."""
    from glossar.arguments import int_argument, path_argument

    path_argument(path, "path")
    max_chars = int_argument(max_chars, "max_chars", 1)
    if only is not None and not callable(only):
        raise TypeError(
            f"only must be a callable taking an id, or None ({type(only).__name__} given)"
        )
    return _documents(path, max_chars, only)  # checked now, not at the first document


def _documents(
    path: str | os.PathLike[str], max_chars: int, only: Callable[[str], bool] | None
) -> Iterator[Document]:
    p = check_input(path)
    seen: dict[str, int] = {}

    def numbered(doc: Document) -> Document:
        n = seen.get(doc.id, 0)
        seen[doc.id] = n + 1
        return doc if n == 0 else replace(doc, occurrence=n)

    kind = input_kind(p)
    if kind == "text":  # one document, named by the file's name
        doc_id = document_id(Path(p.name))
        if only is None or only(doc_id):
            yield _read_file(doc_id, p, max_chars)
    elif kind == "folder":
        for doc_id, f, problem in list_folder(p).in_order(p):
            if only is not None and not only(doc_id):
                continue
            if f is None:
                yield numbered(Document(doc_id, error=problem))
            else:
                yield numbered(_read_file(doc_id, f, max_chars))
    else:
        for lineno, line in jsonl_lines(p):
            yield numbered(document_from_line(line, lineno, max_chars))


def _read_file(doc_id: str, f: Path, max_chars: int) -> Document:
    """One ``.txt`` file as a document (too large, unreadable: an error document)."""
    try:
        size = f.stat().st_size
        if size > 4 * max_chars:
            return Document(doc_id, error=_too_many_bytes(size, max_chars))
        return document_from_bytes(doc_id, f.read_bytes(), max_chars)
    except OSError as exc:
        return Document(doc_id, error=f"cannot read ({exc.strerror})")


def count_documents(path: str | os.PathLike[str]) -> int:
    """How many documents INPUT has (for the progress bar's ETA); reads no text."""
    p = check_input(path)
    kind = input_kind(p)
    if kind == "folder":
        listing = list_folder(p)
        return len(listing.files) + len(listing.problems)
    if kind == "text":
        return 1
    return sum(1 for _ in jsonl_lines(p))
