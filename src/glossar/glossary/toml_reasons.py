"""TOML syntax errors in the user's language: tomllib words them in English only, and a
German user read "Illegal character '\\n'" inside an otherwise German message."""

from __future__ import annotations

import re

from glossar.i18n import N_, _

#: tomllib's reasons (Python 3.11–3.13) and their wording here; ``{x}`` keeps what the
#: reason quotes (a character, a key).
_REASONS: list[tuple[re.Pattern[str], str]] = [
    # a line's end inside a one-line string: its closing quote is missing
    (
        re.compile(r"Illegal character '\\n'"),
        N_("a string not closed on its line (a missing quote)"),
    ),
    (re.compile(r"Illegal character (?P<x>.+)"), N_("illegal character {x}")),
    (re.compile(r"Found invalid character (?P<x>.+)"), N_("invalid character {x}")),
    (re.compile(r"Invalid value"), N_("invalid value")),
    (re.compile(r"Invalid statement"), N_("invalid statement")),
    (
        re.compile(r"Expected '=' after a key in a key/value pair"),
        N_("'=' expected after a key"),
    ),
    (re.compile(r"Unclosed array"), N_("unclosed array (a missing ']')")),
    (re.compile(r"Unclosed inline table"), N_("unclosed inline table (a missing '}}')")),
    (re.compile(r"Unterminated string"), N_("unterminated string (a missing quote)")),
    (re.compile(r"Cannot declare (?P<x>.+) twice"), N_("{x} declared twice")),
    (re.compile(r"Cannot overwrite a value"), N_("a value given twice")),
    (re.compile(r"Cannot (?:mutate immutable|redefine) namespace (?P<x>.+)"), N_("{x} redefined")),
    (
        re.compile(r"Invalid initial character for a key part"),
        N_("invalid first character of a key"),
    ),
    (
        re.compile(r"Expected '\]' at the end of a table declaration"),
        N_("']' expected at the end of a table header"),
    ),
    (
        re.compile(r"Expected '\]\]' at the end of an array declaration"),
        N_("']]' expected at the end of an [[entry]] header"),
    ),
    (re.compile(r"Expected (?P<x>.+)"), N_("{x} expected")),
    (re.compile(r"Invalid date or datetime"), N_("invalid date")),
    (re.compile(r"Unescaped '\\\\' in a string"), N_("a backslash not escaped in a string")),
    (re.compile(r"Invalid hex value"), N_("invalid hex value")),
    (re.compile(r"Duplicate inline table key (?P<x>.+)"), N_("key {x} given twice")),
]


def toml_reason(reason: str) -> str:
    """tomllib's ``reason`` (without its position) in the current language; as given
    where it is none of those known."""
    for pattern, template in _REASONS:
        m = pattern.fullmatch(reason)
        if m is not None:
            return _(template).format(**m.groupdict())
    return reason


#: What starts a value in TOML: a string, a number, a boolean, an array, an inline table.
_VALUE_START = re.compile(r"[\"'\d+\-\[{]|true\b|false\b|inf\b|nan\b")


def missing_comma_line(text: str, line: int, column: int) -> int:
    """The line of an array item that lacks its ``,`` where tomllib says "Unclosed array"
    at the next item (``"Hauses"⏎"Häuser"``: the line of "Hauses"), else 0.

    tomllib names the position of the item after the gap and calls the array unclosed,
    which sent a user looking for a ``]`` that was there."""
    lines = text.splitlines()
    if not 0 < line <= len(lines) or column < 1:
        return 0
    if _VALUE_START.match(lines[line - 1], column - 1) is None:
        return 0  # a key or a header follows: the ']' is what is missing
    before = [lines[line - 1][: column - 1], *reversed(lines[: line - 1])]
    for back, content in enumerate(map(_without_comment, before)):
        if content:  # the item before the gap: the last thing written before it
            return 0 if content.endswith((",", "[")) else line - back
    return 0


def _without_comment(line: str) -> str:
    """``line`` stripped, without a comment after its last quote ("C#" is no comment)."""
    code, hash_, comment = line.rpartition("#")
    if hash_ and '"' not in comment and "'" not in comment:
        line = code
    return line.strip()
