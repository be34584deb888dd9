"""Judged term golds (PUD, GSD, 10kGNAD): reading them and scoring recognition against
them, one way for every gold (tests/test_terms_pud.py, _gsd.py, _gnad.py)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from glossar.glossary.load import load_glossary
from glossar.terms import find_terms

#: (text id, start, end, entry id)
Key = tuple[str, int, int, str]


def gold_rows(path: Path) -> list[list[str]]:
    """The judged rows of a gold file (comments and the header line left out)."""
    rows = path.read_text(encoding="utf-8").splitlines()
    return [r.split("\t") for r in rows if r and not r.startswith(("#", "sent_id", "article_id"))]


def read_gold(path: Path) -> dict[Key, tuple[bool, str]]:
    """Each judged span: (was it a sure hit, verdict: ok / wrong / miss / superseded,
    a right hit a longer entry added later covers)."""
    return {
        (tid, int(start), int(end), entry): (sure == "1", verdict)
        for tid, start, end, _surface, entry, sure, verdict, _reason in gold_rows(path)
    }


def news_hits(texts: Mapping[str, str]) -> dict[Key, bool]:
    """Every hit of the news glossary (the default for any text) and whether it is sure."""
    glossary = load_glossary()
    return {
        (tid, m.start, m.end, m.id): m.sure
        for tid, text in texts.items()
        for m in find_terms(text, glossary)
    }


def sure_scores(
    hits: Mapping[Key, bool], gold: Mapping[Key, tuple[bool, str]]
) -> tuple[int, float, float]:
    """(number of sure hits, their precision, recall of what should be a sure hit: the
    judged-correct sure hits and the listed misses)."""
    sure_hits = [k for k, sure in hits.items() if sure]
    right = sum(1 for k in sure_hits if gold.get(k, (True, "wrong"))[1] == "ok")
    expected = [k for k, (sure, verdict) in gold.items() if sure and verdict in ("ok", "miss")]
    found = sum(1 for k in expected if hits.get(k))
    return len(sure_hits), right / len(sure_hits), found / len(expected)
