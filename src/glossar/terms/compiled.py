"""A disk cache of compiled recognisers: a large glossary compiles once per content.

Compiling 100k entries costs seconds of Python (paradigms, folding, the automaton); a
later process with the same entries loads the compiled state instead (pyahocorasick
automata pickle). A file is named by a fingerprint of what compiling reads — the German
fields of every entry, in order — and of what compiles (:func:`glossar.cache_files.code_tag`).

Unpickling runs code of the file's choosing, so a file is only unpickled when its MAC
proves it was written by glossar for this user (:mod:`glossar.cache_files`: keyed
digests, private files and folders, atomic writes, the few most recent files kept).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from glossar.cache_files import fingerprint, read_private, write_private
from glossar.glossary.model import Entry

#: Smaller glossaries compile faster than their fingerprint and file would load.
MIN_ENTRIES = 2_000
#: Compiled glossaries kept in the cache folder (the oldest go first).
KEEP = 4
_MAGIC = b"glossar-terms-1\n"
#: Cache files are named ``terms-<32 hex>.bin`` (only these are ever pruned).
_PREFIX = "terms-"
#: The entry fields compiling reads (spellings, word classes): a change to any of them
#: must change the fingerprint. Add a field here when compiling starts to read it.
FIELDS = (
    "de",
    "pos",
    "gender",
    "kind",
    "plural",
    "genitive",
    "forms",
    "de_alt",
    "de_abbr",
    "compound",
    "compound_except",
)


def cache_path(entries: Sequence[Entry]) -> Path | None:
    """Where the compiled form of ``entries`` is cached (None: caching is off)."""
    import marshal
    from operator import attrgetter

    from glossar.files import cache_dir

    base = cache_dir()
    if base is None:
        return None
    # marshal version 2 writes no back-references: the bytes depend on content only
    try:
        blob = marshal.dumps(list(map(attrgetter(*FIELDS), entries)), 2)
    except (ValueError, AttributeError):  # entries made by hand with other types: no cache
        return None
    return base / f"{_PREFIX}{fingerprint(b'compiled-glossary', blob)}.bin"


def load(path: Path, names: Sequence[str]) -> dict[str, Any] | None:
    """The compiled state saved at ``path`` (attribute name → value), or None when it is
    missing, damaged, not provably ours, or not a state with exactly ``names``."""
    import pickle

    # (the caller has switched the cyclic GC off: it made unpickling 6× slower)
    state = read_private(path, _MAGIC, pickle.load)
    if not isinstance(state, dict) or set(state) != set(names) or not _fits(state):
        return None  # missing, not ours, or written by other code (the tag should say)
    return state


def _fits(state: dict[str, Any]) -> bool:
    """Do the parts of a restored state fit together (types, one entry per key)?"""
    import ahocorasick

    automata = (state.get("_automaton"), state.get("_case_automaton"))
    key_len, groups = state.get("_key_len"), state.get("_groups")
    word_only, phrase = state.get("_word_only"), state.get("_phrase")
    n = len(key_len) if isinstance(key_len, list) else -1
    return (
        all(isinstance(a, ahocorasick.Automaton) for a in automata)
        and isinstance(groups, list)
        and isinstance(word_only, bytes)
        and isinstance(phrase, bytes)
        and isinstance(state.get("_word_class"), dict)
        and n == len(groups) == len(word_only) == len(phrase)
        and n == sum(len(a) for a in automata)
        and all(a.kind == ahocorasick.AHOCORASICK or not len(a) for a in automata)
    )


def store(path: Path, state: dict[str, Any]) -> None:
    """Save ``state`` at ``path`` (atomic, best effort) and drop the oldest files."""
    import pickle

    write_private(
        path,
        _MAGIC,
        lambda fh: pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL),
        prefix=_PREFIX,
        keep=KEEP,
    )
