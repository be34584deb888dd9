"""Headlines of German Wikinews above the start of their articles, as segmentation gold.

Usage: python bench/make_wikinews_headlines.py REPO > tests/data/wikinews/headlines.jsonl

REPO is a git directory of github:uhh-lt/german-news-quotation-attribution-2024 (1,000
German Wikinews articles with their titles and sentence annotation; read with ``git
show``, no work tree needed). One JSON object a line: ``id`` (the Wikinews article id),
``date``, ``headline`` (the title), ``body`` (the article's paragraphs from the first until
three annotated sentences or 250 characters, white space inside a paragraph made single
spaces, paragraphs joined by a blank line) and ``ends`` (the annotation's sentence ends,
offsets into ``body``). Left out: articles too short, bodies with the wiki markup residue
"thumb", titles whose "/" the file naming turned into "-" ("Wind--Sturmwarnung"), repeats.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

_NAME = re.compile(r"^(\d+) - (.*) \((\d{4}-\d{2}-\d{2})\)$")
_PARAGRAPH = re.compile(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", re.S)


def _git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True).stdout


def _normalised_offset(raw: str, end: int, normal: str) -> int:
    """Where ``raw[:end]``'s last non-space character ends in ``normal`` (its spaces made
    single)."""
    wanted = len("".join(raw[:end].split()))
    k = seen = 0
    while k < len(normal) and seen < wanted:
        seen += not normal[k].isspace()
        k += 1
    return k


def main() -> None:
    """Print the sample as JSON lines."""
    repo = sys.argv[1]
    names = _git(repo, "ls-tree", "-r", "-z", "--name-only", "HEAD", "data/").split("\0")
    seen: set[tuple[str, str]] = set()
    for path in sorted(n for n in names if n.endswith(".json")):
        doc = json.loads(_git(repo, "show", f"HEAD:{path}"))
        name = _NAME.match(doc["documentName"])
        if not name:
            continue
        wid, title, date = name.groups()
        text = doc["originalText"]
        gold = sorted(s["charEnd"] for s in doc["sentences"])
        spans = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
        taken: list[tuple[int, int]] = []
        sentences = 0
        for s, e in spans:
            taken.append((s, e))
            sentences = sum(1 for g in gold if spans[0][0] < g <= e)
            if sentences >= 3 or e - taken[0][0] >= 250:
                break
        if not taken or (sentences < 3 and taken[-1][1] - taken[0][0] < 250):
            continue
        paragraphs = [" ".join(text[s:e].split()) for s, e in taken]
        body = "\n\n".join(paragraphs)
        if re.search(r"\bthumb", body) or "--" in title or (title, body[:80]) in seen:
            continue
        seen.add((title, body[:80]))
        ends, offset = [], 0
        for (s, e), paragraph in zip(taken, paragraphs, strict=True):
            ends += [
                offset + _normalised_offset(text[s:], g - s, paragraph) for g in gold if s < g <= e
            ]
            offset += len(paragraph) + 2
        row = {"id": int(wid), "date": date, "headline": title.strip(), "body": body, "ends": ends}
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
