"""Where a verb's clause ends in a particle is read with fewer searches: the particle at
the clause's end from its last word (not an expression), a comma's clause opener before
the search for the next comma, each verb's answer once per text (several entries read
one word), and a sentence's end from its stops first. The same answers on every stretch
of text, composed or decomposed."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossar.terms import clauses
from glossar.terms.clauses import ClauseMemo, particle_closing_clause
from glossar.text.abbreviations import abbreviation_kind
from glossar.text.line_breaks import soft_break

DATA = Path(__file__).parent / "data"
#: What the particle at a clause's end was found with before.
_PARTICLE_AT_END = re.compile(" (" + clauses._PARTICLES + ") *$")

_PIECES = [
    "ein", "aus", "an", "zurück", "zuru\u0308ck", "zurecht", "her", "teil", "Ein", "AUS",
    "ab", "zu", "nach", "vor", " ", "  ", ",", ", ", ".", ";", "-", "1", "x", "e", "\n",
    "\t", "\u00a0", "als", "wie", "und", " und ", "oder", "ä", "ü", "\u0308", "»", "…",
    "die", "dass", "Dass", "um", "wenn", "Berlin", "heute", "Kindern", "St.", " Dr.",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example("Er stieg ein")
@example("Er stieg  ein  ")
@example("Er ging zuru\u0308ck ")
@example("Er kam xzurück")
@example("ein")
@example(" ein\n")  # ("$" before a last line break)
@example(" ein \n\n")
def test_the_particle_at_the_end_as_the_expression_found_it(text: str) -> None:
    for end in range(len(text) + 1):
        for low in range(end + 1):
            found = _PARTICLE_AT_END.search(text, low, end)
            expected = found.start(1) if found is not None else -1
            assert clauses._particle_at_end(text, low, end) == expected, (text, low, end)


def _inserted_there(text: str, k: int) -> bool:
    """After the comma ending at ``k``, a phrase between commas (as the clause's search
    reads it)."""
    after = clauses._search(clauses._CLAUSE_BREAK, text, k, k + 200)
    return after is not None and after.group() == "," and clauses._inserted(text[k : after.start()])


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example("x, die Kinder, ")
@example("x, dass, ")
@example("x,\ndie Heute, ")
@example("x, diese Kinder, ")
@example("x, dasselbe Kindern, ")
@example("x,  solange Berlin, ")
def test_a_clause_opener_after_a_comma_is_no_inserted_phrase(text: str) -> None:
    for k in range(len(text) + 1):
        if clauses._opener_after(text, k):
            assert not _inserted_there(text, k), (text, k)


def _every_end(text: str) -> list[int]:
    return [m.end() for m in re.finditer(r"\w+", text)]


def _memo_agrees(text: str) -> None:
    ends = _every_end(text)
    plain = [particle_closing_clause(text, e) for e in ends]
    memo = ClauseMemo()
    assert [particle_closing_clause(text, e, memo) for e in ends] == plain
    # asked again, and in another order (the split verb's check asks before the guard)
    assert [particle_closing_clause(text, e, memo) for e in reversed(ends)] == plain[::-1]
    memo = ClauseMemo()
    assert [particle_closing_clause(text, e, memo) for e in reversed(ends)] == plain[::-1]


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
@example("Er stieg bei den Casinos ein und die Tür schloss sich, sagte er.")
@example("Sie kamen, teilweise mit Kindern im Arm, am Westbahnhof an.")
@example("Er griff in Syrien und im Irak ein, und die Armee zog ab.")
def test_a_verbs_answer_kept_for_the_text_is_the_one_read_afresh(text: str) -> None:
    _memo_agrees(text)


def test_real_sentences_read_the_same_with_the_memo() -> None:
    conllu = (DATA / "pud" / "de_pud-ud-test.conllu").read_text(encoding="utf-8")
    sentences = [line[9:] for line in conllu.splitlines() if line.startswith("# text = ")]
    article = (DATA / "article_de.txt").read_text(encoding="utf-8")
    for text in (" ".join(sentences[:400]), article):
        _memo_agrees(text)
        _memo_agrees(unicodedata.normalize("NFD", text))
        for end in range(0, len(text), 7):
            for low in (max(0, end - clauses._PARTICLE_REACH), end - 3, end):
                found = _PARTICLE_AT_END.search(text, max(0, low), end)
                expected = found.start(1) if found is not None else -1
                assert clauses._particle_at_end(text, max(0, low), end) == expected


#: A stop inside a sentence (stop 41): in a number ("5.500", "3.30 Uhr") or after a
#: day's ordinal before a lower-case word or a month ("am 2. und 3. September").
_INNER_STOP = re.compile(
    r"(?<=\d)\.(?=\d| [a-zäöüß]| (?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August"
    r"|September|Oktober|November|Dezember|Feber))"
)


def _abbreviation_stop(text: str, k: int) -> bool:
    """Is the stop at ``k`` an abbreviation's that never ends a sentence (stop 47: "FC
    St. Pauli")? Its word: the letters and stops right before it."""
    j = k
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return 0 < k - j <= 12 and abbreviation_kind(text[j:k]) == "never"


def _stop_before(text: str, e: int) -> int:
    """Where the sentence's stretch ended: each mark looked for in turn (a stop inside a
    number, after a day's ordinal or an abbreviation is none), and, since stop 47, the
    first line break before it that ends a line (``soft_break`` says which)."""
    end = min(len(text), e + 300)
    for mark in ".!?;:":
        k = text.find(mark, e, end)
        while (
            mark == "." and k >= 0 and (_INNER_STOP.match(text, k) or _abbreviation_stop(text, k))
        ):
            k = text.find(mark, k + 1, end)
        if k >= 0:
            end = k + 1
    for nl in range(e, end):
        if text[nl] == "\n" and not soft_break(text, nl):
            return nl
    return end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "!", "?", ":", "x" * 150]), max_size=30).map("".join))
@example("Er stieg ein. Ja! Nein? So; und: da.")
@example("x" * 400 + ".")
@example("1. und ")
@example("Es kamen 5.500 an. Ja")
@example("Er kam zum FC St. Pauli zurück. Ja")
@example("Gesetz tritt in Kraft\n\nDas Gesetz gilt. Ja")
def test_the_sentences_stop_where_the_first_mark_is(text: str) -> None:
    for e in range(len(text) + 1):
        assert clauses.sentence_stop(text, e) == _stop_before(text, e), (text, e)
