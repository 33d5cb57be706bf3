"""Regenerate the engine-made fixtures in this folder (run from the repository root).

Renders two short pages with Pillow in Courier Prime at 300 dpi and runs
Tesseract 5.3 (eng) on them: ``tesseract-2pages.hocr`` (both pages, one
hOCR file) and ``tesseract.alto.xml`` (page 1). The images are not kept.

    .venv/bin/python tests/data/io/make_fixtures.py
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = "/usr/share/fonts/opentype/courier-prime/Courier Prime.otf"
PAGES = [
    ["Dear Sir, I received your letter", "of the tenth and read it with", "great interest. The exam-", "ple you gave is clear."],
    ["Yours faithfully,", "J. Smith"],
]


def render(lines: list[str], path: Path) -> None:
    font = ImageFont.truetype(FONT, 48)
    image = Image.new("L", (1400, 120 + 80 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((100, 60 + 80 * index), line, font=font, fill=0)
    image.save(path, dpi=(300, 300))


def tesseract(image: Path, base: Path, config: str) -> None:
    environment = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run(["tesseract", image.name, base.name, "--dpi", "300", "-l", "eng", config],
                   check=True, env=environment, capture_output=True, cwd=image.parent)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        images = []
        for number, lines in enumerate(PAGES, start=1):
            images.append(work / f"page{number}.png")
            render(lines, images[-1])
        (work / "list.txt").write_text("".join(f"{image.name}\n" for image in images))
        tesseract(work / "list.txt", work / "two", "hocr")
        tesseract(images[0], work / "one", "alto")
        (HERE / "tesseract-2pages.hocr").write_bytes((work / "two.hocr").read_bytes())
        (HERE / "tesseract.alto.xml").write_bytes((work / "one.xml").read_bytes())


if __name__ == "__main__":
    main()
