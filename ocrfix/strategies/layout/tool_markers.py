"""Page markers a tool wrote between pages: "<!-- page 2 -->", "--- Page 2 ---", '<!-- PageHeader="..." -->'.

Converters and vision-language OCR join a document's pages with a marker of their own, or lift a page's running
head and foot into an HTML comment. Each such line is a page's edge, as a form feed is, and furniture: markup of
the tool, not the book's text. Where a newline was lost, the marker runs on into a line of text and is split off.
"""
from __future__ import annotations

import re

from ocrfix.strategies.layout.lines import Line, Lines, mark
from ocrfix.strategies.layout.page_numbers import PAGE_NUMBER, page_number
from ocrfix.strategies.layout.specks import printed_rule


# a page marker in an HTML comment, as converters and vision-language OCR write it between pages:
# "<!-- page 2 -->", "<!-- Page 3 of 10 -->", "<!-- PageBreak -->", "<!-- PageNumber="2" -->"
_PAGE_COMMENT = re.compile(
    r"<!--\s*(?:page[\s_-]?break|(?:page|pg\.?)[\s_-]?(?:number|no\.?)?\s*[:=#]?\s*[\"']?\d{1,4}[\"']?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?)\s*-->", re.IGNORECASE)
# a page's running head or foot that a document-intelligence converter lifted into an HTML comment:
# '<!-- PageHeader="THE HISTORY OF ASHCOMBE" -->', '<!-- PageFooter="Page 3 of 10" -->'
_FURNITURE_COMMENT = re.compile(r"<!--\s*page[\s_-]?(header|footer)\s*[:=].*?-->", re.IGNORECASE)


def _page_comment(content: str) -> str | None:
    """Why the line ``content`` is a page's comment (a marker of its page, its running head or foot), or None.

    >>> print(_page_comment('<!-- PageFooter="CONFIDENTIAL" -->'), _page_comment("<!-- figure omitted -->"))
    a page's running foot in an HTML comment a tool wrote: '<!-- PageFooter="CONFIDENTIAL" -->' None
    """
    if content[:4] != "<!--":
        return None
    if _PAGE_COMMENT.fullmatch(content):
        return f"a page marker a tool wrote between pages: {content!r}"
    part = _FURNITURE_COMMENT.fullmatch(content)
    if part is None:
        return None
    edge = "head" if part[1].casefold() == "header" else "foot"
    return f"a page's running {edge} in an HTML comment a tool wrote: {content!r}"


def find_commented_pages(lines: Lines) -> bool:
    r"""Find the pages of text whose pages were joined with page markers in HTML comments (``_PAGE_COMMENT``), or
    whose running heads and feet a tool put in them (``_FURNITURE_COMMENT``): each such comment is a page's edge, as a
    form feed is, and furniture (markup of the tool, or the page's head or foot, not the book's text). Sets
    ``lines.pages`` and each line's ``page`` when they make two pages or more; other comments stay text.

    >>> lines = Lines.scan("<!-- page 1 -->\nfirst\n<!-- note -->\n---\n<!-- PageBreak -->\nsecond")
    >>> find_commented_pages(lines), lines.pages, [line.kind for line in lines.items]
    (True, [[1, 2], [5]], ['page_marker', 'body', 'body', 'page_marker', 'page_marker', 'body'])
    >>> one, named = Lines.scan("<!-- Page 1 of 1 -->\ntext"), Lines.scan("<!-- page two -->\ntext")
    >>> find_commented_pages(one), one.items[0].kind, find_commented_pages(named), named.items[0].kind
    (False, 'page_marker', False, 'body')
    """
    if "<!--" not in lines.text:   # (found by memchr: most texts hold no comment)
        return False
    items = lines.items
    opening = [line for line in items if line.content[:4] == "<!--"]
    reasons = {line.index: reason for line in opening if (reason := _page_comment(line.content))}
    reasons |= _wrapped_page_comments(items, opening)
    if not reasons:
        return False
    # a markdown rule right beside a marker ("---" over "<!-- page 2 -->") is the tool's page separator too
    marked = set(reasons)
    marked |= {i for index in reasons for i in (index - 1, index + 1)
               if 0 <= i < len(items) and printed_rule(items[i].content)}
    pages: list[list[int]] = []
    page: list[int] = []
    for line in items:
        if line.index in marked:
            reason = reasons.get(line.index) or f"a markdown rule beside a page's comment: {line.content!r}"
            mark(line, "page_marker", reason, 0.95)
            if page:
                pages.append(page)
                page = []
        else:
            page.append(line.index)
    pages += [page] if page else []
    if len(pages) < 2:
        return False   # the markers go; the page breaks are looked for as in plain text
    lines.set_pages(pages)
    for index in sorted(marked):   # (in text order: a marker after a marker takes the page the one before it took)
        items[index].page = items[index - 1].page if index else 0
    return True


def _tool_marker(content: str) -> str | None:
    """Why the line ``content`` is a page marker a tool wrote: a page's comment (:func:`_page_comment`), or the word
    page and its number set off by marks no printer sets there ("--- Page 2 ---", "[Page 2]"); else None.

    >>> print(_tool_marker("--- Page 2 ---"), _tool_marker("Page 2"), _tool_marker("- 2 -"))
    a page marker a tool wrote: '--- Page 2 ---' None None
    """
    if content[:4] == "<!--":
        return _page_comment(content)
    found = PAGE_NUMBER.match(content) if len(content) <= MARKER_CHARS else None
    if found is None or not found["word"] or not (found["open"].strip() and found["close"].strip()):
        return None
    return f"a page marker a tool wrote: {content!r}" if page_number(content) else None


def markers_at_page_edges(lines: Lines) -> None:
    r"""Mark the page markers a tool wrote at the pages' edges (:func:`_tool_marker`: beside the form feeds it wrote, or
    ending the pages found at them) as furniture, and leave them out of their pages: a page's first and last lines,
    where its head and foot are looked for, are the printed page's.

    >>> lines = Lines.scan("text\n<!-- page 1 -->\f--- Page 2 ---\nTHE HEAD\ntext")
    >>> markers_at_page_edges(lines); lines.pages, [line.kind for line in lines.items]
    ([[0], [3, 4]], ['body', 'page_marker', 'page_marker', 'body', 'body'])

    A page's comment wrapped over lines (:func:`_wrapped_page_comments`) is a marker line by line:

    >>> lines = Lines.scan('text\f<!--\nPageHeader="THE HEAD"\n-->\ntext')
    >>> markers_at_page_edges(lines); lines.pages
    [[0], [4]]
    """
    items = lines.items
    # (found by memchr: most texts hold no comment)
    wrapped = _wrapped_page_comments(items, [line for line in items if line.content[:4] == "<!--"]) \
        if "<!--" in lines.text else {}
    for number, page in enumerate(lines.pages):
        first, last = 0, len(page)
        while first < last and (reason := wrapped.get(page[first]) or _tool_marker(items[page[first]].content)):
            mark(items[page[first]], "page_marker", reason, 0.95)
            first += 1
        while last > first and (reason := wrapped.get(page[last - 1]) or _tool_marker(items[page[last - 1]].content)):
            mark(items[page[last - 1]], "page_marker", reason, 0.95)
            last -= 1
        if (first, last) != (0, len(page)):
            lines.pages[number] = page[first:last]


# a comment, or the word page and its number between dashes, inside a line of text (each led by a literal: searched for
# as fast as str.find)
_RUN_ON_MARKERS = (re.compile(r"<!--[^\n]*?-->"),
                   re.compile(r"--+[ \t]*(?i:page)[ \t]*\d{1,4}(?:[ \t]*(?i:of)[ \t]*\d{1,4})?[ \t]*--+"))


def split_run_on_markers(lines: Lines) -> None:
    r"""Split off the page markers a tool ran on into a line of text ("<!-- page 2 -->THE HISTORY OF", "the end.
    --- Page 3 ---"), as if each stood on a line of its own, where the pages are then read from it: a tool writes them
    between pages, and the page's text was joined to it where a newline was lost.

    >>> lines = Lines.scan("the end.\n<!-- page 2 -->THE HEAD\nsee <!-- note --> here --- Page 3 --- go")
    >>> split_run_on_markers(lines); [line.content for line in lines.items]
    ['the end.', '<!-- page 2 -->', 'THE HEAD', 'see <!-- note --> here', '--- Page 3 ---', 'go']
    """
    text = lines.text
    cuts = [cut for pattern in _RUN_ON_MARKERS for match in pattern.finditer(text) if _page_mark(text, match)
            for cut in match.span()]
    if cuts:
        lines.split_at(cuts)   # (at the cuts inside a line: one at a line's edge splits nothing)


def _page_mark(text: str, match: re.Match[str]) -> bool:
    """Is ``match`` (of ``_RUN_ON_MARKERS`` in ``text``) a page's comment, or dashes round a page's number outside
    one?"""
    if match[0][:1] == "<":
        return _page_comment(match[0]) is not None
    return text[match.start() - 2:match.start()] != "<!" and page_number(match[0]) is not None


COMMENT_LINES = 4   # a comment a tool wraps over lines ("<!--" / 'PageHeader="..."' / "-->") spans this many at most


def _wrapped_page_comments(items: list[Line], opening: list[Line]) -> dict[int, str]:
    r"""Why each line of a page's comment (:func:`_page_comment`) that spans several lines is furniture, by the line's
    index: a converter wraps a long comment, or keeps the line break of a head or foot printed on two lines in its
    value. The lines are read as one, joined by spaces. Only the lines ``opening`` (those starting with "<!--") are
    asked.

    >>> items = Lines.scan('text\n<!--\nPageHeader="THE HISTORY\nOF ASHCOMBE" -->\n<!-- a\nnote -->').items
    >>> sorted(_wrapped_page_comments(items, [items[1], items[4]]))
    [1, 2, 3]
    """
    found: dict[int, str] = {}
    for line in opening:
        if "-->" in line.content:
            continue
        following = items[line.index + 1:line.index + COMMENT_LINES]
        end = next((n for n, later in enumerate(following) if "-->" in later.content or "<!--" in later.content), None)
        if end is None or "<!--" in following[end].content:
            continue
        wrapped = [line, *following[:end + 1]]
        reason = _page_comment(" ".join(part.content for part in wrapped))
        if reason:
            found |= {part.index: reason for part in wrapped}
    return found


MARKER_CHARS = 24   # a line marking a page ("--- Page 12 ---", "Page 3 of 17") holds this many characters at most
MARKER_ENDS = frozenset("0123456789])*_·=~-\u2010\u2011\u2012\u2013\u2014\u2015")   # and ends in a figure or a mark
