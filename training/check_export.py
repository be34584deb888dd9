"""Prove the CTranslate2 conversion: score_batch log-probs vs the torch model's.

For N validation pairs, the per-token log-probability of the reference (``</s>``
included) is computed by the torch checkpoint (float32, eval mode) and by CTranslate2's
``score_batch`` on the exported model, in float32 and int8. Prints mean and max absolute
differences per token and per sentence.

    python training/check_export.py --ckpt OUT/ckpt_last.pt --spm OUT/spm.model [--n 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import average_checkpoints, export  # noqa: E402
from model import ModelConfig, Transformer  # noqa: E402
from train import DEFAULT_DATA, read_lines  # noqa: E402


def torch_logprobs(model: Transformer, src: list[int], tgt: list[int]) -> list[float]:
    cfg = model.cfg
    s = torch.tensor([src + [cfg.eos_id]])
    ti = torch.tensor([[cfg.bos_id] + tgt])
    to = tgt + [cfg.eos_id]
    with torch.no_grad():
        logp = F.log_softmax(model(s, ti).float(), -1)[0]
    return [float(logp[k, t]) for k, t in enumerate(to)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ckpt", type=Path, nargs="+", required=True)
    ap.add_argument("--spm", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=200)
    args = ap.parse_args()
    import ctranslate2
    import sentencepiece as spm

    torch.set_num_threads(2)
    sd, cfg_dict = average_checkpoints(args.ckpt)
    cfg = ModelConfig(**cfg_dict)
    model = Transformer(cfg)
    model.load_state_dict(sd)
    model.eval()
    sp = spm.SentencePieceProcessor(model_file=str(args.spm))
    de = read_lines(args.data / "val.de.gz")[: args.n]
    en = read_lines(args.data / "val.en.gz")[: args.n]
    src_ids = [sp.encode(s) for s in de]
    tgt_ids = [sp.encode(s) for s in en]
    ref = [torch_logprobs(model, a, b) for a, b in zip(src_ids, tgt_ids, strict=True)]
    src_pieces = [sp.encode(s, out_type=str) for s in de]
    tgt_pieces = [sp.encode(s, out_type=str) for s in en]
    print(f"{len(de)} validation pairs, {sum(map(len, ref))} target tokens (</s> included)")
    print("| CTranslate2 | mean abs Δ / token | max abs Δ / token | mean abs Δ / sentence |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for quant in ("float32", "int8"):
            out = Path(tmp) / quant
            export(sd, cfg, args.spm, out, None if quant == "float32" else quant)
            tr = ctranslate2.Translator(str(out), compute_type=quant, intra_threads=2)
            res = tr.score_batch(src_pieces, tgt_pieces, max_batch_size=64)
            tok, sent, worst = [], [], 0.0
            for r, lp in zip(res, ref, strict=True):
                got = list(r.log_probs)
                assert len(got) == len(lp), (len(got), len(lp))
                d = [abs(a - b) for a, b in zip(got, lp, strict=True)]
                tok.extend(d)
                worst = max(worst, max(d))
                sent.append(abs(sum(got) - sum(lp)))
            print(
                f"| {quant} | {sum(tok) / len(tok):.4f} | {worst:.4f} | "
                f"{sum(sent) / len(sent):.4f} |"
            )


if __name__ == "__main__":
    main()
