"""Where a unit may repeat: runs of equal pairs of items a period apart, and the periods worth trying.

Every search compares items (lines, tokens, characters) with the items ``period`` places ahead: a unit of
``period`` items repeated makes a run of equal pairs at least ``period`` long. Trying every period costs a dozen
numpy passes whatever the text; on a short text the few periods that hold such a run are picked first
(:func:`periods_with_runs`), on a long one row by row (:func:`periods_row_by_row`).

>>> mask = np.array([1, 2, 1, 2, 1, 2, 3])  # "a b a b a b c"
>>> periods_with_runs(mask == ahead(mask, 3, pad=0)), runs(mask[:-2] == mask[2:], 2)[1].tolist()
([2], [4])
"""
from __future__ import annotations

import numpy as np

FEW_PAIRS = 1 << 17  # items × periods up to which the periods worth trying are picked first


def few(items: int, periods: int) -> bool:
    """Is a table of ``items`` × ``periods`` small enough to pick the periods worth trying at once?

    On a page of text most periods hold no repetition, and trying each costs a dozen numpy calls
    whatever the text's size; on a long text nearly every period has a pair somewhere, and the table
    would be as long as the text times the periods.
    """
    return items * periods <= FEW_PAIRS


def ahead(values: np.ndarray, periods: int, pad: int) -> np.ndarray:
    """``values[i + p]`` in row p - 1, column i, for p in 1..``periods`` (``pad`` past the end): a view.

    >>> ahead(np.array([1, 2, 3]), 2, pad=0).tolist()
    [[2, 3, 0], [3, 0, 0]]
    """
    padded = np.concatenate((values, np.full(periods, pad, dtype=values.dtype)))
    step = padded.itemsize  # a strided view: numpy's sliding_window_view costs more than the comparison
    return np.ndarray((periods, len(values)), padded.dtype, padded, offset=step, strides=(step, step))


def periods_with_runs(pairs: np.ndarray, *, holes: bool = False) -> list[int]:
    """The periods p (row p - 1 of ``pairs``: item i pairs with item i + p) whose row has a run of
    True at least p long: only there can :func:`runs` find a unit repeated. With ``holes``, a lone
    False between two True continues a run from period 2 on (noise a loop may let through).

    The True cells are few: runs are followed over their positions, not over the whole table.

    >>> periods_with_runs(np.array([[True, False, True], [True, False, True]])), periods_with_runs(
    ...     np.array([[True, False, True], [True, False, True]]), holes=True)
    ([1], [1, 2])
    """
    return _periods_of_hits(np.flatnonzero(pairs), pairs.shape[1], holes=holes)


def _periods_of_hits(hits: np.ndarray, items: int, *, holes: bool = False) -> list[int]:
    """:func:`periods_with_runs` of the table of pairs of ``items`` items whose True cells are ``hits``
    (flat indices into it, ascending).

    >>> _periods_of_hits(np.array([0, 2, 3, 5]), 3)
    [1]
    """
    if not len(hits):
        return []
    period = hits // items + 1
    step = np.diff(hits)
    joined = (step == 1) & (period[1:] == period[:-1])
    if holes:
        joined |= (step == 2) & (period[1:] == period[:-1]) & (period[1:] >= 2)
    firsts = np.concatenate(([True], ~joined)).nonzero()[0]  # where each run starts among the hits
    lasts = np.append(firsts[1:] - 1, len(hits) - 1)
    long = hits[lasts] - hits[firsts] + 1 >= period[firsts]
    return sorted(set(period[firsts[long]].tolist()))


def periods_row_by_row(values: np.ndarray, group: np.ndarray, most: int, *, holes: bool = False) -> list[int]:
    """:func:`periods_with_runs` of ``(values == ahead(values, most, pad=0)) & (group == ahead(group,
    most, pad=-1))``, one row at a time: on a long text that table would be its items times the
    periods. Only the pairs of equal values compare their groups.

    >>> periods_row_by_row(np.array([7, 8, 7, 8, 7]), np.array([0, 0, 0, 0, 1]), 2)
    [2]
    """
    items = len(values)
    found = []
    for period in range(1, min(most, items - 1) + 1):
        first = np.flatnonzero(values[:-period] == values[period:])
        first = first[group[first] == group[first + period]]
        found += _periods_of_hits(first + (period - 1) * items, items, holes=holes)
    return found


def unit_periods(joined: np.ndarray, longest: int) -> list[int] | range:
    """The unit lengths 2..``longest`` worth trying on ``joined`` (long words, each followed by a
    separator that equals nothing, all separators below -1): those at which equal characters run
    as long as the unit (on a short text; on a long one, all that fit).

    >>> unit_periods(np.array([97, 98, 97, 98, 97, 98, -1]), 4)  # "ababab"
    [2]
    """
    most = min(longest, len(joined) - 1)
    if not few(len(joined), most):
        return range(2, most + 1)
    pad = int(joined.min()) - 1  # equals no character and no separator
    return [period for period in periods_with_runs(joined == ahead(joined, most, pad=pad)) if period >= 2]


def runs(mask: np.ndarray, minimum: int) -> tuple[np.ndarray, np.ndarray]:
    """Starts and lengths of the runs of True in ``mask`` at least ``minimum`` long."""
    if len(mask) <= 32:  # the many small masks of verification: plain Python is faster than numpy here
        found, start = [], None
        for index, value in enumerate(mask.tolist() + [False]):
            if value and start is None:
                start = index
            elif not value and start is not None:
                if index - start >= minimum:
                    found.append((start, index - start))
                start = None
        pairs = np.array(found, dtype=np.int64).reshape(-1, 2)
        return pairs[:, 0], pairs[:, 1]
    hits = mask.nonzero()[0]
    if not len(hits):
        return hits, hits
    breaks = (np.diff(hits) != 1).nonzero()[0]
    starts = hits[np.concatenate(([0], breaks + 1))]
    lengths = hits[np.concatenate((breaks, [len(hits) - 1]))] + 1 - starts
    keep = lengths >= minimum
    return starts[keep], lengths[keep]


def is_power(unit: str | list[int]) -> bool:
    """Is ``unit`` itself a shorter unit repeated ("abab", [7, 7])?"""
    size = len(unit)
    return any(size % part == 0 and unit[:part] * (size // part) == unit for part in range(1, size // 2 + 1))

