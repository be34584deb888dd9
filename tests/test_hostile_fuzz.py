"""Every command driven with random bytes, odd Unicode and odd paths.

Whatever comes in, a run ends with an exit code of the contract (0-4), never a traceback
or an "internal error" line, and a failed run leaves no output file behind (nor changes
an existing one).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from conftest import run_glossar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DOCUMENTED = {0, 1, 2, 3, 4}

#: Odd Unicode: controls, escapes, surrogate-escaped bytes, bidi, non-characters, umlauts.
ODD_CHARS = st.sampled_from(
    list("\x00\x01\x07\x08\t\n\r\x0b\x0c\x1b\x7f\x85\x9b\u200b\u202e\ufeff\ufffe\uffff")
    + ["\udcff", "\U0010ffff", "ä", "ß", "Ausnahmezustand", "OVKS", "=1+2", "[[entry]]", '"']
)
ODD_TEXT = st.lists(ODD_CHARS | st.characters(), max_size=40).map("".join)
CONTENT = st.one_of(
    st.binary(max_size=300),
    ODD_TEXT.map(lambda t: t.encode("utf-8", "surrogateescape")),
    st.sampled_from(
        [
            b"",
            b"\xef\xbb\xbf",
            b'[glossary]\nid = "x"\n' + b"[" * 300,
            b'{"segments": [{"source": "Haus", "target": "house"}]}',
            b'{"glossary": {"id": "x"}, "entries": [' + b"[" * 3000 + b"]",
            b"de,en\n=1+2,@SUM(A1)\n",
            b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>",
            "Der Präsident verhängte den Ausnahmezustand.\n".encode(),
        ]
    ),
)
#: What a FILE argument may be: a file with CONTENT, or one of these odd paths.
ODD_PATHS = st.sampled_from(
    ["{dir}", "{dir}/missing.txt", "-", "{dir}/sub", "/dev/null", "{dir}/\x1b[2J.txt", "{dir}/-"]
)
SUFFIXES = st.sampled_from([".txt", ".toml", ".json", ".csv", ".tsv", ".tbx", ".argosmodel", ""])
VERBS = st.sampled_from(
    [
        ("terms", "{in}"),
        ("terms", "--json", "{in}"),
        ("terms", "--glossary", "{in}", "{in2}"),
        ("lookup", "{text}"),
        ("lookup", "--json", "--limit", "{num}", "{text}"),
        ("lookup", "-"),
        ("check", "{in}", "{in2}"),
        ("check", "--json", "{in}", "{in2}"),
        ("translate", "{text}"),
        ("translate", "--file", "{in}", "--threads", "{num}"),
        ("article", "{in}", "--no-mt", "--format", "{fmt}", "-o", "{out}"),
        ("article", "{in}", "--no-mt", "--format", "{fmt}"),
        ("glossary", "validate", "{in}"),
        ("glossary", "list", "--glossary", "{in}"),
        ("glossary", "export", "--glossary", "{in}", "--format", "{gfmt}", "-o", "{out}"),
        ("glossary", "import", "{in}", "-o", "{out}"),
        ("glossary", "import", "{in}", "--format", "{gfmt}"),
        ("model", "install", "{in}"),
        ("model", "remove", "{text}"),
        ("model", "list", "--json"),
    ]
)


def _materialise(folder: Path, spec: object, content: bytes, suffix: str, name: str) -> str:
    if isinstance(spec, str):
        path = spec.format(dir=folder)
        if path.endswith("/sub"):
            Path(path).mkdir(exist_ok=True)
        return path
    path = folder / f"{name}{suffix}"
    path.write_bytes(content)
    return str(path)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    verb=VERBS,
    in1=ODD_PATHS | st.just(None),
    in2=ODD_PATHS | st.just(None),
    content1=CONTENT,
    content2=CONTENT,
    suffix1=SUFFIXES,
    suffix2=SUFFIXES,
    text=ODD_TEXT,
    num=st.sampled_from(["0", "1", "-1", "3", "1000", "99999", "1" + "0" * 25, "x"]),
    fmt=st.sampled_from(["terminal", "markdown", "html", "json", "tmx", "xliff"]),
    gfmt=st.sampled_from(["tbx", "tbx2008", "csv", "tsv", "json"]),
    out_kind=st.sampled_from(["new", "existing", "same-as-input", "dash", "missing-folder"]),
    stdin=st.binary(max_size=200),
)
def test_any_command_any_input_ends_cleanly(  # type: ignore[no-untyped-def]
    verb, in1, in2, content1, content2, suffix1, suffix2, text, num, fmt, gfmt, out_kind, stdin
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = _materialise(folder, in1, content1, suffix1, "input")
        second = _materialise(folder, in2, content2, suffix2, "second")
        out = {
            "new": str(folder / "out.result"),
            "existing": str(folder / "existing.result"),
            "same-as-input": first,
            "dash": "-",
            "missing-folder": str(folder / "nowhere" / "out.result"),
        }[out_kind]
        existing = folder / "existing.result"
        existing.write_bytes(b"keep me")
        before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        args = [
            a.format(
                **{
                    "in": first,
                    "in2": second,
                    "text": text or "x",
                    "num": num,
                    "fmt": fmt,
                    "gfmt": gfmt,
                    "out": out,
                }
            )  # fmt: skip
            for a in verb
        ]
        r = run_glossar(*args, input=stdin)
        assert r.exit_code in DOCUMENTED, (args, r.exit_code, r.stderr)
        assert "Traceback" not in r.stderr, r.stderr
        assert "internal error" not in r.stderr, (args, r.stderr)
        if r.exit_code != 0:  # a failed run writes nothing and changes nothing
            after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
            assert after == before, (args, r.stderr)
        assert not (Path.cwd() / "-").exists()
        leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
        assert leftovers == []
        if os.path.exists(out) and out_kind == "same-as-input" and in1 is None:
            assert Path(out).read_bytes() == content1  # never overwritten by its own output
