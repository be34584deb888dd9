"""E-mail text: a reply's quoted text ("> " before each line) read as the text it
quotes (terms over its line breaks, sentences without the marks, displays that do not
show them), and a closing formula with the name under it read as no heading.

Stop 44: `terms` and `article` missed "Ausnahme-⏎> zustand" and "verfassungsmäßige⏎>
Ordnung" that `translate` enforced, and `article` showed "Ausnahme- > zustand".
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from glossar.bilingual import document_from_text
from glossar.bilingual.stream import stream_document
from glossar.cli import cli
from glossar.glossary.load import load_glossary
from glossar.terms.recognise import find_terms
from glossar.text.segment import split_sentences
from glossar.text.stream import iter_pieces

#: Real wording (the article's), quoted and wrapped as a mail client does.
MAIL = (
    "Am 6. Januar schrieb Anna:\n"
    "> Tokajew verhängte den Ausnahme-\n"
    "> zustand, um die verfassungsmäßige\n"
    "> Ordnung zu schützen. Die OVKS-\n"
    "> Truppen kamen am Donnerstag.\n"
)


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary(["news", "kazakhstan-2022"])


def test_terms_go_on_over_a_quoted_line_break(glossary) -> None:  # type: ignore[no-untyped-def]
    found = {m.id: m for m in find_terms(MAIL, glossary)}
    assert {"ausnahmezustand", "verfassungsmaessige-ordnung", "ovks", "tokajew"} <= set(found)
    # spans are offsets into the text as given, marks and all
    assert found["ausnahmezustand"].text == "Ausnahme-\n> zustand"
    assert found["verfassungsmaessige-ordnung"].text == "verfassungsmäßige\n> Ordnung"
    for m in found.values():
        assert MAIL[m.start : m.end] == m.text


def test_a_quoted_blank_line_still_parts_a_term(glossary) -> None:  # type: ignore[no-untyped-def]
    """A quoted blank line is a paragraph break: no multi-word term over it."""
    text = "> Sie schützen die verfassungsmäßige\n>\n> Ordnung des Landes.\n"
    assert "verfassungsmaessige-ordnung" not in {m.id for m in find_terms(text, glossary)}


def test_no_term_runs_from_a_reply_into_its_quote(glossary) -> None:  # type: ignore[no-untyped-def]
    """The review's: "… Organisation des Vertrags⏎> über kollektive Sicherheit" gave the
    OVKS over a reply's line and the quote under it, which the segmenter parts. A term
    goes on over a quoted line break only at one depth (but from a text's first line,
    which may be a quoted sentence's without its marks: a segment's)."""
    text = (
        "Anna schrieb:\n"
        "Ich meine die Organisation des Vertrags\n> über kollektive Sicherheit, schrieb sie.\n"
        "> Die verfassungsmäßige\n> > Ordnung.\n"
        "> > Die verfassungsmäßige\n> > Ordnung.\n"
    )
    found = [(m.id, m.start) for m in find_terms(text, glossary)]
    assert "ovks" not in {i for i, _ in found}
    ordnung = [s for i, s in found if i == "verfassungsmaessige-ordnung"]
    assert ordnung == [text.rindex("verfassungsmäßige")]


def test_typed_quotation_marks_are_not_quote_marks(glossary) -> None:  # type: ignore[no-untyped-def]
    """ ">>" glued to a word is a typed » (German typewriter style), kept in the sentence."""
    text = ">>Wir verhängen den Ausnahmezustand<<, sagte Tokajew.\n>>Ruhe.<<\n"
    assert [s.text for s in split_sentences(text)] == [
        ">>Wir verhängen den Ausnahmezustand<<, sagte Tokajew.",
        ">>Ruhe.<<",
    ]
    # one ">" glued to a word is a mail's mark, as term recognition reads it
    assert [s.text for s in split_sentences(">Wir kommen morgen.\n>Die OVKS kam.")] == [
        "Wir kommen morgen.",
        "Die OVKS kam.",
    ]


def test_sentences_start_after_the_marks() -> None:
    assert [s.text for s in split_sentences(MAIL)] == [
        "Am 6. Januar schrieb Anna:",
        "Tokajew verhängte den Ausnahme-\n> zustand, um die verfassungsmäßige\n"
        "> Ordnung zu schützen.",
        "Die OVKS-\n> Truppen kamen am Donnerstag.",
    ]


def _article(tmp_path: Path, *args: str) -> str:
    src = tmp_path / "mail.txt"
    src.write_text(MAIL, encoding="utf-8")
    r = CliRunner().invoke(cli, ["article", str(src), "--no-mt", *args])
    assert r.exit_code == 0, r.output
    return r.output


def test_article_shows_the_quoted_sentence_without_its_marks(tmp_path: Path) -> None:
    shown = " ".join(_article(tmp_path).split())  # (as wrapped at any width)
    assert "verhängte den Ausnahme- zustand, um" in shown
    assert "Ausnahme- zustand → state of emergency" in shown
    assert "verfassungsmäßige Ordnung → constitutional order" in shown
    assert " > " not in shown and "\\>" not in shown
    markdown = _article(tmp_path, "--format", "markdown")
    assert "**verfassungsmäßige Ordnung**" in markdown and "\\>" not in markdown
    # the JSON keeps the text as given (offsets into it), terms and all
    pairs = json.loads(_article(tmp_path, "--format", "json"))["pairs"]
    terms = {t["id"]: t for p in pairs for t in p["terms"]}
    assert terms["ausnahmezustand"]["text"] == "Ausnahme-\n> zustand"
    for p in pairs:
        assert all(p["de"][t["start"] : t["end"]] == t["text"] for t in p["terms"])


def test_the_terms_table_shows_a_term_as_read(tmp_path: Path) -> None:
    src = tmp_path / "mail.txt"
    src.write_text(MAIL, encoding="utf-8")
    r = CliRunner().invoke(cli, ["terms", str(src)])
    assert r.exit_code == 0
    table = r.output.split("\n\n", 1)[1]
    assert "verfassungsmäßige Ordnung" in table and ">" not in table


_LINE = st.text(st.sampled_from("abc Ä>-\t"), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "> ", "> > ", ">", " >"]), _LINE), max_size=6))
def test_quoted_text_keeps_every_span_an_offset_of_the_input(lines) -> None:  # type: ignore[no-untyped-def]
    """Whatever the marks, every segment and term is a span of the text as given."""
    text = "\n".join(mark + line for mark, line in lines) + "\nDie OVKS-\n> Truppen."
    glossary = load_glossary(["news", "kazakhstan-2022"])
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
    for m in find_terms(text, glossary):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "closing",
    ["Viele Grüße\n\nAnna", "Mit freundlichen Grüßen\n\nAnna Schmidt", "MfG\n\nAnna", "Gruß\n\nA."],
)
def test_a_closing_formula_and_its_name_are_no_headings(closing: str) -> None:
    """A tester's: `article` typed a mail's "Viele Grüße" as a heading (and the name under
    it); a one-line paragraph without punctuation is a heading, but not these."""
    text = f"Lieber Peter,\n\ndie OVKS hat Truppen nach Kasachstan geschickt.\n\n{closing}\n"
    whole = [s.block for s in document_from_text(text).sentences]
    assert whole == ["paragraph"] * 4
    streamed = stream_document(
        iter_pieces(io.BytesIO(text.encode())), glossary=load_glossary([]), translate=False
    )
    assert [p.block for p in streamed.pairs] == whole
    # streamed in small pieces, the name under the formula is read alike (the review's)
    small = stream_document(
        iter_pieces(io.BytesIO(text.encode()), 40), glossary=load_glossary([]), translate=False
    )
    assert [p.block for p in small.pairs] == whole
    # a heading after a sentence that ends like a formula stays one (the review's)
    thanks = "Die Lage war ernst. Vielen Dank!\n\nWirtschaft\n\nDie Preise stiegen.\n"
    assert [s.block for s in document_from_text(thanks).sentences][2] == "heading"
    # a heading still is one: a short line above a paragraph, a greeting as a headline
    news = "Grüße aus Moskau\n\nDie OVKS hat Truppen nach Kasachstan geschickt.\n"
    assert [s.block for s in document_from_text(news).sentences] == ["title", "paragraph"]


def test_every_quoted_sentence_starts_after_the_marks_whole_or_streamed() -> None:
    """The review's: a sentence that started after a soft line break kept its "> ", and
    a stream's piece cut at that line started it two characters later than the whole
    text; and a stream cut pieces only at blank lines, not at quoted ones (">"). GSD's
    news runs (CC BY-SA 4.0), wrapped at 60 columns and quoted."""
    import sys
    import textwrap

    sys.path.insert(0, str(Path(__file__).parent))
    from test_segment_gold import _runs

    runs = [" ".join(sentences) for sentences in _runs("news")][:40]
    quoted = "\n>\n".join(
        "\n".join("> " + line for line in textwrap.fill(run, 60).splitlines()) for run in runs
    )
    whole = [(s.start, s.end) for s in split_sentences(quoted)]
    assert not any(quoted[s] == ">" for s, _e in whole)
    for size in (1000, 2000):  # (a window shorter than a sentence is cut inside it)
        pieces = iter_pieces(io.BytesIO(quoted.encode("utf-8")), size)
        streamed = [(p.start + s.start, p.start + s.end) for p in pieces for s in p.sentences()]
        assert streamed == whole, size


def test_a_byline_a_list_item_and_a_wire_slug_are_no_headings() -> None:
    """A desk tester's 60 wire texts: each byline ("Von Anna Groß, dpa") was a heading
    ("## Von …" in Markdown), the slug the title, a one-line list item a heading."""
    text = (
        "EIL +++ Explosion in Moskau +++\n\nUnruhen in Kasachstan\n\nVon Anna Groß, dpa\n\n"
        "ALMATY (dpa) – Die OVKS schickt Truppen.\n\n• Polizisten im Einsatz\n"
    )
    whole = [s.block for s in document_from_text(text).sentences]
    assert whole == ["paragraph", "heading", "paragraph", "paragraph", "paragraph"]
    streamed = stream_document(
        iter_pieces(io.BytesIO(text.encode())), glossary=load_glossary([]), translate=False
    )
    assert [p.block for p in streamed.pairs] == whole
