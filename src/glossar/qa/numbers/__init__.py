"""Numbers in German and English text, as values, so a translation's numbers can be compared.

German writes ``2.500`` and ``1,5``, English ``2,500`` and ``1.5``; a plain string compare
would call both wrong. The package reads every quantity of a text in either language and
says how sure each reading is, so that ``check`` flags a number that certainly changed
and at most notes one that may be paraphrased:

- :mod:`~glossar.qa.numbers.mention`: a quantity (:class:`NumberMention`), Babel digits;
- :mod:`~glossar.qa.numbers.german`, :mod:`~glossar.qa.numbers.english`: number words in
  every position (compounds, ordinals, fractions, multipliers, vague amounts);
- :mod:`~glossar.qa.numbers.clock`: times of day, decades, year spans;
- :mod:`~glossar.qa.numbers.dates`: numeric dates (``12.9.2015``, ``9/12/2015``, ``2015-09-12``);
- :mod:`~glossar.qa.numbers.names`: numbers inside names (``Schalke 04``, ``1. FC Köln``);
- :mod:`~glossar.qa.numbers.extract`: :func:`extract_numbers` over a whole text;
- :mod:`~glossar.qa.numbers.compare`: the number rule, :func:`compare_numbers`.
"""

from glossar.qa.numbers.compare import NOTE, PROBLEM, NumberDiff, compare_numbers
from glossar.qa.numbers.extract import extract_numbers, number_values
from glossar.qa.numbers.german import german_number_word
from glossar.qa.numbers.mention import (
    NumberMention,
    format_mention,
    format_number,
    parse_number,
    same_quantity,
)

__all__ = [
    "NOTE",
    "PROBLEM",
    "NumberDiff",
    "NumberMention",
    "compare_numbers",
    "extract_numbers",
    "format_mention",
    "format_number",
    "german_number_word",
    "number_values",
    "parse_number",
    "same_quantity",
]
