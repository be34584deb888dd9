"""A bilingual document as XLIFF 1.2, one ``<trans-unit>`` per sentence.

The ``<target>`` is the reference translation when the document has one
(``state="translated"``), otherwise the machine translation
(``state="needs-review-translation"``, ``state-qualifier="mt-suggestion"``). When both
exist the MT travels as an ``<alt-trans>`` proposal whose ``origin`` names the model.
A note on each unit says where the target came from; glossary terms are notes too.
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

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: ``from`` of the notes glossar writes.
NOTE_FROM = "glossar"


def render(
    doc: PairedDocument, *, original: str | None = None, warnings: list[str] | None = None
) -> str:
    """The XLIFF document as text (declare and write it as UTF-8). ``warnings``, when
    given, gets a line saying how many characters XML cannot hold became U+FFFD."""
    return "".join(render_pieces(doc, original=original, warnings=warnings))


def render_pieces(
    doc: PairedDocument, *, original: str | None = None, warnings: list[str] | None = None
) -> Iterator[str]:
    """The XLIFF document in pieces: the envelope's head, one ``<trans-unit>`` at a
    time, its tail (:func:`~glossar.bilingual.render.common.xml_pieces`). Once the last
    piece is read, ``warnings`` (when given) holds the line on characters replaced
    (:func:`render`)."""
    from lxml import etree

    from glossar.neutralise import XmlText

    x = XmlText()

    def q(tag: str) -> str:
        return f"{{{XLIFF_NS}}}{tag}"

    root = etree.Element(q("xliff"), nsmap={None: XLIFF_NS}, version="1.2")
    file_el = etree.SubElement(
        root,
        q("file"),
        original=x(original or doc.source or doc.title or "document"),
        datatype="plaintext",
    )
    file_el.set("source-language", x(doc.source_lang))
    file_el.set("target-language", x(doc.target_lang))
    file_el.set("tool-id", "glossar")
    header = etree.SubElement(file_el, q("header"))
    tool = etree.SubElement(header, q("tool"))
    tool.set("tool-id", "glossar")
    tool.set("tool-name", "glossar")
    tool.set("tool-version", tool_version())
    notes = []
    if doc.title:
        notes.append(f"title: {doc.title}")
    # a reference for every sentence, for some (an article file with gaps), or none
    pairs = doc.pairs if isinstance(doc.pairs, list) else None
    every = doc.has_reference and pairs is not None and all(p.en_ref for p in pairs)
    if doc.has_reference:
        where = "target" if every else "target where a reference exists"
        notes.append(f"{where}: English {reference_label(doc)}")
    if doc.mt is not None:
        if every:
            where = "alt-trans"
        elif doc.has_reference:
            where = "alt-trans where a reference exists, else target"
        else:
            where = "target"
        notes.append(f"{where}: English {mt_label(doc, english=True)}")
    notes.append(f"glossary: {doc.glossary_signature}")
    for text in notes:
        note = etree.SubElement(header, q("note"), attrib={"from": NOTE_FROM})
        note.text = x(text)
    body = etree.SubElement(file_el, q("body"))
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield from xml_pieces(declaration, root, body, _units(doc, body, q, x), etree.tostring)
    xml_warnings(x.replaced, "XLIFF", warnings)


def _units(
    doc: PairedDocument, body: Any, q: Callable[[str], str], x: Callable[[str], str]
) -> Iterator[Any]:
    """One ``<trans-unit>`` per pair, added under ``body`` as it is asked for."""
    from lxml import etree

    mt_origin = x(f"glossar-mt:{doc.mt.engine}:{doc.mt.model}") if doc.mt else ""
    # the label once: the bundled article's and the default already say "reference
    # translation (…)" (wrapped in it again, every unit said it twice, nested)
    label = reference_label(doc)
    reference_note = (
        label if label.startswith("reference translation") else f"reference translation ({label})"
    )
    in_paragraph = 0
    previous = -1
    for n, p in enumerate(doc.pairs, start=1):
        unit = etree.SubElement(body, q("trans-unit"), id=str(n))
        # unique per unit: a paragraph's sentences shared one resname, which tools that
        # key on it may merge (a tester); "p3-s2-paragraph": paragraph 3, its sentence 2
        in_paragraph = in_paragraph + 1 if p.paragraph == previous else 1
        previous = p.paragraph
        unit.set("resname", x(f"p{p.paragraph + 1}-s{in_paragraph}-{p.block}"))
        source = etree.SubElement(unit, q("source"))
        source.set(XML_LANG, x(doc.source_lang))
        source.text = x(p.de)
        origin_note = ""
        if p.en_ref:
            target = etree.SubElement(unit, q("target"), state="translated")
            target.text = x(p.en_ref)
            origin_note = f"target: {reference_note}"
        elif p.en_mt is not None:
            target = etree.SubElement(unit, q("target"), state="needs-review-translation")
            target.set("state-qualifier", "mt-suggestion")
            target.text = x(p.en_mt)
            origin_note = f"target: {mt_label(doc, english=True)}"
        else:
            target = None
        if target is not None:
            target.set(XML_LANG, x(doc.target_lang))
        if p.en_ref and p.en_mt is not None:
            alt = etree.SubElement(unit, q("alt-trans"), origin=mt_origin, alttranstype="proposal")
            alt.set("tool-id", "glossar")
            alt_target = etree.SubElement(alt, q("target"))
            alt_target.set(XML_LANG, x(doc.target_lang))
            alt_target.text = x(p.en_mt)
        if origin_note:
            note = etree.SubElement(unit, q("note"), attrib={"from": NOTE_FROM})
            note.set("annotates", "target")
            note.text = x(origin_note)
        seen: list[str] = []
        for t in p.terms:
            # t.label: an unsure term's senses behind "?" (a suggestion, not the answer)
            where = f"(entry {t.entry.id}, glossary {t.entry.glossary})"
            text = f"term: {t.text} → {t.label} {where}{check_note(p.check(t))}{suggestion_note(t)}"
            if text not in seen:
                seen.append(text)
                note = etree.SubElement(unit, q("note"), attrib={"from": NOTE_FROM})
                note.set("annotates", "source")
                note.text = x(text)
        yield unit
