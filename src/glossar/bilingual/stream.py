"""A German text of any size paired piece by piece, in memory bounded by a piece.

:func:`pair_document` needs the whole :class:`~glossar.bilingual.document.Article`;
for a plain-text file ``glossar article`` uses :func:`stream_document` instead: the text
arrives in pieces (:mod:`glossar.text.stream`), each piece is segmented, recognised and
translated on its own, and the pairs come out as they are made. What the whole document
needs (the title, which model runs; the glossary entries used and their counts) is known
before the first pair or totalled on the way. A :class:`StreamedDocument` is what every
renderer reads (:class:`~glossar.bilingual.pairing.PairedDocument`), so each format is
written pair by pair, byte for byte what the whole document would give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from glossar.bilingual.document import Article, Sentence, _looks_like_heading
from glossar.bilingual.pairing import MT_DISABLED, MT_NO_MODEL, MT_OK, MtInfo, Pair, pair_document
from glossar.errors import NoModelError
from glossar.text.stream import Piece

if TYPE_CHECKING:
    from glossar.glossary.model import Entry, Glossary


@dataclass(slots=True)
class StreamedDocument:
    """A plain text's paired document, read once: ``head`` (the JSON before the pairs),
    ``pairs`` (an iterator) and :meth:`tail` (the JSON after them). ``glossary`` and
    :meth:`term_counts` are complete once the pairs are consumed. A plain text has no
    reference, author or place."""

    head: dict[str, Any]
    pairs: Iterator[Pair]
    mt_status: str
    glossary_signature: str
    source: str
    mt: MtInfo | None = None
    title: str | None = None
    used: dict[str, Entry] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    reference_label: str | None = None
    title_en_ref: str | None = None
    author: str | None = None
    place: str | None = None
    source_lang: str = "de"
    target_lang: str = "en"

    @property
    def has_reference(self) -> bool:
        return False

    @property
    def glossary(self) -> list[Entry]:
        """Entries that occurred so far, in order of first occurrence."""
        return list(self.used.values())

    def term_counts(self) -> dict[str, int]:
        """How often each entry occurred so far, by id."""
        return dict(self.counts)

    def tail(self) -> dict[str, Any]:
        """What follows the pairs in ``BilingualDocument.to_dict`` for a plain text."""
        return {
            "glossary": [
                {"id": e.id, "de": e.de, "en": e.en, "occurrences": self.counts.get(e.id, 0)}
                for e in self.used.values()
            ],
            "mt_status": self.mt_status,
            "reference": None,
            "meta": {"source": self.source} if self.source else {},
            "glossary_signature": self.glossary_signature,
        }


def _sentences(
    piece: Piece, *, first_piece: bool, continues: bool, previous: str = ""
) -> list[Sentence]:
    """The piece's sentences typed as :func:`document_from_text` types them
    (``previous``: the text before, when a paragraph of one segment: a closing formula
    above a name)."""
    segments = list(piece.sentences())
    counts: dict[int, int] = {}
    for seg in segments:
        counts[seg.paragraph] = counts.get(seg.paragraph, 0) + 1
    out: list[Sentence] = []
    for k, seg in enumerate(segments):
        single = counts[seg.paragraph] == 1 and not (continues and seg.paragraph == piece.paragraph)
        if k:
            before = segments[k - 1].text if counts[segments[k - 1].paragraph] == 1 else ""
        else:
            before = "" if continues else previous
        kind = "heading" if single and _looks_like_heading(seg.text, before) else "paragraph"
        if kind == "heading" and first_piece and k == 0:
            kind = "title"
        out.append(Sentence(seg.text, None, kind, seg.paragraph))
    return out


def stream_document(
    pieces: Iterable[Piece],
    *,
    glossary: Glossary,
    translate: bool | None = None,
    beam: int = 4,
    source: str = "",
    engine: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> StreamedDocument:
    """Pair a streamed plain text as :func:`pair_document` pairs a whole one
    (``translate`` as there: None = when a model is installed; ``engine`` replaces the
    installed model). ``progress(done, total)`` counts the sentences translated so far
    and those known so far (the rest of the stream is not read yet)."""
    mt: MtInfo | None = None
    status = MT_DISABLED
    if engine is not None and translate is not False:
        mt = _engine_info(engine, beam)
        status = MT_OK
    elif translate is not False:
        from glossar.mt.packages import find_de_en_package

        model = find_de_en_package()
        if model is None:
            if translate:
                from glossar.mt.translation import NO_MODEL_MESSAGE

                raise NoModelError(NO_MODEL_MESSAGE)
            status = MT_NO_MODEL
        else:
            from glossar.mt.engine import get_engine

            # found and loaded once for the whole stream, not again for every piece
            engine = get_engine(model)
            mt = MtInfo("argos", model.name, str(model.version or ""), beam, model.domain)
            status = MT_OK
    it = iter(pieces)
    first = next(it, None)
    title: str | None = None
    first_sentences: list[Sentence] = []
    if first is not None:
        first_sentences = _sentences(first, first_piece=True, continues=False)
        if first_sentences and first_sentences[0].block == "title":
            title = first_sentences[0].de
    head = {"source_lang": "de", "target_lang": "en", "title": title}
    head["mt"] = mt.to_dict() if mt else None
    doc = StreamedDocument(head, iter(()), status, glossary.signature, source, mt, title)

    def pairs() -> Iterator[Pair]:
        last_paragraph = -1
        previous = ""  # the last segment when a paragraph of its own
        piece, sentences = first, first_sentences
        done = 0

        def shifted(k: int, total: int) -> None:
            if progress is not None:
                progress(done + k, done + total)

        while piece is not None:
            if sentences:
                article = Article(title=None, sentences=sentences)
                paired = pair_document(
                    article,
                    glossary=glossary,
                    translate=status == MT_OK,
                    beam=beam,
                    engine=engine,
                    progress=shifted if progress is not None else None,
                )
                done += len(sentences)
                for pair in paired.pairs:
                    for t in pair.terms:
                        doc.used.setdefault(t.entry.id, t.entry)
                        doc.counts[t.entry.id] = doc.counts.get(t.entry.id, 0) + 1
                    yield pair
                last_paragraph = sentences[-1].paragraph
            if sentences:  # (its paragraph alone in this piece: a closing formula's)
                alone = sum(x.paragraph == last_paragraph for x in sentences) == 1
                previous = sentences[-1].de if alone else ""
            piece = next(it, None)
            if piece is not None:
                continues = piece.paragraph == last_paragraph
                sentences = _sentences(
                    piece, first_piece=False, continues=continues, previous=previous
                )

    doc.pairs = pairs()
    return doc


def _engine_info(engine: Any, beam: int) -> MtInfo:
    """What :func:`pair_document` records for a stand-in engine."""
    model = getattr(engine, "model", None)
    if model is None:
        return MtInfo(getattr(engine, "name", "argos"), "engine", "", beam)
    version = str(model.version or "")
    return MtInfo(getattr(engine, "name", "argos"), model.name, version, beam, model.domain)
