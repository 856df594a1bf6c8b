"""OCR of page images with tesseract (Dutch), turning pages upright, with an on-disk cache."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import IO

import numpy as np
import pytesseract
from PIL import Image, ImageOps
from scipy import ndimage

from .errors import ConfigError
from .page_text import assemble
from .schema import Word

log = logging.getLogger(__name__)

OCR_VERSION = "6"  # bump when the way pages are OCR'd changes, to invalidate caches (4: ruling lines erased)
RULE_INCHES = (0.45, 0.45)  # dark runs at least this long (horizontal, vertical) are ruling lines, not letters

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
    rotation: int  # degrees clockwise the image was turned to read it
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
    return OcrResult(text, ws, spans, int(data["rotation"]), (int(width), int(height)), float(data.get("dpi", 0.0)))


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


def _window_count(mask: np.ndarray, lo: np.ndarray, hi: np.ndarray, axis: int) -> np.ndarray:
    """For each pixel, how many of `mask` lie between offsets lo (inclusive) and hi (exclusive) along `axis`."""
    n = mask.shape[axis]
    zero = np.zeros((1, mask.shape[1]) if axis == 0 else (mask.shape[0], 1), np.int32)
    total = np.concatenate([zero, np.cumsum(mask, axis=axis, dtype=np.int32)], axis=axis)
    pos = np.arange(n)
    lo, hi = np.clip(pos + lo, 0, n), np.clip(pos + hi, 0, n)
    return np.take(total, hi, axis=axis) - np.take(total, lo, axis=axis)


def _open1d(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Morphological opening by a line of `length` pixels along `axis`: the runs at least that long."""
    starts = _window_count(mask, np.zeros(1, int), np.full(1, length), axis) == length  # a full run starts here
    return _window_count(starts, np.full(1, 1 - length), np.ones(1, int), axis) > 0


def _ruling(dark: np.ndarray, length: int, across: int, gap: int, horizontal: bool) -> np.ndarray:
    """Long straight runs of ink in one direction that are lines, not text.

    Runs are found on ink thickened across their direction, so the steps of a skewed line join into one run.
    A run with ink on both sides along much of it is a line of touching letters: it stays.
    """
    along, side = (1, 0) if horizontal else (0, 1)
    thick = _window_count(dark, np.full(1, -across), np.full(1, across + 1), side) > 0
    found = _open1d(thick, length, along) & ndimage.binary_dilation(dark)
    labels, count = ndimage.label(found)
    if not count:
        return found
    before = _window_count(dark, np.full(1, -gap), np.full(1, -across - 1), side) > 0
    after = _window_count(dark, np.full(1, across + 2), np.full(1, gap + 1), side) > 0
    share = ndimage.mean(before & after, labels, index=np.arange(1, count + 1))
    lines = np.concatenate([[False], np.asarray(share) < 0.3])
    return lines[labels]


def erase_rules(image: Image.Image) -> Image.Image:
    """The image with table grid lines, signature lines and underlines painted white.

    Tesseract drops the contents of cells it takes for graphics: a calculation table with a grid lost its
    figures (seen on scans of house-style agreements). Text stays: letters are never this long a straight run,
    a run of touching letters has ink on both sides, and a shaded cell or logo is a solid area.
    """
    if image.mode not in ("L", "1") or min(image.size) < 200:
        return image
    grey = np.asarray(image.convert("L"))
    full = grey < int(np.median(grey)) - 45  # darker than the paper, whatever its grey
    # found at half resolution (a line stays a line, at a quarter of the work), painted at full
    h2, w2 = full.shape[0] // 2 * 2, full.shape[1] // 2 * 2
    dark = full[:h2:2, :w2:2] | full[1:h2:2, :w2:2] | full[:h2:2, 1:w2:2] | full[1:h2:2, 1:w2:2]
    ppi = max(dark.shape[1] / 8.5, 50.0)  # a page is about 8.3 inch wide; the run lengths need no precision
    h_len, v_len = (max(8, round(v * ppi)) for v in RULE_INCHES)
    across, gap = max(1, round(0.012 * ppi)), max(4, round(0.06 * ppi))
    rules = _ruling(dark, h_len, across, gap, True) | _ruling(dark, v_len, across, gap, False)
    solid = max(3, round(0.04 * ppi))
    filled = _open1d(_open1d(dark, solid, 0) & _open1d(dark, solid, 1), 1, 0)
    rules &= ~ndimage.binary_dilation(filled, iterations=across + 1)
    if not rules.any():
        return image
    # only the line's own ink goes: a letter touching a cell's border keeps its strokes
    rules = rules.repeat(2, axis=0).repeat(2, axis=1) & ndimage.binary_dilation(full[:h2, :w2])
    out = grey.copy()
    out[:h2, :w2][rules] = 255
    return Image.fromarray(out, "L")


def _run_tesseract(image: Image.Image, settings: OcrSettings) -> OcrResult:
    image = erase_rules(image)
    with _bmp_file(image) as name:
        data = pytesseract.image_to_data(name, lang=settings.lang, config=f"--psm {settings.psm}",
                                         output_type=pytesseract.Output.DICT, timeout=settings.timeout)
    return _split_tsv_pages(data, 1)[0]


def _with_image(result: OcrResult, image: Image.Image, dpi: float) -> OcrResult:
    return OcrResult(result.text, result.words, result.spans, result.rotation, image.size, dpi)


def _quality(result: OcrResult, settings: OcrSettings) -> float:
    """Share of words that tesseract read with confidence and that look like words."""
    if not result.words:
        return 0.0
    good = sum(1 for w in result.words if w.conf >= settings.good_word_conf and re.search(r"[A-Za-z]{2}", w.text))
    return good / max(len(result.words), 8)


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


def rotate(image: Image.Image, degrees: int) -> Image.Image:
    """Turn an image `degrees` clockwise (the convention of tesseract's OSD 'Rotate:')."""
    return image.rotate(-degrees, expand=True) if degrees % 360 else image


HEAD_SHARE = 0.2  # the top of a page: a document's title and first lines
HEAD_DPI = 200  # enough for 10-point print; a quarter of the pixels of a full read


def head_image(image: Image.Image, dpi: float) -> Image.Image:
    """The top of a page, grey, at HEAD_DPI."""
    image = ImageOps.grayscale(image) if image.mode not in ("L", "1") else image
    head = image.crop((0, 0, image.width, round(image.height * HEAD_SHARE)))
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
    quality = _quality(result, settings)
    sideways = _vertical_share(result) >= 0.6
    if quality < 0.55 or sideways:
        osd = _osd_rotation(image)
        candidates = [osd, 90, 270] if sideways else [osd, 180]
        for degrees in dict.fromkeys(d for d in candidates if d):
            turned = _run_tesseract(rotate(image, degrees), settings)
            turned_quality = _quality(turned, settings)
            upright = turned_quality >= 0.55 and _vertical_share(turned) < 0.6
            if turned_quality > quality + 0.1 or (sideways and upright):
                result = OcrResult(turned.text, turned.words, turned.spans, degrees, image.size, dpi)
                quality = turned_quality
                if upright:
                    break
        log.debug("orientation: rotation %d, quality %.2f", result.rotation, quality)
    cache_.put(key, result)
    return result
