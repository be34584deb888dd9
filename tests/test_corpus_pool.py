"""The local engine's worker processes on real documents (UD German PUD): a worker
killed mid-job, a worker that cannot start, a caller that stops reading. Each must end
the job at once with what happened, and leave no process behind: the job's own pool
replaced concurrent.futures' executor, whose manager thread could hang the
interpreter's exit once a worker was killed (1 Ctrl-C in ~50 on a loaded machine)."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_corpus import PUD_DOCS

from glossar.corpus import JobSpec
from glossar.corpus.local import AHEAD, CHUNK, WorkerStoppedError, local_records
from glossar.corpus.source import Document
from glossar.errors import GlossarError

DOCS = [Document(d["id"], d["text"]) for d in PUD_DOCS[:400]]
#: PUD's sentences joined ~250 at a time (~40k characters): a chunk of these takes a
#: worker long enough to be killed while it works on it
LONG_DOCS = [
    Document(f"long/{i}", " ".join(d["text"] for d in PUD_DOCS[i * 250 : (i + 1) * 250]))
    for i in range(4)
] * 6


@pytest.fixture(autouse=True)
def _watchdog() -> Iterator[None]:
    """A job that hangs fails the run with every thread's stack instead of hanging CI."""
    faulthandler.dump_traceback_later(180, exit=True, file=sys.stderr)
    yield
    faulthandler.cancel_dump_traceback_later()


def workers_alive() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name.startswith("glossar-corpus")]


def test_two_workers_write_what_one_process_writes() -> None:
    one = list(local_records(JobSpec("terms"), DOCS, workers=1))
    two = list(local_records(JobSpec("terms"), DOCS, workers=2))
    assert two == one
    assert [r["id"] for r in two] == [d.id for d in DOCS]
    assert any(r["terms"] for r in two)  # real hits, not empty records
    assert not workers_alive()


def test_fewer_chunks_than_workers_start_no_idle_worker() -> None:
    records = local_records(JobSpec("terms"), DOCS[:CHUNK], workers=2)
    assert next(records)["id"] == DOCS[0].id
    assert len(workers_alive()) == 1  # one chunk: one worker started, not two
    assert len(list(records)) == CHUNK - 1
    assert not workers_alive()


def test_a_killed_worker_stops_the_job_with_its_signal_and_leaves_none_behind() -> None:
    records = local_records(JobSpec("terms"), DOCS, workers=2)
    written = [next(records)]
    victims = workers_alive()
    assert victims, "no worker process started"
    os.kill(victims[0].pid, signal.SIGKILL)  # the OOM killer, a user's kill -9
    started = time.monotonic()
    with pytest.raises(WorkerStoppedError) as stopped:
        written.extend(records)
    assert time.monotonic() - started < 30
    assert "killed by SIGKILL" in str(stopped.value)
    assert "running the job again goes on from there" in str(stopped.value)
    assert isinstance(stopped.value, GlossarError)  # the CLI says it in one line
    # what came before was in order and complete
    assert [r["id"] for r in written] == [d.id for d in DOCS[: len(written)]]
    assert len(written) < len(DOCS)
    assert not workers_alive()


def _spec_whose_glossary_is_gone(glossary: Path) -> JobSpec:
    """A job on a glossary file that the job's process checked and that is deleted
    before the workers load it."""
    glossary.write_text(
        '[[entry]]\nid = "a"\nde = "Ausnahmezustand"\ngender = "m"\nen = "state of emergency"\n',
        encoding="utf-8",
    )
    spec = JobSpec("terms", glossary_paths=(str(glossary),))
    glossary.unlink()
    return spec


def test_a_worker_that_cannot_start_says_why_as_this_process_would(tmp_path: Path) -> None:
    """The glossary is gone when the workers load it: its own error (one line in the
    CLI), not a broken pool or an internal error."""
    spec = _spec_whose_glossary_is_gone(tmp_path / "mine.toml")
    with pytest.raises(GlossarError) as failed:
        list(local_records(spec, DOCS[:40], workers=2))
    assert not isinstance(failed.value, WorkerStoppedError)
    assert "mine.toml" in str(failed.value)
    assert failed.value.__cause__ is not None  # the worker's traceback, for --debug
    assert "Traceback" in str(failed.value.__cause__)
    assert not workers_alive()


def test_a_caller_that_stops_reading_stops_the_workers_at_once() -> None:
    records = local_records(JobSpec("terms"), DOCS, workers=2)
    next(records)
    assert workers_alive()
    started = time.monotonic()
    records.close()
    assert time.monotonic() - started < 10
    assert not workers_alive()


def test_a_worker_killed_mid_chunk_is_an_end_of_file_not_a_wait() -> None:
    """Both workers busy on long documents when one is killed: the job sees its pipe
    close at once (its death mid-chunk, even mid-answer, is no wait)."""
    records = local_records(JobSpec("terms"), LONG_DOCS, workers=2)
    next(records)  # both workers have a chunk now (the next is handed out first)
    victims = workers_alive()
    assert len(victims) == 2
    os.kill(victims[0].pid, signal.SIGKILL)
    started = time.monotonic()
    with pytest.raises(WorkerStoppedError, match="killed by SIGKILL"):
        list(records)
    assert time.monotonic() - started < 30
    assert not workers_alive()


def test_a_worker_that_cannot_start_still_says_why_under_a_large_first_chunk(
    tmp_path: Path,
) -> None:
    """A first chunk larger than the pipe holds (4 documents of 300,000 characters): the
    worker that cannot start reads it before answering, so neither side waits on the
    other to read, and the glossary's error comes back, not "stopped unexpectedly"."""
    spec = _spec_whose_glossary_is_gone(tmp_path / "mine.toml")
    big = [Document(f"big/{i}", "Ein Satz. " * 30_000) for i in range(8)]
    started = time.monotonic()
    with pytest.raises(GlossarError) as failed:
        list(local_records(spec, big, workers=2))
    assert time.monotonic() - started < 60
    assert not isinstance(failed.value, WorkerStoppedError)
    assert "mine.toml" in str(failed.value)
    assert not workers_alive()


#: Run in a fresh process (multiprocessing's resource tracker not yet started, as in a
#: CLI run): the SIGINT/SIGTERM masks of a job's workers, as /proc shows them.
_MASKS = """
import signal, sys
from pathlib import Path
from glossar.corpus import JobSpec
from glossar.corpus.local import CHUNK, local_records
from glossar.corpus.source import Document
import multiprocessing

if __name__ == "__main__":
    docs = [Document(f"d{i}", "Der Präsident sprach. " * 2000) for i in range(24)]
    records = local_records(JobSpec("terms"), docs, workers=2)
    # chunk 1 went to the second worker: its first record means both have answered,
    # so both run their own code (not still starting up)
    for _ in range(CHUNK + 1):
        next(records)
    for p in multiprocessing.active_children():
        if not p.name.startswith("glossar-corpus"):
            continue
        status = Path(f"/proc/{p.pid}/status").read_text().splitlines()
        f = dict(line.split(":\\t", 1) for line in status if ":\\t" in line)
        blocked, ignored = int(f["SigBlk"], 16), int(f["SigIgn"], 16)
        bit = lambda s: 1 << (s - 1)
        print(p.name, bool(blocked & bit(signal.SIGINT)), bool(ignored & bit(signal.SIGINT)),
              bool(blocked & bit(signal.SIGTERM)))
    records.close()
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_every_worker_holds_ctrl_c_for_the_job_to_handle(tmp_path: Path) -> None:
    """Each worker has SIGINT blocked and ignored, the first one too (starting the
    resource tracker unblocked it: a Ctrl-C while that worker started printed its
    traceback), and SIGTERM free (how the job stops a busy worker)."""
    script = tmp_path / "masks.py"
    script.write_text(_MASKS, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parent.parent / "src"))
    run = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    masks = sorted(run.stdout.split("\n")[:-1])
    assert masks == [
        "glossar-corpus-worker-1 True True False",
        "glossar-corpus-worker-2 True True False",
    ], run.stdout + run.stderr


def test_a_slow_chunk_holds_back_what_is_read_not_just_what_is_written() -> None:
    """A slow chunk (four documents of ~120,000 characters) amid hundreds of quick ones:
    the other worker goes on only a bounded way past it, so INPUT is read, and records
    are held in memory, a few chunks at a time, however large the corpus."""
    pulled = 0
    slow = [Document(f"slow/{i}", " ".join([LONG_DOCS[i].text] * 3)) for i in range(CHUNK)]
    quick = DOCS[: 2 * CHUNK]  # one chunk for each worker first: both are up

    def counted() -> Iterator[Document]:
        nonlocal pulled
        for doc in [*quick, *slow, *DOCS[2 * CHUNK :]]:
            pulled += 1
            yield doc

    records = local_records(JobSpec("terms"), counted(), workers=2)
    written = 0
    for record in records:
        written += 1
        if record["id"] == slow[0].id:
            break
    assert written == len(quick) + 1
    window = AHEAD * 2  # chunks out or waiting, with 2 workers
    # the two quick chunks written, the window past them, one chunk read ahead
    assert pulled <= (2 + window + 1) * CHUNK, pulled
    assert len(list(records)) == CHUNK - 1 + len(DOCS) - len(quick)
    assert not workers_alive()
