"""What the TBX writer and reader agree on: namespace, data category values, note prefix.

Kept apart so neither job imports the other: a field written as a ``glossar:KEY=VALUE``
note, a part of speech or a gender value is spelled once, here.
"""

from __future__ import annotations

from collections.abc import Iterable

TBX_NS = "urn:iso:std:iso:30042:ed-2"
NOTE_PREFIX = "glossar:"

GENDER_TO_TBX = {"m": "masculine", "f": "feminine", "n": "neuter"}
GENDER_FROM_TBX = {v: k for k, v in GENDER_TO_TBX.items()}
POS_TO_TBX = {
    "noun": "noun",
    "proper-noun": "noun",
    "verb": "verb",
    "adjective": "adjective",
    "adverb": "adverb",
    "phrase": "other",
    "other": "other",
}
POS_FROM_TBX = {
    "noun": "noun",
    "propernoun": "proper-noun",
    "proper-noun": "proper-noun",
    "verb": "verb",
    "adjective": "adjective",
    "adverb": "adverb",
    "other": "other",
}
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
ABBREVIATION_TYPES = frozenset(
    {"abbreviation", "acronym", "shortform", "initialism", "clippedterm", "shortcut"}
)


#: List fields and the head each is written beside; a list with repeats is also kept
#: as an exact JSON note (see writer._concept).
LIST_HEADS = (
    ("de_alt", "de"),
    ("de_abbr", "de"),
    ("en_alt", "en"),
    ("en_abbr", "en"),
    ("en_deprecated", "en"),
)


def unique(items: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """``items`` without repeats and without anything in ``exclude``, in order."""
    seen = set(exclude)
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
