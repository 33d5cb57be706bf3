"""Lay source blocks out as pages: typewritten office letters and book pages.

The typesetter decides every printed line and where it stands, and from that
one decision derives the three truths of a document:

* the **diplomatic** ground truth: each printed line as it stands, pages
  separated by a form feed;
* the **logical** ground truth: the source blocks, a paragraph per line,
  blocks separated by a blank line, words hyphenated at a line end joined and
  compounds keeping their own hyphen, no running heads, page numbers or
  catchwords;
* the **labels**: each diplomatic line's kind and each line-end hyphen's kind
  (``inserted`` by hyphenation or part of a ``compound``).

Positions are in points (1/72 inch) from the page's top left corner.

>>> font = FONTS["Courier Prime"]
>>> doc = typeset_letter(parse_example(), font, random.Random(1))
>>> doc.pages[0].lines[0].kind
'letter_block'
"""
from __future__ import annotations

import random
import re
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Callable

from ocrfix.errors import OcrfixError
from ocrfix.synth.texts import Block, parse_written

PT_PER_INCH = 72.0


@dataclass(frozen=True)
class Font:
    """A font file, and whether it is a typewriter face (monospaced, 10 pitch)."""

    name: str
    path: str
    monospaced: bool

    @cached_property
    def _unit(self):
        from PIL import ImageFont

        return ImageFont.truetype(self.path, 1000)

    def measure(self, text: str, size: float) -> float:
        """Advance width of ``text`` at ``size`` points, in points."""
        return self._unit.getlength(text) * size / 1000.0

    def covers(self, text: str) -> bool:
        """Whether the font has a glyph for every character of ``text``."""
        return not (set(text) - {" ", "\n", "\f"}) & self._missing_characters(frozenset(text))

    def _missing_characters(self, characters: frozenset[str]) -> set[str]:
        return {ch for ch in characters if not _has_glyph(self.path, ch)}


@lru_cache(maxsize=None)
def _has_glyph(path: str, ch: str) -> bool:
    """Whether the font draws ``ch`` as something other than its "missing glyph" box. The drawings are
    compared pixel for pixel: in a monospaced face a letter can fill the same box ("Q" in DejaVu Sans Mono)."""
    from PIL import ImageFont

    if ch.isspace():
        return True
    font = ImageFont.truetype(path, 48)
    drawn, missing = font.getmask(ch), font.getmask("\uffff")
    return drawn.size != missing.size or bytes(drawn) != bytes(missing)


FONTS = {font.name: font for font in (
    Font("Courier Prime", "/usr/share/fonts/opentype/courier-prime/Courier Prime.otf", True),
    Font("GNU Typewriter", "/usr/share/fonts/truetype/gnutypewriter/GNUTypewriter.ttf", True),
    Font("Nimbus Mono PS", "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf", True),
    Font("EB Garamond", "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf", False),
    Font("Linux Libertine", "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf", False),
    Font("TeX Gyre Termes", "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyretermes-regular.otf", False),
    Font("TeX Gyre Pagella", "/usr/share/texmf/fonts/opentype/public/tex-gyre/texgyrepagella-regular.otf", False),
)}
LETTER_FONTS = tuple(name for name, font in FONTS.items() if font.monospaced)
BOOK_FONTS = tuple(name for name, font in FONTS.items() if not font.monospaced)


def get_font(name: str) -> Font:
    """The font called ``name``; unknown names and missing files are errors."""
    font = FONTS.get(name)
    if font is None:
        raise OcrfixError(f"unknown font {name!r} (known: {', '.join(FONTS)})")
    if not Path(font.path).is_file():
        raise OcrfixError(f"font {name!r} is not installed", font.path)
    return font


@dataclass
class Run:
    """Text drawn from ``x`` on a line; typewriter runs advance one pitch per character."""

    x: float
    text: str


@dataclass
class PrintedLine:
    text: str
    kind: str               # body, letter_block, heading, running_head, page_number, catchword, blank
    baseline: float = 0.0
    runs: list[Run] = field(default_factory=list)
    hyphen: dict | None = None   # line-end hyphen: {"kind": ..., "next": ..., "joined": ...}


@dataclass
class Page:
    number: int             # 1-based position in the document
    width: float
    height: float
    lines: list[PrintedLine]


@dataclass
class Typeset:
    """A laid-out document: its pages, the font size, and its logical text."""

    pages: list[Page]
    font: Font
    size: float
    logical: str
    settings: dict

    @property
    def diplomatic(self) -> str:
        return "\f".join("\n".join(line.text for line in page.lines) for page in self.pages) + "\n"

    @property
    def labels(self) -> dict:
        lines, hyphens = [], []
        for page in self.pages:
            for number, line in enumerate(page.lines, 1):
                lines.append({"page": page.number, "line": number, "text": line.text, "kind": line.kind})
                if line.hyphen:
                    hyphens.append({"page": page.number, "line": number, "text": line.text.split(" ")[-1],
                                    **line.hyphen})
        return {"lines": lines, "hyphens": hyphens}


# --- line breaking -----------------------------------------------------------

_WORD = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


@lru_cache(maxsize=4)
def _hyphenator(lang: str):
    import pyphen

    return pyphen.Pyphen(lang=lang)


def split_candidates(token: str, *, hyphenate: bool, lang: str = "en_GB") -> list[tuple[str, str, str]]:
    """Ways to break ``token`` at a line end: ``(head, tail, kind)``, longest head first.

    A compound breaks after its own hyphen (``kind="compound"``); other words at
    the hyphenation points of the dictionary, with a hyphen inserted.

    >>> split_candidates("well-known,", hyphenate=True)
    [('well-', 'known,', 'compound')]
    >>> split_candidates("consideration", hyphenate=True)[0]
    ('considera-', 'tion', 'inserted')
    """
    lead, core, trail = _WORD.match(token).groups()
    if "-" in core:
        parts = [m.end() for m in re.finditer(r"(?<=\w)-(?=\w)", core)]
        return [(lead + core[:p], core[p:] + trail, "compound") for p in reversed(parts)
                if len(core[:p]) >= 3 and len(core[p:]) >= 2]
    if not hyphenate or not core.isalpha() or len(core) < 6 or not core[1:].islower():
        return []
    points = _hyphenator(lang).positions(core)
    return [(lead + core[:p] + "-", core[p:] + trail, "inserted") for p in reversed(points)
            if p >= 2 and len(core) - p >= 3]


@dataclass
class BrokenLine:
    words: list[str]
    hyphen: dict | None     # set when the line ends in a hyphen: kind, next, joined
    last: bool              # the paragraph's last line


def break_paragraph(text: str, widths: Callable[[int], float], measure: Callable[[str], float], *,
                    hyphenate: bool, min_room: float, min_word: int = 6) -> list[BrokenLine]:
    """Greedy line breaking of one paragraph with compound and inserted hyphens.

    ``widths(i)`` is the room on line ``i``; a word that does not fit is broken
    when a head of it fits and at least ``min_room`` would otherwise stay empty.
    """
    pending = deque(text.split())
    lines: list[BrokenLine] = []
    current: list[str] = []
    run_of_hyphens = 0
    while pending:
        word = pending.popleft()
        room = widths(len(lines))
        if measure(" ".join([*current, word])) <= room:
            current.append(word)
            continue
        used = measure(" ".join(current) + " ") if current else 0.0
        split = None
        if room - used >= min_room and run_of_hyphens < 2:
            core = _WORD.match(word).group(2)
            for head, tail, kind in split_candidates(word, hyphenate=hyphenate and len(core) >= min_word):
                if used + measure(head) <= room:
                    split = (head, tail, kind)
                    break
        if split:
            head, tail, kind = split
            joined = (head[:-1] if kind == "inserted" else head) + tail
            lines.append(BrokenLine([*current, head], {"kind": kind, "next": tail, "joined": joined}, False))
            pending.appendleft(tail)
            current, run_of_hyphens = [], run_of_hyphens + 1
        elif current:
            lines.append(BrokenLine(current, None, False))
            pending.appendleft(word)
            current, run_of_hyphens = [], 0
        else:                      # a word longer than the line: set it alone
            lines.append(BrokenLine([word], None, False))
            run_of_hyphens = 0
    if current:
        lines.append(BrokenLine(current, None, True))
    elif lines:
        lines[-1].last = True
    return lines


def logical_text(blocks: list[Block]) -> str:
    """The logical ground truth of ``blocks``: lines of a block, blocks separated by a blank line."""
    return "\n\n".join("\n".join(block.lines) for block in blocks) + "\n"


# --- typewritten letters ---------------------------------------------------------

PITCH = 7.2            # 10 characters to the inch
LINE = 12.0            # 6 lines to the inch
A4 = (595.3, 841.9)
CLOSING_GROUP = -1     # the closing and the signature stay on one page
LETTER_BLOCK_KINDS = {"letterhead", "date", "addressee", "salutation", "closing", "signature"}


@dataclass
class _Slot:
    """One typed line before pagination: its text, kind, starting column, hyphen."""

    text: str
    kind: str
    column: int
    hyphen: dict | None = None
    keep: int = 0          # a group id: slots of one group stay on one page


def typeset_letter(blocks: list[Block], font: Font, rng: random.Random) -> Typeset:
    """Typewritten pages on A4 at 10 pitch, 6 lines to the inch.

    Letter blocks and headings keep their lines; paragraphs are block
    paragraphs; continuation pages carry a running head with the page number
    and every page that continues ends with a catchword ``/word``.
    """
    size = PITCH * 1000.0 / font._unit.getlength("M")      # the size whose advance is 1/10 inch
    margin = rng.choice((10, 11, 12))
    width = rng.choice((60, 62, 64, 65))
    top, bottom = 6, rng.choice((62, 63, 64))               # first and last usable slot
    closing_column = rng.choice((0, width // 2))
    head_style = rng.choice(("number", "addressee"))
    slots: list[_Slot] = []

    def measure(text: str) -> float:
        return float(len(text))

    def blank() -> None:
        if slots and slots[-1].kind != "blank":
            slots.append(_Slot("", "blank", 0))

    for group, block in enumerate(blocks, 1):
        kind = block.kind
        line_kind = "letter_block" if kind in LETTER_BLOCK_KINDS else "heading" if kind in (
            "subject", "title", "heading", "break") else "body"
        keep = 0 if kind == "paragraph" else CLOSING_GROUP if kind in ("closing", "signature") else group
        if kind == "signature":
            slots.extend(_Slot("", "blank", 0, keep=CLOSING_GROUP) for _ in range(3))   # room to sign
        for source_line in block.lines:
            broken = break_paragraph(source_line, lambda i: width, measure, hyphenate=kind == "paragraph",
                                     min_room=6, min_word=8)
            for line in broken:
                text = " ".join(line.words)
                if kind == "date":
                    column = width - len(text)
                elif kind in ("title", "break", "letterhead"):
                    column = max(0, (width - len(text)) // 2)
                elif kind in ("closing", "signature"):
                    column = closing_column
                else:
                    column = 0
                slots.append(_Slot(text, line_kind, column, line.hyphen, keep=keep))
        if kind != "closing":
            blank()
    while slots and slots[-1].kind == "blank":
        slots.pop()

    addressee = next((b.lines[0] for b in blocks if b.kind == "addressee"), None)
    date = next((b.lines[0] for b in blocks if b.kind == "date"), None)
    pages: list[list[_Slot]] = []
    position = 0
    while position < len(slots):
        first_slot = 4 if not pages else top + 2                 # room for the running head
        capacity = bottom - first_slot - 1                        # a slot kept for the catchword
        page: list[_Slot] = []
        while position < len(slots) and len(page) < capacity:
            slot = slots[position]
            if slot.kind == "blank" and not page:
                position += 1
                continue
            if slot.keep:
                group_end = position
                while group_end < len(slots) and slots[group_end].keep == slot.keep:
                    group_end += 1
                size_of_group = group_end - position
                if len(page) + size_of_group > capacity and size_of_group <= capacity and page:
                    break
            page.append(slot)
            position += 1
        while page and page[-1].kind == "blank":
            page.pop()
        pages.append(page)

    result: list[Page] = []
    for index, page_slots in enumerate(pages):
        number = index + 1
        lines: list[PrintedLine] = []
        slot_number = 4 if index == 0 else top
        if index:
            if head_style == "addressee" and addressee and date:
                gap = max(3, width - len(addressee) - len(date) - 5)
                head = f"{addressee}{' ' * (gap // 2)}- {number} -{' ' * (gap - gap // 2)}{date}"
                lines.append(_typed(" ".join(head.split()), "running_head", margin, 0, slot_number, head))
            else:
                head = f"- {number} -"
                lines.append(_typed(head, "page_number", margin, (width - len(head)) // 2, slot_number, head))
            lines.append(PrintedLine("", "blank"))
            slot_number += 2
        for slot in page_slots:
            if slot.kind == "blank":
                if lines and lines[-1].kind != "blank":
                    lines.append(PrintedLine("", "blank"))
            else:
                line = _typed(slot.text, slot.kind, margin, slot.column, slot_number, slot.text)
                line.hyphen = slot.hyphen
                lines.append(line)
            slot_number += 1
        if index + 1 < len(pages):
            following = next(s.text for s in pages[index + 1] if s.kind != "blank")
            word = following.split()[0].strip(".,;:()\"'")
            catch = f"/{word}"
            lines.append(PrintedLine("", "blank"))
            lines.append(_typed(catch, "catchword", margin, width - len(catch), bottom, catch))
        result.append(Page(number, A4[0], A4[1], lines))
    settings = {"page": "A4", "pitch": 10, "lines_per_inch": 6, "font_size": round(size, 2),
                "left_margin_columns": margin, "line_columns": width, "last_line_slot": bottom,
                "closing_column": closing_column, "running_head": head_style, "hyphenation": "pyphen en_GB"}
    return Typeset(result, font, size, logical_text(blocks), settings)


def _typed(text: str, kind: str, margin: int, column: int, slot: int, drawn: str) -> PrintedLine:
    run = Run((margin + column) * PITCH + 0.0, drawn)
    return PrintedLine(text, kind, baseline=(slot + 1) * LINE, runs=[run])


# --- book pages -------------------------------------------------------------------

BOOK_PAGE = (378.0, 576.0)        # 5.25 x 8 inches


def typeset_book(blocks: list[Block], font: Font, rng: random.Random, *, title: str,
                 first_page: int, opens_chapter: bool) -> Typeset:
    """Justified book pages with indented paragraphs, running heads and page numbers."""
    size = rng.choice((10.5, 11.0, 11.5))
    leading = round(size * rng.choice((1.2, 1.25, 1.3)), 2)
    page_w, page_h = BOOK_PAGE
    inner, outer, top_margin, bottom_margin = 54.0, 45.0, 50.0, 54.0
    text_width = page_w - inner - outer
    indent = size * 1.5
    style = rng.choice(("head-number", "head-foot"))
    rows = int((page_h - top_margin - bottom_margin) / leading)      # body rows below the head rows

    def measure(text: str) -> float:
        return font.measure(text, size)

    items: list[tuple[str, str, list[str] | None, dict | None, bool]] = []   # text, kind, words, hyphen, last
    after_heading = True
    for block in blocks:
        if block.kind in ("title", "heading"):
            if items:
                items.append(("", "blank", None, None, True))
            for text in block.lines:
                items.append((text, "heading", None, None, True))
            items.append(("", "blank", None, None, True))
            after_heading = True
            continue
        if block.kind == "break":
            items.extend([("", "blank", None, None, True), (block.lines[0], "heading", None, None, True),
                          ("", "blank", None, None, True)])
            after_heading = True
            continue
        first_indent = 0.0 if after_heading else indent
        broken = break_paragraph(block.lines[0], lambda i: text_width - (first_indent if i == 0 else 0.0),
                                 measure, hyphenate=True, min_room=size * 1.2, min_word=6)
        for number, line in enumerate(broken):
            words = list(line.words)
            if number == 0 and first_indent:
                words = ["\t", *words]
            items.append((" ".join(line.words), "body", words, line.hyphen, line.last))
        after_heading = False

    pages: list[Page] = []
    position = 0
    while position < len(items):
        number = first_page + len(pages)
        recto = number % 2 == 1
        left = inner if recto else outer
        chapter_page = opens_chapter and not pages
        lines: list[PrintedLine] = []
        body_top = top_margin + leading * 2
        if not chapter_page:
            head_title = title.upper() if len(title) < 48 else title.upper()[:45].rsplit(" ", 1)[0]
            baseline = top_margin
            head_size = size * 0.85
            title_width = font.measure(head_title, head_size)
            title_x = left + (text_width - title_width) / 2
            if style == "head-number":
                number_text = str(number)
                number_x = left + text_width - font.measure(number_text, size) if recto else left
                runs = sorted([Run(number_x, number_text), Run(title_x, head_title)], key=lambda r: r.x)
                lines.append(PrintedLine(" ".join(r.text for r in runs), "running_head", baseline, runs))
            else:
                lines.append(PrintedLine(head_title, "running_head", baseline, [Run(title_x, head_title)]))
            lines.append(PrintedLine("", "blank"))
        else:
            body_top = top_margin + leading * 6
        capacity = int((page_h - bottom_margin - body_top) / leading) + 1
        row = 0
        while position < len(items) and row < capacity:
            text, kind, words, hyphen, last = items[position]
            if kind == "blank" and row == 0:
                position += 1
                continue
            if kind == "heading" and row >= capacity - 3:
                break
            baseline = body_top + row * leading
            if kind == "blank":
                lines.append(PrintedLine("", "blank"))
            elif kind == "heading":
                width = measure(text)
                lines.append(PrintedLine(text, "heading", baseline, [Run(left + (text_width - width) / 2, text)]))
            else:
                lines.append(PrintedLine(text, "body", baseline,
                                         _justify(words, left, text_width, indent, measure, justify=not last),
                                         hyphen))
            row += 1
            position += 1
        while lines and lines[-1].kind == "blank":
            lines.pop()
        if style == "head-foot" or chapter_page:
            number_text = str(number)
            baseline = page_h - bottom_margin + leading * 1.5
            x = left + (text_width - font.measure(number_text, size)) / 2
            lines.append(PrintedLine("", "blank"))
            lines.append(PrintedLine(number_text, "page_number", baseline, [Run(x, number_text)]))
        pages.append(Page(len(pages) + 1, page_w, page_h, lines))
    settings = {"page": "5.25x8in", "font_size": size, "leading": leading, "text_width_pt": round(text_width, 1),
                "indent_em": 1.5, "running_head": style, "first_page_number": first_page,
                "opens_chapter": opens_chapter, "justified": True, "hyphenation": "pyphen en_GB"}
    return Typeset(pages, font, size, logical_text(blocks), settings)


def _justify(words: list[str], left: float, width: float, indent: float, measure: Callable[[str], float], *,
             justify: bool) -> list[Run]:
    x = left
    if words and words[0] == "\t":
        words, x, width = words[1:], left + indent, width - indent
    space = measure(" ")
    natural = sum(measure(w) for w in words) + space * (len(words) - 1)
    gap = space
    if justify and len(words) > 1:
        gap = space + (width - natural) / (len(words) - 1)
    runs = []
    for word in words:
        runs.append(Run(x, word))
        x += measure(word) + gap
    return runs


def parse_example() -> list[Block]:
    """A small letter, for doctests and the end-to-end test."""
    return parse_written(
        "LETTERHEAD:\nDepartment of Transport\nMarsham Street\nLondon SW1P 3EB\n\nDATE:\n2 May 1984\n\n"
        "ADDRESSEE:\nThe Clerk\nNorthshire County Council\n\nSALUTATION:\nDear Sir,\n\n"
        "BODY:\nThank you for your letter about the proposed by-pass. The long-term programme is "
        "under consideration and a decision will be announced in the autumn.\n\n"
        "CLOSING:\nYours faithfully,\n\nSIGNATURE:\nR. Hughes\n", "letter")
