"""Click's own messages (usage errors, help headings) in German for ``--lang de``.

Click has no translation hook of its own: each of its modules binds ``gettext.gettext``
(as ``_``) and ``gettext.ngettext`` at import and looks its English messages up in
gettext's global domain. Binding that global domain to a catalog of ours would change
every other library in the process too, so instead, in the CLI process only and only
while German is the language, those module names are pointed at :data:`GERMAN` (an
unknown message stays English; ``--lang en`` puts gettext's functions back). Nothing
happens on ``import glossar``. The keys are Click's messages as it writes them
(extracted from Click 8 with Babel); a message a later Click changes falls back to
English.

:func:`glossar.cli.main` sets the language from ``--lang`` before Click parses anything,
so the errors for the whole program's options are German too. Help texts Click fixes
when a command is defined, before the language is known (glossar's docstrings and option
help, ``--version``'s help, the ``--help`` option Click caches), are translated each time
Click reads them: :mod:`glossar.cli.help_texts`, which takes Click's own from
:data:`GERMAN`. Still English: Click's programmer errors (a command defined wrongly) and
the names of its parameter types in help (``INTEGER RANGE``, ``TEXT``).
"""

from __future__ import annotations

import gettext
import importlib

#: Click's English messages a user meets, in German (placeholders kept as they are).
GERMAN: dict[str, str] = {
    "Aborted!": "Abgebrochen!",
    "Options": "Optionen",
    "Commands": "Befehle",
    "Positional arguments": "Positionsargumente",
    "Usage:": "Aufruf:",
    "Missing command.": "Befehl fehlt.",
    "Show this message and exit.": "Diese Hilfe zeigen und beenden.",
    "Show the version and exit.": "Die Version zeigen und beenden.",
    "%(prog)s, version %(version)s": "%(prog)s, Version %(version)s",
    "Error: {message}": "Fehler: {message}",
    "Try '{command} {option}' for help.": "Hilfe mit '{command} {option}'.",
    "Invalid value: {message}": "Ungültiger Wert: {message}",
    "Invalid value for {param_hint}: {message}": "Ungültiger Wert für {param_hint}: {message}",
    "Missing argument": "Fehlendes Argument",
    "Missing option": "Fehlende Option",
    "Missing parameter": "Fehlender Parameter",
    "Missing {param_type}": "Fehlend ({param_type})",
    "Missing parameter: {param_name}": "Parameter fehlt: {param_name}",
    "No such option {name!r}.": "Unbekannte Option {name!r}.",
    "No such command {name!r}.": "Unbekannter Befehl {name!r}.",
    "unknown error": "unbekannter Fehler",
    "Could not open file {filename!r}: {message}": (
        "Datei {filename!r} lässt sich nicht öffnen: {message}"
    ),
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} nimmt {nargs} Werte.",
    "Option {name!r} does not take a value.": "Option {name!r} nimmt keinen Wert.",
    "Option {name!r} requires an argument.": "Option {name!r} braucht ein Argument.",
    "Option {name!r} requires {nargs} arguments.": "Option {name!r} braucht {nargs} Argumente.",
    "Got unexpected extra argument ({args})": "Unerwartetes zusätzliches Argument ({args})",
    "Got unexpected extra arguments ({args})": "Unerwartete zusätzliche Argumente ({args})",
    "Did you mean {possibility}?": "Meinten Sie {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Meinten Sie eines von: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} ist nicht {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} ist keines von {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} ist kein gültiger Wert ({number_type}).",
    "{value} is not in the range {range}.": "{value} liegt nicht im Bereich {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} ist kein gültiger Wahrheitswert. Erkannte Werte: {states}"
    ),
    "file": "Datei",
    "directory": "Ordner",
    "path": "Pfad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} existiert nicht.",
    "{name} {filename!r} is a file.": "{name} {filename!r} ist eine Datei.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} ist ein Ordner.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} ist nicht lesbar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} ist nicht schreibbar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} ist nicht ausführbar.",
    "default: {default}": "Vorgabe: {default}",
    "env var: {var}": "Umgebungsvariable: {var}",
    "(dynamic)": "(dynamisch)",
    "deprecated": "veraltet",
    "Do you want to continue?": "Fortfahren?",
    "Press any key to continue...": "Weiter mit beliebiger Taste …",
    "Error: invalid input": "Fehler: ungültige Eingabe",
    "Takes {nargs} values but 1 was given.": "Nimmt {nargs} Werte, aber 1 wurde angegeben.",
    "Takes {nargs} values but {len} were given.": (
        "Nimmt {nargs} Werte, aber {len} wurden angegeben."
    ),
    "Value must be an iterable.": "Der Wert muss eine Folge sein.",
    "{len_type} values are required, but {len_value} was given.": (
        "{len_type} Werte sind nötig, aber {len_value} wurde angegeben."
    ),
    "{len_type} values are required, but {len_value} were given.": (
        "{len_type} Werte sind nötig, aber {len_value} wurden angegeben."
    ),
    "Choose from:\n\t{choices}": "Zur Auswahl:\n\t{choices}",
    "{value!r} is not a valid UUID.": "{value!r} ist keine gültige UUID.",
    "{value!r} does not match the format {format}.": (
        "{value!r} entspricht nicht dem Format {format}."
    ),
    "{value!r} does not match the formats {formats}.": (
        "{value!r} entspricht keinem der Formate {formats}."
    ),
    "Confirm the action without prompting.": "Die Aktion ohne Rückfrage bestätigen.",
    "Repeat for confirmation": "Zur Bestätigung wiederholen",
    "Error: The two entered values do not match.": (
        "Fehler: Die beiden eingegebenen Werte stimmen nicht überein."
    ),
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "DeprecationWarning: Der Befehl {name!r} ist veraltet.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "DeprecationWarning: {param_type} {name!r} ist veraltet.{extra_message}"
    ),
}

#: Click's modules that look messages up (``_`` and, some, ``ngettext``).
_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)


def _german(message: str) -> str:
    return GERMAN.get(message, message)


def _german_plural(singular: str, plural: str, n: int) -> str:
    return _german(singular if n == 1 else plural)


def localise_click(language: str) -> None:
    """Click's messages in ``language`` ("de": :data:`GERMAN`; otherwise gettext's, as
    Click has them)."""
    german = language == "de"
    for name in _MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a module a later Click drops
            continue
        if hasattr(module, "_"):
            module._ = _german if german else gettext.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _german_plural if german else gettext.ngettext  # type: ignore[attr-defined]
