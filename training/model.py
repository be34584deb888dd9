"""A small pre-norm Transformer laid out the way CTranslate2's TransformerSpec stores it.

Training-only (needs torch). The layer names mirror the spec so that export.py maps
weights one to one: self-attention has one fused Q,K,V projection, cross-attention has
Q and a fused K,V projection, every linear layer has a bias, positions are a fixed
sinusoid table starting at position 0, embeddings are scaled by sqrt(d_model) and shared
between encoder, decoder and the output projection.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class ModelConfig:
    vocab_size: int = 8000
    d_model: int = 256
    num_heads: int = 4
    ffn: int = 1024
    enc_layers: int = 3
    dec_layers: int = 3
    dropout: float = 0.1
    max_positions: int = 512
    eps: float = 1e-6
    pad_id: int = 3
    bos_id: int = 1
    eos_id: int = 2

    def to_dict(self) -> dict:
        return asdict(self)


def sinusoid_table(n: int, d: int) -> torch.Tensor:
    """Position p, dim 2i = sin(p / 10000^(2i/d)), dim 2i+1 = cos(...); from p = 0."""
    pos = torch.arange(n, dtype=torch.float32)[:, None]
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float32) * (-math.log(10000.0) / d))
    table = torch.zeros(n, d)
    table[:, 0::2] = torch.sin(pos * div)
    table[:, 1::2] = torch.cos(pos * div)
    return table


class SelfAttention(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.h = cfg.num_heads
        self.layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.eps)
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.out = nn.Linear(cfg.d_model, cfg.d_model)
        self.dropout = cfg.dropout

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None, causal: bool) -> torch.Tensor:
        b, t, d = x.shape
        y = self.layer_norm(x)
        q, k, v = self.qkv(y).view(b, t, 3, self.h, d // self.h).permute(2, 0, 3, 1, 4)
        if causal:
            cm = torch.ones(t, t, dtype=torch.bool, device=x.device).tril()
            mask = cm if mask is None else (mask & cm)
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        a = a.transpose(1, 2).reshape(b, t, d)
        return x + F.dropout(self.out(a), self.dropout, self.training)


class CrossAttention(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.h = cfg.num_heads
        self.layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.eps)
        self.q = nn.Linear(cfg.d_model, cfg.d_model)
        self.kv = nn.Linear(cfg.d_model, 2 * cfg.d_model)
        self.out = nn.Linear(cfg.d_model, cfg.d_model)
        self.dropout = cfg.dropout

    def forward(self, x: torch.Tensor, mem: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        s = mem.shape[1]
        hd = d // self.h
        q = self.q(self.layer_norm(x)).view(b, t, self.h, hd).transpose(1, 2)
        k, v = self.kv(mem).view(b, s, 2, self.h, hd).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        a = a.transpose(1, 2).reshape(b, t, d)
        return x + F.dropout(self.out(a), self.dropout, self.training)


class FeedForward(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.layer_norm = nn.LayerNorm(cfg.d_model, eps=cfg.eps)
        self.linear_0 = nn.Linear(cfg.d_model, cfg.ffn)
        self.linear_1 = nn.Linear(cfg.ffn, cfg.d_model)
        self.dropout = cfg.dropout

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = F.relu(self.linear_0(self.layer_norm(x)))
        y = F.dropout(y, self.dropout, self.training)
        return x + F.dropout(self.linear_1(y), self.dropout, self.training)


class EncoderLayer(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.self_attention = SelfAttention(cfg)
        self.ffn = FeedForward(cfg)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.ffn(self.self_attention(x, mask, causal=False))


class DecoderLayer(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.self_attention = SelfAttention(cfg)
        self.attention = CrossAttention(cfg)
        self.ffn = FeedForward(cfg)

    def forward(self, x: torch.Tensor, mem: torch.Tensor, src_mask: torch.Tensor) -> torch.Tensor:
        x = self.self_attention(x, None, causal=True)
        x = self.attention(x, mem, src_mask)
        return self.ffn(x)


class Transformer(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.embeddings = nn.Embedding(cfg.vocab_size, cfg.d_model)
        nn.init.normal_(self.embeddings.weight, std=cfg.d_model**-0.5)
        self.register_buffer("positions", sinusoid_table(cfg.max_positions, cfg.d_model), False)
        self.encoder = nn.ModuleList(EncoderLayer(cfg) for _ in range(cfg.enc_layers))
        self.decoder = nn.ModuleList(DecoderLayer(cfg) for _ in range(cfg.dec_layers))
        self.enc_norm = nn.LayerNorm(cfg.d_model, eps=cfg.eps)
        self.dec_norm = nn.LayerNorm(cfg.d_model, eps=cfg.eps)
        self.scale = math.sqrt(cfg.d_model)

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embeddings(ids) * self.scale + self.positions[: ids.shape[1]]
        return F.dropout(x, self.cfg.dropout, self.training)

    def encode(self, src: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        mask = (src != self.cfg.pad_id)[:, None, None, :]
        x = self.embed(src)
        for layer in self.encoder:
            x = layer(x, mask)
        return self.enc_norm(x), mask

    def decode(self, tgt_in: torch.Tensor, mem: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = self.embed(tgt_in)
        for layer in self.decoder:
            x = layer(x, mem, mask)
        return F.linear(self.dec_norm(x), self.embeddings.weight)

    def forward(self, src: torch.Tensor, tgt_in: torch.Tensor) -> torch.Tensor:
        mem, mask = self.encode(src)
        return self.decode(tgt_in, mem, mask)

    @torch.no_grad()
    def greedy(self, src: torch.Tensor, max_len: int = 80) -> list[list[int]]:
        """Plain greedy decoding (no cache) for validation chrF during training."""
        mem, mask = self.encode(src)
        b = src.shape[0]
        ys = torch.full((b, 1), self.cfg.bos_id, dtype=torch.long)
        done = torch.zeros(b, dtype=torch.bool)
        for _ in range(max_len):
            nxt = self.decode(ys, mem, mask)[:, -1].argmax(-1)
            nxt = torch.where(done, torch.full_like(nxt, self.cfg.pad_id), nxt)
            ys = torch.cat([ys, nxt[:, None]], 1)
            done |= nxt == self.cfg.eos_id
            if bool(done.all()):
                break
        out = []
        for row in ys[:, 1:].tolist():
            if self.cfg.eos_id in row:
                row = row[: row.index(self.cfg.eos_id)]
            out.append([t for t in row if t != self.cfg.pad_id])
        return out
