"""Named degradation levels: what happens to a page between the typist and the OCR engine.

A level bundles the faults of one kind of copy: skew, blur, noise, ink bleed,
faded and half-struck characters, low scan resolution, photocopy binarisation
and JPEG compression. ``L0`` is a clean 300 dpi scan, ``L4`` a poor
photocopy scanned at 150 dpi.

The character-level faults (fading, half strikes, typewriter baseline jitter)
are applied by :mod:`ocrfix.synth.render` while drawing; :func:`degrade` does
the rest on the rendered ink.

>>> LEVELS["L0"].scan_dpi, LEVELS["L4"].binarise
(300, True)
"""
from __future__ import annotations

import io
import random
from dataclasses import asdict, dataclass

import numpy as np

from ocrfix.errors import OcrfixError


@dataclass(frozen=True)
class Level:
    """A named degradation level: how a page's print and scan are spoiled (sizes at 300 dpi)."""

    name: str
    description: str
    skew_deg: float          # the page is rotated by up to this many degrees
    jitter_px: float         # typewriter baseline jitter per character, at 300 dpi
    faded_chars: float       # share of characters struck lightly
    fade_depth: float        # how much a faded character loses (0..1)
    half_struck: float       # share of characters with their top or bottom half missing
    patchy_ink: float        # depth of the low-frequency fading over the page (0..1)
    bleed_px: float          # ink spread, at 300 dpi
    blur_px: float           # Gaussian blur radius, at 300 dpi
    scan_dpi: int            # the resolution the engine is given (and told)
    noise: float             # Gaussian noise, grey levels
    speckle: float           # share of pixels turned to dust
    binarise: bool           # photocopy: hard black and white
    threshold: float         # binarisation threshold (grey level 0..255)
    jpeg: int | None         # JPEG quality, or None
    paper: int               # paper grey level

    def settings(self) -> dict:
        """Every setting by name, as the manifest records it for each document."""
        return asdict(self)


LEVELS = {level.name: level for level in (
    Level("L0", "clean 300 dpi scan", 0.3, 0.3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 300, 3.0, 0.0, False, 128, None, 250),
    Level("L1", "good 300 dpi scan of a worn ribbon", 0.6, 0.8, 0.10, 0.75, 0.03, 0.3, 0.0, 0.8, 300, 8.0,
          0.0002, False, 128, 75, 240),
    Level("L2", "200 dpi scan, faded and bleeding ink", 1.0, 1.2, 0.16, 0.85, 0.06, 0.5, 1.0, 1.1, 200, 14.0,
          0.0006, False, 128, 65, 232),
    Level("L3", "photocopy scanned at 200 dpi", 1.4, 1.5, 0.16, 0.75, 0.06, 0.45, 1.0, 1.3, 200, 16.0, 0.0015,
          True, 145, None, 235),
    Level("L4", "poor photocopy scanned at 150 dpi", 2.0, 1.8, 0.22, 0.8, 0.08, 0.5, 1.5, 1.5, 150, 20.0, 0.003,
          True, 140, 55, 230),
)}


def get_level(name: str) -> Level:
    """The level called ``name`` (``L0`` … ``L4``); :class:`OcrfixError` for an unknown one."""
    if name not in LEVELS:
        raise OcrfixError(f"unknown degradation level {name!r} (known: {', '.join(LEVELS)})")
    return LEVELS[name]


def degrade(ink: np.ndarray, level: Level, rng: random.Random, *, render_dpi: int = 300) -> bytes:
    """Turn an ink map (float 0..1 at ``render_dpi``) into the PNG bytes of a scanned page."""
    from PIL import Image, ImageFilter

    seed = rng.randrange(2**32)
    noise_rng = np.random.default_rng(seed)
    scale = render_dpi / 300.0
    height, width = ink.shape
    if level.patchy_ink:
        ink = ink * _patchy_field(height, width, level.patchy_ink, noise_rng)
    image = Image.fromarray(np.clip(ink * 255.0, 0, 255).astype(np.uint8), "L")
    if level.bleed_px:
        spread = image.filter(ImageFilter.GaussianBlur(level.bleed_px * scale))
        image = Image.fromarray(np.clip(np.asarray(spread, np.float32) * 1.8, 0, 255).astype(np.uint8), "L")
    paper = float(level.paper)
    page = paper - np.asarray(image, np.float32) / 255.0 * (paper - 25.0)
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")
    angle = rng.uniform(-level.skew_deg, level.skew_deg)
    if angle:
        image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=int(paper))
    if level.blur_px:
        image = image.filter(ImageFilter.GaussianBlur(level.blur_px * scale))
    if level.scan_dpi != render_dpi:
        size = (round(width * level.scan_dpi / render_dpi), round(height * level.scan_dpi / render_dpi))
        image = image.resize(size, Image.BOX)
    page = np.asarray(image, np.float32)
    if level.noise:
        page = page + noise_rng.normal(0.0, level.noise, page.shape)
    if level.speckle:
        dust = noise_rng.random(page.shape) < level.speckle
        page[dust] = noise_rng.uniform(0, 90, int(dust.sum()))
    if level.binarise:
        page = np.where(page < level.threshold, 20.0, 245.0)
    image = Image.fromarray(np.clip(page, 0, 255).astype(np.uint8), "L")
    if level.jpeg:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=level.jpeg)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(level.scan_dpi, level.scan_dpi))
    return out.getvalue()


def _patchy_field(height: int, width: int, depth: float, noise_rng: np.random.Generator) -> np.ndarray:
    """A smooth multiplicative field in [1 - depth, 1]: ink that ran dry in places."""
    from PIL import Image

    coarse = noise_rng.random((max(2, height // 120), max(2, width // 120))).astype(np.float32)
    field = np.asarray(Image.fromarray((coarse * 255).astype(np.uint8), "L").resize((width, height), Image.BICUBIC),
                       np.float32) / 255.0
    field = np.clip((field - 0.55) * 2.5, 0.0, 1.0)        # only some patches fade
    return 1.0 - depth * field
