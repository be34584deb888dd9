"""What every bilingual renderer says the same way: column labels, the install hint and
the mark that says whether each term reached the machine translation; and how they read
pairs as a stream (block by block, one pair of look-ahead), so a document of any size is
rendered in memory bounded by a pair."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from glossar.bilingual.document import BUNDLED_REFERENCE_LABEL, DEFAULT_REFERENCE_LABEL
from glossar.bilingual.pairing import MT_DISABLED, MT_NO_MODEL, DocumentHead, Pair
from glossar.i18n import N_, _, ngettext
from glossar.text.line_words import without_line_quote_marks as german_as_read

if TYPE_CHECKING:
    from glossar.glossary.model import Entry
    from glossar.mt.checks import TermCheck
    from glossar.terms.match import TermMatch

#: Marks of a term's check: its English is in the MT, or it is not.
FOUND_MARK, MISSING_MARK = "✓", "✗"

#: What the pages for people call each block type (``document.BLOCK_TYPES``); the type
#: itself is data and stays as it is in JSON, TMX and XLIFF.
BLOCK_LABELS = {
    "title": N_("title"),
    "lead": N_("lead"),
    "heading": N_("heading"),
    "paragraph": N_("paragraph"),
    "caption": N_("caption"),
    "credit": N_("credit"),
    "attribution": N_("attribution"),
}

#: Reference labels glossar writes itself: shown in the language of messages. A label
#: from the user's own article file is shown as the file writes it.
_OWN_REFERENCE_LABELS = frozenset((DEFAULT_REFERENCE_LABEL, BUNDLED_REFERENCE_LABEL))


def block_label(block: str) -> str:
    """A block type as a page for people names it (``lead``: ``Vorspann`` under --lang de)."""
    return _(BLOCK_LABELS[block]) if block in BLOCK_LABELS else block


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
    # en_abbr pairs with de_abbr by position: OVKS and ODKB are both CSTO (shown once)
    short = [a for a in dict.fromkeys(entry.en_abbr) if a != entry.en]
    return entry.en + (f" ({', '.join(short)})" if short else "")


def term_items(pair: Pair, escape: Callable[[str], str] = str) -> list[str]:
    """``German → English`` once per distinct term of a pair, each with its check mark;
    an unsure term shows its senses behind a ``?`` (a suggestion, not the answer)."""
    seen: list[str] = []
    for t in pair.terms:
        mark = check_mark(pair.check(t))
        item = f"{escape(german_as_read(t.text))} → {escape(t.label)}"
        item += f" {escape(mark)}" if mark else ""
        if item not in seen:
            seen.append(item)
    return seen


def numbers_note(pair: Pair) -> str:
    """One line naming the numbers the MT lost or changed ("" when none): "5.000 → 88 ·
    2022 ✗ · +7" (changed, missing, added)."""
    items = []
    for p in pair.mt_numbers:
        if p.de and p.found == p.de and p.expected:  # left as German writes it
            items.append(f"{german_as_read(p.de)} → {p.found} (English: {p.expected})")
        elif p.de and p.found:
            items.append(f"{german_as_read(p.de)} → {p.found}")
        elif p.de:
            items.append(f"{german_as_read(p.de)} ✗")
        else:
            items.append(f"+{p.found}")
    if not items:
        return ""
    return _("numbers the MT lost or changed:") + " " + " · ".join(items)


def tool_version() -> str:
    """glossar's version for the tool fields of TMX and XLIFF ("0" in a bare checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("glossar")
    except PackageNotFoundError:
        return "0"


def suggestion_note(term: TermMatch) -> str:
    """`` · suggestion: several senses, not enforced`` for an unsure term's TMX/XLIFF note
    (its "?" said nothing to a CAT tool's user), else ""."""
    return "" if term.sure else " · suggestion: several senses, not enforced"


def check_note(check: TermCheck | None) -> str:
    """The check as the tail of a TMX/XLIFF note (`` · MT: found (model)``), or ""."""
    if check is None:
        return ""
    return f" · MT: found ({check.method})" if check.found else " · MT: missing"


def install_hint() -> str:
    """How to get a de→en model, in one line."""
    from glossar.mt import NO_MODEL_MESSAGE

    return _(NO_MODEL_MESSAGE)


def mt_label(doc: DocumentHead, *, english: bool = False) -> str:
    """Names the MT column with its engine, model and version; ``english`` for data
    formats (TMX, XLIFF), which read the same whatever ``--lang`` the CLI speaks."""
    tr = _as_given if english else _
    if doc.mt is None:
        return tr(N_("machine translation"))
    version = f" {doc.mt.version}" if doc.mt.version else ""
    if doc.mt.domain:
        return tr(
            N_(
                "machine translation ({engine}: {model}{version}; a {domain}-domain model, "
                "not a news model)"
            )
        ).format(engine=doc.mt.engine, model=doc.mt.model, version=version, domain=doc.mt.domain)
    return tr(N_("machine translation ({engine}: {model}{version})")).format(
        engine=doc.mt.engine, model=doc.mt.model, version=version
    )


def _as_given(message: str) -> str:
    return message


def reference_label(doc: DocumentHead) -> str:
    """Names the reference column; it is never machine output."""
    return doc.reference_label or _("reference translation")


def shown_reference_label(doc: DocumentHead) -> str:
    """:func:`reference_label` as the pages for people show it: glossar's own labels (the
    bundled article's, the default) in the language of messages; TMX and XLIFF, data for
    tools, keep :func:`reference_label`."""
    label = reference_label(doc)
    return _(label) if label in _OWN_REFERENCE_LABELS else label


def columns_note(doc: DocumentHead) -> list[str]:
    """Lines that say which English column is which (and why MT is missing)."""
    lines: list[str] = []
    if doc.has_reference:
        lines.append(_("REF = English {label}.").format(label=shown_reference_label(doc)))
    if doc.mt is not None:
        lines.append(_("MT = English {label}.").format(label=mt_label(doc)))
    elif doc.mt_status == MT_NO_MODEL:
        lines.append(install_hint())
    elif doc.mt_status == MT_DISABLED:
        lines.append(_("Machine translation was not run (--no-mt)."))
    return lines


#: What a ≡ line says (shown under the column labels when there is MT).
TERMS_LEGEND = N_(
    "≡ = the German's glossary terms and their English in MT: ✓ there (aligned, "
    "inserted, constrained, placeholder, replaced: put there by glossary enforcement; "
    "✓ alone: the model wrote it), ✗ missing; no mark: not enforced (a ? suggestion, "
    "or a part of a compound word)."
)


#: What a term's marks say where there is no MT to check (every format, under its head).
SUGGESTION_LEGEND = N_(
    "Terms: ? = a suggestion, not the answer: the glossary has several senses for the "
    "word here, and none is enforced; a term shown inside a longer word is a part of a "
    "compound word (its English may go)."
)


#: What the marks of a term list say with MT, where no ≡ line shows them (Markdown, HTML).
MT_MARKS_LEGEND = N_(
    "Terms: ✓ = its English is in the MT (with aligned, inserted, constrained, "
    "placeholder or replaced: put there by glossary enforcement; alone: the model wrote "
    "it), ✗ = missing; ? = a suggestion, not the answer (several senses, never "
    "enforced); no mark: a part of a compound word, not enforced."
)


def marks_legend(doc: DocumentHead, *, terminal: bool = False) -> list[str]:
    """What the term marks mean, said once under a document's head in every format (the
    terminal alone said it; a tester read HTML's and XLIFF's "?" and "✓" unexplained).
    ``terminal``: its ≡ lines, which the other formats do not have."""
    if doc.mt is None:
        return [_(SUGGESTION_LEGEND)]
    return [_(TERMS_LEGEND if terminal else MT_MARKS_LEGEND)]


Block = tuple[str, Iterator[Pair]]


def iter_blocks(pairs: Iterable[Pair]) -> Iterator[Block]:
    """The pairs grouped by block (paragraph) as ``BilingualDocument.blocks`` groups them,
    each with its block type, lazily: a block's pairs are read as they are rendered
    (before the next block is asked for: groupby moves on past what is left unread)."""
    for _paragraph, group in itertools.groupby(pairs, key=lambda p: p.paragraph):
        first = next(group)
        yield first.block, itertools.chain((first,), group)  # noqa: B031 - read once, in order


def single(pairs: Iterator[Pair]) -> tuple[bool, Iterator[Pair]]:
    """Whether a block holds exactly one pair (read ahead by one), and its pairs again."""
    first = next(pairs)
    second = next(pairs, None)
    if second is None:
        return True, iter((first,))
    return False, itertools.chain((first, second), pairs)


def lines_text(lines: Iterable[str]) -> str:
    """Lines as the whole-document renderers join them: each ends in a newline."""
    return "".join(line + "\n" for line in lines)


def xml_warnings(replaced: int, fmt: str, warnings: list[str] | None) -> None:
    """Add to ``warnings`` (when given) the line that says ``replaced`` characters XML
    cannot hold became U+FFFD in the ``fmt`` (TMX, XLIFF) output; nothing when none did."""
    if warnings is None or not replaced:
        return
    message = ngettext(
        "{n} character XML cannot hold (a control character or non-character) became "
        "U+FFFD, the replacement character, in the {format} output",
        "{n} characters XML cannot hold (control characters or non-characters) became "
        "U+FFFD, the replacement character, in the {format} output",
        replaced,
    )
    warnings.append(message.format(n=replaced, format=fmt))


def xml_pieces(
    declaration: str, root: Any, body: Any, units: Iterable[Any], tostring: Callable[..., str]
) -> Iterator[str]:
    """An XML document (TMX, XLIFF) in pieces, byte for byte what pretty-printing it whole
    gives: each unit is added under ``body``, the document serialised with it alone (the
    envelope is small) and the unit's lines cut out, then removed again. Pretty-printing
    indents an element by its depth only, so its text is the same alone as among its
    siblings; nothing but the envelope and one unit is ever in memory."""
    head = tail = ""
    for unit in units:
        text = tostring(root, encoding="unicode", pretty_print=True)
        body.remove(unit)
        if not head:
            open_tag = text.index(">", text.index("<body")) + 1
            head = text[: open_tag + 1]  # through the body's start tag and its newline
            close = text.rindex("</body>")
            tail = text[text.rindex("\n", 0, close) + 1 :]
            yield declaration + head
        yield text[len(head) : len(text) - len(tail)]
    if not head:  # no units: the document whole (an empty body is written <body/>)
        yield declaration + tostring(root, encoding="unicode", pretty_print=True)
    else:
        yield tail
