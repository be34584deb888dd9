"""A large, deterministic, German-looking glossary for benchmarks (not for tests of meaning).

``make_entries(100_000)`` builds closed compounds from real German stems with the usual
linking elements (``Sicherheit|s|behörde``, ``Wasser|preis``), the gender and a plausible
plural of the last part, plus some adjective + noun phrases and abbreviations, so that
the morphology, the automaton and the compound checks see realistic work. Every German
spelling is unique after folding, so the file passes ``glossar glossary validate``.
"""

from __future__ import annotations

import random

from glossar.glossary.model import Entry
from glossar.text.fold import fold_key

#: First and middle parts of compounds (no gender needed).
_HEADS = [
    "Wasser",
    "Preis",
    "Staat",
    "Land",
    "Bahn",
    "Markt",
    "Haus",
    "Stadt",
    "Kraft",
    "Arbeit",
    "Wirtschaft",
    "Sicherheit",
    "Verteidigung",
    "Regierung",
    "Grenze",
    "Handel",
    "Energie",
    "Strom",
    "Gas",
    "Öl",
    "Kohle",
    "Wind",
    "Sonne",
    "Boden",
    "Luft",
    "See",
    "Hafen",
    "Flug",
    "Schiff",
    "Auto",
    "Straße",
    "Schiene",
    "Bau",
    "Wohnung",
    "Miete",
    "Steuer",
    "Zoll",
    "Geld",
    "Bank",
    "Kredit",
    "Schuld",
    "Zins",
    "Lohn",
    "Rente",
    "Schule",
    "Hochschule",
    "Forschung",
    "Wissen",
    "Gesundheit",
    "Kranken",
    "Pflege",
    "Arzt",
    "Gericht",
    "Recht",
    "Gesetz",
    "Polizei",
    "Militär",
    "Armee",
    "Truppe",
    "Krieg",
    "Frieden",
    "Waffe",
    "Grenz",
    "Volk",
    "Bürger",
    "Wahl",
    "Partei",
    "Kirche",
    "Kultur",
    "Sport",
    "Medien",
    "Presse",
    "Nachricht",
    "Netz",
    "Daten",
    "Technik",
    "Industrie",
    "Fabrik",
    "Betrieb",
    "Umwelt",
    "Klima",
    "Wald",
    "Feld",
    "Dorf",
    "Gemeinde",
    "Kreis",
    "Bezirk",
    "Provinz",
    "Region",
    "Welt",
    "Raum",
    "Zeit",
    "Jahr",
    "Monat",
    "Tag",
    "Nacht",
    "Winter",
    "Sommer",
    "Familie",
    "Kind",
    "Jugend",
    "Frau",
    "Mann",
    "Alter",
    "Mensch",
    "Arbeiter",
    "Beamte",
    "Minister",
    "Präsident",
    "Kanzler",
    "Parlament",
    "Ausschuss",
    "Verband",
    "Gewerkschaft",
    "Unternehmen",
    "Konzern",
    "Aktie",
    "Börse",
    "Versicherung",
    "Verkehr",
    "Reise",
    "Tourismus",
    "Nahrung",
    "Getreide",
    "Milch",
    "Fleisch",
    "Zucker",
    "Salz",
    "Holz",
    "Stahl",
    "Eisen",
    "Kupfer",
    "Gold",
    "Silber",
    "Uran",
    "Atom",
    "Rohstoff",
    "Treibstoff",
    "Flüssiggas",
    "Erdöl",
    "Erdgas",
    "Pipeline",
    "Leitung",
    "Netzwerk",
    "Dienst",
    "Amt",
    "Behörde",
    "Stelle",
    "Verwaltung",
    "Planung",
    "Entwicklung",
    "Hilfe",
    "Schutz",
    "Kontrolle",
    "Aufsicht",
    "Prüfung",
    "Ordnung",
    "Sicherung",
    "Versorgung",
    "Entsorgung",
    "Förderung",
    "Bildung",
]
#: Last parts with gender and plural ending ("-" = no change, "¨e" = umlaut + e).
_TAILS = [
    ("Preis", "m", "e"),
    ("Amt", "n", "¨er"),
    ("Stelle", "f", "n"),
    ("Behörde", "f", "n"),
    ("Gesetz", "n", "e"),
    ("Vertrag", "m", "¨e"),
    ("Bericht", "m", "e"),
    ("Politik", "f", "en"),
    ("Mission", "f", "en"),
    ("Truppe", "f", "n"),
    ("Markt", "m", "¨e"),
    ("Netz", "n", "e"),
    ("Werk", "n", "e"),
    ("Anlage", "f", "n"),
    ("Verband", "m", "¨e"),
    ("Programm", "n", "e"),
    ("Plan", "m", "¨e"),
    ("Fonds", "m", "-"),
    ("Kommission", "f", "en"),
    ("Rat", "m", "¨e"),
    ("Gipfel", "m", "-"),
    ("Krise", "f", "n"),
    ("Reform", "f", "en"),
    ("Steuer", "f", "n"),
    ("Abgabe", "f", "n"),
    ("Grenze", "f", "n"),
    ("Zone", "f", "n"),
    ("Gebiet", "n", "e"),
    ("Minister", "m", "-"),
    ("Ministerium", "n", "en"),
    ("Experte", "m", "n"),
    ("Sprecher", "m", "-"),
    ("Chef", "m", "s"),
    ("Leiter", "m", "-"),
    ("Agentur", "f", "en"),
    ("Institut", "n", "e"),
    ("Zentrum", "n", "en"),
    ("Bahnhof", "m", "¨e"),
    ("Flughafen", "m", "¨"),
    ("Hafen", "m", "¨"),
    ("Lager", "n", "-"),
    ("Vorrat", "m", "¨e"),
    ("Bedarf", "m", "e"),
    ("Mangel", "m", "¨"),
    ("Einsatz", "m", "¨e"),
    ("Schutz", "m", "-"),
    ("Kontrolle", "f", "n"),
    ("Ordnung", "f", "en"),
    ("Versorgung", "f", "en"),
    ("Sicherheit", "f", "en"),
    ("Entwicklung", "f", "en"),
    ("Verwaltung", "f", "en"),
    ("Gesellschaft", "f", "en"),
    ("Konferenz", "f", "en"),
    ("Abkommen", "n", "-"),
    ("System", "n", "e"),
    ("Modell", "n", "e"),
    ("Projekt", "n", "e"),
    ("Fahrzeug", "n", "e"),
    ("Flugzeug", "n", "e"),
    ("Schiff", "n", "e"),
]
_ADJECTIVES = [
    "national",
    "international",
    "europäisch",
    "russisch",
    "kasachisch",
    "militärisch",
    "politisch",
    "wirtschaftlich",
    "staatlich",
    "regional",
    "lokal",
    "öffentlich",
    "privat",
    "sozial",
    "zentral",
    "föderal",
    "strategisch",
    "technisch",
    "digital",
    "ökologisch",
]
_S_LINK = ("ung", "heit", "keit", "schaft", "ion", "tät", "tum", "ling", "ität")
_N_LINK = ("e",)


def _link(part: str) -> str:
    """The linking element after ``part`` in a compound (a common-case approximation)."""
    low = part.lower()
    if low.endswith(_S_LINK) or low in ("arbeit", "staat", "land", "volk", "krieg", "recht"):
        return "s"
    if low.endswith("e") and low not in ("beamte",):
        return "n"
    return ""


def _umlaut(word: str) -> str:
    for i in range(len(word) - 1, -1, -1):
        c = word[i]
        if c in "aouAOU":
            if c in "uU" and i > 0 and word[i - 1] in "aA":
                return word[: i - 1] + {"a": "ä", "A": "Ä"}[word[i - 1]] + word[i:]
            return (
                word[:i]
                + {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}[c]
                + word[i + 1 :]
            )
    return word


def _plural(word: str, rule: str) -> str:
    if rule == "-":
        return word
    if rule.startswith("¨"):
        return _umlaut(word) + rule[1:]
    return word + rule


def make_entries(n: int, seed: int = 0) -> list[Entry]:
    """``n`` distinct synthetic entries (compounds, ~5 % phrases, ~3 % with an abbreviation)."""
    rng = random.Random(seed)
    used: set[str] = set()
    used_abbr: set[str] = set()
    out: list[Entry] = []
    attempts = 0
    while len(out) < n:
        attempts += 1
        if attempts > n * 50:
            raise RuntimeError(f"could not make {n} distinct entries")
        parts = [rng.choice(_HEADS) for _ in range(rng.choice((1, 1, 1, 2)))]
        tail, gender, rule = rng.choice(_TAILS)
        word = ""
        for i, p in enumerate(parts):
            piece = p if i == 0 else p.lower()
            word += piece + _link(p)
        word += tail.lower()
        de = word
        plural = _plural(de, rule)
        pos = "noun"
        if rng.random() < 0.03:
            adj = rng.choice(_ADJECTIVES)
            ending = {"m": "er", "f": "e", "n": "es"}[gender]
            de = f"{adj}{ending} {word}"
            plural = f"{adj}e {_plural(word, rule)}"
            pos = "phrase"
        key = fold_key(de)
        if key in used:
            continue
        used.add(key)
        abbr: tuple[str, ...] = ()
        if rng.random() < 0.03:
            letters = "".join(w[0].upper() for w in de.replace("-", " ").split() if w[:1].isalpha())
            cand = (letters + "".join(rng.choice("BDFGKMPSTVZ") for _ in range(3)))[:4]
            if cand not in used_abbr and fold_key(cand) not in used:
                used_abbr.add(cand)
                used.add(fold_key(cand))
                abbr = (cand,)
        idx = len(out) + 1
        out.append(
            Entry(
                id=f"syn-{idx:06d}",
                de=de,
                en=f"synthetic term {idx}",
                pos=pos,
                gender=gender,
                kind="term",
                plural=plural if plural != de else None,
                de_abbr=abbr,
                en_abbr=(f"ST{idx}",) if abbr else (),
                domain="economy",
                glossary="synthetic",
            )
        )
    return out


if __name__ == "__main__":
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for entry in make_entries(count):
        print(entry.id, entry.de, entry.plural or "", entry.gender, *entry.de_abbr, sep="\t")
