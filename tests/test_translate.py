"""`glossar translate` and `glossar.mt.translate_text` on real tiny CTranslate2 models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossar.errors import NoModelError
from glossar.mt import translate_sentences, translate_text
from glossar.mt.engine import get_engine, length_groups, max_decoding_length
from glossar.text.segment import split_sentences

SENTENCE = "Regierungschef Tokajew verhängte den Ausnahmezustand."


def test_no_model_exit_3_names_both_ways(argos_home: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("translate", SENTENCE)
    assert r.exit_code == 3
    assert r.stdout == ""
    line = r.stderr.strip()
    assert "\n" not in line
    assert "glossar model install`" in line and "glossar model install FILE.argosmodel" in line


def test_a_broken_glossary_is_named_before_the_missing_model(
    argos_home: Path, glossar_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A tester (stop 45): with no model, a malformed --glossary went unnoticed until
    a model was installed."""
    bad = tmp_path / "mine.toml"
    bad.write_text('[glossary]\nid = "mine"\n\n[[entry]]\nid = "x"\nde = "X"\ngender = "m"\n')
    r = glossar_cli("translate", SENTENCE, "--glossary", str(bad))
    assert r.exit_code == 4
    assert f"{bad}:" in r.stderr and "en: required field is missing" in r.stderr


def test_no_model_library_raises(argos_home: Path) -> None:
    with pytest.raises(NoModelError):
        translate_text(SENTENCE, glossary=None)


def test_random_model_end_to_end_json(  # type: ignore[no-untyped-def]
    installed_tiny_model, article_text: str, glossar_cli, tmp_path: Path
) -> None:
    """The real pipeline on a random-weight model: plumbing, contract shape, paragraphs."""
    src = tmp_path / "article.txt"
    src.write_text(article_text, encoding="utf-8")
    r = glossar_cli("translate", "--file", str(src), "--json", "--beam", "1")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"engine", "model", "segments"}
    assert data["engine"] == "argos"
    assert data["model"] == {
        "name": "translate-de_en-tiny",
        "version": "1.0",
        "path": installed_tiny_model.path,
    }
    sources = [s.text for s in split_sentences(article_text)]
    assert [s["source"] for s in data["segments"]] == sources
    # "numbers" only where the model lost one (the random model loses them all)
    assert all(set(s) - {"numbers"} == {"source", "target", "terms"} for s in data["segments"])
    lost = [n for s in data["segments"] for n in s.get("numbers", []) if n["de"]]
    assert lost and all(
        n["de"] in s["source"] for s in data["segments"] for n in s.get("numbers", []) if n["de"]
    )
    assert all(s["target"] for s in data["segments"])
    terms = [t for s in data["segments"] for t in s["terms"]]
    assert terms and all(set(t) == {"id", "de", "en", "found", "method"} for t in terms)
    # a random model writes no glossary English: every found term says glossar put it
    # there, but for a name it may copy from the German (Ausseur)
    by_model = [
        t for s in data["segments"] for t in s["terms"]
        if t["found"] and t["method"] == "model" and t["en"] not in s["source"]
    ]  # fmt: skip
    assert by_model == []
    # enforcement delivers the glossary's English even through random output
    assert all(t["found"] for t in terms)


def test_paragraph_breaks_survive(installed_tiny_model) -> None:  # type: ignore[no-untyped-def]
    text = "Erste Zeile\nZweite Zeile.\n\nNeuer Absatz. Noch ein Satz."
    result = translate_text(text, glossary=None, beam=1)
    assert [s.paragraph for s in result.segments] == [0, 0, 1, 1]
    parts = result.text.split("\n\n")
    assert len(parts) == 2 and parts[0].count("\n") == 1 and "\n" not in parts[1]


def test_human_output_labels_machine_translation(copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("translate", SENTENCE)
    assert r.exit_code == 0, r.stderr
    # stdout is the English alone; the label and the term list are on stderr
    assert r.stdout == "Head of government Tokayev verhängte den state of emergency.\n"
    assert "Machine translation (translate-de_en-copy 1.0, beam 4)." in r.stderr
    # the copy model left German: the English terms are glossar's, and the list says so
    assert "✓ aligned Ausnahmezustand → state of emergency" in r.stderr
    assert "glossary enforcement put it into the machine translation" in r.stderr
    assert "Machine translation" not in r.stdout


def test_translation_redirected_to_a_file_checks_segment_for_segment(  # type: ignore[no-untyped-def]
    copy_model_installed, article_text: str, glossar_cli, tmp_path: Path
) -> None:
    """`glossar translate --file a.txt > b.txt; glossar check a.txt b.txt` lines up."""
    source = tmp_path / "a.txt"
    source.write_text(article_text, encoding="utf-8")
    r = glossar_cli("translate", "--file", str(source), "--beam", "1")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith("Machine translation (translate-de_en-copy")
    target = tmp_path / "b.txt"
    target.write_text(r.stdout, encoding="utf-8")  # what `> b.txt` writes

    checked = glossar_cli("check", "--json", str(source), str(target))
    problems = json.loads(checked.stdout)["problems"]
    assert [p for p in problems if p["kind"] == "count"] == []
    # the copy model leaves German: check says so, segment by segment
    assert {p["kind"] for p in problems} <= {"untranslated", "term", "number"}
    assert article_text.strip().count("\n\n") == r.stdout.strip().count("\n\n")
    assert article_text.strip().count("\n") == r.stdout.strip().count("\n")


def test_no_glossary_leaves_the_model_output(copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("translate", SENTENCE, "--no-glossary", "--json")
    data = json.loads(r.stdout)
    assert data["segments"] == [{"source": SENTENCE, "target": SENTENCE, "terms": []}]


def test_stdin_and_dash(copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("translate", "--file", "-", "--json", input=SENTENCE.encode())
    assert json.loads(r.stdout)["segments"][0]["source"] == SENTENCE
    r = glossar_cli("translate", "--json", input=SENTENCE.encode())
    assert json.loads(r.stdout)["segments"][0]["source"] == SENTENCE
    # `translate -`, as every other verb reads it (a tester's translated a literal "-")
    r = glossar_cli("translate", "-", "--json", input=SENTENCE.encode())
    assert json.loads(r.stdout)["segments"][0]["source"] == SENTENCE


def test_undecodable_input_exit_4(copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("translate", "--file", "-", input=b"\xff\xfe Ausnahmezustand \xff")
    assert r.exit_code == 4


def test_a_text_argument_that_is_not_utf8_is_refused(copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """A tester: `translate $'… \\xff'` (bytes that are not UTF-8 arrive as a lone
    surrogate) ended in "internal error (RuntimeError: Unable to cast …)" from the
    tokenizer; stdin and --file were refused cleanly."""
    r = glossar_cli("translate", "Der Ausnahmezustand \udcff")
    assert r.exit_code == 4
    assert r.stderr == "glossar: TEXT: not UTF-8 text (byte 20: b'\\xff')\n"


def test_user_glossary_changes_the_english(
    copy_model_installed, glossar_cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    user = tmp_path / "user.toml"
    user.write_text(
        '[glossary]\nid = "mine"\ntitle = "Mine"\nversion = "1"\n\n'
        '[[entry]]\nid = "ausnahmezustand"\nde = "Ausnahmezustand"\nen = "emergency rule"\n'
        'gender = "m"\n',
        encoding="utf-8",
    )
    r = glossar_cli("translate", SENTENCE, "--glossary", str(user), "--json")
    assert r.exit_code == 0, r.stderr
    seg = json.loads(r.stdout)["segments"][0]
    assert "emergency rule" in seg["target"]
    (term,) = [t for t in seg["terms"] if t["id"] == "ausnahmezustand"]
    assert term["en"] == "emergency rule" and term["found"]
    assert term["method"] != "model"  # the copy model wrote German: glossar put it there


def test_translator_is_loaded_once_and_reused(installed_tiny_model) -> None:  # type: ignore[no-untyped-def]
    engine = get_engine(installed_tiny_model)
    assert engine._translator is None  # lazy
    translate_sentences(["Ein Satz."], glossary=None, beam=1)
    first = engine._translator
    assert first is not None
    translate_sentences(["Noch ein Satz."], glossary=None, beam=1)
    assert get_engine(installed_tiny_model)._translator is first


def test_greedy_and_beam_both_decode(installed_tiny_model) -> None:  # type: ignore[no-untyped-def]
    _, greedy = translate_sentences([SENTENCE], glossary=None, beam=1)
    _, beam = translate_sentences([SENTENCE], glossary=None, beam=4)
    assert greedy[0].target and beam[0].target


def test_target_prefix_from_metadata_is_stripped(argos_home: Path, tmp_path: Path) -> None:
    from argos_models import build_copy_package

    from glossar.mt.package_install import install_package

    pkg = build_copy_package(tmp_path / "p.argosmodel", metadata={"target_prefix": "▁Die"})
    model = install_package(pkg)
    assert model.target_prefix == "▁Die"
    _, out = translate_sentences(["Die Situation eskaliert."], glossary=None, beam=1)
    # the prefix token is forced as the first output token and removed afterwards:
    # the copy model continues from position 1 of the source
    assert out[0].target == "Situation eskaliert."


def test_length_groups_sorted_and_bounded() -> None:
    lengths = [5, 40, 12, 39, 6, 41, 13]
    groups = length_groups(lengths, size=3)
    assert groups == [[5, 1, 3], [6, 2, 4], [0]]
    assert sorted(i for g in groups for i in g) == list(range(7))
    assert max_decoding_length(40) == 70


def test_streamed_pieces_translate_like_the_whole_text(copy_model_installed) -> None:  # type: ignore[no-untyped-def]
    import io

    from glossar.glossary.load import load_glossary
    from glossar.mt import translate_pieces
    from glossar.text.stream import iter_pieces

    text = "Titel\nErste Zeile.\n\nRegierungschef Tokajew verhängte den Ausnahmezustand. " * 30
    glossary = load_glossary([])
    whole = translate_text(text, glossary=glossary, beam=1).segments
    streamed = list(
        translate_pieces(
            iter_pieces(io.BytesIO(text.encode()), size=150), glossary=glossary, beam=1
        )
    )
    key = [(s.source, s.target, s.before, s.paragraph) for s in whole]
    assert [(s.source, s.target, s.before, s.paragraph) for s in streamed] == key


def test_a_lone_surrogate_is_translated_not_a_tokenizer_crash(copy_model_installed) -> None:  # type: ignore[no-untyped-def]
    """A str from surrogateescape ("\\udcfc" for a Latin-1 ü) raised RuntimeError from the
    sentencepiece binding; the model now reads U+FFFD there and the rest is translated."""
    import glossar

    result = glossar.translate_text("Die Situation in \udcfcbersee eskaliert.", glossary=None)
    target = result.segments[0].target
    assert "Situation" in target and "eskaliert" in target


def test_a_file_name_as_text_says_to_give_file(copy_model_installed, glossar_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A tester typed `glossar translate de.txt` (as `terms`, `article` and `check` take
    their FILE) and got the file's name translated, exit 0."""
    src = tmp_path / "de.txt"
    src.write_text(SENTENCE, encoding="utf-8")
    r = glossar_cli("translate", str(src))
    assert r.exit_code == 2 and r.stdout == ""
    assert f"give --file {src}" in r.stderr
    r = glossar_cli("translate", "--file", str(src), "--json")
    assert json.loads(r.stdout)["segments"][0]["source"] == SENTENCE
    # one word that is no file is German text
    r = glossar_cli("translate", "Ausnahmezustand", "--json")
    assert r.exit_code == 0


def test_article_with_a_model_on_wrapped_text(copy_model_installed, glossar_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A wrapped sentence reaches the model as one line: `article` asked its cache of
    terms for that line and ended in "internal error (KeyError …)" (found before the
    stop ended); its terms are enforced on the line the model got."""
    src = tmp_path / "wrapped.txt"
    src.write_text(
        "Tokajew verhängte den\nAusnahmezustand. Der Präsi-\ndent sprach mit der\nOVKS.\n",
        encoding="utf-8",
    )
    r = glossar_cli("article", str(src), "--format", "json")
    assert r.exit_code == 0, r.stderr
    pairs = json.loads(r.stdout)["pairs"]
    assert [p["de"] for p in pairs] == [
        "Tokajew verhängte den\nAusnahmezustand.",
        "Der Präsi-\ndent sprach mit der\nOVKS.",
    ]
    terms = {t["id"]: t for p in pairs for t in p["terms"]}
    assert terms["ausnahmezustand"]["found"] is True
    assert terms["praesident"]["text"] == "Präsi-\ndent" and terms["praesident"]["found"] is True


def test_a_quoted_mail_reaches_the_model_whole(copy_model_installed, glossar_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A reply's quoted text ("> " before each line) was a segment per line, each
    translated alone; its sentences now go to the model whole, without the marks, and a
    quoted blank line (">") is a paragraph break (stop 43)."""
    src = tmp_path / "mail.txt"
    src.write_text(
        "Am 5. Januar schrieb Maria Schmidt:\n"
        "> Tokajew hat in der Nacht den Ausnahmezustand\n"
        "> verhängt und die OVKS um Hilfe gebeten.\n"
        ">\n"
        "> > Die Regierung ist zurückgetreten, meldet\n"
        "> > die Nachrichtenagentur Interfax.\n",
        encoding="utf-8",
    )
    r = glossar_cli("translate", "--file", str(src), "--json")
    assert r.exit_code == 0, r.stderr
    segments = json.loads(r.stdout)["segments"]
    assert [s["source"] for s in segments] == [
        "Am 5. Januar schrieb Maria Schmidt:",
        # (a sentence starts after its line's quote marks: stop 44)
        "Tokajew hat in der Nacht den Ausnahmezustand\n> verhängt und die OVKS um Hilfe gebeten.",
        "Die Regierung ist zurückgetreten, meldet\n> > die Nachrichtenagentur Interfax.",
    ]
    # the copy model gives back what it got: one line, no quote marks
    assert all(">" not in s["target"] and "\n" not in s["target"] for s in segments)
    assert segments[1]["target"].startswith("Tokayev hat in der Nacht den")  # (enforced)
    assert "verhängt und die CSTO um Hilfe" in segments[1]["target"]


@pytest.mark.parametrize("content", ["", "  \n\t \n\n", ">\n> \n>>\n"])
def test_a_file_with_no_text_is_refused_as_article_refuses_it(  # type: ignore[no-untyped-def]
    copy_model_installed, glossar_cli, tmp_path: Path, content: str
) -> None:
    """The tester's: `translate --file` of an empty file exited 0 and replaced an earlier
    -o file with an empty one, where `article` exits 4."""
    src = tmp_path / "empty.txt"
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "en.txt"
    out.write_text("kept\n", encoding="utf-8")
    r = glossar_cli("translate", "--file", str(src), "-o", str(out))
    assert r.exit_code == 4
    assert "no text (the file is empty, white space or quote marks only)" in r.stderr
    assert out.read_text(encoding="utf-8") == "kept\n"


def test_numbers_the_model_lost_are_named(copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """A tester (stop 45): the caption model dropped or garbled the digits of 128 of 129
    sentences with numbers ("5.000 Soldaten" gone), and `translate` said nothing; the
    MT is labelled, but a reader took its quantities on trust. Now each segment's JSON
    names them, and the human output says so in one line. (The copy model keeps "120"
    and leaves "5.000" as German writes it: 5,000 in English.)"""
    text = "Der Preis stieg auf 120 Tenge.\n\nRund 5.000 Soldaten kamen."
    r = glossar_cli("translate", text, "--no-glossary", "--json")
    first, second = json.loads(r.stdout)["segments"]
    assert "numbers" not in first  # the shape stays where nothing was lost
    assert [(n["de"], n["expected"]) for n in second["numbers"]] == [("5.000", "5,000")]
    r = glossar_cli("translate", text, "--no-glossary")
    (line,) = [x for x in r.stderr.splitlines() if "number of the German" in x]
    assert "5.000 (2)" in line and "120" not in line


class _ShortModel:
    """A word-for-word engine that takes at most 12 tokens (words) a sentence, as a real
    model takes at most ``max_tokens``, and cuts the rest."""

    name = "short"
    max_tokens = 12

    def token_count(self, sentence: str) -> int:
        return len(sentence.split())

    def translate_batch(self, sentences, beam=4):  # type: ignore[no-untyped-def]
        return [" ".join(s.split()[: self.max_tokens]).upper() for s in sentences]


def test_a_sentence_longer_than_the_model_takes_is_translated_by_its_clauses() -> None:
    """A tester (stop 45): a PDF paragraph without full stops reached the model as one
    sentence, which it cut: its rest was never translated. Now every word is."""
    from glossar.mt.translation import model_sized

    sentence = (
        "Die Regierung hat am Montag in der Hauptstadt den Ausnahmezustand verhängt, "
        "nachdem tausende Menschen gegen die hohen Preise für Gas protestiert hatten, "
        "und sie hat das Militär um Hilfe gebeten – so berichtet es die Agentur"
    )
    engine = _ShortModel()
    parts = model_sized(sentence, engine)
    assert len(parts) > 1 and all(engine.token_count(p) <= 12 for p in parts)
    assert " ".join(parts).split() == sentence.split()
    _, (segment,) = translate_sentences([sentence], glossary=None, engine=engine)
    assert segment.target.split() == sentence.upper().split()
    assert model_sized("Ein kurzer Satz.", engine) == ["Ein kurzer Satz."]


def test_a_sentences_checks_are_enforcements_own() -> None:
    """The reread's: parting sentences merged the checks of one entry by its id, so
    OVKS's "CSTO" and its long name's English became one check."""
    from test_enforce import WordEngine

    from glossar.glossary.load import load_glossary
    from glossar.mt.enforce import enforce

    sentence = "Die OVKS, die Organisation des Vertrags über kollektive Sicherheit, griff ein."
    glossary = load_glossary()
    [(target, checks)] = enforce(WordEngine(), [sentence], glossary=glossary, beam=1)
    _, (segment,) = translate_sentences([sentence], glossary=glossary, engine=WordEngine())
    assert (segment.target, segment.terms) == (target, checks)
    assert [c.en for c in checks if c.id == "ovks"] == [
        "CSTO",
        "Collective Security Treaty Organization",
    ]


def test_decomposed_text_reaches_the_model_composed(copy_model_installed) -> None:  # type: ignore[no-untyped-def]
    """A tester's NFD "Der Präsident …" (macOS) came out "These presidents …" where the
    composed text gave "This president …": the model learnt "ä", and the plural rule
    misread the combining mark. The model reads NFC without soft hyphens; the source
    stays as given."""
    import unicodedata

    composed = "Der Präsident verhängte den Ausnahme\u00adzustand."
    decomposed = unicodedata.normalize("NFD", composed)
    (segment,) = translate_text(decomposed, glossary=None).segments
    assert segment.source == decomposed
    assert segment.target == "Der Präsident verhängte den Ausnahmezustand."  # the copy model


def test_a_list_items_mark_is_kept_once(copy_model_installed, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """The model dropped every one of a desk tester's 175 list marks; the mark now stays
    out of the model and goes before the English (once: the copy model copies all)."""
    r = glossar_cli("translate", "--no-glossary", "-", input="• Der Kreml schweigt.\n- Ja.\n")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == ["• Der Kreml schweigt.", "- Ja."]


def test_addresses_the_translation_lost_are_said(installed_tiny_model, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """A desk's links, e-mail addresses and handles were dropped in silence."""
    import json

    text = "Mehr unter https://www.dpa.de/x.html oder bei @dpa_news.\n"
    r = glossar_cli("translate", "--no-glossary", "-", input=text)
    assert "https://www.dpa.de/x.html (1), @dpa_news (1)" in r.stderr
    data = json.loads(glossar_cli("translate", "--no-glossary", "--json", "-", input=text).stdout)
    assert data["segments"][0]["addresses"] == ["https://www.dpa.de/x.html", "@dpa_news"]
