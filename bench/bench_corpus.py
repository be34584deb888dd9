"""Corpus job throughput: one process, worker processes, inter_threads, local Ray, Dask.

Prints one table row per engine on the same corpus and model: documents/s and
segments/s (wall clock), CPU seconds per document (all processes of the run, so a
loaded machine shows up as wall > CPU), peak RSS per worker, and Ray's start-up and
per-batch overhead. The corpus is built from UD German PUD by
scripts/build_pud_corpus.py; the model is the learned de→en package when it is in
tests/data/models/, else the copy model of tests/argos_models.py (say which: the
figures are only comparable on one model).

    python bench/bench_corpus.py --documents 200 --engines local1,local2,inter2,ray2
    python bench/bench_corpus.py --overhead            # Ray start-up and per-batch cost
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "scripts")]

REAL_MODEL = ROOT / "tests" / "data" / "models" / "de_en-multi30k.argosmodel"


class TreeRss:
    """Samples peak RSS (VmHWM) of this process's descendants every 0.2 s via /proc."""

    def __init__(self) -> None:
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sample()
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self._sample()

    def _sample(self) -> None:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
        todo = list(children.get(os.getpid(), []))
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            try:
                name = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:60]
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            hwm = next((int(x.split()[1]) for x in status.splitlines() if x.startswith("VmHWM")), 0)
            label = name.decode(errors="replace")
            if hwm > self.peaks.get(pid, ("", 0))[1]:
                self.peaks[pid] = (label, hwm)

    def workers(self, marker: str) -> list[int]:
        """Peak RSS (MB) of descendants whose command line contains ``marker``."""
        return sorted(
            (kb // 1024 for name, kb in self.peaks.values() if marker in name), reverse=True
        )


def self_peak_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmHWM")) // 1024


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def model_for_bench(tmp: Path, path: Path | None) -> tuple[object, str]:
    from glossar.mt.package_install import install_package

    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp / "packages")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    if path is not None:
        return install_package(path), f"{path.name}"
    if REAL_MODEL.is_file():
        return install_package(REAL_MODEL), "learned de→en (Multi30k)"
    from argos_models import build_copy_package

    pkg = build_copy_package(tmp / "copy.argosmodel")
    return install_package(pkg), "copy model (tests/argos_models.py; no learned model found)"


def run_inter_threads(spec, src: Path, out: Path) -> None:  # type: ignore[no-untyped-def]
    """One process, one CTranslate2 Translator with inter_threads=2, two feeding threads."""
    from concurrent.futures import ThreadPoolExecutor

    import ctranslate2

    from glossar.corpus.output import RecordWriter
    from glossar.corpus.source import read_documents
    from glossar.corpus.work import Worker

    worker = Worker(spec)
    engine = worker.engine
    engine._translator = ctranslate2.Translator(
        str(engine.path / "model"), device="cpu", inter_threads=2, intra_threads=1
    )
    with RecordWriter(out) as writer, ThreadPoolExecutor(2) as pool:
        for record in pool.map(worker.process, read_documents(src)):
            writer.write(record)


def bench_engine(name: str, spec, src: Path, tmp: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from glossar.corpus import report_from_output, run_job

    out = tmp / f"{name}.jsonl"
    out.unlink(missing_ok=True)
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    with TreeRss() as rss:
        if name == "inter2":
            run_inter_threads(spec, src, out)
        elif name.startswith("ray"):
            run_job(spec, src, out, engine="ray", workers=int(name[3:]))
        elif name.startswith("dask"):
            run_dask(spec, src, out, int(name[4:]))
        else:
            run_job(spec, src, out, workers=int(name[5:]))
    wall = time.perf_counter() - t0
    cpu = cpu_seconds() - cpu0
    report = report_from_output(out)
    if name.startswith("ray"):
        peaks = rss.workers("MapWorker") or rss.workers("ray::")
    elif name.startswith("dask"):
        peaks = rss.workers("dask") or rss.workers("spawn")
    elif name in ("local1", "inter2"):
        peaks = [self_peak_mb()]
    else:
        peaks = rss.workers("multiprocessing")
    return {
        "engine": name,
        "docs": report.documents,
        "segments": report.segments,
        "wall_s": wall,
        "docs_s": report.documents / wall,
        "segs_s": report.segments / wall,
        "cpu_per_doc_ms": 1000 * cpu / max(report.documents, 1),
        "peak_rss_mb": peaks[:2],
        "output": out,
    }


def run_dask(spec, src: Path, out: Path, workers: int) -> None:  # type: ignore[no-untyped-def]
    """The same job on a local Dask cluster: one Worker per Dask worker process, cached."""
    from dask.distributed import Client, LocalCluster

    from glossar.corpus.output import RecordWriter
    from glossar.corpus.source import read_documents

    docs = list(read_documents(src))
    chunks = [docs[i : i + 8] for i in range(0, len(docs), 8)]
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        futures = client.map(_dask_chunk, chunks, spec=spec, pure=False)
        with RecordWriter(out) as writer:
            for fut in futures:  # in input order, as the driver of the Ray engine writes
                for record in fut.result():
                    writer.write(record)


_DASK_WORKER = None


def _dask_chunk(docs, spec):  # type: ignore[no-untyped-def]
    global _DASK_WORKER
    from glossar.corpus.work import Worker

    if _DASK_WORKER is None:
        _DASK_WORKER = Worker(spec)
    return _DASK_WORKER.process_many(docs)


def ray_overhead(batches: int = 200) -> None:
    """ray.init time, first-result latency of a 2-actor pool, and cost per extra batch."""
    import numpy as np
    import ray

    from glossar.corpus.ray_engine import _shutdown, init_ray

    t0 = time.perf_counter()
    init_ray(ray, workers=2, address=None)
    start = time.perf_counter() - t0
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.execution_options.preserve_order = True

        class Identity:
            def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
                return batch

        def run(n: int) -> tuple[float, float]:
            ds = ray.data.range(n * 8).map_batches(
                Identity, batch_size=8, compute=ray.data.ActorPoolStrategy(size=2), num_cpus=0.5
            )
            t = time.perf_counter()
            first = None
            for _ in ds.iter_rows():
                first = first or time.perf_counter() - t
            return first or 0.0, time.perf_counter() - t

        first1, total1 = run(1)
        first_n, total_n = run(batches)
        per_batch = (total_n - first_n) / (batches - 1)  # after the pool is up
        print(f"ray.init (local, 2 CPUs): {start:.1f} s")
        print(f"one batch through a fresh 2-actor pool: {total1:.1f} s (first row {first1:.1f} s)")
        print(f"{batches} batches: first row {first_n:.1f} s, all {total_n:.1f} s")
        print(
            f"per batch of 8 rows once the pool is up (identity actor): {1000 * per_batch:.1f} ms"
        )
    finally:
        _shutdown(ray)


def main() -> None:
    parser = argparse.ArgumentParser(description="corpus job throughput")
    parser.add_argument(
        "--documents", type=int, default=200, help="first N documents of the corpus"
    )
    parser.add_argument("--engines", default="local1,local2,inter2,ray2")
    parser.add_argument("--kind", default="translate", choices=["translate", "terms"])
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--overhead", action="store_true", help="measure Ray overheads only")
    parser.add_argument("--model", type=Path, help=".argosmodel to use (default: see above)")
    args = parser.parse_args()
    if args.overhead:
        ray_overhead()
        return
    from build_pud_corpus import build

    from glossar.corpus import JobSpec

    tmp = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    model, model_name = model_for_bench(tmp, args.model)
    src = tmp / "corpus.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for doc in build(max(args.documents, 1030))[: args.documents]:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"corpus: {args.documents} PUD documents; model: {model_name}; beam {args.beam}")
    print(
        f"{'engine':8} {'docs':>5} {'segs':>5} {'wall s':>7} {'docs/s':>7} {'segs/s':>7} "
        f"{'CPU ms/doc':>10}  peak RSS/worker MB"
    )
    rows = []
    for name in args.engines.split(","):
        threads = 2 if name == "local1" else 1
        spec = JobSpec(args.kind, model=model, beam=args.beam, threads=threads)
        try:
            row = bench_engine(name, spec, src, tmp)
        except Exception as exc:  # e.g. Ray did not start on a starved machine
            print(f"{name:8} failed: {exc}", flush=True)
            continue
        rows.append(row)
        print(
            f"{row['engine']:8} {row['docs']:5} {row['segments']:5} {row['wall_s']:7.1f} "
            f"{row['docs_s']:7.2f} {row['segs_s']:7.1f} {row['cpu_per_doc_ms']:10.0f}  "
            f"{row['peak_rss_mb']}",
            flush=True,
        )
    base = rows[0]["output"].read_bytes()  # type: ignore[union-attr]
    same = [r["engine"] for r in rows if r["output"].read_bytes() == base]  # type: ignore[union-attr]
    print(f"outputs identical to {rows[0]['engine']}: {', '.join(same)}")
    print(f"load average now: {os.getloadavg()[0]:.1f} (2 cores; wall > CPU means waiting)")


if __name__ == "__main__":
    main()
