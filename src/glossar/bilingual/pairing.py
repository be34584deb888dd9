"""Pairing: each German sentence with its machine translation, reference and glossary terms.

This is the top of the pipeline (text → segments → terms → translation → bilingual
document); renderers in :mod:`glossar.bilingual.render` turn the result into pages and files.
The machine translation and the reference are kept apart everywhere: ``en_mt`` is what
the installed model produced, ``en_ref`` is the document's own reference translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from glossar.bilingual.document import Article
from glossar.errors import NoModelError

if TYPE_CHECKING:
    from glossar.glossary.model import Entry, Glossary
    from glossar.terms.match import TermMatch

#: Why a document has no MT column.
MT_OK, MT_NO_MODEL, MT_DISABLED = "ok", "no-model", "disabled"


@dataclass(frozen=True, slots=True)
class MtInfo:
    """Which engine and model produced the ``en_mt`` column (for reproducibility)."""

    engine: str
    model: str
    version: str = ""
    beam: int = 4

    def to_dict(self) -> dict[str, object]:
        return {
            "engine": self.engine,
            "model": self.model,
            "version": self.version,
            "beam": self.beam,
        }


@dataclass(slots=True)
class Pair:
    """One German sentence with its English sides and the glossary terms in it.

    Term offsets are relative to ``de``.
    """

    de: str
    en_mt: str | None
    en_ref: str | None
    terms: list[TermMatch]
    block: str = "paragraph"
    paragraph: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "de": self.de,
            "en_mt": self.en_mt,
            "en_ref": self.en_ref,
            "terms": [t.to_dict() for t in self.terms],
            "block": self.block,
            "paragraph": self.paragraph,
        }


@dataclass(slots=True)
class BilingualDocument:
    """A document paired sentence by sentence, with where every column came from."""

    title: str | None
    pairs: list[Pair]
    mt: MtInfo | None = None
    #: "ok", "no-model" (nothing installed) or "disabled" (asked not to translate).
    mt_status: str = MT_DISABLED
    #: label of the reference column, None when the document has no reference.
    reference_label: str | None = None
    title_en_ref: str | None = None
    #: glossary entries that occur in the document, in order of first occurrence.
    glossary: list[Entry] = field(default_factory=list)
    glossary_signature: str = ""
    author: str | None = None
    place: str | None = None
    source: str = ""
    source_lang: str = "de"
    target_lang: str = "en"

    @property
    def has_reference(self) -> bool:
        return any(p.en_ref for p in self.pairs)

    def blocks(self) -> list[tuple[str, list[Pair]]]:
        """Pairs grouped by block (paragraph), each with its block type."""
        out: list[tuple[str, list[Pair]]] = []
        last: int | None = None
        for p in self.pairs:
            if p.paragraph != last:
                out.append((p.block, []))
                last = p.paragraph
            out[-1][1].append(p)
        return out

    def term_counts(self) -> dict[str, int]:
        """How often each glossary entry occurs in the German, by id."""
        counts: dict[str, int] = {}
        for p in self.pairs:
            for t in p.terms:
                counts[t.entry.id] = counts.get(t.entry.id, 0) + 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape, plus labelled extras (``block``, ``reference``, …)."""
        counts = self.term_counts()
        return {
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "title": self.title,
            "mt": self.mt.to_dict() if self.mt else None,
            "pairs": [p.to_dict() for p in self.pairs],
            "glossary": [
                {"id": e.id, "de": e.de, "en": e.en, "occurrences": counts.get(e.id, 0)}
                for e in self.glossary
            ],
            "mt_status": self.mt_status,
            "reference": (
                {"label": self.reference_label, "origin": "reference", "title": self.title_en_ref}
                if self.reference_label
                else None
            ),
            "meta": {
                k: v
                for k, v in (
                    ("author", self.author),
                    ("place", self.place),
                    ("source", self.source),
                )
                if v
            },
            "glossary_signature": self.glossary_signature,
        }


def _translate(
    sentences: list[str], glossary: Glossary, beam: int, engine: Any = None
) -> tuple[MtInfo, list[str]]:
    """Machine-translate the sentences with the installed model, enforcing the glossary."""
    from glossar.mt import translate_sentences

    model, segments = translate_sentences(sentences, glossary=glossary, beam=beam, engine=engine)
    info = MtInfo(
        engine=getattr(engine, "name", "argos") if engine is not None else "argos",
        model=model.name,
        version=str(model.version or ""),
        beam=beam,
    )
    return info, [s.target for s in segments]


def pair_document(
    doc: Article,
    *,
    glossary: Glossary,
    translate: bool | None = None,
    beam: int = 4,
    engine: Any = None,
) -> BilingualDocument:
    """Pair every sentence of ``doc`` with its MT, reference and glossary terms.

    ``translate=None`` translates when a de→en model is installed and otherwise carries
    on without MT (``mt_status="no-model"``); ``True`` insists (raises
    :class:`~glossar.errors.NoModelError`); ``False`` never loads the MT stack.
    ``engine`` replaces the installed model (any :class:`glossar.mt.engine.Engine`).
    """
    from glossar.terms.recognise import find_terms

    german = [s.de for s in doc.sentences]
    mt: MtInfo | None = None
    en_mt: list[str | None] = [None] * len(german)
    status = MT_DISABLED
    if translate is not False and german:
        try:
            mt, targets = _translate(german, glossary, beam, engine)
            en_mt = list(targets)
            status = MT_OK
        except NoModelError:
            if translate:
                raise
            status = MT_NO_MODEL

    pairs: list[Pair] = []
    used: dict[str, Entry] = {}
    for sentence, target in zip(doc.sentences, en_mt, strict=True):
        terms = list(find_terms(sentence.de, glossary))
        for t in terms:
            used.setdefault(t.entry.id, t.entry)
        pairs.append(
            Pair(
                de=sentence.de,
                en_mt=target,
                en_ref=sentence.en_ref,
                terms=terms,
                block=sentence.block,
                paragraph=sentence.paragraph,
            )
        )
    return BilingualDocument(
        title=doc.title,
        pairs=pairs,
        mt=mt,
        mt_status=status,
        reference_label=doc.reference_label,
        title_en_ref=doc.title_en_ref,
        glossary=list(used.values()),
        glossary_signature=glossary.signature,
        author=doc.author,
        place=doc.place,
        source=doc.source,
    )
