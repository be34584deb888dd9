"""CSV/TSV with a column per entry field: the delimited form that loses nothing.

A two-column file (DeepL, Google) has room for a German term and its English only; part
of speech, scope, compound policy, deprecated English, notes and examples are lost, and
a noun and a verb spelled alike (das Eingreifen / eingreifen) cannot be told apart. This
form gives every field of our format (docs/glossary-format.md) its own column, named in
a header row, so a glossary survives export → import → export unchanged and can still be
edited in a spreadsheet.

Cells: text as written; a list as its items joined by `` | `` (a ``|`` or ``\\`` inside
an item is escaped with a backslash); true/false for yes/no fields; an empty cell is an
absent field, and a missing part of speech is ``other`` (a noun would need a gender).
TSV cells cannot hold tabs or line breaks, so TSV escapes them as ``\\t``,
``\\n``, ``\\r`` and a backslash as ``\\\\`` (the "linear TSV" convention); CSV quotes.
A cell that a spreadsheet would run as a formula (``= + - @``) gets a leading
apostrophe, removed again on import, as in the two-column form. The codec follows the
:class:`~glossar.glossary.model.Entry` dataclass: a field whose
default is a tuple is a list, a bool a yes/no field, anything else text; so a field added
to the format gets its column without a change here.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from functools import lru_cache

from glossar.glossary.formats.entries import (
    ENTRY_FIELDS,
    Problems,
    ReadResult,
    build_entry,
    check_unique,
    complete_entry,
    id_from_name,
)
from glossar.glossary.model import Entry, GlossaryInfo
from glossar.i18n import _
from glossar.neutralise import for_spreadsheet, from_spreadsheet

LIST_SEPARATOR = " | "
_SPLIT_RE = re.compile(r"((?:[^|\\]|\\.)*)(?:\||\Z)", re.DOTALL)
_ITEM_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_TSV_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_TSV_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_TSV_ESCAPE_RE = re.compile(r"\\(.)", re.DOTALL)


@lru_cache(maxsize=1)
def field_kinds() -> dict[str, str]:
    """Each entry field's cell kind: ``list``, ``bool``, ``json`` or ``text``, in file order."""
    defaults: dict[str, object] = {}
    for f in dataclasses.fields(Entry):
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            defaults[f.name] = f.default_factory()
        else:
            defaults[f.name] = ""
    kinds: dict[str, str] = {}
    for name in ENTRY_FIELDS:
        default = defaults.get(name, "")
        if isinstance(default, tuple):
            kinds[name] = "list"
        elif isinstance(default, bool):
            kinds[name] = "bool"
        elif default is None or isinstance(default, str):
            kinds[name] = "text"
        else:
            kinds[name] = "json"
    return kinds


def is_field_header(cells: list[str]) -> bool:
    """Whether a first row names entry fields (``id,de,pos,…,en``) rather than languages."""
    names = {c.strip() for c in cells}
    return {"de", "en"} <= names and bool(names & (set(ENTRY_FIELDS) - {"de", "en"}))


def _encode(value: object, kind: str) -> str:
    if value is None or value == () or value == "":
        return ""
    if kind == "list":
        items = [str(v).replace("\\", "\\\\").replace("|", "\\|") for v in value]  # type: ignore[union-attr]
        return LIST_SEPARATOR.join(items)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _decode(cell: str, kind: str) -> object:
    """A cell's value; raises ValueError with a message a user can act on."""
    if kind == "list":
        items = [m.group(1) for m in _SPLIT_RE.finditer(cell) if m.start() < len(cell)]
        return [_ITEM_ESCAPE.sub(r"\1", item).strip() for item in items]
    if kind == "bool":
        word = cell.strip().lower()
        if word not in ("true", "false", "yes", "no", "1", "0"):
            raise ValueError(_("expected true or false, not {cell}").format(cell=repr(cell)))
        return word in ("true", "yes", "1")
    if kind == "json":
        try:
            return json.loads(cell)
        except json.JSONDecodeError as exc:
            raise ValueError(_("not valid JSON: {why}").format(why=exc.msg)) from None
    return cell


def _tsv_escape(cell: str) -> str:
    return "".join(_TSV_ESCAPES.get(c, c) for c in cell)


def _csv_cell(cell: str) -> str:
    """RFC 4180 quoting: a cell with a comma, quote, CR or LF is quoted (csv.writer leaves
    a bare CR unquoted when the line ends in LF, and a reader then splits the row)."""
    if any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _tsv_unescape(cell: str) -> str:
    return _TSV_ESCAPE_RE.sub(lambda m: _TSV_UNESCAPES.get(m.group(1), m.group(0)), cell)


def write(entries: list[Entry], fmt: str) -> tuple[str, list[str]]:
    """The entries as ``fmt`` ("csv" or "tsv") with a header row and a column per field."""
    kinds = field_kinds()
    names = list(kinds)
    rows = [names]
    for entry in entries:
        rows.append(
            [for_spreadsheet(_encode(getattr(entry, name, None), kinds[name])) for name in names]
        )
    out = io.StringIO()
    if fmt == "tsv":
        for row in rows:
            out.write("\t".join(_tsv_escape(cell) for cell in row) + "\n")
    else:
        for row in rows:
            out.write(",".join(_csv_cell(cell) for cell in row) + "\n")
    return out.getvalue(), []


def read_rows(
    records: list[tuple[int, list[str]]], name: str, fmt: str, problems: Problems
) -> ReadResult:
    """Entries from records whose first row is a field header (see :func:`is_field_header`)."""
    kinds = field_kinds()
    header_line, header = records[0]
    columns = [c.strip() for c in header]
    for column in columns:
        if column and column not in kinds:
            problems.add(
                header_line,
                _("unknown column {column} (known: {known})").format(
                    column=repr(column), known=", ".join(kinds)
                ),
            )
    seen: set[str] = set()
    for column in columns:
        if column in seen and column:
            problems.add(
                header_line, _("column {column} appears twice").format(column=repr(column))
            )
        seen.add(column)
    problems.raise_if_any()
    info = GlossaryInfo(id=id_from_name(name), path=name)
    taken: set[str] = set()
    entries: list[Entry] = []
    for line, cells in records[1:]:
        if len(cells) != len(columns):
            problems.add(
                line,
                _("expected {n} columns, found {found}").format(n=len(columns), found=len(cells)),
            )
            continue
        data: dict[str, object] = {}
        bad = False
        for column, cell in zip(columns, cells, strict=True):
            if not column:
                continue
            if fmt == "tsv":
                cell = _tsv_unescape(cell)
            cell = from_spreadsheet(cell)
            if cell == "":
                continue
            try:
                data[column] = _decode(cell, kinds[column])
            except ValueError as exc:
                problems.add(line, f"{column}: {exc}")
                bad = True
        if bad:
            continue
        complete_entry(data, taken)  # as in a two-column file: "noun" needs a gender
        entry = build_entry(data, problems, line=line, glossary=info.id)
        if entry is not None:
            entries.append(entry)
    check_unique(entries, problems)
    problems.raise_if_any()
    return ReadResult(info, entries)
