"""Speed on the real learned model: batching, beam vs greedy, and enforcement overhead.

The Multi30k caption model (tests/data/models/de_en-multi30k.argosmodel, int8) stops at
its own end of sentence, unlike the random-weight model of bench_translate.py. On N
held-out captions (``test_2016_flickr`` of ../shared/data/multi30k) it times:

- the engine's batched call (length-grouped) vs a per-sentence loop, beam 4 and greedy;
- enforcement: the caption glossary (tests/data/captions/glossary_captions.toml) with
  constrained decoding (default) and with post-editing only, vs the plain batched call,
  over all captions and over the captions that contain no term.

Each figure is the best of ``--repeat`` runs (the machine is shared). Run::

    python bench/bench_real_model.py [--n 300] [--repeat 2] [--threads 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from enforce_captions import GLOSSARY, MODEL, default_data, open_model, read_lines  # noqa: E402
from timing import best_of  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--model", type=Path, default=MODEL)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from glossar.glossary.load import load_glossary
    from glossar.mt.enforce import enforce
    from glossar.mt.engine import CTranslate2Engine
    from glossar.terms.recognise import find_terms

    de = read_lines(args.data / "test_2016_flickr.de.gz")[: args.n]
    glossary = load_glossary([GLOSSARY], curated=False)
    plain_idx = [i for i, s in enumerate(de) if not find_terms(s, glossary)]
    plain_de = [de[i] for i in plain_idx]
    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        model = open_model(args.model, Path(tmp))
        t0 = time.perf_counter()
        engine = CTranslate2Engine(model, threads=args.threads)
        engine.load()
        load = time.perf_counter() - t0
        engine.translate_batch(de[:8])  # warm up
        r = args.repeat
        for beam in (4, 1):
            name = "beam 4" if beam == 4 else "greedy"
            batched = best_of(lambda b=beam: engine.translate_batch(de, b), r)
            loop = best_of(lambda b=beam: [engine.translate_batch([s], b) for s in de], r)
            rows += [
                (f"batched, {name}", batched, len(de)),
                (f"per sentence, {name}", loop, len(de)),
            ]
        base = best_of(lambda: engine.translate_batch(de, 4), r)
        cons = best_of(lambda: enforce(engine, de, glossary=glossary, beam=4), r)
        post = best_of(lambda: enforce(engine, de, glossary=glossary, beam=4, constrained=False), r)
        base_p = best_of(lambda: engine.translate_batch(plain_de, 4), r)
        cons_p = best_of(lambda: enforce(engine, plain_de, glossary=glossary, beam=4), r)
    print(
        f"{len(de)} captions of test_2016_flickr, int8, {args.threads} threads, "
        f"best of {args.repeat}; model load {load:.2f} s\n"
    )
    print("| mode | time (s) | sentences/s |")
    print("|---|---|---|")
    for name, t, n in rows:
        print(f"| {name} | {t:.2f} | {n / t:.1f} |")
    with_terms = len(de) - len(plain_idx)
    print(f"\nEnforcement, beam 4 ({with_terms} of {len(de)} captions contain a glossary term):\n")
    print("| run | time (s) | overhead vs plain batched |")
    print("|---|---|---|")
    print(f"| plain, all captions | {base:.2f} | — |")
    print(f"| constrained (default), all | {cons:.2f} | {100 * (cons / base - 1):+.0f}% |")
    print(f"| post-edit only, all | {post:.2f} | {100 * (post / base - 1):+.0f}% |")
    print(f"| plain, {len(plain_de)} captions without a term | {base_p:.2f} | — |")
    print(
        f"| constrained (default), same captions | {cons_p:.2f} | "
        f"{100 * (cons_p / base_p - 1):+.0f}% |"
    )


if __name__ == "__main__":
    main()
