# ruff: noqa: E501  (a translation table: help texts read best as they are shown)
"""German help texts of the CLI's commands and options, merged into the catalog by
``python scripts/update_catalogs.py`` as :mod:`de_messages` is (the .po file stays the
source of truth; this table only fills entries that are still empty).

Keys are the English as Click shows it: a command's docstring without its indentation
(:func:`_doc` takes it off both sides), an option's ``help=``. Metavars (FILE, QUERY,
INPUT), option names, formats and example commands stay as they are; first sentences
stay short, as Click cuts them for the list of commands.
"""

from inspect import cleandoc as _doc

HELP = {
    _doc("""
        German→English news translation with an enforceable glossary, offline.
    """): _doc("""
        Nachrichtenübersetzung Deutsch→Englisch mit verbindlichem Glossar, offline.
    """),
    _doc("""
        Language of messages (default: from the locale).
    """): _doc("""
        Sprache der Meldungen (Vorgabe: aus den Spracheinstellungen des Systems).
    """),
    _doc("""
        Show tracebacks on errors.
    """): _doc("""
        Bei Fehlern den Traceback zeigen.
    """),
    _doc("""
        Show the bundled article (or FILE, `-` for stdin) sentence by sentence: German,
        machine translation (when a model is installed), reference translation and glossary
        terms. FILE is German text, or an article TOML file with its own reference.

        Without a model the reference and the terms are shown and one line says how to
        install one. --evaluate scores the MT against the reference (exit 3 without a
        model).

        Example:

        \b
            glossar article
            glossar article --format html -o article.html
            glossar article --format tmx -o article.tmx
            glossar article notes.txt --no-mt --format markdown
            glossar article --evaluate
    """): _doc("""
        Den mitgelieferten Artikel (oder FILE, `-` für die Standardeingabe) Satz für Satz
        zeigen: Deutsch, maschinelle Übersetzung (wenn ein Modell installiert ist),
        Referenzübersetzung und Glossarbegriffe. FILE ist deutscher Text oder eine
        Artikeldatei in TOML mit eigener Referenzübersetzung.

        Ohne Modell werden die Referenzübersetzung und die Begriffe gezeigt, und eine Zeile
        sagt, wie man ein Modell installiert. --evaluate bewertet die MT gegen die
        Referenzübersetzung (Exit-Code 3 ohne Modell).

        Beispiel:

        \b
            glossar article
            glossar article --format html -o article.html
            glossar article --format tmx -o article.tmx
            glossar article notes.txt --no-mt --format markdown
            glossar article --evaluate
    """),
    _doc("""
        Output format.
    """): _doc("""
        Ausgabeformat.
    """),
    _doc("""
        Write to this file instead of stdout ('-' = stdout).
    """): _doc("""
        In diese Datei schreiben statt auf die Standardausgabe ('-' = Standardausgabe).
    """),
    _doc("""
        A bundled glossary by name (see `glossar glossary list`) or a glossary file (TOML), layered over the news glossary; repeatable. Also $GLOSSAR_GLOSSARY_PATH.
    """): _doc("""
        Name eines mitgelieferten Glossars (siehe `glossar glossary list`) oder eine Glossardatei (TOML), als Schicht über das Nachrichtenglossar gelegt; wiederholbar. Auch $GLOSSAR_GLOSSARY_PATH.
    """),
    _doc("""
        Do not run machine translation.
    """): _doc("""
        Keine maschinelle Übersetzung ausführen.
    """),
    _doc("""
        Beam size.
    """): _doc("""
        Strahlbreite (Beam) der Suche.
    """),
    _doc("""
        Score the MT against the reference (chrF, BLEU, glossary terms) instead of showing it.
    """): _doc("""
        Die MT gegen die Referenzübersetzung bewerten (chrF, BLEU, Glossarbegriffe), statt sie zu zeigen.
    """),
    _doc("""
        Check the English translation TARGET of the German text SOURCE.

        Segments are lines, or blank-line separated paragraphs when both files have them.
        Reports glossary terms not rendered with the glossary's English (or rendered with a
        deprecated term), numbers that differ (2.500 in German is 2,500 in English, 14.30 Uhr
        is 2:30 p.m., 90er Jahre are the 1990s, 2020/21 is 2020-21), untranslated segments
        and segment counts that differ. Exit 1 when there are problems. Numbers that may
        be paraphrased (zum zweiten Mal / again, Tausende / 3,000) are listed as notes, which
        never fail the check.
        One of the files may be - (standard input).

        TARGET may also be the JSON that `glossar translate --json` prints (recognised by
        its "segments" list): the English of its sentences is checked against SOURCE, joined
        again per line (or paragraph) of SOURCE, so segment numbers still count SOURCE's
        lines; the same as checking translate's plain output. Give the JSON file as SOURCE
        too to check it sentence by sentence.

        Example:

            glossar check article_de.txt article_en.txt

            glossar translate --file article_de.txt --json > mt.json

            glossar check article_de.txt mt.json

            glossar --lang de check --json article_de.txt article_en.txt
    """): _doc("""
        Englische Übersetzung TARGET des deutschen Texts SOURCE prüfen.

        Segmente sind Zeilen oder, wenn beide Dateien welche haben, durch Leerzeilen
        getrennte Absätze. Gemeldet werden Glossarbegriffe, die nicht mit dem Englisch des
        Glossars wiedergegeben sind (oder mit einem nicht zulässigen Begriff), abweichende
        Zahlen (2.500 im Deutschen ist 2,500 im Englischen, 14.30 Uhr ist 2:30 p.m., „90er
        Jahre“ ist „the 1990s“, 2020/21 ist 2020-21), unübersetzte Segmente und eine
        abweichende Zahl von Segmenten. Exit-Code 1, wenn es Probleme gibt. Zahlen, die
        umschrieben sein können (zum zweiten Mal / again, Tausende / 3,000), werden als
        Hinweise aufgeführt; Hinweise lassen die Prüfung nie scheitern.
        Eine der Dateien darf - sein (Standardeingabe).

        TARGET darf auch das JSON sein, das `glossar translate --json` ausgibt (erkannt an
        seiner Liste "segments"): Das Englisch seiner Sätze wird gegen SOURCE geprüft, je
        Zeile (oder Absatz) von SOURCE wieder zusammengefügt, sodass die Segmentnummern
        weiterhin die Zeilen von SOURCE zählen; das Ergebnis ist dasselbe wie bei der
        einfachen Ausgabe von translate. Die JSON-Datei auch als SOURCE angeben, um sie Satz
        für Satz zu prüfen.

        Beispiel:

            glossar check article_de.txt article_en.txt

            glossar translate --file article_de.txt --json > mt.json

            glossar check article_de.txt mt.json

            glossar --lang de check --json article_de.txt article_en.txt
    """),
    _doc("""
        Print one JSON document.
    """): _doc("""
        Ein einziges JSON-Dokument ausgeben.
    """),
    _doc("""
        Translate or scan a whole archive: resumable, with progress, locally or on Ray.

        INPUT is a folder of .txt files (id = relative path), one .txt file (one
        document, id = its name) or a JSON Lines file of {"id": …, "text": …}. OUTPUT is
        JSON Lines, one record per document, written as documents finish; run the same
        command again to resume after an interruption. One job at a time per OUTPUT.
    """): _doc("""
        Ein ganzes Archiv übersetzen oder durchsuchen: fortsetzbar, mit Fortschrittsanzeige,
        lokal oder auf Ray.

        INPUT ist ein Ordner mit .txt-Dateien (ID = relativer Pfad), eine .txt-Datei (ein
        Dokument, ID = ihr Name) oder eine JSON-Lines-Datei aus {"id": …, "text": …}.
        OUTPUT ist JSON Lines, ein Datensatz je Dokument, geschrieben, sobald ein Dokument
        fertig ist; nach einer Unterbrechung setzt derselbe Befehl, noch einmal gestartet,
        die Arbeit fort. Je OUTPUT läuft nur ein Auftrag zugleich.
    """),
    _doc("""
        The term report of an existing corpus OUTPUT (of either job; '-' reads it from
        standard input).

        Example:

            glossar corpus report out.jsonl --top 50
    """): _doc("""
        Der Begriffsbericht zu einer vorhandenen Korpusausgabe OUTPUT (von einem der beiden
        Aufträge; '-' liest sie von der Standardeingabe).

        Beispiel:

            glossar corpus report out.jsonl --top 50
    """),
    _doc("""
        Entries to list.
    """): _doc("""
        Zahl der aufgeführten Einträge.
    """),
    _doc("""
        Find the glossary terms of every document of INPUT; one record each in OUTPUT.

        Example:

            glossar corpus terms archive/ terms.jsonl --report frequency.json
    """): _doc("""
        Die Glossarbegriffe jedes Dokuments von INPUT finden; je ein Datensatz in OUTPUT.

        Beispiel:

            glossar corpus terms archive/ terms.jsonl --report frequency.json
    """),
    _doc("""
        Run here (worker processes) or on a Ray cluster (pip install 'glossar[ray]').
    """): _doc("""
        Hier ausführen (Arbeitsprozesse) oder auf einem Ray-Cluster (pip install 'glossar[ray]').
    """),
    _doc("""
        Ray cluster to join (with --engine ray); default: start a local one.
    """): _doc("""
        Ray-Cluster, dem der Auftrag beitritt (mit --engine ray); Vorgabe: einen lokalen starten.
    """),
    _doc("""
        Worker processes or Ray actors (0 = one per core).
    """): _doc("""
        Arbeitsprozesse oder Ray-Akteure (0 = einer je Prozessorkern).
    """),
    _doc("""
        Longer documents are recorded as errors.
    """): _doc("""
        Längere Dokumente werden als Fehler verzeichnet.
    """),
    _doc("""
        Write the term report (JSON) to FILE.
    """): _doc("""
        Den Begriffsbericht (JSON) in DATEI schreiben.
    """),
    _doc("""
        No progress bar and no summary.
    """): _doc("""
        Keine Fortschrittsanzeige und keine Zusammenfassung.
    """),
    _doc("""
        Translate every document of INPUT into OUTPUT with the glossary enforced.

        Example:

            glossar corpus translate archive/ archive-en.jsonl

            glossar corpus translate articles.jsonl out.jsonl --engine ray --report terms.json
    """): _doc("""
        Jedes Dokument von INPUT nach OUTPUT übersetzen, mit durchgesetztem Glossar.

        Beispiel:

            glossar corpus translate archive/ archive-en.jsonl

            glossar corpus translate articles.jsonl out.jsonl --engine ray --report terms.json
    """),
    _doc("""
        Do not enforce glossary terms.
    """): _doc("""
        Glossarbegriffe nicht durchsetzen.
    """),
    _doc("""
        CTranslate2 threads per worker (0 = cores ÷ workers).
    """): _doc("""
        CTranslate2-Threads je Arbeitsprozess (0 = Prozessorkerne ÷ Arbeitsprozesse).
    """),
    _doc("""
        List, validate, export and import glossaries.
    """): _doc("""
        Glossare auflisten, prüfen, exportieren und importieren.
    """),
    _doc("""
        Export the glossary (curated plus your layers) as TBX, CSV/TSV, JSON or TOML.

        TBX, JSON and TOML keep every field, and so does CSV/TSV with --columns all; plain
        CSV/TSV keep German→English term pairs only (DeepL, Google, Amazon) and say on stderr
        what they leave out.

        Example:

            glossar glossary export --format tbx -o kazakhstan.tbx

            glossar glossary export --format csv --header > deepl.csv

            glossar glossary export --format csv --columns all -o kazakhstan.csv

            glossar glossary export --only --glossary mine.toml --format tbx -o mine.tbx
    """): _doc("""
        Das Glossar (kuratiert und Ihre Schichten) als TBX, CSV/TSV, JSON oder TOML exportieren.

        TBX, JSON und TOML behalten jedes Feld, ebenso CSV/TSV mit --columns all; einfaches
        CSV/TSV behält nur Begriffspaare Deutsch→Englisch (DeepL, Google, Amazon) und meldet
        auf der Standardfehlerausgabe, was dabei wegfällt.

        Beispiel:

            glossar glossary export --format tbx -o kazakhstan.tbx

            glossar glossary export --format csv --header > deepl.csv

            glossar glossary export --format csv --columns all -o kazakhstan.csv

            glossar glossary export --only --glossary mine.toml --format tbx -o mine.tbx
    """),
    _doc("""
        tbx (TBX v3), tbx2008 (martif), csv, tsv, json or toml. Default: from -o's extension.
    """): _doc("""
        tbx (TBX v3), tbx2008 (martif), csv, tsv, json oder toml. Vorgabe: nach der Dateiendung von -o.
    """),
    _doc("""
        Write here, not stdout.
    """): _doc("""
        Hierhin schreiben, nicht auf die Standardausgabe.
    """),
    _doc("""
        CSV/TSV: add a 'de,en' language header row.
    """): _doc("""
        CSV/TSV: eine Kopfzeile 'de,en' mit den Sprachen voranstellen.
    """),
    _doc("""
        CSV/TSV: German→English pairs (DeepL, Google), or all: a column per field, lossless.
    """): _doc("""
        CSV/TSV: Paare Deutsch→Englisch (DeepL, Google) oder all: eine Spalte je Feld, verlustfrei.
    """),
    _doc("""
        Only the glossaries given with --glossary, without the curated news glossary.
    """): _doc("""
        Nur die mit --glossary angegebenen Glossare, ohne das kuratierte Nachrichtenglossar.
    """),
    _doc("""
        Convert a TBX (v3 or 2008), CSV/TSV or JSON glossary into glossar's TOML format.

        Every bad row or element is reported as FILE:LINE: problem (exit 4) and nothing is
        written. Use the result with --glossary, or check it with `glossar glossary validate`.

        Example:

            glossar glossary import terms.tbx -o my-terms.toml

            glossar glossary import deepl.csv > my-terms.toml

            glossar glossary import supplier.tbx --id-prefix supplier- -o supplier.toml
    """): _doc("""
        Ein Glossar in TBX (v3 oder 2008), CSV/TSV oder JSON in das TOML-Format von glossar umwandeln.

        Jede fehlerhafte Zeile und jedes fehlerhafte Element wird als FILE:LINE: Problem
        gemeldet (Exit-Code 4), und es wird nichts geschrieben. Das Ergebnis mit --glossary
        verwenden oder mit `glossar glossary validate` prüfen.

        Beispiel:

            glossar glossary import terms.tbx -o my-terms.toml

            glossar glossary import deepl.csv > my-terms.toml

            glossar glossary import supplier.tbx --id-prefix supplier- -o supplier.toml
    """),
    _doc("""
        Format of FILE (default: from its extension, else guessed from the content).
    """): _doc("""
        Format von FILE (Vorgabe: nach der Dateiendung, sonst aus dem Inhalt erschlossen).
    """),
    _doc("""
        Put this before every entry id (termbases number their concepts c1, c2, …: two imports layered would replace each other's entries by id).
    """): _doc("""
        Dies jeder Eintrags-ID voranstellen (Termbanken nummerieren ihre Begriffseinträge c1, c2, …: zwei übereinandergelegte Importe würden sonst gegenseitig ihre Einträge gleicher ID ersetzen).
    """),
    _doc("""
        List the bundled glossaries, the ones in use and their entries.

        The news glossary is in use for any text; --glossary NAME adds a bundled one
        (kazakhstan-2022: the bundled article's own senses), --glossary FILE yours.

        Example:

            glossar glossary list --glossary kazakhstan-2022 --glossary my-terms.toml
    """): _doc("""
        Die mitgelieferten Glossare, die verwendeten und ihre Einträge auflisten.

        Das Nachrichtenglossar gilt für jeden Text; --glossary NAME nimmt ein mitgeliefertes
        hinzu (kazakhstan-2022: die eigenen Bedeutungen des mitgelieferten Artikels),
        --glossary DATEI ein eigenes.

        Beispiel:

            glossar glossary list --glossary kazakhstan-2022 --glossary my-terms.toml
    """),
    _doc("""
        Check glossary files; print PATH:LINE: FIELD: problem for each problem (exit 4).

        Without PATHS, checks the curated glossary and your layered ones.

        Example:

            glossar glossary validate my-terms.toml
    """): _doc("""
        Glossardateien prüfen; für jedes Problem PATH:LINE: FIELD: Problem ausgeben (Exit-Code 4).

        Ohne PATHS werden das kuratierte Glossar und Ihre darübergelegten geprüft.

        Beispiel:

            glossar glossary validate my-terms.toml
    """),
    _doc("""
        Look up QUERY (German in any form, an abbreviation, or English) in the glossaries.

        Searches the glossaries in force and every bundled one (news, kazakhstan-2022, ...);
        each entry says which glossary it comes from.

        Matches headwords case- and umlaut-insensitively (Fluessiggas, FLÜSSIGGAS), inflected
        forms (Ausnahmezustandes), abbreviations both ways (OVKS, CSTO), English terms, and
        otherwise suggests near misses. QUERY '-' (or none, with piped input) reads stdin;
        several lines there are several queries, one per line (with --json: one JSON object
        per line). Exit 0 when something matched (every query, for several), 1 when there
        were only suggestions or nothing, 2 when QUERY is empty.

        Example:

            glossar lookup Ausnahmezustandes

            glossar lookup CSTO --json

            glossar lookup - < terms.txt
    """): _doc("""
        QUERY (Deutsch in beliebiger Form, eine Abkürzung oder Englisch) in den Glossaren nachschlagen.

        Durchsucht die geltenden Glossare und alle mitgelieferten (news, kazakhstan-2022,
        ...); jeder Eintrag nennt das Glossar, aus dem er stammt.

        Findet Stichwörter unabhängig von Groß- und Kleinschreibung und Umlautschreibung
        (Fluessiggas, FLÜSSIGGAS), gebeugte Formen (Ausnahmezustandes), Abkürzungen in beide
        Richtungen (OVKS, CSTO) und englische Begriffe und schlägt sonst ähnliche Einträge
        vor. QUERY '-' (oder keine, wenn Text über eine Pipe kommt) liest die
        Standardeingabe; mehrere Zeilen dort sind mehrere Anfragen, eine je Zeile (mit
        --json: ein JSON-Objekt je Zeile). Exit-Code 0, wenn etwas gefunden wurde (bei
        mehreren Anfragen: für jede), 1, wenn es nur Vorschläge oder nichts gab, 2, wenn
        QUERY leer ist.

        Beispiel:

            glossar lookup Ausnahmezustandes

            glossar lookup CSTO --json

            glossar lookup - < terms.txt
    """),
    _doc("""
        Most results to show.
    """): _doc("""
        Höchstzahl der gezeigten Ergebnisse.
    """),
    _doc("""
        Manage the offline translation models (argostranslate packages).

        Models live where argostranslate keeps them ($ARGOS_PACKAGES_DIR is honoured).

        Example:

            glossar model install translate-de_en-1_0.argosmodel

            glossar model list --json
    """): _doc("""
        Offline-Übersetzungsmodelle verwalten (argostranslate-Pakete).

        Die Modelle liegen dort, wo argostranslate sie ablegt ($ARGOS_PACKAGES_DIR wird
        beachtet).

        Beispiel:

            glossar model install translate-de_en-1_0.argosmodel

            glossar model list --json
    """),
    _doc("""
        Install FILE.argosmodel (no network), or download the de→en model if no FILE.

        The package is checked before anything is installed; a broken or unsafe one is
        refused with exit 4 and installed models stay as they were. Without FILE, the
        German→English package is downloaded from the Argos package index (the only time
        glossar uses the network; $ARGOS_PACKAGE_INDEX changes where from).

        Example:

            glossar model install ~/Downloads/translate-de_en-1_0.argosmodel

            glossar model install
    """): _doc("""
        FILE.argosmodel installieren (offline) oder ohne FILE das Modell de→en herunterladen.

        Das Paket wird geprüft, bevor etwas installiert wird; ein beschädigtes oder
        unsicheres Paket wird mit Exit-Code 4 abgelehnt, und die installierten Modelle
        bleiben, wie sie waren. Ohne FILE wird das Paket Deutsch→Englisch aus dem
        Argos-Paketindex heruntergeladen (das einzige Mal, dass glossar das Netz nutzt;
        $ARGOS_PACKAGE_INDEX bestimmt, woher).

        Beispiel:

            glossar model install ~/Downloads/translate-de_en-1_0.argosmodel

            glossar model install
    """),
    _doc("""
        List installed translation models.

        Example:

            glossar model list --json
    """): _doc("""
        Die installierten Übersetzungsmodelle auflisten.

        Beispiel:

            glossar model list --json
    """),
    _doc("""
        Remove the installed model NAME (as shown by `glossar model list`).

        Example:

            glossar model remove translate-de_en-1_0
    """): _doc("""
        Das installierte Modell NAME entfernen (wie von `glossar model list` gezeigt).

        Beispiel:

            glossar model remove translate-de_en-1_0
    """),
    _doc("""
        Find glossary terms in German text (FILE, or standard input with '-' or none).

        Recognises inflected forms (des Ausnahmezustands), terms inside compounds
        (Flüssiggaspreise → Flüssiggas), hyphenated compounds (OVKS-Truppen), multi-word
        terms (verfassungsmäßige Ordnung) and abbreviations (OVKS). Prints the text with the
        terms marked and a table of the terms with their English. Exit 1 when none is found.
        Uses the news glossary; `--glossary kazakhstan-2022` adds the bundled article's own.
        A hit marked `?` is unsure (the word has several senses here): its senses are shown,
        not one answer, and translate/check leave it alone.

        Example:

            glossar terms article.txt

            echo "Tokajew verhängte den Ausnahmezustand." | glossar terms --json
    """): _doc("""
        Glossarbegriffe in deutschem Text finden (FILE oder die Standardeingabe bei '-' oder ohne FILE).

        Erkennt gebeugte Formen (des Ausnahmezustands), Begriffe in Komposita
        (Flüssiggaspreise → Flüssiggas), Bindestrich-Komposita (OVKS-Truppen), mehrteilige
        Begriffe (verfassungsmäßige Ordnung) und Abkürzungen (OVKS). Gibt den Text mit
        markierten Begriffen aus, dazu eine Tabelle der Begriffe mit ihrem Englisch.
        Exit-Code 1, wenn keiner gefunden wird. Verwendet das Nachrichtenglossar;
        `--glossary kazakhstan-2022` nimmt das eigene Glossar des mitgelieferten Artikels
        hinzu. Ein mit `?` markierter Treffer ist unsicher (das Wort hat hier mehrere
        Bedeutungen): Gezeigt werden seine Bedeutungen, nicht eine Antwort, und
        translate/check lassen ihn unverändert.

        Beispiel:

            glossar terms article.txt

            echo "Tokajew verhängte den Ausnahmezustand." | glossar terms --json
    """),
    _doc("""
        Translate German TEXT (or --file FILE, or standard input) into English.

        Runs offline with the installed argostranslate de→en model; glossary terms found
        in the German come out as the glossary's English. Paragraph breaks survive.
        Standard output carries only the English, so it can be redirected to a file and
        given to `glossar check`; the machine-translation label and the glossary terms
        go to standard error. Exit 3 when no German→English model is installed.

        Example:

            glossar translate "Tokajew verhängte den Ausnahmezustand."

            glossar translate --file artikel.txt > article.txt

            glossar translate --file artikel.txt --json --beam 1
    """): _doc("""
        Deutschen TEXT (oder --file DATEI oder die Standardeingabe) ins Englische übersetzen.

        Läuft offline mit dem installierten argostranslate-Modell de→en; im Deutschen
        gefundene Glossarbegriffe erscheinen mit dem Englisch des Glossars. Absätze bleiben
        erhalten. Die Standardausgabe enthält nur das Englische, lässt sich also in eine
        Datei umleiten und an `glossar check` geben; der Hinweis auf die maschinelle
        Übersetzung und die Glossarbegriffe gehen auf die Standardfehlerausgabe. Exit-Code
        3, wenn kein Modell Deutsch→Englisch installiert ist.

        Beispiel:

            glossar translate "Tokajew verhängte den Ausnahmezustand."

            glossar translate --file artikel.txt > article.txt

            glossar translate --file artikel.txt --json --beam 1
    """),
    _doc("""
        Read the German text from FILE ('-' = standard input).
    """): _doc("""
        Den deutschen Text aus DATEI lesen ('-' = Standardeingabe).
    """),
    _doc("""
        Beam size (1 = greedy, fastest).
    """): _doc("""
        Strahlbreite (Beam) der Suche (1 = gierig, am schnellsten).
    """),
    _doc("""
        CPU threads for decoding (0 = automatic; at most this machine's cores).
    """): _doc("""
        CPU-Threads für die Dekodierung (0 = automatisch; höchstens so viele, wie dieser Rechner Kerne hat).
    """),
}
