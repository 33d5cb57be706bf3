"""Cross-validation folds by document, so a trained strategy is never scored on what it learned from.

Documents that share a ground truth (the same page set OCR'd by two engines, or
the same source text rendered twice with other settings: the manifest's
``page_set`` and ``settings.text``) belong to one *group*; a group falls in one
fold as a whole, so no ground truth is both in training and in scoring.

>>> from ocrfix.corpus import CorpusDocument
>>> docs = [CorpusDocument("a-tess", "x", "same page"), CorpusDocument("a-vlm", "y", "same page"),
...         CorpusDocument("b", "z", "other page")]
>>> [sorted(d.id for d in fold) for fold in folds(docs, 2)]
[['a-tess', 'a-vlm'], ['b']]
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ocrfix.corpus import CorpusDocument


def group_keys(document: CorpusDocument) -> list[str]:
    """Everything that ties a document to others with the same ground truth."""
    keys = [f"gt-text:{hashlib.sha1(document.gt.encode()).hexdigest()}"]
    for name in ("gt", "gt_diplomatic"):
        path = document.files.get(name)
        if path is not None:
            keys.append(f"{name}-file:{path.resolve()}")
    if document.gt_diplomatic:
        keys.append(f"gt-diplomatic-text:{hashlib.sha1(document.gt_diplomatic.encode()).hexdigest()}")
    settings = document.meta.get("settings") or {}
    for name in ("group", "page_set"):
        value = document.meta.get(name) or settings.get(name)
        if value:
            keys.append(f"{name}:{value}")
    if settings.get("text"):  # renditions of one source text share most of their ground truth
        keys.append(f"text:{settings['text']}:{settings.get('text_part')}")
    return keys


def groups(documents: Sequence[CorpusDocument]) -> list[list[CorpusDocument]]:
    """Documents joined when they share any :func:`group_keys` key (union-find), in corpus order."""
    parent = list(range(len(documents)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[str, int] = {}
    for index, document in enumerate(documents):
        for key in group_keys(document):
            if key in owner:
                parent[root(index)] = root(owner[key])
            else:
                owner[key] = index
    joined: dict[int, list[CorpusDocument]] = {}
    for index, document in enumerate(documents):
        joined.setdefault(root(index), []).append(document)
    return list(joined.values())


def folds(documents: Sequence[CorpusDocument], k: int = 5) -> list[list[CorpusDocument]]:
    """``k`` folds (fewer when there are fewer groups), each a list of whole groups.

    The assignment depends only on the documents' ids, so a run is repeatable.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    grouped = sorted(groups(documents), key=lambda group: _stable_hash(min(d.id for d in group)))
    count = min(k, len(grouped))
    result: list[list[CorpusDocument]] = [[] for _ in range(count)]
    # Largest groups first, each into the currently smallest fold: folds of similar size.
    for group in sorted(grouped, key=len, reverse=True):
        smallest = min(range(count), key=lambda index: (len(result[index]), index))
        result[smallest].extend(group)
    return [fold for fold in result if fold]


def _stable_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def sample(documents: Sequence[CorpusDocument], chars: int) -> list[CorpusDocument]:
    """A fixed sample of each subset: documents in a stable pseudo-random order until ``chars`` of OCR.

    Every subset keeps at least one document; the choice depends only on the ids.

    >>> docs = [CorpusDocument(f"d{i}", "x" * 100, "x", meta={"subset": "s"}) for i in range(5)]
    >>> len(sample(docs, 250))
    3
    """
    taken: dict[str, int] = {}
    chosen = []
    for document in sorted(documents, key=lambda d: _stable_hash(d.id)):
        subset = str(document.meta.get("subset"))
        if subset not in taken or taken[subset] < chars:
            taken[subset] = taken.get(subset, 0) + len(document.ocr)
            chosen.append(document)
    return chosen
