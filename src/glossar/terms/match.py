"""What term recognition returns: one span of German text naming one glossary entry."""

from __future__ import annotations

from typing import NamedTuple

from glossar.glossary.model import Entry
from glossar.text.fold import DROPPED

#: The English of the compass prefixes that make a region of a place (Ostukraine →
#: eastern Ukraine; see :data:`glossar.terms.spellings.COMPASS`), longest first.
COMPASS_ENGLISH = (
    ("nordost", "north-eastern"),
    ("nordwest", "north-western"),
    ("südost", "south-eastern"),
    ("südwest", "south-western"),
    ("zentral", "central"),
    ("nord", "northern"),
    ("ost", "eastern"),
    ("west", "western"),
    ("süd", "southern"),
)


def compass_region(found: str, place: str) -> str | None:
    """The English compass adjective when ``found`` names a region of ``place`` by a
    compass prefix (Zentralukraine, Nordkasachstans), else None."""
    low = found.lower()
    name = place.lower()
    if low.startswith(name):
        return None
    for prefix, english in COMPASS_ENGLISH:
        if low.startswith(prefix) and low.startswith(name, len(prefix)):
            return english
    return None


class TermMatch(NamedTuple):
    """A glossary term found in German text (immutable; a named tuple so that
    recognition builds hundreds of thousands of them in C, see
    :func:`glossar.terms.overlaps.term_matches`).

    ``start``/``end`` are Python string offsets (code points) into the text as given;
    for a term inside a compound they cover only the term's part. ``variant`` says which
    German spelling matched: ``"de"`` (headword or its forms), ``"alt"`` (a German
    variant) or ``"abbr"`` (a German abbreviation) — enforcement uses it to pick the
    English abbreviation for an abbreviation. ``sure`` is False for a suggestion: the
    entry is ambiguous in the glossary in force (it lists ``senses``), or the hit's
    context leaves it open; unsure hits are shown with their senses, never enforced and
    never reported as problems by ``check``.
    """

    start: int
    end: int
    text: str
    entry: Entry
    variant: str = "de"
    compound: bool = False
    sure: bool = True

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def suspended(self) -> bool:
        """Is this the first word of a suspended compound ("Staats-" in "Staats- und
        Regierungschefs": Staatschef; :mod:`glossar.terms.suspended`)? English suspends
        the shared part too ("heads of state and government"), so its term may read
        apart."""
        return self.text.endswith("-")

    @property
    def english(self) -> str:
        """The English this occurrence should become (abbreviation for an abbreviation)."""
        entry = self.entry
        if self.variant == "abbr" and entry.en_abbr:
            # en_abbr pairs with de_abbr by position (OVKS, ODKB → CSTO, CSTO); the
            # longest abbreviation the found text starts with is the one found (OVKS')
            found = [
                (len(a), j)
                for j, a in enumerate(entry.de_abbr[: len(entry.en_abbr)])
                if self.text.startswith(a) or self.text.casefold().startswith(a.casefold())
            ]
            return entry.en_abbr[max(found)[1] if found else 0]
        if entry.kind == "place" and self.variant == "de":
            region = compass_region(self.text, entry.de)
            if region:  # Ostukraine: eastern Ukraine, not Ukraine
                return f"{region} {entry.en}"
        return entry.en

    @property
    def accepted_english(self) -> tuple[str, ...]:
        """English the glossary accepts for this occurrence: :attr:`english` first, then
        the preferred term, admitted alternatives and abbreviations. Enforcement, the
        bilingual view and QA all judge a rendering against this one list."""
        entry = self.entry
        out = [self.english]
        for term in (entry.en, *entry.en_alt, *entry.en_abbr):
            if term and term not in out:
                out.append(term)
        return tuple(out)

    def apart(self, text: str, offset: int = 0) -> dict[str, object] | None:
        """Where the rest of a split verb found here stands in ``text`` (the text it was
        found in; offsets shifted by ``offset``): its particle or its idiom's words
        ("griff … ein", "kamen … ums Leben") as ``start``/``end``/``text``; None for any
        other hit (:func:`glossar.terms.split_verbs.split_part`)."""
        if self.entry.pos != "verb":
            return None
        from glossar.terms.split_verbs import split_part

        part = split_part(text, self)
        if part is None:
            return None
        start, end = part
        return {"start": start + offset, "end": end + offset, "text": text[start:end]}

    def to_dict(self, text: str | None = None, offset: int = 0) -> dict[str, object]:
        """The contract's JSON shape for a term span, and ``expected``: the English this
        occurrence should become (:attr:`english`), where ``en`` is the entry's
        preferred English (OVKS: ``en`` "Collective Security Treaty Organization",
        ``expected`` "CSTO"; Ostukraine: "eastern Ukraine"). An unsure hit also gives
        ``senses``, the English senses offered (:attr:`senses`), as the human output
        shows them: a script saw only the first. Given the ``text`` it was found in, a
        split verb gives ``apart`` (:meth:`apart`); ``offset`` shifts every offset."""
        data: dict[str, object] = {
            "start": self.start + offset,
            "end": self.end + offset,
            "text": self.text,
        }
        if text is not None:
            apart = self.apart(text, offset)
            if apart is not None:
                data["apart"] = apart
        data.update({
            "id": self.entry.id,
            "de": self.entry.de,
            "en": self.entry.en,
            "expected": self.english,
            "sure": self.sure,
            "glossary": self.entry.glossary,
        })  # fmt: skip
        if not self.sure:
            data["senses"] = list(self.senses)
        if self.suspended:
            data["suspended"] = True
        return data

    @property
    def label(self) -> str:
        """The English as shown to a person: the answer for a sure hit; for an unsure one
        its senses behind a ``?`` mark (a suggestion, not the answer)."""
        if self.sure:
            return self.english
        return "? " + " | ".join(self.senses)

    @property
    def senses(self) -> tuple[str, ...]:
        """The English senses offered for an unsure hit (preferred term first)."""
        return tuple(dict.fromkeys((self.english, *self.entry.senses)))


def in_closed_compound(text: str, match: TermMatch) -> bool:
    """Is ``match`` (found in ``text``) a part of a closed compound (Regierung in
    Landesregierung, Macht in Großmächte), not a whole word or a hyphenated part
    (OVKS-Truppen)? Such a part's English is often not a word of the compound's English
    (Regierungschef: prime minister; Bundespräsidentenwahl: presidential election), so
    it is shown, not enforced, and its absence is no problem."""
    if not match.compound:
        return False
    start, end = match.start, match.end
    while start > 0 and text[start - 1] in DROPPED:  # a soft hyphen at the seam
        start -= 1
    while end < len(text) and text[end] in DROPPED:
        end += 1
    return (start > 0 and text[start - 1].isalpha()) or (end < len(text) and text[end].isalpha())


def english_may_go(text: str, match: TermMatch) -> bool:
    """May a translation leave ``match``'s English out (``match`` found in ``text``)?
    Inside a closed compound (:func:`in_closed_compound`: Regierungschef is "prime
    minister"), and a place that only modifies a hyphenated compound:
    "US-Präsidentschaft" is "his presidency", "US-Statistikbehörde" the "Census Bureau"
    (PUD's professional English). An organisation stays required (OVKS-Truppen: CSTO
    troops). `check` does not call such English missing, and enforcement does not put
    it in: one answer for both."""
    if in_closed_compound(text, match) or match.suspended:
        return True
    end = match.end
    return (
        match.compound
        and match.entry.kind == "place"
        and text[end : end + 1] == "-"
        and text[end + 1 : end + 2].isalpha()
    )
