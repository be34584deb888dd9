"""One JSON document written as it is produced, byte for byte what ``json.dumps`` with
``indent=2`` would print for the whole object: a 100 MB input never needs its whole
result in memory."""

from __future__ import annotations

import json
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
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + " " * indent)


def _dump_flat(value: dict[Any, Any], pad: str) -> str | None:
    """A dict of strings, integers, booleans and nulls (a term, a segment's check) in
    ``json.dumps``'s indented form, 4× faster than its pure-Python indenting encoder
    (which ``indent`` forces); None for anything else."""
    parts: list[str] = []
    for key, item in value.items():
        if type(key) is not str:
            return None
        if item is True or item is False or item is None:
            text = _LITERALS[item]
        elif type(item) is str:
            text = encode_basestring(item)
        elif type(item) is int:
            text = int.__repr__(item)
        else:
            return None
        parts.append(f"{pad}  {encode_basestring(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n" + pad + "}"


def echo_json_stream(
    head: Mapping[str, Any],
    list_key: str,
    items: Iterable[Any],
    tail: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None = None,
    write: Callable[[str], object] | None = None,
) -> int:
    """Print ``{**head, list_key: [*items], **tail}`` as ``echo_json`` would, streaming
    the list; returns how many items were written. ``tail`` may be a function called
    once the items are written (totals); ``write`` replaces standard output."""
    if write is None:
        write = _echo
    out: list[str] = ["{"]
    first_key = True
    for key, value in head.items():
        out.append(("\n" if first_key else ",\n") + f"  {_dump(key, 2)}: {_dump(value, 2)}")
        first_key = False
    out.append(("\n" if first_key else ",\n") + f"  {_dump(list_key, 2)}: [")
    write("".join(out))
    count = 0
    batch: list[str] = []
    for item in items:
        batch.append(("\n" if not count else ",\n") + "    " + _dump(item, 4))
        count += 1
        if len(batch) >= 256:
            write("".join(batch))
            batch.clear()
    batch.append("\n  ]" if count else "]")
    if callable(tail):
        tail = tail()
    for key, value in (tail or {}).items():
        batch.append(f",\n  {_dump(key, 2)}: {_dump(value, 2)}")
    batch.append("\n}\n")
    write("".join(batch))
    return count


def _echo(text: str) -> None:
    click.echo(text, nl=False)
