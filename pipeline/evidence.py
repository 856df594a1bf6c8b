"""Evidence crops: the image of the line a value was read from, so a reviewer checks it in seconds."""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable

from PIL import Image, ImageOps

from .schema import BBox, Field, Page

MAX_WIDTH = 900  # pixels of a crop in the report


class PageImages:
    """Renders pages on demand and keeps the last few, so signature check and crops render a page once."""

    def __init__(self, render: Callable[[Page], Image.Image], keep: int = 2) -> None:
        self._render = render
        self._keep = keep
        self._images: OrderedDict[int, Image.Image] = OrderedDict()

    def __call__(self, page: Page) -> Image.Image:
        if page.number not in self._images:
            self._images[page.number] = self._render(page)
            while len(self._images) > self._keep:
                self._images.popitem(last=False)
        self._images.move_to_end(page.number)
        return self._images[page.number]


def line_box(page: Page, box: BBox) -> BBox:
    """The whole printed line through a value's box (words whose middle lies within its height)."""
    top, bottom = box[1], box[3]
    on_line = [w.box for w in page.words if top - 2 <= (w.box[1] + w.box[3]) / 2 <= bottom + 2]
    if not on_line:
        return box
    return (min(b[0] for b in on_line), min(b[1] for b in [*on_line, box]),
            max(b[2] for b in on_line), max(b[3] for b in [*on_line, box]))


def crop(image: Image.Image, page: Page, box: BBox, pad_inch: float = 0.08) -> bytes:
    """A grey PNG of `box` (page units) with a margin, at most MAX_WIDTH pixels wide."""
    scale = image.width / page.width if page.width else 1.0
    pad = pad_inch * page.dpi
    x0, y0 = max(0.0, box[0] - pad) * scale, max(0.0, box[1] - pad) * scale
    x1, y1 = min(page.width, box[2] + pad) * scale, min(page.height, box[3] + pad) * scale
    part = ImageOps.grayscale(image.crop((round(x0), round(y0), round(x1), round(y1))))
    if part.width > MAX_WIDTH:
        part = part.resize((MAX_WIDTH, max(1, round(part.height * MAX_WIDTH / part.width))), Image.LANCZOS)
    buf = io.BytesIO()
    part.save(buf, "PNG", compress_level=3)
    return buf.getvalue()


def field_crops(pages: tuple[Page, ...], fields: dict[str, Field], images: PageImages) -> dict[str, bytes]:
    """One crop per field that has a box: its line, or for the signature the block with the name under it."""
    crops: dict[str, bytes] = {}
    by_number = {p.number: p for p in pages}
    for name, field in fields.items():
        ev = field.evidence
        if ev is None or ev.box is None or ev.page not in by_number or ev.box == (0.0, 0.0, 0.0, 0.0):
            continue
        page = by_number[ev.page]
        if page.width <= 0:
            continue
        if name == "signed":
            box = (ev.box[0], ev.box[1], ev.box[2], min(page.height, ev.box[3] + 0.45 * page.dpi))
        else:
            box = line_box(page, ev.box)
        crops[name] = crop(images(page), page, box)
    return crops
