"""Lexicon words within two edits of a string: a symmetric-delete index (SymSpell's idea).

Every lexicon word of at least ``min_zipf`` contributes the strings made by
deleting up to two characters from its first ``prefix`` characters; a query
generates the same deletions and looks them up. The index is two sorted numpy
arrays (CRC-32 of a deletion, word number), built once and cached on disk, so
it costs ~20 MB and loads in milliseconds; collisions only add candidates that
the final edit-distance check removes.

>>> index = DeleteIndex.build(["exclude", "include", "become", "the"])
>>> sorted(index.lookup("exlude"))
['exclude']
>>> sorted(index.lookup("tbe"))
['the']
"""
from __future__ import annotations

import hashlib
import io
import os
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist

from ocrfix.errors import OcrfixError
from ocrfix.io import write_bytes_atomic

MAX_DISTANCE = 2
PREFIX = 7
MIN_ZIPF = 2.0  # rarer lexicon words are never proposed as corrections
COMMON_ZIPF = 5.0  # the small index of common words, for quick lookups of rare real words


def deletions(word: str, distance: int = MAX_DISTANCE, prefix: int = PREFIX) -> set[str]:
    """``word``'s prefix with up to ``distance`` characters deleted (never down to nothing).

    >>> sorted(deletions("abc", 1))
    ['ab', 'abc', 'ac', 'bc']
    """
    found = {word[:prefix]}
    frontier = found
    for _ in range(distance):
        frontier = {w[:i] + w[i + 1:] for w in frontier if len(w) > 1 for i in range(len(w))}
        found |= frontier
    return found


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def _distances(queries: list[str], owner: np.ndarray, words: np.ndarray, cutoff: int) -> np.ndarray:
    """Levenshtein distance (capped at ``cutoff + 1``) of each ``words[k]`` to ``queries[owner[k]]``,
    with ``owner`` sorted: one cdist call per query, which prepares the query once for all its words.

    >>> _distances(["tbe"], np.array([0, 0]), np.array(["the", "tribe"], dtype=object), 2).tolist()
    [1, 2]
    """
    found = np.empty(len(owner), dtype=np.int32)
    starts = np.flatnonzero(np.diff(owner, prepend=-1))
    for start, end in zip(starts.tolist(), np.append(starts[1:], len(owner)).tolist()):
        found[start:end] = cdist([queries[owner[start]]], words[start:end], scorer=Levenshtein.distance,
                                 score_cutoff=cutoff, dtype=np.int32)[0]
    return found


_NOTHING = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32))


class DeleteIndex:
    """Words within ``MAX_DISTANCE`` Levenshtein edits of a query, found through shared deletions."""

    def __init__(self, words: list[str], keys: np.ndarray, ids: np.ndarray) -> None:
        self.words = words
        self._keys = keys
        self._ids = ids
        self._lengths = np.fromiter(map(len, words), dtype=np.int32, count=len(words))
        self._word_array = np.asarray(words, dtype=object)
        self._zipfs: np.ndarray | None = None
        self._exact_zipfs: np.ndarray | None = None

    def set_frequencies(self, zipf: "Callable[[str], float]") -> "DeleteIndex":
        """Attach each word's Zipf frequency, so that lookups can ask for frequent words only."""
        self._exact_zipfs = np.fromiter(map(zipf, self.words), dtype=np.float64, count=len(self.words))
        self._zipfs = self._exact_zipfs.astype(np.float32)
        return self

    @classmethod
    def build(cls, words: Iterable[str]) -> "DeleteIndex":
        words = sorted(set(words))
        keys: list[int] = []
        ids: list[int] = []
        for number, word in enumerate(words):
            hashes = {_hash(d) for d in deletions(word)}
            keys.extend(hashes)
            ids.extend([number] * len(hashes))
        key_array = np.asarray(keys, dtype=np.uint32)
        order = np.argsort(key_array, kind="stable")
        return cls(words, key_array[order], np.asarray(ids, dtype=np.uint32)[order])

    def lookup(self, query: str, max_distance: int = MAX_DISTANCE, min_zipf: float | None = None) -> dict[str, int]:
        """The indexed words within ``max_distance`` edits of ``query``, with their distances.

        ``min_zipf``: only words more frequent than this (needs :meth:`set_frequencies`).
        """
        return self.lookup_many([(query, max_distance, min_zipf)])[0]

    def best(self, query: str, max_distance: int, min_zipf: float | None, edit_cost: float, limit: int) -> list[str]:
        """:meth:`best_many` for one query."""
        return self.best_many([(query, max_distance, min_zipf)], edit_cost, limit)[0]

    def lookup_many(self, queries: list[tuple[str, int, float | None]]) -> list[dict[str, int]]:
        """:meth:`lookup` for many (query, max_distance, min_zipf) at once: one pass of array operations."""
        results: list[dict[str, int]] = [{} for _ in queries]
        owner, numbers, distances = self._near(queries)
        words = self.words
        for number, word_number, distance in zip(owner.tolist(), numbers.tolist(), distances.tolist()):
            results[number][words[word_number]] = distance
        return results

    def best_many(self, queries: list[tuple[str, int, float | None]], edit_cost: float,
                  limit: int) -> list[list[str]]:
        """For each query of :meth:`lookup_many`, its ``limit`` best words other than itself, best first:
        by Zipf frequency minus ``edit_cost`` per edit, then the later word alphabetically (needs
        :meth:`set_frequencies`)."""
        results: list[list[str]] = [[] for _ in queries]
        owner, numbers, distances = self._near(queries)
        other = distances != 0
        owner, numbers = owner[other], numbers[other]
        scores = self._exact_zipfs[numbers] - edit_cost * distances[other]
        order = np.lexsort((-numbers, -scores, owner))  # the index's words are in alphabetical order
        owner, numbers = owner[order], numbers[order]
        firsts = np.searchsorted(owner, owner)  # where each query's words start
        keep = np.arange(len(owner)) - firsts < limit
        words = self.words
        for number, word_number in zip(owner[keep].tolist(), numbers[keep].tolist()):
            results[number].append(words[word_number])
        return results

    def _near(self, queries: list[tuple[str, int, float | None]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(query number, word number, distance) of every indexed word near a query, by query and word."""
        hashes: list[int] = []
        owners: list[int] = []
        for number, (query, max_distance, _) in enumerate(queries):
            probe = deletions(query, max_distance)  # a hash collision only repeats pairs, removed below
            hashes.extend(map(_hash, probe))
            owners.extend([number] * len(probe))
        if not hashes:
            return _NOTHING
        probes = np.asarray(hashes, dtype=np.uint32)
        order = np.argsort(probes)  # sorted probes make the binary searches cache-friendly
        probes = probes[order]
        bounds = np.searchsorted(self._keys, np.concatenate((probes, probes + np.uint32(1))))
        left = bounds[:len(probes)]
        counts = np.where(probes == np.uint32(0xFFFFFFFF), len(self._keys), bounds[len(probes):]) - left
        total = int(counts.sum())
        if not total:
            return _NOTHING
        # positions left[k] .. left[k] + counts[k] - 1 for every probe k, without a Python loop
        positions = np.repeat(left - np.cumsum(counts) + counts, counts) + np.arange(total)
        owner = np.repeat(np.asarray(owners, dtype=np.int64)[order], counts)
        numbers = self._ids[positions].astype(np.int64)
        lengths = np.fromiter((len(q) for q, _, _ in queries), dtype=np.int32, count=len(queries))
        distances = np.fromiter((d for _, d, _ in queries), dtype=np.int32, count=len(queries))
        keep = np.abs(self._lengths[numbers] - lengths[owner]) <= distances[owner]
        if self._zipfs is not None:
            floors = np.fromiter((-1.0 if z is None else z for _, _, z in queries), dtype=np.float32,
                                 count=len(queries))
            keep &= self._zipfs[numbers] > floors[owner]
        pairs = np.sort((owner[keep] << 32) | numbers[keep])  # filtered first: far fewer to sort
        pairs = pairs[np.diff(pairs, prepend=-1) != 0]  # np.unique, without its slow hashing
        owner, numbers = pairs >> 32, pairs & 0xFFFFFFFF
        found = _distances([query for query, _, _ in queries], owner, self._word_array[numbers],
                           int(distances.max()))
        near = found <= distances[owner]
        return owner[near], numbers[near], found[near]

    def save(self, path: Path) -> None:
        buffer = io.BytesIO()
        np.savez(buffer, keys=self._keys, ids=self._ids, words=np.asarray("\n".join(self.words)))
        write_bytes_atomic(path, buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> "DeleteIndex":
        with np.load(path) as data:
            return cls(str(data["words"]).split("\n"), data["keys"], data["ids"])


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ocrfix"


@lru_cache(maxsize=1)
def default_index() -> DeleteIndex:
    """The index over the shipped lexicon's words of Zipf >= ``MIN_ZIPF`` (built once, cached on disk)."""
    from ocrfix import lexicon

    source = lexicon.DATA_DIR / lexicon.WORDS_FILE
    digest = hashlib.sha1(f"{PREFIX}:{MAX_DISTANCE}:{MIN_ZIPF}:".encode() + source.read_bytes()).hexdigest()[:16]
    path = _cache_dir() / f"deletes-{digest}.npz"
    if path.exists():
        try:
            return DeleteIndex.load(path).set_frequencies(lexicon.load().zipf)
        except (OSError, ValueError, KeyError):
            pass  # a damaged cache is rebuilt
    index = DeleteIndex.build(word for word, zipf in lexicon.load().words() if zipf >= MIN_ZIPF and len(word) > 1)
    try:
        index.save(path)
    except OcrfixError:
        pass  # a read-only home still works, only slower to start
    return index.set_frequencies(lexicon.load().zipf)


class SmallDeleteIndex:
    """The same lookups over a few thousand words, from a plain dict: no numpy overhead per query."""

    def __init__(self, words: Iterable[str], zipf: Callable[[str], float]) -> None:
        self._zipf = {word: zipf(word) for word in words}
        self._entries: dict[str, list[str]] = {}
        # most frequent first, so that a lookup of frequent words only stops early in each list
        for word in sorted(self._zipf, key=self._zipf.__getitem__, reverse=True):
            for deletion in deletions(word):
                self._entries.setdefault(deletion, []).append(word)

    def lookup(self, query: str, max_distance: int = MAX_DISTANCE, min_zipf: float | None = None) -> dict[str, int]:
        found: dict[str, int] = {}
        floor = -1.0 if min_zipf is None else min_zipf
        for deletion in deletions(query, max_distance):
            for word in self._entries.get(deletion, ()):
                if self._zipf[word] <= floor:
                    break
                if word not in found and abs(len(word) - len(query)) <= max_distance:
                    distance = Levenshtein.distance(query, word, score_cutoff=max_distance)
                    if distance <= max_distance:
                        found[word] = distance
        return found

    def best(self, query: str, max_distance: int, min_zipf: float | None, edit_cost: float, limit: int) -> list[str]:
        """As :meth:`DeleteIndex.best`."""
        zipf = self._zipf
        ranked = sorted(((zipf[word] - edit_cost * distance, word)
                         for word, distance in self.lookup(query, max_distance, min_zipf).items() if distance),
                        reverse=True)
        return [word for _, word in ranked[:limit]]


@lru_cache(maxsize=1)
def common_index() -> SmallDeleteIndex:
    """A small index over the lexicon's common words (Zipf >= ``COMMON_ZIPF``), built in memory.

    >>> sorted(common_index().lookup("tbe", 1, min_zipf=7.0))
    ['the']
    """
    from ocrfix import lexicon

    lex = lexicon.load()
    return SmallDeleteIndex((w for w, z in lex.words() if z >= COMMON_ZIPF and len(w) > 1), lex.zipf)
