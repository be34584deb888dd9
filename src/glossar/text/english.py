"""Is this English term in this English text? One answer for every layer.

Enforcement (is the glossary's English already in the MT output?), the quality check
(is it in a human translation?) and the bilingual highlighter (where is it?) must agree,
or one layer "fixes" what another accepts. A term matches as whole words, each word in
any regular inflection (plural -s/-es/-ies, -ed/-ing with consonant doubling, a few
irregular verbs: "rushed to help", "intervened", "allies", "stepping in", "held talks"),
with a possessive at the end, and with words joined by a space, a hyphen or nothing
("mini-NATO", "mini NATO", "mininato"); a phrasal verb's particle may follow its object
("turns refugees back" is "turn back"). Short acronyms keep their case ("US" is not
"us"); a whole-term acronym of four or more letters matches as written or in title case
("NATO", "Nato"), never in lower case ("csto").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from glossar.text.english_verbs import IRREGULAR_VERBS, english_verb_form

__all__ = ["IRREGULAR_PLURALS", "english_present", "english_term_pattern", "find_english"]

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
_JOIN = r"[\s\-\u2010\u2011]*"
_POSSESSIVE = r"(?:['\u2019]s|['\u2019])?"
#: Forms of irregular verbs beyond those :func:`english_verb_form` writes: contractions
#: and the American participle.
_EXTRA_FORMS = {"be": ("am", "are", "were", "'m", "'s", "'re"), "get": ("gotten",)}
#: Irregular English verbs with every form, as enforcement writes them
#: (:data:`glossar.text.english_verbs.IRREGULAR_VERBS`): one table for both, so `check`
#: accepts whatever form enforcement put in ("held talks", "rushed to help").
_IRREGULAR = {
    base: tuple(
        dict.fromkeys(
            (
                base,
                *(english_verb_form(base, form) for form in ("third", "past", "participle", "ing")),
                *_EXTRA_FORMS.get(base, ()),
            )
        )
    )
    for base in IRREGULAR_VERBS
}
_IRREGULAR["one's"] = ("one's", "his", "her", "their", "its", "our", "my", "your")
#: Words in -man whose plural is -mans (German, human): the others take -men
#: (chairman, policeman), in enforcement's plural and in the forms found alike.
MAN_PLURAL_S = frozenset(["human", "german", "roman", "shaman", "talisman", "ottoman", "caiman"])
#: Irregular English noun plurals (also used by enforcement to pluralise a term).
IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "gentleman": "gentlemen",
    "child": "children",
    "person": "people",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "goose": "geese",
    "crisis": "crises",
    "analysis": "analyses",
    "thesis": "theses",
}
_IRREGULAR.update({k: (k, v) for k, v in IRREGULAR_PLURALS.items()})
_VOWELS = "aeiou"
#: Particles of phrasal verbs that may stand after the verb's object ("turned the
#: migrants back", "throw the case out"); not in, on, over: prepositions far more often.
_SPLIT_PARTICLES = frozenset(["back", "away", "down", "off", "out", "up", "aside"])
#: One to three words between a phrasal verb and its particle, within one clause: its
#: object, never a conjunction, a preposition or a verb form in -ing/-ed (in "turned and
#: walked down", "turned to Russia back in January", "kept coming up" the particle
#: belongs to another phrase).
_OBJECT = (
    r"(?:\s+(?!(?:and|or|but|nor|then|to|in|at|on|from|of|for|with|into|onto|by|about|over"
    r"|under|than|as|that|which|who|when|while|after|before|was|were|is|are|be|been)\b)"
    r"[^\W\d_][\w'\u2019-]*(?<!ing)(?<!ed)){1,3}\s+"
)
#: After a split particle: not the start of a phrase of its own ("walked down the
#: street", "back in January", "off the coast"). "at" may follow ("turned the refugees
#: back at the border").
_NOT_A_PHRASE = (
    r"(?!\s+(?:the|a|an|in|on|from|into|onto|this|that|these|those|his|her|its|their"
    r"|our|my|your)\b)"
)
#: Phrasal verbs that take no object between verb and particle: "crack down on the
#: protesters", never "crack the protesters down".
_NEVER_SPLIT = frozenset(
    ["crack down", "step in", "step down", "back down", "stand down", "break out"]
    + ["break down", "sit down", "back away", "back off", "die down", "die out"]
)


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isalpha() and word.isupper()


def _word_forms(word: str, phrase: bool = False) -> str:
    """A regex for one English word and its inflections (plural, 3rd person, -ed, -ing).

    Acronyms only take a plural -s, and those of up to three letters keep their case.
    Consonant doubling (stepped) and -y → -ies/-ied are covered; a few irregular verbs
    are listed in :data:`_IRREGULAR` (their noun plural in -s is admitted too: "haves").
    """
    lower = word.lower()
    if lower in _IRREGULAR:
        forms = (*_IRREGULAR[lower], lower + "s")
        return "(?:" + "|".join(re.escape(f) for f in forms) + ")"
    if _is_acronym(word):
        # short acronyms keep their case: "US" is not "us", "AFP" is not "afp"
        return f"(?-i:{re.escape(word)}s?)" if len(word) <= 3 else re.escape(word) + "s?"
    if len(word) < 2 or not word[-1].isalpha():
        return re.escape(word)
    forms = [re.escape(word) + "(?:s|es|ed|d|ing)?"]
    if phrase and len(lower) > 5 and lower.endswith(("ing", "ed")):
        # a glossary phrase in the -ing/-ed form ("pushing back") also admits the other
        # forms; a word alone does not: "backing" is not "back", "wounded" not "wound"
        # (a reviewer's "the back of the back" passed for Rückhalt → backing)
        stem = word[: -3 if lower.endswith("ing") else -2]
        forms.append(re.escape(stem) + "(?:e|es|s|ed|ing)?")
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(re.escape(stem[:-1]) + "(?:s)?")
    if lower[-1] == "y" and lower[-2] not in _VOWELS:
        forms.append(re.escape(word[:-1]) + "(?:ies|ied)")
    if lower.endswith("man") and lower not in MAN_PLURAL_S:
        forms.append(re.escape(word[:-3]) + "men")  # chairman → chairmen, as enforced
    if lower[-1] == "e":
        forms.append(re.escape(word[:-1]) + "ing")
    if (
        len(lower) > 2
        and lower[-1] not in _VOWELS + "wxy"
        and lower[-2] in _VOWELS
        and lower[-3] not in _VOWELS
    ):
        forms.append(re.escape(word + word[-1]) + "(?:ed|ing)")
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


@lru_cache(maxsize=4096)
def english_term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive pattern for an English term with its inflections.

    Each word may be inflected ("states of emergency", "rushed to help", "stepping in"),
    the term may end in a possessive 's or s', and words may be joined by a space, a
    hyphen or nothing ("Mini-NATO", "mini NATO"). A term that is one acronym of four or
    more letters matches as written or in title case only ("NATO", "Nato", not "nato").
    """
    words = [word for word in _SEPARATORS.split(term.strip()) if word]
    if len(words) == 1 and _is_acronym(words[0]) and len(words[0]) > 3:
        word = words[0]
        title = word[0] + word[1:].lower()
        body = f"(?-i:(?:{re.escape(word)}|{re.escape(title)})s?)"
    else:
        body = _JOIN.join(_word_forms(word, len(words) > 1) for word in words)
        if (
            len(words) == 2
            and words[1].lower() in _SPLIT_PARTICLES
            and words[0].isalpha()
            and " ".join(words).lower() not in _NEVER_SPLIT
        ):
            # a phrasal verb with its object between: "turns refugees back"
            particle = re.escape(words[1])
            body = f"(?:{body}|{_word_forms(words[0], True)}{_OBJECT}{particle}{_NOT_A_PHRASE})"
    if not body:
        return re.compile(r"(?!)")  # an empty term is never present
    return re.compile(rf"(?<!\w){body}{_POSSESSIVE}(?!\w)", re.IGNORECASE)


def find_english(text: str, terms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, term)`` where one of ``terms`` occurs in ``text``.

    Leftmost first; where two terms start at the same place the longer match wins, so
    "Collective Security Treaty Organization" beats "Organization".
    """
    found: list[tuple[int, int, str]] = []
    for term in dict.fromkeys(terms):
        if term:
            found.extend(
                (m.start(), m.end(), term) for m in english_term_pattern(term).finditer(text)
            )
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str]] = []
    end = -1
    for start, stop, term in found:
        if start >= end:
            out.append((start, stop, term))
            end = stop
    return out


def _contested(places: list[list[tuple[int, int]]]) -> bool:
    """Does a place of one entry overlap a place of another? (Swept by start: every
    place still open where the next starts is one entry's, or the answer is yes.)"""
    open_end, owner = -1, -1
    for a, b, k in sorted((a, b, k) for k, spans in enumerate(places) for a, b in spans):
        if a < open_end:
            if k != owner:
                return True
            open_end = max(open_end, b)
        else:
            open_end, owner = b, k
    return False


#: Entries english_claims seats by augmenting paths before it seats greedily.
_CLAIMS_SEARCHED = 40


def english_claims(text: str | None, wanted: Sequence[Sequence[str]]) -> list[bool]:
    """For each list of English terms in ``wanted`` (one per glossary entry, preferred
    first), whether ``text`` holds one of them at a place no other entry took.

    One English word stands for one German term: "demonstrators" is Demonstranten's or
    Protestierende's, not both (a tester's "found" for both where the model wrote one).
    Entries are given places of their own, places not overlapping (Präsident takes
    "president" when Staatschef has "head of state"; Mini-Nato takes "mini-NATO", so
    NATO, for Nordatlantikpakt, must be "North Atlantic alliance"), by augmenting paths
    as in bipartite matching, the most constrained entry first, each trying its
    preferred English's places first. (Overlapping places make it a heuristic: a long
    place may block two short ones.) Where no two entries' places overlap, each entry
    with a place has one at once; past _CLAIMS_SEARCHED contested entries the rest are
    seated greedily (a segment of hundreds of hits stays fast)."""
    found = [False] * len(wanted)
    if not text:
        return found
    places: list[list[tuple[int, int]]] = []
    for terms in wanted:
        spans = [h.span() for t in terms if t for h in english_term_pattern(t).finditer(text)]
        places.append(list(dict.fromkeys(spans)))
    if not _contested(places):
        return [bool(spans) for spans in places]
    owner: dict[tuple[int, int], int] = {}

    def seat(k: int, reserved: list[tuple[int, int]], tried: set[tuple[int, int]]) -> bool:
        for place in places[k]:
            a, b = place
            if place in tried or any(x < b and a < y for x, y in reserved):
                continue
            tried.add(place)
            blockers = [q for q in owner if q[0] < b and a < q[1]]
            before = dict(owner)
            for q in blockers:
                del owner[q]
            if all(
                seat(owner_k, [*reserved, place], tried)
                for owner_k in [before[q] for q in blockers]
            ):
                owner[place] = k
                return True
            owner.clear()
            owner.update(before)
        return False

    for n, k in enumerate(sorted(range(len(wanted)), key=lambda k: len(places[k]))):
        if not places[k]:
            continue
        if n < _CLAIMS_SEARCHED:
            seat(k, [], set())
            continue
        free = next(  # greedily: the first place nothing overlaps
            (p for p in places[k] if not any(q[0] < p[1] and p[0] < q[1] for q in owner)), None
        )
        if free is not None:
            owner[free] = k
    for k in owner.values():
        found[k] = True
    return found


def english_present(text: str | None, terms: Iterable[str]) -> bool:
    """Whether one of ``terms`` occurs in ``text`` (whole words, inflection allowed)."""
    if not text:
        return False
    return any(english_term_pattern(t).search(text) for t in terms if t)
