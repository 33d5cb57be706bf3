"""Held-out quality check: ocrfix.quality.estimate per page against the true page CER.

usage: PYTHONPATH=TREE python benchmarks/heldout/qeval.py [--pages OUT.tsv] [ROOT ...]
  ROOT: a held-out set folder holding manifest.json (default: every set beside this script).
True page CER is the benchmark's definition (ocrfix.quality.page_table, used by `ocrfix bench`'s quality
section): the diplomatic ground truth (logical where there is none), CR/CRLF -> LF, split at form feeds
against the OCR split at form feeds, ocrfix.metrics.cer (default profile) page by page; when the page counts
differ the whole document is one page (form feeds -> newlines); pages whose ground truth is blank are left
out. The estimate is ocrfix.quality.estimate(ocr) (the shipped model, the call the hidden evaluation makes),
page by page; pages without a number (verdict empty / not text / not English) are left out and counted.
Prints per root, per root and engine, and over all: pages, Spearman (all pages), MAE (all pages), and for
pages of true CER <= 15%: count, bias (mean estimate - true) and MAE, in CER points (percent).
"""
from __future__ import annotations

import sys
from collections import defaultdict

import numpy as np

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from common import documents, info, roots, tree  # noqa: E402


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def pages(document) -> list[tuple[int, float, float | None]]:
    """(page number, true CER, estimated CER or None) for each page with a non-blank ground truth."""
    from ocrfix.metrics import cer
    from ocrfix.quality import estimate

    ocr = _clean(document.ocr)
    reference = _clean(document.gt_diplomatic or document.gt)
    ref_pages, ocr_pages = reference.split("\f"), ocr.split("\f")
    if len(ref_pages) != len(ocr_pages):
        ref_pages, ocr_pages = [reference.replace("\f", "\n")], [ocr.replace("\f", "\n")]
        ocr = ocr_pages[0]
    report = estimate(ocr)
    return [(index + 1, cer(ref_page, ocr_page), report.pages[index].cer)
            for index, (ref_page, ocr_page) in enumerate(zip(ref_pages, ocr_pages)) if ref_page.strip()]


def stats(rows: list[tuple[float, float]], skipped: int) -> str:
    from ocrfix.quality import spearman

    true, est = np.array([r[0] for r in rows]), np.array([r[1] for r in rows])
    low = true <= 0.15
    rho = spearman(est, true) if len(true) >= 3 else float("nan")
    mae = float(np.mean(np.abs(est - true))) if len(true) else float("nan")
    bias15 = float(np.mean(est[low] - true[low])) if low.any() else float("nan")
    mae15 = float(np.mean(np.abs(est[low] - true[low]))) if low.any() else float("nan")
    return (f"{len(true):>5} {skipped:>4} {rho:>8.3f} {100 * mae:>7.2f} {int(low.sum()):>6} {100 * bias15:>+8.2f} "
            f"{100 * mae15:>7.2f} {100 * float(np.mean(true)) if len(true) else float('nan'):>7.2f}")


def main(argv: list[str]) -> None:
    out = None
    if argv[:1] == ["--pages"]:
        out, argv = argv[1], argv[2:]
    rows: dict[str, list[tuple[float, float]]] = defaultdict(list)
    skipped: dict[str, int] = defaultdict(int)
    lines = ["root\tdoc\tpage\ttrue_cer\testimate"]
    for root in roots(argv):
        name = root.rstrip("/").rsplit("/", 1)[-1]
        for document in documents(root):
            info(f"{root} {document.id}")
            engine = str(document.meta.get("engine", "?")).split()[0].lower()
            for number, true, est in pages(document):
                keys = (name, f"{name}:{engine}", "ALL", f"ALL:{engine}")
                if est is None:
                    for key in keys:
                        skipped[key] += 1
                    lines.append(f"{name}\t{document.id}\t{number}\t{true:.4f}\t-")
                    continue
                for key in keys:
                    rows[key].append((true, est))
                lines.append(f"{name}\t{document.id}\t{number}\t{true:.4f}\t{est:.4f}")
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    print(f"# ocrfix: {tree()}")
    print(f"{'set':24} {'pages':>5} {'skip':>4} {'spearman':>8} {'MAE%':>7} {'<=15%':>6} {'bias15%':>8} {'MAE15%':>7} "
          f"{'meanCER%':>7}")
    for key in sorted(set(rows) | set(skipped), key=lambda k: (k.startswith("ALL"), k)):
        print(f"{key:24} {stats(rows[key], skipped[key])}")


if __name__ == "__main__":
    main(sys.argv[1:])
