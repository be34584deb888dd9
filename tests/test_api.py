"""The public library API: small, lazy, and every name in it resolves and is documented."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import glossar


def test_all_names_resolve_and_have_docstrings():
    assert sorted(glossar.__all__) == sorted(glossar._EXPORTS)
    for name in glossar.__all__:
        obj = getattr(glossar, name)
        assert inspect.getdoc(obj), f"glossar.{name} has no docstring"


def test_public_functions_are_typed():
    for name in glossar.__all__:
        obj = getattr(glossar, name)
        if inspect.isfunction(obj):
            hints = inspect.get_annotations(obj)
            assert "return" in hints, f"glossar.{name} has no return type"


def test_import_glossar_loads_nothing_heavy():
    code = (
        "import sys, glossar\n"
        "print(sorted(m for m in ('ctranslate2', 'argostranslate', 'sentencepiece', 'lxml',"
        " 'rapidfuzz', 'babel', 'tomli', 'glossar.glossary.load') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_a_wrong_argument_is_named_not_met_deep_inside() -> None:
    """An exploratory tester's calls: None or bytes where text goes raised an
    AttributeError from inside (or, for find_terms, returned []), and a beam of 0 ran."""
    import pytest

    g = glossar.load_glossary()
    calls = {
        "find_terms": lambda: glossar.find_terms(None, g),  # type: ignore[arg-type]
        "split_sentences": lambda: glossar.split_sentences(None),  # type: ignore[arg-type]
        "lookup": lambda: glossar.lookup(g, None),  # type: ignore[arg-type]
        "check_translation": lambda: glossar.check_translation(None, "x", g),  # type: ignore[arg-type]
        "translate_text": lambda: glossar.translate_text(None, glossary=g),  # type: ignore[arg-type]
    }
    for name, call in calls.items():
        with pytest.raises(TypeError, match=r"must be a str \(NoneType given") as raised:
            call()
        argument = str(raised.value).split()[0]  # the message names the argument
        assert argument in inspect.signature(getattr(glossar, name)).parameters, raised.value
    with pytest.raises(TypeError, match="bytes: decode them first"):
        glossar.find_terms(b"Der Kreml.", g)  # type: ignore[arg-type]
    for beam, error in ((0, ValueError), (-3, ValueError), (17, ValueError), ("4", TypeError)):
        with pytest.raises(error, match="beam must be"):
            glossar.translate_text("Der Kreml.", glossary=g, beam=beam)  # type: ignore[arg-type]


def test_one_glossary_path_is_one_layer_not_its_characters() -> None:
    """load_glossary("kazakhstan-2022") read the name as eleven missing files."""
    one = glossar.load_glossary("kazakhstan-2022")
    assert [info.id for info in one.layers] == ["news", "kazakhstan-2022"]


def test_any_integer_is_a_beam_and_bytes_are_no_glossary_path() -> None:
    import pytest

    from glossar.arguments import beam_argument

    class Four:  # an integer type of another library (numpy.int64)
        def __index__(self) -> int:
            return 4

    assert beam_argument(Four()) == 4
    with pytest.raises(TypeError, match="beam must be an int"):
        beam_argument(True)
    with pytest.raises(TypeError, match="bytes given"):
        glossar.load_glossary(b"kazakhstan-2022")  # type: ignore[arg-type]


def test_a_bad_beam_is_refused_when_pieces_are_given_not_later() -> None:
    import pytest

    from glossar.mt import translate_pieces

    with pytest.raises(ValueError, match="beam must be"):
        translate_pieces([], glossary=None, beam=0)


def test_threads_beyond_the_machine_are_refused_before_any_engine_starts() -> None:
    """threads=100000 crashed the process in OpenMP (segfault); -1 leaked a C++ binding
    error. Both are the caller's mistake and say so."""
    import pytest

    from glossar.corpus.work import JobSpec

    with pytest.raises(ValueError, match="threads must be from 0"):
        glossar.translate_text("Der Kreml.", glossary=None, threads=100000)
    with pytest.raises(ValueError, match="threads must be from 0"):
        JobSpec("translate", threads=-1)
    with pytest.raises(TypeError, match="threads must be an int"):
        JobSpec("translate", threads="2")  # type: ignore[arg-type]


def test_one_path_alone_is_one_glossary_file_for_validate_and_jobs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from glossar.corpus.work import JobSpec
    from glossar.glossary.load import validate_paths

    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\nde = "Kreml"\n', encoding="utf-8")
    problems = validate_paths(str(bad))
    assert problems and all(p.startswith(str(bad)) for p in problems)
    assert JobSpec("terms", glossary_paths=str(bad)).glossary_paths == (str(bad),)  # type: ignore[arg-type]


def test_pair_document_takes_no_glossary_and_refuses_a_name_or_a_bad_beam() -> None:
    """glossary=None failed inside recognition, glossary="news" with an AttributeError,
    beam=0 only once a model ran."""
    import pytest

    doc = glossar.document_from_text("Der Kreml schickt Truppen nach Kasachstan.")
    paired = glossar.pair_document(doc, glossary=None, translate=False)
    assert [p.de for p in paired.pairs] == [doc.sentences[0].de]
    assert paired.pairs[0].terms == []
    with pytest.raises(TypeError, match="glossary must be a Glossary.*str given"):
        glossar.pair_document(doc, glossary="news", translate=False)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="beam must be"):
        glossar.pair_document(doc, glossary=None, beam=0)
    with pytest.raises(TypeError, match="glossary must be a Glossary"):
        glossar.translate_text("Der Kreml.", glossary="news")  # type: ignore[arg-type]


def test_a_byte_order_mark_is_no_part_of_a_title_or_the_model_input(copy_model_installed) -> None:  # type: ignore[no-untyped-def]
    """A file read with encoding="utf-8" keeps its BOM: it opened the title and went to
    the model as the first character of the first sentence."""
    doc = glossar.document_from_text("\ufeffUnruhen in Kasachstan\n\nDer Kreml schweigt.")
    assert doc.title == "Unruhen in Kasachstan"
    result = glossar.translate_text("\ufeffDer Kreml schweigt.", glossary=None)
    assert result.segments[0].source == "Der Kreml schweigt."
    assert "\ufeff" not in result.segments[0].target


def test_a_paired_document_renders_as_the_cli_writes_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The library tester: pair_document gave a document and no public way to write it."""
    import pytest
    from click.testing import CliRunner

    from glossar.cli import cli

    paired = glossar.pair_document(
        glossar.load_bundled_article(),
        glossary=glossar.load_glossary("kazakhstan-2022"),
        translate=False,
    )
    out = tmp_path / "a.md"
    result = CliRunner().invoke(cli, ["article", "--no-mt", "--format", "markdown", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert glossar.render_document(paired, "markdown") == out.read_text(encoding="utf-8")
    assert glossar.render_document(paired, "html").lstrip().lower().startswith("<!doctype html")
    with pytest.raises(ValueError, match="fmt must be one of"):
        glossar.render_document(paired, "pdf")


def test_public_type_hints_resolve() -> None:
    """The library tester: typing.get_type_hints(check_translation) and (pair_document)
    raised NameError (Glossary was imported for type checkers only)."""
    import typing

    for name in glossar.__all__:
        obj = getattr(glossar, name)
        if inspect.isfunction(obj):
            typing.get_type_hints(obj)


def test_a_tester_s_wrong_arguments_get_errors_that_say_what_to_pass(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # each gave a bare AttributeError from deep inside (or, for find(None), a result)
    from glossar.errors import BadInputError
    from glossar.terms.recognise import TermRecognizer

    g = glossar.load_glossary()
    with pytest.raises(TypeError, match="glossary must be a Glossary.*NoneType given"):
        glossar.find_terms("Der Ausnahmezustand.", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="glossary must be a Glossary.*str given"):
        glossar.find_terms("Der Ausnahmezustand.", "news")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="glossary must be a Glossary.*str given"):
        glossar.check_translation("Ein Satz.", "A sentence.", "news")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="doc must be an Article.*document_from_text"):
        glossar.pair_document("Ein Satz.", glossary=g)  # type: ignore[arg-type]
    article = glossar.document_from_text("Ein Satz.")
    with pytest.raises(TypeError, match="doc must be a BilingualDocument.*pair_document"):
        glossar.render_document(article, "html")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="fmt must be a format name"):
        glossar.export_glossary(g, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be a str"):
        TermRecognizer(g).find(None)  # type: ignore[arg-type]
    # an empty path named the current folder: ".: is a directory"
    for call in (lambda: glossar.load_glossary(""), lambda: glossar.import_glossary("")):
        with pytest.raises(BadInputError, match="^an empty path names no file$"):
            call()
    # a file that is no glossary at all is a BadInputError, as the docstring now says
    with pytest.raises(BadInputError):
        glossar.import_glossary(tmp_path / "missing.tbx")


def test_a_library_tester_s_wrong_arguments_say_what_to_pass(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Stop 46's library tester: each gave "'NoneType' object is not iterable", "'str'
    object has no attribute 'de'", "'<' not supported …", "(Entry given)" for a
    Glossary, or a bare FileNotFoundError where the CLI says "no such file"."""
    from glossar.corpus import report_from_output, terms_corpus
    from glossar.errors import BadInputError
    from glossar.terms.recognise import TermRecognizer

    g = glossar.load_glossary()
    for call, message in [
        (lambda: glossar.load_glossary(None), "paths must be a path or a sequence of paths"),
        (lambda: glossar.validate_paths(None), "paths must be a path or a sequence of paths"),
        (lambda: glossar.load_glossary_file(None), "path must be a str or os.PathLike path"),
        (lambda: glossar.import_glossary(None), "path_or_text must be a path, or the glossary"),
        (lambda: glossar.export_glossary(None, "tbx"), "must be a Glossary or entries"),
        (lambda: TermRecognizer(None), "glossary must be a Glossary or entries"),
        (lambda: TermRecognizer("news"), "glossary must be a Glossary or entries.*str given"),
        (
            lambda: terms_corpus(tmp_path / "in", tmp_path / "out.jsonl", glossary_paths=g),
            "glossary file paths \\(a Glossary given",
        ),
    ]:
        with pytest.raises(TypeError, match=message):
            call()  # type: ignore[no-untyped-call]
    doc = glossar.pair_document(glossar.document_from_text("Ein Satz."), glossary=g, translate=None)
    with pytest.raises(TypeError, match="width must be an int"):
        glossar.render_document(doc, "terminal", width="80")
    with pytest.raises(ValueError, match="width must be from 1"):
        glossar.render_document(doc, "terminal", width=-5)
    assert "Ein Satz." in glossar.render_document(doc, "terminal", width=None)
    with pytest.raises(BadInputError, match="nope.jsonl: no such file"):
        report_from_output(tmp_path / "nope.jsonl")
