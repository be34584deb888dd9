"""The local engine: documents processed in this process or in worker processes.

Why processes and not CTranslate2's ``inter_threads``: term recognition, segmentation
and enforcement are Python and hold the GIL, so threads share one core for that part;
worker processes each own a core for all of it (measured: docs/decisions.md). Workers
are started with ``spawn`` (no CTranslate2 threads inherited through ``fork``), each
builds one :class:`~glossar.corpus.work.Worker`, and chunks of documents are handed
out with a bounded number in flight, so memory stays flat on any corpus size and the
records come back in input order.

A spawned worker first runs the caller's main script again (Python's rule for
``spawn``): a script that starts a job at its top level, without
``if __name__ == "__main__":``, started one in every worker. A worker that finds itself
starting a job there leaves at once with :data:`UNGUARDED_EXIT` (quietly: the parent
says it once, as :class:`UnguardedScriptError`), see :func:`refuse_worker_bootstrap`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing.context import SpawnContext, SpawnProcess

from glossar.corpus.signals import restore_sigterm, sigint_held, sigterm_raises
from glossar.corpus.source import Document
from glossar.corpus.work import JobSpec, Worker
from glossar.errors import GlossarError
from glossar.i18n import _

#: Documents per task sent to a worker process.
CHUNK = 4
#: Tasks in flight per worker (enough to keep it busy while the parent writes).
AHEAD = 2

_WORKER: Worker | None = None

#: The name every worker process of this engine carries (``glossar-corpus-worker-1``…):
#: known in the worker before it runs the caller's main script again.
WORKER_NAME = "glossar-corpus-worker"
#: A worker's exit status when the caller's main script started a job while the worker
#: was still running it again (no ``if __name__ == "__main__":``).
UNGUARDED_EXIT = 97


class UnguardedScriptError(GlossarError, RuntimeError):
    """A script started a corpus job with worker processes at its top level: each worker
    runs the script again as it starts (Python's ``spawn``), so the job cannot run."""


def _unguarded_message() -> str:
    return _(
        "the worker processes of a corpus job run the calling script again as they start "
        '(Python\'s "spawn"), and this script started the job again in each: start it '
        'under if __name__ == "__main__": (Python\'s rule for multiprocessing), or pass '
        "workers=1"
    )


def in_worker_bootstrap() -> bool:
    """Whether this process is a spawned (or forkserver) child still running its parent's
    main script again, before its own task: what CPython itself checks before refusing to
    start a process there (``multiprocessing.spawn._check_not_importing_main``; measured
    on 3.11: ``parent_process()`` is still None then, ``_inheriting`` True)."""
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def refuse_worker_bootstrap() -> None:
    """Stop a job that a worker's start-up is about to run (an unguarded script).

    In one of this engine's workers the worker leaves at once with
    :data:`UNGUARDED_EXIT` and says nothing (the job's own process says it once); in a
    child of another pool, :class:`UnguardedScriptError`."""
    if not in_worker_bootstrap():
        return
    if multiprocessing.current_process().name.startswith(WORKER_NAME):
        raise SystemExit(UNGUARDED_EXIT)
    raise UnguardedScriptError(_unguarded_message())


class _WorkerProcess(SpawnProcess):
    """A spawned worker named :data:`WORKER_NAME`-N (the name reaches the child before
    it runs the main script again)."""


class _WorkerContext(SpawnContext):
    """The ``spawn`` context, making :class:`_WorkerProcess` es and keeping them: their
    exit status says why a pool broke, and they are stopped with the job."""

    def __init__(self) -> None:
        super().__init__()
        self.started: list[_WorkerProcess] = []

    def Process(self, *args: object, **kwargs: object) -> _WorkerProcess:  # type: ignore[override]  # noqa: N802 - multiprocessing's name
        process = _WorkerProcess(*args, **kwargs)  # type: ignore[arg-type]
        process.name = f"{WORKER_NAME}-{len(self.started) + 1}"
        self.started.append(process)
        return process


def _left_unguarded(processes: list[_WorkerProcess], wait_s: float = 5.0) -> bool:
    """Whether a worker left with :data:`UNGUARDED_EXIT`; waits (briefly) for the exit
    status of workers the broken pool is still reaping."""
    deadline = time.monotonic() + wait_s
    while True:
        codes = [p.exitcode for p in processes if p.pid is not None]
        if UNGUARDED_EXIT in codes:
            return True
        if None not in codes or time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


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
    ctx = _WorkerContext()
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
    except BaseException as exc:
        # Ctrl-C, an error, or the caller stopped reading: what the workers still do is
        # wanted by nobody (OUTPUT has every record written so far), so they are stopped
        # rather than waited for (a chunk of long translations takes seconds)
        # (the pool's own processes only: a library caller's other children are theirs)
        pool.shutdown(wait=False, cancel_futures=True)
        for process in ctx.started:
            with contextlib.suppress(Exception):
                if process.exitcode is None:
                    process.terminate()
        if isinstance(exc, BrokenProcessPool) and _left_unguarded(ctx.started):
            raise UnguardedScriptError(_unguarded_message()) from None
        raise
    finally:
        restore_sigterm(old_sigterm)
    pool.shutdown(wait=True)
