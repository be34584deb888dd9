"""``glossar glossary export`` / ``import`` as a user runs them (real exit-code mapping)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from glossar.glossary.load import load_glossary, load_glossary_file

DATA = Path(__file__).parent / "data"
RICH = DATA / "glossary_rich.toml"
SHARED_TBX = Path(__file__).resolve().parents[1].parent / "shared" / "tbx"


def test_export_tbx_to_file_and_import_back_gives_the_same_glossary(glossar_cli, tmp_path):
    out = tmp_path / "all.tbx"
    result = glossar_cli("glossary", "export", "--glossary", str(RICH), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    back = tmp_path / "back.toml"
    result = glossar_cli("glossary", "import", str(out), "-o", str(back))
    assert result.exit_code == 0, result.stderr
    layered = load_glossary([RICH])  # curated glossary plus the rich layer
    _, entries = load_glossary_file(back)
    assert entries == list(layered)
    assert f"Imported {len(entries)} entries into {back}." in result.stderr


def test_export_csv_to_stdout_warns_on_stderr_in_one_line(glossar_cli):
    result = glossar_cli("glossary", "export", "--format", "csv", "--header")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["de", "en"]
    assert ["OVKS", "CSTO"] in rows  # the curated glossary's abbreviation, its own row
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("glossar: csv keeps only German→English term pairs")
    # unsure entries (several senses) are suggestions in glossar: a pair would force
    # one sense on every text a translation tool is given
    german = {row[0] for row in rows}
    unsure = [e for e in load_glossary() if not e.sure]
    assert unsure and not german & {e.de for e in unsure}
    assert "Land" not in german and "Ausnahmezustand" in german
    assert f"{len(unsure)} entries with several senses (unsure" in warning


def test_export_needs_a_format(glossar_cli, tmp_path):
    result = glossar_cli("glossary", "export", "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_import_from_stdin_prints_toml(glossar_cli):
    result = glossar_cli("glossary", "import", "-", "--format", "tsv", input="de\ten\nGas\tgas\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith('[glossary]\nid = "stdin"')
    assert 'de = "Gas"' in result.stdout


def test_an_import_too_big_for_a_glossary_is_refused_not_written(
    glossar_cli, tmp_path, monkeypatch
):
    """A 347 MB TBX imported (50 s, 3.8 GB) into a 258 MB TOML that every other command
    then refused as larger than the glossary limit: the import now says so and writes
    nothing (the limit shrunk here to keep the test small)."""
    from glossar import files

    src = tmp_path / "big.csv"
    src.write_text("".join(f"Haus{i},house {i}\n" for i in range(60)), encoding="utf-8")
    monkeypatch.setattr(files, "MAX_INPUT_BYTES", 3000)
    out = tmp_path / "big.toml"
    result = glossar_cli("glossary", "import", str(src), "-o", str(out))
    assert result.exit_code == 4, result.stderr
    assert "a glossary may have; nothing was written" in result.stderr
    assert not out.exists()
    monkeypatch.setattr(files, "MAX_INPUT_BYTES", 64 * 1024**2)
    assert glossar_cli("glossary", "import", str(src), "-o", str(out)).exit_code == 0


def test_bad_rows_exit_4_with_file_line_and_nothing_written(glossar_cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Haus,house\nHof\nGas,gas,x\n", encoding="utf-8")
    out = tmp_path / "out.toml"
    result = glossar_cli("glossary", "import", str(bad), "-o", str(out))
    assert result.exit_code == 4
    assert result.stderr.splitlines() == [
        f"glossar: {bad}:2: expected 2 columns, found 1",
        f"glossar: {bad}:3: expected 2 columns, found 3",
    ]
    assert not out.exists()


@pytest.mark.skipif(not SHARED_TBX.is_dir(), reason="../shared/tbx/ not present")
@pytest.mark.parametrize(
    ("name", "languages"),
    [
        ("LTAC-Global_TBX_test_files__basic_good.tbx", "en, es, zu (45 concepts)"),
        ("LTAC-Global_TBX-converter__Good-Basic2.tbx", "en, es (25 concepts)"),
    ],
)
def test_third_party_files_exit_4_naming_the_languages(glossar_cli, tmp_path, name, languages):
    out = tmp_path / "out.toml"
    result = glossar_cli("glossary", "import", str(SHARED_TBX / name), "-o", str(out))
    assert result.exit_code == 4
    assert result.stderr == (
        f"glossar: {SHARED_TBX / name}: no German–English concepts: languages found {languages}\n"
    )
    assert not out.exists()


def test_hostile_xml_exits_4_without_reading_other_files(glossar_cli, tmp_path):
    xxe = tmp_path / "xxe.tbx"
    xxe.write_bytes(
        b'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b"<martif><text><body><termEntry><langSet xml:lang='de'><tig><term>&x;</term></tig>"
        b"</langSet></termEntry></body></text></martif>"
    )
    result = glossar_cli("glossary", "import", str(xxe))
    assert result.exit_code == 4
    assert len(result.stderr.splitlines()) == 1 and "refused" in result.stderr
    assert "root:" not in result.stdout + result.stderr


def _one_concept_tbx(de: str, en: str) -> str:
    return (
        '<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" '
        'style="dca" xml:lang="en"><tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc>'
        '</fileDesc></tbxHeader><text><body><conceptEntry id="c1"><langSec xml:lang="de">'
        f'<termSec><term>{de}</term></termSec></langSec><langSec xml:lang="en"><termSec>'
        f"<term>{en}</term></termSec></langSec></conceptEntry></body></text></tbx>"
    )


def test_numbered_ids_warn_and_an_id_prefix_keeps_two_imports_apart(glossar_cli, tmp_path):
    """Two termbases both numbering their concepts c1: layered, the second replaced the
    first's entry by id, silently. The import now warns, and --id-prefix keeps them apart."""
    a, b = tmp_path / "a.tbx", tmp_path / "b.tbx"
    a.write_text(_one_concept_tbx("Zahnrad", "gear wheel"), encoding="utf-8")
    b.write_text(_one_concept_tbx("Ritzel", "pinion"), encoding="utf-8")
    r = glossar_cli("glossary", "import", str(a), "-o", str(tmp_path / "a.toml"))
    assert r.exit_code == 0 and "its ids (c1, …) are the file's own numbering" in r.stderr
    r = glossar_cli(
        "glossary", "import", str(b), "--id-prefix", "b-", "-o", str(tmp_path / "b.toml")
    )
    assert r.exit_code == 0 and "own numbering" not in r.stderr
    assert 'id = "b-c1"' in (tmp_path / "b.toml").read_text(encoding="utf-8")
    layers = ["--glossary", str(tmp_path / "a.toml"), "--glossary", str(tmp_path / "b.toml")]
    found = glossar_cli("terms", "--json", *layers, input="Das Zahnrad und das Ritzel.")
    assert [t["id"] for t in json.loads(found.stdout)["terms"]] == ["c1", "b-c1"]
    bad = glossar_cli("glossary", "import", str(b), "--id-prefix", "B_")
    assert bad.exit_code == 2 and "--id-prefix" in bad.stderr


def test_export_only_the_users_glossary(glossar_cli, tmp_path):
    """A translator hands on their own termbase: --only leaves the curated news
    glossary (hundreds of entries) out of the file; without --glossary it is a usage error."""
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[glossary]\nid = "mine"\n\n[[entry]]\nid = "mein-notstand"\nde = "Ausnahmezustand"\n'
        'pos = "other"\nen = "emergency rule"\n',
        encoding="utf-8",
    )
    only = glossar_cli("glossary", "export", "--only", "--glossary", str(mine), "--format", "csv")
    assert only.exit_code == 0, only.stderr
    assert list(csv.reader(io.StringIO(only.stdout))) == [["Ausnahmezustand", "emergency rule"]]
    layered = glossar_cli("glossary", "export", "--glossary", str(mine), "--format", "csv")
    assert len(layered.stdout.splitlines()) > 100  # the curated glossary under it
    bare = glossar_cli("glossary", "export", "--only", "--format", "csv")
    assert bare.exit_code == 2 and "--only needs the glossaries" in bare.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "json", "--header"], "--header is for CSV and TSV, not json."),
        (["--format", "tbx", "--columns", "all"], "--columns all is for CSV and TSV, not tbx."),
    ],
)
def test_a_csv_option_with_another_format_is_a_usage_error(glossar_cli, args, said):
    """A tester: both were ignored without a word (exit 0)."""
    result = glossar_cli("glossary", "export", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {said}"


def test_a_tbx_file_imported_as_csv_is_one_line(glossar_cli, tmp_path):
    """A tester: `import t1.tbx --format csv` printed ~4,000 lines of "expected 2
    columns, found 1"."""
    tbx = tmp_path / "mine.tbx"
    assert glossar_cli("glossary", "export", "--format", "tbx", "-o", str(tbx)).exit_code == 0
    result = glossar_cli("glossary", "import", str(tbx), "--format", "csv")
    assert result.exit_code == 4
    assert result.stderr == (
        f"glossar: {tbx}: the file is XML (TBX), not CSV: leave --format out to read it as "
        "what it is\n"
    )
