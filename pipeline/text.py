"""Text stage: per page, the PDF text layer where it holds real text, otherwise OCR of a 300 dpi render."""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from .email_intake import MAX_DEPTH
from .errors import InputFileError
from .ingest import describe_unknown
from .ocr import HEAD_DPI, HEAD_SHARE, OcrCache, OcrSettings, head_image, ocr_heads, ocr_image, rotate, turned_size
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


MAX_RENDER_PIXELS = 60_000_000  # a page is never rendered larger than this (an A4 page at 300 dpi is 8.7 Mpx)
A4_WIDTH_INCH, A4_HEIGHT_INCH = 8.27, 11.69
MIN_NATIVE_DPI = 250  # a scan's own pixels are OCR'd as they are from this resolution up


def _render_scale(page: pdfium.PdfPage, dpi: int) -> tuple[float, float]:
    """(scale, effective dpi) for rendering a page for OCR.

    A scanner that writes a wrong page size (a 2-inch page holding a 300 dpi A4 scan, or a 200-inch one) is
    rendered by its image's own resolution instead, and no page is rendered beyond MAX_RENDER_PIXELS.
    """
    width, height = page.get_size()
    scale = dpi / 72
    if not 5 * 72 <= width <= 14 * 72:
        images = [obj for obj in page.get_objects(max_depth=1) if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
        if images:
            px_width = max(img.get_px_size()[0] for img in images)
            scale = px_width / width
    scale = min(scale, (MAX_RENDER_PIXELS / max(width * height, 1.0)) ** 0.5)
    effective_dpi = width * scale / A4_WIDTH_INCH if not 5 * 72 <= width <= 14 * 72 else scale * 72
    return scale, effective_dpi


def render_pdf_page(path: Path, number: int, dpi: int) -> Image.Image:
    return render_pdf_page_for_ocr(path, number, dpi)[0]


def _scanned_image(page: pdfium.PdfPage) -> tuple[Image.Image, float] | None:
    """A scanned page's own image and its resolution, when the page is just that image, upright and whole.

    Taking the scanner's pixels as they are costs a tenth of rendering the page (measured: 0.015 s against
    0.155 s for an A4 page at 300 dpi) and reads the same pixels tesseract would otherwise get resampled.
    """
    if page.get_rotation() % 360:
        return None
    objects = list(page.get_objects(max_depth=1))
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    image = objects[0]
    a, b, c, d, _e, _f = image.get_matrix().get()
    width, height = page.get_size()
    if b or c or a <= 0 or d <= 0 or a * d < 0.9 * width * height:
        return None
    px_width, px_height = image.get_px_size()
    dpi = px_width / (a / 72)
    # below ~250 dpi tesseract reads small print better from a 300 dpi render (measured on the poor corpus:
    # 97.2 % of fields from the 200 dpi pixels as they are, 99.5 % rendered at 300 dpi)
    if not MIN_NATIVE_DPI <= dpi <= 600 or px_width * px_height > MAX_RENDER_PIXELS:
        return None
    try:
        return image.get_bitmap(render=False).to_pil(), dpi
    except (pdfium.PdfiumError, ValueError, OSError):
        return None


def render_pdf_page_for_ocr(path: Path, number: int, dpi: int) -> tuple[Image.Image, float]:
    doc = _open_pdfium(path)
    try:
        page = doc[number - 1]
        scanned = _scanned_image(page)
        if scanned is not None:
            return scanned
        scale, effective = _render_scale(page, dpi)
        return page.render(scale=scale).to_pil(), effective
    finally:
        doc.close()


@dataclass(frozen=True)
class PagePlan:
    """How one page will get its text: its text layer, or OCR (and why)."""

    number: int
    text_layer: Page | None
    reason: str


def _char_count(page: pdfium.PdfPage) -> int:
    try:
        textpage = page.get_textpage()
        try:
            return textpage.count_chars()
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        return 1  # unknown: let pdfplumber look


def _hidden_text_over_scan(page: pdfium.PdfPage) -> bool:
    """A scanner's searchable page: an image over (nearly) the whole page and only invisible text, the scanner's
    own OCR. That text may be misread and need not lie where the print is (the signature check masks print by
    its words), so the scan is read as any other."""
    width, height = page.get_size()
    covered, text = False, 0
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw) != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
                return False
            text += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            covered |= (right - left) * (top - bottom) >= 0.8 * width * height
    return covered and text > 0


def _inspect_pdf(path: Path, settings: TextSettings) -> list[PagePlan]:
    doc = _open_pdfium(path)
    try:
        n = len(doc)
        if n == 0:
            raise InputFileError(FileError.EMPTY, "PDF bevat geen pagina's")
        if n > MAX_PAGES:
            raise InputFileError(FileError.UNREADABLE, f"PDF heeft {n} pagina's, meer dan {MAX_PAGES}")
        # pdfium counts a page's characters cheaply; pdfplumber reads the words only where there are any
        has_text = [_char_count(doc[i]) > 0 for i in range(n)]
        plumber = None
        if any(has_text):
            try:
                plumber = pdfplumber.open(path)
            except Exception as exc:  # pdfminer fails in many ways on damaged files
                log.warning("%s: tekstlaag onleesbaar (%s), alleen OCR", path.name, exc)
        plans = []
        try:
            for i in range(n):
                words: list[Word] = []
                if plumber is not None and has_text[i]:
                    try:
                        words = _text_layer_words(plumber.pages[i])
                    except Exception as exc:  # a damaged content stream: fall back to OCR
                        log.warning("%s p%d: tekstlaag onleesbaar (%s)", path.name, i + 1, exc)
                real = _real_words(words)
                if real and _hidden_text_over_scan(doc[i]):
                    plans.append(PagePlan(i + 1, None, "verborgen tekstlaag van een scanner: de scan zelf gelezen"))
                elif real >= settings.min_words:
                    text, ws, spans = assemble(group_lines(words, tolerance=3.0))
                    width, height = doc[i].get_size()
                    page = Page(i + 1, text, ws, "text_layer", f"tekstlaag met {real} woorden", width, height,
                                72.0, 0, spans)
                    plans.append(PagePlan(i + 1, page, ""))
                else:
                    plans.append(PagePlan(i + 1, None, "geen tekstlaag" if not words
                                          else f"tekstlaag te klein ({real} woorden)"))
        finally:
            if plumber is not None:
                plumber.close()
        return plans
    finally:
        doc.close()


def inspect_file(path: Path, source: SourceFile, settings: TextSettings) -> list[PagePlan]:
    """The pages of a file and how each gets its text; raises InputFileError when it cannot be read."""
    if source.size == 0:
        raise InputFileError(FileError.EMPTY, "bestand is leeg (0 bytes)")
    if source.kind == "pdf":
        return _inspect_pdf(path, settings)
    if source.kind == "image":
        image = _open_image(path)
        frames = min(getattr(image, "n_frames", 1), MAX_PAGES)
        return [PagePlan(i, None, "afbeelding") for i in range(1, frames + 1)]
    if source.kind == "eml_deep":
        raise InputFileError(FileError.UNSUPPORTED, f"doorgestuurd bericht te diep genest (meer dan {MAX_DEPTH} "
                                                    "keer doorgestuurd): sla de bijlage los op in de inbox")
    if source.kind == "denied":
        raise InputFileError(FileError.UNREADABLE, "bestand niet te openen (geen leesrechten of verdwenen tijdens "
                                                   "het lezen): geef het leesrechten en lees opnieuw")
    if source.kind == "eml":
        raise InputFileError(FileError.UNSUPPORTED, "e-mail zonder bijlage die gelezen kan worden (PDF, JPG, PNG, "
                                                    "TIFF): sla de bijlage los op in de inbox")
    with path.open("rb") as fh:
        head = fh.read(1024)
    raise InputFileError(FileError.UNSUPPORTED, describe_unknown(head, source.path.rpartition("#")[2]))


def _page_image(path: Path, source: SourceFile, number: int, settings: TextSettings) -> tuple[Image.Image, float]:
    if source.kind == "pdf":
        return render_pdf_page_for_ocr(path, number, settings.dpi)
    image = _open_image(path)
    try:
        image.seek(number - 1)
        frame = image.convert("RGB")
    except (EOFError, OSError, ValueError) as exc:
        raise InputFileError(FileError.UNREADABLE, f"pagina {number} kan niet worden gelezen ({exc})") from exc
    return frame, _image_dpi(image)


@functools.cache
def _image_code() -> str:
    """What decides the pixels a page gets: this module's code and the libraries that decode and render."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(f"{pdfium.PYPDFIUM_INFO}|{pdfium.PDFIUM_INFO}|{Image.__version__}".encode())
    return h.hexdigest()[:16]


def page_identity(source: SourceFile, number: int, settings: TextSettings) -> str:
    """A page's image named by the file's content, the page and the way its image is made."""
    return f"page|{source.sha256}|{source.kind}|{number}|{settings.dpi}|{_image_code()}"


def ocr_page(path: Path, source: SourceFile, plan: PagePlan, settings: TextSettings, cache: OcrCache) -> Page:
    """A page's text by OCR of its image (upright); a page tesseract cannot finish becomes an empty page.

    A page read before (same file content, same settings) comes from the cache without being rendered.
    """
    if plan.text_layer is not None:
        return plan.text_layer
    key = cache.identity_key(page_identity(source, plan.number, settings), settings.ocr)
    result = cache.get(key)
    if result is None or not all(result.size):
        image, dpi = _page_image(path, source, plan.number, settings)
        try:
            result = ocr_image(image, settings.ocr, cache, key=key, dpi=dpi)
        except RuntimeError as exc:  # pytesseract's time-out
            log.warning("%s p%d: OCR afgebroken (%s)", source.path, plan.number, exc)
            return Page(plan.number, "", (), "ocr", f"OCR afgebroken na {settings.ocr.timeout:.0f} s",
                        float(image.width), float(image.height), dpi, 0, ())
    width, height = turned_size(result.size, result.rotation)
    return Page(plan.number, result.text, result.words, "ocr", plan.reason, float(width), float(height),
                result.dpi, result.rotation, result.spans)


def _head_of(path: Path, source: SourceFile, plan: PagePlan) -> tuple[Image.Image, tuple[float, float, float]]:
    """The top of a page at HEAD_DPI, and the page's size and dpi at that resolution."""
    if source.kind == "pdf":
        doc = _open_pdfium(path)
        try:
            page = doc[plan.number - 1]
            width, height = page.get_size()
            scale, effective = _render_scale(page, RENDER_DPI)
            scale *= min(1.0, HEAD_DPI / effective)
            image = page.render(scale=scale, crop=(0, height * (1 - HEAD_SHARE), 0, 0)).to_pil()
        finally:
            doc.close()
        dpi = min(float(HEAD_DPI), effective)
        return ImageOps.grayscale(image), (width * scale, height * scale, dpi)
    image, dpi = _page_image(path, source, plan.number, TextSettings())
    head = head_image(image, dpi)
    scale = head.width / image.width
    return head, (image.width * scale, image.height * scale, dpi * scale)


def ocr_page_heads(path: Path, source: SourceFile, plans: list[PagePlan], settings: TextSettings,
                   cache: OcrCache) -> list[Page]:
    """Only the tops of these pages, read in one tesseract run, to decide which pages need reading in full."""
    heads, sizes = zip(*(_head_of(path, source, plan) for plan in plans), strict=True)
    try:
        results = ocr_heads(list(heads), settings.ocr, cache)
    except RuntimeError as exc:
        log.warning("%s: koppen niet gelezen (%s)", source.path, exc)
        results = [None] * len(plans)
    pages = []
    for plan, (width, height, dpi), result in zip(plans, sizes, results, strict=True):
        if result is None:
            pages.append(Page(plan.number, "", (), "ocr_head", "kop niet gelezen", width, height, dpi, 0, ()))
        else:
            pages.append(Page(plan.number, result.text, result.words, "ocr_head",
                              "alleen de kop gelezen: " + plan.reason, width, height, dpi, 0, result.spans))
    return pages


LARGEST_SHEET_INCH = 17.0  # A3's long side is 16.5 inches: an image claimed larger holds no page at that size


def _image_dpi(image: Image.Image) -> float:
    """The image's resolution as its file claims it; a claim that makes it larger than any sheet of paper (a
    phone writes 72 dpi into every photo: 33 x 44 inches) is the metadata's default, and the image is taken as
    about an A4 page (a photo of a page holds the page and a little desk)."""
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if not 70 <= value <= 1200:
        return RENDER_DPI
    if max(image.size) / value > LARGEST_SHEET_INCH:
        return max(image.size) / A4_HEIGHT_INCH
    return value


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


def render_image_page(path: Path, number: int) -> Image.Image:
    image = _open_image(path)
    for i, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if i == number:
            return frame.convert("RGB")
    raise InputFileError(FileError.UNREADABLE, f"pagina {number} bestaat niet")


def read_pages(path: Path, source: SourceFile, settings: TextSettings, cache: OcrCache) -> list[Page]:
    """All pages of one file with their full text, one after the other; raises InputFileError."""
    pages = [ocr_page(path, source, plan, settings, cache) for plan in inspect_file(path, source, settings)]
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
