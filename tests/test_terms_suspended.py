"""Suspended compounds ("Staats- und Regierungschefs": Staatschefs and Regierungschefs):
the first word's term is found by completing it with the last word's tail.

Sentences: UD German GSD (CC BY-SA 4.0, tests/data/gsd) and German Wikinews (CC BY 2.5,
tests/data/wikinews), with their ids; the entries are those a termbase built from real
news holds (bench/bench_flashtext.py's 10k termbase found each of these).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossar.glossary.load import load_glossary
from glossar.glossary.model import Entry, Glossary
from glossar.qa.check import check_translation
from glossar.terms import find_terms

DATA = Path(__file__).parent / "data"

TERMBASE = Glossary(
    {
        e.id: e
        for e in [
            Entry(id="oelpreis", de="Ölpreis", pos="noun", gender="m", en="oil price"),
            Entry(id="gaspreis", de="Gaspreis", pos="noun", gender="m", en="gas price"),
            Entry(id="vorteil", de="Vorteil", pos="noun", gender="m", en="advantage"),
            Entry(id="luftfahrt", de="Luftfahrt", pos="noun", gender="f", en="aviation"),
            Entry(
                id="wirtschaftspolitik",
                de="Wirtschaftspolitik",
                pos="noun",
                gender="f",
                en="economic policy",
            ),
            Entry(
                id="landespolitik", de="Landespolitik", pos="noun", gender="f", en="state politics"
            ),
            Entry(
                id="parlamentswahl",
                de="Parlamentswahl",
                pos="noun",
                gender="f",
                en="parliamentary election",
            ),
            Entry(id="fluessiggas", de="Flüssiggas", pos="noun", gender="n", en="LPG"),
        ]
    }
)


def found(text: str, glossary: Glossary = TERMBASE) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in find_terms(text, glossary)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Wikinews: the suspended word is its own term, the last word too
        (
            "Natürlich müssen Parlaments- und Präsidentenwahlen vorbereitet werden.",
            [("Parlaments-", "parlamentswahl")],
        ),
        ("Auf dem Gipfel sieht das WSI Vor- und Nachteile.", [("Vor-", "vorteil")]),
        (
            "Ein Gutachter der Deutschen Gesellschaft für Luft- und Raumfahrt.",
            [("Luft-", "luftfahrt")],
        ),
        (
            "Eine kohärente Wirtschafts- und Finanzpolitik.",
            [("Wirtschafts-", "wirtschaftspolitik")],
        ),
        ("Die Öl- und Gaspreise steigen.", [("Öl-", "oelpreis"), ("Gaspreise", "gaspreis")]),
        # a list of suspended words before the conjunction
        (
            "Bundes-, Landes- und Kommunalpolitik",
            [("Landes-", "landespolitik")],
        ),
        ("Sowohl Öl- als auch Gaspreise", [("Öl-", "oelpreis"), ("Gaspreise", "gaspreis")]),
        # decomposed umlauts (NFD input) read as composed ones
        ("Die O\u0308l- und Gaspreise", [("O\u0308l-", "oelpreis"), ("Gaspreise", "gaspreis")]),
    ],
)
def test_a_suspended_word_is_completed_by_the_last_word(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the term must be the whole completed word: Flüssig|gasmarkt would hold
        # Flüssiggas only as a part, and which part is shared is not known
        ("Der Flüssig- und Erdgasmarkt", []),
        # lower case: a verb's particle or an adjective, left alone
        ("Sie durften ein- und ausgehen.", []),
        # a hyphen without a conjunction after it is no suspension
        ("Die Öl-Gaspreise", [("Gaspreise", "gaspreis")]),
    ],
)
def test_no_completion_without_a_whole_term(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_part_inside_the_suspended_word_stays_where_nothing_completes_it() -> None:
    text = "Die Regierungs- und Oppositionsparteien stritten."
    assert found(text, load_glossary()) == [("Regierung", "regierung")]


def test_the_news_glossary_finds_a_suspended_head_of_state() -> None:
    """GSD dev-s650: "den ehemaligen Staats- und Parteichef" (Honecker)."""
    rows = dict(line.split("\t")[0::2] for line in (DATA / "gsd" / "de_gsd_sentences.tsv").open())
    text = rows["dev-s650"]
    hits = [(m.text, m.id) for m in find_terms(text, load_glossary()) if m.suspended]
    assert hits == [("Staats-", "staatschef")]


def test_a_longer_entry_keeps_the_suspended_word() -> None:
    """GSD test-s524: "Die Staats- und Regierungschefs der sieben führenden
    Industrienationen" are heads of state and government, not a president."""
    text = "Die Staats- und Regierungschefs der sieben führenden Industrienationen (G7)."
    assert found(text, load_glossary()) == [
        ("Staats- und Regierungschefs", "staats-und-regierungschef")
    ]
    # the review's: the feminine forms too
    assert found("Die Staats- und Regierungschefinnen trafen sich.", load_glossary()) == [
        ("Staats- und Regierungschefinnen", "staats-und-regierungschef")
    ]


def test_check_does_not_call_the_suspended_english_missing() -> None:
    """English suspends the shared part too: "oil and gas prices" holds no "oil price"."""
    report = check_translation(
        "Die Öl- und Gaspreise steigen.", "Oil and gas prices are rising.", TERMBASE
    )
    assert [p.message for p in report.problems] == []
    report = check_translation(
        "Die Öl- und Gaspreise steigen.", "Oil and power costs are rising.", TERMBASE
    )
    assert len([p for p in report.problems if p.kind == "term"]) == 1  # gas price still required


def test_json_says_a_hit_is_suspended() -> None:
    hits = [m.to_dict() for m in find_terms("Die Öl- und Gaspreise steigen.", TERMBASE)]
    assert [h.get("suspended") for h in hits] == [True, None]


def test_the_suspended_english_is_not_enforced() -> None:
    from glossar.terms.match import english_may_go

    text = "Die Öl- und Gaspreise steigen."
    oil, gas = find_terms(text, TERMBASE)
    assert english_may_go(text, oil) and not english_may_go(text, gas)


_WORDS = ["Öl", "Gas", "Wirtschafts", "Finanz", "Parlaments", "Landes", "Vor", "Luft", "Flüssig"]
_LAST = ["Gaspreise", "Finanzpolitik", "Präsidentenwahlen", "Nachteile", "Raumfahrt", "Erdgas"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
            st.sampled_from(["und", "oder", "sowie", "bzw.", "als auch"]),
            st.sampled_from(_LAST),
            st.sampled_from([" ", "\n", ", ", " die "]),
        ),
        max_size=4,
    )
)
def test_hits_stay_one_reading_per_character(parts) -> None:  # type: ignore[no-untyped-def]
    text = "".join("- , ".join(words) + f"- {conj} {last}{gap}" for words, conj, last, gap in parts)
    hits = find_terms(text, TERMBASE)
    for m in hits:
        assert text[m.start : m.end] == m.text
    for a, b in zip(hits, hits[1:], strict=False):
        assert a.end <= b.start, (text, a, b)


@pytest.mark.parametrize(
    "text",
    [
        # German Wikinews 75280 (CC BY 2.5), "Nordkorea: Experten im Interview …"
        "und es gibt westliche Nicht-Regierungs-, Hilfs- und Wohlfahrtsorganisationen, usw.",
        "Nichtregierungs- und Hilfsorganisationen kamen.",
    ],
)
def test_a_suspended_word_that_completes_to_an_exception_has_no_term(text: str) -> None:
    """A library tester's: Regierung → government was found, sure, in the suspended
    "Nicht-Regierungs-" of non-governmental organisations, though the entry excepts
    Nichtregierungsorganisation; the closed word had been excepted, not its first part."""
    assert "regierung" not in [m.id for m in find_terms(text, load_glossary())]


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierungs- und Oppositionsparteien stritten, auch Landes- und Kommunalpolitiker.",
        # the review's: the whole lender is no tail (Regierungsbezirk is excepted)
        "Regierungs- und Bezirkssprecher kamen.",
    ],
)
def test_a_suspended_word_completing_to_another_compound_keeps_its_part(text: str) -> None:
    """The exception's first part alone does not drop the term: "Regierungs- und
    Oppositionsparteien" are governing parties, whatever Nichtregierungs… excepts."""
    assert ("Regierung", "regierung") in found(text, load_glossary())
