"""``glossar article``: the bundled article (or a file) paired sentence by sentence."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import click

from glossar.bilingual.render import (  # --format values: one renderer module each
    FORMATS,
    XML_FORMATS,
)
from glossar.cli.help_texts import Command
from glossar.cli.options import (
    data_stdout,
    echo_json,
    emit,
    glossary_option,
    load_cli_glossary,
    note_mojibake,
    refuse_output_over_inputs,
    settle_glossary,
    translation_progress,
    use_color,
    with_text,
)
from glossar.errors import NoModelError
from glossar.i18n import _

if TYPE_CHECKING:
    from glossar.bilingual.evaluate import Evaluation
    from glossar.bilingual.pairing import PairedDocument


def _evaluation_text(ev: Evaluation) -> str:
    from glossar.i18n import _

    lines = [
        _("Evaluation of the MT column against the reference ({n} sentences)").format(
            n=ev.sentences
        ),
        f"  chrF  {ev.chrf:6.2f}   {ev.chrf_signature}",
        f"  BLEU  {ev.bleu:6.2f}   {ev.bleu_signature}",
        _("  glossary terms in the glossary's English: MT {mt}/{n}, reference {ref}/{n}").format(
            mt=ev.terms_in_mt, ref=ev.terms_in_ref, n=ev.term_occurrences
        ),
        _("  model: {engine} {model} {version} · glossary: {glossary}").format(
            engine=ev.mt.engine,
            model=ev.mt.model,
            version=ev.mt.version,
            glossary=ev.glossary_signature,
        ),
    ]
    missed = [t for t in ev.terms if t.in_mt < t.occurrences]
    if missed:
        width = max(len(t.de) for t in missed)
        lines.append(_("  terms the MT missed (missed/occurrences):"))
        for t in missed:
            lines.append(
                f"    {t.de:<{width}}  → {t.en}  {t.occurrences - t.in_mt}/{t.occurrences}"
            )
    return "\n".join(lines) + "\n"


@click.command(cls=Command)
@click.argument("file", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="terminal",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSON document (the same as --format json, as the other commands say it).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write to this file instead of stdout ('-' = stdout).",
)
@glossary_option
@click.option("--no-mt", is_flag=True, help="Do not run machine translation.")
@click.option("--beam", type=click.IntRange(1, 16), default=4, show_default=True, help="Beam size.")
@click.option(
    "--evaluate",
    is_flag=True,
    help="Score the MT against the reference (chrF, BLEU, glossary terms) instead of showing it.",
)
def article(
    file: str | None,
    fmt: str,
    as_json: bool,
    output: str | None,
    glossary_paths: tuple[str, ...],
    no_mt: bool,
    beam: int,
    evaluate: bool,
) -> None:
    """Show the bundled article (or FILE, `-` for stdin) sentence by sentence: German,
    machine translation (when a model is installed), reference translation and glossary
    terms. FILE is German text, or an article TOML file with its own reference.

    Without a model the reference and the terms are shown and one line says how to
    install one. --evaluate scores the MT against the reference (exit 3 without a
    model).

    Example:

    \b
        glossar article
        glossar article --format html -o article.html
        glossar article --format tmx -o article.tmx
        glossar article notes.txt --no-mt --format markdown
        glossar article --evaluate
    """
    from glossar.bilingual import (
        document_from_file,
        load_bundled_article,
        pair_document,
    )
    from glossar.bilingual.render.common import install_hint

    if evaluate and no_mt:
        raise click.UsageError(_("--evaluate needs machine translation; drop --no-mt."))
    if as_json:
        if fmt not in ("terminal", "json"):
            raise click.UsageError(_("Give --json or --format, not both."))
        fmt = "json"
    if output == "-":
        output = None
    refuse_output_over_inputs(output, (file,), glossary_paths)
    if not evaluate and file is not None and not file.endswith(".toml"):
        # plain text: streamed piece by piece, any size in bounded memory
        _stream(file, fmt, output, glossary_paths, translate=False if no_mt else None, beam=beam)
        return
    if file is None and _stdin_has_text():
        click.echo(
            _("Showing the bundled article; to read standard input, give FILE as `-`."),
            err=True,
        )
    glossary = load_cli_glossary(glossary_paths, article=file is None)
    settle_glossary(glossary)
    doc = load_bundled_article() if file is None else document_from_file(file)
    translate = True if evaluate else (False if no_mt else None)
    try:
        with translation_progress(output, None) as progress:  # (one call: its total is the text's)
            paired = pair_document(
                doc, glossary=glossary, translate=translate, beam=beam, progress=progress
            )
    except NoModelError:
        raise NoModelError(install_hint()) from None

    if evaluate:
        from glossar.bilingual import evaluate as run_evaluation

        ev = run_evaluation(paired)
        if fmt == "json":
            if output is None:
                echo_json(ev.to_dict())
                return
            import json

            text = json.dumps(ev.to_dict(), ensure_ascii=False, indent=2) + "\n"
        else:
            text = _evaluation_text(ev)
        emit(text, output, data=as_json)
    elif fmt == "json":
        emit(importlib.import_module("glossar.bilingual.render.json").render(paired), output)
    else:
        _write_document(paired, fmt, output)


def _write_document(
    doc: PairedDocument,
    fmt: str,
    output: str | None,
    before_warnings: Callable[[], None] | None = None,
) -> None:
    """The document in ``fmt`` (not JSON) written pair by pair; then, on stderr, what the
    renderer warned of (characters XML cannot hold, replaced in TMX or XLIFF), after
    ``before_warnings`` (which ends a progress line)."""
    from glossar.cli import _say

    warnings: list[str] = []
    if output is None and fmt != "terminal":  # (a file's format: UTF-8 whatever the locale)
        data_stdout()
    _write_pieces(_render_pieces(doc, fmt, output, warnings), output)
    if warnings and before_warnings is not None:
        before_warnings()
    for warning in warnings:
        _say(warning)


def _render_pieces(
    doc: PairedDocument, fmt: str, output: str | None, warnings: list[str]
) -> Iterator[str]:
    """The document in ``fmt`` (not JSON) as pieces, pair by pair; ``warnings`` gets the
    renderer's warnings once the last piece is read."""
    renderer = importlib.import_module(f"glossar.bilingual.render.{fmt}")
    if fmt == "terminal":
        return renderer.render_pieces(doc, color=output is None and use_color())  # type: ignore[no-any-return]
    if fmt in XML_FORMATS:
        return renderer.render_pieces(doc, warnings=warnings)  # type: ignore[no-any-return]
    return renderer.render_pieces(doc)  # type: ignore[no-any-return]


def _write_pieces(pieces: Iterable[str], output: str | None) -> None:
    """Write pieces of text to standard output as they come (in batches of about
    64 KB), or to ``output`` atomically: the file appears whole or not at all."""
    if output is None:
        write: Callable[[str], object] = lambda text: click.echo(text, nl=False)  # noqa: E731
        _batched(pieces, write)
        return
    from glossar.neutralise import without_surrogates
    from glossar.text.stream import atomic_text_writer

    with atomic_text_writer(output, follow=True) as out:
        _batched((without_surrogates(p) for p in pieces), out.write)


def _batched(pieces: Iterable[str], write: Callable[[str], object], size: int = 1 << 16) -> None:
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            write("".join(batch))
            batch.clear()
            held = 0
    if batch:
        write("".join(batch))


def _stream(
    file: str,
    fmt: str,
    output: str | None,
    glossary_paths: tuple[str, ...],
    *,
    translate: bool | None,
    beam: int,
) -> None:
    """``article FILE`` for a plain text: pairs rendered as they are made, to standard
    output or atomically to ``output``."""
    from glossar.bilingual.render.common import install_hint
    from glossar.bilingual.stream import stream_document
    from glossar.text.stream import iter_pieces, open_text

    with open_text(file) as fh, translation_progress(output, file) as progress:
        note_mojibake(fh.mojibake, file)
        glossary = load_cli_glossary(glossary_paths)
        settle_glossary(glossary)
        name = "<stdin>" if file == "-" else file
        pieces = with_text(iter_pieces(fh), name)
        try:
            doc = stream_document(
                pieces,
                glossary=glossary,
                translate=translate,
                beam=beam,
                source=name,
                progress=progress,
            )
        except NoModelError:
            raise NoModelError(install_hint()) from None
        if fmt != "json":
            _write_document(doc, fmt, output, before_warnings=progress.end if progress else None)
            return
        from glossar.cli.jsonstream import echo_json_stream

        items = (p.to_dict() for p in doc.pairs)
        if output is None:
            echo_json_stream(doc.head, "pairs", items, doc.tail)
            return
        from glossar.neutralise import without_surrogates
        from glossar.text.stream import atomic_text_writer

        with atomic_text_writer(output, follow=True) as out:
            # as the other formats: a file name with undecodable bytes (a lone
            # surrogate in the source field) is written as U+FFFD, not refused
            echo_json_stream(
                doc.head,
                "pairs",
                items,
                doc.tail,
                write=lambda text: out.write(without_surrogates(text)),
            )


def _stdin_has_text() -> bool:
    """Whether text seems piped or redirected into a command that will not read it
    (`cat a.txt | glossar article` shows the bundled article). Judged without reading:
    a pipe, or a non-empty regular file; a terminal, /dev/null or a closed stdin is not."""
    import os
    import stat
    import sys

    try:
        mode = os.fstat(sys.stdin.fileno())
    except (AttributeError, OSError, ValueError):  # no stdin, or not a file (a test's)
        return False
    return stat.S_ISFIFO(mode.st_mode) or (stat.S_ISREG(mode.st_mode) and mode.st_size > 0)
