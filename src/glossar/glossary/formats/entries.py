"""What every glossary interchange format shares: building and checking imported entries.

Readers collect problems as ``FILE:LINE: problem`` instead of stopping at the first, so
a user fixes a file in one pass; nothing is written while there is one. Imported entries
must satisfy the same rules as our TOML files (docs/glossary-format.md), so that what
``glossar glossary import`` writes always loads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from glossar.errors import GlossaryError
from glossar.glossary.model import Entry, Glossary, GlossaryInfo
from glossar.glossary.rules import (  # noqa: F401 - re-exported for the format modules
    ENTRY_FIELDS,
    ID_RE,
    LIST_FIELDS,
    TERM_FIELDS,
    check_entry,
    german_claims,
    may_share_a_claim,
    term_problem,
)
from glossar.i18n import _

#: How optional text fields arrive from other formats when absent.
OPTIONAL_TEXT_FIELDS = frozenset({"gender", "plural", "genitive"})

_GERMAN_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(slots=True)
class ReadResult:
    """What a reader found: the glossary header, its entries, and what it had to leave out."""

    info: GlossaryInfo
    entries: list[Entry]
    warnings: list[str] = field(default_factory=list)


def slugify(text: str) -> str:
    """A stable id from a German term: ``Flüssiggas`` → ``fluessiggas``, ``OVKS`` → ``ovks``."""
    if any(map(unicodedata.combining, text)):  # ü as u + U+0308 (macOS, some TBX)
        text = unicodedata.normalize("NFC", text)
    text = text.casefold().translate(_GERMAN_FOLD)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug or "entry"


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is not in ``taken`` (which is updated)."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace to one space and strip (XML pretty-printers indent text)."""
    return " ".join(text.split())


class Problems:
    """``FILE:LINE: problem`` lines collected while reading one file."""

    def __init__(self, name: str):
        self.name = name
        self.lines: list[str] = []

    def add(self, line: int | None, message: str) -> None:
        where = f"{self.name}:{line}" if line else self.name
        self.lines.append(f"{where}: {message}")

    def __bool__(self) -> bool:
        return bool(self.lines)

    def raise_if_any(self) -> None:
        """Raise :class:`GlossaryError` (exit 4) listing every problem, if there is one."""
        if self.lines:
            raise GlossaryError(self.lines)


def complete_entry(data: dict[str, object], taken: set[str]) -> None:
    """Fill in what a termbase written by hand may leave out, as every import does: the
    part of speech ``other`` (a noun would need a gender, and a term pair says nothing of
    grammar) and an id made from the German term (``-2``, ``-3``… where ``taken``).

    ``taken`` holds the ids used so far in the file and is updated; an id given later
    that equals a derived one is a duplicate, reported by :func:`check_unique`.
    """
    data.setdefault("pos", "other")
    if "id" not in data and isinstance(data.get("de"), str):
        data["id"] = unique_id(slugify(str(data["de"])), taken)
    elif isinstance(data.get("id"), str):
        taken.add(str(data["id"]))


def build_entry(
    data: Mapping[str, object],
    problems: Problems,
    *,
    line: int = 0,
    glossary: str = "",
    where: str = "",
) -> Entry | None:
    """An :class:`Entry` from plain data, or None after recording what is wrong with it.

    ``where`` prefixes messages (e.g. ``entry 'x'``) when a line number alone is vague.
    """
    prefix = f"{where}: " if where else ""
    fields = {
        key: value
        for key, value in data.items()
        if key not in ("glossary", "source", "line")
        and not (key in OPTIONAL_TEXT_FIELDS and value in (None, ""))
    }
    values = check_entry(fields, lambda field, msg: problems.add(line, f"{prefix}{field}: {msg}"))
    if values is None:
        return None
    return Entry(**values, glossary=glossary, source=problems.name, line=line)


def check_unique(entries: Iterable[Entry], problems: Problems) -> None:
    """Record duplicate ids and German spellings claimed by two entries of one word class
    (the loader's rules, :func:`glossar.glossary.rules.german_claims`)."""

    ids: dict[str, int] = {}
    claimed: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.id in ids:
            problems.add(
                entry.line,
                "id: "
                + _("{id} already used (line {line})").format(
                    id=repr(entry.id), line=ids[entry.id]
                ),
            )
            continue
        ids[entry.id] = entry.line
        for key, term in german_claims(entry):
            owners = claimed.setdefault(key, [])
            # every earlier claimant: one entry listing a form and one term pair may share
            clash = next(
                (o for o in owners if o.id != entry.id and not may_share_a_claim(o, entry, key)),
                None,
            )
            if clash is not None:
                problems.add(
                    entry.line,
                    "de: "
                    + _("{term} is already a German term of {id} (line {line})").format(
                        term=repr(term), id=repr(clash.id), line=clash.line
                    ),
                )
            elif all(o.id != entry.id for o in owners):
                owners.append(entry)


def info_of(
    glossary_or_entries: Glossary | Iterable[Entry], info: GlossaryInfo | None
) -> tuple[GlossaryInfo, list[Entry]]:
    """The (GlossaryInfo, entries) to export: ``info`` if given, else one made from the layers."""
    if isinstance(glossary_or_entries, Glossary):
        entries = list(glossary_or_entries)
        if info is None:
            layers = glossary_or_entries.layers
            if len(layers) == 1:
                info = layers[0]
            elif layers:
                info = GlossaryInfo(
                    id="-".join(g.id for g in layers),
                    path="",
                    title=" + ".join(g.title or g.id for g in layers),
                    version=glossary_or_entries.signature,
                )
    else:
        entries = list(glossary_or_entries)
    if info is None:
        info = GlossaryInfo(id="glossary", path="")
    return info, entries


def info_dict(info: GlossaryInfo) -> dict[str, str]:
    """The header fields worth writing (no path, no entry count; empty ones left out)."""
    out = {
        "id": info.id,
        "title": info.title,
        "version": info.version,
        "source_lang": info.source_lang,
        "target_lang": info.target_lang,
        "description": info.description,
    }
    return {k: v for k, v in out.items() if v}


def id_from_name(name: str) -> str:
    """A glossary id from a file name: ``My Terms.csv`` → ``my-terms``."""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    slug = slugify(stem)
    return "imported" if slug in ("entry", "") else slug
