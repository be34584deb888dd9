"""The local engine: documents processed in this process or in worker processes.

Why processes and not CTranslate2's ``inter_threads``: term recognition, segmentation
and enforcement are Python and hold the GIL, so threads share one core for that part;
worker processes each own a core for all of it (measured: docs/decisions.md). Workers
are started with ``spawn`` (no CTranslate2 threads inherited through ``fork``), each
builds one :class:`~glossar.corpus.work.Worker`, and chunks of documents are handed
out with a bounded number in flight, so memory stays flat on any corpus size and the
records come back in input order.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from glossar.corpus.signals import restore_sigterm, sigint_held, sigterm_raises
from glossar.corpus.source import Document
from glossar.corpus.work import JobSpec, Worker

#: Documents per task sent to a worker process.
CHUNK = 4
#: Tasks in flight per worker (enough to keep it busy while the parent writes).
AHEAD = 2

_WORKER: Worker | None = None


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _init(spec: JobSpec) -> None:
    import gc

    # Ctrl-C is the parent's to handle (it stops the job; OUTPUT keeps what was written):
    # a worker interrupted mid-task printed its own KeyboardInterrupt traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER
    _WORKER = Worker(spec)
    # the worker's glossary and recogniser live as long as this process: kept out of
    # the cyclic GC's full scans (as the CLI does, cli.options.settle_glossary)
    gc.freeze()


def _run_chunk(docs: list[Document]) -> list[dict[str, object]]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.process_many(docs)


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


def local_records(
    spec: JobSpec, docs: Iterable[Document], workers: int = 1
) -> Iterator[dict[str, object]]:
    """One record per document of ``docs``, in order, using ``workers`` processes
    (1 = this process)."""
    if workers <= 1:
        worker = Worker(spec)
        for doc in docs:
            yield worker.process(doc)
        return
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(spec,))
    pending: deque[Future[list[dict[str, object]]]] = deque()
    old_sigterm = sigterm_raises()  # `kill PID`: stop the workers too, not leave them
    try:
        for chunk in _chunks(docs, CHUNK):
            with sigint_held():  # the first submit starts the workers
                pending.append(pool.submit(_run_chunk, chunk))
            while len(pending) >= AHEAD * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:
        # Ctrl-C, an error, or the caller stopped reading: what the workers still do is
        # wanted by nobody (OUTPUT has every record written so far), so they are stopped
        # rather than waited for (a chunk of long translations takes seconds)
        # (the pool's own processes only: a library caller's other children are theirs;
        # ``_processes`` is CPython's, so read with care)
        workers_now = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers_now:
            with contextlib.suppress(Exception):
                process.terminate()
        raise
    finally:
        restore_sigterm(old_sigterm)
    pool.shutdown(wait=True)
