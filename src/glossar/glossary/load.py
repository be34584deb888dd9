"""Reading, validating and layering glossary files (TOML, see docs/glossary-format.md).

Every problem is reported as ``PATH:LINE: FIELD: what is wrong`` and a file with any
problem is refused whole: nothing half-loaded. ``tomllib`` gives no positions for
values: :mod:`glossar.glossary.toml_lines` finds the lines from the raw text.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossar.arguments import paths_argument
from glossar.errors import GlossaryError
from glossar.i18n import _

try:  # tomli is tomllib's upstream, compiled with mypyc: ~3x faster on big glossaries
    import tomli as tomllib
except ImportError:  # pragma: no cover - tomli is a dependency; the stdlib is the fallback
    import tomllib  # type: ignore[no-redef]
try:  # Rust, 1.6x faster than tomli on big glossaries (docs/decisions.md, "TOML")
    import rtoml
except ImportError:  # pragma: no cover - a platform without its wheel: tomli alone
    rtoml = None  # type: ignore[assignment]

from glossar.glossary.adopt import adopt_pairs, inherit_matching
from glossar.glossary.bulk import (
    bulk_entries,
    claim_keys,
    known_claim_keys,
    remember_claim_keys,
)
from glossar.glossary.model import (
    Entry,
    Glossary,
    GlossaryInfo,
)
from glossar.glossary.rules import ID_RE, check_entry, german_claims, may_share_a_claim
from glossar.glossary.toml_lines import LazyLines
from glossar.neutralise import text_problem
from glossar.text.fold import fold_key

_HEADER_FIELDS = ("id", "title", "version", "source_lang", "target_lang", "description")


#: The bundled glossary every text gets: senses that hold in any German news.
NEWS_GLOSSARY = "news"
#: The bundled article's own glossary, layered over :data:`NEWS_GLOSSARY` for it.
ARTICLE_GLOSSARY = "kazakhstan-2022"


def curated_glossary_dir() -> Path:
    """Where the bundled glossaries live: inside the installed package, else the repo root."""
    packaged = Path(__file__).resolve().parent.parent / "glossaries"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "glossaries"


def bundled_glossaries() -> dict[str, Path]:
    """The bundled glossaries by name (the file's stem, which is also its id), news first."""
    paths = sorted(curated_glossary_dir().glob("*.toml"))
    paths.sort(key=lambda p: p.stem != NEWS_GLOSSARY)
    return {p.stem: p for p in paths}


def curated_glossary_paths() -> list[Path]:
    """Every bundled glossary file, the news glossary first."""
    return list(bundled_glossaries().values())


def resolve_glossary(ref: str | os.PathLike[str]) -> str | os.PathLike[str]:
    """A ``--glossary`` value as a path: a bundled glossary's name, else the file itself.

    An existing file wins over a bundled name (a user's ``news`` file in the working
    directory is theirs); a name with no file behind it is the bundled glossary.
    """
    if isinstance(ref, str) and not os.path.exists(ref):
        bundled = bundled_glossaries().get(ref)
        if bundled is not None:
            return bundled
    return ref


def _read(path: Path) -> bytes:
    from glossar.errors import BadInputError
    from glossar.files import read_bytes

    try:  # capped whatever stat says: a pipe or /dev/zero is refused, not read forever
        return read_bytes(path, what="glossary file")
    except BadInputError as exc:
        why = str(exc).split(": ", 1)[-1]
        raise GlossaryError([f"{path}: {why}"]) from None


def _parse(path: Path, data: bytes) -> tuple[str, dict[str, Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        why = _("not UTF-8 (byte {byte})").format(byte=exc.start)
        raise GlossaryError([f"{path}:{line}: file: {why}"]) from None
    if rtoml is not None:  # rtoml first; tomli words the errors as they always were
        try:
            return text, rtoml.loads(text)
        except Exception:  # noqa: BLE001 - any refusal is asked again of tomli
            pass
    try:
        return text, tomllib.loads(text)
    except RecursionError:
        raise GlossaryError([f"{path}: toml: " + _("nested too deeply")]) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        # "(at end of document)": the last line (line 0 named no line of the file)
        line = match.group(1) if match else str(max(1, len(text.splitlines())))
        reason = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        from glossar.glossary.toml_reasons import (  # (only on an error: its table)
            missing_comma_line,
            toml_reason,
        )

        reason = toml_reason(reason) if reason else _("syntax error")
        comma = missing_comma_line(text, int(line), int(match.group(2))) if match else 0
        if comma and "Unclosed array" in str(exc):
            line = str(comma)
            reason = _("a ',' missing after an item of an array")
        if match is None and "end of document" in str(exc):
            reason += " " + _("(at the end of the file)")
        suffix = Path(path).suffix.lower()
        if suffix in _IMPORTABLE:  # a DeepL CSV or a TBX given to --glossary as it is
            message = _(
                "{name}: a {kind} file, not a glossar glossary (TOML): convert it first "
                "with `glossar glossary import {name} -o {stem}.toml`"
            )
            name = str(path)
            raise GlossaryError(
                [message.format(name=name, kind=suffix[1:].upper(), stem=Path(path).stem)]
            ) from None
        raise GlossaryError([f"{path}:{line}: toml: {reason}"]) from None


#: Suffixes of the files ``glossary import`` converts (no glossary file has them).
_IMPORTABLE = (".csv", ".tsv", ".tbx", ".json", ".xml")


def load_glossary_file(
    path: str | os.PathLike[str], *, cache: bool = True
) -> tuple[GlossaryInfo, list[Entry]]:
    """Read and validate one glossary file; raise :class:`GlossaryError` listing every problem.

    ``cache=False`` skips the disk cache of large files (:mod:`load_cache`): for a
    temporary file, whose name no later load will ask for.

    The cyclic garbage collector is paused meanwhile: parsing allocates hundreds of
    thousands of small acyclic objects, and collections triggered by them cost a large
    glossary a third of its load time.
    """
    from glossar.arguments import path_argument

    path = path_argument(path, "path")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_glossary_file(path, cache=cache)
    finally:
        if was_enabled:
            gc.enable()


def _load_glossary_file(
    path: str | os.PathLike[str], *, cache: bool
) -> tuple[GlossaryInfo, list[Entry]]:
    """:func:`load_glossary_file`: a large file's entries come from the load cache when
    an earlier process loaded the same bytes under the same name without a problem."""
    from glossar.glossary import load_cache

    where = str(path)
    raw = _read(Path(path))
    # (counted in the bytes first: a small file never pays for the cache's fingerprint)
    big = cache and raw.count(b"[[entry]]") >= load_cache.MIN_ENTRIES
    cached = load_cache.cache_path(raw, where) if big else None
    if cached is not None:
        hit = load_cache.load(cached)
        if hit is not None:
            info, entries, keys, owners = hit
            remember_claim_keys(entries, keys, owners)
            return info, entries
    info, entries = _check_glossary_file(Path(path), where, raw)
    if cached is not None and len(entries) >= load_cache.MIN_ENTRIES:
        load_cache.store(cached, info, entries, *known_claim_keys(entries))
    return info, entries


def _check_glossary_file(p: Path, where: str, raw: bytes) -> tuple[GlossaryInfo, list[Entry]]:
    text, data = _parse(p, raw)
    lines = LazyLines(text)
    problems: list[str] = []
    header = data.get("glossary")
    info_values: dict[str, str] = {}
    if not isinstance(header, dict):
        problems.append(f"{where}:1: glossary: " + _("the [glossary] table is missing"))
    else:
        for key, value in header.items():
            if key not in _HEADER_FIELDS:
                problems.append(
                    f"{where}:{lines.header_line(key)}: glossary.{key}: " + _("unknown field")
                )
            elif not isinstance(value, str):
                problems.append(
                    f"{where}:{lines.header_line(key)}: glossary.{key}: " + _("not a string")
                )
            elif reason := text_problem(value):
                problems.append(f"{where}:{lines.header_line(key)}: glossary.{key}: {reason}")
            else:
                info_values[key] = value
        if "id" not in header:
            line = lines.header_line()
            problems.append(f"{where}:{line}: glossary.id: " + _("required field is missing"))
        elif "id" in info_values and not ID_RE.match(info_values["id"]):
            line = lines.header_line("id")
            problems.append(f"{where}:{line}: glossary.id: " + _("not a valid id"))
        for key in ("source_lang", "target_lang"):
            want = "de" if key == "source_lang" else "en"
            if info_values.get(key, want) != want:
                problems.append(
                    f"{where}:{lines.header_line(key)}: glossary.{key}: "
                    + _("only de → en is supported")
                )
    for key in data:
        if key not in ("glossary", "entry"):
            line = lines.top_keys.get(key, 1)
            problems.append(f"{where}:{line}: {key}: " + _("unknown table or key"))
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list):
        problems.append(f"{where}:1: entry: " + _("must be an array of [[entry]] tables"))
        raw_entries = []
    gloss_id = info_values.get("id", p.stem)
    if not problems:
        fast = bulk_entries(raw_entries, raw, gloss_id, where)
        if fast is not None:
            return _info(gloss_id, where, info_values, fast), fast
    entries: list[Entry] = []
    seen_ids: dict[str, int] = {}
    claimed: dict[str, list[tuple[str, int, Entry]]] = {}
    for index, raw in enumerate(raw_entries):

        def line_of(key: str | None, _i: int = index) -> int:
            return lines.entry_line(_i, key)

        if not isinstance(raw, dict):
            problems.append(f"{where}:{line_of(None)}: entry: " + _("must be a table"))
            continue
        # a duplicate id is reported whatever else is wrong with either entry (every
        # problem in one pass)
        raw_id = raw.get("id")
        duplicate = isinstance(raw_id, str) and raw_id in seen_ids
        if duplicate:
            first = lines.entry_line(seen_ids[raw_id], "id")
            message = _("duplicate id {id} (first at line {line})")
            problems.append(
                f"{where}:{line_of('id')}: id: " + message.format(id=repr(raw_id), line=first)
            )
        elif isinstance(raw_id, str):
            seen_ids[raw_id] = index
        values = check_entry(
            raw,
            lambda field, msg, _l=line_of: problems.append(f"{where}:{_l(field)}: {field}: {msg}"),
        )
        if values is None or duplicate:
            continue
        entry_id = values["id"]
        entry = Entry(**values, glossary=gloss_id, source=where, line=line_of(None))
        for key, spelling in german_claims(entry):
            owners = claimed.setdefault(key, [])
            # every earlier claimant: one entry listing a form and one term pair may share
            clash = next(
                (o for o in owners if o[0] != entry_id and not may_share_a_claim(o[2], entry, key)),
                None,
            )
            if clash is not None:
                message = _("{spelling} is already claimed by entry {owner} (line {line})")
                problems.append(
                    f"{where}:{line_of('de')}: de: "
                    + message.format(spelling=repr(spelling), owner=repr(clash[0]), line=clash[1])
                )
            elif all(o[0] != entry_id for o in owners):
                owners.append((entry_id, line_of(None), entry))
        entries.append(entry)
    if problems:
        # in the file's order, as an editor walks them (they were grouped per check:
        # line 9, 6, 14, 16, 19, 18); problems of one line keep their order
        raise GlossaryError(sorted(problems, key=lambda p: _line_in(p, where)))
    return _info(gloss_id, where, info_values, entries), entries


def _line_in(problem: str, where: str) -> int:
    """The line number of a ``WHERE:LINE: …`` problem (0 where it names none)."""
    rest = problem[len(where) + 1 :] if problem.startswith(where + ":") else ""
    digits = rest.partition(":")[0]
    return int(digits) if digits.isdigit() else 0


def _info(gloss_id: str, where: str, values: dict[str, str], entries: list[Entry]) -> GlossaryInfo:
    return GlossaryInfo(
        id=gloss_id,
        path=where,
        title=values.get("title", ""),
        version=values.get("version", ""),
        entries=len(entries),
        description=values.get("description", ""),
    )


def validate_paths(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
) -> list[str]:
    """Every problem in the given glossary files (one path alone too), as
    ``PATH:LINE: FIELD: problem`` lines."""
    from glossar.arguments import paths_argument

    problems: list[str] = []
    for path in paths_argument(paths):
        try:
            load_glossary_file(resolve_glossary(path))  # a bundled name as --glossary takes
        except GlossaryError as exc:
            problems.extend(exc.problems)
    return problems


def build_glossary(layers: Sequence[tuple[GlossaryInfo, list[Entry]]]) -> Glossary:
    """Layer glossaries: a later entry replaces an earlier one with the same id, and an
    earlier entry that claims a German spelling the later one claims is dropped. A bare
    term pair (pos "other", no grammar) that names an earlier entry's spelling keeps that
    entry's German side and gives it the pair's English (:mod:`glossar.glossary.adopt`).

    Within one file claims are unique (validation), so only entries of later layers
    are checked, against the claims of what the earlier layers left.
    """
    was_enabled = gc.isenabled()
    gc.disable()  # as in load_glossary_file: many small acyclic objects
    try:
        return _build_glossary(layers)
    finally:
        if was_enabled:
            gc.enable()


def _build_glossary(layers: Sequence[tuple[GlossaryInfo, list[Entry]]]) -> Glossary:
    glossary = Glossary()
    owner: dict[str, str] = {}
    for number, (info, entries) in enumerate(layers):
        glossary.layers.append(info)
        contested: set[int] = set()
        losers: set[str] = set()
        if owner:  # only the few entries claiming what an earlier layer claims need a look
            keys, owners = known_claim_keys(entries)
            # the claim keys stay: inheriting matching rules adds no spelling
            entries = inherit_matching(entries, keys, owners, owner, glossary.entries) or entries
            adopted = adopt_pairs(entries, keys, owners, owner, glossary.entries)
            if adopted is not None:  # term pairs merged into the entries they re-word
                entries, keys, owners = adopted
            if not owner.keys().isdisjoint(keys):
                hits = [(key, i) for key, i in zip(keys, owners, strict=True) if key in owner]
                contested = {i for _, i in hits}
                losers = {owner[key] for key, i in hits if owner[key] != entries[i].id}
        by_id = {e.id: e for e in entries}
        for entry_id in glossary.entries.keys() & by_id.keys():
            earlier, later = glossary.entries[entry_id], by_id[entry_id]
            if fold_key(earlier.de) != fold_key(later.de):
                glossary.replaced.append((earlier, later))
        if len(by_id) == len(entries) and losers.isdisjoint(by_id):
            # the loop below, in C: replaced entries and the entries that lose a claim
            # go, this layer's entries follow in file order
            for entry_id in (glossary.entries.keys() & by_id.keys()) | losers:
                glossary.entries.pop(entry_id, None)
            glossary.entries.update(by_id)
        else:
            placed: set[str] = set()  # ids this layer has put in: never a loser
            for index, entry in enumerate(entries):
                glossary.entries.pop(entry.id, None)
                if index in contested:
                    for key, _spelling in german_claims(entry):
                        loser = owner.get(key)
                        # the earlier layer's owner of the spelling loses it, unless its
                        # id now holds an entry of this layer (the earlier one replaced)
                        if loser is not None and loser != entry.id and loser not in placed:
                            glossary.entries.pop(loser, None)
                glossary.entries[entry.id] = entry
                placed.add(entry.id)
        if number < len(layers) - 1:
            kept = list(glossary.entries.values())
            keys, owners = claim_keys(kept)
            # a headword's claim over a form's where a term pair spells another entry's
            # form (claim_keys lists headwords first): the next layer names the pair
            pairs = reversed(list(zip(keys, owners, strict=True)))
            owner = {key: kept[i].id for key, i in pairs}
    return glossary


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime_ns: int, size: int) -> tuple[GlossaryInfo, list[Entry]]:
    return load_glossary_file(path)


def _file_key(path: str | os.PathLike[str]) -> tuple[str, int, int]:
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), st.st_mtime_ns, st.st_size)


def load_glossary(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str] = (), *, curated: bool = True
) -> Glossary:
    """The news glossary (unless ``curated=False``) with ``paths`` layered on top, later
    ones winning. A path may name a bundled glossary (``"kazakhstan-2022"``). Raises
    :class:`GlossaryError` if any file has a problem.

    Parsed files are cached by path, modification time and size.
    """
    resolved = [resolve_glossary(p) for p in paths_argument(paths)]
    all_paths: list[str | os.PathLike[str]] = []
    if curated:
        news = bundled_glossaries().get(NEWS_GLOSSARY)
        if news is not None and news not in resolved:
            all_paths.append(news)
    all_paths.extend(resolved)
    layers: list[tuple[GlossaryInfo, list[Entry]]] = []
    problems: list[str] = []
    for path in all_paths:
        name, mtime, size = _file_key(path)
        if mtime == -1:
            from glossar.files import display_name

            # not a problem at a line of a file (``PATH:0: file:`` read as one): it is none
            problems.append(
                _("{name}: no such glossary file (a path, or a bundled glossary: {names})").format(
                    name=display_name(name), names=", ".join(bundled_glossaries())
                )
            )
            continue
        try:
            layers.append(_load_cached(name, mtime, size))
        except GlossaryError as exc:
            problems.extend(exc.problems)
    if problems:
        raise GlossaryError(problems)
    return build_glossary(layers)


def load_article_glossary(paths: Sequence[str | os.PathLike[str]] = ()) -> Glossary:
    """The glossary for the bundled article: news, the article's own, then ``paths``."""
    return load_glossary([ARTICLE_GLOSSARY, *paths])
