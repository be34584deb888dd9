"""Exceptions the library raises; the CLI maps each to the contract's exit code."""

from __future__ import annotations


class GlossarError(Exception):
    """Base class. ``exit_code`` is what the CLI exits with for this error."""

    exit_code: int = 1


class NothingFound(GlossarError):
    """A query or check found nothing (exit 1)."""

    exit_code = 1


class BadInputError(GlossarError):
    """Malformed glossary, broken model package, undecodable text, missing file (exit 4)."""

    exit_code = 4


class GlossaryError(BadInputError):
    """One or more problems in glossary files, each as ``PATH:LINE: FIELD: problem``."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    def __reduce__(self) -> tuple[type[GlossaryError], tuple[list[str]]]:
        # pickled as its problems (a corpus worker's error reaches the job's process):
        # by its message alone it came back one problem per character
        return type(self), (self.problems,)


class NoModelError(GlossarError):
    """No German→English argostranslate package is installed (exit 3)."""

    exit_code = 3


class OutputIsInputError(GlossarError):
    """An output path names one of the command's inputs (exit 2, a usage error)."""

    exit_code = 2


class CannotWriteError(GlossarError):
    """An output could not be written (missing folder, full disk, read-only; exit 4).

    Nothing was written: the target, if it existed, is unchanged.
    """

    exit_code = 4


class GlossaryImportWarning(UserWarning):
    """What a glossary import left out (columns, rows without both languages, concepts
    without German): ``glossar.import_glossary`` says it so, as the CLI does on stderr;
    ``warnings.catch_warnings(record=True)`` collects them, ``-W error`` makes them fail."""
