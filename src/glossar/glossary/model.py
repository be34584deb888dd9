"""The glossary's data: entries and the layered glossary they live in.

An :class:`Entry` is one concept: a German headword with its grammar, the preferred
English term and what else is admitted or deprecated, abbreviations on either side,
and the notes a translator needs. Entries are immutable; a :class:`Glossary` is the
ordered union of one or more glossary files, later files winning by ``id``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

#: Parts of speech a glossary may use (TBX-Basic's list plus proper names and phrases).
POS_VALUES = ("noun", "proper-noun", "verb", "adjective", "adverb", "phrase", "other")
#: Grammatical gender of German nouns: masculine, feminine, neuter.
GENDER_VALUES = ("m", "f", "n")
#: What kind of thing the entry names; drives matching (names keep their case, idioms are phrases).
KIND_VALUES = ("term", "name", "place", "organisation", "idiom")
#: Where a term may sit inside a closed compound (docs/glossary-format.md): first part
#: (``modifier``: Truppen|abzug), last part (``head``: Erd|gas), either, or neither.
COMPOUND_VALUES = ("both", "modifier", "head", "none")
#: Terms of at most this many letters are general words: no compounds unless the entry
#: says so (Land, Volk, Macht).
SHORT_TERM = 5


def compound_policy(compound: str, kind: str, pos: str, de: str) -> str:
    """:attr:`Entry.compound_policy` from the fields it reads (a compiled glossary asks it
    of every entry in one pass, without the property call)."""
    if compound:
        return compound
    if kind in ("name", "place", "organisation") or pos != "noun":
        return "none"
    return "none" if len(de) <= SHORT_TERM else "auto"


@dataclass(frozen=True, slots=True)
class Entry:
    """One glossary concept, German → English.

    ``de`` is the German headword and ``en`` the preferred English term; everything
    else is optional. ``plural``/``genitive``/``forms`` list irregular or extra German
    forms that the regular inflection rules would not produce.
    """

    id: str
    de: str
    en: str
    pos: str = "noun"
    gender: str | None = None
    kind: str = "term"
    plural: str | None = None
    genitive: str | None = None
    forms: tuple[str, ...] = ()
    de_alt: tuple[str, ...] = ()
    de_abbr: tuple[str, ...] = ()
    en_alt: tuple[str, ...] = ()
    en_abbr: tuple[str, ...] = ()
    en_deprecated: tuple[str, ...] = ()
    literal: str = ""
    definition: str = ""
    note: str = ""
    domain: str = ""
    example_de: str = ""
    example_en: str = ""
    #: English senses the glossary cannot choose between in its scope (Land: country,
    #: state); an entry with senses is unsure: its hits are suggestions, never enforced.
    senses: tuple[str, ...] = ()
    #: Compound policy (:data:`COMPOUND_VALUES`); "" = the default (:meth:`compound_policy`).
    compound: str = ""
    #: Words in which the term is never reported, whatever the policy (Wehrmacht).
    compound_except: tuple[str, ...] = ()
    #: id of the glossary this entry came from, and where (not part of the concept).
    glossary: str = field(default="", compare=False)
    source: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)
    #: ``GLOSSARY:ID`` of the earlier entry a term pair re-worded (its grammar, notes and
    #: examples are that entry's words, not the pair's: :mod:`glossar.glossary.adopt`).
    based_on: str = field(default="", compare=False)

    @property
    def sure(self) -> bool:
        """False when the entry is ambiguous in its glossary (it lists ``senses``)."""
        return not self.senses

    @property
    def compound_policy(self) -> str:
        """The policy in force: the entry's own, else ``none`` for short words and names
        and ``auto`` for the rest (inside words the lexicon does not know as a whole)."""
        return compound_policy(self.compound, self.kind, self.pos, self.de)

    @property
    def german_terms(self) -> tuple[str, ...]:
        """Every German spelling that names this concept: headword, variants, abbreviations."""
        return (self.de, *self.de_alt, *self.de_abbr)

    @property
    def english_terms(self) -> tuple[str, ...]:
        """The preferred English term, then admitted alternatives and abbreviations."""
        return (self.en, *self.en_alt, *self.en_abbr)

    def to_dict(self) -> dict[str, object]:
        """Every field as plain JSON-able data (lists for tuples, no empty optionals)."""
        out: dict[str, object] = {}
        for f in fields(self):
            if f.name in ("source", "line", "based_on"):
                continue
            value = getattr(self, f.name)
            if value in (None, "", ()):
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True, slots=True)
class GlossaryInfo:
    """A glossary file's header: its id, title, version and where it was read from."""

    id: str
    path: str
    title: str = ""
    version: str = ""
    source_lang: str = "de"
    target_lang: str = "en"
    entries: int = 0
    #: what the glossary is for, in its author's words (kept through export and import)
    description: str = ""


class Entries(dict[str, Entry]):
    """A glossary's entries by id: a dict that counts its changes.

    Term recognition keeps a compiled recogniser per glossary and must notice a changed
    glossary. Comparing every entry costs 7 ms at 100k entries, which ``find_terms``
    called per sentence (``article``, ``check``, ``translate``) paid for each one; an
    unchanged count says the same in O(1). Changes made past this class's methods
    (``dict.__setitem__(entries, …)``, ``dict.update(entries, …)``) are not counted:
    avoid them. Each change counts before and after it, so a reader in another thread
    that sees the count of a change half made checks the entries in full (as does any
    reader after a change that raised half-way).
    """

    #: Changes so far (a class default: an unpickled copy starts from it).
    _changes = 0

    @property
    def changes(self) -> int:
        """How many changes this dict has seen (read-only)."""
        return self._changes

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._changes += 1
        super().__init__(*args, **kwargs)
        self._changes += 1

    def __setitem__(self, key: str, value: Entry) -> None:
        self._changes += 1
        super().__setitem__(key, value)
        self._changes += 1

    def __delitem__(self, key: str) -> None:
        self._changes += 1
        super().__delitem__(key)
        self._changes += 1

    def pop(self, *args: Any) -> Any:
        self._changes += 1
        value = super().pop(*args)
        self._changes += 1
        return value

    def popitem(self) -> tuple[str, Entry]:
        self._changes += 1
        item = super().popitem()
        self._changes += 1
        return item

    def clear(self) -> None:
        self._changes += 1
        super().clear()
        self._changes += 1

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._changes += 1
        super().update(*args, **kwargs)
        self._changes += 1

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._changes += 1
        value = super().setdefault(key, default)
        self._changes += 1
        return value

    def __ior__(self, other: Any) -> Entries:  # type: ignore[override,misc]
        self._changes += 1
        super().update(other)
        self._changes += 1
        return self


@dataclass(slots=True, weakref_slot=True, eq=False)
class Glossary:
    """Entries from one or more layered glossary files, by id; later layers win.

    Compared and hashed by identity, and weak-referenceable, so derived indexes
    (lookup, term recognition) can be cached per glossary object.
    """

    #: By id. Loaded glossaries hold an :class:`Entries` dict (changes counted); any
    #: dict works, only checked for changes more slowly.
    entries: dict[str, Entry] = field(default_factory=Entries)
    layers: list[GlossaryInfo] = field(default_factory=list)
    #: (earlier, later) entries where a later layer's entry took an earlier one's id
    #: with another German headword: "later layers win" then drops an unrelated term
    #: (a user's id "kreml" for Apfel); the CLI says so.
    replaced: list[tuple[Entry, Entry]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entries.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def get(self, entry_id: str) -> Entry | None:
        """The entry with ``entry_id``, or None."""
        return self.entries.get(entry_id)

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    @property
    def signature(self) -> str:
        """Names the layers and versions that produced this glossary (for reproducibility)."""
        return "+".join(f"{g.id}@{g.version or '0'}" for g in self.layers) or "empty"
