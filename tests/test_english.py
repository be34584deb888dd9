"""glossar.text.english: one answer to "is this English term in this text?" for every layer,
and glossar.text.language: German or English evidence."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossar.text.english import english_present, english_term_pattern, find_english
from glossar.text.language import looks_german, more_german


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("rush to help", "and Russia rushed to help."),
        ("intervene", "the CSTO intervened on Thursday"),
        ("ally", "Moscow and its allies"),
        ("step in", "Russia is stepping in"),
        ("hold talks", "they held talks"),
        ("state of emergency", "two states of emergency"),
        ("Kremlin", "the Kremlin's view"),
        ("mini-NATO", "a mini NATO"),
        ("CSTO", "the CSTO's troops"),
        ("NATO", "Nato members"),
        ("US", "the US said"),
        ("protest", "the protests' end"),
    ],
)
def test_inflected_and_spelling_variants_are_present(term: str, text: str) -> None:
    assert english_present(text, [term])


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("rush to help", "and Russia hurried over."),
        ("Kremlin", "Kremlinology"),
        ("US", "he told us"),
        ("LNG", "lng"),
        ("CSTO", "the csto intervened"),
        ("intervention", "they intervened"),
        ("state of emergency", "state of urgency"),
    ],
)
def test_other_words_and_case_of_acronyms(term: str, text: str) -> None:
    assert not english_present(text, [term])


def test_empty_inputs() -> None:
    assert not english_present("", ["protest"])
    assert not english_present(None, ["protest"])
    assert not english_present("a protest", [""])
    assert find_english("a protest", []) == []


def test_find_english_prefers_the_longest_match_and_never_overlaps() -> None:
    text = "The Collective Security Treaty Organization (CSTO) and the organization's allies."
    found = find_english(
        text, ["Organization", "Collective Security Treaty Organization", "CSTO", "ally"]
    )
    assert [text[a:b] for a, b, _ in found] == [
        "Collective Security Treaty Organization",
        "CSTO",
        "organization's",
        "allies",
    ]
    assert [t for _, _, t in found][0] == "Collective Security Treaty Organization"


def test_patterns_are_cached() -> None:
    assert english_term_pattern("state of emergency") is english_term_pattern("state of emergency")


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)
TERM = st.lists(WORD, min_size=1, max_size=3).map(" ".join)
CONTEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC ,.;:!?()\"'-\n", max_size=60)


@given(CONTEXT, TERM, CONTEXT, st.booleans())
def test_a_term_inserted_into_any_text_is_found(
    before: str, term: str, after: str, capital: bool
) -> None:
    shown = term[:1].upper() + term[1:] if capital else term
    text = f"{before} {shown} {after}"
    assert english_present(text, [term])
    start = len(before) + 1
    assert any(a <= start < b for a, b, _ in find_english(text, [term]))


#: context from letters the term never uses, so only the glued word could match
OTHER_CONTEXT = st.text(alphabet="klmnopqrstuvwKLMNOPQ ,.;:!?()\"'-\n", max_size=60)
TERM_OF_A_TO_J = st.lists(
    st.text(alphabet="abcdefghij", min_size=3, max_size=10), min_size=1, max_size=3
).map(" ".join)


@given(OTHER_CONTEXT, TERM_OF_A_TO_J, st.sampled_from(["x", "q", "zz", "xyl"]), OTHER_CONTEXT)
def test_a_term_never_matches_inside_a_longer_word(
    before: str, term: str, glue: str, after: str
) -> None:
    """Letters that are no inflection, before or after the term, make another word."""
    assert not english_present(f"{before} {glue}{term} {after}", [term])
    assert not english_present(f"{before} {term}{glue} {after}", [term])


@given(st.text(max_size=80), TERM)
def test_spans_are_real_and_ordered(text: str, term: str) -> None:
    found = find_english(text, [term, "CSTO"])
    for a, b, t in found:
        assert 0 <= a < b <= len(text)
        assert english_term_pattern(t).fullmatch(text[a:b])
    for (_, end, _), (start, _, _) in zip(found, found[1:], strict=False):
        assert end <= start


@given(st.sampled_from(["US", "UN", "EU", "AFP"]))
def test_short_acronyms_never_match_in_lower_case(acronym: str) -> None:
    assert english_present(f"said the {acronym}.", [acronym])
    assert not english_present(f"said the {acronym.lower()}.", [acronym])


# --- language evidence ------------------------------------------------------------------


def test_a_german_copy_is_more_german_than_an_english_translation() -> None:
    english = "Kazakhstan: Why Russia intervened in the riots"
    german = "Kasachstan: Warum Russland bei den Ausschreitungen intervention"
    assert more_german(german, english)
    assert not more_german(english, german)
    assert not more_german(english, english)
    assert looks_german("Die Angst vor weiteren Eskalationen wächst stetig.")


@given(st.text(alphabet="abcdefghij ,.", max_size=60), st.sampled_from(["CSTO", "intervention"]))
def test_adding_an_english_term_never_makes_a_text_more_german(text: str, term: str) -> None:
    words = re.findall(r"\S+", text)
    for k in range(len(words) + 1):
        candidate = " ".join([*words[:k], term, *words[k:]])
        assert not more_german(candidate, text)


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("turn back", "if it turns refugees back to Slovenia", "turns refugees back"),
        ("turn down", "they turned the generous offer down.", "turned the generous offer down"),
        ("throw out", "the court threw the whole appeal out", "threw the whole appeal out"),
        ("turn back", "they turned back", "turned back"),
        # not across a clause, not four words apart, not a preposition taken as a particle
        ("turn back", "He did turn. Back home, nobody knew.", None),
        ("turn back", "turn the old and the new back", None),
        ("step in", "steps to help in the crisis", None),
        # the second reviewer's: the particle belongs to another phrase
        ("turn down", "The crowd turned and walked down the street.", None),
        ("turn back", "Kazakhstan turned to Russia back in January.", None),
        ("rise up", "Prices rose and ended up higher.", None),
        ("get off", "The ship got stuck off the coast.", None),
        ("turn up", "They kept turning the music up.", "turning the music up"),
        ("keep up", "It kept coming up.", None),
        # a tester's: "at" after the particle is no phrase of its own; "crack down"
        # takes its object after "on", never between
        ("turn back", "turn the refugees back at the border", "turn the refugees back"),
        ("crack down", "police crack the protesters down", None),
        ("crack down", "police cracked down on the protesters", "cracked down"),
    ],
)
def test_a_phrasal_verb_matches_with_its_object_between(term, text, found) -> None:  # type: ignore[no-untyped-def]
    """A translator's "turns refugees back" was a missing "turn back" to check (GNAD)."""
    hit = english_term_pattern(term).search(text)
    assert (hit.group() if hit else None) == found


def test_a_one_word_ing_or_ed_term_is_not_found_as_its_stem() -> None:
    """A reviewer: "the back of the back" passed for Rückhalt → "backing" (the stem of
    an -ing term was admitted for one word too); a phrase keeps it ("push back" for
    "pushing back")."""
    from glossar.text.english import english_present

    assert not english_present("They pushed the back of the back.", ["backing"])
    assert not english_present("He has a wound.", ["wounded"])
    assert english_present("Russia's backing of Tokayev", ["backing"])
    assert english_present("They push back the refugees.", ["pushing back"])


def test_places_of_two_entries_overlap_even_with_one_between() -> None:
    """The reread's: the shortcut "nothing contested" compared only neighbouring places,
    so an entry's long place around its own short one hid another's place inside it."""
    from glossar.text.english import _contested

    assert _contested([[(0, 10), (2, 3)], [(5, 6)]])
    assert not _contested([[(0, 10), (2, 3)], [(12, 16)]])
    assert not _contested([[(0, 4)], [(4, 8)]])
