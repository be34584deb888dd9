"""A bilingual document as one standalone HTML page that works offline.

No external assets and no script: the CSS is inline, terms carry their English and
note in a ``title`` (shown on hover) and link to the term list at the end. Every piece
of text is escaped, so a German text containing markup is shown, never run.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from html import escape

from glossar.bilingual.highlight import english_spans, german_spans
from glossar.bilingual.pairing import Pair, PairedDocument
from glossar.bilingual.render.common import (
    check_mark,
    columns_note,
    german_as_read,
    glossary_english,
    iter_blocks,
    lines_text,
    marks_legend,
    mt_label,
    numbers_note,
    shown_reference_label,
    single,
)
from glossar.glossary.model import Entry
from glossar.i18n import _
from glossar.neutralise import for_markup

CSS = """
:root { --de: #fff8e1; --ref: #e8f5e9; --mt: #e3f2fd; --ink: #1b1b1b; --muted: #5f6368; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem 2rem 4rem; color: var(--ink);
  font: 16px/1.5 Georgia, "Times New Roman", serif; background: #fff; }
header h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
header .en-title { font-style: italic; margin: 0 0 .5rem; color: #2e5d34; }
.meta, .note { color: var(--muted); font: 14px/1.4 system-ui, sans-serif; margin: .2rem 0; }
.note.warn { color: #8a4b00; }
.grid { display: grid; gap: .3rem 1rem; margin-top: 1rem; }
.cols-2 { grid-template-columns: 1fr 1fr; }
.cols-3 { grid-template-columns: 1fr 1fr 1fr; }
.colhead { position: sticky; top: 0; background: #fff; font: 600 13px/1.3 system-ui, sans-serif;
  text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  border-bottom: 2px solid #ddd; padding: .4rem 0; }
.cell { padding: .35rem .6rem; border-radius: 4px; }
.de { background: var(--de); }
.ref { background: var(--ref); }
.mt { background: var(--mt); }
.block-start { margin-top: .9rem; }
.heading, .title { font-weight: bold; font-size: 1.1rem; }
.caption, .credit, .attribution { font-size: .9rem; font-style: italic; }
.term { border-bottom: 2px solid #c58a00; background: #ffe08a; border-radius: 2px;
  cursor: help; color: inherit; text-decoration: none; }
.term.unsure { border-bottom: 2px dashed #8a6d00; background: #fff4cc; }
.term.unsure::after { content: "?"; font-size: .75em; vertical-align: super; }
.en-term { border-bottom: 2px solid #2e7d32; cursor: help; }
.missing { color: var(--muted); font-style: italic; }
.check { font: 600 11px/1 system-ui, sans-serif; vertical-align: super; margin-left: 1px; }
.check.found { color: #2e7d32; }
.check.lost { color: #b00020; }
table.glossary { border-collapse: collapse; margin-top: .5rem; font-size: .95rem; }
table.glossary th, table.glossary td { border: 1px solid #ddd; padding: .3rem .6rem;
  text-align: left; vertical-align: top; }
table.glossary th { background: #f4f4f4; font-family: system-ui, sans-serif; }
@media (max-width: 800px) {
  .cols-2, .cols-3 { grid-template-columns: 1fr; } .colhead { display: none; } }
""".strip()


def _e(text: str | None) -> str:
    return escape(text or "", quote=True)


def _term_title(entry: Entry, english: str) -> str:
    parts = [english]
    if entry.note:
        parts.append(entry.note)
    elif entry.definition:
        parts.append(entry.definition)
    return " — ".join(parts)


def _german_html(p: Pair) -> str:
    out = []
    for shown, term in german_spans(p.de, p.terms):
        piece = german_as_read(shown)
        if term is None:
            out.append(_e(piece))
        else:
            out.append(
                f'<a class="term{"" if term.sure else " unsure"}" '
                f'href="#term-{_e(term.entry.id)}" '
                f'title="{_e(_term_title(term.entry, term.label))}">{_e(piece)}</a>'
            )
            check = p.check(term)
            if check is not None:
                state = "found" if check.found else "lost"
                out.append(
                    f'<span class="check {state}" title="MT: {_e(check.method)}">'
                    f"{_e(check_mark(check).split()[0])}</span>"
                )
    return "".join(out)


def _english_html(text: str | None, p: Pair) -> str:
    if not text:
        none = _("(none)")
        return f'<span class="missing">{_e(none)}</span>'
    out = []
    for piece, entry in english_spans(text, [t.entry for t in p.terms if t.sure]):
        if entry is None:
            out.append(_e(piece))
        else:
            title = _("glossary: {de} → {en}").format(de=entry.de, en=entry.en)
            out.append(f'<span class="en-term" title="{_e(title)}">{_e(piece)}</span>')
    return "".join(out)


def render(doc: PairedDocument) -> str:
    """The whole page as text (UTF-8 when written)."""
    return "".join(render_pieces(doc))


def render_pieces(doc: PairedDocument) -> Iterator[str]:
    """The page in pieces: the head, a piece per pair, the term list (read after the
    pairs, whose counts it shows). Joined, they are :func:`render`'s page."""
    show_ref, show_mt = doc.has_reference, doc.mt is not None
    ncols = 1 + show_ref + show_mt
    cols_class = f"cols-{max(ncols, 2)}"
    heads = [_("German")]
    if show_ref:
        heads.append(_("English — REF: {label}").format(label=shown_reference_label(doc)))
    if show_mt:
        heads.append(_("English — MT: {label}").format(label=mt_label(doc)))
    if ncols == 1:
        heads.append(_("English"))

    page_title = doc.title or _("Bilingual document")
    h: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="de">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="glossar">',
        f"<title>{_e(page_title)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
    ]
    blocks = iter_blocks(doc.pairs)
    first = next(blocks, None)
    one = False
    if first is not None and first[0] == "title":
        one, pairs = single(first[1])
        first = None if one else (first[0], pairs)
    if one:
        title = next(pairs)  # the title block becomes the page heading, terms and all
        h.append(f'<h1 lang="de">{_german_html(title)}</h1>')
        for text, label in ((title.en_ref, "REF"), (title.en_mt, "MT")):
            if text:
                h.append(
                    f'<p class="en-title" lang="en">{_english_html(text, title)} '
                    f'<span class="meta">({label})</span></p>'
                )
    elif doc.title:
        h.append(f'<h1 lang="de">{_e(doc.title)}</h1>')
        if doc.title_en_ref:
            h.append(
                f'<p class="en-title" lang="en">{_e(doc.title_en_ref)} '
                f'<span class="meta">(REF)</span></p>'
            )
    byline = " · ".join(x for x in (doc.author, doc.place) if x)
    if byline:
        h.append(f'<p class="meta">{_e(byline)}</p>')
    for line in columns_note(doc):
        warn = " warn" if doc.mt is None else ""
        h.append(f'<p class="note{warn}">{_e(line)}</p>')
    for line in marks_legend(doc):
        h.append(f'<p class="note">{_e(line)}</p>')
    h += ["</header>", "<main>", f'<div class="grid {cols_class}">']
    h += [f'<div class="colhead">{_e(x)}</div>' for x in heads]
    yield for_markup(lines_text(h))  # no raw NUL/C0 from the text reaches the page
    rest = blocks if first is None else itertools.chain((first,), blocks)
    for block, pairs in rest:
        for i, p in enumerate(pairs):
            start = " block-start" if i == 0 else ""
            cls = f"{block}{start}"
            h = [f'<div class="cell de {cls}" lang="de">{_german_html(p)}</div>']
            if show_ref:
                h.append(
                    f'<div class="cell ref {cls}" lang="en">{_english_html(p.en_ref, p)}</div>'
                )
            if show_mt:
                numbers = numbers_note(p)
                note = f'<p class="note warn">{_e(numbers)}</p>' if numbers else ""
                h.append(
                    f'<div class="cell mt {cls}" lang="en">{_english_html(p.en_mt, p)}{note}</div>'
                )
            if ncols == 1:
                h.append(f'<div class="cell {cls}"><span class="missing">—</span></div>')
            yield for_markup(lines_text(h))
    h = ["</div>", "</main>", '<section id="glossary">']
    h.append("<h2>" + _e(_("Glossary terms used")) + "</h2>")
    glossary = doc.glossary  # complete now that every pair is read
    if glossary:
        counts = doc.term_counts()
        h.append('<table class="glossary">')
        h.append(
            "<tr>"
            + "".join(
                f"<th>{_e(x)}</th>"
                for x in (_("German"), _("English"), _("Occurrences"), _("Note"))
            )
            + "</tr>"
        )
        for e in glossary:
            english = glossary_english(e)
            h.append(
                f'<tr id="term-{_e(e.id)}"><td lang="de">{_e(e.de)}</td><td lang="en">'
                f"{_e(english)}</td><td>{counts.get(e.id, 0)}</td><td>{_e(e.note)}</td></tr>"
            )
        h.append("</table>")
    else:
        h.append("<p>" + _e(_("No glossary terms in this text.")) + "</p>")
    h += ["</section>", "</body>", "</html>"]
    yield for_markup(lines_text(h))
