"""The local engine: documents processed in this process or in worker processes.

Why processes and not CTranslate2's ``inter_threads``: term recognition, segmentation
and enforcement are Python and hold the GIL, so threads share one core for that part;
worker processes each own a core for all of it (measured: docs/decisions.md). Workers
are started with ``spawn`` (no CTranslate2 threads inherited through ``fork``), each
builds one :class:`~glossar.corpus.work.Worker`, and chunks of documents are handed
out with a bounded number in flight, so memory stays flat on any corpus size and the
records come back in input order.

Why a pool of our own and not :class:`concurrent.futures.ProcessPoolExecutor`: a job
stops its workers mid-chunk (Ctrl-C, ``kill``, an error), and the executor cannot be
stopped that way on Python < 3.14: its manager thread, which the interpreter joins at
exit, waited for good on a future's lock that the main thread held when the Ctrl-C
landed in it (seen: 1 Ctrl-C in ~50 on a loaded machine left ``glossar corpus``
hanging after its last line). Here each worker
has one pipe of its own and the parent holds only its end of it, so a worker that dies
mid-message is an end of file, not a wait; the parent has no threads to join, and
stopping is: close the pipes (an idle worker leaves on its end of file), SIGTERM the
busy workers, reap them all, SIGKILL whoever is left after :data:`STOP_GRACE_S`.

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
import pickle
import signal
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from glossar.corpus.signals import restore_sigterm, signals_held, sigterm_raises
from glossar.corpus.source import Document
from glossar.corpus.work import JobSpec, Worker
from glossar.errors import GlossarError
from glossar.i18n import _

#: Documents per task sent to a worker process.
CHUNK = 4
#: Chunks handed out or waiting to be written, per worker: bounds the records held in
#: memory while a slow chunk keeps the ones after it from being written in order.
AHEAD = 2
#: Seconds a stopped worker has to end on SIGTERM before it is killed (SIGKILL).
STOP_GRACE_S = 2.0

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


@contextlib.contextmanager
def _no_phantom_main() -> Iterator[None]:
    """A main script that is no file (``python -`` reads it from standard input:
    ``__file__`` is "<stdin>") hidden from ``spawn`` while a worker starts: each worker
    tried to run "<stdin>" again, printed a FileNotFoundError traceback and died, and
    the job stopped with "a worker process … stopped unexpectedly". The workers need
    nothing of the script (their task is glossar's)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or os.path.isfile(path):
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


class WorkerStoppedError(GlossarError, RuntimeError):
    """A worker process ended without being asked to (killed, out of memory, a crash in
    native code): the job stops, and OUTPUT keeps every record written so far."""


def _stopped_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = str(-exitcode)
        how = _("killed by {signal}").format(signal=name)
    elif exitcode is None:
        how = _("its connection closed")
    elif exitcode == 0:
        how = _("it left without an answer")
    else:
        how = _("exit status {code}").format(code=exitcode)
    return _(
        "a worker process of the corpus job stopped unexpectedly ({how}); OUTPUT keeps "
        "every record written so far, and running the job again goes on from there"
    ).format(how=how)


class _RemoteTraceback(Exception):
    """A worker's traceback, as text: the ``__cause__`` of what it raised (``--debug``)."""

    def __str__(self) -> str:
        return str(self.args[0])


def _failure(exc: BaseException) -> tuple[BaseException, str]:
    """What a worker sends back for an exception: the exception itself when it survives
    pickling (a :class:`GlossarError` stays one: the CLI says its line), else its text."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any unpicklable exception is sent as its text
        exc = RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc, text


def _serve(conn: Connection, spec: JobSpec) -> None:
    """A worker process: build one :class:`Worker`, then answer ``(index, documents)``
    with ``(index, records, None)`` until the parent sends None or goes away. A failure
    is answered ``(index, None, (exception, traceback))`` and ends the worker.

    Worker and parent take turns on the pipe, always: a worker that cannot start still
    reads its first chunk before it answers with why (the parent, sending a chunk of
    large documents, would wait on a worker that waits on it to read its answer)."""
    import gc

    # Ctrl-C is the parent's to handle (it stops the job; OUTPUT keeps what was written):
    # a worker interrupted mid-task printed its own KeyboardInterrupt traceback. SIGTERM,
    # held while the parent started this process, is how the parent stops it mid-chunk.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(AttributeError):  # not POSIX: nothing was held
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    try:
        worker: Worker | None = Worker(spec)
        # the worker's glossary and recogniser live as long as this process: kept out
        # of the cyclic GC's full scans (as the CLI does, cli.options.settle_glossary)
        gc.freeze()
        cannot: tuple[BaseException, str] | None = None
    except BaseException as exc:  # noqa: BLE001 - said by the parent, raised there
        worker, cannot = None, _failure(exc)
    try:
        while (task := conn.recv()) is not None:
            index, docs = task
            if worker is None:
                conn.send((index, None, cannot))
                return
            try:
                records = worker.process_many(docs)
            except BaseException as exc:  # noqa: BLE001 - said by the parent, raised there
                conn.send((index, None, _failure(exc)))
                return
            conn.send((index, records, None))
    except (EOFError, OSError):
        return  # the parent is gone, or stopped the job: nobody to answer
    finally:
        conn.close()


@dataclass
class _Slot:
    """One worker process, the parent's end of its pipe, and the chunk it works on."""

    process: BaseProcess
    conn: Connection
    task: int | None = None


def default_workers() -> int:
    """One worker per core this process may use."""
    from glossar.arguments import usable_cores

    return usable_cores()


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while chunk := list(islice(it, size)):
        yield chunk


class _Pool:
    """Up to ``workers`` worker processes, started as chunks need them."""

    def __init__(self, spec: JobSpec, workers: int) -> None:
        self.spec = spec
        self.workers = workers
        self.slots: list[_Slot] = []
        self._ctx = multiprocessing.get_context("spawn")
        # spawn starts multiprocessing's resource tracker with its first process, and
        # unblocks SIGINT and SIGTERM as it does: started now, it cannot undo the hold
        # under which the first worker starts (which then printed a Ctrl-C's traceback)
        if os.name == "posix":  # the tracker exists there only
            from multiprocessing import resource_tracker

            resource_tracker.ensure_running()

    def idle(self) -> _Slot | None:
        """A worker with nothing to do, started now if none is and one more may be."""
        for slot in self.slots:
            if slot.task is None:
                if slot.process.exitcode is not None:  # died after its last answer
                    raise self._stopped(slot)
                return slot
        if len(self.slots) >= self.workers:
            return None
        ours, theirs = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=_serve,
            args=(theirs, self.spec),
            name=f"{WORKER_NAME}-{len(self.slots) + 1}",
            daemon=True,  # at a normal exit, multiprocessing ends it if we did not
        )
        # Started with SIGINT and SIGTERM held. The worker inherits the block: it must
        # not take a Ctrl-C for itself, even before it ignores SIGINT (then the signal
        # is dropped); it unblocks SIGTERM itself. And a Ctrl-C or kill cannot land
        # between the start and the slot that lets stop() end this worker.
        with signals_held(signal.SIGINT, signal.SIGTERM), _no_phantom_main():
            process.start()
            theirs.close()  # the worker's end is its own: its death is our end of file
            slot = _Slot(process, ours)
            self.slots.append(slot)
        return slot

    def hand(self, slot: _Slot, index: int, chunk: list[Document]) -> None:
        """Chunk ``index`` to an idle worker (which is reading: the send cannot wait on
        it while it waits on us)."""
        try:
            slot.conn.send((index, chunk))
        except OSError:
            raise self._stopped(slot) from None
        slot.task = index

    def busy(self) -> bool:
        """Whether a worker has a chunk to answer."""
        return any(slot.task is not None for slot in self.slots)

    def answers(self) -> Iterator[tuple[int, list[dict[str, object]]]]:
        """Waits for the busy workers; ``(index, records)`` of each chunk done."""
        busy = {slot.conn: slot for slot in self.slots if slot.task is not None}
        sentinels = {slot.process.sentinel: slot for slot in busy.values()}
        ready = wait([*busy, *sentinels])
        for obj in ready:
            slot = busy.get(obj)  # type: ignore[call-overload]
            if slot is None:
                slot = sentinels[obj]  # type: ignore[index]
                if slot.task is None or slot.conn.poll():
                    continue  # answered already, or its last answer is still to read
            if slot.task is None:
                continue
            try:
                index, records, failure = slot.conn.recv()
            except (EOFError, OSError):
                raise self._stopped(slot) from None
            if failure is not None:
                exc, text = failure
                exc.__cause__ = _RemoteTraceback(text)
                raise exc
            slot.task = None
            yield index, records

    def _stopped(self, slot: _Slot) -> GlossarError:
        slot.process.join(5.0)  # its exit status says why
        if slot.process.exitcode == UNGUARDED_EXIT:
            return UnguardedScriptError(_unguarded_message())
        return WorkerStoppedError(_stopped_message(slot.process.exitcode))

    def close(self) -> None:
        """The job is done: each worker is told to end, then reaped."""
        for slot in self.slots:
            with contextlib.suppress(OSError):
                slot.conn.send(None)
        self.stop()

    def stop(self) -> None:
        """Every worker ends now (a busy one by SIGTERM, then SIGKILL after
        :data:`STOP_GRACE_S`) and is reaped; no second Ctrl-C or ``kill`` meanwhile
        leaves one behind."""
        with signals_held(signal.SIGINT, signal.SIGTERM):
            for slot in self.slots:
                slot.conn.close()  # an idle worker reads its end of file and leaves
                if slot.task is not None and slot.process.exitcode is None:
                    slot.process.terminate()  # stopped mid-chunk: nobody wants its records
            deadline = time.monotonic() + STOP_GRACE_S
            for slot in self.slots:
                slot.process.join(max(0.0, deadline - time.monotonic()))
                if slot.process.exitcode is None:
                    slot.process.kill()
                    slot.process.join()
                slot.process.close()
            self.slots.clear()


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
    pool = _Pool(spec, workers)
    old_sigterm = sigterm_raises()  # `kill PID`: stop the workers too, not leave them
    try:
        chunks = _chunks(docs, CHUNK)
        done: dict[int, list[dict[str, object]]] = {}
        handed = written = 0  # chunks handed out, chunks whose records were yielded
        chunk: list[Document] | None = None
        exhausted = False
        while True:
            # at most AHEAD chunks per worker are out or waiting for the ones before them
            while not exhausted and handed - written < AHEAD * workers:
                if chunk is None and (chunk := next(chunks, None)) is None:
                    exhausted = True
                    break
                slot = pool.idle()
                if slot is None:
                    break
                pool.hand(slot, handed, chunk)
                chunk = None
                handed += 1
            while written in done:
                yield from done.pop(written)
                written += 1
            if exhausted and written == handed:
                break
            if not pool.busy():
                continue  # all answered and written: the window is open again
            for index, records in pool.answers():
                done[index] = records
        pool.close()
    finally:
        # Ctrl-C, kill, an error, or the caller stopped reading: what the workers still
        # do is wanted by nobody (OUTPUT has every record written so far), so they are
        # stopped rather than waited for (a chunk of long translations takes seconds)
        try:
            pool.stop()
        finally:
            restore_sigterm(old_sigterm)
