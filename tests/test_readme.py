"""The README's promises: its two opening commands and its Python example stay true."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

pytestmark = pytest.mark.skipif(not README.exists(), reason="needs the source tree")


def opening_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README.read_text("utf-8"), re.S)
    assert block, "README opens with a sh block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_install_and_main_job_then_install_and_tests():
    head = README.read_text("utf-8").splitlines()[:8]
    install_run, install_test = opening_commands()[:2]
    assert any("glossar article" in line for line in head)
    assert install_run.endswith("pip install . && glossar article")
    assert "pip install '.[test]'" in install_test


def test_ci_runs_the_readme_test_command():
    test_command = opening_commands()[1].split("&&")[-1].strip()
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert test_command == "python -m pytest -q"
    assert re.search(rf"^{re.escape(test_command)}$", ci, re.M)
    assert "pip install -q '.[test]'" in ci


def test_python_example_in_readme_runs():
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3
    assert result.failed == 0
