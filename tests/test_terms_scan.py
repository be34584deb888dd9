"""The table-driven automaton (glossar.terms.scan) yields exactly pyahocorasick's hits, in
its order, on real news with the real glossary's keys and on generated keys and texts:
candidates read hits in that order, so any difference would change what is found."""

from __future__ import annotations

from pathlib import Path

import ahocorasick
from hypothesis import given, settings
from hypothesis import strategies as st

from glossar.glossary.load import load_glossary
from glossar.terms import scan
from glossar.terms.recognise import TermRecognizer

DATA = Path(__file__).parent / "data"
ARTICLE = (DATA / "article_de.txt").read_text(encoding="utf-8")


def _pyahocorasick(items: list[tuple[str, int]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for key, value in items:
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


def test_the_curated_glossarys_keys_give_pyahocorasicks_hits_on_news() -> None:
    rec = TermRecognizer(load_glossary([]))
    dense = scan.dense_automaton(rec._automaton.items())
    assert dense is not None
    folded = rec._fold(ARTICLE).ft.text
    expected = list(rec._automaton.iter(folded))
    assert len(expected) > 300  # the article is full of the glossary's keys
    assert dense.iter(folded) == expected


def test_hits_at_one_end_come_longest_first_as_pyahocorasick_gives_them() -> None:
    items = [("us", 0), ("usa", 1), ("sa", 2), ("a", 3), ("russland", 4), ("land", 5)]
    dense = scan.dense_automaton(items)
    assert dense is not None
    text = "die usa und russland, landesweit"
    hits = dense.iter(text)
    assert hits == list(_pyahocorasick(items).iter(text))
    at_usa_end = [gid for end, gid in hits if end == text.index("usa") + 2]
    assert at_usa_end == [1, 2, 3]  # usa, sa, a
    assert (text.index("russland") + 7, 5) in hits  # land inside russland


def test_characters_beyond_the_flat_table_and_in_no_key_are_read_right() -> None:
    items = [("𝔸b", 0), ("b", 1), ("€x", 2)]
    dense = scan.dense_automaton(items)
    assert dense is not None
    text = "𝔸b €x b😀b \U0010fffdb"
    assert dense.iter(text) == list(_pyahocorasick(items).iter(text))


def test_a_table_too_large_or_an_empty_key_is_not_built(monkeypatch) -> None:
    monkeypatch.setattr(scan, "MAX_CELLS", 10)
    assert scan.dense_automaton([("abcdef", 0), ("xyz", 1)]) is None
    monkeypatch.undo()
    assert scan.dense_automaton([("", 0)]) is None
    assert scan.dense_automaton([("ab", 0)]) is not None


_ALPHABET = "aäbnsß -\u0301𝔸"


@settings(max_examples=300, deadline=None)
@given(
    keys=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=25),
    text=st.text(alphabet=_ALPHABET + "xyz.", max_size=80),
)
def test_any_keys_on_any_text_give_pyahocorasicks_hits_in_its_order(
    keys: list[str], text: str
) -> None:
    items = [(key, i) for i, key in enumerate(dict.fromkeys(keys))]
    dense = scan.dense_automaton(items)
    assert dense is not None
    assert dense.iter(text) == list(_pyahocorasick(items).iter(text))


def test_the_table_is_built_once_a_recogniser_has_read_enough_and_finds_the_same() -> None:
    rec = TermRecognizer(load_glossary([]))
    before = rec.find(ARTICLE)
    if not scan.COMPILED:  # plain Python: pyahocorasick's C is faster than the table
        assert rec._dense is None and rec._read == -1
        return
    assert rec._dense is None  # one article does not repay building the table
    while rec._read >= 0:
        rec.find(ARTICLE)
    assert rec._dense is not None
    assert rec.find(ARTICLE) == before
