"""ocrfix: measure OCR quality against ground truth, and correct OCR text with scored strategies.

>>> import ocrfix
>>> round(ocrfix.cer("the cat", "the cut"), 4)
0.1429

Public names are imported lazily, so ``import ocrfix`` stays fast and a command
pays only for what it uses.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "cer": "ocrfix.metrics",
    "wer": "ocrfix.metrics",
    "score": "ocrfix.metrics",
    "Score": "ocrfix.metrics",
    "aggregate": "ocrfix.metrics",
    "normalize": "ocrfix.profiles",
    "correct": "ocrfix.pipeline",
    "Pipeline": "ocrfix.pipeline",
    "Edit": "ocrfix.pipeline",
    "Result": "ocrfix.pipeline",
    "OcrfixError": "ocrfix.errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        if name in {"metrics", "io", "pipeline", "batch", "strategies", "lexicon", "corpus", "bench", "quality",
                    "evaluation", "errormodel", "report"}:
            return importlib.import_module(f"ocrfix.{name}")
        raise AttributeError(f"module 'ocrfix' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
