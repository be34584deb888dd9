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

import contextlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
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
    except Exception:  # noqa: BLE001 - a broken folder is skipped, whatever argos raises
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
    """Every installed translation package, sorted by name (broken folders skipped).

    A reinstall killed half-way is completed or rolled back first (see :func:`recover`).
    """
    root = packages_dir()
    if root.exists() and not root.is_dir():
        raise BadInputError(f"{root}: the models folder (ARGOS_PACKAGES_DIR) is not a folder")
    if not root.is_dir():
        return []
    children = sorted(root.iterdir())
    if any(c.name.startswith(_OLD) for c in children):
        sweep_packages_dir()
        children = sorted(root.iterdir())
    found = []
    for child in children:
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
    if p.exists() and not p.is_file():
        raise BadInputError(f"{p}: not a regular file (a model package is a .argosmodel file)")
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


# --- proving a package works -------------------------------------------------------------

#: Variable names of stored (learned) position tables in a CTranslate2 model.bin.
_POSITION_SUFFIX = "position_encodings/encodings"
_ITEM_SIZES = {0: 4, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2}  # float32 int8 int16 int32 float16 bf16


def read_model_bin(path: Path) -> int | None:
    """Walk a CTranslate2 ``model.bin`` without loading it and return the length of its
    position table (None when positions are computed, as sinusoidal ones are).

    Raises ValueError when the file is truncated or its layout does not add up, before
    CTranslate2 (which trusts every size in the file) ever reads it.
    """
    import struct

    size = path.stat().st_size
    table: int | None = None
    with open(path, "rb") as fh:

        def take(n: int) -> bytes:
            if n < 0 or fh.tell() + n > size:
                raise ValueError("model.bin is truncated")
            return fh.read(n)

        def u(fmt: str) -> int:
            return int(struct.unpack("<" + fmt, take(struct.calcsize(fmt)))[0])

        def string() -> str:
            raw = take(u("H"))
            return raw.rstrip(b"\0").decode("utf-8")

        version = u("I")
        if not 1 <= version <= 6:
            raise ValueError(f"model.bin has unknown format version {version}")
        if version >= 2:
            string()
            u("I")
        count = u("I")
        if count > 100_000:
            raise ValueError("model.bin lists too many variables")
        for _ in range(count):
            name = string()
            rank = u("B")
            if rank > 8:
                raise ValueError(f"model.bin variable {name!r} has rank {rank}")
            dims = [u("I") for _ in range(rank)]
            item = _ITEM_SIZES.get(u("B")) if version >= 4 else u("B")
            nbytes = u("I")
            if item is None:
                raise ValueError(f"model.bin variable {name!r} has an unknown type")
            elements = 1
            for d in dims:
                elements *= d
            if version >= 4 and elements * item != nbytes:
                raise ValueError(f"model.bin variable {name!r} has an inconsistent size")
            if fh.tell() + nbytes > size:
                raise ValueError("model.bin is truncated")
            fh.seek(nbytes, 1)
            if name.endswith(_POSITION_SUFFIX) and dims:
                table = dims[0] if table is None else min(table, dims[0])
        if version >= 3:
            for _ in range(u("I")):
                string()
                string()
    return table


def _check_config(model_dir: Path) -> None:
    config = model_dir / "config.json"
    if not config.exists():
        return
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ValueError("model/config.json is not JSON") from None
    if not isinstance(data, dict):
        raise ValueError("model/config.json is not an object")


#: What a freshly installed package must translate before it replaces anything.
PROOF_SENTENCE = "Der Präsident verhängte den Ausnahmezustand."


def prove_package(folder: Path, metadata: dict[str, Any]) -> None:
    """Load the package in ``folder`` with CTranslate2 and its tokenizer and translate one
    sentence; raise ValueError (with the reason) when any of it fails.

    Only after this does a package replace an installed one: a corrupt or truncated
    ``model.bin``, a broken ``config.json`` or a garbage SentencePiece model is caught
    here, not at the user's next ``translate``.
    """
    model_dir = folder / "model"
    if not (model_dir / "model.bin").is_file() or (model_dir / "model.bin").stat().st_size == 0:
        raise ValueError("model/model.bin is empty")
    read_model_bin(model_dir / "model.bin")
    _check_config(model_dir)
    sp = folder / "sentencepiece.model"
    if sp.is_file():
        import sentencepiece

        try:
            processor = sentencepiece.SentencePieceProcessor(model_file=str(sp))
            if processor.get_piece_size() < 2:
                raise ValueError("empty vocabulary")
        except (RuntimeError, OSError, ValueError, TypeError) as exc:
            raise ValueError(f"sentencepiece.model cannot be loaded ({_first_line(exc)})") from None
    from glossar.mt.engine import CTranslate2Engine

    info = ModelInfo(
        name=folder.name,
        version=str(metadata.get("package_version", "")),
        path=str(folder),
        from_code=str(metadata["from_code"]),
        to_code=str(metadata["to_code"]),
        target_prefix=str(metadata.get("target_prefix", "") or ""),
    )
    engine = CTranslate2Engine(info, threads=1)
    try:
        out = engine.translate_batch([PROOF_SENTENCE], beam=1)
    except BadInputError as exc:
        raise ValueError(_first_line(exc).split(": ", 1)[-1]) from None
    except Exception as exc:  # noqa: BLE001 - CTranslate2 and tokenizers raise anything
        raise ValueError(f"the model cannot translate ({_first_line(exc)})") from None
    if len(out) != 1 or not isinstance(out[0], str):
        raise ValueError("the model gave no translation")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


# --- installing ---------------------------------------------------------------------

#: The one language pair glossar translates.
PAIR = ("de", "en")
_STAGING = ".glossar-install-"
_OLD = ".glossar-old-"
_DOWNLOAD = ".glossar-download-"
_LOCK = ".glossar.lock"
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
        raise BadInputError(f"{root}: the models folder (ARGOS_PACKAGES_DIR) is not a folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BadInputError(f"{root}: cannot create the models folder ({exc.strerror})") from None
    return root


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
                f"{root}: another glossar is installing a model; try again later"
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


def install_package(path: str | os.PathLike[str]) -> ModelInfo:
    """Install a local ``.argosmodel`` (no network): check, extract aside, prove, swap in.

    The archive is checked, extracted into a staging folder inside the packages folder,
    loaded and made to translate a sentence there; only then does it replace an
    installed copy, under a lock, by two renames that :func:`recover` completes or rolls
    back if the process dies between them. A refused package changes nothing.
    """
    p = Path(path)
    if p.is_dir():
        raise BadInputError(f"{p}: is a directory, not a model package")
    check = check_archive(p)
    pair = (check.metadata["from_code"], check.metadata["to_code"])
    if pair != PAIR:
        raise _bad(p, f"it translates {pair[0]}→{pair[1]}; glossar needs de→en")
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
                    raise _bad(p, f"cannot extract ({_first_line(exc)})") from None
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
    with _install_lock(root):  # never while an install swaps folders
        shutil.rmtree(folder)
    return info
