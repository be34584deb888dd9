"""A word hyphenated at a line's end (text copied from a PDF, a column, an e-mail) is
read as the word: "Ausnahme-⏎zustand" is Ausnahmezustand, "Bundes-⏎regierung" holds
Regierung, with LF or CRLF line ends; every span stays an offset into the text as given.

The tester's finding (stop 41): eight real sentences broken this way gave no hit at all,
"Bundes-⏎regierung", "Demon-⏎stranten", "Präsi-⏎dent", "Sicherheits-⏎kräfte" each
nothing. Sentences: UD German PUD (CC BY-SA 3.0, tests/data/pud).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_check_pud import pud_pairs

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms
from glossar.terms.lexicon import is_lower_word
from glossar.text.line_hyphens import join_line_hyphens


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary()


def _reading(text: str, glossary) -> list[tuple[str, str, bool, bool]]:  # type: ignore[no-untyped-def]
    """What a user reads of each hit: entry, the word as found without the seam, and
    its flags; each span checked to be the text's own."""
    out = []
    for m in find_terms(text, glossary):
        assert text[m.start : m.end] == m.text
        word = re.sub("-[ \t]*\r?\n[ \t]*", "", m.text)
        out.append((m.id, word, m.compound, m.sure))
    return out


@pytest.fixture(scope="module")
def term_sentences(glossary):  # type: ignore[no-untyped-def]
    """PUD sentences with a term whose word has lower-case letters to break between."""
    out = []
    for de, _en in pud_pairs().values():
        for m in find_terms(de, glossary):
            if re.search("[a-zäöüß]{2}", m.text) and "\n" not in de:
                out.append((de, m.start, m.end))
    return out


def test_the_testers_sentences_find_their_terms(glossary) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Die Bundes-\nregierung hat den Ent-\nwurf verteidigt. Hunderttausende Demon-\n"
        "stranten forderten den Rücktritt. Der Präsi-\ndent erklärte den Ausnahme-\n"
        "zustand. Die Sicherheits-\nkräfte griffen ein."
    )
    plain = text.replace("-\n", "")
    assert _reading(text, glossary) == _reading(plain, glossary)
    assert [w for _id, w, _c, _s in _reading(text, glossary)] == [
        "regierung",
        "Demonstranten",
        "Präsident",
        "Ausnahmezustand",
        "Sicherheitskräfte",
        "griffen",
    ]
    crlf = text.replace("\n", "\r\n")
    assert _reading(crlf, glossary) == _reading(plain, glossary)
    # the span covers the hyphen and the line break, as the text has them
    found = {m.id: m.text for m in find_terms(crlf, glossary)}
    assert found["ausnahmezustand"] == "Ausnahme-\r\nzustand"


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_break_inside_a_terms_word_changes_nothing(glossary, term_sentences, data) -> None:  # type: ignore[no-untyped-def]
    de, start, end = data.draw(st.sampled_from(term_sentences))
    # a break between two lower-case letters of the term's word, spaces around it
    cuts = [k for k in range(start + 1, end) if re.match("[a-zäöüß]{2}", de[k - 1 : k + 1])]
    k = data.draw(st.sampled_from(cuts))
    if re.match("(?:und|oder|bis|sowie|bzw|noch|wie|als|sondern|respektive)\\b", de[k:]):
        return  # read as a suspended compound's hyphen ("Ein-⏎und Ausreise")
    word = re.search(r"[^\W\d_]*$", de[:k]).group() + re.match(r"[^\W\d_]*", de[k:]).group()
    if word.islower() and not is_lower_word(word):
        return  # a lower-case word the word list lacks may be a hyphenated compound
    seam = data.draw(st.sampled_from(["-\n", "-\r\n", "- \n", "-\n  ", "\u00ad\n"]))
    broken = de[:k] + seam + de[k:]
    want = _reading(de, glossary)
    got = [(i, w.replace("\u00ad\n", ""), c, s) for i, w, c, s in _reading(broken, glossary)]
    assert got == want, broken


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a compound spelled with a hyphen, broken there: the hyphen stays, the break goes
        ("Die sogenannte Mini-\nNato", "Die sogenannte Mini-Nato"),
        ("US-\namerikanische Soldaten", "US-amerikanische Soldaten"),
        ("Das militärisch-\npolitische Bündnis", "Das militärisch-politische Bündnis"),
        ("die deutsch-\nfranzösischen Gespräche", "die deutsch-französischen Gespräche"),
        # the review's: a verb's syllables after -isch, -lich join ("einmisch-⏎te")
        ("Russland einmisch-\nte sich", "Russland einmischte sich"),
        ("Er veröffentlich-\nte es", "Er veröffentlichte es"),
        ("G7-\nStaaten", "G7-Staaten"),
        # a tester's (stop 44): an inflected participle the word list lacks joins as its
        # uninflected form does ("beige-⏎mischte": beigemischt; mischte gave einmischen)
        ("die beige-\nmischte Substanz", "die beigemischte Substanz"),
        ("die beige-\nbraune Jacke", "die beige-braune Jacke"),
        # a suspended compound, a dash in prose, a paragraph break: left as they are
        ("Ein-\nund Ausreise", None),
        ("Vor-\noder Nachteile", None),
        ("Er kam -\nund ging", None),
        ("Die Bundes-\n\nregierung", None),
    ],
)
def test_a_hyphen_the_writer_meant_stays(text: str, read: str | None) -> None:
    joined = join_line_hyphens(text)
    assert (joined.text if joined else None) == read


def test_hyphen_kept_compounds_are_found_whole(glossary) -> None:  # type: ignore[no-untyped-def]
    """The review's: "Mini-⏎Nato" was NATO (the parts as two words), "militärisch-⏎
    politische" no term; with the hyphen kept they are the glossary's own entries."""
    found = {
        m.id: m.text
        for m in find_terms("Die Mini-\nNato und ihr militärisch-\npolitisches Bündnis.", glossary)
    }
    assert found["mini-nato"] == "Mini-\nNato" and "nato" not in found
    assert found["militaerisch-politisch"] == "militärisch-\npolitisches"


def test_nfd_text_is_joined_too(glossary) -> None:  # type: ignore[no-untyped-def]
    import unicodedata

    text = unicodedata.normalize("NFD", "Der Prä-\nsident sprach.")
    assert [m.id for m in find_terms(text, glossary)] == ["praesident"]


def test_offsets_map_back_to_the_text_as_given() -> None:
    text = "Die Bundes-\r\n  regierung und der Präsi-\ndent."
    joined = join_line_hyphens(text)
    assert joined is not None
    assert joined.text == "Die Bundesregierung und der Präsident."
    head = joined.text.index("regierung")
    assert text[joined.start_in_source(head) : joined.end_in_source(head + 9)] == "regierung"
    first = joined.text.index("Bundes")
    assert text[joined.start_in_source(first) : joined.end_in_source(first + 6)] == "Bundes"
    word = joined.text.index("Präsident")
    assert text[joined.start_in_source(word) : joined.end_in_source(word + 9)] == "Präsi-\ndent"


@pytest.mark.parametrize("space", ["\n", "\t", "\u00a0", "\r\n"])
def test_a_multi_word_term_across_a_line_break_is_found(space: str) -> None:
    """The review's: a phrase with case-kept forms ("vom Kreml angeführte") was found
    across a line break only where the text had some other run of white space (a
    careful fold), so `article` on an LF file missed it and on CRLF found it. Every
    multi-word hit of the article, with the space inside it turned into ``space``."""
    from glossar.glossary.load import load_glossary as load

    glossary = load(["kazakhstan-2022"])
    article = (Path(__file__).parent / "data" / "article_de.txt").read_text("utf-8")
    phrases = 0
    for line in article.splitlines():
        for m in find_terms(line, glossary):
            if " " not in m.text:
                continue
            k = m.start + m.text.index(" ")
            broken = line[:k] + space + line[k + 1 :]
            found = {(h.id, h.start) for h in find_terms(broken, glossary)}
            assert (m.id, m.start) in found, broken
            phrases += 1
    assert phrases >= 5
