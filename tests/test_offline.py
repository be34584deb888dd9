"""Offline, proven: with sockets blocked, install-from-file, translate and JSON all work."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


class NetworkUsed(AssertionError):
    pass


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"network used: {args!r}")

    class RefusedSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise NetworkUsed("network used: socket()")

    monkeypatch.setattr(socket, "socket", RefusedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_install_translate_json_without_network(  # type: ignore[no-untyped-def]
    argos_home: Path, copy_argos_package: Path, no_network: None, glossar_cli
) -> None:
    r = glossar_cli("model", "install", str(copy_argos_package))
    assert r.exit_code == 0, r.stderr
    r = glossar_cli("translate", "Tokajew verhängte den Ausnahmezustand.", "--json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    seg = data["segments"][0]
    assert "state of emergency" in seg["target"]
    (term,) = [t for t in seg["terms"] if t["id"] == "ausnahmezustand"]
    assert term["en"] == "state of emergency" and term["found"] and term["method"] != "model"
    r = glossar_cli("model", "list", "--json")
    assert json.loads(r.stdout)["models"][0]["name"] == "translate-de_en-copy"


def test_download_is_the_only_network_use(argos_home: Path, no_network: None, glossar_cli) -> None:  # type: ignore[no-untyped-def]
    # it tried the network, which the fixture refuses: the CLI reports that in one line
    r = glossar_cli("model", "install")
    assert r.exit_code == 4
    assert "network used" in r.stderr and "Traceback" not in r.stderr


SCRIPT = textwrap.dedent(
    """
    import socket, sys, json
    def refuse(*a, **k):
        raise OSError("network used")
    class Refused(socket.socket):
        def __init__(self, *a, **k):
            raise OSError("network used")
    socket.socket = Refused
    socket.create_connection = refuse
    from glossar.cli import main
    for args in (["model", "install", sys.argv[1]],
                 ["translate", "--json", "--beam", "1", "Die OVKS greift ein."]):
        try:
            main(args)
        except SystemExit as exc:
            assert not exc.code, exc.code
    heavy = [m for m in ("argostranslate.translate", "argostranslate.sbd", "minisbd", "torch")
             if m in sys.modules]
    print(json.dumps({"heavy": heavy}), file=sys.stderr)
    """
)


def test_fresh_process_never_loads_argos_translate_path(
    tmp_path: Path, copy_argos_package: Path
) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "NO_COLOR": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(copy_argos_package)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout[proc.stdout.index("{\n") :])
    assert "CSTO" in out["segments"][0]["target"]
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == {"heavy": []}
    # argostranslate's run-time MiniSBD download never happened
    assert not (tmp_path / "data" / "argos-translate" / "minisbd").exists()
    assert not (tmp_path / "home").exists()
