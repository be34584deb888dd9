"""A DeepL-style term pair layered over the news glossary re-words a curated entry: it
keeps the entry's German grammar and takes the pair's English (glossar.glossary.adopt).

Before, ``glossary export --format csv`` → ``glossary import`` → ``--glossary`` replaced
every curated entry it named with a grammar-less one: 430 hits on the Austrian news
sample became 311 (Regierungen, Tokajews lost) and "Er macht das" was enforced as power.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms

DATA = Path(__file__).parent / "data"
ARTICLE = (DATA / "article_de.txt").read_text(encoding="utf-8")


def _texts() -> dict[str, str]:
    texts = {"article": ARTICLE}
    gnad = DATA / "gnad" / "gnad_articles.tsv"
    if gnad.exists():  # CC BY-NC-SA test data: not in the sdist
        for line in gnad.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                aid, _label, text = line.split("\t")
                texts[aid] = text
    return texts


def _hits(glossary) -> set[tuple[str, int, int, str, str, bool]]:  # type: ignore[no-untyped-def]
    return {
        (tid, m.start, m.end, m.id, m.english, m.sure)
        for tid, text in _texts().items()
        for m in find_terms(text, glossary)
    }


def _pairs(tmp_path: Path, rows: str) -> str:
    """``rows`` (a two-column CSV) imported as a TOML glossary, as a user does."""
    from conftest import run_glossar

    (tmp_path / "pairs.csv").write_text(rows, encoding="utf-8")
    out = tmp_path / "pairs.toml"
    result = run_glossar("glossary", "import", str(tmp_path / "pairs.csv"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return str(out)


def test_the_news_glossary_exported_as_pairs_and_layered_back_finds_the_same_terms(
    glossar_cli, tmp_path
):  # type: ignore[no-untyped-def]
    exported = glossar_cli("glossary", "export", "--format", "csv")
    assert exported.exit_code == 0, exported.stderr
    layered = load_glossary([_pairs(tmp_path, exported.stdout)])
    assert _hits(layered) == _hits(load_glossary())


def test_a_pair_with_other_english_keeps_the_curated_grammar(tmp_path) -> None:
    glossary = load_glossary([_pairs(tmp_path, "Macht,might\nRegierung,administration\n")])
    macht, regierung = glossary.entries["macht"], glossary.entries["regierung"]
    assert (macht.pos, macht.gender, macht.en) == ("noun", "f", "might")
    assert regierung.en == "administration" and regierung.source.endswith("pairs.toml")
    text = "Er macht das. Die Regierungen zeigen ihre Macht."
    found = [(m.text, m.english) for m in find_terms(text, glossary)]
    assert found == [("Regierungen", "administration"), ("Macht", "might")]


def test_a_pair_naming_an_abbreviation_sets_that_abbreviations_english(tmp_path) -> None:
    curated = load_glossary().entries["ovks"]
    same = load_glossary([_pairs(tmp_path, "OVKS,CSTO\nTokajew,Tokayev\n")])
    assert same.entries["ovks"] == curated  # says what the entry says: nothing changes
    assert same.entries["tokajew"] == load_glossary().entries["tokajew"]
    other = load_glossary([_pairs(tmp_path, "ODKB,Collective Security Treaty\n")])
    ovks = other.entries["ovks"]
    assert ovks.de == curated.de and ovks.en_abbr == ("CSTO", "Collective Security Treaty")
    found = {m.text: m.english for m in find_terms("Die OVKS (russisch ODKB).", other)}
    assert found == {"OVKS": "CSTO", "ODKB": "Collective Security Treaty"}


def test_a_pair_naming_the_concept_and_an_abbreviation_sets_both(tmp_path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """A tester's DeepL rows "Vereinigte Staaten,U.S." and "US,U.S." (grouped into one
    pair): the abbreviation kept the curated "US", and a re-export wrote `US,US`."""
    pairs = _pairs(tmp_path, "Vereinigte Staaten,U.S.\nUS,U.S.\n")
    (usa,) = [e for e in load_glossary([pairs]) if e.based_on == "news:usa"]
    assert usa.en == "U.S." and usa.en_abbr[usa.de_abbr.index("US")] == "U.S."
    found = {
        m.text: m.english for m in find_terms("Die US-Armee und die USA.", load_glossary([pairs]))
    }
    assert found["US"] == "U.S."
    out = glossar_cli("glossary", "export", "--glossary", pairs, "--format", "csv")
    assert "US,U.S." in out.stdout.splitlines() and "US,US" not in out.stdout.splitlines()


def test_a_pair_chooses_among_the_senses_of_an_unsure_entry(tmp_path) -> None:
    assert not load_glossary().entries["land"].sure
    glossary = load_glossary([_pairs(tmp_path, "Land,country\n")])
    land = glossary.entries["land"]
    assert land.sure and land.en == "country" and land.en_alt == () and land.plural
    (hit,) = [m for m in find_terms("Die Länder der Region", glossary) if m.id == "land"]
    assert hit.sure and hit.english == "country"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a capitalised pair is a noun's spelling: never the lower-case adverb or verb
        ("Morgen,morning\n", ["Morgen"]),
        # grammar of the user's own is the user's entry: it replaces, nothing adopted
        ("id,de,pos,gender,en\nmacht,Macht,noun,f,clout\n", ["Macht"]),
    ],
)
def test_pairs_match_as_written(tmp_path, rows, expected) -> None:  # type: ignore[no-untyped-def]
    glossary = load_glossary([_pairs(tmp_path, rows)], curated=False)
    text = "Er macht das bis morgen. Am Morgen zeigt die Macht sich."
    assert [m.text for m in find_terms(text, glossary)] == expected


def test_a_full_entry_of_the_users_own_is_not_merged(tmp_path) -> None:
    rows = "id,de,pos,gender,en\nmacht,Macht,noun,f,clout\n"
    macht = load_glossary([_pairs(tmp_path, rows)]).entries["macht"]
    # the user's own words: no curated note or English; how it is matched stays
    assert (macht.en, macht.en_alt, macht.note) == ("clout", (), "")
    assert macht.compound_except == load_glossary().entries["macht"].compound_except


def test_a_pair_with_a_definition_of_its_own_keeps_it(tmp_path) -> None:
    """A TBX noun without a gender is imported as a pair (pos other); its definition and
    note are the termbase's words and win over the curated ones."""
    toml = tmp_path / "tb.toml"
    toml.write_text(
        '[glossary]\nid = "tb"\n\n[[entry]]\nid = "macht"\nde = "Macht"\npos = "other"\n'
        'en = "power"\ndefinition = "Our house definition."\n',
        encoding="utf-8",
    )
    macht = load_glossary([str(toml)]).entries["macht"]
    assert (macht.definition, macht.gender, macht.source) == (
        "Our house definition.",
        "f",
        str(toml),
    )


def test_the_claim_keys_handed_on_are_those_of_the_rebuilt_layer(glossar_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """adopt_pairs moves the keys of the entries it keeps instead of computing them
    again; the claim pass after it must see exactly the rebuilt layer's keys."""
    from glossar.glossary.adopt import adopt_pairs
    from glossar.glossary.bulk import claim_keys
    from glossar.glossary.load import bundled_glossaries, load_glossary_file

    exported = glossar_cli("glossary", "export", "--format", "csv").stdout
    rows = exported + "Macht,might\nLand,country\nMorgenröte,dawn\nODKB,the CSTO alliance\n"
    rows = rows.replace("Macht,power\n", "").replace("ODKB,CSTO\n", "")
    _info, news = load_glossary_file(bundled_glossaries()["news"])
    _info, layer = load_glossary_file(_pairs(tmp_path, rows))
    keys, owners = claim_keys(news)
    owner = {key: news[i].id for key, i in zip(keys, owners, strict=True)}
    layer_keys, layer_owners = claim_keys(layer)
    result = adopt_pairs(layer, layer_keys, layer_owners, owner, {e.id: e for e in news})
    assert result is not None
    out, new_keys, new_owners = result
    assert sorted(zip(new_keys, new_owners, strict=True)) == sorted(
        zip(*claim_keys(out), strict=True)
    )
    assert {"macht", "land", "morgenroete"} <= {e.id for e in out}
    assert len(out) < len(layer) / 10  # the pairs that agree with the news glossary went


def test_a_users_entry_for_the_same_word_keeps_how_it_is_matched(tmp_path) -> None:
    """An exploratory tester's Rohstoff → commodity (pos, gender, no compound policy)
    replaced the curated entry and lost its compound policy "both": Rohstoffpreise was
    no longer found. What the user's entry leaves unset of the matching rules comes
    from the entry it replaces; what it sets is its own."""
    toml = tmp_path / "mine.toml"
    toml.write_text(
        '[glossary]\nid = "mine"\n\n[[entry]]\nid = "rohstoff"\nde = "Rohstoff"\n'
        'pos = "noun"\ngender = "m"\nen = "commodity"\n\n[[entry]]\nid = "mein-macht"\n'
        'de = "Macht"\npos = "noun"\ngender = "f"\nen = "might"\ncompound = "none"\n',
        encoding="utf-8",
    )
    glossary = load_glossary([str(toml)])
    text = "Die Rohstoffe und die Rohstoffpreise. Die Macht und die Großmacht."
    found = [(m.text, m.english) for m in find_terms(text, glossary)]
    assert found == [
        ("Rohstoffe", "commodity"),
        ("Rohstoff", "commodity"),
        ("Macht", "might"),
    ]
    assert glossary.entries["mein-macht"].compound_except  # unset: the curated list stays


@pytest.mark.parametrize("headword", ["NATO", "Nato"])
def test_a_users_entry_differing_only_in_case_keeps_both_spellings(tmp_path, headword) -> None:
    """A user's NATO → NATO (the wire style) claims the news glossary's Nato (de_alt
    NATO) and replaced it; an all-capitals headword is matched as written, so "Nato",
    the German press's spelling, was found no more. The user's entry keeps the
    spellings of the one it replaces that differ from its own only in case."""
    mine = _toml(
        tmp_path,
        "desk",
        f'[[entry]]\nid = "nato-desk"\nde = "{headword}"\nen = "NATO"\n'
        'pos = "proper-noun"\nkind = "organisation"\n',
    )
    glossary = load_glossary([mine])
    text = "Die Nato und die NATO sowie Nato-Truppen."
    found = [(m.text, m.id) for m in find_terms(text, glossary) if m.id.startswith("nato")]
    assert found == [("Nato", "nato-desk"), ("NATO", "nato-desk"), ("Nato", "nato-desk")]
    assert "nato" not in glossary.entries


def _toml(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(f'[glossary]\nid = "{name}"\n\n{body}', encoding="utf-8")
    return str(path)


def test_what_is_left_of_a_pair_replaces_no_entry_it_does_not_name(tmp_path) -> None:
    """The reviewer's rows: `eingreifen,intervene` and `Fantasiewort,intervene` import
    as one pair with id "eingreifen", the curated noun's id. The verb is re-worded (here:
    agreed with); what is left (Fantasiewort) took the id and deleted the noun."""
    glossary = load_glossary([_pairs(tmp_path, "eingreifen,intervene\nFantasiewort,intervene\n")])
    text = "Das Eingreifen Russlands. Sie wollen eingreifen. Fantasiewort."
    found = {m.text: m.id for m in find_terms(text, glossary)}
    assert found == {
        "Eingreifen": "eingreifen",
        "Russlands": "russland",
        "eingreifen": "eingreifen-verb",
        "Fantasiewort": "fantasiewort",
    }
    # hand-written ids: two pairs whose rests would take a merged entry's id
    body = (
        '[[entry]]\nid = "p1"\nde = "Macht"\npos = "other"\nde_alt = ["Fantasiewort"]\n'
        'en = "might"\n\n[[entry]]\nid = "macht"\nde = "Regierung"\npos = "other"\n'
        'de_alt = ["Quatschwort"]\nen = "cabinet"\n'
    )
    entries = load_glossary([_toml(tmp_path, "ids", body)]).entries
    assert entries["macht"].en == "might" and entries["macht"].gender == "f"
    assert entries["regierung"].en == "cabinet"
    assert {entries["p1"].de, entries["quatschwort"].de} == {"Fantasiewort", "Quatschwort"}


def test_a_capitalised_pair_is_no_verb_of_the_same_letters(tmp_path) -> None:
    """`Eskalieren,escalation` re-worded the verb eskalieren (same letters, another word
    class) and, by its id made from them, replaced it: "kann eskalieren" was lost."""
    glossary = load_glossary([_pairs(tmp_path, "Eskalieren,escalation\n")])
    text = "Das Eskalieren der Lage. Die Lage kann eskalieren."
    found = {(m.text, m.english) for m in find_terms(text, glossary)}
    assert {("Eskalieren", "escalation"), ("eskalieren", "escalate")} <= found
    assert glossary.entries["eskalieren"].en == "escalate"


def test_two_pairs_for_one_entry_keep_both_their_english(tmp_path) -> None:
    rows = "Einflussbereich,sphere of control\nEinflusssphäre,area of influence\n"
    entry = load_glossary([_pairs(tmp_path, rows)]).entries["einflussbereich"]
    assert entry.en == "sphere of control" and "area of influence" in entry.en_alt


def test_a_pairs_deprecated_and_abbreviated_english_is_kept(tmp_path) -> None:
    """A TBX noun without a gender is a pair with English lists of its own."""
    body = (
        '[[entry]]\nid = "macht"\nde = "Macht"\npos = "other"\nen = "might"\n'
        'en_deprecated = ["power"]\n'
    )
    macht = load_glossary([_toml(tmp_path, "tb", body)]).entries["macht"]
    assert "power" in macht.en_deprecated and "power" not in macht.en_alt
    rows = "ODKB,Collective Security Treaty Organization\n"
    ovks = load_glossary([_pairs(tmp_path, rows)]).entries["ovks"]
    assert ovks.en_abbr == ("CSTO", "Collective Security Treaty Organization")


def test_a_pair_over_a_pair_replaces_it_as_before(tmp_path) -> None:
    """A newer DeepL export over an older one: nothing to keep, so no merging (it took
    100k pairs over 100k pairs from 0.45 s to 3.9 s)."""
    _pairs(tmp_path, "Wolkenwort,cloud term\n")
    (tmp_path / "pairs.toml").rename(tmp_path / "old.toml")
    new = _pairs(tmp_path, "Wolkenwort,sky term\n")
    entries = load_glossary([str(tmp_path / "old.toml"), new], curated=False).entries
    (entry,) = entries.values()
    assert (entry.en, entry.glossary) == ("sky term", "pairs")
    # replaced, not merged: nothing of the older pair stands under the newer one
    assert (entry.based_on, entry.source) == ("", new)


@pytest.mark.parametrize("reverse", [False, True])
def test_two_pairs_for_one_entry_do_not_depend_on_their_order(tmp_path, reverse) -> None:  # type: ignore[no-untyped-def]
    """The second reviewer's rows: a first pair that agrees with the entry made the
    second one replace its English altogether ("Warsaw Pact" gone), and a pair for an
    abbreviation made a later pair for the concept a mere alternative. (A row for a
    form set the whole entry's English when it came first: it is now that form's.)"""
    rows = ["Warschauer Pakt,Warsaw Pact", "Warschauer Paktes,Warsaw Treaty"]
    rows = rows[::-1] if reverse else rows
    entry = load_glossary([_pairs(tmp_path, "\n".join(rows) + "\n")]).entries
    (pact,) = [e for e in entry.values() if e.de == "Warschauer Pakt"]
    # the row for the headword sets the English, the row for a listed form (the
    # genitive) is that form's own, in either order
    assert pact.en == "Warsaw Pact" and "Warsaw Treaty" not in pact.en_alt
    (form,) = [e for e in entry.values() if e.de == "Warschauer Paktes"]
    assert form.en == "Warsaw Treaty"
    rows = [
        "OVKS,C.S.T.O.",
        "Organisation des Vertrags über kollektive Sicherheit,Collective Security Treaty Org",
    ]
    rows = rows[::-1] if reverse else rows
    ovks = load_glossary([_pairs(tmp_path, "\n".join(rows) + "\n")]).entries
    (ovks_entry,) = [e for e in ovks.values() if "OVKS" in e.de_abbr]
    assert ovks_entry.en == "Collective Security Treaty Org"
    assert ovks_entry.en_abbr == ("C.S.T.O.", "CSTO")


def test_a_users_entry_inherits_only_from_an_entry_for_the_same_headword(tmp_path) -> None:
    """A user's noun Kraftstoff replaced the curated Treibstoff (which lists Kraftstoff as
    a variant) and took its plural: "Die Treibstoffe" became the user's gasoline."""
    body = (
        '[[entry]]\nid = "kraftstoff"\nde = "Kraftstoff"\npos = "noun"\ngender = "m"\n'
        'en = "gasoline"\n'
    )
    glossary = load_glossary([_toml(tmp_path, "fuel", body)])
    assert glossary.entries["kraftstoff"].plural is None
    found = [(m.text, m.id) for m in find_terms("Die Treibstoffe und der Kraftstoff.", glossary)]
    assert ("Kraftstoff", "kraftstoff") in found and ("Treibstoffe", "kraftstoff") not in found


def test_no_english_is_both_to_use_and_deprecated_after_a_pair(tmp_path) -> None:
    body = (
        '[[entry]]\nid = "p1"\nde = "OVKS"\npos = "other"\nen = "CSTO"\n'
        'en_deprecated = ["Collective Security Treaty Organization"]\n\n'
        '[[entry]]\nid = "p2"\nde = "Macht"\npos = "other"\nen = "might"\n'
        'en_deprecated = ["force"]\n'
    )
    entries = load_glossary([_toml(tmp_path, "dep", body)]).entries
    for entry in (entries["ovks"], entries["p2"]):
        use = {entry.en, *entry.en_alt, *entry.en_abbr}
        assert use.isdisjoint(entry.en_deprecated), entry


def test_lookup_says_whose_grammar_and_notes_a_pair_stands_on(tmp_path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    """A re-worded entry shows the curated note under the user's glossary: lookup names
    the entry it is based on, and an export writes no such field (it re-imports)."""
    pairs = _pairs(tmp_path, "Macht,might\n")
    shown = glossar_cli("lookup", "--glossary", pairs, "Macht")
    assert "  (pairs; grammar and notes from news:macht)" in shown.stdout
    as_json = json.loads(glossar_cli("lookup", "--json", "--glossary", pairs, "Macht").stdout)
    assert as_json["results"][0]["based_on"] == "news:macht"
    out = tmp_path / "all.toml"
    exported = glossar_cli("glossary", "export", "--glossary", pairs, "-o", str(out))
    assert exported.exit_code == 0, exported.stderr
    assert "based_on" not in out.read_text(encoding="utf-8")
    assert glossar_cli("glossary", "validate", str(out)).exit_code == 0


def test_a_pair_choosing_one_of_the_entrys_alternatives_admits_only_it(tmp_path) -> None:
    """A tester's `Regierung,administration`: "administration" was a curated alternative,
    so the curated "government" stayed admitted and `check` passed it; a pair with new
    English dropped the alternatives. Either way the pair's English is now the only one."""
    entry = load_glossary([_pairs(tmp_path, "Regierung,administration\n")]).entries["regierung"]
    assert entry.en == "administration" and entry.en_alt == ()
    # the curated example showed "the pro-Moscow government" (tester): it goes; the note,
    # which also says when "administration" is right, stays
    assert not entry.example_en and "administration" in (entry.note or "")


def test_a_nominalised_infinitive_beside_its_verb_re_words_the_curated_noun(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A tester's rows: the import makes ``Eingreifen`` a neuter noun (so that it and
    ``eingreifen`` claim no spelling together), which then replaced the curated noun
    wholesale: its alternatives, definition, note and examples were lost."""
    entries = load_glossary([_pairs(tmp_path, "Eingreifen,involvement\neingreifen,step in\n")])
    noun = entries.entries["eingreifen"]
    assert (noun.de, noun.pos, noun.en) == ("Eingreifen", "noun", "involvement")
    assert noun.definition and noun.based_on == "news:eingreifen"
    (verb,) = [e for e in entries.entries.values() if e.de == "eingreifen"]
    assert (verb.pos, verb.en, verb.based_on) == ("verb", "step in", "news:eingreifen-verb")
    hits = {(m.text, m.english) for m in find_terms(ARTICLE, entries)}
    assert ("Eingreifen", "involvement") in hits and ("eingegriffen", "step in") in hits


def test_new_english_drops_a_deprecated_spelling_out_of_itself(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A tester's ``Flüssiggas;LNG`` over the article glossary (LPG) kept "LNG" allowed
    but "liquefied natural gas" deprecated: `check` then flagged the user's own term
    spelled out. Other deprecations stay (the first version dropped them all, and the
    false friend "precedence" passed `check`)."""
    pairs = _pairs(tmp_path, "Flüssiggas;LNG\nUkraine;Ukraine\nPräzedenzfall;precedent ruling\n")
    entries = load_glossary(["kazakhstan-2022", pairs]).entries
    gas = entries["fluessiggas"]
    assert gas.en == "LNG" and "liquefied natural gas" not in gas.en_deprecated
    assert "liquid gas" in gas.en_deprecated  # no spelling of LNG: still deprecated
    assert "the Ukraine" in entries["ukraine"].en_deprecated
    # the reviewer's: a false friend stays deprecated under new English
    assert "precedence" in entries["praezedenzfall"].en_deprecated


def test_a_glossary_layered_with_a_form_pair_exports_and_imports_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The second reviewer's: the layered glossary with `verlautet,reportedly` (a form
    of "verlauten lassen") exported to TOML failed `glossary validate`, and to TBX, JSON
    or all-column CSV failed `glossary import`: one file held two claims of a spelling."""
    from conftest import run_glossar

    pairs = _pairs(tmp_path, "verlautet,reportedly\n")
    text = "„Nein“, ließ der Kreml verlauten. Wie aus Moskau verlautet, bleibt es dabei."
    want = {(m.text, m.english) for m in find_terms(text, load_glossary([pairs]))}
    assert ("verlautet", "reportedly") in want and ("verlauten", "say") in want
    for fmt, suffix in (("toml", "toml"), ("tbx", "tbx"), ("json", "json"), ("csv", "csv")):
        out = tmp_path / f"all.{suffix}"
        extra = ["--columns", "all"] if fmt == "csv" else []
        exported = run_glossar(
            "glossary", "export", "--glossary", pairs, "--format", fmt, *extra, "-o", str(out)
        )
        assert exported.exit_code == 0, exported.stderr
        back = tmp_path / f"back-{suffix}.toml"
        imported = run_glossar("glossary", "import", str(out), "-o", str(back))
        assert imported.exit_code == 0, (fmt, imported.stderr)
        assert run_glossar("glossary", "validate", str(back)).exit_code == 0
        got = {(m.text, m.english) for m in find_terms(text, load_glossary([str(back)]))}
        assert got == want, fmt


def test_a_grouped_pair_naming_a_form_and_a_headword_keeps_the_curated_verb(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The second reviewer's: one English for `eingegriffen` and `Intervention` makes one
    pair; what was left of it after re-wording Intervention claimed the verb's form
    again, and the curated verb eingreifen was gone."""
    glossary = load_glossary(
        [_pairs(tmp_path, "eingegriffen,intervened\nIntervention,intervened\n")]
    )
    assert "eingreifen-verb" in glossary.entries
    found = {m.text: m.id for m in find_terms("Russland will nicht eingreifen.", glossary)}
    assert found == {"Russland": "russland", "eingreifen": "eingreifen-verb"}


def test_a_later_pair_replaces_an_earlier_pair_for_the_same_form(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The second reviewer's: a third layer's `verlautet` pair stood beside the second
    layer's (the form's curated owner was taken for the word's owner)."""
    from conftest import run_glossar

    paths = []
    for prefix, english in (("x-", "reportedly"), ("y-", "it is said")):
        (tmp_path / f"{prefix}.csv").write_text(f"verlautet,{english}\n", encoding="utf-8")
        out = tmp_path / f"{prefix}.toml"
        args = ["glossary", "import", str(tmp_path / f"{prefix}.csv"), "--id-prefix", prefix]
        assert run_glossar(*args, "-o", str(out)).exit_code == 0
        paths.append(str(out))
    entries = load_glossary(paths).entries
    assert [i for i in entries if "verlaut" in i] == ["verlauten-lassen", "y-verlautet"]


def test_two_pairs_for_one_listed_form_in_one_file_are_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The third reviewer's: with the entry that lists the form first, any number of
    pairs for that form passed validation (each was compared with the first claimant
    only), and all but one were dead. One pair beside the form's entry is allowed."""
    from glossar.errors import GlossaryError

    body = (
        '[[entry]]\nid = "verlauten-lassen"\nde = "verlauten lassen"\npos = "verb"\n'
        'forms = ["verlautet"]\nen = "say"\n\n'
        '[[entry]]\nid = "a"\nde = "verlautet"\npos = "other"\nen = "reportedly"\n\n'
    )
    assert "a" in load_glossary([_toml(tmp_path, "one", body)], curated=False).entries
    two = body + '[[entry]]\nid = "b"\nde = "verlautet"\npos = "other"\nen = "it is said"\n'
    with pytest.raises(GlossaryError, match="'verlautet' is already claimed by entry 'a'"):
        load_glossary([_toml(tmp_path, "two", two)], curated=False)


def test_an_import_says_where_a_lower_case_row_leaves_a_curated_noun_alone(
    glossar_cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """A tester's lower-cased termbase (a CAT tool's export): `macht,might` and
    `regierung,administration` imported and layered without a word, and re-worded
    nothing (a lower-case pair names the lower-case word: "er macht das")."""
    rows = "macht,might\nRegierung,government\nregierung,administration\neingreifen,intervene\n"
    (tmp_path / "lc.csv").write_text(rows, encoding="utf-8")
    result = glossar_cli(
        "glossary", "import", str(tmp_path / "lc.csv"), "-o", str(tmp_path / "o.toml")
    )
    assert result.exit_code == 0
    warned = [line for line in result.stderr.splitlines() if "lower case" in line]
    assert [w.split(":")[2] for w in warned] == ["1", "3"]  # not eingreifen: the verb's
    assert "write 'Macht' to re-word it" in warned[0]
