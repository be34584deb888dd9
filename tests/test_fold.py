"""Folding German text: lookup keys, and running text folded with a map back to offsets."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossar.text.fold import fold_case, fold_key, fold_term, fold_text


def test_fold_key_and_fold_case_for_lookup() -> None:
    assert fold_key("Flüssiggas") == fold_key("FLUESSIGGAS") == "fluessiggas"
    assert fold_key("Schieß\u00adbefehl") == "schiessbefehl"
    assert fold_key("verfassungsmäßige \n Ordnung") == "verfassungsmaessige ordnung"
    assert fold_case("STRAẞE") == "strasse"


def test_full_case_folding_keeps_sharp_s_and_terms_get_the_same_fold() -> None:
    ft = fold_text("Der Schießbefehl, SCHIESSBEFEHL")
    assert ft.text == "der schießbefehl, schiessbefehl"
    assert fold_term("Schießbefehl") == "schießbefehl"
    assert fold_term("  verfassungsmäßige\nOrdnung ") == "verfassungsmäßige ordnung"


def test_whitespace_runs_collapse_but_paragraph_breaks_do_not() -> None:
    ft = fold_text("über\n  kollektive\u00a0Sicherheit\n\nNeu")
    assert ft.text == "über kollektive sicherheit  neu"
    i = ft.text.index("kollektive")
    assert ft.source[ft.to_source(i) :].startswith("kollektive")


def test_offsets_map_back_across_length_changes() -> None:
    text = "İstanbul: Ärger  über die ﬁrma"  # İ and ﬁ fold to two characters
    ft = fold_text(text)
    i = ft.text.index("ärger")
    assert text[ft.to_source(i) : ft.to_source(i + 5)] == "Ärger"
    j = ft.text.index("firma")
    assert ft.to_source(j) == text.index("ﬁrma")
    assert ft.is_inner(j + 1)  # "i" of "ﬁ" lies inside one original character
    assert ft.to_source(len(ft.text)) == len(text)


def test_decomposed_input_folds_like_composed_input() -> None:
    composed = "Ärger über Flüssiggas"
    decomposed = unicodedata.normalize("NFD", composed)
    assert fold_text(decomposed).text == fold_text(composed).text


def test_case_kept_variant_has_the_same_offsets() -> None:
    ft = fold_text("OVKS-Truppen  in İzmir", keep_case=True)
    assert len(ft.cased) == len(ft.text)
    assert ft.cased.startswith("OVKS-Truppen in ")


alphabet = st.sampled_from(
    list("aAäÄoöuüÜßẞsSeE -\n\t\u00a0\u00ad.,İﬁ\u0308\u0301") + ["\n\n", "  ", "\r\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(alphabet, max_size=40).map("".join))
def test_offset_map_is_monotonic_and_complete(text: str) -> None:
    ft = fold_text(text)
    mapped = [ft.to_source(i) for i in range(len(ft.text) + 1)]
    assert mapped == sorted(mapped)
    assert mapped[-1] == len(text)
    assert all(0 <= m <= len(text) for m in mapped)


@settings(max_examples=300, deadline=None)
@given(st.lists(alphabet, max_size=40).map("".join))
def test_nfc_and_nfd_fold_alike(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    assert fold_text(nfc).text == fold_text(nfd).text


@settings(max_examples=300)
@given(st.text(max_size=60) | st.lists(alphabet, max_size=40).map("".join))
def test_careful_spans_are_found_as_a_scan_for_unsafe_runs_finds_them(text: str) -> None:
    """The safe-run skipping that finds careful spans (4× faster on prose) finds exactly
    the runs a plain search for unsafe characters finds, on any text."""
    from glossar.text.fold import _special_run_re, _special_spans

    special = _special_run_re()
    assert _special_spans(text, special) == [m.span() for m in special.finditer(text)]


def test_the_shipped_safe_characters_are_this_pythons() -> None:
    """``glossar/text/fold_safe.py`` (written by scripts/build_fold_table.py so that no
    process works it out) is what this Python's Unicode database gives; under another
    Unicode version the table is worked out at run time instead of trusted."""
    from glossar.text import fold_safe
    from glossar.text.fold import safe_class_and_table, safe_rules

    if unicodedata.unidata_version != fold_safe.UNIDATA_VERSION:
        pytest.skip(f"Unicode {unicodedata.unidata_version}: worked out at run time")
    assert safe_rules() == fold_safe.RULES, "rules changed: run scripts/build_fold_table.py"
    assert safe_class_and_table() == (fold_safe.SAFE_CLASS, fold_safe.TABLE)
    special = re.compile(f"[^{fold_safe.SAFE_CLASS}]+")
    assert special.fullmatch("\u00ad") and special.fullmatch("\u0308")  # careful path
    assert not special.search("Flüssiggaspreise, OVKS-Truppen")  # fast path


@pytest.mark.parametrize("changed", ["unicode", "rules"])
def test_another_unicode_version_or_changed_rules_work_the_table_out(
    changed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glossar.text import fold, fold_safe

    shipped = fold._special_and_table()
    if changed == "unicode":
        monkeypatch.setattr(fold_safe, "UNIDATA_VERSION", "0.0.0")
    else:  # a rule edited in fold.py without rerunning scripts/build_fold_table.py
        monkeypatch.setattr(fold, "DROPPED", fold.DROPPED + "\u180e")
    monkeypatch.setattr(fold_safe, "SAFE_CLASS", "a")  # would break folding if used
    fold._special_and_table.cache_clear()
    try:
        worked_out = fold._special_and_table()[0].pattern
    finally:
        fold._special_and_table.cache_clear()
    if changed == "unicode":
        assert worked_out == shipped[0].pattern
    else:
        assert worked_out != "[^a]+" and worked_out != shipped[0].pattern
