"""`check`'s number rule on UD German PUD: problems per 100 correct sentence pairs.

Every PUD sentence pair (``# text =`` German, ``# text_en =`` its English original) is a
correct translation by construction, so every number problem reported is a false alarm
(or a liberty the translator took). Prints each problem and the rate per 100 sentences;
``--notes`` lists the notes (possible paraphrases, never counted) too.

    python scripts/pud_check.py [--notes] [--conllu tests/data/pud/de_pud-ud-test.conllu]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

DEFAULT = (
    Path(__file__).resolve().parent.parent / "tests" / "data" / "pud" / "de_pud-ud-test.conllu"
)


def pud_pairs(path: Path) -> list[tuple[str, str, str]]:
    """(sent_id, German, English) for every sentence of a PUD CoNLL-U file."""
    pairs: list[tuple[str, str, str]] = []
    sent_id = de = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line.removeprefix("# sent_id = ").strip()
        elif line.startswith("# text = "):
            de = line.removeprefix("# text = ").strip()
        elif line.startswith("# text_en = "):
            pairs.append((sent_id, de, line.removeprefix("# text_en = ").strip()))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conllu", type=Path, default=DEFAULT)
    parser.add_argument("--notes", action="store_true", help="list the notes too")
    args = parser.parse_args()

    from glossar.qa.check import number_problems

    pairs = pud_pairs(args.conllu)
    t0 = time.perf_counter()
    results = [(sid, de, en, number_problems(1, de, en)) for sid, de, en in pairs]
    elapsed = time.perf_counter() - t0
    problems = notes = 0
    for sid, de, en, found in results:
        for p in found:
            is_note = getattr(p, "severity", "problem") == "note"
            notes += is_note
            problems += not is_note
            if is_note and not args.notes:
                continue
            print(f"{sid}\t{'note' if is_note else 'PROBLEM'}\t{p.message}")
            print(f"    de: {de}\n    en: {en}")
    n = len(pairs)
    print()
    print("| sentences | number problems | per 100 | notes | per 100 | time |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {n} | {problems} | {100 * problems / n:.1f} | {notes} | {100 * notes / n:.1f} "
        f"| {elapsed:.2f} s |"
    )


if __name__ == "__main__":
    main()
