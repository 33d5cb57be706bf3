"""Progress bars of the long runs, shown by one rule: the ``progress`` option every long-running function takes.

``True`` shows the bar, ``False`` hides it, ``None`` shows it only on a terminal (tqdm's ``disable=None``).
"""
from __future__ import annotations

from typing import Any, Iterable


def progress_bar(iterable: Iterable[Any] | None = None, *, progress: bool | None, **options: Any) -> Any:
    """A tqdm bar over ``iterable`` (or of ``total=`` steps), shown as ``progress`` says; ``options`` go to tqdm.

    >>> list(progress_bar(["a", "b"], progress=False, desc="demo"))
    ['a', 'b']
    """
    from tqdm import tqdm

    return tqdm(iterable, disable=None if progress is None else not progress, **options)
