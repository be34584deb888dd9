"""Installed argostranslate packages: where they live, checking, installing, removing.

Why our own install instead of ``argostranslate.package.install_from_path``: that
function runs ``ZipFile.extractall`` straight into the packages folder, so a broken or
hostile archive (``..`` paths, zip bombs, a missing model) is half-installed before
anything notices, and it imports the whole translate stack to clear a cache. Here an
archive is checked first (members, sizes, required files), extracted into a temporary
folder *inside* the packages folder, checked again, and renamed into place. Reading an
installed package still goes through ``argostranslate.package.Package``.

The packages folder follows argostranslate's rule, re-read from the environment on
every call (argostranslate's own ``settings`` freezes it at import time):
``$ARGOS_PACKAGES_DIR``, else ``$XDG_DATA_HOME/argos-translate/packages``, else
``~/.local/share/argos-translate/packages``.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from glossar.errors import BadInputError

#: Bounds on what an archive may unpack to (the real de→en package is ~100 MB).
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_MEMBERS = 5000
MAX_RATIO = 200  # uncompressed/compressed, per member over 1 MiB: a zip bomb beyond that
TOKENIZERS = ("sentencepiece.model", "bpe.model")
REQUIRED = ("metadata.json", "model/model.bin")
#: A CTranslate2 model folder has config.json (CTranslate2 ≥ 3) or, in packages made
#: with older CTranslate2 versions, only its vocabulary files: either is accepted.
MODEL_DESCRIPTION = ("model/config.json", "model/shared_vocabulary", "model/source_vocabulary")


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
    """
    import argostranslate.package

    return argostranslate.package


def _info_from_dir(path: Path) -> ModelInfo | None:
    meta_path = path / "metadata.json"
    if not meta_path.is_file() or not (path / "model").is_dir():
        return None
    argos_package = _import_argos_package()
    try:
        pkg = argos_package.Package(path)
    except (OSError, ValueError):
        return None
    if getattr(pkg, "type", "translate") != "translate" or not pkg.from_code or not pkg.to_code:
        return None
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
    """Every installed translation package, sorted by name (broken folders skipped)."""
    root = packages_dir()
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.name.startswith(".") or not child.is_dir():
            continue
        info = _info_from_dir(child)
        if info is not None:
            found.append(info)
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


# --- checking an archive -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackageCheck:
    """What an archive holds: its single top folder and its parsed metadata."""

    top: str
    metadata: dict[str, Any]


def _bad(path: Path, why: str) -> BadInputError:
    return BadInputError(f"{path}: not a usable model package: {why}")


def _member_parts(name: str) -> tuple[str, ...]:
    return PurePosixPath(name).parts


def check_archive(path: str | os.PathLike[str]) -> PackageCheck:
    """Check a ``.argosmodel`` before anything is extracted; raise BadInputError if unusable."""
    p = Path(path)
    if not p.is_file():
        raise BadInputError(f"{p}: no such file")
    if not zipfile.is_zipfile(p):
        raise _bad(p, "not a zip archive")
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _bad(p, f"unreadable zip ({exc})") from None
    with zf:
        infos = zf.infolist()
        if not infos:
            raise _bad(p, "empty archive")
        if len(infos) > MAX_MEMBERS:
            raise _bad(p, f"{len(infos)} members (at most {MAX_MEMBERS})")
        tops: set[str] = set()
        total = 0
        files: set[str] = set()
        for info in infos:
            name = info.filename
            if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
                raise _bad(p, f"member {name!r} has an absolute or Windows path")
            parts = _member_parts(name)
            if not parts or any(part in ("..", ".", "") for part in parts):
                raise _bad(p, f"member {name!r} leaves its folder")
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise _bad(p, f"member {name!r} is a symbolic link")
            if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise _bad(p, f"member {name!r} is not a plain file")
            tops.add(parts[0])
            if info.is_dir():
                continue
            if len(parts) < 2:
                raise _bad(p, f"member {name!r} lies outside the package folder")
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise _bad(p, f"unpacks to more than {MAX_TOTAL_BYTES // 1024**2} MiB")
            if info.file_size > 1024**2 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _bad(p, f"member {name!r} is compressed suspiciously well (zip bomb?)")
            files.add("/".join(parts[1:]))
        if len(tops) != 1:
            raise _bad(p, f"expected one top folder, found {len(tops)}")
        top = tops.pop()
        if top.startswith("."):
            raise _bad(p, f"top folder {top!r} is hidden")
        missing = [f for f in REQUIRED if f not in files]
        if not any(f.startswith(MODEL_DESCRIPTION) for f in files):
            missing.append("model/config.json")
        if not any(t in files for t in TOKENIZERS):
            missing.append("sentencepiece.model or bpe.model")
        if missing:
            raise _bad(p, "missing " + ", ".join(missing))
        try:
            metadata = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise _bad(p, "metadata.json is not JSON") from None
    _check_metadata(p, metadata)
    return PackageCheck(top=top, metadata=metadata)


def _check_metadata(p: Path, metadata: object) -> None:
    if not isinstance(metadata, dict):
        raise _bad(p, "metadata.json is not an object")
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str) or not metadata[key]:
            raise _bad(p, f"metadata.json lacks {key}")
    kind = metadata.get("type", "translate")
    if kind != "translate":
        raise _bad(p, f"metadata.json type is {kind!r}, not 'translate'")


def _extract(zf: zipfile.ZipFile, dest: Path, limit: int) -> None:
    """Extract every member under ``dest``, counting real bytes (headers may lie)."""
    written = 0
    root = dest.resolve()
    for info in zf.infolist():
        target = (dest / info.filename).resolve()
        if root not in target.parents and target != root:
            raise BadInputError(f"member {info.filename!r} leaves its folder")
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(info) as src, open(target, "wb") as out:
            while chunk := src.read(1024 * 1024):
                written += len(chunk)
                if written > limit:
                    raise BadInputError(f"unpacks to more than {limit // 1024**2} MiB")
                out.write(chunk)


def install_package(path: str | os.PathLike[str]) -> ModelInfo:
    """Install a local ``.argosmodel`` (no network): check, extract aside, rename into place.

    A refused archive leaves the packages folder as it was; reinstalling the same
    package replaces the old copy only once the new one is complete.
    """
    p = Path(path)
    check = check_archive(p)
    root = packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".glossar-install-", dir=root))
    old: Path | None = None
    try:
        with zipfile.ZipFile(p) as zf:
            try:
                _extract(zf, staging, MAX_TOTAL_BYTES)
            except BadInputError as exc:
                raise _bad(p, str(exc)) from None
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise _bad(p, f"cannot extract ({exc})") from None
        new = staging / check.top
        if (new / "model" / "model.bin").stat().st_size == 0:
            raise _bad(p, "model/model.bin is empty")
        target = root / check.top
        if target.exists():
            old = root / f".glossar-old-{check.top}-{os.getpid()}"
            os.replace(target, old)
        os.replace(new, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    info = _info_from_dir(target)
    if info is None:  # pragma: no cover - check_archive guarantees the layout
        raise _bad(p, "installed package cannot be read")
    return info


def remove_package(name: str) -> ModelInfo:
    """Remove an installed package by folder name (or ``translate-de_en`` style name)."""
    installed = installed_packages()
    exact = [m for m in installed if m.name == name]
    loose = [m for m in installed if f"translate-{m.from_code}_{m.to_code}" == name]
    matches = exact or loose
    if not matches:
        names = ", ".join(m.name for m in installed) or "none"
        raise BadInputError(f"no installed model named {name!r} (installed: {names})")
    if len(matches) > 1:
        names = ", ".join(m.name for m in matches)
        raise BadInputError(f"{name!r} names several models ({names}): use the full name")
    info = matches[0]
    folder = Path(info.path)
    root = packages_dir().resolve()
    if folder.resolve().parent != root:  # never delete outside the packages folder
        raise BadInputError(f"{folder}: not inside {root}")
    shutil.rmtree(folder)
    return info
