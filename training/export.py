"""Convert a training checkpoint to CTranslate2 and package it as an ``.argosmodel``.

Training-only (needs torch). The weight mapping onto ``ctranslate2.specs.TransformerSpec``
is one to one because training/model.py is laid out like the spec (see
training/README.md, "Weight mapping"). Pitfalls handled here, each measured:

- positions: the spec's default (no table) is tensor2tensor's sinusoid (sin block, then
  cos block) starting at position 1; training used interleaved sin/cos from position 0,
  so the table is written explicitly;
- ``scale_embeddings`` (× sqrt(d_model)) and ``pre_norm`` match training;
- ``layer_norm_epsilon`` is written into the config (CTranslate2 would default to 1e-6
  silently, which is what we train with, but a different value must not go unnoticed);
- ``add_source_eos``: training appended ``</s>`` to every source.

Usage::

    python training/export.py --ckpt OUT/ckpt_last.pt --spm OUT/spm.model \\
        --ct2 OUT/ct2-int8 --quantization int8 [--alignment-layer L --alignment-heads H] \\
        [--package tests/data/models/de_en-multi30k.argosmodel --version 1.0]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import ModelConfig  # noqa: E402


def _np(t: torch.Tensor) -> np.ndarray:
    return t.detach().float().cpu().numpy().astype(np.float32)


def _linear(spec, sd: dict, name: str) -> None:
    spec.weight = _np(sd[f"{name}.weight"])
    spec.bias = _np(sd[f"{name}.bias"])


def _norm(spec, sd: dict, name: str) -> None:
    spec.gamma = _np(sd[f"{name}.weight"])
    spec.beta = _np(sd[f"{name}.bias"])


def average_checkpoints(paths: list[Path]) -> tuple[dict, dict]:
    """Average model weights of several checkpoints (returns state dict and config)."""
    states = [torch.load(p, map_location="cpu", weights_only=False) for p in paths]
    sd = {k: sum(s["model"][k].float() for s in states) / len(states) for k in states[0]["model"]}
    return sd, states[-1]["cfg"]


def permute_heads(sd: dict, cfg: ModelConfig, layer: int, order: list[int]) -> dict:
    """A state dict whose decoder layer ``layer`` has its cross-attention heads reordered."""
    sd = dict(sd)
    d, hd = cfg.d_model, cfg.d_model // cfg.num_heads
    idx = torch.cat([torch.arange(h * hd, (h + 1) * hd) for h in order])
    p = f"decoder.{layer}.attention"
    sd[f"{p}.q.weight"] = sd[f"{p}.q.weight"][idx]
    sd[f"{p}.q.bias"] = sd[f"{p}.q.bias"][idx]
    kv_idx = torch.cat([idx, idx + d])
    sd[f"{p}.kv.weight"] = sd[f"{p}.kv.weight"][kv_idx]
    sd[f"{p}.kv.bias"] = sd[f"{p}.kv.bias"][kv_idx]
    sd[f"{p}.out.weight"] = sd[f"{p}.out.weight"][:, idx]
    return sd


def build_spec(sd: dict, cfg: ModelConfig, pieces: list[str], align_layer: int, align_heads: int):
    """The TransformerSpec holding the torch weights (float32; quantised at save)."""
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(
        (cfg.enc_layers, cfg.dec_layers),
        cfg.num_heads,
        pre_norm=True,
        alignment_layer=align_layer,
        alignment_heads=align_heads,
    )
    emb = _np(sd["embeddings.weight"])
    table = _np(sd["positions"]) if "positions" in sd else None
    if table is None:
        from model import sinusoid_table

        table = _np(sinusoid_table(cfg.max_positions, cfg.d_model))
    enc, dec = spec.encoder, spec.decoder
    for side, prefix, norm in ((enc, "encoder", "enc_norm"), (dec, "decoder", "dec_norm")):
        side.scale_embeddings = True
        side.position_encodings.encodings = table
        _norm(side.layer_norm, sd, norm)
        for i, layer in enumerate(side.layer):
            p = f"{prefix}.{i}"
            _norm(layer.self_attention.layer_norm, sd, f"{p}.self_attention.layer_norm")
            _linear(layer.self_attention.linear[0], sd, f"{p}.self_attention.qkv")
            _linear(layer.self_attention.linear[1], sd, f"{p}.self_attention.out")
            if side is dec:
                _norm(layer.attention.layer_norm, sd, f"{p}.attention.layer_norm")
                _linear(layer.attention.linear[0], sd, f"{p}.attention.q")
                _linear(layer.attention.linear[1], sd, f"{p}.attention.kv")
                _linear(layer.attention.linear[2], sd, f"{p}.attention.out")
            _norm(layer.ffn.layer_norm, sd, f"{p}.ffn.layer_norm")
            _linear(layer.ffn.linear_0, sd, f"{p}.ffn.linear_0")
            _linear(layer.ffn.linear_1, sd, f"{p}.ffn.linear_1")
    enc.embeddings[0].weight = emb
    dec.embeddings.weight = emb
    dec.projection.weight = emb
    dec.projection.bias = np.zeros(emb.shape[0], dtype=np.float32)
    spec.config.add_source_eos = True
    spec.config.layer_norm_epsilon = cfg.eps
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    return spec


def export(
    sd: dict,
    cfg: ModelConfig,
    spm_path: Path,
    out: Path,
    quantization: str | None,
    align_layer: int = -1,
    align_heads: int = 0,
) -> Path:
    """Write a CTranslate2 model folder at ``out`` (replaced if present)."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    spec = build_spec(sd, cfg, pieces, align_layer, align_heads)
    spec.validate()
    spec.optimize(quantization=quantization)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    spec.save(str(out))
    return out


METADATA = {
    "package_version": "1.0",
    "argos_version": "1.0",
    "from_code": "de",
    "from_name": "German",
    "to_code": "en",
    "to_name": "English",
    "type": "translate",
    "domain": "caption",
    "name": "German–English Multi30k image captions (test model)",
    "description": (
        "Small Transformer trained on the 29,000 Multi30k image-caption pairs: "
        "a caption-domain model for tests, not a news model."
    ),
}


def package(ct2_dir: Path, spm_path: Path, dest: Path, version: str) -> Path:
    """Zip a model folder, SentencePiece model and metadata.json as an argos package."""
    top = "translate-de_en-multi30k-" + version.replace(".", "_")
    meta = dict(METADATA, package_version=version)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_zip = Path(tmp) / dest.name
        with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            zf.writestr(f"{top}/metadata.json", json.dumps(meta, indent=2, ensure_ascii=False))
            zf.write(spm_path, f"{top}/sentencepiece.model")
            for f in sorted(ct2_dir.iterdir()):
                zf.write(f, f"{top}/model/{f.name}")
        shutil.copyfile(tmp_zip, dest)
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--ckpt", type=Path, nargs="+", required=True, help="one, or several to average"
    )
    ap.add_argument("--spm", type=Path, required=True)
    ap.add_argument("--ct2", type=Path, required=True, help="CTranslate2 output folder")
    ap.add_argument("--quantization", default="int8", help="int8, float32, …")
    ap.add_argument("--alignment-layer", type=int, default=-1)
    ap.add_argument("--alignment-heads", type=int, default=0, help="0 = average all heads")
    ap.add_argument(
        "--head-order",
        help="reorder the alignment layer's cross-attention heads, e.g. 2,0,1,3 "
        "(lossless; makes head 2 the first, which --alignment-heads 1 then returns)",
    )
    ap.add_argument("--package", type=Path, help="also write this .argosmodel")
    ap.add_argument("--version", default="1.0")
    args = ap.parse_args()
    sd, cfg_dict = average_checkpoints(args.ckpt)
    cfg = ModelConfig(**cfg_dict)
    if args.head_order:
        layer = args.alignment_layer % cfg.dec_layers
        sd = permute_heads(sd, cfg, layer, [int(h) for h in args.head_order.split(",")])
    q = None if args.quantization == "float32" else args.quantization
    export(sd, cfg, args.spm, args.ct2, q, args.alignment_layer, args.alignment_heads)
    print(f"wrote {args.ct2}")
    if args.package:
        package(args.ct2, args.spm, args.package, args.version)
        print(f"wrote {args.package} ({args.package.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
