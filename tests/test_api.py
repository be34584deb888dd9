"""The public library API: small, lazy, and every name in it resolves and is documented."""

from __future__ import annotations

import inspect
import subprocess
import sys

import glossar


def test_all_names_resolve_and_have_docstrings():
    assert sorted(glossar.__all__) == sorted(glossar._EXPORTS)
    for name in glossar.__all__:
        obj = getattr(glossar, name)
        assert inspect.getdoc(obj), f"glossar.{name} has no docstring"


def test_public_functions_are_typed():
    for name in glossar.__all__:
        obj = getattr(glossar, name)
        if inspect.isfunction(obj):
            hints = inspect.get_annotations(obj)
            assert "return" in hints, f"glossar.{name} has no return type"


def test_import_glossar_loads_nothing_heavy():
    code = (
        "import sys, glossar\n"
        "print(sorted(m for m in ('ctranslate2', 'argostranslate', 'sentencepiece', 'lxml',"
        " 'rapidfuzz', 'babel', 'tomli', 'glossar.glossary.load') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
