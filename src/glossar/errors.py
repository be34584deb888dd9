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


class NoModelError(GlossarError):
    """No German→English argostranslate package is installed (exit 3)."""

    exit_code = 3
