"""Reading German and English number words: glossar's own reader against the libraries.

Candidates: glossar.qa.numbers (own code), ``text2num`` (``alpha2digit``, reads German and
English number words into digits) and ``num2words`` (writes number words; read backwards
as a table of every word it writes for 1–1,000 and ordinals 1–100). Digits are Babel's job
in every case and are left out here. Each case is a phrase as news text writes it, with the
values a reader takes from it; ``~N`` is a vague amount from N (``Tausende`` ~1000).
A candidate gets a case right when it reads exactly those values. Speed: every German
and English sentence of UD German PUD (tests/data/pud), read once.

    python bench/bench_number_words.py      # text2num: pip install text2num (not a dependency)
"""

from __future__ import annotations

import re
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES: list[tuple[str, str, str]] = [
    # German: plain, compounds and derivations, ordinals, fractions, multipliers, vague
    ("de", "zwölf Städte", "12"),
    ("de", "zweihundertfünfzig Menschen", "250"),
    ("de", "eine Million zweihunderttausend", "1200000"),
    ("de", "ihrer zweijährigen Tochter", "2"),
    ("de", "ein zwei- bis dreijähriges Kind", "2 3"),
    ("de", "die Achtzehnjährige", "18"),
    ("de", "nach dem Dreißigjährigen Krieg", "30"),
    ("de", "dreimal so viele Babys", "3"),
    ("de", "ein fünfköpfiger Regierungsrat", "5"),
    ("de", "eine Dreisatzniederlage", "3"),
    ("de", "zum zweiten Mal", "2"),
    ("de", "die zweitgrößte Stadt", "2"),
    ("de", "ein Drittel der Stimmen", "0.333333"),
    ("de", "zwei Drittel der Abgeordneten", "0.666667"),
    ("de", "eine Zweidrittelmehrheit", "0.666667"),
    ("de", "anderthalb Jahre", "1.5"),
    ("de", "ein Dutzend Länder", "12"),
    ("de", "zwei Gelehrte", "2"),
    ("de", "Tausende Menschen", "~1000"),
    ("de", "Zehntausende Demonstranten", "~10000"),
    ("de", "mehrere zehn Milliarden Euro", "~10000000000"),
    ("de", "jeder Dritte", "0.333333"),
    ("de", "die beiden Organisationen", "2"),
    ("de", "zweier Könige", "2"),
    ("de", "Sie achten darauf", ""),
    ("de", "das Elfenbein", ""),
    ("de", "ohne Zweifel", ""),
    ("de", "ein paar Tage", ""),
    ("de", "das erste Mal", ""),
    # English
    ("en", "twelve cities", "12"),
    ("en", "two hundred and fifty people", "250"),
    ("en", "three million and five million copies", "3000000 5000000"),
    ("en", "her two-year-old daughter", "2"),
    ("en", "an 18 year old", "18"),
    ("en", "the Thirty Years' War", "30"),
    ("en", "three times more babies", "3"),
    ("en", "a five-member council", "5"),
    ("en", "for the second time", "2"),
    ("en", "the twenty-first century", "21"),
    ("en", "a third of the votes", "0.333333"),
    ("en", "two-thirds of MPs", "0.666667"),
    ("en", "a year and a half", "1.5"),
    ("en", "a dozen countries", "12"),
    ("en", "a pair of scholars", "2"),
    ("en", "thousands of people", "~1000"),
    ("en", "tens of thousands of protesters", "~10000"),
    ("en", "tens of billions of euros", "~10000000000"),
    ("en", "one in three", "0.333333"),
    ("en", "re-elected twice more", "2"),
    ("en", "a third-party power cell", ""),
    ("en", "one of the allies", ""),
    ("en", "intervened for the first time", ""),
    ("en", "a second-hand car", ""),
]


def _expected(spec: str) -> set[str]:
    return set(spec.split())


def _canon(value: Decimal) -> str:
    return format(value.normalize(), "f")


def own(text: str, lang: str) -> set[str]:
    from glossar.qa.numbers import extract_numbers

    return {
        ("~" if m.kind == "approx" else "") + _canon(m.value) for m in extract_numbers(text, lang)
    }


_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def text2num_reader():  # type: ignore[no-untyped-def]
    try:
        from text_to_num import alpha2digit
    except ImportError:
        return None

    def read(text: str, lang: str) -> set[str]:
        out = alpha2digit(text, lang)
        return {_canon(Decimal(d.replace(",", "."))) for d in _DIGITS.findall(out)}

    return read


def num2words_reader():  # type: ignore[no-untyped-def]
    try:
        from num2words import num2words
    except ImportError:
        return None
    table: dict[tuple[str, str], int] = {}
    for lang in ("de", "en"):
        for n in range(2, 1001):
            table[(lang, num2words(n, lang=lang).lower())] = n
        for n in range(2, 101):
            word = num2words(n, lang=lang, to="ordinal").lower()
            table[(lang, word)] = n
            if lang == "de":  # inflected ordinals: zweiten, zweiter, zweites, zweitem
                for ending in ("n", "r", "s", "m"):
                    table[(lang, word + ending)] = n
    words = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

    def read(text: str, lang: str) -> set[str]:
        return {
            str(table[(lang, w.lower())]) for w in words.findall(text) if (lang, w.lower()) in table
        }

    return read


def main() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from pud_check import DEFAULT, pud_pairs

    texts = [(de, "de") for _, de, _ in pud_pairs(DEFAULT)]
    texts += [(en, "en") for _, _, en in pud_pairs(DEFAULT)]
    candidates = {"glossar (own)": own}
    for name, factory in (("text2num", text2num_reader), ("num2words table", num2words_reader)):
        reader = factory()
        if reader is not None:
            candidates[name] = reader
        else:
            print(f"({name} not installed: skipped)")
    print(f"{len(CASES)} cases (de {sum(c[0] == 'de' for c in CASES)}), {len(texts)} PUD texts")
    print("| reader | cases right | de | en | PUD texts/s |")
    print("|---|---|---|---|---|")
    for name, read in candidates.items():
        right = {"de": 0, "en": 0}
        wrong = []
        for lang, text, spec in CASES:
            got = read(text, lang)
            if got == _expected(spec):
                right[lang] += 1
            else:
                wrong.append(f"{text!r}: {sorted(got)} (want {spec or 'nothing'})")
        t0 = time.perf_counter()
        for text, lang in texts:
            read(text, lang)
        rate = len(texts) / (time.perf_counter() - t0)
        total = right["de"] + right["en"]
        print(f"| {name} | {total}/{len(CASES)} | {right['de']} | {right['en']} | {rate:,.0f} |")
        if "-v" in sys.argv:
            print("   " + "\n   ".join(wrong))


if __name__ == "__main__":
    main()
