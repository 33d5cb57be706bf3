r"""Text with ``\r\n`` or ``\r`` line ends, shown to a strategy with ``\n`` ones.

Every strategy reads lines at ``"\n"``: a Windows text (``\r\n``) would keep a
stray ``\r`` at each line's end, and an old Mac text (``\r`` alone) would be one
long line, whose page number made the whole page a "running head". The
pipeline shows such a text to each strategy as :class:`NewlineView` ``.text``
and carries the edits back with :meth:`NewlineView.carry_back`: their spans
into the text as it is, a ``"\n"`` they write as the text's own line end.

>>> view = NewlineView("con-\r\ntinue\rnext")
>>> view.text
'con-\ntinue\nnext'
>>> view.newline
'\r\n'
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocrfix.pipeline import Edit

_LINE_END = re.compile(r"\r\n?")


class NewlineView:
    r"""``text`` with each ``\r\n`` and lone ``\r`` as ``"\n"``, and the way back."""

    __slots__ = ("original", "text", "newline", "_dropped")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = _LINE_END.sub("\n", original)
        # the offsets in .text of the "\n" whose "\r" was dropped, one per \r\n
        self._dropped = [match.start() - index for index, match in enumerate(re.finditer("\r\n", original))]
        windows = len(self._dropped)
        mac = original.count("\r") - windows
        unix = original.count("\n") - windows
        # the commonest; a tie goes to "\r\n", then "\r" (the strings' order), as the text holds a "\r"
        self.newline = max((unix, "\n"), (windows, "\r\n"), (mac, "\r"))[1]

    def offset(self, position: int) -> int:
        r"""The offset in the original of ``position`` in ``.text`` (a "\n" from \r\n maps to its "\r").

        >>> view = NewlineView("ab\r\ncd")
        >>> [view.offset(p) for p in range(6)]
        [0, 1, 2, 4, 5, 6]
        """
        return position + bisect.bisect_left(self._dropped, position)

    def carry_back(self, edits: Sequence[Edit]) -> list[Edit]:
        r"""Edits of ``.text`` as edits of the original.

        >>> from ocrfix.pipeline import Edit, apply_edits
        >>> view = NewlineView("con-\r\ntinue")
        >>> edits = view.carry_back([Edit(3, 5, "", "layout", "joined", 1.0, "-\n")])
        >>> edits[0].start, edits[0].end, edits[0].original, apply_edits(view.original, edits)
        (3, 6, '-\r\n', 'continue')
        """
        from ocrfix.pipeline import Edit

        carried = []
        for edit in edits:
            start, end = self.offset(edit.start), self.offset(edit.end)
            carried.append(Edit(start, end, edit.replacement.replace("\n", self.newline), edit.strategy, edit.reason,
                                edit.confidence, self.original[start:end]))
        return carried
