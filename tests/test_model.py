"""`glossar model install|list|remove` and the package checks behind them."""

from __future__ import annotations

import json
import stat
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from glossar.errors import BadInputError
from glossar.mt import package_check, package_install, packages
from glossar.mt.package_check import check_archive
from glossar.mt.package_install import install_package
from glossar.mt.packages import find_de_en_package


def test_install_list_remove_round_trip(argos_home: Path, tiny_argos_package: Path, glossar_cli):  # type: ignore[no-untyped-def]
    r = glossar_cli("model", "install", str(tiny_argos_package))
    assert r.exit_code == 0, r.stderr
    assert "translate-de_en-tiny" in r.stdout
    r = glossar_cli("model", "list", "--json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == {
        "models": [
            {
                "from": "de",
                "to": "en",
                "name": "translate-de_en-tiny",
                "version": "1.0",
                "path": str(argos_home / "translate-de_en-tiny"),
            }
        ]
    }
    assert find_de_en_package() is not None
    r = glossar_cli("model", "remove", "translate-de_en-tiny")
    assert r.exit_code == 0
    assert json.loads(glossar_cli("model", "list", "--json").stdout) == {"models": []}
    assert find_de_en_package() is None


def test_remove_unknown_name_exit_4(argos_home: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("model", "remove", "nope")
    assert r.exit_code == 4
    assert r.stderr.startswith("glossar: no installed model named 'nope'")


def test_list_human_when_empty(argos_home: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("model", "list")
    assert r.exit_code == 0 and "No models installed" in r.stdout


def test_package_without_config_json_passes_the_layout_check_but_must_load(
    argos_home: Path, tiny_argos_package: Path, tmp_path: Path
) -> None:
    # Packages made with CTranslate2 < 3 have no config.json: the layout check accepts
    # that. Whether a package loads is proven by loading it: this one (a current model.bin
    # stripped of its config) cannot, so it is refused and nothing is installed.
    members = _members(tiny_argos_package)
    del members["translate-de_en-tiny/model/config.json"]
    old = _rezip(tmp_path / "old.argosmodel", members)
    assert check_archive(old).top == "translate-de_en-tiny"
    with pytest.raises(BadInputError, match="cannot load model"):
        install_package(old)
    assert _contents(argos_home) == []


def test_reinstall_replaces_in_place(installed_tiny_model, tiny_argos_package: Path) -> None:  # type: ignore[no-untyped-def]
    marker = Path(installed_tiny_model.path) / "old-file"
    marker.write_text("x")
    again = install_package(tiny_argos_package)
    assert again.path == installed_tiny_model.path
    assert not marker.exists()
    assert _contents(Path(again.path).parent) == ["translate-de_en-tiny"]


# --- refusing broken or hostile packages ----------------------------------------------


def _contents(folder: Path) -> list[str]:
    """What a packages folder holds, less the install lock file (which stays)."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name != ".glossar.lock")


def _members(pkg: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pkg) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def _rezip(path: Path, members: dict[str, bytes], extra: list[zipfile.ZipInfo] = ()) -> Path:  # type: ignore[assignment]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for info in extra:
            zf.writestr(info, b"../../etc/passwd")
    return path


def _symlink_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


CASES = {
    "not a zip archive": lambda m, t: None,
    "leaves its folder": lambda m, t: m.update({f"{t}/../evil.txt": b"x"}),
    "absolute": lambda m, t: m.update({"/evil.txt": b"x"}),
    "missing model/model.bin": lambda m, t: m.pop(f"{t}/model/model.bin"),
    "missing model/config.json": lambda m, t: [
        m.pop(f"{t}/model/config.json"),
        m.pop(f"{t}/model/shared_vocabulary.json"),
    ],
    "missing sentencepiece.model or bpe.model": lambda m, t: m.pop(f"{t}/sentencepiece.model"),
    "expected one top folder, found 2": lambda m, t: m.update({"other/readme.txt": b"x"}),
    "metadata.json is not JSON": lambda m, t: m.update({f"{t}/metadata.json": b"{nope"}),
    "lacks from_code": lambda m, t: m.update({f"{t}/metadata.json": b'{"to_code": "en"}'}),
    "not 'translate'": lambda m, t: m.update(
        {f"{t}/metadata.json": b'{"from_code": "de", "to_code": "en", "type": "sbd"}'}
    ),
}


@pytest.mark.parametrize("why", list(CASES) + ["symbolic link"])
def test_broken_package_refused_exit_4_and_nothing_changes(  # type: ignore[no-untyped-def]
    why: str, installed_tiny_model, tiny_argos_package: Path, tmp_path: Path, glossar_cli
) -> None:
    top = "translate-de_en-tiny"
    bad = tmp_path / "bad.argosmodel"
    if why == "not a zip archive":
        bad.write_bytes(b"PK? no, just text")
    else:
        members = _members(tiny_argos_package)
        extra = []
        if why == "symbolic link":
            extra = [_symlink_info(f"{top}/model/link")]
        else:
            CASES[why](members, top)
        _rezip(bad, members, extra)
    root = Path(installed_tiny_model.path).parent
    before = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
    r = glossar_cli("model", "install", str(bad))
    assert r.exit_code == 4
    assert r.stderr.count("\n") == 1 and why in r.stderr, r.stderr
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*")) == before
    assert not (tmp_path / "evil.txt").exists()


def test_zip_bomb_refused(tmp_path: Path, tiny_argos_package: Path, argos_home: Path) -> None:
    members = _members(tiny_argos_package)
    members["translate-de_en-tiny/model/padding.bin"] = bytes(20 * 1024**2)
    bomb = _rezip(tmp_path / "bomb.argosmodel", members)
    with pytest.raises(BadInputError, match="zip bomb"):
        check_archive(bomb)
    assert _contents(argos_home) == []


def test_total_size_bounded_even_if_headers_lie(
    tmp_path: Path, tiny_argos_package: Path, argos_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(BadInputError, match="more than"):
        monkeypatch.setattr(package_check, "MAX_TOTAL_BYTES", 100_000)
        check_archive(tiny_argos_package)
    # headers that understate sizes pass the check; extraction still counts real bytes
    monkeypatch.setattr(package_check, "MAX_TOTAL_BYTES", 2 * 1024**3)
    passed = check_archive(tiny_argos_package)
    monkeypatch.setattr(package_install, "check_archive", lambda path: passed)
    monkeypatch.setattr(package_install, "MAX_TOTAL_BYTES", 100_000)
    with pytest.raises(BadInputError, match="more than"):
        install_package(tiny_argos_package)
    # nothing half-extracted stays behind
    assert _contents(argos_home) == []


def test_missing_file_exit_4(argos_home: Path, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    r = glossar_cli("model", "install", "/nonexistent/x.argosmodel")
    assert r.exit_code == 4 and "no such file" in r.stderr


def test_broken_folder_in_packages_dir_is_skipped(installed_tiny_model) -> None:  # type: ignore[no-untyped-def]
    root = Path(installed_tiny_model.path).parent
    (root / "half-installed").mkdir()
    (root / ".glossar-install-x").mkdir()
    assert [m.name for m in packages.installed_packages()] == ["translate-de_en-tiny"]


# --- downloading from the index (a local server on 127.0.0.1) --------------------------


@pytest.fixture()
def index_server(tmp_path: Path, tiny_argos_package: Path) -> Iterator[str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "translate-de_en-tiny.argosmodel").write_bytes(tiny_argos_package.read_bytes())
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    index = [
        {"from_code": "de", "to_code": "en", "package_version": "0.9", "type": "translate",
         "links": [base + "missing.argosmodel"]},
        {"from_code": "de", "to_code": "en", "package_version": "1.0", "type": "translate",
         "links": [base + "translate-de_en-tiny.argosmodel"]},
        {"from_code": "en", "to_code": "de", "package_version": "9.0",
         "links": [base + "nope.argosmodel"]},
    ]  # fmt: skip
    (site / "index.json").write_text(json.dumps(index), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_install_without_file_downloads_from_index(  # type: ignore[no-untyped-def]
    argos_home: Path, index_server: str, monkeypatch: pytest.MonkeyPatch, glossar_cli
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index_server)
    r = glossar_cli("model", "install")
    assert r.exit_code == 0, r.stderr
    assert f"{index_server}index.json" in r.stderr
    assert f"Downloading {index_server}translate-de_en-tiny.argosmodel" in r.stderr
    assert "MiB" in r.stderr  # progress
    assert find_de_en_package() is not None
    assert _contents(argos_home) == ["translate-de_en-tiny"]


def test_download_failure_is_one_line(argos_home: Path, glossar_cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    r = glossar_cli("model", "install")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1].startswith("glossar: cannot download http://127.0.0.1:9/")
    # a refused connection is no missing network: no offline hint
    assert "without a network" not in r.stderr
    assert "Traceback" not in r.stderr
    assert _contents(argos_home) == []


def test_models_dir_follows_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "a"))
    assert packages.packages_dir() == tmp_path / "a"
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "x"))
    assert packages.packages_dir() == tmp_path / "x" / "argos-translate" / "packages"
    # argostranslate's settings.json is honoured too (environment first)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    (tmp_path / "c" / "argos-translate").mkdir(parents=True)
    settings = {"ARGOS_PACKAGES_DIR": str(tmp_path / "s")}
    (tmp_path / "c" / "argos-translate" / "settings.json").write_text(json.dumps(settings))
    assert packages.packages_dir() == tmp_path / "s"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "a"))
    assert packages.packages_dir() == tmp_path / "a"


def test_no_network_says_how_to_install_offline(argos_home: Path, glossar_cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A tester offline: the index's name does not resolve. The one line says how to
    install a package file instead."""
    import socket
    import urllib.error
    import urllib.request

    def no_dns(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise urllib.error.URLError(socket.gaierror(-2, "Name or service not known"))

    monkeypatch.setattr(urllib.request, "urlopen", no_dns)
    r = glossar_cli("model", "install")
    assert r.exit_code == 1
    last = r.stderr.splitlines()[-1]
    assert "Name or service not known" in last
    assert last.endswith(
        "without a network, install a package file: glossar model install FILE.argosmodel"
    )
    assert _contents(argos_home) == []


def test_a_package_with_a_broken_metadata_file_is_named_not_hidden(  # type: ignore[no-untyped-def]
    argos_home: Path, tiny_argos_package: Path, glossar_cli
) -> None:
    """A tester's broken metadata.json made `model list` say "No models installed",
    translate "No German→English model installed", and `model remove` "no installed
    model named …": the package was hidden, and the way to mend it was not said."""
    info = install_package(tiny_argos_package)
    Path(info.path, "metadata.json").write_text("{", encoding="utf-8")
    listed = json.loads(glossar_cli("model", "list", "--json").stdout)
    assert listed == {
        "models": [],
        "broken": [{"name": info.name, "problem": "metadata.json is not valid JSON"}],
    }
    human = glossar_cli("model", "list")
    assert f"{info.name} cannot be read (metadata.json is not valid JSON)" in human.stderr
    r = glossar_cli("translate", "Der Präsident.")
    assert r.exit_code == 3
    assert f"remove it with `glossar model remove {info.name}`" in r.stderr
    assert glossar_cli("model", "remove", info.name).exit_code == 0
    assert not Path(info.path).exists()
    assert json.loads(glossar_cli("model", "list", "--json").stdout) == {"models": []}


def test_argostranslates_folders_that_cannot_be_made_do_not_stop_translation(  # type: ignore[no-untyped-def]
    argos_home: Path, tiny_argos_package: Path, tmp_path: Path
) -> None:
    """A tester's read-only home (or cache folder) stopped `translate` and `model list`
    with "…/.local: Permission denied", exit 4: importing argostranslate makes its
    data, config and cache folders. They go to a private temporary folder instead; the
    packages folder stays. (A file where a folder should be fails for root as well.)"""
    import os
    import subprocess
    import sys

    info = install_package(tiny_argos_package)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    env = dict(os.environ, HOME=str(blocker), XDG_CACHE_HOME=str(blocker / "cache"))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env.pop(variable, None)
    env["PYTHONPATH"] = str(Path(packages.__file__).resolve().parents[2])
    r = subprocess.run(
        [sys.executable, "-m", "glossar", "model", "list", "--json"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert [m["name"] for m in json.loads(r.stdout)["models"]] == [info.name]
    # the review's: glossar's own cache folder stays where it was (the variables that
    # point argostranslate elsewhere are put back once it is imported)
    probe = (
        "import glossar.files as f; before = f.cache_dir(); "
        "from glossar.mt.packages import installed_packages; installed_packages(); "
        "print(before == f.cache_dir())"
    )
    env.pop("GLOSSAR_CACHE_DIR", None)  # (set, it would decide alone)
    r = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert r.stdout == "True\n", r.stderr


def test_a_link_to_a_package_inside_the_folder_is_removed_not_its_target(  # type: ignore[no-untyped-def]
    argos_home: Path, tiny_argos_package: Path, glossar_cli
) -> None:
    """The review's `model remove` of a link (inside the packages folder) to a package
    said only "glossar: OSError": rmtree refuses links. The link goes; its target stays."""
    info = install_package(tiny_argos_package)
    link = Path(info.path).parent / "translate-link"
    link.symlink_to(Path(info.path).name)
    r = glossar_cli("model", "remove", "translate-link")
    assert r.exit_code == 0, r.stderr
    assert not link.exists() and not link.is_symlink() and Path(info.path, "model").is_dir()
