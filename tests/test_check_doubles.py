"""A stand-in for ``glossar.terms.recognise.find_terms`` in the check tests (no tests here).

Whole-word, case-sensitive search for each German spelling (plus up to three letters of
inflection), longest spelling first, non-overlapping: enough for the fixtures, so the
check's own logic is tested apart from term recognition.
"""

from __future__ import annotations

import re

from glossar.glossary.model import Entry, Glossary
from glossar.terms.match import TermMatch


def find_terms_double(text: str, glossary: Glossary) -> list[TermMatch]:
    spellings: list[tuple[str, Entry, str]] = []
    for entry in glossary:
        spellings.append((entry.de, entry, "de"))
        spellings += [(s, entry, "alt") for s in entry.de_alt]
        spellings += [(s, entry, "abbr") for s in entry.de_abbr]
    spellings.sort(key=lambda s: -len(s[0]))
    taken: list[tuple[int, int]] = []
    out: list[TermMatch] = []
    for spelling, entry, variant in spellings:
        for m in re.finditer(rf"(?<!\w){re.escape(spelling)}\w{{0,3}}(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            out.append(TermMatch(m.start(), m.end(), m.group(), entry, variant))
    return sorted(out, key=lambda t: t.start)


def small_glossary() -> Glossary:
    """The entries the first paragraph and the Flüssiggas sentence need."""
    entries = [
        Entry(
            id="tokajew",
            de="Kassym-Schomart Tokajew",
            en="Kassym-Jomart Tokayev",
            pos="proper-noun",
            kind="name",
            de_abbr=("Tokajew",),
            en_abbr=("Tokayev",),
            en_deprecated=("Tokajew", "Tokaev"),
        ),
        Entry(
            id="ovks",
            de="Organisation des Vertrags über kollektive Sicherheit",
            en="Collective Security Treaty Organization",
            kind="organisation",
            de_abbr=("OVKS",),
            en_abbr=("CSTO",),
            en_deprecated=("Collective Security Treaty Organisation", "OVKS"),
        ),
        Entry(id="kreml", de="Kreml", en="Kremlin", gender="m"),
        Entry(
            id="militaerbuendnis",
            de="Militärbündnis",
            en="military alliance",
            gender="n",
            en_alt=("military bloc",),
        ),
        Entry(id="mini-nato", de="Mini-Nato", en="mini-NATO", en_alt=("mini-Nato",)),
        Entry(
            id="fluessiggas",
            de="Flüssiggas",
            en="liquefied petroleum gas",
            gender="n",
            en_abbr=("LPG",),
            en_deprecated=("LNG", "liquefied natural gas"),
        ),
        Entry(
            id="ausnahmezustand",
            de="Ausnahmezustand",
            en="state of emergency",
            gender="m",
            en_alt=("emergency rule",),
        ),
        Entry(
            id="il-76",
            de="IL-76",
            en="Il-76",
            en_alt=("Ilyushin Il-76",),
            en_deprecated=("IL-76",),
        ),
    ]
    return Glossary(entries={e.id: e for e in entries})
