"""Translate German text: segment, run the engine in one batched request, enforce the glossary.

:class:`Translation` and :class:`SegmentTranslation` are what the CLI renders and
``translate --json`` prints; :func:`require_model` names both ways to get a model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from glossar.arguments import beam_argument, document_argument, glossary_argument
from glossar.errors import NoModelError
from glossar.glossary.model import Glossary
from glossar.i18n import N_
from glossar.mt.checks import Recogniser, TermCheck
from glossar.mt.enforce import enforce
from glossar.mt.engine import Engine, was_cut
from glossar.mt.packages import ModelInfo, find_de_en_package
from glossar.text.capitals import in_capitals, sentence_case
from glossar.text.fold import visible
from glossar.text.line_hyphens import unwrapped
from glossar.text.marks import BULLETS
from glossar.text.stream import Piece

if TYPE_CHECKING:
    from glossar.qa.check import Problem

__all__ = [
    "NO_MODEL_MESSAGE",
    "SegmentTranslation",
    "Translation",
    "numbers_lost",
    "require_model",
    "translate_pieces",
    "translate_sentences",
    "translate_text",
]

NO_MODEL_MESSAGE = N_(
    "No German→English model installed: run `glossar model install` (online, once) "
    "or `glossar model install FILE.argosmodel`."
)
#: A package folder that cannot be read, under the message above and `model list`.
BROKEN_PACKAGE = N_(
    "{name} cannot be read ({why}): install it again, or remove it with "
    "`glossar model remove {name}`."
)


@dataclass(slots=True)
class SegmentTranslation:
    """One source sentence and its translation, with the glossary checks.

    ``before`` is what separates it from the previous segment in the output text
    ("" for the first, " ", "\\n" or "\\n\\n"), so paragraph and line breaks survive.
    """

    source: str
    target: str
    terms: list[TermCheck] = field(default_factory=list)
    paragraph: int = 0
    before: str = ""

    def to_dict(self) -> dict[str, object]:
        """The contract's segment object in ``translate --json``."""
        out: dict[str, object] = {
            "source": self.source,
            "target": self.target,
            "terms": [t.to_dict() for t in self.terms],
        }
        if self.cut:  # only then: the contract's shape stays as it was for the rest
            out["cut"] = True
        numbers = self.numbers
        if numbers:  # (only where the MT lost or changed one: the shape stays otherwise)
            out["numbers"] = [
                {"de": p.de, "expected": p.expected, "found": p.found, "message": p.message}
                for p in numbers
            ]
        addresses = self.addresses
        if addresses:  # (likewise)
            out["addresses"] = addresses
        return out

    @property
    def addresses(self) -> list[str]:
        """The German's web and mail addresses, handles and hashtags that the machine
        translation does not hold as written (:func:`glossar.text.addresses.lost`): the
        model drops or translates them, and the output says so."""
        from glossar.text.addresses import lost

        return lost(self.source, self.target)

    @property
    def numbers(self) -> list[Problem]:
        """The German's numbers the machine translation lost or changed (``check``'s
        number rule; its notes, possible paraphrases, left out). The engine may drop or
        garble a quantity (a tester: 128 of 129 sentences with digits from the caption
        model), and glossary enforcement does not guard numbers, so the output says so."""
        return numbers_lost(self.source, self.target)

    @property
    def cut(self) -> bool:
        """True when the sentence was longer than the model takes: the target ends with a
        note saying so, and the rest of the sentence is not translated."""
        return was_cut(self.target)


def numbers_lost(source: str, target: str) -> list[Problem]:
    """The numbers of ``source`` that the machine translation ``target`` lost or changed,
    and those it added (``check``'s number rule without its notes, the possible
    paraphrases); a cut sentence's note is no number of the translation."""
    from glossar.qa.check import NOTE, number_problems

    if was_cut(target):  # the note's "510 tokens"
        target = target[: target.rfind(" [… sentence cut: ")]
    return [p for p in number_problems(1, source, target) if p.severity != NOTE]


@dataclass(slots=True)
class Translation:
    """A translated text: the engine and model that made it, segment by segment."""

    engine: str
    model: ModelInfo
    segments: list[SegmentTranslation]
    glossary: str = ""
    beam: int = 4

    @property
    def text(self) -> str:
        """The English text with the source's paragraph and line breaks."""
        return "".join(s.before + s.target for s in self.segments)

    def to_dict(self) -> dict[str, object]:
        """The contract's JSON document for ``translate --json``."""
        return {
            "engine": self.engine,
            "model": self.model.to_dict(),
            "segments": [s.to_dict() for s in self.segments],
        }


def require_model() -> ModelInfo:
    """The installed de→en package, or :class:`NoModelError` naming both ways to get one."""
    model = find_de_en_package()
    if model is None:
        from glossar.i18n import _
        from glossar.mt.packages import broken_packages

        message = _(NO_MODEL_MESSAGE)
        for name, why in broken_packages():
            message += "\n" + _(BROKEN_PACKAGE).format(name=name, why=why)
        raise NoModelError(message)
    return model


def _engine_for(model: ModelInfo, threads: int) -> Engine:
    from glossar.mt.engine import get_engine

    return get_engine(model, threads=threads)


def _engine_and_model(
    engine: Engine | None, model: ModelInfo | None, threads: int
) -> tuple[Engine, ModelInfo]:
    """The engine to use and the model to name: the installed de→en package's by default
    (NoModelError if none); a given engine names its own model, if it knows one."""
    from glossar.arguments import threads_argument

    threads = threads_argument(threads)  # before anything else: a wrong value is the caller's
    if engine is None:
        model = model or require_model()
        return _engine_for(model, threads), model
    return engine, model or getattr(engine, "model", None) or ModelInfo("engine", "", "")


def translate_sentences(
    sentences: Sequence[str],
    *,
    glossary: Glossary | None,
    beam: int = 4,
    threads: int = 0,
    engine: Engine | None = None,
    model: ModelInfo | None = None,
    recognise: Recogniser | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[ModelInfo, list[SegmentTranslation]]:
    """Translate already segmented sentences in one batched request.

    ``engine``/``model`` default to the installed de→en package (NoModelError if none);
    ``recognise`` defaults to :func:`glossar.terms.recognise.find_terms`.
    """
    engine, model = _engine_and_model(engine, model, threads)
    # a list item's mark stays out of the model and goes before its English (the model
    # dropped every one of 175 marks of a desk tester's lists)
    marks = [_list_mark(s) for s in sentences]
    # a wrapped sentence reaches the model as one line (its source stays as given), a
    # sentence longer than the model takes as its clauses (model_sized)
    parts = [
        model_sized(model_text(s[len(mark) :]), engine)
        for s, mark in zip(sentences, marks, strict=True)
    ]
    results = iter(
        enforce(
            engine,
            [part for ps in parts for part in ps],
            glossary=glossary,
            beam=beam,
            recognise=recognise,
            progress=progress,
        )
    )
    out = []
    for sentence, ps, mark in zip(sentences, parts, marks, strict=True):
        done = [next(results) for _ in ps]
        if mark:
            done = [(mark.strip() + " " + done[0][0], done[0][1]), *done[1:]]
        if len(done) == 1:  # (nearly every sentence: the enforcement's checks as made)
            out.append(SegmentTranslation(sentence, *done[0]))
            continue
        # a sentence in parts: one check per entry and English, as for a whole
        # sentence (OVKS → CSTO beside its long name), found where any part has it
        checks: dict[tuple[str, str], TermCheck] = {}
        for _target, part_checks in done:
            for check in part_checks:
                key = (check.id, check.en)
                if key not in checks or (check.found and not checks[key].found):
                    checks[key] = check
        target = " ".join(t for t, _ in done if t)
        out.append(SegmentTranslation(sentence, target, list(checks.values())))
    return model, out


#: A list item's mark at a sentence's start: a bullet or a dash, then a space.
_LIST_MARK = re.compile(rf"[ \t]*[{BULLETS}][ \t]+(?=\S)")


def _list_mark(sentence: str) -> str:
    """The list mark ``sentence`` opens with ("• ", "- "), or ""."""
    m = _LIST_MARK.match(sentence)
    return m.group() if m is not None else ""


def model_text(sentence: str) -> str:
    """``sentence`` as the model and enforcement read it: one line, composed Unicode
    (NFC), without invisible marks (soft hyphens, zero-width spaces). Decomposed text
    (macOS, some copies) gave "These presidents about to …" for "Der Präsident …":
    the model learnt "ä", not "a" and a combining diaeresis. A sentence in capitals is
    written as German writes it (:func:`glossar.text.capitals.sentence_case`): the model
    cut "DIE REGIERUNG …" into letters, 40× slower, into "EEEE…". Its source stays as
    given."""
    text = visible(unwrapped(sentence))
    if in_capitals(text):
        text = sentence_case(text)
    return text


#: Where a sentence too long for the model may be parted: after a clause's punctuation.
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+|\s+(?=[–—-]\s)")


def model_sized(sentence: str, engine: Engine) -> list[str]:
    """``sentence`` as parts the engine takes whole: itself, or where it is longer than
    the model's limit, its clauses, and a clause still too long at its spaces.

    The engine cut such a sentence and left its rest untranslated (a tester's PDF
    paragraph without full stops: two thirds of it never reached the English); now every
    word is translated, a part at a time."""
    count = getattr(engine, "token_count", None)
    load = getattr(engine, "load", None)
    if load is not None:
        load()  # (the model's own limit is known once it is loaded)
    limit = getattr(engine, "max_tokens", None)
    if count is None or not isinstance(limit, int) or count(sentence) <= limit:
        # (counted, not guessed from its length: normalising may make one character
        # many tokens, "ﷺ" 34)
        return [sentence]
    pieces = [p for p in _CLAUSE_END.split(sentence) if p]
    parts: list[str] = []
    for piece in pieces:
        if parts and count(f"{parts[-1]} {piece}") <= limit:
            parts[-1] = f"{parts[-1]} {piece}"
        elif count(piece) <= limit:
            parts.append(piece)
        else:  # one clause too long: by words
            for word in piece.split():
                if parts and count(f"{parts[-1]} {word}") <= limit:
                    parts[-1] = f"{parts[-1]} {word}"
                else:
                    parts.append(word)
    return parts


def translate_text(
    text: str,
    *,
    glossary: Glossary | None,
    beam: int = 4,
    threads: int = 0,
    engine: Engine | None = None,
    model: ModelInfo | None = None,
    recognise: Recogniser | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Translation:
    """Translate German ``text``: segment, translate in batches, enforce the glossary.

    The whole text is one piece of :func:`translate_pieces` (one way to pair segments
    with their paragraphs and the white space before them).
    """
    from glossar.text.stream import Piece

    text = document_argument(text)
    glossary_argument(glossary)
    beam = beam_argument(beam)
    name = getattr(engine, "name", "argos") if engine is not None else "argos"
    engine, model = _engine_and_model(engine, model, threads)
    segments = list(
        translate_pieces(
            [Piece(0, text, 0)],
            glossary=glossary,
            beam=beam,
            engine=engine,
            model=model,
            recognise=recognise,
            progress=progress,
        )
    )
    return Translation(
        engine=name,
        model=model,
        segments=segments,
        glossary=glossary.signature if glossary is not None else "",
        beam=beam,
    )


def translate_pieces(
    pieces: Iterable[Piece],
    *,
    glossary: Glossary | None,
    beam: int = 4,
    threads: int = 0,
    engine: Engine | None = None,
    model: ModelInfo | None = None,
    recognise: Recogniser | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[SegmentTranslation]:
    """Translate a streamed text (:func:`glossar.text.stream.iter_pieces`) one piece at a
    time, yielding segments as :func:`translate_text` would give them for the whole text
    (same ``paragraph`` and ``before``), in memory bounded by a piece. A bad ``beam`` is
    refused at the call, not at the first segment."""
    glossary_argument(glossary)
    return _translate_pieces(
        pieces,
        glossary=glossary,
        beam=beam_argument(beam),
        threads=threads,
        engine=engine,
        model=model,
        recognise=recognise,
        progress=progress,
    )


def _translate_pieces(
    pieces: Iterable[Piece],
    *,
    glossary: Glossary | None,
    beam: int,
    threads: int,
    engine: Engine | None,
    model: ModelInfo | None,
    recognise: Recogniser | None,
    progress: Callable[[int, int], None] | None,
) -> Iterator[SegmentTranslation]:
    from glossar.text.segment import separator

    engine, model = _engine_and_model(engine, model, threads)
    done = 0
    previous_paragraph: int | None = None

    def shifted(k: int, total: int) -> None:
        if progress is not None:
            progress(done + k, done + total)

    for piece in pieces:
        segments = list(piece.sentences())
        if not segments:
            continue
        _, translated = translate_sentences(
            [s.text for s in segments],
            glossary=glossary,
            beam=beam,
            engine=engine,
            model=model,
            recognise=recognise,
            progress=shifted if progress is not None else None,
        )
        done += len(segments)
        for k, (seg, tr) in enumerate(zip(segments, translated, strict=True)):
            tr.paragraph = seg.paragraph
            if k:
                tr.before = separator(piece.text, segments[k - 1], seg)
            elif previous_paragraph is None:
                tr.before = ""
            elif seg.paragraph != previous_paragraph:
                tr.before = "\n\n"
            else:
                tr.before = "\n" if "\n" in piece.text[: seg.start] else " "
            yield tr
        previous_paragraph = segments[-1].paragraph
