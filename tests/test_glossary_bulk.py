"""The loader's bulk path (big clean files) decides exactly as the entry-by-entry check:
same entries, lines and sources for a good file, the same problems for a bad one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossar.errors import GlossaryError
from glossar.glossary import bulk
from glossar.glossary import load as loader
from glossar.glossary.load import curated_glossary_paths, load_glossary_file
from glossar.text.fold import fold_key

DATA = Path(__file__).parent / "data"


def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object, bool]:
    """(bulk result, entry-by-entry result, whether the bulk path decided)."""
    decided: list[bool] = []
    real = bulk.bulk_entries

    def spy(*args: object) -> object:
        out = real(*args)  # type: ignore[arg-type]
        decided.append(out is not None)
        return out

    def run() -> object:
        try:
            info, entries = load_glossary_file(path)
        except GlossaryError as exc:
            return exc.problems
        return info, entries, [(e.line, e.source, e.glossary) for e in entries]

    with monkeypatch.context() as m:
        m.setattr(loader, "bulk_entries", spy)
        fast = run()
    with monkeypatch.context() as m:
        m.setattr(loader, "bulk_entries", lambda *a: None)
        slow = run()
    return fast, slow, bool(decided and decided[0])


@pytest.mark.parametrize("path", [*curated_glossary_paths(), *sorted(DATA.rglob("*.toml"))])
def test_real_glossaries_load_the_same_both_ways(path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fast, slow, _ = _both(path, monkeypatch)
    assert fast == slow


def test_the_bundled_news_glossary_takes_the_bulk_path(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    news = next(p for p in curated_glossary_paths() if p.stem == "news")
    assert _both(news, monkeypatch)[2]


_WORDS = ["Haus", "Straße", "Übung", "Flüssiggas", "OVKS", "eingreifen", "Eingreifen", "groß"]
_ODD = [
    "",
    " Haus",
    "Haus ",
    "Ha\tus",
    "Ha\u200bus",
    "Ha  us",
    "Hä\u00adus",
    "X\x01",
    "Ab\U000e0041",
]
_value = st.sampled_from(_WORDS * 6 + _ODD)  # mostly good: the bulk path must decide too


@st.composite
def _entry(draw: st.DrawFn) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": draw(st.sampled_from([*"abcdefgh"] * 3 + ["Bad", "x y", "a\nb"])),
        "de": draw(_value),
        "en": draw(st.sampled_from(["house", "state"] * 4 + [" house"])),
    }
    optional = {
        "pos": st.sampled_from(["noun", "verb", "proper-noun", "adjective"] * 3 + ["nope"]),
        "gender": st.sampled_from(["m", "f", "n"] * 4 + ["x"]),
        "kind": st.sampled_from(["term", "name", "idiom"] * 3 + ["other"]),
        "forms": st.lists(_value, max_size=2),
        "de_abbr": st.lists(st.sampled_from(["OVKS", "EU", "UN", " EU"]), max_size=2),
        "en_alt": st.lists(st.sampled_from(["home", "estate"]), max_size=1),
        # to use and to avoid at once is a problem; the same letters in other case are not
        "en_deprecated": st.lists(st.sampled_from(["home", "House", "state", "flat"]), max_size=2),
        "note": st.sampled_from(["a note", 'with "quotes"', "a\\b"] * 3 + ["bad \x0b note"]),
        "compound": st.sampled_from(["head", "both", ""]),
        "plural": _value,
    }
    for key, strategy in optional.items():
        if draw(st.integers(0, 9)) < (8 if key == "gender" else 3):
            entry[key] = draw(strategy)
    return entry


def _toml(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return (
        '"' + "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text) + '"'
    )  # noqa: E501


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=st.lists(_entry(), min_size=1, max_size=4))
def test_bulk_and_entry_by_entry_agree_on_any_file(tmp_path_factory, monkeypatch, entries) -> None:  # type: ignore[no-untyped-def]
    lines = ['[glossary]\nid = "g"\n']
    for entry in entries:
        lines.append("[[entry]]")
        lines.extend(f"{k} = {_toml(v)}" for k, v in entry.items())
        lines.append("")
    path = tmp_path_factory.mktemp("g") / "g.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    fast, slow, _ = _both(path, monkeypatch)
    assert fast == slow


@given(st.lists(st.text(min_size=0, max_size=12), max_size=20))
def test_fold_keys_is_fold_key_of_each(terms: list[str]) -> None:
    assert bulk.fold_keys(terms) == [fold_key(t) for t in terms]


def test_entry_lines_come_from_the_raw_text() -> None:
    text = '# c\n[glossary]\nid = "g"\n\n[[entry]]\nid = "a"\n\n\n[[entry]] # x\nid = "b"\n'
    assert bulk.entry_header_lines(text.encode(), 2) == [5, 9]
    assert bulk.entry_header_lines(b"[[entry]]\nid = 1\n[[entry]]\r\n", 2) == [1, 3]
    assert bulk.entry_header_lines(b"  [[entry]]\n", 1) is None  # indented: the regex decides
    assert bulk.entry_header_lines(b'[[entry]]\nnote = """\n[[entry]]\n"""\n', 1) is None


def test_bulk_entries_are_real_frozen_entries() -> None:
    from dataclasses import FrozenInstanceError, fields

    from glossar.glossary.model import Entry

    news = next(p for p in curated_glossary_paths() if p.stem == "news")
    _, entries = load_glossary_file(news)
    for entry in entries[:50]:
        assert type(entry) is Entry
        again = Entry(**{f.name: getattr(entry, f.name) for f in fields(Entry)})
        assert again == entry and hash(again) == hash(entry)
    with pytest.raises(FrozenInstanceError):
        entries[0].de = "x"  # type: ignore[misc]


def _layered_one_by_one(layers: list) -> list[tuple[str, object]]:  # type: ignore[type-arg]
    """build_glossary as it was, entry by entry: the bulk layering must keep its order."""
    from glossar.glossary.rules import german_claims

    entries: dict[str, object] = {}
    owner: dict[str, str] = {}
    for _info, layer in layers:
        placed: set[str] = set()
        for entry in layer:
            entries.pop(entry.id, None)
            for key, _ in german_claims(entry):
                loser = owner.get(key)
                # (an id this layer already replaced holds this layer's entry: it stays)
                if loser is not None and loser != entry.id and loser not in placed:
                    entries.pop(loser, None)
            entries[entry.id] = entry
            placed.add(entry.id)
        kept = list(entries.values())
        owner = {key: e.id for e in kept for key, _ in german_claims(e)}  # type: ignore[attr-defined]
    return list(entries.items())


_LAYER_ENTRY = st.builds(
    lambda i, de, pos: loader.Entry(id=i, de=de, en="x", pos=pos, gender="m"),
    st.sampled_from("abcdef"),
    st.sampled_from(["Haus", "Staat", "Straße", "Strasse", "Land"]),
    st.sampled_from(["noun", "adjective"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_LAYER_ENTRY, max_size=5), min_size=1, max_size=3))
def test_layering_in_bulk_keeps_the_entry_by_entry_result(layers) -> None:  # type: ignore[no-untyped-def]
    from glossar.glossary.model import GlossaryInfo

    built = []
    for n, layer in enumerate(layers):
        seen: dict[str, object] = {}
        claims: set[str] = set()
        for entry in layer:  # within a file ids and claims are unique (validation)
            keys = {k for k, _ in loader.german_claims(entry)}
            if entry.id not in seen and claims.isdisjoint(keys):
                seen[entry.id] = entry
                claims |= keys
        built.append((GlossaryInfo(id=f"g{n}", path=""), list(seen.values())))
    assert list(loader.build_glossary(built).entries.items()) == _layered_one_by_one(built)


def test_what_isprintable_accepts_no_term_pattern_matches() -> None:
    """The bulk path's one ``isprintable`` pass stands for its patterns (bulk._clean_terms)."""
    import sys

    from glossar.glossary.rules import _BAD_CHARS

    patterns = (bulk._ODD_SPACE, bulk._BAD_BMP, _BAD_CHARS)
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        if c.isprintable():
            assert not any(p.match(c) for p in patterns), hex(code)


def test_entry_lines_of_a_header_after_another_are_left_to_the_full_check() -> None:
    assert bulk.entry_header_lines(b"[[entry]]\n[[entry]]\nid = 1\n", 2) is None
    assert bulk.entry_header_lines(b"[[entry]]\n\n[[entry]]\nid = 1\n", 2) == [1, 3]
    assert bulk.entry_header_lines(b"[[entry]]x\n", 1) is None
    assert bulk.entry_header_lines(b"\xef\xbb\xbf[[entry]]\n", 1) is None  # (BOM: the caller's)


@settings(max_examples=150, deadline=None)
@given(st.lists(_entry(), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_entries_unpacked_by_shape_are_those_looked_up(entries, random) -> None:  # type: ignore[no-untyped-def]
    """An entry of a shape the maker unpacks is the entry it looks up field by field."""
    shapes: dict[int, tuple[str, ...]] = {}
    for entry in entries:  # a shape of each length, sometimes in another order
        keys = list(entry)
        if random.random() < 0.3:
            random.shuffle(keys)
        shapes.setdefault(len(keys), tuple(keys))
    lines = list(range(1, len(entries) + 1))

    def made(shapes: tuple[tuple[str, ...], ...]) -> object:
        odd: list[object] = []
        listed: list[object] = []
        out = bulk._entry_maker(shapes)(entries, lines, "g", "s", odd.append, listed.append)
        rows = [(*dataclasses.astuple(e), e.glossary, e.source, e.line) for e in out]
        assert all(type(e) is loader.Entry for e in out)
        return rows, sorted(map(id, listed))

    assert made(tuple(shapes.values())) == made(())


def test_a_big_file_of_mixed_shapes_loads_the_same_both_ways(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rows = [
        'de = "Haus{i}"\nid = "h{i}"\npos = "noun"\ngender = "n"\nen = "house"',
        'id = "v{i}"\nde = "gehen{i}"\npos = "verb"\nen = "go"',
        'id = "k{i}"\nde = "Ort{i}"\npos = "noun"\nkind = "place"\ngender = "m"\nen = "place"',
        'id = "f{i}"\nde = "Land{i}"\ngender = "n"\nforms = ["Länder{i}"]\nen = "land"',
        'id = "o{i}"\nde = "Ding{i}"\nen = "thing"\ngender = "n"\nnote = "a note"',
        'id = "p{i}"\nde = "Plan{i}"\nen = "plan"\npos = "noun"\nkind = "term"',  # no gender
    ]
    body = ['[glossary]\nid = "g"\n']
    body += [f"[[entry]]\n{rows[i % 5].format(i=i)}\n" for i in range(1500)]
    path = tmp_path / "g.toml"
    path.write_text("\n".join(body), encoding="utf-8")
    fast, slow, decided = _both(path, monkeypatch)
    assert decided and fast == slow
    path.write_text("\n".join([*body, f"[[entry]]\n{rows[5].format(i=0)}\n"]), encoding="utf-8")
    fast, slow, decided = _both(path, monkeypatch)
    assert not decided and fast == slow
