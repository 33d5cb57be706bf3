"""Held-out clean-text check: the edits each strategy makes on ~1 MB of clean text it never saw.

usage: PYTHONPATH=TREE python benchmarks/heldout/clean.py CLEAN OUT.tsv
Reads the fixed clean text in CLEAN/docs/ (made once by make_clean.py CLEAN: man pages, /usr/share/doc
READMEs and changelogs, Python package docs, fortunes; ~1 MB, CLEAN/SOURCES.tsv says which). Each file is one document. Runs dedup, layout and dictionary each alone and the default pipeline
(pipeline edits are mapped to the input). Every edit on clean text is damage. Prints per strategy and kind
of text: edits, characters changed (Levenshtein distance output vs input) per MB, and edits by class
(line-join, para-join, hyphen, delete, replace, space: common.kind); writes every edit to
OUT.tsv: file, strategy, before, after, context, start.
Compare two trees with:  diff <(cut -f1-5 A.tsv) <(cut -f1-5 B.tsv)
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import info, kind, tree  # noqa: E402
from harm import CONTEXT, show  # noqa: E402

STRATEGIES = ("dedup", "layout", "dictionary", "pipeline")


def main(argv: list[str]) -> None:
    from rapidfuzz.distance import Levenshtein

    from ocrfix.pipeline import Pipeline

    if len(argv) != 2:
        sys.exit(__doc__)
    docs, out = Path(argv[0]) / "docs", argv[1]
    pipelines = {name: Pipeline(None if name == "pipeline" else [name]) for name in STRATEGIES}
    edits, changed, chars, kinds = Counter(), Counter(), Counter(), Counter()
    with open(out, "w", encoding="utf-8") as tsv:
        tsv.write("file\tstrategy\tbefore\tafter\tcontext\tstart\n")
        for path in sorted(docs.glob("*.txt")):
            info(path.name)
            text = path.read_text(encoding="utf-8")
            source = path.stem.split("-", 1)[1]
            for key in (source, "ALL"):
                chars[key] += len(text)
            for name, pipeline in pipelines.items():
                result = pipeline.run(text)
                distance = Levenshtein.distance(text, result.text) if result.text != text else 0
                for key in ((name, source), (name, "ALL")):
                    edits[key] += len(result.edits)
                    changed[key] += distance
                for edit in result.edits:
                    kinds[(name, kind(edit.original, edit.replacement))] += 1
                    context = (show(text[max(0, edit.start - CONTEXT):edit.start]) + "[" + show(edit.original) + "→"
                               + show(edit.replacement) + "]" + show(text[edit.end:edit.end + CONTEXT]))
                    tsv.write(f"{path.name}\t{name}\t{show(edit.original)}\t{show(edit.replacement)}\t{context}\t"
                              f"{edit.start}\n")
    print(f"# ocrfix: {tree()}")
    print(f"{'strategy':11} {'text':8} {'chars':>8} {'edits':>6} {'changed':>8} {'edits/MB':>9} {'changed/MB':>10}")
    for name in STRATEGIES:
        for part in sorted(chars, key=lambda k: (k == "ALL", k)):
            mb = chars[part] / 1e6
            print(f"{name:11} {part:8} {chars[part]:>8} {edits[(name, part)]:>6} {changed[(name, part)]:>8} "
                  f"{edits[(name, part)] / mb:>9.1f} {changed[(name, part)] / mb:>10.1f}")
    print("edits by class (line-join/para-join: whitespace with line breaks -> space; hyphen: a line-end hyphen "
          "joined; delete: text removed; replace: anything else)")
    for name in STRATEGIES:
        print(f"{name:11} " + "  ".join(f"{k} {v}" for (owner, k), v in sorted(kinds.items()) if owner == name))


if __name__ == "__main__":
    main(sys.argv[1:])
