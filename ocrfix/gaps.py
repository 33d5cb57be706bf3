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

Long pairs with many errors (``hint``) first get the same pass over a band of
fixed width that follows the cheapest rows: O(length x width / word size),
whatever the errors. Its cost is a real path's, and :func:`_certify` proves it
optimal in O(length x log length) numpy work by bounding what any path that leaves the
band's middle (its "core") must pay before it comes back: insertions and
deletions to move away and back (less what gaps absorb free), or one edit per
q reference tokens it crosses that have no exact copy in the hypothesis near
the core. When the proof fails (very noisy or repetitive text) the pass above
runs, so the answer is always exact; ``followed_passes`` counts both outcomes.

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

from ocrfix.tokenspans import code_points

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


def distance(reference: str, hypothesis: str, gaps: Sequence[tuple[int, int]] = (), *, hint: int | None = None) -> int:
    """The least edit cost of ``hypothesis`` against ``reference`` with its gaps.

    ``hint`` estimates the plain edit distance (``ocrfix.metrics.score_hint``):
    when the full band would be over four times as wide as the followed one,
    the followed band is tried first (see above); the answer is the same
    either way.

    >>> distance("the cat sat", "the cot XX sat", [(8, 3)])
    1
    """
    gaps = merge_gaps(gaps)
    if hint is not None and hint >= 2 * _FOLLOW_WIDTH and min(len(reference), len(hypothesis)) >= 4 * _FOLLOW_WIDTH:
        upper, proven = _followed(reference, hypothesis, gaps, _FOLLOW_WIDTH)
        followed_passes["proven" if proven else "fallback"] += 1
        if proven:
            return upper
        return _sweep(reference, hypothesis, gaps, min(upper, _upper_bound(reference, hypothesis)))[0]
    return _sweep(reference, hypothesis, gaps, _upper_bound(reference, hypothesis))[0]


def _upper_bound(reference: str, hypothesis: str) -> int:
    """The cost of the alignment where no gap absorbs anything: never below the optimum."""
    return Levenshtein.distance(reference, hypothesis, score_hint=max(64, abs(len(reference) - len(hypothesis))))


Column = tuple[int, np.ndarray]  # (first hypothesis row, costs of rows first, first + 1, ...)

# The followed band's width in rows (hypothesis tokens).
_FOLLOW_WIDTH = 1024
# Lengths of the reference q-grams whose exact copies the certificate counts, tried in this order.
_QGRAMS = (8, 10, 12)
# How often :func:`distance` proved the followed band exact, and how often it fell back to the full pass.
followed_passes = {"proven": 0, "fallback": 0}


def _reach(p: np.ndarray, m: int, n: int, gaps: list[tuple[int, int]], limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Ukkonen's cut-off: the rows a path of cost <= ``limit`` may occupy after ``p`` tokens (around a gap at ``p``).

    It lies on a row between ``p - limit`` (less the gap capacity still to
    come, when it must catch up with the end) and ``p + limit`` plus the gap
    capacity already passed. Unclamped.
    """
    positions = np.array([g for g, _ in gaps], dtype=np.int64)
    passed = np.concatenate([[0], np.cumsum([c for _, c in gaps], dtype=np.int64)])
    upto = passed[np.searchsorted(positions, p, side="right")]  # capacity of gaps at positions <= p
    still = passed[-1] - passed[np.searchsorted(positions, p, side="left")]  # at positions >= p
    return p + np.maximum(-limit, n - m - limit - still), p + np.minimum(limit + upto, n - m + limit)


@dataclass
class _Track:
    """What a followed pass records per column ``0..m`` for :func:`_certify`; ``exits``/``entries`` are bounds."""

    moves: list[tuple[int, int]]  # (first column, the band's unclamped top row from there on)
    entries: list[int]  # >= the cost of every core cell a path can enter the core at from outside it
    exits: list[int]  # <= the cost of every core cell a path can leave the core from


def _sweep(reference: str, hypothesis: str, gaps: list[tuple[int, int]], limit: int,
           follow: tuple[int, int, int] | None = None) -> tuple[int, list[tuple[Column, Column]], _Track | None]:
    """The bit-parallel pass: a cost, the column just before and after each gap, and the followed band's record.

    A column holds, per hypothesis row ``j``, the least cost of aligning the
    reference up to the gap with the first ``j`` hypothesis tokens. Only a band
    of rows is computed. Without ``follow`` it is Ukkonen's (:func:`_reach`):
    with ``limit`` >= the optimum every cell of an optimal path lies inside,
    rows outside are never read, and the band's edges take values of real
    (deletion or insertion) paths, so every value is a real cost and the cells
    of an optimal path are exact.

    With ``follow = (width, margin, step)`` the band is ``width`` rows wide and
    follows the cheapest rows: its unclamped top row ``virtual`` starts at
    ``-width / 2`` and moves down ``step`` rows before a column where the
    core's bottom row is cheaper than its top row (or the band's, on a tie).
    The core is the band's middle, rows ``virtual + margin .. virtual + width -
    margin``. The cost is that of a real path (an upper bound); :func:`_certify`
    decides whether it is the optimum from the returned :class:`_Track`.
    """
    m, n = len(reference), len(hypothesis)
    if n == 0:
        return m, [((0, np.array([p])), (0, np.array([p]))) for p, _ in gaps], None
    bounds = [p for p, _ in gaps] + [m]
    if follow is None:
        starts = np.array([0, *bounds[:-1]], dtype=np.int64)
        low_rows, high_rows = _reach(starts, m, n, gaps, limit)
        # the band's width changes only at gaps, and is widest at them
        step = 64  # the band moves down in steps of this many rows, so it is this much wider
        width = min(n, 2 + step + int((high_rows - low_rows).max()))
        floors = (_reach(starts + 1, m, n, gaps, limit)[0] - starts - 2).tolist()  # edge row less p, per segment
        virtual = margin = 0
    else:
        width, margin, step = follow
        virtual = -(width // 2)
    codes = code_points(hypothesis)
    symbols = set(reference) & set(hypothesis)
    refresh = 2 * width if follow else max(4096, width)  # the match masks cover this many rows more than the band

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
    bottom = n - width  # the lowest the band's edge goes

    def move_to(new_low: int) -> None:
        nonlocal low, top, vp, vn, masks, mask_low
        shift = new_low - low
        if shift > width:  # every row dropped: the new ones are insertions below the last
            top += vp.bit_count() - vn.bit_count() + shift - width
            vp, vn = full, 0
        else:
            dropped = (1 << shift) - 1
            top += (vp & dropped).bit_count() - (vn & dropped).bit_count()
            vp = (vp >> shift) | (dropped << (width - shift))  # rows entering below: insertions
            vn >>= shift
        low = new_low
        if low - mask_low > refresh:
            masks, mask_low = masks_from(low), low

    # the followed band's record; core rows are low + core_top .. low + core_bottom
    track = _Track([(0, virtual)], [0] * (m + 1), [0] * (m + 1)) if follow else None
    entries, exits = (track.entries, track.exits) if follow else ([], [])
    core_top = core_bottom = cost_top = cost_bottom = above_top = above_bottom = 0
    entering = -1  # after a move, the core's previous bottom row (its new rows are entry cells)
    last_virtual = n - width // 2  # the core's middle stays inside the text

    def rows(first: int, last: int) -> int:
        """The bits of rows ``first .. last`` of the band."""
        return ((1 << (last - first + 1)) - 1) << (first - low - 1) if last >= first else 0

    def place_core() -> None:
        nonlocal core_top, core_bottom, above_top, above_bottom
        core_top = max(0, virtual + margin - low)
        core_bottom = min(width, virtual + width - margin - low)
        above_top, above_bottom = (1 << core_top) - 1, (1 << core_bottom) - 1  # the bits of the rows above

    if follow:
        place_core()
        cost_top, cost_bottom = low + core_top, low + core_bottom  # column 0: row j costs j
        entries[0], exits[0] = cost_top, cost_bottom

    position = 0
    for index, end in enumerate(bounds):
        if not follow:
            floor = floors[index]
            trigger = min(low + step, bottom) - floor if low < bottom else m  # move when p reaches this
        for p, symbol in zip(range(position, end), reference[position:end]):
            if not follow:
                if p >= trigger:
                    move_to(min(p + floor, bottom))
                    trigger = min(low + step, bottom) - floor if low < bottom else m
            elif virtual < last_virtual and (cost_bottom < cost_top or cost_bottom == cost_top
                                             and vn.bit_count() > vp.bit_count()):
                # leaving the core: its top rows dropped now (at most one less than the top's cost per row)
                first = low + core_top
                virtual = min(virtual + step, last_virtual)
                new_low = min(max(virtual, 0), bottom)
                gone = rows(first + 1, max(0, virtual + margin) - 1)
                exits[p] = min(exits[p], cost_top - (vn & gone).bit_count())
                track.moves.append((p + 1, virtual))
                entering = low + core_bottom
                if new_low != low:
                    move_to(new_low)
                place_core()
            eq = (masks.get(symbol, 0) >> (low - mask_low)) & full
            xv = eq | vn
            xh = (((eq & vp) + vp) ^ vp) | eq
            hp = vn | (~(xh | vp) & full)
            hn = vp & xh
            hp = ((hp << 1) | 1) & full  # the top edge: one more deletion
            hn = (hn << 1) & full
            vp = hn | (~(xv | hp) & full)
            vn = hp & xv
            top += 1
            if follow:
                cost_top = top + (vp & above_top).bit_count() - (vn & above_top).bit_count()
                cost_bottom = top + (vp & above_bottom).bit_count() - (vn & above_bottom).bit_count()
                entries[p + 1], exits[p + 1] = cost_top, cost_bottom
                if entering >= 0:  # the core's new bottom rows cost at most this
                    fresh = rows(entering + 2, low + core_bottom)
                    entries[p + 1] = max(cost_top, cost_bottom + (vn & fresh).bit_count())
                    entering = -1
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
            if follow:  # entries from above through the gap; exits below through it cost >= after[core_bottom]
                reach = max(core_top + 1, min(core_top + gaps[index][1], core_bottom + 1))
                entries[end] = max(entries[end], int(after[core_top:reach].max()))
                cost_top, cost_bottom = int(after[core_top]), int(after[core_bottom])
                exits[end] = cost_bottom
    if follow and (low != bottom or low + core_bottom < n):
        track = None  # the core missed the end: nothing to certify
    if bottom > low:
        move_to(bottom)  # the end, by insertions below the band if it lagged: still a real path
    return top + vp.bit_count() - vn.bit_count(), columns, track


def _followed(reference: str, hypothesis: str, gaps: list[tuple[int, int]], width: int) -> tuple[int, bool]:
    """The followed band's cost (a real path's), and whether :func:`_certify` proves it optimal.

    A hypothesis no longer than the band gets the full pass, exact as it is.
    """
    if len(hypothesis) <= width:
        return _sweep(reference, hypothesis, gaps, _upper_bound(reference, hypothesis))[0], True
    step = max(1, width // 64)
    follow = (width, width // 2 - max(step, width // 32), step)  # the core: 1/16 of the band, in its middle
    cost, _, track = _sweep(reference, hypothesis, gaps, 0, follow)
    return cost, track is not None and _certify(reference, hypothesis, gaps, track, follow, cost)


def _certify(reference: str, hypothesis: str, gaps: list[tuple[int, int]], track: _Track,
             follow: tuple[int, int, int], cost: int) -> bool:
    """Whether no path is cheaper than ``cost``, the followed band's result.

    Suppose a path P* costs less; its cells lie within :func:`_reach` of
    ``cost``. Claim: P* reaches each core cell Z it passes at no less than
    the band's value F(Z); the last cell (m, n) is in the core, so P* costs at
    least F(m, n) = ``cost``, a contradiction. By induction along P*: if P*
    reaches Z using only moves the band computes, F(Z) is at most its cost.
    Otherwise take the last move the band does not compute, the last core cell
    Z0 before it (the origin is core) and the first core cell Z1 after it; P*
    reaches Z0 at >= F(Z0) (induction) and goes from Z1 to Z within the band,
    so it suffices that the stretch Z0 -> Z1 (columns a < b, no core cell
    inside) costs at least F(Z1) - F(Z0), itself at most ``entries[b] - exits[a]``.

    A move the band skips touches a cell ``depth`` rows beyond the core. A
    stretch that goes more than ``zone`` rows beyond the core shifts its
    diagonal by that much relative to the core's on the way out and again on
    the way back, by insertions and deletions except for what gaps absorb free
    (bounded below). A stretch that stays within ``zone`` rows of the core crosses
    every "pinned" q-gram starting in a+1..b-q (between gaps, no exact copy in
    the hypothesis starting at a row :func:`_reach` allows, outside the core
    but within ``zone`` rows of it) with an edit, since crossing one at no cost
    would be such a copy; one edit spoils at most q of them, so it costs at
    least ``ceil(k / q)`` for ``k`` such q-grams.

    The distances b - a are split into ranges (up to 16, then twice longer
    each); for each range the zone is made wide enough that the first bound
    holds for every b, and where that zone is at least ``depth`` the second
    bound is checked too (for each b, with q = 8, else 10, else 12), with
    sliding minima: O(m) per range. The first bound, exactly: going below the core at column c and
    back costs >= 2 zone + 2 + (o(c) - o(a)) - (o(b) - o(c)) - capacity(a..c),
    going above >= 2 zone + 2 - (o(c) - o(a)) + (o(b) - o(c)) - capacity(c..b),
    with o the core's diagonal ``virtual - column``; it is bounded with a and c
    taken anywhere in the range's window.
    """
    m, n = len(reference), len(hypothesis)
    width, margin, step = follow
    column = np.arange(m + 1, dtype=np.int64)
    firsts, values = zip(*track.moves)
    virtual = np.repeat(np.array(values, dtype=np.int64), np.diff([*firsts, m + 1]))
    low = np.clip(virtual, 0, n - width)
    core_top = np.maximum(low, virtual + margin)
    core_bottom = np.minimum(low + width, virtual + width - margin)
    entries, exits = np.array(track.entries, dtype=np.int64), np.array(track.exits, dtype=np.int64)
    capacity = np.zeros(m + 2, dtype=np.int64)
    for position, size in gaps:
        capacity[position + 1] += size
    capacity = np.cumsum(capacity)  # capacity[k]: of the gaps at positions < k
    offset = virtual - column
    depth = margin - step + 1
    nearest: dict[int, np.ndarray] = {}
    later = column[1:]
    # with a and c anywhere in b - span .. b: a stretch going below the core and back, or above and back,
    # costs at least 2 zone + 2 + min(below, above); minima over the last ``span`` values, span doubling
    series = np.stack([2 * offset - capacity[1:], capacity[:-1] - offset, capacity[:-1] - 2 * offset, offset, exits])
    minima, span = series.copy(), 1
    shorter = 0
    while shorter < m:
        longer = 2 * _QGRAMS[0] if shorter == 0 else 2 * shorter  # a in b - longer .. b - shorter - 1
        while span < longer:
            minima[:, span:] = np.minimum(minima[:, span:], minima[:, :-span].copy())
            span *= 2
        least = minima[:4, 1:].copy()  # at b = 1 .. m: over b - span .. b
        if span <= m:
            np.minimum(least[:, span - 1:], series[:4, :m + 1 - span], out=least[:, span - 1:])
        below = least[0] + least[1] - offset[1:]
        above = least[2] + least[3] + offset[1:] - capacity[2:]
        valid = later - shorter - 1 >= 0
        rise = np.maximum(entries[1:] - minima[4, :-1], 0)  # exits in b - span .. b - 1
        zone = int(np.max(np.where(valid, (rise - np.minimum(below, above) - 1) // 2, 0)))
        window = np.maximum(later - shorter - 1, 0)
        unproven = valid & (zone >= depth)  # else the first bound covers the range
        for q in _QGRAMS:
            if not unproven.any():
                break
            if q not in nearest:
                nearest[q] = _nearest_copies(reference, hypothesis, gaps, core_top, core_bottom, cost, q)
            counted = np.concatenate([[0], np.cumsum(nearest[q] > zone)])
            lowest = sliding_min(q * exits - counted[column + 1], longer - shorter - 1)[window]
            unproven &= lowest < q * entries[later] - counted[np.maximum(later - q + 1, 0)] - q + 1
        if unproven.any():
            return False
        shorter = longer
    return True


def _nearest_copies(reference: str, hypothesis: str, gaps: list[tuple[int, int]], core_top: np.ndarray,
                    core_bottom: np.ndarray, limit: int, q: int) -> np.ndarray:
    """Per reference start s (0..m): how many rows outside the core the nearest copy of its q-gram starts.

    Only copies at rows :func:`_reach` of ``limit`` allows count; a q-gram with
    a gap inside, or running past the end, is as if copied next to the core
    (0). Copies are found by hashing: a collision only makes a copy nearer.
    """
    m, n = len(reference), len(hypothesis)
    nearest = np.zeros(m + 1, dtype=np.int64)
    count = m - q + 1
    if count <= 0:
        return nearest
    none = np.iinfo(np.int64).max
    if n < q:
        nearest[:count] = none
    else:
        bits = np.uint64(n.bit_length())
        rows = (np.uint64(1) << bits) - np.uint64(1)
        keys = (_qgram_hashes(reference, q) >> bits) << bits
        copies = np.sort((_qgram_hashes(hypothesis, q) >> bits) << bits | np.arange(n - q + 1, dtype=np.uint64))
        feasible_top, feasible_bottom = _reach(np.arange(count), m, n, gaps, limit)
        order = np.argsort(keys)  # queries in order search faster
        keys, top, bottom = keys[order], core_top[order], core_bottom[order]
        feasible_top, feasible_bottom = feasible_top[order], feasible_bottom[order]
        above = np.searchsorted(copies, keys | np.clip(top, 0, n).astype(np.uint64), side="left") - 1
        found = copies[np.maximum(above, 0)]
        row = (found & rows).astype(np.int64)
        ok = (above >= 0) & ((found >> bits) == (keys >> bits)) & (row >= feasible_top)
        up = np.where(ok, top - row, none)
        below = np.searchsorted(copies, keys | np.clip(bottom + 1, 0, n).astype(np.uint64), side="left")
        found = copies[np.minimum(below, len(copies) - 1)]
        row = (found & rows).astype(np.int64)
        ok = (below < len(copies)) & ((found >> bits) == (keys >> bits)) & (row <= feasible_bottom)
        nearest[order] = np.minimum(up, np.where(ok, row - bottom, none))
    for position, _ in gaps:
        nearest[max(0, position - q + 1):position] = 0  # a gap inside absorbs text free
    return nearest


def _qgram_hashes(text: str, q: int) -> np.ndarray:
    """A 64-bit hash of every q-gram of ``text`` (mixed so that the high bits depend on every code point)."""
    codes = code_points(text).astype(np.uint64)
    count = len(codes) - q + 1
    hashes = np.zeros(count, dtype=np.uint64)
    for index in range(q):
        hashes = hashes * np.uint64(1_000_003) + codes[index:index + count]
    return hashes * np.uint64(0x9E3779B97F4A7C15)


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
    optimum, forward, _ = _sweep(reference, hypothesis, gaps, limit)
    _, backward, _ = _sweep(reference[::-1], hypothesis[::-1], [(m - p, c) for p, c in reversed(gaps)], optimum)
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
    hyp = code_points(hypothesis).astype(np.int64)
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
