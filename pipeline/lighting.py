"""Uneven light on a page: a phone photo's dark desk around the paper, a shadow across a page.

Tesseract binarises a page with one global threshold (Otsu) by default; where the paper is grey in one
corner and white in another, or lies on a dark desk, that threshold leaves whole paragraphs out (a photo of
a signature page read as its last two lines). Such a page is thresholded by parts instead (tesseract's
Sauvola method); a flatbed scan, lit evenly, is left to Otsu as before.
"""

from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

SMALL_SIDE = 200  # the light is judged on a copy this small: it varies slowly across a page
MIN_SPREAD = 45  # grey levels between the darkest and lightest paper that make the light uneven


def paper(gray: np.ndarray) -> np.ndarray:
    """The paper without the print, on a small copy: the lightest pixels around each point, smoothed."""
    step = max(1, min(gray.shape) // SMALL_SIDE)
    small = gray[::step, ::step].astype(np.float32)
    lightest = ndimage.maximum_filter(small, size=5)  # print is darker than the paper around it: gone
    return ndimage.gaussian_filter(lightest, sigma=3)


def darker_than_paper(pixels: np.ndarray, reach: int, contrast: float) -> np.ndarray:
    """Ink: pixels `contrast` grey levels or more darker than the lightest within `reach` pixels (the paper
    around them), so a dark desk, a shadow or grey paper is not ink."""
    return (ndimage.maximum_filter(pixels, size=reach) - pixels) > contrast


def uneven(image: Image.Image) -> bool:
    """Whether the paper's light varies across the page by MIN_SPREAD grey levels or more."""
    gray = np.asarray(image if image.mode == "L" else image.convert("L"))
    if min(gray.shape) < 64:
        return False
    low, high = np.percentile(paper(gray), [2, 98])
    return bool(high - low >= MIN_SPREAD)
