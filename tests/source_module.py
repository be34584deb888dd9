"""Load a Python source file as a module of its own, for tests that need a module's
``.py`` rules in every build (beside a compiled extension, the extension is what
``import`` gives) or a copy they may change without touching the imported one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_source(path: Path, name: str) -> ModuleType:
    """The file at ``path`` executed as a new module called ``name`` (registered in
    ``sys.modules``: dataclasses look their module up there)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
