"""German translations of the CLI's messages, merged into the catalog by
``python scripts/update_catalogs.py`` (the .po file stays the source of truth for
translators; this table only fills entries that are still empty)."""

GERMAN = {
    "  glossary terms in the glossary's English: MT {mt}/{n}, reference {ref}/{n}":
        "  Glossarbegriffe im Englisch des Glossars: MT {mt}/{n}, Referenz {ref}/{n}",
    "  model: {engine} {model} {version} · glossary: {glossary}":
        "  Modell: {engine} {model} {version} · Glossar: {glossary}",
    "  terms the MT missed (missed/occurrences):":
        "  von der MT verfehlte Begriffe (verfehlt/Vorkommen):",
    '"{found}" is deprecated; use "{expected}" for "{text}"':
        "„{found}“ ist nicht zulässig; für „{text}“ „{expected}“ verwenden",
    '"{text}" should be translated as "{expected}"':
        "„{text}“ sollte mit „{expected}“ übersetzt werden",
    "({match} of “{query}” · {glossary})": "({match} von „{query}“ · {glossary})",
    "Aborted.": "Abgebrochen.",
    "DE  ": "DE  ",
    "English": "Englisch",
    "English (MT)": "Englisch (MT)",
    "English (REF)": "Englisch (REF)",
    "English term": "englischer Begriff",
    "English — MT: {label}": "Englisch — MT: {label}",
    "English — REF: {label}": "Englisch — REF: {label}",
    "Evaluation of the MT column against the reference ({n} sentences)":
        "Bewertung der MT-Spalte gegen die Referenz ({n} Sätze)",
    "German": "Deutsch",
    "German as found": "Deutsch im Text",
    "Give --format (tbx, tbx2008, csv, tsv or json).":
        "Bitte --format angeben (tbx, tbx2008, csv, tsv oder json).",
    "Give TEXT or --file, not both.": "Bitte TEXT oder --file angeben, nicht beides.",
    "Give TEXT, --file FILE, or pipe text on standard input.":
        "Bitte TEXT oder --file DATEI angeben oder Text über die Standardeingabe leiten.",
    "Give a QUERY, or '-' to read it from standard input.":
        "Bitte eine ANFRAGE angeben oder '-', um sie von der Standardeingabe zu lesen.",
    "Glossary terms used ({n})": "Verwendete Glossarbegriffe ({n})",
    "Glossary terms:": "Glossarbegriffe:",
    "Imported {n} entries into {path}.": "{n} Einträge nach {path} importiert.",
    "Installed {name} {version} ({src}→{dst}) in {path}":
        "{name} {version} ({src}→{dst}) in {path} installiert",
    "MT  ": "MT  ",
    "MT = English {label}.": "MT = Englisch, {label}.",
    "Machine translation ({model} {version}, beam {beam}).":
        "Maschinelle Übersetzung ({model} {version}, Strahlbreite {beam}).",
    "Machine translation was not run (--no-mt).":
        "Die maschinelle Übersetzung wurde nicht ausgeführt (--no-mt).",
    "No German→English model installed: nothing to evaluate":
        "Kein Modell Deutsch→Englisch installiert: nichts zu bewerten",
    "No German→English model installed: run `glossar model install` (online, once) or "
    "`glossar model install FILE.argosmodel`.":
        "Kein Modell Deutsch→Englisch installiert: `glossar model install` (einmal online) "
        "oder `glossar model install DATEI.argosmodel` ausführen.",
    "No entry for “{query}”.": "Kein Eintrag für „{query}“.",
    "No entry for “{query}”. Did you mean:": "Kein Eintrag für „{query}“. Meinten Sie:",
    "No glossary terms found.": "Keine Glossarbegriffe gefunden.",
    "No glossary terms in this text.": "Keine Glossarbegriffe in diesem Text.",
    "No models installed in {path}.": "Keine Modelle in {path} installiert.",
    "No problems": "Keine Probleme",
    "Note": "Anmerkung",
    "Occurrences": "Vorkommen",
    "REF ": "REF ",
    "REF = English {label}.": "REF = Englisch, {label}.",
    "Removed {name} ({path})": "{name} entfernt ({path})",
    "Terms": "Begriffe",
    "The text has no reference translation to evaluate against":
        "Der Text hat keine Referenzübersetzung, gegen die bewertet werden könnte",
    "Translating: {done}/{total} sentences": "Übersetze: {done}/{total} Sätze",
    "abbreviation": "Abkürzung",
    "also:": "auch:",
    "count": "Anzahl",
    "definition:": "Definition:",
    "exact": "exakt",
    "example:": "Beispiel:",
    "glossary: {de} → {en}": "Glossar: {de} → {en}",
    "headword": "Stichwort",
    "id": "ID",
    "inflected form": "gebeugte Form",
    "lines": "Zeilen",
    "literally:": "wörtlich:",
    "machine translation": "maschinelle Übersetzung",
    "machine translation ({engine}: {model}{version})":
        "maschinelle Übersetzung ({engine}: {model}{version})",
    "not:": "nicht:",
    "note:": "Hinweis:",
    "paragraphs": "Absätze",
    "pl.": "Pl.",
    "reference translation": "Referenzübersetzung",
    "segment {n}: {kind}: {message}": "Segment {n}: {kind}: {message}",
    "spelling/case variant": "Schreib-/Großschreibvariante",
    "suggestion": "Vorschlag",
    "suggestion ({score:.0%} similar)": "Vorschlag ({score:.0%} ähnlich)",
    "the source has {source} segments, the translation {target}; the first without a "
    "one-to-one counterpart is here":
        "das Original hat {source} Segmente, die Übersetzung {target}; hier steht das erste "
        "ohne eindeutige Entsprechung",
    "the translation is identical to the source": "die Übersetzung ist mit dem Original identisch",
    "the translation is still German": "die Übersetzung ist noch deutsch",
    "{de} ({expected}) is missing in the translation": "{de} ({expected}) fehlt in der Übersetzung",
    "{de} became {found} (expected {expected})": "aus {de} wurde {found} (erwartet: {expected})",
    "{found} is in the translation but not in the source":
        "{found} steht in der Übersetzung, aber nicht im Original",
    "{id} {version} — {title}: {n} entries ({path})": "{id} {version} — {title}: {n} Einträge ({path})",
    "words left in German: {found}": "auf Deutsch stehen geblieben: {found}",
    "{n} glossary file(s) valid.": "{n} Glossardatei(en) gültig.",
    "noun": "Substantiv",
    "proper noun": "Eigenname",
    "verb": "Verb",
    "adjective": "Adjektiv",
    "adverb": "Adverb",
    "phrase": "Wendung",
    "other": "sonstiges",
    ("{count} problem", "{count} problems"): ("{count} Problem", "{count} Probleme"),
    ("{segments} segment pair compared ({mode}).", "{segments} segment pairs compared ({mode})."):
        ("{segments} Segmentpaar verglichen ({mode}).", "{segments} Segmentpaare verglichen ({mode})."),
}
