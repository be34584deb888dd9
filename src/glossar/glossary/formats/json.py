"""Glossaries as JSON with every field, for scripts: ``{"glossary": {…}, "entries": […]}``.

Each entry is :meth:`Entry.to_dict` (lists for tuples, empty fields left out), so JSON
carries everything our TOML does and reads back to equal entries.
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
    id_from_name,
    info_dict,
)
from glossar.glossary.model import Entry, GlossaryInfo
from glossar.i18n import _


def write(info: GlossaryInfo, entries: list[Entry], *, header: bool = False) -> tuple[str, list]:
    """The glossary as one JSON document (UTF-8, not ASCII-escaped); JSON loses nothing."""
    doc = {"glossary": info_dict(info), "entries": [e.to_dict() for e in entries]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n", []


def _entry_lines(text: str) -> dict[str, int]:
    """Line of each ``"id": "…"`` in the text, so problems name a line (json has no positions)."""
    lines: dict[str, int] = {}
    line, pos = 1, 0
    for match in re.finditer(r'"id"\s*:\s*"((?:[^"\\]|\\.)*)"', text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        lines.setdefault(match.group(1), line)
    return lines


def read(data: bytes, name: str) -> ReadResult:
    """Entries from our JSON export; every problem reported as ``FILE:LINE: problem``."""
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
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list):
        problems.add(1, _('expected an object {"glossary": {...}, "entries": [...]}'))
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
    )
    lines = _entry_lines(text)
    entries = []
    for i, item in enumerate(doc["entries"], 1):
        if not isinstance(item, dict):
            problems.add(None, f"entries[{i - 1}]: " + _("expected an object"))
            continue
        entry_id = item.get("id")
        line = lines.get(entry_id, 0) if isinstance(entry_id, str) else 0
        where = "" if line else f"entries[{i - 1}]"
        entry = build_entry(item, problems, line=line, glossary=info.id, where=where)
        if entry is not None:
            entries.append(entry)
    check_unique(entries, problems)
    problems.raise_if_any()
    return ReadResult(info, entries)
