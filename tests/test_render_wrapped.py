"""Wrapped German (a PDF's or an e-mail's lines) shows as people read it: a sentence
wrapped over two lines of the file is one row of the article's columns, and a Windows
line end is no visible ␍ at every line of `terms`. Text: the bundled article's
sentences, wrapped as a column would wrap them."""

from __future__ import annotations

import textwrap
from pathlib import Path

from glossar.text.segment import split_sentences

SEED = Path(__file__).resolve().parent / "data" / "article_de.txt"


def _wrapped_paragraph() -> str:
    lines = [line for line in SEED.read_text("utf-8").splitlines() if len(line) > 300]
    return textwrap.fill(lines[0], 60)


def test_a_wrapped_sentence_is_one_row_of_the_columns() -> None:
    from glossar import document_from_text, load_glossary, pair_document, render_document

    text = _wrapped_paragraph()
    assert any(s.text.count("\n") for s in split_sentences(text))  # wrapped sentences
    doc = pair_document(document_from_text(text), glossary=load_glossary(), translate=False)
    shown = render_document(doc, "terminal", width=120)
    body = shown.split("─" * 120, 1)[1]  # past the head (its notes and legend)
    rows = [line for line in body.splitlines() if line and not line.startswith(("─", "  "))]
    rows = rows[: next(i for i, line in enumerate(rows) if line.startswith("Glossary"))]
    # the German is read as its sentences: its rows, wrapped at the terminal's width,
    # hold the text's words in order, and no line break of the file's own cuts a row
    # (without English there is no column to sit in since stop 45)
    assert len(rows) > 5 and all(len(line) <= 120 for line in rows), rows
    assert " ".join(rows).split() == text.split()
    assert len(rows) < len(text.splitlines())  # its lines joined (120 columns, not 60)


def test_windows_line_ends_show_no_carriage_return(tmp_path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "crlf.txt"
    src.write_bytes("Tokajew verhängte den Ausnahmezustand.\r\nDie OVKS griff ein.\r\n".encode())
    r = glossar_cli("terms", str(src))
    assert r.exit_code == 0, r.stderr
    assert "␍" not in r.stdout and "[Ausnahmezustand]" in r.stdout
