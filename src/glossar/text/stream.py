"""Text of any size in bounded pieces, so every verb runs in constant memory.

Why: users feed whole archive dumps (100 MB) and PDF paragraphs without a line break.
Reading them whole costs memory proportional to the input (several times over once
segments, matches and JSON exist), and any per-text pass that is not strictly linear
blows up. Here the input is validated as UTF-8 in blocks, then cut into pieces of about
:data:`PIECE` characters, each ending where nothing can span the cut:

1. at a blank line (a paragraph break; nothing in glossar crosses one);
2. else after the last sentence end (the segmenter's own rule, judged with the look
   ahead it has in the whole text, so segments and terms are the ones the whole text
   would give), or where the next sentence starts when only white space follows a
   sentence end into the window;
3. else at a line break that ends a line (not one inside a wrapped sentence,
   :func:`glossar.text.line_breaks.soft_break`), else at any line break, else at a space,
   else at other white space, else anywhere (one endless "word"). A run of white space
   longer than a window is a piece of its own; paragraph breaks in it count as in the
   whole text. Only here can a cut differ from the whole text: a sentence wrapped over
   that line break, a multi-word term across that line break or space (terms match
   across single line breaks), a separable verb's particle after it, or the word the
   name guards read next to a term is on the other side. It needs a window of
   :data:`PIECE` characters with no sentence end and no blank line (a list, a table,
   text without punctuation); news never reaches it.

Each :class:`Piece` carries its offset in the whole text (code points, as Python
offsets into the decoded input), the number of its first paragraph, and the lines just
before and after it, so a consumer reports exactly what it would report for the whole
text: :meth:`Piece.sentences` reads a wrapped line's break with the widths of the lines
around it (:func:`glossar.text.line_breaks.soft_break`) even where those lines are cut by
rule 2 (a PDF's paragraph that runs over pieces without a blank line).
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, BinaryIO, Protocol, TextIO

from glossar.files import (
    a_directory,
    cannot_read,
    no_such,
    not_utf8,
    refuse_binary,
    too_large,
)
from glossar.text.line_words import BLANK_LINE_FILL

if TYPE_CHECKING:
    from glossar.text.segment import Segment

#: Largest streamed input: streamed verbs hold a piece at a time, so their cap is far
#: above ``files.MAX_INPUT_BYTES`` (whole-text reads); it only stops endless streams.
MAX_STREAM_BYTES = 4 * 1024**3
#: Target piece size in characters (a piece may be up to twice this).
PIECE = 1 << 16
#: Bytes read at a time: small enough that dropping a piece from the front of the
#: buffer copies little (1 MiB blocks made cutting 5 MB cost 50 ms instead of 30).
_BLOCK = 1 << 18
#: Characters kept beyond a piece's window before it is cut, so that the judgement of
#: a sentence end near the cut sees what it would see in the whole text (the closing “
#: of a quotation of several sentences, the next word after white space).
_AHEAD = 4096
#: Standard input up to this size stays in memory while it is validated, then spills.
_SPOOL = 8 << 20
#: A blank line; one of an e-mail's quote marks alone (">") is one too, as for
#: :func:`glossar.text.segment.split_paragraphs`.
_BLANK_LINE = re.compile(rf"\n{BLANK_LINE_FILL}\n")
#: A carriage return that is no CRLF's first half.
_LONE_CR = re.compile(b"\r(?!\n)")
#: A paragraph break as :func:`glossar.text.segment.split_paragraphs` sees one.
_GAP = re.compile(rf"\n{BLANK_LINE_FILL}\n\s*")
#: The last white space before the end (a cut between words when a window has no
#: plain space).
_LAST_SPACE = re.compile(r"\s\S*\Z")
#: How far before white space a sentence end's punctuation and closing quotes start.
_LOOK_BACK = 16
#: What may sit between the two line breaks of a paragraph break (:data:`_GAP`).
_BLANK_LINE_FILL = re.compile(BLANK_LINE_FILL)


class ByteReader(Protocol):
    """What :func:`iter_pieces` reads: a binary file, or :func:`open_text`'s stream."""

    def read(self, size: int = -1, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Piece:
    """``text`` starts at ``start`` in the whole input; its first paragraph is number
    ``paragraph`` (counted from 0 as :func:`glossar.text.segment.split_sentences` does).
    ``text`` keeps the white space that preceded it (a blank line, a line break)."""

    start: int
    text: str
    paragraph: int
    #: The text just before ``start`` (from a line's start, at most
    #: ``line_breaks.LINE_CONTEXT`` characters) and just after it (to the end of the
    #: third line after the one the piece ends in): what
    #: :func:`glossar.text.line_breaks.soft_break` reads around the piece's first and
    #: last line breaks, so that :meth:`sentences` reads them as the whole text does.
    before: str = ""
    after: str = ""

    def sentences(self) -> Iterator[Segment]:
        """The piece's segments (offsets into ``text``), exactly the whole text's."""
        from glossar.text.segment import Segment, iter_sentences

        if not (self.before or self.after):
            yield from iter_sentences(self.text, first_paragraph=self.paragraph)
            return
        k = len(self.before)
        full = self.before + self.text + self.after
        end = k + len(self.text)
        for seg in iter_sentences(full, first_paragraph=self.paragraph, start=k, end=end):
            yield Segment(seg.start - k, seg.end - k, seg.text, seg.paragraph)


def _check_utf8(fh: BinaryIO, name: str, copy: BinaryIO | None = None) -> str | None:
    """Read ``fh`` to its end, raising :class:`BadInputError` at the first bad byte or
    past :data:`MAX_STREAM_BYTES` (``/dev/zero`` is valid UTF-8 and never ends); returns
    a word of its start that shows it is mojibake (:mod:`glossar.text.mojibake`), or
    None."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    example = None
    ascii_so_far = True  # (no UTF-8 of several bytes yet: a Windows-1252 file's start)
    while True:
        block = fh.read(_BLOCK)
        final = not block
        try:
            decoder.decode(block, final)
        except UnicodeDecodeError as exc:
            # (bytes held back from the block before: at the end, all of what failed)
            pending = len(decoder.getstate()[0]) if not final else len(exc.object)
            at = offset - pending + exc.start
            bad = exc.object[exc.start : exc.start + 1]
            single = (
                ascii_so_far
                and exc.object[: exc.start].isascii()
                and exc.reason != "unexpected end of data"
            )
            raise not_utf8(name, at, bad, single_bytes=single) from None
        ascii_so_far = ascii_so_far and block.isascii()
        if final:
            return example
        if not offset:
            refuse_binary(block, name)
            if b"\xc3" in block:  # ("Ã" or "â" in UTF-8)
                from glossar.text.mojibake import mojibake_example

                example = mojibake_example(block[: 1 << 16].decode("utf-8", "replace"))
        if copy is not None:
            copy.write(block)
        offset += len(block)
        if offset > MAX_STREAM_BYTES:
            raise too_large(name, MAX_STREAM_BYTES)


@contextlib.contextmanager
def open_text(path: str | os.PathLike[str]) -> Iterator[ByteReader]:
    """The input (``-`` = standard input) as a binary stream, already checked to be
    UTF-8 (else :class:`BadInputError`, before anything is printed). Standard input is
    copied to a spooled temporary file on the way (memory up to 8 MB, then disk)."""
    from glossar.files import display_name

    if str(path) == "-":
        import tempfile  # only when the input must be spooled (3 ms of every start)

        with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as spool:
            example = _check_utf8(sys.stdin.buffer, "<stdin>", copy=spool)
            spool.seek(0)
            yield _LineBreaks(spool, example)
        return
    name = display_name(path)
    try:
        if os.path.isdir(path):
            raise a_directory(name, "file")
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise no_such(name, "file") from None
    except IsADirectoryError:
        raise a_directory(name, "file") from None
    except (OSError, ValueError) as exc:
        raise cannot_read(name, exc) from None
    with fh:
        if not fh.seekable():  # a named pipe or a device: read once, spooled
            import tempfile

            with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as spool:
                example = _check_utf8(fh, name, copy=spool)
                spool.seek(0)
                yield _LineBreaks(spool, example)
            return
        example = _check_utf8(fh, name)
        fh.seek(0)
        yield _LineBreaks(fh, example)


class _LineBreaks:
    """A binary stream whose lone carriage returns (classic Mac OS line ends) read as
    line feeds, one byte for one (offsets stay the input's): ``translate`` joined two
    lines ended by CR alone into one, where ``check`` reads two."""

    def __init__(self, fh: IO[bytes], mojibake: str | None = None) -> None:
        self._fh = fh
        #: a word of the input's start that shows it is mojibake ("PrÃ¤sident"), or None
        self.mojibake = mojibake

    def read(self, size: int = -1) -> bytes:
        data = self._fh.read(size)
        while data.endswith(b"\r"):  # a CRLF across the block's end stays one line break
            more = self._fh.read(1)
            if not more:
                break
            data += more
        return _LONE_CR.sub(b"\n", data) if b"\r" in data else data


def iter_pieces(fh: ByteReader, size: int = PIECE) -> Iterator[Piece]:
    """Cut the decoded stream into pieces (see the module docstring); a BOM is dropped.
    ``size`` is at least 1 (a piece of nothing would never end the stream)."""
    if size < 1:
        raise ValueError(f"size must be at least 1, not {size}")
    from glossar.text.line_breaks import LINE_CONTEXT, line_context_end, line_context_start

    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    buffer = ""
    start = 0
    last = -1  # the paragraph of the last text seen (-1: none yet)
    # the white space since the last text, as far as a paragraph break in it or across
    # the next cut matters: whether it holds one, and a last line that may continue one
    gap_before = False
    open_line = ""
    # the last characters before the buffer: the lines a piece's first line breaks are
    # read with (Piece.before)
    history = ""
    while True:
        block = fh.read(_BLOCK)
        buffer += decoder.decode(block, not block)
        while len(buffer) >= 2 * size + _AHEAD or (not block and buffer):
            # the end of the input: what is left is one piece when its text fits a window
            whole = not block and len(buffer.rstrip()) <= 2 * size
            before = history[line_context_start(history, len(history)) :]
            cut = len(buffer) if whole else _cut(buffer, size, before)
            if cut <= 0:  # the buffer starts with more white space than a window
                cut = min(len(buffer) - len(buffer.lstrip()), 2 * size)
            text = buffer[:cut]
            body = text.strip()
            if body:
                head = text[: len(text) - len(text.lstrip())]
                gap = gap_before or _GAP.search(open_line + head) is not None
                first = 0 if last < 0 else last + 1 if gap else last
                last = first + len(_GAP.findall(body))
                tail = text[len(text.rstrip()) :]  # cut inside white space: it goes on
                gap_before = _GAP.search(tail) is not None
                open_line = _open_line(tail)
            else:
                first = max(last, 0)
                gap_before = gap_before or _GAP.search(open_line + text) is not None
                open_line = _open_line(open_line + text)
            yield Piece(start, text, first, before, buffer[cut : line_context_end(buffer, cut)])
            history = (history + text[-LINE_CONTEXT:])[-LINE_CONTEXT:]
            start += cut
            buffer = buffer[cut:]
        if not block:
            return


def _open_line(space: str) -> str:
    """What of the white space ``space`` a paragraph break across the next cut needs:
    ``"\n"`` when its last line break is followed only by what may sit between the two
    line breaks of a blank line (:data:`_GAP`), else nothing."""
    nl = space.rfind("\n")
    if nl < 0 or _BLANK_LINE_FILL.fullmatch(space, nl + 1) is None:
        return ""
    return "\n"


def _cut(buffer: str, size: int, before: str = "") -> int:
    """Where to end a piece of ``buffer`` (≥ 2 × size characters; ``before``: the lines
    before it, :attr:`Piece.before`): see the module doc."""
    from glossar.text.line_breaks import hard_break_before
    from glossar.text.segment import last_sentence_end

    # line breaks near the buffer's start are read with the lines before it, as in the
    # whole text (small pieces: a wrong floor hid every sentence end of a window)
    k = len(before)
    text = before + buffer if k else buffer

    def sentence_end(lo: int, hi: int) -> int:
        end = last_sentence_end(text, lo + k, hi + k)
        return end - k if end >= 0 else -1

    def line_end_before(lo: int, hi: int) -> int:
        nl = hard_break_before(text, lo + k, hi + k)
        return nl - k if nl >= 0 else -1

    window_start = size
    window_end = 2 * size
    blank = None
    for m in _BLANK_LINE.finditer(buffer, window_start, window_end):
        blank = m
    if blank is not None:
        return _content_end(buffer, blank.start())
    end = sentence_end(window_start, window_end)
    if end > 0:
        return end
    if buffer[window_start].isspace():
        # white space from a sentence end (or the piece's start) into the window (a long
        # run of spaces): cut where the next sentence starts, not inside it
        ws = _content_end(buffer, window_start)
        end = sentence_end(max(0, ws - _LOOK_BACK), ws) if ws else 0
        if end == ws:
            text_start = window_end - len(buffer[ws:window_end].lstrip())
            if text_start >= window_start:
                return text_start
    # a line break that ends a line, else one inside a wrapped sentence (rule 3)
    nl = line_end_before(window_start, window_end)
    if nl < 0:
        nl = buffer.rfind("\n", window_start, window_end)
    if nl > 0:
        return _content_end(buffer, nl)
    space = buffer.rfind(" ", window_start, window_end)
    if space > 0:
        return space
    # no plain space: the last white space of any kind (NBSP, em space, CR), not a word
    last = _LAST_SPACE.search(buffer, window_start, window_end)
    if last is not None and last.start() > 0:
        return last.start()
    # no white space at all (OVKS-OVKS-… over 64K characters): after the last character
    # that is no letter or digit, so that no word is cut in two and loses its terms
    k = window_end
    while k > window_start and buffer[k - 1].isalnum():
        k -= 1
    return k if k > window_start else window_end


def _content_end(buffer: str, at: int) -> int:
    """``at`` moved back over white space: the white space goes with the next piece."""
    while at > 0 and buffer[at - 1].isspace():
        at -= 1
    return at


@contextlib.contextmanager
def atomic_text_writer(path: str | os.PathLike[str], *, follow: bool = False) -> Iterator[TextIO]:
    """A UTF-8 text file written bit by bit, in place only once complete
    (:func:`glossar.files.atomic_writer`, without holding the text in memory; ``follow``
    for a user's ``-o``: through a link, into a device, FIFO or ``/dev/stdout``)."""
    import io

    from glossar.files import atomic_writer

    with atomic_writer(path, follow=follow) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
        yield text
        text.flush()
        text.detach()
