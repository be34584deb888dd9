"""Writing TBX-Basic: TBX v3 (ISO 30042:2019, DCA style) and the 2008 ``martif`` form.

No mature Python library writes TBX v3, so both forms are written with lxml from one
builder that differs only in element names (``conceptEntry/langSec/termSec`` against
``termEntry/langSet/tig``). The mapping of our entry fields is documented in
docs/decisions-formats.md; in short:

* concept level: ``subjectField`` ← domain, ``definition``, ``note`` ← note; fields with
  no TBX-Basic home as notes of the form ``glossar:KEY=VALUE`` (kind, literal, pos when
  it is proper-noun);
* one ``langSec`` per language; every German and English spelling is its own term:
  headword/preferred (``preferredTerm-admn-sts``), variants and alternatives
  (``admittedTerm-admn-sts`` + ``termType variant``), abbreviations and short forms
  (``admittedTerm-admn-sts`` + ``termType abbreviation``/``shortForm``), deprecated
  English (``deprecatedTerm-admn-sts``);
* the German headword carries ``partOfSpeech``, ``grammaticalGender``, ``context`` ←
  example_de and notes ``glossar:plural=…``, ``glossar:genitive=…``, ``glossar:form=…``;
  the preferred English term carries ``context`` ← example_en;
* pos phrase → ``partOfSpeech other`` + ``termType phrase``; proper-noun → ``noun`` +
  ``glossar:pos=proper-noun``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from glossar.errors import BadInputError
from glossar.glossary.formats.tbx.names import (
    ADMITTED,
    DEPRECATED,
    GENDER_TO_TBX,
    LIST_HEADS,
    NOTE_PREFIX,
    POS_TO_TBX,
    PREFERRED,
    TBX_NS,
    unique,
)
from glossar.glossary.model import Entry, GlossaryInfo
from glossar.i18n import _
from glossar.neutralise import for_xml
from glossar.xmlsafe import XML_LANG


@dataclass(frozen=True)
class _Names:
    """Element names of one TBX form."""

    root: str
    header: str
    concept: str
    lang: str
    term: str
    namespace: str | None


V3 = _Names("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec", TBX_NS)
V2008 = _Names("martif", "martifHeader", "termEntry", "langSet", "tig", None)


def _xml_id(entry_id: str) -> str:
    """An XML ID (an NCName) for an entry id; ids starting with a digit get a ``_``."""
    return f"_{entry_id}" if entry_id[:1].isdigit() else entry_id


def _abbreviation_type(term: str) -> str:
    """``abbreviation`` for OVKS/U.S., ``shortForm`` for a word such as Tokajew."""
    return "shortForm" if any(c.islower() for c in term) else "abbreviation"


class _Builder:
    def __init__(self, names: _Names):
        from lxml import etree

        self.etree = etree
        self.names = names
        self.prefix = f"{{{names.namespace}}}" if names.namespace else ""

    def sub(self, parent, tag: str, text: str | None = None, **attrs: str):  # type: ignore[no-untyped-def]
        # Validation keeps control characters out of entries; anything that still is not
        # XML 1.0 (a header field, an entry built in code) becomes U+FFFD, never a crash.
        clean = {k: for_xml(v) for k, v in attrs.items()}
        el = self.etree.SubElement(parent, self.prefix + tag, clean)
        if text is not None:
            el.text = for_xml(text)
        return el

    def notes(self, parent, pairs: Iterable[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
        for key, value in pairs:
            self.sub(parent, "note", f"{NOTE_PREFIX}{key}={value}")


def _term_sec(b: _Builder, lang_el, term: str, pos: str, status: str, *, ttype=None, gender=None):  # type: ignore[no-untyped-def]
    sec = b.sub(lang_el, b.names.term)
    b.sub(sec, "term", term)
    b.sub(sec, "termNote", POS_TO_TBX[pos], type="partOfSpeech")
    if gender:
        b.sub(sec, "termNote", GENDER_TO_TBX[gender], type="grammaticalGender")
    if ttype:
        b.sub(sec, "termNote", ttype, type="termType")
    b.sub(sec, "termNote", status, type="administrativeStatus")
    return sec


def _known_values(e: Entry) -> None:
    """Refuse a part of speech or gender TBX has no name for: an Entry made in code is
    not validated as a file's is, and a KeyError deep in the writer named neither the
    entry nor the field."""
    if e.pos not in POS_TO_TBX:
        known = ", ".join(POS_TO_TBX)
        raise BadInputError(
            _("entry {id}: pos: {pos} is none of {known}").format(
                id=repr(e.id), pos=repr(e.pos), known=known
            )
        )
    if e.gender and e.gender not in GENDER_TO_TBX:
        raise BadInputError(
            _("entry {id}: gender: {gender} is none of m, f, n").format(
                id=repr(e.id), gender=repr(e.gender)
            )
        )


def _concept(b: _Builder, body, e: Entry) -> None:  # type: ignore[no-untyped-def]
    concept = b.sub(body, b.names.concept, id=_xml_id(e.id))
    if e.domain:
        b.sub(concept, "descrip", e.domain, type="subjectField")
    if e.definition:
        b.sub(concept, "descrip", e.definition, type="definition")
    if e.note:
        if e.note.startswith(NOTE_PREFIX):
            b.notes(concept, [("note", e.note)])
        else:
            b.sub(concept, "note", e.note)
    extra = []
    if e.kind != "term":
        extra.append(("kind", e.kind))
    if e.pos == "proper-noun":
        extra.append(("pos", e.pos))
    if e.literal:
        extra.append(("literal", e.literal))
    if e.compound:
        extra.append(("compound", e.compound))
    for name in ("senses", "compound_except"):  # scope fields: no TBX-Basic home
        if getattr(e, name):
            extra.append((name, json.dumps(list(getattr(e, name)), ensure_ascii=False)))
    # A list with repeats (en_abbr = ["CSTO", "CSTO"] pairs two German abbreviations with
    # one English one) is written as distinct terms plus its exact value as JSON.
    for name, head in LIST_HEADS:
        values = getattr(e, name)
        if unique(values, [getattr(e, head)]) != list(values):
            extra.append((name, json.dumps(list(values), ensure_ascii=False)))
    b.notes(concept, extra)

    head_type = "phrase" if e.pos == "phrase" else None
    de = b.sub(concept, b.names.lang, **{XML_LANG: "de"})
    sec = _term_sec(
        b, de, e.de, e.pos, PREFERRED, gender=e.gender,
        ttype=head_type or ("fullForm" if e.de_abbr else None),
    )  # fmt: skip
    if e.example_de:
        b.sub(sec, "descrip", e.example_de, type="context")
    grammar = [("plural", e.plural)] if e.plural else []
    grammar += [("genitive", e.genitive)] if e.genitive else []
    grammar += [("form", f) for f in e.forms]
    b.notes(sec, grammar)
    for variant in unique(e.de_alt, [e.de]):
        _term_sec(b, de, variant, e.pos, ADMITTED, ttype="variant")
    for abbr in unique(e.de_abbr, [e.de]):
        _term_sec(b, de, abbr, e.pos, ADMITTED, ttype=_abbreviation_type(abbr))

    en = b.sub(concept, b.names.lang, **{XML_LANG: "en"})
    sec = _term_sec(
        b, en, e.en, e.pos, PREFERRED, ttype=head_type or ("fullForm" if e.en_abbr else None)
    )
    if e.example_en:
        b.sub(sec, "descrip", e.example_en, type="context")
    for alt in unique(e.en_alt, [e.en]):
        _term_sec(b, en, alt, e.pos, ADMITTED, ttype="variant")
    for abbr in unique(e.en_abbr, [e.en]):
        _term_sec(b, en, abbr, e.pos, ADMITTED, ttype=_abbreviation_type(abbr))
    for wrong in unique(e.en_deprecated, [e.en]):
        _term_sec(b, en, wrong, e.pos, DEPRECATED)


def write_tbx(info: GlossaryInfo, entries: Iterable[Entry], *, version: str = "v3") -> str:
    """The glossary as TBX-Basic: ``version`` "v3" (ISO 30042:2019, DCA) or "2008" (martif)."""
    names = V3 if version == "v3" else V2008
    b = _Builder(names)
    etree = b.etree
    nsmap = {None: names.namespace} if names.namespace else None
    root = etree.Element(b.prefix + names.root, nsmap=nsmap)
    root.set("type", "TBX-Basic")
    if names is V3:
        root.set("style", "dca")
    root.set(XML_LANG, for_xml(info.source_lang or "de"))
    header = b.sub(root, names.header)
    file_desc = b.sub(header, "fileDesc")
    if info.title:
        b.sub(b.sub(file_desc, "titleStmt"), "title", info.title)
    source = b.sub(file_desc, "sourceDesc")
    b.sub(source, "p", "Exported by glossar (German→English glossary)")
    b.sub(source, "p", info.id, type="glossaryId")
    if info.version:
        b.sub(source, "p", info.version, type="glossaryVersion")
    if info.description:
        b.sub(source, "p", info.description, type="glossaryDescription")
    if names is V2008:
        encoding = b.sub(header, "encodingDesc")
        b.sub(encoding, "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    text = b.sub(root, "text")
    entries = list(entries)
    if entries or names is V2008:
        body = b.sub(text, "body")
        for entry in entries:
            _known_values(entry)
            try:
                _concept(b, body, entry)
            except ValueError as exc:  # lxml refuses NUL and other non-XML characters
                raise BadInputError(
                    _("entry {id}: cannot be written as XML: {why}").format(
                        id=repr(entry.id), why=exc
                    )
                ) from None
    data = etree.tostring(root, encoding="unicode", pretty_print=True)
    prolog = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if names is V2008:
        prolog += '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
    return prolog + data
