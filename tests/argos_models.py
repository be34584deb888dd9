"""Builders for real, tiny argostranslate packages (no torch, no download).

``build_random_package``: a CTranslate2 transformer with random weights and a
SentencePiece model trained on the article: proves the plumbing, its output is noise.

``build_copy_package``: a transformer wired by hand so that greedy or beam decoding
returns its input tokens exactly (recipe in :func:`build_copy_spec`: one-hot token and
position features, cross-attention that looks at the same position). German passes
through untouched, so whatever glossary enforcement inserts must show in the output.
"""

from __future__ import annotations

import io
import json
import math
import tempfile
import zipfile
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "article_de.txt"

METADATA = {
    "package_version": "1.0",
    "argos_version": "1.0",
    "from_code": "de",
    "from_name": "German",
    "to_code": "en",
    "to_name": "English",
    "type": "translate",
}


def train_sentencepiece(
    vocab_size: int, *, byte_fallback: bool = False, text: str | None = None
) -> bytes:
    """A SentencePiece model trained on the article (about 0.05 s)."""
    import sentencepiece as spm

    lines = [ln.strip() for ln in (text or ARTICLE.read_text(encoding="utf-8")).splitlines()]
    lines = [ln for ln in lines if ln] * 3
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=out,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=byte_fallback,
        normalization_rule_name="identity" if byte_fallback else "nmt_nfkc",
        hard_vocab_limit=False,
        minloglevel=2,
        num_threads=1,
    )
    return out.getvalue()


def _pieces(sp_model: bytes) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=sp_model)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _linear_shape(path: str, d: int, ffn: int, vocab: int) -> tuple[int, int]:
    if path.endswith("self_attention.linear[0]"):
        return (3 * d, d)  # fused queries, keys, values
    if path.endswith(".attention.linear[1]") and "self_attention" not in path:
        return (2 * d, d)  # cross-attention: fused keys and values
    if path.endswith("ffn.linear_0"):
        return (ffn, d)
    if path.endswith("ffn.linear_1"):
        return (d, ffn)
    if path.endswith("projection"):
        return (vocab, d)
    return (d, d)


def fill_random(spec: object, d: int, ffn: int, vocab: int, seed: int = 0) -> None:
    """Give every unset variable of a transformer spec a random (or neutral) value."""
    from ctranslate2.specs import model_spec

    rng = np.random.default_rng(seed)

    def walk(layer: object, path: str) -> None:
        for name, value in list(vars(layer).items()):
            if name.startswith("_"):
                continue
            sub = f"{path}.{name}"
            if isinstance(value, model_spec.LayerSpec):
                walk(value, sub)
            elif isinstance(value, list) and value and isinstance(value[0], model_spec.LayerSpec):
                for i, item in enumerate(value):
                    walk(item, f"{sub}[{i}]")
            elif value is None:
                if name == "gamma":
                    arr = np.ones(d, dtype=np.float32)
                elif name == "beta":
                    arr = np.zeros(d, dtype=np.float32)
                elif name == "weight" and "embeddings" in path:
                    arr = rng.normal(0, 0.3, (vocab, d)).astype(np.float32)
                elif name == "weight":
                    shape = _linear_shape(path, d, ffn, vocab)
                    arr = rng.normal(0, 1 / math.sqrt(shape[1]), shape).astype(np.float32)
                else:
                    raise ValueError(f"do not know how to fill {sub}")
                setattr(layer, name, arr)

    walk(spec, "")


def _zip_package(folder: Path, out: Path, top: str) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(folder.rglob("*")):
            zf.write(file, f"{top}/{file.relative_to(folder).as_posix()}")
    return out


def _write_package(
    spec: object,
    sp_model: bytes,
    out: Path,
    top: str,
    metadata: dict[str, object],
    quantization: str | None = None,
) -> Path:
    spec.validate()  # type: ignore[attr-defined]
    spec.optimize(quantization=quantization)  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / top
        (folder / "model").mkdir(parents=True)
        spec.save(str(folder / "model"))  # type: ignore[attr-defined]
        (folder / "sentencepiece.model").write_bytes(sp_model)
        (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
        return _zip_package(folder, out, top)


def build_random_package(
    path: str | Path,
    *,
    d_model: int = 64,
    layers: int = 2,
    heads: int = 2,
    ffn: int = 128,
    vocab_size: int = 500,
    name: str = "translate-de_en-tiny",
    metadata: dict[str, object] | None = None,
    seed: int = 0,
) -> Path:
    """A real .argosmodel (de→en) with random weights; returns its path."""
    from ctranslate2.specs import transformer_spec

    sp_model = train_sentencepiece(vocab_size)
    pieces = _pieces(sp_model)
    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    fill_random(spec, d_model, ffn, len(pieces), seed)
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    meta = dict(METADATA, **(metadata or {}))
    return _write_package(spec, sp_model, Path(path), name, meta)


def _position_table(length: int, freqs: int) -> np.ndarray:
    """Zero-mean rows of equal norm: (cos, sin, -cos, -sin) of several frequencies."""
    pos = np.arange(length)[:, None]
    periods = np.geomspace(3.0, 4.0 * length, freqs)
    angles = 2 * math.pi * pos / periods[None, :]
    return np.concatenate([np.cos(angles), np.sin(angles), -np.cos(angles), -np.sin(angles)], 1)


def build_copy_spec(vocab: int, *, freqs: int = 16, max_len: int = 512) -> object:
    """A 1+1 layer, 1 head transformer whose decoder copies the encoder's tokens."""
    from ctranslate2.specs import transformer_spec

    p = 4 * freqs
    d = vocab + p
    spec = transformer_spec.TransformerSpec.from_config(1, 1)
    fill_random(spec, d, 4, vocab)
    positions = np.zeros((max_len, d), dtype=np.float32)
    positions[:, vocab:] = _position_table(max_len, freqs)
    tok = slice(0, vocab)
    pos = slice(vocab, d)

    enc, dec = spec.encoder, spec.decoder
    for side in (enc, dec):
        side.scale_embeddings = False
        side.position_encodings.encodings = positions.copy()
        for layer in side.layer:
            layer.self_attention.linear[1].weight = np.zeros((d, d), np.float32)
            layer.ffn.linear_1.weight = np.zeros((d, 4), np.float32)
    emb = np.zeros((vocab, d), np.float32)
    emb[:, tok] = np.eye(vocab, dtype=np.float32) - 1.0 / vocab
    enc.embeddings[0].weight = emb
    dec.embeddings.weight = np.zeros((vocab, d), np.float32)

    att = dec.layer[0].attention
    q = np.zeros((d, d), np.float32)
    q[pos, pos] = 60.0 * np.eye(p)
    kv = np.zeros((2 * d, d), np.float32)
    kv[pos, pos] = np.eye(p)  # keys: position block
    kv[d : d + vocab, tok] = np.eye(vocab)  # values: token block
    out = np.zeros((d, d), np.float32)
    out[tok, tok] = 50.0 * np.eye(vocab)
    att.linear[0].weight = q
    att.linear[1].weight = kv
    att.linear[2].weight = out
    proj = np.zeros((vocab, d), np.float32)
    proj[:, tok] = np.eye(vocab)
    dec.projection.weight = proj
    spec.config.add_source_eos = True
    return spec


def build_copy_package(
    path: str | Path,
    *,
    vocab_size: int = 400,
    name: str = "translate-de_en-copy",
    metadata: dict[str, object] | None = None,
) -> Path:
    """A real .argosmodel whose model returns its input (byte-fallback SentencePiece)."""
    sp_model = train_sentencepiece(vocab_size, byte_fallback=True)
    pieces = _pieces(sp_model)
    spec = build_copy_spec(len(pieces))
    spec.register_source_vocabulary(pieces)  # type: ignore[attr-defined]
    spec.register_target_vocabulary(pieces)  # type: ignore[attr-defined]
    meta = dict(METADATA, **(metadata or {}))
    meta.setdefault("package_version", "1.0")
    return _write_package(spec, sp_model, Path(path), name, meta)
