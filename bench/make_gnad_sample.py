"""Sample news articles of the 10k German News Articles Dataset (10kGNAD) as term-gold text.

Usage: python bench/make_gnad_sample.py test.csv N [SKIP] > tests/data/gnad/gnad_articles.tsv

Keeps, in file order, the first N articles of each news-like class (Inland, International,
Wirtschaft, Panorama, Etat) of 10kGNAD's `test.csv` (`label;'text'`, `;` separated, `'`
quoted), after the first SKIP of each class (0: none; the held-out sample is `N=8 SKIP=16`,
the four articles of each class after the 80 the glossary was reviewed on): one line per
article, `article_id<TAB>label<TAB>text`, the text unchanged except that tabs and line
breaks (none in test.csv) would become spaces. The article id is the article's 0-based
row in test.csv.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

CLASSES = ("Inland", "International", "Wirtschaft", "Panorama", "Etat")


def main() -> None:
    """Print the sample as TSV."""
    path, n = Path(sys.argv[1]), int(sys.argv[2])
    skip = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter=";", quotechar="'"))
    seen = dict.fromkeys(CLASSES, 0)
    print("# article_id\tlabel\ttext  (10kGNAD test.csv, CC BY-NC-SA 4.0; see README.md)")
    for i, (label, text) in enumerate(rows):
        if label in seen and skip <= seen[label] < skip + n:
            seen[label] += 1
            clean = " ".join(text.replace("\t", " ").splitlines())
            print(f"gnad-{i:04d}\t{label}\t{clean}")
        elif label in seen:
            seen[label] += 1


if __name__ == "__main__":
    main()
