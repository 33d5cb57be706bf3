"""Off-the-shelf spell checkers, run beside ocrfix's strategies as **peers** (the ``peers`` extra).

Each peer is wrapped as an unregistered :class:`ocrfix.pipeline.Strategy`, so
the benchmark runs it exactly like a strategy: every change is an edit that can
be scored on its own. They are used the way their documentation shows, with
their bundled English frequency lists, and are never tuned to the corpus:

- ``symspell.lookup``: symspellpy word by word (``Verbosity.TOP``, max edit
  distance 2, its 82,765-word list, casing transferred);
- ``symspell.compound``: symspellpy ``lookup_compound`` line by line (also splits
  and joins words; drops punctuation, as it is designed to);
- ``pyspellchecker``: ``SpellChecker(distance=1).correction`` word by word
  (distance 1, as its documentation advises for speed: at 2 it manages about
  150 characters a second).

``symspell.compound`` is slow (a few thousand characters a second), so the
benchmark scores it on a fixed sample of each subset of ``sample_chars``
characters of OCR.

>>> peer = get("symspell.lookup")                          # doctest: +SKIP
>>> Pipeline([peer]).run("The governmnet met.").text       # doctest: +SKIP
'The government met.'
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import regex

from ocrfix.errors import OcrfixError
from ocrfix.pipeline import Edit, Strategy

WORD = regex.compile(r"\p{L}+")
LINE = regex.compile(r"[^\n\f]+")


def _transfer_case(source: str, word: str) -> str:
    """``word`` cased like ``source`` (ALL CAPS, Capitalised or as suggested)."""
    if len(source) > 1 and source.isupper():
        return word.upper()
    if source[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class _WordPeer(Strategy):
    """A peer that replaces single words; suggestions are cached per word, as a user would."""

    sample_chars: ClassVar[int | None] = None  # None: fast enough for the whole corpus

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def suggest(self, word: str) -> str:
        raise NotImplementedError

    def propose(self, text: str) -> list[Edit]:
        edits = []
        cache = self._cache
        for match in WORD.finditer(text):
            word = match.group()
            fixed = cache.get(word)
            if fixed is None:
                fixed = cache[word] = self.suggest(word)
            if fixed != word:
                edits.append(self.edit(text, match.start(), match.end(), fixed,
                                       reason=f"{self.name} suggestion", confidence=1.0))
        return edits


@lru_cache(maxsize=1)
def symspell(max_edit_distance: int = 2) -> Any:
    """symspellpy loaded with its bundled unigram and bigram frequency lists (4–8 s, once per process)."""
    from symspellpy import SymSpell

    folder = Path(importlib.util.find_spec("symspellpy").origin).parent  # type: ignore[union-attr, arg-type]
    engine = SymSpell(max_dictionary_edit_distance=max_edit_distance, prefix_length=7)
    engine.load_dictionary(str(folder / "frequency_dictionary_en_82_765.txt"), term_index=0, count_index=1)
    engine.load_bigram_dictionary(str(folder / "frequency_bigramdictionary_en_243_342.txt"), term_index=0, count_index=2)
    return engine


class SymSpellLookup(_WordPeer):
    name: ClassVar[str] = "symspell.lookup"

    def __init__(self) -> None:
        super().__init__()
        symspell()  # load now, so parallel workers inherit it

    def suggest(self, word: str) -> str:
        from symspellpy import Verbosity

        found = symspell().lookup(word, Verbosity.TOP, max_edit_distance=2, transfer_casing=True)
        return found[0].term if found else word


class SymSpellCompound(Strategy):
    name: ClassVar[str] = "symspell.compound"
    sample_chars: ClassVar[int | None] = 20_000  # about 2,000-3,000 characters/s

    def __init__(self) -> None:
        symspell()

    def propose(self, text: str) -> list[Edit]:
        engine = symspell()
        edits = []
        for match in LINE.finditer(text):
            line = match.group()
            if not WORD.search(line):
                continue
            found = engine.lookup_compound(line, max_edit_distance=2, transfer_casing=True)
            fixed = found[0].term if found else line
            if fixed != line:
                edits.append(self.edit(text, match.start(), match.end(), fixed,
                                       reason="symspellpy lookup_compound", confidence=1.0))
        return edits


@lru_cache(maxsize=2)
def _pyspellchecker(distance: int) -> Any:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=distance)


class PySpellChecker(_WordPeer):
    """pyspellchecker word by word; ``distance=1`` by default, as its documentation advises for speed.

    At its default distance 2 it builds every two-edit variant of an unknown
    word in Python (about 0.2 s a word, some 150 characters of OCR a second),
    too slow for a corpus; distance 1 takes about a millisecond a word.
    """

    name: ClassVar[str] = "pyspellchecker"

    def __init__(self, distance: int = 1) -> None:
        super().__init__()
        self.distance = distance
        _pyspellchecker(distance)

    def suggest(self, word: str) -> str:
        checker = _pyspellchecker(self.distance)
        lower = word.lower()
        if lower in checker:
            return word
        fixed = checker.correction(lower)
        return _transfer_case(word, fixed) if fixed else word


PEERS: dict[str, tuple[type[Strategy], str]] = {
    SymSpellLookup.name: (SymSpellLookup, "symspellpy"),
    SymSpellCompound.name: (SymSpellCompound, "symspellpy"),
    PySpellChecker.name: (PySpellChecker, "spellchecker"),
}


def names() -> list[str]:
    """Every peer's name, installed or not."""
    return list(PEERS)


def available(name: str) -> bool:
    """Whether the package behind the peer ``name`` is installed."""
    return importlib.util.find_spec(PEERS[name][1]) is not None


def get(name: str) -> Strategy:
    """A fresh instance of the peer ``name``; OcrfixError when its package is missing."""
    cls, module = PEERS[name]
    if not available(name):
        raise OcrfixError(f"peer {name!r} needs the 'peers' extra: pip install 'ocrfix[peers]'")
    return cls()
