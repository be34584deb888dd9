"""The bundled article as data: cleaned, hand-segmented, with a curated reference."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from glossar.bilingual import (
    BLOCK_TYPES,
    article_from_toml,
    bundled_raw_text,
    load_bundled_article,
)
from glossar.errors import BadInputError

DATA = Path(__file__).parent / "data"
FURNITURE = ("Startseite", "Politik\n", "Erstellt:", "Kommentare", "Auch interessant", "Von:")


@pytest.fixture(scope="module")
def article():  # type: ignore[no-untyped-def]
    return load_bundled_article()


def test_raw_text_is_a_verbatim_copy_of_the_seed(article_text):  # type: ignore[no-untyped-def]
    assert bundled_raw_text() == article_text


def test_metadata_is_what_the_text_says_and_nothing_more(article):  # type: ignore[no-untyped-def]
    assert article.title.startswith("Kasachstan: Warum Russland bei den Ausschreitungen")
    assert article.author == "Anna-Katharina Ahnefeld"
    assert article.place == "Almaty/Moskau"
    data = tomllib.loads(
        resources.files("glossar").joinpath("data/article/kasachstan.toml").read_text("utf-8")
    )
    keys = set(data["article"]) | set(data["reference"])
    assert not keys & {"date", "url", "publication", "published", "publisher"}


def test_blocks_in_reading_order(article):  # type: ignore[no-untyped-def]
    kinds = [kind for kind, _ in article.blocks()]
    assert kinds[:3] == ["title", "lead", "paragraph"]
    assert kinds[-1] == "attribution"
    assert kinds.count("heading") == 2
    assert kinds.count("caption") == 1 and kinds.count("credit") == 1
    assert set(kinds) <= set(BLOCK_TYPES)
    headings = [s.de for s in article.sentences if s.block == "heading"]
    assert headings == [
        "Russlands Eingreifen in Kasachstan: Einmarsch des Militärbündnisses in kürzester "
        "Zeit beispiellos",
        "Kasachstan: Putin demonstriert dem Westen seine Macht",
    ]


def test_lead_is_the_standfirst(article):  # type: ignore[no-untyped-def]
    lead = [s.de for s in article.sentences if s.block == "lead"]
    assert lead == [
        "Die Situation in Kasachstan eskaliert.",
        "Auf Bitten des Landes mischt sich ein von Russland geführtes Militärbündnis ein.",
        "Was treibt Putin an?",
    ]


def test_site_furniture_is_gone_and_nothing_is_doubled(article):  # type: ignore[no-untyped-def]
    text = "\n".join(s.de for s in article.sentences)
    for furniture in FURNITURE:
        assert furniture not in text
    assert text.count("Kasachstan: Warum Russland bei den Ausschreitungen") == 1  # title once
    assert text.count("Das Bild der Staatsagentur Tass") == 1  # caption once
    credit = [s.de for s in article.sentences if s.block == "credit"]
    assert credit == ["© Russian Defence Ministry/dpa"]
    assert [s.de for s in article.sentences if s.block == "attribution"] == [
        "(aka mit dpa und AFP)"
    ]
    assert "\u00a0" not in text


def test_hand_segmentation_matches_the_gold_without_furniture(article):  # type: ignore[no-untyped-def]
    gold = []
    for line in (DATA / "article_de.segments.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        gold.append(line.split("\t", 1)[1].replace("\u00a0", " "))
    ours = [s.de for s in article.sentences]
    dropped, i = [], 0
    for g in gold:  # ours must be the gold in order, minus the furniture
        if i < len(ours) and g == ours[i]:
            i += 1
        else:
            dropped.append(g)
    assert i == len(ours)
    assert (
        dropped
        == [
            "1. Startseite",
            "2. Politik",
            "Erstellt:",
            "Von: Anna-Katharina Ahnefeld",
            "Kommentare",
            ours[0],  # the headline repeated inside the body
            ours[30][:-1],  # the caption's first copy, without its period and credit
            "Auch interessant",
            "Kommentare",
        ]
    )


def test_every_sentence_is_in_the_raw_text(article):  # type: ignore[no-untyped-def]
    raw = bundled_raw_text().replace("\u00a0", " ")
    for s in article.sentences:
        assert s.de in raw


def test_every_sentence_has_an_english_reference(article):  # type: ignore[no-untyped-def]
    assert article.has_reference
    assert "not by the MT engine" in article.reference_label
    for s in article.sentences:
        assert s.en_ref and s.en_ref.strip() == s.en_ref
        if s.block not in ("credit", "attribution"):
            assert s.en_ref != s.de
            assert not re.search(r"[äöüß]", s.en_ref), s.en_ref  # no German left behind


def test_reference_keeps_every_number(article):  # type: ignore[no-untyped-def]
    for s in article.sentences:
        for number in re.findall(r"\d+", s.de.replace(".", "")):
            assert number in s.en_ref.replace(",", ""), (number, s.en_ref)


def test_reference_uses_the_glossary_english_for_every_term(article, curated_glossary):  # type: ignore[no-untyped-def]
    from glossar.bilingual.highlight import english_present
    from glossar.terms.recognise import find_terms

    misses = []
    total = 0
    for s in article.sentences:
        for match in find_terms(s.de, curated_glossary):
            total += 1
            if not english_present(match, s.en_ref):
                misses.append(f"{match.text} → {match.english}: {s.en_ref}")
    assert total > 100
    assert misses == []


def test_key_terms_in_the_reference(article):  # type: ignore[no-untyped-def]
    english = " ".join(s.en_ref for s in article.sentences)
    for term in (
        "Tokayev",
        "CSTO",
        "Collective Security Treaty Organization",
        "state of emergency",
        "liquefied petroleum gas (LPG)",
        "shoot-to-kill order",
        "mini-NATO",
    ):
        assert term in english


@pytest.mark.parametrize(
    "text, problem",
    [
        ("[article]\ntitle = 'x'\n", "no [[block]]"),
        ("[[block]]\ntype = 'poem'\n[[block.sentence]]\nde = 'Hallo.'\n", "type must be"),
        ("[[block]]\ntype = 'lead'\n", "no [[block.sentence]]"),
        ("[[block]]\ntype = 'lead'\n[[block.sentence]]\nen_ref = 'Hi.'\n", "de is missing"),
        ("[[block]\n", "not valid TOML"),
    ],
)
def test_malformed_article_files_are_refused(text: str, problem: str) -> None:
    with pytest.raises(BadInputError, match=re.escape(problem)):
        article_from_toml(text, "mine.toml")


def test_every_problem_of_an_article_file_is_named_with_its_line() -> None:
    """A tester's file: only the first problem was named, and with no line (a glossary
    names file, line and field for every problem)."""
    text = (
        "[article]\ntitle = 'Test'\n\n"
        "[[block]]\ntype = 'absatz'\n\n[[block.sentence]]\nde = 'Ein Satz.'\n\n"
        "[[block]]\ntype = 'paragraph'\n\n"
        "[[block.sentence]]\nen_ref = 5\n\n[[block.sentence]]\nde = 'Gut.'\n"
    )
    with pytest.raises(BadInputError) as refused:
        article_from_toml(text, "mine.toml")
    assert str(refused.value).splitlines() == [
        "mine.toml:5: block 1: type must be one of "
        "title, lead, heading, paragraph, caption, credit, attribution",
        "mine.toml:13: block 2, sentence 1: de is missing",  # the sentence's table
        "mine.toml:14: block 2, sentence 1: en_ref is not text",
    ]


def test_an_article_file_with_its_own_reference() -> None:
    doc = article_from_toml(
        "[[block]]\ntype = 'paragraph'\n[[block.sentence]]\nde = 'Der Kreml schweigt.'\n"
        "en_ref = 'The Kremlin is silent.'\n"
    )
    assert doc.sentences[0].en_ref == "The Kremlin is silent."
    assert doc.reference_label  # labelled as a reference even when the file says nothing
