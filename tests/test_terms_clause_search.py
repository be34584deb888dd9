"""A separable verb's particle after the verb is found by its letters first, then the
character before it is looked at (the expression began with a look behind, which the
engine tried at every character): the same answers on every stretch of text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossar.terms import clauses
from glossar.terms.clauses import particle_after
from glossar.terms.coordination import particle_phrase


def _after_before(text: str, e: int, particle: str) -> int:
    pattern = re.compile(
        rf"(?<![\w-]){clauses._either_form(particle)}"
        rf"(?=\s*(?:[,;:.!?…)\"“”»«]|$)|{clauses._AND_NEXT})"
    )
    # the first match that no phrase or idiom claims (ab und zu, nach wie vor)
    for found in pattern.finditer(text, e, clauses.sentence_stop(text, e)):
        k, pe = found.span()
        if not particle_phrase(text, pe) and not clauses._in_idiom(text, k, pe):
            return k
    return -1


_PIECES = [
    "ein", "aus", "an", "zurück", "zuru\u0308ck", "her", "teil", "heraus", "Ein", "AUS",
    "ab", "zu", " ", "  ", ",", ".", ";", "-", "_", "1", "x", "e", "\n", "\t", "\u00a0",
    "als", "wie", "und", "ä", "ü", "\u0308", "»", "“", "…",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=24).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(["ein", "aus", "an", "zurück", "her", "heraus", "ab"]))
@example("xein, dann ein.", "ein")  # the first match has a letter before it: go on
@example("1ein.", "ein")  # a digit before it
@example("_ein.", "ein")  # an underscore (a word character)
@example("x-ein, ein", "ein")  # a hyphen
@example("Wir zuru\u0308ck, zurück.", "zurück")  # decomposed and composed
@example("Er stieg xein und ein und aus", "ein")  # before "und"
def test_a_particle_after_the_verb_as_the_expression_found_it(text: str, particle: str) -> None:
    for e in range(len(text) + 1):
        assert particle_after(text, e, particle) == _after_before(text, e, particle), (text, e)


def test_real_clauses_end_in_their_particle() -> None:
    text = "Novomatic steigt bei den Casinos ein, sagte er. Sie wies die Kritik zurück."
    assert particle_after(text, text.index("steigt") + 6, "ein") == text.index("ein,")
    assert particle_after(text, text.index("wies") + 4, "zurück") == text.index("zurück")
    assert particle_after(text, text.index("steigt") + 6, "aus") == -1
    assert particle_after("Er stieg ins Kanu-ein.", 7, "ein") == -1  # no word's end
    # the first "ein" is inside a word: the one that closes the clause is found after it
    text = "Er stieg vom Verein, dann ein."
    assert particle_after(text, 8, "ein") == text.rindex("ein")
