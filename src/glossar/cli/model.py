"""``glossar model``: install, list and remove argostranslate translation packages."""

from __future__ import annotations

import click

from glossar.cli.help_texts import Group
from glossar.cli.options import echo_json, json_option
from glossar.i18n import _
from glossar.neutralise import for_terminal


@click.group(cls=Group)
def model() -> None:
    """Manage the offline translation models (argostranslate packages).

    Models live where argostranslate keeps them ($ARGOS_PACKAGES_DIR is honoured).

    Example:

        glossar model install translate-de_en-1_0.argosmodel

        glossar model list --json
    """


@model.command()
@click.argument("file", required=False)
def install(file: str | None) -> None:
    """Install FILE.argosmodel (no network), or download the de→en model if no FILE.

    The package is checked before anything is installed; a broken or unsafe one is
    refused with exit 4 and installed models stay as they were. Without FILE, the
    German→English package is downloaded from the Argos package index (the only time
    glossar uses the network; $ARGOS_PACKAGE_INDEX changes where from).

    Example:

        glossar model install ~/Downloads/translate-de_en-1_0.argosmodel

        glossar model install
    """
    if file is not None:
        from glossar.mt.package_install import install_package

        info = install_package(file)
    else:
        from glossar.mt.model_download import download_de_en

        def say(message: str) -> None:
            click.echo(message, err=True)

        info = download_de_en(progress=say)
    from glossar.mt.engine import clear_engines

    clear_engines()
    click.echo(
        _("Installed {name} {version} ({src}→{dst}) in {path}").format(
            name=info.name,
            version=info.version,
            src=info.from_code,
            dst=info.to_code,
            path=info.path,
        )
    )


@model.command("list")
@json_option
def list_models(as_json: bool) -> None:
    """List installed translation models.

    Example:

        glossar model list --json
    """
    from glossar.mt.packages import broken_packages, installed_packages, packages_dir
    from glossar.mt.translation import BROKEN_PACKAGE

    models = installed_packages()
    broken = broken_packages()
    if as_json:
        document: dict[str, object] = {"models": [m.to_list_dict() for m in models]}
        if broken:  # (only where there is one: the contract's shape otherwise)
            document["broken"] = [{"name": name, "problem": why} for name, why in broken]
        echo_json(document)
        return
    if not models:
        click.echo(_("No models installed in {path}.").format(path=packages_dir()))
    for m in models:
        line = f"{m.name}\t{m.from_code}→{m.to_code}\t{m.version}\t{m.path}"
        click.echo(for_terminal(line))
    for name, why in broken:
        click.echo(for_terminal(_(BROKEN_PACKAGE).format(name=name, why=why)), err=True)


@model.command()
@click.argument("name")
def remove(name: str) -> None:
    """Remove the installed model NAME (as shown by `glossar model list`).

    Example:

        glossar model remove translate-de_en-1_0
    """
    from glossar.mt.engine import clear_engines
    from glossar.mt.package_install import remove_package

    info = remove_package(name)
    clear_engines()
    click.echo(_("Removed {name} ({path})").format(name=info.name, path=info.path))
