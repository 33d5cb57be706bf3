"""Lexicon words within two edits of a string: a symmetric-delete index (SymSpell's idea).

Every lexicon word of at least ``min_zipf`` contributes the strings made by
deleting up to two characters from its first ``prefix`` characters; a query
generates the same deletions and looks them up. The index is two sorted numpy
arrays (a 32-bit polynomial hash of a deletion; word number and characters deleted), built once and cached on disk, so
it costs ~20 MB and loads in milliseconds; collisions only add candidates that
the final edit-distance check removes. Two words that each reach a string by two
deletions are most of what a lookup gathers and seldom near: they are taken only
where no other pair of deletions can find the word (see :meth:`DeleteIndex._near`),
and two substitutions are found by a second index, of the prefixes with two
characters blanked (:func:`substitution_hashes`).

>>> index = DeleteIndex.build(["exclude", "include", "become", "the"])
>>> sorted(index.lookup("exlude"))
['exclude']
>>> sorted(index.lookup("tbe"))
['the']
"""
from __future__ import annotations

import io
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cpdist

from ocrfix import diskcache
from ocrfix.errormodel import MAX_SEGMENT, ErrorModel

MAX_DISTANCE = 2
PREFIX = 7
MIN_ZIPF = 2.0  # rarer lexicon words are never proposed as corrections
COMMON_ZIPF = 5.0  # the small index of common words, for lookups of rare real words (far commoner words only)
LOOKUP_CACHE = 100_000  # candidate lists (and other lookups) a Dictionary keeps across documents
# An index entry holds the word's number in its low WORD_BITS bits, above them its deletion's kind: how many
# characters it took, or TWO_WITH_LAST for two with the prefix's last (see DeleteIndex._near)
WORD_BITS = 30
WORD_NUMBER = (1 << WORD_BITS) - 1
TWO_WITH_LAST = 3
# Words of up to this many characters are looked up one edit away, longer ones two: a short string has
# many listed words near it and, with a letter or two lost, is as likely a piece of a longer word
# ("ency" of "encourage", "iddl" of "Middle") as a misreading of a near one, whatever the text's garbling.
SHORT_WORD = 4


def remember(cache: dict, key, value):
    """Keep ``value`` as ``key``'s in ``cache``, one of a Dictionary's lookups kept across documents, emptied first
    once it holds LOOKUP_CACHE entries (a long-running process reads documents without end); return ``value``.

    >>> cache = {}; remember(cache, "tbe", ["the"]), cache
    (['the'], {'tbe': ['the']})
    """
    if len(cache) > LOOKUP_CACHE:
        cache.clear()
    cache[key] = value
    return value


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


# Deletions are hashed as arrays: each kept character's code point times a power of an odd
# constant (mod 2**64), plus a length term, mixed by splitmix64's finaliser, cut to 32 bits.
_MULTIPLIER = 0x9E3779B97F4A7C15
_POWERS = np.array([pow(_MULTIPLIER, r, 2 ** 64) for r in range(PREFIX)], dtype=np.uint64)
_LENGTH_TERMS = np.array([0xC2B2AE3D27D4EB4F * n % 2 ** 64 for n in range(PREFIX + 1)], dtype=np.uint64)
_MIX = np.uint64(0xBF58476D1CE4E5B9)


@lru_cache(maxsize=None)
def _kept_positions(length: int, distance: int) -> tuple[np.ndarray, ...]:
    """For a prefix of ``length`` characters: the positions each of its deletions (as :func:`deletions`
    makes them, never down to nothing) keeps, one (deletions, kept) array per number kept."""
    return tuple(np.asarray(list(combinations(range(length), kept)), dtype=np.intp).reshape(-1, kept)
                 for kept in range(max(1, length - distance), length + 1))


def _mix(hashes: np.ndarray) -> np.ndarray:
    hashes ^= hashes >> np.uint64(31)
    hashes *= _MIX
    hashes ^= hashes >> np.uint64(29)
    return hashes >> np.uint64(32)


def _prefix_hashes(words: list[str], distances: list[int], places: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(word number, 32-bit hash, kind) of each distinct deletion of ``deletions(words[k], distances[k])``; with
    ``places``, of its deletions of two characters alone, each hashed with the places its characters keep. A
    deletion's kind (see :data:`TWO_WITH_LAST`) is the number of characters it took, or TWO_WITH_LAST."""
    prefixes = np.array([word[:PREFIX] for word in words], dtype=f"<U{PREFIX}")
    codes = prefixes.view(np.uint32).reshape(len(words), PREFIX).astype(np.uint64)
    lengths = np.fromiter((min(len(word), PREFIX) for word in words), dtype=np.int64, count=len(words))
    groups = lengths * (MAX_DISTANCE + 1) + np.asarray(distances, dtype=np.int64)
    if places:  # two words within two substitutions are of one length
        length_terms = np.fromiter(map(len, words), dtype=np.uint64, count=len(words)) * _LENGTH_TERMS[1]
    found = []
    for group in np.flatnonzero(np.bincount(groups)).tolist():
        rows = np.flatnonzero(groups == group)
        length, distance = divmod(group, MAX_DISTANCE + 1)
        group_codes = codes[rows]
        for kept in _kept_positions(length, distance):
            deleted = length - kept.shape[1]
            if places and deleted != 2:
                continue
            # (rows, deletions) sums of the kept characters' terms; uint64 arithmetic wraps
            powers = _POWERS[kept] if places else _POWERS[:kept.shape[1]]
            hashes = (group_codes[:, kept] * powers).sum(axis=2, dtype=np.uint64)
            hashes += length_terms[rows, None] if places else _LENGTH_TERMS[kept.shape[1]]
            kinds = np.full(len(kept), deleted, dtype=np.uint64)
            if deleted == 2:
                kinds[kept[:, -1] != length - 1] = TWO_WITH_LAST
            # (row, kind, hash) in one 64-bit number: sorted and told apart at once
            row_and_kind = (np.repeat(rows, len(kept)).astype(np.uint64) << np.uint64(34)) \
                | np.tile(kinds << np.uint64(32), len(rows))
            found.append(row_and_kind | _mix(hashes).ravel())
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.uint32)
    pairs = np.sort(np.concatenate(found))
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # a deletion made twice ("aab" less an a) once
    return ((pairs >> np.uint64(34)).astype(np.int64), (pairs & np.uint64(0xFFFFFFFF)).astype(np.uint32),
            ((pairs >> np.uint64(32)) & np.uint64(3)).astype(np.uint32))


def deletion_hashes(words: list[str], distances: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(word number, 32-bit hash, kind) of each distinct string of ``deletions(words[k], distances[k])``: its kind
    is the number of characters it took, TWO_WITH_LAST for two with the prefix's last.

    >>> numbers, hashes, kinds = deletion_hashes(["abc", "bc"], [2, 0])
    >>> numbers.tolist(), int(hashes[numbers == 1][0]) in hashes[numbers == 0].tolist(), kinds.tolist()
    ([0, 0, 0, 0, 0, 0, 0, 1], True, [0, 1, 1, 1, 2, 3, 3, 0])
    """
    return _prefix_hashes(words, distances, False)


def substitution_hashes(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(word number, 32-bit hash) of each of ``words``' prefixes with two characters blanked, as placed, with the
    word's length: two words within two substitutions of each other share one (the prefixes blanked where they
    differ).

    >>> numbers, hashes = substitution_hashes(["abcd", "xbcy", "bcda"])
    >>> numbers.tolist(), len(set(hashes[numbers == 0].tolist()) & set(hashes[numbers == 1].tolist()))
    ([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], 1)
    >>> [set(hashes[numbers == 0].tolist()) & set(substitution_hashes([other])[1].tolist())
    ...  for other in ("bcda", "abcdx")]
    [set(), set()]
    """
    numbers, hashes, _ = _prefix_hashes(words, [MAX_DISTANCE] * len(words), True)
    return numbers, hashes


def _distances(queries: list[str], owner: np.ndarray, words: np.ndarray, cutoff: int) -> np.ndarray:
    """Levenshtein distance (capped at ``cutoff + 1``) of each ``words[k]`` to ``queries[owner[k]]``: one call over
    all pairs (~27 a query on the corpus OCR since the lookup drops most (2, 2) hits: a call per query, which
    prepares the query once for all its words, is now slower).

    >>> _distances(["tbe", "ofthe"], np.array([0, 0, 1]), np.array(["the", "tribe", "other"], dtype=object), 2).tolist()
    [1, 2, 2]
    """
    texts = np.asarray(queries, dtype=object).take(owner).tolist()
    return cpdist(texts, words.tolist(), scorer=Levenshtein.distance, score_cutoff=cutoff)


def bucket_starts(keys: np.ndarray) -> np.ndarray:
    """Where each bucket of the sorted 32-bit ``keys`` (by their top bits, about one key a bucket) starts, and
    where the last ends: a probe's equal keys are in its bucket, found by two lookups, not a binary search.

    >>> bucket_starts(np.array([0, 5, 0x80000000, 0xFFFFFFFF], dtype=np.uint32)).tolist()
    [0, 2, 2, 3, 4]
    """
    bits = max(1, min(24, len(keys).bit_length() - 1))
    counts = np.bincount(keys >> np.uint32(32 - bits), minlength=1 << bits)
    return np.concatenate(([0], np.cumsum(counts))).astype(np.int32)


def _hits(keys: np.ndarray, starts: np.ndarray, probes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(probe number, position) of every entry of the sorted ``keys`` (buckets ``starts``) equal to a probe.

    >>> keys = np.array([1, 3, 3, 0x80000000], dtype=np.uint32)
    >>> [values.tolist() for values in _hits(keys, bucket_starts(keys), np.array([3, 5, 1], dtype=np.uint32))]
    [[0, 0, 2], [1, 2, 0]]
    """
    buckets = probes >> np.uint32(32 - (len(starts) - 1).bit_length() + 1)
    left = starts.take(buckets)
    counts = starts.take(buckets + 1) - left
    # positions left[k] .. left[k] + counts[k] - 1 for every probe k, without a Python loop
    total = int(counts.sum())
    positions = np.repeat(left - np.cumsum(counts) + counts, counts) + np.arange(total)
    probe = np.repeat(np.arange(len(probes)), counts)
    equal = keys.take(positions) == probes.take(probe)
    return probe[equal], positions[equal]


_NOTHING = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint32))


class DeleteIndex:
    """Words within ``MAX_DISTANCE`` Levenshtein edits of a query, found through shared deletions."""

    def __init__(self, words: list[str], keys: np.ndarray, ids: np.ndarray, blanked_keys: np.ndarray,
                 blanked_ids: np.ndarray) -> None:
        self.words = words
        self._keys = keys
        self._ids = ids
        self._blanked_keys = blanked_keys
        self._blanked_ids = blanked_ids
        self._starts = bucket_starts(keys)
        self._blanked_starts = bucket_starts(blanked_keys)
        self._lengths = np.fromiter(map(len, words), dtype=np.int32, count=len(words))
        self._word_array = np.asarray(words, dtype=object)
        self._zipfs: np.ndarray | None = None

    def set_frequencies(self, zipf: "Callable[[str], float]") -> "DeleteIndex":
        """Attach each word's Zipf frequency, so that lookups can ask for frequent words only (an index of the
        lexicon's own words, already folded, takes :meth:`Lexicon.folded_zipf`: a third of the index's load time
        went to folding them again)."""
        self._zipfs = np.fromiter(map(zipf, self.words), dtype=np.float64, count=len(self.words))
        return self

    @classmethod
    def build(cls, words: Iterable[str]) -> "DeleteIndex":
        words = sorted(set(words))
        numbers, keys, kinds = deletion_hashes(words, [MAX_DISTANCE] * len(words))
        order = np.argsort(keys, kind="stable")
        blanked_numbers, blanked_keys = substitution_hashes(words)
        blanked_order = np.argsort(blanked_keys, kind="stable")
        return cls(words, keys[order], numbers[order].astype(np.uint32) | (kinds[order] << np.uint32(WORD_BITS)),
                   blanked_keys[blanked_order], blanked_numbers[blanked_order].astype(np.uint32))

    def lookup(self, query: str, max_distance: int = MAX_DISTANCE, min_zipf: float | None = None) -> dict[str, int]:
        """The indexed words within ``max_distance`` edits of ``query``, with their distances.

        ``min_zipf``: only words more frequent than this (needs :meth:`set_frequencies`).
        """
        return self.lookup_many([(query, max_distance, min_zipf)])[0]

    def best(self, query: str, max_distance: int, min_zipf: float | None, edit_cost: float,
             limit: int) -> list[tuple[float, str]]:
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
                  limit: int) -> list[list[tuple[float, str]]]:
        """For each query of :meth:`lookup_many`, its ``limit`` best words other than itself as (Zipf, word),
        best first: by Zipf frequency minus ``edit_cost`` per edit, then the later word alphabetically
        (needs :meth:`set_frequencies`)."""
        owner, numbers, distances = self._near(queries)
        other = np.flatnonzero(distances != 0)[::-1]  # reversed: by query, then word, both falling
        owner, numbers = owner[other], numbers[other]
        zipfs = self._zipfs[numbers]
        scores = zipfs - edit_cost * distances[other]
        # a stable sort keeps the later word (the index's words are in alphabetical order) first among equals
        order = np.lexsort((-scores, owner))
        owner, numbers, zipfs = owner[order], numbers[order], zipfs[order]
        firsts = np.searchsorted(owner, owner)  # where each query's words start
        keep = np.arange(len(owner)) - firsts < limit
        owner = owner[keep]
        found = list(zip(zipfs[keep].tolist(), self._word_array[numbers[keep]].tolist()))
        bounds = np.searchsorted(owner, np.arange(len(queries) + 1)).tolist()  # each query's slice of found
        return [found[start:end] for start, end in zip(bounds, bounds[1:])]

    def _near(self, queries: list[tuple[str, int, float | None]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(query number, word number, distance) of every indexed word near a query, by query and word.

        A word within d edits of the query shares a string with it that each reaches by d deletions or fewer: delete
        the characters the edits change or add, and from the prefix that holds more of the characters left, its
        last ones (a lost letter shifts the rest). Where that takes two from both, the two are substitutions at the
        same places (then the prefixes blanked there are equal), or the shorter word's deletions took the last
        character of its prefix (the other word's two are its own, so it is longer): other pairs are dropped.
        """
        # a hash collision only repeats pairs (removed below) or adds words the distance check removes
        texts = [query for query, _, _ in queries]
        cutoffs = np.fromiter((d for _, d, _ in queries), dtype=np.int32, count=len(queries))  # each query's distance
        owners, probes, query_kinds = deletion_hashes(texts, cutoffs.tolist())
        probe, positions = _hits(self._keys, self._starts, probes)
        if not len(probe):
            return _NOTHING
        owner = owners.take(probe)
        # the gathers by take: ~15M instructions a pass fewer than indexing by an array (the same values)
        ids = self._ids.take(positions)
        numbers = (ids & np.uint32(WORD_NUMBER)).astype(np.int64)
        word_kinds, query_kinds = ids >> np.uint32(WORD_BITS), query_kinds.take(probe)
        lengths = np.fromiter(map(len, texts), dtype=np.int32, count=len(queries))
        distances = cutoffs.take(owner)
        longer = self._lengths.take(numbers) - lengths.take(owner)  # how much longer the word is than the query
        keep = (np.abs(longer) <= distances) & (np.minimum(word_kinds, 2) <= distances)
        keep &= (word_kinds < 2) | (query_kinds < 2) | (query_kinds == TWO_WITH_LAST) & (longer > 0) \
            | (word_kinds == TWO_WITH_LAST) & (longer < 0)
        two = np.flatnonzero(cutoffs >= 2)
        blanked_owners, blanked_probes = substitution_hashes([texts[k] for k in two.tolist()])
        probe, positions = _hits(self._blanked_keys, self._blanked_starts, blanked_probes)
        blanked_owner = two.take(blanked_owners.take(probe))
        owner = np.concatenate((owner[keep], blanked_owner))
        numbers = np.concatenate((numbers[keep], self._blanked_ids.take(positions).astype(np.int64)))
        if self._zipfs is not None:
            floors = np.fromiter((-1.0 if z is None else z for _, _, z in queries), dtype=np.float64,
                                 count=len(queries))
            above = self._zipfs.take(numbers) > floors.take(owner)
            owner, numbers = owner[above], numbers[above]
        # (query, word) as one number to sort, filtered first (far fewer): 32 bits where they hold both, as for every
        # batch a pass asks (a sort of half the bytes takes ~40% less time)
        shift = max(1, len(self.words) - 1).bit_length()
        kind = np.uint32 if len(queries) << shift <= 1 << 32 else np.int64
        pairs = np.sort((owner.astype(kind) << kind(shift)) | numbers.astype(kind))
        first = np.ones(len(pairs), dtype=bool)  # of its run of equal pairs: np.unique, without its slow hashing
        first[1:] = pairs[1:] != pairs[:-1]
        pairs = pairs[first]
        owner, numbers = (pairs >> kind(shift)).astype(np.int64), (pairs & kind((1 << shift) - 1)).astype(np.int64)
        found = _distances(texts, owner, self._word_array[numbers], int(cutoffs.max()))
        near = found <= cutoffs[owner]
        return owner[near], numbers[near], found[near]

    def to_bytes(self) -> bytes:
        """The index as an ``.npz`` file's bytes, with its frequencies if set, which :meth:`load` reads back."""
        buffer = io.BytesIO()
        frequencies = {} if self._zipfs is None else {"zipfs": self._zipfs}
        np.savez(buffer, keys=self._keys, ids=self._ids, blanked_keys=self._blanked_keys,
                 blanked_ids=self._blanked_ids, words=np.asarray("\n".join(self.words)), **frequencies)
        return buffer.getvalue()

    @classmethod
    def load(cls, path: Path) -> "DeleteIndex":
        with np.load(path) as data:
            index = cls(str(data["words"]).split("\n"), data["keys"], data["ids"], data["blanked_keys"],
                        data["blanked_ids"])
            if "zipfs" in data:
                index._zipfs = data["zipfs"]
            return index


@lru_cache(maxsize=1)
def default_index() -> DeleteIndex:
    """The index over the shipped lexicon's words of Zipf >= ``MIN_ZIPF`` (built once, cached on disk)."""
    from ocrfix import lexicon

    source = lexicon.DATA_DIR / lexicon.WORDS_FILE
    # the format tag changes whenever the file's content does (poly1: deletion_hashes; zipfs: the words'
    # frequencies, from the same table, are in it: looking up 131k words took a tenth of the load; deleted: each
    # entry's characters deleted, above its word number; blanked: the kind TWO_WITH_LAST and the blanked prefixes),
    # so no stale cache is read
    path = diskcache.cache_path("deletes", f"poly1:zipfs:deleted:blanked:{PREFIX}:{MAX_DISTANCE}:{MIN_ZIPF}".encode(),
                                source.read_bytes(), suffix=".npz")
    if path.exists():
        try:
            return DeleteIndex.load(path)
        except (OSError, ValueError, KeyError):
            pass  # a damaged cache is rebuilt
    index = DeleteIndex.build(word for word, zipf in lexicon.load().words() if zipf >= MIN_ZIPF and len(word) > 1)
    index.set_frequencies(lexicon.load().folded_zipf)
    diskcache.write_bytes(path, index.to_bytes())
    return index


@lru_cache(maxsize=1)
def common_index() -> DeleteIndex:
    """A small index over the lexicon's common words (Zipf >= ``COMMON_ZIPF``), built in memory (~1,000 words,
    a few ms): a lookup of words above that floor finds the same words as in :func:`default_index`, without
    gathering the many rarer words that share its deletions.

    >>> sorted(common_index().lookup("tbe", 1, min_zipf=7.0))
    ['the']
    """
    from ocrfix import lexicon

    lex = lexicon.load()
    common = DeleteIndex.build(w for w, z in lex.words() if z >= COMMON_ZIPF and len(w) > 1)
    return common.set_frequencies(lex.folded_zipf)


@lru_cache(maxsize=256)
def letter_runs(model: ErrorModel, printed: str, length: int) -> tuple[str, ...]:
    """The runs of ``length`` letters ``model`` has seen printed as ``printed`` ("fi" as "“", "w" as "‘v"), per
    model, string and length: asked for every mark read before a word (:meth:`Dictionary._pair_forms`,
    :meth:`Dictionary._merged_forms`), of an index holding runs of every length."""
    return tuple(letters for letters in model.undo_index().get(printed, ()) if len(letters) == length)


@lru_cache(maxsize=8)
def common_misprints(model: ErrorModel) -> dict[str, tuple[str, ...]]:
    """What ``model`` says the engine prints for the common words (Zipf >= COMMON_ZIPF, ~1,000), each
    with one of the confusions :meth:`ErrorModel.undo_one` undoes, where that is two plain edits or more:
    short printed string -> the words. The candidates of a short word that its one-edit lookup misses
    ("ine", "une" for "the"); built once per model (~0.05 s)."""
    from ocrfix import lexicon
    found: dict[str, list[str]] = {}
    for word, zipf in lexicon.load().words():
        if zipf < COMMON_ZIPF or len(word) > SHORT_WORD + MAX_SEGMENT:
            continue  # a longer word has no short misprint: one confusion replaces MAX_SEGMENT letters at most
        for misprint in model.misprints(word, SHORT_WORD):
            if Levenshtein.distance(misprint, word) > 1:  # one edit: the index finds it
                found.setdefault(misprint, []).append(word)
    return {misprint: tuple(sorted(set(words))) for misprint, words in found.items()}
