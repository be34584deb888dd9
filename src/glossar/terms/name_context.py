"""Names around a term: a given name before a surname (Christian Kern), a capitalised
adjective of a multi-word name (Vereinte Nationen), a short quoted title („Das Erwachen
der Macht“). The term guards (:mod:`glossar.terms.guards`) drop a common word found
inside such a name; this module says where the names are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from glossar.terms.case import NOUN_MARKERS
from glossar.terms.lexicon import is_capital_word, is_lower_word
from glossar.text.fold import DROPPED, visible
from glossar.text.names import given_names

#: Nouns before a quotation that make it a title ("der Film „Das Erwachen der Macht“").
TITLE_NOUNS = frozenset(
    ["film", "buch", "roman", "serie", "album", "lied", "song", "titel", "stück", "oper"]
    + ["show", "sendung", "zeitung", "magazin", "ausstellung", "spiel", "motto", "kampagne"]
    + ["filmreihe", "kinofilm", "fernsehserie", "single", "werk", "gedicht", "theaterstück"]
)
_TITLE_SMALL = frozenset(
    ["der", "die", "das", "des", "dem", "den", "von", "und", "im", "in", "am", "auf", "aus"]
    + ["für", "mit", "zu", "zum", "zur", "vom", "ein", "eine", "einer", "eines", "of", "the"]
)
ADJECTIVE_ENDINGS = ("e", "er", "es", "en", "em")
#: A capitalised word with an adjective ending, a space and a capital (Vereinte Nationen).
#: (Combining marks are allowed so that decomposed text is read as composed text is.)
#: (Letters, NFD marks and invisible ones: a soft hyphen or a zero-width space copied
#: from a web page, "Demok\u00adratischer".)
CAP_ADJ = re.compile(f"[A-ZÄÖÜ](?:[a-zäöüß\u0300-\u036f{DROPPED}])+(?:e|er|es|en|em) (?=[A-ZÄÖÜ])")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")
_ADJ_LAST = frozenset("enrsm")

#: Quotations that may be titles, one per style (German, guillemets, English).
_QUOTED = (
    re.compile("„[A-ZÄÖÜ][^„“\n]{2,58}“"),
    re.compile("»[A-ZÄÖÜ][^»«\n]{2,58}«"),
    re.compile("“[A-ZÄÖÜ][^“”„\n]{2,58}”"),
)
#: The longest capitalised word with its space the name guards read before a term.
NAME_REACH = 41


def _given_name_forms() -> set[str]:
    """Every given name, composed and decomposed (Jörg, Jo\u0308rg), with those that are
    words too (:data:`GIVEN_NAME_WORDS`: the surname after Roman in "Roman Herzog")."""
    return {
        form
        for name in (*given_names(), *GIVEN_NAME_WORDS)
        for form in (name, unicodedata.normalize("NFD", name))
    }


@lru_cache(maxsize=1)
def given_name_tails() -> tuple[frozenset[str], frozenset[str]]:
    """The last four characters of every given name of four or more, and the names of
    three, composed and decomposed (Jörg, Jo\u0308rg): a word before a candidate that
    ends in none of them is no given name."""
    tails: set[str] = set()
    short: set[str] = set()
    for form in _given_name_forms():
        (tails if len(form) >= 4 else short).add(form[-4:])
    return frozenset(tails), frozenset(short)


@lru_cache(maxsize=1)
def _given_name_pattern() -> re.Pattern[str]:
    """Every given name and a space after it, composed and decomposed, as one expression
    shaped like a trie (a scan at C speed that stops only at a name's first letter)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for form in _given_name_forms():
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_trie_pattern(trie) + " ")


def _trie_pattern(node: dict) -> str:  # type: ignore[type-arg]
    alternatives = [re.escape(ch) + _trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    if len(alternatives) == 1 and "" not in node:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + (")?" if "" in node else ")")


def surname_starts(text: str) -> set[int]:
    """Every ``s`` where :func:`after_given_name` holds: each given name found in
    ``text`` (and an initial after it: George W. Bush) is asked once."""
    out: set[int] = set()
    for m in _given_name_pattern().finditer(text):
        s = m.end()
        if s < len(text) and after_given_name(text, s):
            out.add(s)
        t = s + 3  # after an initial
        if t < len(text) and text[s + 1 : t] == ". " and after_given_name(text, t):
            out.add(t)
    return out


def after_given_name(text: str, s: int) -> bool:
    """Is the capitalised word at ``s`` (after a space) a surname: does a given name come
    right before it (Christian Kern, Frank-Walter Steinmeier, George W. Bush)?"""
    if not text[s].isupper():
        return False
    j = s - 1
    if text[j - 1] == "." and j >= 3 and text[j - 2].isupper() and text[j - 3] == " ":
        j -= 3  # an initial between: George W. Bush
    k = j
    stop = max(0, j - NAME_REACH)
    while k > stop and (
        text[k - 1].isalpha() or text[k - 1] == "-" or "\u0300" <= text[k - 1] <= "\u036f"
    ):
        k -= 1  # (over combining marks: a decomposed Jörg is Jörg)
    if k == j or not text[k].isupper():
        return False
    word = unicodedata.normalize("NFC", text[k:j])
    names = given_names()
    if word in GIVEN_NAME_WORDS:  # Roman Herzog, Ernst Strasser
        return given_name_here(text, k, j)
    return word in names or ("-" in word and word.rsplit("-", 1)[1] in names)


#: Given names that are words too (der Roman, 100 Mark, der Wolf, im August): the name
#: list leaves them out, so they are a given name only before a surname and without an
#: article, number or time word before them (Mark Zuckerberg, Bundespräsident Roman
#: Herzog, Ernst Strasser, August Bebel, Wolf Biermann).
GIVEN_NAME_WORDS = frozenset(
    ["Mark", "Roman", "Wolf", "Ernst", "Rose", "Kai", "August", "Iris", "Heide", "Erika"]
    + ["Jasmin", "Frank"]
)
#: Words before such a word that make it the common word: articles and determiners,
#: contractions with an article, number and time words (der Roman, 100 Mark, Millionen
#: Mark, im August, Anfang August, seit August).
_COMMON_BEFORE = frozenset(
    ["der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer"]
    + ["eines", "kein", "keine", "keinen", "keinem", "keiner", "dieser", "diese"]
    + ["diesen", "diesem", "dieses", "jeder", "jeden", "jedem", "sein", "seine", "seinen"]
    + ["seinem", "ihr", "ihre", "ihren", "ihrem", "mein", "meine", "unser", "unsere"]
    + ["im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "aufs", "ab", "seit", "bis"]
    + ["anfang", "mitte", "ende", "monat", "millionen", "milliarden", "tausend"]
    + ["hundert", "vor", "nach", "von", "und", "oder", "zwischen", "letzten", "nächsten"]
)
_SURNAME_AFTER = re.compile("[A-ZÄÖÜ](?:[a-zäöüß̀-ͯ]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?|\\.)")
_WORD_BEFORE = re.compile("([^\\W\\d_]+|\\d[\\d.,]*) +$")


def given_name_here(text: str, s: int, e: int) -> bool:
    """Is the word from ``s`` to ``e`` (one of :data:`GIVEN_NAME_WORDS`) a given name
    here: before a capitalised word or an initial (Mark Zuckerberg, Ernst A. Grandits),
    with no article, number or time word before it?"""
    if text[e : e + 1] != " ":
        return False
    m = _SURNAME_AFTER.match(text, e + 1)
    if m is None or m.group().lower() in NOUN_MARKERS:
        return False
    before = _WORD_BEFORE.search(text, max(0, s - 40), s)
    if before is None:
        return s == 0 or text[s - 1] not in "-/"
    word = before.group(1)
    return not (word[0].isdigit() or word.lower() in _COMMON_BEFORE)


def epithet(text: str, s: int) -> bool:
    """Is the capitalised word at ``s`` a ruler's epithet: a given name and its article
    before it (Ludwig der Deutsche, Katharina die Große, Alexander der Große)?"""
    if s < 6 or text[s - 5 : s] not in (" der ", " die "):
        return False
    j = s - 5  # the space before the article
    k = j
    stop = max(0, j - NAME_REACH)
    while k > stop and (text[k - 1].isalpha() or "\u0300" <= text[k - 1] <= "\u036f"):
        k -= 1
    if k == j or not text[k].isupper():
        return False
    return unicodedata.normalize("NFC", text[k:j]) in given_names()


@lru_cache(maxsize=8192)
def capital_adjective(word: str) -> bool:
    """A capitalised word that is an adjective in lower case (Vereinte, Demokratischer),
    and no place's adjective (Hamburger, Wiener, Schweizer): German capitalises those
    always, so they say nothing of a name ("des Hamburger Hauses", "der Wiener
    Bürgermeister"), as Berliner and Münchner, which the lexicon lacks, never did."""
    word = visible(word)
    if len(word) < 4 or not word[0].isupper() or not word.endswith(ADJECTIVE_ENDINGS):
        return False
    if not word[1:].islower():
        return False
    low = word.lower()
    if low in NOUN_MARKERS or not is_lower_word(low):
        return False
    if low.endswith("er"):
        return not _place_adjective(word)
    return _adjective_stem(low)


def _place_adjective(word: str) -> bool:
    """Is ``word`` (…er) a place's name and -er: a name the lexicon knows only with a
    capital (Hamburg, Wien, Schweiz; not Rot, Deutsch, Weiß, which are adjectives too)?"""
    stem = word[:-2]
    return len(stem) >= 3 and is_capital_word(stem) and not is_lower_word(stem.lower())


def _adjective_stem(low: str) -> bool:
    """Does ``low`` (vereinte, demokratischen) inflect a word the lexicon knows in lower
    case (vereint, demokratisch)? Nouns the lexicon also lists in lower case from fixed
    phrases ("unter umständen", "mit worten") do not: Umständen is no adjective."""
    for ending in ("em", "en", "es", "e"):
        if low.endswith(ending):
            stem = low[: -len(ending)]
            break
    else:
        return False
    if is_lower_word(stem):
        return True
    if stem.endswith(("l", "r")) and is_lower_word(stem[:-1] + "e" + stem[-1]):
        return True  # dunkle, teure: dunkel, teuer
    if stem.endswith("h") and is_lower_word(stem[:-1] + "ch"):
        return True  # hohe: hoch
    return stem.endswith("st") and is_lower_word(stem[:-2])  # Oberste: ober


def name_context(text: str, s: int, e: int) -> tuple[bool, bool, bool]:
    """What :meth:`Guards.keep` finds by scanning a dense text, for one span: a
    capitalised adjective-like word right before it, one right after it (before a
    capital), and whether it sits inside a short quoted title."""
    before = after = title = False
    # each test first asks for the characters its expression needs (a capital after the
    # space, the last letter of an adjective ending before it, a quotation mark)
    if s > 1 and text[s - 1] == " " and text[s - 2] in _ADJ_LAST and text[s] in _CAPITALS:
        # the word before: back to white space of any kind (a line break too), as the
        # whole-text scan of a dense text finds it
        j = s - 2
        stop = max(0, s - NAME_REACH)
        while j > stop and not text[j - 1].isspace():
            j -= 1
        if not j or text[j - 1].isspace():  # else no word of its own within reach
            m = CAP_ADJ.match(text, j)
            before = m is not None and m.end() == s
    if text[e : e + 1] == " " and text[e + 1 : e + 2] in _CAPITALS:
        m = CAP_ADJ.match(text, e + 1)
        after = m is not None
    reach = max(0, s - 60)
    window = text[reach:s]
    if "„" not in window and "»" not in window and "“" not in window:
        return before, after, title
    q = max(text.rfind(c, reach, s) for c in "„»“")
    if q >= 0:
        for quoted in _QUOTED:
            m = quoted.match(text, q)
            if m is not None and m.end() >= e and _is_title(text, q, m.end() - 1):
                title = True
    return before, after, title


def title_positions(text: str) -> set[int]:
    """Every position inside a short quoted title in ``text`` („Das Erwachen der Macht“).

    One literal-led expression per quotation style: they scan text at C speed.
    """
    out: set[int] = set()
    for quoted in _QUOTED:
        for m in quoted.finditer(text):
            if _is_title(text, m.start(), m.end() - 1):
                out.update(range(m.start() + 1, m.end() - 1))
    return out


def _is_title(text: str, q: int, close: int) -> bool:
    """Is the quotation between ``q`` and ``close`` a short title, not a statement?"""
    inner = text[q + 1 : close]
    words = inner.split()
    if not 2 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    if any(c in inner for c in ".!?:;,"):
        return False
    if any(w.islower() and w not in _TITLE_SMALL for w in words):
        return False
    before = text[max(0, q - 40) : q].split()
    return bool(before) and (
        before[-1].lower().strip(",") in TITLE_NOUNS or words[0] in ("Der", "Die", "Das")
    )
