"""Which decoder layer and heads of the cross-attention align nouns and names best?

CTranslate2 returns, with ``return_attention=True``, the attention of one decoder layer
(``alignment_layer``) averaged over its first ``alignment_heads`` heads; both are baked
in at export. This script exports the checkpoint once per setting (int8) and scores
each on the hand-aligned caption set tests/data/captions/aligned_nouns.tsv: for every
gold pair (German word = English word) whose English word is in the model's output,
the attention rows of that word's target pieces are summed and the pair counts as
aligned when the strongest source piece lies inside the German word.

Any single head can be made "the first" by permuting the heads of that layer's
cross-attention (Q rows, K/V rows, output-projection columns): the model computes the
same function, so ``--head-order`` in export is lossless.

    python training/alignment.py --ckpt OUT/ckpt_last.pt --spm OUT/spm.model
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import average_checkpoints, export, permute_heads  # noqa: E402
from model import ModelConfig  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "captions" / "aligned_nouns.tsv"


def load_gold(path: Path = GOLD) -> list[tuple[str, list[tuple[str, str]]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        de, _en, pairs = line.split("\t")
        rows.append((de, [tuple(p.split("=", 1)) for p in pairs.split()]))
    return rows


def _spans(pieces: list[str]) -> list[tuple[int, int]]:
    """Character spans of pieces in the decoded text (leading ▁ is a space)."""
    spans, pos = [], 0
    for k, p in enumerate(pieces):
        text = p.replace("\u2581", " ")
        if k == 0:
            text = text.lstrip(" ")
        spans.append((pos, pos + len(text)))
        pos += len(text)
    return spans


def score(translator, sp, gold, beam: int = 4) -> tuple[int, int]:
    """(aligned pairs, pairs whose English word the model produced)."""
    src = [sp.encode(de, out_type=str) for de, _ in gold]
    res = translator.translate_batch(src, beam_size=beam, return_attention=True)
    hit = total = 0
    for (de, pairs), pieces, r in zip(gold, src, res, strict=True):
        hyp = list(r.hypotheses[0])
        att = r.attention[0]
        out = "".join(p.replace("\u2581", " ") for p in hyp).lstrip(" ")
        t_spans = _spans(hyp)
        s_spans = _spans(pieces)
        for de_word, en_word in pairs:
            ms = re.search(rf"(?<!\w){re.escape(de_word)}(?!\w)", de)
            mt = re.search(rf"(?<!\w){re.escape(en_word)}", out, re.IGNORECASE)
            if not ms or not mt:
                continue
            total += 1
            rows = [t for t, (a, b) in enumerate(t_spans) if a < mt.end() and b > mt.start()]
            src_ok = {s for s, (a, b) in enumerate(s_spans) if a < ms.end() and b > ms.start()}
            mass = [sum(att[t][s] for t in rows) for s in range(len(s_spans))]
            if max(range(len(mass)), key=mass.__getitem__) in src_ok:
                hit += 1
    return hit, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ckpt", type=Path, nargs="+", required=True)
    ap.add_argument("--spm", type=Path, required=True)
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args()
    import ctranslate2
    import sentencepiece as spm

    sd, cfg_dict = average_checkpoints(args.ckpt)
    cfg = ModelConfig(**cfg_dict)
    sp = spm.SentencePieceProcessor(model_file=str(args.spm))
    gold = load_gold(args.gold)
    print(f"{len(gold)} sentences, {sum(len(p) for _, p in gold)} gold pairs")
    print("| layer | heads | aligned / found | % |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for layer in range(cfg.dec_layers):
            settings = [
                (f"head {h}", [h] + [x for x in range(cfg.num_heads) if x != h], 1)
                for h in range(cfg.num_heads)
            ]
            settings += [
                (f"first {k}", list(range(cfg.num_heads)), k) for k in range(2, cfg.num_heads)
            ]
            settings.append(("all (0)", list(range(cfg.num_heads)), 0))
            for label, order, k in settings:
                out = Path(tmp) / "m"
                export(permute_heads(sd, cfg, layer, order), cfg, args.spm, out, "int8", layer, k)
                tr = ctranslate2.Translator(str(out), compute_type="int8", intra_threads=2)
                hit, total = score(tr, sp, gold)
                print(f"| {layer} | {label} | {hit}/{total} | {100 * hit / max(total, 1):.0f} |")


if __name__ == "__main__":
    main()
