"""Where things are in a TOML glossary file: ``tomllib`` gives no positions for values,
so :class:`LineIndex` finds the line of each ``[[entry]]`` table and of each key inside
it from the raw text, for messages that name file, line and field
(:mod:`glossar.glossary.load`).
"""

from __future__ import annotations

import re


def _table_header(line: str) -> str | None:
    """The name in a ``[table]`` or ``[[array]]`` header line, else None.

    A plain scan, linear in the line's length: a regular expression here once took 44 s
    to reject a 4 KB header (backtracking between overlapping space classes).
    """
    s = line.strip()
    if not s.startswith("["):
        return None
    double = s.startswith("[[")
    start = 2 if double else 1
    close = s.find("]]" if double else "]", start)
    if close < 0:
        return None
    rest = s[close + (2 if double else 1) :].lstrip()
    if rest and not rest.startswith("#"):
        return None
    return s[start:close].strip()


def _first_key(name: str) -> str:
    """The top-level key a dotted table name opens (``[a.b]`` → ``a``, quotes removed)."""
    if name[:1] in "\"'":
        end = name.find(name[0], 1)
        return name[1:end] if end > 0 else name[1:]
    return name.split(".", 1)[0].strip()


class LineIndex:
    """Line numbers of ``[[entry]]`` tables and their keys, recovered from the raw text."""

    _KEY = re.compile(r"[ \t]*([A-Za-z0-9_-]+|\"[^\"\n]+\")[ \t]*=")

    def __init__(self, text: str):
        self.tables: list[tuple[str, int]] = []  # (table name, 1-based line)
        self.keys: list[dict[str, int]] = []  # per table: key -> line
        self.top_keys: dict[str, int] = {}
        current: dict[str, int] = self.top_keys
        for number, line in enumerate(text.splitlines(), start=1):
            header = _table_header(line)
            if header is not None:
                name = header.strip("\"'")
                self.top_keys.setdefault(_first_key(header), number)
                self.tables.append((name, number))
                current = {}
                self.keys.append(current)
                continue
            key = self._KEY.match(line)
            if key:
                current.setdefault(key.group(1).strip('"'), number)
        self._entry_tables = [i for i, (name, _) in enumerate(self.tables) if name == "entry"]
        self._header = next((i for i, (n, _) in enumerate(self.tables) if n == "glossary"), None)

    def entry_line(self, index: int, key: str | None = None) -> int:
        """Line of entry number ``index`` (0-based) or of ``key`` inside it."""
        if index >= len(self._entry_tables):
            return 0
        table = self._entry_tables[index]
        if key is not None and key in self.keys[table]:
            return self.keys[table][key]
        return self.tables[table][1]

    def header_line(self, key: str | None = None) -> int:
        """Line of the ``[glossary]`` table or of ``key`` inside it."""
        if self._header is None:
            return 1
        if key is not None and key in self.keys[self._header]:
            return self.keys[self._header][key]
        return self.tables[self._header][1]


class LazyLines:
    """Entry header lines found fast (one regex pass), the full key index, both on demand.

    Valid files (the common case, and 100k-entry ones) never pay for the per-key scan.
    """

    _ENTRY_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*entry[ \t]*\]\]", re.MULTILINE)

    def __init__(self, text: str):
        self._text = text
        self._full: LineIndex | None = None
        self._headers: list[int] | None = None

    @property
    def entry_headers(self) -> list[int]:
        """The line of each ``[[entry]]`` header (found on first use: the bulk path of a
        clean file finds its own)."""
        if self._headers is None:
            self._headers = []
            line, last = 1, 0
            for match in self._ENTRY_HEADER.finditer(self._text):
                line += self._text.count("\n", last, match.start())
                last = match.start()
                self._headers.append(line)
        return self._headers

    @property
    def full(self) -> LineIndex:
        if self._full is None:
            self._full = LineIndex(self._text)
        return self._full

    @property
    def top_keys(self) -> dict[str, int]:
        return self.full.top_keys

    def entry_line(self, index: int, key: str | None = None) -> int:
        if key is None and index < len(self.entry_headers):
            return self.entry_headers[index]
        return self.full.entry_line(index, key)

    def header_line(self, key: str | None = None) -> int:
        return self.full.header_line(key)
