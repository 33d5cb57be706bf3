"""Build the generated corpus: plan page sets, typeset, render, degrade, OCR, write, record.

A *page set* is one source text laid out in one font at one degradation level
and rendered to page images. Every page set is OCR'd by Tesseract; a spread
of them also by RapidOCR. Each (page set, engine) pair is one corpus
document; the documents of one page set share its ground truth files.

Everything is deterministic for a seed: the plan, every random choice of the
layout and of the degradation (``random.Random(f"{seed}:{page_set}:{attempt}")``),
and so the images and the engines' output.

Documents are written first, the manifest last and atomically, so an
interrupted build never leaves a manifest entry without its files.

>>> plan = make_plan(load_all(), BuildOptions(letters=3, books=2, rapidocr_letters=1, rapidocr_books=1))
>>> [(spec.id, spec.layout) for spec in plan][:2]
[('letter-001', 'letter'), ('letter-002', 'letter')]
"""
from __future__ import annotations

import hashlib
import json
import random
import tempfile
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from ocrfix.errors import OcrfixError
from ocrfix.io import write_bytes_atomic, write_text_atomic
from ocrfix.jobs import workers
from ocrfix.synth.degrade import LEVELS, degrade, get_level
from ocrfix.synth.engines import get_engine
from ocrfix.synth.render import render_page
from ocrfix.synth.texts import WRITTEN_DIR, Block, Source, load_all
from ocrfix.synth.typeset import BOOK_FONTS, LETTER_FONTS, get_font, typeset_book, typeset_letter

GENERATOR = "ocrfix.synth/1"
MANIFEST_FORMAT = "ocrfix-corpus/1"
DEFAULT_OUT = Path(__file__).resolve().parent.parent.parent / "corpus"
RENDER_DPI = 300
LOST_PAGE_CER = 0.5
ATTEMPTS = 3
BOOK_CHARS_PER_PAGE = 1700


@dataclass
class BuildOptions:
    """What to build; the defaults build the committed corpus."""

    out: Path = DEFAULT_OUT
    texts: Path = WRITTEN_DIR
    work: Path | None = None                  # images and OCR cache; default OUT/build
    seed: int = 1981
    jobs: int = 2
    engines: tuple[str, ...] = ("tesseract", "rapidocr")
    letters: int = 34                         # page sets in letter layout
    books: int = 32                           # page sets in book layout
    rapidocr_letters: int = 10                # of those, how many RapidOCR also reads
    rapidocr_books: int = 10
    letter_fonts: tuple[str, ...] = LETTER_FONTS
    book_fonts: tuple[str, ...] = BOOK_FONTS
    levels: tuple[str, ...] = tuple(LEVELS)
    limit: int | None = None                  # build only the first N page sets (a quick look)
    sqlite_docs: bool = True                  # add the public-domain SQLite documentation

    @property
    def work_dir(self) -> Path:
        return self.work if self.work is not None else self.out / "build"


@dataclass(frozen=True)
class PageSetSpec:
    """One page set to make: which text, layout, font and level, and its random seed."""

    id: str
    layout: str
    source: str
    part: int                # which chunk of the source (book pages); 0 for letters
    blocks: tuple[Block, ...]
    title: str
    font: str
    level: str
    seed: str
    rendition: int           # how many earlier page sets used the same text
    first_page: int
    opens_chapter: bool
    engines: tuple[str, ...]
    source_path: str
    licence: str


def _book_chunks(source: Source, rng: random.Random) -> list[tuple[tuple[Block, ...], bool]]:
    """Consecutive paragraphs of a book source, each chunk about 2 to 4 pages of text."""
    body = [b for b in source.blocks if b.kind != "title"]
    title = [b for b in source.blocks if b.kind == "title"]
    chunks: list[tuple[tuple[Block, ...], bool]] = []
    current: list[Block] = list(title)
    target = rng.choice((2.5, 3, 3.5)) * BOOK_CHARS_PER_PAGE
    for block in body:
        current.append(block)
        if sum(len(line) for b in current for line in b.lines) >= target:
            chunks.append((tuple(current), not chunks))
            current, target = [], rng.choice((2.5, 3, 3.5)) * BOOK_CHARS_PER_PAGE
    if current and sum(len(line) for b in current for line in b.lines) > BOOK_CHARS_PER_PAGE * 1.2:
        chunks.append((tuple(current), not chunks))
    return chunks


def make_plan(sources: list[Source], options: BuildOptions) -> list[PageSetSpec]:
    """The page sets to make, in a fixed order, for the options' seed."""
    rng = random.Random(f"{options.seed}:plan")
    letter_sources = _interleave([[s for s in sources if s.genre == genre] for genre in ("letter", "minute", "report")])
    book_sources = _interleave([[s for s in sources if s.genre == "book" and s.id.startswith("sqlite_") == pd]
                                for pd in (False, True)])
    plan: list[PageSetSpec] = []
    units: list[tuple[Source, int, tuple[Block, ...], bool]] = [(s, 0, s.blocks, True) for s in letter_sources]
    plan += _assign("letter", units, options.letters, options.letter_fonts, options, rng,
                    options.rapidocr_letters)
    book_units = [(s, part, blocks, opens) for s in book_sources
                  for part, (blocks, opens) in enumerate(_book_chunks(s, rng))]
    plan += _assign("book", book_units, options.books, options.book_fonts, options, rng, options.rapidocr_books)
    return plan[: options.limit] if options.limit else plan


def _interleave(groups: list[list[Source]]) -> list[Source]:
    """Round robin over the groups, so that every kind of text is among the first page sets."""
    out = []
    for index in range(max((len(group) for group in groups), default=0)):
        out.extend(group[index] for group in groups if index < len(group))
    return out


def _assign(layout: str, units: list, count: int, fonts: tuple[str, ...], options: BuildOptions,
            rng: random.Random, rapid: int) -> list[PageSetSpec]:
    if not units or not count:
        return []
    rapid_indices = {round(i * count / rapid) for i in range(rapid)} if rapid and "rapidocr" in options.engines else set()
    specs = []
    for index in range(count):
        source, part, blocks, opens = units[index % len(units)]
        text = "".join(line for block in blocks for line in block.lines)
        level = options.levels[index % len(options.levels)]
        font = None
        for shift in range(len(fonts)):
            candidate = fonts[(index // len(options.levels) + index + shift) % len(fonts)]
            if get_font(candidate).covers(text):
                font = candidate
                break
        if font is None:
            continue
        engines = tuple(e for e in options.engines if e == "tesseract" or (e == "rapidocr" and index in rapid_indices))
        page_set = f"{layout}-{index + 1:03d}"
        specs.append(PageSetSpec(
            id=page_set, layout=layout, source=source.id, part=part, blocks=tuple(blocks), title=source.title,
            font=font, level=level, seed=f"{options.seed}:{page_set}", rendition=index // len(units),
            first_page=rng.randrange(3, 240), opens_chapter=opens, engines=engines,
            source_path=source.path, licence=source.licence))
    return specs


# --- one page set -------------------------------------------------------------------


def _typeset(spec: PageSetSpec, rng: random.Random):
    font = get_font(spec.font)
    if spec.layout == "letter":
        return typeset_letter(list(spec.blocks), font, rng)
    return typeset_book(list(spec.blocks), font, rng, title=spec.title, first_page=spec.first_page,
                        opens_chapter=spec.opens_chapter)


def page_cers(diplomatic: str, ocr: str) -> list[float]:
    """Per-page CER of ``ocr`` against the diplomatic truth, with ocrfix's scorer."""
    from ocrfix.metrics import cer

    truth_pages = diplomatic.split("\f")
    ocr_pages = ocr.split("\f")
    ocr_pages += [""] * (len(truth_pages) - len(ocr_pages))
    return [round(cer(truth, hyp), 4) for truth, hyp in zip(truth_pages, ocr_pages)]


def _cached_ocr(engine_name: str, images: list[Path], dpi: int, cache: Path):
    from ocrfix.synth.engines import OcrResult

    engine = get_engine(engine_name)
    digest = hashlib.sha256(f"{engine.version()}:{dpi}".encode())
    for image in images:
        digest.update(image.read_bytes())
    path = cache / f"{engine_name}-{digest.hexdigest()[:32]}.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        return OcrResult(data["text"], data["hocr"])
    result = engine.ocr(images, dpi)
    write_text_atomic(path, json.dumps({"text": result.text, "hocr": result.hocr}))
    return result


def make_page_set(spec: PageSetSpec, out: Path, work: Path) -> dict[str, Any]:
    """Typeset, render, degrade and OCR (Tesseract) one page set; write its files.

    A page the engine lost (CER > 50%) makes a new attempt with fresh random
    choices, up to ``ATTEMPTS``; after that the page set is dropped.
    """
    level = get_level(spec.level)
    generated = out / "generated"
    attempts: list[list[float]] = []
    for attempt in range(1, ATTEMPTS + 1):
        rng = random.Random(f"{spec.seed}:{attempt}")
        doc = _typeset(spec, rng)
        folder = work / "pages" / spec.id / f"attempt{attempt}"
        folder.mkdir(parents=True, exist_ok=True)
        images = []
        for page in doc.pages:
            ink = render_page(page, doc, level, rng, dpi=RENDER_DPI)
            image = folder / f"page{page.number}.png"
            write_bytes_atomic(image, degrade(ink, level, rng, render_dpi=RENDER_DPI))
            images.append(image)
        result = _cached_ocr("tesseract", images, level.scan_dpi, work / "cache")
        cers = page_cers(doc.diplomatic, result.text)
        attempts.append(cers)
        if max(cers) <= LOST_PAGE_CER:
            break
    else:
        return {"id": spec.id, "dropped": True, "attempts": attempts}
    write_text_atomic(generated / f"{spec.id}.gt.txt", doc.logical)
    write_text_atomic(generated / f"{spec.id}.dipl.txt", doc.diplomatic)
    write_text_atomic(generated / f"{spec.id}.labels.json", json.dumps(doc.labels, ensure_ascii=False, indent=0) + "\n")
    write_text_atomic(generated / f"{spec.id}.tesseract.txt", result.text)
    write_text_atomic(generated / f"{spec.id}.tesseract.hocr", result.hocr)
    return {"id": spec.id, "dropped": False, "attempts": attempts, "attempt": len(attempts),
            "images": [str(image) for image in images], "pages": len(doc.pages),
            "layout_settings": doc.settings, "page_cer": cers}


def ocr_page_set(spec: PageSetSpec, engine_name: str, images: list[str], out: Path, work: Path) -> dict[str, Any]:
    """OCR an existing page set with another engine; a lost page drops this document."""
    level = get_level(spec.level)
    generated = out / "generated"
    result = _cached_ocr(engine_name, [Path(image) for image in images], level.scan_dpi, work / "cache")
    diplomatic = (generated / f"{spec.id}.dipl.txt").read_text(encoding="utf-8")
    cers = page_cers(diplomatic, result.text)
    if max(cers) > LOST_PAGE_CER:
        return {"id": spec.id, "engine": engine_name, "dropped": True, "page_cer": cers}
    write_text_atomic(generated / f"{spec.id}.{engine_name}.txt", result.text)
    if result.hocr:
        write_text_atomic(generated / f"{spec.id}.{engine_name}.hocr", result.hocr)
    return {"id": spec.id, "engine": engine_name, "dropped": False, "page_cer": cers,
            "hocr": bool(result.hocr)}


# --- the whole build ------------------------------------------------------------------


@dataclass
class BuildReport:
    page_sets: int = 0
    documents: int = 0
    pages: int = 0
    regenerated: list[str] = field(default_factory=list)    # page sets that needed another attempt
    dropped: list[str] = field(default_factory=list)        # documents dropped for a lost page
    manifest: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def check(options: BuildOptions) -> list[Source]:
    """Every precondition, before any work: engines, fonts, levels, texts, a writable output."""
    counts = {"letters": options.letters, "books": options.books, "rapidocr_letters": options.rapidocr_letters,
              "rapidocr_books": options.rapidocr_books}
    for name, count in counts.items():
        if count < 0:
            raise OcrfixError(f"{name} must be 0 or more, not {count}")
    if options.limit is not None and options.limit < 1:  # 0 was read as no limit: the whole build
        raise OcrfixError(f"limit must be 1 or more (None: every page set), not {options.limit}")
    for name in (*options.letter_fonts, *options.book_fonts):
        get_font(name)
    for name in options.levels:
        get_level(name)
    for name in options.engines:
        get_engine(name)
    workers(options.jobs)
    for folder in (options.out, options.out / "generated", options.work_dir):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".ocrfix-probe-"):
                pass
        except OSError as error:
            raise OcrfixError(f"output folder is not writable ({error.strerror})", folder) from None
    return load_all(options.texts, None if not options.sqlite_docs else Path("/usr/share/doc/sqlite3"))


def build(options: BuildOptions, progress: Callable[[int], Any] | None = None) -> BuildReport:
    """Make the corpus described by ``options`` and update ``OUT/manifest.json``."""
    sources = check(options)
    plan = make_plan(sources, options)
    if not plan:
        raise OcrfixError("nothing to build: no page sets planned", options.out)
    work = options.work_dir
    report = BuildReport()
    made: dict[str, dict[str, Any]] = {}
    extra: dict[tuple[str, str], dict[str, Any]] = {}
    specs = {spec.id: spec for spec in plan}
    # RapidOCR page sets first, so their slow second engine starts early.
    order = sorted(plan, key=lambda spec: len(spec.engines) == 1)
    with ProcessPoolExecutor(max_workers=workers(options.jobs)) as pool, ProcessPoolExecutor(max_workers=1) as slow:
        pending: dict[Future, tuple[str, str]] = {
            pool.submit(make_page_set, spec, options.out, work): (spec.id, "tesseract") for spec in order}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                page_set, engine = pending.pop(future)
                outcome = future.result()
                if progress:
                    progress(1)
                if engine == "tesseract":
                    made[page_set] = outcome
                    if outcome["dropped"]:
                        continue
                    for other in specs[page_set].engines:
                        if other != "tesseract":
                            pending[slow.submit(ocr_page_set, specs[page_set], other, outcome["images"],
                                                options.out, work)] = (page_set, other)
                else:
                    extra[(page_set, engine)] = outcome
    entries = []
    for spec in plan:
        outcome = made[spec.id]
        if outcome["dropped"]:
            report.dropped.append(f"{spec.id}-tesseract")
            report.dropped.extend(f"{spec.id}-{e}" for e in spec.engines if e != "tesseract")
            continue
        report.page_sets += 1
        report.pages += outcome["pages"]
        if outcome["attempt"] > 1:
            report.regenerated.append(spec.id)
        entries.append(_entry(spec, "tesseract", outcome, outcome["page_cer"], hocr=True))
        for engine in spec.engines:
            if engine == "tesseract":
                continue
            other = extra[(spec.id, engine)]
            if other["dropped"]:
                report.dropped.append(f"{spec.id}-{engine}")
                continue
            entries.append(_entry(spec, engine, outcome, other["page_cer"], hocr=other["hocr"]))
    report.documents = len(entries)
    report.manifest = str(write_manifest(options.out, entries))
    _remove_stale(options.out / "generated", entries)
    return report


def _entry(spec: PageSetSpec, engine: str, outcome: dict[str, Any], cers: list[float], *, hocr: bool) -> dict[str, Any]:
    level = LEVELS[spec.level]
    return {
        "id": f"{spec.id}-{engine}",
        "subset": f"{engine}-{spec.layout}",
        "ocr": f"generated/{spec.id}.{engine}.txt",
        "gt": f"generated/{spec.id}.gt.txt",
        "gt_diplomatic": f"generated/{spec.id}.dipl.txt",
        "labels": f"generated/{spec.id}.labels.json",
        "hocr": f"generated/{spec.id}.{engine}.hocr" if hocr else None,
        "engine": get_engine(engine).version(),
        "layout": spec.layout,
        "font": spec.font,
        "level": spec.level,
        "pages": outcome["pages"],
        "page_set": spec.id,
        "source": f"{spec.source_path} ({spec.title})" + (f", part {spec.part + 1}" if spec.layout == "book" else ""),
        "licence": spec.licence,
        "page_cer": cers,
        "settings": {
            "generator": GENERATOR, "seed": spec.seed, "attempt": outcome["attempt"],
            "rendition": spec.rendition, "text": spec.source, "text_part": spec.part,
            "render_dpi": RENDER_DPI, "scan_dpi": level.scan_dpi, "font_file": get_font(spec.font).path,
            "layout": outcome["layout_settings"], "degradation": level.settings(),
            "tesseract": {"command": f"tesseract LIST OUT --dpi {level.scan_dpi} -l eng txt hocr",
                          "OMP_THREAD_LIMIT": 1} if engine == "tesseract" else None,
            "rapidocr": {"threads": 1, "lines": "boxes joined by baseline overlap"} if engine == "rapidocr" else None,
        },
    }


def write_manifest(out: Path, entries: list[dict[str, Any]]) -> Path:
    """Replace the generated entries of ``OUT/manifest.json`` (others, like the seed, stay)."""
    path = out / "manifest.json"
    kept: list[dict[str, Any]] = []
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        kept = [e for e in data.get("documents", []) if (e.get("settings") or {}).get("generator") != GENERATOR]
    document = {"format": MANIFEST_FORMAT, "documents": kept + entries}
    write_text_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return path


def _remove_stale(folder: Path, entries: list[dict[str, Any]]) -> None:
    wanted = {Path(entry[key]).name for entry in entries
              for key in ("ocr", "gt", "gt_diplomatic", "labels", "hocr") if entry.get(key)}
    for path in folder.iterdir():
        if path.is_file() and path.name not in wanted and path.name.split(".")[0].startswith(("letter-", "book-")):
            path.unlink()


__all__ = ["BuildOptions", "BuildReport", "PageSetSpec", "build", "check", "make_plan", "make_page_set",
           "ocr_page_set", "page_cers", "write_manifest"]
