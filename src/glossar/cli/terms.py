"""``glossar terms``: the glossary terms in a German text, highlighted and listed."""

from __future__ import annotations

import sys

import click

from glossar.cli.options import (
    echo_json,
    glossary_option,
    json_option,
    load_cli_glossary,
    use_color,
)
from glossar.files import read_text
from glossar.i18n import _
from glossar.terms.match import TermMatch
from glossar.terms.recognise import find_terms


@click.command()
@click.argument("file", required=False, default="-", type=click.Path(dir_okay=False))
@json_option
@glossary_option
def terms(file: str, as_json: bool, glossary_paths: tuple[str, ...]) -> None:
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
    text = read_text(file)
    glossary = load_cli_glossary(glossary_paths)
    found = find_terms(text, glossary)
    if as_json:
        echo_json({"terms": [m.to_dict() for m in found]})
    elif not found:
        click.echo(_("No glossary terms found."), err=True)
    else:
        color = use_color()
        click.echo(highlight(text, found, color=color).rstrip("\n"))
        click.echo()
        click.echo(term_table(found, color=color))
        if not all(m.sure for m in found):
            click.echo(_("? unsure: the glossary has several senses for this word here; "
                         "suggestions, not the answer."))  # fmt: skip
    sys.exit(0 if found else 1)


def highlight(text: str, found: list[TermMatch], *, color: bool) -> str:
    """``text`` with each term marked: bold colour on a terminal, else ``[term]``; an
    unsure hit (a suggestion) is marked ``[term?]`` (yellow on a terminal)."""
    out: list[str] = []
    pos = 0
    for m in found:
        out.append(text[pos : m.start])
        if color:
            shown = m.text if m.sure else m.text + "?"
            out.append(click.style(shown, fg="cyan" if m.sure else "yellow", bold=m.sure))
        else:
            out.append(f"[{m.text}]" if m.sure else f"[{m.text}?]")
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def term_table(found: list[TermMatch], *, color: bool) -> str:
    """One row per entry, in order of first occurrence: id, forms found, headword, English."""
    rows: dict[str, list[object]] = {}
    for m in found:
        row = rows.get(m.id)
        if row is None:
            rows[m.id] = [m.id, [m.text], m.entry.de, m.label, 1]
        else:
            forms = row[1]
            assert isinstance(forms, list)
            if m.text not in forms:
                forms.append(m.text)
            row[4] = int(row[4]) + 1  # type: ignore[call-overload]
    header = [_("id"), _("German as found"), _("headword"), _("English"), _("count")]
    table = [header] + [
        [str(r[0]), ", ".join(" ".join(f.split()) for f in r[1]), str(r[2]), str(r[3]), str(r[4])]  # type: ignore[attr-defined]
        for r in rows.values()
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    lines = []
    for i, row in enumerate(table):
        cells = [cell.ljust(widths[k]) for k, cell in enumerate(row[:-1])] + [row[-1].rjust(5)]
        line = "  ".join(cells).rstrip()
        if i == 0 and color:
            line = click.style(line, bold=True)
        lines.append(line)
    return "\n".join(lines)
