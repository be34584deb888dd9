"""``glossar terms``: the glossary terms in a German text, highlighted and listed."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring  # the C encoder json.dumps uses

import click

from glossar.cli.help_texts import Command
from glossar.cli.jsonstream import _dump, echo_json_stream, render_item
from glossar.cli.options import (
    glossary_option,
    json_option,
    load_cli_glossary,
    note_mojibake,
    noting_layout,
    output_option,
    refuse_output_over_inputs,
    settle_glossary,
    stdout_to,
    use_color,
)
from glossar.glossary.model import Entry
from glossar.i18n import _
from glossar.neutralise import for_terminal
from glossar.terms.match import TermMatch
from glossar.terms.recognise import TermRecognizer
from glossar.terms.split_verbs import split_part
from glossar.text.line_words import without_line_quote_marks as as_read
from glossar.text.stream import Piece, iter_pieces, open_text


@click.command(cls=Command)
@click.argument("file", required=False, default="-")
@json_option
@glossary_option
@output_option
def terms(file: str, as_json: bool, glossary_paths: tuple[str, ...], output: str | None) -> None:
    """Find glossary terms in German text (FILE, or standard input with '-' or none).

    Recognises inflected forms (des Ausnahmezustands), terms inside compounds
    (Flüssiggaspreise → Flüssiggas), hyphenated compounds (OVKS-Truppen), multi-word
    terms (verfassungsmäßige Ordnung) and abbreviations (OVKS). Prints the text with the
    terms marked and a table of the terms with their English. Exit 1 when none is found.
    Uses the news glossary; `--glossary kazakhstan-2022` adds the bundled article's own.
    A hit marked `?` is unsure (the word has several senses here): its senses are shown,
    not one answer, and translate/check leave it alone.

    Example:

        glossar terms article.txt

        echo "Tokajew verhängte den Ausnahmezustand." | glossar terms --json
    """
    refuse_output_over_inputs(output, (file,), glossary_paths)
    glossary = load_cli_glossary(glossary_paths)
    recognizer = settle_glossary(glossary)
    with open_text(file) as fh, stdout_to(output):
        note_mojibake(fh.mojibake, file)
        pieces = noting_layout(iter_pieces(fh), "<stdin>" if file == "-" else file)
        if as_json:
            terms_json = _term_json(recognizer, pieces)
            found_any = echo_json_stream({}, "terms", terms_json, rendered=True) > 0
        else:
            found_any = _echo_highlighted(recognizer, pieces, color=use_color())
    sys.exit(0 if found_any else 1)


def _piece_terms(
    recognizer: TermRecognizer, pieces: Iterable[Piece]
) -> Iterator[tuple[Piece, list[TermMatch]]]:
    """Each piece with its terms (offsets relative to the piece)."""
    for piece in pieces:
        yield piece, recognizer.find(piece.text)


def _term_dicts(recognizer: TermRecognizer, pieces: Iterable[Piece]) -> Iterator[dict[str, object]]:
    """The JSON objects of every term, offsets into the whole input (with a split verb's
    ``apart``: where its particle or idiom's words stand)."""
    for piece, found in _piece_terms(recognizer, pieces):
        for m in found:
            yield m.to_dict(piece.text, piece.start)


def _term_json(recognizer: TermRecognizer, pieces: Iterable[Piece]) -> Iterator[str]:
    """Each term of :func:`_term_dicts` as the JSON text ``echo_json_stream`` would
    print for its dict, without the dict: the part after the term's text depends only
    on its entry and sureness, so it is rendered once per entry (3× faster on 368k terms)."""
    #: the rendered tail by the entry's id(), for sure and for unsure hits, with the entry
    #: (which keeps its id() its own meanwhile)
    # (the key: the entry's id(), or with the English an abbreviation or a region of a
    # place expects, OVKS → CSTO, Ostukraine → eastern Ukraine)
    tails: tuple[dict[object, tuple[str, Entry]], dict[object, tuple[str, Entry]]] = ({}, {})
    encode = encode_basestring
    for piece, found in _piece_terms(recognizer, pieces):
        offset = piece.start
        for m in found:
            start, end, text, entry, variant, _compound, sure = m
            key: object = id(entry)
            if variant == "abbr" or entry.kind == "place":
                key = (key, m.english)
            cached = tails[sure].get(key)
            if cached is None or cached[1] is not entry:
                item = m.to_dict()
                if list(item)[:3] != ["start", "end", "text"]:  # the shape changed
                    item.update(start=start + offset, end=end + offset)
                    yield render_item(item)
                    continue
                del item["start"], item["end"], item["text"]
                tail = render_item(item)[1:]  # '\n      "id": …\n    }'
                cached = tails[sure][key] = (tail, entry)
            apart = ""
            if entry.pos == "verb":  # a split verb: where the rest of it stands
                part = m.apart(piece.text, offset)
                if part is not None:
                    apart = f'\n      "apart": {_dump(part, 6)},'
            yield (
                f'{{\n      "start": {start + offset},\n      "end": {end + offset},'
                f'\n      "text": {encode(text)},{apart}{cached[0]}'
            )


#: Text held back until the first term shows up (an input without terms prints only
#: the message, as before); past this many characters it is printed anyway.
_HOLD = 1 << 20


def _echo_highlighted(recognizer: TermRecognizer, pieces: Iterable[Piece], *, color: bool) -> bool:
    """Print the text with terms marked, piece by piece, then the term table."""
    rows: dict[str, list[object]] = {}
    held: list[str] = []
    held_size = 0
    flowing = False
    unsure = False
    capitals = False
    for piece, found in _piece_terms(recognizer, pieces):
        parts = [split_part(piece.text, m) if m.entry.pos == "verb" else None for m in found]
        _count_rows(rows, found, [
            f"{m.text} … {piece.text[part[0]:part[1]]}" if part else m.text
            for m, part in zip(found, parts, strict=True)
        ])  # fmt: skip
        for m in found:
            if not m.sure:  # (several senses, or a noun in capitals that is another word)
                if m.text.isupper() and not m.entry.senses:
                    capitals = True
                else:
                    unsure = True
        # control characters shown as symbols, one for one: offsets still hold
        held.append(highlight(for_terminal(piece.text), found, color=color, parts=parts))
        held_size += len(piece.text)
        if rows or held_size > _HOLD:
            flowing = True
        if flowing and len(held) > 1:
            click.echo("".join(held[:-1]), nl=False)  # the last one may end the text
            del held[:-1]
    if not rows:
        if flowing:
            click.echo("".join(held).rstrip("\n"))
        click.echo(_("No glossary terms found."), err=True)
        return False
    click.echo("".join(held).rstrip("\n"))
    click.echo()
    click.echo(_render_table(rows, color=color))
    if unsure:
        click.echo(_("? unsure: the glossary has several senses for this word here; "
                     "suggestions, not the answer."))  # fmt: skip
    if capitals:
        click.echo(_("? in capitals: the case that tells this noun from another word "
                     "(a verb's form, an adjective) is lost; a suggestion, not the "
                     "answer."))  # fmt: skip
    return True


def highlight(
    text: str,
    found: list[TermMatch],
    *,
    color: bool,
    parts: list[tuple[int, int] | None] | None = None,
) -> str:
    """``text`` with each term marked: bold colour on a terminal, else ``[term]``; an
    unsure hit (a suggestion) is marked ``[term?]`` (yellow on a terminal). ``parts``
    (by term, or None): where a split verb's particle or idiom's words stand, marked as
    its term is ("[kamen] … [ums Leben]"), where no term is."""
    spans = [(m.start, m.end, m.sure) for m in found]
    if parts:
        taken = [(m.start, m.end) for m in found]
        for m, part in zip(found, parts, strict=True):
            if part and not any(a < part[1] and part[0] < b for a, b in taken):
                spans.append((part[0], part[1], m.sure))
                taken.append(part)
        spans.sort()
    out: list[str] = []
    pos = 0
    for start, end, sure in spans:
        out.append(text[pos:start])
        if color:
            shown = text[start:end] if sure else text[start:end] + "?"
            out.append(click.style(shown, fg="cyan" if sure else "yellow", bold=sure))
        else:
            shown = text[start:end]
            out.append(f"[{shown}]" if sure else f"[{shown}?]")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def term_table(found: list[TermMatch], *, color: bool) -> str:
    """One row per entry, in order of first occurrence: id, forms found, headword, English."""
    rows: dict[str, list[object]] = {}
    _count_rows(rows, found)
    return _render_table(rows, color=color)


def _count_rows(
    rows: dict[str, list[object]], found: list[TermMatch], texts: list[str] | None = None
) -> None:
    """Add ``found`` to the table rows (one per entry: id, forms, headword, English,
    count); ``texts``: each term as shown, where not its text ("kamen … ums Leben")."""
    for i, m in enumerate(found):
        text = texts[i] if texts is not None else m.text
        row = rows.get(m.id)
        if row is None:
            rows[m.id] = [m.id, [text], m.entry.de, m.label, 1]
        else:
            forms = row[1]
            assert isinstance(forms, list)
            if text not in forms and len(forms) < _MAX_FORMS:
                forms.append(text)
            row[4] = int(row[4]) + 1  # type: ignore[call-overload]


#: Forms listed per entry in the table (a 100 MB input must not grow a row forever).
_MAX_FORMS = 12


def _width(cell: str) -> int:
    """Columns ``cell`` takes on a terminal: combining marks (an umlaut typed as u +
    U+0308, NFD text) take none."""
    if cell.isascii():
        return len(cell)
    import unicodedata

    return sum(1 for c in cell if not unicodedata.combining(c))


def _render_table(rows: dict[str, list[object]], *, color: bool) -> str:
    header = [_("id"), _("German as found"), _("headword"), _("English"), _("count")]
    table = [header] + [
        [
            str(r[0]),
            # (as read: line breaks as spaces, a quoted e-mail's marks left out)
            for_terminal(", ".join(" ".join(as_read(f).split()) for f in r[1])),  # type: ignore[attr-defined]
            str(r[2]),
            str(r[3]),
            str(r[4]),
        ]
        for r in rows.values()
    ]
    widths = [max(_width(row[i]) for row in table) for i in range(len(header) - 1)]
    _fit(widths, _terminal_columns())
    lines = []
    for i, row in enumerate(table):
        # a cell wider than its column: forms and headword cut with "…", English wrapped
        cells = [_cut(cell, widths[k]) for k, cell in enumerate(row[:3])]  # (the id too)
        english = _wrapped(row[3], widths[3])
        for n, part in enumerate(english):
            shown = [*cells, part] if n == 0 else [""] * 3 + [part]
            line = "  ".join(c + " " * (widths[k] - _width(c)) for k, c in enumerate(shown))
            line = (line + "  " + row[-1].rjust(5)) if n == 0 else line
            line = line.rstrip()
            if i == 0 and color:
                line = click.style(line, bold=True)
            lines.append(line)
    return "\n".join(lines)


#: The narrowest the id, forms, headword and English columns get on a narrow terminal.
_MIN_WIDTHS = (10, 10, 8, 14)


def _terminal_columns() -> int | None:
    """The terminal's width when output goes to one (or ``COLUMNS`` is set); None for a
    pipe or a file, which get whole rows."""
    import os
    import shutil

    if not (sys.stdout.isatty() or os.environ.get("COLUMNS")):
        return None
    return shutil.get_terminal_size().columns


def _fit(widths: list[int], columns: int | None) -> None:
    """Narrow the forms, headword, English and id columns (in that order, down to
    :data:`_MIN_WIDTHS`) until a row fits ``columns`` (the count stays whole)."""
    if columns is None:
        return
    for k in (1, 2, 3, 0):
        over = sum(widths) + 2 * len(widths) + 5 - columns
        if over <= 0:
            return
        widths[k] = max(_MIN_WIDTHS[k], widths[k] - over)


def _cut(cell: str, width: int) -> str:
    """``cell`` cut to ``width`` columns with "…" (the forms found, a long headword)."""
    if _width(cell) <= width:
        return cell
    while cell and _width(cell) > width - 1:
        cell = cell[:-1]
    return cell.rstrip(", ") + "…"


def _wrapped(cell: str, width: int) -> list[str]:
    """``cell`` (the English, a suggestion's senses) over lines of ``width`` columns."""
    if _width(cell) <= width:
        return [cell]
    import textwrap

    return textwrap.wrap(cell, width, break_on_hyphens=False) or [cell]
