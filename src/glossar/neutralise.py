"""Making text harmless for where it goes: terminals, XML, HTML/Markdown, spreadsheets.

German text, machine translation output, glossary notes and file names are data; none of
them may steer the reader's terminal (ANSI escapes), break an XML document (characters
XML 1.0 forbids), carry raw NUL/C0 bytes into HTML or Markdown, or run as a spreadsheet
formula. Each output path calls the one function for its medium, on the data only (never
on the markup or colour codes glossar adds itself).
"""

from __future__ import annotations

import re

#: C0 controls except tab and newline, DEL, and C1 controls (ESC and CSI among them).
_TERMINAL_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: What XML 1.0 forbids: C0 except tab/LF/CR, lone surrogates, U+FFFE and U+FFFF.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Raw control characters that have no business in HTML or Markdown text.
_MARKUP_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Cells starting with these are formulas to a spreadsheet (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

REPLACEMENT = "\ufffd"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (ESC shows as ␛)
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT  # C1 controls


def for_terminal(text: str) -> str:
    """``text`` with control characters shown as symbols (ESC → ␛): nothing reaches the
    terminal as a command. Tabs and newlines stay; a byte of a file name that is not
    UTF-8 (decoded as a lone surrogate) is shown as ``\xff``, as :func:`glossar.files.
    display_name` shows it; other lone surrogates become U+FFFD. A carriage return
    before a newline (a Windows line end) is a space, not ␍ at every line's end; one
    alone, which would move the cursor back over what was shown, is ␍."""
    if "\r\n" in text:
        text = text.replace("\r\n", " \n")  # (one for one: offsets into it still hold)
    text = _SURROGATES.sub(_byte_or_replacement, text)
    return _TERMINAL_BAD.sub(_picture, text)


def _byte_or_replacement(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else REPLACEMENT


def for_xml(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD."""
    return _XML_BAD.sub(REPLACEMENT, text)


class XmlText:
    """:func:`for_xml` that counts what it replaced (:attr:`replaced`), so that a writer
    can say so: bad input loses nothing, or says so."""

    def __init__(self) -> None:
        self.replaced = 0

    def __call__(self, text: str) -> str:
        clean, n = _XML_BAD.subn(REPLACEMENT, text)
        self.replaced += n
        return clean


#: What a glossary's free text (notes, definitions, examples) may not hold: exactly what
#: XML 1.0 forbids (so TBX keeps every note that validates; DEL and C1 controls are legal
#: there and are shown as symbols on a terminal).
_TEXT_BAD = _XML_BAD


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a glossary's free text (a control character…), or None.

    Validation and every export accept the same characters: what passes here is written
    unchanged by TBX, TOML, JSON and CSV alike.
    """
    match = _TEXT_BAD.search(text)
    if match is None:
        return None
    from glossar.i18n import _

    message = _("control or non-character {code} is not allowed")
    return message.format(code=f"U+{ord(match.group(0)):04X}")


def for_markup(text: str) -> str:
    """``text`` for HTML or Markdown: raw NUL/C0 controls and DEL become U+FFFD."""
    return _MARKUP_BAD.sub(REPLACEMENT, text)


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates (undecodable file-name bytes…) replaced by U+FFFD."""
    return _SURROGATES.sub(REPLACEMENT, text)


def for_spreadsheet(cell: str) -> str:
    """A CSV/TSV cell that no spreadsheet runs as a formula (OWASP): a cell starting
    with ``= + - @``, tab or CR gets a leading apostrophe, which spreadsheets show as
    text and :func:`from_spreadsheet` removes again on import."""
    if cell.startswith(FORMULA_PREFIXES) or cell.startswith("'") and _is_guarded(cell[1:]):
        return "'" + cell
    return cell


def _is_guarded(rest: str) -> bool:
    return rest.startswith(FORMULA_PREFIXES) or rest.startswith("'") and _is_guarded(rest[1:])


def from_spreadsheet(cell: str) -> str:
    """Undo :func:`for_spreadsheet`: one leading apostrophe before a formula prefix goes."""
    if cell.startswith("'") and _is_guarded(cell[1:]):
        return cell[1:]
    return cell
