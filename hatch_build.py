"""Build hook: compile term recognition's hot modules with Cython (optional speedups).

The modules stay plain Python (``src/glossar/...``): the wheel carries both the ``.py``
file and, where this hook could compile it, an extension module of the same name, which
Python imports first. Types for the compiled build live in ``.pxd`` files beside the
sources. Without a C compiler or Cython, or with ``GLOSSAR_PURE_PYTHON=1``, the wheel is
pure Python and behaves the same, only slower (figures: ``docs/decisions-terms.md``).
Editable installs stay pure, so an edited ``.py`` file is always what runs.

pip fetches Cython into its isolated build environment as it fetches hatchling; for an
offline build set ``GLOSSAR_PURE_PYTHON=1`` (then Cython is not asked for) or build with
``--no-build-isolation``. ``GLOSSAR_REQUIRE_SPEEDUPS=1`` turns a failed compile into a
failed build (release builds), instead of a pure wheel.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: Modules compiled: first those with a share of `find`'s time, in that order, then
#: those of compiling a glossary (a 100k-entry glossary: 1.08–1.18 → 0.97–1.05 s), then
#: the segmenter and its line-break rules (wrapped text: 0.14 → 0.10 s/MB).
MODULES = [
    "glossar.terms.candidates",
    "glossar.terms.scan",
    "glossar.terms.guards",
    "glossar.terms.guard_tables",
    "glossar.terms.split_verbs",
    "glossar.terms.modifier_guards",
    "glossar.terms.word_class",
    "glossar.terms.clauses",
    "glossar.terms.coordination",
    "glossar.terms.name_context",
    "glossar.terms.overlaps",
    "glossar.terms.compounds",
    "glossar.terms.case",
    "glossar.terms.recognise",
    "glossar.terms.spellings",
    "glossar.text.morphology.nouns",
    "glossar.text.segment",
    "glossar.text.line_breaks",
    "glossar.text.line_words",
]
#: What compiling needs at build time (never at run time).
BUILD_REQUIREMENTS = ["Cython>=3.0", "setuptools>=68"]


def _flag(name: str) -> bool:
    """An environment switch: set, and not empty, ``0``, ``false`` or ``no``."""
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


class SpeedupsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile :data:`MODULES` into the wheel; fall back to pure Python on any failure."""

    PLUGIN_NAME = "custom"
    #: This build's temporary folder (removed in :meth:`finalize`), if it made one.
    _work: str | None = None

    def dependencies(self) -> list[str]:
        return [] if _flag("GLOSSAR_PURE_PYTHON") else BUILD_REQUIREMENTS

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if _flag("GLOSSAR_PURE_PYTHON"):
            _say("GLOSSAR_PURE_PYTHON is set: building a pure-Python wheel")
            return
        # a fresh folder per build: nothing compiled by another compiler, Cython or
        # source tree is ever reused
        self._work = tempfile.mkdtemp(prefix="glossar-speedups-")
        try:
            built = _compile(Path(self.root), Path(self._work))
        except Exception as exc:
            if _flag("GLOSSAR_REQUIRE_SPEEDUPS"):
                shutil.rmtree(self._work, ignore_errors=True)  # finalize will not run
                raise
            _say(f"compiled speedups not built ({type(exc).__name__}: {exc}); pure Python")
            return
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        for module, path in built.items():
            target = module.replace(".", "/") + suffix
            build_data["force_include"][str(path)] = target
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._work:
            shutil.rmtree(self._work, ignore_errors=True)


def _compile(root: Path, work: Path) -> dict[str, Path]:
    """Cythonize and compile :data:`MODULES` under ``work``; their paths by module."""
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    src = root / "src"
    # no debug symbols in the wheel (5 MB → ~1 MB for the first five modules)
    link_args = ["-s"] if sys.platform.startswith("linux") else []
    extensions = [
        Extension(
            name,
            [str(src / (name.replace(".", "/") + ".py"))],
            optional=False,
            extra_link_args=link_args,
        )
        for name in MODULES
    ]
    modules = cythonize(
        extensions,
        build_dir=str(work / "c"),
        compiler_directives={"language_level": 3, "annotation_typing": False},
        quiet=True,
    )
    dist = Distribution({"ext_modules": modules, "script_name": "hatch_build.py"})
    cmd = build_ext(dist)
    cmd.build_lib = str(work / "lib")
    cmd.build_temp = str(work / "tmp")
    cmd.parallel = os.cpu_count() or 1
    cmd.ensure_finalized()
    cmd.run()
    built = {ext.name: Path(cmd.get_ext_fullpath(ext.name)) for ext in modules}
    missing = [name for name, path in built.items() if not path.is_file()]
    if missing:
        raise RuntimeError(f"not built: {', '.join(missing)}")
    _say(f"compiled speedups: {', '.join(built)}")
    return built


def _say(message: str) -> None:
    print(f"glossar build: {message}", file=sys.stderr)
