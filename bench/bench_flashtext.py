"""Issue 13 figures: ``glossar terms`` against flashtext, as whole processes and in-process.

    PYTHONPATH=src python bench/bench_flashtext.py [--mb 5] [--sizes curated,10k,100k]

Text: ~5 MB of real German (UD German PUD, CC BY-SA 3.0, and the bundled article),
sentences shuffled into paragraphs (``bench_scale.write_text``, seed 0).

Glossaries, written as TOML under ``bench/out/`` (not committed):

- ``curated``: the bundled glossaries alone;
- ``10k``: real words *of the text*: the lemmas UD German PUD gives for its nouns
  (with their gender), proper nouns, adjectives, adverbs and verbs (with the forms that
  occur), plus adjective + noun phrases that occur in it — dense hits;
- ``100k``: the 10k plus real German lemmas from simplemma's dictionary (nouns get a
  gender guessed from their ending), as a large termbase would hold.

Each is layered over the curated glossary (``--glossary``). flashtext gets every German
spelling of the same entries as case-insensitive keywords (umlauts and ß as word
characters) and does plain whole-word matching — no inflection, compounds or phrase
grammar, so it finds fewer terms. Whole processes include start-up, loading and
compiling (after the first run, a 10k/100k glossary's compiled form comes from glossar's
cache folder, as for a user; ``GLOSSAR_CACHE_DIR=`` switches that off), and each is
run interleaved with the flashtext processes, best of ``--repeat``. ``first process``
is one run with an empty cache folder (the first run ever on a machine). flashtext +
JSON writes its hits as ``json.dumps(indent=2)`` (start, end, text, keyword), the kind
of output ``glossar terms --json`` writes. ``load`` and ``compile`` are in-process
without the disk caches; ``cached`` is the same from the caches a later process reads
(glossaries of 2,000 entries or more).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from bench_scale import write_text  # noqa: E402
from bench_terms import speedups  # noqa: E402
from timing import best_of  # noqa: E402

_FLASHTEXT = r"""
import sys, time
from flashtext import KeywordProcessor
kp = KeywordProcessor(case_sensitive=False)
for c in "äöüÄÖÜßéèáàâêîôûçñ":
    kp.add_non_word_boundary(c)
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        if line.strip():
            kp.add_keyword(line.strip())
with open(sys.argv[2], encoding="utf-8") as fh:
    text = fh.read()
hits = kp.extract_keywords(text, span_info=True)
if len(sys.argv) > 3:  # the same kind of output glossar writes: every hit as JSON
    import json
    terms = [{"start": s, "end": e, "text": text[s:e], "keyword": k} for k, s, e in hits]
    sys.stdout.write(json.dumps({"terms": terms}, ensure_ascii=False, indent=2) + "\n")
else:
    print(len(hits))
"""


def _gender_guess(noun: str) -> str:
    low = noun.lower()
    if low.endswith(("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "enz", "e")):
        return "f"
    if low.endswith(("chen", "lein", "ment", "um", "nis", "tum")):
        return "n"
    return "m"


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pud_entries() -> list[dict[str, object]]:
    """Entries made of the real words (lemmas) and adjective + noun phrases of PUD."""
    from glossar.text.fold import fold_key

    rows: list[list[str]] = []
    sentences: list[list[list[str]]] = []
    path = ROOT / "tests" / "data" / "pud" / "de_pud-ud-test.conllu"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            sentences.append([])
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                sentences[-1].append(cols)
                rows.append(cols)
    entries: dict[tuple[str, bool], dict[str, object]] = {}
    verb_forms: dict[str, set[str]] = {}

    def add(de: str, pos: str, **extra: object) -> None:
        noun_like = pos in ("noun", "proper-noun")
        key = (fold_key(de), noun_like)
        if key in entries or not de or len(de) < 3:
            return
        entries[key] = {"de": de, "pos": pos, **extra}

    genders = {"Masc": "m", "Fem": "f", "Neut": "n"}
    for cols in rows:
        form, lemma, upos, feats = cols[1], cols[2], cols[3], cols[5]
        if not lemma.replace("-", "").isalpha():
            continue
        gender = next((genders[g] for g in genders if f"Gender={g}" in feats), None)
        if upos == "NOUN" and gender and lemma[:1].isupper():
            add(lemma, "noun", gender=gender)
        elif upos == "PROPN" and lemma[:1].isupper():
            add(lemma, "proper-noun", kind="name")
        elif upos == "ADJ" and lemma.islower():
            add(lemma, "adjective")
        elif upos == "ADV" and lemma.islower():
            add(lemma, "adverb")
        elif upos == "VERB" and lemma.islower():
            verb_forms.setdefault(lemma, set()).add(form.lower())
    claimed = {key for key, noun in entries if not noun}
    for lemma, forms in verb_forms.items():
        if fold_key(lemma) in claimed:
            continue
        kept = sorted(f for f in forms - {lemma} if fold_key(f) not in claimed)
        claimed.update(fold_key(f) for f in [lemma, *kept])
        add(lemma, "verb", forms=kept)
    endings = {"m": "er", "f": "e", "n": "es"}
    for sent in sentences:
        for a, b in zip(sent, sent[1:], strict=False):
            if a[3] == "ADJ" and b[3] == "NOUN" and a[2].isalpha() and b[2].isalpha():
                gender = next((genders[g] for g in genders if f"Gender={g}" in b[5]), None)
                if gender and a[2].islower() and b[2][:1].isupper():
                    add(f"{a[2]}{endings[gender]} {b[2]}", "noun", gender=gender)
    return list(entries.values())


def simplemma_lemmas(exclude: set[str], n: int) -> list[dict[str, object]]:
    """``n`` real German lemmas from simplemma's dictionary (sorted, deterministic)."""
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    from glossar.text.fold import fold_key

    lemmas = sorted({v.decode() for v in _load_dictionary_from_disk("de").values()})
    out: list[dict[str, object]] = []
    seen = set(exclude)
    for lemma in lemmas:
        if len(out) >= n:
            break
        if not lemma.isalpha() or len(lemma) < 4:
            continue
        key = fold_key(lemma)
        noun = lemma[:1].isupper()
        if (key, noun) in seen or (key, not noun) in seen:
            continue
        seen.add((key, noun))
        if noun:
            out.append({"de": lemma, "pos": "noun", "gender": _gender_guess(lemma)})
        else:
            out.append({"de": lemma, "pos": "adjective"})
    return out


def write_glossary(path: Path, entries: list[dict[str, object]], gid: str) -> None:
    lines = ["[glossary]", f'id = "{gid}"', 'version = "1"', ""]
    for i, e in enumerate(entries):
        lines.append("[[entry]]")
        lines.append(f'id = "e{i}"')
        for key in ("de", "pos", "gender", "kind"):
            if key in e:
                lines.append(f"{key} = {_toml_str(str(e[key]))}")
        if e.get("forms"):
            forms = ", ".join(_toml_str(f) for f in e["forms"])  # type: ignore[attr-defined]
            lines.append(f"forms = [{forms}]")
        lines.append(f'en = "term {i}"')
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def glossaries(sizes: list[str]) -> dict[str, Path | None]:
    """Glossary files by name (None: the curated one alone), built once under bench/out."""
    from glossar.text.fold import fold_key

    OUT.mkdir(exist_ok=True)
    out: dict[str, Path | None] = {}
    base = pud_entries() if any(s != "curated" for s in sizes) else []
    for size in sizes:
        if size == "curated":
            out[size] = None
            continue
        n = int(size.rstrip("k")) * 1000
        path = OUT / f"real_{size}.toml"
        if not path.exists():
            entries = base[:n]
            if len(entries) < n:
                seen = {(fold_key(str(e["de"])), e["pos"] in ("noun", "proper-noun")) for e in base}
                entries = base + simplemma_lemmas(seen, n - len(base))
            write_glossary(path, entries, f"real-{size}")
        out[size] = path
    return out


def spellings(path: Path | None) -> list[str]:
    from glossar.glossary.load import load_glossary

    g = load_glossary([] if path is None else [str(path)])
    return sorted({t for e in g for t in (*e.german_terms, *e.forms)})


def run(cmd: list[str], **extra_env: str) -> tuple[float, str]:
    # the glossar this process imported (the checkout's src, or an installed build with
    # its compiled speedups), not whatever the child would find first
    import glossar

    env = dict(os.environ, PYTHONPATH=str(Path(glossar.__file__).resolve().parents[1]))
    env.update(extra_env)
    # as installed: modules compiled once (a shell with PYTHONDONTWRITEBYTECODE would
    # make every glossar process compile its modules again; flashtext has few)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return time.perf_counter() - t0, out.stdout


def _load_and_compile(layers: list[str], repeat: int) -> tuple[float, float, str]:
    """Parsing and compiling in this process, best of ``repeat``: from the files, and
    (for glossaries big enough to be cached) from the disk caches a later process uses."""
    from glossar.glossary import load as loading
    from glossar.glossary.load import load_glossary
    from glossar.terms.recognise import TermRecognizer

    def load() -> object:
        loading._load_cached.cache_clear()  # the in-process cache: as a new process
        return load_glossary(layers)

    previous = os.environ.get("GLOSSAR_CACHE_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["GLOSSAR_CACHE_DIR"] = ""
        try:
            t_load = best_of(load, repeat)
            glossary = load_glossary(layers)
            t_compile = best_of(lambda: TermRecognizer(glossary), repeat)
            os.environ["GLOSSAR_CACHE_DIR"] = folder
            load()
            TermRecognizer(glossary, disk_cache=True)  # both caches written
            t_cached_load = best_of(load, repeat)
            t_cached = best_of(lambda: TermRecognizer(glossary, disk_cache=True), repeat)
        finally:
            os.environ.pop("GLOSSAR_CACHE_DIR")
            if previous is not None:
                os.environ["GLOSSAR_CACHE_DIR"] = previous
        cached = "—" if len(glossary) < 2000 else f"{t_cached_load:.2f} + {t_cached:.2f}"
    return t_load, t_compile, cached


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--sizes", default="curated,10k,100k")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    import json

    from glossar.glossary.load import load_glossary
    from glossar.terms.recognise import TermRecognizer

    OUT.mkdir(exist_ok=True)
    text_path = OUT / f"news_{args.mb:g}mb.txt"
    if not text_path.exists():
        write_text(text_path, args.mb)
    text = text_path.read_text(encoding="utf-8")
    mb = len(text.encode()) / 1e6
    print(f"text: {mb:.2f} MB ({len(text):,} characters), {os.cpu_count()} CPUs")
    print(f"term recognition: {speedups()}")
    print(
        "| glossary | entries | load s | compile s | cached: load + compile s "
        "| in-process MB/s | glossar process s "
        "| first process s | flashtext process s | ratio | flashtext + JSON s | ratio "
        "| glossar terms | flashtext hits |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, path in glossaries(args.sizes.split(",")).items():
        layers = [] if path is None else [str(path)]
        load, t_compile, cached = _load_and_compile(layers, args.repeat)
        glossary = load_glossary(layers)
        rec = TermRecognizer(glossary)
        rec.find(text[:20000])  # the word list and caches: as a process would have them
        t_find = best_of(lambda r=rec: r.find(text), args.repeat)
        cmd = [sys.executable, "-m", "glossar", "terms", "--json", str(text_path)]
        if path is not None:
            cmd[4:4] = ["--glossary", str(path)]
        found = len(json.loads(run(cmd)[1])["terms"])
        words = OUT / f"keywords_{name}.txt"
        words.write_text("\n".join(spellings(path)), encoding="utf-8")
        ft_cmd = [sys.executable, "-c", _FLASHTEXT, str(words), str(text_path)]
        ft_json = [*ft_cmd, "json"]
        ft_hits = run(ft_cmd)[1].strip()
        # interleaved, best of each: a busy spell of the machine hits all three alike
        times: dict[str, list[float]] = {"glossar": [], "flashtext": [], "json": []}
        for _ in range(args.repeat):
            times["glossar"].append(run(cmd)[0])
            times["flashtext"].append(run(ft_cmd)[0])
            times["json"].append(run(ft_json)[0])
        t_proc, t_ft, t_ftj = (min(times[k]) for k in ("glossar", "flashtext", "json"))
        with tempfile.TemporaryDirectory() as empty:  # no caches: a first run ever
            t_first = run(cmd, GLOSSAR_CACHE_DIR=empty)[0]
        print(
            f"| {name} | {len(glossary):,} | {load:.2f} | {t_compile:.2f} | {cached} "
            f"| {mb / t_find:.1f} | {t_proc:.2f} | {t_first:.2f} | {t_ft:.2f} "
            f"| {t_ft / t_proc:.2f}× | {t_ftj:.2f} | {t_ftj / t_proc:.2f}× "
            f"| {found:,} | {ft_hits} |"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
