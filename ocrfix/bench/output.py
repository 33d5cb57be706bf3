"""Writing a benchmark run: JSON, a Markdown table, a PNG chart, and README's results section.

Everything is rendered in memory first and each file is written atomically,
so a failed run leaves the results folder as it was.

>>> replace_between("a\\n<!-- bench:start -->\\nold\\n<!-- bench:end -->\\nb", "new")
'a\\n<!-- bench:start -->\\nnew\\n<!-- bench:end -->\\nb'
"""
from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from ocrfix.bench import leaderboard, sections
from ocrfix.errors import OcrfixError
from ocrfix.io import read_text, write_bytes_atomic, write_text_atomic

if TYPE_CHECKING:
    from ocrfix.bench import Report

START = "<!-- bench:start -->"
END = "<!-- bench:end -->"
JSON_NAME, MARKDOWN_NAME, CHART_NAME = "bench.json", "bench.md", "bench.png"


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n"


def to_markdown(report: Report, *, heading: str = "##", chart_link: str | None = None,
                details_link: str | None = None) -> str:
    """The run's tables: whole corpus and per subset, per (engine × layout) group, layout items, sections.

    ``chart_link``: where the PNG chart is, relative to the Markdown file, to show it.
    ``details_link``: a short version (README's): per-group and layout-item tables replaced by this link.
    """
    info = report.info
    corpus = info["corpus"]
    settings = info["settings"]
    parts = [
        f"{heading} Benchmark results",
        f"Run {info['created']} on {corpus['documents']} documents ({corpus['chars']:,} characters of OCR; "
        f"corpus fingerprint `{corpus['fingerprint'][:12]}`), profile `{settings['profile']}`, "
        f"{settings['folds_used']} cross-validation fold(s) for trainable strategies; "
        f"ocrfix {info['versions']['ocrfix']}, Python {info['versions']['python']}, {info['machine']['platform']}. "
        f"Produced by `ocrfix bench` in {info['seconds']} s.",
        *([f"![CER per subset: raw OCR and after each strategy]({chart_link})"] if chart_link else []),
        f"{heading}# Per subset",
        leaderboard.markdown_table(report.rows, by=(leaderboard.ALL, "subset")),
    ]
    if details_link:
        parts.append(f"Per engine × layout group, layout items and per-document figures: [{details_link}]({details_link}) "
                     f"and the JSON beside it.")
        parts.append(leaderboard.NOTES)
        return "\n\n".join(parts) + "\n"
    parts += [f"{heading}# Per engine × layout", leaderboard.markdown_table(report.rows, by="group")]
    items = _items_table(report)
    if items:
        parts += [f"{heading}# Layout items, scored with the corpus labels (per engine × layout)", items]
    extra = sections.markdown(report.sections)
    if extra:
        parts.append(extra)
    parts.append(leaderboard.NOTES)
    return "\n\n".join(parts) + "\n"


def _items_table(report: Report) -> str:
    rows = sorted((row for row in leaderboard.select(report.rows, "group") if row.items), key=lambda row: row.group)
    kinds = [kind for kind in ITEM_KINDS if any(row.items.get(kind, {}).get("rate") is not None for row in rows)]  # type: ignore[union-attr]
    if not kinds:
        return ""
    outcome = {kind: next(row.items[kind]["outcome"] for row in rows if kind in row.items) for kind in kinds}  # type: ignore[index]
    lines = ["| group | strategy | " + " | ".join(f"{kind.replace('_', ' ')} {outcome[kind]}" for kind in kinds) + " |",
             "|---|---|" + "--:|" * len(kinds)]
    for row in rows:
        cells = []
        for kind in kinds:
            counts = row.items.get(kind, {})  # type: ignore[union-attr]
            total = counts.get("present", counts.get("assessed", 0))
            cells.append(f"{counts['rate'] * 100:.1f}% of {total}" if counts.get("rate") is not None else "–")
        lines.append(f"| {row.group} | {row.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# Layout items in the order the table shows them (what layout is held to: furniture removed, hyphens
# joined or kept, no body line removed).
ITEM_KINDS = ("running_head", "page_number", "catchword", "hyphen_inserted", "hyphen_compound", "body")


def chart(report: Report) -> bytes | None:
    """PNG: micro CER per subset, the raw OCR beside each candidate's output; None without matplotlib
    (the ``bench`` extra), which the tables do not need."""
    try:
        import matplotlib
    except ImportError:
        return None

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    subset_rows = leaderboard.select(report.rows, "subset")
    subsets = sorted({row.group for row in subset_rows})
    cell = {(row.candidate, row.group): row for row in subset_rows}
    figure, axes = plt.subplots(figsize=(max(8.0, 0.22 * len(subsets) * (len(report.candidates) + 1) + 3), 4.5), dpi=110)
    positions = np.arange(len(subsets))
    width = 0.8 / (len(report.candidates) + 1)
    offsets = (np.arange(len(report.candidates) + 1) - len(report.candidates) / 2) * width
    axes.bar(positions + offsets[0], [_raw(subset_rows, subset) for subset in subsets], width, label="raw OCR",
             color="0.6", edgecolor="white", linewidth=0.4)
    palette = [plt.get_cmap("tab10")(i) for i in range(10) if i != 7]  # 7 is the grey of the raw bars
    marked = False
    for index, candidate in enumerate(report.candidates):
        rows = [cell.get((candidate.name, subset)) for subset in subsets]
        x = positions + offsets[index + 1]
        axes.bar(x, [row.cer * 100 if row else np.nan for row in rows], width, label=candidate.label,
                 color=palette[index % len(palette)], hatch="//" if candidate.kind == "peer" else None,
                 edgecolor="white", linewidth=0.4)
        if candidate.sampled:  # its own raw CER: the sample's documents are not the whole subset's
            axes.scatter(x, [row.raw_cer * 100 if row else np.nan for row in rows], marker="_", s=120, color="black",
                         zorder=3, label=None if marked else "raw OCR of a sample")
            marked = True
    axes.set_xticks(positions, subsets)
    axes.set_ylabel("CER (%), micro, vs logical ground truth")
    axes.set_title("CER per corpus subset: raw OCR and after each strategy")
    axes.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def _raw(rows: list[leaderboard.Row], subset: str) -> float:
    return next(row.raw_cer * 100 for row in rows if row.group == subset)


def write(report: Report, folder: str | os.PathLike[str]) -> list[Path]:
    """Write bench.json, bench.md and bench.png (if matplotlib is installed) into ``folder``; returns their paths."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise OcrfixError("results folder is a file", target)
    png = chart(report)
    rendered = {JSON_NAME: to_json(report).encode(),
                MARKDOWN_NAME: to_markdown(report, chart_link=CHART_NAME if png else None).encode(),
                **({CHART_NAME: png} if png else {})}
    paths = []
    for name, data in rendered.items():
        write_bytes_atomic(target / name, data)
        paths.append(target / name)
    return paths


def replace_between(text: str, body: str) -> str:
    """``text`` with what lies between the bench markers replaced by ``body``."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"markers {START} … {END} not found in order")
    return f"{text[:start + len(START)]}\n{body.strip()}\n{text[end:]}"


def update_readme(report: Report, path: str | os.PathLike[str], *, results: str | os.PathLike[str] | None = None) -> None:
    """Replace README's results section (between the bench markers) with this run's tables.

    ``results``: the folder the run was written to, so the section shows its chart.
    """
    text = read_text(path)
    chart_link = details_link = None
    if results is not None and (Path(results) / CHART_NAME).is_file():
        relative = Path(os.path.relpath(Path(results), Path(path).resolve().parent))
        chart_link, details_link = (relative / CHART_NAME).as_posix(), (relative / MARKDOWN_NAME).as_posix()
    try:
        updated = replace_between(text, to_markdown(report, heading="###", chart_link=chart_link, details_link=details_link))
    except ValueError as error:
        raise OcrfixError(str(error), path) from None
    write_text_atomic(path, updated)
