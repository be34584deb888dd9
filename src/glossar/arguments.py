"""Checks of the library's arguments: a caller's wrong type or value gets a TypeError
or ValueError naming the argument, not an AttributeError from deep inside (or, worse,
a result: ``find_terms(None, g)`` returned ``[]``)."""

from __future__ import annotations

import operator
import os
from collections.abc import Sequence

#: Beam sizes the CLI and the library take (CTranslate2 runs 1 as greedy search).
BEAM_RANGE = (1, 16)


def text_argument(value: object, name: str = "text") -> str:
    """``value`` as an exact ``str`` (a subclass such as ``numpy.str_`` reads the same)."""
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    kind = "bytes: decode them first" if isinstance(value, bytes | bytearray) else "not a str"
    raise TypeError(f"{name} must be a str ({type(value).__name__} given: {kind})")


def document_argument(value: object, name: str = "text") -> str:
    """A whole text as an exact ``str`` without a leading byte-order mark: a file read
    with ``encoding="utf-8"`` keeps it, and it went on into titles and the model's
    input."""
    return text_argument(value, name).removeprefix("\ufeff")


def glossary_argument(glossary: object, *, optional: bool = True) -> None:
    """Refuse what is no :class:`~glossar.glossary.model.Glossary` (a path string, a
    list of entries) with a TypeError saying how to get one; None where ``optional``."""
    from glossar.glossary.model import Glossary

    if isinstance(glossary, Glossary) or (optional and glossary is None):
        return
    kind = type(glossary).__name__
    hint = "; None for no glossary" if optional else ""
    raise TypeError(
        f"glossary must be a Glossary: glossar.load_glossary(...) gives one{hint} ({kind} given)"
    )


def beam_argument(beam: object) -> int:
    """``beam`` as an int within :data:`BEAM_RANGE` (any integer type: ``numpy.int64``)."""
    return int_argument(beam, "beam", *BEAM_RANGE)


def usable_cores() -> int:
    """The cores this process may use (its CPU affinity where the system says it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def threads_argument(threads: object) -> int:
    """``threads`` (CTranslate2's threads per translator) as an int from 0 (automatic) to
    this machine's cores: more only slows decoding down, and huge values crash the
    process inside OpenMP (100000: a segmentation fault); negative ones gave a C++
    binding error."""
    high = os.cpu_count() or 1
    try:
        return int_argument(threads, "threads", 0, high)
    except ValueError:
        raise ValueError(
            f"threads must be from 0 (automatic) to {high}, this machine's cores ({threads} given)"
        ) from None


def paths_argument(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], name: str = "paths"
) -> list[str | os.PathLike[str]]:
    """A sequence of paths; one path given alone is a sequence of one (a str was read as
    its characters, each a missing file). ``name`` names the argument in errors."""
    if isinstance(paths, str | os.PathLike):
        out: list[str | os.PathLike[str]] = [paths]
    elif isinstance(paths, bytes | bytearray):
        raise TypeError(f"{name} must be str or os.PathLike paths (bytes given: decode them)")
    elif hasattr(paths, "layers"):  # a Glossary: iterating it gave "(Entry given)"
        raise TypeError(f"{name} must be glossary file paths (a Glossary given: give its files)")
    else:
        try:
            out = list(paths)
        except TypeError:  # None, a number: "'NoneType' object is not iterable"
            kind = type(paths).__name__
            raise TypeError(
                f"{name} must be a path or a sequence of paths ({kind} given)"
            ) from None
    for path in out:
        if not isinstance(path, str | os.PathLike):
            kind = type(path).__name__
            raise TypeError(f"{name} must be a str or os.PathLike path each ({kind} given)")
        if os.fspath(path) == "":  # Path("") is ".": the folder, "is a directory"
            raise empty_path()
    return out


def empty_path() -> Exception:
    """The error for a path given as "" (a missing file: exit 4 at the CLI)."""
    from glossar.errors import BadInputError
    from glossar.i18n import _

    return BadInputError(_("an empty path names no file"))


def entries_argument(value: object, name: str = "glossary") -> None:
    """Refuse anything but a Glossary or an iterable of entries, with a TypeError that
    says how to get one (None and a glossary's name gave "'NoneType' object is not
    iterable" and "'str' object has no attribute 'de'")."""
    if hasattr(value, "layers"):  # a Glossary (not imported here: no import cost)
        return
    if isinstance(value, str | bytes | os.PathLike) or not hasattr(value, "__iter__"):
        given = type(value).__name__
        raise TypeError(
            f"{name} must be a Glossary or entries: glossar.load_glossary(...) gives one "
            f"({given} given)"
        )


def instance_argument(value: object, kind: type, name: str, hint: str) -> None:
    """Refuse ``value`` unless it is a ``kind``, with a TypeError saying how to get one."""
    if not isinstance(value, kind):
        given = type(value).__name__
        article = "an" if kind.__name__[:1] in "AEIOU" else "a"
        raise TypeError(f"{name} must be {article} {kind.__name__}: {hint} ({given} given)")


def int_argument(value: object, name: str, low: int, high: int | None = None) -> int:
    """``value`` as an int from ``low`` (to ``high``, when given): any integer type, not
    a bool, not a str (``"4"`` ran a whole corpus job into an error record per
    document)."""
    span = f"from {low}" if high is None else f"from {low} to {high}"
    try:
        if isinstance(value, bool):
            raise TypeError
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        kind = type(value).__name__
        raise TypeError(f"{name} must be an int {span} ({kind} given)") from None
    if number < low or (high is not None and number > high):
        raise ValueError(f"{name} must be {span} ({number} given)")
    return number


def flag_argument(value: object, name: str) -> bool:
    """``value`` as a bool: True or False only (a str such as ``"no"`` is true)."""
    if isinstance(value, bool):
        return value
    raise TypeError(f"{name} must be True or False ({type(value).__name__} given)")


def choice_argument(value: object, name: str, choices: Sequence[str]) -> str:
    """``value``, one of ``choices``."""
    if type(value) is str and value in choices:
        return value
    shown = ", ".join(repr(c) for c in choices)
    error = ValueError if isinstance(value, str) else TypeError
    raise error(f"{name} must be one of {shown} ({value!r} given)")


def path_argument(value: object, name: str) -> str | os.PathLike[str]:
    """A file or folder path: a str or an ``os.PathLike`` (``pathlib.Path``)."""
    if isinstance(value, bytes | bytearray):
        raise TypeError(f"{name} must be a str or os.PathLike path (bytes given: decode them)")
    if isinstance(value, str | os.PathLike) and str(os.fspath(value)):
        return value
    if isinstance(value, str | os.PathLike):
        raise empty_path()  # as for every path: a missing file (exit 4 at the CLI)
    raise TypeError(f"{name} must be a str or os.PathLike path ({type(value).__name__} given)")
