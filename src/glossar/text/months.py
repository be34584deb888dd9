"""German month names, for every layer that reads dates: the number rule of `check`
(:mod:`glossar.qa.numbers.months`) and the clause rules of term recognition
(:mod:`glossar.terms.clauses`: "zum 30. April" does not end a clause)."""

from __future__ import annotations

#: January first.
GERMAN_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip
#: Austrian names (Jänner, Feber) with their month's number.
AUSTRIAN_MONTHS = {"Jänner": 1, "Feber": 2}
