"""Page furniture: running heads and feet, page numbers, catchwords, signature marks, page markers, specks.

These lines belong to the page, not to the text. They are found where pages meet: with form feeds, or the page
markers a tool wrote (:mod:`.tool_markers`), or the page breaks plain text implies (:mod:`.implied_pages`), among
the first and last lines of each page (:mod:`.page_edges`); in plain text with no page break found, around the
signs of one (:mod:`.plain_text`: a catchword followed by blank lines, a "- 2 -" line, a running head that recurs
with a changing page number). What each kind of line looks like: :mod:`.page_numbers`, :mod:`.catchwords`,
:mod:`.heads`, :mod:`.specks`. docs/layout.md describes them.
"""
from __future__ import annotations

from ocrfix.strategies.layout.heads import paper_head
from ocrfix.strategies.layout.implied_pages import find_implied_pages
from ocrfix.strategies.layout.lines import Lines, mark
from ocrfix.strategies.layout.page_edges import classify_pages
from ocrfix.strategies.layout.plain_text import classify_plain
from ocrfix.strategies.layout.specks import SPECK_MARKS, lone_mark, speck
from ocrfix.strategies.layout.tool_markers import find_commented_pages, markers_at_page_edges


def classify(lines: Lines, width: int, hard_wrapped: bool) -> None:
    """Mark the furniture lines of ``lines`` (their ``kind``, ``reason``, ``confidence``)."""
    if lines.form_feeds or find_commented_pages(lines) or find_implied_pages(lines, width, hard_wrapped):
        markers_at_page_edges(lines)
        classify_pages(lines, width, hard_wrapped)
    else:
        classify_plain(lines, width, hard_wrapped)
    first = next((line for line in lines.items if line.kind == "body"), None)
    if first is not None and paper_head(first.content) is not None:
        # on a single page nothing recurs: the paper's title, the date and the page number say it
        mark(first, "running_head", "a newspaper's page head (title, date, page number) opens the text", 0.85)
    items = lines.items
    for line in items:
        # (content is stripped: a first character that no speck starts with rules most lines out without a call)
        if line.content[:1] in SPECK_MARKS and line.kind == "body" and (speck(line.content)
                                                                         or lone_mark(items, line, width)):
            mark(line, "speck", f"a line of scattered marks, no letter or digit: {line.content.strip()!r}", 0.8)
