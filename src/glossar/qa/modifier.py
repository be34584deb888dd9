"""Whether a deprecated "the …" name is the name or the article of the noun after it.

"the Ukraine" is deprecated for Ukraine, but in "the Ukraine crisis" the article belongs
to "crisis" ("the crisis over Ukraine"): flagging it was a false alarm a tester found.
The English decides for the usual head nouns (crisis, war, border …); for any other
lower-case word the German must show the name modifying a noun ("Ukraine-Krise",
"Krise der Ukraine").
"""

from __future__ import annotations

import re

from glossar.text.language import GERMAN_STOPWORDS

__all__ = ["article_of_next_noun"]

#: Words after "the Ukraine" that show the article is the name's own (a verb, a function
#: word): "the Ukraine is", "the Ukraine and Russia".
_NOT_HEAD_WORDS = (
    "is are was were be been has had have and or of in on to for with by from as at said "
    "says will would can could must should may might also not that which who whom but "
    "than into after before"
)
_NOT_HEAD_NOUNS = frozenset(_NOT_HEAD_WORDS.split())
#: Nouns that a name modifies with the article belonging to them ("the Ukraine crisis"
#: is "the crisis over Ukraine"), whatever the German says.
_HEAD_WORDS = (
    "crisis crises war wars conflict conflicts border borders government governments "
    "invasion talks policy question issue deal front frontier offensive"
)
_HEAD_NOUNS = frozenset(_HEAD_WORDS.split())
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")
#: German words before "der Ukraine" that make it no genitive of a noun ("In der Ukraine").
_GERMAN_NOT_NOUN_WORDS = (
    "in an auf aus bei mit nach von vor zu zur zum seit über unter hinter neben zwischen "
    "gegen gegenüber wegen trotz während für durch um ohne als wie und oder aber denn "
    "dass weil wenn ob auch nur noch schon"
)
_GERMAN_NOT_NOUNS = frozenset(_GERMAN_NOT_NOUN_WORDS.split())


def _german_modifier(source: str, name: str) -> bool:
    """Whether the German has ``name`` modifying a noun: in a compound ("Ukraine-Krise",
    "Ukrainekrieg") or as a genitive after one ("die Krise der Ukraine")."""
    escaped = re.escape(name)
    if re.search(rf"(?<!\w){escaped}(?:-\w|[a-zäöüß]{{3,}})", source):
        return True
    for hit in re.finditer(rf"(?<!\w)([A-ZÄÖÜ]\w*)\s+(?:der|des)\s+{escaped}(?!\w)", source):
        word = hit.group(1).casefold()
        if word not in _GERMAN_NOT_NOUNS and word not in GERMAN_STOPWORDS:
            return True
    return False


def article_of_next_noun(target: str, end: int, name: str, source: str | None) -> bool:
    """Whether the "the" of a deprecated "the Ukraine" found up to ``end`` belongs to the
    noun after it ("the Ukraine crisis"), so the name itself is written without it."""
    nxt = _NEXT_WORD.match(target, end)
    if nxt is None or nxt.group(1) in _NOT_HEAD_NOUNS:
        return False
    if nxt.group(1) in _HEAD_NOUNS:
        return True
    return source is not None and _german_modifier(source, name)
