"""Make the layout test fixtures: pages typeset here with Pillow, OCR'd by Tesseract.

Run from the repository root: ``.venv/bin/python tests/data/layout/make_fixtures.py``.
Writes, per document, NAME.ocr.txt (Tesseract 5 plain text, pages separated by
form feeds), NAME.gt.txt (the logical ground truth: paragraphs one per line,
letter blocks one line per printed line, no running heads, page numbers or
catchwords), NAME.diplomatic.txt (each printed line, pages separated by form
feeds) and NAME.labels.json (line and hyphen kinds, in the corpus's label
format). The prose is written for these tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
MONO = "/usr/share/fonts/opentype/courier-prime/Courier Prime.otf"
SERIF = "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf"
DPI = 200

PARAGRAPHS = [
    "Thank you for your letter of 3 May about the re-establishment of the joint working party on "
    "agricultural statistics. We have considered the proposal carefully and, subject to the points "
    "below, the Department would welcome an early meeting to settle the terms of reference.",
    "The principal difficulty is one of timing. The annual returns from the county offices reach us "
    "in the second half of September, and the reconciliation of the regional figures with the national "
    "totals occupies most of October. A meeting before the middle of November would therefore find us "
    "without the information that the working party would most need.",
    "There is also the question of membership. Our understanding is that the Ministry would wish to "
    "nominate two representatives and the Board one, with a secretary provided by this Department. We "
    "see no objection to that arrangement, but we think the chairman should be independent of all three "
    "bodies, so that the policy-making functions of the Departments are kept distinct from the technical "
    "work of the party.",
    "Finally, the Treasury has asked to be kept informed of any recommendations which would have "
    "financial consequences. I suggest that the secretary should send the Treasury copies of the papers "
    "as a matter of course, and that a representative should be invited whenever expenditure is discussed.",
    "I am copying this letter to the private secretaries of the other Departments concerned, and to the "
    "head of the statistical service, whose advice on the questionnaire would be particularly valuable "
    "at this stage of the discussions.",
]

BOOK = [
    "The history of the provincial post office is, in large part, the history of the roads on which it "
    "depended. Before the turnpike trusts had done their work, a letter from the capital to a market town "
    "in the west might take a week in winter, and the carriers who took it were answerable to nobody for "
    "its safe delivery.",
    "It was the introduction of the mail coach that altered this state of affairs. The coaches ran to a "
    "timetable, carried an armed guard, and were exempt from the tolls which had made the ordinary "
    "carrier's trade so uncertain; within a few years the time taken by a letter between the principal "
    "towns had been reduced by more than half, and the well-to-do merchants who depended upon the post "
    "became its most vocal supporters.",
    "The reform was not achieved without opposition. The innkeepers who had supplied horses to the old "
    "post boys found their trade diminished, and the surveyors of the old establishment regarded the "
    "newcomers with a suspicion that was not always unjustified. Yet the advantages were so evident that "
    "within a generation the mail coach had become the very emblem of national communication, and its "
    "arrival was the principal event of the day in many a country town.",
    "Much of what we know of the working of the system comes from the letter-books of the surveyors "
    "themselves, who reported with remarkable candour on the state of the roads, the conduct of the "
    "postmasters, and the complaints of the public. Their correspondence reveals an administration "
    "that was at once centralised and extraordinarily dependent upon the goodwill of local men.",
    "The Anglo-Scottish routes presented particular difficulties. The distances were great, the "
    "population thin, and the weather in the northern counties frequently impassable for several weeks "
    "in succession; the surveyors' reports from these districts are full of complaints about broken "
    "bridges, flooded fords and the unreliability of the contractors.",
]


def hyphenate_wrap(text: str, width: int) -> list[tuple[str, str | None]]:
    """Wrap at ``width`` characters; long words are broken with an inserted hyphen; compounds break at their own."""
    lines: list[tuple[str, str | None]] = []
    words = text.split()
    current = ""
    while words:
        word = words.pop(0)
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:
            current = candidate
            continue
        room = width - len(current) - (1 if current else 0) - 1
        if "-" in word and 0 < word.index("-") + 1 <= room + 1:
            cut = word.index("-") + 1
            lines.append((f"{current} {word[:cut]}".strip(), "compound"))
            words.insert(0, word[cut:])
            current = ""
            continue
        core = word.rstrip(".,;:")
        if len(core) >= 8 and room >= 3:
            vowels = "aeiou"
            cut = max((i for i in range(3, min(room, len(core) - 3) + 1)
                       if core[i - 1] in vowels and core[i] not in vowels), default=0)
            if cut:
                lines.append((f"{current} {word[:cut]}-".strip(), "inserted"))
                words.insert(0, word[cut:])
                current = ""
                continue
        lines.append((current, None))
        current = word
    if current:
        lines.append((current, None))
    return lines


Printed = tuple  # (x offset, text, kind, hyphen kind or None)


def render(pages: list[list[Printed]], font: str, size: int, leading: int, name: str) -> str:
    texts = []
    with tempfile.TemporaryDirectory() as folder:
        for number, page in enumerate(pages):
            image = Image.new("L", (1700, 2300), 255)
            draw = ImageDraw.Draw(image)
            face = ImageFont.truetype(font, size)
            y = 160
            for x, line, _, _ in page:
                draw.text((170 + x, y), line, font=face, fill=0)
                y += leading
            path = Path(folder) / f"{name}-{number}.png"
            image.save(path, dpi=(DPI, DPI))
            result = subprocess.run(["tesseract", str(path), "-", "--dpi", str(DPI)], capture_output=True, text=True,
                                    check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            texts.append(result.stdout)
    return "\f".join(text.rstrip("\f") for text in texts) + "\f"


def wrapped(paragraph: str, width: int, indent: int = 0) -> list[Printed]:
    lines = hyphenate_wrap(paragraph, width)
    return [(indent if n == 0 else 0, line, "body", hyphen) for n, (line, hyphen) in enumerate(lines)]


def letter() -> None:
    blocks = [["MINISTRY OF AGRICULTURE", "Whitehall Place", "London SW1A 2HH"], ["12 June 1984"],
              ["J. R. Pennington, Esq.", "Board of Inland Revenue", "Somerset House", "London WC2R 1LB"],
              ["Dear Pennington,"], ["JOINT WORKING PARTY ON STATISTICS"]]
    closing = [["Yours sincerely,"], ["A. C. Whitlock"]]
    blank: Printed = (0, "", "blank", None)
    lines: list[Printed] = []
    for block in blocks:
        kind = "heading" if block[0].isupper() and len(block) == 1 else "letter_block"
        lines += [(0, line, kind, None) for line in block] + [blank]
    for paragraph in PARAGRAPHS:
        lines += wrapped(paragraph, 60) + [blank]
    for block in closing:
        lines += [(0, line, "letter_block", None) for line in block] + [blank]
    per_page = 34
    pages = []
    while lines:
        chunk, lines = lines[:per_page], lines[per_page:]
        while lines and not lines[0][1]:
            lines = lines[1:]
        head = [(0, f"J. R. Pennington, Esq.        - {len(pages) + 1} -        12 June 1984", "running_head", None), blank]
        page = (head if pages else []) + chunk
        if lines:
            page += [blank] * 2 + [(900, "/" + lines[0][1].split()[0], "catchword", None)]
        pages.append(page)
    gt = "\n\n".join(["\n".join(block) for block in blocks] + PARAGRAPHS + ["\n".join(block) for block in closing]) + "\n"
    write("letter", render(pages, MONO, 34, 50, "letter"), gt, pages)


def book() -> None:
    lines: list[Printed] = []
    for paragraph in BOOK:
        lines += wrapped(paragraph, 68, indent=50)
    pages = []
    while lines:
        chunk, lines = lines[:14], lines[14:]
        number = 41 + len(pages)
        head = f"{number}          THE KING'S POST" if number % 2 == 0 else f"ROADS AND COACHES          {number}"
        pages.append([(300, head, "running_head", None), (0, "", "blank", None)] + chunk)
    gt = "\n\n".join(BOOK) + "\n"
    write("book", render(pages, SERIF, 38, 56, "book"), gt, pages)


def write(name: str, ocr: str, gt: str, pages: list[list[Printed]]) -> None:
    """The OCR, the logical and diplomatic ground truths, and the labels in the corpus's format."""
    diplomatic = "\f".join("\n".join(text for _, text, _, _ in page) for page in pages) + "\n"
    labels: dict[str, list] = {"lines": [], "hyphens": []}
    flat = [(number + 1, n + 1, line) for number, page in enumerate(pages) for n, line in enumerate(page)]
    for index, (page, line, (_, text, kind, hyphen)) in enumerate(flat):
        labels["lines"].append({"page": page, "line": line, "text": text, "kind": kind})
        if hyphen:
            following = next(t for _, _, (_, t, k, _) in flat[index + 1:] if k == "body")
            left = text.split()[-1]
            right = following.split()[0]
            joined = left[:-1] + right if hyphen == "inserted" else left + right
            labels["hyphens"].append({"page": page, "line": line, "text": left, "next": right,
                                      "joined": joined, "kind": hyphen})
    (HERE / f"{name}.ocr.txt").write_text(ocr, encoding="utf-8")
    (HERE / f"{name}.gt.txt").write_text(gt, encoding="utf-8")
    (HERE / f"{name}.diplomatic.txt").write_text(diplomatic, encoding="utf-8")
    (HERE / f"{name}.labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    letter()
    book()
