"""Corpus jobs on real German text (UD German PUD documents): records, bad documents,
resume after a crash at any byte, kill -9 of a real job, the term report, the CLI."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from source_module import load_source

from glossar.corpus import JobSpec, report_from_output, run_job
from glossar.corpus.output import scan_output
from glossar.corpus.source import digest, read_documents
from glossar.errors import BadInputError

ROOT = Path(__file__).resolve().parent.parent


def _builder():  # type: ignore[no-untyped-def]
    return load_source(ROOT / "scripts" / "build_pud_corpus.py", "build_pud_corpus")


PUD_DOCS = _builder().build(1030)


def pud_corpus(path: Path, n: int, start: int = 0) -> Path:
    """``n`` real PUD documents as JSON Lines."""
    with path.open("w", encoding="utf-8") as fh:
        for doc in PUD_DOCS[start : start + n]:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def big_corpus(path: Path, copies: int = 5) -> Path:
    """PUD's documents ``copies`` times under other ids (5: ~0.4 s of `corpus terms`,
    long enough to act on a running job)."""
    with path.open("w", encoding="utf-8") as fh:
        for copy in range(copies):
            for doc in PUD_DOCS:
                doc = {"id": f"{copy}/{doc['id']}", "text": doc["text"]}
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_builder_makes_over_1000_distinct_real_documents() -> None:
    assert len(PUD_DOCS) >= 1000
    assert len({d["id"] for d in PUD_DOCS}) == len(PUD_DOCS)
    assert len({d["text"] for d in PUD_DOCS}) == len(PUD_DOCS)
    assert PUD_DOCS[0]["text"].startswith("„Ein Großteil des digitalen Übergangs")


def test_terms_records_have_the_terms_json_shape(tmp_path: Path) -> None:
    from glossar.glossary.load import load_glossary
    from glossar.terms.recognise import find_terms

    news = load_glossary()  # the default for any text, as `glossar terms` uses it
    src = pud_corpus(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out.jsonl"
    summary = run_job(JobSpec("terms"), src, out, workers=1)
    records = [json.loads(x) for x in lines(out)]
    assert [r["id"] for r in records] == [d["id"] for d in PUD_DOCS[:30]]
    for doc, record in zip(PUD_DOCS, records, strict=False):
        assert record["terms"] == [m.to_dict() for m in find_terms(doc["text"], news)]
        for t in record["terms"]:
            assert doc["text"][t["start"] : t["end"]] == t["text"]
            assert isinstance(t["sure"], bool)
    assert summary.run.documents == 30 and summary.report.documents == 30
    assert summary.report.terms_total == sum(len(r["terms"]) for r in records) > 0


def test_bad_documents_become_error_records_and_the_job_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = PUD_DOCS[0]
    src.write_bytes(
        json.dumps(good, ensure_ascii=False).encode() + b"\n"
        b'{"id": "latin1", "text": "Stra\xdfe"}\n'
        b'{"id": "blank", "text": " \\n "}\n'
        b'{"id": "huge", "text": "' + b"Satz. " * 400 + b'"}\n'
        b'{"id": "riesig", "text": "' + b"Satz. " * 1400 + b'"}\n'
        b'{"text": "' + b"Satz. " * 1400 + b'", "id": "zuletzt"}\n'
        b"not json at all\n"
        b'{"text": "kein id"}\n'
        b'{"id": "lone", "text": "lone \\ud800 Kreml"}\n'
        b'{"id": "\\udc00", "text": "Der Kreml."}\n'
        b"\n" + json.dumps(PUD_DOCS[1], ensure_ascii=False).encode() + b"\n"
    )
    out = tmp_path / "out.jsonl"
    summary = run_job(JobSpec("terms", max_chars=1000), src, out, workers=1)
    records = {r["id"]: r for r in map(json.loads, lines(out))}
    assert records["latin1"]["error"] == "not UTF-8 text (byte 30)"
    assert records["blank"]["error"] == "empty document"
    assert records["huge"]["error"].startswith("too large (2400 chars; limit 1000)")
    # a line too large to parse is still named by the id it starts with (was "line 5")
    assert records["riesig"]["error"] == "too large (8428 bytes; limit 1000 chars of text)"
    # ... or the id it ends with (a "text" first, as many exporters write)
    assert records["zuletzt"]["error"] == "too large (8429 bytes; limit 1000 chars of text)"
    assert records["line 7"]["error"].startswith("not JSON")
    assert records["line 8"]["error"] == 'no "id" (a non-empty string)'
    # a lone surrogate in the text or the id: an error record (translate's engine raised
    # a C++ cast error, and an id made the job stop when its record was written)
    assert records["lone"]["error"] == "not Unicode text (a lone surrogate)"
    assert records["line 10"]["error"] == '"id" is not Unicode text (a lone surrogate)'
    assert "terms" in records[good["id"]] and "terms" in records[PUD_DOCS[1]["id"]]
    assert summary.report.errors == 9
    assert summary.report.error_reasons["empty document"] == 1


def test_folder_input_ids_are_relative_paths(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "2016").mkdir(parents=True)
    (folder / "2016" / "a.txt").write_text(PUD_DOCS[0]["text"], encoding="utf-8")
    (folder / "b.txt").write_bytes("Straße".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    # a suffix in capitals (an archive copied from Windows): a document, not skipped
    (folder / "NOTE.TXT").write_text("Die OVKS schickte Truppen.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), folder, out, workers=1)
    records = [json.loads(x) for x in lines(out)]
    assert [r["id"] for r in records] == ["2016/a.txt", "NOTE.TXT", "b.txt", "empty.txt"]
    assert [t["id"] for t in records[1]["terms"]] == ["ovks", "truppe"]
    records.pop(1)
    job = records[0]["job"]  # what made each record (a resume compares it): the glossary
    assert re.fullmatch(r"terms glossary=news@[0-9.]+#[0-9a-f]{8}", job)  # and its contents
    # an error record names no digest: a resume keeps it (as before), on both engines
    assert records[1] == {"id": "b.txt", "error": "not UTF-8 text (byte 4)", "job": job}
    assert records[2] == {"id": "empty.txt", "error": "empty document", "job": job}
    assert records[0]["digest"] == digest(PUD_DOCS[0]["text"].encode())  # a result: its text


def test_resuming_with_other_settings_is_refused(tmp_path: Path, copy_model_installed) -> None:  # type: ignore[no-untyped-def]
    """Half a translation with the glossary, the rest resumed --no-glossary (or another
    beam): OUTPUT held two kinds of results, silently. Each record now says what made it,
    and a resume with other settings is refused naming both; the same settings resume."""
    src = pud_corpus(tmp_path / "in.jsonl", 4)
    half = tmp_path / "half.jsonl"
    half.write_bytes(b"".join(src.read_bytes().splitlines(keepends=True)[:2]))
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("translate", beam=1), half, out, workers=1)
    before = out.read_bytes()
    for other in (JobSpec("translate", beam=1, use_glossary=False), JobSpec("translate", beam=2)):
        with pytest.raises(BadInputError, match="made with other settings"):
            run_job(other, src, out, workers=1)
        assert out.read_bytes() == before
    run_job(JobSpec("translate", beam=1), src, out, workers=1)
    assert len(lines(out)) == 4
    assert {json.loads(x)["job"] for x in lines(out)} == {json.loads(lines(out)[0])["job"]}


def test_resuming_from_another_input_or_edited_documents_is_refused(tmp_path: Path) -> None:
    """A resume from another INPUT with the same names (two archives of doc000.txt, ...)
    kept the old records as this INPUT's and never processed what it holds; an edited
    document kept its stale record. Each record names the bytes it was made from, and a
    resume that finds other bytes under a done id is refused before any work. The same
    documents in a moved folder resume; records without a digest (older) pass."""
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, docs in ((a, PUD_DOCS[0:3]), (b, PUD_DOCS[3:6])):
        folder.mkdir()
        for i, doc in enumerate(docs):
            (folder / f"doc{i:03}.txt").write_text(doc["text"], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), a, out, workers=1)
    kept = b"".join(out.read_bytes().splitlines(keepends=True)[:2])  # a killed run's
    out.write_bytes(kept)
    other = r"2 records were made from other text than INPUT holds now .*\(first: doc000.txt\)"
    with pytest.raises(BadInputError, match=other):
        run_job(JobSpec("terms"), b, out, workers=1)
    assert out.read_bytes() == kept
    (a / "doc001.txt").write_text(PUD_DOCS[1]["text"] + " Nachtrag.", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"1 record was made from other text .*\(doc001.txt\)"):
        run_job(JobSpec("terms"), a, out, workers=1)
    assert out.read_bytes() == kept
    (a / "doc001.txt").write_text(PUD_DOCS[1]["text"], encoding="utf-8")
    summary = run_job(JobSpec("terms"), a.rename(tmp_path / "moved"), out, workers=1)
    assert (summary.resumed, summary.run.documents) == (2, 1)
    older = [json.loads(x) for x in kept.decode("utf-8").splitlines()]
    out.write_text(
        "".join(json.dumps({k: v for k, v in r.items() if k != "digest"}) + "\n" for r in older)
    )
    assert run_job(JobSpec("terms"), b, out, workers=1).run.documents == 1  # cannot tell


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"project": "Kasachstan-Recherche", "notes": ["wichtig"] * 500}).encode(),
        json.dumps({"id": "x", "text": "Die Regierung tagte."}).encode(),  # one INPUT line
    ],
    ids=["compact JSON", "one JSON Lines document"],
)
def test_a_one_line_file_that_is_no_record_is_refused_not_cut(
    tmp_path: Path, content: bytes
) -> None:
    """OUTPUT naming a user's one-line file without a line end (what json.dump writes):
    the line was taken for a killed run's torn record, cut, and records written over it."""
    src = pud_corpus(tmp_path / "in.jsonl", 2)
    out = tmp_path / "research.json"
    out.write_bytes(content)
    with pytest.raises(BadInputError, match="not a corpus record"):
        run_job(JobSpec("terms"), src, out, workers=1)
    assert out.read_bytes() == content


def test_a_refused_resume_leaves_a_torn_tail_in_place(tmp_path: Path) -> None:
    """A resume refused for another INPUT had already cut the torn last line off."""
    a = pud_corpus(tmp_path / "a.jsonl", 3)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), a, out, workers=1)
    torn = out.read_bytes()[:-20]
    out.write_bytes(torn)
    b = tmp_path / "b.jsonl"
    rows = a.read_text(encoding="utf-8").splitlines()
    edited = json.loads(rows[0])
    edited["text"] += " Nachtrag."
    b.write_text("\n".join([json.dumps(edited, ensure_ascii=False), *rows[1:]]) + "\n")
    with pytest.raises(BadInputError, match="made from other text"):
        run_job(JobSpec("terms"), b, out, workers=1)
    assert out.read_bytes() == torn


def test_a_json_lines_input_written_again_with_the_same_texts_resumes(tmp_path: Path) -> None:
    """The same documents with ASCII escapes and another key order are the same INPUT
    (the digest names the text, not the line's bytes)."""
    src = pud_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    out.write_bytes(b"".join(out.read_bytes().splitlines(keepends=True)[:2]))
    again = tmp_path / "again.jsonl"
    docs = [json.loads(x) for x in src.read_text(encoding="utf-8").splitlines()]
    again.write_text("".join(json.dumps({"text": d["text"], "id": d["id"]}) + "\n" for d in docs))
    assert "\\u00" in again.read_text()  # escapes, where the first file had UTF-8
    assert run_job(JobSpec("terms"), again, out, workers=1).run.documents == 1


def test_error_records_are_kept_on_resume_not_taken_for_another_input(tmp_path: Path) -> None:
    """A document refused as too large, resumed with a larger limit: its error record
    named the line's bytes, a result its text, and the resume was refused as "another
    INPUT" (review). Error records name no digest; the resume keeps them, as before."""
    src = pud_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms", max_chars=200), src, out, workers=1)
    out.write_bytes(out.read_bytes().splitlines(keepends=True)[0])
    assert "too large" in out.read_text(encoding="utf-8")
    assert run_job(JobSpec("terms"), src, out, workers=1).run.documents == 2


def test_resuming_from_an_edited_json_lines_input_is_refused_on_the_cli(  # type: ignore[no-untyped-def]
    tmp_path: Path, glossar_cli
) -> None:
    src = pud_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    rows = src.read_text(encoding="utf-8").splitlines()
    edited = json.loads(rows[2])
    edited["text"] = edited["text"].replace(".", "!", 1)
    src.write_text("\n".join([*rows[:2], json.dumps(edited, ensure_ascii=False)]) + "\n")
    before = out.read_bytes()
    r = glossar_cli("corpus", "terms", str(src), str(out), "--quiet")
    assert r.exit_code == 4 and out.read_bytes() == before
    assert r.stderr.strip() == (
        f"glossar: {out}: 1 record was made from other text than INPUT holds now under its "
        f"id ({edited['id']}): another INPUT, or an edited document; resume with the INPUT "
        "it was made from, or write to another OUTPUT"
    )


def test_resuming_after_editing_the_glossary_is_refused(tmp_path: Path) -> None:
    """A translator fixed a term in their glossary without raising its version and
    resumed: half the records were made with the old glossary, silently. The job names
    its glossary files' contents too; records written before that compare by version."""
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[glossary]\nid = "mine"\nversion = "1"\n\n[[entry]]\nid = "regierung"\n'
        'de = "Regierung"\ngender = "f"\nen = "government"\n',
        encoding="utf-8",
    )
    src = pud_corpus(tmp_path / "in.jsonl", 4)
    half = tmp_path / "half.jsonl"
    half.write_bytes(b"".join(src.read_bytes().splitlines(keepends=True)[:2]))
    out = tmp_path / "out.jsonl"
    spec = JobSpec("terms", glossary_paths=(str(mine),))
    run_job(spec, half, out, workers=1)
    before = out.read_bytes()
    mine.write_text(mine.read_text(encoding="utf-8").replace("government", "administration"))
    with pytest.raises(BadInputError, match="made with other settings"):
        run_job(spec, src, out, workers=1)
    assert out.read_bytes() == before
    older = [json.loads(x) for x in lines(out)]  # as glossar wrote them before this check
    for record in older:
        record["job"] = record["job"].split("#")[0]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in older))
    assert run_job(spec, src, out, workers=1).run.documents == 2


def test_duplicate_ids_are_each_done_once(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    doc = json.dumps({"id": "same", "text": PUD_DOCS[2]["text"]}, ensure_ascii=False)
    src.write_text(f"{doc}\n{doc}\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    run_job(JobSpec("terms"), src, out, workers=1)
    assert [json.loads(x)["id"] for x in lines(out)] == ["same", "same"]
    assert [d.occurrence for d in read_documents(src)] == [0, 1]


@pytest.fixture(scope="module")
def terms_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A corpus of 12 documents and the OUTPUT of one uninterrupted terms job."""
    tmp = tmp_path_factory.mktemp("terms-run")
    src = pud_corpus(tmp / "in.jsonl", 12, start=390)  # originals, windows
    out = tmp / "full.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    return src, out.read_bytes()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=10**9))
def test_resume_after_a_crash_at_any_byte_gives_the_full_output(
    terms_run: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory, cut: int
) -> None:
    """Fault injection: OUTPUT as a killed run may leave it (cut at any byte); the
    re-run keeps every complete record, redoes the torn one, duplicates nothing."""
    src, full = terms_run
    cut %= len(full) + 1
    out = tmp_path_factory.mktemp("cut") / "out.jsonl"
    out.write_bytes(full[:cut])
    summary = run_job(JobSpec("terms"), src, out, workers=1)
    assert out.read_bytes() == full
    complete = full[:cut].count(b"\n")
    assert summary.resumed == complete
    assert summary.run.documents == 12 - complete
    assert summary.torn_bytes == cut - (full[:cut].rfind(b"\n") + 1)


def test_a_resumed_job_with_nothing_left_writes_nothing(
    terms_run: tuple[Path, bytes], tmp_path: Path
) -> None:
    src, full = terms_run
    out = tmp_path / "out.jsonl"
    out.write_bytes(full)
    summary = run_job(JobSpec("terms"), src, out, workers=1)
    assert summary.run.documents == 0 and summary.report.documents == 12
    assert out.read_bytes() == full


def test_output_that_is_not_ours_is_refused_not_overwritten(
    terms_run: tuple[Path, bytes], tmp_path: Path
) -> None:
    src, full = terms_run
    out = tmp_path / "out.jsonl"
    broken = b"hello\n" + full
    out.write_bytes(broken)
    with pytest.raises(BadInputError, match=":1: not a corpus record"):
        run_job(JobSpec("terms"), src, out, workers=1)
    assert out.read_bytes() == broken
    out.write_bytes(full)
    with pytest.raises(BadInputError, match="holds `corpus terms` records"):
        scan_output(out, "translate")


def test_report_counts_sure_and_unsure(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    hit = {"start": 0, "end": 3, "text": "Gas", "id": "gas", "de": "Gas", "en": "gas"}
    out.write_text(
        json.dumps({"id": "a", "terms": [dict(hit, sure=True), dict(hit, sure=False)]})
        + "\n"
        + json.dumps({"id": "b", "terms": [dict(hit)]})  # no `sure` yet: counts as sure
        + "\n"
        + json.dumps({"id": "c", "error": "empty document"})
        + "\n",
        encoding="utf-8",
    )
    report = report_from_output(out)
    assert report.kind == "terms"
    (stat,) = report.ranked()
    assert (stat.count, stat.documents, stat.sure, stat.unsure) == (3, 2, 2, 1)
    assert report.to_dict()["terms"] == {"total": 3, "sure": 2, "unsure": 1}


# --- translation with a real model -------------------------------------------------


def test_translate_records_and_report_with_the_copy_model(
    copy_model_installed, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The copy model returns the German: every glossary English in the output was put
    there by enforcement, and the report says so."""
    src = pud_corpus(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.jsonl"
    summary = run_job(JobSpec("translate", beam=1), src, out, workers=1)
    records = [json.loads(x) for x in lines(out)]
    assert [r["id"] for r in records] == [d["id"] for d in PUD_DOCS[:6]]
    for r in records:
        assert set(r) == {"id", "segments", "digest", "job"}
        for seg in r["segments"]:
            # "numbers" where the model lost one (the copy model leaves German digits)
            assert set(seg) - {"numbers"} == {"source", "target", "terms"}
            for t in seg["terms"]:
                assert set(t) == {"id", "de", "en", "found", "method"}
                if t["found"]:
                    assert t["en"].lower() in seg["target"].lower()
    report = summary.report
    assert report.segments == sum(len(r["segments"]) for r in records)
    assert report.terms_total > 0
    assert report.terms_model == 0  # the copy model never writes English by itself
    assert report.terms_enforced + report.terms_missing == report.terms_total


def test_two_worker_processes_write_what_one_writes(copy_model_installed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = pud_corpus(tmp_path / "in.jsonl", 6, start=397)  # 2 chunks: both workers
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_job(JobSpec("translate", beam=1), src, one, workers=1)
    run_job(JobSpec("translate", beam=1), src, two, workers=2)
    assert two.read_bytes() == one.read_bytes()


def test_kill_9_of_a_real_job_then_resume_loses_and_duplicates_nothing(  # type: ignore[no-untyped-def]
    copy_model_installed, tmp_path: Path
) -> None:
    """A real `glossar corpus translate` killed with SIGKILL (once with 2 worker
    processes, once alone) as soon as it has written, then run to the end: OUTPUT
    equals an uninterrupted run's, byte for byte."""
    src = pud_corpus(tmp_path / "in.jsonl", 16, start=400)
    out = tmp_path / "out.jsonl"
    reference = tmp_path / "reference.jsonl"
    run_job(JobSpec("translate", beam=1), src, reference, workers=1)
    full = reference.stat().st_size
    cmd = [sys.executable, "-m", "glossar", "corpus", "translate", str(src), str(out)]
    cmd += ["--beam", "1", "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    kills = 0
    for workers, delay in (("2", 0.0), ("1", 0.2)):
        proc = subprocess.Popen([*cmd, "--workers", workers], env=env, start_new_session=True)
        deadline = time.monotonic() + 120
        start = out.stat().st_size if out.exists() else 0
        # wait until this run has written something, then kill it (and its workers)
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.stat().st_size > start:
                break
            time.sleep(0.01)
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            if 0 < out.stat().st_size < full:
                kills += 1  # killed mid-job: the final run has something to resume
        proc.wait()
    done = subprocess.run(
        [*cmd, "--workers", "1"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert kills >= 1
    assert out.read_bytes() == reference.read_bytes()


# --- the command line --------------------------------------------------------------


def test_cli_summary_on_stderr_nothing_on_stdout(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    src = pud_corpus(tmp_path / "in.jsonl", 8)
    out = tmp_path / "out.jsonl"
    report = tmp_path / "report.json"
    r = glossar_cli(
        "corpus", "terms", str(src), str(out), "--workers", "1", "--report", str(report)
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert "OUTPUT holds 8 documents (8 this run, 0 from earlier runs), 0 errors." in r.stderr
    assert "documents/s" in r.stderr and "Documents" not in r.stderr  # no bar off a terminal
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["kind"] == "terms" and data["documents"] == 8
    assert data["entries"] and set(data["entries"][0]) == {
        "id",
        "de",
        "en",
        "count",
        "documents",
        "sure",
        "unsure",
    }
    again = glossar_cli("corpus", "terms", str(src), str(out), "--workers", "1", "--quiet")
    assert again.exit_code == 0 and again.stderr == "" and len(lines(out)) == 8
    shown = glossar_cli("corpus", "report", str(out), "--json")
    assert json.loads(shown.stdout)["documents"] == 8


def test_cli_refuses_output_equal_to_input_and_stray_address(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    src = pud_corpus(tmp_path / "in.jsonl", 2)
    r = glossar_cli("corpus", "terms", str(src), str(src))
    assert r.exit_code == 2 and "would overwrite an input" in r.stderr
    r = glossar_cli("corpus", "terms", str(src), str(tmp_path / "o.jsonl"), "--address", "auto")
    assert r.exit_code == 2 and "--engine ray" in r.stderr
    # OUTPUT "-" made a file named "-" in the working folder
    r = glossar_cli("corpus", "terms", str(src), "-")
    assert r.exit_code == 2 and "OUTPUT must be a file" in r.stderr
    r = glossar_cli("corpus", "terms", str(src), str(tmp_path / "o2.jsonl"), "--report", "-")
    assert r.exit_code == 2 and "--report needs a file name" in r.stderr
    assert "Traceback" not in r.stderr


def test_report_of_a_terms_job_with_only_error_records_is_a_terms_report(tmp_path: Path) -> None:
    """It said "0 segments; … (model 0, enforced 0, missing 0)": a translation's report."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.txt").write_bytes("Straße".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), folder, out, workers=1)
    assert report_from_output(out).kind == "terms"


def test_report_of_an_output_with_a_torn_last_line_says_it_is_not_counted(
    tmp_path: Path, glossar_cli
) -> None:  # type: ignore[no-untyped-def]
    """A job killed mid-write (or still running) leaves a last line without its newline:
    the report left it out without a word, so its totals looked complete."""
    src = pud_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    whole = glossar_cli("corpus", "report", str(out), "--json")
    assert whole.exit_code == 0 and whole.stderr == ""
    with out.open("ab") as fh:
        fh.write(b'{"id":"doc9","terms":[{"start":0,')
    r = glossar_cli("corpus", "report", str(out), "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == json.loads(whole.stdout)
    assert r.stderr.strip() == (
        f"glossar: {out}:4: incomplete last line (a run stopped while writing it), "
        "not counted; running the job again redoes that document"
    )
    piped = glossar_cli("corpus", "report", "-", input=out.read_bytes())
    assert piped.exit_code == 0 and piped.stderr.startswith("glossar: <stdin>:4: incomplete")


def test_report_refuses_a_last_line_that_no_job_wrote(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """A tester: a one-line file that is no OUTPUT (not even UTF-8) without a line end
    was reported as "0 segments" with exit 0 and "running the job again redoes that
    document"; with a line end it was refused."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not a record")
    r = glossar_cli("corpus", "report", str(bad))
    assert r.exit_code == 4
    assert r.stderr == f"glossar: {bad}:1: not a corpus record (of corpus terms or translate)\n"


def test_report_reads_output_from_standard_input(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """`ssh archive cat out.jsonl | glossar corpus report -` was a usage error."""
    src = pud_corpus(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    from_file = glossar_cli("corpus", "report", str(out), "--json")
    piped = glossar_cli("corpus", "report", "-", "--json", input=out.read_bytes())
    assert piped.exit_code == 0 and json.loads(piped.stdout) == json.loads(from_file.stdout)
    assert json.loads(piped.stdout)["documents"] == 5
    r = glossar_cli("corpus", "report", "-", input=b"hello\n" + out.read_bytes())
    assert (r.exit_code, r.stderr.strip()) == (
        4,
        "glossar: <stdin>:1: not a corpus record (of corpus terms or translate)",
    )


def test_report_over_an_input_output_or_glossary_is_refused(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """--report was written over whatever it named, after the job: INPUT, OUTPUT (the
    records lost, and the next run refused the file), a glossary, a document of a folder
    INPUT. Each is refused before the job runs, and every file stays as it was."""
    src = pud_corpus(tmp_path / "in.jsonl", 2)
    out = tmp_path / "o.jsonl"
    mine = tmp_path / "mine.toml"
    mine.write_text('[glossary]\nid = "mine"\n', encoding="utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Der Kreml schweigt.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (src, mine, folder / "a.txt")}
    cases = [
        (src, out, str(src)),
        (src, out, str(out)),
        (src, out, str(mine)),
        (folder, out, str(folder / "a.txt")),
        (folder, out, str(folder / "report.json")),
    ]
    for source, output, report in cases:
        r = glossar_cli("corpus", "terms", str(source), str(output), "--glossary", str(mine),
                        "--report", report, "--quiet")  # fmt: skip
        assert r.exit_code == 2, (report, r.stderr)
        assert "write somewhere else" in r.stderr
        assert not out.exists()
    assert {p: p.read_bytes() for p in before} == before
    assert not (folder / "report.json").exists()
    ok = glossar_cli("corpus", "terms", str(src), str(out), "--report",
                     str(tmp_path / "r.json"), "--quiet")  # fmt: skip
    assert ok.exit_code == 0 and json.loads((tmp_path / "r.json").read_text())["documents"] == 2


def test_cli_translate_without_model_exits_3(argos_home: Path, tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    src = pud_corpus(tmp_path / "in.jsonl", 2)
    out = tmp_path / "out.jsonl"
    r = glossar_cli("corpus", "translate", str(src), str(out))
    assert r.exit_code == 3
    assert not out.exists()


def test_engine_ray_without_ray_is_a_one_line_usage_error(  # type: ignore[no-untyped-def]
    tmp_path: Path, glossar_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    src = pud_corpus(tmp_path / "in.jsonl", 2)
    out = tmp_path / "o.jsonl"
    r = glossar_cli("corpus", "terms", str(src), str(out), "--engine", "ray")
    assert r.exit_code == 2 and not out.exists()
    assert r.stderr.strip() == "glossar: --engine ray needs Ray: pip install 'glossar[ray]'"


def test_missing_input_is_bad_input(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("corpus", "terms", str(tmp_path / "nowhere.jsonl"), str(tmp_path / "o.jsonl"))
    assert r.exit_code == 4
    assert r.stderr.strip() == f"glossar: {tmp_path / 'nowhere.jsonl'}: no such file or folder"
    # the report of a missing OUTPUT too (it was a usage error, exit 2)
    r = glossar_cli("corpus", "report", str(tmp_path / "nowhere.jsonl"))
    assert r.exit_code == 4
    assert r.stderr.strip() == f"glossar: {tmp_path / 'nowhere.jsonl'}: no such file"


def test_standard_input_as_input_is_refused_with_the_reason(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """``-`` read "-: no such file or folder": a resume reads INPUT again, which a pipe
    cannot give, so the job says that, and writes nothing. A usage error (exit 2), as
    OUTPUT ``-`` is (it was exit 4, bad input)."""
    out = tmp_path / "o.jsonl"
    r = glossar_cli("corpus", "terms", "-", str(out), input="Die OVKS schickte Truppen.\n")
    assert r.exit_code == 2 and not out.exists()
    assert r.stderr.strip().endswith(
        "Error: -: INPUT is a folder or a file; standard input cannot be resumed, "
        "save it to a file first"
    )
    r = glossar_cli("corpus", "terms", str(out), "-")
    assert r.exit_code == 2


def test_a_file_named_dash_is_input_like_any_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Only a ``-`` that names no file is refused as standard input."""
    from glossar.corpus.source import check_input

    monkeypatch.chdir(tmp_path)
    with pytest.raises(BadInputError, match="standard input cannot be resumed"):
        check_input("-")
    Path("-").write_text("Die OVKS schickte Truppen.\n", encoding="utf-8")
    assert check_input("-") == Path("-")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names are UTF-8 only")
def test_a_file_name_that_is_not_utf8_is_one_record_not_a_stopped_job(
    tmp_path: Path, glossar_cli
) -> None:  # type: ignore[no-untyped-def]
    """One such name made every run of the job stop with "characters that cannot be
    encoded": its id is now the name with the odd byte written as \\xe4."""
    import os

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Der Kreml schweigt.\n", encoding="utf-8")
    odd = os.fsencode(str(folder)) + b"/z\xe4.txt"
    with open(odd, "wb") as fh:
        fh.write(b"Die OVKS schickt Truppen.\n")
    out = tmp_path / "o.jsonl"
    r = glossar_cli("corpus", "terms", str(folder), str(out), "--workers", "1", "--quiet")
    assert r.exit_code == 0, r.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a.txt", "z\\xe4.txt"]
    again = glossar_cli("corpus", "terms", str(folder), str(out), "--workers", "1", "--quiet")
    assert again.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_the_report_of_a_file_that_is_no_output_names_the_line(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """A corrupt line among records, or an INPUT given for OUTPUT: exit 4 naming the
    line, as resuming does (the report skipped such lines: partial totals, or "0
    documents", with exit 0)."""
    src = pud_corpus(tmp_path / "in.jsonl", 2)
    out = tmp_path / "o.jsonl"
    assert glossar_cli("corpus", "terms", str(src), str(out), "--quiet").exit_code == 0
    good = glossar_cli("corpus", "report", str(out), "--json")
    assert good.exit_code == 0 and json.loads(good.stdout)["documents"] == 2
    r = glossar_cli("corpus", "report", str(src))
    assert r.exit_code == 4 and f"{src}:1: not a corpus record" in r.stderr
    lines_ = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(lines_[0] + b'{"id":"x","segm GARBAGE\n' + lines_[1])
    r = glossar_cli("corpus", "report", str(out))
    assert r.exit_code == 4 and f"{out}:2: not a corpus record" in r.stderr
    # a hand-edited record of the wrong shape: named, not an internal error
    out.write_bytes(lines_[0] + b'{"id":"x","terms":"nope"}\n' + lines_[1])
    r = glossar_cli("corpus", "report", str(out))
    assert r.exit_code == 4 and f"{out}:2: not a corpus record" in r.stderr
    assert "internal error" not in r.stderr


# --- one job per OUTPUT ---------------------------------------------------------------


def test_a_second_job_on_an_output_in_use_is_refused_and_writes_nothing(  # type: ignore[no-untyped-def]
    tmp_path: Path, glossar_cli
) -> None:
    """Two real `glossar corpus terms` on one OUTPUT: the second is refused (exit 4, one
    line) while the first runs, and OUTPUT ends with each document once."""
    src = big_corpus(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "glossar", "corpus", "terms", str(src), str(out)]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    first = subprocess.Popen([*cmd, "--workers", "1", "--quiet"], env=env)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and first.poll() is None:
            if out.exists() and out.stat().st_size:
                break
            time.sleep(0.001)
        first.send_signal(signal.SIGSTOP)  # held mid-job, OUTPUT in its hands
        assert first.poll() is None, "the first job ended before the second could start"
        second = glossar_cli("corpus", "terms", str(src), str(out), "--workers", "1")
        report = glossar_cli("corpus", "report", str(out))
    finally:
        first.send_signal(signal.SIGCONT)
        first.wait(timeout=300)
    assert second.exit_code == 4, second.stderr
    assert "another process holds it (another glossar corpus job writing" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1 and "Traceback" not in second.stderr
    assert "still writing it; these are the figures so far" in report.stderr
    assert first.returncode == 0
    ids = [json.loads(x)["id"] for x in lines(out)]
    assert len(ids) == len(set(ids)) == 5 * len(PUD_DOCS)


def test_an_output_held_by_another_process_is_left_as_it_was(tmp_path: Path) -> None:
    import fcntl

    from glossar.corpus.output import OutputInUseError

    src = pud_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    before = out.read_bytes()
    with out.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(OutputInUseError) as err:
            run_job(JobSpec("terms"), pud_corpus(tmp_path / "more.jsonl", 6), out, workers=1)
    assert err.value.exit_code == 4
    assert out.read_bytes() == before
    run_job(JobSpec("terms"), src, out, workers=1)  # free again: the job goes on
    assert out.read_bytes() == before


def test_records_written_twice_are_said_on_resume_even_quietly(  # type: ignore[no-untyped-def]
    tmp_path: Path, glossar_cli
) -> None:
    """An OUTPUT two unlocked jobs filled (each record twice): a resume says so instead
    of a report that silently counts every document twice."""
    src = pud_corpus(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    out.write_bytes(out.read_bytes() * 2)
    r = glossar_cli("corpus", "terms", str(src), str(out), "--workers", "1", "--quiet")
    assert r.exit_code == 0, r.stderr
    assert "OUTPUT holds 4 records more than INPUT has documents" in r.stderr
    assert f"(first: {PUD_DOCS[0]['id']})" in r.stderr
    assert len(lines(out)) == 8  # said, not changed: the user decides
    # a document removed from INPUT since is not taken for a duplicate
    src2 = pud_corpus(tmp_path / "in2.jsonl", 3)
    out2 = tmp_path / "out2.jsonl"
    run_job(JobSpec("terms"), pud_corpus(tmp_path / "in3.jsonl", 4), out2, workers=1)
    assert run_job(JobSpec("terms"), src2, out2, workers=1).surplus == {}


@pytest.mark.parametrize("how", ["ctrl-c", "kill"])
def test_an_interrupted_job_stops_its_workers_quietly_and_resumes(tmp_path: Path, how: str) -> None:
    """Ctrl-C (SIGINT to the terminal's process group: the job and its 2 workers) while
    they work: exit 130 and one line saying what OUTPUT keeps and how to go on (a
    worker printed its KeyboardInterrupt traceback, and the exit status was 1, "nothing
    found"; then it said "Aborted." alone). `kill PID` (SIGTERM to the
    job alone): exit 143, nothing said (its workers ran on for good, holding stderr).
    No worker is left behind either way, and the next run completes OUTPUT as an
    uninterrupted run writes it."""
    job = _interruptible_job(tmp_path)
    out, proc = job.out, job.proc
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size:
            break
        time.sleep(0.001)
    if how == "ctrl-c":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.terminate()
    err = _ended(proc)
    if how == "ctrl-c":
        assert proc.returncode == 130, err
        said = err.decode().strip().splitlines()  # after a line break (past the ^C)
        assert len(said) == 1, err
        kept = re.fullmatch(
            r"glossar: interrupted: (.+) holds (\d+) documents?; run the same command again "
            r"to go on",
            said[0],
        )
        assert kept and kept[1] == str(out), said
        assert int(kept[2]) == len(lines(out)), said  # what OUTPUT holds, counted right
    else:
        assert proc.returncode == 143 and err == b"", err
    job.resumes(workers=1)


def _running_in_group(pgid: int) -> list[int]:
    """Processes of a process group that still run (zombies, dead but not yet reaped by
    whoever inherited them, do not count); none known without /proc."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            running.append(int(stat.parent.name))
    return running


def _job(src: Path, out: Path) -> tuple[list[str], dict[str, str]]:
    """`glossar corpus terms SRC OUT --quiet` (add ``--workers``) and its environment.
    PYTHONFAULTHANDLER: a job that hangs is made to say where (:func:`_ended`)."""
    cmd = [sys.executable, "-m", "glossar", "corpus", "terms", str(src), str(out), "--quiet"]
    return cmd, dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONFAULTHANDLER="1")


def _started_at_terminal(cmd: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """``cmd`` as a terminal starts it: its own process group (Ctrl-C reaches the job and
    its workers), SIGINT not ignored (a test run started in the background of a script,
    `pytest &`, ignores it, and a child would inherit that and finish the job, exit 0)."""
    return subprocess.Popen(
        cmd,
        env=env,
        start_new_session=True,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


@dataclass
class _InterruptibleJob:
    """A 2-worker `corpus terms` job on the big corpus, started as a terminal starts it,
    and OUTPUT as an uninterrupted run writes it (what running it again must complete)."""

    out: Path
    reference: Path
    cmd: list[str]
    env: dict[str, str]
    proc: subprocess.Popen[bytes]

    def resumes(self, workers: int) -> None:
        """The stopped job kept part of OUTPUT and left no worker; run again with
        ``workers``, it completes OUTPUT as the uninterrupted run wrote it."""
        assert 0 < len(lines(self.out)) < len(lines(self.reference))
        _no_worker_left(self.proc.pid)
        again = [*self.cmd, "--workers", str(workers)]
        done = subprocess.run(again, env=self.env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert self.out.read_bytes() == self.reference.read_bytes()


def _interruptible_job(tmp_path: Path) -> _InterruptibleJob:
    src = big_corpus(tmp_path / "in.jsonl")
    reference = tmp_path / "reference.jsonl"
    run_job(JobSpec("terms"), src, reference, workers=1)
    out = tmp_path / "out.jsonl"
    cmd, env = _job(src, out)
    proc = _started_at_terminal([*cmd, "--workers", "2"], env)
    return _InterruptibleJob(out, reference, cmd, env, proc)


def _ended(proc: subprocess.Popen[bytes]) -> bytes:
    """The job's stderr once it has ended; one still running after 60 s fails the test
    with every thread's stack, of the job and its workers (SIGABRT to its group)."""
    try:
        return proc.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGABRT)
        err = proc.communicate()[1]
        pytest.fail(f"the job hangs:\n{err.decode(errors='replace')}")


def _no_worker_left(pgid: int) -> None:
    """No process of the job's group runs 10 s after it ended: the workers are stopped,
    not left to finish their chunks."""
    gone = time.monotonic() + 10
    while _running_in_group(pgid) and time.monotonic() < gone:
        time.sleep(0.05)
    assert not _running_in_group(pgid), "a worker process outlived the job"


def _workers_of(pid: int) -> list[int]:
    """The corpus worker processes a job started (spawned: ``spawn_main`` in their
    command line; the resource tracker is not one)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and b"spawn_main" in cmdline:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds workers in /proc")
def test_a_killed_worker_ends_the_job_in_one_line_and_a_rerun_completes(tmp_path: Path) -> None:
    """A worker killed by the OOM killer or a user's `kill -9` while the job runs: the
    job ends at once (exit 1) with one line saying what stopped and how to go on, not a
    hang, an internal error or a traceback; running it again completes OUTPUT as an
    uninterrupted run writes it."""
    job = _interruptible_job(tmp_path)
    out, proc = job.out, job.proc
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _workers_of(proc.pid)
        if out.exists() and out.stat().st_size and len(workers) == 2:
            os.kill(workers[0], signal.SIGKILL)
            break
        time.sleep(0.001)
    assert len(workers) == 2, "the job ended before both its workers were seen"
    err = _ended(proc)
    said = err.decode().strip().splitlines()
    assert proc.returncode == 1, err
    assert said == [
        "glossar: a worker process of the corpus job stopped unexpectedly (killed by "
        "SIGKILL); OUTPUT keeps every record written so far, and running the job again goes "
        "on from there"
    ], err
    job.resumes(workers=2)


ARTICLE = ROOT / "tests" / "data" / "article_de.txt"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds workers in /proc")
@pytest.mark.parametrize("after_s", [0.0, 0.05, 0.15])
def test_ctrl_c_while_the_workers_start_says_one_line(tmp_path: Path, after_s: float) -> None:
    """Ctrl-C as the first worker process appears, or while it starts up: exit 130 and
    the one "interrupted" line, no worker traceback (the first worker started with
    SIGINT unblocked: starting multiprocessing's resource tracker undid the hold), and
    no worker left behind."""
    src = big_corpus(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    cmd, env = _job(src, out)
    proc = _started_at_terminal([*cmd, "--workers", "2"], env)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None and not workers:
        workers = _workers_of(proc.pid)
        time.sleep(0.001)
    assert workers, "the job ended before a worker was seen"
    time.sleep(after_s)
    os.killpg(proc.pid, signal.SIGINT)
    err = _ended(proc)
    said = err.decode().strip().splitlines()
    assert proc.returncode == 130, err
    assert len(said) == 1 and said[0].startswith("glossar: interrupted: "), err
    _no_worker_left(proc.pid)


# --- what INPUT may be ----------------------------------------------------------------


def test_one_txt_file_is_one_document_named_by_its_file(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """`glossar corpus terms article.txt out.jsonl`: every line of the article was a
    "not JSON" error record (exit 0); it is one document, and a re-run resumes."""
    src = tmp_path / "artikel.txt"
    src.write_bytes(ARTICLE.read_bytes())
    out = tmp_path / "out.jsonl"
    r = glossar_cli("corpus", "terms", str(src), str(out), "--workers", "1", "--quiet")
    assert r.exit_code == 0, r.stderr
    (record,) = [json.loads(x) for x in lines(out)]
    assert record["id"] == "artikel.txt" and "error" not in record
    assert {t["id"] for t in record["terms"]} >= {"ovks", "ausnahmezustand", "tokajew"}
    again = glossar_cli("corpus", "terms", str(src), str(out), "--workers", "1")
    assert "(0 this run, 1 from earlier runs)" in again.stderr
    # wikitext starts with "{" too: it is text unless its first line is a JSON object
    wiki = tmp_path / "wiki.txt"
    wiki.write_text("{{Infobox Staat\n| Name = Kasachstan\n}}\n" + PUD_DOCS[0]["text"], "utf-8")
    out_wiki = tmp_path / "wiki.jsonl"
    run_job(JobSpec("terms"), wiki, out_wiki, workers=1)
    assert [json.loads(x).get("error") for x in lines(out_wiki)] == [None]
    # JSON Lines saved as .txt stays JSON Lines
    jsonl = pud_corpus(tmp_path / "docs.txt", 3)
    out2 = tmp_path / "out2.jsonl"
    run_job(JobSpec("terms"), jsonl, out2, workers=1)
    assert [json.loads(x)["id"] for x in lines(out2)] == [d["id"] for d in PUD_DOCS[:3]]


def test_a_file_that_is_neither_text_nor_json_lines_is_refused_before_any_work(  # type: ignore[no-untyped-def]
    tmp_path: Path, glossar_cli
) -> None:
    src = tmp_path / "artikel.md"
    src.write_bytes(ARTICLE.read_bytes())
    out = tmp_path / "out.jsonl"
    r = glossar_cli("corpus", "terms", str(src), str(out))
    assert r.exit_code == 4
    assert r.stderr.startswith(f"glossar: {src}: line 1 is not JSON: INPUT is a folder")
    assert len(r.stderr.splitlines()) == 1 and not out.exists()


def test_what_a_folder_cannot_give_is_an_error_record_in_its_place(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch
) -> None:
    """A .txt link to nothing and a subfolder that cannot be read were skipped without a
    word: each is an error record where it sorts, and the rest of the job goes on."""
    src = tmp_path / "in"
    (src / "b-locked").mkdir(parents=True)
    (src / "b-locked" / "x.txt").write_text(PUD_DOCS[1]["text"], encoding="utf-8")
    (src / "a.txt").write_text(PUD_DOCS[0]["text"], encoding="utf-8")
    (src / "c.txt").symlink_to(tmp_path / "gone.txt")
    (src / "d.txt").write_text(PUD_DOCS[2]["text"], encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "b-locked":  # as chmod 000 does for a user that is not root
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), src, out, workers=1)
    records = [json.loads(x) for x in lines(out)]
    assert [(r["id"], r.get("error")) for r in records] == [
        ("a.txt", None),
        ("b-locked/", "cannot read folder (Permission denied): its documents are left out"),
        ("c.txt", "cannot read (broken link)"),
        ("d.txt", None),
    ]
    monkeypatch.setattr(os, "scandir", real_scandir)  # readable again: its file is done
    run_job(JobSpec("terms"), src, out, workers=1)
    assert [json.loads(x)["id"] for x in lines(out)][4:] == ["b-locked/x.txt"]


def test_a_report_that_cannot_be_written_is_refused_before_the_job(  # type: ignore[no-untyped-def]
    tmp_path: Path, glossar_cli
) -> None:
    """--report into a folder that does not exist failed only once the job had run."""
    src = pud_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    report = tmp_path / "missing" / "report.json"
    r = glossar_cli("corpus", "terms", str(src), str(out), "--report", str(report))
    assert r.exit_code == 4
    assert r.stderr.strip() == (
        f"glossar: cannot write {report}: the folder {report.parent} does not exist; "
        "nothing was written"
    )
    assert not out.exists()


def test_corpus_refusals_speak_german_under_lang_de(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    src = pud_corpus(tmp_path / "in.jsonl", 2)
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "terms": []}\nkein Datensatz\n', encoding="utf-8")
    runs = {
        "nirgends: Datei oder Ordner nicht gefunden": [str(tmp_path / "nirgends"), str(out)],
        "out.jsonl:2: kein Korpusdatensatz; Fortsetzen abgelehnt": [str(src), str(out)],
    }
    for german, args in runs.items():
        r = glossar_cli("--lang", "de", "corpus", "terms", *args)
        assert r.exit_code == 4 and german in r.stderr, r.stderr


def test_a_pipe_as_input_is_read_once_whole(tmp_path: Path) -> None:
    """`glossar corpus terms <(zcat a.jsonl.gz) out.jsonl`: a look at INPUT's first line
    (is it text or JSON Lines?) ate the pipe's start, and the job wrote 0 records, exit 0."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in PUD_DOCS[:20])

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as fh:
            fh.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    out = tmp_path / "out.jsonl"
    run_job(JobSpec("terms"), fifo, out, workers=1)
    writer.join(timeout=30)
    assert [json.loads(x)["id"] for x in lines(out)] == [d["id"] for d in PUD_DOCS[:20]]


def test_a_report_asking_about_output_does_not_refuse_a_job_starting_then(
    tmp_path: Path,
) -> None:
    """`corpus report` holds a shared lock for a moment (is a job writing?): a job that
    starts in that moment waits for it instead of being refused."""
    import fcntl
    import threading

    src = pud_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    out.touch()
    held = out.open("rb")
    fcntl.flock(held.fileno(), fcntl.LOCK_SH)
    threading.Timer(0.3, held.close).start()  # the report lets go
    run_job(JobSpec("terms"), src, out, workers=1)
    assert len(lines(out)) == 3


def test_the_report_counts_one_document_in_the_singular_and_in_german(
    tmp_path: Path, glossar_cli
) -> None:  # type: ignore[no-untyped-def]
    """'OUTPUT holds 1 documents' and, under --lang de, English column headers and
    '1 Dokumente' were what a job over one document said."""
    src = pud_corpus(tmp_path / "in.jsonl", 1)
    r = glossar_cli("corpus", "terms", str(src), str(tmp_path / "en.jsonl"))
    assert r.exit_code == 0, r.stderr
    assert "OUTPUT holds 1 document (1 this run, 0 from earlier runs), 0 errors." in r.stderr
    assert "\n1 document; glossary terms:" in r.stderr
    r = glossar_cli("--lang", "de", "corpus", "terms", str(src), str(tmp_path / "de.jsonl"))
    assert r.exit_code == 0, r.stderr
    assert "OUTPUT enthält 1 Dokument (1 in diesem Lauf, 0 aus früheren Läufen), 0 Fehler." in (
        r.stderr
    )
    report = glossar_cli("--lang", "de", "corpus", "report", str(tmp_path / "de.jsonl"))
    assert report.stdout.startswith("1 Dokument; Glossarbegriffe:")
    header = report.stdout.splitlines()[1].split()
    assert header[:4] == ["Anzahl", "Dok.", "sicher", "unsicher"], report.stdout


def test_the_report_says_when_records_repeat_a_document(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """Two jobs on one OUTPUT before it was locked, or two OUTPUTs joined with `cat`:
    the report counted every document twice and said nothing."""
    src = pud_corpus(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    assert glossar_cli("corpus", "terms", str(src), str(out)).exit_code == 0
    clean = glossar_cli("corpus", "report", "--json", str(out))
    assert json.loads(clean.stdout)["repeated"] == 0 and clean.stderr == ""
    first = out.read_text(encoding="utf-8").splitlines()[0]
    with out.open("a", encoding="utf-8") as fh:
        fh.write(first + "\n")
    doubled = glossar_cli("corpus", "report", "--json", str(out))
    assert doubled.exit_code == 0
    assert json.loads(doubled.stdout)["repeated"] == 1
    doc_id = json.loads(first)["id"]
    assert doubled.stderr.strip() == (
        f"glossar: {out}: 1 record repeats an earlier record's document (same id and text: "
        f"{doc_id}); written twice? Its figures count it twice"
    )


def test_an_id_after_a_text_that_ends_in_a_backslash_is_found() -> None:
    """The text's closing quote after an escaped backslash (``\\\\"``) ends the text."""
    from glossar.corpus.source import document_from_line

    line = b'{"text": "' + b"Satz. " * 1400 + b'\\\\", "id": "schraeg"}'
    assert document_from_line(line, 3, max_chars=1000).id == "schraeg"
    # an "id" inside the text (its quotes escaped) is not the document's
    inside = b'{"text": "' + b"Satz. " * 1400 + b'\\", \\"id\\": \\"falsch\\""}'
    assert document_from_line(inside, 4, max_chars=1000).id == "line 4"


def test_a_report_into_a_folder_that_makes_no_files_says_so(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """``--report /proc/self/x`` said "the folder /proc/self does not exist": it does,
    but the kernel makes no files there (ENOENT all the same)."""
    src = tmp_path / "d.txt"
    src.write_text("Die OVKS schickte Truppen.\n", encoding="utf-8")
    r = glossar_cli(
        "corpus", "terms", str(src), str(tmp_path / "o.jsonl"), "--report", "/proc/self/x"
    )
    assert r.exit_code == 4
    assert "no new file can be made in the folder /proc/self" in r.stderr


def test_a_file_refused_by_its_size_says_so_in_one_unit() -> None:
    # a tester: "too large (203347 bytes; limit 100 chars)" mixed bytes and characters
    from glossar.corpus.source import document_from_bytes

    text = " ".join(PUD_DOCS[1]["text"] for _ in range(60)).encode()
    doc = document_from_bytes("gross.txt", text, max_chars=100)
    assert (
        doc.error
        == f"too large (at least {-(-len(text) // 4)} chars in {len(text)} bytes; limit 100 chars)"
    )


def test_an_input_with_no_documents_is_said(glossar_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # a tester: a mistyped or empty folder gave "OUTPUT holds 0 documents" and nothing else
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("Der Kreml.", encoding="utf-8")  # no .txt
    r = glossar_cli("corpus", "terms", str(tmp_path / "in"), str(tmp_path / "out.jsonl"), "--quiet")
    assert r.exit_code == 0
    assert "INPUT holds no documents" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_documents_that_share_an_id_are_said(tmp_path: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """A tester: two JSON Lines documents with the id "a" gave two records "a" without a
    word; scripts key OUTPUT's records by id."""
    lines = pud_corpus(tmp_path / "in.jsonl", 3).read_text(encoding="utf-8").splitlines()
    first_id = json.loads(lines[0])["id"]
    repeated = json.loads(lines[1]) | {"id": first_id}
    src = tmp_path / "dup.jsonl"
    src.write_text("\n".join([lines[0], json.dumps(repeated), lines[2]]) + "\n", "utf-8")
    r = glossar_cli("corpus", "terms", str(src), str(tmp_path / "out.jsonl"), "--quiet")
    assert r.exit_code == 0
    assert r.stderr == (
        f"glossar: 1 document of INPUT has the id of an earlier one ({first_id}): OUTPUT "
        "holds a record for each, in INPUT's order.\n"
    )
    out = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in out].count(first_id) == 2


def test_an_output_that_cannot_be_made_is_said_as_for_every_output(
    tmp_path: Path, glossar_cli
) -> None:  # type: ignore[no-untyped-def]
    """A tester: `corpus terms IN /proc/x.jsonl` said only "No such file or directory"."""
    src = pud_corpus(tmp_path / "in.jsonl", 1)
    out = tmp_path / "missing" / "out.jsonl"
    r = glossar_cli("corpus", "terms", str(src), str(out), "--quiet")
    assert r.exit_code == 4
    assert r.stderr == (
        f"glossar: cannot write {out}: the folder {out.parent} does not exist; nothing was "
        "written\n"
    )


def test_a_job_with_nothing_done_or_failing_inside_glossar_exits_1(glossar_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A tester (stop 45): every document failed, and the job exited 0 (a script saw
    success). Unreadable files in an archive are the archive's: the job is done."""
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "latin1.txt").write_bytes("Grüße".encode("latin-1"))
    r = glossar_cli("corpus", "terms", str(bad), str(tmp_path / "a.jsonl"), "--workers", "1")
    assert r.exit_code == 1 and "no document could be done" in r.stderr
    (bad / "good.txt").write_text("Der Kreml schweigt.", encoding="utf-8")
    r = glossar_cli("corpus", "terms", str(bad), str(tmp_path / "b.jsonl"), "--workers", "1")
    assert r.exit_code == 0, r.stderr
    # a record of a failure inside glossar (not of the text): said, exit 1
    out = tmp_path / "c.jsonl"
    job = json.loads((tmp_path / "b.jsonl").read_text("utf-8").splitlines()[0])["job"]
    failed = {"id": "good.txt", "error": "failed: RuntimeError: boom", "job": job}
    out.write_text(json.dumps(failed) + "\n", encoding="utf-8")
    r = glossar_cli("corpus", "terms", str(bad), str(out), "--workers", "1")
    assert r.exit_code == 1 and "1 document failed inside glossar" in r.stderr


def test_report_refuses_records_of_both_jobs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A tester (stop 45): `cat translate.jsonl terms.jsonl | glossar corpus report -`
    added up figures that mean nothing together; a job refuses the other's OUTPUT."""
    from glossar.corpus.report import report_from_output
    from glossar.errors import BadInputError

    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"id": "a", "segments": []}\n{"id": "b", "terms": []}\n', encoding="utf-8")
    with pytest.raises(
        BadInputError, match="holds `corpus terms` records among `corpus translate`"
    ):
        report_from_output(mixed)
