"""A function word printed with a capital inside a sentence: "in receipt Of the letter", "a college Or training
centre", "which we have So long enjoyed". Engines that size letters by their neighbours read the lower-case o, s
as their capitals, which differ in size alone (typewriter faces above all). English capitalises these words at a
sentence's start and in titles, where the words around are capitalised too ("the Isle of Man", "Minutes of a
Meeting"); between two lower-case words on one line they are lower case. Words that often open a sentence whose
full stop the engine lost ("the end The next", "day In the") are left alone: only these seldom open one."""
from __future__ import annotations

from typing import Iterator

import regex

# "Of", "Or", "On", "So": capitals shaped as their lower case but for size, in words that seldom open a sentence
# (not "The", "In", "To", "At", "It": "Component options⏎At least one", a heading run into its text)
# The word before stands after another word on its line or opens a line inside a paragraph: a paragraph's first
# "word" may be its number misread ("to On the seventh day" for a verse's "10").
MISCASED = regex.compile(r"(?<=(?:[^\s][ \t]+|[^\s][ \t]*\n)\p{Ll}+[ \t]+)(?:Of|Or|On|So)(?=[ \t]+[\p{Ll}\p{N}£$])")


def miscased_function_words(text: str) -> Iterator[regex.Match]:
    """Each capitalised "Of", "Or", "On" or "So" after a lower-case word and before a lower-case word or a number,
    on one line, the word before not a paragraph's first: a lower-case word misread (see the module's doc).

    >>> [m.group() for m in miscased_function_words("in receipt Of the 28th, authorities Or voluntary bodies")]
    ['Of', 'Or']
    >>> list(miscased_function_words("Minutes of a Meeting Of Directors. On the day, the Isle Of Man, end\\nOn it\\n\\n"
    ...                              "to On the seventh day"))
    []
    """
    return MISCASED.finditer(text)
