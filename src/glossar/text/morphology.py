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


def noun_forms(
    word: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Singular and plural forms of a German noun, the given word first.

    ``proper`` names (Tokajew, Russland) only take a genitive ``-s``.
    """
    forms: list[str] = [word]

    def add(*ws: str | None) -> None:
        for w in ws:
            if w and w not in forms:
                forms.append(w)

    last = word[-1:].lower()
    if proper or word.isupper():
        if last not in "sxzß":
            add(word + "s")
        return forms
    if genitive:
        add(genitive)
    if plural:
        add(plural)
        if not plural.endswith(("n", "s")):
            add(plural + "n")
    lw = word.lower()
    if last in "aiouy" or lw.endswith(("é", "ee")) and gender != "f":
        add(word + "s")  # Auto → Autos, Kaffee → Kaffees
        return forms
    if lw.endswith("nis"):
        add(word + "ses", word + "se", word + "sen")
        return forms
    if gender == "f":
        if lw.endswith("in"):
            add(word + "nen")
        elif last == "e" or lw.endswith(("el", "er")):
            add(word + "n")
        elif lw.endswith(_FEMININE_EN):
            add(word + "en")
        else:
            uml = umlauted(word)
            add(word + "en", word + "e", word + "n")
            if uml:
                add(uml + "e", uml + "en")
        return forms
    # masculine and neuter
    if last == "e":  # weak masculine (Kollege, Russe) or neuter (Gebäude)
        add(word + "n", word + "s")
        return forms
    if lw.endswith(("el", "er", "en", "chen", "lein")):
        uml = umlauted(word) if gender == "m" and lw.endswith(("el", "er")) else None
        add(word + "s", word + "n")
        if uml:
            add(uml, uml + "n")
        return forms
    genitive_es = last in "sxzß" or lw.endswith(("sch", "tsch"))
    if genitive_es:
        add(word + "es")
    else:
        add(word + "s", word + "es")
    add(word + "e", word + "en")
    if gender == "n":
        add(word + "er", word + "ern")
    uml = umlauted(word)
    if uml:
        add(uml + "e", uml + "en")
        if gender == "n":
            add(uml + "er", uml + "ern")
    return forms


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


def phrase_forms(
    phrase: str,
    gender: str | None,
    *,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Forms of a multi-word term: adjectives before the head inflect, the head declines.

    Words after the head (genitive attributes, prepositional phrases) stay as they are.
    A ``plural``/``genitive`` given for the whole phrase contributes its head word.
    """
    tokens = phrase.split()
    if len(tokens) < 2:
        return noun_forms(phrase, gender, plural=plural, genitive=genitive, proper=proper)
    h = phrase_head(tokens)

    def head_word(full: str | None) -> str | None:
        if not full:
            return None
        parts = full.split()
        return parts[h] if len(parts) == len(tokens) else parts[-1] if len(parts) == 1 else None

    head = tokens[h]
    if head[:1].isupper():
        head_forms = noun_forms(
            head,
            gender,
            plural=head_word(plural),
            genitive=head_word(genitive),
            proper=proper and gender is None,
        )
    else:
        head_forms = adjective_forms(head) if h == len(tokens) - 1 else [head]
    slots: list[list[str]] = []
    for i, tok in enumerate(tokens):
        if i < h and not proper and not proper_like(tok):
            slots.append(adjective_forms(tok, attributive=True))
        elif i == h:
            slots.append(head_forms)
        else:
            slots.append([tok])
    out: list[str] = [phrase]
    _combine(slots, 0, [], out)
    for full in (plural, genitive):
        if full and " " in full and full not in out:
            out.append(full)
    return out


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


def inflected_forms(
    term: str,
    *,
    pos: str = "noun",
    gender: str | None = None,
    plural: str | None = None,
    genitive: str | None = None,
    proper: bool = False,
) -> list[str]:
    """Every form of ``term`` worth recognising, the term itself first.

    ``pos`` is the entry's part of speech; ``proper`` marks names (genitive ``-s`` only).
    Verbs, adverbs and "other" get no generated forms (list them in the entry's ``forms``).
    """
    if " " in term.strip():
        return phrase_forms(term, gender, plural=plural, genitive=genitive, proper=proper)
    if pos == "adjective":
        return adjective_forms(term)
    if pos in ("noun", "proper-noun", "phrase") or proper:
        return noun_forms(
            term, gender, plural=plural, genitive=genitive, proper=proper or pos == "proper-noun"
        )
    return [term]
