"""Corpus jobs: translate or scan a whole archive, resumably, locally or on Ray.

Layers: :mod:`.source` (INPUT → documents, bad ones as errors) → :mod:`.work` (one
document → one record, in any process) → :mod:`.local` / :mod:`.ray_engine` (who runs
the work) → :mod:`.job` (resume, write OUTPUT, progress) → :mod:`.report` (the
summary and the term report, read back from OUTPUT). Nothing heavy is imported here.
"""

from __future__ import annotations

from glossar.corpus.job import JobSummary, Progress, run_job
from glossar.corpus.report import CorpusReport, TermStat, report_from_output
from glossar.corpus.source import Document, read_documents
from glossar.corpus.work import JobSpec, term_is_sure

__all__ = [
    "CorpusReport",
    "Document",
    "JobSpec",
    "JobSummary",
    "Progress",
    "TermStat",
    "read_documents",
    "report_from_output",
    "run_job",
    "term_is_sure",
    "translate_corpus",
    "terms_corpus",
]


def translate_corpus(input_path: str, output: str, **kwargs: object) -> JobSummary:
    """Translate every document of ``input_path`` into ``output`` (resumes); see
    :func:`run_job` for ``engine``, ``workers``, ``address``, ``progress``. Spec fields
    (``beam``, ``glossary_paths``, ``use_glossary``, ``model``, ``threads``,
    ``max_chars``) are taken from ``kwargs`` too."""
    return _run("translate", input_path, output, kwargs)


def terms_corpus(input_path: str, output: str, **kwargs: object) -> JobSummary:
    """Find glossary terms in every document of ``input_path`` (resumes); see
    :func:`translate_corpus`."""
    return _run("terms", input_path, output, kwargs)


def _run(kind: str, input_path: str, output: str, kwargs: dict[str, object]) -> JobSummary:
    spec_fields = {"glossary_paths", "use_glossary", "model", "beam", "threads", "max_chars"}
    spec = JobSpec(kind, **{k: v for k, v in kwargs.items() if k in spec_fields})  # type: ignore[arg-type]
    rest = {k: v for k, v in kwargs.items() if k not in spec_fields}
    return run_job(spec, input_path, output, **rest)  # type: ignore[arg-type]
