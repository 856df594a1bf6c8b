"""Text stage: per page, the PDF text layer where it holds real text, otherwise OCR of a 300 dpi render."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from PIL import Image, ImageSequence, UnidentifiedImageError

from .errors import InputFileError
from .ocr import OcrCache, OcrSettings, ocr_image, rotate
from .page_text import assemble, group_lines
from .schema import FileError, Page, SourceFile, Word

log = logging.getLogger(__name__)

RENDER_DPI = 300
MAX_PAGES = 2000
Image.MAX_IMAGE_PIXELS = 120_000_000  # a page at 600 dpi is ~35 Mpx; beyond this is a decompression bomb


@dataclass(frozen=True)
class TextSettings:
    dpi: int = RENDER_DPI
    min_words: int = 15  # a text layer with fewer real words is treated as a scan
    ocr: OcrSettings = field(default_factory=OcrSettings)


def _real_words(words: list[Word]) -> int:
    return sum(1 for w in words if re.search(r"[A-Za-zÀ-ÿ]{2}", w.text))


def _text_layer_words(page: pdfplumber.page.Page) -> list[Word]:
    return [Word(w["text"], (float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"])), 1.0)
            for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)]


def _open_pdfium(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise InputFileError(FileError.ENCRYPTED, "PDF is versleuteld met een wachtwoord") from exc
        raise InputFileError(FileError.UNREADABLE, f"PDF kan niet worden geopend ({exc})") from exc


def render_pdf_page(path: Path, number: int, dpi: int) -> Image.Image:
    doc = _open_pdfium(path)
    try:
        return doc[number - 1].render(scale=dpi / 72).to_pil()
    finally:
        doc.close()


def _pdf_pages(path: Path, settings: TextSettings, cache: OcrCache) -> Iterator[Page]:
    doc = _open_pdfium(path)
    try:
        n = len(doc)
        if n == 0:
            raise InputFileError(FileError.EMPTY, "PDF bevat geen pagina's")
        if n > MAX_PAGES:
            raise InputFileError(FileError.UNREADABLE, f"PDF heeft {n} pagina's, meer dan {MAX_PAGES}")
        try:
            plumber = pdfplumber.open(path)
        except Exception as exc:  # pdfminer fails in many ways on damaged files
            log.warning("%s: tekstlaag onleesbaar (%s), alleen OCR", path.name, exc)
            plumber = None
        try:
            for i in range(n):
                words: list[Word] = []
                if plumber is not None:
                    try:
                        words = _text_layer_words(plumber.pages[i])
                    except Exception as exc:  # a damaged content stream: fall back to OCR
                        log.warning("%s p%d: tekstlaag onleesbaar (%s)", path.name, i + 1, exc)
                if _real_words(words) >= settings.min_words:
                    text, ws, spans = assemble(group_lines(words, tolerance=3.0))
                    width, height = doc[i].get_size()
                    yield Page(i + 1, text, ws, "text_layer", f"tekstlaag met {_real_words(words)} woorden",
                               width, height, 72.0, 0, spans)
                    continue
                image = doc[i].render(scale=settings.dpi / 72).to_pil()
                reason = "geen tekstlaag" if not words else f"tekstlaag te klein ({_real_words(words)} woorden)"
                yield _ocr_page(i + 1, image, settings.dpi, reason, settings, cache)
        finally:
            if plumber is not None:
                plumber.close()
    finally:
        doc.close()


def _ocr_page(number: int, image: Image.Image, dpi: float, reason: str,
              settings: TextSettings, cache: OcrCache) -> Page:
    result = ocr_image(image, settings.ocr, cache)
    turned = rotate(image, result.rotation)
    return Page(number, result.text, result.words, "ocr", reason, float(turned.width), float(turned.height),
                float(dpi), result.rotation, result.spans)


def _image_dpi(image: Image.Image) -> float:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 70 <= value <= 1200 else RENDER_DPI


def _open_image(path: Path) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            image.load()
        return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise InputFileError(FileError.UNREADABLE, f"afbeelding is te groot ({exc})") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise InputFileError(FileError.UNREADABLE, f"afbeelding kan niet worden gelezen ({exc})") from exc


def _image_pages(path: Path, settings: TextSettings, cache: OcrCache) -> Iterator[Page]:
    image = _open_image(path)
    for i, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if i > MAX_PAGES:
            break
        try:
            rgb = frame.convert("RGB")
        except OSError as exc:
            raise InputFileError(FileError.UNREADABLE, f"pagina {i} kan niet worden gelezen ({exc})") from exc
        yield _ocr_page(i, rgb, _image_dpi(frame), "afbeelding", settings, cache)


def render_image_page(path: Path, number: int) -> Image.Image:
    image = _open_image(path)
    for i, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if i == number:
            return frame.convert("RGB")
    raise InputFileError(FileError.UNREADABLE, f"pagina {number} bestaat niet")


def read_pages(path: Path, source: SourceFile, settings: TextSettings, cache: OcrCache) -> list[Page]:
    """All pages of one file with their text; raises InputFileError when the file cannot be read."""
    if source.size == 0:
        raise InputFileError(FileError.EMPTY, "bestand is leeg (0 bytes)")
    if source.kind == "pdf":
        pages = list(_pdf_pages(path, settings, cache))
    elif source.kind == "image":
        pages = list(_image_pages(path, settings, cache))
    else:
        raise InputFileError(FileError.UNSUPPORTED,
                             "geen PDF, JPG, PNG of TIFF (de inhoud van het bestand is iets anders)")
    if not any(p.text.strip() for p in pages):
        raise InputFileError(FileError.UNREADABLE, "geen leesbare tekst gevonden op enige pagina")
    return pages


def render_page(path: Path, source: SourceFile, page: Page) -> Image.Image:
    """The page as an upright image in the page's own units (its `dpi`)."""
    if source.kind == "pdf":
        image = render_pdf_page(path, page.number, int(page.dpi) if page.source == "ocr" else RENDER_DPI)
    else:
        image = render_image_page(path, page.number)
    return rotate(image, page.rotation)
