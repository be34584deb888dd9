"""``glossar translate``: German text to English, offline, with the glossary enforced."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import click

from glossar.cli.help_texts import Command
from glossar.cli.jsonstream import echo_json_stream
from glossar.cli.options import (
    argument_text,
    glossary_option,
    json_option,
    load_cli_glossary,
    note_mojibake,
    output_option,
    refuse_output_over_inputs,
    settle_glossary,
    stdout_to,
    translation_progress,
    user_glossary_paths,
    with_text,
)
from glossar.errors import BadInputError
from glossar.i18n import N_, _, ngettext
from glossar.neutralise import for_terminal
from glossar.text.stream import iter_pieces, open_text

if TYPE_CHECKING:
    from glossar.mt import ModelInfo, SegmentTranslation, TermCheck

#: --threads beyond the machine's cores only slows decoding down (and huge values crash
#: the OpenMP runtime): the option is capped at the core count.
MAX_THREADS = os.cpu_count() or 1


@click.command(cls=Command)
@click.argument("text", required=False)
@click.option(
    "--file",
    "-f",
    "file",
    metavar="FILE",
    help="Read the German text from FILE ('-' = standard input).",
)
@json_option
@click.option("--no-glossary", is_flag=True, help="Do not enforce glossary terms.")
@click.option(
    "--beam",
    default=4,
    show_default=True,
    type=click.IntRange(min=1, max=16),
    help="Beam size (1 = greedy, fastest).",
)
@click.option(
    "--threads",
    default=0,
    show_default=True,
    type=click.IntRange(min=0, max=MAX_THREADS),
    help="CPU threads for decoding (0 = automatic; at most this machine's cores).",
)
@glossary_option
@output_option
def translate(
    text: str | None,
    file: str | None,
    as_json: bool,
    no_glossary: bool,
    beam: int,
    threads: int,
    glossary_paths: tuple[str, ...],
    output: str | None,
) -> None:
    """Translate German TEXT (or --file FILE, or standard input) into English.

    Runs offline with the installed argostranslate de→en model; glossary terms found
    in the German come out as the glossary's English. Paragraph breaks survive.
    Standard output carries only the English, so it can be redirected to a file and
    given to `glossar check`; the machine-translation label and the glossary terms
    go to standard error. Exit 3 when no German→English model is installed. TEXT -
    reads standard input too.

    Example:

        glossar translate "Tokajew verhängte den Ausnahmezustand."

        glossar translate --file artikel.txt > article.txt

        glossar translate --file artikel.txt -o article.txt

        glossar translate --file artikel.txt --json --beam 1
    """
    from glossar.mt import require_model, translate_text

    if text == "-" and file is None:  # standard input, as for every other verb
        text, file = None, "-"  # (a tester's `… | glossar translate -` translated "-")
    if text is not None and file is not None:
        raise click.UsageError(_("Give TEXT or --file, not both."))
    if text is None and file is None and sys.stdin.isatty():
        raise click.UsageError(_("Give TEXT, --file FILE, or pipe text on standard input."))
    if text is not None:  # an argument's bytes that are not UTF-8: lone surrogates
        text = argument_text(text, "TEXT")
        if not text.replace(">", " ").strip():  # as for an empty file: not an empty line, exit 0
            raise BadInputError(_("TEXT: no text (empty, white space or quote marks only)"))
        if _names_a_file(text):  # `glossar translate de.txt`: the file name translated
            raise click.UsageError(
                _("{text} is a file; to translate what it holds, give --file {text}.").format(
                    text=text
                )
            )
    refuse_output_over_inputs(output, (file,), () if no_glossary else glossary_paths)
    with contextlib.ExitStack() as stack:
        fh = stack.enter_context(open_text(file or "-")) if text is None else None
        if fh is not None:
            note_mojibake(fh.mojibake, file or "-")
        else:
            from glossar.text.mojibake import mojibake_example

            note_mojibake(mojibake_example(text or ""), "TEXT")
        # a user's glossary file is read first: a broken one says so (exit 4) before a
        # missing model does (a tester learnt of it only after installing a model); the
        # bundled one is not read when no model could use it
        glossary = None
        if not no_glossary and user_glossary_paths(glossary_paths):  # (--glossary or env)
            glossary = load_cli_glossary(glossary_paths)
        model = require_model()  # exit 3
        if glossary is None and not no_glossary:
            glossary = load_cli_glossary(glossary_paths)
        if glossary is not None:
            settle_glossary(glossary)
        progress = None
        if fh is None:
            assert text is not None
            result = translate_text(
                text, glossary=glossary, beam=beam, threads=threads, model=model
            )
            segments: Iterable[SegmentTranslation] = result.segments
        else:
            # a file or standard input: piece by piece, output as it is made
            from glossar.mt import translate_pieces

            progress = stack.enter_context(translation_progress(output, file or "-"))
            name = "<stdin>" if file in (None, "-") else file
            segments = translate_pieces(
                with_text(iter_pieces(fh), name),
                glossary=glossary,
                beam=beam,
                threads=threads,
                model=model,
                progress=progress,
            )
        stack.enter_context(stdout_to(output))
        _echo_translation(
            segments,
            model,
            beam=beam,
            as_json=as_json,
            end_progress=progress.end if progress else None,
        )


def _names_a_file(text: str) -> bool:
    """Is TEXT one word that names an existing file (as `terms`, `article` and `check`
    take their FILE)? German text to translate is not a file's name."""
    if not text or any(c.isspace() for c in text) or len(text) > 4096:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


def _echo_translation(
    segments: Iterable[SegmentTranslation],
    model: ModelInfo,
    *,
    beam: int,
    as_json: bool,
    end_progress: Callable[[], None] | None = None,
) -> None:
    """Print the segments as they come: JSON, or the English on stdout and the label and
    the glossary terms on stderr (after ``end_progress``, which ends a progress line)."""
    if as_json:
        head = {"engine": "argos", "model": model.to_dict()}
        echo_json_stream(head, "segments", (s.to_dict() for s in segments))
        return
    # stdout carries the English only, so `glossar translate -f a.txt > b.txt` gives a
    # file that lines up with a.txt; the label and the term list go to stderr.
    checks: dict[str, TermCheck] = {}
    cut = 0
    lost: list[tuple[int, str]] = []  # (segment, the German number) the MT lost or changed
    addresses: list[tuple[int, str]] = []  # (segment, an address) the MT does not hold
    for index, seg in enumerate(segments, 1):
        # no control character steers the terminal
        click.echo(for_terminal(seg.before + seg.target), nl=False)
        cut += seg.cut
        # the German's numbers the MT lost or changed (one it added is in --json only)
        lost.extend((index, p.de) for p in seg.numbers if p.de)
        addresses.extend((index, item) for item in seg.addresses)
        for term in seg.terms:  # per entry, the occurrence the reader must look at most
            kept = checks.get(term.id)
            if kept is None or _least_sure(term.method) > _least_sure(kept.method):
                checks[term.id] = term
    click.echo()
    if end_progress is not None:
        end_progress()
    label = _("Machine translation ({model} {version}, beam {beam}).").format(
        model=model.name, version=model.version, beam=beam
    )
    if model.domain:
        label += " " + _("A {domain}-domain model, not a news model.").format(domain=model.domain)
    click.echo(label, err=True)
    if cut:
        message = ngettext(
            "{count} sentence was longer than the model takes: its rest is not "
            "translated (marked in the text).",
            "{count} sentences were longer than the model takes: their rest is not "
            "translated (marked in the text).",
            cut,
        )
        click.echo(message.format(count=cut), err=True)
    if lost:
        shown = ", ".join(f"{de} ({n})" for n, de in lost[:_NUMBERS_SHOWN])
        more = len(lost) - _NUMBERS_SHOWN
        message = ngettext(
            "{count} number of the German is missing or changed in the machine "
            "translation: {numbers} (segment in brackets); compare before use.",
            "{count} numbers of the German are missing or changed in the machine "
            "translation: {numbers} (segment in brackets); compare before use.",
            len(lost),
        )
        if more > 0:
            shown += " " + _("and {count} more").format(count=more)
        click.echo(for_terminal(message.format(count=len(lost), numbers=shown)), err=True)
    if addresses:
        shown = ", ".join(f"{item} ({n})" for n, item in addresses[:_NUMBERS_SHOWN])
        more = len(addresses) - _NUMBERS_SHOWN
        if more > 0:
            shown += " " + _("and {count} more").format(count=more)
        message = ngettext(
            "{count} address, handle or hashtag of the German is missing in the machine "
            "translation: {items} (segment in brackets); copy it over.",
            "{count} addresses, handles or hashtags of the German are missing in the machine "
            "translation: {items} (segment in brackets); copy them over.",
            len(addresses),
        )
        click.echo(for_terminal(message.format(count=len(addresses), items=shown)), err=True)
    if checks:
        from glossar.bilingual.render.common import check_mark

        click.echo(_("Glossary terms:"), err=True)
        for term in checks.values():
            click.echo(f"  {check_mark(term)} {term.de} → {term.en}", err=True)
        if any(term.method != "model" for term in checks.values()):
            click.echo(_(TRANSLATE_TERMS_LEGEND), err=True)


#: Numbers the summary of lost numbers names before "and N more".
_NUMBERS_SHOWN = 8
#: Methods from the model's own English to glossar's least sure edit (see TermCheck).
_LEAST_SURE = ("model", "constrained", "replaced", "aligned", "placeholder", "inserted")


def _least_sure(method: str) -> int:
    """How much a reader must check a term placed by ``method`` (missing: most)."""
    if method == "missing":
        return len(_LEAST_SURE) + 1
    return _LEAST_SURE.index(method) if method in _LEAST_SURE else len(_LEAST_SURE)


#: What the marks of the term list say (shown when glossar edited the English).
TRANSLATE_TERMS_LEGEND = N_(
    "✓ alone: the model wrote the English term; ✓ with a method (constrained, replaced, "
    "aligned, placeholder, inserted): glossary enforcement put it into the machine "
    "translation; ✗ missing: not in it."
)
