"""Held-out edit judging: every edit of each strategy, helpful / neutral / harmful against the ground truth.

usage: PYTHONPATH=TREE python benchmarks/heldout/harm.py OUT.tsv [ROOT ...]
  ROOT: a held-out set folder holding manifest.json (default: every set beside this script).
Strategies: dedup, layout, dictionary, each alone on the raw OCR, and "dict@dl": dictionary on the output of
dedup+layout (what the default pipeline's dictionary sees). Each edit is judged alone against the logical
ground truth with the project's own judge (ocrfix.bench.precision.judge, default profile; -1 helpful,
0 neutral, +1 harmful), as `ocrfix bench` does. Prints counts per root and strategy; writes every edit to
OUT.tsv: root, doc, strategy, verdict, before, after, context, start, truth (the ground truth aligned to the
edit ±12 characters, through the judge's own alignment; tabs/newlines/form feeds escaped as \\t ⏎ ␌). Compare two trees with:  diff <(cut -f1-7 A.tsv) <(cut -f1-7 B.tsv)
"""
from __future__ import annotations

import sys
from collections import Counter

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from common import documents, info, roots, tree  # noqa: E402

STRATEGIES = ("dedup", "layout", "dictionary", "dict@dl")
VERDICT = {-1: "helpful", 0: "neutral", 1: "harmful"}
CONTEXT = 30


def show(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "⏎").replace("\f", "␌")


def runs(text: str):
    """(strategy, input text, edits) for every judged strategy."""
    from ocrfix.pipeline import Pipeline

    for name in ("dedup", "layout", "dictionary"):
        yield name, text, Pipeline([name]).run(text).edits
    prepared = Pipeline(["dedup", "layout"]).run(text).text
    yield "dict@dl", prepared, Pipeline(["dictionary"]).run(prepared).edits


def main(argv: list[str]) -> None:
    from ocrfix.bench.precision import _offset_map, judge

    if not argv:
        sys.exit(__doc__)
    out, chosen = argv[0], roots(argv[1:])
    counts: dict[tuple[str, str], Counter] = {}
    with open(out, "w", encoding="utf-8") as tsv:
        tsv.write("root\tdoc\tstrategy\tverdict\tbefore\tafter\tcontext\tstart\ttruth\n")
        for root in chosen:
            name = root.rstrip("/").rsplit("/", 1)[-1]
            for strategy in STRATEGIES:
                for key in ((name, strategy), ("ALL", strategy)):
                    counts.setdefault(key, Counter())
            for document in documents(root):
                info(f"{root} {document.id}")
                for strategy, text, edits in runs(document.ocr):
                    verdicts = judge(text, document.gt, edits)
                    to_truth = _offset_map(text, document.gt) if edits else None
                    for edit, verdict in zip(edits, verdicts):
                        for key in ((name, strategy), ("ALL", strategy)):
                            counts.setdefault(key, Counter())[VERDICT[verdict]] += 1
                        context = (show(text[max(0, edit.start - CONTEXT):edit.start]) + "[" + show(edit.original)
                                   + "→" + show(edit.replacement) + "]" + show(text[edit.end:edit.end + CONTEXT]))
                        left, right = int(to_truth[max(0, edit.start - 12)]), int(to_truth[min(len(text), edit.end + 12)])
                        tsv.write(f"{name}\t{document.id}\t{strategy}\t{VERDICT[verdict]}\t{show(edit.original)}\t"
                                  f"{show(edit.replacement)}\t{context}\t{edit.start}\t{show(document.gt[left:right])}\n")
    print(f"# ocrfix: {tree()}")
    print(f"{'set':12} {'strategy':11} {'edits':>6} {'helpful':>8} {'neutral':>8} {'harmful':>8} {'precision':>9}")
    for (name, strategy) in sorted(counts, key=lambda k: (k[0] == "ALL", k[0], STRATEGIES.index(k[1]))):
        c = counts[(name, strategy)]
        total = sum(c.values())
        print(f"{name:12} {strategy:11} {total:>6} {c['helpful']:>8} {c['neutral']:>8} {c['harmful']:>8} "
              f"{100 * c['helpful'] / total if total else 0:>8.1f}%")


if __name__ == "__main__":
    main(sys.argv[1:])
