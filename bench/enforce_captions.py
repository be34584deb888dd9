"""Glossary enforcement on learned attention: post-editing vs constrained decoding.

The real Multi30k test model (tests/data/models/de_en-multi30k.argosmodel) translates
held-out captions (``test_2016_flickr`` of ../shared/data/multi30k, never in the repo)
with the caption glossary tests/data/captions/glossary_captions.toml, whose English the
model would not choose (Hund → hound, Auto → automobile, Frau → lady, …). Systems:

- ``none``: the plain translation;
- ``post-edit``: the cascade model / replaced / aligned / placeholder / inserted;
- ``post-edit, no attention``: the same without attention (placeholder / inserted);
- ``constrained, never post-edit``: re-decode with ``target_prefix`` = output up to the
  term's slot + the term, ``suppress_sequences`` = the replaced and deprecated English;
- ``constrained, up to 4 rounds``: a second, third, … term of a caption re-decoded too;
- ``constrained, beam-4 re-decode``: the re-decoding at the first pass's beam;
- ``constrained (default)``: one greedy re-decoding round; both the re-decoded and the
  post-edited output are made, and the model's score (mean log-prob per token,
  ``score_batch``) picks one.

Per system, over the captions that contain a glossary term: term found rate, chrF
against the references with the term substituted (their deprecated English replaced
by the term, article and plural mended), chrF against the plain references, captions
with broken agreement (``a``/``an`` before the wrong sound, a plural after a/an/one or
a singular after a number word, a malformed plural such as "ladys"), captions where
the deprecated English is still there, changed captions without a term, and time for
all captions. Run::

    python bench/enforce_captions.py [--n 1000] [--data DIR] [--model FILE]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "tests" / "data" / "models" / "de_en-multi30k.argosmodel"
GLOSSARY = ROOT / "tests" / "data" / "captions" / "glossary_captions.toml"


def default_data() -> Path:
    """``$GLOSSAR_MULTI30K``, else ../shared/data/multi30k beside the repository."""
    env = os.environ.get("GLOSSAR_MULTI30K")
    return Path(env) if env else ROOT.parent / "shared" / "data" / "multi30k"


def read_lines(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh]


def open_model(archive: Path, into: Path):  # type: ignore[no-untyped-def]
    """Unpack an .argosmodel and describe it as an installed package (no install)."""
    from glossar.mt.packages import ModelInfo

    with zipfile.ZipFile(archive) as zf:
        zf.extractall(into)
        top = zf.namelist()[0].split("/")[0]
    return ModelInfo(name=top, version="", path=str(into / top))


NUMBERS = r"(?:two|three|four|five|six|seven|eight|nine|ten|several|many)"


def broken_agreement(text: str, entries) -> bool:  # type: ignore[no-untyped-def]
    """An article before the wrong sound, or a term whose number contradicts its word."""
    from glossar.mt.mend import indefinite_article, pluralise

    for m in re.finditer(r"\b(an?)\s+([A-Za-z][\w-]*)", text, re.IGNORECASE):
        if indefinite_article(m.group(2)) != m.group(1).lower():
            return True
    low = text.lower()
    for e in entries:
        sing, plur = e.en.lower(), pluralise(e.en).lower()
        if plur != sing and re.search(rf"\b(?:a|an|one)\s+(?:\w+\s+)?{re.escape(plur)}\b", low):
            return True
        if plur != sing and re.search(rf"\b{NUMBERS}\s+(?:\w+\s+)?{re.escape(sing)}\b", low):
            return True
        wrong = sing + "s"
        if wrong != plur and re.search(rf"\b{re.escape(wrong)}\b", low):
            return True
    return False


def substituted_reference(ref: str, matches) -> str:  # type: ignore[no-untyped-def]
    """The reference with each matched entry's deprecated English replaced by the term."""
    from glossar.mt.mend import _put, pluralise
    from glossar.text.english import english_term_pattern

    for m in matches:
        for old in m.entry.en_deprecated:
            while True:
                hit = english_term_pattern(old).search(ref)
                if hit is None:
                    break
                plural = hit.group(0).lower() != old.lower()
                term = pluralise(m.english) if plural else m.english
                ref = _put(ref, hit.start(), hit.end(), term, plural)[0]
    return ref


def redecode_beam(beam: int, run):  # type: ignore[no-untyped-def]
    """Run with constrained re-decoding at ``beam`` (the default is greedy)."""
    from glossar.mt import constrain

    saved, constrain.REDECODE_BEAM = constrain.REDECODE_BEAM, beam
    try:
        return run()
    finally:
        constrain.REDECODE_BEAM = saved


def rounds(n: int, run):  # type: ignore[no-untyped-def]
    """Run with up to ``n`` constrained re-decoding rounds per sentence."""
    from glossar.mt import constrain

    saved, constrain.MAX_ROUNDS = constrain.MAX_ROUNDS, n
    try:
        return run()
    finally:
        constrain.MAX_ROUNDS = saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=default_data())
    ap.add_argument("--split", default="test_2016_flickr")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--model", type=Path, default=MODEL)
    ap.add_argument("--glossary", type=Path, default=GLOSSARY)
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--examples", type=int, default=6)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import sacrebleu

    from glossar.glossary.load import load_glossary
    from glossar.mt.enforce import enforce
    from glossar.mt.engine import CTranslate2Engine
    from glossar.terms.recognise import find_terms

    de = read_lines(args.data / f"{args.split}.de.gz")[: args.n]
    en = read_lines(args.data / f"{args.split}.en.gz")[: args.n]
    glossary = load_glossary([args.glossary], curated=False)
    matches = [find_terms(s, glossary) for s in de]
    with_terms = [i for i, ms in enumerate(matches) if ms]
    without = [i for i, ms in enumerate(matches) if not ms]
    subst = {i: substituted_reference(en[i], matches[i]) for i in with_terms}
    entries = list({m.entry.id: m.entry for ms in matches for m in ms}.values())

    with tempfile.TemporaryDirectory() as tmp:
        model = open_model(args.model, Path(tmp))
        engine = CTranslate2Engine(model, threads=args.threads)
        engine.load()

        class NoAttention:
            name = "no-attention"

            def translate_batch(self, sentences, beam=4):  # type: ignore[no-untyped-def]
                return engine.translate_batch(sentences, beam)

        class NoScore:
            """The engine without ``score``: the re-decoded output is always kept."""

            name = "no-score"
            translate_batch = engine.translate_batch
            translate_aligned = engine.translate_aligned
            translate_prefixed = engine.translate_prefixed

        systems = {
            "none": lambda: [(t, []) for t in engine.translate_batch(de, args.beam)],
            "post-edit": lambda: enforce(
                engine, de, glossary=glossary, beam=args.beam, constrained=False
            ),
            "post-edit, no attention": lambda: enforce(
                NoAttention(), de, glossary=glossary, beam=args.beam
            ),
            "constrained, never post-edit": lambda: enforce(
                NoScore(), de, glossary=glossary, beam=args.beam
            ),
            "constrained, up to 4 rounds": lambda: rounds(
                4, lambda: enforce(engine, de, glossary=glossary, beam=args.beam)
            ),
            "constrained, beam-4 re-decode": lambda: redecode_beam(
                args.beam, lambda: enforce(engine, de, glossary=glossary, beam=args.beam)
            ),
            "constrained (default)": lambda: enforce(engine, de, glossary=glossary, beam=args.beam),
        }
        results, times = {}, {}
        for name, run in systems.items():
            t0 = time.perf_counter()
            results[name] = run()
            times[name] = time.perf_counter() - t0

    n_checks = sum(len({(m.id, m.english) for m in matches[i]}) for i in with_terms)
    print(
        f"{args.split}: {len(de)} captions, {len(with_terms)} with a glossary term "
        f"({n_checks} term checks), beam {args.beam}, {args.threads} threads\n"
    )
    print(
        "| system | term found | chrF (term-substituted refs) | chrF (original refs) "
        "| broken agreement | deprecated left | changed w/o term | time (s) | methods |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    plain = results["none"]
    for name, out in results.items():
        hyps = [out[i][0] for i in with_terms]
        if name == "none":
            from glossar.text.english import english_present

            found = sum(
                english_present(out[i][0], m.accepted_english)
                for i in with_terms
                for m in {(m.id, m.english): m for m in matches[i]}.values()
            )
            methods: Counter[str] = Counter()
        else:
            checks = [c for i in with_terms for c in out[i][1]]
            found = sum(c.found for c in checks)
            methods = Counter(c.method for c in checks)
        chrf_sub = sacrebleu.corpus_chrf(hyps, [[subst[i] for i in with_terms]]).score
        chrf_ref = sacrebleu.corpus_chrf(hyps, [[en[i] for i in with_terms]]).score
        broken = sum(broken_agreement(out[i][0], entries) for i in with_terms)
        left = sum(
            any(
                re.search(rf"\b{re.escape(d)}", out[i][0], re.IGNORECASE)
                for m in matches[i]
                for d in m.entry.en_deprecated
            )
            for i in with_terms
        )
        changed = sum(out[i][0] != plain[i][0] for i in without)
        how = ", ".join(f"{k} {v}" for k, v in methods.most_common())
        print(
            f"| {name} | {100 * found / max(n_checks, 1):.1f}% | {chrf_sub:.1f} | {chrf_ref:.1f} "
            f"| {broken} | {left} | {changed} | {times[name]:.1f} | {how} |"
        )
    print("\nExamples (captions with terms where post-edit and constrained differ):")
    shown = 0
    for i in with_terms:
        a, b = results["post-edit"][i][0], results["constrained (default)"][i][0]
        if a != b and shown < args.examples:
            shown += 1
            print(f"- DE  {de[i]}\n  MT  {plain[i][0]}\n  PE  {a}\n  CD  {b}\n  REF {subst[i]}")


if __name__ == "__main__":
    main()
