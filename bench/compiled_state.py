"""Is a change to compiling a pure speed-up? Dump the compiled state, compare two dumps.

    PYTHONHASHSEED=0 PYTHONPATH=src python bench/compiled_state.py dump before.pickle
    (change the code, or check out another commit)
    PYTHONHASHSEED=0 PYTHONPATH=src python bench/compiled_state.py dump after.pickle
    python bench/compiled_state.py compare before.pickle after.pickle

The state is everything the find path reads: the automata's keys and values, key
lengths, pattern groups, word-only and phrase flags, word classes and the guards'
tables (without the entries). Glossaries: the curated one, ``bench/out/real_10k.toml``
and ``real_100k.toml`` where bench_flashtext has built them, and 100k synthetic entries;
the curated and 10k ones also as compiled for bench/ statistics (``stats=``).
``PYTHONHASHSEED=0`` in both runs: paradigm endings are sets, so the order in which a
few phrase forms are added (and so their key numbers) follows string hashing.
"""

from __future__ import annotations

import pickle
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def state(rec: object) -> dict[str, object]:
    keys = {("f", k): v for k, v in rec._automaton.items()}  # type: ignore[attr-defined]
    if rec._has_case:  # type: ignore[attr-defined]
        keys.update({("c", k): v for k, v in rec._case_automaton.items()})  # type: ignore[attr-defined]
    guards = {k: v for k, v in vars(rec._guards).items() if k not in ("_entries", "stats")}  # type: ignore[attr-defined]
    names = ("_key_len", "_groups", "_word_only", "_phrase", "_needs_cased", "_has_case")
    return {
        "keys": keys,
        **{name: getattr(rec, name) for name in names},
        "word_class": rec._word_class,  # type: ignore[attr-defined]
        "guards": guards,
    }


def dump(out: Path) -> None:
    from synthetic_glossary import make_entries

    from glossar.glossary.load import load_glossary
    from glossar.terms.recognise import TermRecognizer

    glossaries = {"curated": load_glossary([])}
    for size in ("10k", "100k"):
        path = HERE / "out" / f"real_{size}.toml"
        if path.exists():
            glossaries[f"real_{size}"] = load_glossary([str(path)])
    glossaries["synthetic_100k"] = make_entries(100_000)  # type: ignore[assignment]
    states: dict[str, object] = {}
    for name, glossary in glossaries.items():
        t0 = time.perf_counter()
        rec = TermRecognizer(glossary)
        print(f"{name}: {len(rec):,} keys, {time.perf_counter() - t0:.2f} s")
        states[name] = state(rec)
        if name in ("curated", "real_10k"):
            states[f"{name} (stats)"] = state(TermRecognizer(glossary, stats=Counter()))
    out.write_bytes(pickle.dumps(states))


def compare(a: Path, b: Path) -> int:
    left, right = pickle.loads(a.read_bytes()), pickle.loads(b.read_bytes())
    differ = 0
    for name in sorted(set(left) | set(right)):
        if name not in left or name not in right:
            print(f"{name}: only in one dump")
            continue
        for part in left[name]:
            if left[name][part] != right[name].get(part):
                differ += 1
                print(f"{name}: {part} differs")
    print("identical" if not differ else f"{differ} parts differ")
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["dump"] and len(sys.argv) == 3:
        dump(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) == 4:
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
