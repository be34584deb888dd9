"""One document in, one OUTPUT record out: the work both engines do, in any process.

Why a :class:`Worker` object: a worker process (local engine) or a Ray actor builds one
at start, which loads the glossary, compiles the term recogniser and loads the
CTranslate2 model once, then calls :meth:`Worker.process` for every document it is
given. A document is always translated on its own (its sentences in one batched
request), never batched with other documents, so its record does not depend on which
worker, engine or batch it landed in: the local and the Ray engine write equal records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from glossar.corpus.source import MAX_CHARS, Document
from glossar.mt.packages import ModelInfo

KINDS = ("translate", "terms")


@dataclass(frozen=True, slots=True)
class JobSpec:
    """What a corpus job does to each document; picklable, so it travels to workers.

    ``threads`` is CTranslate2's ``intra_threads`` per worker (0: half the cores,
    :func:`glossar.mt.engine.automatic_threads`, in each worker: with several, give
    ``automatic_threads(workers)``, as the CLI does).
    ``glossary_paths`` are user glossaries layered over the curated one.
    """

    kind: str
    glossary_paths: tuple[str, ...] = ()
    use_glossary: bool = True
    model: ModelInfo | None = None
    beam: int = 4
    threads: int = 1
    max_chars: int = MAX_CHARS

    def __post_init__(self) -> None:
        from glossar.arguments import (
            beam_argument,
            choice_argument,
            flag_argument,
            int_argument,
            path_argument,
            paths_argument,
            threads_argument,
        )

        # in the caller's process, before any worker starts or OUTPUT is touched: a
        # wrong value ran the whole job (beam="4": one "failed: TypeError" record per
        # document, kept for good by a resume; a worker's segfault took a job down with
        # no word)
        choice_argument(self.kind, "kind", KINDS)
        given = paths_argument(self.glossary_paths, "glossary_paths")
        paths = [path_argument(p, "glossary_paths") for p in given]
        flag_argument(self.use_glossary, "use_glossary")
        if self.model is not None and not isinstance(self.model, ModelInfo):
            kind = type(self.model).__name__
            raise TypeError(
                f"model must be a ModelInfo (glossar.mt.require_model() gives the installed "
                f"one) or None for the installed one ({kind} given)"
            )
        fields = {
            # one path given alone is a list of one
            "glossary_paths": tuple(paths),
            "beam": beam_argument(self.beam),
            "threads": threads_argument(self.threads),
            "max_chars": int_argument(self.max_chars, "max_chars", 1),
        }
        for name, value in fields.items():  # numpy.int64(4) is stored as 4
            object.__setattr__(self, name, value)


def term_is_sure(match: Any) -> bool:
    """Whether a term hit is sure (enforced) or only a suggestion (an entry with
    several senses here): ``TermMatch.sure``; a hit without one counts as sure. The
    corpus report reads ``sure`` from the records."""
    return bool(getattr(match, "sure", True))


def term_record(match: Any, text: str = "") -> dict[str, object]:
    """A term hit as ``glossar terms --json`` writes it, with ``sure`` always present
    (and a split verb's ``apart`` where ``text``, the document, is given)."""
    data = match.to_dict(text) if text else match.to_dict()
    data.setdefault("sure", term_is_sure(match))
    return data


def error_record(doc_id: str, reason: str) -> dict[str, object]:
    """The OUTPUT record of a document that could not be processed."""
    return {"id": doc_id, "error": reason}


class Worker:
    """Loads glossary, recogniser and (for ``translate``) the model once; then
    :meth:`process` turns documents into records."""

    def __init__(self, spec: JobSpec) -> None:
        from glossar.glossary.load import load_glossary
        from glossar.terms.recognise import find_terms

        self.spec = spec
        needs_glossary = spec.use_glossary or spec.kind == "terms"
        self.glossary = load_glossary(list(spec.glossary_paths)) if needs_glossary else None
        self._find = find_terms
        self.engine: Any = None
        if self.glossary is not None:
            self._find("", self.glossary)  # compile the recogniser now, not on document 1
        if spec.kind == "translate":
            from glossar.mt import require_model
            from glossar.mt.engine import CTranslate2Engine

            model = spec.model or require_model()
            self.engine = CTranslate2Engine(model, threads=spec.threads)
            self.engine.load()

    def process(self, doc: Document) -> dict[str, object]:
        """The record for one document; a failure becomes an error record, never a raise.
        A result carries the document's ``digest``: a resume compares it. An error record
        does not (both engines give the same records; a document fixed since, or one
        refused under another ``--max-chars``, stays as its record says)."""
        record = self._record(doc)
        if doc.digest and "error" not in record:
            record["digest"] = doc.digest
        return record

    def _record(self, doc: Document) -> dict[str, object]:
        if doc.error is not None:
            return error_record(doc.id, doc.error)
        try:
            if self.spec.kind == "terms":
                assert self.glossary is not None
                return {
                    "id": doc.id,
                    "terms": [
                        term_record(m, doc.text) for m in self._find(doc.text, self.glossary)
                    ],
                }
            return {"id": doc.id, "segments": self._translate(doc.text)}
        except Exception as exc:  # one bad document must not stop an archive-sized job
            return error_record(doc.id, f"failed: {type(exc).__name__}: {exc}")

    def _translate(self, text: str) -> list[dict[str, object]]:
        from glossar.mt import translate_text

        result = translate_text(
            text,
            glossary=self.glossary,
            beam=self.spec.beam,
            engine=self.engine,
            model=self.engine.model,
            recognise=self._find,
        )
        segments = []
        for seg in result.segments:
            data = seg.to_dict()
            # ``method`` (optional in the contract) feeds the corpus report: did the
            # model produce the glossary's English by itself, or was it enforced?
            data["terms"] = [{**t.to_dict(), "method": t.method} for t in seg.terms]
            segments.append(data)
        return segments

    def process_many(self, docs: list[Document]) -> list[dict[str, object]]:
        """Records for several documents, in order."""
        return [self.process(doc) for doc in docs]
