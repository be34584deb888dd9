"""Installed argostranslate packages: where they live, which are there, keeping the folder tidy.

The packages folder follows argostranslate's rule, re-read from the environment on
every call (argostranslate's own ``settings`` freezes it at import time):
``$ARGOS_PACKAGES_DIR``, else ``$XDG_DATA_HOME/argos-translate/packages``, else
``~/.local/share/argos-translate/packages``. Reading an installed package goes through
``argostranslate.package.Package``.

The other jobs on packages live beside this module: checking an archive and proving
a package translates (:mod:`glossar.mt.package_check`), installing and removing
(:mod:`glossar.mt.package_install`). Listing and finding a package (``model list``,
``translate``) import neither.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossar.errors import BadInputError
from glossar.i18n import _

#: Names the install leaves in the packages folder while it works (see :func:`recover`).
_STAGING = ".glossar-install-"
_OLD = ".glossar-old-"
_DOWNLOAD = ".glossar-download-"
_LOCK = ".glossar.lock"


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """An installed translation package: its name (folder), version and path."""

    name: str
    version: str
    path: str
    from_code: str = "de"
    to_code: str = "en"
    target_prefix: str = field(default="", compare=False)
    #: the text the model was trained on, from metadata.json ``domain`` ("captions"):
    #: shown with every output so a test model is never taken for a news model.
    domain: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, str]:
        """The contract's ``model`` object in ``translate --json`` (``domain`` if known)."""
        out = {"name": self.name, "version": self.version, "path": self.path}
        if self.domain:
            out["domain"] = self.domain
        return out

    def to_list_dict(self) -> dict[str, str]:
        """One row of ``model list --json``."""
        return {"from": self.from_code, "to": self.to_code, **self.to_dict()}


def _config_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "argos-translate"


def packages_dir() -> Path:
    """The folder argostranslate installs packages into (not created here).

    ``$ARGOS_PACKAGES_DIR``, else the same key in argostranslate's ``settings.json``,
    else ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/…``).
    """
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    settings_file = _config_dir() / "settings.json"
    if settings_file.is_file():
        try:
            configured = json.loads(settings_file.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            configured = None
        if isinstance(configured, dict) and isinstance(configured.get("ARGOS_PACKAGES_DIR"), str):
            return Path(configured["ARGOS_PACKAGES_DIR"]).expanduser()
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "argos-translate" / "packages"


def _import_argos_package() -> Any:
    """``argostranslate.package``, imported on first use.

    Importing any argostranslate module creates its data/config/cache folders under
    ``$XDG_*`` (or ``~``): only the model verbs and translation pay that, never lookup.
    Where one cannot be made (a read-only home or cache folder: a tester's "…/.local:
    Permission denied", exit 4, where nothing needed writing), argostranslate gets
    private temporary ones instead, and the packages folder stays where it was.
    """
    try:
        import argostranslate.package
    except OSError:
        if "argostranslate.settings" in sys.modules:
            raise  # (made its folders; the failure is another)
        saved = {name: os.environ.get(name) for name in (*_ARGOS_FOLDERS, "ARGOS_PACKAGES_DIR")}
        _argos_folders_elsewhere()
        try:
            import argostranslate.package
        finally:  # (argostranslate read them at import: glossar's own cache stays put)
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    return argostranslate.package


#: argostranslate's folders by the variable that places them, and the default under ~.
_ARGOS_FOLDERS = {
    "XDG_DATA_HOME": (".local", "share"),
    "XDG_CONFIG_HOME": (".config",),
    "XDG_CACHE_HOME": (".local", "cache"),
}


def _argos_folders_elsewhere() -> None:
    """Point each argostranslate folder that cannot be made at a private temporary
    folder (removed at exit); the packages folder pinned first, so it does not move."""
    import atexit
    import shutil
    import tempfile

    os.environ.setdefault("ARGOS_PACKAGES_DIR", str(packages_dir()))
    temporary: str | None = None
    for variable, default in _ARGOS_FOLDERS.items():
        base = os.environ.get(variable) or str(Path.home().joinpath(*default))
        try:
            Path(base, "argos-translate").mkdir(parents=True, exist_ok=True)
        except OSError:
            if temporary is None:
                temporary = tempfile.mkdtemp(prefix="glossar-argos-")
                atexit.register(shutil.rmtree, temporary, True)
            os.environ[variable] = str(Path(temporary, variable.lower()))


def _info_from_dir(path: Path) -> ModelInfo | None:
    info = _read_dir(path)
    return info if isinstance(info, ModelInfo) else None


def _read_dir(path: Path) -> ModelInfo | str | None:
    """The package in folder ``path``; what is wrong with it where it is a package that
    cannot be read (a broken metadata.json, no model folder); None where it is no
    translation package at all."""
    meta_path = path / "metadata.json"
    has_model = (path / "model").is_dir()
    if not meta_path.is_file():
        return _("no metadata.json") if has_model else None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return _("metadata.json is not valid JSON")
    if isinstance(meta, dict) and meta.get("type", "translate") != "translate":
        return None  # another kind of argos package (a sentence splitter's): not ours
    if not has_model:
        return _("no model folder")
    argos_package = _import_argos_package()
    try:
        pkg = argos_package.Package(path)
    except Exception as exc:  # noqa: BLE001 - a broken folder is named, whatever argos raises
        return _("metadata.json cannot be read ({why})").format(why=type(exc).__name__)
    if getattr(pkg, "type", "translate") != "translate":
        return None
    if not pkg.from_code or not pkg.to_code:
        return _("metadata.json names no languages")
    return ModelInfo(
        name=path.name,
        version=str(pkg.package_version or ""),
        path=str(path),
        from_code=str(pkg.from_code),
        to_code=str(pkg.to_code),
        target_prefix=str(getattr(pkg, "target_prefix", "") or ""),
        domain=_domain(meta_path),
    )


def _domain(meta_path: Path) -> str:
    """metadata.json's ``domain`` (a glossar extension of the Argos format), or ""."""
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return ""
    domain = meta.get("domain") if isinstance(meta, dict) else None
    return domain.strip() if isinstance(domain, str) else ""


def installed_packages() -> list[ModelInfo]:
    """Every installed translation package, sorted by name (broken folders skipped:
    :func:`broken_packages` names them).

    A reinstall killed half-way is completed or rolled back first (see :func:`recover`).
    """
    return [info for _name, info in _read_packages() if isinstance(info, ModelInfo)]


def broken_packages() -> list[tuple[str, str]]:
    """The package folders that cannot be read, with what is wrong: (folder, why). A
    broken metadata.json made `model list` say "No models installed" and translate "No
    German→English model installed", where reinstalling was the cure."""
    return [(name, why) for name, why in _read_packages() if isinstance(why, str)]


def _read_packages() -> list[tuple[str, ModelInfo | str]]:
    """Each package folder's name and what :func:`_read_dir` reads there: its
    :class:`ModelInfo`, or what is wrong with it (folders that are no package left out)."""
    root = packages_dir()
    if root.exists() and not root.is_dir():
        raise BadInputError(
            _("{path}: the models folder (ARGOS_PACKAGES_DIR) is not a folder").format(path=root)
        )
    if not root.is_dir():
        return []
    children = sorted(root.iterdir())
    if any(c.name.startswith(_OLD) for c in children):
        sweep_packages_dir()
        children = sorted(root.iterdir())
    found: list[tuple[str, ModelInfo | str]] = []
    for child in children:
        if child.name.startswith(".") or not child.is_dir():
            continue
        info = _read_dir(child)
        if info is not None:
            found.append((child.name, info))
    return found


def _version_key(version: str) -> tuple[int, ...]:
    parts = []
    for p in version.replace("_", ".").split("."):
        parts.append(int(p) if p.isdigit() else 0)
    return tuple(parts)


def find_de_en_package() -> ModelInfo | None:
    """The installed German→English package (the newest version if several)."""
    candidates = [m for m in installed_packages() if (m.from_code, m.to_code) == ("de", "en")]
    if not candidates:
        return None
    return max(candidates, key=lambda m: (_version_key(m.version), m.name))


# --- the folder's lock and housekeeping ----------------------------------------------


@contextlib.contextmanager
def _install_lock(root: Path, *, wait: float = 600.0) -> Iterator[bool]:
    """Hold the packages folder's lock (installs serialise); yields False when ``wait``
    is 0 and another process holds it."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(root / _LOCK))
    try:
        lock.acquire(timeout=wait if wait > 0 else 0)
    except Timeout:
        if wait > 0:
            raise BadInputError(
                _("{path}: another glossar is installing a model; try again later").format(
                    path=root
                )
            ) from None
        yield False
        return
    except OSError:  # a read-only models folder: nothing can be installed or swept there
        if wait > 0:
            raise
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def recover(root: Path) -> None:
    """Finish or roll back what a killed install left (call with the lock held).

    A reinstall renames the old folder to ``.glossar-old-NAME-PID`` and then the new one
    into place; killed between the two, ``NAME`` is missing and the old copy is put back.
    When both exist the swap completed and the old copy goes. Staging folders of killed
    installs go too.
    """
    import shutil

    for entry in sorted(root.iterdir()):
        name = entry.name
        if name.startswith(_OLD):
            installed = root / name[len(_OLD) :].rsplit("-", 1)[0]
            if installed.name and not installed.exists():
                os.replace(entry, installed)
            else:
                shutil.rmtree(entry, ignore_errors=True)
        elif name.startswith(_STAGING):
            shutil.rmtree(entry, ignore_errors=True)


def sweep_packages_dir() -> None:
    """Start-up housekeeping: recover killed installs and drop stale downloads (if no
    other glossar is installing right now). Never raises for a missing folder."""
    root = packages_dir()
    if not root.is_dir():
        return
    if not any(e.name.startswith((_OLD, _STAGING, _DOWNLOAD)) for e in os.scandir(root)):
        return
    from glossar.files import sweep_stale

    with _install_lock(root, wait=0) as held:
        if held:
            recover(root)
            sweep_stale(root, [_DOWNLOAD])
