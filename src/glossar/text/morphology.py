"""German inflection for term recognition: the forms a glossary term takes in running text.

Regular rules only, deliberately generous: a recogniser that also knows a form German
never uses loses nothing, one that misses ``des Militärbündnisses`` fails the reader.
Irregular forms come from the glossary entry (``plural``, ``genitive``, ``forms``).

Nouns inflect by gender (genitive ``-s``/``-es``, weak ``-n``/``-en``, plurals with and
without umlaut, dative plural ``-n``); adjectives take ``-e/-en/-er/-es/-em``; a phrase
inflects its adjective(s) and head noun and keeps the rest (``Organisation des Vertrags
über kollektive Sicherheit`` inflects only ``Organisation``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
#: Linking elements (Fugenelemente) between the parts of a closed compound.
LINKING_ELEMENTS = ("", "s", "es", "n", "en", "e", "er", "ns")

_UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}
_VOWELS = set("aeiouyäöüAEIOUYÄÖÜ")
_FEMININE_EN = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ur", "ei", "enz", "anz")


def umlauted(word: str) -> str | None:
    """The word with its last stem vowel umlauted (``Raum`` → ``Räum``), or None."""
    for i in range(len(word) - 1, -1, -1):
        c = word[i]
        if c in _VOWELS:
            if c in "uU" and i > 0 and word[i - 1] in "aA":  # au → äu
                return word[: i - 1] + _UMLAUT[word[i - 1]] + word[i:]
            if c in "uU" and i > 0 and word[i - 1] in "eE":  # eu has no umlaut
                return None
            if c in _UMLAUT:
                if i > 0 and word[i - 1] == c:  # Boot → Böte is wrong; Saal → Säle rare
                    return None
                return word[:i] + _UMLAUT[c] + word[i + 1 :]
            return None
    return None


#: A paradigm: stem → the endings it takes ("" for the stem alone). Stems keep their case.
Paradigm = dict[str, set[str]]
#: An explicit form becomes an ending of a stem it extends by at most this many letters.
MAX_ENDING = 4


def add_form(paradigm: Paradigm, form: str) -> None:
    """Add one full ``form`` to ``paradigm``: as an ending of a stem it extends, else as a stem."""
    for stem, endings in paradigm.items():
        if form.startswith(stem):
            rest = form[len(stem) :]
            if len(rest) <= MAX_ENDING and (not rest or rest.isalpha()):
                endings.add(rest)
                return
    paradigm.setdefault(form, set()).add("")


def expand(paradigm: Paradigm) -> list[str]:
    """Every full form of a paradigm, the first stem's forms first."""
    out: list[str] = []
    for stem, endings in paradigm.items():
        for ending in sorted(endings, key=len):
            form = stem + ending
            if form not in out:
                out.append(form)
    return out


def noun_paradigm(
    word: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> Paradigm:
    """Stems and endings of a German noun; ``word`` is the first stem.

    A given ``plural``/``genitive`` replaces the guess for it (and the dative plural
    ``-n`` follows the given plural). ``proper`` names (Tokajew, Russland) only take a
    genitive ``-s``.
    """
    endings: set[str] = {""}
    par: Paradigm = {word: endings}
    last = word[-1:].lower()
    if proper or word.isupper():
        if last not in "sxzß":
            endings.add("s")
        return par
    lw = word.lower()
    vowel_end = last in "aiouy" or (lw.endswith(("é", "ee")) and gender != "f")
    # genitive singular (and the old dative -e) of masculine and neuter nouns
    if genitive:
        add_form(par, genitive)
    elif gender != "f":
        if vowel_end:
            endings.add("s")
        elif lw.endswith("nis"):
            endings.add("ses")
        elif last == "e":  # weak masculine (Kollege, Russe) or neuter (Gebäude)
            endings.update(("n", "s"))
        elif lw.endswith(("el", "er", "en", "chen", "lein")):
            endings.add("s")
        elif last in "sxzß" or lw.endswith("sch"):
            endings.update(("es", "e"))
        else:
            endings.update(("s", "es", "e"))
    if plural:
        add_form(par, plural)
        if not plural.endswith(("n", "s")):
            add_form(par, plural + "n")
        return par
    # regular plural guesses
    if vowel_end:
        endings.add("s")  # Auto → Autos, Kaffee → Kaffees
    elif lw.endswith("nis"):
        endings.update(("se", "sen"))
    elif gender == "f":
        if lw.endswith("en"):
            pass  # a plural headword (Unruhen)
        elif lw.endswith("in"):
            endings.add("nen")
        elif last == "e" or lw.endswith(("el", "er")):
            endings.add("n")
        elif lw.endswith(_FEMININE_EN):
            endings.add("en")
        else:
            endings.update(("en", "e", "n"))
            uml = umlauted(word)
            if uml:
                par[uml] = {"e", "en"}
    elif last == "e":
        endings.add("n")
    elif lw.endswith(("el", "er", "en", "chen", "lein")):
        endings.add("n")
        uml = umlauted(word) if gender == "m" and lw.endswith(("el", "er")) else None
        if uml:
            par[uml] = {"", "n"}
    else:
        endings.update(("e", "en"))
        if gender == "n":
            endings.update(("er", "ern"))
        uml = umlauted(word)
        if uml:
            par[uml] = {"e", "en", "er", "ern"} if gender == "n" else {"e", "en"}
    return par


def noun_forms(
    word: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Singular and plural forms of a German noun, the given word first."""
    return expand(noun_paradigm(word, gender, plural=plural, genitive=genitive, proper=proper))


def adjective_stem(word: str) -> str:
    """``verfassungsmäßige`` → ``verfassungsmäßig``; ``Kalter`` → ``Kalt``.

    A word without an ending (``postsowjetisch``) stays as it is.
    """
    lw = word.lower()
    for ending in ("en", "em", "er", "es"):
        if lw.endswith(ending) and len(word) > len(ending) + 3:
            return word[: -len(ending)]
    if lw.endswith("e") and len(word) > 4:
        return word[:-1]
    return word


def adjective_forms(word: str, *, attributive: bool = False) -> list[str]:
    """The forms of an adjective: stem + ``-e/-en/-er/-es/-em`` (and the bare stem unless
    ``attributive``: before a noun German always inflects)."""
    stem = adjective_stem(word)
    out = [word]
    for ending in ADJECTIVE_ENDINGS[1:] if attributive else ADJECTIVE_ENDINGS:
        form = stem + ending
        if form not in out:
            out.append(form)
    return out


def adjective_paradigm(word: str, *, attributive: bool = False) -> Paradigm:
    """Stem + ``-e/-en/-er/-es/-em`` (and the bare stem unless ``attributive``)."""
    stem = adjective_stem(word)
    par: Paradigm = {stem: set(ADJECTIVE_ENDINGS[1:] if attributive else ADJECTIVE_ENDINGS)}
    add_form(par, word)
    return par


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper()


def phrase_head(tokens: list[str]) -> int:
    """Index of a phrase's head noun: the first capitalised word not followed by another one.

    ``verfassungsmäßige Ordnung`` → 1; ``Organisation des Vertrags …`` → 0;
    ``Kalter Krieg`` → 1. Falls back to the last token.
    """
    for i, tok in enumerate(tokens):
        if _is_capitalised(tok) and (i + 1 == len(tokens) or not _is_capitalised(tokens[i + 1])):
            return i
    return len(tokens) - 1


@dataclass(frozen=True, slots=True)
class PhraseParts:
    """A multi-word term split for matching: what precedes the head, the head, what follows.

    ``prefixes`` lists every inflected form of the words before the head (``""`` when the
    head comes first); ``head`` is the head's paradigm; ``tail`` the invariable rest.
    """

    prefixes: list[str]
    head: Paradigm
    tail: str


def phrase_parts(
    phrase: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> PhraseParts:
    """Split a multi-word term: adjectives before the head inflect, the head declines.

    Words after the head (genitive attributes, prepositional phrases) stay as they are.
    A ``plural``/``genitive`` given for the whole phrase contributes its head word.
    """
    tokens = phrase.split()
    h = phrase_head(tokens)

    def head_word(full: str | None) -> str | None:
        if not full:
            return None
        parts = full.split()
        return parts[h] if len(parts) == len(tokens) else parts[-1] if len(parts) == 1 else None

    head = tokens[h]
    if head[:1].isupper():
        head_par = noun_paradigm(
            head,
            gender,
            plural=head_word(plural),
            genitive=head_word(genitive),
            proper=proper and gender is None,
        )
    elif h == len(tokens) - 1:
        head_par = adjective_paradigm(head)
    else:
        head_par = {head: {""}}
    slots: list[list[str]] = []
    for tok in tokens[:h]:
        if proper or proper_like(tok):
            slots.append([tok])
        else:
            slots.append(expand(adjective_paradigm(tok, attributive=True)))
    prefixes: list[str] = []
    _combine(slots, 0, [], prefixes)
    first = " ".join(tokens[:h])
    ordered = [first] + [p for p in prefixes if p != first] if h else [""]
    return PhraseParts(ordered, head_par, " ".join(tokens[h + 1 :]))


def phrase_paradigm(
    phrase: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> Paradigm:
    """Stems of a multi-word term, each a full phrase (see :func:`phrase_parts`)."""
    if len(phrase.split()) < 2:
        return noun_paradigm(phrase, gender, plural=plural, genitive=genitive, proper=proper)
    parts = phrase_parts(phrase, gender, plural=plural, genitive=genitive, proper=proper)
    par: Paradigm = {}
    for prefix in parts.prefixes:
        lead = prefix + " " if prefix else ""
        for stem, endings in parts.head.items():
            if parts.tail:
                for ending in endings:
                    add_form(par, f"{lead}{stem}{ending} {parts.tail}")
            else:
                par.setdefault(lead + stem, set()).update(endings)
    for full in (plural, genitive):
        if full and " " in full:
            add_form(par, full)
    return par


def phrase_forms(
    phrase: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Forms of a multi-word term (see :func:`phrase_paradigm`), the phrase first."""
    forms = expand(phrase_paradigm(phrase, gender, plural=plural, genitive=genitive, proper=proper))
    if phrase in forms:
        forms.remove(phrase)
    return [phrase, *forms]


def proper_like(token: str) -> bool:
    """Tokens before a head that do not inflect: numbers, abbreviations, hyphenated names."""
    return token.isupper() or any(ch.isdigit() for ch in token)


def _combine(slots: list[list[str]], i: int, acc: list[str], out: list[str]) -> None:
    if i == len(slots):
        form = " ".join(acc)
        if form not in out:
            out.append(form)
        return
    for option in slots[i]:
        acc.append(option)
        _combine(slots, i + 1, acc, out)
        acc.pop()


def inflected_paradigm(
    term: str,
    *,
    pos: str = "noun",
    gender: str | None = None,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> Paradigm:
    """Stems and endings of every form of ``term`` worth recognising; ``term``'s stem first.

    ``pos`` is the entry's part of speech; ``proper`` marks names (genitive ``-s`` only).
    Verbs, adverbs and "other" get no generated forms (list them in the entry's ``forms``).
    """
    if " " in term.strip():
        return phrase_paradigm(term, gender, plural=plural, genitive=genitive, proper=proper)
    if pos == "adjective":
        return adjective_paradigm(term)
    if pos in ("noun", "proper-noun", "phrase") or proper:
        return noun_paradigm(
            term, gender, plural=plural, genitive=genitive, proper=proper or pos == "proper-noun"
        )
    return {term: {""}}


def inflected_forms(
    term: str,
    *,
    pos: str = "noun",
    gender: str | None = None,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Every form of ``term`` worth recognising, the term itself first."""
    forms = expand(
        inflected_paradigm(
            term, pos=pos, gender=gender, plural=plural, genitive=genitive, proper=proper
        )
    )
    if term in forms:
        forms.remove(term)
    return [term, *forms]


# --- The German word list that judges compound parts -------------------------------------
#
# simplemma's German dictionary answers "is this a German word?" for compound parts, but
# loading it costs ~0.45 s (it decodes 1.1M front-coded records to index them), which was
# most of the wall time of ``glossar terms`` on an article that asks it ~30 questions. The
# first load therefore also writes its keys as a sorted, memory-mapped index to the user's
# cache directory; later processes answer by binary search over that file (~1 ms to open,
# ~10 µs a word). Same answers as ``simplemma.is_known(word, "de", low_memory=True)``.
#
# A cache is not trusted blindly: its header carries a CRC-32 of everything after it,
# checked when the file is first seen (~50 ms for 18 MB); the file's identity (inode,
# size, mtime, ctime) is then noted beside it so later runs skip the check until the
# file changes in any way. Zeroed, scrambled or truncated content is rebuilt.

#: Overrides the cache directory (``$XDG_CACHE_HOME/glossar`` or ``~/.cache/glossar``).
ENV_CACHE_DIR = "GLOSSAR_CACHE_DIR"
_INDEX_MAGIC = b"glossar-words-2\n"


def is_german_word(word: str) -> bool:
    """True when simplemma's German dictionary knows ``word`` (as given or re-cased)."""
    return _word_lookup()(word)


def word_index_path() -> Path | None:
    """Where the German word index is cached (None: no usable home or cache directory)."""
    import os

    env = os.environ.get(ENV_CACHE_DIR)
    if env is not None:
        if not env:
            return None  # caching switched off
        base = Path(env).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        try:
            base = Path(xdg) if xdg else Path.home() / ".cache"
        except RuntimeError:  # no home directory
            return None
        base = base / "glossar"
    from importlib.metadata import PackageNotFoundError, version

    try:
        simplemma_version = version("simplemma")
    except PackageNotFoundError:  # pragma: no cover - a source checkout of simplemma
        simplemma_version = "unknown"
    return base / f"de-words-simplemma-{simplemma_version}.idx"


@lru_cache(maxsize=1)
def _word_lookup() -> Callable[[str], bool]:
    """The cached index when there is one, else simplemma itself (writing the index)."""
    path = word_index_path()
    if path is not None:
        index = _SortedWords.open(path)
        if index is not None:
            return index.is_known
    import simplemma

    def known(word: str) -> bool:
        return simplemma.is_known(word, lang="de", low_memory=True)

    known("Haus")  # loads the dictionary
    if path is not None:
        _write_index(path)
    return known


class _SortedWords:
    """A memory-mapped file of sorted UTF-8 words: header, offsets (uint32), words."""

    def __init__(self, data: Any, offsets: Any, count: int, base: int) -> None:
        self._data = data
        self._offsets = offsets
        self._count = count
        self._base = base

    @classmethod
    def open(cls, path: Path) -> _SortedWords | None:
        """The index at ``path``, or None when it is missing or not a valid index."""
        import mmap
        import os
        import struct

        try:
            with open(path, "rb") as fh:
                data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
                identity = _identity(os.fstat(fh.fileno()))
        except (OSError, ValueError):
            return None
        head = len(_INDEX_MAGIC) + 8
        if len(data) < head or data[: len(_INDEX_MAGIC)] != _INDEX_MAGIC:
            return None
        count, crc = struct.unpack_from("<II", data, len(_INDEX_MAGIC))
        base = head + 4 * (count + 1)
        if len(data) < base:
            return None
        if not _verified(path, identity, data, head, crc):
            return None  # zeroed, scrambled or truncated: rebuild
        offsets = memoryview(data)[head:base].cast("I")
        if offsets[count] != len(data) - base:
            return None  # truncated
        return cls(data, offsets, count, base)

    def _contains(self, key: bytes) -> bool:
        data = self._data
        offsets = self._offsets
        base = self._base
        lo, hi = 0, self._count
        while lo < hi:
            mid = (lo + hi) // 2
            word = data[base + offsets[mid] : base + offsets[mid + 1]]
            if word < key:
                lo = mid + 1
            elif word > key:
                hi = mid
            else:
                return True
        return False

    def is_known(self, word: str) -> bool:
        """simplemma's ``is_known(word, "de")``: the word, or it re-cased, is a key."""
        import unicodedata

        token = unicodedata.normalize("NFC", word)
        if not token or "\n" in token or "'" in token or "’" in token or "ʼ" in token:
            import simplemma  # rare: let simplemma apply its own variants

            return simplemma.is_known(word, lang="de", low_memory=True)
        if self._contains(token.encode()):
            return True
        cased = token.lower() if token[:1].isupper() else token.capitalize()
        return self._contains(cased.encode())


def _identity(st: Any) -> str:
    """What changes whenever a file's content may have changed (ctime cannot be set back)."""
    return f"{st.st_ino} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns}"


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _verified(path: Path, identity: str, data: Any, head: int, crc: int) -> bool:
    """True when ``data[head:]`` matches ``crc``; a stamp beside the file skips the check
    for a file whose identity has not changed since it last passed."""
    import zlib

    stamp = _stamp_path(path)
    try:
        if stamp.read_text(encoding="ascii") == f"{crc} {identity}":
            return True
    except (OSError, ValueError):
        pass
    if zlib.crc32(memoryview(data)[head:]) != crc:
        return False
    try:  # best effort: without a stamp the next run checks again
        from glossar.files import atomic_write_bytes

        atomic_write_bytes(stamp, f"{crc} {identity}".encode("ascii"))
    except Exception:  # noqa: BLE001 - a read-only cache folder is fine
        pass
    return True


def _write_index(path: Path) -> None:
    """Write simplemma's German keys as a sorted index (best effort: errors are ignored)."""
    import contextlib
    import os
    import struct
    import tempfile
    from array import array
    from itertools import accumulate

    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    try:
        blob = bytearray()
        offsets = array("I", [0])
        previous = b""
        in_order = True
        for word in LOW_MEMORY_DICTIONARY_FACTORY.get_dictionary("de"):
            key = word.encode()
            if b"\n" in key:
                continue
            if key <= previous:
                in_order = False
            previous = key
            blob += key
            offsets.append(len(blob))
        if not in_order:  # the stream is sorted (unless stored reversed): sort it here
            keys = sorted({bytes(blob[a:b]) for a, b in zip(offsets, offsets[1:], strict=False)})
            blob = bytearray(b"".join(keys))
            offsets = array("I", accumulate(map(len, keys), initial=0))
        if offsets.itemsize != 4 or array("I", [1]).tobytes() != struct.pack("<I", 1):
            return  # pragma: no cover - exotic or big-endian platform
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".words-", suffix=".tmp")
        try:
            import zlib

            body = offsets.tobytes()
            crc = zlib.crc32(blob, zlib.crc32(body))
            with os.fdopen(fd, "wb") as fh:
                fh.write(_INDEX_MAGIC)
                fh.write(struct.pack("<II", len(offsets) - 1, crc))
                fh.write(body)
                fh.write(blob)
            from glossar.files import new_file_mode

            os.chmod(tmp, new_file_mode())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full cache: simplemma answers, only more slowly
