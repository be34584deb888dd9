"""BLEU and chrF of a CTranslate2 model folder on a Multi30k split (sacrebleu, detokenised).

Decoding as glossar's engine does it: beam 4, ``length_penalty=0.2``, sentences sorted
by length and decoded in groups of 32.

    python training/evaluate.py --ct2 OUT/ct2-int8 --spm OUT/spm.model \\
        [--split test_2016_flickr] [--compute-type int8] [--beam 4]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train import DEFAULT_DATA, read_lines  # noqa: E402


def translate(translator, sp, sentences: list[str], beam: int) -> list[str]:
    pieces = [sp.encode(s, out_type=str) for s in sentences]
    order = sorted(range(len(pieces)), key=lambda i: -len(pieces[i]))
    out = [""] * len(pieces)
    for start in range(0, len(order), 32):
        group = order[start : start + 32]
        longest = max(len(pieces[i]) for i in group)
        res = translator.translate_batch(
            [pieces[i] for i in group],
            beam_size=beam,
            length_penalty=0.2,
            max_decoding_length=int(1.5 * longest) + 10,
        )
        for i, r in zip(group, res, strict=True):
            out[i] = sp.decode_pieces(r.hypotheses[0]).strip()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ct2", type=Path, required=True)
    ap.add_argument("--spm", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", default="test_2016_flickr")
    ap.add_argument("--compute-type", default="int8")
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--n", type=int, default=0, help="first N sentences only")
    args = ap.parse_args()
    import ctranslate2
    import sacrebleu
    import sentencepiece as spm

    de = read_lines(args.data / f"{args.split}.de.gz")
    en = read_lines(args.data / f"{args.split}.en.gz")
    if args.n:
        de, en = de[: args.n], en[: args.n]
    sp = spm.SentencePieceProcessor(model_file=str(args.spm))
    tr = ctranslate2.Translator(
        str(args.ct2), compute_type=args.compute_type, intra_threads=args.threads
    )
    t0 = time.perf_counter()
    hyps = translate(tr, sp, de, args.beam)
    dt = time.perf_counter() - t0
    bleu = sacrebleu.corpus_bleu(hyps, [en]).score
    chrf = sacrebleu.corpus_chrf(hyps, [en]).score
    print(
        f"{args.split} n={len(de)} {args.compute_type} beam {args.beam}: "
        f"BLEU {bleu:.1f} chrF {chrf:.1f} ({dt:.1f} s)"
    )
    for k in range(3):
        print(f"  {de[k]}\n  → {hyps[k]}\n  ref {en[k]}")


if __name__ == "__main__":
    main()
