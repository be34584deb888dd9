"""``glossar lookup``: find glossary entries for a German or English term."""

from __future__ import annotations

import sys
from typing import Any

import click

from glossar.cli.help_texts import Command
from glossar.cli.options import (
    argument_text,
    echo_json,
    glossary_option,
    json_option,
    load_cli_glossary,
    output_option,
    refuse_output_over_inputs,
    stdout_to,
)
from glossar.cli.render_entry import render_entry
from glossar.files import decode_utf8, read_bytes
from glossar.glossary.lookup import lookup_all
from glossar.i18n import _
from glossar.neutralise import for_terminal
from glossar.text.fold import DROPPED

#: Messages quote at most this many characters of the query (a pasted paragraph is long).
_SHOWN = 80
#: More results than this are never useful (and huge numbers overflow the fuzzy search).
MAX_LIMIT = 1000
#: A query is a term, not a document.
MAX_QUERY_BYTES = 64 * 1024


#: Marks that show nothing: those folding drops (soft hyphen, zero-width space, word
#: joiner, BOM, the zero-width non-joiner and joiner).
_INVISIBLE = dict.fromkeys(map(ord, DROPPED))


@click.command(cls=Command)
@click.argument("query", required=False)
@json_option
@click.option(
    "--limit",
    default=10,
    show_default=True,
    type=click.IntRange(min=1, max=MAX_LIMIT),
    help="Most results to show.",
)
@glossary_option
@output_option
def lookup(
    query: str | None,
    as_json: bool,
    limit: int,
    glossary_paths: tuple[str, ...],
    output: str | None,
) -> None:
    """Look up QUERY (German in any form, an abbreviation, or English) in the glossaries.

    Searches the glossaries in force and every bundled one (news, kazakhstan-2022, ...);
    each entry says which glossary it comes from.

    Matches headwords case- and umlaut-insensitively (Fluessiggas, FLÜSSIGGAS), inflected
    forms (Ausnahmezustandes), abbreviations both ways (OVKS, CSTO), English terms, and
    otherwise suggests near misses. QUERY '-' (or none, with piped input) reads stdin;
    several lines there are several queries, one per line (with --json: one document
    whose "queries" list holds each query's answer as for one). Exit 0 when something
    matched (every query, for several), 1 when there were only suggestions or nothing, 2
    when QUERY is empty.

    Example:

        glossar lookup Ausnahmezustandes

        glossar lookup CSTO --json

        glossar lookup - < terms.txt
    """
    queries: list[str]
    if query is None or query == "-":
        if query is None and sys.stdin.isatty():
            raise click.UsageError(_("Give a QUERY, or '-' to read it from standard input."))
        text = decode_utf8(read_bytes("-", limit=MAX_QUERY_BYTES), "<stdin>")
        # a list of terms, one per line (a translator's term list): each looked up
        queries = [line for line in text.split("\n") if line.translate(_INVISIBLE).strip()]
        if len(queries) < 2:
            queries = [text]
    else:  # an argument's bytes that are not UTF-8 arrive as lone surrogates
        queries = [argument_text(query, "QUERY")]
    # `glossar lookup "$TERM"` with TERM unset, or a cell that held only invisible marks
    # (a zero-width space, a soft hyphen): say so
    if not queries[0].translate(_INVISIBLE).strip():
        raise click.UsageError(_("QUERY is empty: give a word or term to look up."))
    from glossar.glossary.load import bundled_glossaries, load_glossary

    refuse_output_over_inputs(output, (), glossary_paths)
    glossary = load_cli_glossary(glossary_paths)
    in_force = {layer.id for layer in glossary.layers}
    others = [
        load_glossary([name], curated=False)
        for name in bundled_glossaries()
        if name not in in_force
    ]
    glossaries = [glossary, *others]
    batch = len(queries) > 1
    with stdout_to(output):
        if as_json and batch:  # one JSON document (the contract): each query's answer
            answers = [_answer(glossaries, q, limit, in_force) for q in queries]
            echo_json({"queries": [data for data, _matched in answers]})
            matched = [m for _data, m in answers]
        else:
            matched = [
                _show(
                    glossaries,
                    q,
                    limit=limit,
                    as_json=as_json,
                    batch=batch,
                    first=i == 0,
                    in_force=in_force,
                )
                for i, q in enumerate(queries)
            ]
    sys.exit(0 if all(matched) else 1)


def _result(result: Any, in_force: set[str]) -> dict[str, Any]:
    """A result's JSON, with ``in_force``: whether its glossary is one `terms`,
    `translate` and `check` use now (a bundled one not given with --glossary is not)."""
    return {**result.to_dict(), "in_force": result.entry.glossary in in_force}


def _answer(
    glossaries: list[Any], query: str, limit: int, in_force: set[str]
) -> tuple[dict[str, Any], bool]:
    """``query``'s answer as ``--json`` gives it, and whether it matched beyond a
    suggestion."""
    results = lookup_all(glossaries, query, limit=limit)
    data = {"query": " ".join(query.split()), "results": [_result(r, in_force) for r in results]}
    return data, any(not r.is_suggestion for r in results)


def _show(
    glossaries: list[Any],
    query: str,
    *,
    limit: int,
    as_json: bool,
    batch: bool,
    first: bool,
    in_force: set[str],
) -> bool:
    """Look ``query`` up and print what was found; True when something matched beyond a
    suggestion. ``batch`` (one query per line of standard input): in text each query's
    answer under a blank line."""
    results = lookup_all(glossaries, query, limit=limit)
    query = " ".join(query.split())
    shown = for_terminal(query)  # for people; JSON keeps the query as given
    matched = any(not r.is_suggestion for r in results)
    if len(shown) > _SHOWN:  # a pasted paragraph: quote its start
        shown = shown[: _SHOWN - 1] + "…"
    if as_json:
        echo_json({"query": query, "results": [_result(r, in_force) for r in results]})
        return matched
    if batch:  # which answer is whose: each under its query
        click.echo(("" if first else "\n") + f"# {shown}")
    if not results:
        click.echo(_("No entry for “{query}”.").format(query=shown), err=True)
        return matched
    if not matched:
        click.echo(_("No entry for “{query}”. Did you mean:").format(query=shown))
    for i, result in enumerate(results):
        if i:
            click.echo()
        click.echo(render_entry(result.entry, match=result.match, query=query,
                                score=result.score, matched=result.matched,
                                brief=not matched,
                                origin=True, deprecated=result.deprecated,
                                suggestion=result.is_suggestion))  # fmt: skip
        if result.entry.glossary not in in_force and matched:
            note = _("(not in force: give --glossary {glossary} to use it)")
            click.echo("  " + note.format(glossary=result.entry.glossary))
    return matched
