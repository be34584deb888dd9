"""How one glossary entry looks to a person in the terminal (lookup, glossary list)."""

from __future__ import annotations

import click

from glossar.cli.options import use_color
from glossar.glossary.model import Entry
from glossar.i18n import _
from glossar.neutralise import for_terminal

_GENDER = {"m": "der", "f": "die", "n": "das"}


def _style(text: str, **kwargs: object) -> str:
    return click.style(text, **kwargs) if use_color() else text  # type: ignore[arg-type]


def pos_label(pos: str) -> str:
    """Translated name of a part of speech."""
    labels = {
        "noun": _("noun"),
        "proper-noun": _("proper noun"),
        "verb": _("verb"),
        "adjective": _("adjective"),
        "adverb": _("adverb"),
        "phrase": _("phrase"),
        "other": _("other"),
    }
    return labels.get(pos, pos)


def grammar_label(entry: Entry) -> str:
    """``der · noun`` style label: article (gender) and part of speech."""
    parts = []
    if entry.gender and entry.pos == "noun":
        parts.append(_GENDER[entry.gender])
    parts.append(pos_label(entry.pos))
    if entry.plural:
        parts.append(_("pl.") + " " + entry.plural)
    return ", ".join(parts)


def match_label(match: str) -> str:
    """Translated name of a match kind."""
    labels = {
        "exact": _("exact"),
        "abbreviation": _("abbreviation"),
        "folded": _("spelling/case variant"),
        "inflected": _("inflected form"),
        "reverse": _("English term"),
        "part": _("part"),
        "fuzzy": _("suggestion"),
    }
    return labels.get(match, match)


def senses_of(entry: Entry) -> list[str]:
    """The English senses an unsure entry offers: its preferred term and its senses."""
    return list(dict.fromkeys((entry.en, *entry.senses)))


def render_entry(
    entry: Entry,
    *,
    match: str | None = None,
    query: str = "",
    score: float = 1.0,
    matched: str = "",
    brief: bool = False,
    origin: bool = False,
    deprecated: bool = False,
    suggestion: bool = False,
) -> str:
    """A few readable lines: headword, grammar, English, alternatives, note, example.

    Free text (notes, examples, the query) is shown with control characters as symbols:
    validation keeps out what XML forbids, but DEL and C1 controls (CSI) are legal there.
    """
    t = for_terminal
    query = t(query)
    head = _style(entry.de, bold=True)
    if entry.de_abbr:
        head += f" ({', '.join(entry.de_abbr)})"
    line = f"{head}  [{grammar_label(entry)}]  →  {_style(entry.en, fg='green', bold=True)}"
    short = [a for a in dict.fromkeys(entry.en_abbr) if a != entry.en]
    if short:
        line += f" ({', '.join(short)})"
    lines = [line]
    if entry.senses:
        lines.append(
            "  " + _style(_("unsure, senses:") + " " + " | ".join(senses_of(entry)), fg="yellow")
        )
    if match == "fuzzy":  # which glossary: lookup searches every bundled one
        if matched and matched not in (entry.de, entry.en):
            # similar to a spelling not on the first line (an English alternative, a
            # form): without it the suggestion looks unrelated (Kremel → insurgent)
            suggestion = _("suggestion ({score:.0%} similar to “{matched}” · {glossary})")
        else:
            suggestion = _("suggestion ({score:.0%} similar · {glossary})")
        shown = t(matched)
        lines.append("  " + suggestion.format(score=score, matched=shown, glossary=entry.glossary))
        if brief:
            return "\n".join(lines)
    if entry.en_alt:
        lines.append("  " + _("also:") + " " + "; ".join(entry.en_alt))
    if entry.en_deprecated:
        lines.append("  " + _style(_("not:") + " " + "; ".join(entry.en_deprecated), fg="red"))
    if entry.literal:
        lines.append("  " + _("literally:") + " " + t(entry.literal))
    for label, text in ((_("definition:"), entry.definition), (_("note:"), entry.note)):
        if text:
            lines.append(f"  {label} {t(text)}")
    if entry.example_de:
        lines.append("  " + _("example:") + " " + t(entry.example_de))
        if entry.example_en:
            lines.append(
                "  " + " " * len(_("example:")) + " " + _style(t(entry.example_en), dim=True)
            )
    if origin and match == "exact" and entry.glossary:
        where = _("({glossary})").format(glossary=entry.glossary)
        if entry.based_on:  # a pair's English on an earlier entry's grammar and notes
            where = _("({glossary}; grammar and notes from {entry})").format(
                glossary=entry.glossary, entry=entry.based_on
            )
        lines.append("  " + _style(where, dim=True))
    if deprecated:  # the query is English the glossary says not to use
        lines.append(
            "  "
            + _style(
                _("“{query}” is deprecated English: use “{en}”.").format(query=query, en=entry.en),
                fg="red",
                bold=True,
            )
        )
    if match and match not in ("exact", "fuzzy"):
        # a person's surname alone is their short form, not an abbreviation
        kind = (
            _("short form")
            if match == "abbreviation" and entry.kind == "name"
            else match_label(match)
        )
        if match == "reverse" and suggestion:  # an admitted English spelled like German
            where = _(
                "(suggestion: “{query}” is an alternative English term of this entry, and "
                "a German word too · {glossary})"
            ).format(query=query, glossary=entry.glossary)
        elif entry.based_on:  # a pair's English on an earlier entry's grammar and notes
            where = _("({match} of “{query}” · {glossary}; grammar and notes from {entry})").format(
                match=kind, query=query, glossary=entry.glossary, entry=entry.based_on
            )
        else:
            where = _("({match} of “{query}” · {glossary})").format(
                match=kind, query=query, glossary=entry.glossary
            )
        lines.append("  " + _style(where, dim=True))
    return "\n".join(lines)
