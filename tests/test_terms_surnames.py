"""A capitalised word right after a given name is a surname, not a glossary term: a user's
termbase with Kern (core), Freund (friend), Rest or Rauch (smoke) must not find them in
"Christian Kern" or "Margot Rest" (found by reading 10k/100k-entry glossaries' hits on
real news, stop 34). Sentences: the 10kGNAD sample (tests/data/gnad, CC BY-NC-SA 4.0)
and UD German PUD (tests/data/pud, CC BY-SA 3.0), verbatim."""

from __future__ import annotations

import unicodedata

import pytest

from glossar.glossary.model import Entry, Glossary
from glossar.terms import find_terms

NOUNS = {
    "Kern": ("m", "core"), "Freund": ("m", "friend"), "Rauch": ("m", "smoke"),
    "Weber": ("m", "weaver"), "Heil": ("n", "salvation"), "Rest": ("m", "rest"),
    "Pilz": ("m", "mushroom"), "Neumann": ("m", "new man"),
}  # fmt: skip
TERMBASE = Glossary(
    {
        w.lower(): Entry(id=w.lower(), de=w, pos="noun", gender=g, en=en)
        for w, (g, en) in NOUNS.items()
    }
    | {"kurz": Entry(id="kurz", de="kurz", pos="adjective", en="short")}
    | {
        "putin": Entry(
            id="putin", de="Putin", pos="proper-noun", gender="m", kind="name", en="Putin"
        )
    }
)


def found(text: str) -> list[str]:
    return [m.text for m in find_terms(text, TERMBASE)]


@pytest.mark.parametrize(
    "text",
    [
        "Christian Kern empfiehlt auf seiner Facebook-Seite, Michael Häupl zu wählen.",
        "Bei Ingrid Thurnher zu Gast waren Manfred Weber, Eugen Freund, Giorgos Chondros, "
        "Peter Brezinschek, Ulrike Guérot und Christian Keuschnigg.",
        "Kaffee mit K.-o.-Tropfen trinkt Martin Rauch (Jonas Nay) in Deutschland 83, ab "
        "Donnerstag, 20.15 Uhr auf RTL, und sie verändern sein Leben.",
        "Die Musik stammt von Reinhold Heil, bekannt für seine Musik in Cloud Atlas und als "
        "Mitglied der Nina-Hagen-Band.",
        "Die Privatklage Christandls lautet auf Unterlassung und Widerruf der ehrenrührigen "
        "und kreditschädigenden Behauptungen, sagt Margot Rest, Christandls Rechtsanwältin, "
        "zum STANDARD.",
        "Der Grüne Peter Pilz prophezeit angesichts des jüngsten Hypes um die beiden "
        "grimmig: Diesen Strache-Lookalike-Wettbewerb gewinnt weder Doskozil noch "
        "Mikl-Leitner, sondern allenfalls Sebastian Kurz.",
        "Mit diesen Transaktionen können wir nun als solider österreichischer Partner mit "
        "internationalem Know-how Teil einer nachhaltigen Aktionärsstruktur der Casinos "
        "Austria AG werden, kommentiert Novomatic-Vorstandsvorsitzender Harald Neumann den "
        "Deal.",
    ],
)
def test_a_surname_after_a_given_name_is_no_term(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "hits"),
    [
        (
            "Das gleiche Muster ließ sich jedoch nicht in Gewebe finden, das dem Rauch nicht "
            "direkt ausgesetzt ist, wie z. B. die Blase.",
            ["Rauch"],
        ),
        (
            "Im zweiten Messenischen Krieg etablierte Sparta sich als lokale Macht in "
            "Peloponnes und im Rest von Griechenland.",
            ["Rest"],
        ),
        (
            "Am 1. Januar 49 v. Chr. verlas Marcus Antionius die Erklärung von Cäsar, in der "
            "der Statthalter sich selbst zum Freund des Friedens erklärte.",
            ["Freund"],
        ),
    ],
)
def test_the_same_words_as_nouns_are_still_found(text: str, hits: list[str]) -> None:
    assert found(text) == hits


def test_names_after_given_names_are_still_found() -> None:
    assert found("Wladimir Putin und Olaf Scholz sprachen.") == ["Putin"]
    # an initial between given name and surname; a hyphenated given name
    text = "George W. Rauch und Frank-Walter Kern trafen Karl-Heinz Rest."
    assert found(text) == []


def test_dense_and_sparse_texts_agree_on_surnames() -> None:
    """A dense text finds every surname in one pass; a sparse one looks at each term."""
    from glossar.terms.recognise import recognizer_for

    text = (
        "Christian Kern und Jörg Rest trafen George W. Rauch, Frank-Walter Kern und "
        "Karl-Heinz Freund. Der Rest, der Kern und der Rauch blieben. "
    ) * 3
    for form in ("NFC", "NFD"):
        t = unicodedata.normalize(form, text)
        rec = recognizer_for(TERMBASE)
        dense = [(m.start, m.id) for m in rec._find(t, dense=True)]
        assert dense == [(m.start, m.id) for m in rec._find(t, dense=False)]
        assert [t[a : a + 4] for a, _ in dense] == ["Rest", "Kern", "Rauc"] * 3
