"""The term report over a corpus: the figures a terminologist decides with.

Why it is computed from OUTPUT and not from the run: a resumed job's report must
cover the documents of every earlier run too, and OUTPUT is the one complete record.
For ``corpus terms``: how often each glossary entry occurs, in how many documents, and
how many hits were sure vs. only suggestions. For ``corpus translate``: how often the
model produced the glossary's English by itself (``method == "model"``), how often
enforcement had to put it in (any other method), and how often it is still missing.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from glossar.corpus.output import KIND_KEY, iter_records, record_kind
from glossar.i18n import _


@dataclass
class TermStat:
    """One glossary entry's figures over the corpus."""

    id: str
    de: str
    en: str
    count: int = 0
    documents: int = 0
    sure: int = 0
    unsure: int = 0
    model: int = 0
    enforced: int = 0
    missing: int = 0
    methods: Counter[str] = field(default_factory=Counter)

    def to_dict(self, kind: str) -> dict[str, object]:
        """JSON for ``corpus report --json``: only the figures that apply to ``kind``."""
        base: dict[str, object] = {
            "id": self.id,
            "de": self.de,
            "en": self.en,
            "count": self.count,
            "documents": self.documents,
        }
        if kind == "terms":
            base.update(sure=self.sure, unsure=self.unsure)
        else:
            base.update(
                model=self.model,
                enforced=self.enforced,
                missing=self.missing,
                methods=dict(sorted(self.methods.items())),
            )
        return base


@dataclass
class CorpusReport:
    """Documents, segments, errors and per-entry term figures of one OUTPUT."""

    kind: str = "translate"
    documents: int = 0
    errors: int = 0
    segments: int = 0
    terms: dict[str, TermStat] = field(default_factory=dict)
    error_reasons: Counter[str] = field(default_factory=Counter)
    #: The line number of an incomplete last line (a run stopped while writing it: not
    #: counted; the next run of the job redoes its document), or 0.
    torn_line: int = 0
    #: Records that repeat an earlier one's id and text (``digest``): written twice (two
    #: jobs on one OUTPUT before it was locked, or files joined), counted twice. Said,
    #: not dropped: a corpus may hold one text twice under one id on purpose.
    repeated: int = 0
    first_repeated: str = ""
    _made: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def add(self, record: dict[str, Any]) -> int:
        """Count one record in; returns its number of segments."""
        self.documents += 1
        made = record.get("digest")
        if isinstance(made, str):
            key = (str(record.get("id")), made)
            if key in self._made:
                self.repeated += 1
                self.first_repeated = self.first_repeated or key[0]
            else:
                self._made.add(key)
        if "error" in record:
            self.errors += 1
            self.error_reasons[_reason_kind(str(record["error"]))] += 1
            return 0
        seen: set[str] = set()
        if "terms" in record:
            for hit in record["terms"]:
                stat = self._stat(hit)
                stat.count += 1
                if hit.get("sure", True):
                    stat.sure += 1
                else:
                    stat.unsure += 1
                seen.add(stat.id)
            nseg = 0
        else:
            segments = record.get("segments", [])
            nseg = len(segments)
            self.segments += nseg
            for seg in segments:
                for term in seg.get("terms", []):
                    stat = self._stat(term)
                    stat.count += 1
                    method = str(term.get("method", "model" if term.get("found") else "missing"))
                    stat.methods[method] += 1
                    if not term.get("found"):
                        stat.missing += 1
                    elif method == "model":
                        stat.model += 1
                    else:
                        stat.enforced += 1
                    seen.add(stat.id)
        for term_id in seen:
            self.terms[term_id].documents += 1
        return nseg

    def _stat(self, hit: dict[str, Any]) -> TermStat:
        term_id = str(hit.get("id"))
        stat = self.terms.get(term_id)
        if stat is None:
            stat = self.terms[term_id] = TermStat(term_id, str(hit.get("de")), str(hit.get("en")))
        return stat

    @property
    def terms_total(self) -> int:
        return sum(s.count for s in self.terms.values())

    @property
    def terms_model(self) -> int:
        return sum(s.model for s in self.terms.values())

    @property
    def terms_enforced(self) -> int:
        return sum(s.enforced for s in self.terms.values())

    @property
    def terms_missing(self) -> int:
        return sum(s.missing for s in self.terms.values())

    @property
    def terms_unsure(self) -> int:
        return sum(s.unsure for s in self.terms.values())

    def ranked(self) -> list[TermStat]:
        """Entries by frequency (most frequent first), then id."""
        return sorted(self.terms.values(), key=lambda s: (-s.count, s.id))

    def to_dict(self) -> dict[str, object]:
        """The whole report as JSON."""
        data: dict[str, object] = {
            "kind": self.kind,
            "documents": self.documents,
            "errors": self.errors,
            "error_reasons": dict(self.error_reasons.most_common()),
            "repeated": self.repeated,
        }
        if self.kind == "translate":
            data.update(
                segments=self.segments,
                terms={
                    "total": self.terms_total,
                    "model": self.terms_model,
                    "enforced": self.terms_enforced,
                    "missing": self.terms_missing,
                },
            )
        else:
            data["terms"] = {
                "total": self.terms_total,
                "sure": self.terms_total - self.terms_unsure,
                "unsure": self.terms_unsure,
            }
        data["entries"] = [s.to_dict(self.kind) for s in self.ranked()]
        return data


_DETAIL = re.compile(r"\s*\(.*$")


def _reason_kind(reason: str) -> str:
    """``not UTF-8 text (byte 12)`` → ``not UTF-8 text``: errors grouped by kind."""
    return (
        _DETAIL.sub("", reason).split(":", 1)[0]
        if reason.startswith("failed")
        else _DETAIL.sub("", reason)
    )


def report_from_output(path: str | os.PathLike[str], kind: str | None = None) -> CorpusReport:
    """The report of an OUTPUT file (``"-"``: standard input); ``kind``
    (``"translate"`` or ``"terms"``) is guessed from its records when None."""
    from glossar.arguments import choice_argument, path_argument

    path_argument(path, "path")
    if kind is not None:
        choice_argument(kind, "kind", tuple(KIND_KEY))
    report = CorpusReport(kind=kind or "translate")
    guessed = kind is not None
    torn: list[int] = []
    for record in iter_records(path, strict=True, torn=torn):
        found = record_kind(record)
        if not guessed:
            made = record.get("job")  # an error record says which job made it
            job = made.split(" ")[0] if isinstance(made, str) else None
            kind_here = found if found is not None else job if job in KIND_KEY else None
            if kind_here is not None:
                report.kind = kind_here
                guessed = True
        elif found is not None and found != report.kind:
            # `corpus translate` and `corpus terms` records joined (a tester's `cat`):
            # their figures do not add up, as a job refuses the other's OUTPUT
            from glossar.errors import BadInputError
            from glossar.files import display_name

            message = _("{name}: holds `corpus {other}` records among `corpus {kind}` records")
            raise BadInputError(
                message.format(
                    name=display_name(path) if path != "-" else "<stdin>",
                    other=found,
                    kind=report.kind,
                )
            )
        report.add(record)
    report.torn_line = torn[0] if torn else 0
    return report
