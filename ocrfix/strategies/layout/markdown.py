"""Markdown markers that vision-language OCR puts into otherwise plain text.

A VLM asked for plain text still writes an indented paragraph as a quote
(``"> "``), a heading as ``"# Title"`` or ``"**Title**"``. In a text that is
otherwise plain, these markers are artifacts; in a real markdown document
(tables, fenced code, links) they are left alone.

>>> is_markdown_document("Title\\n\\n> quoted paragraph\\n")
False
>>> is_markdown_document("| a | b |\\n|---|---|\\n| 1 | 2 |\\n")
True
>>> markers("> Lord Carrington feels")
(2, 0, False, 'markdown quote marker')
>>> markers("## Anglo/Soviet Contacts")
(3, 0, True, 'markdown heading marker')
>>> markers("**CONFIDENTIAL**")
(2, 2, True, 'markdown bold marker around a heading')
>>> markers("2 ** 3 is eight"), markers("*" * 40), markers("*** Our Slogan ***"), markers(">>> import numpy")
((0, 0, False, ''), (0, 0, False, ''), (0, 0, False, ''), (0, 0, False, ''))
>>> markers(">> nested quote")[0], markers(">Automatic=On)")[0]
(3, 0)
"""
from __future__ import annotations

import re

# not ">>>": the prompt of Python's interactive sessions and doctests, which code and manuals quote; a space
# after the last ">", as the engines write the marker (">Automatic" after "Hyphenation-" ends an arrow, "->")
_QUOTE = re.compile(r"(?!>>>)(?:>[ \t]?)*>[ \t]+(?=\S)")
_HEADING = re.compile(r"#{1,6}[ \t]+(?=\S)")
# the text inside starts and ends with neither mark: "*** Our Slogan ***" is a banner, no bold heading
_BOLD = re.compile(r"(\*\*|__)(?=[^\s*_])(.{1,120}?)(?<=[^\s*_])\1")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# tables, fenced code, links, and inline literals in doubled backticks (reStructuredText's ``code``, which
# markdown reads too): a VLM transcribing a printed page writes none of them
_MARKDOWN_STRUCTURE = re.compile(
    r"^[ \t]*\|[^\n]*\|[ \t]*$|^[ \t]*```|\]\([^)\s]+\)|^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\||"
    r"(?<!`)``[^`\s](?:[^`\n]*[^`\s])?``(?!`)", re.MULTILINE
)


def is_markdown_document(text: str) -> bool:
    """True when the text has structures only markdown (or reStructuredText) has: tables, fenced code, links,
    inline literals.

    >>> is_markdown_document("Pass ``--user`` or set ``PIP_USER``.\\n\\n**Security**\\n")
    True
    >>> is_markdown_document("`` quoted ''")
    False
    """
    # each structure lies within one line holding "|", "``" or "](": the regex reads those lines only
    marked = _lines_holding(text[:2_000_000], ("|", "``", "]("))
    return len(_MARKDOWN_STRUCTURE.findall("\n".join(marked))) >= 2


def _lines_holding(text: str, marks: tuple[str, ...]) -> list[str]:
    """The lines of ``text`` that hold one of ``marks`` (none holding a newline), in order, each once:
    found with str.find, so a text without the marks costs no pass over its lines.

    >>> _lines_holding("a | b\\nplain\\n[x](y) |\\n```", ("|", "```", "]("))
    ['a | b', '[x](y) |', '```']
    """
    spans = set()
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            spans.add((text.rfind("\n", 0, at) + 1, end))
            at = text.find(mark, end)
    return [text[start:end] for start, end in sorted(spans)]


def indented_code(indent: str) -> bool:
    """Is a line with this indentation code, where markdown sets no marker? Four columns or more, as CommonMark
    reads them (a tab reaching the next multiple of four): ``"\t\t# comment"`` in a manual's example is no heading.

    >>> indented_code("   "), indented_code("    "), indented_code("\t")
    (False, True, True)
    """
    return len(indent.expandtabs(4)) >= 4


def comment_block(content: str, neighbours: list[str]) -> bool:
    """Is the line ``content``, marked as a heading, one of a block of lines that each start with its "#"s
    (``neighbours``: the lines right above and below it, no blank line between)? Such a block is a script's or a
    configuration file's comments ("# Copyright ..." over "#    This program is free software"), not headings.

    >>> comment_block("# Older entries have been removed.", ["# To read them all, see the archive."])
    True
    >>> comment_block("# Chapter One", ["## The Voyage Out"]), comment_block("# Chapter One", ["The ship sailed."])
    (False, False)
    """
    hashes = content[:len(content) - len(content.lstrip("#"))]
    return any(line.startswith(hashes) and line[len(hashes):len(hashes) + 1] in ("", " ", "\t") for line in neighbours)


def comment_line(content: str, prefix: int, commented: bool) -> bool:
    """Is the line ``content``, marked as a heading by its first ``prefix`` characters, a comment: in a text that
    holds a block of comment lines (``commented``: :func:`comment_block`, "# Versija: 0.3." in a script's header),
    or opening with a lower-case letter, as no heading in print does ("# comma separated list of mirrors" over a
    configuration file's setting)?

    >>> comment_line("# list of mirrors", 2, False), comment_line("# Chapter One", 2, False)
    (True, False)
    >>> comment_line("# Version 3", 2, True)
    True
    """
    return commented or content[prefix:prefix + 1].islower()


def markers(content: str) -> tuple[int, int, bool, str]:
    """(prefix length, suffix length, is a heading, reason) of the markers around a line's content."""
    match = _QUOTE.match(content)
    if match:
        return match.end(), 0, False, "markdown quote marker"
    match = _HEADING.match(content)
    if match:
        return match.end(), 0, True, "markdown heading marker"
    match = _BOLD.fullmatch(content)
    if match and _LETTER_OR_DIGIT.search(match.group(2)):   # a rule of asterisks or underscores is no bold text
        width = len(match.group(1))
        return width, width, True, "markdown bold marker around a heading"
    return 0, 0, False, ""
