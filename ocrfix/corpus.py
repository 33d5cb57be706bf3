"""The evaluation corpus: OCR texts with their ground truth, described by a manifest.

A corpus is a folder holding ``manifest.json``::

    {"format": "ocrfix-corpus/1",
     "documents": [
        {"id": "seed", "subset": "seed", "ocr": "seed/000.txt", "gt": "seed/000.gt.txt",
         "gt_diplomatic": null, "labels": null, "hocr": null,
         "engine": "unknown vision-language OCR", "layout": "letter", "font": null,
         "level": null, "pages": 2, "source": "...", "licence": "...", "settings": {}}]}

Paths are relative to the folder. Every key but the file paths ends up in
``CorpusDocument.meta``. A folder without a manifest is read as plain pairs:
``NAME.gt.txt`` with ``NAME.txt`` or ``NAME.ocr.txt`` (the rule ``ocrfix score`` uses).

>>> docs = load()                       # the repository's corpus/ folder
>>> seed = next(d for d in docs if d.id == "seed")
>>> seed.meta["layout"], seed.meta["pages"]
('letter', 2)
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ocrfix.errors import OcrfixError
from ocrfix.io import read_bytes, read_json, read_text

MANIFEST = "manifest.json"
FORMAT = "ocrfix-corpus/1"
FILE_KEYS = ("ocr", "gt", "gt_diplomatic", "labels", "hocr")
REQUIRED_KEYS = ("id", "subset", "ocr", "gt", "engine", "layout", "pages")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "corpus"


@dataclass
class CorpusDocument:
    """One OCR text and its ground truth.

    ``gt`` is the logical ground truth (what correction is scored against);
    ``gt_diplomatic`` the page as printed, line by line, where there is one.
    """

    id: str
    ocr: str
    gt: str
    gt_diplomatic: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    @cached_property
    def labels(self) -> dict[str, Any] | None:
        """The layout labels (line kinds, line-end hyphen kinds), where the corpus has them."""
        path = self.files.get("labels")
        if path is None:
            return None
        return read_json(path)


def load(path: str | os.PathLike[str] | None = None, *, subsets: Iterable[str] | None = None) -> list[CorpusDocument]:
    """Load the corpus at ``path`` (default: the repository's ``corpus/`` folder); with ``subsets``, only
    the documents of those subsets (OcrfixError if there are none).

    >>> sorted({d.meta["subset"] for d in load(subsets=["seed"])})
    ['seed']
    """
    folder = _folder(path)
    if not folder.is_dir():
        raise OcrfixError("a file, not a corpus folder" if folder.exists() else "no such corpus folder", folder)
    manifest = folder / MANIFEST
    documents = _load_manifest(manifest) if manifest.exists() else _load_pairs(folder)
    if not documents:
        raise OcrfixError("empty corpus: no documents in the manifest and no NAME.gt.txt pairs", folder)
    if subsets is not None:
        subsets = list(subsets)
        documents = [document for document in documents if document.meta.get("subset") in subsets]
        if not documents:
            raise OcrfixError(f"no documents in subset(s) {', '.join(subsets)}", folder)
    return documents


def input_files(path: str | os.PathLike[str] | None, documents: Iterable[CorpusDocument]) -> tuple[Path, ...]:
    """The files a corpus at ``path`` was read from (its manifest and each document's): what an output
    written by a command that reads it must never replace.

    >>> any(path.name == MANIFEST for path in input_files(None, load(subsets=["seed"])))
    True
    """
    return (_folder(path) / MANIFEST, *(file for document in documents for file in document.files.values()))


def _folder(path: str | os.PathLike[str] | None) -> Path:
    """The corpus folder ``path`` names; None: the repository's ``corpus/``."""
    return Path(path) if path is not None else DEFAULT_PATH


def read_manifest(manifest: Path) -> dict[str, Any]:
    """The manifest's JSON, checked for its format and its required keys."""
    data = read_json(manifest)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise OcrfixError(f"not a corpus manifest (expected \"format\": \"{FORMAT}\")", manifest)
    entries = data.get("documents")
    if not isinstance(entries, list):
        raise OcrfixError("\"documents\" must be a list", manifest)
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        missing = [key for key in REQUIRED_KEYS if not isinstance(entry, dict) or key not in entry]
        if missing:
            raise OcrfixError(f"document {number} lacks {', '.join(missing)}", manifest)
        problem = _entry_problem(entry)
        if problem:
            raise OcrfixError(f"document {number}: {problem}", manifest)
        if entry["id"] in seen:
            raise OcrfixError(f"document id {entry['id']!r} occurs twice", manifest)
        seen.add(entry["id"])
    return data


def _entry_problem(entry: dict[str, Any]) -> str | None:
    """What is wrong with the values of a manifest entry that has its required keys, or None.

    >>> _entry_problem({"id": "a", "subset": "s", "ocr": 5, "gt": "a.gt.txt", "engine": "e", "layout": "l", "pages": 1})
    'ocr must be text, not 5'
    """
    pages = entry["pages"]
    if not isinstance(pages, int) or isinstance(pages, bool) or pages < 1:
        return f"pages must be a whole number of 1 or more, not {pages!r}"
    for key in (*REQUIRED_KEYS, *FILE_KEYS, "font", "level"):
        if key != "pages" and not isinstance(entry.get(key, ""), str) and (key in REQUIRED_KEYS or entry[key] is not None):
            return f"{key} must be text, not {entry[key]!r}"
    return None


def _load_manifest(manifest: Path) -> list[CorpusDocument]:
    folder = manifest.parent
    documents = []
    for entry in read_manifest(manifest)["documents"]:
        files = {key: folder / entry[key] for key in FILE_KEYS if entry.get(key)}
        for path in files.values():
            if not path.is_file():
                raise OcrfixError(f"manifest entry {entry['id']!r} points at a missing file", path)
        meta = {key: value for key, value in entry.items() if key not in FILE_KEYS and key != "id"}
        meta.setdefault("font", None)
        meta.setdefault("level", None)
        documents.append(
            CorpusDocument(
                id=entry["id"],
                ocr=read_text(files["ocr"]),
                gt=read_text(files["gt"]),
                gt_diplomatic=read_text(files["gt_diplomatic"]) if "gt_diplomatic" in files else None,
                meta=meta,
                files=files,
            )
        )
    return documents


def find_pairs(gt_dir: str | os.PathLike[str], hyp_dir: str | os.PathLike[str] | None = None) -> list[tuple[str, Path, Path]]:
    """Pair ``NAME.gt.txt`` in ``gt_dir`` with ``NAME.txt`` or ``NAME.ocr.txt`` in ``hyp_dir``.

    Returns ``(name, gt_path, hyp_path)`` sorted by name; ground truths without
    a hypothesis are left out. ``hyp_dir`` defaults to ``gt_dir``.
    """
    gt_folder = Path(gt_dir)
    hyp_folder = Path(hyp_dir) if hyp_dir is not None else gt_folder
    for folder in {gt_folder, hyp_folder}:
        if not folder.is_dir():
            raise OcrfixError("a file, not a folder" if folder.exists() else "no such folder", folder)
    pairs = []
    for gt_path in sorted(gt_folder.glob("*.gt.txt")):
        name = gt_path.name[: -len(".gt.txt")]
        for candidate in (hyp_folder / f"{name}.txt", hyp_folder / f"{name}.ocr.txt"):
            if candidate.is_file():
                pairs.append((name, gt_path, candidate))
                break
    return pairs


def _load_pairs(folder: Path) -> list[CorpusDocument]:
    return [
        CorpusDocument(
            id=name,
            ocr=read_text(hyp_path),
            gt=read_text(gt_path),
            meta={"subset": folder.name, "engine": "unknown", "layout": None, "font": None,
                  "level": None, "pages": None},
            files={"ocr": hyp_path, "gt": gt_path},
        )
        for name, gt_path, hyp_path in find_pairs(folder)
    ]


def fingerprint(path: str | os.PathLike[str] | None = None) -> str:
    """A SHA-256 over the corpus's manifest and every file it names (or every pair)."""
    digest = hashlib.sha256()
    for document in load(path):
        for key in sorted(document.files):
            digest.update(f"{document.id}:{key}\n".encode())
            digest.update(read_bytes(document.files[key]))
    return digest.hexdigest()
