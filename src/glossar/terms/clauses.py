"""Where a German clause ends, and what sits there: separable verbs' particles, function
words, and the words that show an adjective entry's spelling is another word.

The term guards (:mod:`glossar.terms.guards`) ask these questions of the text around a
hit: "steigt … ein" is einsteigen, not steigen; "aus" is an adverb only where it closes
its clause; "nahe der Grenze" is a preposition, not the adjective nah. Each answer reads
a bounded stretch of text after the hit (a few hundred characters at most).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from itertools import product

from glossar.terms.case import NOUN_MARKERS
from glossar.terms.coordination import CONJUNCTIONS, joins_phrases, particle_phrase
from glossar.text.abbreviations import abbreviation_kind
from glossar.text.months import AUSTRIAN_MONTHS, GERMAN_MONTHS
from glossar.text.verbs import IRREGULAR as _IRREGULAR


def _either_form(word: str) -> str:
    """A pattern for ``word`` composed or decomposed (zurück, zuru\u0308ck): the text is
    matched as given, and a decomposed text must keep its separable verbs."""
    parts = []
    for ch in word:
        nfd = unicodedata.normalize("NFD", ch)
        parts.append(re.escape(ch) if nfd == ch else f"(?:{re.escape(ch)}|{re.escape(nfd)})")
    return "".join(parts)


#: Auxiliary and modal verbs (their particles are rare: "hat … vor" for vorhaben).
AUXILIARIES = frozenset(
    ["sein", "haben", "werden", "können", "müssen", "dürfen", "sollen", "wollen", "mögen"]
)
#: Particles that close a main clause as part of another verb, one whose meaning is not
#: the base verb's (steigt … ein: einsteigen, nahmen … teil, stellte … fest, wies …
#: zurück). Not the particles that add a direction or "on" (besteht weiter, ging
#: hinaus: still bestehen, gehen), nor adjectives such as klar or frei, which close
#: clauses with "sein" too ("Die Lage ist klar").
CLOSING_PARTICLES = frozenset(
    ["zurück", "heraus", "nach", "ein", "aus", "auf", "mit", "vor", "weg", "los", "bei"]
    + ["dar", "ab", "an", "zu", "teil", "statt", "fest", "hervor", "nieder", "um"]
    + ["durch", "zurecht", "kennen", "fern", "bevor", "her"]
)
#: Articles and prepositions an adverb entry may be spelled like (a termbase of lemmas
#: holds separable verbs' particles as adverbs: ein, aus, auf, über). Not conjunctions:
#: "aber", "wie", "damit" are the same word as the adverb, not another one.
FUNCTION_WORDS = frozenset(
    ["ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "den", "dem"]
    + ["des", "aus", "bei", "mit", "nach", "von", "zu", "an", "auf", "über", "unter", "vor"]
    + ["hinter", "neben", "zwischen", "in", "um", "durch", "für", "gegen", "ohne", "seit"]
    + ["bis", "ab", "während", "wegen", "trotz", "statt", "außer", "entlang"]
)
MONTHS = (*GERMAN_MONTHS, *AUSTRIAN_MONTHS)
#: What ends a clause after a finite verb: its particle comes right before one of these
#: (but see :func:`_no_end`: a decimal comma, an ordinal's stop).
_CLAUSE_END = re.compile('[,;:.!?…)\\]"“”»«\n–]')
#: Between a verb and its particle: no clause's end, nor "und" and the like before a
#: word in lower case, which may open a clause of its own ("fliegt über die Hacienda
#: und fängt das Signal auf": auf is fängt's; "Fleisch- und Wursthersteller" is none).
_CLAUSE_BREAK = re.compile(_CLAUSE_END.pattern + f"| {CONJUNCTIONS} (?=[a-zäöüß])")
#: After an ordinal's stop: a month or a word in lower case (zum 30. April, am 3. des
#: Monats) continues the clause.
_AFTER_ORDINAL = re.compile(" (?:" + "|".join(map(_either_form, MONTHS)) + "|[a-zäöüß])")
#: The closing particles, as an expression (composed or decomposed).
_PARTICLES = "|".join(map(_either_form, sorted(CLOSING_PARTICLES, key=len, reverse=True)))
#: How far before a clause's end its closing particle is looked for (:func:`_particle_at_end`).
_PARTICLE_REACH = max(map(len, CLOSING_PARTICLES)) + 12
#: Every spelling of a closing particle, each letter composed or decomposed (zurück,
#: zuru\u0308ck).
_PARTICLE_SPELLINGS = frozenset(
    "".join(letters)
    for particle in CLOSING_PARTICLES
    for letters in product(*({ch, unicodedata.normalize("NFD", ch)} for ch in particle))
)
_LONGEST_SPELLING = max(map(len, _PARTICLE_SPELLINGS))
#: Or before a comparison that follows the clause ("stellten weniger her als im
#: Vormonat"), looked for only where "als" or "wie" is there.
_PARTICLE_BEFORE_COMPARISON = re.compile(" (" + _PARTICLES + ")( +(?:als|wie) [^,;:.!?…]*) *$")
_COMPARISON_REACH = 120


#: Adverbs made of particles: no separable verb's particle ("unterstützen mich nach
#: wie vor"; those joined by "und", "ab und zu", end the stretch at "und" already).
_IDIOMS = ("nach wie vor", "auf und ab", "hin und her", "ab und zu", "ab und an")


def _in_idiom(text: str, ps: int, pe: int) -> bool:
    """Is the particle from ``ps`` to ``pe`` part of an idiom of :data:`_IDIOMS`?"""
    for idiom in _IDIOMS:
        k = text.find(idiom, max(0, pe - len(idiom)), ps + len(idiom))
        if 0 <= k <= ps and pe <= k + len(idiom):
            return True
    return False


#: Quotation marks among the clause ends (see :func:`_no_end`).
_QUOTES = '"“”»«'
#: Clause-end marks that may be inside a clause (see :func:`_no_end`).
_NOT_ALWAYS_END = ",." + _QUOTES


def _no_end(text: str, k: int) -> bool:
    """Is the comma, stop or quotation mark at ``k`` inside the clause: a decimal comma
    or a thousands stop (1,1 Prozent; 1.000), an ordinal's stop before a month or a
    lower-case word, or a quotation mark with a word after it (a quoted phrase: "hat
    sich für einen „Vertrauensvertrag“ ausgesprochen"; an opening mark)?"""
    if text[k] in _QUOTES:
        j = k + 1
        while j < len(text) and text[j] == " ":
            j += 1
        return j < len(text) and text[j].isalnum()
    if k == 0 or not text[k - 1].isdigit() or text[k] not in ",.":
        return False
    if text[k + 1 : k + 2].isdigit():
        return True
    return text[k] == "." and _AFTER_ORDINAL.match(text, k + 1) is not None


def _particle_at_end(text: str, low: int, end: int) -> int:
    """Where a closing particle that ends the stretch from ``low`` to ``end`` starts
    (spaces may follow it, a space comes before it), else -1: what the expression
    ``" (ein|aus|…) *$"`` finds there, read from the stretch's last word instead (a
    search costs what a few dozen character tests do, and it runs for every verb)."""
    q = end - 1 if end > low and text[end - 1] == "\n" else end  # (as "$" reads it)
    while q > low and text[q - 1] == " ":
        q -= 1
    k = text.rfind(" ", max(low, q - _LONGEST_SPELLING - 1), q)
    if k < 0 or text[k + 1 : q] not in _PARTICLE_SPELLINGS:
        return -1
    return k + 1


def _search(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """The first match of a clause-end ``pattern`` that really ends the clause."""
    m = pattern.search(text, pos, endpos)
    while m is not None and m.group() in _NOT_ALWAYS_END and _no_end(text, m.start()):
        m = pattern.search(text, m.end(), endpos)
    return m


#: Adjectives' forms that are prepositions too (nahe der Grenze, entsprechend dem
#: Vertrag, nördlich der Alpen): before an article they are the preposition.
PREPOSITION_FORMS = frozenset(
    ["nahe", "entsprechend", "gemäß", "unweit", "unfern", "ungeachtet", "unbeschadet"]
    + ["nächst", "zuzüglich", "abzüglich", "einschließlich", "ausschließlich", "inklusive"]
    + ["exklusive", "nördlich", "südlich", "östlich", "westlich", "nordöstlich"]
    + ["nordwestlich", "südöstlich", "südwestlich", "oberhalb", "unterhalb", "innerhalb"]
    + ["außerhalb", "seitlich", "jenseits", "diesseits", "unter", "ober", "hinter"]
)
#: An article right after a word.
_ARTICLE_NEXT = re.compile(
    " +(?:der|die|das|dem|den|des|ein|eine|einem|einen|einer|eines)(?![\\w\u0300-\u036f])"
)
_PARTICLE_RE: dict[str, re.Pattern[str]] = {}
#: A phrase after a verb idiom's words, before its clause ends: a genitive or a
#: prepositional phrase of up to four words (an idiom tester's real "gerieten … ins Visier
#: der Steuerbehörden", "erstatteten Anzeige wegen Betrug").
_IDIOM_PHRASE = (
    r"(?:\s+(?:der|des|von|vom|zu|zum|zur|gegen|über|für|mit|wegen|bei|beim|auf|an|am"
    r"|in|im|um|aus|nach|vor|seit|durch|gegenüber)"
    r"(?:\s+[^\s,;:.!?…\"“”»«()–—]+){1,4}?)?"
)
#: After a particle, "und" and the like: it closes its clause there too ("stieg aus und
#: die Tür schloss sich"; a clause coordinated by a finite verb is cut off before), unless
#: the two words make a phrase (:func:`glossar.terms.coordination.particle_phrase`).
_AND_NEXT = f" {CONJUNCTIONS} "


def closes_clause(text: str, e: int) -> bool:
    """Does the word ending at ``e`` end its clause (punctuation or the text's end next)?"""
    k = e
    while k < len(text) and text[k] == " ":
        k += 1
    return k >= len(text) or (_CLAUSE_END.match(text, k) is not None and not _no_end(text, k))


def preposition_here(text: str, s: int, e: int) -> bool:
    """Is the word from ``s`` to ``e`` an adjective's form used as a preposition, an
    article after it (nahe der Grenze)? Other adjectives before an article are adverbs
    of the clause ("spürt aktuell den Gegenwind") and stay adjectives."""
    word = text[s:e].lower()
    if word not in PREPOSITION_FORMS:
        word = unicodedata.normalize("NFC", word)
    return word in PREPOSITION_FORMS and _ARTICLE_NEXT.match(text, e) is not None


class ClauseMemo:
    """What is known of one text's clauses, kept by the caller for that text alone: its
    "und"s (by offset: does a finite verb follow? see
    :func:`glossar.terms.coordination.joins_phrases`) and the answers of
    :func:`particle_closing_clause` (by the verb's end: several entries read one word)."""

    __slots__ = ("closing", "und")

    def __init__(self) -> None:
        self.und: dict[int, bool] = {}
        self.closing: dict[int, int] = {}


def particle_closing_clause(text: str, e: int, memo: ClauseMemo | None = None) -> int:
    """Where a separable verb's particle ends the clause that the verb form before ``e``
    opens ("Novomatic steigt bei den Casinos ein": einsteigen, not steigen), else -1.
    The clause ends at the first punctuation after ``e`` (200 characters at most), or
    before "und" and the like opening a clause of its own; a comparison after the
    particle ("her als im Vormonat") belongs to the clause, and so does what follows an
    inserted phrase between commas ("kamen sichtlich abgekämpft, teilweise mit Kindern
    im Arm, am Westbahnhof an"; see :func:`_inserted`). ``memo``: what is known of the
    text's clauses (:class:`ClauseMemo`), kept by the caller for one text."""
    if memo is None:
        return _particle_closing_clause(text, e, None)
    found = memo.closing.get(e)
    if found is None:
        found = memo.closing[e] = _particle_closing_clause(text, e, memo.und)
    return found


def _particle_closing_clause(text: str, e: int, und: dict[int, bool] | None) -> int:
    start = e
    for inserted in range(_MAX_INSERTED + 1):
        m = _search(_CLAUSE_BREAK, text, start, start + 200)
        # "und" before a preposition ("greift in Syrien und im Irak ein"), or between a
        # word and itself ("tauchte wieder und wieder auf"), joins phrases within the
        # clause: it goes on (before an article or a pronoun a clause's subject may
        # follow: "befasst und das Gesicht … tauchte auf")
        while m is not None and m.group()[0] == " " and joins_phrases(text, m, und):
            m = _search(_CLAUSE_BREAK, text, m.end(), start + 200)
        if m is None:
            return -1
        end = m.start()
        mark = m.group()
        found = _particle_at_end(text, max(start, end - _PARTICLE_REACH), end)
        if mark[0] == " ":
            # "und" before anything but a phrase of the clause: the clause may end there in
            # its particle ("ging von einem Fehler aus und tauschte …": ausgehen; "stieg
            # aus und die Tür schloss sich"); else nothing is decided here
            if found >= 0:
                pe = found + len(text[found:end].rstrip())
                if not _in_idiom(text, found, pe) and not particle_phrase(text, pe):
                    return found  # (not "ein und dieselbe")
            return -1
        if inserted:
            stretch = text[start:end].split()
            if not stretch or stretch[0].lower() in _CLAUSE_OPENERS:
                return -1  # after an inserted phrase, a clause of its own ("…, um als Erster")
        if found >= 0 and not _in_idiom(text, found, found + len(text[found:end].rstrip())):
            return found
        low = max(start, end - _COMPARISON_REACH)
        clause = text[low:end]
        if " als " in clause or " wie " in clause:
            comparison = _PARTICLE_BEFORE_COMPARISON.search(text, low, end)
            if comparison is not None and _comparison_ok(text, comparison):
                return comparison.start(1)
        # a verb right before a comma ends its clause (a subordinate clause's verb, an
        # infinitive): only a verb with words after it can have a phrase inserted
        if mark != "," or start == end or text[start:end].isspace():
            return -1
        if _opener_after(text, m.end()):
            return -1  # ("…, die", "…, dass": no phrase inserted, whatever ends it)
        after = _search(_CLAUSE_BREAK, text, m.end(), m.end() + 200)
        if after is None or after.group() != "," or not _inserted(text[m.end() : after.start()]):
            return -1
        start = after.end()
    return -1


def _comparison_ok(text: str, found: re.Match[str]) -> bool:
    """A comparison after the particle ends in a noun or a number ("her als im
    Vormonat"); "um als Erster … zu sein" is an infinitive clause, not a comparison, and
    "schreibt nach wie vor die Sparte …" has the adverb "nach wie vor"."""
    if _in_idiom(text, found.start(1), found.end(1)):
        return False  # "nach wie vor" (still): an adverb, no particle
    last = found.group(2).split()[-1]
    return last[:1].isupper() or last[:1].isdigit()


#: Inserted phrases looked past, at most (heute, Freitag, in Berlin mit).
_MAX_INSERTED = 2
#: Words that open a clause of its own, which a phrase between commas must not start with
#: (a relative or subordinate clause has a verb of its own: its particle is its verb's).
_CLAUSE_OPENERS = frozenset(
    ["der", "die", "das", "dem", "den", "dessen", "deren", "welche", "welcher", "welches"]
    + ["dass", "daß", "weil", "wenn", "als", "ob", "obwohl", "nachdem", "während", "bevor"]
    + ["damit", "sodass", "wie", "wo", "was", "wer", "um", "ohne", "statt", "indem", "bis"]
    + ["seit", "sobald", "solange", "falls", "da", "zumal", "sondern", "aber", "und"]
)
#: Enough characters after a comma for a space, the longest opener and a space after it.
_OPENER_REACH = max(map(len, _CLAUSE_OPENERS)) + 2


def _opener_after(text: str, k: int) -> bool:
    """Does a word of :data:`_CLAUSE_OPENERS` follow the comma ending at ``k``, a space
    after it? Then no phrase inserted between commas starts there (:func:`_inserted`),
    wherever it ends: a look at a few characters before a search for the next comma."""
    words = text[k : k + _OPENER_REACH].split(None, 1)
    return len(words) == 2 and words[0].lower() in _CLAUSE_OPENERS


def _inserted(part: str) -> bool:
    """Is ``part`` (between two commas) a phrase inserted into the clause, with no verb of
    its own: a few words, not opening a clause, ending in a noun or a number (an
    apposition or an adverbial: "Freitag", "teilweise mit Kindern im Arm", "500 Euro")?"""
    words = part.split()
    if not 1 <= len(words) <= 6 or words[0].lower() in _CLAUSE_OPENERS:
        return False
    last = words[-1]
    return last[:1].isupper() or last[:1].isdigit()


#: Forms of "haben": with one in its clause, a participle is the verb's perfect ("habe
#: versucht", "Senfgas eingesetzt haben"), not an adjective. Not "sein" ("sind …
#: geschützt" is the adjective) nor "werden" ("wurde bekannt").
HABEN_FORMS = frozenset(
    form for forms in _IRREGULAR["haben"] if isinstance(forms, tuple) for form in forms
)
_WORD_RE = re.compile("[^\\W\\d_][^\\W\\d_\u0300-\u036f]*")  # (over NFD marks: hätten)


#: Forms of the auxiliaries of the perfect and the passive (haben, sein, werden).
AUXILIARY_FORMS = (
    HABEN_FORMS
    | frozenset(
        form
        for verb in ("sein", "werden")
        for forms in _IRREGULAR[verb]
        if isinstance(forms, tuple)
        for form in forms
    )
    | frozenset(["geworden", "gewesen", "worden"])
)


def with_haben(
    text: str, s: int, e: int, forms: frozenset[str] = HABEN_FORMS, low: int = 0
) -> bool:
    """Is there a form of "haben" (or of ``forms``) in the clause around the word from
    ``s`` to ``e`` (which starts at ``low`` or later)?"""
    start = max(low, s - 200)
    for m in _CLAUSE_END.finditer(text, start, s):
        if not _no_end(text, m.start()):
            start = m.end()
    stop = _search(_CLAUSE_END, text, e, e + 200)
    end = stop.start() if stop is not None else min(len(text), e + 200)
    return any(
        unicodedata.normalize("NFC", w.group()).lower() in forms
        for w in _WORD_RE.finditer(text, start, end)
    )


#: Forms of the auxiliaries of the perfect with "haben" and of the passive (werden).
PERFECT_PASSIVE_FORMS = HABEN_FORMS | frozenset(
    [form for forms in _IRREGULAR["werden"] if isinstance(forms, tuple) for form in forms]
    + ["worden"]
)


def perfect_here(
    text: str, s: int, e: int, forms: frozenset[str] = HABEN_FORMS, *, strict: bool = False
) -> bool:
    """Is the participle-shaped word from ``s`` to ``e`` a verb's perfect here: closing
    its clause or right before a form of "haben" ("habe … versucht.", "eingesetzt
    haben"), in a clause with "haben"? An adverbial adjective inside the clause stays
    one ("hat erneut zugeschlagen", "hat bestimmt recht"). ``forms`` replaces the forms
    of "haben" (:data:`PERFECT_PASSIVE_FORMS`: "wurde … ausgezeichnet.").

    ``strict`` (for words that are adverbs of their own too): the auxiliaries and modals
    after it must close the clause or a coordination ("ausgesprochen worden sei.",
    "bekannt haben soll", "hat sich … bekannt und weitere Angriffe angekündigt"), not
    hold a main clause's second place ("Aber davon abgesehen hatte sie nichts …",
    "Hingegen haben sich die Staaten …"); and a clause that "und" opens with a verb of
    its own is the participle's ("hat … gedreht und ist in ganz Europa bekannt"; for
    either reading: "habe … verbracht und war mehr als angenehm überrascht")."""
    if not strict:
        if not closes_clause(text, e):
            m = _WORD_RE.match(text, e + 1) if text[e : e + 1] == " " else None
            if m is None or unicodedata.normalize("NFC", m.group()).lower() not in forms:
                return False
        return _with_haben_here(text, s, e, forms)
    end = e
    for _ in range(4):
        if closes_clause(text, end) or text[end : end + 2] == " (":
            break
        m = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
        if m is None:
            return False
        word = m.group()
        if not word.isascii():
            word = unicodedata.normalize("NFC", word)
        word = word.lower()
        if word in _COORDINATORS:
            break  # "bekannt und weitere Angriffe angekündigt", "haben und …"
        # the first auxiliary one of ``forms`` ("bekannt war" is no perfect of bekennen)
        if word not in forms and (end == e or word not in _CHAIN_FORMS):
            return False
        end = m.end()
    else:
        return False
    return _with_haben_here(text, s, e, forms)


def _with_haben_here(text: str, s: int, e: int, forms: frozenset[str]) -> bool:
    """:func:`with_haben`, the clause starting after "und" + a verb of its own if one
    comes before ``s`` (looked for only where the whole clause has such a form)."""
    if not with_haben(text, s, e, forms):
        return False
    low = _coordinated_clause_start(text, s)
    return low == 0 or with_haben(text, s, e, forms, low=low)


#: Words that join a participle or an auxiliary to what comes next.
_COORDINATORS = frozenset(["und", "oder", "aber", "sowie"])
_COORDINATED_VERB = re.compile(" (?:" + "|".join(sorted(_COORDINATORS)) + ") ([^\\W\\d_]+)")


def _coordinated_clause_start(text: str, s: int) -> int:
    """Where the clause of the word at ``s`` starts if "und" (oder, aber, sowie) opens
    it with a verb of its own before ``s`` ("… hat viele Filme gedreht und ist in ganz
    Europa bekannt": after "und"); else 0 (the clause's own start)."""
    low = 0
    for m in _COORDINATED_VERB.finditer(text, max(0, s - 120), s):
        word = m.group(1)
        if not word.isascii():
            word = unicodedata.normalize("NFC", word)
        if word.lower() in AUXILIARY_FORMS or word.lower() in _MODAL_FORMS:
            low = m.start(1)
    return low


#: Forms of the modal verbs, which may close a clause after a perfect's auxiliary.
_MODAL_FORMS = frozenset(
    form
    for verb in ("können", "müssen", "dürfen", "sollen", "wollen", "mögen")
    for forms in _IRREGULAR[verb]
    if isinstance(forms, tuple)
    for form in forms
)
#: Words that may follow a perfect's or passive's auxiliary at a clause's end
#: ("ausgesprochen worden sei", "bekannt haben soll").
_CHAIN_FORMS = AUXILIARY_FORMS | _MODAL_FORMS


def participle_shaped(word: str) -> bool:
    """Does ``word`` (lower case) look like a past participle (gesetzt, eingesetzt,
    versucht, erhalten, ausgesprochen, informiert)?"""
    if not word.endswith(("t", "en")) or len(word) < 6 or word.endswith("wert"):
        return False  # (bemerkenswert: no verb's participle)
    from glossar.text.verbs import INSEPARABLE_PREFIXES, SEPARABLE_PREFIXES

    if word.startswith(INSEPARABLE_PREFIXES) or word.endswith("iert"):
        return True
    room = len(word) - 4  # a stem of a few letters after prefix + "ge"
    if any(word.startswith(p + "ge") for p in SEPARABLE_PREFIXES if len(p) < room):
        return True
    return _variable_prefix_participle(word)


def _variable_prefix_participle(word: str) -> bool:
    """Is ``word`` a participle of a verb with durch-, über-, unter-, um- …: split off
    (umgesetzt, durchgeführt) or staying on a verb the word list knows (überzeugt:
    überzeugen, unterstützt; not überhaupt, umsonst)?"""
    from glossar.text.verb_prefixes import VARIABLE_PREFIXES

    for p in VARIABLE_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 4:
            rest = word[len(p) :]
            if rest.startswith("ge") and len(rest) >= 6:
                return True
            if word.endswith("t"):
                from glossar.terms.lexicon import is_lower_word

                stem = word[:-2] if word.endswith("et") and len(rest) > 4 else word[:-1]
                return is_lower_word(stem + "en") or is_lower_word(word[:-1] + "en")
            return False
    return False


def sentence_stop(text: str, e: int) -> int:
    """Where the stretch a particle is looked for after ``e`` ends: just after the first
    sentence mark (. ! ? ; :), 300 characters on at most, or at a line break that ends
    a line (a headline's: "Gesetz tritt in Kraft⏎⏎Das Gesetz …"; a paragraph's end)."""
    end = min(len(text), e + 300)
    k = text.find(".", e, end)
    # (a number's or an ordinal's stop: "5.500"; an abbreviation's: "FC St. Pauli")
    while k >= 0 and (_no_end(text, k) or _abbreviation_stop(text, k)):
        k = text.find(".", k + 1, end)
    if k >= 0:
        end = k + 1
    nl = text.find("\n", e, end)
    if nl >= 0:
        from glossar.text.line_breaks import hard_break_after

        hard = hard_break_after(text, nl, end)
        if hard >= 0:
            end = hard
    # (the other marks are rare: looked for one by one only where one is there)
    part = text[e:end]
    if "!" in part or "?" in part or ";" in part or ":" in part:
        for mark in "!?;:":
            k = text.find(mark, e, end)
            if k >= 0:
                end = k + 1
    return end


def _abbreviation_stop(text: str, k: int) -> bool:
    """Is the stop at ``k`` an abbreviation's that never ends a sentence (St., Dr.,
    bzw.)? Asked for the same stop by every verb of its sentence: the answers for the
    text this thread last asked about are kept (a sixth of the questions were new)."""
    kept = _KEPT
    if getattr(kept, "text", None) is not text:
        kept.text = text  # (one text a thread: a corpus of many keeps none alive)
        kept.stops = {}
    stops: dict[int, bool] = kept.stops
    found = stops.get(k)
    if found is None:
        found = stops[k] = _reads_as_abbreviation(text, k)
    return found


#: :func:`_abbreviation_stop`'s answers: the text and its answers by stop, per thread.
_KEPT = threading.local()


def _reads_as_abbreviation(text: str, k: int) -> bool:
    """:func:`_abbreviation_stop` itself: the word is the letters and stops right before
    the stop, 12 at most (read backwards: one match at the stop, not a search through
    the characters before it)."""
    window = text[max(0, k - 13) : k][::-1]
    m = _WORD_BACKWARDS.match(window)
    if m is None:
        return False
    end = m.end()
    if end == len(window) and k > 13:
        return False  # (longer than the window: no abbreviation)
    if end < len(window) and (window[end].isalpha() or window[end] == "."):
        return False  # (a run with a stop before it: "..St")
    return abbreviation_kind(m.group()[::-1]) == "never"


#: A word of letters, or groups of them joined by stops (z.B), spelled backwards.
_WORD_BACKWARDS = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")


def break_between(text: str, e: int, k: int) -> bool:
    """Is there a clause break (punctuation that ends a clause, "und" before a word in
    lower case) between ``e`` and ``k``?"""
    return _search(_CLAUSE_BREAK, text, e, k) is not None


def particle_after(text: str, e: int, particle: str, end: int = -1) -> int:
    """Where ``particle`` closes a clause within the sentence after ``e`` (griff … ein),
    else -1; with ``end``, within the stretch up to there (the particle may end it)."""
    pattern = _PARTICLE_RE.get(particle)
    if pattern is None:
        # the particle first, so that the engine skips to its letters; the word before
        # it (no letter, digit, "_" or "-": ``(?<![\w-])``) is looked at afterwards
        # an idiom's words with a noun in them may have a phrase of their own after them
        # ("geriet ins Visier der Steuerbehörden", "nahm Abschied von der Macht")
        after = _IDIOM_PHRASE if any(c.isupper() for c in particle) else ""
        pattern = _PARTICLE_RE[particle] = re.compile(
            r"\s+".join(map(_either_form, particle.split()))  # (wieder her)
            # (a dash or a bracket after it: "tritt in Kraft – und gilt", "setzt … unter
            # Druck (so die Zeitung)")
            + rf"(?={after}(?:\s*(?:[,;:.!?…)\"“”»«]|$)|\s+[–—(]|{_AND_NEXT}))"
        )
    if end < 0:
        end = sentence_stop(text, e)
    found = pattern.search(text, e, end)
    while found is not None:
        k = found.start()
        pe = found.end()
        if (
            (k == 0 or not (text[k - 1].isalnum() or text[k - 1] in "_-"))
            and not particle_phrase(text, pe)
            and not _in_idiom(text, k, pe)
            and not (particle[0].isupper() and _article_before(text, k))
        ):
            return k
        found = pattern.search(text, k + 1, end)
    return -1


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+\Z")


def _article_before(text: str, k: int) -> bool:
    """Is the word before ``k`` an article, a determiner or a preposition (a noun's
    marker, :data:`glossar.terms.case.NOUN_MARKERS`)? Before an idiom's first noun it
    makes the noun a phrase of the clause ("nimmt den Abschied der Kollegen zur
    Kenntnis" is no "Abschied nehmen")."""
    m = _WORD_BEFORE.search(text, max(0, k - 12), k)
    return m is not None and m.group(1).lower() in NOUN_MARKERS


def particle_end(text: str, k: int, particle: str) -> int:
    """Where ``particle``, found at ``k`` by :func:`particle_after`, ends: its words as
    the text writes them (spaced, composed or decomposed: "zur Verfügung")."""
    found = _PARTICLE_RE[particle].match(text, k)
    return found.end() if found is not None else k + len(particle)
