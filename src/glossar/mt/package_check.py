"""Checking a model package before it is installed: the archive, then the model itself.

An archive is refused before anything is extracted when a broken or hostile archive
(``..`` paths, links, zip bombs, a missing model or tokenizer) could otherwise be
half-installed; after extraction, :func:`prove_package` loads the model and makes it
translate one sentence, so a corrupt ``model.bin``, a broken ``config.json`` or a
garbage SentencePiece model never replaces a working package.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from glossar.errors import BadInputError
from glossar.files import display_name, size_text
from glossar.i18n import N_, _
from glossar.mt.packages import ModelInfo

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
class PackageCheck:
    """What an archive holds: its single top folder and its parsed metadata."""

    top: str
    metadata: dict[str, Any]


def _bad(path: Path, why: str) -> BadInputError:
    return BadInputError(
        _("{path}: not a usable model package: {why}").format(
            path=display_name(path),
            why=_(why) if why else why,  # _("") is the header
        )
    )


def _member_parts(name: str) -> tuple[str, ...]:
    return PurePosixPath(name).parts


def check_archive(path: str | os.PathLike[str]) -> PackageCheck:
    """Check a ``.argosmodel`` before anything is extracted; raise BadInputError if unusable."""
    p = Path(path)
    if p.exists() and not p.is_file():
        raise BadInputError(
            _("{path}: not a regular file (a model package is a .argosmodel file)").format(
                path=display_name(p)
            )
        )
    if not p.is_file():
        raise BadInputError(_("{path}: no such file").format(path=display_name(p)))
    if not zipfile.is_zipfile(p):
        raise _bad(p, N_("not a zip archive"))
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _bad(p, _("unreadable zip ({why})").format(why=exc)) from None
    with zf:
        infos = zf.infolist()
        if not infos:
            raise _bad(p, N_("empty archive"))
        if len(infos) > MAX_MEMBERS:
            raise _bad(p, _("{n} members (at most {max})").format(n=len(infos), max=MAX_MEMBERS))
        tops: set[str] = set()
        total = 0
        files: set[str] = set()
        for info in infos:
            name = info.filename
            if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
                raise _bad(
                    p, _("member {name} has an absolute or Windows path").format(name=repr(name))
                )
            parts = _member_parts(name)
            if not parts or any(part in ("..", ".", "") for part in parts):
                raise _bad(p, _("member {name} leaves its folder").format(name=repr(name)))
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise _bad(p, _("member {name} is a symbolic link").format(name=repr(name)))
            if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise _bad(p, _("member {name} is not a plain file").format(name=repr(name)))
            tops.add(parts[0])
            if info.is_dir():
                continue
            if len(parts) < 2:
                raise _bad(
                    p, _("member {name} lies outside the package folder").format(name=repr(name))
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise _bad(
                    p, _("unpacks to more than {size}").format(size=size_text(MAX_TOTAL_BYTES))
                )
            if info.file_size > 1024**2 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _bad(
                    p,
                    _("member {name} is compressed suspiciously well (zip bomb?)").format(
                        name=repr(name)
                    ),
                )
            files.add("/".join(parts[1:]))
        if len(tops) != 1:
            raise _bad(p, _("expected one top folder, found {n}").format(n=len(tops)))
        top = tops.pop()
        if top.startswith("."):
            raise _bad(p, _("top folder {name} is hidden").format(name=repr(top)))
        missing = [f for f in REQUIRED if f not in files]
        if not any(f.startswith(MODEL_DESCRIPTION) for f in files):
            missing.append("model/config.json")
        if not any(t in files for t in TOKENIZERS):
            missing.append("sentencepiece.model or bpe.model")
        if missing:
            raise _bad(p, _("missing {files}").format(files=", ".join(missing)))
        try:
            metadata = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise _bad(p, N_("metadata.json is not JSON")) from None
    _check_metadata(p, metadata)
    return PackageCheck(top=top, metadata=metadata)


def _check_metadata(p: Path, metadata: object) -> None:
    if not isinstance(metadata, dict):
        raise _bad(p, N_("metadata.json is not an object"))
    for key in ("from_code", "to_code"):
        if not isinstance(metadata.get(key), str) or not metadata[key]:
            raise _bad(p, _("metadata.json lacks {key}").format(key=key))
    kind = metadata.get("type", "translate")
    if kind != "translate":
        raise _bad(p, _("metadata.json type is {kind}, not 'translate'").format(kind=repr(kind)))


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
                raise ValueError(N_("model.bin is truncated"))
            return fh.read(n)

        def u(fmt: str) -> int:
            return int(struct.unpack("<" + fmt, take(struct.calcsize(fmt)))[0])

        def string() -> str:
            raw = take(u("H"))
            try:
                return raw.rstrip(b"\0").decode("utf-8")
            except UnicodeDecodeError:  # random bytes where a name should be
                raise ValueError(f"model.bin is damaged (byte {fh.tell()})") from None

        version = u("I")
        if not 1 <= version <= 6:
            raise ValueError(f"model.bin has unknown format version {version}")
        if version >= 2:
            string()
            u("I")
        count = u("I")
        if count > 100_000:
            raise ValueError(N_("model.bin lists too many variables"))
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
                raise ValueError(N_("model.bin is truncated"))
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
        raise ValueError(N_("model/config.json is not JSON")) from None
    if not isinstance(data, dict):
        raise ValueError(N_("model/config.json is not an object"))


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
        raise ValueError(N_("model/model.bin is empty"))
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
            raise ValueError(
                _("sentencepiece.model cannot be loaded ({why})").format(why=_first_line(exc))
            ) from None
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
        raise ValueError(
            _("the model cannot translate ({why})").format(why=_first_line(exc))
        ) from None
    if len(out) != 1 or not isinstance(out[0], str):
        raise ValueError(N_("the model gave no translation"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
