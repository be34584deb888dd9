"""TBX-Basic glossaries: TBX v3 (ISO 30042:2019, DCA style) and the 2008 ``martif`` form.

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

The reader accepts both forms, any namespace (v3's ``ed-2``, other editions, none), DCT
style elements, ``tig``/``ntig``, ``usageStatus`` as well as ``administrativeStatus``, and
normalises whitespace in files that are not our own export.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from glossar.errors import BadInputError
from glossar.glossary.formats.entries import (
    ID_RE,
    Problems,
    ReadResult,
    build_entry,
    check_unique,
    id_from_name,
    normalise_space,
    slugify,
    unique_id,
)
from glossar.glossary.model import Entry, GlossaryInfo
from glossar.neutralise import for_xml
from glossar.xmlsafe import XML_LANG, local_name, parse_xml_bytes

if TYPE_CHECKING:
    from lxml import etree

TBX_NS = "urn:iso:std:iso:30042:ed-2"
NOTE_PREFIX = "glossar:"

GENDER_TO_TBX = {"m": "masculine", "f": "feminine", "n": "neuter"}
GENDER_FROM_TBX = {v: k for k, v in GENDER_TO_TBX.items()}
POS_TO_TBX = {
    "noun": "noun",
    "proper-noun": "noun",
    "verb": "verb",
    "adjective": "adjective",
    "adverb": "adverb",
    "phrase": "other",
    "other": "other",
}
POS_FROM_TBX = {
    "noun": "noun",
    "propernoun": "proper-noun",
    "proper-noun": "proper-noun",
    "verb": "verb",
    "adjective": "adjective",
    "adverb": "adverb",
    "other": "other",
}
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
ABBREVIATION_TYPES = frozenset(
    {"abbreviation", "acronym", "shortform", "initialism", "clippedterm", "shortcut"}
)


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


# ---------------------------------------------------------------- writing


def _xml_id(entry_id: str) -> str:
    """An XML ID (an NCName) for an entry id; ids starting with a digit get a ``_``."""
    return f"_{entry_id}" if entry_id[:1].isdigit() else entry_id


_LIST_HEADS = (
    ("de_alt", "de"),
    ("de_abbr", "de"),
    ("en_alt", "en"),
    ("en_abbr", "en"),
    ("en_deprecated", "en"),
)


def _unique(items: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """``items`` without repeats and without anything in ``exclude``, in order."""
    seen = set(exclude)
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


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
    for name, head in _LIST_HEADS:
        values = getattr(e, name)
        if _unique(values, [getattr(e, head)]) != list(values):
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
    for variant in _unique(e.de_alt, [e.de]):
        _term_sec(b, de, variant, e.pos, ADMITTED, ttype="variant")
    for abbr in _unique(e.de_abbr, [e.de]):
        _term_sec(b, de, abbr, e.pos, ADMITTED, ttype=_abbreviation_type(abbr))

    en = b.sub(concept, b.names.lang, **{XML_LANG: "en"})
    sec = _term_sec(
        b, en, e.en, e.pos, PREFERRED, ttype=head_type or ("fullForm" if e.en_abbr else None)
    )
    if e.example_en:
        b.sub(sec, "descrip", e.example_en, type="context")
    for alt in _unique(e.en_alt, [e.en]):
        _term_sec(b, en, alt, e.pos, ADMITTED, ttype="variant")
    for abbr in _unique(e.en_abbr, [e.en]):
        _term_sec(b, en, abbr, e.pos, ADMITTED, ttype=_abbreviation_type(abbr))
    for wrong in _unique(e.en_deprecated, [e.en]):
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
    if names is V2008:
        encoding = b.sub(header, "encodingDesc")
        b.sub(encoding, "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    text = b.sub(root, "text")
    entries = list(entries)
    if entries or names is V2008:
        body = b.sub(text, "body")
        for entry in entries:
            try:
                _concept(b, body, entry)
            except ValueError as exc:  # lxml refuses NUL and other non-XML characters
                raise BadInputError(
                    f"entry {entry.id!r}: cannot be written as XML: {exc}"
                ) from None
    data = etree.tostring(root, encoding="unicode", pretty_print=True)
    prolog = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if names is V2008:
        prolog += '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
    return prolog + data


# ---------------------------------------------------------------- reading


@dataclass
class _Term:
    text: str
    line: int
    notes: dict[str, str] = field(default_factory=dict)  # data category -> value
    contexts: list[str] = field(default_factory=list)
    free_notes: list[str] = field(default_factory=list)
    tagged: list[tuple[str, str]] = field(default_factory=list)  # glossar:KEY=VALUE notes

    status: str = ""  # preferred, admitted, deprecated or '' (set by set_status)

    def set_status(self) -> None:
        """From administrativeStatus or usageStatus, whatever vocabulary the tool used."""
        raw = self.notes.get("administrativeStatus") or self.notes.get("usageStatus") or ""
        raw = raw.lower()
        if any(w in raw for w in ("deprecated", "superseded", "forbidden", "obsolete")):
            self.status = "deprecated"
        elif any(w in raw for w in ("preferred", "standardized")):
            self.status = "preferred"
        else:
            self.status = "admitted" if raw else ""

    @property
    def is_abbreviation(self) -> bool:
        return self.notes.get("termType", "").lower() in ABBREVIATION_TYPES


@dataclass
class _Concept:
    id: str
    line: int
    descrips: dict[str, list[str]] = field(default_factory=dict)
    free_notes: list[str] = field(default_factory=list)
    tagged: list[tuple[str, str]] = field(default_factory=list)
    langs: dict[str, list[_Term]] = field(default_factory=dict)
    lang_descrips: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    lang_notes: dict[str, list[str]] = field(default_factory=dict)


_DESCRIP_CATEGORIES = frozenset({"definition", "subjectField", "context"})
_TERMNOTE_CATEGORIES = frozenset(
    {"partOfSpeech", "grammaticalGender", "termType", "administrativeStatus", "usageStatus"}
)


def _flat(el: etree._Element) -> Iterator[etree._Element]:
    """Children of ``el`` with ``…Grp`` wrappers (descripGrp, termNoteGrp, termGrp) opened."""
    for child in el:
        name = local_name(child)
        if name.endswith("Grp") and name not in ("transacGrp", "adminGrp"):
            yield from _flat(child)
        elif name:
            yield child


def _category(el: etree._Element) -> tuple[str, str]:
    """(element kind, data category): ``<termNote type="x">`` and DCT ``<x>`` alike."""
    name = local_name(el)
    if name in ("termNote", "descrip", "admin", "note", "term"):
        return name, el.get("type", "")
    if name in _TERMNOTE_CATEGORIES:
        return "termNote", name
    if name in _DESCRIP_CATEGORIES:
        return "descrip", name
    return name, ""


class _Reader:
    def __init__(self, name: str, verbatim: bool, problems: Problems):
        self.name = name
        self.verbatim = verbatim
        self.problems = problems

    def text(self, el: etree._Element) -> str:
        value = "".join(el.itertext()) if len(el) else (el.text or "")
        return value if self.verbatim else normalise_space(value)

    def note(self, el: etree._Element, free: list[str], tagged: list[tuple[str, str]]) -> None:
        value = self.text(el)
        if value.startswith(NOTE_PREFIX) and "=" in value:
            key, _, rest = value[len(NOTE_PREFIX) :].partition("=")
            if re.fullmatch(r"[a-z_]+", key):
                tagged.append((key, rest))
                return
        if value:
            free.append(value)

    def term(self, el: etree._Element) -> _Term | None:
        term: _Term | None = None
        for child in _flat(el):
            kind, category = _category(child)
            if kind == "term":
                term = _Term(self.text(child), child.sourceline or 0)
                break
        if term is None or not term.text:
            self.problems.add(el.sourceline, f"<{local_name(el)}> without a term")
            return None
        for child in _flat(el):
            kind, category = _category(child)
            if kind == "termNote" and category:
                term.notes.setdefault(category, normalise_space(self.text(child)))
            elif kind == "descrip" and category == "context":
                term.contexts.append(self.text(child))
            elif kind == "note":
                self.note(child, term.free_notes, term.tagged)
        term.set_status()
        return term

    def concept(self, el: etree._Element) -> _Concept:
        concept = _Concept(el.get("id", ""), el.sourceline or 0)
        for child in _flat(el):
            kind, category = _category(child)
            name = local_name(child)
            if kind == "descrip" and category:
                concept.descrips.setdefault(category, []).append(self.text(child))
            elif kind == "note":
                self.note(child, concept.free_notes, concept.tagged)
            elif name in ("langSec", "langSet"):
                lang = (child.get(XML_LANG) or child.get("lang") or "").strip()
                if not lang:
                    self.problems.add(child.sourceline, f"<{name}> without xml:lang")
                    continue
                code = re.split(r"[-_]", lang)[0].lower()
                terms = concept.langs.setdefault(code, [])
                descrips = concept.lang_descrips.setdefault(code, {})
                notes = concept.lang_notes.setdefault(code, [])
                for item in _flat(child):
                    item_kind, item_cat = _category(item)
                    item_name = local_name(item)
                    if item_name in ("termSec", "tig", "ntig"):
                        term = self.term(item)
                        if term is not None:
                            terms.append(term)
                    elif item_kind == "descrip" and item_cat:
                        descrips.setdefault(item_cat, []).append(self.text(item))
                    elif item_kind == "note":
                        self.note(item, notes, [])
        return concept


def _split(terms: list[_Term]) -> tuple[_Term | None, list[_Term], list[_Term], list[_Term]]:
    """(preferred, admitted variants, abbreviations, deprecated) of one language's terms."""
    usable = [t for t in terms if t.status != "deprecated"]
    deprecated = [t for t in terms if t.status == "deprecated"]
    head = next((t for t in usable if t.status == "preferred"), None)
    if head is None:
        head = next((t for t in usable if not t.is_abbreviation), usable[0] if usable else None)
    rest = [t for t in usable if t is not head]
    return (
        head,
        [t for t in rest if not t.is_abbreviation],
        [t for t in rest if t.is_abbreviation],
        deprecated,
    )


@dataclass
class _Counts:
    no_pair: int = 0
    genderless: int = 0
    german_deprecated: int = 0


def _entry_data(c: _Concept, verbatim: bool, counts: _Counts) -> dict[str, object] | str:
    """Plain entry data for a concept with German and English terms, or why it has none."""
    de_head, de_alt, de_abbr, de_dep = _split(c.langs["de"])
    en_head, en_alt, en_abbr, en_dep = _split(c.langs["en"])
    if de_head is None:
        return "no usable German term (all deprecated)"
    if en_head is None:
        return "no usable English term (all deprecated)"
    counts.german_deprecated += len(de_dep)
    tagged = dict(c.tagged)
    head_tags = de_head.tagged
    raw_pos = de_head.notes.get("partOfSpeech", "").replace(" ", "").lower()
    pos = POS_FROM_TBX.get(raw_pos, "other" if raw_pos else "noun")
    if de_head.notes.get("termType", "").lower() == "phrase":
        pos = "phrase"
    pos = tagged.get("pos", pos)
    gender = GENDER_FROM_TBX.get(de_head.notes.get("grammaticalGender", "").lower())
    if pos == "noun" and gender is None:
        pos = "other"  # our format needs a gender for nouns; TBX did not give one
        counts.genderless += 1
    data: dict[str, object] = {"de": de_head.text, "pos": pos}
    if gender:
        data["gender"] = gender
    if "kind" in tagged:
        data["kind"] = tagged["kind"]
    for key in ("plural", "genitive"):
        value = next((v for k, v in head_tags if k == key), None)
        if value:
            data[key] = value
    data["forms"] = [v for k, v in head_tags if k == "form"]
    data["de_alt"] = _unique((t.text for t in de_alt), [de_head.text])
    data["de_abbr"] = _unique((t.text for t in de_abbr), [de_head.text])
    data["en"] = en_head.text
    data["en_alt"] = _unique((t.text for t in en_alt), [en_head.text])
    data["en_abbr"] = _unique((t.text for t in en_abbr), [en_head.text])
    data["en_deprecated"] = _unique((t.text for t in en_dep), [en_head.text])
    for name, _head in _LIST_HEADS:
        if name in tagged:  # the exact list, repeats included (see _concept)
            try:
                exact = json.loads(tagged[name])
            except (ValueError, RecursionError):
                return f"note {NOTE_PREFIX}{name}: not a JSON list"
            data[name] = exact
    if "literal" in tagged:
        data["literal"] = tagged["literal"]
    if "compound" in tagged:
        data["compound"] = tagged["compound"]
    for name in ("senses", "compound_except"):
        if name in tagged:
            try:
                data[name] = json.loads(tagged[name])
            except ValueError:
                return f"note {NOTE_PREFIX}{name}: not a JSON list"
    definitions = [
        d
        for d in (
            *c.descrips.get("definition", ()),
            *c.lang_descrips.get("en", {}).get("definition", ()),
            *c.lang_descrips.get("de", {}).get("definition", ()),
        )
        if d.strip(" -")
    ]
    if definitions:
        data["definition"] = definitions[0]
    notes = list(c.free_notes)
    if "note" in tagged:
        notes.insert(0, tagged["note"])
    if not verbatim:  # other tools keep notes on languages and terms too
        for lang in ("de", "en"):
            notes += c.lang_notes.get(lang, [])
        for term in (*c.langs["de"], *c.langs["en"]):
            notes += [f"{term.text}: {n}" for n in term.free_notes]
    if notes:
        data["note"] = "\n".join(notes)
    fields_ = [d for d in c.descrips.get("subjectField", ()) if d.strip(" -")]
    if fields_:
        data["domain"] = fields_[0]
    if de_head.contexts:
        data["example_de"] = de_head.contexts[0]
    if en_head.contexts:
        data["example_en"] = en_head.contexts[0]
    return {k: v for k, v in data.items() if v not in ("", [], None)}


def _lang_name(code: str) -> str:
    return code or "?"


def read(data: bytes, name: str) -> ReadResult:
    """German–English entries from a TBX file of either version; problems as FILE:LINE."""
    root = parse_xml_bytes(data, name)
    root_name = local_name(root)
    if root_name not in ("tbx", "martif"):
        raise BadInputError(f"{name}: not TBX: the root element is <{root_name}>")
    problems = Problems(name)
    header = next((c for c in root if local_name(c) in ("tbxHeader", "martifHeader")), None)
    title, gloss_id, version = "", "", ""
    if header is not None:
        for el in header.iter():
            tag = local_name(el)
            if tag == "title" and not title:
                title = normalise_space("".join(el.itertext()))
            elif tag == "p" and el.get("type") == "glossaryId":
                gloss_id = (el.text or "").strip()
            elif tag == "p" and el.get("type") == "glossaryVersion":
                version = (el.text or "").strip()
    verbatim = bool(gloss_id)  # our own export: text is exactly what we wrote
    if not gloss_id or not ID_RE.match(gloss_id):
        gloss_id = id_from_name(name)
    reader = _Reader(name, verbatim, problems)
    concepts = [reader.concept(el) for el in root.iter("{*}termEntry", "{*}conceptEntry")]
    languages = sorted({lang for c in concepts for lang in c.langs if c.langs[lang]})
    paired = [c for c in concepts if c.langs.get("de") and c.langs.get("en")]
    if not paired:
        problems.raise_if_any()
        found = ", ".join(map(_lang_name, languages)) or "none"
        raise BadInputError(
            f"{name}: no German–English concepts: languages found {found} "
            f"({len(concepts)} concepts)"
        )
    info = GlossaryInfo(id=gloss_id, path=name, title=title, version=version)
    counts = _Counts(no_pair=len(concepts) - len(paired))
    taken: set[str] = set()
    entries: list[Entry] = []
    for c in paired:
        values = _entry_data(c, verbatim, counts)
        if isinstance(values, str):
            problems.add(c.line, f"concept {c.id or '?'}: {values}")
            continue
        own_id = c.id[1:] if c.id.startswith("_") else c.id
        if not (ID_RE.match(own_id) and own_id not in taken):
            own_id = slugify(str(values["de"]))
        values["id"] = unique_id(own_id, taken)
        where = f"concept {c.id}" if c.id else ""
        entry = build_entry(values, problems, line=c.line, glossary=gloss_id, where=where)
        if entry is not None:
            entries.append(entry)
    check_unique(entries, problems)
    problems.raise_if_any()
    warnings = []
    if counts.no_pair:
        warnings.append(
            f"{name}: {counts.no_pair} of {len(concepts)} concepts have no German or no "
            "English term and were skipped"
        )
    if counts.genderless:
        warnings.append(
            f"{name}: {counts.genderless} German nouns without a grammatical gender were "
            "imported as pos 'other' (add a gender to make them nouns)"
        )
    if counts.german_deprecated:
        warnings.append(
            f"{name}: {counts.german_deprecated} deprecated German terms were left out "
            "(our glossary has no field for them)"
        )
    return ReadResult(info, entries, warnings)
