"""Raw OCR quality of a corpus per subset and level, scored with :mod:`ocrfix.metrics`.

>>> rows = subset_rows(load())                     # doctest: +SKIP
>>> print(markdown(rows))                          # doctest: +SKIP
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ocrfix.corpus import CorpusDocument


@dataclass(frozen=True)
class Row:
    subset: str
    level: str
    documents: int
    pages: int
    micro_cer: float
    macro_cer: float
    micro_wer: float
    min_page_cer: float | None
    max_page_cer: float | None


def subset_rows(documents: list[CorpusDocument], profile: str = "default") -> list[Row]:
    """One row per (subset, level) and one per subset over all its levels, against the logical truth."""
    from ocrfix.metrics import aggregate, score

    groups: dict[tuple[str, str], list[CorpusDocument]] = defaultdict(list)
    for document in documents:
        subset, level = document.meta.get("subset", "?"), document.meta.get("level") or "-"
        groups[(subset, level)].append(document)
        if level != "-":
            groups[(subset, "all")].append(document)
    rows = []
    for (subset, level), members in sorted(groups.items()):
        total = aggregate([score(d.gt, d.ocr, profile) for d in members])
        page_cers = [c for d in members for c in d.meta.get("page_cer") or []]
        rows.append(Row(subset, level, total.documents, sum(int(d.meta.get("pages") or 0) for d in members),
                        total.micro_cer, total.macro_cer, total.micro_wer,
                        min(page_cers) if page_cers else None, max(page_cers) if page_cers else None))
    return rows


def markdown(rows: list[Row]) -> str:
    """The rows as a Markdown table (percentages)."""
    def pct(value: float | None) -> str:
        return "-" if value is None else f"{100 * value:.1f}"

    lines = ["| subset | level | docs | pages | CER % (micro) | CER % (macro) | WER % (micro) | page CER % min–max |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for row in rows:
        lines.append(f"| {row.subset} | {row.level} | {row.documents} | {row.pages} | {pct(row.micro_cer)} | "
                     f"{pct(row.macro_cer)} | {pct(row.micro_wer)} | {pct(row.min_page_cer)}–{pct(row.max_page_cer)} |")
    return "\n".join(lines) + "\n"
