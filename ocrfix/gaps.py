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
step is a handful of C-level big-integer operations over a whole column). A
gap is one extra column: its value at hypothesis row ``j`` is the minimum of
the previous column over rows ``j - capacity .. j`` (a sliding-window minimum
in numpy), re-encoded as bit vectors. Only a diagonal band of rows is kept
(Ukkonen's cut-off, widened by the gap capacity passed and still to come), with
the alignment where no gap absorbs anything as the cost bound; see
:func:`_sweep` for why the result stays exact. The cost is
O(reference length x (bound + gap capacity) / word size): linear in the length
for a fixed number of errors, like rapidfuzz, but quadratic when the errors
grow with the text (no exact edit distance escapes that in the worst case).

:func:`align` also needs the substitution/deletion/insertion counts and, among
all optimal alignments, one that absorbs the fewest tokens. It runs the pass
above forwards and backwards (on the reversed texts) and keeps, at each gap,
only the hypothesis rows where forward cost + backward cost = optimum: no
optimal path enters or leaves a gap anywhere else. Between two gaps the
reference text is plain, so an exit row ``b`` of one gap reaches an entry row
``a`` of the next along an optimal path exactly when
``Levenshtein(text between the gaps, hypothesis[b:a])`` equals the difference of
their forward costs (rapidfuzz checks this with that difference as cut-off). A
small DP over these candidates picks the least absorption; rapidfuzz then
aligns the text between the chosen gap spans. Every step is an equality test
on exact costs, so the result is exact.

When the candidates are too many (long stretches of equally good gap spans),
:func:`_align_rows` gives the same answer by a numpy row DP whose cells hold
``cost * K + absorbed`` (``K`` larger than any absorption, so the minimum is
lexicographic), pruned with Ukkonen's cut-off: a cell whose cost plus a lower
bound of the cost still to come exceeds the optimum cannot lie on an optimal
path, while every cell of an optimal path keeps its exact value because its
predecessors on that path are kept too.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

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
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def distance(reference: str, hypothesis: str, gaps: Sequence[tuple[int, int]] = ()) -> int:
    """The least edit cost of ``hypothesis`` against ``reference`` with its gaps."""
    gaps = merge_gaps(gaps)
    return _sweep(reference, hypothesis, gaps, _upper_bound(reference, hypothesis))[0]


def _upper_bound(reference: str, hypothesis: str) -> int:
    """The cost of the alignment where no gap absorbs anything: never below the optimum."""
    return Levenshtein.distance(reference, hypothesis, score_hint=max(64, abs(len(reference) - len(hypothesis))))


Column = tuple[int, np.ndarray]  # (first hypothesis row, costs of rows first, first + 1, ...)


def _sweep(reference: str, hypothesis: str, gaps: list[tuple[int, int]], limit: int) -> tuple[int, list[tuple[Column, Column]]]:
    """The bit-parallel pass: the least cost, and the column just before and after each gap.

    A column holds, per hypothesis row ``j``, the least cost of aligning the
    reference up to the gap with the first ``j`` hypothesis tokens. Only a band
    of rows is computed (Ukkonen): with ``limit`` >= the optimum, a path of
    cost <= ``limit`` that has read ``p`` reference tokens sits on a row between
    ``p - limit`` (less the gap capacity still to come, when it must catch up
    with the end) and ``p + limit`` plus the gap capacity already passed. Rows
    outside the band are never read, and the band's edges take values of real
    (deletion or insertion) paths, so every value is a real cost and the cells
    of an optimal path, all inside the band, are exact.
    """
    m, n = len(reference), len(hypothesis)
    if n == 0:
        return m, [((0, np.array([p])), (0, np.array([p]))) for p, _ in gaps]
    positions = np.array([p for p, _ in gaps] + [m + 1], dtype=np.int64)
    capacity = np.array([c for _, c in gaps] + [0], dtype=np.int64)
    passed = np.concatenate([[0], np.cumsum(capacity)])  # capacity of gaps at positions < positions[i]
    total = int(passed[-1])

    def band(p: int) -> tuple[int, int]:
        """Rows a path of cost <= limit may occupy after ``p`` tokens, around any gap at ``p``; unclamped."""
        upto = int(passed[int(np.searchsorted(positions, p, side="right"))])  # gaps at positions <= p
        still = total - int(passed[int(np.searchsorted(positions, p, side="left"))])  # at positions >= p
        return p + max(-limit, n - m - limit - still), p + min(limit + upto, n - m + limit)

    # the band's width changes only at gaps, and is widest at them
    step = 64  # the band moves down in steps of this many rows, so it is this much wider
    width = min(n, 2 + step + max(high - low for low, high in map(band, [0, *positions[:-1].tolist()])))
    codes = _codes(hypothesis)
    symbols = set(reference) & set(hypothesis)
    refresh = max(4096, width)  # the match masks cover this many rows more than the band

    def masks_from(start: int) -> dict[str, int]:
        window = codes[start: start + width + refresh]
        return {symbol: _array_to_bits(window == ord(symbol)) for symbol in symbols}

    # the band is rows low + 1 .. low + width (bit i is row low + 1 + i); row ``low`` is its edge, cost ``top``
    low = top = 0
    full = (1 << width) - 1
    vp, vn = full, 0
    mask_low = 0
    masks = masks_from(0)
    columns = []
    bounds = positions[:-1].tolist() + [m]

    def move_to(new_low: int) -> None:
        nonlocal low, top, vp, vn, masks, mask_low
        shift = new_low - low
        dropped = (1 << shift) - 1
        top += (vp & dropped).bit_count() - (vn & dropped).bit_count()
        vp = (vp >> shift) | (dropped << (width - shift))  # rows entering below: insertions
        vn >>= shift
        low = new_low
        if low - mask_low > refresh:
            masks, mask_low = masks_from(low), low

    position = 0
    bottom = n - width  # the lowest the band's edge goes
    for index, end in enumerate(bounds):
        floor = band(position + 1)[0] - position - 2  # row of the edge, less p, between these gaps
        trigger = min(low + step, bottom) - floor if low < bottom else m  # move when p reaches this
        for p in range(position, end):
            if p >= trigger:
                move_to(min(p + floor, bottom))
                trigger = min(low + step, bottom) - floor if low < bottom else m
            eq = (masks.get(reference[p], 0) >> (low - mask_low)) & full
            xv = eq | vn
            xh = (((eq & vp) + vp) ^ vp) | eq
            hp = vn | (~(xh | vp) & full)
            hn = vp & xh
            hp = ((hp << 1) | 1) & full  # the top edge: one more deletion
            hn = (hn << 1) & full
            vp = hn | (~(xv | hp) & full)
            vn = hp & xv
            top += 1
        position = end
        if index < len(gaps):
            before = np.empty(width + 1, dtype=np.int64)
            before[0] = top
            np.cumsum(_bits_to_array(vp, width) - _bits_to_array(vn, width), out=before[1:])
            before[1:] += top
            after = sliding_min(before, gaps[index][1])
            columns.append(((low, before), (low, after)))
            steps = np.diff(after)
            vp, vn = _array_to_bits(steps == 1), _array_to_bits(steps == -1)
    if bottom > low:
        move_to(bottom)
    return top + vp.bit_count() - vn.bit_count(), columns


def _corridor(forward: Column, backward: Column, n: int, optimum: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows where forward + backward cost equals the optimum, and their forward costs.

    ``backward`` comes from the pass over the reversed texts, so its row ``r``
    is row ``n - r`` here.
    """
    forward_low, forward_costs = forward
    backward_low, backward_costs = backward
    first = max(forward_low, n - backward_low - len(backward_costs) + 1)
    last = min(forward_low + len(forward_costs) - 1, n - backward_low)
    rows = np.arange(first, last + 1)
    costs = forward_costs[rows - forward_low]
    keep = costs + backward_costs[n - rows - backward_low] == optimum
    return rows[keep], costs[keep]


def align(reference: str, hypothesis: str, gaps: Sequence[tuple[int, int]] = ()) -> Path:
    """An optimal alignment that absorbs the fewest hypothesis tokens into gaps."""
    gaps = merge_gaps(gaps)
    m, n = len(reference), len(hypothesis)
    limit = _upper_bound(reference, hypothesis)
    optimum, forward = _sweep(reference, hypothesis, gaps, limit)
    _, backward = _sweep(reference[::-1], hypothesis[::-1], [(m - p, c) for p, c in reversed(gaps)], optimum)
    path = _align_between_gaps(reference, hypothesis, gaps, optimum, forward, backward[::-1])
    return path if path is not None else _align_rows(reference, hypothesis, gaps, optimum)


# Past this many candidate (exit, entry) pairs checked, the row DP is cheaper.
_MAX_PAIRS = 20000


def _align_between_gaps(reference, hypothesis, gaps, optimum, forward, backward) -> Path | None:
    """Choose where each gap starts and ends; align the text between gaps with rapidfuzz.

    A hypothesis row can be where a gap starts (ends) on an optimal path only if
    the forward cost before (after) the gap plus the backward cost from there
    equals the optimum. Between gaps, an exit row ``b`` leads to an entry row
    ``a`` along an optimal path exactly when the plain Levenshtein distance of
    the reference text between the gaps and ``hypothesis[b:a]`` equals the
    difference of their forward costs. A small DP over these candidates picks,
    among optimal paths, one with the least absorption. ``None`` when there are
    too many candidates.
    """
    m, n = len(reference), len(hypothesis)
    bounds = [0] + [p for p, _ in gaps] + [m]
    # state: exit row -> (forward cost there, absorbed so far, back-pointer)
    states: dict[int, tuple[int, int, tuple | None]] = {0: (0, 0, None)}
    pairs = 0

    def linked(segment: str, exits: dict, entry: int, cost: int):
        """The exit (least absorbed first) that reaches ``entry`` at ``cost`` along an optimal path."""
        nonlocal pairs
        for exit_row, (exit_cost, absorbed, back) in exits:
            need = cost - exit_cost
            if exit_row > entry or need < abs(len(segment) - (entry - exit_row)):
                continue
            pairs += 1
            if Levenshtein.distance(segment, hypothesis[exit_row:entry], score_cutoff=need) == need:
                return exit_row, absorbed, back
        return None

    for index, (position, capacity) in enumerate(gaps):
        segment = reference[bounds[index]:position]
        before, after = forward[index]
        # the reversed pass meets the gap from the other side: its "before" is our "after"
        reverse_before, reverse_after = backward[index]
        exits = sorted(states.items(), key=lambda item: item[1][1])
        entries = {}
        entry_rows, entry_costs = _corridor(before, reverse_after, n, optimum)
        for entry, cost in zip(entry_rows.tolist(), entry_costs.tolist()):
            found = linked(segment, exits, entry, cost)
            if found is not None:
                entries[entry] = (cost, *found)
        if pairs > _MAX_PAIRS or not entries:
            return None
        # across the gap: entry a -> exit b with b - capacity <= a <= b at no cost
        entry_rows = np.array(list(entries))
        entry_costs = np.array([found[0] for found in entries.values()])
        entry_absorbed = np.array([found[2] for found in entries.values()])
        exit_rows, exit_costs = _corridor(after, reverse_before, n, optimum)
        fits = ((entry_rows[None, :] <= exit_rows[:, None]) & (entry_rows[None, :] >= exit_rows[:, None] - capacity)
                & (entry_costs[None, :] == exit_costs[:, None]))
        totals = np.where(fits, entry_absorbed[None, :] - entry_rows[None, :], _INF)
        choice = totals.argmin(axis=1)
        states = {}
        for exit_row, cost, pick, ok in zip(exit_rows.tolist(), exit_costs.tolist(), choice.tolist(),
                                            fits.any(axis=1).tolist()):
            if ok:
                entry = int(entry_rows[pick])
                _, origin, absorbed, back = entries[entry]
                states[exit_row] = (cost, absorbed + exit_row - entry, (index, entry, exit_row, (origin, back)))
    final = linked(reference[bounds[-2]:], sorted(states.items(), key=lambda item: item[1][1]), n, optimum)
    if final is None:
        return None
    # walk the back-pointers: (gap index, entry, exit, (origin exit row, earlier link))
    spans = []
    link = final[2]
    while link is not None:
        index, entry, exit_row, (origin, link) = link
        spans.append((index, entry, exit_row))
    spans.reverse()
    ops: list[tuple[str, int, int, int, int]] = []
    hyp_start = 0
    for index, entry, exit_row in spans:
        ops += _plain_ops(reference, hypothesis, bounds[index], gaps[index][0], hyp_start, entry)
        ops.append(("gap", gaps[index][0], gaps[index][0], entry, exit_row))
        hyp_start = exit_row
    ops += _plain_ops(reference, hypothesis, bounds[-2], m, hyp_start, n)
    counts = {"replace": 0, "delete": 0, "insert": 0, "equal": 0, "gap": 0}
    for tag, ref_start, ref_end, hyp_start, hyp_end in ops:
        counts[tag] += max(ref_end - ref_start, hyp_end - hyp_start)
    cost = counts["replace"] + counts["delete"] + counts["insert"]
    assert cost == optimum, "the chosen gap spans do not add up to the optimum"
    return Path(cost, counts["replace"], counts["delete"], counts["insert"], final[1], tuple(ops))


def _plain_ops(reference, hypothesis, ref_start, ref_end, hyp_start, hyp_end) -> list[tuple[str, int, int, int, int]]:
    blocks = Levenshtein.opcodes(reference[ref_start:ref_end], hypothesis[hyp_start:hyp_end])
    return [(b.tag, ref_start + b.src_start, ref_start + b.src_end, hyp_start + b.dest_start, hyp_start + b.dest_end)
            for b in blocks]


def _align_rows(reference: str, hypothesis: str, gaps: list[tuple[int, int]], optimum: int) -> Path:
    """The same alignment by a pruned row-by-row DP, for inputs with many equally good gap spans."""
    m, n = len(reference), len(hypothesis)
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
