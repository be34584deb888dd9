"""Quality check of a German→English translation against the glossary and the source.

A translation (human or ``glossar translate`` output) is aligned with its source segment
by segment — blank-line paragraphs when both texts have them, else lines — and each
pair is checked for what a reviewer would otherwise catch by eye: glossary terms not
rendered with the glossary's English (or rendered with a deprecated term), numbers that
differ once parsed for each locale, segments left untranslated, and segment counts that
do not match. Problems carry an English message for JSON and a template with parameters
so the CLI can say the same thing in the UI language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from glossar.arguments import glossary_argument, text_argument
from glossar.glossary.model import Entry, Glossary  # at run time: typing.get_type_hints
from glossar.qa.align import (
    Bead,
    DroppedSentence,
    align_segments,
    dropped_sentence,
    empty_target_lines,
    segment_texts,
    segment_translated,
    translated_segments,
)
from glossar.qa.modifier import article_of_next_noun
from glossar.qa.numbers import NOTE, PROBLEM, NumberMention, compare_numbers, format_mention
from glossar.terms.match import TermMatch, english_may_go
from glossar.text.english import english_claims, english_term_pattern
from glossar.text.fold import visible
from glossar.text.language import (
    ENGLISH_STOPWORDS,
    GERMAN_STOPWORDS,
    copied_german_words,
    language_evidence,
    looks_german,
)

__all__ = [
    "ENGLISH_STOPWORDS",
    "GERMAN_STOPWORDS",
    "KINDS",
    "CheckReport",
    "Problem",
    "check_translation",
    "english_term_pattern",
    "language_evidence",
    "looks_german",
    "number_problems",
    "term_problems",
    "untranslated_problem",
]

#: Problem kinds, in the order they are listed within one segment.
KINDS = ("count", "untranslated", "term", "number")


def N_(message: str) -> str:
    """Marks a message for extraction into the catalog; translated later, where shown."""
    return message


MSG_TERM_MISSING = N_('"{text}" should be translated as "{expected}"')
MSG_TERM_MISSING_OR = N_('"{text}" should be translated as "{expected}" (or: {others})')
#: German and English spelled alike (US → US): "should be translated as" itself reads oddly
MSG_TERM_ABSENT = N_('"{expected}" is missing in the translation')
MSG_TERM_ABSENT_OR = N_('"{expected}" is missing in the translation (or: {others})')
#: Accepted alternatives a missing-term message names at most.
_OTHERS_SHOWN = 4
MSG_TERM_DEPRECATED = N_('"{found}" is deprecated; use "{expected}" for "{text}"')
MSG_NUMBER_MISSING = N_("{de} ({expected}) is missing in the translation")
#: … where the English writes it as the German does ("300 (300)" said nothing)
MSG_NUMBER_MISSING_AS_IS = N_("{de} is missing in the translation")
MSG_NUMBER_MAY_MISS_AS_IS = N_("{de} may be missing in the translation, or paraphrased")
MSG_NUMBER_EXTRA = N_("{found} is in the translation but not in the source")
MSG_NUMBER_DIFFERS = N_("{de} became {found} (expected {expected})")
MSG_NUMBER_COPIED = N_(
    "{found} is written as in the German; in English it reads {read} (expected {expected})"
)
MSG_NUMBER_MAY_MISS = N_("{de} ({expected}) may be missing in the translation, or paraphrased")
MSG_NUMBER_MAY_ADD = N_("{found} may not be in the source, or paraphrases it")
MSG_NUMBER_UNIT = N_("{de} became {found}: the same length of time in another unit?")
MSG_NUMBER_VAGUE = N_("{de} became {found}: check that the translation may be this exact")
MSG_NUMBER_CENTURY = N_(
    "{de} became {found}: the year's century; check that the translation may be this vague"
)
MSG_SAME_AS_SOURCE = N_("the translation is identical to the source")
MSG_STILL_GERMAN = N_("the translation is still German")
MSG_PARTLY_GERMAN = N_("words left in German: {found}")
MSG_EMPTY = N_("segment {n} is empty in the translation")
MSG_SENTENCE_DROPPED = N_("a sentence of the source may be missing in the translation: {de}")
MSG_SENTENCE_MISSING = N_("a sentence of the source is missing in the translation: {de}")
MSG_NO_COUNTERPART = N_("no counterpart in the translation either: {de}")
MSG_COUNT_DROPPED = N_(
    "segments: {source} in the source, {target} in the translation; the first without a "
    "counterpart in the translation is here: {de}"
)
MSG_COUNT = N_(  # no plural to agree with a count ("the source has 1 segments")
    "segments: {source} in the source, {target} in the translation; "
    "the first without a one-to-one counterpart is here"
)


@dataclass(slots=True)
class Problem:
    """One thing wrong with one segment of a translation (``segment`` counts from 1)."""

    segment: int
    kind: str
    message: str
    de: str | None = None
    expected: str | None = None
    found: str | None = None
    #: "problem" (counts for the exit status) or "note" (may be fine: a possible paraphrase)
    severity: str = PROBLEM
    #: the untranslated message template and its parameters, for localised output
    template: str = field(default="", repr=False, compare=False)
    params: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict[str, object]:
        """The contract's JSON shape (message in English, never localised)."""
        return {
            "segment": self.segment,
            "kind": self.kind,
            "message": self.message,
            "de": self.de,
            "expected": self.expected,
            "found": self.found,
            "severity": self.severity,
        }

    def localised(self, gettext: Callable[[str], str]) -> str:
        """The message in the UI language, given the catalog's ``gettext``."""
        if not self.template:
            return self.message
        template = gettext(self.template)
        params = self.params
        terms = params.get("others_terms")
        if terms and "„" in template:  # German quotes round the listed terms too
            params = {**params, "others": _quoted(terms, "„", "“")}  # type: ignore[arg-type]
        return template.format(**params)


def _quoted(terms: Sequence[str], opening: str = '"', closing: str = '"') -> str:
    """At most :data:`_OTHERS_SHOWN` terms, each quoted, then "…" when there are more."""
    shown = ", ".join(f"{opening}{t}{closing}" for t in terms[:_OTHERS_SHOWN])
    return shown + (", …" if len(terms) > _OTHERS_SHOWN else "")


def _problem(
    segment: int,
    kind: str,
    template: str,
    *,
    de: str | None = None,
    expected: str | None = None,
    found: str | None = None,
    severity: str = PROBLEM,
    **params: object,
) -> Problem:
    values = {"de": de, "expected": expected, "found": found, **params}
    return Problem(
        segment,
        kind,
        template.format(**values),
        de,
        expected,
        found,
        severity,
        template=template,
        params=values,
    )


@dataclass(slots=True)
class CheckReport:
    """The result of :func:`check_translation`: problems plus what was compared.

    ``problems`` fail the check (exit 1); ``notes`` are things a reviewer may want to
    look at that are likely fine (a number that may be paraphrased), never a failure.
    """

    problems: list[Problem]
    source_segments: int
    target_segments: int
    #: "paragraphs", "lines" or "sentences" (both given as translate JSON, or a wrapped
    #: text whose lines do not pair with the other's): the segments
    mode: str
    #: which source segments were paired with which target segments
    beads: list[Bead] = field(default_factory=list)
    source_lang: str = "de"
    target_lang: str = "en"
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    @property
    def aligned(self) -> int:
        """How many segment pairs were compared."""
        return sum(1 for b in self.beads if b.source and b.target)

    def to_dict(self) -> dict[str, object]:
        """The contract's JSON: ``{"problems": [...], "notes": [...]}``, and ``mode``:
        what a ``segment`` number counts ("lines", "paragraphs" or "sentences": a
        wrapped text is compared sentence by sentence)."""
        return {
            "problems": [p.to_dict() for p in self.problems],
            "notes": [n.to_dict() for n in self.notes],
            "mode": self.mode,
        }


# --- untranslated ----------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def untranslated_problem(index: int, source: str, target: str) -> Problem | None:
    """An ``untranslated`` problem when the target equals the source or is still German."""
    de_hits, en_hits, words = language_evidence(target)
    if _norm(source) == _norm(target) and words >= 2 and de_hits >= 1 and en_hits == 0:
        return _problem(index, "untranslated", MSG_SAME_AS_SOURCE, de=source, found=target)
    if looks_german(target):
        return _problem(index, "untranslated", MSG_STILL_GERMAN, de=source, found=target)
    copied = copied_german_words(source, target)
    if len(copied) >= 2 or (copied and words and len(copied) / words >= 0.2):
        return _problem(
            index, "untranslated", MSG_PARTLY_GERMAN, de=source, found=", ".join(copied)
        )
    return None


# --- terms -----------------------------------------------------------------------------


def _term_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for term in terms:
        spans.extend(m.span() for m in english_term_pattern(term).finditer(text))
    return spans


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _deprecated_in(target: str, masked: str, entry: Entry, source: str | None = None) -> str | None:
    """The first deprecated English term of ``entry`` used in ``target``, as written.

    Searched outside the accepted terms' spans (in the whole target when it contains an
    accepted term: "the Ukraine"), case-insensitively; a deprecated term
    that differs from an accepted one only in case (``IL-76`` vs ``Il-76``) is searched
    case-sensitively in the whole target instead. A deprecated "the …" whose article
    belongs to the noun after it ("the Ukraine crisis") is not the deprecated term.
    """
    accepted = {t.casefold() for t in entry.english_terms}
    for term in entry.en_deprecated:
        if term.casefold() in accepted:
            pattern = english_term_pattern(term)
            hit = re.search(pattern.pattern, target)  # same pattern, case-sensitive
            if hit and hit.group() not in entry.english_terms:
                return hit.group()
            continue
        # A deprecated term that contains an accepted one ("the Ukraine" beside "Ukraine")
        # would be blanked out with it: search it in the whole target.
        within = any(english_term_pattern(a).search(term) for a in entry.english_terms if a)
        article = term.casefold().startswith("the ")
        for hit in english_term_pattern(term).finditer(target if within else masked):
            if article and article_of_next_noun(target, hit.end(), entry.de, source):
                continue
            return target[hit.start() : hit.end()]
    return None


def term_problems(
    index: int, target: str, matches: Sequence[TermMatch], source: str | None = None
) -> list[Problem]:
    """Term problems for one segment pair, one per glossary entry at most.

    With the ``source`` the matches were found in, an entry found only inside closed
    compounds (Regierung in Regierungschef, rendered "prime minister") or as a place
    modifying a hyphenated compound (US-Präsidentschaft) is not missing where its
    English is absent; a deprecated English term is still a problem."""
    problems: list[Problem] = []
    seen: set[str] = set()
    whole = (
        None if source is None else {m.entry.id for m in matches if not english_may_go(source, m)}
    )
    # one English occurrence for one German term: "demonstrators" is Demonstranten's or
    # Protestierende's, not both (a tester's dropped term that passed); entries that may
    # go claim nothing
    firsts: dict[str, TermMatch] = {}
    for m in matches:
        firsts.setdefault(m.entry.id, m)
    claiming = [m for m in firsts.values() if whole is None or m.entry.id in whole]
    claimed = dict(
        zip(
            [m.entry.id for m in claiming],
            english_claims(target, [m.accepted_english for m in claiming]),
            strict=True,
        )
    )
    for match in matches:
        entry: Entry = match.entry
        if entry.id in seen:
            continue
        seen.add(entry.id)
        only_in_compounds = whole is not None and entry.id not in whole
        accepted = _term_spans(target, entry.english_terms) if claimed.get(entry.id, True) else []
        masked = _mask(target, accepted) if accepted else target
        deprecated = _deprecated_in(target, masked, entry, source)
        if deprecated is not None:
            # the occurrence the deprecated English stands for: "Wladimir Putin" for a
            # deprecated "Wladimir Putin" where the sentence also says "Putin"
            match = _closest(deprecated, [m for m in matches if m.entry.id == entry.id])
            problems.append(
                _problem(
                    index,
                    "term",
                    MSG_TERM_DEPRECATED,
                    de=entry.de,
                    expected=_in_number(match, match.english, source),
                    found=deprecated,
                    text=match.text,
                )
            )
        elif not accepted and not only_in_compounds:
            expected = _in_number(match, match.english, source)
            others = list(  # "ground force" and "ground forces" are one plural
                dict.fromkeys(
                    _in_number(match, t, source)
                    for t in match.accepted_english
                    if t != match.english
                )
            )
            others = [t for t in others if t != expected]
            same = match.text.casefold() == expected.casefold()
            if others:
                template = MSG_TERM_ABSENT_OR if same else MSG_TERM_MISSING_OR
            else:
                template = MSG_TERM_ABSENT if same else MSG_TERM_MISSING
            problems.append(
                _problem(
                    index,
                    "term",
                    template,
                    de=entry.de,
                    expected=expected,
                    text=match.text,
                    others=_quoted(others),
                    others_terms=tuple(others),
                )
            )
    return problems


def _closest(found: str, matches: list[TermMatch]) -> TermMatch:
    """Of one entry's ``matches``, the one whose English reads most like ``found``."""
    from rapidfuzz import fuzz

    return max(matches, key=lambda m: fuzz.ratio(found.casefold(), m.english.casefold()))


def _in_number(match: TermMatch, english: str, source: str | None) -> str:
    """``english`` in the number the German noun has (``Bündnisse``: "alliances")."""
    from glossar.mt.mend import plural_in_german, pluralise

    if source is None or match.entry.pos != "noun" or not plural_in_german(match, source):
        return english
    return pluralise(english)


# --- numbers ---------------------------------------------------------------------------


#: English number words a message may expect where both texts spell their numbers.
_ENGLISH_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
]  # fmt: skip


def _in_words_as_written(m: NumberMention, x: NumberMention, expected: str | None) -> str | None:
    """``expected`` as a word where the German and the English both spell the number
    ("fünf became six (expected five)", not "(expected 5)")."""
    if not (m.text.isalpha() and x.text.isalpha() and m.kind == "number" and not m.ordinal):
        return expected
    value = m.value
    if value != value.to_integral_value() or not 0 <= value < len(_ENGLISH_WORDS):
        return expected
    return _ENGLISH_WORDS[int(value)]


def number_problems(
    index: int, source: str, target: str, source_lang: str = "de", target_lang: str = "en"
) -> list[Problem]:
    """Numbers of the source missing in the target and numbers the target adds.

    Compared as values (Babel-parsed per locale); times of day and decades as what they
    mean (``14.30 Uhr`` = ``2:30 p.m.``, ``90er Jahre`` = ``1990s``); number words in
    compounds, ordinals, fractions and vague amounts as :mod:`glossar.qa.numbers` reads
    them. A missing and an added number in the same segment become one "became" problem:
    a changed number, as is an equal number with the opposite sign written (``+6,1`` ↔
    ``-6.1``), another month in a date, another unit (``drei Tage`` ↔ ``three weeks``),
    or a first that became another ordinal; a German decimal comma left in the English
    (``4,5%``) is a number "written as in the German". Numbers that may be paraphrased
    come back with severity ``note``.
    """
    problems = []
    for diff in compare_numbers(source, target, source_lang, target_lang):
        m, x = diff.missing, diff.extra
        params: dict[str, object] = {}
        expected = diff.expected or (format_mention(m, target_lang) if m else None)
        if m and x and not diff.expected and target_lang == "en":
            expected = _in_words_as_written(m, x, expected)
        if m and x and diff.reason == "comma":  # "4,5 Prozent" left as "4,5%": 45
            template = MSG_NUMBER_COPIED
            params["read"] = x.text.replace(",", "")
        elif m and x and diff.reason == "sign":  # "+6,1" became "-6.1"
            template = MSG_NUMBER_DIFFERS
            expected = f"+{expected}" if m.value > 0 else expected
        elif m and x and m.text == x.text:  # "1,335 €" left as is: 1,335 in English
            template = MSG_NUMBER_COPIED
            # written without grouping: "in English it reads 1,335" said nothing
            params["read"] = format(x.value.normalize(), "f")
        elif m and x and diff.severity == NOTE:
            template = {"unit": MSG_NUMBER_UNIT, "century": MSG_NUMBER_CENTURY}.get(
                diff.reason, MSG_NUMBER_VAGUE
            )
        elif m and x:
            template = MSG_NUMBER_DIFFERS
        elif m:
            template = MSG_NUMBER_MISSING if diff.severity == PROBLEM else MSG_NUMBER_MAY_MISS
            if expected == m.text:
                template = (
                    MSG_NUMBER_MISSING_AS_IS
                    if diff.severity == PROBLEM
                    else MSG_NUMBER_MAY_MISS_AS_IS
                )
        else:
            template = MSG_NUMBER_EXTRA if diff.severity == PROBLEM else MSG_NUMBER_MAY_ADD
        problems.append(
            _problem(
                index,
                "number",
                template,
                de=m.text if m else None,
                expected=expected,
                found=x.text if x else None,
                severity=diff.severity,
                **params,
            )
        )
    return problems


# --- the check -------------------------------------------------------------------------

FindTerms = Callable[[str, "Glossary"], list["TermMatch"]]


def _dropped_problem(index: int, dropped: DroppedSentence) -> Problem:
    """A sentence of a segment without a counterpart in its translation: a problem, as
    a dropped line is (as a note only, a missing sentence passed the check, exit 0); a
    note where it rather reads as three sentences made one."""
    if dropped.merged:
        return _problem(
            index, "untranslated", MSG_SENTENCE_DROPPED, de=dropped.sentence, severity=NOTE
        )
    return _problem(index, "untranslated", MSG_SENTENCE_MISSING, de=dropped.sentence)


def check_translation(
    source_text: str,
    target_text: str,
    glossary: Glossary | None,
    *,
    find_terms: FindTerms | None = None,
    target_name: str = "<target>",
) -> CheckReport:
    """Check ``target_text`` (English) against ``source_text`` (German), segment by segment.

    ``target_text`` may be plain text or the JSON of ``glossar translate --json`` (its
    segments' targets are the translation). ``glossary`` None skips the term check.
    ``find_terms`` replaces term recognition (default
    :func:`glossar.terms.recognise.find_terms`). ``target_name`` names the target in errors.
    """
    # composed Unicode (NFC): decomposed text (macOS) asked for "presidents" where a
    # composed copy asked for "president"; problems quote text, not offsets
    source_text = visible(text_argument(source_text, "source_text"))
    target_text = visible(text_argument(target_text, "target_text"))
    glossary_argument(glossary)
    pairs = translated_segments(target_text, target_name)
    if pairs is not None:
        mode, sources, targets = segment_translated(source_text, pairs)
    else:
        mode, sources, targets = segment_texts(source_text, target_text)
        if mode == "lines":  # a blank line for a sentence: the segment stays in place
            for k in empty_target_lines(source_text, target_text):
                targets.insert(k, "")
    beads = align_segments(sources, targets, always=pairs is None and mode == "sentences")
    if glossary is not None and find_terms is None:
        from glossar.terms.recognise import find_terms as _find_terms

        find_terms = _find_terms
    problems: list[Problem] = []
    first_unpaired: int | None = None
    first_alone: int | None = None
    consumed = 0  # source segments seen so far: where a target-only bead sits
    run = False  # the bead before was a source segment without a counterpart
    first_dropped: str | None = None
    for bead in beads:
        index = (bead.source[0] if bead.source else consumed) + 1
        consumed += len(bead.source)
        if not (bead.source and bead.target) and first_alone is None:
            first_alone = index  # a segment with no counterpart at all: the count's cause
            if bead.source:  # a source segment: quoted (a tester wanted the first named too)
                first_dropped = " ".join(sources[i] for i in bead.source)
        if not bead.one_to_one and first_unpaired is None:
            first_unpaired = index
        alone = bool(bead.source) and not bead.target
        if alone and not run and first_alone != index:
            # each further run of segments without a counterpart, by its first one's text
            # (the count problem names the first run: a second dropped line went unnamed;
            # a truncated translation stays one problem)
            source = " ".join(sources[i] for i in bead.source)
            problems.append(_problem(index, "untranslated", MSG_NO_COUNTERPART, de=source))
        run = alone
        if not (bead.source and bead.target):
            continue
        source = " ".join(sources[i] for i in bead.source)
        target = " ".join(targets[j] for j in bead.target)
        if not target.strip():
            problems.append(
                _problem(index, "untranslated", MSG_EMPTY, de=source, found="", n=index)
            )
            continue
        untranslated = untranslated_problem(index, source, target)
        if untranslated is not None:
            problems.append(untranslated)
            continue
        if pairs is None and mode != "sentences":  # lines or paragraphs of sentences
            dropped = dropped_sentence(source, target)
            if dropped is not None:
                problems.append(_dropped_problem(index, dropped))
        if glossary is not None and find_terms is not None:
            sure = [m for m in find_terms(source, glossary) if getattr(m, "sure", True)]
            problems.extend(term_problems(index, target, sure, source))
        problems.extend(number_problems(index, source, target))
    # wrapped plain texts are compared by the sentences the segmenter finds on each side:
    # two sentences against one is a difference of splitting (an English "Mr."), not of
    # the translation; a sentence without any counterpart is one dropped or added
    resplit = pairs is None and mode == "sentences"
    if len(sources) != len(targets) and (
        not resplit or any(not (b.source and b.target) for b in beads)
    ):
        problems.append(
            _problem(
                first_alone or first_unpaired or min(len(sources), len(targets)) + 1,
                "count",
                MSG_COUNT if first_dropped is None else MSG_COUNT_DROPPED,
                de=first_dropped,
                expected=str(len(sources)),
                found=str(len(targets)),
                source=len(sources),
                target=len(targets),
            )
        )
    problems.sort(key=lambda p: (p.segment, KINDS.index(p.kind)))
    notes = [p for p in problems if p.severity == NOTE]
    problems = [p for p in problems if p.severity != NOTE]
    return CheckReport(problems, len(sources), len(targets), mode, beads=beads, notes=notes)
