"""A German document as glossar pairs it: typed blocks of sentences, maybe with a reference.

Two ways in. The bundled article is stored cleaned and hand-segmented (with a curated
reference translation) in ``glossar/data/article/kasachstan.toml``; any other German
text goes through the product's one segmenter, :func:`glossar.text.segment.split_sentences`,
so the article verb, ``terms`` and ``translate`` agree on what a sentence is. An article
file in the bundled TOML shape can also be read, so users can pair their own references.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from glossar.errors import BadInputError
from glossar.i18n import N_, _
from glossar.text.marks import BULLETS

#: Block types of a news article, in the order they usually appear.
BLOCK_TYPES = ("title", "lead", "heading", "paragraph", "caption", "credit", "attribution")
#: Where the bundled article lives inside the package.
BUNDLED_ARTICLE = "data/article/kasachstan.toml"
#: What the reference column is called when the article file does not say.
DEFAULT_REFERENCE_LABEL = N_("reference translation (not machine output)")
#: The bundled article's ``[reference] label``, as its file writes it (a test holds them
#: equal). Marked for the catalog: the pages for people show it in the language of
#: messages; JSON, TMX and XLIFF keep it as the file has it.
BUNDLED_REFERENCE_LABEL = N_(
    "reference translation (written and curated sentence by sentence for glossar, not by "
    "the MT engine; reviewed twice against the German and English wire style, see "
    "docs/glossary-review.md)"
)

_HEADING_MAX_WORDS = 14
_SENTENCE_END = tuple(".!?:;,…“”\"'»«)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One German sentence, its reference translation if any, and where it sits."""

    de: str
    en_ref: str | None = None
    block: str = "paragraph"
    #: index of the block (paragraph) the sentence belongs to, from 0.
    paragraph: int = 0


@dataclass(slots=True)
class Article:
    """A German document split into typed blocks of sentences, with what the text says about itself.

    Only what the text states is recorded (title, author, place line); nothing is
    invented (no date, URL or publication when the text gives none).
    """

    title: str | None
    sentences: list[Sentence]
    author: str | None = None
    place: str | None = None
    #: "bundled", a file path or "<stdin>": where the text came from.
    source: str = ""
    #: how the reference column is labelled; None when the document has no reference.
    reference_label: str | None = None
    title_en_ref: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def has_reference(self) -> bool:
        return any(s.en_ref for s in self.sentences)

    def blocks(self) -> list[tuple[str, list[Sentence]]]:
        """The sentences grouped by block, each with its block type."""
        out: list[tuple[str, list[Sentence]]] = []
        last: int | None = None
        for s in self.sentences:
            if s.paragraph != last:
                out.append((s.block, []))
                last = s.paragraph
            out[-1][1].append(s)
        return out

    @property
    def text(self) -> str:
        """The German as plain text: blocks separated by blank lines."""
        return "\n\n".join(" ".join(s.de for s in sents) for _, sents in self.blocks())


class _ArticleLines:
    """Lines of an article file's ``[[block]]`` and ``[[block.sentence]]`` tables and
    their keys (:class:`glossar.glossary.toml_lines.LineIndex`), for its messages."""

    def __init__(self, text: str | None):
        self._index = None
        self._blocks: list[tuple[int, list[int]]] = []  # table of each block, its sentences
        if text is None:
            return
        from glossar.glossary.toml_lines import LineIndex

        self._index = LineIndex(text)
        for t, (table, _line) in enumerate(self._index.tables):
            if table == "block":
                self._blocks.append((t, []))
            elif table == "block.sentence" and self._blocks:
                self._blocks[-1][1].append(t)

    def at(self, name: str, block: int, sentence: int | None = None, key: str = "") -> str:
        """``NAME:LINE: `` for a block's or sentence's ``key`` (its table's line when the
        key is not there), or ``NAME: `` where lines are unknown."""
        index = self._index
        if index is None or block >= len(self._blocks):
            return f"{name}: "
        table, sentences = self._blocks[block]
        if sentence is not None:
            if sentence >= len(sentences):
                return f"{name}: "
            table = sentences[sentence]
        line = index.keys[table].get(key, index.tables[table][1])
        return f"{name}:{line}: "


def _article_from_data(
    data: dict[str, Any], name: str, source: str, text: str | None = None
) -> Article:
    """Build an :class:`Article` from parsed article TOML (``text``: the file, for line
    numbers), refusing malformed data with one line per problem (``NAME:LINE: where:
    what``), as a malformed glossary is refused."""
    meta = data.get("article", {})
    ref = data.get("reference", {})
    blocks = data.get("block")
    if not isinstance(meta, dict) or not isinstance(ref, dict):
        raise BadInputError(_("{name}: [article] and [reference] must be tables").format(name=name))
    if not isinstance(blocks, list) or not blocks:
        raise BadInputError(_("{name}: no [[block]] found").format(name=name))
    lines = _ArticleLines(text)
    problems: list[str] = []
    sentences: list[Sentence] = []
    for b_index, block in enumerate(blocks):
        kind = block.get("type") if isinstance(block, dict) else None
        where = lines.at(name, b_index, None, "type")
        if kind not in BLOCK_TYPES:
            problems.append(
                _("{where}block {block}: type must be one of {types}").format(
                    where=where, block=b_index + 1, types=", ".join(BLOCK_TYPES)
                )
            )
        items = block.get("sentence") if isinstance(block, dict) else None
        if not isinstance(items, list) or not items:
            problems.append(
                _("{where}block {block}: no [[block.sentence]]").format(
                    where=lines.at(name, b_index), block=b_index + 1
                )
            )
            continue
        for s_index, item in enumerate(items):
            de = item.get("de") if isinstance(item, dict) else None
            en_ref = item.get("en_ref") if isinstance(item, dict) else None
            if not isinstance(de, str) or not de.strip():
                problems.append(
                    _("{where}block {block}, sentence {sentence}: de is missing").format(
                        where=lines.at(name, b_index, s_index, "de"),
                        block=b_index + 1,
                        sentence=s_index + 1,
                    )
                )
            if en_ref is not None and not isinstance(en_ref, str):
                problems.append(
                    _("{where}block {block}, sentence {sentence}: en_ref is not text").format(
                        where=lines.at(name, b_index, s_index, "en_ref"),
                        block=b_index + 1,
                        sentence=s_index + 1,
                    )
                )
            if not problems:
                sentences.append(
                    Sentence(de.strip(), (en_ref or "").strip() or None, kind, b_index)  # type: ignore[union-attr, arg-type]
                )
    for table, key in ((meta, "title"), (meta, "author"), (meta, "place"), (ref, "label"),
                       (ref, "title")):  # fmt: skip
        if table.get(key) is not None and not isinstance(table.get(key), str):
            section = "article" if table is meta else "reference"
            problems.append(
                _("{name}: [{section}] {key} must be text").format(
                    name=name, section=section, key=key
                )
            )
    if problems:
        raise BadInputError("\n".join(problems))
    title = meta.get("title")
    if title is None:
        title = next((s.de for s in sentences if s.block == "title"), None)
    has_ref = any(s.en_ref for s in sentences)
    label = ref.get("label") or (DEFAULT_REFERENCE_LABEL if has_ref else None)
    known = {"title", "author", "place"}
    return Article(
        title=title,
        sentences=sentences,
        author=meta.get("author"),
        place=meta.get("place"),
        source=source,
        reference_label=label if has_ref else None,
        title_en_ref=ref.get("title"),
        metadata={k: str(v) for k, v in meta.items() if k not in known},
    )


def _parse_toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BadInputError(
            _("{name}: not valid TOML ({why})").format(name=name, why=exc)
        ) from None
    except RecursionError:
        raise BadInputError(_("{name}: TOML nested too deeply").format(name=name)) from None


def load_bundled_article() -> Article:
    """The bundled article: cleaned blocks, hand segmentation and the curated reference."""
    resource = resources.files("glossar").joinpath(BUNDLED_ARTICLE)
    text = resource.read_text(encoding="utf-8")
    return _article_from_data(_parse_toml(text, BUNDLED_ARTICLE), BUNDLED_ARTICLE, "bundled")


def bundled_raw_text() -> str:
    """The bundled article exactly as captured (site navigation and all)."""
    data = _parse_toml(
        resources.files("glossar").joinpath(BUNDLED_ARTICLE).read_text(encoding="utf-8"),
        BUNDLED_ARTICLE,
    )
    raw_name = data.get("article", {}).get("raw", "raw_de.txt")
    return (
        resources.files("glossar")
        .joinpath("data/article")
        .joinpath(raw_name)
        .read_text(encoding="utf-8")
    )


def article_from_toml(text: str, name: str = "<article>") -> Article:
    """An article in the bundled file's TOML shape (typed blocks, optional ``en_ref``)."""
    return _article_from_data(_parse_toml(text, name), name, name, text)


#: A letter's or an e-mail's closing formula ("Viele Grüße", "Mit freundlichen Grüßen",
#: "MfG"): a line of its own without punctuation, but no heading.
_SIGN_OFF = re.compile(
    r"(?:(?:mit\s+)?(?:viele|beste|liebe|herzliche|freundliche|sch[öo]ne|gute)n?\s+)?"
    r"(?:gr(?:ü|ue)(?:ß|ss)(?:e|en)?|gru(?:ß|ss))(?:\s+(?:und\s+)?(?:bis\s+bald|danke))?"
    r"|mfg|lg|vg|(?:vielen\s+)?dank(?:\s+und\s+gru(?:ß|ss))?|tsch(?:ü|ue)ss|ciao",
    re.IGNORECASE,
)


#: One-line paragraphs that are no heading: a byline ("Von Anna Groß, dpa"), a list
#: item ("• Polizisten im Einsatz"), a wire slug ("EIL +++ Explosion in Moskau +++"). A
#: desk tester's 60 wire texts had each byline as a heading, "## Von …" in Markdown,
#: and the slug as the title.
_NO_HEADING = re.compile(
    r"(?:Von|By)\s+[A-ZÄÖÜ][\w.'-]*(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][\w.'-]*)+"
    r"(?:\s*(?:,|/|und)\s*\S.*)?"
    rf"|[{BULLETS}]\s.*"
    r"|.*\+\+\+.*"
)


def _looks_like_heading(text: str, after: str = "") -> bool:
    """A one-line paragraph without closing punctuation and few words reads as a heading,
    unless it is a closing formula ("Viele Grüße") or the name under one (``after``: the
    segment before it, when a paragraph of its own), a byline, a list item or a wire
    slug (:data:`_NO_HEADING`)."""
    return (
        "\n" not in text
        and not text.rstrip().endswith(_SENTENCE_END)
        and len(text.split()) <= _HEADING_MAX_WORDS
        and _SIGN_OFF.fullmatch(text.strip()) is None
        and not (after and _SIGN_OFF.fullmatch(after.strip().rstrip(",")))
        and _NO_HEADING.fullmatch(text.strip()) is None
    )


def document_from_text(text: str, title: str | None = None, source: str = "") -> Article:
    """Any German text as an :class:`Article`, split by the product's segmenter.

    A paragraph that is a single short line without closing punctuation is typed as a
    heading (the first one, when it opens the text and no ``title`` is given, as the
    title); everything else is a paragraph. There is no reference translation.
    """
    from glossar.arguments import document_argument
    from glossar.text.segment import split_sentences

    segments = split_sentences(document_argument(text))
    by_paragraph: dict[int, list[str]] = {}
    for seg in segments:
        by_paragraph.setdefault(seg.paragraph, []).append(seg.text)
    sentences: list[Sentence] = []
    before = ""
    for seg in segments:
        parts = by_paragraph[seg.paragraph]
        heading = len(parts) == 1 and _looks_like_heading(parts[0], before)
        kind = "heading" if heading else "paragraph"
        before = seg.text if len(parts) == 1 else ""
        if kind == "heading" and title is None and not sentences:
            kind, title = "title", seg.text
        sentences.append(Sentence(seg.text, None, kind, seg.paragraph))
    return Article(title=title, sentences=sentences, source=source)


def document_from_file(path: str | os.PathLike[str]) -> Article:
    """A German text file (``-`` = stdin) or an article TOML file (``.toml``)."""
    from glossar.files import read_text

    text = read_text(path)
    name = "<stdin>" if str(path) == "-" else str(path)
    if name.endswith(".toml"):
        return article_from_toml(text, name)
    return document_from_text(text, source=name)
