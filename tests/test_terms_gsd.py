"""Term recognition on a second real news source: UD German GSD, every hit judged.

The gold (tests/data/gsd/gsd_terms_gold.tsv, CC BY-SA 4.0) holds every hit of the news
glossary in GSD's 975 news sentences (1990s Frankfurter Rundschau) with a verdict read in
context, and the sure terms that were missed; these tests recompute the hits and hold
sure precision and recall at what was reached (docs/decisions-terms.md, issue 10).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from term_gold import gold_rows, news_hits, read_gold, sure_scores

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms

GSD = Path(__file__).parent / "data" / "gsd"
#: What was reached (docs/decisions-terms.md: 184/186 sure hits right, 184/184 found).
PRECISION = 0.985
RECALL = 0.99


def _news_sentences() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (GSD / "de_gsd_sentences.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        sid, genre, text = line.split("\t")
        if genre == "news":
            out[sid] = text
    return out


def _gold() -> dict[tuple[str, int, int, str], tuple[bool, str]]:
    return read_gold(GSD / "gsd_terms_gold.tsv")


@pytest.fixture(scope="module")
def hits() -> dict[tuple[str, int, int, str], bool]:
    return news_hits(_news_sentences())


def test_gold_rows_point_at_their_words() -> None:
    sentences = _news_sentences()
    for sid, start, end, surface, *_ in gold_rows(GSD / "gsd_terms_gold.tsv"):
        assert sentences[sid][int(start) : int(end)] == surface, (sid, start, surface)


def test_every_hit_on_gsd_news_is_judged(hits) -> None:  # type: ignore[no-untyped-def]
    gold = _gold()
    unjudged = sorted(k for k in hits if k not in gold)
    assert not unjudged, f"judge these hits in gsd_terms_gold.tsv: {unjudged[:20]}"


def test_sure_precision_and_recall_on_gsd_news(hits) -> None:  # type: ignore[no-untyped-def]
    n_sure, precision, recall = sure_scores(hits, _gold())
    assert n_sure >= 150
    assert precision >= PRECISION, f"sure precision {precision:.3f}"
    assert recall >= RECALL, f"sure recall {recall:.3f}"


def test_unsure_hits_are_the_ambiguous_entries(hits) -> None:  # type: ignore[no-untyped-def]
    glossary = load_glossary()
    for (_sid, _s, _e, entry_id), sure in hits.items():
        assert sure == glossary[entry_id].sure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spellings before the 1996 reform: 1990s news, archives, quotations
        ("Wenn Rußland den Vertrag erfüllt.", [("Rußland", "russland")]),
        ("Wer unter Umständen Einfluß ausüben will.", [("Einfluß", "einfluss")]),
        # a compound-final Macht is a power; Machthaber (rulers) is a word of its own
        ("Die drei Westmächte und die Machthaber.", [("mächte", "macht")]),
        # die Bündnisgrünen are the Greens, closed or hyphenated; Bündnis 90 is Alliance 90
        ("Die Bündnis-Grünen und die Bündnisgrünen.", []),
        ("Gespräche mit Bündnis 90 / Grünen.", [("Bündnis", "buendnis")]),
        # a lower-case word does not end in a noun: verb forms
        ("Wenn er das klarmacht, wird er entmachtet.", []),
    ],
)
def test_what_gsd_taught_holds_in_any_text(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.id) for m in find_terms(text, load_glossary())] == expected
