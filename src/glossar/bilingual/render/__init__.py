"""Renderers of a bilingual document: one module per ``article --format`` value.

Each module has ``render(doc) -> str``; all but JSON also have ``render_pieces(doc)``,
the same text in pieces (head, one piece per pair, tail) that reads the pairs as they
come, so a streamed document of any size is written in bounded memory (JSON streams
through ``cli/jsonstream.py``). :mod:`.common` holds what they share.
"""

from __future__ import annotations

import importlib
from typing import Any

from glossar.bilingual.pairing import BilingualDocument

#: ``article --format`` values, each a module here.
FORMATS = ("terminal", "markdown", "html", "json", "tmx", "xliff")
#: Formats whose renderers report, in ``warnings``, the characters XML cannot hold.
XML_FORMATS = ("tmx", "xliff")


def render_document(
    doc: BilingualDocument,
    fmt: str = "html",
    *,
    warnings: list[str] | None = None,
    **options: Any,
) -> str:
    """``doc`` (from :func:`glossar.pair_document`) as ``glossar article --format FMT``
    writes it: terminal, markdown, html, json, tmx or xliff. ``options`` go to the
    renderer: ``width``/``color`` for terminal, ``original`` (the source file name) for
    xliff.

    ``warnings``, a list when given, gets what the CLI says on stderr about the output:
    for TMX and XLIFF, how many characters XML 1.0 cannot hold (control characters such
    as a form feed, lone surrogates, U+FFFE/U+FFFF) became U+FFFD."""
    from glossar.arguments import instance_argument
    from glossar.bilingual.pairing import BilingualDocument

    instance_argument(doc, BilingualDocument, "doc", "glossar.pair_document(...) gives one")
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)} ({fmt!r} given)")
    if options.get("width") is not None:  # ("80" failed deep inside: "'<' not supported")
        from glossar.arguments import int_argument

        options["width"] = int_argument(options["width"], "width", 1)
    renderer = importlib.import_module(f"glossar.bilingual.render.{fmt}")
    if fmt in XML_FORMATS:
        options["warnings"] = warnings
    return renderer.render(doc, **options)  # type: ignore[no-any-return]
