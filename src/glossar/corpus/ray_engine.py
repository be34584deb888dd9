"""The Ray engine: the same job on a Ray cluster (``pip install 'glossar[ray]'``).

Pipeline: Ray Data reads INPUT (``read_binary_files``: one row per ``.txt`` file, or
one per JSON Lines file, split into documents by the same classifier the local engine
uses) → ``map_batches`` over batches of documents on an actor pool, each actor a
:class:`~glossar.corpus.work.Worker` that loads glossary and model once and translates
each document's sentences in length-sorted batches → records streamed back in input
order (``preserve_order``) to the driver, which alone writes OUTPUT. Records are the
local engine's, byte for byte: same classifier, same worker code, one document per
request.

Ray is imported only here, and this module only when ``--engine ray`` is chosen.
Without ``address`` a private local instance starts (no dashboard, ``num_cpus`` = the
workers, at least 2) and is shut down when the job ends, on error and on SIGTERM too.
Ray binds it to the machine's own address, not loopback: Ray resolves ``127.0.0.1`` to
the node's IP on purpose (``services.resolve_ip_for_localhost``), so no option here can
keep it on loopback; on a machine without outside network that reaches nothing else.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from glossar.corpus.output import Resume
from glossar.corpus.signals import restore_sigterm, sigterm_raises
from glossar.corpus.source import (
    Document,
    document_from_bytes,
    document_from_line,
    document_id,
    input_kind,
    list_folder,
    read_documents,
)
from glossar.corpus.work import JobSpec, Worker, error_record
from glossar.errors import GlossarError
from glossar.i18n import _

#: Starts of a local instance before giving up: Ray waits a fixed 30 s for its raylet,
#: which a starved machine misses now and then; a second start usually makes it.
START_ATTEMPTS = 2
#: Documents per ``map_batches`` call on an actor.
BATCH_DOCS = 8
#: Reading and splitting take no CPU slot: the actors hold one each, and a read task
#: waiting for a slot the actors never free would hang the job (seen with 2 CPUs).
_LIGHT = {"num_cpus": 0}
#: Blocks of documents are cut at about this size, so a JSON Lines file (one block
#: when read) reaches every actor.
BLOCK_BYTES = 64 * 1024

RAY_MISSING = "--engine ray needs Ray: pip install 'glossar[ray]'"


class RayMissingError(GlossarError):
    """Ray is not installed (exit 2: the option cannot be used here)."""

    exit_code = 2


class RayStartError(GlossarError):
    """Ray could not be started or joined (exit 1; OUTPUT is untouched, re-run later)."""

    exit_code = 1


def require_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise RayMissingError(RAY_MISSING) from None
    return ray


class _Actor:
    """One actor of the pool: a Worker built once, then batches of documents."""

    def __init__(self, spec: JobSpec) -> None:
        self.worker = Worker(spec)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy as np

        out = []
        columns = ("id", "text", "error", "occurrence", "digest")
        for doc_id, text, error, occ, digest in zip(*map(batch.get, columns), strict=True):
            doc = Document(
                str(doc_id),
                str(text or ""),
                None if not error else str(error),
                int(occ),
                str(digest or ""),
            )
            out.append(json.dumps(self.worker.process(doc), ensure_ascii=False))
        return {"record": np.array(out, dtype=object)}


def _row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "text": doc.text,
        "error": doc.error or "",
        "occurrence": doc.occurrence,
        "digest": doc.digest,
    }


def _folder_dataset(
    ray: Any, folder: Path, files: list[Path], resume: Resume, max_chars: int
) -> Any:
    todo = [str(f) for f in files if not resume.is_done(document_id(f.relative_to(folder)), 0)]
    if not todo:
        return None
    root = str(folder.resolve())

    def classify(row: dict[str, Any]) -> dict[str, Any]:
        rel = document_id(Path(os.path.relpath(row["path"], root)))
        return _row(document_from_bytes(rel, bytes(row["bytes"]), max_chars))

    abs_todo = [str(Path(p).resolve()) for p in todo]
    read = ray.data.read_binary_files(abs_todo, include_paths=True, ray_remote_args=_LIGHT)
    return read.map(classify, num_cpus=0)


def _jsonl_dataset(ray: Any, path: Path, resume: Resume, max_chars: int) -> Any:
    done = dict(resume.done)

    def split(row: dict[str, Any]) -> list[dict[str, Any]]:
        seen: dict[str, int] = {}
        rows = []
        for lineno, line in enumerate(bytes(row["bytes"]).split(b"\n"), 1):
            line = line.strip()
            if not line:
                continue
            doc = document_from_line(line, lineno, max_chars)
            occ = seen.get(doc.id, 0)
            seen[doc.id] = occ + 1
            if done.get(doc.id, 0) > occ:
                continue
            rows.append(_row(replace(doc, occurrence=occ)))
        return rows

    read = ray.data.read_binary_files([str(path.resolve())], ray_remote_args=_LIGHT)
    # one file is one block; its documents leave flat_map in blocks of BLOCK_BYTES
    # (DataContext.target_max_block_size), so every actor gets batches. Not
    # repartition(): an all-to-all step needs a CPU slot that the actors hold.
    return read.flat_map(split, num_cpus=0)


def init_ray(ray: Any, *, workers: int, address: str | None) -> bool:
    """Join ``address`` or start a private local instance; True when one was started."""
    if ray.is_initialized():
        return False
    env = {"PYTHONPATH": os.pathsep.join(p for p in _glossar_path() if p)}
    runtime_env = {"env_vars": env}
    _BEFORE_RAY.clear()
    _BEFORE_RAY.update(_descendants())
    attempts = 1 if address else START_ATTEMPTS
    for attempt in range(1, attempts + 1):
        try:
            if address:
                ray.init(address=address, runtime_env=runtime_env, log_to_driver=False)
            else:
                ray.init(
                    num_cpus=max(2, workers),
                    include_dashboard=False,
                    log_to_driver=False,
                    runtime_env=runtime_env,
                    # no metrics agent to wait for: on a busy machine the raylet gave
                    # up waiting for its port file and Ray did not start at all
                    _system_config={
                        "enable_metrics_collection": False,
                        "agent_register_timeout_ms": 120_000,
                    },
                )
            break
        except Exception as exc:  # Ray raises bare Exception/ConnectionError on start-up
            _shutdown(ray)
            if attempt == attempts:
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise RayStartError(_("Ray did not start: {why}").format(why=first)) from None
    return True


def _glossar_path() -> list[str]:
    """The folder glossar is imported from, so actors import this same code."""
    import glossar

    src = str(Path(glossar.__file__).resolve().parent.parent)
    return [src, os.environ.get("PYTHONPATH", "")]


def _descendants() -> list[int]:
    """Process ids below this one (Linux /proc; empty elsewhere)."""
    children: dict[int, list[int]] = {}
    try:
        entries = [e for e in os.listdir("/proc") if e.isdigit()]
    except OSError:
        return []
    for entry in entries:
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out: list[int] = []
    todo = list(children.get(os.getpid(), []))
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


#: Processes below this one before Ray started (never touched by :func:`_shutdown`).
_BEFORE_RAY: set[int] = set()


def _shutdown(ray: Any, grace_s: float = 10.0) -> None:
    """Stop the local Ray instance this job started and every process it left: Ray's
    actors exit on their own after ``ray.shutdown``, but slowly on a busy machine.
    Only processes that appeared since :func:`init_ray` are waited for and killed."""
    started_here = [p for p in _descendants() if p not in _BEFORE_RAY]
    ray.shutdown()
    deadline = time.monotonic() + grace_s
    alive = [p for p in started_here if _alive(p)]
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if _alive(p)]
    for pid in alive:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def ray_records(
    spec: JobSpec,
    input_path: str | os.PathLike[str],
    resume: Resume,
    *,
    workers: int = 2,
    address: str | None = None,
    batch_docs: int = BATCH_DOCS,
) -> Iterator[dict[str, object]]:
    """One record per pending document of INPUT, in input order, computed on Ray."""
    ray = require_ray()
    old_handler = sigterm_raises()
    started = init_ray(ray, workers=workers, address=address)
    ctx: Any = None
    try:
        ctx = ray.data.DataContext.get_current()
        saved = (ctx.execution_options.preserve_order, ctx.target_max_block_size)
        ctx.execution_options.preserve_order = True
        ctx.target_max_block_size = BLOCK_BYTES
        ctx.enable_progress_bars = False
        path = Path(input_path)
        kind = input_kind(path)
        # a folder's entries that cannot be read are error records, in their place
        problems: deque[tuple[str, str]] = deque()
        if kind == "folder":
            listing = list_folder(path)
            problems.extend(sorted(p for p in listing.problems if not resume.is_done(p[0], 0)))
            ds = _folder_dataset(ray, path, listing.files, resume, spec.max_chars)
        elif kind == "text":  # one document: no dataset to split
            todo = [_row(d) for d in read_documents(path, spec.max_chars)]
            todo = [row for row in todo if not resume.is_done(row["id"], 0)]
            ds = ray.data.from_items(todo) if todo else None
        else:
            ds = _jsonl_dataset(ray, path, resume, spec.max_chars)
        if ds is None:
            while problems:
                yield error_record(*problems.popleft())
            return
        ds = ds.map_batches(
            _Actor,
            fn_constructor_args=(spec,),
            batch_size=batch_docs,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1,
        )
        for row in ds.iter_rows():
            record = json.loads(row["record"])
            while problems and problems[0][0] < record["id"]:
                yield error_record(*problems.popleft())
            yield record
        while problems:
            yield error_record(*problems.popleft())
    finally:
        if ctx is not None:
            ctx.execution_options.preserve_order, ctx.target_max_block_size = saved
        if started:
            _shutdown(ray)
        restore_sigterm(old_handler)
