"""Installing and removing argostranslate packages, safely.

Why our own install instead of ``argostranslate.package.install_from_path``: that
function runs ``ZipFile.extractall`` straight into the packages folder, so a broken or
hostile archive is half-installed before anything notices, and it imports the whole
translate stack to clear a cache. Here an archive is checked first
(:mod:`glossar.mt.package_check`), extracted into a temporary folder *inside* the
packages folder, proven to translate, and renamed into place under the folder's lock.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

from glossar.errors import BadInputError
from glossar.files import display_name, size_text
from glossar.i18n import _
from glossar.mt.package_check import (
    MAX_TOTAL_BYTES,
    _bad,
    _first_line,
    check_archive,
    prove_package,
)
from glossar.mt.packages import (
    _OLD,
    _STAGING,
    ModelInfo,
    _info_from_dir,
    _install_lock,
    broken_packages,
    installed_packages,
    packages_dir,
    recover,
)

#: The one language pair glossar translates.
PAIR = ("de", "en")
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}\Z")


def folder_name(top: str, metadata: dict[str, Any]) -> str:
    """The folder a package is installed under, chosen by us, not by the archive.

    ``translate-<from>_<to>`` followed by the archive's own suffix when its top folder
    already reads ``translate-<from>_<to>[-suffix]`` with a plain suffix, else by the
    package version. A package can only ever take the place of a package of its own
    language pair (and only de→en is accepted at all).
    """
    base = f"translate-{metadata['from_code']}_{metadata['to_code']}"
    if (top == base or top.startswith(base + "-")) and _SAFE_NAME.match(top):
        return top
    version = re.sub(r"[^A-Za-z0-9]+", "_", str(metadata.get("package_version", ""))).strip("_")
    return f"{base}-{version[:40] or '0'}"


def _writable_root() -> Path:
    root = packages_dir()
    if root.exists() and not root.is_dir():
        raise BadInputError(
            _("{path}: the models folder (ARGOS_PACKAGES_DIR) is not a folder").format(path=root)
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInputError(
            _("{path}: cannot create the models folder ({why})").format(path=root, why=exc.strerror)
        ) from None
    return root


def _extract(zf: zipfile.ZipFile, dest: Path, limit: int) -> None:
    """Extract every member under ``dest``, counting real bytes (headers may lie)."""
    written = 0
    root = dest.resolve()
    for info in zf.infolist():
        target = (dest / info.filename).resolve()
        if root not in target.parents and target != root:
            raise BadInputError(
                _("member {name} leaves its folder").format(name=repr(info.filename))
            )
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as src, open(target, "wb") as out:
            while chunk := src.read(1024 * 1024):
                written += len(chunk)
                if written > limit:
                    raise BadInputError(
                        _("unpacks to more than {size}").format(size=size_text(limit))
                    )
                out.write(chunk)


def install_package(path: str | os.PathLike[str]) -> ModelInfo:
    """Install a local ``.argosmodel`` (no network): check, extract aside, prove, swap in.

    The archive is checked, extracted into a staging folder inside the packages folder,
    loaded and made to translate a sentence there; only then does it replace an
    installed copy, under a lock, by two renames that :func:`recover` completes or rolls
    back if the process dies between them. A refused package changes nothing.
    """
    p = Path(path)
    if p.is_dir():
        raise BadInputError(
            _("{path}: is a directory, not a model package").format(path=display_name(p))
        )
    check = check_archive(p)
    pair = (check.metadata["from_code"], check.metadata["to_code"])
    if pair != PAIR:
        raise _bad(
            p, _("it translates {src}→{dst}; glossar needs de→en").format(src=pair[0], dst=pair[1])
        )
    name = folder_name(check.top, check.metadata)
    root = _writable_root()
    with _install_lock(root):
        recover(root)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=root))
        old: Path | None = None
        target = root / name
        try:
            with zipfile.ZipFile(p) as zf:
                try:
                    _extract(zf, staging, MAX_TOTAL_BYTES)
                except BadInputError as exc:
                    raise _bad(p, str(exc)) from None
                except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                    raise _bad(
                        p, _("cannot extract ({why})").format(why=_first_line(exc))
                    ) from None
            new = staging / name
            os.replace(staging / check.top, new)
            try:
                prove_package(new, check.metadata)
            except (ValueError, OSError) as exc:
                raise _bad(p, _first_line(exc)) from None
            if target.exists():
                old = root / f"{_OLD}{name}-{os.getpid()}"
                os.replace(target, old)
            os.replace(new, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            if old is not None and target.exists():
                shutil.rmtree(old, ignore_errors=True)
            elif old is not None:  # the second rename failed: put the old copy back
                with contextlib.suppress(OSError):
                    os.replace(old, target)
    info = _info_from_dir(target)
    if info is None:  # pragma: no cover - check_archive guarantees the layout
        raise _bad(p, _("installed package cannot be read"))
    return info


def remove_package(name: str) -> ModelInfo:
    """Remove an installed package by folder name (or ``translate-de_en`` style name)."""
    installed = installed_packages()
    exact = [m for m in installed if m.name == name]
    loose = [m for m in installed if f"translate-{m.from_code}_{m.to_code}" == name]
    matches = exact or loose
    if not matches and name in {folder for folder, _why in broken_packages()}:
        return _remove_broken(name)
    if not matches:
        names = ", ".join(m.name for m in installed) or "none"
        raise BadInputError(
            _("no installed model named {name} (installed: {names})").format(
                name=repr(name), names=names
            )
        )
    if len(matches) > 1:
        names = ", ".join(m.name for m in matches)
        raise BadInputError(
            _("{name} names several models ({names}): use the full name").format(
                name=repr(name), names=names
            )
        )
    info = matches[0]
    _remove_folder(Path(info.path))
    return info


def _remove_broken(name: str) -> ModelInfo:
    """Remove the package folder ``name`` that cannot be read (:func:`broken_packages`)."""
    folder = packages_dir().resolve() / name
    _remove_folder(folder)
    return ModelInfo(name=name, version="", path=str(folder), from_code="", to_code="")


def _remove_folder(folder: Path) -> None:
    """Remove a package's folder: never outside the packages folder, never while an
    install swaps folders; a link inside it goes, not its target (rmtree refused a link
    with a bare "OSError")."""
    root = packages_dir().resolve()
    if folder.resolve().parent != root:  # never delete outside the packages folder
        raise BadInputError(_("{path}: not inside {root}").format(path=folder, root=root))
    with _install_lock(root):
        if folder.is_symlink():
            folder.unlink()
        else:
            shutil.rmtree(folder)
