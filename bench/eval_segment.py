"""Sentence-splitting errors per 1,000 sentences on real text, for glossar and other splitters.

Gold sets (the sentences of one document joined back with one space are the input, their
ends the gold boundaries):

- UD German PUD (``tests/data/pud``, CC BY-SA 3.0): one document per ``# newdoc``;
- UD German GSD (``tests/data/gsd``, CC BY-SA 4.0), news (Frankfurter Rundschau, from
  TIGER) and reviews apart: GSD has no document marks and its sentences are not in
  document order, so a document is a run of :data:`GSD_RUN` consecutive sentences;
- ``tests/data/segment_news_hard.tsv`` (hard cases written here, one document per block).

An error is a split where gold has none (wrong) or a gold boundary with no split (missed).
Each row is printed twice: ``raw`` counts every gold boundary; ``punct.`` leaves out the
missed boundaries that are artefacts of the gold (:func:`artefact`: the sentence has no
final punctuation, or the next one starts in lower case), which no splitter following
German orthography can see. Wrong splits always count.

    PYTHONPATH=src python bench/eval_segment.py [--show] [--artefacts] [--extra-path DIR]

``--extra-path`` adds a folder to ``sys.path`` for splitters installed outside the venv
(``pip install --target DIR syntok``); those missing are skipped.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"

Doc = tuple[str, list[str]]  # (document id, gold sentences)

#: Sentences per document for GSD, which has no document marks.
GSD_RUN = 10
_FINAL = re.compile(r"[.!?…][\"“”»«’'‘)\]]*$")


def pud_docs() -> list[Doc]:
    """Gold documents of UD German PUD: (newdoc id, its sentences in order)."""
    docs: list[Doc] = []
    path = DATA / "pud" / "de_pud-ud-test.conllu"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            docs.append((line.split("=", 1)[1].strip(), []))
        elif line.startswith("# text = "):
            docs[-1][1].append(line[len("# text = ") :].strip())
    return docs


def gsd_docs(genre: str) -> list[Doc]:
    """Runs of :data:`GSD_RUN` consecutive GSD sentences of one genre (``news``/``reviews``)."""
    path = DATA / "gsd" / "de_gsd_sentences.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    docs: list[Doc] = []
    for split in ("dev", "test"):
        sents = [(i, t) for i, g, t in rows if g == genre and i.startswith(split + "-")]
        for k in range(0, len(sents), GSD_RUN):
            run = sents[k : k + GSD_RUN]
            docs.append((f"{run[0][0]}..{run[-1][0]}", [t for _, t in run]))
    return docs


def artefact(before: str, after: str) -> str | None:
    """Why the gold boundary between ``before`` and ``after`` is invisible to a splitter
    that follows German orthography, or None when it carries sentence punctuation."""
    if not _FINAL.search(before):
        return f"no final punctuation (ends in {before[-1]!r})"
    if after.lstrip("„‚\"'»«`")[:1].islower():
        return "next sentence starts in lower case"
    return None


def hard_docs() -> list[Doc]:
    """The hard news cases: blocks separated by blank lines, one gold sentence a line."""
    docs: list[Doc] = []
    lines = (DATA / "segment_news_hard.tsv").read_text(encoding="utf-8").splitlines()
    current: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                docs.append((f"hard{len(docs) + 1}", current))
            current = []
        else:
            current.append(line.strip())
    return docs


def boundaries(sentences: list[str]) -> tuple[str, set[int]]:
    """The joined text and its gold boundaries (offsets where a sentence ends)."""
    text = " ".join(sentences)
    ends: set[int] = set()
    pos = 0
    for s in sentences:
        pos += len(s)
        ends.add(pos)
        pos += 1
    return text, ends - {len(text)}


def found_ends(text: str, pieces: list[str]) -> set[int]:
    """Where the splitter's pieces end in ``text`` (pieces located in order)."""
    ends: set[int] = set()
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0:
            at = text.find(piece[:20], cursor)
            if at < 0:
                continue
        cursor = at + len(piece)
        ends.add(min(cursor, len(text)))
    return ends - {len(text)}


def splitters(extra: str | None) -> dict[str, Callable[[str], list[str]]]:
    if extra:
        sys.path.insert(0, extra)
    out: dict[str, Callable[[str], list[str]]] = {}
    from glossar.text.segment import split_sentences

    out["glossar"] = lambda t: [s.text for s in split_sentences(t)]
    try:  # the bench extra installs it; a test-only venv skips it like the others
        import pysbd

        out["pysbd 0.3.4"] = pysbd.Segmenter(language="de", clean=False).segment
    except ImportError:
        pass
    try:
        from syntok import segmenter

        def syn(t: str) -> list[str]:
            return [
                "".join(tok.spacing + tok.value for tok in sent).strip()
                for para in segmenter.process(t)
                for sent in para
            ]

        out["syntok"] = syn
    except ImportError:
        pass
    try:
        from simplemma import split_sentences as ss  # type: ignore[attr-defined]

        out["simplemma"] = lambda t: list(ss(t))
    except ImportError:
        try:
            from simplemma.tokenizer import split_text

            out["simplemma"] = lambda t: list(split_text(t))
        except ImportError:
            pass
    return out


def artefact_ends(sentences: list[str]) -> dict[int, str]:
    """Gold boundaries (offsets as in :func:`boundaries`) that are artefacts, with why."""
    out: dict[int, str] = {}
    pos = 0
    for before, after in zip(sentences, sentences[1:], strict=False):
        pos += len(before)
        reason = artefact(before, after)
        if reason:
            out[pos] = reason
        pos += 1
    return out


@dataclass
class Score:
    wrong: int = 0
    missed: int = 0
    missed_artefacts: int = 0
    sentences: int = 0
    seconds: float = 0.0


def evaluate(
    split: Callable[[str], list[str]], docs: list[Doc], show: bool, wrap: int = 0
) -> Score:
    score = Score()
    for doc_id, sentences in docs:
        text, gold = boundaries(sentences)
        if wrap:  # as pasted from a PDF or an e-mail: spaces become line breaks
            import textwrap

            wrapped = textwrap.fill(text, wrap, break_long_words=False, break_on_hyphens=False)
            if len(wrapped) == len(text):  # (else the text had runs of white space)
                text = wrapped
        odd = artefact_ends(sentences)
        t0 = time.perf_counter()
        pieces = split(text)
        score.seconds += time.perf_counter() - t0
        got = found_ends(text, pieces)
        score.sentences += len(sentences)
        for at in sorted(got - gold):
            score.wrong += 1
            if show:
                print(f"  WRONG {doc_id}: …{text[max(0, at - 50) : at]}|{text[at : at + 30]}…")
        for at in sorted(gold - got):
            score.missed += 1
            score.missed_artefacts += at in odd
            if show and at not in odd:
                print(f"  MISSED {doc_id}: …{text[max(0, at - 50) : at]}|{text[at : at + 30]}…")
    return score


def list_artefacts(sets: dict[str, list[Doc]]) -> None:
    """Every gold boundary :func:`artefact` leaves out of the ``punct.`` figures."""
    for gold_name, docs in sets.items():
        for doc_id, sentences in docs:
            text, _ = boundaries(sentences)
            for at, reason in sorted(artefact_ends(sentences).items()):
                print(f"{gold_name}\t{doc_id}\t{reason}\t…{text[max(0, at - 40) : at + 25]}…")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--show", action="store_true", help="print each error in context")
    ap.add_argument("--only", help="evaluate only this splitter")
    ap.add_argument("--extra-path", help="folder with extra splitters (pip --target)")
    ap.add_argument("--artefacts", action="store_true", help="list the gold artefacts, stop")
    ap.add_argument("--best-of", type=int, default=1, help="time the best of N runs")
    ap.add_argument(
        "--wrap", type=int, default=0, help="wrap each text at N columns first (PDF, e-mail)"
    )
    args = ap.parse_args()
    sets = {
        "UD German PUD": pud_docs(),
        "UD German GSD news": gsd_docs("news"),
        "UD German GSD reviews": gsd_docs("reviews"),
        "hard news cases": hard_docs(),
    }
    if args.artefacts:
        list_artefacts(sets)
        return
    print(
        "| splitter | gold | sentences | wrong | missed (of them artefacts) "
        "| errors / 1,000 raw | errors / 1,000 punct. | ms |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, split in splitters(args.extra_path).items():
        if args.only and name != args.only:
            continue
        for gold_name, docs in sets.items():
            split(docs[0][1][0])  # warm up (imports, compiled rules)
            runs = [
                evaluate(split, docs, args.show and k == 0, args.wrap) for k in range(args.best_of)
            ]
            sc = min(runs, key=lambda r: r.seconds)
            raw = 1000 * (sc.wrong + sc.missed) / sc.sentences
            punct = 1000 * (sc.wrong + sc.missed - sc.missed_artefacts) / sc.sentences
            print(
                f"| {name} | {gold_name} | {sc.sentences} | {sc.wrong} "
                f"| {sc.missed} ({sc.missed_artefacts}) | {raw:.1f} | {punct:.1f} "
                f"| {sc.seconds * 1000:.0f} |"
            )


if __name__ == "__main__":
    main()
