"""Pieces of a streamed input give exactly what the whole text gives (terms, segments)."""

from __future__ import annotations

import io
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossar.errors import BadInputError
from glossar.glossary.load import load_glossary
from glossar.terms.recognise import find_terms
from glossar.text.segment import split_sentences
from glossar.text.stream import iter_pieces, open_text

DATA = Path(__file__).parent / "data"


def _pud_documents() -> list[list[str]]:
    lines = (DATA / "pud" / "de_pud-ud-test.conllu").read_text(encoding="utf-8").splitlines()
    paragraphs: list[list[str]] = []
    for line in lines:
        if line.startswith("# newdoc id = "):
            paragraphs.append([])
        elif line.startswith("# text = "):
            paragraphs[-1].append(line[len("# text = ") :])
    return paragraphs


def _pud_text() -> str:
    # some documents as one long line, some wrapped, blank lines between documents
    paragraphs = _pud_documents()
    return "\n\n".join(" ".join(p) if i % 3 else "\n".join(p) for i, p in enumerate(paragraphs))


@pytest.fixture(scope="module")
def text() -> str:
    article = (DATA / "article_de.txt").read_text(encoding="utf-8")
    return article + "\n\n\n" + _pud_text() + "\n" + article.replace("\n\n", " ")


def _pieces(text: str, size: int):  # type: ignore[no-untyped-def]
    # at most one piece per character (a cut that consumes nothing would loop forever)
    return list(islice(iter_pieces(io.BytesIO(text.encode()), size=size), len(text) + 1))


def _assert_pieces_rebuild(text: str, size: int) -> None:
    pieces = _pieces(text, size)
    assert "".join(p.text for p in pieces) == text
    assert all(len(p.text) <= 2 * size for p in pieces[:-1])
    streamed = [
        (p.start + s.start, p.start + s.end, s.paragraph) for p in pieces for s in p.sentences()
    ]
    whole = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    assert streamed == whole


@pytest.mark.parametrize("block", [1 << 18, 31, 5])
@pytest.mark.parametrize("size", [300, 2000])
def test_pieces_rebuild_the_text_and_its_segments(
    text: str, size: int, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also read a few bytes at a time: a piece is cut only when the segmenter's look
    ahead past its window is in the buffer (``_AHEAD``), wherever a read ends."""
    from glossar.text import segment, stream

    assert stream._AHEAD > segment._LOOK
    monkeypatch.setattr(stream, "_BLOCK", block)
    _assert_pieces_rebuild(text[:60_000] if block < 100 else text, size)


@pytest.mark.parametrize("width", [38, 72])
def test_pieces_of_wrapped_text_read_its_line_breaks_as_the_whole_text(width: int) -> None:
    """Text wrapped at a width with no blank line (a PDF's or an e-mail's paragraphs):
    a piece cut at a sentence end inside a paragraph reads its first and last line
    breaks with the lines beyond the cut, whose widths say whether a break is a wrapped
    line or a line's end (without them 2–54 of 1,052 PUD segments differed)."""
    import textwrap

    text = "\n".join(textwrap.fill(" ".join(doc), width) for doc in _pud_documents()[:400])
    pieces = _pieces(text, 700)
    assert any("\n" in p.text.strip() and p.before.strip() for p in pieces)
    _assert_pieces_rebuild(text, 700)


@pytest.mark.parametrize(
    "text",
    [
        "\n" * 5000 + "Ein Satz.",
        "Ein Satz. " * 300 + "\n" * 5000 + "Hallo.",
        " " * 1500 + "\n" + " " * 1500 + "\nZwei Sätze. Noch einer.",
        "Erster Absatz.\n" + " \t" * 2000 + "\n" + " " * 3000 + "Zweiter Absatz.",
        "Erster Absatz.\n" + " " * 3000 + "\u2003\n" + "Kein neuer Absatz.",
        "Ein Satz." + "\n \n" * 2000 + "Noch ein Absatz.\n\n" + " " * 5000,
        " " * 5000,
    ],
)
def test_long_white_space_is_cut_and_keeps_paragraphs(text: str) -> None:
    """White space longer than a window (a PDF dump's empty pages): the pieces end, hold
    it whole, and the paragraphs after it are numbered as in the whole text (cutting
    there looped forever)."""
    _assert_pieces_rebuild(text, 300)


def test_pieces_give_the_terms_of_the_whole_text(text: str) -> None:
    glossary = load_glossary([])
    whole = [(m.start, m.end, m.id) for m in find_terms(text, glossary)]
    streamed = [
        (p.start + m.start, p.start + m.end, m.id)
        for p in _pieces(text, 1000)
        for m in find_terms(p.text, glossary)
    ]
    assert streamed == whole and len(whole) > 100


def test_bad_utf8_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Gut.\n" * 300_000 + b"\xff")
    with pytest.raises(BadInputError, match=r"not UTF-8 text \(byte 1500000"), open_text(bad):
        pass


def test_a_piece_size_under_one_is_refused() -> None:
    """size=0 yielded empty pieces forever (the tester's)."""
    for size in (0, -5):
        with pytest.raises(ValueError, match="at least 1"):
            next(iter_pieces(io.BytesIO(b"Ein Satz."), size=size))


def test_bom_is_dropped() -> None:
    pieces = list(iter_pieces(io.BytesIO("\ufeffDer Text.".encode())))
    assert pieces[0].text == "Der Text."


def test_article_json_of_a_long_text_is_the_whole_documents(
    text: str,
    tmp_path: Path,
    glossar_cli,  # type: ignore[no-untyped-def]
) -> None:
    import json

    from glossar.bilingual import document_from_file, pair_document

    src = tmp_path / "news.txt"
    src.write_text(text, encoding="utf-8")  # ~140k characters: more than one piece
    whole = pair_document(document_from_file(src), glossary=load_glossary([]), translate=False)
    out = tmp_path / "out.json"
    r = glossar_cli("article", str(src), "--no-mt", "--format", "json", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == whole.to_dict()
    r = glossar_cli("terms", "--json", str(src))
    assert [(t["start"], t["end"]) for t in json.loads(r.stdout)["terms"]] == [
        (m.start, m.end) for m in find_terms(text, load_glossary([]))
    ]


@pytest.mark.parametrize(
    "head, items, tail",
    [
        ({}, [], None),
        ({}, [{"start": 1, "text": '"x"\n\u2028é', "sure": True, "n": None, "f": False}], None),
        ({"engine": "argos", "model": {"name": "m"}}, [{"terms": [{"id": 1}]}, {}], None),
        ({"title": None}, [{"x": 1.5, "l": []}], {"glossary": [{"id": "a"}], "meta": {}}),
    ],
)
def test_streamed_json_is_what_json_dumps_prints(head, items, tail) -> None:  # type: ignore[no-untyped-def]
    import json

    from glossar.cli.jsonstream import echo_json_stream

    out: list[str] = []
    echo_json_stream(head, "list", iter(items), tail, write=out.append)
    whole = {**head, "list": items, **(tail or {})}
    assert "".join(out) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


#: What JSON output holds: nested dicts and lists of strings (any character), integers,
#: floats (NaN and the infinities too), booleans and None; tuples are written as lists.
_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.sampled_from([float("nan"), float("inf"), float("-inf"), -0.0, 1e300])
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(_JSON_VALUES, st.sampled_from([0, 2, 4]))
def test_nested_items_are_rendered_as_json_dumps_renders_them(value: object, indent: int) -> None:
    # article pairs (terms and checks: lists of dicts) no longer go through json.dumps's
    # pure-Python indenting encoder; the bytes must stay the same
    import json

    from glossar.cli.jsonstream import _dump

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * indent)
    assert _dump(value, indent) == expected


def test_terms_json_rendered_per_entry_is_what_the_dicts_print(text: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`terms --json` renders each entry's part once; the bytes are still json.dumps's
    for every term of real text (sure and unsure hits, three layered glossaries)."""
    from glossar.cli.jsonstream import render_item
    from glossar.cli.terms import _term_dicts, _term_json
    from glossar.terms.recognise import recognizer_for

    unsure = tmp_path / "unsure.toml"
    unsure.write_text(
        '[glossary]\nid = "unsure"\n\n[[entry]]\nid = "jahr"\nde = "Jahr"\ngender = "n"\n'
        'en = "year"\nsenses = ["year", "vintage \\"x\\""]\n',
        encoding="utf-8",
    )
    rec = recognizer_for(load_glossary(["kazakhstan-2022", str(unsure)]))
    rendered = list(_term_json(rec, _pieces(text, 4096)))
    expected = [render_item(d) for d in _term_dicts(rec, _pieces(text, 4096))]
    assert len(rendered) > 500 and rendered == expected
    assert any('"sure": false' in r for r in rendered)
    assert any('"apart": {' in r for r in rendered)  # a split verb's particle (stop 47)


def test_terms_json_output_is_json_dumps_byte_for_byte(glossar_cli, text: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    src = tmp_path / "news.txt"
    src.write_text(text, encoding="utf-8")
    r = glossar_cli("terms", "--json", str(src))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == json.dumps(json.loads(r.stdout), ensure_ascii=False, indent=2) + "\n"


_SPACE = st.lists(
    st.sampled_from(
        [" ", "\t", "\n", "\u00a0", "\u2003", "\r", " " * 60, "\n" * 30, " \t" * 40]
        + ["\t" * 70, "\u00a0" * 70, "\r\n\r\n", "\u2003" * 70]
    ),
    min_size=1,
    max_size=12,
).map("".join)
#: Sentences shorter than the window: a longer one is cut at a space (rule 3), where
#: the whole text's segmenter cuts only past ``MAX_SEGMENT``.
_WORDS = st.sampled_from(["Ein Satz.", "Noch einer!", "Dr. Müller kam.", "Am 11.11. um elf?"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SPACE), min_size=1, max_size=12), _SPACE)
def test_any_white_space_between_text_is_cut_as_the_whole_text_reads_it(
    parts: list[tuple[str, str]], lead: str
) -> None:
    """Runs of white space of every kind and length, small windows: every cut, also
    inside white space, keeps the text, its sentences and their paragraph numbers."""
    text = lead + "".join(words + space for words, space in parts)
    _assert_pieces_rebuild(text, 40)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        # a quotation of several sentences whose closing mark lies past the window
        ("Es regnet. " * 34 + "Er sagte: „Ja. Wir machen weiter und immer weiter und weiter "
         "und weiter mit allem hier.“ Dann ging er." + " Gut." * 60, 100),
        # a sentence end followed by more tabs than the old look ahead reached
        ("Es regnet. " * 3 + "Dr. Müller kam." + "\t" * 100 + "Noch einer.", 40),
        # a list mark after a heading line (the line before it does not count)
        ("Es regnet. " * 4 + "Die Punkte\n4. Die Auffassung ist klar." + " Gut." * 30, 40),
    ],
)  # fmt: skip
def test_cuts_near_quotations_white_space_and_headings(text: str, size: int) -> None:
    """Found by an independent review's fuzzer: each was cut where the whole text does not
    end a sentence."""
    _assert_pieces_rebuild(text, size)


def test_a_sentence_ending_right_at_the_window_end_is_found() -> None:
    from glossar.text.segment import last_sentence_end

    assert last_sentence_end("Ein Satz. Zwei.", 0, 9) == 9
    assert last_sentence_end("Ein Satz. Zwei.", 0, 8) == -1


def test_a_window_without_plain_spaces_is_cut_between_words() -> None:
    """One long sentence with only CR and em spaces between words (longer than the
    window, so it is cut somewhere): between words, never inside one (a term there would
    be lost)."""
    text = "Wort\r\u2003" * 40 + "Ende."
    pieces = _pieces(text, 40)
    assert "".join(p.text for p in pieces) == text and len(pieces) > 1
    for p in pieces[1:]:
        assert text[p.start - 1].isspace() or text[p.start].isspace()


def test_a_text_without_white_space_is_cut_between_words() -> None:
    """A tester's 500 KB "OVKS-OVKS-…" lost the terms at each cut inside a word."""
    from glossar.terms.recognise import recognizer_for

    rec = recognizer_for(load_glossary([]))
    text = "-".join(["OVKS"] * 6000)
    pieces = _pieces(text, 4096)
    assert len(pieces) > 2 and "".join(p.text for p in pieces) == text
    assert all(p.text.startswith("OVKS") and not p.text[-1].isalnum() for p in pieces[:-1])
    assert sum(len(rec.find(p.text)) for p in pieces) == 6000
    # a 5K-letter word has nothing to cut between: cut where the window ends, as before
    assert "".join(p.text for p in _pieces("a" * 20_000, 4096)) == "a" * 20_000


_LAYOUT_LINES = [
    "1. die Steuern,",
    "a) höhere Löhne",
    "– Die Innenministerin sei gefordert.",
    "Foto: APA/Herbert Neubauer",
    "Schiedsrichter: Harald Lechner",
    "Rapid Wien 20 12 5 3 40:22 41",
    "Maria Schmidt",
    "Russland schickt Truppen",
    "dpa",
    "o Mehr Geld",
    "",
    "x" * 170,
]


def _layout(seed: int) -> str:
    """PUD's sentences wrapped at news widths (26 to 200 columns), between the lines a
    page has (items, labels, rows, bylines, headlines, credits, blank and long lines),
    with LF, CRLF or a space before the line break (the second review's fuzzer)."""
    import random
    import textwrap

    sentences = [s for doc in _pud_documents() for s in doc]
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(map(len, parts)) < 8000:
        if rng.random() < 0.6:
            run = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 8)))
            width = rng.choice([26, 30, 34, 38, 50, 72, 100, 160, 161, 200])
            part = textwrap.fill(run, width, break_long_words=False, break_on_hyphens=False)
        else:
            part = rng.choice(_LAYOUT_LINES)
        parts.append(part + rng.choice(["\n", "\n", "\n", "\n\n", " \n", "\r\n"]))
    return "".join(parts)


@pytest.mark.parametrize("seed", range(24))
def test_pieces_of_any_layout_give_the_whole_texts_segments(seed: int) -> None:
    """Wherever a piece is cut, its segments are the whole text's, unless a segment is
    longer than a piece (rule 3). Pins how far the lines around a cut are read: with one
    line fewer before a piece (or after it), seeds here differ."""
    import random

    text = _layout(seed)
    whole = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    longest = max(e - s for s, e, _ in whole)
    for size in random.Random(seed).sample(range(300, 1200), 3):
        if size < longest:
            continue
        pieces = _pieces(text, size)
        streamed = [
            (p.start + s.start, p.start + s.end, s.paragraph) for p in pieces for s in p.sentences()
        ]
        assert streamed == whole, (seed, size)
