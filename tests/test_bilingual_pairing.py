"""Pairing German sentences with MT, reference and glossary terms; evaluating the MT."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossar.bilingual import (
    BilingualDocument,
    bundled_raw_text,
    document_from_text,
    evaluate,
    load_bundled_article,
    pair_document,
)
from glossar.bilingual.highlight import english_spans, german_spans
from glossar.errors import BadInputError, NoModelError

CONTRACT_PAIR_KEYS = {"de", "en_mt", "en_ref", "terms"}
CONTRACT_TERM_KEYS = {
    "start",
    "end",
    "text",
    "id",
    "de",
    "en",
    "sure",
    "glossary",
    "expected",
    "found",
    "method",
}
#: Keys a term object has where they apply: an unsure hit's senses, a suspended
#: compound's first word, a split verb's rest (stop 47: "griff … ein").
OPTIONAL_TERM_KEYS = {"senses", "suspended", "apart"}


@pytest.fixture(scope="module")
def article():  # type: ignore[no-untyped-def]
    return load_bundled_article()


@pytest.fixture(scope="module")
def paired_no_mt(article, curated_glossary) -> BilingualDocument:  # type: ignore[no-untyped-def]
    return pair_document(article, glossary=curated_glossary, translate=False)


@lru_cache(maxsize=1)
def _glossary():  # type: ignore[no-untyped-def]
    """The curated glossary, loaded once (hypothesis tests cannot take fixtures)."""
    from glossar.glossary.load import load_article_glossary

    return load_article_glossary()


def _pair_with(doc: BilingualDocument, start: str):  # type: ignore[no-untyped-def]
    return next(p for p in doc.pairs if p.de.startswith(start))


def test_every_sentence_is_paired_with_its_reference(article, paired_no_mt) -> None:  # type: ignore[no-untyped-def]
    assert [p.de for p in paired_no_mt.pairs] == [s.de for s in article.sentences]
    assert all(p.en_ref for p in paired_no_mt.pairs)
    assert all(p.en_mt is None for p in paired_no_mt.pairs)
    assert paired_no_mt.mt is None and paired_no_mt.mt_status == "disabled"


def test_terms_carry_offsets_into_their_sentence(paired_no_mt) -> None:  # type: ignore[no-untyped-def]
    for p in paired_no_mt.pairs:
        for t in p.terms:
            assert p.de[t.start : t.end] == t.text
    emergency = _pair_with(paired_no_mt, "Regierungschef Tokajew")
    ids = [t.entry.id for t in emergency.terms]
    assert "ausnahmezustand" in ids and "schiessbefehl" in ids
    t = next(t for t in emergency.terms if t.entry.id == "ausnahmezustand")
    assert (t.text, t.english) == ("Ausnahmezustand", "state of emergency")
    ovks = _pair_with(paired_no_mt, "Angesichts der gewaltsamen Proteste")
    assert any(t.text == "OVKS" and t.english == "CSTO" for t in ovks.terms)


def test_glossary_lists_each_used_entry_once(paired_no_mt) -> None:  # type: ignore[no-untyped-def]
    ids = [e.id for e in paired_no_mt.glossary]
    assert len(ids) == len(set(ids))
    used = {t.entry.id for p in paired_no_mt.pairs for t in p.terms}
    assert set(ids) == used
    assert {"ovks", "ausnahmezustand", "schiessbefehl", "mini-nato"} <= used


def test_to_dict_has_the_contract_shape(paired_no_mt) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(paired_no_mt.to_dict(), ensure_ascii=False))
    assert {"source_lang", "target_lang", "title", "mt", "pairs", "glossary"} <= set(data)
    assert (data["source_lang"], data["target_lang"], data["mt"]) == ("de", "en", None)
    assert data["title"].startswith("Kasachstan:")
    for pair in data["pairs"]:
        assert set(pair) >= CONTRACT_PAIR_KEYS
        assert pair["en_mt"] is None
        for term in pair["terms"]:
            assert CONTRACT_TERM_KEYS <= set(term) <= CONTRACT_TERM_KEYS | OPTIONAL_TERM_KEYS
            assert term["found"] is None and term["method"] is None  # no MT, nothing checked
    assert all({"id", "de", "en"} <= set(e) for e in data["glossary"])
    assert data["reference"]["origin"] == "reference"
    assert "not by the MT engine" in data["reference"]["label"]


def test_without_a_model_pairing_goes_on_and_says_so(argos_home, article, curated_glossary) -> None:  # type: ignore[no-untyped-def]
    doc = pair_document(article, glossary=curated_glossary)
    assert doc.mt is None and doc.mt_status == "no-model"
    assert all(p.en_ref for p in doc.pairs)
    with pytest.raises(NoModelError):
        pair_document(article, glossary=curated_glossary, translate=True)


def test_any_german_text_is_paired_without_reference(curated_glossary) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ausnahmezustand in Almaty\n\nDie OVKS schickt Truppen. Der Preis für Flüssiggas "
        "hat sich verdoppelt.\n\nTokajew erteilte den Schießbefehl."
    )
    doc = document_from_text(text)
    assert doc.title == "Ausnahmezustand in Almaty"
    assert [s.block for s in doc.sentences] == ["title", "paragraph", "paragraph", "paragraph"]
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 2]
    paired = pair_document(doc, glossary=curated_glossary, translate=False)
    assert not paired.has_reference and paired.reference_label is None
    assert all(p.en_ref is None for p in paired.pairs)
    english = {t.english for p in paired.pairs for t in p.terms}
    assert {"state of emergency", "CSTO", "liquefied petroleum gas", "shoot-to-kill order"} <= {
        e.split(" (")[0] for e in english
    }


def test_raw_seed_goes_through_the_product_segmenter(curated_glossary) -> None:  # type: ignore[no-untyped-def]
    from glossar.text.segment import split_sentences

    raw = bundled_raw_text()
    doc = document_from_text(raw, title="seed")
    assert [s.de for s in doc.sentences] == [seg.text for seg in split_sentences(raw)]
    assert doc.title == "seed"


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("abcäöüß ÄÖÜ.,!?–„“\n-OVKSNatoFlüssiggas")), max_size=200)
)
def test_any_text_pairs_with_valid_offsets(text: str) -> None:
    glossary = _glossary()
    doc = document_from_text(text)
    for s in doc.sentences:
        assert s.de and s.de in text
    paired = pair_document(doc, glossary=glossary, translate=False)
    for p in paired.pairs:
        assert "".join(piece for piece, _ in german_spans(p.de, p.terms)) == p.de
        for t in p.terms:
            assert p.de[t.start : t.end] == t.text


@given(st.text(max_size=120))
def test_english_spans_rebuild_the_text(text: str) -> None:
    entries = list(_glossary())[:20]
    assert "".join(piece for piece, _ in english_spans(text, entries)) == text


def test_english_presence_tolerates_regular_inflection(paired_no_mt) -> None:  # type: ignore[no-untyped-def]
    from glossar.bilingual.highlight import english_present

    p = _pair_with(paired_no_mt, "Almaty/Moskau")
    help_term = next(t for t in p.terms if t.entry.en == "rush to help")
    assert english_present(help_term, "and Russia rushed to help.")
    assert not english_present(help_term, "and Russia hurried over.")
    csto = next(t for t in _pair_with(paired_no_mt, "Angesichts der").terms if t.text == "OVKS")
    assert english_present(csto, "the CSTO intervened")
    assert not english_present(csto, "the csto intervened")  # acronyms keep their case


def test_with_a_real_model_every_sentence_gets_mt(
    installed_tiny_model, article, curated_glossary
) -> None:  # type: ignore[no-untyped-def]
    doc = pair_document(article, glossary=curated_glossary, beam=1)
    assert doc.mt_status == "ok" and doc.mt is not None
    assert doc.mt.model == installed_tiny_model.name
    assert doc.mt.engine
    assert all(isinstance(p.en_mt, str) for p in doc.pairs)
    assert all(p.en_ref for p in doc.pairs)  # the reference is kept apart from the MT
    assert doc.to_dict()["mt"] == {
        "engine": doc.mt.engine,
        "model": installed_tiny_model.name,
        "version": installed_tiny_model.version,
        "beam": 1,
    }


def test_evaluation_scores_mt_against_reference(
    copy_model_installed, article, curated_glossary
) -> None:  # type: ignore[no-untyped-def]
    doc = pair_document(article, glossary=curated_glossary, beam=1)
    ev = evaluate(doc)
    assert ev.sentences == len(article.sentences)
    assert 0 <= ev.bleu < 50 and 0 < ev.chrf < 60  # German copied through is not English
    assert ev.chrf_signature.startswith("nrefs:1") and "version:" in ev.chrf_signature
    assert ev.bleu_signature.startswith("nrefs:1") and "tok:13a" in ev.bleu_signature
    assert ev.terms_in_ref == ev.term_occurrences  # the reference uses the glossary throughout
    # the copy model passes German through, so every English term in the MT was enforced
    assert 0 < ev.terms_in_mt <= ev.term_occurrences
    assert ev.mt.model == copy_model_installed.name
    assert json.dumps(ev.to_dict())


def test_evaluation_needs_mt_and_a_reference(curated_glossary, paired_no_mt) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NoModelError):
        evaluate(paired_no_mt)
    from glossar.bilingual import MtInfo

    no_ref = pair_document(document_from_text("Der Kreml schweigt."), glossary=curated_glossary,
                           translate=False)  # fmt: skip
    no_ref.mt = MtInfo("argos", "x")
    no_ref.pairs[0].en_mt = "The Kremlin is silent."
    with pytest.raises(BadInputError, match="no reference"):
        evaluate(no_ref)


def test_a_perfect_mt_scores_100(paired_no_mt) -> None:  # type: ignore[no-untyped-def]
    import copy

    from glossar.bilingual import MtInfo

    doc = copy.deepcopy(paired_no_mt)
    doc.mt = MtInfo("argos", "oracle", "0")
    for p in doc.pairs:
        p.en_mt = p.en_ref
    ev = evaluate(doc)
    assert round(ev.chrf, 6) == 100.0 and round(ev.bleu, 6) == 100.0
    assert ev.terms_in_mt == ev.terms_in_ref == ev.term_occurrences
    doc.pairs[5].en_mt = "Nothing to see here."
    worse = evaluate(doc)
    assert worse.chrf < 100 and worse.terms_in_mt < worse.term_occurrences


def test_an_engine_can_stand_in_for_the_installed_model(article, curated_glossary) -> None:  # type: ignore[no-untyped-def]
    class Shout:
        name = "shout"

        def translate_batch(self, sentences, beam=4):  # type: ignore[no-untyped-def]
            return [s.upper() for s in sentences]

    doc = pair_document(article, glossary=curated_glossary, engine=Shout(), beam=2)
    assert doc.mt is not None and (doc.mt.engine, doc.mt.beam) == ("shout", 2)
    assert doc.pairs[1].en_mt.startswith("DIE SITUATION IN")
    assert doc.pairs[1].en_ref == "The situation in Kazakhstan is escalating."
