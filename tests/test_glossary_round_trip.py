"""Every bundled glossary survives export → import → export in every format, losing nothing.

Lossless means: the entries read back equal the entries written (part of speech, gender,
kind, every list, notes, examples, and any field the format gains later), and a second
export is the same text as the first. CSV and TSV are lossless in their all-columns form;
their two-column DeepL form keeps German→English pairs only, but reads back and exports
the same pairs again, a noun and a verb spelled alike (Eingreifen / eingreifen) included.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossar.glossary.formats.columns import field_kinds
from glossar.glossary.formats.entries import ENTRY_FIELDS
from glossar.glossary.formats.registry import export_glossary, import_glossary, read_glossary
from glossar.glossary.load import curated_glossary_paths, load_glossary_file
from glossar.glossary.model import Entry

DATA = Path(__file__).parent / "data"
BUNDLED = curated_glossary_paths()
SOURCES = [DATA / "glossary_rich.toml", *BUNDLED]
#: (format, CSV/TSV columns, file suffix): every way to write a glossary that loses nothing.
LOSSLESS = [
    ("tbx", "pairs", "tbx"),
    ("tbx2008", "pairs", "tbx"),
    ("csv", "all", "csv"),
    ("tsv", "all", "tsv"),
    ("json", "pairs", "json"),
    ("toml", "pairs", "toml"),
]


def test_there_are_bundled_glossaries():
    assert BUNDLED and all(p.suffix == ".toml" for p in BUNDLED)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
@pytest.mark.parametrize(("fmt", "columns", "suffix"), LOSSLESS, ids=lambda v: str(v))
def test_export_import_export_loses_nothing(tmp_path, source, fmt, columns, suffix):
    info, entries = load_glossary_file(source)
    first, warnings = export_glossary(entries, fmt, info=info, columns=columns)
    assert warnings == []  # a lossless form has nothing to warn about
    path = tmp_path / f"{info.id}.{suffix}"
    path.write_text(first, encoding="utf-8")
    info2, back = import_glossary(path, fmt)
    assert back == list(entries)
    assert [e.id for e in back] == [e.id for e in entries]
    assert info2.id == info.id  # from the header, or from the file name for CSV/TSV
    second, _ = export_glossary(back, fmt, info=info2, columns=columns)
    assert second == first


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("header", [False, True])
def test_two_column_form_reads_back_to_the_same_pairs(source, fmt, header):
    """The DeepL form loses grammar and notes by design, but never fails and never drifts."""
    info, entries = load_glossary_file(source)
    first, _ = export_glossary(entries, fmt, info=info, header=header)
    back = read_glossary(first.encode("utf-8"), fmt).entries
    second, _ = export_glossary(back, fmt, header=header)
    assert second == first


def test_noun_and_verb_spelled_alike_survive_the_two_column_form():
    entries = [
        Entry(id="eingreifen-n", de="Eingreifen", en="intervention", pos="noun", gender="n"),
        Entry(id="eingreifen", de="eingreifen", en="intervene", pos="verb"),
    ]
    text, _ = export_glossary(entries, "csv")
    assert text == "Eingreifen,intervention\neingreifen,intervene\n"
    back = read_glossary(text.encode(), "csv").entries
    assert [(e.de, e.en, e.pos, e.gender) for e in back] == [
        ("Eingreifen", "intervention", "noun", "n"),  # a nominalised infinitive is neuter
        ("eingreifen", "intervene", "other", None),
    ]


def test_all_columns_have_a_header_naming_every_field():
    _, entries = load_glossary_file(DATA / "glossary_rich.toml")
    text, _ = export_glossary(entries, "csv", columns="all")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(ENTRY_FIELDS) == list(field_kinds())
    assert all(len(row) == len(rows[0]) for row in rows)
    assert len(rows) == len(entries) + 1
    tsv, _ = export_glossary(entries, "tsv", columns="all")
    assert all("\r" not in line for line in tsv.split("\n"))
    assert len(tsv.splitlines()) == len(entries) + 1  # one line per entry: breaks escaped


def test_a_hand_made_column_file_with_a_few_columns_reads():
    """A spreadsheet user need not fill every column: id, grammar and lists are optional."""
    text = (
        "de,en,pos,gender,en_deprecated,note\n"
        "Flüssiggas,liquefied petroleum gas,noun,n,LNG | liquefied natural gas,"
        '"Autogas; ""LPG"" in wires"\n'
        "eingreifen,intervene,verb,,,\n"
    )
    entries = read_glossary(text.encode(), "csv").entries
    assert [(e.id, e.pos, e.gender, e.en_deprecated) for e in entries] == [
        ("fluessiggas", "noun", "n", ("LNG", "liquefied natural gas")),
        ("eingreifen", "verb", None, ()),
    ]
    assert entries[0].note == 'Autogas; "LPG" in wires'


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("id,de,en,colour\nh,Haus,house,red\n", "1: unknown column 'colour'"),
        ("de,en,pos\nHaus,house,noun\n", "2: gender: a noun needs a gender"),
        ("de,en,pos\nHaus,house\n", "2: expected 3 columns, found 2"),
        ("id,de,en\nx,Haus,house\nx,Hof,yard\n", "3: id: 'x' already used"),
    ],
)
def test_column_file_problems_name_file_and_line(tmp_path, content, problem):
    from glossar.errors import GlossaryError

    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as exc:
        import_glossary(path)
    assert any(p.startswith(f"{path}:{problem}") for p in exc.value.problems), exc.value.problems


_TERM = (
    st.text(
        st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn")), min_size=1, max_size=8
    )
    .map(str.strip)
    .filter(bool)
    .filter(lambda t: any(c.isalnum() for c in t))  # a term has a letter or digit
)
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Co", "Cn"), blacklist_characters="\x00").filter(
        lambda c: c in "\t\n\r" or c >= " "
    ),
    max_size=20,
) | st.sampled_from(["a | b", "\\", "x\\|y", "\\t\\n", '"', "\r\n", " lead", "trail "])
_ENTRY = st.builds(
    Entry,
    id=st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True),
    de=_TERM | st.sampled_from(["a|b", "x\\y", "Preis, Gas"]),
    en=_TERM,
    pos=st.sampled_from(["proper-noun", "verb", "adjective", "adverb", "phrase", "other"]),
    gender=st.sampled_from([None, "m", "f", "n"]),
    kind=st.sampled_from(["term", "name", "place", "organisation", "idiom"]),
    plural=st.none() | _TERM,
    forms=st.lists(_TERM | st.sampled_from(["a|", "\\b", "a\\|"]), max_size=3).map(tuple),
    de_alt=st.lists(_TERM, max_size=2).map(tuple),
    en_alt=st.lists(_TERM, max_size=2).map(tuple),
    en_deprecated=st.lists(_TERM, max_size=2).map(tuple),
    note=_TEXT,
    example_de=_TEXT,
    senses=st.lists(_TERM, max_size=2).map(tuple),
    compound=st.sampled_from(["", "both", "modifier", "head", "none"]),
    compound_except=st.lists(_TERM, max_size=2).map(tuple),
)
# English to use and to avoid at once is refused by the loader (glossary-format.md)
_ENTRY = _ENTRY.filter(lambda e: not {e.en, *e.en_alt, *e.en_abbr} & set(e.en_deprecated))
# an unsure entry offers two senses or more, its en among them (senses_problem)
_ENTRY = _ENTRY.map(lambda e: replace(e, senses=(e.en, *e.senses[:1])) if e.senses else e).filter(
    lambda e: len(set(e.senses)) != 1
)


@settings(max_examples=40, deadline=None)
@given(entry=_ENTRY, fmt=st.sampled_from(["csv", "tsv"]))
def test_any_entry_survives_all_columns(entry, fmt):
    """Separators, quotes, backslashes, tabs and line breaks inside any field come back."""
    text, _ = export_glossary([entry], fmt, columns="all")
    assert read_glossary(text.encode("utf-8"), fmt).entries == [entry]


def test_cli_exports_all_columns_and_imports_them_back(glossar_cli, tmp_path):
    out = tmp_path / "news.csv"
    r = glossar_cli("glossary", "export", "--columns", "all", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert out.read_text("utf-8").startswith("id,de,pos,")
    toml = tmp_path / "back.toml"
    r = glossar_cli("glossary", "import", str(out), "-o", str(toml))
    assert r.exit_code == 0, r.stderr
    _, back = load_glossary_file(toml)
    from glossar.glossary.load import load_glossary

    assert back == list(load_glossary())  # the glossary in force: news, by default


def test_the_documented_csv_example_reads_and_writes_back_the_same():
    doc = Path(__file__).parent.parent / "docs" / "glossary-format.md"
    if not doc.exists():
        pytest.skip("needs the source tree")
    text = doc.read_text("utf-8").split("```csv\n", 1)[1].split("```", 1)[0]
    entries = read_glossary(text.encode(), "csv").entries
    assert [(e.id, e.pos, e.sure) for e in entries] == [
        ("eingreifen-n", "noun", True),
        ("eingreifen", "verb", True),
        ("land", "noun", False),
    ]
    assert export_glossary(entries, "csv", columns="all")[0] == text


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_all_columns_never_hand_a_spreadsheet_a_formula(fmt):
    entry = Entry(
        id="f", de="=SUMME(A1)", en="+1", pos="other", note="@home\r- dash", forms=("-x",)
    )
    text, _ = export_glossary([entry], fmt, columns="all")
    cells = text.splitlines()[1].split("," if fmt == "csv" else "\t")
    assert not any(c.lstrip('"').startswith(("=", "+", "-", "@")) for c in cells)
    assert read_glossary(text.encode(), fmt).entries == [entry]
