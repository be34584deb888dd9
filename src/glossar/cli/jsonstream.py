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
    try:
        text = _render(value, " " * indent)
    except RecursionError:  # a list holding itself: json.dumps says so in its words
        text = None
    if text is not None:
        return text
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + " " * indent)


def _render(value: Any, pad: str) -> str | None:
    """``value`` in ``json.dumps``'s indented form (``pad``: the indent of its own line)
    for dicts with string keys, lists, tuples, strings, integers, floats, booleans and
    None; None for anything else. ``json.dumps`` with ``indent`` runs its pure-Python
    encoder: a term (a dict of plain values) is 4× faster here, an article pair (its
    terms and checks are lists of dicts) 2–3×."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None or value is True or value is False:
        return _LITERALS[value]
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    if kind is dict:
        if not value:
            return "{}"
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
            kind = type(item)
            if kind is str:  # the common values inline: a call per container only
                parts.append(head + encode_basestring(item))
            elif item is True or item is False or item is None:
                parts.append(head + _LITERALS[item])
            elif kind is int:
                parts.append(head + int.__repr__(item))
            else:
                text = _render(item, pad + "  ")
                if text is None:
                    return None
                parts.append(head + text)
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = pad + "  "
        items: list[str] = []
        for item in value:
            text = _render(item, inner)
            if text is None:
                return None
            items.append(text)
        return "[\n" + inner + (",\n" + inner).join(items) + "\n" + pad + "]"
    return None


def _float(value: float) -> str:
    """A float as ``json.dumps`` writes it (NaN and the infinities as JavaScript names)."""
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


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
        from glossar.cli.options import data_stdout

        data_stdout()  # (JSON: UTF-8 whatever the locale)
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
