"""One JSON document written as it is produced, byte for byte what ``json.dumps`` with
``indent=2`` would print for the whole object: a 100 MB input never needs its whole
result in memory."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from json.encoder import encode_basestring  # the C encoder json.dumps uses
from typing import Any

import click

_LITERALS = {True: "true", False: "false", None: "null"}


def _dump(value: Any, indent: int) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` shifted right by ``indent``."""
    if type(value) is dict and value:
        flat = _dump_flat(value, " " * indent)
        if flat is not None:
            return flat
    parts: list[str] = []
    try:
        if _dump_nested(value, " " * indent, parts.append):
            return "".join(parts)
    except RecursionError:  # a list holding itself: json.dumps says so in its words
        pass
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + " " * indent)


def _dump_nested(value: Any, pad: str, add: Callable[[str], object]) -> bool:
    """Add ``value`` in ``json.dumps``'s indented form (``pad``: the indent of its own
    line) for dicts with string keys, lists, tuples, strings, integers, floats,
    booleans and None; False (with parts added) for anything else. An article pair
    (its terms and checks are lists of dicts) is 2–3× faster than ``json.dumps`` with
    ``indent``, which runs the pure-Python encoder."""
    kind = type(value)
    if kind is str:
        add(encode_basestring(value))
    elif value is None or value is True or value is False:
        add(_LITERALS[value])
    elif kind is int:
        add(int.__repr__(value))
    elif kind is float:
        add(_float(value))
    elif kind is dict:
        if not value:
            add("{}")
            return True
        inner = pad + "  "
        first = True
        for key, item in value.items():
            if type(key) is not str:
                return False
            head = ("{\n" if first else ",\n") + inner + encode_basestring(key) + ": "
            first = False
            kind = type(item)
            if kind is str:  # the common values inline: a call per container only
                add(head + encode_basestring(item))
            elif item is None or item is True or item is False:
                add(head + _LITERALS[item])
            elif kind is int:
                add(head + int.__repr__(item))
            else:
                add(head)
                if not _dump_nested(item, inner, add):
                    return False
        add("\n" + pad + "}")
    elif kind is list or kind is tuple:
        if not value:
            add("[]")
            return True
        inner = pad + "  "
        first = True
        for item in value:
            add(("[\n" if first else ",\n") + inner)
            first = False
            if not _dump_nested(item, inner, add):
                return False
        add("\n" + pad + "]")
    else:
        return False
    return True


def _float(value: float) -> str:
    """A float as ``json.dumps`` writes it (NaN and the infinities as JavaScript names)."""
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _dump_flat(value: dict[Any, Any], pad: str) -> str | None:
    """A dict of strings, integers, booleans and nulls (a term, a segment's check) in
    ``json.dumps``'s indented form, 4× faster than its pure-Python indenting encoder
    (which ``indent`` forces); None for anything else."""
    parts: list[str] = []
    keys = _KEYS
    for key, item in value.items():
        head = keys.get((key, pad))
        if head is None:
            if type(key) is not str:
                return None
            head = f"{pad}  {encode_basestring(key)}: "
            if len(keys) < _MAX_KEYS:
                keys[(key, pad)] = head
        if type(item) is str:
            parts.append(head + encode_basestring(item))
        elif item is True or item is False or item is None:
            parts.append(head + _LITERALS[item])
        elif type(item) is int:
            parts.append(head + int.__repr__(item))
        else:
            return None
    return "{\n" + ",\n".join(parts) + "\n" + pad + "}"


#: ``"  KEY": `` per (key, indent): the same few keys come back for every item.
_KEYS: dict[tuple[str, str], str] = {}
_MAX_KEYS = 1024


def echo_json_stream(
    head: Mapping[str, Any],
    list_key: str,
    items: Iterable[Any],
    tail: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None = None,
    write: Callable[[str], object] | None = None,
    *,
    rendered: bool = False,
) -> int:
    """Print ``{**head, list_key: [*items], **tail}`` as ``echo_json`` would, streaming
    the list; returns how many items were written. ``tail`` may be a function called
    once the items are written (totals); ``write`` replaces standard output. With
    ``rendered``, items are already JSON text as :func:`render_item` gives it (a caller
    that renders per-entry parts once skips the dicts)."""
    if write is None:
        write = _echo
    out: list[str] = ["{"]
    first_key = True
    for key, value in head.items():
        out.append(("\n" if first_key else ",\n") + f"  {_dump(key, 2)}: {_dump(value, 2)}")
        first_key = False
    out.append(("\n" if first_key else ",\n") + f"  {_dump(list_key, 2)}: [")
    write("".join(out))
    texts = items if rendered else map(render_item, items)
    count = 0
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= _BATCH:
            write(("\n    " if not count else ",\n    ") + ",\n    ".join(batch))
            count += len(batch)
            batch.clear()
            size = 0
    if batch:
        write(("\n    " if not count else ",\n    ") + ",\n    ".join(batch))
        count += len(batch)
    end = ["\n  ]" if count else "]"]
    if callable(tail):
        tail = tail()
    for key, value in (tail or {}).items():
        end.append(f",\n  {_dump(key, 2)}: {_dump(value, 2)}")
    end.append("\n}\n")
    write("".join(end))
    return count


#: Characters of items gathered per write: few writes, bounded memory.
_BATCH = 1 << 16


def render_item(item: Any) -> str:
    """One list item of :func:`echo_json_stream` as JSON text (indented as in the list)."""
    return _dump(item, 4)


def _echo(text: str) -> None:
    click.echo(text, nl=False)
