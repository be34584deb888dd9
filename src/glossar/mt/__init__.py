"""Offline German→English machine translation with the glossary enforced.

Layers, each replaceable: :mod:`glossar.text.segment` (sentences) → :mod:`.engine`
(CTranslate2 on an argos package, batched by length) → :mod:`.enforce` (glossary terms)
→ :mod:`.translation` (:class:`Translation`, what the CLI renders). This module only
re-exports; nothing heavy is imported here.
"""

from glossar.mt.enforce import Recogniser as Recogniser
from glossar.mt.enforce import TermCheck
from glossar.mt.enforce import enforce as enforce
from glossar.mt.engine import Engine as Engine
from glossar.mt.packages import ModelInfo
from glossar.mt.packages import find_de_en_package as find_de_en_package
from glossar.mt.translation import (
    NO_MODEL_MESSAGE,
    SegmentTranslation,
    Translation,
    require_model,
    translate_sentences,
    translate_text,
)

__all__ = [
    "ModelInfo",
    "SegmentTranslation",
    "TermCheck",
    "Translation",
    "NO_MODEL_MESSAGE",
    "require_model",
    "translate_sentences",
    "translate_text",
]
