"""English number words: phrases, ordinals, fractions, multipliers and vague amounts.

"two hundred and fifty", "twenty-first", "a third of", "two-thirds", "twice", "a pair
of", "tens of billions". How sure each reading is (firm, soft, optional) follows the same
rules as German (:mod:`glossar.qa.numbers.german`): ordinals, fractions, "twice", "a
pair", "the two" and number words capitalised inside a sentence (a title or name: "The
Five-Year Engagement") are *soft*; "both", "half", "double" and vague amounts
("thousands", "tens of billions") are *optional*. "third party", "first-hand" and
"second-hand" are not numbers. Words for *one* (``one``, ``first``) are never counted on
their own.
"""

from __future__ import annotations

from decimal import Decimal

from glossar.qa.numbers.mention import HALF, NumberMention, fraction
from glossar.qa.numbers.tokens import Tokens, capitalised_inside, joined, mention, word_at

EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip
EN_SCALES = {
    "hundred": 100, "thousand": 1000, "dozen": 12, "million": 10**6, "billion": 10**9,
    "trillion": 10**12, "millions": 10**6, "billions": 10**9, "trillions": 10**12,
    "bn": 10**9, "mn": 10**6,
}  # fmt: skip
_SCALE_PLURALS = frozenset({"millions", "billions", "trillions"})
_BIG_SCALES = {"thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ARTICLES = frozenset({"a", "an"})
#: Denominators: "a third", "two-thirds", "three quarters", "a fifth".
_DENOMINATORS = {
    "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20, "hundredth": 100,
    "thousandth": 1000,
}  # fmt: skip
_PLURAL_DENOMINATORS = {f"{w}s": d for w, d in _DENOMINATORS.items()}
#: Ordinals that start idioms, not counts: "third party", "first-hand", "second-hand".
_IDIOMS = {("third", "party"), ("third", "parties"), ("first", "hand"), ("second", "hand")}
#: Vague amounts: "hundreds", "thousands of", "tens of billions" → (lowest, upper bound).
_VAGUE = {
    "tens": (10, 100), "hundreds": (100, 1000), "thousands": (1000, 10**6),
    "millions": (10**6, 10**9), "billions": (10**9, 10**12), "trillions": (10**12, 10**15),
    "dozens": (24, 100), "scores": (40, 100),
}  # fmt: skip
_QUANTIFIERS = frozenset({"several", "few", "some", "many"})
#: Multipliers and pairs: value, and whether it is soft (True) or only optional (False).
_MULTIPLIERS = {
    "twice": (2, True), "thrice": (3, True), "twofold": (2, True), "threefold": (3, True),
    "double": (2, False), "doubled": (2, False), "doubling": (2, False),
    "triple": (3, False), "tripled": (3, False), "both": (2, False), "couple": (2, False),
    "couples": (2, False), "pair": (2, False), "pairs": (2, False), "duo": (2, False),
    "twins": (2, False), "trio": (3, False), "triplets": (3, False), "quartet": (4, False),
    "quintet": (5, False),
}  # fmt: skip


def _new_number_after_and(text: str, toks: Tokens, k: int, smallest: int) -> bool:
    """Whether the words from ``k`` on reach a scale ≥ ``smallest``: "three million and
    five million" is two numbers; "two hundred and fifty thousand" is one."""
    while k < len(toks):
        w = toks[k].group().lower()
        if w in _BIG_SCALES:
            return _BIG_SCALES[w] >= smallest
        if w not in EN_UNITS and w != "hundred":
            return False
        if k + 1 < len(toks) and not joined(text, toks[k], toks[k + 1], hyphen=True):
            return False
        k += 1
    return False


def _phrase(text: str, toks: Tokens, i: int) -> tuple[Decimal | None, int, bool]:
    """An English number phrase from token ``i``: (value, index after it, is an ordinal).

    "two hundred and fifty", "twenty-five", "a thousand", "second", "twenty-first",
    "one thousand, two hundred", "two and a half".
    """
    total = current = seen = 0
    smallest = 10**15  # the smallest big scale added to the total so far
    ordinal = False
    j = i
    while j < len(toks):
        tok = toks[j]
        if tok.group("word") is None:
            break
        w = tok.group().lower()
        if seen and not joined(text, toks[j - 1], tok, hyphen=True):
            # "one thousand, two hundred": a comma may follow a scale word
            gap = text[toks[j - 1].end() : tok.start()].strip()
            after_scale = toks[j - 1].group().lower() in _BIG_SCALES
            if not (gap == "," and after_scale and (w in EN_UNITS or w == "hundred")):
                break
        if w == "and" and seen and j + 1 < len(toks):
            nxt = word_at(text, toks, j + 1)
            if nxt == "a" and word_at(text, toks, j + 2) == "half":  # "two and a half"
                return Decimal(total + current) + HALF, j + 3, False
            if (
                total + current >= 100
                and (nxt in EN_UNITS or nxt in EN_ORDINALS)
                and not _new_number_after_and(text, toks, j + 1, smallest)
            ):
                j += 1
                continue
            break
        if w in EN_UNITS:
            current += EN_UNITS[w]
        elif w in EN_ORDINALS:
            value = EN_ORDINALS[w]
            current = current + value if value < 100 else (current or 1) * value
            ordinal = True
            seen += 1
            j += 1
            break
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _BIG_SCALES or w in _SCALE_PLURALS:
            if w in _SCALE_PLURALS and seen == 0:
                break
            total += (current or 1) * EN_SCALES[w]
            smallest = min(smallest, EN_SCALES[w])
            current = 0
        else:
            break
        seen += 1
        j += 1
    if seen == 0:
        return None, i + 1, False
    return Decimal(total + current), j, ordinal


def _vague(text: str, toks: Tokens, i: int, j: int, low: int, upper: int) -> NumberMention:
    return mention(text, toks, i, j, low, kind="approx", optional=True, upper=upper)


#: Every word that can start an English quantity (a quick test before reading one).
_STARTS = frozenset(
    {*EN_UNITS, *EN_ORDINALS, *EN_SCALES, *_VAGUE, *_QUANTIFIERS, *_MULTIPLIERS, *_ARTICLES}
    | {"half", "halves", "quarter"}
)


def english_at(text: str, toks: Tokens, i: int) -> tuple[NumberMention | None, int]:
    """The quantity that English word token ``i`` starts (and the index after it), if any."""
    w = toks[i].group().lower()
    if w not in _STARTS:
        if w.endswith("fold") and w[:-4] in EN_UNITS:  # "sixfold"
            return mention(text, toks, i, i + 1, EN_UNITS[w[:-4]], soft=True), i + 1
        return None, i + 1
    nxt = word_at(text, toks, i + 1)
    if (w, nxt) in _IDIOMS:
        return None, i + 2
    if w in _VAGUE:
        low, upper = _VAGUE[w]
        scale = word_at(text, toks, i + 2) if nxt == "of" else ""
        if w in ("tens", "hundreds") and scale in _VAGUE and scale not in ("tens", "hundreds"):
            low *= _VAGUE[scale][0]  # "tens of billions": 10 billion up to 100 billion
            return _vague(text, toks, i, i + 3, low, low * 10), i + 3
        return _vague(text, toks, i, i + 1, low, upper), i + 1
    if w in _QUANTIFIERS and (nxt == "hundred" or nxt in _BIG_SCALES):
        low = 2 * EN_SCALES[nxt]  # "several hundred", "a few thousand"
        return _vague(text, toks, i, i + 2, low, low * 5), i + 2
    if w in _MULTIPLIERS:
        value, soft = _MULTIPLIERS[w]
        if w == "pair" and i and toks[i - 1].group().lower() in _ARTICLES:
            soft = True  # "a pair of scholars" = two scholars
        return mention(text, toks, i, i + 1, value, soft=soft, optional=not soft), i + 1
    if w == "one" and nxt in ("in", "out") and toks[i + 1].group() in ("in", "out"):
        k = i + 3 if nxt == "out" and word_at(text, toks, i + 2) == "of" else i + 2
        if k < len(toks) and joined(text, toks[k - 1], toks[k]):
            value, j, ordinal = _phrase(text, toks, k)  # "one in three", "one out of five"
            if value and not ordinal and value > 1:
                return mention(text, toks, i, j, fraction(1, int(value)), soft=True), j
    if w == "half" and nxt == "a" and word_at(text, toks, i + 2) == "dozen":  # half a dozen
        return mention(text, toks, i, i + 3, 6, soft=True), i + 3
    if w in ("half", "halves"):
        return mention(text, toks, i, i + 1, HALF, optional=True), i + 1
    if w == "quarter":
        return mention(text, toks, i, i + 1, fraction(1, 4), optional=True), i + 1
    if w in _ARTICLES or w == "one":
        after = word_at(text, toks, i + 2)
        and_a_half = [word_at(text, toks, k) for k in (i + 3, i + 4)] == ["a", "half"]
        if nxt and after == "and" and and_a_half:  # "a year and a half": 1.5
            return mention(text, toks, i, i + 5, 1 + HALF, soft=True), i + 5
        if nxt in _DENOMINATORS and (after == "of" or text[toks[i].end()] == "-"):
            value = fraction(1, _DENOMINATORS[nxt])  # "a third of", "one-third"
            return mention(text, toks, i, i + 2, value, soft=True), i + 2
        if w in _ARTICLES:
            if nxt in EN_SCALES and nxt not in _SCALE_PLURALS and nxt not in ("bn", "mn"):
                value, j, _ = _phrase(text, toks, i + 1)  # "a thousand", "a dozen"
                if value is not None:
                    return mention(text, toks, i, j, value, soft=nxt == "dozen"), j
            return None, i + 1
    value, j, ordinal = _phrase(text, toks, i)
    if value is None:
        return None, j
    plural = word_at(text, toks, j)
    if not ordinal and plural in _PLURAL_DENOMINATORS:  # "two thirds", "three-quarters"
        value = fraction(value, _PLURAL_DENOMINATORS[plural])
        return mention(text, toks, i, j + 1, value, soft=True), j + 1
    if value == 1:
        return None, j  # "one", "first": mostly not a count
    previous = toks[i - 1].group().lower() if i else ""
    soft = (
        ordinal
        or capitalised_inside(text, toks, i)
        or (value == 2 and j == i + 1 and previous in ("the", "these", "those"))
    )
    return mention(text, toks, i, j, value, soft=soft, ordinal=ordinal), j
