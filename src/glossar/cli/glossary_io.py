"""``glossar glossary export`` and ``glossar glossary import``: glossary interchange.

Thin faces over :mod:`glossar.glossary.formats.registry`: parse options, call one library
function, print its warnings on stderr and write the result (atomically with ``-o``).
"""

from __future__ import annotations

import re
from typing import Any

import click

from glossar.cli.help_texts import Command
from glossar.cli.options import (
    emit,
    glossary_option,
    load_cli_glossary,
    refuse_output_over_inputs,
)
from glossar.i18n import _, ngettext

_EXPORT_FORMATS = ("tbx", "tbx2008", "csv", "tsv", "json", "toml")
_IMPORT_FORMATS = ("tbx", "tbx2008", "csv", "tsv", "json", "toml")


#: Ids that only number a file's concepts (c1, 17, t-3): likely to collide across files.
_NUMBERED_ID = re.compile(r"[a-z]{0,3}-?\d+\Z")


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        click.echo(f"glossar: {warning}", err=True)


@click.command("export", cls=Command)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_EXPORT_FORMATS),
    default=None,
    help="tbx (TBX v3), tbx2008 (martif), csv, tsv, json or toml. Default: from -o's extension.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option("--header", is_flag=True, help="CSV/TSV: add a 'de,en' language header row.")
@click.option(
    "--columns",
    type=click.Choice(("pairs", "all")),
    default="pairs",
    show_default=True,
    help="CSV/TSV: German→English pairs (DeepL, Google), or all: a column per field, lossless.",
)
@click.option(
    "--only",
    "only_given",
    is_flag=True,
    help="Only the glossaries given with --glossary, without the curated news glossary.",
)
@glossary_option
def export_cmd(
    fmt: str | None,
    output: str | None,
    header: bool,
    columns: str,
    only_given: bool,
    glossary_paths: tuple[str, ...],
) -> None:
    """Export the glossary (curated plus your layers) as TBX, CSV/TSV, JSON or TOML.

    TBX, JSON and TOML keep every field, and so does CSV/TSV with --columns all; plain
    CSV/TSV keep German→English term pairs only (DeepL, Google, Amazon) and say on stderr
    what they leave out.

    Example:

        glossar glossary export --format tbx -o kazakhstan.tbx

        glossar glossary export --format csv --header > deepl.csv

        glossar glossary export --format csv --columns all -o kazakhstan.csv

        glossar glossary export --only --glossary mine.toml --format tbx -o mine.tbx
    """
    from glossar.glossary.formats.registry import export_glossary, format_for_path

    if fmt is None:
        form = format_for_path(output) if output else None
        if form is None or form.name not in _EXPORT_FORMATS:
            raise click.UsageError(_("Give --format (tbx, tbx2008, csv, tsv, json or toml)."))
        fmt = form.name
    if fmt not in ("csv", "tsv") and (header or columns != "pairs"):
        # a tester's `--format json --header`, `--format tbx --columns all`: ignored silently
        given = "--header" if header else "--columns all"
        raise click.UsageError(
            _("{option} is for CSV and TSV, not {format}.").format(option=given, format=fmt)
        )
    if only_given and not glossary_paths:
        raise click.UsageError(_("--only needs the glossaries to export, given with --glossary."))
    refuse_output_over_inputs(output, (), glossary_paths)
    if only_given:  # a user's own termbase, to hand on without glossar's curated entries
        from glossar.cli.options import user_glossary_paths
        from glossar.glossary.load import load_glossary

        glossary = load_glossary(user_glossary_paths(glossary_paths), curated=False)
    else:
        glossary = load_cli_glossary(glossary_paths)
    text, warnings = export_glossary(glossary, fmt, header=header, columns=columns)
    _warn(warnings)
    emit(text, output)


def _warn_lower_case_nouns(file: str, entries: list[Any]) -> None:
    """Say where a lower-case pair will not re-word the news glossary's noun (macht:
    Macht), at most a few lines."""
    from glossar.files import display_name
    from glossar.glossary.adopt import lower_case_nouns
    from glossar.glossary.load import load_glossary

    if not any(e.pos == "other" and e.de[:1].islower() for e in entries):
        return  # nothing to compare: the news glossary stays unloaded
    found = lower_case_nouns(entries, list(load_glossary().entries.values()))
    shown = [
        _(
            "{name}:{line}: {term!r} is written in lower case, so it names that lower-case "
            "word only; the news glossary's {noun!r} is a noun: write {noun!r} to re-word it"
        ).format(name=display_name(file), line=entry.line, term=entry.de, noun=noun)
        for entry, noun in found[:5]
    ]
    if len(found) > 5:
        shown.append(
            _("{name}: {n} more terms in lower case like these").format(
                name=display_name(file), n=len(found) - 5
            )
        )
    _warn(shown)


@click.command("import", cls=Command)
@click.argument("file")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_IMPORT_FORMATS),
    default=None,
    help="Format of FILE (default: from its extension, else guessed from the content).",
)
@click.option(
    "--id-prefix",
    default="",
    help="Put this before every entry id (termbases number their concepts c1, c2, …: "
    "two imports layered would replace each other's entries by id).",
)
def import_cmd(file: str, output: str | None, fmt: str | None, id_prefix: str) -> None:
    """Convert a TBX (v3 or 2008), CSV/TSV or JSON glossary into glossar's TOML format.

    Every bad row or element is reported as FILE:LINE: problem (exit 4) and nothing is
    written. Use the result with --glossary, or check it with `glossar glossary validate`.

    Example:

        glossar glossary import terms.tbx -o my-terms.toml

        glossar glossary import deepl.csv > my-terms.toml

        glossar glossary import supplier.tbx --id-prefix supplier- -o supplier.toml
    """
    from glossar.errors import BadInputError
    from glossar.files import MAX_INPUT_BYTES, display_name, size_text
    from glossar.files import refuse_output_over_inputs as refuse
    from glossar.glossary.formats.registry import read_glossary
    from glossar.glossary.formats.toml import write_glossary_toml
    from glossar.glossary.rules import ID_RE

    if id_prefix and not ID_RE.match(id_prefix):
        raise click.BadParameter(
            _("an id starts with a lower-case letter or digit, then those and '-'"),
            param_hint="--id-prefix",
        )
    refuse(output, [file])
    result = read_glossary(file, fmt)
    _warn(result.warnings)
    entries = result.entries
    _warn_lower_case_nouns(file, entries)
    if id_prefix:
        from dataclasses import replace

        entries = [replace(e, id=id_prefix + e.id) for e in entries]
    elif entries and all(_NUMBERED_ID.match(e.id) for e in entries):
        _warn(
            [
                _(
                    "{name}: its ids ({first}, …) are the file's own numbering: another "
                    "import layered with this one would replace its entries by id; give "
                    "--id-prefix"
                ).format(name=display_name(file), first=entries[0].id)
            ]
        )
    text = write_glossary_toml(result.info, entries)
    size = len(text.encode("utf-8"))
    if size > MAX_INPUT_BYTES:  # written, it would be refused by every other command
        message = _(
            "{name}: the glossary would be {size} MiB of TOML, more than the {limit} a "
            "glossary may have; nothing was written (split the termbase into several files "
            "and layer them with --glossary)"
        )
        raise BadInputError(
            message.format(
                name=display_name(file),
                size=f"{size / 1024**2:.1f}",
                limit=size_text(MAX_INPUT_BYTES),
            )
        )
    emit(text, output)
    if output and output != "-":
        click.echo(
            ngettext(
                "Imported {n} entry into {path}.", "Imported {n} entries into {path}.", len(entries)
            ).format(n=len(entries), path=output),
            err=True,
        )
