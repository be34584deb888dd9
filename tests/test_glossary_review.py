"""The reviewed glossaries and reference agree, and their review findings stay fixed.

docs/glossary-review.md records each finding of the professional review, the fix and the
verdict. These tests keep the fixes a user would notice from coming undone: Tokayev is
the President in the article's English and in `check`; deprecations belong to a sense
and a scope; every example sentence is the reviewed reference sentence.
"""

from __future__ import annotations

import pytest

from glossar.bilingual import load_bundled_article
from glossar.glossary.load import (
    curated_glossary_paths,
    load_article_glossary,
    load_glossary,
    load_glossary_file,
)
from glossar.qa.check import check_translation
from glossar.text.english import english_present

BUNDLED = {p.stem: load_glossary_file(p)[1] for p in curated_glossary_paths()}


def _terms(de: str, en: str, glossary) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.message for p in check_translation(de, en, glossary).problems if p.kind == "term"]


def test_every_example_is_the_reviewed_reference_sentence():
    reference = {s.de: s.en_ref for s in load_bundled_article().sentences}
    for name, entries in BUNDLED.items():
        for e in entries:
            if e.example_de in reference:
                assert e.example_en == reference[e.example_de], (name, e.id)
            if e.example_en:
                assert english_present(e.example_en, e.english_terms), (name, e.id)


@pytest.mark.parametrize(
    ("de", "good", "bad"),
    [
        (
            "Regierungschef Tokajew verhängte den Ausnahmezustand.",
            "President Tokayev imposed a state of emergency.",
            "Head of government Tokayev imposed a state of emergency.",
        ),
        (
            "Der kasachische Staatschef Kassym-Schomart Tokajew musste nur rufen.",
            "Kazakh President Kassym-Jomart Tokayev only had to ask.",
            "Kazakh Prime Minister Kassym-Jomart Tokayev only had to ask.",
        ),
    ],
)
def test_tokayev_is_the_president_in_the_article(de, good, bad):
    glossary = load_article_glossary()
    assert _terms(de, good, glossary) == []
    assert len(_terms(de, bad, glossary)) == 1


def test_head_of_state_is_style_not_an_error():
    """Second review: "head of state" is right for Tokayev, only not wire style."""
    de = "Der kasachische Staatschef Kassym-Schomart Tokajew musste nur rufen."
    en = "The Kazakh head of state, Kassym-Jomart Tokayev, only had to ask."
    assert _terms(de, en, load_article_glossary()) == []


def test_general_words_deprecate_nothing_in_news():
    """An unsure (several-sense) entry, or a short general word, never deprecates an
    ordinary English word that is right in another sense (safety, folk, balance, LNG)."""
    for e in BUNDLED["news"]:
        if e.senses or len(e.de) <= 5:
            assert e.en_deprecated == (), e.id


def test_what_the_article_deprecates_news_does_not():
    news = {e.id: e for e in BUNDLED["news"]}
    for e in BUNDLED["kazakhstan-2022"]:
        if e.id in news and e.en_deprecated:
            assert not set(e.en_deprecated) & set(news[e.id].en_deprecated), e.id
    assert "LNG" in {t for e in BUNDLED["kazakhstan-2022"] for t in e.en_deprecated}
    flussig = news["fluessiggas"]
    assert not flussig.sure and "LNG" not in flussig.en_deprecated


@pytest.mark.parametrize(
    ("de", "en"),
    [
        ("Die Demonstranten brachten sich in Sicherheit.", "The demonstrators got to safety."),
        ("Die Bilanz des Konzerns ist positiv.", "The group's balance sheet is positive."),
        ("Das Terminal für Flüssiggas ist fertig.", "The LNG terminal is finished."),
    ],
)
def test_news_accepts_the_other_senses(de, en):
    assert _terms(de, en, load_glossary()) == []


@pytest.mark.parametrize(
    ("de", "good", "bad"),
    [
        (  # a tester's sentences (stop 35): the Speaker, and money owed
            "Der Präsident des Repräsentantenhauses, Paul Ryan, widersprach.",
            "The Speaker of the House, Paul Ryan, disagreed.",
            "The President of the House of Representatives, Paul Ryan, disagreed.",
        ),
        (
            "Die Bank trat ihre Forderungen an einen Inkassodienst ab.",
            "The bank assigned its receivables to a debt collection agency.",
            "The bank assigned its wishes to a debt collection agency.",
        ),
    ],
)
def test_the_speaker_and_receivables_pass_check(de, good, bad):
    glossary = load_glossary()
    assert _terms(de, good, glossary) == []
    assert len(_terms(de, bad, glossary)) == 1
