"""Pairing: each German sentence with its machine translation, reference and glossary terms.

This is the top of the pipeline (text → segments → terms → translation → bilingual
document); renderers in :mod:`glossar.bilingual.render` turn the result into pages and files.
The machine translation and the reference are kept apart everywhere: ``en_mt`` is what
the installed model produced, ``en_ref`` is the document's own reference translation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from glossar.bilingual.document import Article
from glossar.errors import NoModelError
from glossar.glossary.model import Entry, Glossary  # at run time: typing.get_type_hints

if TYPE_CHECKING:
    from glossar.mt.checks import TermCheck
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
    #: the model's training domain when its package names one ("captions")
    domain: str = ""

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "engine": self.engine,
            "model": self.model,
            "version": self.version,
            "beam": self.beam,
        }
        if self.domain:
            out["domain"] = self.domain
        return out


@dataclass(slots=True)
class Pair:
    """One German sentence with its English sides and the glossary terms in it.

    Term offsets are relative to ``de``. ``checks`` are the enforcing translation's
    verdicts on ``en_mt`` (one per entry and expected English; empty without MT).
    """

    de: str
    en_mt: str | None
    en_ref: str | None
    terms: list[TermMatch]
    block: str = "paragraph"
    paragraph: int = 0
    checks: list[TermCheck] = field(default_factory=list)

    def check(self, term: TermMatch) -> TermCheck | None:
        """Whether and how ``term`` reached the MT (None: no MT, or not enforced)."""
        for c in self.checks:
            if c.id == term.entry.id and c.en == term.english:
                return c
        return None

    def term_dict(self, term: TermMatch) -> dict[str, object]:
        """The contract's term object: the span plus ``found``/``method`` (null without MT)
        and ``expected``, the English this occurrence should become (``en`` is the entry's
        preferred English: an abbreviation's hit expects its abbreviation, OVKS → CSTO),
        which ``found`` looks for in ``en_mt`` first."""
        c = self.check(term)
        return {
            **term.to_dict(self.de),  # (a split verb's "apart" too)
            "expected": term.english,
            "found": c.found if c else None,
            "method": c.method if c else None,
        }

    @property
    def mt_numbers(self) -> list[Any]:
        """The German's numbers the MT lost or changed (:func:`glossar.mt.numbers_lost`;
        none without MT): glossary enforcement guards terms, not numbers."""
        if not self.en_mt:
            return []
        from glossar.mt.translation import numbers_lost

        return numbers_lost(self.de, self.en_mt)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "de": self.de,
            "en_mt": self.en_mt,
            "en_ref": self.en_ref,
            "terms": [self.term_dict(t) for t in self.terms],
            "block": self.block,
            "paragraph": self.paragraph,
        }
        numbers = self.mt_numbers
        if numbers:  # only where there is one: the contract's shape stays otherwise
            out["mt_numbers"] = [
                {"de": p.de, "expected": p.expected, "found": p.found, "message": p.message}
                for p in numbers
            ]
        return out


class DocumentHead(Protocol):
    """What a renderer writes before the first pair: known before any pair is read."""

    @property
    def title(self) -> str | None: ...
    @property
    def mt(self) -> MtInfo | None: ...
    @property
    def mt_status(self) -> str: ...
    @property
    def reference_label(self) -> str | None: ...
    @property
    def title_en_ref(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...
    @property
    def place(self) -> str | None: ...
    @property
    def source(self) -> str: ...
    @property
    def source_lang(self) -> str: ...
    @property
    def target_lang(self) -> str: ...
    @property
    def glossary_signature(self) -> str: ...
    @property
    def has_reference(self) -> bool: ...


class PairedDocument(DocumentHead, Protocol):
    """What a renderer reads: a :class:`BilingualDocument` (its pairs in a list) or a
    streamed one (:class:`glossar.bilingual.stream.StreamedDocument`: pairs as they are
    made, read once; ``glossary`` and :meth:`term_counts` are complete once they are)."""

    @property
    def pairs(self) -> Iterable[Pair]: ...
    @property
    def glossary(self) -> list[Entry]: ...
    def term_counts(self) -> dict[str, int]: ...


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
    sentences: list[str],
    glossary: Glossary | None,
    beam: int,
    engine: Any,
    terms: list[list[TermMatch]],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[MtInfo, list[tuple[str, list[TermCheck]]]]:
    """Machine-translate the sentences, enforcing the glossary on the ``terms`` found already.

    Returns the model that ran and, per sentence, its English and the per-term checks.
    """
    from glossar.mt import translate_sentences

    known = dict(zip(sentences, terms, strict=True))

    def recognised(text: str, glossary_: Glossary | None) -> list[TermMatch]:
        found = known.get(text)  # every sentence was recognised once, before translation
        if found is None:
            # a wrapped sentence reaches the model as one line (mt.translation): the
            # terms of that line, with offsets into it
            from glossar.terms.recognise import find_terms

            return find_terms(text, glossary_) if glossary_ is not None else []
        return list(found)

    model, segments = translate_sentences(
        sentences,
        glossary=glossary,
        beam=beam,
        engine=engine,
        recognise=recognised,
        progress=progress,
    )
    info = MtInfo(
        engine=getattr(engine, "name", "argos") if engine is not None else "argos",
        model=model.name,
        version=str(model.version or ""),
        beam=beam,
        domain=model.domain,
    )
    return info, [(s.target, s.terms) for s in segments]


def pair_document(
    doc: Article,
    *,
    glossary: Glossary | None,
    translate: bool | None = None,
    beam: int = 4,
    engine: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> BilingualDocument:
    """Pair every sentence of ``doc`` with its MT, reference and glossary terms.

    ``translate=None`` translates when a de→en model is installed and otherwise carries
    on without MT (``mt_status="no-model"``); ``True`` insists (raises
    :class:`~glossar.errors.NoModelError`); ``False`` never loads the MT stack.
    ``engine`` replaces the installed model (any :class:`glossar.mt.engine.Engine`).
    ``progress(done, total)`` is called as the model translates sentences.
    Each sentence is recognised once: the enforcing translation reuses the matches, and
    its per-term checks (found, method) travel in each :class:`Pair`.
    """
    from glossar.arguments import beam_argument, glossary_argument, instance_argument
    from glossar.terms.recognise import find_terms

    instance_argument(doc, Article, "doc", "glossar.document_from_text(...) gives one")
    glossary_argument(glossary)
    beam = beam_argument(beam)
    german = [s.de for s in doc.sentences]
    # the only recognition pass; no glossary, no terms
    found = [list(find_terms(de, glossary)) if glossary is not None else [] for de in german]
    mt: MtInfo | None = None
    en_mt: list[str | None] = [None] * len(german)
    checks: list[list[TermCheck]] = [[] for _ in german]
    status = MT_DISABLED
    if translate is not False and german:
        try:
            mt, translated = _translate(german, glossary, beam, engine, found, progress)
            en_mt = [target for target, _checks in translated]
            checks = [list(c) for _target, c in translated]
            status = MT_OK
        except NoModelError:
            if translate:
                raise
            status = MT_NO_MODEL

    pairs: list[Pair] = []
    used: dict[str, Entry] = {}
    for sentence, target, terms, verdicts in zip(doc.sentences, en_mt, found, checks, strict=True):
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
                checks=verdicts,
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
        glossary_signature=glossary.signature if glossary is not None else "",
        author=doc.author,
        place=doc.place,
        source=doc.source,
    )
