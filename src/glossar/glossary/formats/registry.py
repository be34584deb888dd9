"""Glossary interchange formats by name and by file extension (translate-toolkit's factory).

Each format is one module with a ``read`` and a ``write``; this registry is the only
place that knows them all. The library's two entry points are :func:`export_glossary`
and :func:`import_glossary`; the CLI calls nothing else.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from glossar.errors import BadInputError
from glossar.files import read_bytes
from glossar.glossary.formats.entries import ReadResult, info_of
from glossar.glossary.model import Entry, Glossary, GlossaryInfo
from glossar.i18n import _

Writer = Callable[..., tuple[str, list[str]]]
Reader = Callable[[bytes, str], ReadResult]

#: Largest glossary file accepted for import, in bytes.
MAX_IMPORT_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class GlossaryFormat:
    """One interchange format: its name, file extensions, and how to read and write it."""

    name: str
    extensions: tuple[str, ...]
    description: str
    read: Reader
    write: Writer


def _tbx_read(data: bytes, name: str) -> ReadResult:
    from glossar.glossary.formats.tbx import reader as tbx_reader

    return tbx_reader.read(data, name)


def _tbx_write(version: str) -> Writer:
    def write(info: GlossaryInfo, entries: list[Entry], **_options: object):  # type: ignore[no-untyped-def]
        from glossar.glossary.formats.tbx import writer as tbx_writer

        return tbx_writer.write_tbx(info, entries, version=version), []

    return write


def _delimited(fmt: str) -> tuple[Reader, Writer]:
    def read(data: bytes, name: str) -> ReadResult:
        from glossar.glossary.formats import delimited as glossary_delimited

        return glossary_delimited.read(data, name, fmt)

    def write(
        info: GlossaryInfo, entries: list[Entry], *, header: bool = False, columns: str = "pairs"
    ):  # type: ignore[no-untyped-def]
        if columns == "all":
            from glossar.glossary.formats import columns as glossary_columns

            return glossary_columns.write(entries, fmt)
        from glossar.glossary.formats import delimited as glossary_delimited

        return glossary_delimited.write_rows(entries, fmt, header=header)

    return read, write


def _json_read(data: bytes, name: str) -> ReadResult:
    from glossar.glossary.formats import json as glossary_json

    return glossary_json.read(data, name)


def _json_write(info: GlossaryInfo, entries: list[Entry], **_options: object):  # type: ignore[no-untyped-def]
    from glossar.glossary.formats import json as glossary_json

    return glossary_json.write(info, entries)


def _toml_read(data: bytes, name: str) -> ReadResult:
    from glossar.glossary.formats import toml as glossary_toml

    return glossary_toml.read(data, name)


def _toml_write(info: GlossaryInfo, entries: list[Entry], **_options: object):  # type: ignore[no-untyped-def]
    from glossar.glossary.formats import toml as glossary_toml

    return glossary_toml.write(info, entries)


_csv_read, _csv_write = _delimited("csv")
_tsv_read, _tsv_write = _delimited("tsv")

FORMATS: dict[str, GlossaryFormat] = {
    f.name: f
    for f in (
        GlossaryFormat(
            "tbx", (".tbx",), "TBX-Basic, TBX v3 (ISO 30042:2019)", _tbx_read, _tbx_write("v3")
        ),
        GlossaryFormat("tbx2008", (), "TBX-Basic, 2008 martif form", _tbx_read, _tbx_write("2008")),
        GlossaryFormat(
            "csv", (".csv",), "CSV: two columns (DeepL, Google) or all", _csv_read, _csv_write
        ),
        GlossaryFormat(
            "tsv", (".tsv", ".tab"), "TSV: two columns (DeepL) or all", _tsv_read, _tsv_write
        ),
        GlossaryFormat("json", (".json",), "JSON with every field", _json_read, _json_write),
        GlossaryFormat("toml", (".toml",), "glossar's own TOML", _toml_read, _toml_write),
    )
}
#: Formats ``glossar glossary export`` offers.
EXPORT_FORMATS = ("tbx", "tbx2008", "csv", "tsv", "json", "toml")
#: What CSV/TSV export writes: German→English pairs (DeepL) or a column per field.
COLUMN_CHOICES = ("pairs", "all")


def get_format(name: str) -> GlossaryFormat:
    """The format called ``name``, or :class:`BadInputError` naming the known ones."""
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise BadInputError(
            _("unknown glossary format {name} (known: {known})").format(
                name=repr(name), known=", ".join(FORMATS)
            )
        ) from None


def format_for_path(path: str | os.PathLike[str]) -> GlossaryFormat | None:
    """The format a file name's extension says, or None."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.extensions), None)


def sniff_format(data: bytes) -> GlossaryFormat:
    """Guess the format of content without a file name (stdin): XML, JSON, TOML, TSV or CSV."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if head.startswith(b"<"):
        return FORMATS["tbx"]
    if head.startswith(b"{"):
        return FORMATS["json"]
    if head.startswith((b"[glossary]", b"[[entry]]", b"#")):
        return FORMATS["toml"]
    if head.startswith(b"[") and _parses(data, "json-list"):
        return FORMATS["json"]  # a bare list of entries, as written by hand
    first = head.split(b"\n", 1)[0]
    return FORMATS["tsv"] if b"\t" in first else FORMATS["csv"]


def _parses(data: bytes, kind: str) -> bool:
    """Whether ``data`` is well-formed ``kind`` (xml, json, toml, or json-list: a JSON
    list of objects, a termbase's entries) as a whole."""
    try:
        text = data.decode("utf-8-sig")
        if kind in ("json", "json-list"):
            import json

            doc = json.loads(text)
            if kind == "json":
                return isinstance(doc, dict)
            return isinstance(doc, list) and bool(doc) and all(isinstance(d, dict) for d in doc)
        if kind == "toml":
            import tomllib

            tomllib.loads(text)
            return True
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        etree.fromstring(data, parser=parser)
        return True
    except Exception:  # noqa: BLE001 - any parse error (lxml's is a SyntaxError): not that
        return False


def _refuse_other_content(data: bytes, name: str, form: GlossaryFormat) -> None:
    """:class:`BadInputError` (one line) where ``--format csv``/``tsv`` was given for
    content that plainly is another format: a tester's TBX file read as CSV gave 4,000
    lines of "expected 2 columns, found 1"."""
    if form.name not in ("csv", "tsv"):
        return
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64]
    # the first character only suggests it: a CSV term may start with "<" or "{" (a
    # property test's "{ {"), so the whole content must parse as the other format
    if head.startswith(b"<") and _parses(data, "xml"):
        found = "XML (TBX)"
    elif (head.startswith(b"{") and _parses(data, "json")) or (
        head.startswith(b"[") and _parses(data, "json-list")
    ):
        found = "JSON"
    elif head.startswith((b"[glossary]", b"[[entry]]")) and _parses(data, "toml"):
        found = "TOML"
    else:
        return
    raise BadInputError(
        _(
            "{name}: the file is {found}, not {format}: leave --format out to read it as what it is"
        ).format(name=name, found=found, format=form.name.upper())
    )


def export_glossary(
    glossary_or_entries: Glossary | Iterable[Entry],
    fmt: str,
    *,
    header: bool = False,
    info: GlossaryInfo | None = None,
    columns: str = "pairs",
) -> tuple[str, list[str]]:
    """The glossary as text in ``fmt``, and warnings naming what that format cannot carry.

    ``header`` adds the ``de,en`` language header to two-column CSV/TSV. ``columns="all"``
    writes CSV/TSV with a header row and a column per entry field instead, which loses
    nothing (docs/glossary-format.md). ``info`` names the glossary (id, title, version);
    by default it comes from the glossary's layers.
    """
    from glossar.arguments import entries_argument

    entries_argument(glossary_or_entries, "glossary_or_entries")
    if not isinstance(fmt, str):
        raise TypeError(f"fmt must be a format name, such as 'tbx' ({type(fmt).__name__} given)")
    form = get_format(fmt)
    if columns not in COLUMN_CHOICES:
        raise BadInputError(
            _("unknown columns {columns} (known: {known})").format(
                columns=repr(columns), known=", ".join(COLUMN_CHOICES)
            )
        )
    info, entries = info_of(glossary_or_entries, info)
    if not (form.name in ("csv", "tsv") and columns == "pairs"):
        # (term pairs carry no ids or grammar, and leave out what DeepL would refuse)
        _check_made_entries(entries)
    return form.write(info, entries, header=header, columns=columns)


def _check_made_entries(entries: list[Entry]) -> None:
    """Refuse entries made in code that no glossary file could hold (an invalid id, a
    noun without a gender, one id twice): exported, `glossary validate` would refuse
    the file. Entries read from a file (they name it) were checked when read."""
    from glossar.errors import GlossaryError
    from glossar.glossary.rules import ENTRY_FIELDS, check_entry

    problems: list[str] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries, 1):
        where = (
            _("entry {id}").format(id=repr(entry.id)) if entry.id else _("entry {n}").format(n=n)
        )
        if entry.id in seen:
            problems.append(f"{where}: id: " + _("duplicate id {id}").format(id=repr(entry.id)))
        seen.add(entry.id)
        if entry.source:  # (read from a file: checked then)
            continue
        raw = {k: v for k, v in entry.to_dict().items() if k in ENTRY_FIELDS}
        check_entry(raw, lambda field, why, at=where: problems.append(f"{at}: {field}: {why}"))
    if problems:
        raise GlossaryError(problems)


def _read_input(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<input>"
    if isinstance(source, str) and "\n" in source:
        return source.encode("utf-8"), "<input>"
    # capped whatever stat says: a pipe or /dev/zero is refused, not read until memory ends
    name = "<stdin>" if str(source) == "-" else str(source)
    return read_bytes(source, limit=MAX_IMPORT_BYTES), name


def read_glossary(source: str | os.PathLike[str] | bytes, fmt: str | None = None) -> ReadResult:
    """Like :func:`import_glossary`, with the warnings (skipped concepts, lost fields)."""
    if isinstance(source, str | os.PathLike) and os.fspath(source) == "":
        from glossar.arguments import empty_path

        raise empty_path()  # Path("") is the folder "."
    if not isinstance(source, str | os.PathLike | bytes):
        given = type(source).__name__
        raise TypeError(f"path_or_text must be a path, or the glossary as bytes ({given} given)")
    data, name = _read_input(source)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # (a TBX in UTF-16 says so)
        from glossar.files import refuse_binary

        refuse_binary(data, name)  # (UTF-16 without a BOM: "control character in 'd\x00e'")
    if len(data) > MAX_IMPORT_BYTES:
        raise BadInputError(
            _("{name}: too large (limit {limit} bytes)").format(
                name=name, limit=f"{MAX_IMPORT_BYTES:,}"
            )
        )
    if fmt:
        form = get_format(fmt)
        _refuse_other_content(data, name, form)
    else:
        form = (format_for_path(name) if name[:1] != "<" else None) or sniff_format(data)
    # Reading builds millions of short-lived objects and no reference cycles; the cyclic
    # garbage collector's passes over them doubled the time of a 100,000-entry TBX import.
    enabled = gc.isenabled()
    gc.disable()
    try:
        result = form.read(data, name)
    finally:
        if enabled:
            gc.enable()
    result.info = replace(result.info, entries=len(result.entries))
    return result


def import_glossary(
    path_or_text: str | os.PathLike[str] | bytes, fmt: str | None = None
) -> tuple[GlossaryInfo, list[Entry]]:
    """Read a glossary in any registered format: (header, entries), validated.

    ``path_or_text`` is a path (``-`` = stdin), or the content itself as ``bytes`` or as a
    ``str`` containing a newline. ``fmt`` defaults to the extension, else a guess from
    the content. Raises :class:`~glossar.errors.BadInputError` (exit 4): a
    :class:`GlossaryError` listing every ``FILE:LINE: problem`` of the entries, or its
    parent class for a file that cannot be read as a glossary at all (missing, not
    UTF-8, an unknown format, a TBX without German): catch ``BadInputError`` for both.
    What the import leaves out (columns, rows without both languages, concepts without
    German) is said as a :class:`~glossar.errors.GlossaryImportWarning` each, as the CLI
    says it on stderr.
    """
    result = read_glossary(path_or_text, fmt)
    if result.warnings:
        import warnings

        from glossar.errors import GlossaryImportWarning

        for message in result.warnings:  # what the CLI prints on stderr (rows skipped, …)
            warnings.warn(message, GlossaryImportWarning, stacklevel=2)
    return result.info, result.entries
