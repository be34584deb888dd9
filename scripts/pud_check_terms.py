"""How often does `glossar check` flag a term in a correct professional translation?

UD German PUD (tests/data/pud, CC BY-SA 3.0) holds 1,000 German sentences, each with the
English original it was translated from (`# text =` German, `# text_en =` English). Read
the other way round, every pair is a German sentence with a correct, professional English
rendering, so every term problem `check` raises on it is a false alarm, unless reading it
shows the English really lacks the concept. This script runs `check` on each pair, one
pair at a time (so alignment cannot be blamed), keeps its term problems, and prints them
with the sentence pair so each can be read, then the rate per 100 sentences.

    PYTHONPATH=src python scripts/pud_check_terms.py                 # bundled glossaries
    PYTHONPATH=src python scripts/pud_check_terms.py --glossary news  # one of them
    PYTHONPATH=src python scripts/pud_check_terms.py --quiet          # the figures only

The number and untranslated rules are left out of the count: this measures the term rule.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUD = ROOT / "tests" / "data" / "pud" / "de_pud-ud-test.conllu"


def pud_pairs(path: Path = PUD) -> list[tuple[str, str, str]]:
    """(sent_id, German, English original) for every sentence of the CoNLL-U file."""
    pairs = []
    sent_id = de = en = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line.split("= ", 1)[1]
        elif line.startswith("# text = "):
            de = line.split("= ", 1)[1]
        elif line.startswith("# text_en = "):
            en = line.split("= ", 1)[1]
        elif not line.strip() and de:
            pairs.append((sent_id, de, en))
            sent_id = de = en = ""
    if de:
        pairs.append((sent_id, de, en))
    return pairs


def _load(names: list[str]):  # type: ignore[no-untyped-def]
    from glossar.glossary.load import load_glossary

    if not names:
        return load_glossary()
    try:  # a bundled glossary's name, where the loader knows them (issue 10)
        return load_glossary(names)
    except Exception:  # noqa: BLE001 - fall back to files
        return load_glossary([Path(n) for n in names])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--glossary", action="append", default=[], help="name or file")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    parser.add_argument("--limit", type=int, default=0, help="first N pairs only")
    args = parser.parse_args(argv)

    from glossar.qa.check import check_translation

    glossary = _load(args.glossary)
    pairs = pud_pairs()
    if args.limit:
        pairs = pairs[: args.limit]
    started = time.perf_counter()
    flagged: list[tuple[str, str, str, list]] = []
    by_entry: Counter[str] = Counter()
    total = 0
    for sent_id, de, en in pairs:
        report = check_translation(de, en, glossary)
        terms = [p for p in report.problems if p.kind == "term"]
        if terms:
            flagged.append((sent_id, de, en, terms))
            total += len(terms)
            by_entry.update(p.de or "?" for p in terms)
    seconds = time.perf_counter() - started
    if not args.quiet:
        for sent_id, de, en, terms in flagged:
            print(f"{sent_id}\n  DE {de}\n  EN {en}")
            for p in terms:
                print(f"  !! {p.message}")
        print()
    layers = getattr(glossary, "signature", "?")
    n = len(pairs)
    print(f"glossary: {layers} ({len(glossary)} entries)")
    print(f"PUD pairs: {n}; term problems: {total} in {len(flagged)} sentences")
    print(f"term problems per 100 sentences: {100 * total / n:.2f}")
    if by_entry:
        print("by entry: " + ", ".join(f"{k} {v}" for k, v in by_entry.most_common()))
    print(f"({seconds:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
