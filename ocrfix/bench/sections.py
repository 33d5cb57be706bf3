"""Report sections beyond the leaderboard, computed from the corpus and its folds.

A section measures something that is not a correction candidate — the
quality estimate (Spearman correlation and mean absolute error between
estimated and true page CER, cross-validated by document) belongs here. A
module that provides one calls :func:`register` at import and is listed in
``MODULES``; :func:`compute` runs them all, each receiving the documents and
the folds the leaderboard used (so its cross-validation matches)::

    from ocrfix.bench.sections import register

    def correlation(documents, folds):          # -> JSON-able dict
        ...
    register("quality", correlation, markdown=lambda data: "| subset | Spearman | ... |")
"""
from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ocrfix.corpus import CorpusDocument

# Modules that register sections; each is imported when present.
MODULES: tuple[str, ...] = ("ocrfix.bench.quality",)

Compute = Callable[[Sequence[CorpusDocument], Sequence[Sequence[CorpusDocument]]], dict[str, Any]]


@dataclass(frozen=True)
class Section:
    """A registered section: its name (the key in ``bench.json``), how to compute it, how to show it."""

    name: str
    compute: Compute
    markdown: Callable[[dict[str, Any]], str] | None = None


_SECTIONS: dict[str, Section] = {}


def register(name: str, compute: Compute, *, markdown: Callable[[dict[str, Any]], str] | None = None) -> None:
    """Add a section named ``name`` to every benchmark run."""
    _SECTIONS[name] = Section(name, compute, markdown)


def sections() -> list[Section]:
    """The registered sections, after importing the modules that provide them."""
    for module in MODULES:
        if importlib.util.find_spec(module) is not None:
            importlib.import_module(module)
    return list(_SECTIONS.values())


def compute(documents: Sequence[CorpusDocument], folds: Sequence[Sequence[CorpusDocument]]) -> dict[str, dict[str, Any]]:
    """Every registered section's results, by name."""
    return {section.name: section.compute(documents, folds) for section in sections()}


def markdown(results: dict[str, dict[str, Any]]) -> str:
    """The sections that can render themselves, as Markdown blocks."""
    blocks = []
    for section in sections():
        if section.markdown is not None and section.name in results:
            blocks.append(f"### {section.name}\n\n{section.markdown(results[section.name])}")
    return "\n\n".join(blocks)
