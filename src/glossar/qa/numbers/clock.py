"""Times of day, decades and year spans: quantities whose spelling differs by language.

``14.30 Uhr`` equals ``2:30 p.m.`` (not the decimal 14.3 against 2.3) and ``90er Jahre``
equals ``1990s``. An English clock time without a.m./p.m. (``9 o'clock``, ``2:30``) and a
decade without its century (``the '90s``, ``nineties``) are *vague*: they match any
reading they allow (:func:`~glossar.qa.numbers.mention.same_quantity`). In a year span the
short year is the full one (``2020/21`` has 2020 and 2021), so ``2020/21``, ``2020-21``
and ``2020/2021`` agree.
"""

from __future__ import annotations

import re
from decimal import Decimal

from glossar.qa.numbers.german import DE_TENS
from glossar.qa.numbers.mention import NumberMention, hours_minutes

_SPACE = "[ \u00a0\u202f]"
#: After a German time: ``Uhr``, optionally a part of the day.
_DE_CLOCK = re.compile(
    rf"{_SPACE}?Uhr\b(?:{_SPACE}(?P<part>morgens|früh|vormittags|mittags|nachmittags|abends|nachts)\b)?"
)
#: After an English time: a.m./p.m., o'clock, a time zone or "local time"; then optionally
#: a part of the day ("9 o'clock in the evening").
_EN_CLOCK = re.compile(
    rf"{_SPACE}?(?:(?P<ap>[ap])(?:\.{_SPACE}?m\b\.?|{_SPACE}?m\b)|(?P<oclock>o['’]clock\b)"
    r"|(?-i:(?P<zone>GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK)\b)|(?P<local>local time\b))"
    rf"(?:{_SPACE}(?P<part>in the (?:morning|afternoon|evening)|at night|tonight)\b)?",
    re.IGNORECASE,
)
#: German parts of the day after "Uhr" that move an hour into the afternoon or evening,
#: with the hours they move: "1 Uhr mittags" is 13:00, "10 Uhr nachts" 22:00, "3 Uhr nachts" 3:00.
_DE_PM_PARTS = {
    "nachmittags": range(12),
    "abends": range(12),
    "mittags": range(6),
    "nachts": range(6, 12),
}
#: Joiners of a time range whose first time is written without its clock word
#: ("von 14.30 bis 16 Uhr", "between 9 and 11am").
_RANGE_JOINERS = frozenset(
    {"bis", "und", "oder", "-", "–", "—", "to", "and", "or", "until", "till"}
)
#: Year spans with a short second year: "2020/21", "1998-99".
_SPAN_JOINERS = frozenset({"/", "-", "–", "—"})
#: German decades: "90er Jahre", "90er-Jahren", "in den 90ern", "1990er Jahre".
_DE_DECADE_YEARS = re.compile(rf"(?:-|{_SPACE})Jahren?\b")
_DE_DECADE_WORD = re.compile(
    r"(zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|nuller)"
    r"(?:er|ern)(jahre|jahren)?"
)
DE_DECADE_WORD_STARTS = frozenset(
    {"zwan", "drei", "vier", "fünf", "sech", "sieb", "acht", "neun", "null"}
)
#: English words for decades (vague: any century) and for times of day; both only confirm
#: (optional): "the Roaring Twenties" may be "die Goldenen Zwanziger", "at noon" "mittags".
EN_QUANTITY_WORDS = {
    "noughties": ("decade", 0), "twenties": ("decade", 20), "thirties": ("decade", 30),
    "forties": ("decade", 40), "fifties": ("decade", 50), "sixties": ("decade", 60),
    "seventies": ("decade", 70), "eighties": ("decade", 80), "nineties": ("decade", 90),
    "midnight": ("time", 0), "noon": ("time", 720), "midday": ("time", 720),
}  # fmt: skip


def skip_to(toks: list[re.Match[str]], j: int, end: int) -> int:
    """The index of the first token at or after character ``end``, from ``j`` on."""
    while j < len(toks) and toks[j].start() < end:
        j += 1
    return j


def _english_part_of_day(minutes: int, part: str) -> int:
    """A 12-hour ``minutes`` reading made exact by "in the evening", "at night"..."""
    part = part.lower()
    if part.endswith(("afternoon", "evening")) or (
        part in ("at night", "tonight") and minutes >= 360
    ):
        return minutes + 720
    return minutes


#: A unit of time after "1:47": a length of time in hours and minutes, not a time of day
#: ("siegte nach 1:47 Stunden" is "1 hour 47 minutes": a tester's false alarm "1:47 a.m.").
#: Not a bare "h": "Einlass ab 19:30 h" is a time of day (Austrian and Swiss style).
_DURATION_AFTER = re.compile(
    r"\s*(?:stunden?|std\b|minuten?|min\b|hours?|hrs?\b|minutes?)", re.IGNORECASE
)

#: A bare "h" after "2:05": a length of time after a word of time taken, else a time of
#: day ("Einlass ab 19:30 h").
_BARE_H = re.compile(r"\s*h\b(?!-)")
#: Words before "2:05" that make it a length of time: "siegte in 2:05 (h)", "Siegerzeit
#: 2:05", "Die Siegerzeit betrug 2:05 h", "eine Zeit von 2:05", "won in 2:05", "a time of
#: 2:05", "the winning time was 2:05"; "nach" and "after" only with an "h" ("nach 20:15"
#: is a time of day). Only words of a time taken: not Hochzeit, Ortszeit, Anstoßzeit.
_TIME_TAKEN = re.compile(
    r"(?:\b(?P<strict>in|binnen|innerhalb|within)"
    r"|\b(?P<zeit>(?:Sieger|Siegers|Lauf|Best|Fahr|Flug|Gesamt|Rekord|Renn|Zwischen|End)?zeit)"
    r"(?:\s+(?:von|betrug|beträgt|lag\s+bei|liegt\s+bei))?"
    r"|\b(?P<time>(?:winning |finishing |record |best |total )?time)(?:\s+(?:of|was|is))?"
    r"|\b(?P<took>dauerte|dauert|brauchte|benötigte|took|lasted)"
    r"|\b(?:nach|after))\s+\Z",
    re.IGNORECASE,
)


def _time_taken(text: str, start: int, end: int, clock_word: bool) -> bool:
    """Is the "1:47" at ``start``–``end`` a length of time in hours and minutes (a unit
    of time after it, or a word of time taken before it), not a time of day?"""
    if _DURATION_AFTER.match(text, end):
        return True
    if clock_word:  # "nach 20.15 Uhr", "in 2:05 p.m."
        return False
    taken = _TIME_TAKEN.search(text, max(0, start - 30), start)
    if taken is None:
        return False
    strict = (
        taken.group("strict") or taken.group("zeit") or taken.group("time") or taken.group("took")
    )
    return bool(strict) or _BARE_H.match(text, end) is not None


def clock_at(
    text: str, toks: list[re.Match[str]], i: int, lang: str
) -> tuple[NumberMention, int] | None:
    """A time of day starting at digit token ``i`` (and the index after it), else None.

    German: ``14.30 Uhr``, ``14:30``, ``9 Uhr abends``. English: ``2.30pm``, ``2:30 p.m.``,
    ``9am``, ``9 o'clock`` (vague), ``14:30``, ``14.30 GMT``, ``2:30`` (vague).
    """
    tok = toks[i]
    raw = tok.group()
    end = tok.end()
    j = i + 1
    colon = False
    if (
        j < len(toks)
        and text.startswith(":", end)
        and toks[j].start() == end + 1
        and len(raw) <= 2
        and len(toks[j].group()) == 2
        and toks[j].group("num") is not None
        and not text.startswith(":", toks[j].end())  # 2:05:30 is a running time
        and not (tok.start() and text[tok.start() - 1] == ":")
    ):
        raw = f"{raw}.{toks[j].group()}"
        end = toks[j].end()
        j += 1
        colon = True
    suffix = (_DE_CLOCK if lang == "de" else _EN_CLOCK).match(text, end)
    if colon and _time_taken(text, tok.start(), end, suffix is not None):
        return None  # "nach 1:47 Stunden": a running time, its hours and minutes numbers
    if suffix is None and not colon:
        return None
    hm = hours_minutes(raw)
    if hm is None:
        return None
    hours, minutes = hm
    vague = False
    if lang == "de":
        value = 0 if hours == 24 and minutes == 0 else hours * 60 + minutes
        if hours == 24 and minutes:
            return None
        part = suffix.group("part") if suffix else None
        if part and hours in _DE_PM_PARTS.get(part, ()):
            value += 720
    elif suffix is not None and suffix.group("ap"):
        if not 1 <= hours <= 12:
            return None
        value = (hours % 12) * 60 + minutes + (720 if suffix.group("ap").lower() == "p" else 0)
    elif (
        suffix is not None
        and (suffix.group("zone") or suffix.group("local"))
        or (hours > 12 or hours == 0 or tok.group().startswith("0"))
    ):
        if hours == 24 and minutes:
            return None
        value = (hours * 60 + minutes) % 1440  # a 24-hour clock
    else:  # "9 o'clock", "2:30": morning or afternoon
        if hours == 0 or (suffix is not None and suffix.group("oclock") and minutes):
            return None
        value = (hours % 12) * 60 + minutes
        part = suffix.group("part") if suffix else None
        if part:
            value = _english_part_of_day(value, part)
        else:
            vague = True
    if suffix is not None:
        end = suffix.end()
    mention = NumberMention(
        Decimal(value), text[tok.start() : end], tok.start(), end, "time", vague
    )
    return mention, skip_to(toks, j, end)


def decade_at(
    text: str, toks: list[re.Match[str]], i: int, lang: str
) -> tuple[NumberMention, int] | None:
    """A decade in digits at token ``i``: ``90er Jahre``, ``1990er``, ``1990s``, ``'90s``."""
    tok = toks[i]
    raw = tok.group()
    j = i + 1
    if raw[-1] != "0" or len(raw) not in (2, 4) or j >= len(toks) or not raw.isdigit():
        return None
    nxt = toks[j]
    suffix = nxt.group().lower()
    if lang == "de":
        if nxt.start() != tok.end() or suffix not in ("er", "ern"):
            return None
        end = nxt.end()
        years = _DE_DECADE_YEARS.match(text, end) if suffix == "er" else None
        if years is not None:
            end = years.end()
        elif suffix == "er" and len(raw) == 2:  # "ein 20er", "die 30er-Zone"
            return None
    else:
        if suffix != "s" or text[tok.end() : nxt.start()] not in ("", "'", "’"):
            return None
        end = nxt.end()
    mention = NumberMention(
        Decimal(raw), text[tok.start() : end], tok.start(), end, "decade", len(raw) == 2
    )
    return mention, skip_to(toks, j + 1, end)


def german_decade_word(text: str, tok: re.Match[str], low: str) -> NumberMention | None:
    """``neunziger Jahre``, ``Neunzigerjahre``, ``in den Neunzigern`` as a decade."""
    m = _DE_DECADE_WORD.fullmatch(low)
    if m is None:
        return None
    value = 0 if m.group(1) == "nuller" else DE_TENS[m.group(1)]
    end = tok.end()
    years = None if m.group(2) or low.endswith("ern") else _DE_DECADE_YEARS.match(text, end)
    if years is not None:
        end = years.end()
    sure = bool(m.group(2) or years)  # without "Jahre" it may be an age or a banknote
    return NumberMention(
        Decimal(value), text[tok.start() : end], tok.start(), end, "decade", True, not sure
    )


def short_year_after(text: str, toks: list[re.Match[str]], i: int) -> NumberMention | None:
    """The second year of a span written short (``2020/21``, ``1998-99``) as the full year."""
    tok = toks[i]
    raw = tok.group()
    if len(raw) != 4 or i + 1 >= len(toks) or not raw.isdigit():
        return None
    nxt = toks[i + 1]
    short = nxt.group()
    if len(short) != 2 or not short.isdigit():
        return None
    if text[tok.end() : nxt.start()].strip() not in _SPAN_JOINERS:
        return None
    year = int(raw)
    full = year - year % 100 + int(short)
    if full <= year:
        full += 100
    if full > year + 10:
        return None
    return NumberMention(Decimal(full), short, nxt.start(), nxt.end())


def time_ranges(text: str, out: list[NumberMention], lang: str) -> None:
    """A bare number that starts a time range becomes a time: ``von 14.30 bis 16 Uhr``."""
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if first.kind != "number" or second.kind != "time":
            continue
        if text[first.end : second.start].strip().lower() not in _RANGE_JOINERS:
            continue
        hm = hours_minutes(first.text)
        if hm is None or (hm[0] == 24 and hm[1]):
            continue
        hours, minutes = hm
        vague = False
        if lang == "de" or hours > 12 or hours == 0:
            value = (hours * 60 + minutes) % 1440
        elif second.vague:
            value, vague = (hours % 12) * 60 + minutes, True
        else:  # the half of the day of the range's end: "9-11am", "11 to 1pm" (11 a.m.)
            base = int(second.value) - int(second.value) % 720
            value = base + (hours % 12) * 60 + minutes
            if value > second.value:
                value -= 720
            value %= 1440
        out[k] = NumberMention(Decimal(value), first.text, first.start, first.end, "time", vague)


#: Spoken clock times: "halb drei" (2:30), "Viertel nach zwei", "half past two",
#: "a quarter to three": word → minutes to add to the hour it names.
_DE_SPOKEN = {"halb": -30, "viertel nach": 15, "viertel vor": -15}
_EN_SPOKEN = {"half past": 30, "quarter past": 15, "quarter to": -15}
_HOURS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eins": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12,
}  # fmt: skip


def spoken_time_at(
    text: str, toks: list[re.Match[str]], i: int, lang: str
) -> tuple[NumberMention, int] | None:
    """A clock time said in words at token ``i``: ``halb drei``, ``half past 2`` (vague)."""
    words = [t.group().lower() for t in toks[i : i + 3]]
    table = _DE_SPOKEN if lang == "de" else _EN_SPOKEN
    for size in (1, 2):
        if len(words) <= size or " ".join(words[:size]) not in table:
            continue
        hour_tok = toks[i + size]
        if text[toks[i + size - 1].end() : hour_tok.start()].strip():
            return None
        hour = _HOURS.get(words[size]) or (
            int(hour_tok.group()) if hour_tok.group().isdigit() else None
        )
        if hour is None or not 1 <= hour <= 12:
            return None
        minutes = (hour * 60 + table[" ".join(words[:size])]) % 720
        end = hour_tok.end()
        found = NumberMention(
            Decimal(minutes), text[toks[i].start() : end], toks[i].start(), end, "time", True
        )
        return found, i + size + 1
    return None
