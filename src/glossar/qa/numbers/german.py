"""German number words in every position: alone, in compounds, as fractions and approximations.

German writes numbers into words: ``zweijährigen`` (two-year-old), ``dreimal`` (three
times), ``Zweidrittelmehrheit`` (two-thirds majority), ``Zweitligist`` (second-division
club). Each reading says how sure it is (:class:`~glossar.qa.numbers.mention.NumberMention`):

- *firm*: a cardinal (``zwölf``, ``zweihundertfünfzig``, ``zweier``), ``eineinhalb``;
- *soft* (may be paraphrased): ordinals (``zweiten``), derivations with a known suffix
  (``zweijährig``, ``dreimal``, ``fünfköpfig``), ``ein Dutzend``, ``ein Paar``,
  ``zwei Drittel``;
- *optional* (only confirms the other side): numbers inside other compounds
  (``Dreisatzniederlage``, ``Zweitligist``), ``beide``, ``Hälfte``, and vague amounts
  (``Tausende``, ``mehrere zehn Milliarden``: kind ``approx``, a range of values).

Words for *one* (``ein``, ``erste``) are never counted on their own: they are mostly
articles.
"""

from __future__ import annotations

import re
from decimal import Decimal

from glossar.qa.numbers.mention import HALF, NumberMention, fraction
from glossar.qa.numbers.tokens import Tokens, capitalised_inside, mention, word_at

DE_UNITS = {
    "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
    "achtzehn": 18, "neunzehn": 19,
}  # fmt: skip
DE_TENS = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}  # fmt: skip
#: Irregular ordinal stems (``erste``, ``dritte``, ``siebte``, ``achte``) → value.
_ORDINAL_STEMS = {"erst": 1, "dritt": 3, "siebt": 7, "sieb": 7, "acht": 8}
_ORDINAL_ENDINGS = ("en", "er", "es", "em", "e")
#: Ordinal prefixes of compounds: "zweitgrößte" = "second-largest", "Zweitligist".
_ORDINAL_PREFIX = re.compile(r"(zweit|dritt|viert|fünft|sechst|siebt|neunt|zehnt)(.{3,})")
_SUPERLATIVE = re.compile(r"[a-zäöüß]+[sß]t(?:e|en|er|es|em)")
_ORDINAL_PREFIX_VALUES = {
    "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "neunt": 9,
    "zehnt": 10,
}  # fmt: skip
#: Every German number word contains one of these (a quick test before parsing a word).
_NUMBER_MORPHEME = re.compile(
    "zwei|drei|vier|fünf|sech|sieb|acht|neun|zehn|elf|zwölf|zig|ßig|hundert|tausend|dritt"
    "|halb|hälft|beid|doppel|paar|duo|trio|zwilling|drilling|quartett|quintett|dutzend"
)
#: Words that start like a number and are not one: "achten" (to respect), "Achtung",
#: "Elfenbein" (ivory), "Zweifel" (doubt), "dreist" (bold; not dreistündig, dreistöckig,
#: dreistellig, Dreistufen…: a tester's only false alarm on 112 sentences), "Siebenbürgen".
_NOT_NUMBERS = re.compile(
    r"acht(?:en|et|ete|eten|ung|sam|los|bar|ens?wert)|elfe|zweifel|zweig(?!eschoss|eteil|leisig)"
    r"|dreist(?!ündig|öckig|ellig|ufig|ufen|immig|rahlig|ag)|siebenbürg"
)
#: Scale words after a number: singular, plural and abbreviations. A singular on its own
#: also counts (``Million`` = 1,000,000); a plural on its own is a vague amount.
DE_SCALES = {
    "hundert": 100, "tausend": 1000, "dutzend": 12,
    "million": 10**6, "millionen": 10**6, "mio": 10**6,
    "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9,
    "billion": 10**12, "billionen": 10**12,
}  # fmt: skip
_SCALE_PLURALS = frozenset({"millionen", "milliarden", "billionen"})
_ARTICLES_ONE = frozenset({"ein", "eine", "einer", "einem", "einen", "eines"})
#: Vague amounts on their own: "Tausende" (thousands) → from 1,000 up to 1,000,000.
_VAGUE = re.compile(r"(zehn|hundert|aber)?(hunderte|tausende|dutzende)n?|hundertschaft(en)?")
_VAGUE_BASE = {"hunderte": 100, "tausende": 1000, "dutzende": 24}
_VAGUE_PLURALS = {"millionen": 10**6, "milliarden": 10**9, "billionen": 10**12}
#: Quantifiers that make "zehn", "hundert" or "tausend" vague: "mehrere zehn Milliarden".
_VAGUE_QUANTIFIERS = frozenset({"mehrere", "einige", "etliche", "viele", "wenige", "paar"})
#: Suffixes of derivations whose number is the point: "zweijährig", "dreimal", "fünfköpfig".
_DERIVATION = re.compile(
    r"jährig|mal|fach|fältig|köpfig|tägig|stündig|wöchig|monatig|minütig|teilig|stellig"
    r"|stöckig|geschossig|seitig|sitzig|spurig|prozentig|sprachig|gliedrig"
)
#: Fraction nouns: "Drittel" 1/3, "Viertel" 1/4, ... "Hundertstel" 1/100.
_FRACTION = re.compile(
    r"(?P<num>[a-zäöüß]*?)(?P<den>drittel|viertel|fünftel|sechstel|siebtel|achtel|neuntel"
    r"|zehntel|zwanzigstel|hundertstel|tausendstel)(?P<rest>[a-zäöüß]*)"
)
_DENOMINATORS = {
    "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6, "siebtel": 7, "achtel": 8,
    "neuntel": 9, "zehntel": 10, "zwanzigstel": 20, "hundertstel": 100, "tausendstel": 1000,
}  # fmt: skip
#: "eineinhalb"/"anderthalb" 1.5, "zweieinhalb" 2.5.
_AND_A_HALF = re.compile(r"(?P<whole>[a-zäöüß]+?)einhalb|anderthalb")
_HALF = re.compile(r"halb|halbe[nrsm]?|hälfte|hälften")
_HEED = re.compile(r"geb|gab|gegeben|nehm|nahm|genommen|lass|ließ|gelassen")
_GROUPS = {
    "duo": 2, "duos": 2, "zwilling": 2, "zwillinge": 2, "zwillingen": 2, "trio": 3, "trios": 3,
    "drilling": 3, "drillinge": 3, "quartett": 4, "quintett": 5,
}  # fmt: skip
_EVERY = frozenset({"jeder", "jede", "jedes", "jeden", "jedem"})
_BOTH = re.compile(r"beide[nrsm]?")
_DOUBLE = re.compile(r"doppelt[a-z]*|verdoppel[a-z]*")


def _below_100(w: str) -> int | None:
    if w in DE_UNITS:
        return DE_UNITS[w]
    if w in DE_TENS:
        return DE_TENS[w]
    head, sep, tail = w.partition("und")
    if sep and tail in DE_TENS and head in DE_UNITS and 1 <= DE_UNITS[head] <= 9:
        return DE_UNITS[head] + DE_TENS[tail]
    return None


def _below_1000(w: str) -> int | None:
    head, sep, tail = w.partition("hundert")
    if not sep:
        return _below_100(w)
    left = 1 if head in ("", "ein") else DE_UNITS.get(head)
    if left is None or not 1 <= left <= 9:
        return None
    right = 0 if tail == "" else _below_100(tail)
    return None if right is None else left * 100 + right


def german_cardinal(w: str) -> int | None:
    """The value of a lower-cased German cardinal written as one word (``dreitausendvier``)."""
    head, sep, tail = w.partition("tausend")
    if not sep:
        return _below_1000(w)
    left = 1 if head in ("", "ein") else _below_1000(head)
    right = 0 if tail == "" else _below_1000(tail)
    if left is None or right is None or left == 0:
        return None
    return left * 1000 + right


def _ordinal(w: str) -> int | None:
    """The value of a lower-cased ordinal word (``zweiten``, ``dritte``, ``zwanzigste``)."""
    if _NOT_NUMBERS.match(w):
        return None
    for ending in _ORDINAL_ENDINGS:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            stem = w[: -len(ending)]
            for irregular, value in _ORDINAL_STEMS.items():
                if stem.endswith(irregular):
                    prefix = stem[: -len(irregular)]
                    if not prefix:
                        return value if value > 1 else None
                    base = german_cardinal(prefix)  # "einhundertdritte": hundreds + irregular
                    if base is not None and base % 100 == 0:
                        return base + value
            for suffix in ("st", "t"):
                if stem.endswith(suffix):
                    base = german_cardinal(stem[: -len(suffix)])
                    if base is not None and base > 1:
                        return base
            break
    prefix = _ORDINAL_PREFIX.fullmatch(w)
    if prefix and _SUPERLATIVE.fullmatch(prefix.group(2)):
        return _ORDINAL_PREFIX_VALUES[prefix.group(1)]
    return None


def german_number_word(word: str) -> int | None:
    """The value of a German cardinal or ordinal written as one word, else None.

    ``zwölf`` 12, ``Tausend`` 1000, ``zweihundertfünfzig`` 250, ``dreitausend`` 3000,
    ``zweite``/``zweiten`` 2, ``dritte`` 3, ``zweitgrößte`` 2 (second-largest). Plurals such
    as ``Tausende`` are not numbers.
    """
    w = word.lower()
    value = german_cardinal(w)
    return value if value is not None else _ordinal(w)


def _cardinal_prefix(w: str) -> tuple[int, str] | None:
    """The longest cardinal (≥ 2) that starts the compound ``w``, and the rest (≥ 3 letters)."""
    if _NOT_NUMBERS.match(w):
        return None
    for k in range(len(w) - 3, 2, -1):
        value = german_cardinal(w[:k])
        if value is not None and value >= 2:
            return value, w[k:]
    return None


def _compound(text: str, toks: Tokens, i: int, w: str) -> NumberMention | None:
    """A number inside one word: fraction, derivation, compound, ordinal prefix."""
    if (frac := _FRACTION.fullmatch(w)) is not None:
        num = frac.group("num")
        count = 1 if num in ("", "ein") else german_cardinal(num)
        if count is not None:
            value = fraction(count, _DENOMINATORS[frac.group("den")])
            alone = not num or bool(frac.group("rest"))  # "Drittel", "Zweidrittelmehrheit"
            return mention(text, toks, i, i + 1, value, soft=not alone, optional=alone)
    if (prefix := _cardinal_prefix(w)) is not None:
        value, rest = prefix
        if _DERIVATION.match(rest):
            return mention(text, toks, i, i + 1, value, soft=True)
        if len(rest) >= 4:
            return mention(text, toks, i, i + 1, value, optional=True)
    if (ordinal := _ORDINAL_PREFIX.fullmatch(w)) is not None and not _NOT_NUMBERS.match(w):
        value = _ORDINAL_PREFIX_VALUES[ordinal.group(1)]
        return mention(text, toks, i, i + 1, value, optional=True)
    return None


def _scaled(
    text: str, toks: Tokens, i: int, j: int, value: int | Decimal, soft: bool = False
) -> tuple[NumberMention, int]:
    """``value`` (tokens ``i`` to ``j``) times a following scale word: "zwei Millionen",
    "eine Million zweihunderttausend"; or a fraction noun: "zwei Drittel"."""
    nxt = word_at(text, toks, j)
    if nxt in DE_SCALES:
        value = Decimal(value) * DE_SCALES[nxt]
        soft = soft or nxt == "dutzend"
        j += 1
        rest = word_at(text, toks, j)
        small = german_cardinal(rest) if rest else None
        if small is not None and 0 < small < DE_SCALES[nxt]:
            value += small
            j += 1
    elif nxt in _DENOMINATORS:
        value = fraction(value, _DENOMINATORS[nxt])
        soft = True
        j += 1
    return mention(text, toks, i, j, value, soft=soft), j


def _vague(text: str, toks: Tokens, i: int, j: int, low: int, upper: int) -> NumberMention:
    return mention(text, toks, i, j, low, kind="approx", optional=True, upper=upper)


def german_at(text: str, toks: Tokens, i: int) -> tuple[NumberMention | None, int]:
    """The quantity that German word token ``i`` starts (and the index after it), if any."""
    tok = toks[i]
    raw = tok.group()
    w = raw.lower()
    if raw == "Acht" and (
        (i and toks[i - 1].group().lower() in ("außer", "ausser", "in"))
        or _HEED.match(word_at(text, toks, i + 1))
    ):
        return None, i + 1  # "außer Acht lassen" (disregard), "Acht geben" (pay attention)
    if w in _ARTICLES_ONE:
        nxt = word_at(text, toks, i + 1)
        if nxt in DE_SCALES and nxt not in _SCALE_PLURALS:
            return _scaled(text, toks, i, i + 1, 1)
        if nxt in _DENOMINATORS:
            return _scaled(text, toks, i, i + 1, 1)
        if nxt == "paar" and toks[i + 1].group() == "Paar":
            return mention(text, toks, i, i + 2, 2, soft=True), i + 2
        return None, i + 1  # an article, or "ein paar" (a few)
    if w in _VAGUE_QUANTIFIERS:
        nxt = word_at(text, toks, i + 1)
        if nxt in ("zehn", "hundert", "tausend", "zehntausend", "hunderttausend"):
            low = german_cardinal(nxt) or 10
            j = i + 2
            scale = word_at(text, toks, j)
            if scale in DE_SCALES and scale != "dutzend":
                low *= DE_SCALES[scale]
                j += 1
            return _vague(text, toks, i, j, low, low * 10), j
        return None, i + 1
    if w in DE_SCALES:
        if w in ("mio", "mrd"):
            return None, i + 1
        if w in _SCALE_PLURALS:  # "Millionen Zuschauer": from a million up to a billion
            low = _VAGUE_PLURALS[w]
            return _vague(text, toks, i, i + 1, low, low * 1000), i + 1
        return mention(text, toks, i, i + 1, DE_SCALES[w], soft=w == "dutzend"), i + 1
    if not _NUMBER_MORPHEME.search(w):
        return None, i + 1
    if (vague := _VAGUE.fullmatch(w)) is not None:
        if vague.group(0).startswith("hundertschaft"):
            low, upper = 100, 10**4
        else:
            times = {"zehn": 10, "hundert": 100}.get(vague.group(1) or "", 1)
            low = _VAGUE_BASE[vague.group(2)] * times
            wide = times == 1 and vague.group(2) == "tausende"  # thousands: up to a million
            upper = 100 if vague.group(2) == "dutzende" else low * (1000 if wide else 10)
        scale = word_at(text, toks, i + 1)
        if scale in _VAGUE_PLURALS:  # "Hunderte Millionen": hundreds of millions
            low, upper = low * _VAGUE_PLURALS[scale], low * _VAGUE_PLURALS[scale] * 10
            return _vague(text, toks, i, i + 2, low, upper), i + 2
        return _vague(text, toks, i, i + 1, low, upper), i + 1
    if w.startswith("achtelfinal"):  # the round of the last 16
        return mention(text, toks, i, i + 1, 16, optional=True), i + 1
    if (half := _AND_A_HALF.fullmatch(w)) is not None:  # "eineinhalb Millionen"
        whole = 1 if half.group("whole") in (None, "ein") else german_cardinal(half.group("whole"))
        if whole is not None:
            return _scaled(text, toks, i, i + 1, whole + HALF)
    if w in _GROUPS:  # "Duo", "Trio", "Zwillinge": only confirm
        return mention(text, toks, i, i + 1, _GROUPS[w], optional=True), i + 1
    if _HALF.fullmatch(w) and word_at(text, toks, i + 1) == "dutzend":  # "ein halbes Dutzend"
        start = i - 1 if i and toks[i - 1].group().lower() in _ARTICLES_ONE else i
        return mention(text, toks, start, i + 2, 6, soft=True), i + 2
    if _BOTH.fullmatch(w) or (w == "paar" and raw == "Paar") or _DOUBLE.fullmatch(w):
        return mention(text, toks, i, i + 1, 2, optional=True), i + 1
    if _HALF.fullmatch(w):
        return mention(text, toks, i, i + 1, HALF, optional=True), i + 1
    value = german_cardinal(w)
    if value is None and w in ("zweier", "dreier") and raw == w:
        value = DE_UNITS[w[:-2]]  # genitive: "zweier Könige" (of two kings)
    if value is not None:
        if value < 2:
            return None, i + 1
        # a capitalised number inside a sentence is a noun: "die deutsche Elf" (the team)
        return _scaled(text, toks, i, i + 1, value, soft=capitalised_inside(text, toks, i))
    ordinal = _ordinal(w)
    if ordinal is not None and i and toks[i - 1].group().lower() in _EVERY:
        # "jeder Dritte" (one in three)
        return mention(text, toks, i - 1, i + 1, fraction(1, ordinal), soft=True), i + 1
    if ordinal is not None:
        if ordinal < 2:
            return None, i + 1
        return mention(text, toks, i, i + 1, ordinal, soft=True, ordinal=True), i + 1
    return _compound(text, toks, i, w), i + 1
