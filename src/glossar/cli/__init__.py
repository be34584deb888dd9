"""The command line: a thin face over the library.

Each verb lives in its own module and is imported only when it runs, so ``glossar
lookup`` never loads the MT stack. Library errors become exit codes here and nowhere
else (see :mod:`glossar.errors`).
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from glossar.cli.help_texts import Group
from glossar.errors import BadInputError, GlossarError
from glossar.i18n import _, set_language

#: verb name → "module:attribute" of its click command, imported on first use.
COMMANDS: dict[str, str] = {
    "lookup": "glossar.cli.lookup:lookup",
    "glossary": "glossar.cli.glossary:glossary",
    "terms": "glossar.cli.terms:terms",
    "translate": "glossar.cli.translate:translate",
    "model": "glossar.cli.model:model",
    "article": "glossar.cli.article:article",
    "check": "glossar.cli.check:check",
    "corpus": "glossar.cli.corpus:corpus",
}


#: Options of the whole program that users also put after the verb (glossar lookup X --lang de).
_GLOBAL_VALUE_OPTIONS = ("--lang",)
#: Exit status when standard output's reader went away: as SIGPIPE would end the process.
_EXIT_BROKEN_PIPE = 141
_GLOBAL_FLAGS = ("--debug",)


def hoist_global_options(args: list[str]) -> list[str]:
    """Move ``--lang X``/``--lang=X``/``--debug`` given after the verb to the front."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg in _GLOBAL_FLAGS:
            front.append(arg)
        elif arg in _GLOBAL_VALUE_OPTIONS and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        elif arg.split("=", 1)[0] in _GLOBAL_VALUE_OPTIONS and "=" in arg:
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def requested_language(args: list[str]) -> str | None:
    """The supported language ``--lang`` names in ``args`` (the last one, as Click takes
    it; after the verb too), or None for the default. Nothing after ``--`` counts."""
    from glossar.i18n import SUPPORTED

    found = None
    hoisted = hoist_global_options(list(args))
    for i, arg in enumerate(hoisted):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(hoisted):
            found = hoisted[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found if found in SUPPORTED else None


class _ReaderGone(Exception):
    """Standard output's reader went away: carried past click, which would otherwise
    end the process with status 1 (the contract's "nothing found")."""


class LazyGroup(Group):
    """A click group that imports a verb's module only when that verb is used (its help
    texts, as every command's, in the language of ``--lang``: :mod:`glossar.cli.help_texts`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:  # `glossar --help` prints here, before invoke
            return super().parse_args(ctx, hoist_global_options(list(args)))
        except BrokenPipeError as exc:
            raise _ReaderGone from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _ReaderGone from exc

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:  # verb not built yet
                return None
            raise
        command: click.Command = getattr(module, attr)
        return command


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    from glossar.cli.click_german import localise_click

    language = set_language(value)
    localise_click(language)  # Click's own usage errors and help headings too
    return language


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=_set_lang,
    help="Language of messages (default: from the locale).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.version_option(package_name="glossar")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """German→English news translation with an enforceable glossary, offline."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _say(message: str) -> None:
    """One line (per message line) on stderr, control characters neutralised."""
    from glossar.neutralise import for_terminal

    click.echo(f"glossar: {for_terminal(message)}", err=True)


def _user_error(exc: BaseException) -> tuple[str, int] | None:
    """A message and exit code for an exception a user can cause, else None."""
    import errno

    if isinstance(exc, RecursionError):
        return _("input is nested too deeply"), 4
    if isinstance(exc, MemoryError):
        return _("input too large for memory"), 4
    if isinstance(exc, UnicodeError):
        return _("text with characters that cannot be encoded ({why})").format(why=exc), 4
    if isinstance(exc, OSError):
        from glossar.files import display_name

        name = display_name(exc.filename) if exc.filename is not None else None
        if exc.errno == errno.ENOSPC:
            why = _("no space left on the device")
        elif exc.errno == errno.EROFS:
            why = _("read-only file system")
        else:
            why = exc.strerror or type(exc).__name__
        return (f"{name}: {why}" if name else why), 4
    return None


#: Temporary files of the cache folder: the word-list index, compiled glossaries
#: (glossar.terms.compiled), loaded glossary files (glossar.glossary.load_cache) and a
#: cache key being made (glossar.cache_files). The key itself must match none of them.
CACHE_TEMP_PREFIXES = (".words-", ".de-words-", ".terms-", ".glossary-", ".glossar-key-")


def sweep_our_folders() -> None:
    """Remove temp files killed runs left in glossar's own folders (older than an hour)."""
    from glossar.files import cache_dir, sweep_stale

    cache = cache_dir()
    if cache is not None:
        sweep_stale(cache, CACHE_TEMP_PREFIXES)
    from glossar.mt.packages import sweep_packages_dir

    sweep_packages_dir()


class _Terminated(SystemExit):
    """SIGTERM, raised where the command was: it unwinds as an exception would."""


def _exit_on_sigterm() -> Callable[[], None]:
    """While the command runs, SIGTERM (``timeout``, ``kill``, a service stopping) ends
    it as an exception would, not at once: a file being written with ``-o`` is removed,
    not left beside the output as a hidden temp file (a tester: 6 of 6 killed runs).
    Only where SIGTERM has its default action (a parent that ignores it keeps it
    ignored; ``corpus`` installs its own). Returns what :func:`main` calls at its end:
    the default action back, and, after a SIGTERM, the signal sent again, so the process
    ends by it as a service manager expects (a program that called :func:`main` gets its
    own handler back)."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise _Terminated(128 + signum)

    try:
        if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
            return lambda: None
        signal.signal(signal.SIGTERM, stop)
    except (ValueError, OSError):  # not the main thread: left alone
        return lambda: None

    def restore(terminated: bool = False) -> None:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            if terminated:
                os.kill(os.getpid(), signal.SIGTERM)

    return restore


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point: runs the CLI and maps every error a user can cause to
    one line on stderr and the contract's exit code (``--debug`` shows the traceback)."""
    from glossar.cli.click_german import localise_click

    args = list(argv if argv is not None else sys.argv[1:])
    # the language before Click parses anything: its errors for the options of the whole
    # program (`glossar --lang de --foo`) come before the --lang callback runs
    localise_click(set_language(requested_language(args)))
    debug = "--debug" in args
    restore = _exit_on_sigterm()
    try:
        _run(args, debug)
    except _Terminated:
        restore(True)  # (ends the process by the signal: status 143 to a shell)
        raise
    finally:
        restore()


def _refuse_closed_streams(args: list[str]) -> None:
    """A closed standard output (``>&-``) is an error before anything runs, unless the
    output goes to a file (``-o FILE``): a translation went nowhere with exit 0, other
    verbs said "internal error (AttributeError …)". A closed standard input reads as
    one that says so when a command reads it."""
    if sys.stdin is None:
        sys.stdin = _ClosedInput()  # type: ignore[assignment]
    if sys.stdout is not None or _output_to_file(args) or not args:
        return
    if "--help" in args or "-h" in args or "corpus" in args[:3]:
        return  # (help to nowhere is no loss; corpus writes its OUTPUT, says the rest on stderr)
    raise BadInputError(_("standard output is closed: nothing could be printed (give -o FILE)"))


def _output_to_file(args: list[str]) -> bool:
    """Does the command line send its output to a file (``-o FILE``, ``--output=FILE``)?"""
    for i, arg in enumerate(args):
        if arg in ("-o", "--output") and i + 1 < len(args) and args[i + 1] != "-":
            return True
        if arg.startswith("--output=") and arg != "--output=-":
            return True
        if arg.startswith("-o") and len(arg) > 2 and arg != "-o-":
            return True
    return False


def _stdout_for_every_character() -> None:
    """Standard output in an encoding that cannot write every character
    (``PYTHONIOENCODING=latin-1``, a Windows code page): text for people is written in
    that encoding, with what it lacks as ``\\uXXXX`` and a note on stderr at the end;
    data (JSON, a glossary file, a document's format) turns it to UTF-8 itself, as the
    contract says (:func:`glossar.cli.options.data_stdout`). Both stopped with "text
    with characters that cannot be encoded" (exit 4, bad input), and JSON came out in
    Latin-1."""
    import codecs

    from glossar.cli.options import short_of_characters

    if not short_of_characters(sys.stdout):
        return
    # (a command that prints data turns standard output to UTF-8 itself: data_stdout)
    codecs.register_error("glossar-shown-escaped", _note_escaped)
    sys.stdout.reconfigure(errors="glossar-shown-escaped")  # type: ignore[union-attr]


def _note_escaped(exc: UnicodeError) -> tuple[str, int]:
    """The codec error handler of :func:`_stdout_for_every_character`: ``\\uXXXX``, and
    the note said once, when the process ends."""
    import atexit

    if not _ESCAPED:
        _ESCAPED.append(getattr(sys.stdout, "encoding", "?"))
        atexit.register(_say_escaped)
    import codecs

    return codecs.backslashreplace_errors(exc)  # type: ignore[return-value]


#: The encoding whose missing characters were shown escaped (at most one item).
_ESCAPED: list[str] = []


def _say_escaped() -> None:
    with contextlib.suppress(Exception):
        sys.stdout.flush()
        _say(
            _(
                "standard output ({encoding}) cannot show some characters: they are shown "
                "as \\uXXXX (set PYTHONIOENCODING=utf-8 to see them)"
            ).format(encoding=_ESCAPED[0])
        )


class _ClosedInput:
    """Standard input when it was closed (``<&-``): no terminal, and reading it is an
    error that says so."""

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard input is closed")

    def read(self, *_args: object) -> str:
        raise BadInputError(_("standard input is closed"))

    @property
    def buffer(self) -> _ClosedInput:
        return self


def _run(args: list[str], debug: bool) -> None:
    """:func:`main`'s command, with every error a user can cause made one line on
    stderr and the contract's exit code."""
    try:
        try:
            sweep_our_folders()
        except Exception:  # noqa: BLE001 - housekeeping never stops a command
            if debug:
                raise
        _refuse_closed_streams(args)
        _stdout_for_every_character()
        rv = cli.main(args=args, prog_name="glossar", standalone_mode=False)
        sys.exit(rv if isinstance(rv, int) else 0)
    except click.exceptions.Abort:  # Ctrl-C (click turns KeyboardInterrupt into Abort)
        click.echo(_("Aborted."), err=True)
        sys.exit(130)  # as a shell reports SIGINT; 1 would say "nothing found"
    except click.ClickException as exc:
        from glossar.neutralise import for_terminal

        exc.message = for_terminal(exc.message)  # an argument may carry escapes
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except GlossarError as exc:
        if debug:
            raise
        for line in str(exc).splitlines() or [type(exc).__name__]:
            _say(_(line) if line else line)  # constants have a translation; _("") is the header
        sys.exit(exc.exit_code)
    except (BrokenPipeError, _ReaderGone):
        # the reader went away (`glossar terms big.txt | head`): no error message, and
        # the exit status a shell gives a process killed by SIGPIPE (128 + 13), not 1,
        # which says "no terms found"; stdout goes to devnull so exiting flushes nothing
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(_EXIT_BROKEN_PIPE)
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the one place errors become exit codes
        if debug:
            raise
        known = _user_error(exc)
        if known is not None:
            _say(known[0])
            sys.exit(known[1])
        why = " ".join(str(exc).split())[:200]
        _say(
            _("internal error ({kind}: {why}); run with --debug for the traceback").format(
                kind=type(exc).__name__, why=why
            )
        )
        sys.exit(4)
