"""The words around a line break: what a line's last word and the next line's first say
about whether the break goes on with its sentence.

:mod:`glossar.text.line_breaks` decides each break from the layout (widths, lists,
tables, quotes) and asks this module about the words: a line that ends with an article,
a preposition or an adjective before its noun goes on (:func:`_goes_on`); a paragraph's
first line, which a headline looks like, goes on only where its words show prose
(:func:`_ends_soon`, :func:`_goes_on_to`, :data:`_CLAUSE`) and the next line opens no
text (:func:`_opens_sentence`: an article, an adverb, a dateline). Measured in
docs/decisions.md ("Wrapped text", "A paragraph's first line").
"""

from __future__ import annotations

import re

from glossar.text.months import AUSTRIAN_MONTHS, GERMAN_MONTHS

#: Opening quotes and brackets (a sentence may start with one).
OPENING = "„‚\"'»«([`"

#: Words no sentence or headline ends with (articles, determiners, conjunctions,
#: prepositions): a line ending in one goes on after its line break. Not the
#: prepositions that are also a verb's particle, with which a headline may end
#: ("Russland greift ein", "Lage spitzt sich zu"): an, auf, aus, ein, mit, nach, über,
#: um, unter, vor, zu …
_GOES_ON = frozenset(
    ["der", "die", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines"]
    + ["und", "oder", "aber", "sondern", "dass", "weil", "wenn", "ob", "als", "wie"]
    + ["von", "vom", "zur", "zum", "im", "am", "beim", "für", "in", "ins", "zwischen"]
    + ["neben", "ohne", "seit", "bis", "während", "wegen", "trotz", "sowie"]
    + ["kein", "keine", "keinem", "seine", "seinen", "seinem", "seiner", "ihre"]
    + ["ihren", "ihrem", "ihrer", "diese", "diesen", "diesem", "dieser", "dieses"]
    + ["unsere", "unseren", "unserem", "unserer", "pro", "innerhalb", "außerhalb"]
    + ["anstatt", "mittels"]
)  # (not the pronouns a headline ends with: "Was bedeutet das", "… für jeden"; not
# "gegen" or "statt", particles too: "Regierung steuert gegen", "Gipfel findet statt")
#: Articles and determiners: an inflected word after one at a line's end is an
#: adjective, and its noun follows ("der russischen⏎Regierung"). Not a preposition
#: ("zu retten", "für alle", "vor dem Aus": a headline ends so).
_DETERMINERS = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"]
    + ["eines", "kein", "keine", "keinen", "keinem", "keiner", "dieser", "diese", "diesen"]
    + ["diesem", "dieses", "jeder", "jede", "jeden", "jedem", "seine", "seinen", "seinem"]
    + ["seiner", "ihre", "ihren", "ihrem", "ihrer", "unsere", "unseren", "unserer"]
)
#: Capitalised, a sentence's first word, which no headline ends with ("… sei.
#: Durch⏎Blockadeaktionen …"); not the particles that are nouns too ("vor dem Aus").
_OPENING_WORDS = _DETERMINERS | frozenset(
    ["mit", "nach", "bei", "über", "unter", "vor", "durch", "um", "für", "von", "in", "im"]
    + ["am", "zum", "zur", "beim", "vom", "seit", "während", "wegen", "ohne"]
)  # (not "Trotz", a noun too: "aus Trotz")
#: Words spelled like an inflected adjective after an article that are none: a
#: headline may end with them ("ein bisschen", "die anderen", "für alle").
_NOT_ADJECTIVES = frozenset(
    ["bisschen", "andere", "anderen", "anderer", "anderes", "alle", "allen", "beide"]
    + ["beiden", "viele", "vielen", "wenige", "wenigen", "einige", "einigen", "mehrere"]
    + ["allem", "alles", "jeden", "einen", "meisten", "besten", "größten", "ersten"]
    + ["letzten", "oben", "unten", "vorne", "hinten", "innen", "außen", "morgen"]
)  # (adverbs and pronouns after a preposition: "nach oben", "von morgen", "vor allem")
#: Prepositions (lower case) after which an inflected word is an adjective whose noun
#: follows ("über kollektive⏎Sicherheit"); not "zu" ("zu retten").
_CASE_PREPOSITIONS = frozenset(
    ["über", "unter", "mit", "nach", "bei", "von", "vom", "für", "gegen", "ohne", "aus"]
    + ["in", "im", "an", "am", "auf", "durch", "um", "seit", "während", "wegen", "trotz"]
    + ["zwischen", "neben", "hinter", "vor", "zum", "zur", "beim"]
)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
#: The longest word read at a line's end.
_LONGEST_WORD = 40


#: Horizontal white space around a line break.
_LINE_SPACE = " \t\r\f\v\u00a0"
#: What a blank line may hold between its two line breaks: white space, and an e-mail's
#: quote marks alone (">", "> >": a quoted blank line ends a paragraph as a blank one).
BLANK_LINE_FILL = r"[ \t\r\f\v\u00a0]*(?:>[ \t\r\f\v\u00a0]*)*"
#: An e-mail's quote marks at a line's start ("> ", "> > ", ">> "): the segmenter reads
#: a quoted line as the text after them, the model gets the sentence without them, and
#: `check` leaves them out of its segments.
QUOTE_MARKS = re.compile(r"(?:>[ \t]*)+")
#: The same marks right after a line break inside a sentence ("Ausnahme-⏎> zustand"),
#: as shown to a reader: not ">>" glued to a word (a typed quotation mark, ">>Wir<<").
QUOTED_LINE_START = re.compile(r"(?<=\n)[ \t]*>(?:[ \t>]*[ \t])?(?!>)")


def without_line_quote_marks(text: str) -> str:
    """``text`` (a sentence, a term, a piece of one) without a quoted e-mail's marks
    after its line breaks ("Ausnahme-⏎> zustand" → "Ausnahme-⏎zustand"), as a reader
    reads it: the marks are no words of the sentence."""
    return QUOTED_LINE_START.sub("", text) if "\n" in text and ">" in text else text


#: A day of a date at a line's end ("am 31.").
_DAY = re.compile(r"(?<![\d.])\b[0-3]?\d\.$")


def _month_at(text: str, k: int) -> bool:
    """Does a month's name start at ``k``?"""
    word = _next_word(text, k)
    return word in GERMAN_MONTHS or word in AUSTRIAN_MONTHS


#: Closing quotes and brackets after a sentence's end.
_CLOSING_QUOTES = "\"“”»«’'‘)]"


def _last_word(text: str, j: int) -> tuple[int, str]:
    """The word ending at ``j`` (letters and NFD marks, NFC) and where it starts; ""
    when a digit or another letter-like character is glued to it."""
    i = j
    while i > 0 and j - i <= _LONGEST_WORD and (text[i - 1].isalpha() or _mark(text[i - 1])):
        i -= 1
    if i > 0 and text[i - 1].isalnum():
        return i, ""
    word = text[i:j]
    if not word.isascii():
        import unicodedata

        word = unicodedata.normalize("NFC", word)
    return i, word


def _mark(char: str) -> bool:
    return "\u0300" <= char <= "\u036f"


def _goes_on(text: str, j: int) -> bool:
    """Does the line ending at ``j`` (not blank) end inside its sentence: a comma, a
    glued hyphen, a dash, an abbreviation that never ends one, a word of
    :data:`_GOES_ON`, an inflected word after an article?"""
    last = text[j - 1]
    if last == ",":
        return True
    if last in "-–—":
        if j >= 2 and (text[j - 2].isalnum() or _mark(text[j - 2])):
            return last == "-"  # Bundes-⏎Regierung, Covid-19-⏎Pandemie
        return j >= 2 and text[j - 2] == " "  # "Almaty/Moskau –⏎Der …"
    if last == ".":
        from glossar.text.abbreviations import abbreviation_kind, unit_after_number

        start, word = _last_word(text, j - 1)
        if len(word) == 1:
            # an initial or a letter of "z. B.", "u. a.", not a unit ("in 2:05 h.")
            h = start
            while h > 0 and text[h - 1] in _LINE_SPACE:
                h -= 1
            return h == start or not unit_after_number(word, text[max(0, h - 1) : h])
        # an abbreviation before a name or a number ("Dr.⏎Markus Weber", "ca.⏎500")
        return bool(word) and abbreviation_kind(word) in ("never", "number")
    i, word = _last_word(text, j)
    if not word:
        return False
    low = word.lower()
    attributive = _ATTRIBUTIVE.search(low) is not None or (
        word[:1].islower() and _ATTRIBUTIVE_LOWER.search(word) is not None
    )
    if word[:1].isupper():  # a sentence's first word ("Ein", "Durch"): no particle, no noun
        if low in _OPENING_WORDS:
            return True
        if not attributive:
            return False
        # a name's adjective after an article or a preposition: its noun follows ("im
        # Indischen⏎Ozean", "eines Parlamentarischen⏎Geschäftsführers")
    elif low in _GOES_ON or attributive:
        return True
    article = low in _ARTICLES_AFTER_PREPOSITION
    if not (article or attributive or (word.islower() and word.endswith(_ADJECTIVE_ENDINGS))):
        return False
    if word in _NOT_ADJECTIVES:
        return False
    # an inflected adjective after an article or a determiner, or an article after a
    # preposition ("über das⏎Geschehene", "für ein⏎Jahr"): its noun follows
    h = i - 1
    while h > 0 and text[h - 1] in _LINE_SPACE:  # (a CRLF line end too)
        h -= 1
    g, before = _last_word(text, h)
    if article:
        return g < h and before in _CASE_PREPOSITIONS
    return g < h and (before.lower() in _DETERMINERS or before in _CASE_PREPOSITIONS)


#: Lower-case forms that are only an inflected adjective's, never a verb's or an
#: adverb's: no sentence or headline ends with one, its noun follows ("zahlreiche
#: russische⏎Geheimdienstmitarbeiter", "der nördlich davon gelegenen⏎Sahara-Wüste").
#: -isch adjectives, and participles in -en with an ending (not -ienen: dienen,
#: erschienen); in lower case also the -en forms of -iv, -iell/-uell, -nal/-ial ("zu
#: massiven⏎Problemen", "der sozialen⏎Lage"), which no verb has (-lichen has:
#: veröffentlichen). Their -e, -es, -em forms go on where the next word opens no
#: sentence (:func:`_goes_on_to`).
_ATTRIBUTIVE = re.compile(r"^[a-zäöüß]{2,}(?:isch(?:e|en|er|es|em)|[^i]enen)$")
#: Only lower-case (capitalised, nouns end so too: Initiativen, Quelle, Finale).
_ATTRIBUTIVE_LOWER = re.compile(r"^[a-zäöüß]{2,}(?:iv|[iu]ell|[ni]al)en$")
#: Articles that a preposition before them shows to be one, not a pronoun ("Was
#: bedeutet das") or a verb's particle ("greift ein").
_ARTICLES_AFTER_PREPOSITION = frozenset(["das", "ein"])


#: Capitalised, the words a text's first sentence opens with three times in four
#: (articles, prepositions, adverbs: the bodies of 991 Wikinews articles below their
#: headlines); inside a sentence they are lower-case.
_SENTENCE_OPENERS = _OPENING_WORDS | frozenset(
    ["das", "an", "auf", "aus", "zu", "bis", "als", "wie", "nachdem", "heute", "gestern"]
    + ["laut", "bereits", "auch", "es", "noch", "nun", "erst", "trotz", "zudem", "so"]
    + ["dabei", "dort", "hier", "damit", "deshalb", "doch", "aber", "und", "denn", "er"]
    + ["sie", "wir", "ich", "man", "zwischen", "gegen", "wenn", "weil", "obwohl", "seit"]
    + ["inzwischen", "zuletzt", "zuvor", "damals", "jetzt", "erneut", "unter", "dass"]
    + ["dies", "vielleicht", "nein", "ja", "mindestens", "insgesamt", "rund", "knapp"]
    + ["etwa", "fast", "mehr", "viele", "einige", "mehrere", "alle", "wer", "was", "warum"]
    + ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf"]
    + ["zwölf", "hundert", "tausend"]
)
#: Last words of a line that go on to a word opening no sentence (a noun, a name, a
#: number): an article, counts, "etwa". Not mit, bei or gegen, particles too ("teilte …
#: mit", "wohnte der Beerdigung bei", "steuert gegen"); von, in and the other
#: prepositions that are no particle always go on (:data:`_GOES_ON`).
_BEFORE_A_NOUN = frozenset(
    ["das", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"]
    + ["elf", "zwölf", "etwa", "rund", "fast", "knapp"]
)
#: Prepositions that are verbs' particles too: a headline may end with one ("Streik
#: hält an"), but not before a word that opens no sentence ("sind an⏎Bord des Schiffes").
_PARTICLE_PREPOSITIONS = frozenset(
    ["an", "auf", "um", "mit", "vor", "nach", "bei", "zu", "aus", "über", "unter", "durch"]
    + ["gegen", "statt"]
)
#: Words that go on a noun phrase: a genitive's article, a preposition after its noun.
_AFTER_A_NOUN = frozenset(["des", "der", "vom", "von", "für", "zum", "zur", "mit", "aus", "bei"])
# (not "am", "im", "in": after an adverb opening a text too, "Gleich am ersten Tag")
#: Lower-case words with an adjective's ending that are adverbs, with which a headline
#: may end ("Gipfel beginnt heute", "Das dauert lange").
_ADVERBS_LIKE_ADJECTIVES = frozenset(
    ["heute", "gerne", "gern", "bitte", "lange", "alle", "beide", "viele", "wenige"]
    + ["ohne", "ebenfalls", "eigentlich", "stets", "jedes", "alles", "trotzdem"]
    + ["zudem", "außerdem", "seitdem", "indem", "nahe", "ferne", "mitte", "ende"]
    + ["gerade", "alleine", "pleite", "schade", "müde", "leise", "böse"]
)
#: Verbs before an age ("Mandela wird 90").
_AGE_VERBS = frozenset(["wird", "wurde", "werden", "wurden", "ist", "war", "sind", "waren"])
#: A count at a line's end (not a year, a score, a date: "2006", "3:1", "17.").
_COUNT = re.compile(r"(?<![\w.,:/-])(?:\d{1,3}(?:\.\d{3})+|\d{1,3}|\d+,\d+)$")


def _next_word(text: str, start: int) -> str:
    """The word at ``start`` without opening quotes and trailing punctuation."""
    word = text[start : start + _LONGEST_WORD].split(maxsplit=1)
    return word[0].lstrip(OPENING).rstrip(".,;:!?") if word else ""


def _after_a_noun(text: str, start: int) -> bool:
    """Does the word after the one at ``start`` go on a noun phrase: a genitive article,
    a preposition, or the clause's comma or end right after the noun ("Bord des",
    "Facebook vom", "Erlaubnis, das")?"""
    words = text[start : start + 2 * _LONGEST_WORD].split(maxsplit=2)
    if not words:
        return False
    if words[0][:1] in OPENING:
        return False  # a quoted name opens a text ("an⏎„Wikiasari“, so heißt …")
    if words[0][-1:] in ",.;:" and len(words[0]) > 2:
        return True
    return len(words) > 1 and words[1] in _AFTER_A_NOUN


def _opens_sentence(text: str, start: int, *, datelines: bool = True) -> bool:
    """Does a text's first sentence open at ``start``: a word of
    :data:`_SENTENCE_OPENERS`, capitalised ("Am", "Die", "Nachdem"), or a dateline
    ("Berlin – ", "Wien (APA). ", "Genf, 12.03.2007 – ")? A text below a headline opens
    so, a sentence going on does not."""
    word = _next_word(text, start)
    if word[:1].isupper() and word.lower() in _SENTENCE_OPENERS:
        return True
    return datelines and _DATELINE.match(text, start) is not None


#: A dateline's place: a capitalised word or two, an agency in brackets ("Wien (APA)").
_PLACE = r"[A-ZÄÖÜ][\w/-]*(?: [A-ZÄÖÜ][\w/-]*)?(?: \([A-Za-z/-]{1,12}\))?"
#: A dateline opening a news text: a place (one or two capitalised words), an agency in
#: brackets, a date after a comma, then a dash, or a period after the place or the
#: agency ("Berlin – ", "Berlin (dpa) – ", "Genf, 12.03.2007 – ", "Wien (APA). ").
_DATELINE = re.compile(_PLACE + r"(?:(?:, [\w. ]{1,20})? [–—-] |\. )")


#: A dateline's place at a line's end, its dash on the next line ("… fünf. Wien⏎– Gut
#: eine Woche …"): after a sentence's end in the line (alone on a line it may be a
#: heading above a list: "Inhalt⏎– erstens").
_DATELINE_PLACE = re.compile(r"(?:(?<=[.!?…][\"“”»«’'] )|(?<=[.!?…] ))" + _PLACE + r"[ \t]*$")


def dateline_dash(text: str, line_end: int, dash: int) -> bool:
    """Is the dash at ``dash`` (a line's first character) a dateline's, whose place ends
    the line before ("Wien⏎– Gut eine Woche …"), or a dash closing an aside before its
    punctuation ("darunter die Tochter⏎–, sie habe …")? Either way the sentence goes on."""
    if text[dash + 1 : dash + 2] in (",", ".", ";", ":", ")"):
        return True
    return _DATELINE_PLACE.search(text, max(0, line_end - 40), line_end) is not None


def _goes_on_to(text: str, line_end: int, next_start: int) -> bool:
    """Does an opening line (a paragraph's first, which a headline looks like) go on to
    the next line's first word? Only where that word opens no sentence (a headline's
    text opens with an article, a preposition or an adverb three times in four), and
    the line ends with a word no headline ends with before one: a count ("318⏎
    Passagieren"), an adjective's -e, -es or -em form ("insgesamt positive⏎
    Ergebnisse"), a number word ("starben drei⏎Menschen"), an article ("wurde
    das⏎Parteibüro"), a month before its year ("Dezember⏎2004"), a given name
    before a capitalised word ("Willy⏎Bogner"). Measured on
    Wikinews headlines above their text and PUD's, GSD's and Wikinews' first lines
    (docs/decisions.md, "Wrapped text")."""
    following = _next_word(text, next_start)
    if not following or _opens_sentence(text, next_start):
        return False
    if not (following[0].isupper() or following[0].isdigit()):
        return False
    count = _COUNT.search(text, max(0, line_end - 12), line_end)
    if count:
        # not a name's number, an age, a score ("Autobahn A 52", "Schalke 04", "BAB 6",
        # "wurde 60"): a count has no leading zero and no capitalised word before it
        _start, before = _last_word(text, count.start() - 1)
        if count.group().startswith("0") or before[:1].isupper() or before in _AGE_VERBS:
            return False
        return following[0].isupper()  # (a number's next number: a table's)
    _start, last = _last_word(text, line_end)
    if not last:
        return False
    if last in _BEFORE_A_NOUN:
        return True
    if last in _PARTICLE_PREPOSITIONS:
        # its object, a noun with what a noun goes on with ("an⏎Bord des Schiffes", "auf⏎
        # Facebook vom September"), not a headline's particle before a text's subject
        # ("kündigt … an⏎Israels Ministerpräsident", "gehen in Flammen auf⏎Brandfahnder")
        return following[0].isupper() and _after_a_noun(text, next_start)
    if last in GERMAN_MONTHS:
        return following.isdigit() and len(following) == 4
    if last[:1].isupper():  # a given name before its surname ("Skistars Willy⏎Bogner")
        from glossar.text.names import given_names

        return following[0].isupper() and last in given_names()
    return (
        last.islower()
        and last.endswith(("e", "es", "em"))
        and len(last) > 3
        and last not in _ADVERBS_LIKE_ADJECTIVES
        and last not in _NOT_ADJECTIVES  # ("klar vorne")
    )


#: A sentence's end inside a line, before its next sentence: prose, no headline.
_PROSE_END = re.compile(r"[a-zäöüß)][.!?…][\"“”»«’']? +[A-ZÄÖÜ„\"]")
#: A sentence that ends within two words at a line's start (not a dateline's capitals,
#: "BERLIN. Die …", nor a number's period, "1955. Der …").
_ENDS_SOON = re.compile(
    r"(?![A-ZÄÖÜ]{2,}\b)(?:[^\s\d]\S*[ \t]+)?([^\s\d]\S*?)[\"“”»«’')]*[.!?…]"
    r"[\"“”»«’')]*(?:[ \t]+[A-ZÄÖÜ„\"»]|[ \t]*(?:\n|$))"
)


def _ends_soon(text: str, start: int) -> bool:
    """Does a sentence end within two words from ``start`` (a line's first character),
    after a word that is no abbreviation or initial ("Ozean. Zu …", not "Dr. Weber",
    "John F. Kennedys") and not in a dateline ("Berlin. Gestern …", "Wien (APA). Der …")?"""
    if _DATELINE.match(text, start):
        return False
    soon = _ENDS_SOON.match(text, start)
    if soon is None or not soon.group(1)[-1:].isalpha():
        return False
    if len(soon.group(1).lstrip(OPENING)) < 2:
        return False
    from glossar.text.abbreviations import abbreviation_kind

    return abbreviation_kind(soon.group(1).lstrip(OPENING)) is None


#: A clause after a comma in a line (", dass", ", sagte er"; a headline's commas part
#: names: "Merkel, Macron und Putin").
_CLAUSE = re.compile(r", +[a-zäöüß]")
