"""The loader's fast path for big, clean glossary files: whole-column checks in C.

Checked entry by entry and field by field, a 100k-entry file costs seconds of Python.
Big files are nearly always clean, and for them every rule of
:func:`glossar.glossary.rules.check_entry` can be asked of whole columns at once:
``str.join`` checks that values are strings, one regex over all terms joined finds a
bad character, one over all ids an invalid id, and one fold of all German spellings
joined finds a spelling two entries claim. Any doubt returns None and the loader checks
entry by entry as before, so every problem is still reported with its line and field
exactly as before.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import MISSING, fields
from functools import lru_cache
from itertools import accumulate, chain, compress, filterfalse, repeat
from operator import itemgetter, methodcaller
from typing import Any

from glossar.glossary.model import COMPOUND_VALUES, GENDER_VALUES, KIND_VALUES, POS_VALUES, Entry
from glossar.glossary.rules import (
    _BAD_CHARS,
    ENTRY_FIELDS,
    LIST_FIELDS,
    deprecated_in_use,
    noun_like,
)
from glossar.neutralise import text_problem
from glossar.text.fold import fold_key

# sre scans a class of BMP characters through a bitmap, but one holding astral ranges
# range by range, 4× slower: the term rule's characters are split in two.
_BAD_BMP = re.compile(  # NUL is left out: it joins the terms searched
    "[\x01-\x1f\x7f-\x9f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\ufffe\uffff]"
)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
#: Whitespace other than the plain space (``str.isspace``'s set).
_ODD_SPACE = re.compile(
    "[\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
#: Ids joined by line breaks, all valid (:data:`glossar.glossary.rules.ID_RE`).
_IDS = re.compile(r"[a-z0-9][a-z0-9-]*(?:\n[a-z0-9][a-z0-9-]*)*\Z")
_HEADER = "\n[[entry]]"
_FIELDS = frozenset(ENTRY_FIELDS)
_LISTS = frozenset(LIST_FIELDS)
_TERM_TEXT = ("plural", "genitive")
_CHOICES = (
    ("pos", POS_VALUES, "noun"), ("gender", GENDER_VALUES, None),
    ("kind", KIND_VALUES, "term"), ("compound", COMPOUND_VALUES, None),
)  # fmt: skip


def _plain(joined: str) -> bool:
    """True when every part of ``joined`` (NUL between parts) is non-empty, has no
    whitespace but single inner spaces (fast ``in`` tests and a bitmap class)."""
    return not (
        not joined
        or joined[0] in " \x00"
        or joined[-1] in " \x00"
        or "\x00\x00" in joined
        or " \x00" in joined
        or "\x00 " in joined
        or "  " in joined
        or _ODD_SPACE.search(joined)
    )


def fold_keys(terms: Sequence[str]) -> list[str]:
    """:func:`fold_key` of each term, folded all at once: NFC, case folding and umlauts
    work per character, and NUL is a boundary no normalisation crosses."""
    if not terms:
        return []
    joined = "\x00".join(terms)
    if not joined.isascii():
        joined = unicodedata.normalize("NFC", joined).casefold()
        joined = joined.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
        joined = joined.replace("\u00ad", "")
    else:
        joined = joined.lower()
    keys = joined.split("\x00")
    if len(keys) != len(terms) or not _plain(joined):  # whitespace fold_key would collapse
        return [fold_key(t) for t in terms]
    return keys


def entry_header_lines(text: str, count: int) -> list[int] | None:
    """The line of each ``[[entry]]`` header when all ``count`` are written plainly at
    the start of a line (as every writer does) and no multi-line string could hide one;
    else None."""
    if '"""' in text or "'''" in text:
        return None
    chunks = ("\n" + text).split(_HEADER)
    if len(chunks) != count + 1:
        return None
    for chunk in chunks[1:]:
        if chunk[:1] not in ("\n", "\r", "", " ", "#"):  # [[entryx]] or [[entry.sub]]
            return None
    # each split took one line break: header k sits after k of them plus those inside
    return [n + k for k, n in enumerate(accumulate(c.count("\n") for c in chunks[:-1]), 1)]


def claim_keys(entries: Sequence[Entry]) -> tuple[list[str], list[int]]:
    """Every key of :func:`glossar.glossary.rules.german_claims`, folded at once, and the
    index of the entry claiming it (flat lists: no list per entry)."""
    prefixes = ["n:" if noun_like(e.pos, e.de) else "w:" for e in entries]
    keys = list(map(str.__add__, prefixes, fold_keys([e.de for e in entries])))
    owners = list(range(len(entries)))
    more = [i for i, e in enumerate(entries) if e.de_alt or e.forms or e.de_abbr]
    spellings: list[str] = []
    spelling_prefixes: list[str] = []
    for i in more:
        e = entries[i]
        for term in (*e.de_alt, *e.forms):
            spellings.append(term)
            spelling_prefixes.append(prefixes[i])
            owners.append(i)
    keys.extend(map(str.__add__, spelling_prefixes, fold_keys(spellings)))
    for i in more:
        keys.extend("abbr:" + a for a in entries[i].de_abbr)
        owners.extend([i] * len(entries[i].de_abbr))
    return keys, owners


#: The claim keys of the last few lists :func:`bulk_entries` returned, by the list's id
#: (with the list, which keeps the id valid): layering asks for them again.
_CLAIMS: dict[int, tuple[list[Entry], int, list[str], list[int]]] = {}
_CLAIMS_KEPT = 4


def known_claim_keys(entries: list[Entry]) -> tuple[list[str], list[int]]:
    """:func:`claim_keys` of ``entries``, remembered when :func:`bulk_entries` made them."""
    hit = _CLAIMS.get(id(entries))
    if hit is not None and hit[0] is entries and hit[1] == len(entries):
        return hit[2], hit[3]
    return claim_keys(entries)


def bulk_entries(
    raw_entries: list[Any], text: str, glossary: str, source: str
) -> list[Entry] | None:
    """The entries of a clean file, checked in bulk; None when anything needs a closer
    look (the loader's entry-by-entry check then finds and reports it)."""
    if not raw_entries or set(map(type, raw_entries)) != {dict}:
        return None
    lines = entry_header_lines(text, len(raw_entries))
    if lines is None:
        return None
    try:
        values = _checked(raw_entries)
    except (KeyError, TypeError):  # a missing field, a value that is no string…
        return None
    if values is None:
        return None
    entries = _entry_maker()(values, lines, glossary, source)
    keys, owners = claim_keys(entries)
    first = dict(zip(reversed(keys), reversed(owners), strict=True))
    if not all(map(operator.eq, map(first.__getitem__, keys), owners)):
        return None  # two entries claim one spelling
    remember_claim_keys(entries, keys, owners)
    return entries


def remember_claim_keys(entries: list[Entry], keys: list[str], owners: list[int]) -> None:
    """Keep ``entries``' claim keys for :func:`known_claim_keys` (the last few lists)."""
    if len(_CLAIMS) >= _CLAIMS_KEPT:
        del _CLAIMS[next(iter(_CLAIMS))]
    _CLAIMS[id(entries)] = (entries, len(entries), keys, owners)


@lru_cache(maxsize=1)
def _entry_maker() -> Callable[[list[dict[str, Any]], list[int], str, str], list[Entry]]:
    """``make(values, lines, glossary, source)`` == ``[Entry(**v, glossary=…, line=…)]``
    for checked values, 3× faster than ``Entry(**v)`` (see :func:`_slot_filler`)."""
    where = ("glossary", "source", "line")
    fill = ["        get = v.get"]
    defaults: dict[str, Any] = {}
    for f in fields(Entry):
        if f.name in where:
            fill.append(f"        e.{f.name} = {f.name}")
        elif f.default is MISSING:  # a required field: checked to be there
            fill.append(f"        e.{f.name} = v[{f.name!r}]")
        else:  # get with the default (a merged dict per entry cost 25 % more)
            defaults[f"default_{f.name}"] = f.default
            fill.append(f"        e.{f.name} = get({f.name!r}, default_{f.name})")
    return _slot_filler(  # type: ignore[return-value]
        "values, lines, glossary, source",
        "v, line in zip(values, lines, strict=True)",
        fill,
        **defaults,
    )


@lru_cache(maxsize=1)
def entries_from_rows() -> Callable[[list[tuple[Any, ...]]], list[Entry]]:
    """``make(rows)`` == ``[Entry(*row) for row in rows]`` for rows of every field an
    :class:`Entry` was read from (the load cache's payload), 5× faster (see
    :func:`_slot_filler`)."""
    targets = ", ".join(f"e.{f.name}" for f in fields(Entry))
    return _slot_filler("rows", "row in rows", [f"        ({targets},) = row"])  # type: ignore[return-value]


def _slot_filler(params: str, loop: str, fill: list[str], **scope: Any) -> Callable[..., Any]:
    """A generated ``make(params)`` that builds one :class:`Entry` per ``loop`` item.

    A frozen dataclass's ``__init__`` sets each of its 26 fields through
    ``object.__setattr__`` after matching keywords. ``fill`` instead stores each field
    into ``e``, an instance of a plain class with the same slots (one C-level store per
    field), which is then made the :class:`Entry` it is laid out as (``__class__``
    assignment, allowed between classes with identical slots). Generated, as
    ``dataclasses`` does."""
    body = [
        f"def make({params}):",
        "    out = []",
        "    append = out.append",
        f"    for {loop}:",
        "        e = Shadow()",
        *fill,
        "        e.__class__ = Entry",
        "        append(e)",
        "    return out",
    ]
    shadow = type("Shadow", (), {"__slots__": Entry.__slots__})  # type: ignore[attr-defined]
    namespace: dict[str, Any] = {"Shadow": shadow, "Entry": Entry, **scope}
    exec("\n".join(body), namespace)  # noqa: S102 - generated from the dataclass's own fields
    return namespace["make"]  # type: ignore[no-any-return]


def _checked(raws: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The entries' values as :func:`glossar.glossary.rules.check_entry` returns them
    (lists as tuples), or None; column by column, in C-level passes where possible."""
    if not all(map(_FIELDS.issuperset, raws)):
        return None  # an unknown field
    ids = list(map(itemgetter("id"), raws))
    terms = [*map(itemgetter("de"), raws), *map(itemgetter("en"), raws)]
    for key in _TERM_TEXT:
        terms.extend([r[key] for r in raws if key in r])
    listed = list(compress(range(len(raws)), map(operator.not_, map(_LISTS.isdisjoint, raws))))
    values = list(raws)
    for i in listed:
        raw = dict(raws[i])
        for key in _LISTS.intersection(raw):
            items = raw[key]
            if type(items) is not list:
                return None
            terms.extend(items)
            raw[key] = tuple(items)
        if "en_deprecated" in raw and deprecated_in_use(raw) is not None:
            return None
        values[i] = raw
    # every text value (and, in ``terms``, every list item) must be a string: TypeError
    texts = "\n".join(chain.from_iterable(map(dict.values, filter(_LISTS.isdisjoint, raws))))
    texts += "\n".join(v for i in listed for k, v in raws[i].items() if k not in _LISTS)
    joined = "\x00".join(terms)
    if joined.count("\x00") != len(terms) - 1:
        return None  # a NUL inside a term
    if not _plain(joined) or _BAD_BMP.search(joined) or text_problem(texts):
        return None
    if _ASTRAL.search(joined) and _BAD_CHARS.search(joined):
        return None
    joined_ids = "\n".join(ids)  # (an id holding a line break would pass as two)
    if joined_ids.count("\n") != len(ids) - 1 or not _IDS.match(joined_ids):
        return None
    if len(set(ids)) != len(ids):
        return None
    for key, allowed, default in _CHOICES:
        if not set(map(dict.get, raws, repeat(key), repeat(default))) <= {*allowed, default}:
            return None
    genderless = filterfalse(methodcaller("__contains__", "gender"), raws)
    if "noun" in set(map(methodcaller("get", "pos", "noun"), genderless)):
        return None  # a noun needs a gender
    return values
