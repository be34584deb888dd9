"""A changed first: ``zum ersten Mal`` ↔ ``for the second time``.

Words for one ("erste", "first") are never read as numbers (mostly articles and "at
first"), so "ersten" against "second" was an added "second" that may be paraphrased: a
note. Here a German "erste" that the English renders by no word for first, against an
English ordinal the German does not have, is the ordinal that changed (a problem); and
the other way round, a German ordinal that the English drops while it says "first" and
the German has no word that English renders as first ("zunächst", "erstmals").
"""

from __future__ import annotations

import re
from decimal import Decimal

from glossar.qa.numbers.mention import NumberMention

_DE_FIRST = re.compile(r"(?<!\w)(?:erste[mnrs]?)(?!\w)", re.IGNORECASE)
#: German words that English may render with "first": then an English "first" is theirs.
_DE_FIRST_ANY = re.compile(
    r"(?<!\w)(?:erst\w*|zuerst|zunächst|anfangs|vorerst|Premiere\w*|ursprünglich\w*|einst)(?!\w)",
    re.IGNORECASE,
)
_EN_FIRST = re.compile(r"(?<!\w)(?:first)(?!\w)", re.IGNORECASE)
#: English words that may render "erste": then the German "erste" is theirs.
_EN_FIRST_ANY = re.compile(
    r"(?<!\w)(?:first\w*|1st|initial\w*|maiden|opening|earliest|inaugural|premier\w*|debut\w*"
    r"|once|one|I)(?!\w)",
    re.IGNORECASE,
)
#: An ordinal word that reads as a count of something after it ("second visit"), not a
#: unit of time ("a split second") or a compound ("second-largest").
_NOUN_AFTER = re.compile(r"\s+[^\W\d_]")


def _word_ordinal(mention: NumberMention, text: str) -> bool:
    """Whether ``mention`` is an ordinal word of 2 or more before a noun ("second visit"),
    not in a name ("Zweiten Weltkrieg", "Second Avenue") that the other text may write
    another way ("WWII")."""
    return (
        mention.ordinal
        and mention.value > 1
        and (mention.text[:1].islower() or mention.start == 0)
        and not any(c.isdigit() for c in mention.text)
        and _NOUN_AFTER.match(text, mention.end) is not None
    )


def _first(pattern: re.Pattern[str], text: str) -> NumberMention | None:
    """The first word for first in ``text``, as an ordinal mention of 1."""
    hit = pattern.search(text)
    if hit is None:
        return None
    return NumberMention(Decimal(1), hit.group(), hit.start(), hit.end(), soft=True, ordinal=True)


def changed_first(
    source: str,
    target: str,
    missing: list[NumberMention],
    extra: list[NumberMention],
    source_lang: str = "de",
    target_lang: str = "en",
) -> list[tuple[NumberMention, NumberMention]]:
    """(source, target) pairs where a first became another ordinal or one became first.

    ``missing`` and ``extra`` are the source's and target's unmatched mentions; at most
    one pair each way, since the word for first is found by words, not positions.
    """
    if (source_lang, target_lang) != ("de", "en"):
        return []
    out: list[tuple[NumberMention, NumberMention]] = []
    ordinal = next((x for x in extra if _word_ordinal(x, target)), None)
    first = _first(_DE_FIRST, source)
    if ordinal is not None and first is not None and not _EN_FIRST_ANY.search(target):
        out.append((first, ordinal))
    ordinal = next((m for m in missing if _word_ordinal(m, source)), None)
    first = _first(_EN_FIRST, target)
    if ordinal is not None and first is not None and not _DE_FIRST_ANY.search(source):
        out.append((ordinal, first))
    return out
