"""Glossaries as JSON with every field, for scripts: ``{"glossary": {…}, "entries": […]}``.

Each entry is :meth:`Entry.to_dict` (lists for tuples, empty fields left out), so JSON
carries everything our TOML does and reads back to equal entries. Read, the header may
be left out (a bare list of entries), and so may an entry's ``id`` and ``pos``: a
termbase written by hand as ``[{"de": "Macht", "en": "might"}]`` imports as the same
pairs in a CSV file do.
"""

from __future__ import annotations

import json
import re

from glossar.files import decode_utf8, lone_surrogate
from glossar.glossary.formats.entries import (
    Problems,
    ReadResult,
    build_entry,
    check_unique,
    complete_entry,
    id_from_name,
    info_dict,
)
from glossar.glossary.model import Entry, GlossaryInfo
from glossar.i18n import _


def write(info: GlossaryInfo, entries: list[Entry], *, header: bool = False) -> tuple[str, list]:
    """The glossary as one JSON document (UTF-8, not ASCII-escaped); JSON loses nothing."""
    doc = {"glossary": info_dict(info), "entries": [e.to_dict() for e in entries]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n", []


#: What :func:`_entry_lines` needs of JSON text: strings (keys with their colon), the
#: brackets, and the commas between list items.
_TOKEN_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"(\s*:)?|[\[\]{},]')
_SPACE_RE = re.compile(r"\s*")


def _entry_lines(text: str) -> list[int]:
    """The line on which each item of the entries list starts (``json`` has no positions),
    in order: the list under the top-level key ``entries`` (the last, as ``json`` takes
    it), or the top-level list itself. Only for text that :func:`json.loads` accepted."""
    lines: list[int] = []
    depth, key, inside = 0, "", 0  # inside: depth of the entries list's items, 0 outside
    line, counted = 1, 0

    def item_at(pos: int) -> None:
        nonlocal line, counted
        start = _SPACE_RE.match(text, pos).end()  # type: ignore[union-attr]
        line += text.count("\n", counted, start)
        counted = start
        if text[start : start + 1] != "]":  # the end of a list, not an item ("[]", "[1,]")
            lines.append(line)

    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if token[0] == '"':
            if depth == 1 and match.group(1):
                key = json.loads(token[: match.start(1) - match.start()])
        elif token in "[{":
            if token == "[" and (depth == 0 or (depth == 1 and key == "entries")):
                lines.clear()
                inside = depth + 1
                item_at(match.end())
            depth += 1
        elif token == ",":
            if depth == inside:
                item_at(match.end())
        else:
            depth -= 1
            if depth < inside:
                inside = 0
            if depth == 0:
                break
    return lines


def read(data: bytes, name: str) -> ReadResult:
    """Entries from our JSON export, or from a termbase written by hand: a list of entries
    (or ``{"entries": [...]}``) that may leave out ``id`` and ``pos``, completed as a CSV
    import completes them (:func:`~glossar.glossary.formats.entries.complete_entry`).
    Every problem is reported as ``FILE:LINE: problem``."""
    text = decode_utf8(data, name)
    problems = Problems(name)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(exc.lineno, _("not valid JSON: {why}").format(why=exc.msg))
        problems.raise_if_any()
    except RecursionError:
        problems.add(None, _("JSON nested too deeply"))
        problems.raise_if_any()
    except ValueError as exc:  # an integer beyond Python's digit limit
        problems.add(None, _("not usable JSON ({why})").format(why=str(exc).split(";")[0]))
        problems.raise_if_any()
    if lone_surrogate(doc):
        problems.add(None, _("JSON text with a lone surrogate (not Unicode text)"))
        problems.raise_if_any()
    if isinstance(doc, list):
        doc = {"entries": doc}  # a bare list of entries: the termbase without a header
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        problems.add(
            1, _('expected an object {"glossary": {...}, "entries": [...]} or a list of entries')
        )
        problems.raise_if_any()
    head = doc.get("glossary") or {}
    if not isinstance(head, dict):
        problems.add(1, "glossary: " + _("expected an object"))
        head = {}
    info = GlossaryInfo(
        id=str(head.get("id") or id_from_name(name)),
        path=name,
        title=str(head.get("title", "")),
        version=str(head.get("version", "")),
        description=str(head.get("description", "")),
    )
    lines = _entry_lines(text)
    if len(lines) != len(doc["entries"]):
        lines = [0] * len(doc["entries"])  # not expected: then the items are named by index
    taken: set[str] = set()
    entries = []
    for i, (item, line) in enumerate(zip(doc["entries"], lines, strict=True)):
        where = "" if line else f"entries[{i}]"
        if not isinstance(item, dict):
            problems.add(line, (f"{where}: " if where else "") + _("expected an object"))
            continue
        item = dict(item)
        complete_entry(item, taken)
        entry = build_entry(item, problems, line=line, glossary=info.id, where=where)
        if entry is not None:
            entries.append(entry)
    check_unique(entries, problems)
    problems.raise_if_any()
    return ReadResult(info, entries)
