"""Guards: candidate spans that look like a term but are not one, dropped before overlaps
are resolved (so another reading can still win).

- **Words of their own** (:mod:`glossar.terms.lexicon`): a term inside a closed compound
  is reported only where the entry's compound policy allows it, never inside a name
  (Deutsch|land, Hol|lande), never after a verb prefix (Ein|führung, Heraus|forderung,
  mit|macht: derivations, not compounds) or before a derivational suffix
  (Präsident|schaftswahl, Protest|antisch), never at the end of a lower-case word (klar|macht:
  a verb form), never inside a word listed in the entry's ``compound_except``, closed
  or hyphenated (Bündnis-Grünen); with the default policy (``auto``) never inside a
  word the German lexicon knows as a whole (Volks|wagen, Minister|präsident).
- **Verbs at the start of a sentence**: a noun term whose word is also a verb form
  (Macht, Führt) needs noun evidence there: a determiner before it or a finite verb,
  conjunction or punctuation after it ("Macht ist …", not "Macht nichts").
- **Multi-word proper names**: a general noun next to a capitalised adjective in mid
  sentence (Vereinte Nationen, Allianz Demokratischer Kräfte) or inside a short quoted
  title („Das Erwachen der Macht“) is part of a name.
- **Verbs are lower case**: a verb form capitalised in mid sentence is a noun
  (chirurgischen Eingriffen is not eingreifen); so is a capitalised word where a term
  pair (pos "other") is spelled in lower case (den Arm is not arm → poor).
- **Surnames**: a capitalised word right after a given name (Christian Kern, Hannelore
  Kraft, Manuel Neuer) is a surname, not a noun or adjective term (entries of kind
  ``term``; names, places and organisations are themselves names).
- **Separable verbs**: a bare finite form (griff, mischt) names ``eingreifen`` /
  ``einmischen`` only when the particle closes its clause ("griff … ein"), and a base
  verb whose clause ends in another verb's particle is not that verb ("steigt … ein").
- **Adjectives and adverbs** where their spelling is another word: a noun (im Arm), a
  preposition (nahe der Grenze, unter großem Druck), a verb's perfect (habe versucht),
  part of a hyphenated name (Neu-Delhi).

Where clauses end and what closes them: :mod:`glossar.terms.clauses`; where names are
(given names, capitalised adjectives of names, quoted titles):
:mod:`glossar.terms.name_context`. Each guard counts what it drops in
:attr:`Guards.stats` when one is given (bench/).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from glossar.glossary.model import Entry
from glossar.terms.case import OPENERS, SENTENCE_ENDS, noun_reading
from glossar.terms.clauses import (
    ClauseMemo,
    closes_clause,
    particle_closing_clause,
)
from glossar.terms.compounds import only_through_er, plausible_left
from glossar.terms.determiners import DETERMINER_FORMS, determiner_here, spelled_like_determiner
from glossar.terms.guard_tables import read_entries
from glossar.terms.lexicon import (
    is_known_word,
    is_lower_word,
    is_name,
)
from glossar.terms.modifier_guards import modifier_ok
from glossar.terms.name_context import (
    CAP_ADJ,
    NAME_REACH,
    after_given_name,
    capital_adjective,
    given_name_here,
    given_name_tails,
    name_context,
    surname_starts,
    title_positions,
)
from glossar.terms.patterns import SEPARABLE, Candidate
from glossar.terms.split_verbs import particle_follows, split_verbs_win, verb_parts
from glossar.terms.suspended import lending_word
from glossar.terms.word_class import (
    OWN_SENSE_VERBS,
    VERB_FIRST_NEXT,
    adjectival,
    another_verbs_form,
    own_sense_participle,
    past_spelled_noun,
)
from glossar.text.fold import DROPPED, fold_key, without_marks
from glossar.text.marks import BULLETS
from glossar.text.morphology.nouns import MASCULINE_ER
from glossar.text.verbs import SEPARABLE_PREFIXES, WORD_PARTICLES

#: Word starts that make what follows a derivation, not a compound part (Ein|führung).
VERB_PREFIXES = frozenset(
    [*SEPARABLE_PREFIXES, "über", "unter", "um", "durch", "wider", "hinter", "voll"]
    + ["herab", "heran", "herauf", "heraus", "herunter", "hervor", "hinab", "hinauf"]
    + ["hinunter", "hinweg", "entgegen", "gegenüber", "empor", "nieder", "vorüber"]
) - frozenset(WORD_PARTICLES)
#: The longest determiner's form a verb form may share (:mod:`glossar.terms.determiners`).
_DETERMINER_LEN = max(map(len, DETERMINER_FORMS))
#: Derivational suffixes at the start of what follows a term (Präsident|schaftswahl).
DERIVATION_START = re.compile(
    r"(?:schaft|lich|isch|tum|ismus|istisch|ität|ant(?:isch|in|en|e\b|ismus|s\b|\b)"
    r"|ier(?:en|t|te|ung|bar)|ell(?:e|en|er|es|em)?\b|ial)"
)
#: Lower-case words after a sentence-initial noun that show it is a noun ("Macht ist").
NOUN_EVIDENCE_AFTER = frozenset(
    ["ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben"]
    + ["hatte", "hatten", "kann", "können", "konnte", "konnten", "muss", "müssen", "soll"]
    + ["sollen", "sollte", "will", "wollen", "darf", "bleibt", "blieb", "gibt", "gab"]
    + ["und", "oder", "aber", "sowie", "allein", "selbst", "der", "des", "als", "wie"]
)
_WORD = re.compile("(?:[^\\W\\d_]|[\u0300-\u036f])*")
_LETTERS = re.compile(r"[^\W\d_]*")
#: Letters, NFD marks and invisible ones (fold.DROPPED): a word with soft hyphens runs on.
_WORD_OR_MARKS = re.compile(f"(?:[^\\W\\d_]|[\u0300-\u036f{DROPPED}])*")
#: List marks at a line's start: the word after one opens its item as a sentence would.
#: Characters before a word that may make it the first of a sentence, line or quotation.
_BOUNDARY = frozenset(".!?:;…\n„“\"'»«›‹([")
#: At least one candidate per this many characters: scan the text once for context
#: (measured crossover: 255 characters per candidate, news: looking around each is 2×
#: cheaper; 21, the article bench: equal; 9, 10k real words: scanning 2× cheaper).
#: Both readings give the same hits (tests/test_terms_density.py).
_DENSE = 25
#: Characters from which a dense text is scanned for surnames in one pass (below, each
#: candidate that may be a surname looks at the word before it; the same hits).
_NAME_SCAN = 1 << 15


def _no_er_plural(entry: Entry) -> bool:
    """Is ``entry`` a noun whose plural is never -er (a feminine, most masculines)?"""
    return (
        entry.pos == "noun"
        and entry.gender in ("m", "f")
        and not entry.de.lower().endswith(MASCULINE_ER)
    )


#: English words that make a place or an organisation right before them part of a
#: newspaper's or an airline's English name, which German text keeps ("die Zeitung USA
#: Today": a tester's "The US formaming a day"; China Daily, Japan Times). Not words
#: German uses too (Post, Mail, Online, Journal: "aus Russland Post bekommen"), nor
#: before a hyphen.
_ENGLISH_NAME_AFTER = re.compile(
    r"(?:Today|Daily|Times|Herald|Tribune|Weekly|Gazette|Airlines|Airways|Observer)\b(?!-)"
)


class Guards:
    """What the guards need to know about a compiled glossary's entries, by index."""

    def __init__(self, entries: Sequence[Entry], *, stats: Counter[str] | None = None):
        self.stats = stats
        self._entries = entries
        n = len(entries)
        #: each entry's compound policy (:func:`glossar.glossary.model.compound_policy`)
        self.policy: list[str] = [""] * n
        #: 1 where the policy is ``auto`` (inside words the lexicon does not know)
        self.auto = bytearray(n)
        #: noun entries whose word is also a lower-case verb form (Macht: macht): 2 yes,
        #: 0 no, 1 not decided yet (decided on first use: lexicon lookups cost)
        self.maybe_verb = bytearray(n)
        #: entries a surname can look like: common nouns and adjectives (Kern, Neuer)
        #: and a term pair's capitalised word; not names (Putin after Wladimir is one)
        self.surname_like = bytearray(n)
        #: 0: nothing to check, 1: a general noun, 2: more checks, 3: an adjective or
        #: adverb (its own checks, then the name guards)
        self.need = bytearray(n)
        self.excepts: dict[int, tuple[str, ...]] = {}
        self.particle: dict[int, str] = {}
        #: a verb idiom's variants' words, where they differ (infrage for in Frage)
        self.other_particles: dict[int, tuple[str, ...]] = {}
        self.verbs: set[int] = set()
        #: auxiliaries and modal verbs: no particle of theirs closes a clause in news
        #: (sein takes an adverb there: "Das Spiel ist aus")
        self.auxiliary: set[int] = set()
        #: pos "other" single words spelled in lower case (a term pair's arm, reich,
        #: recht): a capitalised word read as a noun is another word (den Arm, das
        #: Reich). Not phrases: "die Künstliche Intelligenz" is the pair's phrase.
        self.lower_other: set[int] = set()
        #: adverbs spelled like an article or a preposition (ein, aus, über): an adverb
        #: only where it closes its clause ("Das Spiel ist aus")
        self.function_adverb: set[int] = set()
        #: adjectives and adverbs spelled in lower case, one word: capitalised they are
        #: another word (im Arm, was Neues, Neu-Delhi), before an article a preposition
        self.modifiers: set[int] = set()
        self.adjectives: set[int] = set()
        #: adjectives spelled like a past participle (versucht, eingesetzt, erhalten): in
        #: a clause with "haben" the bare form is the verb's perfect
        self.participles: set[int] = set()
        #: adjectives whose bare form is an article or a preposition (unter, vor): that
        #: form only where it closes its clause, as for adverbs
        self.function_adjective: set[int] = set()
        #: adjectives whose form may be a preposition (nah: nahe der Grenze)
        self.preposition_like: set[int] = set()
        #: ordinal adjectives (erst, dritt, letzt): their bare form is another word (the
        #: adverb "erst", the number "acht")
        self.ordinal: set[int] = set()
        #: participle-shaped adjectives whose verb is an entry too: the passive's
        #: participle is the verb's ("muss verbessert werden")
        self.passive_of_entry: set[int] = set()
        #: nouns spelled like a given name (Roman, Mark): not before a surname
        self.given_like: set[int] = set()
        #: places and organisations: 1 (inside a medium's English name, USA Today, no term)
        self.named = bytearray(e.kind in ("place", "organisation") for e in entries)
        self._particles: set[int] = set()
        #: where the last split verb's particle starts (-1 - that where it was not shown
        #: to close the verb's clause): :func:`~glossar.terms.split_verbs.particle_follows`
        #: for :meth:`keep`
        self._split = -1
        self._clauses = ClauseMemo()  #: this text's "und"s and verbs' clauses (by offset)
        read_entries(self, entries)
        for i in sorted(self.verbs):
            # a particle (wieder her), or an idiom's words ("legt … auf Eis"), with a
            # variant's words apart (stellt … infrage)
            parts = verb_parts(entries[i])
            if parts:
                self.particle[i] = parts[0]
            if len(parts) > 1:
                self.other_particles[i] = parts[1:]
        #: verb idioms whose first word is a capitalised noun (Stellung nehmen, Bilanz
        #: ziehen): found together, they start with a capital anywhere
        self.noun_first = {i for i in self.verbs if entries[i].de[:1].isupper()}
        #: verbs with a participle of a sense of its own (bekennen: bekannt)
        self.own_sense = {i for i in self.verbs if entries[i].de in OWN_SENSE_VERBS}
        #: adjectives with a check of their own beyond the capital (cheap for the rest)
        self.particular = (
            self.participles | self.function_adjective | self.preposition_like | self.ordinal
        )

    def _drop(self, why: str) -> bool:
        if self.stats is not None:
            self.stats[why] += 1
        return False

    def keep(
        self, text: str, candidates: list[Candidate], *, dense: bool | None = None
    ) -> list[Candidate]:
        """The candidates that survive every guard, in their order.

        The common candidate (a whole word of an entry with nothing to check) costs one
        lookup; a general noun a few character tests (the name guards look further only
        next to a capitalised word); short quoted titles are found once per text.
        """
        # dense candidates: one pass in C over the text beats a look per candidate;
        # sparse ones (a large glossary of rare terms): look around each one instead
        if dense is None:
            dense = len(candidates) * _DENSE > len(text)
        title_pos: set[int] = title_positions(text) if dense else set()
        after_cap: set[int] = set()  # word starts right after "Vereinte "
        cap_before: set[int] = set()  # starts of "Demokratischer " before a capital
        if dense:
            for m in CAP_ADJ.finditer(text):
                start = m.start()
                # after the term: name_context asks for a space before the word, at any
                # length; before it, for a word of its own within reach (Ärger in
                # "Krise„Ärger" is no word of its own there)
                cap_before.add(start)
                if (not start or text[start - 1].isspace()) and m.end() - start <= NAME_REACH:
                    after_cap.add(m.end())
        out: list[Candidate] = []
        add = out.append
        particles = self._particles = set()  # particles of verbs found (griff … ein)
        self._clauses = ClauseMemo()  # this text's "und"s and verbs' clauses (by offset)
        # split verbs' bare forms kept (griff … ein): (start, particle, index in out)
        split: list[tuple[int, int, int]] = []
        tails, short = given_name_tails()
        # a dense text: every surname position found in one pass (an expression of the
        # given names as the name list spells them, composed or decomposed). A short
        # text looks around each candidate instead (compiling that expression costs what
        # scanning ~0.8 MB does: the article's process 85 of 589 million instructions),
        # and so does a text not in NFC: a name spelled partly decomposed or with a
        # Kelvin sign (Se\u0301golène) is a name only once composed, as the look per
        # candidate composes it (the readings then give the same hits)
        surnames = (
            surname_starts(text)
            if dense and len(text) >= _NAME_SCAN and unicodedata.is_normalized("NFC", text)
            else None
        )
        need = self.need  # 0: nothing to check; 1: a general noun; 2: more checks; 3: modifier
        maybe_verb = self.maybe_verb
        surname_like = self.surname_like
        given_like = self.given_like
        named = self.named
        for c in candidates:
            s, e, compound, _rank, variant, ei = c
            if compound:
                if variant == SEPARABLE or (ei in self.verbs and text[s].isupper()):
                    # a capitalised part of a hyphenated word is a noun (AMS-Stellen,
                    # Test-Greifen), never a verb, nor a split verb's bare form without
                    # its particle (zur Verfügung stellen, eingreifen: a tester's hits)
                    self._drop("noun spelled like a verb")
                    continue
                if self._compound_ok(text, s, e, ei):
                    add(c)
                continue
            if (
                surname_like[ei]
                and (
                    s in surnames
                    if surnames is not None
                    else (
                        s > 2
                        and text[s - 1] == " "
                        # (first what a given name's last letters allow: a look per candidate)
                        and (
                            text[s - 5 : s - 1] in tails
                            or text[s - 4 : s - 1] in short
                            or text[s - 2] == "."
                        )
                        and after_given_name(text, s)
                    )
                )
            ):
                self._drop("surname")
                continue
            if given_like and ei in given_like and given_name_here(text, s, e):
                self._drop("given name")  # Mark Zuckerberg, Roman Herzog
                continue
            if named[ei] and text.startswith(" ", e) and _ENGLISH_NAME_AFTER.match(text, e + 1):
                self._drop("proper name")  # USA Today, China Daily: a paper's English name
                continue
            if particles and s in particles and ei not in self.verbs:
                self._drop("particle of a verb")  # nahmen … teil: no term "teil"
                continue
            kind = need[ei]
            if kind == 3:  # an adjective or adverb: its own checks, then the name guards
                if (text[s].isupper() or ei in self.particular) and not modifier_ok(
                    self, text, s, e, ei
                ):
                    continue
                kind = 1
            if kind:
                if kind == 2 and not self._special_ok(text, s, e, variant, ei):
                    continue
                if maybe_verb[ei] and not self._noun_at_start(text, s, e, ei):
                    continue
                # the name guards look further only next to a capitalised adjective
                if dense:
                    if (s in after_cap or e + 1 in cap_before or s in title_pos) and (
                        self._in_proper_name(
                            text, s, e, s in after_cap, e + 1 in cap_before, s in title_pos
                        )
                    ):
                        continue
                else:
                    context = name_context(text, s, e)
                    if any(context) and self._in_proper_name(text, s, e, *context):
                        continue
            if variant == SEPARABLE:
                split.append((s, self._split, len(out)))
            add(c)
        if split:
            out = split_verbs_win(self, out, split)
        return out

    def _special_ok(self, text: str, s: int, e: int, variant: int, ei: int) -> bool:
        if ei in self.excepts and not self._not_excepted(text, s, e, ei):
            return False
        if variant == SEPARABLE and not particle_follows(self, text, e, ei):
            return False
        if ei in self.function_adverb and not closes_clause(text, e):
            return self._drop("function word")  # "aus rechtlichen Gründen", "sei ein"
        if ei in self.modifiers and not modifier_ok(self, text, s, e, ei):
            return False  # (an adverb spelled like a function word is a modifier too)
        if (
            ei in self.verbs
            and text[s].isupper()
            and ei not in self.noun_first  # (Stellung nehmen: its first word is a noun)
            and not text[s:e].isupper()  # (a headline in capitals: no evidence)
            # chirurgischen Eingriffen; "Schritt für Schritt" opening a sentence
            and (noun_reading(text, s) or past_spelled_noun(self._entries[ei].de, text[s:e]))
        ):
            return self._drop("noun spelled like a verb")
        if ei in self.verbs and another_verbs_form(self._entries[ei].de, text, s, e):
            return self._drop("another verb's form")  # gehört (gehören), not hören
        if ei in self.own_sense and own_sense_participle(self._entries[ei].de, text, s, e):
            return self._drop("participle with a sense of its own")  # bekannt: bekennen
        if (
            ei in self.verbs
            and e - s <= _DETERMINER_LEN
            and spelled_like_determiner(text[s:e])
            and determiner_here(text, s, e)
        ):
            return self._drop("determiner spelled like a verb")  # nach einigen Tagen
        if (
            ei in self.lower_other
            and variant != 2
            and text[s].isupper()
            and not text[s:e].isupper()  # a headline in capitals: no evidence
            and noun_reading(text, s)
        ):
            return self._drop("noun spelled like a lower-case term")  # den Arm, das Reich
        if ei in self.verbs and ei not in self.particle and ei not in self.auxiliary:
            particle = particle_closing_clause(text, e, self._clauses)
            if particle >= 0:  # (last: only a verb form that passed the other checks)
                self._particles.add(particle)
                return self._drop("verb with a particle")  # steigt … ein: einsteigen
        return True

    # -- compounds ------------------------------------------------------------------

    def _compound_ok(self, text: str, s: int, e: int, ei: int) -> bool:
        ps = s
        stop = max(0, s - 60)
        # over letters and invisible marks (a soft hyphen at the seam: Landes\xadregierung)
        while ps > stop and (text[ps - 1].isalpha() or text[ps - 1] in DROPPED):
            ps -= 1
        while ps < s and text[ps] in DROPPED:
            ps += 1
        pe = _WORD_OR_MARKS.match(text, e, e + 60).end()  # type: ignore[union-attr]
        while pe > e and text[pe - 1] in DROPPED:
            pe -= 1
        if ps == s and pe == e:
            if ei in self.modifiers and text[s].isupper() and not text[s:e].isupper():
                return self._drop("modifier in a name")  # Neu-Delhi, ZDF-Heute-Show
            # a whole part of a hyphenated compound (OVKS-Truppen), unless the word is
            # an exception written with a hyphen (Bündnis-Grünen as Bündnisgrünen)
            return ei not in self.excepts or self._not_excepted(text, s, e, ei)
        piece = text[ps:pe]
        marked = not piece.isalpha()  # soft hyphens (or NFD marks): the word as it reads
        if marked:
            piece = without_marks(piece)
        if ei in self.excepts and not self._not_excepted(text, ps, pe, ei):
            return False
        if s > ps and _lower_word_start(text, ps) and not piece.isupper():
            # nouns are capitalised: a lower-case word does not end in one (mitmacht,
            # klarmacht, entmachten are verb forms)
            return self._drop("lower-case word")
        policy = self.policy[ei]
        if policy == "none":
            return self._drop("policy")
        if s > ps and policy == "modifier":
            return self._drop("policy")
        if e < pe and policy == "head":
            return self._drop("policy")
        if is_name(piece):
            return self._drop("name")
        before = text[ps:s].lower()
        after = text[e:pe]
        if marked:  # the parts as they read
            before = without_marks(before)
            after = without_marks(after)
        if s > ps and before in VERB_PREFIXES:
            return self._drop("verb prefix")
        # (in capitals too: US-PRÄSIDENTSCHAFTSKANDIDATIN is no Präsident)
        if e < pe and DERIVATION_START.match(after if after.islower() else after.lower()):
            return self._drop("derivation")
        if (
            after[:2].lower() == "er"
            and _no_er_plural(self._entries[ei])
            and (only_through_er(after))
        ):
            return self._drop("agent noun")  # Besuch|ertunnel: Besucher, not Besuch
        if self.auto[ei] and is_known_word(piece):
            return self._drop("lexicon")
        return True

    def _not_excepted(self, text: str, s: int, e: int, ei: int) -> bool:
        # over letters and the combining marks of decomposed text (u\u0308ber-Macht reads
        # as über-Macht, the exception Übermacht written with a hyphen)
        ps = s
        while ps > 0 and _in_word(text[ps - 1]):
            ps -= 1
        pe = _WORD.match(text, e).end()  # type: ignore[union-attr]
        excepts = self.excepts[ei]
        if _excepted(text[ps:pe], excepts):
            return self._drop("exception")
        # the same word written with a hyphen: Bündnis-Grünen, Vize-Präsident
        if text[pe : pe + 1] == "-" and text[pe + 1 : pe + 2].isalpha():
            qe = _WORD.match(text, pe + 1).end()  # type: ignore[union-attr]
            if _excepted(text[ps:pe] + text[pe + 1 : qe], excepts):
                return self._drop("exception")
        qs = ps
        if ps > 1 and text[ps - 1] == "-" and _in_word(text[ps - 2]):
            qs = ps - 1
            while qs > 0 and _in_word(text[qs - 1]):
                qs -= 1
            if _excepted(text[qs : ps - 1] + text[ps:pe], excepts):
                return self._drop("exception")
        if text[pe : pe + 1] == "-" and not text[pe + 1 : pe + 2].isalpha():
            # the first word of a suspended compound completes to an exception:
            # "Nichtregierungs- und Hilfsorganisationen", "Nicht-Regierungs-, Hilfs- und …"
            lender = lending_word(text, pe)
            if lender is not None and _completes_to(
                fold_key(text[qs:pe].replace("-", "")), lender, excepts
            ):
                return self._drop("exception")
        return True

    # -- verbs ----------------------------------------------------------------------

    def is_maybe_verb(self, ei: int) -> bool:
        """Is entry ``ei`` a noun whose word is also a lower-case verb form (Macht)?"""
        if self.maybe_verb[ei] == 1:  # not decided yet: one lexicon lookup per entry
            entry = self._entries[ei]
            forms = [f for f in (entry.de, entry.plural or "") if f and " " not in f]
            self.maybe_verb[ei] = 2 if any(is_lower_word(f.lower()) for f in forms) else 0
        return self.maybe_verb[ei] == 2

    def _noun_at_start(self, text: str, s: int, e: int, ei: int) -> bool:
        """False for a sentence-initial word that is a verb form there (Macht nichts)."""
        if not self.is_maybe_verb(ei):
            return True
        j = s - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and text[j] not in _BOUNDARY:
            return True  # mid sentence: a capital is a noun
        if (
            j >= 1
            and text[j] == "."
            and text[j - 1].isdigit()
            and not text[j - 3 : j - 1].isdigit()
        ):
            return True  # after a day's ordinal: "am 20. Mai" (not a year's "2020. Macht")
        if noun_reading(text, s):
            return True
        we = e
        while we < len(text) and text[we].isalpha():
            we += 1
        if not is_lower_word(text[s:we].lower()):
            return True
        k = we
        while k < len(text) and text[k] == " ":
            k += 1
        if k >= len(text) or text[k] in ",.;:!?)–-\n" or text[k].isdigit():
            return True  # (a number after it: a date, "Mai 2006")
        j = k
        while j < len(text) and text[j].isalpha():
            j += 1
        after = text[k:j]
        if after in NOUN_EVIDENCE_AFTER or (
            after.isupper() and after.lower() in NOUN_EVIDENCE_AFTER  # a headline: MACHT UND
        ):
            return True
        if after[:1].islower() and after not in VERB_FIRST_NEXT and adjectival(text[s:e]):
            # a nominalised adjective or participle: the adjective would stand before a
            # noun, a word in lower case after it is the clause going on ("Aufständische
            # verwendeten Chemikalie", a headline; "Protestierende blockierten die Straße")
            return True
        return self._drop("verb at sentence start")

    # -- names ----------------------------------------------------------------------

    def _in_proper_name(
        self, text: str, s: int, e: int, after_cap: bool, cap_after: bool, in_title: bool
    ) -> bool:
        """Is the term part of a multi-word name? ``after_cap``: a capitalised word with an
        adjective ending comes right before it; ``cap_after``: one comes right after it,
        itself before a capital; ``in_title``: it is inside a short quoted title."""
        if after_cap:  # Vereinte Nationen
            j = s - 1
            while j > 0 and (_in_word(text[j - 1]) or text[j - 1] in DROPPED):
                j -= 1
            if capital_adjective(text[j : s - 1]) and _mid_sentence(text, j):
                return not self._drop("proper name")
        if cap_after:  # Allianz Demokratischer Kräfte
            k = _WORD_OR_MARKS.match(text, e + 1).end()  # type: ignore[union-attr]
            if text[e] == " " and capital_adjective(text[e + 1 : k]) and _mid_sentence(text, e + 1):
                return not self._drop("proper name")
        if in_title:  # „Das Erwachen der Macht“
            return not self._drop("title")
        return False


def _lower_word_start(text: str, ps: int) -> bool:
    """Does the word around ``ps`` begin in lower case (over combining marks: NFD text)?"""
    while ps > 0 and (text[ps - 1].isalpha() or "\u0300" <= text[ps - 1] <= "\u036f"):
        ps -= 1
    return text[ps].islower()


@lru_cache(maxsize=8192)
def _in_word(ch: str) -> bool:
    """A letter, or a combining mark of decomposed text (u\u0308: ü)."""
    return ch.isalpha() or "\u0300" <= ch <= "\u036f"


def _completes_to(first: str, lender: str, excepts: tuple[str, ...]) -> bool:
    """Does the suspended ``first`` (folded: "nichtregierungs"), completed with a tail of
    the word ``lender`` after a seam ("Hilfs|organisationen"), give an exception? Not with
    the whole lender: "Regierungs- und Bezirkssprecher" are Regierungssprecher, not a
    Regierungsbezirk (the review's)."""
    rests = [x[len(first) :] for x in excepts if x.startswith(first) and len(x) > len(first)]
    if not rests:
        return False
    for cut in range(1, len(lender)):
        tail = fold_key(lender[cut:])
        if any(tail.startswith(rest) for rest in rests) and plausible_left(lender[:cut]):
            return True
    return False


def _excepted(word: str, excepts: tuple[str, ...]) -> bool:
    key = fold_key(word)
    return any(key.startswith(x) for x in excepts)


def _mid_sentence(text: str, j: int) -> bool:
    """Is the word starting at ``j`` inside a sentence (not its first word)?

    A blank line before it starts a paragraph or a heading: the word is first there,
    whatever precedes the blank line (a closing „quotation“ is no opener then).
    """
    i = j
    newlines = 0
    while i > 0 and (text[i - 1].isspace() or text[i - 1] in OPENERS):
        if text[i - 1] == "\n":
            newlines += 1
            if newlines == 2:
                return False
        i -= 1
    if i > 0 and text[i - 1] in BULLETS:  # a list item's first word ("- Palästinensischer")
        k = i - 1
        while k > 0 and text[k - 1] in " \t>":  # (a quoted mail's item: "> - Russischer")
            k -= 1
        if not k or text[k - 1] == "\n":
            return False
    return i > 0 and text[i - 1] not in SENTENCE_ENDS
