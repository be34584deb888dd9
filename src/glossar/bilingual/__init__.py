"""Bilingual documents: German sentences paired with MT, a reference and glossary terms.

The top of the pipeline. :func:`load_bundled_article` and :func:`document_from_text`
make an :class:`Article`; :func:`pair_document` turns it into a
:class:`BilingualDocument`; :func:`evaluate` scores its MT against its reference.
"""

from glossar.bilingual.document import (
    BLOCK_TYPES,
    Article,
    Sentence,
    article_from_toml,
    bundled_raw_text,
    document_from_file,
    document_from_text,
    load_bundled_article,
)
from glossar.bilingual.evaluate import Evaluation, TermScore, evaluate
from glossar.bilingual.pairing import BilingualDocument, MtInfo, Pair, pair_document

__all__ = [
    "BLOCK_TYPES",
    "Article",
    "BilingualDocument",
    "Evaluation",
    "MtInfo",
    "Pair",
    "Sentence",
    "TermScore",
    "article_from_toml",
    "bundled_raw_text",
    "document_from_file",
    "document_from_text",
    "evaluate",
    "load_bundled_article",
    "pair_document",
]
