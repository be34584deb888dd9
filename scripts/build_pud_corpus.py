"""Build a corpus of 1,000+ real German news/Wikipedia documents from UD German PUD.

Source: tests/data/pud/de_pud-ud-test.conllu (CC BY-SA 3.0, see its README): 1,000
sentences in 397 documents (``# newdoc id``). The corpus is written, not committed
(derived data under the same licence; regenerate it with this script). Documents:

- ``pud/<newdoc id>``: each PUD document as it is, its sentences joined by spaces
  (397 documents).
- ``window/<first>-<k>``: sliding windows of k = 4…9 consecutive sentences of the
  whole treebank (stride 3), so paragraphs cross document borders as in an archive
  where articles follow one another.
- ``mix/<n>``: two PUD documents chosen by a seeded random generator, one paragraph
  each (blank line between), so texts recombine into new multi-paragraph documents.
- with ``--bad``: three documents that must become error records (invalid UTF-8
  bytes, empty text, a text over the size limit).

Usage: python scripts/build_pud_corpus.py OUT.jsonl [--documents 1030] [--bad]
       python scripts/build_pud_corpus.py OUT_FOLDER --folder   (one .txt per document)
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

PUD = Path(__file__).resolve().parent.parent / "tests" / "data" / "pud" / "de_pud-ud-test.conllu"


def pud_documents(path: Path = PUD) -> list[tuple[str, list[str]]]:
    """(newdoc id, sentences) of the treebank, in file order."""
    docs: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            docs.append((line.split("=", 1)[1].strip(), []))
        elif line.startswith("# text = ") and docs:
            docs[-1][1].append(line.split("=", 1)[1].strip())
    return docs


def build(documents: int = 1030, seed: int = 15) -> list[dict[str, str]]:
    """At least ``documents`` documents (originals, windows, mixes), deterministic."""
    originals = pud_documents()
    out = [{"id": f"pud/{doc_id}", "text": " ".join(sents)} for doc_id, sents in originals]
    sentences = [s for _, sents in originals for s in sents]
    texts = {d["text"] for d in out}
    start = 0
    k = 4
    while len(out) < documents * 2 // 3 and start + k <= len(sentences):
        text = " ".join(sentences[start : start + k])
        if text not in texts:  # a window may equal a whole original
            texts.add(text)
            out.append({"id": f"window/{start:04d}-{k}", "text": text})
        start += 3
        k = 4 + (k - 3) % 6
    rng = random.Random(seed)
    n = 0
    while len(out) < documents:
        a, b = rng.sample(originals, 2)
        text = " ".join(a[1]) + "\n\n" + " ".join(b[1])
        if text in texts:
            continue
        texts.add(text)
        out.append({"id": f"mix/{n:04d}", "text": text})
        n += 1
    return out


def write_jsonl(docs: list[dict[str, str]], out: Path, bad: bool) -> None:
    with out.open("wb") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False).encode("utf-8") + b"\n")
        if bad:
            fh.write(b'{"id": "bad/latin1", "text": "Stra\xdfe"}\n')
            fh.write(b'{"id": "bad/empty", "text": "   "}\n')
            huge = "Der Text ist lang. " * 20_000
            fh.write(json.dumps({"id": "bad/huge", "text": huge}).encode("utf-8") + b"\n")


def write_folder(docs: list[dict[str, str]], out: Path, bad: bool) -> None:
    for doc in docs:
        f = out / f"{doc['id']}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(doc["text"] + "\n", encoding="utf-8")
    if bad:
        (out / "bad").mkdir(parents=True, exist_ok=True)
        (out / "bad" / "latin1.txt").write_bytes("Straße\n".encode("latin-1"))
        (out / "bad" / "empty.txt").write_bytes(b"")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=1030)
    parser.add_argument("--folder", action="store_true", help="write .txt files, not JSONL")
    parser.add_argument("--bad", action="store_true", help="add three bad documents")
    args = parser.parse_args()
    docs = build(args.documents)
    if args.folder:
        write_folder(docs, args.out, args.bad)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_jsonl(docs, args.out, args.bad)
    sentences = sum(d["text"].count(". ") + 1 for d in docs)
    print(f"{len(docs)} documents (~{sentences} sentences) → {args.out}")


if __name__ == "__main__":
    main()
