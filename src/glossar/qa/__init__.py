"""Quality checks of translations: glossary terms, numbers, untranslated and missing segments.

``check_translation(source_text, target_text, glossary)`` is the library call behind
``glossar check``; see :mod:`glossar.qa.check`, :mod:`glossar.qa.numbers` (Babel-based
number comparison) and :mod:`glossar.qa.align` (segment alignment).
"""

from glossar.qa.check import CheckReport, Problem, check_translation

__all__ = ["CheckReport", "Problem", "check_translation"]
