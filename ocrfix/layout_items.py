r"""Score layout correction item by item with the corpus's labels.

The labels name every printed line's kind (body, letter block, heading,
running head, page number, catchword) and every line-end hyphen's kind
(inserted by hyphenation, or a compound's own). Each labelled line is found
in the OCR text through a character alignment of the diplomatic ground truth
with the OCR, and then in the corrected text through an alignment of the OCR
with the correction, so OCR errors do not hide an item:

* a running head, page number or catchword is **removed** when at most a
  quarter of its OCR characters survive in the correction;
* a body line (body, letter block, heading) is **removed** when fewer than
  half of them survive;
* where two alignments are equally good (a catchword and the same word at the
  top of the next page), an item counts as removed if either alignment
  removes it or the correction holds fewer copies of it around its place than
  the OCR; a body line counts as removed only if both alignments remove it;
* an inserted hyphen is **joined** when the correction has nothing between
  the word's two halves; a compound hyphen is **kept** when exactly the hyphen
  stands between them.

An item the OCR lost (under half of its characters aligned) is not counted.

>>> from ocrfix.corpus import CorpusDocument
>>> import json, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "labels.json").write_text(json.dumps({
...     "lines": [{"page": 1, "line": 1, "text": "The exam-", "kind": "body"},
...               {"page": 1, "line": 2, "text": "ple was easy.", "kind": "body"},
...               {"page": 1, "line": 3, "text": "- 1 -", "kind": "page_number"}],
...     "hyphens": [{"page": 1, "line": 1, "text": "exam-", "next": "ple", "joined": "example", "kind": "inserted"}]}))
>>> document = CorpusDocument("demo", ocr="The exam-\nple was easy.\n- 1 -\n", gt="The example was easy.\n",
...                           gt_diplomatic="The exam-\nple was easy.\n- 1 -\n", files={"labels": folder / "labels.json"})
>>> scores = score_items(document, "The example was easy.\n")
>>> scores["page_number"]["removed"], scores["hyphen_inserted"]["joined"], scores["body"]["removed"]
(1, 1, 0)
"""
from __future__ import annotations

import sys
from typing import Any

import numpy as np
from rapidfuzz.distance import Levenshtein

from ocrfix.corpus import CorpusDocument
from ocrfix.errors import OcrfixError

FURNITURE_KINDS = ("running_head", "page_number", "catchword")
BODY_KINDS = ("body", "letter_block", "heading")
HYPHEN_CHARS = "-\u2010\u2011\u00ad\u00ac"


def alignment_map(source: str, target: str) -> np.ndarray:
    """For each character of ``source``, the index of the equal character of ``target`` it aligns with, or -1.

    >>> alignment_map("abcd", "axcd").tolist()
    [0, -1, 2, 3]
    """
    mapping = np.full(len(source) + 1, -1, dtype=np.int64)
    for tag, s0, s1, t0, t1 in (tuple(op) for op in Levenshtein.opcodes(source, target)):
        if tag == "equal":
            mapping[s0:s1] = np.arange(t0, t1)
    return mapping[:len(source)]


def _fewer_copies(ocr: str, corrected: str, mapped: np.ndarray, to_corrected: np.ndarray, *, context: int = 150) -> bool:
    """Has the correction fewer copies of the item's OCR text around it than the OCR has?

    Decides what alignment cannot: which of two equal words went ("/the" at a
    page foot, "the" at the top of the next page).
    """
    start, end = int(mapped.min()), int(mapped.max()) + 1
    item = ocr[start:end].split()
    if not item:
        return False
    low, high = max(0, start - context), min(len(ocr), end + context)
    before = np.flatnonzero(to_corrected[low:start] >= 0)
    after = np.flatnonzero(to_corrected[end:high] >= 0)
    if before.size == 0 or after.size == 0:
        return False
    window_low = int(to_corrected[low + before[0]])
    window_high = int(to_corrected[end + after[-1]]) + 1

    def copies(tokens: list[str]) -> int:
        n = len(item)
        return sum(1 for i in range(len(tokens) - n + 1) if tokens[i:i + n] == item)

    return copies(corrected[window_low:window_high].split()) < copies(ocr[low:high].split())


def _backward_alignment_map(source: str, target: str) -> np.ndarray:
    """Like :func:`alignment_map`, but aligned from the end: ties between equal paths go the other way."""
    backward = alignment_map(source[::-1], target[::-1])[::-1]
    return np.where(backward >= 0, len(target) - 1 - backward, -1)


def _line_spans(diplomatic: str) -> list[tuple[int, int]]:
    """Spans of the diplomatic text's lines, in order (pages split at form feeds, lines at newlines)."""
    spans = []
    start = 0
    for index, char in enumerate(diplomatic + "\n"):
        if char in "\n\f":
            spans.append((start, index))
            start = index + 1
    return spans


def score_items(document: CorpusDocument, corrected: str) -> dict[str, Any]:
    """Counts and rates of the layout items the correction got right (see the module docstring).

    Returns ``{}`` for a document without labels or diplomatic ground truth.
    """
    labels = document.labels
    diplomatic = document.gt_diplomatic
    if not labels or diplomatic is None:
        return {}
    ocr = document.ocr
    to_ocr = alignment_map(diplomatic, ocr)
    to_corrected = alignment_map(ocr, corrected)
    # An item and a copy of it next door (a catchword and the word it announces) can be told apart by
    # no alignment: of two equally good ones, the backward alignment picks the other copy.
    to_corrected_backward = _backward_alignment_map(ocr, corrected)
    spans = _span_of_labels(labels["lines"], diplomatic)
    result = _line_items(labels["lines"], spans, diplomatic, ocr, corrected, to_ocr, to_corrected, to_corrected_backward)
    result.update(_hyphen_items(labels, spans, diplomatic, corrected, to_ocr, to_corrected, to_corrected_backward))
    return result


def _line_items(entries: list[dict[str, Any]], spans: list[tuple[int, int] | None], diplomatic: str, ocr: str,
                corrected: str, to_ocr: np.ndarray, to_corrected: np.ndarray,
                to_corrected_backward: np.ndarray) -> dict[str, Any]:
    """Per line kind, and for furniture and body together: the labelled lines, those the OCR has, those removed."""

    def ocr_chars(start: int, end: int) -> tuple[np.ndarray, int]:
        positions = np.array([i for i in range(start, end) if not diplomatic[i].isspace()], dtype=np.int64)
        if positions.size == 0:
            return positions, 0
        mapped = to_ocr[positions]
        return mapped[mapped >= 0], positions.size

    result: dict[str, Any] = {kind: {"items": 0, "present": 0, "removed": 0} for kind in FURNITURE_KINDS + BODY_KINDS}
    removed_examples: list[str] = []
    for entry, span in zip(entries, spans):
        kind = entry.get("kind")
        if kind not in result or span is None:
            continue
        mapped, total = ocr_chars(*span)
        counts = result[kind]
        counts["items"] += 1
        if total == 0 or mapped.size * 2 < total:
            continue
        counts["present"] += 1
        survived = [int(np.count_nonzero(alignment[mapped] >= 0)) / mapped.size
                    for alignment in (to_corrected, to_corrected_backward)]
        if kind in FURNITURE_KINDS and (min(survived) <= 0.25 or _fewer_copies(ocr, corrected, mapped, to_corrected)):
            counts["removed"] += 1
        elif kind in BODY_KINDS and max(survived) < 0.5:
            counts["removed"] += 1
            if len(removed_examples) < 10:
                removed_examples.append(entry.get("text", ""))
    furniture = {key: sum(result[kind][key] for kind in FURNITURE_KINDS) for key in ("items", "present", "removed")}
    body = {key: sum(result[kind][key] for kind in BODY_KINDS) for key in ("items", "present", "removed")}
    result["furniture"] = furniture
    result["body"] = {**body, "examples": removed_examples}
    for counts in list(result.values()):
        counts["rate"] = counts["removed"] / counts["present"] if counts["present"] else None
    return result


def _hyphen_items(labels: dict[str, Any], spans: list[tuple[int, int] | None], diplomatic: str, corrected: str,
                  to_ocr: np.ndarray, to_corrected: np.ndarray, to_corrected_backward: np.ndarray) -> dict[str, Any]:
    """``hyphen_inserted`` (joined?) and ``hyphen_compound`` (kept?): the labelled line-end hyphens, those
    whose two halves the forward or else the backward alignment places in the correction (assessed), and
    those handled right."""
    result: dict[str, Any] = {}
    hyphen_scores = {"inserted": {"items": 0, "assessed": 0, "joined": 0},
                     "compound": {"items": 0, "assessed": 0, "kept": 0}}
    index = {(entry.get("page"), entry.get("line")): n for n, entry in enumerate(labels["lines"])}
    for hyphen in labels.get("hyphens", []):
        kind = hyphen.get("kind")
        n = index.get((hyphen.get("page"), hyphen.get("line")))
        if kind not in hyphen_scores or n is None or spans[n] is None:
            continue
        hyphen_scores[kind]["items"] += 1
        between = _between_halves(spans, labels["lines"], n, diplomatic, to_ocr, to_corrected, corrected)
        if between is None:
            between = _between_halves(spans, labels["lines"], n, diplomatic, to_ocr, to_corrected_backward, corrected)
        if between is None:
            continue
        hyphen_scores[kind]["assessed"] += 1
        if kind == "inserted" and between == "":
            hyphen_scores[kind]["joined"] += 1
        elif kind == "compound" and len(between) == 1 and between in HYPHEN_CHARS:
            hyphen_scores[kind]["kept"] += 1
    for kind, outcome in (("inserted", "joined"), ("compound", "kept")):
        counts = hyphen_scores[kind]
        counts["rate"] = counts[outcome] / counts["assessed"] if counts["assessed"] else None
        result[f"hyphen_{kind}"] = counts
    return result


def _span_of_labels(entries: list[dict[str, Any]], diplomatic: str) -> list[tuple[int, int] | None]:
    """The diplomatic span of each labelled line (the labels list every line, in order)."""
    spans = _line_spans(diplomatic)
    if len(spans) >= len(entries):
        return [span if diplomatic[span[0]:span[1]].strip() == entry.get("text", "").strip() or not entry.get("text")
                else _find(diplomatic, entry.get("text", ""), span[0])
                for entry, span in zip(entries, spans)]
    return [_find(diplomatic, entry.get("text", ""), 0) for entry in entries]


def _find(diplomatic: str, text: str, near: int) -> tuple[int, int] | None:
    text = text.strip()
    if not text:
        return None
    position = diplomatic.find(text, max(0, near - 2000))
    return (position, position + len(text)) if position >= 0 else None


def _between_halves(spans: list[tuple[int, int] | None], entries: list[dict[str, Any]], n: int, diplomatic: str,
                    to_ocr: np.ndarray, to_corrected: np.ndarray, corrected: str) -> str | None:
    """What the correction has between the two halves of the word broken at the end of line ``n``."""
    start, end = spans[n]
    hyphen = end
    while hyphen > start and diplomatic[hyphen - 1].isspace():
        hyphen -= 1
    if hyphen - start < 2 or diplomatic[hyphen - 1] not in HYPHEN_CHARS:
        return None
    following = next((span for span, entry in zip(spans[n + 1:], entries[n + 1:])
                      if span and entry.get("kind") in BODY_KINDS and diplomatic[span[0]:span[1]].strip()), None)
    if following is None:
        return None
    right = following[0]
    while diplomatic[right].isspace():
        right += 1
    left_ocr, right_ocr = to_ocr[hyphen - 2], to_ocr[right]
    if left_ocr < 0 or right_ocr < 0:
        return None
    left_corrected, right_corrected = to_corrected[left_ocr], to_corrected[right_ocr]
    if left_corrected < 0 or right_corrected < 0 or right_corrected <= left_corrected:
        return None
    return corrected[left_corrected + 1:right_corrected]


def summarise(documents: list[CorpusDocument], strategies: list[str] | None = None) -> dict[str, Any]:
    """Item counts summed over the labelled ``documents`` after correcting them with ``strategies``
    (default: layout alone), and the CER against the logical ground truth before and after, per
    (engine, layout) group."""
    from ocrfix.metrics import cer
    from ocrfix.pipeline import Pipeline

    pipeline = Pipeline(strategies or ["layout"])
    totals: dict[str, dict[str, int]] = {}
    groups: dict[str, dict[str, float]] = {}
    for document in documents:
        if not document.labels or document.gt_diplomatic is None:
            continue
        corrected = pipeline.run(document.ocr).text
        for kind, counts in score_items(document, corrected).items():
            total = totals.setdefault(kind, {})
            for key, value in counts.items():
                if isinstance(value, int):
                    total[key] = total.get(key, 0) + value
        group = groups.setdefault(f"{document.meta.get('engine')} × {document.meta.get('layout')}",
                                  {"documents": 0, "cer_before": 0.0, "cer_after": 0.0})
        group["documents"] += 1
        group["cer_before"] += cer(document.gt, document.ocr)
        group["cer_after"] += cer(document.gt, corrected)
    for group in groups.values():
        group["cer_before"] = round(group["cer_before"] / group["documents"], 5)
        group["cer_after"] = round(group["cer_after"] / group["documents"], 5)
    for kind, total in totals.items():
        outcome = next((key for key in ("removed", "joined", "kept") if key in total), None)
        base = total.get("present", total.get("assessed", 0))
        total["rate"] = round(total[outcome] / base, 4) if outcome and base else None
    return {"items": totals, "groups": groups}


def main(argv: list[str] | None = None) -> int:
    import argparse

    from ocrfix.corpus import load

    parser = argparse.ArgumentParser(
        prog="python -m ocrfix.layout_items",
        description="Score the layout strategy item by item on a labelled corpus: running heads, page numbers "
                    "and catchwords removed, line-end hyphens joined or kept, body lines lost; and the macro "
                    "CER before and after layout per (engine, layout) group.")
    parser.add_argument("corpus", nargs="?", help="corpus folder (default: the repository's corpus/)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    args = parser.parse_args(argv)
    try:
        summary = summarise(load(args.corpus))
    except OcrfixError as error:  # one line, as from `ocrfix` itself
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        import json

        print(json.dumps(summary, indent=1, ensure_ascii=False))
        return 0
    for kind, total in summary["items"].items():
        print(f"{kind:16} " + " ".join(f"{key}={value}" for key, value in total.items()))
    for name, group in summary["groups"].items():
        print(f"{name}: {group['documents']} documents, CER {group['cer_before']:.2%} -> {group['cer_after']:.2%}")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # the reader left early ("| head"): no traceback, as `ocrfix` itself
        raise SystemExit(141)
    except KeyboardInterrupt:
        print("python -m ocrfix.layout_items: interrupted", file=sys.stderr)
        raise SystemExit(130)
