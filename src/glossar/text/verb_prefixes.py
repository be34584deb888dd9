"""Which prefixes split off a German verb ("griff … ein", eingegriffen) and which stay on
it (übernahm, übernommen): the tables behind :func:`glossar.text.verbs.split_prefix`.

Three kinds:

- **separable** prefixes always split (ein, aus, zurück, and the compound particles
  herum, hervor, hinzu, entgegen, gegenüber, …; also words of their own that split off
  verbs: statt, teil, fest, frei, hoch, bekannt, klar, offen, fern, kennen);
- **inseparable** ones never do (be, ver, ent, …: no ge- in the participle);
- **variable** ones (durch, um, über, unter, wider, hinter, voll) split off some verbs
  and not others: durchführen ("führte … durch", durchgeführt) but durchsuchen
  (durchsuchte, durchsucht); umsetzen ("setzte … um", umgesetzt) but umfassen; übergehen
  ("ging … über") but übernehmen (übernahm, übernommen). Each has the reading most
  verbs of news take and a list of the verbs that take the other. A verb of both
  readings (umgehen: "geht mit … um" / umging) takes the one news uses most; a glossary
  that means the other lists its forms.
"""

from __future__ import annotations

#: Separable prefixes, longest first (heraus before her, hinein before hin, hinterher
#: before hin): the longest that starts a verb is its prefix.
SEPARABLE_PREFIXES = tuple(
    sorted(
        (
            "zurück", "zusammen", "hinaus", "heraus", "herein", "hinein", "herbei", "voran",
            "vorbei", "weiter", "wieder", "fort", "nach", "heim", "ein", "aus", "auf", "mit",
            "vor", "weg", "her", "hin", "los", "bei", "dar", "ab", "an", "zu",
            "statt", "teil", "fest",
            # compound particles (hervorheben, hinzufügen, entgegennehmen, …)
            "durcheinander", "gegenüber", "hinterher", "entgegen", "herunter", "hinunter",
            "hindurch", "überein", "herüber", "hinüber", "vorüber", "zurecht", "hervor",
            "herauf", "hinauf", "voraus", "nieder", "herum", "umher", "heran", "herab",
            "hinab", "hinweg", "hinzu", "bevor", "empor", "davon",
            # "einander" particles (auseinandersetzen: "setzt sich … auseinander")
            "auseinander", "aufeinander", "miteinander", "nebeneinander", "gegeneinander",
            "zueinander", "voneinander", "übereinander", "untereinander", "beieinander",
            "hintereinander", "aneinander", "ineinander",
            # words of their own (freilassen, hochfahren, bekanntgeben, kennenlernen)
            "bekannt", "kennen", "offen", "hoch", "frei", "klar", "fern",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
#: The separable prefixes added in stop 40: each splits off only a base the word list
#: knows (bevor|stehen, but not bevor|zugen: bevorzugen; offen|legen, not offen|baren).
CHECKED_PREFIXES = frozenset(
    ["durcheinander", "gegenüber", "hinterher", "entgegen", "herunter", "hinunter"]
    + ["hindurch", "überein", "herüber", "hinüber", "vorüber", "zurecht", "hervor"]
    + ["herauf", "hinauf", "voraus", "nieder", "herum", "umher", "heran", "herab"]
    + ["hinab", "hinweg", "hinzu", "bevor", "empor", "davon", "bekannt", "kennen"]
    + ["offen", "hoch", "frei", "klar", "fern", "auseinander", "aufeinander"]
    + ["miteinander", "nebeneinander", "gegeneinander", "zueinander", "voneinander"]
    + ["übereinander", "untereinander", "beieinander", "hintereinander", "aneinander"]
    + ["ineinander"]
)
#: Verbs that start like a separable prefix and a verb the word list knows, but keep
#: their prefix (offenbaren: offenbart; bevorzugen: bevorzugt).
NOT_SPLIT = frozenset(
    ["offenbaren", "bevormunden", "bevorraten", "bevorrechten", "bevorrechtigen"]
    + ["bevorteilen", "bevorworten", "bevorzugen", "bevorschussen"]
)
#: Separable prefixes that are words of their own too (Statt, Teil, Fest, hoch, frei):
#: they split off verbs (stattfinden, teilnehmen, feststellen, freilassen: "ließ … frei",
#: freigelassen) but a noun after them is a compound's part, not a derivation
#: (Teil|abnahme, Fest|rede, Hoch|wasser, Frei|zeit).
WORD_PARTICLES = (
    "statt", "teil", "fest", "hoch", "frei", "bekannt", "klar", "offen", "fern", "kennen",
)  # fmt: skip
#: Prefixes that never separate and take no ge- in the participle (ver|schwinden).
INSEPARABLE_PREFIXES = ("miss", "emp", "ent", "ver", "zer", "be", "er", "ge")


def _bases(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Variable prefixes: (prefix, separable by default, the verbs' bases that take the
#: other reading). Lists from the verbs of simplemma's German lemmas (each read) and the
#: common verbs of each prefix.
_VARIABLE: tuple[tuple[str, bool, frozenset[str]], ...] = (
    ("durch", True, _bases(
        "suchen queren leuchten kreuzen forsten denken leben löchern nässen dringen "
        "schauen fließen streifen wandern tränken zucken eilen fluten pflügen leiden "
        "bohren kämmen stöbern wühlen strömen weben wirken furchen pulsen wehen walten "
        "schweifen strahlen seuchen messen feuchten bluten glühen"
    )),
    ("um", True, _bases(
        "fassen geben zingeln armen kreisen ringen schließen hüllen rahmen runden "
        "segeln werben sorgen klammern spannen schiffen garnen jubeln kämpfen randen "
        "fliegen grenzen hegen kränzen ranken säumen schwärmen schwirren strömen zäunen "
        "spülen spielen fluten fließen wehen tosen toben nachten schatten wölken frieden "
        "schmeicheln stehen"
    )),
    ("über", False, _bases(
        "gehen greifen laufen wechseln kochen schnappen quellen siedeln handnehmen "
        "streifen schwappen schäumen sprudeln kippen"
    )),
    ("unter", False, _bases(
        "gehen bringen kommen ordnen tauchen haken kriegen jubeln mischen kriechen "
        "schlupfen schlüpfen sinken rühren heben mengen pflügen"
    )),
    ("wider", False, _bases(
        "spiegeln hallen klingen leuchten scheinen schallen"
    )),
    ("hinter", False, frozenset()),
    ("voll", True, _bases("bringen enden führen strecken ziehen")),
)  # fmt: skip
#: The variable prefixes (none starts another).
VARIABLE_PREFIXES = tuple(p for p, _sep, _other in _VARIABLE)
_VARIABLE_STARTS = VARIABLE_PREFIXES


def variable_prefix(infinitive: str) -> tuple[str, str, bool] | None:
    """(prefix, base, separable?) of a verb with a variable prefix (``umsetzen`` →
    ("um", "setzen", True), ``übernehmen`` → ("über", "nehmen", False)), else None: a
    separable prefix that starts the same way is longer (umher, überein, hinterher)."""
    if not infinitive.startswith(_VARIABLE_STARTS):
        return None
    for prefix, separable, other in _VARIABLE:
        base = infinitive[len(prefix) :]
        if infinitive.startswith(prefix) and len(base) >= 4 and base.endswith("n"):
            return prefix, base, separable != (base in other)
    return None


def inseparable_prefix(word: str) -> str:
    """The prefix of ``word`` (a verb's infinitive or base) that stays on it and takes no
    ge- in the participle: an inseparable one (ver|lieren), or a variable one read
    inseparably (über|nehmen); "" when none."""
    for prefix in INSEPARABLE_PREFIXES:
        if word.startswith(prefix):
            return prefix
    found = variable_prefix(word)
    if found is not None and not found[2]:
        return found[0]
    return ""
