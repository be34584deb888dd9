"""English verb forms for enforcement: a glossary's verb is written in its base form
("intervene", "step in"), and put into a sentence it must take the form the German
shows ("eingegriffen wird": is intervened; "untergrub": undermined; "eskaliert":
escalates). Regular rules, the irregular verbs news English uses, the first word of a
phrasal verb inflected ("stepped in")."""

from __future__ import annotations

__all__ = ["english_verb_form"]

#: Irregular verbs: base → (past, past participle).
IRREGULAR_VERBS = {
    "be": ("was", "been"),
    "have": ("had", "had"),
    "do": ("did", "done"),
    "go": ("went", "gone"),
    "make": ("made", "made"),
    "break": ("broke", "broken"),
    "come": ("came", "come"),
    "become": ("became", "become"),
    "take": ("took", "taken"),
    "undertake": ("undertook", "undertaken"),
    "overtake": ("overtook", "overtaken"),
    "give": ("gave", "given"),
    "get": ("got", "got"),
    "keep": ("kept", "kept"),
    "lead": ("led", "led"),
    "mislead": ("misled", "misled"),
    "hold": ("held", "held"),
    "uphold": ("upheld", "upheld"),
    "withhold": ("withheld", "withheld"),
    "stand": ("stood", "stood"),
    "withstand": ("withstood", "withstood"),
    "understand": ("understood", "understood"),
    "throw": ("threw", "thrown"),
    "overthrow": ("overthrew", "overthrown"),
    "bring": ("brought", "brought"),
    "shoot": ("shot", "shot"),
    "fight": ("fought", "fought"),
    "run": ("ran", "run"),
    "rise": ("rose", "risen"),
    "arise": ("arose", "arisen"),
    "seek": ("sought", "sought"),
    "send": ("sent", "sent"),
    "spend": ("spent", "spent"),
    "lend": ("lent", "lent"),
    "build": ("built", "built"),
    "say": ("said", "said"),
    "pay": ("paid", "paid"),
    "lay": ("laid", "laid"),
    "tell": ("told", "told"),
    "sell": ("sold", "sold"),
    "win": ("won", "won"),
    "lose": ("lost", "lost"),
    "meet": ("met", "met"),
    "leave": ("left", "left"),
    "feel": ("felt", "felt"),
    "begin": ("began", "begun"),
    "drive": ("drove", "driven"),
    "ride": ("rode", "ridden"),
    "write": ("wrote", "written"),
    "speak": ("spoke", "spoken"),
    "choose": ("chose", "chosen"),
    "freeze": ("froze", "frozen"),
    "steal": ("stole", "stolen"),
    "fall": ("fell", "fallen"),
    "flee": ("fled", "fled"),
    "hang": ("hung", "hung"),
    "strike": ("struck", "struck"),
    "draw": ("drew", "drawn"),
    "withdraw": ("withdrew", "withdrawn"),
    "grow": ("grew", "grown"),
    "know": ("knew", "known"),
    "show": ("showed", "shown"),
    "see": ("saw", "seen"),
    "oversee": ("oversaw", "overseen"),
    "find": ("found", "found"),
    "think": ("thought", "thought"),
    "buy": ("bought", "bought"),
    "catch": ("caught", "caught"),
    "teach": ("taught", "taught"),
    "beat": ("beat", "beaten"),
    "bear": ("bore", "borne"),
    "forbid": ("forbade", "forbidden"),
    "forgive": ("forgave", "forgiven"),
    "hide": ("hid", "hidden"),
    "bind": ("bound", "bound"),
    "deal": ("dealt", "dealt"),
    "mean": ("meant", "meant"),
    "sit": ("sat", "sat"),
    "shake": ("shook", "shaken"),
    "swear": ("swore", "sworn"),
    "tear": ("tore", "torn"),
    "wear": ("wore", "worn"),
    "sink": ("sank", "sunk"),
    "spread": ("spread", "spread"),
    "put": ("put", "put"),
    "set": ("set", "set"),
    "cut": ("cut", "cut"),
    "let": ("let", "let"),
    "hit": ("hit", "hit"),
    "hurt": ("hurt", "hurt"),
    "quit": ("quit", "quit"),
    "shut": ("shut", "shut"),
    "cost": ("cost", "cost"),
    "upset": ("upset", "upset"),
    "broadcast": ("broadcast", "broadcast"),
    "forecast": ("forecast", "forecast"),
    "overcome": ("overcame", "overcome"),
    "undergo": ("underwent", "undergone"),
    "forget": ("forgot", "forgotten"),
    "fly": ("flew", "flown"),
    "split": ("split", "split"),
    "bid": ("bid", "bid"),
    "shed": ("shed", "shed"),
    "sweep": ("swept", "swept"),
    "hear": ("heard", "heard"),
    "feed": ("fed", "fed"),
    "dig": ("dug", "dug"),
    "override": ("overrode", "overridden"),
    "overrun": ("overran", "overrun"),
    "mistake": ("mistook", "mistaken"),
    "foresee": ("foresaw", "foreseen"),
    "rebuild": ("rebuilt", "rebuilt"),
    "repay": ("repaid", "repaid"),
    "rewrite": ("rewrote", "rewritten"),
    "undo": ("undid", "undone"),
    "eat": ("ate", "eaten"),
    "drink": ("drank", "drunk"),
    "sing": ("sang", "sung"),
    "swim": ("swam", "swum"),
    "sleep": ("slept", "slept"),
    "slide": ("slid", "slid"),
    "speed": ("sped", "sped"),
    "stick": ("stuck", "stuck"),
    "sting": ("stung", "stung"),
    "swing": ("swung", "swung"),
    "spin": ("spun", "spun"),
    "wake": ("woke", "woken"),
    "bite": ("bit", "bitten"),
    "blow": ("blew", "blown"),
    "burst": ("burst", "burst"),
    "cast": ("cast", "cast"),
    "thrust": ("thrust", "thrust"),
    "bleed": ("bled", "bled"),
    "breed": ("bred", "bred"),
    "cling": ("clung", "clung"),
    "creep": ("crept", "crept"),
    "fling": ("flung", "flung"),
    "seize": ("seized", "seized"),
}
#: Verbs of more than one syllable stressed on the last that double its consonant
#: (admitted, controlled); spelling alone cannot tell them from visit → visited.
_STRESSED_LAST = frozenset(
    ["admit", "commit", "submit", "permit", "omit", "emit", "transmit", "acquit", "abet"]
    + ["deter", "occur", "recur", "refer", "prefer", "confer", "transfer", "infer", "defer"]
    + ["control", "patrol", "compel", "expel", "propel", "repel", "rebel", "excel", "dispel"]
    + ["regret", "forbid", "equip", "begin", "upset", "outbid", "embed", "allot"]
)
_VOWELS = "aeiou"
#: Forms :func:`english_verb_form` makes.
#: ``present`` is a finite present that is not third person singular ("they intervene"):
#: spelled as the base form, but finite (a "be" before it goes, as for ``third``).
#: ``past_plural`` is a finite past that is not third person singular: "were" for "be"
#: (they were behind), the past of any other verb.
#: ``detached``: the German verb stands apart from the idiom found ("stand … auf dem
#: Spiel"), so a leading "be" goes ("at stake") and the model's own verb stays.
FORMS = ("base", "third", "past", "participle", "ing", "present", "past_plural", "detached")


def english_verb_form(term: str, form: str) -> str:
    """``term`` (a verb in its base form, a phrasal verb or a verb phrase: "step in",
    "take over") in ``form`` (one of :data:`FORMS`); its first word is inflected."""
    if form == "base" or not term or not term[0].isalpha():
        return term
    if term.lower().startswith("to ") and len(term) > 3:  # a user's "to interfere"
        term = term[3:]
    verb, space, rest = term.partition(" ")
    if form == "detached":
        return rest if verb.lower() == "be" and rest else term
    if form == "present":  # they are behind; they rush to help
        return (_cased(verb, "are") if verb.lower() == "be" else verb) + space + rest
    if form == "past_plural":  # they were behind
        past = _cased(verb, "were") if verb.lower() == "be" else _inflect(verb, "past")
        return past + space + rest
    return _inflect(verb, form) + space + rest


def _inflect(verb: str, form: str) -> str:
    low = verb.lower()
    if form == "third":
        if low in ("be", "have"):
            return _cased(verb, "is" if low == "be" else "has")
        if low.endswith(("s", "x", "z", "ch", "sh", "o")):
            return verb + "es"
        if low.endswith("y") and low[-2:-1] not in _VOWELS:
            return verb[:-1] + "ies"
        return verb + "s"
    if form == "ing":
        if low.endswith("ie"):
            return verb[:-2] + "ying"
        if low.endswith("e") and not low.endswith(("ee", "ye", "oe")) and len(low) > 2:
            return verb[:-1] + "ing"
        return (verb + verb[-1] if _doubles(low) else verb) + "ing"
    irregular = IRREGULAR_VERBS.get(low)
    if irregular is not None:
        return _cased(verb, irregular[0] if form == "past" else irregular[1])
    if low.endswith("e"):
        return verb + "d"
    if low.endswith("y") and low[-2:-1] not in _VOWELS:
        return verb[:-1] + "ied"
    return (verb + verb[-1] if _doubles(low) else verb) + "ed"


def _doubles(low: str) -> bool:
    """Does a one-syllable verb ending consonant-vowel-consonant double its last letter
    (step → stepped, stop → stopping)? Longer verbs are left alone: only the stressed
    ones double (prefer, but not visit), which spelling cannot tell."""
    if low in _STRESSED_LAST:
        return True
    vowels = sum(
        1 for i, c in enumerate(low) if c in _VOWELS and (i == 0 or low[i - 1] not in _VOWELS)
    )
    return (
        vowels == 1
        and len(low) >= 3
        and low[-1] not in _VOWELS + "wxy"
        and low[-2] in _VOWELS
        and low[-3] not in _VOWELS
    )


def _cased(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word
