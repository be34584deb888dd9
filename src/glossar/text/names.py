"""Given names as news writes them before a surname (Christian Kern, Hannelore Kraft).

Two layers read the list: term recognition (a capitalised word right after a given name
is a surname, not a glossary term: :mod:`glossar.terms.name_context`) and the line-break
rules (a line ending with a given name goes on to the surname on the next line:
:mod:`glossar.text.line_breaks`). The list is ``glossar/data/words/first_names.txt``
(its README says where the names come from); reading it costs about a millisecond.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).resolve().parent.parent / "data" / "words" / "first_names.txt"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names as written, one a line in the file (``#`` starts a comment)."""
    lines = _FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if (w := line.split("#", 1)[0].strip()))
