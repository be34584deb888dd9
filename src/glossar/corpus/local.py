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

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

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
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(spec,)) as pool:
        pending: deque[Future[list[dict[str, object]]]] = deque()
        try:
            for chunk in _chunks(docs, CHUNK):
                pending.append(pool.submit(_run_chunk, chunk))
                while len(pending) >= AHEAD * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for fut in pending:
                fut.cancel()
