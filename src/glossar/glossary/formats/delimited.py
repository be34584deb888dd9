"""Two-column CSV/TSV glossaries as DeepL, Google and Amazon users hold them.

Written: one German→English pair per row, source then target, no header (DeepL, Google
unidirectional) or with ``header=True`` a ``de,en`` language-code header (Google's
equivalent-term sets, Amazon custom terminology). Rows: the headword with the preferred
English; each admitted German variant with the same English; each German abbreviation
with the English abbreviation at the same position (or the English full form). English
alternatives and deprecated terms have no place in a one-target-per-source file and are
left out, as are grammar, notes and examples; so are unsure entries (``senses``: Land →
country or state), which glossar only suggests and a pair would force on every text.
The writer says what it left out in one warning line.

Read: cells cut at commas, or at semicolons where the first rows say so (German-locale
spreadsheets: :func:`csv_delimiter`), empty trailing cells ignored; with or without a
language header (then the ``de`` and ``en`` columns are taken wherever they are),
consecutive rows with the same English grouped into one entry (the first German is the
headword, the others its variants: what the writer wrote for one entry), ids made from
the German term. A file whose first row names entry fields (``id,de,pos,…``) is the
lossless form of :mod:`glossar.glossary.formats.columns`.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(OWASP "CSV injection"): such a cell is written with a leading apostrophe, which a
spreadsheet shows as text, and reading removes that one apostrophe again, so an export
imports back unchanged. (A tool that reads the file literally, DeepL among them, sees
the apostrophe: such terms are rare in German news.)
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from glossar.files import decode_utf8
from glossar.glossary.formats.entries import (
    Problems,
    ReadResult,
    build_entry,
    check_unique,
    id_from_name,
    slugify,
    term_problem,
    unique_id,
)
from glossar.glossary.model import Entry, GlossaryInfo
from glossar.glossary.rules import infinitive_shaped
from glossar.i18n import _, ngettext
from glossar.neutralise import for_spreadsheet, from_spreadsheet

_LANG_RE = re.compile(r"[a-z]{2,3}([-_][A-Za-z0-9]{1,8})*\Z")


def _pairs(entry: Entry) -> Iterator[tuple[str, str]]:
    yield entry.de, entry.en
    for variant in entry.de_alt:
        yield variant, entry.en
    for i, abbr in enumerate(entry.de_abbr):
        yield abbr, entry.en_abbr[i] if i < len(entry.en_abbr) else entry.en


def _dropped(entries: list[Entry], skipped: int, unusable: int) -> list[str]:
    """What a two-column file leaves out, one part of the warning each (none when 0)."""
    unsure = sum(not e.sure for e in entries)
    alternatives = sum(len(e.en_alt) for e in entries)
    deprecated = sum(len(e.en_deprecated) for e in entries)
    abbreviations = sum(max(0, len(e.en_abbr) - len(e.de_abbr)) for e in entries)
    parts = [
        (unsure, ngettext(
            "{n} entry with several senses (unsure: a fixed pair would force one sense on "
            "every text)",
            "{n} entries with several senses (unsure: a fixed pair would force one sense on "
            "every text)",
            unsure,
        )),
        (alternatives, ngettext(
            "{n} English alternative", "{n} English alternatives", alternatives
        )),
        (deprecated, ngettext(
            "{n} deprecated English term", "{n} deprecated English terms", deprecated
        )),
        (abbreviations, ngettext(
            "{n} English abbreviation without a German one",
            "{n} English abbreviations without a German one",
            abbreviations,
        )),
        (skipped, ngettext(
            "{n} row with a German term already used",
            "{n} rows with a German term already used",
            skipped,
        )),
        (unusable, ngettext(
            "{n} row with control characters or surrounding spaces (DeepL refuses them)",
            "{n} rows with control characters or surrounding spaces (DeepL refuses them)",
            unusable,
        )),
    ]  # fmt: skip
    return [what.format(n=n) for n, what in parts if n]


def write_rows(entries: list[Entry], fmt: str, *, header: bool) -> tuple[str, list[str]]:
    """The entries as ``fmt`` ("csv" or "tsv") text, and one warning line on what is lost."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    skipped = unusable = 0
    for entry in entries:
        if not entry.sure:  # Land → country | state: glossar suggests, a pair would enforce
            continue
        for de, en in _pairs(entry):
            if term_problem(de) or term_problem(en) or (fmt == "tsv" and "\t" in de + en):
                unusable += 1  # loaded glossaries never have these; entries built in code may
                continue
            if de in seen:
                skipped += 1
                continue
            seen.add(de)
            rows.append((for_spreadsheet(de), for_spreadsheet(en)))
    out = io.StringIO()
    if fmt == "tsv":
        if header:
            out.write("de\ten\n")
        for de, en in rows:
            out.write(f"{de}\t{en}\n")
    else:
        # a ";" in a term: every cell quoted, so that no reader (ours included) takes
        # the file for a German-locale CSV, whose cells ";" separates
        semicolon = any(";" in de or ";" in en for de, en in rows)
        quoting = csv.QUOTE_ALL if semicolon else csv.QUOTE_MINIMAL
        writer = csv.writer(out, lineterminator="\n", quoting=quoting)
        if header:
            writer.writerow(("de", "en"))
        writer.writerows(rows)
    lost = _dropped(entries, skipped, unusable)
    what = _("ids, grammar, notes, definitions and examples")
    if lost:
        what = _("{lost}; {fields}").format(lost=", ".join(lost), fields=what)
    warning = _("{format} keeps only German→English term pairs: {what} are not exported").format(
        format=fmt, what=what
    )
    return out.getvalue(), [warning] if entries else []


def csv_delimiter(text: str) -> str:
    """``;`` for a CSV that German-locale spreadsheets wrote, a tab for tab-separated
    values named .csv, else ``,``.

    Excel and LibreOffice in a German locale write "CSV" with ``;`` between cells (the
    comma is the decimal sign there) and quote no comma: such a file read with commas
    had every row refused as "expected 2 columns, found 1". Judged on the first rows
    (trailing empty cells aside): ``;`` when it cuts every row into the same number of
    cells (two or more) and ``,`` does not, or when both do and a comma is a decimal
    sign (``1,5-Grad-Ziel``) or only the comma cuts before a space (``Staat, Land``: a
    comma in prose); otherwise ``,``.
    """
    lines = [line for line in text.split("\n")[: _SAMPLE * 2] if line.strip()][:_SAMPLE]

    def judged(delimiter: str) -> tuple[bool, bool]:
        # strict: a cell quoted for the other delimiter ("0;0","x" read with ";") is no
        # cell of this one
        try:
            rows = list(csv.reader(lines, delimiter=delimiter, strict=True))
        except csv.Error:
            return False, False
        even = any(
            len(widths) == 1 and min(widths) >= 2
            for widths in ({len(row) for row in rows}, {len(_trimmed(row)) for row in rows})
        )
        return even, any(cell[:1] == " " for row in rows for cell in row[1:])

    semicolon_even, semicolon_spaced = judged(";")
    comma_even, comma_spaced = judged(",")
    if not semicolon_even and not comma_even and judged("\t")[0]:
        return "\t"  # tab-separated values saved as .csv (a tester's file)
    decimal_comma = any(_DECIMAL_COMMA.search(line) for line in lines)  # 1,5-Grad-Ziel
    if semicolon_even and (
        not comma_even or decimal_comma or (comma_spaced and not semicolon_spaced)
    ):
        return ";"
    # no comma anywhere, a semicolon in most rows: a German-locale file with a row that
    # has a stray ";" in a cell ("government; administration"); read with ";" that row
    # is refused by its line, read with "," every row was
    if (
        lines
        and not any("," in line for line in lines)
        and sum(";" in line for line in lines) * 2 > len(lines)
    ):
        return ";"
    return ","


#: Rows :func:`csv_delimiter` looks at.
_SAMPLE = 20
_DECIMAL_COMMA = re.compile(r"\d,\d")


def _trimmed(cells: list[str]) -> list[str]:
    """``cells`` (two at least) without the empty cells a spreadsheet leaves after the last
    one used (``Haus;house;;``)."""
    end = len(cells)
    while end > 2 and not cells[end - 1].strip():  # a pair keeps its empty cell
        end -= 1
    return cells[:end]


def _unquoted(cell: str) -> str:
    """A TSV cell as Excel and Google Sheets quote one that holds a quote (the whole cell
    in quotes, its own quotes doubled) without that quoting; any other cell as it is.
    A term is never written so."""
    inner = cell[1:-1]
    if len(cell) >= 2 and cell[0] == cell[-1] == '"' and '"' not in inner.replace('""', ""):
        return inner.replace('""', '"')
    return cell


#: Quotation marks that may enclose a whole cell: (opening, closing).
_QUOTE_PAIRS = (('"', '"'), ("„", "“"), ("“", "”"), ("»", "«"), ("«", "»"), ("‚", "‘"), ("'", "'"))


def _without_quote_marks(term: str) -> str:
    """``term`` without quotation marks around the whole of it (``"Sondervermögen"``,
    „Sondervermögen“: a spreadsheet cell that quoted its term). A term is never
    written so; a mark inside it (Operation „Wüstensturm“) stays."""
    for opening, closing in _QUOTE_PAIRS:
        inner = term[1:-1]
        if (
            len(term) > 2
            and term[0] == opening
            and term[-1] == closing
            and opening not in inner
            and closing not in inner
        ):
            return inner.strip()
    return term


def _records(text: str, fmt: str, delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) for each non-blank record."""
    if fmt == "tsv":
        # only \n ends a record: str.splitlines() would also cut at U+0085, U+2028, ...
        for number, line in enumerate(text.split("\n"), 1):
            line = line.removesuffix("\r")
            if line.strip():
                yield number, [_unquoted(cell) for cell in line.split("\t")]
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    last = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _CsvError(reader.line_num, str(exc)) from None
        start, last = last + 1, reader.line_num
        if any(cell.strip() for cell in row):
            yield start, row


class _CsvError(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


def _is_language_code(code: str) -> bool:
    if not _LANG_RE.match(code) or not code[:2].islower():
        return False  # "EU" or "USA" in a headerless file are terms, not languages
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(re.split(r"[-_]", code)[0])
    except (UnknownLocaleError, ValueError):
        return False
    return True


#: Language names spreadsheet users write as a header instead of codes.
_LANGUAGE_NAMES = {"german": "de", "deutsch": "de", "english": "en", "englisch": "en"}
#: A header some tools write for a language pair ("source,target"): glossar's pair is de → en.
_PAIR_NAMES = {"source": "de", "target": "en", "source term": "de", "target term": "en"}


def _header_columns(cells: list[str]) -> dict[str, int] | None:
    """Column of each language if ``cells`` is a language header, else None: lower-case
    codes (``de,en``, ``en,fr,de-DE``), or capitals and names (``DE;EN``,
    ``Deutsch;Englisch``) when they name both German and English (a headerless row of
    capitals is a term pair: ``EU,USA``)."""
    found = _code_columns(cells)
    if found is not None:
        return found
    names = {**_LANGUAGE_NAMES, **_PAIR_NAMES}
    named = [names.get(c.strip().lower(), c.strip().lower()) for c in cells]
    found = _code_columns(named)
    return found if found is not None and {"de", "en"} <= found.keys() else None


def _code_columns(cells: list[str]) -> dict[str, int] | None:
    codes = [c.strip() for c in cells]
    named = [c for c in codes if c]
    if len(named) < 2 or len(set(named)) < len(named):
        return None
    if not all(_is_language_code(c) for c in named):
        return None
    primary = [re.split(r"[-_]", c)[0].lower() for c in codes]
    return {lang: i for i, lang in reversed(list(enumerate(primary)))}


def _nominalised_infinitives(german: dict[str, tuple[str, int]]) -> set[str]:
    """German terms that are a verb's infinitive written as a noun, with the verb beside them.

    A two-column file has no part of speech, but it may hold ``Eingreifen`` → intervention
    and ``eingreifen`` → intervene, as our own export of a noun and a verb does. Both would
    claim one spelling; a capitalised infinitive whose lower-case twin is in the file is
    the nominalised infinitive, always a neuter noun (das Eingreifen), so it becomes one.
    """
    out = set()
    for term in german:
        if infinitive_shaped(term):
            twin = term[0].lower() + term[1:]
            if twin in german:
                out.add(term)
    return out


def read(data: bytes, name: str, fmt: str) -> ReadResult:
    """Entries from a two-column (or language-headed) CSV/TSV; every bad row is a problem."""
    text = decode_utf8(data, name)
    problems = Problems(name)
    warnings: list[str] = []
    try:
        records = list(_records(text, fmt, csv_delimiter(text) if fmt == "csv" else ","))
    except _CsvError as exc:
        problems.add(exc.line, _("not valid CSV: {why}").format(why=exc.message))
        problems.raise_if_any()
        raise AssertionError from None
    if not records:
        problems.add(
            None,
            _("no rows: expected German and English terms, {format}").format(format=fmt.upper()),
        )
        problems.raise_if_any()
    from glossar.glossary.formats import columns as glossary_columns

    if glossary_columns.is_field_header(records[0][1]):
        return glossary_columns.read_rows(records, name, fmt, problems)
    de_col, en_col, width = 0, 1, 2
    columns = _header_columns(_trimmed(records[0][1]))
    if columns is not None:
        line, cells = records.pop(0)
        cells = _trimmed(cells)
        missing = [lang for lang in ("de", "en") if lang not in columns]
        if missing:
            found = ", ".join(c.strip() for c in cells)
            problems.add(
                line,
                _("header names the languages {found}: no {missing}").format(
                    found=found, missing=" or ".join(missing)
                ),
            )
            problems.raise_if_any()
        de_col, en_col, width = columns["de"], columns["en"], len(cells)
        if width > 2:
            others = [c.strip() for i, c in enumerate(cells) if i not in (de_col, en_col)]
            warnings.append(
                _("{name}: columns {columns} ignored").format(name=name, columns=", ".join(others))
            )
    # (English target, [(German, line)]) for each run of rows sharing one English
    groups: list[tuple[str, list[tuple[str, int]]]] = []
    german: dict[str, tuple[str, int]] = {}
    incomplete = 0
    quoted = 0
    for line, cells in records:
        if len(cells) > width and not "".join(cells[width:]).strip():
            cells = cells[:width]  # empty cells a spreadsheet left after the last column
        if len(cells) != width:
            problems.add(
                line, _("expected {n} columns, found {found}").format(n=width, found=len(cells))
            )
            continue
        raw_de = from_spreadsheet(cells[de_col].strip())
        raw_en = from_spreadsheet(cells[en_col].strip())
        de, en = _without_quote_marks(raw_de), _without_quote_marks(raw_en)
        quoted += (de != raw_de) + (en != raw_en)
        if width > 2 and (not de or not en):
            incomplete += 1  # an equivalent-term set without German or English
            continue
        bad = False
        for which, term in ((_("German term: {why}"), de), (_("English term: {why}"), en)):
            reason = term_problem(term)
            if reason:
                problems.add(line, which.format(why=reason))
                bad = True
        if bad:
            continue
        if de in german:
            other_en, other_line = german[de]
            if other_en != en:
                problems.add(
                    line,
                    _(
                        "{de} is already translated as {en} on line {line} (one English term "
                        "per German term)"
                    ).format(de=repr(de), en=repr(other_en), line=other_line),
                )
            continue
        german[de] = (en, line)
        if groups and groups[-1][0] == en:
            groups[-1][1].append((de, line))
        else:
            groups.append((en, [(de, line)]))
    if quoted:
        warnings.append(
            ngettext(
                "{name}: {n} term in quotation marks: the marks were dropped",
                "{name}: {n} terms in quotation marks: the marks were dropped",
                quoted,
            ).format(name=name, n=quoted)
        )
    if incomplete:
        warnings.append(
            ngettext(
                "{name}: {n} row without both German and English skipped",
                "{name}: {n} rows without both German and English skipped",
                incomplete,
            ).format(name=name, n=incomplete)
        )
    info = GlossaryInfo(id=id_from_name(name), path=name)
    taken: set[str] = set()
    entries = []
    nominalised = _nominalised_infinitives(german)
    for en, rows in groups:
        (de, line), variants = rows[0], rows[1:]
        data_: dict[str, object] = {
            "id": unique_id(slugify(de), taken),
            "de": de,
            "en": en,
            "pos": "other",  # a CSV says nothing about grammar; "noun" would need a gender
            "de_alt": [v for v, _ in variants],
        }
        if de in nominalised:
            data_.update(pos="noun", gender="n")
        entry = build_entry(data_, problems, line=line, glossary=info.id)
        if entry is not None:
            entries.append(entry)
    check_unique(entries, problems)
    problems.raise_if_any()
    return ReadResult(info, entries, warnings)
