"""A page's skew from its ink alone, for a page whose reading gives too few lines to measure it by (a photo of a
signature page: a name, a role, a place and a date, read as two short lines).

Lines of print make the rows of a levelled page alternate sharply between ink and paper; turned a little off
level, the rows blur into one another. The angle at which the row profile changes most sharply from row to row
is the page's skew (the projection-profile method), measured on a small copy with the ink found against the
paper around it, so a dark desk or a shadow does not count as ink.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from .lighting import darker_than_paper

LONG_SIDE = 900  # pixels: lines of 10-point print stay apart on a copy of an A4 page this size
MAX_DEGREES = 10.0
STEP = 0.25
INK_CONTRAST = 40  # grey levels darker than the paper around it


def projection_skew(image: Image.Image) -> float | None:
    """Degrees the page's lines fall to the right (as table_cells.skew), or None for a page without ink (a photo's
    paper edges against the desk count: they run with the lines)."""
    gray = image if image.mode == "L" else image.convert("L")
    scale = LONG_SIDE / max(gray.size)
    if scale < 1.0:
        gray = gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))), Image.BILINEAR)
    pixels = np.asarray(gray, dtype=np.float32)
    ink = darker_than_paper(pixels, 15, INK_CONTRAST)
    if ink.sum() < 200:
        return None
    mask = Image.fromarray(ink.astype(np.uint8) * 255)
    best: tuple[float, float] | None = None
    for turn in np.arange(-MAX_DEGREES, MAX_DEGREES + STEP / 2, STEP):
        rows = np.asarray(mask.rotate(float(turn), resample=Image.NEAREST), dtype=np.float32).sum(axis=1)
        sharpness = float(np.sum(np.diff(rows) ** 2))
        if best is None or sharpness > best[0]:
            best = (sharpness, float(turn))
    assert best is not None
    return best[1]  # turning counter-clockwise by the skew levels a page whose lines fall to the right
