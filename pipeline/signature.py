"""Signature check: ink strokes above the municipality signatory's name that are not printed text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps
from rapidfuzz import fuzz
from scipy import ndimage

from .normalize import name_key
from .schema import BBox, Page, Word


@dataclass(frozen=True)
class SignatureResult:
    signed: bool | None  # None: no signature block found, so nothing could be checked
    confidence: float
    page: int | None
    region: BBox | None  # in the page's own units
    ink: float  # share of the region covered by handwriting-like strokes
    reason: str


PARTICLES = {"van", "de", "der", "den", "ten", "ter", "het"}
INK_THRESHOLD = 0.004  # share of the region that must be stroke ink
MIN_SPAN = 0.12  # the strokes must span this share of the region's width


def _surname_words(page: Page, surname: str) -> list[Word]:
    """Words that are (part of) the surname: 'Heuvel' of 'Blanksma-van den Heuvel', 'Schuurmans-Wijdeven'."""
    key = name_key(re.sub(r"^(?:[A-Z][a-z]{0,2}\.\s?)+", "", surname.strip()))
    parts = [p for p in key.split() if len(p) >= 3 and p not in PARTICLES]
    if not parts:
        return []
    found = []
    for w in page.words:
        wk = name_key(w.text)
        if len(wk) >= 3 and (fuzz.ratio(wk, key) >= 70 or any(fuzz.ratio(wk, p) >= 75 for p in parts)):
            found.append(w)
    return found


def _name_start(page: Page, word: Word) -> Word:
    """The first word of the printed name that `word` is part of: same line, same column."""
    top, bottom = word.box[1], word.box[3]
    right_column = word.box[0] > page.width * 0.4
    same = [w for w in page.words if top - 3 <= (w.box[1] + w.box[3]) / 2 <= bottom + 3
            and w.box[0] <= word.box[0] and (not right_column or w.box[0] > page.width * 0.42)
            and word.box[0] - w.box[2] < page.dpi * 2.5]
    return min(same, key=lambda w: w.box[0]) if same else word


def _title_words(page: Page) -> list[Word]:
    return [w for w in page.words if fuzz.ratio(name_key(w.text), "burgemeester") >= 80]


def find_name_box(pages: tuple[Page, ...], signatory: str | None) -> tuple[Page, Word] | None:
    """The signatory's printed name in the signature block: the lowest match on the last pages."""
    for page in reversed(pages):
        if not page.words:
            continue
        lower = [w for w in _surname_words(page, signatory or "") if w.box[1] > page.height * 0.25]
        if lower:
            return page, _name_start(page, max(lower, key=lambda w: (w.box[1], w.box[0])))
        titles = [w for w in _title_words(page) if w.box[1] > page.height * 0.4]
        if titles:
            # no name read: the title line under it ('burgemeester gemeente X') marks the block
            title = max(titles, key=lambda w: w.box[1])
            line_height = title.box[3] - title.box[1]
            x0, top, x1, bottom = title.box
            return page, Word("", (x0, top - 1.6 * line_height, x1, bottom - 1.6 * line_height), 0.0)
    return None


def _region(page: Page, name: Word) -> BBox:
    unit = page.dpi  # units per inch
    x0, top, _x1, _bottom = name.box
    right_column = x0 > page.width * 0.4
    left = max(page.width * 0.42 if right_column else 0.0, x0 - 0.4 * unit)
    right = min(page.width, x0 + 3.0 * unit) if right_column else min(page.width * 0.55, x0 + 3.0 * unit)
    upper = max(0.0, top - 1.5 * unit)
    # stop at the printed line above the block (the 'opgemaakt te ... op ...' line)
    above = [w.box[3] for w in _printed_words(page)
             if w.box[3] < top - 0.15 * unit and w.box[3] > upper and w.box[2] > left and w.box[0] < right]
    if above:
        upper = max(above) + 0.04 * unit
    return (left, upper, right, top - 0.03 * unit)


def _printed_words(page: Page) -> list[Word]:
    """Words that are printed text: read with confidence and of the page's usual text height.

    Tesseract also 'reads' a signature as words; those are taller than a line of print and stay unmasked.
    """
    heights = sorted(w.box[3] - w.box[1] for w in page.words if w.conf >= 0.5)
    if not heights:
        return []
    usual = heights[len(heights) // 2]
    return [w for w in page.words if w.conf >= 0.5 and sum(c.isalnum() for c in w.text) >= 2
            and (w.box[3] - w.box[1]) <= 1.6 * usual]


def ink_in_region(image: Image.Image, page: Page, region: BBox) -> tuple[float, float]:
    """(ink share, horizontal span share) of stroke pixels in the region, printed words masked out."""
    scale = image.width / page.width if page.width else 1.0
    x0, y0, x1, y1 = (round(v * scale) for v in region)
    if x1 - x0 < 10 or y1 - y0 < 10:
        return 0.0, 0.0
    gray = np.asarray(ImageOps.grayscale(image).crop((x0, y0, x1, y1)), dtype=np.uint8)
    background = float(np.median(gray))
    dark = gray < min(background - 60, 160)
    for w in _printed_words(page):
        bx0, by0, bx1, by1 = (round(v * scale) for v in w.box)
        dark[max(0, by0 - y0 - 2): max(0, by1 - y0 + 2), max(0, bx0 - x0 - 2): max(0, bx1 - x0 + 2)] = False
    labels, count = ndimage.label(dark)
    if count == 0:
        return 0.0, 0.0
    sizes = ndimage.sum(dark, labels, index=np.arange(1, count + 1))
    min_size = max(12, int((image.width / max(page.width, 1) * page.dpi / 100) ** 2 * 4))
    keep = np.isin(labels, np.nonzero(sizes >= min_size)[0] + 1)
    if not keep.any():
        return 0.0, 0.0
    cols = np.nonzero(keep.any(axis=0))[0]
    return float(keep.mean()), float((cols[-1] - cols[0] + 1) / keep.shape[1])


def check_signature(pages: tuple[Page, ...], signatory: str | None, render) -> SignatureResult:
    """Decide whether the municipality signed. `render(page)` returns the page image (upright)."""
    found = find_name_box(pages, signatory)
    if found is None:
        return SignatureResult(None, 0.0, None, None, 0.0, "geen ondertekeningsblok gevonden")
    page, name = found
    region = _region(page, name)
    image = render(page)
    ink, span = ink_in_region(image, page, region)
    signed = ink >= INK_THRESHOLD and span >= MIN_SPAN
    margin = abs(ink - INK_THRESHOLD) / INK_THRESHOLD
    confidence = round(min(1.0, 0.55 + 0.15 * margin) * (1.0 if name.text else 0.8), 3)
    reason = f"inkt {ink:.2%} over {span:.0%} van de breedte boven de naam"
    return SignatureResult(signed, confidence, page.number, region, ink, reason)
