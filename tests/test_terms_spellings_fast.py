"""The plain-noun fast path of :func:`entry_spellings` gives what the general path gives."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from glossar.glossary.model import Entry
from glossar.terms import spellings

_NOUNS = ["Haus", "Staat", "Übergang", "Präsident", "Kollege", "Wahl", "Zeitung", "Mädchen"]
_NOUNS += ["Ergebnis", "Auto", "Kaffee", "Lehrer", "Mutter", "Bau", "Boot", "Raum", "Fluß"]
_NOUNS += ["Politologe", "Schutz", "Bürgerin", "Unruhen", "Abg", "Land", "Gas", "Maß"]
_NOUNS += ["Einfluss", "Prozess", "Passwort", "Bundesstaat", "Boss", "Masse", "Russ"]


@given(
    de=st.sampled_from(_NOUNS) | st.text(min_size=1, max_size=8),
    gender=st.sampled_from(["m", "f", "n"]),
    policy=st.booleans(),
)
@example(de=" ", gender="m", policy=False)  # found by hypothesis: the general path raised
def test_plain_nouns_match_the_general_path(de: str, gender: str, policy: bool) -> None:
    entry = Entry(id="a", de=de, en="x", gender=gender)
    fast = spellings.entry_spellings(entry, policy=policy)
    slow = spellings.general_spellings(entry, policy)  # (in the compiled build too)
    assert fast == slow
    # the same stems in the same order: the old forms' order decides their key numbers
    assert [list(par) for _, par, *_ in fast] == [list(par) for _, par, *_ in slow]


def test_only_plain_nouns_take_the_fast_path() -> None:
    assert spellings.plain_noun(Entry(id="a", de="Haus", en="x", gender="n"))
    assert spellings.plain_noun(Entry(id="a", de="Einfluss", en="x", gender="m"))  # + Einfluß
    for odd in (
        Entry(id="a", de="Haus", en="x", gender="n", plural="Häuser"),
        Entry(id="a", de="Haus", en="x", gender="n", kind="name"),
        Entry(id="a", de="Haus", en="x", gender="n", compound="head"),
        Entry(id="a", de="rotes Haus", en="x", gender="n"),
        Entry(id="a", de="EU", en="x", gender="f"),
        Entry(id="a", de="Haus", en="x", pos="adjective"),
    ):
        assert not spellings.plain_noun(odd)


def test_an_entry_made_by_hand_with_a_blank_spelling_matches_nothing() -> None:
    """Glossary files refuse a blank ``de``; an entry made in code is not refused, so
    compiling it must not fail (it raised IndexError) and it matches nothing."""
    from glossar.terms.recognise import TermRecognizer

    for blank in (" ", "\t", " \n "):
        rec = TermRecognizer(
            [
                Entry(id="a", de=blank, en="x", gender="m"),
                Entry(id="b", de="Haus", en="house", gender="n"),
            ]
        )
        assert [(m.start, m.end, m.id) for m in rec.find("Das Haus  steht.")] == [(4, 8, "b")]
