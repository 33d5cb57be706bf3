"""The OCR engines the corpus is made with: Tesseract (command line) and RapidOCR (Python).

Each engine reads page images and returns the plain text, pages separated by a
form feed, and an hOCR document (or None).

>>> ENGINES["tesseract"].name
'tesseract'
"""
from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ocrfix.errors import OcrfixError


@dataclass(frozen=True)
class OcrResult:
    """What an engine read from a page set's images."""

    text: str               # pages separated by "\f"
    hocr: str | None


class Engine:
    """An OCR engine the generator can run; ``name`` is how ``--engines`` and the manifest call it."""

    name: str

    def check(self) -> None:
        """Raise OcrfixError when the engine is not installed."""

    def version(self) -> str:
        """The engine's version, recorded in the manifest."""
        raise NotImplementedError

    def ocr(self, images: list[Path], dpi: int) -> OcrResult:
        """Read the pages ``images`` (scanned at ``dpi``) in order."""
        raise NotImplementedError


class Tesseract(Engine):
    """Tesseract 5 with the ``eng`` model, one thread, told the true resolution."""

    name = "tesseract"

    def check(self) -> None:
        if shutil.which("tesseract") is None:
            raise OcrfixError("engine 'tesseract' is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
        languages = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
        if "eng" not in languages:
            raise OcrfixError("Tesseract has no 'eng' model (apt-get install tesseract-ocr-eng)")

    def version(self) -> str:
        return _tesseract_version()

    def ocr(self, images: list[Path], dpi: int) -> OcrResult:
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        with tempfile.TemporaryDirectory(prefix="ocrfix-tess-") as scratch:
            listing = Path(scratch) / "pages.txt"
            listing.write_text("".join(f"{image.resolve()}\n" for image in images), encoding="utf-8")
            base = Path(scratch) / "out"
            done = subprocess.run(["tesseract", str(listing), str(base), "--dpi", str(dpi), "-l", "eng",
                                   "txt", "hocr"], capture_output=True, text=True, env=env)
            if done.returncode != 0:
                raise OcrfixError(f"tesseract failed: {done.stderr.strip().splitlines()[-1:]}", images[0])
            text = (base.with_suffix(".txt")).read_text(encoding="utf-8")
            hocr = (base.with_suffix(".hocr")).read_text(encoding="utf-8")
        pages = text.split("\f")
        if pages and pages[-1].strip() == "":
            pages = pages[:-1]
        hocr = re.sub(r"image &quot;[^&]*/([^/&]+)&quot;", r"image &quot;\1&quot;", hocr)
        hocr = re.sub(r'image "[^"]*/([^/"]+)"', r'image "\1"', hocr)
        return OcrResult("\f".join(page.rstrip("\n") for page in pages) + "\n", hocr)


@lru_cache(maxsize=1)
def _tesseract_version() -> str:
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    first = (out.stdout or out.stderr).splitlines()[0]
    return "Tesseract " + first.split()[-1]


class RapidOcr(Engine):
    """RapidOCR (PP-OCRv4 ONNX models inside the ``rapidocr-onnxruntime`` wheel), lines rebuilt from boxes."""

    name = "rapidocr"
    threads = 1

    def check(self) -> None:
        if importlib.util.find_spec("rapidocr_onnxruntime") is None:
            raise OcrfixError("engine 'rapidocr' is not installed (pip install 'ocrfix[rapidocr]')")

    def version(self) -> str:
        from importlib.metadata import version

        return f"RapidOCR {version('rapidocr-onnxruntime')} (rapidocr-onnxruntime, PP-OCRv4 en/ch models)"

    def ocr(self, images: list[Path], dpi: int) -> OcrResult:
        engine = _rapidocr(self.threads)
        texts, pages = [], []
        for number, image in enumerate(images, 1):
            result, _ = engine(str(image))
            boxes = [(box, text, float(score)) for box, text, score in (result or [])]
            texts.append(boxes_to_text(boxes))
            pages.append(_hocr_page(number, image, boxes))
        body = "\n".join(pages)
        hocr = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<title></title>\n"
                "<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
                f"<meta name=\"ocr-system\" content=\"{html.escape(self.version())}\"/>\n"
                "<meta name=\"ocr-capabilities\" content=\"ocr_page ocr_line ocrx_word\"/>\n"
                f"</head>\n<body>\n{body}\n</body>\n</html>\n")
        return OcrResult("\f".join(texts) + "\n", hocr)


@lru_cache(maxsize=1)
def _rapidocr(threads: int):
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(intra_op_num_threads=threads, inter_op_num_threads=1)


def _bbox(box) -> tuple[int, int, int, int]:
    xs = [point[0] for point in box]
    ys = [point[1] for point in box]
    return round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))


def boxes_to_text(boxes: list[tuple[list, str, float]]) -> str:
    """Plain text from detected text boxes: boxes on one baseline joined left to right,
    a blank line where the gap to the next line is wider than usual.

    >>> boxes_to_text([([[0, 0], [50, 0], [50, 10], [0, 10]], "Dear", 0.9),
    ...                ([[60, 1], [90, 1], [90, 11], [60, 11]], "Sir,", 0.9),
    ...                ([[0, 40], [50, 40], [50, 50], [0, 50]], "Thank", 0.9)])
    'Dear Sir,\\n\\nThank'
    """
    items = sorted((_bbox(box), text) for box, text, _ in boxes if text.strip())
    lines: list[list[tuple[tuple[int, int, int, int], str]]] = []
    for bbox, text in sorted(items, key=lambda item: (item[0][1] + item[0][3]) / 2):
        centre = (bbox[1] + bbox[3]) / 2
        if lines:
            last = lines[-1]
            top = min(b[1] for b, _ in last)
            bottom = max(b[3] for b, _ in last)
            if top <= centre <= bottom:
                last.append((bbox, text))
                continue
        lines.append([(bbox, text)])
    if not lines:
        return ""
    heights = sorted(max(b[3] for b, _ in line) - min(b[1] for b, _ in line) for line in lines)
    height = heights[len(heights) // 2] or 1
    out: list[str] = []
    previous_bottom = None
    for line in lines:
        line.sort(key=lambda item: item[0][0])
        top = min(b[1] for b, _ in line)
        if previous_bottom is not None and top - previous_bottom > 1.2 * height:
            out.append("")
        out.append(" ".join(text.strip() for _, text in line))
        previous_bottom = max(b[3] for b, _ in line)
    return "\n".join(out)


def _hocr_page(number: int, image: Path, boxes: list[tuple[list, str, float]]) -> str:
    from PIL import Image

    with Image.open(image) as opened:
        width, height = opened.size
    spans = []
    for index, (box, text, score) in enumerate(sorted(boxes, key=lambda b: (_bbox(b[0])[1], _bbox(b[0])[0])), 1):
        x0, y0, x1, y1 = _bbox(box)
        spans.append(f"   <span class=\"ocr_line\" id=\"line_{number}_{index}\" title=\"bbox {x0} {y0} {x1} {y1}\">"
                     f"<span class=\"ocrx_word\" id=\"word_{number}_{index}\" title=\"bbox {x0} {y0} {x1} {y1}; "
                     f"x_wconf {round(score * 100)}\">{html.escape(text)}</span></span>")
    lines = "\n".join(spans)
    return (f"  <div class=\"ocr_page\" id=\"page_{number}\" title=\"image &quot;{html.escape(image.name)}&quot;; "
            f"bbox 0 0 {width} {height}; ppageno {number - 1}\">\n{lines}\n  </div>")


ENGINES: dict[str, Engine] = {engine.name: engine for engine in (Tesseract(), RapidOcr())}


def get_engine(name: str) -> Engine:
    """The engine called ``name``, checked to be installed (:class:`OcrfixError` otherwise)."""
    engine = ENGINES.get(name)
    if engine is None:
        raise OcrfixError(f"unknown engine {name!r} (known: {', '.join(ENGINES)})")
    engine.check()
    return engine
