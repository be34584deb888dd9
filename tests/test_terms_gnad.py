"""Term recognition on Austrian news: 80 derStandard.at articles of 10kGNAD, every hit judged.

The gold (tests/data/gnad/gnad_terms_gold.tsv, CC BY-NC-SA 4.0, test data only) holds every
hit of the news glossary in the first 16 articles of each news class of 10kGNAD's test set
(Inland, International, Wirtschaft, Panorama, Etat) with a verdict read in context, and the
sure terms that were missed; these tests recompute the hits and hold sure precision and
recall at what was reached (docs/decisions-terms.md, issue 10).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from term_gold import gold_rows, news_hits, read_gold, sure_scores

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms

GNAD = Path(__file__).parent / "data" / "gnad"
if not (GNAD / "gnad_articles.tsv").exists():  # the sdist leaves NC-SA test data out
    pytest.skip("10kGNAD test data is not in this copy (CC BY-NC-SA 4.0)", allow_module_level=True)
#: What was reached (docs/decisions-terms.md: 317/319 sure hits right, 317/320 found).
PRECISION = 0.99
RECALL = 0.99


def _articles() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (GNAD / "gnad_articles.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        aid, _label, text = line.split("\t")
        out[aid] = text
    return out


def _gold() -> dict[tuple[str, int, int, str], tuple[bool, str]]:
    return read_gold(GNAD / "gnad_terms_gold.tsv")


@pytest.fixture(scope="module")
def hits() -> dict[tuple[str, int, int, str], bool]:
    return news_hits(_articles())


def test_gold_rows_point_at_their_words() -> None:
    articles = _articles()
    for aid, start, end, surface, *_ in gold_rows(GNAD / "gnad_terms_gold.tsv"):
        assert articles[aid][int(start) : int(end)] == surface, (aid, start, surface)


def test_every_hit_on_austrian_news_is_judged(hits) -> None:  # type: ignore[no-untyped-def]
    gold = _gold()
    unjudged = sorted(k for k in hits if k not in gold)
    assert not unjudged, f"judge these hits in gnad_terms_gold.tsv: {unjudged[:20]}"


def test_sure_precision_and_recall_on_austrian_news(hits) -> None:  # type: ignore[no-untyped-def]
    n_sure, precision, recall = sure_scores(hits, _gold())
    assert n_sure >= 300
    assert precision >= PRECISION, f"sure precision {precision:.3f}"
    assert recall >= RECALL, f"sure recall {recall:.3f}"


def test_austrian_state_words_are_never_sure(hits) -> None:  # type: ignore[no-untyped-def]
    # Land is a country or a federal state (Land Niederösterreich): always offered, never enforced
    assert any(entry == "land" for (_a, _s, _e, entry) in hits)
    assert not any(sure for (_a, _s, _e, entry), sure in hits.items() if entry == "land")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a non-governmental organisation is an NGO, not a government
        ("Die Nichtregierungsorganisation und US-Nichtregierungsorganisationen.", [("US", "usa")]),
        # an idiom with a noun inside matches as spelt: das Sagen, not the verb (das sagen)
        ("Über die man das sagen könnte.", []),
        ("Wer hat hier das Sagen?", [("das Sagen", "das-sagen-haben")]),
        ("Das Sagen hat er.", [("Das Sagen", "das-sagen-haben")]),
        ("Soziale Netzwerke und Landtag.", [("Soziale Netzwerke", "soziales-netzwerk")]),
    ],
)
def test_what_austrian_news_taught_holds_in_any_text(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.id) for m in find_terms(text, load_glossary())] == expected


def test_nominalised_adjectives_are_found_in_their_strong_form(tmp_path: Path) -> None:
    """A user's entries for der Vorsitzende and der Beamte find "sein Vorsitzender Romani
    Rose" (10kGNAD) and "ein EU-Beamter" (UD German PUD, CC BY-SA 3.0); before, only the
    forms in -e and -en were known."""
    user = tmp_path / "people.toml"
    user.write_text(
        '[glossary]\nid = "people"\n\n[[entry]]\nid = "vorsitz"\nde = "Vorsitzende"\n'
        'pos = "noun"\ngender = "m"\nen = "chair"\n\n[[entry]]\nid = "beamte"\n'
        'de = "Beamte"\npos = "noun"\ngender = "m"\nen = "official"\n',
        encoding="utf-8",
    )
    glossary = load_glossary([user])
    text = "\n\n".join(_articles().values())
    texts = [m.text for m in find_terms(text, glossary) if m.entry.id == "vorsitz"]
    assert "Vorsitzender" in texts
    pud = (
        "„Kabeljau in der Keltischen See könnte aussterben“, wenn die vorgeschlagenen "
        "Begrenzungen nicht umgesetzt würden, sagte ein EU-Beamter."
    )
    assert [m.text for m in find_terms(pud, glossary) if m.entry.id == "beamte"] == ["Beamter"]


@pytest.mark.parametrize(
    ("region", "english"),
    [("Zentralukraine", "central Ukraine"), ("Südwestukraine", "south-western Ukraine")],
)
def test_a_compass_region_keeps_its_compass_in_english(region: str, english: str) -> None:
    """A tester's finding: "Oligarchen aus der Zentralukraine" was enforced as "…
    Ukraine", the region lost. The region is the place's English with the compass."""
    text = next(t for t in _articles().values() if region in t)
    (match,) = [m for m in find_terms(text, load_glossary()) if m.text == region]
    assert match.english == english
    assert "Ukraine" in match.accepted_english  # "in the centre of Ukraine" stays right


def test_translate_writes_the_region(copy_model_installed) -> None:  # type: ignore[no-untyped-def]
    from glossar.mt import translate_text

    text = next(t for t in _articles().values() if "Zentralukraine" in t)
    sentence = next(s for s in text.split(". ") if "Zentralukraine" in s)
    result = translate_text(sentence, glossary=load_glossary(), beam=1)
    assert "central Ukraine" in result.text


def test_a_lower_case_adjective_pair_is_found_inflected(tmp_path: Path) -> None:
    """A tester's `unzulässig,impermissible`: "eine unzulässige Diskriminierung" was not
    found (a pair matched its spelling only) while lookup called it an inflected form."""
    from conftest import run_glossar

    (tmp_path / "p.csv").write_text("unzulässig,impermissible\n", encoding="utf-8")
    out = tmp_path / "p.toml"
    assert run_glossar("glossary", "import", str(tmp_path / "p.csv"), "-o", str(out)).exit_code == 0
    text = next(t for t in _articles().values() if "unzulässige Diskriminierung" in t)
    found = {m.text: m.english for m in find_terms(text, load_glossary([str(out)]))}
    assert found.get("unzulässige") == "impermissible"


# --- held out: 40 articles the glossary was not reviewed on ----------------------------

HELD_OUT = GNAD / "gnad_heldout_gold.tsv"


def _held_out_articles() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in (GNAD / "gnad_heldout_articles.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            aid, _label, text = line.split("\t")
            out[aid] = text
    return out


def test_held_out_gold_rows_point_at_their_words() -> None:
    articles = _held_out_articles()
    assert len(articles) == 40 and not set(articles) & set(_articles())
    for aid, start, end, surface, *_ in gold_rows(HELD_OUT):
        assert articles[aid][int(start) : int(end)] == surface, (aid, start, surface)


def test_sure_precision_and_recall_on_held_out_news() -> None:
    """Measured once, before any fix (stop 31): of 101 sure hits 100 right (the one
    wrong: "greift tief in die Grundrechte ein" is "encroaches on", not "intervenes"),
    one sure term missed (a headline without its full stop: "weist Vorwürfe zurück Es
    sei"); unsure hits 26 of 28 offered a fitting sense. Every hit must stay judged: a
    new hit needs a verdict here, read in its article."""
    hits = news_hits(_held_out_articles())
    gold = read_gold(HELD_OUT)
    unjudged = sorted(k for k in hits if k not in gold)
    assert not unjudged, f"judge these hits in gnad_heldout_gold.tsv: {unjudged[:20]}"
    n_sure, precision, recall = sure_scores(hits, gold)
    assert n_sure >= 95
    assert precision >= 0.99, f"sure precision {precision:.3f}"
    assert recall >= 0.99, f"sure recall {recall:.3f}"
