"""``glossar corpus translate|terms|report``: archive-scale jobs, resumable, with progress."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from glossar.cli.help_texts import Group
from glossar.cli.options import echo_json, glossary_option, json_option
from glossar.i18n import _, ngettext

F = TypeVar("F", bound=Callable[..., Any])


def job_options(func: F) -> F:
    """Options every corpus job takes."""
    options = [
        # (readable=False: an unreadable INPUT is the job's "cannot read", exit 4, as
        # for every other verb, not Click's usage error, exit 2)
        click.argument("input_path", metavar="INPUT", type=click.Path(readable=False)),
        click.argument("output", metavar="OUTPUT", type=click.Path(dir_okay=False)),
        click.option(
            "--engine",
            type=click.Choice(["local", "ray"]),
            default="local",
            show_default=True,
            help="Run here (worker processes) or on a Ray cluster (pip install 'glossar[ray]').",
        ),
        click.option(
            "--address", help="Ray cluster to join (with --engine ray); default: start a local one."
        ),
        click.option(
            "--workers",
            default=0,
            type=click.IntRange(min=0),
            help="Worker processes or Ray actors (0 = one per core).",
        ),
        click.option(
            "--max-chars",
            default=200_000,
            show_default=True,
            type=click.IntRange(min=1),
            help="Longer documents are recorded as errors.",
        ),
        click.option(
            "--report",
            "report_path",
            type=click.Path(dir_okay=False),
            help="Write the term report (JSON) to FILE.",
        ),
        click.option(
            "--retry-failed",
            is_flag=True,
            help="Redo the documents OUTPUT holds error records for (kept on a resume).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary."),
        glossary_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(cls=Group)
def corpus() -> None:
    """Translate or scan a whole archive: resumable, with progress, locally or on Ray.

    INPUT is a folder of .txt files (id = relative path), one .txt file (one
    document, id = its name) or a JSON Lines file of {"id": …, "text": …}. OUTPUT is
    JSON Lines, one record per document, written as documents finish; run the same
    command again to resume after an interruption. One job at a time per OUTPUT.
    """


@corpus.command("translate")
@job_options
@click.option("--no-glossary", is_flag=True, help="Do not enforce glossary terms.")
@click.option("--beam", default=4, show_default=True, type=click.IntRange(1, 16), help="Beam size.")
@click.option(
    "--threads",
    default=0,
    type=click.IntRange(min=0),
    help="CTranslate2 threads per worker (0 = half the cores ÷ workers).",
)
def translate_cmd(no_glossary: bool, beam: int, threads: int, **kwargs: Any) -> None:
    """Translate every document of INPUT into OUTPUT with the glossary enforced.

    A document that cannot be read or translated gets an error record. Error records
    count as done: running the command again keeps them and does not try those
    documents again; with --retry-failed it redoes them (their error records are
    replaced by the new ones).

    Example:

        glossar corpus translate archive/ archive-en.jsonl

        glossar corpus translate articles.jsonl out.jsonl --engine ray --report terms.json
    """
    _run("translate", kwargs, use_glossary=not no_glossary, beam=beam, threads=threads)


@corpus.command("terms")
@job_options
def terms_cmd(**kwargs: Any) -> None:
    """Find the glossary terms of every document of INPUT; one record each in OUTPUT.

    A document that cannot be read gets an error record. Error records count as done:
    running the command again keeps them and does not try those documents again; with
    --retry-failed it redoes them (their error records are replaced by the new ones).

    Example:

        glossar corpus terms archive/ terms.jsonl --report frequency.json
    """
    _run("terms", kwargs)


@corpus.command("report")
@click.argument("output", metavar="OUTPUT")
@json_option
@click.option(
    "--top", default=20, show_default=True, type=click.IntRange(min=0), help="Entries to list."
)
def report_cmd(output: str, as_json: bool, top: int) -> None:
    """The term report of an existing corpus OUTPUT (of either job; '-' reads it from
    standard input).

    Example:

        glossar corpus report out.jsonl --top 50
    """
    import os

    from glossar.corpus.report import report_from_output
    from glossar.files import a_directory, display_name, no_such

    # a missing OUTPUT is bad input (exit 4) as for every verb, not a usage error (2);
    # "-" is standard input (`ssh archive cat out.jsonl | glossar corpus report -`)
    if output != "-" and os.path.isdir(output):
        raise a_directory(display_name(output), "file")
    if output != "-" and not os.path.exists(output):
        raise no_such(display_name(output), "file")
    from glossar.cli import _say  # the file name's control characters neutralised
    from glossar.corpus.output import being_written

    running = output != "-" and being_written(output)
    report = report_from_output(output)
    if running:  # figures so far, and a last line being written is no crash's trace
        message = _("{name}: a corpus job is still writing it; these are the figures so far")
        _say(message.format(name=display_name(output)))
    elif report.torn_line:  # a run stopped mid-write: say so
        message = _(
            "{name}:{line}: incomplete last line (a run stopped while writing it), "
            "not counted; running the job again redoes that document"
        )
        _say(message.format(name=display_name(output), line=report.torn_line))
    if report.repeated:  # written twice: its figures count those documents twice
        message = ngettext(
            "{name}: {n} record repeats an earlier record's document (same id and text: "
            "{first}); written twice? Its figures count it twice",
            "{name}: {n} records repeat an earlier record's document (same id and text; "
            "first: {first}); written twice? Its figures count them twice",
            report.repeated,
        )
        _say(
            message.format(
                name=display_name(output), n=report.repeated, first=report.first_repeated
            )
        )
    if as_json:
        echo_json(report.to_dict())
    else:
        click.echo(format_report(report, top))


def _run(kind: str, opts: dict[str, Any], **spec_args: Any) -> None:
    from glossar.cli.options import user_glossary_paths
    from glossar.corpus.job import JobInterrupted, run_job
    from glossar.corpus.local import default_workers
    from glossar.corpus.source import check_input
    from glossar.corpus.work import JobSpec

    engine = opts["engine"]
    if opts["input_path"] == "-" and not os.path.exists("-"):  # as OUTPUT "-": usage
        raise click.UsageError(
            _(
                "-: INPUT is a folder or a file; standard input cannot be resumed, "
                "save it to a file first"
            )
        )
    if opts["output"] == "-":  # it made a file named "-"
        raise click.UsageError(
            _("OUTPUT must be a file, not '-': a corpus job appends to it and resumes from it.")
        )
    if opts["report_path"] == "-":
        raise click.UsageError(_("--report needs a file name ('-' is not one)."))
    if opts["address"] and engine != "ray":
        raise click.UsageError(_("--address needs --engine ray."))
    workers = opts["workers"] or (2 if engine == "ray" else default_workers())
    if spec_args.get("threads") == 0:
        from glossar.mt.engine import automatic_threads

        spec_args["threads"] = automatic_threads(workers)
    spec = JobSpec(
        kind,
        glossary_paths=tuple(user_glossary_paths(opts["glossary_paths"])),
        max_chars=opts["max_chars"],
        **spec_args,
    )
    quiet = opts["quiet"]
    check_input(opts["input_path"])  # a missing INPUT is bad input (exit 4), not usage
    if opts["report_path"]:
        from glossar.files import check_writable

        _refuse_report_over_inputs(opts["report_path"], opts, spec.glossary_paths)
        check_writable(opts["report_path"])  # before the job, not after hours of it
    bar = (
        _ProgressBar(opts["input_path"], opts["output"])
        if not quiet and sys.stderr.isatty()
        else None
    )
    try:
        try:
            summary = run_job(
                spec,
                opts["input_path"],
                opts["output"],
                engine=engine,
                workers=workers,
                address=opts["address"],
                progress=bar.update if bar else None,
                retry_failed=opts["retry_failed"],
            )
        finally:
            if bar is not None:
                bar.close()
    except JobInterrupted as stop:  # Ctrl-C: what was kept, and how to go on
        from glossar.cli import _say

        click.echo(err=True)  # past the ^C a terminal shows
        _say(format_interrupted(stop, bar.total if bar is not None else None))
        sys.exit(130)  # as a shell reports SIGINT
    if opts["report_path"]:
        from glossar.files import atomic_write_text

        text = json.dumps(summary.report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        atomic_write_text(opts["report_path"], text, follow=True)
    if not quiet:
        click.echo(format_summary(summary), err=True)
    if summary.surplus:  # a warning about OUTPUT itself: said even with --quiet
        from glossar.cli import _say

        _say(format_surplus(summary.surplus))
    if summary.not_retried:  # --retry-failed left these: say so even with --quiet
        from glossar.cli import _say

        _say(
            ngettext(
                "{n} error record not retried: its document is not in INPUT, or its id has "
                "other records in OUTPUT too (repeated ids).",
                "{n} error records not retried: their documents are not in INPUT, or their "
                "ids have other records in OUTPUT too (repeated ids).",
                summary.not_retried,
            ).format(n=summary.not_retried)
        )
    if summary.repeated:  # records keyed by id: scripts reading OUTPUT should know
        from glossar.cli import _say

        _say(
            ngettext(
                "{n} document of INPUT has the id of an earlier one ({first}): OUTPUT "
                "holds a record for each, in INPUT's order.",
                "{n} documents of INPUT have the id of an earlier one (first: {first}): "
                "OUTPUT holds a record for each, in INPUT's order.",
                summary.repeated,
            ).format(n=summary.repeated, first=summary.first_repeated)
        )
    if summary.report.documents == 0:  # a mistyped folder looked like a finished job
        from glossar.cli import _say
        from glossar.files import display_name

        _say(
            _(
                "{name}: INPUT holds no documents (.txt files in a folder, or lines of a "
                "JSON Lines file)"
            ).format(name=display_name(opts["input_path"]))
        )
    unfinished = not_done(summary.report)
    if unfinished:
        from glossar.cli import _say

        _say(unfinished)
        sys.exit(1)


def not_done(report: Any) -> str:
    """Why OUTPUT is no finished job, for exit status 1 (a script saw 0 whatever
    happened, a tester's every document failing included), or "": documents that
    failed inside glossar ("failed: …", not for their text), or documents none of
    which could be done. An archive with some unreadable files (binary, too large) is
    done: its summary names them; an empty INPUT is said, with exit status 0."""
    failed = sum(n for reason, n in report.error_reasons.items() if reason.startswith("failed"))
    if failed:
        return ngettext(
            "{n} document failed inside glossar, not for its text: see its error record "
            "in OUTPUT; to redo it, run the same command again with --retry-failed "
            "(exit status 1)",
            "{n} documents failed inside glossar, not for their text: see their error "
            "records in OUTPUT; to redo them, run the same command again with "
            "--retry-failed (exit status 1)",
            failed,
        ).format(n=failed)
    if report.documents and report.errors == report.documents:
        return _("no document could be done: each has an error record in OUTPUT (exit status 1)")
    return ""


def format_interrupted(stop: Any, total: int | None) -> str:
    """What to say of a job stopped by Ctrl-C (:class:`~glossar.corpus.job.JobInterrupted`):
    the documents OUTPUT keeps (of INPUT's, where the progress bar counted them)."""
    from glossar.files import display_name

    name = display_name(stop.output)
    if total is not None:
        message = ngettext(
            "interrupted: {name} holds {done} of {total} document; run the same command "
            "again to go on",
            "interrupted: {name} holds {done} of {total} documents; run the same command "
            "again to go on",
            total,
        )
        return message.format(done=stop.written, total=total, name=name)
    message = ngettext(
        "interrupted: {name} holds {done} document; run the same command again to go on",
        "interrupted: {name} holds {done} documents; run the same command again to go on",
        stop.written,
    )
    return message.format(done=stop.written, name=name)


def format_surplus(surplus: dict[str, int]) -> str:
    """What to say of records written twice (:attr:`JobSummary.surplus`)."""
    extra = sum(surplus.values())
    first = next(iter(surplus))
    message = ngettext(
        "OUTPUT holds {n} record more than INPUT has documents under its id ({first}): "
        "written twice (two jobs on one OUTPUT at once?); its figures count it twice.",
        "OUTPUT holds {n} records more than INPUT has documents under their ids "
        "(first: {first}): written twice (two jobs on one OUTPUT at once?); its figures "
        "count them twice.",
        extra,
    )
    return message.format(n=extra, first=first)


class _ProgressBar:
    """Click's progress bar on stderr: documents, documents/s, segments/s and ETA."""

    def __init__(self, input_path: str, output: str) -> None:
        from glossar.corpus.output import iter_records
        from glossar.corpus.source import count_documents

        total = count_documents(input_path)
        self.total = total  # INPUT's documents: what a Ctrl-C's line counts against
        try:
            done = sum(1 for _ in iter_records(output))
        except OSError:
            done = 0
        self._last = 0  # documents shown so far
        self._rates = ""
        self._bar = click.progressbar(
            length=max(total - done, 0),
            label=_("Documents"),
            file=sys.stderr,
            show_eta=True,
            show_pos=True,
            item_show_func=lambda _item: self._rates,
        )
        self._bar.__enter__()

    def update(self, run: Any) -> None:
        rates = _("{d:.1f} docs/s, {s:.1f} segments/s") if run.segments else _("{d:.1f} docs/s")
        self._rates = rates.format(d=run.docs_per_s, s=run.segments_per_s)
        self._bar.update(run.documents - self._last)
        self._last = run.documents

    def close(self) -> None:
        self._bar.__exit__(None, None, None)


def _refuse_report_over_inputs(report: str, opts: dict[str, Any], glossaries: Any) -> None:
    """--report must not be INPUT, OUTPUT or a glossary, nor lie inside a folder INPUT
    (it would replace a document, or be read as one next time): refused before the job
    runs (exit 2), as an OUTPUT over INPUT is."""
    import os

    from glossar.errors import OutputIsInputError
    from glossar.files import display_name, refuse_output_over_inputs

    source = opts["input_path"]
    refuse_output_over_inputs(report, [source, opts["output"], *glossaries])
    if os.path.isdir(source):
        folder = os.path.realpath(source)
        where = os.path.realpath(report)
        if os.path.commonpath([folder, where]) == folder:
            message = _(
                "{name}: the report would be written inside the corpus folder {folder}; "
                "write somewhere else"
            )
            raise OutputIsInputError(
                message.format(name=display_name(report), folder=display_name(source))
            )


def format_summary(summary: Any) -> str:
    """The end-of-job summary for people (stderr)."""
    report = summary.report
    run = summary.run
    holds = ngettext(
        "OUTPUT holds {docs} document ({new} this run, {old} from earlier runs)",
        "OUTPUT holds {docs} documents ({new} this run, {old} from earlier runs)",
        report.documents,
    )
    errors = ngettext("{errors} error.", "{errors} errors.", report.errors)
    lines = [
        holds.format(docs=report.documents, new=run.documents, old=summary.resumed)
        + ", "
        + errors.format(errors=report.errors)
    ]
    if summary.retried:
        lines.append(
            ngettext(
                "Retried: {n} document that had an error record.",
                "Retried: {n} documents that had error records.",
                summary.retried,
            ).format(n=summary.retried)
        )
    elif report.errors:
        lines.append(_("Error records are kept on a resume: --retry-failed redoes them."))
    if summary.torn_bytes:
        lines.append(
            _("Redone: a torn last line ({n} bytes) from an interrupted run.").format(
                n=summary.torn_bytes
            )
        )
    where = f"{summary.engine}, {summary.workers} " + (
        _("actors") if summary.engine == "ray" else _("workers")
    )
    if report.kind == "translate":
        rate = _("This run: {sec:.1f} s, {d:.2f} documents/s, {s:.1f} segments/s ({where}).")
    else:
        rate = _("This run: {sec:.1f} s, {d:.2f} documents/s ({where}).")
    lines.append(rate.format(sec=run.seconds, d=run.docs_per_s, s=run.segments_per_s, where=where))
    lines.append(format_report(report, top=5))
    return "\n".join(lines)


def format_report(report: Any, top: int = 20) -> str:
    """Totals and the most frequent glossary entries, for people."""
    lines = []
    if report.kind == "translate":
        lines.append(
            ngettext(
                "{docs} document, {segs} segments; glossary terms: {total} "
                "(model {model}, enforced {enf}, missing {miss}).",
                "{docs} documents, {segs} segments; glossary terms: {total} "
                "(model {model}, enforced {enf}, missing {miss}).",
                report.documents,
            ).format(
                docs=report.documents,
                segs=report.segments,
                total=report.terms_total,
                model=report.terms_model,
                enf=report.terms_enforced,
                miss=report.terms_missing,
            )
        )
    else:
        lines.append(
            ngettext(
                "{docs} document; glossary terms: {total} (sure {sure}, unsure {unsure}).",
                "{docs} documents; glossary terms: {total} (sure {sure}, unsure {unsure}).",
                report.documents,
            ).format(
                docs=report.documents,
                total=report.terms_total,
                sure=report.terms_total - report.terms_unsure,
                unsure=report.terms_unsure,
            )
        )
    if report.error_reasons:
        reasons = ", ".join(f"{k} ×{n}" for k, n in report.error_reasons.most_common())
        lines.append(_("Errors: {reasons}").format(reasons=reasons))
    ranked = report.ranked()[:top]
    if ranked:
        if report.kind == "translate":
            header = [_("count"), _("docs"), _("model"), _("enforced"), _("missing")]
            header += [_("id"), _("English")]
            rows = [
                [s.count, s.documents, s.model, s.enforced, s.missing, s.id, s.en] for s in ranked
            ]
        else:
            header = [_("count"), _("docs"), _("sure"), _("unsure"), _("id"), _("English")]
            rows = [[s.count, s.documents, s.sure, s.unsure, s.id, s.en] for s in ranked]
        table = [header] + [[str(c) for c in r] for r in rows]
        widths = [max(len(r[i]) for r in table) for i in range(len(header))]
        for r in table:
            cells = [
                c.rjust(w) if i < len(header) - 2 else c.ljust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ]
            lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
