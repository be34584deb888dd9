"""A user's big termbase on real news, judged hit by hit (tests/data/termbase_review):
every hit a reader judged right is still found, and no more hits are wrong than when
the judgement was last brought up to date. 236 sentences of 10kGNAD and UD German GSD
(and 118 more, `heldout2`, read by a third reader in stop 35: 38 of 651 wrong);
wrong hits of the code before stop 34: 189 of 1,481 (12.8 %); after: 68 of 1,386
(4.9 %); after stop 35's word-class and clause rules: 52 of 1,375 (3.8 %). Stop 39's
coordinated clauses: "fuhren dann Unbekannte vor und griffen … an" is no longer fahren,
and "setzten … ihre Beratungen … telefonisch fort" is fortsetzen, not setzen."""

from __future__ import annotations

import csv
from collections import Counter
from functools import lru_cache
from pathlib import Path

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms

DATA = Path(__file__).parent / "data" / "termbase_review"
#: Right hits knowingly given up: the adverb "bis" before "zu 400 Milliarden" (an adverb
#: spelled like a preposition is found only where it closes its clause).
#: And "die Kleinen" in the third sample, judged as the noun Kleine on the full 10k
#: termbase: this subset of it reads the span as the adjective klein (right too).
GIVEN_UP = {
    ("heldout", "gsd", "test-s347", 45, "e2045"),
    ("heldout2", "gnad", "gnad-0016#s3", 21, "e3422"),
    # stop 41: an ordinal's bare stem is no adjective; "Die FDP hat erst zugestimmt"
    # ("at first") was judged right for erst (first), three bare "erst" (only, not
    # until) wrong
    ("review", "gsd", "test-s403", 12, "e165"),
}
#: Wrong hits found today, per sample (lower them when a rule removes some). Stop 42:
#: a place's adjective is no name's, so "im Bonner Ministerium für wirtschaftliche
#: Zusammenarbeit" gives Ministerium, inside the ministry's name as the reviewer judged
#: its other words (heldout2 30 → 31).
WRONG_NOW = {"review": 29, "heldout": 11, "heldout2": 31}


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@lru_cache(maxsize=1)
def _found() -> frozenset[tuple[str, str, str, int, str]]:
    glossary = load_glossary([DATA / "termbase.toml"])
    return frozenset(
        (r["sample"], r["source"], r["id"], m.start, m.id)
        for r in _rows("sentences.tsv")
        for m in find_terms(r["text"], glossary)
    )


def _key(r: dict[str, str]) -> tuple[str, str, str, int, str]:
    return (r["sample"], r["source"], r["id"], int(r["start"]), r["entry"])


def test_every_hit_judged_right_is_still_found() -> None:
    found = _found()
    lost = [
        (r["id"], r["hit"], r["de"])
        for r in _rows("judged.tsv")
        if r["verdict"] == "right" and _key(r) not in found and _key(r) not in GIVEN_UP
    ]
    assert lost == []


def test_no_more_wrong_hits() -> None:
    found = _found()
    wrong = Counter(
        r["sample"] for r in _rows("judged.tsv") if r["verdict"] == "wrong" and _key(r) in found
    )
    assert wrong == WRONG_NOW


def test_every_hit_found_has_been_judged() -> None:
    """A hit nobody read is a claim nobody checked: judge it and add it to judged.tsv."""
    judged = {_key(r) for r in _rows("judged.tsv")}
    assert sorted(_found() - judged) == []
