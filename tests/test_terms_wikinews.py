"""Term recognition on news nobody here wrote: 400 German Wikinews articles, every hit of
the news glossary judged by reading (stop 43, an independent tester).

Gold: ``tests/data/wikinews/terms_gold.tsv`` over lines 300–699 of
``tests/data/wikinews/headlines.jsonl`` (each text: the headline, a blank line, the
article's start; CC BY 2.5 / CC BY-NC-SA 4.0, test data only). 283 of 287 sure hits were
right before stop 43's mends, 283 of 285 after (the two compounds of Präsident that name a
mayor and a chairman are excepted); the unsure hits all offered a right sense. Misses were
not searched for, so only precision is held here (recall: the PUD, GSD and 10kGNAD golds).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from term_gold import gold_rows, news_hits, read_gold

DATA = Path(__file__).parent / "data" / "wikinews"
if not (DATA / "headlines.jsonl").exists():  # the sdist leaves NC-SA test data out
    pytest.skip("Wikinews test data is not in this copy", allow_module_level=True)


def _texts() -> dict[str, str]:
    lines = (DATA / "headlines.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    return {str(i): f"{rows[i]['headline']}\n\n{rows[i]['body']}" for i in range(300, 700)}


@pytest.fixture(scope="module")
def hits() -> dict[tuple[str, int, int, str], bool]:
    return news_hits(_texts())


def test_gold_rows_point_at_their_words() -> None:
    texts = _texts()
    for aid, start, end, surface, *_ in gold_rows(DATA / "terms_gold.tsv"):
        assert texts[aid][int(start) : int(end)] == surface, (aid, start, surface)


def test_every_hit_on_unseen_news_is_judged(hits) -> None:  # type: ignore[no-untyped-def]
    gold = read_gold(DATA / "terms_gold.tsv")
    unjudged = sorted(k for k in hits if k not in gold)
    assert not unjudged, f"judge these hits in terms_gold.tsv: {unjudged[:20]}"


def test_sure_hits_on_unseen_news_are_right(hits) -> None:  # type: ignore[no-untyped-def]
    gold = read_gold(DATA / "terms_gold.tsv")
    sure = [k for k, is_sure in hits.items() if is_sure]
    wrong = [k for k in sure if gold[k][1] != "ok"]
    assert len(sure) >= 280
    assert len(wrong) <= 2, wrong  # Präsident of a parliamentary group, a bank's chairman
    unsure_wrong = [k for k, is_sure in hits.items() if not is_sure and gold[k][1] != "ok"]
    assert not unsure_wrong  # an unsure hit offers its senses: one of them fitted each time
