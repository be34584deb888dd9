"""The help texts of glossar's commands and options in the language of ``--lang``.

Click takes a command's help from its docstring and an option's from ``help=`` when the
command is defined, at import, before ``--lang`` is known: ``_()`` there would fix the
language too early. So the English stays the source, kept on the object as written, and
:class:`Command` and :class:`Group` (and the options and arguments they hold) translate
it each time Click *reads* ``help`` (a property): for the list of commands (the short
help Click cuts from the translated text), a command's ``--help``, the option table and
shell completion. The English of a text with no translation is returned unchanged, so
``--lang en`` prints byte for byte what the code holds.

Every command of glossar is made with ``cls=Command`` or ``cls=Group`` (a group's
subcommands are by default); each turns its parameters into localised ones when Click
asks for them (:meth:`Command.get_params`), the ``--help`` option too. The German is in
glossar's catalog: :func:`english_help_texts` lists the msgids (``update_catalogs.py``
adds them to the template, a test fails when one is untranslated); Click's own help texts
(``--help``, ``--version``) come from :data:`glossar.cli.click_german.GERMAN`. Nothing
here runs on ``import glossar``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import click

from glossar.cli.click_german import GERMAN as CLICK_GERMAN
from glossar.i18n import _, language

#: Click's own help texts back in English (Click made them in the language of the
#: moment: the ``--help`` option Click caches may be German).
_CLICK_ENGLISH = {german: english for english, german in CLICK_GERMAN.items()}


def localise(text: str | None) -> str | None:
    """``text`` (a help text as Click holds it) in the current language; itself when it
    has no translation."""
    if not text:
        return text
    key = inspect.cleandoc(text)
    translated = _(key)
    if translated == key and language() == "de":  # Click's own (--help, --version)
        translated = CLICK_GERMAN.get(key, key)
    return text if translated == key else translated


class LocalisedText:
    """An attribute holding a help text: set in English, read in the current language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_english_{name}"

    def __get__(self, obj: object, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return localise(obj.__dict__.get(self.slot))

    def __set__(self, obj: object, value: str | None) -> None:
        obj.__dict__[self.slot] = value


def english(obj: object, attr: str = "help") -> str | None:
    """The help text of a command or parameter as the code wrote it (the msgid: a
    docstring without its indentation)."""
    if isinstance(getattr(type(obj), attr, None), LocalisedText):
        text = obj.__dict__.get(f"_english_{attr}")
    else:  # not localised: as Click holds it
        text = getattr(obj, attr, None)
    return inspect.cleandoc(text) if text else text


class Option(click.Option):
    """A :class:`click.Option` whose help is read in the current language."""

    help = LocalisedText()


class Argument(click.Argument):
    """A :class:`click.Argument` whose help (Click 8.2+) is read in the current language."""

    help = LocalisedText()


_LOCALISED: dict[type, type] = {click.Option: Option, click.Argument: Argument}


def localise_param(param: click.Parameter) -> None:
    """Make a plain Click option or argument one whose help is translated when read (its
    class becomes the subclass, which only adds that property); others stay as they are."""
    cls = _LOCALISED.get(type(param))
    if cls is None:
        return
    text = param.__dict__.pop("help", None)
    param.__class__ = cls
    param.help = _CLICK_ENGLISH.get(text, text)


class Command(click.Command):
    """A :class:`click.Command` whose help texts are read in the current language."""

    help = LocalisedText()
    short_help = LocalisedText()

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        for param in params:  # options added late and Click's --help option too
            localise_param(param)
        return params


class Group(Command, click.Group):
    """A :class:`click.Group` whose help texts are read in the current language; its
    subcommands and subgroups are made localised too."""

    command_class = Command
    group_class = type  # subgroups: this class


def walk_commands(
    command: click.Command, path: str = "glossar", parent: click.Context | None = None
) -> Iterator[tuple[str, click.Command, click.Context]]:
    """``command`` and every subcommand, with its path (``glossar glossary import``) and
    a context to ask for its parameters."""
    name = path.rsplit(" ", 1)[-1]  # as make_context would, without parsing anything
    ctx = click.Context(command, info_name=name, parent=parent, **command.context_settings)
    yield path, command, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from walk_commands(sub, f"{path} {name}", ctx)


def english_help_texts(root: click.Command) -> dict[str, list[str]]:
    """Every help text of ``root``'s command tree that glossar's catalog translates
    (Click's own left out): English msgid → where it is shown (``glossar lookup --limit``)."""
    found: dict[str, list[str]] = {}
    for path, command, ctx in walk_commands(root):
        texts = [(path, english(command)), (path, english(command, "short_help"))]
        for param in command.get_params(ctx):
            where = param.opts[0] if isinstance(param, click.Option) else param.human_readable_name
            texts.append((f"{path} {where}", english(param)))
        for where, text in texts:
            if text and text not in CLICK_GERMAN:
                found.setdefault(text, []).append(where)
    return found
