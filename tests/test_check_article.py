"""check_translation on the whole bundled article against its curated reference translation,
with the real glossary and real term recognition: the reference must come out clean, and
errors seeded into it must be found."""

from __future__ import annotations

import pytest

from glossar.qa.check import check_translation

document = pytest.importorskip("glossar.bilingual.document")
pytest.importorskip("glossar.terms.recognise")


@pytest.fixture(scope="module")
def article():  # type: ignore[no-untyped-def]
    return document.load_bundled_article()


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    from glossar.glossary.load import load_article_glossary

    return load_article_glossary()


def sentences(article) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    return [s.de for s in article.sentences], [s.en_ref for s in article.sentences]


def test_reference_translation_sentence_by_sentence_is_clean(article, glossary) -> None:  # type: ignore[no-untyped-def]
    german, english = sentences(article)
    assert all(english) and len(german) > 50
    report = check_translation("\n".join(german), "\n".join(english), glossary)
    assert report.mode == "lines" and report.aligned == len(german)
    assert [p.to_dict() for p in report.problems] == []


def test_reference_translation_by_paragraph_is_clean(article, glossary) -> None:  # type: ignore[no-untyped-def]
    blocks = article.blocks()
    source = "\n\n".join(" ".join(s.de for s in sents) for _, sents in blocks)
    target = "\n\n".join(" ".join(s.en_ref for s in sents) for _, sents in blocks)
    report = check_translation(source, target, glossary)
    assert report.mode == "paragraphs" and report.aligned == len(blocks)
    assert [p.to_dict() for p in report.problems] == []


def test_seeded_errors_in_the_reference_are_found(article, glossary) -> None:  # type: ignore[no-untyped-def]
    german, english = sentences(article)
    baseline = check_translation("\n".join(german), "\n".join(english), glossary).problems

    def seg(start: str) -> int:
        return next(i for i, de in enumerate(german) if de.startswith(start))

    seeded = list(english)
    soldiers = seg("Das Bündnis sprach von insgesamt etwa 2500")
    seeded[soldiers] = seeded[soldiers].replace("2,500", "2,000")
    csto = seg("Angesichts der gewaltsamen Proteste")
    seeded[csto] = seeded[csto].replace("CSTO", "OVKS")
    gas = seg("Der Ärger über die Verdopplung der Preise")
    seeded[gas] = seeded[gas].replace("liquefied petroleum gas (LPG)", "LNG")
    assert "LNG" in seeded[gas]
    years = seg("Gerade erst feierte Kasachstan 30 Jahre")
    seeded[years] = german[years]
    report = check_translation("\n".join(german), "\n".join(seeded), glossary)
    new = {(p.segment, p.kind, p.expected, p.found) for p in report.problems}
    new -= {(p.segment, p.kind, p.expected, p.found) for p in baseline}
    assert new == {
        (soldiers + 1, "number", "2,500", "2,000"),
        (csto + 1, "term", "CSTO", "OVKS"),
        (gas + 1, "term", "liquefied petroleum gas", "LNG"),
        (years + 1, "untranslated", None, german[years]),
    }


def test_untranslated_detection_on_the_article(article) -> None:  # type: ignore[no-untyped-def]
    """German left in place is found; no sentence of the English reference is taken for German."""
    from glossar.qa.check import looks_german

    german, english = sentences(article)
    assert not any(looks_german(en) for en in english)
    copied = check_translation("\n".join(german), "\n".join(german), None)
    flagged = {p.segment for p in copied.problems if p.kind == "untranslated"}
    assert len(flagged) >= len(german) - 3
    # what is not flagged is short or not German at all (a photo credit)
    for i, de in enumerate(german, start=1):
        if i not in flagged:
            assert len(de.split()) <= 4 or de.startswith("©"), de
