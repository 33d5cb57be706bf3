"""Units misread after a number: "per Ib." for "per lb.", "4 Ibs." for "4 lbs.".

The pound's abbreviation starts with a lower-case l, which most type cuts as the same upright stroke as a
capital I; engines read "lb." as "Ib." (a listed word, the footnote's "ibidem", so no spelling check sees it).
After a number or "per", where market reports, prices and recipes set weights, "Ib" is the pound.

>>> text = list("Tea, 2s. 8d. per Ib.; Sugar, 4 Ibs. for 1s.; see Ib. p. 23")
>>> for match in misread_pounds("".join(text)):
...     text[match.start()] = "l"
>>> "".join(text)
'Tea, 2s. 8d. per lb.; Sugar, 4 lbs. for 1s.; see Ib. p. 23'
"""
from __future__ import annotations

from typing import Iterator

import regex

# a capital I opening "Ib" or "Ibs" after a number (a fraction too) or "per", and a space or none between
POUND = regex.compile(r"(?<=(?:\d|[½¼¾⅛⅜⅝⅞]|\bper)\s?)I(?=bs?\b)")


def misread_pounds(text: str) -> Iterator[regex.Match]:
    """Each capital I that is the l of a pound's abbreviation after a number or "per" (see the module)."""
    return POUND.finditer(text) if "Ib" in text else iter(())
