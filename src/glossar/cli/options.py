"""Options shared by several verbs, defined once (as sqlite-utils does)."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import click

from glossar.i18n import _

if TYPE_CHECKING:
    from glossar.glossary.model import Glossary
    from glossar.terms.recognise import TermRecognizer
    from glossar.text.stream import Piece

F = TypeVar("F", bound=Callable[..., Any])

ENV_GLOSSARY_PATH = "GLOSSAR_GLOSSARY_PATH"


def glossary_option(func: F) -> F:
    """``--glossary NAME|PATH`` (repeatable): glossaries layered over the news glossary."""
    return click.option(
        "--glossary",
        "glossary_paths",
        multiple=True,
        metavar="NAME|PATH",
        type=str,
        help=f"A bundled glossary by name (see `glossar glossary list`) or a glossary file "
        f"(TOML), layered over the news glossary; repeatable. Also ${ENV_GLOSSARY_PATH}.",
    )(func)


def json_option(func: F) -> F:
    """``--json``: exactly one JSON document on stdout."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")(func)


def user_glossary_paths(cli_paths: tuple[str, ...]) -> list[str]:
    """``$GLOSSAR_GLOSSARY_PATH`` entries first, then ``--glossary`` ones (later wins)."""
    env = os.environ.get(ENV_GLOSSARY_PATH, "")
    paths = [p for p in env.split(os.pathsep) if p]
    return paths + list(cli_paths)


def load_cli_glossary(cli_paths: tuple[str, ...], *, article: bool = False):  # type: ignore[no-untyped-def]
    """The news glossary (with the bundled article's own over it when ``article``) and
    the user's layers on top."""
    from glossar.glossary.load import ARTICLE_GLOSSARY, load_glossary

    base = [ARTICLE_GLOSSARY] if article else []
    glossary = load_glossary([*base, *user_glossary_paths(cli_paths)])
    _note_replaced(glossary)
    return glossary


def _note_replaced(glossary: Glossary) -> None:
    """Say in one line on standard error each entry of a user's glossary that replaces
    an earlier entry of another headword by taking its id: "later layers win" then
    drops an unrelated term without a word (a tester's id "kreml" for Apfel: no Kreml)."""
    from glossar.cli import _say
    from glossar.files import display_name
    from glossar.glossary.load import bundled_glossaries

    bundled = {str(p) for p in bundled_glossaries().values()}
    for earlier, later in glossary.replaced:
        if later.source in bundled:
            continue
        message = _(
            "{path}:{line}: id: {id!r} ({de}) replaces {glossary}:{id} ({earlier}), a "
            "different headword; give it another id to keep both"
        ).format(
            path=display_name(later.source),
            line=later.line,
            id=later.id,
            de=later.de,
            glossary=earlier.glossary,
            earlier=earlier.de,
        )
        _say(message)


def settle_glossary(glossary: Glossary) -> TermRecognizer:
    """``glossary``'s term recogniser, compiled now, and both kept out of the cyclic
    garbage collector's scans for the rest of this process (``gc.freeze``).

    A CLI process keeps its glossary and recogniser to the end. At 100k entries they
    are millions of container objects, and every full collection the terms and JSON of a
    big input trigger walked them all again: ``terms --json`` on 5 MB spent ~1.5 s of
    ~6 s on it. Only the CLI does this; the library leaves the collector alone. (A
    program that runs the CLI in its own process, as ``CliRunner`` does, keeps what was
    alive then frozen: cyclic garbage among it is never collected; ``gc.unfreeze()``
    undoes it.)
    """
    import gc

    from glossar.terms.recognise import recognizer_for

    recognizer = recognizer_for(glossary)
    gc.freeze()
    return recognizer


def refuse_output_over_inputs(
    output: str | None, inputs: tuple[str | None, ...] = (), glossary_paths: tuple[str, ...] = ()
) -> None:
    """Exit 2 when ``output`` is an input of the command or a glossary in use (curated,
    ``$GLOSSAR_GLOSSARY_PATH`` or ``--glossary``): writing it would destroy the input."""
    if output is None or output == "-":
        return
    from glossar.files import refuse_output_over_inputs as refuse
    from glossar.glossary.load import curated_glossary_paths, resolve_glossary

    named = [str(resolve_glossary(p)) for p in user_glossary_paths(glossary_paths)]
    glossaries = [*map(str, curated_glossary_paths()), *named]
    refuse(output, [i for i in inputs if i is not None] + glossaries)


def argument_text(value: str, name: str) -> str:
    """A command-line argument as text: :class:`BadInputError` (exit 4) for bytes that
    are not UTF-8 (they arrive as lone surrogates; lookup answered "No entry", the
    model's tokenizer failed on them)."""
    from glossar.errors import BadInputError
    from glossar.files import decode_utf8

    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        message = _("{name}: not Unicode text (a lone surrogate)").format(name=name)
        raise BadInputError(message) from None
    return decode_utf8(raw, name)


def emit(text: str, output: str | None, *, data: bool = True) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout when there is none or ``-``
    (in UTF-8 for ``data``: :func:`data_stdout`)."""
    if output is not None and output != "-":
        from glossar.files import atomic_write_text

        atomic_write_text(output, text, follow=True)
    else:
        if data:
            data_stdout()
        click.echo(text, nl=False)


def data_stdout() -> None:
    """Standard output in UTF-8 from now on, whatever the locale says: what follows is
    data (JSON, a glossary file, TBX, HTML), which the contract writes in UTF-8; a file
    written in Latin-1 (``PYTHONIOENCODING=latin-1``, a Windows code page) was garbled
    or refused by glossar itself. Text for people stays in the terminal's encoding."""
    stream = sys.stdout
    if short_of_characters(stream):
        stream.flush()
        stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]


def short_of_characters(stream: object) -> bool:
    """Is ``stream`` a text stream Python made (it can be reconfigured) whose encoding
    cannot write every character (Latin-1, a Windows code page)?"""
    import codecs

    if not hasattr(stream, "reconfigure"):
        return False  # (a test's stream, a closed one)
    try:
        name = codecs.lookup(stream.encoding).name  # type: ignore[attr-defined]
    except (AttributeError, LookupError, TypeError):
        return False
    return name not in ("utf-8", "utf-16", "utf-32")


def echo_json(data: object) -> None:
    """Print one JSON document (UTF-8, not ASCII-escaped; lone surrogates from odd
    arguments or file names become U+FFFD instead of failing half-way)."""
    from glossar.neutralise import without_surrogates

    text = json.dumps(data, ensure_ascii=False, indent=2)
    data_stdout()
    click.echo(without_surrogates(text))


def output_option(func: F) -> F:
    """``-o/--output FILE``: what the command prints on standard output, written to FILE
    atomically instead ('-' = standard output), as the contract has it for every verb."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True),
        callback=_named_output,
        help="Write to this file instead of stdout ('-' = stdout); written only when complete.",
    )(func)


def _named_output(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """``-o ''`` names no file (it said "cannot write .: is a directory")."""
    if value == "":
        from glossar.arguments import empty_path

        raise empty_path()
    return value


@contextlib.contextmanager
def stdout_to(output: str | None) -> Iterator[None]:
    """Standard output goes to ``output`` (written atomically: in place only when the
    block ends without an error) inside the block; ``None`` or ``-``: left alone. Call
    ``sys.exit`` after the block, not in it: an exit in it counts as an error."""
    if output is None or output == "-":
        yield
        return
    from glossar.text.stream import atomic_text_writer

    with atomic_text_writer(output, follow=True) as out, contextlib.redirect_stdout(out):
        yield


def use_color() -> bool:
    """Colour only on a terminal that shows it: never when NO_COLOR is set, nor on a
    TERM=dumb terminal (an editor's shell, which printed the escape codes)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


#: Inputs with more sentences than this show progress on a terminal's stderr.
PROGRESS_MIN_SENTENCES = 8


class ProgressLine:
    """``progress(done, total)`` that rewrites one line of a terminal's stderr with a
    message (its ``{done}`` and ``{total}`` filled in) from
    :data:`PROGRESS_MIN_SENTENCES` sentences on. The total is the input's sentence count
    when ``count`` gives one (a file, counted when the model first reports, so a run
    without one pays nothing), else the count known so far: a stream from a pipe, whose
    total grows as it is read, says so with ``growing`` (it looked finished at
    "1031/1031" and went on). :meth:`end` ends the line before anything else goes to
    stderr."""

    def __init__(
        self,
        message: str,
        count: Callable[[], int | None] | None = None,
        growing: str | None = None,
    ) -> None:
        self.message = message
        self.total: int | None = None
        self.shown = False
        self._count = count
        self._growing = growing

    def __call__(self, done: int, total: int) -> None:
        if self._count is not None:
            self.total, self._count = self._count(), None
            if self.total is None and self._growing is not None:
                self.message = self._growing
        total = max(total, self.total or 0)
        if total >= PROGRESS_MIN_SENTENCES:
            self.shown = True
            click.echo("\r" + self.message.format(done=done, total=total), err=True, nl=False)

    def end(self) -> None:
        if self.shown:
            click.echo("", err=True)
            self.shown = False


@contextlib.contextmanager
def progress_line(
    message: str, output: str | None, source: str | None = None, growing: str | None = None
) -> Iterator[ProgressLine | None]:
    """A :class:`ProgressLine` for a command that writes ``output`` (None or ``-``:
    stdout) from the plain-text file ``source`` read as a stream (counted, so its total
    is known; ``-`` or a pipe: not counted, and ``growing`` is shown instead; None: the
    caller's total is the whole text's), ended on exit. None when stderr is no terminal
    (a log gets no ``\r`` lines) or the output itself goes to the terminal (it shows
    progress, and a progress line would run into it: stdout a terminal, or ``-o
    /dev/stdout``)."""
    if not sys.stderr.isatty() or _to_terminal(output):
        yield None
        return
    count = (lambda: _sentence_count(source)) if source is not None else None
    progress = ProgressLine(message, count, growing)
    try:
        yield progress
    finally:
        progress.end()


def translation_progress(
    output: str | None, source: str | None
) -> contextlib.AbstractContextManager[ProgressLine | None]:
    """:func:`progress_line` of the model's sentences, as `translate` and `article` show
    it (``source``: a streamed input, counted when it is a plain file)."""
    return progress_line(
        _("Translating: {done}/{total} sentences"),
        output,
        source,
        _("Translating: {done} sentences ({total} read so far)"),
    )


def _to_terminal(output: str | None) -> bool:
    """Does ``output`` (None or ``-``: stdout) go to a terminal or another device?"""
    if output is None or output == "-":
        return sys.stdout.isatty()
    import stat

    try:
        return stat.S_ISCHR(os.stat(output).st_mode)
    except OSError:
        return False  # (a file to be made)


def _sentence_count(source: str | None) -> int | None:
    """How many sentences the plain-text file ``source`` holds (the pieces a streamed
    command reads, segmented): 0.1 s a megabyte, nothing beside a model's minutes. None
    for standard input or a pipe, which cannot be read twice."""
    if source is None or source == "-" or not os.path.isfile(source):
        return None
    from glossar.text.stream import iter_pieces, open_text

    with open_text(source) as fh:
        return sum(sum(1 for _ in piece.sentences()) for piece in iter_pieces(fh))


def noting_layout(pieces: Iterable[Piece], name: str) -> Iterator[Piece]:
    """``pieces`` as they come, with :func:`note_layout` said once, for the first piece
    that reads as two columns side by side (a PDF's later pages may be laid out so)."""
    said = False
    for piece in pieces:
        if not said:
            said = note_layout(piece.text, name)
        yield piece


def note_mojibake(example: str | None, name: str) -> None:
    """Say on standard error, in one line, that the input is UTF-8 text read as
    Windows-1252 once (``example``: "PrÃ¤sident"; :mod:`glossar.text.mojibake`): every
    word with an umlaut or ß is missed, and nothing said so."""
    if not example:
        return
    from glossar.cli import _say

    if name in ("-", "TEXT"):  # (no file to name in a command)
        message = _(
            "{name}: looks like UTF-8 text read as Windows-1252 once (“{example}”): words "
            "with umlauts or ß are not recognised; repair it first (iconv -f utf-8 -t "
            "windows-1252 turns it back)"
        )
    else:
        message = _(
            "{name}: looks like UTF-8 text read as Windows-1252 once (“{example}”): words "
            "with umlauts or ß are not recognised; repair it first, e.g. iconv -f utf-8 "
            "-t windows-1252 {name} > fixed.txt"
        )
    _say(message.format(name="<stdin>" if name == "-" else name, example=example))


def note_layout(text: str, name: str) -> bool:
    """Say on standard error, in one line, when the text reads as two columns side by
    side (:func:`glossar.text.layout.side_by_side`): every sentence is read across both,
    and the output would say nothing of why. True when said."""
    from glossar.text.layout import side_by_side

    if side_by_side(text):
        message = _(
            "{name}: two columns side by side (a PDF's layout?): each line is read across "
            "both, so sentences run together; extract the text one column after the other "
            "(pdftotext without -layout)"
        ).format(name=name)
        from glossar.cli import _say

        _say(message)
        return True
    return False


def _note_json_lines(text: str, name: str) -> None:
    """Say in one line when the input is JSON Lines of documents (``{"id": …, "text":
    …}``), which ``corpus`` reads one by one: ``article`` and ``translate`` read it as
    German text, braces and all (a tester's ``article arch.jsonl``)."""
    first = text.lstrip().split("\n", 1)[0]
    if not first.startswith("{"):
        return
    try:
        record = json.loads(first)
    except ValueError:
        return
    if isinstance(record, dict) and "text" in record:
        import shlex

        from glossar.cli import _say

        message = _(
            "{name}: JSON Lines of documents? They are read here as one German text; "
            "`glossar corpus translate {file} OUTPUT.jsonl` reads them one by one"
        ).format(name=name, file="FILE" if name == "<stdin>" else shlex.quote(name))
        _say(message)


def with_text(pieces: Iterator[Piece], name: str) -> Iterator[Piece]:
    """``pieces``, or :class:`BadInputError` (exit 4, nothing written) when the input
    holds no text: an empty article replaced an earlier output file with an empty one
    and exit 0 (translate too). Reads ahead only as far as the first text. Quote marks
    alone (an e-mail's empty quoted lines, ">") are no text: segmentation drops them."""
    from itertools import chain

    from glossar.errors import BadInputError

    ahead: list[Piece] = []
    for piece in pieces:
        ahead.append(piece)
        if piece.text.replace(">", " ").strip():
            _note_json_lines(piece.text, name)
            return noting_layout(chain(ahead, pieces), name)
    raise BadInputError(
        _("{name}: no text (the file is empty, white space or quote marks only)").format(name=name)
    )
