"""Fingerprints of what ocrfix produces on the corpus: equal before and after a change = byte-identical behaviour.

usage: PYTHONPATH=TREE .venv/bin/python benchmarks/identity.py [dedup|layout|dictionary|pipeline|quality ...]

For speed work, whose every step must leave the output alone: each named part (all five when none is named) is run
on every corpus document's OCR and logical ground truth, and its output hashed — a strategy's text and edits
(place, replacement, strategy, reason, confidence), the quality estimate's full report. Prints a short SHA-1 per
part and one of them all; run it on the tree before and after the change and compare.
"""
from __future__ import annotations

import hashlib
import json
import sys

from ocrfix import quality
from ocrfix.corpus import load
from ocrfix.pipeline import Pipeline

PARTS = ("dedup", "layout", "dictionary", "pipeline", "quality")


def fingerprint(part: str, texts: list[str]) -> bytes:
    """SHA-1 of ``part``'s output on ``texts``."""
    digest = hashlib.sha1()
    if part == "quality":
        for text in texts:
            digest.update(json.dumps(quality.estimate(text).to_dict(lines=10**6), sort_keys=True, default=str).encode())
        return digest.digest()
    pipeline = Pipeline(None if part == "pipeline" else [part])
    for text in texts:
        result = pipeline.run(text)
        digest.update(result.text.encode())
        for edit in result.edits:
            digest.update(repr((edit.start, edit.end, edit.replacement, edit.strategy, edit.reason,
                                round(edit.confidence, 6))).encode())
    return digest.digest()


def main(argv: list[str]) -> int:
    parts = argv or list(PARTS)
    unknown = [part for part in parts if part not in PARTS]
    if unknown:
        print(f"identity.py: unknown part {unknown[0]!r} (one of {', '.join(PARTS)})", file=sys.stderr)
        return 2
    documents = load()
    texts = [document.ocr for document in documents] + [document.gt for document in documents]
    combined = hashlib.sha1()
    for part in parts:
        digest = fingerprint(part, texts)
        combined.update(digest)
        print(part, digest.hex()[:7], flush=True)
    print("all", combined.hexdigest()[:7])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
