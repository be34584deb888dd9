"""Train the small Multi30k de→en Transformer on CPU (training-only; see training/README.md).

Writes to --out (outside the repository): spm.model/spm.vocab, ckpt_last.pt (resumable,
written every --ckpt-minutes), ckpt_step<N>.pt snapshots, and a log line per report.
Stops after --minutes of wall-clock time in this run, or --max-steps.
"""

from __future__ import annotations

import argparse
import gzip
import math
import random
import sys
import time
from pathlib import Path

import sacrebleu
import sentencepiece as spm
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import ModelConfig, Transformer  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "data" / "multi30k"


def read_lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh]


def train_spm(data: Path, out: Path, vocab: int) -> spm.SentencePieceProcessor:
    model = out / "spm.model"
    if not model.exists():
        text = out / "spm_train.txt"
        lines = read_lines(data / "train.de.gz") + read_lines(data / "train.en.gz")
        text.write_text("\n".join(lines) + "\n", encoding="utf-8")
        spm.SentencePieceTrainer.train(
            input=str(text),
            model_prefix=str(out / "spm"),
            vocab_size=vocab,
            model_type="unigram",
            character_coverage=1.0,
            byte_fallback=True,
            unk_id=0,
            bos_id=1,
            eos_id=2,
            pad_id=3,
            pad_piece="<pad>",
        )
        text.unlink()
    return spm.SentencePieceProcessor(model_file=str(model))


def make_batches(pairs: list[tuple[list[int], list[int]]], max_tokens: int) -> list[list[int]]:
    """Token-based batches: sort by length, cut when batch_size * longest > max_tokens."""
    order = sorted(range(len(pairs)), key=lambda i: (len(pairs[i][1]), len(pairs[i][0])))
    batches, cur, longest = [], [], 0
    for i in order:
        n = max(len(pairs[i][0]), len(pairs[i][1]) + 1)
        if cur and max(longest, n) * (len(cur) + 1) > max_tokens:
            batches.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, n)
    if cur:
        batches.append(cur)
    return batches


def collate(pairs, idx, cfg: ModelConfig):
    src = [pairs[i][0] for i in idx]
    tgt = [pairs[i][1] for i in idx]
    s_len = max(map(len, src))
    t_len = max(map(len, tgt)) + 1
    s = torch.full((len(idx), s_len), cfg.pad_id, dtype=torch.long)
    ti = torch.full((len(idx), t_len), cfg.pad_id, dtype=torch.long)
    to = torch.full((len(idx), t_len), cfg.pad_id, dtype=torch.long)
    for k, (a, b) in enumerate(zip(src, tgt, strict=True)):
        s[k, : len(a)] = torch.tensor(a)
        ti[k, : len(b) + 1] = torch.tensor([cfg.bos_id] + b)
        to[k, : len(b) + 1] = torch.tensor(b + [cfg.eos_id])
    return s, ti, to


def lr_at(step: int, peak: float, warmup: int) -> float:
    step = max(step, 1)
    return peak * min(step / warmup, math.sqrt(warmup / step))


def validate(model, sp, src_lines, ref_lines, cfg, autocast: bool) -> float:
    model.eval()
    hyps = []
    ids = [sp.encode(s)[: cfg.max_positions - 1] + [cfg.eos_id] for s in src_lines]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out: dict[int, str] = {}
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast):
        for start in range(0, len(order), 100):
            chunk = order[start : start + 100]
            n = max(len(ids[i]) for i in chunk)
            src = torch.full((len(chunk), n), cfg.pad_id, dtype=torch.long)
            for k, i in enumerate(chunk):
                src[k, : len(ids[i])] = torch.tensor(ids[i])
            for i, h in zip(chunk, model.greedy(src, max_len=int(n * 1.5) + 10), strict=True):
                out[i] = sp.decode(h)
    hyps = [out[i] for i in range(len(ids))]
    model.train()
    return sacrebleu.corpus_chrf(hyps, [ref_lines]).score


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--vocab", type=int, default=8000)
    ap.add_argument("--minutes", type=float, default=80.0)
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--max-tokens", type=int, default=4096)
    ap.add_argument("--peak-lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=int, default=500)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--label-smoothing", type=float, default=0.1)
    ap.add_argument("--ckpt-minutes", type=float, default=5.0)
    ap.add_argument(
        "--cooldown-minutes",
        type=float,
        default=0.0,
        help="decay the LR linearly to zero over the last N minutes of --minutes",
    )
    ap.add_argument("--valid-n", type=int, default=300)
    ap.add_argument("--report-steps", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument(
        "--bf16", action="store_true", help="bf16 autocast (fast only with avx512_bf16)"
    )
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    log = open(args.out / "train_metrics.log", "a", encoding="utf-8")  # noqa: SIM115 (whole run)

    def say(msg: str) -> None:
        line = f"{time.strftime('%H:%M:%S')} {msg}"
        print(line, flush=True)
        log.write(line + "\n")
        log.flush()

    sp = train_spm(args.data, args.out, args.vocab)
    cfg = ModelConfig(vocab_size=sp.get_piece_size(), dropout=args.dropout)
    de, en = read_lines(args.data / "train.de.gz"), read_lines(args.data / "train.en.gz")
    pairs = [
        (sp.encode(a)[:200] + [cfg.eos_id], sp.encode(b)[:200]) for a, b in zip(de, en, strict=True)
    ]
    val_de = read_lines(args.data / "val.de.gz")[: args.valid_n]
    val_en = read_lines(args.data / "val.en.gz")[: args.valid_n]
    batches = make_batches(pairs, args.max_tokens)
    say(f"pairs {len(pairs)} batches/epoch {len(batches)} vocab {cfg.vocab_size}")

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    model = Transformer(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=args.peak_lr, betas=(0.9, 0.98), eps=1e-9)
    step, epoch, pos, perm, best = 0, 0, 0, None, -1.0
    ckpt = args.out / "ckpt_last.pt"
    if args.resume and ckpt.exists():
        state = torch.load(ckpt, weights_only=False)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, epoch, pos, perm = state["step"], state["epoch"], state["pos"], state["perm"]
        best = state.get("best", -1.0)
        random.setstate(state["py_rng"])
        torch.set_rng_state(state["torch_rng"])
        if perm is not None and len(perm) != len(batches):  # --max-tokens changed
            perm, pos = None, 0
        say(f"resumed at step {step} epoch {epoch} batch {pos}")
    n_params = sum(p.numel() for p in model.parameters())
    say(f"params {n_params / 1e6:.2f} M, bf16 autocast {args.bf16}")

    def save(path: Path) -> None:
        state = {
            "model": model.state_dict(),
            "opt": opt.state_dict(),
            "cfg": cfg.to_dict(),
            "step": step,
            "epoch": epoch,
            "pos": pos,
            "perm": perm,
            "best": best,
            "py_rng": random.getstate(),
            "torch_rng": torch.get_rng_state(),
        }
        tmp = path.with_suffix(".tmp")
        torch.save(state, tmp)
        tmp.replace(path)

    start = time.time()
    last_ckpt = start
    tok_count, loss_sum, t_report = 0, 0.0, time.time()
    model.train()
    while True:
        if perm is None or pos >= len(perm):
            if perm is not None:
                epoch += 1
            perm = list(range(len(batches)))
            random.shuffle(perm)
            pos = 0
        s, ti, to = collate(pairs, batches[perm[pos]], cfg)
        pos += 1
        step += 1
        lr = lr_at(step, args.peak_lr, args.warmup)
        if args.cooldown_minutes:
            left = args.minutes * 60 - (time.time() - start)
            lr *= min(1.0, max(left, 0.0) / (args.cooldown_minutes * 60))
        for g in opt.param_groups:
            g["lr"] = lr
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(s, ti)
        loss = F.cross_entropy(
            logits.float().view(-1, cfg.vocab_size),
            to.view(-1),
            ignore_index=cfg.pad_id,
            label_smoothing=args.label_smoothing,
        )
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        ntok = int((to != cfg.pad_id).sum())
        tok_count += ntok
        loss_sum += loss.item() * ntok
        if step % args.report_steps == 0:
            dt = time.time() - t_report
            say(
                f"step {step} epoch {epoch} loss {loss_sum / tok_count:.3f} "
                f"lr {lr:.2e} tok/s {tok_count / dt:.0f}"
            )
            tok_count, loss_sum, t_report = 0, 0.0, time.time()
        now = time.time()
        out_of_time = now - start > args.minutes * 60 or (args.max_steps and step >= args.max_steps)
        if now - last_ckpt > args.ckpt_minutes * 60 or out_of_time:
            chrf = validate(model, sp, val_de, val_en, cfg, args.bf16)
            best = max(best, chrf)
            save(ckpt)
            save(args.out / f"ckpt_step{step}.pt")
            say(f"checkpoint step {step} epoch {epoch} val chrF(greedy, {len(val_de)}) {chrf:.1f}")
            last_ckpt = time.time()
            t_report, tok_count, loss_sum = time.time(), 0, 0.0
        if out_of_time:
            say("budget reached, stopping")
            break


if __name__ == "__main__":
    main()
