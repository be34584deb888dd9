"""The rules every glossary entry obeys, wherever it comes from.

One home for them: the TOML loader and every importer (TBX, CSV/TSV, JSON) check entries
with :func:`check_entry` and German spellings with :func:`german_claims`, so what
``glossar glossary import`` writes always loads, and both report the same problems in
the same words. Callers decide how a problem is located (``PATH:LINE: FIELD: problem``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from glossar.glossary.model import COMPOUND_VALUES, GENDER_VALUES, KIND_VALUES, POS_VALUES, Entry
from glossar.i18n import _
from glossar.neutralise import text_problem
from glossar.text.fold import fold_key

#: Entry fields in the order glossary files write them (docs/glossary-format.md).
ENTRY_FIELDS = (
    "id", "de", "pos", "gender", "kind", "plural", "genitive", "forms", "de_alt", "de_abbr",
    "en", "en_alt", "en_abbr", "en_deprecated", "literal", "definition", "note", "domain",
    "example_de", "example_en", "senses", "compound", "compound_except",
)  # fmt: skip
LIST_FIELDS = frozenset(
    {
        "forms",
        "de_alt",
        "de_abbr",
        "en_alt",
        "en_abbr",
        "en_deprecated",
        "senses",
        "compound_except",
    }
)
TEXT_FIELDS = tuple(f for f in ENTRY_FIELDS if f not in LIST_FIELDS)
#: Fields whose values are terms: no surrounding spaces, no control characters.
TERM_FIELDS = frozenset({"de", "en", "plural", "genitive", *LIST_FIELDS})
REQUIRED_FIELDS = ("id", "de", "en")

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")

#: Unicode categories Cc and Cf (control and format characters) except the soft hyphen.
_BAD_CHARS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


_SURROGATE = re.compile("[\ud800-\udfff\ufffe\uffff]")
#: A term without a letter or digit, among terms with NUL before and after each ("-",
#: "…": a third-party TBX file's dash became a German term that marked every dash in a
#: text). A literal NUL first: the search skips to each one at C speed.
_WORDLESS = re.compile(r"\x00(?:[^\w\x00]|_)+(?=\x00)")


def wordless(terms: str) -> bool:
    """Is any term in ``terms`` (NUL between terms) without a letter or digit?"""
    return _WORDLESS.search(f"\x00{terms}\x00") is not None


def term_problem(term: str) -> str | None:
    """Why ``term`` cannot be a glossary term (DeepL refuses the same), or None."""
    if not term:
        return _("empty term")
    if term[0].isspace() or term[-1].isspace():
        return _("leading or trailing space in {term}").format(term=repr(term))
    if _BAD_CHARS.search(term) or _SURROGATE.search(term):
        return _("control or format character in {term}").format(term=repr(term))
    if wordless(term):
        return _("no letter or digit in {term}").format(term=repr(term))
    return None


def check_entry(
    raw: Mapping[str, Any], report: Callable[[str, str], None]
) -> dict[str, Any] | None:
    """Check one entry's fields; call ``report(field, problem)`` for each problem.

    Returns the clean values (lists as tuples), ready for ``Entry(**values)``, or None
    when anything was wrong.
    """
    fast = _clean_values(raw)
    if fast is not None:
        return fast
    ok = True

    def bad(field: str, message: str) -> None:
        nonlocal ok
        ok = False
        report(field, message)

    for key in raw:
        if key not in ENTRY_FIELDS:
            bad(key, _("unknown field"))
    for key in REQUIRED_FIELDS:
        if key not in raw:
            bad(key, _("required field is missing"))
    values: dict[str, Any] = {}
    for key in TEXT_FIELDS:
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, str):
            bad(key, _("must be a string, not {kind}").format(kind=type(value).__name__))
        elif reason := (term_problem(value) if key in TERM_FIELDS else text_problem(value)):
            bad(key, reason)
        else:
            values[key] = value
    for key in LIST_FIELDS:
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            bad(key, _("must be a list of strings"))
            continue
        reasons = [r for r in map(term_problem, value) if r]
        for reason in reasons:
            bad(key, reason)
        if not reasons:
            values[key] = tuple(value)
    if "id" in values and not ID_RE.match(values["id"]):
        message = _("{id} is not a valid id (lower-case letters, digits, '-')")
        bad("id", message.format(id=repr(values["id"])))
    checked = (
        ("pos", POS_VALUES), ("gender", GENDER_VALUES), ("kind", KIND_VALUES),
        ("compound", COMPOUND_VALUES),
    )  # fmt: skip
    for key, allowed in checked:
        if key in values and values[key] not in allowed:
            message = _("{value} is not one of {allowed}")
            bad(key, message.format(value=repr(values[key]), allowed=", ".join(allowed)))
    if values.get("pos", "noun") == "noun" and "gender" not in raw and "de" in values:
        bad("gender", _("a noun needs a gender (m, f or n)"))
    if (term := deprecated_in_use(values)) is not None:
        message = _("{term} is also English to use here (en, en_alt or en_abbr)")
        bad("en_deprecated", message.format(term=repr(term)))
    if (reason := senses_problem(values)) is not None:
        bad("senses", reason)
    return values if ok else None


def senses_problem(values: Mapping[str, Any]) -> str | None:
    """Why an entry's ``senses`` cannot stand, or None: an unsure entry offers at least
    two senses, its ``en`` among them (the first choice shown; a tester's one-sense entry
    was "unsure, senses: apple")."""
    senses = values.get("senses")
    if not senses:
        return None
    if len(senses) < 2:
        return _("an unsure entry offers at least two senses (none: a sure entry)")
    en = values.get("en")
    if en is not None and en not in senses:
        return _("{en} (en) is not one of the senses").format(en=repr(en))
    return None


def deprecated_in_use(values: Mapping[str, Any]) -> str | None:
    """An ``en_deprecated`` term that is also one of the entry's English terms to use,
    spelt the same, or None. One term cannot be both: ``lookup`` would show it as to
    use and to avoid. (Spellings that differ only in case are fine: ``IL-76`` is to
    avoid beside ``Il-76``, and ``check`` tells them apart.)"""
    avoid = values.get("en_deprecated")
    if not avoid:
        return None
    use = {values.get("en"), *values.get("en_alt", ()), *values.get("en_abbr", ())}
    return next((term for term in avoid if term in use), None)


_TEXT_SET = frozenset(TEXT_FIELDS)
_CHOICES = {"pos": POS_VALUES, "gender": GENDER_VALUES, "kind": KIND_VALUES}


def _clean_values(raw: Mapping[str, Any]) -> dict[str, Any] | None:
    """:func:`check_entry`'s values for an entry with nothing wrong, in one pass over its
    fields and one control-character search over all its terms; None when anything is
    unusual (the full check then finds and reports it); the check takes a quarter less."""
    values: dict[str, Any] = {}
    terms: list[str] = []
    for key, value in raw.items():
        if key in _TEXT_SET:
            if type(value) is not str:
                return None
            if key in TERM_FIELDS:
                if not value or value[0].isspace() or value[-1].isspace():
                    return None
                terms.append(value)
            elif text_problem(value):
                return None
            values[key] = value
        elif key in LIST_FIELDS:
            if type(value) is not list:
                return None
            for item in value:
                if type(item) is not str or not item or item[0].isspace() or item[-1].isspace():
                    return None
            terms.extend(value)
            values[key] = tuple(value)
        else:
            return None
    if "id" not in values or "de" not in values or "en" not in values:
        return None
    joined = " ".join(terms)
    if _BAD_CHARS.search(joined) or _SURROGATE.search(joined) or not ID_RE.match(values["id"]):
        return None
    if wordless("\x00".join(terms)):
        return None
    for key, allowed in _CHOICES.items():
        if key in values and values[key] not in allowed:
            return None
    if "compound" in values and values["compound"] not in COMPOUND_VALUES:
        return None
    if values.get("pos", "noun") == "noun" and "gender" not in values:
        return None
    if "en_deprecated" in values and deprecated_in_use(values) is not None:
        return None
    if "senses" in values and senses_problem(values) is not None:
        return None
    return values


#: Parts of speech spelled with a capital in German (the rest may share their spellings).
NOUN_LIKE_POS = frozenset({"noun", "proper-noun"})


#: Parts of speech that say nothing of the word class: a capital then says noun.
UNSAID_POS = frozenset({"other", "phrase"})


def noun_like(pos: str, de: str) -> bool:
    """Whether an entry reads as a noun where case tells word classes apart: a noun's
    pos, or a headword spelled with a capital under a pos that names no word class (a
    user's "Ausnahmezustand" imported as pos "other" is no verb that case could tell
    apart from the curated noun: it claims the noun's spelling, and a later layer wins).
    An adjective, verb or adverb stays one however it is capitalised."""
    return pos in NOUN_LIKE_POS or (pos in UNSAID_POS and de[:1].isupper())


def noun_like_flags(poses: Sequence[str], headwords: Sequence[str]) -> bytearray:
    """:func:`noun_like` of each entry by columns (1: noun-like): the pos alone decides
    but for the few entries of a pos that names no word class (one C pass, not a Python
    call per entry: 0.02 s at 100k entries)."""
    flags = bytearray(map(NOUN_LIKE_POS.__contains__, poses))
    unsaid = bytearray(map(UNSAID_POS.__contains__, poses))
    i = unsaid.find(1)
    while i >= 0:
        flags[i] = noun_like(poses[i], headwords[i])
        i = unsaid.find(1, i + 1)
    return flags


def german_claims(entry: Entry) -> Iterable[tuple[str, str]]:
    """(key, spelling) for every German spelling an entry claims. Two entries may not
    share a key.

    Words are compared case- and umlaut-folded within one word class: a nominalised verb
    is spelled like its verb except for case (das Eingreifen / eingreifen), so a noun-like
    entry (noun, proper noun) and another entry (verb, adjective, ...) may share a
    spelling, and term recognition tells them apart by case (:func:`noun_like`: a
    headword with a capital counts as a noun). Abbreviations are compared
    case-sensitively, across word classes.
    """
    word_class = "n:" if noun_like(entry.pos, entry.de) else "w:"
    for term in (entry.de, *entry.de_alt, *entry.forms):
        yield word_class + fold_key(term), term
    for abbr in entry.de_abbr:
        yield "abbr:" + abbr, abbr


def may_share_a_claim(first: Entry, second: Entry, key: str) -> bool:
    """May two entries of one file both claim ``key``? Only where one lists it among its
    ``forms`` and the other is a term pair (pos "other") spelling it: the user's English
    for that form alone (``verlautet,reportedly`` beside "verlauten lassen"), which term
    recognition gives the pair (the spelling as written wins)."""

    def form_only(entry: Entry) -> bool:
        word_class = "n:" if noun_like(entry.pos, entry.de) else "w:"
        heads = {word_class + fold_key(t) for t in (entry.de, *entry.de_alt)}
        return key not in heads and key in {word_class + fold_key(f) for f in entry.forms}

    return (first.pos == "other" and form_only(second)) or (
        second.pos == "other" and form_only(first)
    )


def infinitive_shaped(term: str) -> bool:
    """Could ``term`` be an infinitive written as a noun (Eingreifen, Verhandeln)?"""
    return term[:1].isupper() and term.endswith(("en", "ern", "eln")) and " " not in term
