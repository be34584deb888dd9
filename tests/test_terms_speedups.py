"""The optional compiled speedups (hatch_build.py) find exactly what the Python source finds.

A wheel built where Cython and a C compiler are at hand carries term recognition's hot
modules twice: the ``.py`` source and an extension module compiled from it, which Python
imports first. Both must give the same terms, byte for byte, on real text: UD German PUD
(CC BY-SA 3.0), UD German GSD news (CC BY-SA 4.0) and the bundled article, with the news
and the article glossary, in the dense and the sparse reading of the guards. The pure
side runs in a child process from a copy of the installed package without its extension
modules. In an editable or pure-Python install nothing is compiled and the comparison is
skipped; the build hook's own checks below run everywhere.
"""

from __future__ import annotations

import importlib
import json
import random
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import glossar

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
HOOK = ROOT / "hatch_build.py"


def _hook_modules() -> list[str]:
    """:data:`hatch_build.MODULES`, read without importing hatchling."""
    namespace: dict[str, object] = {}
    source = HOOK.read_text(encoding="utf-8")
    start = source.index("MODULES = [")
    exec(source[start : source.index("]", start) + 1], namespace)
    return list(namespace["MODULES"])  # type: ignore[call-overload]


def _compiled(module: str) -> bool:
    path = importlib.import_module(module).__file__ or ""
    return not path.endswith(".py")


def test_every_compiled_module_is_a_python_module_with_its_types_beside_it() -> None:
    modules = _hook_modules()
    assert "glossar.terms.candidates" in modules
    src = ROOT / "src"
    for module in modules:
        assert (src / (module.replace(".", "/") + ".py")).is_file(), module
    for pxd in (src / "glossar").rglob("*.pxd"):
        name = ".".join(pxd.relative_to(src).with_suffix("").parts)
        assert name in modules, f"{pxd.name} types a module the hook does not compile"


_FIND = r"""
import json, sys
from glossar.glossary.load import load_article_glossary, load_glossary
from glossar.terms import scan
from glossar.terms.recognise import recognizer_for
scan.BUILD_AFTER = 0  # the compiled side reads its table-driven automaton's hits at once
texts = json.loads(sys.stdin.read())
out = []
for glossary in (load_glossary([]), load_article_glossary()):
    rec = recognizer_for(glossary)
    for text in texts:
        for dense in (True, False):
            out.append([[m.start, m.end, m.text, m.entry.id, m.variant, m.compound, m.sure]
                        for m in rec._find(text, dense=dense)])
print(json.dumps(out, ensure_ascii=False))
"""


def _texts() -> list[str]:
    pud = (DATA / "pud" / "de_pud-ud-test.conllu").read_text(encoding="utf-8")
    pud_text = " ".join(line[9:] for line in pud.splitlines() if line.startswith("# text = "))
    gsd = (DATA / "gsd" / "de_gsd_sentences.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in gsd.splitlines()[1:]]
    gsd_text = "\n".join(row[2] for row in rows if row[1] == "news")
    article = (DATA / "article_de.txt").read_text(encoding="utf-8")
    return [pud_text, gsd_text, article, article.upper(), *_odd_texts(article)]


def _odd_texts(article: str) -> list[str]:
    """The article as the typed paths of the compiled build meet it less often: decomposed
    (offsets move), with soft hyphens, non-breaking hyphens and digits inside words, and
    its words shuffled between odd punctuation, capital ẞ and over-long words (seed 0)."""
    rng = random.Random(0)
    words = article.split()
    odd = ["„", "“", "»", "«", "–", "-", "…", "\n\n", "ẞ", "42", "\u00ad", "\u2011", "(", ")"]
    shuffled = []
    for _ in range(3000):
        word = rng.choice(words)
        r = rng.random()
        if r < 0.1:
            word = word.lower()
        elif r < 0.15:
            word = word + rng.choice(odd) + rng.choice(words)
        elif r < 0.18:
            word = word * 12  # longer than any German word
        shuffled.append(word)
        if rng.random() < 0.2:
            shuffled.append(rng.choice(odd))
    return [
        unicodedata.normalize("NFD", article),
        article.replace("gas", "gas\u00ad").replace("-", "\u2011").replace("en ", "en2 "),
        " ".join(shuffled),
    ]


def _run(code: str, texts: list[str], path: str | None) -> list[object]:
    env_path = [path] if path else []
    prelude = f"import sys; sys.path[:0] = {env_path!r}\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=600,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.skipif(
    not any(_compiled(m) for m in _hook_modules()),
    reason="pure-Python install (editable, or built without a compiler): nothing compiled",
)
def test_compiled_speedups_find_what_the_python_source_finds(tmp_path: Path) -> None:
    package = Path(glossar.__file__).parent
    pure = tmp_path / "glossar"
    shutil.copytree(package, pure, ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__"))
    texts = _texts()
    compiled = _run(_FIND, texts, None)
    source = _run(_FIND, texts, str(tmp_path))
    assert len(compiled) == len(source) == 2 * len(texts) * 2
    assert compiled == source
    assert sum(len(hits) for hits in compiled) > 3000  # real text: thousands of terms
    # and the child really ran the .py files
    check = "import glossar.terms.candidates as c; print(c.__file__)"
    where = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path[:0] = [{str(tmp_path)!r}]\n{check}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.strip().endswith(".py")


_SEGMENT = r"""
import io, json, sys
from glossar.text.segment import last_sentence_end, split_sentences
from glossar.text.stream import iter_pieces
texts = json.loads(sys.stdin.read())
out = []
for text in texts:
    out.append([[s.start, s.end, s.paragraph] for s in split_sentences(text)])
    step = max(1, len(text) // 50)
    out.append([last_sentence_end(text, lo, min(len(text), lo + 2500))
                for lo in range(0, len(text), step)])
    data = io.BytesIO(text.encode("utf-8"))
    out.append([[p.start, len(p.text), p.paragraph] for p in iter_pieces(data, 4096)])
print(json.dumps(out))
"""


def _dotted_texts(article: str) -> list[str]:
    """Text where nearly every word ends in a period: the shortcut that spares most
    sentence-end checks (``segment._may_follow``) meets it everywhere, the full check
    between it (capitals, digits, symbols, brackets, quotes after the period)."""
    rng = random.Random(1)
    marks = [". ", "z. B. ", "u. a. ", "Nr. 3. ", "ⓐ. ", "ª. ", ".. ", ". „", ". (", ". ,A ", ". ©"]
    words = article.split()
    dotted = "".join(rng.choice(words) + rng.choice(marks) for _ in range(4000))
    return [". " * 5000, "z. B. u. a. " * 800 + "Ende.", dotted]


@pytest.mark.skipif(
    not _compiled("glossar.text.segment"),
    reason="pure-Python install (editable, or built without a compiler): nothing compiled",
)
def test_compiled_segmenter_splits_and_cuts_as_the_python_source_does(tmp_path: Path) -> None:
    package = Path(glossar.__file__).parent
    shutil.copytree(
        package, tmp_path / "glossar", ignore=shutil.ignore_patterns("*.so", "*.pyd", "__pycache__")
    )
    article = (DATA / "article_de.txt").read_text(encoding="utf-8")
    texts = [*_texts(), *_dotted_texts(article)]
    compiled = _run(_SEGMENT, texts, None)
    source = _run(_SEGMENT, texts, str(tmp_path))
    assert len(compiled) == 3 * len(texts)
    assert compiled == source
    assert sum(len(spans) for spans in compiled[::3]) > 4000  # real text: many sentences


def test_the_letter_table_reads_a_stem_as_the_safe_letter_test_does() -> None:
    """The compiled stem loop tests each letter in ``_letter_table`` where the source
    asks ``isalpha`` and ``safe_latin_letters``: both must pass the same stems."""
    from glossar.terms.recognise import _letter_table
    from glossar.text.fold import safe_latin_letters

    table, safe = _letter_table(), safe_latin_letters()
    rng = random.Random(7)
    alphabet = "aZß" + "äÖéčı" + "İǅ" + "1-' ·" + "ɐΣж" + "\u0301\u00ad"
    words = ["", "Haus", "Übergang", "Čech", "İstanbul", "x1", "Kyïv", "ǅemal"]
    words += ["".join(rng.choices(alphabet, k=rng.randint(1, 6))) for _ in range(3000)]
    for word in words:
        bits = 3 if word else 0
        for ch in word:
            bits &= table[ord(ch)] if ord(ch) < len(table) else 0
        expected = word.isalpha() and (word.isascii() or safe.issuperset(word))
        assert (bits != 0) == expected, word
