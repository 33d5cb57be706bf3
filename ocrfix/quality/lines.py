"""Line and layout signals: short, noisy, dense and cut lines, printed rules and table rows.

Set text fills its lines to the last line of a paragraph, so a line inside a
block that stops short while its sentence runs on (``cut_lines``) lost words at
its edge; damage clusters, so a line dense with visible errors hides more
(``dense_lines``). Rules ("-----", dot leaders) and the cells of a clear table
are typography, not misread text, and carry no mass. Also the per-character
classes (space, letter or digit, rule, control) every line count reads.
"""
from __future__ import annotations

from collections.abc import Sequence
import unicodedata

import numpy as np

from ocrfix.tokenspans import TokenSpans
from ocrfix.quality.features import COLUMN
from ocrfix.quality.shapes import CLOSING_QUOTES, EDGE_PUNCTUATION, HYPHENS
from ocrfix.quality.tokentable import TokenTable


#: A line shorter than this share of its page's median full line, with its sentence running on, is cut
#: (``cut_lines``). Lines of at least _FULL_LINE characters make the median, from _FULL_LINES of them on.
CUT_LINE_SHARE = 0.7
_FULL_LINE = 20
_FULL_LINES = 5
#: A line longer than this is no printed line but a paragraph or a whole text run into one (an export or a
#: dataset that keeps one line per paragraph or document): ``dense_lines`` measures it in windows of
#: LINE_WINDOW characters, the length of a line of book or typewritten text, so that damage clustered in a
#: few lines weighs as it does where the text keeps its lines.
LONG_LINE = 150
LINE_WINDOW = 65
_CLOSED_LINE_END = frozenset(".!?:;" + HYPHENS)


# The classes of characters the signals read, as bits of one table: one look-up per character of the text
# for all of them. No space is a letter, digit or rule character (some are control characters: "\x1c", "\x85").
SPACE_CLASS, ALNUM_CLASS, RULE_CLASS, CONTROL_CLASS = 1, 2, 4, 8


def _classes(char: str) -> int:
    """The class bits of ``char``.

    >>> _classes(" "), _classes("a"), _classes("-"), _classes("\\x07")
    (1, 2, 4, 8)
    """
    return (SPACE_CLASS * char.isspace() | ALNUM_CLASS * char.isalnum() | RULE_CLASS * (char in "-=_*~.·•—–‐+#")
            | CONTROL_CLASS * (unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v"))


# Per code point below 0x3002; all above: letters or symbols, never whitespace.
_TABLE_SIZE = 0x3002
CHAR_CLASSES = np.array([_classes(chr(code)) for code in range(_TABLE_SIZE)] + [ALNUM_CLASS], dtype=np.uint8)


def in_class(classes: np.ndarray, kind: int) -> np.ndarray:
    """Which of the characters (their ``classes``, from :data:`CHAR_CLASSES`) are of ``kind``."""
    return (classes & kind).astype(bool)


def line_density(evidence: np.ndarray, chars: np.ndarray, starts: np.ndarray, length: int, token_line: np.ndarray,
             token_starts: np.ndarray, token_evidence: np.ndarray) -> np.ndarray:
    """Per line: its word evidence squared over its characters (``dense_lines``); a line longer than LONG_LINE
    summed over windows of LINE_WINDOW characters (by where its tokens start), its evidence as the line's.

    >>> starts, chars = np.array([0, 11]), np.array([11.0, 200.0])
    >>> token_line, token_starts = np.array([0, 1, 1]), np.array([0, 11, 120])
    >>> evidence, token_evidence = np.array([2.0, 4.0]), np.array([2.0, 4.0, 0.0])
    >>> line_density(evidence, chars, starts, 211, token_line, token_starts, token_evidence).tolist()
    [0.36363636363636365, 0.24615384615384617]
    """
    dense = evidence * evidence / np.maximum(chars, 1.0)
    on_long = (chars > LONG_LINE)[token_line].nonzero()[0]
    if not len(on_long):
        return dense
    lines = token_line[on_long]
    window = (token_starts[on_long] - starts[lines]) // LINE_WINDOW
    per_line = int(window.max()) + 1
    keys, inverse = np.unique(lines * per_line + window, return_inverse=True)
    window_evidence = np.bincount(inverse, weights=token_evidence[on_long])
    window_line, first = keys // per_line, keys % per_line * LINE_WINDOW  # each window's line, its offset there
    ends = np.append(starts[1:] - 1, length)[window_line] - starts[window_line]  # each line's raw length
    span = np.maximum(np.minimum(first + LINE_WINDOW, ends) - first, 1)
    long_lines = np.unique(window_line)
    raw = np.bincount(window_line, weights=window_evidence, minlength=len(chars))[long_lines]
    summed = np.bincount(window_line, weights=window_evidence ** 2 / span, minlength=len(chars))[long_lines]
    scale = np.divide(evidence[long_lines], raw, out=np.zeros(len(long_lines)), where=raw > 0)
    dense[long_lines] = summed * scale * scale  # rows cleared as a table or rule stay cleared
    return dense


def cut_shortfalls(tokens: Sequence[str], tokens_per_line: np.ndarray, lower_start: np.ndarray, filled: np.ndarray,
                   page_of_line: np.ndarray, indents: np.ndarray) -> np.ndarray:
    """Per line: the characters by which a line cut short mid-sentence falls short of its page's median full line.

    ``tokens_per_line``: how many tokens each line holds; ``filled``: each
    line's characters, whitespace collapsed (-1 for a blank line);
    ``lower_start``: whether each token starts in lower case; ``indents``:
    each line's leading whitespace (:func:`line_indents`).

    Set text breaks a line where the next word does not fit, so a line is only
    cut where it does: the next line's first word, after a space, within the
    median full line (a long word or a URL that moved to the next line leaves
    a short line behind, and nothing is lost). Nor where no word of the line
    starts in lower case: a heading, a name or an address line ("Company
    Limited", "Glenlochy House") is short by design. And only inside a block of text
    set to one margin: the next line at its indentation and the line before not
    indented less. Where the indentation changes a new block begins (a man
    page's option text, a hanging indent, an indented heading). A page whose
    median full line is longer than :data:`LONG_LINE` keeps a paragraph a line,
    and its lines are no printed lines to cut.

    >>> full = "the quick brown fox jumps over the lazy dog and"
    >>> text = "\\n".join([full] * 3 + ["the quick brown", full, full, "the end of it."])
    >>> tokens = text.split()
    >>> counts = np.array([len(line.split()) for line in text.split("\\n")])
    >>> filled = np.array([len(line) for line in text.split("\\n")], dtype=float)
    >>> lower = np.array([t[0].islower() for t in tokens])
    >>> cut_shortfalls(tokens, counts, lower, filled, np.zeros(7, dtype=int), np.zeros(7, dtype=int)).tolist()
    [0.0, 0.0, 0.0, 32.0, 0.0, 0.0, 0.0]
    >>> cut_shortfalls(tokens, counts, lower, filled, np.zeros(7, dtype=int), np.array([0, 0, 0, 0, 2, 2, 2])).tolist()
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    """
    n_lines = len(filled)
    missing = np.zeros(n_lines)
    typical = _median_full_line(filled, page_of_line)[page_of_line]
    typical[typical > LONG_LINE] = 0.0  # paragraphs a line: none is cut
    # non-blank lines with non-blank lines before and after on the same page, at one margin with them
    inside = np.zeros(n_lines, dtype=bool)
    inside[1:-1] = ((filled[:-2] > 0) & (filled[2:] > 0) & (page_of_line[:-2] == page_of_line[2:])
                    & (indents[2:] == indents[1:-1]) & (indents[:-2] >= indents[1:-1]))
    candidates = (inside & (filled > 0) & (filled < CUT_LINE_SHARE * typical)).nonzero()[0]
    if not len(candidates):
        return missing
    last_token = np.cumsum(tokens_per_line) - 1  # of each line (lines with tokens)
    candidates = candidates[lower_start[last_token[candidates] + 1].astype(bool)]  # the next line runs on in lower case
    for line in candidates.tolist():
        last = int(last_token[line])
        wrapped = filled[line] + 1 + len(tokens[last + 1]) > typical[line]  # the next line's first word did not fit
        first = last + 1 - int(tokens_per_line[line])
        heading = not lower_start[first:last + 1].any()  # "Company Limited", "Glenlochy House"
        if not (wrapped or heading) and tokens[last].rstrip(CLOSING_QUOTES + ")]")[-1:] not in _CLOSED_LINE_END:
            missing[line] = typical[line] - filled[line]
    return missing


def line_indents(starts: np.ndarray, token_starts: np.ndarray, tokens_per_line: np.ndarray) -> np.ndarray:
    """Each line's leading whitespace in characters (0 for a blank line): where its first token starts.

    >>> line_indents(np.array([0, 6, 7]), np.array([2, 4, 9]), np.array([2, 0, 1])).tolist()
    [2, 0, 2]
    """
    first = np.cumsum(tokens_per_line) - tokens_per_line  # each line's first token (past the last for a blank line)
    has = tokens_per_line > 0
    indents = np.zeros(len(starts), dtype=np.int64)
    indents[has] = token_starts[first[has]] - starts[has]
    return indents


def _median_full_line(filled: np.ndarray, page_of_line: np.ndarray) -> np.ndarray:
    """Each page's median length of lines of at least ``_FULL_LINE`` characters (0 with fewer than ``_FULL_LINES``)."""
    pages = int(page_of_line[-1]) + 1 if len(page_of_line) else 0
    full = (filled >= _FULL_LINE).nonzero()[0]
    order = full[np.lexsort((filled[full], page_of_line[full]))]
    counts = np.bincount(page_of_line[order], minlength=pages)
    first = np.cumsum(counts) - counts
    sizes = filled[order]
    low, high = first + (counts - 1) // 2, first + counts // 2
    ok = counts >= _FULL_LINES
    median = np.zeros(pages)
    median[ok] = (sizes[low[ok]] + sizes[high[ok]]) / 2.0
    return median


def line_at(breaks: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The line of each character at ``positions`` (lines end at ``breaks``; a break belongs to the line it ends).

    >>> line_at(np.array([2, 5]), np.array([0, 2, 3, 6])).tolist()
    [0, 0, 1, 2]
    """
    return np.searchsorted(breaks, positions)


def count_per_line(flags: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """How many of ``flags`` (one per character) are set in each line (lines begin at ``starts``).

    Summed per line by ``reduceat``, without running sums as long as the text: every line but the last
    holds at least its break, so the starts rise strictly; the last line is empty when the text ends
    with a break.

    >>> count_per_line(np.array([True, False, True, True]), np.array([0, 2, 4])).tolist()
    [1, 2, 0]
    """
    counts = np.zeros(len(starts), dtype=np.int64)
    filled = int(np.searchsorted(starts, len(flags)))  # the lines that hold characters
    if filled:
        counts[:filled] = np.add.reduceat(flags, starts[:filled], dtype=np.int64)
    return counts


def group_sums(group: np.ndarray, rows: np.ndarray, groups: int) -> np.ndarray:
    """Column sums of ``rows`` (n × k) per ``group`` (n indices below ``groups``): one bincount for all k columns."""
    width = rows.shape[1]
    cells = (group[:, None] * width + np.arange(width)).ravel()
    return np.bincount(cells, weights=np.ascontiguousarray(rows).ravel(), minlength=groups * width).reshape(groups, width)


def clear_table_rows(codes: np.ndarray, space: np.ndarray, breaks: np.ndarray, n_lines: int,
                      masses: np.ndarray, alnum: np.ndarray, nonspace: np.ndarray) -> None:
    """Markdown table rows ("| a | b |", "|---|---|") are structure, not noise: their pipes and rules count for nothing.

    Changes ``masses`` and ``nonspace`` in place: a row's "|", "-" and ":" no
    longer count as symbols or odd characters, nor against its share of letters.
    """
    pipes = np.bincount(line_at(breaks, (codes == 124).nonzero()[0]), minlength=n_lines)
    candidates = (pipes >= 2).nonzero()[0]
    if not len(candidates):
        return
    filled = (~space).nonzero()[0]
    line_of = line_at(breaks, filled)
    first = np.searchsorted(line_of, candidates, side="left")
    last = np.searchsorted(line_of, candidates, side="right") - 1
    rows = candidates[(codes[filled[first]] == 124) & (codes[filled[last]] == 124)]
    if not len(rows):
        return
    structure = (codes == 124) | (codes == 45) | (codes == 58)  # | - :
    counts = np.bincount(line_at(breaks, structure.nonzero()[0]), minlength=n_lines)[rows]
    masses[rows, COLUMN["symbols"]] = 0.0
    masses[rows, COLUMN["odd_chars"]] = np.maximum(masses[rows, COLUMN["odd_chars"]] - pipes[rows], 0.0)
    nonspace[rows] = np.maximum(nonspace[rows] - counts, 0)
    # A rule row ("|---|:---:|") has nothing left and is no line of noise.
    alnum[rows] = np.where(nonspace[rows] == 0, 1, alnum[rows])


def find_rule_lines(rule: np.ndarray, starts: np.ndarray, nonspace: np.ndarray) -> np.ndarray:
    """The lines made only of three or more rule characters (``rule``: per character): "-----", "=====", "* * *".

    >>> classes = CHAR_CLASSES[[ord(char) for char in "ab\\n-- --\\n* * *"]]
    >>> starts = np.array([0, 3, 9])
    >>> find_rule_lines(in_class(classes, RULE_CLASS), starts, count_per_line(~in_class(classes, SPACE_CLASS), starts))
    array([1, 2])
    """
    ruled = count_per_line(rule, starts)
    return ((ruled == nonspace) & (nonspace >= 3)).nonzero()[0]


def line_end_hyphens(table: TokenTable, tokens: TokenSpans, token_line: np.ndarray,
                      hyphen: np.ndarray) -> list[int]:
    """The tokens of words hyphenated at a line end ("com-" / "petitors") whose halves join to a known word:
    their masses are cleared."""
    ends = (hyphen[:-1].astype(bool) & (token_line[:-1] != token_line[1:])).nonzero()[0]
    cleared = []
    for index, head, tail in zip(ends.tolist(), tokens.texts(ends), tokens.texts(ends + 1)):
        joined = head[:-1].lstrip(EDGE_PUNCTUATION) + tail.rstrip(EDGE_PUNCTUATION)
        if table.lex.zipf(joined) > 0.0:
            cleared += [index, index + 1]
    return cleared
