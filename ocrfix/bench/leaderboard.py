"""The quality table: per candidate, per corpus subset and per (engine × layout) group.

Every :class:`Row` aggregates the documents of one group for one candidate:
raw and corrected CER/WER (micro: summed distances over summed lengths; macro:
mean of the documents' rates), the ICDAR-style improvement
``(raw − corrected) / raw × 100`` of the micro rates (positive is better), the
edits and their precision, the damage done to clean text, and throughput.

>>> improvement(0.10, 0.08)
20.0
>>> improvement(0.0, 0.01) is None
True
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ocrfix.bench.candidates import Candidate
from ocrfix.bench.evaluate import DocumentResult
from ocrfix.metrics import aggregate

ALL = "all"


@dataclass
class Row:
    candidate: str
    label: str
    kind: str
    scope: str  # "all", "subset" or "group" (engine × layout)
    group: str
    documents: int
    chars: int
    raw_cer: float
    raw_cer_macro: float
    cer: float
    cer_macro: float
    raw_wer: float
    raw_wer_macro: float
    wer: float
    wer_macro: float
    cer_improvement: float | None  # ICDAR-style % improvement of micro CER; positive = better
    wer_improvement: float | None
    step_improvement: float | None  # a chain's improvement over the chain without its last step
    edits: int
    precision: float | None  # share of edits that alone lower the distance to the ground truth
    harmful: float | None  # share that alone raise it
    damage: float  # share of characters changed when run on the logical ground truth
    chars_per_second: float | None
    items: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def improvement(raw: float, corrected: float) -> float | None:
    """ICDAR-style relative improvement in percent; None when there was nothing to improve."""
    if raw <= 0:
        return None
    return round((raw - corrected) / raw * 100, 10)


def group_name(meta: dict[str, Any]) -> str:
    """The (engine × layout) group a document belongs to."""
    return f"{meta.get('engine') or 'unknown'} × {meta.get('layout') or 'unknown'}"


def rows(results: Sequence[DocumentResult], candidates: Sequence[Candidate]) -> list[Row]:
    """All rows: for each candidate, the whole corpus, then each subset, then each (engine × layout) group."""
    scopes: list[tuple[str, str, list[DocumentResult]]] = [(ALL, ALL, list(results))]
    for scope, key in (("subset", lambda r: str(r.meta.get("subset"))), ("group", lambda r: group_name(r.meta))):
        members: dict[str, list[DocumentResult]] = {}
        for result in results:
            members.setdefault(key(result), []).append(result)
        scopes.extend((scope, name, members[name]) for name in sorted(members))
    table = []
    for candidate in candidates:
        for scope, name, members in scopes:
            scored = [r for r in members if candidate.name in r.outcomes]
            if scored:
                table.append(_row(candidate, scope, name, scored))
    _add_steps(table, candidates)
    return table


def _row(candidate: Candidate, scope: str, group: str, results: list[DocumentResult]) -> Row:
    outcomes = [result.outcomes[candidate.name] for result in results]
    raw = aggregate([result.raw for result in results])
    corrected = aggregate([outcome.corrected for outcome in outcomes])
    edits = sum(outcome.edits for outcome in outcomes)
    seconds = sum(outcome.seconds for outcome in outcomes)
    chars = sum(result.chars for result in results)
    damage_length = sum(outcome.damage_length for outcome in outcomes)
    return Row(
        candidate=candidate.name,
        label=candidate.label,
        kind=candidate.kind,
        scope=scope,
        group=group,
        documents=len(results),
        chars=chars,
        raw_cer=raw.micro_cer,
        raw_cer_macro=raw.macro_cer,
        cer=corrected.micro_cer,
        cer_macro=corrected.macro_cer,
        raw_wer=raw.micro_wer,
        raw_wer_macro=raw.macro_wer,
        wer=corrected.micro_wer,
        wer_macro=corrected.macro_wer,
        cer_improvement=improvement(raw.micro_cer, corrected.micro_cer),
        wer_improvement=improvement(raw.micro_wer, corrected.micro_wer),
        step_improvement=None,
        edits=edits,
        precision=sum(o.helpful for o in outcomes) / edits if edits else None,
        harmful=sum(o.harmful for o in outcomes) / edits if edits else None,
        damage=sum(o.damage for o in outcomes) / damage_length if damage_length else 0.0,
        chars_per_second=chars / seconds if seconds > 0 else None,
        items=merge_items([o.items for o in outcomes if o.items is not None]),
    )


def _add_steps(table: list[Row], candidates: Sequence[Candidate]) -> None:
    """A chain's own share: its improvement over the same chain without its last step."""
    by_steps = {candidate.steps: candidate.name for candidate in candidates if candidate.kind != "peer"}
    index = {(row.candidate, row.scope, row.group): row for row in table}
    for candidate in candidates:
        shorter = by_steps.get(candidate.steps[:-1]) if len(candidate.steps) > 1 and candidate.kind != "peer" else None
        if shorter is None:
            continue
        for row in table:
            if row.candidate == candidate.name:
                before = index.get((shorter, row.scope, row.group))
                if before is not None:
                    row.step_improvement = improvement(before.cer, row.cer)


def merge_items(items: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """Item-by-item layout scores (:func:`ocrfix.layout_items.score_items`) summed over documents.

    Integer counts add up, lists of examples are joined (at most ten), and each
    kind's ``rate`` is recomputed as its outcome count (the one count that is
    not ``items``, ``present`` or ``assessed``) over ``present`` or ``assessed``.

    >>> merge_items([{"page_number": {"items": 2, "present": 2, "removed": 2, "rate": 1.0}},
    ...              {"page_number": {"items": 2, "present": 2, "removed": 1, "rate": 0.5}}])
    {'page_number': {'items': 4, 'present': 4, 'removed': 3, 'rate': 0.75, 'outcome': 'removed'}}
    """
    merged: dict[str, dict[str, Any]] = {}
    seen = False
    for document in items:
        seen = True
        for kind, counts in document.items():
            if not isinstance(counts, dict):
                continue
            target = merged.setdefault(kind, {})
            for key, value in counts.items():
                if isinstance(value, int) and not isinstance(value, bool):
                    target[key] = target.get(key, 0) + value
                elif isinstance(value, list):
                    target[key] = (target.get(key, []) + value)[:10]
    for counts in merged.values():
        denominator = next((key for key in _DENOMINATORS if key in counts), None)
        outcome = next((key for key, value in counts.items() if isinstance(value, int) and key not in _COUNT_KEYS), None)
        if denominator and outcome:
            counts["rate"] = counts[outcome] / counts[denominator] if counts[denominator] else None
            counts["outcome"] = outcome
    return merged if seen else None


_DENOMINATORS = ("present", "assessed")
_COUNT_KEYS = ("items",) + _DENOMINATORS


# ---- presentation ---------------------------------------------------------------------------

COLUMNS = (
    ("strategy", lambda r: r.label),
    ("docs", lambda r: str(r.documents)),
    ("raw CER", lambda r: _pct(r.raw_cer)),
    ("CER", lambda r: _pct(r.cer)),
    ("improv.", lambda r: _signed(r.cer_improvement)),
    ("step", lambda r: _signed(r.step_improvement)),
    ("macro CER", lambda r: f"{_pct(r.raw_cer_macro)} → {_pct(r.cer_macro)}"),
    ("raw WER", lambda r: _pct(r.raw_wer)),
    ("WER", lambda r: _pct(r.wer)),
    ("edits", lambda r: str(r.edits)),
    ("precision", lambda r: _pct(r.precision, 1)),
    ("harmful", lambda r: _pct(r.harmful, 1)),
    ("damage", lambda r: _pct(r.damage, 3)),
    ("chars/s", lambda r: _rate(r.chars_per_second)),
)
NOTES = (
    "CER/WER: micro (summed over documents) against the logical ground truth; macro CER: mean of the "
    "documents' rates, raw → corrected. improv.: ICDAR-style "
    "(raw − corrected) / raw, positive is better; step: a chain's gain over the chain without its "
    "last step. precision / harmful: share of edits that, applied alone, lower / raise the distance "
    "to the ground truth. damage: share of characters changed when run on the ground truth itself. "
    "[peer]: an off-the-shelf tool, run the same way."
)


def _pct(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value * 100:.{digits}f}%"


def _signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.1f}%"


def _rate(value: float | None) -> str:
    if value is None:
        return "–"
    if value >= 1e6:
        return f"{value / 1e6:.2f}M"
    return f"{value / 1e3:.0f}k" if value >= 1e4 else f"{value:,.0f}"


def select(table: Sequence[Row], scope: str | tuple[str, ...]) -> list[Row]:
    """The rows of one scope ("all", "subset", "group") or of several, in table order."""
    scopes = (scope,) if isinstance(scope, str) else scope
    return [row for row in table if row.scope in scopes]


def text_table(table: Sequence[Row], *, by: str | tuple[str, ...] = "group") -> str:
    """A plain-text table for the terminal, one block per group of the scope ``by``."""
    lines = []
    for group, members in _blocks(table, by):
        cells = [[name for name, _ in COLUMNS]] + [[fmt(row) for _, fmt in COLUMNS] for row in members]
        widths = [max(len(cell[i]) for cell in cells) for i in range(len(COLUMNS))]
        lines.append("whole corpus" if group == ALL else f"{members[0].scope}: {group}")
        for number, cell in enumerate(cells):
            lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cell, widths))))
            if number == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines.append("")
    return "\n".join(lines)


def markdown_table(table: Sequence[Row], *, by: str | tuple[str, ...] = "group") -> str:
    """A Markdown table of the rows of scope ``by``, grouped, one line per candidate."""
    header = ["group"] + [name for name, _ in COLUMNS]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * 2 + ["--:"] * (len(header) - 2)) + "|"]
    for group, members in _blocks(table, by):
        for row in members:
            lines.append("| " + " | ".join([group] + [fmt(row).replace("|", "\\|") for _, fmt in COLUMNS]) + " |")
    return "\n".join(lines)


def _blocks(table: Sequence[Row], scope: str | tuple[str, ...]) -> list[tuple[str, list[Row]]]:
    blocks: dict[str, list[Row]] = {}
    for row in select(table, scope):
        blocks.setdefault(row.group, []).append(row)
    return list(blocks.items())
