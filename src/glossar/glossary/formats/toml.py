"""Our own glossary format, TOML (docs/glossary-format.md): the target of every import.

Written with tomli-w in the documented shape — a ``[glossary]`` table, then one
``[[entry]]`` table per concept with its fields in the documented order — so a human
reviews an imported glossary like a hand-written one and the loader reads it back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from glossar.glossary.formats.entries import (
    ENTRY_FIELDS,
    Problems,
    ReadResult,
    build_entry,
    check_unique,
    id_from_name,
    info_dict,
)
from glossar.glossary.model import Entry, GlossaryInfo
from glossar.i18n import _


def entry_table(entry: Entry) -> dict[str, object]:
    """One ``[[entry]]`` table: documented field order, empty fields left out.

    ``pos`` is always written (a reviewer sees it next to the gender); ``kind`` only when it
    is not the default ``term``.
    """
    table: dict[str, object] = {}
    for name in ENTRY_FIELDS:
        value = getattr(entry, name)
        if name == "pos":
            table[name] = value
        elif (name == "kind" and value == "term") or value in (None, "", ()):
            continue
        else:
            table[name] = list(value) if isinstance(value, tuple) else value
    return table


def write_glossary_toml(info: GlossaryInfo, entries: Iterable[Entry]) -> str:
    """The glossary as TOML text in the shape of docs/glossary-format.md."""
    import tomli_w

    header = info_dict(info)
    header.setdefault("source_lang", "de")
    header.setdefault("target_lang", "en")
    # Each entry is dumped on its own under a literal [[entry]] line: tomli-w would write
    # short entries as inline tables, which is valid TOML but not the documented shape.
    parts = [tomli_w.dumps({"glossary": header})]
    for entry in entries:
        parts.append("\n[[entry]]\n")
        parts.append(tomli_w.dumps(entry_table(entry), multiline_strings=True))
    return _ARRAY_RE.sub(_inline_array, "".join(parts))


# tomli-w writes every array one item per line; short arrays of plain strings read better
# inline, as docs/glossary-format.md shows them (``en_alt = ["emergency rule"]``).
_ARRAY_RE = re.compile(r'^(\w+) = \[\n((?:    "(?:[^"\\\n]|\\.)*",\n)+)\]$', re.MULTILINE)
MAX_LINE = 100


def _inline_array(match: re.Match[str]) -> str:
    items = [line.strip()[:-1] for line in match.group(2).splitlines()]
    inline = f"{match.group(1)} = [{', '.join(items)}]"
    return inline if len(inline) <= MAX_LINE else match.group(0)


def write(info: GlossaryInfo, entries: list[Entry], *, header: bool = False) -> tuple[str, list]:
    """Registry face of :func:`write_glossary_toml` (TOML loses nothing: no warnings)."""
    return write_glossary_toml(info, entries), []


def read(data: bytes, name: str) -> ReadResult:
    """Read one of our TOML glossaries through the project's own loader (same rules)."""
    try:
        from glossar.glossary.load import load_glossary_file
    except ImportError:  # loader not available: a minimal reader with the same checks
        return _read_minimal(data, name)
    if os.path.isfile(name):
        info, entries = load_glossary_file(name)
        return ReadResult(info, list(entries))
    import tempfile

    fd, tmp = tempfile.mkstemp(suffix=".toml")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        info, entries = load_glossary_file(tmp, cache=False)  # a name nobody asks for again
    finally:
        os.unlink(tmp)
    return ReadResult(info, list(entries))


def _read_minimal(data: bytes, name: str) -> ReadResult:
    import tomllib

    from glossar.files import decode_utf8

    problems = Problems(name)
    try:
        doc = tomllib.loads(decode_utf8(data, name))
    except tomllib.TOMLDecodeError as exc:
        problems.add(None, _("not valid TOML: {why}").format(why=exc))
        problems.raise_if_any()
        raise AssertionError from None
    head = doc.get("glossary", {})
    info = GlossaryInfo(
        id=str(head.get("id") or id_from_name(name)),
        path=name,
        title=str(head.get("title", "")),
        version=str(head.get("version", "")),
        description=str(head.get("description", "")),
    )
    entries = []
    for i, table in enumerate(doc.get("entry", []), 1):
        entry = build_entry(table, problems, glossary=info.id, where=f"entry {i}")
        if entry is not None:
            entries.append(entry)
    check_unique(entries, problems)
    problems.raise_if_any()
    return ReadResult(info, entries)
