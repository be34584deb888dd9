"""`--engine ray` on a local Ray instance (2 CPUs): the same records as the local engine.

Ray is an optional extra (``pip install 'glossar[ray]'``) and not in the test extra
(see docs/decisions.md: +0.5 GB and ~1 min of CI install, ~1 min of test on 2 cores),
so these tests are skipped where it is not installed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray not installed: pip install 'glossar[ray]'")

from test_corpus import PUD_DOCS, pud_corpus  # noqa: E402

from glossar.corpus import JobSpec, run_job  # noqa: E402


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One local Ray instance for the module, started the way the CLI starts it."""
    from glossar.corpus.ray_engine import RayStartError, _shutdown, init_ray

    try:
        init_ray(ray, workers=2, address=None)
    except RayStartError as exc:  # a machine too loaded for Ray's 30 s start-up wait
        pytest.skip(str(exc))
    yield
    _shutdown(ray)


def test_ray_translation_equals_the_local_engine(  # type: ignore[no-untyped-def]
    local_ray, copy_model_installed, tmp_path: Path
) -> None:
    src = pud_corpus(tmp_path / "in.jsonl", 10, start=395)
    with src.open("ab") as fh:
        fh.write(b'{"id": "bad", "text": "Stra\xdfe"}\n{"id": "blank", "text": ""}\n')
    local, on_ray = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    spec = JobSpec("translate", beam=1)
    run_job(spec, src, local, workers=1)
    summary = run_job(spec, src, on_ray, engine="ray", workers=2)
    assert on_ray.read_bytes() == local.read_bytes()
    assert summary.report.errors == 2 and summary.run.documents == 12


def test_ray_resumes_a_torn_output_and_reads_folders(  # type: ignore[no-untyped-def]
    local_ray, tmp_path: Path
) -> None:
    folder = tmp_path / "archive"
    for doc in PUD_DOCS[:9]:
        f = folder / f"{doc['id']}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(doc["text"], encoding="utf-8")
    local, on_ray = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    run_job(JobSpec("terms"), folder, local, workers=1)
    full = local.read_bytes()
    cut = full.index(b"\n", len(full) // 2) + 1 + 7  # 4-5 records and 7 bytes of the next
    on_ray.write_bytes(full[:cut])
    summary = run_job(JobSpec("terms"), folder, on_ray, engine="ray", workers=2)
    assert on_ray.read_bytes() == full
    assert summary.resumed == full[:cut].count(b"\n") and summary.torn_bytes == 7
    ids = [json.loads(x)["id"] for x in on_ray.read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)) == 9
