"""Offline German→English machine translation with the glossary enforced.

Layers, each replaceable: :mod:`glossar.text.segment` (sentences) → :mod:`.engine`
(CTranslate2 on an argos package, batched by length) → :mod:`.enforce` (glossary terms)
→ :mod:`.translation` (:class:`Translation`, what the CLI renders). This module only
re-exports; nothing heavy is imported here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossar.mt.checks import Recogniser as Recogniser
    from glossar.mt.checks import TermCheck
    from glossar.mt.enforce import enforce as enforce
    from glossar.mt.engine import Engine as Engine
    from glossar.mt.packages import ModelInfo
    from glossar.mt.packages import find_de_en_package as find_de_en_package
    from glossar.mt.translation import (
        NO_MODEL_MESSAGE,
        SegmentTranslation,
        Translation,
        numbers_lost,
        require_model,
        translate_pieces,
        translate_sentences,
        translate_text,
    )

#: Re-exported name → its module, imported on first use (PEP 562): ``glossar.mt.packages``
#: (the CLI's start-up sweep, ``model list``) must not pay for enforcement and engines.
_HOMES = {
    "Recogniser": "glossar.mt.checks",
    "TermCheck": "glossar.mt.checks",
    "enforce": "glossar.mt.enforce",
    "Engine": "glossar.mt.engine",
    "ModelInfo": "glossar.mt.packages",
    "find_de_en_package": "glossar.mt.packages",
    "NO_MODEL_MESSAGE": "glossar.mt.translation",
    "SegmentTranslation": "glossar.mt.translation",
    "Translation": "glossar.mt.translation",
    "numbers_lost": "glossar.mt.translation",
    "require_model": "glossar.mt.translation",
    "translate_pieces": "glossar.mt.translation",
    "translate_sentences": "glossar.mt.translation",
    "translate_text": "glossar.mt.translation",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'glossar.mt' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


__all__ = [
    "ModelInfo",
    "SegmentTranslation",
    "TermCheck",
    "Translation",
    "NO_MODEL_MESSAGE",
    "numbers_lost",
    "require_model",
    "translate_pieces",
    "translate_sentences",
    "translate_text",
]
