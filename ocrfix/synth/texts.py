"""Source texts for the synthetic corpus, parsed into typed blocks.

Two kinds of source are read:

* the project's own prose in ``corpus/texts/written/`` (``letter_*.txt``,
  ``minute_*.txt``, ``report_*.txt``, ``book_*.txt``; the format is described in
  that folder's ``FORMAT.md``);
* public-domain prose installed by a Debian package (the SQLite documentation
  in ``sqlite3-doc``), reduced to its plain paragraphs.

Every source becomes a :class:`Source`: a list of :class:`Block` objects whose
lines are exactly the logical ground truth the typesetter prints.

>>> blocks = parse_written("LETTERHEAD:\\nHM Treasury\\n\\nBODY:\\nOne.\\n\\nTwo.\\n", "letter")
>>> [(b.kind, b.lines) for b in blocks]
[('letterhead', ('HM Treasury',)), ('paragraph', ('One.',)), ('paragraph', ('Two.',))]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ocrfix.errors import OcrfixError
from ocrfix.io import read_text

WRITTEN_DIR = Path(__file__).resolve().parent.parent.parent / "corpus" / "texts" / "written"
WRITTEN_LICENCE = "CC0 1.0, written for the ocrfix project (corpus/texts/written/SOURCE.md)"
SQLITE_DOC_DIR = Path("/usr/share/doc/sqlite3")
SQLITE_LICENCE = "public domain (Debian package sqlite3-doc; /usr/share/doc/sqlite3-doc/copyright: 'License: public-domain')"
# Essay-like pages of the SQLite documentation: prose paragraphs, little code.
SQLITE_PAGES = ("about", "whentouse", "different", "serverless", "zeroconf", "selfcontained",
                "transactional", "flextypegood", "lts", "fasterthanfs", "codeofethics",
                "onefile", "mostdeployed", "useovernet", "hirely", "howtocorrupt", "testing",
                "atomiccommit", "lockingv3", "quirks", "qmplan", "assert")

LETTER_LABELS = {"LETTERHEAD:": "letterhead", "DATE:": "date", "ADDRESSEE:": "addressee",
                 "SALUTATION:": "salutation", "SUBJECT:": "subject", "BODY:": "paragraph",
                 "CLOSING:": "closing", "SIGNATURE:": "signature"}
SECTION_BREAK = "* * *"


@dataclass(frozen=True)
class Block:
    """A run of printed lines with one role.

    ``kind`` is a letter block (``letterhead``, ``date``, ``addressee``,
    ``salutation``, ``subject``, ``closing``, ``signature``), ``title``,
    ``heading``, ``paragraph`` (one line: the whole paragraph) or ``break``.
    """

    kind: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    """One source text: its blocks, where it came from and under which licence."""

    id: str
    genre: str          # letter, minute, report, book
    title: str
    blocks: tuple[Block, ...]
    path: str
    licence: str

    @property
    def chars(self) -> int:
        return sum(len(line) for block in self.blocks for line in block.lines)


def parse_written(text: str, genre: str) -> list[Block]:
    """Parse one written text (format of ``corpus/texts/written/FORMAT.md``) into blocks."""
    lines = text.replace("\r\n", "\n").split("\n")
    if genre == "letter":
        return _parse_letter(lines)
    return _parse_prose(lines, genre)


def _parse_letter(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    kind: str | None = None
    current: list[str] = []

    def flush() -> None:
        if kind is None or not current:
            return
        if kind == "paragraph":
            blocks.extend(Block("paragraph", (line,)) for line in current)
        else:
            blocks.append(Block(kind, tuple(current)))

    for line in lines:
        stripped = line.strip()
        if stripped in LETTER_LABELS:
            flush()
            kind, current = LETTER_LABELS[stripped], []
        elif stripped:
            current.append(stripped)
    flush()
    return blocks


def _is_heading(line: str) -> bool:
    return len(line) < 70 and not line.rstrip().endswith((".", ":", ";", ",", "?", "!", '"'))


def _parse_prose(lines: list[str], genre: str) -> list[Block]:
    chunks = [chunk for chunk in "\n".join(lines).strip().split("\n\n") if chunk.strip()]
    if not chunks:
        return []
    blocks = [Block("title", tuple(line.strip() for line in chunks[0].split("\n") if line.strip()))]
    for chunk in chunks[1:]:
        for line in (line.strip() for line in chunk.split("\n")):
            if not line:
                continue
            if line == SECTION_BREAK:
                blocks.append(Block("break", (line,)))
            elif genre != "book" and _is_heading(line):
                blocks.append(Block("heading", (line,)))
            else:
                blocks.append(Block("paragraph", (line,)))
    return blocks


def load_written(folder: Path = WRITTEN_DIR) -> list[Source]:
    """The project's own texts, sorted by file name."""
    sources = []
    for path in sorted(folder.glob("*.txt")):
        genre = path.name.split("_", 1)[0]
        if genre not in ("letter", "minute", "report", "book"):
            continue
        blocks = parse_written(read_text(path), genre)
        if not blocks:
            continue
        title = next((b.lines[0] for b in blocks if b.kind in ("subject", "title")), path.stem)
        sources.append(Source(path.stem, genre, title, tuple(blocks), _display_path(path), WRITTEN_LICENCE))
    return sources


def load_sqlite_docs(folder: Path = SQLITE_DOC_DIR, pages: tuple[str, ...] = SQLITE_PAGES) -> list[Source]:
    """Prose paragraphs of the public-domain SQLite documentation, one source per page."""
    from lxml import html

    sources = []
    for name in pages:
        path = folder / f"{name}.html"
        if not path.is_file():
            continue
        tree = html.fromstring(path.read_bytes())
        title = " ".join((tree.findtext(".//title") or name).split())
        paragraphs = [_clean(" ".join(p.text_content().split())) for p in tree.iter("p")]
        paragraphs = [p for p in paragraphs if _is_prose(p)]
        if len(paragraphs) < 3:
            continue
        blocks = (Block("title", (title,)), *(Block("paragraph", (p,)) for p in paragraphs))
        sources.append(Source(f"sqlite_{name}", "book", title, blocks, str(path), SQLITE_LICENCE))
    return sources


_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                              "\u2014": " - ", "\u2013": "-", "\u00a0": " ", "\u2026": "..."})


def _clean(paragraph: str) -> str:
    return " ".join(paragraph.translate(_TYPOGRAPHIC).split())


def _is_prose(paragraph: str) -> bool:
    if len(paragraph) < 160 or not paragraph.endswith((".", ":", "?", ")")):
        return False
    letters = sum(ch.isalpha() or ch == " " for ch in paragraph)
    return letters / len(paragraph) > 0.93 and not re.search(r"[<>{}\[\]=;_/\\]|\w\(|\.\w+\(", paragraph)


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(WRITTEN_DIR.parent.parent.parent))
    except ValueError:
        return str(path)


def load_all(written: Path = WRITTEN_DIR, sqlite_docs: Path | None = SQLITE_DOC_DIR) -> list[Source]:
    """Every available source: the written texts, then the SQLite pages if installed."""
    if not written.is_dir():
        raise OcrfixError("no such texts folder", written)
    sources = load_written(written)
    if sqlite_docs is not None and sqlite_docs.is_dir():
        sources.extend(load_sqlite_docs(sqlite_docs))
    if not sources:
        raise OcrfixError("no source texts (letter_*.txt, book_*.txt ...) in the folder", written)
    return sources
