"""Held-out CER: raw OCR, each strategy alone, and the full pipeline, char-weighted (micro) per root and group.

usage: PYTHONPATH=TREE python benchmarks/heldout/cer.py [ROOT ...]
  ROOT: a held-out set folder holding manifest.json (default: every set beside this script).
Rows: raw, dedup, layout, dictionary (each alone on the raw OCR), pipeline (ocrfix.correct, default
pipeline dedup -> layout -> dictionary). CER = sum of Levenshtein distances / sum of logical ground-truth
lengths (ocrfix.metrics.score, default profile), per root, per engine-layout group and over all roots.
"""
from __future__ import annotations

import sys
from collections import defaultdict

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from common import documents, group, info, roots, tree  # noqa: E402

COLUMNS = ("raw", "dedup", "layout", "dictionary", "pipeline")


def outputs(text: str) -> dict[str, str]:
    import ocrfix

    return {"raw": text, "dedup": ocrfix.correct(text, strategies=["dedup"]),
            "layout": ocrfix.correct(text, strategies=["layout"]),
            "dictionary": ocrfix.correct(text, strategies=["dictionary"]), "pipeline": ocrfix.correct(text)}


def main(argv: list[str]) -> None:
    from ocrfix.metrics import score

    print(f"# ocrfix: {tree()}")
    totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: {c: [0, 0] for c in COLUMNS})
    docs_in: dict[str, int] = defaultdict(int)
    for root in roots(argv):
        for document in documents(root):
            info(f"{root} {document.id}")
            name = root.rstrip("/").rsplit("/", 1)[-1]
            for key in (name, f"{name}:{group(document)}", "ALL"):
                docs_in[key] += 1
            for column, text in outputs(document.ocr).items():
                found = score(document.gt, text)
                for key in (name, f"{name}:{group(document)}", "ALL"):
                    totals[key][column][0] += found.distance
                    totals[key][column][1] += found.reference_length
    print(f"{'set':34} {'docs':>4} {'chars':>7} " + " ".join(f"{c:>10}" for c in COLUMNS) + "  pipeline-vs-raw")
    for key in sorted(totals, key=lambda k: (k == "ALL", k)):
        row = totals[key]
        cers = {c: row[c][0] / max(row[c][1], 1) for c in COLUMNS}
        gain = (cers["raw"] - cers["pipeline"]) / cers["raw"] if cers["raw"] else 0.0
        print(f"{key:34} {docs_in[key]:>4} {row['raw'][1]:>7} " + " ".join(f"{100 * cers[c]:>9.3f}%" for c in COLUMNS)
              + f"  {100 * gain:+.1f}%")


if __name__ == "__main__":
    main(sys.argv[1:])
