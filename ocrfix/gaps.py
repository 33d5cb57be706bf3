"""Exact edit distance when the reference has gaps that absorb hypothesis text for free.

Both texts are token strings: one code point per token (a grapheme cluster or a
word, see :mod:`ocrfix.align`). ``gaps`` lists ``(position, capacity)``: before
reference token ``position`` sits a gap that matches any run of at most
``capacity`` hypothesis tokens at no cost. Everything else is unit-cost
Levenshtein (substitution, deletion, insertion).

>>> distance("abcd", "abXYZcd", [(2, 3)])
0
>>> distance("abcd", "abXYZcd", [(2, 2)])
1
>>> path = align("abcd", "abXYcd", [(2, 3)])
>>> path.ops[1], path.absorbed
(('gap', 2, 2, 2, 4), 2)

How it stays exact and fast
---------------------------
:func:`distance` runs the bit-parallel global edit-distance recurrence of
Myers/Hyyrö with the hypothesis as the bit vector (Python integers, so each
step is a handful of C-level big-integer operations over the whole column). A
gap is one extra column: its value at hypothesis row ``j`` is the minimum of
the previous column over rows ``j - capacity .. j`` (a sliding-window minimum
in numpy), re-encoded as the bit vectors. No approximation is involved.

:func:`align` also needs the substitution/deletion/insertion counts and, among
all optimal alignments, the one absorbing the fewest tokens. It runs a numpy
row DP whose cells hold ``cost * K + absorbed`` (``K`` larger than any
absorption), so the minimum is lexicographic: least cost first, then least
absorption. Rows are pruned with Ukkonen's cut-off: a cell whose cost plus a
lower bound of the cost still to come exceeds the optimum (known from
:func:`distance`) cannot lie on an optimal path, and every cell of an optimal
path keeps its exact value because all its predecessors on that path are kept
too. The lower bound: the remaining reference tokens must each be deleted or
consume one hypothesis token, and hypothesis tokens beyond the remaining
reference and gap capacity must be inserted.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_INF = 1 << 60


@dataclass(frozen=True)
class Path:
    """An optimal alignment: merged ``(tag, ref_start, ref_end, hyp_start, hyp_end)`` blocks in tokens.

    Tags are ``equal``, ``replace``, ``delete``, ``insert`` and ``gap`` (a gap
    sits at one reference position, so its reference span is empty).
    """

    distance: int
    substitutions: int
    deletions: int
    insertions: int
    absorbed: int
    ops: tuple[tuple[str, int, int, int, int], ...]


def merge_gaps(gaps: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Gaps at the same position as one gap whose capacity is the sum."""
    merged: dict[int, int] = {}
    for position, capacity in gaps:
        merged[position] = merged.get(position, 0) + capacity
    return sorted(merged.items())


def _bits_to_array(bits: int, n: int) -> np.ndarray:
    data = np.frombuffer(bits.to_bytes((n + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(data, bitorder="little")[:n].astype(np.int64)


def _array_to_bits(flags: np.ndarray) -> int:
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")


def sliding_min(values: np.ndarray, width: int) -> np.ndarray:
    """``out[j] = min(values[max(0, j - width) : j + 1])`` in O(n) (van Herk / Gil-Werman).

    >>> sliding_min(np.array([5, 3, 4, 9, 8, 7]), 2).tolist()
    [5, 3, 3, 3, 4, 7]
    """
    n = len(values)
    if width <= 0 or n == 0:
        return values.copy()
    out = np.minimum.accumulate(values)
    if width + 1 >= n:
        return out
    block = width + 1
    padded = np.full(-(-n // block) * block, values.max(), dtype=values.dtype)
    padded[:n] = values
    rows = padded.reshape(-1, block)
    prefix = np.minimum.accumulate(rows, axis=1).ravel()[:n]
    suffix = np.minimum.accumulate(rows[:, ::-1], axis=1)[:, ::-1].ravel()[:n]
    out[width:] = np.minimum(suffix[: n - width], prefix[width:])
    return out


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def distance(reference: str, hypothesis: str, gaps: Sequence[tuple[int, int]] = ()) -> int:
    """The least edit cost of ``hypothesis`` against ``reference`` with its gaps."""
    gaps = merge_gaps(gaps)
    m, n = len(reference), len(hypothesis)
    if n == 0:
        return m
    codes = _codes(hypothesis)
    masks = {symbol: _array_to_bits(codes == ord(symbol)) for symbol in set(reference) & set(hypothesis)}
    full, top_bit = (1 << n) - 1, 1 << (n - 1)
    vp, vn, score = full, 0, n
    gap_at = dict(gaps)
    for position, symbol in enumerate(reference):
        if position in gap_at:
            vp, vn, score = _gap_column(vp, vn, n, position, gap_at[position])
        eq = masks.get(symbol, 0)
        xv = eq | vn
        xh = (((eq & vp) + vp) ^ vp) | eq
        hp = vn | (~(xh | vp) & full)
        hn = vp & xh
        if hp & top_bit:
            score += 1
        elif hn & top_bit:
            score -= 1
        hp = ((hp << 1) | 1) & full
        hn = (hn << 1) & full
        vp = hn | (~(xv | hp) & full)
        vn = hp & xv
    if m in gap_at:
        vp, vn, score = _gap_column(vp, vn, n, m, gap_at[m])
    return score


def _gap_column(vp: int, vn: int, n: int, top: int, capacity: int) -> tuple[int, int, int]:
    """Apply a gap to a column given as vertical deltas (the top cell is ``top``)."""
    column = np.empty(n + 1, dtype=np.int64)
    column[0] = top
    np.cumsum(_bits_to_array(vp, n) - _bits_to_array(vn, n), out=column[1:])
    column[1:] += top
    column = sliding_min(column, capacity)
    steps = np.diff(column)
    return _array_to_bits(steps == 1), _array_to_bits(steps == -1), int(column[-1])


def align(reference: str, hypothesis: str, gaps: Sequence[tuple[int, int]] = (),
          *, optimum: int | None = None) -> Path:
    """An optimal alignment that absorbs the fewest hypothesis tokens into gaps.

    ``optimum`` is :func:`distance` of the same input when the caller has it.
    """
    gaps = merge_gaps(gaps)
    m, n = len(reference), len(hypothesis)
    if optimum is None:
        optimum = distance(reference, hypothesis, gaps)
    hyp = _codes(hypothesis).astype(np.int64)
    scale = n + 1  # absorbed <= n, so cost * scale + absorbed orders by cost, then absorption
    # rows: (kind, value) with kind "char" (value = code point) or "gap" (value = capacity)
    rows: list[tuple[str, int]] = []
    gap_at = dict(gaps)
    for position in range(m + 1):
        if position in gap_at:
            rows.append(("gap", gap_at[position]))
        if position < m:
            rows.append(("char", ord(reference[position])))
    # reference tokens and gap capacity still to come after each row (row 0 = nothing consumed)
    chars_left = np.empty(len(rows) + 1, dtype=np.int64)
    capacity_left = np.empty(len(rows) + 1, dtype=np.int64)
    chars_left[-1] = capacity_left[-1] = 0
    for index in range(len(rows) - 1, -1, -1):
        kind, value = rows[index]
        chars_left[index] = chars_left[index + 1] + (kind == "char")
        capacity_left[index] = capacity_left[index + 1] + (value if kind == "gap" else 0)

    def prune(row: int, start: int, values: np.ndarray) -> tuple[int, np.ndarray]:
        columns = np.arange(start, start + len(values))
        hyp_left = n - columns
        ref_left = chars_left[row]
        bound = np.maximum(0, ref_left - hyp_left) + np.maximum(0, hyp_left - ref_left - capacity_left[row])
        live = np.flatnonzero(values // scale + bound <= optimum)
        if len(live) == 0:
            raise AssertionError("gap alignment lost every optimal path")  # would be a bug, never input
        return start + int(live[0]), values[live[0]: live[-1] + 1]

    def extend(row: int, start: int, values: np.ndarray) -> np.ndarray:
        """Continue the last cell rightwards by insertions while they may still be optimal."""
        end = start + len(values) - 1
        room = min(n - end, optimum - int(values[-1] // scale))
        if room <= 0:
            return values
        return np.concatenate([values, values[-1] + scale * np.arange(1, room + 1)])

    start, values = prune(0, 0, extend(0, 0, np.zeros(1, dtype=np.int64)))
    table: list[tuple[int, np.ndarray]] = [(start, values)]
    for row, (kind, value) in enumerate(rows, start=1):
        previous = values
        if kind == "char":
            width = min(len(previous) + 1, n - start + 1)
            best = np.full(width, _INF, dtype=np.int64)
            best[: len(previous)] = previous[:width] + scale  # deletion
            reach = width - 1  # diagonal steps into columns start+1 .. start+reach
            mismatch = hyp[start: start + reach] != value
            best[1:] = np.minimum(best[1:], previous[:reach] + scale * mismatch)
        else:
            width = min(n - start, len(previous) - 1 + value) + 1
            padded = np.full(width, _INF, dtype=np.int64)
            padded[: len(previous)] = previous
            offsets = np.arange(width)
            best = sliding_min(padded - offsets, value) + offsets
        steps = scale * np.arange(len(best))
        best = np.minimum.accumulate(best - steps) + steps  # insertions along the row
        start, values = prune(row, start, extend(row, start, best))
        table.append((start, values))
    return _trace(table, rows, hyp, scale, n)


def _trace(table: list[tuple[int, np.ndarray]], rows: list[tuple[str, int]],
           hyp: np.ndarray, scale: int, n: int) -> Path:
    """Walk back from the last cell along cells whose values explain each other."""
    row, column = len(rows), n
    start, values = table[row]
    final = int(values[column - start])
    token = sum(kind == "char" for kind, _ in rows)  # reference tokens consumed at ``row``
    steps: list[tuple[str, int, int, int, int]] = []
    while row > 0:
        start, values = table[row]
        value = int(values[column - start])
        kind, symbol = rows[row - 1]
        previous_start, previous = table[row - 1]
        previous_end = previous_start + len(previous) - 1
        step = None
        if kind == "char":
            if column > 0 and previous_start <= column - 1 <= previous_end:
                mismatch = int(hyp[column - 1] != symbol)
                if int(previous[column - 1 - previous_start]) + scale * mismatch == value:
                    step = ("replace" if mismatch else "equal", token - 1, token, column - 1, column)
            if step is None and previous_start <= column <= previous_end \
                    and int(previous[column - previous_start]) + scale == value:
                step = ("delete", token - 1, token, column, column)
        else:
            for source in range(min(column, previous_end), max(previous_start, column - symbol) - 1, -1):
                if int(previous[source - previous_start]) + (column - source) == value:
                    step = ("gap", token, token, source, column)
                    break
        if step is None:  # an insertion within this row
            steps.append(("insert", token, token, column - 1, column))
            column -= 1
            continue
        steps.append(step)
        row, column = row - 1, step[3]
        token = step[1]
    steps.extend(("insert", 0, 0, j - 1, j) for j in range(column, 0, -1))
    return _collect(steps[::-1], final // scale, final % scale)


def _collect(steps: list[tuple[str, int, int, int, int]], cost: int, absorbed: int) -> Path:
    """Merge single steps (in forward order) into blocks and count the operations."""
    ops: list[list] = []
    counts = {"equal": 0, "replace": 0, "delete": 0, "insert": 0, "gap": 0}
    for tag, ref_start, ref_end, hyp_start, hyp_end in steps:
        counts[tag] += 1
        last = ops[-1] if ops else None
        if last and tag != "gap" and last[0] == tag and last[2] == ref_start and last[4] == hyp_start:
            last[2], last[4] = ref_end, hyp_end
        else:
            ops.append([tag, ref_start, ref_end, hyp_start, hyp_end])
    return Path(cost, counts["replace"], counts["delete"], counts["insert"], absorbed,
                tuple(tuple(op) for op in ops))
