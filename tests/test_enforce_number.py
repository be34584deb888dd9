"""An enforced noun takes the German's number, read from the word before it.

An exploratory tester on PUD: a singular "den 45. Präsidenten", "dem amtierenden
Präsidenten", "Die Präsidentin" came out "presidents" (the weak noun's singular and
plural look alike, and the feminine form was taken for a plural), and "ihre
Verbündeten" came out "ally". Sentences: UD German PUD (CC BY-SA 3.0, tests/data/pud).
"""

from __future__ import annotations

import pytest
from test_check_pud import pud_pairs

from glossar.glossary.load import load_glossary
from glossar.mt.mend import german_plural, term_in_form
from glossar.terms import find_terms


@pytest.mark.parametrize(
    ("sent_id", "german", "plural", "english"),
    [
        ("n01034060", "Präsidenten", False, "president"),  # den 45. Präsidenten
        ("w01144056", "Präsidenten", False, "President"),  # dem amtierenden Präsidenten Carter
        ("n05001005", "Präsidentin", False, "president"),  # Die Präsidentin der Kommune
        ("n01039013", "Verbündeten", True, "allies"),  # ihre Verbündeten
    ],
)
def test_the_number_of_a_noun_comes_from_the_german(
    sent_id: str, german: str, plural: bool, english: str
) -> None:
    de = pud_pairs()[sent_id][0]
    (match,) = [m for m in find_terms(de, load_glossary()) if m.text == german]
    assert german_plural(de, match) is plural
    assert term_in_form(match, "", match.english, "", de) == english


def test_a_users_pair_is_plural_after_a_plural_word(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The tester's `Leistungszulage,performance bonus`: "Höhe der Leistungszulagen"
    was written "performance bonus"."""
    from conftest import run_glossar

    (tmp_path / "p.csv").write_text("Leistungszulage,performance bonus\n", encoding="utf-8")
    out = tmp_path / "p.toml"
    assert run_glossar("glossary", "import", str(tmp_path / "p.csv"), "-o", str(out)).exit_code == 0
    de = pud_pairs()["n01043025"][0]
    (match,) = [m for m in find_terms(de, load_glossary([str(out)])) if m.id == "leistungszulage"]
    assert term_in_form(match, "", match.english, "", de) == "performance bonuses"


@pytest.mark.parametrize(
    ("text", "plural"),
    [
        ("Die Präsidenten trafen sich.", True),
        ("Die Rede der Präsidenten.", True),
        ("Zwei Regierungen stritten.", True),
        ("Die Regierung stritt.", False),  # feminine: "die" says nothing, the form does
        # after a dative preposition "den" is plural (one would be "mit dem Präsidenten")
        ("Er sprach mit den Präsidenten.", True),
        ("Er sprach mit den Soldaten.", True),
        ("Er warnte den Soldaten.", None),  # accusative: one, or several (dative)
        ("Er schrieb an den Präsidenten.", False),  # a title after "den" is one
        ("Die Präsidentinnen kamen.", True),
        # a tester on the article: "das kasachische Volk" → "peoples", "das vom Kreml
        # angeführte Militärbündnis" → "military alliances" (das; a participle attribute)
        ("Und warum erhebt sich das kasachische Volk?", False),
        (
            "Angesichts der gewaltsamen Proteste hat das vom Kreml angeführte "
            "Militärbündnis OVKS erstmals auf Bitten Kasachstans eingegriffen.",
            False,
        ),
        ("Die vom Kreml angeführten Militärbündnisse kamen.", True),
        ("Es gab ein Gesetz, das Proteste auslöste.", None),  # a relative pronoun
        # the reviewer's: relatives after a preposition or "welches", a dative "ihr",
        # a finite verb, a superlative with "am"
        ("Das Land, in das Truppen geschickt wurden, schweigt.", None),
        ("Es ist ein Bündnis, welches Truppen entsendet.", None),
        ("Er schickte ihr Truppen.", None),
        ("Das sind Verbündete.", None),  # "Das" before "sind": the subject is unclear
        ("Die am stärksten betroffenen Truppen kamen.", True),
        # the second reviewer's: "am ersten" is no superlative; "ihr" before a noun
        ("Es gab Kritik am ersten Präsidenten Kasachstans.", False),
        ("Die Ministerin, die ihr Bündnis verteidigte, trat zurück.", False),
    ],
)
def test_what_the_word_before_says(text: str, plural: bool | None) -> None:
    match = [m for m in find_terms(text, load_glossary()) if m.entry.pos == "noun"][-1]
    assert german_plural(text, match) is plural


@pytest.mark.parametrize(
    ("term", "out"),
    [
        (
            "actions",
            "called this actions strange",
        ),  # the tester's "as this an actions"
        ("crisis", "called this a crisis strange"),
        ("news", "called this a news strange"),
        ("US", "called this a US strange"),
    ],
)
def test_no_article_before_a_plural_english_term(term: str, out: str) -> None:
    from glossar.mt.mend import _put

    text = "He called this a thing strange."
    start = text.index("thing")
    assert out in _put(text, start, start + len("thing"), term)[0]


@pytest.mark.parametrize(
    ("text", "german", "english"),
    [
        # the third reviewer's
        ("Die Protest-Bewegung wächst.", "Protest", "protest"),  # a modifier is singular
        ("Er traf ein paar Präsidenten.", "Präsidenten", "presidents"),  # ein paar: a few
        ("Die Verletzte wurde ins Krankenhaus gebracht.", "Verletzte", "injured"),
        ("Die Protestierende sagte, sie habe Angst.", "Protestierende", "protester"),
        ("Die Verletzten wurden gebracht.", "Verletzten", "injured"),  # no "injureds"
    ],
)
def test_modifiers_a_few_and_nominalised_adjectives(text: str, german: str, english: str) -> None:
    (match,) = [m for m in find_terms(text, load_glossary()) if m.text == german]
    assert term_in_form(match, "", match.english, "", text) == english


def test_a_phrase_pair_after_der_is_not_made_plural(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The third reviewer's `Deutsche Bahn,Deutsche Bahn`: "der Deutschen Bahn" became
    "Deutsche Bahns" (the phrase's inflected adjective was read as a plural ending)."""
    from conftest import run_glossar

    (tmp_path / "p.csv").write_text("Deutsche Bahn,Deutsche Bahn\n", encoding="utf-8")
    out = tmp_path / "p.toml"
    assert run_glossar("glossary", "import", str(tmp_path / "p.csv"), "-o", str(out)).exit_code == 0
    text = "Der Chef der Deutschen Bahn sagte."
    (match,) = find_terms(text, load_glossary([str(out)]))
    assert term_in_form(match, "", match.english, "", text) == "Deutsche Bahn"


@pytest.mark.parametrize(
    ("term", "keeps"), [("wave of protests", True), ("series of attacks", True), ("bias", True)]
)
def test_a_singular_head_keeps_its_article(term: str, keeps: bool) -> None:
    from glossar.mt.mend import _put

    text = "There was a thing."
    start = text.index("thing")
    assert (f"a {term}" in _put(text, start, start + 5, term)[0]) is keeps


@pytest.mark.parametrize(
    ("sent_id", "english"),
    [
        ("w01144056", "President"),  # … dem amtierenden Präsidenten Jimmy Carter …
        ("n01034060", "president"),  # … den 45. Präsidenten der Vereinigten Staaten …
    ],
)
def test_a_title_right_before_a_name_is_capitalised(sent_id: str, english: str) -> None:
    """A tester: "dem amtierenden Präsidenten Jimmy Carter" should be "President Jimmy
    Carter", as the entry's note asks (AP style: a formal title before a name)."""
    de = pud_pairs()[sent_id][0]
    (match,) = [m for m in find_terms(de, load_glossary()) if m.id == "praesident"]
    assert term_in_form(match, "", match.english, "", de) == english


@pytest.mark.parametrize(
    ("text", "german", "english"),
    [
        # the fifth tester's, on GSD and GNAD
        ("Nigerias Präsidenten Sani Abacha sprach.", "Präsidenten", "President"),
        ("Er sprach mit den Präsidenten Putin und Xi.", "Präsidenten", "Presidents"),
        ("Er sprach mit dem Präsidenten Macron und seiner Frau.", "Präsidenten", "President"),
        ("Das Schreiben an den Präsidenten des Wiener Landtags.", "Präsidenten", "president"),
        ("Beobachtern zufolge ist das neu.", "Beobachtern", "observers"),
        ("Unabhängige Beobachter kamen.", "Beobachter", "observers"),
        ("Der Schutz vor fremden Mächten.", "Mächten", "powers"),
        ("Er ist einer der engsten Verbündeten.", "Verbündeten", "allies"),
        # what stayed right
        ("Weil Demonstranten Steine warfen.", "Demonstranten", "demonstrators"),
        ("Polizisten und Soldaten kamen.", "Polizisten", "police officers"),
    ],
)
def test_weak_nouns_zero_plurals_powers_and_partitives(
    text: str, german: str, english: str
) -> None:
    (match,) = [m for m in find_terms(text, load_glossary()) if m.text == german]
    assert term_in_form(match, "", match.english, "", text) == english


@pytest.mark.parametrize(
    ("term", "article"),
    [
        ("unidentified gunman", "an"),
        ("urban area", "an"),
        ("unanimous decision", "a"),
        ("NATO summit", "a"),  # read as a word
        ("NGO", "an"),  # read letter by letter
        ("union", "a"),
        ("Ukraine", "a"),  # a tester on GSD: "an Ukraine"
        ("Ukrainian soldier", "a"),
    ],
)
def test_a_or_an(term: str, article: str) -> None:
    from glossar.mt.mend import indefinite_article

    assert indefinite_article(term) == article


def test_a_singular_form_stays_singular_before_a_name() -> None:
    """A tester on GSD dev-s762 (CC BY-SA 4.0): "sagte Präsident Ezer Weizman" became
    "Presidents" (the verb before it was read as a strong adjective), and "Präsident
    François Hollande und Kanzlerin Angela Merkel" (GNAD) was read as two presidents."""
    from pathlib import Path

    gsd = Path(__file__).parent / "data" / "gsd" / "de_gsd_sentences.tsv"
    row = next(r for r in gsd.read_text(encoding="utf-8").splitlines() if r.startswith("dev-s762"))
    for de in (
        row.split("\t")[2],
        "Zuvor hatten Frankreichs Präsident François Hollande und Kanzlerin Angela Merkel gewarnt.",
    ):
        (match,) = [m for m in find_terms(de, load_glossary()) if m.text == "Präsident"]
        assert german_plural(de, match) is False
        assert term_in_form(match, "guards", match.english, "said ", de) == "President"


def test_a_lower_case_abbreviation_stays_lower_case_at_a_sentence_start() -> None:
    """A tester on GSD test-s671 "RIO DE JANEIRO, 5. Juli (dpa).": enforcement wrote
    "Dpa." where the model's English began with the agency's name."""
    from pathlib import Path

    from glossar.mt.mend import _put, lower_case_abbreviations

    gsd = Path(__file__).parent / "data" / "gsd" / "de_gsd_sentences.tsv"
    row = next(r for r in gsd.read_text(encoding="utf-8").splitlines() if r.startswith("test-s671"))
    matches = find_terms(row.split("\t")[2], load_glossary())
    lower = lower_case_abbreviations(matches)
    assert "dpa" in lower
    assert _put("Rio. News.", 0, 3, "dpa", lower=lower)[0] == "dpa. News."
    assert _put("Rio. News.", 0, 3, "dpa")[0] == "Dpa. News."  # without: capitalised
    assert _put("Rio. News.", 0, 3, "news agency", lower=lower)[0] == "News agency. News."


@pytest.mark.parametrize(
    ("model", "slot", "edited"),
    [
        # a tester on PUD n01039013 "Clinton und ihre Verbündeten versuchen derweil, …":
        # the model's singular verb stayed after the noun made plural
        ("Clinton and her crim is trying.", "crim", "Clinton and her allies are trying."),
        ("Clinton and her ally has tried.", "ally", "Clinton and her allies have tried."),
        ("There was an ally in the room.", "ally", "There were allies in the room."),
        # a noun after a preposition is no subject: the verb stays
        ("Support for the ally has grown.", "ally", "Support for the allies has grown."),
    ],
)
def test_the_models_verb_agrees_with_a_noun_made_plural(model: str, slot: str, edited: str) -> None:
    from glossar.mt.mend import put_term

    de = pud_pairs()["n01039013"][0]
    (match,) = [m for m in find_terms(de, load_glossary()) if m.text == "Verbündeten"]
    start = model.index(slot)
    term = term_in_form(match, slot, match.english, model[:start], de)
    assert term == "allies"
    assert put_term(model, start, start + len(slot), term, match, de)[0] == edited


@pytest.mark.parametrize(
    ("german", "model", "slot", "form", "edited"),
    [
        # the reviewer's: a verb put in a form is no noun made plural; the "is" stays
        (
            "Was die Verbündeten zurückweisen, ist klar.",
            "What the allies reject is clear.",
            "reject",
            "rejected",
            "What the allies rejected is clear.",
        ),
        (
            "Wer eingreift, muss zahlen.",
            "Whoever step in has to pay.",
            "step in",
            "intervenes",
            "Whoever intervenes has to pay.",
        ),
    ],
)
def test_the_verb_after_an_enforced_verb_stays(
    german: str, model: str, slot: str, form: str, edited: str
) -> None:
    from glossar.mt.mend import put_term

    (match,) = [m for m in find_terms(german, load_glossary()) if m.entry.pos == "verb"]
    start = model.index(slot)
    assert put_term(model, start, start + len(slot), form, match, german)[0] == edited


def test_an_adjectival_noun_in_its_plural_after_a_number_is_plural(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The reviewer's: a user's Abgeordnete (plural Abgeordneten) after "Zwei" and
    "Zahlreiche" was read as the singular's own form."""
    user = tmp_path / "u.toml"
    user.write_text(
        '[glossary]\nid = "u"\n\n[[entry]]\nid = "abgeordnete"\nde = "Abgeordnete"\n'
        'gender = "m"\nplural = "Abgeordneten"\nen = "member of parliament"\n',
        encoding="utf-8",
    )
    glossary = load_glossary([str(user)])
    for text in ("Zwei Abgeordnete stimmten dagegen.", "Zahlreiche Abgeordnete stimmten."):
        (match,) = [m for m in find_terms(text, glossary) if m.id == "abgeordnete"]
        assert german_plural(text, match) is True


@pytest.mark.parametrize(
    ("text", "word", "subject"),
    [
        (pud_pairs()["n01039013"][0], "Verbündeten", True),  # ihre Verbündeten versuchen
        ("Jetzt sind die Verbündeten gefragt.", "Verbündeten", True),  # verb second
        ("Was ihren Verbündeten beunruhigt, sind die Kosten.", "Verbündeten", False),
        ("Er versprach, seine Truppen zurückzuziehen.", "Truppen", False),  # zu-infinitive
    ],
)
def test_a_plural_noun_is_a_subject_where_a_plural_verb_says_so(
    text: str, word: str, subject: bool
) -> None:
    from glossar.mt.mend import subject_before_verb

    (match,) = [m for m in find_terms(text, load_glossary()) if m.text == word]
    assert subject_before_verb(text, match) is subject


@pytest.mark.parametrize(
    ("text", "plural"),
    [
        # a tester: a bare "Verbündete" came out "ally" (plural where its verb is plural);
        # "der Verbündete" is one, and so is "Sie ist Verbündete des Präsidenten"
        ("Auch Verbündete zweifeln daran.", True),
        ("Die Ukraine sieht sich als Verbündete des Westens.", None),
        ("Der Verbündete kam.", False),
        ("Die Verletzte kam.", False),
    ],
)
def test_an_adjectival_noun_without_an_article_is_plural(text: str, plural: bool) -> None:
    match = [m for m in find_terms(text, load_glossary()) if m.entry.pos == "noun"][-1]
    assert german_plural(text, match) is plural


def test_this_before_a_plural_noun_is_these() -> None:
    # the fourth tester's "This riots are sharing" (GNAD: "Die Ausschreitungen schlugen in
    # teils blutige Proteste … um"): "riots" is plural in English already
    from glossar.mt.mend import put_term

    de = "Die Ausschreitungen schlugen in teils blutige Proteste um."
    (match,) = [m for m in find_terms(de, load_glossary()) if m.text == "Ausschreitungen"]
    text = "This crim are sharing."
    assert put_term(text, 5, 9, match.english, match, de)[0] == "These riots are sharing."


def test_a_title_capitalised_before_a_name_is_no_plural() -> None:
    """PUD w01144056 "dem amtierenden Präsidenten Jimmy Carter": the capital made the term
    count as inflected, so "this" before it would have become "these"."""
    from glossar.mt.mend import put_term

    de = pud_pairs()["w01144056"][0]
    (match,) = [m for m in find_terms(de, load_glossary()) if m.text == "Präsidenten"]
    text = "He met this man Jimmy Carter."
    i = text.index("man")
    assert (
        put_term(text, i, i + 3, "President", match, de)[0] == "He met this President Jimmy Carter."
    )
    text = "He met a man Jimmy Carter."
    i = text.index("man")
    assert put_term(text, i, i + 3, "President", match, de)[0] == "He met President Jimmy Carter."


@pytest.mark.parametrize(
    ("german", "word", "plural"),
    [
        # 10kGNAD test (derStandard): a dative preposition makes "den" a plural
        ("Wir unterhalten uns viel mit den Soldaten, besonders über Fußball.", "Soldaten", True),
        ("Er traf sich mit den Verbündeten in Brüssel.", "Verbündeten", True),
        # "den" before a feminine or neuter noun is a dative plural
        ("Russland schickte den Truppen Nachschub.", "Truppen", True),
        ("Die Regierung dankte den Ländern für die Hilfe.", "Ländern", True),
        # an accusative masculine "den" may be one: the form does not say
        ("Er warnte den Verbündeten vor einem Fehler.", "Verbündeten", None),
        # 10kGNAD test: a noun whose plural is its singular, subject of a plural verb
        # (a reviewer's "An observer artist" for "Beobachter rechnen mit …")
        ("Beobachter rechnen mit einer Kandidatur des Außenministers.", "Beobachter", True),
        ("Ein Beobachter rechnet mit einer Kandidatur.", "Beobachter", False),
    ],
)
def test_den_is_plural_after_a_dative_preposition_and_before_f_or_n(
    german: str, word: str, plural: bool | None
) -> None:
    """The enforcement tester's "ally" for "mit den Verbündeten" (several allies)."""
    (match,) = [m for m in find_terms(german, load_glossary()) if m.text == word]
    assert german_plural(german, match) is plural
