"""The job loop: resume from OUTPUT, run an engine over the rest, write, report.

Both engines yield records in input order; this loop is the one writer of OUTPUT, so
the resume rules (see :mod:`glossar.corpus.output`) hold whichever engine ran.
"""

from __future__ import annotations

import operator
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
    #: error records dropped from OUTPUT to be redone (``retry_failed``)
    retried: int = 0
    #: error records kept although ``retry_failed`` asked: their document is no longer
    #: in INPUT, or their id has other records in OUTPUT too (repeated ids: which
    #: document failed cannot be told)
    not_retried: int = 0


class JobInterrupted(KeyboardInterrupt):
    """Ctrl-C while a job ran: a :class:`KeyboardInterrupt` that says what OUTPUT keeps
    (every record written so far; running the job again goes on from there)."""

    def __init__(self, output: str, written: int, this_run: int) -> None:
        super().__init__(output, written, this_run)
        #: OUTPUT, as the job was given it
        self.output = output
        #: records OUTPUT holds now, of earlier runs and this one
        self.written = written
        #: records this run wrote
        self.this_run = this_run


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


def check_job_arguments(
    spec: object,
    input_path: object,
    output: object,
    engine: object,
    workers: object,
    address: object,
    progress: object,
) -> None:
    """A caller's wrong argument is a TypeError or ValueError naming it, before anything
    is read or written (``workers=-1`` ran the job in this process as if it were 1)."""
    from glossar.arguments import choice_argument, int_argument, path_argument

    if not isinstance(spec, JobSpec):
        raise TypeError(f"spec must be a JobSpec ({type(spec).__name__} given)")
    path_argument(input_path, "input_path")
    path_argument(output, "output")
    choice_argument(engine, "engine", ENGINES)
    int_argument(workers, "workers", 0)
    if address is not None and type(address) is not str:
        raise TypeError(f"address must be a str or None ({type(address).__name__} given)")
    if address is not None and engine != "ray":
        raise ValueError("address needs engine='ray'")
    if progress is not None and not callable(progress):
        kind = type(progress).__name__
        raise TypeError(f"progress must be a callable taking a Progress, or None ({kind} given)")


def run_job(
    spec: JobSpec,
    input_path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    engine: str = "local",
    workers: int = 0,
    address: str | None = None,
    progress: Callable[[Progress], None] | None = None,
    retry_failed: bool = False,
) -> JobSummary:
    """Run (or resume) a corpus job; returns its summary.

    ``engine``: ``"local"`` (worker processes here) or ``"ray"``.
    ``workers``: processes (local) or actors (Ray); 0 = one per core here, 1 = this
    process alone (local). Worker processes run the calling script again as they start:
    see :func:`glossar.corpus.translate_corpus` for the ``if __name__ == "__main__":``
    guard this needs.
    ``address``: a Ray cluster to join (``engine="ray"`` only).
    ``progress``: called with this run's :class:`Progress` after each record.
    ``retry_failed``: redo the documents OUTPUT holds error records for (a resume keeps
    them otherwise): their records are taken out of OUTPUT first (written anew as a
    whole, atomically), and each gets its new record, a result or an error again.
    """
    from glossar.corpus.local import default_workers, local_records, refuse_worker_bootstrap

    # a worker process running an unguarded script again as it starts: no second job
    refuse_worker_bootstrap()
    check_job_arguments(spec, input_path, output, engine, workers, address, progress)
    if type(retry_failed) is not bool:
        raise TypeError(f"retry_failed must be a bool ({type(retry_failed).__name__} given)")
    check_paths(input_path, output)
    if engine == "ray":
        from glossar.corpus.ray_engine import require_ray

        require_ray()  # before OUTPUT is touched
    spec, settings = prepare(spec)
    workers = operator.index(workers) or default_workers()
    run = Progress()
    tally = CorpusReport(kind=spec.kind)
    # OUTPUT is this job's alone from before it is read until the last record is
    # written: a second job on it is refused here, not left to write duplicates
    with RecordWriter(output) as writer:
        resume = scan_output(output, spec.kind, settings, cut=False)
        surplus = check_resume_input(input_path, output, resume, spec.max_chars)
        cut_torn_tail(output, resume)  # only now: a refused resume leaves OUTPUT as it was
        retried = not_retried = 0
        if retry_failed and resume.failed:
            # (an id with several records: which of its documents failed is not known;
            # a document no longer in INPUT: nothing to redo, its record stays)
            retry = {i for i in resume.failed if resume.done[i] == 1}
            if retry:
                retry = {
                    doc.id
                    for doc in read_documents(input_path, spec.max_chars, only=retry.__contains__)
                }
            not_retried = len(resume.failed) - len(retry)
            if retry:
                retried = writer.drop_errors(retry)
                resume = scan_output(output, spec.kind, settings, cut=False)
        start = os.path.getsize(output)  # where this run's records begin
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
        except KeyboardInterrupt as stop:  # what OUTPUT keeps, for whoever says it
            # counted in OUTPUT: a Ctrl-C between a record's write and the count above
            # would say one record less than OUTPUT holds
            this_run = _lines_from(output, start, run.documents)
            raise JobInterrupted(str(output), resume.records + this_run, this_run) from stop
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
        retried=retried,
        not_retried=not_retried,
    )


def _lines_from(path: str | os.PathLike[str], start: int, fallback: int) -> int:
    """Complete lines of ``path`` after byte ``start`` (``fallback`` if unreadable)."""
    count = 0
    try:
        with open(path, "rb") as fh:
            fh.seek(start)
            while chunk := fh.read(1 << 20):
                count += chunk.count(b"\n")
    except OSError:
        return fallback
    return count


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
