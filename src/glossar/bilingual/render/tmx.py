"""A bilingual document as a TMX 1.4b translation memory, one ``<tu>`` per sentence.

Each ``<tu>`` holds the German and up to two English ``<tuv>``: the reference first, then
the machine translation, each marked ``<prop type="x-glossar-origin">`` as
``reference`` or ``mt`` so a CAT tool or script can tell them apart (a tool that reads
only the first English variant gets the reference). Glossary terms are ``<note>``s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from glossar.bilingual.pairing import PairedDocument
from glossar.bilingual.render.common import (
    check_note,
    mt_label,
    reference_label,
    suggestion_note,
    tool_version,
    xml_pieces,
    xml_warnings,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: ``<prop type>`` that says where an English variant came from.
ORIGIN_PROP = "x-glossar-origin"
ORIGIN_REFERENCE, ORIGIN_MT = "reference", "mt"


def render(doc: PairedDocument, *, warnings: list[str] | None = None) -> str:
    """The TMX document as text (declare and write it as UTF-8). ``warnings``, when
    given, gets a line saying how many characters XML cannot hold became U+FFFD."""
    return "".join(render_pieces(doc, warnings=warnings))


def render_pieces(doc: PairedDocument, *, warnings: list[str] | None = None) -> Iterator[str]:
    """The TMX document in pieces: the envelope's head, one ``<tu>`` at a time, its tail
    (:func:`~glossar.bilingual.render.common.xml_pieces`). Once the last piece is read,
    ``warnings`` (when given) holds the line on characters replaced (:func:`render`)."""
    from lxml import etree

    from glossar.neutralise import XmlText

    x = XmlText()

    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        creationtool="glossar",
        creationtoolversion=tool_version(),
        segtype="sentence",
        datatype="plaintext",
        adminlang="en",
        srclang=x(doc.source_lang),
    )
    header.set("o-tmf", "glossar")

    def prop(parent, kind: str, value: str) -> None:  # type: ignore[no-untyped-def]
        el = etree.SubElement(parent, "prop", type=kind)
        el.text = x(value)

    if doc.title:
        prop(header, "x-glossar-title", doc.title)
    if doc.has_reference:
        prop(header, "x-glossar-reference", reference_label(doc))
    if doc.mt is not None:
        prop(header, "x-glossar-mt", mt_label(doc, english=True))
    prop(header, "x-glossar-glossary", doc.glossary_signature)
    body = etree.SubElement(root, "body")
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield from xml_pieces(declaration, root, body, _units(doc, body, prop, x), etree.tostring)
    xml_warnings(x.replaced, "TMX", warnings)


def _units(
    doc: PairedDocument, body: Any, prop: Callable[..., None], x: Callable[[str], str]
) -> Iterator[Any]:
    """One ``<tu>`` per pair, added under ``body`` as it is asked for."""
    from lxml import etree

    for n, p in enumerate(doc.pairs, start=1):
        tu = etree.SubElement(body, "tu", tuid=str(n))
        seen: list[str] = []
        for t in p.terms:
            # t.label: an unsure term's senses behind "?" (a suggestion, not the answer)
            where = f"(entry {t.entry.id}, glossary {t.entry.glossary})"
            note = f"{t.text} → {t.label} {where}{check_note(p.check(t))}{suggestion_note(t)}"
            if note not in seen:
                seen.append(note)
                etree.SubElement(tu, "note").text = x(note)
        prop(tu, "x-glossar-block", p.block)
        prop(tu, "x-glossar-paragraph", str(p.paragraph))
        variants = [(doc.source_lang, None, p.de)]
        if p.en_ref:
            variants.append((doc.target_lang, ORIGIN_REFERENCE, p.en_ref))
        if p.en_mt is not None:
            variants.append((doc.target_lang, ORIGIN_MT, p.en_mt))
        for lang, origin, text in variants:
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, x(lang))
            if origin:
                prop(tuv, ORIGIN_PROP, origin)
            if origin == ORIGIN_MT and doc.mt is not None:
                prop(tuv, "x-glossar-model", f"{doc.mt.engine}:{doc.mt.model} {doc.mt.version}")
            etree.SubElement(tuv, "seg").text = x(text)
        yield tu
