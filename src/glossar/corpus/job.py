"""The job loop: resume from OUTPUT, run an engine over the rest, write, report.

Both engines yield records in input order; this loop is the one writer of OUTPUT, so
the resume rules (see :mod:`glossar.corpus.output`) hold whichever engine ran.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from glossar.corpus.output import RecordWriter, Resume, cut_torn_tail, scan_output
from glossar.corpus.report import CorpusReport, report_from_output
from glossar.corpus.source import Document, check_input, digest, input_kind, read_documents
from glossar.corpus.work import JobSpec
from glossar.errors import BadInputError, OutputIsInputError
from glossar.files import display_name, refuse_output_over_inputs
from glossar.glossary.model import Glossary
from glossar.i18n import _, ngettext

ENGINES = ("local", "ray")


@dataclass
class Progress:
    """Counts of this run so far, passed to the progress callback after each record."""

    documents: int = 0
    segments: int = 0
    errors: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds

    @property
    def segments_per_s(self) -> float:
        return self.segments / self.seconds


@dataclass
class JobSummary:
    """What a run did (``run``) and what OUTPUT now holds in all (``report``)."""

    run: Progress
    resumed: int
    torn_bytes: int
    report: CorpusReport
    engine: str
    workers: int
    model: str = ""
    #: ids with more records in OUTPUT than INPUT has documents under them (written
    #: twice, as two jobs writing at once did before OUTPUT was locked) → surplus records
    surplus: dict[str, int] = field(default_factory=dict)
    #: documents of this run whose id an earlier document of INPUT has, and the first
    #: such id: their records share the id (kept apart by order, not by id)
    repeated: int = 0
    first_repeated: str = ""


def check_paths(input_path: str | os.PathLike[str], output: str | os.PathLike[str]) -> None:
    """INPUT exists; OUTPUT is neither INPUT nor inside an INPUT folder (it would be read):
    :class:`OutputIsInputError` (exit 2) as for every verb."""
    src = check_input(input_path)
    input_kind(src)  # a file that is no corpus at all is refused here, before any work
    out = Path(output)
    refuse_output_over_inputs(out, [src])
    inside = src.is_dir() and out.resolve().is_relative_to(src.resolve())
    if inside and out.suffix.lower() == ".txt":  # read as a document: any case (NOTE.TXT)
        message = _("OUTPUT {name} lies in the INPUT folder as a .txt file")
        raise OutputIsInputError(message.format(name=display_name(out)))
    if out.is_dir():
        message = _("{name}: is a folder; OUTPUT is a JSON Lines file")
        raise BadInputError(message.format(name=display_name(out)))


def prepare(spec: JobSpec) -> tuple[JobSpec, str]:
    """Fail before any work when the model or a glossary is missing or broken; the spec
    with its model, and what made its records, as a resume compares it: the job, the
    glossary layers and versions in force, and for translations the model and beam
    (``translate glossary=news@1.1.0 model=translate-de_en 1.0 beam=4``)."""
    settings = [spec.kind, "glossary=none"]
    if spec.use_glossary or spec.kind == "terms":
        from glossar.glossary.load import load_glossary

        glossary = load_glossary(list(spec.glossary_paths))
        settings[1] = f"glossary={glossary.signature}#{_contents_digest(glossary)}"
    if spec.kind == "translate":
        if spec.model is None:
            from dataclasses import replace

            from glossar.mt import require_model

            spec = replace(spec, model=require_model())
        assert spec.model is not None
        settings += [f"model={spec.model.name} {spec.model.version}", f"beam={spec.beam}"]
    return spec, " ".join(settings)


def check_resume_input(
    input_path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    resume: Resume,
    max_chars: int,
) -> dict[str, int]:
    """:class:`BadInputError` when records in OUTPUT were made from other text than
    INPUT holds now under their ids: another INPUT with the same names (``doc001.txt``),
    or edited documents. Resuming would keep those records as if they were of this INPUT
    and never process what INPUT holds now. One pass over INPUT's documents that OUTPUT
    has records of, before any work (none when OUTPUT is new).

    Returns the ids OUTPUT holds more records of than INPUT has documents under them,
    with how many more: records written twice (two jobs on one OUTPUT at once, before
    OUTPUT was locked), which the report counts twice. Said, not refused: the resume
    itself is right, and the user decides whether to clean OUTPUT."""
    if not resume.records:
        return {}
    in_input: Counter[str] = Counter()
    changed = []
    for doc in read_documents(input_path, max_chars, only=lambda doc_id: resume.done[doc_id] > 0):
        in_input[doc.id] += 1
        if resume.made_from_other_text(doc):
            changed.append(doc.id)
    if changed:
        message = ngettext(
            "{name}: {n} record was made from other text than INPUT holds now under its id "
            "({first}): another INPUT, or an edited document; resume with the INPUT it was "
            "made from, or write to another OUTPUT",
            "{name}: {n} records were made from other text than INPUT holds now under their "
            "ids (first: {first}): another INPUT, or edited documents; resume with the INPUT "
            "they were made from, or write to another OUTPUT",
            len(changed),
        )
        raise BadInputError(
            message.format(name=display_name(output), n=len(changed), first=changed[0])
        )
    # an id INPUT no longer has at all (a file removed since) is not a duplicate
    return {
        doc_id: resume.done[doc_id] - n for doc_id, n in in_input.items() if resume.done[doc_id] > n
    }


def _contents_digest(glossary: Glossary) -> str:
    """8 hex digits naming what the glossary's layer files hold: a file edited without
    a new version (a translator's fix) is another glossary for a resume."""
    parts = []
    for layer in glossary.layers:
        try:
            parts.append(digest(Path(layer.path).read_bytes()))
        except OSError:  # loaded a moment ago: gone since; name it by its version alone
            parts.append("")
    return digest("\n".join(parts).encode())[:8]


def pending_documents(input_path: str | os.PathLike[str], resume: Resume, max_chars: int):  # type: ignore[no-untyped-def]
    """INPUT's documents that OUTPUT does not hold yet, in input order."""
    for doc in read_documents(input_path, max_chars):
        if not resume.is_done(doc.id, doc.occurrence):
            yield doc


def run_job(
    spec: JobSpec,
    input_path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    engine: str = "local",
    workers: int = 0,
    address: str | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> JobSummary:
    """Run (or resume) a corpus job; returns its summary.

    ``workers``: processes (local) or actors (Ray); 0 = one per core here.
    ``address``: a Ray cluster to join (``--engine ray`` only).
    """
    from glossar.corpus.local import default_workers, local_records

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}")
    check_paths(input_path, output)
    if engine == "ray":
        from glossar.corpus.ray_engine import require_ray

        require_ray()  # before OUTPUT is touched
    spec, settings = prepare(spec)
    workers = workers or default_workers()
    run = Progress()
    tally = CorpusReport(kind=spec.kind)
    # OUTPUT is this job's alone from before it is read until the last record is
    # written: a second job on it is refused here, not left to write duplicates
    with RecordWriter(output) as writer:
        resume = scan_output(output, spec.kind, settings, cut=False)
        surplus = check_resume_input(input_path, output, resume, spec.max_chars)
        cut_torn_tail(output, resume)  # only now: a refused resume leaves OUTPUT as it was
        records: Iterator[dict[str, object]]
        seen = _Repeats()
        if engine == "ray":
            from glossar.corpus.ray_engine import ray_records

            records = ray_records(spec, input_path, resume, workers=workers, address=address)
        else:
            docs = _noting_repeats(pending_documents(input_path, resume, spec.max_chars), seen)
            records = local_records(spec, docs, workers)
        run.started = time.monotonic()
        try:
            for record in records:
                record["job"] = settings  # what made it: a resume with other settings is refused
                writer.write(record)
                run.documents += 1
                run.segments += tally.add(record)
                run.errors = tally.errors
                if progress is not None:
                    progress(run)
        finally:  # stopped here (Ctrl-C, kill, a full disk): the engine stops its workers now
            close = getattr(records, "close", None)
            if close is not None:
                close()
    return JobSummary(
        run=run,
        resumed=resume.records,
        torn_bytes=resume.torn_bytes,
        report=report_from_output(output, spec.kind),
        engine=engine,
        workers=workers,
        model=spec.model.name if spec.model is not None else "",
        surplus=surplus,
        repeated=seen.count,
        first_repeated=seen.first,
    )


@dataclass
class _Repeats:
    """Documents read under an id an earlier document has (JSON Lines INPUT)."""

    count: int = 0
    first: str = ""


def _noting_repeats(docs: Iterable[Document], seen: _Repeats) -> Iterator[Document]:
    """``docs``, counting into ``seen`` those whose id an earlier document has."""
    for doc in docs:
        if doc.occurrence:
            seen.count += 1
            seen.first = seen.first or doc.id
        yield doc
