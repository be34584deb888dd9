"""Corpus jobs: translate or scan a whole archive, resumably, locally or on Ray.

Layers: :mod:`.source` (INPUT → documents, bad ones as errors) → :mod:`.work` (one
document → one record, in any process) → :mod:`.local` / :mod:`.ray_engine` (who runs
the work) → :mod:`.job` (resume, write OUTPUT, progress) → :mod:`.report` (the
summary and the term report, read back from OUTPUT). Nothing heavy is imported here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from glossar.corpus.job import JobInterrupted, JobSummary, Progress, run_job
from glossar.corpus.local import UnguardedScriptError, WorkerStoppedError
from glossar.corpus.report import CorpusReport, TermStat, report_from_output
from glossar.corpus.source import MAX_CHARS, Document, read_documents
from glossar.corpus.work import JobSpec, term_is_sure
from glossar.mt.packages import ModelInfo

__all__ = [
    "CorpusReport",
    "Document",
    "JobInterrupted",
    "JobSpec",
    "JobSummary",
    "Progress",
    "TermStat",
    "UnguardedScriptError",
    "WorkerStoppedError",
    "read_documents",
    "report_from_output",
    "run_job",
    "term_is_sure",
    "translate_corpus",
    "terms_corpus",
]


def translate_corpus(
    input_path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    engine: str = "local",
    workers: int = 0,
    address: str | None = None,
    progress: Callable[[Progress], None] | None = None,
    retry_failed: bool = False,
    glossary_paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] = (),
    use_glossary: bool = True,
    model: ModelInfo | None = None,
    beam: int = 4,
    threads: int = 1,
    max_chars: int = MAX_CHARS,
) -> JobSummary:
    """Translate every document of ``input_path`` into ``output`` (JSON Lines, one record
    per document); run it again to resume. See :func:`run_job` for ``engine``,
    ``workers``, ``address`` and ``progress``, :class:`JobSpec` for the rest. Every
    argument is checked before anything is read or written (TypeError, ValueError).

    With ``workers`` other than 1 the documents are translated in worker processes,
    which Python starts with ``spawn``: each runs the calling script again as it starts.
    A script must therefore start the job under ``if __name__ == "__main__":``, as
    Python's multiprocessing requires; an unguarded one gets
    :class:`UnguardedScriptError` (``workers=1`` needs no guard). A worker process that
    dies (the OOM killer, ``kill -9``) stops the job with :class:`WorkerStoppedError`;
    ``output`` keeps every record written, and running the job again goes on.

    Error records (a document that could not be read or translated) count as done: a
    resume keeps them. ``retry_failed=True`` redoes them (see :func:`run_job`).
    """
    spec = JobSpec(
        "translate",
        glossary_paths=glossary_paths,  # type: ignore[arg-type]
        use_glossary=use_glossary,
        model=model,
        beam=beam,
        threads=threads,
        max_chars=max_chars,
    )
    return run_job(
        spec,
        input_path,
        output,
        engine=engine,
        workers=workers,
        address=address,
        progress=progress,
        retry_failed=retry_failed,
    )


def terms_corpus(
    input_path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    engine: str = "local",
    workers: int = 0,
    address: str | None = None,
    progress: Callable[[Progress], None] | None = None,
    retry_failed: bool = False,
    glossary_paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] = (),
    max_chars: int = MAX_CHARS,
) -> JobSummary:
    """Find the glossary terms of every document of ``input_path``, one record each in
    ``output`` (resumes); see :func:`translate_corpus`, whose rules (the
    ``if __name__ == "__main__":`` guard with worker processes, error records kept on
    resume) hold here too."""
    spec = JobSpec("terms", glossary_paths=glossary_paths, max_chars=max_chars)  # type: ignore[arg-type]
    return run_job(
        spec,
        input_path,
        output,
        engine=engine,
        workers=workers,
        address=address,
        progress=progress,
        retry_failed=retry_failed,
    )
