"""The translation engine: CTranslate2 on an argostranslate package, batched by length.

Why not ``argostranslate.translate``: it splits sentences itself (MiniSBD, which
downloads an ONNX model at run time), decodes every ``_`` as a space and gives one
``max_decoding_length`` to a whole request. Here sentences come from
:mod:`glossar.text.segment`, are tokenised with the package's SentencePiece model
directly, sorted by length and decoded in groups, each with its own length limit.

The :class:`Engine` protocol is what enforcement (:mod:`glossar.mt.enforce`) needs;
tests plug in a deterministic double. ``translate_aligned`` is optional: an engine
that has it also reports, per output, the cross-attention and where each source and
target token lies in the text, which enforcement uses to find a term's rendering.
"""

from __future__ import annotations

import math
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from glossar.errors import BadInputError
from glossar.i18n import _
from glossar.mt.packages import ModelInfo

#: Sentences per decoding call; lengths inside a group are close because input is sorted.
GROUP_SIZE = 16
#: A group's limit is ``LENGTH_FACTOR × longest source + LENGTH_MARGIN`` target tokens.
LENGTH_FACTOR = 1.5
LENGTH_MARGIN = 10

#: CTranslate2 cuts inputs at this many tokens by default (silently); we cut first, and say so.
DEFAULT_MAX_INPUT = 1024
#: Positions kept free for the end-of-sentence (and a possible start) token.
RESERVED_POSITIONS = 2

ProgressFn = Callable[[int, int], None]


#: How every cut note ends (:func:`was_cut` looks for it).
_CUT_END = "tokens; the rest is not translated]"


def cut_note(limit: int) -> str:
    """What follows a translation whose sentence was cut to the model's ``limit``
    (English, like the translation it ends: data is never localised)."""
    return f" [… sentence cut: longer than the model's limit of {limit} {_CUT_END}"


def was_cut(target: str) -> bool:
    """Whether ``target`` ends with a :func:`cut_note`: part of its sentence is not
    translated."""
    return target.endswith(_CUT_END) and "[… sentence cut: " in target


@dataclass(slots=True)
class Aligned:
    """One translation with what is needed to map source tokens to target text.

    ``attention[t][s]``: weight of source token ``s`` for target token ``t``;
    ``source_spans``/``target_spans``: character span of each token in the source
    sentence / the target text.
    """

    text: str
    attention: list[list[float]]
    source_spans: list[tuple[int, int]]
    target_spans: list[tuple[int, int]]


@runtime_checkable
class Engine(Protocol):
    """What enforcement needs from a translator."""

    name: str

    def translate_batch(self, sentences: Sequence[str], beam: int = 4) -> list[str]: ...


class AlignedEngine(Engine, Protocol):
    """An engine that can also return attention-based alignments."""

    def translate_aligned(self, sentences: Sequence[str], beam: int = 4) -> list[Aligned]: ...


def length_groups(lengths: Sequence[int], size: int = GROUP_SIZE) -> list[list[int]]:
    """Indices grouped for decoding: sorted by length (longest first), ``size`` per group."""
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    return [order[i : i + size] for i in range(0, len(order), size)]


def max_decoding_length(longest_source: int) -> int:
    """The target length limit for a group whose longest source has that many tokens."""
    return int(math.ceil(LENGTH_FACTOR * longest_source)) + LENGTH_MARGIN


def _byte_to_char(text: str) -> list[int]:
    """Map each UTF-8 byte offset of ``text`` (and the end) to its character offset."""
    table: list[int] = []
    for i, ch in enumerate(text):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(text))
    return table


def _walk_pieces(sentence: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Approximate source spans by finding each piece's text in order."""
    spans = []
    cursor = 0
    for piece in pieces:
        text = piece.replace("\u2581", " ").strip()
        found = sentence.find(text, cursor) if text else -1
        if found < 0:
            spans.append((cursor, cursor))
            continue
        spans.append((found, found + len(text)))
        cursor = found + len(text)
    return spans


def automatic_threads(workers: int = 1) -> int:
    """Decoding threads per translator where ``--threads`` is 0: half the cores this
    process may use (virtual CPUs come two to a core), shared by ``workers``; at least
    one. CTranslate2's own default was the slowest here (2 vCPUs, the multi30k model,
    38 KB of unseen news: 1 thread 4.9 s, 2 threads 11.1 s, its default 13.3 s; a
    tester's `corpus translate --workers 1` took 40 s against 15 s with 1 thread)."""
    from glossar.arguments import usable_cores

    return max(1, usable_cores() // 2 // max(1, workers))


class CTranslate2Engine:
    """A CTranslate2 translator on an installed argos package, loaded on first use."""

    name = "argos"

    def __init__(
        self,
        model: ModelInfo,
        *,
        threads: int = 0,
        compute_type: str = "auto",
        device: str = "cpu",
        group_size: int = GROUP_SIZE,
    ) -> None:
        self.model = model
        self.path = Path(model.path)
        self.threads = threads
        self.compute_type = compute_type
        self.device = device
        self.group_size = group_size
        self._translator: Any = None
        self._sp: Any = None
        self._bpe: Any = None
        self._lock = threading.Lock()
        #: Most source (and target) tokens per sentence the model takes; set on load.
        self.max_tokens = DEFAULT_MAX_INPUT - RESERVED_POSITIONS
        #: called as ``on_progress(done, total)`` after each decoded group (sentences).
        self.on_progress: ProgressFn | None = None

    # -- loading ------------------------------------------------------------------
    def load(self) -> None:
        """Load the CTranslate2 model and tokenizer (once)."""
        with self._lock:
            if self._translator is not None:
                return
            import ctranslate2

            sp_path = self.path / "sentencepiece.model"
            bpe_path = self.path / "bpe.model"
            if sp_path.is_file():
                import sentencepiece

                self._sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
            elif bpe_path.is_file():
                from glossar.mt.packages import _import_argos_package

                _import_argos_package()  # (argostranslate's folders, where they can be)
                from argostranslate.tokenizer import BPETokenizer

                self._bpe = BPETokenizer(bpe_path, self.model.from_code, self.model.to_code)
            else:
                raise BadInputError(_("{path}: package has no tokenizer").format(path=self.path))
            try:
                from glossar.mt.package_check import read_model_bin

                table = read_model_bin(self.path / "model" / "model.bin")
            except (OSError, ValueError, UnicodeDecodeError) as exc:
                why = str(exc)  # read_model_bin's own reasons have a translation
                raise BadInputError(
                    _("{path}: cannot load model ({why})").format(
                        path=self.path, why=_(why) if why else why
                    )
                ) from None
            if table is not None:
                self.max_tokens = max(1, min(table, DEFAULT_MAX_INPUT) - RESERVED_POSITIONS)
            try:
                self._translator = ctranslate2.Translator(
                    str(self.path / "model"),
                    device=self.device,
                    compute_type=self.compute_type,
                    inter_threads=1,
                    intra_threads=self.threads or automatic_threads(),
                )
            except (RuntimeError, ValueError) as exc:
                raise BadInputError(
                    _("{path}: cannot load model ({why})").format(path=self.path, why=exc)
                ) from None

    # -- tokens -------------------------------------------------------------------
    def token_count(self, sentence: str) -> int:
        """How many of the model's tokens ``sentence`` is (its limit: :attr:`max_tokens`)."""
        self.load()
        return len(self._encode(sentence))

    def _encode(self, sentence: str) -> list[str]:
        sentence = _encodable(sentence)
        if self._sp is not None:
            return list(self._sp.encode(sentence, out_type=str))
        return list(self._bpe.encode(sentence))

    def _decode(self, tokens: list[str]) -> str:
        if self._sp is not None:
            return str(self._sp.decode_pieces(tokens)).strip()
        return str(self._bpe.decode(tokens)).strip()

    def _source_spans(self, sentence: str) -> list[tuple[int, int]] | None:
        if self._sp is None:
            return None
        sentence = _encodable(sentence)
        try:
            proto = self._sp.encode(sentence, return_type="proto")
        except (ImportError, ValueError, TypeError):  # no protobuf: walk the pieces
            return _walk_pieces(sentence, self._encode(sentence))
        table = _byte_to_char(sentence)
        return [(table[p.begin], table[p.end]) for p in proto.pieces]

    def _target_spans(self, tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
        text = self._decode(tokens)
        spans = []
        prev = 0
        for i in range(len(tokens)):
            cur = min(len(self._decode(tokens[: i + 1])), len(text))
            # a partial UTF-8 byte sequence decodes to U+FFFD: never move backwards
            cur = max(cur, prev)
            spans.append((prev, cur))
            prev = cur
        return text, spans

    # -- decoding -----------------------------------------------------------------
    def _run(
        self,
        sentences: Sequence[str],
        beam: int,
        attention: bool,
        prefixes: Sequence[list[str]] | None = None,
        suppress: Sequence[list[str]] | None = None,
    ) -> tuple[list[tuple[list[str], list[list[float]] | None]], set[int]]:
        """Decoded tokens (and attention) per sentence, and the indices of sentences that
        were cut to the model's limit. ``prefixes``: target tokens forced at the start;
        ``suppress``: token sequences the decoder may not produce."""
        self.load()
        limit = self.max_tokens
        tokens = [self._encode(s) for s in sentences]
        cut = {i for i, t in enumerate(tokens) if len(t) > limit}
        tokens = [t[:limit] for t in tokens]
        prefix_token = self.model.target_prefix
        lead = [prefix_token] if prefix_token else []
        forced = [lead + list(prefixes[i]) if prefixes else lead for i in range(len(tokens))]
        out: list[tuple[list[str], list[list[float]] | None]] = [([], None)] * len(tokens)
        done = 0
        for group in length_groups([len(t) for t in tokens], self.group_size):
            batch = [tokens[i] for i in group]
            longest = max((len(t) for t in batch), default=1)
            forced_len = max(len(forced[i]) for i in group)
            results = self._translator.translate_batch(
                batch,
                target_prefix=[forced[i] for i in group] if any(forced) else None,
                beam_size=max(1, beam),
                max_batch_size=len(batch),
                max_decoding_length=min(max_decoding_length(longest) + forced_len, limit),
                max_input_length=limit,
                length_penalty=0.2,
                replace_unknowns=True,
                return_attention=attention,
                suppress_sequences=list(suppress) if suppress else None,
            )
            for i, result in zip(group, results, strict=True):
                hyp = list(result.hypotheses[0])
                att = list(result.attention[0]) if attention else None
                if prefix_token and hyp and hyp[0] == prefix_token:
                    hyp = hyp[1:]
                    att = att[1:] if att is not None else None
                out[i] = (hyp, att)
            done += len(group)
            if self.on_progress is not None:
                self.on_progress(done, len(tokens))
        return out, cut

    def translate_batch(self, sentences: Sequence[str], beam: int = 4) -> list[str]:
        """Translate sentences (one output per input), batched by length."""
        if not sentences:
            return []
        results, cut = self._run(sentences, beam, False)
        note = cut_note(self.max_tokens)
        texts = [self._decode(hyp) for hyp, _ in results]
        return [text + note if i in cut else text for i, text in enumerate(texts)]

    def translate_aligned(self, sentences: Sequence[str], beam: int = 4) -> list[Aligned]:
        """Translate and return cross-attention with token spans (SentencePiece packages)."""
        if not sentences:
            return []
        return self._aligned(sentences, *self._run(sentences, beam, True))

    def _aligned(
        self,
        sentences: Sequence[str],
        results: list[tuple[list[str], list[list[float]] | None]],
        cut: set[int],
    ) -> list[Aligned]:
        out: list[Aligned] = []
        for sentence, (hyp, att) in zip(sentences, results, strict=True):
            spans = (self._source_spans(sentence) or [])[: self.max_tokens]
            text, target_spans = self._target_spans(hyp)
            if len(out) in cut:
                text += cut_note(self.max_tokens)
            out.append(Aligned(text, [list(row) for row in att or []], spans, target_spans))
        return out

    def score(self, sentences: Sequence[str], targets: Sequence[str]) -> list[float]:
        """Mean log-probability per token of each English ``targets[i]`` given
        ``sentences[i]`` (``</s>`` included): the model's own judgement of an output."""
        if not sentences:
            return []
        self.load()
        lead = [self.model.target_prefix] if self.model.target_prefix else []
        n = self.max_tokens
        results = self._translator.score_batch(
            [self._encode(s)[:n] for s in sentences],
            [(lead + self._encode(t))[:n] for t in targets],
            max_batch_size=self.group_size,
        )
        k = len(lead)
        return [sum(r.log_probs[k:]) / max(len(r.log_probs) - k, 1) for r in results]

    def translate_prefixed(
        self,
        sentences: Sequence[str],
        prefixes: Sequence[str],
        suppress: Sequence[Sequence[str]] = (),
        beam: int = 4,
    ) -> list[Aligned]:
        """Translate each sentence so that its English starts with ``prefixes[i]``.

        The model continues fluently after the forced text (CTranslate2
        ``target_prefix``). ``suppress[i]`` lists English words kept out of what the
        model adds (``suppress_sequences``; one decoding call per distinct list).
        """
        if not sentences:
            return []
        self.load()
        if self._sp is None:
            raise BadInputError(
                _("{path}: forced prefixes need a SentencePiece package").format(path=self.path)
            )
        sup = [tuple(suppress[i]) if suppress else () for i in range(len(sentences))]
        out: list[Aligned | None] = [None] * len(sentences)
        for key in sorted(set(sup)):
            idx = [i for i in range(len(sentences)) if sup[i] == key]
            seqs = [self._encode(w) for w in key]
            part = [sentences[i] for i in idx]
            results, cut = self._run(
                part,
                beam,
                True,
                prefixes=[self._encode(prefixes[i]) if prefixes[i] else [] for i in idx],
                suppress=[q for q in seqs if q],
            )
            for i, a in zip(idx, self._aligned(part, results, cut), strict=True):
                out[i] = a
        return [a for a in out if a is not None]


_ENGINES: dict[tuple[str, int, str], CTranslate2Engine] = {}
_ENGINES_LOCK = threading.Lock()
_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(sentence: str) -> str:
    """``sentence`` with lone surrogates (a str no UTF-8 codec accepts, e.g. from
    ``surrogateescape``) as U+FFFD: the tokenizer's C++ binding refused the whole text
    with a RuntimeError. One code point for one keeps every offset."""
    return _SURROGATE.sub("\ufffd", sentence) if _SURROGATE.search(sentence) else sentence


def get_engine(
    model: ModelInfo, *, threads: int = 0, compute_type: str = "auto"
) -> CTranslate2Engine:
    """The engine for ``model``, created once per process and reused (lazy load).
    ``threads``: 0 (automatic) to this machine's cores, else ValueError."""
    from glossar.arguments import threads_argument

    threads = threads_argument(threads)
    key = (os.path.realpath(model.path), threads, compute_type)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = CTranslate2Engine(model, threads=threads, compute_type=compute_type)
            _ENGINES[key] = engine
        return engine


def clear_engines() -> None:
    """Forget cached engines (after a model is removed or reinstalled)."""
    with _ENGINES_LOCK:
        _ENGINES.clear()
