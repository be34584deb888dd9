"""Case as evidence: is a capitalised word a noun, or a verb that starts a sentence?

A nominalised verb and its verb may be two entries with one spelling (das Eingreifen /
eingreifen). Where both match the same span, case decides: a capitalised word is the
noun, unless it starts a sentence, a line or a quotation (where verbs are capitalised
too) without an article, determiner or preposition before it (das, beim, ein, sein, ...);
then, and for a lower-case word, the verb.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain, compress, count
from operator import attrgetter, not_

from glossar.glossary.bulk import fold_keys
from glossar.glossary.model import Entry
from glossar.glossary.rules import noun_like_flags
from glossar.terms.patterns import Candidate, TieBreaks
from glossar.text.fold import fold_key

#: Words after which a capitalised word is a noun even where a verb would be capitalised
#: (articles, determiners, possessives, prepositions and their contractions).
NOUN_MARKERS = frozenset(
    ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer"]
    + ["eines", "kein", "keine", "keinem", "keinen", "keiner", "keines", "dies", "diese"]
    + ["diesem", "diesen", "dieser", "dieses", "jedes", "jedem", "jeder", "jenes", "jenem"]
    + ["sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem"]
    + ["ihren", "ihrer", "ihres", "mein", "meine", "dein", "unser", "unsere", "euer", "eure"]
    + ["beim", "vom", "zum", "zur", "im", "am", "ins", "ans", "aufs", "durchs", "fürs", "ums"]
    + ["an", "auf", "aus", "bei", "durch", "für", "gegen", "mit", "nach", "ohne", "seit"]
    + ["über", "um", "unter", "von", "vor", "zu", "zwischen", "trotz", "wegen", "dank"]
)
#: A word before "zufolge", which follows its noun ("Berichten zufolge", "Berichten
#: israelischer Medien zufolge"): a capitalised word there is a noun where a sentence
#: starts too.
_BEFORE_ZUFOLGE = re.compile(
    "[^\\W\\d_]+(?:[ \u00a0]+[^\\W\\d_]+){0,3}[ \u00a0]+zufolge(?![^\\W\\d_])"
)
#: Characters that open a quotation or parenthesis (skipped when looking back).
OPENERS = "„“‚‘\"'»«›‹([`"  # (`` opens a quotation in typewriter style: UD GSD, TIGER)
#: Characters that end a sentence or introduce one (a capital after them is no evidence).
SENTENCE_ENDS = ".!?:;…"


def shared_word_classes(
    entries: list[Entry], poses: list[str] | None = None, headwords: list[str] | None = None
) -> dict[int, bool]:
    """Entries (by index) that share a folded spelling with an entry of the other word
    class, each with True when it is noun-like (the glossary rules allow such pairs).
    Noun-like: :func:`glossar.glossary.rules.noun_like`. ``poses`` and ``headwords``:
    the entries' columns, when the caller has them already."""
    # by columns, in C where it can be: most entries have one spelling and no forms
    if headwords is None:
        headwords = list(map(attrgetter("de"), entries))
    if poses is None:
        poses = list(map(attrgetter("pos"), entries))
    noun = noun_like_flags(poses, headwords)
    folded = fold_keys(headwords)  # all at once: one C pass
    more = {
        i: tuple(map(fold_key, (*e.de_alt, *e.forms)))
        for i, e in enumerate(entries)
        if e.de_alt or e.forms
    }
    others = set(compress(folded, map(not_, noun)))
    for i, keys in more.items():
        if not noun[i]:
            others.update(keys)
    if not others:
        return {}
    # the noun-like keys are most of them: looked up in the few others, not made a set
    noun_more = (key for i, keys in more.items() if noun[i] for key in keys)
    shared = others.intersection(chain(compress(folded, noun), noun_more))
    if not shared:
        return {}
    # the few entries that share a key, found in one C pass over the keys
    sharing = set(compress(count(), map(shared.__contains__, folded)))
    sharing.update(i for i, keys in more.items() if not shared.isdisjoint(keys))
    return {i: bool(noun[i]) for i in sorted(sharing)}


def tie_breaks(entries: list[Entry]) -> TieBreaks:
    """What decides between two readings of one span beyond their rank, by entry index:
    the word class of entries sharing a spelling across classes (True for the noun-like
    one, :func:`shared_word_classes`), and for the other term pairs (pos "other") their
    spelling (or spellings).

    A pair's spelling is the word as the user wrote it: where another entry's generated
    form is the same word (``Forderungen,demands`` beside the curated Forderung, plural
    Forderungen; or beside the pair ``Forderung,claim``), the exact spelling wins."""
    poses = list(map(attrgetter("pos"), entries))
    headwords = list(map(attrgetter("de"), entries))
    marks: TieBreaks = {}  # spellings folded only at a tie: 100k pairs, a few ties
    for i, pos in enumerate(poses):
        if pos == "other":
            entry = entries[i]
            marks[i] = entry.german_terms if entry.de_alt or entry.de_abbr else headwords[i]
    marks.update(shared_word_classes(entries, poses, headwords))
    return marks


def case_penalty(text: str, candidate: Candidate, word_class: TieBreaks) -> int:
    """1 when ``candidate`` is the reading of a shared spelling its case argues against;
    -1 for a term pair's spelling as written (:func:`tie_breaks`); 0 otherwise."""
    mark = word_class.get(candidate[5])
    if mark is None:
        return 0
    if type(mark) is str:
        return -1 if fold_key(text[candidate[0] : candidate[1]]) == fold_key(mark) else 0
    if type(mark) is tuple:
        found = fold_key(text[candidate[0] : candidate[1]])
        return -1 if any(fold_key(term) == found for term in mark) else 0
    return 0 if mark == noun_reading(text, candidate[0]) else 1


def noun_reading(text: str, start: int) -> bool:
    """Is the word at ``start`` a noun by its case (das Eingreifen) rather than a verb?

    Lower-case is a verb. A capital is a noun unless the word starts a sentence, a line
    or a quotation (verbs are capitalised there too) and no article, determiner or
    preposition comes right before it.
    """
    if not text[start : start + 1].isupper():
        return False
    i = start
    boundary = False
    while i > 0:
        c = text[i - 1]
        if c == "\n":
            # a line break: a heading or paragraph starts after a blank line or after a
            # line that ends a sentence; otherwise the text is merely wrapped
            j = text.rfind("\n", 0, i - 1)
            line = text[j + 1 : i - 1].rstrip()
            if not line or line[-1] in SENTENCE_ENDS or line[-1] in OPENERS:
                boundary = True
                break
            i -= 1
        elif c.isspace() or c == "\u00ad":
            i -= 1
        elif c in OPENERS:
            boundary = True  # a quotation starts: unless a determiner comes before it
            i -= 1
        else:
            break
    else:  # the text starts here
        return _BEFORE_ZUFOLGE.match(text, start) is not None
    j = i
    while j > 0 and (text[j - 1].isalpha() or "\u0300" <= text[j - 1] <= "\u036f"):
        j -= 1  # over combining marks too: "über" decomposed is a preposition all the same
    word = text[j:i]
    if not word.isalpha():
        word = unicodedata.normalize("NFC", word)
    if j < i and word.lower() in NOUN_MARKERS:
        return True
    if boundary or text[i - 1] in SENTENCE_ENDS:
        # "Berichten zufolge": a dative before its postposition, not a verb
        return _BEFORE_ZUFOLGE.match(text, start) is not None
    return True
