"""OCR of page images with tesseract (Dutch), turning pages upright, with an on-disk cache."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import IO

import numpy as np
import pytesseract
from PIL import Image, ImageColor, ImageFilter, ImageOps

from .dropped_lines import with_dropped_lines
from .errors import ConfigError
from .lighting import uneven
from .page_skew import projection_skew
from .page_text import assemble
from .schema import Word
from .table_cells import lines_of, reread_tables, skew

log = logging.getLogger(__name__)

A4_WIDTH_INCH, A4_HEIGHT_INCH = 8.27, 11.69  # a page's resolution when the caller does not know it

OCR_VERSION = "19"  # bump when the way pages are OCR'd changes, to invalidate caches (19: dark photocopies)

# One tesseract per core: its own OpenMP threading is several times slower on small machines.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True)
class OcrSettings:
    lang: str = "nld"
    psm: int = 3
    timeout: float = 120.0  # seconds per page; a page that hangs tesseract becomes unreadable
    good_word_conf: float = 0.6


@dataclass(frozen=True)
class OcrResult:
    text: str
    words: tuple[Word, ...]
    spans: tuple[tuple[int, int], ...]
    rotation: float  # degrees clockwise the image was turned to read it (a quarter turn and a levelling)
    size: tuple[int, int] = (0, 0)  # the image as it was given (before turning), in pixels
    dpi: float = 0.0  # its resolution, when the caller knows it

    def to_json(self) -> dict:
        return {"rotation": self.rotation,
                "words": [[w.text, *w.box, w.conf] for w in self.words],
                "lines": _line_breaks(self), "size": list(self.size), "dpi": self.dpi}


def _line_breaks(result: OcrResult) -> list[int]:
    """Index of the first word of each line, so the text can be rebuilt from the cache."""
    starts, prev_end = [], -2
    for i, (s, _e) in enumerate(result.spans):
        if i == 0 or result.text[prev_end:s].count("\n"):
            starts.append(i)
        prev_end = _e
    return starts


def _from_json(data: dict) -> OcrResult:
    words = [Word(t, (x0, y0, x1, y1), c) for t, x0, y0, x1, y1, c in data["words"]]
    starts = [*data["lines"], len(words)]
    lines = [words[a:b] for a, b in pairwise(starts)]
    text, ws, spans = assemble(lines)
    width, height = data.get("size", (0, 0))
    return OcrResult(text, ws, spans, float(data["rotation"]), (int(width), int(height)), float(data.get("dpi", 0.0)))


@cache
def check_tesseract(lang: str) -> str:
    """Tesseract's version; a ConfigError naming the fix when it or its language data is missing."""
    try:
        version = str(pytesseract.get_tesseract_version())
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise ConfigError("tesseract ontbreekt: installeer tesseract-ocr (make setup doet dat)") from exc
    if lang not in langs:
        raise ConfigError(f"tesseract mist taaldata '{lang}': installeer tesseract-ocr-{lang}")
    return version


def _reading(settings: OcrSettings) -> str:
    """The settings that decide what a page reads as. Not the time-out: a page that runs out of time is never
    cached, so another --page-timeout need not read every page again."""
    return f"{settings.lang}|{settings.psm}|{settings.good_word_conf}"


class OcrCache:
    """OCR results by image content and settings, as small JSON files."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        if directory:
            directory.mkdir(parents=True, exist_ok=True)

    def key(self, image: Image.Image, settings: OcrSettings) -> str:
        """By the pixels: right for any image, but hashing a 300 dpi page costs about 10 ms."""
        h = hashlib.sha256()
        h.update(f"{OCR_VERSION}|{_reading(settings)}|{image.mode}|{image.size}".encode())
        h.update(image.tobytes())
        return h.hexdigest()

    @staticmethod
    def identity_key(identity: str, settings: OcrSettings) -> str:
        """By where the image comes from (a file's hash, a page, and how its image is made): a page found in
        the cache this way needs no rendering or decoding at all."""
        return "id-" + hashlib.sha256(f"{OCR_VERSION}|{_reading(settings)}|{identity}".encode()).hexdigest()

    def get(self, key: str) -> OcrResult | None:
        if not self.directory:
            return None
        path = self.directory / f"{key}.json"
        try:
            return _from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: OcrResult) -> None:
        if not self.directory:
            return
        path = self.directory / f"{key}.json"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(result.to_json(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def save_for_tesseract(image: Image.Image, target: str | IO[bytes]) -> None:
    """BMP costs nothing to write, where PNG of a noisy 300 dpi scan takes 0.75 s per page (measured), 40 % on
    top of the OCR itself.

    The header says "resolution unknown", so tesseract estimates it from the size of the text, as it does for a
    PNG without one. A BMP written as Pillow does by default says 96 dpi, and tesseract, believing it, dropped
    whole lines of noisy scans (72 of 268 words on a poor page); telling it the true 300 dpi was worse than its
    own estimate too (poor corpus: all fields 98.83 % against 99.53 %).
    """
    image.save(target, "BMP", dpi=(0, 0))


@contextmanager
def _bmp_file(image: Image.Image) -> Iterator[str]:
    """The image as a temporary BMP for tesseract."""
    fd, name = tempfile.mkstemp(prefix="convenant-", suffix=".bmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            save_for_tesseract(image, fh)
        yield name
    finally:
        with suppress(OSError):
            os.remove(name)


MIN_PAGE_DPI = 250  # a page image coarser than this (a phone photo: ~200 px per inch of paper) is enlarged
OCR_DPI = 300


def _enlargement(image: Image.Image) -> float:
    """How much to enlarge a page image for tesseract: a whole page in fewer pixels than MIN_PAGE_DPI allows
    (its short side taken for an A4 page's width) is read at OCR_DPI; tesseract misses small print below."""
    implied = min(image.size) / A4_WIDTH_INCH
    return min(2.0, OCR_DPI / implied) if 0 < implied < MIN_PAGE_DPI else 1.0


def _run_tesseract(image: Image.Image, settings: OcrSettings, by_parts: bool = False) -> OcrResult:
    """`by_parts`: threshold each part of the page by its surroundings (Sauvola), for unevenly lit pages."""
    scale = _enlargement(image)
    if scale > 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS)
    config = f"--psm {settings.psm}" + (" -c thresholding_method=2" if by_parts else "")
    with _bmp_file(image) as name:
        data = pytesseract.image_to_data(name, lang=settings.lang, config=config,
                                         output_type=pytesseract.Output.DICT, timeout=settings.timeout)
    result = _split_tsv_pages(data, 1)[0]
    if scale == 1.0:
        return result
    words = tuple(Word(w.text, (w.box[0] / scale, w.box[1] / scale, w.box[2] / scale, w.box[3] / scale), w.conf)
                  for w in result.words)  # boxes in the pixels of the image as given
    return OcrResult(result.text, words, result.spans, result.rotation)


def _with_image(result: OcrResult, image: Image.Image, dpi: float) -> OcrResult:
    return OcrResult(result.text, result.words, result.spans, result.rotation, image.size, dpi)


def _good_words(result: OcrResult, settings: OcrSettings) -> int:
    """Words that tesseract read with confidence and that look like words."""
    return sum(1 for w in result.words if w.conf >= settings.good_word_conf and re.search(r"[A-Za-z]{2}", w.text))


def _quality(result: OcrResult, settings: OcrSettings) -> float:
    """Share of words that tesseract read with confidence and that look like words."""
    return _good_words(result, settings) / max(len(result.words), 8) if result.words else 0.0


def _vertical_share(result: OcrResult) -> float:
    """Share of the words (3 letters or more) whose box is taller than wide: text running up or down a page
    that lies on its side. Tesseract reads such a page, but drops lines of it and its boxes fit no layout."""
    words = [w for w in result.words if len(w.text) >= 3]
    if len(words) < 8:
        return 0.0
    return sum(1 for w in words if w.box[3] - w.box[1] > w.box[2] - w.box[0]) / len(words)


def _osd_rotation(image: Image.Image) -> int | None:
    try:
        with _bmp_file(image) as name:
            osd = pytesseract.image_to_osd(name, config="--psm 0 -c min_characters_to_try=10", timeout=60)
    except (pytesseract.TesseractError, RuntimeError):
        return None
    m = re.search(r"Rotate: (\d+)", osd)
    return int(m.group(1)) if m else None


def rotate(image: Image.Image, degrees: float) -> Image.Image:
    """Turn an image `degrees` clockwise (the convention of tesseract's OSD 'Rotate:'): quarter turns exactly,
    what is left over (a levelling) with the new corners white."""
    quarter = round(degrees / 90) * 90
    if quarter % 360:
        image = image.rotate(-quarter, expand=True)
    fine = degrees - quarter
    if abs(fine) > 0.005:
        white = ImageColor.getcolor("white", image.mode)
        image = image.rotate(-fine, resample=Image.BICUBIC, expand=True, fillcolor=white)
    return image


def turned_size(size: tuple[int, int], degrees: float) -> tuple[int, int]:
    """The size of an image of `size` after rotate(image, degrees) (Pillow's rounding of the turned corners)."""
    quarter = round(degrees / 90) * 90
    width, height = size if quarter % 180 == 0 else size[::-1]
    if abs(degrees - quarter) <= 0.005:
        return width, height
    a = np.radians(quarter - degrees)  # Pillow's angle: counter-clockwise
    cos, sin = np.cos(a), np.sin(a)
    cx, cy = width / 2.0, height / 2.0
    corners = [(x - cx, y - cy) for x, y in ((0, 0), (width, 0), (width, height), (0, height))]
    xs = [cos * x + sin * y + cx for x, y in corners]
    ys = [-sin * x + cos * y + cy for x, y in corners]
    return (int(np.ceil(max(xs)) - np.floor(min(xs))), int(np.ceil(max(ys)) - np.floor(min(ys))))


LEVEL_FROM_DEGREES = 3.0  # tesseract follows the lines of a scan skewed up to ~2.5 degrees (the generated scans
# measure up to 2.6); a phone photo at 4-5 degrees it reads in pieces, each line split where it steps down
LEVEL_PHOTO_FROM_DEGREES = 1.5  # ... and a photo (lit unevenly: in perspective, its lines bend) or a page that
# already reads badly: a photo of a memo at 2.9 degrees read 52 good words, levelled 120
BAD_QUALITY = 0.55  # share of good words under which a reading is bad


def _levelled(result: OcrResult, image: Image.Image, settings: OcrSettings, by_parts: bool,
              photo: bool) -> OcrResult:
    """The page read again levelled when its lines run skewed beyond what tesseract follows; kept when it reads
    as many good words or more (now in whole lines). The skew is measured along the lines read, or, on a photo or
    a bad reading whose lines are too few to measure it by (a signature page), from the ink itself (page_skew)."""
    doubtful = photo or _quality(result, settings) < BAD_QUALITY
    degrees = skew(lines_of(result.text, result.words, result.spans), default=None)
    if degrees is None and doubtful:
        degrees = projection_skew(rotate(image, result.rotation))
    if degrees is None or abs(degrees) < (LEVEL_PHOTO_FROM_DEGREES if doubtful else LEVEL_FROM_DEGREES):
        return result
    turn = round(result.rotation - degrees, 2)
    levelled = rotate(image, turn)
    level = _run_tesseract(levelled, settings, by_parts)
    if photo and not by_parts:  # levelled, a photo's shadows and desk edges may read better by parts
        parts = _run_tesseract(levelled, settings, by_parts=True)
        level = parts if _good_words(parts, settings) > _good_words(level, settings) else level
    log.debug("levelled by %.2f degrees: %d good words, were %d", -degrees, _good_words(level, settings),
              _good_words(result, settings))
    if _good_words(level, settings) < _good_words(result, settings):
        return result
    return OcrResult(level.text, level.words, level.spans, turn, result.size, result.dpi)


HEAD_SHARE = 0.3  # the top of a page: a document's title and first lines, under a letterhead and a stamp
HEAD_DPI = 200  # enough for 10-point print; a quarter of the pixels of a full read


def head_image(image: Image.Image, dpi: float) -> Image.Image:
    """The top of a page, grey, at HEAD_DPI."""
    image = ImageOps.grayscale(image) if image.mode not in ("L", "1") else image
    head = image.crop((0, 0, image.width, round(image.height * HEAD_SHARE)))
    dpi = min(dpi, min(image.size) / A4_WIDTH_INCH)  # a photo claims 300 dpi and holds ~200 per inch of paper
    if dpi > HEAD_DPI * 1.2:
        scale = HEAD_DPI / dpi
        head = head.resize((max(1, round(head.width * scale)), max(1, round(head.height * scale))), Image.BILINEAR)
    return head


def _split_tsv_pages(data: dict, count: int) -> list[OcrResult]:
    """Tesseract's TSV as words grouped in lines: one result per image (by page_num) of `count` images."""
    per_page: list[dict[tuple[int, int, int], list[Word]]] = [{} for _ in range(count)]
    for i, text in enumerate(data["text"]):
        text = text.strip()
        conf = float(data["conf"][i])
        page = int(data["page_num"][i]) - 1
        if not text or conf < 0 or not 0 <= page < count:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        per_page[page].setdefault(key, []).append(Word(text, (x, y, x + w, y + h), conf / 100.0))
    results = []
    for lines in per_page:
        text, words, spans = assemble([lines[k] for k in sorted(lines)])
        results.append(OcrResult(text, words, spans, 0))
    return results


def ocr_heads(heads: list[Image.Image], settings: OcrSettings, cache_: OcrCache) -> list[OcrResult]:
    """OCR of many page tops in one tesseract run: the language model is loaded once, not per page."""
    keys = ["head-" + cache_.key(h, settings) for h in heads]
    results: list[OcrResult | None] = [cache_.get(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        with tempfile.TemporaryDirectory(prefix="convenant-heads-") as tmp:
            names = []
            for i in todo:
                name = os.path.join(tmp, f"{i:05d}.bmp")
                save_for_tesseract(heads[i], name)
                names.append(name)
            listing = os.path.join(tmp, "pages.txt")
            with open(listing, "w", encoding="utf-8") as fh:
                fh.write("\n".join(names) + "\n")
            data = pytesseract.image_to_data(listing, lang=settings.lang, config=f"--psm {settings.psm}",
                                             output_type=pytesseract.Output.DICT,
                                             timeout=settings.timeout * max(1, len(todo)) / 4)
        for i, result in zip(todo, _split_tsv_pages(data, len(todo)), strict=True):
            # a memo's header table decides what the page is ('Onderwerp | Convenant ...' is no covenant)
            result = _mended(result, heads[i], heads[i].width / A4_WIDTH_INCH, settings, dropped_lines=False)
            results[i] = result
            cache_.put(keys[i], result)
    return [r for r in results if r is not None]


def ocr_image(image: Image.Image, settings: OcrSettings, cache_: OcrCache, key: str | None = None,
              dpi: float = 0.0) -> OcrResult:
    """OCR one page image; a page that reads badly is checked for orientation and read again upright.

    `key` names the image in the cache when the caller knows where it comes from (see OcrCache.identity_key);
    without it the pixels are hashed. `dpi`: the image's resolution, kept with the result for the page's geometry.
    """
    image = ImageOps.grayscale(image) if image.mode not in ("L", "1") else image
    key = key or cache_.key(image, settings)
    cached = cache_.get(key)
    if cached is not None:
        return cached
    result = _with_image(_run_tesseract(image, settings), image, dpi)
    by_parts = False
    photo = uneven(image)
    if photo or _quality(result, settings) < BAD_QUALITY:
        # a photo on a desk, a shadow, faded print on grey paper: one threshold for the whole page can lose
        # paragraphs (or all of it), thresholds by parts can lose a word elsewhere; the reading with more good
        # words is kept
        parts = _with_image(_run_tesseract(image, settings, by_parts=True), image, dpi)
        by_parts = _good_words(parts, settings) > _good_words(result, settings)
        result = parts if by_parts else result
    quality = _quality(result, settings)
    sideways = _vertical_share(result) >= 0.6
    if quality < BAD_QUALITY and not sideways:
        # scanner noise on grey paper can leave tesseract's layout analysis with nothing it takes for text
        # (a signature page read as no words at all): the page read again with the speckles filtered out
        clean = image.filter(ImageFilter.MedianFilter(3))
        cleaned = _run_tesseract(clean, settings, by_parts)
        cleaned_quality = _quality(cleaned, settings)
        if cleaned_quality > quality + 0.1:
            image, result, quality = clean, _with_image(cleaned, clean, dpi), cleaned_quality
    if quality < BAD_QUALITY or sideways:
        osd = _osd_rotation(image)
        candidates = [osd, 90, 270] if sideways else [osd, 180]
        for degrees in dict.fromkeys(d for d in candidates if d):
            turned = _run_tesseract(rotate(image, degrees), settings, by_parts)
            turned_quality = _quality(turned, settings)
            upright = turned_quality >= BAD_QUALITY and _vertical_share(turned) < 0.6
            if turned_quality > quality + 0.1 or (sideways and upright):
                result = OcrResult(turned.text, turned.words, turned.spans, degrees, image.size, dpi)
                quality = turned_quality
                if upright:
                    break
        log.debug("orientation: rotation %d, quality %.2f", result.rotation, quality)
    # a re-read only improves on the reading made: where tesseract times out on it (a levelled copy of a grey,
    # speckled page hung it for minutes), the page keeps that reading rather than being lost
    result = _or_as_read(lambda: _levelled(result, image, settings, by_parts, photo), result, "levelled")
    result = _or_as_read(lambda: _mended(result, image, dpi, settings), result, "tables and dropped lines")
    cache_.put(key, result)
    return result


def _or_as_read(reread: Callable[[], OcrResult], result: OcrResult, what: str) -> OcrResult:
    """`reread()`, or `result` as read where tesseract times out on the re-read."""
    try:
        return reread()
    except RuntimeError as exc:  # pytesseract's time-out
        log.warning("re-read (%s) given up, the page keeps its first reading: %s", what, exc)
        return result


def _mended(result: OcrResult, image: Image.Image, dpi: float, settings: OcrSettings,
            dropped_lines: bool = True) -> OcrResult:
    """The result with the page's ruled tables read cell by cell (table_cells) and, unless told otherwise, the
    lines tesseract's layout analysis passed over read after all (dropped_lines)."""
    upright = np.asarray(rotate(image, result.rotation))
    page_dpi = dpi or max(upright.shape) / A4_HEIGHT_INCH
    lines = lines_of(result.text, result.words, result.spans)
    # the skew is measured once, on tesseract's own lines: a table row rebuilt from its cells joins a label
    # and a pen-written figure on different baselines, and would tilt a level page by a degree
    degrees = skew(lines)
    tables = reread_tables(upright, page_dpi, lines, settings.lang, settings.timeout, degrees)
    lines = tables if tables is not None else lines
    gaps = with_dropped_lines(lines, upright, page_dpi, settings.lang, settings.timeout,
                              degrees) if dropped_lines else None
    if tables is None and gaps is None:
        return result
    text, words, spans = assemble(gaps if gaps is not None else lines)
    return OcrResult(text, words, spans, result.rotation, result.size, result.dpi)
