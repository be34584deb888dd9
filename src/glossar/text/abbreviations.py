"""German abbreviations that end in a period, for sentence splitting of news text.

Why a list of our own: a period after an abbreviation is the splitter's main source of
wrong splits on real news (issue 13: ``dt.``, ``ital.``, ``mex.``, ``öst.``, ``lett.``,
``kanad.``, ``jr.``, ``Musikhist.`` broke 14 of 298 sentences of Austrian news). Sources:

- the abbreviations that stand inside sentences of UD German PUD (tests/data/pud,
  CC BY-SA 3.0: tokens ending in ``.`` that do not end their sentence: ``Chr.``, ``bzw.``,
  ``ca.``, ``St.``, ``Nr.``, ``Mrd.``, ``Mio.``, ``Hl.``, ``Dr.``, ``u.a.``, ``z. B.``, …);
- the same count on UD German GSD dev + test (tests/data/gsd, CC BY-SA 4.0; Frankfurter
  Rundschau news and reviews): ``Az.`` (Aktenzeichen, ``Urteil (Az. 5 StR …)``) was the
  one missing;
- the ones issue 13 found breaking real Austrian news (above);
- the systematic families those belong to, as German style guides list them (Duden,
  "Abkürzungen"): nationality adjectives (first syllables of the country adjective:
  ``dt.``, ``frz.``, ``ital.``, ``span.``, …), titles and professions (``Prof.``,
  ``Mag.``, ``Ing.``, ``Abg.``, ``Bgm.``), academic fields (``…hist.``), citations
  (``Abs.``, ``Art.``, ``Ziff.``), units and amounts (``Mio.``, ``Mrd.``, ``Tsd.``),
  weekdays and months (``Mo.``, ``Jän.``, ``Okt.``).

Three kinds, because a period after some abbreviations often does end a sentence:

- :data:`NEVER_END`: stand before what they qualify (a name, a noun); never a boundary.
- :data:`BEFORE_NUMBER`: citations and counters (``Art. 5``, ``Abs. 3``, ``Nr. 1``):
  no boundary when a number follows; ``eine neue Art. Die …`` still splits.
- :data:`MAY_END`: often last in a sentence (``usw.``, ``v. Chr.``, ``Mio.``): a boundary
  only when a typical sentence opener follows (:data:`SENTENCE_OPENERS`).

Matching is case-sensitive (``Mag.`` is a title, ``mag.`` a verb) with the capitalised
form accepted at the start of a sentence (``Vgl.``).
"""

from __future__ import annotations

_NATIONALITIES = """
afgh ägypt alban alger amer amerik arab argent armen aserb austral äthiop belg bosn bras
brit bulg chil chin dän dt estn europ finn frz franz georg griech gr hebr ind indon ir
irak iran isl isr ital jap jem jugosl kanad kasach kath korean kroat kuban lett lib lit
lux maked mex mold mong niederl nieders norw öst österr pakist paläst pers port poln
rumän russ saudi schott schwed schweiz serb slowak slowen sowj span syr tschech tunes
türk ukr ung urug usbek venez vietn weißruss
"""

_TITLES_AND_PROFESSIONS = """
Abg Adm Assist Bgm Bischof Brig Bürgerm Chefred Dipl Dir Doz Dr Dres Erzb Fr Gen GenDir
Gf Hptm Hr Hrsg Ing Insp Kard Kdt Komm Kpt Lt Mag Maj Min Obstlt Obst Pfr Präs Prim
Prof Red Reg Sekr Sen Sr Stv Univ Vors Vorst
jr jun sen sr
hist Kunsthist Musikhist Literaturhist Medizinhist Wirtschaftshist Sozialhist
wiss Musikwiss Sprachwiss Literaturwiss Politikwiss Kunstwiss Rechtswiss
"""

_GENERAL = """
Abb Abt Adr allg Anh Anm Apr Aufl Aug Ausg Bd Bde Bez bes Best betr Bhf bspw Bsp bzgl bzw
ca Co dgl Di Dez Do eigtl einschl engl entspr erw ev evtl exkl Fa Feb Fam ff Fr frdl
Frl geb gegr gem Ges gest ggf Ggs gr hl Hl Hbf inkl insb Inh Jan Jän jährl Jh Jhd Jhdt
Jul Jun kath Kfz kgl Kl Kr lat Lkw ltd max Mi Mio mind Mo Mrd Mrz Mär näml Nov
Nr Okt op orig österr Pkw Pl Pos Prov rd rel resp röm Sa Sek Sep Sept So sog sogen St
Str Tel Tsd tägl usw Verf Verl vgl Vol vorm Ztg zzgl zzt zz zB ua usf
"""

#: Abbreviations that never end a sentence (before a name or a noun).
NEVER_END: frozenset[str] = frozenset(
    (_NATIONALITIES + _TITLES_AND_PROFESSIONS + _GENERAL).split()
) - frozenset({"usw", "usf", "ff", "Mio", "Mrd", "Tsd", "jr", "jun", "sen", "sr", "Sr", "Min"})

_GENERAL_SET = frozenset(_GENERAL.split())
#: Nationality abbreviations also written capitalised, in names (Dt. Bahn): all but those
#: whose capitalised form is a word or a name that may end a sentence (in die Schweiz.,
#: in den Irak., mit offenen Armen., Franz.): the German word list knows these, and
#: first names it does not (Finn., Brit., Alban.).
_WORDS_WHEN_CAPITALISED = """
armen austral franz georg irak iran isl kath korean kuban lux pers port russ saudi schott
schweiz serb span tunes türk lib lit ind ir gr
alban arab brit finn jap
"""
_NAMED_NATIONALITIES = frozenset(_NATIONALITIES.split()) - frozenset(
    _WORDS_WHEN_CAPITALISED.split()
)

#: Citations and counters: no boundary when a number (or a roman numeral) follows.
_BEFORE_NUMBER = "Abs Art Az Bd Kap Nr No Nrn S Ss Sp Ziff Rz Rn Tab Bl Anl Pkt"
BEFORE_NUMBER: frozenset[str] = frozenset(_BEFORE_NUMBER.split())

#: Often last in a sentence: a boundary only before a sentence opener.
_MAY_END = """
usw usf etc ff Chr Mio Mrd Tsd jr jun sen sr Sr Jh Jhd Jhdt Std Min u.a o.ä u.ä u.v.m
a.a.O Ä i.J Co
"""
MAY_END: frozenset[str] = frozenset(_MAY_END.split())

#: Capitalised words that open sentences in news text and rarely follow an ordinal or
#: an abbreviation inside one: after ``am 11.11.`` or ``usw.`` they mark a new sentence.
_OPENERS = """
    Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Ich Wir Ihr Man
    Im In Am An Auf Aus Bei Mit Nach Von Vom Vor Zu Zum Zur Für Über Unter Um Ab Seit
    Bis Laut Trotz Während Nachdem Obwohl Weil Dass Ob Wenn Als Wie Was Wer Wo Warum
    Dies Diese Dieser Dieses Doch Aber Und Auch Dann Da Damit Dabei Dafür Dagegen Danach
    Deshalb Daher Denn So Nun Noch Nicht Kein Keine Heute Gestern Zudem Außerdem Jetzt
    Hier Dort Sein Seine Seiner Ihre Ihren Unser Unsere Alle Viele Mehr Nur Schon
    Insgesamt Allerdings Trotzdem Somit Zunächst Später Bereits Inzwischen Mittlerweile
    Daraus Darauf Darin Darüber Davon Dazu Dadurch Darum Dennoch Deswegen Demnach Jedoch
    Anschließend Seitdem Stattdessen Zwar
"""
SENTENCE_OPENERS: frozenset[str] = frozenset(_OPENERS.split())


#: One-letter unit symbols: hours, metres, seconds, grams, tonnes, litres.
_UNIT_LETTERS = frozenset("hmsgtl")


def unit_after_number(word: str, before: str) -> bool:
    """Is the one-letter ``word`` a unit symbol after the number ``before`` ("siegte in
    2:05 h.", "wog 40 t.")? Its period may end a sentence, unlike that of "d. h." or
    "u. a." (a tester's three lines "… in 2:05 h." read as one sentence)."""
    return word in _UNIT_LETTERS and before[-1:].isdigit()


def abbreviation_kind(token: str) -> str | None:
    """``"never"``, ``"number"``, ``"may"`` or None for a token without its final period.

    ``token`` is the word before a period as it stands (``Musikhist``, ``z.B``,
    ``Dipl.-Ing``); a hyphenated token is judged by its last part.
    """
    if "-" in token:
        token = token.rsplit("-", 1)[1]
    if not token:
        return None
    if token in BEFORE_NUMBER:
        return "number"
    if token in MAY_END:
        return "may"
    if token in NEVER_END:
        return "never"
    lowered = token[:1].lower() + token[1:]
    if lowered != token and lowered in _GENERAL_SET:
        return "may" if lowered in MAY_END else "never"  # Vgl. at the start of a sentence
    if lowered != token and lowered in _NAMED_NATIONALITIES:
        # in a name (Dt. Bahn, Frz. Guayana) before a noun; a name itself (Bundesstaat
        # Chin., Amer.) before a sentence opener
        return "may"
    return None


def kind_in_capitals(token: str) -> str | None:
    """:func:`abbreviation_kind` of a token in a text in capitals (a wire slug, a shouted
    headline: BZW., MIO., DR., ST. are the abbreviations; a desk tester's "EIL +++ ST.⏎
    PETERSBURG +++" was cut there). Only for such a text: in mixed case "der FR." is the
    Frankfurter Rundschau ending a sentence, not "Fr." (Frau)."""
    if len(token) < 2 or not token.isupper():
        return None
    for spelling in (token.lower(), token[0] + token[1:].lower()):
        kind = abbreviation_kind(spelling)
        if kind is not None:
            return kind
    return None
