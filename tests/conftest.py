"""Shared fixtures: a private argostranslate home, tiny real models, the article.

Every test session gets its own ``XDG_*``/``ARGOS_PACKAGES_DIR`` before anything can
import argostranslate (whose import creates folders), so nothing touches ``~``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from argos_models import build_copy_package, build_random_package
from hypothesis import settings

DATA = Path(__file__).parent / "data"

# Property tests run on a shared 2-core machine: no per-example deadline, and in CI the
# same examples every run (a red CI must mean a regression, not an unlucky draw).
settings.register_profile("local", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "local")


@pytest.fixture(scope="session", autouse=True)
def _private_argos_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    home = tmp_path_factory.mktemp("argos-home")
    env = {
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_PACKAGES_DIR": str(home / "packages"),
        "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/",  # never the real index by accident
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(autouse=True)
def _no_frozen_heap() -> Iterator[None]:
    """CLI verbs run in-process here freeze the heap (``settle_glossary``: right for a
    CLI process, which ends); the test session goes on, so it is thawed after each test."""
    import gc

    yield
    if gc.get_freeze_count():
        gc.unfreeze()


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """A verb run in-process with ``--lang de`` sets the language for the whole process
    (right for a CLI process, which ends): later tests would read German messages."""
    from glossar.i18n import language, set_language

    before = language()
    yield
    if language() != before:
        set_language(before)


@pytest.fixture()
def argos_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty packages folder for this test (returned), XDG dirs under tmp."""
    packages = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    from glossar.mt.engine import clear_engines

    clear_engines()
    yield packages
    clear_engines()


@pytest.fixture(scope="session")
def tiny_argos_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real de→en .argosmodel with random weights (built once per session)."""
    return build_random_package(tmp_path_factory.mktemp("pkg") / "translate-de_en-tiny.argosmodel")


@pytest.fixture(scope="session")
def copy_argos_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real de→en .argosmodel whose model copies its input exactly."""
    return build_copy_package(tmp_path_factory.mktemp("pkg") / "translate-de_en-copy.argosmodel")


@pytest.fixture()
def installed_tiny_model(argos_home: Path, tiny_argos_package: Path):  # type: ignore[no-untyped-def]
    """The random-weight package installed in this test's packages folder (ModelInfo)."""
    from glossar.mt.package_install import install_package

    return install_package(tiny_argos_package)


@pytest.fixture()
def copy_model_installed(argos_home: Path, copy_argos_package: Path):  # type: ignore[no-untyped-def]
    """The copy-model package installed in this test's packages folder (ModelInfo)."""
    from glossar.mt.package_install import install_package

    return install_package(copy_argos_package)


@pytest.fixture(scope="session")
def article_text() -> str:
    """The seed article (German, with site navigation lines)."""
    return (DATA / "article_de.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def curated_glossary():  # type: ignore[no-untyped-def]
    """The curated glossary shipped with glossar."""
    from glossar.glossary.load import load_article_glossary

    return load_article_glossary()


def simple_find_terms(text: str, glossary):  # type: ignore[no-untyped-def]
    """A stand-in recogniser: whole-word German spellings and listed forms, longest first."""
    from glossar.terms.match import TermMatch

    spans = []
    for entry in glossary:
        spellings = [(t, "de") for t in (entry.de, entry.plural, entry.genitive, *entry.forms)]
        spellings += [(t, "alt") for t in entry.de_alt] + [(t, "abbr") for t in entry.de_abbr]
        for term, variant in spellings:
            if not term:
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text):
                spans.append((m.start(), m.end(), entry, variant))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[TermMatch] = []
    for start, end, entry, variant in spans:
        if out and start < out[-1].end:
            continue
        out.append(TermMatch(start, end, text[start:end], entry, variant))
    return out


@pytest.fixture(scope="session")
def recogniser():  # type: ignore[no-untyped-def]
    """The product's recogniser if it exists yet, else :func:`simple_find_terms`."""
    try:
        from glossar.terms.recognise import find_terms
    except ImportError:
        return simple_find_terms
    return find_terms


@dataclass
class CliResult:
    """Exit code and captured streams of one ``glossar`` run."""

    exit_code: int
    stdout: str
    stderr: str


def run_glossar(*args: str, input: str | bytes | None = None) -> CliResult:
    """Run ``glossar ARGS`` through :func:`glossar.cli.main` (real exit-code mapping)."""
    from click.testing import CliRunner

    from glossar.cli import main

    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return CliResult(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture()
def glossar_cli():  # type: ignore[no-untyped-def]
    """``glossar_cli("translate", "--json", ...)`` → CliResult(exit_code, stdout, stderr)."""
    return run_glossar
