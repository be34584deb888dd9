"""Write the UD German GSD sentence sample kept in ``tests/data/gsd`` (sentence-split gold).

    git -C UD_German-GSD show HEAD:de_gsd-ud-dev.conllu > dev.conllu   (same for test)
    python bench/make_gsd_sample.py dev.conllu test.conllu > tests/data/gsd/de_gsd_sentences.tsv

Keeps, for every sentence of the given files in file order, its ``# sent_id``, its genre
and its ``# text`` unchanged. The genre follows the treebank's README (reviews: dev
s1–s500 and test s1–s301; news from the TIGER treebank: dev s501–s799 and test
s302–s977). GSD has no ``# newdoc`` marks and its sentences are not in document order,
so ``bench/eval_segment.py`` joins runs of consecutive sentences of one genre instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: Last review sentence number per split (README of UD_German-GSD).
LAST_REVIEW = {"dev": 500, "test": 301}


def main(paths: list[str]) -> None:
    out = sys.stdout
    out.write("# sent_id\tgenre\ttext (UD German GSD, CC BY-SA 4.0; see README.md)\n")
    for path in paths:
        sent_id = ""
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith("# sent_id = "):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text = "):
                split, number = sent_id.split("-s")
                genre = "reviews" if int(number) <= LAST_REVIEW[split] else "news"
                text = line[len("# text = ") :].strip()
                out.write(f"{sent_id}\t{genre}\t{text}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
