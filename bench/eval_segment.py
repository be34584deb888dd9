"""Sentence-splitting errors per 1,000 sentences on real text, for glossar and other splitters.

Gold: UD German PUD (``tests/data/pud``, CC BY-SA 3.0): the sentences of each ``# newdoc``
document joined back with one space are a text whose gold boundaries are the sentence
ends; plus ``tests/data/segment_news_hard.tsv`` (hard news cases, one document per block).
An error is a split where gold has none (wrong) or a gold boundary with no split (missed).

    PYTHONPATH=src python bench/eval_segment.py [--show] [--extra-path DIR]

``--extra-path`` adds a folder to ``sys.path`` for splitters installed outside the venv
(``pip install --target DIR syntok``); those missing are skipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"

Doc = tuple[str, list[str]]  # (document id, gold sentences)


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
    import pysbd

    seg = pysbd.Segmenter(language="de", clean=False)
    out["pysbd 0.3.4"] = seg.segment
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


def evaluate(
    split: Callable[[str], list[str]], docs: list[Doc], show: bool
) -> tuple[int, int, int, float]:
    wrong = missed = total = 0
    seconds = 0.0
    for doc_id, sentences in docs:
        text, gold = boundaries(sentences)
        t0 = time.perf_counter()
        pieces = split(text)
        seconds += time.perf_counter() - t0
        got = found_ends(text, pieces)
        total += len(sentences)
        for at in sorted(got - gold):
            wrong += 1
            if show:
                print(f"  WRONG {doc_id}: …{text[max(0, at - 50) : at]}|{text[at : at + 30]}…")
        for at in sorted(gold - got):
            missed += 1
            if show:
                print(f"  MISSED {doc_id}: …{text[max(0, at - 50) : at]}|{text[at : at + 30]}…")
    return wrong, missed, total, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--show", action="store_true", help="print each error in context")
    ap.add_argument("--only", help="evaluate only this splitter")
    ap.add_argument("--extra-path", help="folder with extra splitters (pip --target)")
    args = ap.parse_args()
    sets = {"UD German PUD": pud_docs(), "hard news cases": hard_docs()}
    print("| splitter | gold | sentences | wrong | missed | errors / 1,000 | ms |")
    print("|---|---|---|---|---|---|---|")
    for name, split in splitters(args.extra_path).items():
        if args.only and name != args.only:
            continue
        for gold_name, docs in sets.items():
            split(docs[0][1][0])  # warm up (imports, compiled rules)
            wrong, missed, total, seconds = evaluate(split, docs, args.show)
            rate = 1000 * (wrong + missed) / total
            print(
                f"| {name} | {gold_name} | {total} | {wrong} | {missed} | {rate:.1f} "
                f"| {seconds * 1000:.0f} |"
            )


if __name__ == "__main__":
    main()
