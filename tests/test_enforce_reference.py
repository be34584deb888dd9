"""Enforcement never makes a translation worse.

Regression: with an engine that returned a perfect human translation, enforcement missed
inflected English ("intervened", "rushed to help", "allies"), retried with placeholders,
got the German back from an engine that does not know the marked sentence, and replaced
correct English with German plus one term.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from test_enforce import GLOSSARY
from test_enforce import find as find

from glossar.bilingual import load_bundled_article
from glossar.glossary.model import Glossary
from glossar.mt.enforce import enforce


class ReferenceEngine:
    """Returns the article's reference translation; anything else comes back unchanged
    (German), as a stand-in engine that only knows the article would."""

    name = "reference"

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table
        self.calls: list[list[str]] = []

    def translate_batch(self, sentences: Sequence[str], beam: int = 4) -> list[str]:
        self.calls.append(list(sentences))
        return [self.table.get(s, s) for s in sentences]


def test_a_perfect_translation_of_the_article_is_left_unchanged(
    curated_glossary, recogniser
) -> None:  # type: ignore[no-untyped-def]
    article = load_bundled_article()
    pairs = [(s.de, s.en_ref) for s in article.sentences if s.en_ref]
    assert len(pairs) > 50
    engine = ReferenceEngine(dict(pairs))
    sources = [de for de, _ in pairs]
    results = enforce(engine, sources, glossary=curated_glossary, beam=1, recognise=recogniser)

    changed = [
        (de, en, out) for (de, en), (out, _) in zip(pairs, results, strict=True) if out != en
    ]
    assert changed == []
    checks = [c for _, cs in results for c in cs]
    assert len(checks) > 100
    assert [(c.id, c.en) for c in checks if not c.found] == []
    assert {c.method for c in checks} == {"model"}
    assert len(engine.calls) == 1  # nothing needed a second pass


# --- the retry is only taken when it is no worse ----------------------------------------

# The same small glossary and exact-spelling recogniser double as test_enforce.py.
SOURCE = "Die OVKS kündigte ein Eingreifen an, die Proteste gehen weiter."
FIRST = "The CSTO announced that it would step in, and the protests continue."


def run(table: dict[str, str]):  # type: ignore[no-untyped-def]
    engine = ReferenceEngine(table)
    [(target, checks)] = enforce(engine, [SOURCE], glossary=GLOSSARY, beam=1, recognise=find)
    return engine, target, {c.id: (c.found, c.method) for c in checks}


def test_a_retry_that_comes_back_german_is_refused() -> None:
    engine, target, checks = run({SOURCE: FIRST})
    assert len(engine.calls) == 2 and "GLZA" in engine.calls[1][0]  # it was tried
    assert "kündigte" not in target and "Proteste" not in target
    # the first output is kept; the missing term goes in, nothing else changes
    assert target.replace(" intervention", "", 1) == FIRST
    assert checks == {
        "ovks": (True, "model"),
        "eingreifen": (True, "inserted"),
        "protest": (True, "model"),
    }


def test_a_retry_that_loses_a_term_is_refused() -> None:
    marked = "Die OVKS kündigte ein GLZA an, die Proteste gehen weiter."
    lossy = "The alliance announced a GLZA, and the demonstrations go on."
    _, target, checks = run({SOURCE: FIRST, marked: lossy})
    assert "CSTO" in target and "protests" in target and "intervention" in target
    assert checks["eingreifen"] == (True, "inserted")


def test_a_retry_that_is_no_worse_is_taken() -> None:
    marked = "Die OVKS kündigte ein GLZA an, die Proteste gehen weiter."
    better = "The CSTO announced a GLZA, and the protests continue."
    _, target, checks = run({SOURCE: FIRST, marked: better})
    assert target == "The CSTO announced an intervention, and the protests continue."
    assert checks["eingreifen"] == (True, "placeholder")


@pytest.mark.parametrize(
    "english",
    [
        "The CSTO intervened, and the protests continue.",
        "The CSTO's interventions were announced; protesters' protests continue.",
    ],
)
def test_inflected_terms_count_as_present(english: str) -> None:
    source = "Die OVKS kündigte ein Eingreifen an, die Proteste gehen weiter."
    intervene = replace(GLOSSARY["eingreifen"], en_alt=("intervene",))
    glossary = Glossary(entries={**GLOSSARY.entries, "eingreifen": intervene})
    engine = ReferenceEngine({source: english})
    [(target, checks)] = enforce(engine, [source], glossary=glossary, beam=1, recognise=find)
    assert target == english
    assert all(c.found and c.method == "model" for c in checks)


# --- real professional English: UD German PUD ---------------------------------------------

#: PUD pairs whose professional English enforcement still changes (an engine without
#: attention returning the English original): each is a `check` false alarm too, read
#: in docs/glossary-review.md ("presidency" for Präsident, "every state in the union",
#: PUD's German "Soldat" for "guard", "factions" for Bündnisse). ("captained by" for
#: "unter der Führung von" is admitted since stop 44.)
PUD_STILL_CHANGED = {"n01081022", "n01097020", "n01098044", "n02073024"}


def test_professional_english_is_left_as_it_is_on_real_news() -> None:
    """Enforcement over the 1,000 PUD pairs with an engine that returns the English
    original: the US of "US-Statistikbehörde" ("Census Bureau") and "US-Präsidentschaft"
    ("his presidency") was inserted at a guessed position ("the total vote US was
    cast"); a place modifying a hyphenated compound is now left to the compound, as
    `check` judges it (tests/data/pud, CC BY-SA 3.0)."""
    from test_check_pud import pud_pairs

    from glossar.glossary.load import load_glossary
    from glossar.terms import find_terms

    pairs = pud_pairs()
    engine = ReferenceEngine(dict(pairs.values()))
    sources = [de for de, _ in pairs.values()]
    results = enforce(engine, sources, glossary=load_glossary(), beam=1, recognise=find_terms)
    changed = {
        sent_id
        for (sent_id, (_de, en)), (out, _checks) in zip(pairs.items(), results, strict=True)
        if out != en
    }
    assert changed == PUD_STILL_CHANGED
