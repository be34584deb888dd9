"""What every bilingual renderer says the same way: column labels, the install hint and
the mark that says whether each term reached the machine translation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from glossar.bilingual.pairing import MT_DISABLED, MT_NO_MODEL, BilingualDocument, Pair
from glossar.i18n import _

if TYPE_CHECKING:
    from glossar.glossary.model import Entry
    from glossar.mt.enforce import TermCheck

#: Marks of a term's check: its English is in the MT, or it is not.
FOUND_MARK, MISSING_MARK = "✓", "✗"


def check_mark(check: TermCheck | None) -> str:
    """``✓`` (the model rendered it), ``✓ inserted`` (enforcement put it there, by
    that method), ``✗ missing`` (not in the MT), or "" when there is no MT to check."""
    if check is None:
        return ""
    if not check.found:
        return f"{MISSING_MARK} {check.method}"
    return FOUND_MARK if check.method == "model" else f"{FOUND_MARK} {check.method}"


def glossary_english(entry: Entry) -> str:
    """An entry's English for the glossary table: the preferred term with its
    abbreviations, or, when the entry is unsure here, ``? sense | sense`` (no one answer)."""
    if entry.senses:
        return "? " + " | ".join(dict.fromkeys((entry.en, *entry.senses)))
    return entry.en + (f" ({', '.join(entry.en_abbr)})" if entry.en_abbr else "")


def term_items(pair: Pair, escape: Callable[[str], str] = str) -> list[str]:
    """``German → English`` once per distinct term of a pair, each with its check mark;
    an unsure term shows its senses behind a ``?`` (a suggestion, not the answer)."""
    seen: list[str] = []
    for t in pair.terms:
        mark = check_mark(pair.check(t))
        item = f"{escape(t.text)} → {escape(t.label)}" + (f" {escape(mark)}" if mark else "")
        if item not in seen:
            seen.append(item)
    return seen


def tool_version() -> str:
    """glossar's version for the tool fields of TMX and XLIFF ("0" in a bare checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("glossar")
    except PackageNotFoundError:
        return "0"


def check_note(check: TermCheck | None) -> str:
    """The check as the tail of a TMX/XLIFF note (`` · MT: found (model)``), or ""."""
    if check is None:
        return ""
    return f" · MT: found ({check.method})" if check.found else " · MT: missing"


def install_hint() -> str:
    """How to get a de→en model, in one line."""
    from glossar.mt import NO_MODEL_MESSAGE

    return _(NO_MODEL_MESSAGE)


def mt_label(doc: BilingualDocument) -> str:
    """Names the MT column with its engine, model and version."""
    if doc.mt is None:
        return _("machine translation")
    version = f" {doc.mt.version}" if doc.mt.version else ""
    if doc.mt.domain:
        return _(
            "machine translation ({engine}: {model}{version}; a {domain}-domain model, "
            "not a news model)"
        ).format(engine=doc.mt.engine, model=doc.mt.model, version=version, domain=doc.mt.domain)
    return _("machine translation ({engine}: {model}{version})").format(
        engine=doc.mt.engine, model=doc.mt.model, version=version
    )


def reference_label(doc: BilingualDocument) -> str:
    """Names the reference column; it is never machine output."""
    return doc.reference_label or _("reference translation")


def columns_note(doc: BilingualDocument) -> list[str]:
    """Lines that say which English column is which (and why MT is missing)."""
    lines: list[str] = []
    if doc.has_reference:
        lines.append(_("REF = English {label}.").format(label=reference_label(doc)))
    if doc.mt is not None:
        lines.append(_("MT = English {label}.").format(label=mt_label(doc)))
    elif doc.mt_status == MT_NO_MODEL:
        lines.append(install_hint())
    elif doc.mt_status == MT_DISABLED:
        lines.append(_("Machine translation was not run (--no-mt)."))
    return lines
