"""Given names that are words too (Mark, Roman, Ernst, Wolf, August): before a surname,
with no article, number or time word before them, they are a name, not the noun
(Mark Zuckerberg is no currency, Roman Herzog no novel), and the surname after them is
no term either (Herzog: duke). Sentences: UD German PUD (CC BY-SA 3.0, tests/data/pud),
UD German GSD (CC BY-SA 4.0, tests/data/gsd), 10kGNAD (CC BY-NC-SA 4.0,
tests/data/gnad), with their ids."""

from __future__ import annotations

import pytest

from glossar.glossary.model import Entry, Glossary
from glossar.terms import find_terms

NOUNS = Glossary(
    {
        de: Entry(id=de, de=de, pos="noun", gender=gender, en=en)
        for de, gender, en in [
            ("Mark", "f", "mark"),
            ("Roman", "m", "novel"),
            ("Ernst", "m", "seriousness"),
            ("August", "m", "August"),
            ("Wolf", "m", "wolf"),
            ("Herzog", "m", "duke"),
            ("Binder", "m", "binder"),
        ]
    }
)


def found(text: str) -> list[str]:
    return [m.text for m in find_terms(text, NOUNS)]


@pytest.mark.parametrize(
    "text",
    [
        # pud n04008016, n01091019
        "An diesem Morgen traf sich Papst Franziskus mit Mark Zuckerberg und dessen Frau in "
        "der Casa Santa Maria.",
        "Der Standpunkt der RSPB hat sie auch mit vielen führenden Umweltschützern in "
        "Konflikt gebracht, von dem Initiator der Petition, Mark Avery, bis zu dem "
        "TV-Moderator Chris Packham.",
        # GSD dev-s576, test-s563
        "Bundespräsident Roman Herzog und Bundeswehr-Generalinspekteur Klaus Naumann gaben "
        "in ihren Eröffnungsreden das Thema vor.",
        "August Wilhelm Schlegel hatte aus dem ``translated Bottom'' einen ``transferierten "
        "Zettel'' gemacht.",
        # 10kGNAD gnad-0050, gnad-0342
        "Unter Innenminister Ernst Strasser (ÖVP) hatte Doskozil als FSG-Gewerkschafter das "
        "falsche Parteibuch.",
        "Der aus der Zeit gefallene Mozart (Roman Binder) tänzelt von einer Sehenswürdigkeit "
        "zur nächsten.",
        "Der Liedermacher Wolf Biermann ist tot.",
    ],
)
def test_a_given_name_before_a_surname_is_no_term(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Das kostete 100 Mark.", ["Mark"]),
        ("Die Schulden lagen bei Millionen Mark Zinsen.", ["Mark"]),
        ("Der Roman Herzog der Autorin erschien 2010.", ["Roman", "Herzog"]),
        ("Im August Wahlen abzuhalten, war schwer.", ["August"]),
        ("Ende August kam er.", ["August"]),
        ("Der Wolf kam aus dem Wald.", ["Wolf"]),
        ("Der Herzog von Kent kam.", ["Herzog"]),
    ],
)
def test_the_word_itself_stays(text: str, words: list[str]) -> None:
    assert found(text) == words
