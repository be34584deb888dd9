"""``glossar check SOURCE TARGET``: quality check of an existing translation."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from glossar.cli.help_texts import Command
from glossar.cli.options import (
    echo_json,
    glossary_option,
    json_option,
    load_cli_glossary,
    note_layout,
    note_mojibake,
    output_option,
    refuse_output_over_inputs,
    settle_glossary,
    stdout_to,
    use_color,
)
from glossar.i18n import N_, _, ngettext
from glossar.neutralise import for_terminal

if TYPE_CHECKING:
    from glossar.qa.check import CheckReport

#: The problem kinds as a person reads them (JSON keeps the contract's English kinds).
_KIND_LABELS = {
    "term": N_("term"),
    "number": N_("number"),
    "untranslated": N_("untranslated"),
    "count": N_("count"),
}
_KIND_COLOURS = {"term": "yellow", "number": "red", "untranslated": "magenta", "count": "cyan"}


def _name(path: str) -> str:
    return "<stdin>" if path == "-" else path


@click.command(cls=Command)
@click.argument("source", metavar="SOURCE")
@click.argument("target", metavar="TARGET")
@json_option
@glossary_option
@output_option
@click.pass_context
def check(
    ctx: click.Context,
    source: str,
    target: str,
    as_json: bool,
    glossary_paths: tuple[str, ...],
    output: str | None,
) -> None:
    """Check the English translation TARGET of the German text SOURCE.

    Segments are lines, or blank-line separated paragraphs when both files have them.
    Reports glossary terms not rendered with the glossary's English (or rendered with a
    deprecated term), numbers that differ (2.500 in German is 2,500 in English, 14.30 Uhr
    is 2:30 p.m., 90er Jahre are the 1990s, 2020/21 is 2020-21), untranslated segments
    and segment counts that differ. Exit 1 when there are problems. Numbers that may
    be paraphrased (zum zweiten Mal / again, Tausende / 3,000) are listed as notes, which
    never fail the check.
    One of the files may be - (standard input).

    Text wrapped at a width (copied from a PDF or an e-mail) whose lines do not pair
    with the other file's is compared sentence by sentence (segment numbers then count
    sentences).

    TARGET may also be the JSON that `glossar translate --json` prints (recognised by
    its "segments" list): the English of its sentences is checked against SOURCE, joined
    again per line (or paragraph) of SOURCE, so segment numbers still count SOURCE's
    lines; the same as checking translate's plain output. Give the JSON file as SOURCE
    too to check it sentence by sentence.

    Example:

        glossar check article_de.txt article_en.txt

        glossar translate --file article_de.txt --json > mt.json

        glossar check article_de.txt mt.json

        glossar --lang de check --json article_de.txt article_en.txt

        glossar check article_de.txt article_en.txt -o report.txt
    """
    from glossar.errors import BadInputError
    from glossar.files import read_text
    from glossar.qa.check import check_translation

    if source == "-" and target == "-":
        raise click.UsageError(_("SOURCE and TARGET cannot both be standard input ('-')."))
    for path in (source, target):
        if path != "-" and " " in path.strip() and not os.path.exists(path):
            # a tester wrote `glossar check "<German>" "<English>"`: the texts themselves
            raise BadInputError(
                _("{name}: no such file (SOURCE and TARGET are files, or - for one)").format(
                    name=path
                )
            )
    refuse_output_over_inputs(output, (source, target), glossary_paths)
    source_text = read_text(source)
    target_text = read_text(target)
    note_layout(source_text, _name(source))  # (two columns side by side: no sentences)
    note_layout(target_text, _name(target))
    from glossar.text.mojibake import mojibake_example

    note_mojibake(mojibake_example(source_text), _name(source))
    note_mojibake(mojibake_example(target_text), _name(target))
    glossary = load_cli_glossary(glossary_paths)
    settle_glossary(glossary)
    report = check_translation(source_text, target_text, glossary, target_name=_name(target))
    with stdout_to(output):
        _echo_report(report, source, target, as_json=as_json)
    if report.problems:
        ctx.exit(1)


def _echo_report(report: CheckReport, source: str, target: str, *, as_json: bool) -> None:
    """The report on standard output: JSON, or a line per problem and a summary."""
    from glossar.languages import direction_label

    if as_json:
        echo_json(report.to_dict())
    else:
        colour = use_color()
        header = f"{direction_label(report.source_lang, report.target_lang)}: "
        header += for_terminal(f"{_name(source)} ↔ {_name(target)}")
        click.echo(click.style(header, bold=True) if colour else header)
        for problem in report.problems:
            kind = _(_KIND_LABELS.get(problem.kind, problem.kind))
            if colour:
                kind = click.style(kind, fg=_KIND_COLOURS.get(problem.kind))
            click.echo(
                _("segment {n}: {kind}: {message}").format(
                    n=problem.segment, kind=kind, message=for_terminal(problem.localised(_))
                )
            )
        for note in report.notes:
            click.echo(
                _("segment {n}: note: {kind}: {message}").format(
                    n=note.segment,
                    kind=_(_KIND_LABELS.get(note.kind, note.kind)),
                    message=note.localised(_),
                )
            )
        modes = {"lines": _("lines"), "paragraphs": _("paragraphs"), "sentences": _("sentences")}
        mode = modes.get(report.mode, report.mode)
        count = len(report.problems)
        problems = (
            ngettext("{count} problem", "{count} problems", count).format(count=count)
            if count
            else _("No problems")
        )
        compared = ngettext(
            "{segments} segment pair compared ({mode}).",
            "{segments} segment pairs compared ({mode}).",
            report.aligned,
        ).format(segments=report.aligned, mode=mode)
        if report.notes:
            count = len(report.notes)
            problems += ", " + ngettext(
                "{count} note (not a failure)", "{count} notes (not failures)", count
            ).format(count=count)
        click.echo(f"{problems}, {compared}")
