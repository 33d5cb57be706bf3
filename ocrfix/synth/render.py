"""Draw typeset pages as ink maps with Pillow.

Typewriter runs are struck one character at a time, one pitch apart, each
with its own pressure and baseline; a level's faded and half-struck characters
happen here. Book runs are drawn word by word.

>>> import random
>>> from ocrfix.synth.typeset import FONTS, typeset_letter, parse_example
>>> doc = typeset_letter(parse_example(), FONTS["Courier Prime"], random.Random(1))
>>> ink = render_page(doc.pages[0], doc, LEVELS["L0"], random.Random(1), dpi=100)
>>> ink.shape, float(ink.max()) > 0.5
((1169, 827), True)
"""
from __future__ import annotations

import random
from functools import lru_cache

import numpy as np

from ocrfix.synth.degrade import LEVELS, Level
from ocrfix.synth.typeset import PITCH, PT_PER_INCH, Page, Typeset


@lru_cache(maxsize=32)
def _pil_font(path: str, pixels: int):
    from PIL import ImageFont

    return ImageFont.truetype(path, pixels)


def render_page(page: Page, doc: Typeset, level: Level, rng: random.Random, *, dpi: int = 300) -> np.ndarray:
    """The page's ink as a float array (0 paper .. 1 full ink) at ``dpi``."""
    from PIL import Image, ImageDraw

    px = dpi / PT_PER_INCH
    width, height = round(page.width * px), round(page.height * px)
    image = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(image)
    font = _pil_font(doc.font.path, round(doc.size * px))
    half_struck: list[tuple[int, int, bool]] = []
    ascent = doc.size * 0.72 * px
    for line in page.lines:
        for run in line.runs:
            y = line.baseline * px
            if doc.font.monospaced:
                for index, ch in enumerate(run.text):
                    if ch == " ":
                        continue
                    x = (run.x + index * PITCH) * px
                    pressure = 1.0
                    if rng.random() < level.faded_chars:
                        pressure -= level.fade_depth * rng.uniform(0.5, 1.0)
                    jitter = rng.gauss(0.0, level.jitter_px) * dpi / 300.0
                    draw.text((x, y + jitter), ch, font=font, fill=round(255 * pressure), anchor="ls")
                    if rng.random() < level.half_struck:
                        half_struck.append((round(x), round(y + jitter), rng.random() < 0.5))
            else:
                draw.text((run.x * px, y), run.text, font=font, fill=round(255 * rng.uniform(0.9, 1.0)), anchor="ls")
                if level.faded_chars and rng.random() < level.faded_chars:
                    half_struck.append((round(run.x * px), round(y), rng.random() < 0.5))
    ink = np.asarray(image, np.float32) / 255.0
    if half_struck:
        ink = ink.copy()
        cell = round(PITCH * px) if doc.font.monospaced else round(doc.size * px * 0.6)
        for x, y, upper in half_struck:
            top = y - round(ascent) if upper else y - round(ascent / 2)
            bottom = y - round(ascent / 2) if upper else y + round(ascent * 0.3)
            ink[max(0, top):max(0, bottom), max(0, x):max(0, x + cell)] *= 1.0 - level.fade_depth
    return ink


__all__ = ["render_page", "LEVELS"]
