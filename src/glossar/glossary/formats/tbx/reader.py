"""Reading TBX-Basic: German–English entries from a TBX v3 or 2008 (``martif``) file.

The reader accepts both forms, any namespace (v3's ``ed-2``, other editions, none), DCT
style elements, ``tig``/``ntig``, ``usageStatus`` as well as ``administrativeStatus``, and
normalises whitespace in files that are not our own export. Our own export (it names a
``glossaryId``) is read verbatim, ``glossar:KEY=VALUE`` notes included
(see :mod:`.writer`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

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
from glossar.glossary.formats.tbx.names import (
    ABBREVIATION_TYPES,
    GENDER_FROM_TBX,
    LIST_HEADS,
    NOTE_PREFIX,
    POS_FROM_TBX,
    unique,
)
from glossar.glossary.model import Entry, GlossaryInfo
from glossar.i18n import _
from glossar.xmlsafe import XML_LANG, local_name, parse_xml_bytes

if TYPE_CHECKING:
    from lxml import etree


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
#: What a concept's own ``<descrip>`` may carry into an entry (its terms' contexts are
#: read per term).
_CONCEPT_DESCRIPS = frozenset({"definition", "subjectField"})
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
        #: Elements of German/English concepts read past, by kind (``<admin
        #: type="source">``, ``<xref>``, ``<transacGrp>``): the import says so.
        self.left_out: Counter[str] = Counter()

    def leave_out(self, el: etree._Element, kind: str, category: str) -> None:
        name = local_name(el)
        if name:  # (not a comment or a processing instruction)
            self.left_out[f'<{kind} type="{category}">' if category else f"<{name}>"] += 1

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
            self.problems.add(el.sourceline, _("<{tag}> without a term").format(tag=local_name(el)))
            return None
        for child in _flat(el):
            kind, category = _category(child)
            if kind == "termNote" and category in _TERMNOTE_CATEGORIES:
                term.notes.setdefault(category, normalise_space(self.text(child)))
            elif kind == "descrip" and category == "context":
                term.contexts.append(self.text(child))
            elif kind == "note":
                self.note(child, term.free_notes, term.tagged)
            elif kind != "term":
                self.leave_out(child, kind, category)
        term.set_status()
        return term

    def concept(self, el: etree._Element) -> _Concept:
        concept = _Concept(el.get("id", ""), el.sourceline or 0)
        for child in _flat(el):
            kind, category = _category(child)
            name = local_name(child)
            if kind == "descrip" and category in _CONCEPT_DESCRIPS:
                concept.descrips.setdefault(category, []).append(self.text(child))
            elif kind == "note":
                self.note(child, concept.free_notes, concept.tagged)
            elif name in ("langSec", "langSet"):
                lang = (child.get(XML_LANG) or child.get("lang") or "").strip()
                if not lang:
                    self.problems.add(
                        child.sourceline, _("<{tag}> without xml:lang").format(tag=name)
                    )
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
                    elif item_kind == "descrip" and item_cat == "definition":
                        descrips.setdefault(item_cat, []).append(self.text(item))
                    elif item_kind == "note":
                        self.note(item, notes, [])
                    elif code in ("de", "en"):
                        self.leave_out(item, item_kind, item_cat)
            else:
                self.leave_out(child, kind, category)
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
    #: the lines of nouns without a gender (counted among the entries kept, once
    #: repeats are merged: a review's "4" where 2 were imported)
    genderless_lines: set[int] = field(default_factory=set)
    german_deprecated: int = 0
    #: English terms a concept lists both to use and as deprecated, and the first one
    both_ways: int = 0
    first_both: str = ""
    #: Values glossar has no field for, kept as "other" or left out: (line, field, value)
    unknown: list[tuple[int, str, str]] = field(default_factory=list)
    #: Concept ids given twice or not usable as ids: (line, id in the file, id imported as)
    renamed: list[tuple[int, str, str]] = field(default_factory=list)


def _keep_what_is_used(
    data: dict[str, Any], head: str, deprecated: list[_Term], c: _Concept, counts: _Counts
) -> None:
    """Drop from ``data``'s deprecated English what the concept also uses, counted for
    the import's warning (the termbase contradicts itself; the use is kept)."""
    used = {head, *data["en_alt"], *data["en_abbr"]}
    both = [t for t in data["en_deprecated"] if t in used]
    if any(t.text == head for t in deprecated):
        both.insert(0, head)
    if both:
        counts.both_ways += len(both)
        first = (
            _("{term} in concept {id}").format(term=repr(both[0]), id=c.id)
            if c.id
            else _("{term} on line {line}").format(term=repr(both[0]), line=c.line)
        )
        counts.first_both = counts.first_both or first
        data["en_deprecated"] = [t for t in data["en_deprecated"] if t not in used]


def _entry_data(c: _Concept, verbatim: bool, counts: _Counts) -> dict[str, object] | str:
    """Plain entry data for a concept with German and English terms, or why it has none."""
    de_head, de_alt, de_abbr, de_dep = _split(c.langs["de"])
    en_head, en_alt, en_abbr, en_dep = _split(c.langs["en"])
    if de_head is None:
        return _("no usable German term (all deprecated)")
    if en_head is None:
        return _("no usable English term (all deprecated)")
    counts.german_deprecated += len(de_dep)
    tagged = dict(c.tagged)
    head_tags = de_head.tagged
    raw_pos = de_head.notes.get("partOfSpeech", "").replace(" ", "").lower()
    pos = POS_FROM_TBX.get(raw_pos, "other" if raw_pos else "noun")
    if raw_pos and raw_pos not in POS_FROM_TBX:
        counts.unknown.append((c.line, "partOfSpeech", de_head.notes["partOfSpeech"]))
    if de_head.notes.get("termType", "").lower() == "phrase":
        pos = "phrase"
    pos = tagged.get("pos", pos)
    raw_gender = de_head.notes.get("grammaticalGender", "")
    gender = GENDER_FROM_TBX.get(raw_gender.lower())
    if raw_gender and gender is None:
        counts.unknown.append((c.line, "grammaticalGender", raw_gender))
    if pos == "noun" and gender is None:
        pos = "other"  # our format needs a gender for nouns; TBX did not give one
        counts.genderless_lines.add(c.line)
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
    data["de_alt"] = unique((t.text for t in de_alt), [de_head.text])
    data["de_abbr"] = unique((t.text for t in de_abbr), [de_head.text])
    data["en"] = en_head.text
    data["en_alt"] = unique((t.text for t in en_alt), [en_head.text])
    data["en_abbr"] = unique((t.text for t in en_abbr), [en_head.text])
    data["en_deprecated"] = unique((t.text for t in en_dep), [en_head.text])
    for name, _head in LIST_HEADS:
        if name in tagged:  # the exact list, repeats included (see writer._concept)
            try:
                exact = json.loads(tagged[name])
            except (ValueError, RecursionError):
                return _("note {note}: not a JSON list").format(note=NOTE_PREFIX + name)
            data[name] = exact
    # a term both to use and to avoid: the termbase contradicts itself; the use is kept
    # (exact lists that are no lists of strings are refused by build_entry below)
    lists = [data[k] for k in ("en_alt", "en_abbr", "en_deprecated")]
    if all(isinstance(v, list) and all(isinstance(t, str) for t in v) for v in lists):
        _keep_what_is_used(data, en_head.text, en_dep, c, counts)
    if "literal" in tagged:
        data["literal"] = tagged["literal"]
    if "compound" in tagged:
        data["compound"] = tagged["compound"]
    for name in ("senses", "compound_except"):
        if name in tagged:
            try:
                data[name] = json.loads(tagged[name])
            except ValueError:
                return _("note {note}: not a JSON list").format(note=NOTE_PREFIX + name)
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
        raise BadInputError(
            _("{name}: not TBX: the root element is <{root}>").format(name=name, root=root_name)
        )
    problems = Problems(name)
    header = next((c for c in root if local_name(c) in ("tbxHeader", "martifHeader")), None)
    title, gloss_id, version, description = "", "", "", ""
    if header is not None:
        for el in header.iter():
            tag = local_name(el)
            if tag == "title" and not title:
                title = normalise_space("".join(el.itertext()))
            elif tag == "p" and el.get("type") == "glossaryId":
                gloss_id = (el.text or "").strip()
            elif tag == "p" and el.get("type") == "glossaryVersion":
                version = (el.text or "").strip()
            elif tag == "p" and el.get("type") == "glossaryDescription":
                description = "".join(el.itertext()).strip()
    verbatim = bool(gloss_id)  # our own export: text is exactly what we wrote
    if not gloss_id or not ID_RE.match(gloss_id):
        gloss_id = id_from_name(name)
    reader = _Reader(name, verbatim, problems)
    concepts = [reader.concept(el) for el in root.iter("{*}termEntry", "{*}conceptEntry")]
    languages = sorted({lang for c in concepts for lang in c.langs if c.langs[lang]})
    paired = [c for c in concepts if c.langs.get("de") and c.langs.get("en")]
    if not paired:
        problems.raise_if_any()
        found = ", ".join(map(_lang_name, languages)) or _("none")
        raise BadInputError(
            _("{name}: no German–English concepts: languages found {found} ({n} concepts)").format(
                name=name, found=found, n=len(concepts)
            )
        )
    info = GlossaryInfo(
        id=gloss_id, path=name, title=title, version=version, description=description
    )
    counts = _Counts(no_pair=len(concepts) - len(paired))
    taken: set[str] = set()
    entries: list[Entry] = []
    for c in paired:
        values = _entry_data(c, verbatim, counts)
        if isinstance(values, str):
            problems.add(
                c.line, _("concept {id}: {problem}").format(id=c.id or "?", problem=values)
            )
            continue
        own_id = c.id[1:] if c.id.startswith("_") else c.id
        if not (ID_RE.match(own_id) and own_id not in taken):
            own_id = slugify(str(values["de"]))
        values["id"] = unique_id(own_id, taken)
        if c.id and values["id"] != (c.id[1:] if c.id.startswith("_") else c.id):
            counts.renamed.append((c.line, c.id, str(values["id"])))
        where = f"concept {c.id}" if c.id else ""
        entry = build_entry(values, problems, line=c.line, glossary=gloss_id, where=where)
        if entry is not None:
            entries.append(entry)
    entries, repeats = _without_repeats(entries)
    genderless = sum(e.line in counts.genderless_lines for e in entries)
    check_unique(entries, problems)
    problems.raise_if_any()
    warnings = []
    if repeats:
        warnings.append(
            _(
                "{name}: concepts that repeat an earlier one word for word, merged into it: "
                "{n} (first: line {line}, as line {first})"
            ).format(name=name, n=len(repeats), line=repeats[0][0], first=repeats[0][1])
        )
    if counts.no_pair:
        warnings.append(
            _(
                "{name}: {n} of {total} concepts have no German or no English term and were skipped"
            ).format(name=name, n=counts.no_pair, total=len(concepts))
        )
    if genderless:
        warnings.append(
            _(
                "{name}: German nouns without a grammatical gender, imported as pos 'other' "
                "(add a gender to make them nouns): {n}"
            ).format(name=name, n=genderless)
        )
    if counts.both_ways:
        warnings.append(
            _(
                "{name}: English terms marked both to use and deprecated in one concept: "
                "{n} (first: {first}); imported as terms to use"
            ).format(name=name, n=counts.both_ways, first=counts.first_both)
        )
    if counts.unknown:
        line, what, value = counts.unknown[0]
        warnings.append(
            _(
                "{name}: values glossar has no field for, left out (a part of speech as "
                "'other'): {n} (first: line {line}: {what} {value})"
            ).format(name=name, n=len(counts.unknown), line=line, what=what, value=repr(value))
        )
    if counts.renamed:
        line, given, made = counts.renamed[0]
        warnings.append(
            _(
                "{name}: concept ids given twice or not valid as ids, imported under other "
                "ids: {n} (first: line {line}: {given} as {made})"
            ).format(
                name=name, n=len(counts.renamed), line=line, given=repr(given), made=repr(made)
            )
        )
    if reader.left_out:
        kinds = ", ".join(f"{kind} {n}" for kind, n in reader.left_out.most_common(4))
        more = len(reader.left_out) - 4
        if more > 0:
            kinds += ", " + _("{n} more kinds").format(n=more)
        warnings.append(
            _("{name}: TBX data glossar has no field for, left out: {n} elements ({kinds})").format(
                name=name, n=sum(reader.left_out.values()), kinds=kinds
            )
        )
    if counts.german_deprecated:
        warnings.append(
            _(
                "{name}: {n} deprecated German terms were left out (our glossary has no field "
                "for them)"
            ).format(name=name, n=counts.german_deprecated)
        )
    return ReadResult(info, entries, warnings)


def _without_repeats(entries: list[Entry]) -> tuple[list[Entry], list[tuple[int, int]]]:
    """``entries`` without those that repeat an earlier one in every field but its id,
    and (line, line of the earlier one) for each left out. A termbase exported from
    several projects holds one concept several times (a tester's TBX 2008 file: world
    and mundo three times), which made the whole import fail on the shared spelling."""
    first: dict[Entry, Entry] = {}
    kept: list[Entry] = []
    repeats: list[tuple[int, int]] = []
    for entry in entries:
        key = replace(entry, id="")
        earlier = first.get(key)
        if earlier is None:
            first[key] = entry
            kept.append(entry)
        else:
            repeats.append((entry.line, earlier.line))
    return kept, repeats
