"""Language of the CLI's own messages (``--lang de|en``), through Babel-built catalogs.

Catalogs live in ``glossar/locale/<lang>/LC_MESSAGES/glossar.{po,mo}``; the ``.mo`` files
are compiled with Babel (``pybabel compile``) and ship in the wheel. Data in JSON is
never localised: only text meant for people goes through :func:`_`.
"""

from __future__ import annotations

import gettext as _gettext
import locale
import os
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "glossar"
SUPPORTED = ("en", "de")

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def default_language() -> str:
    """The UI language from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else en."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            if code in SUPPORTED:
                return code
            if code not in ("c", "posix"):
                return "en"
    try:
        code = (locale.getlocale()[0] or "en").split("_")[0].lower()
    except ValueError:
        code = "en"
    return code if code in SUPPORTED else "en"


def set_language(lang: str | None) -> str:
    """Switch message language; ``None`` picks :func:`default_language`. Returns it."""
    global _translations, _language
    lang = (lang or default_language()).lower()
    if lang not in SUPPORTED:
        lang = "en"
    _language = lang
    if lang == "en":
        _translations = _gettext.NullTranslations()
    else:
        _translations = _gettext.translation(
            DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True
        )
    return lang


def language() -> str:
    """The language currently used for messages."""
    return _language


def _(message: str) -> str:
    """Translate a UI message into the current language (English is the source)."""
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it now (library constants that
    the CLI translates when it shows them)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Plural-aware translation of a UI message."""
    return _translations.ngettext(singular, plural, n)
