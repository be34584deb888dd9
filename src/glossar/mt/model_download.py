"""Downloading the de→en package from the Argos index: the product's only network use.

Kept in its own module so the rest of the product provably never opens a connection
(a project check greps for network calls outside model/download modules). The index
location is argostranslate's setting ``ARGOS_PACKAGE_INDEX`` (a base URL; ``index.json``
is appended), read from the environment at call time.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from glossar.errors import BadInputError, GlossarError
from glossar.files import size_text
from glossar.i18n import _
from glossar.mt.package_install import _writable_root, install_package
from glossar.mt.packages import ModelInfo

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
MAX_INDEX_BYTES = 16 * 1024**2
MAX_PACKAGE_BYTES = 2 * 1024**3
USER_AGENT = "glossar (argostranslate-compatible)"

Progress = Callable[[str], None]


def index_url() -> str:
    """Where the package index is read from (``$ARGOS_PACKAGE_INDEX`` + ``index.json``)."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    if base.endswith(".json"):
        return base
    return base if base.endswith("/index.json") else base.rstrip("/") + "/index.json"


def _open(url: str, timeout: float) -> Any:
    if urllib.parse.urlparse(url).scheme not in ("http", "https"):
        raise GlossarError(
            _("refusing to download from {url}: only http and https").format(url=repr(url))
        )
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if isinstance(exc, TimeoutError | socket.timeout):
            raise _failed(url, exc) from None
        why = getattr(exc, "reason", exc)
        if _no_network(why):
            # no route to the index at all (no network, a name that does not resolve):
            # say how to install without one
            raise GlossarError(
                _(
                    "cannot download {url}: {why}; without a network, install a package "
                    "file: glossar model install FILE.argosmodel"
                ).format(url=url, why=why)
            ) from None
        raise GlossarError(_("cannot download {url}: {why}").format(url=url, why=why)) from None


def _no_network(why: object) -> bool:
    """Is ``why`` no way to the index at all: a name that does not resolve, no route
    (not a refused connection, a certificate or an HTTP error)?"""
    import errno

    return isinstance(why, socket.gaierror) or (
        isinstance(why, OSError) and why.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH)
    )


def _failed(url: str, exc: BaseException) -> GlossarError:
    """One line for a download that broke off: a stall (timeout), a reset, a short body."""
    if isinstance(exc, TimeoutError | socket.timeout):
        return GlossarError(
            _("download of {url} stalled (no data for too long); try again").format(url=url)
        )
    why = getattr(exc, "reason", None) or str(exc) or type(exc).__name__
    return GlossarError(_("download of {url} failed ({why}); try again").format(url=url, why=why))


def _read(response: Any, size: int, url: str) -> bytes:
    try:
        return bytes(response.read(size))
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise _failed(url, exc) from None


def fetch_index(url: str | None = None, *, timeout: float = 30.0) -> list[dict[str, Any]]:
    """The package index: a JSON list of package metadata objects."""
    url = url or index_url()
    with _open(url, timeout) as response:
        data = _read(response, MAX_INDEX_BYTES + 1, url)
    if len(data) > MAX_INDEX_BYTES:
        raise GlossarError(
            _("{url}: index larger than {size}").format(url=url, size=size_text(MAX_INDEX_BYTES))
        )
    try:
        index = json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise GlossarError(_("{url}: package index is not JSON").format(url=url)) from None
    if not isinstance(index, list):
        raise GlossarError(_("{url}: package index is not a list").format(url=url))
    return [item for item in index if isinstance(item, dict)]


def _version(item: dict[str, Any]) -> tuple[int, ...]:
    raw = str(item.get("package_version", "0"))
    return tuple(int(p) if p.isdigit() else 0 for p in raw.replace("_", ".").split("."))


def pick_de_en(index: list[dict[str, Any]]) -> dict[str, Any]:
    """The newest de→en translation package listed in the index."""
    candidates = [
        item
        for item in index
        if item.get("from_code") == "de"
        and item.get("to_code") == "en"
        and item.get("type", "translate") == "translate"
        and isinstance(item.get("links"), list)
        and item.get("links")
    ]
    if not candidates:
        raise GlossarError(_("the package index lists no German→English package"))
    return max(candidates, key=_version)


def _download(url: str, dest: Path, progress: Progress | None, timeout: float) -> None:
    with _open(url, timeout) as response, open(dest, "wb") as out:
        try:
            total = max(0, int(response.headers.get("Content-Length") or 0))
        except ValueError:
            total = 0
        done = 0
        last_step = -1
        while chunk := _read(response, 256 * 1024, url):
            done += len(chunk)
            if done > MAX_PACKAGE_BYTES:
                raise BadInputError(
                    _("{url}: package larger than {size}").format(
                        url=url, size=size_text(MAX_PACKAGE_BYTES)
                    )
                )
            out.write(chunk)
            if progress is not None:
                step = done * 20 // total if total else done // (5 * 1024**2)
                if step != last_step:
                    last_step = step
                    if total:
                        progress(f"{done / 1024**2:.1f} / {total / 1024**2:.1f} MiB")
                    else:
                        progress(f"{done / 1024**2:.1f} MiB")


def download_de_en(progress: Progress | None = None, *, timeout: float = 30.0) -> ModelInfo:
    """Download the de→en package named by the index, check it and install it.

    ``timeout`` bounds every wait for data: a stalled server ends in one line, not a hang.
    """
    say = progress or (lambda _msg: None)
    root = _writable_root()
    url = index_url()
    say(_("Reading the package index {url}").format(url=url))
    item = pick_de_en(fetch_index(url, timeout=timeout))
    links = [link for link in item["links"] if isinstance(link, str)]
    fd, tmp_name = tempfile.mkstemp(prefix=".glossar-download-", suffix=".argosmodel", dir=root)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        error: GlossarError | None = None
        for link in links:
            say(_("Downloading {url}").format(url=link))
            try:
                _download(link, tmp, progress, timeout)
                break
            except GlossarError as exc:
                error = exc
        else:
            raise error or GlossarError(_("no download link worked"))
        return install_package(tmp)
    finally:
        tmp.unlink(missing_ok=True)
