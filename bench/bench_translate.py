"""Speed of the MT engine on the seed article with an OPUS-MT-sized random model.

Builds a random-weight CTranslate2 transformer of OPUS-MT size (d_model 512, 6+6
layers, 8 heads, FFN 2048, int8), with a SentencePiece model trained on the article
(about 1.6k pieces) and the vocabulary padded with unused pieces to 32,000 so the
embedding and output layers have a real OPUS size. Random weights never emit ``</s>``,
so every sentence decodes to its limit (1.5 × source tokens + 10): a worst case.

Prints one table: sentences/s and source tokens/s of the batched engine (length-grouped)
vs a per-sentence loop over the same translator, greedy mode, model load time, peak
RSS and what glossary enforcement adds. Run: ``python bench/bench_translate.py``
(about 3 minutes on 2 cores; ``--quick`` uses a 4+4-layer model).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def build_model(folder: Path, layers: int, vocab_total: int) -> Path:
    """An installed-package-shaped folder with an int8 random OPUS-size model."""
    import json

    from argos_models import METADATA, _pieces, fill_random, train_sentencepiece
    from ctranslate2.specs import transformer_spec

    sp_model = train_sentencepiece(8000)
    pieces = _pieces(sp_model)
    vocab = pieces + [f"<pad{i}>" for i in range(vocab_total - len(pieces))]
    spec = transformer_spec.TransformerSpec.from_config(layers, 8)
    fill_random(spec, 512, 2048, len(vocab))
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="int8")
    pkg = folder / "translate-de_en-bench"
    (pkg / "model").mkdir(parents=True)
    spec.save(str(pkg / "model"))
    (pkg / "sentencepiece.model").write_bytes(sp_model)
    (pkg / "metadata.json").write_text(json.dumps(METADATA), encoding="utf-8")
    return pkg


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="4+4 layers instead of 6+6")
    parser.add_argument("--threads", type=int, default=0, help="intra_threads (0 = auto)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement (best kept)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="glossar-bench-"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp / "packages")

    from glossar.glossary.load import load_glossary
    from glossar.mt import translate_text
    from glossar.mt.engine import CTranslate2Engine, max_decoding_length
    from glossar.mt.packages import installed_packages
    from glossar.terms.recognise import find_terms
    from glossar.text.segment import split_sentences

    article = (ROOT / "tests" / "data" / "article_de.txt").read_text(encoding="utf-8")
    sentences = [s.text for s in split_sentences(article)]
    layers = 4 if args.quick else 6

    t0 = time.perf_counter()
    # built in a child process so the peak RSS below is the product's, not the builder's
    import multiprocessing

    child = multiprocessing.get_context("fork").Process(
        target=build_model, args=(tmp / "packages", layers, 32000)
    )
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit("building the model failed")
    build_s = time.perf_counter() - t0
    [model] = installed_packages()
    rss_before = peak_rss_mb()

    engine = CTranslate2Engine(model, threads=args.threads)
    t0 = time.perf_counter()
    engine.load()
    load_s = time.perf_counter() - t0
    rss_loaded = peak_rss_mb()
    tokens = [engine._encode(s) for s in sentences]
    n_tok = sum(len(t) for t in tokens)

    glossary = load_glossary()
    best: dict[str, float] = {}

    def timed(label: str, fn) -> float:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        fn()
        dt = time.perf_counter() - t
        best[label] = min(dt, best.get(label, dt))
        print(f"  {label}: {dt:.1f} s", file=sys.stderr, flush=True)
        return dt

    def loop(beam: int) -> None:
        for tok in tokens:
            engine._translator.translate_batch(
                [tok], beam_size=beam, max_decoding_length=max_decoding_length(len(tok)),
                length_penalty=0.2, replace_unknowns=True,
            )  # fmt: skip

    result = []
    engine.translate_batch(sentences, 4)  # warm-up: the first large batches are slower
    for rep in range(args.repeat):  # interleaved, best of N: the machine is shared
        timed("batched engine, beam 4", lambda: engine.translate_batch(sentences, 4))
        if rep == 0:  # long runs: noise averages out within one
            timed("per-sentence loop, beam 4", lambda: loop(4))
        timed("batched engine, greedy", lambda: engine.translate_batch(sentences, 1))
        if rep == 0:
            timed("per-sentence loop, greedy", lambda: loop(1))
        timed(
            "translate_text, no glossary, beam 4",
            lambda: translate_text(article, glossary=None, beam=4, engine=engine, model=model),
        )
        timed(
            "translate_text, glossary enforced, beam 4",
            lambda: result.append(
                translate_text(article, glossary=glossary, beam=4, engine=engine, model=model)
            ),
        )
    for _ in range(args.repeat):  # the overhead is small: more runs of just these two
        timed(
            "translate_text, no glossary, beam 4",
            lambda: translate_text(article, glossary=None, beam=4, engine=engine, model=model),
        )
        timed(
            "translate_text, glossary enforced, beam 4",
            lambda: translate_text(article, glossary=glossary, beam=4, engine=engine, model=model),
        )
    rows = list(best.items())
    t_plain = best["translate_text, no glossary, beam 4"]
    t_enf = best["translate_text, glossary enforced, beam 4"]
    t = time.perf_counter()
    for s in sentences:
        find_terms(s, glossary)
    recog_s = time.perf_counter() - t
    checks = [c for seg in result[0].segments for c in seg.terms]
    methods: dict[str, int] = {}
    for c in checks:
        methods[c.method] = methods.get(c.method, 0) + 1

    print()
    print(
        f"Model: random int8, d_model 512, {layers}+{layers} layers, 8 heads, FFN 2048, "
        f"vocab 32,000 (SentencePiece on the article + padding); threads={args.threads}"
    )
    print(
        f"Input: the seed article, {len(sentences)} sentences, {n_tok} source tokens "
        f"({n_tok / len(sentences):.0f}/sentence); max_decoding_length = 1.5 × src + 10"
    )
    print()
    print(f"| {'run':<44} | {'seconds':>7} | {'sent/s':>7} | {'src tok/s':>9} |")
    print(f"|{'-' * 46}|{'-' * 9}|{'-' * 9}|{'-' * 11}|")
    for label, dt in rows:
        print(f"| {label:<44} | {dt:7.2f} | {len(sentences) / dt:7.2f} | {n_tok / dt:9.1f} |")
    print()
    speed = dict(rows)
    beam_x = speed["per-sentence loop, beam 4"] / speed["batched engine, beam 4"]
    greedy_x = speed["per-sentence loop, greedy"] / speed["batched engine, greedy"]
    print(f"batched vs loop, beam 4: {beam_x:.2f}x; greedy: {greedy_x:.2f}x")
    print(
        f"enforcement overhead (beam 4): {100 * (t_enf - t_plain) / t_plain:+.1f}% "
        f"({len(checks)} term checks: {methods}; recognition alone {recog_s * 1000:.0f} ms)"
    )
    print(f"model build {build_s:.1f} s (not product time); model load {load_s:.2f} s")
    print(
        f"peak RSS: before load {rss_before:.0f} MB, after load {rss_loaded:.0f} MB, "
        f"end {peak_rss_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
