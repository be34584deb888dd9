"""``glossar article`` on a plain text streams every format: pair by pair, and byte for
byte what rendering the whole document gives (real text: the article and UD German PUD)."""

from __future__ import annotations

import dataclasses
import importlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossar.bilingual import document_from_text, pair_document
from glossar.bilingual.stream import stream_document
from glossar.glossary.load import load_glossary
from glossar.text.stream import iter_pieces

DATA = Path(__file__).parent / "data"
FORMATS = ("terminal", "markdown", "html", "tmx", "xliff")


def _pud_text() -> str:
    """UD German PUD's documents as paragraphs, some wrapped line by line."""
    docs: list[list[str]] = []
    for line in (DATA / "pud" / "de_pud-ud-test.conllu").read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id = "):
            docs.append([])
        elif line.startswith("# text = "):
            docs[-1].append(line[len("# text = ") :])
    return "\n\n".join("\n".join(d) if i % 4 == 1 else " ".join(d) for i, d in enumerate(docs))


@pytest.fixture(scope="module")
def text() -> str:
    """The article (title, headings, navigation lines) followed by PUD: ~110k characters."""
    return (DATA / "article_de.txt").read_text(encoding="utf-8") + "\n\n" + _pud_text()


class Shout:
    """A stand-in engine: the MT column is the German upper-cased (enforcement still runs)."""

    name = "shout"

    def translate_batch(self, sentences, beam=4):  # type: ignore[no-untyped-def]
        return [s.upper() for s in sentences]


def _render(fmt: str, doc, **kw) -> str:  # type: ignore[no-untyped-def]
    return importlib.import_module(f"glossar.bilingual.render.{fmt}").render(doc, **kw)


def _streamed(text: str, size: int, engine=None):  # type: ignore[no-untyped-def]
    pieces = iter_pieces(io.BytesIO(text.encode()), size=size)
    return stream_document(
        pieces,
        glossary=load_glossary([]),
        translate=engine is not None,
        engine=engine,
        beam=2,
        source="news.txt",
    )


def _whole(text: str, engine=None):  # type: ignore[no-untyped-def]
    doc = document_from_text(text, source="news.txt")
    return pair_document(
        doc, glossary=load_glossary([]), translate=engine is not None, engine=engine, beam=2
    )


@pytest.fixture(scope="module")
def whole(text: str):  # type: ignore[no-untyped-def]
    return _whole(text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_formats_are_the_whole_documents(fmt: str, text: str, whole) -> None:  # type: ignore[no-untyped-def]
    streamed = _render(fmt, _streamed(text, 3000))
    assert streamed == _render(fmt, whole)
    assert len(whole.pairs) > 1000 and "Ausnahmezustand" in streamed


@pytest.mark.parametrize("width, color", [(80, False), (120, True)])
def test_streamed_terminal_is_the_whole_documents_at_any_width(
    width: int,
    color: bool,
    text: str,
    whole,  # type: ignore[no-untyped-def]
) -> None:
    kw = {"width": width, "color": color}
    assert _render("terminal", _streamed(text, 5000), **kw) == _render("terminal", whole, **kw)


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_formats_with_mt_are_the_whole_documents(fmt: str, text: str) -> None:
    part = text[:30_000]
    assert _render(fmt, _streamed(part, 2000, Shout())) == _render(fmt, _whole(part, Shout()))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("source", ["", "Nur ein Satz ohne Ende", "\n\n  \n"])
def test_tiny_and_empty_texts_stream_as_the_whole_document(fmt: str, source: str) -> None:
    assert _render(fmt, _streamed(source, 100)) == _render(fmt, _whole(source))


@pytest.mark.parametrize("fmt", FORMATS)
def test_renderers_read_at_most_one_pair_ahead(fmt: str, text: str) -> None:
    """Bounded memory: each pair is written before more than the next one is read."""
    doc = _streamed(text[:20_000], 2000)
    read = 0
    pairs = doc.pairs

    def counted() -> Iterator:  # type: ignore[type-arg]
        nonlocal read
        for p in pairs:
            read += 1
            yield p

    doc.pairs = counted()
    renderer = importlib.import_module(f"glossar.bilingual.render.{fmt}")
    ahead = [read - n for n, _piece in enumerate(renderer.render_pieces(doc))]
    assert read > 100 and max(ahead) <= 2


@pytest.mark.parametrize("fmt", ["html", "tmx", "terminal"])
def test_cli_article_streams_a_long_file(
    fmt: str,
    text: str,
    whole,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    glossar_cli,  # type: ignore[no-untyped-def]
) -> None:
    src = tmp_path / "news.txt"
    src.write_text(text, encoding="utf-8")  # more than one 64k piece
    out = tmp_path / f"out.{fmt}"
    r = glossar_cli("article", str(src), "--no-mt", "--format", fmt, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    kw = {"color": False} if fmt == "terminal" else {}
    expected = _render(fmt, dataclasses.replace(whole, source=str(src)), **kw)
    assert out.read_text(encoding="utf-8") == expected
    if fmt == "terminal":
        r = glossar_cli("article", str(src), "--no-mt")
        assert r.stdout == out.read_text(encoding="utf-8")


def test_output_file_is_untouched_when_rendering_fails_half_way(
    text: str,
    tmp_path: Path,
    glossar_cli,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from glossar.bilingual.render import html

    calls = 0
    german = html._german_html

    def failing(p):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls > 500:
            raise OSError("disk gone")
        return german(p)

    monkeypatch.setattr(html, "_german_html", failing)
    src = tmp_path / "news.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "page.html"
    out.write_text("the old page", encoding="utf-8")
    r = glossar_cli("article", str(src), "--no-mt", "--format", "html", "-o", str(out))
    assert r.exit_code != 0 and calls > 500
    assert out.read_text(encoding="utf-8") == "the old page"
    assert {p.name for p in tmp_path.iterdir()} == {"news.txt", "page.html"}  # no temp left


def test_cli_article_with_an_installed_model_streams_the_whole_documents_page(
    copy_model_installed,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    glossar_cli,  # type: ignore[no-untyped-def]
) -> None:
    from glossar.glossary.load import load_glossary as load

    text = (DATA / "article_de.txt").read_text(encoding="utf-8")[:300]
    src = tmp_path / "news.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "page.html"
    r = glossar_cli("article", str(src), "--format", "html", "--beam", "1", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    doc = document_from_text(text, source=str(src))
    whole = pair_document(doc, glossary=load([]), translate=True, beam=1)
    page = out.read_text(encoding="utf-8")
    assert page == _render("html", whole) and "translate-de_en-copy" in page


def test_article_reports_the_models_progress_over_the_stream(
    copy_model_installed,  # type: ignore[no-untyped-def]
) -> None:
    """`article` on a long file with a model ran for minutes with no sign of life;
    ``progress(done, total)`` now counts the sentences translated, piece after piece,
    to every sentence of the text."""
    text = (DATA / "article_de.txt").read_text(encoding="utf-8")
    calls: list[tuple[int, int]] = []
    pieces = iter_pieces(io.BytesIO(text.encode()), size=600)
    doc = stream_document(
        pieces,
        glossary=load_glossary([]),
        translate=True,
        beam=1,
        progress=lambda done, total: calls.append((done, total)),
    )
    pairs = list(doc.pairs)
    assert len(calls) > 3 and calls[-1] == (len(pairs), len(pairs))
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in zip(calls, calls[1:], strict=False))
    assert all(done <= total for done, total in calls)


def test_the_progress_line_is_for_a_terminal_only(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import sys

    from glossar.cli.options import progress_line

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    with progress_line("{done}/{total}", "out.html") as show:
        assert show is None  # a log file gets no \r lines
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with progress_line("{done}/{total}", None) as show:
        assert show is None  # the output itself streams on the terminal
    # -o - (stdout, a terminal here) and a device such as /dev/stdout or /dev/null
    for device in ("-", "/dev/null"):
        with progress_line("{done}/{total}", device) as show:
            assert show is None
    with progress_line("Translating: {done}/{total} sentences", "out.html") as show:
        assert show is not None
        show(1, 3)  # a short text: no progress
        show(4, 9)  # the totals of a stream grow as it is read
        show(9, 9)
        show(12, 20)
    assert capsys.readouterr().err == (
        "\rTranslating: 4/9 sentences\rTranslating: 9/9 sentences\rTranslating: 12/20 sentences\n"
    )


def test_the_progress_of_a_file_counts_all_its_sentences_from_the_start(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, tmp_path: Path
) -> None:
    """A stream's total grew piece by piece ("…/1505", then "…/1760"): a file is counted
    first, so the line says how far the whole text is; it ends before other messages."""
    import sys

    from glossar.cli.options import progress_line

    text = (DATA / "article_de.txt").read_text(encoding="utf-8")
    src = tmp_path / "news.txt"
    src.write_text(text, encoding="utf-8")
    total = len(document_from_text(text).sentences)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with progress_line("{done}/{total}", str(tmp_path / "out.txt"), str(src)) as show:
        assert show is not None and show.total is None  # counted when the model reports
        show(3, 10)  # a piece's own count
        assert show.total == total
        show.end()
        show.end()  # once
    assert capsys.readouterr().err == f"\r3/{total}\n"
    # a named pipe is read once: not counted (opening it again waited forever)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with progress_line(
        "{done}/{total}", str(tmp_path / "out.txt"), str(fifo), "{done} ({total} so far)"
    ) as show:
        assert show is not None
        show(3, 10)
        assert show.total is None
    # its total grows as it is read: the line says so (1031/1031 looked finished)
    assert capsys.readouterr().err == "\r3 (10 so far)\n"
