"""The tokens number reading works on: digit runs and letter runs, with their offsets."""

from __future__ import annotations

import re
from decimal import Decimal

from glossar.qa.numbers.mention import NumberMention
from glossar.qa.numbers.months import MONTH_WORDS

#: A run of digits with either locale's group/decimal separators inside (not at the end,
#: so a sentence-final full stop stays outside), or a run of letters. Groups of three
#: after a space count too where the first group has one to three digits ("153 000
#: euros", SI style: a tester's false alarm "000 is not in the source").
_DIGITS = r"\d+(?:[.,\u00a0\u202f]\d+)*"
_LETTERS = r"(?P<word>[^\W\d_]+)"
TOKEN = re.compile(rf"(?P<num>\d{{1,3}}(?: \d{{3}}(?![\d.,]\d))+(?![\d.,]\d)|{_DIGITS})|{_LETTERS}")

Tokens = list[re.Match[str]]
#: The tokens without the space-grouped thousands, for a number after a month's name.
_UNGROUPED = re.compile(rf"(?P<num>{_DIGITS})|{_LETTERS}")


def tokens(text: str) -> Tokens:
    """The tokens of ``text``: a number with space-grouped thousands is one ("153 000"),
    but not after a month's name ("On June 5 100 people died": 5 and 100)."""
    out: Tokens = []
    for tok in TOKEN.finditer(text):
        if (
            " " in tok.group()
            and tok.group("num") is not None
            and out
            and out[-1].group().lower() in MONTH_WORDS
        ):
            out.extend(_UNGROUPED.finditer(text, tok.start(), tok.end()))
        else:
            out.append(tok)
    return out


def joined(text: str, a: re.Match[str], b: re.Match[str], hyphen: bool = False) -> bool:
    """Whether tokens ``a`` and ``b`` are separated only by spaces (or a hyphen)."""
    gap = text[a.end() : b.start()]
    if hyphen:
        gap = gap.replace("-", "", 1)
    return gap.strip() == "" and "\n" not in gap


def word_at(text: str, toks: Tokens, j: int) -> str:
    """The lower-cased word at token ``j`` when it follows token ``j - 1`` with only spaces
    or one hyphen between; else ``""``."""
    if j >= len(toks) or toks[j].group("word") is None:
        return ""
    if j > 0 and not joined(text, toks[j - 1], toks[j], hyphen=True):
        return ""
    return toks[j].group().lower()


#: Characters between two tokens that start a sentence, quote or title afresh.
_FRESH_START = re.compile(r"[.!?:;\"“”„«»(\[\n]")


def capitalised_inside(text: str, toks: Tokens, i: int) -> bool:
    """Whether word ``i`` is capitalised inside a sentence: a name, a title or (in German) a
    number used as a noun ("The Five-Year Engagement", "die deutsche Elf")."""
    if i == 0 or not toks[i].group()[0].isupper():
        return False
    return not _FRESH_START.search(text[toks[i - 1].end() : toks[i].start()])


def mention(
    text: str,
    toks: Tokens,
    i: int,
    j: int,
    value: Decimal | int,
    *,
    kind: str = "number",
    soft: bool = False,
    optional: bool = False,
    upper: Decimal | int | None = None,
    ordinal: bool = False,
) -> NumberMention:
    """A mention spelt by tokens ``i`` up to (not including) ``j``."""
    start, end = toks[i].start(), toks[j - 1].end()
    return NumberMention(
        Decimal(value),
        text[start:end],
        start,
        end,
        kind,
        optional=optional,
        soft=soft,
        upper=None if upper is None else Decimal(upper),
        ordinal=ordinal,
    )
