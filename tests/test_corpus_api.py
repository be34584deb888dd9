"""The corpus library as a script calls it: worker processes and the main script, the
arguments checked before OUTPUT is touched; and what the CLI says of a job (Ctrl-C,
the report's document count, error records on resume)."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from glossar.corpus import (
    JobInterrupted,
    JobSpec,
    UnguardedScriptError,
    read_documents,
    report_from_output,
    run_job,
    terms_corpus,
    translate_corpus,
)
from glossar.corpus.local import UNGUARDED_EXIT, refuse_worker_bootstrap
from glossar.errors import GlossarError

ROOT = Path(__file__).resolve().parent.parent
GUARD = 'if __name__ == "__main__":'

DOCS = [
    {"id": f"d{i}", "text": "Die Regierung hat den Ausnahmezustand verhängt. Der Kreml schweigt."}
    for i in range(6)
]


def corpus(path: Path, docs: list[dict[str, str]] = DOCS) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return path


def _script(folder: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = folder / "job.py"
    script.write_text(textwrap.dedent(body), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_a_script_read_from_standard_input_runs_a_job_with_workers(tmp_path: Path) -> None:
    """A library tester's `… | python -`: each spawned worker tried to run "<stdin>"
    again (two FileNotFoundError tracebacks), and the job stopped with "a worker process
    … stopped unexpectedly", leaving an empty OUTPUT."""
    corpus(tmp_path / "in.jsonl")
    body = f"""
import glossar.corpus
{GUARD}
    s = glossar.corpus.terms_corpus("in.jsonl", "out.jsonl", workers=2)
    print("done", s.run.documents)
"""
    run = subprocess.run(
        [sys.executable, "-"],
        input=body,
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"done {len(DOCS)}\n" and "Traceback" not in run.stderr


# --- a script without `if __name__ == "__main__":` ------------------------------------


def test_an_unguarded_script_with_workers_gets_one_clear_error(  # type: ignore[no-untyped-def]
    copy_model_installed, tmp_path: Path
) -> None:
    """translate_corpus(workers=2) at a script's top level: each spawned worker ran the
    script again and started a job of its own (OutputInUseError tracebacks from both),
    then the script died with BrokenProcessPool; OUTPUT stayed empty. Now: one error
    that names the guard, no worker's traceback; a worker still runs the script's top
    level up to the call as it starts (Python's spawn), so it prints once per worker."""
    corpus(tmp_path / "in.jsonl")
    run = _script(
        tmp_path,
        """
        import glossar.corpus
        print("script body", flush=True)
        glossar.corpus.translate_corpus("in.jsonl", "out.jsonl", workers=2, beam=1)
        print("done")
        """,
    )
    assert run.returncode != 0
    assert run.stderr.count(GUARD) == 1, run.stderr
    assert run.stderr.count("Traceback") == 1, run.stderr  # the script's own, none of a worker
    assert "UnguardedScriptError: the worker processes of a corpus job" in run.stderr
    for noise in ("BrokenProcessPool", "OutputInUseError", "another process holds it"):
        assert noise not in run.stderr, run.stderr
    assert 1 <= run.stdout.count("script body") <= 1 + 2  # the script, then each worker
    assert "done" not in run.stdout
    out = tmp_path / "out.jsonl"
    assert not out.exists()  # left as it was: not there (a library tester's: an empty file)
    # the same script guarded runs, and resumes from that OUTPUT
    run = _script(
        tmp_path,
        f"""
        import glossar.corpus
        {GUARD}
            print("script body", flush=True)
            s = glossar.corpus.translate_corpus("in.jsonl", "out.jsonl", workers=2, beam=1)
            print("done", s.run.documents)
        """,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:2] == ["script body", "done 6"]
    assert [json.loads(x)["id"] for x in out.read_text("utf-8").splitlines()] == [
        d["id"] for d in DOCS
    ]


def test_a_job_started_while_a_worker_starts_up_is_stopped_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What a spawned child does when the script it runs again starts a job: one of this
    engine's workers leaves quietly with UNGUARDED_EXIT (the job's process says why),
    another pool's child gets the error itself."""
    process = multiprocessing.current_process()
    refuse_worker_bootstrap()  # not starting up: nothing happens
    monkeypatch.setattr(process, "_inheriting", True, raising=False)
    monkeypatch.setattr(process, "name", "SpawnProcess-1")
    with pytest.raises(UnguardedScriptError, match=GUARD) as raised:
        run_job(JobSpec("terms"), "in.jsonl", "out.jsonl")
    assert isinstance(raised.value, GlossarError)
    monkeypatch.setattr(process, "name", "glossar-corpus-worker-1")
    with pytest.raises(SystemExit) as left:
        terms_corpus("in.jsonl", "out.jsonl")
    assert left.value.code == UNGUARDED_EXIT


# --- arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"beam": "4"}, TypeError, "beam must be an int"),
        ({"beam": 0}, ValueError, "beam must be from 1"),
        ({"workers": -1}, ValueError, r"workers must be from 0 \(-1 given\)"),
        ({"workers": 2.0}, TypeError, "workers must be an int"),
        ({"workers": True}, TypeError, "workers must be an int"),
        ({"engine": "dask"}, ValueError, "engine must be one of 'local', 'ray'"),
        ({"address": "auto"}, ValueError, "address needs engine='ray'"),
        ({"address": 6379, "engine": "ray"}, TypeError, "address must be a str"),
        ({"progress": "bar"}, TypeError, "progress must be a callable"),
        ({"use_glossary": "no"}, TypeError, "use_glossary must be True or False"),
        ({"model": "translate-de_en"}, TypeError, "model must be a ModelInfo"),
        ({"threads": "2"}, TypeError, "threads must be an int"),
        ({"max_chars": 0}, ValueError, "max_chars must be from 1"),
        ({"max_chars": "1000"}, TypeError, "max_chars must be an int"),
        ({"glossary_paths": [None]}, TypeError, "glossary_paths must be a str or os.PathLike"),
        ({"kind": "terms"}, TypeError, "unexpected keyword argument 'kind'"),
    ],
)
def test_translate_corpus_refuses_a_wrong_argument_before_touching_output(
    tmp_path: Path, kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    """beam="4" ran the job and wrote one "failed: TypeError" record per document, which
    a resume with beam=4 then kept for good; workers=-1 ran as 1."""
    src = corpus(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    with pytest.raises(error, match=match):
        translate_corpus(src, out, **kwargs)  # type: ignore[arg-type]
    assert not out.exists()


def test_the_other_corpus_functions_check_their_arguments_too(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    with pytest.raises(TypeError, match="unexpected keyword argument 'beam'"):
        terms_corpus(src, out, beam=4)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="output must be a str or os.PathLike path"):
        terms_corpus(src, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="input_path must be a str or os.PathLike path"):
        run_job(JobSpec("terms"), b"in.jsonl", out)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="spec must be a JobSpec"):
        run_job("terms", src, out)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind must be one of 'translate', 'terms'"):
        JobSpec("bogus")
    assert not out.exists()
    with pytest.raises(ValueError, match="max_chars must be from 1"):
        read_documents(src, max_chars=0)  # said at the call, not at the first document
    with pytest.raises(TypeError, match="only must be a callable"):
        read_documents(src, only={"d1"})  # type: ignore[arg-type]
    terms_corpus(src, out, workers=1)
    with pytest.raises(ValueError, match="kind must be one of 'translate', 'terms'"):
        report_from_output(out, kind="bogus")
    assert report_from_output(out, kind="terms").documents == 6
    # any integer type is a number of workers or a beam (numpy.int64), stored as an int
    assert JobSpec("translate", beam=_Int()).beam == 2  # type: ignore[arg-type]


class _Int:
    def __index__(self) -> int:
        return 2


# --- what the CLI says ------------------------------------------------------------------


def test_the_text_report_of_a_translation_counts_its_documents(  # type: ignore[no-untyped-def]
    copy_model_installed, tmp_path: Path, glossar_cli
) -> None:
    """`corpus report` (text) said "12 segments; glossary terms: …" and never how many
    documents OUTPUT holds."""
    src = corpus(tmp_path / "in.jsonl", DOCS[:2] + [{"id": "leer", "text": " "}])
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("translate", beam=1), src, out, workers=1)
    segments = sum(len(json.loads(x).get("segments", [])) for x in out.open(encoding="utf-8"))
    r = glossar_cli("corpus", "report", str(out))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(f"3 documents, {segments} segments; glossary terms: ")
    r = glossar_cli("--lang", "de", "corpus", "report", str(out))
    assert r.stdout.startswith(f"3 Dokumente, {segments} Segmente; Glossarbegriffe: ")


def test_translate_help_says_error_records_are_kept_and_how_to_redo_them(  # type: ignore[no-untyped-def]
    glossar_cli,
) -> None:
    """Only docs/decisions-corpus.md said that a resume never redoes error records. The
    help says it, and how to redo them."""
    for verb in ("translate", "terms"):
        shown = " ".join(glossar_cli("corpus", verb, "--help").stdout.split())
        assert "Error records count as done: running the command again keeps them" in shown
        assert "with --retry-failed it redoes them" in shown
    german = " ".join(glossar_cli("--lang", "de", "corpus", "translate", "--help").stdout.split())
    assert "Fehlerdatensätze gelten als erledigt" in german
    assert "mit --retry-failed bearbeitet er sie neu" in german


def test_retry_failed_redoes_error_records_and_keeps_one_record_each(tmp_path: Path) -> None:
    """A document fixed since (or one too long for an earlier --max-chars) was redone only
    once the user had cut its error line out of OUTPUT by hand. ``retry_failed`` takes
    those records out (OUTPUT written anew, atomically) and redoes the documents: one
    record per document, a result or a new error."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "a", "text": "Der Kreml."}\n{"id": "b", "text": " "}\n'
        b'{"id": "c", "text": "Die OVKS schickt Truppen nach Kasachstan."}\n'
    )
    out = tmp_path / "out.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(out.name)  # OUTPUT named through a link: the link stays one
    terms_corpus(src, link, workers=1, max_chars=20)  # b empty, c too long
    first = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [("error" in r) for r in first] == [False, True, True]
    summary = terms_corpus(src, link, workers=1, max_chars=20)  # a resume keeps them
    assert (summary.run.documents, summary.retried) == (0, 0)
    summary = terms_corpus(src, link, workers=1, max_chars=1000, retry_failed=True)
    assert (summary.run.documents, summary.retried, summary.resumed) == (2, 2, 1)
    records = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert sorted((r["id"], "error" in r) for r in records) == [
        ("a", False), ("b", True), ("c", False),
    ]  # fmt: skip
    assert records[0] == first[0]  # the done record kept as it was
    assert link.is_symlink() and summary.report.documents == 3
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left
    with pytest.raises(TypeError, match="retry_failed must be a bool"):
        terms_corpus(src, out, workers=1, retry_failed="yes")  # type: ignore[arg-type]


def test_retry_failed_leaves_an_error_whose_id_has_other_records(tmp_path: Path) -> None:
    """Two documents under one id, one failed: which one cannot be told from OUTPUT, so
    its error record stays (and the summary says so)."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "text": "Der Kreml."}\n{"id": "a", "text": " "}\n')
    out = tmp_path / "out.jsonl"
    terms_corpus(src, out, workers=1)
    before = out.read_bytes()
    summary = terms_corpus(src, out, workers=1, retry_failed=True)
    assert (summary.retried, summary.not_retried, summary.run.documents) == (0, 1, 0)
    assert out.read_bytes() == before


def test_an_interrupted_job_says_what_output_holds_in_english_and_german() -> None:
    from glossar.cli.corpus import format_interrupted
    from glossar.i18n import set_language

    stop = JobInterrupted("out.jsonl", 7, 3)
    assert isinstance(stop, KeyboardInterrupt)
    try:
        assert format_interrupted(stop, 20) == (
            "interrupted: out.jsonl holds 7 of 20 documents; run the same command again to go on"
        )
        assert format_interrupted(JobInterrupted("out.jsonl", 1, 1), None) == (
            "interrupted: out.jsonl holds 1 document; run the same command again to go on"
        )
        set_language("de")
        assert format_interrupted(stop, 20) == (
            "unterbrochen: out.jsonl enthält 7 von 20 Dokumenten; zum Fortsetzen denselben "
            "Befehl erneut ausführen"
        )
    finally:
        set_language("en")


def test_a_job_waiting_for_output_while_it_is_written_anew_gets_the_new_file(
    tmp_path: Path,
) -> None:
    """A job started while another ran --retry-failed waited for the lock on the old
    file, got it once the rename let it go, and wrote its records into a deleted file
    (the stop-47 review's race). It now sees that OUTPUT is another file, and takes
    that one's lock: refused while the first job runs."""
    import threading

    from glossar.corpus.output import OutputInUseError, RecordWriter

    out = tmp_path / "out.jsonl"
    out.write_text('{"id":"a","error":"x"}\n{"id":"b","terms":[]}\n', encoding="utf-8")
    first = RecordWriter(out)
    got: dict[str, object] = {}

    def second() -> None:
        try:
            got["writer"] = RecordWriter(out)
        except OutputInUseError as exc:
            got["writer"] = exc

    waiting = threading.Thread(target=second)
    waiting.start()
    time.sleep(0.3)  # (the second job waits for the old file's lock meanwhile)
    first.drop_errors({"a"})
    waiting.join()
    assert isinstance(got["writer"], OutputInUseError), got
    first.write({"id": "a", "terms": []})
    first.close()
    assert out.read_text(encoding="utf-8").splitlines() == [
        '{"id":"b","terms":[]}', '{"id":"a","terms":[]}',
    ]  # fmt: skip


def test_retry_failed_keeps_the_error_of_a_document_gone_from_input(tmp_path: Path) -> None:
    """The error record of a document removed from INPUT was dropped and never redone
    (the stop-47 review): it stays, counted as not retried."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Der Kreml schweigt.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\xff\xfe kaputt")
    out = tmp_path / "out.jsonl"
    terms_corpus(folder, out, workers=1)
    (folder / "b.txt").unlink()
    before = out.read_bytes()
    summary = terms_corpus(folder, out, workers=1, retry_failed=True)
    assert (summary.retried, summary.not_retried) == (0, 1)
    assert out.read_bytes() == before
