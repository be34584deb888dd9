"""Loading and validating glossary files: every problem names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossar.errors import GlossaryError
from glossar.glossary.load import (
    curated_glossary_paths,
    load_glossary,
    load_glossary_file,
    validate_paths,
)

HEADER = '[glossary]\nid = "mine"\nversion = "1"\n\n'


def write(tmp_path: Path, body: str, name: str = "g.toml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def only_problem(path: Path) -> str:
    problems = validate_paths([path])
    assert len(problems) == 1, problems
    return problems[0]


def test_curated_glossary_is_valid_and_large():
    paths = curated_glossary_paths()
    assert paths, "the curated glossary ships with the package"
    assert validate_paths(paths) == []
    glossary = load_glossary()
    assert len(glossary) >= 80
    ids = [e.id for e in glossary]
    assert len(ids) == len(set(ids))


def test_every_curated_entry_has_english_and_a_note_or_definition():
    for entry in load_glossary():
        assert entry.en.strip()
        assert entry.note or entry.definition, entry.id
        if entry.pos == "noun":
            assert entry.gender in ("m", "f", "n"), entry.id


def test_syntax_error_names_file_and_line(tmp_path):
    path = write(tmp_path, '[[entry]]\nid = "a"\nde = "Gas\nen = "gas"\n')
    problem = only_problem(path)
    assert problem.startswith(f"{path}:7: toml: ")


def test_a_file_ending_inside_a_value_names_its_last_line(tmp_path):
    """A tester: an unclosed list was reported at line 0, a line no file has."""
    path = write(tmp_path, '[[entry]]\nid = "a"\nen_alt = [\n  "gas",\n')
    problem = only_problem(path)
    assert problem.startswith(f"{path}:") and ":0:" not in problem
    assert "end of the file" in problem


def test_missing_required_field_names_entry_line(tmp_path):
    path = write(tmp_path, '[[entry]]\nid = "gas"\nde = "Gas"\ngender = "n"\n')
    assert only_problem(path) == f"{path}:5: en: required field is missing"


def test_bad_value_names_its_own_line(tmp_path):
    path = write(tmp_path, '[[entry]]\nid = "gas"\nde = "Gas"\ngender = "x"\nen = "gas"\n')
    assert only_problem(path) == f"{path}:8: gender: 'x' is not one of m, f, n"


def test_a_term_without_a_letter_or_digit_is_refused(tmp_path):
    """A tester (stop 45): a third-party TBX file's "-" became a German variant, and every
    dash of a text was then a term (check: '"-" should be translated as "November"')."""
    path = write(
        tmp_path,
        '[[entry]]\nid = "lage"\nde = "Lage"\nde_alt = ["-"]\ngender = "f"\nen = "situation"\n',
    )
    assert only_problem(path) == f"{path}:8: de_alt: no letter or digit in '-'"


@pytest.mark.parametrize(
    ("senses", "problem"),
    [
        ('["apple"]', "an unsure entry offers at least two senses (none: a sure entry)"),
        ('["bulb", "light"]', "'pear' (en) is not one of the senses"),
    ],
)
def test_senses_offer_a_choice_that_holds_en(tmp_path, senses, problem):
    """A tester (stop 45): one sense showed as "unsure, senses: apple", and senses
    without the entry's English offered a first choice that was none of them."""
    path = write(
        tmp_path,
        f'[[entry]]\nid = "birne"\nde = "Birne"\ngender = "f"\nen = "pear"\nsenses = {senses}\n',
    )
    assert only_problem(path) == f"{path}:10: senses: {problem}"


def test_unknown_field_is_an_error_not_ignored(tmp_path):
    path = write(
        tmp_path, '[[entry]]\nid = "gas"\nde = "Gas"\ngender = "n"\nen = "gas"\nen_alts = ["x"]\n'
    )
    assert only_problem(path) == f"{path}:10: en_alts: unknown field"


def test_noun_without_gender(tmp_path):
    path = write(tmp_path, '[[entry]]\nid = "gas"\nde = "Gas"\nen = "gas"\n')
    assert only_problem(path) == f"{path}:5: gender: a noun needs a gender (m, f or n)"


def test_english_to_use_and_to_avoid_at_once(tmp_path):
    # one term cannot be both: lookup would show it as to use and as to avoid
    entry = '[[entry]]\nid = "gas"\nde = "Flüssiggas"\ngender = "n"\nen = "LPG"\n'
    lists = 'en_alt = ["autogas"]\nen_deprecated = ["liquid gas", "autogas"]\n'
    path = write(tmp_path, entry + lists)
    assert only_problem(path) == (
        f"{path}:11: en_deprecated: 'autogas' is also English to use here (en, en_alt or en_abbr)"
    )
    # the same letters in another case are a real distinction (IL-76 beside Il-76)
    path = write(tmp_path, entry.replace("LPG", "Il-76") + 'en_deprecated = ["IL-76"]\n')
    assert load_glossary_file(path)[1][0].en_deprecated == ("IL-76",)


def test_term_with_spaces_or_control_characters(tmp_path):
    path = write(tmp_path, '[[entry]]\nid = "gas"\nde = "Gas"\ngender = "n"\nen = "gas "\n')
    assert only_problem(path) == f"{path}:9: en: leading or trailing space in 'gas '"
    path = write(tmp_path, '[[entry]]\nid = "gas"\nde = "Gas"\ngender = "n"\nen = "g\\u0007as"\n')
    assert ": en: control or format character in" in only_problem(path)


def test_duplicate_id(tmp_path):
    path = write(
        tmp_path,
        '[[entry]]\nid = "gas"\nde = "Gas"\ngender = "n"\nen = "gas"\n\n'
        '[[entry]]\nid = "gas"\nde = "Erdgas"\ngender = "n"\nen = "natural gas"\n',
    )
    assert only_problem(path) == f"{path}:12: id: duplicate id 'gas' (first at line 6)"


def test_a_duplicate_id_is_reported_beside_other_problems(tmp_path):
    # a tester: with a gender error in the first entry, the duplicate showed only after
    # that was fixed (every problem in one pass)
    path = write(
        tmp_path,
        '[[entry]]\nid = "gas"\nde = "Gas"\ngender = "x"\nen = "gas"\n\n'
        '[[entry]]\nid = "gas"\nde = "Erdgas"\ngender = "n"\nen = "natural gas"\nfoo = "1"\n',
    )
    problems = validate_paths([path])
    assert f"{path}:12: id: duplicate id 'gas' (first at line 6)" in problems
    assert len(problems) == 3  # the gender, the duplicate, the unknown field


def test_term_claimed_by_two_entries_folded(tmp_path):
    path = write(
        tmp_path,
        '[[entry]]\nid = "gas"\nde = "Flüssiggas"\ngender = "n"\nen = "LPG"\n\n'
        '[[entry]]\nid = "lpg"\nde = "Kraftstoff"\ngender = "m"\nen = "fuel"\n'
        'de_alt = ["FLUESSIGGAS"]\n',
    )
    problem = only_problem(path)
    assert problem.startswith(f"{path}:13: de: 'FLUESSIGGAS' is already claimed by entry 'gas'")


def test_missing_header_and_wrong_language_pair(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text('[[entry]]\nid = "a"\nde = "A"\ngender = "n"\nen = "a"\n', encoding="utf-8")
    assert only_problem(path) == f"{path}:1: glossary: the [glossary] table is missing"
    path.write_text('[glossary]\nid = "x"\ntarget_lang = "fr"\n', encoding="utf-8")
    assert only_problem(path) == f"{path}:3: glossary.target_lang: only de → en is supported"


def test_not_utf8(tmp_path):
    path = tmp_path / "g.toml"
    path.write_bytes(HEADER.encode() + b"# Fl\xfcssiggas\n")
    assert only_problem(path).startswith(f"{path}:5: file: not UTF-8")


def test_bad_file_loads_nothing_and_reports_every_problem(tmp_path):
    path = write(
        tmp_path,
        '[[entry]]\nid = "Gas"\nde = "Gas"\ngender = "n"\nen = "gas"\n\n'
        '[[entry]]\nid = "b"\nde = "B"\nen = "b"\ngender = "q"\n',
    )
    with pytest.raises(GlossaryError) as info:
        load_glossary([path])
    assert len(info.value.problems) == 2
    assert all(p.startswith(f"{path}:") for p in info.value.problems)


def test_layers_later_wins_by_id_and_by_claimed_term(tmp_path):
    mine = write(
        tmp_path,
        '[[entry]]\nid = "mine-lpg"\nde = "Flüssiggas"\ngender = "n"\nen = "autogas"\n',
    )
    base = load_glossary()
    layered = load_glossary([mine])
    before = [e for e in base if e.de == "Flüssiggas"]
    assert before and before[0].en == "liquefied petroleum gas"
    after = [e for e in layered if e.de == "Flüssiggas"]
    assert [e.id for e in after] == ["mine-lpg"]
    assert after[0].glossary == "mine"
    assert len(layered) == len(base)  # one replaced, none added
    assert [g.id for g in layered.layers][-1] == "mine"


KREML_PALACE = (
    '[[entry]]\nid = "kreml"\nde = "Kremlpalast"\npos = "proper-noun"\ngender = "m"\n'
    'en = "Kremlin palace"\n\n'
)
KREML_MINE = (
    '[[entry]]\nid = "mein-kreml"\nde = "Kreml"\npos = "proper-noun"\ngender = "m"\n'
    'en = "Moscow leadership"\n\n'
)


@pytest.mark.parametrize("order", ["id first", "claim first"])
def test_a_layer_replacing_an_id_and_taking_its_spelling_keeps_both_entries(tmp_path, order):
    """The user's "kreml" replaces news's by id and "mein-kreml" takes news's spelling
    Kreml: news's entry goes, both of the user's stay, in either order in the file (with
    the claim first, the user's own "kreml" was dropped as the spelling's loser)."""
    body = KREML_PALACE + KREML_MINE if order == "id first" else KREML_MINE + KREML_PALACE
    layered = load_glossary([write(tmp_path, body)])
    assert layered.entries["kreml"].de == "Kremlpalast"
    assert layered.entries["mein-kreml"].de == "Kreml"
    assert [e.id for e in layered if e.de == "Kreml"] == ["mein-kreml"]
    assert len(layered) == len(load_glossary()) + 1


def test_missing_user_glossary_is_bad_input(tmp_path):
    with pytest.raises(GlossaryError) as info:
        load_glossary([tmp_path / "nope.toml"])
    assert info.value.exit_code == 4
    assert str(info.value) == (
        f"{tmp_path / 'nope.toml'}: no such glossary file "
        "(a path, or a bundled glossary: news, kazakhstan-2022)"
    )


def test_entry_line_recorded(tmp_path):
    path = write(tmp_path, '[[entry]]\nid = "gas"\nde = "Gas"\ngender = "n"\nen = "gas"\n')
    info, entries = load_glossary_file(path)
    assert info.id == "mine" and entries[0].line == 5 and entries[0].glossary == "mine"


NOUN_AND_VERB = (
    '[[entry]]\nid = "eingreifen"\nde = "Eingreifen"\ngender = "n"\nen = "intervention"\n\n'
    '[[entry]]\nid = "eingreifen-verb"\nde = "eingreifen"\npos = "verb"\nen = "intervene"\n'
    'forms = ["eingreift", "eingegriffen"]\n'
)


def test_a_nominalised_verb_and_its_verb_may_share_a_spelling(tmp_path):
    path = write(tmp_path, NOUN_AND_VERB)
    assert validate_paths([path]) == []
    _, entries = load_glossary_file(path)
    assert [(e.id, e.pos) for e in entries] == [
        ("eingreifen", "noun"),
        ("eingreifen-verb", "verb"),
    ]


def test_two_nouns_or_two_verbs_still_may_not_share_a_spelling(tmp_path):
    nouns = write(
        tmp_path,
        NOUN_AND_VERB + '\n[[entry]]\nid = "noun2"\nde = "EINGREIFEN"\ngender = "n"\nen = "x"\n',
    )
    assert "'EINGREIFEN' is already claimed by entry 'eingreifen'" in only_problem(nouns)
    verbs = write(
        tmp_path,
        NOUN_AND_VERB + '\n[[entry]]\nid = "verb2"\nde = "einschreiten"\npos = "verb"\n'
        'en = "step in"\nforms = ["eingreift"]\n',
        name="v.toml",
    )
    assert "'eingreift' is already claimed by entry 'eingreifen-verb'" in only_problem(verbs)
    names = write(
        tmp_path,
        '[[entry]]\nid = "a"\nde = "Eingreifen"\ngender = "n"\nen = "intervention"\n\n'
        '[[entry]]\nid = "b"\nde = "Eingreifen"\npos = "proper-noun"\nen = "Eingreifen"\n',
        name="p.toml",
    )
    assert "already claimed by entry 'a'" in only_problem(names)  # proper nouns are nouns


def test_abbreviations_are_claimed_across_word_classes(tmp_path):
    path = write(
        tmp_path,
        '[[entry]]\nid = "a"\nde = "Abkommen"\ngender = "n"\nen = "agreement"\n'
        'de_abbr = ["ABK"]\n\n'
        '[[entry]]\nid = "b"\nde = "abkommen"\npos = "verb"\nen = "deviate"\n'
        'de_abbr = ["ABK"]\n',
    )
    assert "'ABK' is already claimed by entry 'a'" in only_problem(path)


def test_the_curated_glossary_has_eingreifen_as_noun_and_as_verb():
    glossary = load_glossary()
    noun, verb = glossary.entries["eingreifen"], glossary.entries["eingreifen-verb"]
    assert (noun.de, noun.pos, noun.en) == ("Eingreifen", "noun", "intervention")
    assert (verb.de, verb.pos, verb.en) == ("eingreifen", "verb", "intervene")
    assert "eingreift" in verb.forms and not noun.forms
    assert "intervene" not in noun.en_alt


def test_a_users_verb_leaves_the_curated_noun_but_a_users_noun_replaces_it(tmp_path):
    verb = write(
        tmp_path,
        '[[entry]]\nid = "mein-eingreifen"\nde = "eingreifen"\npos = "verb"\n'
        'en = "interfere"\nforms = ["eingreift"]\n',
    )
    base = load_glossary()
    layered = load_glossary([verb])
    assert "eingreifen" in layered.entries  # the curated noun stays
    assert "eingreifen-verb" not in layered.entries  # the curated verb is replaced
    assert layered.entries["mein-eingreifen"].en == "interfere"
    assert len(layered) == len(base)
    noun = write(
        tmp_path,
        '[[entry]]\nid = "mein-nomen"\nde = "Eingreifen"\ngender = "n"\nen = "involvement"\n',
        name="n.toml",
    )
    layered = load_glossary([noun])
    assert "eingreifen" not in layered.entries  # the curated noun is replaced
    assert "eingreifen-verb" in layered.entries  # the curated verb stays


def test_a_deepl_csv_given_as_a_glossary_says_to_import_it_first(tmp_path):
    """`--glossary pairs.csv` said "pairs.csv:1: toml: Expected '=' after a key": the
    user's file is fine, it only needs `glossary import`."""
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("Macht,power\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossary([pairs])
    assert str(info.value) == (
        f"{pairs}: a CSV file, not a glossar glossary (TOML): convert it first with "
        f"`glossar glossary import {pairs} -o pairs.toml`"
    )


def test_validate_lists_problems_in_the_files_line_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A tester: problems came grouped per check (line 9, 6, 14, 16, 19, 18)."""
    from glossar.glossary.load import validate_paths

    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[glossary]\nid = "bad"\nversion = "1"\ntitle = "Bad"\n\n'
        '[[entry]]\nid = "a"\nde = "Kreml"\nen = ""\n\n'
        '[[entry]]\nid = "b"\nde = "Haus"\npos = "nounx"\nen = "house"\ngender = "q"\n\n'
        '[[entry]]\nid = "a"\nde = "Dach"\nen = "roof"\n',
        encoding="utf-8",
    )
    lines = [int(p.split(":")[1]) for p in validate_paths(str(bad))]
    assert len(lines) >= 5 and lines == sorted(lines)
