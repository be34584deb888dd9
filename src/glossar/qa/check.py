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
from functools import lru_cache
from typing import TYPE_CHECKING

from glossar.qa.align import Bead, align_segments, segment_texts
from glossar.qa.numbers import NumberMention, format_number, number_values

if TYPE_CHECKING:
    from glossar.glossary.model import Entry, Glossary
    from glossar.terms.match import TermMatch

#: Problem kinds, in the order they are listed within one segment.
KINDS = ("count", "untranslated", "term", "number")


def N_(message: str) -> str:
    """Marks a message for extraction into the catalog; translated later, where shown."""
    return message


MSG_TERM_MISSING = N_('"{text}" should be translated as "{expected}"')
MSG_TERM_DEPRECATED = N_('"{found}" is deprecated; use "{expected}" for "{text}"')
MSG_NUMBER_MISSING = N_("{de} ({expected}) is missing in the translation")
MSG_NUMBER_EXTRA = N_("{found} is in the translation but not in the source")
MSG_NUMBER_DIFFERS = N_("{de} became {found} (expected {expected})")
MSG_SAME_AS_SOURCE = N_("the translation is identical to the source")
MSG_STILL_GERMAN = N_("the translation is still German")
MSG_COUNT = N_(
    "the source has {source} segments, the translation {target}; "
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
        }

    def localised(self, gettext: Callable[[str], str]) -> str:
        """The message in the UI language, given the catalog's ``gettext``."""
        if not self.template:
            return self.message
        return gettext(self.template).format(**self.params)


def _problem(
    segment: int,
    kind: str,
    template: str,
    *,
    de: str | None = None,
    expected: str | None = None,
    found: str | None = None,
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
        template=template,
        params=values,
    )


@dataclass(slots=True)
class CheckReport:
    """The result of :func:`check_translation`: problems plus what was compared."""

    problems: list[Problem]
    source_segments: int
    target_segments: int
    #: "paragraphs" or "lines": how the two texts were segmented
    mode: str
    #: which source segments were paired with which target segments
    beads: list[Bead] = field(default_factory=list)
    source_lang: str = "de"
    target_lang: str = "en"

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    @property
    def aligned(self) -> int:
        """How many segment pairs were compared."""
        return sum(1 for b in self.beads if b.source and b.target)

    def to_dict(self) -> dict[str, object]:
        """Exactly the contract's JSON: ``{"problems": [...]}``."""
        return {"problems": [p.to_dict() for p in self.problems]}


# --- untranslated ----------------------------------------------------------------------

#: Frequent German function words that are not also common English words.
_GERMAN_FUNCTION_WORDS = (
    "der die das dem den des und nicht ist sind mit sich auch ein eine einen einem einer "
    "eines zu zum zur von vom im für auf aus bei nach über unter gegen durch wird werden "
    "wurde wurden hat haben hatte hatten sei seien kann soll wie oder aber noch nur "
    "dass daß sie er es wir ihr ihre ihren sein seine seinen seiner vor als schon sehr "
    "mehr doch nun hier dort jetzt diese dieser dieses diesen keine kein ob weil wenn "
    "damit etwa bereits immer wieder allerdings zwischen seit bis um"
)
GERMAN_STOPWORDS = frozenset(_GERMAN_FUNCTION_WORDS.split())
_ENGLISH_FUNCTION_WORDS = (
    "the and of to is are was were with for on that this it be has have had not by from "
    "as at an a which who whom but or its their they he she his her them will would been "
    "after into than there about these those what when where while more also"
)
ENGLISH_STOPWORDS = frozenset(_ENGLISH_FUNCTION_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+")
_GERMAN_LETTERS = re.compile(r"[äöüß]")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def language_evidence(text: str) -> tuple[int, int, int]:
    """(German hits, English hits, words): stopwords, plus lower-case words with ä/ö/ü/ß.

    Capitalised words with umlauts are not evidence: they are often names (Düsseldorf).
    """
    words = _WORD.findall(text)
    de = en = 0
    for w in words:
        lw = w.lower()
        if lw in GERMAN_STOPWORDS or (w == lw and _GERMAN_LETTERS.search(w)):
            de += 1
        elif lw in ENGLISH_STOPWORDS:
            en += 1
    return de, en, len(words)


def looks_german(text: str) -> bool:
    """Whether ``text`` reads as German rather than English.

    Needs at least four words, two German function words and more than twice the English
    ones, so names, headlines of names and English sentences quoting a German title pass.
    """
    de, en, words = language_evidence(text)
    return words >= 4 and de >= 2 and de > 2 * en and de / words >= 0.15


def untranslated_problem(index: int, source: str, target: str) -> Problem | None:
    """An ``untranslated`` problem when the target equals the source or is still German."""
    de_hits, en_hits, words = language_evidence(target)
    if _norm(source) == _norm(target) and words >= 2 and de_hits >= 1 and en_hits == 0:
        return _problem(index, "untranslated", MSG_SAME_AS_SOURCE, de=source, found=target)
    if looks_german(target):
        return _problem(index, "untranslated", MSG_STILL_GERMAN, de=source, found=target)
    return None


# --- terms -----------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
#: Irregular English verb forms that glossary phrases and idioms use in their base form.
_IRREGULAR = {
    "be": ("be", "am", "is", "are", "was", "were", "been", "being", "'m", "'s", "'re"),
    "have": ("have", "has", "had", "having"),
    "make": ("make", "makes", "made", "making"),
    "break": ("break", "breaks", "broke", "broken", "breaking"),
    "come": ("come", "comes", "came", "coming"),
    "take": ("take", "takes", "took", "taken", "taking"),
    "give": ("give", "gives", "gave", "given", "giving"),
    "get": ("get", "gets", "got", "gotten", "getting"),
    "keep": ("keep", "keeps", "kept", "keeping"),
    "lead": ("lead", "leads", "led", "leading"),
    "hold": ("hold", "holds", "held", "holding"),
    "stand": ("stand", "stands", "stood", "standing"),
    "bring": ("bring", "brings", "brought", "bringing"),
    "shoot": ("shoot", "shoots", "shot", "shooting"),
    "fight": ("fight", "fights", "fought", "fighting"),
    "run": ("run", "runs", "ran", "running"),
    "rise": ("rise", "rises", "rose", "risen", "rising"),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "send": ("send", "sends", "sent", "sending"),
    "say": ("say", "says", "said", "saying"),
    "one's": ("one's", "his", "her", "their", "its", "our", "my", "your"),
}
_VOWELS = "aeiou"


def _word_forms(word: str) -> str:
    """A regex for one English word and its inflections (plural, 3rd person, -ed, -ing).

    Abbreviations in capitals only take a plural -s; those of up to three letters must
    match in case. Consonant doubling (stepped) and
    -y → -ies/-ied are covered; a few irregular verbs are listed in :data:`_IRREGULAR`.
    """
    lower = word.lower()
    if lower in _IRREGULAR:
        return "(?:" + "|".join(re.escape(f) for f in _IRREGULAR[lower]) + ")"
    if word.isupper() and word.isalpha():
        # short acronyms keep their case: "US" is not "us", "AFP" is not "afp"
        return f"(?-i:{re.escape(word)}s?)" if len(word) <= 3 else re.escape(word) + "s?"
    if len(word) <= 2 or not word[-1].isalpha():
        return re.escape(word)
    forms = [re.escape(word) + "(?:s|es|ed|d|ing)?"]
    if len(lower) > 5 and lower.endswith(("ing", "ed")):
        # a glossary phrase in the -ing/-ed form ("pushing back") also admits the other forms
        stem = word[: -3 if lower.endswith("ing") else -2]
        forms.append(re.escape(stem) + "(?:e|es|s|ed|ing)?")
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(re.escape(stem[:-1]) + "(?:s)?")
    if lower[-1] == "y" and lower[-2] not in _VOWELS:
        forms.append(re.escape(word[:-1]) + "(?:ies|ied)")
    if lower[-1] == "e":
        forms.append(re.escape(word[:-1]) + "ing")
    if lower[-1] not in _VOWELS + "wxy" and lower[-2] in _VOWELS and lower[-3] not in _VOWELS:
        forms.append(re.escape(word + word[-1]) + "(?:ed|ing)")
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


@lru_cache(maxsize=4096)
def english_term_pattern(term: str) -> re.Pattern[str]:
    """A case-insensitive pattern for an English term with its inflections.

    Each word may be inflected ("states of emergency", "rushed to help", "stepping in"),
    the term may end in a possessive 's or s', and words may be joined by a space, a
    hyphen or nothing ("Mini-NATO", "mini NATO").
    """
    parts = [_word_forms(word) for word in _SEPARATORS.split(term.strip()) if word]
    body = r"[\s\-\u2010\u2011]*".join(parts)
    return re.compile(rf"(?<!\w){body}(?:['\u2019]s|['\u2019])?(?!\w)", re.IGNORECASE)


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


def _deprecated_in(target: str, masked: str, entry: Entry) -> str | None:
    """The first deprecated English term of ``entry`` used in ``target``, as written.

    Searched outside the accepted terms' spans, case-insensitively; a deprecated term
    that differs from an accepted one only in case (``IL-76`` vs ``Il-76``) is searched
    case-sensitively in the whole target instead.
    """
    accepted = {t.casefold() for t in entry.english_terms}
    for term in entry.en_deprecated:
        if term.casefold() in accepted:
            pattern = english_term_pattern(term)
            hit = re.search(pattern.pattern, target)  # same pattern, case-sensitive
            if hit and hit.group() not in entry.english_terms:
                return hit.group()
            continue
        hit = english_term_pattern(term).search(masked)
        if hit:
            return target[hit.start() : hit.end()]
    return None


def term_problems(index: int, target: str, matches: Sequence[TermMatch]) -> list[Problem]:
    """Term problems for one segment pair, one per glossary entry at most."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for match in matches:
        entry: Entry = match.entry
        if entry.id in seen:
            continue
        seen.add(entry.id)
        accepted = _term_spans(target, entry.english_terms)
        masked = _mask(target, accepted) if accepted else target
        deprecated = _deprecated_in(target, masked, entry)
        if deprecated is not None:
            problems.append(
                _problem(
                    index,
                    "term",
                    MSG_TERM_DEPRECATED,
                    de=entry.de,
                    expected=match.english,
                    found=deprecated,
                    text=match.text,
                )
            )
        elif not accepted:
            problems.append(
                _problem(
                    index,
                    "term",
                    MSG_TERM_MISSING,
                    de=entry.de,
                    expected=match.english,
                    text=match.text,
                )
            )
    return problems


# --- numbers ---------------------------------------------------------------------------


def number_problems(
    index: int, source: str, target: str, source_lang: str = "de", target_lang: str = "en"
) -> list[Problem]:
    """Numbers of the source missing in the target and numbers the target adds.

    Compared as values (Babel-parsed per locale). A missing and an added number in the
    same segment are paired in order into one "became" problem: a changed number.
    """
    src = number_values(source, source_lang)
    tgt = number_values(target, target_lang)
    missing: list[NumberMention] = [m for v, m in src.items() if v not in tgt]
    extra: list[NumberMention] = [m for v, m in tgt.items() if v not in src]
    problems = []
    for i in range(max(len(missing), len(extra))):
        m = missing[i] if i < len(missing) else None
        x = extra[i] if i < len(extra) else None
        expected = format_number(m.value, target_lang) if m else None
        if m and x:
            template = MSG_NUMBER_DIFFERS
        elif m:
            template = MSG_NUMBER_MISSING
        else:
            template = MSG_NUMBER_EXTRA
        problems.append(
            _problem(
                index,
                "number",
                template,
                de=m.text if m else None,
                expected=expected,
                found=x.text if x else None,
            )
        )
    return problems


# --- the check -------------------------------------------------------------------------

FindTerms = Callable[[str, "Glossary"], list["TermMatch"]]


def check_translation(
    source_text: str,
    target_text: str,
    glossary: Glossary | None,
    *,
    find_terms: FindTerms | None = None,
) -> CheckReport:
    """Check ``target_text`` (English) against ``source_text`` (German), segment by segment.

    ``glossary`` None skips the term check. ``find_terms`` replaces term recognition
    (default :func:`glossar.terms.recognise.find_terms`).
    """
    mode, sources, targets = segment_texts(source_text, target_text)
    beads = align_segments(sources, targets)
    if glossary is not None and find_terms is None:
        from glossar.terms.recognise import find_terms as _find_terms

        find_terms = _find_terms
    problems: list[Problem] = []
    first_unpaired: int | None = None
    consumed = 0  # source segments seen so far: where a target-only bead sits
    for bead in beads:
        index = (bead.source[0] if bead.source else consumed) + 1
        consumed += len(bead.source)
        if not bead.one_to_one and first_unpaired is None:
            first_unpaired = index
        if not (bead.source and bead.target):
            continue
        source = " ".join(sources[i] for i in bead.source)
        target = " ".join(targets[j] for j in bead.target)
        untranslated = untranslated_problem(index, source, target)
        if untranslated is not None:
            problems.append(untranslated)
            continue
        if glossary is not None and find_terms is not None:
            problems.extend(term_problems(index, target, find_terms(source, glossary)))
        problems.extend(number_problems(index, source, target))
    if len(sources) != len(targets):
        problems.append(
            _problem(
                first_unpaired or min(len(sources), len(targets)) + 1,
                "count",
                MSG_COUNT,
                expected=str(len(sources)),
                found=str(len(targets)),
                source=len(sources),
                target=len(targets),
            )
        )
    problems.sort(key=lambda p: (p.segment, KINDS.index(p.kind)))
    return CheckReport(problems, len(sources), len(targets), mode, beads=beads)
