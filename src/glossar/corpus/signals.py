"""Signals around a corpus job's worker processes: who stops what, and how.

Why: a job's workers (processes or Ray actors) must end with the job. Ctrl-C reaches
the whole process group, so workers must not take it for themselves (the parent stops
them); ``kill PID`` (SIGTERM) reaches the parent alone, which by default dies without
stopping them, leaving workers behind that keep stderr open for ever.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any


def sigterm_raises() -> Any:
    """Make SIGTERM unwind as ``SystemExit(143)`` (so the job's clean-up runs and stops
    its workers); returns the handler to restore, or None off the main thread."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    return signal.signal(signal.SIGTERM, stop)


def restore_sigterm(handler: Any) -> None:
    """Put back what :func:`sigterm_raises` replaced."""
    if handler is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)


@contextlib.contextmanager
def signals_held(*signums: int) -> Iterator[None]:
    """``signums`` blocked in this thread meanwhile: a worker process started here
    inherits the block (it must not take a Ctrl-C for itself, even before it ignores
    SIGINT), clean-up runs to its end, and a signal that comes meanwhile reaches this
    process right after."""
    block = getattr(signal, "pthread_sigmask", None)
    if block is None:  # not POSIX: the workers ignore SIGINT as they start instead
        yield
        return
    old = block(signal.SIG_BLOCK, set(signums))
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, old)
