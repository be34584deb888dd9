"""Verb entries on real news (read hit by hit with a 10k-entry termbase, stop 34): an
irregular verb has its own forms (``sein`` is not "seit", ``haben`` not "habte"), and
a base verb whose clause ends in another verb's particle is that other verb
(steigt … ein is einsteigen, nahmen … teil is teilnehmen); the particle is no term of
its own then. Sentences verbatim: the 10kGNAD sample (tests/data/gnad, CC BY-NC-SA
4.0) and UD German GSD (tests/data/gsd, CC BY-SA 4.0)."""

from __future__ import annotations

import pytest

from glossar.glossary.model import Entry, Glossary
from glossar.terms import find_terms
from glossar.text.verbs import verb_forms


def termbase(*entries: tuple[str, str]) -> Glossary:
    return Glossary(
        {
            f"e{i}": Entry(id=f"e{i}", de=de, pos=pos, en=f"term {i}")
            for i, (de, pos) in enumerate(entries)
        }
    )


def found(text: str, g: Glossary) -> list[str]:
    return [m.text for m in find_terms(text, g)]


@pytest.mark.parametrize(
    ("verb", "present", "absent"),
    [
        (
            "sein",
            {"ist", "sind", "war", "waren", "sei", "gewesen", "wäre"},
            {"seit", "seite", "seiten"},
        ),
        ("haben", {"hat", "hast", "hatte", "hatten", "hätte", "gehabt"}, {"habte", "habst"}),
        ("werden", {"wird", "wurde", "wurden", "würde", "worden"}, {"wurdeen"}),
        ("können", {"kann", "konnte", "könnte", "gekonnt"}, {"könnete", "könnest"}),
        ("müssen", {"muss", "musste", "müsste"}, {"gemüsst"}),
        ("mögen", {"mag", "mochte", "möchte"}, {"mögte"}),
        ("wissen", {"weiß", "weißt", "wusste"}, {"weist"}),
        ("kennen", {"kennt", "kennst"}, {"kennet", "kennest"}),
        ("rechnen", {"rechnet", "gerechnet"}, {"gerechnt"}),
        ("vorhaben", {"vorhat", "vorgehabt"}, {"vorhabte"}),
    ],
)
def test_verb_forms(verb: str, present: set[str], absent: set[str]) -> None:
    forms = verb_forms(verb)
    every = set(forms.joined) | set(forms.bare)
    assert present <= every
    assert not absent & every


def test_sein_is_not_seit() -> None:
    text = (
        "Jerusalem/Ramallah – Israels Ministerpräsident Benjamin Netanyahu und der "
        "palästinensische Präsident Mahmoud Abbas haben erstmals seit einem Jahr wieder "
        "miteinander telefoniert."
    )
    assert found(text, termbase(("sein", "verb"), ("haben", "verb"))) == ["haben"]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        (
            "Wien/Gumpoldskirchen – Der Glücksspielkonzern Novomatic steigt bei den Casinos "
            "Austria ein.",
            [("steigen", "verb"), ("ein", "adverb")],
        ),
        (
            "Wien – Die Staatsanwaltschaft Mainz sieht von Ermittlungen nach Klagen zum "
            "Hakenkreuz-Schnitzels auf der Facebook-Seite der Heute-Show ab.",
            [("sehen", "verb")],
        ),
        (
            "Der EGB hebt besonders hervor, daß es sich um ein individuelles, nicht an die "
            "Firmengröße gebundenes Recht für Männer und Frauen handle",
            [("heben", "verb"), ("hervor", "adverb")],
        ),
        (
            "In Paris selbst nahmen zur gleichen Zeit rund tausend Studenten an einer "
            "Kundgebung im Quartier Latin teil.",
            [("nehmen", "verb"), ("teil", "adverb")],
        ),
    ],
)
def test_a_base_verb_with_another_verbs_particle_is_no_hit(
    text: str, entries: list[tuple[str, str]]
) -> None:
    assert found(text, termbase(*entries)) == []


def test_the_particle_of_a_separable_entry_is_not_a_term_of_its_own() -> None:
    text = "Das Gericht ging davon aus, dass er schuldig ist."
    g = termbase(("ausgehen", "verb"), ("aus", "adverb"), ("gehen", "verb"))
    assert [(m.text, m.entry.de) for m in find_terms(text, g)] == [("ging", "ausgehen")]


def test_base_verbs_still_found_where_no_particle_closes_the_clause() -> None:
    g = termbase(("steigen", "verb"), ("gehen", "verb"), ("bestehen", "verb"))
    assert found("Die Zahl der Toten stieg auf 20.", g) == ["stieg"]
    assert found("Er ging nach Hause.", g) == ["ging"]
    # a particle that only adds "on" or a direction leaves the base verb
    assert found("Die Gefahr besteht weiter, sagte er.", g) == ["besteht"]


@pytest.mark.parametrize(
    "text",
    [
        "Schließlich sei ein All-in-Gehalt oft nur auf den ersten Blick von Vorteil, gab "
        "GPA-djp-Chef Wolfgang Katzian (SPÖ) am Montag bei einer Pressekonferenz in Wien zu "
        "bedenken.",
        "Die Privatklage Christandls lautet auf Unterlassung und Widerruf der ehrenrührigen "
        "und kreditschädigenden Behauptungen, sagt Margot Rest, Christandls Rechtsanwältin, "
        "zum STANDARD.",
    ],
)
def test_an_adverb_spelled_like_an_article_or_preposition_is_not_every_article(
    text: str,
) -> None:
    """A termbase of lemmas holds adverbs such as ein, aus, auf or zu (the particles of
    separable verbs): before a noun phrase the word is an article or a preposition."""
    g = termbase(("ein", "adverb"), ("aus", "adverb"), ("auf", "adverb"), ("zu", "adverb"))
    assert found(text, g) == []


def test_such_an_adverb_is_found_where_it_closes_its_clause() -> None:
    g = termbase(("aus", "adverb"), ("sein", "verb"))
    # "sein" takes an adverb, not a particle: both stay
    assert found("Aus rechtlichen Gründen ist das Spiel aus.", g) == ["ist", "aus"]


# held out (stop 34): sentences read after the rules above were written; 10kGNAD and GSD
def test_a_particle_after_und_and_a_clause_of_its_own_is_that_clauses() -> None:
    text = (
        "Und als der weltgrößte Drogenboss eines Abends in seinen Riesenapparat die Worte "
        "Heute geht es los spricht, geschieht das ganz Unglaubliche: Ein Flugzeug der "
        "Drogenbehörde DEA fliegt genau in dem Moment über die Hacienda Escobars und fängt "
        "das Signal auf."
    )
    assert found(text, termbase(("fliegen", "verb"))) == ["fliegt"]
    # "und" between nouns opens no clause: the particle is still the verb's
    text = (
        "Am Dienstag meldete der steirische Fleisch- und Wursthersteller mit 269 "
        "Mitarbeitern und 276 Gläubigern ein Sanierungsverfahren ohne Eigenverwaltung in "
        "Graz an."
    )
    assert found(text, termbase(("melden", "verb"))) == []


def test_an_adjective_closing_a_clause_is_no_particle() -> None:
    text = (
        "Der Führer der Rebellenbewegung Renamo, Afonso Dhlakama, erklärte sich in der "
        "botswanischen Hauptstadt Gabarone zum sofortigen Waffenstillstand bereit."
    )
    assert found(text, termbase(("erklären", "verb"), ("bereit", "adjective"))) == [
        "erklärte",
        "bereit",
    ]


def test_bevor_is_a_particle() -> None:
    text = (
        "Dem seit nunmehr zwei Jahrzehnten währenden Rechtsstreit um das Atomkraftwerk "
        "Mülheim -- Kärlich steht am kommenden Dienstag eine weitere Entscheidung bevor:"
    )
    g = termbase(("stehen", "verb"), ("weiterer", "adjective"))
    assert found(text, g) == ["weitere"]  # bevorstehen; weiterer written inflected


def test_a_separable_verb_takes_the_particle_that_closes_its_own_clause() -> None:
    """A tester's sentence: an "ein" closing the sentence's second clause made the first
    clause's "griff" eingreifen, though "durch" closes that clause (durchgreifen)."""
    g = termbase(("eingreifen", "verb"))
    text = "Die Regierung griff hart durch, und die Armee griff ein."
    assert [(m.start, m.entry.de) for m in find_terms(text, g)] == [(46, "eingreifen")]
    g = termbase(("einsteigen", "verb"), ("aussteigen", "verb"))
    for text, expected in [
        ("Er stieg aus, und sie stieg ein.", [(3, "aussteigen"), (22, "einsteigen")]),
        ("Er stieg ein, und sie stieg aus.", [(3, "einsteigen"), (22, "aussteigen")]),
        # an inserted phrase between commas stays inside the clause
        ("Er stieg, wie erwartet, in Wien aus.", [(3, "aussteigen")]),
    ]:
        assert [(m.start, m.entry.de) for m in find_terms(text, g)] == expected, text


def test_a_verb_with_two_particles_is_found_split() -> None:
    """A tester's sentences: wiederherstellen splits as "stellte … wieder her" (two
    particles written apart); only its joined forms were found."""
    g = termbase(("wiederherstellen", "verb"), ("wiederaufbauen", "verb"), ("her", "adverb"))
    for text, expected in [
        ("Sie stellte die Ordnung wieder her.", [("stellte", "wiederherstellen")]),
        ("Er stellt das Auto wieder her, sagte sie.", [("stellt", "wiederherstellen")]),
        ("Die Stadt baut die Brücke wieder auf.", [("baut", "wiederaufbauen")]),
        ("Die Ordnung sei wiederhergestellt.", [("wiederhergestellt", "wiederherstellen")]),
        ("Sie stellt Autos her.", [("her", "her")]),  # herstellen: no "wieder"
    ]:
        assert [(m.text, m.entry.de) for m in find_terms(text, g)] == expected, text
    assert verb_forms("wiederherstellen").joined[:3] == (
        "wiederherstellen",
        "wiederhergestellt",  # not "wiedergeherstellt"
        "wiederherzustellen",
    )
    assert verb_forms("wiederholen").joined[1] == "wiedergeholt"  # one particle: as before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tester's: the particle closes a coordinated clause with a verb of its own
        ("Er mischt den Teig und gibt zwei Eier ein.", [("gibt", "eingeben")]),
        # the verb's own clause ends in its particle before "und" and a finite verb
        # (10kGNAD / PUD sentences: ausgehen, not gehen; ausbaggern, not baggern)
        (
            "Die südkoreanische Firma ging zunächst von einem Akkufehler aus und tauschte "
            "ihre eigene Komponente gegen eine Batterie aus.",
            [("ging", "ausgehen")],
        ),
        ("Shen baggerte den Kanal erfolgreich aus und demonstrierte ihren Wert.", []),
        ("Die Regierung greift nicht ein und wartet ab.", [("greift", "eingreifen")]),
        # phrases after "und" coordinate within the clause
        (
            "Im Sommer kehrten Georges und seine Frau in die Schweiz zurück.",
            [("kehrten", "zurückkehren")],
        ),  # fmt: skip
        ("Die Regierung greift jetzt und sofort ein.", [("greift", "eingreifen")]),
        # a particle right before "und" closes its clause ...
        ("Er stieg aus und die Tür schloss sich.", [("stieg", "aussteigen")]),
        # ... but not in an idiom made of particles
        ("Er ging im Flur auf und ab.", [("ging", "gehen")]),
        # a subject after "und": the clause's end is not decided there
        (
            "Ich habe mich damit befasst und das Gesicht tauchte immer wieder auf.",
            [("befasst", "befassen")],
        ),  # fmt: skip
        (
            "Zu dieser Zeit dachte er mehr und mehr über seine Zukunft nach.",
            [("dachte", "nachdenken")],
        ),  # fmt: skip
    ],
)
def test_a_coordinated_clause_keeps_its_own_particle(text: str, expected: list) -> None:  # type: ignore[type-arg]
    verbs = ["einmischen", "eingeben", "ausgehen", "gehen", "eingreifen", "baggern"]
    verbs += ["zurückkehren", "nachdenken", "warten", "steigen", "aussteigen"]
    verbs += ["befassen"]
    g = termbase(*[(v, "verb") for v in verbs])
    assert [(m.text, m.entry.de) for m in find_terms(text, g)] == expected


def test_a_phrase_after_und_stays_in_the_clause_of_the_base_verb() -> None:
    """ "und im Irak" joins two phrases: the clause goes on to its particle, so the base
    verb greifen gives way to eingreifen."""
    g = termbase(("greifen", "verb"), ("eingreifen", "verb"))
    text = "Russland greift in Syrien und im Irak ein."
    assert [(m.text, m.entry.de) for m in find_terms(text, g)] == [("greift", "eingreifen")]


_REVIEW_VERBS = [
    "kommen", "ankommen", "zukommen", "stehen", "zustehen", "ausstehen", "lassen", "zulassen",
    "gehen", "aufgehen", "abgehen", "hingehen", "angehen", "eingehen", "laufen", "herlaufen",
    "fahren", "mitfahren", "vorkommen", "stellen", "einstellen", "herstellen",
    "wiederherstellen", "ziehen", "einziehen", "abziehen", "greifen", "eingreifen", "reisen",
    "abreisen", "weisen", "zurückweisen", "mischen", "einmischen", "schließen",
    "ausschließen", "steigen", "aussteigen",
]  # fmt: skip


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a split verb that nothing shows closes its clause does not beat the base verb
        ("Wenn er kommt, rufe ich ihn an.", ["kommen"]),
        (
            "Der Betriebsrat des Instituts, das vor einer Schrumpfkur steht, schließt "
            "Streiks nicht aus.",
            ["stehen", "ausschließen"],
        ),
        # particle und particle (or a preposition) is a phrase, not a particle
        ("Es geht immer leicht auf und ab.", ["gehen"]),
        ("Er geht ab und zu ins Kino.", ["gehen"]),
        ("Sie lief den ganzen Tag hin und her.", ["laufen"]),
        ("Das Auto fährt mit und ohne Fahrer.", ["fahren"]),
        ("Die Polizei kam vor und nach dem Spiel zum Einsatz.", ["kommen"]),
        ("Es geht an und für sich gut.", ["gehen"]),
        ("Er stellte ein und dieselbe Frage zweimal.", ["stellen"]),
        # "und" before a phrase that a finite verb follows opens a clause
        ("Russland zog seine Truppen ab und in Almaty kehrte wieder Ruhe ein.", ["abziehen"]),
        ("Die Armee griff ein und in der Hauptstadt kehrte Ruhe ein.", ["eingreifen"]),
        # adverbs, participles and adjectives after "und" are no verbs
        ("Die Armee griff am Montag und erneut am Dienstag ein.", ["eingreifen"]),
        ("Die Regierung wies die Vorwürfe als haltlos und konstruiert zurück.", ["zurückweisen"]),
        (
            "Die Regierung wies die Vorwürfe der Opposition und verärgerte Bürger zurück.",
            ["zurückweisen"],
        ),
        ("Der Koch mischt den Teig und rührt zwei Eier ein.", ["mischen"]),
        # of two split verbs the longer particle wins, over any white space
        ("Die Regierung stellte die Ordnung wieder her.", ["wiederherstellen"]),
        ("Die Regierung stellte die Ordnung wieder\nher.", ["wiederherstellen"]),
    ],
)
def test_a_reviewers_sentences_read_as_german_readers_read_them(
    text: str, expected: list[str], form: str
) -> None:
    """An independent reviewer's sentences against the first version of these rules
    (stop 39), composed and decomposed."""
    import unicodedata

    g = termbase(*[(v, "verb") for v in _REVIEW_VERBS])
    text = unicodedata.normalize(form, text)
    assert [m.entry.de for m in find_terms(text, g)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # particles that are words of their own too: split, and their participles
        ("Die Wahl fand im März statt.", [("fand", "stattfinden")]),
        ("Er nahm an der Sitzung teil.", [("nahm", "teilnehmen")]),
        ("Die Polizei stellte fest, dass er schuldig war.", [("stellte", "feststellen")]),
        ("50 Personen wurden festgenommen.", [("festgenommen", "festnehmen")]),
        ("Die Zahl der Kinder, die teilgenommen haben, steigt.", [("teilgenommen", "teilnehmen")]),
        # a base of four letters only where it is a word: einigen is not ein|igen, but
        # ausüben is aus|üben (a reviewer: "Druck ausgeübt" was lost on the way)
        ("Die Parteien haben sich geeinigt.", [("geeinigt", "einigen")]),
        ("Der Druck, der auf Ungarn ausgeübt wurde, wuchs.", [("ausgeübt", "ausüben")]),
        ("Dort üben viele Arbeitgeber Druck aus.", [("üben", "ausüben")]),
    ],
)
def test_verbs_with_statt_teil_fest_split_and_einigen_does_not(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """Real news (10kGNAD, GSD): "fand … statt", "stellte … fest", "festgenommen" were
    never found, and einigen's participle was generated as "eingeigt"."""
    verbs = ["stattfinden", "teilnehmen", "feststellen", "festnehmen", "einigen", "finden"]
    verbs += ["ausüben"]
    g = termbase(*[(v, "verb") for v in verbs])
    assert [(m.text, m.entry.de) for m in find_terms(text, g)] == expected


def test_a_noun_after_teil_or_fest_is_a_compound_part() -> None:
    """Teil, Fest, Statt split off verbs but are nouns too: Teil|abnahme is a compound."""
    g = Glossary({"a": Entry(id="a", de="Abnahme", en="x", gender="f")})
    assert [m.text for m in find_terms("Trotz Teilabnahme wurde nicht bezahlt.", g)] == ["abnahme"]


def test_a_form_with_the_sentences_stop_leaves_the_stop_out() -> None:
    # a termbase that copied "werden." from a sentence's end (tests/data/termbase_review
    # has it): the term is "werden", the stop stays the sentence's (UD German PUD
    # n01068038, CC BY-SA 3.0); an abbreviation's own stop stays in its span
    text = (
        "Seine Fähigkeit, Antworten für die Steuerzahler zu bekommen, wird schmerzlich "
        "vermisst werden."
    )
    g = Glossary(
        {
            "werden": Entry(id="werden", de="werden", pos="verb", en="become", forms=("werden.",)),
            "nummer": Entry(
                id="nummer", de="Nummer", pos="noun", gender="f", en="number", forms=("Nr.",)
            ),
        }
    )
    assert [text[m.start : m.end] for m in find_terms(text, g)] == ["wird", "werden"]
    assert [m.text for m in find_terms("Sie wohnt in Haus Nr. 5.", g)] == ["Nr."]


#: Two sentences of one 10kGNAD article (CC BY-NC-SA 4.0), verbatim, found by a student
#: tester: "auf Eis legen" was found as its infinitive only.
_ON_ICE = [
    "Pentagon legt 500 Millionen Dollar schweres Programm wegen Rückschlägen auf Eis",
    "Angesichts massiver Rückschläge legen die USA die Ausbildung und Ausrüstung "
    "moderater syrischer Rebellen auf Eis.",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_ON_ICE[0], ["legt"]),
        (_ON_ICE[1], ["legen"]),
        ("Das Programm wurde auf Eis gelegt.", ["auf Eis gelegt"]),
        ("Weil die Regierung das Projekt auf Eis legte, protestierten viele.", ["auf Eis legte"]),
        ("Der Plan, das Vorhaben auf Eis zu legen, scheiterte.", ["auf Eis zu legen"]),
        ("Man legte die Pläne auf Eis, und die Arbeiter gingen.", ["legte"]),
        ("Er legte sich auf das Eis.", []),  # not the idiom's words
        ("Die Firma legt Wert auf Qualität. Es gab Eis.", []),
    ],
)
def test_a_verb_idiom_is_found_in_every_form_and_split(text: str, expected: list[str]) -> None:
    """A verb entry of several words ending in its infinitive: its verb's forms after
    the phrase, and its finite forms with the phrase closing the clause (as a split
    verb's particle)."""
    g = termbase(("auf Eis legen", "verb"))
    assert found(text, g) == expected


@pytest.mark.parametrize(
    ("surface", "form"),
    [("legt", "third"), ("legen", "base"), ("auf Eis gelegt", "participle"),
     ("auf Eis legte", "past"), ("auf Eis zu legen", "base")],
)  # fmt: skip
def test_a_verb_idioms_form_is_its_verbs(surface: str, form: str) -> None:
    """Enforcement puts the English in the German verb's form ("auf Eis gelegt": put on
    hold as a participle); a verb entry of several words had no form but its own."""
    from glossar.text.verbs import german_verb_form

    entry = Entry(id="e", de="auf Eis legen", pos="verb", en="put on hold")
    assert form in german_verb_form(entry, surface)


#: Sentences of the stop-47 idiom tester's sample, verbatim (10kGNAD, CC BY-NC-SA 4.0;
#: German Wikinews, CC BY 2.5), with what each holds of its idiom.
_IDIOMS = [
    ("Stellung nehmen", "Er will zu den Vorgängen Stellung nehmen.", ["Stellung nehmen"]),
    ("Gebrauch machen", "Sie haben vom Wahlrecht Gebrauch gemacht.", ["Gebrauch gemacht"]),
    ("in Frage stellen", "wird von der ÖVP mit einem alternativen Konzept infrage gestellt.",
     ["infrage gestellt"]),
    ("in Frage stellen", "Landesrechnungshof stellt Geschäftsmodell der Holding infrage.",
     ["stellt"]),
    ("zur Verfügung stellen", "die ihnen in Havanna zur Verfügung gestellten Unterlagen",
     ["zur Verfügung gestellten"]),
    ("zur Verfügung stehen", "Damit stehen nur noch 1.000 Dauerkarten für die Heimspiele des "
     "FC St. Pauli zur Verfügung.", ["stehen"]),
    ("in Brand geraten", "München: Altes Bauernhaus gerät in Brand\n\nDas Feuer brach aus.",
     ["gerät"]),
    ("zur Verfügung stellen", "Sie zählen mittlerweile zur Hauptkundschaft bei den "
     "AMS-Stellen.", []),  # a noun in a hyphenated word, no verb
    ("unter Druck geraten", "Das Sechs-Zoll-Gerät wäre damit erheblich günstiger.", []),
    ("eine Rolle spielen", "in beiden bisherigen Playoff-Spielen einen abgefangenen Pass", []),
    # a phrase of its own after the idiom's words (the tester's "not claimed" misses)
    ("ins Visier geraten", "Zimmervermittlungsplattformen wie Airbnb geraten in vielen "
     "Ländern ins Visier der Steuerbehörden.", ["geraten"]),
    ("Abschied nehmen", "Dennoch nimmt sie schon ab jetzt deutlich schrittweise Abschied "
     "von der Macht.", ["nimmt"]),
    ("Anzeige erstatten", "Am Freitag erstatteten zwei Männer Anzeige wegen Betrugs.",
     ["erstatteten"]),
    ("Abschied nehmen", "Er nimmt den Abschied der Kollegen zur Kenntnis.", []),
]  # fmt: skip


@pytest.mark.parametrize(("idiom", "text", "expected"), _IDIOMS)
def test_verb_idioms_on_real_news(idiom: str, text: str, expected: list[str]) -> None:
    """An idiom opening with a noun (Stellung nehmen) was found only split; a variant
    (infrage) got none of the verb's forms; a declined participle, a headline's split
    verb before a blank line and a clause with "St." in it were missed; a noun after a
    hyphen (AMS-Stellen) was read as the idiom's verb. Counted by the tester: 122 of 148
    occurrences found, 122 of 126 hits right, before these fixes."""
    alt = {"in Frage stellen": ("infrage stellen",)}.get(idiom, ())
    g = Glossary({"e": Entry(id="e", de=idiom, de_alt=alt, pos="verb", en="x")})
    assert found(text, g) == expected


def test_a_separable_verbs_bare_form_is_no_noun_after_a_hyphen() -> None:
    """ "AMS-Stellen" was aufstellen, "Test-Greifen" eingreifen (before stop 47 too)."""
    g = termbase(("aufstellen", "verb"), ("eingreifen", "verb"))
    assert found("Sie warten bei den AMS-Stellen. Das Test-Greifen lief.", g) == []


def test_a_split_verbs_rest_is_shown_and_given_in_json(glossar_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A split idiom was found at its finite form alone: "kamen" was highlighted, its
    JSON span and the table's "German as found" said "kamen", and a user could not tell
    which "stellt" was which idiom (the idiom tester)."""
    import json

    glossary = tmp_path / "idioms.toml"
    glossary.write_text(
        '[glossary]\nid = "idioms"\nversion = "1"\n\n'
        '[[entry]]\nid = "ulk"\nde = "ums Leben kommen"\npos = "verb"\nen = "be killed"\n\n'
        '[[entry]]\nid = "ifs"\nde = "in Frage stellen"\npos = "verb"\nen = "question"\n',
        encoding="utf-8",
    )
    text = tmp_path / "news.txt"
    sentence = "Insgesamt kamen mindestens 87 Menschen ums Leben. Er stellt das in Frage.\n"
    text.write_text(sentence, encoding="utf-8")
    shown = glossar_cli("terms", "--glossary", str(glossary), str(text)).stdout
    assert "[kamen] mindestens 87 Menschen [ums Leben]." in shown
    assert "[stellt] das [in Frage]." in shown
    assert "kamen … ums Leben" in shown and "stellt … in Frage" in shown  # the table
    data = json.loads(glossar_cli("terms", "--json", "--glossary", str(glossary), str(text)).stdout)
    first = data["terms"][0]
    assert (first["text"], first["apart"]) == (
        "kamen", {"start": 39, "end": 48, "text": "ums Leben"},
    )  # fmt: skip
    assert sentence[39:48] == "ums Leben"


def test_a_split_idioms_part_is_found_in_decomposed_text() -> None:
    """A macOS copy (NFD): the part's words are decomposed; their span was looked for as
    composed and the command stopped with an internal error (the stop-47 review)."""
    import unicodedata

    from glossar.terms import split_part

    g = Glossary({"e": Entry(id="e", de="zur Verfügung stellen", pos="verb", en="x")})
    text = unicodedata.normalize("NFD", "Die Stadt stellt das Geld zur Verfügung.")
    (m,) = find_terms(text, g)
    part = split_part(text, m)
    assert part is not None
    assert unicodedata.normalize("NFC", text[part[0] : part[1]]) == "zur Verfügung"


@pytest.mark.parametrize(
    ("verb", "text"),
    [
        ("dringen", "Die Gewerkschaften drängen auf eine Einigung."),
        ("zwingen", "Sie zwängen sich durch die Tür."),
        ("stehlen", "Die Schmiede stählen das Eisen."),
        ("fahren", "Sie führen das Land."),
    ],
)
def test_a_subjunctive_that_spells_another_verb_is_not_made(verb: str, text: str) -> None:
    """Subjunctive II of a strong verb (käme, stünde) is made, but not where it spells
    another verb's form: drängen is no dringen (the stop-47 review)."""
    assert found(text, termbase((verb, "verb"))) == []
