"""``glossar glossary``: list, validate, export and import glossaries."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from glossar.cli.help_texts import Group
from glossar.cli.options import (
    echo_json,
    glossary_option,
    json_option,
    load_cli_glossary,
    use_color,
    user_glossary_paths,
)
from glossar.i18n import _, ngettext
from glossar.neutralise import for_terminal

if TYPE_CHECKING:
    from glossar.glossary.model import GlossaryInfo


@click.group(cls=Group)
def glossary() -> None:
    """List, validate, export and import glossaries."""


@glossary.command("list")
@json_option
@glossary_option
def list_cmd(as_json: bool, glossary_paths: tuple[str, ...]) -> None:
    """List the bundled glossaries, the ones in use and their entries.

    The news glossary is in use for any text; --glossary NAME adds a bundled one
    (kazakhstan-2022: the bundled article's own senses), --glossary FILE yours.

    Example:

        glossar glossary list --glossary kazakhstan-2022 --glossary my-terms.toml
    """
    from glossar.glossary.load import bundled_glossaries, load_glossary_file

    gl = load_cli_glossary(glossary_paths)
    bundled = []
    for path in bundled_glossaries().values():
        info, _entries = load_glossary_file(path)
        bundled.append(info)
    in_use = {g.id for g in gl.layers}
    if as_json:
        echo_json(
            {
                "bundled": [
                    {
                        "id": b.id,
                        "title": b.title,
                        "version": b.version,
                        "entries": b.entries,
                        "path": b.path,
                        "in_use": b.id in in_use,
                    }
                    for b in bundled
                ],  # fmt: skip
                "glossaries": [
                    {
                        "id": g.id,
                        "path": g.path,
                        "entries": g.entries,
                        "title": g.title,
                        "version": g.version,
                        "description": g.description,
                    }  # fmt: skip
                    for g in gl.layers
                ],
                "entries": [{"id": e.id, "de": e.de, "en": e.en} for e in gl],
            }
        )
        return
    click.echo(_("Bundled glossaries (use one with --glossary NAME):"))
    for info in bundled:
        mark = "*" if info.id in in_use else " "
        click.echo(f"{mark} " + _heading(info))
    click.echo()
    click.echo(_("In use (later layers win):"))
    for info in gl.layers:
        click.echo(for_terminal(f"{_heading(info)} ({info.path})"))
    click.echo()
    width = max((len(e.de) for e in gl), default=0)
    for e in gl:
        de = click.style(e.de.ljust(width), bold=True) if use_color() else e.de.ljust(width)
        click.echo(f"{de}  {e.en}")


@glossary.command()
@click.argument("paths", nargs=-1)
@glossary_option
def validate(paths: tuple[str, ...], glossary_paths: tuple[str, ...]) -> None:
    """Check glossary files; print PATH:LINE: FIELD: problem for each problem (exit 4).

    Without PATHS, checks the curated glossary and your layered ones.

    Example:

        glossar glossary validate my-terms.toml
    """
    from glossar.glossary.load import curated_glossary_paths, validate_paths

    targets = list(paths) or [
        *map(str, curated_glossary_paths()),
        *user_glossary_paths(glossary_paths),
    ]
    problems = validate_paths(targets)
    for problem in problems:
        click.echo(for_terminal(problem), err=True)
    if problems:
        sys.exit(4)
    valid = ngettext("{n} glossary file valid.", "{n} glossary files valid.", len(targets))
    click.echo(valid.format(n=len(targets)))


def _register_io() -> None:
    """Export/import live in their own module (formats are heavier); attach them here."""
    try:
        from glossar.cli.glossary_io import export_cmd, import_cmd
    except ImportError:  # pragma: no cover - during development only
        return
    glossary.add_command(export_cmd, "export")
    glossary.add_command(import_cmd, "import")


_register_io()


def _heading(info: GlossaryInfo) -> str:
    """ "news 1.2.0 — German news: general terms: 174 entries"; without the parts a
    user's file leaves out (a tester's "mine 1 — : 1 entries")."""
    name = " ".join(part for part in (info.id, info.version) if part)
    if info.title:
        name += f" — {info.title}"
    count = ngettext("{n} entry", "{n} entries", info.entries).format(n=info.entries)
    return f"{name}: {count}"
